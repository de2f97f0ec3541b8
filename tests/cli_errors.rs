//! The command line's answers to bad input, one test per case of issue 17: the real
//! binary on temporary copies of the demo, asserting exit codes, the exact words on
//! stdout and stderr, and that every file is left byte for byte as it was.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// Every file under `dir`, with its bytes (links read as their target paths).
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&path).unwrap();
                files.insert(path, target.into_os_string().into_encoded_bytes());
            } else if meta.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Replaces the first `from` in a data file with `to`.
fn edit(data: &Path, file: &str, from: &str, to: &str) {
    let path = data.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line and column of the first `needle` in a data file; with a `|` in
/// the needle, of the place it marks (`"days: |0"` is the `0`).
fn position_of(data: &Path, file: &str, needle: &str) -> (usize, usize) {
    let (before, after) = needle.split_once('|').unwrap_or(("", needle));
    let whole = format!("{before}{after}");
    let text = fs::read_to_string(data.join(file)).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    for (index, line) in text.lines().enumerate() {
        if let Some(at) = line.find(&whole) {
            return (index + 1, line[..at + before.len()].chars().count() + 1);
        }
    }
    panic!("{whole:?} not in {file}");
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|error| panic!("{error}: {}", stdout(output)))
}

fn error_lines(output: &std::process::Output) -> Vec<String> {
    stdout(output)
        .lines()
        .filter(|line| line.contains(": error: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_byte_order_mark_is_accepted_and_dropped_on_the_next_save() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/lumen-payroll.ron");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, &bytes).unwrap();

    let check = pactboard(&["check"], &data);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(error_lines(&check).is_empty(), "{}", stdout(&check));
    let status = pactboard(&["status", "--format", "json"], &data);
    assert_eq!(status.status.code(), Some(0));
    let status = json(&status);
    assert_eq!(status["load_errors"], serde_json::json!([]));
    assert!(
        status["partners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|partner| partner["id"] == "lumen-payroll")
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "reading never rewrites");

    // The next save writes the file without the mark, and otherwise as before.
    let store = pactboard::store::Store::new(&data);
    let snapshot = store.load().unwrap();
    let lumen = snapshot
        .partners
        .iter()
        .find(|file| file.id == "lumen-payroll")
        .unwrap();
    let mut partner = lumen.partner.clone();
    partner.summary.push_str(" Edited.");
    store
        .save_partner("lumen-payroll", &partner, lumen.fingerprint.as_ref())
        .unwrap();
    let saved = fs::read(&path).unwrap();
    assert!(saved.starts_with(b"(\n"), "{:?}", &saved[..8]);
    let original = fs::read_to_string(repo_data().join("partners/lumen-payroll.ron")).unwrap();
    let summary = original
        .lines()
        .find(|line| line.contains("summary:"))
        .unwrap();
    let edited = summary.replacen("\",", " Edited.\",", 1);
    assert_eq!(
        String::from_utf8(saved).unwrap(),
        original.replacen(summary, &edited, 1)
    );
}

/// Every kind of invalid value `check` reports: `status` must fail with it too, in
/// every format, list it under `problems` at the same place, and write nothing.
#[test]
fn status_fails_and_lists_the_problem_wherever_check_finds_an_invalid_value() {
    let kestrel = "partners/kestrel-devices.ron";
    let harbour = "partners/harbourline-mutual.ron";
    let ended = "(id: \"ended\", name: \"Ended\", role: Closed, checkin: false),";
    let twice = format!(
        "{ended}\n        (id: \"active-2\", name: \"Active\", role: Closed, checkin: false),"
    );
    let cases: [(&str, &str, &str, &str, &str); 10] = [
        (
            harbour,
            "value: 22.0",
            "value: NaN",
            "NaN",
            "has the reading NaN on 2026-11-25",
        ),
        (
            harbour,
            "value: 22.0",
            "value: inf",
            "inf",
            "has the reading inf on 2026-11-25",
        ),
        (
            harbour,
            "score: 4",
            "score: 99",
            "score: |99",
            "is 99; scores run from 1 to 5",
        ),
        (
            harbour,
            "sentiment: 2",
            "sentiment: 99",
            "sentiment: |99",
            "has sentiment 99",
        ),
        (
            kestrel,
            "name: \"Kestrel Devices\"",
            "name: \"\"",
            "name: |\"\"",
            "the partner has no name",
        ),
        (
            kestrel,
            "stage: \"active\"",
            "stage: \"limbo\"",
            "\"limbo\"",
            "stage \"limbo\" is not a stage",
        ),
        (
            "workspace.ron",
            "weight: 2.0",
            "weight: -2.0",
            "-2.0",
            "has weight -2; weights must be zero or more",
        ),
        (
            "workspace.ron",
            "amber_points: 10",
            "amber_points: 25",
            "amber_points: |25",
            "amber from 25 points behind is above red from 20",
        ),
        (
            "workspace.ron",
            ended,
            &twice,
            "(id: \"active-2\", name: |\"Active\", role: Closed, checkin: false)",
            "stage \"Active\" appears twice",
        ),
        (
            "workspace.ron",
            "checkin_cadence_days: 14",
            "checkin_cadence_days: 0",
            "checkin_cadence_days: |0",
            "at least 1 day",
        ),
    ];
    for (file, from, to, at, message) in cases {
        let (_dir, data) = demo_copy();
        edit(&data, file, from, to);
        let before = contents(&data);
        let (line, column) = position_of(&data, file, at);
        let expected_prefix = format!("{file}:{line}:{column}: error: ");

        let check = pactboard(&["check"], &data);
        assert_eq!(check.status.code(), Some(1), "{to}");
        let errors = error_lines(&check);
        assert_eq!(errors.len(), 1, "{to}: {errors:?}");
        assert!(
            errors[0].starts_with(&expected_prefix),
            "{to}: {} (expected {expected_prefix})",
            errors[0]
        );
        assert!(errors[0].contains(message), "{to}: {}", errors[0]);

        let status = pactboard(&["status", "--format", "json"], &data);
        assert_eq!(status.status.code(), Some(1), "status --format json, {to}");
        let problems: Vec<String> = json(&status)["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|problem| problem["severity"] == "error")
            .map(|problem| {
                format!(
                    "{}:{}:{}: error: {}",
                    problem["file"].as_str().unwrap(),
                    problem["line"],
                    problem["column"],
                    problem["message"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(problems, errors, "{to}");
        for format in ["text", "markdown"] {
            let status = pactboard(&["status", "--format", format], &data);
            assert_eq!(
                status.status.code(),
                Some(1),
                "status --format {format}, {to}"
            );
            let text = stdout(&status);
            let tail = text
                .rsplit_once("Problems (1 error, ")
                .map(|(_, tail)| tail);
            assert!(
                tail.is_some_and(|tail| tail.contains(&errors[0])),
                "status --format {format} ends with the problems, {to}:\n{text}"
            );
        }
        assert_eq!(contents(&data), before, "{to}: nothing written");
    }
}

#[test]
fn a_bad_reading_is_reported_at_the_reading_not_at_its_kpi() {
    let (_dir, data) = demo_copy();
    let file = "partners/harbourline-mutual.ron";
    edit(
        &data,
        file,
        "date: \"2026-11-25\", value: 22.0)",
        "date: \"2026-11-25\", value: NaN)",
    );
    let (line, column) = position_of(&data, file, "NaN");
    let kpi = position_of(&data, file, "name: \"Charities live\"");
    assert!(line > kpi.0 + 5, "the reading is well below the KPI's name");
    let output = pactboard(&["check"], &data);
    assert_eq!(
        error_lines(&output),
        [format!(
            "{file}:{line}:{column}: error: KPI \"Charities live\" has the reading NaN on 2026-11-25; readings must be finite numbers"
        )]
    );
}

#[test]
fn dates_are_exactly_yyyy_mm_dd_with_a_year_from_1900_to_2200() {
    let file = "partners/kestrel-devices.ron";
    let cases = [
        (
            "\"2026-7-1\"",
            "expected a date written as \"YYYY-MM-DD\" (like \"2026-07-01\"), found \"2026-7-1\"",
        ),
        (
            "\"0000-01-01\"",
            "\"0000-01-01\": the year 0 is outside 1900–2200; expected a date written as \"YYYY-MM-DD\"",
        ),
        (
            "\"-001-01-01\"",
            "expected a date written as \"YYYY-MM-DD\" (like \"2026-07-01\"), found \"-001-01-01\"",
        ),
        (
            "\"2026-02-30\"",
            "\"2026-02-30\" is not a day of the calendar; expected a date written as \"YYYY-MM-DD\"",
        ),
    ];
    for (date, message) in cases {
        for (from, to) in [
            (
                "stage_since: \"2026-06-11\"",
                format!("stage_since: {date}"),
            ),
            (
                "signed: Some(\"2026-06-06\")",
                format!("signed: Some({date})"),
            ),
        ] {
            let (_dir, data) = demo_copy();
            edit(&data, file, from, &to);
            let before = contents(&data);
            let (line, column) = position_of(&data, file, date);
            let output = pactboard(&["check"], &data);
            assert_eq!(output.status.code(), Some(1), "{to}");
            assert_eq!(
                error_lines(&output),
                [format!("{file}:{line}:{column}: error: {message}")],
                "{to}"
            );
            assert_eq!(pactboard(&["status"], &data).status.code(), Some(1));
            assert_eq!(contents(&data), before, "{to}");
        }
    }
    let (_dir, data) = demo_copy();
    for bad in ["2026-7-1", "0000-01-01", "1899-12-31"] {
        let output = pactboard(&["status", "--today", bad], &data);
        assert_eq!(output.status.code(), Some(2), "--today {bad}");
        assert!(
            stderr(&output).contains(&format!("invalid value '{bad}' for '--today")),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn today_accepts_a_relative_date_starting_with_a_hyphen() {
    let (_dir, data) = demo_copy();
    for args in [
        &["--today", "-2w", "status", "--format", "json"][..],
        &["status", "--format", "json", "--today", "-2w"],
        &["status", "--format", "json", "--today=-2w"],
    ] {
        let output = pactboard(args, &data);
        // Not a usage error. (Two weeks before the demo's date its latest readings
        // are in the future, which `status` reports as a data problem: exit 1.)
        assert_ne!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        // Counted from the demo's date, not the clock.
        assert_eq!(json(&output)["today"], "2026-11-14", "{args:?}");
    }
}

/// The reviewer's `--today +7d` on the demo said "as of 2026-12-06": a week after
/// the clock, not after the demo's 2026-11-28. A workspace that is not a demo
/// counts from the clock.
#[test]
fn a_relative_today_counts_from_the_demo_date_else_the_clock() {
    let (_dir, data) = demo_copy();
    let output = pactboard(&["status", "--today", "+7d"], &data);
    assert!(
        stdout(&output)
            .lines()
            .next()
            .unwrap()
            .ends_with("as of 2026-12-05"),
        "{}",
        stdout(&output)
    );
    for (offset, expected) in [
        ("+1m", "2026-12-28"),
        ("+1y", "2027-11-28"),
        ("today", DEMO_DATE),
    ] {
        let output = pactboard(&["status", "--format", "json", "--today", offset], &data);
        assert_eq!(json(&output)["today"], expected, "{offset}");
    }
    let output = std::process::Command::new(binary())
        .args(["status", "--format", "json", "--data"])
        .arg(&data)
        .env("PACTBOARD_TODAY", "+1w")
        .output()
        .unwrap();
    assert_eq!(json(&output)["today"], "2026-12-05", "the variable too");

    let fresh = tempfile::tempdir().unwrap();
    let dir = fresh.path().join("new");
    assert!(
        pactboard(&["init", dir.to_str().unwrap()], &data)
            .status
            .success()
    );
    let before = chrono::Local::now().date_naive();
    let output = pactboard(&["status", "--format", "json", "--today", "-2w"], &dir);
    let after = chrono::Local::now().date_naive();
    let expected = [before, after].map(|clock| (clock - chrono::Days::new(14)).to_string());
    let today = json(&output)["today"].as_str().unwrap().to_string();
    assert!(expected.contains(&today), "{today}");

    // Counted from a demo date near the end of the calendar, it may land past it.
    let workspace = data.join("workspace.ron");
    let text = fs::read_to_string(&workspace).unwrap();
    fs::write(
        &workspace,
        text.replace(
            "demo_as_of: Some(\"2026-11-28\")",
            "demo_as_of: Some(\"2200-12-01\")",
        ),
    )
    .unwrap();
    let output = pactboard(&["status", "--today", "+1m"], &data);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "pactboard: --today: lands in 2201; years run 1900–2200\n"
    );
}

#[test]
fn init_on_a_file_is_wrong_usage_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "keep me").unwrap();
    let output = pactboard(&["init", file.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "pactboard: {} is a file, not a directory; give init a directory to create the workspace in\n",
            file.display()
        )
    );
    assert_eq!(stdout(&output), "");
    let inside = file.join("team");
    let output = pactboard(&["init", "--demo", inside.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "pactboard: cannot create {}: {} is a file, not a directory; give init a directory to create the workspace in\n",
            inside.display(),
            file.display()
        )
    );
    assert_eq!(fs::read(&file).unwrap(), b"keep me");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing else created"
    );
}

#[test]
fn data_naming_a_file_says_it_is_a_file_not_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("passwd");
    fs::write(&file, "root:x:0:0:root:/root:/bin/sh\n").unwrap();
    for command in [&["status"][..], &["check"], &["status", "--format", "json"]] {
        let output = pactboard(command, &file);
        assert_eq!(output.status.code(), Some(2), "{command:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "pactboard: {} is a file, not a directory; the data directory is the directory that holds workspace.ron and partners/\n",
                file.display()
            )
        );
        assert_eq!(stdout(&output), "");
    }
    let missing = dir.path().join("nowhere");
    let output = pactboard(&["status"], &missing);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "{} does not exist; create a workspace there with `pactboard init",
            missing.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&file).unwrap(), b"root:x:0:0:root:/root:/bin/sh\n");
    assert!(!missing.exists());
}

#[test]
fn the_dashboard_without_a_terminal_says_so_and_points_at_status() {
    let (_dir, data) = demo_copy();
    let before = contents(&data);
    // Output captured by the test: not a terminal.
    let output = pactboard(&[], &data);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "pactboard: the dashboard needs a terminal, and standard output is not one; use `pactboard status` for scripts (`pactboard --help` lists every command)\n"
    );
    assert_eq!(stdout(&output), "", "no escape codes written into a pipe");
    assert_eq!(contents(&data), before);
}

