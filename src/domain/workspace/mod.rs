//! The workspace: the team, its pipeline stages (each with a role the rules use),
//! scoring criteria, KPI perspectives, milestone phases, RAG thresholds, the grace
//! period of new KPIs, and the cadences and notice periods — all editable data with
//! sensible defaults.
//!
//! Stages, criteria, perspectives and phases each have a readable `id` (a slug of
//! the name they were created with) that partner files refer to, and a display
//! `name` that can be changed without touching any partner file.

mod defaults;
pub mod edit;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use defaults::{
    default_amber_margin, default_amber_points, default_cadence, default_grace_days,
    default_grace_share, default_red_points, default_renewal_notice, default_review_cadence,
    default_review_notice,
};
pub use defaults::{default_criteria, default_perspectives, default_phases, default_stages};
pub use edit::{ListEntry, NamedList, StageKept, Uses};

use super::partner::slug_or;

/// The schema version this build writes and fully understands.
pub const WORKSPACE_VERSION: u32 = 2;

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
    pub phases: Vec<Phase>,
    #[serde(default = "default_criteria")]
    pub criteria: Vec<Criterion>,
    #[serde(default = "default_perspectives")]
    pub perspectives: Vec<Perspective>,
    #[serde(default)]
    pub thresholds: RagThresholds,
    /// How long a new KPI is "too early to tell".
    #[serde(default)]
    pub kpi_grace: GracePeriod,
    /// Days between check-ins when a partner's charter does not say otherwise.
    #[serde(default = "default_cadence")]
    pub checkin_cadence_days: u32,
    /// Days between reviews of a partnership that is under way (usually quarterly).
    #[serde(default = "default_review_cadence")]
    pub review_cadence_days: u32,
    /// Days ahead an agreement review is flagged, unless the agreement says otherwise.
    #[serde(default = "default_review_notice")]
    pub review_notice_days: u32,
    /// Days ahead an agreement's expiry (its renewal) is flagged, unless the
    /// agreement says otherwise.
    #[serde(default = "default_renewal_notice")]
    pub renewal_notice_days: u32,
    /// Set by `init --demo`: the date the demo was made for, used as "today" unless
    /// `--today` says otherwise, so the demo never goes stale.
    #[serde(default, with = "crate::domain::dates::serde_opt_date")]
    pub demo_as_of: Option<NaiveDate>,
}

/// A person on the team; owners and authors refer to members by `handle`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub handle: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// Where a stage sits in the life of a partnership. Rules (health, attention, the
/// check-in) look at the role, never at the stage's name, so stages can be renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum StageRole {
    /// Choosing the partner, before there is an agreement.
    #[default]
    Candidate,
    /// Agreeing the terms.
    Formalizing,
    /// Joint work under way.
    Operating,
    /// On hold or over.
    Closed,
}

impl StageRole {
    pub const ALL: [StageRole; 4] = [
        StageRole::Candidate,
        StageRole::Formalizing,
        StageRole::Operating,
        StageRole::Closed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StageRole::Candidate => "candidate",
            StageRole::Formalizing => "formalizing",
            StageRole::Operating => "operating",
            StageRole::Closed => "closed",
        }
    }
}

/// One pipeline stage. `checkin` marks stages the weekly check-in walks through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageDef {
    /// What partner files and stage history say; never changes.
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: StageRole,
    #[serde(default)]
    pub checkin: bool,
}

impl StageDef {
    pub fn is_closed(&self) -> bool {
        self.role == StageRole::Closed
    }
}

/// A milestone phase (Foundation, Agreement, Launch…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    #[serde(default)]
    pub id: String,
    pub name: String,
}

/// A KPI perspective (Financial, Customer…), the groups of the scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    #[serde(default)]
    pub id: String,
    pub name: String,
}

/// A selection criterion and its weight (any non-negative number; only ratios
/// matter). Removing a criterion retires it: it leaves the weighted score and the
/// matrix, and the scores given for it stay in the partner files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub weight: f64,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub retired: bool,
}

/// KPI status thresholds, in percentage points of the way to target that a KPI is
/// behind the straight planned path: behind by `amber_points` or more is amber, by
/// `red_points` or more red. A *maintain* KPI on the wrong side of its level is
/// amber within `amber_margin_percent` of the level, red beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagThresholds {
    #[serde(default = "default_amber_points")]
    pub amber_points: u32,
    #[serde(default = "default_red_points")]
    pub red_points: u32,
    #[serde(default = "default_amber_margin")]
    pub amber_margin_percent: u32,
}

impl Default for RagThresholds {
    fn default() -> Self {
        Self {
            amber_points: default_amber_points(),
            red_points: default_red_points(),
            amber_margin_percent: default_amber_margin(),
        }
    }
}

