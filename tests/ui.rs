//! The dashboard drawn on a test backend with today pinned. Every screen and
//! overlay is a snapshot at 80x24 and 120x40 on the small fixture portfolio (built
//! in `common::fixture`, so changing the demo changes none of them), plus one
//! snapshot per screen on the demo; colour checks where colour carries meaning, and
//! a sweep over sizes that asserts only that nothing panics.

mod common;

use common::scoring::scoring_app;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::{DetailAction, PipelineAction, ScoringAction, TimelineAction};
use pactboard::app::keymap::Context;
use pactboard::app::records::{Item, Rec};
use pactboard::app::screens::detail::Section;
use pactboard::app::screens::settings::{Setting, Threshold};
use pactboard::app::screens::timeline::{MilestoneRef, Zoom};
use pactboard::app::{Action, App, Tab, dispatch, handle_key};
use pactboard::ui::theme::Theme;
use ratatui::style::Color;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots `app` as `<name>_<w>x<h>` at 80x24 and 120x40.
fn snapshot_both(name: &str, app: &App) {
    for (width, height) in SIZES {
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            screen(app, width, height)
        );
    }
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

/// The fixture with `id`'s detail open on `section`.
fn fixture_detail(id: &str, section: Section) -> (tempfile::TempDir, App) {
    let (dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = &mut app;
    view.tabs.pipeline.selected = Some(id.to_string());
    view.tabs.pipeline.settle(data, 0);
    dispatch(&mut app, Action::Open);
    while app.view.detail().unwrap().section != section {
        dispatch(&mut app, Action::Detail(DetailAction::NextSection));
    }
    (dir, app)
}

/// The fixture's workspace with only its first `keep` partners, on disk.
fn fixture_with(keep: usize) -> (tempfile::TempDir, App) {
    fixture_app_changed(|_, partners| partners.truncate(keep))
}

// ---- every screen on the fixture ----

#[test]
fn overview() {
    let (_dir, app) = fixture_app();
    snapshot_both("overview", &app);
}

#[test]
fn overview_filter() {
    let (_dir, mut app) = fixture_app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "cobalt");
    snapshot_both("overview_filter_typing", &app);
    key(&mut app, KeyCode::Enter);
    snapshot_both("overview_filter", &app);
}

#[test]
fn pipeline() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    snapshot_both("pipeline", &app);
    dispatch(
        &mut app,
        Action::Pipeline(PipelineAction::ToggleClosedStages),
    );
    snapshot_both("pipeline_unfolded", &app);
}

#[test]
fn pipeline_scrolled() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    // Past the third column the board scrolls at 80 columns.
    for _ in 0..4 {
        dispatch(&mut app, Action::Right);
    }
    insta::assert_snapshot!("pipeline_scrolled_80x24", screen(&app, 80, 24));
}

#[test]
fn pipeline_filter() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tomas");
    snapshot_both("pipeline_filter_typing", &app);
    key(&mut app, KeyCode::Enter);
    snapshot_both("pipeline_filter", &app);
}

#[test]
fn detail_sections() {
    for (section, name) in [
        (Section::Profile, "profile"),
        (Section::Roles, "roles"),
        (Section::Agreement, "agreement"),
        (Section::Charter, "charter"),
        (Section::Activity, "activity"),
    ] {
        let (_dir, app) = fixture_detail("cobalt-works", section);
        snapshot_both(&format!("detail_{name}"), &app);
    }
}

// ---- the Timeline, on the fixture with a plan in every status ----

fn timeline() -> (tempfile::TempDir, App) {
    let (dir, mut app) = milestones::timeline_app();
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    (dir, app)
}

fn timeline_key(app: &mut App, action: TimelineAction) {
    dispatch(app, Action::Timeline(action));
}

/// Selects the Timeline's milestone called `title`.
fn select_milestone(app: &mut App, title: &str) {
    let App { data, view, .. } = app;
    let wanted = (data.partners.iter())
        .find_map(|file| {
            let m = file.partner.milestones.iter().find(|m| m.title == title)?;
            Some(MilestoneRef {
                partner: file.id.clone(),
                at: Rec::of(m),
            })
        })
        .unwrap();
    assert!(
        view.tabs.timeline.select(data, &wanted),
        "{title} is listed"
    );
}

#[test]
fn timeline_zooms() {
    let (_dir, mut app) = timeline();
    assert_eq!(app.view.tabs.timeline.zoom, Zoom::Month, "opens on months");
    // The slipped, late milestone: its details show the re-plan.
    select_milestone(&mut app, "First kits shipped");
    snapshot_both("timeline_month", &app);
    timeline_key(&mut app, TimelineAction::CycleZoom);
    snapshot_both("timeline_quarter", &app);
    timeline_key(&mut app, TimelineAction::CycleZoom);
    snapshot_both("timeline_week", &app);
}

