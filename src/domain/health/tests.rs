//! Health: each part, the basis, the cap and the stage roles, with numbers worked
//! out by hand; and the README's table of parts against the weights in the code.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::dates::add_days;
use crate::domain::kpi::{Kpi, Reading};
use crate::domain::partner::{CheckIn, ClauseStatus, Component, Feedback, Goal, Side};
use crate::domain::timeline::{Milestone, MilestoneStatus};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-28")
}

fn partner(stage: &str) -> Partner {
    Partner::new("Acme", "startup", "maya", stage, day("2026-06-01"))
}

/// Leads, 0 → 100 from 2026-09-01 to 2027-03-01 (181 days): on 2026-11-28, day 88,
/// 48.6% is expected. 60 is green, 35 amber (14 points behind), 5 red.
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

fn feedback(date: &str, side: Side, sentiment: u8) -> Feedback {
    Feedback {
        id: String::new(),
        date: day(date),
        who: "Sam".into(),
        side,
        sentiment,
        text: String::new(),
    }
}

fn milestone(title: &str, phase: &str, due: &str) -> Milestone {
    Milestone::new(title, phase, day(due))
}

fn health_of(partner: &Partner) -> Health {
    health(partner, &Workspace::new("T"), today())
}

#[test]
fn everything_on_track_is_100_from_all_100_points() {
    let mut p = partner("active");
    p.kpis.push(kpi(60.0));
    p.milestones
        .push(milestone("Pilot", "launch", "2026-12-05"));
    p.checkins.push(checkin("2026-11-25"));
    p.feedback.push(feedback("2026-11-01", Side::Theirs, 5));
    let health = health_of(&p);
    assert_eq!((health.score, health.basis), (Some(100), 100));
    assert_eq!(
        health.explain(),
        "health 100 from 100 of 100 points: KPIs 45/45, milestones 30/30, check-ins 10/10, feedback 15/15"
    );
    assert_eq!(health.summary(), "100 from 100 of 100 points");
}

#[test]
fn each_operating_part_loses_points_for_its_own_reason() {
    let mut p = partner("active");
    p.kpis.push(kpi(5.0)); // red: 44 points behind
    let mut late = milestone("Late", "launch", "2026-11-01");
    late.status = MilestoneStatus::InProgress;
    p.milestones.push(late); // overdue: 0
    p.milestones.push(milestone("Soon", "launch", "2026-12-01")); // on time: 1
    p.checkins.push(checkin("2026-10-15")); // due 10-29: 30 days late, over 14
    p.feedback.push(feedback("2026-11-01", Side::Theirs, 3)); // (3 − 1) / 4
    let health = health_of(&p);
    // 0 + 15 + 0 + 7.5 = 22.5 of 100.
    assert_eq!(health.score, Some(23));
    assert_eq!(
        health.explain(),
        "health 23 from 100 of 100 points: KPIs 0/45, milestones 15/30, check-ins 0/10, feedback 8/15"
    );
    assert_eq!(health.band(), HealthBand::Poor);
    assert_eq!(
        health.part(HealthPartKind::Milestones).unwrap().detail,
        "1 overdue, 1 on time"
    );
    assert_eq!(
        health.capped, None,
        "a red KPI tied to no goal caps nothing"
    );
}

#[test]
fn amber_is_worth_half_and_too_early_kpis_are_left_out() {
    let mut p = partner("active");
    p.kpis.push(kpi(60.0));
    p.kpis.push(kpi(35.0));
    let mut fresh = kpi(0.0);
    fresh.start = day("2026-11-20"); // day 8 of a 14-day grace period
    p.kpis.push(fresh);
    let part = health_of(&p).parts[0].clone();
    assert_eq!(part.points, Some(33.75)); // (1 + 0.5) / 2 × 45
    assert_eq!(part.detail, "1 green, 1 amber, 1 too early");
}

#[test]
fn the_basis_is_the_points_judged_and_the_score_is_over_them() {
    let mut p = partner("active");
    p.checkins.push(checkin("2026-11-20"));
    p.feedback.push(feedback("2026-11-20", Side::Theirs, 3));
    let health = health_of(&p);
    // 10 + 7.5 = 17.5 → 18 whole points shown (10 + 8); 18 / 25 = 72.
    assert_eq!((health.score, health.basis), (Some(72), 25));
    assert_eq!(
        health.explain(),
        "health 72 from 25 of 100 points: check-ins 10/10, feedback 8/15; \
         KPIs not judged (no open KPI), milestones not judged (no milestone under way)"
    );
}

