//! Recording a check-in as one edit of a partner: the dated check-in itself (who
//! held it, at which charter tier, who attended, the note), the readings taken, the
//! feedback heard, what was decided about milestones (done, blocked, unblocked,
//! moved — a move recorded as a re-plan with its reason) and action items (closed,
//! and new ones agreed, whose origin is the check-in). Nothing changes unless all
//! of it can be done.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::activity::{ActionItem, CheckIn, Feedback};
use crate::domain::ids::RecordKind;
use crate::domain::kpi::Reading;
use crate::domain::partner::{Partner, Side, Tier};
use crate::domain::readings::insert_reading;
use crate::domain::review::NewId;
use crate::domain::timeline::MilestoneStatus;

/// Everything said at one check-in, as the check-in page gives it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckInEntry {
    pub date: NaiveDate,
    pub author: String,
    pub tier: Option<Tier>,
    pub attendees: Vec<String>,
    pub note: String,
    pub readings: Vec<NewReading>,
    pub feedback: Vec<NewFeedback>,
    pub milestones: Vec<MilestoneUpdate>,
    /// Ids of the open action items found done.
    pub close_actions: Vec<String>,
    pub new_actions: Vec<NewAction>,
}

/// A reading of a KPI, taken on the check-in's date.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReading {
    /// The KPI's id.
    pub kpi: String,
    pub value: f64,
    pub note: String,
}

/// Feedback heard, dated the check-in's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeedback {
    pub who: String,
    pub side: Side,
    /// 1–5.
    pub sentiment: u8,
    pub text: String,
}

/// What was decided about one milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneUpdate {
    /// The milestone's id.
    pub milestone: String,
    pub change: MilestoneChange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneChange {
    /// Finished, on the check-in's date (a blocked one is unblocked first).
    Done,
    /// Blocked, for this reason.
    Block(String),
    /// No longer blocked: back to the status it had.
    Unblock,
    /// The due date moves to `to`, for `reason`: a re-plan.
    Move { to: NaiveDate, reason: String },
}

/// An action item agreed at the check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub text: String,
    pub owner: String,
    pub side: Side,
    pub due: Option<NaiveDate>,
}

/// What a recorded check-in added and changed, for the words that say so and the
/// summary at the end of the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Recorded {
    pub readings: usize,
    pub feedback: usize,
    pub milestones_done: usize,
    pub milestones_moved: usize,
    pub milestones_blocked: usize,
    pub milestones_unblocked: usize,
    pub actions_closed: usize,
    pub actions_opened: usize,
}

impl Recorded {
    /// "2 readings, 1 milestone done, 1 moved, 1 action closed, 1 opened, feedback".
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        let count = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        if self.readings > 0 {
            parts.push(count(self.readings, "reading", "readings"));
        }
        if self.milestones_done > 0 {
            parts.push(format!(
                "{} done",
                count(self.milestones_done, "milestone", "milestones")
            ));
        }
        for (n, what) in [
            (self.milestones_moved, "moved"),
            (self.milestones_blocked, "blocked"),
            (self.milestones_unblocked, "unblocked"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        if self.actions_closed > 0 {
            parts.push(format!(
                "{} closed",
                count(self.actions_closed, "action", "actions")
            ));
        }
        if self.actions_opened > 0 {
            parts.push(format!(
                "{} opened",
                count(self.actions_opened, "action", "actions")
            ));
        }
        if self.feedback > 0 {
            parts.push(count(self.feedback, "feedback note", "feedback notes"));
        }
        parts.join(", ")
    }

    /// Adds another check-in's counts (the walk's tally).
    pub fn add(&mut self, other: Recorded) {
        self.readings += other.readings;
        self.feedback += other.feedback;
        self.milestones_done += other.milestones_done;
        self.milestones_moved += other.milestones_moved;
        self.milestones_blocked += other.milestones_blocked;
        self.milestones_unblocked += other.milestones_unblocked;
        self.actions_closed += other.actions_closed;
        self.actions_opened += other.actions_opened;
    }
}

/// Why a check-in cannot be recorded as entered; each names the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInError {
    /// A KPI to read is not the partner's (any more).
    NoKpi(String),
    /// A reading was entered for a KPI that has been closed meanwhile.
    KpiClosed(String),
    /// A milestone is not the partner's (any more).
    NoMilestone(String),
    /// A milestone can no longer take the change (it was finished or cancelled
    /// meanwhile), by title, with the change in words.
    Milestone(String, &'static str),
    /// An action item is not the partner's (any more).
    NoAction(String),
    /// A reading or feedback value that cannot be kept (not a finite number, a
    /// sentiment outside 1–5).
    Value(String),
}

impl std::fmt::Display for CheckInError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckInError::NoKpi(id) => write!(f, "the KPI {id} is no longer there"),
            CheckInError::KpiClosed(name) => {
                write!(
                    f,
                    "the KPI {name} was closed meanwhile: it takes no reading"
                )
            }
            CheckInError::NoMilestone(id) => write!(f, "the milestone {id} is no longer there"),
            CheckInError::Milestone(title, why) => write!(f, "“{title}” {why}"),
            CheckInError::NoAction(id) => write!(f, "the action item {id} is no longer there"),
            CheckInError::Value(why) => f.write_str(why),
        }
    }
}

