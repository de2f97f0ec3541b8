//! The portfolio at a glance: per-partner figures (health, score, KPI and milestone
//! counts, last check-in, open actions) and the portfolio totals the Overview and
//! `pactboard status` show — computed once, from the data and "today".

use chrono::NaiveDate;

use super::attention::{AttentionItem, Upcoming, attention_from, sort_by_urgency, upcoming};
use super::health::{Health, HealthBand, health_from};
use super::kpi::{KpiAssessment, KpiStatus, assess_all};
use super::partner::Partner;
use super::scoring::{WeightedScore, weighted_score};
use super::timeline::{Milestone, MilestoneCounts, counts, next_open};
use super::workspace::{StageRole, Workspace};

/// How far ahead the Overview's calendar looks.
pub const UPCOMING_DAYS: i64 = 14;

/// A partner's KPIs by status. `green`, `amber` and `red` count the open KPIs past
/// their grace period; `stale` and `early_warning` are flags that overlap them. A
/// partner in a closed stage has no judged KPIs (see `kpis_judged`): its open ones
/// are `on_hold`, so every KPI is counted once in green, amber, red, too early,
/// closed or on hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KpiCounts {
    pub green: usize,
    pub amber: usize,
    pub red: usize,
    pub stale: usize,
    pub early_warning: usize,
    pub too_early: usize,
    pub closed: usize,
    /// Open KPIs of a partner in a closed stage (paused, ended): not judged.
    pub on_hold: usize,
}

/// Whether a partner's open KPIs are judged: not while it is in a closed stage
/// (paused, ended), which shows its stage instead of a score. The one rule for the
/// KPI counts, the Scorecard's portfolio of open KPIs and (with the rest of a
/// closed partner's figures) attention; its own Scorecard still shows each KPI.
pub fn kpis_judged(partner: &Partner, workspace: &Workspace) -> bool {
    workspace.stage_role(&partner.stage) != Some(StageRole::Closed)
}

/// The figures for one partner.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSummary {
    pub id: String,
    pub health: Health,
    pub score: WeightedScore,
    pub kpis: KpiCounts,
    pub milestones: MilestoneCounts,
    pub next_milestone: Option<Milestone>,
    pub last_checkin: Option<NaiveDate>,
    pub open_actions: usize,
    /// Each KPI's assessment, in the order of the partner's `kpis`.
    pub assessments: Vec<KpiAssessment>,
}

/// Partners per stage, in the workspace's order; stages a partner names but the
/// workspace lacks come last (named by their id), so no partner goes uncounted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageCount {
    pub id: String,
    pub name: String,
    pub count: usize,
    pub known: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioSummary {
    pub partners: Vec<PartnerSummary>,
    pub stages: Vec<StageCount>,
    pub attention: Vec<AttentionItem>,
    pub upcoming: Vec<Upcoming>,
    /// Mean health of the partners formalizing or under way (operating) that have a
    /// score: candidates have none yet, closed stages none any more.
    pub average_health: Option<f64>,
    /// How many partners are formalizing or operating: whom the average is over.
    pub health_partners: usize,
    /// How many of those fall in each band: good, fair, poor, not started.
    pub bands: [(HealthBand, usize); 4],
}

pub fn summarize_partner(
    id: &str,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
) -> PartnerSummary {
    let assessments = assess_all(partner, workspace, today);
    let judged = kpis_judged(partner, workspace);
    let mut kpis = KpiCounts::default();
    for assessment in &assessments {
        if !judged && !matches!(assessment.status, KpiStatus::Closed(_)) {
            kpis.on_hold += 1;
            continue;
        }
        match assessment.status {
            KpiStatus::Green => kpis.green += 1,
            KpiStatus::Amber => kpis.amber += 1,
            KpiStatus::Red => kpis.red += 1,
            KpiStatus::TooEarly { .. } => kpis.too_early += 1,
            KpiStatus::Closed(_) => kpis.closed += 1,
        }
        kpis.stale += usize::from(assessment.stale);
        kpis.early_warning += usize::from(assessment.early_warning);
    }
    PartnerSummary {
        id: id.to_string(),
        health: health_from(partner, workspace, today, &assessments),
        score: weighted_score(&partner.scores, &workspace.criteria),
        kpis,
        milestones: counts(&partner.milestones, today),
        next_milestone: next_open(&partner.milestones).cloned(),
        last_checkin: partner.last_checkin(today),
        open_actions: partner.open_actions().count(),
        assessments,
    }
}

