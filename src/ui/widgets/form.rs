//! Drawing a form: each field's label, its value (a text area, or a choice — the
//! focused one among its neighbours), and under it the reason a value was refused or
//! a hint; a list's rows one under the other, numbered. The state is `app::form`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::form::{Entry, Field, FieldKind, Form, Slot};
use crate::app::history::Doc;
use crate::app::keymap::Context;
use crate::text::{truncate, width};
use crate::ui::theme::Theme;

/// One thing drawn in the form, top to bottom.
enum Part<'a> {
    /// A field: its label, the value, a note line.
    Field {
        field: &'a Field,
        label: String,
        slot: Slot,
    },
    /// The title line of a list; the focus rests here while the list is empty.
    List {
        label: &'a str,
        rows: usize,
        entry: usize,
        slot: Option<Slot>,
    },
}

impl Part<'_> {
    fn rows(&self) -> u16 {
        match self {
            Part::Field { field, .. } if field.is_multiline() => 6,
            Part::Field { .. } => 2,
            Part::List { rows: 0, .. } => 2,
            Part::List { .. } => 1,
        }
    }

    fn slot(&self) -> Option<Slot> {
        match self {
            Part::Field { slot, .. } => Some(*slot),
            Part::List { slot, .. } => *slot,
        }
    }

    /// Whether `slot` is in this list.
    fn holds(&self, slot: Slot) -> bool {
        match (self, slot) {
            (Part::List { entry, .. }, Slot::EmptyGroup(e) | Slot::Row { entry: e, .. }) => {
                *entry == e
            }
            _ => false,
        }
    }

    fn label(&self) -> &str {
        match self {
            Part::Field { label, .. } => label,
            Part::List { label, .. } => label,
        }
    }
}

/// Everything the form draws, in order.
fn parts(form: &Form) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    for (entry, item) in form.entries.iter().enumerate() {
        match item {
            Entry::Field(field) => parts.push(Part::Field {
                field,
                label: field.label.clone(),
                slot: Slot::Field(entry),
            }),
            Entry::Group(group) => {
                parts.push(Part::List {
                    label: &group.label,
                    rows: group.rows.len(),
                    entry,
                    slot: group.rows.is_empty().then_some(Slot::EmptyGroup(entry)),
                });
                for (row, fields) in group.rows.iter().enumerate() {
                    for (index, field) in fields.iter().enumerate() {
                        let label = if index == 0 {
                            format!(" {}. {}", row + 1, field.label)
                        } else {
                            format!("    {}", field.label)
                        };
                        parts.push(Part::Field {
                            field,
                            label,
                            slot: Slot::Row {
                                entry,
                                row,
                                field: index,
                            },
                        });
                    }
                }
            }
        }
    }
    parts
}

