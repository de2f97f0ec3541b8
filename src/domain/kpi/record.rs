//! What a KPI is, as stored: its target and path, its kind, the goal it measures,
//! how it was closed, and its dated readings. What is derived from it lives in
//! the parent module.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::serde_date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    pub fn label(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher is better",
            Direction::LowerIsBetter => "lower is better",
        }
    }

    /// +1 when a rising value is good, -1 when a falling one is.
    pub(super) fn sign(self) -> f64 {
        match self {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        }
    }

    /// Whether `value` is at or beyond `target` in the good direction.
    pub fn meets(self, value: f64, target: f64) -> bool {
        match self {
            Direction::HigherIsBetter => value >= target,
            Direction::LowerIsBetter => value <= target,
        }
    }
}

/// Whether a KPI is about reaching a value by a date or staying on the right side of
/// a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum KpiKind {
    /// Reach `target` by `target_date`, on a straight path from `baseline` at `start`.
    #[default]
    Cumulative,
    /// Stay at or beyond `target` (the level), judged on the latest reading.
    Maintain,
}

impl KpiKind {
    pub const ALL: [KpiKind; 2] = [KpiKind::Cumulative, KpiKind::Maintain];

    pub fn label(self) -> &'static str {
        match self {
            KpiKind::Cumulative => "cumulative",
            KpiKind::Maintain => "maintain",
        }
    }
}

/// How a closed KPI ended.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum KpiOutcome {
    Met,
    #[default]
    Missed,
    Dropped,
}

impl KpiOutcome {
    pub const ALL: [KpiOutcome; 3] = [KpiOutcome::Met, KpiOutcome::Missed, KpiOutcome::Dropped];

    pub fn label(self) -> &'static str {
        match self {
            KpiOutcome::Met => "met",
            KpiOutcome::Missed => "missed",
            KpiOutcome::Dropped => "dropped",
        }
    }
}

/// When and how a KPI was closed (usually at a review); closed KPIs stay as history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiClosed {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub outcome: KpiOutcome,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    #[serde(default)]
    pub id: String,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub value: f64,
    /// Written only when there is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Reading {
    /// A reading without a note (and without an id: the caller assigns one).
    pub fn new(date: NaiveDate, value: f64) -> Self {
        Self {
            id: String::new(),
            date,
            value,
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    #[serde(default)]
    pub id: String,
    pub name: String,
    /// A perspective id of the workspace.
    #[serde(default)]
    pub perspective: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub kind: KpiKind,
    /// The id of the shared goal this KPI measures.
    #[serde(default)]
    pub goal: Option<String>,
    /// Decimals to show; `None` shows whole numbers, or one decimal when needed.
    #[serde(default)]
    pub decimals: Option<u8>,
    pub baseline: f64,
    pub target: f64,
    #[serde(with = "serde_date")]
    pub start: NaiveDate,
    #[serde(with = "serde_date")]
    pub target_date: NaiveDate,
    #[serde(default)]
    pub closed: Option<KpiClosed>,
    #[serde(default)]
    pub readings: Vec<Reading>,
}

impl Kpi {
    /// A cumulative KPI with no readings (and no id: the caller assigns one).
    pub fn new(
        name: impl Into<String>,
        (baseline, target): (f64, f64),
        (start, target_date): (NaiveDate, NaiveDate),
    ) -> Self {
        let direction = if target < baseline {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        };
        Self {
            id: String::new(),
            name: name.into(),
            perspective: String::new(),
            unit: String::new(),
            direction,
            kind: KpiKind::Cumulative,
            goal: None,
            decimals: None,
            baseline,
            target,
            start,
            target_date,
            closed: None,
            readings: Vec::new(),
        }
    }
}
