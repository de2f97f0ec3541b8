//! Editing through `update`, on temporary copies of the demo: stage moves with
//! history, forms for every kind of item, deletes, undo and redo, and writes that
//! fail — checked in memory and in the files on disk.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::DetailAction;
use pactboard::app::effect::Effect;
use pactboard::app::overlays::Overlay;
use pactboard::app::records::{Item, Rec};
use pactboard::app::screens::detail::Section;
use pactboard::app::{Action, App, Doc, Tab, dispatch, handle_key};
use pactboard::domain::Partner;
use pactboard::domain::partner::ClauseStatus;
use pactboard::store::Store;

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
    dispatch(app, Action::GoTo(Tab::Pipeline));
    let App { data, view, .. } = app;
    view.tabs.pipeline.selected = Some(id.to_string());
    view.tabs.pipeline.settle(data, 0);
    assert_eq!(app.view.tabs.pipeline.selected.as_deref(), Some(id));
}

fn open_detail(app: &mut App, id: &str, section: Section) {
    select_card(app, id);
    dispatch(app, Action::Open);
    while app.view.detail().unwrap().section != section {
        dispatch(app, Action::Detail(DetailAction::NextSection));
    }
}

/// Selects the detail item `wanted` in the current section.
fn select_item(app: &mut App, wanted: Item) {
    let App { data, view, .. } = app;
    let detail = view.detail_mut().unwrap();
    assert!(
        detail.select(data, &wanted),
        "{wanted:?} not in {:?}",
        detail.items(data)
    );
}

fn has_form(app: &App) -> bool {
    matches!(app.view.overlays.last(), Some(Overlay::Form(_)))
}

/// The open form's field `name`.
fn form_field(app: &App, name: &str) -> pactboard::app::form::Field {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open")
    };
    form.form.field_named(name).unwrap().clone()
}

/// The name of the open form's focused field.
fn form_focus(app: &App) -> &'static str {
    let Some(Overlay::Form(form)) = app.view.overlays.last() else {
        panic!("no form is open")
    };
    form.form.focused_field().unwrap().name
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
    assert!(status(app).contains("undid"), "{}", status(app));
    dispatch(app, Action::Redo);
    assert_eq!(&in_memory(app, id), after, "redo in memory");
    assert_eq!(&on_disk(app, id), after, "redo on disk");
}

#[test]
fn l_moves_to_the_next_stage_with_a_history_entry_and_u_undoes_it() {
    let (_dir, mut app) = demo_app();
    let before = in_memory(&app, "lumen-payroll");
    select_card(&mut app, "lumen-payroll");
    key(&mut app, KeyCode::Char('L'));
    let after = on_disk(&app, "lumen-payroll");
    assert_eq!(after.stage, "formalizing");
    let entry = after.history.last().unwrap();
    assert_eq!(
        (
            entry.from.as_str(),
            entry.to.as_str(),
            entry.author.as_str()
        ),
        ("assessing", "formalizing", "tester")
    );
    assert_eq!(entry.date.to_string(), DEMO_DATE);
    assert_eq!(after.stage_since.to_string(), DEMO_DATE);
    let board = &app.view.tabs.pipeline;
    assert_eq!(
        board.selected.as_deref(),
        Some("lumen-payroll"),
        "stays selected"
    );
    let columns = board.columns(&app.data);
    assert_eq!(
        columns[board.column].stage, "formalizing",
        "the selection followed the card"
    );
    check_undo_redo(&mut app, "lumen-payroll", &before, &after);

    key(&mut app, KeyCode::Char('H'));
    // Back from agreeing the terms to a candidate: it asks first.
    confirm_naming(
        &app,
        &["Back from Formalizing (agreeing the terms) to Assessing"],
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "assessing");
    handle_key(&mut app, KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "prospect");
    key(&mut app, KeyCode::Char('H'));
    assert!(status(&app).contains("already in the first stage"));
}

