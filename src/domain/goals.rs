//! Shared goals measured: each goal's progress from the KPIs and milestones linked
//! to it, and the goals of a partnership under way that no KPI measures.

use super::kpi::{KpiAssessment, KpiKind, KpiStatus};
use super::partner::{Goal, Partner};
use super::timeline::MilestoneStatus;
use super::workspace::{StageRole, Workspace};

/// One KPI's part in a goal's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiShare {
    pub name: String,
    pub status: KpiStatus,
    /// Share of the way from baseline to target, kept within 0–1; a maintain KPI
    /// on the right side of its level is all the way.
    pub progress: f64,
    /// "37% of the way", "3.4 h against the 4.0 h level".
    pub text: String,
}

/// How far a goal has come.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalProgress {
    pub goal: String,
    pub statement: String,
    pub kpis: Vec<KpiShare>,
    /// Linked milestones done, and linked milestones not cancelled.
    pub milestones_done: usize,
    pub milestones: usize,
    /// The mean progress of the linked KPIs — what the goal is measured by — else,
    /// with only milestones linked, the share of them done; `None` when nothing is
    /// linked.
    pub share: Option<f64>,
}

impl GoalProgress {
    /// "37%: KPI Charities live 37% of the way (red); milestones 1 of 2 done".
    pub fn explain(&self) -> String {
        let Some(share) = self.share else {
            return "not measured: no KPI or milestone is linked to it".to_string();
        };
        let mut parts: Vec<String> = self
            .kpis
            .iter()
            .map(|kpi| format!("KPI {} {} ({})", kpi.name, kpi.text, kpi.status.label()))
            .collect();
        if self.milestones > 0 {
            parts.push(format!(
                "milestones {} of {} done",
                self.milestones_done, self.milestones
            ));
        }
        format!("{}: {}", percent(share), parts.join("; "))
    }
}

fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Each goal of `partner`, in order, with its progress; `assessments` are the
/// partner's KPI assessments in the order of its KPIs.
pub fn goal_progress(partner: &Partner, assessments: &[KpiAssessment]) -> Vec<GoalProgress> {
    partner
        .goals
        .iter()
        .map(|goal| progress_of(goal, partner, assessments))
        .collect()
}

fn progress_of(goal: &Goal, partner: &Partner, assessments: &[KpiAssessment]) -> GoalProgress {
    let linked = |link: &Option<String>| !goal.id.is_empty() && link.as_deref() == Some(&goal.id);
    let kpis: Vec<KpiShare> = partner
        .kpis
        .iter()
        .zip(assessments)
        .filter(|(kpi, _)| linked(&kpi.goal))
        .map(|(kpi, assessment)| {
            let (progress, text) = match kpi.kind {
                KpiKind::Cumulative => {
                    let progress = assessment.progress.clamp(0.0, 1.0);
                    (progress, format!("{} of the way", percent(progress)))
                }
                KpiKind::Maintain => {
                    let progress = if kpi.direction.meets(assessment.value, kpi.target) {
                        1.0
                    } else {
                        assessment.progress.clamp(0.0, 1.0)
                    };
                    let text = format!(
                        "{} against the {} level",
                        kpi.format_value(assessment.value),
                        kpi.format_value(kpi.target)
                    );
                    (progress, text)
                }
            };
            KpiShare {
                name: kpi.name.clone(),
                status: assessment.status,
                progress,
                text,
            }
        })
        .collect();
    let milestones: Vec<_> = partner
        .milestones
        .iter()
        .filter(|m| linked(&m.goal) && m.status != MilestoneStatus::Cancelled)
        .collect();
    let milestones_done = milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Done)
        .count();
    let share = if !kpis.is_empty() {
        Some(kpis.iter().map(|kpi| kpi.progress).sum::<f64>() / kpis.len() as f64)
    } else if !milestones.is_empty() {
        Some(milestones_done as f64 / milestones.len() as f64)
    } else {
        None
    };
    GoalProgress {
        goal: goal.id.clone(),
        statement: goal.statement.clone(),
        kpis,
        milestones_done,
        milestones: milestones.len(),
        share,
    }
}

