//! The Scorecard tab: the partner's scorecard (`cards`), a KPI up close (`chart`), a
//! review in full (`review`), every open KPI (`portfolio`) — and what they share:
//! a KPI's status as a symbol and a word as well as a colour, its sparkline, its
//! values with the unit, and the lines that explain the selected KPI.

mod cards;
mod chart;
mod portfolio;
mod review;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::Data;
use crate::app::screens::ScorecardScreen;
use crate::app::screens::scorecard::Mode;
use crate::app::screens::scorecard::figures::{KpiFigures, Shown};
use crate::domain::dates::days_between;
use crate::domain::kpi::{Kpi, KpiKind};
use crate::text::{fit, truncate, width};
use crate::ui::theme::Theme;

pub fn render(screen: &ScorecardScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    match &screen.mode {
        Mode::Cards => cards::render(screen, data, theme, frame, area),
        Mode::Kpi { .. } => chart::render(screen, data, theme, frame, area),
        Mode::Review { scroll } => review::render(screen, data, *scroll, theme, frame, area),
        Mode::Portfolio { .. } => portfolio::render(screen, data, theme, frame, area),
    }
}

/// Green, amber and red in their colours; too early and closed KPIs dim.
fn status_style(theme: Theme, status: Shown) -> Style {
    match status {
        Shown::Green => theme.good(),
        Shown::Amber => theme.warn(),
        Shown::Red => theme.bad(),
        Shown::TooEarly | Shown::Closed(_) => theme.dim(),
    }
}

/// "● green", "◌ too early", "✗ missed".
fn status_text(status: Shown) -> String {
    format!("{} {}", status.symbol(), status.label())
}

/// The status word in `columns`, and the flags after it: "stale", "⚠".
fn status_spans(figures: &KpiFigures, theme: Theme, columns: usize) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(
        fit(&status_text(figures.status), columns),
        status_style(theme, figures.status),
    )];
    let stale = if figures.stale { "stale" } else { "     " };
    spans.push(Span::styled(format!(" {stale}"), theme.warn()));
    let warning = if figures.early_warning { " ⚠" } else { "  " };
    spans.push(Span::styled(warning, theme.bad()));
    spans
}

/// How wide `status_spans` is.
const FLAGS_WIDTH: usize = 8;