#[test]
fn moving_into_a_closed_stage_requires_a_reason() {
    let (_dir, mut app) = demo_app();
    select_card(&mut app, "fernhill-creative");
    key(&mut app, KeyCode::Char('L'));
    assert!(has_form(&app), "asks for a reason");
    assert_eq!(
        form_field(&app, "stage").display_value(),
        "Paused",
        "offered the stage L moves to"
    );
    assert_eq!(
        on_disk(&app, "fernhill-creative").stage,
        "expanding",
        "nothing written yet"
    );
    ctrl_s(&mut app);
    assert!(has_form(&app), "an empty reason is refused");
    assert_eq!(
        form_field(&app, "reason").error.as_deref(),
        Some("say why: Paused is a closed stage")
    );
    assert_eq!(form_focus(&app), "reason");
    type_text(&mut app, "Budget frozen until April");
    key(&mut app, KeyCode::Enter);
    // Fernhill still owes an action: the move names it and asks first.
    confirm_naming(
        &app,
        &[
            "Move Fernhill Creative to Paused?",
            "“Send renewal terms to Lottie”",
        ],
    );
    assert_eq!(on_disk(&app, "fernhill-creative").stage, "expanding");
    key(&mut app, KeyCode::Char('y'));
    assert!(app.view.overlays.is_empty());
    let after = on_disk(&app, "fernhill-creative");
    assert_eq!(after.stage, "paused");
    assert_eq!(
        after.history.last().unwrap().reason,
        "Budget frozen until April"
    );
}

/// The open question names every one of `parts`.
fn confirm_naming(app: &App, parts: &[&str]) {
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!(
            "no question is open: {:?}",
            app.view.overlays.last().map(|_| ())
        )
    };
    for part in parts {
        assert!(
            confirm.question.contains(part),
            "{part} in {}",
            confirm.question
        );
    }
}

/// Picks `stage` in the open move form by its first letters.
fn pick(app: &mut App, stage: &str) {
    for _ in 0..10 {
        if form_field(app, "stage").display_value().starts_with(stage) {
            return;
        }
        key(app, KeyCode::Right);
    }
    panic!("no stage {stage} in the picker");
}

#[test]
fn m_moves_two_stages_on_with_one_history_entry_and_names_what_is_missing() {
    let (_dir, mut app) = demo_app();
    let id = "copperleaf-logistics";
    let before = in_memory(&app, id);
    select_card(&mut app, id);
    key(&mut app, KeyCode::Char('m'));
    assert!(has_form(&app), "the move-to picker");
    assert_eq!(
        form_field(&app, "stage").display_value(),
        "Formalizing",
        "the next stage along is offered first"
    );
    pick(&mut app, "Active");
    ctrl_s(&mut app);
    // Into joint work with nothing signed: it says what is still open, and asks.
    confirm_naming(
        &app,
        &[
            "Move Copperleaf Logistics to Active?",
            "No signed agreement (not yet agreed: Governance, Financial commitments,",
        ],
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(in_memory(&app, id), before, "no means nothing moved");

    key(&mut app, KeyCode::Char('m'));
    pick(&mut app, "Active");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Pilot route starts on a handshake");
    ctrl_s(&mut app);
    key(&mut app, KeyCode::Char('y'));
    let after = on_disk(&app, id);
    assert_eq!(after.stage, "active");
    assert_eq!(
        after.history.len(),
        before.history.len() + 1,
        "one entry, not two"
    );
    let entry = after.history.last().unwrap();
    assert_eq!(
        (
            entry.from.as_str(),
            entry.to.as_str(),
            entry.reason.as_str()
        ),
        ("assessing", "active", "Pilot route starts on a handshake")
    );
    check_undo_redo(&mut app, id, &before, &after);
}

#[test]
fn m_into_a_closed_stage_needs_a_reason_and_pausing_records_no_false_step() {
    let (_dir, mut app) = demo_app();
    let before = in_memory(&app, "kestrel-devices");
    open_detail(&mut app, "kestrel-devices", Section::Profile);
    key(&mut app, KeyCode::Char('m'));
    pick(&mut app, "Paused");
    ctrl_s(&mut app);
    assert_eq!(
        form_field(&app, "reason").error.as_deref(),
        Some("say why: Paused is a closed stage")
    );
    type_text(&mut app, "Firmware audit stalls everything");
    ctrl_s(&mut app);
    confirm_naming(
        &app,
        &["open action items", "“Plan a spring promotion with Ines”"],
    );
    key(&mut app, KeyCode::Char('y'));
    let after = on_disk(&app, "kestrel-devices");
    let added: Vec<(&str, &str)> = after.history[before.history.len()..]
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        added,
        [("active", "paused")],
        "Active → Paused, nothing between"
    );
}