/// The goals of an operating partner that no KPI measures (open or closed), with
/// their positions in `partner.goals`.
pub fn goals_without_kpi<'a>(
    partner: &'a Partner,
    workspace: &Workspace,
) -> Vec<(usize, &'a Goal)> {
    if workspace.stage_role(&partner.stage) != Some(StageRole::Operating) {
        return Vec::new();
    }
    partner
        .goals
        .iter()
        .enumerate()
        .filter(|(_, goal)| {
            !partner
                .kpis
                .iter()
                .any(|kpi| !goal.id.is_empty() && kpi.goal.as_deref() == Some(&goal.id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::kpi::{Kpi, Reading, assess_all};
    use crate::domain::timeline::Milestone;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// A partner with goals gl-live (a KPI at 37 of 100 and two milestones, one
    /// done, one cancelled, one open) and gl-report (nothing linked).
    fn partner(stage: &str) -> Partner {
        let mut p = Partner::new("Acme", "startup", "maya", stage, day("2026-01-01"));
        for (id, statement) in [
            ("gl-live", "Get charities live"),
            ("gl-report", "Publish a report"),
        ] {
            p.goals.push(Goal {
                id: id.into(),
                statement: statement.into(),
                ..Goal::default()
            });
        }
        let mut kpi = Kpi::new(
            "Charities live",
            (0.0, 100.0),
            (day("2026-09-01"), day("2027-03-01")),
        );
        kpi.goal = Some("gl-live".into());
        kpi.readings.push(Reading::new(day("2026-11-25"), 37.0));
        p.kpis.push(kpi);
        for (title, status) in [
            ("First wave", MilestoneStatus::Done),
            ("Second wave", MilestoneStatus::InProgress),
            ("Dropped idea", MilestoneStatus::Cancelled),
        ] {
            let mut milestone = Milestone::new(title, "launch", day("2026-12-01"));
            milestone.status = status;
            milestone.goal = Some("gl-live".into());
            p.milestones.push(milestone);
        }
        p
    }

    #[test]
    fn a_goal_is_measured_by_its_kpis_with_its_milestones_beside_them() {
        let mut p = partner("active");
        let workspace = Workspace::new("T");
        let today = day("2026-11-28");
        let progress = goal_progress(&p, &assess_all(&p, &workspace, today));
        // The KPI at 37 of 100; the milestones (the cancelled one left out) are shown.
        let live = &progress[0];
        assert_eq!((live.milestones_done, live.milestones), (1, 2));
        assert!((live.share.unwrap() - 0.37).abs() < 1e-9);
        assert_eq!(
            live.explain(),
            "37%: KPI Charities live 37% of the way (amber); milestones 1 of 2 done"
        );
        // Nothing linked: not measured.
        assert_eq!(progress[1].share, None);
        assert_eq!(
            progress[1].explain(),
            "not measured: no KPI or milestone is linked to it"
        );
        // Milestones alone measure a goal by the share done.
        p.kpis.clear();
        let progress = goal_progress(&p, &[]);
        assert_eq!(progress[0].explain(), "50%: milestones 1 of 2 done");
        // A maintain KPI on the right side of its level is all the way there.
        let mut level = Kpi::new(
            "Response time",
            (24.0, 4.0),
            (day("2026-09-01"), day("2027-03-01")),
        );
        level.kind = KpiKind::Maintain;
        level.unit = "h".into();
        level.goal = Some("gl-report".into());
        level.readings.push(Reading::new(day("2026-11-25"), 3.5));
        p.kpis.push(level);
        let progress = goal_progress(&p, &assess_all(&p, &workspace, today));
        assert_eq!(
            progress[1].explain(),
            "100%: KPI Response time 3.5 h against the 4 h level (green)"
        );
    }

    #[test]
    fn operating_goals_without_a_kpi_are_found() {
        let workspace = Workspace::new("T");
        let active = partner("active");
        let missing: Vec<_> = goals_without_kpi(&active, &workspace)
            .iter()
            .map(|(index, goal)| (*index, goal.id.as_str()))
            .collect();
        assert_eq!(missing, [(1, "gl-report")]);
        assert!(goals_without_kpi(&partner("formalizing"), &workspace).is_empty());
    }
}
