//! The Scorecard through `update`, on a temporary copy of the scorecard fixture:
//! every edit — readings, KPIs, feedback, reviews — in memory and in the files on
//! disk, and its undo; what the forms refuse; the order readings are shown and
//! written in; where the keys go; the portfolio.

mod common;

use std::fs;

use chrono::NaiveDate;
use common::scorecard::scorecard_app;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::ScorecardAction;
use pactboard::app::overlays::Overlay;
use pactboard::app::records::Rec;
use pactboard::app::screens::scorecard::{Mode, Panel};
use pactboard::app::{Action, App, Tab, dispatch, handle_key};
use pactboard::domain::Partner;
use pactboard::domain::attention::{AttentionKind, partner_attention};
use pactboard::domain::kpi::KpiOutcome;
use pactboard::domain::partner::{OutcomeRating, Side};

const COBALT: &str = "cobalt-works";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, letter: char) {
    handle_key(
        app,
        KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL),
    );
}

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

/// Empties the focused text field.
fn clear(app: &mut App) {
    key(app, KeyCode::End);
    for _ in 0..60 {
        key(app, KeyCode::Backspace);
    }
}

fn on_disk(app: &App, id: &str) -> Partner {
    let (file, errors) = app.store.load_partner(id).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    file.unwrap().partner
}

fn in_memory(app: &App, id: &str) -> Partner {
    app.partner_data(id).unwrap().clone()
}

fn has_form(app: &App) -> bool {
    matches!(app.view.overlays.last(), Some(Overlay::Form(_)))
}

fn asks(app: &App) -> Option<String> {
    match app.view.overlays.last() {
        Some(Overlay::Confirm(confirm)) => Some(confirm.question.clone()),
        _ => None,
    }
}

fn form_focus(app: &App) -> &'static str {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open")
    };
    form.form.focused_field().map_or("", |field| field.name)
}

/// The error under the form's field `name` (its first, in a list).
fn form_error(app: &App, name: &str) -> Option<String> {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open")
    };
    form.form
        .focused_field()
        .filter(|f| f.name == name)?
        .error
        .clone()
}

/// Tabs to the next field called `name`.
/// The rating the open feedback form's sentiment choice shows.
fn sentiment_shown(app: &App) -> String {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open")
    };
    form.form.field_named("sentiment").unwrap().display_value()
}

fn tab_to(app: &mut App, name: &str) {
    for _ in 0..60 {
        key(app, KeyCode::Tab);
        if form_focus(app) == name {
            return;
        }
    }
    panic!("the form has no field {name}");
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Undo puts memory and disk back to `before`; redo to `after`.
fn check_undo_redo(app: &mut App, id: &str, before: &Partner, after: &Partner) {
    dispatch(app, Action::Undo);
    assert_eq!(&in_memory(app, id), before, "undo in memory");
    assert_eq!(&on_disk(app, id), before, "undo on disk");
    dispatch(app, Action::Redo);
    assert_eq!(&in_memory(app, id), after, "redo in memory");
    assert_eq!(&on_disk(app, id), after, "redo on disk");
}

fn scorecard() -> (tempfile::TempDir, App) {
    let (dir, mut app) = scorecard_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    assert_eq!(app.view.tabs.scorecard.partner_id(), Some(COBALT));
    (dir, app)
}

fn selected_kpi_name(app: &App) -> String {
    let partner = app
        .partner_data(app.view.tabs.scorecard.partner_id().unwrap())
        .unwrap();
    let rec = app.view.tabs.scorecard.selected(Panel::Kpis).unwrap();
    rec.find(&partner.kpis).unwrap().name.clone()
}

fn select_kpi(app: &mut App, name: &str) {
    dispatch(app, Action::Top);
    for _ in 0..20 {
        if selected_kpi_name(app) == name {
            return;
        }
        dispatch(app, Action::Down);
    }
    panic!("no KPI {name}");
}

fn kpi<'a>(partner: &'a Partner, name: &str) -> &'a pactboard::domain::kpi::Kpi {
    partner.kpis.iter().find(|k| k.name == name).unwrap()
}

// ---- where the keys go ----

#[test]
fn the_tab_opens_on_the_first_partner_with_kpis_running_on_its_first_open_kpi() {
    let (_dir, mut app) = scorecard_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    let screen = &app.view.tabs.scorecard;
    assert_eq!(screen.partner_id(), Some("birch-foundation"));
    assert_eq!(screen.panel, Panel::Kpis);
    assert_eq!(selected_kpi_name(&app), "Licences funded");

    let (_dir, mut demo) = demo_app();
    dispatch(&mut demo, Action::GoTo(Tab::Scorecard));
    let partner = demo.view.tabs.scorecard.partner_id().unwrap().to_string();
    assert!(!demo.partner_data(&partner).unwrap().kpis.is_empty());
    // The first partner with a KPI still running: one whose KPIs are all closed is
    // history, listed after.
    let first_running = demo
        .data
        .partners
        .iter()
        .find(|file| file.partner.kpis.iter().any(|kpi| kpi.closed.is_none()))
        .unwrap();
    assert_eq!(partner, first_running.id);
    // On its first open KPI.
    let selected = demo.view.tabs.scorecard.selected(Panel::Kpis).unwrap();
    let kpis = &demo.partner_data(&partner).unwrap().kpis;
    let open: Vec<_> = demo
        .view
        .tabs
        .scorecard
        .items(&demo.data, Panel::Kpis)
        .into_iter()
        .filter(|at| at.find(kpis).is_some_and(|kpi| kpi.closed.is_none()))
        .collect();
    assert_eq!(Some(selected), open.first());
}

