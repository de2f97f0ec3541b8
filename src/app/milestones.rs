//! What the milestone keys do — `Space`, `b`, `x`, `+`/`-`/`>`/`<`, `d` — wherever
//! milestones are listed (the Timeline, the partner detail's Milestones section):
//! each becomes a change, a question or a form, so both places behave the same.
//! Nothing here writes.

use super::action::MilestoneAction;
use super::effect::{Confirm, Effect};
use super::forms::milestones::BlockForm;
use super::history::{Change, Doc};
use super::model::Data;
use super::records::Rec;
use crate::domain::Partner;
use crate::domain::timeline::{Advance, Milestone, MilestoneStatus};

/// The milestone keys on milestone `at` of partner `partner`.
pub fn key(data: &Data, partner: &str, at: &Rec, action: MilestoneAction, fx: &mut Vec<Effect>) {
    let Some(milestone) = data
        .partner_data(partner)
        .and_then(|p| at.find(&p.milestones))
    else {
        fx.push(Effect::error("that milestone no longer exists"));
        return;
    };
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let title = &milestone.title;
    match action {
        MilestoneAction::Advance => match milestone.advance_step() {
            Advance::Reopen => {
                let done = milestone
                    .done
                    .map_or(String::new(), |done| format!(" (done {done})"));
                let change = edit(data, partner, at, |m, p| {
                    m.reopen()
                        .then(|| format!("“{}” reopened: in progress ({})", m.title, p))
                });
                fx.extend(change.map(|change| {
                    Effect::Ask(Confirm::new(
                        format!("Reopen “{title}”{done}? It goes back to in progress."),
                        vec![Effect::Commit(change)],
                    ))
                }));
            }
            Advance::Nothing => fx.push(Effect::info(format!(
                "“{title}” is cancelled: x restores it"
            ))),
            Advance::Start | Advance::Finish | Advance::Unblock => {
                let today = data.today;
                let change = edit(data, partner, at, |m, p| {
                    m.advance(today)
                        .then(|| format!("“{}”: {} ({})", m.title, status_words(m), p))
                });
                fx.extend(change.map(Effect::Commit));
            }
        },
        MilestoneAction::Block => match milestone.status {
            MilestoneStatus::Blocked => {
                let change = edit(data, partner, at, |m, p| {
                    m.unblock()
                        .then(|| format!("“{}” unblocked: {} ({})", m.title, status_words(m), p))
                });
                fx.extend(change.map(Effect::Commit));
            }
            _ if milestone.can_block() => fx.push(Effect::OpenForm(Box::new(BlockForm {
                partner: partner.to_string(),
                at: at.clone(),
            }))),
            MilestoneStatus::Done => fx.push(Effect::info(format!(
                "“{title}” is done: Space reopens it before it can be blocked"
            ))),
            _ => fx.push(Effect::info(format!(
                "“{title}” is cancelled: x restores it first"
            ))),
        },
        MilestoneAction::Cancel => {
            if milestone.status == MilestoneStatus::Cancelled {
                let back = match milestone.status_before {
                    Some(
                        status @ (MilestoneStatus::Planned
                        | MilestoneStatus::InProgress
                        | MilestoneStatus::Blocked),
                    ) => status,
                    _ => MilestoneStatus::Planned,
                };
                let change = edit(data, partner, at, |m, p| {
                    m.restore()
                        .then(|| format!("“{}” restored: {} ({})", m.title, status_words(m), p))
                });
                fx.extend(change.map(|change| {
                    Effect::Ask(Confirm::new(
                        format!("Restore “{title}”? It goes back to {}.", back.label()),
                        vec![Effect::Commit(change)],
                    ))
                }));
            } else if milestone.can_cancel() {
                let change = edit(data, partner, at, |m, p| {
                    m.cancel()
                        .then(|| format!("“{}” cancelled ({})", m.title, p))
                });
                let name = data.partner_data(partner).map_or("", |p| p.name.as_str());
                fx.extend(change.map(|change| {
                    Effect::Ask(Confirm::new(
                        format!("Cancel the milestone “{title}” of {name}? x on it restores it."),
                        vec![Effect::Commit(change)],
                    ))
                }));
            } else {
                fx.push(Effect::info(format!(
                    "“{title}” is done; a done milestone is not cancelled (Space reopens it)"
                )));
            }
        }
        MilestoneAction::MoveDue(days) => {
            if !milestone.can_move() {
                fx.push(Effect::info(format!(
                    "“{title}” is {}: its dates are history now (e corrects them)",
                    milestone.status.label()
                )));
                return;
            }
            let (today, author) = (data.today, data.author.as_str());
            let change = edit(data, partner, at, |m, p| {
                m.move_due(i64::from(days), today, author);
                Some(format!("“{}” due {} ({})", m.title, due_words(m), p))
            });
            // Quick presses on one milestone are one undo step.
            let burst = format!("due {partner} {}", at.as_str());
            fx.extend(change.map(|change| Effect::Commit(change.in_burst(burst))));
        }
    }
}

