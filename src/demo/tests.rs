//! The demo looks like real life and exercises every rule of the figures: each KPI
//! status and flag, every attention kind, health by stage role with its basis and
//! cap, and the stories the partners tell — on the demo's date and on another.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use super::*;
use crate::domain::attention::{AttentionKind, portfolio_attention, repeated_pair, upcoming};
use crate::domain::dates::days_between;
use crate::domain::health::{FAIR_CAP, HealthBand, health};
use crate::domain::kpi::{KpiAssessment, KpiKind, KpiOutcome, KpiRules, KpiStatus};
use crate::domain::smart::check_goal;
use crate::domain::workspace::StageRole;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid test date")
}

const DATES: [&str; 2] = ["2026-11-28", "2027-06-15"];

/// Every KPI with its assessment.
fn assessments(today: NaiveDate) -> Vec<(Kpi, KpiAssessment)> {
    let (workspace, partners) = demo_portfolio(today);
    let mut list = Vec::new();
    for (_, partner) in &partners {
        let rules = KpiRules::of(&workspace, partner);
        for kpi in &partner.kpis {
            list.push((kpi.clone(), kpi.assess(today, rules)));
        }
    }
    list
}

#[test]
fn twelve_partners_with_slug_ids_in_every_stage() {
    for today in DATES.map(day) {
        let (workspace, partners) = demo_portfolio(today);
        assert_eq!(partners.len(), 12);
        assert_eq!(workspace.demo_as_of, Some(today));
        assert_eq!(workspace.members.len(), 4);
        let ids: Vec<&str> = partners.iter().map(|(id, _)| id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "sorted by id");
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 12, "ids unique");
        let handles: HashSet<&str> = workspace
            .members
            .iter()
            .map(|m| m.handle.as_str())
            .collect();
        for (id, partner) in &partners {
            assert_eq!(*id, slugify(&partner.name));
            assert!(workspace.stage(&partner.stage).is_some(), "{id}");
            assert!(handles.contains(partner.owner.as_str()), "{id} owner");
            let people = partner
                .history
                .iter()
                .map(|c| &c.author)
                .chain(partner.checkins.iter().map(|c| &c.author))
                .chain(partner.reviews.iter().map(|r| &r.author))
                .chain(partner.milestones.iter().map(|m| &m.owner))
                .chain(partner.goals.iter().map(|g| &g.owner))
                .chain(partner.agreement.deliverables.iter().map(|d| &d.owner));
            for handle in people {
                assert!(handles.contains(handle.as_str()), "{id}: {handle}");
            }
            // Our actions are owned by a member, theirs by one of their contacts.
            for action in &partner.actions {
                match action.side {
                    Side::Ours => assert!(handles.contains(action.owner.as_str()), "{id}"),
                    _ => assert!(
                        partner
                            .contacts
                            .iter()
                            .any(|c| c.name == action.owner && c.side == action.side),
                        "{id}: {}",
                        action.owner
                    ),
                }
            }
        }
        let count = |stage: &str| partners.iter().filter(|(_, p)| p.stage == stage).count();
        for (stage, range) in [
            ("prospect", 2..=3),
            ("assessing", 2..=2),
            ("formalizing", 1..=2),
            ("active", 3..=4),
            ("expanding", 1..=1),
            ("paused", 1..=1),
            ("ended", 1..=1),
        ] {
            assert!(range.contains(&count(stage)), "{stage}");
        }
        let used: BTreeSet<&str> = partners.iter().map(|(_, p)| p.stage.as_str()).collect();
        assert_eq!(used.len(), workspace.stages.len(), "every stage used");
    }
}

#[test]
fn every_history_reads_exactly_as_it_happened() {
    let today = day(DATES[0]);
    let (_, partners) = demo_portfolio(today);
    for (id, partner) in &partners {
        let mut at = "prospect".to_string();
        for change in &partner.history {
            assert_eq!(
                change.from, at,
                "{id}: each move starts where the last ended"
            );
            assert_ne!(change.from, change.to, "{id}");
            at = change.to.clone();
        }
        assert_eq!(partner.stage, at, "{id}");
        if let Some(last) = partner.history.last() {
            assert_eq!(partner.stage_since, last.date, "{id}");
        }
    }
    let (_, oakridge) = partners
        .iter()
        .find(|(id, _)| id == "oakridge-training-collective")
        .unwrap();
    let moves: Vec<(&str, &str)> = oakridge
        .history
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(moves.last(), Some(&("active", "paused")));
    assert!(!oakridge.history.last().unwrap().reason.is_empty());
}

