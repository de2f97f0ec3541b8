//! Version 1 → 2, in memory and deterministic: the same version 1 file becomes the
//! same version 2 value on every machine. Every version 1 field is kept; what it
//! meant is kept too (stage names become the ids of those stages, inline action
//! items move into the partner's one list and keep their origin, review outcomes
//! name their goal by id or keep its text).

use crate::domain::kpi::{Kpi, KpiKind, Reading};
use crate::domain::partner::{
    ActionItem, Agreement, Amendment, Charter, CheckIn, Contact, Deliverable, Feedback, Goal,
    MeetingTier, Outcome, PARTNER_VERSION, Partner, Review, Role, StageChange,
};
use crate::domain::scoring::Score;
use crate::domain::timeline::Milestone;
use crate::domain::workspace::{
    Criterion, Perspective, Phase, RagThresholds, StageDef, StageRole, WORKSPACE_VERSION,
    Workspace, unique_id,
};

use super::v1;
use crate::text::count;

/// What a migration changed, in words, for `pactboard migrate` and `check`.
pub type Changes = Vec<String>;

/// Unique slug ids for `names`, in order.
fn slug_ids<'a>(names: impl IntoIterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for name in names {
        let taken: Vec<&str> = ids.iter().map(String::as_str).collect();
        let id = unique_id(name, fallback, &taken);
        ids.push(id);
    }
    ids
}

/// The role of a version 1 stage: closed stages are closed; the default names map
/// as the product brief says; a name speaking of an agreement (formal, agree,
/// negotiat, contract, sign) is formalizing; otherwise a stage before the first
/// check-in stage is a candidate and any later one operating.
pub fn stage_role(stages: &[v1::StageDef], index: usize) -> StageRole {
    let stage = &stages[index];
    if stage.closed {
        return StageRole::Closed;
    }
    let name = stage.name.trim().to_lowercase();
    match name.as_str() {
        "prospect" | "assessing" => return StageRole::Candidate,
        "formalizing" | "formalising" => return StageRole::Formalizing,
        "active" | "expanding" => return StageRole::Operating,
        _ => {}
    }
    if ["formal", "agree", "negotiat", "contract", "sign"]
        .iter()
        .any(|word| name.contains(word))
    {
        return StageRole::Formalizing;
    }
    match stages.iter().position(|stage| stage.checkin) {
        Some(first) if index >= first => StageRole::Operating,
        _ => StageRole::Candidate,
    }
}

/// Version 1 thresholds were shares of the expected progress (green from 90%,
/// amber from 70%); version 2 counts points behind the planned path. The old
/// defaults become the new defaults (amber from 10, red from 20 points); other
/// values keep their distance from 100: amber = 100 − green, red = 100 − amber.
pub fn thresholds(old: v1::RagThresholds) -> RagThresholds {
    if old == v1::RagThresholds::default() {
        return RagThresholds::default();
    }
    RagThresholds {
        amber_points: 100u32.saturating_sub(old.green_percent),
        red_points: 100u32.saturating_sub(old.amber_percent),
        ..RagThresholds::default()
    }
}

