//! Writing a document the dashboard changed, on a data directory others change too:
//! a file changed on disk is merged with, not refused; a real clash (one field
//! changed both ways) opens the clash dialog; another session's lock is waited for
//! on a timer, never by freezing the screen; and an edit that cannot be written is
//! kept in memory and in a rescue copy — with every message naming exactly the
//! copies that exist, and saying so when none could be written.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::store::{FieldConflict, Merged, SaveError, Saved, Store};

use super::effect::{Level, Resolution, StatusMessage};
use super::event::Timer;
use super::history::{Content, Doc, Unsaved};
use super::overlays::{ClashOverlay, Overlay};
use super::state::App;

/// How long the dashboard waits for a save's lock before it redraws (the rest of
/// the wait happens on a timer, with the screen alive).
pub const LOCK_WAIT: Duration = Duration::from_millis(100);

/// How often a write waiting for the lock is tried again, and for how long in all.
const RETRY_EVERY: Duration = Duration::from_millis(250);
const GIVE_UP_AFTER: Duration = Duration::from_secs(4);

/// How a write ended.
pub enum Written {
    /// On disk.
    Saved,
    /// On disk, merged with changes made there by someone else (described).
    Merged(String),
    /// Waiting for another session's lock; tried again by a timer.
    Waiting(String),
    /// In memory only; why, and which copy exists.
    Kept(String),
}

impl Written {
    /// Whether the document on disk was changed by someone else meanwhile, so the
    /// undo history of it no longer applies.
    pub fn merged(&self) -> bool {
        matches!(self, Written::Merged(_))
    }
}

/// Writes `doc` as it is in memory, merging with the file on disk if it changed.
pub fn write(app: &mut App, doc: &Doc) -> Written {
    let result = save(app, doc, Settle::Refuse);
    finish(app, doc, result)
}

/// How a clash is settled by a save.
enum Settle<'a> {
    Refuse,
    By(&'a Resolution),
}

/// Saves `doc`; on a merge the document in memory becomes the merged one.
fn save(app: &mut App, doc: &Doc, settle: Settle) -> Result<Option<String>, SaveError> {
    let keep = match settle {
        Settle::Refuse => None,
        Settle::By(Resolution::Keep(keep)) => Some(*keep),
        Settle::By(Resolution::Typed(_)) => None,
    };
    let typed = match settle {
        Settle::By(Resolution::Typed(typed)) => Some(typed.as_slice()),
        _ => None,
    };
    match doc {
        Doc::Workspace => {
            let expected = app.data.workspace_fingerprint.as_ref();
            let saved = match typed {
                Some(typed) => {
                    app.store
                        .save_workspace_resolved(&app.data.workspace, expected, typed)
                }
                None => app
                    .store
                    .save_workspace_merging(&app.data.workspace, expected, keep),
            }?;
            let Saved {
                fingerprint,
                merged,
            } = saved;
            app.data.workspace_fingerprint = Some(fingerprint);
            Ok(merged.map(|merged| {
                let note = merged_note(&merged);
                app.data.workspace = merged.value;
                note
            }))
        }
        Doc::Partner(id) => {
            let Some(index) = app.data.partner_index(id) else {
                return Ok(None);
            };
            let file = &app.data.partners[index];
            let expected = file.fingerprint.as_ref();
            let saved = match typed {
                Some(typed) => {
                    app.store
                        .save_partner_resolved(&file.id, &file.partner, expected, typed)
                }
                None => app
                    .store
                    .save_partner_merging(&file.id, &file.partner, expected, keep),
            }?;
            let file = &mut app.data.partners[index];
            file.fingerprint = Some(saved.fingerprint);
            Ok(saved.merged.map(|merged| {
                let note = merged_note(&merged);
                file.partner = merged.value;
                note
            }))
        }
    }
}

/// "lee's change on disk (summary changed)" — what came in, and who made it where
/// the records say.
fn merged_note<T>(merged: &Merged<T>) -> String {
    let who = match merged.authors.as_slice() {
        [] => "a change made on disk".to_string(),
        [one] => format!("{one}'s change on disk"),
        many => format!("changes on disk by {}", many.join(", ")),
    };
    let what = match merged.theirs_changed.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one})"),
        [first, rest @ ..] => format!(" ({first}, and {} more)", rest.len()),
    };
    format!("{who}{what}")
}

