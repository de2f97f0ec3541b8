//! The check-in page: a header (the partner's stage, health and its basis, days
//! since the last check-in against the charter's cadence), then the page's rows
//! and inputs top to bottom (laid out in `canvas`), scrolled to keep the cursor in
//! view, with what the focused place takes on the last line. At the end of the
//! walk, the summary (`summary`).

mod canvas;
mod summary;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::Data;
use crate::app::screens::checkin::CheckinScreen;
use crate::app::screens::checkin::page::{Page, Slot};
use crate::domain::checkin::checkin_overdue;
use crate::domain::dates::days_between;
use crate::domain::partner::Partner;
use crate::text::{truncate, width};
use crate::ui::theme::{Theme, band_symbol};
use crate::ui::widgets::form::draw_value;
use canvas::layout;
use summary::render_summary;

pub fn render(screen: &CheckinScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    match &screen.page {
        Some(page) => render_page(screen, page, data, theme, frame, area),
        None => render_summary(screen, data, theme, frame, area),
    }
}

fn render_page(
    screen: &CheckinScreen,
    page: &Page,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(partner) = data.partner_data(&page.partner) else {
        frame.render_widget(
            Paragraph::new(format!(
                " {} is no longer in the data directory: Ctrl-n goes on, Esc leaves.",
                page.partner
            ))
            .style(theme.error()),
            area,
        );
        return;
    };
    let wide = area.width >= 110;
    let header_rows = 3;
    if area.height < header_rows + 3 {
        return;
    }
    let header = Rect::new(area.x, area.y, area.width, header_rows);
    render_header(screen, page, partner, data, theme, frame, header);
    let framed = Rect::new(
        area.x,
        area.y + header_rows,
        area.width,
        area.height - header_rows,
    );
    let block = Block::bordered()
        .border_style(theme.focused_border())
        .title(Span::styled(" Check-in ", theme.heading()));
    let inner = block.inner(framed);
    frame.render_widget(block, framed);
    if inner.height < 2 || inner.width < 20 {
        return;
    }
    // The last line says what the focused place takes, or why it was refused.
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let help_line = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);

    let canvas = layout(page, partner, data, theme, body.width, wide);
    let focus = page.focus();
    let focus_row = canvas
        .rows
        .iter()
        .position(|row| row.slot == Some(focus) || row.inputs.iter().any(|i| i.slot == focus))
        .unwrap_or(0);
    // An input's height, or the lines a row takes (its details may go under it).
    let focus_height = canvas.rows[focus_row]
        .inputs
        .iter()
        .find(|i| i.slot == focus)
        .map_or_else(
            || {
                (canvas.rows[focus_row..].iter())
                    .take_while(|row| row.slot == Some(focus))
                    .count()
                    .max(1)
            },
            |i| i.height as usize,
        );
    // Keep the cursor in view, with the heading above it when there is room.
    let visible = body.height as usize;
    // A line under the focus too (a reason the input was refused) — but not under
    // the note, whose box is tall already: the top of the page comes first.
    let after = usize::from(focus != Slot::Note);
    let bottom_needed = focus_row + focus_height + after;
    let offset = bottom_needed
        .saturating_sub(visible)
        .min(focus_row.saturating_sub(1));
    for (index, row) in canvas.rows.iter().enumerate().skip(offset) {
        let y = (index - offset) as u16;
        if y >= body.height {
            break;
        }
        let line_area = Rect::new(body.x, body.y + y, body.width, 1);
        let focused_row = row.slot.is_some() && row.slot == Some(focus);
        let mut line = Line::from(row.spans.clone());
        if focused_row {
            line = line.style(theme.selected());
        }
        frame.render_widget(line, line_area);
        for input in &row.inputs {
            let room = body.height - y;
            let rect = Rect::new(
                body.x + input.x,
                body.y + y,
                input.width,
                input.height.min(room),
            );
            if let Some(field) = page.field(input.slot) {
                let focused = input.slot == focus;
                if input.slot == Slot::Note && !focused && field.raw().is_empty() {
                    // An empty note still shows where it is, colour or not.
                    frame.render_widget(
                        Line::styled("┆ what was said and decided", theme.dim()),
                        rect,
                    );
                } else if matches!(input.slot, Slot::ActionDue(_))
                    && !focused
                    && field.raw().trim().is_empty()
                {
                    // A new action without a due date says so.
                    frame.render_widget(Line::styled("no due date", theme.dim()), rect);
                } else {
                    draw_value(field, focused, frame, rect, theme);
                }
            }
        }
    }
    let (text, style) = help_for(page, data, theme);
    frame.render_widget(
        Line::styled(truncate(&text, help_line.width as usize), style),
        help_line,
    );
}