#[test]
fn m_refuses_the_stage_the_partner_is_in_and_moves_without_asking_when_nothing_is_missing() {
    let (_dir, mut app) = demo_app();
    select_card(&mut app, "copperleaf-logistics");
    key(&mut app, KeyCode::Char('m'));
    pick(&mut app, "Assessing");
    ctrl_s(&mut app);
    assert_eq!(
        form_field(&app, "stage").error.as_deref(),
        Some("Copperleaf Logistics is in Assessing already")
    );
    pick(&mut app, "Prospect");
    ctrl_s(&mut app);
    assert!(
        app.view.overlays.is_empty(),
        "a candidate moves back without a question"
    );
    let after = on_disk(&app, "copperleaf-logistics");
    assert_eq!(after.stage, "prospect");
    assert_eq!(
        after.history.last().unwrap().reason,
        "",
        "the reason is optional"
    );
}

/// The reviewer's slip: in `m`, `p` picks Paused, a second `p` Prospect — an
/// operating partner dropped back to a candidate. Going back to an earlier role
/// asks first and says what it means; no means nothing moved.
#[test]
fn m_back_to_an_earlier_role_asks_first_and_names_what_it_means() {
    let (_dir, mut app) = demo_app();
    let id = "harbourline-mutual";
    let before = in_memory(&app, id);
    open_detail(&mut app, id, Section::Profile);
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(form_field(&app, "stage").display_value(), "Expanding");
    type_text(&mut app, "p");
    assert_eq!(form_field(&app, "stage").display_value(), "Paused");
    type_text(&mut app, "p");
    assert_eq!(form_field(&app, "stage").display_value(), "Prospect");
    ctrl_s(&mut app);
    confirm_naming(
        &app,
        &[
            "Move Harbourline Mutual to Prospect?",
            "Back from Active (joint work under way) to Prospect, a candidate again",
            "no health score",
            "Move anyway?",
        ],
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(in_memory(&app, id), before, "no means nothing moved");

    // Operating back to formalizing (H from Active) asks too.
    key(&mut app, KeyCode::Char('H'));
    confirm_naming(
        &app,
        &[
            "Move Harbourline Mutual to Formalizing?",
            "Back from Active (joint work under way) to Formalizing, agreeing the terms again",
        ],
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(on_disk(&app, id).stage, "formalizing");

    // Formalizing back to a candidate asks; on to an operating stage does not.
    key(&mut app, KeyCode::Char('H'));
    confirm_naming(
        &app,
        &["Back from Formalizing (agreeing the terms) to Assessing"],
    );
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('L'));
    assert!(
        app.view.overlays.is_empty(),
        "forward, and signed: no question"
    );
    assert_eq!(on_disk(&app, id).stage, "active");
}

/// A first-time user moved an Ended partner back to Prospect with `m`, `P`,
/// Ctrl-s: no question, no reason. Reopening a closed partnership asks first.
#[test]
fn m_out_of_a_closed_stage_asks_first() {
    let (_dir, mut app) = demo_app();
    let id = "eastfield-community-kitchen";
    let before = in_memory(&app, id);
    assert_eq!(before.stage, "ended");
    open_detail(&mut app, id, Section::Profile);
    key(&mut app, KeyCode::Char('m'));
    type_text(&mut app, "p");
    assert_eq!(form_field(&app, "stage").display_value(), "Prospect");
    ctrl_s(&mut app);
    confirm_naming(
        &app,
        &[
            "Move Eastfield Community Kitchen to Prospect?",
            "Reopened from Ended (closed) to Prospect",
            "Move anyway?",
        ],
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(in_memory(&app, id), before, "no means nothing moved");
}

#[test]
fn l_into_joint_work_without_a_signed_agreement_asks_first() {
    let (_dir, mut app) = demo_app();
    select_card(&mut app, "copperleaf-logistics");
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(on_disk(&app, "copperleaf-logistics").stage, "formalizing");
    key(&mut app, KeyCode::Char('L'));
    confirm_naming(
        &app,
        &[
            "Move Copperleaf Logistics to Active?",
            "No signed agreement",
        ],
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(on_disk(&app, "copperleaf-logistics").stage, "active");
}

#[test]
fn a_new_partner_gets_a_unique_slug_file_and_can_be_edited_and_deleted() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
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
    assert_eq!(created.stage, "prospect");
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
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
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!("no confirmation")
    };
    assert!(
        confirm.question.contains("Kestrel Devices"),
        "{}",
        confirm.question
    );
    assert!(
        matches!(confirm.yes.as_slice(), [Effect::Commit(change)]
            if change.doc == Doc::partner(id) && change.after.is_none()),
        "yes deletes the partner: {:?}",
        confirm.yes
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(path.exists(), "n keeps it");
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('y'));
    assert!(!path.exists());
    assert!(app.partner_data(id).is_none());
    let trash: Vec<_> = fs::read_dir(app.store.root().join(".trash"))
        .unwrap()
        .collect();
    assert_eq!(trash.len(), 1);

    // Undo brings it back, on disk too; redo deletes it again.
    dispatch(&mut app, Action::Undo);
    assert_eq!(on_disk(&app, id), edited);
    dispatch(&mut app, Action::Redo);
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
    select_first: Option<fn(&Partner) -> Item>,
    count: fn(&Partner) -> usize,
    last: fn(&Partner) -> Item,
    fields_before_text: usize,
}

fn last_action(p: &Partner) -> Item {
    Item::Action(Rec::of(p.actions.last().unwrap()))
}

#[test]
fn every_kind_of_item_is_added_edited_deleted_and_each_step_undone() {
    let (_dir, mut app) = demo_app();
    let id = "kestrel-devices";
    let kinds = [
        Kind {
            section: Section::Profile,
            select_first: Some(|p| Item::Contact(Rec::of(&p.contacts[0]))),
            count: |p| p.contacts.len(),
            last: |p| Item::Contact(Rec::of(p.contacts.last().unwrap())),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Profile,
            select_first: Some(|p| Item::Goal(Rec::of(&p.goals[0]))),
            count: |p| p.goals.len(),
            last: |p| Item::Goal(Rec::of(p.goals.last().unwrap())),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Roles,
            select_first: None,
            count: |p| p.roles.len(),
            last: |p| Item::Role(Rec::of(p.roles.last().unwrap())),
            fields_before_text: 1,
        },
        Kind {
            section: Section::Agreement,
            select_first: None,
            count: |p| p.agreement.deliverables.len(),
            last: |p| Item::Deliverable(Rec::of(p.agreement.deliverables.last().unwrap())),
            fields_before_text: 0,
        },
        Kind {
            section: Section::Charter,
            select_first: None,
            count: |p| p.charter.meetings.len(),
            last: |p| Item::Meeting(Rec::of(p.charter.meetings.last().unwrap())),
            fields_before_text: 2,
        },
        Kind {
            section: Section::Activity,
            select_first: None,
            count: |p| p.actions.len(),
            last: last_action,
            fields_before_text: 0,
        },
    ];
    for kind in kinds {
        let first = kind.select_first.map(|first| first(&in_memory(&app, id)));
        let label = format!("{:?} {first:?}", kind.section);
        open_detail(&mut app, id, kind.section);
        if let Some(item) = first {
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
        assert!(app.view.overlays.is_empty(), "{label}: {}", status(&app));
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
        let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
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
    let (_dir, mut app) = demo_app();
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
    assert!(has_form(&app), "the form stays open");
    assert!(
        form_field(&app, "due")
            .error
            .unwrap()
            .contains("not a date")
    );
    assert_eq!(form_focus(&app), "due");
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
    assert_eq!(
        app.view.detail().unwrap().selected(),
        Some(&Item::Goal(Rec::of(after.goals.last().unwrap()))),
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
    let (_dir, mut app) = demo_app();
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

    while app.view.detail().unwrap().section != Section::Activity {
        dispatch(&mut app, Action::Detail(DetailAction::NextSection));
    }
    let open_before = in_memory(&app, id).open_actions().count();
    key(&mut app, KeyCode::Char(' '));
    let closed = on_disk(&app, id);
    assert_eq!(closed.open_actions().count(), open_before - 1);
    assert!(
        closed
            .actions
            .iter()
            .any(|a| a.done.map(|d| d.to_string()) == Some(DEMO_DATE.into()))
    );

    // The closed action is still listed, done, and Space reopens it.
    let done = closed
        .actions
        .iter()
        .find(|a| a.done.map(|d| d.to_string()) == Some(DEMO_DATE.into()))
        .map(|a| Item::Action(Rec::of(a)))
        .unwrap();
    select_item(&mut app, done);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(on_disk(&app, id).open_actions().count(), open_before);
    dispatch(&mut app, Action::Undo);

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
    let (_dir, mut app) = demo_app();
    open_detail(&mut app, "harbourline-mutual", Section::Agreement);
    select_item(
        &mut app,
        Item::Component(pactboard::domain::partner::Component::Governance),
    );
    key(&mut app, KeyCode::Char('d'));
    assert!(app.view.overlays.is_empty());
    assert!(status(&app).contains("edit it with e"));
}

#[test]
fn cancelling_a_form_asks_only_when_something_was_typed() {
    let (_dir, mut app) = demo_app();
    open_detail(&mut app, "harbourline-mutual", Section::Roles);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Esc);
    assert!(
        app.view.overlays.is_empty(),
        "nothing typed: closes at once"
    );
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.view.overlays.last(), Some(Overlay::Confirm(_))),
        "asks"
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(has_form(&app), "n goes back to the form, text kept");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    assert!(app.view.overlays.is_empty());
    assert_eq!(app.history.undo.len(), 0, "nothing was saved");
}

#[test]
fn a_failed_write_keeps_the_edit_reports_it_and_can_be_retried() {
    let (_dir, mut app) = demo_app();
    let id = "lumen-payroll";
    let path = app.store.root().join(Store::partner_file(id));
    // Someone else moves the partner elsewhere after we loaded it: the same field
    // changed both ways, which no merge can settle.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("fintech startup", "fintech")
        .replace("stage: \"assessing\"", "stage: \"active\"");
    fs::write(&path, &theirs).unwrap();
    select_card(&mut app, id);
    key(&mut app, KeyCode::Char('L'));
    assert!(
        matches!(app.view.overlays.last(), Some(Overlay::Clash(clash)) if clash.fields[0].path == "stage"),
        "the clash is shown with both values"
    );
    assert_eq!(
        in_memory(&app, id).stage,
        "formalizing",
        "the edit is kept in memory"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is not clobbered"
    );
    assert!(status(&app).contains("NOT SAVED"), "{}", status(&app));
    assert!(status(&app).contains("changed on disk"), "{}", status(&app));
    assert!(app.history.unsaved.contains_key(&Doc::partner(id)));
    let rescue = rescue_copies(&app, id);
    let [rescue] = rescue.as_slice() else {
        panic!("one copy of the kept edit: {rescue:?}")
    };
    let kept = fs::read_to_string(rescue).expect("a copy of the kept edit is on disk");
    assert!(kept.contains("stage: \"formalizing\""), "{kept}");
    let shown = rescue.strip_prefix(app.store.root()).unwrap();
    assert!(
        status(&app).contains(&format!("(a copy is in {})", shown.display())),
        "the message names the copy on disk: {}",
        status(&app)
    );
    dispatch(&mut app, Action::WriteUnsaved);
    assert!(status(&app).contains("still NOT SAVED"));
    let again = rescue_copies(&app, id);
    assert_eq!(
        again.len(),
        1,
        "a new copy replaces this session's older one: {again:?}"
    );
    let rescue = again[0].clone();
    // The status line takes more lines rather than cut why the save failed.
    let message = status(&app);
    assert!(message.contains("still NOT SAVED"), "{message}");
    for (columns, rows) in [(80, 24), (200, 50)] {
        let text = screen(&app, columns, rows);
        let bottom: Vec<&str> = text.lines().rev().skip(1).take(5).collect();
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = words(&bottom.into_iter().rev().collect::<Vec<_>>().join(" "));
        assert!(shown.contains(&words(&message)), "{columns}: {text}");
        assert!(
            shown.contains("unsaved (W write · Ctrl-l reload)"),
            "{text}"
        );
    }
    // Decide later; quitting with unsaved changes asks first.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit);
    assert!(matches!(app.view.overlays.last(), Some(Overlay::Confirm(c)) if c.quits()));
    key(&mut app, KeyCode::Char('n'));
    // Once the file is as we loaded it again, W writes the kept edit.
    restore_from_demo(app.store.root(), id);
    dispatch(&mut app, Action::WriteUnsaved);
    assert!(app.history.unsaved.is_empty(), "{}", status(&app));
    assert_eq!(on_disk(&app, id).stage, "formalizing");
    assert!(!rescue.exists(), "the copy goes once the edit is written");
}

/// This session's rescue copies of partner `id`'s unsaved edits.
fn rescue_copies(app: &App, id: &str) -> Vec<std::path::PathBuf> {
    let prefix = format!("unsaved-partner-{id}-tester-");
    let Ok(entries) = fs::read_dir(app.store.root().join(".trash")) else {
        return Vec::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(&prefix)
        })
        .collect()
}

fn restore_from_demo(root: &Path, id: &str) {
    let file = Store::partner_file(id);
    fs::copy(repo_data().join(&file), root.join(&file)).unwrap();
}

#[test]
fn the_filter_narrows_the_board_and_esc_clears_it() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "kestrl");
    let columns = app.view.tabs.pipeline.columns(&app.data);
    let shown: Vec<_> = columns.iter().flat_map(|c| c.cards.iter()).collect();
    assert_eq!(shown.len(), 1, "fuzzy: a typo still matches");
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("kestrel-devices")
    );
    key(&mut app, KeyCode::Enter);
    assert!(!app.view.tabs.pipeline.filter.is_typing());
    assert_eq!(
        app.view.tabs.pipeline.filter.query(),
        "kestrl",
        "kept after Enter"
    );
    key(&mut app, KeyCode::Char('/'));
    for _ in 0..6 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "sponsorship");
    let columns = app.view.tabs.pipeline.columns(&app.data);
    let shown: Vec<_> = columns.iter().flat_map(|c| c.cards.iter()).collect();
    assert_eq!(shown.len(), 1, "tags match too");
    key(&mut app, KeyCode::Esc);
    assert!(!app.view.tabs.pipeline.filter.is_active());
    let columns = app.view.tabs.pipeline.columns(&app.data);
    assert_eq!(columns.iter().map(|c| c.cards.len()).sum::<usize>(), 12);
}

