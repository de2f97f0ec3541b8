//! Editing through `update`, on temporary copies of the demo: stage moves with
//! history, forms for every kind of item, deletes, undo and redo, and writes that
//! fail — checked in memory and in the files on disk.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::detail::{ActionSource, Item, Section, items};
use pactboard::app::state::{App, ConfirmPurpose, Overlay, Tab};
use pactboard::app::update::handle_key;
use pactboard::app::{Action, update};
use pactboard::domain::Partner;
use pactboard::domain::partner::ClauseStatus;
use pactboard::store::Store;
use pactboard::ui::theme::Theme;

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

fn ctrl_s(app: &mut App) {
    handle_key(
        app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
}

/// The partner as its file on disk says.
fn on_disk(app: &App, id: &str) -> Partner {
    let (file, errors) = app.store.load_partner(id).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    file.unwrap().partner
}

fn in_memory(app: &App, id: &str) -> Partner {
    app.partner_data(id).unwrap().clone()
}

fn select_card(app: &mut App, id: &str) {
    update(app, Action::GoTo(Tab::Pipeline));
    app.pipeline.selected = Some(id.to_string());
    pactboard::app::pipeline::settle_selection(app, 0);
    assert_eq!(app.pipeline.selected.as_deref(), Some(id));
}

fn open_detail(app: &mut App, id: &str, section: Section) {
    select_card(app, id);
    update(app, Action::Open);
    while app.detail.as_ref().unwrap().section != section {
        update(app, Action::NextSection);
    }
}

/// Selects the detail item `wanted` in the current section.
fn select_item(app: &mut App, wanted: Item) {
    let detail = app.detail.as_ref().unwrap();
    let list = items(
        app.partner_data(&detail.partner).unwrap(),
        detail.section,
        app.today,
    );
    let position = list
        .iter()
        .position(|item| *item == wanted)
        .unwrap_or_else(|| panic!("{wanted:?} not in {list:?}"));
    app.detail.as_mut().unwrap().selected = position;
}

fn has_form(app: &App) -> bool {
    matches!(app.overlays.last(), Some(Overlay::Form(_)))
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Undo puts memory and disk back to `before`; redo to `after`.
fn check_undo_redo(app: &mut App, id: &str, before: &Partner, after: &Partner) {
    update(app, Action::Undo);
    assert_eq!(&in_memory(app, id), before, "undo in memory");
    assert_eq!(&on_disk(app, id), before, "undo on disk");
    assert!(status(app).contains("undid"), "{}", status(app));
    update(app, Action::Redo);
    assert_eq!(&in_memory(app, id), after, "redo in memory");
    assert_eq!(&on_disk(app, id), after, "redo on disk");
}

#[test]
fn l_moves_to_the_next_stage_with_a_history_entry_and_u_undoes_it() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let before = in_memory(&app, "lumen-payroll");
    select_card(&mut app, "lumen-payroll");
    key(&mut app, KeyCode::Char('L'));
    let after = on_disk(&app, "lumen-payroll");
    assert_eq!(after.stage, "Formalizing");
    let entry = after.history.last().unwrap();
    assert_eq!(
        (
            entry.from.as_str(),
            entry.to.as_str(),
            entry.author.as_str()
        ),
        ("Assessing", "Formalizing", "tester")
    );
    assert_eq!(entry.date.to_string(), DEMO_DATE);
    assert_eq!(after.stage_since.to_string(), DEMO_DATE);
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some("lumen-payroll"),
        "stays selected"
    );
    let columns = pactboard::app::pipeline::columns(&app);
    assert_eq!(
        columns[app.pipeline.column].stage, "Formalizing",
        "the selection followed the card"
    );
    check_undo_redo(&mut app, "lumen-payroll", &before, &after);

    key(&mut app, KeyCode::Char('H'));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "Assessing");
    handle_key(&mut app, KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "Prospect");
    key(&mut app, KeyCode::Char('H'));
    assert!(status(&app).contains("already in the first stage"));
}

