//! Checks of loaded data that parsing cannot make: values out of range, names that
//! refer to nothing, and the softer warnings `pactboard check` reports (goals that
//! fail SMART, agreements missing components) without failing.

use super::kpi::format_value;
use super::partner::Partner;
use super::scoring::{MAX_SCORE, MIN_SCORE};
use super::smart::check_goal;
use super::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in the file a problem is: the first `field: value` line that matches (or
/// the `occurrence`-th, counting from 0, when one value appears more than once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub field: &'static str,
    /// The field's value as a string, if the line must match it too.
    pub value: Option<String>,
    pub occurrence: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    pub anchor: Anchor,
}

pub(crate) fn problem(
    severity: Severity,
    field: &'static str,
    value: Option<&str>,
    message: String,
) -> Problem {
    Problem {
        severity,
        message,
        anchor: Anchor {
            field,
            value: value.map(str::to_string),
            occurrence: 0,
        },
    }
}

pub fn validate_workspace(workspace: &Workspace) -> Vec<Problem> {
    use Severity::*;
    let mut problems = Vec::new();
    if workspace.stages.is_empty() {
        problems.push(problem(
            Error,
            "stages",
            None,
            "the workspace has no stages".into(),
        ));
    }
    for (index, stage) in workspace.stages.iter().enumerate() {
        if stage.name.trim().is_empty() {
            problems.push(problem(Error, "stages", None, "a stage has no name".into()));
        } else if workspace.stages[..index]
            .iter()
            .any(|s| s.name == stage.name)
        {
            problems.push(problem(
                Error,
                "name",
                Some(&stage.name),
                format!("stage \"{}\" appears twice", stage.name),
            ));
        }
    }
    for criterion in &workspace.criteria {
        if !criterion.weight.is_finite() || criterion.weight < 0.0 {
            problems.push(problem(
                Error,
                "name",
                Some(&criterion.name),
                format!(
                    "criterion \"{}\" has weight {}; weights must be zero or more",
                    criterion.name, criterion.weight
                ),
            ));
        }
    }
    let thresholds = workspace.thresholds;
    if thresholds.amber_points > thresholds.red_points {
        problems.push(problem(
            Error,
            "amber_points",
            None,
            format!(
                "amber from {} points behind is above red from {}; amber must be the smaller",
                thresholds.amber_points, thresholds.red_points
            ),
        ));
    }
    if workspace.checkin_cadence_days == 0 {
        problems.push(problem(
            Error,
            "checkin_cadence_days",
            None,
            "the check-in cadence must be at least 1 day".into(),
        ));
    }
    for (index, member) in workspace.members.iter().enumerate() {
        if workspace.members[..index]
            .iter()
            .any(|m| m.handle == member.handle)
        {
            problems.push(problem(
                Error,
                "handle",
                Some(&member.handle),
                format!("member handle \"{}\" appears twice", member.handle),
            ));
        }
    }
    problems
}

/// Two partners with one name cannot be told apart in lists and questions; each
/// later one gets a warning naming the first.
pub fn duplicate_names<'a>(partners: &[(&'a str, &'a Partner)]) -> Vec<(&'a str, Problem)> {
    let key = |partner: &Partner| partner.name.trim().to_lowercase();
    let mut problems = Vec::new();
    for (index, (id, partner)) in partners.iter().enumerate() {
        if let Some((first, _)) = partners[..index]
            .iter()
            .find(|(_, earlier)| key(earlier) == key(partner))
        {
            problems.push((
                *id,
                problem(
                    Severity::Warning,
                    "name",
                    Some(&partner.name),
                    format!("partners/{first}.ron has the same name; rename one so they can be told apart"),
                ),
            ));
        }
    }
    problems
}

/// Whether `name` is already used by a partner other than `id`.
pub fn name_taken(partners: &[(&str, &Partner)], id: &str, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    partners
        .iter()
        .any(|(other, partner)| *other != id && partner.name.trim().to_lowercase() == name)
}

