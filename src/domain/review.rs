//! Recording a periodic review as one edit of a partner: its outcomes against the
//! goals, the KPIs it closes, and the adjustments it decides — each an action item
//! in the partner's one list, with the review as its origin, so the next check-in
//! finds it waiting. Revising or removing a review keeps all three in step.

use chrono::NaiveDate;

use super::activity::{ActionItem, Outcome, Review};
use super::ids::RecordKind;
use super::kpi::{KpiClosed, KpiOutcome};
use super::partner::{Partner, Side};

/// Everything a review says, as the form gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDraft {
    pub date: NaiveDate,
    pub author: String,
    pub period: String,
    pub outcomes: Vec<Outcome>,
    pub worked: String,
    pub challenges: String,
    pub closings: Vec<Closing>,
    pub adjustments: Vec<Adjustment>,
}

/// A KPI the review closes, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// The KPI's id.
    pub kpi: String,
    pub outcome: KpiOutcome,
    pub note: String,
}

/// An adjustment decided at the review: an action item with an owner, a side and a
/// due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    /// The action item it already is (revising a review); `None` for a new one.
    pub action: Option<String>,
    pub text: String,
    pub owner: String,
    pub side: Side,
    pub due: Option<NaiveDate>,
}

/// Why a review cannot be saved as drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// The review to revise is gone.
    NoReview,
    /// A KPI to close is not the partner's (any more).
    NoKpi(String),
    /// A KPI is listed twice.
    KpiTwice(String),
    /// A KPI to close was closed already, other than by this review.
    AlreadyClosed(String),
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewError::NoReview => write!(f, "the review is no longer there"),
            ReviewError::NoKpi(id) => write!(f, "KPI {id} is no longer there"),
            ReviewError::KpiTwice(name) => write!(f, "KPI {name} is closed twice"),
            ReviewError::AlreadyClosed(name) => write!(f, "KPI {name} was closed already"),
        }
    }
}

/// A new id of a kind for a record about to be added to the partner.
pub type NewId<'a> = dyn FnMut(&Partner, RecordKind) -> String + 'a;

