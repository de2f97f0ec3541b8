//! The lines of each row of the detail: one function for every kind of row, so
//! every section is drawn the same way from the one list `app` makes of it.

use ratatui::text::{Line, Span};

use super::{
    action_line, clause_mark, date_or_dash, due_phrase, expiry_phrase, first_line, or_dash, spaced,
    wrap,
};
use crate::app::Data;
use crate::app::milestones::plan_words;
use crate::app::records::Item;
use crate::app::screens::detail::Row;
use crate::domain::dates::days_between;
use crate::domain::goals::goal_progress;
use crate::domain::partner::{Component, OutcomeRating, Partner};
use crate::domain::smart::check_goal;
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::text::{fit, truncate};
use crate::ui::theme::{Theme, kpi_letter, milestone_symbol};

/// What every row reads.
pub(super) struct Context<'a> {
    pub data: &'a Data,
    pub theme: Theme,
    pub id: &'a str,
    pub partner: &'a Partner,
    /// Columns a row may use.
    pub width: usize,
}

/// The lines of `row`.
pub(super) fn lines(context: &Context, row: &Row) -> Vec<Line<'static>> {
    let Context {
        data,
        theme,
        id,
        width,
        ..
    } = *context;
    match row {
        Row::Heading(text) => vec![Line::styled(text.clone(), theme.heading())],
        Row::Note(text) => vec![note(text, theme)],
        Row::Health => data.figures(id).map_or_else(Vec::new, |figures| {
            wrap(&figures.health.explain(), width.saturating_sub(4))
                .iter()
                .map(|line| note(line, theme))
                .collect()
        }),
        Row::Kpi(index) => {
            let Some(assessment) = data.figures(id).and_then(|f| f.assessments.get(*index)) else {
                return Vec::new();
            };
            let warning = if assessment.early_warning { " ⚠" } else { "" };
            let stale = if assessment.stale { " ◷" } else { "" };
            let mark = format!("  [{}]{warning}{stale} ", kpi_letter(assessment.status));
            vec![Line::from(vec![
                Span::styled(mark.clone(), theme.kpi(assessment.status)),
                Span::raw(truncate(
                    &assessment.explanation,
                    width.saturating_sub(crate::text::width(&mark)),
                )),
            ])]
        }
        Row::Item(item) => item_lines(context, item),
    }
}

fn note(text: &str, theme: Theme) -> Line<'static> {
    Line::styled(format!("  {text}"), theme.dim())
}

/// One line of plain text cut to the row's width.
fn plain(text: String, width: usize) -> Vec<Line<'static>> {
    vec![Line::raw(truncate(&text, width))]
}