#[test]
fn moving_into_a_closed_stage_requires_a_reason() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    select_card(&mut app, "fernhill-creative");
    key(&mut app, KeyCode::Char('L'));
    assert!(has_form(&app), "asks for a reason");
    assert_eq!(
        on_disk(&app, "fernhill-creative").stage,
        "Expanding",
        "nothing written yet"
    );
    ctrl_s(&mut app);
    assert!(has_form(&app), "an empty reason is refused");
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        unreachable!()
    };
    assert_eq!(
        form.form.fields[0].error.as_deref(),
        Some("Reason is required")
    );
    type_text(&mut app, "Budget frozen until April");
    key(&mut app, KeyCode::Enter);
    assert!(app.overlays.is_empty());
    let after = on_disk(&app, "fernhill-creative");
    assert_eq!(after.stage, "Paused");
    assert_eq!(
        after.history.last().unwrap().reason,
        "Budget frozen until April"
    );
}

#[test]
fn a_new_partner_gets_a_unique_slug_file_and_can_be_edited_and_deleted() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    assert!(has_form(&app));
    type_text(&mut app, "Kestrel Devices");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "hardware reseller");
    ctrl_s(&mut app);
    let id = "kestrel-devices-2";
    let path = app.store.root().join(Store::partner_file(id));
    assert!(path.exists(), "{}", status(&app));
    let created = on_disk(&app, id);
    assert_eq!(created.name, "Kestrel Devices");
    assert_eq!(created.kind, "hardware reseller");
    assert_eq!(created.stage, "Prospect");
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some(id),
        "the new card is selected"
    );

    // Edit its profile from the board.
    key(&mut app, KeyCode::Char('e'));
    assert!(has_form(&app));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "hardware, resale");
    ctrl_s(&mut app);
    let edited = on_disk(&app, id);
    assert_eq!(edited.tags, ["hardware", "resale"]);
    check_undo_redo(&mut app, id, &created, &edited);

    // Delete asks, names it, and moves the file to the trash.
    key(&mut app, KeyCode::Char('d'));
    let Some(Overlay::Confirm(confirm)) = app.overlays.last() else {
        panic!("no confirmation")
    };
    assert!(
        confirm.question.contains("Kestrel Devices"),
        "{}",
        confirm.question
    );
    assert_eq!(
        confirm.purpose,
        ConfirmPurpose::DeletePartner { id: id.into() }
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(path.exists(), "n keeps it");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(!path.exists());
    assert!(app.partner(id).is_none());
    let trash: Vec<_> = fs::read_dir(app.store.root().join(".trash"))
        .unwrap()
        .collect();
    assert_eq!(trash.len(), 1);

    // Undo brings it back, on disk too; redo deletes it again.
    update(&mut app, Action::Undo);
    assert_eq!(on_disk(&app, id), edited);
    update(&mut app, Action::Redo);
    assert!(!path.exists());
    assert_eq!(
        fs::read_dir(app.store.root().join(".trash"))
            .unwrap()
            .count(),
        2
    );
}

/// One kind of item for the add/edit/delete round: where it lives, how many there
/// are, which item is the last one, and how many choice fields precede its first
/// text field.
struct Kind {
    section: Section,
    select_first: Option<Item>,
    count: fn(&Partner) -> usize,
    last: fn(&Partner) -> Item,
    fields_before_text: usize,
}

fn last_action(p: &Partner) -> Item {
    Item::Action(ActionSource::Partner, p.actions.len() - 1)
}

