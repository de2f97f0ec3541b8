//! The weekly meeting report: the portfolio in one table, what needs attention, and
//! for each partner in a check-in stage what happened since a date — KPIs with
//! their status, run-rate and forecast, milestones done and due, re-plans and why,
//! check-ins and their notes, feedback — and who owes which open action item.

use chrono::NaiveDate;

use crate::domain::dates::{add_days, days_between};
use crate::domain::kpi::KpiStatus;
use crate::domain::period::{Span, activity, open_due_by, readings_in};
use crate::domain::portfolio::{PartnerSummary, UPCOMING_DAYS};
use crate::domain::sentiment::by_side;
use crate::store::PartnerFile;

use super::Portfolio;
use super::cells;
use super::document::{Document, Table};

/// How far back the report looks unless told: a week.
pub const DEFAULT_SINCE_DAYS: i64 = 7;

/// The first day the report covers when `--since` is not given.
pub fn default_since(today: NaiveDate) -> NaiveDate {
    add_days(today, -DEFAULT_SINCE_DAYS)
}

/// The meeting report of `portfolio` for the days from `since` to today.
pub fn meeting_report(portfolio: &Portfolio, since: NaiveDate) -> Document {
    let today = portfolio.today;
    let span = Span::new(since, today);
    let summary = portfolio.summary;
    let mut doc = Document::default();
    doc.title(format!(
        "{}: meeting report, {since} to {today}",
        portfolio.workspace.name
    ));
    let average = summary
        .average_health
        .map_or("–".to_string(), |h| (h.round() as i64).to_string());
    let bands: Vec<String> = summary
        .bands
        .iter()
        .map(|(band, count)| format!("{} {count}", band.label()))
        .collect();
    doc.text(format!(
        "What happened from {since} to {today}; figures {}. Portfolio health {average} over the {} partners formalizing or operating: {}. {} need attention.",
        cells::as_of(today, portfolio.source),
        summary.health_partners,
        bands.join(", "),
        cells::counted(summary.attention.len(), "item", "items")
    ));

    doc.heading("Portfolio");
    let mut table = Table::new(&[
        "Partner",
        "Owner",
        "Stage",
        "Health",
        "KPIs",
        "Next milestone",
    ]);
    for (file, figures) in portfolio.in_stage_order() {
        table.row(vec![
            file.partner.name.clone(),
            portfolio
                .workspace
                .member_name(&file.partner.owner)
                .to_string(),
            portfolio
                .workspace
                .stage_name(&file.partner.stage)
                .to_string(),
            cells::health(&figures.health),
            cells::kpis_on_off(&figures.kpis),
            cells::next_milestone(figures.next_milestone.as_ref(), today),
        ]);
    }
    doc.table_or(table, "No partners yet.");
    doc.text(
        "Health: 0–100 (good from 70, fair from 40), from the points it could be judged on. \
         KPIs: the open ones on track (green) and off it (amber, red), then the flags.",
    );

    doc.heading(format!("Needs attention ({})", summary.attention.len()));
    if !summary.attention.is_empty() {
        doc.text("Most urgent first: ▲ late or red · ◆ heading the wrong way · △ coming due.");
    }
    let mut table = Table::new(&["When", "Partner", "What, and why"]);
    for item in &summary.attention {
        table.row(vec![
            format!("{} {}", item.severity(today).symbol(), item.when(today)),
            item.partner_name.clone(),
            item.message(),
        ]);
    }
    doc.table_or(table, "Nothing: every partnership is on track.");

    let in_checkin: Vec<_> = portfolio
        .in_stage_order()
        .into_iter()
        .filter(|(file, _)| portfolio.workspace.is_checkin_stage(&file.partner.stage))
        .collect();
    if in_checkin.is_empty() {
        doc.heading("Partners in a check-in stage");
        doc.text("None: no partner is in a stage the check-in walks through.");
    }
    for (file, figures) in in_checkin {
        partner_section(&mut doc, portfolio, file, figures, span);
    }

    if !portfolio.load_errors.is_empty() {
        doc.heading(format!(
            "Files that did not load ({})",
            portfolio.load_errors.len()
        ));
        doc.text("What they hold is not in this report.");
        doc.list(
            portfolio
                .load_errors
                .iter()
                .map(|error| error.to_string())
                .collect(),
        );
    }
    doc
}

