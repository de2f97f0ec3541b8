//! Editing from the board and the detail: what `a`, `e`, `d`, `Space` and `H`/`L`
//! do to the selection, opening the right form, and applying it when confirmed.

use super::detail::{self, Item, Section};
use super::edit;
use super::forms::{self, FormPurpose};
use super::pipeline;
use super::state::{App, Confirm, ConfirmPurpose, FormOverlay, Overlay, Tab};
use super::update::on_board;
use crate::domain::partner::Component;

/// The partner and item selected in the detail.
pub(super) fn detail_selection(app: &App) -> Option<(String, Section, Option<Item>)> {
    let detail = app.detail.as_ref()?;
    let partner = app.partner_data(&detail.partner)?;
    let item = detail::items(partner, detail.section, app.today)
        .get(detail.selected)
        .copied();
    Some((detail.partner.clone(), detail.section, item))
}

pub(super) fn open_form(app: &mut App, purpose: FormPurpose) {
    if let Some(id) = purpose_partner(&purpose)
        && app.partner(id).is_some_and(|file| file.read_only)
    {
        app.error("read-only: this file was written by a newer pactboard");
        return;
    }
    match forms::build(app, &purpose) {
        Some(form) => app
            .overlays
            .push(Overlay::Form(Box::new(FormOverlay { form, purpose }))),
        None => app.error("that item no longer exists"),
    }
}

fn purpose_partner(purpose: &FormPurpose) -> Option<&str> {
    match purpose {
        FormPurpose::NewPartner => None,
        FormPurpose::Profile { id }
        | FormPurpose::Contact { id, .. }
        | FormPurpose::Goal { id, .. }
        | FormPurpose::Role { id, .. }
        | FormPurpose::AgreementDates { id }
        | FormPurpose::Component { id, .. }
        | FormPurpose::Deliverable { id, .. }
        | FormPurpose::Charter { id }
        | FormPurpose::Tier { id, .. }
        | FormPurpose::Action { id, .. }
        | FormPurpose::CheckIn { id, .. }
        | FormPurpose::StageReason { id, .. }
        | FormPurpose::AddToProfile { id } => Some(id),
    }
}

/// Stage names come from the workspace: while it did not load (or lists no
/// stages), partners can be neither added nor moved, or they would get stages the
/// team's real workspace may not have.
fn stages_known(app: &mut App) -> bool {
    if app.workspace_fingerprint.is_none() {
        app.error(
            "workspace.ron did not load (! shows why): fix it before adding or moving partners",
        );
        return false;
    }
    if app.workspace.stages.is_empty() {
        app.error("the workspace lists no stages: add them to workspace.ron first");
        return false;
    }
    true
}

pub(super) fn add(app: &mut App) {
    if app.detail.is_none() {
        if app.tab == Tab::Pipeline && stages_known(app) {
            open_form(app, FormPurpose::NewPartner);
        }
        return;
    }
    let Some((id, section, item)) = detail_selection(app) else {
        return;
    };
    let purpose = match (section, item) {
        (Section::Profile, Some(Item::Contact(_))) => FormPurpose::Contact { id, index: None },
        (Section::Profile, Some(Item::Goal(_))) => FormPurpose::Goal { id, index: None },
        (Section::Profile, _) => FormPurpose::AddToProfile { id },
        (Section::Roles, _) => FormPurpose::Role { id, index: None },
        (Section::Agreement, _) => FormPurpose::Deliverable { id, index: None },
        (Section::Charter, _) => FormPurpose::Tier { id, index: None },
        (Section::Activity, _) => FormPurpose::Action { id, at: None },
    };
    open_form(app, purpose);
}