#[test]
fn brackets_go_through_the_partners_with_kpis_first_and_wrap_around() {
    let (_dir, mut app) = scorecard_app();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    let mut seen = Vec::new();
    for _ in 0..5 {
        seen.push(app.view.tabs.scorecard.partner_id().unwrap().to_string());
        key(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(
        seen,
        [
            "birch-foundation",
            "cobalt-works",
            "dune-council",
            "acme-analytics",
            "birch-foundation"
        ]
    );
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(
        app.view.tabs.scorecard.partner_id(),
        Some("acme-analytics"),
        "before the first, the last"
    );
}

#[test]
fn h_and_l_move_between_panels_and_j_k_within_the_focused_one() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_kpi_name(&app), "Schools live");
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Feedback);
    let partner = in_memory(&app, COBALT);
    let first = app.view.tabs.scorecard.selected(Panel::Feedback).unwrap();
    assert_eq!(
        first.find(&partner.feedback).unwrap().who,
        "Dev Patel",
        "newest first"
    );
    key(&mut app, KeyCode::Char('j'));
    let second = app.view.tabs.scorecard.selected(Panel::Feedback).unwrap();
    assert_eq!(second.find(&partner.feedback).unwrap().who, "Maya Okafor");
    assert_eq!(
        selected_kpi_name(&app),
        "Schools live",
        "the KPI stays selected"
    );
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Reviews);
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Kpis);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Reviews);
}

#[test]
fn p_shows_one_perspective_after_the_other_and_esc_all_again() {
    let (_dir, mut app) = scorecard();
    let names = |app: &App| -> Vec<String> {
        let partner = in_memory(app, COBALT);
        app.view
            .tabs
            .scorecard
            .items(&app.data, Panel::Kpis)
            .iter()
            .map(|rec| rec.find(&partner.kpis).unwrap().name.clone())
            .collect()
    };
    assert_eq!(names(&app).len(), 6);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(names(&app), ["Cost per kit"]);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(names(&app), ["Schools live"]);
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(names(&app), ["Kits delivered", "Sensor uptime"]);
    assert_eq!(selected_kpi_name(&app), "Kits delivered");
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(
        names(&app),
        ["Lessons using the data", "Teachers trained"],
        "open first, closed after"
    );
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(names(&app).len(), 6, "after the last, all of them");
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view.tabs.scorecard.perspective, None);
    assert_eq!(names(&app).len(), 6);
}

// ---- readings ----

#[test]
fn r_adds_a_reading_dated_today_and_u_undoes_it() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Kits delivered");
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('r'));
    assert!(has_form(&app));
    assert_eq!(form_focus(&app), "value");
    type_text(&mut app, "160");
    ctrl(&mut app, 's');
    assert!(!has_form(&app), "{}", status(&app));
    let after = in_memory(&app, COBALT);
    let readings = &kpi(&after, "Kits delivered").readings;
    let added = readings.last().unwrap();
    assert_eq!((added.date, added.value), (fixture_today(), 160.0));
    assert!(added.id.starts_with("rd-"), "{}", added.id);
    assert_eq!(
        readings.len(),
        kpi(&before, "Kits delivered").readings.len() + 1
    );
    assert_eq!(on_disk(&app, COBALT), after);
    assert!(
        status(&app).contains("added the reading of 160 kits on 2026-11-28"),
        "{}",
        status(&app)
    );
    assert!(status(&app).contains("saved"), "{}", status(&app));
    assert_eq!(selected_kpi_name(&app), "Kits delivered");
    check_undo_redo(&mut app, COBALT, &before, &after);
}

#[test]
fn a_reading_dated_after_today_is_refused_by_the_form() {
    let (_dir, mut app) = scorecard();
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "5");
    tab_to(&mut app, "date");
    clear(&mut app);
    type_text(&mut app, "+1d");
    ctrl(&mut app, 's');
    assert!(has_form(&app), "the form stays open");
    let why = form_error(&app, "date").unwrap();
    assert!(
        why.contains("2026-11-29 is after today (2026-11-28)"),
        "{why}"
    );
    assert_eq!(in_memory(&app, COBALT), before);
    assert_eq!(on_disk(&app, COBALT), before);
    // Today is fine.
    clear(&mut app);
    type_text(&mut app, "today");
    ctrl(&mut app, 's');
    assert!(!has_form(&app));
}

#[test]
fn a_value_that_is_not_a_number_is_refused_with_the_reason() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "1,5");
    ctrl(&mut app, 's');
    assert!(has_form(&app));
    let why = form_error(&app, "value").unwrap();
    assert!(why.contains("without a comma"), "{why}");
}