#[test]
fn every_record_has_an_id_and_every_link_resolves() {
    use crate::domain::integrity::{partner_id_problems, partner_reference_problems};
    for today in DATES.map(day) {
        let (workspace, partners) = demo_portfolio(today);
        for (id, partner) in &partners {
            let ids = partner.record_ids();
            assert!(ids.iter().all(|(_, _, id)| !id.is_empty()), "{id}");
            assert!(partner_id_problems(partner).is_empty(), "{id}");
            assert_eq!(partner_reference_problems(partner, &workspace), [], "{id}");
            for review in &partner.reviews {
                for outcome in &review.outcomes {
                    assert!(partner.goal(&outcome.goal).is_some(), "{id}");
                    assert!(outcome.goal_text.is_empty(), "{id}");
                }
                for closed in &review.closed_kpis {
                    let kpi = partner.kpis.iter().find(|k| &k.id == closed);
                    assert!(kpi.is_some_and(|k| k.closed.is_some()), "{id}: {closed}");
                }
            }
            for milestone in &partner.milestones {
                if let Some(deliverable) = &milestone.deliverable {
                    assert!(
                        partner
                            .agreement
                            .deliverables
                            .iter()
                            .any(|d| &d.id == deliverable),
                        "{id}: {deliverable}"
                    );
                }
            }
            for action in &partner.actions {
                assert!(
                    partner.origin_label(action).is_some(),
                    "{id}: {}",
                    action.text
                );
            }
        }
    }
}

#[test]
fn kpis_show_every_status_and_flag() {
    for today in DATES.map(day) {
        let list = assessments(today);
        let has =
            |test: &dyn Fn(&Kpi, &KpiAssessment) -> bool| list.iter().any(|(k, a)| test(k, a));
        assert!(has(&|_, a| a.status == KpiStatus::Green
            && !a.stale
            && !a.early_warning));
        assert!(has(&|_, a| a.status == KpiStatus::Amber));
        assert!(has(&|_, a| a.status == KpiStatus::Red));
        assert!(has(&|_, a| matches!(a.status, KpiStatus::TooEarly { .. })));
        assert!(has(&|_, a| a.status == KpiStatus::Closed(KpiOutcome::Met)));
        assert!(has(
            &|_, a| a.status == KpiStatus::Closed(KpiOutcome::Missed)
        ));
        assert!(
            has(&|_, a| a.stale && a.status == KpiStatus::Green),
            "a stale green"
        );
        assert!(
            has(&|_, a| a.stale && a.status == KpiStatus::Amber),
            "a stale amber"
        );
        assert!(has(&|_, a| a.early_warning && a.status == KpiStatus::Green));
        assert!(has(&|_, a| a.early_warning && a.status == KpiStatus::Amber));
        assert!(has(
            &|k, a| k.kind == KpiKind::Maintain && a.status.is_judged()
        ));
        assert!(has(
            &|k, a| k.direction == Direction::LowerIsBetter && a.status.is_judged()
        ));
        assert!(
            has(&|k, a| k.goal.is_some() && a.status == KpiStatus::Red),
            "a red KPI tied to a goal"
        );
        assert!(has(&|_, a| a.forecast.is_none() && !a.window.can_forecast()));
        for (kpi, assessment) in &list {
            assert!(kpi.readings.iter().all(|r| r.date <= today), "{}", kpi.name);
            // Every line says in numbers why it has its colour.
            assert!(
                assessment.explanation.chars().any(|c| c.is_ascii_digit()),
                "{}",
                assessment.explanation
            );
            // No forecast rests on fewer than 4 readings over 3 weeks.
            if assessment.forecast.is_some() {
                assert!(assessment.window.can_forecast(), "{}", kpi.name);
            }
        }
    }
}

#[test]
fn readings_are_noisy_not_straight_lines() {
    let list = assessments(day(DATES[0]));
    for (kpi, _) in list.iter().filter(|(k, _)| k.readings.len() >= 6) {
        let steps: Vec<f64> = kpi
            .readings
            .windows(2)
            .map(|pair| pair[1].value - pair[0].value)
            .collect();
        let first = steps[0];
        assert!(
            steps.iter().any(|step| (step - first).abs() > 1e-9),
            "{} rises in equal steps",
            kpi.name
        );
    }
}

