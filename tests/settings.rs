//! The workspace settings (`,`) grown to the whole workspace: stages, milestone
//! phases, KPI perspectives, the thresholds and cadences, and the criteria (listed,
//! with a jump to the Scoring tab's weights row). Driven through the key map on the
//! fixture and the demo, with the files on disk read back; `update` alone where the
//! effects asked for are the point.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::effect::{Effect, Level};
use pactboard::app::keymap::Context;
use pactboard::app::overlays::Overlay;
use pactboard::app::screens::Screen;
use pactboard::app::screens::settings::{Section, Setting, Threshold};
use pactboard::app::{Action, App, Tab, apply, dispatch, handle_key, update};
use pactboard::domain::{StageRole, Workspace};
use pactboard::store::Store;

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

/// Empties the focused field of the open form.
fn clear_field(app: &mut App) {
    for _ in 0..40 {
        key(app, KeyCode::Backspace);
    }
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn workspace_on_disk(app: &App) -> Workspace {
    Store::new(app.store.root()).load().unwrap().workspace
}

/// Every partner file's bytes, by name.
fn partner_files(app: &App) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(app.store.root().join("partners"))
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

fn selected(app: &App) -> Setting {
    app.view.settings().unwrap().selected().unwrap().clone()
}

/// Opens the settings and walks down with `j` to `wanted`, as a user would.
fn open_at(app: &mut App, wanted: Setting) {
    key(app, KeyCode::Char(','));
    key(app, KeyCode::Char('g'));
    for _ in 0..80 {
        if selected(app) == wanted {
            return;
        }
        key(app, KeyCode::Char('j'));
    }
    panic!("{wanted:?} cannot be reached; at {:?}", selected(app));
}

fn form_focus(app: &App) -> &'static str {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open: {}", status(app))
    };
    form.form.focused_field().unwrap().name
}

fn form_error(app: &App, name: &str) -> Option<String> {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open: {}", status(app))
    };
    form.form.field_named(name).unwrap().error.clone()
}

fn question(app: &App) -> String {
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!("nothing is asked: {}", status(app))
    };
    confirm.question.clone()
}

fn stage_ids(workspace: &Workspace) -> Vec<&str> {
    workspace.stages.iter().map(|s| s.id.as_str()).collect()
}

// ---- stages ----

#[test]
fn a_stage_is_added_after_the_selected_one_renamed_moved_and_undone_without_touching_a_partner_file()
 {
    let (_dir, mut app) = fixture_app();
    let partners_before = partner_files(&app);
    let before = workspace_on_disk(&app);
    open_at(&mut app, Setting::Stage("assessing".into()));

    key(&mut app, KeyCode::Char('a'));
    assert_eq!(form_focus(&app), "name");
    type_text(&mut app, "Due diligence");
    ctrl(&mut app, 's');
    assert!(
        status(&app).contains("added stage Due diligence (candidate) — saved"),
        "{}",
        status(&app)
    );
    let added = workspace_on_disk(&app);
    assert_eq!(
        stage_ids(&added)[..4],
        ["prospect", "assessing", "due-diligence", "formalizing"],
        "after the selected stage"
    );
    assert_eq!(
        added.stages[2].role,
        StageRole::Candidate,
        "the role of the stage it follows"
    );
    assert_eq!(selected(&app), Setting::Stage("due-diligence".into()));

    // Renamed: the id stays, so no partner file changes.
    key(&mut app, KeyCode::Char('e'));
    clear_field(&mut app);
    type_text(&mut app, "Vetting");
    ctrl(&mut app, 's');
    let renamed = workspace_on_disk(&app);
    assert_eq!(renamed.stage_name("due-diligence"), "Vetting");
    assert!(
        status(&app).contains("stage Due diligence: renamed Vetting"),
        "{}",
        status(&app)
    );

    // `<` moves it up; at the top it says so.
    key(&mut app, KeyCode::Char('<'));
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(
        stage_ids(&workspace_on_disk(&app))[..3],
        ["due-diligence", "prospect", "assessing"]
    );
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(status(&app), "Vetting is already the first stage");
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(
        stage_ids(&workspace_on_disk(&app))[..3],
        ["prospect", "due-diligence", "assessing"]
    );

    // Each edit is one undo step, on disk too.
    for _ in 0..4 {
        dispatch(&mut app, Action::Undo);
    }
    assert_eq!(workspace_on_disk(&app), added, "back to just added");
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app), before, "back to the start");
    dispatch(&mut app, Action::Redo);
    assert_eq!(workspace_on_disk(&app), added);
    assert_eq!(
        partner_files(&app),
        partners_before,
        "no partner file moved"
    );
}

