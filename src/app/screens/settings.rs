//! The workspace settings, a layer over the tabs (`,`): the workspace's name and its
//! members — added, edited and removed through forms, saved to `workspace.ron`, and
//! undone like any other edit. The member list takes a filter.

use super::Screen;
use crate::app::action::Action;
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::filter::{Filter, keeps};
use crate::app::forms::workspace::{MemberForm, WorkspaceNameForm};
use crate::app::history::Doc;
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::domain::Member;

/// A row of the settings that can be selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Name,
    /// A member, by handle.
    Member(String),
}

#[derive(Debug, Default)]
pub struct SettingsScreen {
    selected: Option<Setting>,
    /// Where the selection was: the fallback when it disappears.
    position: usize,
    /// `/`: members by name, handle or role.
    pub filter: Filter,
}

impl SettingsScreen {
    pub fn new(data: &Data) -> SettingsScreen {
        let mut screen = SettingsScreen::default();
        screen.data_changed(data);
        screen
    }

    /// The members the filter lets through, in the workspace's order.
    pub fn members<'a>(&self, data: &'a Data) -> Vec<&'a Member> {
        let mut matcher = self.filter.matcher();
        data.workspace
            .members
            .iter()
            .filter(|m| {
                keeps(
                    &mut matcher,
                    [m.name.as_str(), m.handle.as_str(), m.role.as_str()],
                )
            })
            .collect()
    }

    /// The rows that can be selected, in order.
    pub fn rows(&self, data: &Data) -> Vec<Setting> {
        std::iter::once(Setting::Name)
            .chain(
                self.members(data)
                    .into_iter()
                    .map(|member| Setting::Member(member.handle.clone())),
            )
            .collect()
    }

    pub fn selected(&self) -> Option<&Setting> {
        self.selected.as_ref()
    }

    fn step(&mut self, data: &Data, delta: i64) {
        let rows = self.rows(data);
        let current = self
            .selected
            .as_ref()
            .and_then(|selected| rows.iter().position(|row| row == selected))
            .unwrap_or(self.position) as i64;
        let target = current
            .saturating_add(delta)
            .clamp(0, rows.len() as i64 - 1) as usize;
        self.position = target;
        self.selected = rows.get(target).cloned();
    }

    fn delete(&self, data: &Data, fx: &mut Vec<Effect>) {
        let Some(Setting::Member(handle)) = &self.selected else {
            fx.push(Effect::info("the workspace keeps its name; e edits it"));
            return;
        };
        if let Some(why) = data.refuses_edits(&Doc::Workspace) {
            fx.push(Effect::error(why));
            return;
        }
        let Some(member) = data.workspace.members.iter().find(|m| m.handle == *handle) else {
            return;
        };
        let owned = data
            .partners
            .iter()
            .filter(|file| file.partner.owner == *handle)
            .count();
        let note = match owned {
            0 => String::new(),
            1 => " 1 partner names them as owner and keeps the handle.".to_string(),
            n => format!(" {n} partners name them as owner and keep the handle."),
        };
        let change = data.change_workspace(|workspace| {
            workspace.members.retain(|m| m.handle != *handle);
            Some(format!("removed member {} ({handle})", member.name))
        });
        fx.extend(change.map(|change| {
            Effect::Ask(Confirm::new(
                format!("Remove {} ({handle}) from the team?{note}", member.name),
                vec![Effect::Commit(change)],
            ))
        }));
    }
}

impl Screen for SettingsScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Settings)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                self.data_changed(data);
            }
            return;
        }
        match action {
            Action::Up => self.step(data, -1),
            Action::Down => self.step(data, 1),
            Action::Top => self.step(data, i64::MIN / 2),
            Action::Bottom => self.step(data, i64::MAX / 2),
            Action::Add => fx.push(Effect::OpenForm(Box::new(MemberForm { handle: None }))),
            Action::Edit | Action::Open => match &self.selected {
                Some(Setting::Member(handle)) => fx.push(Effect::OpenForm(Box::new(MemberForm {
                    handle: Some(handle.clone()),
                }))),
                _ => fx.push(Effect::OpenForm(Box::new(WorkspaceNameForm))),
            },
            Action::Delete => self.delete(data, fx),
            Action::Back => fx.push(Effect::Pop),
            _ => {}
        }
    }

    fn data_changed(&mut self, data: &Data) {
        let rows = self.rows(data);
        if let Some(position) = self
            .selected
            .as_ref()
            .and_then(|selected| rows.iter().position(|row| row == selected))
        {
            self.position = position;
            return;
        }
        self.position = self.position.min(rows.len().saturating_sub(1));
        self.selected = rows.get(self.position).cloned();
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        if let Reveal::Member(handle) = what {
            self.select_member(data, handle);
        }
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.data_changed(data);
            return true;
        }
        false
    }
}

impl SettingsScreen {
    /// Selects the member with `handle`, if the list shows them.
    pub fn select_member(&mut self, data: &Data, handle: &str) {
        let wanted = Setting::Member(handle.to_string());
        if let Some(position) = self.rows(data).iter().position(|row| *row == wanted) {
            self.selected = Some(wanted);
            self.position = position;
        }
    }
}
