//! The Timeline's edits through `update`: what each milestone key asks for (the
//! effects, checked before anything is applied), what applying them leaves in
//! memory and on disk, and that `u` takes each back — on a temporary copy of the
//! fixture with a plan in every status. The same keys in the partner detail.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::{MilestoneAction, TimelineAction};
use pactboard::app::effect::{Effect, Reveal};
use pactboard::app::keymap::Context;
use pactboard::app::overlays::Overlay;
use pactboard::app::records::{Item, Rec};
use pactboard::app::screens::detail::Section;
use pactboard::app::screens::timeline::MilestoneRef;
use pactboard::app::{Action, App, Doc, Tab, apply, dispatch, handle_key, update};
use pactboard::domain::timeline::{Milestone, MilestoneStatus};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

/// The Timeline on the fixture, on disk in a temporary directory.
fn timeline() -> (tempfile::TempDir, App) {
    let (dir, mut app) = milestones::timeline_app();
    dispatch(&mut app, Action::GoTo(Tab::Timeline));
    (dir, app)
}

/// Where the milestone called `title` is.
fn find(app: &App, title: &str) -> MilestoneRef {
    app.data
        .partners
        .iter()
        .find_map(|file| {
            let m = file.partner.milestones.iter().find(|m| m.title == title)?;
            Some(MilestoneRef {
                partner: file.id.clone(),
                at: Rec::of(m),
            })
        })
        .unwrap_or_else(|| panic!("no milestone {title}"))
}

fn select(app: &mut App, title: &str) -> MilestoneRef {
    let wanted = find(app, title);
    let App { data, view, .. } = app;
    assert!(
        view.tabs.timeline.select(data, &wanted),
        "{title} is listed"
    );
    wanted
}

/// The milestone as it is in memory.
fn in_memory(app: &App, at: &MilestoneRef) -> Milestone {
    let partner = app.partner_data(&at.partner).unwrap();
    at.at.find(&partner.milestones).unwrap().clone()
}

/// The milestone as its partner's file says.
fn on_disk(app: &App, at: &MilestoneRef) -> Milestone {
    let (file, errors) = app.store.load_partner(&at.partner).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    at.at
        .find(&file.unwrap().partner.milestones)
        .expect("the milestone is in the file")
        .clone()
}

fn milestone_key(app: &mut App, action: MilestoneAction) -> Vec<Effect> {
    update(app, Action::Milestone(action))
}

/// The one commit `effects` asks for, and what it leaves of milestone `at`.
fn committed(effects: &[Effect], at: &MilestoneRef) -> Milestone {
    let [Effect::Commit(change)] = effects else {
        panic!("one commit, not {effects:?}")
    };
    assert_eq!(change.doc, Doc::partner(&at.partner));
    let after = change.partner_after().unwrap();
    at.at.find(&after.milestones).unwrap().clone()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn undo(app: &mut App) {
    dispatch(app, Action::Undo);
    assert!(status(app).starts_with("undid"), "{}", status(app));
}

#[test]
fn space_starts_then_finishes_with_todays_date_and_undo_takes_each_back() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    let planned = in_memory(&app, &training);

    let effects = milestone_key(&mut app, MilestoneAction::Advance);
    assert_eq!(
        committed(&effects, &training).status,
        MilestoneStatus::InProgress
    );
    assert_eq!(
        in_memory(&app, &training),
        planned,
        "update only asks; apply changes"
    );
    apply(&mut app, effects);
    assert_eq!(on_disk(&app, &training).status, MilestoneStatus::InProgress);
    assert!(
        status(&app).contains("“Teacher training”: in progress (Cobalt Works) — saved"),
        "{}",
        status(&app)
    );

    key(&mut app, KeyCode::Char(' '));
    let done = on_disk(&app, &training);
    assert_eq!(done.status, MilestoneStatus::Done);
    assert_eq!(done.done, Some(fixture_today()));

    undo(&mut app);
    let reopened = on_disk(&app, &training);
    assert_eq!(
        (reopened.status, reopened.done),
        (MilestoneStatus::InProgress, None),
        "undo clears the done date"
    );
    undo(&mut app);
    assert_eq!(on_disk(&app, &training), planned);
    assert_eq!(in_memory(&app, &training), planned);
}

