//! The demo portfolio: a sample workspace and twelve partners, every date relative to today.

use chrono::NaiveDate;

use crate::domain::dates::add_days;
use crate::domain::ids::IdGenerator;
use crate::domain::kpi::{Direction, Kpi, Reading};
use crate::domain::partner::ClauseStatus::{Agreed, Drafting, NeedsReview, NotStarted};
use crate::domain::partner::OutcomeRating::{Met, Missed, Partly};
use crate::domain::partner::Side::{Joint, Ours, Theirs};
use crate::domain::partner::Tier::{Leadership, Operational, Tactical};
use crate::domain::partner::{
    ActionItem, Agreement, Charter, CheckIn, Clause, ClauseStatus, Contact, Deliverable, Feedback,
    Goal, MeetingTier, Outcome, OutcomeRating, Partner, Review, Role, Side, Tier, slugify,
};
use crate::domain::scoring::Score;
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::domain::workspace::{Member, Workspace, default_criteria};

/// The demo team's own e-mail domain.
const OUR_DOMAIN: &str = "brightwell.example";
const UP: Direction = Direction::HigherIsBetter;
const DOWN: Direction = Direction::LowerIsBetter;

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

/// A milestone's status; `Done` carries the day it was finished.
enum Ms {
    Planned,
    Going,
    Blocked,
    Done(i64),
}