/// Everything the Overview needs, for `partners` given as `(id, partner)`.
pub fn summarize<'a>(
    partners: &[(&'a str, &'a Partner)],
    workspace: &Workspace,
    today: NaiveDate,
) -> PortfolioSummary {
    let summaries: Vec<PartnerSummary> = partners
        .iter()
        .map(|(id, partner)| summarize_partner(id, partner, workspace, today))
        .collect();

    let mut stages: Vec<StageCount> = workspace
        .stages
        .iter()
        .map(|stage| StageCount {
            id: stage.id.clone(),
            name: stage.name.clone(),
            count: 0,
            known: true,
        })
        .collect();
    for (_, partner) in partners {
        match stages.iter_mut().find(|stage| stage.id == partner.stage) {
            Some(stage) => stage.count += 1,
            None => stages.push(StageCount {
                id: partner.stage.clone(),
                name: partner.stage.clone(),
                count: 1,
                known: false,
            }),
        }
    }

    let mut bands = [
        (HealthBand::Good, 0),
        (HealthBand::Fair, 0),
        (HealthBand::Poor, 0),
        (HealthBand::NotStarted, 0),
    ];
    let mut scores = Vec::new();
    let mut health_partners = 0;
    for ((_, partner), summary) in partners.iter().zip(&summaries) {
        if !matches!(
            workspace.stage_role(&partner.stage),
            Some(StageRole::Formalizing | StageRole::Operating)
        ) {
            continue;
        }
        health_partners += 1;
        let band = summary.health.band();
        if let Some(entry) = bands.iter_mut().find(|(b, _)| *b == band) {
            entry.1 += 1;
        }
        if let Some(score) = summary.health.score {
            scores.push(f64::from(score));
        }
    }
    let average_health =
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);

    let mut attention: Vec<AttentionItem> = partners
        .iter()
        .zip(&summaries)
        .flat_map(|((id, partner), figures)| {
            attention_from(id, partner, workspace, today, &figures.assessments)
        })
        .collect();
    sort_by_urgency(&mut attention);

    PortfolioSummary {
        partners: summaries,
        stages,
        attention,
        upcoming: upcoming(partners.iter().copied(), workspace, today, UPCOMING_DAYS),
        average_health,
        health_partners,
        bands,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::partner::CheckIn;
    use crate::domain::timeline::Milestone;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn counts_stages_health_bands_and_unknown_stages() {
        let today = day("2026-11-28");
        let workspace = Workspace::new("T");
        let mut active = Partner::new("Acme", "startup", "maya", "active", day("2026-11-01"));
        active
            .checkins
            .push(CheckIn::new(day("2026-11-25"), "maya"));
        active
            .milestones
            .push(Milestone::new("Late", "Launch", day("2026-11-20")));
        let prospect = Partner::new("Beta", "agency", "maya", "prospect", today);
        let odd = Partner::new("Gamma", "agency", "maya", "limbo", today);
        let ended = Partner::new("Delta", "agency", "maya", "ended", today);
        let formalizing = Partner::new("Epsilon", "agency", "maya", "formalizing", today);
        let summary = summarize(
            &[
                ("acme", &active),
                ("beta", &prospect),
                ("gamma", &odd),
                ("delta", &ended),
                ("epsilon", &formalizing),
            ],
            &workspace,
            today,
        );
        let active_count = summary.stages.iter().find(|s| s.name == "Active").unwrap();
        assert_eq!(active_count.count, 1);
        let last = summary.stages.last().unwrap();
        assert_eq!(
            (last.name.as_str(), last.count, last.known),
            ("limbo", 1, false)
        );
        // Acme: milestones 0/30, check-ins 10/10 → 25 from 40. Epsilon: nothing of
        // the agreement agreed → 0 from 60.
        assert_eq!(summary.partners[0].health.score, Some(25));
        assert_eq!(summary.partners[4].health.score, Some(0));
        // The average is over the two partners formalizing or operating only.
        assert_eq!(summary.health_partners, 2);
        assert_eq!(summary.average_health, Some(12.5));
        assert_eq!(summary.bands[2], (HealthBand::Poor, 2));
        assert_eq!(summary.bands[3], (HealthBand::NotStarted, 0));
        assert_eq!(summary.partners[0].milestones.overdue, 1);
        // Scores always carry their coverage.
        assert_eq!(summary.partners[1].score.label(), "– · 0/8");
        let kinds: Vec<_> = summary.attention.iter().map(|i| i.kind.as_str()).collect();
        assert_eq!(kinds, ["no_agreement", "overdue_milestone"]);
    }

    #[test]
    fn a_partner_in_a_closed_stage_has_no_judged_kpis() {
        use crate::domain::kpi::{Kpi, KpiClosed, KpiOutcome, Reading};
        let today = day("2026-11-28");
        let workspace = Workspace::new("T");
        let mut partner = Partner::new("Acme", "startup", "maya", "active", day("2026-06-01"));
        // 0 → 100 from 2026-09-01 to 2027-03-01: 48.6% expected today, 5 is red, and
        // a reading 40 days old is stale.
        let mut red = Kpi::new(
            "Leads",
            (0.0, 100.0),
            (day("2026-09-01"), day("2027-03-01")),
        );
        red.readings.push(Reading::new(day("2026-10-19"), 5.0));
        let mut met = red.clone();
        met.name = "Signups".into();
        met.closed = Some(KpiClosed {
            date: day("2026-11-01"),
            outcome: KpiOutcome::Met,
            note: String::new(),
        });
        partner.kpis = vec![red, met];
        let counts = |partner: &Partner| summarize_partner("acme", partner, &workspace, today).kpis;
        let active = counts(&partner);
        assert_eq!(
            (active.red, active.stale, active.closed, active.on_hold),
            (1, 1, 1, 0)
        );
        for stage in ["paused", "ended"] {
            partner.stage = stage.into();
            assert!(!kpis_judged(&partner, &workspace));
            assert_eq!(
                counts(&partner),
                KpiCounts {
                    closed: 1,
                    on_hold: 1,
                    ..KpiCounts::default()
                },
                "{stage}: the open KPI is on hold, the closed one stays history"
            );
        }
        // Candidates' KPIs (if any) and a stage the workspace lacks are judged.
        for stage in ["prospect", "limbo"] {
            partner.stage = stage.into();
            assert!(kpis_judged(&partner, &workspace), "{stage}");
            assert_eq!(counts(&partner).red, 1, "{stage}");
        }
    }
}
