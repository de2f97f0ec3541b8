//! The Pipeline board's state: one column per stage (plus any stage a partner names
//! that the workspace lacks), the cards in each after the filter, and the selection,
//! which follows a partner by id so a moved card stays selected.

use super::detail::{DetailScreen, Section};
use super::{Layer, Screen};
use crate::app::action::{Action, PipelineAction};
use crate::app::commands;
use crate::app::effect::{Effect, Reveal};
use crate::app::filter::{Filter, keeps};
use crate::app::forms::partner::{NewPartnerForm, ProfileForm};
use crate::app::keymap::Context;
use crate::app::model::Data;

#[derive(Debug, Default)]
pub struct PipelineScreen {
    /// The selected column (index into `columns`).
    pub column: usize,
    /// The selected partner's id; `None` when the column is empty.
    pub selected: Option<String>,
    /// Closed stages (paused, ended) shown at full width.
    pub expand_closed: bool,
    /// `/`: by name, kind, owner or tag.
    pub filter: Filter,
}

/// One column of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The stage's id.
    pub stage: String,
    /// What the column is called: the stage's name (its id when the workspace lacks it).
    pub name: String,
    pub closed: bool,
    /// The workspace has this stage (a hand-edited file may name one it lacks).
    pub known: bool,
    /// Indices into `data.partners`, by name.
    pub cards: Vec<usize>,
    /// Partners in this stage before the filter.
    pub total: usize,
}

impl PipelineScreen {
    /// The board opens on the first card of the first non-empty column.
    pub fn new(data: &Data) -> PipelineScreen {
        let mut screen = PipelineScreen::default();
        let columns = screen.columns(data);
        if let Some(column) = columns.iter().position(|column| !column.cards.is_empty()) {
            screen.column = column;
            screen.selected = Some(data.partners[columns[column].cards[0]].id.clone());
        }
        screen
    }

    /// The columns of the board with the filter applied.
    pub fn columns(&self, data: &Data) -> Vec<Column> {
        let mut matcher = self.filter.matcher();
        let mut columns: Vec<Column> = data
            .workspace
            .stages
            .iter()
            .map(|stage| Column {
                stage: stage.id.clone(),
                name: stage.name.clone(),
                closed: stage.is_closed(),
                known: true,
                cards: Vec::new(),
                total: 0,
            })
            .collect();
        let mut order: Vec<usize> = (0..data.partners.len()).collect();
        order.sort_by_cached_key(|&index| data.partners[index].partner.name.to_lowercase());
        for index in order {
            let partner = &data.partners[index].partner;
            let position = match columns.iter().position(|c| c.stage == partner.stage) {
                Some(position) => position,
                None => {
                    columns.push(Column {
                        stage: partner.stage.clone(),
                        name: partner.stage.clone(),
                        closed: false,
                        known: false,
                        cards: Vec::new(),
                        total: 0,
                    });
                    columns.len() - 1
                }
            };
            columns[position].total += 1;
            let fields = [
                partner.name.as_str(),
                partner.kind.as_str(),
                partner.owner.as_str(),
                data.workspace.member_name(&partner.owner),
            ]
            .into_iter()
            .chain(partner.tags.iter().map(String::as_str));
            if keeps(&mut matcher, fields) {
                columns[position].cards.push(index);
            }
        }
        columns
    }

    /// The selected card's position `(column, row)` in `columns`, if any.
    pub fn selected_position(&self, data: &Data, columns: &[Column]) -> Option<(usize, usize)> {
        let id = self.selected.as_deref()?;
        columns.iter().enumerate().find_map(|(c, column)| {
            column
                .cards
                .iter()
                .position(|&index| data.partners[index].id == id)
                .map(|row| (c, row))
        })
    }

