//! A KPI up close: what it is and why it has its status, a chart of its readings
//! over time with the straight planned path from baseline to target and the
//! forecast to the target date (axes in the KPI's unit, each line told apart by its
//! symbol as well as its colour), and the readings as a table — oldest first, as
//! the chart reads — with the selected one marked.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Cell, Chart, Dataset, GraphType, Paragraph, Row, Table, TableState,
};

use super::{detail_lines, status_style, status_text};
use crate::app::Data;
use crate::app::records::Rec;
use crate::app::screens::ScorecardScreen;
use crate::app::screens::scorecard::figures::KpiFigures;
use crate::app::screens::scorecard::figures_of;
use crate::domain::dates::{add_days, days_between};
use crate::domain::kpi::{Kpi, KpiKind};
use crate::text::wrap;
use crate::text::{truncate, width};
use crate::ui::theme::Theme;

/// From this width the table of readings stands beside the chart.
const SIDE_BY_SIDE: u16 = 120;

pub(super) fn render(
    screen: &ScorecardScreen,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let figures = screen.partner_id().and_then(|id| {
        let index = screen.kpi_index(data)?;
        Some((id, figures_of(data, id, index)?))
    });
    let Some((partner_id, figures)) = figures else {
        frame.render_widget(
            Paragraph::new(" That KPI is no longer there: Esc goes back.").style(theme.dim()),
            area,
        );
        return;
    };
    let kpi = figures.kpi;
    let columns = area.width as usize;
    let partner = data
        .partner_data(partner_id)
        .map_or("", |p| p.name.as_str());

    // What it is, and its status in words.
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(kpi.name.clone(), theme.title()),
        Span::raw(" "),
        Span::styled(
            status_text(figures.status),
            status_style(theme, figures.status),
        ),
        Span::styled(if figures.stale { " · stale" } else { "" }, theme.warn()),
        Span::styled(
            if figures.early_warning {
                " · ⚠ early warning"
            } else {
                ""
            },
            theme.bad(),
        ),
    ];
    let used: usize = spans.iter().map(|span| width(&span.content)).sum();
    spans.push(Span::styled(
        truncate(
            &format!(
                " · {partner} · {} · {} · {}",
                data.workspace.perspective_name(&kpi.perspective),
                kpi.kind.label(),
                kpi.direction.label()
            ),
            columns.saturating_sub(used),
        ),
        theme.dim(),
    ));
    let header = Line::from(spans);
    let details = detail_lines(&figures, data.today, columns, theme);
    let side_by_side = area.width >= SIDE_BY_SIDE && area.height >= 20;
    let readings = screen.readings(data);
    let table_rows = if side_by_side {
        0
    } else {
        // At most half of what is left, at least a few rows.
        (readings.len() as u16 + 3).min((area.height.saturating_sub(5) / 2).max(5))
    };
    let [head, detail, body, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(0),
        Constraint::Length(table_rows),
    ])
    .areas(area);
    frame.render_widget(header, head);
    frame.render_widget(Paragraph::new(details), detail);
    if side_by_side {
        let [chart, table] =
            Layout::horizontal([Constraint::Percentage(64), Constraint::Percentage(36)])
                .areas(body);
        render_chart(&figures, data.today, theme, frame, chart);
        render_table(screen, kpi, &readings, data.today, theme, frame, table);
    } else {
        render_chart(&figures, data.today, theme, frame, body);
        render_table(screen, kpi, &readings, data.today, theme, frame, table);
    }
}

/// Days from the KPI's start: the chart's x.
fn x_of(kpi: &Kpi, date: NaiveDate) -> f64 {
    days_between(kpi.start, date) as f64
}