fn item_lines(context: &Context, item: &Item) -> Vec<Line<'static>> {
    let Context {
        data,
        theme,
        partner,
        width,
        ..
    } = *context;
    let today = data.today;
    let member = |handle: &str| data.workspace.member_name(handle).to_string();
    let gone = || vec![note("(gone)", theme)];
    match item {
        Item::Profile => profile_lines(context),
        Item::Contact(at) => {
            let Some(contact) = at.find(&partner.contacts) else {
                return gone();
            };
            let reach = [contact.email.as_str(), contact.phone.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            plain(
                format!(
                    "  {} — {} ({}) {}",
                    contact.name,
                    or_dash(&contact.role),
                    contact.side.label(),
                    reach
                ),
                width,
            )
        }
        Item::Goal(at) => {
            let Some(goal) = at.find(&partner.goals) else {
                return gone();
            };
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
            let agreed = if goal.agreed_by_both {
                " · agreed"
            } else {
                ""
            };
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("  {} {mark} ", spaced(&report.letters())), style),
                Span::raw(truncate(
                    &format!(
                        "{}{measure} · by {} · owner {}{agreed}",
                        or_dash(&goal.statement),
                        date_or_dash(goal.due),
                        or_dash(&member(&goal.owner)),
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
            // How far the goal has come, from the KPIs and milestones linked to it.
            let assessments = data
                .figures(context.id)
                .map_or(&[][..], |f| f.assessments.as_slice());
            if let Some(progress) = goal_progress(partner, assessments)
                .into_iter()
                .find(|progress| progress.goal == goal.id)
            {
                let style = if progress.share.is_some() {
                    theme.text()
                } else {
                    theme.dim()
                };
                lines.push(Line::styled(
                    truncate(&format!("         progress {}", progress.explain()), width),
                    style,
                ));
            }
            lines
        }
        Item::Role(at) => {
            let Some(role) = at.find(&partner.roles) else {
                return gone();
            };
            plain(
                format!(
                    "  {} {} — {}",
                    fit(role.side.label(), 7),
                    fit(&role.who, 22),
                    role.responsibility
                ),
                width,
            )
        }
        Item::AgreementDates => {
            let agreement = &partner.agreement;
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
                    expiry_phrase(agreement.expires, today)
                )),
            ]
        }
        Item::Component(component) => component_lines(context, *component),
        Item::Deliverable(at) => {
            let Some(deliverable) = at.find(&partner.agreement.deliverables) else {
                return gone();
            };
            let (mark, style) = clause_mark(deliverable.status, theme);
            let note = if deliverable.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", deliverable.note)
            };
            vec![Line::from(vec![
                Span::styled(
                    format!("  {mark} {} ", fit(deliverable.status.label(), 12)),
                    style,
                ),
                Span::raw(truncate(
                    &format!(
                        "{} · due {} · {}{note}",
                        deliverable.title,
                        date_or_dash(deliverable.due),
                        or_dash(&member(&deliverable.owner)),
                    ),
                    width.saturating_sub(17),
                )),
            ])]
        }
        Item::Milestone(at) => {
            let Some(milestone) = at.find(&partner.milestones) else {
                return gone();
            };
            milestone_lines(data, theme, milestone, width)
        }
        Item::CharterSettings => charter_lines(context),
        Item::Meeting(at) => {
            let Some(meeting) = at.find(&partner.charter.meetings) else {
                return gone();
            };
            plain(
                format!(
                    "  {} every {:>3} days · {} — {}",
                    fit(meeting.tier.label(), 12),
                    meeting.cadence_days,
                    or_dash(&meeting.attendees),
                    or_dash(&meeting.purpose)
                ),
                width,
            )
        }
        Item::Action(at) => vec![action_line(data, theme, partner, at, width)],
        Item::CheckIn(at) => {
            let Some(checkin) = at.find(&partner.checkins) else {
                return gone();
            };
            let actions: Vec<_> = partner.actions_of_checkin(checkin).collect();
            let open = actions.iter().filter(|a| a.is_open()).count();
            plain(
                format!(
                    "  {} {} — {} · {} ({open} open)",
                    checkin.date,
                    member(&checkin.author),
                    first_line(&checkin.note),
                    crate::text::count(actions.len(), "action", "actions")
                ),
                width,
            )
        }
        Item::Review(at) => {
            let Some(review) = at.find(&partner.reviews) else {
                return gone();
            };
            let count = |rating| {
                review
                    .outcomes
                    .iter()
                    .filter(|o| o.rating == rating)
                    .count()
            };
            vec![
                Line::raw(truncate(
                    &format!(
                        "  {} {} by {} — goals: {} met, {} partly, {} missed",
                        review.date,
                        or_dash(&review.period),
                        member(&review.author),
                        count(OutcomeRating::Met),
                        count(OutcomeRating::Partly),
                        count(OutcomeRating::Missed)
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
            ]
        }
        Item::History(at) => {
            let Some(change) = partner.history.get(*at) else {
                return gone();
            };
            let reason = if change.reason.is_empty() {
                String::new()
            } else {
                format!(" — {}", change.reason)
            };
            plain(
                format!(
                    "  {} {}: {} → {}{reason}",
                    change.date,
                    member(&change.author),
                    data.workspace.stage_name(&change.from),
                    data.workspace.stage_name(&change.to)
                ),
                width,
            )
        }
    }
}

/// Name, kind, owner; stage and tags; the summary, wrapped.
fn profile_lines(context: &Context) -> Vec<Line<'static>> {
    let Context {
        data,
        partner,
        width,
        ..
    } = *context;
    let mut lines = vec![
        Line::raw(truncate(
            &format!(
                "  {:<12}{}   kind: {}   owner: {}",
                "Name",
                partner.name,
                or_dash(&partner.kind),
                or_dash(data.workspace.member_name(&partner.owner))
            ),
            width,
        )),
        Line::raw(truncate(
            &format!(
                "  {:<12}{} since {}   tags: {}",
                "Stage",
                data.workspace.stage_name(&partner.stage),
                partner.stage_since,
                or_dash(&partner.tags.join(", "))
            ),
            width,
        )),
    ];
    let summary = wrap(&or_dash(&partner.summary), width.saturating_sub(14));
    lines.extend(summary.into_iter().enumerate().map(|(index, text)| {
        let label = if index == 0 { "Summary" } else { "" };
        Line::raw(format!("  {label:<12}{text}"))
    }));
    lines
}