/// A new KPI is too early to judge for `share_percent` of its span from start to
/// target date, and for at least `min_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GracePeriod {
    #[serde(default = "default_grace_share")]
    pub share_percent: u32,
    #[serde(default = "default_grace_days")]
    pub min_days: u32,
}

impl Default for GracePeriod {
    fn default() -> Self {
        Self {
            share_percent: default_grace_share(),
            min_days: default_grace_days(),
        }
    }
}

/// A unique slug id for `name` among `taken`: the slug of the name (`fallback`
/// when nothing of it is left), with `-2`, `-3`… added on a clash.
pub fn unique_id(name: &str, fallback: &str, taken: &[&str]) -> String {
    let base = slug_or(name, fallback);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or(base)
}

/// Gives every entry without an id the slug of its name; returns how many.
fn fill_slugs<T>(
    list: &mut [T],
    fallback: &str,
    id: fn(&mut T) -> &mut String,
    name: fn(&T) -> &str,
) -> usize {
    let mut taken: Vec<String> = Vec::new();
    for entry in list.iter_mut() {
        let current = id(entry).trim().to_string();
        if !current.is_empty() {
            taken.push(current);
        }
    }
    let mut filled = 0;
    for entry in list.iter_mut() {
        if id(entry).trim().is_empty() {
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            let new = unique_id(name(entry), fallback, &refs);
            taken.push(new.clone());
            *id(entry) = new;
            filled += 1;
        }
    }
    filled
}

impl Workspace {
    /// A new workspace with the default stages, phases, criteria and perspectives.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            version: WORKSPACE_VERSION,
            name: name.into(),
            members: Vec::new(),
            stages: default_stages(),
            phases: default_phases(),
            criteria: default_criteria(),
            perspectives: default_perspectives(),
            thresholds: RagThresholds::default(),
            kpi_grace: GracePeriod::default(),
            checkin_cadence_days: default_cadence(),
            review_cadence_days: default_review_cadence(),
            review_notice_days: default_review_notice(),
            renewal_notice_days: default_renewal_notice(),
            demo_as_of: None,
        }
    }

    /// Gives every stage, phase, criterion and perspective written without an id the
    /// slug of its name (unique in its list); returns how many were given one.
    pub fn fill_missing_ids(&mut self) -> usize {
        fill_slugs(&mut self.stages, "stage", |s| &mut s.id, |s| &s.name)
            + fill_slugs(&mut self.phases, "phase", |p| &mut p.id, |p| &p.name)
            + fill_slugs(&mut self.criteria, "criterion", |c| &mut c.id, |c| &c.name)
            + fill_slugs(
                &mut self.perspectives,
                "perspective",
                |p| &mut p.id,
                |p| &p.name,
            )
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&StageDef> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|stage| stage.id == id)
    }

    /// The name to show for a stage id; the id itself when the workspace lacks it.
    pub fn stage_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.stage(id).map_or(id, |stage| stage.name.as_str())
    }

    pub fn stage_role(&self, id: &str) -> Option<StageRole> {
        self.stage(id).map(|stage| stage.role)
    }

    /// Whether partners in this stage are walked through by the weekly check-in.
    pub fn is_checkin_stage(&self, id: &str) -> bool {
        self.stage(id).is_some_and(|stage| stage.checkin)
    }

    pub fn is_closed_stage(&self, id: &str) -> bool {
        self.stage(id).is_some_and(StageDef::is_closed)
    }

    /// The id of the stage called `name` (exactly, else ignoring case), else the
    /// slug of the name: how a version 1 file's stage names become ids.
    pub fn stage_id_for_name(&self, name: &str) -> String {
        id_for_name(name, self.stages.iter().map(|s| (&s.id, &s.name)), "stage")
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|criterion| criterion.id == id)
    }

    /// The criteria that count: those not retired, in the workspace's order.
    pub fn active_criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(|criterion| !criterion.retired)
    }

    pub fn criterion_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.criterion(id)
            .map_or(id, |criterion| criterion.name.as_str())
    }

    pub fn criterion_id_for_name(&self, name: &str) -> String {
        id_for_name(
            name,
            self.criteria.iter().map(|c| (&c.id, &c.name)),
            "criterion",
        )
    }

    pub fn phase_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.phases
            .iter()
            .find(|phase| phase.id == id)
            .map_or(id, |phase| phase.name.as_str())
    }

    pub fn phase_id_for_name(&self, name: &str) -> String {
        id_for_name(name, self.phases.iter().map(|p| (&p.id, &p.name)), "phase")
    }

    pub fn perspective_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.perspectives
            .iter()
            .find(|perspective| perspective.id == id)
            .map_or(id, |perspective| perspective.name.as_str())
    }

    pub fn perspective_id_for_name(&self, name: &str) -> String {
        id_for_name(
            name,
            self.perspectives.iter().map(|p| (&p.id, &p.name)),
            "perspective",
        )
    }

    /// The display name for a member handle, or the handle itself when unknown.
    pub fn member_name<'a>(&'a self, handle: &'a str) -> &'a str {
        self.members
            .iter()
            .find(|member| member.handle == handle)
            .map_or(handle, |member| member.name.as_str())
    }
}

