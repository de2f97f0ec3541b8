//! Moving a partner to another stage: `m` picks any stage (the "move to…" picker),
//! `H`/`L` into a closed stage open it on that stage. A reason is required into a
//! closed stage and optional otherwise; the move asks first when the domain says
//! something is missing (`stage_move::check_move`), when it goes back to an
//! earlier role (operating or formalizing to candidate, operating to formalizing),
//! and when it reopens a partner in a closed stage.
//! The history records exactly the move made, once.

use crate::app::effect::{Confirm, Effect};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::{Change, Doc};
use crate::app::model::Data;
use crate::domain::stage_move::check_move;
use crate::domain::workspace::StageRole;

use super::partner::GONE;
use crate::text::capitalised;

#[derive(Debug, Clone)]
pub struct StageMoveForm {
    pub partner: String,
    /// The stage to offer first (its id); `None`: the next one along.
    pub to: Option<String>,
}

impl StageMoveForm {
    /// The stage chosen, by id.
    fn chosen<'a>(data: &'a Data, values: &Values) -> Option<&'a str> {
        data.workspace
            .stages
            .get(values.choice("stage"))
            .map(|stage| stage.id.as_str())
    }
}

impl FormSpec for StageMoveForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let stages = &data.workspace.stages;
        let current = data.workspace.stage_index(&p.stage);
        // Every stage, in pipeline order (the picker shows the chosen one among its
        // neighbours), and where the partner is now.
        let options: Vec<String> = stages
            .iter()
            .enumerate()
            .map(|(index, stage)| {
                let here = if Some(index) == current { " (now)" } else { "" };
                format!("{}{here}", stage.name)
            })
            .collect();
        let offered = self
            .to
            .as_deref()
            .and_then(|to| data.workspace.stage_index(to))
            .or_else(|| current.map(|at| (at + 1).min(stages.len().saturating_sub(1))))
            .unwrap_or(0);
        Some(
            // The stage it is in is marked "(now)" among the choices: the title keeps
            // to the name, so a long one still shows where it goes.
            Form::new(format!("Move {} to…", p.name))
                .field(
                    Field::choice("stage", "Stage", options, offered)
                        .hint("←/→ or a letter; a move back or a reopening asks first"),
                )
                .field(
                    Field::text("reason", "Reason", "")
                        .hint("kept in the stage history; required into a closed stage"),
                ),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        let p = data
            .partner_data(&self.partner)
            .ok_or_else(|| Reject::field("stage", GONE))?;
        let to = Self::chosen(data, values).ok_or_else(|| Reject::field("stage", "no stage"))?;
        if to == p.stage {
            return Err(Reject::field(
                "stage",
                format!("{} is in {} already", p.name, data.workspace.stage_name(to)),
            ));
        }
        let needs_reason = check_move(p, &data.workspace, to, data.today).reason_required;
        if needs_reason && values.text("reason").trim().is_empty() {
            return Err(Reject::field(
                "reason",
                format!(
                    "say why: {} is a closed stage",
                    data.workspace.stage_name(to)
                ),
            ));
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let to = Self::chosen(data, values).ok_or(GONE)?.to_string();
        Ok(move_effects(data, &self.partner, &to, values.text("reason").trim()).ok_or(GONE)?)
    }
}

/// The move of `partner` to the stage `to`, with `reason`: the change to write, or —
/// when something is missing — a question that names it, whose yes writes it.
pub fn move_effects(data: &Data, partner: &str, to: &str, reason: &str) -> Option<Vec<Effect>> {
    let p = data.partner_data(partner)?;
    let mut check = check_move(p, &data.workspace, to, data.today);
    check.warnings.splice(0..0, step_back(data, &p.stage, to));
    let from = data.workspace.stage_name(&p.stage).to_string();
    let to_name = data.workspace.stage_name(to).to_string();
    let change: Change = data.change_partner(partner, |p| {
        let description = format!("moved {} from {from} to {to_name}", p.name);
        p.move_to_stage(to, data.author.clone(), reason, data.today);
        Some(description)
    })?;
    if check.warnings.is_empty() {
        return Some(vec![Effect::Commit(change)]);
    }
    let question = format!(
        "Move {} to {to_name}? {}. Move anyway?",
        p.name,
        capitalised(&check.warnings.join("; "))
    );
    Some(vec![Effect::Ask(Confirm::new(
        question,
        vec![Effect::Commit(change)],
    ))])
}

/// Where a partner is in its life, by the role of its stage: a move to a lower rank
/// goes back. Closed stages are off the line (pausing is not going back).
fn rank(role: StageRole) -> Option<u8> {
    match role {
        StageRole::Candidate => Some(0),
        StageRole::Formalizing => Some(1),
        StageRole::Operating => Some(2),
        StageRole::Closed => None,
    }
}

/// What a move from the stage `from` back to `to` means, when it goes back to an
/// earlier role: an operating partner dropped to a candidate by a slip of the key
/// loses its health and joins the candidates being scored.
fn step_back(data: &Data, from: &str, to: &str) -> Option<String> {
    let workspace = &data.workspace;
    let (was, will) = (workspace.stage_role(from)?, workspace.stage_role(to)?);
    if was == StageRole::Closed && will != StageRole::Closed {
        // Reopening a paused or ended partnership is a decision, not a key press.
        return Some(format!(
            "reopened from {} (closed) to {}: its KPIs judged again, its dates back on the attention list",
            workspace.stage_name(from),
            workspace.stage_name(to)
        ));
    }
    if rank(will)? >= rank(was)? {
        return None;
    }
    let doing = match was {
        StageRole::Operating => "joint work under way",
        _ => "agreeing the terms",
    };
    let means = match will {
        StageRole::Candidate => {
            "a candidate again: no health score, ranked among the candidates on the Scoring tab"
        }
        _ => {
            "agreeing the terms again: its health is judged on the agreement, not on the joint work"
        }
    };
    Some(format!(
        "back from {} ({doing}) to {}, {means}",
        workspace.stage_name(from),
        workspace.stage_name(to)
    ))
}