#[test]
fn space_on_a_done_milestone_asks_to_reopen_it() {
    let (_dir, mut app) = timeline();
    let sensors = select(&mut app, "Sensors ordered");
    let effects = milestone_key(&mut app, MilestoneAction::Advance);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        confirm
            .question
            .contains("Reopen “Sensors ordered” (done 2026-11-10)?"),
        "{}",
        confirm.question
    );
    apply(&mut app, effects);
    assert_eq!(app.context(), Context::Confirm);
    key(&mut app, KeyCode::Char('y'));
    let reopened = on_disk(&app, &sensors);
    assert_eq!(
        (reopened.status, reopened.done),
        (MilestoneStatus::InProgress, None)
    );
    undo(&mut app);
    assert_eq!(on_disk(&app, &sensors).done, Some(day("2026-11-10")));
}

#[test]
fn space_on_a_blocked_milestone_unblocks_it_and_on_a_cancelled_one_says_how_to_restore() {
    let (_dir, mut app) = timeline();
    let school = select(&mut app, "School data agreement");
    let blocked = in_memory(&app, &school);
    let effects = milestone_key(&mut app, MilestoneAction::Advance);
    let unblocked = committed(&effects, &school);
    assert_eq!(unblocked.status, MilestoneStatus::InProgress, "as before");
    assert_eq!(unblocked.blocked_reason, "");
    apply(&mut app, effects);
    undo(&mut app);
    assert_eq!(on_disk(&app, &school), blocked);

    select(&mut app, "Parent newsletter");
    let effects = milestone_key(&mut app, MilestoneAction::Advance);
    let [Effect::Say(message)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        message.text,
        "“Parent newsletter” is cancelled: x restores it"
    );
}

#[test]
fn b_asks_why_and_blocks_and_b_again_goes_back() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    let planned = in_memory(&app, &training);
    let effects = milestone_key(&mut app, MilestoneAction::Block);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenForm(_)]),
        "{effects:?}"
    );
    apply(&mut app, effects);
    assert_eq!(app.context(), Context::Form);
    // No reason, no block.
    assert!(update(&mut app, Action::Submit).is_empty());
    type_text(&mut app, "no rooms free");
    let effects = update(&mut app, Action::Submit);
    let [Effect::Close, Effect::Commit(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let after = training
        .at
        .find(&change.partner_after().unwrap().milestones);
    let after = after.unwrap();
    assert_eq!(after.status, MilestoneStatus::Blocked);
    assert_eq!(after.blocked_reason, "no rooms free");
    assert_eq!(after.status_before, Some(MilestoneStatus::Planned));
    apply(&mut app, effects);
    assert_eq!(on_disk(&app, &training).blocked_reason, "no rooms free");

    key(&mut app, KeyCode::Char('b'));
    let back = on_disk(&app, &training);
    assert_eq!(back, planned, "b again: planned, as it was");
    undo(&mut app);
    assert_eq!(on_disk(&app, &training).status, MilestoneStatus::Blocked);
    undo(&mut app);
    assert_eq!(on_disk(&app, &training), planned);

    select(&mut app, "Sensors ordered");
    let effects = milestone_key(&mut app, MilestoneAction::Block);
    assert!(
        matches!(effects.as_slice(), [Effect::Say(m)] if m.text.contains("Space reopens it")),
        "a done milestone is not blocked: {effects:?}"
    );
}

#[test]
fn x_cancels_and_restores_after_asking() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    let planned = in_memory(&app, &training);
    let effects = milestone_key(&mut app, MilestoneAction::Cancel);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        confirm.question,
        "Cancel the milestone “Teacher training” of Cobalt Works? x on it restores it."
    );
    apply(&mut app, effects);
    let effects = update(&mut app, Action::Yes);
    let [Effect::Close, Effect::Commit(_)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    apply(&mut app, effects);
    assert_eq!(on_disk(&app, &training).status, MilestoneStatus::Cancelled);

    let effects = milestone_key(&mut app, MilestoneAction::Cancel);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        confirm.question,
        "Restore “Teacher training”? It goes back to planned."
    );
    apply(&mut app, effects);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        on_disk(&app, &training).status,
        MilestoneStatus::Cancelled,
        "no: nothing happens"
    );
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(&app, &training), planned);
    undo(&mut app);
    undo(&mut app);
    assert_eq!(on_disk(&app, &training), planned);
}