fn render_chart(
    figures: &KpiFigures,
    today: NaiveDate,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let kpi = figures.kpi;
    if area.height < 5 || area.width < 24 {
        return;
    }
    let [plot, legend] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);

    let readings: Vec<(f64, f64)> = kpi
        .readings_until(today)
        .iter()
        .map(|r| (x_of(kpi, r.date), r.value))
        .collect();
    let span = x_of(kpi, kpi.target_date);
    let planned = match kpi.kind {
        KpiKind::Cumulative => vec![(0.0, kpi.baseline), (span, kpi.target)],
        // A level to keep: the target all along.
        KpiKind::Maintain => vec![(0.0, kpi.target), (span, kpi.target)],
    };
    let target = vec![(span, kpi.target)];
    let forecast: Vec<(f64, f64)> = match (figures.forecast, readings.last()) {
        (Some(value), Some(&(x, y))) if x < span => vec![(x, y), (span, value)],
        _ => Vec::new(),
    };

    let xs = readings.iter().chain(&planned).map(|(x, _)| *x);
    let x_low = xs.clone().fold(0.0, f64::min);
    let x_high = xs.fold(span, f64::max);
    let ys = readings
        .iter()
        .chain(&planned)
        .chain(&forecast)
        .map(|(_, y)| *y)
        .chain([kpi.baseline]);
    let (y_low, y_high) = nice_bounds(
        ys.clone().fold(f64::INFINITY, f64::min),
        ys.fold(f64::NEG_INFINITY, f64::max),
    );

    let mut datasets = vec![
        Dataset::default()
            .marker(Marker::Custom('·'))
            .graph_type(GraphType::Line)
            .style(theme.dim())
            .data(&planned),
    ];
    if !forecast.is_empty() {
        let style = if figures.early_warning {
            theme.bad()
        } else {
            theme.warn()
        };
        datasets.push(
            Dataset::default()
                .marker(Marker::Custom('╌'))
                .graph_type(GraphType::Line)
                .style(style)
                .data(&forecast),
        );
    }
    datasets.push(
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.key())
            .data(&readings),
    );
    datasets.push(
        Dataset::default()
            .marker(Marker::Custom('●'))
            .graph_type(GraphType::Scatter)
            .style(theme.key())
            .data(&readings),
    );
    datasets.push(
        Dataset::default()
            .marker(Marker::Custom('◆'))
            .graph_type(GraphType::Scatter)
            .style(theme.good())
            .data(&target),
    );

    let date_at = |x: f64| add_days(kpi.start, x.round() as i64).to_string();
    let x_axis = Axis::default()
        .bounds([x_low, x_high])
        .style(theme.border())
        .labels(vec![
            Span::styled(date_at(x_low), theme.dim()),
            Span::styled(date_at((x_low + x_high) / 2.0), theme.dim()),
            Span::styled(date_at(x_high), theme.dim()),
        ]);
    let y_axis = Axis::default()
        .bounds([y_low, y_high])
        .style(theme.border())
        .labels(vec![
            Span::styled(kpi.format_value(y_low), theme.dim()),
            Span::styled(kpi.format_value((y_low + y_high) / 2.0), theme.dim()),
            Span::styled(kpi.format_value(y_high), theme.dim()),
        ]);
    let chart = Chart::new(datasets)
        .x_axis(x_axis)
        .y_axis(y_axis)
        .legend_position(None);
    frame.render_widget(chart, plot);

    let mut spans = vec![
        Span::styled(" Over time: ", theme.heading()),
        Span::styled("● ", theme.key()),
        Span::raw("readings  "),
        Span::styled("· ", theme.dim()),
        Span::raw(match kpi.kind {
            KpiKind::Cumulative => "planned path  ",
            KpiKind::Maintain => "level to keep  ",
        }),
        Span::styled("◆ ", theme.good()),
        Span::raw(format!("target {}  ", kpi.format_value(kpi.target))),
    ];
    if forecast.is_empty() {
        spans.push(Span::styled("no forecast", theme.dim()));
    } else {
        spans.push(Span::styled("╌ ", theme.warn()));
        spans.push(Span::raw("forecast"));
    }
    frame.render_widget(Line::from(spans), legend);
}

/// Bounds around `low..high` on round numbers (steps of 1, 2 or 5 times a power of
/// ten), so the axis reads 0, 250, 500 rather than -23.2, 232.3, 487.7; never below
/// zero for values that are not.
fn nice_bounds(low: f64, high: f64) -> (f64, f64) {
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    let range = high - low;
    let range = if range > f64::EPSILON {
        range
    } else {
        low.abs().max(1.0)
    };
    let magnitude = 10f64.powf(range.log10().floor());
    let step = [0.1, 0.2, 0.25, 0.5, 1.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| range / step <= 6.0)
        .unwrap_or(magnitude);
    let mut bottom = (low / step).floor() * step;
    let mut top = (high / step).ceil() * step;
    if low >= 0.0 && bottom < 0.0 {
        bottom = 0.0;
    }
    if (top - bottom).abs() < f64::EPSILON {
        top = bottom + step;
        bottom -= step;
    }
    (bottom, top)
}