pub(super) fn edit_selection(app: &mut App) {
    if app.detail.is_none() {
        if app.tab == Tab::Pipeline
            && let Some(id) = app.pipeline.selected.clone()
        {
            open_form(app, FormPurpose::Profile { id });
        }
        return;
    }
    let Some((id, _, Some(item))) = detail_selection(app) else {
        return;
    };
    let purpose = match item {
        Item::Profile => FormPurpose::Profile { id },
        Item::Contact(index) => FormPurpose::Contact {
            id,
            index: Some(index),
        },
        Item::Goal(index) => FormPurpose::Goal {
            id,
            index: Some(index),
        },
        Item::Role(index) => FormPurpose::Role {
            id,
            index: Some(index),
        },
        Item::AgreementDates => FormPurpose::AgreementDates { id },
        Item::Component(component) => FormPurpose::Component { id, component },
        Item::Deliverable(index) => FormPurpose::Deliverable {
            id,
            index: Some(index),
        },
        Item::CharterSettings => FormPurpose::Charter { id },
        Item::Tier(index) => FormPurpose::Tier {
            id,
            index: Some(index),
        },
        Item::Action(index) => FormPurpose::Action {
            id,
            at: Some(index),
        },
        Item::CheckIn(index) => FormPurpose::CheckIn { id, index },
        Item::Review(_) => {
            app.info("reviews are recorded and edited on the Scorecard");
            return;
        }
        Item::History(_) => {
            app.info("the stage history is a record; move the partner with H and L on the board");
            return;
        }
    };
    open_form(app, purpose);
}

/// What the delete confirmation calls an item, or why it cannot be deleted.
fn item_name(app: &App, id: &str, item: Item) -> Result<String, &'static str> {
    let partner = app.partner_data(id).ok_or("it no longer exists")?;
    let name = match item {
        Item::Profile => return Ok(format!("the partner {}", partner.name)),
        Item::Contact(i) => format!(
            "contact {}",
            partner.contacts.get(i).map_or("", |c| &c.name)
        ),
        Item::Goal(i) => format!(
            "goal “{}”",
            partner.goals.get(i).map_or("", |g| &g.statement)
        ),
        Item::Role(i) => format!(
            "the role of {}",
            partner.roles.get(i).map_or("", |r| &r.who)
        ),
        Item::Deliverable(i) => format!(
            "deliverable “{}”",
            partner
                .agreement
                .deliverables
                .get(i)
                .map_or("", |d| &d.title)
        ),
        Item::Tier(i) => format!(
            "the {} meeting",
            partner
                .charter
                .meetings
                .get(i)
                .map_or("", |m| m.tier.label())
        ),
        Item::Action(i) => format!(
            "action “{}”",
            partner.actions.get(i).map_or("", |a| &a.text)
        ),
        Item::CheckIn(i)
            if partner
                .checkins
                .get(i)
                .is_some_and(|c| partner.actions_of_checkin(c).next().is_some()) =>
        {
            let checkin = &partner.checkins[i];
            format!(
                "the check-in of {} and its {} action item(s)",
                checkin.date,
                partner.actions_of_checkin(checkin).count()
            )
        }
        Item::CheckIn(i) => format!(
            "the check-in of {}",
            partner
                .checkins
                .get(i)
                .map_or(String::new(), |c| c.date.to_string())
        ),
        Item::AgreementDates | Item::Component(_) | Item::CharterSettings => {
            return Err("this is part of every partnership; edit it with e instead");
        }
        Item::Review(_) | Item::History(_) => {
            return Err("reviews and stage history are kept as a record");
        }
    };
    Ok(format!("{name} of {}", partner.name))
}

pub(super) fn delete_selection(app: &mut App) {
    let (id, item) = if app.detail.is_none() {
        match (app.tab, app.pipeline.selected.clone()) {
            (Tab::Pipeline, Some(id)) => (id, Item::Profile),
            _ => return,
        }
    } else {
        match detail_selection(app) {
            Some((id, _, Some(item))) => (id, item),
            _ => return,
        }
    };
    match item_name(app, &id, item) {
        Err(why) => app.info(why),
        Ok(name) => {
            let (question, purpose) = if item == Item::Profile {
                (
                    format!("Delete {name}? Its file moves to .trash/; u undoes it."),
                    ConfirmPurpose::DeletePartner { id },
                )
            } else {
                (
                    format!("Delete {name}?"),
                    ConfirmPurpose::DeleteItem { id, item },
                )
            };
            app.overlays
                .push(Overlay::Confirm(Confirm { question, purpose }));
        }
    }
}

