//! What happens in a partnership over time: stakeholder feedback, check-ins, the
//! action items agreed at them (or at reviews, or on their own — one list per
//! partner), periodic reviews, and the history of stage moves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{serde_date, serde_opt_date};
use super::partner::{Side, Tier};

/// Dated stakeholder input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    #[serde(default)]
    pub id: String,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub who: String,
    #[serde(default)]
    pub side: Side,
    /// 1 (very unhappy) to 5 (very happy).
    pub sentiment: u8,
    #[serde(default)]
    pub text: String,
}

/// Something someone agreed to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    #[serde(default)]
    pub id: String,
    pub text: String,
    /// A member handle, or a name on the partner's side.
    #[serde(default)]
    pub owner: String,
    /// Which side of the partnership owes it.
    #[serde(default)]
    pub side: Side,
    #[serde(default, with = "serde_opt_date")]
    pub due: Option<NaiveDate>,
    /// The day it was done; `None` while open.
    #[serde(default, with = "serde_opt_date")]
    pub done: Option<NaiveDate>,
    /// The id of the check-in or review it was agreed at; `None` for one agreed on
    /// its own.
    #[serde(default)]
    pub origin: Option<String>,
}

impl ActionItem {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// A dated check-in: who held it, at which charter tier, who attended, the note,
/// and the action items agreed at it (by id, in `Partner::actions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    #[serde(default)]
    pub id: String,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub author: String,
    /// The charter meeting tier this check-in was, if it was one.
    #[serde(default)]
    pub tier: Option<Tier>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// Ids of the action items agreed at this check-in.
    #[serde(default)]
    pub actions: Vec<String>,
}

impl CheckIn {
    /// A check-in with nothing in it yet (no id: the caller assigns one).
    pub fn new(date: NaiveDate, author: impl Into<String>) -> Self {
        Self {
            id: String::new(),
            date,
            author: author.into(),
            tier: None,
            attendees: Vec::new(),
            note: String::new(),
            actions: Vec::new(),
        }
    }
}

/// How a goal fared in a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum OutcomeRating {
    Met,
    #[default]
    Partly,
    Missed,
}

impl OutcomeRating {
    pub fn label(self) -> &'static str {
        match self {
            OutcomeRating::Met => "met",
            OutcomeRating::Partly => "partly",
            OutcomeRating::Missed => "missed",
        }
    }
}

/// How one goal fared in a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The goal's id; empty when the goal is not (or no longer) one of the partner's.
    #[serde(default)]
    pub goal: String,
    /// The goal as a version 1 file named it, kept when no goal of the partner had
    /// that statement; written only when set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal_text: String,
    pub rating: OutcomeRating,
    #[serde(default)]
    pub comment: String,
}

/// A periodic evaluation of the partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(default)]
    pub id: String,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub author: String,
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    #[serde(default)]
    pub worked: String,
    #[serde(default)]
    pub challenges: String,
    /// Ids of the KPIs this review closed.
    #[serde(default)]
    pub closed_kpis: Vec<String>,
    /// Ids of the action items this review decided, in `Partner::actions`.
    #[serde(default)]
    pub adjustments: Vec<String>,
}

impl Review {
    /// A review with nothing in it yet (no id: the caller assigns one).
    pub fn new(date: NaiveDate, author: impl Into<String>) -> Self {
        Self {
            id: String::new(),
            date,
            author: author.into(),
            period: String::new(),
            outcomes: Vec::new(),
            worked: String::new(),
            challenges: String::new(),
            closed_kpis: Vec::new(),
            adjustments: Vec::new(),
        }
    }
}

/// One move through the pipeline, between stage ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub author: String,
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub reason: String,
}
