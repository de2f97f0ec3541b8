//! The check-in drawn on a test backend with today pinned: a page part filled in,
//! the question on leaving, the offer of a draft at the start, the summary —
//! snapshots at 80x24 and 120x40 on the check-in fixture; the highlight of the row
//! with the cursor without colour; and a sweep over sizes that only must not panic.

mod common;

use common::checkin::checkin_app;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::App;
use pactboard::app::handle_key;
use pactboard::app::screens::checkin::{CheckinDraft, Page, PageDraft, Slot};
use pactboard::ui::theme::Theme;
use ratatui::style::Modifier;

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

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

fn page(app: &App) -> &Page {
    app.view
        .checkin()
        .and_then(|c| c.page.as_ref())
        .expect("a check-in page")
}

fn go_to(app: &mut App, slot: Slot) {
    for _ in 0..100 {
        if page(app).focus() == slot {
            return;
        }
        key(app, KeyCode::Tab);
    }
    // Tab stops at the bottom of the page: what is above is reached going back.
    for _ in 0..100 {
        if page(app).focus() == slot {
            return;
        }
        key(app, KeyCode::BackTab);
    }
    panic!("{slot:?} is not on the page");
}

/// Cobalt Works' page: a reading typed, the late milestone done, the other being
/// moved (the cursor in its reason).
fn part_filled() -> (tempfile::TempDir, App) {
    let (dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "2.4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "two schools live");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('>'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "trainer ill");
    (dir, app)
}

#[test]
fn checkin_page() {
    let (_dir, app) = part_filled();
    snapshot_both("checkin", &app);
}

#[test]
fn checkin_page_further_down() {
    let (_dir, mut app) = part_filled();
    go_to(&mut app, Slot::FeedbackWho(0));
    type_text(&mut app, "Dev Patel");
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Kits arrived; training moves a week.");
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "Book the school visits");
    snapshot_both("checkin_lower", &app);
}

#[test]
fn checkin_leave_question() {
    let (_dir, mut app) = part_filled();
    key(&mut app, KeyCode::Esc);
    snapshot_both("checkin_leave", &app);
}

#[test]
fn checkin_summary() {
    let (_dir, mut app) = part_filled();
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    );
    snapshot_both("checkin_summary", &app);
}

#[test]
fn checkin_help() {
    let (_dir, mut app) = part_filled();
    go_to(&mut app, Slot::Action(0));
    key(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("checkin_help_120x40", screen(&app, 120, 40));
}

#[test]
fn checkin_resume_offer() {
    let (dir, _) = checkin_app();
    let data = dir.path().join("data");
    let draft = CheckinDraft {
        partner: "cobalt-works".into(),
        name: "Cobalt Works".into(),
        kept_at: "2026-11-28 10:02".into(),
        page: PageDraft {
            note: "Kits arrived; training moves a week.".into(),
            ..PageDraft::default()
        },
        walk: None,
    };
    pactboard::store::Store::new(&data)
        .drafts()
        .save("maya", "cobalt-works", &draft)
        .unwrap();
    let mut app = common::checkin::session(&data, "maya");
    app.offer_checkin_drafts();
    snapshot_both("checkin_resume", &app);
}

#[test]
fn the_row_with_the_cursor_stands_out_without_colour() {
    let (_dir, mut app) = part_filled();
    go_to(&mut app, Slot::Action(0));
    let buffer = render_buffer(&app, Theme::MONOCHROME, 80, 24);
    let text = buffer_text(&buffer);
    let row = text
        .lines()
        .position(|line| line.contains("Confirm delivery slots"))
        .expect("the action is on screen") as u16;
    let reversed = (0..80)
        .filter(|x| buffer[(*x, row)].modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 40, "the whole row is reversed: {reversed} cells");
}

#[test]
fn no_size_makes_the_check_in_panic() {
    let (_dir, mut app) = part_filled();
    for theme in [Theme::COLOR, Theme::MONOCHROME] {
        for width in [1, 3, 10, 20, 30, 40, 60, 80, 120, 200] {
            for height in [1, 2, 4, 6, 8, 10, 24, 50] {
                render_buffer(&app, theme, width, height);
            }
        }
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('k'));
    for width in [1, 10, 40, 80] {
        for height in [1, 5, 24] {
            render_buffer(&app, Theme::COLOR, width, height);
        }
    }
}

#[test]
fn the_view_follows_the_focus_to_the_bottom_of_the_page_and_back() {
    let (_dir, mut app) = common::checkin::checkin_app();
    key(&mut app, KeyCode::Char('c'));
    for _ in 0..60 {
        key(&mut app, KeyCode::Tab);
    }
    let bottom = screen(&app, 80, 24);
    assert!(
        bottom.contains("action ["),
        "the new action's input is in view:\n{bottom}"
    );
    for _ in 0..60 {
        key(&mut app, KeyCode::BackTab);
    }
    let top = screen(&app, 80, 24);
    assert!(
        top.contains("KPIs due a reading"),
        "back at the top:\n{top}"
    );
}

#[test]
fn a_partner_outside_the_check_in_stages_is_never_flagged_overdue() {
    // Acme (Prospect since 2026-11-02, no check-in) and Dune (Paused): the
    // attention list raises nothing for either, and neither does the page.
    for (id, stage) in [("acme-analytics", "Prospect"), ("dune-council", "Paused")] {
        let (_dir, mut app) = common::checkin::checkin_app();
        app.start_checkin(pactboard::app::screens::checkin::CheckinStart::one(id));
        for (width, height) in SIZES {
            let shown = screen(&app, width, height);
            assert!(!shown.contains("overdue"), "{id}:\n{shown}");
            assert!(!shown.contains('⚑'), "{id}:\n{shown}");
            assert!(shown.contains(stage), "{id}:\n{shown}");
        }
        let wide = screen(&app, 120, 40);
        assert!(
            wide.contains(&format!("{stage} is not a stage the check-in walks")),
            "{wide}"
        );
    }
}

#[test]
fn a_reading_that_is_probably_a_mistake_is_warned_about_and_still_taken() {
    use pactboard::app::screens::checkin::CheckinStart;
    let (_dir, mut app) = common::demo_app();
    app.start_checkin(CheckinStart::one("millbrook-city-council"));
    // Residents completing the course: cumulative, last 171.
    assert_eq!(page(&app).focus(), Slot::ReadingValue(0));
    type_text(&mut app, "150");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("⚠ lower than the last reading 171 residents — a cumulative KPI"),
        "{shown}"
    );
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
    let partner = app.data.partner_data("millbrook-city-council").unwrap();
    assert!(
        partner.checkins.iter().any(|c| c.date == app.data.today),
        "a warning is not a refusal"
    );
    // The same KPI again today: there is a reading today already.
    app.start_checkin(CheckinStart::one("millbrook-city-council"));
    go_to(&mut app, Slot::ReadingValue(0));
    type_text(&mut app, "175");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("⚠ already a reading today: 150 residents — this adds another"),
        "{shown}"
    );
}

