//! Several processes on one data directory, as on a shared server: two sessions
//! editing one partner, four making random edits at once, a lock held by another
//! process, two different users of one group, a directory a user cannot write.
//! Each process is this test binary run again (see `workers`).

mod common;
mod workers;

use std::fs;
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use pactboard::domain::partner::Partner;
use pactboard::store::{SaveError, Store};
use workers::*;

/// Not a test: the body of a worker process, run by the tests of this file.
#[test]
#[ignore = "run by the other tests of this file, as a separate process"]
fn worker() {
    workers::run();
}

// Defect 7 of issue 16, across two processes.
#[test]
fn two_processes_changing_different_fields_both_land_with_no_question() {
    let (_dir, data, first, second) = two_sessions(OneEdit::Summary('a'), OneEdit::ActionDone);
    assert_eq!(first.outcome, Outcome::Saved);
    assert_eq!(second.outcome, Outcome::Merged { conflicts: 0 });
    let acme = Store::new(&data).load_partner("acme").unwrap().0.unwrap();
    assert_eq!(acme.partner.summary, "summary by a");
    assert_eq!(acme.partner.actions[0].done, Some(day(9)));
}

#[test]
fn two_processes_changing_the_same_field_clash_and_lose_nothing() {
    let (_dir, data, first, second) = two_sessions(OneEdit::Summary('a'), OneEdit::Summary('b'));
    assert_eq!(first.outcome, Outcome::Saved);
    let Outcome::Clash { rescue } = &second.outcome else {
        panic!("{second:?}")
    };
    let acme = Store::new(&data).load_partner("acme").unwrap().0.unwrap();
    assert_eq!(
        acme.partner.summary, "summary by a",
        "the first save stands"
    );
    let copy = fs::read_to_string(rescue).unwrap();
    assert!(copy.contains("summary: \"summary by b\""), "{copy}");
}

/// Whether `edit` reached `disk` (the partner as it ends up).
fn on_disk(edit: &Edit, disk: &Partner) -> bool {
    match edit {
        Edit::AddAction { id, text } => disk.actions.iter().any(|a| &a.id == id && &a.text == text),
        Edit::DoneAction { id } => disk.actions.iter().any(|a| &a.id == id && a.done.is_some()),
        Edit::AddReading { id } => disk.kpis[0].readings.iter().any(|r| &r.id == id),
        Edit::Summary { .. } => unreachable!("checked as a chain"),
    }
}

fn in_copy(edit: &Edit, copy: &Partner) -> bool {
    match edit {
        Edit::Summary { to, .. } => &copy.summary == to,
        other => on_disk(other, copy),
    }
}

fn many_sessions(workers: u32, edits: u32, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    let specs: Vec<Spec> = (0..workers)
        .map(|w| {
            spec(
                dir.path(),
                &data,
                &format!("w{w}"),
                Job::Random {
                    worker: w,
                    seed: seed.wrapping_mul(u64::from(w) + 7),
                    edits,
                },
            )
        })
        .collect();
    let children: Vec<Child> = specs.iter().map(|s| spawn(s, None)).collect();
    for s in &specs {
        wait_for(&marker(s, "loaded"));
    }
    for s in &specs {
        fs::write(marker(s, "go"), "").unwrap();
    }
    for child in children {
        finish(child);
    }

    let store = Store::new(&data);
    let snapshot = store.load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    let all: Vec<Report> = specs.iter().flat_map(reports).collect();
    assert_eq!(all.len() as u32, workers * edits);
    let mut clashes = 0;
    for id in PARTNERS {
        let disk = &snapshot
            .partners
            .iter()
            .find(|p| p.id == id)
            .unwrap()
            .partner;
        let mine: Vec<&Report> = all.iter().filter(|r| r.partner == id).collect();
        let mut chain: Vec<(String, String)> = Vec::new();
        for report in &mine {
            match &report.outcome {
                Outcome::Saved | Outcome::Merged { conflicts: 0 } => match &report.edit {
                    Edit::Summary { from, to } => chain.push((from.clone(), to.clone())),
                    edit => assert!(on_disk(edit, disk), "{report:?} is not on disk"),
                },
                Outcome::Clash { rescue } => {
                    clashes += 1;
                    let copy = store_partner_from(rescue);
                    assert!(in_copy(&report.edit, &copy), "{report:?} not in its copy");
                }
                other => panic!("{report:?}: {other:?}"),
            }
        }
        // No summary written over without being seen: following "replaced X by
        // Y" from the first summary visits every saved summary and ends on disk.
        let mut current = format!("{id} summary");
        let mut visited = 0;
        while let Some(position) = chain.iter().position(|(from, _)| *from == current) {
            current = chain.remove(position).1;
            visited += 1;
        }
        assert!(chain.is_empty(), "{id}: summaries lost: {chain:?}");
        assert_eq!(disk.summary, current, "{id}: {visited} summary saves");
    }
    eprintln!(
        "{} edits by {workers} processes: {clashes} clashes, each with its rescue copy",
        all.len()
    );
    // Nothing left behind by a save.
    assert!(store.stray_temps().is_empty(), "{:?}", store.stray_temps());
}

fn store_partner_from(path: &Path) -> Partner {
    let text = fs::read_to_string(path).unwrap();
    ron::Options::default().from_str(&text).unwrap()
}

#[test]
fn four_processes_making_fifty_random_edits_each_lose_nothing() {
    many_sessions(4, 50, 0x5eed_1234);
}

#[test]
#[ignore = "a longer run: cargo test --test concurrency -- --ignored"]
fn eight_processes_making_three_hundred_random_edits_each_lose_nothing() {
    many_sessions(8, 300, 0xfeed_beef);
}

