//! A confirmed form's values, read by field name — `values.date("due")`,
//! `values.rows("escalation")` — never by position, so fields can be added or moved
//! without breaking the code that reads them.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::field::Value;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    fields: BTreeMap<&'static str, Value>,
    groups: BTreeMap<&'static str, Vec<Values>>,
    /// For a row of a keyed list: the id of the record it was filled from.
    key: Option<String>,
}

impl Values {
    pub(super) fn insert(&mut self, name: &'static str, value: Value) {
        self.fields.insert(name, value);
    }

    pub(super) fn set_key(&mut self, key: Option<String>) {
        self.key = key;
    }

    /// The record a row of a keyed list (`Group::keyed`) was filled from; `None` for
    /// a row added in the form.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    pub(super) fn insert_rows(&mut self, name: &'static str, rows: Vec<Values>) {
        self.groups.insert(name, rows);
    }

    /// A name the form does not have is a mistake in the form's code, caught by its
    /// tests; a release build reads it as empty rather than stop the dashboard.
    fn get(&self, name: &str) -> Option<&Value> {
        let value = self.fields.get(name);
        debug_assert!(value.is_some(), "the form has no field {name:?}");
        value
    }

    pub fn text(&self, name: &str) -> String {
        match self.get(name) {
            Some(Value::Text(text)) => text.clone(),
            _ => String::new(),
        }
    }

    pub fn date(&self, name: &str) -> Option<NaiveDate> {
        match self.get(name) {
            Some(Value::Date(date)) => *date,
            _ => None,
        }
    }

    pub fn number(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Value::Number(number)) => *number,
            _ => None,
        }
    }

    pub fn decimal(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Some(Value::Decimal(number)) => *number,
            _ => None,
        }
    }

    /// The index of the chosen option.
    pub fn choice(&self, name: &str) -> usize {
        match self.get(name) {
            Some(Value::Choice(index)) => *index,
            _ => 0,
        }
    }

    /// The chosen one of `all`, when the choice lists them in that order.
    pub fn pick<T: Copy>(&self, name: &str, all: &[T]) -> Option<T> {
        all.get(self.choice(name)).copied()
    }

    /// The rows of a list (repeating group), each with its own values.
    pub fn rows(&self, name: &str) -> &[Values] {
        let rows = self.groups.get(name);
        debug_assert!(rows.is_some(), "the form has no list {name:?}");
        rows.map_or(&[], Vec::as_slice)
    }
}
