//! The Scoring tab's state: the partner-selection matrix (candidates by criteria),
//! the selected cell, the sort, the marks for comparison, and the screen's modes —
//! the weights row (weights tried in memory until `Enter` saves them), the retired
//! criteria, the side-by-side comparison. Rows and columns are held by identity
//! (partner id, criterion id), so the selection stays put when ranks move.

mod commands;
pub mod matrix;

use std::collections::BTreeMap;

use super::detail::{DetailScreen, Section};
use super::{Layer, Screen};
use crate::app::action::{Action, ScoringAction};
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::filter::Filter;
use crate::app::forms::scoring::{CriterionForm, ScoreForm};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::domain::Criterion;

pub use commands::weight_text;
pub use matrix::{Baseline, Matrix, Row, Sort};

/// How far PgUp/PgDn move.
const PAGE: i64 = 10;
/// How many candidates can be compared side by side.
pub const MAX_MARKED: usize = 3;
/// The highest weight `+` reaches; only ratios matter, so this is plenty.
pub const MAX_WEIGHT: f64 = 100.0;

/// What the keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The matrix: candidates and their scores.
    #[default]
    Matrix,
    /// The weights row: weights tried, criteria added, renamed, moved, retired.
    Weights,
    /// The list of retired criteria: restore one, or drop its scores.
    Retired,
    /// The marked candidates side by side.
    Compare,
}

/// A weight being tried: what it was when the trial began, and what it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialWeight {
    /// The criterion's name, for words about the trial.
    pub name: String,
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Default)]
pub struct ScoringScreen {
    /// The selected candidate, by partner id.
    selected: Option<String>,
    /// Where it was among the rows: the fallback when it disappears.
    position: usize,
    /// The selected column: `None` is the name column, else a criterion id.
    column: Option<String>,
    /// Where it was: 0 the name, `i + 1` the `i`-th criterion.
    column_position: usize,
    pub sort: Sort,
    /// All partners, not only the candidates.
    pub all: bool,
    /// `/`: by name, kind, owner, stage or tag.
    pub filter: Filter,
    /// Candidates marked for comparison, by id, in the order they were marked.
    marked: Vec<String>,
    mode: Mode,
    /// Weights being tried on the weights row, by criterion id.
    trial: BTreeMap<String, TrialWeight>,
    /// The selected retired criterion, by id.
    retired: Option<String>,
    /// The selected criterion of the comparison (a row of it).
    compare_row: usize,
    /// What rank moves are counted from: the data when the tab was entered.
    baseline: Baseline,
}

impl ScoringScreen {
    pub fn new(data: &Data) -> ScoringScreen {
        // The first score of the first candidate: `+` scores at once.
        let mut screen = ScoringScreen {
            baseline: Baseline::of(data),
            column: data
                .workspace
                .active_criteria()
                .next()
                .map(|c| c.id.clone()),
            column_position: 1,
            ..ScoringScreen::default()
        };
        screen.settle(data);
        screen
    }

    /// The matrix as it is shown now.
    pub fn matrix(&self, data: &Data) -> Matrix {
        let trial: BTreeMap<String, f64> = self
            .trial
            .iter()
            .map(|(id, weight)| (id.clone(), weight.to))
            .collect();
        matrix::build(
            data,
            &matrix::Inputs {
                all: self.all,
                sort: self.sort,
                filter: &self.filter,
                trial: &trial,
                baseline: &self.baseline,
            },
        )
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// The selected criterion's id; `None` on the name column.
    pub fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    pub fn marked(&self) -> &[String] {
        &self.marked
    }

    pub fn retired_selected(&self) -> Option<&str> {
        self.retired.as_deref()
    }

    pub fn compare_row(&self) -> usize {
        self.compare_row
    }

    /// The weights tried that differ from where they started, in the workspace's
    /// order of criteria.
    pub fn trial_changes<'a>(&'a self, data: &'a Data) -> Vec<(&'a str, &'a TrialWeight)> {
        data.workspace
            .criteria
            .iter()
            .filter_map(|criterion| {
                let weight = self.trial.get(&criterion.id)?;
                (weight.to != weight.from).then_some((criterion.id.as_str(), weight))
            })
            .collect()
    }

