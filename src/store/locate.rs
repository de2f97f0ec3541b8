//! Where things are in a RON file's text: the line and column of a field's value or
//! a list item (so a value that parsed but is wrong can be pointed at), and the
//! shape around a parse error — the string it is about, the bracket still open,
//! where the file was cut short.
//!
//! The walk only needs the shape of the text — records, lists, maps, strings,
//! comments — and never fails: on text it does not understand it skips a character
//! and goes on, so at worst a position is less precise, never a panic.

use std::collections::{HashMap, HashSet};

use super::scan::{Scanner, is_ident_char, is_ident_start};
use crate::domain::validate::{FieldPath, Step};

/// A 1-based line and column (in characters).
pub type Position = (usize, usize);

/// Where some values of one document start, by their path (`kpis[2].target`).
#[derive(Debug, Default)]
pub struct Positions {
    by_path: HashMap<String, Position>,
}

impl Positions {
    /// Reads the shape of `text` once, noting where each of `paths` starts (and
    /// every value that encloses one); then each lookup is a map access.
    pub fn of(text: &str, paths: &[&FieldPath]) -> Self {
        let mut walker = Walker::new(text, paths);
        walker.scanner.skip_trivia();
        walker.value(true);
        Self {
            by_path: walker.by_path,
        }
    }

    /// Where the value at `path` starts; when it is not in the file (a field left
    /// out for its default), where the closest enclosing value starts; 1:1 at worst.
    pub fn find(&self, path: &FieldPath) -> Position {
        let steps = path.steps();
        (0..=steps.len())
            .rev()
            .find_map(|len| self.by_path.get(&key(&steps[..len])))
            .copied()
            .unwrap_or((1, 1))
    }
}

/// The map key of a path: the same text `FieldPath` displays.
fn key(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Field(name) => push_field(&mut out, name),
            Step::Item(index) => push_item(&mut out, *index),
        }
    }
    out
}