#[test]
fn a_new_action_without_an_owner_or_a_due_date_says_so() {
    // casey is no member of the workspace: no owner to start with.
    let (_dir, mut app) = common::checkin::checkin_app_as("casey");
    key(&mut app, KeyCode::Char('c'));
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "Book the school visits");
    for (width, height) in SIZES {
        let shown = screen(&app, width, height);
        let row = shown
            .lines()
            .find(|line| line.contains("owner"))
            .unwrap_or_else(|| panic!("the owner is in view:\n{shown}"));
        assert!(row.contains("no owner"), "{row}");
        assert!(row.contains("no due date"), "{row}");
    }
}

#[test]
fn the_hint_line_says_what_every_input_takes() {
    let (_dir, mut app) = part_filled();
    // b on the late milestone: the cursor goes to its reason, which says so.
    go_to(&mut app, Slot::Milestone(0));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(page(&app).focus(), Slot::BlockReason(0));
    let hint_row = |app: &App| {
        let shown = screen(app, 80, 24);
        shown.lines().nth(20).unwrap_or_default().to_string()
    };
    assert!(
        hint_row(&app).contains("why it is blocked"),
        "{}",
        hint_row(&app)
    );
    // Every place on the page says something on the last line.
    let slots = page(&app).slots();
    for slot in slots {
        go_to(&mut app, slot);
        let row = hint_row(&app);
        assert!(
            row.trim_matches(['│', ' ']).chars().count() > 3,
            "{slot:?}: {row}"
        );
    }
}

#[test]
fn a_page_with_no_kpi_opens_at_its_top_with_the_cursor_in_the_note() {
    use pactboard::app::screens::checkin::CheckinStart;
    let (_dir, mut app) = common::checkin::checkin_app();
    let without = (app.data.partners.iter())
        .filter(|p| app.data.workspace.is_checkin_stage(&p.partner.stage))
        .filter(|p| p.partner.kpis.iter().all(|k| k.closed.is_some()))
        .map(|p| p.id.clone())
        .next()
        .expect("a partner in a check-in stage without an open KPI");
    app.start_checkin(CheckinStart::one(&without));
    assert_eq!(page(&app).focus(), Slot::Note);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("KPIs due a reading (0)"), "{shown}");
}

#[test]
fn nothing_on_the_page_is_cut_off_at_80_columns() {
    use pactboard::app::screens::checkin::CheckinStart;
    let (_dir, mut app) = common::demo_app();
    app.start_checkin(CheckinStart::one("harbourline-mutual"));
    let shown = screen(&app, 80, 24);
    // The run-rate goes on a line of its own rather than being lost.
    assert!(
        shown.contains("needs 4.2 charities a week, doing 1.6"),
        "{shown}"
    );
    // An action's owner, side and due date go under its text.
    go_to(&mut app, Slot::Action(1));
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Priya Raman · ours · due 2026-11-23, 5 days late"),
        "{shown}"
    );
    // Every owner a new action can have shows whole, arrows and all.
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "Call Ruth");
    key(&mut app, KeyCode::Tab);
    assert_eq!(page(&app).focus(), Slot::ActionOwner(0));
    for _ in 0..page(&app).owner_names().len() {
        let shown = screen(&app, 80, 24);
        let row = shown
            .lines()
            .find(|line| line.contains("owner ") && line.contains('‹'))
            .unwrap_or_else(|| panic!("{shown}"));
        assert!(row.contains(" › "), "{row}");
        key(&mut app, KeyCode::Right);
    }
}
