//! The one place state changes: `update` applies an `Action`, and `handle_key` turns
//! a key press into one through the key map.

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::detail::{self, Section};
use super::edit;
use super::editing::{
    add, cycle_status, delete_selection, edit_selection, move_stage, submit, without_item,
};
use super::keymap;
use super::pipeline;
use super::state::{App, Confirm, ConfirmPurpose, DetailView, Overlay, Tab};
use crate::app::form::FormInput;

/// Maps a key press to an action in the current context and applies it. Key
/// releases are ignored (Windows and the kitty protocol send them). In a form or
/// the filter, keys the map does not name are typed text.
pub fn handle_key(app: &mut App, event: KeyEvent) {
    if event.kind == KeyEventKind::Release {
        return;
    }
    app.follow_clock(chrono::Local::now().date_naive());
    let context = app.context();
    match keymap::action_for(context, event) {
        Some(action) => update(app, action),
        None if keymap::takes_text(context) => update(app, Action::Input(event)),
        None => {}
    }
}

/// Pasted text (bracketed paste): typed into the form field or the filter being
/// edited, ignored elsewhere — a paste is never a string of commands.
pub fn handle_paste(app: &mut App, text: &str) {
    if let Some(Overlay::Form(overlay)) = app.overlays.last_mut() {
        overlay.form.paste(text);
        return;
    }
    if app.overlays.is_empty()
        && let Some(filter) = app.pipeline.filter_input.as_mut()
    {
        filter.insert_str(crate::app::form::one_line(text));
        app.pipeline.filter = filter.lines().join(" ");
        pipeline::settle_selection(app, 0);
        return;
    }
    app.info("pasted text is only taken in a form or the filter");
}

/// How far PgUp/PgDn move: about a screenful of a list at 80x24.
const PAGE: i64 = 10;

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => quit(app),
        Action::GoTo(tab) => switch_tab(app, tab),
        Action::NextTab => switch_tab(app, app.tab.next()),
        Action::PrevTab => switch_tab(app, app.tab.prev()),
        Action::ToggleHelp => toggle_overlay(app, Overlay::Help { scroll: 0 }),
        Action::ShowLoadErrors => {
            if app.load_errors.is_empty() {
                app.info("every file loaded");
            } else {
                toggle_overlay(app, Overlay::LoadErrors { scroll: 0 });
            }
        }
        Action::Back => back(app),
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -PAGE),
        Action::PageDown => move_by(app, PAGE),
        Action::Top => move_by(app, i64::MIN / 2),
        Action::Bottom => move_by(app, i64::MAX / 2),
        Action::Left => {
            if on_board(app) {
                pipeline::move_column(app, -1);
            }
        }
        Action::Right => {
            if on_board(app) {
                pipeline::move_column(app, 1);
            }
        }
        Action::Open => open(app),
        Action::NextSection => switch_section(app, Section::next),
        Action::PrevSection => switch_section(app, Section::prev),
        Action::Add => add(app),
        Action::Edit => edit_selection(app),
        Action::Delete => delete_selection(app),
        Action::CycleStatus => cycle_status(app),
        Action::Undo => edit::undo(app),
        Action::Redo => edit::redo(app),
        Action::WriteUnsaved => edit::write_unsaved(app),
        Action::Reload => {
            if app.history.unsaved.is_empty() {
                edit::reload(app);
            } else {
                let count = app.history.unsaved.len();
                app.overlays.push(Overlay::Confirm(Confirm {
                    question: format!(
                        "Reloading drops the edits to {count} partner(s) that could not be written (a copy of each is in .trash/). Reload anyway?"
                    ),
                    purpose: ConfirmPurpose::ReloadDiscarding,
                }));
            }
        }
        Action::StageNext => move_stage(app, 1),
        Action::StagePrev => move_stage(app, -1),
        Action::ToggleClosedStages => {
            app.pipeline.expand_closed = !app.pipeline.expand_closed;
        }
        Action::StartFilter => {
            let mut input = TextArea::new(vec![app.pipeline.filter.clone()]);
            input.move_cursor(ratatui_textarea::CursorMove::End);
            app.pipeline.filter_input = Some(input);
        }
        Action::NextField => with_form(app, |form| form.next_field()),
        Action::PrevField => with_form(app, |form| form.prev_field()),
        Action::Submit => submit(app),
        Action::Yes => confirm_yes(app),
        Action::Input(key) => input(app, key),
    }
}

pub(super) fn on_board(app: &App) -> bool {
    app.detail.is_none() && app.overlays.is_empty() && app.tab == Tab::Pipeline
}

/// `q`/`Ctrl-c`: quits, asking first when something would be lost — edits that
/// could not be written, or text typed into an open form.
fn quit(app: &mut App) {
    if matches!(app.overlays.last(), Some(Overlay::Confirm(c)) if c.purpose == ConfirmPurpose::QuitWithUnsaved)
    {
        // Asked already; a second Ctrl-c means it.
        app.should_quit = true;
        return;
    }
    let typing = app
        .overlays
        .iter()
        .any(|overlay| matches!(overlay, Overlay::Form(form) if form.form.is_dirty()));
    let unsaved = app.history.unsaved.len();
    let question = match (unsaved, typing) {
        (0, false) => {
            app.should_quit = true;
            return;
        }
        (0, true) => "Quit and drop what you typed in the form?".to_string(),
        (count, _) => format!(
            "Edits to {count} partner(s) could not be written (a copy of each is in .trash/). Quit anyway?"
        ),
    };
    app.overlays.push(Overlay::Confirm(Confirm {
        question,
        purpose: ConfirmPurpose::QuitWithUnsaved,
    }));
}

