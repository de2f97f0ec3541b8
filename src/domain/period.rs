//! The periods the reports cover — a span of days, a calendar quarter — and what of
//! a partner's record falls within one: milestones finished and re-planned,
//! check-ins, feedback, readings; and the first day anything was recorded at all.

use chrono::{Datelike, NaiveDate};

use super::activity::{CheckIn, Feedback, Review};
use super::dates::{FIRST_YEAR, LAST_YEAR, add_days, in_range};
use super::kpi::{Kpi, Reading};
use super::partner::Partner;
use super::timeline::{Milestone, MilestoneStatus, Replan};

/// The days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Span {
        Span { from, to }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The same span, ending no later than `today`: what of it has happened.
    pub fn until(self, today: NaiveDate) -> Span {
        Span {
            from: self.from,
            to: self.to.min(today),
        }
    }
}

/// A calendar quarter: Q1 is January to March.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    /// The quarter `date` falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: u8::try_from(date.month0() / 3 + 1).unwrap_or(1),
        }
    }

    /// The last quarter that has ended by `today`: the one before today's.
    pub fn last_full(today: NaiveDate) -> Quarter {
        Quarter::of(today).previous()
    }

    pub fn previous(self) -> Quarter {
        match self.number {
            1 => Quarter {
                year: self.year - 1,
                number: 4,
            },
            n => Quarter {
                year: self.year,
                number: n - 1,
            },
        }
    }

    pub fn first_day(self) -> NaiveDate {
        let month = u32::from(self.number.clamp(1, 4)) * 3 - 2;
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        let next = Quarter {
            year: if self.number >= 4 {
                self.year + 1
            } else {
                self.year
            },
            number: if self.number >= 4 { 1 } else { self.number + 1 },
        };
        add_days(next.first_day(), -1)
    }

    pub fn span(self) -> Span {
        Span::new(self.first_day(), self.last_day())
    }

    /// "2026 Q3", as reviews name their period.
    pub fn label(self) -> String {
        format!("{} Q{}", self.year, self.number)
    }

    /// Reads `2026Q3`, `2026-Q3` or `2026 Q3` (any case).
    pub fn parse(text: &str) -> Result<Quarter, String> {
        let expected = || {
            format!(
                "{:?} is not a quarter: expected a year and a quarter, like 2026Q3",
                text.trim()
            )
        };
        let upper = text.trim().to_ascii_uppercase();
        let (year, number) = upper.split_once('Q').ok_or_else(expected)?;
        let year = year.trim_end_matches([' ', '-']);
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            return Err(expected());
        }
        let year: i32 = year.parse().map_err(|_| expected())?;
        let number = match number {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => return Err(expected()),
        };
        let quarter = Quarter { year, number };
        if !in_range(quarter.first_day()) {
            return Err(format!(
                "{quarter}: the year {year} is outside {FIRST_YEAR}–{LAST_YEAR}"
            ));
        }
        Ok(quarter)
    }
}

/// `2026Q3`: how the command line and file names write a quarter.
impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year, self.number)
    }
}

/// What happened in a partnership within a span of days, each list oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity<'a> {
    /// Milestones finished (done) within the span.
    pub finished: Vec<&'a Milestone>,
    /// Every move of a due date made within the span, with its milestone.
    pub replans: Vec<(&'a Milestone, &'a Replan)>,
    pub checkins: Vec<&'a CheckIn>,
    pub feedback: Vec<&'a Feedback>,
    pub reviews: Vec<&'a Review>,
}

impl Activity<'_> {
    pub fn is_empty(&self) -> bool {
        self.finished.is_empty()
            && self.replans.is_empty()
            && self.checkins.is_empty()
            && self.feedback.is_empty()
            && self.reviews.is_empty()
    }
}

/// What of `partner`'s record falls within `span`.
pub fn activity(partner: &Partner, span: Span) -> Activity<'_> {
    let mut finished: Vec<&Milestone> = partner
        .milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Done && m.done.is_some_and(|d| span.contains(d)))
        .collect();
    finished.sort_by_key(|m| m.done);
    let mut replans: Vec<(&Milestone, &Replan)> = partner
        .milestones
        .iter()
        .flat_map(|m| m.replans.iter().map(move |replan| (m, replan)))
        .filter(|(_, replan)| span.contains(replan.date))
        .collect();
    replans.sort_by_key(|(_, replan)| replan.date);
    let mut checkins: Vec<&CheckIn> = partner
        .checkins
        .iter()
        .filter(|c| span.contains(c.date))
        .collect();
    checkins.sort_by_key(|c| c.date);
    let mut feedback: Vec<&Feedback> = partner
        .feedback
        .iter()
        .filter(|f| span.contains(f.date))
        .collect();
    feedback.sort_by_key(|f| f.date);
    let mut reviews: Vec<&Review> = partner
        .reviews
        .iter()
        .filter(|r| span.contains(r.date))
        .collect();
    reviews.sort_by_key(|r| r.date);
    Activity {
        finished,
        replans,
        checkins,
        feedback,
        reviews,
    }
}

/// The readings of `kpi` taken within `span`, oldest first.
pub fn readings_in(kpi: &Kpi, span: Span) -> Vec<&Reading> {
    let mut readings: Vec<&Reading> = kpi
        .readings
        .iter()
        .filter(|r| span.contains(r.date) && r.value.is_finite())
        .collect();
    readings.sort_by_key(|r| r.date);
    readings
}

/// Open milestones due by `date` (overdue ones included), soonest first.
pub fn open_due_by(partner: &Partner, date: NaiveDate) -> Vec<&Milestone> {
    let mut due: Vec<&Milestone> = partner
        .milestones
        .iter()
        .filter(|m| m.is_open() && m.due <= date)
        .collect();
    due.sort_by_key(|m| m.due);
    due
}