pub fn workspace(old: v1::Workspace) -> (Workspace, Changes) {
    let stage_ids = slug_ids(old.stages.iter().map(|s| s.name.as_str()), "stage");
    let stages: Vec<StageDef> = old
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| StageDef {
            id: stage_ids[index].clone(),
            name: stage.name.clone(),
            role: stage_role(&old.stages, index),
            checkin: stage.checkin,
        })
        .collect();
    let phase_ids = slug_ids(old.phases.iter().map(String::as_str), "phase");
    let criterion_ids = slug_ids(old.criteria.iter().map(|c| c.name.as_str()), "criterion");
    let perspective_ids = slug_ids(old.perspectives.iter().map(String::as_str), "perspective");
    let ids = stage_ids.len() + phase_ids.len() + criterion_ids.len() + perspective_ids.len();
    let new_thresholds = thresholds(old.thresholds);
    let roles: Vec<String> = StageRole::ALL
        .iter()
        .filter_map(|role| {
            let names: Vec<&str> = stages
                .iter()
                .filter(|stage| stage.role == *role)
                .map(|stage| stage.name.as_str())
                .collect();
            (!names.is_empty()).then(|| format!("{} {}", names.join(", "), role.label()))
        })
        .collect();
    let changes = vec![
        format!("version {} → {WORKSPACE_VERSION}", old.version),
        format!(
            "{} ({}, {}, {}, {})",
            count(ids, "id assigned", "ids assigned"),
            count(stage_ids.len(), "stage", "stages"),
            count(phase_ids.len(), "phase", "phases"),
            count(criterion_ids.len(), "criterion", "criteria"),
            count(perspective_ids.len(), "perspective", "perspectives"),
        ),
        format!("stage roles: {}", roles.join("; ")),
        format!(
            "thresholds green {}%/amber {}% of plan → amber {}, red {} points behind",
            old.thresholds.green_percent,
            old.thresholds.amber_percent,
            new_thresholds.amber_points,
            new_thresholds.red_points
        ),
    ];
    // What version 1 did not have (grace period, review cadence, notice periods)
    // takes the defaults of a new workspace.
    let workspace = Workspace {
        members: old.members,
        stages,
        phases: old
            .phases
            .into_iter()
            .zip(phase_ids)
            .map(|(name, id)| Phase { id, name })
            .collect(),
        criteria: old
            .criteria
            .into_iter()
            .zip(criterion_ids)
            .map(|(criterion, id)| Criterion {
                id,
                name: criterion.name,
                weight: criterion.weight,
                description: String::new(),
                retired: false,
            })
            .collect(),
        perspectives: old
            .perspectives
            .into_iter()
            .zip(perspective_ids)
            .map(|(name, id)| Perspective { id, name })
            .collect(),
        thresholds: new_thresholds,
        checkin_cadence_days: old.checkin_cadence_days,
        demo_as_of: old.demo_as_of,
        ..Workspace::new(old.name)
    };
    (workspace, changes)
}

/// Where a moved action item came from, by index, until ids exist to say it.
enum Origin {
    CheckIn(usize),
    Review(usize),
}

/// The goal statement of `text` among `goals`: exactly, else trimmed and ignoring case.
fn goal_index(goals: &[v1::Goal], text: &str) -> Option<usize> {
    goals
        .iter()
        .position(|goal| goal.statement == text)
        .or_else(|| {
            let wanted = text.trim().to_lowercase();
            goals
                .iter()
                .position(|goal| goal.statement.trim().to_lowercase() == wanted)
        })
}

fn action(old: v1::ActionItem) -> ActionItem {
    ActionItem {
        id: String::new(),
        text: old.text,
        owner: old.owner,
        side: Default::default(),
        due: old.due,
        done: old.done,
        origin: None,
    }
}

