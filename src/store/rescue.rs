//! Rescue copies: an edit that could not be written goes to
//! `.trash/unsaved-<document>-<user>-<moment>.ron`, a name no two sessions or two
//! moments share, and a copy is never written over an existing file — so the
//! path a message names is always the copy of that very edit.

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::drafts::file_safe;
use super::files::prepare;
use super::{SaveError, Store, TRASH_DIR, io_error};

impl Store {
    /// Writes `value` as a rescue copy of document `stem` (`workspace`, or a
    /// partner's id) for `user` at `at`, as `.trash/unsaved-<stem>-<user>-<YYYYMMDDTHHMMSS>.ron`
    /// (`-2`, `-3`… when that name is taken), and returns its path. `Err` means no
    /// copy exists — a caller must then never say there is one.
    pub fn rescue<T: Serialize>(
        &self,
        stem: &str,
        user: &str,
        at: chrono::NaiveDateTime,
        value: &T,
    ) -> Result<PathBuf, SaveError> {
        let prefix = format!(
            "unsaved-{}-{}-{}",
            file_safe(stem),
            file_safe(user),
            at.format("%Y%m%dT%H%M%S")
        );
        let file = format!("{TRASH_DIR}/{prefix}.ron");
        let text = super::format::to_ron(value).map_err(|error| SaveError::Io {
            file: file.clone(),
            message: format!("cannot serialise: {error}"),
        })?;
        self.create_dir(TRASH_DIR)
            .map_err(|error| io_error(&file, error))?;
        let trash = self.root.join(TRASH_DIR);
        let mut prepared = prepare(&self.root.join(&file), text.as_bytes())
            .map_err(|error| io_error(&file, error))?;
        for n in 1..1000 {
            let name = match n {
                1 => format!("{prefix}.ron"),
                n => format!("{prefix}-{n}.ron"),
            };
            let path = trash.join(&name);
            match prepared.commit_new(&path) {
                Ok(()) => return Ok(path),
                Err((back, error)) if error.kind() == io::ErrorKind::AlreadyExists => {
                    prepared = back;
                }
                Err((_, error)) => return Err(io_error(&format!("{TRASH_DIR}/{name}"), error)),
            }
        }
        Err(io_error(
            &file,
            io::Error::other("a thousand copies of this name exist already"),
        ))
    }

    /// Drops a rescue copy this session made, once its edit is on disk for real.
    /// Only `.trash/unsaved-*.ron` files are ever removed.
    pub fn clear_rescue(&self, path: &Path) {
        let trash = self.root.join(TRASH_DIR);
        let ours = path.parent() == Some(trash.as_path())
            && path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("unsaved-") && name.ends_with(".ron"));
        if ours {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use std::os::unix::fs::PermissionsExt;

    fn moment() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(9, 30, 5)
            .unwrap()
    }

    // Defect 1 of issue 16: a second session's copy replaced the first one's.
    #[test]
    fn rescue_copies_of_one_document_never_overwrite_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut first_edit = Workspace::new("First");
        first_edit.name = "Maya's edit".into();
        let second_edit = Workspace::new("Lee's edit");
        let first = store
            .rescue("workspace", "maya", moment(), &first_edit)
            .unwrap();
        let second = store
            .rescue("workspace", "maya", moment(), &second_edit)
            .unwrap();
        let other = store
            .rescue("workspace", "../lee x", moment(), &second_edit)
            .unwrap();
        let name = |path: &Path| path.file_name().unwrap().to_str().unwrap().to_string();
        assert_eq!(name(&first), "unsaved-workspace-maya-20261128T093005.ron");
        assert_eq!(
            name(&second),
            "unsaved-workspace-maya-20261128T093005-2.ron"
        );
        assert_eq!(
            name(&other),
            "unsaved-workspace-lee_x-20261128T093005.ron",
            "a user name cannot leave the trash or hide the file"
        );
        assert!(
            std::fs::read_to_string(&first)
                .unwrap()
                .contains("Maya's edit")
        );
        assert!(
            std::fs::read_to_string(&second)
                .unwrap()
                .contains("Lee's edit")
        );
        store.clear_rescue(&first);
        assert!(!first.exists());
        let outside = dir.path().join("workspace.ron");
        std::fs::write(&outside, "keep").unwrap();
        store.clear_rescue(&outside);
        assert!(outside.exists(), "only rescue copies are ever removed");
    }

    #[test]
    fn a_rescue_that_cannot_be_written_is_an_error_not_a_path() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the trash directory should be: no copy can be written,
        // whoever runs the test.
        std::fs::write(dir.path().join(TRASH_DIR), "").unwrap();
        let store = Store::new(dir.path());
        let error = store
            .rescue("acme", "maya", moment(), &Workspace::new("A"))
            .unwrap_err();
        assert!(error.to_string().contains(".trash"), "{error}");
    }

    #[test]
    fn rescue_copies_are_shared_with_the_group() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o2770)).unwrap();
        let store = Store::new(dir.path());
        let path = store
            .rescue("acme", "maya", moment(), &Workspace::new("A"))
            .unwrap();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o060, 0o060);
        assert_eq!(
            std::fs::metadata(dir.path().join(TRASH_DIR))
                .unwrap()
                .mode()
                & 0o2070,
            0o2070
        );
    }
}
