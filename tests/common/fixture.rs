//! A small portfolio built here in code, for screen tests that must not change
//! whenever the demo does: four partners, one per kind of stage, with enough in
//! each to fill every section of the detail. Today is pinned to `FIXTURE_DATE`.

use chrono::NaiveDate;
use pactboard::domain::kpi::{Kpi, Reading};
use pactboard::domain::partner::{
    ActionItem, CheckIn, ClauseStatus, Component, Contact, Deliverable, Feedback, Goal,
    MeetingTier, Outcome, OutcomeRating, Partner, Review, Role, Side, Tier,
};
use pactboard::domain::timeline::{Milestone, MilestoneStatus};
use pactboard::domain::{Member, Workspace};

pub const FIXTURE_DATE: &str = "2026-11-28";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

pub fn fixture_today() -> NaiveDate {
    day(FIXTURE_DATE)
}

fn member(handle: &str, name: &str, role: &str) -> Member {
    Member {
        handle: handle.into(),
        name: name.into(),
        role: role.into(),
    }
}

fn action(text: &str, owner: &str, due: &str, done: Option<&str>) -> ActionItem {
    ActionItem {
        text: text.into(),
        owner: owner.into(),
        due: Some(day(due)),
        done: done.map(day),
        ..ActionItem::default()
    }
}

