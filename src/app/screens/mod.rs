//! The screens, and the one list of them: the tabs along the top, and the layers that
//! open over them (the partner detail, the workspace settings). Each screen is a
//! struct that owns its view state and handles the actions of its own key context;
//! `ui::screens` draws each one from `&self` and the data.

pub mod detail;
pub mod overview;
pub mod pipeline;
pub mod scorecard;
pub mod scoring;
pub mod settings;
pub mod timeline;

use super::action::Action;
use super::effect::{Effect, Reveal};
use super::keymap::Context;
use super::model::Data;

pub use detail::DetailScreen;
pub use overview::OverviewScreen;
pub use pipeline::PipelineScreen;
pub use scorecard::ScorecardScreen;
pub use scoring::ScoringScreen;
pub use settings::SettingsScreen;
pub use timeline::TimelineScreen;

/// What every screen and overlay is to the dashboard.
pub trait Screen {
    /// The key-map context in force while this screen has the keyboard; it decides
    /// the keys, the help and the footer.
    fn context(&self) -> Context;

    /// Handles an action of its context. Changes only its own state; anything
    /// else (a write, a form, another screen) goes into `fx`.
    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>);

    /// After the data changed: keep the selection on the same thing (by identity,
    /// not position) and within bounds.
    fn data_changed(&mut self, _data: &Data) {}

    /// Whether the screen still has something to show (a layer about a partner
    /// that was deleted closes).
    fn still_open(&self, _data: &Data) -> bool {
        true
    }

    /// Selects what a change just added or moved.
    fn reveal(&mut self, _data: &Data, _what: &Reveal) {}

    /// The tab was switched to (from another tab, or from under a layer): a screen
    /// that shows what changed "since you came here" starts counting again.
    fn entered(&mut self, _data: &Data) {}

    /// Work on the screen that is in no file and would be lost on quitting (weights
    /// being tried), in words for the question that asks first.
    fn unsaved(&self) -> Option<String> {
        None
    }

    /// The partner the screen is about, if it is about one: `Ctrl-p` then writes
    /// that partner's review pack rather than the meeting report.
    fn partner_shown(&self) -> Option<&str> {
        None
    }

    /// Pasted text, for the text being typed; says whether it was taken.
    fn paste(&mut self, _data: &Data, _text: &str) -> bool {
        false
    }
}

/// The tabs, in the order of the tab bar.
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
}

/// Each tab's screen; a tab keeps its state while another is shown.
#[derive(Debug)]
pub struct Tabs {
    pub overview: OverviewScreen,
    pub pipeline: PipelineScreen,
    pub timeline: TimelineScreen,
    pub scoring: ScoringScreen,
    pub scorecard: ScorecardScreen,
}

impl Tabs {
    pub fn new(data: &Data) -> Tabs {
        Tabs {
            overview: OverviewScreen::new(data),
            pipeline: PipelineScreen::new(data),
            timeline: TimelineScreen::new(data),
            scoring: ScoringScreen::new(data),
            scorecard: ScorecardScreen::new(data),
        }
    }

    pub fn get(&self, tab: Tab) -> &dyn Screen {
        match tab {
            Tab::Overview => &self.overview,
            Tab::Pipeline => &self.pipeline,
            Tab::Timeline => &self.timeline,
            Tab::Scoring => &self.scoring,
            Tab::Scorecard => &self.scorecard,
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Screen {
        match tab {
            Tab::Overview => &mut self.overview,
            Tab::Pipeline => &mut self.pipeline,
            Tab::Timeline => &mut self.timeline,
            Tab::Scoring => &mut self.scoring,
            Tab::Scorecard => &mut self.scorecard,
        }
    }
}

/// A screen opened over the tabs; `Esc` goes back to what was under it.
#[derive(Debug)]
pub enum Layer {
    Detail(DetailScreen),
    Settings(SettingsScreen),
}

impl Layer {
    pub fn screen(&self) -> &dyn Screen {
        match self {
            Layer::Detail(screen) => screen,
            Layer::Settings(screen) => screen,
        }
    }

    pub fn screen_mut(&mut self) -> &mut dyn Screen {
        match self {
            Layer::Detail(screen) => screen,
            Layer::Settings(screen) => screen,
        }
    }
}
