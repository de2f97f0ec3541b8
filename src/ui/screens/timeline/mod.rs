//! The Timeline tab: a line saying what is late, blocked and due soon; a date header
//! that fits the zoom; a row per milestone under its partner's (or phase's) row, its
//! name beside its lane of the calendar; and the selected milestone in full — below
//! the chart on a small terminal, beside it from 120 columns.

mod calendar;
mod chart;
mod details;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::Data;
use crate::app::screens::TimelineScreen;
use crate::app::screens::timeline::{Grouping, Row, Rows, Tally, tally};
use crate::domain::timeline::MilestoneStatus;
use crate::text::{fit, truncate, width};
use crate::ui::theme::{Theme, band_symbol, milestone_symbol};
use crate::ui::widgets::filter;
use calendar::{Label, Window};

/// From this width the details stand beside the chart.
const WIDE: u16 = 120;

/// What every part of the Timeline reads.
struct View<'a> {
    screen: &'a TimelineScreen,
    data: &'a Data,
    theme: Theme,
    rows: Rows,
    /// The selected milestone's row.
    selected: Option<usize>,
}

pub fn render(screen: &TimelineScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let rows = screen.rows(data);
    let selected = screen.selected_row(data, &rows);
    let view = View {
        screen,
        data,
        theme,
        rows,
        selected,
    };
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    render_title(&view, frame, title);
    if area.width >= WIDE && area.height >= 12 {
        let side = (area.width / 4).clamp(34, 48);
        let [chart, details] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(side)]).areas(body);
        render_chart(&view, frame, chart);
        details::render_beside(&view_details(&view), frame, details);
    } else {
        let below = if body.height >= 14 { 5 } else { 0 };
        let [chart, details] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(below)]).areas(body);
        render_chart(&view, frame, chart);
        details::render_below(&view_details(&view), frame, details);
    }
}

fn view_details<'a>(view: &'a View) -> details::Details<'a> {
    let milestone = view
        .selected
        .and_then(|row| view.rows.milestone(view.data, row));
    details::Details {
        data: view.data,
        theme: view.theme,
        milestone,
    }
}

/// What needs someone — " 1 late · 1 blocked · 2 due in 14 days" — or the filter
/// being typed; on the right, as room allows, how many milestones, what is hidden
/// and the zoom.
fn render_title(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let screen = view.screen;
    let Tally {
        milestones,
        late,
        blocked,
        due_soon,
    } = tally(&view.rows, view.data);
    let mut left: Vec<Span> = Vec::new();
    if screen.filter.is_typing() {
        left.extend(filter::spans(
            &screen.filter,
            milestones,
            view.rows.total,
            theme,
        ));
    } else {
        for (count, what, style) in [
            (late, "late", theme.bad()),
            (blocked, "blocked", theme.bad()),
            (due_soon, "due in 14 days", theme.warn()),
        ] {
            if count > 0 {
                let separator = if left.is_empty() { " " } else { " · " };
                left.push(Span::styled(separator, theme.dim()));
                left.push(Span::styled(format!("{count} {what}"), style));
            }
        }
        if left.is_empty() && milestones > 0 {
            left.push(Span::styled(
                " nothing late, blocked or due in 14 days",
                theme.good(),
            ));
        }
        if screen.attention_only {
            left.push(Span::styled(" — only these (o: all)", theme.warn()));
        }
        left.extend(filter::spans(
            &screen.filter,
            milestones,
            view.rows.total,
            theme,
        ));
    }
    let noun = if milestones == 1 {
        "milestone"
    } else {
        "milestones"
    };
    let mut right = vec![format!("{milestones} {noun}")];
    if view.rows.hidden > 0 {
        right.push(format!("{} more with A", view.rows.hidden));
    }
    right.push(format!("{} (z)", screen.zoom.label()));
    let used: usize = left.iter().map(|span| width(&span.content)).sum();
    // At least three blanks between the two sides, and one at the end.
    let room = usize::from(area.width).saturating_sub(used + 4);
    // What does not fit goes, the zoom first (the header shows it anyway).
    while !right.is_empty() && width(&right.join(" · ")) > room {
        right.pop();
    }
    let right = right.join(" · ");
    if !right.is_empty() {
        left.push(Span::raw(" ".repeat(room - width(&right) + 3)));
        left.push(Span::styled(right, theme.dim()));
    }
    frame.render_widget(Line::from(left), area);
}