fn finish(app: &mut App, doc: &Doc, result: Result<Option<String>, SaveError>) -> Written {
    match result {
        Ok(merged) => {
            // The file holds what is in memory now.
            app.data.on_disk.remove(doc);
            if let Some(kept) = app.history.unsaved.remove(doc)
                && let Some(copy) = kept.copy
            {
                app.store.clear_rescue(&copy);
            }
            match merged {
                Some(note) => Written::Merged(format!(
                    "merged with {note}; undo starts afresh for {}",
                    doc.file()
                )),
                None => Written::Saved,
            }
        }
        Err(SaveError::Locked { holder, .. }) => {
            let holder = holder.unwrap_or_else(|| "another pactboard".into());
            let started = *app.lock_wait_started.get_or_insert_with(Instant::now);
            if started.elapsed() < GIVE_UP_AFTER {
                let previous = app
                    .history
                    .unsaved
                    .get(doc)
                    .and_then(|kept| kept.copy.clone());
                app.history.unsaved.insert(
                    doc.clone(),
                    Unsaved {
                        reason: format!("waiting for the lock held by {holder}"),
                        copy: previous,
                        waiting: true,
                    },
                );
                app.timers
                    .set(Timer::RetrySave, Instant::now() + RETRY_EVERY);
                Written::Waiting(holder)
            } else {
                let error = SaveError::Locked {
                    file: doc.file(),
                    holder: Some(format!(
                        "{holder} (for more than {} s)",
                        GIVE_UP_AFTER.as_secs()
                    )),
                };
                Written::Kept(keep_unsaved(app, doc, &error))
            }
        }
        Err(error @ SaveError::Conflict { .. }) => {
            let reason = keep_unsaved(app, doc, &error);
            if let SaveError::Conflict { fields, seen, .. } = error {
                // What the save found on disk is known now: its file event later is
                // nothing new, and must not cover this message.
                app.data.on_disk.insert(doc.clone(), seen);
                if !fields.is_empty() {
                    open_clash(app, doc, fields);
                }
            }
            Written::Kept(reason)
        }
        Err(error) => Written::Kept(keep_unsaved(app, doc, &error)),
    }
}

/// Shows the clash dialog for `doc` (replacing one already open for it).
fn open_clash(app: &mut App, doc: &Doc, fields: Vec<FieldConflict>) {
    app.view
        .overlays
        .retain(|overlay| !matches!(overlay, Overlay::Clash(open) if open.doc == *doc));
    app.view
        .overlays
        .push(Overlay::Clash(ClashOverlay::new(doc.clone(), fields)));
}

/// Records `doc` as unsaved and writes a new rescue copy of it (then drops this
/// session's older copy: the newest edit is what must survive). Says why, and
/// names the copy only when it is on disk — or says that none could be written.
fn keep_unsaved(app: &mut App, doc: &Doc, error: &SaveError) -> String {
    let now = chrono::Local::now().naive_local();
    let copy = match app.data.content(doc) {
        Some(Content::Workspace(workspace)) => {
            rescue(&app.store, doc, &app.data.author, now, &*workspace)
        }
        Some(Content::Partner(partner)) => {
            rescue(&app.store, doc, &app.data.author, now, &*partner)
        }
        None => Err("the document is gone".into()),
    };
    let mut reason = error.to_string();
    match &copy {
        Ok(path) => {
            let shown = path.strip_prefix(app.store.root()).unwrap_or(path);
            reason.push_str(&format!(" (a copy is in {})", shown.display()));
        }
        Err(why) => reason.push_str(&format!(" (and NO copy could be written: {why})")),
    }
    let copy = copy.ok();
    let previous = app.history.unsaved.insert(
        doc.clone(),
        Unsaved {
            reason: reason.clone(),
            copy: copy.clone(),
            waiting: false,
        },
    );
    match previous.and_then(|kept| kept.copy) {
        // The new copy stands for the edit now.
        Some(old) if copy.is_some() => app.store.clear_rescue(&old),
        // No new copy: the older one is all there is; keep naming it.
        Some(old) => {
            if let Some(kept) = app.history.unsaved.get_mut(doc) {
                let shown = old.strip_prefix(app.store.root()).unwrap_or(&old);
                kept.reason
                    .push_str(&format!("; an earlier copy is in {}", shown.display()));
                reason = kept.reason.clone();
                kept.copy = Some(old);
            }
        }
        None => {}
    }
    reason
}

fn rescue<T: serde::Serialize>(
    store: &Store,
    doc: &Doc,
    user: &str,
    now: chrono::NaiveDateTime,
    value: &T,
) -> Result<PathBuf, String> {
    store
        .rescue(&doc.stem(), user, now, value)
        .map_err(|error| error.to_string())
}

/// The status line after a write.
pub fn report(app: &mut App, written: Written, done: &str) {
    let (level, text) = match written {
        Written::Saved => (Level::Info, format!("{done} — saved")),
        Written::Merged(note) => (Level::Info, format!("{done} — saved, {note}")),
        Written::Waiting(holder) => (
            Level::Info,
            format!("{done} — waiting to save: {holder} holds the data directory's lock…"),
        ),
        Written::Kept(reason) => (
            Level::Error,
            format!(
                "NOT SAVED ({done}): {reason}. The change is kept here: W writes it again, Ctrl-l drops it and reloads"
            ),
        ),
    };
    let text = match locking_note(app) {
        Some(note) => format!("{text} ({note})"),
        None => text,
    };
    app.status = Some(StatusMessage { level, text });
}