/// What the focused place takes, its refusal, or the page's own error.
fn help_for(page: &Page, data: &Data, theme: Theme) -> (String, Style) {
    if let Some(error) = &page.error {
        return (format!(" ✗ {error}"), theme.error());
    }
    let focus = page.focus();
    if let Some(field) = page.field(focus) {
        if let Some(error) = &field.error {
            return (format!(" ✗ {error}"), theme.error());
        }
        // Every input says what it takes, so the line is never blank.
        let hint = match focus {
            Slot::ReadingValue(_) => "the value measured today; empty: no reading".to_string(),
            Slot::ReadingNote(_) => "a word on the reading (optional)".to_string(),
            Slot::BlockReason(_) => {
                "why it is blocked, kept on the milestone; b on its row: not after all".to_string()
            }
            Slot::MoveDue(_) => {
                "the new due date, today or later: YYYY-MM-DD, +7d, +2w; > on its row: not after all"
                    .to_string()
            }
            Slot::FeedbackWho(_) => "who said something worth keeping (optional)".to_string(),
            Slot::FeedbackSide(_) => "whose side they are on: ←/→ or Space".to_string(),
            Slot::FeedbackText(_) => "what they said".to_string(),
            Slot::Tier => "the meeting's tier in the charter: ←/→ or Space".to_string(),
            Slot::Attendees => "who took part, separated by commas".to_string(),
            Slot::Note => "what was said and decided; Enter breaks the line".to_string(),
            Slot::ActionText(_) => "an action agreed here (optional)".to_string(),
            Slot::ActionOwner(_) => "who does it: ←/→ or Space".to_string(),
            Slot::ActionSide(_) => "whose side does it: ←/→ or Space".to_string(),
            Slot::ActionDue(_) => "when it is due (optional): YYYY-MM-DD, +7d, +2w".to_string(),
            _ => field.hint.clone().unwrap_or_default(),
        };
        return (format!(" {hint}"), theme.dim());
    }
    let words = match focus {
        Slot::Milestone(index) => {
            let blocked = page
                .milestone(data, index)
                .is_some_and(|m| m.status == crate::domain::timeline::MilestoneStatus::Blocked);
            if blocked {
                " Space done · b unblock · > move the due date (why?)"
            } else {
                " Space done · b blocked (why?) · > move the due date (why?)"
            }
        }
        _ => " Space done · again: not after all",
    };
    (words.to_string(), theme.dim())
}

fn render_header(
    screen: &CheckinScreen,
    page: &Page,
    partner: &Partner,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let columns = area.width as usize;
    let count = if screen.single {
        String::new()
    } else {
        let (at, of) = screen.position();
        format!("  {at} of {of}")
    };
    let stage = data.workspace.stage_name(&partner.stage);
    let since = partner.stage_since;
    let left = format!(" Check-in · {}{count}", partner.name);
    let right = format!("{stage} since {since} ");
    let gap = columns.saturating_sub(width(&left) + width(&right));
    let first = if gap >= 1 {
        Line::from(vec![
            Span::styled(left, theme.title()),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, theme.dim()),
        ])
    } else {
        Line::styled(truncate(&left, columns), theme.title())
    };
    frame.render_widget(first, Rect::new(area.x, area.y, area.width, 1));

    // The health with its basis and, as far as it fits, the parts behind it.
    if let Some(figures) = data.figures(&page.partner) {
        let band = figures.health.band();
        let text = format!(" {} {}", band_symbol(band), figures.health.explain());
        frame.render_widget(
            Line::styled(truncate(&text, columns), theme.band(band)),
            Rect::new(area.x, area.y + 1, area.width, 1),
        );
    }
    let (long, short, overdue) = cadence(partner, data);
    let flag = overdue.map(|overdue| format!(" ⚑ {overdue}"));
    let fits = |text: &str| width(text) + flag.as_deref().map_or(0, width) <= columns;
    let cadence = if fits(&format!(" {long}")) {
        format!(" {long}")
    } else {
        format!(" {short}")
    };
    let mut spans = vec![Span::styled(cadence, theme.text())];
    spans.extend(flag.map(|flag| Span::styled(flag, theme.bad())));
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let third = if width(&text) <= columns {
        Line::from(spans)
    } else {
        Line::styled(truncate(&text, columns), theme.text())
    };
    frame.render_widget(third, Rect::new(area.x, area.y + 2, area.width, 1));
}

/// "last check-in 22 days ago (2026-11-06); one every 14 days (the charter's)",
/// the same in short ("last check-in 22 days ago, one every 14 days"), and how
/// overdue it is.
fn cadence(partner: &Partner, data: &Data) -> (String, String, Option<String>) {
    let every = partner.cadence_days(data.workspace.checkin_cadence_days);
    let whose = if partner.charter.checkin_cadence_days.is_some() {
        "the charter's"
    } else {
        "the workspace's"
    };
    let today = data.today;
    let (long, short) = match partner.last_checkin(today) {
        Some(last) => {
            let ago = match days_between(last, today) {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                days => format!("{days} days ago"),
            };
            (
                format!("last check-in {ago} ({last})"),
                format!("last check-in {ago}"),
            )
        }
        None => ("no check-in yet".to_string(), "no check-in yet".to_string()),
    };
    // Overdue as the attention list has it: never outside the check-in's stages,
    // where the cadence is only said, and said not to apply.
    let overdue = checkin_overdue(partner, &data.workspace, today).map(|days| match days {
        1 => "a day overdue".to_string(),
        days => format!("{days} days overdue"),
    });
    if !data.workspace.is_checkin_stage(&partner.stage) {
        let stage = data.workspace.stage_name(&partner.stage);
        return (
            format!("{long}; {stage} is not a stage the check-in walks"),
            format!("{short}; {stage}: no check-ins due"),
            None,
        );
    }
    (
        format!("{long}; one every {every} days ({whose})"),
        format!("{short}, one every {every} days"),
        overdue,
    )
}
