//! A partner's scorecard: at 120 columns and wider the partner list on the left;
//! narrower, the partner as a header line (`partners`). Then the KPIs grouped by
//! perspective (one line each, fitting 78 columns at 80) with the selected KPI
//! explained below them, and the feedback and the reviews side by side.

mod partners;

use partners::{render_narrow_header, render_partner_list, render_wide_header};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{
    FLAGS_WIDTH, detail_lines, more_note, progress_text, scroll_to, sparkline, status_spans,
    values_text,
};
use crate::app::Data;
use crate::app::records::Rec;
use crate::app::screens::ScorecardScreen;
use crate::app::screens::scorecard::{Panel, figures_of};
use crate::domain::sentiment;
use crate::store::PartnerFile;
use crate::text::wrap;
use crate::text::{fit, fit_right, truncate};
use crate::ui::theme::Theme;

/// From this width the partner list is shown beside the scorecard.
const WIDE: u16 = 120;
/// The partner list's width when shown.
const LIST_WIDTH: u16 = 34;

/// What every part of the scorecard reads.
struct View<'a> {
    screen: &'a ScorecardScreen,
    data: &'a Data,
    theme: Theme,
}

pub(super) fn render(
    screen: &ScorecardScreen,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let view = View {
        screen,
        data,
        theme,
    };
    let Some(file) = screen.partner_id().and_then(|id| data.partner(id)) else {
        let text = if data.partners.is_empty() {
            " No partners yet: add one on the Pipeline (2, then a), then its KPIs here."
        } else {
            " No partner selected: ] shows the next."
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim()), area);
        return;
    };
    if area.width >= WIDE && area.height >= 20 {
        let [list, right] =
            Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Min(0)]).areas(area);
        render_partner_list(&view, frame, list);
        let [header, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(right);
        render_wide_header(&view, file, frame, header);
        render_body(&view, file, frame, body);
    } else {
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        render_narrow_header(&view, file, frame, header);
        render_body(&view, file, frame, body);
    }
}

/// The KPI panel above, feedback and reviews below side by side; too low for all
/// three, the focused panel alone.
fn render_body(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    if area.height < 14 {
        match view.screen.panel {
            Panel::Kpis => render_kpis(view, file, frame, area),
            Panel::Feedback => render_feedback(view, file, frame, area),
            Panel::Reviews => render_reviews(view, file, frame, area),
        }
        return;
    }
    let groups = view.screen.groups(view.data);
    let kpi_lines: usize = groups
        .iter()
        .map(|g| 1 + g.kpis.len())
        .sum::<usize>()
        .max(1);
    // Borders, the rule and three lines of detail.
    let wanted = (kpi_lines + 6) as u16;
    // The focused panel gets the room: the KPIs leave the panels below five rows
    // (three lines each), feedback and reviews take ten when they have the keys.
    let bottom_min = if view.screen.panel == Panel::Kpis {
        5
    } else {
        10
    };
    let kpi_height = wanted
        .min(area.height.saturating_sub(bottom_min))
        .max(9.min(area.height));
    let [kpis, bottom] =
        Layout::vertical([Constraint::Length(kpi_height), Constraint::Min(0)]).areas(area);
    let [feedback, reviews] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(bottom);
    render_kpis(view, file, frame, kpis);
    render_feedback(view, file, frame, feedback);
    render_reviews(view, file, frame, reviews);
}

/// A panel's frame: the focused one's border and title stand out (bold without
/// colour), the others' are dim.
fn panel_block<'a>(view: &View, panel: Panel, mut title: Vec<Span<'a>>) -> Block<'a> {
    let focused = view.screen.panel == panel;
    let style = if focused {
        view.theme.focused_border()
    } else {
        view.theme.border()
    };
    if !focused && let Some(first) = title.first_mut() {
        first.style = view.theme.dim();
    }
    Block::bordered()
        .title(Line::from(title))
        .border_style(style)
}

/// The selected row's style: highlighted in the focused panel; elsewhere only its
/// marker shows, so the eye finds where the keys go.
fn selection(view: &View, panel: Panel) -> Style {
    if view.screen.panel == panel {
        view.theme.selected()
    } else {
        Style::new()
    }
}

/// Each column of a KPI row, by the room there is.
struct Columns {
    name: usize,
    values: usize,
    /// "70% · 83% due", from 100 columns.
    progress: usize,
    status: usize,
    spark: usize,
}

impl Columns {
    /// At 78 columns: marker 2, name 24, values 20, status 11, flags 8, sparkline 10
    /// with a space between; progress and the rest go to the detail lines below.
    fn for_width(columns: usize) -> Columns {
        let (values, progress, spark) = match columns {
            100.. => (22, 14, 16),
            76.. => (20, 0, 10),
            60.. => (18, 0, 6),
            _ => (16, 0, 0),
        };
        let status = 11;
        let gap = |width: usize| if width > 0 { width + 1 } else { 0 };
        let fixed = 2 + 1 + values + gap(progress) + 1 + status + FLAGS_WIDTH + gap(spark);
        Columns {
            // A long name stops where the eye can still follow the row.
            name: columns.saturating_sub(fixed).clamp(6, 40),
            values,
            progress,
            status,
            spark,
        }
    }
}

