//! The `!` list of files with problems: for each file, whether it did not load or
//! loaded read-only, and what to do about it — snapshots at 80x24 and 120x40.

mod common;

use common::*;
use pactboard::app::{Action, dispatch};

/// The demo with one partner file cut short and one written by a newer pactboard.
fn app_with_both_kinds() -> (tempfile::TempDir, pactboard::app::App) {
    let (dir, data) = demo_copy();
    truncate_partner(&data, "kestrel-devices");
    let path = data.join("partners/lumen-payroll.ron");
    let text = fs_read(&path).replacen("version: 2,", "version: 3,", 1);
    std::fs::write(&path, text).unwrap();
    let mut app = app_on(&data);
    dispatch(&mut app, Action::ShowLoadErrors);
    (dir, app)
}

fn fs_read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn each_file_says_what_happened_to_it_and_what_to_do() {
    let (_dir, app) = app_with_both_kinds();
    let text = screen(&app, 120, 40);
    assert!(
        text.lines()
            .any(|line| line.contains("partners/kestrel-devices.ron:")
                && line.contains("  did not load")),
        "{text}"
    );
    assert!(
        text.contains("partners/lumen-payroll.ron:2:14  loaded read-only"),
        "{text}"
    );
    assert!(
        text.contains("Fix it in an editor, then Ctrl-l reloads."),
        "{text}"
    );
    assert!(text.contains("Upgrade pactboard to edit it."), "{text}");
    assert!(
        !text.contains("restart"),
        "Ctrl-l reloads; no restart needed: {text}"
    );
    insta::assert_snapshot!("load_errors_mixed_120x40", text);
}

#[test]
fn load_errors_mixed_80x24() {
    let (_dir, app) = app_with_both_kinds();
    insta::assert_snapshot!("load_errors_mixed_80x24", screen(&app, 80, 24));
}

#[test]
fn a_file_loaded_read_only_is_not_listed_as_one_that_did_not_load() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/lumen-payroll.ron");
    let text = fs_read(&path).replacen("version: 2,", "version: 3,", 1);
    std::fs::write(&path, text).unwrap();
    let mut app = app_on(&data);
    dispatch(&mut app, Action::ShowLoadErrors);
    let text = screen(&app, 120, 40);
    assert!(text.contains("Files loaded read-only (1)"), "{text}");
    assert!(!text.contains("did not load"), "{text}");
}
