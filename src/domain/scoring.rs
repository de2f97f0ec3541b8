//! Partner selection scores: one 1–5 score per criterion with its evidence, the
//! weighted score normalised to 0–100, and the ranking of candidates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::serde_opt_date;
use super::workspace::Criterion;

pub const MIN_SCORE: u8 = 1;
pub const MAX_SCORE: u8 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// A criterion id of the workspace.
    pub criterion: String,
    /// 1 (poor) to 5 (excellent).
    pub score: u8,
    #[serde(default)]
    pub evidence: String,
    /// Who gave the score (a member handle), when known.
    #[serde(default)]
    pub by: String,
    /// When it was given, when known.
    #[serde(default, with = "serde_opt_date")]
    pub on: Option<NaiveDate>,
}

impl Score {
    /// A score with its evidence, without who or when.
    pub fn new(criterion: impl Into<String>, score: u8, evidence: impl Into<String>) -> Self {
        Self {
            criterion: criterion.into(),
            score,
            evidence: evidence.into(),
            by: String::new(),
            on: None,
        }
    }
}

/// The weighted score and how much of the criteria it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightedScore {
    /// 0–100; `None` when no weighted criterion has a score.
    pub value: Option<f64>,
    /// Criteria with a score.
    pub scored: usize,
    /// Criteria in the workspace, retired ones left out.
    pub criteria: usize,
}

impl WeightedScore {
    pub fn explain(&self) -> String {
        match self.value {
            Some(value) => format!(
                "weighted score {}/100 from {} of {} criteria",
                value.round() as i64,
                self.scored,
                self.criteria
            ),
            None if self.scored > 0 => format!(
                "no weighted score: the {} scored criteria all have weight 0",
                self.scored
            ),
            None => format!("not scored (0 of {} criteria)", self.criteria),
        }
    }
}

/// The score given for the criterion with id `criterion`, if any.
pub fn score_for<'a>(scores: &'a [Score], criterion: &str) -> Option<&'a Score> {
    scores.iter().find(|score| score.criterion == criterion)
}

/// Each score mapped from 1–5 onto 0–100 and averaged with the criterion weights.
///
/// Only scored criteria count towards the average, so a partially scored candidate is
/// comparable to a fully scored one; `scored` says how much evidence the number rests
/// on. Scores outside 1–5 (a hand-edited file) are clamped, weights below zero count
/// as zero. Scores for criteria the workspace no longer has are ignored.
pub fn weighted_score(scores: &[Score], criteria: &[Criterion]) -> WeightedScore {
    let mut weighted_sum = 0.0;
    let mut weight_total = 0.0;
    let mut scored = 0;
    let active: Vec<&Criterion> = criteria.iter().filter(|c| !c.retired).collect();
    for criterion in &active {
        let Some(score) = score_for(scores, &criterion.id) else {
            continue;
        };
        scored += 1;
        let weight = if criterion.weight.is_finite() {
            criterion.weight.max(0.0)
        } else {
            0.0
        };
        let clamped = score.score.clamp(MIN_SCORE, MAX_SCORE);
        let normalised = f64::from(clamped - MIN_SCORE) / f64::from(MAX_SCORE - MIN_SCORE);
        weighted_sum += weight * normalised * 100.0;
        weight_total += weight;
    }
    WeightedScore {
        value: (weight_total > 0.0).then(|| (weighted_sum / weight_total).clamp(0.0, 100.0)),
        scored,
        criteria: active.len(),
    }
}

