//! A tab that a later release fills: what it will show, and that it is not built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::ui::theme::Theme;

pub fn render(what: &str, theme: Theme, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::raw(""),
        Line::styled(what.to_string(), theme.text()),
        Line::styled(
            "Not built yet — the Overview (1) has the portfolio today.",
            theme.dim(),
        ),
    ];
    let inset = Rect {
        x: area.x.saturating_add(2).min(area.x + area.width),
        width: area.width.saturating_sub(4),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inset);
}
