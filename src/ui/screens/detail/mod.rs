//! The partner detail: a header with the partner's health and why, section tabs, and
//! the selected section as a list of items — profile and goals, roles, agreement,
//! charter, activity.

mod rows;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use crate::app::Data;
use crate::app::records::Rec;
use crate::app::screens::DetailScreen;
use crate::app::screens::detail::{Section, rows};
use crate::domain::dates::{days_between, describe_due};
use crate::domain::partner::{ClauseStatus, Partner};
use crate::text::{truncate, width, wrap};
use crate::ui::theme::{Theme, band_symbol};

pub fn render(screen: &DetailScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(file) = data.partner(&screen.partner) else {
        frame.render_widget(
            Paragraph::new(format!(
                " {} is no longer in the data directory.",
                screen.partner
            ))
            .style(theme.error()),
            area,
        );
        return;
    };
    let partner = &file.partner;
    let [header, sections, body] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    render_header(
        data,
        theme,
        &file.id,
        partner,
        file.read_only,
        frame,
        header,
    );
    render_section_tabs(screen.section, theme, frame, sections);

    // Two columns of border and one for the selection marker.
    let context = rows::Context {
        data,
        theme,
        id: &file.id,
        partner,
        width: body.width.saturating_sub(3) as usize,
    };
    let figures = data.figures(&file.id);
    let rows = rows(partner, figures, screen.section, data.today);
    // The selected item is the n-th item row: the rows and the items are one list.
    let selected_row = screen.selected_index(data).and_then(|n| {
        rows.iter()
            .enumerate()
            .filter(|(_, row)| row.item().is_some())
            .nth(n)
            .map(|(index, _)| index)
    });
    let list_items: Vec<ListItem> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let marker = if Some(index) == selected_row {
                "›"
            } else {
                " "
            };
            let mut lines = rows::lines(&context, row);
            if let Some(first) = lines.first_mut() {
                first.spans.insert(0, Span::raw(marker));
            }
            for line in lines.iter_mut().skip(1) {
                line.spans.insert(0, Span::raw(" "));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default().with_selected(selected_row);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", screen.section.title()),
            theme.heading(),
        ))
        .border_style(theme.focused_border());
    frame.render_stateful_widget(
        List::new(list_items)
            .block(block)
            .highlight_style(theme.selected()),
        body,
        &mut state,
    );
}