fn render_kpis(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let data = view.data;
    let screen = view.screen;
    let p = &file.partner;
    let groups = screen.groups(data);
    let shown: usize = groups.iter().map(|g| g.kpis.len()).sum();
    let perspective = screen
        .perspective_name(data)
        .map_or("all perspectives".to_string(), |name| {
            format!("{name} only (p: next)")
        });
    let mut title = vec![Span::styled(format!(" KPIs ({shown}) "), theme.heading())];
    title.push(Span::styled(format!("· {perspective} "), theme.dim()));
    if file.read_only {
        title.push(Span::styled("· read-only ", theme.error()));
    }
    let block = panel_block(view, Panel::Kpis, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let columns = inner.width as usize;
    let detail_rows = if inner.height >= 7 { 4 } else { 0 };
    let [list, detail] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(detail_rows)]).areas(inner);

    if shown == 0 {
        let text = match (p.kpis.is_empty(), screen.perspective.is_some()) {
            (true, _) => "No KPIs yet: a adds one (what to measure, from where, to what, by when).",
            (false, true) => "No KPIs in this perspective: p shows the next, Esc all.",
            (false, false) => "No KPIs.",
        };
        frame.render_widget(
            Paragraph::new(indented(text, columns)).style(theme.dim()),
            list,
        );
        return;
    }

    let widths = Columns::for_width(columns);
    let selected = screen.selected(Panel::Kpis);
    let mut lines = Vec::new();
    let mut at = (0, 0);
    for group in &groups {
        lines.push(Line::styled(
            truncate(&format!(" {}", group.name), columns),
            theme.heading(),
        ));
        for index in &group.kpis {
            let Some(figures) = figures_of(data, &file.id, *index) else {
                continue;
            };
            let kpi = figures.kpi;
            let is_selected = selected == Some(&Rec::of(kpi));
            if is_selected {
                at = (lines.len(), lines.len() + 1);
            }
            let name_style = if figures.status.is_closed() {
                theme.dim()
            } else {
                theme.text()
            };
            let mut spans = vec![
                Span::raw(if is_selected { "› " } else { "  " }),
                Span::styled(fit(&kpi.name, widths.name), name_style),
                Span::raw(" "),
                Span::raw(fit_right(&values_text(&figures), widths.values)),
                Span::raw(" "),
            ];
            if widths.progress > 0 {
                spans.push(Span::styled(
                    fit_right(&progress_text(&figures), widths.progress),
                    theme.dim(),
                ));
                spans.push(Span::raw(" "));
            }
            spans.extend(status_spans(&figures, theme, widths.status));
            if widths.spark > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(
                    sparkline(kpi, data.today, widths.spark),
                    theme.text(),
                ));
            }
            let mut line = Line::from(spans);
            if is_selected {
                line = line.style(selection(view, Panel::Kpis));
            }
            lines.push(line);
        }
    }
    let rows = list.height as usize;
    if lines.len() > rows {
        let items = screen.items(data, Panel::Kpis);
        let index = selected.and_then(|s| items.iter().position(|i| i == s));
        more_note(frame, area, index.unwrap_or(0), items.len(), theme);
    }
    // The selected KPI with its perspective's heading, when it is the first.
    let offset = scroll_to(at.0.saturating_sub(1), at.1, rows, lines.len());
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), list);

    if detail_rows > 0
        && let Some(figures) = screen
            .kpi_index(data)
            .and_then(|index| figures_of(data, &file.id, index))
    {
        let mut text = vec![Line::styled("─".repeat(columns), theme.border())];
        text.extend(detail_lines(&figures, data.today, columns, theme));
        frame.render_widget(Paragraph::new(text), detail);
    }
}

/// `text` wrapped one column in from the panel's edge, like the rows beside it.
fn indented(text: &str, columns: usize) -> Vec<Line<'static>> {
    wrap(text, columns.saturating_sub(1))
        .into_iter()
        .map(|line| Line::raw(format!(" {line}")))
        .collect()
}

/// Sentiment 1–5 in the style of its mood: 4 and 5 good, 1 and 2 bad.
fn sentiment_style(theme: Theme, sentiment: u8) -> Style {
    match sentiment {
        4.. => theme.good(),
        3 => theme.text(),
        _ => theme.bad(),
    }
}