#[test]
fn one_check_in_alone_never_reads_as_a_confident_100() {
    let mut p = partner("active");
    p.checkins.push(checkin("2026-11-25"));
    let health = health_of(&p);
    assert_eq!(health.summary(), "100 from 10 of 100 points");
    assert_eq!(health.badge(), "100 (10)");
}

#[test]
fn a_red_kpi_tied_to_a_shared_goal_holds_the_partner_at_fair() {
    let mut p = partner("active");
    p.goals.push(Goal {
        id: "gl-leads".into(),
        statement: "Get 100 leads".into(),
        ..Goal::default()
    });
    p.kpis.push(kpi(60.0));
    let mut red = kpi(5.0);
    red.goal = Some("gl-leads".into());
    p.kpis.push(red);
    p.milestones
        .push(milestone("Pilot", "launch", "2026-12-05"));
    p.checkins.push(checkin("2026-11-25"));
    p.feedback.push(feedback("2026-11-01", Side::Theirs, 5));
    // 22.5 + 30 + 10 + 15 = 77.5 → 78, held at 69.
    let health = health_of(&p);
    assert_eq!(health.score, Some(FAIR_CAP));
    assert_eq!(health.band(), HealthBand::Fair);
    assert!(
        health.explain().ends_with(
            "; held at fair: KPI Leads is red and measures the goal “Get 100 leads” (78 before)"
        ),
        "{}",
        health.explain()
    );
    // A link to a goal the partner does not have caps nothing.
    p.goals.clear();
    assert_eq!(health_of(&p).score, Some(78));
}

#[test]
fn check_in_cadence_costs_linearly_past_the_cadence() {
    let mut p = partner("active");
    p.charter.checkin_cadence_days = Some(10);
    p.checkins.push(checkin("2026-11-13")); // 15 days: 5 past a 10-day cadence
    let part = health_of(&p)
        .part(HealthPartKind::Checkins)
        .cloned()
        .unwrap();
    assert_eq!(part.points, Some(5.0));
    assert_eq!(
        part.detail,
        "last 15 days ago, 5 days past the 10-day cadence"
    );
}

#[test]
fn a_new_partner_is_not_started_until_its_first_check_in_is_due() {
    let mut p = partner("active");
    p.stage_since = day("2026-11-20");
    let fresh = health_of(&p);
    assert_eq!(fresh.score, None, "{}", fresh.explain());
    assert_eq!(fresh.summary(), "not started");
    p.stage_since = day("2026-11-07"); // first check-in due 11-21: 7 of 14 days late
    let late = health_of(&p);
    assert_eq!(
        (late.score, late.basis),
        (Some(50), 10),
        "{}",
        late.explain()
    );
}

#[test]
fn feedback_averages_each_side_with_recent_notes_weighing_more() {
    let mut p = partner("active");
    // Theirs: 5 thirty days ago (weight ½), 2 today (weight 1) → 3.0; ours: 4.
    p.feedback.push(feedback("2026-10-29", Side::Theirs, 5));
    p.feedback.push(feedback("2026-11-28", Side::Theirs, 2));
    p.feedback.push(feedback("2026-11-18", Side::Ours, 4));
    // A year-old 1 is left out.
    p.feedback.push(feedback("2025-11-28", Side::Theirs, 1));
    p.checkins.push(checkin("2026-11-25"));
    let health = health_of(&p);
    let part = health.part(HealthPartKind::Feedback).cloned().unwrap();
    // ((3 − 1) / 4 + (4 − 1) / 4) / 2 = 0.625 of 15 = 9.375.
    assert_eq!(part.points, Some(9.375));
    assert_eq!(part.detail, "ours 4.0, theirs 3.0 of 5");
    // With the check-ins' 10: 19.375 → 19 whole points shown (10 + 9); 19 / 25 = 76.
    assert_eq!(health.score, Some(76));
    assert!(
        health.explain().contains("check-ins 10/10, feedback 9/15"),
        "{}",
        health.explain()
    );
}

