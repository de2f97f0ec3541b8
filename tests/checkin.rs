//! The weekly check-in, driven by keys through the key map on the check-in fixture
//! (Cobalt Works, then Birch Foundation): a full walk of two partners saved to
//! disk, skipping, leaving with something typed (keep, discard, stay), undo of a
//! whole check-in, where `c` starts it from, and the detail's own check-ins.

mod common;

use chrono::NaiveDate;
use common::checkin::checkin_app;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::{Answer, CheckinAction};
use pactboard::app::effect::Effect;
use pactboard::app::keymap::Context;
use pactboard::app::overlays::Overlay;
use pactboard::app::screens::checkin::{CheckinScreen, Page, Slot};
use pactboard::app::screens::detail::Section;
use pactboard::app::{Action, App, Doc, Tab, apply, dispatch, handle_key, update};
use pactboard::domain::partner::{Partner, Side, Tier};
use pactboard::domain::timeline::MilestoneStatus;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

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

fn checkin(app: &App) -> &CheckinScreen {
    app.view.checkin().expect("the check-in is open")
}

fn page(app: &App) -> &Page {
    checkin(app).page.as_ref().expect("a page is on screen")
}

/// Tabs to `slot` (it must be on the page).
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
    panic!("{slot:?} is not on the page: {:?}", page(app).slots());
}

