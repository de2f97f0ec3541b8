//! Saving that merges instead of refusing: when the file changed on disk since it
//! was loaded, the edit is merged three-way against the version it was loaded as
//! (kept in its fingerprint) and what is on disk now, all under the directory's
//! lock. Only a real clash — one field changed both ways — or a file that can no
//! longer be read writes nothing.

use std::io;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::files::{Fingerprint, prepare, read_with_fingerprint, resolve_target};
use super::merge::{Keep, Merged, merge, resolve};
use super::parse::{Parsed, file_version};
use super::{PARTNER_VERSION, SaveError, Store, WORKSPACE_FILE, WORKSPACE_VERSION, io_error};
use crate::domain::{Partner, Workspace};

/// How fields changed both here and on disk are settled.
#[derive(Clone, Copy)]
enum Clash<'a> {
    /// Not at all: the save is refused, listing them.
    Refuse,
    Keep(Keep),
    /// Each to the text typed for it, by its place in the list of clashes.
    Typed(&'a [(usize, String)]),
}

impl From<Option<Keep>> for Clash<'_> {
    fn from(keep: Option<Keep>) -> Self {
        keep.map_or(Clash::Refuse, Clash::Keep)
    }
}

/// A save that happened.
#[derive(Debug, Clone)]
pub struct Saved<T> {
    /// The file as written (or, when the merge found nothing left to write, as it
    /// is): what the next save compares against.
    pub fingerprint: Fingerprint,
    /// Set when the file had changed on disk and the edit was merged into it: the
    /// document as it now is on disk, to take in place of the one in memory.
    pub merged: Option<Merged<T>>,
}

impl Store {
    /// Writes a partner's file, merging with changes made on disk since `expected`
    /// was read. `clash` settles fields changed both ways; `None` refuses them as a
    /// `SaveError::Conflict` listing each, and writes nothing.
    pub fn save_partner_merging(
        &self,
        id: &str,
        partner: &Partner,
        expected: Option<&Fingerprint>,
        clash: Option<Keep>,
    ) -> Result<Saved<Partner>, SaveError> {
        self.save_partner_settling(id, partner, expected, clash.into())
    }

    /// Writes a partner's file after a clash, each clashing field set to the text
    /// typed for it (`typed`: its place in the clash's list, and the text); the rest
    /// merges as usual. The file may have changed again meanwhile: the clash is
    /// then found anew, and a place that no longer fits is an error.
    pub fn save_partner_resolved(
        &self,
        id: &str,
        partner: &Partner,
        expected: Option<&Fingerprint>,
        typed: &[(usize, String)],
    ) -> Result<Saved<Partner>, SaveError> {
        self.save_partner_settling(id, partner, expected, Clash::Typed(typed))
    }

    fn save_partner_settling(
        &self,
        id: &str,
        partner: &Partner,
        expected: Option<&Fingerprint>,
        clash: Clash,
    ) -> Result<Saved<Partner>, SaveError> {
        let file = Store::partner_file(id);
        if partner.version > PARTNER_VERSION {
            return Err(SaveError::ReadOnly { file });
        }
        self.create_dir(super::PARTNERS_DIR)
            .map_err(|error| io_error(&file, error))?;
        let parse = |bytes: &[u8]| {
            super::migrate::read_partner(&file, id, bytes, || {
                self.read_workspace()
                    .ok()
                    .and_then(|(parsed, _, _)| parsed.value)
                    .unwrap_or_else(|| Workspace::new(""))
            })
            .0
        };
        self.save_merging(&file, partner, PARTNER_VERSION, expected, clash, parse)
    }

    /// Writes `workspace.ron` with the same rules as `save_partner_merging`.
    pub fn save_workspace_merging(
        &self,
        workspace: &Workspace,
        expected: Option<&Fingerprint>,
        clash: Option<Keep>,
    ) -> Result<Saved<Workspace>, SaveError> {
        self.save_workspace_settling(workspace, expected, clash.into())
    }

    /// Writes `workspace.ron` after a clash, as `save_partner_resolved`.
    pub fn save_workspace_resolved(
        &self,
        workspace: &Workspace,
        expected: Option<&Fingerprint>,
        typed: &[(usize, String)],
    ) -> Result<Saved<Workspace>, SaveError> {
        self.save_workspace_settling(workspace, expected, Clash::Typed(typed))
    }

    fn save_workspace_settling(
        &self,
        workspace: &Workspace,
        expected: Option<&Fingerprint>,
        clash: Clash,
    ) -> Result<Saved<Workspace>, SaveError> {
        if workspace.version > WORKSPACE_VERSION {
            return Err(SaveError::ReadOnly {
                file: WORKSPACE_FILE.into(),
            });
        }
        let parse = |bytes: &[u8]| super::migrate::read_workspace(WORKSPACE_FILE, bytes).0;
        self.save_merging(
            WORKSPACE_FILE,
            workspace,
            WORKSPACE_VERSION,
            expected,
            clash,
            parse,
        )
    }