/// Draws `form` as a centred popup. `changed` names the document when it changed
/// since the form opened: the form says so at the top.
pub fn render(form: &Form, changed: Option<Doc>, frame: &mut Frame, area: Rect, theme: Theme) {
    let parts = parts(form);
    let banner = u16::from(changed.is_some());
    let needed: u16 = parts.iter().map(Part::rows).sum::<u16>() + banner + 2;
    let height = (needed + 2).min(area.height);
    let popup = super::centered(area, area.width.saturating_sub(4).clamp(20, 76), height);
    frame.render_widget(Clear, popup);
    let context = if form.in_rows() {
        Context::FormRows
    } else {
        Context::Form
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", form.title), theme.heading()))
        .title_bottom(Line::from(super::key_hints(context, theme)))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let mut top = inner.y;
    if let Some(doc) = changed {
        let text = format!(
            "⚠ {} changed since this form opened: Ctrl-s merges your changes with it",
            doc.file()
        );
        frame.render_widget(
            Line::styled(truncate(&text, inner.width as usize), theme.error()),
            Rect::new(inner.x, top, inner.width, 1),
        );
        top += 1;
    }
    let bottom = inner.y + inner.height;
    let label_width = parts
        .iter()
        .map(|part| width(part.label()))
        .max()
        .unwrap_or(0)
        .min(inner.width as usize / 3)
        + 2;
    let value_x = inner.x + label_width as u16;
    let value_width = inner.width.saturating_sub(label_width as u16);

    // Scroll so the focused part is on screen when the form is taller.
    let focus = form.focus();
    let focused = parts
        .iter()
        .position(|part| part.slot().is_some() && part.slot() == focus)
        .unwrap_or(0);
    let focus_bottom: u16 = parts[..=focused.min(parts.len().saturating_sub(1))]
        .iter()
        .map(Part::rows)
        .sum();
    let skip_rows = focus_bottom.saturating_sub(bottom.saturating_sub(top));
    let mut y = top;
    let mut skipped = 0;
    for part in &parts {
        let rows = part.rows();
        if skipped < skip_rows {
            skipped += rows;
            continue;
        }
        if y >= bottom {
            break;
        }
        let is_focused = part.slot().is_some() && part.slot() == focus;
        let label_style = if is_focused {
            theme.key()
        } else {
            theme.text()
        };
        let marker = if is_focused { "›" } else { " " };
        frame.render_widget(
            Line::styled(
                truncate(&format!("{marker}{}", part.label()), label_width - 1),
                label_style,
            ),
            Rect::new(inner.x, y, label_width as u16, 1),
        );
        let value_area = Rect::new(value_x, y, value_width, (rows - 1).max(1).min(bottom - y));
        match part {
            Part::List { rows: 0, .. } => {
                let style = if is_focused {
                    theme.selected()
                } else {
                    theme.dim()
                };
                frame.render_widget(Line::styled("none yet", style), value_area);
                let note = if is_focused { "Ctrl-n adds one" } else { "" };
                draw_note(
                    frame,
                    note,
                    theme.dim(),
                    value_x,
                    y + 1,
                    value_width,
                    bottom,
                );
            }
            Part::List { .. } => {
                let in_list = focus.is_some_and(|slot| part.holds(slot));
                let text = if in_list {
                    "Ctrl-n adds a row below, Ctrl-d removes this one"
                } else {
                    ""
                };
                frame.render_widget(
                    Line::styled(truncate(text, value_width as usize), theme.dim()),
                    value_area,
                );
            }
            Part::Field { field, .. } => {
                draw_value(field, is_focused, frame, value_area, theme);
                let (note, style) = match (&field.error, &field.hint) {
                    (Some(error), _) => (format!("✗ {error}"), theme.error()),
                    (None, Some(hint)) if is_focused => (hint.clone(), theme.dim()),
                    _ => (String::new(), theme.dim()),
                };
                draw_note(
                    frame,
                    &note,
                    style,
                    value_x,
                    y + rows - 1,
                    value_width,
                    bottom,
                );
            }
        }
        y += rows;
    }
}

/// A field's value in `area`: a choice as its option (`‹ … ›` when focused), text in its
/// editor, with the cursor when focused. Shared with the check-in page.
pub fn draw_value(field: &Field, focused: bool, frame: &mut Frame, area: Rect, theme: Theme) {
    match &field.kind {
        FieldKind::Choice { options } if focused => {
            frame.render_widget(
                Line::from(choice_strip(
                    options,
                    field.choice,
                    area.width as usize,
                    theme,
                )),
                area,
            );
        }
        FieldKind::Choice { options } => {
            let current = options.get(field.choice).cloned().unwrap_or_default();
            frame.render_widget(Line::styled(current, theme.text()), area);
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
            frame.render_widget(&editor, area);
        }
    }
}

/// A focused choice: the chosen option marked `‹ … ›` among its neighbours, as many
/// as fit in `columns` on either side, `…` where more are cut off — so ←/→ and a
/// typed letter show where they land.
fn choice_strip(
    options: &[String],
    chosen: usize,
    columns: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let Some(current) = options.get(chosen) else {
        return Vec::new();
    };
    let marked = format!("‹ {current} ›");
    // No room for a neighbour's ellipsis as well: the choice alone, whole if it
    // fits (its arrows say there is more either way).
    let ellipses = 2 * (usize::from(chosen > 0) + usize::from(chosen + 1 < options.len()));
    if width(&marked) + ellipses > columns {
        return vec![Span::styled(truncate(&marked, columns), theme.selected())];
    }
    // Widen the window one option at a time, after then before, while it fits with
    // an ellipsis at each end that still has more.
    let (mut first, mut last) = (chosen, chosen);
    let fits = |first: usize, last: usize| {
        let names: usize = (first..=last)
            .filter(|i| *i != chosen)
            .map(|i| width(&options[i]) + 1)
            .sum();
        let ellipses = 2 * (usize::from(first > 0) + usize::from(last + 1 < options.len()));
        width(&marked) + names + ellipses <= columns
    };
    loop {
        let after = last + 1 < options.len() && fits(first, last + 1);
        if after {
            last += 1;
        }
        let before = first > 0 && fits(first - 1, last);
        if before {
            first -= 1;
        }
        if !after && !before {
            break;
        }
    }
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled("… ", theme.dim()));
    }
    for (index, option) in options.iter().enumerate().take(last + 1).skip(first) {
        if index > first {
            spans.push(Span::raw(" "));
        }
        if index == chosen {
            spans.push(Span::styled(marked.clone(), theme.selected()));
        } else {
            spans.push(Span::styled(option.clone(), theme.dim()));
        }
    }
    if last + 1 < options.len() {
        spans.push(Span::styled(" …", theme.dim()));
    }
    spans
}

fn draw_note(frame: &mut Frame, note: &str, style: Style, x: u16, y: u16, width: u16, bottom: u16) {
    if y < bottom {
        frame.render_widget(
            Paragraph::new(Line::styled(truncate(note, width as usize), style)),
            Rect::new(x, y, width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(options: &[&str], chosen: usize, columns: usize) -> String {
        let options: Vec<String> = options.iter().map(|o| o.to_string()).collect();
        choice_strip(&options, chosen, columns, Theme::MONOCHROME)
            .iter()
            .map(|span| span.content.to_string())
            .collect()
    }

    #[test]
    fn a_choice_shows_where_the_selection_is_among_its_neighbours() {
        let stages = [
            "Prospect",
            "Assessing",
            "Formalizing",
            "Active (now)",
            "Expanding",
            "Paused",
            "Ended",
        ];
        assert_eq!(
            strip(&["Ours", "Theirs", "Joint"], 1, 40),
            "Ours ‹ Theirs › Joint"
        );
        assert_eq!(
            strip(&stages, 4, 66),
            "… Assessing Formalizing Active (now) ‹ Expanding › Paused Ended"
        );
        assert_eq!(strip(&stages, 0, 30), "‹ Prospect › Assessing …");
        assert_eq!(strip(&stages, 6, 30), "… Expanding Paused ‹ Ended ›");
        assert_eq!(strip(&["a very long option indeed"], 0, 12), "‹ a very lo…");
        // Room for the choice but not for the ellipses beside it: the choice alone.
        assert_eq!(strip(&stages, 3, 19), "‹ Active (now) ›");
        assert_eq!(strip(&stages, 3, 20), "… ‹ Active (now) › …");
        assert!(width(&strip(&stages, 3, 50)) <= 50);
    }
}
