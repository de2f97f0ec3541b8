//! Forms of the workspace's named lists: a stage (name, role, whether the check-in
//! walks it) and a milestone phase or KPI perspective (a name) — added after the
//! selected one, or renamed. Ids never change: partner files keep pointing at the
//! same entry whatever it is called.

use super::position;
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::screens::settings::Setting;
use crate::domain::{NamedList, StageDef, StageRole};

/// The choices of a stage's role, each with what it means.
fn role_labels() -> Vec<String> {
    StageRole::ALL
        .iter()
        .map(|role| format!("{} ({})", role.label(), role.meaning()))
        .collect()
}

const CHECKIN: [&str; 2] = ["no", "yes"];

/// Refuses a name another entry of the list already has.
fn unique_name(
    data: &Data,
    list: NamedList,
    id: Option<&str>,
    values: &Values,
) -> Result<(), Reject> {
    let name = values.text("name");
    match data.workspace.name_taken_in(list, &name, id) {
        Some(other) => Err(Reject::field(
            "name",
            format!("{other} is a {} already", list.noun()),
        )),
        None => Ok(()),
    }
}

fn id_hint(id: &str) -> String {
    format!("partner files keep its id ({id}) whatever its name")
}

/// A stage: `id: None` adds one after the stage `after` (at the end without it),
/// taking that stage's role and check-in to start from.
#[derive(Debug, Clone)]
pub struct StageForm {
    pub id: Option<String>,
    pub after: Option<String>,
}

impl FormSpec for StageForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let (title, stage) = match &self.id {
            Some(id) => ("Stage", data.workspace.stage(id)?.clone()),
            None => {
                let like = self
                    .after
                    .as_deref()
                    .and_then(|id| data.workspace.stage(id));
                let stage = StageDef {
                    id: String::new(),
                    name: String::new(),
                    role: like.map_or(StageRole::Candidate, |s| s.role),
                    checkin: like.is_some_and(|s| s.checkin),
                };
                ("New stage", stage)
            }
        };
        let mut name = Field::text("name", "Name", &stage.name).required();
        if self.id.is_some() {
            name = name.hint(&id_hint(&stage.id));
        }
        Some(
            Form::new(title)
                .field(name)
                .field(
                    Field::choice(
                        "role",
                        "Role",
                        role_labels(),
                        position(&StageRole::ALL, &stage.role),
                    )
                    .hint("health, attention and scoring go by the role, never the name"),
                )
                .field(
                    Field::choice(
                        "checkin",
                        "Check-in",
                        CHECKIN.map(String::from).to_vec(),
                        usize::from(stage.checkin),
                    )
                    .hint("does the weekly check-in walk its partners? (←/→)"),
                ),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        unique_name(data, NamedList::Stages, self.id.as_deref(), values)
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let name = values.text("name");
        let role = values
            .pick("role", &StageRole::ALL)
            .unwrap_or(StageRole::Candidate);
        let checkin = values.choice("checkin") == 1;
        let mut added = None;
        let change = data
            .change_workspace(|workspace| match &self.id {
                Some(id) => {
                    let stage = workspace.stages.iter_mut().find(|s| s.id == *id)?;
                    let mut what = Vec::new();
                    if stage.name != name {
                        what.push(format!("renamed {name}"));
                    }
                    if stage.role != role {
                        what.push(format!("role {}", role.label()));
                    }
                    if stage.checkin != checkin {
                        what.push(format!("check-in {}", if checkin { "on" } else { "off" }));
                    }
                    let old = std::mem::replace(&mut stage.name, name.clone());
                    stage.role = role;
                    stage.checkin = checkin;
                    // Nothing changed: `apply` says so and writes nothing.
                    Some(format!("stage {old}: {}", what.join(" · ")))
                }
                None => {
                    let id = workspace.add_stage(&name, role, checkin, self.after.as_deref());
                    added = Some(id);
                    Some(format!("added stage {name} ({})", role.label()))
                }
            })
            .ok_or("that stage is no longer in the workspace")?;
        let reveal = added.map(|id| Effect::Reveal(Reveal::Setting(Setting::Stage(id))));
        Ok(std::iter::once(Effect::Commit(change))
            .chain(reveal)
            .collect())
    }
}

/// "the check-in walks it", "the check-in skips it".
pub fn checkin_words(checkin: bool) -> &'static str {
    if checkin {
        "the check-in walks it"
    } else {
        "the check-in skips it"
    }
}

/// A milestone phase or a KPI perspective: `id: None` adds one after the entry
/// `after` (at the end without it); otherwise it is renamed.
#[derive(Debug, Clone)]
pub struct EntryForm {
    /// `Phases` or `Perspectives`.
    pub list: NamedList,
    pub id: Option<String>,
    pub after: Option<String>,
}

impl EntryForm {
    fn title(&self) -> &'static str {
        match (self.list, self.id.is_some()) {
            (NamedList::Phases, true) => "Milestone phase",
            (NamedList::Phases, false) => "New milestone phase",
            (NamedList::Perspectives, true) => "KPI perspective",
            (NamedList::Perspectives, false) => "New KPI perspective",
            (NamedList::Stages, true) => "Stage",
            (NamedList::Stages, false) => "New stage",
        }
    }

    fn setting(&self, id: String) -> Setting {
        match self.list {
            NamedList::Stages => Setting::Stage(id),
            NamedList::Phases => Setting::Phase(id),
            NamedList::Perspectives => Setting::Perspective(id),
        }
    }
}

impl FormSpec for EntryForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let name = match &self.id {
            Some(id) => {
                let name = data.workspace.entry_name(self.list, id)?;
                Field::text("name", "Name", name)
                    .required()
                    .hint(&id_hint(id))
            }
            None => Field::text("name", "Name", "").required(),
        };
        Some(Form::new(self.title()).field(name))
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        unique_name(data, self.list, self.id.as_deref(), values)
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let name = values.text("name");
        let noun = self.list.noun();
        let mut added = None;
        let change = data
            .change_workspace(|workspace| match &self.id {
                Some(id) => {
                    let old = workspace.rename_entry(self.list, id, &name)?;
                    Some(format!("renamed {noun} {old} to {name}"))
                }
                None => {
                    added = Some(workspace.add_entry(self.list, &name, self.after.as_deref()));
                    Some(format!("added {noun} {name}"))
                }
            })
            .ok_or_else(|| format!("that {noun} is no longer in the workspace"))?;
        let reveal = added.map(|id| Effect::Reveal(Reveal::Setting(self.setting(id))));
        Ok(std::iter::once(Effect::Commit(change))
            .chain(reveal)
            .collect())
    }
}
