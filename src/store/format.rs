//! The on-disk RON layout: fixed field order, no struct names, `\n` line endings,
//! and small records (a reading, a history entry, an action item…) on one line each,
//! so that adding one is a one-line diff.
//!
//! ron's own pretty printer can only inline by nesting depth, and a history entry
//! sits shallower than a KPI reading, so no single depth works. Instead the value is
//! serialised compactly *with* struct names, and this module re-lays it out: records
//! whose type is in `ONE_LINE_RECORDS` stay on one line, everything else is expanded,
//! and the names are dropped.

use serde::Serialize;

/// Types written on a single line.
const ONE_LINE_RECORDS: &[&str] = &[
    "Reading",
    "StageChange",
    "ActionItem",
    "Score",
    "Clause",
    "Role",
    "Contact",
    "Member",
    "StageDef",
    "Criterion",
    "RagThresholds",
    "MeetingTier",
    "Deliverable",
    "Outcome",
    "Feedback",
    "Replan",
    "Amendment",
    "KpiClosed",
    "GracePeriod",
    "Phase",
    "Perspective",
];

const INDENT: &str = "    ";

/// Serialises `value` in the layout described above, ending with a newline.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .compact_arrays(true)
        .compact_structs(true)
        .compact_maps(true)
        .new_line("")
        .indentor("")
        .separator("");
    let compact = ron::ser::to_string_pretty(value, config)?;
    let tokens = tokenize(&compact);
    let mut parser = Parser {
        tokens,
        position: 0,
    };
    let node = parser.node();
    let mut out = String::with_capacity(compact.len() * 2);
    render(&node, 0, &mut out);
    out.push('\n');
    Ok(out)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Atom(String),
    Open(char),
    Close,
    Comma,
    Colon,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        match ch {
            '(' | '[' | '{' => tokens.push(Token::Open(ch)),
            ')' | ']' | '}' => tokens.push(Token::Close),
            ',' => tokens.push(Token::Comma),
            ':' => tokens.push(Token::Colon),
            ch if ch.is_whitespace() => {}
            '"' => {
                // Copy the string, un-escaping `\'`: ron escapes apostrophes, which
                // is legal but makes "don\'t" in every note.
                let mut atom = String::from('"');
                let mut escaped = false;
                for (_, ch) in chars.by_ref() {
                    if escaped {
                        if ch != '\'' {
                            atom.push('\\');
                        }
                        atom.push(ch);
                        escaped = false;
                    } else if ch == '\\' {
                        escaped = true;
                    } else {
                        atom.push(ch);
                        if ch == '"' {
                            break;
                        }
                    }
                }
                tokens.push(Token::Atom(atom));
            }
            _ => {
                let mut end = start + ch.len_utf8();
                while let Some(&(index, next)) = chars.peek() {
                    if matches!(next, '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '"')
                        || next.is_whitespace()
                    {
                        break;
                    }
                    end = index + next.len_utf8();
                    chars.next();
                }
                tokens.push(Token::Atom(text[start..end].to_string()));
            }
        }
    }
    tokens
}

#[derive(Debug)]
enum Node {
    Atom(String),
    /// `Some(x)`: kept as written, the inner value laid out in place.
    Some(Box<Node>),
    Group {
        name: Option<String>,
        open: char,
        items: Vec<(Option<String>, Node)>,
    },
}

struct Parser {
    tokens: Vec<Token>,
    position: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        token
    }

    fn node(&mut self) -> Node {
        match self.next() {
            Some(Token::Open(open)) => self.group(None, open),
            Some(Token::Atom(atom)) => {
                if let Some(Token::Open(open)) = self.peek().cloned() {
                    self.position += 1;
                    if atom == "Some" {
                        let inner = self.node();
                        self.skip_to_close();
                        return Node::Some(Box::new(inner));
                    }
                    return self.group(Some(atom), open);
                }
                Node::Atom(atom)
            }
            // ron's output is well formed; anything else renders as nothing.
            _ => Node::Atom(String::new()),
        }
    }

    fn skip_to_close(&mut self) {
        while let Some(token) = self.next() {
            if token == Token::Close {
                break;
            }
        }
    }

    fn group(&mut self, name: Option<String>, open: char) -> Node {
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None => break,
                Some(Token::Close) => {
                    self.position += 1;
                    break;
                }
                Some(Token::Comma) => {
                    self.position += 1;
                }
                Some(_) => {
                    let first = self.node();
                    if self.peek() == Some(&Token::Colon) {
                        self.position += 1;
                        let value = self.node();
                        let key = match first {
                            Node::Atom(key) => key,
                            _ => String::new(),
                        };
                        items.push((Some(key), value));
                    } else {
                        items.push((None, first));
                    }
                }
            }
        }
        Node::Group { name, open, items }
    }
}