// Defect 5 of issue 16, at the store: a save waits a bounded time, then says who.
#[test]
fn a_lock_held_by_another_process_times_out_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    let holder = spec(dir.path(), &data, "lee", Job::HoldLock);
    let child = spawn(&holder, None);
    wait_for(&marker(&holder, "loaded"));
    let store = Store::new(&data).with_lock_wait(Duration::from_millis(300));
    let file = store.load_partner("acme").unwrap().0.unwrap();
    let start = Instant::now();
    let error = store
        .save_partner_merging("acme", &file.partner, file.fingerprint.as_ref(), None)
        .unwrap_err();
    let waited = start.elapsed();
    fs::write(marker(&holder, "go"), "").unwrap();
    finish(child);
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_secs(2),
        "{waited:?}"
    );
    let SaveError::Locked { holder, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(
        holder
            .as_deref()
            .is_some_and(|h| h.starts_with("lee, pid ")),
        "{holder:?}"
    );
    assert!(error.to_string().contains("lee, pid"), "{error}");
    // Once released, the same save goes through.
    store
        .save_partner_merging("acme", &file.partner, file.fingerprint.as_ref(), None)
        .unwrap();
}

/// Whether this process may run children as other users.
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self")
        .map(|meta| meta.uid() == 0)
        .unwrap_or(false)
}

// Defect 3 of issue 16: the lock was created rw-r--r--, so nobody else could save.
#[test]
fn two_users_of_one_group_save_after_each_other_and_every_file_stays_shared() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    let two_users = is_root();
    // The team's group: a group of no one's, when we may hand out ids; else ours.
    let group = if two_users {
        4_242
    } else {
        fs::metadata(&data).unwrap().gid()
    };
    // As a team sets up a shared directory: group-owned, group-writable, setgid.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    for entry in [
        data.clone(),
        data.join("partners"),
        data.join("workspace.ron"),
    ]
    .into_iter()
    .chain(
        PARTNERS
            .iter()
            .map(|id| data.join(format!("partners/{id}.ron"))),
    ) {
        if two_users {
            chown(&entry, None, Some(group)).unwrap();
        }
        let mode = if entry.is_dir() { 0o2775 } else { 0o664 };
        fs::set_permissions(&entry, fs::Permissions::from_mode(mode)).unwrap();
    }
    // The first save of the team creates the lock file (init's was root's own).
    fs::remove_file(data.join(pactboard::store::LOCK_FILE)).unwrap();
    if !two_users {
        eprintln!(
            "skipped the part with two different users: it needs root to run children as other users; checking the modes only"
        );
    }
    let users = [(4_101, "ada"), (4_102, "bo")];
    let (a, b) = (
        spec(
            dir.path(),
            &data,
            users[0].1,
            Job::OneEdit {
                edit: OneEdit::Summary('a'),
            },
        ),
        spec(
            dir.path(),
            &data,
            users[1].1,
            Job::OneEdit {
                edit: OneEdit::Summary('b'),
            },
        ),
    );
    let as_user = |uid| two_users.then_some((uid, group));
    let child_a = spawn(&a, as_user(users[0].0));
    let child_b = spawn(&b, as_user(users[1].0));
    wait_for(&marker(&a, "loaded"));
    wait_for(&marker(&b, "loaded"));
    fs::write(marker(&a, "go"), "").unwrap();
    finish(child_a);
    fs::write(marker(&b, "go"), "").unwrap();
    finish(child_b);
    // Ada saved; Bo's save met Ada's summary: a clash, with a rescue copy — which
    // means Bo could take the lock Ada's save created and write into .trash/.
    assert_eq!(reports(&a)[0].outcome, Outcome::Saved);
    assert!(
        matches!(reports(&b)[0].outcome, Outcome::Clash { .. }),
        "{:?}",
        reports(&b)
    );
    // Drafts are created the same way (by this process: the modes are the point).
    let store = Store::new(&data);
    store.drafts().save("bo", "form", &"typed").unwrap();

    let mut created = vec![
        data.join(pactboard::store::LOCK_FILE),
        data.join("partners/acme.ron"),
        data.join(".trash"),
        data.join(".drafts"),
        data.join(".drafts/bo"),
        data.join(".drafts/bo/form.ron"),
    ];
    created.extend(
        fs::read_dir(data.join(".trash"))
            .unwrap()
            .map(|entry| entry.unwrap().path()),
    );
    for path in &created {
        let meta = fs::metadata(path).unwrap();
        assert_eq!(
            meta.gid(),
            group,
            "{} has the directory's group",
            path.display()
        );
        let want = if meta.is_dir() { 0o2070 } else { 0o060 };
        assert_eq!(
            meta.mode() & want,
            want,
            "{} is {:o}: the group can read and write it",
            path.display(),
            meta.mode() & 0o7777
        );
    }
    if two_users {
        assert_eq!(
            fs::metadata(data.join("partners/acme.ron")).unwrap().uid(),
            users[0].0,
            "written by the first user"
        );
    }
}

#[test]
fn a_directory_this_user_cannot_write_is_found_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = spec(dir.path(), &data, "viewer", Job::Writable);
    // Root writes anywhere, so the viewer is another user when we can make one.
    finish(spawn(&probe, is_root().then_some((4_103, 4_103))));
    let said = fs::read_to_string(&probe.out).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        said,
        "No(\"the data directory cannot be written (permission denied)\")"
    );
    assert_eq!(
        format!("{:?}", Store::new(&data).writable()),
        "Yes",
        "and writable again once it is"
    );
}