/// `d`: asks, naming the milestone and its partner; yes deletes it.
pub fn delete(data: &Data, partner: &str, at: &Rec, fx: &mut Vec<Effect>) {
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let mut question = String::new();
    let change = data.change_partner(partner, |p| {
        let milestone = at.remove(&mut p.milestones)?;
        question = format!("Delete the milestone “{}” of {}?", milestone.title, p.name);
        Some(format!(
            "deleted the milestone “{}” ({})",
            milestone.title, p.name
        ))
    });
    match change {
        Some(change) => fx.push(Effect::Ask(Confirm::new(
            question,
            vec![Effect::Commit(change)],
        ))),
        None => fx.push(Effect::error("that milestone no longer exists")),
    }
}

/// A change to milestone `at` of `partner`: `change` edits it (told the partner's
/// name) and says what it did, or `None` when it did nothing.
fn edit(
    data: &Data,
    partner: &str,
    at: &Rec,
    change: impl FnOnce(&mut Milestone, &str) -> Option<String>,
) -> Option<Change> {
    data.change_partner(partner, |p: &mut Partner| {
        let name = p.name.clone();
        change(at.find_mut(&mut p.milestones)?, &name)
    })
}

/// "done 2026-11-28", "in progress", "blocked: waiting for their IT".
pub fn status_words(milestone: &Milestone) -> String {
    match (milestone.status, milestone.done) {
        (MilestoneStatus::Done, Some(done)) => format!("done {done}"),
        (MilestoneStatus::Blocked, _) if !milestone.blocked_reason.is_empty() => {
            format!("blocked: {}", milestone.blocked_reason)
        }
        (status, _) => status.label().to_string(),
    }
}

/// "2026-12-08 (+7d)", "2026-12-08 (as planned)": short, so the status line still
/// has room to say it was saved.
pub fn due_words(milestone: &Milestone) -> String {
    match milestone.slip_days() {
        0 => format!("{} (as planned)", milestone.due),
        days => format!("{} ({days:+}d)", milestone.due),
    }
}

/// Where the plan stands: "first planned 2026-11-08, 7 days later · re-planned
/// 2026-11-06 by Maya Okafor: sensors late", or "as first planned". `name` turns a
/// handle into a name.
pub fn plan_words(milestone: &Milestone, name: impl Fn(&str) -> String) -> String {
    let first = milestone.planned_due;
    let slip = match milestone.slip_days() {
        0 => "as first planned".to_string(),
        1 => format!("first planned {first}, a day later"),
        -1 => format!("first planned {first}, a day earlier"),
        days if days > 0 => format!("first planned {first}, {days} days later"),
        days => format!("first planned {first}, {} days earlier", -days),
    };
    let Some(last) = milestone.replans.last() else {
        return slip;
    };
    let why = if last.reason.is_empty() {
        " (no reason given: e adds one)".to_string()
    } else {
        format!(": {}", last.reason)
    };
    let who = name(&last.by);
    match milestone.replans.len() {
        1 => format!("{slip} · re-planned {} by {who}{why}", last.date),
        count => format!(
            "{slip} · {count} re-plans, the last {} by {who}{why}",
            last.date
        ),
    }
}
