//! Checks that ids hold together: every id unique within its file, and every
//! reference (a KPI's goal, a milestone's deliverable, a review's adjustments, an
//! action's origin…) pointing at something that exists.
//!
//! A colliding id is an error: two records that cannot be told apart cannot be
//! edited or merged safely. A reference to something that does not exist is a
//! warning: the link is ignored and nothing is lost.

use std::collections::HashMap;

use super::ids::usable_id;
use super::partner::Partner;
use super::validate::{Anchor, Problem, Severity};
use super::workspace::Workspace;

/// A problem anchored at the `occurrence`-th `id: "…"` with this value.
fn at_id(severity: Severity, id: &str, occurrence: usize, message: String) -> Problem {
    Problem {
        severity,
        message,
        anchor: Anchor {
            field: "id",
            value: Some(id.to_string()),
            occurrence,
        },
    }
}

/// Ids that are used twice (or cannot be ids) among `ids`, given as
/// (what the record is, its id) in file order.
fn duplicate_ids<'a>(ids: impl IntoIterator<Item = (String, &'a str)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, (String, usize)> = HashMap::new();
    for (what, id) in ids {
        if id.trim().is_empty() {
            continue;
        }
        if !usable_id(id) {
            problems.push(at_id(
                Severity::Error,
                id,
                0,
                format!("the id \"{id}\" of the {what} has a space or a control character; an id is one word"),
            ));
        }
        match seen.get_mut(id) {
            Some((first, count)) => {
                problems.push(at_id(
                    Severity::Error,
                    id,
                    *count,
                    format!(
                        "the id \"{id}\" of the {what} is already the id of the {first}; ids must be unique in a file — give one of them a new id"
                    ),
                ));
                *count += 1;
            }
            None => {
                seen.insert(id, (what, 1));
            }
        }
    }
    problems
}

/// Ids used twice in a partner file, each reported where it appears again.
pub fn partner_id_problems(partner: &Partner) -> Vec<Problem> {
    let ids = partner.record_ids();
    duplicate_ids(
        ids.iter()
            .map(|(kind, position, id)| (format!("{} at {position}", kind.label()), id.as_str())),
    )
}

/// Stage, phase, criterion and perspective ids used twice in the workspace.
pub fn workspace_id_problems(workspace: &Workspace) -> Vec<Problem> {
    let stages = workspace
        .stages
        .iter()
        .map(|s| (format!("stage \"{}\"", s.name), s.id.as_str()));
    let phases = workspace
        .phases
        .iter()
        .map(|p| (format!("phase \"{}\"", p.name), p.id.as_str()));
    let criteria = workspace
        .criteria
        .iter()
        .map(|c| (format!("criterion \"{}\"", c.name), c.id.as_str()));
    let perspectives = workspace
        .perspectives
        .iter()
        .map(|p| (format!("perspective \"{}\"", p.name), p.id.as_str()));
    // Each list is its own namespace ("launch" may be a phase and a stage), and the
    // file lists them in this order, so occurrences count within each.
    let mut problems = Vec::new();
    let mut offset: HashMap<String, usize> = HashMap::new();
    for list in [
        stages.collect::<Vec<_>>(),
        phases.collect(),
        criteria.collect(),
        perspectives.collect(),
    ] {
        for mut problem in duplicate_ids(list.iter().map(|(what, id)| (what.clone(), *id))) {
            if let Some(value) = &problem.anchor.value {
                problem.anchor.occurrence += offset.get(value).copied().unwrap_or(0);
            }
            problems.push(problem);
        }
        for (_, id) in &list {
            *offset.entry(id.to_string()).or_default() += 1;
        }
    }
    problems
}