/// The attention list of the demo on `today`.
fn attention(today: NaiveDate) -> Vec<crate::domain::attention::AttentionItem> {
    let (workspace, partners) = demo_portfolio(today);
    portfolio_attention(
        partners.iter().map(|(id, p)| (id.as_str(), p)),
        &workspace,
        today,
    )
}

#[test]
fn every_attention_kind_appears_and_none_repeats_a_word_pair() {
    for today in DATES.map(day) {
        let items = attention(today);
        let kinds: HashSet<AttentionKind> = items.iter().map(|item| item.kind).collect();
        for kind in AttentionKind::ALL {
            assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
        }
        for item in &items {
            assert_eq!(repeated_pair(&item.message()), None, "{}", item.message());
            let row = format!("{} {} {}", item.kind.label(), item.subject, item.why);
            assert_eq!(repeated_pair(&row), None, "{row}");
            assert!(item.kind.label().chars().count() <= 14, "{:?}", item.kind);
        }
        let (workspace, partners) = demo_portfolio(today);
        for entry in upcoming(
            partners.iter().map(|(id, p)| (id.as_str(), p)),
            &workspace,
            today,
            14,
        ) {
            assert_eq!(repeated_pair(&entry.text()), None, "{}", entry.text());
        }
        // Closed stages raise only their open actions past their date.
        for item in &items {
            let (_, partner) = partners.iter().find(|(id, _)| *id == item.partner).unwrap();
            if workspace.is_closed_stage(&partner.stage) {
                assert_eq!(
                    item.kind,
                    AttentionKind::ActionOverdue,
                    "{}",
                    item.message()
                );
            }
        }
        assert!(
            items
                .iter()
                .any(|i| i.partner == "oakridge-training-collective"),
            "the paused partner's overdue action is listed"
        );
    }
}

#[test]
fn health_follows_the_stage_role_and_always_shows_its_basis() {
    for today in DATES.map(day) {
        let (workspace, partners) = demo_portfolio(today);
        let mut scores = Vec::new();
        let mut capped = 0;
        for (id, partner) in &partners {
            let result = health(partner, &workspace, today);
            match workspace.stage_role(&partner.stage) {
                Some(StageRole::Closed) => {
                    assert_eq!(result.score, None, "{id}");
                    assert_eq!(result.band(), HealthBand::Closed, "{id}");
                    assert_eq!(
                        result.summary(),
                        workspace.stage_name(&partner.stage).to_lowercase()
                    );
                }
                Some(StageRole::Candidate) => assert_eq!(result.score, None, "{id}"),
                _ => {
                    let score = result
                        .score
                        .unwrap_or_else(|| panic!("{id}: {}", result.explain()));
                    assert!(result.basis > 0);
                    assert!(
                        result.explain().starts_with(&format!(
                            "health {score} from {} of 100 points",
                            result.basis
                        )),
                        "{id}: {}",
                        result.explain()
                    );
                    capped += usize::from(result.capped.is_some());
                    if result.capped.is_some() {
                        assert_eq!(result.score, Some(FAIR_CAP));
                    }
                    scores.push(score);
                }
            }
        }
        assert!(scores.iter().any(|score| *score < 50), "{scores:?}");
        assert!(scores.iter().any(|score| *score >= 70), "{scores:?}");
        assert!(
            capped >= 1,
            "a red KPI tied to a goal holds someone at fair"
        );
    }
}