fn on_disk(app: &App, id: &str) -> Partner {
    let path = app.store.root().join(format!("partners/{id}.ron"));
    let text = std::fs::read_to_string(path).unwrap();
    ron::from_str(&text).unwrap()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The row of the milestone titled `title` on the page.
fn milestone_row(app: &App, title: &str) -> usize {
    let partner = app.data.partner_data(&page(app).partner).unwrap();
    (page(app).milestones.iter())
        .position(|row| {
            partner
                .milestones
                .iter()
                .any(|m| m.id == row.id && m.title == title)
        })
        .unwrap_or_else(|| panic!("{title} is not on the page"))
}

fn action_row(app: &App, text: &str) -> usize {
    let partner = app.data.partner_data(&page(app).partner).unwrap();
    (page(app).actions.iter())
        .position(|row| {
            partner
                .actions
                .iter()
                .any(|a| a.id == row.id && a.text == text)
        })
        .unwrap_or_else(|| panic!("{text} is not on the page"))
}

fn draft_file(app: &App, partner: &str) -> std::path::PathBuf {
    app.store
        .root()
        .join(format!(".drafts/{}/{partner}.ron", app.data.author))
}

#[test]
fn a_full_check_in_of_two_partners_is_saved_partner_by_partner_and_summed_up() {
    let (_dir, mut app) = checkin_app();
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    key(&mut app, KeyCode::Char('c'));
    let walk = checkin(&app);
    assert_eq!(
        walk.queue,
        ["cobalt-works", "birch-foundation"],
        "most in need first"
    );
    assert!(!walk.single);
    assert_eq!(page(&app).partner, "cobalt-works");
    // The cursor starts in the first reading.
    assert_eq!(page(&app).focus(), Slot::ReadingValue(0));
    assert_eq!(app.context(), Context::CheckinInput);
    let cobalt_before = on_disk(&app, "cobalt-works");

    // A reading and its note.
    type_text(&mut app, "2.4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "two schools live");
    // A milestone done; another moved, with why.
    let late = milestone_row(&app, "First kits shipped");
    go_to(&mut app, Slot::Milestone(late));
    assert_eq!(app.context(), Context::CheckinMilestone);
    key(&mut app, KeyCode::Char(' '));
    let training = milestone_row(&app, "Teacher training");
    go_to(&mut app, Slot::Milestone(training));
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(page(&app).focus(), Slot::MoveDue(training), "asks to when");
    assert_eq!(
        page(&app).field(Slot::MoveDue(training)).unwrap().raw(),
        "2026-12-13",
        "a week later to start with"
    );
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "trainer ill");
    // An action of theirs closed.
    let slots = action_row(&app, "Confirm delivery slots");
    go_to(&mut app, Slot::Action(slots));
    key(&mut app, KeyCode::Char(' '));
    // Feedback heard: who, side (theirs by default), sentiment, what.
    go_to(&mut app, Slot::FeedbackWho(0));
    type_text(&mut app, "Dev Patel");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Glad the kits are in");
    // The note, on two lines.
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Kits arrived.");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "Training moves a week.");
    // A new action item.
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "Book the school visits");
    key(&mut app, KeyCode::Tab);
    assert_eq!(page(&app).focus(), Slot::ActionOwner(0));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "+7d");

    // Ctrl-s: one commit of Cobalt Works, the draft removed, then on.
    let effects = update(&mut app, Action::Checkin(CheckinAction::Save));
    let [
        Effect::Commit(change),
        Effect::RemoveDraft(drafted),
        Effect::ToScreen(Action::Checkin(CheckinAction::Saved)),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(change.doc, Doc::partner("cobalt-works"));
    assert_eq!(drafted, "cobalt-works");
    assert_eq!(
        change.description,
        "checked in with Cobalt Works: 1 reading, 1 milestone done, 1 moved, 1 action closed, 1 action opened, 1 feedback note"
    );
    apply(&mut app, effects);
    assert!(
        status(&app).contains("checked in with Cobalt Works"),
        "{}",
        status(&app)
    );

    let cobalt = on_disk(&app, "cobalt-works");
    let today = fixture_today();
    let recorded = cobalt.checkins.last().unwrap();
    assert_eq!(recorded.date, today);
    assert_eq!(recorded.author, "maya");
    assert_eq!(recorded.note, "Kits arrived.\nTraining moves a week.");
    // The charter's operational meeting, and who attends it.
    assert_eq!(recorded.tier, Some(Tier::Operational));
    assert_eq!(recorded.attendees, ["pilot leads"]);
    let reading = cobalt.kpis[0].readings.last().unwrap();
    assert_eq!((reading.date, reading.value), (today, 2.4));
    assert_eq!(reading.note, "two schools live");
    let kits = cobalt
        .milestones
        .iter()
        .find(|m| m.title == "First kits shipped")
        .unwrap();
    assert_eq!(
        (kits.status, kits.done),
        (MilestoneStatus::Done, Some(today))
    );
    let moved = cobalt
        .milestones
        .iter()
        .find(|m| m.title == "Teacher training")
        .unwrap();
    assert_eq!(moved.due, day("2026-12-13"));
    assert_eq!(moved.planned_due, day("2026-12-06"));
    let replan = moved.replans.last().unwrap();
    assert_eq!(
        (replan.by.as_str(), replan.reason.as_str()),
        ("maya", "trainer ill")
    );
    let closed = cobalt
        .actions
        .iter()
        .find(|a| a.text == "Confirm delivery slots")
        .unwrap();
    assert_eq!(closed.done, Some(today));
    let opened = cobalt.actions.last().unwrap();
    assert_eq!(opened.text, "Book the school visits");
    assert_eq!(
        opened.owner, "maya",
        "the author, a member, owns it to start with"
    );
    assert_eq!(opened.due, Some(day("2026-12-05")));
    assert_eq!(opened.origin.as_deref(), Some(recorded.id.as_str()));
    assert_eq!(recorded.actions, std::slice::from_ref(&opened.id));
    let heard = cobalt.feedback.last().unwrap();
    assert_eq!(
        (heard.who.as_str(), heard.side, heard.sentiment, heard.date),
        ("Dev Patel", Side::Theirs, 4, today)
    );
    assert_eq!(heard.text, "Glad the kits are in");
    // Nothing else of the file changed.
    assert_eq!(cobalt.name, cobalt_before.name);
    assert_eq!(cobalt.goals, cobalt_before.goals);

    // Birch Foundation: the note only (no KPI, so the cursor starts there).
    assert_eq!(page(&app).partner, "birch-foundation");
    assert_eq!(page(&app).focus(), Slot::Note);
    type_text(&mut app, "Board meets on the 3rd.");
    ctrl(&mut app, 's');
    let birch = on_disk(&app, "birch-foundation");
    assert_eq!(
        birch.checkins.last().unwrap().note,
        "Board meets on the 3rd."
    );

    // The summary.
    let summary = checkin(&app);
    assert!(summary.page.is_none());
    assert_eq!(app.context(), Context::CheckinSummary);
    assert_eq!(summary.checked, ["Cobalt Works", "Birch Foundation"]);
    assert!(summary.skipped.is_empty());
    let tally = summary.tally;
    assert_eq!(
        (
            tally.readings,
            tally.milestones_done,
            tally.milestones_moved
        ),
        (1, 1, 1)
    );
    assert_eq!(
        (tally.actions_opened, tally.actions_closed, tally.feedback),
        (1, 1, 1)
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.view.checkin().is_none());
    assert_eq!(app.view.tab, Tab::Overview, "Enter returns to the Overview");
    assert!(app.view.layers.is_empty());
    // Nothing is left in the drafts: everything was saved.
    assert!(!draft_file(&app, "cobalt-works").exists());
    assert!(!draft_file(&app, "birch-foundation").exists());
}

