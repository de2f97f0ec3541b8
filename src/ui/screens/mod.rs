//! The screen on top — the top layer, else the current tab — drawn by the view of
//! its kind, one file each. Each view takes its screen's state and the data, and
//! only reads them.

pub mod checkin;
pub mod detail;
pub mod overview;
pub mod pipeline;
pub mod scorecard;
pub mod scoring;
pub mod settings;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::App;
use crate::app::screens::{Layer, Tab};
use crate::ui::theme::Theme;

/// Draws the screen under the overlays into `area`.
pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let data = &app.data;
    let tabs = &app.view.tabs;
    match app.view.layers.last() {
        Some(Layer::Detail(screen)) => detail::render(screen, data, theme, frame, area),
        Some(Layer::Settings(screen)) => settings::render(screen, data, theme, frame, area),
        Some(Layer::Checkin(screen)) => checkin::render(screen, data, theme, frame, area),
        None => match app.view.tab {
            Tab::Overview => overview::render(&tabs.overview, data, theme, frame, area),
            Tab::Pipeline => pipeline::render(&tabs.pipeline, data, theme, frame, area),
            Tab::Timeline => timeline::render(&tabs.timeline, data, theme, frame, area),
            Tab::Scoring => scoring::render(&tabs.scoring, data, theme, frame, area),
            Tab::Scorecard => scorecard::render(&tabs.scorecard, data, theme, frame, area),
        },
    }
}