#[test]
fn timeline_by_phase() {
    let (_dir, mut app) = timeline();
    timeline_key(&mut app, TimelineAction::ToggleGrouping);
    snapshot_both("timeline_by_phase", &app);
}

#[test]
fn timeline_attention() {
    let (_dir, mut app) = timeline();
    timeline_key(&mut app, TimelineAction::AttentionOnly);
    snapshot_both("timeline_attention", &app);
}

#[test]
fn timeline_all_and_filtered() {
    let (_dir, mut app) = timeline();
    timeline_key(&mut app, TimelineAction::ShowAll);
    let text = screen(&app, 80, 24);
    for shown in ["Dune Council", "Talks resume", "Pilot scoped"] {
        assert!(text.contains(shown), "A shows {shown}:\n{text}");
    }
    timeline_key(&mut app, TimelineAction::ShowAll);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tomas");
    snapshot_both("timeline_filter_typing", &app);
    key(&mut app, KeyCode::Enter);
    let text = screen(&app, 80, 24);
    assert!(text.contains("filter “tomas”: 2 of 8"), "{text}");
    assert!(text.contains("Teacher training") && text.contains("Sensors ordered"));
    assert!(!text.contains("First kits"), "{text}");
}

#[test]
fn timeline_help() {
    let (_dir, mut app) = timeline();
    dispatch(&mut app, Action::ToggleHelp);
    snapshot_both("help_timeline", &app);
}

#[test]
fn detail_milestones() {
    let (_dir, mut app) = timeline();
    // Enter on a milestone opens its partner's Milestones section, on it.
    select_milestone(&mut app, "Teacher training");
    dispatch(&mut app, Action::Open);
    let detail = app.view.detail().unwrap();
    assert_eq!(detail.section, Section::Milestones);
    assert_eq!(app.context(), Context::DetailMilestones);
    snapshot_both("detail_milestones", &app);
}

#[test]
fn timeline_marks_status_with_colour_and_shape() {
    let (_dir, mut app) = timeline();
    let buffer = render_buffer(&app, Theme::COLOR, 120, 40);
    let text = buffer_text(&buffer);
    // The row whose name column (after marker, status and flag) is `needle`.
    let row_of = |needle: &str| {
        text.lines()
            .position(|line| line.chars().skip(4).collect::<String>().starts_with(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{text}")) as u16
    };
    let cell = |row: u16, symbol: &str| {
        let x = (0..120)
            .find(|x| buffer[(*x, row)].symbol() == symbol)
            .unwrap_or_else(|| panic!("no {symbol} in row {row}:\n{text}"));
        &buffer[(x, row)]
    };
    let late = row_of("First kits shipped");
    assert_eq!(cell(late, "!").fg, Color::Red, "late: ! in red");
    assert_eq!(cell(late, "╌").fg, Color::Red, "and how late, in red");
    assert_eq!(cell(row_of("School data agreement"), "▚").fg, Color::Red);
    assert_eq!(cell(row_of("Sensors ordered"), "✓").fg, Color::Green);
    assert_eq!(cell(row_of("Teacher training"), "░").fg, Color::Reset);
    let soon = row_of("Board decision");
    assert_eq!(cell(soon, "◇").fg, Color::Reset, "planned");
    assert_eq!(cell(soon, "5").fg, Color::Yellow, "due in 5d: coming up");
    assert_eq!(cell(row_of("Parent newsletter"), "x").fg, Color::DarkGray);
    // Today's line runs down the chart.
    assert_eq!(cell(row_of("Teacher training"), "│").fg, Color::Yellow);
    // Without colour, shapes and words still tell them apart.
    for action in [TimelineAction::CycleZoom, TimelineAction::ToggleGrouping] {
        let buffer = render_buffer(&app, Theme::MONOCHROME, 80, 24);
        assert!(
            buffer
                .content()
                .iter()
                .all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset)
        );
        timeline_key(&mut app, action);
    }
}

#[test]
fn the_marked_timeline_row_is_the_selected_milestone() {
    let (_dir, mut app) = timeline();
    let mut seen = Vec::new();
    for _ in 0..10 {
        let selected = app.view.tabs.timeline.selected().unwrap().clone();
        let title = app
            .partner_data(&selected.partner)
            .and_then(|p| selected.at.find(&p.milestones))
            .unwrap()
            .title
            .clone();
        let text = screen(&app, 120, 40);
        let marked = text.lines().find(|line| line.starts_with('›')).unwrap();
        assert!(
            marked.contains(&title),
            "{title} is selected, {marked:?} is marked"
        );
        if !seen.contains(&title) {
            seen.push(title);
        }
        dispatch(&mut app, Action::Down);
    }
    assert_eq!(seen.len(), 8, "j went through every milestone: {seen:?}");
}

#[test]
fn the_timeline_follows_the_selection_down_a_long_list() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    timeline_key(&mut app, TimelineAction::ShowAll);
    dispatch(&mut app, Action::Bottom);
    let text = screen(&app, 80, 24);
    let marked = text.lines().find(|line| line.starts_with('›'));
    assert!(marked.is_some(), "the last milestone is in view:\n{text}");
    assert!(text.contains("↕"), "and the list says it scrolled:\n{text}");
}