/// Saves `draft` as a new review (`at: None`) or over review `at`, and returns the
/// review's id. KPIs it closes are closed on the review's date; KPIs it no longer
/// closes are open again. Adjustments become action items (origin: the review);
/// those it no longer lists are removed; those it still lists are updated, keeping
/// whether they are done. Nothing changes when it returns an error.
pub fn save_review(
    partner: &mut Partner,
    at: Option<&str>,
    draft: ReviewDraft,
    new_id: &mut NewId,
) -> Result<String, ReviewError> {
    let previous = match at {
        Some(id) => Some(partner.review(id).ok_or(ReviewError::NoReview)?.clone()),
        None => None,
    };
    let closed_before: &[String] = previous.as_ref().map_or(&[], |r| &r.closed_kpis);
    for (index, closing) in draft.closings.iter().enumerate() {
        let kpi = partner
            .kpis
            .iter()
            .find(|kpi| kpi.id == closing.kpi)
            .ok_or_else(|| ReviewError::NoKpi(closing.kpi.clone()))?;
        if draft.closings[..index].iter().any(|c| c.kpi == closing.kpi) {
            return Err(ReviewError::KpiTwice(kpi.name.clone()));
        }
        if kpi.closed.is_some() && !closed_before.contains(&kpi.id) {
            return Err(ReviewError::AlreadyClosed(kpi.name.clone()));
        }
    }

    let id = match &previous {
        Some(review) => review.id.clone(),
        None => new_id(partner, RecordKind::Review),
    };
    // Reopen what this review closed and no longer does; close what it lists.
    for kpi in &mut partner.kpis {
        if closed_before.contains(&kpi.id) && !draft.closings.iter().any(|c| c.kpi == kpi.id) {
            kpi.closed = None;
        }
        if let Some(closing) = draft.closings.iter().find(|c| c.kpi == kpi.id) {
            kpi.closed = Some(KpiClosed {
                date: draft.date,
                outcome: closing.outcome,
                note: closing.note.clone(),
            });
        }
    }

    // Adjustments: drop the action items no longer listed, update the others, add
    // the new ones.
    let before: &[String] = previous.as_ref().map_or(&[], |r| &r.adjustments);
    let kept: Vec<&str> = draft
        .adjustments
        .iter()
        .filter_map(|adjustment| adjustment.action.as_deref())
        .collect();
    for dropped in before
        .iter()
        .filter(|action| !kept.contains(&action.as_str()))
    {
        if let Some(index) = partner.actions.iter().position(|a| a.id == *dropped) {
            partner.remove_action(index);
        }
    }
    let mut adjustments = Vec::new();
    for adjustment in draft.adjustments {
        let existing = adjustment
            .action
            .as_deref()
            .filter(|action| before.iter().any(|b| b == action))
            .and_then(|action| partner.actions.iter().position(|a| a.id == action));
        let action_id = match existing {
            Some(index) => {
                let action = &mut partner.actions[index];
                action.text = adjustment.text;
                action.owner = adjustment.owner;
                action.side = adjustment.side;
                action.due = adjustment.due;
                action.id.clone()
            }
            None => {
                let action_id = new_id(partner, RecordKind::Action);
                partner.actions.push(ActionItem {
                    id: action_id.clone(),
                    text: adjustment.text,
                    owner: adjustment.owner,
                    side: adjustment.side,
                    due: adjustment.due,
                    done: None,
                    origin: Some(id.clone()),
                });
                action_id
            }
        };
        adjustments.push(action_id);
    }

    let review = Review {
        id: id.clone(),
        date: draft.date,
        author: draft.author,
        period: draft.period,
        outcomes: draft.outcomes,
        worked: draft.worked,
        challenges: draft.challenges,
        closed_kpis: draft.closings.into_iter().map(|c| c.kpi).collect(),
        adjustments,
    };
    match partner.reviews.iter_mut().find(|r| r.id == id) {
        Some(existing) => {
            // A revised review keeps who recorded it.
            let author = std::mem::take(&mut existing.author);
            *existing = Review { author, ..review };
        }
        None => {
            // Reviews stay in date order, as the file lists them.
            let at = partner
                .reviews
                .iter()
                .position(|r| r.date > review.date)
                .unwrap_or(partner.reviews.len());
            partner.reviews.insert(at, review);
        }
    }
    Ok(id)
}

/// What removing a review took with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub review: Review,
    /// Its adjustments, removed from the action items.
    pub actions: usize,
    /// The KPIs it had closed, open again.
    pub reopened: usize,
}

/// Removes review `id` with the action items it decided, and opens again the KPIs
/// it closed.
pub fn remove_review(partner: &mut Partner, id: &str) -> Option<Removed> {
    let index = partner.reviews.iter().position(|r| r.id == id)?;
    let review = partner.reviews.remove(index);
    let before = partner.actions.len();
    partner.actions.retain(|action| {
        !review.adjustments.contains(&action.id) && action.origin.as_deref() != Some(id)
    });
    for checkin in &mut partner.checkins {
        checkin
            .actions
            .retain(|action| !review.adjustments.contains(action));
    }
    let actions = before - partner.actions.len();
    let mut reopened = 0;
    for kpi in &mut partner.kpis {
        if review.closed_kpis.contains(&kpi.id) && kpi.closed.take().is_some() {
            reopened += 1;
        }
    }
    Some(Removed {
        review,
        actions,
        reopened,
    })
}

