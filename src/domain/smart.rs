//! SMART checks of a shared goal: specific, measurable, aligned, time-bound — each
//! letter with the reason it fails, so the UI and `check` can say what to fix.

use super::partner::Goal;

/// One SMART letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmartCheck {
    Specific,
    Measurable,
    Aligned,
    TimeBound,
}

impl SmartCheck {
    pub const ALL: [SmartCheck; 4] = [
        SmartCheck::Specific,
        SmartCheck::Measurable,
        SmartCheck::Aligned,
        SmartCheck::TimeBound,
    ];

    pub fn letter(self) -> char {
        match self {
            SmartCheck::Specific => 'S',
            SmartCheck::Measurable => 'M',
            SmartCheck::Aligned => 'A',
            SmartCheck::TimeBound => 'T',
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SmartCheck::Specific => "specific",
            SmartCheck::Measurable => "measurable",
            SmartCheck::Aligned => "aligned",
            SmartCheck::TimeBound => "time-bound",
        }
    }
}

/// A failed check and why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmartFailure {
    pub check: SmartCheck,
    pub reason: &'static str,
}

/// The result of checking one goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmartReport {
    pub failures: Vec<SmartFailure>,
}

impl SmartReport {
    pub fn passes(&self) -> bool {
        self.failures.is_empty()
    }

    pub fn passes_check(&self, check: SmartCheck) -> bool {
        !self.failures.iter().any(|failure| failure.check == check)
    }

    /// "SMAT" with failing letters replaced by `·`, e.g. "S·A·".
    pub fn letters(&self) -> String {
        SmartCheck::ALL
            .into_iter()
            .map(|check| {
                if self.passes_check(check) {
                    check.letter()
                } else {
                    '·'
                }
            })
            .collect()
    }

    /// "not measurable: no metric; not time-bound: no due date".
    pub fn explain(&self) -> String {
        self.failures
            .iter()
            .map(|failure| format!("not {}: {}", failure.check.name(), failure.reason))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Checks a goal: specific (a statement and an owner), measurable (a metric and a
/// target), aligned (both sides signed up to it), time-bound (a due date).
pub fn check_goal(goal: &Goal) -> SmartReport {
    let mut failures = Vec::new();
    let mut fail = |check, reason| failures.push(SmartFailure { check, reason });
    match (blank(&goal.statement), blank(&goal.owner)) {
        (true, true) => fail(SmartCheck::Specific, "no statement and no owner"),
        (true, false) => fail(SmartCheck::Specific, "no statement"),
        (false, true) => fail(SmartCheck::Specific, "no owner"),
        (false, false) => {}
    }
    match (blank(&goal.metric), blank(&goal.target)) {
        (true, true) => fail(SmartCheck::Measurable, "no metric and no target"),
        (true, false) => fail(SmartCheck::Measurable, "no metric"),
        (false, true) => fail(SmartCheck::Measurable, "no target"),
        (false, false) => {}
    }
    if !goal.agreed_by_both {
        fail(SmartCheck::Aligned, "not agreed by both sides");
    }
    if goal.due.is_none() {
        fail(SmartCheck::TimeBound, "no due date");
    }
    SmartReport { failures }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn complete_goal() -> Goal {
        Goal {
            statement: "Launch the co-branded campaign".into(),
            metric: "Qualified leads".into(),
            target: "400".into(),
            due: NaiveDate::from_ymd_opt(2027, 3, 31),
            owner: "maya".into(),
            agreed_by_both: true,
            ..Goal::default()
        }
    }

    #[test]
    fn a_complete_goal_passes_every_letter() {
        let report = check_goal(&complete_goal());
        assert!(report.passes());
        assert_eq!(report.letters(), "SMAT");
        assert_eq!(report.explain(), "");
    }

    #[test]
    fn each_missing_part_fails_its_own_letter_with_a_reason() {
        let mut goal = complete_goal();
        goal.owner = "  ".into();
        goal.target.clear();
        goal.agreed_by_both = false;
        goal.due = None;
        let report = check_goal(&goal);
        assert_eq!(report.letters(), "····");
        assert_eq!(
            report.explain(),
            "not specific: no owner; not measurable: no target; not aligned: not agreed by both sides; not time-bound: no due date"
        );
    }

    #[test]
    fn an_empty_goal_names_both_missing_parts() {
        let report = check_goal(&Goal::default());
        assert_eq!(report.failures[0].reason, "no statement and no owner");
        assert_eq!(report.failures[1].reason, "no metric and no target");
        assert_eq!(report.failures.len(), 4);
    }

    #[test]
    fn metric_without_target_and_statement_without_owner() {
        let mut goal = complete_goal();
        goal.statement.clear();
        goal.metric.clear();
        let report = check_goal(&goal);
        assert_eq!(report.letters(), "··AT");
        assert!(report.passes_check(SmartCheck::Aligned));
        assert_eq!(report.failures[0].reason, "no statement");
        assert_eq!(report.failures[1].reason, "no metric");
    }
}
