//! A check-in page as a draft: everything typed and decided on it, by the ids of
//! the records it is about, and — for the page being walked — where the walk was
//! and what it had done. Kept in the draft store (`.drafts/<user>/<partner>.ron`)
//! while the page has unsaved input, so a dropped connection loses nothing; filled
//! back into the page when it opens again.

use serde::{Deserialize, Serialize};

use super::page::{FeedbackInput, Move, NewActionInput, Page, TIERS, Why};
use crate::app::form::Field;
use crate::domain::checkin::Recorded;
use crate::domain::partner::{Side, Tier};

/// One partner's check-in page, as typed so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckinDraft {
    /// The partner's id.
    pub partner: String,
    /// The partner's name when it was kept, for the words that offer it back.
    pub name: String,
    /// When it was kept, local time, `YYYY-MM-DD HH:MM`.
    pub kept_at: String,
    pub page: PageDraft,
    /// Where the walk was, for the page being walked when the session ended.
    #[serde(default)]
    pub walk: Option<WalkDraft>,
}

/// What was typed and decided on a page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageDraft {
    #[serde(default)]
    pub readings: Vec<ReadingDraft>,
    #[serde(default)]
    pub milestones: Vec<MilestoneDraft>,
    /// Ids of the action items found done.
    #[serde(default)]
    pub closed_actions: Vec<String>,
    #[serde(default)]
    pub feedback: Vec<FeedbackDraft>,
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub new_actions: Vec<ActionDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingDraft {
    /// The KPI's id.
    pub kpi: String,
    /// As typed: it may not be a number yet.
    pub value: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneDraft {
    /// The milestone's id.
    pub id: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub unblock: bool,
    /// Blocked, for this reason (as typed).
    #[serde(default)]
    pub block: Option<String>,
    /// Moved to this date, for this reason (as typed).
    #[serde(default)]
    pub moved: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    pub who: String,
    pub side: Side,
    pub sentiment: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub text: String,
    /// A member's handle or a contact's name; empty for nobody.
    pub owner: String,
    pub side: Side,
    pub due: String,
}

/// Where a walk through the partners was: who is still to come after the page of
/// the draft, and what it had done so far.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WalkDraft {
    /// Partner ids still to come, in order.
    pub queue: Vec<String>,
    /// Names of the partners checked and skipped so far.
    pub checked: Vec<String>,
    pub skipped: Vec<String>,
    pub tally: Recorded,
    /// One partner's page rather than a walk.
    #[serde(default)]
    pub single: bool,
}

impl PageDraft {
    /// Whether the draft says anything at all.
    pub fn is_empty(&self) -> bool {
        *self == PageDraft::default()
    }

    /// "2 readings, 1 milestone, a note “Kits are in…”": what a draft holds, for the
    /// question that offers it back.
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        if !self.readings.is_empty() {
            parts.push(count(self.readings.len(), "reading", "readings"));
        }
        if !self.milestones.is_empty() {
            parts.push(count(self.milestones.len(), "milestone", "milestones"));
        }
        if !self.closed_actions.is_empty() {
            parts.push(count(
                self.closed_actions.len(),
                "action done",
                "actions done",
            ));
        }
        if !self.feedback.is_empty() {
            parts.push(count(
                self.feedback.len(),
                "feedback note",
                "feedback notes",
            ));
        }
        if !self.new_actions.is_empty() {
            parts.push(count(self.new_actions.len(), "new action", "new actions"));
        }
        let note = self.note.trim();
        if !note.is_empty() {
            let first = note.lines().next().unwrap_or_default();
            parts.push(format!("the note “{}”", crate::text::truncate(first, 40)));
        }
        if parts.is_empty() {
            "the meeting and attendees".to_string()
        } else {
            parts.join(", ")
        }
    }
}

