//! What `a`, `e`, `d`, `r`, `f` and `R` do on the Scorecard: the form for the
//! selected item of the focused panel (or a new one), and the question before a
//! delete, which names what goes with it.

use super::{Panel, ScorecardScreen};
use crate::app::action::{Action, ScorecardAction};
use crate::app::effect::{Confirm, Effect};
use crate::app::form::FormSpec;
use crate::app::forms::feedback::FeedbackForm;
use crate::app::forms::kpi::{KpiForm, ReadingForm};
use crate::app::forms::review::ReviewForm;
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::review::remove_review;
use crate::text::count;

const NO_PARTNER: &str = "no partner yet: add one on the Pipeline (2, then a)";
const NO_KPI: &str = "no KPI selected: a in the KPI panel adds one";

/// The keys of the scorecard itself that open a form or ask a question.
pub(super) fn cards(screen: &ScorecardScreen, data: &Data, action: Action, fx: &mut Vec<Effect>) {
    let Some(partner) = screen.partner_id().map(str::to_string) else {
        if matches!(
            action,
            Action::Add
                | Action::Edit
                | Action::Delete
                | Action::Scorecard(
                    ScorecardAction::AddReading
                        | ScorecardAction::AddFeedback
                        | ScorecardAction::RecordReview
                )
        ) {
            fx.push(Effect::info(NO_PARTNER));
        }
        return;
    };
    let selected = screen.selected(screen.panel).cloned();
    let form: Box<dyn FormSpec> = match (action, screen.panel) {
        (Action::Add, Panel::Kpis) => Box::new(KpiForm {
            partner,
            at: None,
            perspective: screen.perspective.clone(),
        }),
        (Action::Add, Panel::Feedback) | (Action::Scorecard(ScorecardAction::AddFeedback), _) => {
            Box::new(FeedbackForm { partner, at: None })
        }
        (Action::Add, Panel::Reviews) | (Action::Scorecard(ScorecardAction::RecordReview), _) => {
            Box::new(ReviewForm { partner, at: None })
        }
        (Action::Scorecard(ScorecardAction::AddReading), _) => {
            match screen.selected(Panel::Kpis) {
                Some(kpi) => add_reading(data, &partner, kpi, fx),
                None => fx.push(Effect::info(NO_KPI)),
            }
            return;
        }
        (Action::Edit, panel) => {
            let Some(at) = selected else {
                fx.push(Effect::info(nothing_selected(panel)));
                return;
            };
            match panel {
                Panel::Kpis => Box::new(KpiForm {
                    partner,
                    at: Some(at),
                    perspective: None,
                }),
                Panel::Feedback => Box::new(FeedbackForm {
                    partner,
                    at: Some(at),
                }),
                Panel::Reviews => Box::new(ReviewForm {
                    partner,
                    at: Some(at),
                }),
            }
        }
        (Action::Delete, panel) => {
            match selected {
                Some(at) => delete(data, &partner, panel, &at, fx),
                None => fx.push(Effect::info(nothing_selected(panel))),
            }
            return;
        }
        _ => return,
    };
    fx.push(Effect::OpenForm(form));
}

fn nothing_selected(panel: Panel) -> &'static str {
    match panel {
        Panel::Kpis => "no KPI selected: a adds one",
        Panel::Feedback => "no feedback selected: f adds some",
        Panel::Reviews => "no review selected: R records one",
    }
}

/// The keys of a KPI up close: readings added, edited, deleted.
pub(super) fn kpi(screen: &ScorecardScreen, data: &Data, action: Action, fx: &mut Vec<Effect>) {
    let (Some(partner), Some(kpi)) = (screen.partner_id(), screen.selected(Panel::Kpis)) else {
        return;
    };
    match action {
        Action::Add | Action::Scorecard(ScorecardAction::AddReading) => {
            add_reading(data, partner, kpi, fx)
        }
        Action::Edit => match screen.reading() {
            Some(at) => fx.push(Effect::OpenForm(Box::new(ReadingForm {
                partner: partner.to_string(),
                kpi: kpi.clone(),
                at: Some(at.clone()),
            }))),
            None => fx.push(Effect::info("no reading yet: r adds one")),
        },
        Action::Delete => match screen.reading() {
            Some(at) => delete_reading(data, partner, kpi, at, fx),
            None => fx.push(Effect::info("no reading to delete")),
        },
        _ => {}
    }
}