#[test]
fn the_board_opens_on_the_first_card_and_h_l_j_k_move() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    assert_eq!(app.view.tabs.pipeline.column, 0);
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("northwind-volunteer-network")
    );
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("quayside-foundation")
    );
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(app.view.tabs.pipeline.column, 1);
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("lumen-payroll"),
        "same row"
    );
    key(&mut app, KeyCode::Char('l'));
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("greenway-grocers")
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.view.detail().unwrap().partner, "greenway-grocers");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view.tab, Tab::Pipeline);
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
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
        .replacen("version: 2", "version: 9", 1);
    fs::write(&path, &text).unwrap();
    let mut app = app_on(&data);
    select_card(&mut app, "lumen-payroll");
    key(&mut app, KeyCode::Char('L'));
    assert!(status(&app).contains("newer pactboard"), "{}", status(&app));
    key(&mut app, KeyCode::Char('e'));
    assert!(app.view.overlays.is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn ctrl_l_reloads_changes_made_by_someone_else() {
    let (_dir, mut app) = demo_app();
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

    // With an edit that could not be written (their date of the stage clashes with
    // the move's), reloading asks first, then drops it.
    fs::write(
        &path,
        theirs
            .replace("payroll fintech", "payroll")
            .replace("stage_since: \"2026-11-08\"", "stage_since: \"2026-11-09\""),
    )
    .unwrap();
    select_card(&mut app, id);
    key(&mut app, KeyCode::Char('L'));
    assert!(app.history.unsaved.contains_key(&Doc::partner(id)));
    key(&mut app, KeyCode::Esc);
    let bottom = screen(&app, 100, 24);
    assert!(
        bottom.contains("1 unsaved (W write · Ctrl-l reload)"),
        "{bottom}"
    );
    handle_key(&mut app, ctrl_l);
    assert!(matches!(app.view.overlays.last(), Some(Overlay::Confirm(c))
            if c.yes.iter().any(|e| matches!(e, Effect::Reload(_)))));
    key(&mut app, KeyCode::Char('y'));
    let reloaded = in_memory(&app, id);
    assert_eq!(reloaded.kind, "payroll");
    assert_eq!(reloaded.stage, "assessing", "the unsaved move was dropped");
    assert!(app.history.unsaved.is_empty());
    assert!(
        app.history.undo.is_empty(),
        "undo cannot replay over their change"
    );
    // Now the move works.
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(on_disk(&app, id).stage, "formalizing");
    assert_eq!(on_disk(&app, id).kind, "payroll", "their change is kept");
}

#[test]
fn the_filter_matches_field_by_field() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "tomas");
    let columns = app.view.tabs.pipeline.columns(&app.data);
    let owners: Vec<&str> = columns
        .iter()
        .flat_map(|c| c.cards.iter())
        .map(|&i| app.data.partners[i].partner.owner.as_str())
        .collect();
    assert!(!owners.is_empty());
    assert!(owners.iter().all(|owner| *owner == "tomas"), "{owners:?}");
}

