//! `Ctrl-p` end to end: the real binary in a pseudo-terminal on a temporary copy of
//! the demo writes the meeting report, then a partner's review pack, as new files in
//! its working directory — where the status line says — and nothing in the data
//! directory changes.

#![cfg(unix)]

mod common;
mod pty;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use pty::{Key, Pty, WAIT};

/// Every file under `dir` with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    files
}

/// The file the status line names: "NAME written in DIR (what)" — at 80 columns
/// over more than one row, the status line growing upwards from above the keys.
fn named_on_status_line(pty: &Pty) -> PathBuf {
    let rows: Vec<String> = (16..23).map(|row| pty.row(row)).collect();
    let first = rows
        .iter()
        .position(|row| row.contains(" written in "))
        .unwrap_or(rows.len() - 1);
    let line = rows[first..]
        .iter()
        .map(|row| row.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let (name, rest) = line
        .trim()
        .split_once(" written in ")
        .unwrap_or_else(|| panic!("the status line names no file: {line:?}\n{}", pty.report()));
    let dir = rest.split(" (").next().unwrap_or(rest).trim();
    Path::new(dir).join(name)
}

#[test]
fn ctrl_p_writes_the_report_where_the_status_line_says_and_leaves_the_data_alone() {
    let (_dir, data) = demo_copy();
    let before = files_under(&data);
    let mut pty = Pty::builder(&data).size(80, 24).spawn();
    pty.wait_for("Needs attention", WAIT);

    pty.press(Key::Ctrl('p'));
    pty.wait_for("written in", WAIT);
    let report = named_on_status_line(&pty);
    assert_eq!(
        report,
        pty.home().join(format!("pactboard-report-{DEMO_DATE}.md")),
        "in the working directory\n{}",
        pty.report()
    );
    let text = fs::read_to_string(&report).unwrap();
    assert!(
        text.starts_with(
            "# Brightwell Civic Software — Partnerships: meeting report, 2026-11-21 to 2026-11-28\n"
        ),
        "{text}"
    );

    // On the Scorecard: the review pack of the partner on screen.
    pty.send("5");
    pty.wait_for("KPIs (", WAIT);
    pty.press(Key::Ctrl('p'));
    pty.wait_for("pactboard-review-", WAIT);
    let pack = named_on_status_line(&pty);
    assert_eq!(pack.parent(), Some(pty.home()), "{}", pty.report());
    let name = pack.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with("-2026Q3.md"), "{name}");
    let id = name
        .trim_start_matches("pactboard-review-")
        .trim_end_matches("-2026Q3.md");
    let title = fs::read_to_string(&pack).unwrap();
    let partner = pactboard::store::Store::new(&data)
        .load()
        .unwrap()
        .partners
        .into_iter()
        .find(|file| file.id == id)
        .unwrap_or_else(|| panic!("{id} is no partner"));
    assert!(
        title.starts_with(&format!(
            "# {} — quarterly review pack, 2026 Q3\n",
            partner.partner.name
        )),
        "{title}"
    );
    assert!(
        pty.screen().contains("KPIs ("),
        "the scorecard stays on screen"
    );

    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
    assert_eq!(
        files_under(&data),
        before,
        "the data directory is unchanged"
    );
    let mut written: Vec<String> = fs::read_dir(pty.home())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("pactboard-"))
        .collect();
    written.sort();
    assert_eq!(written, [format!("pactboard-report-{DEMO_DATE}.md"), name]);
}
