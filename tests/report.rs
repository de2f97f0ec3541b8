//! `pactboard report` on temporary copies of the demo, today pinned: the meeting
//! report in Markdown and text and a review pack as golden files; the edges of
//! `--since`, `--quarter` and `--partner`; text that fits 80 columns with CJK names;
//! `--out`; and `Ctrl-p` in the dashboard writing where it says, and nowhere else.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::screens::detail::Section;
use pactboard::app::screens::{DetailScreen, Layer};
use pactboard::app::{Action, Effect, Tab, handle_key, update};
use pactboard::report::ReportKind;
use unicode_width::UnicodeWidthStr;

/// `pactboard report ARGS --today DEMO_DATE` on `data`.
fn report(args: &[&str], data: &Path) -> std::process::Output {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--today", DEMO_DATE]);
    pactboard(&all, data)
}

/// The report's standard output, after checking it succeeded.
fn report_ok(args: &[&str], data: &Path) -> String {
    let output = report(args, data);
    assert!(
        output.status.success(),
        "{args:?} exited {:?}: {}",
        output.status.code(),
        stderr(&output)
    );
    stdout(&output)
}

/// Every file under `dir`, by path, with its bytes: to show nothing was written.
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

/// The lines of `text` wider than `columns` display columns.
fn too_wide(text: &str, columns: usize) -> Vec<String> {
    text.lines()
        .filter(|line| UnicodeWidthStr::width(*line) > columns)
        .map(|line| format!("{} columns: {line}", UnicodeWidthStr::width(line)))
        .collect()
}

// ----- golden files -----

#[test]
fn the_meeting_report_in_markdown() {
    let (_dir, data) = demo_copy();
    insta::assert_snapshot!("meeting_markdown", report_ok(&[], &data));
}

#[test]
fn the_meeting_report_as_text_at_80_columns() {
    let (_dir, data) = demo_copy();
    let text = report_ok(&["--format", "text"], &data);
    assert_eq!(too_wide(&text, 80), Vec::<String>::new());
    insta::assert_snapshot!("meeting_text", text);
}

#[test]
fn a_review_pack_in_markdown_and_text() {
    let (_dir, data) = demo_copy();
    let markdown = report_ok(&["--partner", "harbourline-mutual"], &data);
    insta::assert_snapshot!("pack_harbourline_markdown", markdown);
    let text = report_ok(
        &[
            "--partner",
            "harbourline-mutual",
            "--quarter",
            "2026Q3",
            "--format",
            "text",
        ],
        &data,
    );
    assert_eq!(too_wide(&text, 80), Vec::<String>::new());
    insta::assert_snapshot!("pack_harbourline_text", text);
}

// ----- what the report says -----

