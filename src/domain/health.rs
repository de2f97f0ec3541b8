//! Partner health, 0–100: KPI status, milestones on time, check-in recency and recent
//! feedback, each worth a fixed share — and the explanation of how it was reached.

use chrono::NaiveDate;

use super::dates::days_between;
use super::kpi::{KpiAssessment, KpiStatus, assess_all};
use super::partner::Partner;
use super::workspace::Workspace;

/// Points each part is worth when it has data.
pub const KPI_WEIGHT: f64 = 40.0;
pub const MILESTONE_WEIGHT: f64 = 25.0;
pub const CHECKIN_WEIGHT: f64 = 20.0;
pub const FEEDBACK_WEIGHT: f64 = 15.0;
/// Feedback and finished milestones older than this no longer count.
pub const RECENT_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HealthPartKind {
    Kpis,
    Milestones,
    Checkins,
    Feedback,
}

impl HealthPartKind {
    pub fn label(self) -> &'static str {
        match self {
            HealthPartKind::Kpis => "KPIs",
            HealthPartKind::Milestones => "milestones",
            HealthPartKind::Checkins => "check-ins",
            HealthPartKind::Feedback => "feedback",
        }
    }

    pub fn weight(self) -> f64 {
        match self {
            HealthPartKind::Kpis => KPI_WEIGHT,
            HealthPartKind::Milestones => MILESTONE_WEIGHT,
            HealthPartKind::Checkins => CHECKIN_WEIGHT,
            HealthPartKind::Feedback => FEEDBACK_WEIGHT,
        }
    }
}

/// One part of the health score. `points` is `None` when there is nothing to judge
/// it by; such a part is left out and the others are scaled up to 100.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthPart {
    pub kind: HealthPartKind,
    pub points: Option<f64>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// 0–100, or `None` when no part has data yet ("not started").
    pub score: Option<u8>,
    pub parts: Vec<HealthPart>,
}

/// How a health score reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HealthBand {
    Poor,
    Fair,
    Good,
    NotStarted,
}

impl HealthBand {
    pub fn of(score: Option<u8>) -> Self {
        match score {
            None => HealthBand::NotStarted,
            Some(score) if score >= 70 => HealthBand::Good,
            Some(score) if score >= 40 => HealthBand::Fair,
            Some(_) => HealthBand::Poor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HealthBand::Good => "good",
            HealthBand::Fair => "fair",
            HealthBand::Poor => "poor",
            HealthBand::NotStarted => "not started",
        }
    }
}

impl Health {
    pub fn band(&self) -> HealthBand {
        HealthBand::of(self.score)
    }

    pub fn part(&self, kind: HealthPartKind) -> Option<&HealthPart> {
        self.parts.iter().find(|part| part.kind == kind)
    }

    /// "health 42: KPIs 30/40, milestones 10/25, check-ins 0/20, feedback –/15 (none in 90 days)".
    pub fn explain(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|part| match part.points {
                Some(points) => format!(
                    "{} {:.0}/{:.0}",
                    part.kind.label(),
                    points,
                    part.kind.weight()
                ),
                None => format!(
                    "{} –/{:.0} ({})",
                    part.kind.label(),
                    part.kind.weight(),
                    part.detail
                ),
            })
            .collect();
        match self.score {
            Some(score) => format!("health {score}: {}", parts.join(", ")),
            None => format!("health not started: {}", parts.join(", ")),
        }
    }
}

/// The health of `partner` as of `today`.
pub fn health(partner: &Partner, workspace: &Workspace, today: NaiveDate) -> Health {
    let assessments = assess_all(partner, workspace, today);
    health_from(partner, workspace, today, &assessments)
}

/// `health`, from the partner's KPI assessments already made (see `assess_all`).
pub fn health_from(
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
    assessments: &[KpiAssessment],
) -> Health {
    let parts = vec![
        kpi_part(assessments),
        milestone_part(partner, today),
        checkin_part(partner, workspace, today),
        feedback_part(partner, today),
    ];
    let (earned, possible) = parts
        .iter()
        .filter_map(|part| part.points.map(|points| (points, part.kind.weight())))
        .fold((0.0, 0.0), |(earned, possible), (points, weight)| {
            (earned + points, possible + weight)
        });
    let score =
        (possible > 0.0).then(|| (earned / possible * 100.0).round().clamp(0.0, 100.0) as u8);
    Health { score, parts }
}

fn part(kind: HealthPartKind, share: Option<f64>, detail: String) -> HealthPart {
    HealthPart {
        kind,
        points: share.map(|share| share.clamp(0.0, 1.0) * kind.weight()),
        detail,
    }
}