/// References inside a partner file, and to the workspace's perspectives, that
/// point at nothing.
pub fn partner_reference_problems(partner: &Partner, workspace: &Workspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut warn = |id: &str, message: String| {
        problems.push(at_id(Severity::Warning, id, 0, message));
    };
    let has_goal = |id: &str| partner.goals.iter().any(|goal| goal.id == id);
    let has_action = |id: &str| partner.actions.iter().any(|action| action.id == id);
    let has_kpi = |id: &str| partner.kpis.iter().any(|kpi| kpi.id == id);

    for kpi in &partner.kpis {
        if !kpi.perspective.is_empty()
            && !workspace
                .perspectives
                .iter()
                .any(|p| p.id == kpi.perspective)
        {
            warn(
                &kpi.id,
                format!(
                    "KPI \"{}\" is in perspective \"{}\", which the workspace does not list",
                    kpi.name, kpi.perspective
                ),
            );
        }
        if let Some(goal) = &kpi.goal
            && !has_goal(goal)
        {
            warn(
                &kpi.id,
                format!(
                    "KPI \"{}\" measures goal \"{goal}\", which is not a goal of this partner; the link is ignored",
                    kpi.name
                ),
            );
        }
    }
    for milestone in &partner.milestones {
        if let Some(goal) = &milestone.goal
            && !has_goal(goal)
        {
            warn(
                &milestone.id,
                format!(
                    "milestone \"{}\" serves goal \"{goal}\", which is not a goal of this partner; the link is ignored",
                    milestone.title
                ),
            );
        }
        if let Some(deliverable) = &milestone.deliverable
            && !partner
                .agreement
                .deliverables
                .iter()
                .any(|d| d.id == *deliverable)
        {
            warn(
                &milestone.id,
                format!(
                    "milestone \"{}\" belongs to deliverable \"{deliverable}\", which is not in the agreement; the link is ignored",
                    milestone.title
                ),
            );
        }
    }
    for checkin in &partner.checkins {
        for action in checkin.actions.iter().filter(|id| !has_action(id)) {
            warn(
                &checkin.id,
                format!(
                    "the check-in of {} lists action item \"{action}\", which is not in actions",
                    checkin.date
                ),
            );
        }
    }
    for review in &partner.reviews {
        for action in review.adjustments.iter().filter(|id| !has_action(id)) {
            warn(
                &review.id,
                format!(
                    "the review of {} lists adjustment \"{action}\", which is not in actions",
                    review.date
                ),
            );
        }
        for kpi in review.closed_kpis.iter().filter(|id| !has_kpi(id)) {
            warn(
                &review.id,
                format!(
                    "the review of {} closed KPI \"{kpi}\", which is not a KPI of this partner",
                    review.date
                ),
            );
        }
        for outcome in &review.outcomes {
            if outcome.goal.is_empty() && outcome.goal_text.trim().is_empty() {
                warn(
                    &review.id,
                    format!("an outcome of the review of {} names no goal", review.date),
                );
            } else if !outcome.goal.is_empty() && !has_goal(&outcome.goal) {
                warn(
                    &review.id,
                    format!(
                        "the review of {} has an outcome for goal \"{}\", which is not a goal of this partner",
                        review.date, outcome.goal
                    ),
                );
            }
        }
    }
    for action in &partner.actions {
        if let Some(origin) = &action.origin
            && partner.checkin(origin).is_none()
            && partner.review(origin).is_none()
        {
            warn(
                &action.id,
                format!(
                    "action item \"{}\" comes from \"{origin}\", which is no check-in or review of this partner",
                    action.text
                ),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::activity::{ActionItem, CheckIn, Review};
    use crate::domain::kpi::Kpi;
    use crate::domain::partner::{Contact, Goal};
    use crate::domain::timeline::Milestone;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn contact(id: &str) -> Contact {
        Contact {
            id: id.into(),
            name: id.into(),
            ..Contact::default()
        }
    }

    #[test]
    fn a_colliding_id_is_an_error_at_its_second_appearance() {
        let mut partner = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        partner.contacts = vec![contact("ct-1"), contact("ct-2")];
        partner.goals.push(Goal {
            id: "ct-1".into(),
            statement: "Grow".into(),
            ..Goal::default()
        });
        partner.actions.push(ActionItem {
            id: "ct-1".into(),
            ..ActionItem::default()
        });
        let problems = partner_id_problems(&partner);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems.iter().all(|p| p.severity == Severity::Error));
        assert_eq!(problems[0].anchor.occurrence, 1);
        assert_eq!(problems[1].anchor.occurrence, 2);
        assert!(
            problems[0].message.contains(
                "of the goal at goals[0] is already the id of the contact at contacts[0]"
            ),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_workspace_id_may_repeat_across_lists_but_not_within_one() {
        let mut workspace = Workspace::new("T");
        workspace.phases[2].id = "active".into();
        assert!(workspace_id_problems(&workspace).is_empty());
        workspace.criteria[1].id = "strategic-fit".into();
        let problems = workspace_id_problems(&workspace);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].anchor.value.as_deref(), Some("strategic-fit"));
        assert_eq!(problems[0].anchor.occurrence, 1);
        workspace.criteria[1].id = "active".into();
        let problems = workspace_id_problems(&workspace);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn dangling_references_are_warnings() {
        let workspace = Workspace::new("T");
        let mut partner = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        let mut kpi = Kpi::new("Leads", (0.0, 10.0), (day("2026-01-01"), day("2026-12-31")));
        kpi.id = "kp-1".into();
        kpi.goal = Some("gl-gone".into());
        kpi.perspective = "vibes".into();
        partner.kpis.push(kpi);
        let mut milestone = Milestone::new("Pilot", "launch", day("2026-03-01"));
        milestone.id = "ms-1".into();
        milestone.deliverable = Some("dl-gone".into());
        partner.milestones.push(milestone);
        let mut review = Review::new(day("2026-03-01"), "maya");
        review.id = "rv-1".into();
        review.adjustments = vec!["ac-gone".into()];
        review.closed_kpis = vec!["kp-1".into()];
        partner.reviews.push(review);
        let mut checkin = CheckIn::new(day("2026-03-02"), "maya");
        checkin.id = "ci-1".into();
        partner.checkins.push(checkin);
        partner.actions.push(ActionItem {
            id: "ac-1".into(),
            text: "Call".into(),
            origin: Some("ci-1".into()),
            ..ActionItem::default()
        });
        partner.actions.push(ActionItem {
            id: "ac-2".into(),
            text: "Write".into(),
            origin: Some("rv-gone".into()),
            ..ActionItem::default()
        });
        let problems = partner_reference_problems(&partner, &workspace);
        let anchored: Vec<_> = problems
            .iter()
            .map(|p| p.anchor.value.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            anchored,
            ["kp-1", "kp-1", "ms-1", "rv-1", "ac-2"],
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        assert!(problems[1].message.contains("the link is ignored"));
    }
}
