//! The workspace settings, a layer over the tabs (`,`): the workspace's name, its
//! members, the pipeline stages, the milestone phases, the KPI perspectives, the
//! thresholds and cadences, and the criteria (listed; their weights are edited on the
//! Scoring tab). Every edit is one change to `workspace.ron`, saved at once and undone
//! like any other. `/` filters every list at once.

mod commands;

use super::Screen;
use crate::app::action::{Action, SettingsAction};
use crate::app::effect::{Effect, Reveal};
use crate::app::filter::{Filter, keeps};
use crate::app::forms::lists::{EntryForm, StageForm};
use crate::app::forms::thresholds::ThresholdsForm;
use crate::app::forms::workspace::{MemberForm, WorkspaceNameForm};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::selection::{Cursor, movement};
use crate::domain::{Member, NamedList};

/// How far PgUp/PgDn move.
const PAGE: i64 = 10;

/// A row of the settings that can be selected, by identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    Name,
    /// A member, by handle.
    Member(String),
    /// A stage, by id.
    Stage(String),
    /// A milestone phase, by id.
    Phase(String),
    /// A KPI perspective, by id.
    Perspective(String),
    /// A line of the thresholds and cadences (one form edits them all).
    Threshold(Threshold),
    /// A scoring criterion, by id (edited on the Scoring tab).
    Criterion(String),
    /// The note of a section with nothing in it yet: `a` adds the first entry.
    Empty(Section),
}

impl Setting {
    pub fn section(&self) -> Section {
        match self {
            Setting::Name => Section::Workspace,
            Setting::Member(_) => Section::Members,
            Setting::Stage(_) => Section::Stages,
            Setting::Phase(_) => Section::Phases,
            Setting::Perspective(_) => Section::Perspectives,
            Setting::Threshold(_) => Section::Thresholds,
            Setting::Criterion(_) => Section::Criteria,
            Setting::Empty(section) => *section,
        }
    }

    /// The named list the row is an entry of, and its id.
    fn entry(&self) -> Option<(NamedList, &str)> {
        match self {
            Setting::Stage(id) => Some((NamedList::Stages, id)),
            Setting::Phase(id) => Some((NamedList::Phases, id)),
            Setting::Perspective(id) => Some((NamedList::Perspectives, id)),
            _ => None,
        }
    }
}

/// The sections of the screen, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Workspace,
    Members,
    Stages,
    Phases,
    Perspectives,
    Thresholds,
    Criteria,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Workspace,
        Section::Members,
        Section::Stages,
        Section::Phases,
        Section::Perspectives,
        Section::Thresholds,
        Section::Criteria,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Workspace => "Workspace",
            Section::Members => "Members",
            Section::Stages => "Stages",
            Section::Phases => "Milestone phases",
            Section::Perspectives => "KPI perspectives",
            Section::Thresholds => "Thresholds and cadences",
            Section::Criteria => "Criteria",
        }
    }

    /// The named list whose entries the section lists.
    fn list(self) -> Option<NamedList> {
        match self {
            Section::Stages => Some(NamedList::Stages),
            Section::Phases => Some(NamedList::Phases),
            Section::Perspectives => Some(NamedList::Perspectives),
            _ => None,
        }
    }
}

/// A line of the thresholds and cadences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// Amber and red, in points behind the planned path.
    Rag,
    /// How far a maintain KPI may miss its level and be amber.
    Margin,
    /// How long a new KPI is too early to tell.
    Grace,
    Checkin,
    Review,
    ReviewNotice,
    RenewalNotice,
}

impl Threshold {
    pub const ALL: [Threshold; 7] = [
        Threshold::Rag,
        Threshold::Margin,
        Threshold::Grace,
        Threshold::Checkin,
        Threshold::Review,
        Threshold::ReviewNotice,
        Threshold::RenewalNotice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Threshold::Rag => "KPI amber / red",
            Threshold::Margin => "Maintain margin",
            Threshold::Grace => "KPI grace period",
            Threshold::Checkin => "Check-in cadence",
            Threshold::Review => "Review cadence",
            Threshold::ReviewNotice => "Review notice",
            Threshold::RenewalNotice => "Renewal notice",
        }
    }

    /// The field of the thresholds form the line opens on.
    pub fn field(self) -> &'static str {
        match self {
            Threshold::Rag => "amber_points",
            Threshold::Margin => "amber_margin",
            Threshold::Grace => "grace_share",
            Threshold::Checkin => "checkin_days",
            Threshold::Review => "review_days",
            Threshold::ReviewNotice => "review_notice",
            Threshold::RenewalNotice => "renewal_notice",
        }
    }
}

/// One section as shown: how many entries it has in all, and the rows the filter
/// lets through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRows {
    pub section: Section,
    pub total: usize,
    pub rows: Vec<Setting>,
}