/// The width of the names beside the chart: a third, between 24 and 40 columns
/// (less on a tiny terminal), so at 80 columns both have room and at 200 the
/// calendar gets the rest.
fn name_width(total: u16) -> u16 {
    (total / 3).clamp(total.min(24) * 3 / 4, 40)
}

fn render_chart(view: &View, frame: &mut Frame, area: Rect) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let theme = view.theme;
    let data = view.data;
    let names = name_width(area.width);
    let columns = area.width.saturating_sub(names + 1);
    let window = Window::new(
        view.screen.zoom,
        columns,
        data.today,
        view.screen.shift_days,
    );
    let [header, lanes] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    let rows = &view.rows.rows;
    let visible = usize::from(lanes.height);
    // The selection in view, with a row of what follows it when there is one.
    let offset = view.selected.map_or(0, |row| {
        (row + 2)
            .saturating_sub(visible)
            .min(rows.len().saturating_sub(visible))
    });
    let more = if rows.len() > visible && visible > 0 {
        format!(
            " ↕ {}–{} of {}",
            offset + 1,
            (offset + visible).min(rows.len()),
            rows.len()
        )
    } else {
        String::new()
    };
    render_header(view, &window, names, &more, frame, header);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(empty_text(view)).style(theme.dim()), lanes);
        return;
    }
    let lines: Vec<Line> = (offset..rows.len().min(offset + visible))
        .map(|index| row_line(view, &window, names, index))
        .collect();
    frame.render_widget(Paragraph::new(lines), lanes);
}

/// Why there is nothing to show, and what brings something back.
fn empty_text(view: &View) -> Vec<Line<'static>> {
    let screen = view.screen;
    let text = if screen.filter.is_active() {
        " Nothing matches the filter (Esc clears it).".to_string()
    } else if screen.attention_only {
        " Nothing is late, blocked or due within 14 days (o shows everything).".to_string()
    } else if view.rows.hidden > 0 {
        format!(
            " Nothing open here; {} milestones finished long ago or of paused and ended partners (A shows them).",
            view.rows.hidden
        )
    } else {
        " No milestones yet: a adds one to any partner.".to_string()
    };
    vec![Line::raw(""), Line::raw(text)]
}

/// Two rows: the month or quarter, then the days, Mondays or months; the line for
/// today goes through both. Beside them, how far the list is scrolled.
fn render_header(
    view: &View,
    window: &Window,
    names: u16,
    more: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = view.theme;
    let today = window.column(view.data.today);
    let lane = |labels: Vec<Label>, style: Style| -> Vec<Span<'static>> {
        let mut cells: Vec<(char, Style)> = vec![(' ', style); usize::from(window.columns)];
        if let Some(column) = today {
            cells[usize::from(column)] = ('│', theme.today());
        }
        for label in labels {
            let label_style = if label.quiet { theme.dim() } else { style };
            for (offset, symbol) in label.text.chars().enumerate() {
                let column = usize::from(label.column) + offset;
                if let Some(cell) = cells.get_mut(column) {
                    let on_today = Some(column) == today.map(usize::from);
                    *cell = (symbol, if on_today { theme.today() } else { label_style });
                }
            }
        }
        cells
            .into_iter()
            .map(|(symbol, style)| Span::styled(symbol.to_string(), style))
            .collect()
    };
    let mut top = vec![Span::styled(
        fit(
            &format!(" Milestones {}", view.screen.grouping.label()),
            usize::from(names) + 1,
        ),
        theme.heading(),
    )];
    top.extend(lane(window.periods(), theme.heading()));
    let mut bottom = vec![Span::styled(fit(more, usize::from(names) + 1), theme.dim())];
    bottom.extend(lane(window.ticks(), theme.text()));
    frame.render_widget(
        Paragraph::new(vec![Line::from(top), Line::from(bottom)]),
        area,
    );
}

