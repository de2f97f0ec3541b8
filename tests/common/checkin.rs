//! The fixture portfolio made ready for a check-in, for the check-in's tests: Cobalt
//! Works (check-in overdue) with a KPI gone stale, a milestone late and one due in
//! eight days, two open action items and a contact on their side; Birch Foundation
//! (on time) with a milestone due in five days. The walk takes Cobalt, then Birch.
//! Built on `fixture()` so the other screens' snapshots never move with it.

use std::path::Path;

use chrono::NaiveDate;
use pactboard::app::App;
use pactboard::cli::TodaySource;
use pactboard::domain::Workspace;
use pactboard::domain::partner::{Contact, Partner, Side};
use pactboard::domain::timeline::Milestone;

use super::fixture::{fixture, fixture_today};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

pub fn checkin_fixture() -> (Workspace, Vec<(String, Partner)>) {
    let (workspace, mut partners) = fixture();
    for (id, partner) in &mut partners {
        match id.as_str() {
            "cobalt-works" => {
                // Its only reading since 09-01 is dropped: stale, due a reading.
                partner.kpis[0].readings.truncate(1);
                partner.milestones.push(Milestone {
                    id: "ms-training".into(),
                    ..Milestone::new("Teacher training", "launch", day("2026-12-06"))
                });
                partner.contacts.push(Contact {
                    name: "Dev Patel".into(),
                    side: Side::Theirs,
                    ..Contact::default()
                });
            }
            "birch-foundation" => partner.milestones.push(Milestone {
                id: "ms-letter".into(),
                ..Milestone::new("Grant letter countersigned", "agreement", day("2026-12-03"))
            }),
            _ => continue,
        }
        partner.fill_derived_ids(id);
    }
    (workspace, partners)
}

/// The dashboard on `checkin_fixture()`, on disk in a temporary directory, today
/// pinned and the author `maya`.
pub fn checkin_app() -> (tempfile::TempDir, App) {
    checkin_app_as("maya")
}

/// The same, with `user` as the author (whose drafts are kept under their name).
pub fn checkin_app_as(user: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (workspace, partners) = checkin_fixture();
    pactboard::store::Store::new(&data)
        .init(&workspace, &partners, false)
        .unwrap();
    let app = session(&data, user);
    (dir, app)
}

/// A new session of `user` on the data directory `data`: the next start.
pub fn session(data: &Path, user: &str) -> App {
    let store = pactboard::store::Store::new(data);
    let snapshot = store.load().unwrap();
    let mut app = App::new(
        store,
        snapshot,
        fixture_today(),
        TodaySource::Pinned,
        user.into(),
    );
    app.data_label = "data".into();
    // New ids from a pinned seed, so what the tests add is the same every run.
    app.data.id_seed = 7;
    app
}
