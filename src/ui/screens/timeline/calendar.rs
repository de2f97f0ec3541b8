//! The calendar's arithmetic: which days a chart of so many columns shows at a zoom,
//! which columns a date covers, how a bar from one date to another is cut at the
//! edges, and where the labels of the date header go. Pure functions of dates and
//! widths; drawing is `chart`.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::app::screens::timeline::Zoom;
use crate::domain::dates::{add_days, days_between};

/// How many columns a day takes, or how many days a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scale {
    ColumnsPerDay(i64),
    DaysPerColumn(i64),
}

fn scale(zoom: Zoom) -> Scale {
    match zoom {
        // Room for the day of the month over each day.
        Zoom::Week => Scale::ColumnsPerDay(3),
        Zoom::Month => Scale::ColumnsPerDay(1),
        Zoom::Quarter => Scale::DaysPerColumn(3),
    }
}

/// The days shown by a chart `columns` wide.
pub fn days_shown(zoom: Zoom, columns: u16) -> i64 {
    let columns = i64::from(columns);
    match scale(zoom) {
        Scale::ColumnsPerDay(n) => (columns + n - 1) / n,
        Scale::DaysPerColumn(n) => columns * n,
    }
}

/// Where a date is relative to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Before,
    /// The columns it covers (one, or three a day in weeks), cut to the window.
    At {
        first: u16,
        last: u16,
    },
    After,
}

/// How a bar from one day to another shows in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Entirely before the window.
    Before,
    /// Entirely after it.
    After,
    Shown {
        first: u16,
        last: u16,
        /// It began before the first column.
        cut_before: bool,
        /// It goes on after the last column.
        cut_after: bool,
    },
}

/// A header label and the column it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub column: u16,
    pub text: String,
    /// A weekend day (drawn dim).
    pub quiet: bool,
}

/// The days a chart shows: from `first`, `columns` wide, at `zoom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: NaiveDate,
    pub columns: u16,
    pub zoom: Zoom,
}

impl Window {
    /// The window at `zoom` for `columns` columns with time scrolled `shift_days`
    /// from today: unscrolled, today sits a fifth of the way in — some of the past
    /// (what is late) and more of what is coming — and always at the start of a
    /// column.
    pub fn new(zoom: Zoom, columns: u16, today: NaiveDate, shift_days: i64) -> Window {
        let lead = days_shown(zoom, columns) / 5;
        let lead = match scale(zoom) {
            Scale::DaysPerColumn(n) => lead - lead % n,
            Scale::ColumnsPerDay(_) => lead,
        };
        Window {
            first: add_days(today, shift_days.saturating_sub(lead)),
            columns,
            zoom,
        }
    }

    /// The last day with a column (partly, in weeks, when the width is not a
    /// multiple of three).
    pub fn last(&self) -> NaiveDate {
        add_days(self.first, days_shown(self.zoom, self.columns) - 1)
    }

    /// The columns `date` covers, or which side of the window it is on.
    pub fn place(&self, date: NaiveDate) -> Place {
        if self.columns == 0 || date < self.first {
            return Place::Before;
        }
        if date > self.last() {
            return Place::After;
        }
        let offset = days_between(self.first, date);
        let (first, last) = match scale(self.zoom) {
            Scale::ColumnsPerDay(n) => (offset * n, offset * n + n - 1),
            Scale::DaysPerColumn(n) => (offset / n, offset / n),
        };
        let edge = i64::from(self.columns) - 1;
        Place::At {
            first: first.min(edge) as u16,
            last: last.min(edge) as u16,
        }
    }

    /// The one column that marks `date`: the middle of its three in weeks.
    pub fn column(&self, date: NaiveDate) -> Option<u16> {
        match self.place(date) {
            Place::At { first, last } => Some(first + (last - first) / 2),
            _ => None,
        }
    }

    /// The bar from `from` to `to` (both included; `to` before `from` is read as the
    /// one day `to`).
    pub fn span(&self, from: NaiveDate, to: NaiveDate) -> Span {
        let from = from.min(to);
        match (self.place(from), self.place(to)) {
            (_, Place::Before) => Span::Before,
            (Place::After, _) => Span::After,
            (start, end) => {
                let (first, cut_before) = match start {
                    Place::At { first, .. } => (first, false),
                    _ => (0, true),
                };
                let (last, cut_after) = match end {
                    Place::At { last, .. } => (last, false),
                    _ => (self.columns - 1, true),
                };
                Span::Shown {
                    first,
                    last,
                    cut_before,
                    cut_after,
                }
            }
        }
    }