impl Page {
    /// What is typed and decided on the page, as a draft keeps it.
    pub fn draft(&self) -> PageDraft {
        PageDraft {
            readings: (self.readings.iter())
                .filter(|r| !r.value.raw().trim().is_empty() || !r.note.raw().trim().is_empty())
                .map(|r| ReadingDraft {
                    kpi: r.kpi.clone(),
                    value: r.value.raw(),
                    note: r.note.raw(),
                })
                .collect(),
            milestones: (self.milestones.iter())
                .filter(|row| row.changed())
                .map(|row| MilestoneDraft {
                    id: row.id.clone(),
                    done: row.done,
                    unblock: row.unblock,
                    block: row.block.as_ref().map(Field::raw),
                    moved: row
                        .moved
                        .as_ref()
                        .map(|moved| (moved.due.raw(), moved.reason.raw())),
                })
                .collect(),
            closed_actions: (self.actions.iter())
                .filter(|row| row.close)
                .map(|row| row.id.clone())
                .collect(),
            feedback: (self.feedback.iter())
                .filter(|row| !row.is_blank())
                .map(|row| FeedbackDraft {
                    who: row.who.raw(),
                    side: Side::ALL
                        .get(row.side.choice)
                        .copied()
                        .unwrap_or(Side::Theirs),
                    sentiment: row.sentiment.raw(),
                    text: row.text.raw(),
                })
                .collect(),
            tier: TIERS.get(self.tier.choice).copied().flatten(),
            attendees: self.attendees.raw(),
            note: self.note.raw(),
            new_actions: (self.new_actions.iter())
                .filter(|row| !row.is_blank())
                .map(|row| ActionDraft {
                    text: row.text.raw(),
                    owner: (self.owner_names().get(row.owner.choice))
                        .cloned()
                        .unwrap_or_default(),
                    side: Side::ALL.get(row.side.choice).copied().unwrap_or_default(),
                    due: row.due.raw(),
                })
                .collect(),
        }
    }

    /// Fills the page in from `draft`: every field as it was typed. Records the page
    /// does not list (a KPI read meanwhile, a milestone no longer due) get their
    /// row back, so nothing typed is dropped; an action item no longer open is left
    /// as it is.
    pub fn restore(&mut self, draft: &PageDraft) {
        for reading in &draft.readings {
            let index = self.reading_for(&reading.kpi, Why::Draft);
            let input = &mut self.readings[index];
            input.value.set_raw(&reading.value);
            input.note.set_raw(&reading.note);
        }
        for milestone in &draft.milestones {
            let index = self.milestone_row(&milestone.id);
            let row = &mut self.milestones[index];
            row.done = milestone.done;
            row.unblock = milestone.unblock;
            row.block = milestone.block.as_ref().map(|reason| {
                let mut field = Field::text("blocked", "Blocked because", "");
                field.set_raw(reason);
                field
            });
            row.moved = milestone.moved.as_ref().map(|(due, reason)| {
                let mut moved = Move {
                    due: Field::date("due", "New due date", None),
                    reason: Field::text("reason", "Why it moved", ""),
                };
                moved.due.set_raw(due);
                moved.reason.set_raw(reason);
                moved
            });
        }
        for row in &mut self.actions {
            row.close = draft.closed_actions.contains(&row.id);
        }
        self.feedback = (draft.feedback.iter())
            .map(|note| {
                let mut row = FeedbackInput::blank();
                row.who.set_raw(&note.who);
                row.side.choice = Side::ALL.iter().position(|s| *s == note.side).unwrap_or(1);
                row.sentiment.set_raw(&note.sentiment);
                row.text.set_raw(&note.text);
                row
            })
            .collect();
        self.tier.choice = TIERS.iter().position(|t| *t == draft.tier).unwrap_or(0);
        self.attendees.set_raw(&draft.attendees);
        self.note.set_raw(&draft.note);
        self.new_actions = Vec::new();
        for action in &draft.new_actions {
            let owner = self.owner_field(&action.owner);
            let mut row = NewActionInput::blank(owner);
            row.text.set_raw(&action.text);
            row.side.choice = Side::ALL
                .iter()
                .position(|s| *s == action.side)
                .unwrap_or(0);
            row.due.set_raw(&action.due);
            self.new_actions.push(row);
        }
        self.settle();
    }
}
