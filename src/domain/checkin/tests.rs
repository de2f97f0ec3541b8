use chrono::NaiveDate;

use super::*;
use crate::domain::activity::{ActionItem, CheckIn};
use crate::domain::ids::RecordKind;
use crate::domain::kpi::{Kpi, KpiClosed, KpiOutcome, Reading, assess_all};
use crate::domain::partner::{MeetingTier, Partner, Side, Tier};
use crate::domain::portfolio::summarize_partner;
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::domain::workspace::Workspace;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-28";

fn today() -> NaiveDate {
    day(TODAY)
}

/// An active partner, there since the start of the year, last checked in on `last`.
fn active(name: &str, last: Option<&str>) -> Partner {
    let mut partner = Partner::new(name, "", "maya", "active", day("2026-01-01"));
    if let Some(last) = last {
        partner.checkins.push(CheckIn::new(day(last), "maya"));
    }
    partner
}

fn kpi(id: &str, start: &str, readings: &[(&str, f64)]) -> Kpi {
    Kpi {
        id: id.into(),
        readings: readings
            .iter()
            .enumerate()
            .map(|(n, (date, value))| Reading {
                id: format!("rd-{id}{n}"),
                ..Reading::new(day(date), *value)
            })
            .collect(),
        ..Kpi::new(id, (0.0, 100.0), (day(start), day("2026-12-31")))
    }
}

/// Ids "rd-1", "ac-2"… in the order asked for.
fn counter() -> impl FnMut(&Partner, RecordKind) -> String {
    let mut issued = 0;
    move |_: &Partner, kind: RecordKind| {
        issued += 1;
        format!("{}-{issued}", kind.prefix())
    }
}

#[test]
fn the_walk_takes_check_in_stages_only_the_most_overdue_then_red_then_least_healthy() {
    let workspace = Workspace::new("T");
    // Cadence 14 days. Overdue by 16 days (last 2026-10-29, due 11-12) and by 6
    // (last 11-08, due 11-22).
    let long_overdue = active("Aster", Some("2026-10-29"));
    let overdue = active("Birch", Some("2026-11-08"));
    // On time, with a KPI at 0 of 100 when 91% of the way is expected: red.
    let mut red = active("Zinc", Some("2026-11-26"));
    red.kpis
        .push(kpi("kp-sales", "2026-01-01", &[("2026-11-25", 0.0)]));
    // On time, a milestone 8 days late: milestones 0/30 + check-ins 10/10 → 25.
    let mut poor = active("Yew", Some("2026-11-26"));
    poor.milestones
        .push(Milestone::new("Late", "launch", day("2026-11-20")));
    // On time, nothing else judged: 100 from 10 points.
    let good = active("Elm", Some("2026-11-26"));
    let prospect = Partner::new("Oak", "", "maya", "prospect", day("2026-01-01"));
    let paused = Partner::new("Pine", "", "maya", "paused", day("2026-01-01"));
    let partners = [
        ("aster", &long_overdue),
        ("birch", &overdue),
        ("zinc", &red),
        ("yew", &poor),
        ("elm", &good),
        ("oak", &prospect),
        ("pine", &paused),
    ];
    let figures: Vec<_> = partners
        .iter()
        .map(|(id, p)| summarize_partner(id, p, &workspace, today()))
        .collect();
    assert_eq!(figures[3].health.score, Some(25));
    assert_eq!(figures[4].health.score, Some(100));
    assert_eq!(figures[2].kpis.red, 1);
    let rows: Vec<_> = partners
        .iter()
        .zip(&figures)
        .map(|((id, p), f)| (*id, *p, f))
        .collect();
    assert_eq!(
        walk_order(&rows, &workspace, today()),
        ["aster", "birch", "zinc", "yew", "elm"]
    );
}

