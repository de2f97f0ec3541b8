//! The real `pactboard` binary in a pseudo-terminal: keys in, the screen parsed by
//! `vt100` out, the raw bytes kept, and checks that the terminal was put back.
//!
//! A test in five lines:
//!
//! ```ignore
//! let (_dir, data) = common::demo_copy();
//! let mut pty = Pty::spawn(&data); // or Pty::builder(&data).size(120, 40).spawn()
//! pty.wait_for("Needs attention", WAIT);
//! pty.send("q");
//! assert!(pty.wait_for_exit(WAIT).success());
//! pty.assert_restored();
//! ```
//!
//! Waits poll the parsed screen (and wake up as soon as output arrives), so they
//! cost nothing when the program is quick and do not flake when the machine is busy.
//! Every failure prints the screen as it was.

#![allow(dead_code)]

mod output;

pub use output::*;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test fails. Generous: a loaded two-core CI
/// machine running every test binary can stall a debug build for many seconds
/// (10 s was seen to fail under load), and a passing wait returns early.
pub const WAIT: Duration = Duration::from_secs(30);

/// How often a wait looks at the screen when no output wakes it first.
const POLL: Duration = Duration::from_millis(20);

/// The sequences that enter and leave the alternate screen and hide and show the
/// cursor (`DECSET`/`DECRST` 1049 and 25), as crossterm writes them.
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// A key that is not plain text, as a terminal sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Esc,
    Enter,
    Tab,
    /// Shift-Tab: `CSI Z`.
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// Ctrl with a letter, e.g. `Key::Ctrl('c')` sends `0x03`.
    Ctrl(char),
}

impl Key {
    /// The bytes an xterm sends for the key (normal cursor-key mode).
    pub fn bytes(self) -> Vec<u8> {
        let bytes: &[u8] = match self {
            Key::Esc => b"\x1b",
            // Raw mode turns ICRNL off, so Enter arrives as CR, as from a real terminal.
            Key::Enter => b"\r",
            Key::Tab => b"\t",
            Key::BackTab => b"\x1b[Z",
            Key::Backspace => b"\x7f",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Right => b"\x1b[C",
            Key::Left => b"\x1b[D",
            Key::Home => b"\x1b[H",
            Key::End => b"\x1b[F",
            Key::PageUp => b"\x1b[5~",
            Key::PageDown => b"\x1b[6~",
            Key::Ctrl(letter) => {
                assert!(
                    letter.is_ascii_alphabetic(),
                    "Key::Ctrl takes a letter, not {letter:?}"
                );
                return vec![letter.to_ascii_lowercase() as u8 - b'a' + 1];
            }
        };
        bytes.to_vec()
    }
}

/// How to start the program: size, environment and arguments. Made by
/// [`Pty::builder`].
#[derive(Debug, Clone)]
pub struct PtyBuilder {
    data: PathBuf,
    cols: u16,
    rows: u16,
    today: Option<String>,
    user: Option<String>,
    no_color: bool,
    env: Vec<(String, String)>,
    args: Vec<String>,
}

impl PtyBuilder {
    /// The terminal's size in columns and rows (default 80x24).
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Sets `PACTBOARD_TODAY` (unset by default: the demo pins its own date).
    pub fn today(mut self, date: &str) -> Self {
        self.today = Some(date.to_string());
        self
    }

    /// Sets `PACTBOARD_USER`, the author of edits (default `tester`).
    pub fn user(mut self, user: &str) -> Self {
        self.user = Some(user.to_string());
        self
    }

    /// Sets `NO_COLOR=1` when true (default: colour on).
    pub fn no_color(mut self, no_color: bool) -> Self {
        self.no_color = no_color;
        self
    }

    /// Any other environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// An argument before `--data DIR` (a subcommand, `--today`, …).
    pub fn arg(mut self, arg: &str) -> Self {
        self.args.push(arg.to_string());
        self
    }

    /// Starts the binary in a new pseudo-terminal of the chosen size.
    pub fn spawn(self) -> Pty {
        Pty::start(self)
    }
}

