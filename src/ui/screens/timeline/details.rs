//! The selected milestone in full: partner, phase, owner, start, due, the due date
//! first planned and the slip, status, done date, why it is blocked, what it belongs
//! to and its re-plans — four lines under the chart, or a panel beside it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::Data;
use crate::app::milestones::{plan_words, status_words};
use crate::domain::dates::{days_between, describe_due};
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::text::truncate;
use crate::ui::theme::{Theme, milestone_symbol};

pub struct Details<'a> {
    pub data: &'a Data,
    pub theme: Theme,
    /// The selected milestone and its partner's id.
    pub milestone: Option<(&'a str, &'a Milestone)>,
}

impl Details<'_> {
    fn partner_name(&self, id: &str) -> String {
        self.data
            .partner_data(id)
            .map_or(id.to_string(), |p| p.name.clone())
    }

    fn member(&self, handle: &str) -> String {
        match self.data.workspace.member_name(handle) {
            "" => "—".to_string(),
            name => name.to_string(),
        }
    }

    /// "in progress, 13 days overdue" — the status and how the due date stands.
    fn standing(&self, m: &Milestone) -> String {
        let today = self.data.today;
        let words = status_words(m);
        if m.is_open() {
            format!("{words}, {}", describe_due(m.due, today))
        } else if let (MilestoneStatus::Done, Some(done)) = (m.status, m.done) {
            match days_between(m.due, done) {
                ..=0 => format!("done {done}, on time"),
                1 => format!("done {done}, a day late"),
                late => format!("done {done}, {late} days late"),
            }
        } else {
            words
        }
    }

    /// The goal and the deliverable it belongs to, as their partner names them.
    fn links(&self, partner: &str, m: &Milestone) -> Vec<(&'static str, String)> {
        let p = self.data.partner_data(partner);
        let mut links = Vec::new();
        if let Some(goal) = &m.goal {
            let statement = p
                .and_then(|p| p.goal(goal))
                .map_or(format!("{goal} (not found)"), |g| g.statement.clone());
            links.push(("Serves", statement));
        }
        if let Some(deliverable) = &m.deliverable {
            let title = p
                .and_then(|p| {
                    p.agreement
                        .deliverables
                        .iter()
                        .find(|d| d.id == *deliverable)
                })
                .map_or(format!("{deliverable} (not found)"), |d| d.title.clone());
            links.push(("Part of", title));
        }
        links
    }
}

/// Under the chart: a rule with the title, then four lines.
pub fn render_below(details: &Details, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let theme = details.theme;
    let width = usize::from(area.width).saturating_sub(1);
    let Some((partner, m)) = details.milestone else {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border());
        frame.render_widget(
            Paragraph::new(" No milestone selected.")
                .style(theme.dim())
                .block(block),
            area,
        );
        return;
    };
    let today = details.data.today;
    let status = theme.milestone(m.status, m.is_overdue(today));
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", truncate(&m.title, width.saturating_sub(4))),
            theme.title(),
        ));
    let start = m.start.map_or("—".to_string(), |start| start.to_string());
    let mut lines = vec![
        Line::raw(truncate(
            &format!(
                " {} · {} · owner {}",
                details.partner_name(partner),
                phase(details, m),
                details.member(&m.owner)
            ),
            width,
        )),
        Line::from(vec![
            Span::styled(format!(" {} ", milestone_symbol(m.status)), status),
            Span::styled(
                truncate(
                    &format!("{} · start {start} · due {}", details.standing(m), m.due),
                    width.saturating_sub(3),
                ),
                status,
            ),
        ]),
        Line::raw(truncate(
            &format!(" {}", plan_words(m, |handle| details.member(handle))),
            width,
        )),
    ];
    let links: Vec<String> = details
        .links(partner, m)
        .into_iter()
        .map(|(what, name)| format!("{}: {name}", what.to_lowercase()))
        .collect();
    let last = if links.is_empty() {
        Line::styled(
            format!(" Enter opens {} · e edits", details.partner_name(partner)),
            theme.dim(),
        )
    } else {
        Line::styled(
            truncate(&format!(" {}", links.join(" · ")), width),
            theme.dim(),
        )
    };
    lines.push(last);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Beside the chart: a panel of labelled lines, then the re-plans, newest first.
