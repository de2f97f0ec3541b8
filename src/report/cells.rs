//! The domain's figures in the words both reports use for them: a health with its
//! basis, KPIs on and off track, a KPI's status, value, run-rate and forecast, a
//! milestone's due date, an action item and who owes it. Nothing is judged here.

use chrono::NaiveDate;

use crate::cli::TodaySource;
use crate::domain::dates::days_between;
use crate::domain::health::Health;
use crate::domain::kpi::{Kpi, KpiAssessment, KpiKind, KpiStatus, TrendDirection};
use crate::domain::partner::{ActionItem, Partner};
use crate::domain::portfolio::KpiCounts;
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::domain::workspace::Workspace;

/// "40 (fair) from 85 of 100 points"; "paused"; "not judged yet (candidate)".
pub fn health(health: &Health) -> String {
    match health.score {
        Some(score) if health.band() != crate::domain::health::HealthBand::Closed => format!(
            "{score} ({}) from {} of 100 points",
            health.band().label(),
            health.basis
        ),
        _ => health.summary(),
    }
}

/// "1 on track, 1 off (red); 1 stale, 1 early warning" — the open KPIs; "–" with none.
pub fn kpis_on_off(kpis: &KpiCounts) -> String {
    let off = kpis.amber + kpis.red;
    let mut parts = Vec::new();
    if kpis.green + off > 0 {
        let mut text = format!("{} on track, {off} off", kpis.green);
        let colours: Vec<String> = [("amber", kpis.amber), ("red", kpis.red)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(word, n)| {
                if n == off {
                    word.to_string()
                } else {
                    format!("{n} {word}")
                }
            })
            .collect();
        if !colours.is_empty() {
            text.push_str(&format!(" ({})", colours.join(", ")));
        }
        parts.push(text);
    }
    let flags: Vec<String> = [
        ("too early", kpis.too_early),
        ("stale", kpis.stale),
        ("early warning", kpis.early_warning),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(word, n)| format!("{n} {word}"))
    .collect();
    if !flags.is_empty() {
        parts.push(flags.join(", "));
    }
    if parts.is_empty() {
        "–".to_string()
    } else {
        parts.join("; ")
    }
}

/// "amber, stale 24 days, early warning"; "too early (9 of 18 days)"; "closed: met".
pub fn kpi_status(assessment: &KpiAssessment) -> String {
    let mut text = match assessment.status {
        KpiStatus::TooEarly { days: 0, .. } => "too early (not started)".to_string(),
        KpiStatus::TooEarly { days, grace_days } => {
            format!("too early ({days} of {grace_days} days)")
        }
        KpiStatus::Closed(outcome) => format!("closed: {}", outcome.label()),
        status => status.label().to_string(),
    };
    if let Some(days) = assessment.days_without_reading {
        text.push_str(&format!(", stale {days} days"));
    }
    if assessment.early_warning {
        text.push_str(", early warning");
    }
    text
}

/// "22 → 60 charities by 2027-01-27"; "99.2% (keep at or above 99%)"; "none yet → …".
pub fn kpi_value(kpi: &Kpi, assessment: &KpiAssessment) -> String {
    let latest = assessment
        .latest
        .as_ref()
        .map_or("no reading".to_string(), |r| match kpi.kind {
            KpiKind::Cumulative => kpi.format_number(r.value),
            KpiKind::Maintain => kpi.format_value(r.value),
        });
    match kpi.kind {
        KpiKind::Cumulative => format!(
            "{latest} → {} by {}",
            kpi.format_value(kpi.target),
            kpi.target_date
        ),
        KpiKind::Maintain => format!(
            "{latest} (level {}, until {})",
            kpi.format_value(kpi.target),
            kpi.target_date
        ),
    }
}

/// The run-rate needed beside the one achieved for a cumulative KPI ("needs 6.2
/// charities a week, doing 1.9"); the trend for a maintain KPI; "–" when closed.
pub fn kpi_pace(kpi: &Kpi, assessment: &KpiAssessment) -> String {
    if matches!(assessment.status, KpiStatus::Closed(_)) {
        return "–".to_string();
    }
    if let Some(run_rate) = &assessment.run_rate {
        return kpi.describe_run_rate(run_rate);
    }
    match assessment.trend {
        Some(trend) => {
            let moving = format!(
                "{} {} a week",
                if trend.per_week < 0.0 {
                    "falling"
                } else {
                    "rising"
                },
                kpi.format_value(trend.per_week.abs())
            );
            // "falling 0.1 h a week (flat)" read as a contradiction: flat first.
            match trend.direction {
                TrendDirection::Flat => format!("flat: {moving}"),
                direction => format!("{moving} ({})", direction.label()),
            }
        }
        None if assessment.latest.is_none() => "no reading yet".to_string(),
        None => "too few recent readings for a trend".to_string(),
    }
}

