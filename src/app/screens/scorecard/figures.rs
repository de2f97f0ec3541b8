//! The figures the Scorecard shows, read from the domain in one place: a KPI's
//! status (too early, green, amber, red, closed) with its stale and early-warning
//! flags, the run-rate needed beside the one achieved, the forecast; a partner's
//! health with its basis; each side's sentiment.
//!
//! The domain's `KpiAssessment` does not offer all of these yet (issue 9 brings
//! stale as a flag, closing, too-early and the run-rate; issue 10 the health basis
//! and sentiment by side). Until it does, the few missing ones are derived here,
//! from what the assessment gives, each in one small function marked "bridge", so
//! the screens read one shape and the switch is made in this file only.

use chrono::NaiveDate;

use crate::domain::dates::days_between;
use crate::domain::health::Health;
use crate::domain::kpi::{Kpi, KpiAssessment, KpiKind, KpiOutcome, KpiStatus, Reading};
use crate::domain::partner::{Partner, Side};
use crate::domain::workspace::RagThresholds;

/// A KPI's status as the Scorecard shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shown {
    /// Not judged yet: before its start, or waiting for its first reading.
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

/// What it takes to reach a cumulative KPI's target by its date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Needed {
    /// The value already meets the target.
    Met,
    /// The target date is today or past.
    DatePassed,
    /// Change per week, in the KPI's unit.
    PerWeek(f64),
}

/// Needed beside achieved: "needs 9 a week, doing 17".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunRate {
    pub needed: Needed,
    /// The slope of the recent readings, per week.
    pub actual_per_week: Option<f64>,
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

/// The figures of `kpi` from its assessment on `today`.
pub fn kpi_figures<'a>(
    kpi: &'a Kpi,
    assessment: &'a KpiAssessment,
    thresholds: RagThresholds,
    today: NaiveDate,
) -> KpiFigures<'a> {
    if let Some(closed) = &kpi.closed {
        return KpiFigures {
            kpi,
            assessment,
            status: Shown::Closed(closed.outcome),
            stale: false,
            early_warning: false,
            run_rate: None,
            forecast: None,
        };
    }
    let (status, stale) = status_and_stale(kpi, assessment, thresholds, today);
    let run_rate = run_rate(kpi, assessment, today);
    KpiFigures {
        kpi,
        assessment,
        status,
        stale,
        early_warning: assessment.early_warning,
        run_rate,
        forecast: assessment.forecast,
    }
}

/// Bridge (issue 9 makes stale a flag): the domain still reports a stale KPI as
/// "stale" in place of its status, so the status of its last value (or of the
/// baseline, with no reading) is judged here the way the domain judges a fresh one.
fn status_and_stale(
    kpi: &Kpi,
    assessment: &KpiAssessment,
    thresholds: RagThresholds,
    today: NaiveDate,
) -> (Shown, bool) {
    match assessment.status {
        KpiStatus::NotStarted => (Shown::TooEarly, false),
        KpiStatus::Green => (Shown::Green, false),
        KpiStatus::Amber => (Shown::Amber, false),
        KpiStatus::Red => (Shown::Red, false),
        KpiStatus::Stale => {
            let value = assessment.latest.as_ref().map_or(kpi.baseline, |r| r.value);
            let status = if kpi.direction.meets(value, kpi.target) {
                Shown::Green
            } else if today > kpi.target_date {
                Shown::Red
            } else {
                let behind = (assessment.expected - kpi.progress_of(value)) * 100.0;
                if behind >= f64::from(thresholds.red_points) {
                    Shown::Red
                } else if behind >= f64::from(thresholds.amber_points) {
                    Shown::Amber
                } else {
                    Shown::Green
                }
            };
            (status, true)
        }
    }
}

/// Bridge (issue 9 adds `KpiAssessment::run_rate`): what a cumulative KPI needs per
/// week from its latest value (or its baseline) to reach the target by its date,
/// beside the trend of the recent readings.
fn run_rate(kpi: &Kpi, assessment: &KpiAssessment, today: NaiveDate) -> Option<RunRate> {
    if kpi.kind != KpiKind::Cumulative || today < kpi.start {
        return None;
    }
    let value = assessment.latest.as_ref().map_or(kpi.baseline, |r| r.value);
    let days_left = days_between(today, kpi.target_date);
    let needed = if kpi.direction.meets(value, kpi.target) {
        Needed::Met
    } else if days_left <= 0 {
        Needed::DatePassed
    } else {
        Needed::PerWeek((kpi.target - value) / days_left as f64 * 7.0)
    };
    Some(RunRate {
        needed,
        actual_per_week: assessment.trend.map(|trend| trend.per_week),
    })
}

/// Bridge (issue 10 adds the basis to `Health`): how many of the 100 points were
/// judged — the weights of the parts with points.
pub fn health_basis(health: &Health) -> u32 {
    health
        .parts
        .iter()
        .filter(|part| part.points.is_some())
        .map(|part| part.kind.weight().round() as u32)
        .sum()
}

/// Which way a side's feedback is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    Up,
    Flat,
    Down,
}

impl Mood {
    pub fn arrow(self) -> &'static str {
        match self {
            Mood::Up => "↑",
            Mood::Flat => "→",
            Mood::Down => "↓",
        }
    }
}

