//! The `?` overlay: every key of the current screen and the global ones, generated
//! from the key map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{self, Context};
use crate::ui::theme::Theme;

/// The help text for `screen`: its own keys, then the global ones.
pub fn help_lines(screen: Context, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in keymap::chain(screen) {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), theme.heading()));
        for binding in keymap::bindings(context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<16}", keymap::keys_label(binding)),
                    theme.key(),
                ),
                Span::raw(binding.help),
            ]));
        }
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, screen: Context, scroll: u16, theme: Theme) {
    let lines = help_lines(screen, theme);
    let height = (lines.len() as u16).saturating_add(2);
    let popup = super::centered(area, 64, height);
    let max_scroll = height.saturating_sub(popup.height);
    let block = Block::bordered()
        .title(format!(" Keys: {} ", screen.title()))
        .title_bottom(" Esc close · j/k scroll ")
        .border_style(theme.focused_border());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}