#[test]
fn every_kind_of_item_is_added_edited_deleted_and_each_step_undone() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "kestrel-devices";
    let kinds = [
        Kind {
            section: Section::Profile,
            select_first: Some(Item::Contact(0)),
            count: |p| p.contacts.len(),
            last: |p| Item::Contact(p.contacts.len() - 1),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Profile,
            select_first: Some(Item::Goal(0)),
            count: |p| p.goals.len(),
            last: |p| Item::Goal(p.goals.len() - 1),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Roles,
            select_first: None,
            count: |p| p.roles.len(),
            last: |p| Item::Role(p.roles.len() - 1),
            fields_before_text: 1,
        },
        Kind {
            section: Section::Agreement,
            select_first: None,
            count: |p| p.agreement.deliverables.len(),
            last: |p| Item::Deliverable(p.agreement.deliverables.len() - 1),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Charter,
            select_first: None,
            count: |p| p.charter.meetings.len(),
            last: |p| Item::Tier(p.charter.meetings.len() - 1),
            fields_before_text: 2,
        },
        Kind {
            section: Section::Activity,
            select_first: None,
            count: |p| p.action_items().count(),
            last: last_action,
            fields_before_text: 0,
        },
    ];
    for kind in kinds {
        let label = format!("{:?} {:?}", kind.section, kind.select_first);
        open_detail(&mut app, id, kind.section);
        if let Some(item) = kind.select_first {
            select_item(&mut app, item);
        }
        let before = in_memory(&app, id);
        key(&mut app, KeyCode::Char('a'));
        assert!(has_form(&app), "{label}");
        for _ in 0..kind.fields_before_text {
            key(&mut app, KeyCode::Tab);
        }
        type_text(&mut app, "Added by test");
        if kind.section == Section::Roles {
            key(&mut app, KeyCode::Tab);
            type_text(&mut app, "Checks things");
        }
        ctrl_s(&mut app);
        assert!(app.overlays.is_empty(), "{label}: {}", status(&app));
        let added = on_disk(&app, id);
        assert_eq!((kind.count)(&added), (kind.count)(&before) + 1, "{label}");
        check_undo_redo(&mut app, id, &before, &added);

        // Edit it: add to its first text.
        select_item(&mut app, (kind.last)(&added));
        key(&mut app, KeyCode::Char('e'));
        assert!(has_form(&app), "{label}");
        for _ in 0..kind.fields_before_text {
            key(&mut app, KeyCode::Tab);
        }
        type_text(&mut app, " again");
        key(&mut app, KeyCode::Enter);
        let edited = on_disk(&app, id);
        assert!(
            format!("{edited:?}").contains("Added by test again"),
            "{label}"
        );
        check_undo_redo(&mut app, id, &added, &edited);

        // Delete it, after a confirmation that names it.
        select_item(&mut app, (kind.last)(&edited));
        key(&mut app, KeyCode::Char('d'));
        let Some(Overlay::Confirm(confirm)) = app.overlays.last() else {
            panic!("{label}: no confirmation")
        };
        assert!(
            confirm.question.contains("Added by test again") || kind.section == Section::Charter,
            "{label}: {}",
            confirm.question
        );
        key(&mut app, KeyCode::Enter);
        let deleted = on_disk(&app, id);
        assert_eq!(deleted, before, "{label}");
        check_undo_redo(&mut app, id, &edited, &deleted);
        key(&mut app, KeyCode::Esc);
    }
}

#[test]
fn contacts_and_goals_are_added_from_the_profile() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "quayside-foundation";
    open_detail(&mut app, id, Section::Profile);
    let before = in_memory(&app, id);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Right); // "goal"
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "Fund 20 licences");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "licences funded");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "20");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "not a date");
    ctrl_s(&mut app);
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the form stays open")
    };
    assert!(
        form.form.fields[3]
            .error
            .as_ref()
            .unwrap()
            .contains("not a date")
    );
    assert_eq!(form.form.focus, 3);
    for _ in 0.."not a date".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+12w");
    ctrl_s(&mut app);
    let after = on_disk(&app, id);
    let goal = after.goals.last().unwrap();
    assert_eq!(goal.statement, "Fund 20 licences");
    assert_eq!(goal.due.unwrap().to_string(), "2027-02-20");
    assert_eq!(after.goals.len(), before.goals.len() + 1);
    let selected = app.detail.as_ref().unwrap().selected;
    assert_eq!(
        items(&after, Section::Profile, app.today)[selected],
        Item::Goal(after.goals.len() - 1),
        "the new goal is selected"
    );

    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter); // "contact"
    type_text(&mut app, "Mira Osei");
    ctrl_s(&mut app);
    assert_eq!(on_disk(&app, id).contacts.last().unwrap().name, "Mira Osei");
}