/// The partner without `item`, and words for what was removed.
pub(super) fn without_item(
    app: &App,
    id: &str,
    item: Item,
) -> Option<(crate::domain::Partner, String)> {
    let mut partner = app.partner_data(id)?.clone();
    let what = item_name(app, id, item).ok()?;
    match item {
        Item::Contact(i) if i < partner.contacts.len() => {
            partner.contacts.remove(i);
        }
        Item::Goal(i) if i < partner.goals.len() => {
            partner.goals.remove(i);
        }
        Item::Role(i) if i < partner.roles.len() => {
            partner.roles.remove(i);
        }
        Item::Deliverable(i) if i < partner.agreement.deliverables.len() => {
            partner.agreement.deliverables.remove(i);
        }
        Item::Tier(i) if i < partner.charter.meetings.len() => {
            partner.charter.meetings.remove(i);
        }
        Item::CheckIn(i) => {
            partner.remove_checkin(i)?;
        }
        Item::Action(i) => {
            partner.remove_action(i)?;
        }
        _ => return None,
    }
    Some((partner, format!("deleted {what}")))
}

/// `Space`: agreement components and deliverables step through their statuses,
/// action items flip between open and done today.
pub(super) fn cycle_status(app: &mut App) {
    let Some((id, _, Some(item))) = detail_selection(app) else {
        return;
    };
    let Some(mut partner) = app.partner_data(&id).cloned() else {
        return;
    };
    let today = app.today;
    let description = match item {
        Item::Component(component) => {
            let clause = partner.agreement.clause_mut(component);
            clause.status = clause.status.next();
            format!("{}: {}", component_name(component), clause.status.label())
        }
        Item::Deliverable(i) => {
            let Some(deliverable) = partner.agreement.deliverables.get_mut(i) else {
                return;
            };
            deliverable.status = deliverable.status.next();
            format!(
                "deliverable “{}”: {}",
                deliverable.title,
                deliverable.status.label()
            )
        }
        Item::Action(i) => {
            let Some(action) = partner.actions.get_mut(i) else {
                return;
            };
            action.done = match action.done {
                Some(_) => None,
                None => Some(today),
            };
            format!(
                "action “{}”: {}",
                action.text,
                if action.done.is_some() {
                    "done"
                } else {
                    "open"
                }
            )
        }
        _ => {
            app.info(
                "Space changes the status of agreement components, deliverables and action items",
            );
            return;
        }
    };
    let name = partner.name.clone();
    if edit::commit(app, &id, Some(partner), format!("{description} ({name})")) {
        select_item(app, item);
    }
}

fn component_name(component: Component) -> String {
    component.label().to_string()
}

/// `H`/`L` on the board or in the detail: the partner moves one stage; into a
/// closed stage only with a reason.
pub(super) fn move_stage(app: &mut App, delta: i64) {
    let id = match &app.detail {
        Some(detail) => Some(detail.partner.clone()),
        None if on_board(app) => app.pipeline.selected.clone(),
        None => return,
    };
    let Some(id) = id else {
        app.info("no partner selected");
        return;
    };
    let Some(partner) = app.partner_data(&id).cloned() else {
        return;
    };
    if !stages_known(app) {
        return;
    }
    let Some(current) = app.workspace.stage_index(&partner.stage) else {
        app.error(format!(
            "{} is in \"{}\", which is not a stage of the workspace",
            partner.name, partner.stage
        ));
        return;
    };
    let from = app.workspace.stages[current].name.clone();
    let target = current as i64 + delta;
    if target < 0 || target >= app.workspace.stages.len() as i64 {
        app.info(format!(
            "{} is already in the {} stage",
            partner.name,
            if delta > 0 { "last" } else { "first" }
        ));
        return;
    }
    let to = app.workspace.stages[target as usize].clone();
    if to.is_closed() {
        open_form(app, FormPurpose::StageReason { id, to: to.id });
        return;
    }
    let mut after = partner.clone();
    after.move_to_stage(to.id.clone(), app.author.clone(), String::new(), app.today);
    let description = format!("moved {} from {from} to {}", partner.name, to.name);
    edit::commit(app, &id, Some(after), description);
}