#[test]
fn two_readings_on_one_date_are_both_kept_in_the_order_added() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Kits delivered");
    for value in ["160", "165"] {
        key(&mut app, KeyCode::Char('r'));
        type_text(&mut app, value);
        ctrl(&mut app, 's');
    }
    // The second of the day asks first (a slip?); yes keeps both.
    assert!(asks(&app).is_some_and(|q| q.starts_with("Already a reading today")));
    key(&mut app, KeyCode::Char('y'));
    let partner = on_disk(&app, COBALT);
    let readings = &kpi(&partner, "Kits delivered").readings;
    let today: Vec<_> = readings
        .iter()
        .filter(|r| r.date == fixture_today())
        .collect();
    assert_eq!(today.len(), 2);
    assert_eq!((today[0].value, today[1].value), (160.0, 165.0));
    assert_ne!(today[0].id, today[1].id);
    // Both are shown up close, the latest added selected.
    key(&mut app, KeyCode::Enter);
    let shown = app.view.tabs.scorecard.readings(&app.data);
    assert_eq!(shown.len(), 9);
    assert_eq!(shown[7], Rec::of(today[0]));
    assert_eq!(app.view.tabs.scorecard.reading(), Some(&Rec::of(today[1])));
}

#[test]
fn readings_are_edited_in_place_and_stay_in_date_order() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Kits delivered");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.view.tabs.scorecard.mode, Mode::Kpi { .. }));
    key(&mut app, KeyCode::Char('g'));
    let before = in_memory(&app, COBALT);
    let first = kpi(&before, "Kits delivered").readings[0].clone();
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(form_focus(&app), "value");
    clear(&mut app);
    type_text(&mut app, "144");
    tab_to(&mut app, "date");
    clear(&mut app);
    type_text(&mut app, "2026-11-20");
    tab_to(&mut app, "note");
    type_text(&mut app, "recounted");
    ctrl(&mut app, 's');
    let after = in_memory(&app, COBALT);
    let readings = &kpi(&after, "Kits delivered").readings;
    let dates: Vec<NaiveDate> = readings.iter().map(|r| r.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    let edited = readings.iter().find(|r| r.id == first.id).unwrap();
    assert_eq!(
        (edited.date, edited.value, edited.note.as_str()),
        (day("2026-11-20"), 144.0, "recounted")
    );
    assert_eq!(readings.len(), 7);
    assert_eq!(
        app.view.tabs.scorecard.reading(),
        Some(&Rec::id(first.id.clone())),
        "the edited reading stays selected where it moved"
    );
    check_undo_redo(&mut app, COBALT, &before, &after);
}

#[test]
fn deleting_a_reading_asks_first_and_undo_brings_it_back() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Kits delivered");
    key(&mut app, KeyCode::Enter);
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        asks(&app).as_deref(),
        Some("Delete the reading of 150 kits on 2026-11-26 of Kits delivered?")
    );
    assert_eq!(on_disk(&app, COBALT), before, "nothing yet");
    key(&mut app, KeyCode::Char('y'));
    let after = in_memory(&app, COBALT);
    assert_eq!(kpi(&after, "Kits delivered").readings.len(), 6);
    assert_eq!(on_disk(&app, COBALT), after);
    check_undo_redo(&mut app, COBALT, &before, &after);
}

// ---- KPIs ----

#[test]
fn a_kpi_is_added_with_its_path_perspective_and_goal() {
    let (_dir, mut app) = scorecard();
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('p')); // Financial only: a new KPI starts there
    key(&mut app, KeyCode::Char('a'));
    assert!(has_form(&app));
    type_text(&mut app, "Warranty returns");
    tab_to(&mut app, "unit");
    type_text(&mut app, "returns");
    tab_to(&mut app, "direction");
    key(&mut app, KeyCode::Right); // lower is better
    tab_to(&mut app, "baseline");
    type_text(&mut app, "12");
    tab_to(&mut app, "target");
    type_text(&mut app, "4");
    tab_to(&mut app, "target_date");
    clear(&mut app);
    type_text(&mut app, "2027-03-31");
    tab_to(&mut app, "goal");
    key(&mut app, KeyCode::Right); // the first goal
    ctrl(&mut app, 's');
    assert!(!has_form(&app), "{}", status(&app));
    let after = in_memory(&app, COBALT);
    assert_eq!(after.kpis.len(), before.kpis.len() + 1);
    let added = kpi(&after, "Warranty returns");
    assert_eq!(added.perspective, "financial");
    assert_eq!(added.unit, "returns");
    assert_eq!(
        added.direction,
        pactboard::domain::kpi::Direction::LowerIsBetter
    );
    assert_eq!((added.baseline, added.target), (12.0, 4.0));
    assert_eq!(
        (added.start, added.target_date),
        (fixture_today(), day("2027-03-31"))
    );
    assert_eq!(added.goal.as_deref(), Some(before.goals[0].id.as_str()));
    assert!(added.id.starts_with("kp-"));
    assert_eq!(on_disk(&app, COBALT), after);
    assert_eq!(
        selected_kpi_name(&app),
        "Warranty returns",
        "the new KPI is selected"
    );
    check_undo_redo(&mut app, COBALT, &before, &after);
}

