//! The review form: one form with lists of rows — an outcome per goal, the KPIs
//! the review closes, the adjustments it decides (each an action item with an owner,
//! a side and a due date) — saved as one change of the partner, so one `u` undoes
//! all of it (`domain::review::save_review` does the work).

use super::partner::GONE;
use super::{Owners, labels, position};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Group, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::app::screens::scorecard::figures::kpi_figures;
use crate::domain::kpi::KpiOutcome;
use crate::domain::partner::{ActionItem, Outcome, OutcomeRating, Partner, Review, Side};
use crate::domain::review::{Adjustment, Closing, ReviewDraft, quarter_of, save_review};

/// An outcome's rating as the form's choice lists them; "not rated" rows are left
/// out of the review.
const RATINGS: [Option<OutcomeRating>; 4] = [
    None,
    Some(OutcomeRating::Met),
    Some(OutcomeRating::Partly),
    Some(OutcomeRating::Missed),
];

fn rating_label(rating: Option<OutcomeRating>) -> &'static str {
    rating.map_or("not rated", OutcomeRating::label)
}

/// The goals an outcome can be about: the partner's, and any an existing outcome
/// names that is no longer one of them (kept, so editing never loses it).
struct GoalChoice {
    labels: Vec<String>,
    /// `(goal id, goal text)` per option.
    goals: Vec<(String, String)>,
}

impl GoalChoice {
    fn new(partner: &Partner, review: Option<&Review>) -> GoalChoice {
        let mut labels = Vec::new();
        let mut goals = Vec::new();
        for goal in &partner.goals {
            labels.push(goal.statement.clone());
            goals.push((goal.id.clone(), String::new()));
        }
        for outcome in review.map_or(&[][..], |r| &r.outcomes) {
            if partner.goal(&outcome.goal).is_none()
                && !goals
                    .iter()
                    .any(|(id, text)| *id == outcome.goal && *text == outcome.goal_text)
            {
                labels.push(
                    match (outcome.goal_text.is_empty(), outcome.goal.is_empty()) {
                        (false, _) => outcome.goal_text.clone(),
                        (true, false) => format!("{} (no longer a goal)", outcome.goal),
                        (true, true) => "(no goal)".to_string(),
                    },
                );
                goals.push((outcome.goal.clone(), outcome.goal_text.clone()));
            }
        }
        GoalChoice { labels, goals }
    }

    fn index_of(&self, outcome: &Outcome) -> usize {
        self.goals
            .iter()
            .position(|(id, text)| {
                *id == outcome.goal && (text.is_empty() || *text == outcome.goal_text)
            })
            .unwrap_or(0)
    }
}

/// The KPIs a review can close: the open ones, and those this review closed.
struct KpiChoice {
    labels: Vec<String>,
    ids: Vec<String>,
}

impl KpiChoice {
    fn new(data: &Data, id: &str, partner: &Partner, review: Option<&Review>) -> KpiChoice {
        let closed_here: &[String] = review.map_or(&[], |r| &r.closed_kpis);
        let assessments = data.figures(id).map_or(&[][..], |f| &f.assessments);
        let mut labels = Vec::new();
        let mut ids = Vec::new();
        for (index, kpi) in partner.kpis.iter().enumerate() {
            if kpi.closed.is_some() && !closed_here.contains(&kpi.id) {
                continue;
            }
            let status = assessments
                .get(index)
                .filter(|_| kpi.closed.is_none())
                .map(|a| {
                    let f = kpi_figures(kpi, a);
                    format!(" ({})", f.status.label())
                })
                .unwrap_or_default();
            labels.push(format!("{}{status}", kpi.name));
            ids.push(kpi.id.clone());
        }
        KpiChoice { labels, ids }
    }
}

/// Everything the form offers, built the same way for the form and its submit.
struct Choices {
    goals: GoalChoice,
    kpis: KpiChoice,
    owners: Owners,
}

/// A review of a partner; `at: None` records a new one.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    pub partner: String,
    pub at: Option<Rec>,
}

impl ReviewForm {
    fn review<'a>(&self, partner: &'a Partner) -> Option<Option<&'a Review>> {
        match &self.at {
            Some(at) => at.find(&partner.reviews).map(Some),
            None => Some(None),
        }
    }

    fn choices(&self, data: &Data, partner: &Partner, review: Option<&Review>) -> Choices {
        let adjustments = adjustments_of(partner, review);
        let owners: Vec<&str> = adjustments.iter().map(|a| a.owner.as_str()).collect();
        Choices {
            goals: GoalChoice::new(partner, review),
            kpis: KpiChoice::new(data, &self.partner, partner, review),
            owners: Owners::new(data, partner, &owners),
        }
    }
}

/// The action items review `review` decided, in its order.
fn adjustments_of<'a>(partner: &'a Partner, review: Option<&Review>) -> Vec<&'a ActionItem> {
    review.map_or_else(Vec::new, |review| {
        review
            .adjustments
            .iter()
            .filter_map(|id| partner.actions.iter().find(|a| a.id == *id))
            .collect()
    })
}

