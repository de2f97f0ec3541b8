//! Attention rules at their edges, with dates worked out by hand (today is
//! 2026-11-28), and the wording rule: no item says a word pair twice.

use chrono::NaiveDate;

use super::rules::run_since;
use super::*;
use crate::domain::kpi::{Kpi, Reading};
use crate::domain::partner::{
    ActionItem, CheckIn, ClauseStatus, Deliverable, Feedback, MeetingTier, Review, Side,
    StageChange, Tier,
};
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::domain::workspace::StageRole;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-28")
}

fn workspace() -> Workspace {
    Workspace::new("T")
}

/// An operating partner with nothing to flag: a check-in three days ago, a
/// review a month ago, a signed agreement.
fn partner(name: &str, stage: &str) -> Partner {
    let mut partner = Partner::new(name, "startup", "maya", stage, day("2026-06-01"));
    partner
        .checkins
        .push(CheckIn::new(day("2026-11-25"), "maya"));
    partner.reviews.push(Review::new(day("2026-10-28"), "maya"));
    partner.agreement.signed = Some(day("2026-05-20"));
    partner
}

fn kpi(name: &str, readings: &[(&str, f64)]) -> Kpi {
    Kpi {
        perspective: "financial".into(),
        unit: "k€".into(),
        readings: readings
            .iter()
            .map(|(date, value)| Reading::new(day(date), *value))
            .collect(),
        ..Kpi::new(name, (0.0, 100.0), (day("2026-09-01"), day("2027-03-01")))
    }
}

fn kinds(items: &[AttentionItem]) -> Vec<&'static str> {
    items.iter().map(|item| item.kind.as_str()).collect()
}

fn items(p: &Partner) -> Vec<AttentionItem> {
    let mut items = partner_attention("acme", p, &workspace(), today());
    sort_by_urgency(&mut items);
    items
}

