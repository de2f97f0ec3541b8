//! A review read in full: its outcomes against the goals, what worked, the
//! challenges, the KPIs it closed and the adjustments it decided — each an action
//! item, with its owner, due date and whether it is done.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::number;
use crate::app::Data;
use crate::app::screens::ScorecardScreen;
use crate::app::screens::scorecard::Panel;
use crate::app::screens::scorecard::figures::Shown;
use crate::domain::partner::OutcomeRating;
use crate::text::{truncate, wrap};
use crate::ui::theme::Theme;

pub(super) fn render(
    screen: &ScorecardScreen,
    data: &Data,
    scroll: u16,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let found = screen.partner(data).and_then(|p| {
        let review = screen.selected(Panel::Reviews)?.find(&p.reviews)?;
        Some((p, review))
    });
    let Some((partner, review)) = found else {
        frame.render_widget(
            Paragraph::new(" That review is no longer there: Esc goes back.").style(theme.dim()),
            area,
        );
        return;
    };
    let period = if review.period.is_empty() {
        String::new()
    } else {
        format!(" · {}", review.period)
    };
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " Review of {}{period} · {} · by {} ",
                review.date,
                partner.name,
                data.workspace.member_name(&review.author)
            ),
            theme.heading(),
        ))
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    let columns = (inner.width as usize).saturating_sub(4);
    let mut lines: Vec<Line> = Vec::new();
    let heading = |lines: &mut Vec<Line>, text: &str| {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(text.to_string(), theme.heading()));
    };
    let paragraph = |lines: &mut Vec<Line>, text: &str| {
        if text.trim().is_empty() {
            lines.push(Line::styled("  —", theme.dim()));
            return;
        }
        for line in wrap(text, columns) {
            lines.push(Line::raw(format!("  {line}")));
        }
    };

    heading(&mut lines, "Outcomes against the goals");
    if review.outcomes.is_empty() {
        lines.push(Line::styled("  none rated", theme.dim()));
    }
    for outcome in &review.outcomes {
        let (symbol, style) = match outcome.rating {
            OutcomeRating::Met => ("●", theme.good()),
            OutcomeRating::Partly => ("◐", theme.warn()),
            OutcomeRating::Missed => ("○", theme.bad()),
        };
        let goal = partner
            .goal(&outcome.goal)
            .map(|g| g.statement.clone())
            .or_else(|| (!outcome.goal_text.is_empty()).then(|| outcome.goal_text.clone()))
            .unwrap_or_else(|| format!("{} (no longer a goal)", outcome.goal));
        let comment = if outcome.comment.is_empty() {
            String::new()
        } else {
            format!(" — {}", outcome.comment)
        };
        let text = wrap(&format!("{goal}{comment}"), columns.saturating_sub(9));
        for (index, line) in text.iter().enumerate() {
            let lead = if index == 0 {
                Span::styled(format!("  {symbol} {:<7}", outcome.rating.label()), style)
            } else {
                Span::raw(" ".repeat(11))
            };
            lines.push(Line::from(vec![lead, Span::raw(line.clone())]));
        }
    }
    heading(&mut lines, "What worked");
    paragraph(&mut lines, &review.worked);
    heading(&mut lines, "Challenges");
    paragraph(&mut lines, &review.challenges);

    heading(&mut lines, "KPIs closed");
    if review.closed_kpis.is_empty() {
        lines.push(Line::styled("  none", theme.dim()));
    }
    for id in &review.closed_kpis {
        match partner.kpis.iter().find(|k| k.id == *id) {
            Some(kpi) => {
                let (mark, note) = match &kpi.closed {
                    Some(closed) => (
                        format!(
                            "{} {}",
                            Shown::Closed(closed.outcome).symbol(),
                            closed.outcome.label()
                        ),
                        if closed.note.is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", closed.note)
                        },
                    ),
                    None => ("  open again".to_string(), String::new()),
                };
                let latest = kpi
                    .readings_until(review.date)
                    .last()
                    .map_or("no reading".to_string(), |r| number(kpi, r.value));
                lines.push(Line::from(vec![
                    Span::styled(format!("  {mark:<9}"), theme.dim()),
                    Span::raw(truncate(
                        &format!(
                            "{}: {latest} of {}{note}",
                            kpi.name,
                            kpi.format_value(kpi.target)
                        ),
                        columns.saturating_sub(9),
                    )),
                ]));
            }
            None => lines.push(Line::styled(
                format!("  {id} (no longer there)"),
                theme.dim(),
            )),
        }
    }

    heading(&mut lines, "Adjustments (action items)");
    if review.adjustments.is_empty() {
        lines.push(Line::styled("  none", theme.dim()));
    }
    for id in &review.adjustments {
        match partner.actions.iter().find(|a| a.id == *id) {
            Some(action) => {
                let owner = data.workspace.member_name(&action.owner);
                let due = action
                    .due
                    .map_or("no due date".to_string(), |d| format!("due {d}"));
                let (mark, style) = match action.done {
                    Some(done) => (format!("☑ done {done}"), theme.dim()),
                    None if action.is_overdue(data.today) => ("☐ overdue".to_string(), theme.bad()),
                    None => ("☐ open".to_string(), theme.text()),
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {mark:<17} "), style),
                    Span::raw(truncate(&action.text, columns.saturating_sub(16))),
                ]));
                lines.push(Line::styled(
                    truncate(
                        &format!(
                            "{}{owner} ({}) · {due}",
                            " ".repeat(22),
                            action.side.label()
                        ),
                        columns + 4,
                    ),
                    theme.dim(),
                ));
            }
            None => lines.push(Line::styled(
                format!("  {id} (no longer there)"),
                theme.dim(),
            )),
        }
    }

    let rows = inner.height as usize;
    let max_scroll = lines.len().saturating_sub(rows) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        area,
    );
}
