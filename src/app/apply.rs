//! Carrying out effects: the only place the dashboard calls the store. A change is
//! made in memory, written at once, and recorded for undo; a write that fails keeps
//! the change in memory and in a rescue copy, says so, and is never dropped.

use crate::domain::Partner;
use crate::store::{PartnerFile, SaveError, Store};

use super::effect::{Effect, Level, Reload, StatusMessage};
use super::history::{Change, Content, Doc, History, Unsaved};
use super::overlays::{FormOverlay, Overlay};
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
        Effect::Undo => replay(app, Direction::Undo),
        Effect::Redo => replay(app, Direction::Redo),
        Effect::WriteUnsaved => write_unsaved(app),
        Effect::Reload(Reload::All) => reload_all(app),
        Effect::Reload(Reload::Docs(docs)) => reload_docs(app, &docs),
        Effect::OpenForm(spec) => {
            if let Some(why) = spec.target().and_then(|doc| app.data.refuses_edits(&doc)) {
                say(app, Level::Error, why);
                return false;
            }
            match FormOverlay::open(&app.data, spec) {
                Some(form) => app.view.overlays.push(Overlay::Form(Box::new(form))),
                None => {
                    say(app, Level::Error, "that item no longer exists");
                    return false;
                }
            }
        }
        Effect::Ask(confirm) => app.view.overlays.push(Overlay::Confirm(confirm)),
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
        Effect::Quit => app.should_quit = true,
    }
    true
}

fn say(app: &mut App, level: Level, text: impl Into<String>) {
    app.status = Some(StatusMessage {
        level,
        text: text.into(),
    });
}

/// How a change ended.
enum Written {
    /// On disk.
    Saved,
    /// In memory only; the reason the write failed.
    Kept(String),
}

/// Makes `change` in memory and writes it, recording it for undo. Whether it was
/// made (in memory, and on disk unless reported otherwise).
fn commit(app: &mut App, mut change: Change) -> bool {
    if let Some(Content::Partner(partner)) = change.after.as_mut() {
        app.data.fill_ids(partner);
        // A file edited by hand with readings out of order is written in order.
        crate::domain::readings::sort_readings(partner);
    }
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
            app.history.record(change, app.now);
            report(app, written, &done);
            app.data_changed();
            true
        }
    }
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
    if let Some(kept) = app.history.unsaved.remove(&Doc::partner(id))
        && let Some(copy) = kept.copy
    {
        app.store.clear_rescue(&copy);
    }
    Ok(Written::Saved)
}

/// Writes `doc` as it is in memory. On failure the edit stays in memory and, when
/// the disk allows, in a rescue copy, so a crash or a dropped connection cannot take
/// it; the reason names the copy only once it is on disk.
fn write(app: &mut App, doc: &Doc) -> Written {
    let result = match doc {
        Doc::Workspace => app
            .store
            .save_workspace(&app.data.workspace, app.data.workspace_fingerprint.as_ref())
            .map(|fingerprint| app.data.workspace_fingerprint = Some(fingerprint)),
        Doc::Partner(id) => match app.data.partner_index(id) {
            Some(index) => {
                let file = &app.data.partners[index];
                app.store
                    .save_partner(&file.id, &file.partner, file.fingerprint.as_ref())
                    .map(|fingerprint| app.data.partners[index].fingerprint = Some(fingerprint))
            }
            None => Ok(()),
        },
    };
    match result {
        Ok(()) => {
            if let Some(kept) = app.history.unsaved.remove(doc)
                && let Some(copy) = kept.copy
            {
                app.store.clear_rescue(&copy);
            }
            Written::Saved
        }
        Err(error) => Written::Kept(keep_unsaved(app, doc, &error)),
    }
}

/// Records `doc` as unsaved and writes a new rescue copy of it (then drops this
/// session's older copy: the newest edit is what must survive). Says why, naming
/// the copy only when it was written.
fn keep_unsaved(app: &mut App, doc: &Doc, error: &SaveError) -> String {
    let now = chrono::Local::now().naive_local();
    let copy = match app.data.content(doc) {
        Some(Content::Workspace(workspace)) => {
            rescue(&app.store, doc, &app.data.author, now, &*workspace)
        }
        Some(Content::Partner(partner)) => {
            rescue(&app.store, doc, &app.data.author, now, &*partner)
        }
        None => None,
    };
    let mut reason = error.to_string();
    if let Some(path) = &copy {
        let shown = path.strip_prefix(app.store.root()).unwrap_or(path);
        reason.push_str(&format!(" (a copy is in {})", shown.display()));
    }
    let previous = app.history.unsaved.insert(
        doc.clone(),
        Unsaved {
            reason: reason.clone(),
            copy: copy.clone(),
        },
    );
    if let Some(old) = previous.and_then(|kept| kept.copy)
        && copy.is_some()
    {
        app.store.clear_rescue(&old);
    }
    reason
}