    /// The retired criteria, in the workspace's order.
    pub fn retired_criteria<'a>(&self, data: &'a Data) -> Vec<&'a Criterion> {
        data.workspace
            .criteria
            .iter()
            .filter(|criterion| criterion.retired)
            .collect()
    }

    /// Keeps the selection valid after the data, the filter or the pool changed: the
    /// same candidate and criterion if still shown, else whatever is at their place.
    fn settle(&mut self, data: &Data) {
        let matrix = self.matrix(data);
        match self.selected.as_deref().and_then(|id| matrix.position(id)) {
            Some(position) => self.position = position,
            None => {
                self.position = self.position.min(matrix.rows.len().saturating_sub(1));
                self.selected = matrix.rows.get(self.position).map(|row| row.id.clone());
            }
        }
        let criteria = matrix.criteria();
        let found = self
            .column
            .as_deref()
            .and_then(|id| criteria.iter().position(|c| c.id == id));
        match found {
            Some(index) => self.column_position = index + 1,
            None if self.column.is_none() && self.column_position == 0 => {}
            None => {
                self.column_position = self.column_position.min(criteria.len());
                self.column = match self.column_position {
                    0 => None,
                    n => Some(criteria[n - 1].id.clone()),
                };
            }
        }
        if self.mode == Mode::Weights && self.column.is_none() {
            self.column_position = 1.min(criteria.len());
            self.column = criteria.first().map(|c| c.id.clone());
        }
        // Weights tried for criteria that are gone or retired meanwhile are dropped.
        self.trial
            .retain(|id, _| criteria.iter().any(|c| c.id == *id));
        self.marked.retain(|id| data.partner(id).is_some());
        let retired = self.retired_criteria(data);
        if !retired.iter().any(|c| Some(&c.id) == self.retired.as_ref()) {
            self.retired = retired.first().map(|c| c.id.clone());
        }
        if self.mode == Mode::Retired && retired.is_empty() {
            self.mode = Mode::Weights;
        }
        if self.mode == Mode::Compare && self.marked.len() < 2 {
            self.mode = Mode::Matrix;
        }
        self.compare_row = self.compare_row.min(criteria.len().saturating_sub(1));
    }

    fn step_row(&mut self, data: &Data, delta: i64) {
        let matrix = self.matrix(data);
        if matrix.rows.is_empty() {
            return;
        }
        let current = self
            .selected
            .as_deref()
            .and_then(|id| matrix.position(id))
            .unwrap_or(self.position) as i64;
        let target = current
            .saturating_add(delta)
            .clamp(0, matrix.rows.len() as i64 - 1) as usize;
        self.position = target;
        self.selected = Some(matrix.rows[target].id.clone());
    }

    /// Moves `delta` columns; on the weights row the name column is skipped.
    fn step_column(&mut self, data: &Data, delta: i64) {
        let criteria = data.workspace.active_criteria().count() as i64;
        let first = i64::from(self.mode == Mode::Weights);
        if criteria == 0 {
            return;
        }
        let target = (self.column_position as i64 + delta).clamp(first, criteria) as usize;
        self.column_position = target;
        self.column = match target {
            0 => None,
            n => data
                .workspace
                .active_criteria()
                .nth(n - 1)
                .map(|c| c.id.clone()),
        };
    }

    /// The selected cell: `(partner id, criterion id)`, when on a score.
    fn cell(&self) -> Option<(String, String)> {
        Some((self.selected.clone()?, self.column.clone()?))
    }

    fn open(&self, data: &Data, fx: &mut Vec<Effect>) {
        let Some(id) = &self.selected else {
            fx.push(Effect::info(
                "no candidate here: A shows all partners, Esc clears a filter",
            ));
            return;
        };
        match &self.column {
            None => fx.push(Effect::Push(Layer::Detail(DetailScreen::new(
                data,
                id,
                Section::Profile,
            )))),
            Some(criterion) => fx.push(Effect::OpenForm(Box::new(ScoreForm {
                partner: id.clone(),
                criterion: criterion.clone(),
            }))),
        }
    }

    fn mark(&mut self, fx: &mut Vec<Effect>) {
        let Some(id) = &self.selected else { return };
        if let Some(at) = self.marked.iter().position(|m| m == id) {
            self.marked.remove(at);
        } else if self.marked.len() >= MAX_MARKED {
            fx.push(Effect::info(format!(
                "{MAX_MARKED} candidates are marked already: Space on one of them unmarks it"
            )));
        } else {
            self.marked.push(id.clone());
        }
    }

    fn compare(&mut self, fx: &mut Vec<Effect>) {
        if self.marked.len() < 2 {
            fx.push(Effect::info(
                "mark two or three candidates with Space, then v compares them",
            ));
            return;
        }
        self.mode = Mode::Compare;
        self.compare_row = 0;
    }

    fn enter_weights(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        self.mode = Mode::Weights;
        self.trial.clear();
        if self.column.is_none() {
            self.step_column(data, 1);
        }
        if let Some(why) = data.refuses_edits(&crate::app::Doc::Workspace) {
            fx.push(Effect::error(format!(
                "weights can be tried but not saved: {why}"
            )));
        }
    }

    /// `Esc` or `w` on the weights row: leaves it, asking first when weights were
    /// tried.
    fn leave_weights(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        let changes = self.trial_changes(data);
        if changes.is_empty() {
            self.mode = Mode::Matrix;
            self.trial.clear();
            return;
        }
        fx.push(Effect::Ask(Confirm::new(
            format!(
                "Drop the weights you tried ({})? workspace.ron keeps its weights.",
                commands::describe_trial(&changes)
            ),
            vec![Effect::ToScreen(Action::Scoring(
                ScoringAction::LeaveWeights,
            ))],
        )));
    }

    /// `+`/`-` on the weights row: the weight tried one step up or down.
    fn try_weight(&mut self, data: &Data, delta: f64, fx: &mut Vec<Effect>) {
        let Some(id) = &self.column else {
            fx.push(Effect::info("no criteria yet: a adds one"));
            return;
        };
        let Some(criterion) = data.workspace.criterion(id) else {
            return;
        };
        let entry = self.trial.entry(id.clone()).or_insert(TrialWeight {
            name: criterion.name.clone(),
            from: criterion.weight,
            to: criterion.weight,
        });
        let base = if entry.to.is_finite() {
            entry.to.max(0.0)
        } else {
            0.0
        };
        let to = (base + delta).clamp(0.0, MAX_WEIGHT);
        if to == entry.to {
            fx.push(Effect::info(format!(
                "a weight runs from 0 (does not count) to {MAX_WEIGHT}"
            )));
        }
        entry.to = to;
    }
}

