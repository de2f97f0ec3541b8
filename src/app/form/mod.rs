//! Forms: the declaration every form is written in (`FormSpec`: what it edits, its
//! fields, its checks, what confirming does) and the state of an open form — named
//! fields and lists of rows (repeating groups), the focus, the text typed so far.
//! The forms themselves are declared in `app::forms`, one file per group of forms;
//! drawing one is `ui::widgets::form`.

mod field;
mod values;

pub use field::{Field, FieldInput, FieldKind, Value, one_line};
pub use values::Values;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::effect::Effect;
use super::history::Doc;
use super::model::Data;

/// A form, declared once: which document it changes, how it looks filled from the
/// data, which values it refuses together, and what confirming it does.
///
/// A form remembers what it edits by identity — the partner's id and, inside it, a
/// `Rec` — never by a position on screen, so the values land where they were meant to
/// even when the data changed around it.
pub trait FormSpec: std::fmt::Debug + CloneSpec {
    /// The document the form changes; `None` when it makes a new one (a partner).
    fn target(&self) -> Option<Doc>;

    /// The form, filled from the data as it is now; `None` when what it would edit
    /// no longer exists.
    fn build(&self, data: &Data) -> Option<Form>;

    /// Checks across fields, once every field parsed.
    fn check(&self, _data: &Data, _values: &Values) -> Result<(), Reject> {
        Ok(())
    }

    /// What confirming does: the change to write and what to select after it. `Err`
    /// says why it cannot be done (what the form edits has gone).
    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String>;
}

/// Lets an open form be opened again, on newer data, from its declaration.
pub trait CloneSpec {
    fn clone_spec(&self) -> Box<dyn FormSpec>;
}

impl<T: FormSpec + Clone + 'static> CloneSpec for T {
    fn clone_spec(&self) -> Box<dyn FormSpec> {
        Box::new(self.clone())
    }
}

/// Why confirmed values do not fit together, and the field to blame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// The list and row the field is in, for a field of a list.
    pub row: Option<(&'static str, usize)>,
    pub field: &'static str,
    pub why: String,
}

impl Reject {
    /// Refuses the date in `field` when it is after `today` — a reading, feedback,
    /// a check-in or a review records what already happened — saying `why`.
    pub fn if_after_today(
        values: &Values,
        field: &'static str,
        today: NaiveDate,
        why: &str,
    ) -> Result<(), Reject> {
        match values.date(field) {
            Some(date) if date > today => Err(Reject::field(
                field,
                format!("{date} is after today ({today}): {why}"),
            )),
            _ => Ok(()),
        }
    }

    pub fn field(field: &'static str, why: impl Into<String>) -> Reject {
        Reject {
            row: None,
            field,
            why: why.into(),
        }
    }

    pub fn row(
        group: &'static str,
        row: usize,
        field: &'static str,
        why: impl Into<String>,
    ) -> Reject {
        Reject {
            row: Some((group, row)),
            field,
            why: why.into(),
        }
    }
}

/// A list of rows in a form — the steps of an escalation path, a review's
/// adjustments — each row the same fields; rows can be added and removed.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: &'static str,
    pub label: String,
    /// The fields of a new row, empty.
    template: Vec<Field>,
    pub rows: Vec<Vec<Field>>,
    /// Beside each row, the id of the record it was filled from (`None`: a new
    /// row), so a confirmed row lands on its record however rows were added or
    /// removed around it.
    keys: Vec<Option<String>>,
}

impl Group {
    /// A list named `name` with a row for each of `items`; `row` makes a row's fields
    /// from an item, or empty ones from `None`.
    pub fn of<T>(
        name: &'static str,
        label: &str,
        items: &[T],
        row: impl Fn(Option<&T>) -> Vec<Field>,
    ) -> Group {
        Group {
            name,
            label: label.to_string(),
            template: row(None).iter().map(Field::blank).collect(),
            rows: items.iter().map(|item| row(Some(item))).collect(),
            keys: vec![None; items.len()],
        }
    }

