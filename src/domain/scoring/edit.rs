//! Editing scores and criteria: `+`/`-` on a score, a score set with its evidence,
//! the scores of a criterion dropped, a criterion retired, restored or moved. Plain
//! functions on the lists, so the dashboard's changes and their tests share them.

use chrono::NaiveDate;

use super::{MAX_SCORE, MIN_SCORE, Score};
use crate::domain::workspace::Criterion;

/// What `+`/`-` did to a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjusted {
    /// There was none: it starts in the middle.
    Started(u8),
    Changed {
        from: u8,
        to: u8,
    },
    /// Already at the end of the scale; nothing changed.
    AtLimit(u8),
}

/// The score in the middle of the scale, where `+` and `-` start an empty cell.
pub const START_SCORE: u8 = 3;

/// Raises (`delta` > 0) or lowers the score for `criterion` one step, recording who
/// and when; an empty cell starts at 3 either way. Evidence stays.
pub fn adjust_score(
    scores: &mut Vec<Score>,
    criterion: &str,
    delta: i8,
    by: &str,
    on: NaiveDate,
) -> Adjusted {
    let Some(score) = scores.iter_mut().find(|s| s.criterion == criterion) else {
        scores.push(Score {
            by: by.to_string(),
            on: Some(on),
            ..Score::new(criterion, START_SCORE, "")
        });
        return Adjusted::Started(START_SCORE);
    };
    let from = score.score;
    let to = (i16::from(from.clamp(MIN_SCORE, MAX_SCORE)) + i16::from(delta.signum()))
        .clamp(i16::from(MIN_SCORE), i16::from(MAX_SCORE)) as u8;
    if to == from {
        return Adjusted::AtLimit(from);
    }
    score.score = to;
    score.by = by.to_string();
    score.on = Some(on);
    Adjusted::Changed { from, to }
}

/// Sets the score and evidence for `criterion`. Who and when are recorded only when
/// the score or the evidence changed, so confirming an unchanged form changes
/// nothing. Says whether anything changed.
pub fn set_score(
    scores: &mut Vec<Score>,
    criterion: &str,
    value: u8,
    evidence: &str,
    by: &str,
    on: NaiveDate,
) -> bool {
    match scores.iter_mut().find(|s| s.criterion == criterion) {
        Some(score) if score.score == value && score.evidence == evidence => false,
        Some(score) => {
            score.score = value;
            score.evidence = evidence.to_string();
            score.by = by.to_string();
            score.on = Some(on);
            true
        }
        None => {
            scores.push(Score {
                by: by.to_string(),
                on: Some(on),
                ..Score::new(criterion, value, evidence)
            });
            true
        }
    }
}

/// Removes every score for `criterion`; how many there were.
pub fn drop_scores(scores: &mut Vec<Score>, criterion: &str) -> usize {
    let before = scores.len();
    scores.retain(|score| score.criterion != criterion);
    before - scores.len()
}

/// Retires the criterion `id` (`retired`) or restores it. Its scores stay wherever
/// they are; retiring only takes it out of the weighted score and the matrix, so a
/// restored criterion comes back with every score it had. Says whether it changed.
pub fn set_retired(criteria: &mut [Criterion], id: &str, retired: bool) -> bool {
    match criteria.iter_mut().find(|criterion| criterion.id == id) {
        Some(criterion) if criterion.retired != retired => {
            criterion.retired = retired;
            true
        }
        _ => false,
    }
}