/// One partner's week: its KPIs, milestones, re-plans, check-ins, feedback and the
/// action items still open.
fn partner_section(
    doc: &mut Document,
    portfolio: &Portfolio,
    file: &PartnerFile,
    figures: &PartnerSummary,
    span: Span,
) {
    let workspace = portfolio.workspace;
    let today = portfolio.today;
    let partner = &file.partner;
    let since = span.from;
    doc.heading(format!(
        "{} — {}",
        partner.name,
        workspace.stage_name(&partner.stage)
    ));
    let last = figures
        .last_checkin
        .map_or("no check-in yet".to_string(), |d| {
            format!("last check-in {d}")
        });
    doc.text(format!(
        "Owner {}; {last}. {}.",
        workspace.member_name(&partner.owner),
        cells::capitalised(&figures.health.explain())
    ));
    let happened = activity(partner, span);
    // What did not happen since the date, and what the partnership lacks: a line
    // at the end rather than an empty heading each.
    let mut quiet: Vec<&str> = Vec::new();
    let mut absent: Vec<&str> = Vec::new();

    // KPIs: the open ones, and those closed within the span (news this week).
    let mut table = Table::new(&["KPI", "Status", "Latest → target", "Run-rate", "Forecast"]);
    for (kpi, assessment) in partner.kpis.iter().zip(&figures.assessments) {
        let closed_now = kpi.closed.as_ref().is_some_and(|c| span.contains(c.date));
        if matches!(assessment.status, KpiStatus::Closed(_)) && !closed_now {
            continue;
        }
        table.row(vec![
            kpi.name.clone(),
            cells::kpi_status(assessment),
            cells::kpi_value(kpi, assessment),
            cells::kpi_pace(kpi, assessment),
            cells::kpi_forecast(kpi, assessment),
        ]);
    }
    if table.rows.is_empty() {
        absent.push("KPIs running");
    } else {
        doc.subheading("KPIs");
        doc.table_or(table, "");
    }

    let due_next = open_due_by(partner, add_days(today, UPCOMING_DAYS));
    if happened.finished.is_empty() {
        quiet.push("milestones done");
    }
    if due_next.is_empty() {
        absent.push("milestones late or due soon");
    }
    if !happened.finished.is_empty() || !due_next.is_empty() {
        doc.subheading("Milestones");
        if !happened.finished.is_empty() {
            doc.text(format!("Done since {since}:"));
            doc.list(
                happened
                    .finished
                    .iter()
                    .map(|m| {
                        let late = if m.finished_late() {
                            format!(", after its due date {}", m.due)
                        } else {
                            String::new()
                        };
                        format!(
                            "{} — done {}{late}",
                            m.title,
                            m.done.map_or(String::new(), |d| d.to_string())
                        )
                    })
                    .collect(),
            );
        }
        if !due_next.is_empty() {
            doc.text(format!("Late, or due in the next {UPCOMING_DAYS} days:"));
            doc.list(
                due_next
                    .iter()
                    .map(|m| cells::milestone(m, workspace, today))
                    .collect(),
            );
        }
    }

    if happened.replans.is_empty() {
        quiet.push("re-plans");
    } else {
        doc.subheading(format!("Re-plans since {since}"));
        doc.list(
            happened
                .replans
                .iter()
                .map(|(m, replan)| {
                    let reason = match replan.reason.trim() {
                        "" => "no reason given".to_string(),
                        reason => reason.to_string(),
                    };
                    format!(
                        "{}: {} → {} ({:+} days), by {} on {} — {reason}",
                        m.title,
                        replan.from,
                        replan.to,
                        days_between(replan.from, replan.to),
                        workspace.member_name(&replan.by),
                        replan.date
                    )
                })
                .collect(),
        );
    }

    if happened.checkins.is_empty() {
        quiet.push("check-ins");
    } else {
        doc.subheading(format!("Check-ins since {since}"));
        doc.list(
            happened
                .checkins
                .iter()
                .map(|checkin| {
                    let tier = checkin
                        .tier
                        .map_or(String::new(), |t| format!(", {}", t.label()));
                    let with = if checkin.attendees.is_empty() {
                        String::new()
                    } else {
                        format!(", with {}", checkin.attendees.join(", "))
                    };
                    let note = match checkin.note.trim() {
                        "" => "no note".to_string(),
                        note => note.to_string(),
                    };
                    let agreed: Vec<String> = partner
                        .actions_of_checkin(checkin)
                        .map(|a| a.text.clone())
                        .collect();
                    let agreed = if agreed.is_empty() {
                        String::new()
                    } else {
                        format!(" Agreed: {}.", agreed.join("; "))
                    };
                    format!(
                        "{} ({}{tier}{with}): {note}{agreed}",
                        checkin.date,
                        workspace.member_name(&checkin.author)
                    )
                })
                .collect(),
        );
    }

    if happened.feedback.is_empty() {
        quiet.push("feedback");
    } else {
        doc.subheading(format!("Feedback since {since}"));
        doc.list(
            happened
                .feedback
                .iter()
                .map(|note| {
                    format!(
                        "{} {} ({}), {}/5: {}",
                        note.date,
                        note.who,
                        note.side.label(),
                        note.sentiment,
                        note.text.trim()
                    )
                })
                .collect(),
        );
        let sides: Vec<String> = by_side(partner, today)
            .iter()
            .map(|side| {
                format!(
                    "{} {:.1}{} ({})",
                    side.side.label(),
                    side.mean,
                    side.arrow(),
                    cells::counted(side.notes, "note", "notes")
                )
            })
            .collect();
        doc.text(format!(
            "Each side's average over 90 days, recent notes weighing more: {}.",
            sides.join(", ")
        ));
    }

    // What the week's work measured and finished: the readings taken and the action
    // items closed, the things a check-in records besides its note.
    let mut taken: Vec<_> = partner
        .kpis
        .iter()
        .flat_map(|kpi| readings_in(kpi, span).into_iter().map(move |r| (kpi, r)))
        .collect();
    taken.sort_by_key(|(_, r)| r.date);
    let readings: Vec<String> = taken
        .iter()
        .map(|(kpi, r)| format!("{}: {} on {}", kpi.name, kpi.format_value(r.value), r.date))
        .collect();
    if readings.is_empty() {
        quiet.push("readings");
    } else {
        doc.subheading(format!("Readings since {since}"));
        doc.list(readings);
    }
    let mut closed: Vec<_> = partner
        .actions
        .iter()
        .filter(|a| a.done.is_some_and(|done| span.contains(done)))
        .collect();
    closed.sort_by_key(|a| a.done);
    if closed.is_empty() {
        quiet.push("action items closed");
    } else {
        doc.subheading(format!("Action items closed since {since}"));
        doc.list(
            closed
                .iter()
                .map(|a| {
                    format!(
                        "{} — {}, done {}",
                        a.text,
                        cells::owner_and_side(a, workspace),
                        a.done.map_or(String::new(), |d| d.to_string())
                    )
                })
                .collect(),
        );
    }

    let open = cells::open_actions(partner);
    if open.is_empty() {
        absent.push("open action items");
    } else {
        doc.subheading("Open action items");
        let mut table = Table::new(&["Action", "Owner (side)", "Due", "Agreed at"]);
        for action in open {
            table.row(vec![
                action.text.clone(),
                cells::owner_and_side(action, workspace),
                cells::action_due(action, today),
                partner
                    .origin_label(action)
                    .unwrap_or_else(|| "on its own".to_string()),
            ]);
        }
        doc.table_or(table, "");
    }

    let mut closing = Vec::new();
    if !quiet.is_empty() {
        closing.push(format!("No {} since {since}.", cells::either(&quiet)));
    }
    if !absent.is_empty() {
        closing.push(format!("No {}.", cells::either(&absent)));
    }
    if !closing.is_empty() {
        doc.text(closing.join(" "));
    }
}
