//! The data directory's lock, `.pactboard.lock`: held for the instant a save checks
//! a file and replaces it, so two sessions can never both pass the check and then
//! overwrite each other. Taken with a timeout (it never hangs), it says who holds
//! it, and where the filesystem cannot lock at all the save carries on with the
//! content check alone.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use super::share::share_new_file;
use super::{SaveError, Store};
use std::sync::atomic::Ordering;

pub const LOCK_FILE: &str = ".pactboard.lock";

/// How long a save waits for the lock unless told otherwise: long enough for any
/// other session's check-and-rename (milliseconds), short enough to never feel hung.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(3);

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Someone else held it for the whole wait; `holder` is what they wrote into the
    /// lock file ("maya, pid 4242, since 10:31:02"), when they could.
    Busy { holder: Option<String> },
    /// The lock file could not be opened or locked.
    Io(io::Error),
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct DirLock {
    file: Option<File>,
    /// We could open the file for writing, so it carries our name while we hold it.
    signed: bool,
    /// False where the filesystem does not support locking: nothing is held, and
    /// the save relies on its content check alone.
    pub locked: bool,
}

impl DirLock {
    /// Takes the lock in `dir`, trying again every few milliseconds for up to `wait`.
    /// `who` is written into the lock file while it is held, so a session waiting
    /// for it can say who it is waiting for.
    pub fn acquire(dir: &Path, wait: Duration, who: &str) -> Result<DirLock, LockError> {
        let path = dir.join(LOCK_FILE);
        let (file, signed) = open_lock_file(&path, dir).map_err(LockError::Io)?;
        let start = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if start.elapsed() >= wait {
                        return Err(LockError::Busy {
                            holder: holder(&path),
                        });
                    }
                    std::thread::sleep(pause.min(wait.saturating_sub(start.elapsed())));
                    pause = (pause * 2).min(Duration::from_millis(50));
                }
                Err(fs::TryLockError::Error(error)) if unsupported(&error) => {
                    return Ok(DirLock {
                        file: None,
                        signed: false,
                        locked: false,
                    });
                }
                Err(fs::TryLockError::Error(error)) => return Err(LockError::Io(error)),
            }
        }
        let mut lock = DirLock {
            file: Some(file),
            signed,
            locked: true,
        };
        if lock.signed {
            let text = format!(
                "{who}, pid {}, since {}\n",
                std::process::id(),
                chrono::Local::now().format("%H:%M:%S")
            );
            // The name is a courtesy to whoever waits: failing to write it is no error.
            if let Some(file) = lock.file.as_mut() {
                let _ = file
                    .set_len(0)
                    .and_then(|()| file.rewind())
                    .and_then(|()| file.write_all(text.as_bytes()));
            }
        }
        Ok(lock)
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            if self.signed {
                let _ = file.set_len(0);
            }
            let _ = file.unlock();
        }
    }
}

/// Opens (creating it, shared with the group, if need be) the lock file. A lock
/// file we may not write — made by an older pactboard under a strict umask, or
/// another user's — is opened read-only: `flock` needs no write access, so a
/// teammate's lock file never stops a save.
fn open_lock_file(path: &Path, dir: &Path) -> io::Result<(File, bool)> {
    match OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(path)
    {
        Ok(file) => {
            share_new_file(&file, dir)?;
            return Ok((file, true));
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
        Err(error) => return Err(error),
    }
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => Ok((file, true)),
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {
            Ok((File::open(path)?, false))
        }
        Err(error) => Err(error),
    }
}

/// What the holder wrote into the lock file, if anything.
fn holder(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| line.chars().take(80).collect())
}

/// Whether a locking error means "this filesystem cannot lock" rather than a
/// failure worth reporting (some network filesystems).
fn unsupported(error: &io::Error) -> bool {
    // ENOLCK and EOPNOTSUPP on Linux.
    error.kind() == io::ErrorKind::Unsupported || matches!(error.raw_os_error(), Some(37 | 95))
}