#[test]
fn renaming_a_stage_renames_its_column_and_keeps_its_partners() {
    let (_dir, mut app) = fixture_app();
    let partners_before = partner_files(&app);
    open_at(&mut app, Setting::Stage("active".into()));
    key(&mut app, KeyCode::Enter);
    clear_field(&mut app);
    type_text(&mut app, "Live");
    key(&mut app, KeyCode::Enter);
    assert_eq!(workspace_on_disk(&app).stage_name("active"), "Live");
    assert_eq!(partner_files(&app), partners_before);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('2'));
    let board = screen(&app, 120, 40);
    assert!(board.contains("Live"), "{board}");
    assert!(!board.contains("Active"), "{board}");
}

#[test]
fn a_stage_keeps_its_role_and_check_in_in_the_form_and_space_toggles_the_check_in() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Stage("paused".into()));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    assert_eq!(form_focus(&app), "role");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    let stage = workspace_on_disk(&app).stage("paused").unwrap().clone();
    assert_eq!((stage.role, stage.checkin), (StageRole::Operating, true));
    assert!(
        status(&app).contains("stage Paused: role operating · check-in on"),
        "{}",
        status(&app)
    );
    key(&mut app, KeyCode::Char(' '));
    assert!(!workspace_on_disk(&app).stage("paused").unwrap().checkin);
    assert!(
        status(&app).contains("stage Paused: the check-in skips it"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_stage_name_is_unique_ignoring_case() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Stage("paused".into()));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "active");
    ctrl(&mut app, 's');
    assert_eq!(
        form_error(&app, "name").as_deref(),
        Some("Active is a stage already")
    );
}

#[test]
fn a_stage_that_partners_are_in_stays_with_how_many_and_where_to_move_them() {
    let (_dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::OpenSettings);
    open_at(&mut app, Setting::Stage("prospect".into()));
    let effects = update(&mut app, Action::Delete);
    let [Effect::Say(message)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(message.level, Level::Error);
    assert_eq!(
        message.text,
        "Prospect has 1 partner: move them to Assessing first (H/L on the Pipeline) — Acme Analytics"
    );
}

#[test]
fn the_last_stage_cannot_go() {
    let (_dir, mut app) = fixture_in_memory();
    app.data.workspace.stages.truncate(1);
    dispatch(&mut app, Action::OpenSettings);
    open_at(&mut app, Setting::Stage("prospect".into()));
    let effects = update(&mut app, Action::Delete);
    let [Effect::Say(message)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        message.text.starts_with("Prospect is the only stage"),
        "{}",
        message.text
    );
}

#[test]
fn an_empty_stage_is_removed_after_asking_and_comes_back_with_undo() {
    let (_dir, mut app) = fixture_app();
    let before = workspace_on_disk(&app);
    open_at(&mut app, Setting::Stage("assessing".into()));
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        question(&app),
        "Remove the stage Assessing? No partner is in it."
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(workspace_on_disk(&app), before, "no means no");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(workspace_on_disk(&app).stage("assessing").is_none());
    assert_eq!(
        selected(&app),
        Setting::Stage("formalizing".into()),
        "the selection stays in its place"
    );
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app), before);
}

