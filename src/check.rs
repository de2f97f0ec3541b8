//! The problems in a data directory — files that did not load, values that are
//! wrong, warnings — found by one function for both `pactboard check` and
//! `pactboard status`, so the two can never disagree, each located in its file.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::goals::goals_without_kpi;
use crate::domain::integrity::{
    partner_id_problems, partner_reference_problems, workspace_id_problems,
};
use crate::domain::scoring::Score;
use crate::domain::validate::{
    FieldPath, Problem, Severity, duplicate_names, problem, validate_partner, validate_workspace,
};
use crate::domain::{Partner, Workspace};
use crate::store::locate::Positions;
use crate::store::{LoadError, Snapshot, Store, WORKSPACE_FILE};
pub use crate::text::count_of as counted;

/// A problem with a value in a file that loaded, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// Relative to the data directory, e.g. `partners/acme.ron`.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.column,
            self.severity.label(),
            self.message
        )
    }
}

/// Everything wrong with a snapshot: its load errors (each an error) and the
/// problems with the values that did load.
#[derive(Debug)]
pub struct Findings<'a> {
    pub load_errors: &'a [LoadError],
    /// By position: the workspace's first, then every other file by its path, each
    /// by line and column (problems at one place in the order they were found).
    pub problems: Vec<FileProblem>,
    /// Files looked at: the workspace and every partner file.
    pub files: usize,
}

impl Findings<'_> {
    pub fn errors(&self) -> usize {
        self.load_errors.len() + self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|problem| problem.severity == severity)
            .count()
    }

    /// Whether the data has an error: `check` and `status` then exit 1.
    pub fn failed(&self) -> bool {
        self.errors() > 0
    }

    /// `file:line:column: error|warning: message`, load errors first.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let load_errors = self.load_errors.iter().map(|error| {
            format!(
                "{}:{}:{}: error: {}",
                error.file, error.line, error.column, error.message
            )
        });
        load_errors.chain(self.problems.iter().map(FileProblem::to_string))
    }

    /// "checked 13 files: 1 error, 14 warnings".
    pub fn summary(&self) -> String {
        format!(
            "checked {}: {}, {}",
            counted(self.files, "file"),
            counted(self.errors(), "error"),
            counted(self.warnings(), "warning")
        )
    }
}

/// Finds every problem in `snapshot` as of `today`; reads the files with problems again (never
/// writes) to point at the value each one is about. Linear in the number of
/// partners and in the size of each file.
pub fn find_problems<'a>(store: &Store, snapshot: &'a Snapshot, today: NaiveDate) -> Findings<'a> {
    let mut findings = Findings {
        load_errors: &snapshot.errors,
        problems: Vec::new(),
        files: 1 + store.partner_ids().map_or(0, |ids| ids.len()),
    };
    if snapshot.workspace_fingerprint.is_some() {
        let mut problems = validate_workspace(&snapshot.workspace);
        problems.extend(workspace_id_problems(&snapshot.workspace));
        problems.extend(upgrade_note(snapshot, WORKSPACE_FILE));
        locate(store, WORKSPACE_FILE, problems, &mut findings.problems);
    }
    let partners: Vec<(&str, &Partner)> = snapshot
        .partners
        .iter()
        .map(|file| (file.id.as_str(), &file.partner))
        .collect();
    let mut duplicates = duplicate_names(&partners).into_iter().peekable();
    for file in &snapshot.partners {
        let path = Store::partner_file(&file.id);
        let mut problems = validate_partner(&file.partner, &snapshot.workspace);
        // Both lists are in partner order, so one pass pairs them.
        while let Some((_, problem)) = duplicates.next_if(|(id, _)| *id == file.id) {
            problems.push(problem);
        }
        problems.extend(partner_id_problems(&file.partner));
        problems.extend(partner_reference_problems(
            &file.partner,
            &snapshot.workspace,
        ));
        problems.extend(goals_without_kpi(&file.partner, &snapshot.workspace).into_iter().map(
            |(index, goal)| {
                problem(
                    Severity::Warning,
                    FieldPath::at("goals").item(index).field("statement"),
                    format!(
                        "goal \"{}\" has no KPI: joint work is under way, so link a KPI that measures it (the KPI's goal field)",
                        goal.statement
                    ),
                )
            },
        ));
        problems.extend(score_problems(&file.partner, &snapshot.workspace));
        problems.extend(reading_problems(&file.partner, today));
        problems.extend(upgrade_note(snapshot, &path));
        locate(store, &path, problems, &mut findings.problems);
    }
    for stray in store.stray_temps() {
        findings.problems.push(FileProblem {
            file: stray.file,
            line: 1,
            column: 1,
            severity: Severity::Warning,
            message: format!(
                "a temporary file left by an interrupted save ({}, {}); the dashboard removes it once it is a minute old",
                match stray.len {
                    0 => "empty".to_string(),
                    1 => "1 byte".to_string(),
                    n => format!("{n} bytes"),
                },
                age_words(stray.age),
            ),
        });
    }
    // Each check runs over the whole file, so their problems come interleaved
    // (`:46`, `:59`, `:46` again); read in order, a file's problems are a walk down it.
    findings.problems.sort_by(|a, b| {
        let others = |problem: &FileProblem| problem.file != WORKSPACE_FILE;
        others(a)
            .cmp(&others(b))
            .then_with(|| a.file.cmp(&b.file))
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
    });
    findings
}

fn locate(store: &Store, file: &str, problems: Vec<Problem>, out: &mut Vec<FileProblem>) {
    if problems.is_empty() {
        return;
    }
    let text = store.read_text(file).unwrap_or_default();
    let paths: Vec<&FieldPath> = problems.iter().map(|problem| &problem.path).collect();
    let positions = Positions::of(&text, &paths);
    out.extend(problems.into_iter().map(|problem| {
        let (line, column) = positions.find(&problem.path);
        FileProblem {
            file: file.to_string(),
            line,
            column,
            severity: problem.severity,
            message: problem.message,
        }
    }));
}

