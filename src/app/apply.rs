//! Carrying out effects: the only place the dashboard calls the store. A change is
//! made in memory, written at once, and recorded for undo; a write that fails keeps
//! the change in memory and in a rescue copy, says so, and is never dropped.

use crate::domain::Partner;
use crate::report::ReportKind;
use crate::store::{Fingerprint, PartnerFile};

use super::effect::{Effect, Level, Reload, StatusMessage};
use super::history::{Change, Content, Doc};
use super::overlays::{FormOverlay, Overlay};
use super::saving::{Written, report, write, write_unsaved};
use super::state::App;

/// Applies `effects` in order. A change that could not be made stops the rest:
/// what follows it (select what was added, close a layer) depended on it.
pub fn apply(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if !apply_one(app, effect) {
            break;
        }
    }
}

fn apply_one(app: &mut App, effect: Effect) -> bool {
    match effect {
        Effect::Commit(change) => return commit(app, change),
        Effect::CommitOpened(change, opened) => return commit_opened(app, change, opened),
        Effect::Undo => replay(app, Direction::Undo),
        Effect::Redo => replay(app, Direction::Redo),
        Effect::WriteUnsaved => write_unsaved(app),
        Effect::Reload(Reload::All) => super::reload::reload_all(app),
        Effect::Reload(Reload::Docs(docs)) => {
            super::reload::reload_docs(app, &docs);
        }
        Effect::OpenForm(spec) => {
            let refused = match spec.target() {
                Some(doc) => app.data.refuses_edits(&doc),
                // A new document: refused only in a read-only session.
                None => app
                    .data
                    .refuses_edits(&Doc::Workspace)
                    .filter(|_| app.data.read_only.is_some()),
            };
            if let Some(why) = refused {
                say(app, Level::Error, why);
                return false;
            }
            match FormOverlay::open(&app.data, spec) {
                Some(mut form) => {
                    app.restore_draft(&mut form);
                    app.view.overlays.push(Overlay::Form(Box::new(form)));
                }
                None => {
                    say(app, Level::Error, "that item no longer exists");
                    return false;
                }
            }
        }
        Effect::Ask(confirm) => app.view.overlays.push(Overlay::Confirm(confirm)),
        Effect::Choose(choice) => app.view.overlays.push(Overlay::Choice(choice)),
        Effect::Push(layer) => app.view.layers.push(layer),
        Effect::Pop => {
            app.view.layers.pop();
            app.status = None;
        }
        Effect::Close => {
            app.view.overlays.pop();
        }
        Effect::SwitchTab(tab) => {
            // Unlike a tab key, the status line keeps what the change just said.
            app.view.enter(tab, &app.data);
        }
        Effect::Reveal(what) => {
            let App { data, view, .. } = app;
            view.screen_mut().reveal(data, &what);
        }
        Effect::ToScreen(action) => {
            let App { data, view, .. } = app;
            let mut more = Vec::new();
            view.screen_mut().update(data, action, &mut more);
            apply(app, more);
        }
        Effect::Forget(doc) => app.history.forget(&doc),
        Effect::Say(message) => app.status = Some(message),
        Effect::SayMore(text) => {
            if let Some(status) = app.status.as_mut() {
                status.text.push_str(" — ");
                status.text.push_str(&text);
            }
        }
        Effect::WriteReport(kind) => write_report(app, &kind),
        Effect::Resolve(doc, resolution) => super::saving::resolve(app, &doc, &resolution),
        Effect::DiscardDrafts => app.discard_drafts(),
        Effect::StartCheckin(start) => app.start_checkin(start),
        Effect::DraftTouched => app.touch_checkin_draft(),
        Effect::SaveDraft(draft) => app.save_checkin_draft(*draft),
        Effect::RemoveDraft(partner) => app.remove_checkin_draft(&partner),
        Effect::Quit => app.should_quit = true,
    }
    true
}

/// `Ctrl-p`: the report as a new file in the working directory (never inside the
/// data directory), named on the status line.
fn write_report(app: &mut App, kind: &ReportKind) {
    let Some(dir) = app.report_dir.clone() else {
        say(
            app,
            Level::Error,
            "report not written: the working directory cannot be read",
        );
        return;
    };
    match crate::report::save_in(&app.data.portfolio(), kind, &dir, app.store.root()) {
        Ok((path, what)) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            say(
                app,
                Level::Info,
                format!("{name} written in {} ({what})", dir.display()),
            );
        }
        Err(why) => say(app, Level::Error, format!("report not written: {why}")),
    }
}

fn say(app: &mut App, level: Level, text: impl Into<String>) {
    app.status = Some(StatusMessage {
        level,
        text: text.into(),
    });
}

/// Gives the records a change adds their ids, and puts readings in order.
fn settle_records(app: &App, change: &mut Change) {
    if let Some(Content::Partner(partner)) = change.after.as_mut() {
        app.data.fill_ids(partner);
        // A file edited by hand with readings out of order is written in order.
        crate::domain::readings::sort_readings(partner);
    }
}

/// Makes `change` in memory and writes it, recording it for undo. Whether it was
/// made (in memory, and on disk unless reported otherwise).
fn commit(app: &mut App, mut change: Change) -> bool {
    settle_records(app, &mut change);
    if change.before == change.after {
        say(app, Level::Info, "nothing changed");
        return false;
    }
    if !app.data.matches(&change.doc, change.before.as_ref()) {
        say(
            app,
            Level::Error,
            format!(
                "not done ({}): {} changed since; look again and repeat it",
                change.description,
                change.doc.file()
            ),
        );
        return false;
    }
    match set_doc(app, &change.doc, change.after.clone()) {
        Err(reason) => {
            say(
                app,
                Level::Error,
                format!("not done ({}): {reason}", change.description),
            );
            false
        }
        Ok(written) => {
            let done = change.description.clone();
            let doc = change.doc.clone();
            app.history.record(change, app.now);
            if written.merged() {
                // Someone else's change is in the file now: replaying this one's
                // `before` would undo theirs too.
                app.history.forget(&doc);
            }
            report(app, written, &done);
            app.data_changed();
            true
        }
    }
}