/// The scoring fixture on the Scoring tab.
fn scoring_tab() -> (tempfile::TempDir, App) {
    let (dir, mut app) = scoring_app();
    dispatch(&mut app, Action::GoTo(Tab::Scoring));
    (dir, app)
}

fn scoring(app: &mut App, action: ScoringAction) {
    dispatch(app, Action::Scoring(action));
}

#[test]
fn scoring_matrix() {
    let (_dir, app) = scoring_tab();
    snapshot_both("scoring", &app);
    let text = screen(&app, 80, 24);
    // At 80 columns six of the eight criteria fit; the rest is marked.
    assert!(text.contains("criteria 1–6 of 8"), "{text}");
    assert!(text.contains("ranked after the others"), "{text}");
}

#[test]
fn scoring_scrolled_to_the_last_criterion() {
    let (_dir, mut app) = scoring_tab();
    for _ in 0..8 {
        dispatch(&mut app, Action::Right);
    }
    dispatch(&mut app, Action::Down);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!("scoring_scrolled_80x24", text);
    assert!(text.contains("criteria 3–8 of 8"), "{text}");
    assert!(text.contains("Track record · weight 1 of 14"), "{text}");
    // The names stay while the criteria scroll.
    assert!(text.contains("Elm Street Studio"), "{text}");
}

#[test]
fn scoring_weights_row_with_a_trial() {
    let (_dir, mut app) = scoring_tab();
    scoring(&mut app, ScoringAction::Weights);
    for _ in 0..3 {
        scoring(&mut app, ScoringAction::Raise);
    }
    snapshot_both("scoring_weights", &app);
    let text = screen(&app, 80, 24);
    assert!(text.contains("3→6"), "{text}");
    assert!(text.contains("▲1") && text.contains("▼1"), "{text}");
}

#[test]
fn scoring_compare() {
    let (_dir, mut app) = scoring_tab();
    for _ in 0..3 {
        scoring(&mut app, ScoringAction::Mark);
        dispatch(&mut app, Action::Down);
    }
    scoring(&mut app, ScoringAction::Compare);
    snapshot_both("scoring_compare", &app);
}

#[test]
fn scoring_retired_criteria() {
    let (_dir, mut app) = scoring_tab();
    scoring(&mut app, ScoringAction::Weights);
    for _ in 0..7 {
        dispatch(&mut app, Action::Right);
    }
    dispatch(&mut app, Action::Delete);
    insta::assert_snapshot!("scoring_retire_question_80x24", screen(&app, 80, 24));
    dispatch(&mut app, Action::Yes);
    scoring(&mut app, ScoringAction::Retired);
    insta::assert_snapshot!("scoring_retired_80x24", screen(&app, 80, 24));
}

#[test]
fn scoring_form() {
    let (_dir, mut app) = scoring_tab();
    dispatch(&mut app, Action::Down);
    dispatch(&mut app, Action::Open);
    snapshot_both("scoring_form", &app);
}

#[test]
fn scoring_all_partners_by_name() {
    let (_dir, mut app) = scoring_tab();
    scoring(&mut app, ScoringAction::ToggleAll);
    scoring(&mut app, ScoringAction::Sort);
    dispatch(&mut app, Action::Left);
    insta::assert_snapshot!("scoring_all_by_name_120x40", screen(&app, 120, 40));
}

