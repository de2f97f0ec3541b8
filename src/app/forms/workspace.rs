//! Forms of the workspace settings: the workspace's name and its members. They
//! change `workspace.ron`, saved and undone like any partner's file.

use super::verb;
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::domain::{Member, Partner};
use crate::text::count;

/// The workspace's (the team's) name.
#[derive(Debug, Clone)]
pub struct WorkspaceNameForm;

impl FormSpec for WorkspaceNameForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        Some(
            Form::new("Workspace").field(
                Field::text("name", "Name", &data.workspace.name)
                    .required()
                    .hint("the team's name, shown at the top right"),
            ),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let name = values.text("name");
        let change = data
            .change_workspace(|workspace| {
                workspace.name = name.clone();
                Some(format!("renamed the workspace to {name}"))
            })
            .ok_or("the workspace cannot change")?;
        Ok(vec![Effect::Commit(change)])
    }
}

/// A member of the team; `handle: None` adds one.
#[derive(Debug, Clone)]
pub struct MemberForm {
    pub handle: Option<String>,
}

/// How many partners name `handle` anywhere: as owner of the partner, a goal, a
/// deliverable or an action, or as the author of a check-in or a stage move.
fn partners_naming(data: &Data, handle: &str) -> usize {
    let names = |partner: &Partner| {
        partner.owner == handle
            || partner.goals.iter().any(|g| g.owner == handle)
            || partner
                .agreement
                .deliverables
                .iter()
                .any(|d| d.owner == handle)
            || partner.actions.iter().any(|a| a.owner == handle)
            || partner.checkins.iter().any(|c| c.author == handle)
            || partner.history.iter().any(|h| h.author == handle)
    };
    data.partners
        .iter()
        .filter(|file| names(&file.partner))
        .count()
}

impl MemberForm {
    fn current<'a>(&self, data: &'a Data) -> Option<&'a Member> {
        let handle = self.handle.as_ref()?;
        data.workspace.members.iter().find(|m| m.handle == *handle)
    }
}

impl FormSpec for MemberForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let member = match &self.handle {
            Some(_) => self.current(data)?.clone(),
            None => Member {
                handle: String::new(),
                name: String::new(),
                role: String::new(),
            },
        };
        let title = if self.handle.is_some() {
            "Member"
        } else {
            "New member"
        };
        Some(
            Form::new(title)
                .field(
                    Field::text("handle", "Handle", &member.handle)
                        .required()
                        .hint("one word; how the files name them (owner, author)"),
                )
                .field(Field::text("name", "Name", &member.name).required())
                .field(Field::text("role", "Role", &member.role)),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        let handle = values.text("handle");
        if handle.chars().any(char::is_whitespace) {
            return Err(Reject::field("handle", "a handle is one word: no spaces"));
        }
        if self.handle.as_deref() == Some(handle.as_str()) {
            return Ok(());
        }
        if data.workspace.members.iter().any(|m| m.handle == handle) {
            return Err(Reject::field(
                "handle",
                format!("{handle} is the handle of another member"),
            ));
        }
        if let Some(old) = &self.handle {
            let naming = partners_naming(data, old);
            if naming > 0 {
                return Err(Reject::field(
                    "handle",
                    format!(
                        "{} name {old}: a handle in use cannot change",
                        count(naming, "partner file", "partner files")
                    ),
                ));
            }
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let handle = values.text("handle");
        let change = data
            .change_workspace(|workspace| {
                let member = match &self.handle {
                    // Changed in place: whatever the form does not show stays.
                    Some(old) => workspace.members.iter_mut().find(|m| m.handle == *old)?,
                    None => {
                        workspace.members.push(Member {
                            handle: String::new(),
                            name: String::new(),
                            role: String::new(),
                        });
                        workspace.members.last_mut()?
                    }
                };
                member.handle = handle.clone();
                member.name = values.text("name");
                member.role = values.text("role");
                Some(format!(
                    "{} member {} ({})",
                    verb(self.handle.is_some()),
                    member.name,
                    member.handle
                ))
            })
            .ok_or("that member is no longer in the workspace")?;
        Ok(vec![
            Effect::Commit(change),
            Effect::Reveal(Reveal::Member(handle)),
        ])
    }
}