#[test]
fn space_cycles_components_and_closes_actions_and_dates_are_edited() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "harbourline-mutual";
    open_detail(&mut app, id, Section::Agreement);
    select_item(
        &mut app,
        Item::Component(pactboard::domain::partner::Component::FlexibilityClauses),
    );
    let before = in_memory(&app, id);
    key(&mut app, KeyCode::Char(' '));
    let after = on_disk(&app, id);
    assert_eq!(
        after.agreement.flexibility_clauses.status,
        ClauseStatus::Drafting
    );
    check_undo_redo(&mut app, id, &before, &after);

    select_item(&mut app, Item::AgreementDates);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+1w");
    ctrl_s(&mut app);
    assert_eq!(
        on_disk(&app, id).agreement.next_review.unwrap().to_string(),
        "2026-12-05"
    );

    update(&mut app, Action::NextSection);
    update(&mut app, Action::NextSection);
    assert_eq!(app.detail.as_ref().unwrap().section, Section::Activity);
    let open_before = in_memory(&app, id).open_actions().count();
    key(&mut app, KeyCode::Char(' '));
    let closed = on_disk(&app, id);
    assert_eq!(closed.open_actions().count(), open_before - 1);
    assert!(
        closed
            .action_items()
            .any(|a| a.done.map(|d| d.to_string()) == Some(DEMO_DATE.into()))
    );

    // The closed action is still listed, done, and Space reopens it.
    let done = closed
        .sourced_actions()
        .find(|(_, _, a)| a.done.map(|d| d.to_string()) == Some(DEMO_DATE.into()))
        .map(|(source, index, _)| Item::Action(source, index))
        .unwrap();
    select_item(&mut app, done);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(on_disk(&app, id).open_actions().count(), open_before);
    update(&mut app, Action::Undo);

    // A new action item is the partner's own: no check-in is invented for it.
    let checkins = closed.checkins.clone();
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Book the review room");
    ctrl_s(&mut app);
    let added = on_disk(&app, id);
    assert_eq!(added.actions.last().unwrap().text, "Book the review room");
    assert_eq!(added.checkins, checkins);
}

#[test]
fn components_and_history_cannot_be_deleted() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    open_detail(&mut app, "harbourline-mutual", Section::Agreement);
    select_item(
        &mut app,
        Item::Component(pactboard::domain::partner::Component::Governance),
    );
    key(&mut app, KeyCode::Char('d'));
    assert!(app.overlays.is_empty());
    assert!(status(&app).contains("edit it with e"));
}

#[test]
fn cancelling_a_form_asks_only_when_something_was_typed() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    open_detail(&mut app, "harbourline-mutual", Section::Roles);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlays.is_empty(), "nothing typed: closes at once");
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm(_))),
        "asks"
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(has_form(&app), "n goes back to the form, text kept");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert!(app.overlays.is_empty());
    assert_eq!(app.history.undo.len(), 0, "nothing was saved");
}