#[test]
fn scoring_cells_are_shaded_and_keep_their_meaning_without_colour() {
    let (_dir, mut app) = scoring_tab();
    // Off the first cell, so no cell is drawn as the selection.
    dispatch(&mut app, Action::Left);
    let colour = render_buffer(&app, Theme::COLOR, 120, 40);
    let mono = render_buffer(&app, Theme::MONOCHROME, 120, 40);
    let text = buffer_text(&mono);
    // Elm Street Studio: strategic fit 3, expertise 5 (with evidence), innovation 3.
    let row = text
        .lines()
        .position(|line| line.contains("Elm Street Studio"))
        .unwrap() as u16;
    let find = |symbol: &str, from: u16| {
        (from..120)
            .find(|x| mono[(*x, row)].symbol() == symbol)
            .unwrap()
    };
    let three = find("3", 30);
    let five = find("5", three + 1);
    assert_eq!(mono[(five + 1, row)].symbol(), "*", "evidence is marked");
    assert_eq!(colour[(three, row)].bg, Color::Yellow);
    assert_eq!(colour[(five, row)].bg, Color::Green);
    use ratatui::style::Modifier;
    assert!(mono[(five, row)].modifier.contains(Modifier::BOLD));
    assert!(!mono[(three, row)].modifier.contains(Modifier::BOLD));
    // Fjord: innovation potential 2, dim without colour.
    let fjord = text
        .lines()
        .position(|line| line.contains("Fjord Data"))
        .unwrap() as u16;
    let two = (30..120)
        .find(|x| mono[(*x, fjord)].symbol() == "2")
        .unwrap();
    assert!(mono[(two, fjord)].modifier.contains(Modifier::DIM));
    assert_eq!(colour[(two, fjord)].bg, Color::LightRed);
    for cell in mono.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn help_on_the_scoring_tab_lists_the_keys_of_every_mode() {
    let (_dir, mut app) = scoring_tab();
    dispatch(&mut app, Action::ToggleHelp);
    let text = screen(&app, 100, 90);
    for expected in [
        "Keys: Scoring",
        "raise the score in the cell",
        "Scoring: the weights row",
        "save the tried weights to workspace.ron (one undo step)",
        "Scoring: retired criteria",
        "Scoring: comparison",
        "▲2 ▼1",
        "under half the criteria scored: ranked after the rest",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn settings() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::OpenSettings);
    dispatch(&mut app, Action::Down);
    snapshot_both("settings", &app);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "prog");
    snapshot_both("settings_filter", &app);
}

/// The settings open with `wanted` selected, walked to with `j`.
fn settings_at(app: &mut App, wanted: Setting) {
    dispatch(app, Action::OpenSettings);
    while app.view.settings().unwrap().selected() != Some(&wanted) {
        dispatch(app, Action::Down);
    }
}

#[test]
fn settings_sections() {
    // A stage that partners are in, refused; the about panel names them.
    let (_dir, mut app) = fixture_app();
    settings_at(&mut app, Setting::Stage("prospect".into()));
    dispatch(&mut app, Action::Delete);
    snapshot_both("settings_stage_refused", &app);
    // Scrolled to the thresholds: the rule in full under the list.
    let (_dir, mut app) = fixture_app();
    settings_at(&mut app, Setting::Threshold(Threshold::Rag));
    snapshot_both("settings_thresholds", &app);
    // At the bottom: the criteria, one retired and one renamed stage's id.
    let (_dir, mut app) = fixture_in_memory();
    app.data.workspace.criteria[1].retired = true;
    app.data.workspace.stages[3].name = "Live".into();
    dispatch(&mut app, Action::OpenSettings);
    dispatch(&mut app, Action::Bottom);
    snapshot_both("settings_criteria", &app);
    dispatch(&mut app, Action::PageUp);
    dispatch(&mut app, Action::PageUp);
    dispatch(&mut app, Action::PageUp);
    insta::assert_snapshot!("settings_renamed_stage_80x24", screen(&app, 80, 24));
}

#[test]
fn settings_forms() {
    let (_dir, mut app) = fixture_app();
    settings_at(&mut app, Setting::Stage("active".into()));
    dispatch(&mut app, Action::Edit);
    key(&mut app, KeyCode::Tab);
    snapshot_both("form_stage", &app);
    key(&mut app, KeyCode::Esc);
    dispatch(&mut app, Action::Back);
    settings_at(&mut app, Setting::Threshold(Threshold::Rag));
    dispatch(&mut app, Action::Edit);
    for _ in 0..2 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "25");
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    snapshot_both("form_thresholds", &app);
}

#[test]
fn the_selected_setting_is_highlighted_and_a_refusal_is_red() {
    let (_dir, mut app) = fixture_app();
    settings_at(&mut app, Setting::Stage("prospect".into()));
    dispatch(&mut app, Action::Delete);
    let buffer = render_buffer(&app, Theme::COLOR, 80, 24);
    let text = buffer_text(&buffer);
    let row = text
        .lines()
        .position(|line| line.starts_with("│›  Prospect"))
        .unwrap() as u16;
    assert_eq!(buffer[(5, row)].bg, Color::Blue);
    assert_eq!(buffer[(2, 22)].fg, Color::Red, "{text}");
}

#[test]
fn settings_of_a_first_run_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    pactboard::store::Store::new(&data)
        .init(
            &pactboard::domain::Workspace::new("Partnerships"),
            &[],
            false,
        )
        .unwrap();
    let mut app = app_on(&data);
    dispatch(&mut app, Action::OpenSettings);
    insta::assert_snapshot!("settings_empty_80x24", screen(&app, 80, 24));
}

#[test]
fn help() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::ToggleHelp);
    snapshot_both("help", &app);
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::OpenSettings);
    dispatch(&mut app, Action::ToggleHelp);
    snapshot_both("help_settings", &app);
}