/// The earliest day something is recorded as having happened with `partner`: a
/// stage move, a check-in, feedback, a reading, a review, a signature, a score, a
/// milestone finished or re-planned. Plans (due dates, target dates) do not count:
/// they may lie anywhere.
pub fn first_recorded(partner: &Partner) -> NaiveDate {
    let agreement = &partner.agreement;
    std::iter::once(partner.stage_since)
        .chain(partner.history.iter().map(|h| h.date))
        .chain(partner.checkins.iter().map(|c| c.date))
        .chain(partner.feedback.iter().map(|f| f.date))
        .chain(partner.reviews.iter().map(|r| r.date))
        .chain(
            partner
                .kpis
                .iter()
                .flat_map(|k| k.readings.iter().map(|r| r.date)),
        )
        .chain(agreement.signed)
        .chain(agreement.amendments.iter().map(|a| a.date))
        .chain(partner.scores.iter().filter_map(|s| s.on))
        .chain(partner.milestones.iter().filter_map(|m| m.done))
        .chain(
            partner
                .milestones
                .iter()
                .flat_map(|m| m.replans.iter().map(|r| r.date)),
        )
        .min()
        .unwrap_or(partner.stage_since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::partner::{ActionItem, CheckIn, StageChange};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn quarters_run_three_months_and_the_last_full_one_has_ended() {
        let q3 = Quarter::of(day("2026-08-15"));
        assert_eq!(
            q3,
            Quarter {
                year: 2026,
                number: 3
            }
        );
        assert_eq!(
            (q3.first_day(), q3.last_day()),
            (day("2026-07-01"), day("2026-09-30"))
        );
        let q4 = Quarter::of(day("2026-12-31"));
        assert_eq!(q4.last_day(), day("2026-12-31"));
        assert_eq!(Quarter::last_full(day("2026-11-28")), q3);
        assert_eq!(Quarter::last_full(day("2027-01-01")), q4);
        assert_eq!(Quarter::last_full(day("2026-02-10")).to_string(), "2025Q4");
        assert_eq!(Quarter::of(day("2024-02-29")).span().to, day("2024-03-31"));
        assert_eq!(q3.label(), "2026 Q3");
    }

    #[test]
    fn quarters_are_read_in_the_ways_people_write_them() {
        for text in ["2026Q3", "2026q3", "2026-Q3", " 2026 Q3 "] {
            assert_eq!(
                Quarter::parse(text).unwrap().to_string(),
                "2026Q3",
                "{text}"
            );
        }
        for text in ["2026Q5", "Q3", "26Q3", "2026", "2026Q", "2026Q3x", ""] {
            let error = Quarter::parse(text).unwrap_err();
            assert!(error.contains("like 2026Q3"), "{text}: {error}");
        }
        assert!(Quarter::parse("1800Q1").unwrap_err().contains("outside"));
    }

    fn partner() -> Partner {
        let mut p = Partner::new("Acme", "", "maya", "active", day("2026-03-01"));
        p.history.push(StageChange {
            date: day("2026-01-15"),
            author: "maya".into(),
            from: "prospect".into(),
            to: "active".into(),
            reason: String::new(),
        });
        for (title, due, done) in [
            ("Early", "2026-02-01", Some("2026-02-03")),
            ("In span", "2026-03-10", Some("2026-03-12")),
            ("Open", "2026-03-20", None),
        ] {
            let mut m = Milestone::new(title, "launch", day(due));
            if let Some(done) = done {
                m.status = MilestoneStatus::Done;
                m.done = Some(day(done));
            }
            p.milestones.push(m);
        }
        p.milestones[2].replans.push(Replan {
            date: day("2026-03-05"),
            by: "maya".into(),
            from: day("2026-03-15"),
            to: day("2026-03-20"),
            reason: "late parts".into(),
        });
        for date in ["2026-02-20", "2026-03-11"] {
            p.checkins.push(CheckIn::new(day(date), "maya"));
        }
        p.actions.push(ActionItem::default());
        p
    }

    #[test]
    fn activity_is_what_falls_within_the_span_both_ends_included() {
        let p = partner();
        let span = Span::new(day("2026-03-05"), day("2026-03-12"));
        let happened = activity(&p, span);
        let titles: Vec<&str> = happened.finished.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["In span"]);
        assert_eq!(
            happened.replans.len(),
            1,
            "a re-plan on the first day counts"
        );
        assert_eq!(happened.checkins.len(), 1);
        assert!(!happened.is_empty());
        let quiet = activity(&p, Span::new(day("2026-04-01"), day("2026-04-07")));
        assert!(quiet.is_empty());
        let due: Vec<&str> = open_due_by(&p, day("2026-03-31"))
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(due, ["Open"]);
        assert!(open_due_by(&p, day("2026-03-19")).is_empty());
    }

    #[test]
    fn the_first_record_is_the_earliest_thing_that_happened() {
        let mut p = partner();
        assert_eq!(first_recorded(&p), day("2026-01-15"), "the stage move");
        p.history.clear();
        assert_eq!(
            first_recorded(&p),
            day("2026-02-03"),
            "the first milestone done"
        );
        p.milestones.clear();
        p.checkins.clear();
        assert_eq!(first_recorded(&p), day("2026-03-01"), "the stage's date");
    }

    #[test]
    fn a_span_until_today_stops_there() {
        let span = Quarter::of(day("2026-11-28"))
            .span()
            .until(day("2026-11-28"));
        assert_eq!(span, Span::new(day("2026-10-01"), day("2026-11-28")));
    }
}
