//! The form for settling a clash by hand: one field per clashing field that can be
//! typed, filled with this session's value, the value on disk shown under it.
//! Confirming saves the edit with those values (the rest merges as usual).

use crate::app::effect::{Effect, Resolution};
use crate::app::form::{Field, Form, FormSpec, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::store::FieldConflict;
use crate::store::merge::where_they_differ;

#[derive(Debug, Clone)]
pub struct ClashForm {
    doc: Doc,
    fields: Vec<FieldConflict>,
}

/// The fields' names: one per clashing field that can be typed; past the last,
/// a clash keeps the value on disk (a form edit clashing on more fields than this
/// is not a thing people do).
const NAMES: [&str; 16] = [
    "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14",
    "v15",
];

impl ClashForm {
    pub fn new(doc: Doc, fields: Vec<FieldConflict>) -> ClashForm {
        ClashForm { doc, fields }
    }

    /// The clashes that can be typed, with their places in the clash's list.
    fn editable(&self) -> Vec<(usize, &FieldConflict)> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, field)| field.editable)
            .take(NAMES.len())
            .collect()
    }
}

impl FormSpec for ClashForm {
    fn target(&self) -> Option<Doc> {
        Some(self.doc.clone())
    }

    fn build(&self, _data: &Data) -> Option<Form> {
        let editable = self.editable();
        let others = self.fields.len() - editable.len();
        let mut title = format!("Changed both here and on disk: {}", self.doc.file());
        if others > 0 {
            title.push_str(&format!(" ({others} more take the value on disk)"));
        }
        let text = |value: &str| match value {
            "(none)" | "(empty)" => String::new(),
            other => other.to_string(),
        };
        let mut form = Form::new(title);
        for ((_, field), name) in editable.into_iter().zip(NAMES) {
            let mine = text(&field.mine);
            // The hint has a line: the value on disk from where it differs from mine.
            let (_, theirs) = where_they_differ(&field.mine, &field.theirs, 60);
            let hint = format!("on disk: {theirs}");
            let input = if mine.contains('\n') || mine.chars().count() > 60 {
                Field::multiline(name, &field.path, &mine)
            } else {
                Field::text(name, &field.path, &mine)
            };
            form = form.field(input.hint(&hint));
        }
        Some(form)
    }

    fn submit(&self, _data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let typed = self
            .editable()
            .into_iter()
            .zip(NAMES)
            .map(|((index, _), name)| (index, values.text(name)))
            .collect();
        Ok(vec![Effect::Resolve(
            self.doc.clone(),
            Resolution::Typed(typed),
        )])
    }
}