fn render_header(
    data: &Data,
    theme: Theme,
    id: &str,
    partner: &Partner,
    read_only: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let since = days_between(partner.stage_since, data.today);
    let columns = area.width as usize;
    let name = truncate(&format!(" {} ", partner.name), columns);
    let kind = if partner.kind.is_empty() {
        "—"
    } else {
        &partner.kind
    };
    let rest = format!(
        "· {kind} · {} {} · {}",
        data.workspace.stage_name(&partner.stage),
        match since {
            ..=0 => "since today".to_string(),
            1 => "for 1 day".to_string(),
            days => format!("for {days} days"),
        },
        owner_phrase(data, &partner.owner)
    );
    let rest = truncate(&rest, columns.saturating_sub(width(&name)));
    let mut first = vec![
        Span::styled(name, theme.title()),
        Span::styled(rest, theme.text()),
    ];
    if read_only {
        first.push(Span::styled(
            "  read-only (newer file version)",
            theme.error(),
        ));
    }
    let health = data.figures(id).map(|figures| &figures.health);
    let health_line = match health {
        // No score (a closed stage, a candidate): the reason alone, no "· –".
        Some(health) if health.score.is_none() => Line::styled(
            truncate(&format!(" {}", health.explain()), columns),
            theme.dim(),
        ),
        Some(health) => {
            let band = health.band();
            let score = health.score.map(|s| s.to_string()).unwrap_or_default();
            // The score once, in its band's colour: "health ◐ 61 from 100 of 100
            // points: …", not "◐ 61 health 61 from …".
            let explained = health.explain();
            let rest = explained
                .strip_prefix(&format!("health {score} "))
                .unwrap_or(&explained);
            let badge = format!(" health {} {score} ", band_symbol(band));
            Line::from(vec![
                Span::styled(badge.clone(), theme.band(band)),
                Span::styled(
                    truncate(rest, columns.saturating_sub(width(&badge))),
                    theme.dim(),
                ),
            ])
        }
        None => Line::raw(""),
    };
    let tags = if partner.tags.is_empty() {
        String::new()
    } else {
        truncate(&format!(" tags: {}", partner.tags.join(", ")), columns)
    };
    let lines = vec![
        Line::from(first),
        health_line,
        Line::styled(tags, theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_section_tabs(current: Section, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for section in Section::ALL {
        let style = if section == current {
            theme.active_tab()
        } else {
            theme.tab()
        };
        spans.push(Span::styled(format!(" {} ", section.title()), style));
    }
    frame.render_widget(Line::from(spans), area);
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}

fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or("—".to_string(), |d| d.to_string())
}

fn due_phrase(date: Option<NaiveDate>, today: NaiveDate) -> String {
    match date {
        Some(date) => format!("{date} ({})", describe_due(date, today)),
        None => "—".into(),
    }
}

/// "owner Amara Nwosu", or "no owner" when none is set (not a bare "owner").
pub(crate) fn owner_phrase(data: &Data, handle: &str) -> String {
    match data.workspace.member_name(handle).trim() {
        "" => "no owner".to_string(),
        name => format!("owner {name}"),
    }
}

/// An expiry date and how it stands: an agreement past it "expired N days ago",
/// not "overdue" (nothing is late; it has run out).
fn expiry_phrase(date: Option<NaiveDate>, today: NaiveDate) -> String {
    let Some(date) = date else {
        return "—".into();
    };
    let when = match days_between(today, date) {
        0 => "expires today".to_string(),
        1 => "expires tomorrow".to_string(),
        n if n > 1 => format!("in {n} days"),
        -1 => "expired yesterday".to_string(),
        n => format!("expired {} days ago", -n),
    };
    format!("{date} ({when})")
}

/// One action item: a box (ticked when done), what, who, when, and where it was
/// agreed.
fn action_line(
    data: &Data,
    theme: Theme,
    partner: &Partner,
    at: &Rec,
    width: usize,
) -> Line<'static> {
    let today = data.today;
    let Some(action) = at.find(&partner.actions) else {
        return Line::styled("  (gone)", theme.dim());
    };
    let from = partner
        .origin_label(action)
        .map_or(String::new(), |origin| format!(" · from {origin}"));
    let (mark, style, when) = match action.done {
        Some(done) => ("  ☑ ", theme.good(), format!("done {done}")),
        None => (
            "  ☐ ",
            if action.is_overdue(today) {
                theme.bad()
            } else {
                theme.text()
            },
            format!("due {}", due_phrase(action.due, today)),
        ),
    };
    let owner = data.workspace.member_name(&action.owner);
    let owner = if owner.is_empty() {
        String::new()
    } else {
        format!(" — {owner}")
    };
    Line::from(vec![
        Span::styled(mark, style),
        Span::raw(truncate(
            &format!("{}{owner} · {when}{from}", action.text),
            width.saturating_sub(5),
        )),
    ])
}

/// "SMAT" → "S M A T": letters a reader takes one by one, not a misspelt word.
fn spaced(letters: &str) -> String {
    letters
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        "—".into()
    } else {
        line.to_string()
    }
}

fn clause_mark(status: ClauseStatus, theme: Theme) -> (&'static str, Style) {
    match status {
        ClauseStatus::Agreed => ("✓", theme.good()),
        ClauseStatus::Drafting => ("~", theme.warn()),
        ClauseStatus::NeedsReview => ("!", theme.bad()),
        ClauseStatus::NotStarted => ("·", theme.dim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_past_its_expiry_has_expired_and_is_not_overdue() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d);
        assert_eq!(
            expiry_phrase(day(23), today),
            "2026-11-23 (expired 5 days ago)"
        );
        assert_eq!(
            expiry_phrase(day(27), today),
            "2026-11-27 (expired yesterday)"
        );
        assert_eq!(expiry_phrase(day(28), today), "2026-11-28 (expires today)");
        assert_eq!(expiry_phrase(day(30), today), "2026-11-30 (in 2 days)");
        assert_eq!(expiry_phrase(None, today), "—");
    }
}