pub fn validate_partner(partner: &Partner, workspace: &Workspace) -> Vec<Problem> {
    use Severity::*;
    let mut problems = Vec::new();
    if partner.name.trim().is_empty() {
        problems.push(problem(
            Error,
            "name",
            None,
            "the partner has no name".into(),
        ));
    }
    if !workspace.members.is_empty()
        && !partner.owner.is_empty()
        && !workspace.members.iter().any(|m| m.handle == partner.owner)
    {
        problems.push(problem(
            Warning,
            "owner",
            Some(&partner.owner),
            format!(
                "owner \"{}\" is not a member of the workspace; add them to workspace.ron or pick a member",
                partner.owner
            ),
        ));
    }
    if let Some(why) = partner.agreement.expiry_conflict() {
        problems.push(problem(Warning, "expires", None, why));
    }
    if workspace.stage(&partner.stage).is_none() {
        let ids: Vec<&str> = workspace.stages.iter().map(|s| s.id.as_str()).collect();
        problems.push(problem(
            Error,
            "stage",
            Some(&partner.stage),
            format!(
                "stage \"{}\" is not a stage of the workspace; expected one of: {}",
                partner.stage,
                ids.join(", ")
            ),
        ));
    }
    for score in &partner.scores {
        if !(MIN_SCORE..=MAX_SCORE).contains(&score.score) {
            problems.push(problem(
                Error,
                "criterion",
                Some(&score.criterion),
                format!(
                    "score for \"{}\" is {}; scores run from {MIN_SCORE} to {MAX_SCORE}",
                    score.criterion, score.score
                ),
            ));
        }
    }
    for entry in &partner.feedback {
        if !(1..=5).contains(&entry.sentiment) {
            problems.push(problem(
                Error,
                "who",
                Some(&entry.who),
                format!(
                    "feedback from {} on {} has sentiment {}; sentiment runs from 1 to 5",
                    entry.who, entry.date, entry.sentiment
                ),
            ));
        }
    }
    for kpi in &partner.kpis {
        if kpi.target_date < kpi.start {
            problems.push(problem(
                Error,
                "name",
                Some(&kpi.name),
                format!(
                    "KPI \"{}\" has its target date {} before its start {}",
                    kpi.name, kpi.target_date, kpi.start
                ),
            ));
        }
        let values = [kpi.baseline, kpi.target]
            .into_iter()
            .chain(kpi.readings.iter().map(|r| r.value));
        if values.clone().any(|v| !v.is_finite()) {
            problems.push(problem(
                Error,
                "name",
                Some(&kpi.name),
                format!("KPI \"{}\" has a value that is not a number", kpi.name),
            ));
        }
        let improving = kpi.target - kpi.baseline;
        let mismatch = match kpi.direction {
            crate::domain::kpi::Direction::HigherIsBetter => improving < 0.0,
            crate::domain::kpi::Direction::LowerIsBetter => improving > 0.0,
        };
        if mismatch {
            problems.push(problem(
                Error,
                "name",
                Some(&kpi.name),
                format!(
                    "KPI \"{}\" says {} but its target {} is on the other side of its baseline {}; fix the direction or swap them",
                    kpi.name,
                    kpi.direction.label(),
                    format_value(kpi.target, &kpi.unit),
                    format_value(kpi.baseline, &kpi.unit)
                ),
            ));
        }
        if kpi.baseline == kpi.target {
            problems.push(problem(
                Warning,
                "name",
                Some(&kpi.name),
                format!(
                    "KPI \"{}\" has its target equal to its baseline ({}); progress is all or nothing",
                    kpi.name,
                    format_value(kpi.target, &kpi.unit)
                ),
            ));
        }
    }
    for milestone in &partner.milestones {
        if !milestone.phase.is_empty() && !workspace.phases.iter().any(|p| p.id == milestone.phase)
        {
            problems.push(problem(
                Warning,
                "title",
                Some(&milestone.title),
                format!(
                    "milestone \"{}\" is in phase \"{}\", which the workspace does not list",
                    milestone.title, milestone.phase
                ),
            ));
        }
    }
    for goal in &partner.goals {
        let report = check_goal(goal);
        if !report.passes() {
            let name = if goal.statement.trim().is_empty() {
                "a goal with no statement".to_string()
            } else {
                format!("goal \"{}\"", goal.statement)
            };
            problems.push(problem(
                Warning,
                "statement",
                Some(&goal.statement),
                format!(
                    "{name} is not SMART ({}): {}",
                    report.letters(),
                    report.explain()
                ),
            ));
        }
    }
    if workspace.is_checkin_stage(&partner.stage) {
        let missing = partner.agreement.missing_components();
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .map(|component| {
                    format!(
                        "{} ({})",
                        component.label(),
                        partner.agreement.clause(*component).status.label()
                    )
                })
                .collect();
            problems.push(problem(
                Warning,
                "agreement",
                None,
                format!(
                    "agreement has {} of 7 components agreed; missing: {}",
                    7 - missing.len(),
                    list.join(", ")
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::partner::{ClauseStatus, Goal};
    use crate::domain::scoring::Score;
    use chrono::NaiveDate;

    fn partner(stage: &str) -> Partner {
        Partner::new(
            "Acme",
            "startup",
            "maya",
            stage,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        )
    }

    #[test]
    fn a_default_workspace_and_a_fresh_prospect_are_clean() {
        let workspace = Workspace::new("T");
        assert!(validate_workspace(&workspace).is_empty());
        assert!(validate_partner(&partner("prospect"), &workspace).is_empty());
    }

    #[test]
    fn an_unknown_stage_is_an_error_naming_the_choices() {
        let problems = validate_partner(&partner("limbo"), &Workspace::new("T"));
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(
            problems[0]
                .message
                .contains("expected one of: prospect, assessing")
        );
        assert_eq!(problems[0].anchor.value.as_deref(), Some("limbo"));
    }

    #[test]
    fn scores_out_of_range_are_errors() {
        // Scores for criteria the workspace lacks are `check`'s warnings (check.rs).
        let mut p = partner("prospect");
        p.scores.push(Score::new("expertise", 7, ""));
        p.scores.push(Score::new("vibes", 3, ""));
        let problems = validate_partner(&p, &Workspace::new("T"));
        let severities: Vec<_> = problems.iter().map(|p| p.severity).collect();
        assert_eq!(severities, [Severity::Error]);
    }

    #[test]
    fn smart_and_agreement_gaps_are_warnings_only_where_they_matter() {
        let mut p = partner("active");
        p.goals.push(Goal {
            statement: "Grow".into(),
            owner: "maya".into(),
            ..Goal::default()
        });
        for component in crate::domain::partner::Component::ALL {
            p.agreement.clause_mut(component).status = ClauseStatus::Agreed;
        }
        p.agreement.exit_strategy.status = ClauseStatus::Drafting;
        let problems = validate_partner(&p, &Workspace::new("T"));
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        assert!(
            problems[0]
                .message
                .starts_with("goal \"Grow\" is not SMART (S···)")
        );
        assert_eq!(
            problems[1].message,
            "agreement has 6 of 7 components agreed; missing: Exit strategy (drafting)"
        );
        p.stage = "prospect".into();
        assert_eq!(validate_partner(&p, &Workspace::new("T")).len(), 1);
    }

    #[test]
    fn workspace_rules() {
        let mut workspace = Workspace::new("T");
        workspace.stages.push(workspace.stages[0].clone());
        workspace.criteria[0].weight = -1.0;
        workspace.thresholds.amber_points = 25;
        workspace.checkin_cadence_days = 0;
        assert_eq!(validate_workspace(&workspace).len(), 4);
    }
}