#[test]
fn removing_a_stage_in_the_stage_history_says_its_id_will_show() {
    let (_dir, mut app) = demo_app();
    // Ended holds one partner; once it moves back to Paused, the stage is empty
    // but its history still names it.
    let ended = app
        .data
        .partners
        .iter()
        .find(|file| file.partner.stage == "ended")
        .unwrap()
        .id
        .clone();
    let change = app
        .data
        .change_partner(&ended, |p| {
            p.stage = "paused".into();
            Some("moved back".into())
        })
        .unwrap();
    apply(&mut app, vec![Effect::Commit(change)]);
    open_at(&mut app, Setting::Stage("ended".into()));
    key(&mut app, KeyCode::Char('d'));
    let asked = question(&app);
    assert!(
        asked.starts_with("Remove the stage Ended? No partner is in it; the stage history of 1 partner names it and will show its id (ended)."),
        "{asked}"
    );
}

// ---- phases and perspectives ----

#[test]
fn a_phase_in_use_is_removed_after_saying_how_many_milestones_name_it_and_check_warns() {
    let (_dir, mut app) = demo_app();
    open_at(&mut app, Setting::Phase("launch".into()));
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        question(&app),
        "Remove the phase Launch? 13 milestones in 6 partner files name it: they keep its id (launch), and pactboard check warns about them until they get another phase."
    );
    let partners_before = partner_files(&app);
    key(&mut app, KeyCode::Char('y'));
    let after = workspace_on_disk(&app);
    assert!(after.phases.iter().all(|p| p.id != "launch"));
    assert_eq!(
        partner_files(&app),
        partners_before,
        "milestones keep the id"
    );
    let output = pactboard(&["check"], app.store.root());
    let text = stdout(&output);
    assert!(
        text.contains("warning: milestone") && text.contains("phase \"launch\""),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(0), "a warning, not an error");
}

#[test]
fn a_perspective_is_added_after_the_selected_one_renamed_and_removed() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Perspective("customer".into()));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Impact");
    key(&mut app, KeyCode::Enter);
    let ids: Vec<String> = workspace_on_disk(&app)
        .perspectives
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(
        ids,
        ["financial", "customer", "impact", "operations", "learning"]
    );
    assert_eq!(selected(&app), Setting::Perspective("impact".into()));
    key(&mut app, KeyCode::Char('e'));
    clear_field(&mut app);
    type_text(&mut app, "Social impact");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "renamed perspective Impact to Social impact — saved"
    );
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        question(&app),
        "Remove the perspective Social impact? No KPI names it."
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(workspace_on_disk(&app).perspectives.len(), 4);

    // A perspective the fixture's KPI is in: asked with the count.
    open_at(&mut app, Setting::Perspective("customer".into()));
    key(&mut app, KeyCode::Char('d'));
    assert!(
        question(&app).contains("1 KPI in 1 partner file name it"),
        "{}",
        question(&app)
    );
}

#[test]
fn an_empty_list_takes_the_selection_so_a_adds_its_first_entry() {
    let (_dir, mut app) = fixture_app();
    let change = app
        .data
        .change_workspace(|w| {
            w.phases.clear();
            Some("no phases".into())
        })
        .unwrap();
    apply(&mut app, vec![Effect::Commit(change)]);
    open_at(&mut app, Setting::Empty(Section::Phases));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Milestone phases (0)") && text.contains("│›  none yet — a adds one"),
        "{text}"
    );
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Kickoff");
    key(&mut app, KeyCode::Enter);
    let phases = workspace_on_disk(&app).phases;
    assert_eq!(
        phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["kickoff"]
    );
    assert_eq!(selected(&app), Setting::Phase("kickoff".into()));
}

// ---- thresholds and cadences ----

