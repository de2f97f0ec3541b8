//! Nothing typed on a check-in page is lost: it is kept as a draft under
//! `.drafts/<user>/<partner>.ron` within a second of typing, survives a session
//! that dies without a word, is offered on the next start, comes back field by
//! field, and goes when saved or discarded — and drafts are never partner data.

mod common;

use std::time::{Duration, Instant};

use common::checkin::{checkin_app, checkin_app_as, session};
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::Answer;
use pactboard::app::event::Timer;
use pactboard::app::keymap::Context;
use pactboard::app::overlays::Overlay;
use pactboard::app::screens::checkin::{Page, Slot};
use pactboard::app::{Action, App, apply, handle_key, update};

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
    panic!("{slot:?} is not on the page");
}

/// Lets the draft timer come due, as the event loop would a second later.
fn a_second_later(app: &mut App) {
    let clock = chrono::Local::now().naive_local();
    app.fire_timers(Instant::now() + Duration::from_secs(2), clock);
}

fn draft_path(app: &App, partner: &str) -> std::path::PathBuf {
    app.store
        .root()
        .join(format!(".drafts/{}/{partner}.ron", app.data.author))
}

/// The walk opened on Cobalt Works, from the Timeline.
fn walk(app: &mut App) {
    key(app, KeyCode::Char('3'));
    key(app, KeyCode::Char('c'));
    assert_eq!(page(app).partner, "cobalt-works");
}

#[test]
fn typing_writes_the_draft_within_a_second_and_it_survives_a_crash() {
    let (dir, mut app) = checkin_app();
    walk(&mut app);
    assert!(
        !app.timers.is_set(Timer::Draft),
        "nothing typed, nothing to keep"
    );
    let pressed = Instant::now();
    type_text(&mut app, "2.4");
    let due = app.timers.next().expect("the draft timer is set");
    assert!(due <= pressed + Duration::from_secs(1) + Duration::from_millis(50));
    assert!(
        !draft_path(&app, "cobalt-works").exists(),
        "not on every key"
    );
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "Kits are in");
    a_second_later(&mut app);
    let text = std::fs::read_to_string(draft_path(&app, "cobalt-works")).unwrap();
    assert!(
        text.contains("Kits are in") && text.contains("\"2.4\""),
        "{text}"
    );
    assert!(!app.timers.is_set(Timer::Draft), "idle again: no timer");

    // The session dies without a word (a crash, a kill -9): nothing else is
    // written. The next start by the same user says so.
    drop(app);
    let mut next = session(&dir.path().join("data"), "maya");
    next.offer_checkin_drafts();
    assert_eq!(next.context(), Context::CheckinResume);
    let Some(Overlay::Choice(question)) = next.view.overlays.last() else {
        panic!("the draft is offered")
    };
    assert!(
        question.question.contains("Cobalt Works"),
        "{}",
        question.question
    );
    assert!(
        question.question.contains("Kits are in"),
        "{}",
        question.question
    );
}

