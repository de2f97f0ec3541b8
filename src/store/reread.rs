//! Reading one document again after a file event, and telling first whether it
//! holds anything new: a file whose bytes are the ones already known (this
//! session's own save coming back, a file touched but not changed) is read once to
//! compare and then left alone — never parsed, reloaded or reported.

use std::fs;
use std::io;

use super::files::Fingerprint;
use super::parse::{LoadError, Parsed};
use super::{PartnerFile, Store, WORKSPACE_FILE, migrate};
use crate::domain::Workspace;

/// A document read again.
#[derive(Debug)]
pub enum Reread<T> {
    /// The file holds exactly the bytes already known (or is absent, as known).
    Same,
    /// The file is not there.
    Gone,
    /// Other bytes than those known.
    Changed(Fresh<T>),
}

/// What a changed file holds now.
#[derive(Debug)]
pub struct Fresh<T> {
    /// The document, when it loads; `None` when it does not (then `errors` say
    /// why, and what was loaded before should stay).
    pub value: Option<T>,
    /// Problems with the file as it is now: they replace any listed for it before.
    pub errors: Vec<LoadError>,
    /// The bytes now on disk; `None` when the file cannot be read at all.
    pub fingerprint: Option<Fingerprint>,
    /// Written by a newer pactboard: shown, never saved.
    pub read_only: bool,
}

impl Store {
    /// Reads partner `id` again unless its file still holds the bytes `known`
    /// describes (`None`: no file was known). A version 1 file is migrated through
    /// the workspace on disk, as at load.
    pub fn reread_partner(&self, id: &str, known: Option<&Fingerprint>) -> Reread<PartnerFile> {
        let file = Store::partner_file(id);
        let workspace = || {
            self.read_workspace()
                .ok()
                .and_then(|(parsed, _, _)| parsed.value)
                .unwrap_or_else(|| Workspace::new(""))
        };
        self.reread(&file, known, |bytes| {
            migrate::read_partner(&file, id, bytes, workspace).0
        })
        .map(|partner, fingerprint, read_only| PartnerFile {
            id: id.to_string(),
            partner,
            fingerprint: Some(fingerprint),
            read_only,
        })
    }

    /// Reads `workspace.ron` again unless it still holds the bytes `known` describes.
    pub fn reread_workspace(&self, known: Option<&Fingerprint>) -> Reread<Workspace> {
        self.reread(WORKSPACE_FILE, known, |bytes| {
            migrate::read_workspace(WORKSPACE_FILE, bytes).0
        })
        .map(|workspace, _, _| workspace)
    }

    fn reread<T>(
        &self,
        file: &str,
        known: Option<&Fingerprint>,
        parse: impl FnOnce(&[u8]) -> Parsed<T>,
    ) -> Reread<T> {
        match fs::symlink_metadata(self.root.join(file)) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return if known.is_none() {
                    Reread::Same
                } else {
                    Reread::Gone
                };
            }
            _ => {}
        }
        let (bytes, fingerprint) = match self.read_bytes(file) {
            Ok(read) => read,
            Err(error) => {
                return Reread::Changed(Fresh {
                    value: None,
                    errors: vec![error],
                    fingerprint: None,
                    read_only: false,
                });
            }
        };
        if known.is_some_and(|known| known.same_content(&fingerprint)) {
            return Reread::Same;
        }
        let Parsed {
            value,
            read_only,
            errors,
        } = parse(&bytes);
        Reread::Changed(Fresh {
            value,
            errors,
            fingerprint: Some(fingerprint),
            read_only,
        })
    }
}

impl<T> Reread<T> {
    /// The same, with the document made into a `U` from it, its fingerprint and
    /// whether it is read-only.
    fn map<U>(self, make: impl FnOnce(T, Fingerprint, bool) -> U) -> Reread<U> {
        match self {
            Reread::Same => Reread::Same,
            Reread::Gone => Reread::Gone,
            Reread::Changed(fresh) => {
                let value = match (fresh.value, fresh.fingerprint.clone()) {
                    (Some(value), Some(fingerprint)) => {
                        Some(make(value, fingerprint, fresh.read_only))
                    }
                    _ => None,
                };
                Reread::Changed(Fresh {
                    value,
                    errors: fresh.errors,
                    fingerprint: fresh.fingerprint,
                    read_only: fresh.read_only,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(partner: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("partners")).unwrap();
        fs::write(dir.path().join("partners/acme.ron"), partner).unwrap();
        let store = Store::new(dir.path());
        (dir, store)
    }

    fn acme(name: &str) -> String {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let partner = crate::domain::Partner::new(name, "startup", "maya", "prospect", day);
        super::super::format::to_ron(&partner).unwrap()
    }

    #[test]
    fn the_bytes_already_known_are_no_change() {
        let (_dir, store) = store_with(&acme("Acme"));
        let Reread::Changed(first) = store.reread_partner("acme", None) else {
            panic!("a file not known before is new")
        };
        let loaded = first.value.expect("it loads");
        assert!(first.errors.is_empty(), "{:?}", first.errors);
        let known = loaded.fingerprint.clone();
        assert!(matches!(
            store.reread_partner("acme", known.as_ref()),
            Reread::Same
        ));
        fs::write(store.root().join("partners/acme.ron"), acme("Acme Ltd")).unwrap();
        let Reread::Changed(fresh) = store.reread_partner("acme", known.as_ref()) else {
            panic!("new bytes are a change")
        };
        assert_eq!(fresh.value.unwrap().partner.name, "Acme Ltd");
        fs::remove_file(store.root().join("partners/acme.ron")).unwrap();
        assert!(matches!(
            store.reread_partner("acme", known.as_ref()),
            Reread::Gone
        ));
        assert!(matches!(store.reread_partner("acme", None), Reread::Same));
    }

    #[test]
    fn a_file_that_does_not_load_is_known_by_its_bytes_too() {
        let (_dir, store) = store_with("(version: 2, name: ");
        let Reread::Changed(broken) = store.reread_partner("acme", None) else {
            panic!("new")
        };
        assert!(broken.value.is_none());
        assert!(!broken.errors.is_empty());
        let seen = broken.fingerprint.expect("it could be read");
        assert!(matches!(
            store.reread_partner("acme", Some(&seen)),
            Reread::Same
        ));
    }
}