/// The mean of the judged KPIs' worth (see `KpiStatus::worth`: green counts fully,
/// amber half, red nothing). KPIs too early to judge and closed ones are left out;
/// a stale flag or an early warning changes nothing here: they are attention items.
fn kpi_part(assessments: &[KpiAssessment]) -> HealthPart {
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
        return part(HealthPartKind::Kpis, None, why);
    }
    part(
        HealthPartKind::Kpis,
        Some(total / judged as f64),
        words.join(", "),
    )
}

/// Open milestones not yet due and milestones done on time count fully; done late
/// half; blocked a quarter; overdue nothing. Milestones far in the future (not
/// started, not due within 14 days) and those done long ago are left out.
fn milestone_part(partner: &Partner, today: NaiveDate) -> HealthPart {
    use super::timeline::MilestoneStatus as Status;
    let mut total = 0.0;
    let mut counted = 0;
    for milestone in &partner.milestones {
        let value = match milestone.status {
            Status::Cancelled => continue,
            Status::Done => match milestone.done {
                Some(done) if days_between(done, today) > RECENT_DAYS => continue,
                _ if milestone.finished_late() => 0.5,
                _ => 1.0,
            },
            _ if milestone.is_overdue(today) => 0.0,
            _ if milestone.status == Status::Blocked => 0.25,
            _ => {
                let started = milestone.start.is_some_and(|start| start <= today);
                if !started && days_between(today, milestone.due) > 14 {
                    continue;
                }
                1.0
            }
        };
        total += value;
        counted += 1;
    }
    if counted == 0 {
        return part(
            HealthPartKind::Milestones,
            None,
            "no milestone under way".into(),
        );
    }
    part(
        HealthPartKind::Milestones,
        Some(total / counted as f64),
        format!("{counted} milestones"),
    )
}

/// Full marks within the cadence, falling to nothing at twice the cadence. Only for
/// stages the check-in walks through.
fn checkin_part(partner: &Partner, workspace: &Workspace, today: NaiveDate) -> HealthPart {
    if !workspace.is_checkin_stage(&partner.stage) {
        return part(
            HealthPartKind::Checkins,
            None,
            "no check-ins in this stage".into(),
        );
    }
    let cadence = i64::from(partner.cadence_days(workspace.checkin_cadence_days));
    let due = partner.checkin_due(workspace.checkin_cadence_days, today);
    let Some(last) = partner.last_checkin(today) else {
        // No check-in yet: nothing to judge until the first one is due; after that,
        // a missed first check-in counts like any other.
        if due >= today {
            return part(
                HealthPartKind::Checkins,
                None,
                format!("none yet; the first is due {due}"),
            );
        }
        let late = days_between(due, today);
        return part(
            HealthPartKind::Checkins,
            Some(1.0 - late as f64 / cadence as f64),
            format!("none yet; the first was due {due}"),
        );
    };
    let since = last.min(today);
    let age = days_between(since, today);
    let share = if age <= cadence {
        1.0
    } else {
        1.0 - (age - cadence) as f64 / cadence as f64
    };
    part(
        HealthPartKind::Checkins,
        Some(share),
        format!("last {age} days ago, every {cadence} expected"),
    )
}

