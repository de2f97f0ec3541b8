//! A partner's quarterly review pack: the goals against the KPIs and milestones
//! linked to them, the KPIs' run-rates and forecasts with what the quarter's
//! readings did, each side's feedback, what the last review decided and whether it
//! was done, the agreement as it stands, and the open questions — in one document.

use crate::domain::activity::Review;
use crate::domain::agreement::Component;
use crate::domain::goals::goal_progress;
use crate::domain::period::{Quarter, Span, activity, first_recorded, readings_in};
use crate::domain::portfolio::PartnerSummary;
use crate::domain::sentiment::{SideSentiment, by_side, partner_side_drop};
use crate::domain::timeline::MilestoneStatus;
use crate::store::PartnerFile;

use super::Portfolio;
use super::cells;
use super::document::{Document, Table};

/// The review pack of partner `id` for `quarter`; `None` when there is no such
/// partner.
pub fn review_pack(portfolio: &Portfolio, id: &str, quarter: Quarter) -> Option<Document> {
    let (file, figures) = portfolio.partner(id)?;
    let partner = &file.partner;
    let today = portfolio.today;
    let workspace = portfolio.workspace;
    let span = quarter.span().until(today);
    let mut doc = Document::default();
    doc.title(format!(
        "{} — quarterly review pack, {}",
        partner.name,
        quarter.label()
    ));
    let kind = match partner.kind.trim() {
        "" => String::new(),
        kind => format!("{}; ", cells::capitalised(kind)),
    };
    let ran = if quarter.last_day() > today {
        format!(
            "runs from {} to {} (so far to {today})",
            span.from,
            quarter.last_day()
        )
    } else {
        format!("ran from {} to {}", span.from, span.to)
    };
    doc.text(format!(
        "{kind}stage {}, owner {}. The quarter {ran}; figures {}.",
        workspace.stage_name(&partner.stage),
        workspace.member_name(&partner.owner),
        cells::as_of(today, portfolio.source)
    ));
    if quarter.first_day() > today {
        doc.text(format!("{} has not begun yet.", quarter.label()));
        return Some(doc);
    }
    let first = first_recorded(partner);
    if first > span.to {
        doc.text(format!(
            "Nothing to review: the first record of {} is dated {first}, after {}.",
            partner.name,
            quarter.label()
        ));
        return Some(doc);
    }
    doc.text(format!(
        "{}.",
        cells::capitalised(&figures.health.explain())
    ));
    let last_review = partner
        .reviews
        .iter()
        .filter(|review| review.date <= span.to)
        .max_by_key(|review| review.date);

    goals(&mut doc, file, figures, last_review);
    kpis(&mut doc, file, figures, span);
    milestones(&mut doc, portfolio, file, span);
    feedback(&mut doc, file, portfolio, span, quarter);
    review(&mut doc, portfolio, file, last_review, quarter);
    checkins(&mut doc, portfolio, file, span);
    agreement(&mut doc, portfolio, file);
    questions(&mut doc, portfolio, file);
    Some(doc)
}

/// Each goal against its linked KPIs and milestones, and how the last review rated it.
fn goals(
    doc: &mut Document,
    file: &PartnerFile,
    figures: &PartnerSummary,
    last_review: Option<&Review>,
) {
    let partner = &file.partner;
    doc.heading("Goals and outcomes so far");
    let mut table = Table::new(&["Goal", "Due", "So far", "Last review"]);
    for progress in goal_progress(partner, &figures.assessments) {
        let goal = partner.goal(&progress.goal);
        let rated = last_review
            .and_then(|review| {
                review
                    .outcomes
                    .iter()
                    .find(|outcome| !progress.goal.is_empty() && outcome.goal == progress.goal)
            })
            .map_or("not rated".to_string(), |outcome| {
                match outcome.comment.trim() {
                    "" => outcome.rating.label().to_string(),
                    comment => format!("{}: {comment}", outcome.rating.label()),
                }
            });
        table.row(vec![
            progress.statement.clone(),
            goal.and_then(|g| g.due)
                .map_or("no date".to_string(), |d| d.to_string()),
            progress.explain(),
            rated,
        ]);
    }
    doc.table_or(table, "No shared goals recorded.");
}

