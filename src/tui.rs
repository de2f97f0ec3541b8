//! The terminal: set it up, run the event loop, and put it back — on quit, on error,
//! on panic (ratatui's hook), on SIGHUP/SIGTERM (a dropped SSH connection) and when
//! the terminal's input ends.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use chrono::NaiveDateTime;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::effect::{Effect, Reload};
use crate::app::{App, AppEvent, apply, handle_key, handle_paste};
use crate::ui;
use crate::ui::theme::Theme;

/// Why the loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A hang-up or a terminate signal, by number.
    Signal(i32),
    /// The terminal's input ended or failed.
    InputClosed(String),
}

/// Draws, then blocks on the next event, until the app quits or the events end.
/// It waits with a timeout only while a timer is pending, so an idle dashboard uses
/// no CPU. `clock` is the local time, asked only when something needs it.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: Theme,
    events: &Receiver<AppEvent>,
    clock: &dyn Fn() -> NaiveDateTime,
) -> Result<Exit, B::Error> {
    while !app.should_quit {
        // Due before anything else waits: a busy stream of keys cannot starve them.
        if app.timers.next().is_some_and(|at| at <= Instant::now()) {
            app.fire_timers(Instant::now(), clock());
        }
        terminal.draw(|frame| ui::render(app, theme, frame))?;
        let event = match app.timers.next() {
            None => events.recv().ok(),
            Some(at) => match events.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(event) => Some(event),
                Err(RecvTimeoutError::Timeout) => Some(AppEvent::Timer),
                Err(RecvTimeoutError::Disconnected) => None,
            },
        };
        let Some(event) = event else {
            return Ok(Exit::InputClosed("no more events".into()));
        };
        match event {
            AppEvent::Term(Event::Key(key)) => {
                // A session left open past midnight moves to the new day.
                app.follow_clock(clock().date());
                app.now = Some(Instant::now());
                handle_key(app, key);
            }
            AppEvent::Term(Event::Paste(text)) => handle_paste(app, &text),
            AppEvent::Term(_) => {}
            AppEvent::Disk(docs) => apply(app, vec![Effect::Reload(Reload::Docs(docs))]),
            AppEvent::Signal(signal) => return Ok(Exit::Signal(signal)),
            AppEvent::Timer => app.fire_timers(Instant::now(), clock()),
            AppEvent::InputClosed(why) => return Ok(Exit::InputClosed(why)),
        }
    }
    Ok(Exit::Quit)
}

/// Runs the dashboard in the real terminal and restores it however the loop ends.
pub fn run(app: &mut App, theme: Theme) -> color_eyre::Result<Exit> {
    let (sender, events) = mpsc::channel();
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives as one event, not as keys that could act as commands.
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    show_cursor_on_panic();
    forward_signals(sender.clone());
    // crossterm starts watching for resizes on its first poll; do it now, so a
    // resize during the first draw is not missed.
    let _ = event::poll(std::time::Duration::ZERO);
    forward_terminal_events(sender);
    let clock = || chrono::Local::now().naive_local();
    app.start_timers(Instant::now(), clock());
    let result = run_loop(&mut terminal, app, theme, &events, &clock);
    restore();
    Ok(result?)
}

/// Leaves the alternate screen, turns raw mode off and shows the cursor.
pub fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
}

/// ratatui's panic hook restores raw mode and the screen; the cursor too, here.
fn show_cursor_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            io::stdout(),
            crossterm::event::DisableBracketedPaste,
            crossterm::cursor::Show
        );
        previous(info);
    }));
}

/// Reads the terminal on a thread of its own and sends each event to the loop.
/// When the input ends or fails (the terminal went away) it says so and stops,
/// instead of spinning on errors.
fn forward_terminal_events(sender: Sender<AppEvent>) {
    std::thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => AppEvent::Term(event),
                Err(error) => {
                    let _ = sender.send(AppEvent::InputClosed(error.to_string()));
                    return;
                }
            };
            if sender.send(message).is_err() {
                return;
            }
        }
    });
}

/// A hang-up (SSH dropped, terminal closed) or a polite kill reaches the loop as an
/// event, so the dashboard restores the terminal and exits — and can first do
/// whatever must not be lost.
fn forward_signals(sender: Sender<AppEvent>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(AppEvent::Signal(signal)).is_err() {
                return;
            }
        }
    });
}