#[test]
fn ctrl_n_skips_a_partner_without_a_check_in_and_keeps_what_was_typed() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    let before = on_disk(&app, "cobalt-works");
    // Ctrl-n is the key map's, not the text's, even in an input.
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Call back on Monday");
    ctrl(&mut app, 'n');
    assert_eq!(page(&app).partner, "birch-foundation");
    assert_eq!(
        on_disk(&app, "cobalt-works"),
        before,
        "no check-in for Cobalt Works"
    );
    assert!(
        draft_file(&app, "cobalt-works").exists(),
        "what was typed is kept"
    );
    assert!(
        status(&app).contains("skipped Cobalt Works"),
        "{}",
        status(&app)
    );
    // Nothing typed: skipped, no draft.
    ctrl(&mut app, 'n');
    assert!(!draft_file(&app, "birch-foundation").exists());
    let summary = checkin(&app);
    assert!(summary.page.is_none());
    assert_eq!(summary.skipped, ["Cobalt Works", "Birch Foundation"]);
    assert!(summary.checked.is_empty());

    // The next check-in brings the skipped page's text back, that partner first.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).partner, "cobalt-works");
    assert_eq!(page(&app).note.raw(), "Call back on Monday");
    assert!(status(&app).contains("brought back what you typed for Cobalt Works"));
}

#[test]
fn leaving_with_something_typed_asks_keep_discard_or_stay() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "2.1");

    // Stay: the question closes, the page and the text are still there.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::CheckinLeave);
    let Some(Overlay::Choice(question)) = app.view.overlays.last() else {
        panic!("a question")
    };
    assert!(
        question.question.contains("Cobalt Works"),
        "{}",
        question.question
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.view.overlays.is_empty());
    assert_eq!(page(&app).readings[0].value.raw(), "2.1");

    // Keep: the draft is written, the check-in left; c brings it back.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('k'));
    assert!(
        app.view.checkin().is_none(),
        "left (nothing was done: no summary)"
    );
    let kept = std::fs::read_to_string(draft_file(&app, "cobalt-works")).unwrap();
    assert!(kept.contains("value: \"2.1\""), "{kept}");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).readings[0].value.raw(), "2.1");

    // Discard: the draft goes, and the next page is fresh.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    assert!(app.view.checkin().is_none());
    assert!(!draft_file(&app, "cobalt-works").exists());
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).readings[0].value.raw(), "");

    // Nothing typed: Esc leaves at once.
    key(&mut app, KeyCode::Esc);
    assert!(app.view.checkin().is_none());
    assert!(app.view.overlays.is_empty());
}

#[test]
fn leaving_part_way_through_the_walk_shows_what_was_done() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 's');
    assert_eq!(page(&app).partner, "birch-foundation");
    key(&mut app, KeyCode::Esc);
    let summary = checkin(&app);
    assert!(summary.page.is_none(), "the summary");
    assert_eq!(summary.checked, ["Cobalt Works"]);
    assert_eq!(summary.not_reached(), 1, "Birch Foundation is still to do");
}

