//! Forms of the profile section: its contacts and shared goals, and the question
//! which of the two `a` adds.

use super::partner::GONE;
use super::{Members, labels, position, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::domain::ids::RecordKind;
use crate::domain::partner::{Contact, Goal, Side};

/// `a` in the profile with neither a contact nor a goal selected: which to add.
#[derive(Debug, Clone)]
pub struct AddToProfileForm {
    pub partner: String,
}

impl FormSpec for AddToProfileForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        data.partner(&self.partner)?;
        Some(Form::new("Add to the profile").field(Field::choice(
            "what",
            "Add a",
            vec!["contact".into(), "goal".into()],
            0,
        )))
    }

    fn submit(&self, _data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let partner = self.partner.clone();
        let next: Box<dyn FormSpec> = match values.choice("what") {
            0 => Box::new(ContactForm { partner, at: None }),
            _ => Box::new(GoalForm { partner, at: None }),
        };
        Ok(vec![Effect::OpenForm(next)])
    }
}

/// A contact person; `at: None` adds one.
#[derive(Debug, Clone)]
pub struct ContactForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for ContactForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let c = match &self.at {
            Some(at) => at.find(&p.contacts)?.clone(),
            None => Contact::default(),
        };
        let title = if self.at.is_some() {
            "Contact"
        } else {
            "New contact"
        };
        Some(
            Form::new(title)
                .field(Field::text("name", "Name", &c.name).required())
                .field(Field::text("role", "Role", &c.role))
                .field(Field::choice(
                    "side",
                    "Side",
                    labels(&Side::ALL, Side::label),
                    position(&Side::ALL, &c.side),
                ))
                .field(Field::text("email", "Email", &c.email))
                .field(Field::text("phone", "Phone", &c.phone)),
        )
    }

    fn check(&self, _data: &Data, values: &Values) -> Result<(), Reject> {
        let email = values.text("email");
        if !email.is_empty() && !email.contains('@') {
            return Err(Reject::field(
                "email",
                format!("\"{email}\" is not an email address"),
            ));
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Contact);
                let (at, contact) = edit_or_add(&mut p.contacts, self.at.as_ref(), new_id)?;
                contact.name = values.text("name");
                contact.role = values.text("role");
                contact.side = values.pick("side", &Side::ALL).unwrap_or_default();
                contact.email = values.text("email");
                contact.phone = values.text("phone");
                let name = contact.name.clone();
                placed = Some(at);
                Some(format!(
                    "{} contact {name} ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Contact(at)))));
        Ok(effects)
    }
}

/// A shared goal, checked against SMART on the screen; `at: None` adds one.
#[derive(Debug, Clone)]
pub struct GoalForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for GoalForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let g = match &self.at {
            Some(at) => at.find(&p.goals)?.clone(),
            None => Goal::default(),
        };
        let title = if self.at.is_some() {
            "Goal"
        } else {
            "New goal"
        };
        Some(
            Form::new(title)
                .field(
                    Field::text("statement", "Statement", &g.statement)
                        .required()
                        .hint("specific: what, for whom"),
                )
                .field(
                    Field::text("metric", "Metric", &g.metric)
                        .hint("measurable: how it is counted"),
                )
                .field(Field::text("target", "Target", &g.target))
                .field(Field::date("due", "Due", g.due))
                .field(Members::new(data, &g.owner).field("owner", "Owner", &g.owner))
                .field(Field::choice(
                    "agreed",
                    "Agreed by both",
                    vec!["no".into(), "yes".into()],
                    usize::from(g.agreed_by_both),
                )),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let p = data.partner_data(&self.partner).ok_or(GONE)?;
        let current = self.at.as_ref().and_then(|at| at.find(&p.goals));
        let owner = Members::new(data, current.map_or("", |g| &g.owner)).handle(values, "owner");
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Goal);
                let (at, goal) = edit_or_add(&mut p.goals, self.at.as_ref(), new_id)?;
                goal.statement = values.text("statement");
                goal.metric = values.text("metric");
                goal.target = values.text("target");
                goal.due = values.date("due");
                goal.owner = owner;
                goal.agreed_by_both = values.choice("agreed") == 1;
                let statement = goal.statement.clone();
                placed = Some(at);
                Some(format!(
                    "{} goal “{statement}” ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Goal(at)))));
        Ok(effects)
    }
}