    /// `of`, each row remembering the record it shows by `key(item)` (read back
    /// with `Values::key`).
    pub fn keyed<T>(
        name: &'static str,
        label: &str,
        items: &[T],
        key: impl Fn(&T) -> String,
        row: impl Fn(Option<&T>) -> Vec<Field>,
    ) -> Group {
        Group {
            keys: items.iter().map(|item| Some(key(item))).collect(),
            ..Group::of(name, label, items, row)
        }
    }
}

/// One entry of a form: a field, or a list of rows.
#[derive(Debug, Clone)]
pub enum Entry {
    Field(Box<Field>),
    Group(Group),
}

/// A place the focus can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Field(usize),
    /// A list with no rows yet (only `Ctrl-n` does something there).
    EmptyGroup(usize),
    Row {
        entry: usize,
        row: usize,
        field: usize,
    },
}

impl Slot {
    fn entry(self) -> usize {
        match self {
            Slot::Field(entry) | Slot::EmptyGroup(entry) | Slot::Row { entry, .. } => entry,
        }
    }
}

/// One field's typed text, as a draft keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Typed {
    /// The field's place: its entry in the form, and its row in a list.
    pub entry: usize,
    pub row: Option<usize>,
    pub name: String,
    pub label: String,
    pub text: String,
    /// The option chosen, for a choice.
    pub choice: usize,
}

