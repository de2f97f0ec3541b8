//! KPIs and what is derived from them on a given day: the status (too early to tell,
//! green/amber/red against the planned path or the level, closed), the stale and
//! early-warning flags beside it, and — from one window of recent readings — the
//! trend, the run-rate and the forecast. Every assessment explains itself in one line.

mod format;
mod projection;
mod record;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use format::format_value;
pub use projection::{
    FORECAST_MIN_DAYS, FORECAST_MIN_READINGS, Forecast, Needed, RunRate, Trend, TrendDirection,
    WINDOW_DAYS, Window,
};
pub use record::*;

use super::dates::{add_days, days_between};
use super::partner::Partner;
use super::workspace::{GracePeriod, RagThresholds, Workspace};
use format::percent;

/// Where an open KPI stands, or how a closed one ended. Staleness and the early
/// warning are flags beside the status (`KpiAssessment`), never a status of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KpiStatus {
    /// Not judged yet: before its start date (`days` 0), or `days` into a grace
    /// period of `grace_days`.
    TooEarly {
        days: u32,
        grace_days: u32,
    },
    Green,
    Amber,
    Red,
    /// Closed, usually at a review: history, left out of health and attention.
    Closed(KpiOutcome),
}

impl KpiStatus {
    pub fn label(self) -> &'static str {
        match self {
            KpiStatus::TooEarly { .. } => "too early",
            KpiStatus::Green => "green",
            KpiStatus::Amber => "amber",
            KpiStatus::Red => "red",
            KpiStatus::Closed(KpiOutcome::Met) => "closed: met",
            KpiStatus::Closed(KpiOutcome::Missed) => "closed: missed",
            KpiStatus::Closed(KpiOutcome::Dropped) => "closed: dropped",
        }
    }

    /// What the status is worth in a partner's health, as a share of the KPI part:
    /// green all of it, amber half, red nothing. `None` for a KPI that is not judged
    /// (too early, closed): it is left out of the part, not scored as zero.
    pub fn worth(self) -> Option<f64> {
        match self {
            KpiStatus::Green => Some(1.0),
            KpiStatus::Amber => Some(0.5),
            KpiStatus::Red => Some(0.0),
            KpiStatus::TooEarly { .. } | KpiStatus::Closed(_) => None,
        }
    }

    /// Green, amber or red: open, past its grace period.
    pub fn is_judged(self) -> bool {
        self.worth().is_some()
    }
}

/// The workspace's rules a KPI is judged by, with the partner's check-in cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KpiRules {
    pub thresholds: RagThresholds,
    pub grace: GracePeriod,
    /// Days within which a new reading is expected before the KPI is flagged stale.
    pub cadence_days: u32,
}

impl KpiRules {
    /// The workspace's thresholds and grace period, and `partner`'s cadence.
    pub fn of(workspace: &Workspace, partner: &Partner) -> Self {
        Self {
            thresholds: workspace.thresholds,
            grace: workspace.kpi_grace,
            cadence_days: partner.cadence_days(workspace.checkin_cadence_days),
        }
    }
}

