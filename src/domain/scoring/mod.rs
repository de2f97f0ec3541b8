//! Partner selection scores: one 1–5 score per criterion with its evidence, the
//! weighted score normalised to 0–100 with its coverage, each criterion's part in
//! it, the ranking of candidates (partial scores after complete ones) and how ranks
//! moved since a baseline. Editing scores and criteria is in `edit`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::serde_opt_date;
use super::workspace::Criterion;

mod edit;

pub use edit::*;

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
    /// Fewer than half the criteria scored: the number rests on too little to stand
    /// beside complete ones, so such a candidate ranks after them.
    pub fn is_partial(&self) -> bool {
        self.scored * 2 < self.criteria
    }

    /// The value as shown: a whole number.
    pub fn rounded(&self) -> Option<i64> {
        self.value.map(|value| value.round() as i64)
    }

    /// "80 · 2/8": the score with its coverage, never one without the other; "–"
    /// for no score.
    pub fn label(&self) -> String {
        let value = self
            .rounded()
            .map_or("–".to_string(), |value| value.to_string());
        format!("{value} · {}/{}", self.scored, self.criteria)
    }

    pub fn explain(&self) -> String {
        let partial = if self.is_partial() && self.value.is_some() {
            "; fewer than half the criteria scored, so it ranks after the others"
        } else {
            ""
        };
        match self.value {
            Some(value) => format!(
                "weighted score {}/100 from {} of {} criteria{partial}",
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

/// A weight as it counts: below zero, or not a number, counts as zero.
pub fn effective_weight(criterion: &Criterion) -> f64 {
    if criterion.weight.is_finite() {
        criterion.weight.max(0.0)
    } else {
        0.0
    }
}

/// A score from 1–5 as a share of the way from worst to best, 0.0–1.0; scores
/// outside 1–5 (a hand-edited file) are clamped.
fn normalised(score: u8) -> f64 {
    let clamped = score.clamp(MIN_SCORE, MAX_SCORE);
    f64::from(clamped - MIN_SCORE) / f64::from(MAX_SCORE - MIN_SCORE)
}

/// Each score mapped from 1–5 onto 0–100 and averaged with the criterion weights.
///
/// Only scored criteria count towards the average, so a partially scored candidate is
/// comparable to a fully scored one; `scored` says how much evidence the number rests
/// on. Scores outside 1–5 (a hand-edited file) are clamped, weights below zero count
/// as zero. Scores for criteria the workspace no longer has, or has retired, are
/// ignored.
pub fn weighted_score(scores: &[Score], criteria: &[Criterion]) -> WeightedScore {
    let parts = contributions(scores, criteria);
    let scored = parts.iter().filter(|part| part.score.is_some()).count();
    let total: f64 = parts.iter().filter_map(|part| part.points).sum();
    let any_weight = parts.iter().any(|part| part.share > 0.0);
    WeightedScore {
        value: any_weight.then(|| total.clamp(0.0, 100.0)),
        scored,
        criteria: parts.len(),
    }
}

/// What one criterion adds to a candidate's weighted score.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution<'a> {
    pub criterion: &'a Criterion,
    pub score: Option<&'a Score>,
    /// The criterion's share of the weight of the scored criteria, 0.0–1.0 (0 when
    /// it is not scored).
    pub share: f64,
    /// Points of the 0–100 total it brings; the points of all criteria add up to the
    /// weighted score. `None` when it is not scored or nothing has weight.
    pub points: Option<f64>,
}

/// Each active (not retired) criterion's part in the weighted score, in the
/// workspace's order: what the comparison shows side by side.
pub fn contributions<'a>(scores: &'a [Score], criteria: &'a [Criterion]) -> Vec<Contribution<'a>> {
    let active: Vec<(&Criterion, Option<&Score>)> = criteria
        .iter()
        .filter(|criterion| !criterion.retired)
        .map(|criterion| (criterion, score_for(scores, &criterion.id)))
        .collect();
    let weight_total: f64 = active
        .iter()
        .filter(|(_, score)| score.is_some())
        .map(|(criterion, _)| effective_weight(criterion))
        .sum();
    active
        .into_iter()
        .map(|(criterion, score)| {
            let share = match score {
                Some(_) if weight_total > 0.0 => effective_weight(criterion) / weight_total,
                _ => 0.0,
            };
            let points = score
                .filter(|_| weight_total > 0.0)
                .map(|score| share * normalised(score.score) * 100.0);
            Contribution {
                criterion,
                score,
                share,
                points,
            }
        })
        .collect()
}

/// Where a weighted score puts a candidate: complete enough scores first, then
/// partial ones (fewer than half the criteria), then no score at all.
fn standing(score: &WeightedScore) -> u8 {
    match score.value {
        Some(_) if !score.is_partial() => 0,
        Some(_) => 1,
        None => 2,
    }
}

/// Indices of `candidates` from best to worst: candidates scored on at least half
/// the criteria by weighted score, then the partially scored by weighted score, then
/// the unscored; ties broken by name (ignoring case) so the order is stable.
pub fn rank(candidates: &[(&str, WeightedScore)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (name_a, score_a) = candidates[a];
        let (name_b, score_b) = candidates[b];
        standing(&score_a)
            .cmp(&standing(&score_b))
            .then_with(|| match (score_a.value, score_b.value) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                _ => std::cmp::Ordering::Equal,
            })
            .then_with(|| name_a.to_lowercase().cmp(&name_b.to_lowercase()))
            .then_with(|| name_a.cmp(name_b))
    });
    order
}

