//! Stakeholder feedback read by side: each side's recent sentiment, recent notes
//! weighing more, and a drop in the partner side's average.

use chrono::NaiveDate;

use super::activity::Feedback;
use super::dates::{add_days, days_between};
use super::partner::{Partner, Side};

/// Feedback older than this many days no longer counts.
pub const RECENT_DAYS: i64 = 90;
/// A note's weight halves every this many days: a month-old note counts half as
/// much as one from today, a two-month-old one a quarter.
pub const HALF_LIFE_DAYS: f64 = 30.0;
/// A fall in the partner side's average of at least this many points (on 1–5) with
/// its latest note is a sentiment drop.
pub const DROP_POINTS: f64 = 1.0;

/// One side's recent sentiment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SideSentiment {
    pub side: Side,
    /// The recency-weighted mean, 1–5.
    pub mean: f64,
    /// Notes within `RECENT_DAYS`.
    pub notes: usize,
    /// The side's mean the day before its latest note, over the notes before it:
    /// where the latest note took it from. `None` with no earlier recent note.
    pub before: Option<f64>,
}

impl SideSentiment {
    /// Which way the latest note moved the side's mean: `↑`, `→` or `↓` (a move
    /// under a tenth of a point is none); empty with nothing to compare.
    pub fn arrow(&self) -> &'static str {
        match self.before {
            Some(before) if self.mean > before + 0.05 => "↑",
            Some(before) if self.mean < before - 0.05 => "↓",
            Some(_) => "→",
            None => "",
        }
    }
}

/// How much a note of `date` counts on `today`: 1 today, halving every
/// `HALF_LIFE_DAYS`; `None` when it is in the future or older than `RECENT_DAYS`.
pub fn weight(date: NaiveDate, today: NaiveDate) -> Option<f64> {
    let age = days_between(date, today);
    (0..=RECENT_DAYS)
        .contains(&age)
        .then(|| 0.5f64.powf(age as f64 / HALF_LIFE_DAYS))
}

/// The recency-weighted mean sentiment of `notes` on `today`, with how many counted.
fn weighted_mean<'a>(
    notes: impl Iterator<Item = &'a Feedback>,
    today: NaiveDate,
) -> Option<(f64, usize)> {
    let (mut sum, mut weights, mut count) = (0.0, 0.0, 0);
    for note in notes {
        if let Some(weight) = weight(note.date, today) {
            sum += weight * f64::from(note.sentiment.clamp(1, 5));
            weights += weight;
            count += 1;
        }
    }
    (count > 0 && weights > 0.0).then(|| (sum / weights, count))
}

/// Each side's recent sentiment, ours then theirs then joint; sides with no recent
/// note are left out.
pub fn by_side(partner: &Partner, today: NaiveDate) -> Vec<SideSentiment> {
    Side::ALL
        .into_iter()
        .filter_map(|side| {
            let notes: Vec<&Feedback> = partner
                .feedback
                .iter()
                .filter(|note| note.side == side && note.date <= today)
                .collect();
            let (mean, count) = weighted_mean(notes.iter().copied(), today)?;
            Some(SideSentiment {
                side,
                mean,
                notes: count,
                before: before_latest(&notes, today).map(|(before, _)| before),
            })
        })
        .collect()
}

/// Of one side's `notes` up to today: the weighted mean the day before the latest
/// note, over the notes before it, and that latest note. `None` when the latest
/// note is no longer recent or nothing came before it.
fn before_latest<'a>(notes: &[&'a Feedback], today: NaiveDate) -> Option<(f64, &'a Feedback)> {
    // The latest by date; of two on one day, the one written last.
    let latest = notes.iter().copied().rev().max_by_key(|note| note.date)?;
    weight(latest.date, today)?;
    let eve = add_days(latest.date, -1);
    let (before, _) = weighted_mean(
        notes.iter().copied().filter(|note| note.date < latest.date),
        eve,
    )?;
    Some((before, latest))
}

/// The partner side's average fell by at least `DROP_POINTS` with its latest note.
#[derive(Debug, Clone, PartialEq)]
pub struct SentimentDrop {
    /// The average on the day before the latest note, over the notes before it.
    pub before: f64,
    /// The average today.
    pub now: f64,
    /// The latest note of the partner side.
    pub latest: Feedback,
}

