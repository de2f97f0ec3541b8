//! The Scorecard end to end: the real binary in a pseudo-terminal on a temporary
//! copy of the demo — `5`, the first KPI of the first partner, `r`, `42`, confirm —
//! then the partner's file on disk and `status --format json` read back.

#![cfg(unix)]

mod common;
mod pty;

use common::*;
use pactboard::domain::kpi::KpiRules;
use pactboard::domain::portfolio::summarize_partner;
use pactboard::store::Store;
use pty::{Key, Pty, WAIT};

/// The `kpis` counts of partner `id` in `status --format json`.
fn json_kpis(data: &std::path::Path, id: &str) -> serde_json::Value {
    let output = pactboard(&["status", "--format", "json"], data);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", stdout(&output)));
    json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|partner| partner["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the status"))["kpis"]
        .clone()
}

#[test]
fn a_reading_typed_on_the_scorecard_is_in_the_file_and_in_the_status() {
    let (_dir, data) = demo_copy();
    let store = Store::new(&data);
    let before = store.load().unwrap();
    // The tab opens on the first partner with a KPI still running.
    let first = before
        .partners
        .iter()
        .find(|file| file.partner.kpis.iter().any(|kpi| kpi.closed.is_none()))
        .unwrap();
    let id = first.id.clone();
    let json_before = json_kpis(&data, &id);

    let mut pty = Pty::builder(&data).user("tester").size(80, 24).spawn();
    pty.wait_for("Needs attention", WAIT);
    pty.send("5");
    let screen = pty.wait_for("KPIs (", WAIT);
    assert!(
        pty.row(1).contains(&first.partner.name),
        "the first partner with KPIs is on screen\n{}",
        pty.report()
    );
    // The tab opens on the partner's first open KPI (closed ones are history).
    let marked = screen
        .lines()
        .find(|line| line.starts_with("│› "))
        .unwrap_or_else(|| panic!("no KPI is selected\n{}", pty.report()));
    let kpi = first
        .partner
        .kpis
        .iter()
        .find(|kpi| marked.contains(&kpi.name))
        .unwrap_or_else(|| panic!("{marked:?} names no KPI of {id}"));

    pty.send("r");
    pty.wait_for(&format!("New reading of {}", kpi.name), WAIT);
    pty.send("42");
    pty.wait_for("42", WAIT);
    pty.press(Key::Enter);
    pty.wait_for("added the reading of 42", WAIT);
    pty.send("q");
    let status = pty.wait_for_exit(WAIT);
    assert!(
        status.success(),
        "q exits 0, not {status}\n{}",
        pty.report()
    );
    pty.assert_restored();

    // On disk: a reading of 42 dated today (the demo's date), the others kept.
    let after = store.load().unwrap();
    let file = after.partners.iter().find(|file| file.id == id).unwrap();
    let saved = file.partner.kpis.iter().find(|k| k.id == kpi.id).unwrap();
    assert_eq!(saved.readings.len(), kpi.readings.len() + 1);
    let today = chrono::NaiveDate::parse_from_str(DEMO_DATE, "%Y-%m-%d").unwrap();
    assert!(
        saved
            .readings
            .iter()
            .any(|r| r.value == 42.0 && r.date == today && !r.id.is_empty()),
        "{:?}",
        saved.readings
    );

    // `status --format json` reads the new file: its counts are the KPI figures of
    // the partner as it is now, and they moved with the new reading.
    let json_after = json_kpis(&data, &id);
    let figures = summarize_partner(&id, &file.partner, &after.workspace, today).kpis;
    for (key, count) in [
        ("green", figures.green),
        ("amber", figures.amber),
        ("red", figures.red),
        ("stale", figures.stale),
        ("early_warning", figures.early_warning),
    ] {
        assert_eq!(json_after[key], count, "{key}: {json_after}");
    }
    let rules = KpiRules::of(&before.workspace, &first.partner);
    let status_before = kpi.assess(today, rules).status;
    let status_after = saved.assess(today, rules).status;
    assert_ne!(
        status_before, status_after,
        "42 changes the status of the demo's first KPI: the test shows the status follows"
    );
    assert_ne!(json_before, json_after);
    let label = status_after.label();
    if let Some(previous) = json_before.get(label).and_then(serde_json::Value::as_u64) {
        assert_eq!(
            json_after[label],
            previous + 1,
            "{json_before} → {json_after}"
        );
    }
}
