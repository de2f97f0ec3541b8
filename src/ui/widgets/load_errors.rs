//! The list of files that did not load: file, line, column and what was wrong.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::store::LoadError;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, errors: &[LoadError], scroll: u16, theme: Theme) {
    let mut lines = vec![
        Line::styled(
            "pactboard never writes to these files. Fix them in an editor, then restart:",
            theme.dim(),
        ),
        Line::raw(""),
    ];
    for error in errors {
        lines.push(Line::from(vec![Span::styled(
            format!("{}:{}:{}", error.file, error.line, error.column),
            theme.error(),
        )]));
        lines.push(Line::raw(format!("  {}", error.message)));
    }
    let popup = super::centered(
        area,
        area.width.saturating_sub(4).max(20),
        area.height.saturating_sub(2),
    );
    let block = Block::bordered()
        .title(format!(" Files that did not load ({}) ", errors.len()))
        .title_bottom(Line::from(super::key_hints(
            crate::app::keymap::Context::LoadErrors,
            theme,
        )))
        .border_style(theme.focused_border());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        popup,
    );
}
