//! Drawing: `render(&App, Theme, &mut Frame)` and nothing else — the tab bar, the
//! screen on top (`screens`), the status line (more than one when its message is
//! long), the key hints, and any overlay.

pub mod screens;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::effect::Level;
use crate::app::keymap;
use crate::app::overlays::Overlay;
use crate::app::screens::Tab;
use crate::text::{as_of, truncate, width, wrap};
use theme::Theme;

/// Draws the whole dashboard.
pub fn render(app: &App, theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let banner = u16::from(app.data.read_only.is_some());
    let status_lines = status_lines(app, theme, area.width as usize);
    let [tabs, banner_area, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner),
        Constraint::Min(0),
        Constraint::Length(status_lines.len() as u16),
        Constraint::Length(1),
    ])
    .areas(area);
    render_tabs(app, theme, frame, tabs);
    if let Some(why) = &app.data.read_only {
        let text = format!(" READ-ONLY — {why}: you can look, nothing is written ");
        frame.render_widget(
            Line::styled(truncate(&text, area.width as usize), theme.error()),
            banner_area,
        );
    }
    screens::render(app, theme, frame, body);
    frame.render_widget(Paragraph::new(status_lines), status);
    render_footer(app, theme, frame, footer);
    for overlay in &app.view.overlays {
        match overlay {
            Overlay::Help(scroll) => {
                widgets::help::render(frame, area, app.screen_context(), scroll.offset, theme)
            }
            Overlay::LoadErrors(scroll) => widgets::load_errors::render(
                frame,
                area,
                &app.data.load_errors,
                scroll.offset,
                theme,
            ),
            Overlay::Form(form) => widgets::form::render(
                &form.form,
                form.changed_underneath(&app.data),
                frame,
                area,
                theme,
            ),
            Overlay::Confirm(confirm) => {
                widgets::confirm::render(frame, area, &confirm.question, theme)
            }
            Overlay::Choice(choice) => widgets::confirm::render_with(
                frame,
                area,
                &choice.question,
                choice.context,
                &format!(" {} ", choice.context.title()),
                theme,
            ),
            Overlay::Clash(clash) => widgets::clash::render(frame, area, clash, theme),
        }
    }
}

fn render_tabs(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
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
        let style = if tab == app.view.tab {
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
    let date = as_of(app.data.today, app.data.today_source);
    let right = if width(&date) + 2 <= room {
        let name_room = room - width(&date) - 2;
        if name_room >= 8 {
            format!(
                "{date} · {}",
                truncate(&app.data.workspace.name, name_room.saturating_sub(3))
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

/// The most lines the status line takes: a message longer than that (a save error
/// naming a very long path on a narrow terminal) is cut there.
const STATUS_LINES: usize = 5;

/// The status line: load errors first, then unsaved edits, then the last message,
/// then the data directory (cut from the left when long). A message that does not
/// fit goes on over the lines below, wrapped by words — up to `STATUS_LINES` in
/// all, the data directory left out — so a save error is read in full.
fn status_lines(app: &App, theme: Theme, columns: usize) -> Vec<Line<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    if !app.data.load_errors.is_empty() {
        let count = app.data.load_errors.len();
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
    let mut below = Vec::new();
    if let Some(message) = &app.status {
        let style = match message.level {
            Level::Info => theme.text(),
            Level::Error => theme.error(),
        };
        let text = format!(" {} ", message.text);
        if used + width(&text) <= columns {
            used += width(&text);
            spans.push(Span::styled(text, style));
        } else {
            // Wrapped as if it followed what is already on the first line (a
            // placeholder word as wide), so it starts there and goes on below.
            let lead = "x".repeat(used);
            let mut wrapped = wrap(
                &format!("{lead} {}", message.text),
                columns.saturating_sub(2).max(used + 2),
            );
            if wrapped.len() > STATUS_LINES {
                let rest = wrapped.split_off(STATUS_LINES - 1).join(" ");
                wrapped.push(truncate(&rest, columns.saturating_sub(2)));
            }
            let mut wrapped = wrapped.into_iter();
            let first = wrapped.next().unwrap_or_default();
            let first = first.get(used..).unwrap_or_default().trim_start();
            spans.push(Span::styled(format!(" {first}"), style));
            below = wrapped
                .map(|line| Line::styled(format!(" {line}"), style))
                .collect();
            used = columns;
        }
    }
    let room = columns.saturating_sub(used + 1);
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
    let mut lines = vec![Line::from(spans)];
    lines.extend(below);
    lines
}

/// The key hints of the focused screen. When they do not all fit, the screen's own
/// are dropped from the end first, so `? help` and `q quit` always show.
fn render_footer(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
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