#[test]
fn undo_takes_back_a_whole_check_in_in_one_step() {
    let (_dir, mut app) = checkin_app();
    let before = on_disk(&app, "cobalt-works");
    let undo_steps = app.history.undo.len();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = &mut app;
    view.tabs.pipeline.selected = Some("cobalt-works".into());
    view.tabs.pipeline.settle(data, 0);
    key(&mut app, KeyCode::Char('c'));
    assert!(checkin(&app).single, "c on a card: that partner only");
    type_text(&mut app, "2.4");
    let late = milestone_row(&app, "First kits shipped");
    go_to(&mut app, Slot::Milestone(late));
    key(&mut app, KeyCode::Char(' '));
    go_to(&mut app, Slot::Action(0));
    key(&mut app, KeyCode::Char(' '));
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Kits arrived");
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "Book the visits");
    ctrl(&mut app, 's');
    assert_eq!(app.history.undo.len(), undo_steps + 1, "one step");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.view.tab,
        Tab::Pipeline,
        "one partner: back where it was opened"
    );
    let saved = on_disk(&app, "cobalt-works");
    assert_ne!(saved, before);

    key(&mut app, KeyCode::Char('u'));
    assert_eq!(on_disk(&app, "cobalt-works"), before, "all of it, at once");
    assert!(
        status(&app).contains("undid: checked in with Cobalt Works"),
        "{}",
        status(&app)
    );
    ctrl(&mut app, 'r');
    assert_eq!(on_disk(&app, "cobalt-works"), saved);
}

#[test]
fn c_on_the_detail_opens_that_partners_page_and_on_an_attention_item_the_cursor_is_on_it() {
    let (_dir, mut app) = checkin_app();
    // The detail.
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = &mut app;
    view.tabs.pipeline.selected = Some("birch-foundation".into());
    view.tabs.pipeline.settle(data, 0);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(checkin(&app).queue, ["birch-foundation"]);
    assert!(checkin(&app).single);
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    assert!(app.view.detail().is_some(), "back in the detail");
    key(&mut app, KeyCode::Esc);

    // The Overview: the walk, the item's partner first, the cursor on the item.
    dispatch(&mut app, Action::GoTo(Tab::Overview));
    let items = &app.data.summary.attention;
    let late = items
        .iter()
        .position(|i| i.kind.as_str() == "overdue_milestone")
        .expect("a late milestone in the fixture");
    for _ in 0..late {
        key(&mut app, KeyCode::Char('j'));
    }
    let item = app.data.summary.attention[late].clone();
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).partner, item.partner);
    assert!(!checkin(&app).single, "the walk goes on after it");
    let focus = page(&app).focus();
    let Slot::Milestone(row) = focus else {
        panic!("the cursor is on {focus:?}")
    };
    assert_eq!(row, milestone_row(&app, &item.subject));
    assert_eq!(
        checkin(&app).left_out,
        ["Birch Foundation"],
        "checked in today already"
    );

    // Enter keeps opening the detail.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    assert!(app.view.detail().is_some());
}

#[test]
fn an_input_that_cannot_be_taken_says_why_and_nothing_is_saved() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    let before = on_disk(&app, "cobalt-works");
    type_text(&mut app, "1,5");
    let training = milestone_row(&app, "Teacher training");
    go_to(&mut app, Slot::Milestone(training));
    key(&mut app, KeyCode::Char('>'));
    ctrl(&mut app, 's');
    assert_eq!(on_disk(&app, "cobalt-works"), before);
    assert_eq!(page(&app).partner, "cobalt-works", "still on the page");
    assert_eq!(
        page(&app).focus(),
        Slot::ReadingValue(0),
        "the first to fix"
    );
    let value = page(&app).readings[0].value.error.clone().unwrap();
    assert!(value.contains("without a comma"), "{value}");
    let why = page(&app).milestones[training]
        .moved
        .as_ref()
        .unwrap()
        .reason
        .error
        .clone()
        .unwrap();
    assert!(why.contains("say why it moved"), "{why}");
    assert!(status(&app).contains("not saved"), "{}", status(&app));
    // `>` again: not moved after all.
    go_to(&mut app, Slot::Milestone(training));
    key(&mut app, KeyCode::Char('>'));
    assert!(page(&app).milestones[training].moved.is_none());
}

