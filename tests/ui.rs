//! The dashboard drawn on a test backend with today pinned: snapshots of each screen
//! and overlay, colour checks where colour carries meaning, and a size sweep.

mod common;

use common::*;
use pactboard::app::state::Tab;
use pactboard::app::{Action, update};
use pactboard::ui::theme::Theme;
use ratatui::style::Color;

#[test]
fn overview_80x24() {
    let (_dir, app) = demo_app(Theme::MONOCHROME);
    insta::assert_snapshot!("overview_80x24", screen(&app, 80, 24));
}

#[test]
fn overview_120x40() {
    let (_dir, app) = demo_app(Theme::MONOCHROME);
    insta::assert_snapshot!("overview_120x40", screen(&app, 120, 40));
}

#[test]
fn overview_200x50() {
    let (_dir, app) = demo_app(Theme::MONOCHROME);
    insta::assert_snapshot!("overview_200x50", screen(&app, 200, 50));
}

#[test]
fn help_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!("help_80x24", screen(&app, 80, 24));
}

#[test]
fn help_120x40() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!("help_120x40", screen(&app, 120, 40));
}

#[test]
fn load_errors_80x24() {
    let (_dir, data) = demo_copy();
    truncate_partner(&data, "kestrel-devices");
    let mut app = app_on(&data, Theme::MONOCHROME);
    let overview = screen(&app, 80, 24);
    assert!(
        overview.contains("1 file did not load (! to list)"),
        "{overview}"
    );
    update(&mut app, Action::ShowLoadErrors);
    insta::assert_snapshot!("load_errors_80x24", screen(&app, 80, 24));
}

#[test]
fn partner_detail_sections_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::Open);
    for name in ["profile", "roles", "agreement", "charter", "activity"] {
        insta::assert_snapshot!(format!("detail_{name}_80x24"), screen(&app, 80, 24));
        update(&mut app, Action::NextSection);
    }
}

#[test]
fn placeholder_tabs_say_what_will_be_there() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    for tab in [Tab::Timeline, Tab::Scoring, Tab::Scorecard] {
        update(&mut app, Action::GoTo(tab));
        let text = screen(&app, 80, 24);
        assert!(text.contains("Not built yet"), "{text}");
    }
}

#[test]
fn the_demo_date_is_on_screen_even_at_80_columns() {
    let (_dir, app) = demo_app(Theme::MONOCHROME);
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
    let (_dir, app) = demo_app(Theme::COLOR);
    let buffer = render_buffer(&app, 80, 24);
    let text = buffer_text(&buffer);
    // The second attention item is an overdue action: its ▲ is red.
    let row = text
        .lines()
        .position(|line| line.contains("Chase the council"))
        .unwrap() as u16;
    let x = (0..80).find(|x| buffer[(*x, row)].symbol() == "▲").unwrap();
    assert_eq!(buffer[(x, row)].fg, Color::Red);
    // Warnings (a stale KPI, an early warning) come after what is late: a taller
    // terminal shows them.
    let tall = render_buffer(&app, 80, 60);
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
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    for action in [Action::ToggleHelp, Action::Back, Action::Open] {
        let buffer = render_buffer(&app, 120, 40);
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{:?}", cell);
            assert_eq!(cell.bg, Color::Reset, "{:?}", cell);
        }
        update(&mut app, action);
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
    let setups: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::ToggleHelp],
        vec![Action::ShowLoadErrors],
        vec![Action::Bottom],
        vec![Action::Open],
        vec![Action::Open, Action::NextSection],
        vec![
            Action::Open,
            Action::NextSection,
            Action::NextSection,
            Action::Bottom,
        ],
        vec![Action::Open, Action::PrevSection, Action::PrevSection],
        vec![Action::Open, Action::PrevSection, Action::Bottom],
        vec![Action::Open, Action::ToggleHelp],
        vec![Action::GoTo(Tab::Pipeline)],
        vec![Action::GoTo(Tab::Timeline)],
        vec![Action::GoTo(Tab::Scoring)],
        vec![Action::GoTo(Tab::Scorecard)],
    ];
    for setup in setups {
        let mut app = app_on(&data, Theme::COLOR);
        for action in &setup {
            update(&mut app, *action);
        }
        for &(width, height) in &sizes {
            render_buffer(&app, width, height);
        }
    }
}

