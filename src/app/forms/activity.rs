//! Forms of the activity section: action items and check-ins.

use super::partner::GONE;
use super::{Members, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::domain::ids::RecordKind;
use crate::domain::partner::ActionItem;

/// An action item wherever it was agreed; `at: None` adds one of the partner's own.
#[derive(Debug, Clone)]
pub struct ActionForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for ActionForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let a = match &self.at {
            Some(at) => at.find(&p.actions)?.clone(),
            None => ActionItem::default(),
        };
        let title = if self.at.is_some() {
            "Action item"
        } else {
            "New action item"
        };
        Some(
            Form::new(title)
                .field(Field::text("text", "Action", &a.text).required())
                .field(Members::new(data, &a.owner).field("owner", "Owner", &a.owner))
                .field(Field::date("due", "Due", a.due))
                .field(
                    Field::date("done", "Done", a.done)
                        .hint("the day it was done; empty while open"),
                ),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let p = data.partner_data(&self.partner).ok_or(GONE)?;
        let current = self.at.as_ref().and_then(|at| at.find(&p.actions));
        let owner = Members::new(data, current.map_or("", |a| &a.owner)).handle(values, "owner");
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                // A new action is the partner's own (not agreed at a check-in: adding
                // one must not look like a check-in happened).
                let new_id = data.new_id(p, RecordKind::Action);
                let (at, action) = edit_or_add(&mut p.actions, self.at.as_ref(), new_id)?;
                action.text = values.text("text");
                action.owner = owner;
                action.due = values.date("due");
                action.done = values.date("done");
                let text = action.text.clone();
                placed = Some(at);
                Some(format!(
                    "{} action “{text}” ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Action(at)))));
        Ok(effects)
    }
}

/// A check-in's date and note.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    pub partner: String,
    pub at: Rec,
}

impl FormSpec for CheckInForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let c = self.at.find(&data.partner_data(&self.partner)?.checkins)?;
        Some(
            Form::new(format!("Check-in of {}", c.date))
                .field(Field::date("date", "Date", Some(c.date)).required())
                .field(Field::multiline("note", "Note", &c.note)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let change = data
            .change_partner(&self.partner, |p| {
                let checkin = self.at.find_mut(&mut p.checkins)?;
                checkin.date = values.date("date")?;
                checkin.note = values.text("note");
                let date = checkin.date;
                Some(format!("edited the check-in of {date} ({})", p.name))
            })
            .ok_or(GONE)?;
        Ok(vec![Effect::Commit(change)])
    }
}
