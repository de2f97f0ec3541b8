//! How each part of a partner's health is judged, as a share of its points.

use chrono::NaiveDate;

use super::{HealthPart, HealthPartKind};
use crate::domain::dates::days_between;
use crate::domain::kpi::{KpiAssessment, KpiStatus};
use crate::domain::partner::{ClauseStatus, Component, Partner};
use crate::domain::sentiment::{self, RECENT_DAYS};
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::domain::workspace::Workspace;

/// The phase id that marks a milestone as part of agreeing the terms (besides a
/// link to an agreement deliverable). Ids stay when a phase is renamed.
pub const AGREEMENT_PHASE: &str = "agreement";
/// Milestones finished longer ago than this no longer count.
pub const DONE_RECENT_DAYS: i64 = 90;
/// Open milestones that have not started count once they are due within this many days.
pub const MILESTONE_HORIZON_DAYS: i64 = 14;

pub(super) fn judge(
    kind: HealthPartKind,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
    assessments: &[KpiAssessment],
) -> HealthPart {
    let (share, detail) = match kind {
        HealthPartKind::Agreement => agreement(partner),
        HealthPartKind::AgreementMilestones => milestones(
            partner
                .milestones
                .iter()
                .filter(|m| is_agreement_milestone(m)),
            today,
            "no agreement milestone under way",
        ),
        HealthPartKind::Kpis => kpis(assessments),
        HealthPartKind::Milestones => {
            milestones(partner.milestones.iter(), today, "no milestone under way")
        }
        HealthPartKind::Checkins => checkins(partner, workspace, today),
        HealthPartKind::Feedback => feedback(partner, today),
    };
    HealthPart {
        kind,
        points: share.map(|share| share.clamp(0.0, 1.0) * f64::from(kind.weight())),
        // Set with the other parts' by `health_from`: the rounding is of them all.
        shown: None,
        detail,
    }
}

/// A milestone of the agreement: linked to one of its deliverables, or in the
/// agreement phase.
pub fn is_agreement_milestone(milestone: &Milestone) -> bool {
    milestone.deliverable.is_some() || milestone.phase == AGREEMENT_PHASE
}

/// Each of the seven components: agreed counts fully, drafting or under review
/// half (work is under way), not started nothing.
fn agreement(partner: &Partner) -> (Option<f64>, String) {
    let mut counts = [0usize; 4];
    let mut total = 0.0;
    for component in Component::ALL {
        let status = partner.agreement.clause(component).status;
        let (index, value) = match status {
            ClauseStatus::Agreed => (0, 1.0),
            ClauseStatus::Drafting => (1, 0.5),
            ClauseStatus::NeedsReview => (2, 0.5),
            ClauseStatus::NotStarted => (3, 0.0),
        };
        counts[index] += 1;
        total += value;
    }
    let words: Vec<String> = [
        ("agreed", counts[0]),
        ("drafting", counts[1]),
        ("under review", counts[2]),
        ("not started", counts[3]),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(word, count)| format!("{count} {word}"))
    .collect();
    let share = total / Component::ALL.len() as f64;
    (
        Some(share),
        format!(
            "{} of {} components",
            words.join(", "),
            Component::ALL.len()
        ),
    )
}

/// What one milestone is worth, and the word for it; `None` when it does not count.
/// On time (done on time, or open and not late) counts fully, done late half,
/// blocked a quarter, overdue nothing; a due date moved later than first planned
/// costs a quarter (up to 14 days) or a half (more).
fn milestone_value(milestone: &Milestone, today: NaiveDate) -> Option<(f64, &'static str)> {
    let (value, word) = match milestone.status {
        MilestoneStatus::Cancelled => return None,
        MilestoneStatus::Done => match milestone.done {
            Some(done) if days_between(done, today) > DONE_RECENT_DAYS => return None,
            _ if milestone.finished_late() => (0.5, "done late"),
            _ => (1.0, "on time"),
        },
        _ if milestone.is_overdue(today) => (0.0, "overdue"),
        MilestoneStatus::Blocked => (0.25, "blocked"),
        _ => {
            let started = milestone.start.is_some_and(|start| start <= today);
            if !started && days_between(today, milestone.due) > MILESTONE_HORIZON_DAYS {
                return None;
            }
            (1.0, "on time")
        }
    };
    let slip_cost = match milestone.slip_days() {
        days if days > 14 => 0.5,
        days if days > 0 => 0.25,
        _ => 0.0,
    };
    Some((f64::max(value - slip_cost, 0.0), word))
}