#[test]
fn a_partner_without_a_score_comes_after_those_with_one() {
    // A stage with check-ins but a role that judges nothing: no health score.
    let mut workspace = Workspace::new("T");
    let prospect = workspace.stages.iter_mut().find(|s| s.id == "prospect");
    prospect.expect("a prospect stage").checkin = true;
    let candidate = Partner::new("Aardvark", "", "maya", "prospect", today());
    let judged = active("Zebra", Some("2026-11-26"));
    let a = summarize_partner("a", &candidate, &workspace, today());
    let z = summarize_partner("z", &judged, &workspace, today());
    assert_eq!(a.health.score, None);
    let order = walk_order(
        &[("a", &candidate, &a), ("z", &judged, &z)],
        &workspace,
        today(),
    );
    assert_eq!(order, ["z", "a"]);
}

#[test]
fn kpis_are_due_without_a_reading_since_the_last_check_in_or_when_stale() {
    let workspace = Workspace::new("T");
    let mut partner = active("Acme", Some("2026-11-26"));
    partner.kpis = vec![
        // Read 8 days ago, before the check-in of the 26th: due.
        kpi("before", "2026-01-01", &[("2026-11-20", 10.0)]),
        // Read after the check-in: not due.
        kpi("after", "2026-01-01", &[("2026-11-27", 10.0)]),
        // Read on the day of the check-in (at it): not due.
        kpi("at", "2026-01-01", &[("2026-11-26", 10.0)]),
        // Started 8 days ago, never read: due, not yet stale.
        kpi("new", "2026-11-20", &[]),
        // Read 58 days ago: stale (cadence 14).
        kpi("stale", "2026-01-01", &[("2026-10-01", 10.0)]),
        // Starts later: not due.
        kpi("later", "2026-12-10", &[]),
        // Closed: history, not due.
        Kpi {
            closed: Some(KpiClosed {
                date: day("2026-11-01"),
                outcome: KpiOutcome::Met,
                note: String::new(),
            }),
            ..kpi("closed", "2026-01-01", &[("2026-09-01", 100.0)])
        },
    ];
    let assessments = assess_all(&partner, &workspace, today());
    let due = kpis_due(&partner, &assessments, today());
    assert_eq!(
        due,
        [
            DueKpi {
                index: 0,
                reason: DueReason::NoneSince(day("2026-11-26"))
            },
            DueKpi {
                index: 3,
                reason: DueReason::NoReading
            },
            DueKpi {
                index: 4,
                reason: DueReason::Stale(58)
            },
        ]
    );
    assert_eq!(due[2].reason.words(), "stale: 58 days without a reading");
    assert_eq!(
        due[0].reason.words(),
        "none since the check-in of 2026-11-26"
    );

    // A check-in held today already (minutes ago, say) does not make the KPIs
    // read before it due again: they are counted from the one before.
    partner
        .checkins
        .push(crate::domain::activity::CheckIn::new(today(), "maya"));
    let again = kpis_due(&partner, &assessments, today());
    assert_eq!(again, due, "the same as before today's check-in");

    // Never checked in: a KPI read within the cadence is not due.
    let mut first = active("First", None);
    first.kpis = vec![kpi("fresh", "2026-01-01", &[("2026-11-20", 10.0)])];
    let assessments = assess_all(&first, &workspace, today());
    assert!(kpis_due(&first, &assessments, today()).is_empty());
}

#[test]
fn the_page_asks_about_milestones_late_blocked_or_due_within_14_days() {
    let mut partner = active("Acme", None);
    let mut blocked = Milestone::new("Blocked far off", "launch", day("2027-03-01"));
    blocked.block("waiting for IT");
    let mut done = Milestone::new("Done", "launch", day("2026-11-20"));
    done.set_status(MilestoneStatus::Done, day("2026-11-19"));
    partner.milestones = vec![
        Milestone::new("In 15 days", "launch", day("2026-12-13")),
        blocked,
        Milestone::new("In 14 days", "launch", day("2026-12-12")),
        done,
        Milestone::new("Late", "launch", day("2026-11-15")),
    ];
    let titles: Vec<_> = milestones_due(&partner, today())
        .iter()
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(titles, ["Late", "In 14 days", "Blocked far off"]);
    let late = &partner.milestones[4];
    assert_eq!(milestone_words(late, today()), "13 days late, planned");
    assert_eq!(
        milestone_words(&partner.milestones[1], today()),
        "due in 93 days, blocked: waiting for IT"
    );
}

