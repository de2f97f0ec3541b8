//! What a new workspace starts with: the stages of a partnership's life, the
//! milestone phases, the scoring criteria, the KPI perspectives, the thresholds
//! and the cadences — each editable afterwards.

use super::{Criterion, Perspective, Phase, StageDef, StageRole};
use crate::domain::partner::slugify;

pub(super) fn default_amber_points() -> u32 {
    10
}

pub(super) fn default_red_points() -> u32 {
    20
}

pub(super) fn default_amber_margin() -> u32 {
    10
}

pub(super) fn default_grace_share() -> u32 {
    10
}

pub(super) fn default_grace_days() -> u32 {
    14
}

pub(super) fn default_cadence() -> u32 {
    14
}

pub(super) fn default_review_cadence() -> u32 {
    90
}

pub(super) fn default_review_notice() -> u32 {
    30
}

pub(super) fn default_renewal_notice() -> u32 {
    60
}

fn stage(id: &str, name: &str, role: StageRole, checkin: bool) -> StageDef {
    StageDef {
        id: id.to_string(),
        name: name.to_string(),
        role,
        checkin,
    }
}

pub fn default_stages() -> Vec<StageDef> {
    use StageRole::*;
    vec![
        stage("prospect", "Prospect", Candidate, false),
        stage("assessing", "Assessing", Candidate, false),
        stage("formalizing", "Formalizing", Formalizing, true),
        stage("active", "Active", Operating, true),
        stage("expanding", "Expanding", Operating, true),
        stage("paused", "Paused", Closed, false),
        stage("ended", "Ended", Closed, false),
    ]
}

pub fn default_phases() -> Vec<Phase> {
    [
        "Foundation",
        "Agreement",
        "Launch",
        "Evaluation",
        "Expansion",
    ]
    .map(|name| Phase {
        id: slugify(name),
        name: name.to_string(),
    })
    .to_vec()
}

pub fn default_criteria() -> Vec<Criterion> {
    [
        (
            "Strategic fit",
            3.0,
            "How well the partner serves our goals and theirs",
        ),
        ("Expertise", 2.0, "What they know and can do that we cannot"),
        (
            "Innovation potential",
            1.0,
            "New ideas, products or ways of working they bring",
        ),
        (
            "Collaboration readiness",
            2.0,
            "People, time and will to work together",
        ),
        (
            "Resource compatibility",
            1.0,
            "Money, staff and assets that fit what the work needs",
        ),
        (
            "Cultural fit",
            2.0,
            "Shared values and a way of working that meshes",
        ),
        (
            "Financial stability",
            2.0,
            "Whether they will still be there when it matters",
        ),
        (
            "Track record",
            1.0,
            "Partnerships like this one they have made work",
        ),
    ]
    .map(|(name, weight, description)| Criterion {
        id: slugify(name),
        name: name.to_string(),
        weight,
        description: description.to_string(),
        retired: false,
    })
    .to_vec()
}

pub fn default_perspectives() -> Vec<Perspective> {
    ["Financial", "Customer", "Operations", "Learning"]
        .map(|name| Perspective {
            id: slugify(name),
            name: name.to_string(),
        })
        .to_vec()
}