pub fn render_beside(details: &Details, frame: &mut Frame, area: Rect) {
    let theme = details.theme;
    let block = Block::bordered().border_style(theme.border());
    let Some((partner, m)) = details.milestone else {
        frame.render_widget(
            Paragraph::new(" No milestone selected.")
                .style(theme.dim())
                .block(block.title(Span::styled(" Milestone ", theme.heading()))),
            area,
        );
        return;
    };
    let inner = usize::from(area.width).saturating_sub(2);
    let value = inner.saturating_sub(10);
    let today = details.data.today;
    let status = theme.milestone(m.status, m.is_overdue(today));
    let row = |label: &str, text: String| -> Line<'static> {
        Line::from(vec![
            Span::styled(format!(" {label:<8} "), theme.dim()),
            Span::raw(truncate(&text, value)),
        ])
    };
    let date_or_dash =
        |date: Option<chrono::NaiveDate>| date.map_or("—".to_string(), |d| d.to_string());
    let mut lines = vec![
        Line::styled(
            truncate(&format!(" {}", details.partner_name(partner)), inner),
            theme.title(),
        ),
        row("Phase", phase(details, m)),
        row("Owner", details.member(&m.owner)),
        Line::from(vec![
            Span::styled(format!(" {:<8} ", "Status"), theme.dim()),
            Span::styled(
                truncate(
                    &format!("{} {}", milestone_symbol(m.status), m.status.label()),
                    value,
                ),
                status,
            ),
        ]),
    ];
    // How it stands: "13 days overdue", "done 2026-11-19, on time".
    let standing = if m.is_open() {
        describe_due(m.due, today)
    } else {
        details.standing(m)
    };
    if standing != m.status.label() {
        lines.push(row("", standing));
    }
    lines.push(row("Start", date_or_dash(m.start)));
    lines.push(row("Due", m.due.to_string()));
    let slip = match m.slip_days() {
        0 => String::new(),
        days => format!(" ({days:+}d)"),
    };
    lines.push(row("Planned", format!("{}{slip}", m.planned_due)));
    lines.push(row("Done", date_or_dash(m.done)));
    if m.status == MilestoneStatus::Blocked {
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<8} ", "Blocked"), theme.dim()),
            Span::styled(
                truncate(
                    if m.blocked_reason.is_empty() {
                        "no reason given (e adds one)"
                    } else {
                        &m.blocked_reason
                    },
                    value,
                ),
                theme.bad(),
            ),
        ]));
    }
    for (label, name) in details.links(partner, m) {
        lines.push(row(label, name));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" Re-plans ({})", m.replans.len()),
        theme.heading(),
    ));
    if m.replans.is_empty() {
        lines.push(Line::styled(
            " none: > or + moves the due date",
            theme.dim(),
        ));
    }
    for replan in m.replans.iter().rev() {
        lines.push(Line::raw(truncate(
            &format!(
                " {} {} → {} {}",
                replan.date.format("%m-%d"),
                replan.from.format("%m-%d"),
                replan.to.format("%m-%d"),
                details.member(&replan.by)
            ),
            inner,
        )));
        if !replan.reason.is_empty() {
            lines.push(Line::styled(
                truncate(&format!("   {}", replan.reason), inner),
                theme.dim(),
            ));
        }
    }
    let block = block.title(Span::styled(
        format!(" {} ", truncate(&m.title, inner.saturating_sub(2))),
        theme.heading(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn phase(details: &Details, m: &Milestone) -> String {
    match details.data.workspace.phase_name(&m.phase) {
        "" => "no phase".to_string(),
        name => name.to_string(),
    }
}