#[test]
fn slipped_milestones_cost_a_quarter_or_a_half() {
    let mut p = partner("active");
    let mut far = milestone("Far", "launch", "2026-11-20");
    far.move_due(15, day("2026-11-10"), "maya"); // due 12-05, 15 days later: 1 − ½
    let mut near = milestone("Near", "launch", "2026-11-21");
    near.move_due(7, day("2026-11-10"), "maya"); // due 11-28 (today), 7 days: 1 − ¼
    let mut done = milestone("Done", "launch", "2026-11-01");
    done.move_due(3, day("2026-10-20"), "maya");
    done.set_status(MilestoneStatus::Done, day("2026-11-04")); // on time, slipped
    let mut late = milestone("Late", "launch", "2026-11-01");
    late.set_status(MilestoneStatus::Done, day("2026-11-03")); // done late: ½
    let mut blocked = milestone("Stuck", "launch", "2026-12-01");
    blocked.status = MilestoneStatus::Blocked; // ¼
    let mut cancelled = milestone("Gone", "launch", "2026-10-01");
    cancelled.status = MilestoneStatus::Cancelled; // left out
    p.milestones = vec![far, near, done, late, blocked, cancelled];
    let part = health_of(&p)
        .part(HealthPartKind::Milestones)
        .cloned()
        .unwrap();
    // (0.5 + 0.75 + 0.75 + 0.5 + 0.25) / 5 = 0.55 of 30 = 16.5.
    assert!((part.points.unwrap() - 16.5).abs() < 1e-9);
    assert_eq!(
        part.detail,
        "3 on time, 1 done late, 1 blocked, 3 moved later than first planned"
    );
}

#[test]
fn formalizing_is_judged_on_the_agreement_and_its_milestones_only() {
    let mut p = partner("formalizing");
    use ClauseStatus::*;
    for (component, status) in Component::ALL.into_iter().zip([
        Agreed, Drafting, Agreed, NotStarted, Drafting, NotStarted, Agreed,
    ]) {
        p.agreement.clause_mut(component).status = status;
    }
    let mut trial = milestone("Trial agreement signed", "agreement", "2026-11-08");
    trial.set_status(MilestoneStatus::Done, day("2026-11-08"));
    let mut full = milestone("Full agreement signed", "agreement", "2026-11-14");
    full.status = MilestoneStatus::InProgress; // 14 days late
    let mut deliverable = milestone("Till integration spec", "launch", "2026-12-01");
    deliverable.deliverable = Some("dl-till".into()); // an agreement milestone too
    let launch = milestone("Stores live", "launch", "2026-12-01"); // not counted
    p.milestones = vec![trial, full, deliverable, launch];
    // Activity that counts while operating counts for nothing here.
    p.checkins.push(checkin("2026-11-25"));
    p.feedback.push(feedback("2026-11-20", Side::Theirs, 5));
    let health = health_of(&p);
    // Agreement (3 + 2 × ½) / 7 of 60 = 34.29; milestones (1 + 0 + 1) / 3 of 40 = 26.67.
    assert_eq!(health.score, Some(61));
    assert_eq!(
        health.explain(),
        "health 61 from 100 of 100 points: agreement 34/60, agreement milestones 27/40"
    );
    assert_eq!(
        health.part(HealthPartKind::Agreement).unwrap().detail,
        "3 agreed, 2 drafting, 2 not started of 7 components"
    );
}

#[test]
fn closed_stages_show_the_stage_and_candidates_are_not_judged() {
    let mut paused = partner("paused");
    paused.checkins.push(checkin("2026-11-25"));
    let health = health_of(&paused);
    assert_eq!(health.score, None);
    assert_eq!(health.band(), HealthBand::Closed);
    assert_eq!(health.summary(), "paused");
    assert_eq!(health.badge(), "paused");
    assert_eq!(
        health.explain(),
        "paused: a closed stage has no health score"
    );

    let mut prospect = partner("prospect");
    prospect
        .feedback
        .push(feedback("2026-11-20", Side::Theirs, 5));
    let health = health_of(&prospect);
    assert_eq!(
        (health.score, health.band()),
        (None, HealthBand::NotStarted)
    );
    assert_eq!(
        health.explain(),
        "health not judged while the partner is a candidate"
    );

    let limbo = health_of(&partner("limbo"));
    assert_eq!(limbo.score, None);
    assert!(limbo.explain().contains("“limbo” is not in the workspace"));
}

#[test]
fn bands() {
    assert_eq!(HealthBand::of(Some(70)), HealthBand::Good);
    assert_eq!(HealthBand::of(Some(69)), HealthBand::Fair);
    assert_eq!(HealthBand::of(Some(40)), HealthBand::Fair);
    assert_eq!(HealthBand::of(Some(39)), HealthBand::Poor);
}

#[test]
fn each_role_s_parts_add_up_to_100() {
    for role in [StageRole::Formalizing, StageRole::Operating] {
        let total: u32 = HealthPartKind::for_role(role)
            .iter()
            .map(|kind| kind.weight())
            .sum();
        assert_eq!(total, 100, "{role:?}");
    }
}

