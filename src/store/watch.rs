//! Watching the data directory for files changed by someone else: the system's file
//! events (inotify and its kind), debounced so that one save is one change, and
//! polling every two seconds where events cannot be trusted (network filesystems)
//! or cannot be had. Only `workspace.ron` and `partners/*.ron` matter; temporary
//! files, the trash and drafts are ignored.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

use super::{PARTNERS_DIR, WORKSPACE_FILE};

/// How long events for one file are gathered before they count as one change.
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
    /// File events from the system: no work at all while nothing changes.
    Events,
    /// Looking every two seconds, and why.
    Polling(String),
}

/// A running watcher; watching stops when it is dropped.
pub struct Watcher {
    /// Held only to be dropped: that stops the watching thread.
    _debouncer: Box<dyn std::any::Any + Send>,
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
            Ok(debouncer) => {
                return Ok(Watcher {
                    _debouncer: Box::new(debouncer),
                    mode: WatchMode::Events,
                });
            }
            Err(error) => {
                let why = format!("file events are unavailable ({error})");
                return start::<PollWatcher>(&root, on_change).map(|debouncer| Watcher {
                    _debouncer: Box::new(debouncer),
                    mode: WatchMode::Polling(why),
                });
            }
        }
    }
    let why = why_poll.unwrap_or_default();
    start::<PollWatcher>(&root, on_change).map(|debouncer| Watcher {
        _debouncer: Box::new(debouncer),
        mode: WatchMode::Polling(why),
    })
}

fn start<W: notify::Watcher>(
    root: &Path,
    on_change: impl Fn(Vec<Changed>) + Send + 'static,
) -> Result<Debouncer<W>, String> {
    let base = root.to_path_buf();
    let config = Config::default()
        .with_timeout(DEBOUNCE)
        .with_notify_config(notify::Config::default().with_poll_interval(POLL_INTERVAL));
    let mut debouncer = new_debouncer_opt::<_, W>(config, move |result: DebounceEventResult| {
        // An error from the watcher (a watch lost) is not worth a message per event;
        // the next change or Ctrl-l still reads the files.
        let Ok(events) = result else { return };
        let mut changed: Vec<Changed> = events
            .iter()
            .filter_map(|event| document_of(&base, &event.path))
            .collect();
        changed.sort();
        changed.dedup();
        if !changed.is_empty() {
            on_change(changed);
        }
    })
    .map_err(|error| error.to_string())?;
    debouncer
        .watcher()
        .watch(root, RecursiveMode::Recursive)
        .map_err(|error| error.to_string())?;
    Ok(debouncer)
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
}
