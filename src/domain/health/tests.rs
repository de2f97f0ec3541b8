//! Health: each part, the basis, the cap and the stage roles, with numbers worked
//! out by hand; and the README's table of parts against the weights in the code.

use chrono::NaiveDate;

use super::*;
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
    // (10 + 7.5) / 25 = 70.
    assert_eq!((health.score, health.basis), (Some(70), 25));
    assert_eq!(
        health.explain(),
        "health 70 from 25 of 100 points: check-ins 10/10, feedback 8/15; \
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
    // With the check-ins' 10: 19.375 of 25 → 77.5 → 78.
    assert_eq!(health.score, Some(78));
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
