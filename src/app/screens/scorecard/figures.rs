//! The figures the Scorecard shows, read from the domain in one place: a KPI's
//! status (too early, green, amber, red, closed) as the tab shows it, with its stale
//! and early-warning flags, the run-rate needed beside the one achieved and the
//! forecast — all from the domain's `KpiAssessment` — and the order the portfolio
//! lists them in. Nothing here judges a KPI: the domain does, once.

use crate::domain::kpi::{Kpi, KpiAssessment, KpiOutcome, KpiStatus, Reading};

pub use crate::domain::kpi::{Needed, RunRate};

/// A KPI's status as the Scorecard shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shown {
    /// Not judged yet: before its start, or within its grace period.
    TooEarly,
    Green,
    Amber,
    Red,
    Closed(KpiOutcome),
}

impl Shown {
    /// The word that carries the status without colour.
    pub fn label(self) -> &'static str {
        match self {
            Shown::TooEarly => "too early",
            Shown::Green => "green",
            Shown::Amber => "amber",
            Shown::Red => "red",
            Shown::Closed(outcome) => outcome.label(),
        }
    }

    /// The symbol beside the word: the health symbols for green, amber and red.
    pub fn symbol(self) -> &'static str {
        match self {
            Shown::TooEarly => "◌",
            Shown::Green => "●",
            Shown::Amber => "◐",
            Shown::Red => "○",
            Shown::Closed(KpiOutcome::Met) => "✓",
            Shown::Closed(KpiOutcome::Missed) => "✗",
            Shown::Closed(KpiOutcome::Dropped) => "–",
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Shown::Closed(_))
    }
}

impl From<KpiStatus> for Shown {
    fn from(status: KpiStatus) -> Shown {
        match status {
            KpiStatus::TooEarly { .. } => Shown::TooEarly,
            KpiStatus::Green => Shown::Green,
            KpiStatus::Amber => Shown::Amber,
            KpiStatus::Red => Shown::Red,
            KpiStatus::Closed(outcome) => Shown::Closed(outcome),
        }
    }
}

/// Everything the Scorecard shows of one KPI on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiFigures<'a> {
    pub kpi: &'a Kpi,
    pub assessment: &'a KpiAssessment,
    pub status: Shown,
    /// No reading within the check-in cadence: the status is the last value's.
    pub stale: bool,
    /// The forecast misses the target while the status is green or amber.
    pub early_warning: bool,
    /// For a cumulative KPI under way.
    pub run_rate: Option<RunRate>,
    /// Where the trend lands on the target date.
    pub forecast: Option<f64>,
}

impl KpiFigures<'_> {
    pub fn latest(&self) -> Option<&Reading> {
        self.assessment.latest.as_ref()
    }

    /// How urgent it is in the portfolio, most first: red, early warning, amber, too
    /// early, green, closed — stale first within each.
    pub fn urgency(&self) -> (u8, bool) {
        let rank = match self.status {
            Shown::Red => 0,
            _ if self.early_warning => 1,
            Shown::Amber => 2,
            Shown::TooEarly => 3,
            Shown::Green => 4,
            Shown::Closed(_) => 5,
        };
        (rank, !self.stale)
    }
}

/// The figures of `kpi` from its assessment (the domain's, made once per refresh).
pub fn kpi_figures<'a>(kpi: &'a Kpi, assessment: &'a KpiAssessment) -> KpiFigures<'a> {
    KpiFigures {
        kpi,
        assessment,
        status: Shown::from(assessment.status),
        stale: assessment.stale,
        early_warning: assessment.early_warning,
        run_rate: assessment.run_rate,
        forecast: assessment.forecast.map(|forecast| forecast.value),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::kpi::KpiRules;
    use crate::domain::workspace::Workspace;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// 0 → 100 over 100 days from 2026-01-01.
    fn kpi(readings: &[(&str, f64)]) -> Kpi {
        Kpi {
            readings: readings
                .iter()
                .map(|(date, value)| Reading::new(day(date), *value))
                .collect(),
            ..Kpi::new(
                "Leads",
                (0.0, 100.0),
                (day("2026-01-01"), day("2026-04-11")),
            )
        }
    }

    fn rules() -> KpiRules {
        let workspace = Workspace::new("T");
        KpiRules {
            thresholds: workspace.thresholds,
            grace: workspace.kpi_grace,
            cadence_days: 14,
        }
    }

    #[test]
    fn the_tab_shows_the_domains_status_and_flags() {
        // Day 50: 50% expected; 20 read on day 14, 36 days ago: 30 points behind,
        // red, and stale.
        let stale_red = kpi(&[("2026-01-15", 20.0)]);
        let assessment = stale_red.assess(day("2026-02-20"), rules());
        let f = kpi_figures(&stale_red, &assessment);
        assert_eq!((f.status, f.stale), (Shown::Red, true));
        assert_eq!(f.run_rate, assessment.run_rate);
        let early = kpi(&[]).assess(day("2026-01-03"), rules());
        assert_eq!(Shown::from(early.status), Shown::TooEarly);
    }

    #[test]
    fn urgency_puts_red_then_early_warning_then_amber_and_stale_first() {
        let k = kpi(&[]);
        let assessment = k.assess(day("2026-01-02"), rules());
        let with = |status, stale, early_warning| KpiFigures {
            kpi: &k,
            assessment: &assessment,
            status,
            stale,
            early_warning,
            run_rate: None,
            forecast: None,
        };
        let mut all = [
            with(Shown::Green, false, false),
            with(Shown::Amber, false, false),
            with(Shown::Green, false, true),
            with(Shown::TooEarly, false, false),
            with(Shown::Red, false, false),
            with(Shown::Red, true, false),
            with(Shown::Amber, true, false),
        ];
        all.sort_by_key(KpiFigures::urgency);
        let order: Vec<(Shown, bool, bool)> = all
            .iter()
            .map(|f| (f.status, f.stale, f.early_warning))
            .collect();
        assert_eq!(
            order,
            [
                (Shown::Red, true, false),
                (Shown::Red, false, false),
                (Shown::Green, false, true),
                (Shown::Amber, true, false),
                (Shown::Amber, false, false),
                (Shown::TooEarly, false, false),
                (Shown::Green, false, false),
            ]
        );
    }
}