#[test]
fn the_kpi_form_refuses_a_path_that_cannot_be_followed() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Returns");
    tab_to(&mut app, "baseline");
    type_text(&mut app, "12");
    tab_to(&mut app, "target");
    type_text(&mut app, "4");
    ctrl(&mut app, 's');
    assert!(has_form(&app));
    let why = form_error(&app, "target").unwrap();
    assert!(
        why.contains("below the baseline, but higher is better"),
        "{why}"
    );
    clear(&mut app);
    type_text(&mut app, "20");
    tab_to(&mut app, "target_date");
    clear(&mut app);
    type_text(&mut app, "2026-01-01");
    ctrl(&mut app, 's');
    let why = form_error(&app, "target_date").unwrap();
    assert_eq!(why, "must be after the start (2026-11-28)");
}

#[test]
fn a_kpi_is_edited_and_closed_by_hand_and_deleted_after_a_question() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Schools live");
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(form_focus(&app), "name");
    clear(&mut app);
    type_text(&mut app, "Schools running the pilot");
    tab_to(&mut app, "state");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right); // closed: missed
    ctrl(&mut app, 's');
    let after = in_memory(&app, COBALT);
    let edited = &after.kpis[0];
    assert_eq!(edited.id, before.kpis[0].id);
    assert_eq!(edited.name, "Schools running the pilot");
    assert_eq!(
        edited.readings, before.kpis[0].readings,
        "readings untouched"
    );
    let closed = edited.closed.as_ref().unwrap();
    assert_eq!(
        (closed.outcome, closed.date),
        (KpiOutcome::Missed, fixture_today())
    );
    assert_eq!(on_disk(&app, COBALT), after);
    check_undo_redo(&mut app, COBALT, &before, &after);

    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        asks(&app).as_deref(),
        Some("Delete KPI “Schools running the pilot” of Cobalt Works and its 2 readings?")
    );
    key(&mut app, KeyCode::Char('y'));
    let deleted = in_memory(&app, COBALT);
    assert!(deleted.kpis.iter().all(|k| k.id != edited.id));
    assert_eq!(on_disk(&app, COBALT), deleted);
    check_undo_redo(&mut app, COBALT, &after, &deleted);
}

#[test]
fn deleting_a_kpi_a_review_closed_leaves_no_dangling_link() {
    let (_dir, mut app) = scorecard();
    select_kpi(&mut app, "Teachers trained");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    let after = in_memory(&app, COBALT);
    assert!(after.reviews[0].closed_kpis.is_empty());
}

// ---- feedback ----

#[test]
fn feedback_is_added_edited_and_deleted_each_undoable() {
    let (_dir, mut app) = scorecard();
    let before = in_memory(&app, COBALT);
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(form_focus(&app), "date");
    tab_to(&mut app, "who");
    type_text(&mut app, "Ines Lund");
    // Sentiment is a choice with words: a typed digit picks the rating, never
    // appends to the pre-filled 3 (which made "32", refused).
    tab_to(&mut app, "sentiment");
    assert_eq!(sentiment_shown(&app), "3 neutral");
    type_text(&mut app, "2");
    assert_eq!(sentiment_shown(&app), "2 unhappy");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(sentiment_shown(&app), "5 very happy");
    tab_to(&mut app, "text");
    type_text(&mut app, "The pilot report convinced the board.");
    ctrl(&mut app, 's');
    assert!(!has_form(&app), "{}", status(&app));
    let added = in_memory(&app, COBALT);
    let note = added.feedback.last().unwrap();
    assert_eq!(
        (note.date, note.who.as_str(), note.side, note.sentiment),
        (fixture_today(), "Ines Lund", Side::Theirs, 5)
    );
    assert_eq!(on_disk(&app, COBALT), added);
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Feedback);
    assert_eq!(
        app.view.tabs.scorecard.selected(Panel::Feedback),
        Some(&Rec::of(note))
    );
    check_undo_redo(&mut app, COBALT, &before, &added);

    // Enter on feedback edits it (the newest: first).
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(
        app.view.tabs.scorecard.selected(Panel::Feedback),
        Some(&Rec::of(note))
    );
    key(&mut app, KeyCode::Enter);
    tab_to(&mut app, "side");
    key(&mut app, KeyCode::Left); // ours
    ctrl(&mut app, 's');
    let edited = in_memory(&app, COBALT);
    assert_eq!(edited.feedback.last().unwrap().side, Side::Ours);
    check_undo_redo(&mut app, COBALT, &added, &edited);

    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        asks(&app).as_deref(),
        Some("Delete the feedback of 2026-11-28 from Ines Lund (Cobalt Works)?")
    );
    key(&mut app, KeyCode::Char('y'));
    let deleted = in_memory(&app, COBALT);
    assert_eq!(deleted.feedback, before.feedback);
    check_undo_redo(&mut app, COBALT, &edited, &deleted);
}

