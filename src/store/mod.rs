//! The data directory: `workspace.ron` and `partners/<id>.ron`, read into memory with
//! a clear error for every file that does not parse, and written back one file at a
//! time, atomically, never over a file that changed on disk since it was read.

pub mod drafts;
mod explain;
pub(crate) mod files;
pub mod format;
mod hygiene;
pub mod locate;
mod lock;
pub mod merge;
pub mod migrate;
mod parse;
mod reread;
mod rescue;
mod save;
mod scan;
mod share;
mod trash;
pub mod watch;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use serde::Serialize;

use crate::domain::{PARTNER_VERSION, Partner, WORKSPACE_VERSION, Workspace};
pub use files::Fingerprint;
use files::{link_problem, prepare, read_with_fingerprint, resolve_target};
pub use hygiene::{StrayTemp, Writable};
pub use lock::{DEFAULT_LOCK_WAIT, LOCK_FILE};

pub use merge::{FieldConflict, Keep, Merged, Step};
pub use migrate::{MigrateLine, MigrateOutcome, MigrateReport, Upgrade};
pub use parse::LoadError;
use parse::{Parsed, file_version, without_bom};
pub use reread::{Fresh, Reread};
pub use save::Saved;
pub use trash::InitError;

pub const WORKSPACE_FILE: &str = "workspace.ron";
pub const PARTNERS_DIR: &str = "partners";
pub const TRASH_DIR: &str = ".trash";
pub const DRAFTS_DIR: &str = ".drafts";

/// One partner as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerFile {
    /// The file name without `.ron`.
    pub id: String,
    pub partner: Partner,
    /// The file as it was read or last written; `None` while the partner exists
    /// only in memory (a new partner whose first write failed).
    pub fingerprint: Option<Fingerprint>,
    /// Written by a newer pactboard: shown, never saved.
    pub read_only: bool,
}

/// Everything read from a data directory.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub workspace: Workspace,
    /// `None` when `workspace.ron` failed to load and defaults stand in for it.
    pub workspace_fingerprint: Option<Fingerprint>,
    pub workspace_read_only: bool,
    /// Sorted by id.
    pub partners: Vec<PartnerFile>,
    /// Files that failed to load (or loaded read-only), in file order.
    pub errors: Vec<LoadError>,
    /// Files that loaded as an older version (migrated in memory) or with records
    /// lacking ids; each is written as the current version when next saved.
    pub upgrades: Vec<Upgrade>,
}

impl Snapshot {
    /// Every partner as `(id, partner)`, the shape the domain's figures take.
    pub fn partner_refs(&self) -> Vec<(&str, &Partner)> {
        partner_refs(&self.partners)
    }
}

/// `files` as `(id, partner)` pairs, the shape the domain's figures take.
pub fn partner_refs(files: &[PartnerFile]) -> Vec<(&str, &Partner)> {
    files
        .iter()
        .map(|file| (file.id.as_str(), &file.partner))
        .collect()
}