#[test]
fn open_actions_of_both_sides_come_soonest_due_first() {
    let mut partner = active("Acme", None);
    let action = |id: &str, side, due: Option<&str>, done: Option<&str>| ActionItem {
        id: id.into(),
        text: id.into(),
        side,
        due: due.map(day),
        done: done.map(day),
        ..ActionItem::default()
    };
    partner.actions = vec![
        action("undated", Side::Ours, None, None),
        action("theirs-late", Side::Theirs, Some("2026-11-01"), None),
        action("done", Side::Ours, Some("2026-10-01"), Some("2026-10-02")),
        action("ours-soon", Side::Ours, Some("2026-12-01"), None),
    ];
    let ids: Vec<_> = open_actions(&partner)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["theirs-late", "ours-soon", "undated"]);
}

#[test]
fn the_meeting_defaults_to_the_charter_tier_coming_due_first() {
    let mut partner = active("Acme", None);
    partner.stage_since = day("2026-06-01");
    let meeting = |tier, cadence_days, attendees: &str| MeetingTier {
        tier,
        cadence_days,
        attendees: attendees.into(),
        ..MeetingTier::default()
    };
    assert_eq!(
        default_meeting(&partner, today()),
        None,
        "no charter meetings"
    );
    partner.charter.meetings = vec![
        meeting(Tier::Operational, 14, "Ines Lund, Dev Patel and Maya"),
        meeting(Tier::Leadership, 90, "the two CEOs"),
    ];
    // Operational last held 11-20, due 12-04; leadership never, due 90 days after
    // 06-01: 08-30. Leadership comes due first.
    let mut operational = CheckIn::new(day("2026-11-20"), "maya");
    operational.tier = Some(Tier::Operational);
    partner.checkins.push(operational);
    assert_eq!(
        default_meeting(&partner, today()).map(|m| m.tier),
        Some(Tier::Leadership)
    );
    // Leadership held 11-25: due 2027-02-23; operational (12-04) first now.
    let mut leadership = CheckIn::new(day("2026-11-25"), "maya");
    leadership.tier = Some(Tier::Leadership);
    partner.checkins.push(leadership);
    let chosen = default_meeting(&partner, today()).unwrap();
    assert_eq!(chosen.tier, Tier::Operational);
    assert_eq!(attendees_of(chosen), ["Ines Lund", "Dev Patel", "Maya"]);
    assert_eq!(split_attendees(" ; a;b , "), ["a", "b"]);
}

/// A partner with a KPI, three milestones and two open actions.
fn partner_to_check_in() -> Partner {
    let mut partner = active("Acme", Some("2026-11-06"));
    partner.checkins[0].id = "ci-old".into();
    partner.kpis = vec![kpi(
        "kp-1",
        "2026-01-01",
        &[("2026-12-01", 99.0), ("2026-11-01", 10.0)],
    )];
    partner.kpis[0].readings.sort_by_key(|r| r.date);
    let mut kits = Milestone::new("Kits shipped", "launch", day("2026-11-15"));
    kits.id = "ms-kits".into();
    kits.start = Some(day("2026-12-10"));
    let mut pilot = Milestone::new("Pilot", "launch", day("2026-12-01"));
    pilot.id = "ms-pilot".into();
    let mut report = Milestone::new("Report", "launch", day("2026-12-05"));
    report.id = "ms-report".into();
    partner.milestones = vec![kits, pilot, report];
    partner.actions = vec![
        ActionItem {
            id: "ac-slots".into(),
            text: "Confirm slots".into(),
            ..ActionItem::default()
        },
        ActionItem {
            id: "ac-theirs".into(),
            text: "Send specs".into(),
            side: Side::Theirs,
            ..ActionItem::default()
        },
    ];
    partner
}