#[test]
fn the_report_agrees_with_status_on_every_figure_it_shows() {
    let (_dir, data) = demo_copy();
    let markdown = report_ok(&[], &data);
    let status = pactboard(&["status", "--format", "json", "--today", DEMO_DATE], &data);
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    // The same attention items, in the same order, with the same words.
    let attention: Vec<String> = json["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["message"].as_str().unwrap().to_string())
        .collect();
    let mut from = 0;
    for message in &attention {
        let cell = message.replace('|', "\\|");
        let at = markdown[from..]
            .find(&cell)
            .unwrap_or_else(|| panic!("{message:?} is not in the report after byte {from}"));
        from += at + cell.len();
    }
    assert!(markdown.contains(&format!("## Needs attention ({})", attention.len())));
    // Each partner's health, with its basis.
    for partner in json["partners"].as_array().unwrap() {
        if let Some(health) = partner["health"].as_u64() {
            let basis = partner["health_basis"].as_u64().unwrap();
            let name = partner["name"].as_str().unwrap();
            let row = markdown
                .lines()
                .find(|line| line.starts_with(&format!("| {name} |")))
                .unwrap_or_else(|| panic!("no row for {name}"));
            assert!(
                row.contains(&format!("| {health} ("))
                    && row.contains(&format!("from {basis} of 100 points")),
                "{row}"
            );
        }
    }
}

#[test]
fn an_empty_week_says_nothing_happened_and_still_shows_where_things_stand() {
    let (_dir, data) = demo_copy();
    // Nothing in the demo is dated on its last day.
    let markdown = report_ok(&["--since", "today"], &data);
    for heading in [
        "### Check-ins since",
        "### Feedback since",
        "### Re-plans since",
        "### Readings since",
        "### Action items closed since",
    ] {
        assert!(!markdown.contains(heading), "{heading}\n{markdown}");
    }
    let quiet = format!(
        "No milestones done, re-plans, check-ins, feedback, readings or action items closed since {DEMO_DATE}."
    );
    assert_eq!(markdown.matches(&quiet).count(), 6, "{markdown}");
    // The state of things is there all the same.
    assert!(markdown.contains("## Needs attention (28)"));
    assert!(markdown.contains("| Charities live | red |"));
    assert!(markdown.contains(&format!("meeting report, {DEMO_DATE} to {DEMO_DATE}")));
}

#[test]
fn since_defaults_to_seven_days_ago_and_takes_relative_dates() {
    let (_dir, data) = demo_copy();
    let default = report_ok(&[], &data);
    assert!(default.contains("meeting report, 2026-11-21 to 2026-11-28"));
    assert_eq!(report_ok(&["--since", "-1w"], &data), default);
    assert_eq!(report_ok(&["--since", "2026-11-21"], &data), default);
    let fortnight = report_ok(&["--since", "-2w"], &data);
    assert!(fortnight.contains("meeting report, 2026-11-14 to 2026-11-28"));
    // A re-plan of 2026-11-16 is in the fortnight, not in the week.
    assert!(fortnight.contains("Test window moved again"));
    assert!(fortnight.contains("### Re-plans since 2026-11-14"));
    assert!(!default.contains("### Re-plans since"));
    // What the week measured and finished: readings taken, action items closed.
    assert!(
        default.contains(
            "### Readings since 2026-11-21\n\n- Charities live: 22 charities on 2026-11-25\n"
        ),
        "{default}"
    );
    assert!(
        default.contains(
            "- Agree severity levels in the runbook — Tomas Ferreira (ours), done 2026-11-23"
        ),
        "{default}"
    );
    // A date that does not exist is named once, with why.
    let wrong = report(&["--since", "2026-13-01"], &data);
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(
        stderr(&wrong).trim(),
        "pactboard: --since 2026-13-01: no such day in the calendar"
    );
}

#[test]
fn a_quarter_before_the_partner_existed_has_nothing_to_review() {
    let (_dir, data) = demo_copy();
    let markdown = report_ok(
        &["--partner", "harbourline-mutual", "--quarter", "2020Q1"],
        &data,
    );
    assert!(
        markdown.contains(
            "Nothing to review: the first record of Harbourline Mutual is dated 2026-04-12, after 2020 Q1."
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("## KPIs"), "{markdown}");
}

#[test]
fn the_quarter_defaults_to_the_last_full_one_and_may_be_the_current_one() {
    let (_dir, data) = demo_copy();
    let default = report_ok(&["--partner", "harbourline-mutual"], &data);
    assert!(default.starts_with("# Harbourline Mutual — quarterly review pack, 2026 Q3\n"));
    assert_eq!(
        report_ok(&["--partner", "harbourline-mutual", "--quarter"], &data),
        default
    );
    let current = report_ok(
        &["--partner", "harbourline-mutual", "--quarter", "2026q4"],
        &data,
    );
    assert!(
        current.contains("The quarter runs from 2026-10-01 to 2026-12-31 (so far to 2026-11-28)"),
        "{current}"
    );
    // Its feedback: Ruth Okonkwo's 2 of 2026-11-22 is in Q4, not in Q3.
    assert!(current.contains("| 2026-11-22 | Ruth Okonkwo | theirs | 2/5 |"));
    assert!(!default.contains("| 2026-11-22 | Ruth Okonkwo |"));
}

#[test]
fn an_unknown_partner_is_wrong_usage_and_the_ids_are_listed() {
    let (_dir, data) = demo_copy();
    let output = report(&["--partner", "harbour-lights"], &data);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.starts_with(
            "pactboard: no partner has the id \"harbour-lights\"; the partners are:\n"
        ),
        "{message}"
    );
    let listed: Vec<&str> = message.lines().skip(1).map(str::trim).collect();
    let mut ids: Vec<String> = fs::read_dir(data.join("partners"))
        .unwrap()
        .map(|entry| {
            entry
                .unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".ron")
                .to_string()
        })
        .collect();
    ids.sort();
    assert_eq!(listed, ids);
    // A partner's name works as well as its id.
    let by_name = report_ok(&["--partner", "Harbourline Mutual"], &data);
    assert_eq!(
        by_name,
        report_ok(&["--partner", "harbourline-mutual"], &data)
    );
}

