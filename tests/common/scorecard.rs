//! The fixture portfolio with a fuller scorecard for Cobalt Works, for the
//! Scorecard's tests: KPIs in every perspective — behind and on track, a maintain
//! KPI, one without a recent reading, one too early to tell, one closed at the Q3
//! review — two goals, a contact on each side, and feedback from both sides; and
//! a KPI each for Birch Foundation and the paused Dune Council.
//! Built on `fixture()` so the other screens' snapshots never move with it.

use chrono::NaiveDate;
use pactboard::app::App;
use pactboard::cli::TodaySource;
use pactboard::domain::Workspace;
use pactboard::domain::kpi::{Direction, Kpi, KpiClosed, KpiKind, KpiOutcome, Reading};
use pactboard::domain::partner::{Contact, Feedback, Goal, Partner, Side};

use super::fixture::{fixture, fixture_today};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

fn kpi(
    name: &str,
    perspective: &str,
    unit: &str,
    (baseline, target): (f64, f64),
    (start, target_date): (&str, &str),
    readings: &[(&str, f64)],
) -> Kpi {
    Kpi {
        perspective: perspective.into(),
        unit: unit.into(),
        readings: readings
            .iter()
            .map(|(date, value)| Reading::new(day(date), *value))
            .collect(),
        ..Kpi::new(name, (baseline, target), (day(start), day(target_date)))
    }
}

fn feedback(date: &str, who: &str, side: Side, sentiment: u8, text: &str) -> Feedback {
    Feedback {
        id: String::new(),
        date: day(date),
        who: who.into(),
        side,
        sentiment,
        text: text.into(),
    }
}

/// The fixture with Cobalt Works' scorecard filled in.
pub fn scorecard_fixture() -> (Workspace, Vec<(String, Partner)>) {
    let (workspace, mut partners) = fixture();
    let (id, cobalt) = partners
        .iter_mut()
        .find(|(id, _)| id == "cobalt-works")
        .expect("Cobalt Works is in the fixture");
    cobalt.contacts.push(Contact {
        name: "Dev Patel".into(),
        role: "operations lead".into(),
        side: Side::Theirs,
        ..Contact::default()
    });
    cobalt.goals.push(Goal {
        id: "gl-teachers".into(),
        statement: "Thirty teachers trained".into(),
        metric: "teachers".into(),
        target: "30".into(),
        due: Some(day("2026-10-31")),
        owner: "tomas".into(),
        agreed_by_both: true,
    });
    cobalt.kpis.push(Kpi {
        id: "kp-kits".into(),
        goal: Some("gl-kits".into()),
        ..kpi(
            "Kits delivered",
            "operations",
            "kits",
            (0.0, 300.0),
            ("2026-07-01", "2027-01-31"),
            &[
                ("2026-08-01", 20.0),
                ("2026-09-01", 60.0),
                ("2026-10-01", 95.0),
                ("2026-10-15", 112.0),
                ("2026-11-01", 128.0),
                ("2026-11-15", 139.0),
                ("2026-11-26", 150.0),
            ],
        )
    });
    cobalt.kpis.push(Kpi {
        kind: KpiKind::Maintain,
        ..kpi(
            "Sensor uptime",
            "operations",
            "%",
            (90.0, 95.0),
            ("2026-06-01", "2027-06-01"),
            &[
                ("2026-11-07", 97.0),
                ("2026-11-14", 96.0),
                ("2026-11-21", 96.5),
                ("2026-11-27", 95.5),
            ],
        )
    });
    cobalt.kpis.push(Kpi {
        direction: Direction::LowerIsBetter,
        ..kpi(
            "Cost per kit",
            "financial",
            "GBP",
            (140.0, 100.0),
            ("2026-06-01", "2027-03-01"),
            &[("2026-08-15", 132.0), ("2026-09-15", 126.0)],
        )
    });
    cobalt.kpis.push(kpi(
        "Lessons using the data",
        "learning",
        "lessons",
        (0.0, 40.0),
        ("2026-11-20", "2027-06-30"),
        &[],
    ));
    cobalt.kpis.push(Kpi {
        id: "kp-teachers".into(),
        goal: Some("gl-teachers".into()),
        closed: Some(KpiClosed {
            date: day("2026-09-30"),
            outcome: KpiOutcome::Met,
            note: "all three schools covered".into(),
        }),
        ..kpi(
            "Teachers trained",
            "learning",
            "teachers",
            (0.0, 30.0),
            ("2026-06-01", "2026-09-30"),
            &[("2026-08-31", 18.0), ("2026-09-28", 31.0)],
        )
    });
    cobalt.reviews[0].closed_kpis.push("kp-teachers".into());
    cobalt.feedback.push(feedback(
        "2026-11-20",
        "Maya Okafor",
        Side::Ours,
        3,
        "Kits are slow to arrive but the schools are keen to start.",
    ));
    cobalt.feedback.push(feedback(
        "2026-11-25",
        "Dev Patel",
        Side::Theirs,
        2,
        "Repairs under warranty are eating our margin; we need fewer returns.",
    ));
    cobalt.fill_derived_ids(id);
    for (id, partner) in &mut partners {
        match id.as_str() {
            "birch-foundation" => partner.kpis.push(kpi(
                "Licences funded",
                "financial",
                "licences",
                (0.0, 20.0),
                ("2026-10-20", "2027-06-30"),
                &[("2026-11-24", 2.0)],
            )),
            "dune-council" => partner.kpis.push(kpi(
                "Residents reached",
                "customer",
                "residents",
                (0.0, 500.0),
                ("2026-03-01", "2026-12-31"),
                &[("2026-06-01", 90.0), ("2026-08-01", 120.0)],
            )),
            _ => continue,
        }
        partner.fill_derived_ids(id);
    }
    (workspace, partners)
}

/// The dashboard on `scorecard_fixture()`, on disk in a temporary directory, today
/// pinned to the fixture's date and the author `maya`.
pub fn scorecard_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (workspace, partners) = scorecard_fixture();
    let store = pactboard::store::Store::new(&data);
    store.init(&workspace, &partners, false).unwrap();
    let snapshot = store.load().unwrap();
    let mut app = App::new(
        store,
        snapshot,
        fixture_today(),
        TodaySource::Pinned,
        "maya".into(),
    );
    app.data_label = "data".into();
    // New ids from a pinned seed, so what the tests add is the same every run.
    app.data.id_seed = 7;
    (dir, app)
}