#[test]
fn load_errors() {
    let (_dir, data) = fixture_copy();
    truncate_partner(&data, "birch-foundation");
    let mut app = app_on(&data);
    let overview = screen(&app, 80, 24);
    assert!(
        overview.contains("1 file did not load (! to list)"),
        "{overview}"
    );
    dispatch(&mut app, Action::ShowLoadErrors);
    snapshot_both("load_errors", &app);
}

#[test]
fn form_new_partner() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::Add);
    snapshot_both("form_new_partner", &app);
}

/// `m`: the "move to…" picker, and the question when joint work would start with
/// nothing signed.
#[test]
fn stage_move_picker_and_its_question() {
    let (_dir, mut app) = fixture_detail("birch-foundation", Section::Profile);
    dispatch(&mut app, Action::MoveStage);
    snapshot_both("form_stage_move", &app);
    type_text(&mut app, "E"); // Expanding, two stages on
    dispatch(&mut app, Action::Submit);
    snapshot_both("confirm_stage_move", &app);
}

#[test]
fn form_with_a_validation_message() {
    let (_dir, mut app) = fixture_detail("birch-foundation", Section::Profile);
    dispatch(&mut app, Action::Add);
    key(&mut app, KeyCode::Right); // a goal
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "soon");
    dispatch(&mut app, Action::Submit);
    snapshot_both("form_validation", &app);
}

#[test]
fn form_with_a_list_of_rows() {
    let (_dir, mut app) = fixture_detail("cobalt-works", Section::Charter);
    dispatch(&mut app, Action::Edit);
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    snapshot_both("form_charter", &app);
}

#[test]
fn form_member() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::OpenSettings);
    dispatch(&mut app, Action::Add);
    type_text(&mut app, "maya");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Maya Two");
    dispatch(&mut app, Action::Submit);
    snapshot_both("form_member", &app);
}

#[test]
fn confirm_delete() {
    let (_dir, mut app) = fixture_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::Delete);
    snapshot_both("confirm_delete", &app);
}

// ---- one snapshot per screen on the demo ----

#[test]
fn demo_screens() {
    let (_dir, mut app) = demo_app();
    insta::assert_snapshot!("demo_overview_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("demo_overview_120x40", screen(&app, 120, 40));
    insta::assert_snapshot!("demo_overview_200x50", screen(&app, 200, 50));
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    insta::assert_snapshot!("demo_pipeline_80x24", screen(&app, 80, 24));
    dispatch(&mut app, Action::Open);
    insta::assert_snapshot!("demo_detail_80x24", screen(&app, 80, 24));
    dispatch(&mut app, Action::OpenSettings);
    insta::assert_snapshot!("demo_settings_80x24", screen(&app, 80, 24));
    dispatch(&mut app, Action::GoTo(Tab::Scoring));
    insta::assert_snapshot!("demo_scoring_80x24", screen(&app, 80, 24));
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    insta::assert_snapshot!("demo_timeline_80x24", screen(&app, 80, 24));
}

// ---- what the snapshots cannot say ----

#[test]
fn the_demo_date_is_on_screen_even_at_80_columns() {
    let (_dir, app) = demo_app();
    let text = screen(&app, 80, 24);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("demo as of 2026-11-28"),
        "{text}"
    );
}

#[test]
fn severity_has_colour_and_a_symbol() {
    let (_dir, app) = demo_app();
    // Tall enough for the first warnings under the late items.
    let buffer = render_buffer(&app, Theme::COLOR, 80, 30);
    let text = buffer_text(&buffer);
    // An overdue action: its ▲ is red.
    let row = text
        .lines()
        .position(|line| line.contains("Chase the council"))
        .unwrap() as u16;
    let x = (0..80).find(|x| buffer[(*x, row)].symbol() == "▲").unwrap();
    assert_eq!(buffer[(x, row)].fg, Color::Red);
    // Warnings (a stale KPI, an early warning) come after what is late: a taller
    // terminal shows them.
    let tall = render_buffer(&app, Theme::COLOR, 80, 60);
    let tall_text = buffer_text(&tall);
    let warning = tall_text
        .lines()
        .position(|line| line.contains("◆"))
        .unwrap() as u16;
    let x = (0..80)
        .find(|x| tall[(*x, warning)].symbol() == "◆")
        .unwrap();
    assert_eq!(tall[(x, warning)].fg, Color::Yellow);
    // The selected row, the first, is highlighted and marked.
    let selected = text
        .lines()
        .position(|line| line.contains("Charities live"))
        .unwrap() as u16;
    assert_eq!(buffer[(x + 4, selected)].bg, Color::Blue);
    assert!(text.lines().nth(selected as usize).unwrap().contains("›"));
}

