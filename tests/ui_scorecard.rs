//! The Scorecard drawn on a test backend with today pinned: a partner's scorecard,
//! a KPI up close, a review, the portfolio and the review form as snapshots at
//! 80x24 and 120x40 (on `common::scorecard`, the fixture with a full scorecard);
//! what the snapshots cannot say — colour beside every status word, nothing but the
//! default colours without colour, a KPI row within 78 columns at 80 — and a sweep
//! over sizes that asserts only that nothing panics.

mod common;

use common::scorecard::scorecard_app;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::ScorecardAction;
use pactboard::app::screens::scorecard::Panel;
use pactboard::app::{Action, App, Tab, dispatch, handle_key};
use pactboard::ui::theme::Theme;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

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

/// The scorecard fixture on the Scorecard tab, on Cobalt Works (it opens on the
/// first partner with KPIs, Birch Foundation; `]` is the next).
fn scorecard() -> (tempfile::TempDir, App) {
    let (dir, mut app) = scorecard_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    assert_eq!(
        app.view.tabs.scorecard.partner_id(),
        Some("birch-foundation")
    );
    dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    assert_eq!(app.view.tabs.scorecard.partner_id(), Some("cobalt-works"));
    (dir, app)
}

/// Selects the KPI called `name` in the KPI panel.
fn select_kpi(app: &mut App, name: &str) {
    dispatch(app, Action::Top);
    for _ in 0..20 {
        let partner = app.partner_data("cobalt-works").unwrap();
        let selected = app.view.tabs.scorecard.selected(Panel::Kpis).unwrap();
        if selected.find(&partner.kpis).unwrap().name == name {
            return;
        }
        dispatch(app, Action::Down);
    }
    panic!("no KPI {name}");
}

#[test]
fn a_partners_scorecard() {
    let (_dir, app) = scorecard();
    snapshot_both("scorecard", &app);
}

#[test]
fn the_feedback_panel_focused() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::Right);
    dispatch(&mut app, Action::Down);
    snapshot_both("scorecard_feedback", &app);
}

#[test]
fn a_partner_without_kpis() {
    let (_dir, mut app) = scorecard();
    // After the three with KPIs (Birch, Cobalt, Dune) come those without.
    dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    let text = screen(&app, 80, 24);
    assert!(text.contains("Acme Analytics"), "{text}");
    assert!(text.contains("No KPIs yet: a adds one"), "{text}");
    insta::assert_snapshot!("scorecard_no_kpis_80x24", text);
}

#[test]
fn a_kpi_up_close() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Kits delivered");
    dispatch(&mut app, Action::Open);
    // "vs plan" in the KPI's unit and decimals (whole kits), like the value.
    let text = screen(&app, 80, 24);
    assert!(text.contains("150 kits 57 kits behind"), "{text}");
    assert!(!text.contains("57.5"), "{text}");
    snapshot_both("scorecard_kpi_chart", &app);
}

#[test]
fn a_review_in_full() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::Left);
    dispatch(&mut app, Action::Open);
    snapshot_both("scorecard_review", &app);
}

#[test]
fn the_portfolio() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::Scorecard(ScorecardAction::Portfolio));
    snapshot_both("scorecard_portfolio", &app);
}

#[test]
fn the_portfolio_filtered() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::Scorecard(ScorecardAction::Portfolio));
    key(&mut app, KeyCode::Char('/'));
    for ch in "cobalt".chars() {
        key(&mut app, KeyCode::Char(ch));
    }
    snapshot_both("scorecard_portfolio_filter_typing", &app);
}

#[test]
fn the_review_form() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::Scorecard(ScorecardAction::RecordReview));
    snapshot_both("scorecard_review_form", &app);
    // Further down: the KPIs the review suggests closing, and an adjustment.
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    );
    snapshot_both("scorecard_review_form_adjustment", &app);
}

#[test]
fn the_demo_scorecard() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    insta::assert_snapshot!("demo_scorecard_80x24", screen(&app, 80, 24));
}

// ---- what the snapshots cannot say ----

/// The lead's rule: at 80 columns a KPI row fits in 78 (the panel's inside), with
/// the name, latest → target and unit, the status word, the stale flag and the
/// sparkline all on it.
#[test]
fn a_kpi_row_fits_78_columns_at_80() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Cost per kit");
    let text = screen(&app, 80, 24);
    let row = text
        .lines()
        .find(|line| line.contains("Cost per kit"))
        .unwrap_or_else(|| panic!("no row:\n{text}"));
    let inside = row.trim_start_matches('│').trim_end_matches('│');
    assert!(inside.width() <= 78, "{}: {row}", inside.width());
    for part in ["› Cost per kit", "126 → 100 GBP", "stale"] {
        assert!(row.contains(part), "{part} missing from {row}");
    }
    assert!(
        row.chars().any(|c| ('▁'..='█').contains(&c)),
        "no sparkline in {row}"
    );
    assert!(
        ["green", "amber", "red"]
            .iter()
            .any(|word| row.contains(word)),
        "no status word in {row}"
    );
    // What does not fit goes to the detail lines under the list.
    for part in ["from 140 to 100 GBP by 2027-03-01", "expected", "forecast"] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
}

