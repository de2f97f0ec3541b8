//! One field of a form: its name (how the form's code reads it), its label, what it
//! holds — one-line text, multi-line text, a date (`YYYY-MM-DD`, `today`, `+7d`,
//! `+2w`), a whole number, a decimal number or a choice — the text typed so far on
//! ratatui-textarea,
//! and why the last attempt to confirm refused it.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::dates::parse_date_input;

/// What a field holds and how it is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Text { required: bool },
    /// Several lines; `Enter` breaks the line.
    Multiline,
    /// A date; empty is allowed unless required.
    Date { required: bool },
    /// A whole number in a range; empty is allowed unless required.
    Number { min: i64, max: i64, required: bool },
    /// A decimal number (a KPI's value); empty is allowed unless required.
    Decimal { required: bool },
    /// One of a fixed list, cycled with ←/→ or Space.
    Choice { options: Vec<String> },
}

/// A parsed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(Option<NaiveDate>),
    Number(Option<i64>),
    Decimal(Option<f64>),
    Choice(usize),
}

#[derive(Debug, Clone)]
pub struct Field {
    /// How the form's code asks for the value: `values.date("due")`.
    pub name: &'static str,
    pub label: String,
    pub kind: FieldKind,
    /// The text typed so far (unused for choices).
    pub editor: TextArea<'static>,
    /// The selected option of a choice.
    pub choice: usize,
    /// Why the last attempt to confirm refused this field.
    pub error: Option<String>,
    /// A note shown under the field when there is no error.
    pub hint: Option<String>,
}

/// What happened to a key the field was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldInput {
    Handled,
    /// `Enter` in a one-line field: the form should be confirmed.
    Submit,
}

impl Field {
    fn new(name: &'static str, label: &str, kind: FieldKind, text: &str) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        let mut editor = TextArea::new(lines);
        editor.set_cursor_line_style(Style::new());
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        if kind == FieldKind::Multiline {
            editor.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        Self {
            name,
            label: label.to_string(),
            kind,
            editor,
            choice: 0,
            error: None,
            hint: None,
        }
    }

    /// One line of text (optional until `.required()`).
    pub fn text(name: &'static str, label: &str, value: &str) -> Self {
        Self::new(name, label, FieldKind::Text { required: false }, value)
    }

    pub fn multiline(name: &'static str, label: &str, value: &str) -> Self {
        Self::new(name, label, FieldKind::Multiline, value)
    }

    pub fn date(name: &'static str, label: &str, value: Option<NaiveDate>) -> Self {
        let text = value.map(|d| d.to_string()).unwrap_or_default();
        Self::new(name, label, FieldKind::Date { required: false }, &text)
            .hint("YYYY-MM-DD, today, +7d, +2w, +1m, +1y")
    }

    pub fn number(
        name: &'static str,
        label: &str,
        value: Option<i64>,
        range: std::ops::RangeInclusive<i64>,
    ) -> Self {
        let text = value.map(|n| n.to_string()).unwrap_or_default();
        let kind = FieldKind::Number {
            min: *range.start(),
            max: *range.end(),
            required: false,
        };
        Self::new(name, label, kind, &text)
    }

    /// A decimal number, shown as typed back: `42`, `4.5`, `-0.25`.
    pub fn decimal(name: &'static str, label: &str, value: Option<f64>) -> Self {
        let text = value.map(|n| n.to_string()).unwrap_or_default();
        Self::new(name, label, FieldKind::Decimal { required: false }, &text)
    }

    pub fn choice(name: &'static str, label: &str, options: Vec<String>, selected: usize) -> Self {
        let count = options.len();
        let mut field = Self::new(name, label, FieldKind::Choice { options }, "");
        field.choice = selected.min(count.saturating_sub(1));
        field.hint("←/→ or Space to choose")
    }

    /// Refuses an empty value (text, dates and numbers).
    pub fn required(mut self) -> Self {
        match &mut self.kind {
            FieldKind::Text { required }
            | FieldKind::Date { required }
            | FieldKind::Decimal { required }
            | FieldKind::Number { required, .. } => *required = true,
            FieldKind::Multiline | FieldKind::Choice { .. } => {}
        }
        self
    }

    pub fn hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }

    pub fn is_multiline(&self) -> bool {
        self.kind == FieldKind::Multiline
    }