fn rescue<T: serde::Serialize>(
    store: &Store,
    doc: &Doc,
    user: &str,
    now: chrono::NaiveDateTime,
    value: &T,
) -> Option<std::path::PathBuf> {
    store.rescue(&doc.stem(), user, now, value).ok()
}

fn report(app: &mut App, written: Written, done: &str) {
    match written {
        Written::Saved => say(app, Level::Info, format!("{done} — saved")),
        Written::Kept(reason) => say(
            app,
            Level::Error,
            format!(
                "NOT SAVED ({done}): {reason}. The change is kept here: W writes it again, Ctrl-l drops it and reloads"
            ),
        ),
    }
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
            match direction {
                Direction::Undo => app.history.redo.push(change),
                Direction::Redo => app.history.undo.push(change),
            }
            report(app, written, &done);
            app.data_changed();
        }
    }
}

/// `Ctrl-l`: reads the data directory again. Undo history goes with the old
/// state: replaying it over files someone else changed would clobber their work.
fn reload_all(app: &mut App) {
    match app.store.load() {
        Ok(snapshot) => {
            app.data.replace(snapshot);
            app.history = History::default();
            app.data_changed();
            let count = app.data.partners.len();
            say(
                app,
                Level::Info,
                format!("reloaded {count} partners from disk; undo history cleared"),
            );
        }
        Err(error) => say(app, Level::Error, format!("cannot reload: {error}")),
    }
}

/// Reads `docs` again, which changed on disk. One with an unsaved edit keeps the
/// edit (the user is told, and `Ctrl-l` drops it); one that no longer parses keeps
/// what was loaded and is listed under `!`. The changes to a document that was read
/// again leave the undo history.
fn reload_docs(app: &mut App, docs: &[Doc]) {
    let snapshot = match app.store.load() {
        Ok(snapshot) => snapshot,
        Err(error) => {
            say(app, Level::Error, format!("cannot reload: {error}"));
            return;
        }
    };
    let mut kept = Vec::new();
    let mut read = Vec::new();
    for doc in docs {
        if app.history.unsaved.contains_key(doc) {
            kept.push(doc.file());
            continue;
        }
        let before = app.data.content(doc);
        match doc {
            Doc::Workspace => {
                if snapshot.workspace_fingerprint.is_some() {
                    app.data.workspace = snapshot.workspace.clone();
                    app.data.workspace_fingerprint = snapshot.workspace_fingerprint.clone();
                    app.data.workspace_read_only = snapshot.workspace_read_only;
                }
            }
            Doc::Partner(id) => {
                let fresh = snapshot.partners.iter().find(|file| file.id == *id);
                let broken = snapshot
                    .errors
                    .iter()
                    .any(|error| error.file == Store::partner_file(id));
                match (fresh, app.data.partner_index(id)) {
                    (Some(fresh), Some(index)) => app.data.partners[index] = fresh.clone(),
                    (Some(fresh), None) => {
                        app.data.partners.push(fresh.clone());
                        app.data.partners.sort_by(|a, b| a.id.cmp(&b.id));
                    }
                    (None, Some(index)) if !broken => {
                        app.data.partners.remove(index);
                    }
                    (None, _) => {}
                }
            }
        }
        if app.data.content(doc) != before {
            app.history.forget(doc);
            read.push(doc.file());
        }
    }
    app.data.load_errors = snapshot.errors;
    app.data_changed();
    let mut message = match read.len() {
        0 => String::new(),
        _ => format!("{} changed on disk and was read again", read.join(", ")),
    };
    if !kept.is_empty() {
        if !message.is_empty() {
            message.push_str("; ");
        }
        message.push_str(&format!(
            "{} changed on disk, but your unsaved edit is kept (Ctrl-l drops it and reloads)",
            kept.join(", ")
        ));
    }
    if !message.is_empty() {
        let level = if kept.is_empty() {
            Level::Info
        } else {
            Level::Error
        };
        say(app, level, message);
    }
}

/// `W`: tries again to write every document whose last write failed.
fn write_unsaved(app: &mut App) {
    let docs: Vec<Doc> = app.history.unsaved.keys().cloned().collect();
    if docs.is_empty() {
        say(app, Level::Info, "everything is saved");
        return;
    }
    let mut failures = Vec::new();
    for doc in &docs {
        if app.data.content(doc).is_none() {
            app.history.unsaved.remove(doc);
            continue;
        }
        if let Written::Kept(reason) = write(app, doc) {
            failures.push(reason);
        }
    }
    match failures.first() {
        None => say(app, Level::Info, format!("saved {}", files(&docs))),
        Some(reason) => say(
            app,
            Level::Error,
            format!(
                "still NOT SAVED ({} of {}): {reason}",
                failures.len(),
                docs.len()
            ),
        ),
    }
}

fn files(docs: &[Doc]) -> String {
    docs.iter().map(Doc::file).collect::<Vec<_>>().join(", ")
}