impl Store {
    /// Names the person saving, for the lock file while a save holds it.
    pub fn with_user(mut self, user: impl Into<String>) -> Self {
        self.user = user.into();
        self
    }

    /// How long a save waits for another session's lock before giving up with
    /// `SaveError::Locked` (three seconds unless told otherwise; the dashboard
    /// waits briefly and retries on a timer, so the screen never freezes).
    pub fn with_lock_wait(mut self, wait: Duration) -> Self {
        self.lock_wait = wait;
        self
    }

    /// Whether a save has found that this filesystem cannot lock files: saves still
    /// refuse to overwrite a changed file, but two saves in the same instant are
    /// not kept apart. Worth saying once.
    pub fn locking_unsupported(&self) -> bool {
        self.lock_unsupported.load(Ordering::Relaxed)
    }

    /// Takes the data directory's lock for a save of `file`, waiting up to the
    /// store's lock wait. A lock that cannot be opened is an error that names the
    /// lock file, not the file being saved.
    pub(super) fn lock(&self, file: &str) -> Result<DirLock, SaveError> {
        let who = if self.user.is_empty() {
            "pactboard"
        } else {
            &self.user
        };
        match DirLock::acquire(&self.root, self.lock_wait, who) {
            Ok(lock) => {
                if !lock.locked {
                    self.lock_unsupported.store(true, Ordering::Relaxed);
                }
                Ok(lock)
            }
            Err(LockError::Busy { holder }) => Err(SaveError::Locked {
                file: file.to_string(),
                holder,
            }),
            Err(LockError::Io(error)) => Err(SaveError::Io {
                file: LOCK_FILE.to_string(),
                message: format!("{error} (while saving {file})"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn the_lock_can_be_taken_again_once_released() {
        let dir = tempfile::tempdir().unwrap();
        drop(DirLock::acquire(dir.path(), Duration::ZERO, "a").unwrap());
        drop(DirLock::acquire(dir.path(), Duration::ZERO, "b").unwrap());
    }

    #[test]
    fn a_held_lock_times_out_and_names_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = DirLock::acquire(dir.path(), Duration::ZERO, "maya").unwrap();
        assert!(held.locked);
        let start = Instant::now();
        let error = DirLock::acquire(dir.path(), Duration::from_millis(200), "lee").unwrap_err();
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(200), "{waited:?}");
        assert!(waited < Duration::from_secs(2), "{waited:?}");
        match error {
            LockError::Busy { holder: Some(text) } => {
                assert!(text.starts_with("maya, pid "), "{text}")
            }
            other => panic!("{other:?}"),
        }
        drop(held);
        let again = DirLock::acquire(dir.path(), Duration::ZERO, "lee").unwrap();
        drop(again);
        assert_eq!(
            fs::read(dir.path().join(LOCK_FILE)).unwrap(),
            b"",
            "nobody's name is left behind"
        );
    }

    #[test]
    fn a_lock_file_that_cannot_be_written_still_locks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        fs::write(&path, "").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        // (As root the file is still writable; as anyone else this is the
        // read-only path. Both must lock.)
        let held = DirLock::acquire(dir.path(), Duration::ZERO, "a").unwrap();
        assert!(held.locked);
        assert!(matches!(
            DirLock::acquire(dir.path(), Duration::ZERO, "b"),
            Err(LockError::Busy { .. })
        ));
    }

    #[test]
    fn a_new_lock_file_is_group_writable_in_a_group_writable_directory() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2775)).unwrap();
        drop(DirLock::acquire(dir.path(), Duration::ZERO, "a").unwrap());
        let meta = fs::metadata(dir.path().join(LOCK_FILE)).unwrap();
        assert_eq!(meta.mode() & 0o060, 0o060, "{:o}", meta.mode());
        assert_eq!(meta.gid(), fs::metadata(dir.path()).unwrap().gid());
    }
}
