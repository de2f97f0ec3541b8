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

    /// What `Space` does to this milestone: start it, finish it, unblock it — or,
    /// when it is done, offer to reopen it; a cancelled one it leaves alone.
    pub fn advance_step(&self) -> Advance {
        match self.status {
            MilestoneStatus::Planned => Advance::Start,
            MilestoneStatus::InProgress => Advance::Finish,
            MilestoneStatus::Blocked => Advance::Unblock,
            MilestoneStatus::Done => Advance::Reopen,
            MilestoneStatus::Cancelled => Advance::Nothing,
        }
    }

    /// `Space`: planned → in progress → done (stamped `today`); a blocked milestone
    /// is unblocked. Done and cancelled ones are left alone (see `reopen` and
    /// `restore`). Says whether anything changed.
    pub fn advance(&mut self, today: NaiveDate) -> bool {
        match self.advance_step() {
            Advance::Start => self.set_status(MilestoneStatus::InProgress, today),
            Advance::Finish => {
                self.done = Some(today);
                self.status = MilestoneStatus::Done;
            }
            Advance::Unblock => return self.unblock(),
            Advance::Reopen | Advance::Nothing => return false,
        }
        true
    }

    /// A done milestone goes back to in progress and loses its done date.
    pub fn reopen(&mut self) -> bool {
        if self.status != MilestoneStatus::Done {
            return false;
        }
        self.status = MilestoneStatus::InProgress;
        self.done = None;
        true
    }

    /// Whether it can be blocked: only work still to start or under way.
    pub fn can_block(&self) -> bool {
        matches!(
            self.status,
            MilestoneStatus::Planned | MilestoneStatus::InProgress
        )
    }

    /// Blocked, for `reason`; the status it had is kept, to go back to.
    pub fn block(&mut self, reason: &str) -> bool {
        if !self.can_block() {
            return false;
        }
        self.status_before = Some(self.status);
        self.status = MilestoneStatus::Blocked;
        self.blocked_reason = reason.trim().to_string();
        self.done = None;
        true
    }

    /// Back to the status it had before it was blocked (in progress when that is
    /// unknown, as in a file written by hand); the reason goes with the block.
    pub fn unblock(&mut self) -> bool {
        if self.status != MilestoneStatus::Blocked {
            return false;
        }
        self.status = match self.status_before.take() {
            Some(status @ (MilestoneStatus::Planned | MilestoneStatus::InProgress)) => status,
            _ => MilestoneStatus::InProgress,
        };
        self.blocked_reason.clear();
        true
    }

    /// Whether it can be cancelled: anything open (a done milestone is reopened
    /// first).
    pub fn can_cancel(&self) -> bool {
        self.is_open()
    }

    /// Cancelled; the status it had is kept, to restore it (a blocked one keeps its
    /// reason too).
    pub fn cancel(&mut self) -> bool {
        if !self.can_cancel() {
            return false;
        }
        self.status_before = Some(self.status);
        self.status = MilestoneStatus::Cancelled;
        self.done = None;
        true
    }

    /// A cancelled milestone back to the status it had (planned when unknown).
    pub fn restore(&mut self) -> bool {
        if self.status != MilestoneStatus::Cancelled {
            return false;
        }
        self.status = match self.status_before.take() {
            Some(
                status @ (MilestoneStatus::Planned
                | MilestoneStatus::InProgress
                | MilestoneStatus::Blocked),
            ) => status,
            _ => MilestoneStatus::Planned,
        };
        if self.status != MilestoneStatus::Blocked {
            self.blocked_reason.clear();
        }
        true
    }

    /// Whether its due date can be moved by a key: only while it is open (a done or
    /// cancelled milestone's dates are its history; a form can still correct them).
    pub fn can_move(&self) -> bool {
        self.is_open()
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
    ///
    /// Moves made the same day by the same person, before anyone gave a reason, are
    /// one re-plan — from where the day started to where it ended — so pressing `+`
    /// five times reads as one decision in the file, and moving back to where it
    /// started leaves no re-plan at all.
    pub fn replan(&mut self, to: NaiveDate, today: NaiveDate, by: &str, reason: &str) {
        if to == self.due {
            return;
        }
        let reason = reason.trim();
        let due = self.due;
        match self.replans.last_mut() {
            Some(last)
                if last.date == today
                    && last.by == by
                    && last.to == due
                    && last.reason.is_empty()
                    && reason.is_empty() =>
            {
                last.to = to;
                if last.to == last.from {
                    self.replans.pop();
                }
            }
            _ => self.replans.push(Replan {
                date: today,
                by: by.to_string(),
                from: due,
                to,
                reason: reason.to_string(),
            }),
        }
        self.due = to;
    }

    /// Moves the due date by `days`, as `replan` does. A due date moved before the
    /// start takes the start with it, so the milestone never ends before it begins.
    pub fn move_due(&mut self, days: i64, today: NaiveDate, by: &str) {
        let to = super::dates::add_days(self.due, days);
        if self.start.is_some_and(|start| start > to) {
            self.start = Some(to);
        }
        self.replan(to, today, by, "");
    }

    /// The first day its bar covers: the start, or the due date for a one-day
    /// milestone — and for one whose start comes after its due date (only a file
    /// written by hand can say so), shown as the one day it is due.
    pub fn first_day(&self) -> NaiveDate {
        match self.start {
            Some(start) if start <= self.due => start,
            _ => self.due,
        }
    }

    /// Open and due from today to `days` ahead.
    pub fn due_within(&self, today: NaiveDate, days: i64) -> bool {
        self.is_open() && (0..=days).contains(&days_between(today, self.due))
    }

    /// What needs someone: overdue, blocked, or open and due within `days`.
    pub fn needs_attention(&self, today: NaiveDate, days: i64) -> bool {
        self.is_overdue(today)
            || self.status == MilestoneStatus::Blocked
            || self.due_within(today, days)
    }
}