#[derive(Debug, Default)]
pub struct SettingsScreen {
    cursor: Cursor<Setting>,
    /// `/`: every list at once, by name (and handle, role, id).
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

    /// The sections with their rows, top to bottom. While a filter is on, a section
    /// without a match is left out (the workspace's name always shows).
    pub fn sections(&self, data: &Data) -> Vec<SectionRows> {
        let workspace = &data.workspace;
        let mut matcher = self.filter.matcher();
        let mut keep = |fields: &[&str]| keeps(&mut matcher, fields.iter().copied());
        let mut sections = Vec::new();
        for section in Section::ALL {
            let (total, rows): (usize, Vec<Setting>) = match section {
                Section::Workspace => (1, vec![Setting::Name]),
                Section::Members => (
                    workspace.members.len(),
                    self.members(data)
                        .into_iter()
                        .map(|m| Setting::Member(m.handle.clone()))
                        .collect(),
                ),
                Section::Stages => (
                    workspace.stages.len(),
                    workspace
                        .stages
                        .iter()
                        .filter(|s| keep(&[&s.name, &s.id, s.role.label()]))
                        .map(|s| Setting::Stage(s.id.clone()))
                        .collect(),
                ),
                Section::Phases => (
                    workspace.phases.len(),
                    workspace
                        .phases
                        .iter()
                        .filter(|p| keep(&[&p.name, &p.id]))
                        .map(|p| Setting::Phase(p.id.clone()))
                        .collect(),
                ),
                Section::Perspectives => (
                    workspace.perspectives.len(),
                    workspace
                        .perspectives
                        .iter()
                        .filter(|p| keep(&[&p.name, &p.id]))
                        .map(|p| Setting::Perspective(p.id.clone()))
                        .collect(),
                ),
                Section::Thresholds => (
                    Threshold::ALL.len(),
                    Threshold::ALL
                        .into_iter()
                        .filter(|t| keep(&[t.label()]))
                        .map(Setting::Threshold)
                        .collect(),
                ),
                Section::Criteria => (
                    workspace.criteria.len(),
                    workspace
                        .criteria
                        .iter()
                        .filter(|c| keep(&[&c.name, &c.id]))
                        .map(|c| Setting::Criterion(c.id.clone()))
                        .collect(),
                ),
            };
            // An empty list still takes the selection, so `a` can add its first entry.
            let rows = if total == 0 {
                vec![Setting::Empty(section)]
            } else {
                rows
            };
            let shown = section == Section::Workspace || !self.filter.is_active();
            if shown || (total > 0 && !rows.is_empty()) {
                sections.push(SectionRows {
                    section,
                    total,
                    rows,
                });
            }
        }
        sections
    }

    /// The rows that can be selected, in order.
    pub fn rows(&self, data: &Data) -> Vec<Setting> {
        self.sections(data)
            .into_iter()
            .flat_map(|section| section.rows)
            .collect()
    }

    pub fn selected(&self) -> Option<&Setting> {
        self.cursor.selected()
    }

    /// Selects `setting`, if the screen shows it.
    fn select(&mut self, data: &Data, setting: Setting) {
        self.cursor.select(&self.rows(data), &setting);
    }

    /// After the filter changed: the selection stays if still shown; on the name
    /// (which the filter never hides), it moves to the first match, what was looked
    /// for.
    fn filter_changed(&mut self, data: &Data) {
        self.data_changed(data);
        if self.filter.is_active() && self.selected() == Some(&Setting::Name) {
            self.cursor.step(&self.rows(data), 1);
        }
    }

    /// Selects the member with `handle`, if the list shows them.
    pub fn select_member(&mut self, data: &Data, handle: &str) {
        self.select(data, Setting::Member(handle.to_string()));
    }

    /// `a`: a new entry of the selected section, after the selected entry.
    fn add(&self, fx: &mut Vec<Effect>) {
        let selected = self.selected();
        let after = selected
            .and_then(Setting::entry)
            .map(|(_, id)| id.to_string());
        let section = selected.map_or(Section::Members, Setting::section);
        match section {
            Section::Workspace | Section::Members => {
                fx.push(Effect::OpenForm(Box::new(MemberForm { handle: None })));
            }
            Section::Stages => fx.push(Effect::OpenForm(Box::new(StageForm { id: None, after }))),
            Section::Phases | Section::Perspectives => {
                if let Some(list) = section.list() {
                    fx.push(Effect::OpenForm(Box::new(EntryForm {
                        list,
                        id: None,
                        after,
                    })));
                }
            }
            Section::Thresholds => fx.push(Effect::info(
                "the thresholds and cadences are a fixed set: e changes them",
            )),
            Section::Criteria => fx.push(Effect::info(
                "criteria are added on the Scoring tab's weights row: w goes there, then a",
            )),
        }
    }