fn entry() -> CheckInEntry {
    CheckInEntry {
        date: today(),
        author: "maya".into(),
        tier: Some(Tier::Operational),
        attendees: vec!["Maya".into(), "Dev".into()],
        note: "Kits are in; the pilot report slips a week.\n".into(),
        readings: vec![NewReading {
            kpi: "kp-1".into(),
            value: 42.5,
            note: " after the clinic ".into(),
        }],
        feedback: vec![NewFeedback {
            who: "Dev Patel".into(),
            side: Side::Theirs,
            sentiment: 4,
            text: "Good pace.".into(),
        }],
        milestones: vec![
            MilestoneUpdate {
                milestone: "ms-pilot".into(),
                change: MilestoneChange::Done,
            },
            MilestoneUpdate {
                milestone: "ms-kits".into(),
                change: MilestoneChange::Move {
                    to: day("2026-12-05"),
                    reason: "sensors late".into(),
                },
            },
            MilestoneUpdate {
                milestone: "ms-report".into(),
                change: MilestoneChange::Block("waiting for data".into()),
            },
        ],
        close_actions: vec!["ac-slots".into()],
        new_actions: vec![NewAction {
            text: "Book the school visits".into(),
            owner: "maya".into(),
            side: Side::Ours,
            due: Some(day("2026-12-05")),
        }],
    }
}

#[test]
fn a_check_in_is_recorded_with_everything_said_at_it() {
    let mut partner = partner_to_check_in();
    let (id, recorded) = record_checkin(&mut partner, entry(), &mut counter()).unwrap();
    assert_eq!(
        recorded,
        Recorded {
            readings: 1,
            feedback: 1,
            milestones_done: 1,
            milestones_moved: 1,
            milestones_blocked: 1,
            milestones_unblocked: 0,
            actions_closed: 1,
            actions_opened: 1,
        }
    );
    assert_eq!(
        recorded.words(),
        "1 reading, 1 milestone done, 1 moved, 1 blocked, 1 action closed, 1 action opened, 1 feedback note"
    );

    // The check-in: dated, its author, tier, attendees, note, the action agreed.
    assert_eq!(id, "ci-3");
    let checkin = partner.checkin(&id).unwrap();
    assert_eq!(checkin.date, today());
    assert_eq!(checkin.author, "maya");
    assert_eq!(checkin.tier, Some(Tier::Operational));
    assert_eq!(checkin.attendees, ["Maya", "Dev"]);
    assert_eq!(checkin.note, "Kits are in; the pilot report slips a week.");
    assert_eq!(checkin.actions, ["ac-4"]);
    assert_eq!(partner.last_checkin(today()), Some(today()));

    // The reading, dated the check-in's day, in date order before the later one.
    let readings = &partner.kpis[0].readings;
    let dates: Vec<_> = readings.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(
        dates,
        [
            (day("2026-11-01"), 10.0),
            (today(), 42.5),
            (day("2026-12-01"), 99.0)
        ]
    );
    assert_eq!(readings[1].id, "rd-1");
    assert_eq!(readings[1].note, "after the clinic");

    let feedback = &partner.feedback[0];
    assert_eq!(
        (feedback.id.as_str(), feedback.date, feedback.who.as_str()),
        ("fb-2", today(), "Dev Patel")
    );

    // Milestones: moved as a re-plan (the first plan stays, the start comes along),
    // done today, blocked with its reason.
    let kits = &partner.milestones[0];
    assert_eq!(kits.due, day("2026-12-05"));
    assert_eq!(kits.planned_due, day("2026-11-15"));
    assert_eq!(kits.start, Some(day("2026-12-05")));
    let replan = kits.replans.last().unwrap();
    assert_eq!(
        (replan.date, replan.by.as_str(), replan.from, replan.to),
        (today(), "maya", day("2026-11-15"), day("2026-12-05"))
    );
    assert_eq!(replan.reason, "sensors late");
    let pilot = &partner.milestones[1];
    assert_eq!(
        (pilot.status, pilot.done),
        (MilestoneStatus::Done, Some(today()))
    );
    let report = &partner.milestones[2];
    assert_eq!(report.status, MilestoneStatus::Blocked);
    assert_eq!(report.blocked_reason, "waiting for data");

    // Actions: one closed today, the other side's left open, one agreed here.
    assert_eq!(partner.actions[0].done, Some(today()));
    assert_eq!(partner.actions[1].done, None);
    let agreed = &partner.actions[2];
    assert_eq!(agreed.id, "ac-4");
    assert_eq!(agreed.origin.as_deref(), Some("ci-3"));
    assert_eq!(
        (agreed.owner.as_str(), agreed.side, agreed.due),
        ("maya", Side::Ours, Some(day("2026-12-05")))
    );
    assert_eq!(partner.origin_label(agreed).unwrap(), "check-in 2026-11-28");
}

