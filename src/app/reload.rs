//! Reading documents again: `Ctrl-l` (everything), and the files a teammate changed
//! on disk, as the watcher reports them — each read on its own, the selection kept
//! on the same records, the undo history dropped only for the documents that
//! changed, and the status line saying what changed and, where the records say, who.

use crate::store::{Fingerprint, Fresh, LoadError, Reread, WORKSPACE_FILE, merge};

use super::effect::{Level, StatusMessage};
use super::history::{Content, Doc, History, Unsaved};
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

impl App {
    /// Files the watcher says changed on disk: reads each again (see
    /// `reload_docs`). Whether anything changed at all — when nothing did (this
    /// session's own save coming back, a file touched but not changed) there is
    /// nothing to draw.
    pub fn files_changed(&mut self, docs: &[Doc]) -> bool {
        reload_docs(self, docs)
    }
}

/// How a file with an unsaved edit is on disk now.
enum Now {
    Loads { again: bool },
    DoesNotLoad,
    Gone,
}

/// Reads `docs` again, which changed on disk — each only if its bytes are not the
/// ones already known, so an event that brings nothing new changes nothing, says
/// nothing and needs no redraw. The problems listed under `!` follow each file as
/// it is on disk now. One with an unsaved edit keeps the edit (`W` merges it with
/// what is on disk); one that no longer loads keeps what was loaded. Only the
/// documents whose content changed leave the undo history. Whether anything
/// changed.
pub fn reload_docs(app: &mut App, docs: &[Doc]) -> bool {
    let mut changed = false;
    let mut said = Vec::new();
    let mut kept = Vec::new();
    let mut broken = false;
    for doc in docs {
        let file = doc.file();
        let known = match app.data.on_disk.get(doc) {
            Some(seen) => seen.clone(),
            None => app.data.fingerprint(doc),
        };
        let reread = match doc {
            Doc::Workspace => match app.store.reread_workspace(known.as_ref()) {
                Reread::Same => continue,
                Reread::Gone => None,
                Reread::Changed(fresh) => Some(Found::Workspace(Box::new(fresh))),
            },
            Doc::Partner(id) => match app.store.reread_partner(id, known.as_ref()) {
                Reread::Same => continue,
                Reread::Gone => None,
                Reread::Changed(fresh) => Some(Found::Partner(Box::new(fresh))),
            },
        };
        changed = true;
        let did_not_load = app
            .data
            .load_errors
            .iter()
            .any(|error| error.file == file && !error.loaded_read_only);
        let (errors, fingerprint, loads) = match &reread {
            Some(found) => found.problems(),
            None if *doc == Doc::Workspace => (
                vec![LoadError::whole_file(
                    WORKSPACE_FILE,
                    "it is no longer on disk; what was loaded is still shown, and nothing is saved to it",
                )],
                None,
                false,
            ),
            None => (Vec::new(), None, false),
        };
        // The problems listed follow the file on disk, whatever happens below.
        app.data.load_errors.retain(|error| error.file != file);
        app.data.load_errors.extend(errors);
        if app.history.unsaved.contains_key(doc) {
            app.data.on_disk.insert(doc.clone(), fingerprint);
            let now = match (&reread, loads) {
                (None, _) => Now::Gone,
                (Some(_), true) => Now::Loads {
                    again: did_not_load,
                },
                (Some(_), false) => Now::DoesNotLoad,
            };
            kept.push(kept_words(app, doc, &now));
            continue;
        }
        let before = app.data.content(doc);
        match reread {
            Some(found) if loads => {
                found.take_into(&mut app.data);
                app.data.on_disk.remove(doc);
            }
            Some(_) => {
                app.data.on_disk.insert(doc.clone(), fingerprint);
                broken = true;
                said.push(if before.is_some() && !did_not_load {
                    format!(
                        "{file} changed on disk and no longer loads (! shows why); what was loaded is still shown"
                    )
                } else if did_not_load {
                    format!("{file} changed on disk and still does not load (! shows why)")
                } else {
                    format!("{file} appeared on disk and does not load (! shows why)")
                });
                continue;
            }
            None => match doc {
                Doc::Partner(id) => {
                    app.data.on_disk.remove(doc);
                    if let Some(index) = app.data.partner_index(id) {
                        app.data.partners.remove(index);
                    } else if did_not_load {
                        said.push(format!("{file} was removed on disk"));
                    }
                }
                Doc::Workspace => {
                    app.data.on_disk.insert(Doc::Workspace, None);
                    broken = true;
                    said.push(format!(
                        "{file} was removed on disk (! shows why); what was loaded is still shown"
                    ));
                    continue;
                }
            },
        }
        let after = app.data.content(doc);
        if after != before {
            app.history.forget(doc);
            said.push(if did_not_load && after.is_some() {
                format!("{file} loads again")
            } else {
                describe(doc, before.as_ref(), after.as_ref())
            });
        } else if did_not_load && loads {
            said.push(format!("{file} loads again"));
        }
    }
    app.data
        .load_errors
        .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    if !changed {
        return false;
    }
    app.data_changed();
    if kept.is_empty() {
        if said.is_empty() || says_unsaved_error(app) {
            // An error about an edit that is not on disk stays: it names the copy,
            // and what came in shows on screen anyway.
            return true;
        }
        let level = if broken { Level::Error } else { Level::Info };
        say(app, level, said.join("; "));
        return true;
    }
    // About the unsaved edits first: that is what the user must act on.
    kept.extend(said);
    say(app, Level::Error, kept.join("; "));
    true
}