/// The readings, oldest first, with where the planned path was that day.
fn render_table(
    screen: &ScorecardScreen,
    kpi: &Kpi,
    readings: &[Rec],
    today: NaiveDate,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    if area.height < 3 {
        return;
    }
    let block = Block::bordered()
        .title(Line::from(vec![
            Span::styled(format!(" Readings ({}) ", readings.len()), theme.heading()),
            Span::styled("r add · e edit · d delete ", theme.dim()),
        ]))
        .border_style(theme.focused_border());
    if readings.is_empty() {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(
                wrap(
                    " No reading yet: r adds the first (value, date, note).",
                    inner.width as usize,
                )
                .join("\n"),
            )
            .style(theme.dim()),
            inner,
        );
        return;
    }
    let cumulative = kpi.kind == KpiKind::Cumulative;
    // The value and "vs plan" columns are as wide as their widest entries, the
    // unit included, so the note keeps what is left.
    let mut value_width = "value".len();
    let mut plan_width = "after today".len();
    let rows: Vec<Row> = readings
        .iter()
        .filter_map(|rec| rec.find(&kpi.readings))
        .map(|reading| {
            let plan = if reading.date > today {
                Cell::from(Span::styled("after today", theme.error()))
            } else if cumulative {
                let planned = kpi.baseline
                    + (kpi.target - kpi.baseline) * kpi.expected_progress(reading.date);
                let ahead = (reading.value - planned)
                    * if kpi.target >= kpi.baseline {
                        1.0
                    } else {
                        -1.0
                    };
                // In the KPI's own unit and decimals ("17 charities behind"),
                // like the value beside it; what rounds to nothing is on plan.
                let gap = kpi.round(ahead.abs());
                let (text, style) = if gap == 0.0 {
                    ("on plan".to_string(), theme.good())
                } else if ahead > 0.0 {
                    (format!("{} ahead", kpi.format_value(gap)), theme.good())
                } else {
                    (format!("{} behind", kpi.format_value(gap)), theme.warn())
                };
                plan_width = plan_width.max(width(&text));
                Cell::from(Span::styled(text, style))
            } else {
                let met = kpi.direction.meets(reading.value, kpi.target);
                Cell::from(Span::styled(
                    if met { "at level" } else { "off level" },
                    if met { theme.good() } else { theme.warn() },
                ))
            };
            let value = kpi.format_value(reading.value);
            value_width = value_width.max(width(&value));
            Row::new(vec![
                Cell::from(reading.date.to_string()),
                Cell::from(Line::from(value).right_aligned()),
                plan,
                Cell::from(reading.note.clone()),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "date",
        "value",
        if cumulative { "vs plan" } else { "vs level" },
        "note",
    ])
    .style(theme.dim());
    let table = Table::new(
        rows,
        [
            Constraint::Length(10),
            Constraint::Length(value_width as u16),
            Constraint::Length(plan_width as u16),
            Constraint::Min(4),
        ],
    )
    .header(header)
    .block(block)
    .row_highlight_style(theme.selected())
    .highlight_symbol("›");
    let mut state = TableState::default();
    state.select(
        screen
            .reading()
            .and_then(|at| readings.iter().position(|r| r == at)),
    );
    frame.render_stateful_widget(table, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::nice_bounds;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(nice_bounds(0.0, 464.5), (0.0, 500.0));
        assert_eq!(nice_bounds(56.0, 120.0), (50.0, 120.0));
        assert_eq!(nice_bounds(3.6, 8.0), (3.0, 8.0));
        assert_eq!(nice_bounds(-3.0, 2.0), (-3.0, 2.0));
        assert_eq!(nice_bounds(5.0, 5.0), (4.0, 6.0));
        assert_eq!(nice_bounds(f64::INFINITY, f64::NEG_INFINITY), (0.0, 1.0));
    }
}
