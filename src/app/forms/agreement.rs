//! Forms of the agreement section: its dates, each component's status and note,
//! and the deliverables.

use super::partner::GONE;
use super::{Members, labels, position, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::domain::ids::RecordKind;
use crate::domain::partner::{ClauseStatus, Component, Deliverable, expiry_conflict};

/// Signed, next review, expires.
#[derive(Debug, Clone)]
pub struct AgreementDatesForm {
    pub partner: String,
}

impl FormSpec for AgreementDatesForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let a = &data.partner_data(&self.partner)?.agreement;
        Some(
            Form::new("Agreement dates")
                .field(Field::date("signed", "Signed", a.signed))
                .field(Field::date("next_review", "Next review", a.next_review))
                .field(Field::date("expires", "Expires", a.expires)),
        )
    }

    fn check(&self, _data: &Data, values: &Values) -> Result<(), Reject> {
        let signed = values.date("signed");
        if let (Some(signed), Some(review)) = (signed, values.date("next_review"))
            && review < signed
        {
            return Err(Reject::field(
                "next_review",
                format!("the next review comes before the signing ({signed})"),
            ));
        }
        match expiry_conflict(signed, values.date("expires")) {
            Some(why) => Err(Reject::field("expires", why)),
            None => Ok(()),
        }
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let change = data
            .change_partner(&self.partner, |p| {
                p.agreement.signed = values.date("signed");
                p.agreement.next_review = values.date("next_review");
                p.agreement.expires = values.date("expires");
                Some(format!("edited the agreement dates ({})", p.name))
            })
            .ok_or(GONE)?;
        Ok(vec![Effect::Commit(change)])
    }
}

/// One of the seven components: where it stands, and a note.
#[derive(Debug, Clone)]
pub struct ComponentForm {
    pub partner: String,
    pub component: Component,
}

impl FormSpec for ComponentForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let clause = data
            .partner_data(&self.partner)?
            .agreement
            .clause(self.component);
        Some(
            Form::new(self.component.label())
                .field(Field::choice(
                    "status",
                    "Status",
                    labels(&ClauseStatus::ALL, ClauseStatus::label),
                    position(&ClauseStatus::ALL, &clause.status),
                ))
                .field(Field::multiline("note", "Note", &clause.note)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let change = data
            .change_partner(&self.partner, |p| {
                let clause = p.agreement.clause_mut(self.component);
                clause.status = values.pick("status", &ClauseStatus::ALL)?;
                clause.note = values.text("note");
                Some(format!(
                    "edited {} ({})",
                    self.component.label().to_lowercase(),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        Ok(vec![Effect::Commit(change)])
    }
}

/// A deliverable of the agreement; `at: None` adds one.
#[derive(Debug, Clone)]
pub struct DeliverableForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for DeliverableForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let d = match &self.at {
            Some(at) => at.find(&p.agreement.deliverables)?.clone(),
            None => Deliverable::default(),
        };
        let title = if self.at.is_some() {
            "Deliverable"
        } else {
            "New deliverable"
        };
        Some(
            Form::new(title)
                .field(Field::text("title", "Title", &d.title).required())
                .field(Members::new(data, &d.owner).field("owner", "Owner", &d.owner))
                .field(Field::date("due", "Due", d.due))
                .field(Field::choice(
                    "status",
                    "Status",
                    labels(&ClauseStatus::ALL, ClauseStatus::label),
                    position(&ClauseStatus::ALL, &d.status),
                ))
                .field(Field::text("note", "Note", &d.note)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let p = data.partner_data(&self.partner).ok_or(GONE)?;
        let current = self
            .at
            .as_ref()
            .and_then(|at| at.find(&p.agreement.deliverables));
        let owner = Members::new(data, current.map_or("", |d| &d.owner)).handle(values, "owner");
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Deliverable);
                let (at, d) = edit_or_add(&mut p.agreement.deliverables, self.at.as_ref(), new_id)?;
                d.title = values.text("title");
                d.owner = owner;
                d.due = values.date("due");
                d.status = values.pick("status", &ClauseStatus::ALL)?;
                d.note = values.text("note");
                let title = d.title.clone();
                placed = Some(at);
                Some(format!(
                    "{} deliverable “{title}” ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Deliverable(at)))));
        Ok(effects)
    }
}