#[test]
fn feedback_dated_after_today_is_refused() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('f'));
    clear(&mut app);
    type_text(&mut app, "2026-12-01");
    tab_to(&mut app, "who");
    type_text(&mut app, "Dev Patel");
    ctrl(&mut app, 's');
    assert!(has_form(&app));
    assert_eq!(form_focus(&app), "date");
    assert!(form_error(&app, "date").unwrap().contains("after today"));
}

// ---- reviews ----

/// Records a review of Cobalt Works: the kits goal met, Kits delivered closed as
/// missed, two adjustments — one ours, one the partner's.
fn record_review(app: &mut App) {
    key(app, KeyCode::Char('R'));
    assert!(has_form(app));
    tab_to(app, "rating");
    key(app, KeyCode::Right); // met
    tab_to(app, "comment");
    type_text(app, "two of three schools live");
    tab_to(app, "worked");
    type_text(app, "Weekly calls with the schools");
    tab_to(app, "challenges");
    type_text(app, "Returns under warranty");
    key(app, KeyCode::Tab); // the empty list of KPIs closed
    ctrl(app, 'n');
    assert_eq!(form_focus(app), "kpi");
    key(app, KeyCode::Right); // Kits delivered
    tab_to(app, "outcome");
    key(app, KeyCode::Right); // missed
    tab_to(app, "note");
    type_text(app, "replaced by schools live");
    key(app, KeyCode::Tab); // the empty list of adjustments
    ctrl(app, 'n');
    type_text(app, "Second supplier for sensors");
    tab_to(app, "owner");
    key(app, KeyCode::Right); // Maya Okafor
    tab_to(app, "due");
    type_text(app, "+2w");
    ctrl(app, 'n');
    type_text(app, "Cut warranty returns by half");
    tab_to(app, "owner");
    for _ in 0..3 {
        key(app, KeyCode::Right); // Dev Patel, their contact
    }
    tab_to(app, "side");
    key(app, KeyCode::Right); // theirs
    tab_to(app, "due");
    type_text(app, "2027-01-15");
    ctrl(app, 's');
    assert!(!has_form(app), "the review was refused: {}", status(app));
}

#[test]
fn a_review_is_one_change_and_its_adjustments_become_action_items() {
    let (_dir, mut app) = scorecard();
    let before = in_memory(&app, COBALT);
    let undo_steps = app.history.undo.len();
    record_review(&mut app);
    assert_eq!(app.history.undo.len(), undo_steps + 1, "one undo step");
    let after = in_memory(&app, COBALT);
    assert_eq!(on_disk(&app, COBALT), after);
    assert_eq!(after.reviews.len(), 2);
    let review = after.reviews.last().unwrap();
    assert_eq!(review.date, fixture_today());
    assert_eq!(review.author, "maya");
    assert_eq!(review.period, "2026 Q4");
    assert_eq!(review.outcomes.len(), 1, "the unrated goal is left out");
    assert_eq!(review.outcomes[0].goal, "gl-kits");
    assert_eq!(review.outcomes[0].rating, OutcomeRating::Met);
    assert_eq!(review.outcomes[0].comment, "two of three schools live");
    assert_eq!(review.worked, "Weekly calls with the schools");
    assert_eq!(review.challenges, "Returns under warranty");

    let kits = kpi(&after, "Kits delivered");
    assert_eq!(review.closed_kpis, std::slice::from_ref(&kits.id));
    let closed = kits.closed.as_ref().unwrap();
    assert_eq!(
        (closed.date, closed.outcome, closed.note.as_str()),
        (
            fixture_today(),
            KpiOutcome::Missed,
            "replaced by schools live"
        )
    );

    assert_eq!(review.adjustments.len(), 2);
    let actions: Vec<_> = review
        .adjustments
        .iter()
        .map(|id| after.actions.iter().find(|a| a.id == *id).unwrap())
        .collect();
    assert_eq!(actions[0].text, "Second supplier for sensors");
    assert_eq!(actions[0].owner, "maya");
    assert_eq!(actions[0].side, Side::Ours);
    assert_eq!(actions[0].due, Some(day("2026-12-12")));
    assert_eq!(actions[1].owner, "Dev Patel");
    assert_eq!(actions[1].side, Side::Theirs);
    assert_eq!(actions[1].due, Some(day("2027-01-15")));
    for action in &actions {
        assert!(action.is_open());
        assert_eq!(action.origin.as_deref(), Some(review.id.as_str()));
        assert_eq!(
            after.origin_label(action).as_deref(),
            Some("review 2026-11-28")
        );
    }
    // At the check-in after the first is due, it waits in the attention list.
    let later = day("2026-12-20");
    let items = partner_attention(COBALT, &after, &app.data.workspace, later);
    assert!(
        items
            .iter()
            .any(|item| item.kind == AttentionKind::ActionOverdue
                && item.subject == "Second supplier for sensors"),
        "{items:#?}"
    );
    assert!(
        status(&app).contains(
            "recorded the review of 2026-11-28: 1 KPI closed, 2 adjustments as action items"
        ),
        "{}",
        status(&app)
    );
    assert_eq!(app.view.tabs.scorecard.panel, Panel::Reviews);
    assert_eq!(
        app.view.tabs.scorecard.selected(Panel::Reviews),
        Some(&Rec::of(review))
    );
    // One u takes all of it back, in memory and on disk.
    check_undo_redo(&mut app, COBALT, &before, &after);
}

