//! One lane of the chart — the calendar part of a row — cell by cell: the line for
//! today, a milestone's bar (its shape says its status, so it reads without
//! colour), how late it is, where it was first due, a note of what matters beside
//! it; on a partner's row its agreement review and expiry.

use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::Span;

use super::calendar::{Place, Span as Extent, Window};
use crate::domain::Partner;
use crate::domain::dates::{add_days, days_between};
use crate::domain::portfolio::UPCOMING_DAYS;
use crate::domain::timeline::{Milestone, MilestoneStatus};
use crate::ui::theme::Theme;

/// What a cell holds, to decide what may be drawn over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Today,
    /// How far a late milestone is behind.
    Tail,
    /// Inside a bar.
    Fill,
    /// A mark that must stay: a one-day milestone, an arrow at an edge, `!`.
    Mark,
    /// The words beside a bar.
    Note,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    symbol: char,
    style: Style,
    kind: Kind,
}

/// The cells of one lane, `window.columns` wide.
pub struct Lane {
    cells: Vec<Cell>,
}

impl Lane {
    /// An empty lane with the line for today, when today is in view.
    pub fn new(window: &Window, today: NaiveDate, theme: Theme) -> Lane {
        let empty = Cell {
            symbol: ' ',
            style: Style::new(),
            kind: Kind::Empty,
        };
        let mut lane = Lane {
            cells: vec![empty; usize::from(window.columns)],
        };
        if let Some(column) = window.column(today) {
            lane.put(column, '│', theme.today(), Kind::Today);
        }
        lane
    }

    fn put(&mut self, column: u16, symbol: char, style: Style, kind: Kind) {
        if let Some(cell) = self.cells.get_mut(usize::from(column)) {
            *cell = Cell {
                symbol,
                style,
                kind,
            };
        }
    }

    /// Puts the mark only on a cell that holds nothing that must stay.
    fn put_over(&mut self, column: u16, symbol: char, style: Style, kind: Kind) {
        let free = self.cells.get(usize::from(column)).is_some_and(|cell| {
            matches!(
                cell.kind,
                Kind::Empty | Kind::Today | Kind::Tail | Kind::Fill
            )
        });
        if free {
            self.put(column, symbol, style, kind);
        }
    }

    fn fill(&mut self, first: u16, last: u16, symbol: char, style: Style, kind: Kind) {
        for column in first..=last {
            self.put(column, symbol, style, kind);
        }
    }

    fn is_free(&self, column: usize) -> bool {
        self.cells
            .get(column)
            .is_some_and(|cell| matches!(cell.kind, Kind::Empty | Kind::Today))
    }

    /// Writes `text` after what the lane shows, or else before it, where it fits
    /// whole with a space between; nowhere when it fits neither side.
    fn note(&mut self, text: &str, style: Style) {
        let length = text.chars().count();
        if length == 0 {
            return;
        }
        let used: Vec<usize> = (0..self.cells.len())
            .filter(|&column| !self.is_free(column))
            .collect();
        let (Some(&first), Some(&last)) = (used.first(), used.last()) else {
            return;
        };
        let after = last + 2;
        let start = if after + length <= self.cells.len()
            && (after..after + length).all(|column| self.is_free(column))
        {
            Some(after)
        } else if first > length && (first - length - 1..first).all(|c| self.is_free(c)) {
            Some(first - length - 1)
        } else {
            None
        };
        if let Some(start) = start {
            for (offset, symbol) in text.chars().enumerate() {
                self.put((start + offset) as u16, symbol, style, Kind::Note);
            }
        }
    }

    /// How many cells from the start hold nothing but the line for today: room for a
    /// heading to run on into the lane.
    pub fn free_start(&self) -> usize {
        (0..self.cells.len())
            .take_while(|&column| self.is_free(column))
            .count()
    }

    /// The lane as spans, neighbouring cells of one style together.
    pub fn spans(self) -> Vec<Span<'static>> {
        self.spans_from(0)
    }

    /// The lane from cell `skip` on, as spans.
    pub fn spans_from(self, skip: usize) -> Vec<Span<'static>> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut text = String::new();
        let mut style = None;
        for cell in self.cells.into_iter().skip(skip) {
            if style.is_some_and(|current| current != cell.style) {
                spans.push(Span::styled(
                    std::mem::take(&mut text),
                    style.unwrap_or_default(),
                ));
            }
            style = Some(cell.style);
            text.push(cell.symbol);
        }
        if let Some(style) = style {
            spans.push(Span::styled(text, style));
        }
        spans
    }

    #[cfg(test)]
    fn text(&self) -> String {
        self.cells.iter().map(|cell| cell.symbol).collect()
    }
}