impl Typed {
    fn of(entry: usize, row: Option<usize>, field: &Field) -> Typed {
        Typed {
            entry,
            row,
            name: field.name.to_string(),
            label: field.label.clone(),
            text: field.raw(),
            choice: field.choice,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub entries: Vec<Entry>,
    /// Index into `slots()`.
    focus: usize,
    /// What the form held when it opened, to know whether to ask on cancel.
    initial: String,
}

impl Form {
    pub fn new(title: impl Into<String>) -> Form {
        Form {
            title: title.into(),
            entries: Vec::new(),
            focus: 0,
            initial: String::new(),
        }
    }

    pub fn field(mut self, field: Field) -> Form {
        self.entries.push(Entry::Field(Box::new(field)));
        self.initial = self.dump();
        self
    }

    pub fn group(mut self, group: Group) -> Form {
        self.entries.push(Entry::Group(group));
        self.initial = self.dump();
        self
    }

    /// Opens with the focus on the field `name` (one form behind several rows of a
    /// screen starts where the user was).
    pub fn focused_on(mut self, name: &str) -> Form {
        let slot = self
            .slots()
            .into_iter()
            .find(|slot| self.field_at(*slot).is_some_and(|field| field.name == name));
        if let Some(slot) = slot {
            self.set_focus(slot);
        }
        self
    }

    /// Everything the form shows, as one string, to tell whether it changed.
    fn dump(&self) -> String {
        let mut out = String::new();
        for entry in &self.entries {
            match entry {
                Entry::Field(field) => out.push_str(&field.display_value()),
                Entry::Group(group) => {
                    out.push_str(&format!("[{}]", group.rows.len()));
                    for field in group.rows.iter().flatten() {
                        out.push_str(&field.display_value());
                        out.push('\u{1f}');
                    }
                }
            }
            out.push('\u{1e}');
        }
        out
    }

    /// What is typed in the form, field by field, for a draft.
    pub fn typed(&self) -> Vec<Typed> {
        let mut typed = Vec::new();
        for (entry, item) in self.entries.iter().enumerate() {
            match item {
                Entry::Field(field) => typed.push(Typed::of(entry, None, field)),
                Entry::Group(group) => {
                    for (row, fields) in group.rows.iter().enumerate() {
                        typed.extend(
                            fields
                                .iter()
                                .map(|field| Typed::of(entry, Some(row), field)),
                        );
                    }
                }
            }
        }
        typed
    }

    /// Fills the form with what a draft says was typed: each field found again by
    /// its place and name; rows of a list are added as needed. What does not fit
    /// (the form changed shape since) is left as the form has it.
    pub fn restore(&mut self, typed: &[Typed]) {
        for value in typed {
            let field = match (self.entries.get_mut(value.entry), value.row) {
                (Some(Entry::Field(field)), None) => Some(&mut **field),
                (Some(Entry::Group(group)), Some(row)) => {
                    while group.rows.len() <= row && group.rows.len() < 100 {
                        let blank = group.template.iter().map(Field::blank).collect();
                        group.rows.push(blank);
                    }
                    group
                        .rows
                        .get_mut(row)
                        .and_then(|fields| fields.iter_mut().find(|f| f.name == value.name))
                }
                _ => None,
            };
            if let Some(field) = field.filter(|field| field.name == value.name) {
                field.set_raw(&value.text);
                field.choice = value.choice;
            }
        }
    }

    /// What the form showed when it was built (its initial values), to compare
    /// with the same form built again on newer data.
    pub fn shown(&self) -> String {
        self.initial.clone()
    }

    /// Whether anything differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.dump() != self.initial
    }

    /// Every place the focus can be, in order.
    pub fn slots(&self) -> Vec<Slot> {
        let mut slots = Vec::new();
        for (entry, item) in self.entries.iter().enumerate() {
            match item {
                Entry::Field(_) => slots.push(Slot::Field(entry)),
                Entry::Group(group) if group.rows.is_empty() => slots.push(Slot::EmptyGroup(entry)),
                Entry::Group(group) => {
                    for (row, fields) in group.rows.iter().enumerate() {
                        for field in 0..fields.len() {
                            slots.push(Slot::Row { entry, row, field });
                        }
                    }
                }
            }
        }
        slots
    }

    pub fn focus(&self) -> Option<Slot> {
        let slots = self.slots();
        slots
            .get(self.focus.min(slots.len().saturating_sub(1)))
            .copied()
    }

    fn set_focus(&mut self, slot: Slot) {
        if let Some(index) = self.slots().iter().position(|s| *s == slot) {
            self.focus = index;
        }
    }

    pub fn field_at(&self, slot: Slot) -> Option<&Field> {
        match (slot, self.entries.get(slot.entry())?) {
            (Slot::Field(_), Entry::Field(field)) => Some(field),
            (Slot::Row { row, field, .. }, Entry::Group(group)) => group.rows.get(row)?.get(field),
            _ => None,
        }
    }

    fn field_at_mut(&mut self, slot: Slot) -> Option<&mut Field> {
        match (slot, self.entries.get_mut(slot.entry())?) {
            (Slot::Field(_), Entry::Field(field)) => Some(field),
            (Slot::Row { row, field, .. }, Entry::Group(group)) => {
                group.rows.get_mut(row)?.get_mut(field)
            }
            _ => None,
        }
    }

    /// The first field named `name` (a field of a list: in its first row).
    pub fn field_named(&self, name: &str) -> Option<&Field> {
        self.slots()
            .into_iter()
            .filter_map(|slot| self.field_at(slot))
            .find(|field| field.name == name)
    }

    /// The field with the focus (none on an empty list).
    pub fn focused_field(&self) -> Option<&Field> {
        self.field_at(self.focus()?)
    }

    fn focused_field_mut(&mut self) -> Option<&mut Field> {
        let slot = self.focus()?;
        self.field_at_mut(slot)
    }

    /// Whether the focus is in a list, where rows can be added and removed.
    pub fn in_rows(&self) -> bool {
        matches!(self.focus(), Some(Slot::EmptyGroup(_) | Slot::Row { .. }))
    }

    pub fn next_field(&mut self) {
        let count = self.slots().len();
        if count > 0 {
            self.focus = (self.focus.min(count - 1) + 1) % count;
        }
    }

    pub fn prev_field(&mut self) {
        let count = self.slots().len();
        if count > 0 {
            self.focus = (self.focus.min(count - 1) + count - 1) % count;
        }
    }

    /// Adds an empty row below the focused one (or the first, in an empty list) and
    /// puts the focus on its first field.
    pub fn add_row(&mut self) {
        let Some(slot) = self.focus() else { return };
        let (entry, at) = match slot {
            Slot::EmptyGroup(entry) => (entry, 0),
            Slot::Row { entry, row, .. } => (entry, row + 1),
            Slot::Field(_) => return,
        };
        let Some(Entry::Group(group)) = self.entries.get_mut(entry) else {
            return;
        };
        let row = group.template.iter().map(Field::blank).collect();
        group.rows.insert(at, row);
        group.keys.insert(at.min(group.keys.len()), None);
        self.set_focus(Slot::Row {
            entry,
            row: at,
            field: 0,
        });
    }

    /// Removes the focused row; the focus stays at that place in the list.
    pub fn remove_row(&mut self) {
        let Some(Slot::Row { entry, row, .. }) = self.focus() else {
            return;
        };
        let Some(Entry::Group(group)) = self.entries.get_mut(entry) else {
            return;
        };
        group.rows.remove(row);
        if row < group.keys.len() {
            group.keys.remove(row);
        }
        let next = if group.rows.is_empty() {
            Slot::EmptyGroup(entry)
        } else {
            Slot::Row {
                entry,
                row: row.min(group.rows.len() - 1),
                field: 0,
            }
        };
        self.set_focus(next);
    }

    /// Pasted text goes into the focused field as text.
    pub fn paste(&mut self, text: &str) {
        if let Some(field) = self.focused_field_mut() {
            field.paste(text);
        }
    }

    /// Gives a key to the focused field.
    pub fn input(&mut self, key: KeyEvent) -> FieldInput {
        match self.focused_field_mut() {
            Some(field) => field.input(key),
            None => FieldInput::Handled,
        }
    }

    /// Parses every field. On failure each bad field keeps its text, shows why, and
    /// the focus moves to the first of them.
    pub fn validate(&mut self, today: NaiveDate) -> Option<Values> {
        let mut values = Values::default();
        let mut first_bad = None;
        for slot in self.slots() {
            let Some(field) = self.field_at_mut(slot) else {
                continue;
            };
            match field.parse(today) {
                Ok(_) => field.error = None,
                Err(error) => {
                    field.error = Some(error);
                    first_bad.get_or_insert(slot);
                }
            }
        }
        if let Some(slot) = first_bad {
            self.set_focus(slot);
            return None;
        }
        let parse = |field: &Field| field.parse(today).ok();
        for entry in &self.entries {
            match entry {
                Entry::Field(field) => values.insert(field.name, parse(field)?),
                Entry::Group(group) => {
                    let mut rows = Vec::new();
                    for (index, fields) in group.rows.iter().enumerate() {
                        let mut row = Values::default();
                        for field in fields {
                            row.insert(field.name, parse(field)?);
                        }
                        row.set_key(group.keys.get(index).cloned().flatten());
                        rows.push(row);
                    }
                    values.insert_rows(group.name, rows);
                }
            }
        }
        Some(values)
    }

    /// Marks the field a cross-field check blamed, and moves the focus there.
    pub fn reject(&mut self, reject: Reject) {
        let slot = self.slots().into_iter().find(|slot| {
            let named = self
                .field_at(*slot)
                .is_some_and(|field| field.name == reject.field);
            let placed = match (reject.row, slot, self.entries.get(slot.entry())) {
                (None, Slot::Field(_), _) => true,
                (Some((name, wanted)), Slot::Row { row, .. }, Some(Entry::Group(group))) => {
                    group.name == name && *row == wanted
                }
                _ => false,
            };
            named && placed
        });
        if let Some(slot) = slot {
            if let Some(field) = self.field_at_mut(slot) {
                field.error = Some(reject.why);
            }
            self.set_focus(slot);
        }
    }
}

#[cfg(test)]
mod tests;