/// A version 1 partner as version 2. `file` is the partner file's id (it seeds the
/// ids); `workspace` maps stage, criterion, perspective and phase names to ids —
/// a name it lacks becomes the slug of the name, which `check` then reports.
pub fn partner(file: &str, old: v1::Partner, workspace: &Workspace) -> (Partner, Changes) {
    let mut notes: Vec<String> = Vec::new();
    let mut unknown = |what: &str, name: &str, id: &str, known: bool| {
        let note = format!("{what} \"{name}\" is not in the workspace; kept as \"{id}\"");
        if !known && !name.trim().is_empty() && !notes.contains(&note) {
            notes.push(note);
        }
    };
    let stage_id = |name: &str| workspace.stage_id_for_name(name);

    let stage = stage_id(&old.stage);
    unknown(
        "stage",
        &old.stage,
        &stage,
        workspace.stage(&stage).is_some(),
    );
    let scores: Vec<Score> = old
        .scores
        .into_iter()
        .map(|score| {
            let id = workspace.criterion_id_for_name(&score.criterion);
            unknown(
                "criterion",
                &score.criterion,
                &id,
                workspace.criterion(&id).is_some(),
            );
            Score::new(id, score.score, score.evidence)
        })
        .collect();
    let milestones: Vec<Milestone> = old
        .milestones
        .into_iter()
        .map(|m| {
            let phase = workspace.phase_id_for_name(&m.phase);
            unknown(
                "phase",
                &m.phase,
                &phase,
                workspace.phases.iter().any(|p| p.id == phase),
            );
            Milestone {
                owner: m.owner,
                start: m.start,
                planned_due: m.planned_due,
                done: m.done,
                status: m.status,
                ..Milestone::new(m.title, phase, m.due)
            }
        })
        .collect();
    let kpis: Vec<Kpi> = old
        .kpis
        .into_iter()
        .map(|k| {
            let perspective = workspace.perspective_id_for_name(&k.perspective);
            unknown(
                "perspective",
                &k.perspective,
                &perspective,
                workspace.perspectives.iter().any(|p| p.id == perspective),
            );
            Kpi {
                id: String::new(),
                name: k.name,
                perspective,
                unit: k.unit,
                direction: k.direction,
                kind: KpiKind::Cumulative,
                goal: None,
                decimals: None,
                baseline: k.baseline,
                target: k.target,
                start: k.start,
                target_date: k.target_date,
                closed: None,
                readings: k
                    .readings
                    .into_iter()
                    .map(|r| Reading::new(r.date, r.value))
                    .collect(),
            }
        })
        .collect();

    // Action items: those agreed at check-ins (in check-in order), then those
    // decided at reviews (in review order), then the partner's own.
    let mut actions: Vec<ActionItem> = Vec::new();
    let mut origins: Vec<(Origin, usize)> = Vec::new();
    let checkins: Vec<CheckIn> = old
        .checkins
        .into_iter()
        .enumerate()
        .map(|(index, c)| {
            for item in c.actions {
                origins.push((Origin::CheckIn(index), actions.len()));
                actions.push(action(item));
            }
            CheckIn {
                note: c.note,
                ..CheckIn::new(c.date, c.author)
            }
        })
        .collect();
    let mut outcome_goals: Vec<(usize, usize, usize)> = Vec::new();
    let mut unmatched = 0;
    let reviews: Vec<Review> = old
        .reviews
        .into_iter()
        .enumerate()
        .map(|(r, review)| {
            for item in review.adjustments {
                origins.push((Origin::Review(r), actions.len()));
                actions.push(action(item));
            }
            let outcomes = review
                .outcomes
                .into_iter()
                .enumerate()
                .map(|(o, outcome)| {
                    let goal_text = match goal_index(&old.goals, &outcome.goal) {
                        Some(g) => {
                            outcome_goals.push((r, o, g));
                            String::new()
                        }
                        None => {
                            unmatched += 1;
                            outcome.goal
                        }
                    };
                    Outcome {
                        goal: String::new(),
                        goal_text,
                        rating: outcome.rating,
                        comment: outcome.comment,
                    }
                })
                .collect();
            Review {
                period: review.period,
                outcomes,
                worked: review.worked,
                challenges: review.challenges,
                ..Review::new(review.date, review.author)
            }
        })
        .collect();
    let moved = actions.len();
    actions.extend(old.actions.into_iter().map(action));

    let mut partner = Partner {
        version: PARTNER_VERSION,
        name: old.name,
        kind: old.kind,
        owner: old.owner,
        stage,
        stage_since: old.stage_since,
        tags: old.tags,
        summary: old.summary,
        contacts: old
            .contacts
            .into_iter()
            .map(|c| Contact {
                id: String::new(),
                name: c.name,
                role: c.role,
                side: c.side,
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        goals: old
            .goals
            .iter()
            .cloned()
            .map(|g| Goal {
                id: String::new(),
                statement: g.statement,
                metric: g.metric,
                target: g.target,
                due: g.due,
                owner: g.owner,
                agreed_by_both: g.agreed_by_both,
            })
            .collect(),
        roles: old
            .roles
            .into_iter()
            .map(|r| Role {
                id: String::new(),
                side: r.side,
                who: r.who,
                responsibility: r.responsibility,
            })
            .collect(),
        agreement: agreement(old.agreement),
        charter: charter(old.charter),
        scores,
        milestones,
        kpis,
        feedback: old
            .feedback
            .into_iter()
            .map(|f| Feedback {
                id: String::new(),
                date: f.date,
                who: f.who,
                side: f.side,
                sentiment: f.sentiment,
                text: f.text,
            })
            .collect(),
        checkins,
        reviews,
        actions,
        history: old
            .history
            .into_iter()
            .map(|change| StageChange {
                from: stage_id(&change.from),
                to: stage_id(&change.to),
                ..change
            })
            .collect(),
    };

    let assigned = partner.fill_derived_ids(file);
    for (origin, index) in origins {
        let id = partner.actions[index].id.clone();
        let (origin_id, list) = match origin {
            Origin::CheckIn(c) => {
                let checkin = &mut partner.checkins[c];
                (checkin.id.clone(), &mut checkin.actions)
            }
            Origin::Review(r) => {
                let review = &mut partner.reviews[r];
                (review.id.clone(), &mut review.adjustments)
            }
        };
        list.push(id);
        partner.actions[index].origin = Some(origin_id);
    }
    for (r, o, g) in outcome_goals {
        partner.reviews[r].outcomes[o].goal = partner.goals[g].id.clone();
    }

    let mut changes = vec![
        format!("version {} → {PARTNER_VERSION}", old.version),
        count(assigned, "id assigned", "ids assigned"),
    ];
    if moved > 0 {
        changes.push(format!(
            "{} moved into actions",
            count(moved, "action item", "action items")
        ));
    }
    if unmatched > 0 {
        changes.push(format!(
            "{} kept as goal_text (no goal has that statement)",
            count(unmatched, "review outcome's goal", "review outcomes' goals")
        ));
    }
    changes.extend(notes);
    (partner, changes)
}

fn agreement(old: v1::Agreement) -> Agreement {
    Agreement {
        signed: old.signed,
        next_review: old.next_review,
        expires: old.expires,
        review_notice_days: None,
        renewal_notice_days: None,
        governance: old.governance,
        financial_commitments: old.financial_commitments,
        performance_evaluation: old.performance_evaluation,
        intellectual_property: old.intellectual_property,
        dispute_resolution: old.dispute_resolution,
        exit_strategy: old.exit_strategy,
        flexibility_clauses: old.flexibility_clauses,
        deliverables: old
            .deliverables
            .into_iter()
            .map(|d| Deliverable {
                id: String::new(),
                title: d.title,
                owner: d.owner,
                due: d.due,
                status: d.status,
                note: d.note,
            })
            .collect(),
        amendments: Vec::<Amendment>::new(),
    }
}

fn charter(old: v1::Charter) -> Charter {
    Charter {
        checkin_cadence_days: old.checkin_cadence_days,
        meetings: old
            .meetings
            .into_iter()
            .map(|m| MeetingTier {
                id: String::new(),
                tier: m.tier,
                cadence_days: m.cadence_days,
                attendees: m.attendees,
                purpose: m.purpose,
            })
            .collect(),
        primary_channel: old.primary_channel,
        secondary_channel: old.secondary_channel,
        response_hours: old.response_hours,
        escalation: old.escalation,
        confidentiality: old.confidentiality,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages(list: &[(&str, bool, bool)]) -> Vec<v1::StageDef> {
        list.iter()
            .map(|(name, checkin, closed)| v1::StageDef {
                name: name.to_string(),
                checkin: *checkin,
                closed: *closed,
            })
            .collect()
    }

    #[test]
    fn stage_roles_follow_the_documented_rule() {
        let list = stages(&[
            ("Lead", false, false),
            ("Negotiating terms", false, false),
            ("Pilot", true, false),
            ("Contract signing", true, false),
            ("Live", true, false),
            ("Wind-down", false, false),
            ("Prospect", false, false),
            ("Archived", false, true),
        ]);
        let roles: Vec<&str> = (0..list.len())
            .map(|index| stage_role(&list, index).label())
            .collect();
        assert_eq!(
            roles,
            [
                "candidate",
                "formalizing",
                "operating",
                "formalizing",
                "operating",
                "operating",
                "candidate",
                "closed"
            ]
        );
        let no_checkin = stages(&[("Lead", false, false), ("Done", false, false)]);
        assert_eq!(stage_role(&no_checkin, 1), StageRole::Candidate);
    }

    #[test]
    fn thresholds_move_to_points_behind() {
        assert_eq!(
            thresholds(v1::RagThresholds::default()),
            RagThresholds::default()
        );
        let custom = thresholds(v1::RagThresholds {
            green_percent: 95,
            amber_percent: 60,
        });
        assert_eq!((custom.amber_points, custom.red_points), (5, 40));
    }
}
