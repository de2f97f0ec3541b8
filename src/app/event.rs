//! What the event loop waits for, as one type: a terminal event, "these files
//! changed on disk", a signal, or a timer that came due — and the timers themselves.
//! The loop (`tui::run_loop`) blocks on a channel of these, so an idle dashboard
//! uses no CPU; it only waits with a timeout while a timer is pending.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, TimeDelta};

use super::history::Doc;
use super::state::App;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppEvent {
    /// A key, a paste, a resize.
    Term(crossterm::event::Event),
    /// Files changed on disk by someone else (sent by a file watcher).
    Disk(Vec<Doc>),
    /// A signal: hang-up (the terminal went away) or terminate.
    Signal(i32),
    /// A timer may be due: the loop checks every pending one.
    Timer,
    /// The terminal's input ended or failed; nothing more will come.
    InputClosed(String),
}

/// Something that wakes the loop by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Timer {
    /// Midnight: "today" moves on when it follows the clock.
    NewDay,
    /// Try again the writes waiting for another session's lock.
    RetrySave,
}

/// The pending timers and when each is due.
#[derive(Debug, Clone, Default)]
pub struct Timers {
    due: BTreeMap<Timer, Instant>,
}

impl Timers {
    pub fn set(&mut self, timer: Timer, at: Instant) {
        self.due.insert(timer, at);
    }

    pub fn cancel(&mut self, timer: Timer) {
        self.due.remove(&timer);
    }

    pub fn is_set(&self, timer: Timer) -> bool {
        self.due.contains_key(&timer)
    }

    /// When the next timer is due, if any is pending.
    pub fn next(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    /// Takes out the timers due at `now`.
    pub fn take_due(&mut self, now: Instant) -> Vec<Timer> {
        let due: Vec<Timer> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(timer, _)| *timer)
            .collect();
        for timer in &due {
            self.due.remove(timer);
        }
        due
    }
}

/// How long from `now` until the next midnight (local time, as `now` is).
pub fn until_midnight(now: NaiveDateTime) -> Duration {
    let tomorrow = now
        .date()
        .succ_opt()
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .unwrap_or(now + TimeDelta::days(1));
    (tomorrow - now).to_std().unwrap_or(Duration::from_secs(60))
}

impl App {
    /// Sets the timers a session needs from the start: the new day, when "today"
    /// follows the clock.
    pub fn start_timers(&mut self, now: Instant, clock: NaiveDateTime) {
        if self.data.today_source == crate::cli::TodaySource::Clock {
            // A second past midnight, so the date has certainly turned.
            let wait = until_midnight(clock) + Duration::from_secs(1);
            self.timers.set(Timer::NewDay, now + wait);
        }
    }

    /// Runs every timer due at `now`; `clock` is the local time then.
    pub fn fire_timers(&mut self, now: Instant, clock: NaiveDateTime) {
        for timer in self.timers.take_due(now) {
            match timer {
                Timer::NewDay => {
                    self.follow_clock(clock.date());
                    self.start_timers(now, clock);
                }
                Timer::RetrySave => super::saving::retry_waiting(self, now),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn timers_come_due_in_order_and_only_once() {
        let start = Instant::now();
        let mut timers = Timers::default();
        assert_eq!(timers.next(), None, "nothing pending: the loop blocks");
        timers.set(Timer::NewDay, start + Duration::from_secs(5));
        assert_eq!(timers.next(), Some(start + Duration::from_secs(5)));
        assert!(timers.take_due(start).is_empty());
        assert_eq!(
            timers.take_due(start + Duration::from_secs(5)),
            [Timer::NewDay]
        );
        assert!(!timers.is_set(Timer::NewDay));
        timers.set(Timer::NewDay, start);
        timers.cancel(Timer::NewDay);
        assert_eq!(timers.next(), None);
    }

    #[test]
    fn midnight_is_counted_from_the_local_time() {
        let evening = NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(23, 59, 30)
            .unwrap();
        assert_eq!(until_midnight(evening), Duration::from_secs(30));
        let midnight = NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert_eq!(until_midnight(midnight), Duration::from_secs(86_400));
    }
}
