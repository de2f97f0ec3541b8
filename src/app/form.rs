//! A form's state: one-line text, dates (`YYYY-MM-DD`, `today`, `+7d`, `+2w`),
//! numbers, choices and multi-line text on ratatui-textarea, and their parsing. A
//! bad value keeps what was typed and says why. The form knows nothing of what it
//! edits: it hands back parsed values, and `forms` decides what they mean; the
//! drawing is `ui::widgets::form`.

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
    /// One of a fixed list, cycled with ←/→ or Space.
    Choice { options: Vec<String> },
}

/// A parsed value, handed to whoever built the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Date(Option<NaiveDate>),
    Number(Option<i64>),
    Choice(usize),
}

impl Value {
    pub fn text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            _ => String::new(),
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(date) => *date,
            _ => None,
        }
    }

    pub fn number(&self) -> Option<i64> {
        match self {
            Value::Number(number) => *number,
            _ => None,
        }
    }

    pub fn choice(&self) -> usize {
        match self {
            Value::Choice(index) => *index,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub kind: FieldKind,
    /// The text typed so far (unused for choices).
    pub editor: TextArea<'static>,
    /// The selected option of a choice.
    pub choice: usize,
    /// Why the last attempt to confirm rejected this field.
    pub error: Option<String>,
    /// A note shown under the field when there is no error.
    pub hint: Option<String>,
}

impl Field {
    fn new(label: &str, kind: FieldKind, text: &str) -> Self {
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
            label: label.to_string(),
            kind,
            editor,
            choice: 0,
            error: None,
            hint: None,
        }
    }

    pub fn text(label: &str, value: &str, required: bool) -> Self {
        Self::new(label, FieldKind::Text { required }, value)
    }

    pub fn multiline(label: &str, value: &str) -> Self {
        Self::new(label, FieldKind::Multiline, value)
    }

    pub fn date(label: &str, value: Option<NaiveDate>, required: bool) -> Self {
        let text = value.map(|d| d.to_string()).unwrap_or_default();
        let mut field = Self::new(label, FieldKind::Date { required }, &text);
        field.hint = Some("YYYY-MM-DD, today, +7d, +2w, +1m (30 days)".into());
        field
    }

    pub fn number(label: &str, value: Option<i64>, min: i64, max: i64, required: bool) -> Self {
        let text = value.map(|n| n.to_string()).unwrap_or_default();
        Self::new(label, FieldKind::Number { min, max, required }, &text)
    }

    pub fn choice(label: &str, options: Vec<String>, selected: usize) -> Self {
        let count = options.len();
        let mut field = Self::new(label, FieldKind::Choice { options }, "");
        field.choice = selected.min(count.saturating_sub(1));
        field.hint = Some("←/→ or Space to choose".into());
        field
    }

    pub fn with_hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }

    pub fn is_multiline(&self) -> bool {
        self.kind == FieldKind::Multiline
    }

    pub fn raw(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Parses the field, or says why it cannot be accepted.
    fn parse(&self, today: NaiveDate) -> Result<Value, String> {
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
            FieldKind::Choice { .. } => Ok(Value::Choice(self.choice)),
        }
    }

    fn display_value(&self) -> String {
        match &self.kind {
            FieldKind::Choice { options } => options.get(self.choice).cloned().unwrap_or_default(),
            _ => self.raw(),
        }
    }
}

/// What happened to a key the form was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormInput {
    Handled,
    /// `Enter` in a one-line field: the form should be confirmed.
    Submit,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What each field held when the form opened, to know whether to ask on cancel.
    initial: Vec<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Self {
        let initial = fields.iter().map(Field::display_value).collect();
        Self {
            title: title.into(),
            fields,
            focus: 0,
            initial,
        }
    }

    /// Whether anything differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(field, initial)| field.display_value() != *initial)
    }

    pub fn next_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    /// Pasted text goes into the focused field as text — never as keys, so a pasted
    /// newline cannot confirm the form and what follows cannot act as commands. A
    /// one-line field takes line breaks as spaces; a choice ignores the paste.
    pub fn paste(&mut self, text: &str) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        field.error = None;
        match field.kind {
            FieldKind::Choice { .. } => {}
            FieldKind::Multiline => {
                field
                    .editor
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            _ => {
                field.editor.insert_str(one_line(text));
            }
        }
    }

    /// Gives a key to the focused field.
    pub fn input(&mut self, key: KeyEvent) -> FormInput {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormInput::Handled;
        };
        field.error = None;
        if let FieldKind::Choice { options } = &field.kind {
            if options.is_empty() {
                return FormInput::Handled;
            }
            let count = options.len();
            match key.code {
                KeyCode::Left | KeyCode::Char('h') => {
                    field.choice = (field.choice + count - 1) % count
                }
                KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => {
                    field.choice = (field.choice + 1) % count
                }
                KeyCode::Enter => return FormInput::Submit,
                KeyCode::Char(c) => {
                    // Jump to the next option starting with the typed letter.
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    let found = (1..=count)
                        .map(|step| (field.choice + step) % count)
                        .find(|i| options[*i].to_lowercase().starts_with(lower));
                    if let Some(index) = found {
                        field.choice = index;
                    }
                }
                _ => {}
            }
            return FormInput::Handled;
        }
        if key.code == KeyCode::Enter && key.modifiers.is_empty() {
            if field.is_multiline() {
                field.editor.insert_newline();
                return FormInput::Handled;
            }
            return FormInput::Submit;
        }
        // Keys that would add a line to a one-line field (Shift/Alt-Enter, Ctrl-m,
        // Ctrl-j) are dropped.
        let breaks_line = key.code == KeyCode::Enter
            || (key.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(key.code, KeyCode::Char('m' | 'j')));
        if !field.is_multiline() && breaks_line {
            return FormInput::Handled;
        }
        field.editor.input(key);
        FormInput::Handled
    }

    /// Parses every field. On failure each bad field keeps its text, shows why, and
    /// the focus moves to the first of them.
    pub fn validate(&mut self, today: NaiveDate) -> Option<Vec<Value>> {
        let mut values = Vec::new();
        let mut first_bad = None;
        for (index, field) in self.fields.iter_mut().enumerate() {
            match field.parse(today) {
                Ok(value) => {
                    field.error = None;
                    values.push(value);
                }
                Err(error) => {
                    field.error = Some(error);
                    first_bad.get_or_insert(index);
                }
            }
        }
        match first_bad {
            Some(index) => {
                self.focus = index;
                None
            }
            None => Some(values),
        }
    }

    /// Marks `field` as wrong for a reason that spans fields (the form parsed, but
    /// its values do not fit together), and moves the focus there.
    pub fn reject(&mut self, field: usize, why: String) {
        if let Some(target) = self.fields.get_mut(field) {
            target.error = Some(why);
            self.focus = field;
        }
    }
}

