//! The dashboard's update, driven by actions and by key presses through the key
//! map: no terminal involved.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use pactboard::app::keymap::Context;
use pactboard::app::state::{Overlay, Tab};
use pactboard::app::update::handle_key;
use pactboard::app::{Action, update};
use pactboard::ui::theme::Theme;

fn press(app: &mut pactboard::app::App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn number_keys_and_tab_switch_tabs_and_wrap_around() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    assert_eq!(app.tab, Tab::Overview);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.tab, Tab::Timeline);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Scorecard);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.tab, Tab::Overview, "wraps to the first");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.tab, Tab::Scorecard, "and back to the last");
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(app.tab, Tab::Scoring);
}

#[test]
fn help_opens_over_any_screen_lists_its_keys_and_closes() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(
        app.overlays.as_slice(),
        [Overlay::Help { scroll: 0 }]
    ));
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.screen_context(), Context::Overview);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.tab, Tab::Overview, "help takes the keyboard");
    press(&mut app, KeyCode::Char('?'));
    assert!(app.overlays.is_empty());
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.overlays.is_empty(), "q closes the help");
    assert!(!app.should_quit, "…without quitting");
}

#[test]
fn q_and_ctrl_c_quit() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit);
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.should_quit);
}

#[test]
fn key_releases_are_ignored() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    handle_key(&mut app, release);
    assert!(!app.should_quit);
}

#[test]
fn j_and_k_move_through_the_attention_list_within_its_bounds() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let len = app.summary.attention.len();
    assert!(len > 3);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.overview.selected, 0, "stays at the top");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.overview.selected, 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.overview.selected, 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.overview.selected, len - 1);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.overview.selected, len - 1, "stays at the bottom");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.overview.selected, 0);
    update(&mut app, Action::PageDown);
    assert!(app.overview.selected > 1);
}

#[test]
fn enter_opens_the_items_partner_and_esc_comes_back() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let action = app
        .summary
        .attention
        .iter()
        .position(|item| item.kind.as_str() == "action_overdue")
        .expect("the demo has an overdue action");
    for _ in 0..action {
        press(&mut app, KeyCode::Char('j'));
    }
    let partner = app.summary.attention[action].partner.clone();
    press(&mut app, KeyCode::Enter);
    let detail = app.detail.as_ref().expect("the detail is open");
    assert_eq!(detail.partner, partner);
    assert_eq!(
        detail.section,
        pactboard::app::detail::Section::Activity,
        "an overdue action opens where actions are"
    );
    assert_eq!(app.context(), Context::Detail);
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.tab,
        Tab::Overview,
        "Tab switches sections in the detail"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.detail.is_none());
    assert_eq!(app.tab, Tab::Overview);
    assert_eq!(
        app.overview.selected, action,
        "the same item is still selected"
    );
}

#[test]
fn load_errors_list_only_opens_when_there_are_some() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    press(&mut app, KeyCode::Char('!'));
    assert!(app.overlays.is_empty());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("every file loaded")
    );

    let (_dir, data) = demo_copy();
    truncate_partner(&data, "fernhill-creative");
    let mut app = app_on(&data, Theme::MONOCHROME);
    assert_eq!(app.load_errors.len(), 1);
    assert_eq!(app.partners.len(), 11);
    press(&mut app, KeyCode::Char('!'));
    assert_eq!(app.context(), Context::LoadErrors);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty());
}

#[test]
fn a_session_on_the_clock_moves_to_the_next_day_but_a_pinned_one_does_not() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let next_day = app.today.succ_opt().unwrap();
    app.follow_clock(next_day);
    assert_eq!(app.today.to_string(), DEMO_DATE, "a demo date stays put");
    app.today_source = pactboard::cli::TodaySource::Clock;
    let before = app.summary.attention.clone();
    app.follow_clock(next_day);
    assert_eq!(app.today, next_day);
    assert_ne!(
        app.summary.attention, before,
        "the figures follow the new day"
    );
}
