//! Forms of the activity section: action items and check-ins.

use super::partner::GONE;
use super::{Members, verb};
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::app::screens::checkin::page::{TIERS, tier_label};
use crate::domain::checkin::{attendees_of, default_meeting, split_attendees};
use crate::domain::ids::RecordKind;
use crate::domain::partner::ActionItem;
use crate::domain::partner::CheckIn;

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

/// `a` in the Activity section: a check-in or an action item? (A check-in first
/// when one is selected.)
#[derive(Debug, Clone)]
pub struct AddToActivityForm {
    pub partner: String,
    /// Offer a check-in first.
    pub checkin_first: bool,
}

impl FormSpec for AddToActivityForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        data.partner(&self.partner)?;
        Some(
            Form::new("Add to the activity").field(
                Field::choice(
                    "what",
                    "Add",
                    vec![
                        "an action item".into(),
                        "a check-in held (date, meeting, attendees, note)".into(),
                    ],
                    usize::from(self.checkin_first),
                )
                .hint("←/→ to choose, Enter goes on; c opens the full check-in page"),
            ),
        )
    }

    fn submit(&self, _data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let partner = self.partner.clone();
        let next: Box<dyn FormSpec> = match values.choice("what") {
            0 => Box::new(ActionForm { partner, at: None }),
            _ => Box::new(CheckInForm { partner, at: None }),
        };
        Ok(vec![Effect::OpenForm(next)])
    }
}

/// A check-in as the Activity lists it: its date, the charter meeting it was, who
/// attended, the note; `at: None` records one held (today unless told otherwise,
/// never later). Editing keeps who recorded it, and moving its date asks first:
/// the cadence, health and attention count from it.
#[derive(Debug, Clone)]
pub struct CheckInForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for CheckInForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let c = match &self.at {
            Some(at) => at.find(&p.checkins)?.clone(),
            None => {
                // The meeting it most likely was, and who attends it.
                let meeting = default_meeting(p, data.today);
                CheckIn {
                    tier: meeting.map(|m| m.tier),
                    attendees: meeting.map(attendees_of).unwrap_or_default(),
                    ..CheckIn::new(data.today, data.author.clone())
                }
            }
        };
        let title = match &self.at {
            Some(_) => format!("Check-in of {} ({})", c.date, p.name),
            None => format!("New check-in ({})", p.name),
        };
        let hint = match &self.at {
            Some(_) => format!(
                "held on {}; changing it moves the check-in (asks first)",
                c.date
            ),
            None => "the day it was held: today or before".to_string(),
        };
        Some(
            Form::new(title)
                .field(
                    Field::date("date", "Date", Some(c.date))
                        .required()
                        .hint(&hint),
                )
                .field(Field::choice(
                    "tier",
                    "Meeting",
                    TIERS.iter().map(|t| tier_label(*t).to_string()).collect(),
                    TIERS.iter().position(|t| *t == c.tier).unwrap_or(0),
                ))
                .field(
                    Field::text("attendees", "Attendees", &c.attendees.join(", "))
                        .hint("who took part, separated by commas"),
                )
                .field(Field::multiline("note", "Note", &c.note)),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        Reject::if_after_today(
            values,
            "date",
            data.today,
            "a check-in is one that was held",
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let date = values.date("date").ok_or("a check-in needs its date")?;
        let tier = values.pick("tier", &TIERS).flatten();
        let attendees = split_attendees(&values.text("attendees"));
        let note = values.text("note");
        let mut moved = None;
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let name = p.name.clone();
                let at = match &self.at {
                    Some(at) => at.clone(),
                    None => {
                        let id = data.new_id(p, RecordKind::CheckIn);
                        let checkin = CheckIn {
                            id,
                            ..CheckIn::new(date, data.author.clone())
                        };
                        // Check-ins stay in date order, as the file lists them.
                        let place = (p.checkins.iter())
                            .position(|c| c.date > date)
                            .unwrap_or(p.checkins.len());
                        p.checkins.insert(place, checkin);
                        Rec::of(&p.checkins[place])
                    }
                };
                let index = at.position(&p.checkins)?;
                let mut checkin = p.checkins.remove(index);
                let was = checkin.date;
                checkin.date = date;
                checkin.tier = tier;
                checkin.attendees = attendees;
                checkin.note = note;
                let place = (p.checkins.iter())
                    .position(|c| c.date > date)
                    .unwrap_or(p.checkins.len());
                p.checkins.insert(place, checkin);
                placed = Some(at);
                Some(match &self.at {
                    None => format!("added the check-in of {date} ({name})"),
                    Some(_) if was != date => {
                        moved = Some((was, name.clone()));
                        format!("moved the check-in of {was} to {date} ({name})")
                    }
                    Some(_) => format!("edited the check-in of {date} ({name})"),
                })
            })
            .ok_or(GONE)?;
        let reveal = placed.map(|at| Effect::Reveal(Reveal::Item(Item::CheckIn(at))));
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(reveal);
        // A check-in's date is history: moving it never happens silently.
        if let Some((was, name)) = moved {
            return Ok(vec![Effect::Ask(Confirm::new(
                format!(
                    "Move the check-in of {was} with {name} to {date}? The check-in cadence, health and the attention list count from its date."
                ),
                effects,
            ))]);
        }
        Ok(effects)
    }
}
