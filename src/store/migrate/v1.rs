//! Schema version 1, frozen: the records exactly as pactboard 1 read and wrote
//! them, so version 1 files parse with the same rules (and the same error
//! messages) they always had. Nothing here changes when the schema moves on.
//!
//! Enums and small records whose shape did not change in version 2 are shared
//! with the domain; everything that did change has its own copy here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::{serde_date, serde_opt_date};
use crate::domain::kpi::Direction;
use crate::domain::partner::{Clause, ClauseStatus, OutcomeRating, Side, StageChange, Tier};
use crate::domain::timeline::MilestoneStatus;
use crate::domain::workspace::Member;

pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default = "default_stages")]
    pub stages: Vec<StageDef>,
    #[serde(default = "default_phases")]
    pub phases: Vec<String>,
    #[serde(default = "default_criteria")]
    pub criteria: Vec<Criterion>,
    #[serde(default = "default_perspectives")]
    pub perspectives: Vec<String>,
    #[serde(default)]
    pub thresholds: RagThresholds,
    #[serde(default = "default_cadence")]
    pub checkin_cadence_days: u32,
    #[serde(default, with = "serde_opt_date")]
    pub demo_as_of: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageDef {
    pub name: String,
    #[serde(default)]
    pub checkin: bool,
    #[serde(default)]
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    pub weight: f64,
}

/// Status as the share of the expected progress actually made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagThresholds {
    pub green_percent: u32,
    pub amber_percent: u32,
}

impl Default for RagThresholds {
    fn default() -> Self {
        Self {
            green_percent: 90,
            amber_percent: 70,
        }
    }
}

fn default_cadence() -> u32 {
    14
}

fn default_stages() -> Vec<StageDef> {
    [
        ("Prospect", false, false),
        ("Assessing", false, false),
        ("Formalizing", true, false),
        ("Active", true, false),
        ("Expanding", true, false),
        ("Paused", false, true),
        ("Ended", false, true),
    ]
    .map(|(name, checkin, closed)| StageDef {
        name: name.to_string(),
        checkin,
        closed,
    })
    .to_vec()
}

fn default_phases() -> Vec<String> {
    [
        "Foundation",
        "Agreement",
        "Launch",
        "Evaluation",
        "Expansion",
    ]
    .map(String::from)
    .to_vec()
}

fn default_criteria() -> Vec<Criterion> {
    [
        ("Strategic fit", 3.0),
        ("Expertise", 2.0),
        ("Innovation potential", 1.0),
        ("Collaboration readiness", 2.0),
        ("Resource compatibility", 1.0),
        ("Cultural fit", 2.0),
        ("Financial stability", 2.0),
        ("Track record", 1.0),
    ]
    .map(|(name, weight)| Criterion {
        name: name.to_string(),
        weight,
    })
    .to_vec()
}

fn default_perspectives() -> Vec<String> {
    ["Financial", "Customer", "Operations", "Learning"]
        .map(String::from)
        .to_vec()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub owner: String,
    /// A stage *name*.
    pub stage: String,
    #[serde(with = "serde_date")]
    pub stage_since: NaiveDate,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub agreement: Agreement,
    #[serde(default)]
    pub charter: Charter,
    #[serde(default)]
    pub scores: Vec<Score>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Moves between stage *names*.
    #[serde(default)]
    pub history: Vec<StageChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub side: Side,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub statement: String,
    #[serde(default)]
    pub metric: String,
    #[serde(default)]
    pub target: String,
    #[serde(default, with = "serde_opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub agreed_by_both: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub side: Side,
    pub who: String,
    pub responsibility: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    #[serde(default, with = "serde_opt_date")]
    pub signed: Option<NaiveDate>,
    #[serde(default, with = "serde_opt_date")]
    pub next_review: Option<NaiveDate>,
    #[serde(default, with = "serde_opt_date")]
    pub expires: Option<NaiveDate>,
    #[serde(default)]
    pub governance: Clause,
    #[serde(default)]
    pub financial_commitments: Clause,
    #[serde(default)]
    pub performance_evaluation: Clause,
    #[serde(default)]
    pub intellectual_property: Clause,
    #[serde(default)]
    pub dispute_resolution: Clause,
    #[serde(default)]
    pub exit_strategy: Clause,
    #[serde(default)]
    pub flexibility_clauses: Clause,
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    pub title: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "serde_opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ClauseStatus,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    #[serde(default)]
    pub checkin_cadence_days: Option<u32>,
    #[serde(default)]
    pub meetings: Vec<MeetingTier>,
    #[serde(default)]
    pub primary_channel: String,
    #[serde(default)]
    pub secondary_channel: String,
    #[serde(default)]
    pub response_hours: Option<u32>,
    #[serde(default)]
    pub escalation: Vec<String>,
    #[serde(default)]
    pub confidentiality: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct MeetingTier {
    pub tier: Tier,
    pub cadence_days: u32,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub purpose: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// A criterion *name*.
    pub criterion: String,
    pub score: u8,
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub title: String,
    /// A phase *name*.
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "serde_opt_date")]
    pub start: Option<NaiveDate>,
    #[serde(with = "serde_date")]
    pub due: NaiveDate,
    #[serde(with = "serde_date")]
    pub planned_due: NaiveDate,
    #[serde(default, with = "serde_opt_date")]
    pub done: Option<NaiveDate>,
    #[serde(default)]
    pub status: MilestoneStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub name: String,
    /// A perspective *name*.
    #[serde(default)]
    pub perspective: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    pub baseline: f64,
    pub target: f64,
    #[serde(with = "serde_date")]
    pub start: NaiveDate,
    #[serde(with = "serde_date")]
    pub target_date: NaiveDate,
    #[serde(default)]
    pub readings: Vec<Reading>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub who: String,
    #[serde(default)]
    pub side: Side,
    pub sentiment: u8,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "serde_opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default, with = "serde_opt_date")]
    pub done: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub author: String,
    #[serde(default)]
    pub note: String,
    /// Inline, in version 1.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// A goal's *statement*.
    pub goal: String,
    pub rating: OutcomeRating,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
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
    /// Inline, in version 1.
    #[serde(default)]
    pub adjustments: Vec<ActionItem>,
}
