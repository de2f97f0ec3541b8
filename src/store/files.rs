//! Low-level file handling for the store: fingerprints for change detection, and the
//! atomic write that keeps the old file or the new one, never half of one.

use std::fs::{self, File};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the store saw of a file when it read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Self {
            len: bytes.len() as u64,
            modified,
            hash: hasher.finish(),
        }
    }

    /// Whether two fingerprints describe the same content. The modification time is
    /// not compared: a file touched but not changed loses nothing when overwritten.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Reads a file and fingerprints exactly the bytes read.
pub fn read_with_fingerprint(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let mut file = File::open(path)?;
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    let fingerprint = Fingerprint::of(&bytes, modified);
    Ok((bytes, fingerprint))
}

/// The file a data path really names: a symlink is followed to its target, so the
/// target is replaced and the link stays a link.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path)?;
            let target = if target.is_absolute() {
                target
            } else {
                path.parent().unwrap_or(Path::new(".")).join(target)
            };
            match fs::symlink_metadata(&target) {
                Ok(meta) if meta.file_type().is_symlink() => resolve_target(&target),
                Ok(meta) if !meta.is_file() => Err(io::Error::other(format!(
                    "{} is a link to {}, which is not a regular file",
                    path.display(),
                    target.display()
                ))),
                _ => Ok(target),
            }
        }
        Ok(meta) if !meta.is_file() => Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        ))),
        _ => Ok(path.to_path_buf()),
    }
}

/// Writes `bytes` to `target` atomically: a temporary file in the same directory is
/// written, flushed to disk and renamed over the target, then the directory is synced.
///
/// The new file keeps the permission bits and group of the file it replaces (on a
/// shared server, a teammate must not lose access after someone saves); a new file
/// gets `0666` less the umask, like any file the user creates.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let existing = fs::metadata(target).ok();
    let mut temp = tempfile::Builder::new()
        .prefix(".pactboard-")
        .suffix(".tmp")
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    if let Some(meta) = &existing {
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777))?;
        if meta.gid() != temp.as_file().metadata()?.gid() {
            // Only possible when we belong to that group; otherwise the directory's
            // group (setgid directories) or ours applies, as for any new file.
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(meta.gid()));
        }
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let file = temp.persist(target).map_err(|error| error.error)?;
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    sync_dir(dir)?;
    Ok(Fingerprint::of(bytes, modified))
}

/// Makes a rename in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_compare_content_not_time() {
        let a = Fingerprint::of(b"abc", None);
        let b = Fingerprint::of(b"abc", Some(SystemTime::now()));
        assert!(a.same_content(&b));
        assert!(!a.same_content(&Fingerprint::of(b"abd", None)));
    }

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn mode_is_kept_and_new_files_follow_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        write_atomically(&path, b"one").unwrap();
        let fresh = fs::metadata(&path).unwrap().mode() & 0o777;
        assert_ne!(fresh, 0o600, "not tempfile's private default");
        assert_eq!(fresh & 0o600, 0o600);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o664);
    }

    #[test]
    fn writing_through_a_symlink_replaces_the_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        let target = resolve_target(&link).unwrap();
        write_atomically(&target, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(resolve_target(dir.path()).is_err());
    }
}