fn key(app: &mut pactboard::app::App, code: crossterm::event::KeyCode) {
    pactboard::app::update::handle_key(
        app,
        crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE),
    );
}

#[test]
fn pipeline_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    insta::assert_snapshot!("pipeline_80x24", screen(&app, 80, 24));
    // Moving right past the third column scrolls the board.
    for _ in 0..4 {
        update(&mut app, Action::Right);
    }
    insta::assert_snapshot!("pipeline_scrolled_80x24", screen(&app, 80, 24));
}

#[test]
fn pipeline_120x40() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    insta::assert_snapshot!("pipeline_120x40", screen(&app, 120, 40));
    update(&mut app, Action::ToggleClosedStages);
    insta::assert_snapshot!("pipeline_unfolded_120x40", screen(&app, 120, 40));
}

#[test]
fn pipeline_filter_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, crossterm::event::KeyCode::Char('/'));
    for ch in "civic".chars() {
        key(&mut app, crossterm::event::KeyCode::Char(ch));
    }
    insta::assert_snapshot!("pipeline_filter_typing_80x24", screen(&app, 80, 24));
    key(&mut app, crossterm::event::KeyCode::Enter);
    insta::assert_snapshot!("pipeline_filter_80x24", screen(&app, 80, 24));
}

#[test]
fn form_with_a_validation_message_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    update(&mut app, Action::Open);
    update(&mut app, Action::Add);
    key(&mut app, crossterm::event::KeyCode::Right);
    key(&mut app, crossterm::event::KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, crossterm::event::KeyCode::Tab);
    }
    for ch in "soon".chars() {
        key(&mut app, crossterm::event::KeyCode::Char(ch));
    }
    update(&mut app, Action::Submit);
    insta::assert_snapshot!("form_validation_80x24", screen(&app, 80, 24));
}

#[test]
fn new_partner_form_120x40() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    update(&mut app, Action::Add);
    insta::assert_snapshot!("form_new_partner_120x40", screen(&app, 120, 40));
}

#[test]
fn delete_confirmation_80x24() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    update(&mut app, Action::Delete);
    insta::assert_snapshot!("confirm_delete_80x24", screen(&app, 80, 24));
}

#[test]
fn help_lists_the_pipeline_keys() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    update(&mut app, Action::ToggleHelp);
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
fn forms_confirmations_and_the_filter_survive_every_size() {
    let (_dir, mut app) = demo_app(Theme::COLOR);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    let mut states = Vec::new();
    update(&mut app, Action::StartFilter);
    states.push(app_snapshot(&app));
    update(&mut app, Action::Back);
    update(&mut app, Action::Add);
    states.push(app_snapshot(&app));
    update(&mut app, Action::Back);
    update(&mut app, Action::Delete);
    states.push(app_snapshot(&app));
    update(&mut app, Action::Back);
    update(&mut app, Action::Open);
    update(&mut app, Action::NextSection);
    update(&mut app, Action::NextSection);
    update(&mut app, Action::Edit);
    states.push(app_snapshot(&app));
    drop(states);
    for width in [1, 3, 10, 20, 40, 80, 120, 200] {
        for height in [1, 2, 4, 8, 12, 24, 40, 60] {
            render_buffer(&app, width, height);
        }
    }
}

fn app_snapshot(app: &pactboard::app::App) -> usize {
    for width in [1, 3, 10, 20, 40, 80, 120, 200] {
        for height in [1, 2, 4, 8, 12, 24, 40, 60] {
            render_buffer(app, width, height);
        }
    }
    app.overlays.len()
}

#[test]
fn the_attention_list_scrolls_to_keep_the_selection_in_view() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::Bottom);
    let text = screen(&app, 80, 24);
    let last = app.summary.attention.last().unwrap();
    let days = (last.due.unwrap() - app.today).num_days();
    assert!(
        text.contains(&format!("› ○   in {days}d {}", last.partner_name)),
        "{text}"
    );
    let count = app.summary.attention.len();
    assert!(text.contains(&format!("{count} of {count}")), "{text}");
    assert!(
        !text.contains("Charities live"),
        "the first item scrolled away:\n{text}"
    );
}

#[test]
fn the_footer_keeps_help_and_quit_when_narrow() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    let text = screen(&app, 50, 15);
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
}