#[test]
fn a_reviews_closed_kpis_leave_the_attention_list() {
    let (_dir, mut app) = scorecard();
    let red = |app: &App| {
        app.data
            .summary
            .attention
            .iter()
            .any(|item| item.kind == AttentionKind::RedKpi && item.subject == "Kits delivered")
    };
    assert!(red(&app), "Kits delivered is red before the review");
    record_review(&mut app);
    assert!(!red(&app), "closed at the review, it needs no attention");
}

#[test]
fn an_adjustment_needs_an_owner() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('R'));
    key(&mut app, KeyCode::BackTab); // the adjustments, last in the form
    ctrl(&mut app, 'n');
    type_text(&mut app, "Someone should do this");
    tab_to(&mut app, "due");
    type_text(&mut app, "+1w");
    ctrl(&mut app, 's');
    assert!(has_form(&app));
    assert_eq!(form_focus(&app), "owner");
    let why = form_error(&app, "owner").unwrap();
    assert!(why.contains("who owns it?"), "{why}");
}

#[test]
fn a_review_is_revised_in_step_with_its_actions_and_deleted_with_them() {
    let (_dir, mut app) = scorecard();
    let before = in_memory(&app, COBALT);
    record_review(&mut app);
    let recorded = in_memory(&app, COBALT);
    let review = recorded.reviews.last().unwrap().clone();
    // Enter reads it, e edits it.
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.view.tabs.scorecard.mode, Mode::Review { .. }));
    key(&mut app, KeyCode::Char('e'));
    assert!(has_form(&app));
    // Drop the first adjustment, reword the second, reopen Kits delivered.
    key(&mut app, KeyCode::BackTab);
    for _ in 0..3 {
        key(&mut app, KeyCode::BackTab);
    }
    assert_eq!(form_focus(&app), "text");
    clear(&mut app);
    type_text(&mut app, "Halve warranty returns");
    for _ in 0..4 {
        key(&mut app, KeyCode::BackTab);
    }
    assert_eq!(form_focus(&app), "text");
    ctrl(&mut app, 'd');
    key(&mut app, KeyCode::BackTab);
    assert_eq!(form_focus(&app), "note");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(form_focus(&app), "kpi");
    ctrl(&mut app, 'd');
    ctrl(&mut app, 's');
    assert!(!has_form(&app), "{}", status(&app));
    assert!(
        matches!(app.view.tabs.scorecard.mode, Mode::Review { .. }),
        "the review stays open"
    );
    let revised = in_memory(&app, COBALT);
    let again = revised.review(&review.id).unwrap();
    assert_eq!(again.adjustments, [review.adjustments[1].clone()]);
    let kept = revised
        .actions
        .iter()
        .find(|a| a.id == review.adjustments[1])
        .unwrap();
    assert_eq!(kept.text, "Halve warranty returns");
    assert!(
        revised
            .actions
            .iter()
            .all(|a| a.id != review.adjustments[0])
    );
    assert!(again.closed_kpis.is_empty());
    assert_eq!(kpi(&revised, "Kits delivered").closed, None, "open again");
    assert_eq!(on_disk(&app, COBALT), revised);
    check_undo_redo(&mut app, COBALT, &recorded, &revised);

    key(&mut app, KeyCode::Char('d'));
    assert_eq!(
        asks(&app).as_deref(),
        Some("Delete the review of 2026-11-28 (Cobalt Works) with its 1 adjustment (action item)?")
    );
    key(&mut app, KeyCode::Char('y'));
    let deleted = in_memory(&app, COBALT);
    assert_eq!(deleted, before);
    assert!(
        matches!(app.view.tabs.scorecard.mode, Mode::Cards),
        "its view closed"
    );
    check_undo_redo(&mut app, COBALT, &revised, &deleted);
}

// ---- readings out of order, and check ----

/// The fixture on disk with `edit` made to Cobalt Works' file text.
fn with_cobalt_file(
    edit: impl FnOnce(String) -> String,
) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, app) = scorecard_app();
    let data = app.store.root().to_path_buf();
    drop(app);
    let path = data.join("partners").join("cobalt-works.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, edit(text)).unwrap();
    (dir, data)
}

/// Swaps the lines of Kits delivered's readings of 2026-09-01 and 2026-11-15.
fn swap_two_readings(text: String) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let find = |reading: &str| {
        lines
            .iter()
            .position(|line| line.contains(reading))
            .unwrap()
    };
    let (a, b) = (
        find("date: \"2026-09-01\", value: 60.0"),
        find("date: \"2026-11-15\", value: 139.0"),
    );
    let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    lines.swap(a, b);
    lines.join("\n") + "\n"
}