#[test]
fn each_threshold_row_opens_the_one_form_on_its_own_field() {
    let (_dir, mut app) = fixture_in_memory();
    for line in Threshold::ALL {
        open_at(&mut app, Setting::Threshold(line));
        let effects = update(&mut app, Action::Edit);
        apply(&mut app, effects);
        assert_eq!(form_focus(&app), line.field(), "{line:?}");
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn thresholds_refuse_amber_at_or_above_red_and_days_below_one_saying_why() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Threshold(Threshold::Rag));
    key(&mut app, KeyCode::Char('e'));
    clear_field(&mut app);
    type_text(&mut app, "20");
    ctrl(&mut app, 's');
    assert_eq!(
        form_error(&app, "amber_points").as_deref(),
        Some("amber must be below red (20): it warns first")
    );
    // Lowering red below amber blames red.
    clear_field(&mut app);
    type_text(&mut app, "10");
    key(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "5");
    ctrl(&mut app, 's');
    assert_eq!(
        form_error(&app, "red_points").as_deref(),
        Some("red must be above amber (10): amber warns first")
    );
    assert_eq!(form_focus(&app), "red_points");
    clear_field(&mut app);
    type_text(&mut app, "30");
    // A cadence of 0 days.
    while form_focus(&app) != "checkin_days" {
        key(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    type_text(&mut app, "0");
    ctrl(&mut app, 's');
    assert_eq!(
        form_error(&app, "checkin_days").as_deref(),
        Some("must be between 1 and 365")
    );
    clear_field(&mut app);
    type_text(&mut app, "7");
    while form_focus(&app) != "renewal_notice" {
        key(&mut app, KeyCode::Tab);
    }
    clear_field(&mut app);
    type_text(&mut app, "90");
    ctrl(&mut app, 's');
    assert_eq!(
        status(&app),
        "thresholds: red 20 → 30, check-in 14 → 7 days, renewal notice 60 → 90 days — saved"
    );
    let saved = workspace_on_disk(&app);
    assert_eq!(
        (
            saved.thresholds.amber_points,
            saved.thresholds.red_points,
            saved.checkin_cadence_days,
            saved.renewal_notice_days,
            saved.review_notice_days,
        ),
        (10, 30, 7, 90, 30)
    );
    // The figures follow at once: the row says the new numbers.
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("amber from 10, red from 30 points behind plan"),
        "{text}"
    );
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app).thresholds.red_points, 20);
}

#[test]
fn an_unchanged_thresholds_form_writes_nothing() {
    let (_dir, mut app) = fixture_app();
    let path = app.store.root().join("workspace.ron");
    let before = fs::read(&path).unwrap();
    open_at(&mut app, Setting::Threshold(Threshold::Review));
    key(&mut app, KeyCode::Char('e'));
    ctrl(&mut app, 's');
    assert_eq!(status(&app), "nothing changed");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(app.history.undo.is_empty());
}

// ---- criteria ----

#[test]
fn a_criterion_row_jumps_to_its_weight_on_the_scoring_tab() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Criterion("expertise".into()));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view.tab, Tab::Scoring);
    assert!(app.view.layers.is_empty(), "the settings closed");
    assert_eq!(app.context(), Context::ScoringWeights);
    assert_eq!(app.view.tabs.scoring.column(), Some("expertise"));
    // Weights already being tried stay when the settings jump there again.
    key(&mut app, KeyCode::Char('+'));
    assert!(app.view.tabs.scoring.unsaved().is_some());
    open_at(&mut app, Setting::Criterion("cultural-fit".into()));
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.context(), Context::ScoringWeights);
    assert!(app.view.tabs.scoring.unsaved().is_some(), "the trial stays");
    assert_eq!(app.view.tabs.scoring.column(), Some("cultural-fit"));
}

#[test]
fn a_retired_criterion_is_marked_and_jumps_to_the_retired_list() {
    let (_dir, mut app) = fixture_in_memory();
    app.data.workspace.criteria[1].retired = true;
    open_at(&mut app, Setting::Criterion("expertise".into()));
    let text = screen(&app, 80, 24);
    let row = text
        .lines()
        .find(|line| line.contains("Expertise"))
        .unwrap();
    assert!(row.contains("retired"), "{row}");
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.context(), Context::ScoringRetired);
}

