//! The draft store: typed-but-unsaved text (an open form, a check-in page) kept as
//! `.drafts/<user>/<key>.ron` under the data directory, so a dropped connection
//! loses nothing and the next start by that user can offer it back. Drafts are
//! written atomically and shared with the directory's group like every file here,
//! and live apart from the partner files: nothing loads them as data and `check`
//! never reads them.

use std::fs;
use std::io;
use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::files::prepare;
use super::{DRAFTS_DIR, LoadError, SaveError, Store, io_error};

/// `text` as part of a file name: ASCII letters, digits, `.`, `_` and `-` kept,
/// anything else `_`, no leading dot or dash (so never hidden, never `..`), at most
/// 48 characters; `unknown` when nothing is left. A user name can never lead
/// outside the directory it names a file in.
pub fn file_safe(text: &str) -> String {
    let safe: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe: String = safe
        .trim_start_matches(['.', '_', '-'])
        .chars()
        .take(48)
        .collect();
    if safe.is_empty() {
        "unknown".into()
    } else {
        safe
    }
}

/// One data directory's drafts.
#[derive(Debug, Clone)]
pub struct Drafts {
    root: PathBuf,
    store: Store,
}

impl Store {
    pub fn drafts(&self) -> Drafts {
        Drafts {
            root: self.root.join(DRAFTS_DIR),
            store: self.clone(),
        }
    }
}

impl Drafts {
    /// The directory of `user`'s drafts, relative to the data directory.
    fn user_dir(user: &str) -> String {
        format!("{DRAFTS_DIR}/{}", file_safe(user))
    }

    /// The file of draft `key`, relative to the data directory (as messages show it).
    pub fn file(user: &str, key: &str) -> String {
        format!("{}/{}.ron", Self::user_dir(user), file_safe(key))
    }

    /// Writes (or replaces) `user`'s draft `key`, atomically.
    pub fn save<T: Serialize>(&self, user: &str, key: &str, value: &T) -> Result<(), SaveError> {
        let file = Self::file(user, key);
        let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).map_err(
            |error| SaveError::Io {
                file: file.clone(),
                message: format!("cannot serialise: {error}"),
            },
        )?;
        self.store
            .create_dir(&Self::user_dir(user))
            .map_err(|error| io_error(&file, error))?;
        let path = self.store.root().join(&file);
        prepare(&path, format!("{text}\n").as_bytes())
            .and_then(|prepared| prepared.commit(&path))
            .map(|_| ())
            .map_err(|error| io_error(&file, error))
    }

    /// `user`'s draft `key`: `Ok(None)` when there is none, an error when it exists
    /// but cannot be read as a `T` (say so, and leave the file alone).
    pub fn load<T: DeserializeOwned>(&self, user: &str, key: &str) -> Result<Option<T>, LoadError> {
        let file = Self::file(user, key);
        let text = match fs::read_to_string(self.store.root().join(&file)) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => {
                return Err(LoadError::whole_file(
                    &file,
                    format!("cannot read: {error}"),
                ));
            }
        };
        ron::Options::default()
            .from_str::<T>(&text)
            .map(Some)
            .map_err(|error| {
                LoadError::at(
                    &file,
                    error.span.start.line.max(1),
                    error.span.start.col.max(1),
                    format!("not a draft this pactboard can read: {}", error.code),
                )
            })
    }

    /// The keys of `user`'s drafts, sorted (in their file-safe form).
    pub fn list(&self, user: &str) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.root.join(file_safe(user))) else {
            return Vec::new();
        };
        let mut keys: Vec<String> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_str()?.to_string();
                let key = name.strip_suffix(".ron")?;
                (!key.starts_with('.') && !key.is_empty()).then(|| key.to_string())
            })
            .collect();
        keys.sort();
        keys
    }

    /// Deletes `user`'s draft `key`; one that is not there is fine.
    pub fn remove(&self, user: &str, key: &str) -> Result<(), SaveError> {
        let file = Self::file(user, key);
        match fs::remove_file(self.store.root().join(&file)) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(io_error(&file, error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    type Form = BTreeMap<String, String>;

    fn form(summary: &str) -> Form {
        [("summary".to_string(), summary.to_string())].into()
    }

    #[test]
    fn drafts_save_load_list_and_remove_per_user() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Store::new(dir.path()).drafts();
        assert_eq!(drafts.load::<Form>("maya", "form").unwrap(), None);
        drafts
            .save("maya", "form", &form("half a thought"))
            .unwrap();
        drafts.save("maya", "checkin-acme", &form("x")).unwrap();
        drafts.save("lee", "form", &form("lee's")).unwrap();
        drafts
            .save("maya", "form", &form("a whole thought"))
            .unwrap();
        assert_eq!(
            drafts.load::<Form>("maya", "form").unwrap(),
            Some(form("a whole thought"))
        );
        assert_eq!(drafts.list("maya"), vec!["checkin-acme", "form"]);
        assert_eq!(drafts.list("lee"), vec!["form"]);
        assert!(drafts.list("nobody").is_empty());
        drafts.remove("maya", "form").unwrap();
        drafts.remove("maya", "form").unwrap();
        assert_eq!(drafts.list("maya"), vec!["checkin-acme"]);
        assert_eq!(
            drafts.load::<Form>("lee", "form").unwrap(),
            Some(form("lee's"))
        );
    }

    #[test]
    fn a_user_name_never_leads_outside_the_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Store::new(dir.path()).drafts();
        for user in ["../../etc", "/abs", ".hidden", "", "a/b", "é"] {
            drafts.save(user, "../key", &form("x")).unwrap();
            let file = Drafts::file(user, "../key");
            assert!(file.starts_with(".drafts/"), "{file}");
            assert!(!file.contains(".."), "{file}");
            assert_eq!(file.matches('/').count(), 2, "{file}");
            assert!(dir.path().join(&file).exists());
        }
        assert!(!dir.path().join("etc").exists());
    }

    #[test]
    fn a_damaged_draft_is_an_error_that_names_it_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Store::new(dir.path()).drafts();
        drafts.save("maya", "form", &form("x")).unwrap();
        let path = dir.path().join(Drafts::file("maya", "form"));
        fs::write(&path, "{ \"summary\": ").unwrap();
        let error = drafts.load::<Form>("maya", "form").unwrap_err();
        assert_eq!(error.file, ".drafts/maya/form.ron");
        assert!(path.exists());
    }

    #[test]
    fn drafts_are_shared_with_the_group() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).unwrap();
        let drafts = Store::new(dir.path()).drafts();
        drafts.save("maya", "form", &form("x")).unwrap();
        for path in [".drafts", ".drafts/maya"] {
            let mode = fs::metadata(dir.path().join(path)).unwrap().mode();
            assert_eq!(mode & 0o2070, 0o2070, "{path}: {mode:o}");
        }
        let mode = fs::metadata(dir.path().join(".drafts/maya/form.ron"))
            .unwrap()
            .mode();
        assert_eq!(mode & 0o060, 0o060, "{mode:o}");
    }
}