    /// Every day shown, from the first.
    fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let first = self.first;
        (0..days_shown(self.zoom, self.columns)).map(move |offset| add_days(first, offset))
    }

    /// The header's upper row: the month (weeks, months) or the quarter (quarters)
    /// at the column it begins, and at the first column for the one already under
    /// way — unless the next label would crowd it out.
    pub fn periods(&self) -> Vec<Label> {
        if self.columns == 0 {
            return Vec::new();
        }
        let starts: Vec<NaiveDate> = self
            .days()
            .filter(|day| match self.zoom {
                Zoom::Week | Zoom::Month => day.day() == 1,
                Zoom::Quarter => day.day() == 1 && (day.month() - 1) % 3 == 0,
            })
            .collect();
        let text = |day: NaiveDate| match self.zoom {
            Zoom::Week | Zoom::Month => day.format("%b %Y").to_string(),
            Zoom::Quarter => format!("Q{} {}", (day.month() - 1) / 3 + 1, day.year()),
        };
        let mut labels: Vec<Label> = starts
            .into_iter()
            .filter_map(|day| {
                let column = self.place(day).first_column()?;
                Some(Label {
                    column,
                    text: text(day),
                    quiet: false,
                })
            })
            .filter(|label| self.fits(label))
            .collect();
        if labels.first().is_none_or(|label| label.column > 0) {
            let under_way = Label {
                column: 0,
                text: text(self.first),
                quiet: false,
            };
            let room = labels.first().map_or(self.columns, |next| next.column - 1);
            if under_way.text.chars().count() <= usize::from(room) {
                labels.insert(0, under_way);
            }
        }
        labels
    }

    /// The header's lower row: each day's date (weeks, weekends quiet), each
    /// Monday's (months), each month's name (quarters).
    pub fn ticks(&self) -> Vec<Label> {
        self.days()
            .filter_map(|day| {
                let text = match self.zoom {
                    Zoom::Week => format!("{:>2}", day.day()),
                    Zoom::Month if day.weekday() == Weekday::Mon => day.day().to_string(),
                    Zoom::Quarter if day.day() == 1 => day.format("%b").to_string(),
                    _ => return None,
                };
                Some(Label {
                    column: self.place(day).first_column()?,
                    text,
                    quiet: self.zoom == Zoom::Week
                        && matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                })
            })
            .filter(|label| self.fits(label))
            .collect()
    }

    /// Whether `label` shows whole: a label cut at the right edge reads as another
    /// word ("Ap" for April), so it is left out.
    fn fits(&self, label: &Label) -> bool {
        usize::from(label.column) + label.text.chars().count() <= usize::from(self.columns)
    }
}