fn render_feedback(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let data = view.data;
    let p = &file.partner;
    let mut title = vec![Span::styled(
        format!(" Feedback ({}) ", p.feedback.len()),
        theme.heading(),
    )];
    for side in sentiment::by_side(p, data.today) {
        title.push(Span::styled(
            format!("· {} {:.1}{} ", side.side.label(), side.mean, side.arrow()),
            theme.dim(),
        ));
    }
    let block = panel_block(view, Panel::Feedback, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let columns = inner.width as usize;
    let order = view.screen.items(data, Panel::Feedback);
    if order.is_empty() {
        frame.render_widget(
            Paragraph::new(indented(
                "None yet: f adds what a stakeholder said.",
                columns,
            ))
            .style(theme.dim()),
            inner,
        );
        return;
    }
    let selected = view.screen.selected(Panel::Feedback);
    let mut lines = Vec::new();
    let mut at = (0, 0);
    for rec in &order {
        let Some(note) = rec.find(&p.feedback) else {
            continue;
        };
        let is_selected = selected == Some(rec);
        let start = lines.len();
        let head = format!("{} ", note.date);
        let who = format!(" {} · {}", note.who, note.side.label());
        let mut first = Line::from(vec![
            Span::raw(if is_selected { "›" } else { " " }),
            Span::raw(head),
            Span::styled(
                format!("{}/5", note.sentiment),
                sentiment_style(theme, note.sentiment),
            ),
            Span::styled(truncate(&who, columns.saturating_sub(16)), theme.title()),
        ]);
        if is_selected {
            first = first.style(selection(view, Panel::Feedback));
        }
        lines.push(first);
        for text in wrap(&note.text, columns.saturating_sub(3)) {
            if !text.is_empty() {
                lines.push(Line::raw(format!("   {text}")));
            }
        }
        if is_selected {
            at = (start, lines.len());
        }
    }
    let rows = inner.height as usize;
    if lines.len() > rows {
        let index = selected.and_then(|s| order.iter().position(|r| r == s));
        more_note(frame, area, index.unwrap_or(0), order.len(), theme);
    }
    let offset = scroll_to(at.0, at.1, rows, lines.len());
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

fn render_reviews(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let data = view.data;
    let p = &file.partner;
    let title = vec![Span::styled(
        format!(" Reviews ({}) ", p.reviews.len()),
        theme.heading(),
    )];
    let block = panel_block(view, Panel::Reviews, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let columns = inner.width as usize;
    let order = view.screen.items(data, Panel::Reviews);
    if order.is_empty() {
        frame.render_widget(
            Paragraph::new(indented("None yet: R records one.", columns)).style(theme.dim()),
            inner,
        );
        return;
    }
    let selected = view.screen.selected(Panel::Reviews);
    let mut lines = Vec::new();
    let mut at = (0, 0);
    for rec in &order {
        let Some(review) = rec.find(&p.reviews) else {
            continue;
        };
        let is_selected = selected == Some(rec);
        let start = lines.len();
        let period = if review.period.is_empty() {
            String::new()
        } else {
            format!(" {}", review.period)
        };
        let mut first = Line::from(vec![
            Span::raw(if is_selected { "›" } else { " " }),
            Span::styled(
                truncate(
                    &format!("{}{period}", review.date),
                    columns.saturating_sub(1),
                ),
                theme.title(),
            ),
        ]);
        if is_selected {
            first = first.style(selection(view, Panel::Reviews));
        }
        lines.push(first);
        let mut rated = Vec::new();
        for rating in [
            crate::domain::partner::OutcomeRating::Met,
            crate::domain::partner::OutcomeRating::Partly,
            crate::domain::partner::OutcomeRating::Missed,
        ] {
            let n = review
                .outcomes
                .iter()
                .filter(|o| o.rating == rating)
                .count();
            if n > 0 {
                rated.push(format!("{n} {}", rating.label()));
            }
        }
        let rated = if rated.is_empty() {
            "no outcome rated".to_string()
        } else {
            rated.join(" · ")
        };
        lines.push(Line::styled(
            truncate(&format!("  {rated}"), columns),
            theme.dim(),
        ));
        let mut decided = Vec::new();
        if !review.closed_kpis.is_empty() {
            decided.push(match review.closed_kpis.len() {
                1 => "1 KPI closed".to_string(),
                n => format!("{n} KPIs closed"),
            });
        }
        if !review.adjustments.is_empty() {
            let open = review
                .adjustments
                .iter()
                .filter(|id| p.actions.iter().any(|a| a.id == **id && a.is_open()))
                .count();
            decided.push(format!("{} adj., {open} open", review.adjustments.len()));
        }
        if !decided.is_empty() {
            lines.push(Line::styled(
                truncate(&format!("  {}", decided.join(" · ")), columns),
                theme.dim(),
            ));
        }
        if is_selected {
            at = (start, lines.len());
        }
    }
    let rows = inner.height as usize;
    if lines.len() > rows {
        let index = selected.and_then(|s| order.iter().position(|r| r == s));
        more_note(frame, area, index.unwrap_or(0), order.len(), theme);
    }
    let offset = scroll_to(at.0, at.1, rows, lines.len());
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