#[test]
fn wrong_dates_and_quarters_are_wrong_usage() {
    let (_dir, data) = demo_copy();
    for (args, says) in [
        (&["--since", "2026-12-01"][..], "is after today"),
        (&["--since", "yesterday"], "not a date"),
        (
            &["--partner", "kestrel-devices", "--quarter", "2027Q1"],
            "has not begun yet",
        ),
        (
            &["--partner", "kestrel-devices", "--quarter", "2026Q5"],
            "like 2026Q3",
        ),
        (&["--quarter", "2026Q3"], "--partner"),
        (
            &["--partner", "kestrel-devices", "--since", "today"],
            "cannot be used with",
        ),
    ] {
        let output = report(args, &data);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
}

#[test]
fn a_file_that_did_not_load_is_named_and_the_report_exits_1() {
    let (_dir, data) = demo_copy();
    truncate_partner(&data, "kestrel-devices");
    let output = report(&[], &data);
    assert_eq!(output.status.code(), Some(1));
    let markdown = stdout(&output);
    assert!(
        markdown.contains("## Files that did not load (1)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- partners/kestrel-devices.ron:"),
        "{markdown}"
    );
    let output = report(&["--partner", "kestrel-devices"], &data);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the file of kestrel-devices did not load"),
        "{}",
        stderr(&output)
    );
}

// ----- text width -----

/// The demo with CJK names for the workspace, a member, a partner, its KPI and a
/// contact, CJK notes and feedback, and a web address no line can hold.
fn cjk_copy() -> (tempfile::TempDir, PathBuf) {
    let (dir, data) = demo_copy();
    let edit = |file: &str, pairs: &[(&str, &str)]| {
        let path = data.join(file);
        let mut text = fs::read_to_string(&path).unwrap();
        for (from, to) in pairs {
            assert!(text.contains(from), "{file} has no {from:?}");
            text = text.replace(from, to);
        }
        fs::write(&path, text).unwrap();
    };
    edit(
        "workspace.ron",
        &[
            (
                "name: \"Brightwell Civic Software — Partnerships\"",
                "name: \"ブライトウェル市民ソフトウェア株式会社 パートナーシップ管理\"",
            ),
            ("name: \"Amara Nwosu\"", "name: \"渡辺亜由美子\""),
        ],
    );
    edit(
        "partners/harbourline-mutual.ron",
        &[
            (
                "name: \"Harbourline Mutual\"",
                "name: \"港湾相互保険株式会社地域社会投資部門\"",
            ),
            (
                "name: \"Charities live\"",
                "name: \"稼働中の慈善団体数（スポンサー付きライセンス）\"",
            ),
            ("\"Ruth Okonkwo\"", "\"大久保るり子\""),
            (
                "The board is asking why only a third of the charities are live.",
                "理事会は、なぜ慈善団体の三分の一しか稼働していないのかを尋ねています。詳細はhttps://example.org/harbourline/board-minutes/2026-11-22/why-only-a-third-are-liveを参照。",
            ),
            (
                "Ruth is worried about her board; prepare numbers for the review.",
                "るり子さんは理事会を心配している。レビューのための数字を準備すること。",
            ),
        ],
    );
    (dir, data)
}

#[test]
fn text_never_passes_80_columns_with_cjk_names() {
    let (_dir, data) = cjk_copy();
    for args in [
        &["--format", "text"][..],
        &["--format", "text", "--since", "-4w"],
        &[
            "--format",
            "text",
            "--partner",
            "harbourline-mutual",
            "--quarter",
            "2026Q4",
        ],
        &["--format", "text", "--partner", "harbourline-mutual"],
    ] {
        let text = report_ok(args, &data);
        assert!(
            text.contains("港湾相互保険"),
            "{args:?}: the CJK name is shown\n{text}"
        );
        assert_eq!(too_wide(&text, 80), Vec::<String>::new(), "{args:?}");
    }
    let text = report_ok(&["--format", "text"], &data);
    assert!(text.contains("渡辺亜由美子"), "{text}");
    assert!(text.contains("理事会は"), "{text}");
}

#[test]
fn markdown_tables_keep_a_pipe_in_a_cell() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/kestrel-devices.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("name: \"Kestrel Devices\"", "name: \"Kestrel | Devices\""),
    )
    .unwrap();
    let markdown = report_ok(&[], &data);
    assert!(
        markdown.contains("| Kestrel \\| Devices | Jonas Lindqvist | Active |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("## Kestrel | Devices — Active"),
        "{markdown}"
    );
}