/// Everything derived from one KPI on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiAssessment {
    pub status: KpiStatus,
    /// No reading within the check-in cadence: the status rests on an old value
    /// (judged against today's plan, the conservative view). Never worth points.
    pub stale: bool,
    /// Days since the latest reading (since the start, with none) when stale.
    pub days_without_reading: Option<i64>,
    /// The forecast misses the target (or crosses the level) while the status is
    /// still green or amber.
    pub early_warning: bool,
    pub latest: Option<Reading>,
    /// The value the status rests on: the latest reading, else the baseline.
    pub value: f64,
    /// Share of the way from baseline to target `value` has come.
    pub progress: f64,
    /// Share of the way a straight path from start to target date has reached today.
    pub expected: f64,
    /// Whole percentage points of the way to target behind the planned path
    /// (negative: ahead), for a judged cumulative KPI.
    pub points_behind: Option<i64>,
    /// The slope of the recent readings (the run-rate achieved).
    pub trend: Option<Trend>,
    /// Needed vs achieved, for an open cumulative KPI that has started.
    pub run_rate: Option<RunRate>,
    /// The recent trend projected to the target date (for a maintain KPI: at most
    /// a window ahead), from enough recent readings only.
    pub forecast: Option<Forecast>,
    /// The recent readings trend, run-rate and forecast rest on.
    pub window: Window,
    /// The rule and the numbers behind the status and its flags, in one line.
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

    /// Days from the start that the KPI is too early to judge: `share_percent` of its
    /// span from start to target date (rounded up), and at least `min_days`.
    pub fn grace_days(&self, grace: GracePeriod) -> u32 {
        let span = days_between(self.start, self.target_date).max(0);
        // Rounded up: a tenth of 365 days is 37 days, not 36.
        let share = (span * i64::from(grace.share_percent) + 99) / 100;
        u32::try_from(share).unwrap_or(u32::MAX).max(grace.min_days)
    }

    /// How the KPI was closed, if it was by `today`.
    pub fn closed_by(&self, today: NaiveDate) -> Option<&KpiClosed> {
        self.closed.as_ref().filter(|closed| closed.date <= today)
    }

    /// Status, flags, trend, run-rate and forecast as of `today`.
    pub fn assess(&self, today: NaiveDate, rules: KpiRules) -> KpiAssessment {
        let readings = self.readings_until(today);
        let latest = readings.last().cloned();
        let recent = projection::window(&readings, today);
        let window = projection::describe(recent);
        let trend = projection::trend(recent, self.direction, self.target - self.baseline);
        let value = latest.as_ref().map_or(self.baseline, |r| r.value);
        let mut assessment = KpiAssessment {
            status: KpiStatus::Green,
            stale: false,
            days_without_reading: None,
            early_warning: false,
            latest,
            value,
            progress: self.progress_of(value),
            expected: self.expected_progress(today),
            points_behind: None,
            trend,
            run_rate: None,
            forecast: None,
            window,
            explanation: String::new(),
        };

        if let Some(closed) = self.closed_by(today) {
            assessment.status = KpiStatus::Closed(closed.outcome);
            assessment.explanation = self.explain_closed(closed, &assessment);
            return assessment;
        }

        let days_in = days_between(self.start, today);
        let grace_days = self.grace_days(rules.grace);
        let judgement = if days_in < 0 {
            assessment.status = KpiStatus::TooEarly {
                days: 0,
                grace_days,
            };
            format!("too early: starts on {}", self.start)
        } else if days_in < i64::from(grace_days) {
            assessment.status = KpiStatus::TooEarly {
                days: u32::try_from(days_in).unwrap_or(0),
                grace_days,
            };
            format!(
                "too early: {days_in} of {grace_days} grace days (judged from {})",
                add_days(self.start, i64::from(grace_days))
            )
        } else {
            self.judge(today, rules.thresholds, &mut assessment)
        };

        if days_in >= 0 {
            let since = assessment.latest.as_ref().map_or(self.start, |r| r.date);
            let age = days_between(since, today);
            if age > i64::from(rules.cadence_days.max(1)) {
                assessment.stale = true;
                assessment.days_without_reading = Some(age);
            }
            if self.kind == KpiKind::Cumulative {
                assessment.run_rate = Some(self.run_rate(today, since, value, trend));
            }
        }
        let horizon = match self.kind {
            KpiKind::Cumulative => self.target_date,
            KpiKind::Maintain => self.target_date.min(add_days(today, WINDOW_DAYS)),
        };
        if horizon > today {
            assessment.forecast = projection::forecast(self, recent, horizon);
        }
        assessment.early_warning = matches!(assessment.status, KpiStatus::Green | KpiStatus::Amber)
            && assessment
                .forecast
                .is_some_and(|forecast| !self.direction.meets(forecast.value, self.target));

        let mut explanation = format!("{}: {judgement}", self.name);
        if assessment.status.is_judged() {
            explanation.push_str(&format!(" → {}", assessment.status.label()));
        }
        if let Some(days) = assessment.days_without_reading {
            explanation.push_str(&format!(
                " · {days} days without a reading, one expected every {}",
                rules.cadence_days.max(1)
            ));
        }
        if let (true, Some(forecast)) = (assessment.early_warning, assessment.forecast) {
            let miss = match self.kind {
                KpiKind::Cumulative => format!("short of {}", self.format_value(self.target)),
                KpiKind::Maintain => format!(
                    "{} the {} level",
                    self.wrong_side(),
                    self.format_value(self.target)
                ),
            };
            explanation.push_str(&format!(
                "; the trend reaches {} by {}, {miss} → early warning",
                self.format_value(forecast.value),
                forecast.date
            ));
        }
        assessment.explanation = explanation;
        assessment
    }

    /// Green, amber or red for a KPI past its grace period, and the words why.
    fn judge(
        &self,
        today: NaiveDate,
        thresholds: RagThresholds,
        assessment: &mut KpiAssessment,
    ) -> String {
        let value = assessment.value;
        let basis = if assessment.latest.is_none() {
            format!(
                "no reading yet, judged at its baseline {}: ",
                self.format_value(self.baseline)
            )
        } else {
            String::new()
        };
        match self.kind {
            KpiKind::Cumulative => {
                // Whole points, as the explanation shows them: "10 points behind" is
                // never green.
                let points = ((assessment.expected - assessment.progress) * 100.0).round() as i64;
                assessment.points_behind = Some(points);
                assessment.status = if points >= i64::from(thresholds.red_points) {
                    KpiStatus::Red
                } else if points >= i64::from(thresholds.amber_points) {
                    KpiStatus::Amber
                } else {
                    KpiStatus::Green
                };
                let position = match points {
                    0 => "on plan".to_string(),
                    1 => "1 point behind plan".to_string(),
                    -1 => "1 point ahead of plan".to_string(),
                    p if p > 0 => format!("{p} points behind plan"),
                    p => format!("{} points ahead of plan", -p),
                };
                let expected = if today > self.target_date {
                    format!("all of it expected by {}", self.target_date)
                } else {
                    format!("{} expected by today", percent(assessment.expected))
                };
                format!(
                    "{basis}{position} ({} of the way, {expected})",
                    percent(assessment.progress)
                )
            }
            KpiKind::Maintain => {
                let level = self.format_value(self.target);
                if self.direction.meets(value, self.target) {
                    assessment.status = KpiStatus::Green;
                    let side = match self.direction {
                        Direction::HigherIsBetter => "at or above",
                        Direction::LowerIsBetter => "at or below",
                    };
                    return format!(
                        "{basis}{}, {side} the {level} level",
                        self.format_value(value)
                    );
                }
                let gap = (value - self.target).abs();
                let margin = self.target.abs() * f64::from(thresholds.amber_margin_percent) / 100.0;
                assessment.status = if gap <= margin + 1e-9 {
                    KpiStatus::Amber
                } else {
                    KpiStatus::Red
                };
                format!(
                    "{basis}{}, {} {} the {level} level (amber within {}, {}% of the level)",
                    self.format_value(value),
                    self.format_value(gap),
                    self.wrong_side(),
                    self.format_value(margin),
                    thresholds.amber_margin_percent
                )
            }
        }
    }

    /// "below" for a KPI where higher is better, "above" where lower is.
    fn wrong_side(&self) -> &'static str {
        match self.direction {
            Direction::HigherIsBetter => "below",
            Direction::LowerIsBetter => "above",
        }
    }

    /// What it takes to reach the target from `value`, measured on `measured`, by
    /// the target date, beside what the recent trend achieves. With a trend, the
    /// weeks left count from the day the value was measured: the rate achieved and
    /// the forecast run on from that same reading, so the three agree (a stale
    /// KPI's "needs 20 a week, doing 17" from today beside a forecast that "reaches
    /// the target" was two answers to one question; staleness is its own flag).
    /// Without a trend there is nothing to compare, and the weeks count from today:
    /// 3 to go in 9 weeks is 0.3 a week, however old the last reading.
    fn run_rate(
        &self,
        today: NaiveDate,
        measured: NaiveDate,
        value: f64,
        trend: Option<Trend>,
    ) -> RunRate {
        let weeks_from = match trend {
            Some(_) => measured.min(today),
            None => today,
        };
        let needed = if self.direction.meets(value, self.target) {
            Needed::Met
        } else if days_between(today, self.target_date) <= 0 {
            Needed::DatePassed
        } else {
            let days_left = days_between(weeks_from, self.target_date).max(1);
            Needed::PerWeek((self.target - value) * 7.0 / days_left as f64)
        };
        RunRate {
            needed,
            actual_per_week: trend.map(|trend| trend.per_week),
        }
    }

    fn explain_closed(&self, closed: &KpiClosed, assessment: &KpiAssessment) -> String {
        let at = match &assessment.latest {
            Some(reading) => format!(
                " at {} (target {})",
                self.format_value(reading.value),
                self.format_value(self.target)
            ),
            None => String::new(),
        };
        let note = if closed.note.trim().is_empty() {
            String::new()
        } else {
            format!(": {}", closed.note.trim())
        };
        format!(
            "{}: closed on {}{at} → {}{note}",
            self.name,
            closed.date,
            closed.outcome.label()
        )
    }

    /// "forecast 1,656 units by 2027-03-08 (target 2,000 units)", or why there is none.
    pub fn describe_forecast(&self, assessment: &KpiAssessment) -> String {
        match (assessment.forecast, assessment.status) {
            (_, KpiStatus::Closed(_)) => "closed: no forecast".to_string(),
            (Some(forecast), _) => {
                let against = match self.kind {
                    KpiKind::Cumulative => "target",
                    KpiKind::Maintain => "level",
                };
                format!(
                    "forecast {} by {} ({against} {})",
                    self.format_value(forecast.value),
                    forecast.date,
                    self.format_value(self.target)
                )
            }
            (None, _) if !assessment.window.can_forecast() => assessment.window.shortfall(),
            (None, _) => format!(
                "no forecast: the target date {} has passed",
                self.target_date
            ),
        }
    }
}