/// "10 minutes old", in the largest whole unit.
fn age_words(age: Option<std::time::Duration>) -> String {
    let Some(age) = age else {
        return "of unknown age".into();
    };
    let seconds = age.as_secs();
    let (n, unit) = match seconds {
        0..60 => (seconds, "second"),
        60..3600 => (seconds / 60, "minute"),
        3600..86400 => (seconds / 3600, "hour"),
        _ => (seconds / 86400, "day"),
    };
    format!("{n} {unit}{} old", if n == 1 { "" } else { "s" })
}

/// Scores that count for nothing, as warnings where they stand: a score for a
/// criterion the workspace does not have (a retired one it still has: restoring it
/// brings the score back), and a criterion scored twice, where only the first
/// counts.
fn score_problems(partner: &Partner, workspace: &Workspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, score) in partner.scores.iter().enumerate() {
        let earlier: Vec<&Score> = partner.scores[..index]
            .iter()
            .filter(|other| other.criterion == score.criterion)
            .collect();
        let path = FieldPath::at("scores").item(index).field("criterion");
        if let Some(first) = earlier.first() {
            problems.push(Problem {
                severity: Severity::Warning,
                message: format!(
                    "\"{}\" is scored twice; only the first score ({}) counts, this one ({}) is ignored",
                    score.criterion, first.score, score.score
                ),
                path,
            });
        } else if workspace.criterion(&score.criterion).is_none() {
            problems.push(Problem {
                severity: Severity::Warning,
                message: format!(
                    "\"{}\" is not a criterion of the workspace, so its score is ignored: add the criterion to workspace.ron, or remove the score",
                    score.criterion
                ),
                path,
            });
        }
    }
    problems
}

/// Readings that cannot be right: one dated after today is an error (it would
/// count before it happened); readings listed out of date order are a warning
/// (they are shown in order, and written in order when the partner is next saved).
pub fn reading_problems(partner: &Partner, today: NaiveDate) -> Vec<Problem> {
    use crate::domain::readings::{first_out_of_order, future_readings};
    let mut problems = Vec::new();
    for (k, kpi) in partner.kpis.iter().enumerate() {
        let date_of = |reading: &crate::domain::kpi::Reading| {
            let index = kpi
                .readings
                .iter()
                .position(|candidate| std::ptr::eq(candidate, reading))
                .unwrap_or(0);
            FieldPath::at("kpis")
                .item(k)
                .field("readings")
                .item(index)
                .field("date")
        };
        for reading in future_readings(kpi, today) {
            problems.push(Problem {
                severity: Severity::Error,
                message: format!(
                    "KPI \"{}\" has a reading dated {}, after today ({today}); correct its date",
                    kpi.name, reading.date
                ),
                path: date_of(reading),
            });
        }
        if let Some((before, after)) = first_out_of_order(kpi) {
            problems.push(Problem {
                severity: Severity::Warning,
                message: format!(
                    "KPI \"{}\" lists its readings out of date order ({} after {}); they are shown in order and written in order when the partner is next saved",
                    kpi.name, after.date, before.date
                ),
                path: date_of(after),
            });
        }
    }
    problems
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
        path: FieldPath::at("version"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_for_unknown_criteria_and_twice_scored_ones_are_warnings() {
        let workspace = Workspace::new("T");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut partner = Partner::new("Acme", "startup", "maya", "prospect", today);
        partner.scores = vec![
            Score::new("expertise", 4, ""),
            Score::new("vibes", 3, ""),
            Score::new("expertise", 2, ""),
        ];
        // A retired criterion is still the workspace's: no warning.
        let mut retired = workspace.clone();
        retired.criteria[1].retired = true;
        let problems = score_problems(&partner, &retired);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        assert!(
            problems[0]
                .message
                .starts_with("\"vibes\" is not a criterion")
        );
        assert_eq!(problems[0].path.to_string(), "scores[1].criterion");
        assert!(
            problems[1]
                .message
                .contains("scored twice; only the first score (4) counts")
        );
        assert_eq!(
            problems[1].path.to_string(),
            "scores[2].criterion",
            "where it appears again"
        );
    }
    #[test]
    fn readings_after_today_are_errors_and_out_of_order_ones_a_warning() {
        use crate::domain::kpi::{Kpi, Reading};
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let reading = |id: &str, date: &str| Reading {
            id: id.into(),
            ..Reading::new(day(date), 1.0)
        };
        let mut partner = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        partner.kpis.push(Kpi {
            readings: vec![
                reading("rd-a", "2026-03-01"),
                reading("rd-b", "2026-02-01"),
                reading("rd-c", "2026-12-01"),
            ],
            ..Kpi::new("Leads", (0.0, 10.0), (day("2026-01-01"), day("2026-12-31")))
        });
        let problems = reading_problems(&partner, day("2026-11-28"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(
            problems[0].message,
            "KPI \"Leads\" has a reading dated 2026-12-01, after today (2026-11-28); correct its date"
        );
        assert_eq!(problems[0].path.to_string(), "kpis[0].readings[2].date");
        assert_eq!(problems[1].severity, Severity::Warning);
        assert!(
            problems[1].message.starts_with(
                "KPI \"Leads\" lists its readings out of date order (2026-02-01 after 2026-03-01)"
            ),
            "{}",
            problems[1].message
        );
        assert_eq!(problems[1].path.to_string(), "kpis[0].readings[1].date");
        partner.kpis[0].readings.truncate(1);
        assert!(reading_problems(&partner, day("2026-11-28")).is_empty());
    }
}