/// Said once a session: the filesystem cannot lock, so two saves in the same
/// instant are kept apart by the content check alone.
fn locking_note(app: &App) -> Option<&'static str> {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SAID: AtomicBool = AtomicBool::new(false);
    (app.store.locking_unsupported() && !SAID.swap(true, Ordering::Relaxed))
        .then_some("this filesystem cannot lock files; saves still never overwrite a changed file")
}

/// `W`: tries again to write every document whose last write failed.
pub fn write_unsaved(app: &mut App) {
    let docs: Vec<Doc> = app.history.unsaved.keys().cloned().collect();
    if docs.is_empty() {
        say(app, Level::Info, "everything is saved");
        return;
    }
    app.lock_wait_started = None;
    let mut failures = Vec::new();
    let mut waiting = None;
    let mut merges = Vec::new();
    for doc in &docs {
        if app.data.content(doc).is_none() {
            app.history.unsaved.remove(doc);
            continue;
        }
        match write(app, doc) {
            Written::Kept(reason) => failures.push(reason),
            Written::Waiting(holder) => waiting = Some(holder),
            Written::Merged(note) => {
                app.history.forget(doc);
                merges.push(note);
            }
            Written::Saved => {}
        }
    }
    app.data_changed();
    match (failures.first(), waiting) {
        (Some(reason), _) => say(
            app,
            Level::Error,
            format!(
                "still NOT SAVED ({} of {}): {reason}",
                failures.len(),
                docs.len()
            ),
        ),
        (None, Some(holder)) => say(
            app,
            Level::Info,
            format!("waiting to save: {holder} holds the data directory's lock…"),
        ),
        (None, None) => {
            let mut text = format!("saved {}", files(&docs));
            for note in merges {
                text.push_str(&format!("; {note}"));
            }
            say(app, Level::Info, text);
        }
    }
}

/// The timer: writes waiting for the lock are tried again.
pub fn retry_waiting(app: &mut App, _now: Instant) {
    let docs: Vec<Doc> = app
        .history
        .unsaved
        .iter()
        .filter(|(_, kept)| kept.waiting)
        .map(|(doc, _)| doc.clone())
        .collect();
    if docs.is_empty() {
        app.lock_wait_started = None;
        return;
    }
    let mut still_waiting = None;
    let mut outcome = Vec::new();
    for doc in &docs {
        match write(app, doc) {
            Written::Waiting(holder) => still_waiting = Some(holder),
            Written::Merged(note) => {
                app.history.forget(doc);
                outcome.push((Level::Info, format!("saved {} — {note}", doc.file())));
            }
            Written::Saved => outcome.push((Level::Info, format!("saved {}", doc.file()))),
            Written::Kept(reason) => outcome.push((
                Level::Error,
                format!(
                    "NOT SAVED ({}): {reason}. The change is kept here: W writes it again, Ctrl-l drops it and reloads",
                    doc.file()
                ),
            )),
        }
    }
    app.data_changed();
    if still_waiting.is_none() {
        app.lock_wait_started = None;
    }
    if let Some((level, text)) = outcome
        .iter()
        .find(|(level, _)| *level == Level::Error)
        .or(outcome.first())
        .cloned()
    {
        say(app, level, text);
    } else if let Some(holder) = still_waiting {
        say(
            app,
            Level::Info,
            format!("waiting to save: {holder} holds the data directory's lock…"),
        );
    }
}

/// Settles the clash on `doc` as the dialog chose, and writes it.
pub fn resolve(app: &mut App, doc: &Doc, resolution: &Resolution) {
    if !app.history.unsaved.contains_key(doc) {
        say(app, Level::Info, format!("{} is saved already", doc.file()));
        return;
    }
    app.lock_wait_started = None;
    let result = save(app, doc, Settle::By(resolution));
    let how = match resolution {
        Resolution::Keep(crate::store::Keep::Mine) => "kept your values",
        Resolution::Keep(crate::store::Keep::Theirs) => "took the values on disk",
        Resolution::Typed(_) => "used the values you typed",
    };
    let written = finish(app, doc, result);
    if written.merged() {
        app.history.forget(doc);
    }
    app.data_changed();
    report(app, written, &format!("{how} in {}", doc.file()));
}

fn say(app: &mut App, level: Level, text: impl Into<String>) {
    app.status = Some(StatusMessage {
        level,
        text: text.into(),
    });
}

fn files(docs: &[Doc]) -> String {
    docs.iter().map(Doc::file).collect::<Vec<_>>().join(", ")
}
