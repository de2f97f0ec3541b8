//! Reading documents again: `Ctrl-l` (everything), and the files a teammate changed
//! on disk, as the watcher reports them — each read on its own, the selection kept
//! on the same records, the undo history dropped only for the documents that
//! changed, and the status line saying what changed and, where the records say, who.

use crate::store::merge;

use super::effect::{Level, StatusMessage};
use super::history::{Content, Doc, History};
use super::state::App;

/// `Ctrl-l`: reads the data directory again. Undo history goes with the old
/// state: replaying it over files someone else changed would clobber their work.
pub fn reload_all(app: &mut App) {
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
/// edit (`W` merges it with what is on disk); one that no longer parses keeps what
/// was loaded and is listed under `!`. Only the documents whose content really
/// changed (not this session's own saves coming back) leave the undo history.
pub fn reload_docs(app: &mut App, docs: &[Doc]) {
    let mut kept = Vec::new();
    let mut read = Vec::new();
    for doc in docs {
        if app.history.unsaved.contains_key(doc) {
            kept.push(doc.file());
            continue;
        }
        let before = app.data.content(doc);
        let errors = match doc {
            Doc::Workspace => read_workspace(app),
            Doc::Partner(id) => read_partner(app, id),
        };
        app.data
            .load_errors
            .retain(|error| error.file != doc.file());
        app.data.load_errors.extend(errors);
        let after = app.data.content(doc);
        if after != before {
            app.history.forget(doc);
            read.push(describe(doc, before.as_ref(), after.as_ref()));
        }
    }
    app.data
        .load_errors
        .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    if read.is_empty() && kept.is_empty() {
        return;
    }
    app.data_changed();
    let mut message = read.join("; ");
    if !kept.is_empty() {
        if !message.is_empty() {
            message.push_str("; ");
        }
        message.push_str(&format!(
            "{} changed on disk, and your unsaved edit is kept (W merges it with theirs, Ctrl-l drops it)",
            kept.join(", ")
        ));
    }
    let level = if kept.is_empty() {
        Level::Info
    } else {
        Level::Error
    };
    say(app, level, message);
}

/// Reads `workspace.ron` again; keeps what was loaded when it no longer parses.
fn read_workspace(app: &mut App) -> Vec<crate::store::LoadError> {
    let snapshot = match app.store.load() {
        Ok(snapshot) => snapshot,
        Err(error) => {
            return vec![crate::store::LoadError::whole_file(
                crate::store::WORKSPACE_FILE,
                error.to_string(),
            )];
        }
    };
    if snapshot.workspace_fingerprint.is_some() {
        app.data.workspace = snapshot.workspace;
        app.data.workspace_fingerprint = snapshot.workspace_fingerprint;
        app.data.workspace_read_only = snapshot.workspace_read_only;
    }
    snapshot
        .errors
        .into_iter()
        .filter(|error| error.file == crate::store::WORKSPACE_FILE)
        .collect()
}

/// Reads one partner again: changed, added, or gone from disk.
fn read_partner(app: &mut App, id: &str) -> Vec<crate::store::LoadError> {
    let index = app.data.partner_index(id);
    if !app.store.partner_exists(id) {
        if let Some(index) = index {
            app.data.partners.remove(index);
        }
        return Vec::new();
    }
    match app.store.load_partner(id) {
        Ok((Some(fresh), errors)) => {
            match index {
                Some(index) => app.data.partners[index] = fresh,
                None => {
                    app.data.partners.push(fresh);
                    app.data.partners.sort_by(|a, b| a.id.cmp(&b.id));
                }
            }
            errors
        }
        // It does not parse now: what was loaded stays, and `!` says why.
        Ok((None, errors)) => errors,
        Err(error) => vec![error],
    }
}

/// "partners/acme.ron changed on disk: summary changed, action item “x” added (by
/// lee)".
fn describe(doc: &Doc, before: Option<&Content>, after: Option<&Content>) -> String {
    let file = doc.file();
    let (changes, authors) = match (before, after) {
        (None, Some(_)) => return format!("{file} appeared on disk"),
        (Some(_), None) => return format!("{file} was removed on disk"),
        (Some(Content::Partner(old)), Some(Content::Partner(new))) => merge::changes(old, new),
        (Some(Content::Workspace(old)), Some(Content::Workspace(new))) => merge::changes(old, new),
        _ => (Vec::new(), Vec::new()),
    };
    let what = match changes.as_slice() {
        [] => String::new(),
        [one] => format!(": {one}"),
        [first, second] => format!(": {first}, {second}"),
        [first, rest @ ..] => format!(": {first}, and {} more changes", rest.len()),
    };
    let who = match authors.as_slice() {
        [] => String::new(),
        list => format!(" (by {})", list.join(", ")),
    };
    let name = match after {
        Some(Content::Partner(partner)) => partner.name.clone(),
        _ => file,
    };
    format!("{name} changed on disk{what}{who}")
}

fn say(app: &mut App, level: Level, text: impl Into<String>) {
    app.status = Some(StatusMessage {
        level,
        text: text.into(),
    });
}