    /// `e`/`Enter`: the form of the selected row; a criterion goes to the weights row.
    fn edit(&self, data: &Data, fx: &mut Vec<Effect>) {
        match self.selected() {
            Some(Setting::Empty(_)) => self.add(fx),
            None | Some(Setting::Name) => fx.push(Effect::OpenForm(Box::new(WorkspaceNameForm))),
            Some(Setting::Member(handle)) => fx.push(Effect::OpenForm(Box::new(MemberForm {
                handle: Some(handle.clone()),
            }))),
            Some(Setting::Stage(id)) => fx.push(Effect::OpenForm(Box::new(StageForm {
                id: Some(id.clone()),
                after: None,
            }))),
            Some(Setting::Phase(id)) => fx.push(Effect::OpenForm(Box::new(EntryForm {
                list: NamedList::Phases,
                id: Some(id.clone()),
                after: None,
            }))),
            Some(Setting::Perspective(id)) => fx.push(Effect::OpenForm(Box::new(EntryForm {
                list: NamedList::Perspectives,
                id: Some(id.clone()),
                after: None,
            }))),
            Some(Setting::Threshold(line)) => fx.push(Effect::OpenForm(Box::new(ThresholdsForm {
                focus: Some(line.field()),
            }))),
            Some(Setting::Criterion(id)) => commands::weights(data, Some(id), fx),
        }
    }

    /// `d`: removes the selected member, stage, phase or perspective, after asking.
    fn delete(&self, data: &Data, fx: &mut Vec<Effect>) {
        match self.selected() {
            Some(Setting::Member(handle)) => commands::remove_member(data, handle, fx),
            Some(setting @ (Setting::Stage(_) | Setting::Phase(_) | Setting::Perspective(_))) => {
                if let Some((list, id)) = setting.entry() {
                    commands::remove_entry(data, list, id, fx);
                }
            }
            Some(Setting::Threshold(_)) => fx.push(Effect::info(
                "the thresholds and cadences are a fixed set: e changes them",
            )),
            Some(Setting::Criterion(_)) => fx.push(Effect::info(
                "criteria are retired on the Scoring tab's weights row: w goes there, then d",
            )),
            None | Some(Setting::Name) => {
                fx.push(Effect::info("the workspace keeps its name; e edits it"));
            }
            Some(Setting::Empty(_)) => fx.push(Effect::info("nothing here to remove")),
        }
    }

    /// `<`/`>`: the selected stage, phase or perspective one place up or down.
    fn move_selected(&self, data: &Data, delta: i64, fx: &mut Vec<Effect>) {
        match self.selected() {
            Some(Setting::Criterion(_)) => fx.push(Effect::info(
                "criteria move on the Scoring tab's weights row: w goes there, then < or >",
            )),
            Some(setting) => match setting.entry() {
                Some((list, id)) => commands::move_entry(data, list, id, delta, fx),
                None => fx.push(Effect::info(
                    "only stages, milestone phases and KPI perspectives move (< and >)",
                )),
            },
            None => {}
        }
    }
}

impl Screen for SettingsScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Settings)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                self.filter_changed(data);
            }
            return;
        }
        if let Some(delta) = movement(&action, PAGE) {
            self.cursor.step(&self.rows(data), delta);
            return;
        }
        match action {
            Action::Add => self.add(fx),
            Action::Edit | Action::Open => self.edit(data, fx),
            Action::Delete => self.delete(data, fx),
            Action::Settings(SettingsAction::MoveUp) => self.move_selected(data, -1, fx),
            Action::Settings(SettingsAction::MoveDown) => self.move_selected(data, 1, fx),
            Action::Settings(SettingsAction::ToggleCheckin) => match self.selected() {
                Some(Setting::Stage(id)) => commands::toggle_checkin(data, id, fx),
                _ => fx.push(Effect::info(
                    "Space on a stage says whether the weekly check-in walks it",
                )),
            },
            Action::Settings(SettingsAction::Weights) => {
                let criterion = match self.selected() {
                    Some(Setting::Criterion(id)) => Some(id.as_str()),
                    _ => None,
                };
                commands::weights(data, criterion, fx);
            }
            Action::Back => fx.push(Effect::Pop),
            _ => {}
        }
    }

    fn data_changed(&mut self, data: &Data) {
        self.cursor.settle(&self.rows(data));
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        match what {
            Reveal::Member(handle) => self.select_member(data, handle),
            Reveal::Setting(setting) => self.select(data, setting.clone()),
            Reveal::Criterion(id) => self.select(data, Setting::Criterion(id.clone())),
            _ => {}
        }
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.filter_changed(data);
            return true;
        }
        false
    }
}
