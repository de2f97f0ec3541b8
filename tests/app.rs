//! The dashboard's update, driven by actions and by key presses through the key
//! map: no terminal involved. `update` is checked for the effects it asks for,
//! without a disk; the event loop with synthetic events on a test backend.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use pactboard::app::keymap::Context;
use pactboard::app::overlays::Overlay;
use pactboard::app::{Action, Tab, dispatch, handle_key};

fn press(app: &mut pactboard::app::App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn number_keys_and_tab_switch_tabs_and_wrap_around() {
    let (_dir, mut app) = demo_app();
    assert_eq!(app.view.tab, Tab::Overview);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.view.tab, Tab::Timeline);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.view.tab, Tab::Scorecard);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.view.tab, Tab::Overview, "wraps to the first");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.view.tab, Tab::Scorecard, "and back to the last");
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(app.view.tab, Tab::Scoring);
}

#[test]
fn help_opens_over_any_screen_lists_its_keys_and_closes() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(
        app.view.overlays.as_slice(),
        [Overlay::Help(scroll)] if scroll.offset == 0
    ));
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.screen_context(), Context::Overview);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.view.tab, Tab::Overview, "help takes the keyboard");
    press(&mut app, KeyCode::Char('?'));
    assert!(app.view.overlays.is_empty());
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Esc);
    assert!(app.view.overlays.is_empty());
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.view.overlays.is_empty(), "q closes the help");
    assert!(!app.should_quit, "…without quitting");
}

#[test]
fn q_and_ctrl_c_quit() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit);
    let (_dir, mut app) = demo_app();
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.should_quit);
}

#[test]
fn key_releases_are_ignored() {
    let (_dir, mut app) = demo_app();
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    handle_key(&mut app, release);
    assert!(!app.should_quit);
}

#[test]
fn j_and_k_move_through_the_attention_list_within_its_bounds() {
    let (_dir, mut app) = demo_app();
    let len = app.data.summary.attention.len();
    assert!(len > 3);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.view.tabs.overview.selected(), 0, "stays at the top");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.view.tabs.overview.selected(), 2);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.view.tabs.overview.selected(), 1);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.view.tabs.overview.selected(), len - 1);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.view.tabs.overview.selected(),
        len - 1,
        "stays at the bottom"
    );
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.view.tabs.overview.selected(), 0);
    dispatch(&mut app, Action::PageDown);
    assert!(app.view.tabs.overview.selected() > 1);
}

#[test]
fn enter_opens_the_items_partner_and_esc_comes_back() {
    let (_dir, mut app) = demo_app();
    let action = app
        .data
        .summary
        .attention
        .iter()
        .position(|item| item.kind.as_str() == "action_overdue")
        .expect("the demo has an overdue action");
    for _ in 0..action {
        press(&mut app, KeyCode::Char('j'));
    }
    let partner = app.data.summary.attention[action].partner.clone();
    press(&mut app, KeyCode::Enter);
    let detail = app.view.detail().expect("the detail is open");
    assert_eq!(detail.partner, partner);
    assert_eq!(
        detail.section,
        pactboard::app::screens::detail::Section::Activity,
        "an overdue action opens where actions are"
    );
    assert_eq!(app.context(), Context::Detail);
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.view.tab,
        Tab::Overview,
        "Tab switches sections in the detail"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.view.detail().is_none());
    assert_eq!(app.view.tab, Tab::Overview);
    assert_eq!(
        app.view.tabs.overview.selected(),
        action,
        "the same item is still selected"
    );
}

/// Selects the first attention item of `kind` and presses Enter; returns the item.
fn open_first(
    app: &mut pactboard::app::App,
    kind: &str,
) -> pactboard::domain::attention::AttentionItem {
    let at = (app.data.summary.attention.iter())
        .position(|item| item.kind.as_str() == kind)
        .unwrap_or_else(|| panic!("the demo has a {kind} item"));
    press(app, KeyCode::Char('g'));
    for _ in 0..at {
        press(app, KeyCode::Char('j'));
    }
    let item = app.data.summary.attention[at].clone();
    press(app, KeyCode::Enter);
    item
}