/// The latest readings as bars, lowest to highest, the latest on the right, in
/// `columns` columns (right-aligned; blank with no reading).
fn sparkline(kpi: &Kpi, today: NaiveDate, columns: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let readings = kpi.readings_until(today);
    let shown = &readings[readings.len().saturating_sub(columns)..];
    let low = shown.iter().map(|r| r.value).fold(f64::INFINITY, f64::min);
    let high = shown
        .iter()
        .map(|r| r.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let bars: String = shown
        .iter()
        .map(|reading| {
            let level = if high - low > f64::EPSILON {
                ((reading.value - low) / (high - low) * 7.0).round() as usize
            } else {
                3
            };
            BARS[level.min(7)]
        })
        .collect();
    format!("{}{bars}", " ".repeat(columns.saturating_sub(shown.len())))
}

/// "362 → 400 leads": the latest value (— with none) and the target, with the unit.
fn values_text(figures: &KpiFigures) -> String {
    let kpi = figures.kpi;
    let latest = figures
        .latest()
        .map_or("—".to_string(), |reading| number(kpi, reading.value));
    format!("{latest} → {}", kpi.format_value(kpi.target))
}

/// "70% · 83% due": how far a cumulative KPI has come, and how far it should have.
fn progress_text(figures: &KpiFigures) -> String {
    if figures.status.is_closed() || figures.kpi.kind != KpiKind::Cumulative {
        return String::new();
    }
    let a = figures.assessment;
    match a.latest {
        Some(_) => format!(
            "{:.0}% · {:.0}% due",
            a.progress * 100.0,
            a.expected * 100.0
        ),
        None => format!("– · {:.0}% due", a.expected * 100.0),
    }
}

/// A value as the KPI shows it, without the unit: "1,250", "9.3", "-2".
fn number(kpi: &Kpi, value: f64) -> String {
    let text = kpi.format_value(value);
    let unit = kpi.unit.trim();
    if unit.is_empty() {
        return text;
    }
    match text.strip_suffix(unit) {
        Some(number) => number.trim_end().to_string(),
        None => text,
    }
}

/// "falling 1.4", "rising 2" a week (after `lead`).
fn moving(kpi: &Kpi, per_week: f64, lead: &str) -> String {
    if per_week < 0.0 {
        format!("{lead}falling {}", kpi.format_rate(-per_week))
    } else {
        format!("{lead}rising {}", kpi.format_rate(per_week))
    }
}

/// "in 30 days", "today", "12 days ago".
fn days_phrase(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// The selected KPI explained in three lines, one column in from the panel's edge
/// like the rows above them: its path and progress; what it needs, what it does and
/// where it is heading; the rule behind its status.
fn detail_lines(
    figures: &KpiFigures,
    today: NaiveDate,
    columns: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let kpi = figures.kpi;
    let a = figures.assessment;
    let mut lines = Vec::new();
    if let Some(closed) = &kpi.closed {
        let note = if closed.note.is_empty() {
            String::new()
        } else {
            format!(" — {}", closed.note)
        };
        lines.push(format!(
            "closed on {}: {}{note}",
            closed.date,
            closed.outcome.label()
        ));
        lines.push(format!(
            "target was {} by {} · latest {}",
            kpi.format_value(kpi.target),
            kpi.target_date,
            figures.latest().map_or("none".to_string(), |r| format!(
                "{} on {}",
                kpi.format_value(r.value),
                r.date
            ))
        ));
        lines.push("kept as history: no status, health or attention".into());
    } else {
        let path = match kpi.kind {
            KpiKind::Cumulative => {
                let progress = match a.latest {
                    Some(_) => format!("{:.0}% of the way", a.progress * 100.0),
                    None => "no reading yet".to_string(),
                };
                format!(
                    "from {} to {} by {} ({}) · {progress}, {:.0}% expected",
                    number(kpi, kpi.baseline),
                    kpi.format_value(kpi.target),
                    kpi.target_date,
                    days_phrase(kpi.target_date, today),
                    a.expected * 100.0
                )
            }
            KpiKind::Maintain => format!(
                "keep {} {} until {} · baseline {}",
                match kpi.direction {
                    crate::domain::kpi::Direction::HigherIsBetter => "at or above",
                    crate::domain::kpi::Direction::LowerIsBetter => "at or below",
                },
                kpi.format_value(kpi.target),
                kpi.target_date,
                kpi.format_value(kpi.baseline)
            ),
        };
        lines.push(path);
        let mut pace = Vec::new();
        if let Some(rate) = figures.run_rate {
            // The words and rounding of the reports and the check-in page.
            pace.push(kpi.describe_pace(&rate));
        } else if let Some(trend) = a.trend {
            pace.push(moving(kpi, trend.per_week, ""));
        }
        match figures.forecast {
            Some(value) => {
                let verdict = if kpi.direction.meets(value, kpi.target) {
                    "reaches the target".to_string()
                } else {
                    format!(
                        "{} short{}",
                        number(kpi, (kpi.target - value).abs()),
                        if figures.early_warning { " ⚠" } else { "" }
                    )
                };
                pace.push(format!("forecast {}: {verdict}", kpi.format_value(value)));
            }
            None => pace.push("not enough readings to forecast".into()),
        }
        lines.push(pace.join(" · "));
        lines.push(a.explanation.clone());
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let style = if index == 2 {
                theme.dim()
            } else {
                theme.text()
            };
            Line::styled(
                format!(" {}", truncate(&text, columns.saturating_sub(1))),
                style,
            )
        })
        .collect()
}

/// "2 of 9 · j/k" on the bottom border of `block` (right-aligned), for a list that
/// does not fit: there is more than is shown, and where the selection is.
fn more_note(frame: &mut Frame, block: Rect, index: usize, total: usize, theme: Theme) {
    let note = format!(" {} of {total} · j/k ", index + 1);
    let columns = width(&note) as u16;
    if block.height < 2 || block.width < columns + 4 {
        return;
    }
    let at = Rect {
        x: block.x + block.width - columns - 2,
        y: block.y + block.height - 1,
        width: columns,
        height: 1,
    };
    frame.render_widget(Line::styled(note, theme.dim()), at);
}

/// The first visible line of a list of `total` lines in `rows` rows that keeps lines
/// `start..end` (the selection) in view.
fn scroll_to(start: usize, end: usize, rows: usize, total: usize) -> usize {
    if rows == 0 || total <= rows {
        return 0;
    }
    let end = end.max(start + 1);
    let offset = end.saturating_sub(rows).min(start);
    offset.min(total - rows)
}