/// A drop in the partner side's (`Theirs`) recent sentiment: its average today
/// against its average the day before its latest note. Nothing when that note is
/// no longer recent or there was no earlier recent note to compare with.
pub fn partner_side_drop(partner: &Partner, today: NaiveDate) -> Option<SentimentDrop> {
    let theirs: Vec<&Feedback> = partner
        .feedback
        .iter()
        .filter(|note| note.side == Side::Theirs && note.date <= today)
        .collect();
    let (before, latest) = before_latest(&theirs, today)?;
    let (now, _) = weighted_mean(theirs.iter().copied(), today)?;
    (before - now >= DROP_POINTS - 1e-9).then(|| SentimentDrop {
        before,
        now,
        latest: latest.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn note(days_ago: i64, side: Side, sentiment: u8) -> Feedback {
        Feedback {
            id: String::new(),
            date: add_days(today(), -days_ago),
            who: "Sam".into(),
            side,
            sentiment,
            text: String::new(),
        }
    }

    fn partner(notes: Vec<Feedback>) -> Partner {
        let mut partner = Partner::new("Acme", "startup", "maya", "active", day("2026-01-01"));
        partner.feedback = notes;
        partner
    }

    #[test]
    fn weights_halve_every_thirty_days_and_stop_at_ninety() {
        assert_eq!(weight(today(), today()), Some(1.0));
        assert_eq!(weight(add_days(today(), -30), today()), Some(0.5));
        assert_eq!(weight(add_days(today(), -90), today()), Some(0.125));
        assert_eq!(weight(add_days(today(), -91), today()), None);
        assert_eq!(weight(add_days(today(), 1), today()), None);
    }

    #[test]
    fn each_side_is_averaged_on_its_own_recent_notes_weighing_more() {
        // Theirs: 5 thirty days ago (weight ½) and 2 today (weight 1):
        // (2.5 + 2) / 1.5 = 3. Ours: a single 4. A 1 from a year ago is left out.
        let p = partner(vec![
            note(30, Side::Theirs, 5),
            note(0, Side::Theirs, 2),
            note(10, Side::Ours, 4),
            note(365, Side::Ours, 1),
        ]);
        let sides = by_side(&p, today());
        assert_eq!(
            sides,
            [
                SideSentiment {
                    side: Side::Ours,
                    mean: 4.0,
                    notes: 1,
                    // The year-old 1 before it no longer counts.
                    before: None,
                },
                SideSentiment {
                    side: Side::Theirs,
                    mean: 3.0,
                    notes: 2,
                    // The day before today's 2, theirs stood at the 5.
                    before: Some(5.0),
                },
            ]
        );
        assert_eq!((sides[0].arrow(), sides[1].arrow()), ("", "↓"));
    }

    #[test]
    fn a_drop_is_the_partner_side_falling_a_point_with_its_latest_note() {
        // Before the latest: 4 and 4 → 4. Today: 4 (60 days, ¼), 4 (30 days, ½) and
        // 2 (today, 1): (1 + 2 + 2) / 1.75 = 2.857… → a drop of 1.14.
        let p = partner(vec![
            note(60, Side::Theirs, 4),
            note(30, Side::Theirs, 4),
            note(0, Side::Theirs, 2),
        ]);
        let drop = partner_side_drop(&p, today()).unwrap();
        assert!((drop.before - 4.0).abs() < 1e-9);
        assert!((drop.now - 5.0 / 1.75).abs() < 1e-9);
        // A 3 instead: (1 + 2 + 3) / 1.75 = 3.43, a fall of 0.57 — no drop.
        let mild = partner(vec![
            note(60, Side::Theirs, 4),
            note(30, Side::Theirs, 4),
            note(0, Side::Theirs, 3),
        ]);
        assert_eq!(partner_side_drop(&mild, today()), None);
    }

    #[test]
    fn our_side_never_makes_a_drop_and_a_lone_note_has_nothing_to_drop_from() {
        let ours = partner(vec![note(30, Side::Ours, 5), note(0, Side::Ours, 1)]);
        assert_eq!(partner_side_drop(&ours, today()), None);
        let lone = partner(vec![note(0, Side::Theirs, 1)]);
        assert_eq!(partner_side_drop(&lone, today()), None);
        // A drop whose latest note is no longer recent is over.
        let old = partner(vec![note(150, Side::Theirs, 5), note(91, Side::Theirs, 1)]);
        assert_eq!(partner_side_drop(&old, today()), None);
    }
}
