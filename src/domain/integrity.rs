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
use super::validate::{FieldPath, Problem, Severity};
use super::workspace::Workspace;

fn at(severity: Severity, path: FieldPath, message: String) -> Problem {
    Problem {
        severity,
        message,
        path,
    }
}

/// Ids that are used twice (or cannot be ids) among `ids`, given as (what the
/// record is, its id, where its id is) in file order.
fn duplicate_ids<'a>(ids: impl IntoIterator<Item = (String, &'a str, FieldPath)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (what, id, path) in ids {
        if id.trim().is_empty() {
            continue;
        }
        if !usable_id(id) {
            problems.push(at(
                Severity::Error,
                path.clone(),
                format!("the id \"{id}\" of the {what} has a space or a control character; an id is one word"),
            ));
        }
        match seen.get(id) {
            Some(first) => problems.push(at(
                Severity::Error,
                path,
                format!(
                    "the id \"{id}\" of the {what} is already the id of the {first}; ids must be unique in a file — give one of them a new id"
                ),
            )),
            None => {
                seen.insert(id, what);
            }
        }
    }
    problems
}

/// The field name of a list in a partner file, as a path step.
fn list_field(name: &str) -> Option<&'static str> {
    const LISTS: [&str; 15] = [
        "contacts",
        "goals",
        "roles",
        "agreement",
        "deliverables",
        "amendments",
        "charter",
        "meetings",
        "milestones",
        "kpis",
        "readings",
        "feedback",
        "checkins",
        "reviews",
        "actions",
    ];
    LISTS.into_iter().find(|list| *list == name)
}

/// `kpis[0].readings[3]`, as `Partner::record_ids` writes a record's position, as
/// the path to its id.
fn id_path(position: &str) -> FieldPath {
    let mut path = FieldPath::default();
    for part in position.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        if let Some(field) = list_field(name) {
            path = path.field(field);
        }
        if let Some(index) = index {
            path = path.item(index);
        }
    }
    path.field("id")
}

/// Ids used twice in a partner file, each reported where it appears again.
pub fn partner_id_problems(partner: &Partner) -> Vec<Problem> {
    let ids = partner.record_ids();
    duplicate_ids(ids.iter().map(|(kind, position, id)| {
        (
            format!("{} at {position}", kind.label()),
            id.as_str(),
            id_path(position),
        )
    }))
}

/// Stage, phase, criterion and perspective ids used twice in the workspace. Each
/// list is its own namespace: "launch" may be a phase and a stage.
pub fn workspace_id_problems(workspace: &Workspace) -> Vec<Problem> {
    let path = |list: &'static str, index: usize| FieldPath::at(list).item(index).field("id");
    let stages = workspace.stages.iter().enumerate().map(|(i, s)| {
        (
            format!("stage \"{}\"", s.name),
            s.id.as_str(),
            path("stages", i),
        )
    });
    let phases = workspace.phases.iter().enumerate().map(|(i, p)| {
        (
            format!("phase \"{}\"", p.name),
            p.id.as_str(),
            path("phases", i),
        )
    });
    let criteria = workspace.criteria.iter().enumerate().map(|(i, c)| {
        (
            format!("criterion \"{}\"", c.name),
            c.id.as_str(),
            path("criteria", i),
        )
    });
    let perspectives = workspace.perspectives.iter().enumerate().map(|(i, p)| {
        (
            format!("perspective \"{}\"", p.name),
            p.id.as_str(),
            path("perspectives", i),
        )
    });
    let mut problems = duplicate_ids(stages);
    problems.extend(duplicate_ids(phases));
    problems.extend(duplicate_ids(criteria));
    problems.extend(duplicate_ids(perspectives));
    problems
}

