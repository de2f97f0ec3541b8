//! Characters of a RON text with their line and column, and the shape of its
//! tokens — blanks and comments, strings, identifiers, bare words — for the store's
//! positions and parse-error hints. It never fails: at worst it moves one
//! character on.

use super::locate::Position;

/// A character that can start a field or variant name.
pub fn is_ident_start(ch: char) -> bool {
    ch.is_alphabetic() || ch == '_'
}

/// A character that can continue one.
pub fn is_ident_char(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Characters with their line and column.
pub struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
}

impl Scanner {
    pub fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
        }
    }

    pub fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    pub fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    pub fn offset(&self) -> usize {
        self.at
    }

    pub fn position(&self) -> Position {
        (self.line, self.column)
    }

    pub fn bump(&mut self) {
        if let Some(ch) = self.peek() {
            self.at += 1;
            if ch == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
    }

    /// Blanks and comments (`// …` and nested `/* … */`).
    pub fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(ch), _) if ch.is_whitespace() => self.bump(),
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|ch| ch != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0usize;
                    while let Some(ch) = self.peek() {
                        if ch == '/' && self.peek_at(1) == Some('*') {
                            depth += 1;
                            self.bump();
                        } else if ch == '*' && self.peek_at(1) == Some('/') {
                            depth -= 1;
                            self.bump();
                            if depth == 0 {
                                self.bump();
                                break;
                            }
                        }
                        self.bump();
                    }
                }
                _ => return,
            }
        }
    }

    /// At `"…"`, `r"…"`, `r#"…"#` or `b"…"`.
    pub fn at_string(&self) -> bool {
        match self.peek() {
            Some('"') => true,
            Some('r') => {
                let hashes = (1..)
                    .take_while(|ahead| self.peek_at(*ahead) == Some('#'))
                    .count();
                self.peek_at(1 + hashes) == Some('"')
            }
            Some('b') => {
                self.peek_at(1) == Some('"')
                    || (self.peek_at(1) == Some('r') && matches!(self.peek_at(2), Some('"' | '#')))
            }
            _ => false,
        }
    }

    /// Consumes a string literal (the scanner is `at_string`); whether it was
    /// closed before the end of the text.
    pub fn string(&mut self) -> bool {
        if self.peek() == Some('b') {
            self.bump();
        }
        if self.peek() == Some('r') {
            self.bump();
            let mut hashes = 0;
            while self.peek() == Some('#') {
                hashes += 1;
                self.bump();
            }
            self.bump(); // "
            while let Some(ch) = self.peek() {
                self.bump();
                if ch == '"' && (0..hashes).all(|ahead| self.peek_at(ahead) == Some('#')) {
                    for _ in 0..hashes {
                        self.bump();
                    }
                    return true;
                }
            }
            return false;
        }
        self.bump(); // "
        while let Some(ch) = self.peek() {
            self.bump();
            match ch {
                '\\' => self.bump(),
                '"' => return true,
                _ => {}
            }
        }
        false
    }

    pub fn char_literal(&mut self) {
        self.bump(); // '
        while let Some(ch) = self.peek() {
            self.bump();
            match ch {
                '\\' => self.bump(),
                '\'' | '\n' => return,
                _ => {}
            }
        }
    }

    /// An identifier (also `r#raw` ones); returns it.
    pub fn ident(&mut self) -> String {
        let mut name = String::new();
        if self.peek() == Some('r') && self.peek_at(1) == Some('#') {
            self.bump();
            self.bump();
        }
        while let Some(ch) = self.peek().filter(|ch| is_ident_char(*ch)) {
            name.push(ch);
            self.bump();
        }
        name
    }

    /// Whether a record's fields start here: `name:` (and not `name::`).
    pub fn looking_at_field(&self) -> bool {
        let mut ahead = 0;
        if self.peek() == Some('r') && self.peek_at(1) == Some('#') {
            ahead = 2;
        }
        if !self.peek_at(ahead).is_some_and(is_ident_start) {
            return false;
        }
        while self.peek_at(ahead).is_some_and(is_ident_char) {
            ahead += 1;
        }
        while self.peek_at(ahead).is_some_and(char::is_whitespace) {
            ahead += 1;
        }
        self.peek_at(ahead) == Some(':') && self.peek_at(ahead + 1) != Some(':')
    }

    /// A number or other bare word: up to the next delimiter.
    pub fn scalar(&mut self) {
        let start = self.at;
        while let Some(ch) = self.peek() {
            if ch.is_whitespace() || matches!(ch, ',' | ')' | ']' | '}' | '(' | '[' | '{' | ':') {
                break;
            }
            self.bump();
        }
        if self.at == start {
            self.bump();
        }
    }
}