/// One side's feedback: its average sentiment and where its latest note took it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SideSentiment {
    pub side: Side,
    /// The mean of the side's notes up to today, 1–5.
    pub mean: f64,
    pub notes: usize,
    /// The mean with the latest note against the mean before it; `None` with one
    /// note.
    pub trend: Option<Mood>,
}

/// Bridge (issue 10 adds `domain::sentiment`, recent notes weighing more): each
/// side's plain average, ours then theirs then joint, sides without notes left out.
pub fn side_sentiment(partner: &Partner, today: NaiveDate) -> Vec<SideSentiment> {
    Side::ALL
        .into_iter()
        .filter_map(|side| {
            let mut notes: Vec<(NaiveDate, f64)> = partner
                .feedback
                .iter()
                .filter(|note| note.side == side && note.date <= today)
                .map(|note| (note.date, f64::from(note.sentiment.clamp(1, 5))))
                .collect();
            if notes.is_empty() {
                return None;
            }
            notes.sort_by_key(|(date, _)| *date);
            let mean = |notes: &[(NaiveDate, f64)]| {
                notes.iter().map(|(_, value)| value).sum::<f64>() / notes.len() as f64
            };
            let now = mean(&notes);
            let trend = (notes.len() > 1).then(|| {
                let before = mean(&notes[..notes.len() - 1]);
                if now > before + 0.05 {
                    Mood::Up
                } else if now < before - 0.05 {
                    Mood::Down
                } else {
                    Mood::Flat
                }
            });
            Some(SideSentiment {
                side,
                mean: now,
                notes: notes.len(),
                trend,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::Feedback;
    use crate::domain::kpi::KpiClosed;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const THRESHOLDS: RagThresholds = RagThresholds {
        amber_points: 10,
        red_points: 20,
        amber_margin_percent: 10,
    };

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

    fn figures(kpi: &Kpi, today: &str) -> (Shown, bool, Option<RunRate>) {
        let assessment = kpi.assess(day(today), THRESHOLDS, 14);
        let f = kpi_figures(kpi, &assessment, THRESHOLDS, day(today));
        (f.status, f.stale, f.run_rate)
    }

    #[test]
    fn a_stale_kpi_keeps_the_status_of_its_last_value() {
        // Day 50: 50% expected; 20 read on day 14, 36 days ago: 30 points behind.
        let stale_red = kpi(&[("2026-01-15", 20.0)]);
        assert_eq!(figures(&stale_red, "2026-02-20").0, Shown::Red);
        assert!(figures(&stale_red, "2026-02-20").1);
        // 45 is 5 points behind: green, and stale.
        let stale_green = kpi(&[("2026-01-15", 45.0)]);
        let (status, stale, _) = figures(&stale_green, "2026-02-20");
        assert_eq!((status, stale), (Shown::Green, true));
    }

    #[test]
    fn the_run_rate_needed_spreads_the_gap_over_the_weeks_left() {
        // 40 on day 50 of 100, 50 days (7 1/7 weeks) left: 60 to go is 8.4 a week.
        let k = kpi(&[("2026-02-01", 30.0), ("2026-02-15", 40.0)]);
        let rate = figures(&k, "2026-02-20").2.unwrap();
        match rate.needed {
            Needed::PerWeek(per_week) => assert!((per_week - 8.4).abs() < 1e-9, "{per_week}"),
            other => panic!("{other:?}"),
        }
        assert!((rate.actual_per_week.unwrap() - 5.0).abs() < 1e-9);
        let late = figures(&k, "2026-04-11").2.unwrap();
        assert_eq!(late.needed, Needed::DatePassed);
        let met = kpi(&[("2026-02-15", 100.0)]);
        assert_eq!(figures(&met, "2026-02-20").2.unwrap().needed, Needed::Met);
    }

    #[test]
    fn a_closed_kpi_is_closed_and_flags_nothing() {
        let mut k = kpi(&[("2026-01-15", 5.0)]);
        k.closed = Some(KpiClosed {
            date: day("2026-02-01"),
            outcome: KpiOutcome::Missed,
            note: String::new(),
        });
        let (status, stale, rate) = figures(&k, "2026-03-20");
        assert_eq!(
            (status, stale, rate),
            (Shown::Closed(KpiOutcome::Missed), false, None)
        );
    }

    #[test]
    fn urgency_puts_red_then_early_warning_then_amber_and_stale_first() {
        let k = kpi(&[]);
        let assessment = k.assess(day("2026-01-02"), THRESHOLDS, 14);
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

    #[test]
    fn each_side_has_its_average_and_where_the_latest_note_took_it() {
        let mut p = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        for (date, side, sentiment) in [
            ("2026-02-01", Side::Theirs, 5),
            ("2026-03-01", Side::Theirs, 4),
            ("2026-04-01", Side::Theirs, 2),
            ("2026-03-15", Side::Ours, 4),
            ("2026-12-01", Side::Ours, 1),
        ] {
            p.feedback.push(Feedback {
                id: String::new(),
                date: day(date),
                who: "x".into(),
                side,
                sentiment,
                text: String::new(),
            });
        }
        let sides = side_sentiment(&p, day("2026-05-01"));
        assert_eq!(sides.len(), 2);
        assert_eq!(
            (sides[0].side, sides[0].notes, sides[0].trend),
            (Side::Ours, 1, None)
        );
        assert_eq!(sides[1].side, Side::Theirs);
        assert!((sides[1].mean - 11.0 / 3.0).abs() < 1e-9);
        assert_eq!(sides[1].trend, Some(Mood::Down));
    }
}
