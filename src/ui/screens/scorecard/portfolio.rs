//! Every open KPI of every partner in one table, most in need of attention first —
//! red, early warning, amber, too early, green, stale first within each — for the
//! meeting glance; the selected one explained below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{
    FLAGS_WIDTH, detail_lines, more_note, progress_text, scroll_to, sparkline, status_spans,
    values_text,
};
use crate::app::Data;
use crate::app::screens::ScorecardScreen;
use crate::app::screens::scorecard::{PortfolioRow, portfolio};
use crate::text::{fit, fit_right, truncate};
use crate::ui::theme::Theme;
use crate::ui::widgets::filter;

pub(super) fn render(
    screen: &ScorecardScreen,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rows = screen.portfolio_rows(data);
    let all = if screen.filter.is_active() || screen.filter.is_typing() {
        portfolio(data, screen.perspective.as_deref()).len()
    } else {
        rows.len()
    };
    let perspective = screen
        .perspective_name(data)
        .map_or("all perspectives".to_string(), |name| {
            format!("{name} only")
        });
    let mut title = vec![Span::styled(
        format!(" Every open KPI ({all}) "),
        theme.heading(),
    )];
    let filtering = filter::spans(&screen.filter, rows.len(), all, theme);
    if filtering.is_empty() {
        title.push(Span::styled(
            format!("· most in need first · {perspective} "),
            theme.dim(),
        ));
    } else {
        title.extend(filtering);
        title.push(Span::raw(" "));
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let columns = inner.width as usize;
    if rows.is_empty() {
        let text = if all > 0 {
            " Nothing matches the filter (Esc clears it)."
        } else {
            " No open KPI: each partner's scorecard adds them (Esc, then a)."
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim()), inner);
        return;
    }
    let detail_rows = if inner.height >= 10 { 4 } else { 0 };
    let [list, detail] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(detail_rows)]).areas(inner);
    let selected = screen.portfolio_selected();
    let selected_index = rows.iter().position(|row| Some(&row.key()) == selected);
    let widths = Widths::for_width(columns);
    let height = list.height as usize;
    let at = selected_index.unwrap_or(0);
    let offset = scroll_to(at, at + 1, height, rows.len());
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(index, row)| line(row, data, theme, &widths, Some(index) == selected_index))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if rows.len() > height && height > 0 {
        more_note(frame, area, at, rows.len(), theme);
    }
    if detail_rows > 0
        && let Some(row) = selected_index.and_then(|index| rows.get(index))
    {
        let mut text = vec![Line::styled("─".repeat(columns), theme.border())];
        text.extend(detail_lines(&row.figures, data.today, columns, theme));
        frame.render_widget(Paragraph::new(text), detail);
    }
}

/// Each column of a row, by the room there is.
struct Widths {
    status: usize,
    partner: usize,
    kpi: usize,
    values: usize,
    /// "29% · 56% due", from 110 columns.
    progress: usize,
    spark: usize,
}

impl Widths {
    /// At 78 columns: marker 2, status 11, flags 8, partner 16, KPI 18, values 20.
    fn for_width(columns: usize) -> Widths {
        let status = 11;
        let (partner, values, progress, spark) = match columns {
            110.. => (20, 22, 14, 12),
            90.. => (20, 20, 0, 8),
            _ => (16, 20, 0, 0),
        };
        let gap = |width: usize| if width > 0 { width + 1 } else { 0 };
        let fixed =
            2 + status + FLAGS_WIDTH + 1 + partner + 1 + 1 + values + gap(progress) + gap(spark);
        Widths {
            status,
            partner,
            // A long name stops where the eye can still follow the row.
            kpi: columns.saturating_sub(fixed).clamp(6, 40),
            values,
            progress,
            spark,
        }
    }
}

fn line(
    row: &PortfolioRow,
    data: &Data,
    theme: Theme,
    widths: &Widths,
    selected: bool,
) -> Line<'static> {
    let mut spans = vec![Span::raw(if selected { "› " } else { "  " })];
    spans.extend(status_spans(&row.figures, theme, widths.status));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        fit(&row.partner.partner.name, widths.partner),
        theme.title(),
    ));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(fit(&row.figures.kpi.name, widths.kpi)));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(fit_right(
        &truncate(&values_text(&row.figures), widths.values),
        widths.values,
    )));
    if widths.progress > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            fit_right(&progress_text(&row.figures), widths.progress),
            theme.dim(),
        ));
    }
    if widths.spark > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::raw(sparkline(
            row.figures.kpi,
            data.today,
            widths.spark,
        )));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme.selected())
    } else {
        line
    }
}
