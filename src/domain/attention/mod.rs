//! Attention items — what needs someone this week, each with the rule and the
//! numbers behind it — ordered by urgency; and the calendar of the next days.

mod rules;
#[cfg(test)]
mod tests;
mod upcoming;

use chrono::NaiveDate;

use super::dates::days_between;
use super::kpi::assess_all;
use super::partner::Partner;
use super::workspace::Workspace;

pub use rules::attention_from;
pub use upcoming::{Upcoming, UpcomingKind, upcoming};

/// Days ahead a partnership review falling due is flagged.
pub const REVIEW_LEAD_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AttentionKind {
    RedKpi,
    NoAgreement,
    OverdueMilestone,
    DeliverableOverdue,
    ActionOverdue,
    CheckinOverdue,
    MeetingOverdue,
    ReviewDue,
    EarlyWarning,
    SentimentDrop,
    StaleKpi,
    AgreementReview,
    Renewal,
}

impl AttentionKind {
    pub const ALL: [AttentionKind; 13] = [
        AttentionKind::RedKpi,
        AttentionKind::NoAgreement,
        AttentionKind::OverdueMilestone,
        AttentionKind::DeliverableOverdue,
        AttentionKind::ActionOverdue,
        AttentionKind::CheckinOverdue,
        AttentionKind::MeetingOverdue,
        AttentionKind::ReviewDue,
        AttentionKind::EarlyWarning,
        AttentionKind::SentimentDrop,
        AttentionKind::StaleKpi,
        AttentionKind::AgreementReview,
        AttentionKind::Renewal,
    ];

    /// The stable name used in `status --format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            AttentionKind::OverdueMilestone => "overdue_milestone",
            AttentionKind::RedKpi => "red_kpi",
            AttentionKind::EarlyWarning => "early_warning",
            AttentionKind::StaleKpi => "stale_kpi",
            AttentionKind::CheckinOverdue => "checkin_overdue",
            AttentionKind::AgreementReview => "agreement_review",
            AttentionKind::Renewal => "renewal",
            AttentionKind::ActionOverdue => "action_overdue",
            AttentionKind::DeliverableOverdue => "deliverable_overdue",
            AttentionKind::ReviewDue => "review_due",
            AttentionKind::MeetingOverdue => "meeting_overdue",
            AttentionKind::NoAgreement => "no_agreement",
            AttentionKind::SentimentDrop => "sentiment_drop",
        }
    }

    /// A short label for lists (at most 14 characters).
    pub fn label(self) -> &'static str {
        match self {
            AttentionKind::OverdueMilestone => "late milestone",
            AttentionKind::RedKpi => "red KPI",
            AttentionKind::EarlyWarning => "KPI warning",
            AttentionKind::StaleKpi => "stale KPI",
            AttentionKind::CheckinOverdue => "check-in due",
            AttentionKind::AgreementReview => "review due",
            AttentionKind::Renewal => "renewal due",
            AttentionKind::ActionOverdue => "late action",
            AttentionKind::DeliverableOverdue => "late delivery",
            AttentionKind::ReviewDue => "partner review",
            AttentionKind::MeetingOverdue => "meeting due",
            AttentionKind::NoAgreement => "no agreement",
            AttentionKind::SentimentDrop => "sentiment drop",
        }
    }
}

/// One thing that needs attention.
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionItem {
    /// The partner's id (its file name without `.ron`).
    pub partner: String,
    pub partner_name: String,
    pub kind: AttentionKind,
    /// The thing itself, short: a KPI's name, a milestone's title, an action's text.
    pub subject: String,
    /// The id of the record it is about (the KPI, milestone, deliverable, action
    /// item or charter meeting), so the dashboard can open on it; `None` for the
    /// partnership as a whole.
    pub record: Option<String>,
    /// What needs attention, e.g. "KPI Joint revenue is red".
    pub what: String,
    /// The rule and numbers behind it.
    pub why: String,
    pub due: Option<NaiveDate>,
    /// How urgent, larger first: see `urgency`.
    pub urgency: i64,
}

impl AttentionItem {
    /// "KPI Joint revenue is red: 23 points behind plan (…) → red".
    pub fn message(&self) -> String {
        format!("{}: {}", self.what, self.why)
    }

