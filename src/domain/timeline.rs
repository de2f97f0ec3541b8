//! Milestones: the joint plan by phase, what is overdue, how far each has slipped
//! from the due date first planned, and every re-plan that moved it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{days_between, serde_date, serde_opt_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum MilestoneStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Blocked,
    Cancelled,
}

impl MilestoneStatus {
    pub const ALL: [MilestoneStatus; 5] = [
        MilestoneStatus::Planned,
        MilestoneStatus::InProgress,
        MilestoneStatus::Done,
        MilestoneStatus::Blocked,
        MilestoneStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MilestoneStatus::Planned => "planned",
            MilestoneStatus::InProgress => "in progress",
            MilestoneStatus::Done => "done",
            MilestoneStatus::Blocked => "blocked",
            MilestoneStatus::Cancelled => "cancelled",
        }
    }

    /// Still to be delivered (blocked counts: it is stuck, not finished).
    pub fn is_open(self) -> bool {
        !matches!(self, MilestoneStatus::Done | MilestoneStatus::Cancelled)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[serde(default)]
    pub id: String,
    pub title: String,
    /// A phase id of the workspace.
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub owner: String,
    /// The id of the shared goal this milestone serves.
    #[serde(default)]
    pub goal: Option<String>,
    /// The id of the agreement deliverable this milestone belongs to.
    #[serde(default)]
    pub deliverable: Option<String>,
    #[serde(default, with = "serde_opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(with = "serde_date")]
    pub due: NaiveDate,
    /// The due date first planned; kept when `due` moves, so slip can be shown.
    #[serde(with = "serde_date")]
    pub planned_due: NaiveDate,
    #[serde(default, with = "serde_opt_date")]
    pub done: Option<NaiveDate>,
    #[serde(default)]
    pub status: MilestoneStatus,
    /// Why it is blocked (while it is).
    #[serde(default)]
    pub blocked_reason: String,
    /// The status a blocked or cancelled milestone goes back to when it is
    /// unblocked or restored.
    #[serde(default)]
    pub status_before: Option<MilestoneStatus>,
    /// Every move of the due date, oldest first.
    #[serde(default)]
    pub replans: Vec<Replan>,
}

/// One move of a milestone's due date: when, by whom, from and to, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replan {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub by: String,
    #[serde(with = "serde_date")]
    pub from: NaiveDate,
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

impl Milestone {
    pub fn new(title: impl Into<String>, phase: impl Into<String>, due: NaiveDate) -> Self {
        Self {
            id: String::new(),
            title: title.into(),
            phase: phase.into(),
            owner: String::new(),
            goal: None,
            deliverable: None,
            start: None,
            due,
            planned_due: due,
            done: None,
            status: MilestoneStatus::Planned,
            blocked_reason: String::new(),
            status_before: None,
            replans: Vec::new(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// Open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due < today
    }

    /// Days past due (0 when not overdue).
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.is_overdue(today) {
            days_between(self.due, today)
        } else {
            0
        }
    }

    /// Days the due date has moved from the first plan (positive: later).
    pub fn slip_days(&self) -> i64 {
        days_between(self.planned_due, self.due)
    }

    /// Done after the due date that applied when it was finished.
    pub fn finished_late(&self) -> bool {
        self.status == MilestoneStatus::Done && self.done.is_some_and(|done| done > self.due)
    }

    /// The status a `Space` press moves to: planned → in progress → done; a blocked
    /// milestone resumes as in progress; done and cancelled stay as they are.
    pub fn advanced_status(&self) -> MilestoneStatus {
        match self.status {
            MilestoneStatus::Planned => MilestoneStatus::InProgress,
            MilestoneStatus::InProgress | MilestoneStatus::Blocked => MilestoneStatus::Done,
            other => other,
        }
    }

    /// Sets the status, stamping or clearing the done date to match.
    pub fn set_status(&mut self, status: MilestoneStatus, today: NaiveDate) {
        self.status = status;
        if status == MilestoneStatus::Done {
            self.done.get_or_insert(today);
        } else {
            self.done = None;
        }
    }

    /// Moves the due date to `to`, keeping `planned_due` as the first plan and
    /// recording the re-plan (on `today`, by `by`, with `reason`). Nothing happens
    /// when the date does not change.
    pub fn replan(&mut self, to: NaiveDate, today: NaiveDate, by: &str, reason: &str) {
        if to == self.due {
            return;
        }
        self.replans.push(Replan {
            date: today,
            by: by.to_string(),
            from: self.due,
            to,
            reason: reason.to_string(),
        });
        self.due = to;
    }

    /// Moves the due date by `days`, as `replan` does.
    pub fn move_due(&mut self, days: i64, today: NaiveDate, by: &str) {
        self.replan(super::dates::add_days(self.due, days), today, by, "");
    }
}

/// The open milestone due soonest, if any.
pub fn next_open(milestones: &[Milestone]) -> Option<&Milestone> {
    milestones
        .iter()
        .filter(|milestone| milestone.is_open())
        .min_by_key(|milestone| milestone.due)
}

/// Counts used by `status` and the Overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MilestoneCounts {
    pub open: usize,
    pub overdue: usize,
    /// Open and due within the next 14 days (today included, overdue excluded).
    pub due_14d: usize,
}