fn switch_tab(app: &mut App, tab: Tab) {
    app.detail = None;
    app.tab = tab;
    // A message belongs to what was on screen; unsaved edits keep their own marker.
    app.status = None;
}

/// Opens `overlay`, or closes it when one of its kind is already on top.
fn toggle_overlay(app: &mut App, overlay: Overlay) {
    let same_kind = app
        .overlays
        .last()
        .is_some_and(|top| std::mem::discriminant(top) == std::mem::discriminant(&overlay));
    if same_kind {
        app.overlays.pop();
    } else {
        app.overlays.push(overlay);
    }
}

fn back(app: &mut App) {
    if let Some(top) = app.overlays.last() {
        if let Overlay::Form(form) = top
            && form.form.is_dirty()
        {
            app.overlays.push(Overlay::Confirm(Confirm {
                question: "Discard what you typed?".into(),
                purpose: ConfirmPurpose::DiscardForm,
            }));
            return;
        }
        app.overlays.pop();
        return;
    }
    if let Some(detail) = app.detail.take() {
        app.status = None;
        app.tab = detail.return_to;
        if app.tab == Tab::Pipeline {
            app.pipeline.selected = Some(detail.partner);
            pipeline::settle_selection(app, 0);
        }
        return;
    }
    if app.tab == Tab::Pipeline
        && (app.pipeline.filter_input.is_some() || !app.pipeline.filter.is_empty())
    {
        app.pipeline.filter_input = None;
        app.pipeline.filter.clear();
        pipeline::settle_selection(app, 0);
    }
}

fn step(value: usize, delta: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as i64)
        .saturating_add(delta)
        .clamp(0, len as i64 - 1) as usize
}

fn scroll(value: u16, delta: i64) -> u16 {
    (i64::from(value).saturating_add(delta)).clamp(0, i64::from(u16::MAX)) as u16
}

fn move_by(app: &mut App, delta: i64) {
    // Bounded so that scrolling back up answers at once (the view also stops at the
    // end of the text).
    let error_lines = u16::try_from(2 + 3 * app.load_errors.len()).unwrap_or(u16::MAX);
    if let Some(overlay) = app.overlays.last_mut() {
        match overlay {
            Overlay::Help { scroll: offset } => *offset = scroll(*offset, delta).min(60),
            Overlay::LoadErrors { scroll: offset } => {
                *offset = scroll(*offset, delta).min(error_lines)
            }
            _ => {}
        }
        return;
    }
    if let Some(detail) = app.detail.as_ref() {
        let len = app.partner_data(&detail.partner).map_or(0, |partner| {
            detail::items(partner, detail.section, app.today).len()
        });
        if let Some(detail) = app.detail.as_mut() {
            detail.selected = step(detail.selected, delta, len);
        }
        return;
    }
    match app.tab {
        Tab::Overview => {
            let len = app.summary.attention.len();
            app.overview.selected = step(app.overview.selected, delta, len);
        }
        Tab::Pipeline => pipeline::move_card(app, delta),
        _ => {}
    }
}

fn open(app: &mut App) {
    match app.tab {
        Tab::Overview => {
            if let Some(item) = app.summary.attention.get(app.overview.selected) {
                // Open on the section where the item can be dealt with.
                use crate::domain::attention::AttentionKind as Kind;
                let section = match item.kind {
                    Kind::ActionOverdue
                    | Kind::CheckinOverdue
                    | Kind::ReviewDue
                    | Kind::SentimentDrop => Section::Activity,
                    Kind::AgreementReview
                    | Kind::Renewal
                    | Kind::DeliverableOverdue
                    | Kind::NoAgreement => Section::Agreement,
                    Kind::MeetingOverdue => Section::Charter,
                    _ => Section::Profile,
                };
                let mut view = DetailView::new(item.partner.clone(), app.tab);
                view.section = section;
                app.detail = Some(view);
            }
        }
        Tab::Pipeline => {
            if let Some(id) = app.pipeline.selected.clone() {
                app.detail = Some(DetailView::new(id, app.tab));
            }
        }
        _ => {}
    }
}

fn switch_section(app: &mut App, change: fn(Section) -> Section) {
    if let Some(detail) = app.detail.as_mut() {
        detail.section = change(detail.section);
        detail.selected = 0;
    }
}

fn confirm_yes(app: &mut App) {
    let Some(Overlay::Confirm(confirm)) = app.overlays.pop() else {
        return;
    };
    match confirm.purpose {
        ConfirmPurpose::QuitWithUnsaved => app.should_quit = true,
        ConfirmPurpose::ReloadDiscarding => edit::reload(app),
        ConfirmPurpose::DiscardForm => {
            app.overlays.pop();
        }
        ConfirmPurpose::DeletePartner { id } => {
            let name = app.partner_data(&id).map_or(id.clone(), |p| p.name.clone());
            edit::commit(app, &id, None, format!("deleted partner {name}"));
        }
        ConfirmPurpose::DeleteItem { id, item } => match without_item(app, &id, item) {
            Some((after, description)) => {
                edit::commit(app, &id, Some(after), description);
            }
            None => app.error("that item no longer exists"),
        },
    }
}

fn with_form(app: &mut App, change: impl FnOnce(&mut crate::app::form::Form)) {
    if let Some(Overlay::Form(overlay)) = app.overlays.last_mut() {
        change(&mut overlay.form);
    }
}

fn input(app: &mut App, key: KeyEvent) {
    if let Some(Overlay::Form(overlay)) = app.overlays.last_mut() {
        if overlay.form.input(key) == FormInput::Submit {
            submit(app);
        }
        return;
    }
    if let Some(filter) = app.pipeline.filter_input.as_mut() {
        filter.input(key);
        app.pipeline.filter = filter.lines().join(" ");
        pipeline::settle_selection(app, 0);
    }
}
