//! Confirmed edits: each is written through the store at once, recorded for undo and
//! redo, and — when the write fails — kept in memory and reported, never dropped.

use std::collections::BTreeMap;

use crate::domain::Partner;
use crate::domain::ids::IdGenerator;
use crate::store::{PartnerFile, SaveError};

use super::state::App;

/// One confirmed change to one partner: its value before and after (`None`: the
/// partner did not exist / was deleted).
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub partner: String,
    pub before: Option<Partner>,
    pub after: Option<Partner>,
    pub description: String,
}

/// Undo and redo stacks, and the partners whose latest change is not on disk.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    /// Partner id → why its last write failed.
    pub unsaved: BTreeMap<String, String>,
}

/// How a change ended.
enum Written {
    /// On disk.
    Saved,
    /// In memory only; the reason the write failed.
    Kept(String),
}

/// Puts `value` in place of partner `id` (adding or deleting it) and writes it.
/// `Err` means nothing changed, in memory or on disk.
fn set_partner(app: &mut App, id: &str, value: Option<Partner>) -> Result<Written, String> {
    let index = app.partner_index(id);
    if let Some(index) = index
        && app.partners[index].read_only
    {
        return Err(SaveError::ReadOnly {
            file: crate::store::Store::partner_file(id),
        }
        .to_string());
    }
    match value {
        Some(partner) => {
            let index = match index {
                Some(index) => {
                    app.partners[index].partner = partner;
                    index
                }
                None => {
                    app.partners.push(PartnerFile {
                        id: id.to_string(),
                        partner,
                        fingerprint: None,
                        read_only: false,
                    });
                    app.partners.sort_by(|a, b| a.id.cmp(&b.id));
                    app.partner_index(id).unwrap_or(0)
                }
            };
            Ok(write_partner(app, index))
        }
        None => {
            let Some(index) = index else {
                return Ok(Written::Saved);
            };
            if let Some(fingerprint) = app.partners[index].fingerprint.clone() {
                app.store
                    .trash_partner(id, &fingerprint)
                    .map_err(|error| error.to_string())?;
            }
            app.partners.remove(index);
            app.history.unsaved.remove(id);
            Ok(Written::Saved)
        }
    }
}

/// Writes `app.partners[index]` as it is in memory.
fn write_partner(app: &mut App, index: usize) -> Written {
    let file = &app.partners[index];
    match app
        .store
        .save_partner(&file.id, &file.partner, file.fingerprint.as_ref())
    {
        Ok(fingerprint) => {
            let id = file.id.clone();
            app.partners[index].fingerprint = Some(fingerprint);
            if app.history.unsaved.remove(&id).is_some() {
                app.store.clear_rescue(&id);
            }
            Written::Saved
        }
        Err(error) => {
            let mut message = error.to_string();
            // Kept in memory, and — when the disk allows — in a file too, so a crash
            // or a dropped connection cannot take the edit with it.
            if let Ok(path) = app.store.rescue(&file.id, &file.partner) {
                let shown = path.strip_prefix(app.store.root()).unwrap_or(&path);
                message.push_str(&format!(" (a copy is in {})", shown.display()));
            }
            app.history.unsaved.insert(file.id.clone(), message.clone());
            Written::Kept(message)
        }
    }
}

fn report(app: &mut App, written: Written, done: &str) {
    match written {
        Written::Saved => app.info(format!("{done} — saved")),
        Written::Kept(reason) => app.error(format!(
            "NOT SAVED ({done}): {reason}. The change is kept here: W writes it again, Ctrl-l drops it and reloads"
        )),
    }
}

/// New record ids, seeded from who is editing, the moment and this process: two
/// sessions adding to one partner at once practically never pick the same id.
fn id_generator(author: &str) -> IdGenerator {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    IdGenerator::new(IdGenerator::seed_from(&[
        author.as_bytes(),
        &nanos.to_le_bytes(),
        &std::process::id().to_le_bytes(),
    ]))
}