/// "33 charities by 2027-01-27 (target 60 charities)", or why there is none (the
/// column says it is the forecast).
pub fn kpi_forecast(kpi: &Kpi, assessment: &KpiAssessment) -> String {
    let text = kpi.describe_forecast(assessment);
    match text.strip_prefix("forecast ") {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// "as of 2026-11-28"; "as of 2026-11-28, the demo's date"; "as of today, 2026-11-28".
pub fn as_of(today: NaiveDate, source: TodaySource) -> String {
    match source {
        TodaySource::Pinned => format!("as of {today}"),
        TodaySource::Demo => format!("as of {today}, the demo's date"),
        TodaySource::Clock => format!("as of today, {today}"),
    }
}

/// "2026-12-07 (in 9 days)", "2026-11-18 (10 days late)", "2026-11-28 (today)".
pub fn due(date: NaiveDate, today: NaiveDate) -> String {
    let when = match days_between(today, date) {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "1 day late".to_string(),
        n if n < 0 => format!("{} days late", -n),
        n => format!("in {n} days"),
    };
    format!("{date} ({when})")
}

/// A milestone as a list item: "Onboard the first 30 charities (Priya Raman):
/// in progress, due 2026-11-18 (10 days late), moved +14 days".
pub fn milestone(milestone: &Milestone, workspace: &Workspace, today: NaiveDate) -> String {
    let owner = if milestone.owner.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", workspace.member_name(&milestone.owner))
    };
    let mut text = format!(
        "{}{owner}: {}, due {}",
        milestone.title,
        milestone.status.label(),
        due(milestone.due, today)
    );
    let slip = milestone.slip_days();
    if slip != 0 {
        text.push_str(&format!(", moved {slip:+} days"));
    }
    if milestone.status == MilestoneStatus::Blocked && !milestone.blocked_reason.trim().is_empty() {
        text.push_str(&format!(" — blocked: {}", milestone.blocked_reason.trim()));
    }
    text
}

/// The next open milestone as a cell: "Joint support runbook, 2026-12-07 (in 9 days)".
pub fn next_milestone(milestone: Option<&Milestone>, today: NaiveDate) -> String {
    milestone.map_or("–".to_string(), |m| {
        format!("{}, {}", m.title, due(m.due, today))
    })
}

/// Who owes an action item: a member's name, else the name as written, with the
/// side: "Priya Raman (ours)", "Declan Moss (theirs)".
pub fn owner_and_side(action: &ActionItem, workspace: &Workspace) -> String {
    let owner = match action.owner.trim() {
        "" => "no owner".to_string(),
        owner => workspace.member_name(owner).to_string(),
    };
    format!("{owner} ({})", action.side.label())
}

/// The action items still open, those owed soonest first (undated last).
pub fn open_actions(partner: &Partner) -> Vec<&ActionItem> {
    let mut open: Vec<&ActionItem> = partner.open_actions().collect();
    open.sort_by_key(|action| (action.due.is_none(), action.due));
    open
}

/// An action item's due date as a cell: "2026-11-23 (5 days late)", "no date".
pub fn action_due(action: &ActionItem, today: NaiveDate) -> String {
    action.due.map_or("no date".to_string(), |d| due(d, today))
}

/// "a", "a or b", "a, b or c".
pub fn either(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

pub use crate::text::capitalised;
pub use crate::text::count as counted;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kpis_on_and_off_track_in_words() {
        let none = KpiCounts::default();
        assert_eq!(kpis_on_off(&none), "–");
        let mixed = KpiCounts {
            green: 1,
            amber: 1,
            red: 1,
            stale: 1,
            ..KpiCounts::default()
        };
        assert_eq!(
            kpis_on_off(&mixed),
            "1 on track, 2 off (1 amber, 1 red); 1 stale"
        );
        let red = KpiCounts {
            green: 1,
            red: 1,
            early_warning: 1,
            ..KpiCounts::default()
        };
        assert_eq!(
            kpis_on_off(&red),
            "1 on track, 1 off (red); 1 early warning"
        );
        let early = KpiCounts {
            too_early: 2,
            closed: 1,
            ..KpiCounts::default()
        };
        assert_eq!(kpis_on_off(&early), "2 too early");
    }

    #[test]
    fn due_dates_say_how_far_off_they_are() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(due(day(18), today), "2026-11-18 (10 days late)");
        assert_eq!(due(day(27), today), "2026-11-27 (1 day late)");
        assert_eq!(due(day(28), today), "2026-11-28 (today)");
        assert_eq!(due(day(30), today), "2026-11-30 (in 2 days)");
    }
}
