//! The store on a shared data directory, in one process: saves that meet a file
//! changed on disk merge instead of refusing, real clashes write nothing and list
//! both values, files that cannot be merged are never overwritten, and stray
//! temporary files are reported by `check`.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use pactboard::domain::kpi::{Kpi, Reading};
use pactboard::domain::partner::{ActionItem, Partner};
use pactboard::domain::workspace::{Member, Workspace};
use pactboard::store::{Keep, SaveError, Store};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn acme() -> Partner {
    let mut acme = Partner::new("Acme", "startup", "maya", "active", day(1));
    acme.summary = "Pilot".into();
    acme.actions = vec![ActionItem {
        id: "ac-aaaaaa".into(),
        text: "Send the deck".into(),
        ..ActionItem::default()
    }];
    let mut kpi = Kpi::new("Leads", (0.0, 400.0), (day(1), day(30)));
    kpi.id = "kp-leads1".into();
    acme.kpis = vec![kpi];
    acme
}

fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store
        .init(&Workspace::new("Team"), &[("acme".into(), acme())], false)
        .unwrap();
    (dir, store)
}

/// Another session's save of acme: loads it, changes it, saves it.
fn their_save(store: &Store, change: impl FnOnce(&mut Partner)) {
    let snapshot = store.load().unwrap();
    let file = &snapshot.partners[0];
    let mut theirs = file.partner.clone();
    change(&mut theirs);
    store
        .save_partner("acme", &theirs, file.fingerprint.as_ref())
        .unwrap();
}

fn on_disk(store: &Store) -> Partner {
    store.load().unwrap().partners[0].partner.clone()
}

// Defect 7 of issue 16: a teammate's summary edit and my action made the save refuse.
#[test]
fn a_save_over_a_change_to_another_field_merges_and_says_what_came_in() {
    let (_dir, store) = fixture();
    let mine_loaded = store.load().unwrap().partners[0].clone();
    their_save(&store, |p| p.summary = "Pilot, phase two".into());

    let mut mine = mine_loaded.partner.clone();
    mine.actions[0].done = Some(day(5));
    let saved = store
        .save_partner_merging("acme", &mine, mine_loaded.fingerprint.as_ref(), None)
        .unwrap();
    let merged = saved.merged.expect("the file had changed: a merge");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.theirs_changed, vec!["summary changed"]);
    let disk = on_disk(&store);
    assert_eq!(disk, merged.value, "what is returned is what is on disk");
    assert_eq!(disk.summary, "Pilot, phase two");
    assert_eq!(disk.actions[0].done, Some(day(5)));

    // The fingerprint returned is the new base: the next save is a plain one.
    mine = merged.value;
    mine.kpis[0].readings.push(Reading {
        id: "rd-000001".into(),
        ..Reading::new(day(6), 12.0)
    });
    let again = store
        .save_partner_merging("acme", &mine, Some(&saved.fingerprint), None)
        .unwrap();
    assert!(again.merged.is_none());
    assert_eq!(on_disk(&store), mine);
}