/// Text for a one-line field: line breaks and tabs become spaces.
pub fn one_line(text: &str) -> String {
    text.split(['\r', '\n', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_text_and_one_line_fields_stay_one_line() {
        let mut form = Form::new(
            "x",
            vec![Field::text("Name", "", true), Field::multiline("Notes", "")],
        );
        form.paste("Acme\nLd");
        form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
        form.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::SHIFT));
        form.next_field();
        form.paste("one\r\ntwo");
        let values = form.validate(today()).unwrap();
        assert_eq!(values[0], Value::Text("Acme Ld".into()));
        assert_eq!(values[1], Value::Text("one\ntwo".into()));
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn type_text(form: &mut Form, text: &str) {
        for ch in text.chars() {
            form.input(key(KeyCode::Char(ch)));
        }
    }

    #[test]
    fn values_parse_and_bad_ones_keep_their_text_with_a_reason() {
        let mut form = Form::new(
            "Goal",
            vec![
                Field::text("Statement", "", true),
                Field::date("Due", None, false),
                Field::number("Cadence", None, 1, 365, false),
            ],
        );
        assert!(form.validate(today()).is_none());
        assert_eq!(
            form.fields[0].error.as_deref(),
            Some("Statement is required")
        );
        assert_eq!(form.focus, 0);
        type_text(&mut form, "Grow");
        form.next_field();
        type_text(&mut form, "next week");
        form.next_field();
        type_text(&mut form, "400");
        assert!(form.validate(today()).is_none());
        assert_eq!(form.focus, 1, "focus moves to the first bad field");
        assert!(
            form.fields[1]
                .error
                .as_ref()
                .unwrap()
                .contains("not a date")
        );
        assert_eq!(form.fields[1].raw(), "next week", "what was typed is kept");
        assert_eq!(
            form.fields[2].error.as_deref(),
            Some("must be between 1 and 365")
        );
    }

    #[test]
    fn relative_dates_and_choices() {
        let mut form = Form::new(
            "x",
            vec![
                Field::date("Due", None, true),
                Field::choice(
                    "Side",
                    vec!["ours".into(), "theirs".into(), "joint".into()],
                    0,
                ),
            ],
        );
        type_text(&mut form, "+2w");
        form.next_field();
        form.input(key(KeyCode::Right));
        form.input(key(KeyCode::Right));
        form.input(key(KeyCode::Right));
        form.input(key(KeyCode::Char('t')));
        let values = form.validate(today()).unwrap();
        assert_eq!(
            values[0],
            Value::Date(NaiveDate::from_ymd_opt(2026, 12, 12))
        );
        assert_eq!(values[1], Value::Choice(1));
    }

    #[test]
    fn enter_submits_a_one_line_field_and_breaks_a_multiline_one() {
        let mut form = Form::new(
            "x",
            vec![
                Field::text("Name", "A", false),
                Field::multiline("Notes", "one"),
            ],
        );
        assert_eq!(form.input(key(KeyCode::Enter)), FormInput::Submit);
        form.next_field();
        assert_eq!(form.input(key(KeyCode::Enter)), FormInput::Handled);
        type_text(&mut form, "two");
        let values = form.validate(today()).unwrap();
        assert_eq!(values[1], Value::Text("one\ntwo".into()));
    }

    #[test]
    fn dirty_only_when_something_changed() {
        let mut form = Form::new("x", vec![Field::text("Name", "Acme", true)]);
        assert!(!form.is_dirty());
        type_text(&mut form, "!");
        assert!(form.is_dirty());
        form.input(key(KeyCode::Backspace));
        assert!(!form.is_dirty(), "typing it back is no change");
    }
}