/// Applies and writes a change to partner `id`, recording it for undo. Returns
/// whether the change was made (in memory, and on disk unless reported otherwise).
/// Records the change adds get their ids here.
pub fn commit(app: &mut App, id: &str, after: Option<Partner>, description: String) -> bool {
    let after = after.map(|mut partner| {
        partner.fill_generated_ids(&mut id_generator(&app.author));
        partner
    });
    let before = app.partner_data(id).cloned();
    if before == after {
        app.info("nothing changed");
        return false;
    }
    match set_partner(app, id, after.clone()) {
        Err(reason) => {
            app.error(format!("not done ({description}): {reason}"));
            false
        }
        Ok(written) => {
            app.history.undo.push(Edit {
                partner: id.to_string(),
                before,
                after,
                description: description.clone(),
            });
            app.history.redo.clear();
            report(app, written, &description);
            app.data_changed();
            true
        }
    }
}

/// Which way through the history a replay goes.
#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

/// `u` and `Ctrl-r`: takes the last edit off one stack, applies its `before` (undo)
/// or `after` (redo), writes it, and puts it on the other stack.
fn replay(app: &mut App, direction: Direction) {
    let (verb, past) = match direction {
        Direction::Undo => ("undo", "undid"),
        Direction::Redo => ("redo", "redid"),
    };
    let popped = match direction {
        Direction::Undo => app.history.undo.pop(),
        Direction::Redo => app.history.redo.pop(),
    };
    let Some(edit) = popped else {
        app.info(format!("nothing to {verb}"));
        return;
    };
    let value = match direction {
        Direction::Undo => edit.before.clone(),
        Direction::Redo => edit.after.clone(),
    };
    match set_partner(app, &edit.partner, value) {
        Err(reason) => {
            app.error(format!("cannot {verb} {}: {reason}", edit.description));
            match direction {
                Direction::Undo => app.history.undo.push(edit),
                Direction::Redo => app.history.redo.push(edit),
            }
        }
        Ok(written) => {
            let done = format!("{past}: {}", edit.description);
            match direction {
                Direction::Undo => app.history.redo.push(edit),
                Direction::Redo => app.history.undo.push(edit),
            }
            report(app, written, &done);
            app.data_changed();
        }
    }
}

/// `u`: puts back the state before the last edit of this session, and writes it.
pub fn undo(app: &mut App) {
    replay(app, Direction::Undo);
}

/// `Ctrl-r`: applies the last undone edit again.
pub fn redo(app: &mut App) {
    replay(app, Direction::Redo);
}

/// `Ctrl-l`: reads the data directory again. Undo history goes with the old
/// state: replaying it over files someone else changed would clobber their work.
pub fn reload(app: &mut App) {
    match app.store.load() {
        Ok(snapshot) => {
            app.workspace = snapshot.workspace;
            app.workspace_fingerprint = snapshot.workspace_fingerprint;
            app.partners = snapshot.partners;
            app.load_errors = snapshot.errors;
            app.history = History::default();
            app.data_changed();
            app.info(format!(
                "reloaded {} partners from disk; undo history cleared",
                app.partners.len()
            ));
        }
        Err(error) => app.error(format!("cannot reload: {error}")),
    }
}

/// `W`: tries again to write every partner whose last write failed.
pub fn write_unsaved(app: &mut App) {
    let ids: Vec<String> = app.history.unsaved.keys().cloned().collect();
    if ids.is_empty() {
        app.info("everything is saved");
        return;
    }
    let mut failures = Vec::new();
    for id in &ids {
        if let Some(index) = app.partner_index(id) {
            if let Written::Kept(reason) = write_partner(app, index) {
                failures.push(reason);
            }
        } else {
            app.history.unsaved.remove(id);
        }
    }
    match failures.first() {
        None => app.info(format!("saved {} partner(s)", ids.len())),
        Some(reason) => app.error(format!(
            "still NOT SAVED ({} of {}): {reason}",
            failures.len(),
            ids.len()
        )),
    }
}