#[test]
fn resuming_restores_every_field() {
    let (dir, mut app) = checkin_app();
    walk(&mut app);
    type_text(&mut app, "2.4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "two schools");
    // First kits shipped: done. Teacher training: moved, and blocked.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('>'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "trainer ill");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('b'));
    type_text(&mut app, "no room booked");
    go_to(&mut app, Slot::Action(1));
    key(&mut app, KeyCode::Char(' '));
    go_to(&mut app, Slot::FeedbackWho(0));
    type_text(&mut app, "Dev Patel");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "5");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Great week");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ines");
    go_to(&mut app, Slot::Tier);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, ", Dev");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Line one");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "Line two");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Book the visits");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-12-04");
    let typed = page(&app).draft();
    assert_eq!(typed.readings.len(), 1);
    assert_eq!(typed.milestones.len(), 2);
    assert_eq!(typed.closed_actions.len(), 1);
    assert_eq!(typed.feedback.len(), 2, "Dev Patel and Ines");
    assert_eq!(typed.new_actions.len(), 1);
    a_second_later(&mut app);
    drop(app);

    let mut next = session(&dir.path().join("data"), "maya");
    next.offer_checkin_drafts();
    let effects = update(&mut next, Action::Answer(Answer::Resume));
    apply(&mut next, effects);
    let back = page(&next);
    assert_eq!(back.draft(), typed, "every field, as typed");
    assert_eq!(back.readings[0].value.raw(), "2.4");
    assert_eq!(back.readings[0].note.raw(), "two schools");
    assert!(back.milestones[0].done);
    let training = &back.milestones[1];
    assert_eq!(training.block.as_ref().unwrap().raw(), "no room booked");
    let moved = training.moved.as_ref().unwrap();
    assert_eq!(
        (moved.due.raw(), moved.reason.raw()),
        ("2026-12-13".into(), "trainer ill".into())
    );
    assert!(back.actions[1].close && !back.actions[0].close);
    assert_eq!(back.feedback[0].who.raw(), "Dev Patel");
    assert_eq!(back.feedback[0].side.display_value(), "joint");
    assert_eq!(back.feedback[0].sentiment.raw(), "5");
    assert_eq!(back.feedback[0].text.raw(), "Great week");
    assert_eq!(back.tier.display_value(), "tactical");
    assert_eq!(back.attendees.raw(), "pilot leads, Dev");
    assert_eq!(back.note.raw(), "Line one\nLine two");
    let action = &back.new_actions[0];
    assert_eq!(action.text.raw(), "Book the visits");
    assert_eq!(action.owner.display_value(), "Tomás Reyes (tomas)");
    assert_eq!(action.side.display_value(), "theirs");
    assert_eq!(action.due.raw(), "2026-12-04");
    assert!(back.is_dirty(), "a page brought back is unsaved work");
}

#[test]
fn saving_or_discarding_removes_the_draft_and_a_page_emptied_again_has_none() {
    let (_dir, mut app) = checkin_app();
    walk(&mut app);
    type_text(&mut app, "2.4");
    a_second_later(&mut app);
    let path = draft_path(&app, "cobalt-works");
    assert!(path.exists());
    // Typed away again: the next write removes it.
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    a_second_later(&mut app);
    assert!(!path.exists(), "nothing typed, no draft");

    type_text(&mut app, "2.4");
    a_second_later(&mut app);
    ctrl(&mut app, 's');
    assert!(!path.exists(), "saved: the draft goes");

    // Birch: typed, then discarded on leaving.
    type_text(&mut app, "A note");
    a_second_later(&mut app);
    let birch = draft_path(&app, "birch-foundation");
    assert!(birch.exists());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    assert!(!birch.exists(), "discarded: the draft goes");
}

#[test]
fn a_user_name_with_slashes_or_dots_stays_inside_the_drafts() {
    for user in ["../../outside", "a/b", "..", "/etc/passwd"] {
        let (dir, mut app) = checkin_app_as(user);
        walk(&mut app);
        type_text(&mut app, "2.4");
        a_second_later(&mut app);
        let data = dir.path().join("data");
        let drafts = data.join(".drafts");
        let mut found = Vec::new();
        for entry in walk_dir(dir.path()) {
            let relative = entry.strip_prefix(dir.path()).unwrap().to_path_buf();
            if entry.starts_with(&drafts) || entry.starts_with(data.join("partners")) {
                found.push(relative);
                continue;
            }
            let name = relative.to_string_lossy().into_owned();
            assert!(
                name == "data/workspace.ron" || name.starts_with("data/.pactboard"),
                "{user:?} wrote {name}"
            );
        }
        let kept: Vec<_> = found
            .iter()
            .filter(|path| path.starts_with("data/.drafts"))
            .collect();
        assert_eq!(kept.len(), 1, "{user:?}: {found:?}");
        assert_eq!(kept[0].components().count(), 4, "{user:?}: {:?}", kept[0]);
        // And the next session of the same user finds it.
        drop(app);
        let mut next = session(&data, user);
        next.offer_checkin_drafts();
        assert_eq!(next.context(), Context::CheckinResume, "{user:?}");
    }
}

