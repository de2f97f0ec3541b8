//! The partner detail: a header with the partner's health and why, section tabs, and
//! the selected section as a list of items — profile and goals, roles, agreement,
//! charter, activity.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use crate::app::detail::{ActionSource, Item, Section, items};
use crate::app::state::{App, DetailView};
use crate::domain::dates::{days_between, describe_due};
use crate::domain::partner::{ClauseStatus, Partner};
use crate::domain::smart::check_goal;
use crate::domain::timeline::MilestoneStatus;
use crate::ui::theme::{Theme, band_symbol, kpi_letter};
use crate::ui::widgets::text::{fit, truncate, width};

pub fn render(app: &App, view: &DetailView, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(file) = app.partner(&view.partner) else {
        frame.render_widget(
            Paragraph::new(format!(
                " {} is no longer in the data directory.",
                view.partner
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
    render_header(app, &file.id, partner, file.read_only, frame, header);
    render_section_tabs(view.section, theme, frame, sections);

    // Two columns of border and one for the selection marker.
    let rows = section_rows(
        app,
        &file.id,
        partner,
        view.section,
        body.width.saturating_sub(3) as usize,
    );
    let selectable: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.item.is_some())
        .map(|(index, _)| index)
        .collect();
    let selected_row = selectable.get(view.selected).copied();
    let list_items: Vec<ListItem> = rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            let marker = if Some(index) == selected_row {
                "›"
            } else {
                " "
            };
            let mut text = row.text;
            if let Some(first) = text.lines.first_mut() {
                first.spans.insert(0, Span::raw(marker));
            }
            for line in text.lines.iter_mut().skip(1) {
                line.spans.insert(0, Span::raw(" "));
            }
            ListItem::new(text)
        })
        .collect();
    let mut state = ListState::default().with_selected(selected_row);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", view.section.title()),
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
    app: &App,
    id: &str,
    partner: &Partner,
    read_only: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = app.theme;
    let since = days_between(partner.stage_since, app.today);
    let columns = area.width as usize;
    let name = truncate(&format!(" {} ", partner.name), columns);
    let kind = if partner.kind.is_empty() {
        "—"
    } else {
        &partner.kind
    };
    let rest = format!(
        "· {kind} · {} {} · owner {}",
        partner.stage,
        match since {
            ..=0 => "since today".to_string(),
            1 => "for 1 day".to_string(),
            days => format!("for {days} days"),
        },
        app.workspace.member_name(&partner.owner)
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
    let health = app.figures(id).map(|figures| &figures.health);
    let health_line = match health {
        Some(health) => {
            let band = health.band();
            Line::from(vec![
                Span::styled(
                    format!(
                        " {} {} ",
                        band_symbol(band),
                        health.score.map_or("–".to_string(), |s| s.to_string())
                    ),
                    theme.band(band),
                ),
                Span::styled(
                    truncate(&health.explain(), (area.width as usize).saturating_sub(6)),
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

/// One drawn row: a heading (not selectable) or an item.
struct Row {
    text: Text<'static>,
    item: Option<Item>,
}

fn heading(text: String, theme: Theme) -> Row {
    Row {
        text: Text::from(Line::styled(text, theme.heading())),
        item: None,
    }
}

fn note(text: &str, theme: Theme) -> Row {
    Row {
        text: Text::from(Line::styled(format!("  {text}"), theme.dim())),
        item: None,
    }
}

fn row(item: Item, lines: Vec<Line<'static>>) -> Row {
    Row {
        text: Text::from(lines),
        item: Some(item),
    }
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

/// Builds the rows of `section`, items in the order of `detail::items`.
fn section_rows(
    app: &App,
    id: &str,
    partner: &Partner,
    section: Section,
    width: usize,
) -> Vec<Row> {
    let theme = app.theme;
    let today = app.today;
    let mut rows = Vec::new();
    let mut order = items(partner, section, app.today).into_iter().peekable();
    let mut next = |expected: Item| -> Item {
        // The view walks the items in the same order; take the next one.
        order.next().unwrap_or(expected)
    };
    match section {
        Section::Profile => {
            rows.push(heading("Profile".into(), theme));
            let summary_lines: Vec<Line> =
                wrap(&or_dash(&partner.summary), width.saturating_sub(14))
                    .into_iter()
                    .enumerate()
                    .map(|(index, text)| {
                        let label = if index == 0 { "Summary" } else { "" };
                        Line::raw(format!("  {:<12}{text}", label))
                    })
                    .collect();
            let mut lines = vec![
                Line::raw(truncate(
                    &format!(
                        "  {:<12}{}   kind: {}   owner: {}",
                        "Name",
                        partner.name,
                        or_dash(&partner.kind),
                        or_dash(app.workspace.member_name(&partner.owner))
                    ),
                    width,
                )),
                Line::raw(truncate(
                    &format!(
                        "  {:<12}{} since {}   tags: {}",
                        "Stage",
                        partner.stage,
                        partner.stage_since,
                        or_dash(&partner.tags.join(", "))
                    ),
                    width,
                )),
            ];
            lines.extend(summary_lines);
            rows.push(row(next(Item::Profile), lines));

            rows.push(heading("Performance".into(), theme));
            if let Some(figures) = app.figures(id) {
                for line in wrap(&figures.health.explain(), width.saturating_sub(4)) {
                    rows.push(note(&line, theme));
                }
            }
            let cadence = partner.cadence_days(app.workspace.checkin_cadence_days);
            if partner.kpis.is_empty() {
                rows.push(note("no KPIs yet", theme));
            }
            for kpi in &partner.kpis {
                let assessment = kpi.assess(today, app.workspace.thresholds, cadence);
                let warning = if assessment.early_warning { " ⚠" } else { "" };
                rows.push(Row {
                    text: Text::from(Line::from(vec![
                        Span::styled(
                            format!("  [{}]{warning} ", kpi_letter(assessment.status)),
                            theme.kpi(assessment.status),
                        ),
                        Span::raw(truncate(&assessment.explanation, width.saturating_sub(8))),
                    ])),
                    item: None,
                });
            }
            let open: Vec<_> = partner.milestones.iter().filter(|m| m.is_open()).collect();
            for milestone in open.iter().take(4) {
                let late = milestone.is_overdue(today);
                let style = if late || milestone.status == MilestoneStatus::Blocked {
                    theme.bad()
                } else {
                    theme.text()
                };
                rows.push(Row {
                    text: Text::from(Line::styled(
                        truncate(
                            &format!(
                                "  milestone {} — {} · due {}",
                                milestone.title,
                                milestone.status.label(),
                                due_phrase(Some(milestone.due), today)
                            ),
                            width,
                        ),
                        style,
                    )),
                    item: None,
                });
            }

            rows.push(heading(
                format!("Contacts ({})", partner.contacts.len()),
                theme,
            ));
            if partner.contacts.is_empty() {
                rows.push(note("none yet — a adds one", theme));
            }
            for contact in &partner.contacts {
                let reach = [contact.email.as_str(), contact.phone.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                rows.push(row(
                    next(Item::Contact(0)),
                    vec![Line::raw(truncate(
                        &format!(
                            "  {} — {} ({}) {}",
                            contact.name,
                            or_dash(&contact.role),
                            contact.side.label(),
                            reach
                        ),
                        width,
                    ))],
                ));
            }

            rows.push(heading(format!("Goals ({})", partner.goals.len()), theme));
            if partner.goals.is_empty() {
                rows.push(note("none yet — a adds one", theme));
            }
            for goal in &partner.goals {
                let report = check_goal(goal);
                let (mark, style) = if report.passes() {
                    ("✓", theme.good())
                } else {
                    ("✗", theme.bad())
                };
                let measure = if goal.metric.is_empty() && goal.target.is_empty() {
                    String::new()
                } else {
                    format!(" — {} {}", goal.target, goal.metric)
                };
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("  {} {mark} ", spaced(&report.letters())), style),
                    Span::raw(truncate(
                        &format!(
                            "{}{measure} · by {} · owner {}{}",
                            or_dash(&goal.statement),
                            date_or_dash(goal.due),
                            or_dash(app.workspace.member_name(&goal.owner)),
                            if goal.agreed_by_both {
                                " · agreed"
                            } else {
                                ""
                            }
                        ),
                        width.saturating_sub(10),
                    )),
                ])];
                if !report.passes() {
                    lines.push(Line::styled(
                        truncate(&format!("         {}", report.explain()), width),
                        theme.dim(),
                    ));
                }
                rows.push(row(next(Item::Goal(0)), lines));
            }
        }
        Section::Roles => {
            rows.push(heading(
                format!("Roles and responsibilities ({})", partner.roles.len()),
                theme,
            ));
            if partner.roles.is_empty() {
                rows.push(note("none yet — a adds one", theme));
            }
            for role in &partner.roles {
                rows.push(row(
                    next(Item::Role(0)),
                    vec![Line::raw(truncate(
                        &format!(
                            "  {} {} — {}",
                            fit(role.side.label(), 7),
                            fit(&role.who, 22),
                            role.responsibility
                        ),
                        width,
                    ))],
                ));
            }
        }
        Section::Agreement => {
            let agreement = &partner.agreement;
            rows.push(heading("Dates".into(), theme));
            rows.push(row(
                next(Item::AgreementDates),
                vec![
                    Line::raw(format!(
                        "  {:<13}{}",
                        "Signed",
                        date_or_dash(agreement.signed)
                    )),
                    Line::raw(format!(
                        "  {:<13}{}",
                        "Next review",
                        due_phrase(agreement.next_review, today)
                    )),
                    Line::raw(format!(
                        "  {:<13}{}",
                        "Expires",
                        due_phrase(agreement.expires, today)
                    )),
                ],
            ));
            rows.push(heading(
                format!("Components ({} of 7 agreed)", agreement.agreed_count()),
                theme,
            ));
            for component in crate::domain::partner::Component::ALL {
                let clause = agreement.clause(component);
                let (mark, style) = clause_mark(clause.status, theme);
                rows.push(row(
                    next(Item::Component(component)),
                    vec![Line::from(vec![
                        Span::styled(
                            format!("  {mark} {} ", fit(clause.status.label(), 12)),
                            style,
                        ),
                        Span::styled(fit(component.label(), 23), theme.title()),
                        Span::raw(truncate(&clause.note, width.saturating_sub(42))),
                    ])],
                ));
            }
            rows.push(heading(
                format!("Deliverables ({})", agreement.deliverables.len()),
                theme,
            ));
            if agreement.deliverables.is_empty() {
                rows.push(note("none yet — a adds one", theme));
            }
            for deliverable in &agreement.deliverables {
                let (mark, style) = clause_mark(deliverable.status, theme);
                rows.push(row(
                    next(Item::Deliverable(0)),
                    vec![Line::from(vec![
                        Span::styled(
                            format!("  {mark} {} ", fit(deliverable.status.label(), 12)),
                            style,
                        ),
                        Span::raw(truncate(
                            &format!(
                                "{} · due {} · {}{}",
                                deliverable.title,
                                date_or_dash(deliverable.due),
                                or_dash(app.workspace.member_name(&deliverable.owner)),
                                if deliverable.note.is_empty() {
                                    String::new()
                                } else {
                                    format!(" — {}", deliverable.note)
                                }
                            ),
                            width.saturating_sub(17),
                        )),
                    ])],
                ));
            }
        }
        Section::Charter => {
            let charter = &partner.charter;
            rows.push(heading("Communication".into(), theme));
            let cadence = match charter.checkin_cadence_days {
                Some(days) => format!("every {days} days"),
                None => format!(
                    "every {} days (workspace default)",
                    app.workspace.checkin_cadence_days
                ),
            };
            let escalation = if charter.escalation.is_empty() {
                "—".to_string()
            } else {
                charter.escalation.join(" → ")
            };
            rows.push(row(
                next(Item::CharterSettings),
                vec![
                    Line::raw(format!("  {:<16}{cadence}", "Check-ins")),
                    Line::raw(format!(
                        "  {:<16}{}",
                        "Primary channel",
                        or_dash(&charter.primary_channel)
                    )),
                    Line::raw(format!(
                        "  {:<16}{}",
                        "Secondary",
                        or_dash(&charter.secondary_channel)
                    )),
                    Line::raw(format!(
                        "  {:<16}{}",
                        "Response time",
                        charter
                            .response_hours
                            .map_or("—".to_string(), |h| format!("within {h} hours"))
                    )),
                    Line::raw(truncate(
                        &format!("  {:<16}{escalation}", "Escalation"),
                        width,
                    )),
                    Line::raw(truncate(
                        &format!(
                            "  {:<16}{}",
                            "Confidentiality",
                            or_dash(&charter.confidentiality)
                        ),
                        width,
                    )),
                ],
            ));
            rows.push(heading(
                format!("Meetings ({})", charter.meetings.len()),
                theme,
            ));
            if charter.meetings.is_empty() {
                rows.push(note("none yet — a adds one", theme));
            }
            for meeting in &charter.meetings {
                rows.push(row(
                    next(Item::Tier(0)),
                    vec![Line::raw(truncate(
                        &format!(
                            "  {} every {:>3} days · {} — {}",
                            fit(meeting.tier.label(), 12),
                            meeting.cadence_days,
                            or_dash(&meeting.attendees),
                            or_dash(&meeting.purpose)
                        ),
                        width,
                    ))],
                ));
            }
        }
        Section::Activity => {
            let open = crate::app::detail::open_actions(partner);
            rows.push(heading(
                format!("Open action items ({})", open.len()),
                theme,
            ));
            if open.is_empty() {
                rows.push(note("nothing open — a adds one", theme));
            }
            for (source, index) in open {
                rows.push(action_row(app, partner, source, index, width, &mut next));
            }
            let done = crate::app::detail::recently_done_actions(partner, today);
            if !done.is_empty() {
                rows.push(heading(
                    format!(
                        "Done in the last {} days ({}) — Space reopens",
                        crate::app::detail::DONE_SHOWN_DAYS,
                        done.len()
                    ),
                    theme,
                ));
            }
            for (source, index) in done {
                rows.push(action_row(app, partner, source, index, width, &mut next));
            }
            rows.push(heading(
                format!("Check-ins ({})", partner.checkins.len()),
                theme,
            ));
            for checkin in partner.checkins.iter().rev() {
                let open = checkin.actions.iter().filter(|a| a.is_open()).count();
                rows.push(row(
                    next(Item::CheckIn(0)),
                    vec![Line::raw(truncate(
                        &format!(
                            "  {} {} — {} · {} actions ({open} open)",
                            checkin.date,
                            app.workspace.member_name(&checkin.author),
                            first_line(&checkin.note),
                            checkin.actions.len()
                        ),
                        width,
                    ))],
                ));
            }
            rows.push(heading(
                format!("Reviews ({})", partner.reviews.len()),
                theme,
            ));
            for review in partner.reviews.iter().rev() {
                let count = |rating| {
                    review
                        .outcomes
                        .iter()
                        .filter(|o| o.rating == rating)
                        .count()
                };
                use crate::domain::partner::OutcomeRating::*;
                rows.push(row(
                    next(Item::Review(0)),
                    vec![
                        Line::raw(truncate(
                            &format!(
                                "  {} {} by {} — goals: {} met, {} partly, {} missed",
                                review.date,
                                or_dash(&review.period),
                                app.workspace.member_name(&review.author),
                                count(Met),
                                count(Partly),
                                count(Missed)
                            ),
                            width,
                        )),
                        Line::styled(
                            truncate(
                                &format!("    worked: {}", first_line(&review.worked)),
                                width,
                            ),
                            theme.dim(),
                        ),
                        Line::styled(
                            truncate(
                                &format!("    challenges: {}", first_line(&review.challenges)),
                                width,
                            ),
                            theme.dim(),
                        ),
                    ],
                ));
            }
            rows.push(heading(
                format!("Stage history ({})", partner.history.len()),
                theme,
            ));
            for change in partner.history.iter().rev() {
                let reason = if change.reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", change.reason)
                };
                rows.push(row(
                    next(Item::History(0)),
                    vec![Line::raw(truncate(
                        &format!(
                            "  {} {}: {} → {}{reason}",
                            change.date,
                            app.workspace.member_name(&change.author),
                            change.from,
                            change.to
                        ),
                        width,
                    ))],
                ));
            }
        }
    }
    rows
}

/// One action item: a box (ticked when done), what, who, when, and where it was
/// agreed.
fn action_row(
    app: &App,
    partner: &Partner,
    source: ActionSource,
    index: usize,
    width: usize,
    next: &mut impl FnMut(Item) -> Item,
) -> Row {
    let theme = app.theme;
    let today = app.today;
    let item = next(Item::Action(source, index));
    let Some(action) = partner.action(source, index) else {
        return note("(gone)", theme);
    };
    let from = match source {
        ActionSource::CheckIn(c) => partner
            .checkins
            .get(c)
            .map_or(String::new(), |c| format!(" · from check-in {}", c.date)),
        ActionSource::Review(r) => partner
            .reviews
            .get(r)
            .map_or(String::new(), |r| format!(" · from review {}", r.date)),
        ActionSource::Partner => String::new(),
    };
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
    let owner = app.workspace.member_name(&action.owner);
    let owner = if owner.is_empty() {
        String::new()
    } else {
        format!(" — {owner}")
    };
    row(
        item,
        vec![Line::from(vec![
            Span::styled(mark, style),
            Span::raw(truncate(
                &format!("{}{owner} · {when}{from}", action.text),
                width.saturating_sub(5),
            )),
        ])],
    )
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

/// Greedy word wrap to `width` columns (at least one line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}