// ----- --out -----

#[test]
fn out_writes_the_same_report_to_a_file_and_never_into_the_data_directory() {
    let (dir, data) = demo_copy();
    let before = files_under(&data);
    let out = dir.path().join("notes.md");
    let printed = report_ok(&[], &data);
    let output = report(&["--out", out.to_str().unwrap()], &data);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert_eq!(fs::read_to_string(&out).unwrap(), printed);
    // Written again over it: replaced whole.
    let output = report(&["--since", "-2w", "--out", out.to_str().unwrap()], &data);
    assert!(output.status.success());
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .contains("2026-11-14 to 2026-11-28")
    );

    for inside in [data.join("report.md"), data.join("partners/report.md")] {
        let output = report(&["--out", inside.to_str().unwrap()], &data);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("data directory"),
            "{}",
            stderr(&output)
        );
        assert!(!inside.exists());
    }
    assert_eq!(
        files_under(&data),
        before,
        "the data directory is untouched"
    );
}

// ----- Ctrl-p in the dashboard -----

fn ctrl_p(app: &mut pactboard::app::App) {
    handle_key(
        app,
        KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL),
    );
}

fn status_text(app: &pactboard::app::App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn ctrl_p_writes_the_meeting_report_and_a_partners_review_pack() {
    let (dir, mut app) = demo_app();
    let data = dir.path().join("data");
    let before = files_under(&data);
    let out = tempfile::tempdir().unwrap();
    app.report_dir = Some(out.path().to_path_buf());

    // On the Overview: the meeting report, the same as `report` prints.
    assert_eq!(
        update(&mut app, Action::WriteReport)
            .iter()
            .map(|effect| format!("{effect:?}"))
            .collect::<Vec<_>>(),
        [format!("{:?}", Effect::WriteReport(ReportKind::Meeting))]
    );
    ctrl_p(&mut app);
    let name = format!("pactboard-report-{DEMO_DATE}.md");
    let written = out.path().join(&name);
    assert_eq!(
        status_text(&app),
        format!(
            "{name} written in {} (the meeting report)",
            out.path().display()
        )
    );
    let printed = report_ok(&[], &data);
    // The dashboard's demo date is the workspace's; `report` here pins it.
    assert_eq!(
        fs::read_to_string(&written)
            .unwrap()
            .replace(", the demo's date", ""),
        printed
    );

    // Again: a new file beside it, the first one kept.
    ctrl_p(&mut app);
    assert!(
        out.path()
            .join(format!("pactboard-report-{DEMO_DATE}-2.md"))
            .exists()
    );
    assert!(status_text(&app).starts_with(&format!("pactboard-report-{DEMO_DATE}-2.md written")));

    // On the Scorecard: the review pack of the partner shown.
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('5'), KeyModifiers::NONE),
    );
    assert_eq!(app.view.tab, Tab::Scorecard);
    let shown = app.view.tabs.scorecard.partner_id().unwrap().to_string();
    ctrl_p(&mut app);
    let pack = out
        .path()
        .join(format!("pactboard-review-{shown}-2026Q3.md"));
    assert!(pack.exists(), "{}", status_text(&app));
    assert!(status_text(&app).contains("review pack for 2026 Q3"));

    // In a partner's detail: that partner's.
    let detail = DetailScreen::new(&app.data, "harbourline-mutual", Section::Agreement);
    app.view.layers.push(Layer::Detail(detail));
    ctrl_p(&mut app);
    let pack = out
        .path()
        .join("pactboard-review-harbourline-mutual-2026Q3.md");
    assert!(
        fs::read_to_string(&pack)
            .unwrap()
            .starts_with("# Harbourline Mutual — quarterly review pack, 2026 Q3\n")
    );

    assert_eq!(
        files_under(&data),
        before,
        "the data directory is untouched"
    );
}

#[test]
fn ctrl_p_refuses_to_write_inside_the_data_directory() {
    let (dir, mut app) = demo_app();
    let data = dir.path().join("data");
    let before = files_under(&data);
    app.report_dir = Some(data.join("partners"));
    ctrl_p(&mut app);
    let status = app.status.clone().unwrap();
    assert_eq!(status.level, pactboard::app::effect::Level::Error);
    assert!(
        status.text.starts_with("report not written: "),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("inside the data directory"),
        "{}",
        status.text
    );
    assert_eq!(files_under(&data), before);
}
