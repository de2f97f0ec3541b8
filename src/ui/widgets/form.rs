//! Drawing a form: each field's label, its value (a text area or a choice), and
//! under it the reason a value was refused or a hint — the state is `app::form`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::form::{FieldKind, Form};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::{truncate, width};

/// Rows the form needs: each field its label line, its value, and a note line.
fn rows_needed(form: &Form) -> u16 {
    form.fields
        .iter()
        .map(|field| if field.is_multiline() { 6 } else { 2 })
        .sum::<u16>()
        + 2
}

/// Draws `form` as a centred popup: a label, the value and a note line per field.
pub fn render(form: &Form, frame: &mut Frame, area: Rect, theme: Theme) {
    let height = (rows_needed(form) + 2).min(area.height);
    let popup = super::centered(area, area.width.saturating_sub(4).clamp(20, 76), height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", form.title), theme.heading()))
        .title_bottom(ratatui::text::Line::from(super::key_hints(
            crate::app::keymap::Context::Form,
            theme,
        )))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let label_width = form
        .fields
        .iter()
        .map(|f| width(&f.label))
        .max()
        .unwrap_or(0)
        .min(inner.width as usize / 3)
        + 2;
    let value_x = inner.x + label_width as u16;
    let value_width = inner.width.saturating_sub(label_width as u16);

    // Scroll so the focused field is on screen when the form is taller.
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|f| if f.is_multiline() { 5 } else { 1 } + 1)
        .collect();
    let focus_bottom: u16 = heights[..=form.focus.min(heights.len().saturating_sub(1))]
        .iter()
        .sum();
    let skip_rows = focus_bottom.saturating_sub(inner.height);
    let mut y = inner.y;
    let mut skipped = 0;
    for (index, field) in form.fields.iter().enumerate() {
        let rows = heights[index];
        if skipped < skip_rows {
            skipped += rows;
            continue;
        }
        if y + 1 > inner.y + inner.height {
            break;
        }
        let focused = index == form.focus;
        let label_style = if focused { theme.key() } else { theme.text() };
        let marker = if focused { "›" } else { " " };
        frame.render_widget(
            Line::styled(
                truncate(&format!("{marker}{}", field.label), label_width - 1),
                label_style,
            ),
            Rect::new(inner.x, y, label_width as u16, 1),
        );
        let value_rows = rows - 1;
        let value_area = Rect::new(
            value_x,
            y,
            value_width,
            value_rows.min(inner.y + inner.height - y),
        );
        match &field.kind {
            FieldKind::Choice { options } => {
                let current = options.get(field.choice).cloned().unwrap_or_default();
                let text = if focused {
                    format!("‹ {current} ›")
                } else {
                    current
                };
                let style = if focused {
                    theme.selected()
                } else {
                    theme.text()
                };
                frame.render_widget(Line::styled(text, style), value_area);
            }
            _ => {
                let mut editor = field.editor.clone();
                if focused {
                    editor.set_cursor_style(theme.selected());
                    editor.set_style(theme.text());
                } else {
                    editor.set_cursor_style(Style::new());
                    editor.set_style(theme.dim());
                }
                let editor_area = Rect::new(
                    value_area.x,
                    value_area.y,
                    value_area.width,
                    value_area.height,
                );
                frame.render_widget(&editor, editor_area);
            }
        }
        let note_y = y + value_rows;
        if note_y < inner.y + inner.height {
            let (note, style) = match (&field.error, &field.hint) {
                (Some(error), _) => (format!("✗ {error}"), theme.error()),
                (None, Some(hint)) if focused => (hint.clone(), theme.dim()),
                _ => (String::new(), theme.dim()),
            };
            frame.render_widget(
                Paragraph::new(Line::styled(truncate(&note, value_width as usize), style)),
                Rect::new(value_x, note_y, value_width, 1),
            );
        }
        y += rows;
    }
}