#[test]
fn a_clash_writes_nothing_and_lists_both_values_then_either_side_can_win() {
    let (_dir, store) = fixture();
    let loaded = store.load().unwrap().partners[0].clone();
    their_save(&store, |p| p.summary = "Theirs".into());
    let disk_before = fs::read(store.root().join("partners/acme.ron")).unwrap();

    let mut mine = loaded.partner.clone();
    mine.summary = "Mine".into();
    mine.actions[0].done = Some(day(7));
    let error = store
        .save_partner_merging("acme", &mine, loaded.fingerprint.as_ref(), None)
        .unwrap_err();
    let SaveError::Conflict { file, fields, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(file, "partners/acme.ron");
    assert_eq!(fields.len(), 1);
    assert_eq!(
        (
            fields[0].path.as_str(),
            fields[0].mine.as_str(),
            fields[0].theirs.as_str()
        ),
        ("summary", "Mine", "Theirs")
    );
    assert_eq!(
        error.to_string(),
        "partners/acme.ron changed on disk: summary was changed both here (“Mine”) and there (“Theirs”); nothing was written"
    );
    assert_eq!(
        fs::read(store.root().join("partners/acme.ron")).unwrap(),
        disk_before,
        "nothing was written"
    );

    let kept = store
        .save_partner_merging("acme", &mine, loaded.fingerprint.as_ref(), Some(Keep::Mine))
        .unwrap();
    assert_eq!(kept.merged.unwrap().conflicts.len(), 1);
    let disk = on_disk(&store);
    assert_eq!(disk.summary, "Mine");
    assert_eq!(disk.actions[0].done, Some(day(7)));

    // Taking theirs keeps their value and still saves my other change.
    let (_dir, store) = fixture();
    let loaded = store.load().unwrap().partners[0].clone();
    their_save(&store, |p| p.summary = "Theirs".into());
    store
        .save_partner_merging(
            "acme",
            &mine,
            loaded.fingerprint.as_ref(),
            Some(Keep::Theirs),
        )
        .unwrap();
    let disk = on_disk(&store);
    assert_eq!(disk.summary, "Theirs");
    assert_eq!(disk.actions[0].done, Some(day(7)));
}

#[test]
fn a_file_that_no_longer_loads_or_was_deleted_is_never_overwritten() {
    let (_dir, store) = fixture();
    let loaded = store.load().unwrap().partners[0].clone();
    let path = store.root().join("partners/acme.ron");
    let broken = b"(\n    version: 2,\n    name: \"Acme\",\n    stage: \n".to_vec();
    fs::write(&path, &broken).unwrap();
    let mut mine = loaded.partner.clone();
    mine.summary = "Mine".into();
    for clash in [None, Some(Keep::Mine)] {
        let error = store
            .save_partner_merging("acme", &mine, loaded.fingerprint.as_ref(), clash)
            .unwrap_err();
        assert!(
            error.to_string().contains("does not load now (4:"),
            "{error}"
        );
        assert_eq!(fs::read(&path).unwrap(), broken);
    }

    fs::remove_file(&path).unwrap();
    let error = store
        .save_partner_merging("acme", &mine, loaded.fingerprint.as_ref(), Some(Keep::Mine))
        .unwrap_err();
    assert!(error.to_string().contains("deleted or moved"), "{error}");
    assert!(
        !path.exists(),
        "a partner deleted elsewhere is not brought back"
    );
}

#[test]
fn the_workspace_merges_like_a_partner() {
    let (_dir, store) = fixture();
    let snapshot = store.load().unwrap();
    let mut theirs = snapshot.workspace.clone();
    theirs.members.push(Member {
        handle: "lee".into(),
        name: "Lee".into(),
        role: String::new(),
    });
    store
        .save_workspace(&theirs, snapshot.workspace_fingerprint.as_ref())
        .unwrap();
    let mut mine = snapshot.workspace.clone();
    mine.name = "The Team".into();
    let saved = store
        .save_workspace_merging(&mine, snapshot.workspace_fingerprint.as_ref(), None)
        .unwrap();
    assert!(saved.merged.is_some());
    let disk = store.load().unwrap().workspace;
    assert_eq!(disk.name, "The Team");
    assert_eq!(disk.members.len(), 1);
}

#[test]
fn a_version_1_file_merges_against_the_version_it_was_migrated_from() {
    let (_dir, data) = common::demo_copy();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/data");
    let _ = fs::remove_dir_all(&data);
    common::copy_dir(&fixture, &data);
    let store = Store::new(&data);
    let loaded = store.load().unwrap();
    let file = loaded
        .partners
        .iter()
        .find(|p| p.id == "harbourline-mutual")
        .unwrap()
        .clone();
    // A teammate with an old pactboard edits the version 1 file by hand.
    let path = data.join("partners/harbourline-mutual.ron");
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("kind: \"", "kind: \"mutual ", 1);
    assert_ne!(edited, text);
    fs::write(&path, edited).unwrap();

    let mut mine = file.partner.clone();
    mine.summary = "merged over version 1".into();
    let saved = store
        .save_partner_merging("harbourline-mutual", &mine, file.fingerprint.as_ref(), None)
        .unwrap();
    let merged = saved.merged.unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.theirs_changed, vec!["kind changed"]);
    let disk = store.load_partner("harbourline-mutual").unwrap().0.unwrap();
    assert!(disk.partner.kind.starts_with("mutual "));
    assert_eq!(disk.partner.summary, "merged over version 1");
    assert_eq!(disk.partner.version, 2);
}

// Defect 6 of issue 16: temporary files of a killed save piled up unreported.
#[test]
fn check_lists_stray_temporary_files_and_never_removes_them() {
    let (_dir, data) = common::demo_copy();
    let stray = data.join("partners/.pactboard-Xy12ab.tmp");
    fs::write(&stray, "").unwrap();
    let old = fs::File::options().write(true).open(&stray).unwrap();
    old.set_modified(SystemTime::now() - Duration::from_secs(600))
        .unwrap();
    let output = common::pactboard(&["check"], &data);
    let out = common::stdout(&output);
    assert!(
        out.contains("partners/.pactboard-Xy12ab.tmp:1:1: warning: a temporary file left by an interrupted save (empty, 10 minutes old)"),
        "{out}"
    );
    assert!(output.status.success(), "a warning does not fail check");
    assert!(stray.exists(), "check never writes");
}
