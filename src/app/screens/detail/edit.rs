//! What `a`, `e`, `d` and `Space` do in the partner detail: the form for the
//! selected item or a new one, the question before a delete, the next status.

use super::layout::Section;
use crate::app::effect::{Confirm, Effect};
use crate::app::forms::activity::{ActionForm, CheckInForm};
use crate::app::forms::agreement::{AgreementDatesForm, ComponentForm, DeliverableForm};
use crate::app::forms::charter::{CharterForm, MeetingForm};
use crate::app::forms::milestones::MilestoneForm;
use crate::app::forms::partner::ProfileForm;
use crate::app::forms::profile::{AddToProfileForm, ContactForm, GoalForm};
use crate::app::forms::roles::RoleForm;
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Item;
use crate::app::{commands, milestones};
use crate::domain::partner::Partner;

/// `a`: a form for a new item of the section (in the profile, a contact after a
/// contact, a goal after a goal, else the choice of the two).
pub(super) fn add(
    data: &Data,
    partner: &str,
    section: Section,
    selected: Option<&Item>,
    fx: &mut Vec<Effect>,
) {
    let id = partner.to_string();
    let form: Box<dyn crate::app::form::FormSpec> = match (section, selected) {
        (Section::Profile, Some(Item::Contact(_))) => Box::new(ContactForm {
            partner: id,
            at: None,
        }),
        (Section::Profile, Some(Item::Goal(_))) => Box::new(GoalForm {
            partner: id,
            at: None,
        }),
        (Section::Profile, _) => Box::new(AddToProfileForm { partner: id }),
        (Section::Roles, _) => Box::new(RoleForm {
            partner: id,
            at: None,
        }),
        (Section::Agreement, _) => Box::new(DeliverableForm {
            partner: id,
            at: None,
        }),
        (Section::Milestones, _) => Box::new(MilestoneForm {
            partner: id,
            at: None,
            phase: None,
        }),
        (Section::Charter, _) => Box::new(MeetingForm {
            partner: id,
            at: None,
        }),
        (Section::Activity, _) => Box::new(ActionForm {
            partner: id,
            at: None,
        }),
    };
    if data.partner(partner).is_some() {
        fx.push(Effect::OpenForm(form));
    }
}

/// `e` (or `Enter`): the form for the selected item.
pub(super) fn edit(data: &Data, partner: &str, item: &Item, fx: &mut Vec<Effect>) {
    let id = partner.to_string();
    let form: Box<dyn crate::app::form::FormSpec> = match item.clone() {
        Item::Profile => Box::new(ProfileForm { partner: id }),
        Item::Contact(at) => Box::new(ContactForm {
            partner: id,
            at: Some(at),
        }),
        Item::Goal(at) => Box::new(GoalForm {
            partner: id,
            at: Some(at),
        }),
        Item::Role(at) => Box::new(RoleForm {
            partner: id,
            at: Some(at),
        }),
        Item::AgreementDates => Box::new(AgreementDatesForm { partner: id }),
        Item::Component(component) => Box::new(ComponentForm {
            partner: id,
            component,
        }),
        Item::Deliverable(at) => Box::new(DeliverableForm {
            partner: id,
            at: Some(at),
        }),
        Item::Milestone(at) => Box::new(MilestoneForm {
            partner: id,
            at: Some(at),
            phase: None,
        }),
        Item::CharterSettings => Box::new(CharterForm { partner: id }),
        Item::Meeting(at) => Box::new(MeetingForm {
            partner: id,
            at: Some(at),
        }),
        Item::Action(at) => Box::new(ActionForm {
            partner: id,
            at: Some(at),
        }),
        Item::CheckIn(at) => Box::new(CheckInForm { partner: id, at }),
        Item::Review(_) => {
            fx.push(Effect::info(
                "reviews are recorded and edited on the Scorecard",
            ));
            return;
        }
        Item::History(_) => {
            fx.push(Effect::info(
                "the stage history is a record; move the partner with H and L",
            ));
            return;
        }
    };
    if data.partner(partner).is_some() {
        fx.push(Effect::OpenForm(form));
    }
}

