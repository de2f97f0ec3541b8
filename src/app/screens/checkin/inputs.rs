//! What a check-in page is made of: the rows (a milestone and what was decided
//! about it, an open action item found done or not) and the inputs (a reading, a
//! feedback note, a new action item) — each remembering its record by id — and the
//! places the focus can be among them.

use crate::app::form::Field;
use crate::domain::checkin::DueReason;
use crate::domain::partner::{Side, Tier};

/// A KPI's reading being typed.
#[derive(Debug, Clone)]
pub struct ReadingInput {
    /// The KPI's id.
    pub kpi: String,
    /// Why the page asks for it.
    pub why: Why,
    pub value: Field,
    pub note: Field,
}

/// Why the page asks for a KPI's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// It is due one.
    Due(DueReason),
    /// It was opened from the attention list for this KPI.
    Asked,
    /// A draft brought a value for it back (it is no longer due).
    Draft,
    /// Not due, but open: a reading can be taken all the same.
    Open,
}

impl Why {
    pub fn words(self) -> String {
        match self {
            Why::Due(reason) => reason.words(),
            Why::Asked => "from the attention list".to_string(),
            Why::Draft => "in your draft".to_string(),
            Why::Open => "not due".to_string(),
        }
    }

    /// Whether the page asks for this reading (it is listed among those due).
    pub fn is_due(self) -> bool {
        self != Why::Open
    }
}

/// A milestone on the page, and what was decided about it so far.
#[derive(Debug, Clone)]
pub struct MilestoneRow {
    pub id: String,
    pub done: bool,
    /// Unblock a blocked one (`b` on it).
    pub unblock: bool,
    /// Block it, for the reason typed.
    pub block: Option<Field>,
    /// Move its due date, with the reason.
    pub moved: Option<Move>,
}

#[derive(Debug, Clone)]
pub struct Move {
    pub due: Field,
    pub reason: Field,
}

/// An open action item on the page: found done, or not.
#[derive(Debug, Clone)]
pub struct ActionRow {
    pub id: String,
    pub close: bool,
}

/// Feedback heard, being typed.
#[derive(Debug, Clone)]
pub struct FeedbackInput {
    pub who: Field,
    pub side: Field,
    pub sentiment: Field,
    pub text: Field,
}

/// A new action item, being typed.
#[derive(Debug, Clone)]
pub struct NewActionInput {
    pub text: Field,
    pub owner: Field,
    pub side: Field,
    pub due: Field,
}

/// A place the focus can be: a row (a milestone, an action item) or an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    ReadingValue(usize),
    ReadingNote(usize),
    Milestone(usize),
    BlockReason(usize),
    MoveDue(usize),
    MoveReason(usize),
    Action(usize),
    FeedbackWho(usize),
    FeedbackSide(usize),
    FeedbackSentiment(usize),
    FeedbackText(usize),
    Tier,
    Attendees,
    Note,
    ActionText(usize),
    ActionOwner(usize),
    ActionSide(usize),
    ActionDue(usize),
}

impl Slot {
    /// A row takes keys (`Space`, `b`, `>`); an input takes typed text.
    pub fn is_row(self) -> bool {
        matches!(self, Slot::Milestone(_) | Slot::Action(_))
    }
}

/// What the cursor starts on, when the page is opened for something in particular
/// (an attention item): by the words the item names it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A KPI, by name.
    Kpi(String),
    /// A milestone, by title.
    Milestone(String),
    /// An action item, by its text.
    Action(String),
    Feedback,
    /// The meeting's tier, set to this one when the charter has it.
    Meeting(Option<Tier>),
    Note,
}

/// The tiers a check-in can be, as the choice lists them.
pub const TIERS: [Option<Tier>; 4] = [
    None,
    Some(Tier::Leadership),
    Some(Tier::Operational),
    Some(Tier::Tactical),
];

pub fn tier_label(tier: Option<Tier>) -> &'static str {
    tier.map_or("none in particular", Tier::label)
}

pub(super) fn side_choice(name: &'static str, side: Side) -> Field {
    let labels = Side::ALL.iter().map(|s| s.label().to_string()).collect();
    let at = Side::ALL.iter().position(|s| *s == side).unwrap_or(0);
    Field::choice(name, "Side", labels, at)
}

impl ReadingInput {
    pub(super) fn new(kpi: &str, why: Why) -> ReadingInput {
        ReadingInput {
            kpi: kpi.to_string(),
            why,
            value: Field::decimal("value", "Value", None),
            note: Field::text("note", "Note", ""),
        }
    }
}

impl MilestoneRow {
    pub(super) fn new(id: &str) -> MilestoneRow {
        MilestoneRow {
            id: id.to_string(),
            done: false,
            unblock: false,
            block: None,
            moved: None,
        }
    }

    /// Whether anything was decided about it.
    pub fn changed(&self) -> bool {
        self.done || self.unblock || self.block.is_some() || self.moved.is_some()
    }
}

impl FeedbackInput {
    pub(super) fn blank() -> FeedbackInput {
        FeedbackInput {
            who: Field::text("who", "Who", ""),
            side: side_choice("side", Side::Theirs),
            sentiment: Field::number("sentiment", "Sentiment", Some(3), 1..=5)
                .hint("1 very unhappy · 3 neutral · 5 very happy"),
            text: Field::text("text", "What they said", ""),
        }
    }

    /// Nothing typed: neither who nor what.
    pub fn is_blank(&self) -> bool {
        self.who.raw().trim().is_empty() && self.text.raw().trim().is_empty()
    }

    pub(super) fn fields(&self) -> [&Field; 4] {
        [&self.who, &self.side, &self.sentiment, &self.text]
    }
}

impl NewActionInput {
    pub(super) fn blank(owner: Field) -> NewActionInput {
        NewActionInput {
            text: Field::text("text", "Action", ""),
            owner,
            side: side_choice("side", Side::Ours),
            due: Field::date("due", "Due", None),
        }
    }

    /// Nothing typed as its text.
    pub fn is_blank(&self) -> bool {
        self.text.raw().trim().is_empty()
    }

    pub(super) fn fields(&self) -> [&Field; 4] {
        [&self.text, &self.owner, &self.side, &self.due]
    }
}
