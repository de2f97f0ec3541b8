//! The Timeline tab, until it is built: one honest line about what will be there.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::Data;
use crate::app::screens::TimelineScreen;
use crate::ui::theme::Theme;
use crate::ui::widgets::coming;

pub fn render(_screen: &TimelineScreen, _data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    coming::render(
        "The timeline: milestones as bars on a calendar, by partner or phase, with today marked.",
        theme,
        frame,
        area,
    );
}
