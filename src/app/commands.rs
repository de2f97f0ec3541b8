//! What the board and the partner detail both do to a partner: move it to another
//! stage (`H`/`L`, or `m` to any stage), delete it (`d`, after asking). Each turns the data into effects;
//! nothing here writes.

use super::effect::{Confirm, Effect};
use super::forms::stage::{StageMoveForm, move_effects};
use super::history::{Change, Doc};
use super::model::Data;

/// `H`/`L`: the partner moves `delta` stages; into a closed stage only with a reason,
/// asked for in a form.
pub fn move_stage(data: &Data, id: &str, delta: i64, fx: &mut Vec<Effect>) {
    let Some(partner) = data.partner_data(id) else {
        fx.push(Effect::info("no partner selected"));
        return;
    };
    if let Some(why) = data.refuses_edits(&Doc::partner(id)) {
        fx.push(Effect::error(why));
        return;
    }
    if let Some(why) = data.stages_unknown() {
        fx.push(Effect::error(why));
        return;
    }
    let stages = &data.workspace.stages;
    let Some(current) = data.workspace.stage_index(&partner.stage) else {
        fx.push(Effect::error(format!(
            "{} is in \"{}\", which is not a stage of the workspace",
            partner.name, partner.stage
        )));
        return;
    };
    let target = current as i64 + delta;
    let Some(to) = usize::try_from(target).ok().and_then(|t| stages.get(t)) else {
        fx.push(Effect::info(format!(
            "{} is already in the {} stage",
            partner.name,
            if delta > 0 { "last" } else { "first" }
        )));
        return;
    };
    if to.is_closed() {
        fx.push(Effect::OpenForm(Box::new(StageMoveForm {
            partner: id.to_string(),
            to: Some(to.id.clone()),
        })));
        return;
    }
    // Asks first when something is missing (no signed agreement…).
    fx.extend(move_effects(data, id, &to.id, "").into_iter().flatten());
}

/// `m`: the "move to…" picker, on the next stage along.
pub fn pick_stage(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    if data.partner_data(id).is_none() {
        fx.push(Effect::info("no partner selected"));
        return;
    }
    if let Some(why) = data.refuses_edits(&Doc::partner(id)) {
        fx.push(Effect::error(why));
        return;
    }
    if let Some(why) = data.stages_unknown() {
        fx.push(Effect::error(why));
        return;
    }
    fx.push(Effect::OpenForm(Box::new(StageMoveForm {
        partner: id.to_string(),
        to: None,
    })));
}

/// `d` on a partner: asks, naming it; yes moves its file to `.trash/`.
pub fn delete_partner(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    let Some(partner) = data.partner_data(id) else {
        return;
    };
    if let Some(why) = data.refuses_edits(&Doc::partner(id)) {
        fx.push(Effect::error(why));
        return;
    }
    let change = Change::partner(
        id,
        Some(partner.clone()),
        None,
        format!("deleted partner {}", partner.name),
    );
    fx.push(Effect::Ask(Confirm::new(
        format!(
            "Delete the partner {}? Its file moves to .trash/; u undoes it.",
            partner.name
        ),
        vec![Effect::Commit(change)],
    )));
}