/// A document read again that changed.
enum Found {
    Workspace(Box<Fresh<crate::domain::Workspace>>),
    Partner(Box<Fresh<crate::store::PartnerFile>>),
}

impl Found {
    /// Its problems, the bytes read, and whether it loads.
    fn problems(&self) -> (Vec<LoadError>, Option<Fingerprint>, bool) {
        match self {
            Found::Workspace(fresh) => (
                fresh.errors.clone(),
                fresh.fingerprint.clone(),
                fresh.value.is_some(),
            ),
            Found::Partner(fresh) => (
                fresh.errors.clone(),
                fresh.fingerprint.clone(),
                fresh.value.is_some(),
            ),
        }
    }

    /// Puts what loaded in place of what was loaded before.
    fn take_into(self, data: &mut crate::app::model::Data) {
        match self {
            Found::Workspace(fresh) => {
                if let Some(workspace) = fresh.value {
                    data.workspace = workspace;
                    data.workspace_fingerprint = fresh.fingerprint;
                    data.workspace_read_only = fresh.read_only;
                }
            }
            Found::Partner(fresh) => {
                let Some(file) = fresh.value else { return };
                match data.partner_index(&file.id) {
                    Some(index) => data.partners[index] = file,
                    None => {
                        data.partners.push(file);
                        data.partners.sort_by(|a, b| a.id.cmp(&b.id));
                    }
                }
            }
        }
    }
}

/// "partners/acme.ron changed on disk; your unsaved edit to it is kept (a copy is
/// in .trash/…): W merges it with theirs, Ctrl-l drops it" — true to what W can do
/// with the file as it is now, and naming the copy that exists.
fn kept_words(app: &App, doc: &Doc, now: &Now) -> String {
    let file = doc.file();
    let copy = match app.history.unsaved.get(doc) {
        Some(Unsaved {
            copy: Some(copy), ..
        }) => {
            let shown = copy.strip_prefix(app.store.root()).unwrap_or(copy);
            format!("a copy is in {}", shown.display())
        }
        Some(Unsaved { waiting: true, .. }) => "still waiting for the lock; no copy yet".into(),
        _ => "NO copy could be written".into(),
    };
    match now {
        Now::Loads { again: false } => format!(
            "{file} changed on disk; your unsaved edit to it is kept ({copy}): W merges it with theirs, Ctrl-l drops it"
        ),
        Now::Loads { again: true } => format!(
            "{file} loads again; your unsaved edit to it is kept ({copy}): W merges it with the file, Ctrl-l drops it"
        ),
        Now::DoesNotLoad => format!(
            "{file} changed on disk and does not load (! shows why); your unsaved edit to it is kept ({copy}): W cannot merge with it until it is fixed"
        ),
        Now::Gone => format!(
            "{file} was removed on disk; your unsaved edit to it is kept ({copy}): W cannot write over a removed file, Ctrl-l drops the edit"
        ),
    }
}

/// Whether the status line shows an error while edits are not on disk: the
/// reason a save failed and where its copy is, which a reload must not hide.
fn says_unsaved_error(app: &App) -> bool {
    !app.history.unsaved.is_empty()
        && app
            .status
            .as_ref()
            .is_some_and(|status| status.level == Level::Error)
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
