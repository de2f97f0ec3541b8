//! The bad-input corpus (`tests/fixtures/bad-input/`): each file, dropped into a
//! small clean workspace, must get exactly the `check` lines written in its
//! `// check: ` comments — file, line, column, severity, message — and `status`, in
//! every format, must agree with `check` on what is wrong and on the exit code.
//! Nothing is ever written.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-input")
}

/// One bad file and where it goes in the data directory.
struct Case {
    name: String,
    /// Relative to the data directory.
    target: String,
    bytes: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (dir, target) in [("partners", None), ("workspace", Some("workspace.ron"))] {
        let mut paths: Vec<PathBuf> = fs::read_dir(corpus().join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let file_name = path.file_name().unwrap().to_str().unwrap().to_string();
            cases.push(Case {
                name: format!("{dir}/{file_name}"),
                target: target.map_or(format!("partners/{file_name}"), str::to_string),
                bytes: fs::read(&path).unwrap(),
            });
        }
    }
    // A file of no bytes at all has no room for its expectation.
    cases.push(Case {
        name: "an empty partner file".into(),
        target: "partners/empty.ron".into(),
        bytes: Vec::new(),
    });
    cases
}

fn expected_lines(case: &Case) -> Vec<String> {
    if case.bytes.is_empty() {
        return vec![
            "partners/empty.ron:1:1: error: the file is empty (nothing but blanks and comments); it should hold one partner record: ( version: …, … )".into(),
        ];
    }
    String::from_utf8_lossy(&case.bytes)
        .lines()
        .filter_map(|line| {
            line.trim_start_matches('\u{feff}')
                .strip_prefix("// check: ")
        })
        .map(str::to_string)
        .collect()
}

/// Every file under `dir`, with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The JSON's `load_errors` and `problems` written as `check` writes them.
fn json_lines(json: &Value) -> Vec<String> {
    let line = |entry: &Value, severity: &str| {
        format!(
            "{}:{}:{}: {severity}: {}",
            entry["file"].as_str().unwrap(),
            entry["line"],
            entry["column"],
            entry["message"].as_str().unwrap()
        )
    };
    let load_errors = json["load_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| line(error, "error"));
    let problems = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|problem| line(problem, problem["severity"].as_str().unwrap()));
    load_errors.chain(problems).collect()
}

#[test]
fn the_corpus_covers_every_kind_of_bad_input_in_the_issue() {
    let names: Vec<String> = cases().into_iter().map(|case| case.name).collect();
    for needed in [
        "partners/bom.ron",
        "partners/reading-nan.ron",
        "partners/reading-inf.ron",
        "partners/score-99.ron",
        "partners/sentiment-99.ron",
        "partners/empty-name.ron",
        "partners/unknown-stage.ron",
        "workspace/negative-weight.ron",
        "workspace/inverted-thresholds.ron",
        "workspace/duplicate-stage.ron",
        "partners/date-short-month.ron",
        "partners/date-year-zero.ron",
        "partners/date-negative-year.ron",
        "partners/duplicate-name.ron",
        "partners/newer-version.ron",
    ] {
        assert!(names.iter().any(|name| name == needed), "{needed}");
    }
    assert!(names.len() >= 60, "{}", names.len());
}

#[test]
fn check_says_exactly_what_each_file_of_the_corpus_expects() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        copy_dir(&corpus().join("base"), &data);
        fs::write(data.join(&case.target), &case.bytes).unwrap();
        let output = pactboard(&["check"], &data);
        let found: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
        let expected = expected_lines(&case);
        let code = if expected.iter().any(|line| line.contains(": error: ")) {
            1
        } else {
            0
        };
        if found != expected || output.status.code() != Some(code) {
            failures.push(format!(
                "{}: exit {:?} (expected {code})\n  found:    {found:?}\n  expected: {expected:?}",
                case.name,
                output.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn status_and_check_agree_on_every_file_of_the_corpus() {
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        copy_dir(&corpus().join("base"), &data);
        fs::write(data.join(&case.target), &case.bytes).unwrap();
        let before = contents(&data);
        let name = &case.name;

        let check = pactboard(&["check"], &data);
        let check_lines: Vec<String> = stdout(&check).lines().map(str::to_string).collect();

        let status = pactboard(&["status", "--format", "json"], &data);
        assert_eq!(
            status.status.code(),
            check.status.code(),
            "{name}: status --format json"
        );
        let json: Value = serde_json::from_str(&stdout(&status)).unwrap();
        assert_eq!(
            json_lines(&json),
            check_lines,
            "{name}: the same problems, in the same places"
        );

        for format in ["text", "markdown"] {
            let status = pactboard(&["status", "--format", format], &data);
            assert_eq!(
                status.status.code(),
                check.status.code(),
                "{name}: status --format {format}"
            );
            let text = stdout(&status);
            for error in json["load_errors"].as_array().unwrap() {
                let shown = format!(
                    "{}:{}:{}: {}",
                    error["file"].as_str().unwrap(),
                    error["line"],
                    error["column"],
                    error["message"].as_str().unwrap()
                );
                assert!(
                    text.contains(&shown),
                    "{name}: {format} lacks {shown}\n{text}"
                );
            }
            // Errors are listed where they are; warnings are counted, and `check`
            // lists them.
            for line in check_lines
                .iter()
                .filter(|line| !json_is_load_error(&json, line))
            {
                if line.contains(": error: ") {
                    assert!(
                        text.contains(line.as_str()),
                        "{name}: {format} lacks {line}\n{text}"
                    );
                } else {
                    assert!(
                        text.contains("`pactboard check` lists"),
                        "{name}: {format} does not point at check for {line}\n{text}"
                    );
                }
            }
        }
        assert_eq!(contents(&data), before, "{name}: nothing written");
    }
}

fn json_is_load_error(json: &Value, line: &str) -> bool {
    json["load_errors"].as_array().unwrap().iter().any(|error| {
        line.starts_with(&format!(
            "{}:{}:{}: error: ",
            error["file"].as_str().unwrap(),
            error["line"],
            error["column"]
        ))
    })
}
