//! Reading one RON document: the schema version first, then the value, and for any
//! failure a `file:line:column` error in plain words.

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::explain::{explain, readable_type};

/// A file that did not load (or loaded read-only), with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Relative to the data directory, e.g. `partners/acme.ron`.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based.
    pub column: usize,
    pub message: String,
    /// The file did load, read-only (written by a newer pactboard); `false`: it did
    /// not load at all.
    pub loaded_read_only: bool,
}

impl LoadError {
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            loaded_read_only: false,
        }
    }

    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self::at(file, 1, 1, message)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The outcome of reading one document.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: Option<T>,
    pub read_only: bool,
    pub errors: Vec<LoadError>,
}

impl<T> Parsed<T> {
    /// A file that did not load, for one reason.
    fn failed(error: LoadError) -> Self {
        Self {
            value: None,
            read_only: false,
            errors: vec![error],
        }
    }
}

/// Only the version, whatever else the file holds.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: u32,
}

/// A UTF-8 byte-order mark, which Windows editors put at the start of a file.
const BOM: char = '\u{feff}';

/// The text without a leading byte-order mark: it is accepted on reading, positions
/// are counted without it (as an editor shows the file), and the next save drops it.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// The `version` a document declares, if it can be read at all.
pub fn file_version(bytes: &[u8]) -> Option<u32> {
    let text = without_bom(std::str::from_utf8(bytes).ok()?);
    ron::Options::default()
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.version)
        .filter(|version| *version > 0)
}

/// A document that declares its schema version.
pub trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for crate::domain::Partner {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for crate::domain::Workspace {
    fn version(&self) -> u32 {
        self.version
    }
}

/// Parses `bytes` as a `T` of schema `known_version`.
///
/// A file from a newer pactboard is reported at its `version` field; if it still
/// parses, it is returned marked read-only so it is shown but never saved.
pub fn parse_document<T: DeserializeOwned + Versioned>(
    file: &str,
    bytes: &[u8],
    known_version: u32,
) -> Parsed<T> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => without_bom(text),
        Err(error) => {
            let (line, column) = line_column(bytes, error.valid_up_to());
            return Parsed::failed(LoadError::at(
                file,
                line,
                column,
                "not UTF-8 text; RON files must be UTF-8",
            ));
        }
    };
    let result = ron::Options::default().from_str::<T>(text);
    // Only a file that did not parse is read a second time, for its version alone.
    let version = match &result {
        Ok(value) => Some(value.version()),
        Err(_) => file_version(bytes),
    };
    if let Some(version) = version
        && version > known_version
    {
        let (line, column) = version_position(text);
        let value = result.ok();
        let loaded = value.is_some();
        let message = if loaded {
            format!(
                "written by a newer pactboard (file version {version}, this one reads up to {known_version}); shown read-only and never saved — upgrade pactboard to edit it"
            )
        } else {
            format!(
                "written by a newer pactboard (file version {version}, this one reads up to {known_version}) and cannot be read by this one; upgrade pactboard to open it"
            )
        };
        return Parsed {
            value,
            read_only: true,
            errors: vec![LoadError {
                loaded_read_only: loaded,
                ..LoadError::at(file, line, column, message)
            }],
        };
    }
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            read_only: false,
            errors: Vec::new(),
        },
        Err(error) => {
            let reported = (error.span.start.line.max(1), error.span.start.col.max(1));
            // "partner record", "workspace record": what the file should hold.
            let name = std::any::type_name::<T>().rsplit("::").next().unwrap_or("");
            let record = format!("{} record", readable_type(name));
            let (line, column, message) = explain(text, &error.code, reported, &record);
            Parsed::failed(LoadError::at(file, line, column, message))
        }
    }
}

/// 1-based line and column of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Where the value of the first `version:` field starts.
fn version_position(text: &str) -> (usize, usize) {
    for (index, line) in text.lines().enumerate() {
        if let Some(start) = line.find("version") {
            let rest = &line[start + "version".len()..];
            if let Some(after_colon) = rest.trim_start().strip_prefix(':') {
                let value_offset = line.len() - after_colon.trim_start().len();
                return (index + 1, line[..value_offset].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        version: u32,
        name: String,
        count: u8,
    }

    impl Versioned for Doc {
        fn version(&self) -> u32 {
            self.version
        }
    }

    fn parse(text: &str) -> Parsed<Doc> {
        parse_document("partners/x.ron", text.as_bytes(), 1)
    }

    #[test]
    fn a_good_file_parses() {
        let parsed = parse("(\n    version: 1,\n    name: \"a\",\n    count: 2,\n)\n");
        assert_eq!(
            parsed.value,
            Some(Doc {
                version: 1,
                name: "a".into(),
                count: 2
            })
        );
        assert!(parsed.errors.is_empty());
    }

    #[test]
    fn an_unknown_field_is_named_with_its_position() {
        let parsed =
            parse("(\n    version: 1,\n    name: \"a\",\n    colour: 3,\n    count: 2,\n)\n");
        let error = &parsed.errors[0];
        assert_eq!(error.line, 4, "{error}");
        assert!(
            error.message.contains("unknown field `colour` in doc"),
            "{error}"
        );
        assert!(
            error
                .message
                .contains("expected one of: version, name, count")
        );
    }

    #[test]
    fn a_newer_version_is_read_only_and_reported_at_the_version() {
        let parsed = parse("(\n    version:   7,\n    name: \"a\",\n    count: 2,\n)\n");
        assert!(parsed.read_only);
        assert!(parsed.value.is_some());
        let error = &parsed.errors[0];
        assert_eq!((error.line, error.column), (2, 16));
        assert!(error.message.contains("newer pactboard"));
        assert!(error.loaded_read_only);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let parsed = parse_document::<Doc>("x.ron", b"(\n  ab\xff", 1);
        assert_eq!((parsed.errors[0].line, parsed.errors[0].column), (2, 5));
    }

    #[test]
    fn a_byte_order_mark_is_accepted_and_not_counted_in_positions() {
        let parsed = parse("\u{feff}(\n    version: 1,\n    name: \"a\",\n    count: 2,\n)\n");
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert!(parsed.value.is_some());
        let parsed = parse("\u{feff}(version: 1, name: 3, count: 2)");
        assert_eq!((parsed.errors[0].line, parsed.errors[0].column), (1, 20));
        assert_eq!(file_version("\u{feff}(version: 4)".as_bytes()), Some(4));
    }

    #[test]
    fn a_newer_version_that_does_not_parse_does_not_claim_to_be_shown() {
        let parsed = parse("(\n    version: 9,\n    name: \"a\",\n    mood: 1,\n)\n");
        assert!(parsed.value.is_none());
        let error = &parsed.errors[0];
        assert!(!error.loaded_read_only);
        assert!(
            error.message.contains("cannot be read by this one"),
            "{error}"
        );
        assert!(!error.message.contains("shown read-only"), "{error}");
    }
}
