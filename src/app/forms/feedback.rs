//! The form of stakeholder feedback: who said it, on which side, how they feel
//! (1–5) and what they said; dated today unless told otherwise, never later.

use super::partner::GONE;
use super::{labels, position, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::ids::RecordKind;
use crate::domain::partner::{Feedback, Side};
use crate::text::truncate;

/// The sentiment ratings, 1 to 5, each with its word; a choice, so a typed digit
/// picks the rating instead of appending to a pre-filled one.
const SENTIMENTS: [&str; 5] = [
    "1 very unhappy",
    "2 unhappy",
    "3 neutral",
    "4 happy",
    "5 very happy",
];

/// Feedback; `at: None` adds some.
#[derive(Debug, Clone)]
pub struct FeedbackForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl FormSpec for FeedbackForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let note = match &self.at {
            Some(at) => at.find(&p.feedback)?.clone(),
            // Most feedback worth writing down comes from the partner's side.
            None => Feedback {
                id: String::new(),
                date: data.today,
                who: String::new(),
                side: Side::Theirs,
                sentiment: 3,
                text: String::new(),
            },
        };
        let title = match &self.at {
            Some(_) => format!("Feedback from {} ({})", note.who, p.name),
            None => format!("New feedback ({})", p.name),
        };
        let contacts: Vec<String> = p
            .contacts
            .iter()
            .map(|c| format!("{} ({})", c.name, c.side.label()))
            .collect();
        let who_hint = if contacts.is_empty() {
            "a name".to_string()
        } else {
            truncate(&format!("a name; contacts: {}", contacts.join(", ")), 70)
        };
        Some(
            Form::new(title)
                .field(
                    Field::date("date", "Date", Some(note.date))
                        .required()
                        .hint("the day it was said: today or before"),
                )
                .field(
                    Field::text("who", "Who", &note.who)
                        .required()
                        .hint(&who_hint),
                )
                .field(Field::choice(
                    "side",
                    "Side",
                    labels(&Side::ALL, Side::label),
                    position(&Side::ALL, &note.side),
                ))
                .field(
                    Field::choice(
                        "sentiment",
                        "Sentiment",
                        SENTIMENTS.iter().map(|s| s.to_string()).collect(),
                        usize::from(note.sentiment.clamp(1, 5) - 1),
                    )
                    .hint("←/→ or the digit: how they feel"),
                )
                .field(Field::multiline("text", "What they said", &note.text)),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        Reject::if_after_today(values, "date", data.today, "feedback is what was said")
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let date = values.date("date").ok_or("feedback needs a date")?;
        // The options are 1..=5 in order, so the index is one less than the rating.
        let sentiment = (values.choice("sentiment").min(4) + 1) as u8;
        let side = values.pick("side", &Side::ALL).unwrap_or(Side::Theirs);
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let at = match &self.at {
                    Some(at) => at.clone(),
                    None => {
                        let id = data.new_id(p, RecordKind::Feedback);
                        p.feedback.push(Feedback {
                            id,
                            date,
                            who: String::new(),
                            side,
                            sentiment,
                            text: String::new(),
                        });
                        Rec::of(p.feedback.last()?)
                    }
                };
                let note = at.find_mut(&mut p.feedback)?;
                note.date = date;
                note.who = values.text("who");
                note.side = side;
                note.sentiment = sentiment;
                note.text = values.text("text");
                let who = note.who.clone();
                placed = Some(at);
                Some(format!(
                    "{} the feedback from {who} ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| {
            Effect::Reveal(Reveal::Record {
                partner: self.partner.clone(),
                id: at.as_str().to_string(),
            })
        }));
        Ok(effects)
    }
}
