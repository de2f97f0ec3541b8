//! Keeping the data directory tidy and knowing what it allows: temporary files left
//! by a save that was killed halfway (found, listed by `check`, removed by the
//! dashboard once they are surely stale), and whether this user can write here at
//! all (a read-only directory or mount opens the dashboard read-only).

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::{DRAFTS_DIR, PARTNERS_DIR, Store, TRASH_DIR};

/// A temporary file of an interrupted save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayTemp {
    /// Relative to the data directory, e.g. `partners/.pactboard-a1B2c3.tmp`.
    pub file: String,
    pub len: u64,
    /// How long ago it was last written; `None` when the clock cannot say.
    pub age: Option<Duration>,
}

/// Whether the data directory can be written, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Writable {
    Yes,
    No(String),
}

/// A save's temporary file: `.pactboard-<random>.tmp` (see `files::prepare`).
fn is_temp(name: &str) -> bool {
    name.starts_with(".pactboard-") && name.ends_with(".tmp")
}

impl Store {
    /// Every stray temporary file, in the places a save writes them: the data
    /// directory, `partners/`, `.trash/` and each user's `.drafts/`. Reads only.
    pub fn stray_temps(&self) -> Vec<StrayTemp> {
        let now = SystemTime::now();
        let mut dirs = vec![
            String::new(),
            PARTNERS_DIR.to_string(),
            TRASH_DIR.to_string(),
        ];
        if let Ok(users) = fs::read_dir(self.root.join(DRAFTS_DIR)) {
            let mut users: Vec<String> = users
                .flatten()
                .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
                .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
                .map(|user| format!("{DRAFTS_DIR}/{user}"))
                .collect();
            users.sort();
            dirs.extend(users);
        }
        let mut found = Vec::new();
        for dir in dirs {
            let Ok(entries) = fs::read_dir(self.root.join(&dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let Some(name) = name.to_str().filter(|name| is_temp(name)) else {
                    continue;
                };
                let Ok(meta) = entry.metadata() else { continue };
                if !meta.is_file() {
                    continue;
                }
                found.push(StrayTemp {
                    file: if dir.is_empty() {
                        name.to_string()
                    } else {
                        format!("{dir}/{name}")
                    },
                    len: meta.len(),
                    age: meta
                        .modified()
                        .ok()
                        .and_then(|modified| now.duration_since(modified).ok()),
                });
            }
        }
        found.sort_by(|a, b| a.file.cmp(&b.file));
        found
    }

    /// Removes the stray temporary files older than `min_age` (a save in progress
    /// elsewhere takes milliseconds, so a minute old is surely abandoned) and
    /// returns them. A file that cannot be removed is left and not returned.
    pub fn remove_stray_temps(&self, min_age: Duration) -> Vec<StrayTemp> {
        self.stray_temps()
            .into_iter()
            .filter(|stray| stray.age.is_some_and(|age| age >= min_age))
            .filter(|stray| fs::remove_file(self.root.join(&stray.file)).is_ok())
            .collect()
    }

    /// Whether this process can write to the data directory: it tries, by creating
    /// and removing a temporary file in the directory and in `partners/` (the
    /// permission bits alone cannot tell a read-only mount, an ACL or root).
    pub fn writable(&self) -> Writable {
        for (dir, required) in [
            (self.root.clone(), true),
            (self.root.join(PARTNERS_DIR), false),
        ] {
            if let Err(error) = probe(&dir, required) {
                let which = if dir == self.root {
                    "the data directory".to_string()
                } else {
                    format!("{PARTNERS_DIR}/")
                };
                return Writable::No(format!("{which} cannot be written ({})", words(&error)));
            }
        }
        Writable::Yes
    }
}

/// Creates and removes a temporary file in `dir`. A missing `partners/` is no
/// obstacle (`required` false): the first save creates it, which the data
/// directory's probe covers.
fn probe(dir: &Path, required: bool) -> io::Result<()> {
    if !required && !dir.exists() {
        return Ok(());
    }
    let probe = tempfile::Builder::new()
        .prefix(".pactboard-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    probe.close()
}

fn words(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backdate(path: &Path, by: Duration) {
        let file = fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - by).unwrap();
    }

    #[test]
    fn stray_temps_are_listed_and_only_old_ones_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::create_dir_all(dir.path().join("partners")).unwrap();
        fs::create_dir_all(dir.path().join(".drafts/maya")).unwrap();
        let old = dir.path().join("partners/.pactboard-old.tmp");
        let fresh = dir.path().join("partners/.pactboard-new.tmp");
        let draft = dir.path().join(".drafts/maya/.pactboard-x.tmp");
        let other = dir.path().join("partners/.notes.tmp");
        for path in [&old, &fresh, &draft, &other] {
            fs::write(path, "").unwrap();
        }
        backdate(&old, Duration::from_secs(120));
        backdate(&draft, Duration::from_secs(3600));
        let listed: Vec<String> = store.stray_temps().into_iter().map(|s| s.file).collect();
        assert_eq!(
            listed,
            vec![
                ".drafts/maya/.pactboard-x.tmp",
                "partners/.pactboard-new.tmp",
                "partners/.pactboard-old.tmp",
            ]
        );
        let removed: Vec<String> = store
            .remove_stray_temps(Duration::from_secs(60))
            .into_iter()
            .map(|s| s.file)
            .collect();
        assert_eq!(
            removed,
            vec![
                ".drafts/maya/.pactboard-x.tmp",
                "partners/.pactboard-old.tmp"
            ]
        );
        assert!(fresh.exists(), "a save in progress elsewhere is left alone");
        assert!(other.exists(), "only our own temporary files");
        assert!(!old.exists() && !draft.exists());
    }

    #[test]
    fn a_writable_directory_says_so_and_the_probe_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("partners")).unwrap();
        let store = Store::new(dir.path());
        assert_eq!(store.writable(), Writable::Yes);
        assert!(store.stray_temps().is_empty());
    }

    #[test]
    fn a_directory_that_cannot_hold_files_is_not_writable() {
        // (Root writes wherever the permission bits forbid it; tests/shared.rs
        // checks a read-only directory as another user.)
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("gone"));
        match store.writable() {
            Writable::No(why) => assert!(why.starts_with("the data directory"), "{why}"),
            Writable::Yes => panic!("a missing directory cannot be written"),
        }
    }
}