/// The shape of a bar, by status.
pub fn bar_symbol(status: MilestoneStatus) -> char {
    match status {
        MilestoneStatus::Done => '█',
        MilestoneStatus::InProgress => '▓',
        MilestoneStatus::Planned => '░',
        MilestoneStatus::Blocked => '▚',
        MilestoneStatus::Cancelled => '┄',
    }
}

/// The mark of a one-day milestone, by status.
pub fn day_symbol(status: MilestoneStatus) -> char {
    match status {
        MilestoneStatus::Done | MilestoneStatus::InProgress => '◆',
        MilestoneStatus::Planned => '◇',
        MilestoneStatus::Blocked => '■',
        MilestoneStatus::Cancelled => 'x',
    }
}

/// What a reader needs beside the bar: "blocked", "13d late", "done 3d late" or
/// "due in 5d" (within the next 14 days), "+7d" (slip).
pub fn note(milestone: &Milestone, today: NaiveDate) -> String {
    let mut words = Vec::new();
    if milestone.status == MilestoneStatus::Blocked {
        words.push("blocked".to_string());
    }
    if milestone.is_overdue(today) {
        words.push(format!("{}d late", milestone.days_overdue(today)));
    } else if let Some(done) = milestone.done.filter(|_| milestone.finished_late()) {
        // Finished after its due date: the bar stops at the due date, so say it.
        words.push(format!("done {}d late", days_between(milestone.due, done)));
    } else if milestone.due_within(today, UPCOMING_DAYS) {
        words.push(match days_between(today, milestone.due) {
            0 => "due today".to_string(),
            days => format!("due in {days}d"),
        });
    }
    if milestone.status != MilestoneStatus::Cancelled {
        match milestone.slip_days() {
            0 => {}
            days => words.push(format!("{days:+}d")),
        }
    }
    words.join(" ")
}

/// A milestone's lane: the tail from its due date to today when it is late, its
/// bar (or one mark), arrows where the bar goes on out of view, where it was first
/// due, and the note beside it.
pub fn milestone_lane(window: &Window, today: NaiveDate, m: &Milestone, theme: Theme) -> Lane {
    let mut lane = Lane::new(window, today, theme);
    let late = m.is_overdue(today);
    let style = theme.milestone(m.status, late);
    let edge = window.columns.saturating_sub(1);
    if late && let Extent::Shown { first, last, .. } = window.span(add_days(m.due, 1), today) {
        let end = window.column(today).unwrap_or(last).min(last);
        lane.fill(first, end, '╌', theme.bad(), Kind::Tail);
        if let Some(column) = window.column(today) {
            lane.put(column, '!', theme.bad(), Kind::Mark);
        }
    }
    let first_day = m.first_day();
    if first_day == m.due {
        match window.place(m.due) {
            Place::At { .. } => {
                if let Some(column) = window.column(m.due) {
                    lane.put(column, day_symbol(m.status), style, Kind::Mark);
                }
            }
            Place::Before => lane.put(0, '«', style, Kind::Mark),
            Place::After => lane.put(edge, '»', style, Kind::Mark),
        }
    } else {
        match window.span(first_day, m.due) {
            Extent::Shown {
                first,
                last,
                cut_before,
                cut_after,
            } => {
                lane.fill(first, last, bar_symbol(m.status), style, Kind::Fill);
                if cut_before {
                    lane.put(first, '«', style, Kind::Mark);
                }
                if cut_after {
                    lane.put(last, '»', style, Kind::Mark);
                }
            }
            Extent::Before => lane.put(0, '«', style, Kind::Mark),
            Extent::After => lane.put(edge, '»', style, Kind::Mark),
        }
    }
    if m.planned_due != m.due
        && let Some(column) = window.column(m.planned_due)
    {
        lane.put_over(column, '◌', style, Kind::Mark);
    }
    let note_style = if late || m.status == MilestoneStatus::Blocked {
        theme.bad()
    } else if m.due_within(today, UPCOMING_DAYS) {
        theme.warn()
    } else {
        theme.dim()
    };
    lane.note(&note(m, today), note_style);
    lane
}

