//! Moving files out of the way without deleting them: a deleted partner goes to
//! `.trash/`, and `init --force` moves there every file it would replace.

use std::fmt;
use std::fs;
use std::io;
use std::path::PathBuf;

use super::files::sync_dir;
use super::{
    Fingerprint, PARTNER_VERSION, PARTNERS_DIR, Partner, SaveError, Store, TRASH_DIR,
    WORKSPACE_FILE, Workspace, io_error,
};

impl Store {
    /// Moves a partner's file to `.trash/<id>-<timestamp>.ron`; nothing is unlinked.
    /// Refuses, like a save, when the file changed since it was read.
    pub fn trash_partner(&self, id: &str, expected: &Fingerprint) -> Result<PathBuf, SaveError> {
        let file = Self::partner_file(id);
        let source = self.root.join(&file);
        let _lock = self.lock(&file)?;
        self.check_unchanged(&file, &source, PARTNER_VERSION, Some(expected))?;
        self.move_to_trash(&file, id)
    }

    fn move_to_trash(&self, file: &str, stem: &str) -> Result<PathBuf, SaveError> {
        let trash = self.root.join(TRASH_DIR);
        self.create_dir(TRASH_DIR)
            .map_err(|error| io_error(file, error))?;
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S").to_string();
        let destination = (1..)
            .map(|n| match n {
                1 => trash.join(format!("{stem}-{stamp}.ron")),
                n => trash.join(format!("{stem}-{stamp}-{n}.ron")),
            })
            .find(|candidate| fs::symlink_metadata(candidate).is_err())
            .unwrap_or_else(|| trash.join(format!("{stem}-{stamp}.ron")));
        let source = self.root.join(file);
        fs::rename(&source, &destination).map_err(|error| io_error(file, error))?;
        if let Some(parent) = source.parent() {
            sync_dir(parent).map_err(|error| io_error(file, error))?;
        }
        sync_dir(&trash).map_err(|error| io_error(file, error))?;
        Ok(destination)
    }

    /// Creates a workspace in `self.root`: `workspace.ron` and one file per partner.
    /// Refuses a non-empty directory unless `force`; with `force`, any file it would
    /// replace is moved to `.trash/` first.
    pub fn init(
        &self,
        workspace: &Workspace,
        partners: &[(String, Partner)],
        force: bool,
    ) -> Result<(), InitError> {
        let occupied = match fs::read_dir(&self.root) {
            Ok(mut entries) => entries.next().is_some(),
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(error) => return Err(InitError::Save(io_error(".", error))),
        };
        if occupied && !force {
            return Err(InitError::NotEmpty(self.root.clone()));
        }
        fs::create_dir_all(&self.root)
            .and_then(|()| self.create_dir(PARTNERS_DIR))
            .map_err(|error| InitError::Save(io_error(PARTNERS_DIR, error)))?;
        let files = std::iter::once((WORKSPACE_FILE.to_string(), "workspace".to_string())).chain(
            partners
                .iter()
                .map(|(id, _)| (Self::partner_file(id), id.clone())),
        );
        for (file, stem) in files {
            if fs::symlink_metadata(self.root.join(&file)).is_ok() {
                self.move_to_trash(&file, &stem).map_err(InitError::Save)?;
            }
        }
        self.save_workspace(workspace, None)
            .map_err(InitError::Save)?;
        for (id, partner) in partners {
            self.save_partner(id, partner, None)
                .map_err(InitError::Save)?;
        }
        Ok(())
    }
}

#[derive(Debug)]
pub enum InitError {
    NotEmpty(PathBuf),
    Save(SaveError),
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitError::NotEmpty(dir) => write!(
                f,
                "{} is not empty; use --force to write into it anyway (files it replaces go to {TRASH_DIR}/)",
                dir.display()
            ),
            InitError::Save(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for InitError {}