#[test]
fn readings_out_of_order_in_a_file_are_shown_in_order_and_written_in_order() {
    let (_dir, data) = with_cobalt_file(swap_two_readings);
    let check = std::process::Command::new(binary())
        .args(["--today", "2026-11-28", "check", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let out = stdout(&check);
    assert!(
        out.contains("partners/cobalt-works.ron:")
            && out.contains("warning: KPI \"Kits delivered\" lists its readings out of date order (2026-10-01 after 2026-11-15)"),
        "{out}{}",
        stderr(&check)
    );
    assert!(check.status.success(), "a warning does not fail check");

    let mut app = app_on(&data);
    app.data.today = fixture_today();
    app.data.refresh();
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    dispatch(&mut app, Action::Scorecard(ScorecardAction::NextPartner));
    select_kpi(&mut app, "Kits delivered");
    key(&mut app, KeyCode::Enter);
    let partner = in_memory(&app, COBALT);
    let shown: Vec<NaiveDate> = app
        .view
        .tabs
        .scorecard
        .readings(&app.data)
        .iter()
        .map(|rec| {
            rec.find(&kpi(&partner, "Kits delivered").readings)
                .unwrap()
                .date
        })
        .collect();
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(shown, sorted, "shown in date order");

    // Any edit of the partner writes them in order.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('f'));
    tab_to(&mut app, "who");
    type_text(&mut app, "Dev Patel");
    ctrl(&mut app, 's');
    let written = on_disk(&app, COBALT);
    let dates: Vec<NaiveDate> = kpi(&written, "Kits delivered")
        .readings
        .iter()
        .map(|r| r.date)
        .collect();
    assert_eq!(dates, sorted, "written in date order");
}

#[test]
fn check_flags_a_reading_dated_after_today_where_it_is() {
    let (_dir, data) = with_cobalt_file(|text| {
        text.replace(
            "date: \"2026-11-26\", value: 150.0",
            "date: \"2026-12-26\", value: 150.0",
        )
    });
    let check = std::process::Command::new(binary())
        .args(["--today", "2026-11-28", "check", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let out = stdout(&check);
    let text = fs::read_to_string(data.join("partners/cobalt-works.ron")).unwrap();
    let line = text
        .lines()
        .position(|line| line.contains("2026-12-26"))
        .unwrap()
        + 1;
    // At the date itself.
    let column = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"2026-12-26\"")
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!(
            "partners/cobalt-works.ron:{line}:{column}: error: KPI \"Kits delivered\" has a reading dated 2026-12-26, after today (2026-11-28)"
        )),
        "{out}"
    );
    assert_eq!(check.status.code(), Some(1));
}

// ---- the portfolio ----

/// The partner of the portfolio's selected row.
fn portfolio_partner(app: &App) -> Option<String> {
    app.view
        .tabs
        .scorecard
        .portfolio_selected()
        .map(|(partner, _)| partner.clone())
}

#[test]
fn the_portfolio_lists_open_kpis_most_in_need_first_and_enter_opens_one() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('P'));
    assert!(matches!(
        app.view.tabs.scorecard.mode,
        Mode::Portfolio { .. }
    ));
    let rows: Vec<(String, String)> =
        pactboard::app::screens::scorecard::portfolio(&app.data, None)
            .iter()
            .map(|row| (row.partner.id.clone(), row.figures.kpi.name.clone()))
            .collect();
    let names: Vec<&str> = rows.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cost per kit",
            "Kits delivered",
            "Schools live",
            "Lessons using the data",
            "Licences funded",
            // A maintain KPI above its level: green.
            "Sensor uptime"
        ],
        "red (stale first), early warning, amber, too early, green; closed ones left \
         out, and paused Dune Council's red and stale Residents reached: on hold"
    );
    assert_eq!(portfolio_partner(&app).as_deref(), Some(COBALT));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Enter);
    let screen = &app.view.tabs.scorecard;
    assert!(matches!(screen.mode, Mode::Cards));
    assert_eq!(screen.partner_id(), Some("birch-foundation"));
    assert_eq!(selected_kpi_name(&app), "Licences funded");
}

/// The reviewer paused Harbourline and `P` still opened on "○ red Harbourline Mutual
/// Charities live": a partner in a closed stage has no judged KPIs anywhere.
#[test]
fn the_portfolio_leaves_out_partners_in_a_closed_stage() {
    let (_dir, data) = demo_copy();
    let partners = |app: &App| -> Vec<String> {
        pactboard::app::screens::scorecard::portfolio(&app.data, None)
            .iter()
            .map(|row| row.partner.id.clone())
            .collect()
    };
    let app = app_on(&data);
    assert_eq!(
        partners(&app).first().map(String::as_str),
        Some("harbourline-mutual"),
        "active, its red KPI comes first"
    );
    let file = data.join("partners/harbourline-mutual.ron");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen("stage: \"active\",", "stage: \"paused\",", 1),
    )
    .unwrap();
    let mut app = app_on(&data);
    let rows = partners(&app);
    assert!(!rows.is_empty());
    assert!(
        !rows.iter().any(|id| id == "harbourline-mutual"),
        "{rows:?}"
    );
    // The demo's paused and ended partners are never in it either.
    assert!(
        !rows
            .iter()
            .any(|id| id == "eastfield-community-kitchen" || id == "oakridge-training-collective")
    );
    dispatch(&mut app, Action::GoTo(Tab::Scorecard));
    key(&mut app, KeyCode::Char('P'));
    let screen = screen(&app, 80, 24);
    assert!(!screen.contains("Harbourline"), "{screen}");
    assert!(
        screen.contains("○ red"),
        "Tidewater's red KPI leads now:\n{screen}"
    );
}

