//! Plain text shared by the dashboard and the printed reports: fitting text into
//! columns by display width (wide characters count double, an ellipsis where it is
//! cut), a count with its noun, and the "as of" label that says which day the figures are for.

use chrono::NaiveDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cli::TodaySource;

/// "as of 2026-11-28", "demo as of 2026-11-28" or "today, 2026-11-28".
pub fn as_of(today: NaiveDate, source: TodaySource) -> String {
    match source {
        TodaySource::Demo => format!("demo as of {today}"),
        TodaySource::Pinned => format!("as of {today}"),
        TodaySource::Clock => format!("today, {today}"),
    }
}

/// "1 partner", "3 partners": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `count` of a noun whose plural adds an s: "1 day", "3 days".
pub fn count_of(n: usize, noun: &str) -> String {
    count(n, noun, &format!("{noun}s"))
}

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` with its first letter in upper case ("moved back…" → "Moved back…").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// `text` cut or padded with spaces to exactly `columns` columns.
pub fn fit(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// `text` right-aligned in `columns` columns.
pub fn fit_right(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// Greedy word wrap to `columns` (at least 10) by display width, one line at least;
/// a word longer than a line gets a line of its own, cut with `…`.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(10);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && width(&line) + 1 + width(word) > columns {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&truncate(word, columns));
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Word wrap to exactly `columns` (at least 2, so a wide character fits) by display
/// width, a word longer than a line cut across lines: no line is ever wider. Line
/// breaks in `text` are kept; one line at least.
pub fn wrap_cut(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(2);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            for piece in cut(word, columns) {
                if !line.is_empty() && width(&line) + 1 + width(&piece) > columns {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&piece);
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `word` in pieces of at most `columns` columns.
fn cut(word: &str, columns: usize) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut used = 0;
    for ch in word.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > columns && used > 0 {
            pieces.push(String::new());
            used = 0;
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push(ch);
        }
        used += w;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(width(&fit("日本語", 5)), 5);
        assert_eq!(fit_right("7", 3), "  7");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn counts_name_their_noun_in_the_right_number() {
        assert_eq!(count(1, "partner", "partners"), "1 partner");
        assert_eq!(count(0, "partner", "partners"), "0 partners");
        assert_eq!(count(7, "stage", "stages"), "7 stages");
    }

    #[test]
    fn wraps_by_words() {
        assert_eq!(
            wrap("one two three four five six", 10),
            ["one two", "three four", "five six"]
        );
        assert_eq!(wrap("", 20), [""]);
        assert_eq!(wrap("a\nb", 20), ["a", "b"]);
        assert_eq!(
            wrap("see https://example.org/a/very/long/path now", 12),
            ["see", "https://exa…", "now"]
        );
    }

    #[test]
    fn wraps_to_the_column_cutting_words_too_long_for_it() {
        assert_eq!(wrap_cut("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap_cut("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        // Wide characters count double and are never split.
        assert_eq!(
            wrap_cut("日本語テキスト", 5),
            ["日本", "語テ", "キス", "ト"]
        );
        for line in wrap_cut("日本語 テキスト and more words", 3) {
            assert!(width(&line) <= 3, "{line:?}");
        }
        assert_eq!(wrap_cut("", 5), [""]);
    }
}
