//! The Pipeline tab: a column per stage and a card per partner — name, kind, owner,
//! health badge, next milestone, days since the last check-in. Columns scroll
//! sideways to keep the selection in view; closed stages fold to a narrow column.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::Data;
use crate::app::screens::PipelineScreen;
use crate::app::screens::pipeline::Column;
use crate::domain::dates::days_between;
use crate::domain::health::HealthBand;
use crate::domain::workspace::StageRole;
use crate::text::{count, fit, truncate, width};
use crate::ui::theme::{Theme, band_symbol};
use crate::ui::widgets::filter;

/// What every part of the board reads.
struct View<'a> {
    screen: &'a PipelineScreen,
    data: &'a Data,
    theme: Theme,
}

/// Narrowest an open stage's column gets before the board scrolls.
const OPEN_WIDTH: u16 = 24;
/// A folded closed stage.
const FOLDED_WIDTH: u16 = 14;
/// Lines per card, the gap included.
const CARD_ROWS: u16 = 5;

pub fn render(screen: &PipelineScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let view = View {
        screen,
        data,
        theme,
    };
    let columns = screen.columns(data);
    let selected = screen.selected_position(data, &columns);
    let current = screen.column.min(columns.len().saturating_sub(1));
    let folded = |column: &Column| column.closed && !screen.expand_closed;
    let minimum: Vec<u16> = columns
        .iter()
        .map(|c| if folded(c) { FOLDED_WIDTH } else { OPEN_WIDTH })
        .collect();
    let (start, end) = window(&minimum, current, area.width);

    let header = Rect::new(area.x, area.y, area.width, 1);
    render_header(&view, &columns, start, end, frame, header);
    let board = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if board.height < 3 {
        return;
    }

    // Share the spare width among the open columns on screen.
    let shown = start..end;
    let used: u16 = minimum[shown.clone()].iter().sum();
    let spare = board.width.saturating_sub(used);
    let growable: Vec<usize> = shown.clone().filter(|&i| !folded(&columns[i])).collect();
    let share = if growable.is_empty() {
        0
    } else {
        spare / growable.len() as u16
    };
    let mut x = board.x;
    for index in shown {
        let mut column_width = minimum[index];
        if growable.contains(&index) {
            column_width += share;
        }
        column_width = column_width.min(board.x + board.width - x);
        if column_width < 4 {
            break;
        }
        let rect = Rect::new(x, board.y, column_width, board.height);
        let selected_row = match selected {
            Some((column, row)) if column == index => Some(row),
            _ => None,
        };
        render_column(
            &view,
            &columns[index],
            index == current,
            selected_row,
            folded(&columns[index]),
            frame,
            rect,
        );
        x += column_width;
    }
}

/// The run of columns `[start, end)` that fits in `available` and contains `current`,
/// starting as far left as possible.
fn window(widths: &[u16], current: usize, available: u16) -> (usize, usize) {
    let fits_until = |start: usize| {
        let mut total = 0u16;
        let mut end = start;
        while end < widths.len() && total.saturating_add(widths[end]) <= available {
            total += widths[end];
            end += 1;
        }
        end.max(start + 1).min(widths.len())
    };
    let mut start = 0;
    while start < current && fits_until(start) <= current {
        start += 1;
    }
    (start, fits_until(start))
}

fn render_header(
    view: &View,
    columns: &[Column],
    start: usize,
    end: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = view.theme;
    let total: usize = columns.iter().map(|c| c.total).sum();
    let shown: usize = columns.iter().map(|c| c.cards.len()).sum();
    let title = Span::styled(
        format!(
            " {} in {} ",
            count(total, "partner", "partners"),
            count(columns.len(), "stage", "stages")
        ),
        theme.title(),
    );
    let filter = filter::spans(&view.screen.filter, shown, total, theme);
    let mut more = Vec::new();
    if start > 0 {
        more.push(Span::styled(format!(" ◂ {start} more"), theme.dim()));
    }
    if end < columns.len() {
        more.push(Span::styled(
            format!(" {} more ▸", columns.len() - end),
            theme.dim(),
        ));
    }
    // When a filter and the hidden columns do not fit beside the count (80
    // columns, typing), the count gives way: the filter says how many match.
    let wide = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    let mut spans = Vec::new();
    if filter.is_empty()
        || wide(&filter) + wide(&more) + width(&title.content) <= area.width as usize
    {
        spans.push(title);
    }
    spans.extend(filter);
    spans.extend(more);
    frame.render_widget(Line::from(spans), area);
}

