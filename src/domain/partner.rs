//! A partner and what is recorded about who they are and how the partnership is
//! run: contacts, goals, roles, the agreement (see `agreement`), the communication
//! charter. Activity over time (feedback, check-ins, action items, reviews, stage
//! history) lives in `activity`; milestones, KPIs and scores in their own modules;
//! record ids in `ids` and `records`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::activity::*;
pub use super::agreement::*;
use super::dates::{serde_date, serde_opt_date};
use super::kpi::Kpi;
use super::scoring::Score;
use super::timeline::Milestone;

/// The schema version this build writes and fully understands.
pub const PARTNER_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub kind: String,
    /// A member handle.
    #[serde(default)]
    pub owner: String,
    /// A stage id of the workspace.
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
    /// Every action item, wherever it was agreed (a check-in, a review, or on its own).
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
    #[serde(default)]
    pub id: String,
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
    #[serde(default)]
    pub id: String,
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
    #[serde(default)]
    pub id: String,
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
    #[serde(default)]
    pub id: String,
    pub tier: Tier,
    pub cadence_days: u32,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub purpose: String,
}

impl Partner {
    /// A new partner with nothing recorded yet, in the stage with id `stage`.
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

    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(|action| action.is_open())
    }

    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    pub fn checkin(&self, id: &str) -> Option<&CheckIn> {
        self.checkins.iter().find(|checkin| checkin.id == id)
    }

    pub fn review(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().find(|review| review.id == id)
    }

    /// "check-in 2026-11-25", "review 2026-10-01": where an action item was agreed,
    /// or `None` for one agreed on its own (or whose origin is gone).
    pub fn origin_label(&self, action: &ActionItem) -> Option<String> {
        let origin = action.origin.as_deref()?;
        if let Some(checkin) = self.checkin(origin) {
            return Some(format!("check-in {}", checkin.date));
        }
        self.review(origin)
            .map(|review| format!("review {}", review.date))
    }

    /// The action items a check-in lists.
    pub fn actions_of_checkin<'a>(
        &'a self,
        checkin: &'a CheckIn,
    ) -> impl Iterator<Item = &'a ActionItem> {
        self.actions
            .iter()
            .filter(|action| checkin.actions.contains(&action.id))
    }

    /// Removes the action item at `index`, and its id from the check-in or review
    /// that lists it, so nothing refers to it any more.
    pub fn remove_action(&mut self, index: usize) -> Option<ActionItem> {
        if index >= self.actions.len() {
            return None;
        }
        let action = self.actions.remove(index);
        for checkin in &mut self.checkins {
            checkin.actions.retain(|id| *id != action.id);
        }
        for review in &mut self.reviews {
            review.adjustments.retain(|id| *id != action.id);
        }
        Some(action)
    }

    /// Removes the check-in at `index` and the action items agreed at it.
    pub fn remove_checkin(&mut self, index: usize) -> Option<CheckIn> {
        if index >= self.checkins.len() {
            return None;
        }
        let checkin = self.checkins.remove(index);
        self.actions.retain(|action| {
            !checkin.actions.contains(&action.id)
                && action.origin.as_deref() != Some(checkin.id.as_str())
        });
        Some(checkin)
    }

    /// Moves the partner to the stage with id `to`, recording who did it, when and why.
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
    slug_or(name, "partner")
}

/// `slugify`, with `fallback` when nothing of the name is left ("北京" → fallback).
pub fn slug_or(name: &str, fallback: &str) -> String {
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
        fallback.to_string()
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
        let mut partner = Partner::new("Acme", "startup", "maya", "prospect", day("2026-01-01"));
        partner.move_to_stage("assessing", "maya", "", day("2026-02-01"));
        assert_eq!(partner.stage, "assessing");
        assert_eq!(partner.stage_since, day("2026-02-01"));
        assert_eq!(partner.history.len(), 1);
        assert_eq!(partner.history[0].from, "prospect");
        assert_eq!(partner.history[0].to, "assessing");
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
    fn last_checkin_ignores_future_dates() {
        let mut partner = Partner::new("Acme", "startup", "maya", "active", day("2026-01-01"));
        for date in ["2026-03-01", "2026-03-15", "2026-12-01"] {
            partner.checkins.push(CheckIn::new(day(date), "maya"));
        }
        assert_eq!(
            partner.last_checkin(day("2026-04-01")),
            Some(day("2026-03-15"))
        );
    }

    /// A partner with a check-in (ci-1) that agreed ac-1, a review (rv-1) that
    /// decided ac-2, and ac-3 agreed on its own.
    fn with_actions() -> Partner {
        let mut partner = Partner::new("Acme", "startup", "maya", "active", day("2026-01-01"));
        let mut checkin = CheckIn::new(day("2026-03-01"), "maya");
        checkin.id = "ci-1".into();
        checkin.actions = vec!["ac-1".into()];
        partner.checkins.push(checkin);
        let mut review = Review::new(day("2026-03-20"), "maya");
        review.id = "rv-1".into();
        review.adjustments = vec!["ac-2".into()];
        partner.reviews.push(review);
        for (id, origin, done) in [
            ("ac-1", Some("ci-1"), None),
            ("ac-2", Some("rv-1"), Some(day("2026-03-21"))),
            ("ac-3", None, None),
        ] {
            partner.actions.push(ActionItem {
                id: id.into(),
                text: id.into(),
                origin: origin.map(String::from),
                done,
                ..ActionItem::default()
            });
        }
        partner
    }

    #[test]
    fn actions_say_where_they_were_agreed() {
        let partner = with_actions();
        assert_eq!(partner.open_actions().count(), 2);
        let labels: Vec<_> = partner
            .actions
            .iter()
            .map(|a| partner.origin_label(a))
            .collect();
        assert_eq!(
            labels,
            [
                Some("check-in 2026-03-01".to_string()),
                Some("review 2026-03-20".to_string()),
                None
            ]
        );
        let listed: Vec<_> = partner
            .actions_of_checkin(&partner.checkins[0])
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(listed, ["ac-1"]);
    }

    #[test]
    fn removing_an_action_leaves_no_reference_to_it() {
        let mut partner = with_actions();
        assert_eq!(partner.remove_action(1).map(|a| a.id), Some("ac-2".into()));
        assert!(partner.reviews[0].adjustments.is_empty());
        assert!(partner.remove_action(5).is_none());
    }

    #[test]
    fn removing_a_check_in_removes_the_actions_agreed_at_it() {
        let mut partner = with_actions();
        partner.remove_checkin(0);
        let left: Vec<_> = partner.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(left, ["ac-2", "ac-3"]);
    }
}