/// How many places each of `now` (ids, best first) moved since `before` (ids, best
/// first): positive is up. `None` for an id that was not ranked before. This is the
/// sensitivity the Scoring tab shows after a weight or a score changes.
pub fn rank_moves(before: &[&str], now: &[&str]) -> Vec<Option<i64>> {
    now.iter()
        .enumerate()
        .map(|(place, id)| {
            before
                .iter()
                .position(|old| old == id)
                .map(|old| old as i64 - place as i64)
        })
        .collect()
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

    fn scored(value: f64, scored: usize, criteria: usize) -> WeightedScore {
        WeightedScore {
            value: Some(value),
            scored,
            criteria,
        }
    }

    #[test]
    fn ranking_puts_unscored_last_and_breaks_ties_by_name() {
        let none = WeightedScore {
            value: None,
            scored: 0,
            criteria: 1,
        };
        let candidates = [
            ("Zeta", scored(50.0, 1, 1)),
            ("Alpha", none),
            ("beta", scored(80.0, 1, 1)),
            ("Acme", scored(50.0, 1, 1)),
        ];
        assert_eq!(rank(&candidates), vec![2, 3, 0, 1]);
    }

    #[test]
    fn ties_keep_a_stable_order_by_name_whatever_the_input_order() {
        let forwards = [
            ("Birch", scored(60.0, 2, 2)),
            ("acme", scored(60.0, 2, 2)),
            ("Cobalt", scored(60.0, 2, 2)),
        ];
        let names = |order: Vec<usize>, list: &[(&str, WeightedScore)]| -> Vec<String> {
            order.into_iter().map(|i| list[i].0.to_string()).collect()
        };
        let mut backwards = forwards;
        backwards.reverse();
        assert_eq!(
            names(rank(&forwards), &forwards),
            ["acme", "Birch", "Cobalt"]
        );
        assert_eq!(
            names(rank(&backwards), &backwards),
            ["acme", "Birch", "Cobalt"]
        );
    }

    #[test]
    fn a_partial_score_ranks_after_complete_ones_however_high() {
        // 80 from 2 of 8 criteria against 77 from 8 of 8 (the case issue 10 names):
        // the complete one leads. 4 of 8 is half, not fewer: it ranks on its number.
        let candidates = [
            ("Partial", scored(80.0, 2, 8)),
            ("Complete", scored(77.0, 8, 8)),
            ("Half", scored(78.0, 4, 8)),
            (
                "Nothing",
                WeightedScore {
                    value: None,
                    scored: 0,
                    criteria: 8,
                },
            ),
            ("Sliver", scored(95.0, 1, 8)),
        ];
        assert_eq!(rank(&candidates), vec![2, 1, 4, 0, 3]);
        assert!(candidates[0].1.is_partial());
        assert!(!candidates[2].1.is_partial(), "half is enough");
        assert!(candidates[0].1.explain().contains("ranks after the others"));
    }

    #[test]
    fn every_score_is_labelled_with_its_coverage() {
        assert_eq!(scored(79.6, 2, 8).label(), "80 · 2/8");
        let none = WeightedScore {
            value: None,
            scored: 0,
            criteria: 8,
        };
        assert_eq!(none.label(), "– · 0/8");
    }

    #[test]
    fn zero_weights_give_no_score_and_rank_by_name() {
        let criteria = [criterion("fit", 0.0), criterion("cost", 0.0)];
        let a = weighted_score(&[score("fit", 5), score("cost", 5)], &criteria);
        let b = weighted_score(&[score("fit", 1)], &criteria);
        assert_eq!((a.value, a.scored, a.criteria), (None, 2, 2));
        assert_eq!(b.value, None);
        assert!(a.explain().contains("all have weight 0"), "{}", a.explain());
        assert_eq!(rank(&[("Zed", a), ("Ann", b)]), vec![1, 0]);
        // One weight back, and the scores count again.
        let criteria = [criterion("fit", 0.0), criterion("cost", 2.0)];
        let a = weighted_score(&[score("fit", 5), score("cost", 4)], &criteria);
        assert_eq!(a.value, Some(75.0));
    }

    #[test]
    fn all_scores_missing() {
        let criteria = [criterion("fit", 3.0), criterion("cost", 1.0)];
        let result = weighted_score(&[], &criteria);
        assert_eq!((result.value, result.scored, result.criteria), (None, 0, 2));
        assert_eq!(result.explain(), "not scored (0 of 2 criteria)");
        assert!(result.is_partial());
        // Scores only for criteria the workspace lacks count as missing.
        let result = weighted_score(&[score("vibes", 5)], &criteria);
        assert_eq!((result.value, result.scored), (None, 0));
    }

    #[test]
    fn one_criterion() {
        let criteria = [criterion("fit", 2.0)];
        for (value, expected) in [(1, 0.0), (2, 25.0), (3, 50.0), (4, 75.0), (5, 100.0)] {
            let result = weighted_score(&[score("fit", value)], &criteria);
            assert_eq!(result.value, Some(expected), "score {value}");
            assert_eq!((result.scored, result.criteria), (1, 1));
        }
    }

    #[test]
    fn contributions_add_up_to_the_weighted_score() {
        // Weights 3, 1, 2; scores 5, 2, missing. Scored weight 4: fit 3/4 of the way
        // at 100% = 75 points, cost 1/4 at 25% = 6.25 points; total 81.25.
        let criteria = [
            criterion("fit", 3.0),
            criterion("cost", 1.0),
            criterion("team", 2.0),
        ];
        let scores = [score("fit", 5), score("cost", 2)];
        let parts = contributions(&scores, &criteria);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].points, Some(75.0));
        assert_eq!(parts[0].share, 0.75);
        assert_eq!(parts[1].points, Some(6.25));
        assert_eq!((parts[2].points, parts[2].share), (None, 0.0));
        assert_eq!(weighted_score(&scores, &criteria).value, Some(81.25));
    }

    #[test]
    fn rank_moves_count_places_up_and_down() {
        let before = ["a", "b", "c", "d"];
        let now = ["c", "a", "b", "e"];
        assert_eq!(
            rank_moves(&before, &now),
            vec![Some(2), Some(-1), Some(-1), None]
        );
        assert_eq!(rank_moves(&before, &before), vec![Some(0); 4]);
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
        fn any_number_of_criteria_stays_within_0_to_100_and_parts_add_up(
            criteria in proptest::collection::vec((0.0f64..10.0, any::<bool>(), proptest::option::of(1u8..=5)), 0..40),
        ) {
            let list: Vec<Criterion> = criteria.iter().enumerate().map(|(i, (w, retired, _))| Criterion { retired: *retired, ..criterion(&format!("c{i}"), *w) }).collect();
            let scores: Vec<Score> = criteria.iter().enumerate().filter_map(|(i, (_, _, v))| v.map(|v| score(&format!("c{i}"), v))).collect();
            let result = weighted_score(&scores, &list);
            prop_assert_eq!(result.criteria, list.iter().filter(|c| !c.retired).count());
            prop_assert!(result.scored <= result.criteria);
            if let Some(value) = result.value {
                prop_assert!((0.0..=100.0).contains(&value));
                let sum: f64 = contributions(&scores, &list).iter().filter_map(|p| p.points).sum();
                prop_assert!((sum - value).abs() < 1e-6);
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