#[test]
fn enter_on_a_kpi_item_opens_the_scorecard_on_that_kpi() {
    use pactboard::app::records::Rec;
    use pactboard::app::screens::scorecard::{Mode, Panel};
    for kind in ["red_kpi", "stale_kpi"] {
        let (_dir, mut app) = demo_app();
        // The Scorecard was left up close on another partner's KPI.
        press(&mut app, KeyCode::Char('5'));
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('1'));
        let item = open_first(&mut app, kind);
        assert!(app.view.detail().is_none(), "{kind}: no detail on Profile");
        assert_eq!(app.view.tab, Tab::Scorecard, "{kind}");
        let scorecard = &app.view.tabs.scorecard;
        assert_eq!(
            scorecard.mode,
            Mode::Cards,
            "{kind}: the cards, where r adds a reading"
        );
        assert_eq!(
            scorecard.partner_id(),
            Some(item.partner.as_str()),
            "{kind}"
        );
        assert_eq!(scorecard.panel, Panel::Kpis, "{kind}");
        let kpi = item.record.clone().expect("a KPI item names its KPI");
        assert_eq!(
            scorecard.selected(Panel::Kpis),
            Some(&Rec::id(kpi)),
            "{kind}"
        );
        let partner = app.data.partner_data(&item.partner).unwrap();
        let selected = scorecard
            .kpi_index(&app.data)
            .map(|i| partner.kpis[i].name.clone());
        assert_eq!(selected.as_deref(), Some(item.subject.as_str()), "{kind}");
    }
}

#[test]
fn enter_on_a_late_milestone_or_action_selects_it_in_the_detail() {
    use pactboard::app::records::{Item, Rec};
    use pactboard::app::screens::detail::Section;
    for (kind, section) in [
        ("overdue_milestone", Section::Milestones),
        ("action_overdue", Section::Activity),
    ] {
        let (_dir, mut app) = demo_app();
        let item = open_first(&mut app, kind);
        let detail = app.view.detail().expect("the detail is open");
        assert_eq!(
            (detail.partner.as_str(), detail.section),
            (item.partner.as_str(), section)
        );
        let at = Rec::id(item.record.clone().expect("names its record"));
        let expected = match section {
            Section::Milestones => Item::Milestone(at),
            _ => Item::Action(at),
        };
        assert_eq!(detail.selected(), Some(&expected), "{kind}");
    }
}

/// A first-time user: a partnership review due and a sentiment drop opened the
/// detail's Activity, where neither can be recorded; a leadership meeting due
/// opened the Charter on its check-in row, not on the meeting.
#[test]
fn enter_on_a_review_sentiment_or_meeting_item_opens_where_it_is_recorded() {
    use pactboard::app::records::{Item, Rec};
    use pactboard::app::screens::detail::Section;
    use pactboard::app::screens::scorecard::{Mode, Panel};
    for (kind, panel) in [
        ("review_due", Panel::Reviews),
        ("sentiment_drop", Panel::Feedback),
    ] {
        let (_dir, mut app) = demo_app();
        let item = open_first(&mut app, kind);
        assert!(app.view.detail().is_none(), "{kind}");
        assert_eq!(app.view.tab, Tab::Scorecard, "{kind}");
        let scorecard = &app.view.tabs.scorecard;
        assert_eq!(scorecard.mode, Mode::Cards, "{kind}");
        assert_eq!(
            scorecard.partner_id(),
            Some(item.partner.as_str()),
            "{kind}"
        );
        assert_eq!(scorecard.panel, panel, "{kind}");
    }
    let (_dir, mut app) = demo_app();
    let item = open_first(&mut app, "meeting_overdue");
    let detail = app.view.detail().expect("the detail is open");
    assert_eq!(detail.section, Section::Charter);
    let meeting = Rec::id(item.record.clone().expect("names its meeting"));
    assert_eq!(detail.selected(), Some(&Item::Meeting(meeting)));
}