    /// When it is, for a list: its `timing`, or "now" for an item without a date
    /// (a red KPI is wrong now).
    pub fn when(&self, today: NaiveDate) -> String {
        match self.timing(today) {
            timing if timing.is_empty() => "now".into(),
            timing => timing,
        }
    }

    /// "8 days late", "in 12 days", or "" when the item has no date.
    pub fn timing(&self, today: NaiveDate) -> String {
        match self.due {
            None => String::new(),
            Some(due) => match days_between(today, due) {
                0 => "today".into(),
                1 => "tomorrow".into(),
                -1 => "1 day late".into(),
                n if n < 0 => format!("{} days late", -n),
                n => format!("in {n} days"),
            },
        }
    }
}

/// How bad an item is, for a symbol at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Already wrong: a red KPI, joint work without a signed agreement, or something
    /// past its date.
    Critical,
    /// Heading the wrong way: an early warning, a stale KPI, a sentiment drop.
    Warning,
    /// Coming due.
    Upcoming,
}

impl Severity {
    /// The mark every view puts before an item — the Overview, `status`, the
    /// report — so it reads the same everywhere, with or without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Critical => "▲",
            Severity::Warning => "◆",
            // A hollow ▲, not ○: ○ is already "poor" health and a "red" KPI.
            Severity::Upcoming => "△",
        }
    }

    /// The word for scripts (`status --format json`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Warning => "warning",
            Severity::Upcoming => "upcoming",
        }
    }
}

impl AttentionItem {
    pub fn severity(&self, today: NaiveDate) -> Severity {
        match self.kind {
            AttentionKind::RedKpi | AttentionKind::NoAgreement => Severity::Critical,
            AttentionKind::EarlyWarning
            | AttentionKind::StaleKpi
            | AttentionKind::SentimentDrop => Severity::Warning,
            _ if self.due.is_some_and(|due| due < today) => Severity::Critical,
            _ => Severity::Upcoming,
        }
    }
}

/// The urgency rule: red KPIs first (the partnership is missing what it set out to
/// do), then joint work without a signed agreement, then things past their date
/// (the later, the higher), then early warnings, sentiment drops and stale KPIs,
/// then what is coming due (the sooner, the higher).
fn urgency(kind: AttentionKind, due: Option<NaiveDate>, today: NaiveDate) -> i64 {
    let late_by = due.map_or(0, |due| days_between(due, today));
    match kind {
        AttentionKind::RedKpi => 3_000_000,
        AttentionKind::NoAgreement => 2_500_000,
        AttentionKind::EarlyWarning | AttentionKind::StaleKpi | AttentionKind::SentimentDrop => {
            1_000_000 + late_by
        }
        _ if late_by > 0 => 2_000_000 + late_by,
        _ => late_by,
    }
}

/// Everything about `partner` that needs attention on `today`.
pub fn partner_attention(
    id: &str,
    partner: &Partner,
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let assessments = assess_all(partner, workspace, today);
    attention_from(id, partner, workspace, today, &assessments)
}

/// Sorts items by urgency, most urgent first; ties by partner name then what.
pub fn sort_by_urgency(items: &mut [AttentionItem]) {
    items.sort_by_cached_key(|item| {
        (
            std::cmp::Reverse(item.urgency),
            item.partner_name.to_lowercase(),
            item.kind,
            item.what.clone(),
        )
    });
}

/// Everything in the portfolio that needs attention, most urgent first.
pub fn portfolio_attention<'a>(
    partners: impl IntoIterator<Item = (&'a str, &'a Partner)>,
    workspace: &Workspace,
    today: NaiveDate,
) -> Vec<AttentionItem> {
    let mut items: Vec<AttentionItem> = partners
        .into_iter()
        .flat_map(|(id, partner)| partner_attention(id, partner, workspace, today))
        .collect();
    sort_by_urgency(&mut items);
    items
}

/// The word pairs of `text`, lower case, punctuation and arrows left out: what
/// "never repeats a word pair" is checked on.
pub fn word_pairs(text: &str) -> Vec<(String, String)> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect();
    words
        .windows(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

/// The first word pair `text` says twice, if any.
pub fn repeated_pair(text: &str) -> Option<(String, String)> {
    let pairs = word_pairs(text);
    pairs
        .iter()
        .enumerate()
        .find(|(index, pair)| pairs[..*index].contains(pair))
        .map(|(_, pair)| pair.clone())
}
