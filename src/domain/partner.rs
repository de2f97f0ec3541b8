//! A partner and everything recorded about the partnership: goals, roles, contacts,
//! the agreement checklist, the communication charter, feedback, check-ins, reviews
//! and stage history. Milestones, KPIs and scores live in their own modules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::agreement::*;
use super::dates::{serde_date, serde_opt_date};
use super::kpi::Kpi;
use super::scoring::Score;
use super::timeline::Milestone;

/// The schema version this build writes and fully understands.
pub const PARTNER_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub owner: String,
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
    /// Action items agreed outside a check-in or a review.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub history: Vec<StageChange>,
}

/// Which side of the partnership someone or something belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Side {
    #[default]
    Ours,
    Theirs,
    Joint,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Ours, Side::Theirs, Side::Joint];

    pub fn label(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
            Side::Joint => "joint",
        }
    }
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

/// A shared goal; see `smart` for the checks it must pass.
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
    /// Both sides have signed up to this goal.
    #[serde(default)]
    pub agreed_by_both: bool,
}

/// Who does what, on which side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub side: Side,
    pub who: String,
    pub responsibility: String,
}

/// How the partners talk to each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// Days between check-ins for this partner; the workspace default when `None`.
    #[serde(default)]
    pub checkin_cadence_days: Option<u32>,
    #[serde(default)]
    pub meetings: Vec<MeetingTier>,
    #[serde(default)]
    pub primary_channel: String,
    #[serde(default)]
    pub secondary_channel: String,
    /// Expected response time, in hours.
    #[serde(default)]
    pub response_hours: Option<u32>,
    /// Who to go to, in order, when something is stuck.
    #[serde(default)]
    pub escalation: Vec<String>,
    #[serde(default)]
    pub confidentiality: String,
}

/// The level at which a recurring meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Tier {
    Leadership,
    #[default]
    Operational,
    Tactical,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Leadership, Tier::Operational, Tier::Tactical];

    pub fn label(self) -> &'static str {
        match self {
            Tier::Leadership => "leadership",
            Tier::Operational => "operational",
            Tier::Tactical => "tactical",
        }
    }
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

/// Dated stakeholder input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
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

/// Where an action item lives: a check-in, a review's adjustments, or the partner's
/// own list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionSource {
    CheckIn(usize),
    Review(usize),
    Partner,
}

/// Something someone agreed to do, from a check-in or a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "serde_opt_date")]
    pub due: Option<NaiveDate>,
    /// The day it was done; `None` while open.
    #[serde(default, with = "serde_opt_date")]
    pub done: Option<NaiveDate>,
}

impl ActionItem {
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }
}

/// A dated check-in note with its action items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub author: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub goal: String,
    pub rating: OutcomeRating,
    #[serde(default)]
    pub comment: String,
}

/// A periodic evaluation of the partnership.
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
    #[serde(default)]
    pub adjustments: Vec<ActionItem>,
}

/// One move through the pipeline.
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

impl Partner {
    /// A new partner with nothing recorded yet.
    pub fn new(
        name: impl Into<String>,
        kind: impl Into<String>,
        owner: impl Into<String>,
        stage: impl Into<String>,
        today: NaiveDate,
    ) -> Self {
        Self {
            version: PARTNER_VERSION,
            name: name.into(),
            kind: kind.into(),
            owner: owner.into(),
            stage: stage.into(),
            stage_since: today,
            tags: Vec::new(),
            summary: String::new(),
            contacts: Vec::new(),
            goals: Vec::new(),
            roles: Vec::new(),
            agreement: Agreement::default(),
            charter: Charter::default(),
            scores: Vec::new(),
            milestones: Vec::new(),
            kpis: Vec::new(),
            feedback: Vec::new(),
            checkins: Vec::new(),
            reviews: Vec::new(),
            actions: Vec::new(),
            history: Vec::new(),
        }
    }

    /// Days between check-ins: the charter's, else the workspace default.
    pub fn cadence_days(&self, workspace_default: u32) -> u32 {
        self.charter
            .checkin_cadence_days
            .unwrap_or(workspace_default)
            .max(1)
    }

    /// The date of the most recent check-in on or before `today`.
    pub fn last_checkin(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.checkins
            .iter()
            .map(|checkin| checkin.date)
            .filter(|date| *date <= today)
            .max()
    }

    /// When the next check-in is due: the cadence after the last one, or after the
    /// partner entered its stage when there has been none.
    pub fn checkin_due(&self, workspace_default: u32, today: NaiveDate) -> NaiveDate {
        let since = self.last_checkin(today).unwrap_or(self.stage_since);
        super::dates::add_days(since, i64::from(self.cadence_days(workspace_default)))
    }