/// What the reader thread shares with the test.
struct State {
    parser: vt100::Parser,
    /// Every byte the program wrote, in order.
    log: Vec<u8>,
    /// How much output there was when an Esc was sent that no wait has seen the
    /// program answer yet.
    esc_pending: Option<usize>,
    /// The output ended: every process holding the terminal has exited.
    ended: bool,
}

/// How a wait ended: with the screen's text when the condition held.
enum Waited {
    Done(String),
    Ended,
    TimedOut,
}

struct Shared {
    state: Mutex<State>,
    /// Signalled whenever output arrives or ends.
    changed: Condvar,
}

/// The program running in a pseudo-terminal. Dropping it kills a program still
/// running (SIGHUP, then SIGKILL) and reaps it, so no test leaks a process.
pub struct Pty {
    child: Mutex<Box<dyn Child + Send + Sync>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    shared: Arc<Shared>,
    /// The terminal's modes before the program started: what "restored" means.
    initial_modes: Option<Modes>,
    cols: u16,
    rows: u16,
    /// HOME and the working directory, so nothing reads the real user's files.
    _home: tempfile::TempDir,
}

impl Pty {
    /// Starts `pactboard --data DATA` with the defaults of [`Pty::builder`].
    pub fn spawn(data: &Path) -> Pty {
        Pty::builder(data).spawn()
    }

    /// Prepares to run `pactboard --data DATA` at 80x24 with `PACTBOARD_USER=tester`,
    /// `TERM=xterm-256color`, colour on and HOME in a fresh temporary directory;
    /// nothing else is inherited from the test's environment.
    pub fn builder(data: &Path) -> PtyBuilder {
        PtyBuilder {
            data: data.to_path_buf(),
            cols: 80,
            rows: 24,
            today: None,
            user: Some("tester".to_string()),
            no_color: false,
            env: Vec::new(),
            args: Vec::new(),
        }
    }

    fn start(options: PtyBuilder) -> Pty {
        let home = tempfile::tempdir().expect("cannot create a temporary HOME");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: options.rows,
                cols: options.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|error| panic!("cannot open a pseudo-terminal: {error:#}"));
        // Read before the program can touch them: the fresh terminal's cooked modes.
        let initial_modes = Modes::of(&*pair.master);

        let binary = env!("CARGO_BIN_EXE_pactboard");
        let mut command = CommandBuilder::new(binary);
        command.args(&options.args);
        command.arg("--data");
        command.arg(&options.data);
        // A clean, explicit environment (portable-pty adds SHELL on its own).
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("HOME", home.path());
        command.env("PATH", "/usr/bin:/bin");
        if let Some(today) = &options.today {
            command.env("PACTBOARD_TODAY", today);
        }
        if let Some(user) = &options.user {
            command.env("PACTBOARD_USER", user);
        }
        if options.no_color {
            command.env("NO_COLOR", "1");
        }
        for (key, value) in &options.env {
            command.env(key, value);
        }
        command.cwd(home.path());

        let child = pair
            .slave
            .spawn_command(command)
            .unwrap_or_else(|error| panic!("cannot start {binary}: {error:#}"));
        // Only the program may hold the terminal's slave end: when it exits, reads
        // on the master end report the end of the output.
        drop(pair.slave);

