//! Live reload without a feedback loop. The watcher once counted every read of a
//! file as a change, and reading a changed file is itself a read: after one save,
//! one `Ctrl-l`, or a teammate's session merely open on the same directory, a
//! session read its files again four to 150 times a second, for ever. Here: the
//! event loop with the real watcher on a copy of the fixture (reloads and draws
//! counted), and two real sessions in pseudo-terminals on one directory (every
//! file opened counted, as the system reports it).

#![cfg(target_os = "linux")]

mod common;
mod pty;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use common::*;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::AppEvent;
use pactboard::tui::{Exit, run_loop};
use pactboard::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Longer than the watcher gathers events (250 ms) and than a debug build takes
/// to save: by then any event a step causes has arrived.
const SETTLE: Duration = Duration::from_millis(1000);

/// How long a session must then stay still: four of the watcher's batches.
const QUIET: Duration = Duration::from_millis(1000);

/// `TestBackend`, counting the frames drawn (each draw flushes once).
struct Counting {
    inner: TestBackend,
    draws: Arc<AtomicUsize>,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.draws.fetch_add(1, Ordering::SeqCst);
        self.inner.flush()
    }
}

/// What the session did, counted: batches of changed files the watcher reported,
/// frames drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    reported: usize,
    draws: usize,
}

/// What a test's script drives the session with, from a thread of its own.
struct Probe {
    to_loop: Sender<AppEvent>,
    reported: Arc<AtomicUsize>,
    draws: Arc<AtomicUsize>,
    data: std::path::PathBuf,
}

impl Probe {
    fn press(&self, code: KeyCode, modifiers: KeyModifiers) {
        let event = AppEvent::Term(Event::Key(KeyEvent::new(code, modifiers)));
        self.to_loop.send(event).unwrap();
    }

    fn counts(&self) -> Counts {
        Counts {
            reported: self.reported.load(Ordering::SeqCst),
            draws: self.draws.load(Ordering::SeqCst),
        }
    }

    /// The counts once what was just done has settled, and again after a quiet
    /// while: a session that feeds itself would have moved on meanwhile.
    fn settled_then_quiet(&self) -> (Counts, Counts) {
        std::thread::sleep(SETTLE);
        let settled = self.counts();
        std::thread::sleep(QUIET);
        (settled, self.counts())
    }
}

/// Runs the fixture's dashboard in the event loop with the real watcher while
/// `script` drives it from another thread; then it quits. Returns what the
/// script returned and the status line as the session ended.
fn session<T: Send + 'static>(script: impl FnOnce(&Probe) -> T + Send + 'static) -> (T, String) {
    let (_dir, mut app) = fixture_app();
    let (to_loop, events) = mpsc::channel();
    let (from_watcher, watched) = mpsc::channel();
    let watcher = app.watch(from_watcher).expect("the directory is watched");
    assert!(
        app.status.is_none(),
        "file events, not polling: {:?}",
        app.status
    );
    let reported = Arc::new(AtomicUsize::new(0));
    let draws = Arc::new(AtomicUsize::new(0));
    // Between the watcher and the loop, counting what the watcher reports.
    let (forward, counted) = (to_loop.clone(), reported.clone());
    std::thread::spawn(move || {
        for event in watched {
            if matches!(event, AppEvent::Disk(_)) {
                counted.fetch_add(1, Ordering::SeqCst);
            }
            if forward.send(event).is_err() {
                break;
            }
        }
    });
    let probe = Probe {
        to_loop,
        reported,
        draws: draws.clone(),
        data: app.store.root().to_path_buf(),
    };
    let driver = std::thread::spawn(move || {
        // The first frame is drawn before anything else is read.
        std::thread::sleep(Duration::from_millis(200));
        let result = script(&probe);
        probe.press(KeyCode::Char('q'), KeyModifiers::NONE);
        result
    });
    let backend = Counting {
        inner: TestBackend::new(80, 24),
        draws,
    };
    let mut terminal = Terminal::new(backend).unwrap();
    let clock = || fixture_today().and_hms_opt(12, 0, 0).unwrap();
    let exit = run_loop(&mut terminal, &mut app, Theme::MONOCHROME, &events, &clock).unwrap();
    let result = driver.join().unwrap();
    drop(watcher);
    assert_eq!(exit, Exit::Quit);
    let status = app.status.map(|status| status.text).unwrap_or_default();
    (result, status)
}

#[test]
fn a_save_comes_back_once_at_most_draws_nothing_and_then_nothing_happens() {
    let ((start, settled, quiet), status) = session(|probe| {
        let start = probe.counts();
        probe.press(KeyCode::Char('4'), KeyModifiers::NONE);
        probe.press(KeyCode::Char('+'), KeyModifiers::NONE);
        let (settled, quiet) = probe.settled_then_quiet();
        (start, settled, quiet)
    });
    assert!(status.contains("saved"), "{status}");
    assert!(
        settled.reported - start.reported <= 1,
        "the save's own file event, at most: {start:?} → {settled:?}"
    );
    assert_eq!(
        settled.draws - start.draws,
        2,
        "a frame for each key, none for the save coming back"
    );
    assert_eq!(quiet, settled, "nothing read, nothing drawn while idle");
}