/// Records `entry` in `partner` as one check-in, and says what it added and
/// changed. New records get ids from `new_id`; new action items name the check-in as
/// their origin, and the check-in lists them. Check-ins stay in date order. When it
/// returns an error, `partner` is as it was.
pub fn record_checkin(
    partner: &mut Partner,
    entry: CheckInEntry,
    new_id: &mut NewId,
) -> Result<(String, Recorded), CheckInError> {
    let mut work = partner.clone();
    let recorded = apply(&mut work, entry, new_id)?;
    *partner = work;
    Ok(recorded)
}

fn apply(
    partner: &mut Partner,
    entry: CheckInEntry,
    new_id: &mut NewId,
) -> Result<(String, Recorded), CheckInError> {
    let date = entry.date;
    let mut recorded = Recorded::default();

    for reading in entry.readings {
        if !reading.value.is_finite() {
            return Err(CheckInError::Value(format!(
                "{} is not a number a reading can be",
                reading.value
            )));
        }
        let id = new_id(partner, RecordKind::Reading);
        let kpi = partner
            .kpis
            .iter_mut()
            .find(|kpi| kpi.id == reading.kpi)
            .ok_or_else(|| CheckInError::NoKpi(reading.kpi.clone()))?;
        if kpi.closed_by(date).is_some() {
            return Err(CheckInError::KpiClosed(kpi.name.clone()));
        }
        insert_reading(
            kpi,
            Reading {
                id,
                note: reading.note.trim().to_string(),
                ..Reading::new(date, reading.value)
            },
        );
        recorded.readings += 1;
    }

    for note in entry.feedback {
        if !(1..=5).contains(&note.sentiment) {
            return Err(CheckInError::Value(format!(
                "the sentiment of {}'s feedback must be 1–5, not {}",
                note.who, note.sentiment
            )));
        }
        let id = new_id(partner, RecordKind::Feedback);
        partner.feedback.push(Feedback {
            id,
            date,
            who: note.who.trim().to_string(),
            side: note.side,
            sentiment: note.sentiment,
            text: note.text.trim_end().to_string(),
        });
        recorded.feedback += 1;
    }

    // Moves first, so a milestone moved and finished at one meeting is done against
    // its new date; then unblocking and blocking; finishing last.
    let mut updates = entry.milestones;
    updates.sort_by_key(|update| match update.change {
        MilestoneChange::Move { .. } => 0,
        MilestoneChange::Unblock => 1,
        MilestoneChange::Block(_) => 2,
        MilestoneChange::Done => 3,
    });
    for update in updates {
        change_milestone(partner, update, date, &entry.author, &mut recorded)?;
    }

    for id in &entry.close_actions {
        let action = partner
            .actions
            .iter_mut()
            .find(|action| action.id == *id)
            .ok_or_else(|| CheckInError::NoAction(id.clone()))?;
        // Someone may have closed it meanwhile: then it stays as they closed it.
        if action.done.is_none() {
            action.done = Some(date);
            recorded.actions_closed += 1;
        }
    }

    let checkin_id = new_id(partner, RecordKind::CheckIn);
    let mut agreed = Vec::new();
    for action in entry.new_actions {
        let id = new_id(partner, RecordKind::Action);
        partner.actions.push(ActionItem {
            id: id.clone(),
            text: action.text.trim().to_string(),
            owner: action.owner,
            side: action.side,
            due: action.due,
            done: None,
            origin: Some(checkin_id.clone()),
        });
        agreed.push(id);
        recorded.actions_opened += 1;
    }

    let checkin = CheckIn {
        id: checkin_id.clone(),
        date,
        author: entry.author,
        tier: entry.tier,
        attendees: entry.attendees,
        note: entry.note.trim_end().to_string(),
        actions: agreed,
    };
    let at = partner
        .checkins
        .iter()
        .position(|existing| existing.date > date)
        .unwrap_or(partner.checkins.len());
    partner.checkins.insert(at, checkin);
    Ok((checkin_id, recorded))
}

fn change_milestone(
    partner: &mut Partner,
    update: MilestoneUpdate,
    date: NaiveDate,
    author: &str,
    recorded: &mut Recorded,
) -> Result<(), CheckInError> {
    let milestone = partner
        .milestones
        .iter_mut()
        .find(|m| m.id == update.milestone)
        .ok_or_else(|| CheckInError::NoMilestone(update.milestone.clone()))?;
    let title = milestone.title.clone();
    let refuse = |why| Err(CheckInError::Milestone(title.clone(), why));
    match update.change {
        MilestoneChange::Move { to, reason } => {
            if !milestone.can_move() {
                return refuse("is no longer open: its due date stays");
            }
            if to < date {
                return refuse("cannot be moved to a date already past");
            }
            if to != milestone.due {
                if milestone.start.is_some_and(|start| start > to) {
                    milestone.start = Some(to);
                }
                milestone.replan(to, date, author, &reason);
                recorded.milestones_moved += 1;
            }
        }
        MilestoneChange::Unblock => {
            if milestone.unblock() {
                recorded.milestones_unblocked += 1;
            }
        }
        MilestoneChange::Block(reason) => {
            if !milestone.block(&reason) {
                return refuse("can no longer be blocked (it is done, cancelled or blocked)");
            }
            recorded.milestones_blocked += 1;
        }
        MilestoneChange::Done => match milestone.status {
            MilestoneStatus::Done => {}
            MilestoneStatus::Cancelled => return refuse("was cancelled: it cannot be done"),
            _ => {
                milestone.unblock();
                milestone.status_before = None;
                milestone.set_status(MilestoneStatus::Done, date);
                recorded.milestones_done += 1;
            }
        },
    }
    Ok(())
}
