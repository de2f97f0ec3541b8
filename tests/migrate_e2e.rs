//! A version 1 data directory opened in the real dashboard (in a pseudo-terminal):
//! it loads migrated in memory, an edit writes that one partner as version 2, and
//! every other file stays exactly as it was.

#![cfg(unix)]

mod common;
mod pty;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{DEMO_DATE, copy_dir};
use pty::{Pty, WAIT};

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    for sub in ["", "partners"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_file() && !name.starts_with('.') {
                let key = if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                };
                found.insert(key, fs::read(entry.path()).unwrap());
            }
        }
    }
    found
}

#[test]
fn editing_one_partner_of_a_version_1_directory_writes_only_that_file_as_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/data"),
        &data,
    );
    let before = files(&data);
    let mut pty = Pty::builder(&data).user("casey").size(140, 40).spawn();

    // The version 1 demo loads like the current one: its first attention item.
    pty.wait_for("Charities live", WAIT);
    // Its ninth, Harbourline's overdue operational meeting: Enter opens the partner
    // on its charter; `]` goes on to Activity, where the action items agreed at
    // check-ins are.
    pty.send("jjjjjjjj");
    pty.wait_until(
        "Harbourline's meeting item to be selected",
        WAIT,
        |screen| {
            (screen.contents().lines())
                .any(|line| line.contains("› ▲") && line.contains("Harbourline Mutual meeting due"))
        },
    );
    pty.send("\r");
    pty.wait_for("┌ Charter", WAIT);
    pty.send("]");
    pty.wait_for("┌ Activity", WAIT);
    pty.wait_for("Open action items (2)", WAIT);
    // A moved action keeps its origin. (Waiting for the words themselves: the
    // screen can be read half drawn, with the row's start but not its end.)
    pty.wait_for("Send a simplified sign-up guide", WAIT);
    pty.wait_for("from check-in 2026-11-12", WAIT);

    // Space: the first open action is done, and the file written.
    pty.send(" ");
    pty.wait_for("— saved", WAIT);
    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();

    let after = files(&data);
    let edited = "partners/harbourline-mutual.ron";
    for (file, bytes) in &before {
        if file != edited {
            assert_eq!(after.get(file), Some(bytes), "{file} was written");
        }
    }
    assert_eq!(after.len(), before.len(), "no file added or removed");
    let text = String::from_utf8(after[edited].clone()).unwrap();
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(text.contains("stage: \"active\""), "{text}");
    let action = text
        .lines()
        .find(|line| line.contains("Send a simplified sign-up guide"))
        .unwrap();
    assert!(
        action.contains(&format!("done: Some(\"{DEMO_DATE}\")"))
            && action.contains("origin: Some(\"ci-"),
        "{action}"
    );

    // It reads back with no load error, and no longer needs migrating.
    let snapshot = pactboard::store::Store::new(&data).load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    assert!(
        snapshot.upgrades.iter().all(|u| u.file != edited),
        "{:?}",
        snapshot.upgrades
    );
    assert_eq!(
        snapshot.upgrades.len(),
        12,
        "the others are still version 1"
    );
}
