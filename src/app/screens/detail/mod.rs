//! The partner detail, a layer over the tabs: which partner, which section, and the
//! selected item — held by identity, so it stays on the same record when the list
//! around it changes (an action marked done moves down; a new one appears).

mod edit;
mod layout;

pub use layout::{DONE_SHOWN_DAYS, Row, Section, items, rows};

use super::Screen;
use super::checkin::CheckinStart;
use crate::app::action::{Action, DetailAction};
use crate::app::effect::{Effect, Reveal};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::records::Item;
use crate::app::selection::{Cursor, movement};
use crate::app::{commands, milestones};

/// How far PgUp/PgDn move.
const PAGE: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailScreen {
    pub partner: String,
    pub section: Section,
    /// The selected item, by what it is.
    cursor: Cursor<Item>,
}

impl DetailScreen {
    /// The detail of `partner` on `section`, its first item selected.
    pub fn new(data: &Data, partner: &str, section: Section) -> DetailScreen {
        let mut screen = DetailScreen {
            partner: partner.to_string(),
            section,
            cursor: Cursor::default(),
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
        self.cursor.selected()
    }

    /// The selected item's place among `items`.
    pub fn selected_index(&self, data: &Data) -> Option<usize> {
        self.cursor.index_in(&self.items(data))
    }

    /// Selects `wanted` if the section lists it; says whether it did.
    pub fn select(&mut self, data: &Data, wanted: &Item) -> bool {
        self.cursor.select(&self.items(data), wanted)
    }

    fn switch_section(&mut self, data: &Data, section: Section) {
        self.section = section;
        self.cursor.reset(&self.items(data));
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
        if let Some(delta) = movement(&action, PAGE) {
            self.cursor.step(&self.items(data), delta);
            return;
        }
        let selected = self.cursor.selected();
        match action {
            Action::Detail(DetailAction::NextSection) => {
                self.switch_section(data, self.section.next())
            }
            Action::Detail(DetailAction::PrevSection) => {
                self.switch_section(data, self.section.prev())
            }
            Action::Detail(DetailAction::CycleStatus) => {
                edit::cycle_status(data, &self.partner, selected, fx)
            }
            Action::Milestone(key) => match selected {
                Some(Item::Milestone(at)) => milestones::key(data, &self.partner, at, key, fx),
                _ => fx.push(Effect::info("no milestone selected — a adds one")),
            },
            Action::Add => edit::add(data, &self.partner, self.section, selected, fx),
            Action::Edit => {
                if let Some(item) = selected {
                    edit::edit(data, &self.partner, item, fx);
                }
            }
            Action::Delete => {
                if let Some(item) = selected {
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
        self.cursor.settle(&self.items(data));
    }

    fn still_open(&self, data: &Data) -> bool {
        data.partner(&self.partner).is_some()
    }

    /// `c`: a check-in with this partner.
    fn checkin(&self, _data: &Data) -> CheckinStart {
        CheckinStart::one(&self.partner)
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