/// Each status is a word and a symbol, and also a colour.
#[test]
fn a_status_has_a_word_and_a_colour() {
    let (_dir, app) = scorecard();
    let buffer = render_buffer(&app, Theme::COLOR, 120, 40);
    let text = buffer_text(&buffer);
    for (word, colour) in [("amber", Color::Yellow), ("green", Color::Green)] {
        let row = text
            .lines()
            .position(|line| line.contains(&format!(" {word} ")))
            .unwrap_or_else(|| panic!("no {word}:\n{text}")) as u16;
        let line = text.lines().nth(row as usize).unwrap();
        let column = line[..line.find(word).unwrap()].width() as u16;
        let cell = &buffer[(column, row)];
        assert_eq!(cell.fg, colour, "{word} in {line}");
    }
}

#[test]
fn no_color_means_no_colour_on_any_scorecard_view() {
    let (_dir, mut app) = scorecard();
    let views: [&[Action]; 5] = [
        &[],
        &[Action::Open],
        &[Action::Back, Action::Left, Action::Open],
        &[Action::Back, Action::Scorecard(ScorecardAction::Portfolio)],
        &[
            Action::Back,
            Action::Scorecard(ScorecardAction::RecordReview),
        ],
    ];
    for actions in views {
        for action in actions {
            dispatch(&mut app, *action);
        }
        let buffer = render_buffer(&app, Theme::MONOCHROME, 120, 40);
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{:?}", cell);
            assert_eq!(cell.bg, Color::Reset, "{:?}", cell);
        }
    }
}

/// Without colour the focused panel still shows: its selection is reversed, the
/// others' only marked.
#[test]
fn the_focused_panel_shows_without_colour() {
    let (_dir, mut app) = scorecard();
    let reversed_rows = |app: &App| -> Vec<String> {
        let buffer = render_buffer(app, Theme::MONOCHROME, 80, 24);
        let text = buffer_text(&buffer);
        text.lines()
            .enumerate()
            .filter(|(y, _)| {
                (0..80).any(|x| {
                    buffer[(x, *y as u16)]
                        .modifier
                        .contains(ratatui::style::Modifier::REVERSED)
                        && buffer[(x, *y as u16)].symbol() != " "
                })
            })
            .map(|(_, line)| line.to_string())
            .filter(|line| !line.starts_with('1'))
            .collect()
    };
    let kpis = reversed_rows(&app);
    assert_eq!(kpis.len(), 1, "{kpis:?}");
    assert!(
        kpis[0].contains("Schools live") || kpis[0].contains("Cost per kit"),
        "{kpis:?}"
    );
    key(&mut app, KeyCode::Char('l'));
    let feedback = reversed_rows(&app);
    assert_eq!(feedback.len(), 1, "{feedback:?}");
    assert!(feedback[0].contains("Dev Patel"), "{feedback:?}");
}

#[test]
fn help_lists_the_scorecard_keys_and_symbols() {
    let (_dir, mut app) = scorecard();
    dispatch(&mut app, Action::ToggleHelp);
    let text = screen(&app, 100, 60);
    for expected in [
        "Keys: Scorecard",
        "previous partner",
        "add a reading to the selected KPI",
        "record a review",
        "most in need first",
        "show one perspective",
        "◌",
        "early warning",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn every_scorecard_view_survives_every_size() {
    let setups: [&[Action]; 8] = [
        &[],
        &[Action::Open],
        &[Action::Left, Action::Open],
        &[Action::Right],
        &[Action::Scorecard(ScorecardAction::Portfolio)],
        &[Action::Scorecard(ScorecardAction::RecordReview)],
        &[Action::Scorecard(ScorecardAction::AddReading)],
        &[Action::Scorecard(ScorecardAction::NextPartner)],
    ];
    for setup in setups {
        let (_dir, mut app) = scorecard();
        for action in setup {
            dispatch(&mut app, *action);
        }
        for width in [1, 2, 5, 10, 20, 40, 60, 79, 80, 81, 100, 119, 120, 121, 200] {
            for height in [1, 2, 3, 5, 8, 10, 13, 14, 15, 20, 24, 40, 60] {
                render_buffer(&app, Theme::COLOR, width, height);
            }
        }
    }
}

/// A closed partner's header names its stage once and says it has no health score
/// — no "Paused · · Paused".
#[test]
fn a_closed_partners_header_names_the_stage_once() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    for _ in 0..20 {
        if app.view.tabs.scorecard.partner_id() == Some("oakridge-training-collective") {
            break;
        }
        dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    }
    assert_eq!(
        app.view.tabs.scorecard.partner_id(),
        Some("oakridge-training-collective")
    );
    let narrow = screen(&app, 80, 24);
    let header = narrow.lines().nth(1).unwrap();
    assert!(
        header.contains("Oakridge Training Collective · Paused · no health score (closed)"),
        "{header}"
    );
    let wide = screen(&app, 200, 50);
    let health = wide.lines().nth(2).unwrap();
    assert!(health.ends_with("│ no health score (closed)"), "{wide}");
}