#[test]
fn quitting_with_something_typed_keeps_it_as_a_draft() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Half a thought");
    ctrl(&mut app, 'c');
    let Some(Overlay::Confirm(question)) = app.view.overlays.last() else {
        panic!("quitting asks")
    };
    assert!(
        question.question.contains("kept as a draft"),
        "{}",
        question.question
    );
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit);
    let kept = std::fs::read_to_string(draft_file(&app, "cobalt-works")).unwrap();
    assert!(kept.contains("Half a thought"), "{kept}");
}

#[test]
fn a_session_that_only_looks_cannot_check_in() {
    let (_dir, mut app) = checkin_app();
    app.set_read_only("opened with --read-only");
    key(&mut app, KeyCode::Char('c'));
    assert!(app.view.checkin().is_none());
    assert!(status(&app).contains("read-only"), "{}", status(&app));
}

// ---- the partner detail's check-ins ----

fn activity(app: &mut App, id: &str) {
    dispatch(app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = app;
    view.tabs.pipeline.selected = Some(id.into());
    view.tabs.pipeline.settle(data, 0);
    key(app, KeyCode::Enter);
    while app.view.detail().unwrap().section != Section::Activity {
        key(app, KeyCode::Tab);
    }
}

#[test]
fn the_detail_adds_a_check_in_held_apart_from_action_items() {
    let (_dir, mut app) = checkin_app();
    activity(&mut app, "birch-foundation");
    // Birch has no open action: the selection is on its check-in, and `a` asks,
    // a check-in first.
    key(&mut app, KeyCode::Char('a'));
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("a form")
    };
    assert_eq!(form.form.title, "Add to the activity");
    key(&mut app, KeyCode::Enter);
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("a form")
    };
    assert_eq!(form.form.title, "New check-in (Birch Foundation)");
    let before = on_disk(&app, "birch-foundation");
    // Yesterday's call, typed in: date, meeting, attendees, note.
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "-1d");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ines Lund, Tomás");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Letter signed off");
    ctrl(&mut app, 's');
    assert!(app.view.overlays.is_empty(), "{}", status(&app));
    let after = on_disk(&app, "birch-foundation");
    assert_eq!(after.checkins.len(), before.checkins.len() + 1);
    assert_eq!(after.actions, before.actions, "no action item was added");
    let added = after
        .checkins
        .iter()
        .find(|c| c.note == "Letter signed off")
        .unwrap();
    assert_eq!(added.date, day("2026-11-27"));
    assert_eq!(added.author, "maya");
    assert_eq!(added.tier, Some(Tier::Leadership));
    assert_eq!(added.attendees, ["Ines Lund", "Tomás"]);
    let dates: Vec<_> = after.checkins.iter().map(|c| c.date).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "in date order");
}

#[test]
fn editing_a_check_in_never_moves_its_date_without_asking() {
    let (_dir, mut app) = checkin_app();
    activity(&mut app, "birch-foundation");
    let before = on_disk(&app, "birch-foundation");
    // The note alone: saved at once, the date kept.
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, " Board said yes.");
    ctrl(&mut app, 's');
    let edited = on_disk(&app, "birch-foundation");
    assert_eq!(edited.checkins[0].date, before.checkins[0].date);
    assert!(edited.checkins[0].note.ends_with("Board said yes."));

    // The date: asked first; no leaves it as it was.
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-11-25");
    ctrl(&mut app, 's');
    let Some(Overlay::Confirm(question)) = app.view.overlays.last() else {
        panic!("moving a check-in asks")
    };
    assert!(
        question
            .question
            .contains("Move the check-in of 2026-11-24"),
        "{}",
        question.question
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(on_disk(&app, "birch-foundation"), edited);
    // And a date after today is refused in the form.
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+1d");
    ctrl(&mut app, 's');
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("the form stays open")
    };
    let error = form
        .form
        .field_named("date")
        .unwrap()
        .error
        .clone()
        .unwrap();
    assert!(error.contains("after today"), "{error}");
}