fn close_of(open: char) -> char {
    match open {
        '[' => ']',
        '{' => '}',
        _ => ')',
    }
}

fn is_simple(node: &Node) -> bool {
    match node {
        Node::Atom(_) => true,
        Node::Some(inner) => is_simple(inner),
        Node::Group { .. } => false,
    }
}

fn one_line(node: &Node) -> bool {
    match node {
        Node::Atom(_) => true,
        Node::Some(inner) => one_line(inner),
        Node::Group { name, items, .. } => {
            items.is_empty()
                || items.iter().all(|(_, item)| is_simple(item))
                    && name
                        .as_deref()
                        .is_none_or(|name| ONE_LINE_RECORDS.contains(&name))
        }
    }
}

fn render_inline(node: &Node, out: &mut String) {
    match node {
        Node::Atom(atom) => out.push_str(atom),
        Node::Some(inner) => {
            out.push_str("Some(");
            render_inline(inner, out);
            out.push(')');
        }
        Node::Group { open, items, .. } => {
            out.push(*open);
            for (index, (key, item)) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                if let Some(key) = key {
                    out.push_str(key);
                    out.push_str(": ");
                }
                render_inline(item, out);
            }
            out.push(close_of(*open));
        }
    }
}

fn render(node: &Node, depth: usize, out: &mut String) {
    if one_line(node) {
        return render_inline(node, out);
    }
    match node {
        Node::Atom(_) => render_inline(node, out),
        Node::Some(inner) => {
            out.push_str("Some(");
            render(inner, depth, out);
            out.push(')');
        }
        Node::Group { open, items, .. } => {
            out.push(*open);
            out.push('\n');
            for (key, item) in items {
                out.push_str(&INDENT.repeat(depth + 1));
                if let Some(key) = key {
                    out.push_str(key);
                    out.push_str(": ");
                }
                render(item, depth + 1, out);
                out.push_str(",\n");
            }
            out.push_str(&INDENT.repeat(depth));
            out.push(close_of(*open));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Reading {
        date: String,
        value: f64,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Kpi {
        name: String,
        note: Option<String>,
        tags: Vec<String>,
        readings: Vec<Reading>,
        empty: Vec<Reading>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Doc {
        version: u32,
        title: String,
        kpis: Vec<Kpi>,
        maybe: Option<Reading>,
    }

    fn sample() -> Doc {
        Doc {
            version: 1,
            title: "Tricky \"quoted\", (parens) [brackets]: don't \\' and\nnew line".into(),
            kpis: vec![Kpi {
                name: "Leads".into(),
                note: Some("ok".into()),
                tags: vec!["a".into(), "b c".into()],
                readings: vec![
                    Reading {
                        date: "2026-01-01".into(),
                        value: 1.5,
                    },
                    Reading {
                        date: "2026-01-08".into(),
                        value: -2.0,
                    },
                ],
                empty: vec![],
            }],
            maybe: Some(Reading {
                date: "2026-02-01".into(),
                value: 3.0,
            }),
        }
    }

    #[test]
    fn small_records_sit_on_one_line_and_the_rest_expands() {
        let text = to_ron(&sample()).unwrap();
        let expected = r#"(
    version: 1,
    title: "Tricky \"quoted\", (parens) [brackets]: don't \\' and\nnew line",
    kpis: [
        (
            name: "Leads",
            note: Some("ok"),
            tags: ["a", "b c"],
            readings: [
                (date: "2026-01-01", value: 1.5),
                (date: "2026-01-08", value: -2.0),
            ],
            empty: [],
        ),
    ],
    maybe: Some((date: "2026-02-01", value: 3.0)),
)
"#;
        assert_eq!(text, expected);
    }

    #[test]
    fn the_layout_reads_back_to_the_same_value() {
        let text = to_ron(&sample()).unwrap();
        let back: Doc = ron::from_str(&text).unwrap();
        assert_eq!(back, sample());
        assert!(!text.contains('\r'));
    }
}
