//! ron's parse errors in plain words, at the place to fix: what was expected, and
//! for the common slips of editing by hand — an empty file, JSON, a missing quote,
//! a wrong bracket, a missing comma, a file cut short — the slip itself.

use super::locate::{
    after_value, cut_short_at, first_token, open_bracket, runaway_string, string_at,
};

/// Where a parse error is and what to say about it: the line, the column and the
/// message. ron's position and words are right for most errors; `record` names
/// what the file should hold ("partner record").
pub fn explain(
    text: &str,
    code: &ron::Error,
    reported: (usize, usize),
    record: &str,
) -> (usize, usize, String) {
    use ron::Error;
    let Some((first, first_char)) = first_token(text) else {
        return (
            1,
            1,
            format!(
                "the file is empty (nothing but blanks and comments); it should hold one {record}: ( version: …, … )"
            ),
        );
    };
    if first_char == '{' {
        return (
            first.0,
            first.1,
            format!(
                "this looks like JSON; pactboard files are RON: one {record} in parentheses, ( name: \"…\", … )"
            ),
        );
    }
    if !matches!(code, Error::Message(_))
        && let Some((start, end_line)) = runaway_string(text, reported)
    {
        return (
            start.0,
            start.1,
            format!(
                "the text in quotes that starts here runs on to line {end_line}: is its closing `\"` missing?"
            ),
        );
    }
    let (line, column) = skip_blanks(text, reported.0, reported.1);
    if matches!(code, Error::ExpectedComma)
        && let Some(message) = wrong_closer(text, (line, column))
    {
        return (line, column, message);
    }
    // Whatever ron expected next, the file ends here, or inside the word or the
    // text in quotes that starts here: it was cut short.
    if !matches!(code, Error::Message(_) | Error::TrailingCharacters)
        && let Some(in_string) = cut_short_at(text, (line, column))
    {
        let message = if in_string {
            "the file ends in the middle of a text in quotes (was it cut off?)".to_string()
        } else {
            describe(&Error::Eof)
        };
        return (line, column, message);
    }
    match code {
        // Our own messages (dates) come after ron has read the string, and it
        // reports a place at or after it; point at the string itself.
        Error::Message(message) => {
            let (line, column) = string_at(text, reported).unwrap_or((line, column));
            (line, column, message.clone())
        }
        Error::TrailingCharacters => {
            let (line, column) = after_value(text);
            (
                line,
                column,
                format!("unexpected text after the end of the {record}; a file holds exactly one"),
            )
        }
        Error::IntegerOutOfBounds => {
            let (column, negative) = match nth_char(text, line, column - 1) {
                Some('-') if column > 1 => (column - 1, true),
                _ => (column, false),
            };
            let field = field_before(text, line, column)
                .map(|field| format!(" for `{field}`"))
                .unwrap_or_default();
            let why = if negative {
                "; it cannot be negative"
            } else {
                ""
            };
            (
                line,
                column,
                format!("the number is out of range{field}{why}"),
            )
        }
        Error::ExpectedComma => {
            let starts_line = text
                .lines()
                .nth(line - 1)
                .is_some_and(|content| content.chars().take(column - 1).all(char::is_whitespace));
            let message = if starts_line {
                "expected a comma at the end of the line before"
            } else {
                "expected a comma before this"
            };
            (line, column, message.to_string())
        }
        Error::ExpectedNamedStructLike(name) => {
            let found = match nth_char(text, line, column) {
                Some(ch @ (',' | ')' | ']' | '}' | ':' | '[' | '{')) => format!(", found `{ch}`"),
                _ => String::new(),
            };
            (
                line,
                column,
                format!(
                    "expected `(` to start the {} record{found}",
                    readable_type(name)
                ),
            )
        }
        Error::InvalidIdentifier(found) | Error::SuggestRawIdentifier(found) => (
            line,
            column,
            format!("`{found}` is not a field name; names are letters, digits and `_`"),
        ),
        Error::ExpectedDifferentStructName { expected, found } => (
            line,
            column,
            format!(
                "expected the {} record, ( … ), but found `{found}`",
                readable_type(expected)
            ),
        ),
        _ => (line, column, describe(code)),
    }
}