#[test]
fn a_failed_write_keeps_the_edit_reports_it_and_can_be_retried() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "lumen-payroll";
    let path = app.store.root().join(Store::partner_file(id));
    // Someone else changes the file after we loaded it.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("fintech startup", "fintech");
    fs::write(&path, &theirs).unwrap();
    select_card(&mut app, id);
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(
        in_memory(&app, id).stage,
        "Formalizing",
        "the edit is kept in memory"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is not clobbered"
    );
    assert!(status(&app).contains("NOT SAVED"), "{}", status(&app));
    assert!(status(&app).contains("changed on disk"), "{}", status(&app));
    assert!(app.history.unsaved.contains_key(id));
    let rescue = app.store.root().join(format!(".trash/unsaved-{id}.ron"));
    let kept = fs::read_to_string(&rescue).expect("a copy of the kept edit is on disk");
    assert!(kept.contains("stage: \"Formalizing\""), "{kept}");
    assert!(
        status(&app).contains(".trash/unsaved-lumen-payroll.ron"),
        "{}",
        status(&app)
    );
    update(&mut app, Action::WriteUnsaved);
    assert!(status(&app).contains("still NOT SAVED"));
    // Quitting with unsaved changes asks first.
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm(c)) if c.purpose == ConfirmPurpose::QuitWithUnsaved)
    );
    key(&mut app, KeyCode::Char('n'));
    // Once the file is as we loaded it again, W writes the kept edit.
    restore_from_demo(app.store.root(), id);
    update(&mut app, Action::WriteUnsaved);
    assert!(app.history.unsaved.is_empty(), "{}", status(&app));
    assert_eq!(on_disk(&app, id).stage, "Formalizing");
    assert!(!rescue.exists(), "the copy goes once the edit is written");
}

fn restore_from_demo(root: &Path, id: &str) {
    let file = Store::partner_file(id);
    fs::copy(repo_data().join(&file), root.join(&file)).unwrap();
}

#[test]
fn the_filter_narrows_the_board_and_esc_clears_it() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "kestrl");
    let columns = pactboard::app::pipeline::columns(&app);
    let shown: Vec<_> = columns.iter().flat_map(|c| c.cards.iter()).collect();
    assert_eq!(shown.len(), 1, "fuzzy: a typo still matches");
    assert_eq!(app.pipeline.selected.as_deref(), Some("kestrel-devices"));
    key(&mut app, KeyCode::Enter);
    assert!(app.pipeline.filter_input.is_none());
    assert_eq!(app.pipeline.filter, "kestrl", "kept after Enter");
    key(&mut app, KeyCode::Char('/'));
    for _ in 0..6 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "sponsorship");
    let columns = pactboard::app::pipeline::columns(&app);
    let shown: Vec<_> = columns.iter().flat_map(|c| c.cards.iter()).collect();
    assert_eq!(shown.len(), 1, "tags match too");
    key(&mut app, KeyCode::Esc);
    assert!(app.pipeline.filter.is_empty());
    let columns = pactboard::app::pipeline::columns(&app);
    assert_eq!(columns.iter().map(|c| c.cards.len()).sum::<usize>(), 12);
}

#[test]
fn the_board_opens_on_the_first_card_and_h_l_j_k_move() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    assert_eq!(app.pipeline.column, 0);
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some("northwind-volunteer-network")
    );
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some("quayside-foundation")
    );
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.pipeline.column, 1);
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some("lumen-payroll"),
        "same row"
    );
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.pipeline.selected.as_deref(), Some("greenway-grocers"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.detail.as_ref().unwrap().partner, "greenway-grocers");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.tab, Tab::Pipeline);
    assert_eq!(
        app.pipeline.selected.as_deref(),
        Some("greenway-grocers"),
        "same card selected"
    );
}

