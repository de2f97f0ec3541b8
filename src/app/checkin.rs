//! The check-in's dealings with the disk, carried out for `apply`: opening it with
//! this user's drafts at hand; keeping the page's draft under `.drafts/<user>/` —
//! within a second of typing (the draft timer), and at once on leaving, skipping,
//! quitting or a hang-up — and removing it once the page is saved or discarded;
//! and, when a session starts, offering back what the last one left unsaved.

use std::time::{Duration, Instant};

use super::action::Answer;
use super::effect::{Effect, Level, StatusMessage};
use super::event::Timer;
use super::keymap::Context;
use super::overlays::{Choice, Overlay};
use super::screens::Layer;
use super::screens::checkin::{CheckinDraft, CheckinScreen, CheckinStart};
use super::state::App;

/// How long after a key the page's draft is written at the latest.
pub const DRAFT_DELAY: Duration = Duration::from_secs(1);

impl App {
    /// Opens the check-in as `start` asks, with this user's drafts filled into the
    /// pages they were typed on. A session that only looks cannot check in.
    pub fn start_checkin(&mut self, start: CheckinStart) {
        if let Some(why) = &self.data.read_only {
            let text = format!("read-only ({why}): a check-in is written, so it cannot start here");
            self.say(Level::Error, text);
            return;
        }
        if let Some(open) = self.view.checkin() {
            // At its summary it is done with; one left untouched (as `pactboard
            // checkin` opens it) gives way to the draft asked for; one with work
            // in it is never dropped.
            let done = open.page.is_none();
            let untouched = !open.is_dirty() && open.checked.is_empty() && open.skipped.is_empty();
            if !(done || untouched && start == CheckinStart::Resume) {
                self.say(Level::Info, "the check-in is open already");
                return;
            }
            self.view
                .layers
                .retain(|layer| !matches!(layer, Layer::Checkin(_)));
        }
        let drafts = self.checkin_drafts();
        match CheckinScreen::start(&self.data, start, drafts) {
            Ok((screen, said)) => {
                self.view.layers.push(Layer::Checkin(Box::new(screen)));
                self.status = said.map(|text| StatusMessage {
                    level: Level::Info,
                    text,
                });
            }
            Err(why) => self.say(Level::Info, why),
        }
    }

    /// This user's check-in drafts that can be read; one that cannot is left alone
    /// on disk (it is no partner data, and nothing here overwrites it unasked).
    pub fn checkin_drafts(&self) -> Vec<CheckinDraft> {
        let drafts = self.store.drafts();
        let user = &self.data.author;
        drafts
            .list(user)
            .into_iter()
            .filter_map(|key| drafts.load::<CheckinDraft>(user, &key).ok().flatten())
            .collect()
    }

    /// Something was typed on the check-in page: its draft is written within
    /// `DRAFT_DELAY` — when the timer set by the first key since the last write
    /// comes due, so even steady typing is never more than a second from the disk.
    pub fn touch_checkin_draft(&mut self) {
        if self.data.read_only.is_some() || self.view.checkin().is_none() {
            return;
        }
        if !self.timers.is_set(Timer::Draft) {
            self.timers.set(Timer::Draft, Instant::now() + DRAFT_DELAY);
        }
    }

    /// The draft timer: the page on screen is written as a draft when something
    /// is typed on it, and its draft removed when nothing is (any more).
    pub fn write_checkin_draft(&mut self) {
        let Some(checkin) = self.view.checkin() else {
            return;
        };
        let Some(partner) = checkin.partner().map(str::to_string) else {
            return;
        };
        match checkin.draft(&self.data).filter(|_| checkin.is_dirty()) {
            Some(draft) => self.save_checkin_draft(draft),
            None => self.remove_checkin_draft(&partner),
        }
    }

    /// Keeps the check-in page as a draft now, if something is typed on it: when
    /// the session ends by a signal or a lost terminal. Says whether one was kept.
    pub fn keep_checkin_draft(&mut self) -> bool {
        let draft = self
            .view
            .checkin()
            .filter(|checkin| checkin.is_dirty())
            .and_then(|checkin| checkin.draft(&self.data));
        match draft {
            Some(draft) => {
                self.save_checkin_draft(draft);
                true
            }
            None => false,
        }
    }

    /// Writes `draft` as this user's draft of its partner's check-in. Never in a
    /// session that only looks; a failure is said on the status line.
    pub fn save_checkin_draft(&mut self, mut draft: CheckinDraft) {
        if self.data.read_only.is_some() {
            return;
        }
        self.timers.cancel(Timer::Draft);
        draft.kept_at = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
        let saved = self
            .store
            .drafts()
            .save(&self.data.author, &draft.partner, &draft);
        if let Err(error) = saved {
            self.say(
                Level::Error,
                format!(
                    "what you typed for {} could not be kept as a draft: {error}",
                    draft.name
                ),
            );
        }
    }

    /// Removes this user's draft of `partner`'s check-in (saved, or discarded).
    pub fn remove_checkin_draft(&mut self, partner: &str) {
        if self.data.read_only.is_some() {
            return;
        }
        if let Err(error) = self.store.drafts().remove(&self.data.author, partner) {
            self.say(
                Level::Error,
                format!("the draft of the check-in could not be removed: {error}"),
            );
        }
    }

    /// At the start of a session: says which check-ins this user left unsaved when
    /// the last session ended, and offers to resume them or discard them (or to
    /// decide later: each comes back on its page). Drafts of pages the check-in
    /// opening now will reach anyway are not asked about.
    pub fn offer_checkin_drafts(&mut self) {
        if self.data.read_only.is_some() {
            return;
        }
        let coming: Vec<String> = self
            .view
            .checkin()
            .map(|checkin| checkin.queue.clone())
            .unwrap_or_default();
        let mut drafts: Vec<CheckinDraft> = self
            .checkin_drafts()
            .into_iter()
            .filter(|draft| !coming.contains(&draft.partner))
            .collect();
        drafts.sort_by(|a, b| b.kept_at.cmp(&a.kept_at));
        let Some(newest) = drafts.first() else {
            return;
        };
        let more = match drafts.len() {
            1 => String::new(),
            n => format!(
                " There are {} more: {}.",
                n - 1,
                drafts[1..]
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let question = format!(
            "Your last session ended before the check-in of {} was saved ({}): {}.{more}",
            newest.name,
            newest.kept_at,
            newest.page.words()
        );
        let discard = drafts
            .iter()
            .map(|draft| Effect::RemoveDraft(draft.partner.clone()))
            .chain([Effect::info(match drafts.len() {
                1 => "check-in draft discarded".to_string(),
                n => format!("{n} check-in drafts discarded"),
            })])
            .collect();
        let choice = Choice::new(
            Context::CheckinResume,
            question,
            vec![
                (
                    Answer::Resume,
                    vec![Effect::StartCheckin(CheckinStart::Resume)],
                ),
                (Answer::Discard, discard),
            ],
        )
        .on_back(vec![Effect::info(
            "the draft comes back on its partner's check-in page: c resumes the check-in",
        )]);
        self.view.overlays.push(Overlay::Choice(choice));
    }

    fn say(&mut self, level: Level, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            level,
            text: text.into(),
        });
    }
}
