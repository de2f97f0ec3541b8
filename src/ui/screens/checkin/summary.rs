//! The summary at the end of the check-in: partners checked, skipped and still to
//! do, and what the check-ins added and changed.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::Data;
use crate::app::screens::checkin::CheckinScreen;
use crate::text::{truncate, wrap};
use crate::ui::theme::Theme;

pub(super) fn render_summary(
    screen: &CheckinScreen,
    data: &Data,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let columns = area.width.saturating_sub(2) as usize;
    let list = |names: &[String]| {
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join(", ")
        }
    };
    let tally = &screen.tally;
    let mut lines = vec![
        Line::styled(
            format!(" Check-in of {}", date_words(data.today)),
            theme.title(),
        ),
        Line::raw(""),
    ];
    lines.extend(labelled(
        &format!("Checked in {}", screen.checked.len()),
        list(&screen.checked),
        columns,
        theme,
    ));
    lines.extend(labelled(
        &format!("Skipped {}", screen.skipped.len()),
        list(&screen.skipped),
        columns,
        theme,
    ));
    let not_reached = screen.not_reached();
    if not_reached > 0 {
        let names: Vec<String> = (screen.queue.get(screen.at..).unwrap_or_default())
            .iter()
            .filter_map(|id| data.partner_data(id).map(|p| p.name.clone()))
            .collect();
        lines.extend(labelled(
            &format!("Still to do {not_reached}"),
            format!("{} (c goes on)", list(&names)),
            columns,
            theme,
        ));
    }
    if !screen.left_out.is_empty() {
        lines.extend(labelled(
            &format!("Done earlier {}", screen.left_out.len()),
            format!("{} (checked in today already)", list(&screen.left_out)),
            columns,
            theme,
        ));
    }
    lines.push(Line::raw(""));
    lines.extend(labelled(
        "Readings",
        format!("{} added", tally.readings),
        columns,
        theme,
    ));
    let mut milestones = vec![
        format!("{} done", tally.milestones_done),
        format!("{} moved", tally.milestones_moved),
        format!("{} blocked", tally.milestones_blocked),
    ];
    if tally.milestones_unblocked > 0 {
        milestones.push(format!("{} unblocked", tally.milestones_unblocked));
    }
    lines.extend(labelled(
        "Milestones",
        milestones.join(" · "),
        columns,
        theme,
    ));
    lines.extend(labelled(
        "Action items",
        format!(
            "{} opened · {} closed",
            tally.actions_opened, tally.actions_closed
        ),
        columns,
        theme,
    ));
    lines.extend(labelled(
        "Feedback",
        format!("{} noted", tally.feedback),
        columns,
        theme,
    ));
    lines.push(Line::raw(""));
    let back = if screen.single {
        "Enter goes back to where you were"
    } else {
        "Enter goes back to the Overview"
    };
    lines.push(Line::styled(
        truncate(
            &format!(" Each partner's check-in is one step for u. {back}."),
            columns,
        ),
        theme.dim(),
    ));
    let block = Block::bordered()
        .border_style(theme.focused_border())
        .title(Span::styled(" Check-in done ", theme.heading()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// " Checked in    2   Cobalt Works, Birch Foundation", the value wrapped under
/// itself when it is long (a walk of many partners).
fn labelled(label: &str, value: String, columns: usize, theme: Theme) -> Vec<Line<'static>> {
    const LABEL: usize = 16;
    let room = columns.saturating_sub(LABEL + 1).max(10);
    wrap(&value, room)
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let label = if index == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!(" {label:<width$}", width = LABEL - 1), theme.dim()),
                Span::styled(truncate(&text, room), theme.text()),
            ])
        })
        .collect()
}

/// "Saturday 28 November 2026".
fn date_words(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}
