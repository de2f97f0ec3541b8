//! The weekly check-in as plain data: which partners it walks and in what order,
//! what one partner's page asks about — the KPIs due a reading, the milestones
//! late, blocked or coming due, the open action items of both sides, the meeting it
//! most likely is — and (in `record`) saving everything said at it as one edit of
//! the partner. "Today" is always a parameter.

mod record;
#[cfg(test)]
mod tests;

pub use record::{
    CheckInEntry, CheckInError, MilestoneChange, MilestoneUpdate, NewAction, NewFeedback,
    NewReading, Recorded, record_checkin,
};

use chrono::NaiveDate;

use super::dates::days_between;
use super::kpi::{Kpi, KpiAssessment};
use super::partner::{ActionItem, MeetingTier, Partner};
use super::portfolio::{PartnerSummary, UPCOMING_DAYS};
use super::timeline::{Milestone, MilestoneStatus};
use super::workspace::Workspace;

pub use super::kpi::reading_warning;

/// The partners the check-in walks — those in a stage the workspace marks for
/// check-ins — most in need first: a check-in past its cadence (the longest
/// overdue first), then red KPIs (the most first), then the least healthy (a
/// partner with nothing judged yet after those with a score), then by name.
/// `partners` are `(id, partner, its figures)`.
pub fn walk_order(
    partners: &[(&str, &Partner, &PartnerSummary)],
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<String> {
    let mut walked: Vec<_> = partners
        .iter()
        .filter(|(_, partner, _)| workspace.is_checkin_stage(&partner.stage))
        .map(|(id, partner, figures)| {
            let overdue = checkin_overdue(partner, workspace, today).unwrap_or(0);
            let key = (
                overdue == 0,
                std::cmp::Reverse(overdue),
                std::cmp::Reverse(figures.kpis.red),
                figures.health.score.map_or(u16::MAX, u16::from),
                partner.name.to_lowercase(),
            );
            (key, id.to_string())
        })
        .collect();
    walked.sort();
    walked.into_iter().map(|(_, id)| id).collect()
}

/// How many days past its cadence the partner's check-in is; `None` when it is not
/// overdue, or when the partner's stage is not one the check-in walks. The one
/// rule for the attention list, the walk and the check-in page.
pub fn checkin_overdue(partner: &Partner, workspace: &Workspace, today: NaiveDate) -> Option<i64> {
    if !workspace.is_checkin_stage(&partner.stage) {
        return None;
    }
    let due = partner.checkin_due(workspace.checkin_cadence_days, today);
    Some(days_between(due, today)).filter(|days| *days > 0)
}

/// Why a KPI is due a reading at this check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueReason {
    /// It has never had one.
    NoReading,
    /// Its latest reading came before the last check-in, on this date.
    NoneSince(NaiveDate),
    /// No reading within the check-in cadence: this many days without one.
    Stale(i64),
}

impl DueReason {
    /// "no reading yet", "none since the check-in of 2026-11-06", "stale: 24 days
    /// without a reading".
    pub fn words(self) -> String {
        match self {
            DueReason::NoReading => "no reading yet".to_string(),
            DueReason::NoneSince(date) => format!("none since the check-in of {date}"),
            DueReason::Stale(days) => format!("stale: {days} days without a reading"),
        }
    }
}

/// A KPI the page asks a reading of: its place in `partner.kpis` and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueKpi {
    pub index: usize,
    pub reason: DueReason,
}

/// The KPIs due a reading, in the partner's order: open ones that have started
/// and are stale, or have had no reading since the last check-in before today (a
/// reading on the day of that check-in was taken at it; one held today already is
/// this check-in, whose readings are not due again), or none at all.
/// `assessments` are the partner's, in the order of its KPIs.
pub fn kpis_due(partner: &Partner, assessments: &[KpiAssessment], today: NaiveDate) -> Vec<DueKpi> {
    let last = partner.last_checkin(super::dates::add_days(today, -1));
    partner
        .kpis
        .iter()
        .zip(assessments)
        .enumerate()
        .filter(|(_, (kpi, _))| kpi.closed_by(today).is_none() && kpi.start <= today)
        .filter_map(|(index, (kpi, assessment))| {
            let reason = due_reason(kpi, assessment, last, today)?;
            Some(DueKpi { index, reason })
        })
        .collect()
}

fn due_reason(
    kpi: &Kpi,
    assessment: &KpiAssessment,
    last_checkin: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<DueReason> {
    if let (true, Some(days)) = (assessment.stale, assessment.days_without_reading) {
        return Some(DueReason::Stale(days));
    }
    let latest = kpi.readings_until(today).last().map(|reading| reading.date);
    match (latest, last_checkin) {
        (None, _) => Some(DueReason::NoReading),
        (Some(latest), Some(last)) if latest < last => Some(DueReason::NoneSince(last)),
        _ => None,
    }
}

/// The milestones the page asks about: open ones that are late, blocked, or due
/// within the next 14 days — soonest due first.
pub fn milestones_due(partner: &Partner, today: NaiveDate) -> Vec<&Milestone> {
    let mut due: Vec<&Milestone> = partner
        .milestones
        .iter()
        .filter(|m| m.needs_attention(today, UPCOMING_DAYS))
        .collect();
    due.sort_by_key(|m| (m.due, m.first_day()));
    due
}

/// "13 days late", "due today", "due in 5 days", "blocked: waiting for IT".
pub fn milestone_words(milestone: &Milestone, today: NaiveDate) -> String {
    let when = match days_between(today, milestone.due) {
        0 => "due today".to_string(),
        -1 => "a day late".to_string(),
        1 => "due tomorrow".to_string(),
        days if days < 0 => format!("{} days late", -days),
        days => format!("due in {days} days"),
    };
    match milestone.status {
        MilestoneStatus::Blocked if milestone.blocked_reason.is_empty() => {
            format!("{when}, blocked")
        }
        MilestoneStatus::Blocked => format!("{when}, blocked: {}", milestone.blocked_reason),
        status => format!("{when}, {}", status.label()),
    }
}

/// The open action items of both sides: the overdue and the soonest due first,
/// undated ones last.
pub fn open_actions(partner: &Partner) -> Vec<&ActionItem> {
    let mut open: Vec<&ActionItem> = partner.open_actions().collect();
    open.sort_by_key(|action| (action.due.is_none(), action.due));
    open
}

/// The charter meeting a check-in today most likely is: the one whose cadence
/// comes due first, counted from the last check-in of its tier (or from when the
/// partner entered its stage); the more frequent one on a tie. `None` when the
/// charter sets no meetings.
pub fn default_meeting(partner: &Partner, today: NaiveDate) -> Option<&MeetingTier> {
    partner
        .charter
        .meetings
        .iter()
        .filter(|meeting| meeting.cadence_days > 0)
        .min_by_key(|meeting| {
            let last = partner
                .checkins
                .iter()
                .filter(|c| c.tier == Some(meeting.tier) && c.date <= today)
                .map(|c| c.date)
                .max()
                .unwrap_or(partner.stage_since);
            let due = super::dates::add_days(last, i64::from(meeting.cadence_days));
            (due, meeting.cadence_days)
        })
}

/// The attendees a charter meeting lists, as a check-in records them: its text cut
/// at commas, semicolons and " and ".
pub fn attendees_of(meeting: &MeetingTier) -> Vec<String> {
    split_attendees(&meeting.attendees)
}

/// "Ines, Dev and Maya" → ["Ines", "Dev", "Maya"].
pub fn split_attendees(text: &str) -> Vec<String> {
    text.replace(" and ", ",")
        .split([',', ';'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}