#[test]
fn criteria_are_not_added_moved_or_removed_here_and_say_where() {
    let (_dir, mut app) = fixture_in_memory();
    open_at(&mut app, Setting::Criterion("expertise".into()));
    for (action, word) in [
        (Action::Add, "then a"),
        (Action::Delete, "then d"),
        (
            Action::Settings(pactboard::app::action::SettingsAction::MoveDown),
            "then < or >",
        ),
    ] {
        let effects = update(&mut app, action);
        let [Effect::Say(message)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(
            message.text.contains("weights row: w goes there") && message.text.contains(word),
            "{}",
            message.text
        );
    }
}

// ---- the screen as a whole ----

#[test]
fn every_edit_is_refused_on_a_read_only_workspace() {
    let (_dir, mut app) = fixture_in_memory();
    app.data.workspace_read_only = true;
    let before = app.data.workspace.clone();
    open_at(&mut app, Setting::Stage("assessing".into()));
    for action in [
        Action::Delete,
        Action::Add,
        Action::Edit,
        Action::Settings(pactboard::app::action::SettingsAction::MoveUp),
        Action::Settings(pactboard::app::action::SettingsAction::ToggleCheckin),
    ] {
        app.status = None;
        dispatch(&mut app, action);
        assert!(
            status(&app).contains("read-only: workspace.ron was written by a newer pactboard"),
            "{action:?}: {}",
            status(&app)
        );
        assert!(app.view.overlays.is_empty(), "{action:?}");
    }
    open_at(&mut app, Setting::Threshold(Threshold::Grace));
    dispatch(&mut app, Action::Edit);
    assert!(status(&app).contains("read-only"), "{}", status(&app));
    assert_eq!(app.data.workspace, before);
}

#[test]
fn the_selected_row_stays_in_view_at_80x24_all_the_way_down_and_up() {
    let (_dir, mut app) = demo_app();
    key(&mut app, KeyCode::Char(','));
    let rows = app.view.settings().unwrap().rows(&app.data);
    assert!(rows.len() > 30, "the demo fills more than a screen");
    let marked = |app: &App| -> String {
        let text = screen(app, 80, 24);
        text.lines()
            .find(|line| line.starts_with("│›"))
            .unwrap_or_else(|| panic!("no row is marked:\n{text}"))
            .to_string()
    };
    let mut seen = Vec::new();
    for _ in 0..rows.len() {
        seen.push(marked(&app));
        key(&mut app, KeyCode::Char('j'));
    }
    assert!(seen.last().unwrap().contains("Track record"), "{seen:?}");
    for _ in 0..rows.len() {
        key(&mut app, KeyCode::Char('k'));
        marked(&app);
    }
    assert_eq!(selected(&app), Setting::Name);
    key(&mut app, KeyCode::End);
    assert!(marked(&app).contains("Track record"));
    let text = screen(&app, 80, 24);
    let border = text.lines().nth(21).unwrap();
    assert!(
        border.contains("↑ ") && border.contains(" more") && !border.contains("↓"),
        "the border says what is above:\n{text}"
    );
    key(&mut app, KeyCode::PageUp);
    assert!(
        marked(&app).contains("Review cadence"),
        "{}",
        screen(&app, 80, 24)
    );
}

#[test]
fn the_filter_narrows_every_section_and_keeps_the_name() {
    let (_dir, mut app) = fixture_app();
    key(&mut app, KeyCode::Char(','));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "financ");
    key(&mut app, KeyCode::Enter);
    let rows = app.view.settings().unwrap().rows(&app.data);
    assert_eq!(
        rows,
        [
            Setting::Name,
            Setting::Perspective("financial".into()),
            Setting::Criterion("financial-stability".into()),
        ]
    );
    assert_eq!(
        selected(&app),
        Setting::Perspective("financial".into()),
        "the first match, not the name the filter keeps"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(selected(&app), Setting::Perspective("financial".into()));
    assert!(app.view.settings().unwrap().rows(&app.data).len() > 30);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzz");
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("nothing else matches the filter (Esc clears it)"),
        "{text}"
    );
}

#[test]
fn a_workspace_edit_under_the_settings_keeps_the_selection_by_identity() {
    let (_dir, mut app) = fixture_app();
    open_at(&mut app, Setting::Phase("evaluation".into()));
    // Someone (here: another edit) adds a stage above; the selection stays put.
    let change = app
        .data
        .change_workspace(|w| {
            w.add_stage("Scouting", StageRole::Candidate, false, None);
            Some("added a stage".into())
        })
        .unwrap();
    apply(&mut app, vec![Effect::Commit(change)]);
    assert_eq!(selected(&app), Setting::Phase("evaluation".into()));
}
