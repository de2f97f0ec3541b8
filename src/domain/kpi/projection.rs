//! What the recent readings say about the future: one window of readings (the last
//! eight weeks) for the trend, the run-rate achieved beside the one needed, and a
//! least-squares forecast kept within what the KPI can reach.

use chrono::NaiveDate;

use super::{Direction, Kpi, Reading};
use crate::domain::dates::days_between;

/// The window: readings no older than this many days count as recent.
pub const WINDOW_DAYS: i64 = 56;
/// A forecast (and so an early warning) needs at least this many recent readings…
pub const FORECAST_MIN_READINGS: usize = 4;
/// …spanning at least this many days.
pub const FORECAST_MIN_DAYS: i64 = 21;

/// The recent readings a trend, run-rate and forecast rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub readings: usize,
    /// Days from the first to the last reading in the window.
    pub span_days: i64,
}

impl Window {
    pub fn can_forecast(self) -> bool {
        self.readings >= FORECAST_MIN_READINGS && self.span_days >= FORECAST_MIN_DAYS
    }

    /// "not enough readings to forecast: 3 of 4 in the last 8 weeks, over 14 of 21 days".
    pub fn shortfall(self) -> String {
        format!(
            "not enough readings to forecast: {} of {FORECAST_MIN_READINGS} in the last {} weeks, over {} of {FORECAST_MIN_DAYS} days",
            self.readings,
            WINDOW_DAYS / 7,
            self.span_days
        )
    }
}

/// Which way the recent readings are heading, judged by the KPI's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrendDirection {
    Improving,
    Flat,
    Worsening,
}

impl TrendDirection {
    pub fn label(self) -> &'static str {
        match self {
            TrendDirection::Improving => "improving",
            TrendDirection::Flat => "flat",
            TrendDirection::Worsening => "worsening",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// Change per week in the KPI's unit: the run-rate achieved.
    pub per_week: f64,
    pub direction: TrendDirection,
}

/// What it takes to reach a cumulative KPI's target by its date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Needed {
    /// The value judged already meets the target.
    Met,
    /// The target date is today or past: no weeks left to spread the gap over.
    DatePassed,
    /// Change per week, in the KPI's unit, from the value judged to the target.
    PerWeek(f64),
}

/// The run-rate needed beside the one achieved ("needs 57 a week, doing 9").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunRate {
    pub needed: Needed,
    /// The slope of the recent readings; `None` with fewer than two of them.
    pub actual_per_week: Option<f64>,
}

/// Where the recent trend lands on a date, within what the KPI can reach and
/// rounded to its precision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Forecast {
    pub date: NaiveDate,
    pub value: f64,
}

/// The readings of the window: the suffix of `readings` (sorted, none after
/// `today`) no older than `WINDOW_DAYS`.
pub(super) fn window(readings: &[Reading], today: NaiveDate) -> &[Reading] {
    let start = readings
        .iter()
        .position(|reading| days_between(reading.date, today) <= WINDOW_DAYS)
        .unwrap_or(readings.len());
    &readings[start..]
}

pub(super) fn describe(recent: &[Reading]) -> Window {
    Window {
        readings: recent.len(),
        span_days: match (recent.first(), recent.last()) {
            (Some(first), Some(last)) => days_between(first.date, last.date),
            _ => 0,
        },
    }
}

/// Least-squares line through `(day, value)` points: `(slope per day, value at day
/// 0, day 0)`, with days counted from the first reading. `None` for fewer than two
/// distinct days.
fn least_squares(readings: &[Reading]) -> Option<(f64, f64, NaiveDate)> {
    let origin = readings.first()?.date;
    let n = readings.len() as f64;
    let points: Vec<(f64, f64)> = readings
        .iter()
        .map(|reading| (days_between(origin, reading.date) as f64, reading.value))
        .collect();
    let sum_x: f64 = points.iter().map(|(x, _)| x).sum();
    let sum_y: f64 = points.iter().map(|(_, y)| y).sum();
    let sum_xx: f64 = points.iter().map(|(x, _)| x * x).sum();
    let sum_xy: f64 = points.iter().map(|(x, y)| x * y).sum();
    let denominator = n * sum_xx - sum_x * sum_x;
    if readings.len() < 2 || denominator.abs() < f64::EPSILON {
        return None;
    }
    let slope = (n * sum_xy - sum_x * sum_y) / denominator;
    let intercept = (sum_y - slope * sum_x) / n;
    Some((slope, intercept, origin))
}

