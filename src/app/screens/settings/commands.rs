//! What the settings' keys change, as effects: a member, stage, phase or
//! perspective removed (asked first; a stage only once nobody is in it), an entry
//! moved, a stage's check-in turned on or off, and the jump to the Scoring tab's
//! weights row. Nothing here writes.

use crate::app::action::{Action, ScoringAction};
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::forms::lists::checkin_words;
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::screens::Tab;
use crate::domain::workspace::edit::uses;
use crate::domain::{NamedList, StageKept};
use crate::text::count_of;

/// Why the workspace cannot be changed, said on the status line; `true` when it can.
fn editable(data: &Data, fx: &mut Vec<Effect>) -> bool {
    match data.refuses_edits(&Doc::Workspace) {
        Some(why) => {
            fx.push(Effect::error(why));
            false
        }
        None => true,
    }
}

/// " (2 partner files did not load and are not counted)", when some did not.
fn uncounted(data: &Data) -> String {
    let broken = data
        .load_errors
        .iter()
        .filter(|error| error.file.starts_with("partners/") && !error.loaded_read_only)
        .count();
    match broken {
        0 => String::new(),
        n => format!(
            " ({} did not load and are not counted)",
            count_of(n, "partner file")
        ),
    }
}

/// `d` on a member: asks, then removes them; partners that name them keep the handle.
pub fn remove_member(data: &Data, handle: &str, fx: &mut Vec<Effect>) {
    if !editable(data, fx) {
        return;
    }
    let Some(member) = data.workspace.members.iter().find(|m| m.handle == handle) else {
        return;
    };
    let owned = data
        .partners
        .iter()
        .filter(|file| file.partner.owner == handle)
        .count();
    let note = match owned {
        0 => String::new(),
        1 => " 1 partner names them as owner and keeps the handle.".to_string(),
        n => format!(" {n} partners name them as owner and keep the handle."),
    };
    let change = data.change_workspace(|workspace| {
        workspace.members.retain(|m| m.handle != handle);
        Some(format!("removed member {} ({handle})", member.name))
    });
    fx.extend(change.map(|change| {
        Effect::Ask(Confirm::new(
            format!("Remove {} ({handle}) from the team?{note}", member.name),
            vec![Effect::Commit(change)],
        ))
    }));
}

/// `d` on a stage, phase or perspective. A stage that partners are in stays, with a
/// message saying how many and where to move them first, and so does the last
/// stage; anything else is asked first, saying how many records name it.
pub fn remove_entry(data: &Data, list: NamedList, id: &str, fx: &mut Vec<Effect>) {
    if !editable(data, fx) {
        return;
    }
    let workspace = &data.workspace;
    let Some(name) = workspace.entry_name(list, id).map(str::to_string) else {
        return;
    };
    let partners = data.partners.iter().map(|file| &file.partner);
    let used = uses(partners.clone(), list, id);
    let noun = list.noun();
    let consequence = match list {
        NamedList::Stages => {
            match workspace.stage_removal(id, used.records) {
                Err(StageKept::Unknown) => return,
                Err(StageKept::Last) => {
                    fx.push(Effect::error(format!(
                        "{name} is the only stage, and every partner needs one: add another (a) first"
                    )));
                    return;
                }
                Err(StageKept::InUse { partners, move_to }) => {
                    let names: Vec<&str> = data
                        .partners
                        .iter()
                        .filter(|file| file.partner.stage == id)
                        .map(|file| file.partner.name.as_str())
                        .collect();
                    let shown = match names.len() {
                        0..=3 => names.join(", "),
                        _ => format!("{}…", names[..3].join(", ")),
                    };
                    fx.push(Effect::error(format!(
                        "{name} has {}: move them to {} first (H/L on the Pipeline) — {shown}",
                        count_of(partners, "partner"),
                        workspace.stage_name(&move_to)
                    )));
                    return;
                }
                Ok(()) => {}
            }
            let history = partners
                .filter(|p| p.history.iter().any(|h| h.from == id || h.to == id))
                .count();
            match history {
                0 => "No partner is in it.".to_string(),
                n => format!(
                    "No partner is in it; the stage history of {} names it and will show its id ({id}).",
                    count_of(n, "partner")
                ),
            }
        }
        NamedList::Phases | NamedList::Perspectives => match used.records {
            0 => format!("No {} names it.", list.user()),
            records => format!(
                "{} in {} name it: they keep its id ({id}), and pactboard check warns about them until they get another {noun}.",
                count_of(records, list.user()),
                count_of(used.partners, "partner file")
            ),
        },
    };
    let change = data.change_workspace(|workspace| {
        workspace
            .remove_entry(list, id)
            .map(|name| format!("removed {noun} {name}"))
    });
    fx.extend(change.map(|change| {
        Effect::Ask(Confirm::new(
            format!("Remove the {noun} {name}? {consequence}{}", uncounted(data)),
            vec![Effect::Commit(change)],
        ))
    }));
}

/// `<`/`>`: the entry one place up or down.
pub fn move_entry(data: &Data, list: NamedList, id: &str, delta: i64, fx: &mut Vec<Effect>) {
    if !editable(data, fx) {
        return;
    }
    let name = data
        .workspace
        .entry_name(list, id)
        .unwrap_or(id)
        .to_string();
    let noun = list.noun();
    let change = data.change_workspace(|workspace| {
        workspace.move_entry(list, id, delta).then(|| {
            format!(
                "moved {noun} {name} {}",
                if delta < 0 { "up" } else { "down" }
            )
        })
    });
    match change {
        Some(change) => fx.push(Effect::Commit(change)),
        None => fx.push(Effect::info(format!(
            "{name} is already the {} {noun}",
            if delta < 0 { "first" } else { "last" }
        ))),
    }
}

/// `Space` on a stage: the weekly check-in walks it, or no longer does.
pub fn toggle_checkin(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    if !editable(data, fx) {
        return;
    }
    let change = data.change_workspace(|workspace| {
        let stage = workspace.stages.iter_mut().find(|s| s.id == id)?;
        stage.checkin = !stage.checkin;
        Some(format!(
            "stage {}: {}",
            stage.name,
            checkin_words(stage.checkin)
        ))
    });
    fx.extend(change.map(Effect::Commit));
}

/// `w` (and `e` on a criterion): the Scoring tab's weights row, on `criterion` when
/// one is given — a retired one in the list of retired criteria.
pub fn weights(data: &Data, criterion: Option<&str>, fx: &mut Vec<Effect>) {
    fx.push(Effect::SwitchTab(Tab::Scoring));
    fx.push(Effect::ToScreen(Action::Scoring(
        ScoringAction::OpenWeights,
    )));
    match criterion.and_then(|id| data.workspace.criterion(id)) {
        Some(criterion) if criterion.retired => {
            fx.push(Effect::ToScreen(Action::Scoring(ScoringAction::Retired)));
        }
        Some(criterion) => fx.push(Effect::Reveal(Reveal::Criterion(criterion.id.clone()))),
        None => {}
    }
}