/// Every KPI still open or closed in or after the quarter: status, what its
/// readings did in the quarter, run-rate and forecast, and the rule behind each.
fn kpis(doc: &mut Document, file: &PartnerFile, figures: &PartnerSummary, span: Span) {
    let partner = &file.partner;
    doc.heading("KPIs");
    let mut table = Table::new(&[
        "KPI",
        "Status",
        "Latest → target",
        "In the quarter",
        "Run-rate",
        "Forecast",
    ]);
    let mut why = Vec::new();
    for (kpi, assessment) in partner.kpis.iter().zip(&figures.assessments) {
        let closed_before = kpi.closed.as_ref().is_some_and(|c| c.date < span.from);
        if closed_before {
            continue;
        }
        let readings = readings_in(kpi, span);
        let quarter = match (readings.first(), readings.last()) {
            (Some(first), Some(last)) if readings.len() > 1 => format!(
                "{} → {} ({})",
                kpi.format_number(first.value),
                kpi.format_number(last.value),
                cells::counted(readings.len(), "reading", "readings")
            ),
            (Some(only), _) => format!("{} (1 reading)", kpi.format_number(only.value)),
            _ => "no readings".to_string(),
        };
        table.row(vec![
            kpi.name.clone(),
            cells::kpi_status(assessment),
            cells::kpi_value(kpi, assessment),
            quarter,
            cells::kpi_pace(kpi, assessment),
            cells::kpi_forecast(kpi, assessment),
        ]);
        why.push(assessment.explanation.clone());
    }
    if table.rows.is_empty() {
        doc.text("No KPIs were running in the quarter.");
        return;
    }
    doc.table_or(table, "");
    doc.text("Why each status is what it is:");
    doc.list(why);
}

/// Milestones due, finished or re-planned in the quarter, and those still late.
fn milestones(doc: &mut Document, portfolio: &Portfolio, file: &PartnerFile, span: Span) {
    let partner = &file.partner;
    let today = portfolio.today;
    let happened = activity(partner, span);
    doc.heading("Milestones");
    let mut table = Table::new(&["Milestone", "Status", "Due", "Re-plans in the quarter"]);
    let mut listed: Vec<_> = partner
        .milestones
        .iter()
        .filter(|m| {
            span.contains(m.due)
                || happened.finished.iter().any(|f| std::ptr::eq(*f, *m))
                || happened.replans.iter().any(|(r, _)| std::ptr::eq(*r, *m))
                || m.is_overdue(today)
        })
        .collect();
    listed.sort_by_key(|m| m.due);
    for m in listed {
        let status = match (m.status, m.done) {
            (MilestoneStatus::Done, Some(done)) if m.finished_late() => {
                format!("done {done}, late")
            }
            (MilestoneStatus::Done, Some(done)) => format!("done {done}"),
            (status, _) => status.label().to_string(),
        };
        let replans: Vec<String> = happened
            .replans
            .iter()
            .filter(|(r, _)| std::ptr::eq(*r, m))
            .map(|(_, replan)| match replan.reason.trim() {
                "" => format!("{} → {}", replan.from, replan.to),
                reason => format!("{} → {}: {reason}", replan.from, replan.to),
            })
            .collect();
        table.row(vec![
            m.title.clone(),
            status,
            if m.is_open() {
                cells::due(m.due, today)
            } else {
                m.due.to_string()
            },
            if replans.is_empty() {
                "–".to_string()
            } else {
                replans.join("; ")
            },
        ]);
    }
    doc.table_or(
        table,
        "No milestone was due, finished or re-planned in the quarter, and none is late.",
    );
}