#[test]
fn answering_the_resume_question_resumes_or_discards() {
    let (dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "2.2");
    // The session ends by a hang-up.
    assert_eq!(app.save_drafts(), 1);
    drop(app);

    let data = dir.path().join("data");
    let mut next = common::checkin::session(&data, "maya");
    next.offer_checkin_drafts();
    assert_eq!(next.context(), Context::CheckinResume);
    let effects = update(&mut next, Action::Answer(Answer::Resume));
    apply(&mut next, effects);
    assert_eq!(page(&next).partner, "cobalt-works");
    assert_eq!(page(&next).readings[0].value.raw(), "2.2");

    let mut third = common::checkin::session(&data, "maya");
    third.offer_checkin_drafts();
    key(&mut third, KeyCode::Char('d'));
    assert!(third.view.overlays.is_empty());
    assert!(!draft_file(&third, "cobalt-works").exists());
    // Another user's session is not offered this user's drafts.
    let mut other = common::checkin::session(&data, "tomas");
    other.offer_checkin_drafts();
    assert!(other.view.overlays.is_empty());
}

#[test]
fn c_on_a_red_kpi_with_a_fresh_reading_still_asks_for_one() {
    let (_dir, mut app) = demo_app();
    let items = &app.data.summary.attention;
    let (at, item) = items
        .iter()
        .enumerate()
        .find(|(_, item)| {
            item.kind.as_str() == "red_kpi" && item.partner == "tidewater-university-civic-data-lab"
        })
        .map(|(at, item)| (at, item.clone()))
        .expect("the demo has Tidewater's red KPI");
    for _ in 0..at {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('c'));
    let page = page(&app);
    assert_eq!(page.partner, item.partner);
    let Slot::ReadingValue(index) = page.focus() else {
        panic!("the cursor is on {:?}", page.focus())
    };
    let partner = app.data.partner_data(&item.partner).unwrap();
    let kpi = partner
        .kpis
        .iter()
        .find(|k| k.id == page.readings[index].kpi)
        .unwrap();
    assert_eq!(kpi.name, item.subject);
    assert_eq!(page.readings[index].why.words(), "from the attention list");
    assert!(
        !page.is_dirty(),
        "nothing typed yet: Esc leaves without asking"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.view.checkin().is_none());
}

#[test]
fn c_at_the_summary_starts_again_with_who_is_still_to_do() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Esc);
    assert!(checkin(&app).page.is_none(), "the summary");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(checkin(&app).queue, ["birch-foundation"]);
    assert_eq!(app.view.layers.len(), 1, "one check-in, not two");
    // With a page open, c is typed text — never a second check-in.
    assert_eq!(page(&app).focus(), Slot::Note);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).note.raw(), "c");
    assert_eq!(app.view.layers.len(), 1);
}

#[test]
fn b_on_a_blocked_milestone_unblocks_it_at_the_save() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = &mut app;
    view.tabs.pipeline.selected = Some("harbourline-mutual".into());
    view.tabs.pipeline.settle(data, 0);
    key(&mut app, KeyCode::Char('c'));
    let partner = app.data.partner_data("harbourline-mutual").unwrap();
    let blocked = partner
        .milestones
        .iter()
        .find(|m| m.status == MilestoneStatus::Blocked)
        .expect("the demo has a blocked milestone at Harbourline")
        .clone();
    let row = milestone_row(&app, &blocked.title);
    go_to(&mut app, Slot::Milestone(row));
    key(&mut app, KeyCode::Char('b'));
    assert!(page(&app).milestones[row].unblock);
    assert!(page(&app).milestones[row].block.is_none(), "asks nothing");
    ctrl(&mut app, 's');
    let saved = on_disk(&app, "harbourline-mutual");
    let after = saved
        .milestones
        .iter()
        .find(|m| m.id == blocked.id)
        .unwrap();
    assert_eq!(
        Some(after.status),
        blocked.status_before.or(Some(MilestoneStatus::InProgress))
    );
    assert_eq!(after.blocked_reason, "");
    assert!(status(&app).contains("1 unblocked"), "{}", status(&app));
}

