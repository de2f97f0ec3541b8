//! What the Scoring tab shows, derived from the data and the screen's state: the
//! criteria in force (with the weights being tried), the candidates in order with
//! their weighted scores, ranks and how far each rank moved since the baseline.
//! The view draws it and the screen moves through it, so both see the same rows.

use std::collections::BTreeMap;

use crate::app::filter::{Filter, keeps};
use crate::app::model::Data;
use crate::domain::scoring::{Score, WeightedScore, rank, rank_moves, weighted_score};
use crate::domain::{Criterion, Partner, StageRole};

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By rank: the best weighted score first, partial scores after complete ones.
    #[default]
    Score,
    Name,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Score => "by score",
            Sort::Name => "by name",
        }
    }
}

/// The weights and scores the ranks are compared against: as they were when the tab
/// was entered.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    criteria: Vec<Criterion>,
    /// Each partner's scores, by partner id.
    scores: BTreeMap<String, Vec<Score>>,
}

impl Baseline {
    pub fn of(data: &Data) -> Baseline {
        Baseline {
            criteria: data.workspace.criteria.clone(),
            scores: data
                .partners
                .iter()
                .map(|file| (file.id.clone(), file.partner.scores.clone()))
                .collect(),
        }
    }
}

/// One candidate's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    /// Index into `data.partners`.
    pub index: usize,
    pub score: WeightedScore,
    /// 1 is the best, among all the candidates (the filter only hides rows).
    pub rank: usize,
    /// Places moved since the baseline: positive is up; `None` for a partner that
    /// was not there then.
    pub moved: Option<i64>,
}

impl Row {
    pub fn partner<'a>(&self, data: &'a Data) -> &'a Partner {
        &data.partners[self.index].partner
    }
}

/// The matrix as shown.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// Every criterion of the workspace, with the tried weights in place.
    pub all_criteria: Vec<Criterion>,
    /// The rows the filter lets through, in the chosen order.
    pub rows: Vec<Row>,
    /// Candidates before the filter.
    pub pool: usize,
    /// The widest name among them, in columns: the name column keeps its width
    /// while a filter narrows the rows.
    pub widest_name: usize,
}

impl Matrix {
    /// The criteria that count (not retired), in the workspace's order: the columns.
    pub fn criteria(&self) -> Vec<&Criterion> {
        self.all_criteria.iter().filter(|c| !c.retired).collect()
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|row| row.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|row| row.id == id)
    }
}

/// Whether the partner is a candidate: in a stage for choosing the partner (by its
/// role, so renamed stages still count).
pub fn is_candidate(data: &Data, partner: &Partner) -> bool {
    data.workspace.stage_role(&partner.stage) == Some(StageRole::Candidate)
}

/// What the matrix needs from the screen's state.
pub struct Inputs<'a> {
    pub all: bool,
    pub sort: Sort,
    pub filter: &'a Filter,
    /// Weights being tried, by criterion id.
    pub trial: &'a BTreeMap<String, f64>,
    pub baseline: &'a Baseline,
}

/// Every criterion with the tried weights in place.
pub fn criteria_with(data: &Data, trial: &BTreeMap<String, f64>) -> Vec<Criterion> {
    data.workspace
        .criteria
        .iter()
        .map(|criterion| match trial.get(&criterion.id) {
            Some(weight) => Criterion {
                weight: *weight,
                ..criterion.clone()
            },
            None => criterion.clone(),
        })
        .collect()
}

pub fn build(data: &Data, inputs: &Inputs) -> Matrix {
    let all_criteria = criteria_with(data, inputs.trial);
    let pool: Vec<usize> = (0..data.partners.len())
        .filter(|&index| inputs.all || is_candidate(data, &data.partners[index].partner))
        .collect();
    let name = |index: usize| data.partners[index].partner.name.as_str();

    let scores: Vec<WeightedScore> = pool
        .iter()
        .map(|&index| weighted_score(&data.partners[index].partner.scores, &all_criteria))
        .collect();
    let entries: Vec<(&str, WeightedScore)> = pool
        .iter()
        .zip(&scores)
        .map(|(&index, score)| (name(index), *score))
        .collect();
    let order = rank(&entries);
    let now: Vec<&str> = order
        .iter()
        .map(|&at| data.partners[pool[at]].id.as_str())
        .collect();

    // The same candidates ranked as they were: the baseline's weights and scores.
    let then: Vec<(usize, WeightedScore)> = pool
        .iter()
        .filter_map(|&index| {
            let scores = inputs.baseline.scores.get(&data.partners[index].id)?;
            Some((index, weighted_score(scores, &inputs.baseline.criteria)))
        })
        .collect();
    let then_entries: Vec<(&str, WeightedScore)> = then
        .iter()
        .map(|(index, score)| (name(*index), *score))
        .collect();
    let before: Vec<&str> = rank(&then_entries)
        .into_iter()
        .map(|at| data.partners[then[at].0].id.as_str())
        .collect();
    let moves = rank_moves(&before, &now);

    let mut matcher = inputs.filter.matcher();
    let mut rows: Vec<Row> = Vec::new();
    for (place, &at) in order.iter().enumerate() {
        let index = pool[at];
        let partner = &data.partners[index].partner;
        let fields = [
            partner.name.as_str(),
            partner.kind.as_str(),
            partner.owner.as_str(),
            data.workspace.member_name(&partner.owner),
            data.workspace.stage_name(&partner.stage),
        ]
        .into_iter()
        .chain(partner.tags.iter().map(String::as_str));
        if !keeps(&mut matcher, fields) {
            continue;
        }
        rows.push(Row {
            id: data.partners[index].id.clone(),
            index,
            score: scores[at],
            rank: place + 1,
            moved: moves[place],
        });
    }
    if inputs.sort == Sort::Name {
        rows.sort_by_cached_key(|row| (name(row.index).to_lowercase(), row.id.clone()));
    }
    Matrix {
        all_criteria,
        rows,
        pool: pool.len(),
        widest_name: pool
            .iter()
            .map(|&index| crate::text::width(name(index)))
            .max()
            .unwrap_or(0),
    }
}
