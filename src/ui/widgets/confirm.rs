//! A question drawn over the screen, naming what it is about: yes or no, or the
//! answers of a question's own key context (keep, discard, stay).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keymap::Context;
use crate::text::width;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, question: &str, theme: Theme) {
    render_with(
        frame,
        area,
        question,
        Context::Confirm,
        " Are you sure? ",
        theme,
    );
}

/// A question whose answers are the keys of `context`, under `title`.
pub fn render_with(
    frame: &mut Frame,
    area: Rect,
    question: &str,
    context: Context,
    title: &str,
    theme: Theme,
) {
    let question_width = u16::try_from(width(question)).unwrap_or(u16::MAX);
    let popup_width = question_width
        .saturating_add(4)
        .clamp(24, 64)
        .min(area.width);
    let text_width = popup_width.saturating_sub(2).max(1) as usize;
    let rows = u16::try_from(width(question).div_ceil(text_width))
        .unwrap_or(u16::MAX)
        .saturating_add(3);
    let popup = super::centered(area, popup_width, rows.saturating_add(2));
    frame.render_widget(Clear, popup);
    let lines = vec![
        Line::styled(question.to_string(), theme.title()),
        Line::raw(""),
        Line::from(super::answer_keys(context, theme)),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(Span::styled(title.to_string(), theme.heading()))
                .border_style(theme.focused_border()),
        ),
        popup,
    );
}