/// The README's table of health parts says what the code does: every row of the
/// table is a part of that role with those points, and every part has its row.
#[test]
fn the_readme_describes_the_weights_in_the_code() {
    let readme = include_str!("../../../README.md");
    let rows: Vec<(String, String, u32)> = readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // "| formalizing | agreement | 60 | how |" splits into six cells.
            let role = cells.get(1)?;
            if !matches!(*role, "formalizing" | "operating") {
                return None;
            }
            let points = cells.get(3)?.parse().ok()?;
            Some((role.to_string(), cells.get(2)?.to_string(), points))
        })
        .collect();
    let mut expected = Vec::new();
    for role in [StageRole::Formalizing, StageRole::Operating] {
        for kind in HealthPartKind::for_role(role) {
            expected.push((
                role.label().to_string(),
                kind.label().to_string(),
                kind.weight(),
            ));
        }
    }
    assert_eq!(rows, expected, "README health table");
    assert!(
        readme.contains(&format!("at most {FAIR_CAP}")),
        "the README states the cap"
    );
}

/// The whole points of the judged parts in an explanation: "KPIs 34/45" gives 34.
fn points_in(explanation: &str) -> Vec<u32> {
    let judged = explanation.split(';').next().unwrap_or_default();
    let parts = judged.split_once(": ").map_or("", |(_, parts)| parts);
    parts
        .split(", ")
        .filter_map(|part| part.rsplit_once(' ')?.1.split_once('/')?.0.parse().ok())
        .collect()
}

#[test]
fn the_parts_shown_add_up_to_the_score() {
    let mut p = partner("active");
    p.kpis.push(kpi(60.0));
    p.kpis.push(kpi(35.0));
    p.milestones
        .push(milestone("Pilot", "launch", "2026-12-05"));
    p.checkins.push(checkin("2026-11-25"));
    p.feedback.push(feedback("2026-11-20", Side::Theirs, 3));
    let health = health_of(&p);
    // 33.75 + 30 + 10 + 7.5 = 81.25 → 81. Each rounded alone, 34 + 30 + 10 + 8 = 82;
    // the KPIs lose the least by rounding up (.75 against .5), so they get the point.
    assert_eq!(health.score, Some(81));
    assert_eq!(
        health.explain(),
        "health 81 from 100 of 100 points: KPIs 34/45, milestones 30/30, check-ins 10/10, feedback 7/15"
    );
    assert_eq!(points_in(&health.explain()), [34, 30, 10, 7]);
}

#[test]
fn whole_points_round_by_largest_remainder() {
    // The demo's Fernhill and Harbourline on 2026-11-28: each part rounded alone
    // showed 34 + 18 + 10 + 12 = 74 for 73, and 22 + 0 + 10 + 7 = 39 for 40.
    assert_eq!(
        whole_points(&[Some(33.75), Some(17.5), Some(10.0), Some(11.634)]),
        [Some(34), Some(17), Some(10), Some(12)]
    );
    assert_eq!(
        whole_points(&[Some(22.5), Some(0.0), Some(10.0), Some(7.084)]),
        [Some(23), Some(0), Some(10), Some(7)]
    );
    // A tie goes to the part shown first; parts not judged stay out.
    assert_eq!(
        whole_points(&[Some(7.5), None, Some(7.5)]),
        [Some(8), None, Some(7)]
    );
    assert_eq!(whole_points(&[None, None]), [None, None]);
    assert_eq!(
        whole_points(&[Some(45.0), Some(30.0)]),
        [Some(45), Some(30)]
    );
    // Points a little under a whole number (arithmetic's dust) still show it.
    assert_eq!(
        whole_points(&[Some(17.999_999_999), Some(12.000_000_001)]),
        [Some(18), Some(12)]
    );
}

#[test]
fn every_demo_partner_s_parts_add_up_to_its_score() {
    for today in ["2026-11-28", "2027-03-01", "2027-06-15"].map(day) {
        let (workspace, partners) = crate::demo::demo_portfolio(today);
        for (id, partner) in &partners {
            let health = health(partner, &workspace, today);
            let (Some(score), None) = (health.score, &health.capped) else {
                continue;
            };
            let shown: u32 = points_in(&health.explain()).iter().sum();
            let expected = (f64::from(shown) * 100.0 / f64::from(health.basis)).round();
            assert_eq!(f64::from(score), expected, "{id}: {}", health.explain());
        }
    }
}