/// `/` on the portfolio is the shared filter (partner, KPI, perspective, owner);
/// Esc clears it, then leaves. On one partner's scorecard `/` says where it works.
#[test]
fn slash_filters_the_portfolio_and_on_a_scorecard_says_where_it_works() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.view.tabs.scorecard.mode, Mode::Cards));
    assert!(
        status(&app).contains("P lists every open KPI, and / filters that"),
        "{}",
        status(&app)
    );

    key(&mut app, KeyCode::Char('P'));
    let all = app.view.tabs.scorecard.portfolio_rows(&app.data).len();
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.context(), pactboard::app::keymap::Context::Filter);
    type_text(&mut app, "cobalt");
    let partners = |app: &App| -> Vec<String> {
        app.view
            .tabs
            .scorecard
            .portfolio_rows(&app.data)
            .iter()
            .map(|row| row.partner.id.clone())
            .collect()
    };
    let shown = partners(&app);
    assert!(!shown.is_empty() && shown.len() < all, "{shown:?}");
    assert!(shown.iter().all(|id| id == COBALT), "{shown:?}");
    assert_eq!(
        portfolio_partner(&app).as_deref(),
        Some(COBALT),
        "the selection moves onto what the filter shows"
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.view.tabs.scorecard.filter.is_active(), "Enter keeps it");
    assert_eq!(partners(&app).len(), shown.len());
    key(&mut app, KeyCode::Esc);
    assert!(!app.view.tabs.scorecard.filter.is_active(), "Esc clears it");
    assert!(matches!(
        app.view.tabs.scorecard.mode,
        Mode::Portfolio { .. }
    ));
    assert_eq!(partners(&app).len(), all);
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.view.tabs.scorecard.mode, Mode::Cards),
        "then Esc leaves"
    );
}

/// A tester on Millbrook's "Residents completing…" pressed P, then r: the portfolio
/// had put the cursor on its first row, and the reading went to another partner's
/// KPI. P opens on the KPI it was pressed on.
#[test]
fn p_opens_the_portfolio_on_the_kpi_it_was_pressed_on() {
    let (_dir, mut app) = scorecard();
    assert_eq!(app.view.tabs.scorecard.partner_id(), Some(COBALT));
    select_kpi(&mut app, "Schools live");
    let id = kpi(&in_memory(&app, COBALT), "Schools live").id.clone();
    key(&mut app, KeyCode::Char('P'));
    assert_eq!(
        app.view.tabs.scorecard.portfolio_selected(),
        Some(&(COBALT.to_string(), pactboard::app::records::Rec::id(id)))
    );
}

#[test]
fn r_in_the_portfolio_adds_a_reading_and_stays_there() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('P'));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "4");
    ctrl(&mut app, 's');
    let birch = on_disk(&app, "birch-foundation");
    assert_eq!(birch.kpis[0].readings.last().unwrap().value, 4.0);
    assert!(matches!(
        app.view.tabs.scorecard.mode,
        Mode::Portfolio { .. }
    ));
    let selected = app.view.tabs.scorecard.portfolio_selected().unwrap();
    assert_eq!(
        selected.0, "birch-foundation",
        "still on the KPI wherever it moved"
    );
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.view.tabs.scorecard.mode, Mode::Cards));
}

/// A tester entered a second reading on the day one was taken, and a count lower
/// than the last; both went through without a word. Now `r` asks first, in the
/// check-in page's words; yes adds it, no adds nothing.
#[test]
fn a_reading_that_looks_like_a_slip_asks_first() {
    let (_dir, mut app) = scorecard();
    key(&mut app, KeyCode::Char('P'));
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('j'));
    }
    let count = |app: &App| on_disk(app, "birch-foundation").kpis[0].readings.len();
    let before = count(&app);
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "4");
    ctrl(&mut app, 's');
    assert_eq!(count(&app), before + 1, "the first of the day: no question");
    assert_eq!(asks(&app), None);
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "5");
    ctrl(&mut app, 's');
    let question = asks(&app).expect("a second reading today asks");
    assert!(
        question.starts_with("Already a reading today: 4")
            && question.ends_with("Add the reading anyway?"),
        "{question}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(count(&app), before + 1, "no: nothing added");
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "5");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(count(&app), before + 2, "yes: added");
}

#[test]
fn nothing_to_act_on_says_so() {
    let (_dir, mut app) = scorecard();
    for _ in 0..2 {
        key(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.view.tabs.scorecard.partner_id(), Some("acme-analytics"));
    key(&mut app, KeyCode::Char('r'));
    assert!(!has_form(&app));
    assert!(status(&app).contains("no KPI selected"), "{}", status(&app));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.view.tabs.scorecard.mode, Mode::Cards));
    // a adds the first KPI.
    key(&mut app, KeyCode::Char('a'));
    assert!(has_form(&app));
}