fn component_lines(context: &Context, component: Component) -> Vec<Line<'static>> {
    let Context {
        theme,
        partner,
        width,
        ..
    } = *context;
    let clause = partner.agreement.clause(component);
    let (mark, style) = clause_mark(clause.status, theme);
    vec![Line::from(vec![
        Span::styled(
            format!("  {mark} {} ", fit(clause.status.label(), 12)),
            style,
        ),
        Span::styled(fit(component.label(), 23), theme.title()),
        Span::raw(truncate(&clause.note, width.saturating_sub(42))),
    ])]
}

fn charter_lines(context: &Context) -> Vec<Line<'static>> {
    let Context {
        data,
        partner,
        width,
        ..
    } = *context;
    let charter = &partner.charter;
    let cadence = match charter.checkin_cadence_days {
        Some(days) => format!("every {days} days"),
        None => format!(
            "every {} days (workspace default)",
            data.workspace.checkin_cadence_days
        ),
    };
    let escalation = if charter.escalation.is_empty() {
        "—".to_string()
    } else {
        charter.escalation.join(" → ")
    };
    let response = charter
        .response_hours
        .map_or("—".to_string(), |h| format!("within {h} hours"));
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
        Line::raw(format!("  {:<16}{response}", "Response time")),
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
    ]
}

/// A milestone: its status (a symbol, `!` when late), title, phase, due date and
/// owner; under it, dim, what else a reader needs — why it is blocked, when it was
/// done, how far it slipped from the first plan and the last re-plan.
fn milestone_lines(
    data: &Data,
    theme: Theme,
    milestone: &Milestone,
    width: usize,
) -> Vec<Line<'static>> {
    let today = data.today;
    let late = milestone.is_overdue(today);
    let style = theme.milestone(milestone.status, late);
    let flag = if late { "!" } else { " " };
    let owner = data.workspace.member_name(&milestone.owner);
    let owner = if owner.is_empty() {
        String::new()
    } else {
        format!(" · {owner}")
    };
    let slip = match milestone.slip_days() {
        0 => String::new(),
        days => format!(" ({days:+}d)"),
    };
    let when = if milestone.is_open() {
        format!("due {}", due_phrase(Some(milestone.due), today))
    } else {
        format!("due {}", milestone.due)
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("  {}{flag} ", milestone_symbol(milestone.status)),
            style,
        ),
        Span::raw(truncate(
            &format!(
                "{} · {} · {when}{slip}{owner}",
                milestone.title,
                or_dash(data.workspace.phase_name(&milestone.phase)),
            ),
            width.saturating_sub(6),
        )),
    ])];
    let mut notes = Vec::new();
    match (milestone.status, milestone.done) {
        (MilestoneStatus::Blocked, _) => {
            notes.push(format!("blocked: {}", or_dash(&milestone.blocked_reason)));
        }
        (MilestoneStatus::Done, Some(done)) => {
            let late = days_between(milestone.due, done);
            notes.push(match late {
                ..=0 => format!("done {done}"),
                1 => format!("done {done}, a day late"),
                days => format!("done {done}, {days} days late"),
            });
        }
        _ => {}
    }
    if milestone.slip_days() != 0 || !milestone.replans.is_empty() {
        notes.push(plan_words(milestone, |handle| {
            or_dash(data.workspace.member_name(handle))
        }));
    }
    if !notes.is_empty() {
        lines.push(Line::styled(
            truncate(&format!("      {}", notes.join(" · ")), width),
            theme.dim(),
        ));
    }
    lines
}
