//! Forms about a partner as a whole: a new partner and its profile. Moving it to
//! another stage is `stage.rs`.

use super::Members;
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Values};
use crate::app::history::{Change, Doc};
use crate::app::model::Data;
use crate::app::screens::Tab;
use crate::domain::Partner;
use crate::domain::partner::unique_slug;
use crate::domain::validate::name_taken;
use crate::store::Store;

/// A note for the status line when another partner has the same name.
fn same_name_note(data: &Data, id: &str, name: &str) -> Option<Effect> {
    name_taken(&data.partner_refs(), id, name).then(|| {
        Effect::SayMore(format!(
            "note: another partner is also called {name}; rename one to tell them apart"
        ))
    })
}

/// A new partner's owner: whoever is adding it, when they are a member of the team.
fn default_owner(data: &Data) -> String {
    if data
        .workspace
        .members
        .iter()
        .any(|m| m.handle == data.author)
    {
        data.author.clone()
    } else {
        String::new()
    }
}

/// `a` on the board: a new partner, in the stage of the column the board is on.
#[derive(Debug, Clone)]
pub struct NewPartnerForm {
    pub stage: Option<String>,
}

impl FormSpec for NewPartnerForm {
    fn target(&self) -> Option<Doc> {
        None
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let owner = default_owner(data);
        let stages: Vec<String> = data
            .workspace
            .stages
            .iter()
            .map(|s| s.name.clone())
            .collect();
        // `stage` is the id of the column the board is on.
        let stage = self
            .stage
            .as_ref()
            .and_then(|wanted| data.workspace.stage_index(wanted))
            .unwrap_or(0);
        Some(
            Form::new("New partner")
                .field(Field::text("name", "Name", "").required())
                .field(
                    Field::text("kind", "Kind", "").hint("startup, agency, nonprofit, university…"),
                )
                .field(Members::new(data, &owner).field("owner", "Owner", &owner))
                .field(Field::choice("stage", "Stage", stages, stage)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let name = values.text("name");
        let owner = Members::new(data, &default_owner(data)).handle(values, "owner");
        let stage = data
            .workspace
            .stages
            .get(values.choice("stage"))
            .ok_or("the workspace lists no stages")?
            .id
            .clone();
        // Not the id of a partner in memory, nor of a file that did not load.
        let id = unique_slug(&name, |slug| {
            data.partner(slug).is_some()
                || data
                    .load_errors
                    .iter()
                    .any(|error| error.file == Store::partner_file(slug))
        });
        let partner = Partner::new(name.clone(), values.text("kind"), owner, stage, data.today);
        let change = Change::partner(&id, None, Some(partner), format!("added partner {name}"));
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(same_name_note(data, &id, &name));
        effects.push(Effect::SwitchTab(Tab::Pipeline));
        effects.push(Effect::Reveal(Reveal::Partner(id)));
        Ok(effects)
    }
}

/// A partner's name, kind, owner, tags and summary.
#[derive(Debug, Clone)]
pub struct ProfileForm {
    pub partner: String,
}

impl FormSpec for ProfileForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        Some(
            Form::new(format!("Profile of {}", p.name))
                .field(Field::text("name", "Name", &p.name).required())
                .field(Field::text("kind", "Kind", &p.kind))
                .field(Members::new(data, &p.owner).field("owner", "Owner", &p.owner))
                .field(Field::text("tags", "Tags", &p.tags.join(", ")).hint("comma-separated"))
                .field(Field::multiline("summary", "Summary", &p.summary)),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let current = data.partner_data(&self.partner).ok_or(GONE)?;
        let owner = Members::new(data, &current.owner).handle(values, "owner");
        let name = values.text("name");
        let change = data
            .change_partner(&self.partner, |p| {
                p.name = name.clone();
                p.kind = values.text("kind");
                p.owner = owner;
                p.tags = values
                    .text("tags")
                    .split(',')
                    .map(|tag| tag.trim().to_string())
                    .filter(|tag| !tag.is_empty())
                    .collect();
                p.summary = values.text("summary");
                Some(format!("edited the profile ({})", p.name))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(same_name_note(data, &self.partner, &name));
        Ok(effects)
    }
}

/// Why a form cannot be confirmed when what it edits has gone.
pub(super) const GONE: &str = "what this form was editing no longer exists";