/// A partner in a stage under way, with whatever mix of KPIs, milestones,
/// check-ins, feedback and agreement a real one may have, dated around `today()`.
fn any_partner() -> impl Strategy<Value = Partner> {
    let kpis = proptest::collection::vec(
        (
            -300i64..0,
            30i64..400,
            proptest::option::of((-60i64..=0, -30.0f64..140.0)),
            any::<bool>(),
        ),
        0..5,
    );
    let milestones = proptest::collection::vec(
        (
            0usize..5,
            -120i64..120,
            0i64..30,
            any::<bool>(),
            any::<bool>(),
        ),
        0..7,
    );
    let checkins = proptest::collection::vec(-60i64..=0, 0..3);
    let feedback = proptest::collection::vec((0usize..3, 1u8..=5, -120i64..=0), 0..6);
    let clauses = proptest::collection::vec(0usize..4, 7);
    (
        prop_oneof![Just("formalizing"), Just("active"), Just("expanding")],
        kpis,
        milestones,
        checkins,
        feedback,
        clauses,
        proptest::option::of(7u32..30),
        -200i64..-1,
    )
        .prop_map(
            |(stage, kpis, milestones, checkins, notes, clauses, cadence, since)| {
                let on = |days: i64| add_days(today(), days);
                let mut p = partner(stage);
                p.stage_since = on(since);
                p.charter.checkin_cadence_days = cadence;
                p.goals.push(Goal {
                    id: "gl-1".into(),
                    statement: "Grow".into(),
                    ..Goal::default()
                });
                for (at, (start, span, reading, tied)) in kpis.into_iter().enumerate() {
                    let mut kpi = Kpi::new(
                        format!("KPI {at}"),
                        (0.0, 100.0),
                        (on(start), on(start + span)),
                    );
                    kpi.readings = reading
                        .map(|(when, value)| Reading::new(on(when), value))
                        .into_iter()
                        .collect();
                    kpi.goal = tied.then(|| "gl-1".to_string());
                    p.kpis.push(kpi);
                }
                for (at, (status, due, slip, agreement, linked)) in
                    milestones.into_iter().enumerate()
                {
                    let phase = if agreement { "agreement" } else { "launch" };
                    let mut m = milestone(
                        &format!("M{at}"),
                        phase,
                        on(due - slip).to_string().as_str(),
                    );
                    m.move_due(slip, on(-1), "maya");
                    m.set_status(MilestoneStatus::ALL[status], on(due.min(0)));
                    if linked {
                        m.deliverable = Some("dl-1".into());
                    }
                    p.milestones.push(m);
                }
                for when in checkins {
                    p.checkins.push(CheckIn::new(on(when), "maya"));
                }
                for (side, sentiment, when) in notes {
                    p.feedback.push(Feedback {
                        id: String::new(),
                        date: on(when),
                        who: "Sam".into(),
                        side: Side::ALL[side],
                        sentiment,
                        text: String::new(),
                    });
                }
                for (component, status) in Component::ALL.into_iter().zip(clauses) {
                    p.agreement.clause_mut(component).status = ClauseStatus::ALL[status];
                }
                p
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the partner, the whole points shown for its parts are each within a
    /// point of the exact ones and never over the part's weight, and they add up to
    /// the score: exactly on all 100 points, as their share of the basis on fewer,
    /// and to the score before the cap when it was held at fair.
    #[test]
    fn the_parts_shown_always_add_up_to_the_score(p in any_partner()) {
        let health = health_of(&p);
        let mut total = 0;
        for part in &health.parts {
            prop_assert_eq!(part.points.is_some(), part.shown.is_some());
            if let (Some(points), Some(shown)) = (part.points, part.shown) {
                prop_assert!((f64::from(shown) - points).abs() < 1.0, "{:?}", part);
                prop_assert!(shown <= part.kind.weight(), "{:?}", part);
                total += shown;
            }
        }
        let explanation = health.explain();
        prop_assert_eq!(points_in(&explanation).iter().sum::<u32>(), total, "{}", explanation);
        let Some(score) = health.score else {
            prop_assert_eq!(health.basis, 0);
            return Ok(());
        };
        let worked_out = (f64::from(total) * 100.0 / f64::from(health.basis)).round() as u8;
        match &health.capped {
            None => prop_assert_eq!(score, worked_out, "{}", explanation),
            Some(why) => {
                prop_assert_eq!(score, FAIR_CAP);
                let before = format!("({worked_out} before)");
                prop_assert!(why.ends_with(&before), "{}", explanation);
            }
        }
        if health.basis == 100 && health.capped.is_none() {
            prop_assert_eq!(u32::from(score), total, "{}", explanation);
        }
    }
}