impl Place {
    fn first_column(self) -> Option<u16> {
        match self {
            Place::At { first, .. } => Some(first),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// Today in the tests: a Saturday.
    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    #[test]
    fn each_zoom_has_its_scale_and_today_a_fifth_of_the_way_in() {
        let week = Window::new(Zoom::Week, 54, today(), 0);
        assert_eq!(days_shown(Zoom::Week, 54), 18);
        assert_eq!(week.first, day("2026-11-25"), "18 days, 3 before today");
        assert_eq!(week.last(), day("2026-12-12"));
        assert_eq!(week.place(today()), Place::At { first: 9, last: 11 });
        assert_eq!(week.column(today()), Some(10), "the middle of its three");

        let month = Window::new(Zoom::Month, 50, today(), 0);
        assert_eq!(month.first, day("2026-11-18"), "50 days, 10 before today");
        assert_eq!(month.column(today()), Some(10));
        assert_eq!(month.column(day("2026-12-01")), Some(13));

        let quarter = Window::new(Zoom::Quarter, 50, today(), 0);
        assert_eq!(days_shown(Zoom::Quarter, 50), 150);
        assert_eq!(quarter.first, day("2026-10-29"), "30 days before today");
        assert_eq!(quarter.column(today()), Some(10), "starts a column");
        assert_eq!(quarter.column(day("2026-11-29")), Some(10), "same column");
        assert_eq!(quarter.column(day("2026-11-30")), Some(10));
        assert_eq!(quarter.column(day("2026-12-01")), Some(11));
        assert_eq!(quarter.last(), day("2027-03-27"));
    }

    #[test]
    fn scrolling_moves_the_first_day_and_today_can_leave_the_view() {
        let later = Window::new(Zoom::Month, 50, today(), 14);
        assert_eq!(later.first, day("2026-12-02"));
        assert_eq!(later.place(today()), Place::Before);
        assert_eq!(later.column(today()), None);
        let earlier = Window::new(Zoom::Month, 50, today(), -60);
        assert_eq!(earlier.place(today()), Place::After);
    }

    #[test]
    fn a_partial_day_at_the_right_edge_in_weeks_is_cut_to_the_width() {
        let week = Window::new(Zoom::Week, 52, today(), 0);
        assert_eq!(
            days_shown(Zoom::Week, 52),
            18,
            "the last day shows one column"
        );
        assert_eq!(
            week.place(week.last()),
            Place::At {
                first: 51,
                last: 51
            }
        );
        assert_eq!(week.column(week.last()), Some(51));
    }

    #[test]
    fn bars_are_cut_at_either_edge_with_a_flag() {
        let month = Window::new(Zoom::Month, 50, today(), 0);
        let (first, last) = (month.first, month.last());
        assert_eq!(
            month.span(day("2026-11-20"), day("2026-11-30")),
            Span::Shown {
                first: 2,
                last: 12,
                cut_before: false,
                cut_after: false
            }
        );
        assert_eq!(
            month.span(day("2026-10-01"), day("2026-11-20")),
            Span::Shown {
                first: 0,
                last: 2,
                cut_before: true,
                cut_after: false
            }
        );
        assert_eq!(
            month.span(day("2026-12-20"), day("2027-03-01")),
            Span::Shown {
                first: 32,
                last: 49,
                cut_before: false,
                cut_after: true
            }
        );
        assert_eq!(
            month.span(day("2026-01-01"), day("2027-12-31")),
            Span::Shown {
                first: 0,
                last: 49,
                cut_before: true,
                cut_after: true
            },
            "longer than the window on both sides"
        );
        assert_eq!(
            month.span(first, last),
            Span::Shown {
                first: 0,
                last: 49,
                cut_before: false,
                cut_after: false
            },
            "exactly the window is not cut"
        );
    }

    #[test]
    fn bars_entirely_outside_are_before_or_after() {
        let month = Window::new(Zoom::Month, 50, today(), 0);
        assert_eq!(
            month.span(day("2026-10-01"), day("2026-11-17")),
            Span::Before
        );
        assert_eq!(
            month.span(day("2027-01-07"), day("2027-02-01")),
            Span::After
        );
        assert_eq!(month.place(day("2026-11-17")), Place::Before);
        assert_eq!(month.place(day("2027-01-07")), Place::After);
    }

    #[test]
    fn a_one_day_and_a_reversed_bar_are_the_one_day_due() {
        let week = Window::new(Zoom::Week, 54, today(), 0);
        let one_day = Span::Shown {
            first: 9,
            last: 11,
            cut_before: false,
            cut_after: false,
        };
        assert_eq!(week.span(today(), today()), one_day);
        assert_eq!(
            week.span(day("2026-12-05"), today()),
            one_day,
            "a start after the due date is read as the due date"
        );
    }

    #[test]
    fn many_milestones_on_one_day_share_its_column() {
        let quarter = Window::new(Zoom::Quarter, 50, today(), 0);
        let columns: Vec<_> = (0..100).map(|_| quarter.column(today())).collect();
        assert!(columns.iter().all(|column| *column == Some(10)));
    }

    #[test]
    fn a_window_without_columns_shows_nothing() {
        let none = Window::new(Zoom::Month, 0, today(), 0);
        assert_eq!(none.place(today()), Place::Before);
        assert_eq!(none.span(today(), today()), Span::Before);
        assert!(none.ticks().is_empty() && none.periods().is_empty());
    }

    #[test]
    fn the_header_fits_the_zoom() {
        let week = Window::new(Zoom::Week, 54, today(), 0);
        let ticks = week.ticks();
        assert_eq!(ticks.len(), 18, "every day");
        assert_eq!((ticks[0].column, ticks[0].text.as_str()), (0, "25"));
        assert_eq!((ticks[6].column, ticks[6].text.as_str()), (18, " 1"));
        assert!(
            ticks[3].quiet && ticks[4].quiet && !ticks[5].quiet,
            "Sat, Sun"
        );
        let periods = week.periods();
        assert_eq!(
            periods
                .iter()
                .map(|l| (l.column, l.text.as_str()))
                .collect::<Vec<_>>(),
            [(0, "Nov 2026"), (18, "Dec 2026")]
        );

        let month = Window::new(Zoom::Month, 50, today(), 0);
        let mondays: Vec<_> = month
            .ticks()
            .into_iter()
            .map(|l| (l.column, l.text))
            .collect();
        assert_eq!(
            mondays[..3],
            [
                (5, "23".to_string()),
                (12, "30".to_string()),
                (19, "7".to_string())
            ]
        );

        let months: Vec<_> = month.periods().into_iter().map(|l| l.text).collect();
        assert_eq!(
            months,
            ["Nov 2026", "Dec 2026"],
            "Jan 2027 would begin four columns from the edge: left out, not cut"
        );

        let quarter = Window::new(Zoom::Quarter, 50, today(), 0);
        let months: Vec<_> = quarter.ticks().into_iter().map(|l| l.text).collect();
        assert_eq!(months, ["Nov", "Dec", "Jan", "Feb", "Mar"]);
        let quarters: Vec<_> = quarter.periods().into_iter().map(|l| l.text).collect();
        assert_eq!(quarters, ["Q4 2026", "Q1 2027"]);
    }

    #[test]
    fn a_month_label_that_would_be_crowded_out_is_left_out() {
        // The window starts on Nov 28; "Dec 2026" begins 3 columns in, leaving no
        // room to say "Nov 2026" first.
        let month = Window::new(Zoom::Month, 50, day("2026-12-08"), 0);
        assert_eq!(month.first, day("2026-11-28"));
        let periods: Vec<_> = month
            .periods()
            .into_iter()
            .map(|l| (l.column, l.text))
            .collect();
        assert_eq!(
            periods,
            [(3, "Dec 2026".to_string()), (34, "Jan 2027".to_string())]
        );
    }
}
