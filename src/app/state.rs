//! The dashboard's state: the loaded data and its derived summary, the selected tab,
//! each screen's view state, the overlays, and the status line.

use chrono::NaiveDate;

use crate::cli::TodaySource;
use crate::domain::portfolio::PortfolioSummary;
use crate::domain::{Partner, Workspace};
use crate::report::summary_of;
use crate::store::{Fingerprint, LoadError, PartnerFile, Snapshot, Store};

use super::detail::{Item, Section};
use super::edit::History;
use super::forms::FormPurpose;
use super::keymap::Context;
use super::pipeline::PipelineState;
use crate::app::form::Form;
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Overview,
    Pipeline,
    Timeline,
    Scoring,
    Scorecard,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Pipeline,
        Tab::Timeline,
        Tab::Scoring,
        Tab::Scorecard,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Pipeline => "Pipeline",
            Tab::Timeline => "Timeline",
            Tab::Scoring => "Scoring",
            Tab::Scorecard => "Scorecard",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|tab| *tab == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    pub fn context(self) -> Context {
        match self {
            Tab::Overview => Context::Overview,
            Tab::Pipeline => Context::Pipeline,
            Tab::Timeline => Context::Timeline,
            Tab::Scoring => Context::Scoring,
            Tab::Scorecard => Context::Scorecard,
        }
    }
}

/// Something drawn over the screen that takes the keyboard while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: u16 },
    LoadErrors { scroll: u16 },
    Form(Box<FormOverlay>),
    Confirm(Confirm),
}

impl Overlay {
    pub fn context(&self) -> Context {
        match self {
            Overlay::Help { .. } => Context::Help,
            Overlay::LoadErrors { .. } => Context::LoadErrors,
            Overlay::Form(_) => Context::Form,
            Overlay::Confirm(_) => Context::Confirm,
        }
    }
}

/// An open form and what it edits.
#[derive(Debug, Clone)]
pub struct FormOverlay {
    pub form: Form,
    pub purpose: FormPurpose,
}

/// A yes/no question that names what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub purpose: ConfirmPurpose,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmPurpose {
    DeletePartner {
        id: String,
    },
    DeleteItem {
        id: String,
        item: Item,
    },
    /// Close the form under this question, dropping what was typed.
    DiscardForm,
    QuitWithUnsaved,
    ReloadDiscarding,
}

/// The partner detail, opened from a list; `Esc` goes back to `return_to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailView {
    pub partner: String,
    pub section: Section,
    /// Index into `detail::items(partner, section)`.
    pub selected: usize,
    pub return_to: Tab,
}

impl DetailView {
    pub fn new(partner: impl Into<String>, return_to: Tab) -> Self {
        Self {
            partner: partner.into(),
            section: Section::Profile,
            selected: 0,
            return_to,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// The last thing worth telling the user: a save, an undo, an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub level: Level,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewState {
    pub selected: usize,
}

/// The whole dashboard.
pub struct App {
    pub store: Store,
    pub workspace: Workspace,
    pub workspace_fingerprint: Option<Fingerprint>,
    pub partners: Vec<PartnerFile>,
    pub load_errors: Vec<LoadError>,
    pub today: NaiveDate,
    pub today_source: TodaySource,
    pub author: String,
    /// Derived figures for everything above; refreshed after every change.
    pub summary: PortfolioSummary,
    pub tab: Tab,
    pub overview: OverviewState,
    pub pipeline: PipelineState,
    pub detail: Option<DetailView>,
    /// Undo, redo, and what is not yet on disk.
    pub history: History,
    pub overlays: Vec<Overlay>,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    pub theme: Theme,
    /// The data directory as the status line shows it.
    pub data_label: String,
}

impl App {
    pub fn new(
        store: Store,
        snapshot: Snapshot,
        today: NaiveDate,
        today_source: TodaySource,
        author: String,
    ) -> Self {
        let summary = summary_of(&snapshot, today);
        let data_label = store.root().display().to_string();
        let mut app = Self {
            store,
            workspace: snapshot.workspace,
            workspace_fingerprint: snapshot.workspace_fingerprint,
            partners: snapshot.partners,
            load_errors: snapshot.errors,
            today,
            today_source,
            author,
            summary,
            tab: Tab::Overview,
            overview: OverviewState::default(),
            pipeline: PipelineState::default(),
            detail: None,
            history: History::default(),
            overlays: Vec::new(),
            status: None,
            should_quit: false,
            theme: Theme::from_env(),
            data_label,
        };
        super::pipeline::select_first(&mut app);
        app
    }

    /// After any change to the partners: recompute the figures and keep every
    /// selection pointing at something that exists.
    pub fn data_changed(&mut self) {
        self.refresh();
        if let Some(detail) = &self.detail {
            match self.partner(&detail.partner) {
                None => self.detail = None,
                Some(file) => {
                    let len = super::detail::items(&file.partner, detail.section, self.today).len();
                    if let Some(detail) = self.detail.as_mut() {
                        detail.selected = detail.selected.min(len.saturating_sub(1));
                    }
                }
            }
        }
        // A selection still on the board stays; a vanished one falls to the top of
        // its column (its old row is gone with it).
        super::pipeline::settle_selection(self, 0);
    }

    /// A session left open past midnight moves to the new day (only when "today"
    /// comes from the clock: a pinned or demo date stays put).
    pub fn follow_clock(&mut self, now: NaiveDate) {
        if self.today_source == TodaySource::Clock && now != self.today {
            self.today = now;
            self.refresh();
        }
    }

    /// Recomputes the derived figures after the data changed.
    pub fn refresh(&mut self) {
        let partners: Vec<_> = self
            .partners
            .iter()
            .map(|file| (file.id.as_str(), &file.partner))
            .collect();
        self.summary = crate::domain::portfolio::summarize(&partners, &self.workspace, self.today);
        self.overview.selected = self
            .overview
            .selected
            .min(self.summary.attention.len().saturating_sub(1));
    }

    pub fn partner(&self, id: &str) -> Option<&PartnerFile> {
        self.partners.iter().find(|file| file.id == id)
    }

    pub fn partner_index(&self, id: &str) -> Option<usize> {
        self.partners.iter().position(|file| file.id == id)
    }

    /// The figures for a partner, in step with `partners`.
    pub fn figures(&self, id: &str) -> Option<&crate::domain::portfolio::PartnerSummary> {
        self.summary
            .partners
            .iter()
            .find(|summary| summary.id == id)
    }

    pub fn partner_data(&self, id: &str) -> Option<&Partner> {
        self.partner(id).map(|file| &file.partner)
    }

    /// The key context in force: the top overlay, else the detail, else the tab.
    pub fn context(&self) -> Context {
        if let Some(overlay) = self.overlays.last() {
            return overlay.context();
        }
        if self.detail.is_some() {
            return Context::Detail;
        }
        if self.tab == Tab::Pipeline && self.pipeline.filter_input.is_some() {
            return Context::Filter;
        }
        self.tab.context()
    }

    /// The screen under any overlays, whose keys the help lists.
    pub fn screen_context(&self) -> Context {
        if self.detail.is_some() {
            Context::Detail
        } else {
            self.tab.context()
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            level: Level::Info,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            level: Level::Error,
            text: text.into(),
        });
    }
}