#[test]
fn a_due_date_move_is_a_replan_and_the_first_plan_stays() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    let before = in_memory(&app, &training);
    let effects = milestone_key(&mut app, MilestoneAction::MoveDue(7));
    let [Effect::Commit(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(change.burst.is_some(), "quick presses join one undo step");
    assert_eq!(
        change.description,
        "“Teacher training” due 2026-12-18 (+7d) (Cobalt Works)"
    );
    apply(&mut app, effects);
    let moved = on_disk(&app, &training);
    assert_eq!(moved.due, day("2026-12-18"));
    assert_eq!(moved.planned_due, before.due, "the first plan stays");
    assert_eq!(moved.slip_days(), 7);
    let replan = &moved.replans[0];
    assert_eq!(
        (replan.date, replan.by.as_str(), replan.from, replan.to),
        (
            fixture_today(),
            "maya",
            day("2026-12-11"),
            day("2026-12-18")
        )
    );
    undo(&mut app);
    assert_eq!(on_disk(&app, &training), before);
}

#[test]
fn quick_presses_on_one_milestone_are_one_undo_step() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    let before = in_memory(&app, &training);
    let start = Instant::now();
    for (second, code) in [(0, '>'), (1, '+'), (2, '+'), (4, '-')] {
        app.now = Some(start + Duration::from_secs(second));
        key(&mut app, KeyCode::Char(code));
    }
    let moved = on_disk(&app, &training);
    assert_eq!(moved.due, day("2026-12-19"), "+7 +1 +1 -1");
    assert_eq!(moved.replans.len(), 1, "one re-plan: {:?}", moved.replans);
    assert_eq!(app.history.undo.len(), 1, "one undo step");
    // A pause, and the next press is a step of its own.
    app.now = Some(start + Duration::from_secs(10));
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(app.history.undo.len(), 2);
    undo(&mut app);
    assert_eq!(on_disk(&app, &training).due, day("2026-12-19"));
    undo(&mut app);
    assert_eq!(on_disk(&app, &training), before, "one u for the burst");
}

#[test]
fn a_due_date_moved_before_the_start_takes_the_start_along() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    assert_eq!(in_memory(&app, &training).start, Some(day("2026-12-07")));
    key(&mut app, KeyCode::Char('<'));
    let moved = on_disk(&app, &training);
    assert_eq!(moved.due, day("2026-12-04"));
    assert_eq!(moved.start, Some(day("2026-12-04")));
}

#[test]
fn done_and_cancelled_milestones_keep_their_dates() {
    let (_dir, mut app) = timeline();
    for title in ["Sensors ordered", "Parent newsletter"] {
        select(&mut app, title);
        let effects = milestone_key(&mut app, MilestoneAction::MoveDue(1));
        assert!(
            matches!(effects.as_slice(), [Effect::Say(m)] if m.text.contains("its dates are history")),
            "{title}: {effects:?}"
        );
    }
}

#[test]
fn a_key_in_the_attention_view_stays_on_its_milestone_until_the_selection_moves() {
    let (_dir, mut app) = timeline();
    dispatch(&mut app, Action::Timeline(TimelineAction::AttentionOnly));
    let training = select(&mut app, "Teacher training");
    // Due in 13 days: one `>` takes it out of the next 14 days.
    key(&mut app, KeyCode::Char('>'));
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(app.view.tabs.timeline.selected(), Some(&training));
    assert_eq!(
        on_disk(&app, &training).due,
        day("2026-12-25"),
        "both presses"
    );
    key(&mut app, KeyCode::Char('j'));
    let rows = app.view.tabs.timeline.rows(&app.data);
    assert_eq!(
        rows.position(&app.data, &training),
        None,
        "once the selection moves, the view is the attention view again"
    );
}

