//! Reading one RON document: the schema version first, then the value, and for any
//! failure a `file:line:column` error in plain words.

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

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
}

impl LoadError {
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
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

/// The `version` a document declares, if it can be read at all.
pub fn file_version(bytes: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(bytes).ok()?;
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
        Ok(text) => text,
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
        return Parsed {
            value: result.ok(),
            read_only: true,
            errors: vec![LoadError::at(
                file,
                line,
                column,
                format!(
                    "written by a newer pactboard (file version {version}, this one reads up to {known_version}); shown read-only and never saved — upgrade pactboard to edit it"
                ),
            )],
        };
    }
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            read_only: false,
            errors: Vec::new(),
        },
        Err(error) => {
            let (line, column) = skip_blanks(
                text,
                error.span.start.line.max(1),
                error.span.start.col.max(1),
            );
            // A file cut off in the middle of a word ("start: S") fails on that
            // word, not on the missing end: say what really happened.
            let message = if error.code != ron::Error::Eof && cut_off_at(text, line, column) {
                format!(
                    "{} ({} where the file stops)",
                    describe(&ron::Error::Eof),
                    describe(&error.code)
                )
            } else {
                describe(&error.code)
            };
            Parsed::failed(LoadError::at(file, line, column, message))
        }
    }
}

/// Whether nothing but the rest of one word follows `line`:`column` — the error
/// sits where the file stops.
fn cut_off_at(text: &str, line: usize, column: usize) -> bool {
    let Some(offset) = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>()
        .checked_add(text.lines().nth(line - 1).map_or(0, |content| {
            content.chars().take(column - 1).map(char::len_utf8).sum()
        }))
    else {
        return false;
    };
    let rest = text.get(offset..).unwrap_or("");
    !rest.trim_end().contains(char::is_whitespace)
        && !rest.trim_end().contains([',', '(', ')', '[', ']'])
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

/// ron points just before a bad value (at the space after the colon); move to the
/// value itself, staying on the same line.
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(content) = text.lines().nth(line - 1) else {
        return (line, column);
    };
    let skipped = content
        .chars()
        .skip(column - 1)
        .take_while(|ch| *ch == ' ' || *ch == '\t')
        .count();
    if column - 1 + skipped < content.chars().count() {
        (line, column + skipped)
    } else {
        (line, column)
    }
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

/// ron's error in plain words, saying what was expected.
fn describe(code: &ron::Error) -> String {
    use ron::Error;
    match code {
        Error::Eof => {
            "the file ends too early: a closing `)` or `]` is missing (was it cut off?)".into()
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|outer| format!(" in {}", readable_type(outer)))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{place}; expected one of: {}",
                expected.join(", ")
            )
        }
        Error::MissingStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|outer| format!(" in {}", readable_type(outer)))
                .unwrap_or_default();
            format!("missing field `{field}`{place}")
        }
        Error::DuplicateStructField { field, .. } => format!("field `{field}` appears twice"),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not allowed here; expected one of: {}",
            expected.join(", ")
        ),
        Error::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        Error::Message(message) => message.clone(),
        Error::ExpectedString => "expected text in double quotes, like \"Acme\"".into(),
        Error::ExpectedInteger => "expected a whole number".into(),
        Error::ExpectedFloat => "expected a number, like 12 or 4.5".into(),
        Error::ExpectedBoolean => "expected true or false".into(),
        Error::ExpectedOption => "expected Some(…) or None".into(),
        Error::ExpectedArray => "expected a list in square brackets: [ … ]".into(),
        Error::ExpectedArrayEnd => {
            "expected `]` to close the list (or a comma before the next item)".into()
        }
        Error::ExpectedStructLike => "expected a record in parentheses: ( … )".into(),
        Error::ExpectedStructLikeEnd => {
            "expected `)` to close the record (or a comma before the next field)".into()
        }
        Error::ExpectedComma => "expected a comma".into(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// Rust type names as a person would say them: `StageChange` → "stage change".
fn readable_type(name: &str) -> String {
    let mut words = String::new();
    for (index, ch) in name.chars().enumerate() {
        if ch.is_uppercase() && index > 0 {
            words.push(' ');
        }
        words.extend(ch.to_lowercase());
    }
    words
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
    fn a_file_cut_off_inside_a_word_says_it_ends_too_early() {
        let parsed = parse("(\n    version: 1,\n    name: S");
        let error = &parsed.errors[0];
        assert_eq!((error.line, error.column), (3, 11), "{error}");
        assert_eq!(
            error.message,
            "the file ends too early: a closing `)` or `]` is missing (was it cut off?) \
             (expected text in double quotes, like \"Acme\" where the file stops)"
        );
        // The same kind of error with the file going on after it is not a cut.
        let parsed = parse("(\n    version: 1,\n    name: 7,\n    count: 1,\n)\n");
        assert!(!parsed.errors[0].message.contains("ends too early"));
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
    }

    #[test]
    fn invalid_utf8_is_located() {
        let parsed = parse_document::<Doc>("x.ron", b"(\n  ab\xff", 1);
        assert_eq!((parsed.errors[0].line, parsed.errors[0].column), (2, 5));
    }

    #[test]
    fn type_names_read_as_words() {
        assert_eq!(readable_type("StageChange"), "stage change");
    }
}