impl FormSpec for ReviewForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let review = self.review(p)?;
        let choices = self.choices(data, p, review);
        let date = review.map_or(data.today, |r| r.date);

        // Outcomes: the review's, or a row per goal to rate.
        let outcomes: Vec<Outcome> = match review {
            Some(review) => review.outcomes.clone(),
            None => p
                .goals
                .iter()
                .map(|goal| Outcome {
                    goal: goal.id.clone(),
                    ..Outcome::default()
                })
                .collect(),
        };
        let rated = review.is_some();
        let goals = &choices.goals;
        let outcome_rows = Group::of("outcomes", "Outcomes", &outcomes, |outcome| {
            let rating = match outcome {
                Some(o) if rated => Some(o.rating),
                _ => None,
            };
            vec![
                Field::choice(
                    "goal",
                    "Goal",
                    goals.labels.clone(),
                    outcome.map_or(0, |o| goals.index_of(o)),
                ),
                Field::choice(
                    "rating",
                    "Rating",
                    labels(&RATINGS, rating_label),
                    position(&RATINGS, &rating),
                )
                .hint("met, partly or missed; a goal not rated is left out of the review"),
                Field::text(
                    "comment",
                    "Comment",
                    outcome.map_or("", |o| o.comment.as_str()),
                ),
            ]
        });

        // KPIs closed: the review's, or — for a new one — every open KPI whose
        // target date has come, met or missed as its latest reading says.
        let closings: Vec<Closing> = match review {
            Some(review) => review
                .closed_kpis
                .iter()
                .filter_map(|id| p.kpis.iter().find(|k| k.id == *id))
                .map(|kpi| Closing {
                    kpi: kpi.id.clone(),
                    outcome: kpi.closed.as_ref().map_or(KpiOutcome::Met, |c| c.outcome),
                    note: kpi
                        .closed
                        .as_ref()
                        .map(|c| c.note.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            None => p
                .kpis
                .iter()
                .filter(|kpi| kpi.closed.is_none() && kpi.target_date <= date)
                .map(|kpi| {
                    let met = kpi
                        .readings_until(date)
                        .last()
                        .is_some_and(|r| kpi.direction.meets(r.value, kpi.target));
                    Closing {
                        kpi: kpi.id.clone(),
                        outcome: if met {
                            KpiOutcome::Met
                        } else {
                            KpiOutcome::Missed
                        },
                        note: String::new(),
                    }
                })
                .collect(),
        };
        let kpis = &choices.kpis;
        let closing_rows = Group::of("closed", "KPIs closed", &closings, |closing| {
            vec![
                Field::choice(
                    "kpi",
                    "KPI",
                    kpis.labels.clone(),
                    closing.map_or(0, |c| position(&kpis.ids, &c.kpi)),
                ),
                Field::choice(
                    "outcome",
                    "Outcome",
                    labels(&KpiOutcome::ALL, KpiOutcome::label),
                    closing.map_or(0, |c| position(&KpiOutcome::ALL, &c.outcome)),
                ),
                Field::text("note", "Note", closing.map_or("", |c| c.note.as_str())),
            ]
        });

        // Adjustments: each row remembers its action item.
        let owners = &choices.owners;
        let adjustments = adjustments_of(p, review);
        let adjustment_rows = Group::keyed(
            "adjustments",
            "Adjustments",
            &adjustments,
            |action| action.id.clone(),
            |action| {
                vec![
                    Field::text("text", "Action", action.map_or("", |a| a.text.as_str()))
                        .required(),
                    Field::choice(
                        "owner",
                        "Owner",
                        owners.labels.clone(),
                        action.map_or(0, |a| owners.index_of(&a.owner)),
                    ),
                    Field::choice(
                        "side",
                        "Side",
                        labels(&Side::ALL, Side::label),
                        action.map_or(0, |a| position(&Side::ALL, &a.side)),
                    ),
                    Field::date("due", "Due", action.and_then(|a| a.due))
                        .required()
                        .hint("it becomes an action item, due then (+2w, 2027-01-15)"),
                ]
            },
        );

        let title = match review {
            Some(r) => format!("Review of {} ({})", r.date, p.name),
            None => format!("Record a review of {}", p.name),
        };
        let period = review.map_or_else(|| quarter_of(date), |r| r.period.clone());
        Some(
            Form::new(title)
                .field(
                    Field::date("date", "Date", Some(date))
                        .required()
                        .hint("the day it was held: today or before"),
                )
                .field(Field::text("period", "Period", &period).hint("what it looks back on"))
                .group(outcome_rows)
                .field(Field::multiline(
                    "worked",
                    "What worked",
                    review.map_or("", |r| r.worked.as_str()),
                ))
                .field(Field::multiline(
                    "challenges",
                    "Challenges",
                    review.map_or("", |r| r.challenges.as_str()),
                ))
                .group(closing_rows)
                .group(adjustment_rows),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        Reject::if_after_today(
            values,
            "date",
            data.today,
            "record a review once it was held",
        )?;
        let p = data
            .partner_data(&self.partner)
            .ok_or_else(|| Reject::field("date", GONE))?;
        let review = self.review(p).ok_or_else(|| Reject::field("date", GONE))?;
        let choices = self.choices(data, p, review);
        let outcomes = values.rows("outcomes");
        if !outcomes.is_empty() && choices.goals.goals.is_empty() {
            return Err(Reject::row(
                "outcomes",
                0,
                "goal",
                "the partner has no goals yet: add them in its detail (Profile & goals)",
            ));
        }
        for (index, row) in outcomes.iter().enumerate() {
            let goal = row.choice("goal");
            let rated = values_rating(row).is_some();
            if rated
                && outcomes[..index]
                    .iter()
                    .any(|other| other.choice("goal") == goal && values_rating(other).is_some())
            {
                return Err(Reject::row(
                    "outcomes",
                    index,
                    "goal",
                    "this goal is rated above already",
                ));
            }
        }
        let closed = values.rows("closed");
        if !closed.is_empty() && choices.kpis.ids.is_empty() {
            return Err(Reject::row("closed", 0, "kpi", "no open KPI to close"));
        }
        for (index, row) in closed.iter().enumerate() {
            if closed[..index]
                .iter()
                .any(|other| other.choice("kpi") == row.choice("kpi"))
            {
                return Err(Reject::row(
                    "closed",
                    index,
                    "kpi",
                    "this KPI is closed above already",
                ));
            }
        }
        for (index, row) in values.rows("adjustments").iter().enumerate() {
            if choices
                .owners
                .names
                .get(row.choice("owner"))
                .is_none_or(String::is_empty)
            {
                return Err(Reject::row(
                    "adjustments",
                    index,
                    "owner",
                    "who owns it? an adjustment is an action item with an owner",
                ));
            }
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let p = data.partner_data(&self.partner).ok_or(GONE)?;
        let review = self.review(p).ok_or(GONE)?;
        let choices = self.choices(data, p, review);
        let date = values.date("date").ok_or("a review needs a date")?;
        let draft = ReviewDraft {
            date,
            author: data.author.clone(),
            period: values.text("period"),
            outcomes: values
                .rows("outcomes")
                .iter()
                .filter_map(|row| {
                    let rating = values_rating(row)?;
                    let (goal, goal_text) = choices.goals.goals.get(row.choice("goal"))?.clone();
                    Some(Outcome {
                        goal,
                        goal_text,
                        rating,
                        comment: row.text("comment"),
                    })
                })
                .collect(),
            worked: values.text("worked"),
            challenges: values.text("challenges"),
            closings: values
                .rows("closed")
                .iter()
                .filter_map(|row| {
                    Some(Closing {
                        kpi: choices.kpis.ids.get(row.choice("kpi"))?.clone(),
                        outcome: row.pick("outcome", &KpiOutcome::ALL)?,
                        note: row.text("note"),
                    })
                })
                .collect(),
            adjustments: values
                .rows("adjustments")
                .iter()
                .map(|row| Adjustment {
                    action: row.key().map(str::to_string),
                    text: row.text("text"),
                    owner: choices
                        .owners
                        .names
                        .get(row.choice("owner"))
                        .cloned()
                        .unwrap_or_default(),
                    side: row.pick("side", &Side::ALL).unwrap_or_default(),
                    due: row.date("due"),
                })
                .collect(),
        };
        let (closed, adjusted) = (draft.closings.len(), draft.adjustments.len());
        let mut failed = None;
        let mut placed = None;
        let change = data.change_partner(&self.partner, |p| {
            let at = self.at.as_ref().map(Rec::as_str);
            match save_review(p, at, draft, &mut |p, kind| data.new_id(p, kind)) {
                Ok(id) => placed = Some(id),
                Err(error) => {
                    failed = Some(error.to_string());
                    return None;
                }
            }
            let verb = if self.at.is_some() {
                "edited"
            } else {
                "recorded"
            };
            let mut also = Vec::new();
            if closed > 0 {
                also.push(format!(
                    "{closed} KPI{} closed",
                    if closed == 1 { "" } else { "s" }
                ));
            }
            if adjusted > 0 {
                also.push(format!(
                    "{adjusted} adjustment{} as action items",
                    if adjusted == 1 { "" } else { "s" }
                ));
            }
            let also = if also.is_empty() {
                String::new()
            } else {
                format!(": {}", also.join(", "))
            };
            Some(format!("{verb} the review of {date}{also} ({})", p.name))
        });
        let change = match (change, failed) {
            (_, Some(why)) => return Err(format!("review not saved: {why}")),
            (None, None) => return Err(GONE.to_string()),
            (Some(change), None) => change,
        };
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|id| {
            Effect::Reveal(Reveal::Record {
                partner: self.partner.clone(),
                id,
            })
        }));
        Ok(effects)
    }
}

/// A row's rating, `None` for "not rated".
fn values_rating(row: &Values) -> Option<OutcomeRating> {
    RATINGS.get(row.choice("rating")).copied().flatten()
}
