//! The form for settling a clash by hand: one field per clashing field that can be
//! typed, filled with this session's value, the value on disk shown under it.
//! Confirming saves the edit with those values (the rest merges as usual).

use crate::app::effect::{Effect, Resolution};
use crate::app::form::{Field, Form, FormSpec, Group, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::store::FieldConflict;

#[derive(Debug, Clone)]
pub struct ClashForm {
    doc: Doc,
    fields: Vec<FieldConflict>,
}

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
            .collect()
    }
}

impl FormSpec for ClashForm {
    fn target(&self) -> Option<Doc> {
        Some(self.doc.clone())
    }

    fn build(&self, _data: &Data) -> Option<Form> {
        let editable: Vec<&FieldConflict> = self
            .editable()
            .into_iter()
            .map(|(_, field)| field)
            .collect();
        let others = self.fields.len() - editable.len();
        let mut title = format!("Changed both here and on disk: {}", self.doc.file());
        if others > 0 {
            title.push_str(&format!(" ({others} more take the value on disk)"));
        }
        let text = |value: &str| match value {
            "(none)" | "(empty)" => String::new(),
            other => other.to_string(),
        };
        Some(Form::new(title).group(Group::of(
            "fields",
            "Fields",
            &editable,
            |field: Option<&&FieldConflict>| match field {
                Some(field) => vec![
                    Field::multiline("value", &field.path, &text(&field.mine))
                        .hint(&format!("on disk: {}", field.theirs)),
                ],
                None => vec![Field::multiline("value", "value", "")],
            },
        )))
    }

    fn submit(&self, _data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let typed = self
            .editable()
            .into_iter()
            .zip(values.rows("fields"))
            .map(|((index, _), row)| (index, row.text("value")))
            .collect();
        Ok(vec![Effect::Resolve(
            self.doc.clone(),
            Resolution::Typed(typed),
        )])
    }
}