#[test]
fn h_and_l_move_the_stage_from_the_detail_too() {
    let (_dir, mut app) = demo_app();
    open_detail(&mut app, "lumen-payroll", Section::Roles);
    key(&mut app, KeyCode::Char('L'));
    assert_eq!(on_disk(&app, "lumen-payroll").stage, "formalizing");
    assert!(app.view.detail().is_some(), "the detail stays open");
}

#[test]
fn values_that_do_not_fit_together_are_refused_with_a_reason() {
    let (_dir, mut app) = demo_app();
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
    assert!(has_form(&app), "the form stays open");
    assert_eq!(form_focus(&app), "expires");
    let error = form_field(&app, "expires").error.unwrap();
    assert!(
        error.contains("the agreement expires (2026-01-01) before it was signed"),
        "{error}"
    );
    assert_eq!(on_disk(&app, id), before, "nothing written");
}

#[test]
fn a_second_partner_with_the_same_name_is_flagged() {
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
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
    let (_dir, mut app) = demo_app();
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
    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    handle_key(&mut app, ctrl_c);
    assert!(app.should_quit, "nothing typed: quits at once");

    let (_dir, mut app) = demo_app();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Half a name");
    handle_key(&mut app, ctrl_c);
    assert!(!app.should_quit);
    assert!(
        matches!(app.view.overlays.last(), Some(Overlay::Confirm(c)) if c.question.contains("drop what you typed"))
    );
    handle_key(&mut app, ctrl_c);
    assert!(app.should_quit, "a second Ctrl-c means it");
}

