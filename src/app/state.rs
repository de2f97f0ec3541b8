//! The running dashboard: the data, the store it came from, the edit history, what
//! is on screen (tabs, layers over them, overlays on top), the status line — and the
//! one rule that says which screen gets a key.

use std::time::Instant;

use chrono::NaiveDate;

use crate::cli::TodaySource;
use crate::store::{Snapshot, Store};

use super::effect::StatusMessage;
use super::event::Timers;
use super::history::History;
use super::keymap::Context;
use super::model::Data;
use super::overlays::Overlay;
use super::screens::{DetailScreen, Layer, Screen, SettingsScreen, Tab, Tabs};

/// What is on screen, front to back: overlays, then layers, then the current tab.
#[derive(Debug)]
pub struct View {
    pub tab: Tab,
    pub tabs: Tabs,
    /// Screens opened over the tabs, the last on top.
    pub layers: Vec<Layer>,
    /// Drawn over everything, the last on top; each takes the keyboard.
    pub overlays: Vec<Overlay>,
}

/// Which screen has the keyboard.
enum Focus {
    Overlay(usize),
    Layer(usize),
    Tab(Tab),
}

impl View {
    /// The ONE place that says who gets a key: the top overlay, else the top layer,
    /// else the current tab.
    fn focus_of(&self) -> Focus {
        if let Some(top) = self.overlays.len().checked_sub(1) {
            return Focus::Overlay(top);
        }
        self.screen_focus()
    }

    /// The same rule under the overlays: the screen the help is about.
    fn screen_focus(&self) -> Focus {
        match self.layers.len().checked_sub(1) {
            Some(top) => Focus::Layer(top),
            None => Focus::Tab(self.tab),
        }
    }

    fn resolve(&self, focus: Focus) -> &dyn Screen {
        match focus {
            Focus::Overlay(index) => self.overlays[index].screen(),
            Focus::Layer(index) => self.layers[index].screen(),
            Focus::Tab(tab) => self.tabs.get(tab),
        }
    }

    fn resolve_mut(&mut self, focus: Focus) -> &mut dyn Screen {
        match focus {
            Focus::Overlay(index) => self.overlays[index].screen_mut(),
            Focus::Layer(index) => self.layers[index].screen_mut(),
            Focus::Tab(tab) => self.tabs.get_mut(tab),
        }
    }

    /// The screen or overlay that has the keyboard.
    pub fn focus(&self) -> &dyn Screen {
        self.resolve(self.focus_of())
    }

    pub fn focus_mut(&mut self) -> &mut dyn Screen {
        let focus = self.focus_of();
        self.resolve_mut(focus)
    }

    /// The screen under any overlays.
    pub fn screen(&self) -> &dyn Screen {
        self.resolve(self.screen_focus())
    }

    pub fn screen_mut(&mut self) -> &mut dyn Screen {
        let focus = self.screen_focus();
        self.resolve_mut(focus)
    }

    /// Shows `tab`, closing the layers; the tab is told it was entered when it was
    /// not already the one showing.
    pub fn enter(&mut self, tab: Tab, data: &Data) {
        let arriving = self.tab != tab || !self.layers.is_empty();
        self.layers.clear();
        self.tab = tab;
        if arriving {
            self.tabs.get_mut(tab).entered(data);
        }
    }

    /// Work on any screen that no file holds yet (see `Screen::unsaved`).
    pub fn unsaved_work(&self) -> Vec<String> {
        Tab::ALL
            .iter()
            .map(|tab| self.tabs.get(*tab))
            .chain(self.layers.iter().map(Layer::screen))
            .filter_map(Screen::unsaved)
            .collect()
    }

    /// The partner detail, when it is the top layer.
    pub fn detail(&self) -> Option<&DetailScreen> {
        match self.layers.last() {
            Some(Layer::Detail(detail)) => Some(detail),
            _ => None,
        }
    }