#[test]
fn the_partners_tell_the_stories_the_rules_are_for() {
    let today = day(DATES[0]);
    let (workspace, partners) = demo_portfolio(today);
    let all = || partners.iter().map(|(_, p)| p);
    // An agreement amended from a trial into the full one.
    assert!(all().any(|p| {
        p.agreement
            .amendments
            .iter()
            .any(|a| a.note.contains("trial"))
    }));
    // An expired agreement, and an agreement review that is overdue.
    assert!(all().any(|p| p.agreement.expires.is_some_and(|d| d < today)));
    assert!(all().any(|p| p.agreement.next_review.is_some_and(|d| d < today)));
    // Joint work without a signed agreement.
    assert!(all().any(|p| {
        workspace.stage_role(&p.stage) == Some(StageRole::Operating) && p.agreement.signed.is_none()
    }));
    // A cancelled milestone, and one re-planned with its reason.
    let milestones: Vec<&Milestone> = all().flat_map(|p| &p.milestones).collect();
    assert!(
        milestones
            .iter()
            .any(|m| m.status == MilestoneStatus::Cancelled)
    );
    assert!(
        milestones
            .iter()
            .any(|m| m.status == MilestoneStatus::Blocked && !m.blocked_reason.is_empty())
    );
    assert!(
        milestones
            .iter()
            .any(|m| m.replans.iter().all(|r| !r.reason.is_empty()) && !m.replans.is_empty())
    );
    for milestone in &milestones {
        let done = milestone.status == MilestoneStatus::Done;
        assert_eq!(done, milestone.done.is_some(), "{}", milestone.title);
        // Re-plans chain from the first plan to the due date.
        if let Some(last) = milestone.replans.last() {
            assert_eq!(
                milestone.replans[0].from, milestone.planned_due,
                "{}",
                milestone.title
            );
            assert_eq!(last.to, milestone.due, "{}", milestone.title);
        }
    }
    // Actions owned by the partner's side.
    assert!(
        all()
            .flat_map(|p| &p.actions)
            .any(|a| a.side == Side::Theirs)
    );
    // Partners with different numbers of reviews and of feedback notes.
    let reviews: BTreeSet<usize> = all().map(|p| p.reviews.len()).collect();
    let notes: BTreeSet<usize> = all().map(|p| p.feedback.len()).collect();
    assert!(
        reviews.len() >= 3 && notes.len() >= 4,
        "{reviews:?} {notes:?}"
    );
    // A KPI closed at a review, listed by that review.
    assert!(all().any(|p| p.reviews.iter().any(|r| !r.closed_kpis.is_empty())));
    // Check-ins held at the charter's meeting tiers.
    assert!(
        all()
            .flat_map(|p| &p.checkins)
            .any(|c| c.tier == Some(Tier::Leadership))
    );
    // Goals that pass SMART and goals that do not.
    let goals: Vec<&Goal> = all().flat_map(|p| &p.goals).collect();
    assert!(goals.iter().any(|goal| check_goal(goal).passes()));
    assert!(goals.iter().any(|goal| !check_goal(goal).passes()));
    // A partial score that must rank after complete ones.
    let coverage: Vec<usize> = all().map(|p| p.scores.len()).collect();
    assert!(coverage.contains(&2) && coverage.contains(&8));
}
fn assert_shifted(a: &serde_json::Value, b: &serde_json::Value, shift: i64, path: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            match (
                NaiveDate::parse_from_str(x, "%Y-%m-%d"),
                NaiveDate::parse_from_str(y, "%Y-%m-%d"),
            ) {
                (Ok(x), Ok(y)) => assert_eq!(days_between(x, y), shift, "{path}"),
                _ => assert_eq!(x, y, "{path}"),
            }
        }
        (Value::Array(xs), Value::Array(ys)) => {
            assert_eq!(xs.len(), ys.len(), "{path}");
            for (index, (x, y)) in xs.iter().zip(ys).enumerate() {
                assert_shifted(x, y, shift, &format!("{path}[{index}]"));
            }
        }
        (Value::Object(xs), Value::Object(ys)) => {
            assert_eq!(xs.len(), ys.len(), "{path}");
            for (key, x) in xs {
                let y = ys.get(key).unwrap_or(&Value::Null);
                assert_shifted(x, y, shift, &format!("{path}.{key}"));
            }
        }
        _ => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn every_date_is_relative_to_today() {
    let [first, second] = DATES.map(day);
    let shift = days_between(first, second);
    let (workspace_a, partners_a) = demo_portfolio(first);
    let (workspace_b, partners_b) = demo_portfolio(second);
    assert_shifted(&json(&workspace_a), &json(&workspace_b), shift, "workspace");
    assert_eq!(partners_a.len(), partners_b.len());
    for ((id_a, a), (id_b, b)) in partners_a.iter().zip(&partners_b) {
        assert_eq!(id_a, id_b);
        assert_shifted(&json(a), &json(b), shift, id_a);
    }
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("demo records serialise")
}

#[test]
fn demo_records_round_trip_through_ron() {
    let (workspace, partners) = demo_portfolio(day(DATES[0]));
    let text = ron::to_string(&workspace).expect("workspace serialises");
    assert_eq!(ron::from_str::<Workspace>(&text).expect("loads"), workspace);
    for (id, partner) in &partners {
        let text = ron::to_string(partner).expect("partner serialises");
        assert_eq!(
            &ron::from_str::<Partner>(&text).expect("loads"),
            partner,
            "{id}"
        );
    }
}