#[test]
fn j_and_k_move_between_rows_and_stop_at_the_first_and_last() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    let last_action = Slot::Action(page(&app).actions.len() - 1);
    go_to(&mut app, last_action);
    // Up past every row: the focus stops on the first milestone, never going on
    // into the inputs above, where the next `k` would be typed.
    for _ in 0..6 {
        key(&mut app, KeyCode::Char('k'));
    }
    assert_eq!(page(&app).focus(), Slot::Milestone(0));
    key(&mut app, KeyCode::Up);
    assert_eq!(page(&app).focus(), Slot::Milestone(0));
    for _ in 0..6 {
        key(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(page(&app).focus(), last_action, "stops at the last row");
    key(&mut app, KeyCode::Down);
    assert_eq!(page(&app).focus(), last_action);
    assert!(!page(&app).is_dirty(), "nothing was typed anywhere");
    ctrl(&mut app, 's');
    let cobalt = on_disk(&app, "cobalt-works");
    assert!(
        cobalt
            .actions
            .iter()
            .all(|a| a.text != "k" && a.text != "kk"),
        "no stray keys saved as an action"
    );
}

#[test]
fn tab_and_shift_tab_stop_at_the_top_and_bottom_of_the_page() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(page(&app).focus(), Slot::ReadingValue(0));
    key(&mut app, KeyCode::BackTab);
    assert_eq!(
        page(&app).focus(),
        Slot::ReadingValue(0),
        "no wrap to the bottom"
    );
    let last = *page(&app).slots().last().unwrap();
    for _ in 0..60 {
        key(&mut app, KeyCode::Tab);
    }
    assert_eq!(page(&app).focus(), last, "no wrap to the top");
}

fn clear(app: &mut App) {
    for _ in 0..20 {
        key(app, KeyCode::Backspace);
    }
}

#[test]
fn moving_a_late_milestone_starts_a_week_from_today_and_refuses_a_date_already_past() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    let before = on_disk(&app, "cobalt-works");
    // Due 2026-11-15, 13 days late: a week after that is still past.
    let late = milestone_row(&app, "First kits shipped");
    go_to(&mut app, Slot::Milestone(late));
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(
        page(&app).field(Slot::MoveDue(late)).unwrap().raw(),
        "2026-12-05",
        "a week from today"
    );
    clear(&mut app);
    type_text(&mut app, "2026-11-01");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "typo fix");
    ctrl(&mut app, 's');
    assert_eq!(on_disk(&app, "cobalt-works"), before, "nothing saved");
    assert_eq!(page(&app).focus(), Slot::MoveDue(late));
    let why = page(&app).milestones[late]
        .moved
        .as_ref()
        .unwrap()
        .due
        .error
        .clone()
        .unwrap();
    assert!(why.contains("2026-11-01 is in the past"), "{why}");
    assert!(why.contains("earlier than the old one is fine"), "{why}");
    // Earlier than Teacher training's due date (2026-12-06) but not past: a move.
    go_to(&mut app, Slot::MoveDue(late));
    clear(&mut app);
    type_text(&mut app, "2026-12-01");
    let training = milestone_row(&app, "Teacher training");
    go_to(&mut app, Slot::Milestone(training));
    key(&mut app, KeyCode::Char('>'));
    clear(&mut app);
    type_text(&mut app, "2026-11-30");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "trainer free earlier");
    ctrl(&mut app, 's');
    let cobalt = on_disk(&app, "cobalt-works");
    let due = |title: &str| {
        cobalt
            .milestones
            .iter()
            .find(|m| m.title == title)
            .unwrap()
            .due
    };
    assert_eq!(due("First kits shipped"), day("2026-12-01"));
    assert_eq!(due("Teacher training"), day("2026-11-30"));
}

fn reading_of<'a>(
    app: &'a App,
    name: &str,
) -> (
    usize,
    &'a pactboard::app::screens::checkin::inputs::ReadingInput,
) {
    let partner = app.data.partner_data(&page(app).partner).unwrap();
    let id = &partner.kpis.iter().find(|k| k.name == name).unwrap().id;
    (page(app).readings.iter().enumerate())
        .find(|(_, r)| r.kpi == *id)
        .unwrap_or_else(|| panic!("no input for {name}"))
}