#[test]
fn load_errors_list_only_opens_when_there_are_some() {
    let (_dir, mut app) = demo_app();
    press(&mut app, KeyCode::Char('!'));
    assert!(app.view.overlays.is_empty());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("every file loaded")
    );

    let (_dir, data) = demo_copy();
    truncate_partner(&data, "fernhill-creative");
    let mut app = app_on(&data);
    assert_eq!(app.data.load_errors.len(), 1);
    assert_eq!(app.data.partners.len(), 11);
    press(&mut app, KeyCode::Char('!'));
    assert_eq!(app.context(), Context::LoadErrors);
    press(&mut app, KeyCode::Esc);
    assert!(app.view.overlays.is_empty());
}

#[test]
fn a_session_on_the_clock_moves_to_the_next_day_but_a_pinned_one_does_not() {
    let (_dir, mut app) = demo_app();
    let next_day = app.data.today.succ_opt().unwrap();
    app.follow_clock(next_day);
    assert_eq!(
        app.data.today.to_string(),
        DEMO_DATE,
        "a demo date stays put"
    );
    app.data.today_source = pactboard::cli::TodaySource::Clock;
    let before = app.data.summary.attention.clone();
    app.follow_clock(next_day);
    assert_eq!(app.data.today, next_day);
    assert_ne!(
        app.data.summary.attention, before,
        "the figures follow the new day"
    );
}

// ---- update, without a disk: the effects it asks for ----

use pactboard::app::effect::{Effect, Reveal};
use pactboard::app::records::Item;
use pactboard::app::{Doc, apply, update};

fn effects_of(app: &mut pactboard::app::App, action: Action) -> Vec<Effect> {
    update(app, action)
}

fn type_into(app: &mut pactboard::app::App, text: &str) {
    for ch in text.chars() {
        let effects = update(
            app,
            Action::Input(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE)),
        );
        assert!(effects.is_empty(), "typing asks for nothing: {effects:?}");
    }
}