/// The mean sentiment of the last 90 days' feedback, 1–5 mapped onto 0–1.
fn feedback_part(partner: &Partner, today: NaiveDate) -> HealthPart {
    let recent: Vec<f64> = partner
        .feedback
        .iter()
        .filter(|entry| {
            let age = days_between(entry.date, today);
            (0..=RECENT_DAYS).contains(&age)
        })
        .map(|entry| f64::from(entry.sentiment.clamp(1, 5)))
        .collect();
    if recent.is_empty() {
        return part(
            HealthPartKind::Feedback,
            None,
            format!("none in {RECENT_DAYS} days"),
        );
    }
    let mean = recent.iter().sum::<f64>() / recent.len() as f64;
    part(
        HealthPartKind::Feedback,
        Some((mean - 1.0) / 4.0),
        format!("mean sentiment {mean:.1} of 5"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kpi::{Kpi, Reading};
    use crate::domain::partner::{CheckIn, Feedback, Side};
    use crate::domain::timeline::{Milestone, MilestoneStatus};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn active_partner() -> Partner {
        Partner::new("Acme", "startup", "maya", "active", day("2026-06-01"))
    }

    fn kpi(value: f64) -> Kpi {
        Kpi {
            perspective: "customer".into(),
            readings: vec![Reading::new(day("2026-11-25"), value)],
            ..Kpi::new(
                "Leads",
                (0.0, 100.0),
                (day("2026-09-01"), day("2027-03-01")),
            )
        }
    }

    fn checkin(date: &str) -> CheckIn {
        CheckIn::new(day(date), "maya")
    }

    fn feedback(date: &str, sentiment: u8) -> Feedback {
        Feedback {
            id: String::new(),
            date: day(date),
            who: "Sam".into(),
            side: Side::Theirs,
            sentiment,
            text: String::new(),
        }
    }

    #[test]
    fn a_partner_with_no_data_is_not_started_not_red() {
        let mut partner = active_partner();
        partner.stage = "prospect".into();
        let health = health(&partner, &Workspace::new("T"), today());
        assert_eq!(health.score, None);
        assert_eq!(health.band(), HealthBand::NotStarted);
        assert!(health.explain().starts_with("health not started"));
    }

    #[test]
    fn everything_on_track_is_100() {
        let mut partner = active_partner();
        partner.kpis.push(kpi(60.0));
        partner
            .milestones
            .push(Milestone::new("Pilot", "Launch", day("2026-12-05")));
        partner.checkins.push(checkin("2026-11-25"));
        partner.feedback.push(feedback("2026-11-01", 5));
        let health = health(&partner, &Workspace::new("T"), today());
        assert_eq!(health.score, Some(100));
        assert_eq!(
            health.explain(),
            "health 100: KPIs 40/40, milestones 25/25, check-ins 20/20, feedback 15/15"
        );
    }

    #[test]
    fn each_part_loses_points_for_its_own_reason() {
        let mut partner = active_partner();
        partner.kpis.push(kpi(5.0)); // red: 5% done, ~47% expected
        let mut late = Milestone::new("Late", "Launch", day("2026-11-01"));
        late.status = MilestoneStatus::InProgress;
        partner.milestones.push(late);
        partner
            .milestones
            .push(Milestone::new("Soon", "Launch", day("2026-12-01")));
        partner.checkins.push(checkin("2026-10-15")); // 44 days: over twice 14
        partner.feedback.push(feedback("2026-11-01", 3));
        let health = health(&partner, &Workspace::new("T"), today());
        assert_eq!(
            health.explain(),
            format!(
                "health {}: KPIs 0/40, milestones 12/25, check-ins 0/20, feedback 8/15",
                health.score.unwrap()
            )
        );
        // (0 + 12.5 + 0 + 7.5) / 100
        assert_eq!(health.score, Some(20));
        assert_eq!(health.band(), HealthBand::Poor);
    }

    #[test]
    fn missing_parts_are_left_out_and_the_rest_scaled() {
        let mut partner = active_partner();
        partner.checkins.push(checkin("2026-11-20"));
        partner.feedback.push(feedback("2026-11-20", 3));
        let health = health(&partner, &Workspace::new("T"), today());
        // (20 + 7.5) / 35
        assert_eq!(health.score, Some(79));
        assert!(health.explain().contains("KPIs –/40 (no open KPI)"));
    }

    #[test]
    fn checkin_recency_falls_linearly_past_the_cadence() {
        let mut partner = active_partner();
        partner.charter.checkin_cadence_days = Some(10);
        partner.checkins.push(checkin("2026-11-13")); // 15 days: half way to 20
        let health = health(&partner, &Workspace::new("T"), today());
        assert_eq!(health.parts[2].points, Some(10.0));
    }

    #[test]
    fn a_new_partner_in_a_checkin_stage_is_not_started_until_its_first_checkin_is_due() {
        let mut partner = active_partner();
        partner.stage_since = day("2026-11-20");
        let fresh = health(&partner, &Workspace::new("T"), today());
        assert_eq!(fresh.score, None, "{}", fresh.explain());
        partner.stage_since = day("2026-11-07"); // first check-in due 11-21: 7 days late
        let late = health(&partner, &Workspace::new("T"), today());
        assert_eq!(late.score, Some(50), "{}", late.explain());
    }

    #[test]
    fn old_feedback_and_old_done_milestones_do_not_count() {
        let mut partner = active_partner();
        partner.stage = "paused".into();
        partner.feedback.push(feedback("2026-01-01", 1));
        let mut done = Milestone::new("Old", "Launch", day("2026-01-01"));
        done.set_status(MilestoneStatus::Done, day("2026-02-01"));
        partner.milestones.push(done);
        assert_eq!(health(&partner, &Workspace::new("T"), today()).score, None);
    }

    #[test]
    fn bands() {
        assert_eq!(HealthBand::of(Some(70)), HealthBand::Good);
        assert_eq!(HealthBand::of(Some(69)), HealthBand::Fair);
        assert_eq!(HealthBand::of(Some(40)), HealthBand::Fair);
        assert_eq!(HealthBand::of(Some(39)), HealthBand::Poor);
    }
}