#[test]
fn a_adds_a_milestone_for_the_partner_chosen() {
    let (_dir, mut app) = timeline();
    select(&mut app, "Board decision");
    let effects = update(&mut app, Action::Add);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenForm(_)]),
        "{effects:?}"
    );
    apply(&mut app, effects);
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("the partner form")
    };
    assert_eq!(
        form.form.field_named("partner").unwrap().display_value(),
        "Birch Foundation",
        "the selected milestone's partner"
    );
    key(&mut app, KeyCode::Right);
    let effects = update(&mut app, Action::Submit);
    let [Effect::Close, Effect::OpenForm(_)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    apply(&mut app, effects);
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("the milestone form")
    };
    assert_eq!(form.form.title, "New milestone for Cobalt Works");
    type_text(&mut app, "Kits collected");
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "2026-12-20"); // start
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-12-14"); // due, before the start
    let effects = update(&mut app, Action::Submit);
    assert!(effects.is_empty(), "refused: {effects:?}");
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("still open")
    };
    assert_eq!(
        form.form.field_named("due").unwrap().error.as_deref(),
        Some("the due date comes before the start (2026-12-20)")
    );
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+4w");
    let effects = update(&mut app, Action::Submit);
    let [
        Effect::Close,
        Effect::Commit(change),
        Effect::Reveal(Reveal::Milestone { partner, .. }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(partner, "cobalt-works");
    assert_eq!(
        change.description,
        "added milestone “Kits collected” (Cobalt Works)"
    );
    apply(&mut app, effects);
    let added = find(&app, "Kits collected");
    assert_eq!(app.view.tabs.timeline.selected(), Some(&added), "selected");
    let m = on_disk(&app, &added);
    assert_eq!(
        (m.start, m.due, m.planned_due),
        (
            Some(day("2026-12-20")),
            day("2026-12-26"),
            day("2026-12-26")
        )
    );
    assert_eq!(m.phase, "foundation", "the first phase");
    assert!(m.id.starts_with("ms-"), "{}", m.id);
    assert_eq!(m.owner, "maya", "whoever added it");
    undo(&mut app);
    assert!(in_memory_titles(&app).iter().all(|t| t != "Kits collected"));
}

fn in_memory_titles(app: &App) -> Vec<String> {
    app.data
        .partners
        .iter()
        .flat_map(|file| file.partner.milestones.iter().map(|m| m.title.clone()))
        .collect()
}

#[test]
fn e_edits_and_a_due_date_changed_there_is_a_replan_with_its_reason() {
    let (_dir, mut app) = timeline();
    let kits = select(&mut app, "First kits shipped");
    let before = in_memory(&app, &kits);
    dispatch(&mut app, Action::Edit);
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("the milestone form")
    };
    assert_eq!(
        form.form.field_named("reason").unwrap().raw(),
        "sensors late from the supplier",
        "the last re-plan's reason"
    );
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-12-02");
    key(&mut app, KeyCode::Tab);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "customs hold");
    dispatch(&mut app, Action::Submit);
    let edited = on_disk(&app, &kits);
    assert_eq!(edited.due, day("2026-12-02"));
    assert_eq!(edited.planned_due, day("2026-11-08"));
    assert_eq!(edited.replans.len(), 2);
    let last = edited.replans.last().unwrap();
    assert_eq!(
        (last.from, last.to, last.reason.as_str()),
        (day("2026-11-15"), day("2026-12-02"), "customs hold")
    );
    assert_eq!(edited.replans[0], before.replans[0], "history stays");
    undo(&mut app);
    assert_eq!(on_disk(&app, &kits), before);
}

#[test]
fn a_reason_given_later_goes_to_the_last_replan() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    key(&mut app, KeyCode::Char('>'));
    dispatch(&mut app, Action::Edit);
    for _ in 0..5 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "trainer ill");
    dispatch(&mut app, Action::Submit);
    let m = on_disk(&app, &training);
    assert_eq!(m.replans.len(), 1);
    assert_eq!(m.replans[0].reason, "trainer ill");
    assert_eq!(m.due, day("2026-12-18"), "the date stays");
}

#[test]
fn d_deletes_after_asking_and_u_brings_it_back() {
    let (_dir, mut app) = timeline();
    let board = select(&mut app, "Board decision");
    let effects = update(&mut app, Action::Delete);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        confirm.question,
        "Delete the milestone “Board decision” of Birch Foundation?"
    );
    apply(&mut app, effects);
    dispatch(&mut app, Action::Yes);
    let (file, _) = app.store.load_partner(&board.partner).unwrap();
    assert!(board.at.find(&file.unwrap().partner.milestones).is_none());
    assert!(
        app.view.tabs.timeline.selected().is_some(),
        "the selection moves on"
    );
    undo(&mut app);
    assert_eq!(on_disk(&app, &board).title, "Board decision");
}

