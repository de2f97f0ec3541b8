//! KPIs: readings over time, and the figures derived from them — status
//! (green/amber/red/stale), trend, a least-squares forecast at the target date, and
//! the early warning raised when that forecast misses a target still shown as on track.

mod record;

use chrono::NaiveDate;

pub use record::*;

use super::dates::days_between;
use super::workspace::RagThresholds;

/// How many of the latest readings the trend is fitted to.
const TREND_WINDOW: usize = 6;
/// How many of the latest readings the forecast is fitted to.
const FORECAST_WINDOW: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KpiStatus {
    /// Before its start date, or started and waiting for its first reading.
    NotStarted,
    Green,
    Amber,
    Red,
    /// No reading within the check-in cadence: the status cannot be trusted.
    Stale,
}

impl KpiStatus {
    pub fn label(self) -> &'static str {
        match self {
            KpiStatus::NotStarted => "not started",
            KpiStatus::Green => "green",
            KpiStatus::Amber => "amber",
            KpiStatus::Red => "red",
            KpiStatus::Stale => "stale",
        }
    }
}

/// Which way the recent readings are heading, judged by the KPI's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrendDirection {
    Improving,
    Flat,
    Worsening,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// Change per week in the KPI's unit.
    pub per_week: f64,
    pub direction: TrendDirection,
}

/// Everything derived from one KPI on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiAssessment {
    pub status: KpiStatus,
    pub latest: Option<Reading>,
    /// Share of the way from baseline to target the latest reading has come.
    pub progress: Option<f64>,
    /// Share of the way a straight path from start to target date has reached today.
    pub expected: f64,
    pub trend: Option<Trend>,
    /// The least-squares projection of the readings at the target date.
    pub forecast: Option<f64>,
    /// The forecast misses the target although the status is still green or amber.
    pub early_warning: bool,
    /// The rule and numbers behind the status, in words.
    pub explanation: String,
}

impl Kpi {
    /// Readings up to and including `today`, oldest first (stable for equal dates).
    pub fn readings_until(&self, today: NaiveDate) -> Vec<Reading> {
        let mut readings: Vec<Reading> = self
            .readings
            .iter()
            .filter(|reading| reading.date <= today && reading.value.is_finite())
            .cloned()
            .collect();
        readings.sort_by_key(|reading| reading.date);
        readings
    }

    /// Share of the way from baseline to target that `value` has come (may be below 0
    /// or above 1). With baseline equal to target it is all or nothing.
    pub fn progress_of(&self, value: f64) -> f64 {
        let span = self.target - self.baseline;
        if span.abs() < f64::EPSILON {
            if self.direction.meets(value, self.target) {
                1.0
            } else {
                0.0
            }
        } else {
            (value - self.baseline) / span
        }
    }

    /// Share of the time from start to target date that has passed by `today`, 0–1.
    pub fn expected_progress(&self, today: NaiveDate) -> f64 {
        let total = days_between(self.start, self.target_date);
        if total <= 0 {
            return if today >= self.start { 1.0 } else { 0.0 };
        }
        (days_between(self.start, today) as f64 / total as f64).clamp(0.0, 1.0)
    }

    /// `value` with the KPI's unit, and its decimals when it sets them.
    pub fn format_value(&self, value: f64) -> String {
        match self.decimals {
            None => format_value(value, &self.unit),
            Some(decimals) => with_unit(
                format!("{value:.prec$}", prec = usize::from(decimals.min(6))),
                &self.unit,
            ),
        }
    }

