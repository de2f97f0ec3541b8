//! `pactboard check`: every load error and every validation problem as
//! `file:line:column: error|warning: message`, located in the file's text.

use crate::domain::goals::goals_without_kpi;
use crate::domain::integrity::{
    partner_id_problems, partner_reference_problems, workspace_id_problems,
};
use crate::domain::validate::{
    Anchor, Problem, Severity, duplicate_names, problem, validate_partner, validate_workspace,
};
use crate::store::{Snapshot, Store, WORKSPACE_FILE};

#[derive(Debug, Default)]
pub struct CheckOutcome {
    pub lines: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

impl CheckOutcome {
    pub fn summary(&self) -> String {
        format!(
            "checked {} files: {} {}, {} {}",
            self.files,
            self.errors,
            if self.errors == 1 { "error" } else { "errors" },
            self.warnings,
            if self.warnings == 1 {
                "warning"
            } else {
                "warnings"
            }
        )
    }
}

/// Checks everything in `snapshot`; reads the files again (never writes) to point at
/// the line each problem is on.
pub fn run_check(store: &Store, snapshot: &Snapshot) -> CheckOutcome {
    let mut outcome = CheckOutcome {
        files: 1 + store.partner_ids().map_or(0, |ids| ids.len()),
        ..CheckOutcome::default()
    };
    for error in &snapshot.errors {
        outcome.errors += 1;
        outcome.lines.push(format!(
            "{}:{}:{}: error: {}",
            error.file, error.line, error.column, error.message
        ));
    }
    if snapshot.workspace_fingerprint.is_some() {
        let mut problems = validate_workspace(&snapshot.workspace);
        problems.extend(workspace_id_problems(&snapshot.workspace));
        problems.extend(upgrade_note(snapshot, WORKSPACE_FILE));
        report(store, WORKSPACE_FILE, &problems, &mut outcome);
    }
    let partners: Vec<(&str, &crate::domain::Partner)> = snapshot
        .partners
        .iter()
        .map(|file| (file.id.as_str(), &file.partner))
        .collect();
    let duplicates = duplicate_names(&partners);
    for file in &snapshot.partners {
        let path = Store::partner_file(&file.id);
        let mut problems = validate_partner(&file.partner, &snapshot.workspace);
        problems.extend(
            duplicates
                .iter()
                .filter(|(id, _)| *id == file.id)
                .map(|(_, problem)| problem.clone()),
        );
        problems.extend(partner_id_problems(&file.partner));
        problems.extend(partner_reference_problems(
            &file.partner,
            &snapshot.workspace,
        ));
        problems.extend(goals_without_kpi(&file.partner, &snapshot.workspace).into_iter().map(
            |goal| {
                problem(
                    Severity::Warning,
                    "statement",
                    Some(&goal.statement),
                    format!(
                        "goal \"{}\" has no KPI: joint work is under way, so link a KPI that measures it (the KPI's goal field)",
                        goal.statement
                    ),
                )
            },
        ));
        problems.extend(upgrade_note(snapshot, &path));
        report(store, &path, &problems, &mut outcome);
    }
    outcome
}

/// A file of an older version (or with records lacking ids) loads, migrated in
/// memory: a warning saying so and how to write it as the current version.
fn upgrade_note(snapshot: &Snapshot, file: &str) -> Option<Problem> {
    let upgrade = snapshot.upgrades.iter().find(|u| u.file == file)?;
    Some(Problem {
        severity: Severity::Warning,
        message: format!(
            "loaded with changes made in memory ({}); they are written when the file is next saved, or by `pactboard migrate`",
            upgrade.changes.join(", ")
        ),
        anchor: Anchor {
            field: "version",
            value: None,
            occurrence: 0,
        },
    })
}

fn report(store: &Store, file: &str, problems: &[Problem], outcome: &mut CheckOutcome) {
    if problems.is_empty() {
        return;
    }
    let text = std::fs::read_to_string(store.root().join(file)).unwrap_or_default();
    for problem in problems {
        let (line, column) = locate(&text, &problem.anchor);
        let label = match problem.severity {
            Severity::Error => {
                outcome.errors += 1;
                "error"
            }
            Severity::Warning => {
                outcome.warnings += 1;
                "warning"
            }
        };
        outcome.lines.push(format!(
            "{file}:{line}:{column}: {label}: {}",
            problem.message
        ));
    }
}

/// The line and column of the first `field: value` matching the anchor (the
/// `occurrence`-th, counting from 0); 1:1 if none.
fn locate(text: &str, anchor: &Anchor) -> (usize, usize) {
    let key = format!("{}:", anchor.field);
    let quoted = anchor
        .value
        .as_deref()
        .map(|value| format!("{}: {}", anchor.field, quoted_like_the_store(value)));
    let mut skip = anchor.occurrence;
    for (index, line) in text.lines().enumerate() {
        let found = match &quoted {
            Some(quoted) => line
                .find(quoted.as_str())
                .filter(|at| is_field_start(line, *at)),
            None => line.find(&key).filter(|at| is_field_start(line, *at)),
        };
        if let Some(at) = found {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            return (index + 1, line[..at].chars().count() + 1);
        }
    }
    (1, 1)
}

/// A string as the store writes it (apostrophes unescaped, unlike plain ron).
fn quoted_like_the_store(value: &str) -> String {
    crate::store::format::to_ron(&value)
        .map(|text| text.trim_end().to_string())
        .unwrap_or_default()
}

/// A field name starts a line's content or follows `(` or `, ` in a one-line record.
fn is_field_start(line: &str, at: usize) -> bool {
    let before = line[..at].trim_end();
    before.is_empty() || before.ends_with('(') || before.ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_find_the_field_with_its_value() {
        let text = "(\n    name: \"A\",\n    stage: \"Limbo\",\n    scores: [\n        (criterion: \"Fit\", score: 9),\n    ],\n)\n";
        let stage = Anchor {
            field: "stage",
            value: Some("Limbo".into()),
            occurrence: 0,
        };
        assert_eq!(locate(text, &stage), (3, 5));
        let score = Anchor {
            field: "criterion",
            value: Some("Fit".into()),
            occurrence: 0,
        };
        assert_eq!(locate(text, &score), (5, 10));
        let apostrophe = Anchor {
            field: "name",
            value: Some("A".into()),
            occurrence: 0,
        };
        assert_eq!(locate(text, &apostrophe), (2, 5));
        let text = "(\n    statement: \"the sponsor's AGM\",\n)\n";
        let goal = Anchor {
            field: "statement",
            value: Some("the sponsor's AGM".into()),
            occurrence: 0,
        };
        assert_eq!(locate(text, &goal), (2, 5));
        let missing = Anchor {
            field: "nothing",
            value: None,
            occurrence: 0,
        };
        assert_eq!(locate(text, &missing), (1, 1));
    }

    #[test]
    fn a_later_occurrence_is_found_where_it_is() {
        let text = "(\n    contacts: [\n        (id: \"ct-1\", name: \"A\"),\n        (id: \"ct-1\", name: \"B\"),\n    ],\n)\n";
        let second = Anchor {
            field: "id",
            value: Some("ct-1".into()),
            occurrence: 1,
        };
        assert_eq!(locate(text, &second), (4, 10));
        let third = Anchor {
            occurrence: 2,
            ..second
        };
        assert_eq!(locate(text, &third), (1, 1));
    }
}