/// What `Space` does to a milestone, by its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// Planned → in progress.
    Start,
    /// In progress → done today.
    Finish,
    /// Blocked → the status it had.
    Unblock,
    /// Done: back to in progress, after asking.
    Reopen,
    /// Cancelled: `x` restores it instead.
    Nothing,
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
        assert_eq!(
            milestone.replans.len(),
            1,
            "one person's moves on one day are one re-plan"
        );
        let first = &milestone.replans[0];
        assert_eq!(
            (first.from, first.to),
            (day("2026-11-20"), day("2026-12-04"))
        );
        milestone.move_due(-21, today, "jonas");
        assert_eq!(milestone.slip_days(), -7, "pulled in a week");
        assert_eq!(milestone.replans.len(), 2, "someone else's move is its own");
        let last = &milestone.replans[1];
        assert_eq!((last.from, last.to), (day("2026-12-04"), day("2026-11-13")));
        assert_eq!((last.date, last.by.as_str()), (today, "jonas"));
        milestone.move_due(0, today, "jonas");
        assert_eq!(milestone.replans.len(), 2, "no move, no re-plan");
        assert_eq!(milestone.planned_due, day("2026-11-20"), "never moves");
    }

    #[test]
    fn a_reason_or_another_day_starts_a_new_replan_and_moving_back_leaves_none() {
        let today = day("2026-11-10");
        let mut milestone = Milestone::new("Pilot", "launch", day("2026-11-20"));
        milestone.replan(day("2026-11-27"), today, "maya", "supplier late");
        milestone.move_due(1, today, "maya");
        assert_eq!(milestone.replans.len(), 2, "a reason closes the re-plan");
        milestone.move_due(1, day("2026-11-11"), "maya");
        assert_eq!(milestone.replans.len(), 3, "the next day is a new re-plan");
        milestone.move_due(-1, day("2026-11-11"), "maya");
        assert_eq!(
            milestone.replans.len(),
            2,
            "back where the day started: no re-plan"
        );
        assert_eq!(milestone.due, day("2026-11-28"));
        assert_eq!(milestone.replans[0].reason, "supplier late");
    }

    #[test]
    fn a_due_date_moved_before_the_start_takes_the_start_with_it() {
        let today = day("2026-11-10");
        let mut milestone = Milestone::new("Pilot", "launch", day("2026-11-20"));
        milestone.start = Some(day("2026-11-18"));
        milestone.move_due(-1, today, "maya");
        assert_eq!(milestone.start, Some(day("2026-11-18")), "still before");
        milestone.move_due(-7, today, "maya");
        assert_eq!(milestone.due, day("2026-11-12"));
        assert_eq!(milestone.start, Some(day("2026-11-12")));
        assert_eq!(milestone.first_day(), day("2026-11-12"));
    }

    #[test]
    fn a_start_after_the_due_date_is_shown_as_the_one_day_it_is_due() {
        let mut milestone = Milestone::new("Odd", "launch", day("2026-11-20"));
        assert_eq!(milestone.first_day(), day("2026-11-20"), "no start");
        milestone.start = Some(day("2026-11-25"));
        assert_eq!(milestone.first_day(), day("2026-11-20"));
        milestone.start = Some(day("2026-11-02"));
        assert_eq!(milestone.first_day(), day("2026-11-02"));
    }

    #[test]
    fn space_starts_finishes_unblocks_and_leaves_done_and_cancelled_alone() {
        let today = day("2026-11-28");
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-12-20"));
        assert_eq!(milestone.advance_step(), Advance::Start);
        assert!(milestone.advance(today));
        assert_eq!(milestone.status, MilestoneStatus::InProgress);
        assert_eq!(milestone.done, None);
        assert!(milestone.advance(today));
        assert_eq!(milestone.status, MilestoneStatus::Done);
        assert_eq!(milestone.done, Some(today));
        assert!(!milestone.finished_late());
        assert_eq!(milestone.advance_step(), Advance::Reopen);
        assert!(!milestone.advance(today), "done asks before reopening");
        assert!(milestone.reopen());
        assert_eq!(milestone.status, MilestoneStatus::InProgress);
        assert_eq!(milestone.done, None, "reopening clears the done date");
        assert!(milestone.block("waiting for their IT"));
        assert_eq!(milestone.advance_step(), Advance::Unblock);
        assert!(milestone.advance(today));
        assert_eq!(milestone.status, MilestoneStatus::InProgress);
        assert!(milestone.cancel());
        assert_eq!(milestone.advance_step(), Advance::Nothing);
        assert!(!milestone.advance(today));
        assert_eq!(milestone.status, MilestoneStatus::Cancelled);
    }

    #[test]
    fn blocking_keeps_the_reason_and_unblocking_goes_back() {
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-12-20"));
        assert!(milestone.block(" waiting for their IT "));
        assert_eq!(milestone.status, MilestoneStatus::Blocked);
        assert_eq!(milestone.blocked_reason, "waiting for their IT");
        assert_eq!(milestone.status_before, Some(MilestoneStatus::Planned));
        assert!(!milestone.block("again"), "already blocked");
        assert!(milestone.unblock());
        assert_eq!(milestone.status, MilestoneStatus::Planned, "as it was");
        assert_eq!(milestone.blocked_reason, "");
        assert_eq!(milestone.status_before, None);
        assert!(!milestone.unblock(), "not blocked");
        milestone.status = MilestoneStatus::Done;
        assert!(!milestone.can_block() && !milestone.block("late"));
        // A blocked milestone written by hand, with no status to go back to.
        milestone.status = MilestoneStatus::Blocked;
        assert!(milestone.unblock());
        assert_eq!(milestone.status, MilestoneStatus::InProgress);
    }

    #[test]
    fn cancelling_keeps_the_status_to_restore() {
        let mut milestone = Milestone::new("Pilot", "Launch", day("2026-12-20"));
        assert!(milestone.block("waiting"));
        assert!(milestone.cancel());
        assert_eq!(milestone.status_before, Some(MilestoneStatus::Blocked));
        assert!(!milestone.is_open() && !milestone.can_move());
        assert!(!milestone.cancel(), "already cancelled");
        assert!(milestone.restore());
        assert_eq!(milestone.status, MilestoneStatus::Blocked);
        assert_eq!(milestone.blocked_reason, "waiting", "the block is back");
        milestone.status = MilestoneStatus::Done;
        assert!(!milestone.can_cancel() && !milestone.cancel());
        assert!(!milestone.restore(), "only a cancelled one is restored");
        milestone.status = MilestoneStatus::Cancelled;
        milestone.status_before = Some(MilestoneStatus::Done);
        assert!(milestone.restore());
        assert_eq!(milestone.status, MilestoneStatus::Planned, "never to done");
        assert_eq!(milestone.blocked_reason, "");
    }

    #[test]
    fn attention_means_late_blocked_or_due_within_the_window() {
        let today = day("2026-11-28");
        let late = Milestone::new("Late", "Launch", day("2026-11-27"));
        let soon = Milestone::new("Soon", "Launch", day("2026-12-12"));
        let later = Milestone::new("Later", "Launch", day("2026-12-13"));
        let mut blocked = later.clone();
        blocked.status = MilestoneStatus::Blocked;
        let mut done = soon.clone();
        done.status = MilestoneStatus::Done;
        assert!(late.needs_attention(today, 14));
        assert!(soon.needs_attention(today, 14) && soon.due_within(today, 14));
        assert!(!later.needs_attention(today, 14));
        assert!(blocked.needs_attention(today, 14));
        assert!(!done.needs_attention(today, 14));
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
