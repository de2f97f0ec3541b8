//! Partner health, 0–100 with its basis ("72 from 60 of 100 points"): the parts that
//! matter in the partner's stage role — the agreement and its milestones while
//! formalizing; KPIs, milestones, check-in cadence and each side's feedback while
//! operating — each worth fixed points; a cap at fair for a red KPI tied to a shared
//! goal; and the words that say how it was reached. Closed stages show the stage.

mod parts;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::kpi::{KpiAssessment, KpiStatus, assess_all};
use super::partner::Partner;
use super::workspace::{StageRole, Workspace};

/// A health score from here up is good; from `FAIR_FROM` fair; below, poor.
pub const GOOD_FROM: u8 = 70;
pub const FAIR_FROM: u8 = 40;
/// The most a partner can score while a KPI tied to a shared goal is red: fair.
pub const FAIR_CAP: u8 = GOOD_FROM - 1;

/// One part of the health score; which parts count depends on the stage role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HealthPartKind {
    /// Formalizing: how far the seven components of the agreement are agreed.
    Agreement,
    /// Formalizing: the agreement's milestones on time, and how far they slipped.
    AgreementMilestones,
    /// Operating: the open KPIs' statuses.
    Kpis,
    /// Operating: milestones on time, and how far they slipped.
    Milestones,
    /// Operating: check-ins held within the cadence.
    Checkins,
    /// Operating: each side's recent feedback.
    Feedback,
}

/// The parts of a formalizing partner's health, in the order they are shown.
pub const FORMALIZING_PARTS: [HealthPartKind; 2] = [
    HealthPartKind::Agreement,
    HealthPartKind::AgreementMilestones,
];
/// The parts of an operating partner's health, in the order they are shown.
pub const OPERATING_PARTS: [HealthPartKind; 4] = [
    HealthPartKind::Kpis,
    HealthPartKind::Milestones,
    HealthPartKind::Checkins,
    HealthPartKind::Feedback,
];

impl HealthPartKind {
    pub fn label(self) -> &'static str {
        match self {
            HealthPartKind::Agreement => "agreement",
            HealthPartKind::AgreementMilestones => "agreement milestones",
            HealthPartKind::Kpis => "KPIs",
            HealthPartKind::Milestones => "milestones",
            HealthPartKind::Checkins => "check-ins",
            HealthPartKind::Feedback => "feedback",
        }
    }

    /// Points the part is worth when it has something to judge; the parts of one
    /// stage role add up to 100. Check-ins on time are expected rather than a large
    /// reward, so they are worth little; missing them still costs those points.
    pub fn weight(self) -> u32 {
        match self {
            HealthPartKind::Agreement => 60,
            HealthPartKind::AgreementMilestones => 40,
            HealthPartKind::Kpis => 45,
            HealthPartKind::Milestones => 30,
            HealthPartKind::Checkins => 10,
            HealthPartKind::Feedback => 15,
        }
    }

    /// The parts that count for a stage role: none for candidates and closed stages.
    pub fn for_role(role: StageRole) -> &'static [HealthPartKind] {
        match role {
            StageRole::Formalizing => &FORMALIZING_PARTS,
            StageRole::Operating => &OPERATING_PARTS,
            StageRole::Candidate | StageRole::Closed => &[],
        }
    }
}

/// One part of the health score. `points` is `None` when there is nothing to judge
/// it by: such a part is left out of the basis, and the score is over the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthPart {
    pub kind: HealthPartKind,
    pub points: Option<f64>,
    /// `points` in whole points as shown: rounded so that the judged parts add up
    /// exactly to the whole points the score is worked out from (see
    /// `whole_points`). `None` when the part is not judged.
    pub shown: Option<u32>,
    /// What the part rests on ("2 judged: 1 green, 1 red"), or why it is not judged.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// 0–100 over the parts judged; `None` when none is, and for candidates, closed
    /// stages and stages the workspace lacks.
    pub score: Option<u8>,
    /// The points judged, of 100: the weights of the parts with something to judge.
    pub basis: u32,
    pub parts: Vec<HealthPart>,
    /// Why the score was held at fair, when it was.
    pub capped: Option<String>,
    /// The role of the partner's stage; `None` for a stage the workspace lacks.
    pub role: Option<StageRole>,
    /// The stage's name as people see it.
    pub stage: String,
}