fn find(items: &[AttentionItem], kind: AttentionKind) -> &AttentionItem {
    items
        .iter()
        .find(|item| item.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {items:#?}"))
}

#[test]
fn a_healthy_partner_needs_nothing() {
    assert!(items(&partner("Acme", "active")).is_empty());
}

#[test]
fn kpi_items_one_per_kpi_with_the_worst_it_shows() {
    let mut p = partner("Acme", "active");
    // Day 88 of 181: 49% expected. Revenue at 5 is red; Donations red and stale;
    // Leads green but 24 days old (stale, 10 days late); Signups green but
    // flattening (an early warning due at its target date) and stale too.
    p.kpis.push(kpi("Revenue", &[("2026-11-20", 5.0)]));
    p.kpis.push(kpi("Leads", &[("2026-11-04", 40.0)]));
    p.kpis.push(kpi(
        "Signups",
        &[
            ("2026-10-07", 40.0),
            ("2026-10-14", 44.0),
            ("2026-10-21", 46.0),
            ("2026-11-04", 47.0),
        ],
    ));
    p.kpis.push(kpi("Donations", &[("2026-10-01", 1.0)]));
    let list = items(&p);
    assert_eq!(
        kinds(&list),
        ["red_kpi", "red_kpi", "stale_kpi", "early_warning"]
    );
    let red = &list[0];
    assert_eq!(red.what, "KPI Donations is red");
    assert_eq!(
        red.why,
        "48 points behind plan (1% of the way, 49% expected by today) → red \
         · 58 days without a reading, one expected every 14"
    );
    let stale = find(&list, AttentionKind::StaleKpi);
    assert_eq!(stale.what, "KPI Leads is stale");
    assert_eq!(stale.due, Some(day("2026-11-18")));
    assert_eq!(stale.timing(today()), "10 days late");
    let warning = find(&list, AttentionKind::EarlyWarning);
    assert!(warning.why.ends_with("→ early warning"), "{}", warning.why);
}

#[test]
fn a_kpi_too_early_or_closed_raises_nothing_red() {
    let mut p = partner("Acme", "active");
    let mut fresh = kpi("New", &[("2026-11-27", 0.0)]);
    fresh.start = day("2026-11-20");
    p.kpis.push(fresh);
    let mut closed = kpi("Old", &[("2026-09-10", 1.0)]);
    closed.closed = Some(crate::domain::kpi::KpiClosed {
        date: day("2026-10-01"),
        outcome: crate::domain::kpi::KpiOutcome::Dropped,
        note: String::new(),
    });
    p.kpis.push(closed);
    assert!(items(&p).is_empty(), "{:#?}", items(&p));
}

#[test]
fn milestones_actions_and_check_ins_past_their_date() {
    let mut p = partner("Acme", "active");
    p.checkins.clear();
    p.stage_since = day("2026-11-01");
    let mut milestone = Milestone::new("Pilot", "launch", day("2026-11-10"));
    milestone.move_due(10, day("2026-11-05"), "maya");
    milestone.status = MilestoneStatus::Blocked;
    p.milestones.push(milestone);
    p.actions.push(ActionItem {
        id: "ac-1".into(),
        text: "Send the deck".into(),
        owner: "Dot Henshaw".into(),
        side: Side::Theirs,
        due: Some(day("2026-11-20")),
        ..ActionItem::default()
    });
    let list = items(&p);
    assert_eq!(
        kinds(&list),
        ["checkin_overdue", "overdue_milestone", "action_overdue"]
    );
    let milestone = find(&list, AttentionKind::OverdueMilestone);
    assert_eq!(
        milestone.why,
        "due 2026-11-20, still blocked, moved +10 days; first planned for 2026-11-10"
    );
    assert_eq!(milestone.timing(today()), "8 days late");
    let checkin = find(&list, AttentionKind::CheckinOverdue);
    assert_eq!(
        checkin.why,
        "none since it entered Active on 2026-11-01; one expected every 14 days"
    );
    let action = find(&list, AttentionKind::ActionOverdue);
    assert_eq!(action.why, "due 2026-11-20, Dot Henshaw (their side)");
}

#[test]
fn a_deliverable_is_overdue_from_the_day_after_it_was_due_until_agreed() {
    let mut p = partner("Acme", "formalizing");
    p.agreement.deliverables.push(Deliverable {
        title: "Impact summary".into(),
        owner: "maya".into(),
        due: Some(today()),
        status: ClauseStatus::Drafting,
        ..Deliverable::default()
    });
    assert!(items(&p).is_empty(), "due today is not overdue");
    p.agreement.deliverables[0].due = Some(day("2026-11-27"));
    let list = items(&p);
    assert_eq!(kinds(&list), ["deliverable_overdue"]);
    assert_eq!(
        list[0].message(),
        "Deliverable “Impact summary” is overdue: due 2026-11-27, still drafting, maya"
    );
    p.agreement.deliverables[0].status = ClauseStatus::Agreed;
    assert!(items(&p).is_empty(), "an agreed deliverable is delivered");
}

#[test]
fn a_partnership_review_is_flagged_fourteen_days_ahead_by_the_review_cadence() {
    let mut p = partner("Acme", "active");
    // Last review 2026-09-14: next due 2026-12-13, 15 days ahead → quiet.
    p.reviews[0].date = day("2026-09-14");
    assert!(items(&p).is_empty());
    // 2026-09-13: due 2026-12-12, 14 days ahead → flagged.
    p.reviews[0].date = day("2026-09-13");
    let list = items(&p);
    assert_eq!(kinds(&list), ["review_due"]);
    assert_eq!(
        list[0].message(),
        "Partnership review due: last review 2026-09-13; one every 90 days"
    );
    assert_eq!(list[0].timing(today()), "in 14 days");
    // No review at all: due 90 days after joint work began (entering Active).
    p.reviews.clear();
    p.history.push(StageChange {
        date: day("2026-06-01"),
        author: "maya".into(),
        from: "formalizing".into(),
        to: "active".into(),
        reason: String::new(),
    });
    let list = items(&p);
    assert_eq!(
        list[0].message(),
        "Partnership review overdue: none since joint work began on 2026-06-01; one every 90 days"
    );
    assert_eq!(list[0].due, Some(day("2026-08-30")));
    // Formalizing partners have no partnership reviews yet.
    p.stage = "formalizing".into();
    assert!(kinds(&items(&p)).iter().all(|kind| *kind != "review_due"));
}

#[test]
fn a_charter_meeting_is_overdue_the_day_after_its_cadence_passed() {
    let mut p = partner("Acme", "active");
    p.charter.meetings.push(MeetingTier {
        tier: Tier::Leadership,
        cadence_days: 30,
        ..MeetingTier::default()
    });
    let mut leadership = CheckIn::new(day("2026-10-29"), "maya");
    leadership.tier = Some(Tier::Leadership);
    p.checkins.push(leadership);
    // Held 2026-10-29: due 2026-11-28, today → not yet overdue.
    assert!(items(&p).is_empty());
    p.checkins[1].date = day("2026-10-28");
    let list = items(&p);
    assert_eq!(kinds(&list), ["meeting_overdue"]);
    assert_eq!(
        list[0].message(),
        "Leadership meeting overdue: last held 2026-10-28; the charter sets one every 30 days"
    );
    // A check-in of another tier does not count.
    p.checkins[1].tier = Some(Tier::Operational);
    let list = items(&p);
    assert_eq!(
        list[0].why,
        "none held since 2026-06-01; the charter sets one every 30 days"
    );
}

#[test]
fn joint_work_without_a_signed_agreement_is_flagged() {
    let mut p = partner("Acme", "active");
    p.agreement.signed = None;
    let list = items(&p);
    assert_eq!(kinds(&list), ["no_agreement"]);
    assert_eq!(
        list[0].message(),
        "No signed agreement: joint work under way since 2026-06-01, 180 days"
    );
    // Signed in the future is not signed yet.
    p.agreement.signed = Some(day("2026-12-01"));
    assert_eq!(kinds(&items(&p)), ["no_agreement"]);
    // While formalizing, that is what the stage is for.
    p.stage = "formalizing".into();
    assert!(items(&p).is_empty());
}

#[test]
fn a_drop_in_the_partner_side_s_sentiment_is_flagged() {
    let mut p = partner("Acme", "active");
    let note = |date: &str, side, sentiment| Feedback {
        id: String::new(),
        date: day(date),
        who: "Ruth Okonkwo".into(),
        side,
        sentiment,
        text: String::new(),
    };
    p.feedback = vec![
        note("2026-09-29", Side::Theirs, 4),
        note("2026-10-29", Side::Theirs, 4),
        note("2026-11-28", Side::Theirs, 2),
        note("2026-11-20", Side::Ours, 1),
    ];
    let list = items(&p);
    assert_eq!(kinds(&list), ["sentiment_drop"]);
    assert_eq!(
        list[0].message(),
        "Partner sentiment dropped: their side's average fell from 4.0 to 2.9 of 5 \
         with Ruth Okonkwo's 2 on 2026-11-28"
    );
    // A 3 is not a drop of a point.
    p.feedback[2].sentiment = 3;
    assert!(items(&p).is_empty());
}

#[test]
fn paused_partners_keep_their_overdue_actions_and_nothing_else() {
    let mut paused = partner("Acme", "paused");
    paused.agreement.signed = None;
    paused
        .milestones
        .push(Milestone::new("Late", "launch", day("2026-01-01")));
    paused.actions.push(ActionItem {
        text: "Return the loan laptops".into(),
        owner: "maya".into(),
        due: Some(day("2026-11-01")),
        ..ActionItem::default()
    });
    paused.actions.push(ActionItem {
        text: "Done already".into(),
        due: Some(day("2026-11-01")),
        done: Some(day("2026-11-02")),
        ..ActionItem::default()
    });
    let list = items(&paused);
    assert_eq!(kinds(&list), ["action_overdue"]);
    let mut prospect = partner("Beta", "prospect");
    prospect.checkins.clear();
    prospect.agreement.signed = None;
    assert!(items(&prospect).is_empty());
}

#[test]
fn reviews_and_renewals_outside_their_notice_are_quiet() {
    let mut p = partner("Acme", "active");
    p.agreement.next_review = Some(day("2026-12-29"));
    p.agreement.expires = Some(day("2027-01-28"));
    assert!(items(&p).is_empty());
    p.agreement.expires = Some(day("2026-11-01"));
    p.agreement.next_review = Some(day("2026-11-15"));
    let list = items(&p);
    assert_eq!(kinds(&list), ["renewal", "agreement_review"]);
    assert_eq!(list[0].why, "the agreement expired on 2026-11-01");
    assert_eq!(
        list[1].why,
        "the agreement was due its review on 2026-11-15"
    );
}

#[test]
fn the_agreement_s_notice_periods_override_the_workspace_s() {
    let mut p = partner("Acme", "active");
    // 31 days ahead: outside the workspace's 30 days, inside the agreement's 45.
    p.agreement.next_review = Some(day("2026-12-29"));
    assert!(items(&p).is_empty());
    p.agreement.review_notice_days = Some(45);
    let list = items(&p);
    assert_eq!(kinds(&list), ["agreement_review"]);
    assert_eq!(list[0].why, "next review 2026-12-29; flagged 45 days ahead");
    // Renewal: 22 days ahead is inside the workspace's 60 and outside a workspace
    // that says 10, unless the agreement says 30.
    let mut shorter = workspace();
    shorter.renewal_notice_days = 10;
    p.agreement.next_review = None;
    p.agreement.expires = Some(day("2026-12-20"));
    assert!(partner_attention("acme", &p, &shorter, today()).is_empty());
    p.agreement.renewal_notice_days = Some(30);
    let list = partner_attention("acme", &p, &shorter, today());
    assert_eq!(
        list[0].why,
        "the agreement expires 2026-12-20; flagged 30 days ahead"
    );
}

#[test]
fn the_run_under_way_starts_where_the_partner_entered_it() {
    let mut p = partner("Acme", "expanding");
    let change = |date: &str, from: &str, to: &str| StageChange {
        date: day(date),
        author: "maya".into(),
        from: from.into(),
        to: to.into(),
        reason: String::new(),
    };
    p.history = vec![
        change("2026-01-10", "prospect", "formalizing"),
        change("2026-03-01", "formalizing", "active"),
        change("2026-05-01", "active", "paused"),
        change("2026-07-01", "paused", "active"),
        change("2026-10-01", "active", "expanding"),
    ];
    p.stage_since = day("2026-10-01");
    let w = workspace();
    assert_eq!(
        run_since(&p, &w, &[StageRole::Operating]),
        day("2026-07-01")
    );
    assert_eq!(
        run_since(&p, &w, &[StageRole::Formalizing, StageRole::Operating]),
        day("2026-07-01")
    );
    p.history.truncate(2);
    p.stage = "active".into();
    p.stage_since = day("2026-03-01");
    assert_eq!(
        run_since(&p, &w, &[StageRole::Formalizing, StageRole::Operating]),
        day("2026-01-10")
    );
    p.history.clear();
    assert_eq!(
        run_since(&p, &w, &[StageRole::Operating]),
        day("2026-03-01")
    );
}

#[test]
fn more_late_is_more_urgent_and_ties_go_by_name() {
    let mut a = partner("Zeta", "active");
    a.milestones
        .push(Milestone::new("A", "launch", day("2026-11-20")));
    let mut b = partner("Alpha", "active");
    b.milestones
        .push(Milestone::new("B", "launch", day("2026-11-10")));
    let mut c = partner("Beta", "active");
    c.milestones
        .push(Milestone::new("C", "launch", day("2026-11-20")));
    let items = portfolio_attention(
        [("zeta", &a), ("alpha", &b), ("beta", &c)],
        &workspace(),
        today(),
    );
    let order: Vec<_> = items.iter().map(|i| i.partner.as_str()).collect();
    assert_eq!(order, ["alpha", "beta", "zeta"]);
}

#[test]
fn word_pairs_ignore_case_and_punctuation() {
    assert_eq!(
        repeated_pair("check-in (every 14 days) (Every 14 days)"),
        Some(("every".into(), "14".into()))
    );
    assert_eq!(repeated_pair("KPI Leads is red: 20 points → red"), None);
}

#[test]
fn upcoming_lists_the_next_days_in_date_order_without_repeating_the_kind() {
    let mut p = partner("Acme", "active");
    p.milestones
        .push(Milestone::new("Pilot", "launch", day("2026-12-05")));
    p.milestones
        .push(Milestone::new("Too far", "launch", day("2026-12-20")));
    p.milestones
        .push(Milestone::new("Late", "launch", day("2026-11-20")));
    p.agreement.next_review = Some(day("2026-12-01"));
    let list = upcoming([("acme", &p)], &workspace(), today(), 14);
    let what: Vec<_> = list
        .iter()
        .map(|u| (u.date.to_string(), u.kind.label(), u.what.as_str()))
        .collect();
    assert_eq!(
        what,
        [
            ("2026-12-01".to_string(), "review", "of the agreement"),
            ("2026-12-05".to_string(), "milestone", "Pilot"),
            ("2026-12-09".to_string(), "check-in", "every 14 days"),
        ]
    );
}

#[test]
fn a_meeting_as_frequent_as_check_ins_is_covered_by_the_overdue_check_in() {
    let mut p = partner("Acme", "active");
    p.checkins[0].date = day("2026-11-04");
    p.checkins[0].tier = Some(Tier::Operational);
    for (tier, cadence_days) in [(Tier::Operational, 14), (Tier::Leadership, 90)] {
        p.charter.meetings.push(MeetingTier {
            tier,
            cadence_days,
            ..MeetingTier::default()
        });
    }
    let list = items(&p);
    // The operational meeting is the check-in that is late: said once. The
    // leadership meeting is a meeting of its own.
    assert_eq!(kinds(&list), ["meeting_overdue", "checkin_overdue"]);
    assert_eq!(list[0].subject, "leadership meeting");
}

#[test]
fn an_overdue_milestone_says_why_it_was_last_moved() {
    let mut p = partner("Acme", "active");
    let mut milestone = Milestone::new("Pilot", "launch", day("2026-11-10"));
    milestone.replan(
        day("2026-11-20"),
        day("2026-11-05"),
        "maya",
        "Vendor delivered late",
    );
    p.milestones.push(milestone);
    assert_eq!(
        items(&p)[0].why,
        "due 2026-11-20, still planned, moved +10 days; first planned for 2026-11-10 (Vendor delivered late)"
    );
}
