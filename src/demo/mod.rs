//! The demo portfolio: a sample workspace and twelve partners that look like real
//! life — noisy readings, late and re-planned milestones, agreements that lapse,
//! both sides' feedback — with every date relative to today. The partners are in
//! `partners.rs`; this module holds the builders they use.

mod partners;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::domain::dates::add_days;
use crate::domain::ids::IdGenerator;
use crate::domain::kpi::{Direction, Kpi, Reading};
use crate::domain::partner::Side::Ours;
use crate::domain::partner::{
    ActionItem, Agreement, Amendment, Charter, CheckIn, Clause, ClauseStatus, Contact, Deliverable,
    Feedback, Goal, MeetingTier, Outcome, OutcomeRating, Partner, Review, Role, Side, Tier,
    slugify,
};
use crate::domain::scoring::Score;
use crate::domain::timeline::{Milestone, MilestoneStatus, Replan};
use crate::domain::workspace::{Member, Workspace, default_criteria};

/// The demo team's own e-mail domain.
const OUR_DOMAIN: &str = "brightwell.example";

/// The demo workspace and its twelve partners, each with its id, sorted by id. Every
/// date is an offset from `today`, so the demo looks the same whenever it is made.
pub fn demo_portfolio(today: NaiveDate) -> (Workspace, Vec<(String, Partner)>) {
    let mut workspace = Workspace::new("Brightwell Civic Software — Partnerships");
    workspace.members = [
        ("amara", "Amara Nwosu", "Head of Partnerships"),
        ("jonas", "Jonas Lindqvist", "Partnership Manager"),
        ("priya", "Priya Raman", "Programme Lead"),
        ("tomas", "Tomas Ferreira", "Finance and Operations"),
    ]
    .map(|(handle, name, role)| Member {
        handle: handle.into(),
        name: name.into(),
        role: role.into(),
    })
    .to_vec();
    workspace.checkin_cadence_days = 14;
    workspace.demo_as_of = Some(today);
    let demo = Demo {
        today,
        workspace: &workspace,
    };

    let mut partners: Vec<(String, Partner)> = [
        demo.harbourline(),
        demo.kestrel(),
        demo.millbrook(),
        demo.tidewater(),
        demo.fernhill(),
        demo.greenway(),
        demo.copperleaf(),
        demo.lumen(),
        demo.northwind(),
        demo.quayside(),
        demo.oakridge(),
        demo.eastfield(),
    ]
    .into_iter()
    .map(|mut partner| {
        give_ids(&mut partner);
        resolve_links(&mut partner);
        (slugify(&partner.name), partner)
    })
    .collect();
    partners.sort_by(|a, b| a.0.cmp(&b.0));
    (workspace, partners)
}

/// Ids for every record still without one, from a generator seeded by the
/// partner's name alone: the same whatever the date, so the demo only shifts.
fn give_ids(partner: &mut Partner) {
    let seed = IdGenerator::seed_from(&[b"pactboard demo", partner.name.as_bytes()]);
    partner.fill_generated_ids(&mut IdGenerator::new(seed));
}

/// The partners below name the records they link to (a KPI's goal by its
/// statement, a milestone's deliverable by its title, the KPIs a review closed by
/// their names); once every record has its id, the names become ids.
fn resolve_links(partner: &mut Partner) {
    let goal_id = |text: &str, goals: &[Goal]| {
        goals
            .iter()
            .find(|goal| goal.statement == text)
            .map(|goal| goal.id.clone())
    };
    let goals = partner.goals.clone();
    for kpi in &mut partner.kpis {
        if let Some(text) = kpi.goal.take() {
            kpi.goal = goal_id(&text, &goals).or(Some(text));
        }
    }
    let deliverables = partner.agreement.deliverables.clone();
    for milestone in &mut partner.milestones {
        if let Some(text) = milestone.goal.take() {
            milestone.goal = goal_id(&text, &goals).or(Some(text));
        }
        if let Some(title) = milestone.deliverable.take() {
            let id = deliverables
                .iter()
                .find(|deliverable| deliverable.title == title)
                .map(|deliverable| deliverable.id.clone());
            milestone.deliverable = id.or(Some(title));
        }
    }
    let kpis: Vec<(String, String)> = partner
        .kpis
        .iter()
        .map(|kpi| (kpi.name.clone(), kpi.id.clone()))
        .collect();
    for review in &mut partner.reviews {
        for closed in &mut review.closed_kpis {
            if let Some((_, id)) = kpis.iter().find(|(name, _)| name == closed) {
                *closed = id.clone();
            }
        }
    }
}

/// A milestone's status; `Done` carries the day it was finished, `Blocked` why.
enum Ms<'a> {
    Planned,
    Going,
    Blocked(&'a str),
    Cancelled,
    Done(i64),
}