#[test]
fn a_partner_file_linking_outside_the_data_directory_is_not_read() {
    let (dir, data) = demo_copy();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "hunter2 root:x:0:0\n").unwrap();
    std::os::unix::fs::symlink(&secret, data.join("partners/intruder.ron")).unwrap();
    // A link that stays inside the data directory is followed.
    fs::create_dir(data.join("shared")).unwrap();
    fs::rename(
        data.join("partners/lumen-payroll.ron"),
        data.join("shared/lumen-payroll.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        "../shared/lumen-payroll.ron",
        data.join("partners/lumen-payroll.ron"),
    )
    .unwrap();
    let before = contents(&data);

    let canonical = fs::canonicalize(&secret).unwrap();
    let expected = format!(
        "partners/intruder.ron:1:1: error: a symbolic link to {}, outside the data directory; pactboard follows links only to files inside it, so it was not read — copy the file into the data directory instead",
        canonical.display()
    );
    let check = pactboard(&["check"], &data);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(error_lines(&check), [expected]);
    for format in ["text", "markdown", "json"] {
        let status = pactboard(&["status", "--format", format], &data);
        assert_eq!(status.status.code(), Some(1), "{format}");
        for output in [&check, &status] {
            let all = format!("{}{}", stdout(output), stderr(output));
            assert!(
                !all.contains("hunter2") && !all.contains("root"),
                "{format}: {all}"
            );
        }
    }
    let status = json(&pactboard(&["status", "--format", "json"], &data));
    assert!(
        status["partners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "lumen-payroll"),
        "the link inside the data directory loaded"
    );
    assert_eq!(contents(&data), before);
}

#[test]
fn duplicate_partner_names_are_a_warning_in_check_and_status() {
    let (_dir, data) = demo_copy();
    fs::copy(
        data.join("partners/lumen-payroll.ron"),
        data.join("partners/lumen-payroll-2.ron"),
    )
    .unwrap();
    edit(
        &data,
        "partners/lumen-payroll-2.ron",
        "name: \"Lumen Payroll\"",
        "name: \"lumen payroll \"",
    );
    let before = contents(&data);
    let (line, column) = position_of(&data, "partners/lumen-payroll-2.ron", "\"lumen payroll \"");
    let expected = format!(
        "partners/lumen-payroll-2.ron:{line}:{column}: warning: partners/lumen-payroll.ron has the same name, \"lumen payroll\"; rename one so they can be told apart"
    );
    let check = pactboard(&["check"], &data);
    assert_eq!(
        check.status.code(),
        Some(0),
        "a warning does not fail check"
    );
    assert!(
        stdout(&check).lines().any(|l| l == expected),
        "{}",
        stdout(&check)
    );

    let status = pactboard(&["status", "--format", "json"], &data);
    assert_eq!(status.status.code(), Some(0));
    let problems = json(&status)["problems"].clone();
    let warning = problems
        .as_array()
        .unwrap()
        .iter()
        .find(|problem| problem["file"] == "partners/lumen-payroll-2.ron")
        .unwrap_or_else(|| panic!("{problems}"));
    assert_eq!(warning["severity"], "warning");
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    let text = stdout(&pactboard(&["status"], &data));
    assert!(
        text.contains("warnings: `pactboard check` lists them"),
        "{text}"
    );
    assert_eq!(contents(&data), before);
}