    pub fn detail_mut(&mut self) -> Option<&mut DetailScreen> {
        match self.layers.last_mut() {
            Some(Layer::Detail(detail)) => Some(detail),
            _ => None,
        }
    }

    /// The workspace settings, when they are the top layer.
    pub fn settings(&self) -> Option<&SettingsScreen> {
        match self.layers.last() {
            Some(Layer::Settings(settings)) => Some(settings),
            _ => None,
        }
    }
}

/// The whole dashboard.
pub struct App {
    pub data: Data,
    pub store: Store,
    /// Undo, redo, and what is not yet on disk.
    pub history: History,
    pub view: View,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    /// What wakes the event loop without a key (the new day at midnight).
    pub timers: Timers,
    /// The data directory as the status line shows it.
    pub data_label: String,
    /// Since when a write has been waiting for another session's lock.
    pub lock_wait_started: Option<std::time::Instant>,
    /// Drafts of forms from a session that ended while they were open, by key.
    pub drafts: Vec<(String, super::shared::FormDraft)>,
    /// When the key being handled was pressed, as the event loop read the clock
    /// (tests set it): quick presses on one thing make one undo step. `None` until
    /// a key came in through the loop.
    pub now: Option<Instant>,
    /// Where `Ctrl-p` writes reports: the working directory pactboard started in
    /// (`None` when it could not be read). Tests point it elsewhere.
    pub report_dir: Option<std::path::PathBuf>,
}

impl App {
    pub fn new(
        store: Store,
        snapshot: Snapshot,
        today: NaiveDate,
        today_source: TodaySource,
        author: String,
    ) -> Self {
        // A save waits only briefly for another session's lock; the rest of the wait
        // is on a timer, so the screen never freezes (see `saving`).
        let store = store
            .with_lock_wait(super::saving::LOCK_WAIT)
            .with_user(author.clone());
        let data = Data::new(snapshot, today, today_source, author);
        let data_label = store.root().display().to_string();
        let tabs = Tabs::new(&data);
        Self {
            data,
            store,
            history: History::default(),
            view: View {
                tab: Tab::Overview,
                tabs,
                layers: Vec::new(),
                overlays: Vec::new(),
            },
            status: None,
            should_quit: false,
            timers: Timers::default(),
            data_label,
            lock_wait_started: None,
            drafts: Vec::new(),
            now: None,
            report_dir: std::env::current_dir().ok(),
        }
    }

    /// The key context in force: the focused screen's.
    pub fn context(&self) -> Context {
        self.view.focus().context()
    }

    /// The context of the screen under any overlays, whose keys the help lists.
    pub fn screen_context(&self) -> Context {
        self.view.screen().context()
    }

    /// After any change to the data: recompute the figures and let every screen keep
    /// its selection on what it was; a layer whose subject is gone closes.
    pub fn data_changed(&mut self) {
        self.data.refresh();
        self.screens_follow();
    }

    fn screens_follow(&mut self) {
        let View { tabs, layers, .. } = &mut self.view;
        for tab in Tab::ALL {
            tabs.get_mut(tab).data_changed(&self.data);
        }
        layers.retain(|layer| layer.screen().still_open(&self.data));
        for layer in layers {
            layer.screen_mut().data_changed(&self.data);
        }
    }

    /// A session left open past midnight moves to the new day (only when "today"
    /// comes from the clock: a pinned or demo date stays put).
    pub fn follow_clock(&mut self, now: NaiveDate) {
        if self.data.follow_clock(now) {
            self.screens_follow();
        }
    }

    pub fn switch_tab(&mut self, tab: Tab) {
        self.view.enter(tab, &self.data);
        // A message belongs to what was on screen; unsaved edits keep their own marker.
        self.status = None;
    }

    pub fn partner_data(&self, id: &str) -> Option<&crate::domain::Partner> {
        self.data.partner_data(id)
    }
}