#[test]
fn a_stage_move_is_one_commit_of_the_partner_moved() {
    let (dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("acme-analytics")
    );
    let effects = effects_of(&mut app, Action::StageNext);
    let [Effect::Commit(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(change.doc, Doc::partner("acme-analytics"));
    assert_eq!(
        change.description,
        "moved Acme Analytics from Prospect to Assessing"
    );
    let after = change.partner_after().unwrap();
    assert_eq!(after.stage, "assessing");
    let entry = after.history.last().unwrap();
    assert_eq!(
        (entry.author.as_str(), entry.date),
        ("maya", fixture_today())
    );
    assert_eq!(
        app.data.partner_data("acme-analytics").unwrap().stage,
        "prospect",
        "update changes nothing but the screen: the commit is apply's"
    );
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "no file was touched"
    );
}

#[test]
fn m_opens_the_move_to_picker_and_l_into_joint_work_without_an_agreement_asks() {
    let (dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let effects = effects_of(&mut app, Action::MoveStage);
    let [Effect::OpenForm(form)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(form.target(), Some(Doc::partner("acme-analytics")));
    let built = form.build(&app.data).expect("the picker builds");
    let stage = built.field_named("stage").unwrap();
    assert_eq!(stage.display_value(), "Assessing");

    // The formalizing partner of the fixture has no signed agreement: L asks, and
    // yes is the one commit of the move.
    let formalizing = app
        .data
        .partners
        .iter()
        .find(|file| file.partner.stage == "formalizing" && file.partner.agreement.signed.is_none())
        .map(|file| file.id.clone())
        .expect("the fixture negotiates with someone");
    app.view.tabs.pipeline.selected = Some(formalizing.clone());
    app.view.tabs.pipeline.settle(&app.data, 0);
    let effects = effects_of(&mut app, Action::StageNext);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        confirm.question.contains("No signed agreement"),
        "{}",
        confirm.question
    );
    let [Effect::Commit(change)] = confirm.yes.as_slice() else {
        panic!("{:?}", confirm.yes)
    };
    assert_eq!(change.doc, Doc::partner(&formalizing));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "no file was touched"
    );
}

#[test]
fn a_delete_asks_and_yes_is_one_commit_of_nothing() {
    let (dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    let effects = effects_of(&mut app, Action::Delete);
    let [Effect::Ask(confirm)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(
        confirm.question.contains("Acme Analytics"),
        "{}",
        confirm.question
    );
    apply(&mut app, effects);
    assert_eq!(app.context(), Context::Confirm);
    let effects = effects_of(&mut app, Action::Yes);
    let [Effect::Close, Effect::Commit(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(change.doc, Doc::partner("acme-analytics"));
    assert!(change.before.is_some() && change.after.is_none());
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn a_form_submit_is_its_commit_and_selects_what_it_added() {
    let (dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::Right);
    dispatch(&mut app, Action::Right);
    assert_eq!(
        app.view.tabs.pipeline.selected.as_deref(),
        Some("birch-foundation")
    );
    dispatch(&mut app, Action::Open);
    // From the profile back round to the activity.
    dispatch(
        &mut app,
        Action::Detail(pactboard::app::action::DetailAction::PrevSection),
    );
    // On a check-in, `a` asks what to add, a check-in held first; ← picks an
    // action item.
    let effects = effects_of(&mut app, Action::Add);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenForm(_)]),
        "{effects:?}"
    );
    apply(&mut app, effects);
    assert_eq!(app.context(), Context::Form);
    let left = KeyEvent::new(KeyCode::Left, KeyModifiers::NONE);
    assert!(effects_of(&mut app, Action::Input(left)).is_empty());
    let effects = effects_of(&mut app, Action::Submit);
    let [Effect::Close, Effect::OpenForm(form)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(form.build(&app.data).unwrap().title, "New action item");
    apply(&mut app, effects);
    type_into(&mut app, "Call Ines about the letter");
    let effects = effects_of(&mut app, Action::Submit);
    let [
        Effect::Close,
        Effect::Commit(change),
        Effect::Reveal(Reveal::Item(Item::Action(_))),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    let added = change.partner_after().unwrap().actions.last().unwrap();
    assert_eq!(added.text, "Call Ines about the letter");
    assert_eq!(
        change.description,
        "added action “Call Ines about the letter” (Birch Foundation)"
    );
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

#[test]
fn a_workspace_form_commits_the_workspace() {
    let (_dir, mut app) = fixture_in_memory();
    dispatch(&mut app, Action::OpenSettings);
    assert_eq!(app.context(), Context::Settings);
    let effects = effects_of(&mut app, Action::Add);
    apply(&mut app, effects);
    type_into(&mut app, "lee");
    dispatch(
        &mut app,
        Action::Form(pactboard::app::action::FormAction::NextField),
    );
    type_into(&mut app, "Lee Chen");
    let effects = effects_of(&mut app, Action::Submit);
    let [
        Effect::Close,
        Effect::Commit(change),
        Effect::Reveal(Reveal::Member(handle)),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(change.doc, Doc::Workspace);
    assert_eq!(handle, "lee");
    let members = &change.workspace_after().unwrap().members;
    assert_eq!(members.last().unwrap().name, "Lee Chen");
    assert_eq!(members.len(), 3);
}

#[test]
fn a_form_whose_document_changed_underneath_merges_and_a_clash_goes_to_the_save() {
    let (_dir, mut app) = fixture_in_memory();
    let opened_on = app.data.workspace.clone();
    dispatch(&mut app, Action::OpenSettings);
    dispatch(&mut app, Action::Edit);
    type_into(&mut app, " Ltd");
    // Someone else's version of the workspace arrives while the form is open: a
    // member added, which the form does not show.
    let mut member = app.data.workspace.members[0].clone();
    member.handle = "lee".into();
    member.name = "Lee Chen".into();
    app.data.workspace.members.push(member);
    let effects = effects_of(&mut app, Action::Submit);
    let [Effect::Close, Effect::Commit(change), Effect::SayMore(note)] = effects.as_slice() else {
        panic!("merged, no question: {effects:?}")
    };
    let after = change.workspace_after().unwrap();
    assert_eq!(after.name, format!("{} Ltd", opened_on.name), "mine");
    assert_eq!(after.members.len(), opened_on.members.len() + 1, "theirs");
    assert_eq!(
        change.before.as_ref(),
        Some(&pactboard::app::history::Content::Workspace(Box::new(
            app.data.workspace.clone()
        ))),
        "an undo goes back to their version, not past it"
    );
    assert!(
        note.contains("merged with what changed since the form opened"),
        "{note}"
    );

    // Now they renamed it too: the same field both ways.
    app.data.workspace.name = "Fixture Cooperative".into();
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("workspace.ron changed since this form opened"),
        "{text}"
    );
    let effects = effects_of(&mut app, Action::Submit);
    let [Effect::Close, Effect::CommitOpened(change, _)] = effects.as_slice() else {
        panic!("to the save, which finds the clash: {effects:?}")
    };
    assert_eq!(
        change.workspace_after().unwrap().name,
        format!("{} Ltd", opened_on.name),
        "what was typed, on the version the form opened on"
    );
}

// ---- the event loop, with synthetic events on a test backend ----

use std::sync::mpsc;
use std::time::{Duration, Instant};

use pactboard::app::AppEvent;
use pactboard::app::event::Timer;
use pactboard::tui::{Exit, run_loop};
use pactboard::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key_event(c: char) -> AppEvent {
    AppEvent::Term(crossterm::event::Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

/// Five past midnight, the day after the fixture's today.
fn next_morning() -> chrono::NaiveDateTime {
    fixture_today()
        .succ_opt()
        .unwrap()
        .and_hms_opt(0, 0, 5)
        .unwrap()
}

fn run(app: &mut pactboard::app::App, events: &mpsc::Receiver<AppEvent>) -> (Exit, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let exit = run_loop(&mut terminal, app, Theme::MONOCHROME, events, &next_morning).unwrap();
    (exit, buffer_text(terminal.backend().buffer()))
}

#[test]
fn files_changed_on_disk_are_read_again() {
    let (_dir, mut app) = fixture_app();
    let path = app.store.root().join("partners/birch-foundation.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Birch Foundation", "Birch Trust")).unwrap();
    let (sender, events) = mpsc::channel();
    sender
        .send(AppEvent::Disk(vec![Doc::partner("birch-foundation")]))
        .unwrap();
    sender.send(key_event('q')).unwrap();
    let (exit, last_frame) = run(&mut app, &events);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(
        app.data.partner_data("birch-foundation").unwrap().name,
        "Birch Trust"
    );
    assert!(
        last_frame.contains("Birch Trust changed on disk: name changed"),
        "{last_frame}"
    );
}

#[test]
fn a_file_changed_on_disk_does_not_drop_an_unsaved_edit() {
    let (_dir, mut app) = fixture_app();
    // A teammate moved it too, to another stage: the same field both ways.
    let path = app.store.root().join("partners/acme-analytics.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("startup", "scale-up");
    std::fs::write(
        &path,
        text.replace("stage: \"prospect\"", "stage: \"formalizing\""),
    )
    .unwrap();
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::StageNext);
    assert!(
        app.history
            .unsaved
            .contains_key(&Doc::partner("acme-analytics"))
    );
    let reload = |app: &mut pactboard::app::App| {
        pactboard::app::apply(
            app,
            vec![Effect::Reload(pactboard::app::effect::Reload::Docs(vec![
                Doc::partner("acme-analytics"),
            ]))],
        )
    };
    let refused = app.status.clone().unwrap();
    // The file event of what the save found there brings nothing new: the reason
    // the save failed, and its copy, stay on the status line.
    reload(&mut app);
    assert_eq!(app.status.as_ref(), Some(&refused));
    // They change it again: said, and the edit is still kept.
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("scale-up", "corporate"),
    )
    .unwrap();
    reload(&mut app);
    let kept = app.data.partner_data("acme-analytics").unwrap();
    assert_eq!(kept.stage, "assessing", "the unsaved move is kept");
    assert_eq!(kept.kind, "startup");
    let status = app.status.as_ref().unwrap().text.clone();
    assert!(
        status.contains("your unsaved edit to it is kept"),
        "{status}"
    );
    assert!(status.contains("a copy is in .trash/unsaved-"), "{status}");
}

#[test]
fn a_signal_ends_the_loop_with_its_number() {
    let (_dir, mut app) = fixture_in_memory();
    let (sender, events) = mpsc::channel();
    sender.send(AppEvent::Signal(1)).unwrap();
    sender.send(key_event('2')).unwrap();
    let (exit, _) = run(&mut app, &events);
    assert_eq!(exit, Exit::Signal(1));
    assert_eq!(
        app.view.tab,
        Tab::Overview,
        "nothing after the signal is read"
    );
}

#[test]
fn the_loop_ends_when_the_input_does() {
    let (_dir, mut app) = fixture_in_memory();
    let (sender, events) = mpsc::channel();
    sender
        .send(AppEvent::InputClosed("end of file".into()))
        .unwrap();
    assert_eq!(
        run(&mut app, &events).0,
        Exit::InputClosed("end of file".into())
    );
    drop(sender);
    assert!(
        matches!(run(&mut app, &events).0, Exit::InputClosed(_)),
        "no more senders: the loop ends instead of waiting forever"
    );
}

#[test]
fn a_timer_event_moves_a_session_on_the_clock_to_the_new_day() {
    let (_dir, mut app) = fixture_in_memory();
    app.data.today_source = pactboard::cli::TodaySource::Clock;
    app.timers.set(Timer::NewDay, Instant::now());
    let (sender, events) = mpsc::channel();
    sender.send(AppEvent::Timer).unwrap();
    sender.send(key_event('q')).unwrap();
    let (exit, last_frame) = run(&mut app, &events);
    assert_eq!(exit, Exit::Quit);
    assert_eq!(app.data.today, next_morning().date());
    assert!(last_frame.contains("today, 2026-11-29"), "{last_frame}");
    let next = app.timers.next().expect("the next midnight is set");
    assert!(next > Instant::now() + Duration::from_secs(3600));
}

#[test]
fn a_pending_timer_wakes_the_loop_without_any_event() {
    let (_dir, mut app) = fixture_in_memory();
    app.data.today_source = pactboard::cli::TodaySource::Clock;
    app.timers
        .set(Timer::NewDay, Instant::now() + Duration::from_millis(1));
    let (sender, events) = mpsc::channel();
    // Long after the timer: the loop must have woken by itself before it.
    let quit = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(2));
        let _ = sender.send(key_event('q'));
    });
    let (exit, _) = run(&mut app, &events);
    quit.join().unwrap();
    assert_eq!(exit, Exit::Quit);
    assert_eq!(app.data.today, next_morning().date());
}

#[test]
fn a_session_on_the_clock_sets_its_new_day_timer_and_a_pinned_one_none() {
    let (_dir, mut app) = fixture_in_memory();
    app.start_timers(Instant::now(), next_morning());
    assert!(app.timers.next().is_none(), "a pinned date never moves");
    app.data.today_source = pactboard::cli::TodaySource::Clock;
    app.start_timers(Instant::now(), next_morning());
    assert!(app.timers.is_set(Timer::NewDay));
}

#[test]
fn the_filter_keeps_the_selected_attention_item_by_what_it_is() {
    let (_dir, mut app) = demo_app();
    let at = app
        .data
        .summary
        .attention
        .iter()
        .position(|item| item.subject.starts_with("Chase the council"))
        .expect("the demo chases the council");
    assert!(at > 0);
    for _ in 0..at {
        press(&mut app, KeyCode::Char('j'));
    }
    let chosen = app.data.summary.attention[at].clone();
    press(&mut app, KeyCode::Char('/'));
    for ch in "millbrook".chars() {
        press(&mut app, KeyCode::Char(ch));
    }
    let overview = &app.view.tabs.overview;
    let shown = overview.visible(&app.data);
    assert!(shown.len() < app.data.summary.attention.len());
    assert_eq!(
        shown[overview.selected()].subject,
        chosen.subject,
        "the same item, at its place in the filtered list"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.view.tabs.overview.selected(),
        at,
        "and back at its place"
    );
    press(&mut app, KeyCode::Char('/'));
    for ch in "kestrel".chars() {
        press(&mut app, KeyCode::Char(ch));
    }
    let overview = &app.view.tabs.overview;
    assert_eq!(
        overview.selected(),
        0,
        "hidden by the filter: the first match"
    );
    assert!(
        overview.visible(&app.data)[0]
            .partner_name
            .contains("Kestrel")
    );
}