fn render_column(
    view: &View,
    column: &Column,
    current: bool,
    selected_row: Option<usize>,
    folded: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = view.theme;
    let count = if column.cards.len() == column.total {
        column.total.to_string()
    } else {
        format!("{}/{}", column.cards.len(), column.total)
    };
    let mut title = format!(" {} {count} ", column.name);
    if !column.known {
        title = format!(" ?{} {count} ", column.name);
    }
    let title_style = if current {
        theme.heading()
    } else if column.closed {
        theme.dim()
    } else {
        theme.title()
    };
    let block = Block::bordered()
        .title(Span::styled(
            truncate(&title, area.width.saturating_sub(2) as usize),
            title_style,
        ))
        .border_style(if current {
            theme.focused_border()
        } else {
            theme.border()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if column.cards.is_empty() {
        let text = if column.total > 0 { "no match" } else { "—" };
        frame.render_widget(Line::styled(format!(" {text}"), theme.dim()), inner);
        return;
    }
    let rows_per_card = if folded { 1 } else { CARD_ROWS };
    let visible = (inner.height / rows_per_card).max(1) as usize;
    let selected = selected_row.unwrap_or(0);
    let offset = selected.saturating_sub(visible - 1);
    let mut y = inner.y;
    for (row, &index) in column.cards.iter().enumerate().skip(offset).take(visible) {
        let is_selected = selected_row == Some(row);
        let lines = if folded {
            vec![folded_card(view, index, inner.width as usize)]
        } else {
            card(view, index, inner.width as usize)
        };
        let style = if is_selected {
            theme.selected()
        } else {
            Style::new()
        };
        for (line_number, line) in lines.into_iter().enumerate() {
            if y >= inner.y + inner.height {
                break;
            }
            let marker = if is_selected && line_number == 0 {
                "›"
            } else {
                " "
            };
            let mut spans = vec![Span::raw(marker)];
            spans.extend(line.spans);
            frame.render_widget(
                Line::from(spans).style(style),
                Rect::new(inner.x, y, inner.width, 1),
            );
            y += 1;
        }
        if !folded {
            y += 1;
        }
    }
    let hidden_below = column.cards.len().saturating_sub(offset + visible);
    if hidden_below > 0 || offset > 0 {
        let note = match (offset, hidden_below) {
            (0, below) => format!(" ↓ {below} more "),
            (above, 0) => format!(" ↑ {above} more "),
            (above, below) => format!(" ↑{above} ↓{below} "),
        };
        let note_width = width(&note) as u16;
        if area.width > note_width + 2 {
            frame.render_widget(
                Line::styled(note, theme.dim()),
                Rect::new(
                    area.x + area.width - note_width - 1,
                    area.y + area.height - 1,
                    note_width,
                    1,
                ),
            );
        }
    }
}

fn folded_card(view: &View, index: usize, columns: usize) -> Line<'static> {
    let partner = &view.data.partners[index].partner;
    Line::raw(truncate(&partner.name, columns.saturating_sub(1)))
}

/// The four lines of a card.
fn card(view: &View, index: usize, columns: usize) -> Vec<Line<'static>> {
    let theme = view.theme;
    let data = view.data;
    let file = &data.partners[index];
    let partner = &file.partner;
    let room = columns.saturating_sub(1);
    let figures = data.figures(&file.id);
    let band = figures.map_or(HealthBand::NotStarted, |f| f.health.band());
    let role = data.workspace.stage_role(&partner.stage);
    // Health with its basis ("◐ 69 (85)"); a closed stage says which; a candidate,
    // not judged yet, shows its selection score with its coverage instead.
    let badge = match (figures, role) {
        (Some(f), Some(StageRole::Candidate)) => format!("score {}", f.score.label()),
        (Some(f), _) => format!("{} {:>3}", band_symbol(band), f.health.badge()),
        (None, _) => format!("{}   –", band_symbol(band)),
    };

    // A partner without an owner says so, rather than a bare "kind ·".
    let owner = match data.workspace.member_name(&partner.owner) {
        "" => "no owner",
        name => name,
    };
    let kind = if partner.kind.is_empty() {
        "—"
    } else {
        &partner.kind
    };

    // Flagged exactly when the attention list says the check-in is overdue: the
    // same rule.
    let overdue =
        crate::domain::checkin::checkin_overdue(partner, &data.workspace, data.today).is_some();
    let style = if overdue { theme.bad() } else { theme.dim() };
    let flag = if overdue { "⚑ " } else { "" };
    let room_after_badge = room.saturating_sub(width(&badge) + 1);
    let checkin = match figures.and_then(|f| f.last_checkin) {
        Some(date) => {
            let days = days_between(date, data.today);
            let long = format!("{flag}check-in {days}d ago");
            // Next to a health with its basis, "ago" gives way before the number.
            let text = if width(&long) <= room_after_badge {
                long
            } else {
                format!("{flag}check-in {days}d")
            };
            (text, style)
        }
        // A candidate is not checked in with yet; a closed partnership no longer.
        None if matches!(role, Some(StageRole::Candidate | StageRole::Closed)) => {
            (String::new(), style)
        }
        None => (format!("{flag}no check-in yet"), style),
    };

    let milestone = match figures.and_then(|f| f.next_milestone.as_ref()) {
        Some(milestone) => {
            let late = milestone.due < data.today;
            let date = milestone.due.format("%d %b").to_string();
            let text = format!(
                "{}{date} {}",
                if late { "! " } else { "▸ " },
                milestone.title
            );
            (text, if late { theme.bad() } else { theme.text() })
        }
        None => ("no open milestone".to_string(), theme.dim()),
    };
    let read_only = if file.read_only { " (read-only)" } else { "" };

    vec![
        Line::styled(
            truncate(&format!("{}{read_only}", partner.name), room),
            theme.title(),
        ),
        Line::styled(truncate(&format!("{kind} · {owner}"), room), theme.dim()),
        Line::from(vec![
            Span::styled(format!("{badge} "), theme.band(band)),
            Span::styled(truncate(&checkin.0, room_after_badge), checkin.1),
        ]),
        Line::styled(fit(&truncate(&milestone.0, room), room), milestone.1),
    ]
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_keeps_the_current_column_in_view() {
        let widths = [24, 24, 24, 24, 24, 14, 14];
        assert_eq!(window(&widths, 0, 80), (0, 3));
        assert_eq!(window(&widths, 2, 80), (0, 3));
        assert_eq!(window(&widths, 3, 80), (1, 4));
        assert_eq!(window(&widths, 6, 80), (3, 7));
        assert_eq!(window(&widths, 6, 200), (0, 7));
        assert_eq!(window(&widths, 0, 10), (0, 1), "at least one column");
        assert_eq!(window(&[], 0, 80), (0, 0));
    }
}
