//! The partner detail, a layer over the tabs: which partner, which section, and the
//! selected item — held by identity, so it stays on the same record when the list
//! around it changes (an action marked done moves down; a new one appears).

mod edit;
mod layout;

pub use layout::{DONE_SHOWN_DAYS, Row, Section, items, rows};

use super::Screen;
use crate::app::action::{Action, DetailAction};
use crate::app::effect::{Effect, Reveal};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::records::Item;
use crate::app::{commands, milestones};

/// How far PgUp/PgDn move.
const PAGE: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailScreen {
    pub partner: String,
    pub section: Section,
    /// The selected item, by what it is.
    selected: Option<Item>,
    /// Where it was in the list: the fallback when it disappears.
    position: usize,
}

impl DetailScreen {
    /// The detail of `partner` on `section`, its first item selected.
    pub fn new(data: &Data, partner: &str, section: Section) -> DetailScreen {
        let mut screen = DetailScreen {
            partner: partner.to_string(),
            section,
            selected: None,
            position: 0,
        };
        screen.data_changed(data);
        screen
    }

    /// The selectable items of the section on screen.
    pub fn items(&self, data: &Data) -> Vec<Item> {
        match data.partner_data(&self.partner) {
            Some(partner) => items(
                partner,
                data.figures(&self.partner),
                self.section,
                data.today,
            ),
            None => Vec::new(),
        }
    }

    pub fn selected(&self) -> Option<&Item> {
        self.selected.as_ref()
    }

    /// The selected item's place among `items`.
    pub fn selected_index(&self, data: &Data) -> Option<usize> {
        let items = self.items(data);
        let selected = self.selected.as_ref()?;
        items.iter().position(|item| item == selected)
    }

    /// Selects `wanted` if the section lists it; says whether it did.
    pub fn select(&mut self, data: &Data, wanted: &Item) -> bool {
        match self.items(data).iter().position(|item| item == wanted) {
            Some(position) => {
                self.selected = Some(wanted.clone());
                self.position = position;
                true
            }
            None => false,
        }
    }

    fn step(&mut self, data: &Data, delta: i64) {
        let items = self.items(data);
        if items.is_empty() {
            return;
        }
        let current = self.selected_index(data).unwrap_or(self.position) as i64;
        let target = current
            .saturating_add(delta)
            .clamp(0, items.len() as i64 - 1) as usize;
        self.position = target;
        self.selected = Some(items[target].clone());
    }

    fn switch_section(&mut self, data: &Data, section: Section) {
        self.section = section;
        self.selected = None;
        self.position = 0;
        self.data_changed(data);
    }
}

impl Screen for DetailScreen {
    fn context(&self) -> Context {
        match self.section {
            Section::Milestones => Context::DetailMilestones,
            _ => Context::Detail,
        }
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Up => self.step(data, -1),
            Action::Down => self.step(data, 1),
            Action::PageUp => self.step(data, -PAGE),
            Action::PageDown => self.step(data, PAGE),
            Action::Top => self.step(data, i64::MIN / 2),
            Action::Bottom => self.step(data, i64::MAX / 2),
            Action::Detail(DetailAction::NextSection) => {
                self.switch_section(data, self.section.next())
            }
            Action::Detail(DetailAction::PrevSection) => {
                self.switch_section(data, self.section.prev())
            }
            Action::Detail(DetailAction::CycleStatus) => {
                edit::cycle_status(data, &self.partner, self.selected.as_ref(), fx)
            }
            Action::Milestone(key) => match &self.selected {
                Some(Item::Milestone(at)) => milestones::key(data, &self.partner, at, key, fx),
                _ => fx.push(Effect::info("no milestone selected — a adds one")),
            },
            Action::Add => edit::add(
                data,
                &self.partner,
                self.section,
                self.selected.as_ref(),
                fx,
            ),
            Action::Edit => {
                if let Some(item) = &self.selected {
                    edit::edit(data, &self.partner, item, fx);
                }
            }
            Action::Delete => {
                if let Some(item) = &self.selected {
                    edit::delete(data, &self.partner, item, fx);
                }
            }
            Action::StageNext => commands::move_stage(data, &self.partner, 1, fx),
            Action::StagePrev => commands::move_stage(data, &self.partner, -1, fx),
            Action::MoveStage => commands::pick_stage(data, &self.partner, fx),
            Action::Back => fx.push(Effect::Pop),
            _ => {}
        }
    }

    /// The same item stays selected wherever it moved; a vanished one gives way to
    /// the item now at its place.
    fn data_changed(&mut self, data: &Data) {
        let items = self.items(data);
        if let Some(position) = self
            .selected
            .as_ref()
            .and_then(|selected| items.iter().position(|item| item == selected))
        {
            self.position = position;
            return;
        }
        self.position = self.position.min(items.len().saturating_sub(1));
        self.selected = items.get(self.position).cloned();
    }

    fn still_open(&self, data: &Data) -> bool {
        data.partner(&self.partner).is_some()
    }

    fn partner_shown(&self) -> Option<&str> {
        Some(&self.partner)
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        match what {
            Reveal::Item(item) => {
                self.select(data, item);
            }
            Reveal::Milestone { partner, at } if *partner == self.partner => {
                self.select(data, &Item::Milestone(at.clone()));
            }
            _ => {}
        }
    }
}