/// Writes `change`, which a form made to its document as it was when the form
/// opened (`opened`: the file then), where the document has changed since and the
/// two clash: the form's version goes in memory as an edit of that version, and
/// the save merges it with the file — each field changed both ways opens the
/// clash dialog, and the edit stays, unsaved and in a rescue copy, until it is
/// settled. Undo starts afresh for the document: an older step would replay over
/// a version this session never had.
fn commit_opened(app: &mut App, mut change: Change, opened: Fingerprint) -> bool {
    settle_records(app, &mut change);
    if change.before == change.after {
        say(app, Level::Info, "nothing changed");
        return false;
    }
    let doc = change.doc.clone();
    if let Some(why) = app.data.refuses_edits(&doc) {
        say(
            app,
            Level::Error,
            format!("not done ({}): {why}", change.description),
        );
        return false;
    }
    // The file as this session knows it now: a write that does not happen leaves
    // its file event known (see `reload`).
    if !app.data.on_disk.contains_key(&doc) {
        let known = app.data.fingerprint(&doc);
        app.data.on_disk.insert(doc.clone(), known);
    }
    match (&doc, change.after) {
        (Doc::Workspace, Some(Content::Workspace(workspace))) => {
            app.data.workspace = *workspace;
            app.data.workspace_fingerprint = Some(opened);
        }
        (Doc::Partner(id), Some(Content::Partner(partner))) => {
            set_partner(app, id, *partner);
            if let Some(index) = app.data.partner_index(id) {
                app.data.partners[index].fingerprint = Some(opened);
            }
        }
        (_, after) => {
            change.after = after;
            return commit(app, change);
        }
    }
    let written = write(app, &doc);
    app.history.forget(&doc);
    report(app, written, &change.description);
    app.data_changed();
    true
}

/// Puts `value` in place of `doc` (adding or deleting a partner) and writes it.
/// `Err` means nothing changed, in memory or on disk.
fn set_doc(app: &mut App, doc: &Doc, value: Option<Content>) -> Result<Written, String> {
    if let Some(why) = app.data.refuses_edits(doc) {
        return Err(why);
    }
    match (doc, value) {
        (Doc::Workspace, Some(Content::Workspace(workspace))) => {
            app.data.workspace = *workspace;
            Ok(write(app, doc))
        }
        (Doc::Partner(id), Some(Content::Partner(partner))) => {
            set_partner(app, id, *partner);
            Ok(write(app, doc))
        }
        (Doc::Partner(id), None) => delete_partner(app, id),
        (doc, _) => Err(format!("{} cannot take that change", doc.file())),
    }
}

fn set_partner(app: &mut App, id: &str, partner: Partner) {
    match app.data.partner_index(id) {
        Some(index) => app.data.partners[index].partner = partner,
        None => {
            app.data.partners.push(PartnerFile {
                id: id.to_string(),
                partner,
                fingerprint: None,
                read_only: false,
            });
            app.data.partners.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }
}

fn delete_partner(app: &mut App, id: &str) -> Result<Written, String> {
    let Some(index) = app.data.partner_index(id) else {
        return Ok(Written::Saved);
    };
    // A partner that never reached the disk has no file to move to the trash.
    if let Some(fingerprint) = app.data.partners[index].fingerprint.clone() {
        app.store
            .trash_partner(id, &fingerprint)
            .map_err(|error| error.to_string())?;
    }
    app.data.partners.remove(index);
    app.data.on_disk.remove(&Doc::partner(id));
    if let Some(kept) = app.history.unsaved.remove(&Doc::partner(id))
        && let Some(copy) = kept.copy
    {
        app.store.clear_rescue(&copy);
    }
    Ok(Written::Saved)
}

/// Which way through the history a replay goes.
#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

/// `u` and `Ctrl-r`: takes the last change off one stack, puts back its `before`
/// (undo) or `after` (redo), writes it, and moves it to the other stack.
fn replay(app: &mut App, direction: Direction) {
    let (verb, past) = match direction {
        Direction::Undo => ("undo", "undid"),
        Direction::Redo => ("redo", "redid"),
    };
    let popped = match direction {
        Direction::Undo => app.history.undo.pop(),
        Direction::Redo => app.history.redo.pop(),
    };
    let Some(change) = popped else {
        say(app, Level::Info, format!("nothing to {verb}"));
        return;
    };
    // What is pressed after an undo or a redo is a step of its own.
    app.history.close_burst();
    let value = match direction {
        Direction::Undo => change.before.clone(),
        Direction::Redo => change.after.clone(),
    };
    match set_doc(app, &change.doc, value) {
        Err(reason) => {
            say(
                app,
                Level::Error,
                format!("cannot {verb} {}: {reason}", change.description),
            );
            match direction {
                Direction::Undo => app.history.undo.push(change),
                Direction::Redo => app.history.redo.push(change),
            }
        }
        Ok(written) => {
            let done = format!("{past}: {}", change.description);
            let doc = change.doc.clone();
            match direction {
                Direction::Undo => app.history.redo.push(change),
                Direction::Redo => app.history.undo.push(change),
            }
            if written.merged() {
                app.history.forget(&doc);
            }
            report(app, written, &done);
            app.data_changed();
        }
    }
}