/// The slope of the recent readings, and whether that is good news.
pub(super) fn trend(recent: &[Reading], direction: Direction, span: f64) -> Option<Trend> {
    let (slope, _, _) = least_squares(recent)?;
    let per_week = slope * 7.0;
    // "Flat" is relative to the KPI's own scale: under half a percent of the distance
    // from baseline to target per week.
    let scale = if span.abs() > f64::EPSILON {
        span.abs()
    } else {
        recent.last().map_or(1.0, |r| r.value.abs().max(1.0))
    };
    let direction = if per_week.abs() < scale * 0.005 {
        TrendDirection::Flat
    } else if per_week * direction.sign() > 0.0 {
        TrendDirection::Improving
    } else {
        TrendDirection::Worsening
    };
    Some(Trend {
        per_week,
        direction,
    })
}

/// Where the line through the recent readings lands on `date`, kept within what
/// the KPI can reach and rounded to its precision; `None` unless the window holds
/// enough readings over enough days.
pub(super) fn forecast(kpi: &Kpi, recent: &[Reading], date: NaiveDate) -> Option<Forecast> {
    if !describe(recent).can_forecast() {
        return None;
    }
    let (slope, intercept, origin) = least_squares(recent)?;
    let value = intercept + slope * days_between(origin, date) as f64;
    value.is_finite().then(|| Forecast {
        date,
        value: kpi.round(kpi.clamp_reachable(value)),
    })
}

impl Kpi {
    /// `value` kept within what the KPI can reach: never below zero for a quantity
    /// that has never been negative (a count), never above 100 for a percentage.
    pub fn clamp_reachable(&self, value: f64) -> f64 {
        let never_negative = self.baseline >= 0.0
            && self.target >= 0.0
            && self.readings.iter().all(|reading| reading.value >= 0.0);
        let mut value = value;
        if never_negative {
            value = value.max(0.0);
        }
        if self.unit.trim() == "%" {
            value = value.min(100.0);
        }
        value
    }

    /// "needs 57 charities a week, doing 9"; "needs to fall 4.4 GBP a week, falling
    /// 1.5" where lower is better; "target reached"; "target date passed"; with
    /// too few recent readings, says so.
    pub fn describe_run_rate(&self, run_rate: &RunRate) -> String {
        let text = self.describe_pace(run_rate);
        match (run_rate.needed, run_rate.actual_per_week) {
            (Needed::PerWeek(_), None) => {
                format!("{text}; too few recent readings for a run-rate")
            }
            _ => text,
        }
    }

    /// `describe_run_rate` without the note on too few readings, for a line that
    /// says so elsewhere (the Scorecard's "not enough readings to forecast").
    pub fn describe_pace(&self, run_rate: &RunRate) -> String {
        let Needed::PerWeek(needed) = run_rate.needed else {
            return match run_rate.needed {
                Needed::Met => "target reached".to_string(),
                _ => "target date passed".to_string(),
            };
        };
        let unit = match self.unit.trim() {
            "" => String::new(),
            "%" => "%".to_string(),
            unit => format!(" {unit}"),
        };
        let need = match self.direction {
            Direction::HigherIsBetter => format!("needs {}{unit} a week", self.format_rate(needed)),
            Direction::LowerIsBetter => {
                format!("needs to fall {}{unit} a week", self.format_rate(-needed))
            }
        };
        match run_rate.actual_per_week {
            Some(actual) => {
                let doing = match (self.direction, actual < 0.0) {
                    (Direction::HigherIsBetter, false) => "doing",
                    (Direction::LowerIsBetter, false) => "rising",
                    (_, true) => "falling",
                };
                format!("{need}, {doing} {}", self.format_rate(actual.abs()))
            }
            None => need,
        }
    }

    /// A change per week: the KPI's decimals when it sets them, else whole numbers
    /// from 10 up and one decimal below (0.4 stores a week, 228 hours).
    pub fn format_rate(&self, value: f64) -> String {
        match self.decimals {
            Some(_) => self.format_number(value),
            None if value.abs() >= 10.0 => super::format_value(value.round(), ""),
            None => super::format_value((value * 10.0).round() / 10.0, ""),
        }
    }
}