#[test]
fn reloading_everything_is_not_a_change_and_nothing_follows_it() {
    let ((start, settled, quiet), status) = session(|probe| {
        let start = probe.counts();
        probe.press(KeyCode::Char('l'), KeyModifiers::CONTROL);
        let (settled, quiet) = probe.settled_then_quiet();
        (start, settled, quiet)
    });
    assert!(status.contains("reloaded"), "{status}");
    assert_eq!(
        settled.reported, start.reported,
        "reading every file is no change"
    );
    assert_eq!(settled.draws - start.draws, 1, "the key's frame only");
    assert_eq!(quiet, settled);
}

#[test]
fn files_read_by_others_are_no_change_and_a_teammates_save_is_read_once() {
    let ((start, after_reads, settled, quiet), status) = session(|probe| {
        let start = probe.counts();
        // `cat`, `pactboard status`, another session loading: reads only.
        for _ in 0..3 {
            read_every_file(&probe.data);
        }
        std::thread::sleep(SETTLE);
        let after_reads = probe.counts();
        let path = probe.data.join("partners/birch-foundation.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("Birch Foundation", "Birch Trust")).unwrap();
        let (settled, quiet) = probe.settled_then_quiet();
        (start, after_reads, settled, quiet)
    });
    assert_eq!(after_reads, start, "reads are not changes");
    assert!(
        status.contains("Birch Trust changed on disk: name changed"),
        "{status}"
    );
    assert!(settled.reported > after_reads.reported);
    assert!(settled.draws > after_reads.draws, "what came in is drawn");
    assert_eq!(quiet, settled, "and then nothing more");
}

fn read_every_file(data: &Path) {
    std::fs::read(data.join("workspace.ron")).unwrap();
    for entry in std::fs::read_dir(data.join("partners")).unwrap() {
        std::fs::read(entry.unwrap().path()).unwrap();
    }
}

// The deeper guard: whatever a watcher reports, a file whose bytes are the ones
// already loaded is not read into the session, drawn or talked about.
#[test]
fn a_file_event_that_brings_nothing_new_changes_nothing_draws_nothing_says_nothing() {
    let ((start, after), status) = session(|probe| {
        let start = probe.counts();
        let mut docs = vec![pactboard::app::Doc::Workspace];
        for entry in std::fs::read_dir(probe.data.join("partners")).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            docs.push(pactboard::app::Doc::partner(name.trim_end_matches(".ron")));
        }
        for _ in 0..5 {
            probe.to_loop.send(AppEvent::Disk(docs.clone())).unwrap();
        }
        std::thread::sleep(SETTLE);
        (start, probe.counts())
    });
    assert_eq!(after.draws, start.draws, "no frame drawn");
    assert_eq!(status, "", "nothing said");
}

/// The data files opened by anyone during `period`, as the system reports them.
fn files_opened_during(data: &Path, period: Duration) -> Vec<std::path::PathBuf> {
    use notify::event::AccessKind;
    use notify::{EventKind, RecursiveMode, Watcher};
    let (sender, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender).unwrap();
    watcher.watch(data, RecursiveMode::Recursive).unwrap();
    std::thread::sleep(period);
    drop(watcher);
    events
        .try_iter()
        .filter_map(Result::ok)
        .filter(|event| matches!(event.kind, EventKind::Access(AccessKind::Open(_))))
        .flat_map(|event| event.paths)
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect()
}

// The reviewer's measurement, end to end: two sessions on one directory, one of
// them reloads and saves; the other reads the save; then neither touches a file.
#[test]
fn two_sessions_on_one_directory_go_quiet_after_a_reload_and_a_save() {
    use pty::{Key, Pty, WAIT};
    let (_dir, data) = demo_copy();
    let mut maya = Pty::builder(&data).user("maya").today(DEMO_DATE).spawn();
    let mut lee = Pty::builder(&data).user("lee").today(DEMO_DATE).spawn();
    maya.wait_for("Needs attention", WAIT);
    lee.wait_for("Needs attention", WAIT);
    maya.press(Key::Ctrl('l'));
    maya.wait_for("reloaded", WAIT);
    maya.send("4");
    maya.wait_for("+/- score", WAIT);
    maya.send("+");
    maya.wait_for("saved", WAIT);
    lee.wait_for("changed on disk", WAIT);
    std::thread::sleep(SETTLE);
    let opened = files_opened_during(&data, Duration::from_secs(2));
    assert!(
        opened.is_empty(),
        "{} files opened while idle, such as {:?}",
        opened.len(),
        opened.first()
    );
    maya.send("q");
    assert!(maya.wait_for_exit(WAIT).success());
    let opened = files_opened_during(&data, QUIET);
    assert!(
        opened.is_empty(),
        "{} files opened after the other quit, such as {:?}",
        opened.len(),
        opened.first()
    );
    lee.send("q");
    assert!(lee.wait_for_exit(WAIT).success());
}
