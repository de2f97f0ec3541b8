//! The real binary on temporary copies of the demo: `check`, `status` in every
//! format, `init`, exit codes, and the committed demo matching its generator.

mod common;

use std::fs;

use common::*;
use serde_json::Value;

#[test]
fn check_passes_on_the_demo() {
    let (_dir, data) = demo_copy();
    let output = pactboard(&["check"], &data);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(stderr(&output).contains("checked 13 files: 0 errors"));
    assert!(
        stdout(&output).contains("warning: goal"),
        "SMART warnings are reported"
    );
    assert!(
        stdout(&output).contains(
            "partners/harbourline-mutual.ron:37:24: warning: goal \"Publish a joint impact report for the sponsor's AGM\" has no KPI"
        ),
        "an operating partner's goal without a KPI is reported where it is:\n{}",
        stdout(&output)
    );
}

/// `file:line:column` of each line `check` prints, as numbers.
fn positions(out: &str) -> Vec<(String, usize, usize)> {
    out.lines()
        .map(|line| {
            let parts: Vec<&str> = line.splitn(4, ':').collect();
            (
                parts[0].to_string(),
                parts[1].parse().unwrap(),
                parts[2].parse().unwrap(),
            )
        })
        .collect()
}

/// The reviewer read `fernhill-creative.ron:46`, `:59`, then `:46` again: each
/// check walked the whole file in turn. Now the workspace's problems come first,
/// then each file's by path, each down the file — in `check` and `status` alike.
#[test]
fn check_and_status_list_problems_by_file_line_and_column() {
    let (_dir, data) = demo_copy();
    // A warning in the workspace (a phase without its id), and a version 1 file
    // whose note sits at its `version` (line 2).
    let workspace = data.join("workspace.ron");
    let text = fs::read_to_string(&workspace).unwrap();
    fs::write(
        &workspace,
        text.replacen("(id: \"expansion\", name", "(name", 1),
    )
    .unwrap();
    put_back_the_v1_lumen_payroll(&data);
    let output = pactboard(&["check"], &data);
    let out = stdout(&output);
    let found = positions(&out);
    let fernhill: Vec<usize> = found
        .iter()
        .filter(|(file, _, _)| file == "partners/fernhill-creative.ron")
        .map(|(_, line, _)| *line)
        .collect();
    assert_eq!(fernhill, [46, 46, 59], "{out}");
    assert_eq!(found[0].0, "workspace.ron", "{out}");
    let lumen: Vec<usize> = found
        .iter()
        .filter(|(file, _, _)| file == "partners/lumen-payroll.ron")
        .map(|(_, line, _)| *line)
        .collect();
    assert_eq!(
        lumen.first(),
        Some(&2),
        "the version note at its line: {out}"
    );
    let mut sorted = found.clone();
    sorted.sort_by(|a, b| {
        (a.0 != "workspace.ron", &a.0, a.1, a.2).cmp(&(b.0 != "workspace.ron", &b.0, b.1, b.2))
    });
    assert_eq!(found, sorted, "{out}");
    // Two problems at one place keep the order they were found in: SMART first.
    let at_46: Vec<&str> = out
        .lines()
        .filter(|line| line.starts_with("partners/fernhill-creative.ron:46:"))
        .collect();
    assert!(
        at_46[0].contains("is not SMART") && at_46[1].contains("has no KPI"),
        "{out}"
    );
    // `status --format json` lists the same problems in the same order.
    let json: Value =
        serde_json::from_str(&stdout(&pactboard(&["status", "--format", "json"], &data))).unwrap();
    let listed: Vec<(String, usize, usize)> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap() as usize,
                p["column"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(listed, found);
}

#[test]
fn check_fails_with_file_line_column_on_a_broken_copy_and_writes_nothing() {
    let (_dir, data) = demo_copy();
    let cut = truncate_partner(&data, "kestrel-devices");
    let output = pactboard(&["check"], &data);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let line = text
        .lines()
        .find(|line| line.starts_with("partners/kestrel-devices.ron:"))
        .unwrap_or_else(|| panic!("{text}"));
    let parts: Vec<&str> = line.splitn(4, ':').collect();
    assert!(parts[1].parse::<usize>().unwrap() > 1, "{line}");
    assert!(parts[2].parse::<usize>().is_ok(), "{line}");
    assert!(line.contains("ends too early"), "{line}");
    assert_eq!(
        fs::read(data.join("partners/kestrel-devices.ron")).unwrap(),
        cut
    );
}

#[test]
fn check_reports_an_id_used_twice_in_a_file_where_it_appears_again() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/harbourline-mutual.ron");
    let text = fs::read_to_string(&path).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("(id: \""))
        .filter(|rest| rest.starts_with("ct-"))
        .map(|rest| &rest[..9])
        .collect();
    let (first, second) = (ids[0], ids[1]);
    let edited = text.replacen(&format!("id: \"{second}\""), &format!("id: \"{first}\""), 1);
    fs::write(&path, &edited).unwrap();
    let (line, column) = edited
        .lines()
        .enumerate()
        .filter_map(|(index, line)| {
            // The position of the value, after `id: `.
            line.find(&format!("id: \"{first}\""))
                .map(|at| (index + 1, at + 1 + "id: ".len()))
        })
        .nth(1)
        .unwrap();

    let output = pactboard(&["check"], &data);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let expected = format!(
        "partners/harbourline-mutual.ron:{line}:{column}: error: the id \"{first}\" of the contact at contacts[1] is already the id of the contact at contacts[0]"
    );
    assert!(stdout(&output).contains(&expected), "{}", stdout(&output));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        edited,
        "check never writes"
    );
}