#[test]
fn every_open_kpi_takes_a_reading_and_a_check_in_today_makes_none_due_again() {
    let (_dir, mut app) = demo_app();
    app.start_checkin(pactboard::app::screens::checkin::CheckinStart::one(
        "harbourline-mutual",
    ));
    // Both KPIs were read at the check-in of 2026-11-25: none is due, but the red
    // one can take a reading all the same.
    assert!(page(&app).readings.iter().all(|r| !r.why.is_due()));
    let (charities, input) = reading_of(&app, "Charities live");
    assert_eq!(input.why.words(), "not due");
    assert_eq!(
        page(&app).focus(),
        Slot::ReadingValue(0),
        "the page opens at its top"
    );
    go_to(&mut app, Slot::ReadingValue(charities));
    type_text(&mut app, "24");
    ctrl(&mut app, 's');
    let harbourline = on_disk(&app, "harbourline-mutual");
    let kpi = harbourline
        .kpis
        .iter()
        .find(|k| k.name == "Charities live")
        .unwrap();
    let latest = kpi.readings.iter().max_by_key(|r| r.date).unwrap();
    assert_eq!((latest.date, latest.value), (app.data.today, 24.0));
    // Opened again the same day: the check-in just held does not make the other
    // KPI, read on 2026-11-25, due again.
    app.start_checkin(pactboard::app::screens::checkin::CheckinStart::one(
        "harbourline-mutual",
    ));
    let (_, hours) = reading_of(&app, "Volunteering hours");
    assert!(!hours.why.is_due(), "{}", hours.why.words());
}

#[test]
fn feedback_without_what_was_said_is_not_saved_and_says_why() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    let before = on_disk(&app, "cobalt-works");
    go_to(&mut app, Slot::FeedbackWho(0));
    type_text(&mut app, "Dev Patel");
    ctrl(&mut app, 's');
    assert_eq!(on_disk(&app, "cobalt-works"), before, "nothing saved");
    assert_eq!(page(&app).focus(), Slot::FeedbackText(0));
    let why = page(&app).feedback[0].text.error.clone().unwrap();
    assert!(why.contains("what did they say?"), "{why}");
    // Clearing the name drops the feedback: then the page saves.
    go_to(&mut app, Slot::FeedbackWho(0));
    for _ in 0..9 {
        key(&mut app, KeyCode::Backspace);
    }
    ctrl(&mut app, 's');
    let cobalt = on_disk(&app, "cobalt-works");
    assert_eq!(cobalt.checkins.len(), before.checkins.len() + 1);
    assert_eq!(cobalt.feedback, before.feedback, "no empty feedback kept");
}

#[test]
fn a_row_typed_in_and_emptied_again_leaves_one_empty_row() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    go_to(&mut app, Slot::ActionText(0));
    type_text(&mut app, "x");
    assert_eq!(page(&app).new_actions.len(), 2, "a row for the next one");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(page(&app).new_actions.len(), 1, "only one empty row");
    go_to(&mut app, Slot::FeedbackWho(0));
    type_text(&mut app, "D");
    assert_eq!(page(&app).feedback.len(), 2);
    key(&mut app, KeyCode::Backspace);
    assert_eq!(page(&app).feedback.len(), 1);
    assert!(!page(&app).is_dirty(), "nothing is left typed");
}

#[test]
fn the_footer_offers_b_and_gt_on_a_milestone_only() {
    let (_dir, mut app) = checkin_app();
    key(&mut app, KeyCode::Char('c'));
    let offered = |app: &App| {
        pactboard::app::keymap::hints(app.context())
            .into_iter()
            .map(|(_, hint)| hint)
            .collect::<Vec<_>>()
    };
    go_to(&mut app, Slot::Milestone(0));
    assert!(offered(&app).contains(&"block") && offered(&app).contains(&"move"));
    go_to(&mut app, Slot::Action(0));
    assert_eq!(app.context(), Context::Checkin);
    let hints = offered(&app);
    assert!(
        !hints.contains(&"block") && !hints.contains(&"move"),
        "{hints:?}"
    );
    assert!(hints.contains(&"done"), "{hints:?}");
    // b there does nothing: no block reason appears anywhere.
    key(&mut app, KeyCode::Char('b'));
    assert!(page(&app).milestones.iter().all(|m| m.block.is_none()));
}
