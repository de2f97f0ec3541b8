//! Watching the data directory for files changed by someone else: the system's file
//! events (inotify and its kind), kept only when they can mean new content (a write,
//! a file created, renamed or removed — never a file opened or read), gathered for a
//! moment so that one save is one change; and polling every two seconds where
//! events cannot be trusted (network filesystems) or cannot be had. Only
//! `workspace.ron` and `partners/*.ron` matter; temporary files, the trash and
//! drafts are ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};

use super::{PARTNERS_DIR, WORKSPACE_FILE};

/// How long changes are gathered, from the first, before they are reported as one
/// batch: a save is several events (a temporary file written, renamed over).
const DEBOUNCE: Duration = Duration::from_millis(250);

/// How often a polling watcher looks.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// A document that changed on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Changed {
    Workspace,
    /// A partner, by id.
    Partner(String),
}

/// How the directory is being watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMode {
    /// File events from the system: the watching threads sleep until a file in the
    /// directory is touched, and only a write, a new, renamed or removed file is
    /// passed on — reading a file (this session's own reloads included) is not.
    Events,
    /// Looking every two seconds, and why.
    Polling(String),
}

/// A running watcher; watching stops when it is dropped.
pub struct Watcher {
    /// Held only to be dropped: that stops notify's thread, which ends ours.
    _watcher: Box<dyn std::any::Any + Send>,
    pub mode: WatchMode,
}

/// Starts watching `root`; `on_change` gets each batch of changed documents (never
/// an empty one). `poll` forces polling. Falls back to polling when the directory
/// is on a network filesystem or events cannot be had, and says why in the mode.
pub fn watch(
    root: &Path,
    poll: bool,
    on_change: impl Fn(Vec<Changed>) + Send + Clone + 'static,
) -> Result<Watcher, String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let why_poll = if poll {
        Some("as asked (PACTBOARD_WATCH=poll)".to_string())
    } else {
        network_filesystem(&root)
            .map(|kind| format!("{kind} does not report changes made elsewhere"))
    };
    if why_poll.is_none() {
        match start::<RecommendedWatcher>(&root, on_change.clone()) {
            Ok(watcher) => {
                return Ok(Watcher {
                    _watcher: Box::new(watcher),
                    mode: WatchMode::Events,
                });
            }
            Err(error) => {
                let why = format!("file events are unavailable ({error})");
                return start::<PollWatcher>(&root, on_change).map(|watcher| Watcher {
                    _watcher: Box::new(watcher),
                    mode: WatchMode::Polling(why),
                });
            }
        }
    }
    let why = why_poll.unwrap_or_default();
    start::<PollWatcher>(&root, on_change).map(|watcher| Watcher {
        _watcher: Box::new(watcher),
        mode: WatchMode::Polling(why),
    })
}

/// Starts notify's watcher of kind `W` on `root`, and a thread of ours that turns
/// its events into batches of changed documents. (notify's own debouncers either
/// drop the event kind, so a read counted as a change — each reload then caused the
/// next — or keep a cache of every file's id, walked anew after each rename, that
/// this does not need: a dozen lines of gathering do.)
fn start<W: notify::Watcher + Send + 'static>(
    root: &Path,
    on_change: impl Fn(Vec<Changed>) + Send + 'static,
) -> Result<W, String> {
    let (sender, events) = mpsc::channel();
    let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
    let mut watcher = W::new(sender, config).map_err(|error| error.to_string())?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|error| error.to_string())?;
    let base = root.to_path_buf();
    std::thread::Builder::new()
        .name("pactboard-watch".into())
        .spawn(move || gather(&base, &events, on_change))
        .map_err(|error| error.to_string())?;
    Ok(watcher)
}

/// Blocks until a change comes, gathers what follows for `DEBOUNCE`, and reports
/// the batch; events that are no change never start a batch, so a directory that
/// is only read costs nothing here. Ends when the watcher is dropped.
fn gather(root: &Path, events: &Receiver<notify::Result<Event>>, on_change: impl Fn(Vec<Changed>)) {
    // An error from the watcher (a watch lost) is not worth a message per event;
    // the next change or Ctrl-l still reads the files.
    let documents = |event: notify::Result<Event>| -> Vec<Changed> {
        match event {
            Ok(event) if is_change(&event.kind) => event
                .paths
                .iter()
                .filter_map(|path| document_of(root, path))
                .collect(),
            _ => Vec::new(),
        }
    };
    while let Ok(event) = events.recv() {
        let mut batch: BTreeSet<Changed> = documents(event).into_iter().collect();
        if batch.is_empty() {
            continue;
        }
        let until = Instant::now() + DEBOUNCE;
        loop {
            match events.recv_timeout(until.saturating_duration_since(Instant::now())) {
                Ok(event) => batch.extend(documents(event)),
                Err(RecvTimeoutError::Timeout) => break,
                // The watcher is gone: the session is ending.
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        on_change(batch.into_iter().collect());
    }
}

/// Whether an event can mean that a file holds something new: a write, a file
/// created, renamed or removed, or its modification time, permissions or owner
/// changed (polling reports a write as a new modification time; a `chmod` can make
/// an unreadable file readable). Opening a file, reading it and closing it unwritten
/// are not changes — every reader does that, this session's own reloads included.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime | MetadataKind::Extended,
        )) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        // Not about a file's content: a request to rescan, an event no backend here
        // sends with a path.
        EventKind::Any | EventKind::Other => false,
    }
}