        let reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|error| panic!("cannot read the pseudo-terminal: {error:#}"));
        let writer = pair
            .master
            .take_writer()
            .unwrap_or_else(|error| panic!("cannot write to the pseudo-terminal: {error:#}"));
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                parser: vt100::Parser::new(nonzero(options.rows), nonzero(options.cols), 0),
                log: Vec::new(),
                esc_pending: None,
                ended: false,
            }),
            changed: Condvar::new(),
        });
        let for_reader = Arc::clone(&shared);
        thread::Builder::new()
            .name("pty-reader".into())
            .spawn(move || read_output(reader, &for_reader))
            .expect("cannot start the pty reader thread");

        Pty {
            child: Mutex::new(child),
            writer,
            master: pair.master,
            shared,
            initial_modes,
            cols: options.cols,
            rows: options.rows,
            _home: home,
        }
    }

    /// The program's working directory (and HOME): a fresh temporary directory.
    pub fn home(&self) -> &Path {
        self._home.path()
    }

    // ----- input -----

    /// Types `text` as it is (letters, digits, `?`, `!`…). For special keys use
    /// [`Pty::press`]. Wait for the first screen before typing: until the program
    /// turns raw mode on, the terminal would echo the keys and hold them back until
    /// a newline.
    #[track_caller]
    pub fn send(&mut self, text: &str) {
        self.write_bytes(text.as_bytes());
    }

    /// Presses a special key.
    ///
    /// crossterm reads a lone Esc followed by another byte in the same read as
    /// Alt+key, so after Esc the test must wait for what Esc changes on the screen
    /// (a `wait_*` that sees new output) before it sends anything else; no pause
    /// is long enough on a busy machine. Sending first is a mistake in the test,
    /// and panics saying so.
    #[track_caller]
    pub fn press(&mut self, key: Key) {
        self.write_bytes(&key.bytes());
    }

    #[track_caller]
    fn write_bytes(&mut self, bytes: &[u8]) {
        if self.lock().esc_pending.is_some() {
            let report = self.report();
            panic!(
                "sending {bytes:?} right after Esc: wait for Esc's effect on the screen \
                 first, or the program may read both as one Alt+key\n{report}"
            );
        }
        if let Err(error) = self
            .writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
        {
            let report = self.report();
            panic!("cannot send {bytes:?} to the program: {error}\n{report}");
        }
        if bytes.last() == Some(&0x1b) {
            let mut state = self.lock();
            state.esc_pending = Some(state.log.len());
        }
    }

    // ----- the screen -----

    /// Waits until the screen contains `text` and returns the screen; panics with
    /// the screen after `timeout` or when the program ends first.
    #[track_caller]
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("the screen to show {text:?}"), timeout, |screen| {
            screen.contents().contains(text)
        })
    }

    /// Waits until `text` is no longer on the screen and returns the screen.
    #[track_caller]
    pub fn wait_for_gone(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(
            &format!("{text:?} to leave the screen"),
            timeout,
            |screen| !screen.contents().contains(text),
        )
    }

    /// Waits until `done` holds for the parsed screen and returns the screen's text;
    /// `what` names the wait in the failure message.
    #[track_caller]
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut done: impl FnMut(&vt100::Screen) -> bool,
    ) -> String {
        let why = match self.wait_on(Instant::now() + timeout, |state| {
            done(state.parser.screen())
        }) {
            Waited::Done(screen) => return screen,
            Waited::Ended => "the program's output ended first".to_string(),
            Waited::TimedOut => format!("timed out after {timeout:?}"),
        };
        let report = self.report();
        panic!("waiting for {what}: {why}\n{report}");
    }

    /// Blocks until `done` holds, the output ends without it, or the deadline
    /// passes; wakes on every chunk of output and at least every [`POLL`].
    /// After an Esc, `done` counts only once the program has written something
    /// since: a screen that already matched proves nothing about the Esc.
    fn wait_on(&self, deadline: Instant, mut done: impl FnMut(&State) -> bool) -> Waited {
        let mut state = self.lock();
        loop {
            let answered = state.esc_pending.is_none_or(|mark| state.log.len() > mark);
            if answered && done(&state) {
                state.esc_pending = None;
                return Waited::Done(state.parser.screen().contents());
            }
            if state.ended {
                return Waited::Ended;
            }
            let now = Instant::now();
            if now >= deadline {
                return Waited::TimedOut;
            }
            state = self
                .shared
                .changed
                .wait_timeout(state, (deadline - now).min(POLL))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The screen's text now, rows separated by newlines (vt100's `contents()`).
    pub fn screen(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// One row of the screen (0 is the top), without trailing blanks.
    pub fn row(&self, row: u16) -> String {
        self.with_screen(|screen| screen_row(screen, row))
    }

    /// The text of the cells on `row` for which `keep` holds, e.g. the bold ones.
    pub fn row_cells_where(&self, row: u16, keep: impl Fn(&vt100::Cell) -> bool) -> String {
        self.with_screen(|screen| row_cells_where(screen, row, keep))
    }

    /// Runs `look` on the parsed screen: cells, colours, cursor, modes.
    pub fn with_screen<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.lock().parser.screen())
    }

    /// The size the terminal has now, as (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        (self.cols, self.rows)
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the parser with it.
    /// crossterm installs its SIGWINCH handler at the program's first event read,
    /// which comes after the first frame: have the program answer a key first, or
    /// the resize may go unnoticed.
    #[track_caller]
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, under the lock: whatever the program draws for the new
        // size is then parsed at the new size.
        let mut state = self.lock();
        // A terminal of no size (a window shrunk away) still needs a parser of one.
        state
            .parser
            .set_size(nonzero(rows.max(1)), nonzero(cols.max(1)));
        let resized = self.master.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        });
        drop(state);
        if let Err(error) = resized {
            panic!("cannot resize the pseudo-terminal to {cols}x{rows}: {error:#}");
        }
        self.cols = cols;
        self.rows = rows;
    }

    // ----- the raw output -----

    /// Every byte the program has written so far.
    pub fn output(&self) -> Vec<u8> {
        self.lock().log.clone()
    }

    /// The SGR sequences in the output that set a foreground, background or
    /// underline colour (`39`/`49`, back to the default colour, do not count).
    pub fn colour_sequences(&self) -> Vec<String> {
        colour_sequences(&self.lock().log)
    }

    // ----- the process -----

    /// The program's process id.
    #[track_caller]
    pub fn pid(&self) -> u32 {
        self.lock_child()
            .process_id()
            .expect("the child process has no id")
    }

    /// Sends a signal by name (`TERM`, `HUP`, `INT`…) with `kill(1)`.
    #[track_caller]
    pub fn signal(&self, name: &str) {
        let pid = self.pid();
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .unwrap_or_else(|error| panic!("cannot run kill -{name} {pid}: {error}"));
        assert!(status.success(), "kill -{name} {pid} failed: {status}");
    }

    /// Waits for the program to exit and for all of its output to be read, then
    /// returns how it exited. On timeout it kills the program and panics.
    #[track_caller]
    pub fn wait_for_exit(&self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            let polled = self.lock_child().try_wait();
            match polled {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
                Ok(None) => {
                    let report = self.report();
                    self.kill();
                    panic!("the program did not exit within {timeout:?}\n{report}");
                }
                Err(error) => {
                    let report = self.report();
                    panic!("cannot wait for the program: {error}\n{report}");
                }
            }
        };
        // The last bytes (restoring the terminal) may still be in the pipe: read on
        // until every process holding the terminal has closed it.
        let deadline = deadline.max(Instant::now() + Duration::from_secs(2));
        if !matches!(self.wait_on(deadline, |state| state.ended), Waited::Done(_)) {
            let report = self.report();
            panic!(
                "the program exited ({status}) but its terminal output did not end: \
                 does another process hold the terminal?\n{report}"
            );
        }
        status
    }

    /// True while the program is running.
    pub fn is_running(&self) -> bool {
        matches!(self.lock_child().try_wait(), Ok(None))
    }

    fn kill(&self) {
        let mut child = self.lock_child();
        if matches!(child.try_wait(), Ok(None)) {
            // portable-pty sends SIGHUP, waits up to 200 ms, then SIGKILL.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    // ----- the terminal's modes -----

    /// The terminal's line-discipline modes now, read from the master side (the
    /// two ends share one termios). `None` where portable-pty cannot read them.
    pub fn modes(&self) -> Option<Modes> {
        Modes::of(&*self.master)
    }

    /// The modes the terminal had before the program started.
    pub fn initial_modes(&self) -> Option<&Modes> {
        self.initial_modes.as_ref()
    }

    /// Panics (with the screen) unless the program put the terminal back as it
    /// found it: the main screen is showing, the cursor is visible, the last
    /// enter-alternate-screen and hide-cursor sequences were each followed by their
    /// opposite, and the termios modes equal those before the program started
    /// (canonical input and echo on: raw mode is off). Call after
    /// [`Pty::wait_for_exit`].
    #[track_caller]
    pub fn assert_restored(&self) {
        assert!(
            !self.is_running(),
            "assert_restored is for after the program exited"
        );
        let mut problems = Vec::new();
        {
            let state = self.lock();
            let screen = state.parser.screen();
            if screen.alternate_screen() {
                problems.push("the alternate screen is still showing".to_string());
            }
            if screen.hide_cursor() {
                problems.push("the cursor is still hidden".to_string());
            }
            for (set, reset, what) in [
                (
                    ENTER_ALT_SCREEN,
                    LEAVE_ALT_SCREEN,
                    "left the alternate screen",
                ),
                (HIDE_CURSOR, SHOW_CURSOR, "showed the cursor again"),
            ] {
                if let Some(entered) = rfind(&state.log, set)
                    && rfind(&state.log, reset).is_none_or(|left| left < entered)
                {
                    problems.push(format!("the output never {what} after byte {entered}"));
                }
            }
        }
        // Where portable-pty cannot read the modes (not Unix), the escape sequences
        // above, and ratatui::restore turning raw mode off before it writes them,
        // are all there is to go on.
        if let (Some(before), Some(after)) = (&self.initial_modes, self.modes()) {
            if !after.canonical() || !after.echo() {
                problems.push(format!("raw mode is still on: {after:?}"));
            } else if after != *before {
                problems.push(format!(
                    "the terminal modes differ from before the program ran:\n\
                     before {before:?}\nafter  {after:?}"
                ));
            }
        }
        if !problems.is_empty() {
            let report = self.report();
            panic!(
                "the terminal was not restored:\n- {}\n{report}",
                problems.join("\n- ")
            );
        }
    }

    // ----- plumbing -----

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock happens only in a failing test; the
        // screen is still worth showing.
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn lock_child(&self) -> MutexGuard<'_, Box<dyn Child + Send + Sync>> {
        self.child.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The screen with row numbers, the terminal's state and the output's tail,
    /// for failure messages.
    pub fn report(&self) -> String {
        let state = self.lock();
        let screen = state.parser.screen();
        let (rows, cols) = screen.size();
        let process = match self.lock_child().try_wait() {
            Ok(None) => "running".to_string(),
            Ok(Some(status)) => format!("exited: {status}"),
            Err(error) => format!("unknown: {error}"),
        };
        let mut out = format!(
            "--- screen {cols}x{rows} (alternate screen {}, cursor {}, output {}, program {process}) ---\n",
            if screen.alternate_screen() {
                "on"
            } else {
                "off"
            },
            if screen.hide_cursor() {
                "hidden"
            } else {
                "shown"
            },
            if state.ended { "ended" } else { "open" },
        );
        for (number, row) in screen.rows(0, cols.get()).enumerate() {
            let _ = writeln!(out, "{number:>2}|{}", row.trim_end());
        }
        let tail = &state.log[state.log.len().saturating_sub(400)..];
        let _ = write!(
            out,
            "--- last {} of {} bytes of output ---\n{}",
            tail.len(),
            state.log.len(),
            String::from_utf8_lossy(tail).escape_debug()
        );
        out
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The reader thread: feeds every byte to the parser and the log until the
/// terminal's slave end is closed by every process holding it.
fn read_output(mut reader: Box<dyn Read + Send>, shared: &Shared) {
    let mut buffer = [0u8; 8192];
    loop {
        // portable-pty reports EIO (slave closed) as end of file.
        let count = match reader.read(&mut buffer) {
            Ok(0) | Err(_) => 0,
            Ok(count) => count,
        };
        let mut state = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
        if count == 0 {
            state.ended = true;
            drop(state);
            shared.changed.notify_all();
            return;
        }
        state.parser.process(&buffer[..count]);
        state.log.extend_from_slice(&buffer[..count]);
        drop(state);
        shared.changed.notify_all();
    }
}

fn nonzero(value: u16) -> NonZeroU16 {
    NonZeroU16::new(value).expect("a terminal needs at least one row and one column")
}