/// "2026 Q4": the calendar quarter of `date`, the period a review on that day is
/// usually about.
pub fn quarter_of(date: NaiveDate) -> String {
    crate::domain::period::Quarter::of(date).label()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::OutcomeRating;
    use crate::domain::kpi::{Kpi, Reading};
    use crate::domain::partner::Goal;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// A partner with a goal, two KPIs and one open action of its own.
    fn partner() -> Partner {
        let mut p = Partner::new("Acme", "", "maya", "active", day("2026-01-01"));
        p.goals.push(Goal {
            id: "gl-reach".into(),
            statement: "Reach 100 schools".into(),
            ..Goal::default()
        });
        for (id, name) in [("kp-schools", "Schools"), ("kp-cost", "Cost")] {
            p.kpis.push(Kpi {
                id: id.into(),
                readings: vec![Reading::new(day("2026-03-01"), 40.0)],
                ..Kpi::new(name, (0.0, 100.0), (day("2026-01-01"), day("2026-06-30")))
            });
        }
        p.actions.push(ActionItem {
            id: "ac-own".into(),
            text: "Our own".into(),
            ..ActionItem::default()
        });
        p
    }

    /// Hands out `rv-1`, `ac-1`, `ac-2`… in order.
    fn counter() -> impl FnMut(&Partner, RecordKind) -> String {
        let mut issued = 0;
        move |_: &Partner, kind: RecordKind| {
            issued += 1;
            format!("{}-{issued}", kind.prefix())
        }
    }

    fn draft() -> ReviewDraft {
        ReviewDraft {
            date: day("2026-06-30"),
            author: "maya".into(),
            period: "2026 Q2".into(),
            outcomes: vec![Outcome {
                goal: "gl-reach".into(),
                rating: OutcomeRating::Partly,
                comment: "40 of 100".into(),
                ..Outcome::default()
            }],
            worked: "Weekly calls".into(),
            challenges: "Supply".into(),
            closings: vec![Closing {
                kpi: "kp-cost".into(),
                outcome: KpiOutcome::Missed,
                note: "replaced".into(),
            }],
            adjustments: vec![
                Adjustment {
                    action: None,
                    text: "Second supplier".into(),
                    owner: "maya".into(),
                    side: Side::Ours,
                    due: Some(day("2026-07-15")),
                },
                Adjustment {
                    action: None,
                    text: "Share the school list".into(),
                    owner: "Dev Patel".into(),
                    side: Side::Theirs,
                    due: Some(day("2026-07-31")),
                },
            ],
        }
    }

    #[test]
    fn a_review_records_outcomes_closes_kpis_and_turns_adjustments_into_actions() {
        let mut p = partner();
        let mut ids = counter();
        let id = save_review(&mut p, None, draft(), &mut ids).unwrap();
        assert_eq!(id, "rv-1");
        let review = p.review(&id).unwrap();
        assert_eq!(review.period, "2026 Q2");
        assert_eq!(review.outcomes[0].goal, "gl-reach");
        assert_eq!(review.closed_kpis, ["kp-cost"]);
        assert_eq!(review.adjustments, ["ac-2", "ac-3"]);
        let closed = p.kpis[1].closed.as_ref().unwrap();
        assert_eq!(
            (closed.date, closed.outcome, closed.note.as_str()),
            (day("2026-06-30"), KpiOutcome::Missed, "replaced")
        );
        assert_eq!(p.kpis[0].closed, None);
        let supplier = &p.actions[1];
        assert_eq!(supplier.id, "ac-2");
        assert_eq!(supplier.text, "Second supplier");
        assert_eq!(supplier.origin.as_deref(), Some("rv-1"));
        assert_eq!(supplier.due, Some(day("2026-07-15")));
        assert!(supplier.is_open());
        let theirs = &p.actions[2];
        assert_eq!(
            (theirs.owner.as_str(), theirs.side),
            ("Dev Patel", Side::Theirs)
        );
        assert_eq!(p.origin_label(theirs).as_deref(), Some("review 2026-06-30"));
    }

    #[test]
    fn reviews_stay_in_date_order() {
        let mut p = partner();
        let mut ids = counter();
        save_review(&mut p, None, draft(), &mut ids).unwrap();
        let earlier = ReviewDraft {
            date: day("2026-03-31"),
            closings: Vec::new(),
            adjustments: Vec::new(),
            ..draft()
        };
        save_review(&mut p, None, earlier, &mut ids).unwrap();
        let dates: Vec<NaiveDate> = p.reviews.iter().map(|r| r.date).collect();
        assert_eq!(dates, [day("2026-03-31"), day("2026-06-30")]);
    }

    #[test]
    fn revising_a_review_keeps_its_actions_in_step() {
        let mut p = partner();
        let mut ids = counter();
        let id = save_review(&mut p, None, draft(), &mut ids).unwrap();
        // The supplier action was done meanwhile.
        p.actions[1].done = Some(day("2026-07-10"));
        let mut revised = draft();
        revised.author = "tomas".into();
        revised.closings = vec![Closing {
            kpi: "kp-schools".into(),
            outcome: KpiOutcome::Dropped,
            note: String::new(),
        }];
        revised.adjustments = vec![
            Adjustment {
                action: Some("ac-2".into()),
                text: "Second supplier, signed".into(),
                ..draft().adjustments[0].clone()
            },
            Adjustment {
                action: None,
                text: "Visit the schools".into(),
                owner: "maya".into(),
                side: Side::Joint,
                due: Some(day("2026-08-01")),
            },
        ];
        save_review(&mut p, Some(&id), revised, &mut ids).unwrap();
        let review = p.review(&id).unwrap();
        assert_eq!(review.author, "maya", "who recorded it stays");
        assert_eq!(review.closed_kpis, ["kp-schools"]);
        assert_eq!(p.kpis[1].closed, None, "no longer closed: open again");
        assert_eq!(
            p.kpis[0].closed.as_ref().map(|c| c.outcome),
            Some(KpiOutcome::Dropped)
        );
        let texts: Vec<&str> = p.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Our own", "Second supplier, signed", "Visit the schools"]
        );
        assert_eq!(
            p.actions[1].done,
            Some(day("2026-07-10")),
            "done stays done"
        );
        assert_eq!(review.adjustments, ["ac-2", "ac-4"]);
        assert_eq!(p.reviews.len(), 1);
    }

    #[test]
    fn a_review_that_cannot_be_saved_changes_nothing() {
        let mut p = partner();
        let mut ids = counter();
        let before = p.clone();
        let mut twice = draft();
        twice.closings.push(twice.closings[0].clone());
        assert_eq!(
            save_review(&mut p, None, twice, &mut ids),
            Err(ReviewError::KpiTwice("Cost".into()))
        );
        let mut gone = draft();
        gone.closings[0].kpi = "kp-gone".into();
        assert_eq!(
            save_review(&mut p, None, gone, &mut ids),
            Err(ReviewError::NoKpi("kp-gone".into()))
        );
        p.kpis[1].closed = Some(KpiClosed {
            date: day("2026-05-01"),
            outcome: KpiOutcome::Met,
            note: String::new(),
        });
        let closed = p.clone();
        assert_eq!(
            save_review(&mut p, None, draft(), &mut ids),
            Err(ReviewError::AlreadyClosed("Cost".into()))
        );
        assert_eq!(p, closed);
        assert_eq!(
            save_review(&mut p, Some("rv-gone"), draft(), &mut ids),
            Err(ReviewError::NoReview)
        );
        p.kpis[1].closed = None;
        assert_eq!(p, before);
    }

    #[test]
    fn removing_a_review_takes_its_actions_and_reopens_its_kpis() {
        let mut p = partner();
        let mut ids = counter();
        let id = save_review(&mut p, None, draft(), &mut ids).unwrap();
        let removed = remove_review(&mut p, &id).unwrap();
        assert_eq!((removed.actions, removed.reopened), (2, 1));
        assert_eq!(p, partner());
        assert_eq!(remove_review(&mut p, &id), None);
    }

    #[test]
    fn the_period_is_the_quarter_of_the_date() {
        assert_eq!(quarter_of(day("2026-11-28")), "2026 Q4");
        assert_eq!(quarter_of(day("2026-01-01")), "2026 Q1");
        assert_eq!(quarter_of(day("2026-06-30")), "2026 Q2");
    }
}