#[test]
fn check_warns_about_links_to_nothing_and_files_waiting_for_migration() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/greenway-grocers.ron");
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen("goal: None,", "goal: Some(\"gl-gone00\"),", 1);
    fs::write(&path, &edited).unwrap();
    put_back_the_v1_lumen_payroll(&data);
    let output = pactboard(&["check"], &data);
    assert!(
        output.status.success(),
        "warnings only: {}",
        stdout(&output)
    );
    let out = stdout(&output);
    assert!(
        out.contains("which is not a goal of this partner; the link is ignored"),
        "{out}"
    );
    assert!(
        out.contains("partners/lumen-payroll.ron:2:14: warning: loaded with changes made in memory (version 1 → 2, 2 ids assigned)"),
        "{out}"
    );
}

#[test]
fn status_json_has_the_documented_shape() {
    let (_dir, data) = demo_copy();
    let output = pactboard(&["status", "--format", "json"], &data);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json["today"], DEMO_DATE,
        "a demo uses the date it was made for"
    );
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 6);
    for key in [
        "today",
        "partners",
        "stages",
        "attention",
        "load_errors",
        "problems",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    let partners = json["partners"].as_array().unwrap();
    assert!(partners.len() >= 10);
    for partner in partners {
        for key in ["id", "name", "stage", "stage_id", "owner"] {
            assert!(partner[key].is_string(), "{key} in {partner}");
        }
        assert!(partner["health"].is_null() || partner["health"].as_u64().unwrap() <= 100);
        assert!(partner["score"].is_null() || partner["score"].as_u64().unwrap() <= 100);
        let coverage = partner["score_coverage"].as_array().unwrap();
        assert_eq!(coverage.len(), 2);
        assert!(coverage[0].as_u64().unwrap() <= coverage[1].as_u64().unwrap());
        for key in [
            "green",
            "amber",
            "red",
            "stale",
            "early_warning",
            "too_early",
            "closed",
            "on_hold",
        ] {
            assert!(partner["kpis"][key].is_u64(), "kpis.{key}");
        }
        assert_eq!(partner["kpis"].as_object().unwrap().len(), 8);
        let basis = partner["health_basis"].as_u64().unwrap();
        assert!(basis <= 100);
        assert_eq!(partner["health"].is_null(), basis == 0, "{partner}");
        for key in ["open", "overdue", "due_14d"] {
            assert!(partner["milestones"][key].is_u64(), "milestones.{key}");
        }
        let last = &partner["last_checkin"];
        assert!(last.is_null() || last.as_str().unwrap().len() == 10);
        assert!(partner["open_actions"].is_u64());
        assert_eq!(partner.as_object().unwrap().len(), 13);
    }
    assert!(partners.iter().any(|p| p["health"].is_u64()));
    let stages = json["stages"].as_array().unwrap();
    assert_eq!(stages[0]["name"], "Prospect");
    assert_eq!(stages[0]["id"], "prospect");
    let harbourline = partners
        .iter()
        .find(|p| p["id"] == "harbourline-mutual")
        .unwrap();
    assert_eq!(
        (&harbourline["stage"], &harbourline["stage_id"]),
        (&Value::from("Active"), &Value::from("active")),
        "the stage's name for people, its id for scripts"
    );
    let total: u64 = stages.iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, partners.len());
    let attention = json["attention"].as_array().unwrap();
    assert!(!attention.is_empty());
    let kinds = [
        "overdue_milestone",
        "red_kpi",
        "early_warning",
        "stale_kpi",
        "checkin_overdue",
        "agreement_review",
        "renewal",
        "action_overdue",
        "deliverable_overdue",
        "review_due",
        "meeting_overdue",
        "no_agreement",
        "sentiment_drop",
    ];
    for kind in kinds {
        assert!(
            attention.iter().any(|item| item["kind"] == kind),
            "the demo shows {kind}"
        );
    }
    // Closed stages show no health; stale overlaps the colours.
    let oakridge = partners
        .iter()
        .find(|p| p["id"] == "oakridge-training-collective")
        .unwrap();
    assert!(oakridge["health"].is_null());
    let fernhill = partners
        .iter()
        .find(|p| p["id"] == "fernhill-creative")
        .unwrap();
    assert_eq!(fernhill["kpis"]["stale"], 1);
    assert_eq!(fernhill["kpis"]["closed"], 1);
    for item in attention {
        assert!(kinds.contains(&item["kind"].as_str().unwrap()), "{item}");
        assert!(item["partner"].is_string() && item["message"].is_string());
        assert!(item["due"].is_null() || item["due"].is_string());
        assert!(
            ["critical", "warning", "upcoming"].contains(&item["severity"].as_str().unwrap()),
            "{item}"
        );
        assert_eq!(item.as_object().unwrap().len(), 5);
    }
    // Most urgent first: a red KPI opens the list; what is merely coming due ends it.
    assert_eq!(attention[0]["severity"], "critical");
    assert_eq!(attention.last().unwrap()["severity"], "upcoming");
    assert_eq!(json["load_errors"].as_array().unwrap().len(), 0);
    // The demo's goals that fail SMART: warnings, which do not fail `status`.
    let problems = json["problems"].as_array().unwrap();
    assert!(!problems.is_empty());
    for problem in problems {
        assert!(
            problem["file"].as_str().unwrap().ends_with(".ron"),
            "{problem}"
        );
        assert!(problem["line"].as_u64().unwrap() > 1, "{problem}");
        assert!(problem["column"].as_u64().unwrap() >= 1, "{problem}");
        assert_eq!(problem["severity"], "warning", "{problem}");
        assert!(problem["message"].is_string(), "{problem}");
        assert_eq!(problem.as_object().unwrap().len(), 5);
    }
}