impl Screen for ScoringScreen {
    fn context(&self) -> Context {
        match self.mode {
            Mode::Matrix => self.filter.context(Context::Scoring),
            Mode::Weights => Context::ScoringWeights,
            Mode::Retired => Context::ScoringRetired,
            Mode::Compare => Context::ScoringCompare,
        }
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if action == Action::Scoring(ScoringAction::OpenWeights) {
            // From elsewhere (the settings): weights already being tried stay.
            if self.mode != Mode::Weights {
                self.enter_weights(data, fx);
            }
            return;
        }
        match self.mode {
            Mode::Matrix => self.update_matrix(data, action, fx),
            Mode::Weights => self.update_weights(data, action, fx),
            Mode::Retired => self.update_retired(data, action, fx),
            Mode::Compare => self.update_compare(data, action),
        }
    }

    fn data_changed(&mut self, data: &Data) {
        self.settle(data);
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        match what {
            Reveal::Partner(id) => self.selected = Some(id.clone()),
            Reveal::Criterion(id) => self.column = Some(id.clone()),
            _ => return,
        }
        self.settle(data);
    }

    fn entered(&mut self, data: &Data) {
        self.baseline = Baseline::of(data);
    }

    fn unsaved(&self) -> Option<String> {
        let changed: Vec<String> = self
            .trial
            .values()
            .filter(|weight| weight.to != weight.from)
            .map(|weight| {
                format!(
                    "{} {} → {}",
                    weight.name,
                    commands::weight_text(weight.from),
                    commands::weight_text(weight.to)
                )
            })
            .collect();
        (!changed.is_empty()).then(|| format!("the weights being tried ({})", changed.join(", ")))
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.settle(data);
            return true;
        }
        false
    }
}

