//! Saving a check-in page: every input read and checked — a reading's value, a
//! move's new date and reason, a block's reason, feedback's who and sentiment, a
//! new action's due date — into the check-in it adds up to (`CheckInEntry`), or
//! each input that cannot be taken saying why.

use super::inputs::{Slot, TIERS};
use super::page::Page;
use crate::app::form::Value;
use crate::app::model::Data;
use crate::domain::checkin::{
    CheckInEntry, MilestoneChange, MilestoneUpdate, NewAction, NewFeedback, NewReading,
    split_attendees,
};
use crate::domain::partner::Side;

impl Page {
    /// The check-in the page adds up to, dated today by the user; `None` when an
    /// input cannot be taken — each such input then says why, and the cursor goes
    /// to the first.
    pub fn entry(&mut self, data: &Data) -> Option<CheckInEntry> {
        let today = data.today;
        let mut bad: Vec<Slot> = Vec::new();
        let mut entry = CheckInEntry {
            date: today,
            author: data.author.clone(),
            ..CheckInEntry::default()
        };

        for (index, input) in self.readings.iter_mut().enumerate() {
            let value = match input.value.parse(today) {
                Ok(Value::Decimal(value)) => value,
                Ok(_) => None,
                Err(why) => {
                    input.value.error = Some(why);
                    bad.push(Slot::ReadingValue(index));
                    continue;
                }
            };
            let note = input.note.raw().trim().to_string();
            match value {
                Some(value) => entry.readings.push(NewReading {
                    kpi: input.kpi.clone(),
                    value,
                    note,
                }),
                None if !note.is_empty() => {
                    input.value.error = Some("type the value this note is about".into());
                    bad.push(Slot::ReadingValue(index));
                }
                None => {}
            }
        }

        let partner = data.partner_data(&self.partner);
        for (index, row) in self.milestones.iter_mut().enumerate() {
            let current = partner.and_then(|p| p.milestones.iter().find(|m| m.id == row.id));
            if let Some(moved) = &mut row.moved {
                match moved.due.parse(today) {
                    Ok(Value::Date(Some(to))) if current.is_some_and(|m| m.due == to) => {
                        moved.due.error =
                            Some("that is its due date already: > again keeps it".into());
                        bad.push(Slot::MoveDue(index));
                    }
                    Ok(Value::Date(Some(to))) if to < today => {
                        moved.due.error = Some(format!(
                            "{to} is in the past: the new due date is today or later (earlier than the old one is fine, if not past)"
                        ));
                        bad.push(Slot::MoveDue(index));
                    }
                    Ok(Value::Date(Some(to))) => {
                        let reason = moved.reason.raw().trim().to_string();
                        if reason.is_empty() {
                            moved.reason.error = Some(
                                "say why it moved: the reason is kept with the re-plan".into(),
                            );
                            bad.push(Slot::MoveReason(index));
                        }
                        entry.milestones.push(MilestoneUpdate {
                            milestone: row.id.clone(),
                            change: MilestoneChange::Move { to, reason },
                        });
                    }
                    Ok(_) => {
                        moved.due.error = Some("the new due date: YYYY-MM-DD or +7d".into());
                        bad.push(Slot::MoveDue(index));
                    }
                    Err(why) => {
                        moved.due.error = Some(why);
                        bad.push(Slot::MoveDue(index));
                    }
                }
            }
            if let Some(reason) = &mut row.block {
                let why = reason.raw().trim().to_string();
                if why.is_empty() {
                    reason.error =
                        Some("say why it is blocked: it is kept on the milestone".into());
                    bad.push(Slot::BlockReason(index));
                }
                entry.milestones.push(MilestoneUpdate {
                    milestone: row.id.clone(),
                    change: MilestoneChange::Block(why),
                });
            }
            if row.unblock {
                entry.milestones.push(MilestoneUpdate {
                    milestone: row.id.clone(),
                    change: MilestoneChange::Unblock,
                });
            }
            if row.done {
                entry.milestones.push(MilestoneUpdate {
                    milestone: row.id.clone(),
                    change: MilestoneChange::Done,
                });
            }
        }

        entry.close_actions = (self.actions.iter())
            .filter(|row| row.close)
            .map(|row| row.id.clone())
            .collect();

        for (index, row) in self.feedback.iter_mut().enumerate() {
            if row.is_blank() {
                continue;
            }
            let who = row.who.raw().trim().to_string();
            if who.is_empty() {
                row.who.error = Some("who said it?".into());
                bad.push(Slot::FeedbackWho(index));
            }
            let text = row.text.raw();
            if text.trim().is_empty() {
                row.text.error =
                    Some("what did they say? (clear the name to drop this feedback)".into());
                bad.push(Slot::FeedbackText(index));
            }
            let sentiment = match row.sentiment.parse(today) {
                Ok(Value::Number(Some(n))) => n as u8,
                Ok(_) => {
                    row.sentiment.error = Some("how they feel, 1 to 5".into());
                    bad.push(Slot::FeedbackSentiment(index));
                    3
                }
                Err(why) => {
                    row.sentiment.error = Some(why);
                    bad.push(Slot::FeedbackSentiment(index));
                    3
                }
            };
            entry.feedback.push(NewFeedback {
                who,
                side: Side::ALL
                    .get(row.side.choice)
                    .copied()
                    .unwrap_or(Side::Theirs),
                sentiment,
                text,
            });
        }

        entry.tier = TIERS.get(self.tier.choice).copied().flatten();
        entry.attendees = split_attendees(&self.attendees.raw());
        entry.note = self.note.raw();

        let owners = self.owner_names().to_vec();
        for (index, row) in self.new_actions.iter_mut().enumerate() {
            if row.is_blank() {
                continue;
            }
            let due = match row.due.parse(today) {
                Ok(Value::Date(due)) => due,
                Ok(_) => None,
                Err(why) => {
                    row.due.error = Some(why);
                    bad.push(Slot::ActionDue(index));
                    None
                }
            };
            entry.new_actions.push(NewAction {
                text: row.text.raw().trim().to_string(),
                owner: owners.get(row.owner.choice).cloned().unwrap_or_default(),
                side: Side::ALL.get(row.side.choice).copied().unwrap_or_default(),
                due,
            });
        }

        match self.slots().into_iter().find(|slot| bad.contains(slot)) {
            Some(first) => {
                self.set_focus(first);
                None
            }
            None => Some(entry),
        }
    }
}