#[test]
fn enter_opens_the_partner_on_its_milestones_with_the_same_keys() {
    let (_dir, mut app) = timeline();
    let training = select(&mut app, "Teacher training");
    key(&mut app, KeyCode::Enter);
    let detail = app.view.detail().expect("the partner detail");
    assert_eq!(
        (detail.partner.as_str(), detail.section),
        ("cobalt-works", Section::Milestones)
    );
    assert_eq!(
        detail.selected(),
        Some(&Item::Milestone(training.at.clone()))
    );
    assert_eq!(app.context(), Context::DetailMilestones);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(on_disk(&app, &training).status, MilestoneStatus::InProgress);
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(on_disk(&app, &training).due, day("2026-12-18"));
    key(&mut app, KeyCode::Char('b'));
    type_text(&mut app, "snow");
    key(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(&app, &training).status, MilestoneStatus::Blocked);
    // Still selected: the detail keeps the record by identity.
    assert_eq!(
        app.view.detail().unwrap().selected(),
        Some(&Item::Milestone(training.at.clone()))
    );
    key(&mut app, KeyCode::Char('a'));
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("the milestone form at once: the partner is known")
    };
    assert_eq!(form.form.title, "New milestone for Cobalt Works");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    let (file, _) = app.store.load_partner("cobalt-works").unwrap();
    assert!(
        training
            .at
            .find(&file.unwrap().partner.milestones)
            .is_none()
    );
    // Esc goes back to the Timeline.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Timeline);
}

#[test]
fn the_profile_counts_the_milestones_and_the_section_lists_them_all() {
    let (_dir, mut app) = timeline();
    select(&mut app, "Teacher training");
    dispatch(&mut app, Action::Open);
    let detail = app.view.detail().unwrap();
    let items = detail.items(&app.data);
    let titles: Vec<String> = items
        .iter()
        .map(|item| match item {
            Item::Milestone(at) => at
                .find(&app.partner_data("cobalt-works").unwrap().milestones)
                .unwrap()
                .title
                .clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        titles,
        [
            "First kits shipped",
            "School data agreement",
            "Teacher training",
            "Mid-pilot review",
            "Sensors ordered",
            "Pilot scoped",
            "Parent newsletter"
        ],
        "open by due date, then done, most recent first, then cancelled"
    );
}

#[test]
fn the_view_keys_zoom_scroll_group_and_filter() {
    let (_dir, mut app) = timeline();
    let screen = |app: &App| {
        let timeline = &app.view.tabs.timeline;
        (timeline.zoom, timeline.shift_days)
    };
    use pactboard::app::screens::timeline::{Grouping, Zoom};
    key(&mut app, KeyCode::Char('z'));
    assert_eq!(screen(&app), (Zoom::Quarter, 0));
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(screen(&app), (Zoom::Quarter, 60));
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('z'));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(screen(&app), (Zoom::Week, 23));
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(screen(&app), (Zoom::Week, 0));
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.view.tabs.timeline.grouping, Grouping::Phase);
    key(&mut app, KeyCode::Char('o'));
    assert!(app.view.tabs.timeline.attention_only);
    key(&mut app, KeyCode::Esc);
    assert!(!app.view.tabs.timeline.attention_only, "Esc leaves it");
    key(&mut app, KeyCode::Char('A'));
    let rows = app.view.tabs.timeline.rows(&app.data);
    assert_eq!(
        rows.milestone_rows().len(),
        10,
        "with the paused and the old"
    );
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "blocked");
    key(&mut app, KeyCode::Enter);
    let rows = app.view.tabs.timeline.rows(&app.data);
    assert_eq!(rows.milestone_rows().len(), 1);
    assert_eq!(
        app.view.tabs.timeline.selected(),
        Some(&find(&app, "School data agreement"))
    );
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(
        app.view.tabs.timeline.selected(),
        Some(&find(&app, "School data agreement"))
    );
}