/// Each side's average and trend at the end of the quarter and now, the partner
/// side's drop if there is one, and the feedback heard in the quarter.
fn feedback(
    doc: &mut Document,
    file: &PartnerFile,
    portfolio: &Portfolio,
    span: Span,
    quarter: Quarter,
) {
    let partner = &file.partner;
    let today = portfolio.today;
    doc.heading("Feedback from both sides");
    let ended = quarter.last_day() < today;
    let mut head = vec!["Side".to_string()];
    if ended {
        head.push(format!("End of the quarter ({})", span.to));
    }
    head.push(format!("Now ({today})"));
    let mut table = Table {
        head,
        rows: Vec::new(),
    };
    let at_end = by_side(partner, span.to);
    let now = by_side(partner, today);
    let cell = |sides: &[SideSentiment], side| {
        sides
            .iter()
            .find(|s| s.side == side)
            .map_or("no feedback in 90 days".to_string(), |s| {
                format!(
                    "{:.1}{} ({})",
                    s.mean,
                    s.arrow(),
                    cells::counted(s.notes, "note", "notes")
                )
            })
    };
    for side in crate::domain::partner::Side::ALL {
        if !at_end.iter().chain(&now).any(|s| s.side == side) {
            continue;
        }
        let mut row = vec![side.label().to_string()];
        if ended {
            row.push(cell(&at_end, side));
        }
        row.push(cell(&now, side));
        table.row(row);
    }
    doc.table_or(table, "No feedback in the last 90 days, from either side.");
    doc.text(
        "Averages over 90 days (1–5), recent notes weighing more; the arrow is where \
         each side's latest note took its average.",
    );
    if let Some(drop) = partner_side_drop(partner, today) {
        doc.text(format!(
            "Their side's average fell from {:.1} to {:.1} with {}'s {} on {}.",
            drop.before, drop.now, drop.latest.who, drop.latest.sentiment, drop.latest.date
        ));
    }
    let mut table = Table::new(&["Date", "Who", "Side", "Sentiment", "What they said"]);
    for note in activity(partner, span).feedback {
        table.row(vec![
            note.date.to_string(),
            note.who.clone(),
            note.side.label().to_string(),
            format!("{}/5", note.sentiment),
            note.text.trim().to_string(),
        ]);
    }
    doc.table_or(table, "No feedback was recorded in the quarter.");
}

/// What the last review found and decided, and whether its actions were done.
fn review(
    doc: &mut Document,
    portfolio: &Portfolio,
    file: &PartnerFile,
    last: Option<&Review>,
    quarter: Quarter,
) {
    let partner = &file.partner;
    let workspace = portfolio.workspace;
    let today = portfolio.today;
    doc.heading("The last review");
    let Some(review) = last else {
        doc.text(format!(
            "No review was recorded by the end of {}.",
            quarter.label()
        ));
        return;
    };
    let period = match review.period.trim() {
        "" => String::new(),
        period => format!(" of {period}"),
    };
    doc.text(format!(
        "The review{period} on {}, recorded by {}.",
        review.date,
        workspace.member_name(&review.author)
    ));
    let mut table = Table::new(&["Goal", "Outcome", "Comment"]);
    for outcome in &review.outcomes {
        let goal = partner.goal(&outcome.goal).map_or_else(
            || match outcome.goal_text.trim() {
                "" => "a goal no longer recorded".to_string(),
                text => text.to_string(),
            },
            |goal| goal.statement.clone(),
        );
        table.row(vec![
            goal,
            outcome.rating.label().to_string(),
            outcome.comment.trim().to_string(),
        ]);
    }
    doc.table_or(table, "It rated no goals.");
    for (label, text) in [
        ("What worked", &review.worked),
        ("Challenges", &review.challenges),
    ] {
        if !text.trim().is_empty() {
            doc.text(format!("{label}: {}", text.trim()));
        }
    }
    let closed: Vec<String> = partner
        .kpis
        .iter()
        .filter(|kpi| review.closed_kpis.contains(&kpi.id))
        .map(|kpi| match &kpi.closed {
            Some(closed) if closed.note.trim().is_empty() => {
                format!("{}: {}", kpi.name, closed.outcome.label())
            }
            Some(closed) => format!(
                "{}: {} — {}",
                kpi.name,
                closed.outcome.label(),
                closed.note.trim()
            ),
            None => format!("{}: open again", kpi.name),
        })
        .collect();
    if !closed.is_empty() {
        doc.text("KPIs it closed:");
        doc.list(closed);
    }
    let mut table = Table::new(&["Adjustment", "Owner (side)", "Due", "Done?"]);
    for action in review
        .adjustments
        .iter()
        .filter_map(|id| partner.actions.iter().find(|a| a.id == *id))
    {
        let done = match action.done {
            Some(date) => format!("done {date}"),
            None if action.is_overdue(today) => "open, late".to_string(),
            None => "open".to_string(),
        };
        table.row(vec![
            action.text.clone(),
            cells::owner_and_side(action, workspace),
            action.due.map_or("no date".to_string(), |d| d.to_string()),
            done,
        ]);
    }
    doc.subheading("Adjustments it decided");
    doc.table_or(table, "None.");
}