/// The id of the entry named `name` (exactly, else ignoring case), else the slug of
/// the name; an empty name stays empty (nothing named).
fn id_for_name<'a>(
    name: &str,
    entries: impl Iterator<Item = (&'a String, &'a String)> + Clone,
    fallback: &str,
) -> String {
    let name = name.trim();
    if name.is_empty() {
        return String::new();
    }
    entries
        .clone()
        .find(|(_, candidate)| candidate.trim() == name)
        .or_else(|| {
            entries
                .clone()
                .find(|(_, candidate)| candidate.trim().to_lowercase() == name.to_lowercase())
        })
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| unique_id(name, fallback, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_partnership_life_cycle() {
        let workspace = Workspace::new("Team");
        let names: Vec<_> = workspace.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Prospect",
                "Assessing",
                "Formalizing",
                "Active",
                "Expanding",
                "Paused",
                "Ended"
            ]
        );
        let roles: Vec<_> = workspace.stages.iter().map(|s| s.role.label()).collect();
        assert_eq!(
            roles,
            [
                "candidate",
                "candidate",
                "formalizing",
                "operating",
                "operating",
                "closed",
                "closed"
            ]
        );
        assert!(workspace.is_checkin_stage("active"));
        assert!(!workspace.is_checkin_stage("prospect"));
        assert!(workspace.is_closed_stage("ended"));
        assert_eq!(workspace.stage_name("active"), "Active");
        assert_eq!(workspace.stage_name("limbo"), "limbo");
        assert_eq!(workspace.criteria.len(), 8);
        assert_eq!(workspace.criteria[0].id, "strategic-fit");
        assert_eq!(workspace.phases.len(), 5);
        assert_eq!(workspace.perspectives[1].id, "customer");
        assert_eq!(workspace.thresholds.amber_points, 10);
        assert_eq!(workspace.thresholds.red_points, 20);
        assert_eq!(workspace.kpi_grace.share_percent, 10);
        assert_eq!(workspace.kpi_grace.min_days, 14);
        assert_eq!(workspace.review_cadence_days, 90);
        assert_eq!(
            (workspace.review_notice_days, workspace.renewal_notice_days),
            (30, 60)
        );
    }

    #[test]
    fn renaming_a_stage_keeps_its_id() {
        let mut workspace = Workspace::new("Team");
        workspace.stages[3].name = "Live".into();
        assert_eq!(workspace.stage_name("active"), "Live");
        assert!(workspace.is_checkin_stage("active"));
    }

    #[test]
    fn names_map_to_ids_exactly_then_ignoring_case_then_by_slug() {
        let mut workspace = Workspace::new("Team");
        workspace.stages[3].id = "live".into();
        assert_eq!(workspace.stage_id_for_name("Active"), "live");
        assert_eq!(workspace.stage_id_for_name("active "), "live");
        assert_eq!(workspace.stage_id_for_name("On Hold"), "on-hold");
        assert_eq!(workspace.stage_id_for_name("北京"), "stage");
        assert_eq!(workspace.stage_id_for_name(""), "");
        assert_eq!(
            workspace.criterion_id_for_name("strategic FIT"),
            "strategic-fit"
        );
    }

    #[test]
    fn missing_ids_become_unique_slugs_of_the_names() {
        let mut workspace = Workspace::new("Team");
        workspace.stages[0].id.clear();
        workspace.stages.push(StageDef {
            id: String::new(),
            name: "Prospect".into(),
            role: StageRole::Candidate,
            checkin: false,
        });
        assert_eq!(workspace.fill_missing_ids(), 2);
        assert_eq!(workspace.stages[0].id, "prospect");
        assert_eq!(workspace.stages[7].id, "prospect-2");
        assert_eq!(workspace.fill_missing_ids(), 0);
    }

    #[test]
    fn retired_criteria_do_not_count() {
        let mut workspace = Workspace::new("Team");
        workspace.criteria[1].retired = true;
        assert_eq!(workspace.active_criteria().count(), 7);
        assert_eq!(workspace.criterion_name("expertise"), "Expertise");
    }

    #[test]
    fn member_names_fall_back_to_the_handle() {
        let mut workspace = Workspace::new("Team");
        workspace.members.push(Member {
            handle: "maya".into(),
            name: "Maya Okafor".into(),
            role: String::new(),
        });
        assert_eq!(workspace.member_name("maya"), "Maya Okafor");
        assert_eq!(workspace.member_name("zed"), "zed");
    }
}