#[test]
fn status_still_reports_the_rest_when_a_file_is_broken() {
    let (_dir, data) = demo_copy();
    let cut = truncate_partner(&data, "kestrel-devices");
    let output = pactboard(&["status", "--format", "json"], &data);
    assert_eq!(output.status.code(), Some(1), "a data problem");
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["partners"].as_array().unwrap().len(), 11);
    let error = &json["load_errors"][0];
    assert_eq!(error["file"], "partners/kestrel-devices.ron");
    assert!(error["line"].as_u64().unwrap() > 1);
    assert!(error["column"].as_u64().unwrap() >= 1);
    assert_eq!(
        fs::read(data.join("partners/kestrel-devices.ron")).unwrap(),
        cut
    );

    let text = stdout(&pactboard(&["status"], &data));
    assert!(text.contains("Files that did not load (1)"));
    assert!(text.contains("partners/kestrel-devices.ron:"));
}

#[test]
fn status_text_and_markdown_answer_what_needs_attention() {
    let (_dir, data) = demo_copy();
    let text = stdout(&pactboard(&["status"], &data));
    assert!(text.contains("demo as of 2026-11-28"), "{text}");
    assert!(text.contains("Needs attention ("));
    assert!(text.contains("expected by today) → red"));
    // Each item carries the Overview's mark, explained once at the heading.
    assert!(
        text.contains("▲ late or red · ◆ warning · △ coming due"),
        "{text}"
    );
    assert!(
        text.contains("now ▲ Harbourline Mutual ")
            && text.contains("◆ Fernhill Creative       KPI Qualified leads is stale")
            && text.contains("in 25 days △ Greenway Grocers"),
        "{text}"
    );
    assert!(
        text.contains("Portfolio health ") && text.contains("formalizing or operating"),
        "{text}"
    );
    assert!(
        text.contains(" · 2/8"),
        "scores show their coverage: {text}"
    );
    assert!(!text.contains("\x1b["), "no colour when not a terminal");
    let markdown = stdout(&pactboard(&["status", "--format", "markdown"], &data));
    assert!(markdown.starts_with("# "));
    assert!(markdown.contains("| When | Partner | What | Why |"));
    assert!(
        markdown.contains("| ▲ now | Harbourline Mutual |"),
        "{markdown}"
    );
    assert!(markdown.contains("from 100 of 100 points"), "{markdown}");
    assert!(markdown.contains(" · 8/8 |"), "{markdown}");
}