/// (title, phase, owner, start, first planned due, due, status) — days from today.
type MsSpec<'a> = (&'a str, &'a str, &'a str, i64, i64, i64, Ms);
/// (text, owner, due, done) — days from today.
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
                let (status, done) = match status {
                    Ms::Planned => (MilestoneStatus::Planned, None),
                    Ms::Going => (MilestoneStatus::InProgress, None),
                    Ms::Blocked => (MilestoneStatus::Blocked, None),
                    Ms::Done(day) => (MilestoneStatus::Done, Some(self.d(day))),
                };
                Milestone {
                    owner: owner.into(),
                    start: Some(self.d(start)),
                    planned_due: self.d(planned),
                    done,
                    status,
                    ..Milestone::new(title, self.workspace.phase_id_for_name(phase), self.d(due))
                }
            })
            .collect()
    }

    /// A KPI: (perspective, unit), (baseline, target), (start, target date).
    fn kpi(
        &self,
        name: &str,
        (perspective, unit): (&str, &str),
        direction: Direction,
        (baseline, target): (f64, f64),
        (start, target_date): (i64, i64),
        readings: Vec<Reading>,
    ) -> Kpi {
        Kpi {
            perspective: self.workspace.perspective_id_for_name(perspective),
            unit: unit.into(),
            direction,
            readings,
            ..Kpi::new(
                name,
                (baseline, target),
                (self.d(start), self.d(target_date)),
            )
        }
    }

    /// One reading a week, the last `last` days from today.
    fn weekly(&self, last: i64, values: &[f64]) -> Vec<Reading> {
        let count = values.len() as i64;
        values
            .iter()
            .zip(0..)
            .map(|(value, index)| Reading::new(self.d(last - 7 * (count - 1 - index)), *value))
            .collect()
    }

    fn actions(&self, actions: &[Act]) -> Vec<ActionItem> {
        actions
            .iter()
            .map(|(text, owner, due, done)| ActionItem {
                text: text.to_string(),
                owner: owner.to_string(),
                due: Some(self.d(*due)),
                done: done.map(|day| self.d(day)),
                ..ActionItem::default()
            })
            .collect()
    }

    fn checkin(&self, day: i64, author: &str, note: &str, actions: &[Act]) -> WithActions<CheckIn> {
        let checkin = CheckIn {
            note: note.into(),
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

    /// A review; outcomes name their goal by statement until `set_reviews` links them.
    fn review(
        &self,
        (day, author, period): (i64, &str, &str),
        outcomes: &[(&str, OutcomeRating, &str)],
        worked: &str,
        challenges: &str,
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

    /// Signed, next review and expiry dates; the seven clauses in checklist order;
    /// deliverables as (title, owner, due, status, note).
    fn agreement(
        &self,
        (signed, next_review, expires): (i64, i64, i64),
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
            signed: Some(self.d(signed)),
            next_review: Some(self.d(next_review)),
            expires: Some(self.d(expires)),
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

// The partners below are tables of records, one record per line. rustfmt would put
// every field of every record on its own line and triple the length, so the block is
// laid out by hand.
#[rustfmt::skip]
impl Demo<'_> {
    /// The usual path from prospect to a working partnership.
    fn launched(author: &str, [assess, formalize, active]: [i64; 3]) -> [(i64, &str, &str, &str); 3] {
        [
            (assess, author, "Assessing", "First call went well; worth a proper look"),
            (formalize, author, "Formalizing", "Scores clear the bar; drafting terms"),
            (active, author, "Active", "Agreement signed; joint work starts"),
        ]
    }

    fn harbourline(&self) -> Partner {
        let mut p = self.partner(
            ("Harbourline Mutual", "corporate sponsor", "amara"),
            -260,
            &["sponsorship", "food-banks", "csr"],
            "Regional insurer paying for three years of free licences for food banks and advice charities \
             in its home region, with staff volunteering logged through our app. Onboarding is well \
             behind the plan its board signed off.",
            &Self::launched("amara", [-230, -190, -150]),
        );
        p.contacts = contacts("harbourline.example", &[
            ("Ruth Okonkwo", "Head of Community Investment", Theirs),
            ("Declan Moss", "CSR Programme Coordinator", Theirs),
            ("Amara Nwosu", "Head of Partnerships", Ours),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Get 60 charities live on sponsored licences", "charities live", "60", Some(60), "priya", true),
            ("Log 12,000 staff volunteering hours in the app", "hours logged", "12,000", Some(240), "priya", true),
            ("Publish a joint impact report for the sponsor's AGM", "", "", Some(120), "amara", false),
        ]);
        p.roles = roles(&[
            (Ours, "Priya Raman", "Onboards charities and runs the sign-up clinics"),
            (Ours, "Tomas Ferreira", "Issues licence codes and reports spend each quarter"),
            (Theirs, "Declan Moss", "Recruits staff volunteers and promotes the scheme inside Harbourline"),
            (Joint, "Steering group", "Sets priorities and signs off the impact report"),
        ]);
        p.agreement = self.agreement(
            (-155, 18, 575),
            [
                (Agreed, "Quarterly steering group, chaired alternately"),
                (Agreed, "£180k over three years, paid quarterly in advance"),
                (NeedsReview, "The 60-charity target looks unrealistic; revisit at the review"),
                (Agreed, "Each side keeps its own; the sponsor may quote anonymised figures"),
                (Agreed, "Steering group first, then an independent mediator"),
                (Drafting, "Licences must outlive an early exit by 12 months"),
                (NotStarted, ""),
            ],
            &[
                ("Licence codes for the first wave", "tomas", -140, Agreed, "120 codes issued"),
                ("Quarterly impact summary", "priya", 18, Drafting, "Waiting on the hours data"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 90, "Ruth Okonkwo, Amara Nwosu", "Budget and direction"),
                (Operational, 14, "Declan Moss, Priya Raman", "Onboarding pipeline and blockers"),
            ],
            ("Email", "Video call"),
            48,
            &["Priya Raman ↔ Declan Moss", "Amara Nwosu ↔ Ruth Okonkwo", "Steering group"],
            "Charity names and client numbers stay internal; sponsor reports carry totals only.",
        );
        p.scores = scores(&[
            (4, "Funds exactly the charities we already serve"),
            (3, "Strong community team, no software experience"),
            (2, "Brings money rather than new ideas"),
            (3, "Keen, but every decision goes through their board"),
            (4, "Budget matches our licence model"),
            (3, "Cautious and process-heavy, but friendly"),
            (5, "Large, profitable mutual"),
            (3, "Two earlier community schemes, both modest"),
        ]);
        p.milestones = self.milestones(vec![
            ("Sign the sponsorship agreement", "Agreement", "amara", -190, -160, -160, Ms::Done(-155)),
            ("Issue licence codes to the first wave", "Launch", "tomas", -150, -135, -135, Ms::Done(-136)),
            ("Onboard the first 30 charities", "Launch", "priya", -135, -24, -10, Ms::Going),
            ("Single sign-on for sponsor volunteers", "Launch", "jonas", -60, -20, -3, Ms::Blocked),
            ("Mid-term impact review", "Evaluation", "amara", 4, 18, 18, Ms::Planned),
        ]);
        p.kpis = vec![
            self.kpi("Charities live", ("Customer", "charities"), UP, (0.0, 60.0), (-120, 60),
                self.weekly(-3, &[8.0, 10.0, 11.0, 13.0, 14.0, 15.0, 17.0, 19.0, 20.0, 22.0])),
            self.kpi("Volunteering hours", ("Operations", "h"), UP, (0.0, 12_000.0), (-120, 240),
                self.weekly(-3, &ramp(1_600.0, 300.0, 10))),
        ];
        p.feedback = self.feedback(&[
            (-40, "Declan Moss", Theirs, 3, "Live charities love it; the sign-up form is the bottleneck."),
            (-20, "Priya Raman", Ours, 3, "Their identity team keeps moving the single sign-on date."),
            (-6, "Ruth Okonkwo", Theirs, 2, "The board is asking why only a third of the charities are live."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-58, "priya", "Sign-up clinic booked for the stalled charities.", &[
                ("Run a sign-up clinic for stalled charities", "priya", -45, Some(-47)),
            ]),
            self.checkin(-44, "priya", "The clinic got five charities live; the rest need calls.", &[]),
            self.checkin(-30, "amara", "Single sign-on slipped again; escalated to Ruth.", &[
                ("Ask Ruth to unblock their identity team", "amara", -23, Some(-25)),
            ]),
            self.checkin(-16, "priya", "Three more charities live; a guide for the stalled ones agreed.", &[
                ("Send a simplified sign-up guide to 20 stalled charities", "priya", -5, None),
            ]),
            self.checkin(-3, "amara", "Ruth is worried about her board; prepare numbers for the review.", &[
                ("Draft a revised onboarding plan for the review", "amara", 10, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-70, "amara", "Months 1–3"),
            &[
                ("Get 60 charities live on sponsored licences", Partly, "12 live against 20 planned"),
                ("Log 12,000 staff volunteering hours in the app", Met, "On pace"),
            ],
            "Staff volunteering took off without any push from us.",
            "Charities struggle with the sign-up form, and single sign-on keeps slipping.",
            &[("Shorten the charity sign-up form", "jonas", -50, Some(-52))],
        )]);
        p
    }

    fn kestrel(&self) -> Partner {
        let mut p = self.partner(
            ("Kestrel Devices", "hardware manufacturer", "jonas"),
            -300,
            &["hardware", "bundle", "field-work"],
            "Maker of rugged tablets for outreach workers. Our app ships preinstalled; together we sell \
             the bundle to councils and charities and share first-line support.",
            &Self::launched("jonas", [-270, -220, -170]),
        );
        p.contacts = contacts("kestrel.example", &[
            ("Ines Varga", "Channel Director", Theirs),
            ("Owen Pryce", "Firmware Lead", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
        ]);
        p.goals = self.goals(&[
            ("Ship 2,000 tablets with the app preinstalled", "units shipped", "2,000", Some(100), "jonas", true),
            ("Answer support tickets within 4 hours", "median first response", "4 h", Some(40), "tomas", true),
            ("Explore a joint offline-first product line", "", "", None, "jonas", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Owen Pryce", "Keeps the preinstall image current with each firmware release"),
            (Theirs, "Ines Varga", "Runs the reseller channel and quotes"),
            (Ours, "Jonas Lindqvist", "Joint sales calls and the partner price list"),
            (Ours, "Tomas Ferreira", "First-line support rota for bundle customers"),
        ]);
        p.agreement = self.agreement(
            (-175, 75, 190),
            [
                (Agreed, "Monthly channel board; Ines and Jonas decide jointly"),
                (Agreed, "Revenue share 70/30 on bundle sales"),
                (Agreed, "Units shipped and support response, reviewed monthly"),
                (Agreed, "Each keeps its own code and hardware designs"),
                (Agreed, "Escalate to both chief executives, then arbitration"),
                (NeedsReview, "Who supports installed units after an exit?"),
                (Drafting, "Price review when component costs move by more than 10%"),
            ],
            &[
                ("Preinstall image v2", "jonas", -60, Agreed, "Signed off by both"),
                ("Joint support runbook", "tomas", 9, Drafting, "Second draft with Owen"),
            ],
        );
        p.charter = charter(
            Some(7),
            &[
                (Leadership, 30, "Ines Varga, Amara Nwosu", "Channel board"),
                (Operational, 7, "Owen Pryce, Jonas Lindqvist", "Shipments, firmware and tickets"),
                (Tactical, 1, "Support rota", "Ticket hand-offs in the shared channel"),
            ],
            ("Shared chat channel", "Email"),
            8,
            &["Jonas Lindqvist ↔ Owen Pryce", "Amara Nwosu ↔ Ines Varga"],
            "Firmware roadmaps are under NDA; customer lists are shared only for joint deals.",
        );
        p.scores = scores(&[
            (5, "Their buyers are our buyers"),
            (5, "Twenty years of rugged hardware"),
            (4, "Open to an offline-first product"),
            (4, "Named a firmware lead from day one"),
            (3, "Hardware margins squeeze the revenue share"),
            (4, "Engineers on both sides get on well"),
            (4, "Profitable and family-owned"),
            (4, "Two similar software bundles still running"),
        ]);
        p.milestones = self.milestones(vec![
            ("Hardware compatibility tests", "Foundation", "jonas", -260, -230, -230, Ms::Done(-232)),
            ("Reseller agreement signed", "Agreement", "jonas", -210, -175, -175, Ms::Done(-175)),
            ("First 500 units shipped", "Launch", "jonas", -150, -80, -80, Ms::Done(-82)),
            ("Certify the app on firmware 5.2", "Launch", "jonas", -30, 12, 12, Ms::Blocked),
            ("Joint support runbook", "Launch", "tomas", -20, 9, 9, Ms::Going),
            ("Six-month joint evaluation", "Evaluation", "amara", 20, 30, 30, Ms::Planned),
        ]);
        p.kpis = vec![
            self.kpi("Tablets shipped with the app", ("Customer", "units"), UP, (0.0, 2_000.0), (-140, 100),
                self.weekly(-2, &[900.0, 980.0, 1040.0, 1090.0, 1120.0, 1145.0, 1160.0, 1170.0, 1178.0, 1185.0])),
            self.kpi("Median first response to tickets", ("Operations", "h"), DOWN, (24.0, 4.0), (-140, 40),
                self.weekly(-2, &[15.0, 14.0, 13.0, 12.5, 11.5, 10.5, 10.0, 9.0, 8.5, 7.5])),
        ];
        p.feedback = self.feedback(&[
            (-35, "Ines Varga", Theirs, 5, "Resellers say the preinstalled app closes deals."),
            (-21, "Owen Pryce", Theirs, 4, "Firmware 5.2 sign-off waits on our security audit, not on you."),
            (-9, "Tomas Ferreira", Ours, 4, "Tickets are down since the runbook draft."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-25, "jonas", "Shipments slowing as the school-year orders end.", &[
                ("Ask resellers for their next-quarter pipeline", "jonas", -18, Some(-19)),
            ]),
            self.checkin(-18, "jonas", "Reseller pipeline is thin until the new budget year.", &[]),
            self.checkin(-11, "tomas", "Second runbook draft sent to Owen.", &[
                ("Agree severity levels in the runbook", "tomas", -4, Some(-5)),
            ]),
            self.checkin(-4, "jonas", "Firmware 5.2 certification blocked by Kestrel's security audit.", &[
                ("Plan a spring promotion with Ines", "jonas", 10, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-80, "jonas", "Months 1–3"),
            &[
                ("Ship 2,000 tablets with the app preinstalled", Met, "500 shipped on plan"),
                ("Answer support tickets within 4 hours", Partly, "Down from 24 h to 12 h"),
            ],
            "Preinstalling the app removed the setup visit for most customers.",
            "Support hand-offs between the two teams were slow.",
            &[("Write a joint support runbook", "tomas", -20, Some(-20))],
        )]);
        p
    }

    fn millbrook(&self) -> Partner {
        let mut p = self.partner(
            ("Millbrook City Council", "public body", "priya"),
            -210,
            &["public-sector", "digital-inclusion", "libraries"],
            "The council's digital inclusion programme: volunteers in eight branch libraries help \
             residents get online, booked and coordinated through our app.",
            &Self::launched("priya", [-180, -140, -105]),
        );
        p.contacts = contacts("millbrook.example", &[
            ("Gwen Hartley", "Digital Inclusion Officer", Theirs),
            ("Samir Qureshi", "Libraries Service Manager", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("400 residents complete the digital skills course", "completions", "400", Some(80), "priya", true),
            ("Hold 150 volunteer drop-in sessions", "sessions held", "150", Some(80), "priya", true),
            ("Every branch has a trained digital champion", "branches covered", "8", None, "priya", true),
        ]);
        p.roles = roles(&[
            (Theirs, "Gwen Hartley", "Recruits residents and reports to the council committee"),
            (Theirs, "Samir Qureshi", "Rooms, library staff time and drop-in timetables"),
            (Ours, "Priya Raman", "Volunteer rota, course material and app training"),
        ]);
        p.agreement = self.agreement(
            (-110, 95, 250),
            [
                (Agreed, "Programme board every two months, chaired by the council"),
                (Agreed, "Council grant of £42k for the year"),
                (Agreed, "Course completions and sessions, reported monthly"),
                (Agreed, "Course material shared under an open licence"),
                (Agreed, "The council's complaints procedure"),
                (Drafting, "Hand-over of booking data to the council if we part"),
                (NotStarted, "Wanted before any second year"),
            ],
            &[
                ("Course material pack", "priya", -90, Agreed, "Open licence"),
                ("Monthly programme report", "priya", -5, NeedsReview, "The council wants branch detail"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 60, "Programme board", "Budget and reporting to councillors"),
                (Operational, 14, "Gwen Hartley, Priya Raman", "Sessions, volunteers and numbers"),
            ],
            ("Email", "Phone"),
            72,
            &["Priya Raman ↔ Gwen Hartley", "Amara Nwosu ↔ Samir Qureshi", "Programme board"],
            "Residents' personal data stays in the council's systems; we see booking counts only.",
        );
        p.scores = scores(&[
            (5, "Digital inclusion is a council priority"),
            (3, "Great librarians, no volunteer management"),
            (2, "Procurement rules limit experiments"),
            (3, "Willing, but sign-off is slow"),
            (4, "They bring rooms and staff time, we bring volunteers"),
            (4, "Shared public-service values"),
            (4, "Ring-fenced grant for the year"),
            (0, ""),
        ]);
        p.milestones = self.milestones(vec![
            ("Grant agreement signed", "Agreement", "priya", -130, -110, -110, Ms::Done(-110)),
            ("Drop-ins open in the first four branches", "Launch", "priya", -100, -75, -75, Ms::Done(-72)),
            ("Train library staff as digital champions", "Launch", "priya", -40, -6, -6, Ms::Going),
            ("Drop-ins open in all eight branches", "Launch", "priya", -20, 10, 10, Ms::Going),
        ]);
        p.kpis = vec![
            self.kpi("Residents completing the course", ("Learning", "residents"), UP, (0.0, 400.0), (-100, 80),
                self.weekly(-24, &[20.0, 35.0, 48.0, 60.0, 75.0, 88.0, 101.0, 115.0])),
            self.kpi("Drop-in sessions held", ("Operations", "sessions"), UP, (0.0, 150.0), (-100, 80),
                self.weekly(-3, &[35.0, 42.0, 48.0, 55.0, 61.0, 67.0, 73.0, 79.0, 85.0, 91.0])),
        ];
        p.feedback = self.feedback(&[
            (-50, "Samir Qureshi", Theirs, 4, "Branches like having a regular volunteer slot."),
            (-30, "Gwen Hartley", Theirs, 3, "I need course numbers per branch for the committee."),
            (-10, "Priya Raman", Ours, 2, "Completion figures have not come through for three weeks."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-66, "priya", "Four branches running; volunteers happy.", &[
                ("Order headsets for two branches", "tomas", -55, Some(-58)),
            ]),
            self.checkin(-52, "priya", "The council wants reporting per branch.", &[]),
            self.checkin(-38, "priya", "Champion training dates set with Samir.", &[
                ("Book trainers for the champion sessions", "priya", -30, Some(-31)),
            ]),
            self.checkin(-24, "priya", "The completion export from the council's system broke.", &[
                ("Share next month's volunteer rota", "priya", -12, None),
                ("Chase the council for the completion export", "priya", -17, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-40, "priya", "Months 1–2"),
            &[
                ("Hold 150 volunteer drop-in sessions", Met, "Ahead of plan"),
                ("400 residents complete the digital skills course", Partly, "Slow start at two branches"),
            ],
            "Regular weekly slots built trust with residents.",
            "Completion data depends on a manual export from the council.",
            &[("Ask for an automatic completion feed", "priya", 20, None)],
        )]);
        p
    }

    fn tidewater(&self) -> Partner {
        let mut p = self.partner(
            ("Tidewater University Civic Data Lab", "university research lab", "jonas"),
            -200,
            &["research", "impact-measurement", "data"],
            "A research lab studying what volunteer programmes change for the people they serve. \
             They get anonymised data; we get a tested way to measure our impact.",
            &Self::launched("jonas", [-170, -130, -95]),
        );
        p.contacts = contacts("tidewater.example", &[
            ("Mirela Costa", "Principal Investigator", Theirs),
            ("Kwame Asante", "Research Associate", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
            ("Tomas Ferreira", "Data Protection Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Collect 1,500 beneficiary survey responses", "responses", "1,500", Some(90), "jonas", true),
            ("Turn round data requests within 5 days", "days per request", "5", Some(90), "tomas", true),
            ("Co-author a paper on volunteer impact", "paper submitted", "1", Some(300), "jonas", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Mirela Costa", "Study design and ethics approval"),
            (Theirs, "Kwame Asante", "Survey fieldwork and analysis"),
            (Ours, "Tomas Ferreira", "Anonymised data extracts and data-protection checks"),
            (Ours, "Jonas Lindqvist", "Recruits charities into the study"),
        ]);
        p.agreement = self.agreement(
            (-100, 50, 265),
            [
                (Agreed, "Joint steering committee each term"),
                (Agreed, "No money changes hands; the lab funds its own staff"),
                (Agreed, "Survey volume and request turnaround"),
                (NeedsReview, "Publication rights need a second look"),
                (Agreed, "Head of department, then our chief executive"),
                (Agreed, "Data deleted within 30 days of an exit"),
                (Drafting, "Scope can grow to a second study by letter"),
            ],
            &[
                ("Ethics approval", "jonas", -110, Agreed, "Granted"),
                ("Interim findings", "jonas", 45, Drafting, "Outline agreed"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 120, "Mirela Costa, Amara Nwosu", "Steering committee"),
                (Operational, 14, "Kwame Asante, Jonas Lindqvist", "Fieldwork and data requests"),
            ],
            ("Email", "Video call"),
            48,
            &["Jonas Lindqvist ↔ Kwame Asante", "Amara Nwosu ↔ Mirela Costa"],
            "Only anonymised extracts leave our systems; drafts are shared before publication.",
        );
        p.scores = scores(&[
            (4, "Gives us the impact evidence funders ask for"),
            (5, "A leading lab in civic data"),
            (5, "A new way to measure outcomes"),
            (3, "The academic calendar slows decisions"),
            (3, "No budget, plenty of researchers"),
            (4, "Shared interest in honest evidence"),
            (3, "Grant-funded until the study ends"),
            (4, "Three earlier studies with charities"),
        ]);
        p.milestones = self.milestones(vec![
            ("Ethics approval", "Foundation", "jonas", -160, -120, -120, Ms::Done(-112)),
            ("Data-sharing agreement signed", "Agreement", "tomas", -120, -100, -100, Ms::Done(-100)),
            ("Survey fieldwork", "Launch", "jonas", -60, 60, 60, Ms::Going),
            ("Interim findings workshop", "Evaluation", "jonas", 30, 45, 45, Ms::Planned),
        ]);
        p.kpis = vec![
            self.kpi("Survey responses", ("Learning", "responses"), UP, (0.0, 1_500.0), (-90, 90),
                self.weekly(-3, &[100.0, 175.0, 245.0, 320.0, 390.0, 465.0, 535.0, 610.0])),
            self.kpi("Data request turnaround", ("Operations", "days"), DOWN, (15.0, 5.0), (-90, 90),
                self.weekly(-3, &[13.0, 12.5, 12.0, 11.0, 11.0, 10.0, 9.5, 9.0, 8.5, 8.0])),
        ];
        p.feedback = self.feedback(&[
            (-45, "Kwame Asante", Theirs, 4, "Extracts are clean; turnaround is the only pain."),
            (-20, "Mirela Costa", Theirs, 4, "Fieldwork started late but is catching up."),
            (-12, "Jonas Lindqvist", Ours, 5, "Two more charities asked to join the study."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-40, "jonas", "Fieldwork under way at six charities.", &[
                ("Recruit two more charities to the study", "jonas", -20, Some(-14)),
            ]),
            self.checkin(-26, "jonas", "Survey pace up after the reminder texts.", &[]),
            self.checkin(-12, "jonas", "Agreed a template for data requests.", &[
                ("Publish the data request template", "tomas", -2, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-20, "jonas", "First term of the study"),
            &[
                ("Collect 1,500 beneficiary survey responses", Partly, "Fieldwork started three weeks late"),
                ("Turn round data requests within 5 days", Partly, "Down from 15 to 9 days"),
            ],
            "Reminder texts doubled the survey response rate.",
            "Every data request was a one-off; there was no shared template.",
            &[("Agree a standard data request template", "tomas", -10, Some(-12))],
        )]);
        p
    }

    fn fernhill(&self) -> Partner {
        let mut p = self.partner(
            ("Fernhill Creative", "marketing agency", "jonas"),
            -420,
            &["marketing", "lead-generation", "co-branding"],
            "Agency running our co-branded campaigns and webinars for charities. The first campaign \
             beat its targets, so a second one aimed at councils is being scoped before renewal.",
            &[
                (-400, "jonas", "Assessing", "Strong pitch and plenty of charity clients"),
                (-370, "jonas", "Formalizing", "Chosen over two other agencies"),
                (-340, "jonas", "Active", "Campaign contract signed"),
                (-40, "amara", "Expanding", "First campaign ahead of target; scoping a council campaign"),
            ],
        );
        p.contacts = contacts("fernhill.example", &[
            ("Lottie Brennan", "Account Director", Theirs),
            ("Marcus Adeyemi", "Campaign Manager", Theirs),
            ("Jonas Lindqvist", "Partnership Manager", Ours),
            ("Amara Nwosu", "Head of Partnerships", Ours),
        ]);
        p.goals = self.goals(&[
            ("Generate 400 qualified leads from charities", "qualified leads", "400", Some(30), "jonas", true),
            ("Bring the cost per lead down to £60", "cost per lead", "£60", Some(30), "jonas", true),
            ("Fill 600 webinar places", "sign-ups", "600", Some(30), "jonas", true),
            ("Launch a campaign aimed at councils", "council leads", "", None, "amara", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Marcus Adeyemi", "Creative, ad buying and webinar logistics"),
            (Theirs, "Lottie Brennan", "Account lead and monthly reporting"),
            (Ours, "Jonas Lindqvist", "Messaging, product demos and lead follow-up"),
        ]);
        p.agreement = self.agreement(
            (-345, 40, 45),
            [
                (Agreed, "Monthly account review"),
                (Agreed, "Retainer plus a bonus per qualified lead"),
                (Agreed, "Qualified leads and cost per lead"),
                (Agreed, "We own the campaign assets once paid for"),
                (Agreed, "Account directors, then mediation"),
                (Agreed, "60 days' notice on either side"),
                (NeedsReview, "Needs a clause for adding the council campaign"),
            ],
            &[
                ("Charity campaign creative", "jonas", -300, Agreed, "Delivered"),
                ("Council campaign proposal", "amara", 21, Drafting, "Brief sent to Lottie"),
            ],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 90, "Lottie Brennan, Amara Nwosu", "Renewal and strategy"),
                (Operational, 14, "Marcus Adeyemi, Jonas Lindqvist", "Campaign numbers"),
                (Tactical, 7, "Campaign team", "Creative and webinar run-throughs"),
            ],
            ("Shared chat channel", "Email"),
            24,
            &["Jonas Lindqvist ↔ Marcus Adeyemi", "Amara Nwosu ↔ Lottie Brennan"],
            "Lead data is ours; the agency may quote results only with our sign-off.",
        );
        p.scores = scores(&[
            (4, "Half their clients are charities"),
            (4, "Solid record in paid social"),
            (3, "Good copy, familiar formats"),
            (5, "Weekly rhythm from the first day"),
            (4, "The retainer fits our budget"),
            (5, "The same informal style as ours"),
            (3, "Small agency with healthy books"),
            (4, "Strong references"),
        ]);
        p.milestones = self.milestones(vec![
            ("Campaign brief agreed", "Foundation", "jonas", -380, -360, -360, Ms::Done(-362)),
            ("Charity campaign live", "Launch", "jonas", -330, -300, -300, Ms::Done(-301)),
            ("Six-month campaign review", "Evaluation", "jonas", -170, -150, -150, Ms::Done(-148)),
            ("Webinar season wrap-up", "Evaluation", "jonas", -30, -8, -8, Ms::Done(-9)),
            ("Council campaign proposal", "Expansion", "amara", -30, 14, 21, Ms::Going),
            ("Renewal signed", "Expansion", "amara", -10, 40, 40, Ms::Planned),
        ]);
        p.kpis = vec![
            self.kpi("Qualified leads", ("Customer", "leads"), UP, (0.0, 400.0), (-150, 30),
                self.weekly(-4, &[180.0, 205.0, 228.0, 250.0, 270.0, 292.0, 310.0, 326.0, 345.0, 362.0])),
            self.kpi("Cost per qualified lead", ("Financial", "GBP"), DOWN, (120.0, 60.0), (-150, 30),
                self.weekly(-4, &[92.0, 90.0, 88.0, 87.0, 85.0, 83.0, 82.0, 81.0, 79.0, 78.0])),
            self.kpi("Webinar sign-ups", ("Customer", "sign-ups"), UP, (0.0, 600.0), (-150, 30),
                self.weekly(-4, &ramp(380.0, 29.0, 10))),
        ];
        p.feedback = self.feedback(&[
            (-60, "Lottie Brennan", Theirs, 5, "The best-run client account we have."),
            (-30, "Marcus Adeyemi", Theirs, 4, "Ad costs are up across the sector this season."),
            (-15, "Jonas Lindqvist", Ours, 5, "Webinar leads convert twice as well as ad leads."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-46, "jonas", "Webinar target met early.", &[]),
            self.checkin(-32, "jonas", "Cost per lead flattening as ad prices rise.", &[
                ("Test two cheaper ad formats", "jonas", -18, Some(-19)),
            ]),
            self.checkin(-18, "amara", "Council campaign brief sent.", &[
                ("Share our council contacts with Lottie", "amara", -10, Some(-11)),
            ]),
            self.checkin(-4, "jonas", "Renewal terms must be settled before the agreement runs out.", &[
                ("Send renewal terms to Lottie", "amara", 7, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-150, "jonas", "Months 4–6"),
            &[
                ("Generate 400 qualified leads from charities", Met, "Ahead of the straight line"),
                ("Bring the cost per lead down to £60", Partly, "£95 and falling"),
            ],
            "Webinars with a charity speaker filled within days.",
            "Paid social costs more than planned.",
            &[("Move budget from ads to webinars", "jonas", -130, Some(-133))],
        )]);
        p
    }

    fn greenway(&self) -> Partner {
        let mut p = self.partner(
            ("Greenway Grocers", "retail chain", "tomas"),
            -150,
            &["retail", "donations", "pilot"],
            "Regional grocery chain putting donation points in its stores, routed to nearby food \
             banks through our app. A trial is running while the full agreement is negotiated.",
            &[
                (-110, "tomas", "Assessing", "Came to us after the food bank conference"),
                (-45, "tomas", "Formalizing", "Trial terms agreed; the full agreement is next"),
            ],
        );
        p.contacts = contacts("greenway.example", &[
            ("Hollie Park", "Community Manager", Theirs),
            ("Bernard Achebe", "Head of Store Operations", Theirs),
            ("Tomas Ferreira", "Finance and Operations", Ours),
        ]);
        p.goals = self.goals(&[
            ("Donation points live in 12 stores", "stores live", "12", Some(110), "tomas", true),
            ("8% of shoppers opt in to round-up at the till", "opt-in rate", "8%", Some(110), "tomas", false),
        ]);
        p.roles = roles(&[
            (Theirs, "Bernard Achebe", "Store fit-out and staff briefings"),
            (Theirs, "Hollie Park", "In-store promotion and food bank liaison"),
            (Ours, "Tomas Ferreira", "Routing donations and monthly statements"),
        ]);
        p.agreement = self.agreement(
            (-20, 25, 345),
            [
                (Agreed, "Trial board of four, meets monthly"),
                (Drafting, "Who pays for the till software change?"),
                (Agreed, "Stores live and opt-in rate"),
                (NotStarted, ""),
                (Drafting, "Their standard supplier clause is too one-sided"),
                (NotStarted, ""),
                (Agreed, "The store list can change monthly"),
            ],
            &[("Till round-up integration", "tomas", 60, Drafting, "Spec with their IT team")],
        );
        p.charter = charter(
            None,
            &[
                (Leadership, 30, "Bernard Achebe, Tomas Ferreira", "Trial board"),
                (Operational, 14, "Hollie Park, Tomas Ferreira", "Store roll-out"),
            ],
            ("Email", "Phone"),
            24,
            &["Tomas Ferreira ↔ Hollie Park", "Amara Nwosu ↔ Bernard Achebe"],
            "Till and sales data stay with Greenway; we receive donation totals per store.",
        );
        p.scores = scores(&[
            (4, "Brings giving to where people shop"),
            (3, "Retail know-how, new to charity work"),
            (4, "Round-up at the till is new for us"),
            (4, "Set up a trial board within a week"),
            (3, "Till changes need their IT budget"),
            (3, "Corporate but community-minded"),
            (5, "A sound, growing chain"),
            (0, ""),
        ]);
        p.milestones = self.milestones(vec![
            ("Donation points in three trial stores", "Launch", "tomas", -70, -50, -50, Ms::Done(-52)),
            ("Trial agreement signed", "Agreement", "tomas", -50, -20, -20, Ms::Done(-20)),
            ("Full agreement signed", "Agreement", "tomas", -20, 6, 20, Ms::Going),
        ]);
        p.kpis = vec![
            self.kpi("Stores with a donation point", ("Operations", "stores"), UP, (0.0, 12.0), (-70, 110),
                self.weekly(-4, &[0.0, 1.0, 1.0, 2.0, 3.0, 3.0, 4.0, 5.0])),
            self.kpi("Round-up opt-in rate", ("Customer", "%"), UP, (0.0, 8.0), (-70, 110),
                self.weekly(-4, &[0.8, 1.1, 1.5, 1.9, 2.2, 2.6, 3.0, 3.3, 3.6])),
        ];
        p.feedback = self.feedback(&[
            (-30, "Hollie Park", Theirs, 4, "Shoppers ask which food bank gets their donation."),
            (-10, "Bernard Achebe", Theirs, 3, "Store staff need a shorter briefing."),
        ]);
        self.set_checkins(&mut p, vec![
            self.checkin(-40, "tomas", "Trial stores chosen.", &[]),
            self.checkin(-26, "tomas", "The supplier clause is the sticking point.", &[
                ("Send our redline of the supplier clause", "tomas", -20, Some(-21)),
            ]),
            self.checkin(-12, "tomas", "Full agreement slipped two weeks over the till question.", &[
                ("Cost the till change with their IT team", "tomas", 5, None),
            ]),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-15, "tomas", "First month of the trial"),
            &[("Donation points live in 12 stores", Partly, "Three trial stores live, two more agreed")],
            "Shoppers like seeing the local food bank named at the till.",
            "Staff briefings are too long for a shift change.",
            &[("Cut the staff briefing to one page", "tomas", 10, None)],
        )]);
        p
    }

    fn copperleaf(&self) -> Partner {
        let mut p = self.partner(
            ("Copperleaf Logistics", "logistics company", "tomas"),
            -80,
            &["logistics", "food-rescue"],
            "Regional carrier offering spare van capacity to move surplus food between food banks, \
             with collections booked in our app.",
            &[(-35, "tomas", "Assessing", "Two food banks suggested a pilot route")],
        );
        p.contacts = contacts("copperleaf.example", &[("Hana Petrova", "Partnerships Lead", Theirs)]);
        p.goals = self.goals(&[
            ("Move 50 tonnes of surplus food a quarter", "tonnes moved", "50", None, "tomas", false),
        ]);
        p.scores = scores(&[
            (4, "Fills the food banks' biggest gap"),
            (4, "Runs 40 vans in the region"),
            (2, "Standard routing only"),
            (3, "Keen, but a small partnerships team"),
            (3, "Spare capacity varies by season"),
            (4, "Their drivers already volunteer"),
            (3, "Thin margins in haulage"),
            (2, "No charity work on record"),
        ]);
        p
    }

    fn lumen(&self) -> Partner {
        let mut p = self.partner(
            ("Lumen Payroll", "fintech startup", "amara"),
            -50,
            &["payroll-giving", "integration"],
            "Payroll startup that wants employees to give to local charities straight from their \
             pay, with the charities drawn from our platform.",
            &[(-20, "amara", "Assessing", "Their demo impressed our leadership team")],
        );
        p.contacts = contacts("lumen.example", &[
            ("Felix Marchetti", "Co-founder", Theirs),
            ("Amara Nwosu", "Head of Partnerships", Ours),
        ]);
        p.scores = scores(&[
            (4, "A new income route for our charities"),
            (3, "Good payroll engineers, new to charities"),
            (5, "Nobody else offers this"),
            (4, "Founders answer within hours"),
            (3, "Needs API work from us first"),
            (4, "Fast-moving and open"),
            (2, "Seed-funded, 14 months of runway"),
            (1, "Two years old, no references yet"),
        ]);
        p
    }

    fn northwind(&self) -> Partner {
        let mut p = self.partner(
            ("Northwind Volunteer Network", "nonprofit network", "priya"),
            -12,
            &["volunteering", "network"],
            "Umbrella body for forty volunteer centres; it could recommend our app to its members.",
            &[],
        );
        p.contacts = contacts("northwind.example", &[("Agnes Thorburn", "Chief Executive", Theirs)]);
        p.scores = scores(&[
            (5, "Reaches every volunteer centre in the region"),
            (0, ""),
            (0, ""),
            (3, "Interested; their board meets quarterly"),
        ]);
        p
    }

    fn quayside(&self) -> Partner {
        let mut p = self.partner(
            ("Quayside Foundation", "grant-making foundation", "amara"),
            -95,
            &["funding", "grants"],
            "Family foundation funding digital projects in coastal towns. Back to prospect until \
             its next funding round opens.",
            &[
                (-60, "amara", "Assessing", "Invited to apply to the digital round"),
                (-25, "amara", "Prospect", "Funding round closed early; revisit when it reopens"),
            ],
        );
        p.contacts = contacts("quayside.example", &[("Rosalind Fairweather", "Grants Manager", Theirs)]);
        p.goals = self.goals(&[
            ("Fund app licences for 20 coastal charities", "charities funded", "20", None, "amara", false),
        ]);
        p.scores = scores(&[
            (4, "Funds the towns we struggle to reach"),
            (0, ""),
            (0, ""),
            (3, "Responsive, small team"),
            (0, ""),
            (4, "Shared focus on small charities"),
            (5, "Endowed foundation"),
        ]);
        p
    }

    fn oakridge(&self) -> Partner {
        let mut p = self.partner(
            ("Oakridge Training Collective", "training provider", "priya"),
            -260,
            &["training", "volunteers"],
            "Trainers who ran accredited safeguarding courses for the volunteers on our platform. \
             Paused while they replace the funding for their trainers.",
            &[
                (-230, "priya", "Assessing", "Good fit for volunteer safeguarding"),
                (-200, "priya", "Formalizing", "Course outline agreed"),
                (-160, "priya", "Active", "First cohort booked"),
                (-30, "priya", "Paused", "Their trainer funding fell through; paused until it is replaced"),
            ],
        );
        p.contacts = contacts("oakridge.example", &[
            ("Callum Reid", "Director", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Train 300 volunteers in safeguarding", "volunteers trained", "300", Some(60), "priya", true),
        ]);
        p.scores = scores(&[
            (4, "Safeguarding is a must for our charities"),
            (5, "Accredited trainers"),
            (2, "Classroom courses only"),
            (4, "Flexible on dates"),
            (3, "Needs funded places"),
            (4, "Care about volunteers as we do"),
            (2, "Relies on a single grant"),
            (4, "Ten years of courses"),
        ]);
        self.set_checkins(&mut p, vec![self.checkin(-32, "priya", "Callum confirmed their grant was not renewed.", &[
            ("Look for interim funding for trainer places", "amara", 30, None),
        ])]);
        p
    }

    fn eastfield(&self) -> Partner {
        let mut p = self.partner(
            ("Eastfield Community Kitchen", "community group", "priya"),
            -200,
            &["charity-event", "community"],
            "Volunteer kitchen we teamed up with to run the Eastfield Big Lunch, a charity cook-off \
             with a local bakery. The event is done and the money handed over.",
            &[
                (-185, "priya", "Assessing", "Asked us to run volunteer sign-ups for the event"),
                (-170, "priya", "Formalizing", "Roles agreed over coffee"),
                (-150, "priya", "Active", "Event planning under way"),
                (-40, "priya", "Ended", "Event delivered and funds handed over; closed as planned"),
            ],
        );
        p.contacts = contacts("eastfield.example", &[
            ("Dot Henshaw", "Kitchen Coordinator", Theirs),
            ("Priya Raman", "Programme Lead", Ours),
        ]);
        p.goals = self.goals(&[
            ("Raise £8,000 for the kitchen", "funds raised", "£8,000", Some(-60), "priya", true),
            ("Sign up 80 event volunteers in the app", "volunteers", "80", Some(-70), "priya", true),
        ]);
        p.scores = scores(&[
            (3, "Small, but a showcase for volunteer sign-ups"),
            (3, "Great cooks, first big event"),
            (3, "The cook-off idea was theirs"),
            (5, "Everyone pitched in"),
            (4, "Venue and food from them, sign-ups from us"),
            (5, "Warm, informal, local"),
            (2, "Runs on donations"),
            (3, "Smaller events before"),
        ]);
        self.set_reviews(&mut p, vec![self.review(
            (-45, "priya", "Final review"),
            &[
                ("Raise £8,000 for the kitchen", Met, "£9,350 raised"),
                ("Sign up 80 event volunteers in the app", Missed, "64; paper forms were still used"),
            ],
            "The bakery's cook-off brought people who had never been to the kitchen.",
            "Older volunteers preferred paper sign-up sheets.",
            &[("Write up the event as a case study", "priya", -20, Some(-22))],
        )]);
        p
    }
}

/// `count` values rising by `step` from `start`, with a small fixed wobble so the
/// line does not look machine-drawn.
fn ramp(start: f64, step: f64, count: usize) -> Vec<f64> {
    const WOBBLE: [f64; 4] = [0.0, 0.3, -0.2, 0.1];
    (0..count)
        .map(|index| {
            let wobble = if index + 1 == count {
                0.0
            } else {
                WOBBLE[index % 4] * step
            };
            (start + step * index as f64 + wobble).round()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use super::*;
    use crate::domain::attention::{portfolio_attention, upcoming};
    use crate::domain::dates::days_between;
    use crate::domain::health::health;
    use crate::domain::kpi::{KpiAssessment, KpiRules, KpiStatus};
    use crate::domain::smart::check_goal;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid test date")
    }

    const DATES: [&str; 2] = ["2026-11-28", "2027-06-15"];

    /// Every KPI with its partner's name and its assessment.
    fn assessments(today: NaiveDate) -> Vec<(String, KpiAssessment)> {
        let (workspace, partners) = demo_portfolio(today);
        let mut list = Vec::new();
        for (_, partner) in &partners {
            let rules = KpiRules::of(&workspace, partner);
            for kpi in &partner.kpis {
                list.push((partner.name.clone(), kpi.assess(today, rules)));
            }
        }
        list
    }

    #[test]
    fn twelve_partners_with_slug_ids_in_every_stage() {
        for today in DATES.map(day) {
            let (workspace, partners) = demo_portfolio(today);
            assert_eq!(partners.len(), 12);
            assert_eq!(workspace.demo_as_of, Some(today));
            assert_eq!(workspace.members.len(), 4);
            let ids: Vec<&str> = partners.iter().map(|(id, _)| id.as_str()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(ids, sorted, "sorted by id");
            assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 12, "ids unique");
            let handles: HashSet<&str> = workspace
                .members
                .iter()
                .map(|m| m.handle.as_str())
                .collect();
            for (id, partner) in &partners {
                assert_eq!(*id, slugify(&partner.name));
                assert!(workspace.stage(&partner.stage).is_some(), "{id}");
                assert!(handles.contains(partner.owner.as_str()), "{id} owner");
                if let Some(last) = partner.history.last() {
                    assert_eq!(partner.stage_since, last.date, "{id}");
                    assert_eq!(partner.stage, last.to, "{id}");
                }
                let people = partner
                    .history
                    .iter()
                    .map(|c| &c.author)
                    .chain(partner.checkins.iter().map(|c| &c.author))
                    .chain(partner.reviews.iter().map(|r| &r.author))
                    .chain(partner.actions.iter().map(|a| &a.owner))
                    .chain(partner.milestones.iter().map(|m| &m.owner))
                    .chain(partner.goals.iter().map(|g| &g.owner))
                    .chain(partner.agreement.deliverables.iter().map(|d| &d.owner));
                for handle in people {
                    assert!(handles.contains(handle.as_str()), "{id}: {handle}");
                }
            }
            let count = |stage: &str| partners.iter().filter(|(_, p)| p.stage == stage).count();
            for (stage, range) in [
                ("prospect", 2..=3),
                ("assessing", 2..=2),
                ("formalizing", 1..=2),
                ("active", 3..=4),
                ("expanding", 1..=1),
                ("paused", 1..=1),
                ("ended", 1..=1),
            ] {
                assert!(range.contains(&count(stage)), "{stage}");
            }
            let used: BTreeSet<&str> = partners.iter().map(|(_, p)| p.stage.as_str()).collect();
            assert_eq!(used.len(), workspace.stages.len(), "every stage used");
        }
    }

    #[test]
    fn every_record_has_an_id_and_every_link_resolves() {
        use crate::domain::integrity::{partner_id_problems, partner_reference_problems};
        for today in DATES.map(day) {
            let (workspace, partners) = demo_portfolio(today);
            for (id, partner) in &partners {
                let ids = partner.record_ids();
                assert!(ids.iter().all(|(_, _, id)| !id.is_empty()), "{id}");
                assert!(partner_id_problems(partner).is_empty(), "{id}");
                assert!(
                    partner_reference_problems(partner, &workspace).is_empty(),
                    "{id}"
                );
                for review in &partner.reviews {
                    for outcome in &review.outcomes {
                        assert!(partner.goal(&outcome.goal).is_some(), "{id}");
                        assert!(outcome.goal_text.is_empty(), "{id}");
                    }
                }
                for action in &partner.actions {
                    assert!(
                        partner.origin_label(action).is_some(),
                        "{id}: {}",
                        action.text
                    );
                }
            }
        }
    }

    #[test]
    fn kpis_show_every_status() {
        for today in DATES.map(day) {
            let list = assessments(today);
            let count = |status| list.iter().filter(|(_, a)| a.status == status).count();
            assert!(count(KpiStatus::Green) >= 3, "{list:#?}");
            assert!(count(KpiStatus::Amber) >= 1, "{list:#?}");
            assert!(count(KpiStatus::Red) >= 1, "{list:#?}");
            // Stale is a flag beside the status, which it never hides.
            assert!(
                list.iter().any(|(_, a)| a.stale && a.status.is_judged()),
                "{list:#?}"
            );
            assert!(list.iter().any(|(_, a)| a.early_warning), "{list:#?}");
            for (name, assessment) in &list {
                // Every line says in numbers why it has its colour.
                assert!(
                    assessment.explanation.chars().any(|c| c.is_ascii_digit()),
                    "{name}: {}",
                    assessment.explanation
                );
                // No forecast rests on fewer than 4 readings over 3 weeks.
                if assessment.forecast.is_some() {
                    assert!(assessment.window.can_forecast(), "{name}");
                }
            }
            let (_, partners) = demo_portfolio(today);
            let kpis = partners.iter().flat_map(|(_, p)| &p.kpis);
            assert!(
                kpis.clone()
                    .any(|k| k.direction == Direction::LowerIsBetter)
            );
            for kpi in kpis {
                assert!((8..=12).contains(&kpi.readings.len()), "{}", kpi.name);
                assert!(kpi.readings.iter().all(|r| r.date <= today), "{}", kpi.name);
            }
        }
    }

    #[test]
    fn milestones_goals_and_attention_cover_every_case() {
        for today in DATES.map(day) {
            let (workspace, partners) = demo_portfolio(today);
            let milestones: Vec<&Milestone> =
                partners.iter().flat_map(|(_, p)| &p.milestones).collect();
            let blocked = milestones
                .iter()
                .filter(|m| m.status == MilestoneStatus::Blocked)
                .count();
            assert!((1..=2).contains(&blocked));
            assert!(milestones.iter().any(|m| m.is_overdue(today)));
            assert!(milestones.iter().any(|m| m.slip_days() > 0));
            for milestone in &milestones {
                let done = milestone.status == MilestoneStatus::Done;
                assert_eq!(done, milestone.done.is_some(), "{}", milestone.title);
            }
            let goals: Vec<&Goal> = partners.iter().flat_map(|(_, p)| &p.goals).collect();
            assert!(goals.iter().any(|goal| check_goal(goal).passes()));
            assert!(goals.iter().any(|goal| !check_goal(goal).passes()));

            let refs = || partners.iter().map(|(id, p)| (id.as_str(), p));
            let items = portfolio_attention(refs(), &workspace, today);
            let kinds: HashSet<&str> = items.iter().map(|item| item.kind.as_str()).collect();
            for kind in [
                "red_kpi",
                "early_warning",
                "checkin_overdue",
                "overdue_milestone",
                "action_overdue",
                "agreement_review",
                "renewal",
            ] {
                assert!(kinds.contains(kind), "{kind} missing from {kinds:?}");
            }
            // A stale KPI is red here: its item says so, with the stale flag beside it.
            assert!(
                items
                    .iter()
                    .any(|item| item.why.contains("days without a reading")),
                "{items:#?}"
            );
            let overdue_actions = items
                .iter()
                .filter(|item| item.kind.as_str() == "action_overdue")
                .count();
            assert!(overdue_actions >= 2);
            assert!(!upcoming(refs(), &workspace, today, 14).is_empty());
        }
    }

    #[test]
    fn active_partners_have_a_spread_of_health() {
        for today in DATES.map(day) {
            let (workspace, partners) = demo_portfolio(today);
            let scores: Vec<u8> = partners
                .iter()
                .filter(|(_, p)| workspace.is_checkin_stage(&p.stage))
                .map(|(id, p)| {
                    let result = health(p, &workspace, today);
                    result
                        .score
                        .unwrap_or_else(|| panic!("{id}: {}", result.explain()))
                })
                .collect();
            assert!(scores.iter().any(|score| *score < 50), "{scores:?}");
            assert!(scores.iter().any(|score| *score > 70), "{scores:?}");
        }
    }

    /// Walks two JSON trees in step: every date in `a` is `shift` days before the one
    /// in `b`, and everything else is equal.
    fn assert_shifted(a: &serde_json::Value, b: &serde_json::Value, shift: i64, path: &str) {
        use serde_json::Value;
        match (a, b) {
            (Value::String(x), Value::String(y)) => {
                match (
                    NaiveDate::parse_from_str(x, "%Y-%m-%d"),
                    NaiveDate::parse_from_str(y, "%Y-%m-%d"),
                ) {
                    (Ok(x), Ok(y)) => assert_eq!(days_between(x, y), shift, "{path}"),
                    _ => assert_eq!(x, y, "{path}"),
                }
            }
            (Value::Array(xs), Value::Array(ys)) => {
                assert_eq!(xs.len(), ys.len(), "{path}");
                for (index, (x, y)) in xs.iter().zip(ys).enumerate() {
                    assert_shifted(x, y, shift, &format!("{path}[{index}]"));
                }
            }
            (Value::Object(xs), Value::Object(ys)) => {
                assert_eq!(xs.len(), ys.len(), "{path}");
                for (key, x) in xs {
                    let y = ys.get(key).unwrap_or(&Value::Null);
                    assert_shifted(x, y, shift, &format!("{path}.{key}"));
                }
            }
            _ => assert_eq!(a, b, "{path}"),
        }
    }

    #[test]
    fn every_date_is_relative_to_today() {
        let [first, second] = DATES.map(day);
        let shift = days_between(first, second);
        let (workspace_a, partners_a) = demo_portfolio(first);
        let (workspace_b, partners_b) = demo_portfolio(second);
        assert_shifted(&json(&workspace_a), &json(&workspace_b), shift, "workspace");
        assert_eq!(partners_a.len(), partners_b.len());
        for ((id_a, a), (id_b, b)) in partners_a.iter().zip(&partners_b) {
            assert_eq!(id_a, id_b);
            assert_shifted(&json(a), &json(b), shift, id_a);
        }
    }

    fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
        serde_json::to_value(value).expect("demo records serialise")
    }

    #[test]
    fn demo_records_round_trip_through_ron() {
        let (workspace, partners) = demo_portfolio(day(DATES[0]));
        let text = ron::to_string(&workspace).expect("workspace serialises");
        assert_eq!(ron::from_str::<Workspace>(&text).expect("loads"), workspace);
        for (id, partner) in &partners {
            let text = ron::to_string(partner).expect("partner serialises");
            assert_eq!(
                &ron::from_str::<Partner>(&text).expect("loads"),
                partner,
                "{id}"
            );
        }
    }
}