/// (title, phase, owner, start, first planned due, due, status) — days from today.
type MsSpec<'a> = (&'a str, &'a str, &'a str, i64, i64, i64, Ms<'a>);
/// (text, owner, due, done) — days from today. An owner who is not a member of the
/// team is someone on the partner's side, who owes the action.
type Act<'a> = (&'a str, &'a str, i64, Option<i64>);
/// (statement, metric, target, due, owner, agreed by both).
type GoalSpec<'a> = (&'a str, &'a str, &'a str, Option<i64>, &'a str, bool);
/// A check-in or a review with the action items agreed at it, before they are
/// linked by id.
type WithActions<T> = (T, Vec<ActionItem>);

/// Builds the demo's records with dates given as days from `today`, and stage,
/// phase and perspective names turned into the workspace's ids.
struct Demo<'a> {
    today: NaiveDate,
    workspace: &'a Workspace,
}

impl Demo<'_> {
    fn d(&self, offset: i64) -> NaiveDate {
        add_days(self.today, offset)
    }

    /// A partner added as a prospect `added` days from today, moved through `moves`:
    /// (day, author, to stage, reason).
    fn partner(
        &self,
        (name, kind, owner): (&str, &str, &str),
        added: i64,
        tags: &[&str],
        summary: &str,
        moves: &[(i64, &str, &str, &str)],
    ) -> Partner {
        let prospect = self.workspace.stage_id_for_name("Prospect");
        let mut partner = Partner::new(name, kind, owner, prospect, self.d(added));
        partner.tags = tags.iter().map(|tag| tag.to_string()).collect();
        partner.summary = summary.into();
        for (day, author, to, reason) in moves {
            let to = self.workspace.stage_id_for_name(to);
            partner.move_to_stage(to, *author, *reason, self.d(*day));
        }
        partner
    }

    fn goals(&self, specs: &[GoalSpec]) -> Vec<Goal> {
        specs
            .iter()
            .map(|(statement, metric, target, due, owner, agreed)| Goal {
                id: String::new(),
                statement: statement.to_string(),
                metric: metric.to_string(),
                target: target.to_string(),
                due: due.map(|day| self.d(day)),
                owner: owner.to_string(),
                agreed_by_both: *agreed,
            })
            .collect()
    }

    fn milestones(&self, specs: Vec<MsSpec>) -> Vec<Milestone> {
        specs
            .into_iter()
            .map(|(title, phase, owner, start, planned, due, status)| {
                let (status, done, reason, before) = match status {
                    Ms::Planned => (MilestoneStatus::Planned, None, "", None),
                    Ms::Going => (MilestoneStatus::InProgress, None, "", None),
                    Ms::Blocked(why) => (
                        MilestoneStatus::Blocked,
                        None,
                        why,
                        Some(MilestoneStatus::InProgress),
                    ),
                    Ms::Cancelled => (
                        MilestoneStatus::Cancelled,
                        None,
                        "",
                        Some(MilestoneStatus::Planned),
                    ),
                    Ms::Done(day) => (MilestoneStatus::Done, Some(self.d(day)), "", None),
                };
                Milestone {
                    owner: owner.into(),
                    start: Some(self.d(start)),
                    planned_due: self.d(planned),
                    done,
                    status,
                    blocked_reason: reason.into(),
                    status_before: before,
                    ..Milestone::new(title, self.workspace.phase_id_for_name(phase), self.d(due))
                }
            })
            .collect()
    }

    /// Records the moves of the due date of the milestone titled `title`, each
    /// (day, by, new due date, reason), from its first planned date on.
    fn replans(&self, milestones: &mut [Milestone], title: &str, moves: &[(i64, &str, i64, &str)]) {
        let Some(milestone) = milestones.iter_mut().find(|m| m.title == title) else {
            return;
        };
        let mut from = milestone.planned_due;
        for (day, by, to, reason) in moves {
            milestone.replans.push(Replan {
                date: self.d(*day),
                by: by.to_string(),
                from,
                to: self.d(*to),
                reason: reason.to_string(),
            });
            from = self.d(*to);
        }
    }

    /// A cumulative KPI: (perspective, unit), (baseline, target), (start, target
    /// date), the goal it measures (by statement), and its readings.
    #[allow(clippy::too_many_arguments)]
    fn kpi(
        &self,
        name: &str,
        (perspective, unit): (&str, &str),
        direction: Direction,
        (baseline, target): (f64, f64),
        (start, target_date): (i64, i64),
        goal: Option<&str>,
        readings: Vec<Reading>,
    ) -> Kpi {
        Kpi {
            perspective: self.workspace.perspective_id_for_name(perspective),
            unit: unit.into(),
            direction,
            goal: goal.map(String::from),
            readings,
            ..Kpi::new(
                name,
                (baseline, target),
                (self.d(start), self.d(target_date)),
            )
        }
    }

    /// Readings `every` days apart, the last `last` days from today.
    fn every(&self, every: i64, last: i64, values: &[f64]) -> Vec<Reading> {
        let count = values.len() as i64;
        values
            .iter()
            .zip(0..)
            .map(|(value, index)| Reading::new(self.d(last - every * (count - 1 - index)), *value))
            .collect()
    }

    /// One reading a week, the last `last` days from today.
    fn weekly(&self, last: i64, values: &[f64]) -> Vec<Reading> {
        self.every(7, last, values)
    }

    /// Readings on the given days from today, for series kept irregularly.
    fn on_days(&self, readings: &[(i64, f64)]) -> Vec<Reading> {
        readings
            .iter()
            .map(|(day, value)| Reading::new(self.d(*day), *value))
            .collect()
    }

    fn actions(&self, actions: &[Act]) -> Vec<ActionItem> {
        actions
            .iter()
            .map(|(text, owner, due, done)| {
                let ours = self.workspace.members.iter().any(|m| m.handle == *owner);
                ActionItem {
                    text: text.to_string(),
                    owner: owner.to_string(),
                    side: if ours { Side::Ours } else { Side::Theirs },
                    due: Some(self.d(*due)),
                    done: done.map(|day| self.d(day)),
                    ..ActionItem::default()
                }
            })
            .collect()
    }

    /// A check-in, at the charter meeting `tier` it was (if any), with the actions
    /// agreed at it.
    fn checkin(
        &self,
        day: i64,
        author: &str,
        tier: Option<Tier>,
        note: &str,
        actions: &[Act],
    ) -> WithActions<CheckIn> {
        let checkin = CheckIn {
            note: note.into(),
            tier,
            ..CheckIn::new(self.d(day), author)
        };
        (checkin, self.actions(actions))
    }

    /// The partner's check-ins, their action items added to the partner's list,
    /// each linked to its check-in by id both ways.
    fn set_checkins(&self, partner: &mut Partner, checkins: Vec<WithActions<CheckIn>>) {
        let mut agreed = Vec::new();
        for (checkin, actions) in checkins {
            let at = partner.checkins.len();
            partner.checkins.push(checkin);
            for action in actions {
                agreed.push((at, partner.actions.len()));
                partner.actions.push(action);
            }
        }
        give_ids(partner);
        for (at, index) in agreed {
            let action = partner.actions[index].id.clone();
            let checkin = &mut partner.checkins[at];
            checkin.actions.push(action);
            partner.actions[index].origin = Some(checkin.id.clone());
        }
    }

    /// (day, who, side, sentiment, text).
    fn feedback(&self, entries: &[(i64, &str, Side, u8, &str)]) -> Vec<Feedback> {
        entries
            .iter()
            .map(|(day, who, side, sentiment, text)| Feedback {
                id: String::new(),
                date: self.d(*day),
                who: who.to_string(),
                side: *side,
                sentiment: *sentiment,
                text: text.to_string(),
            })
            .collect()
    }

    /// A review; outcomes name their goal by statement until `set_reviews` links
    /// them, and the KPIs it closed by name until `resolve_links` does.
    #[allow(clippy::too_many_arguments)]
    fn review(
        &self,
        (day, author, period): (i64, &str, &str),
        outcomes: &[(&str, OutcomeRating, &str)],
        worked: &str,
        challenges: &str,
        closed_kpis: &[&str],
        adjustments: &[Act],
    ) -> WithActions<Review> {
        let review = Review {
            period: period.into(),
            outcomes: outcomes
                .iter()
                .map(|(goal, rating, comment)| Outcome {
                    goal: String::new(),
                    goal_text: goal.to_string(),
                    rating: *rating,
                    comment: comment.to_string(),
                })
                .collect(),
            worked: worked.into(),
            challenges: challenges.into(),
            closed_kpis: closed_kpis.iter().map(|name| name.to_string()).collect(),
            ..Review::new(self.d(day), author)
        };
        (review, self.actions(adjustments))
    }

    /// The partner's reviews: adjustments join the partner's action items, linked
    /// by id both ways, and each outcome names its goal by id.
    fn set_reviews(&self, partner: &mut Partner, reviews: Vec<WithActions<Review>>) {
        let mut decided = Vec::new();
        for (review, actions) in reviews {
            let at = partner.reviews.len();
            partner.reviews.push(review);
            for action in actions {
                decided.push((at, partner.actions.len()));
                partner.actions.push(action);
            }
        }
        give_ids(partner);
        for (at, index) in decided {
            let action = partner.actions[index].id.clone();
            let review = &mut partner.reviews[at];
            review.adjustments.push(action);
            partner.actions[index].origin = Some(review.id.clone());
        }
        let goals = partner.goals.clone();
        for outcome in partner.reviews.iter_mut().flat_map(|r| &mut r.outcomes) {
            if let Some(goal) = goals.iter().find(|g| g.statement == outcome.goal_text) {
                outcome.goal = goal.id.clone();
                outcome.goal_text.clear();
            }
        }
    }

    /// Signed, next review and expiry dates (`None`: not set); the seven clauses in
    /// checklist order; deliverables as (title, owner, due, status, note).
    fn agreement(
        &self,
        (signed, next_review, expires): (Option<i64>, Option<i64>, Option<i64>),
        clauses: [(ClauseStatus, &str); 7],
        deliverables: &[(&str, &str, i64, ClauseStatus, &str)],
    ) -> Agreement {
        let [
            governance,
            financial,
            performance,
            ip,
            dispute,
            exit,
            flexibility,
        ] = clauses.map(|(status, note)| Clause {
            status,
            note: note.into(),
        });
        Agreement {
            signed: signed.map(|day| self.d(day)),
            next_review: next_review.map(|day| self.d(day)),
            expires: expires.map(|day| self.d(day)),
            review_notice_days: None,
            renewal_notice_days: None,
            governance,
            financial_commitments: financial,
            performance_evaluation: performance,
            intellectual_property: ip,
            dispute_resolution: dispute,
            exit_strategy: exit,
            flexibility_clauses: flexibility,
            deliverables: deliverables
                .iter()
                .map(|(title, owner, due, status, note)| Deliverable {
                    id: String::new(),
                    title: title.to_string(),
                    owner: owner.to_string(),
                    due: Some(self.d(*due)),
                    status: *status,
                    note: note.to_string(),
                })
                .collect(),
            amendments: Vec::new(),
        }
    }

    /// An amendment on `day` with its note, and the expiry it set.
    fn amendment(&self, day: i64, note: &str, expires: Option<i64>) -> Amendment {
        Amendment {
            id: String::new(),
            date: self.d(day),
            note: note.into(),
            expires: expires.map(|day| self.d(day)),
        }
    }
}

