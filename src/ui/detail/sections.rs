//! The rows of each detail section, one function per section, items in the order
//! of `app::detail::items` so a selection means the same thing to both.

use ratatui::text::{Line, Span, Text};

use super::{
    Row, action_row, clause_mark, date_or_dash, due_phrase, first_line, heading, note, or_dash,
    row, spaced, wrap,
};
use crate::app::detail::{Item, Section, items};
use crate::app::state::App;
use crate::domain::partner::Partner;
use crate::domain::smart::check_goal;
use crate::domain::timeline::MilestoneStatus;
use crate::ui::theme::kpi_letter;
use crate::ui::widgets::text::{fit, truncate};

/// What every section builder reads.
pub(super) struct Context<'a> {
    pub app: &'a App,
    pub id: &'a str,
    pub partner: &'a Partner,
    /// Columns a row may use.
    pub width: usize,
}

/// Builds the rows of `section`.
pub(super) fn section_rows(context: &Context, section: Section) -> Vec<Row> {
    let mut order = items(context.partner, section, context.app.today).into_iter();
    let mut next = |expected: Item| -> Item {
        // The rows walk the items in the same order; take the next one.
        order.next().unwrap_or(expected)
    };
    match section {
        Section::Profile => profile(context, &mut next),
        Section::Roles => roles(context, &mut next),
        Section::Agreement => agreement(context, &mut next),
        Section::Charter => charter(context, &mut next),
        Section::Activity => activity(context, &mut next),
    }
}

fn profile(context: &Context, next: &mut dyn FnMut(Item) -> Item) -> Vec<Row> {
    let Context {
        app,
        id,
        partner,
        width,
    } = *context;
    let theme = app.theme;
    let today = app.today;
    let mut rows = Vec::new();
    rows.push(heading("Profile".into(), theme));
    let summary_lines: Vec<Line> = wrap(&or_dash(&partner.summary), width.saturating_sub(14))
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
                app.workspace.stage_name(&partner.stage),
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
    if partner.kpis.is_empty() {
        rows.push(note("no KPIs yet", theme));
    }
    let assessments = app
        .figures(id)
        .map_or(&[][..], |f| f.assessments.as_slice());
    for assessment in assessments {
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
    rows
}

fn roles(context: &Context, next: &mut dyn FnMut(Item) -> Item) -> Vec<Row> {
    let Context {
        app,
        partner,
        width,
        ..
    } = *context;
    let theme = app.theme;
    let mut rows = Vec::new();
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
    rows
}

fn agreement(context: &Context, next: &mut dyn FnMut(Item) -> Item) -> Vec<Row> {
    let Context {
        app,
        partner,
        width,
        ..
    } = *context;
    let theme = app.theme;
    let today = app.today;
    let mut rows = Vec::new();
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
    rows
}

fn charter(context: &Context, next: &mut dyn FnMut(Item) -> Item) -> Vec<Row> {
    let Context {
        app,
        partner,
        width,
        ..
    } = *context;
    let theme = app.theme;
    let mut rows = Vec::new();
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
    rows
}

fn activity(context: &Context, next: &mut dyn FnMut(Item) -> Item) -> Vec<Row> {
    let Context {
        app,
        partner,
        width,
        ..
    } = *context;
    let theme = app.theme;
    let today = app.today;
    let mut rows = Vec::new();
    let open = crate::app::detail::open_actions(partner);
    rows.push(heading(
        format!("Open action items ({})", open.len()),
        theme,
    ));
    if open.is_empty() {
        rows.push(note("nothing open — a adds one", theme));
    }
    for index in open {
        rows.push(action_row(app, partner, index, width, next));
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
    for index in done {
        rows.push(action_row(app, partner, index, width, next));
    }
    rows.push(heading(
        format!("Check-ins ({})", partner.checkins.len()),
        theme,
    ));
    for checkin in partner.checkins.iter().rev() {
        let open = partner
            .actions_of_checkin(checkin)
            .filter(|a| a.is_open())
            .count();
        rows.push(row(
            next(Item::CheckIn(0)),
            vec![Line::raw(truncate(
                &format!(
                    "  {} {} — {} · {} actions ({open} open)",
                    checkin.date,
                    app.workspace.member_name(&checkin.author),
                    first_line(&checkin.note),
                    partner.actions_of_checkin(checkin).count()
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
                    app.workspace.stage_name(&change.from),
                    app.workspace.stage_name(&change.to)
                ),
                width,
            ))],
        ));
    }
    rows
}