fn milestones<'a>(
    list: impl Iterator<Item = &'a Milestone>,
    today: NaiveDate,
    none: &str,
) -> (Option<f64>, String) {
    let mut total = 0.0;
    let mut words: Vec<(&'static str, usize)> = Vec::new();
    let mut counted = 0;
    let mut slipped = 0;
    for milestone in list {
        let Some((value, word)) = milestone_value(milestone, today) else {
            continue;
        };
        total += value;
        counted += 1;
        slipped += usize::from(milestone.slip_days() > 0);
        match words.iter_mut().find(|(w, _)| *w == word) {
            Some(entry) => entry.1 += 1,
            None => words.push((word, 1)),
        }
    }
    if counted == 0 {
        return (None, none.to_string());
    }
    let mut detail: Vec<String> = words
        .iter()
        .map(|(word, count)| format!("{count} {word}"))
        .collect();
    if slipped > 0 {
        detail.push(format!("{slipped} moved later than first planned"));
    }
    (Some(total / counted as f64), detail.join(", "))
}

/// The mean of the judged KPIs' worth (see `KpiStatus::worth`); KPIs too early to
/// judge and closed ones are left out. A stale flag or an early warning changes
/// nothing here: they are attention items.
fn kpis(assessments: &[KpiAssessment]) -> (Option<f64>, String) {
    let mut total = 0.0;
    let mut judged = 0;
    let [mut green, mut amber, mut red, mut early] = [0usize; 4];
    for assessment in assessments {
        match assessment.status {
            KpiStatus::Green => green += 1,
            KpiStatus::Amber => amber += 1,
            KpiStatus::Red => red += 1,
            KpiStatus::TooEarly { .. } => early += 1,
            KpiStatus::Closed(_) => {}
        }
        if let Some(worth) = assessment.status.worth() {
            total += worth;
            judged += 1;
        }
    }
    let mut words: Vec<String> = [("green", green), ("amber", amber), ("red", red)]
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(word, count)| format!("{count} {word}"))
        .collect();
    if early > 0 {
        words.push(format!("{early} too early"));
    }
    if judged == 0 {
        let why = if words.is_empty() {
            "no open KPI".to_string()
        } else {
            words.join(", ")
        };
        return (None, why);
    }
    (Some(total / judged as f64), words.join(", "))
}

/// Full within the cadence, falling to nothing at twice the cadence: holding
/// check-ins is expected, missing them costs. Only for stages the check-in walks.
fn checkins(partner: &Partner, workspace: &Workspace, today: NaiveDate) -> (Option<f64>, String) {
    if !workspace.is_checkin_stage(&partner.stage) {
        return (None, "no check-ins in this stage".into());
    }
    let cadence = i64::from(partner.cadence_days(workspace.checkin_cadence_days));
    let due = partner.checkin_due(workspace.checkin_cadence_days, today);
    let late = days_between(due, today).max(0);
    let share = 1.0 - late as f64 / cadence as f64;
    match partner.last_checkin(today) {
        // No check-in yet: nothing to judge until the first one is due.
        None if due >= today => (None, format!("none yet; the first is due {due}")),
        None => (
            Some(share),
            format!("none yet; the first was due {due}, {late} days ago"),
        ),
        Some(last) => {
            let age = days_between(last, today);
            let detail = if late > 0 {
                format!("last {age} days ago, {late} days past the {cadence}-day cadence")
            } else {
                format!("last {age} days ago, within the {cadence}-day cadence")
            };
            (Some(share), detail)
        }
    }
}

/// Each side's recent sentiment (see `sentiment::by_side`), 1–5 mapped onto 0–1 and
/// averaged over the sides heard, so one talkative side does not drown the other.
fn feedback(partner: &Partner, today: NaiveDate) -> (Option<f64>, String) {
    let sides = sentiment::by_side(partner, today);
    if sides.is_empty() {
        return (None, format!("none in {RECENT_DAYS} days"));
    }
    let share = sides
        .iter()
        .map(|side| (side.mean - 1.0) / 4.0)
        .sum::<f64>()
        / sides.len() as f64;
    let words: Vec<String> = sides
        .iter()
        .map(|side| format!("{} {:.1}", side.side.label(), side.mean))
        .collect();
    (Some(share), format!("{} of 5", words.join(", ")))
}