#[test]
fn no_color_means_no_colour_at_all() {
    let (_dir, mut app) = demo_app();
    for action in [
        Action::ToggleHelp,
        Action::Back,
        Action::Open,
        Action::OpenSettings,
        Action::Add,
    ] {
        let buffer = render_buffer(&app, Theme::MONOCHROME, 120, 40);
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{:?}", cell);
            assert_eq!(cell.bg, Color::Reset, "{:?}", cell);
        }
        dispatch(&mut app, action);
    }
}

/// The selected row of the detail is the row of the selected item, for every item
/// of the busiest section: rows and items come from one list.
#[test]
fn the_marked_row_is_the_selected_item() {
    let (_dir, mut app) = fixture_detail("cobalt-works", Section::Activity);
    let partner = app.partner_data("cobalt-works").unwrap().clone();
    let items = app.view.detail().unwrap().items(&app.data);
    assert_eq!(items.len(), 6, "{items:?}");
    for (index, item) in items.iter().enumerate() {
        let expected = match item {
            Item::Action(at) => at.find(&partner.actions).unwrap().text.clone(),
            Item::CheckIn(at) => at.find(&partner.checkins).unwrap().date.to_string(),
            Item::Review(at) => at.find(&partner.reviews).unwrap().date.to_string(),
            Item::History(at) => partner.history[*at].date.to_string(),
            other => panic!("{other:?} is not in the activity"),
        };
        let text = screen(&app, 120, 40);
        let marked = text
            .lines()
            .find(|line| line.starts_with("│›"))
            .unwrap_or_else(|| panic!("no row is marked:\n{text}"));
        assert!(
            marked.contains(&expected),
            "item {index} ({item:?}) is selected but the marked row is {marked:?}"
        );
        dispatch(&mut app, Action::Down);
    }
}

#[test]
fn every_screen_and_overlay_survives_every_size() {
    let (_dir, data) = demo_copy();
    truncate_partner(&data, "kestrel-devices");
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for width in [
        1, 2, 5, 10, 20, 40, 60, 79, 80, 81, 100, 119, 120, 121, 160, 200,
    ] {
        for height in [1, 2, 3, 5, 8, 10, 15, 20, 23, 24, 25, 33, 34, 40, 50, 60] {
            sizes.push((width, height));
        }
    }
    let next = Action::Detail(DetailAction::NextSection);
    let prev = Action::Detail(DetailAction::PrevSection);
    let zoom = Action::Timeline(TimelineAction::CycleZoom);
    let phase = Action::Timeline(TimelineAction::ToggleGrouping);
    let attention = Action::Timeline(TimelineAction::AttentionOnly);
    let setups: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::ToggleHelp],
        vec![Action::ShowLoadErrors],
        vec![Action::Bottom],
        vec![Action::StartFilter],
        vec![Action::Open],
        vec![Action::Open, next],
        vec![Action::Open, next, next, Action::Bottom],
        vec![Action::Open, prev, prev],
        vec![Action::Open, prev, Action::Bottom],
        vec![Action::Open, Action::ToggleHelp],
        vec![Action::OpenSettings],
        vec![Action::OpenSettings, Action::StartFilter],
        vec![Action::OpenSettings, Action::Add],
        vec![Action::OpenSettings, Action::Bottom],
        vec![Action::OpenSettings, Action::Bottom, Action::PageUp],
        vec![
            Action::OpenSettings,
            Action::Bottom,
            Action::PageUp,
            Action::Edit,
        ],
        vec![Action::OpenSettings, Action::PageDown, Action::Edit],
        vec![Action::OpenSettings, Action::PageDown, Action::Delete],
        vec![Action::OpenSettings, Action::Bottom, Action::Edit],
        vec![Action::GoTo(Tab::Pipeline)],
        vec![Action::GoTo(Tab::Timeline)],
        vec![Action::GoTo(Tab::Timeline), Action::Bottom],
        vec![Action::GoTo(Tab::Timeline), zoom],
        vec![Action::GoTo(Tab::Timeline), zoom, zoom],
        vec![Action::GoTo(Tab::Timeline), phase, Action::Bottom],
        vec![Action::GoTo(Tab::Timeline), attention],
        vec![Action::GoTo(Tab::Timeline), Action::StartFilter],
        vec![Action::GoTo(Tab::Timeline), Action::Open],
        vec![Action::GoTo(Tab::Timeline), Action::Add],
        vec![Action::GoTo(Tab::Timeline), Action::Edit],
        vec![Action::GoTo(Tab::Scoring)],
        vec![
            Action::GoTo(Tab::Scoring),
            Action::Scoring(ScoringAction::ToggleAll),
            Action::Right,
            Action::Right,
            Action::Right,
            Action::Right,
            Action::Right,
            Action::Right,
            Action::Right,
            Action::Bottom,
        ],
        vec![
            Action::GoTo(Tab::Scoring),
            Action::Scoring(ScoringAction::Weights),
            Action::Scoring(ScoringAction::Raise),
        ],
        vec![
            Action::GoTo(Tab::Scoring),
            Action::Scoring(ScoringAction::Weights),
            Action::Delete,
            Action::Yes,
            Action::Scoring(ScoringAction::Retired),
        ],
        vec![
            Action::GoTo(Tab::Scoring),
            Action::Scoring(ScoringAction::Mark),
            Action::Down,
            Action::Scoring(ScoringAction::Mark),
            Action::Down,
            Action::Scoring(ScoringAction::Mark),
            Action::Scoring(ScoringAction::Compare),
            Action::Down,
            Action::Down,
        ],
        vec![Action::GoTo(Tab::Scoring), Action::Open],
        vec![Action::GoTo(Tab::Scorecard)],
    ];
    for setup in setups {
        let mut app = app_on(&data);
        for action in &setup {
            dispatch(&mut app, *action);
        }
        for &(width, height) in &sizes {
            render_buffer(&app, Theme::COLOR, width, height);
        }
    }
}