    /// Status, trend, forecast and early warning as of `today`; `cadence_days` is how
    /// often a reading is expected before the KPI counts as stale.
    pub fn assess(
        &self,
        today: NaiveDate,
        thresholds: RagThresholds,
        cadence_days: u32,
    ) -> KpiAssessment {
        let readings = self.readings_until(today);
        let latest = readings.last().cloned();
        let expected = self.expected_progress(today);
        let trend = trend(&readings, self.direction, self.target - self.baseline);
        let forecast = forecast_at(&readings, self.target_date);
        let progress = latest
            .as_ref()
            .map(|reading| self.progress_of(reading.value));
        let name = &self.name;
        let cadence = i64::from(cadence_days.max(1));

        let (status, explanation) = if today < self.start {
            (
                KpiStatus::NotStarted,
                format!("{name}: starts on {}", self.start),
            )
        } else if let (Some(reading), Some(progress)) = (&latest, progress) {
            let age = days_between(reading.date, today);
            if self.direction.meets(reading.value, self.target) {
                (
                    KpiStatus::Green,
                    format!(
                        "{name}: {} reached target {} → green",
                        self.format_value(reading.value),
                        self.format_value(self.target)
                    ),
                )
            } else if today > self.target_date {
                (
                    KpiStatus::Red,
                    format!(
                        "{name}: target date {} passed at {} of target {} → red",
                        self.target_date,
                        self.format_value(reading.value),
                        self.format_value(self.target)
                    ),
                )
            } else if age > cadence {
                (
                    KpiStatus::Stale,
                    format!(
                        "{name}: last reading {}, {age} days ago; one expected every {cadence} days → stale",
                        reading.date
                    ),
                )
            } else {
                let status = rag(progress, expected, thresholds);
                (
                    status,
                    format!(
                        "{name}: {} of the way to target, {} expected by today → {}",
                        percent(progress),
                        percent(expected),
                        status.label()
                    ),
                )
            }
        } else {
            let age = days_between(self.start, today);
            if age > cadence {
                (
                    KpiStatus::Stale,
                    format!(
                        "{name}: no reading since it started on {}, {age} days ago; one expected every {cadence} days → stale",
                        self.start
                    ),
                )
            } else {
                (
                    KpiStatus::NotStarted,
                    format!("{name}: waiting for its first reading"),
                )
            }
        };

        let early_warning = matches!(status, KpiStatus::Green | KpiStatus::Amber)
            && today < self.target_date
            && forecast.is_some_and(|value| !self.direction.meets(value, self.target));
        let explanation = match (early_warning, forecast) {
            (true, Some(value)) => format!(
                "{explanation}; but the trend reaches {} by {}, short of {} → early warning",
                self.format_value(value),
                self.target_date,
                self.format_value(self.target)
            ),
            _ => explanation,
        };

        KpiAssessment {
            status,
            latest,
            progress,
            expected,
            trend,
            forecast,
            early_warning,
            explanation,
        }
    }
}

/// Every KPI of a partner assessed once, in the order of `partner.kpis`: health,
/// the attention list and the screens all read these rather than assess again.
pub fn assess_all(
    partner: &crate::domain::Partner,
    thresholds: RagThresholds,
    workspace_cadence: u32,
    today: NaiveDate,
) -> Vec<KpiAssessment> {
    let cadence = partner.cadence_days(workspace_cadence);
    partner
        .kpis
        .iter()
        .map(|kpi| kpi.assess(today, thresholds, cadence))
        .collect()
}

/// Green, amber or red: how many percentage points of the way to target the KPI is
/// behind the straight planned path. Within half a point counts as on it: the
/// explanation shows whole percentages, and "0% of the way, 0% expected → red"
/// would be a verdict nobody can follow.
const ON_TRACK_TOLERANCE: f64 = 0.005;

fn rag(progress: f64, expected: f64, thresholds: RagThresholds) -> KpiStatus {
    let behind = expected - progress;
    if behind <= ON_TRACK_TOLERANCE {
        return KpiStatus::Green;
    }
    // Rounded to a millionth of a point, so 50% − 40% is 10 points, not 9.999….
    let points = (behind * 100.0 * 1e6).round() / 1e6;
    if points >= f64::from(thresholds.red_points) {
        KpiStatus::Red
    } else if points >= f64::from(thresholds.amber_points) {
        KpiStatus::Amber
    } else {
        KpiStatus::Green
    }
}

fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// "1,250 leads", "38%", "4.5 days": whole numbers without decimals, others with one.
pub fn format_value(value: f64, unit: &str) -> String {
    let number = if (value - value.round()).abs() < 0.05 {
        group_thousands(value.round() as i64)
    } else {
        // One decimal, with the whole part grouped like the integers beside it.
        let tenths = (value * 10.0).round() as i64;
        let whole = group_thousands(tenths / 10);
        let sign = if tenths < 0 && tenths / 10 == 0 {
            "-"
        } else {
            ""
        };
        format!("{sign}{whole}.{}", (tenths % 10).abs())
    };
    with_unit(number, unit)
}

