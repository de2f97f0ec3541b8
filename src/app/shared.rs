//! The dashboard on a shared data directory: watching it for teammates' saves,
//! keeping what was typed into open forms when the session ends by a signal or a
//! lost terminal (and giving it back next time), and sessions that only look.

use std::sync::mpsc::Sender;

use serde::{Deserialize, Serialize};

use crate::store::watch::{Changed, WatchMode, Watcher, watch};

use super::effect::{Confirm, Effect, Level, StatusMessage};
use super::event::AppEvent;
use super::form::Typed;
use super::history::Doc;
use super::overlays::{FormOverlay, Overlay};
use super::state::App;

/// What was typed into an open form, kept in the draft store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    pub title: String,
    /// The form's identity (`FormOverlay::identity`): the same form opened again
    /// gets the text back.
    pub form: String,
    /// When it was kept, local time, `YYYY-MM-DD HH:MM`.
    pub kept_at: String,
    pub typed: Vec<Typed>,
}

/// Drafts of forms are named `form-1`, `form-2`… in the user's drafts.
const FORM_DRAFT: &str = "form-";

impl App {
    /// Makes this a session that only looks: a banner says so and why, and every
    /// edit is refused up front. Nothing is written — no save, no rescue copy, no
    /// draft.
    pub fn set_read_only(&mut self, why: impl Into<String>) {
        self.data.read_only = Some(why.into());
    }

    /// Starts watching the data directory; each change reaches the loop as
    /// `AppEvent::Disk`. Polling (a network filesystem, or `PACTBOARD_WATCH=poll`)
    /// is said once on the status line; `PACTBOARD_WATCH=off` watches nothing.
    pub fn watch(&mut self, sender: Sender<AppEvent>) -> Option<Watcher> {
        let mode = std::env::var("PACTBOARD_WATCH").unwrap_or_default();
        if mode == "off" {
            return None;
        }
        let send = move |changed: Vec<Changed>| {
            let docs = changed
                .into_iter()
                .map(|change| match change {
                    Changed::Workspace => Doc::Workspace,
                    Changed::Partner(id) => Doc::Partner(id),
                })
                .collect();
            let _ = sender.send(AppEvent::Disk(docs));
        };
        match watch(self.store.root(), mode == "poll", send) {
            Ok(watcher) => {
                if let WatchMode::Polling(why) = &watcher.mode {
                    self.say_once(format!(
                        "looking for teammates' changes every 2 s: {why} (an idle dashboard uses a little CPU)"
                    ));
                }
                Some(watcher)
            }
            Err(why) => {
                self.say_once(format!(
                    "cannot watch the data directory ({why}): Ctrl-l reads teammates' changes"
                ));
                None
            }
        }
    }

    /// Says `text` unless something is on the status line already.
    fn say_once(&mut self, text: String) {
        if self.status.is_none() {
            self.status = Some(StatusMessage {
                level: Level::Info,
                text,
            });
        }
    }

    /// Keeps what was typed into every open form that has something typed, as this
    /// user's drafts. Called when the session ends by a signal or a lost terminal;
    /// never in a read-only session. Returns how many were kept.
    pub fn save_drafts(&mut self) -> usize {
        if self.data.read_only.is_some() {
            return 0;
        }
        let kept_at = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
        let drafts = self.store.drafts();
        let mut kept = 0;
        for overlay in &self.view.overlays {
            let Overlay::Form(form) = overlay else {
                continue;
            };
            if !form.form.is_dirty() {
                continue;
            }
            let draft = FormDraft {
                title: form.form.title.clone(),
                form: form.identity(),
                kept_at: kept_at.clone(),
                typed: form.form.typed(),
            };
            // A draft that cannot be written is lost with the session; there is no
            // one left to tell.
            if drafts
                .save(
                    &self.data.author,
                    &format!("{FORM_DRAFT}{}", kept + 1),
                    &draft,
                )
                .is_ok()
            {
                kept += 1;
            }
        }
        kept
    }

    /// At the start of a session: reads this user's drafts of forms from a session
    /// that ended while they were typing, and says what there is — it comes back
    /// when the same form is opened again, or can be discarded now.
    pub fn offer_drafts(&mut self) {
        let drafts = self.store.drafts();
        let user = self.data.author.clone();
        self.drafts = drafts
            .list(&user)
            .into_iter()
            .filter(|key| key.starts_with(FORM_DRAFT))
            .filter_map(|key| {
                let draft = drafts.load::<FormDraft>(&user, &key).ok()??;
                Some((key, draft))
            })
            .collect();
        let Some((_, first)) = self.drafts.first() else {
            return;
        };
        let typed: Vec<String> = first
            .typed
            .iter()
            .filter(|field| !field.text.trim().is_empty())
            .take(2)
            .map(|field| {
                format!(
                    "{}: “{}”",
                    field.label,
                    crate::text::truncate(&field.text, 40)
                )
            })
            .collect();
        let more = match self.drafts.len() {
            1 => String::new(),
            n => format!(" (and {} more forms)", n - 1),
        };
        let question = format!(
            "Your last session ended while you were typing in “{}” ({}){more}: {}. It comes back when you open that form again. Discard it instead?",
            first.title,
            first.kept_at,
            typed.join(", ")
        );
        self.view.overlays.push(Overlay::Confirm(Confirm::new(
            question,
            vec![Effect::DiscardDrafts],
        )));
    }

    /// Deletes the drafts offered at the start.
    pub fn discard_drafts(&mut self) {
        let drafts = self.store.drafts();
        let mut failed = None;
        for (key, _) in std::mem::take(&mut self.drafts) {
            if let Err(error) = drafts.remove(&self.data.author, &key) {
                failed = Some(error.to_string());
            }
        }
        self.status = Some(match failed {
            None => StatusMessage {
                level: Level::Info,
                text: "draft discarded".into(),
            },
            Some(why) => StatusMessage {
                level: Level::Error,
                text: format!("the draft could not be removed: {why}"),
            },
        });
    }

    /// When a form opens that a draft was kept for, fills in what was typed and
    /// removes the draft.
    pub fn restore_draft(&mut self, form: &mut FormOverlay) {
        let identity = form.identity();
        let Some(position) = self
            .drafts
            .iter()
            .position(|(_, draft)| draft.form == identity)
        else {
            return;
        };
        let (key, draft) = self.drafts.remove(position);
        form.form.restore(&draft.typed);
        let _ = self.store.drafts().remove(&self.data.author, &key);
        self.status = Some(StatusMessage {
            level: Level::Info,
            text: format!(
                "brought back what you typed before your last session ended ({})",
                draft.kept_at
            ),
        });
    }
}