#[test]
fn forms_questions_and_the_filter_survive_every_size() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let mut states = 0;
    dispatch(&mut app, Action::StartFilter);
    states += every_size(&app);
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Add);
    states += every_size(&app);
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Delete);
    states += every_size(&app);
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Open);
    dispatch(&mut app, Action::Detail(DetailAction::NextSection));
    dispatch(&mut app, Action::Detail(DetailAction::NextSection));
    dispatch(&mut app, Action::Edit);
    states += every_size(&app);
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Detail(DetailAction::NextSection));
    dispatch(&mut app, Action::Edit);
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    states += every_size(&app);
    assert_eq!(states, 5);
}

fn every_size(app: &App) -> usize {
    for width in [1, 3, 10, 20, 40, 80, 120, 200] {
        for height in [1, 2, 4, 8, 12, 24, 40, 60] {
            render_buffer(app, Theme::COLOR, width, height);
        }
    }
    1
}

#[test]
fn help_lists_the_pipeline_keys() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::ToggleHelp);
    let text = screen(&app, 100, 60);
    for expected in [
        "H/Shift-←",
        "L/Shift-→",
        "move the partner to the next stage",
        "/",
        "z",
        "u ",
        "Ctrl-r",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn the_attention_list_scrolls_to_keep_the_selection_in_view() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::Bottom);
    let text = screen(&app, 80, 24);
    let last = app.data.summary.attention.last().unwrap();
    let days = (last.due.unwrap() - app.data.today).num_days();
    assert!(
        text.contains(&format!("› △   in {days}d {}", last.partner_name)),
        "{text}"
    );
    let count = app.data.summary.attention.len();
    assert!(text.contains(&format!("{count} of {count}")), "{text}");
    assert!(
        !text.contains("Charities live"),
        "the first item scrolled away:\n{text}"
    );
}

#[test]
fn the_footer_keeps_help_and_quit_when_narrow() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let text = screen(&app, 50, 15);
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
}

#[test]
fn a_list_in_a_form_shows_its_own_keys() {
    let (_dir, mut app) = fixture_detail("cobalt-works", Section::Charter);
    dispatch(&mut app, Action::Edit);
    let text = screen(&app, 120, 40);
    assert!(!text.contains("Ctrl-n add row"), "{text}");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    let text = screen(&app, 120, 40);
    assert!(text.contains("Ctrl-n add row"), "in the list:\n{text}");
    assert!(text.contains("1. Step"), "{text}");
}

// ---- wording ----

#[test]
fn one_partner_is_one_partner_not_one_partners() {
    let (_dir, mut app) = fixture_with(1);
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let text = screen(&app, 120, 40);
    assert!(text.contains(" 1 partner in "), "{text}");
    assert!(!text.contains("1 partners"), "{text}");
}

/// A closed partner's detail says why there is no health score, without a stray
/// "· –" before it.
#[test]
fn a_closed_partners_detail_header_says_why_there_is_no_health() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = &mut app;
    view.tabs.pipeline.selected = Some("oakridge-training-collective".to_string());
    view.tabs.pipeline.settle(data, 0);
    dispatch(&mut app, Action::Open);
    let text = screen(&app, 80, 24);
    let health = text.lines().nth(2).unwrap();
    assert_eq!(
        health.trim(),
        "paused: a closed stage has no health score",
        "{text}"
    );
}

/// A new workspace (`init`) says there are no partners yet and how to add one,
/// not that every partnership is on track.
#[test]
fn an_empty_workspace_says_how_to_add_the_first_partner() {
    let (_dir, app) = fixture_with(0);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("No partners yet: press 2 for the Pipeline, then a to add one."),
        "{text}"
    );
    assert!(!text.contains("on track"), "{text}");
    snapshot_both("overview_empty", &app);
}