/// How a health score reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HealthBand {
    Poor,
    Fair,
    Good,
    NotStarted,
    /// A closed stage (paused, ended): no score, the stage instead.
    Closed,
}

impl HealthBand {
    pub fn of(score: Option<u8>) -> Self {
        match score {
            None => HealthBand::NotStarted,
            Some(score) if score >= GOOD_FROM => HealthBand::Good,
            Some(score) if score >= FAIR_FROM => HealthBand::Fair,
            Some(_) => HealthBand::Poor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HealthBand::Good => "good",
            HealthBand::Fair => "fair",
            HealthBand::Poor => "poor",
            HealthBand::NotStarted => "not started",
            HealthBand::Closed => "closed",
        }
    }
}

impl Health {
    pub fn band(&self) -> HealthBand {
        if self.role == Some(StageRole::Closed) {
            HealthBand::Closed
        } else {
            HealthBand::of(self.score)
        }
    }

    pub fn part(&self, kind: HealthPartKind) -> Option<&HealthPart> {
        self.parts.iter().find(|part| part.kind == kind)
    }

    /// At a glance: "72 from 60 of 100 points", "paused", "not started".
    pub fn summary(&self) -> String {
        match (self.score, self.role) {
            (_, Some(StageRole::Closed)) => self.stage.to_lowercase(),
            (Some(score), _) => format!("{score} from {} of 100 points", self.basis),
            (None, Some(StageRole::Candidate)) => "not judged yet (candidate)".to_string(),
            (None, _) => "not started".to_string(),
        }
    }

    /// For a card or a list: "69 (85)" — the score and, when not every part was
    /// judged, the points it was judged on; "61" on all 100; "paused" for a closed
    /// stage; "–" with no score.
    pub fn badge(&self) -> String {
        match (self.score, self.role) {
            (_, Some(StageRole::Closed)) => self.stage.to_lowercase(),
            (Some(score), _) if self.basis < 100 => format!("{score} ({})", self.basis),
            (Some(score), _) => score.to_string(),
            (None, _) => "–".to_string(),
        }
    }