fn with_unit(number: String, unit: &str) -> String {
    match unit.trim() {
        "" => number,
        "%" => format!("{number}%"),
        unit => format!("{number} {unit}"),
    }
}

fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Least-squares line through `(day, value)` points: `(slope per day, value at day 0)`,
/// with days counted from the first reading. `None` for fewer than two distinct days.
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

/// The slope of the latest readings, and whether that is good news.
fn trend(readings: &[Reading], direction: Direction, span: f64) -> Option<Trend> {
    let recent = &readings[readings.len().saturating_sub(TREND_WINDOW)..];
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

/// Where a straight line through the latest readings lands on `date`.
fn forecast_at(readings: &[Reading], date: NaiveDate) -> Option<f64> {
    let recent = &readings[readings.len().saturating_sub(FORECAST_WINDOW)..];
    let (slope, intercept, origin) = least_squares(recent)?;
    let value = intercept + slope * days_between(origin, date) as f64;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const THRESHOLDS: RagThresholds = RagThresholds {
        amber_points: 10,
        red_points: 20,
        amber_margin_percent: 10,
    };

    /// Revenue from 0 to 100 over 100 days starting 2026-01-01.
    fn revenue(direction: Direction, readings: &[(&str, f64)]) -> Kpi {
        let (baseline, target) = match direction {
            Direction::HigherIsBetter => (0.0, 100.0),
            Direction::LowerIsBetter => (100.0, 0.0),
        };
        Kpi {
            perspective: "financial".into(),
            unit: "k€".into(),
            direction,
            readings: readings
                .iter()
                .map(|(date, value)| Reading::new(day(date), *value))
                .collect(),
            ..Kpi::new(
                "Joint revenue",
                (baseline, target),
                (day("2026-01-01"), day("2026-04-11")),
            )
        }
    }

    #[test]
    fn before_the_start_date_it_is_not_started() {
        let kpi = revenue(Direction::HigherIsBetter, &[]);
        let result = kpi.assess(day("2025-12-01"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::NotStarted);
        assert!(result.explanation.contains("starts on 2026-01-01"));
        assert_eq!(result.expected, 0.0);
    }

    #[test]
    fn no_readings_is_not_started_within_the_cadence_then_stale() {
        let kpi = revenue(Direction::HigherIsBetter, &[]);
        let fresh = kpi.assess(day("2026-01-10"), THRESHOLDS, 14);
        assert_eq!(fresh.status, KpiStatus::NotStarted);
        assert_eq!((fresh.trend, fresh.forecast), (None, None));
        let stale = kpi.assess(day("2026-01-20"), THRESHOLDS, 14);
        assert_eq!(stale.status, KpiStatus::Stale);
        assert!(stale.explanation.contains("no reading since it started"));
    }

    #[test]
    fn on_track_is_green_behind_is_amber_far_behind_is_red() {
        // 2026-02-20 is day 50 of 100: 50% expected.
        let today = day("2026-02-20");
        let green = revenue(Direction::HigherIsBetter, &[("2026-02-15", 46.0)]);
        assert_eq!(green.assess(today, THRESHOLDS, 14).status, KpiStatus::Green);
        let amber = revenue(Direction::HigherIsBetter, &[("2026-02-15", 40.0)]);
        assert_eq!(amber.assess(today, THRESHOLDS, 14).status, KpiStatus::Amber);
        let red = revenue(Direction::HigherIsBetter, &[("2026-02-15", 19.0)]);
        let result = red.assess(today, THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Red);
        assert_eq!(
            result.explanation,
            "Joint revenue: 19% of the way to target, 50% expected by today → red"
        );
    }

    #[test]
    fn lower_is_better_mirrors_the_rules() {
        let today = day("2026-02-20");
        let green = revenue(Direction::LowerIsBetter, &[("2026-02-15", 54.0)]);
        assert_eq!(green.assess(today, THRESHOLDS, 14).status, KpiStatus::Green);
        let red = revenue(Direction::LowerIsBetter, &[("2026-02-15", 90.0)]);
        assert_eq!(red.assess(today, THRESHOLDS, 14).status, KpiStatus::Red);
        let met = revenue(Direction::LowerIsBetter, &[("2026-02-15", -1.0)]);
        let result = met.assess(today, THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green);
        assert!(result.explanation.contains("reached target"));
    }

    #[test]
    fn a_met_target_is_green_even_when_old_or_past_the_date() {
        let kpi = revenue(Direction::HigherIsBetter, &[("2026-01-20", 120.0)]);
        let result = kpi.assess(day("2026-06-01"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green);
    }

    #[test]
    fn past_the_target_date_and_short_is_red() {
        let kpi = revenue(Direction::HigherIsBetter, &[("2026-04-10", 95.0)]);
        let result = kpi.assess(day("2026-04-12"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Red);
        assert!(result.explanation.contains("target date 2026-04-11 passed"));
    }

    #[test]
    fn an_old_latest_reading_is_stale() {
        let kpi = revenue(Direction::HigherIsBetter, &[("2026-01-20", 30.0)]);
        let result = kpi.assess(day("2026-02-20"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Stale);
        assert!(result.explanation.contains("31 days ago"));
        assert_eq!(result.latest.unwrap().value, 30.0);
    }

    #[test]
    fn future_readings_are_ignored() {
        let kpi = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-15", 10.0), ("2026-03-01", 99.0)],
        );
        let result = kpi.assess(day("2026-02-20"), THRESHOLDS, 14);
        assert_eq!(result.latest.unwrap().value, 10.0);
        assert_eq!(result.status, KpiStatus::Red);
    }

    #[test]
    fn one_reading_has_no_trend_or_forecast() {
        let kpi = revenue(Direction::HigherIsBetter, &[("2026-02-15", 46.0)]);
        let result = kpi.assess(day("2026-02-20"), THRESHOLDS, 14);
        assert_eq!(result.trend, None);
        assert_eq!(result.forecast, None);
        assert!(!result.early_warning);
    }

    #[test]
    fn readings_on_one_day_give_no_forecast() {
        let kpi = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-15", 46.0), ("2026-02-15", 48.0)],
        );
        let result = kpi.assess(day("2026-02-20"), THRESHOLDS, 14);
        assert_eq!(result.forecast, None);
        assert_eq!(result.latest.unwrap().value, 48.0, "later entry wins a tie");
    }

    #[test]
    fn forecast_is_the_least_squares_line_at_the_target_date() {
        // One unit a day from day 0: exactly on target.
        let kpi = revenue(
            Direction::HigherIsBetter,
            &[
                ("2026-01-01", 0.0),
                ("2026-01-11", 10.0),
                ("2026-01-21", 20.0),
            ],
        );
        let result = kpi.assess(day("2026-01-22"), THRESHOLDS, 14);
        let forecast = result.forecast.unwrap();
        assert!((forecast - 100.0).abs() < 1e-9, "{forecast}");
        let trend = result.trend.unwrap();
        assert!((trend.per_week - 7.0).abs() < 1e-9);
        assert_eq!(trend.direction, TrendDirection::Improving);
        assert!(!result.early_warning);
    }

    #[test]
    fn early_warning_when_the_trend_misses_a_target_still_green() {
        // On track at day 40 (45 of 100), but flattening: the line lands short.
        let kpi = revenue(
            Direction::HigherIsBetter,
            &[
                ("2026-01-11", 30.0),
                ("2026-01-21", 40.0),
                ("2026-01-31", 43.0),
                ("2026-02-05", 45.0),
            ],
        );
        let result = kpi.assess(day("2026-02-10"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green);
        assert!(result.forecast.unwrap() < 100.0);
        assert!(result.early_warning);
        assert!(result.explanation.ends_with("→ early warning"));
    }

    #[test]
    fn early_warning_for_lower_is_better() {
        let kpi = revenue(
            Direction::LowerIsBetter,
            &[
                ("2026-01-11", 70.0),
                ("2026-01-21", 60.0),
                ("2026-01-31", 57.0),
                ("2026-02-05", 55.0),
            ],
        );
        let result = kpi.assess(day("2026-02-10"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green);
        assert!(result.early_warning);
        assert_eq!(result.trend.unwrap().direction, TrendDirection::Improving);
    }

    #[test]
    fn no_early_warning_when_already_red_or_met() {
        let red = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-01", 5.0), ("2026-02-15", 6.0)],
        );
        let result = red.assess(day("2026-02-20"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Red);
        assert!(!result.early_warning);
        let met = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-01", 100.0), ("2026-02-15", 101.0)],
        );
        assert!(!met.assess(day("2026-02-20"), THRESHOLDS, 14).early_warning);
    }

    #[test]
    fn worsening_and_flat_trends() {
        let falling = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-01", 50.0), ("2026-02-08", 45.0)],
        );
        let trend = falling
            .assess(day("2026-02-10"), THRESHOLDS, 14)
            .trend
            .unwrap();
        assert_eq!(trend.direction, TrendDirection::Worsening);
        let flat = revenue(
            Direction::HigherIsBetter,
            &[("2026-02-01", 50.0), ("2026-02-08", 50.1)],
        );
        let trend = flat
            .assess(day("2026-02-10"), THRESHOLDS, 14)
            .trend
            .unwrap();
        assert_eq!(trend.direction, TrendDirection::Flat);
    }

    #[test]
    fn baseline_equal_to_target_is_all_or_nothing() {
        let mut kpi = revenue(Direction::LowerIsBetter, &[("2026-02-15", 3.0)]);
        kpi.baseline = 2.0;
        kpi.target = 2.0;
        assert_eq!(kpi.progress_of(3.0), 0.0);
        assert_eq!(kpi.progress_of(2.0), 1.0);
        assert_eq!(
            kpi.assess(day("2026-02-20"), THRESHOLDS, 14).status,
            KpiStatus::Red
        );
    }

    #[test]
    fn target_date_before_start_expects_everything_at_once() {
        let mut kpi = revenue(Direction::HigherIsBetter, &[]);
        kpi.target_date = kpi.start;
        assert_eq!(kpi.expected_progress(day("2026-01-01")), 1.0);
        assert_eq!(kpi.expected_progress(day("2025-12-31")), 0.0);
    }

    #[test]
    fn the_first_days_are_judged_as_the_explanation_reads() {
        // On the start day, at the baseline: "0% of the way, 0% expected" is on track.
        let at_baseline = revenue(Direction::HigherIsBetter, &[("2026-01-01", 0.0)]);
        let result = at_baseline.assess(day("2026-01-01"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green, "{}", result.explanation);
        // A shortfall too small to show in whole percentages is no shortfall.
        let mut long = at_baseline.clone();
        long.target_date = day("2027-01-01");
        let result = long.assess(day("2026-01-02"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Green, "{}", result.explanation);
        let worse = revenue(Direction::HigherIsBetter, &[("2026-01-01", -50.0)]);
        let result = worse.assess(day("2026-01-01"), THRESHOLDS, 14);
        assert_eq!(result.status, KpiStatus::Red, "{}", result.explanation);
    }

    #[test]
    fn decimals_set_on_the_kpi_are_shown() {
        let mut kpi = revenue(Direction::HigherIsBetter, &[]);
        assert_eq!(kpi.format_value(2.0), "2 k€");
        kpi.decimals = Some(2);
        assert_eq!(kpi.format_value(2.0), "2.00 k€");
        kpi.decimals = Some(0);
        assert_eq!(kpi.format_value(2.46), "2 k€");
    }

    #[test]
    fn thresholds_are_points_behind_the_planned_path() {
        // Day 50 of 100: 50% expected. 41 is 9 points behind, 40 is 10, 31 is 19, 30 is 20.
        let today = day("2026-02-20");
        for (value, status) in [
            (41.0, KpiStatus::Green),
            (40.0, KpiStatus::Amber),
            (31.0, KpiStatus::Amber),
            (30.0, KpiStatus::Red),
        ] {
            let kpi = revenue(Direction::HigherIsBetter, &[("2026-02-15", value)]);
            assert_eq!(kpi.assess(today, THRESHOLDS, 14).status, status, "{value}");
        }
    }

    #[test]
    fn values_are_formatted_with_units() {
        assert_eq!(format_value(1250.0, "leads"), "1,250 leads");
        assert_eq!(format_value(38.0, "%"), "38%");
        assert_eq!(format_value(4.45, "days"), "4.5 days");
        assert_eq!(format_value(-1234567.0, ""), "-1,234,567");
        assert_eq!(format_value(1655.84, "units"), "1,655.8 units");
        assert_eq!(format_value(-0.44, ""), "-0.4");
        assert_eq!(format_value(2.96, ""), "3");
    }
}