    /// Every action item — from check-ins, review adjustments and on its own — with
    /// where it lives.
    pub fn sourced_actions(&self) -> impl Iterator<Item = (ActionSource, usize, &ActionItem)> {
        let checkins = self.checkins.iter().enumerate().flat_map(|(c, checkin)| {
            checkin
                .actions
                .iter()
                .enumerate()
                .map(move |(i, action)| (ActionSource::CheckIn(c), i, action))
        });
        let reviews = self.reviews.iter().enumerate().flat_map(|(r, review)| {
            review
                .adjustments
                .iter()
                .enumerate()
                .map(move |(i, action)| (ActionSource::Review(r), i, action))
        });
        let own = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, action)| (ActionSource::Partner, i, action));
        checkins.chain(reviews).chain(own)
    }

    /// Every action item, wherever it was agreed.
    pub fn action_items(&self) -> impl Iterator<Item = &ActionItem> {
        self.sourced_actions().map(|(_, _, action)| action)
    }

    pub fn action(&self, source: ActionSource, index: usize) -> Option<&ActionItem> {
        match source {
            ActionSource::CheckIn(c) => self.checkins.get(c)?.actions.get(index),
            ActionSource::Review(r) => self.reviews.get(r)?.adjustments.get(index),
            ActionSource::Partner => self.actions.get(index),
        }
    }

    pub fn action_mut(&mut self, source: ActionSource, index: usize) -> Option<&mut ActionItem> {
        match source {
            ActionSource::CheckIn(c) => self.checkins.get_mut(c)?.actions.get_mut(index),
            ActionSource::Review(r) => self.reviews.get_mut(r)?.adjustments.get_mut(index),
            ActionSource::Partner => self.actions.get_mut(index),
        }
    }

    /// Removes an action item wherever it lives.
    pub fn remove_action(&mut self, source: ActionSource, index: usize) -> Option<ActionItem> {
        let list = match source {
            ActionSource::CheckIn(c) => &mut self.checkins.get_mut(c)?.actions,
            ActionSource::Review(r) => &mut self.reviews.get_mut(r)?.adjustments,
            ActionSource::Partner => &mut self.actions,
        };
        (index < list.len()).then(|| list.remove(index))
    }

    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.action_items().filter(|action| action.is_open())
    }

    /// Moves the partner to `to`, recording who did it, when and why.
    pub fn move_to_stage(
        &mut self,
        to: impl Into<String>,
        author: impl Into<String>,
        reason: impl Into<String>,
        today: NaiveDate,
    ) {
        let to = to.into();
        self.history.push(StageChange {
            date: today,
            author: author.into(),
            from: std::mem::replace(&mut self.stage, to.clone()),
            to,
            reason: reason.into(),
        });
        self.stage_since = today;
    }
}

/// A slug for a partner's file name: lower case ASCII letters and digits joined by
/// single dashes ("Acme & Co." → "acme-co"); "partner" when nothing is left.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for ch in name.chars() {
        let ch = fold_accent(ch);
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug.truncate(60);
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "partner".to_string()
    } else {
        slug
    }
}

/// A unique slug: `slugify(name)`, with `-2`, `-3`… added while `taken` says it is used.
pub fn unique_slug(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slugify(name);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// The common Latin accented letters folded to ASCII, so "Café Müller" keeps its letters.
fn fold_accent(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_single_dashes() {
        assert_eq!(slugify("Acme & Co."), "acme-co");
        assert_eq!(slugify("  Café Müller  "), "cafe-muller");
        assert_eq!(slugify("北京"), "partner");
        assert_eq!(slugify("--x--y--"), "x-y");
        assert!(slugify(&"a".repeat(200)).len() <= 60);
    }

    #[test]
    fn a_clashing_slug_gets_a_suffix() {
        let taken = ["acme", "acme-2"];
        assert_eq!(unique_slug("Acme", |s| taken.contains(&s)), "acme-3");
        assert_eq!(unique_slug("Other", |s| taken.contains(&s)), "other");
    }

    #[test]
    fn moving_a_stage_records_history() {
        let mut partner = Partner::new("Acme", "startup", "maya", "Prospect", day("2026-01-01"));
        partner.move_to_stage("Assessing", "maya", "", day("2026-02-01"));
        assert_eq!(partner.stage, "Assessing");
        assert_eq!(partner.stage_since, day("2026-02-01"));
        assert_eq!(partner.history.len(), 1);
        assert_eq!(partner.history[0].from, "Prospect");
        assert_eq!(partner.history[0].to, "Assessing");
        assert_eq!(partner.history[0].author, "maya");
    }

    #[test]
    fn missing_components_lists_everything_not_agreed() {
        let mut agreement = Agreement::default();
        assert_eq!(agreement.missing_components().len(), 7);
        agreement.governance.status = ClauseStatus::Agreed;
        agreement.exit_strategy.status = ClauseStatus::NeedsReview;
        let missing = agreement.missing_components();
        assert_eq!(missing.len(), 6);
        assert!(!missing.contains(&Component::Governance));
        assert_eq!(agreement.agreed_count(), 1);
    }

    #[test]
    fn clause_statuses_cycle_through_all_four() {
        let mut status = ClauseStatus::NotStarted;
        for _ in 0..4 {
            status = status.next();
        }
        assert_eq!(status, ClauseStatus::NotStarted);
    }

    #[test]
    fn last_checkin_ignores_future_dates_and_actions_include_reviews() {
        let mut partner = Partner::new("Acme", "startup", "maya", "Active", day("2026-01-01"));
        for date in ["2026-03-01", "2026-03-15", "2026-12-01"] {
            partner.checkins.push(CheckIn {
                date: day(date),
                author: "maya".into(),
                note: String::new(),
                actions: vec![ActionItem {
                    text: "x".into(),
                    ..ActionItem::default()
                }],
            });
        }
        partner.reviews.push(Review {
            date: day("2026-03-20"),
            author: "maya".into(),
            period: "Q1".into(),
            outcomes: vec![],
            worked: String::new(),
            challenges: String::new(),
            adjustments: vec![ActionItem {
                text: "y".into(),
                done: Some(day("2026-03-21")),
                ..ActionItem::default()
            }],
        });
        assert_eq!(
            partner.last_checkin(day("2026-04-01")),
            Some(day("2026-03-15"))
        );
        assert_eq!(partner.action_items().count(), 4);
        assert_eq!(partner.open_actions().count(), 3);
    }
}