/// "`)` does not close the `[` opened at …", when the character at `at` closes a
/// bracket other than the one still open there.
fn wrong_closer(text: &str, at: (usize, usize)) -> Option<String> {
    let closer = nth_char(text, at.0, at.1).filter(|ch| matches!(ch, ')' | ']' | '}'))?;
    let ((line, column), opener) = open_bracket(text, at)?;
    let expected = match opener {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    (closer != expected).then(|| {
        format!(
            "`{closer}` does not close the `{opener}` opened at line {line}, column {column}; expected `{expected}`"
        )
    })
}

/// The character at a 1-based line and column.
fn nth_char(text: &str, line: usize, column: usize) -> Option<char> {
    text.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(column.checked_sub(1)?)
}

/// The field whose value starts at `line`:`column` — `score` in `score: 300`.
fn field_before(text: &str, line: usize, column: usize) -> Option<String> {
    let content = text.lines().nth(line.checked_sub(1)?)?;
    let before: String = content.chars().take(column.checked_sub(1)?).collect();
    let before = before.trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_alphanumeric() || *ch == '_')
        .last()?
        .0;
    Some(before[start..].to_string())
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
        Error::ExpectedIdentifier => "expected a field name, like `name:`".into(),
        Error::ExpectedMapColon => "expected `:` between the field's name and its value".into(),
        Error::ExpectedOptionEnd => "expected `)` to close Some( … )".into(),
        Error::ExpectedStringEnd => "expected the closing `\"` of the text in quotes".into(),
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
pub fn readable_type(name: &str) -> String {
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

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        count: u8,
        tags: Vec<String>,
    }

    fn explained(text: &str) -> (usize, usize, String) {
        let error = ron::Options::default()
            .from_str::<Doc>(text)
            .expect_err("the text is bad");
        let reported = (error.span.start.line, error.span.start.col);
        explain(text, &error.code, reported, "doc record")
    }

    fn message(text: &str) -> String {
        explained(text).2
    }

    #[test]
    fn the_common_slips_are_named_where_they_are() {
        assert_eq!(
            explained("// nothing yet\n"),
            (
                1,
                1,
                "the file is empty (nothing but blanks and comments); it should hold one doc record: ( version: …, … )".into()
            )
        );
        assert!(message("\n  {\"name\": \"a\"}").starts_with("this looks like JSON"));
        assert_eq!(
            explained("(\n    name: \"a,\n    count: \"1\",\n    tags: [],\n)"),
            (
                2,
                11,
                "the text in quotes that starts here runs on to line 3: is its closing `\"` missing?".into()
            )
        );
        assert_eq!(
            explained("(name: \"a\", count: 1, tags: [\"x\")"),
            (
                1,
                33,
                "`)` does not close the `[` opened at line 1, column 29; expected `]`".into()
            )
        );
        assert_eq!(
            explained("(\n    name: \"a\"\n    count: 1,\n    tags: [],\n)"),
            (
                3,
                5,
                "expected a comma at the end of the line before".into()
            )
        );
        assert_eq!(
            explained("(name: \"a\", count: -1, tags: [])"),
            (
                1,
                20,
                "the number is out of range for `count`; it cannot be negative".into()
            )
        );
        assert_eq!(
            explained("(name: \"a\", count: 1, tags: [])\n\nmore"),
            (
                3,
                1,
                "unexpected text after the end of the doc record; a file holds exactly one".into()
            )
        );
    }

    #[test]
    fn a_file_cut_short_says_so_wherever_it_was_cut() {
        let whole = "(\n    name: \"a name\",\n    count: 1,\n    tags: [\"x\", \"y\"],\n)\n";
        for cut in 1..whole.len() - 2 {
            let text = &whole[..cut];
            let said = message(text);
            assert!(
                said.starts_with("the file ends too early")
                    || said.starts_with("the file ends in the middle of a text in quotes"),
                "{text:?}: {said}"
            );
        }
        assert_eq!(
            message("(\n    name: \"a na"),
            "the file ends in the middle of a text in quotes (was it cut off?)"
        );
    }

    #[test]
    fn type_names_read_as_words() {
        assert_eq!(readable_type("StageChange"), "stage change");
    }
}
