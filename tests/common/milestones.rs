//! The small fixture with a plan worth a Timeline: milestones in every status —
//! done, under way and late, planned, blocked, cancelled — one slipped with its
//! re-plan, a one-day one, one finished long ago and one of a paused partner (both
//! hidden until `A`). Kept apart from `fixture`, so the other screens' snapshots do
//! not move when the Timeline's fixture grows.

use chrono::NaiveDate;
use pactboard::domain::timeline::{Milestone, MilestoneStatus, Replan};
use pactboard::domain::{Partner, Workspace};

use super::fixture::fixture;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

fn milestone(
    title: &str,
    phase: &str,
    start: Option<&str>,
    due: &str,
    status: MilestoneStatus,
) -> Milestone {
    let mut m = Milestone::new(title, phase, day(due));
    m.start = start.map(day);
    m.status = status;
    m
}

fn partner<'a>(partners: &'a mut [(String, Partner)], id: &str) -> &'a mut Partner {
    &mut partners
        .iter_mut()
        .find(|(pid, _)| pid == id)
        .expect("a fixture partner")
        .1
}

/// The fixture's workspace and partners with the Timeline's milestones added.
pub fn timeline_fixture() -> (Workspace, Vec<(String, Partner)>) {
    let (workspace, mut partners) = fixture();

    let cobalt = partner(&mut partners, "cobalt-works");
    // The fixture's late milestone started a month ago and slipped a week.
    let kits = &mut cobalt.milestones[0];
    kits.start = Some(day("2026-10-26"));
    kits.owner = "maya".into();
    kits.planned_due = day("2026-11-08");
    kits.replans.push(Replan {
        date: day("2026-11-06"),
        by: "maya".into(),
        from: day("2026-11-08"),
        to: day("2026-11-15"),
        reason: "sensors late from the supplier".into(),
    });
    let mut ordered = milestone(
        "Sensors ordered",
        "foundation",
        Some("2026-10-26"),
        "2026-11-06",
        MilestoneStatus::Done,
    );
    ordered.done = Some(day("2026-11-10"));
    ordered.owner = "tomas".into();
    cobalt.milestones.push(ordered);
    let mut data = milestone(
        "School data agreement",
        "agreement",
        Some("2026-11-16"),
        "2026-12-04",
        MilestoneStatus::Blocked,
    );
    data.blocked_reason = "waiting for the council's data officer".into();
    data.status_before = Some(MilestoneStatus::InProgress);
    data.goal = Some("gl-kits".into());
    cobalt.milestones.push(data);
    let mut training = milestone(
        "Teacher training",
        "launch",
        Some("2026-12-07"),
        "2026-12-11",
        MilestoneStatus::Planned,
    );
    training.owner = "tomas".into();
    cobalt.milestones.push(training);
    let mut newsletter = milestone(
        "Parent newsletter",
        "launch",
        None,
        "2026-12-01",
        MilestoneStatus::Cancelled,
    );
    newsletter.status_before = Some(MilestoneStatus::Planned);
    cobalt.milestones.push(newsletter);
    let mut scoped = milestone(
        "Pilot scoped",
        "foundation",
        Some("2026-06-01"),
        "2026-06-20",
        MilestoneStatus::Done,
    );
    scoped.done = Some(day("2026-06-19"));
    cobalt.milestones.push(scoped);

    let birch = partner(&mut partners, "birch-foundation");
    birch.milestones.push(milestone(
        "Board decision",
        "agreement",
        None,
        "2026-12-03",
        MilestoneStatus::Planned,
    ));

    let dune = partner(&mut partners, "dune-council");
    dune.milestones.push(milestone(
        "Talks resume",
        "expansion",
        None,
        "2027-04-01",
        MilestoneStatus::Planned,
    ));

    for (id, partner) in &mut partners {
        partner.fill_derived_ids(id);
        // The fixture names phases as people do ("Launch"); files hold their ids.
        for m in &mut partner.milestones {
            m.phase = workspace.phase_id_for_name(&m.phase);
        }
    }
    (workspace, partners)
}

/// The Timeline's fixture on disk in a temporary directory, as `fixture_app`.
pub fn timeline_app() -> (tempfile::TempDir, pactboard::app::App) {
    use pactboard::cli::TodaySource;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (workspace, partners) = timeline_fixture();
    let store = pactboard::store::Store::new(&data);
    store.init(&workspace, &partners, false).unwrap();
    let snapshot = store.load().unwrap();
    let mut app = pactboard::app::App::new(
        store,
        snapshot,
        super::fixture_today(),
        TodaySource::Pinned,
        "maya".into(),
    );
    app.data_label = "data".into();
    (dir, app)
}