/// Indices of `candidates` from best to worst weighted score; unscored last, ties
/// broken by name so the order is stable.
pub fn rank(candidates: &[(&str, WeightedScore)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (name_a, score_a) = candidates[a];
        let (name_b, score_b) = candidates[b];
        match (score_a.value, score_b.value) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| name_a.to_lowercase().cmp(&name_b.to_lowercase()))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn criterion(id: &str, weight: f64) -> Criterion {
        Criterion {
            id: id.into(),
            name: id.to_uppercase(),
            weight,
            description: String::new(),
            retired: false,
        }
    }

    fn score(criterion: &str, value: u8) -> Score {
        Score::new(criterion, value, "")
    }

    #[test]
    fn all_fives_is_100_and_all_ones_is_0() {
        let criteria = [criterion("Fit", 3.0), criterion("Cost", 1.0)];
        let best = weighted_score(&[score("Fit", 5), score("Cost", 5)], &criteria);
        assert_eq!(best.value, Some(100.0));
        let worst = weighted_score(&[score("Fit", 1), score("Cost", 1)], &criteria);
        assert_eq!(worst.value, Some(0.0));
    }

    #[test]
    fn weights_tilt_the_average() {
        let criteria = [criterion("Fit", 3.0), criterion("Cost", 1.0)];
        let result = weighted_score(&[score("Fit", 5), score("Cost", 1)], &criteria);
        assert_eq!(result.value, Some(75.0));
        assert_eq!((result.scored, result.criteria), (2, 2));
    }

    #[test]
    fn retired_criteria_leave_the_score_and_the_coverage() {
        let mut criteria = [criterion("Fit", 3.0), criterion("Cost", 1.0)];
        criteria[1].retired = true;
        let result = weighted_score(&[score("Fit", 5), score("Cost", 1)], &criteria);
        assert_eq!(result.value, Some(100.0));
        assert_eq!((result.scored, result.criteria), (1, 1));
    }

    #[test]
    fn coverage_counts_only_scored_criteria() {
        let criteria = [
            criterion("Fit", 1.0),
            criterion("Cost", 1.0),
            criterion("Team", 1.0),
        ];
        let result = weighted_score(&[score("Fit", 3)], &criteria);
        assert_eq!(result.value, Some(50.0));
        assert_eq!((result.scored, result.criteria), (1, 3));
        assert!(result.explain().contains("1 of 3"));
    }

    #[test]
    fn nothing_scored_or_all_zero_weight_is_none() {
        let criteria = [criterion("Fit", 0.0)];
        assert_eq!(weighted_score(&[], &criteria).value, None);
        assert_eq!(weighted_score(&[score("Fit", 4)], &criteria).value, None);
        assert_eq!(weighted_score(&[], &[]).value, None);
    }

    #[test]
    fn out_of_range_scores_and_bad_weights_are_tamed() {
        let criteria = [
            criterion("Fit", 1.0),
            criterion("Odd", f64::NAN),
            criterion("Neg", -4.0),
        ];
        let scores = [score("Fit", 9), score("Odd", 1), score("Neg", 1)];
        assert_eq!(weighted_score(&scores, &criteria).value, Some(100.0));
        assert_eq!(
            weighted_score(&[score("Fit", 0)], &criteria).value,
            Some(0.0)
        );
    }

    #[test]
    fn ranking_puts_unscored_last_and_breaks_ties_by_name() {
        let some = |v| WeightedScore {
            value: Some(v),
            scored: 1,
            criteria: 1,
        };
        let none = WeightedScore {
            value: None,
            scored: 0,
            criteria: 1,
        };
        let candidates = [
            ("Zeta", some(50.0)),
            ("Alpha", none),
            ("beta", some(80.0)),
            ("Acme", some(50.0)),
        ];
        assert_eq!(rank(&candidates), vec![2, 3, 0, 1]);
    }

    proptest! {
        // Failures are printed with their minimal input; no regression files are
        // written into the source tree.
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn score_is_always_between_0_and_100(
            weights in proptest::collection::vec(0.0f64..10.0, 1..10),
            values in proptest::collection::vec(0u8..8, 1..10),
        ) {
            let criteria: Vec<_> = weights.iter().enumerate().map(|(i, w)| criterion(&format!("c{i}"), *w)).collect();
            let scores: Vec<_> = values.iter().enumerate().map(|(i, v)| score(&format!("c{i}"), *v)).collect();
            if let Some(value) = weighted_score(&scores, &criteria).value {
                prop_assert!((0.0..=100.0).contains(&value));
            }
        }

        #[test]
        fn scaling_all_weights_never_changes_the_score(
            weights in proptest::collection::vec(0.1f64..10.0, 1..8),
            values in proptest::collection::vec(1u8..=5, 1..8),
            factor in 0.1f64..100.0,
        ) {
            let make = |f: f64| -> Vec<Criterion> { weights.iter().enumerate().map(|(i, w)| criterion(&format!("c{i}"), w * f)).collect() };
            let scores: Vec<_> = values.iter().enumerate().map(|(i, v)| score(&format!("c{i}"), *v)).collect();
            let a = weighted_score(&scores, &make(1.0)).value.unwrap();
            let b = weighted_score(&scores, &make(factor)).value.unwrap();
            prop_assert!((a - b).abs() < 1e-9);
        }

        #[test]
        fn raising_one_score_never_lowers_the_total(
            values in proptest::collection::vec(1u8..5, 2..8),
            which in 0usize..8,
        ) {
            let criteria: Vec<_> = (0..values.len()).map(|i| criterion(&format!("c{i}"), 1.0 + i as f64)).collect();
            let scores: Vec<_> = values.iter().enumerate().map(|(i, v)| score(&format!("c{i}"), *v)).collect();
            let mut raised = scores.clone();
            let index = which % raised.len();
            raised[index].score += 1;
            let before = weighted_score(&scores, &criteria).value.unwrap();
            let after = weighted_score(&raised, &criteria).value.unwrap();
            prop_assert!(after >= before);
        }
    }
}