/// Contacts as (name, role, side); e-mail addresses are made up from the name and
/// the side's domain.
fn contacts(their_domain: &str, people: &[(&str, &str, Side)]) -> Vec<Contact> {
    people
        .iter()
        .map(|(name, role, side)| {
            let local: Vec<String> = name
                .split_whitespace()
                .map(|part| part.to_lowercase())
                .collect();
            let domain = if *side == Ours {
                OUR_DOMAIN
            } else {
                their_domain
            };
            Contact {
                id: String::new(),
                name: name.to_string(),
                role: role.to_string(),
                side: *side,
                email: format!("{}@{domain}", local.join(".")),
                phone: String::new(),
            }
        })
        .collect()
}

fn roles(entries: &[(Side, &str, &str)]) -> Vec<Role> {
    entries
        .iter()
        .map(|(side, who, responsibility)| Role {
            id: String::new(),
            side: *side,
            who: who.to_string(),
            responsibility: responsibility.to_string(),
        })
        .collect()
}

/// Scores in the order of the default criteria; a 0 leaves that criterion unscored.
fn scores(entries: &[(u8, &str)]) -> Vec<Score> {
    default_criteria()
        .into_iter()
        .zip(entries)
        .filter(|(_, (score, _))| *score > 0)
        .map(|(criterion, (score, evidence))| Score::new(criterion.id, *score, *evidence))
        .collect()
}

/// A charter: meetings as (tier, cadence, attendees, purpose), (primary, secondary)
/// channels, response hours, escalation steps, confidentiality rule.
fn charter(
    cadence: Option<u32>,
    meetings: &[(Tier, u32, &str, &str)],
    (primary, secondary): (&str, &str),
    response_hours: u32,
    escalation: &[&str],
    confidentiality: &str,
) -> Charter {
    Charter {
        checkin_cadence_days: cadence,
        meetings: meetings
            .iter()
            .map(|(tier, cadence_days, attendees, purpose)| MeetingTier {
                id: String::new(),
                tier: *tier,
                cadence_days: *cadence_days,
                attendees: attendees.to_string(),
                purpose: purpose.to_string(),
            })
            .collect(),
        primary_channel: primary.into(),
        secondary_channel: secondary.into(),
        response_hours: Some(response_hours),
        escalation: escalation.iter().map(|step| step.to_string()).collect(),
        confidentiality: confidentiality.into(),
    }
}
