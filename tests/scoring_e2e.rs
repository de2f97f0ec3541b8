//! The Scoring tab end to end: the real binary in a pseudo-terminal on a temporary
//! copy of the demo. A score raised with `+` reaches exactly one partner's file and
//! `status --format json`; a weight tried and saved reaches `workspace.ron` and
//! reorders the ranking; the terminal is put back on quitting.

#![cfg(unix)]

mod common;
mod pty;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use pty::{Key, Pty, WAIT};

/// Each partner's weighted score and coverage as `status --format json` says.
fn scores(data: &Path) -> BTreeMap<String, (Option<f64>, Vec<u64>)> {
    let output = pactboard(&["status", "--format", "json"], data);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|partner| {
            let coverage = partner["score_coverage"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .collect();
            (
                partner["id"].as_str().unwrap().to_string(),
                (partner["score"].as_f64(), coverage),
            )
        })
        .collect()
}

#[test]
fn a_score_and_a_weight_change_reach_the_files_and_the_ranking() {
    let (_dir, data) = demo_copy();
    let before = scores(&data);
    let workspace_before = std::fs::read_to_string(data.join("workspace.ron")).unwrap();
    let mut pty = Pty::builder(&data).user("casey").size(80, 24).spawn();
    pty.wait_for("Needs attention", WAIT);

    // 4 opens the matrix on the first score of the best candidate: Quayside's
    // strategic fit, 4. `+` makes it 5, saved at once.
    pty.send("4");
    pty.wait_for("Scoring · 4 candidates", WAIT);
    pty.send("+");
    pty.wait_for("Quayside Foundation: Strategic fit 4 → 5 — saved", WAIT);
    let after = scores(&data);
    let changed: Vec<&String> = before
        .keys()
        .filter(|id| before[*id] != after[*id])
        .collect();
    assert_eq!(changed, ["quayside-foundation"], "{before:?}\n{after:?}");
    assert!(after["quayside-foundation"].0 > before["quayside-foundation"].0);
    assert_eq!(after["quayside-foundation"].1, [4, 8], "coverage unchanged");
    let quayside = std::fs::read_to_string(data.join("partners/quayside-foundation.ron")).unwrap();
    assert!(
        quayside.contains(&format!(
            "(criterion: \"strategic-fit\", score: 5, evidence: \"Funds the towns we struggle to reach\", by: \"casey\", on: Some(\"{DEMO_DATE}\"))"
        )),
        "{quayside}"
    );
    // Copperleaf and Lumen tie at 59: Copperleaf first, by name.
    assert_eq!(after["copperleaf-logistics"].0, after["lumen-payroll"].0);

    // w: the weights row. Innovation potential (Lumen 5, Copperleaf 2) from 1 to 5
    // is tried first: nothing is written until Enter.
    pty.send("w");
    pty.wait_for("weight 3 of 14", WAIT);
    pty.send("ll");
    pty.wait_for("Weights · Innovation potential", WAIT);
    pty.send("++++");
    let tried = pty.wait_for("1→5", WAIT);
    assert!(
        tried
            .lines()
            .any(|line| line.contains("Lumen Payroll") && line.contains("▲1")),
        "{}",
        pty.report()
    );
    assert_eq!(
        std::fs::read_to_string(data.join("workspace.ron")).unwrap(),
        workspace_before,
        "a trial writes nothing"
    );
    pty.press(Key::Enter);
    pty.wait_for("weights: Innovation potential 1 → 5 — saved", WAIT);
    let workspace = std::fs::read_to_string(data.join("workspace.ron")).unwrap();
    assert!(
        workspace.contains(
            "(id: \"innovation-potential\", name: \"Innovation potential\", weight: 5.0,"
        ),
        "{workspace}"
    );
    let reweighed = scores(&data);
    assert!(
        reweighed["lumen-payroll"].0 > reweighed["copperleaf-logistics"].0,
        "Lumen now ranks above Copperleaf: {reweighed:?}"
    );

    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
    let check = pactboard(&["check"], &data);
    assert!(check.status.success(), "{}", stdout(&check));
}
