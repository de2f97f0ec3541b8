//! Where an action goes: `update` handles what belongs to the whole dashboard (quit,
//! tabs, help, undo) and hands everything else to the focused screen, collecting the
//! effects; `dispatch` then applies them. Keys and pasted text come in here.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::action::Action;
use super::apply::apply;
use super::effect::{Confirm, Effect, Reload};
use super::keymap;
use super::overlays::Overlay;
use super::screens::{Layer, SettingsScreen};
use super::state::{App, View};
use crate::report::ReportKind;

/// Changes memory only — the focused screen's state, the tab, the overlays — and
/// returns what should happen beyond that. Tests check intent here, without a disk.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Quit => quit(app, &mut fx),
        Action::GoTo(tab) => app.switch_tab(tab),
        Action::NextTab => app.switch_tab(app.view.tab.next()),
        Action::PrevTab => app.switch_tab(app.view.tab.prev()),
        Action::ToggleHelp => toggle_overlay(&mut app.view, Overlay::help()),
        Action::ShowLoadErrors if app.data.load_errors.is_empty() => {
            fx.push(Effect::info("every file loaded"));
        }
        Action::ShowLoadErrors => toggle_overlay(&mut app.view, Overlay::load_errors()),
        Action::OpenSettings => {
            if app.view.settings().is_none() {
                let settings = SettingsScreen::new(&app.data);
                app.view.layers.push(Layer::Settings(settings));
                app.status = None;
            }
        }
        Action::Undo => fx.push(Effect::Undo),
        Action::Redo => fx.push(Effect::Redo),
        Action::WriteUnsaved => fx.push(Effect::WriteUnsaved),
        Action::Reload => reload(app, &mut fx),
        Action::WriteReport => {
            let kind = match app.view.screen().partner_shown() {
                Some(id) => ReportKind::Pack(id.to_string()),
                None => ReportKind::Meeting,
            };
            fx.push(Effect::WriteReport(kind));
        }
        other => {
            let App { data, view, .. } = app;
            view.focus_mut().update(data, other, &mut fx);
        }
    }
    fx
}

/// `update`, then `apply`: what a key press does.
pub fn dispatch(app: &mut App, action: Action) {
    let effects = update(app, action);
    apply(app, effects);
}

/// Maps a key press to an action in the current context and dispatches it. Key
/// releases are ignored (Windows and the kitty protocol send them). In a form or
/// the filter, keys the map does not name are typed text.
pub fn handle_key(app: &mut App, event: KeyEvent) {
    if event.kind == KeyEventKind::Release {
        return;
    }
    let context = app.context();
    match keymap::action_for(context, event) {
        Some(action) => dispatch(app, action),
        None if keymap::takes_text(context) => dispatch(app, Action::Input(event)),
        None => {}
    }
}

/// Pasted text (bracketed paste): typed into the form field or the filter being
/// edited, ignored elsewhere — a paste is never a string of commands.
pub fn handle_paste(app: &mut App, text: &str) {
    let App { data, view, .. } = app;
    if !view.focus_mut().paste(data, text) {
        apply(
            app,
            vec![Effect::info(
                "pasted text is only taken in a form or the filter",
            )],
        );
    }
}

/// `q`/`Ctrl-c`: quits, asking first when something would be lost — edits that
/// could not be written, or text typed into an open form.
fn quit(app: &App, fx: &mut Vec<Effect>) {
    if matches!(app.view.overlays.last(), Some(Overlay::Confirm(confirm)) if confirm.quits()) {
        // Asked already; a second Ctrl-c means it.
        fx.push(Effect::Quit);
        return;
    }
    let typing = app
        .view
        .overlays
        .iter()
        .any(|overlay| matches!(overlay, Overlay::Form(form) if form.form.is_dirty()));
    let work = app.view.unsaved_work();
    let question = match (unsaved_files(app), typing) {
        (Some(files), _) if app.history.unsaved.values().any(|kept| kept.copy.is_none()) => {
            format!("{files} could not be written. Quit anyway? What has no copy is lost.")
        }
        (Some(files), _) => format!("{files} could not be written. Quit anyway?"),
        (None, true) => "Quit and drop what you typed in the form?".to_string(),
        (None, false) if !work.is_empty() => {
            format!("Quit and drop {}?", work.join(" and "))
        }
        (None, false) => {
            fx.push(Effect::Quit);
            return;
        }
    };
    fx.push(Effect::Ask(Confirm::new(question, vec![Effect::Quit])));
}

/// `Ctrl-l`: reloads at once, or asks first when an unwritten edit would be dropped.
fn reload(app: &App, fx: &mut Vec<Effect>) {
    match unsaved_files(app) {
        None => fx.push(Effect::Reload(Reload::All)),
        Some(files) => fx.push(Effect::Ask(Confirm::new(
            format!("Reloading drops {files}. Reload anyway?"),
            vec![Effect::Reload(Reload::All)],
        ))),
    }
}

/// "The edit to partners/acme.ron (a copy is in .trash/unsaved-…)", for questions
/// about losing edits that could not be written; `None` when there are none. Names
/// only copies that are on disk.
fn unsaved_files(app: &App) -> Option<String> {
    let unsaved = &app.history.unsaved;
    if unsaved.is_empty() {
        return None;
    }
    let files: Vec<String> = unsaved
        .iter()
        .map(|(doc, kept)| match &kept.copy {
            Some(copy) => {
                let shown = copy.strip_prefix(app.store.root()).unwrap_or(copy);
                format!("{} (a copy is in {})", doc.file(), shown.display())
            }
            None if kept.waiting => {
                format!("{} (still waiting for the lock; no copy yet)", doc.file())
            }
            None => format!("{} (NO copy could be written)", doc.file()),
        })
        .collect();
    let noun = if files.len() == 1 {
        "The edit"
    } else {
        "The edits"
    };
    Some(format!("{noun} to {}", files.join(", ")))
}

/// Opens `overlay`, or closes it when one of its kind is already on top.
fn toggle_overlay(view: &mut View, overlay: Overlay) {
    let same_kind = view
        .overlays
        .last()
        .is_some_and(|top| std::mem::discriminant(top) == std::mem::discriminant(&overlay));
    if same_kind {
        view.overlays.pop();
    } else {
        view.overlays.push(overlay);
    }
}
