//! The list of files that did not load, or loaded read-only: file, line, column,
//! what happened to each file, what was wrong, and what to do about it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::store::LoadError;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, errors: &[LoadError], scroll: u16, theme: Theme) {
    let read_only = errors.iter().filter(|error| error.loaded_read_only).count();
    let not_loaded = errors.len() - read_only;
    let mut lines = Vec::new();
    if not_loaded > 0 {
        lines.push(Line::styled(
            "Did not load — pactboard leaves it as it is. Fix it in an editor, then Ctrl-l reloads.",
            theme.dim(),
        ));
    }
    if read_only > 0 {
        lines.push(Line::styled(
            "Loaded read-only — written by a newer pactboard, shown but never saved. Upgrade pactboard to edit it.",
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    for error in errors {
        let (what, style) = if error.loaded_read_only {
            ("loaded read-only", theme.warn())
        } else {
            ("did not load", theme.error())
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}:{}:{}", error.file, error.line, error.column),
                theme.error(),
            ),
            Span::raw("  "),
            Span::styled(what, style),
        ]));
        lines.push(Line::raw(format!("  {}", error.message)));
    }
    let title = match (not_loaded, read_only) {
        (_, 0) => format!(" Files that did not load ({not_loaded}) "),
        (0, _) => format!(" Files loaded read-only ({read_only}) "),
        _ => format!(" Files that did not load ({not_loaded}) or loaded read-only ({read_only}) "),
    };
    let popup = super::centered(
        area,
        area.width.saturating_sub(4).max(20),
        area.height.saturating_sub(2),
    );
    let block = Block::bordered()
        .title(title)
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