pub fn counts(milestones: &[Milestone], today: NaiveDate) -> MilestoneCounts {
    let mut counts = MilestoneCounts::default();
    for milestone in milestones.iter().filter(|m| m.is_open()) {
        counts.open += 1;
        let days = days_between(today, milestone.due);
        if days < 0 {
            counts.overdue += 1;
        } else if days <= 14 {
            counts.due_14d += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn overdue_only_when_open_and_past_due() {
        let today = day("2026-11-28");
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-11-20"));
        assert!(milestone.is_overdue(today));
        assert_eq!(milestone.days_overdue(today), 8);
        assert!(
            !milestone.is_overdue(day("2026-11-20")),
            "due today is not overdue"
        );
        milestone.status = MilestoneStatus::Blocked;
        assert!(milestone.is_overdue(today), "blocked is still open");
        milestone.set_status(MilestoneStatus::Done, today);
        assert!(!milestone.is_overdue(today));
        assert_eq!(milestone.days_overdue(today), 0);
        assert!(milestone.finished_late());
    }

    #[test]
    fn slip_is_measured_from_the_first_plan() {
        let today = day("2026-11-10");
        let mut milestone = Milestone::new("Pilot", "launch", day("2026-11-20"));
        assert_eq!(milestone.slip_days(), 0);
        milestone.move_due(7, today, "maya");
        milestone.move_due(7, today, "maya");
        assert_eq!(milestone.due, day("2026-12-04"));
        assert_eq!(milestone.planned_due, day("2026-11-20"));
        assert_eq!(milestone.slip_days(), 14);
        milestone.move_due(-21, today, "jonas");
        assert_eq!(milestone.slip_days(), -7, "pulled in a week");
        assert_eq!(milestone.replans.len(), 3, "every move is a re-plan");
        let last = &milestone.replans[2];
        assert_eq!((last.from, last.to), (day("2026-12-04"), day("2026-11-13")));
        assert_eq!((last.date, last.by.as_str()), (today, "jonas"));
        milestone.move_due(0, today, "jonas");
        assert_eq!(milestone.replans.len(), 3, "no move, no re-plan");
    }

    #[test]
    fn space_advances_planned_to_done_and_unblocks() {
        let today = day("2026-11-28");
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-12-20"));
        milestone.set_status(milestone.advanced_status(), today);
        assert_eq!(milestone.status, MilestoneStatus::InProgress);
        milestone.set_status(milestone.advanced_status(), today);
        assert_eq!(milestone.status, MilestoneStatus::Done);
        assert_eq!(milestone.done, Some(today));
        assert!(!milestone.finished_late());
        assert_eq!(milestone.advanced_status(), MilestoneStatus::Done);
        milestone.set_status(MilestoneStatus::Blocked, today);
        assert_eq!(milestone.done, None, "reopening clears the done date");
        assert_eq!(milestone.advanced_status(), MilestoneStatus::Done);
    }

    #[test]
    fn counts_split_overdue_from_due_soon() {
        let today = day("2026-11-28");
        let mut done = Milestone::new("Done", "Launch", day("2026-11-01"));
        done.status = MilestoneStatus::Done;
        let milestones = vec![
            Milestone::new("Late", "Launch", day("2026-11-27")),
            Milestone::new("Today", "Launch", today),
            Milestone::new("Two weeks", "Launch", day("2026-12-12")),
            Milestone::new("Later", "Launch", day("2026-12-13")),
            done,
        ];
        assert_eq!(
            counts(&milestones, today),
            MilestoneCounts {
                open: 4,
                overdue: 1,
                due_14d: 2
            }
        );
        assert_eq!(next_open(&milestones).unwrap().title, "Late");
        assert!(next_open(&[]).is_none());
    }
}
