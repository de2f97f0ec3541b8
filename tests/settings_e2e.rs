//! The workspace settings end to end: the real binary in a pseudo-terminal at 80x24
//! on a temporary copy of the demo. A stage renamed on the settings screen changes
//! one line of `workspace.ron` and no partner file; the board and `status` show the
//! new name under the old id; the terminal is put back on quitting.

#![cfg(unix)]

mod common;
mod pty;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use pty::{Key, Pty, WAIT};

fn partner_files(data: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(data.join("partners"))
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_stage_renamed_in_the_settings_reaches_the_board_and_status_and_no_partner_file() {
    let (_dir, data) = demo_copy();
    let workspace = data.join("workspace.ron");
    let before = std::fs::read_to_string(&workspace).unwrap();
    let partners = partner_files(&data);
    let mut pty = Pty::builder(&data).size(80, 24).spawn();
    pty.wait_for("Needs attention", WAIT);
    pty.send(",");
    pty.wait_for("Workspace settings", WAIT);
    pty.send("/");
    pty.send("Active");
    pty.press(Key::Enter);
    pty.wait_for("Stages (1 of 7)", WAIT);
    pty.press(Key::Enter);
    pty.wait_for("partner files keep its id (active)", WAIT);
    for _ in 0..6 {
        pty.press(Key::Backspace);
    }
    pty.send("Live");
    pty.press(Key::Enter);
    pty.wait_for("stage Active: renamed Live — saved", WAIT);

    let deadline = std::time::Instant::now() + WAIT;
    while !std::fs::read_to_string(&workspace)
        .unwrap()
        .contains("name: \"Live\"")
    {
        assert!(std::time::Instant::now() < deadline, "{}", pty.report());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let after = std::fs::read_to_string(&workspace).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(old, new)| old != new)
        .collect();
    assert_eq!(
        changed,
        [(
            "        (id: \"active\", name: \"Active\", role: Operating, checkin: true),",
            "        (id: \"active\", name: \"Live\", role: Operating, checkin: true),"
        )],
        "one line of workspace.ron"
    );
    assert_eq!(partner_files(&data), partners, "no partner file changed");

    pty.press(Key::Esc);
    pty.wait_for_gone("filter “Active”", WAIT);
    pty.press(Key::Esc);
    pty.wait_for("Needs attention", WAIT);
    pty.send("2");
    // The board at 80 columns shows three stages: go along to the renamed one
    // (waiting for the board first, so the Overview's "Live 4" cannot answer).
    pty.wait_for("partners in 7 stages", WAIT);
    pty.send("lll");
    pty.wait_for("Live 4", WAIT);
    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();

    let output = pactboard(&["status", "--format", "json"], &data);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let live: Vec<&serde_json::Value> = json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["stage_id"] == "active")
        .collect();
    assert_eq!(live.len(), 4);
    assert!(live.iter().all(|p| p["stage"] == "Live"), "{live:?}");
}