fn walk_dir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk_dir(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn drafts_are_never_partner_data_and_never_break_check() {
    let (dir, mut app) = checkin_app();
    walk(&mut app);
    type_text(&mut app, "2.4");
    a_second_later(&mut app);
    let data = dir.path().join("data");
    assert!(draft_path(&app, "cobalt-works").exists());
    let snapshot = pactboard::store::Store::new(&data).load().unwrap();
    assert_eq!(snapshot.partners.len(), 4);
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    let check = pactboard(&["check"], &data);
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
    assert!(!stdout(&check).contains(".drafts"), "{}", stdout(&check));
}

#[test]
fn a_hang_up_keeps_the_page_at_once() {
    let (_dir, mut app) = checkin_app();
    walk(&mut app);
    go_to(&mut app, Slot::Note);
    type_text(&mut app, "cut off mid-");
    // No timer has come due: the hang-up itself writes it.
    assert!(!draft_path(&app, "cobalt-works").exists());
    assert_eq!(app.save_drafts(), 1);
    let text = std::fs::read_to_string(draft_path(&app, "cobalt-works")).unwrap();
    assert!(text.contains("cut off mid-"), "{text}");
    // A session that only looks writes nothing, not even drafts.
    let (_dir, mut looking) = checkin_app();
    walk(&mut looking);
    type_text(&mut looking, "2");
    looking.set_read_only("opened with --read-only");
    assert_eq!(looking.save_drafts(), 0);
    assert!(!draft_path(&looking, "cobalt-works").exists());
}

#[test]
fn drafts_take_the_data_directorys_group_permissions() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, mut app) = checkin_app();
    let data = dir.path().join("data");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o2770)).unwrap();
    walk(&mut app);
    type_text(&mut app, "2.4");
    a_second_later(&mut app);
    let mode = std::fs::metadata(draft_path(&app, "cobalt-works"))
        .unwrap()
        .mode();
    assert_eq!(mode & 0o060, 0o060, "{mode:o}");
    let folder = std::fs::metadata(data.join(".drafts/maya")).unwrap().mode();
    assert_eq!(folder & 0o2070, 0o2070, "{folder:o}");
}

#[test]
fn a_draft_about_a_milestone_removed_meanwhile_says_so_and_can_be_taken_back() {
    let (dir, mut app) = checkin_app();
    walk(&mut app);
    let training = page(&app)
        .milestones
        .iter()
        .position(|row| row.id == "ms-training")
        .unwrap();
    go_to(&mut app, Slot::Milestone(training));
    key(&mut app, KeyCode::Char(' '));
    a_second_later(&mut app);
    drop(app);

    // A teammate deletes the milestone before the next start.
    let data = dir.path().join("data");
    let store = pactboard::store::Store::new(&data);
    let (file, _) = store.load_partner("cobalt-works").unwrap();
    let file = file.unwrap();
    let mut partner = file.partner.clone();
    partner.milestones.retain(|m| m.id != "ms-training");
    store
        .save_partner("cobalt-works", &partner, file.fingerprint.as_ref())
        .unwrap();

    let mut next = session(&data, "maya");
    next.offer_checkin_drafts();
    let effects = update(&mut next, Action::Answer(Answer::Resume));
    apply(&mut next, effects);
    let row = page(&next)
        .milestones
        .iter()
        .position(|row| row.id == "ms-training")
        .expect("the decision is still on the page");
    assert!(page(&next).milestones[row].done);
    let text = screen(&next, 80, 24);
    assert!(
        text.contains("ms-training — this milestone is no longer there"),
        "{text}"
    );
    ctrl(&mut next, 's');
    let said = next.status.as_ref().unwrap().text.clone();
    assert!(
        said.contains("the milestone ms-training is no longer there"),
        "{said}"
    );
    assert_eq!(
        page(&next).partner,
        "cobalt-works",
        "nothing saved, still here"
    );
    go_to(&mut next, Slot::Milestone(row));
    key(&mut next, KeyCode::Char(' '));
    ctrl(&mut next, 's');
    assert_eq!(
        page(&next).partner,
        "birch-foundation",
        "saved, on to the next"
    );
}
