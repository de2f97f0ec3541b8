//! The terminal: set it up, run the event loop, and put it back — on quit, on error,
//! on panic (ratatui's hook), on a hang-up, terminate or quit signal (a dropped SSH
//! connection, a polite kill) and when the terminal's input ends (read returning
//! nothing, EIO, a terminal of no size). On those last ones what was typed into an
//! open form is kept as a draft first; a second signal exits at once, and nothing
//! takes more than a second.

mod input;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{App, AppEvent, handle_key, handle_paste};
use crate::ui;
use crate::ui::theme::Theme;
pub use input::{Input, Parser};

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
/// no CPU; and it draws again only after something that can change the screen — a
/// file event that brought nothing new (this session's own save coming back) draws
/// nothing. `clock` is the local time, asked only when something needs it.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: Theme,
    events: &Receiver<AppEvent>,
    clock: &dyn Fn() -> NaiveDateTime,
) -> Result<Exit, B::Error> {
    let mut stale = true;
    while !app.should_quit {
        // Due before anything else waits: a busy stream of keys cannot starve them.
        if app.timers.next().is_some_and(|at| at <= Instant::now()) {
            app.fire_timers(Instant::now(), clock());
            stale = true;
        }
        if stale {
            terminal.draw(|frame| ui::render(app, theme, frame))?;
        }
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
        stale = match event {
            AppEvent::Term(Event::Key(key)) => {
                // A session left open past midnight moves to the new day.
                app.follow_clock(clock().date());
                app.now = Some(Instant::now());
                handle_key(app, key);
                true
            }
            AppEvent::Term(Event::Paste(text)) => {
                handle_paste(app, &text);
                true
            }
            // A resize, the terminal's focus: drawn anew at the new size.
            AppEvent::Term(_) => true,
            AppEvent::Disk(docs) => app.files_changed(&docs),
            AppEvent::Signal(signal) => return Ok(Exit::Signal(signal)),
            AppEvent::Timer => {
                app.fire_timers(Instant::now(), clock());
                true
            }
            AppEvent::InputClosed(why) => return Ok(Exit::InputClosed(why)),
        };
    }
    Ok(Exit::Quit)
}

/// Runs the dashboard in the real terminal and restores it however the loop ends.
/// When the session ends by a signal or a lost terminal, open forms are kept as
/// drafts before anything else.
pub fn run(app: &mut App, theme: Theme) -> color_eyre::Result<Exit> {
    let (sender, events) = mpsc::channel();
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives as one event, not as keys that could act as commands.
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    show_cursor_on_panic();
    forward_signals(sender.clone());
    forward_terminal_events(sender.clone());
    let _watcher = app.watch(sender);
    let clock = || chrono::Local::now().naive_local();
    app.start_timers(Instant::now(), clock());
    let result = run_loop(&mut terminal, app, theme, &events, &clock);
    if !matches!(result, Ok(Exit::Quit)) {
        app.save_drafts();
    }
    restore();
    // Restored above; ratatui's own clean-up on drop would write to a terminal that
    // may be gone and report that on standard error, which may be gone too.
    std::mem::forget(terminal);
    Ok(result?)
}

/// Leaves the alternate screen, turns raw mode off and shows the cursor. Every
/// write may fail (the terminal may be gone) and is allowed to.
pub fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    // Not `ratatui::restore`, which prints its failures to standard error.
    let _ = ratatui::try_restore();
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

/// Reads the terminal on a thread of its own and sends each event to the loop; when
/// the input ends or fails (the terminal went away) it says so once and stops —
/// never spinning on a dead terminal.
fn forward_terminal_events(sender: Sender<AppEvent>) {
    std::thread::spawn(move || {
        let source = match input::terminal_input() {
            Ok(source) => source,
            Err(error) => {
                let _ = sender.send(AppEvent::InputClosed(error.to_string()));
                return;
            }
        };
        input::read_keys(source, |input| match input {
            Input::Events(events) => events
                .into_iter()
                .all(|event| sender.send(AppEvent::Term(event)).is_ok()),
            Input::Closed(why) => {
                let _ = sender.send(AppEvent::InputClosed(why));
                false
            }
        });
    });
}

/// How long the loop gets, after the first terminating signal, to keep drafts and
/// restore the terminal before the process exits regardless.
const GRACE: Duration = Duration::from_millis(800);

/// A hang-up (SSH dropped, terminal closed), a polite kill or a quit signal reaches
/// the loop as an event, so the dashboard keeps what was typed, restores the
/// terminal and exits. A second one exits at once, and so does the first if the
/// loop has not finished within `GRACE`. A resize is an event too; a terminal
/// resized to nothing (or whose size can no longer be read) has gone.
fn forward_signals(sender: Sender<AppEvent>) {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM, SIGWINCH};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGQUIT, SIGWINCH])
    else {
        return;
    };
    let received = Arc::new(AtomicU32::new(0));
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGWINCH {
                let event = match crossterm::terminal::size() {
                    Ok((0, _)) | Ok((_, 0)) => {
                        AppEvent::InputClosed("the terminal has no size".into())
                    }
                    Ok((width, height)) => AppEvent::Term(Event::Resize(width, height)),
                    Err(error) => AppEvent::InputClosed(format!("the terminal is gone ({error})")),
                };
                let _ = sender.send(event);
                continue;
            }
            if received.fetch_add(1, Ordering::SeqCst) > 0 {
                exit_now(signal);
            }
            let _ = sender.send(AppEvent::Signal(signal));
            std::thread::spawn(move || {
                std::thread::sleep(GRACE);
                exit_now(signal);
            });
        }
    });
}

/// Restores what can be restored and exits as a process killed by `signal` would.
fn exit_now(signal: i32) -> ! {
    restore();
    std::process::exit(128 + signal);
}