/// One row: the name column, a space, the lane.
fn row_line(view: &View, window: &Window, names: u16, index: usize) -> Line<'static> {
    let theme = view.theme;
    let data = view.data;
    let today = data.today;
    let names = usize::from(names);
    match &view.rows.rows[index] {
        Row::Partner { partner, .. } => {
            let Some(file) = data.partners.get(*partner) else {
                return Line::raw("");
            };
            let partner = &file.partner;
            let health = data.figures(&file.id).map(|figures| &figures.health);
            let band = health.map(|health| health.band());
            let score = health
                .and_then(|health| health.score)
                .map_or(String::new(), |score| format!(" {score}"));
            // The health is kept whole ("◐ 73"); the name and then the stage give
            // way when the heading is short of room (a long name at 80 columns).
            let health_text = format!(" {}{score}", band.map_or("", band_symbol));
            let stage = data.workspace.stage_name(&partner.stage);
            // The heading runs on into the lane as far as it is empty (the line
            // for today aside), stopping a column short of a review or expiry mark.
            let lane = chart::partner_lane(window, today, partner, theme);
            let room = (names + lane.free_start()).saturating_sub(1).max(names);
            // Name and stage share what the health and the " · " leave.
            let budget = room.saturating_sub(1 + width(&health_text) + 3);
            let name = truncate(
                &partner.name,
                budget
                    .saturating_sub(width(stage).min(8))
                    .max(budget / 2)
                    .max(1),
            );
            let stage_room = budget.saturating_sub(width(&name));
            let about = if stage_room >= 3 {
                format!(" · {}{health_text}", truncate(stage, stage_room))
            } else {
                health_text
            };
            let about = truncate(&about, room.saturating_sub(1 + width(&name)));
            let used = 1 + width(&name) + width(&about);
            let mut spans = vec![
                Span::styled(format!(" {name}"), theme.title()),
                Span::styled(about, band.map_or(theme.dim(), |band| theme.band(band))),
                Span::raw(" ".repeat((names + 1).saturating_sub(used).max(1))),
            ];
            spans.extend(lane.spans_from((used + 1).saturating_sub(names + 1)));
            Line::from(spans)
        }
        Row::Phase { phase, count } => {
            let name = if phase.is_empty() {
                "No phase".to_string()
            } else {
                data.workspace.phase_name(phase).to_string()
            };
            let mut spans = vec![Span::styled(
                fit(&format!(" {name} ({count})"), names + 1),
                theme.heading(),
            )];
            spans.extend(chart::Lane::new(window, today, theme).spans());
            Line::from(spans)
        }
        Row::Milestone { .. } => {
            let Some((_, m)) = view.rows.milestone(data, index) else {
                return Line::raw("");
            };
            let late = m.is_overdue(today);
            let selected = view.selected == Some(index);
            let status = theme.milestone(m.status, late);
            let text_style = if m.status == MilestoneStatus::Cancelled {
                theme.dim()
            } else {
                theme.text()
            };
            let (marker, status, text_style) = if selected {
                ("›", theme.selected(), theme.selected())
            } else {
                (" ", status, text_style)
            };
            let title = match (view.screen.grouping, &view.rows.rows[index]) {
                (Grouping::Phase, Row::Milestone { partner, .. }) => {
                    let partner = data.partners.get(*partner).map_or("", |f| &f.partner.name);
                    format!("{}: {}", short_name(partner), m.title)
                }
                _ => m.title.clone(),
            };
            let flag = if late { "!" } else { " " };
            let mut spans = vec![
                Span::styled(marker.to_string(), text_style),
                Span::styled(format!("{}{flag} ", milestone_symbol(m.status)), status),
                Span::styled(fit(&title, names.saturating_sub(4)), text_style),
                Span::raw(" "),
            ];
            spans.extend(chart::milestone_lane(window, today, m, theme).spans());
            Line::from(spans)
        }
    }
}

/// A partner as a row grouped by phase names it, before the milestone's title: the
/// first word of its name ("Harbourline"), two when the first is short ("The Hub").
fn short_name(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let short = match words.next() {
        Some(second) if first.chars().count() <= 3 => format!("{first} {second}"),
        _ => first.to_string(),
    };
    truncate(&short, 14)
}
