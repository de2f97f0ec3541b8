//! Forms of the communication charter: its settings (cadence, channels, response
//! time, the escalation path as a list of steps, confidentiality) and its meetings.

use super::partner::GONE;
use super::{labels, position, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Group, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::{Item, Rec, edit_or_add};
use crate::domain::ids::RecordKind;
use crate::domain::partner::{MeetingTier, Tier};

/// The charter's settings.
#[derive(Debug, Clone)]
pub struct CharterForm {
    pub partner: String,
}

impl FormSpec for CharterForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let c = &data.partner_data(&self.partner)?.charter;
        let steps = Group::of("escalation", "Escalation", &c.escalation, |step| {
            vec![Field::text("step", "Step", step.map_or("", String::as_str)).required()]
        });
        Some(
            Form::new("Communication charter")
                .field(
                    Field::number(
                        "cadence",
                        "Check-in every",
                        c.checkin_cadence_days.map(i64::from),
                        1..=365,
                    )
                    .hint("days; empty: the workspace default"),
                )
                .field(Field::text(
                    "primary",
                    "Primary channel",
                    &c.primary_channel,
                ))
                .field(Field::text("secondary", "Secondary", &c.secondary_channel))
                .field(Field::number(
                    "response",
                    "Response (h)",
                    c.response_hours.map(i64::from),
                    0..=720,
                ))
                .group(steps)
                .field(Field::multiline(
                    "confidentiality",
                    "Confidentiality",
                    &c.confidentiality,
                )),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let change = data
            .change_partner(&self.partner, |p| {
                let charter = &mut p.charter;
                charter.checkin_cadence_days = values.number("cadence").map(|n| n as u32);
                charter.primary_channel = values.text("primary");
                charter.secondary_channel = values.text("secondary");
                charter.response_hours = values.number("response").map(|n| n as u32);
                charter.escalation = values
                    .rows("escalation")
                    .iter()
                    .map(|row| row.text("step"))
                    .collect();
                charter.confidentiality = values.text("confidentiality");
                Some(format!("edited the charter ({})", p.name))
            })
            .ok_or(GONE)?;
        Ok(vec![Effect::Commit(change)])
    }
}

/// A meeting of one tier and its cadence; `at: None` adds one.
#[derive(Debug, Clone)]
pub struct MeetingForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for MeetingForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let t = match &self.at {
            Some(at) => at.find(&p.charter.meetings)?.clone(),
            None => MeetingTier {
                cadence_days: 14,
                ..MeetingTier::default()
            },
        };
        let title = if self.at.is_some() {
            "Meeting"
        } else {
            "New meeting"
        };
        Some(
            Form::new(title)
                .field(Field::choice(
                    "tier",
                    "Tier",
                    labels(&Tier::ALL, Tier::label),
                    position(&Tier::ALL, &t.tier),
                ))
                .field(
                    Field::number(
                        "every",
                        "Every (days)",
                        Some(i64::from(t.cadence_days)),
                        1..=365,
                    )
                    .required(),
                )
                .field(Field::text("attendees", "Attendees", &t.attendees))
                .field(Field::text("purpose", "Purpose", &t.purpose)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Meeting);
                let (at, meeting) = edit_or_add(&mut p.charter.meetings, self.at.as_ref(), new_id)?;
                meeting.tier = values.pick("tier", &Tier::ALL)?;
                meeting.cadence_days = values.number("every").unwrap_or(14) as u32;
                meeting.attendees = values.text("attendees");
                meeting.purpose = values.text("purpose");
                let tier = meeting.tier.label();
                placed = Some(at);
                Some(format!(
                    "{} {tier} meeting ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| Effect::Reveal(Reveal::Item(Item::Meeting(at)))));
        Ok(effects)
    }
}
