//! What the Scoring tab changes, as effects: a score raised, lowered or cleared
//! (the partner's file, at once), the tried weights saved (the workspace, one undo
//! step), a criterion retired, restored or moved, a retired criterion's scores
//! dropped from every partner (asked first; not undoable). Nothing here writes.

use super::TrialWeight;
use crate::app::action::{Action, ScoringAction};
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::domain::scoring::{self, Adjusted, score_for};
use crate::text::count;

/// A weight as the screen writes it: whole numbers without decimals.
pub fn weight_text(weight: f64) -> String {
    if weight.fract() == 0.0 {
        format!("{weight:.0}")
    } else {
        format!("{weight:.1}")
    }
}

/// "Strategic fit 3 → 5, Expertise 2 → 1".
pub fn describe_trial(changes: &[(&str, &TrialWeight)]) -> String {
    changes
        .iter()
        .map(|(_, weight)| {
            format!(
                "{} {} → {}",
                weight.name,
                weight_text(weight.from),
                weight_text(weight.to)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why `doc` cannot be changed, said on the status line; `true` when it can.
fn editable(data: &Data, doc: &Doc, fx: &mut Vec<Effect>) -> bool {
    match data.refuses_edits(doc) {
        Some(why) => {
            fx.push(Effect::error(why));
            false
        }
        None => true,
    }
}

/// `+`/`-` on a score: one step up or down, an empty cell starting at 3; who and
/// when are recorded. Saved at once, undone with `u`.
pub fn adjust(data: &Data, partner: &str, criterion: &str, delta: i8, fx: &mut Vec<Effect>) {
    if !editable(data, &Doc::partner(partner), fx) {
        return;
    }
    let name = data.workspace.criterion_name(criterion).to_string();
    let mut limit = None;
    let change = data.change_partner(partner, |p| {
        match scoring::adjust_score(&mut p.scores, criterion, delta, &data.author, data.today) {
            Adjusted::Started(to) => Some(format!("{}: {name} scored {to}", p.name)),
            Adjusted::Changed { from, to } => Some(format!("{}: {name} {from} → {to}", p.name)),
            Adjusted::AtLimit(at) => {
                limit = Some(format!("{}: {name} is already {at}", p.name));
                None
            }
        }
    });
    match (change, limit) {
        // Quick presses on one cell are one undo step, as on the Timeline.
        (Some(change), _) => fx.push(Effect::Commit(
            change.in_burst(format!("score {partner} {criterion}")),
        )),
        (None, Some(limit)) => fx.push(Effect::info(limit)),
        (None, None) => {}
    }
}

/// `x`: the score and its evidence leave the partner's file (`u` brings them back).
pub fn clear(data: &Data, partner: &str, criterion: &str, fx: &mut Vec<Effect>) {
    let Some(current) = data.partner_data(partner) else {
        return;
    };
    let name = data.workspace.criterion_name(criterion).to_string();
    let Some(score) = score_for(&current.scores, criterion) else {
        fx.push(Effect::info(format!(
            "{}: {name} has no score",
            current.name
        )));
        return;
    };
    if !editable(data, &Doc::partner(partner), fx) {
        return;
    }
    let with = if score.evidence.trim().is_empty() {
        String::new()
    } else {
        " and its evidence".to_string()
    };
    let was = score.score;
    let change = data.change_partner(partner, |p| {
        scoring::drop_scores(&mut p.scores, criterion);
        Some(format!(
            "{}: cleared the {name} score (was {was}){with}",
            p.name
        ))
    });
    fx.extend(change.map(Effect::Commit));
}

/// `Enter` on the weights row: every tried weight that changed goes to
/// `workspace.ron` as one change (one undo step), then the row is left. A weight
/// someone else changed meanwhile is named, and saving over it asked first.
pub fn save_weights(data: &Data, changes: &[(&str, &TrialWeight)], fx: &mut Vec<Effect>) {
    let leave = Effect::ToScreen(Action::Scoring(ScoringAction::LeaveWeights));
    if changes.is_empty() {
        fx.push(leave);
        fx.push(Effect::info("no weight was changed; nothing to save"));
        return;
    }
    let moved: Vec<String> = changes
        .iter()
        .filter_map(|(id, weight)| {
            let now = data.workspace.criterion(id)?.weight;
            (now != weight.from).then(|| {
                format!(
                    "{} is now {} (you started from {})",
                    weight.name,
                    weight_text(now),
                    weight_text(weight.from)
                )
            })
        })
        .collect();
    let Some(change) = data.change_workspace(|workspace| {
        for (id, weight) in changes {
            if let Some(criterion) = workspace.criteria.iter_mut().find(|c| c.id == *id) {
                criterion.weight = weight.to;
            }
        }
        Some(format!("weights: {}", describe_trial(changes)))
    }) else {
        return;
    };
    let effects = vec![Effect::Commit(change), leave];
    if moved.is_empty() {
        fx.extend(effects);
    } else {
        fx.push(Effect::Ask(Confirm::new(
            format!(
                "workspace.ron changed while you tried weights: {}. Save your weights over it?",
                moved.join("; ")
            ),
            effects,
        )));
    }
}

/// `<`/`>` on the weights row: the criterion changes places with its neighbour.
pub fn move_criterion(data: &Data, id: &str, delta: i64, fx: &mut Vec<Effect>) {
    let name = data.workspace.criterion_name(id).to_string();
    let change = data.change_workspace(|workspace| {
        scoring::move_criterion(&mut workspace.criteria, id, delta).then(|| {
            format!(
                "moved criterion {name} {}",
                if delta < 0 { "left" } else { "right" }
            )
        })
    });
    match change {
        Some(change) => fx.push(Effect::Commit(change)),
        None => fx.push(Effect::info(format!(
            "{name} is already the {} criterion",
            if delta < 0 { "first" } else { "last" }
        ))),
    }
}

/// How many scores the partners hold for `criterion`, and in how many files.
fn scores_held(data: &Data, criterion: &str) -> (usize, usize) {
    data.partners.iter().fold((0, 0), |(scores, files), file| {
        let held = file
            .partner
            .scores
            .iter()
            .filter(|score| score.criterion == criterion)
            .count();
        (scores + held, files + usize::from(held > 0))
    })
}

/// `d` on the weights row: asks, then retires the criterion — it leaves the
/// matrix and every weighted score; its scores stay in the partner files.
pub fn retire(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    if !editable(data, &Doc::Workspace, fx) {
        return;
    }
    let name = data.workspace.criterion_name(id).to_string();
    let (scores, files) = scores_held(data, id);
    let change = data.change_workspace(|workspace| {
        scoring::set_retired(&mut workspace.criteria, id, true)
            .then(|| format!("retired criterion {name}"))
    });
    let Some(change) = change else { return };
    let kept = match scores {
        0 => "No partner has a score for it.".to_string(),
        _ => format!(
            "Its {} in {} stay there and come back if you restore it (r).",
            count(scores, "score", "scores"),
            count(files, "partner file", "partner files")
        ),
    };
    fx.push(Effect::Ask(Confirm::new(
        format!("Retire {name}? It leaves the matrix and every weighted score. {kept}"),
        vec![Effect::Commit(change)],
    )));
}

/// Restores a retired criterion, with every score it had.
pub fn restore(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    let name = data.workspace.criterion_name(id).to_string();
    let (scores, _) = scores_held(data, id);
    let change = data.change_workspace(|workspace| {
        scoring::set_retired(&mut workspace.criteria, id, false).then(|| {
            format!(
                "restored criterion {name} with {}",
                count(scores, "score", "scores")
            )
        })
    });
    if let Some(change) = change {
        fx.push(Effect::Commit(change));
        fx.push(Effect::Reveal(Reveal::Criterion(id.to_string())));
    }
}

/// `d` on a retired criterion: asks, naming how many scores go, then removes them
/// from every partner file. Not undoable: the undo history of those files is
/// forgotten, so no older change can bring the scores back either.
pub fn drop_scores(data: &Data, id: &str, fx: &mut Vec<Effect>) {
    let name = data.workspace.criterion_name(id).to_string();
    let mut effects = Vec::new();
    let (mut dropped, mut files, mut read_only) = (0, 0, 0);
    for file in &data.partners {
        let held = file
            .partner
            .scores
            .iter()
            .filter(|score| score.criterion == id)
            .count();
        if held == 0 {
            continue;
        }
        if data.refuses_edits(&Doc::partner(&file.id)).is_some() {
            read_only += 1;
            continue;
        }
        let change = data.change_partner(&file.id, |p| {
            scoring::drop_scores(&mut p.scores, id);
            Some(format!("{}: dropped the {name} score", p.name))
        });
        if let Some(change) = change {
            effects.push(Effect::Commit(change));
            effects.push(Effect::Forget(Doc::partner(&file.id)));
            dropped += held;
            files += 1;
        }
    }
    let mut unreachable = Vec::new();
    if read_only > 0 {
        unreachable.push(format!(
            "{} read-only keep theirs",
            count(read_only, "file", "files")
        ));
    }
    let broken = data
        .load_errors
        .iter()
        .filter(|error| error.file.starts_with("partners/"))
        .count();
    if broken > 0 {
        unreachable.push(format!(
            "{} that did not load keep theirs",
            count(broken, "file", "files")
        ));
    }
    let note = if unreachable.is_empty() {
        String::new()
    } else {
        format!(" ({})", unreachable.join("; "))
    };
    if dropped == 0 {
        fx.push(Effect::info(format!(
            "no partner file holds a score for {name}{note}"
        )));
        return;
    }
    let what = format!(
        "{} for {name} from {}",
        count(dropped, "score", "scores"),
        count(files, "partner file", "partner files")
    );
    effects.push(Effect::info(format!(
        "dropped {what}{note}; the criterion stays retired"
    )));
    fx.push(Effect::Ask(Confirm::new(
        format!(
            "Drop the {what}{note}? This cannot be undone: u will not bring them back. {name} stays in the retired list."
        ),
        effects,
    )));
}
