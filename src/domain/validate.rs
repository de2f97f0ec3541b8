//! Checks of loaded data that parsing cannot make: values out of range, names that
//! refer to nothing, and the softer warnings `pactboard check` reports (goals that
//! fail SMART, agreements missing components) without failing. Each problem names
//! the value it is about by its path in the file, which the store turns into a line
//! and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

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

impl Severity {
    /// As `check` prints it and `status --format json` writes it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One step from the top of a document towards a value: a record's field or a
/// list's item (counted from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Item(usize),
}

/// Where a value is in its file, as the fields and list items that lead to it —
/// `kpis[2].readings[3].value` — so that a problem points at the very value, even
/// when two records look alike.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(Vec<Step>);

impl FieldPath {
    /// A field at the top of the document.
    pub fn at(field: &'static str) -> Self {
        Self(vec![Step::Field(field)])
    }

    pub fn field(mut self, name: &'static str) -> Self {
        self.0.push(Step::Field(name));
        self
    }

    pub fn item(mut self, index: usize) -> Self {
        self.0.push(Step::Item(index));
        self
    }

    pub fn steps(&self) -> &[Step] {
        &self.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if index == 0 => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Item(item) => write!(f, "[{item}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    /// The value the problem is about.
    pub path: FieldPath,
}

pub(crate) fn problem(severity: Severity, path: FieldPath, message: String) -> Problem {
    Problem {
        severity,
        message,
        path,
    }
}

pub fn validate_workspace(workspace: &Workspace) -> Vec<Problem> {
    use Severity::*;
    let mut problems = Vec::new();
    if workspace.stages.is_empty() {
        problems.push(problem(
            Error,
            FieldPath::at("stages"),
            "the workspace has no stages".into(),
        ));
    }
    let mut stage_names = HashSet::new();
    for (index, stage) in workspace.stages.iter().enumerate() {
        let path = FieldPath::at("stages").item(index).field("name");
        if stage.name.trim().is_empty() {
            problems.push(problem(Error, path, "a stage has no name".into()));
        } else if !stage_names.insert(stage.name.as_str()) {
            problems.push(problem(
                Error,
                path,
                format!("stage \"{}\" appears twice", stage.name),
            ));
        }
    }
    for (index, criterion) in workspace.criteria.iter().enumerate() {
        if !criterion.weight.is_finite() || criterion.weight < 0.0 {
            problems.push(problem(
                Error,
                FieldPath::at("criteria").item(index).field("weight"),
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
            FieldPath::at("thresholds").field("amber_points"),
            format!(
                "amber from {} points behind is above red from {}; amber must be the smaller",
                thresholds.amber_points, thresholds.red_points
            ),
        ));
    }
    if workspace.checkin_cadence_days == 0 {
        problems.push(problem(
            Error,
            FieldPath::at("checkin_cadence_days"),
            "the check-in cadence must be at least 1 day".into(),
        ));
    }
    let mut handles = HashSet::new();
    for (index, member) in workspace.members.iter().enumerate() {
        if !handles.insert(member.handle.as_str()) {
            problems.push(problem(
                Error,
                FieldPath::at("members").item(index).field("handle"),
                format!("member handle \"{}\" appears twice", member.handle),
            ));
        }
    }
    problems
}

/// Two partners with one name cannot be told apart in lists and questions; each
/// later one gets a warning, at its name, naming the first. One pass with a map of
/// names, so `check` stays linear in the number of partners.
pub fn duplicate_names<'a>(partners: &[(&'a str, &'a Partner)]) -> Vec<(&'a str, Problem)> {
    let mut first_with: HashMap<String, &str> = HashMap::with_capacity(partners.len());
    let mut problems = Vec::new();
    for (id, partner) in partners {
        let key = name_key(&partner.name);
        if key.is_empty() {
            continue; // "has no name" is its own error
        }
        match first_with.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(first) => problems.push((
                *id,
                problem(
                    Severity::Warning,
                    FieldPath::at("name"),
                    format!(
                        "partners/{}.ron has the same name, \"{}\"; rename one so they can be told apart",
                        first.get(),
                        partner.name.trim()
                    ),
                ),
            )),
        }
    }
    problems
}

/// Names compare without case or surrounding blanks: "Acme" and " acme" are one.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether `name` is already used by a partner other than `id`.
pub fn name_taken(partners: &[(&str, &Partner)], id: &str, name: &str) -> bool {
    let name = name_key(name);
    partners
        .iter()
        .any(|(other, partner)| *other != id && name_key(&partner.name) == name)
}

pub fn validate_partner(partner: &Partner, workspace: &Workspace) -> Vec<Problem> {
    use Severity::*;
    let mut problems = Vec::new();
    if partner.name.trim().is_empty() {
        problems.push(problem(
            Error,
            FieldPath::at("name"),
            "the partner has no name".into(),
        ));
    }
    if !workspace.members.is_empty()
        && !partner.owner.is_empty()
        && !workspace.members.iter().any(|m| m.handle == partner.owner)
    {
        problems.push(problem(
            Warning,
            FieldPath::at("owner"),
            format!(
                "owner \"{}\" is not a member of the workspace; add them to workspace.ron or pick a member",
                partner.owner
            ),
        ));
    }
    if let Some(why) = partner.agreement.expiry_conflict() {
        problems.push(problem(
            Warning,
            FieldPath::at("agreement").field("expires"),
            why,
        ));
    }
    if workspace.stage(&partner.stage).is_none() {
        let ids: Vec<&str> = workspace.stages.iter().map(|s| s.id.as_str()).collect();
        let expected = if ids.is_empty() {
            "the workspace lists none".to_string()
        } else {
            format!("expected one of: {}", ids.join(", "))
        };
        problems.push(problem(
            Error,
            FieldPath::at("stage"),
            format!(
                "stage \"{}\" is not a stage of the workspace; {expected}",
                partner.stage
            ),
        ));
    }
    for (index, score) in partner.scores.iter().enumerate() {
        let at = FieldPath::at("scores").item(index);
        if !(MIN_SCORE..=MAX_SCORE).contains(&score.score) {
            problems.push(problem(
                Error,
                at.clone().field("score"),
                format!(
                    "score for \"{}\" is {}; scores run from {MIN_SCORE} to {MAX_SCORE}",
                    score.criterion, score.score
                ),
            ));
        }
    }
    for (index, entry) in partner.feedback.iter().enumerate() {
        if !(1..=5).contains(&entry.sentiment) {
            problems.push(problem(
                Error,
                FieldPath::at("feedback").item(index).field("sentiment"),
                format!(
                    "feedback from {} on {} has sentiment {}; sentiment runs from 1 to 5",
                    entry.who, entry.date, entry.sentiment
                ),
            ));
        }
    }
    for (index, kpi) in partner.kpis.iter().enumerate() {
        let at = FieldPath::at("kpis").item(index);
        if kpi.target_date < kpi.start {
            problems.push(problem(
                Error,
                at.clone().field("target_date"),
                format!(
                    "KPI \"{}\" has its target date {} before its start {}",
                    kpi.name, kpi.target_date, kpi.start
                ),
            ));
        }
        // Each value that is not a number is its own error, at its own line: the
        // figures built on it would be meaningless.
        for (field, value) in [("baseline", kpi.baseline), ("target", kpi.target)] {
            if !value.is_finite() {
                problems.push(problem(
                    Error,
                    at.clone().field(field),
                    format!(
                        "KPI \"{}\" has {field} {value}; it must be a finite number",
                        kpi.name
                    ),
                ));
            }
        }
        for (reading_index, reading) in kpi.readings.iter().enumerate() {
            if !reading.value.is_finite() {
                problems.push(problem(
                    Error,
                    at.clone()
                        .field("readings")
                        .item(reading_index)
                        .field("value"),
                    format!(
                        "KPI \"{}\" has the reading {} on {}; readings must be finite numbers",
                        kpi.name, reading.value, reading.date
                    ),
                ));
            }
        }
        let improving = kpi.target - kpi.baseline;
        let mismatch = match kpi.direction {
            crate::domain::kpi::Direction::HigherIsBetter => improving < 0.0,
            crate::domain::kpi::Direction::LowerIsBetter => improving > 0.0,
        };
        if mismatch {
            problems.push(problem(
                Error,
                at.clone().field("target"),
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
                at.field("target"),
                format!(
                    "KPI \"{}\" has its target equal to its baseline ({}); progress is all or nothing",
                    kpi.name,
                    format_value(kpi.target, &kpi.unit)
                ),
            ));
        }
    }
    for (index, milestone) in partner.milestones.iter().enumerate() {
        if !milestone.phase.is_empty() && !workspace.phases.iter().any(|p| p.id == milestone.phase)
        {
            problems.push(problem(
                Warning,
                FieldPath::at("milestones").item(index).field("phase"),
                format!(
                    "milestone \"{}\" is in phase \"{}\", which the workspace does not list",
                    milestone.title, milestone.phase
                ),
            ));
        }
    }
    for (index, goal) in partner.goals.iter().enumerate() {
        let report = check_goal(goal);
        if !report.passes() {
            let name = if goal.statement.trim().is_empty() {
                "a goal with no statement".to_string()
            } else {
                format!("goal \"{}\"", goal.statement)
            };
            problems.push(problem(
                Warning,
                FieldPath::at("goals").item(index).field("statement"),
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
                FieldPath::at("agreement"),
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
        assert_eq!(problems[0].path.to_string(), "stage");
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
        let paths: Vec<String> = validate_workspace(&workspace)
            .iter()
            .map(|problem| problem.path.to_string())
            .collect();
        assert_eq!(
            paths,
            [
                "stages[7].name",
                "criteria[0].weight",
                "thresholds.amber_points",
                "checkin_cadence_days"
            ],
            "each problem points at its own value; the duplicate stage at the second one"
        );
    }

    #[test]
    fn every_value_that_is_not_a_number_is_its_own_error() {
        use crate::domain::kpi::{Kpi, Reading};
        let mut p = partner("prospect");
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let reading = |value| Reading::new(start, value);
        p.kpis.push(Kpi {
            readings: vec![reading(1.0), reading(f64::NAN), reading(f64::NEG_INFINITY)],
            ..Kpi::new("Reach", (0.0, f64::INFINITY), (start, start))
        });
        let problems = validate_partner(&p, &Workspace::new("T"));
        let found: Vec<(String, &str)> = problems
            .iter()
            .map(|problem| (problem.path.to_string(), problem.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "kpis[0].target".to_string(),
                    "KPI \"Reach\" has target inf; it must be a finite number"
                ),
                (
                    "kpis[0].readings[1].value".to_string(),
                    "KPI \"Reach\" has the reading NaN on 2026-01-01; readings must be finite numbers"
                ),
                (
                    "kpis[0].readings[2].value".to_string(),
                    "KPI \"Reach\" has the reading -inf on 2026-01-01; readings must be finite numbers"
                ),
            ]
        );
    }

    #[test]
    fn duplicate_names_warn_at_each_later_partner_ignoring_case_and_blanks() {
        let a = partner("prospect");
        let mut b = partner("prospect");
        b.name = " ACME ".into();
        let mut c = partner("prospect");
        c.name = "Other".into();
        let mut nameless = partner("prospect");
        nameless.name = String::new();
        let partners = [
            ("acme", &a),
            ("other", &c),
            ("acme-2", &b),
            ("x", &nameless),
            ("y", &nameless),
            ("acme-3", &a),
        ];
        let found: Vec<(&str, String)> = duplicate_names(&partners)
            .into_iter()
            .map(|(id, problem)| (id, problem.message))
            .collect();
        let message =
            "partners/acme.ron has the same name, \"ACME\"; rename one so they can be told apart";
        assert_eq!(
            found,
            [
                ("acme-2", message.to_string()),
                ("acme-3", message.replace("ACME", "Acme")),
            ]
        );
    }

    #[test]
    fn paths_read_like_the_file() {
        let path = FieldPath::at("kpis").item(2).field("readings").item(0);
        assert_eq!(path.to_string(), "kpis[2].readings[0]");
        assert_eq!(FieldPath::default().to_string(), "");
    }
}
