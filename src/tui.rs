//! The terminal: set it up, run the event loop, and put it back — on quit, on error,
//! on panic (ratatui's hook) and on SIGHUP/SIGTERM (a dropped SSH connection).

use std::io;

use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::App;
use crate::app::update::{handle_key, handle_paste};
use crate::ui;

/// Draws, then blocks on the next event, until the app asks to quit. No ticking and
/// no polling: an idle dashboard uses no CPU. Resizes redraw; key releases are
/// ignored in `handle_key`.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> io::Result<Event>,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    while !app.should_quit {
        terminal
            .draw(|frame| ui::render(app, frame))
            .map_err(Into::into)?;
        match next_event()? {
            Event::Key(key) => handle_key(app, key),
            Event::Paste(text) => handle_paste(app, &text),
            Event::Resize(_, _) => {}
            _ => continue,
        }
    }
    Ok(())
}

/// Runs the dashboard in the real terminal and restores it however the loop ends.
pub fn run(app: &mut App) -> color_eyre::Result<()> {
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives as one event, not as keys that could act as commands.
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    show_cursor_on_panic();
    restore_on_hangup();
    // crossterm starts watching for resizes on its first poll; do it now, so a
    // resize during the first draw is not missed.
    let _ = event::poll(std::time::Duration::ZERO);
    let result = run_loop(&mut terminal, app, event::read);
    restore();
    result?;
    Ok(())
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

/// A hang-up (SSH dropped, terminal closed) or a polite kill restores the terminal
/// and exits, instead of leaving a tmux pane or a reattached session in raw mode.
/// Edits are saved the moment they are confirmed, and one that could not be
/// written has a copy in `.trash/`, so there is nothing to flush.
fn restore_on_hangup() {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });
}