    fn save_merging<T: Serialize + DeserializeOwned>(
        &self,
        file: &str,
        value: &T,
        known_version: u32,
        expected: Option<&Fingerprint>,
        clash: Clash,
        parse: impl Fn(&[u8]) -> Parsed<T>,
    ) -> Result<Saved<T>, SaveError> {
        let text = super::format::to_ron(value).map_err(|error| SaveError::Io {
            file: file.to_string(),
            message: format!("cannot serialise: {error}"),
        })?;
        let target =
            resolve_target(&self.root.join(file)).map_err(|error| io_error(file, error))?;
        // As in `save_document`: write and flush first, then check and rename under
        // the lock. Only a merge writes while holding it.
        let prepared = prepare(&target, text.as_bytes()).map_err(|error| io_error(file, error))?;
        let _lock = self.lock(file)?;
        let conflict = |why: &str, seen: Option<&Fingerprint>| SaveError::Conflict {
            file: file.to_string(),
            why: why.to_string(),
            fields: Vec::new(),
            seen: seen.cloned(),
        };
        let (theirs_bytes, current) = match (read_with_fingerprint(&target), expected) {
            (Err(error), None) if error.kind() == io::ErrorKind::NotFound => {
                return commit(prepared, &target, file);
            }
            (Err(error), Some(_)) if error.kind() == io::ErrorKind::NotFound => {
                return Err(conflict(
                    "was deleted or moved on disk since it was loaded",
                    None,
                ));
            }
            (Err(error), _) => return Err(io_error(file, error)),
            (Ok((_, current)), None) => {
                return Err(conflict("was created on disk meanwhile", Some(&current)));
            }
            (Ok((bytes, current)), Some(expected)) => {
                if file_version(&bytes).is_some_and(|version| version > known_version) {
                    return Err(SaveError::ReadOnly {
                        file: file.to_string(),
                    });
                }
                if current.same_content(expected) {
                    return commit(prepared, &target, file);
                }
                (bytes, current)
            }
        };
        drop(prepared);
        let seen = Some(&current);
        let expected = expected.ok_or_else(|| conflict("changed on disk", seen))?;
        let base = expected
            .base()
            .and_then(|bytes| parse(bytes).value)
            .ok_or_else(|| {
                conflict("changed on disk, and the version loaded is not known", seen)
            })?;
        let theirs = parse(&theirs_bytes);
        if theirs.read_only {
            return Err(SaveError::ReadOnly {
                file: file.to_string(),
            });
        }
        let Some(theirs) = theirs.value else {
            let why = theirs
                .errors
                .first()
                .map(|error| format!("{}:{}: {}", error.line, error.column, error.message))
                .unwrap_or_default();
            return Err(conflict(
                &format!("changed on disk and does not load now ({why}); fix it first"),
                seen,
            ));
        };
        let keep = match clash {
            Clash::Keep(keep) => keep,
            Clash::Refuse | Clash::Typed(_) => Keep::Theirs,
        };
        let mut merged = merge(&base, value, &theirs, keep).map_err(|error| {
            conflict(
                &format!("changed on disk and cannot be merged: {}", error.0),
                seen,
            )
        })?;
        if let Clash::Typed(typed) = clash {
            merged.value =
                resolve(&base, value, &theirs, typed).map_err(|why| SaveError::Conflict {
                    file: file.to_string(),
                    why: format!("was not written: {why}"),
                    fields: merged.conflicts.clone(),
                    seen: seen.cloned(),
                })?;
        }
        if matches!(clash, Clash::Refuse) && !merged.conflicts.is_empty() {
            return Err(SaveError::Conflict {
                file: file.to_string(),
                why: clash_words(&merged.conflicts),
                fields: merged.conflicts,
                seen: seen.cloned(),
            });
        }
        let text = super::format::to_ron(&merged.value).map_err(|error| SaveError::Io {
            file: file.to_string(),
            message: format!("cannot serialise: {error}"),
        })?;
        let fingerprint = if text.as_bytes() == theirs_bytes.as_slice() {
            // Everything of ours is there already.
            current
        } else {
            prepare(&target, text.as_bytes())
                .and_then(|prepared| prepared.commit(&target))
                .map_err(|error| io_error(file, error))?
        };
        Ok(Saved {
            fingerprint,
            merged: Some(merged),
        })
    }
}

fn commit<T>(
    prepared: super::files::Prepared,
    target: &Path,
    file: &str,
) -> Result<Saved<T>, SaveError> {
    let fingerprint = prepared
        .commit(target)
        .map_err(|error| io_error(file, error))?;
    Ok(Saved {
        fingerprint,
        merged: None,
    })
}

/// "summary was changed both here and on disk (here “A”, on disk “B”)", or for
/// several, their names.
fn clash_words(conflicts: &[super::FieldConflict]) -> String {
    match conflicts {
        [one] => format!(
            "changed on disk: {} was changed both here (“{}”) and there (“{}”)",
            one.path, one.mine, one.theirs
        ),
        many => format!(
            "changed on disk: {} fields were changed both here and there ({})",
            many.len(),
            many.iter()
                .map(|conflict| conflict.path.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