/// The workspace as its file on disk says.
fn workspace_on_disk(app: &App) -> pactboard::domain::Workspace {
    pactboard::store::Store::new(app.store.root())
        .load()
        .unwrap()
        .workspace
}

#[test]
fn a_workspace_edit_is_saved_undone_and_redone_like_a_partner_edit() {
    let (_dir, mut app) = demo_app();
    let before = workspace_on_disk(&app);
    key(&mut app, KeyCode::Char(','));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "lee");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Lee Chen");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Volunteer coordinator");
    ctrl_s(&mut app);
    assert!(
        status(&app).contains("added member Lee Chen (lee) — saved"),
        "{}",
        status(&app)
    );
    let added = workspace_on_disk(&app);
    let lee = added.members.last().unwrap();
    assert_eq!(
        (lee.handle.as_str(), lee.name.as_str(), lee.role.as_str()),
        ("lee", "Lee Chen", "Volunteer coordinator")
    );
    assert_eq!(added.members.len(), before.members.len() + 1);
    assert_eq!(
        app.view.settings().unwrap().selected(),
        Some(&pactboard::app::screens::settings::Setting::Member(
            "lee".into()
        )),
        "the new member is selected"
    );

    // The owner picker offers the new member at once.
    key(&mut app, KeyCode::Esc);
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    key(&mut app, KeyCode::Char('a'));
    let owner = form_field(&app, "owner");
    let pactboard::app::form::FieldKind::Choice { options } = &owner.kind else {
        panic!("the owner is a choice")
    };
    assert!(
        options.contains(&"Lee Chen (lee)".to_string()),
        "{options:?}"
    );
    key(&mut app, KeyCode::Esc);

    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app), before, "undo on disk");
    assert_eq!(app.data.workspace, before, "undo in memory");
    assert!(
        status(&app).contains("undid: added member Lee Chen"),
        "{}",
        status(&app)
    );
    dispatch(&mut app, Action::Redo);
    assert_eq!(workspace_on_disk(&app), added, "redo on disk");

    // Renamed, and the name back with undo; then a member removed after asking.
    key(&mut app, KeyCode::Char(','));
    key(&mut app, KeyCode::Char('e'));
    for _ in 0..11 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Brightwell Partnerships");
    key(&mut app, KeyCode::Enter);
    assert!(
        workspace_on_disk(&app)
            .name
            .ends_with("Brightwell Partnerships")
    );
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app).name, added.name);
    // The screen lists more than members now: the filter finds Lee.
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "lee");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('d'));
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!("removing asks first")
    };
    assert!(
        confirm.question.contains("Remove Lee Chen (lee)"),
        "{}",
        confirm.question
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(workspace_on_disk(&app), before);
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app), added);
}