/// Pausing a partner puts its open KPIs on hold: not in the colour counts, not in
/// attention, not in any text line about red KPIs — as its health shows the stage.
#[test]
fn a_paused_partner_s_kpis_are_on_hold_not_red() {
    let (_dir, data) = demo_copy();
    let file = data.join("partners/harbourline-mutual.ron");
    let text = fs::read_to_string(&file).unwrap();
    let harbourline = |json: &Value| {
        let partners = json["partners"].as_array().unwrap().clone();
        partners
            .into_iter()
            .find(|p| p["id"] == "harbourline-mutual")
            .unwrap()
    };
    let output = pactboard(&["status", "--format", "json"], &data);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let active = harbourline(&json);
    assert_eq!(
        (
            &active["kpis"]["green"],
            &active["kpis"]["red"],
            &active["kpis"]["on_hold"]
        ),
        (&Value::from(1), &Value::from(1), &Value::from(0))
    );
    fs::write(
        &file,
        text.replacen("stage: \"active\",", "stage: \"paused\",", 1),
    )
    .unwrap();
    let output = pactboard(&["status", "--format", "json"], &data);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paused = harbourline(&json);
    assert_eq!(paused["stage"], "Paused");
    let kpis = &paused["kpis"];
    for colour in [
        "green",
        "amber",
        "red",
        "stale",
        "early_warning",
        "too_early",
    ] {
        assert_eq!(kpis[colour], 0, "{colour}: {kpis}");
    }
    assert_eq!(
        (&kpis["on_hold"], &kpis["closed"]),
        (&Value::from(2), &Value::from(0))
    );
    assert!(paused["health"].is_null());
    let kinds: Vec<&str> = json["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["partner"] == "harbourline-mutual")
        .map(|item| item["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["action_overdue", "action_overdue"],
        "only its actions"
    );
    let text = stdout(&pactboard(&["status"], &data));
    assert!(!text.contains("Harbourline Mutual      KPI"), "{text}");
}

#[test]
fn today_can_be_pinned_by_flag_or_environment() {
    let (_dir, data) = demo_copy();
    let output = pactboard(
        &["status", "--format", "json", "--today", "2026-12-25"],
        &data,
    );
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["today"], "2026-12-25");
    let output = std::process::Command::new(binary())
        .args(["status", "--format", "json", "--data"])
        .arg(&data)
        .env("PACTBOARD_TODAY", "2027-01-05")
        .output()
        .unwrap();
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["today"], "2027-01-05");
}