/// The check-ins of the quarter, with their notes.
fn checkins(doc: &mut Document, portfolio: &Portfolio, file: &PartnerFile, span: Span) {
    let partner = &file.partner;
    doc.heading("Check-ins in the quarter");
    let mut table = Table::new(&["Date", "By", "Note"]);
    for checkin in activity(partner, span).checkins {
        table.row(vec![
            checkin.date.to_string(),
            portfolio.workspace.member_name(&checkin.author).to_string(),
            checkin.note.trim().to_string(),
        ]);
    }
    doc.table_or(table, "No check-ins in the quarter.");
}

/// The agreement as it stands: dates, the seven components, deliverables and
/// amendments.
fn agreement(doc: &mut Document, portfolio: &Portfolio, file: &PartnerFile) {
    let agreement = &file.partner.agreement;
    let workspace = portfolio.workspace;
    let today = portfolio.today;
    doc.heading("The agreement");
    let dated = |label: &str, date: Option<chrono::NaiveDate>| {
        date.map_or(format!("no {label} date"), |d| {
            format!("{label} {}", cells::due(d, today))
        })
    };
    let signed = agreement
        .signed
        .map_or("Not signed".to_string(), |d| format!("Signed {d}"));
    doc.text(format!(
        "{signed}; {}; {}. Components agreed: {} of {}.",
        dated("next review", agreement.next_review),
        dated("expiry", agreement.expires),
        agreement.agreed_count(),
        Component::ALL.len()
    ));
    doc.subheading("Components");
    let mut table = Table::new(&["Component", "Status", "Note"]);
    for component in Component::ALL {
        let clause = agreement.clause(component);
        table.row(vec![
            component.label().to_string(),
            clause.status.label().to_string(),
            clause.note.trim().to_string(),
        ]);
    }
    doc.table_or(table, "");
    doc.subheading("Deliverables");
    let mut table = Table::new(&["Deliverable", "Owner", "Due", "Status", "Note"]);
    for deliverable in &agreement.deliverables {
        table.row(vec![
            deliverable.title.clone(),
            workspace.member_name(&deliverable.owner).to_string(),
            deliverable
                .due
                .map_or("no date".to_string(), |d| d.to_string()),
            deliverable.status.label().to_string(),
            deliverable.note.trim().to_string(),
        ]);
    }
    doc.table_or(table, "No deliverables listed.");
    let amendments: Vec<String> = agreement
        .amendments
        .iter()
        .map(|a| {
            let expiry = a
                .expires
                .map_or(String::new(), |d| format!(" (new expiry {d})"));
            format!("{}: {}{expiry}", a.date, a.note.trim())
        })
        .collect();
    doc.subheading("Amendments");
    if amendments.is_empty() {
        doc.text("None.");
    } else {
        doc.list(amendments);
    }
}

/// What needs attention for the partner now, and who owes which open action item.
fn questions(doc: &mut Document, portfolio: &Portfolio, file: &PartnerFile) {
    let today = portfolio.today;
    doc.heading("Open questions");
    doc.subheading("Needs attention");
    let mut table = Table::new(&["When", "What, and why"]);
    for item in portfolio
        .summary
        .attention
        .iter()
        .filter(|item| item.partner == file.id)
    {
        table.row(vec![
            format!("{} {}", item.severity(today).symbol(), item.when(today)),
            item.message(),
        ]);
    }
    doc.table_or(table, "Nothing needs attention.");
    doc.subheading("Open action items");
    let mut table = Table::new(&["Action", "Owner (side)", "Due", "Agreed at"]);
    for action in cells::open_actions(&file.partner) {
        table.row(vec![
            action.text.clone(),
            cells::owner_and_side(action, portfolio.workspace),
            cells::action_due(action, today),
            file.partner
                .origin_label(action)
                .unwrap_or_else(|| "on its own".to_string()),
        ]);
    }
    doc.table_or(table, "None.");
}