/// The keys of a review read in full.
pub(super) fn review(screen: &ScorecardScreen, data: &Data, action: Action, fx: &mut Vec<Effect>) {
    let (Some(partner), Some(at)) = (screen.partner_id(), screen.selected(Panel::Reviews)) else {
        return;
    };
    match action {
        Action::Edit => fx.push(Effect::OpenForm(Box::new(ReviewForm {
            partner: partner.to_string(),
            at: Some(at.clone()),
        }))),
        Action::Delete => delete(data, partner, Panel::Reviews, at, fx),
        _ => {}
    }
}

/// `r`: the reading form for KPI `kpi` of `partner`.
pub(super) fn add_reading(data: &Data, partner: &str, kpi: &Rec, fx: &mut Vec<Effect>) {
    let closed = data
        .partner_data(partner)
        .and_then(|p| kpi.find(&p.kpis))
        .is_some_and(|k| k.closed.is_some());
    fx.push(Effect::OpenForm(Box::new(ReadingForm {
        partner: partner.to_string(),
        kpi: kpi.clone(),
        at: None,
    })));
    if closed {
        fx.push(Effect::info(
            "this KPI is closed: a reading is kept as history and changes no status",
        ));
    }
}

/// `d`: asks, naming the item and what goes with it; yes removes it.
fn delete(data: &Data, partner: &str, panel: Panel, at: &Rec, fx: &mut Vec<Effect>) {
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let mut question = String::new();
    let change = data.change_partner(partner, |p| {
        let description = match panel {
            Panel::Kpis => {
                let kpi = at.remove(&mut p.kpis)?;
                // A review that closed it no longer names a KPI that is not there.
                for review in &mut p.reviews {
                    review.closed_kpis.retain(|id| *id != kpi.id);
                }
                question = match kpi.readings.len() {
                    0 => format!("Delete KPI “{}” of {}?", kpi.name, p.name),
                    1 => format!("Delete KPI “{}” of {} and its reading?", kpi.name, p.name),
                    n => format!(
                        "Delete KPI “{}” of {} and its {n} readings?",
                        kpi.name, p.name
                    ),
                };
                format!("deleted KPI “{}” ({})", kpi.name, p.name)
            }
            Panel::Feedback => {
                let note = at.remove(&mut p.feedback)?;
                question = format!(
                    "Delete the feedback of {} from {} ({})?",
                    note.date, note.who, p.name
                );
                format!(
                    "deleted the feedback of {} from {} ({})",
                    note.date, note.who, p.name
                )
            }
            Panel::Reviews => {
                let removed = remove_review(p, at.as_str())?;
                let mut also = String::new();
                if removed.actions > 0 {
                    also.push_str(&format!(
                        " with its {}",
                        count(
                            removed.actions,
                            "adjustment (action item)",
                            "adjustments (action items)"
                        )
                    ));
                }
                if removed.reopened > 0 {
                    also.push_str(&format!(
                        ", and reopen the {} it closed",
                        count(removed.reopened, "KPI", "KPIs")
                    ));
                }
                question = format!(
                    "Delete the review of {} ({}){also}?",
                    removed.review.date, p.name
                );
                format!("deleted the review of {} ({})", removed.review.date, p.name)
            }
        };
        Some(description)
    });
    match change {
        Some(change) => fx.push(Effect::Ask(Confirm::new(
            question,
            vec![Effect::Commit(change)],
        ))),
        None => fx.push(Effect::error("that item no longer exists")),
    }
}

fn delete_reading(data: &Data, partner: &str, kpi: &Rec, at: &Rec, fx: &mut Vec<Effect>) {
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let mut question = String::new();
    let change = data.change_partner(partner, |p| {
        let kpi = kpi.find_mut(&mut p.kpis)?;
        let reading = at.remove(&mut kpi.readings)?;
        let value = kpi.format_value(reading.value);
        question = format!(
            "Delete the reading of {value} on {} of {}?",
            reading.date, kpi.name
        );
        Some(format!(
            "deleted the reading of {value} on {} ({})",
            reading.date, kpi.name
        ))
    });
    match change {
        Some(change) => fx.push(Effect::Ask(Confirm::new(
            question,
            vec![Effect::Commit(change)],
        ))),
        None => fx.push(Effect::error("that reading no longer exists")),
    }
}