/// The workspace and the partners, by id.
pub fn fixture() -> (Workspace, Vec<(String, Partner)>) {
    let mut workspace = Workspace::new("Fixture Co");
    workspace.members = vec![
        member("maya", "Maya Okafor", "partnerships lead"),
        member("tomas", "Tomás Reyes", "programme manager"),
    ];

    let mut acme = Partner::new(
        "Acme Analytics",
        "startup",
        "maya",
        "prospect",
        day("2026-11-02"),
    );
    acme.tags = vec!["data".into()];
    acme.summary = "Open-data tooling for councils; met at the civic-tech meetup.".into();

    let mut birch = Partner::new(
        "Birch Foundation",
        "nonprofit",
        "tomas",
        "formalizing",
        day("2026-10-20"),
    );
    birch.contacts.push(Contact {
        name: "Ines Lund".into(),
        role: "grants officer".into(),
        side: Side::Theirs,
        email: "ines@birch.example".into(),
        phone: String::new(),
        ..Contact::default()
    });
    birch.goals.push(Goal {
        statement: "Fund 20 community licences".into(),
        owner: "tomas".into(),
        ..Goal::default()
    });
    birch.agreement.governance.status = ClauseStatus::Agreed;
    birch.agreement.intellectual_property.status = ClauseStatus::Agreed;
    birch.agreement.dispute_resolution.status = ClauseStatus::Agreed;
    birch.agreement.financial_commitments.status = ClauseStatus::Drafting;
    birch.agreement.financial_commitments.note = "two tranches".into();
    birch.agreement.deliverables.push(Deliverable {
        title: "Signed grant letter".into(),
        owner: "tomas".into(),
        due: Some(day("2026-12-04")),
        status: ClauseStatus::Drafting,
        note: String::new(),
        ..Deliverable::default()
    });
    birch.milestones.push(Milestone::new(
        "Agreement signed",
        "Agreement",
        day("2026-12-18"),
    ));
    birch.checkins.push(CheckIn {
        note: "Board meets on the 3rd; letter drafted.".into(),
        ..CheckIn::new(day("2026-11-24"), "tomas")
    });

    let mut cobalt = Partner::new(
        "Cobalt Works",
        "manufacturer",
        "maya",
        "active",
        day("2026-06-01"),
    );
    cobalt.summary = "Sensor kits for the air-quality pilot in three schools.".into();
    cobalt.roles.push(Role {
        side: Side::Ours,
        who: "Maya Okafor".into(),
        responsibility: "runs the pilot".into(),
        ..Role::default()
    });
    cobalt.roles.push(Role {
        side: Side::Theirs,
        who: "Dev Patel".into(),
        responsibility: "ships and repairs kits".into(),
        ..Role::default()
    });
    cobalt.agreement.signed = Some(day("2026-05-20"));
    cobalt.agreement.next_review = Some(day("2026-12-10"));
    cobalt.agreement.expires = Some(day("2027-05-20"));
    for component in Component::ALL {
        cobalt.agreement.clause_mut(component).status = ClauseStatus::Agreed;
    }
    cobalt.agreement.exit_strategy.status = ClauseStatus::NeedsReview;
    cobalt.charter.primary_channel = "shared Slack channel".into();
    cobalt.charter.response_hours = Some(24);
    cobalt.charter.escalation = vec!["Maya Okafor".into(), "Cobalt COO".into()];
    cobalt.charter.meetings.push(MeetingTier {
        tier: Tier::Operational,
        cadence_days: 14,
        attendees: "pilot leads".into(),
        purpose: "progress and blockers".into(),
        ..MeetingTier::default()
    });
    cobalt.goals.push(Goal {
        id: "gl-kits".into(),
        statement: "Kits in three schools".into(),
        metric: "schools live".into(),
        target: "3".into(),
        due: Some(day("2027-02-01")),
        owner: "maya".into(),
        agreed_by_both: true,
    });
    cobalt.kpis.push(Kpi {
        perspective: "customer".into(),
        unit: "schools".into(),
        readings: vec![
            Reading::new(day("2026-09-01"), 0.0),
            Reading::new(day("2026-11-20"), 1.8),
        ],
        ..Kpi::new(
            "Schools live",
            (0.0, 3.0),
            (day("2026-06-01"), day("2027-02-01")),
        )
    });
    let mut kits = Milestone::new("First kits shipped", "Launch", day("2026-11-15"));
    kits.status = MilestoneStatus::InProgress;
    cobalt.milestones.push(kits);
    cobalt.milestones.push(Milestone::new(
        "Mid-pilot review",
        "Evaluation",
        day("2027-01-10"),
    ));
    cobalt.feedback.push(Feedback {
        date: day("2026-11-10"),
        who: "Dev Patel".into(),
        side: Side::Theirs,
        sentiment: 4,
        text: "Good pace once the sensors arrived.".into(),
        id: String::new(),
    });
    cobalt.checkins.push(CheckIn {
        id: "ci-cobalt1".into(),
        note: "Shipping slipped a week; schools ready.".into(),
        actions: vec!["ac-confirm".into()],
        ..CheckIn::new(day("2026-11-06"), "maya")
    });
    cobalt.actions.push(ActionItem {
        id: "ac-confirm".into(),
        origin: Some("ci-cobalt1".into()),
        ..action("Confirm delivery slots", "maya", "2026-11-13", None)
    });
    let kits_goal = cobalt.goals[0].id.clone();
    cobalt.reviews.push(Review {
        period: "Q3".into(),
        outcomes: vec![Outcome {
            goal: kits_goal,
            rating: OutcomeRating::Partly,
            ..Outcome::default()
        }],
        worked: "Fast prototyping".into(),
        challenges: "Supply of sensors".into(),
        ..Review::new(day("2026-09-30"), "maya")
    });
    cobalt
        .actions
        .push(action("Send the pilot report", "tomas", "2026-12-05", None));
    cobalt.actions.push(action(
        "Book the school visits",
        "maya",
        "2026-11-20",
        Some("2026-11-21"),
    ));
    cobalt
        .history
        .push(pactboard::domain::partner::StageChange {
            date: day("2026-06-01"),
            author: "maya".into(),
            from: "formalizing".into(),
            to: "active".into(),
            reason: String::new(),
        });

    let mut dune = Partner::new(
        "Dune Council",
        "public body",
        "tomas",
        "paused",
        day("2026-09-15"),
    );
    dune.history.push(pactboard::domain::partner::StageChange {
        date: day("2026-09-15"),
        author: "tomas".into(),
        from: "active".into(),
        to: "paused".into(),
        reason: "budget frozen until April".into(),
    });

    let mut partners = vec![
        ("acme-analytics".to_string(), acme),
        ("birch-foundation".to_string(), birch),
        ("cobalt-works".to_string(), cobalt),
        ("dune-council".to_string(), dune),
    ];
    // Every record gets the id a migration would give it: stable from run to run.
    for (id, partner) in &mut partners {
        partner.fill_derived_ids(id);
    }
    (workspace, partners)
}