/// A partner's lane: its agreement's next review (`R`) and expiry (`E`).
pub fn partner_lane(window: &Window, today: NaiveDate, partner: &Partner, theme: Theme) -> Lane {
    let mut lane = Lane::new(window, today, theme);
    let agreement = &partner.agreement;
    for (date, symbol) in [(agreement.next_review, 'R'), (agreement.expires, 'E')] {
        if let Some(column) = date.and_then(|date| window.column(date)) {
            lane.put(column, symbol, theme.warn(), Kind::Mark);
        }
    }
    lane
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screens::timeline::Zoom;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    /// 30 days from Nov 22; today in column 6.
    fn month() -> Window {
        Window::new(Zoom::Month, 30, today(), 0)
    }

    /// The lane's text, without the blanks at its end.
    fn lane_of(m: &Milestone) -> String {
        let lane = milestone_lane(&month(), today(), m, Theme::MONOCHROME).text();
        assert_eq!(lane.chars().count(), 30, "always the window's width");
        lane.trim_end().to_string()
    }

    fn milestone(start: Option<&str>, due: &str, status: MilestoneStatus) -> Milestone {
        let mut m = Milestone::new("M", "launch", day(due));
        m.start = start.map(day);
        m.status = status;
        m
    }

    #[test]
    fn a_bar_runs_from_start_to_due_in_the_shape_of_its_status() {
        assert_eq!(month().first, day("2026-11-22"));
        let planned = milestone(Some("2026-12-01"), "2026-12-04", MilestoneStatus::Planned);
        assert_eq!(lane_of(&planned), "      │  ░░░░ due in 6d");
        let mut done = milestone(Some("2026-11-23"), "2026-11-25", MilestoneStatus::Done);
        done.done = Some(day("2026-11-25"));
        assert_eq!(lane_of(&done), " ███  │");
        // Finished after its due date: the bar stops at the due date; the note says.
        done.done = Some(day("2026-11-27"));
        assert_eq!(lane_of(&done), " ███ done 2d late");
        let blocked = milestone(Some("2026-12-01"), "2026-12-02", MilestoneStatus::Blocked);
        assert_eq!(lane_of(&blocked), "      │  ▚▚ blocked due in 4d");
    }

    #[test]
    fn a_late_milestone_trails_to_today_and_says_by_how_much() {
        let late = milestone(
            Some("2026-11-23"),
            "2026-11-25",
            MilestoneStatus::InProgress,
        );
        assert_eq!(lane_of(&late), " ▓▓▓╌╌! 3d late");
    }

    #[test]
    fn slip_shows_where_it_was_first_due() {
        let mut slipped = milestone(Some("2026-12-01"), "2026-12-03", MilestoneStatus::Planned);
        slipped.move_due(4, day("2026-11-20"), "maya");
        assert_eq!(slipped.due, day("2026-12-07"));
        assert_eq!(lane_of(&slipped), "      │  ░░◌░░░░ due in 9d +4d");
    }

    #[test]
    fn one_day_and_reversed_milestones_are_one_mark() {
        let one_day = milestone(None, "2026-12-01", MilestoneStatus::Planned);
        assert_eq!(lane_of(&one_day), "      │  ◇ due in 3d");
        let reversed = milestone(Some("2026-12-09"), "2026-12-01", MilestoneStatus::Done);
        assert_eq!(lane_of(&reversed), "      │  ◆");
    }

    #[test]
    fn bars_off_either_edge_end_in_an_arrow() {
        let long = milestone(
            Some("2026-10-01"),
            "2027-02-01",
            MilestoneStatus::InProgress,
        );
        assert_eq!(lane_of(&long), "«▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓»");
        let later = milestone(Some("2027-01-10"), "2027-02-01", MilestoneStatus::Planned);
        assert_eq!(lane_of(&later), "      │                      »");
        let earlier = milestone(Some("2026-10-01"), "2026-10-05", MilestoneStatus::Done);
        assert_eq!(lane_of(&earlier), "«     │");
        let long_late = milestone(Some("2026-09-01"), "2026-10-05", MilestoneStatus::Planned);
        assert_eq!(lane_of(&long_late), "«╌╌╌╌╌! 54d late");
    }

    #[test]
    fn today_out_of_view_draws_no_line() {
        let later = Window::new(Zoom::Month, 30, today(), 60);
        let planned = milestone(None, "2027-02-01", MilestoneStatus::Planned);
        let lane = milestone_lane(&later, today(), &planned, Theme::MONOCHROME).text();
        assert!(!lane.contains('│'), "{lane}");
        assert!(lane.contains('◇'), "{lane}");
    }

    #[test]
    fn a_note_that_fits_neither_side_is_left_out() {
        let narrow = Window::new(Zoom::Month, 8, today(), 0);
        let late = milestone(
            Some("2026-11-01"),
            "2026-11-25",
            MilestoneStatus::InProgress,
        );
        let lane = milestone_lane(&narrow, today(), &late, Theme::MONOCHROME).text();
        assert_eq!(lane, "«!      ", "no room for “3d late” on either side");
    }

    #[test]
    fn the_partner_lane_marks_the_agreement_review_and_expiry() {
        let mut partner = Partner::new("Acme", "startup", "maya", "active", today());
        partner.agreement.next_review = Some(day("2026-12-01"));
        partner.agreement.expires = Some(day("2027-05-01"));
        let lane = partner_lane(&month(), today(), &partner, Theme::MONOCHROME).text();
        assert_eq!(lane.trim_end(), "      │  R", "the expiry is out of view");
    }
}