/// References inside a partner file, and to the workspace's perspectives, that
/// point at nothing.
pub fn partner_reference_problems(partner: &Partner, workspace: &Workspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut warn = |path: FieldPath, message: String| {
        problems.push(at(Severity::Warning, path, message));
    };
    let has_goal = |id: &str| partner.goals.iter().any(|goal| goal.id == id);
    let has_action = |id: &str| partner.actions.iter().any(|action| action.id == id);
    let has_kpi = |id: &str| partner.kpis.iter().any(|kpi| kpi.id == id);

    for (index, kpi) in partner.kpis.iter().enumerate() {
        let here = FieldPath::at("kpis").item(index);
        if !kpi.perspective.is_empty()
            && !workspace
                .perspectives
                .iter()
                .any(|p| p.id == kpi.perspective)
        {
            warn(
                here.clone().field("perspective"),
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
                here.field("goal"),
                format!(
                    "KPI \"{}\" measures goal \"{goal}\", which is not a goal of this partner; the link is ignored",
                    kpi.name
                ),
            );
        }
    }
    for (index, milestone) in partner.milestones.iter().enumerate() {
        let here = FieldPath::at("milestones").item(index);
        if let Some(goal) = &milestone.goal
            && !has_goal(goal)
        {
            warn(
                here.clone().field("goal"),
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
                here.field("deliverable"),
                format!(
                    "milestone \"{}\" belongs to deliverable \"{deliverable}\", which is not in the agreement; the link is ignored",
                    milestone.title
                ),
            );
        }
    }
    for (index, checkin) in partner.checkins.iter().enumerate() {
        for (item, action) in checkin.actions.iter().enumerate() {
            if !has_action(action) {
                warn(
                    FieldPath::at("checkins")
                        .item(index)
                        .field("actions")
                        .item(item),
                    format!(
                        "the check-in of {} lists action item \"{action}\", which is not in actions",
                        checkin.date
                    ),
                );
            }
        }
    }
    for (index, review) in partner.reviews.iter().enumerate() {
        let here = FieldPath::at("reviews").item(index);
        for (item, action) in review.adjustments.iter().enumerate() {
            if !has_action(action) {
                warn(
                    here.clone().field("adjustments").item(item),
                    format!(
                        "the review of {} lists adjustment \"{action}\", which is not in actions",
                        review.date
                    ),
                );
            }
        }
        for (item, kpi) in review.closed_kpis.iter().enumerate() {
            if !has_kpi(kpi) {
                warn(
                    here.clone().field("closed_kpis").item(item),
                    format!(
                        "the review of {} closed KPI \"{kpi}\", which is not a KPI of this partner",
                        review.date
                    ),
                );
            }
        }
        for (item, outcome) in review.outcomes.iter().enumerate() {
            let outcome_path = here.clone().field("outcomes").item(item);
            if outcome.goal.is_empty() && outcome.goal_text.trim().is_empty() {
                warn(
                    outcome_path,
                    format!("an outcome of the review of {} names no goal", review.date),
                );
            } else if !outcome.goal.is_empty() && !has_goal(&outcome.goal) {
                warn(
                    outcome_path.field("goal"),
                    format!(
                        "the review of {} has an outcome for goal \"{}\", which is not a goal of this partner",
                        review.date, outcome.goal
                    ),
                );
            }
        }
    }
    for (index, action) in partner.actions.iter().enumerate() {
        if let Some(origin) = &action.origin
            && partner.checkin(origin).is_none()
            && partner.review(origin).is_none()
        {
            warn(
                FieldPath::at("actions").item(index).field("origin"),
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
        assert_eq!(problems[0].path.to_string(), "goals[0].id");
        assert_eq!(problems[1].path.to_string(), "actions[0].id");
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
        assert_eq!(problems[0].path.to_string(), "criteria[1].id");
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
        let paths: Vec<_> = problems.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "kpis[0].perspective",
                "kpis[0].goal",
                "milestones[0].deliverable",
                "reviews[0].adjustments[0]",
                "actions[1].origin"
            ],
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        assert!(problems[1].message.contains("the link is ignored"));
    }
}