    pub fn raw(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Puts `text` in the field as if it had been typed (a draft brought back).
    pub fn set_raw(&mut self, text: &str) {
        let hint = self.hint.take();
        let choice = self.choice;
        *self = Field::new(self.name, &self.label, self.kind.clone(), text);
        self.hint = hint;
        self.choice = choice;
    }

    /// The same field, empty: a new row of a list starts from it.
    pub fn blank(&self) -> Self {
        let mut blank = Field::new(self.name, &self.label, self.kind.clone(), "");
        blank.hint = self.hint.clone();
        blank
    }

    /// Parses the field, or says why it cannot be accepted.
    pub fn parse(&self, today: NaiveDate) -> Result<Value, String> {
        let raw = self.raw();
        let trimmed = raw.trim();
        match &self.kind {
            FieldKind::Text { required } => {
                if *required && trimmed.is_empty() {
                    Err(format!("{} is required", self.label))
                } else {
                    Ok(Value::Text(trimmed.to_string()))
                }
            }
            FieldKind::Multiline => Ok(Value::Text(raw.trim_end().to_string())),
            FieldKind::Date { required } => {
                if trimmed.is_empty() {
                    if *required {
                        Err(format!(
                            "{} is required: YYYY-MM-DD, today or +7d",
                            self.label
                        ))
                    } else {
                        Ok(Value::Date(None))
                    }
                } else {
                    parse_date_input(trimmed, today).map(|date| Value::Date(Some(date)))
                }
            }
            FieldKind::Number { min, max, required } => {
                if trimmed.is_empty() {
                    if *required {
                        Err(format!("{} is required", self.label))
                    } else {
                        Ok(Value::Number(None))
                    }
                } else {
                    match trimmed.parse::<i64>() {
                        Ok(n) if (*min..=*max).contains(&n) => Ok(Value::Number(Some(n))),
                        Ok(_) => Err(format!("must be between {min} and {max}")),
                        Err(_) => Err(format!("\"{trimmed}\" is not a whole number")),
                    }
                }
            }
            FieldKind::Decimal { required } => {
                if trimmed.is_empty() {
                    if *required {
                        Err(format!("{} is required", self.label))
                    } else {
                        Ok(Value::Decimal(None))
                    }
                } else {
                    parse_decimal(trimmed).map(|n| Value::Decimal(Some(n)))
                }
            }
            FieldKind::Choice { .. } => Ok(Value::Choice(self.choice)),
        }
    }

    /// What the field shows: the text, or the chosen option.
    pub fn display_value(&self) -> String {
        match &self.kind {
            FieldKind::Choice { options } => options.get(self.choice).cloned().unwrap_or_default(),
            _ => self.raw(),
        }
    }

    /// Pasted text goes in as text — never as keys, so a pasted newline cannot
    /// confirm the form and what follows cannot act as commands. A one-line field
    /// takes line breaks as spaces; a choice ignores the paste.
    pub fn paste(&mut self, text: &str) {
        self.error = None;
        match self.kind {
            FieldKind::Choice { .. } => {}
            FieldKind::Multiline => {
                self.editor
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            _ => {
                self.editor.insert_str(one_line(text));
            }
        }
    }

    pub fn input(&mut self, key: KeyEvent) -> FieldInput {
        self.error = None;
        if let FieldKind::Choice { options } = &self.kind {
            if options.is_empty() {
                return FieldInput::Handled;
            }
            let count = options.len();
            match key.code {
                KeyCode::Left | KeyCode::Char('h') => {
                    self.choice = (self.choice + count - 1) % count
                }
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => {
                    self.choice = (self.choice + 1) % count
                }
                KeyCode::Enter => return FieldInput::Submit,
                KeyCode::Char(c) => {
                    // Jump to the next option starting with the typed letter.
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    let found = (1..=count)
                        .map(|step| (self.choice + step) % count)
                        .find(|i| options[*i].to_lowercase().starts_with(lower));
                    if let Some(index) = found {
                        self.choice = index;
                    }
                }
                _ => {}
            }
            return FieldInput::Handled;
        }
        if key.code == KeyCode::Enter && key.modifiers.is_empty() {
            if self.is_multiline() {
                self.editor.insert_newline();
                return FieldInput::Handled;
            }
            return FieldInput::Submit;
        }
        // Keys that would add a line to a one-line field (Shift/Alt-Enter, Ctrl-m,
        // Ctrl-j) are dropped.
        let breaks_line = key.code == KeyCode::Enter
            || (key.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(key.code, KeyCode::Char('m' | 'j')));
        if !self.is_multiline() && breaks_line {
            return FieldInput::Handled;
        }
        self.editor.input(key);
        FieldInput::Handled
    }
}

/// A decimal number as people type it: `42`, `4.5`, `-3`, `.5`. A comma is refused
/// rather than guessed at: `1,250` may mean 1250 or 1.25 depending on who typed it.
fn parse_decimal(text: &str) -> Result<f64, String> {
    if text.contains(',') {
        return Err(format!(
            "\"{text}\": write it without a comma — a dot for decimals (4.5), no thousands separator (1250)"
        ));
    }
    let plain = text.replace('_', "");
    let looks_numeric = plain
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && plain.chars().any(|c| c.is_ascii_digit());
    match plain.parse::<f64>() {
        Ok(n) if looks_numeric && n.is_finite() => Ok(n),
        _ => Err(format!("\"{text}\" is not a number")),
    }
}

/// Text for a one-line field: line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    text.split(['\r', '\n', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
