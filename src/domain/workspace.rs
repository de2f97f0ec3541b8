//! The workspace: the team, its pipeline stages, scoring criteria, KPI perspectives,
//! RAG thresholds and check-in cadence — all editable data with sensible defaults.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema version this build writes and fully understands.
pub const WORKSPACE_VERSION: u32 = 1;

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
    /// Days between check-ins when a partner's charter does not say otherwise.
    #[serde(default = "default_cadence")]
    pub checkin_cadence_days: u32,
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

/// One pipeline stage. `checkin` marks stages the weekly check-in walks through;
/// `closed` marks stages where the partnership is on hold or over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageDef {
    pub name: String,
    #[serde(default)]
    pub checkin: bool,
    #[serde(default)]
    pub closed: bool,
}

/// A selection criterion and its weight (any non-negative number; only ratios matter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    pub weight: f64,
}

/// KPI status thresholds, as the share of the progress expected by today that has
/// actually been made: at or above `green_percent` is green, at or above
/// `amber_percent` amber, below it red.
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

fn stage(name: &str, checkin: bool, closed: bool) -> StageDef {
    StageDef {
        name: name.to_string(),
        checkin,
        closed,
    }
}

pub fn default_stages() -> Vec<StageDef> {
    vec![
        stage("Prospect", false, false),
        stage("Assessing", false, false),
        stage("Formalizing", true, false),
        stage("Active", true, false),
        stage("Expanding", true, false),
        stage("Paused", false, true),
        stage("Ended", false, true),
    ]
}

pub fn default_phases() -> Vec<String> {
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

pub fn default_criteria() -> Vec<Criterion> {
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

pub fn default_perspectives() -> Vec<String> {
    ["Financial", "Customer", "Operations", "Learning"]
        .map(String::from)
        .to_vec()
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
            checkin_cadence_days: default_cadence(),
            demo_as_of: None,
        }
    }

    pub fn stage(&self, name: &str) -> Option<&StageDef> {
        self.stages.iter().find(|stage| stage.name == name)
    }

    pub fn stage_index(&self, name: &str) -> Option<usize> {
        self.stages.iter().position(|stage| stage.name == name)
    }

    /// Whether partners in this stage are walked through by the weekly check-in.
    pub fn is_checkin_stage(&self, name: &str) -> bool {
        self.stage(name).is_some_and(|stage| stage.checkin)
    }

    pub fn is_closed_stage(&self, name: &str) -> bool {
        self.stage(name).is_some_and(|stage| stage.closed)
    }

    /// The display name for a member handle, or the handle itself when unknown.
    pub fn member_name<'a>(&'a self, handle: &'a str) -> &'a str {
        self.members
            .iter()
            .find(|member| member.handle == handle)
            .map_or(handle, |member| member.name.as_str())
    }
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
        assert!(workspace.is_checkin_stage("Active"));
        assert!(!workspace.is_checkin_stage("Prospect"));
        assert!(workspace.is_closed_stage("Ended"));
        assert_eq!(workspace.criteria.len(), 8);
        assert_eq!(workspace.phases.len(), 5);
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