/// Moves the active criterion `id` past its neighbour among the active criteria
/// (`delta` < 0: to the left), retired ones keeping their places in between. Says
/// whether it moved.
pub fn move_criterion(criteria: &mut Vec<Criterion>, id: &str, delta: i64) -> bool {
    let active: Vec<usize> = (0..criteria.len())
        .filter(|&index| !criteria[index].retired)
        .collect();
    let Some(place) = active.iter().position(|&index| criteria[index].id == id) else {
        return false;
    };
    let target = place as i64 + delta.signum();
    let Some(&neighbour) = usize::try_from(target).ok().and_then(|t| active.get(t)) else {
        return false;
    };
    let from = active[place];
    let moving = criteria.remove(from);
    criteria.insert(neighbour, moving);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::weighted_score;

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
    fn raising_and_lowering_a_score() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut scores = vec![Score::new("fit", 5, "strong references")];
        assert_eq!(
            adjust_score(&mut scores, "fit", 1, "maya", day),
            Adjusted::AtLimit(5)
        );
        assert_eq!(scores[0].by, "", "nothing changed, nobody recorded");
        assert_eq!(
            adjust_score(&mut scores, "fit", -1, "maya", day),
            Adjusted::Changed { from: 5, to: 4 }
        );
        assert_eq!((scores[0].by.as_str(), scores[0].on), ("maya", Some(day)));
        assert_eq!(scores[0].evidence, "strong references");
        assert_eq!(
            adjust_score(&mut scores, "cost", -1, "tomas", day),
            Adjusted::Started(3)
        );
        assert_eq!(scores[1].score, 3);
        assert_eq!(scores[1].by, "tomas");
    }

    #[test]
    fn setting_a_score_records_who_only_on_a_change() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut scores = vec![Score::new("fit", 4, "why")];
        assert!(!set_score(&mut scores, "fit", 4, "why", "maya", day));
        assert_eq!(scores[0].by, "");
        assert!(set_score(
            &mut scores,
            "fit",
            4,
            "why, with a source",
            "maya",
            day
        ));
        assert_eq!((scores[0].by.as_str(), scores[0].on), ("maya", Some(day)));
        assert!(set_score(&mut scores, "cost", 2, "", "maya", day));
        assert_eq!(scores.len(), 2);
    }

    #[test]
    fn retiring_and_restoring_a_criterion_keeps_its_scores() {
        let mut criteria = vec![criterion("fit", 3.0), criterion("cost", 1.0)];
        let scores = vec![score("fit", 5), score("cost", 1)];
        assert_eq!(weighted_score(&scores, &criteria).value, Some(75.0));
        assert!(set_retired(&mut criteria, "cost", true));
        assert!(!set_retired(&mut criteria, "cost", true), "already retired");
        let retired = weighted_score(&scores, &criteria);
        assert_eq!(
            (retired.value, retired.scored, retired.criteria),
            (Some(100.0), 1, 1)
        );
        assert_eq!(scores.len(), 2, "the score stays where it was");
        assert!(set_retired(&mut criteria, "cost", false));
        assert_eq!(weighted_score(&scores, &criteria).value, Some(75.0));
        assert!(
            !set_retired(&mut criteria, "vibes", true),
            "no such criterion"
        );
    }

    #[test]
    fn dropping_scores_removes_only_that_criterion() {
        let mut scores = vec![score("fit", 5), score("cost", 1), score("team", 2)];
        assert_eq!(drop_scores(&mut scores, "cost"), 1);
        assert_eq!(drop_scores(&mut scores, "cost"), 0);
        let left: Vec<_> = scores.iter().map(|s| s.criterion.as_str()).collect();
        assert_eq!(left, ["fit", "team"]);
    }

    #[test]
    fn criteria_move_among_the_active_ones() {
        let mut criteria = vec![
            criterion("a", 1.0),
            criterion("b", 1.0),
            criterion("r", 1.0),
            criterion("c", 1.0),
        ];
        criteria[2].retired = true;
        let ids = |criteria: &[Criterion]| -> Vec<String> {
            criteria.iter().map(|c| c.id.clone()).collect()
        };
        assert!(move_criterion(&mut criteria, "c", -1));
        assert_eq!(ids(&criteria), ["a", "c", "b", "r"]);
        assert!(move_criterion(&mut criteria, "a", 1));
        assert_eq!(ids(&criteria), ["c", "a", "b", "r"]);
        assert!(move_criterion(&mut criteria, "a", 1));
        assert_eq!(ids(&criteria), ["c", "b", "a", "r"]);
        assert!(!move_criterion(&mut criteria, "a", 1), "already last");
        assert!(!move_criterion(&mut criteria, "c", -1), "already first");
        assert!(
            !move_criterion(&mut criteria, "r", -1),
            "retired ones stay put"
        );
    }
}