/// A partner without an owner says "no owner" on its card and headers, never a
/// bare "kind ·".
#[test]
fn a_partner_without_an_owner_says_so() {
    let (_dir, mut app) = fixture_app_changed(|_, partners| {
        partners.truncate(1);
        partners[0].1.owner = String::new();
    });
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let text = screen(&app, 80, 24);
    assert!(text.contains(" · no owner"), "{text}");
    assert!(!text.lines().any(|line| line.contains(" · │")), "{text}");
    dispatch(&mut app, Action::Open);
    let text = screen(&app, 120, 40);
    assert!(
        text.lines().nth(1).unwrap().contains(" · no owner"),
        "{text}"
    );
}

// ---- 80x24: nothing that matters is cut ----

/// Eight stages at 80 columns: the counts go on over a second line with whole
/// names rather than "Prospe 2  Assess 2 …".
#[test]
fn eight_stages_on_the_overview_wrap_with_whole_names() {
    use pactboard::domain::workspace::{StageDef, StageRole};
    let (_dir, app) = fixture_app_changed(|workspace, _| {
        workspace.stages.insert(
            5,
            StageDef {
                id: "renewing".into(),
                name: "Renewing".into(),
                role: StageRole::Operating,
                checkin: true,
            },
        );
    });
    assert_eq!(app.data.workspace.stages.len(), 8);
    let text = screen(&app, 80, 24);
    let lines: Vec<&str> = text.lines().collect();
    let counts = format!("{} {}", lines[2], lines[3]);
    for stage in &app.data.workspace.stages {
        assert!(counts.contains(&format!("{} ", stage.name)), "{text}");
    }
    assert!(lines[4].contains("Needs attention"), "{text}");
}

/// Typing a filter on the Pipeline at 80 columns with columns hidden either side:
/// the count gives way, the filter and "N more" are read whole.
#[test]
fn the_pipeline_filter_line_fits_at_80_columns() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('l'));
    }
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "food");
    let text = screen(&app, 80, 24);
    let header = text.lines().nth(1).unwrap();
    assert!(header.contains("/ food█"), "{header}");
    assert!(
        header.contains("shown · Enter keep · Esc clear"),
        "{header}"
    );
    assert!(header.contains("◂ "), "{header}");
    assert!(header.trim_end().ends_with("more ▸"), "{header}");
}

/// A long partner name on the Timeline at 80 columns keeps its health; the name
/// and stage give way.
#[test]
fn a_long_name_on_the_timeline_keeps_its_health() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    let text = screen(&app, 80, 24);
    let row = text
        .lines()
        .find(|line| line.contains("Fernhill"))
        .expect("Fernhill Creative's row");
    assert!(row.contains("● 73"), "{row}");
}

/// What is coming due is marked △ (a hollow ▲), so ○ keeps one meaning on the
/// Overview: poor health (and, on the Scorecard, a red KPI). The legend says so.
#[test]
fn coming_due_is_a_hollow_triangle_not_the_poor_health_circle() {
    let (_dir, app) = demo_app();
    let text = screen(&app, 200, 50);
    let marks: Vec<&str> = text
        .lines()
        .filter(|line| line.contains(" in ") && line.contains("d "))
        .filter_map(|line| line.trim_start_matches(['│', '›', ' ']).split(' ').next())
        .collect();
    assert!(marks.contains(&"△"), "{text}");
    assert!(!marks.contains(&"○"), "{text}");
    let legend = pactboard::app::keymap::legend(Context::Overview);
    assert!(
        legend.iter().any(|(symbol, _)| *symbol == "▲ ◆ △"),
        "{legend:?}"
    );
}

/// A tester at 80x24: an early warning's Why stopped at "→ amber; the", before the
/// part that makes it a warning, with nothing to say it was cut. The panel grows to
/// hold the rule, and a rule longer still ends in "…".
#[test]
fn the_why_of_an_early_warning_is_read_in_full_at_80x24() {
    use pactboard::domain::attention::AttentionKind;
    let (_dir, mut app) = demo_app();
    let at = app
        .data
        .summary
        .attention
        .iter()
        .position(|item| item.kind == AttentionKind::EarlyWarning)
        .expect("the demo has an early warning");
    for _ in 0..at {
        key(&mut app, KeyCode::Char('j'));
    }
    let text = screen(&app, 80, 24);
    let why: String = text
        .lines()
        .skip_while(|line| !line.contains(" Why "))
        .take_while(|line| !line.contains("Next 14 days"))
        .map(|line| line.trim_matches(['│', '┌', '└', '─', ' ']).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(why.contains("→ early warning"), "{text}");
    assert!(
        text.contains("Needs attention"),
        "the list keeps its place: {text}"
    );
}