#[test]
fn check_ins_stay_in_date_order_and_a_blocked_milestone_finished_is_unblocked() {
    let mut partner = partner_to_check_in();
    partner
        .checkins
        .push(CheckIn::new(day("2026-12-01"), "lee"));
    partner.milestones[1].block("waiting");
    let entry = CheckInEntry {
        milestones: vec![MilestoneUpdate {
            milestone: "ms-pilot".into(),
            change: MilestoneChange::Done,
        }],
        ..CheckInEntry {
            date: today(),
            author: "maya".into(),
            ..CheckInEntry::default()
        }
    };
    let (id, _) = record_checkin(&mut partner, entry, &mut counter()).unwrap();
    let dates: Vec<_> = partner.checkins.iter().map(|c| c.date).collect();
    assert_eq!(
        dates,
        [day("2026-11-06"), today(), day("2026-12-01")],
        "in date order"
    );
    assert_eq!(partner.checkins[1].id, id);
    let pilot = &partner.milestones[1];
    assert_eq!(pilot.status, MilestoneStatus::Done);
    assert_eq!(pilot.blocked_reason, "");
    assert_eq!(pilot.status_before, None);
}

#[test]
fn a_check_in_that_cannot_be_recorded_changes_nothing() {
    let cases: [fn(&mut CheckInEntry); 5] = [
        |e: &mut CheckInEntry| e.readings[0].kpi = "kp-gone".into(),
        |e: &mut CheckInEntry| e.readings[0].value = f64::NAN,
        |e: &mut CheckInEntry| e.feedback[0].sentiment = 6,
        |e: &mut CheckInEntry| e.close_actions.push("ac-gone".into()),
        |e: &mut CheckInEntry| e.milestones[0].milestone = "ms-gone".into(),
    ];
    for broken in cases {
        let mut partner = partner_to_check_in();
        let before = partner.clone();
        let mut entry = entry();
        broken(&mut entry);
        let error = record_checkin(&mut partner, entry, &mut counter()).unwrap_err();
        assert_eq!(partner, before, "{error}");
    }
    // A milestone cancelled meanwhile can be neither finished nor moved.
    let mut partner = partner_to_check_in();
    partner.milestones[1].cancel();
    let error = record_checkin(&mut partner, entry(), &mut counter()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "“Pilot” was cancelled: it cannot be done"
    );
    // A KPI closed meanwhile takes no reading.
    let mut partner = partner_to_check_in();
    partner.kpis[0].closed = Some(KpiClosed {
        date: day("2026-11-27"),
        outcome: KpiOutcome::Met,
        note: String::new(),
    });
    let error = record_checkin(&mut partner, entry(), &mut counter()).unwrap_err();
    assert_eq!(error, CheckInError::KpiClosed("kp-1".into()));
}

