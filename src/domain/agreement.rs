//! The partnership agreement: the seven components every agreement must cover, each
//! with a status and a note, the deliverables, and the dates that keep it a living
//! document (signed, next review, expiry, notice periods, amendments).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{serde_date, serde_opt_date};

/// Where a clause of the agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ClauseStatus {
    #[default]
    NotStarted,
    Drafting,
    Agreed,
    NeedsReview,
}

impl ClauseStatus {
    pub const ALL: [ClauseStatus; 4] = [
        ClauseStatus::NotStarted,
        ClauseStatus::Drafting,
        ClauseStatus::Agreed,
        ClauseStatus::NeedsReview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ClauseStatus::NotStarted => "not started",
            ClauseStatus::Drafting => "drafting",
            ClauseStatus::Agreed => "agreed",
            ClauseStatus::NeedsReview => "needs review",
        }
    }

    /// The next status in the cycle a `Space` press walks through.
    pub fn next(self) -> Self {
        match self {
            ClauseStatus::NotStarted => ClauseStatus::Drafting,
            ClauseStatus::Drafting => ClauseStatus::Agreed,
            ClauseStatus::Agreed => ClauseStatus::NeedsReview,
            ClauseStatus::NeedsReview => ClauseStatus::NotStarted,
        }
    }
}

/// One component of the agreement checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    #[serde(default)]
    pub status: ClauseStatus,
    #[serde(default)]
    pub note: String,
}

/// The seven components every partnership agreement must cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    Governance,
    FinancialCommitments,
    PerformanceEvaluation,
    IntellectualProperty,
    DisputeResolution,
    ExitStrategy,
    FlexibilityClauses,
}

impl Component {
    pub const ALL: [Component; 7] = [
        Component::Governance,
        Component::FinancialCommitments,
        Component::PerformanceEvaluation,
        Component::IntellectualProperty,
        Component::DisputeResolution,
        Component::ExitStrategy,
        Component::FlexibilityClauses,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Component::Governance => "Governance",
            Component::FinancialCommitments => "Financial commitments",
            Component::PerformanceEvaluation => "Performance evaluation",
            Component::IntellectualProperty => "Intellectual property",
            Component::DisputeResolution => "Dispute resolution",
            Component::ExitStrategy => "Exit strategy",
            Component::FlexibilityClauses => "Flexibility clauses",
        }
    }
}

/// The agreement: a living document with a checklist of components, deliverables,
/// and the dates that keep it under review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    #[serde(default, with = "serde_opt_date")]
    pub signed: Option<NaiveDate>,
    #[serde(default, with = "serde_opt_date")]
    pub next_review: Option<NaiveDate>,
    #[serde(default, with = "serde_opt_date")]
    pub expires: Option<NaiveDate>,
    /// Days ahead the next review is flagged; the workspace's when `None`.
    #[serde(default)]
    pub review_notice_days: Option<u32>,
    /// Days ahead the expiry (the renewal) is flagged; the workspace's when `None`.
    #[serde(default)]
    pub renewal_notice_days: Option<u32>,
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
    /// Changes made to the agreement after it was signed, oldest first: a trial that
    /// became a full agreement keeps its history.
    #[serde(default)]
    pub amendments: Vec<Amendment>,
}

impl Agreement {
    pub fn clause(&self, component: Component) -> &Clause {
        match component {
            Component::Governance => &self.governance,
            Component::FinancialCommitments => &self.financial_commitments,
            Component::PerformanceEvaluation => &self.performance_evaluation,
            Component::IntellectualProperty => &self.intellectual_property,
            Component::DisputeResolution => &self.dispute_resolution,
            Component::ExitStrategy => &self.exit_strategy,
            Component::FlexibilityClauses => &self.flexibility_clauses,
        }
    }

    pub fn clause_mut(&mut self, component: Component) -> &mut Clause {
        match component {
            Component::Governance => &mut self.governance,
            Component::FinancialCommitments => &mut self.financial_commitments,
            Component::PerformanceEvaluation => &mut self.performance_evaluation,
            Component::IntellectualProperty => &mut self.intellectual_property,
            Component::DisputeResolution => &mut self.dispute_resolution,
            Component::ExitStrategy => &mut self.exit_strategy,
            Component::FlexibilityClauses => &mut self.flexibility_clauses,
        }
    }

    /// Components not yet agreed, in checklist order.
    pub fn missing_components(&self) -> Vec<Component> {
        Component::ALL
            .into_iter()
            .filter(|component| self.clause(*component).status != ClauseStatus::Agreed)
            .collect()
    }

    pub fn agreed_count(&self) -> usize {
        Component::ALL.len() - self.missing_components().len()
    }

    /// Days ahead the next review is flagged: the agreement's, else the workspace's.
    pub fn review_notice(&self, workspace_default: u32) -> u32 {
        self.review_notice_days.unwrap_or(workspace_default)
    }

    /// Days ahead the expiry is flagged: the agreement's, else the workspace's.
    pub fn renewal_notice(&self, workspace_default: u32) -> u32 {
        self.renewal_notice_days.unwrap_or(workspace_default)
    }

    /// Why the agreement's own dates break [`expiry_conflict`], if they do.
    pub fn expiry_conflict(&self) -> Option<String> {
        expiry_conflict(self.signed, self.expires)
    }
}

/// The one rule for an agreement's dates: it cannot expire on or before the day it
/// was signed. Says why when `signed` and `expires` break it. The dashboard's form
/// refuses such dates and `pactboard check` warns about a file that has them, both
/// through this function, so they can never disagree.
pub fn expiry_conflict(signed: Option<NaiveDate>, expires: Option<NaiveDate>) -> Option<String> {
    let (signed, expires) = (signed?, expires?);
    (expires <= signed)
        .then(|| format!("the agreement expires ({expires}) before it was signed ({signed})"))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    #[serde(default)]
    pub id: String,
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

/// A dated change to the agreement, with a new expiry when it set one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    #[serde(default)]
    pub id: String,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
    #[serde(default, with = "serde_opt_date")]
    pub expires: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 3, d)
    }

    #[test]
    fn an_agreement_cannot_expire_before_it_was_signed() {
        assert_eq!(expiry_conflict(day(10), day(11)), None);
        assert_eq!(
            expiry_conflict(None, day(1)),
            None,
            "unsigned: nothing to compare"
        );
        assert_eq!(expiry_conflict(day(10), None), None);
        assert_eq!(
            expiry_conflict(day(10), day(10)).as_deref(),
            Some("the agreement expires (2026-03-10) before it was signed (2026-03-10)"),
            "expiring the day it is signed is no agreement either"
        );
        let agreement = Agreement {
            signed: day(10),
            expires: day(2),
            ..Agreement::default()
        };
        assert!(agreement.expiry_conflict().is_some());
    }
}