    /// Makes the selection valid after the data, the filter or the column changed:
    /// the selected partner if still shown (its column followed), else the card at
    /// `row` (clamped) in the current column, or the nearest column with a card.
    pub fn settle(&mut self, data: &Data, row: usize) {
        let columns = self.columns(data);
        if columns.is_empty() {
            self.column = 0;
            self.selected = None;
            return;
        }
        if let Some((column, _)) = self.selected_position(data, &columns) {
            self.column = column;
            return;
        }
        self.column = self.column.min(columns.len() - 1);
        if columns[self.column].cards.is_empty() {
            // The nearest column with a card to show, so a filter lands on a match.
            let current = self.column;
            if let Some(nearest) = (0..columns.len())
                .filter(|&c| !columns[c].cards.is_empty())
                .min_by_key(|&c| c.abs_diff(current))
            {
                self.column = nearest;
            }
        }
        let cards = &columns[self.column].cards;
        self.selected = cards
            .get(row.min(cards.len().saturating_sub(1)))
            .map(|&index| data.partners[index].id.clone());
    }

    /// Moves the selection `delta` columns (h/l), keeping the row where it can.
    fn move_column(&mut self, data: &Data, delta: i64) {
        let columns = self.columns(data);
        if columns.is_empty() {
            return;
        }
        let row = self
            .selected_position(data, &columns)
            .map_or(0, |(_, row)| row);
        let target = (self.column as i64 + delta).clamp(0, columns.len() as i64 - 1) as usize;
        self.column = target;
        let cards = &columns[target].cards;
        self.selected = cards
            .get(row.min(cards.len().saturating_sub(1)))
            .map(|&index| data.partners[index].id.clone());
    }

    /// Moves the selection `delta` cards within the column (j/k).
    fn move_card(&mut self, data: &Data, delta: i64) {
        let columns = self.columns(data);
        let Some(column) = columns.get(self.column) else {
            return;
        };
        if column.cards.is_empty() {
            return;
        }
        let row = self
            .selected_position(data, &columns)
            .map_or(0, |(_, row)| row);
        let target = (row as i64)
            .saturating_add(delta)
            .clamp(0, column.cards.len() as i64 - 1) as usize;
        self.selected = Some(data.partners[column.cards[target]].id.clone());
    }

    /// The stage of the column the board is on: `a` in Active adds an active partner.
    fn column_stage(&self, data: &Data) -> Option<String> {
        self.columns(data)
            .get(self.column)
            .map(|column| column.stage.clone())
    }
}

impl Screen for PipelineScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Pipeline)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                self.settle(data, 0);
            }
            return;
        }
        match action {
            Action::Left => self.move_column(data, -1),
            Action::Right => self.move_column(data, 1),
            Action::Up => self.move_card(data, -1),
            Action::Down => self.move_card(data, 1),
            Action::Top => self.move_card(data, i64::MIN / 2),
            Action::Bottom => self.move_card(data, i64::MAX / 2),
            Action::Pipeline(PipelineAction::ToggleClosedStages) => {
                self.expand_closed = !self.expand_closed;
            }
            Action::Open => {
                if let Some(id) = &self.selected {
                    let detail = DetailScreen::new(data, id, Section::Profile);
                    fx.push(Effect::Push(Layer::Detail(detail)));
                }
            }
            Action::Add => match data.stages_unknown() {
                Some(why) => fx.push(Effect::error(why)),
                None => fx.push(Effect::OpenForm(Box::new(NewPartnerForm {
                    stage: self.column_stage(data),
                }))),
            },
            Action::Edit => {
                if let Some(id) = &self.selected {
                    fx.push(Effect::OpenForm(Box::new(ProfileForm {
                        partner: id.clone(),
                    })));
                }
            }
            Action::Delete => {
                if let Some(id) = &self.selected {
                    commands::delete_partner(data, id, fx);
                }
            }
            Action::StageNext | Action::StagePrev => match &self.selected {
                Some(id) => {
                    let delta = if action == Action::StageNext { 1 } else { -1 };
                    commands::move_stage(data, id, delta, fx);
                }
                None => fx.push(Effect::info("no partner selected")),
            },
            Action::MoveStage => match &self.selected {
                Some(id) => commands::pick_stage(data, id, fx),
                None => fx.push(Effect::info("no partner selected")),
            },
            _ => {}
        }
    }

    /// A selection still on the board stays; a vanished one falls to the top of its
    /// column (its old row is gone with it).
    fn data_changed(&mut self, data: &Data) {
        self.settle(data, 0);
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        if let Reveal::Partner(id) = what {
            self.selected = Some(id.clone());
            self.settle(data, 0);
        }
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.settle(data, 0);
            return true;
        }
        false
    }
}