#[test]
fn a_handle_in_use_cannot_change_and_a_taken_one_is_refused() {
    let (_dir, mut app) = demo_app();
    key(&mut app, KeyCode::Char(','));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('e'));
    type_text(&mut app, "2");
    ctrl_s(&mut app);
    let error = form_field(&app, "handle").error.unwrap();
    assert!(error.contains("a handle in use cannot change"), "{error}");
    assert!(
        error.contains(" partner files name ") && !error.contains("(s)"),
        "{error}"
    );
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, " N.");
    ctrl_s(&mut app);
    assert!(app.view.overlays.is_empty(), "{}", status(&app));
    assert!(workspace_on_disk(&app).members[0].name.ends_with(" N."));
}

#[test]
fn a_workspace_edit_that_cannot_be_written_is_kept_with_a_copy_of_its_own() {
    let (_dir, mut app) = demo_app();
    let path = app.store.root().join("workspace.ron");
    // Someone else added a member with the same handle, named otherwise.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Partnerships", "Partnerships team")
        .replacen(
            "    members: [\n",
            "    members: [\n        (handle: \"lee\", name: \"Lee Chan\", role: \"\"),\n",
            1,
        );
    fs::write(&path, &theirs).unwrap();
    key(&mut app, KeyCode::Char(','));
    key(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "lee");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Lee Chen");
    ctrl_s(&mut app);
    assert!(status(&app).contains("NOT SAVED"), "{}", status(&app));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs is not clobbered"
    );
    assert!(app.history.unsaved.contains_key(&Doc::Workspace));
    let copies: Vec<_> = fs::read_dir(app.store.root().join(".trash"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("unsaved-workspace-tester-"))
        .collect();
    let [copy] = copies.as_slice() else {
        panic!("{copies:?}")
    };
    assert!(status(&app).contains(copy.as_str()), "{}", status(&app));
    assert!(
        fs::read_to_string(app.store.root().join(".trash").join(copy))
            .unwrap()
            .contains("handle: \"lee\"")
    );
    // Quitting asks, naming the file and its copy.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('q'));
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!("quitting with an unsaved edit asks")
    };
    assert!(
        confirm.question.contains("workspace.ron"),
        "{}",
        confirm.question
    );
    key(&mut app, KeyCode::Char('n'));
    // Once the file is as it was, W writes the kept edit and the copy goes.
    fs::copy(repo_data().join("workspace.ron"), &path).unwrap();
    dispatch(&mut app, Action::WriteUnsaved);
    assert!(app.history.unsaved.is_empty(), "{}", status(&app));
    assert_eq!(
        workspace_on_disk(&app).members.last().unwrap().handle,
        "lee"
    );
    assert!(!app.store.root().join(".trash").join(copy).exists());
}

#[test]
fn d_on_the_profile_deletes_the_partner_and_closes_its_detail() {
    let (_dir, mut app) = demo_app();
    let id = "lumen-payroll";
    open_detail(&mut app, id, Section::Profile);
    select_item(&mut app, Item::Profile);
    key(&mut app, KeyCode::Char('d'));
    let Some(Overlay::Confirm(confirm)) = app.view.overlays.last() else {
        panic!("deleting asks first")
    };
    assert!(
        confirm
            .question
            .contains("Delete the partner Lumen Payroll"),
        "{}",
        confirm.question
    );
    key(&mut app, KeyCode::Char('y'));
    assert!(app.partner_data(id).is_none(), "{}", status(&app));
    assert!(!app.store.root().join(Store::partner_file(id)).exists());
    assert!(app.view.detail().is_none(), "its detail closed");
    assert_eq!(app.view.tab, Tab::Pipeline);
    assert!(status(&app).contains("deleted partner Lumen Payroll — saved"));
    dispatch(&mut app, Action::Undo);
    assert!(app.store.root().join(Store::partner_file(id)).exists());
}
