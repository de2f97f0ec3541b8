//! The rules that raise attention items for one partner, each with its reason.

use chrono::NaiveDate;

use super::{AttentionItem, AttentionKind, REVIEW_LEAD_DAYS, urgency};
use crate::domain::dates::{add_days, days_between};
use crate::domain::kpi::{KpiAssessment, KpiStatus};
use crate::domain::partner::{ClauseStatus, Partner, Side};
use crate::domain::sentiment::partner_side_drop;
use crate::domain::workspace::{StageRole, Workspace};
use crate::text::capitalised;

/// The day the partner entered the run of stages with one of `roles` it is in now
/// (through stage moves within them), else the day it entered its stage.
pub fn run_since(partner: &Partner, workspace: &Workspace, roles: &[StageRole]) -> NaiveDate {
    let within = |stage: &str| {
        workspace
            .stage_role(stage)
            .is_some_and(|role| roles.contains(&role))
    };
    let mut since = partner.stage_since;
    for change in partner.history.iter().rev() {
        if change.to != partner.stage && !within(&change.to) {
            break;
        }
        since = change.date;
        if !within(&change.from) {
            break;
        }
    }
    since
}

/// `partner_attention`, from the partner's KPI assessments already made. A partner
/// in a closed stage raises only its open action items past their date: a paused
/// partnership still owes them.
pub fn attention_from(
    id: &str,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
    assessments: &[KpiAssessment],
) -> Vec<AttentionItem> {
    let mut items = Vec::new();
    let mut push = |kind,
                    subject: &str,
                    what: String,
                    why: String,
                    due: Option<NaiveDate>,
                    record: Option<&str>| {
        items.push(AttentionItem {
            partner: id.to_string(),
            partner_name: partner.name.clone(),
            kind,
            subject: subject.to_string(),
            record: record.map(str::to_string),
            what,
            why,
            due,
            urgency: urgency(kind, due, today),
        });
    };

    for action in partner.actions.iter().filter(|a| a.is_overdue(today)) {
        let owner = if action.owner.is_empty() {
            "no owner".to_string()
        } else {
            workspace.member_name(&action.owner).to_string()
        };
        let side = match action.side {
            Side::Ours => "",
            Side::Theirs => " (their side)",
            Side::Joint => " (both sides)",
        };
        push(
            AttentionKind::ActionOverdue,
            &action.text,
            format!("Action “{}” is overdue", action.text),
            format!(
                "due {}, {owner}{side}",
                action.due.map(|d| d.to_string()).unwrap_or_default()
            ),
            action.due,
            Some(&action.id),
        );
    }

    let role = workspace.stage_role(&partner.stage);
    if role == Some(StageRole::Closed) {
        return items;
    }
    let under_way = matches!(role, Some(StageRole::Formalizing | StageRole::Operating));
    let operating = role == Some(StageRole::Operating);
    let cadence = partner.cadence_days(workspace.checkin_cadence_days);

    for milestone in partner.milestones.iter().filter(|m| m.is_overdue(today)) {
        let reason = milestone
            .replans
            .last()
            .map(|replan| replan.reason.trim())
            .filter(|reason| !reason.is_empty())
            .map(|reason| format!(" ({reason})"))
            .unwrap_or_default();
        let slip = match milestone.slip_days() {
            0 => String::new(),
            days => format!(
                ", moved {days:+} days; first planned for {}{reason}",
                milestone.planned_due
            ),
        };
        push(
            AttentionKind::OverdueMilestone,
            &milestone.title,
            format!("Milestone “{}” is overdue", milestone.title),
            format!(
                "due {}, still {}{slip}",
                milestone.due,
                milestone.status.label()
            ),
            Some(milestone.due),
            Some(&milestone.id),
        );
    }

    for deliverable in &partner.agreement.deliverables {
        let Some(due) = deliverable.due else { continue };
        if due >= today || deliverable.status == ClauseStatus::Agreed {
            continue;
        }
        let owner = if deliverable.owner.is_empty() {
            String::new()
        } else {
            format!(", {}", workspace.member_name(&deliverable.owner))
        };
        push(
            AttentionKind::DeliverableOverdue,
            &deliverable.title,
            format!("Deliverable “{}” is overdue", deliverable.title),
            format!("due {due}, still {}{owner}", deliverable.status.label()),
            Some(due),
            Some(&deliverable.id),
        );
    }

    // One item per KPI, the most serious of what it shows: red, else an early
    // warning, else a stale flag (the explanation carries the others).
    for (kpi, assessment) in partner.kpis.iter().zip(assessments) {
        let why = strip_name(&assessment.explanation, &kpi.name);
        if assessment.status == KpiStatus::Red {
            push(
                AttentionKind::RedKpi,
                &kpi.name,
                format!("KPI {} is red", kpi.name),
                why,
                None,
                Some(&kpi.id),
            );
        } else if assessment.early_warning {
            push(
                AttentionKind::EarlyWarning,
                &kpi.name,
                format!("KPI {} is heading for a miss", kpi.name),
                why,
                Some(kpi.target_date),
                Some(&kpi.id),
            );
        } else if assessment.stale {
            let last = assessment
                .latest
                .as_ref()
                .map_or(kpi.start, |reading| reading.date);
            push(
                AttentionKind::StaleKpi,
                &kpi.name,
                format!("KPI {} is stale", kpi.name),
                why,
                Some(add_days(last, i64::from(cadence))),
                Some(&kpi.id),
            );
        }
    }

    // The check-in cadence's own item, when raised: a charter meeting no less
    // frequent than the check-ins is covered by it rather than said twice.
    let mut checkin_overdue = false;
    if crate::domain::checkin::checkin_overdue(partner, workspace, today).is_some() {
        let last = partner.last_checkin(today);
        let since = last.unwrap_or(partner.stage_since);
        let due = partner.checkin_due(workspace.checkin_cadence_days, today);
        let why = match last {
            Some(last) => format!("last check-in {last}; one expected every {cadence} days"),
            None => format!(
                "none since it entered {} on {since}; one expected every {cadence} days",
                workspace.stage_name(&partner.stage)
            ),
        };
        checkin_overdue = true;
        push(
            AttentionKind::CheckinOverdue,
            &format!("{cadence}-day cadence"),
            "Check-in overdue".to_string(),
            why,
            Some(due),
            None,
        );
    }

    if under_way {
        let began = run_since(
            partner,
            workspace,
            &[StageRole::Formalizing, StageRole::Operating],
        );
        for meeting in partner
            .charter
            .meetings
            .iter()
            .filter(|m| m.cadence_days > 0)
            .filter(|m| !(checkin_overdue && m.cadence_days <= cadence))
        {
            let last = partner
                .checkins
                .iter()
                .filter(|c| c.tier == Some(meeting.tier) && c.date <= today)
                .map(|c| c.date)
                .max();
            let since = last.map_or(began, |last| last.max(began));
            let due = add_days(since, i64::from(meeting.cadence_days));
            if due >= today {
                continue;
            }
            let tier = meeting.tier.label();
            let why = match last {
                Some(last) => format!(
                    "last held {last}; the charter sets one every {} days",
                    meeting.cadence_days
                ),
                None => format!(
                    "none held since {began}; the charter sets one every {} days",
                    meeting.cadence_days
                ),
            };
            push(
                AttentionKind::MeetingOverdue,
                &format!("{tier} meeting"),
                format!("{} meeting overdue", capitalised(tier)),
                why,
                Some(due),
                Some(&meeting.id),
            );
        }
    }

    if operating {
        let began = run_since(partner, workspace, &[StageRole::Operating]);
        let last = partner
            .reviews
            .iter()
            .map(|r| r.date)
            .filter(|date| *date <= today)
            .max();
        let every = workspace.review_cadence_days.max(1);
        let since = last.map_or(began, |last| last.max(began));
        let due = add_days(since, i64::from(every));
        if days_between(today, due) <= REVIEW_LEAD_DAYS {
            let why = match last {
                Some(last) => format!("last review {last}; one every {every} days"),
                None => format!("none since joint work began on {began}; one every {every} days"),
            };
            let what = if due < today {
                "Partnership review overdue"
            } else {
                "Partnership review due"
            };
            push(
                AttentionKind::ReviewDue,
                &format!("{every}-day cadence"),
                what.to_string(),
                why,
                Some(due),
                None,
            );
        }

        if partner.agreement.signed.is_none_or(|signed| signed > today) {
            push(
                AttentionKind::NoAgreement,
                "terms unsigned",
                "No signed agreement".to_string(),
                format!(
                    "joint work under way since {began}, {} days",
                    days_between(began, today)
                ),
                None,
                None,
            );
        }
    }

    if under_way && let Some(drop) = partner_side_drop(partner, today) {
        push(
            AttentionKind::SentimentDrop,
            "partner side",
            "Partner sentiment dropped".to_string(),
            format!(
                "their side's average fell from {:.1} to {:.1} of 5 with {}'s {} on {}",
                drop.before, drop.now, drop.latest.who, drop.latest.sentiment, drop.latest.date
            ),
            None,
            None,
        );
    }

    // The agreement's own notice periods, else the workspace's.
    let review_notice = partner
        .agreement
        .review_notice(workspace.review_notice_days);
    let renewal_notice = partner
        .agreement
        .renewal_notice(workspace.renewal_notice_days);
    if let Some(review) = partner.agreement.next_review
        && days_between(today, review) <= i64::from(review_notice)
    {
        let why = if review < today {
            format!("the agreement was due its review on {review}")
        } else {
            format!("next review {review}; flagged {review_notice} days ahead")
        };
        push(
            AttentionKind::AgreementReview,
            "agreement",
            "Agreement review".to_string(),
            why,
            Some(review),
            None,
        );
    }

    if let Some(expires) = partner.agreement.expires
        && days_between(today, expires) <= i64::from(renewal_notice)
    {
        let why = if expires < today {
            format!("the agreement expired on {expires}")
        } else {
            format!("the agreement expires {expires}; flagged {renewal_notice} days ahead")
        };
        push(
            AttentionKind::Renewal,
            "agreement",
            "Agreement renewal".to_string(),
            why,
            Some(expires),
            None,
        );
    }
    items
}

/// "Joint revenue: 38% …" → "38% …": the item already names the KPI.
fn strip_name(explanation: &str, name: &str) -> String {
    explanation
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(explanation)
        .to_string()
}