/// What the delete question calls an item, or why it cannot be deleted.
fn item_name(partner: &Partner, item: &Item) -> Result<String, &'static str> {
    let name = match item {
        Item::Contact(at) => format!(
            "contact {}",
            at.find(&partner.contacts).map_or("", |c| &c.name)
        ),
        Item::Goal(at) => format!(
            "goal “{}”",
            at.find(&partner.goals).map_or("", |g| &g.statement)
        ),
        Item::Role(at) => format!(
            "the role of {}",
            at.find(&partner.roles).map_or("", |r| &r.who)
        ),
        Item::Deliverable(at) => format!(
            "deliverable “{}”",
            at.find(&partner.agreement.deliverables)
                .map_or("", |d| &d.title)
        ),
        Item::Meeting(at) => format!(
            "the {} meeting",
            at.find(&partner.charter.meetings)
                .map_or("", |m| m.tier.label())
        ),
        Item::Action(at) => format!(
            "action “{}”",
            at.find(&partner.actions).map_or("", |a| &a.text)
        ),
        Item::CheckIn(at) => match at.find(&partner.checkins) {
            Some(checkin) if partner.actions_of_checkin(checkin).next().is_some() => format!(
                "the check-in of {} and its {} action item(s)",
                checkin.date,
                partner.actions_of_checkin(checkin).count()
            ),
            Some(checkin) => format!("the check-in of {}", checkin.date),
            None => "the check-in".to_string(),
        },
        Item::Profile | Item::AgreementDates | Item::Component(_) | Item::CharterSettings => {
            return Err("this is part of every partnership; edit it with e instead");
        }
        Item::Review(_) | Item::History(_) => {
            return Err("reviews and stage history are kept as a record");
        }
        Item::Milestone(at) => format!(
            "milestone “{}”",
            at.find(&partner.milestones).map_or("", |m| &m.title)
        ),
    };
    Ok(format!("{name} of {}", partner.name))
}

/// `d`: asks, naming the item; yes removes it. On the profile it is the partner
/// itself that goes.
pub(super) fn delete(data: &Data, partner: &str, item: &Item, fx: &mut Vec<Effect>) {
    match item {
        Item::Profile => return commands::delete_partner(data, partner, fx),
        Item::Milestone(at) => return milestones::delete(data, partner, at, fx),
        _ => {}
    }
    let Some(current) = data.partner_data(partner) else {
        return;
    };
    let name = match item_name(current, item) {
        Ok(name) => name,
        Err(why) => {
            fx.push(Effect::info(why));
            return;
        }
    };
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let change = data.change_partner(partner, |p| {
        match item {
            Item::Contact(at) => at.remove(&mut p.contacts).map(drop),
            Item::Goal(at) => at.remove(&mut p.goals).map(drop),
            Item::Role(at) => at.remove(&mut p.roles).map(drop),
            Item::Deliverable(at) => at.remove(&mut p.agreement.deliverables).map(drop),
            Item::Meeting(at) => at.remove(&mut p.charter.meetings).map(drop),
            // The action items agreed at a check-in go with it.
            Item::CheckIn(at) => p.remove_checkin(at.position(&p.checkins)?).map(drop),
            Item::Action(at) => p.remove_action(at.position(&p.actions)?).map(drop),
            _ => None,
        }?;
        Some(format!("deleted {name}"))
    });
    match change {
        Some(change) => fx.push(Effect::Ask(Confirm::new(
            format!("Delete {name}?"),
            vec![Effect::Commit(change)],
        ))),
        None => fx.push(Effect::error("that item no longer exists")),
    }
}

/// `Space`: agreement components and deliverables step through their statuses,
/// action items flip between open and done today.
pub(super) fn cycle_status(data: &Data, partner: &str, item: Option<&Item>, fx: &mut Vec<Effect>) {
    let Some(item) = item else { return };
    if !matches!(
        item,
        Item::Component(_) | Item::Deliverable(_) | Item::Action(_)
    ) {
        fx.push(Effect::info(
            "Space changes the status of agreement components, deliverables and action items",
        ));
        return;
    }
    if let Some(why) = data.refuses_edits(&Doc::partner(partner)) {
        fx.push(Effect::error(why));
        return;
    }
    let today = data.today;
    let change = data.change_partner(partner, |p| {
        let description = match item {
            Item::Component(component) => {
                let clause = p.agreement.clause_mut(*component);
                clause.status = clause.status.next();
                format!("{}: {}", component.label(), clause.status.label())
            }
            Item::Deliverable(at) => {
                let deliverable = at.find_mut(&mut p.agreement.deliverables)?;
                deliverable.status = deliverable.status.next();
                format!(
                    "deliverable “{}”: {}",
                    deliverable.title,
                    deliverable.status.label()
                )
            }
            Item::Action(at) => {
                let action = at.find_mut(&mut p.actions)?;
                action.done = match action.done {
                    Some(_) => None,
                    None => Some(today),
                };
                let state = if action.done.is_some() {
                    "done"
                } else {
                    "open"
                };
                format!("action “{}”: {state}", action.text)
            }
            _ => return None,
        };
        Some(format!("{description} ({})", p.name))
    });
    fx.extend(change.map(Effect::Commit));
}