#[test]
fn read_only_partners_refuse_edits() {
    let (_dir, data) = demo_copy();
    let path = data.join("partners/lumen-payroll.ron");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("version: 1", "version: 9", 1);
    fs::write(&path, &text).unwrap();
    let mut app = app_on(&data, Theme::MONOCHROME);
    select_card(&mut app, "lumen-payroll");
    key(&mut app, KeyCode::Char('L'));
    assert!(status(&app).contains("newer pactboard"), "{}", status(&app));
    key(&mut app, KeyCode::Char('e'));
    assert!(app.overlays.is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn ctrl_l_reloads_changes_made_by_someone_else() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "lumen-payroll";
    let path = app.store.root().join(Store::partner_file(id));
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("fintech startup", "payroll fintech");
    fs::write(&path, &theirs).unwrap();
    let ctrl_l = KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL);
    handle_key(&mut app, ctrl_l);
    assert_eq!(
        in_memory(&app, id).kind,
        "payroll fintech",
        "no unsaved edits: reloads at once"
    );

    // With an edit that could not be written, reloading asks first, then drops it.
    fs::write(&path, theirs.replace("payroll fintech", "payroll")).unwrap();
    select_card(&mut app, id);
    key(&mut app, KeyCode::Char('L'));
    assert!(app.history.unsaved.contains_key(id));
    let bottom = screen(&app, 100, 24);
    assert!(
        bottom.contains("1 unsaved (W write · Ctrl-l reload)"),
        "{bottom}"
    );
    handle_key(&mut app, ctrl_l);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm(c)) if c.purpose == ConfirmPurpose::ReloadDiscarding)
    );
    key(&mut app, KeyCode::Char('y'));
    let reloaded = in_memory(&app, id);
    assert_eq!(reloaded.kind, "payroll");
    assert_eq!(reloaded.stage, "Assessing", "the unsaved move was dropped");
    assert!(app.history.unsaved.is_empty());
    assert!(
        app.history.undo.is_empty(),
        "undo cannot replay over their change"
    );
    // Now the move works.
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(on_disk(&app, id).stage, "Formalizing");
    assert_eq!(on_disk(&app, id).kind, "payroll", "their change is kept");
}

#[test]
fn the_filter_matches_field_by_field() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tomas");
    let columns = pactboard::app::pipeline::columns(&app);
    let owners: Vec<&str> = columns
        .iter()
        .flat_map(|c| c.cards.iter())
        .map(|&i| app.partners[i].partner.owner.as_str())
        .collect();
    assert!(!owners.is_empty());
    assert!(owners.iter().all(|owner| *owner == "tomas"), "{owners:?}");
}

#[test]
fn h_and_l_move_the_stage_from_the_detail_too() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    open_detail(&mut app, "lumen-payroll", Section::Roles);
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "Formalizing");
    assert!(app.detail.is_some(), "the detail stays open");
}

#[test]
fn values_that_do_not_fit_together_are_refused_with_a_reason() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "harbourline-mutual";
    open_detail(&mut app, id, Section::Agreement);
    select_item(&mut app, Item::AgreementDates);
    let before = on_disk(&app, id);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-01-01");
    ctrl_s(&mut app);
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the form stays open")
    };
    assert_eq!(form.form.focus, 2);
    assert!(
        form.form.fields[2]
            .error
            .as_ref()
            .unwrap()
            .contains("expires before it was signed")
    );
    assert_eq!(on_disk(&app, id), before, "nothing written");
}

#[test]
fn a_second_partner_with_the_same_name_is_flagged() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "greenway grocers");
    ctrl_s(&mut app);
    assert!(
        status(&app).contains("another partner is also called"),
        "{}",
        status(&app)
    );
    let output = pactboard(&["check"], app.store.root());
    assert!(output.status.success(), "a warning, not an error");
    assert!(
        stdout(&output).contains("partners/greenway-grocers-2.ron:3:11: warning: partners/greenway-grocers.ron has the same name"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn space_twice_on_an_action_closes_and_reopens_the_same_one() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    let id = "harbourline-mutual";
    open_detail(&mut app, id, Section::Activity);
    let before = on_disk(&app, id);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(
        on_disk(&app, id),
        before,
        "the second Space reopened the action the first closed"
    );
}

#[test]
fn ctrl_c_in_a_form_asks_before_dropping_typed_text() {
    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    handle_key(&mut app, ctrl_c);
    assert!(app.should_quit, "nothing typed: quits at once");

    let (_dir, mut app) = demo_app(Theme::MONOCHROME);
    update(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Half a name");
    handle_key(&mut app, ctrl_c);
    assert!(!app.should_quit);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm(c)) if c.question.contains("drop what you typed"))
    );
    handle_key(&mut app, ctrl_c);
    assert!(app.should_quit, "a second Ctrl-c means it");
}
