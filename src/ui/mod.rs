//! Drawing: `render(&App, &mut Frame)` and nothing else — the tab bar, the current
//! screen, the status line, the key hints, and any overlay on top.

pub mod detail;
pub mod overview;
pub mod pipeline;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::keymap;
use crate::app::state::{App, Level, Overlay, Tab};
use crate::report::as_of;
use widgets::text::{truncate, width};

/// Draws the whole dashboard.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let [tabs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, frame, tabs);
    render_body(app, frame, body);
    render_status(app, frame, status);
    render_footer(app, frame, footer);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Help { scroll } => {
                widgets::help::render(frame, area, app.screen_context(), *scroll, app.theme)
            }
            Overlay::LoadErrors { scroll } => {
                widgets::load_errors::render(frame, area, &app.load_errors, *scroll, app.theme)
            }
            Overlay::Form(overlay) => widgets::form::render(&overlay.form, frame, area, app.theme),
            Overlay::Confirm(confirm) => {
                widgets::confirm::render(frame, area, &confirm.question, app.theme)
            }
        }
    }
}

fn render_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    // Padded labels when there is room; at 80 columns plain ones, so all five tabs
    // and the demo date fit. Either way the labels never move when the tab changes.
    let padded = area.width >= 90;
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let label = if padded {
            format!(" {} {} ", tab.index() + 1, tab.title())
        } else {
            format!("{} {}", tab.index() + 1, tab.title())
        };
        let style = if tab == app.tab {
            theme.active_tab()
        } else {
            theme.tab()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|span| width(&span.content)).sum();
    // The date must survive a narrow terminal; the workspace name comes if it fits.
    let room = (area.width as usize).saturating_sub(used);
    let date = as_of(app.today, app.today_source);
    let right = if width(&date) + 2 <= room {
        let name_room = room - width(&date) - 2;
        if name_room >= 8 {
            format!(
                "{date} · {}",
                truncate(&app.workspace.name, name_room.saturating_sub(3))
            )
        } else {
            date
        }
    } else {
        truncate(&date, room.saturating_sub(1))
    };
    if !right.is_empty() {
        spans.push(Span::raw(
            " ".repeat(room.saturating_sub(width(&right) + 1)),
        ));
        spans.push(Span::styled(right, theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

fn render_body(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(detail) = &app.detail {
        return detail::render(app, detail, frame, area);
    }
    match app.tab {
        Tab::Overview => overview::render(app, frame, area),
        Tab::Pipeline => pipeline::render(app, frame, area),
        Tab::Timeline => coming(
            app,
            frame,
            area,
            "The timeline: milestones as bars on a calendar, by partner or phase, with today marked.",
        ),
        Tab::Scoring => coming(
            app,
            frame,
            area,
            "The scoring matrix: candidates by criteria, weighted scores and rank.",
        ),
        Tab::Scorecard => coming(
            app,
            frame,
            area,
            "The KPI scorecard: each partner's KPIs by perspective, trends, forecasts and feedback.",
        ),
    }
}

/// A tab that a later release fills: one honest line about what will be there.
fn coming(app: &App, frame: &mut Frame, area: Rect, what: &str) {
    let lines = vec![
        Line::raw(""),
        Line::styled(what.to_string(), app.theme.text()),
        Line::styled(
            "Not built yet — the Overview (1) has the portfolio today.",
            app.theme.dim(),
        ),
    ];
    let inset = Rect {
        x: area.x.saturating_add(2).min(area.x + area.width),
        width: area.width.saturating_sub(4),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inset);
}

/// Load errors first, then the last save or its error, then the data directory
/// (cut from the left when long) — what matters most survives a narrow terminal.
fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    if !app.load_errors.is_empty() {
        let count = app.load_errors.len();
        let text = format!(
            " {count} {} did not load (! to list) ",
            if count == 1 { "file" } else { "files" }
        );
        used += width(&text);
        spans.push(Span::styled(text, theme.error()));
    }
    if !app.history.unsaved.is_empty() {
        let text = format!(
            " ⚠ {} unsaved (W write · Ctrl-l reload) ",
            app.history.unsaved.len()
        );
        used += width(&text);
        spans.push(Span::styled(text, theme.error()));
    }
    if let Some(message) = &app.status {
        let style = match message.level {
            Level::Info => theme.text(),
            Level::Error => theme.error(),
        };
        let text = truncate(
            &format!(" {} ", message.text),
            (area.width as usize).saturating_sub(used),
        );
        used += width(&text);
        spans.push(Span::styled(text, style));
    }
    let room = (area.width as usize).saturating_sub(used + 1);
    if room >= 6 {
        let label = &app.data_label;
        let shown = if width(label) <= room {
            label.clone()
        } else {
            let tail: String = label
                .chars()
                .rev()
                .take(room.saturating_sub(1))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!("…{tail}")
        };
        spans.push(Span::styled(format!(" {shown}"), theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The key hints of the current screen. When they do not all fit, the screen's own
/// are dropped from the end first, so `? help` and `q quit` always show.
fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let context = app.context();
    let mut own = keymap::hints(context);
    let global: Vec<_> = keymap::hints(keymap::Context::Global)
        .into_iter()
        .filter(|hint| own.contains(hint))
        .collect();
    own.retain(|hint| !global.contains(hint));
    let cost = |hints: &[(String, &str)]| -> usize {
        hints
            .iter()
            .map(|(keys, hint)| width(keys) + width(hint) + 3)
            .sum()
    };
    while !own.is_empty() && cost(&own) + cost(&global) > area.width as usize {
        own.pop();
    }
    let mut spans = Vec::new();
    for (keys, hint) in own.iter().chain(&global) {
        spans.push(Span::styled(format!(" {keys}"), theme.key()));
        spans.push(Span::styled(format!(" {hint} "), theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}