/// Every KPI of a partner assessed once, in the order of `partner.kpis`: health,
/// the attention list and the screens all read these rather than assess again.
pub fn assess_all(
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<KpiAssessment> {
    let rules = KpiRules::of(workspace, partner);
    partner
        .kpis
        .iter()
        .map(|kpi| kpi.assess(today, rules))
        .collect()
}

/// What looks like a mistake in a new reading of `kpi` taken `today` — there is
/// one today already, or a cumulative KPI (higher is better) would go down — said
/// as a warning, not a refusal: "already a reading today: 24 — this adds
/// another", "lower than the last reading 171 — a cumulative KPI only grows".
pub fn reading_warning(kpi: &Kpi, value: f64, today: NaiveDate) -> Option<String> {
    let readings = kpi.readings_until(today);
    if let Some(same_day) = readings.iter().rev().find(|r| r.date == today) {
        return Some(format!(
            "already a reading today: {} — this adds another",
            kpi.format_value(same_day.value)
        ));
    }
    let last = readings.last()?;
    let grows = kpi.kind == KpiKind::Cumulative && kpi.direction == Direction::HigherIsBetter;
    (grows && value < last.value).then(|| {
        format!(
            "lower than the last reading {} — a cumulative KPI only grows",
            kpi.format_value(last.value)
        )
    })
}
