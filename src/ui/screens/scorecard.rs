//! The Scorecard tab, until it is built: one honest line about what will be there.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::Data;
use crate::app::screens::ScorecardScreen;
use crate::ui::theme::Theme;
use crate::ui::widgets::coming;

pub fn render(
    _screen: &ScorecardScreen,
    _data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    coming::render(
        "The KPI scorecard: each partner's KPIs by perspective, trends, forecasts and feedback.",
        theme,
        frame,
        area,
    );
}