/// Why a write did not happen. In every case nothing on disk was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file changed (or appeared, or vanished) on disk since it was read, and
    /// the change could not be merged: `why` says how, `fields` lists the fields
    /// changed both here and on disk (empty when the whole file is the problem).
    Conflict {
        file: String,
        why: String,
        fields: Vec<FieldConflict>,
        /// The file as this save found it (`None`: not there), so that the file
        /// event of the same bytes later is known to be nothing new.
        seen: Option<Fingerprint>,
    },
    /// Another session held the data directory's lock for the whole wait.
    Locked {
        file: String,
        /// Who, as they wrote it into the lock file ("maya, pid 4242, since 10:31:02").
        holder: Option<String>,
    },
    /// The file was written by a newer pactboard and is never overwritten by this one.
    ReadOnly {
        file: String,
    },
    Io {
        file: String,
        message: String,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Conflict { file, why, .. } => {
                write!(f, "{file} {why}; nothing was written")
            }
            SaveError::Locked { file, holder } => write!(
                f,
                "{file} was not written: {} holds the data directory's lock ({LOCK_FILE})",
                holder.as_deref().unwrap_or("another pactboard")
            ),
            SaveError::ReadOnly { file } => write!(
                f,
                "{file} was written by a newer pactboard; it is read-only here and was not written"
            ),
            SaveError::Io { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Why a data directory could not be opened at all.
#[derive(Debug)]
pub enum OpenError {
    /// Nothing at that path.
    Missing {
        dir: PathBuf,
    },
    /// A file (or something else) where a directory should be.
    NotADirectory {
        path: PathBuf,
    },
    /// A directory without `workspace.ron`.
    NotAWorkspace {
        dir: PathBuf,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl OpenError {
    /// Whether the path was simply the wrong one (exit 2), rather than a directory
    /// that could not be read (exit 1).
    pub fn is_wrong_path(&self) -> bool {
        !matches!(self, OpenError::Io { .. })
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Missing { dir } => write!(
                f,
                "{} does not exist; create a workspace there with `pactboard init {}` or `pactboard init --demo {}`",
                dir.display(),
                dir.display(),
                dir.display()
            ),
            OpenError::NotADirectory { path } => write!(
                f,
                "{} is a file, not a directory; the data directory is the directory that holds {WORKSPACE_FILE} and {PARTNERS_DIR}/",
                path.display()
            ),
            OpenError::NotAWorkspace { dir } => write!(
                f,
                "{} is not a pactboard data directory (no {WORKSPACE_FILE}); create one with `pactboard init {}` or `pactboard init --demo {}`",
                dir.display(),
                dir.display(),
                dir.display()
            ),
            OpenError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for OpenError {}

/// One partner file as read: the partner (unless it did not parse), the problems
/// found, and what was changed in memory to bring it to the current version.
type ReadPartner = (Option<PartnerFile>, Vec<LoadError>, Option<Upgrade>);

/// The data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    /// Who saves, as the lock file names them to anyone waiting.
    user: String,
    lock_wait: Duration,
    /// Set once a save found that this filesystem cannot lock.
    lock_unsupported: Arc<AtomicBool>,
}

impl Store {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            user: String::new(),
            lock_wait: DEFAULT_LOCK_WAIT,
            lock_unsupported: Arc::new(AtomicBool::new(false)),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether `dir` holds a workspace file.
    pub fn is_workspace(dir: &Path) -> bool {
        dir.join(WORKSPACE_FILE).exists()
    }

    /// The path of a partner's file relative to the data directory, as messages show it.
    pub fn partner_file(id: &str) -> String {
        format!("{PARTNERS_DIR}/{id}.ron")
    }

    pub fn partner_exists(&self, id: &str) -> bool {
        fs::symlink_metadata(self.root.join(Self::partner_file(id))).is_ok()
    }

    /// Reads the whole directory. Files that fail to parse become `errors` and the rest
    /// still load; only a missing or unreadable directory is an error.
    pub fn load(&self) -> Result<Snapshot, OpenError> {
        match fs::metadata(&self.root) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Err(OpenError::Missing {
                    dir: self.root.clone(),
                });
            }
            Ok(meta) if !meta.is_dir() => {
                return Err(OpenError::NotADirectory {
                    path: self.root.clone(),
                });
            }
            _ => {}
        }
        let workspace_path = self.root.join(WORKSPACE_FILE);
        if !workspace_path.exists() {
            return Err(OpenError::NotAWorkspace {
                dir: self.root.clone(),
            });
        }
        let mut errors = Vec::new();
        let mut upgrades = Vec::new();
        let (workspace, workspace_fingerprint, workspace_read_only) = match self.read_workspace() {
            Ok((parsed, fingerprint, upgrade)) => {
                errors.extend(parsed.errors);
                upgrades.extend(upgrade);
                match parsed.value {
                    Some(workspace) => (workspace, Some(fingerprint), parsed.read_only),
                    None => (Workspace::new("(workspace.ron failed to load)"), None, true),
                }
            }
            Err(error) => {
                errors.push(error);
                (Workspace::new("(workspace.ron failed to load)"), None, true)
            }
        };

        errors.extend(self.odd_files());
        let mut partners = Vec::new();
        for id in self.partner_ids().map_err(|error| OpenError::Io {
            path: self.root.join(PARTNERS_DIR),
            error,
        })? {
            match self.read_partner(&id, || workspace.clone()) {
                Ok((partner, mut partner_errors, upgrade)) => {
                    errors.append(&mut partner_errors);
                    upgrades.extend(upgrade);
                    if let Some(partner) = partner {
                        partners.push(partner);
                    }
                }
                Err(error) => errors.push(error),
            }
        }
        Ok(Snapshot {
            workspace,
            workspace_fingerprint,
            workspace_read_only,
            partners,
            errors,
            upgrades,
        })
    }

    fn read_workspace(
        &self,
    ) -> Result<(Parsed<Workspace>, Fingerprint, Option<Upgrade>), LoadError> {
        let (bytes, fingerprint) = self.read_bytes(WORKSPACE_FILE)?;
        let (parsed, upgrade) = migrate::read_workspace(WORKSPACE_FILE, &bytes);
        Ok((parsed, fingerprint, upgrade))
    }

    /// Ids of every `partners/*.ron`, sorted; hidden files (our temporary files among
    /// them) and anything else are skipped. No `partners/` directory means none.
    pub fn partner_ids(&self) -> io::Result<Vec<String>> {
        let dir = self.root.join(PARTNERS_DIR);
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(error),
        };
        let mut ids = Vec::new();
        // An entry that cannot be read, or a name that is not UTF-8, is skipped
        // here and reported by `odd_files`; it must not stop the rest loading.
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                continue;
            }
            if let Some(id) = name.strip_suffix(".ron")
                && !id.is_empty()
            {
                ids.push(id.to_string());
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Files in `partners/` that look meant as partners but will never load: a name
    /// that is not UTF-8, or `.RON` in capitals. Said, rather than silently skipped.
    fn odd_files(&self) -> Vec<LoadError> {
        let Ok(entries) = fs::read_dir(self.root.join(PARTNERS_DIR)) else {
            return Vec::new();
        };
        let mut odd = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    odd.push(LoadError::whole_file(
                        PARTNERS_DIR,
                        format!("an entry cannot be read: {error}"),
                    ));
                    continue;
                }
            };
            let name = entry.file_name();
            match name.to_str() {
                None => odd.push(LoadError::whole_file(
                    &format!("{PARTNERS_DIR}/{}", name.to_string_lossy()),
                    "the file name is not UTF-8 text; rename it to load it",
                )),
                Some(text)
                    if !text.starts_with('.')
                        && !text.ends_with(".ron")
                        && text.to_lowercase().ends_with(".ron") =>
                {
                    odd.push(LoadError::whole_file(
                        &format!("{PARTNERS_DIR}/{text}"),
                        "partner files end in .ron (lower case); rename it to load it",
                    ))
                }
                Some(_) => {}
            }
        }
        odd.sort_by(|a, b| a.file.cmp(&b.file));
        odd
    }

    /// Reads one partner. `Ok((None, errors))` when it did not parse; the errors also
    /// carry the note for a file loaded read-only. A version 1 file is migrated in
    /// memory, its names mapped through the workspace on disk.
    pub fn load_partner(
        &self,
        id: &str,
    ) -> Result<(Option<PartnerFile>, Vec<LoadError>), LoadError> {
        let workspace = || {
            self.read_workspace()
                .ok()
                .and_then(|(parsed, _, _)| parsed.value)
                .unwrap_or_else(|| Workspace::new(""))
        };
        self.read_partner(id, workspace)
            .map(|(partner, errors, _)| (partner, errors))
    }

    fn read_partner(
        &self,
        id: &str,
        workspace: impl FnOnce() -> Workspace,
    ) -> Result<ReadPartner, LoadError> {
        let file = Self::partner_file(id);
        let (bytes, fingerprint) = self.read_bytes(&file)?;
        let (parsed, upgrade) = migrate::read_partner(&file, id, &bytes, workspace);
        let Parsed {
            value,
            read_only,
            errors,
        } = parsed;
        Ok((
            value.map(|partner| PartnerFile {
                id: id.to_string(),
                partner,
                fingerprint: Some(fingerprint),
                read_only,
            }),
            errors,
            upgrade,
        ))
    }

    /// A data file's bytes as read, with its fingerprint. A link that leads outside
    /// the data directory is not followed: nothing from outside is ever read.
    fn read_bytes(&self, file: &str) -> Result<(Arc<Vec<u8>>, Fingerprint), LoadError> {
        let path = self.root.join(file);
        if let Some(problem) = link_problem(&self.root, &path) {
            return Err(LoadError::whole_file(file, problem));
        }
        read_with_fingerprint(&path)
            .map_err(|error| LoadError::whole_file(file, format!("cannot read: {error}")))
    }

    /// The text of a data file, as the loader reads it (links only within the data
    /// directory, without a byte-order mark); `None` when it cannot be read.
    pub fn read_text(&self, file: &str) -> Option<String> {
        let path = self.root.join(file);
        if link_problem(&self.root, &path).is_some() {
            return None;
        }
        let bytes = fs::read(path).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        Some(without_bom(&text).to_string())
    }

    /// Writes a partner's file. `expected` is the fingerprint from when it was read, or
    /// `None` for a new partner (whose file must not exist yet).
    pub fn save_partner(
        &self,
        id: &str,
        partner: &Partner,
        expected: Option<&Fingerprint>,
    ) -> Result<Fingerprint, SaveError> {
        let file = Self::partner_file(id);
        if partner.version > PARTNER_VERSION {
            return Err(SaveError::ReadOnly { file });
        }
        self.create_dir(PARTNERS_DIR)
            .map_err(|error| io_error(&file, error))?;
        self.save_document(&file, partner, PARTNER_VERSION, expected)
    }

    /// Writes `workspace.ron`, with the same rules as `save_partner`.
    pub fn save_workspace(
        &self,
        workspace: &Workspace,
        expected: Option<&Fingerprint>,
    ) -> Result<Fingerprint, SaveError> {
        if workspace.version > WORKSPACE_VERSION {
            return Err(SaveError::ReadOnly {
                file: WORKSPACE_FILE.into(),
            });
        }
        fs::create_dir_all(&self.root).map_err(|error| io_error(WORKSPACE_FILE, error))?;
        self.save_document(WORKSPACE_FILE, workspace, WORKSPACE_VERSION, expected)
    }

    fn save_document<T: Serialize>(
        &self,
        file: &str,
        value: &T,
        known_version: u32,
        expected: Option<&Fingerprint>,
    ) -> Result<Fingerprint, SaveError> {
        let text = format::to_ron(value).map_err(|error| SaveError::Io {
            file: file.to_string(),
            message: format!("cannot serialise: {error}"),
        })?;
        let target =
            resolve_target(&self.root.join(file)).map_err(|error| io_error(file, error))?;
        // Write and flush first (slow); then, under the lock, check and rename (fast),
        // so another session's save cannot land between the check and the rename.
        let prepared = prepare(&target, text.as_bytes()).map_err(|error| io_error(file, error))?;
        let _lock = self.lock(file)?;
        self.check_unchanged(file, &target, known_version, expected)?;
        prepared
            .commit(&target)
            .map_err(|error| io_error(file, error))
    }

    /// Refuses unless the file on disk is exactly what was read (or, for a new file,
    /// that there is none), and was not written by a newer version.
    fn check_unchanged(
        &self,
        file: &str,
        target: &Path,
        known_version: u32,
        expected: Option<&Fingerprint>,
    ) -> Result<(), SaveError> {
        let conflict = |why: &str, seen: Option<Fingerprint>| SaveError::Conflict {
            file: file.to_string(),
            why: why.to_string(),
            fields: Vec::new(),
            seen,
        };
        match (read_with_fingerprint(target), expected) {
            (Ok((bytes, current)), Some(expected)) => {
                if file_version(&bytes).is_some_and(|version| version > known_version) {
                    return Err(SaveError::ReadOnly {
                        file: file.to_string(),
                    });
                }
                if current.same_content(expected) {
                    Ok(())
                } else {
                    Err(conflict(
                        "changed on disk since it was loaded",
                        Some(current),
                    ))
                }
            }
            (Ok((_, current)), None) => {
                Err(conflict("was created on disk meanwhile", Some(current)))
            }
            (Err(error), None) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            (Err(error), Some(_)) if error.kind() == io::ErrorKind::NotFound => Err(conflict(
                "was deleted or moved on disk since it was loaded",
                None,
            )),
            (Err(error), _) => Err(io_error(file, error)),
        }
    }
}

impl Store {
    /// Creates `dir` (relative to the data directory) and its missing parents,
    /// shared with the data directory's group like every file in it.
    fn create_dir(&self, dir: &str) -> io::Result<()> {
        share::create_dir_shared(&self.root, &self.root.join(dir))
    }
}

fn io_error(file: &str, error: io::Error) -> SaveError {
    SaveError::Io {
        file: file.to_string(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_refs_pair_each_id_with_its_partner_in_order() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let file = |id: &str, name: &str| PartnerFile {
            id: id.into(),
            partner: Partner::new(name, "", "", "prospect", day),
            fingerprint: None,
            read_only: false,
        };
        let snapshot = Snapshot {
            workspace: Workspace::new("T"),
            workspace_fingerprint: None,
            workspace_read_only: false,
            partners: vec![file("a", "Alpha"), file("b", "Beta")],
            errors: Vec::new(),
            upgrades: Vec::new(),
        };
        let refs: Vec<(&str, &str)> = snapshot
            .partner_refs()
            .into_iter()
            .map(|(id, partner)| (id, partner.name.as_str()))
            .collect();
        assert_eq!(refs, [("a", "Alpha"), ("b", "Beta")]);
    }
}
