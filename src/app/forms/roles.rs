//! The form of the roles section: who does what, on which side.

use super::partner::GONE;
use super::{labels, position, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::domain::ids::RecordKind;
use crate::domain::partner::{Role, Side};

/// A role and its responsibility; `at: None` adds one.
#[derive(Debug, Clone)]
pub struct RoleForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for RoleForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let r = match &self.at {
            Some(at) => at.find(&p.roles)?.clone(),
            None => Role::default(),
        };
        let title = if self.at.is_some() {
            "Role"
        } else {
            "New role"
        };
        Some(
            Form::new(title)
                .field(Field::choice(
                    "side",
                    "Side",
                    labels(&Side::ALL, Side::label),
                    position(&Side::ALL, &r.side),
                ))
                .field(Field::text("who", "Who", &r.who).required())
                .field(Field::text("does", "Does what", &r.responsibility).required()),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Role);
                let (at, role) = edit_or_add(&mut p.roles, self.at.as_ref(), new_id)?;
                role.side = values.pick("side", &Side::ALL).unwrap_or_default();
                role.who = values.text("who");
                role.responsibility = values.text("does");
                let who = role.who.clone();
                placed = Some(at);
                Some(format!(
                    "{} role of {who} ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Role(at)))));
        Ok(effects)
    }
}