fn push_field(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

fn push_item(path: &mut String, index: usize) {
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
}

/// The string literal a parse error at `at` is about: the one `at` falls inside, or
/// the last one before it when only blanks and closing `)` lie between (ron reports
/// a bad `Some("…")` after its closing parenthesis). Used to point a date error at
/// the date rather than beside it.
pub fn string_at(text: &str, at: Position) -> Option<Position> {
    let mut scanner = Scanner::new(text);
    let mut last: Option<(Position, Position)> = None;
    loop {
        scanner.skip_trivia();
        let Some(ch) = scanner.peek() else { break };
        if scanner.position() >= at {
            break;
        }
        if scanner.at_string() {
            let start = scanner.position();
            scanner.string();
            last = Some((start, scanner.position()));
            continue;
        }
        if ch != ')' && last.is_some_and(|(_, end)| end <= scanner.position()) {
            last = None;
        }
        scanner.bump();
    }
    last.map(|(start, _)| start)
}

/// Where the first thing that is not a blank or a comment is, and what it is;
/// `None` for a file of nothing but blanks and comments.
pub fn first_token(text: &str) -> Option<(Position, char)> {
    let mut scanner = Scanner::new(text);
    scanner.skip_trivia();
    scanner.peek().map(|ch| (scanner.position(), ch))
}

/// Where the text after the file's one top-level value starts.
pub fn after_value(text: &str) -> Position {
    let mut walker = Walker::new(text, &[]);
    walker.scanner.skip_trivia();
    walker.value(false);
    walker.scanner.skip_trivia();
    walker.scanner.position()
}

/// The innermost bracket — `(`, `[` or `{` — still open at `at`, and where.
pub fn open_bracket(text: &str, at: Position) -> Option<(Position, char)> {
    let mut scanner = Scanner::new(text);
    let mut open = Vec::new();
    loop {
        scanner.skip_trivia();
        let Some(ch) = scanner.peek() else { break };
        if scanner.position() >= at {
            break;
        }
        if scanner.at_string() {
            scanner.string();
            continue;
        }
        match ch {
            '(' | '[' | '{' => {
                open.push((scanner.position(), ch));
            }
            ')' | ']' | '}' => {
                open.pop();
            }
            '\'' => {
                scanner.char_literal();
                continue;
            }
            _ => {}
        }
        scanner.bump();
    }
    open.pop()
}

/// A string literal that runs over several lines and ends at or just before `at`
/// (on the same line): where it starts and the line it ends on. pactboard never
/// writes such a string (it escapes line breaks), so one in a file that does not
/// parse is most likely missing its closing quote.
pub fn runaway_string(text: &str, at: Position) -> Option<(Position, usize)> {
    let mut scanner = Scanner::new(text);
    loop {
        scanner.skip_trivia();
        scanner.peek()?;
        if scanner.position() > at {
            return None;
        }
        if scanner.at_string() {
            let start = scanner.position();
            scanner.string();
            let end = scanner.position();
            if end.0 > start.0 && start < at && at.0 == end.0 {
                return Some((start, end.0));
            }
            continue;
        }
        if scanner.peek() == Some('\'') {
            scanner.char_literal();
            continue;
        }
        scanner.bump();
    }
}

/// Whether the file was cut short at `at`: its brackets are not all closed, and
/// nothing follows `at` but the token that starts there, or `at` is on the last
/// token. `Some(true)` when the file ends inside a text in quotes.
pub fn cut_short_at(text: &str, at: Position) -> Option<bool> {
    open_bracket(text, (usize::MAX, usize::MAX))?;
    let mut scanner = Scanner::new(text);
    let mut last = None;
    loop {
        scanner.skip_trivia();
        let Some(ch) = scanner.peek() else { break };
        let start = scanner.position();
        let closed = if scanner.at_string() {
            scanner.string()
        } else if ch == '\'' {
            scanner.char_literal();
            true
        } else if is_ident_char(ch) || matches!(ch, '-' | '+' | '.') {
            scanner.scalar();
            true
        } else {
            scanner.bump();
            true
        };
        last = Some((start, closed));
    }
    let (start, closed) = last?;
    (at >= start).then_some(!closed)
}

/// How deep records and lists may nest before the walk stops descending: ron
/// refuses deeper files anyway, and a hand-made one must not exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Walks values, recording where the wanted paths start.
struct Walker {
    scanner: Scanner,
    /// The path of the value being walked, as `FieldPath` displays it.
    path: String,
    /// The paths to record (with every path that encloses them); none for a walk
    /// that only wants to get past a value.
    wanted: HashSet<String>,
    by_path: HashMap<String, Position>,
    depth: usize,
}

impl Walker {
    fn new(text: &str, paths: &[&FieldPath]) -> Self {
        let wanted = paths
            .iter()
            .flat_map(|path| {
                let steps = path.steps();
                (0..=steps.len()).map(|len| key(&steps[..len]))
            })
            .collect();
        Self {
            scanner: Scanner::new(text),
            path: String::new(),
            wanted,
            by_path: HashMap::new(),
            depth: 0,
        }
    }

    /// One value, starting at the scanner (trivia already skipped); recorded at
    /// `self.path` when `record` (not inside maps, whose keys are data).
    fn value(&mut self, record: bool) {
        let Some(ch) = self.scanner.peek() else {
            return;
        };
        if record && self.wanted.contains(&self.path) {
            // The outer value wins: `Some("x")` is found at `Some`.
            self.by_path
                .entry(self.path.clone())
                .or_insert(self.scanner.position());
        }
        if self.scanner.at_string() {
            self.scanner.string();
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.scanner.bump();
            return;
        }
        self.depth += 1;
        match ch {
            '(' => self.parenthesised(record),
            '[' => self.list(record),
            '{' => self.map(),
            '\'' => self.scanner.char_literal(),
            ch if is_ident_start(ch) => {
                self.scanner.ident();
                self.scanner.skip_trivia();
                // `Some(…)`, `Variant(…)` or a named record `Name(…)`.
                if self.scanner.peek() == Some('(') {
                    self.parenthesised(record);
                }
            }
            _ => self.scanner.scalar(),
        }
        self.depth -= 1;
    }

    /// `( … )`: a record with `field: value` pairs, or a tuple of values.
    fn parenthesised(&mut self, record: bool) {
        self.scanner.bump(); // (
        self.scanner.skip_trivia();
        if self.scanner.looking_at_field() {
            self.fields(record);
        } else {
            self.items(record, ')');
        }
    }

    fn fields(&mut self, record: bool) {
        loop {
            self.scanner.skip_trivia();
            match self.scanner.peek() {
                None => return,
                Some(')') => {
                    self.scanner.bump();
                    return;
                }
                Some(',') => self.scanner.bump(),
                Some(ch) if is_ident_start(ch) => {
                    let name = self.scanner.ident();
                    self.scanner.skip_trivia();
                    if self.scanner.peek() == Some(':') {
                        self.scanner.bump();
                        self.scanner.skip_trivia();
                        let parent = self.path.len();
                        push_field(&mut self.path, &name);
                        self.value(record);
                        self.path.truncate(parent);
                    }
                }
                Some(_) => self.scanner.bump(),
            }
        }
    }

    fn list(&mut self, record: bool) {
        self.scanner.bump(); // [
        self.items(record, ']');
    }

    /// Comma-separated values up to `close`, each at `path[index]`.
    fn items(&mut self, record: bool, close: char) {
        let mut index = 0;
        loop {
            self.scanner.skip_trivia();
            match self.scanner.peek() {
                None => return,
                Some(ch) if ch == close => {
                    self.scanner.bump();
                    return;
                }
                Some(',') => self.scanner.bump(),
                Some(')' | ']' | '}') => {
                    // A closer that is not ours: malformed; let the caller see it.
                    return;
                }
                Some(_) => {
                    let before = self.scanner.offset();
                    let parent = self.path.len();
                    push_item(&mut self.path, index);
                    self.value(record);
                    self.path.truncate(parent);
                    index += 1;
                    if self.scanner.offset() == before {
                        self.scanner.bump();
                    }
                }
            }
        }
    }

    /// `{ key: value, … }`: walked for its extent only.
    fn map(&mut self) {
        self.scanner.bump(); // {
        loop {
            self.scanner.skip_trivia();
            match self.scanner.peek() {
                None => return,
                Some('}') => {
                    self.scanner.bump();
                    return;
                }
                Some(',' | ':') => self.scanner.bump(),
                Some(')' | ']') => return,
                Some(_) => {
                    let before = self.scanner.offset();
                    self.value(false);
                    if self.scanner.offset() == before {
                        self.scanner.bump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTNER: &str = r##"(
    version: 1,
    name: "Acme", // a comment with "quotes" and (parens)
    stage: "Limbo",
    /* a block /* nested */ comment */
    scores: [
        (criterion: "Fit", score: 9),
        (criterion: "Fit", score: 3, evidence: "said \"no\" (twice)"),
    ],
    agreement: (expires: Some("2026-01-01")),
    kpis: [
        (
            name: "Reach",
            readings: [
                (date: "2026-11-18", value: 20.0),
                (date: "2026-11-25", value: NaN),
            ],
        ),
    ],
    map: {"a": (x: 1), "b": [1, 2]},
    tuple: (1, r#"raw "quoted""#, 'c'),
    after: 7,
)
"##;

    fn find(path: FieldPath) -> Position {
        Positions::of(PARTNER, &[&path]).find(&path)
    }

    #[test]
    fn fields_and_items_are_found_at_their_values() {
        assert_eq!(find(FieldPath::at("name")), (3, 11));
        assert_eq!(find(FieldPath::at("stage")), (4, 12));
        assert_eq!(
            find(FieldPath::at("scores").item(1).field("score")),
            (8, 35),
            "the second of two look-alike records"
        );
        assert_eq!(
            find(
                FieldPath::at("kpis")
                    .item(0)
                    .field("readings")
                    .item(1)
                    .field("value")
            ),
            (16, 45)
        );
        assert_eq!(find(FieldPath::at("agreement").field("expires")), (10, 26));
        assert_eq!(
            find(FieldPath::at("after")),
            (22, 12),
            "after a map, a tuple, a raw string and a char"
        );
    }

    #[test]
    fn a_missing_value_falls_back_to_what_encloses_it() {
        assert_eq!(find(FieldPath::at("kpis").item(0).field("target")), (12, 9));
        assert_eq!(find(FieldPath::at("thresholds").field("green")), (1, 1));
    }

    #[test]
    fn nonsense_never_panics() {
        let deep = "(a: [".repeat(20_000);
        for text in [
            "",
            "(",
            "((((",
            "[)",
            "(a: [1, 2, (b: \"",
            "(a: r##\"x\"#",
            "/* never closed",
            "(a: 'x",
            "}}}]]])))",
            "(a: {1: (b: [}, c: 2)",
            &deep,
        ] {
            let path = FieldPath::at("a").item(0).field("b");
            let _ = Positions::of(text, &[&path]).find(&path);
            let _ = string_at(text, (1, 3));
            let _ = after_value(text);
            let _ = open_bracket(text, (usize::MAX, usize::MAX));
            let _ = runaway_string(text, (2, 1));
            let _ = cut_short_at(text, (1, 2));
        }
    }

    #[test]
    fn the_shape_around_a_parse_error() {
        assert_eq!(
            first_token("  // hi\n /* x */ {\"a\": 1}"),
            Some(((2, 10), '{'))
        );
        assert_eq!(first_token("// only a comment\n\n"), None);
        assert_eq!(after_value("(a: [1, (b: \")\")])\n\n  more"), (3, 3));
        let text = "(\n    tags: [\"a\", \"]\"),\n)";
        assert_eq!(open_bracket(text, (2, 20)), Some(((2, 11), '[')));
        assert_eq!(open_bracket(text, (1, 1)), None);
        let runaway = "(\n    name: \"Zephyr,\n    kind: \"startup\",\n)";
        assert_eq!(runaway_string(runaway, (3, 12)), Some(((2, 11), 3)));
        assert_eq!(runaway_string(runaway, (1, 1)), None, "before it");
        assert_eq!(
            runaway_string(text, (2, 20)),
            None,
            "no string over several lines"
        );
    }

    #[test]
    fn a_file_cut_short_is_told_apart() {
        assert_eq!(cut_short_at("(a: \"unfinish", (1, 5)), Some(true));
        assert_eq!(cut_short_at("(a: \"esc\\\"", (1, 5)), Some(true));
        assert_eq!(cut_short_at("(a: \"done\"", (1, 5)), Some(false));
        assert_eq!(cut_short_at("(\n    sc", (2, 5)), Some(false));
        assert_eq!(cut_short_at("(\n    sc  // more\n", (2, 5)), Some(false));
        assert_eq!(cut_short_at("(\n    name:", (2, 9)), Some(false));
        assert_eq!(cut_short_at("(\n    sc: 1", (2, 5)), None, "more follows");
        assert_eq!(
            cut_short_at("(a: )", (1, 5)),
            None,
            "all closed: a value is missing"
        );
    }

    #[test]
    fn a_string_error_points_at_the_string() {
        let text = "(\n    due: Some(\"2026-7-1\"),\n    since: \"1 Sept\",\n)\n";
        assert_eq!(string_at(text, (2, 25)), Some((2, 15)), "after Some(…)");
        assert_eq!(string_at(text, (3, 13)), Some((3, 12)), "inside the string");
        assert_eq!(string_at(text, (3, 5)), None, "nothing to do with a string");
    }
}
