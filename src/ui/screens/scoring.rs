//! The Scoring tab, until it is built: one honest line about what will be there.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::Data;
use crate::app::screens::ScoringScreen;
use crate::ui::theme::Theme;
use crate::ui::widgets::coming;

pub fn render(_screen: &ScoringScreen, _data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    coming::render(
        "The scoring matrix: candidates by criteria, weighted scores and rank.",
        theme,
        frame,
        area,
    );
}