impl ScoringScreen {
    fn update_matrix(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                self.settle(data);
            }
            return;
        }
        match action {
            Action::Up => self.step_row(data, -1),
            Action::Down => self.step_row(data, 1),
            Action::PageUp => self.step_row(data, -PAGE),
            Action::PageDown => self.step_row(data, PAGE),
            Action::Top => self.step_row(data, i64::MIN / 2),
            Action::Bottom => self.step_row(data, i64::MAX / 2),
            Action::Left => self.step_column(data, -1),
            Action::Right => self.step_column(data, 1),
            Action::Open | Action::Edit => self.open(data, fx),
            Action::Scoring(ScoringAction::Raise) => match self.cell() {
                Some((partner, criterion)) => commands::adjust(data, &partner, &criterion, 1, fx),
                None => fx.push(Effect::info("move to a score (l) to change it")),
            },
            Action::Scoring(ScoringAction::Lower) => match self.cell() {
                Some((partner, criterion)) => commands::adjust(data, &partner, &criterion, -1, fx),
                None => fx.push(Effect::info("move to a score (l) to change it")),
            },
            Action::Scoring(ScoringAction::Clear) => match self.cell() {
                Some((partner, criterion)) => commands::clear(data, &partner, &criterion, fx),
                None => fx.push(Effect::info("move to a score (l) to clear it")),
            },
            Action::Scoring(ScoringAction::Weights) => self.enter_weights(data, fx),
            Action::Scoring(ScoringAction::Sort) => {
                self.sort = match self.sort {
                    Sort::Score => Sort::Name,
                    Sort::Name => Sort::Score,
                };
                self.settle(data);
            }
            Action::Scoring(ScoringAction::Mark) => self.mark(fx),
            Action::Scoring(ScoringAction::Compare) => self.compare(fx),
            Action::Scoring(ScoringAction::ToggleAll) => {
                self.all = !self.all;
                self.settle(data);
                fx.push(Effect::info(if self.all {
                    "all partners: re-score partners already under way (A: candidates only)"
                } else {
                    "candidates only: partners in stages for choosing a partner (A: all)"
                }));
            }
            Action::Back if !self.marked.is_empty() => {
                self.marked.clear();
                fx.push(Effect::info("marks cleared"));
            }
            _ => {}
        }
    }

    fn update_weights(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Left => self.step_column(data, -1),
            Action::Right => self.step_column(data, 1),
            Action::Scoring(ScoringAction::Raise) => self.try_weight(data, 1.0, fx),
            Action::Scoring(ScoringAction::Lower) => self.try_weight(data, -1.0, fx),
            Action::Scoring(ScoringAction::SaveWeights) => {
                let changes = self.trial_changes(data);
                commands::save_weights(data, &changes, fx);
            }
            Action::Scoring(ScoringAction::LeaveWeights) => {
                self.mode = Mode::Matrix;
                self.trial.clear();
            }
            Action::Back | Action::Scoring(ScoringAction::Weights) => self.leave_weights(data, fx),
            Action::Add => fx.push(Effect::OpenForm(Box::new(CriterionForm {
                id: None,
                after: self.column.clone(),
            }))),
            Action::Edit => match &self.column {
                Some(id) => fx.push(Effect::OpenForm(Box::new(CriterionForm {
                    id: Some(id.clone()),
                    after: None,
                }))),
                None => fx.push(Effect::info("no criteria yet: a adds one")),
            },
            Action::Delete => match &self.column {
                Some(id) => commands::retire(data, id, fx),
                None => fx.push(Effect::info("no criteria to retire")),
            },
            Action::Scoring(ScoringAction::MoveLeft) => {
                if let Some(id) = &self.column {
                    commands::move_criterion(data, id, -1, fx);
                }
            }
            Action::Scoring(ScoringAction::MoveRight) => {
                if let Some(id) = &self.column {
                    commands::move_criterion(data, id, 1, fx);
                }
            }
            Action::Scoring(ScoringAction::Retired) => {
                if self.retired_criteria(data).is_empty() {
                    fx.push(Effect::info(
                        "no criterion is retired (d on the weights row retires one)",
                    ));
                } else {
                    self.mode = Mode::Retired;
                    self.settle(data);
                }
            }
            _ => {}
        }
    }

    fn update_retired(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let retired = self.retired_criteria(data);
        let at = retired
            .iter()
            .position(|c| Some(&c.id) == self.retired.as_ref())
            .unwrap_or(0);
        match action {
            Action::Up | Action::Down => {
                let delta: i64 = if action == Action::Up { -1 } else { 1 };
                let target = (at as i64 + delta).clamp(0, retired.len() as i64 - 1);
                self.retired = retired.get(target as usize).map(|c| c.id.clone());
            }
            Action::Scoring(ScoringAction::Restore) => {
                if let Some(id) = &self.retired {
                    commands::restore(data, id, fx);
                }
            }
            Action::Scoring(ScoringAction::DropScores) => {
                if let Some(id) = &self.retired {
                    commands::drop_scores(data, id, fx);
                }
            }
            Action::Back => self.mode = Mode::Weights,
            _ => {}
        }
    }

    fn update_compare(&mut self, data: &Data, action: Action) {
        let rows = data.workspace.active_criteria().count();
        match action {
            Action::Up => self.compare_row = self.compare_row.saturating_sub(1),
            Action::Down => {
                self.compare_row = (self.compare_row + 1).min(rows.saturating_sub(1));
            }
            Action::Back | Action::Scoring(ScoringAction::Compare) => self.mode = Mode::Matrix,
            _ => {}
        }
    }
}