pub(super) fn submit(app: &mut App) {
    if app.pipeline.filter_input.is_some() && app.overlays.is_empty() {
        app.pipeline.filter_input = None;
        return;
    }
    let today = app.today;
    let Some(Overlay::Form(overlay)) = app.overlays.last_mut() else {
        return;
    };
    let Some(values) = overlay.form.validate(today) else {
        return;
    };
    if let Some((field, why)) = forms::check(&overlay.purpose, &values) {
        overlay.form.reject(field, why);
        return;
    }
    let purpose = overlay.purpose.clone();
    if let FormPurpose::AddToProfile { id } = purpose {
        app.overlays.pop();
        let next = if values[0].choice() == 0 {
            FormPurpose::Contact { id, index: None }
        } else {
            FormPurpose::Goal { id, index: None }
        };
        open_form(app, next);
        return;
    }
    let Some(applied) = forms::apply(app, &purpose, &values) else {
        app.overlays.pop();
        app.error("what this form was editing no longer exists");
        return;
    };
    app.overlays.pop();
    let id = applied.id.clone();
    let adding = purpose == FormPurpose::NewPartner;
    let name = applied.after.name.clone();
    if edit::commit(app, &applied.id, Some(applied.after), applied.description) {
        let partners: Vec<_> = app
            .partners
            .iter()
            .map(|file| (file.id.as_str(), &file.partner))
            .collect();
        if crate::domain::validate::name_taken(&partners, &id, &name)
            && let Some(status) = app.status.as_mut()
        {
            status.text.push_str(&format!(
                " — note: another partner is also called {name}; rename one to tell them apart"
            ));
        }
        if adding {
            app.tab = Tab::Pipeline;
            app.pipeline.selected = Some(id);
            pipeline::settle_selection(app, 0);
        }
        select_added_item(app, &purpose);
    }
}

/// After an item was added or edited in the detail, select it — by what it is,
/// not by where it was: a done action moves down the list, a new one appears.
fn select_added_item(app: &mut App, purpose: &FormPurpose) {
    let Some((id, _, _)) = detail_selection(app) else {
        return;
    };
    let Some(partner) = app.partner_data(&id) else {
        return;
    };
    let wanted = match purpose {
        FormPurpose::Action { at: None, .. } => {
            Some(Item::Action(partner.actions.len().saturating_sub(1)))
        }
        FormPurpose::Action {
            at: Some(index), ..
        } => Some(Item::Action(*index)),
        FormPurpose::Contact { index: None, .. } => {
            Some(Item::Contact(partner.contacts.len().saturating_sub(1)))
        }
        FormPurpose::Goal { index: None, .. } => {
            Some(Item::Goal(partner.goals.len().saturating_sub(1)))
        }
        FormPurpose::Role { index: None, .. } => {
            Some(Item::Role(partner.roles.len().saturating_sub(1)))
        }
        FormPurpose::Deliverable { index: None, .. } => Some(Item::Deliverable(
            partner.agreement.deliverables.len().saturating_sub(1),
        )),
        FormPurpose::Tier { index: None, .. } => {
            Some(Item::Tier(partner.charter.meetings.len().saturating_sub(1)))
        }
        _ => None,
    };
    if let Some(wanted) = wanted {
        select_item(app, wanted);
    }
}

/// Selects `wanted` in the open detail, if it is listed there.
fn select_item(app: &mut App, wanted: Item) {
    let Some((id, section, _)) = detail_selection(app) else {
        return;
    };
    let Some(partner) = app.partner_data(&id) else {
        return;
    };
    let items = detail::items(partner, section, app.today);
    if let Some(position) = items.iter().position(|item| *item == wanted)
        && let Some(detail) = app.detail.as_mut()
    {
        detail.selected = position;
    }
}