#[test]
fn wrong_usage_exits_2_and_every_subcommand_has_help() {
    let (_dir, data) = demo_copy();
    assert_eq!(
        pactboard(&["status", "--format", "yaml"], &data)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(pactboard(&["frobnicate"], &data).status.code(), Some(2));
    assert_eq!(
        pactboard(&["status", "--today", "someday"], &data)
            .status
            .code(),
        Some(2)
    );
    let empty = tempfile::tempdir().unwrap();
    let output = pactboard(&["status"], empty.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not a pactboard data directory"));
    for sub in ["init", "status", "check"] {
        let output = pactboard(&[sub, "--help"], &data);
        assert!(output.status.success(), "{sub}");
        assert!(stdout(&output).contains("Usage:"), "{sub}");
    }
}

#[test]
fn init_refuses_a_non_empty_directory_and_writes_a_checkable_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("fresh");
    let output = pactboard(&["init", target.to_str().unwrap()], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let checked = pactboard(&["check"], &target);
    assert!(checked.status.success());
    assert!(
        stderr(&checked).contains("checked 1 file: 0 errors, 0 warnings"),
        "{}",
        stderr(&checked)
    );
    // With no partners, status says so and how to add one — not "on track", not
    // a table header over nothing.
    let text = stdout(&pactboard(&["status"], &target));
    assert!(text.contains("nothing — no partners yet"), "{text}");
    assert!(
        text.contains(
            "none yet — open the dashboard (`pactboard`), go to the Pipeline (2) and press a"
        ),
        "{text}"
    );
    assert!(
        !text.contains("on track") && !text.contains("Health (basis)"),
        "{text}"
    );
    let markdown = stdout(&pactboard(&["status", "--format", "markdown"], &target));
    assert!(
        markdown.contains("Nothing — no partners yet."),
        "{markdown}"
    );
    assert!(!markdown.contains("| Partner |"), "{markdown}");
    let again = pactboard(&["init", "--demo", target.to_str().unwrap()], dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"));
    let forced = pactboard(
        &["init", "--demo", "--force", target.to_str().unwrap()],
        dir.path(),
    );
    assert!(forced.status.success());
    assert!(
        target.join(".trash").is_dir(),
        "the replaced workspace is kept"
    );
    assert!(pactboard(&["check"], &target).status.success());
}

#[test]
fn the_committed_demo_is_exactly_what_init_demo_writes_for_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("demo");
    let output = std::process::Command::new(binary())
        .args(["init", "--demo", "--today", DEMO_DATE])
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(output.status.success());
    let mut files = vec!["workspace.ron".to_string()];
    for entry in fs::read_dir(repo_data().join("partners")).unwrap() {
        files.push(format!(
            "partners/{}",
            entry.unwrap().file_name().to_string_lossy()
        ));
    }
    let generated = fs::read_dir(fresh.join("partners")).unwrap().count();
    assert_eq!(files.len() - 1, generated);
    for file in files {
        assert_eq!(
            fs::read_to_string(repo_data().join(&file)).unwrap(),
            fs::read_to_string(fresh.join(&file)).unwrap(),
            "{file} differs: refresh data/ as the README says"
        );
    }
}

#[test]
fn control_characters_from_a_file_never_reach_the_terminal() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/lumen-payroll.ron");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "name: \"Lumen Payroll\"",
        "name: \"Lumen\\u{1b}]0;pwned\\u{7} Payroll\"",
        1,
    );
    fs::write(&path, text).unwrap();
    for format in ["text", "markdown", "json"] {
        let output = pactboard(&["status", "--format", format], &data);
        assert!(!output.stdout.contains(&0x1b), "{format} printed an escape");
        assert!(!output.stdout.contains(&0x07), "{format} printed a bell");
    }
}

#[test]
fn oddly_named_partner_files_are_reported_not_skipped() {
    let (_dir, data) = demo_copy();
    fs::copy(
        data.join("partners/lumen-payroll.ron"),
        data.join("partners/extra.RON"),
    )
    .unwrap();
    let output = pactboard(&["check"], &data);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("partners/extra.RON:1:1: error: partner files end in .ron"));
}

/// Lumen Payroll's file as version 1 wrote it: it loads, migrated in memory, with a
/// note at its `version` line.
fn put_back_the_v1_lumen_payroll(data: &std::path::Path) {
    fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v1/data/partners/lumen-payroll.ron"
        ),
        data.join("partners/lumen-payroll.ron"),
    )
    .unwrap();
}