    /// "health 47 from 85 of 100 points: KPIs 30/45, milestones 10/30, check-ins 0/10;
    /// feedback not judged (none in 90 days)".
    pub fn explain(&self) -> String {
        match self.role {
            Some(StageRole::Closed) => {
                return format!(
                    "{}: a closed stage has no health score",
                    self.stage.to_lowercase()
                );
            }
            Some(StageRole::Candidate) => {
                return "health not judged while the partner is a candidate".to_string();
            }
            None => {
                return format!(
                    "health not judged: the stage “{}” is not in the workspace",
                    self.stage
                );
            }
            Some(StageRole::Formalizing | StageRole::Operating) => {}
        }
        let judged: Vec<String> = self
            .parts
            .iter()
            .filter_map(|part| {
                Some(format!(
                    "{} {}/{}",
                    part.kind.label(),
                    part.shown?,
                    part.kind.weight()
                ))
            })
            .collect();
        let not_judged: Vec<String> = self
            .parts
            .iter()
            .filter(|part| part.points.is_none())
            .map(|part| format!("{} not judged ({})", part.kind.label(), part.detail))
            .collect();
        let head = match self.score {
            Some(score) => format!("health {score} from {} of 100 points", self.basis),
            None => "health not started".to_string(),
        };
        let mut text = head;
        if !judged.is_empty() {
            text.push_str(&format!(": {}", judged.join(", ")));
        }
        if !not_judged.is_empty() {
            let joint = if judged.is_empty() { ": " } else { "; " };
            text.push_str(&format!("{joint}{}", not_judged.join(", ")));
        }
        if let Some(why) = &self.capped {
            text.push_str(&format!("; held at fair: {why}"));
        }
        text
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
    let role = workspace.stage_role(&partner.stage);
    let mut parts: Vec<HealthPart> = role
        .map_or(&[][..], HealthPartKind::for_role)
        .iter()
        .map(|kind| parts::judge(*kind, partner, workspace, today, assessments))
        .collect();
    let points: Vec<Option<f64>> = parts.iter().map(|part| part.points).collect();
    for (part, shown) in parts.iter_mut().zip(whole_points(&points)) {
        part.shown = shown;
    }
    let (earned, basis) = parts
        .iter()
        .filter_map(|part| part.shown.map(|shown| (shown, part.kind.weight())))
        .fold((0, 0), |(earned, basis), (shown, weight)| {
            (earned + shown, basis + weight)
        });
    // The score is worked out from the whole points shown, so the explanation
    // always adds up: on all 100 points the parts add up to the score itself, on
    // fewer the score is their share of the basis ("72 from 25": 18 of 25).
    // In whole numbers, halves up, as a person checking it would: 23 of 40 is 58
    // (floating point makes 23 / 40 × 100 a hair under 57.5).
    let mut score = (basis > 0)
        .then(|| u8::try_from(((earned * 200 + basis) / (2 * basis)).min(100)).unwrap_or(100));
    let capped = if role == Some(StageRole::Operating) {
        red_goal_kpi(partner, assessments)
    } else {
        None
    };
    let capped = match (score, capped) {
        (Some(value), Some(why)) if value > FAIR_CAP => {
            score = Some(FAIR_CAP);
            Some(format!("{why} ({value} before)"))
        }
        _ => None,
    };
    Health {
        score,
        basis,
        parts,
        capped,
        role,
        stage: workspace.stage_name(&partner.stage).to_string(),
    }
}

/// Whole points for parts judged on fractions of points (`None`: not judged),
/// adding up exactly to their total rounded: each part rounded down, then the
/// points still missing go one each to the parts that lost the most by it (the one
/// shown first on a tie) — largest-remainder rounding. Rounding each part on its
/// own would not do: 33.75 + 7.5 shows as 34 + 8 = 42 while the total is 41.
pub fn whole_points(points: &[Option<f64>]) -> Vec<Option<u32>> {
    // Non-finite or negative points cannot come from `parts::judge`; they count as 0.
    let points: Vec<Option<f64>> = points
        .iter()
        .map(|p| p.map(|p| if p.is_finite() { p.max(0.0) } else { 0.0 }))
        .collect();
    let total = points.iter().flatten().sum::<f64>().round() as u32;
    let mut shown: Vec<Option<u32>> = points.iter().map(|p| p.map(|p| p.floor() as u32)).collect();
    let floored: u32 = shown.iter().flatten().sum();
    let mut by_remainder: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(at, p)| p.map(|p| (at, p - p.floor())))
        .collect();
    // Stable: a tie keeps the order the parts are shown in.
    by_remainder.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (at, _) in by_remainder
        .into_iter()
        .take(total.saturating_sub(floored) as usize)
    {
        if let Some(points) = &mut shown[at] {
            *points += 1;
        }
    }
    shown
}

/// "KPI Charities live is red and measures the goal “Get 60 charities live”": the
/// first red KPI tied to one of the partner's shared goals.
fn red_goal_kpi(partner: &Partner, assessments: &[KpiAssessment]) -> Option<String> {
    partner
        .kpis
        .iter()
        .zip(assessments)
        .filter(|(_, assessment)| assessment.status == KpiStatus::Red)
        .find_map(|(kpi, _)| {
            let goal = partner.goal(kpi.goal.as_deref()?)?;
            Some(format!(
                "KPI {} is red and measures the goal “{}”",
                kpi.name, goal.statement
            ))
        })
}