/// The document a path names: `workspace.ron`, or `partners/<id>.ron` (not hidden).
pub fn document_of(root: &Path, path: &Path) -> Option<Changed> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|part| part.as_os_str().to_str())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [file] if *file == WORKSPACE_FILE => Some(Changed::Workspace),
        [dir, file] if *dir == PARTNERS_DIR && !file.starts_with('.') => file
            .strip_suffix(".ron")
            .filter(|id| !id.is_empty())
            .map(|id| Changed::Partner(id.to_string())),
        _ => None,
    }
}

/// The kind of network filesystem `dir` is on, if it is on one (read from
/// `/proc/self/mounts`; elsewhere none is known, and events are tried).
fn network_filesystem(dir: &Path) -> Option<String> {
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    let mut best: Option<(PathBuf, String)> = None;
    for line in mounts.lines() {
        let mut fields = line.split_whitespace();
        let (_, Some(point), Some(kind)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        // Spaces in mount points are written as \040.
        let point = PathBuf::from(point.replace("\\040", " "));
        if dir.starts_with(&point)
            && best
                .as_ref()
                .is_none_or(|(known, _)| point.as_os_str().len() > known.as_os_str().len())
        {
            best = Some((point, kind.to_string()));
        }
    }
    let (_, kind) = best?;
    let network = [
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
    ]
    .contains(&kind.as_str())
        || kind.starts_with("fuse.sshfs");
    network.then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn only_the_documents_count() {
        let root = Path::new("/data");
        let of = |path: &str| document_of(root, Path::new(path));
        assert_eq!(of("/data/workspace.ron"), Some(Changed::Workspace));
        assert_eq!(
            of("/data/partners/acme.ron"),
            Some(Changed::Partner("acme".into()))
        );
        for ignored in [
            "/data/partners/.pactboard-x.tmp",
            "/data/partners/.acme.ron",
            "/data/.trash/acme.ron",
            "/data/.drafts/maya/form.ron",
            "/data/.pactboard.lock",
            "/data/partners/notes.txt",
            "/elsewhere/workspace.ron",
        ] {
            assert_eq!(of(ignored), None, "{ignored}");
        }
    }

    fn watched(poll: bool) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("partners")).unwrap();
        let (sender, changes) = mpsc::channel();
        let watcher = watch(dir.path(), poll, move |changed| {
            let _ = sender.send(changed);
        })
        .unwrap();
        assert_eq!(watcher.mode == WatchMode::Events, !poll);
        // Polling needs a first look before it can see a change.
        std::thread::sleep(if poll {
            Duration::from_millis(300)
        } else {
            Duration::from_millis(50)
        });
        std::fs::write(dir.path().join("partners/.pactboard-1.tmp"), "x").unwrap();
        std::fs::write(dir.path().join("partners/acme.ron"), "x").unwrap();
        let got = changes.recv_timeout(Duration::from_secs(6)).unwrap();
        assert_eq!(got, vec![Changed::Partner("acme".into())]);
    }

    #[test]
    fn a_change_is_reported_once_with_file_events() {
        watched(false);
    }

    #[test]
    fn a_change_is_reported_when_polling() {
        watched(true);
    }

    // The reviewer's loop: a read counted as a change, and each reload's reads
    // made the next reload.
    #[test]
    fn reading_a_file_is_no_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("partners")).unwrap();
        let partner = dir.path().join("partners/acme.ron");
        std::fs::write(&partner, "x").unwrap();
        std::fs::write(dir.path().join("workspace.ron"), "x").unwrap();
        let (sender, changes) = mpsc::channel();
        let watcher = watch(dir.path(), false, move |changed| {
            let _ = sender.send(changed);
        })
        .unwrap();
        assert_eq!(watcher.mode, WatchMode::Events);
        std::thread::sleep(Duration::from_millis(50));
        for _ in 0..3 {
            std::fs::read(&partner).unwrap();
            std::fs::read(dir.path().join("workspace.ron")).unwrap();
        }
        // Well past the gathering time: a read reported would be here by now.
        let got = changes.recv_timeout(DEBOUNCE * 4);
        assert_eq!(got, Err(mpsc::RecvTimeoutError::Timeout), "{got:?}");
        // The watcher still reports a write.
        std::fs::write(&partner, "y").unwrap();
        let got = changes.recv_timeout(Duration::from_secs(6)).unwrap();
        assert_eq!(got, vec![Changed::Partner("acme".into())]);
    }

    #[test]
    fn only_events_that_can_mean_new_content_count() {
        use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};
        for change in [
            EventKind::Create(CreateKind::File),
            EventKind::Remove(RemoveKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
        ] {
            assert!(is_change(&change), "{change:?}");
        }
        for read in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
            EventKind::Other,
        ] {
            assert!(!is_change(&read), "{read:?}");
        }
    }
}