#[test]
fn an_action_someone_closed_meanwhile_stays_as_they_closed_it() {
    let mut partner = partner_to_check_in();
    partner.actions[0].done = Some(day("2026-11-27"));
    let (_, recorded) = record_checkin(&mut partner, entry(), &mut counter()).unwrap();
    assert_eq!(partner.actions[0].done, Some(day("2026-11-27")));
    assert_eq!(recorded.actions_closed, 0);
}

#[test]
fn tallies_add_up() {
    let mut tally = Recorded::default();
    assert_eq!(tally.words(), "");
    tally.add(Recorded {
        readings: 2,
        actions_opened: 1,
        ..Recorded::default()
    });
    tally.add(Recorded {
        readings: 1,
        milestones_moved: 2,
        ..Recorded::default()
    });
    assert_eq!(tally.words(), "3 readings, 2 moved, 1 action opened");
}

#[test]
fn a_milestone_moves_to_today_or_later_earlier_than_its_due_date_only_if_not_past() {
    // Kits were due 2026-11-15 (13 days late): a date before today is refused.
    let mut partner = partner_to_check_in();
    let before = partner.clone();
    let mut past = entry();
    past.milestones[1].change = MilestoneChange::Move {
        to: day("2026-11-01"),
        reason: "typo fix".into(),
    };
    let error = record_checkin(&mut partner, past, &mut counter()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "“Kits shipped” cannot be moved to a date already past"
    );
    assert_eq!(partner, before);
    // The report is due 2026-12-05: moving it earlier, to a day not past, is a move.
    let mut earlier = entry();
    earlier.milestones = vec![MilestoneUpdate {
        milestone: "ms-report".into(),
        change: MilestoneChange::Move {
            to: today(),
            reason: "ready early".into(),
        },
    }];
    let (_, recorded) = record_checkin(&mut partner, earlier, &mut counter()).unwrap();
    assert_eq!(recorded.milestones_moved, 1);
    assert_eq!(partner.milestones[2].due, today());
}

#[test]
fn a_check_in_is_overdue_only_in_the_stages_the_check_in_walks() {
    let workspace = Workspace::new("T");
    // Last 2026-11-08, cadence 14: due 11-22, six days overdue.
    let mut partner = active("Birch", Some("2026-11-08"));
    assert_eq!(checkin_overdue(&partner, &workspace, today()), Some(6));
    assert_eq!(
        checkin_overdue(&partner, &workspace, day("2026-11-22")),
        None
    );
    for stage in ["prospect", "assessing", "paused", "ended"] {
        partner.stage = stage.into();
        assert_eq!(
            checkin_overdue(&partner, &workspace, today()),
            None,
            "{stage}"
        );
    }
}

#[test]
fn a_second_reading_today_or_a_cumulative_kpi_going_down_is_warned_about() {
    let mut kpi = kpi("kp-1", "2026-01-01", &[("2026-11-04", 171.0)]);
    assert_eq!(reading_warning(&kpi, 180.0, today()), None);
    assert_eq!(
        reading_warning(&kpi, 150.0, today()).as_deref(),
        Some("lower than the last reading 171 — a cumulative KPI only grows")
    );
    // Lower is better, or a level to keep: going down is no mistake.
    kpi.direction = crate::domain::kpi::Direction::LowerIsBetter;
    assert_eq!(reading_warning(&kpi, 150.0, today()), None);
    kpi.direction = crate::domain::kpi::Direction::HigherIsBetter;
    kpi.kind = crate::domain::kpi::KpiKind::Maintain;
    assert_eq!(reading_warning(&kpi, 150.0, today()), None);
    kpi.readings.push(Reading {
        id: "rd-today".into(),
        ..Reading::new(today(), 24.0)
    });
    assert_eq!(
        reading_warning(&kpi, 30.0, today()).as_deref(),
        Some("already a reading today: 24 — this adds another")
    );
}
