//! Low-level file handling for the store: fingerprints for change detection, and the
//! atomic write that keeps the old file or the new one, never half of one.

use std::fmt;
use std::fs::{self, File};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::share::share_new_file;

/// What the store saw of a file when it read it — and the bytes themselves, the
/// version it was loaded as, which a save that meets a changed file merges against.
#[derive(Clone)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
    base: Option<Arc<Vec<u8>>>,
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fingerprint")
            .field("len", &self.len)
            .field("modified", &self.modified)
            .field("hash", &self.hash)
            .finish_non_exhaustive()
    }
}

/// Two fingerprints are equal when they saw the same file at the same moment; the
/// kept bytes follow from that and are not compared again.
impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.modified == other.modified && self.hash == other.hash
    }
}

impl Eq for Fingerprint {}

impl Fingerprint {
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        Self {
            len: bytes.len() as u64,
            modified,
            hash: hasher.finish(),
            base: None,
        }
    }

    /// The fingerprint of `bytes`, keeping them as the base of a later merge.
    pub fn keeping(bytes: Arc<Vec<u8>>, modified: Option<SystemTime>) -> Self {
        Self {
            base: Some(bytes.clone()),
            ..Self::of(&bytes, modified)
        }
    }

    /// The file's content as it was read or written, when it was kept.
    pub fn base(&self) -> Option<&[u8]> {
        self.base.as_deref().map(Vec::as_slice)
    }

    /// Whether two fingerprints describe the same content. The modification time is
    /// not compared: a file touched but not changed loses nothing when overwritten.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Reads a file and fingerprints exactly the bytes read, keeping them as the base.
pub fn read_with_fingerprint(path: &Path) -> io::Result<(Arc<Vec<u8>>, Fingerprint)> {
    let mut file = File::open(path)?;
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    let bytes = Arc::new(bytes);
    let fingerprint = Fingerprint::keeping(bytes.clone(), modified);
    Ok((bytes, fingerprint))
}

/// Why a data file that is a symbolic link is not read, or `None` when it is not a
/// link or leads to a file inside the data directory `root`. A link to anywhere else
/// — committed to a shared repository, say, as `partners/x.ron -> ~/.ssh/id_rsa` —
/// must not make pactboard read that file and quote it in an error message.
pub fn link_problem(root: &Path, path: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let written = fs::read_link(path).ok()?;
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Some(format!(
                "a symbolic link to {}, which does not exist",
                written.display()
            ));
        }
        Err(error) => {
            return Some(format!(
                "a symbolic link to {} that cannot be followed: {error}",
                written.display()
            ));
        }
    };
    let inside = fs::canonicalize(root).is_ok_and(|root| target.starts_with(root));
    if inside {
        None
    } else {
        Some(format!(
            "a symbolic link to {}, outside the data directory; pactboard follows links only to files inside it, so it was not read — copy the file into the data directory instead",
            target.display()
        ))
    }
}

/// The file a data path really names: a symlink is followed to its target, so the
/// target is replaced and the link stays a link.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    resolve_within(path, 0)
}

/// Links followed before giving up, as the kernel does.
const MAX_LINKS: usize = 40;

fn resolve_within(path: &Path, hops: usize) -> io::Result<PathBuf> {
    if hops > MAX_LINKS {
        return Err(io::Error::other(format!(
            "{} is a loop of symbolic links",
            path.display()
        )));
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = fs::read_link(path)?;
            let target = if target.is_absolute() {
                target
            } else {
                path.parent().unwrap_or(Path::new(".")).join(target)
            };
            match fs::symlink_metadata(&target) {
                Ok(meta) if meta.file_type().is_symlink() => resolve_within(&target, hops + 1),
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

/// The new content of a file, written and flushed to a temporary file beside it,
/// waiting to be renamed over the target.
pub struct Prepared {
    temp: tempfile::NamedTempFile,
    fingerprint: Fingerprint,
}

/// Writes `bytes` to a temporary file in `target`'s directory and flushes it to
/// disk — the slow part, done before any check, so that the check and the rename
/// that follows are as close together as they can be.
///
/// The temporary file takes the permission bits and group of the file it will
/// replace (on a shared server a teammate must not lose access after someone
/// saves); for a new file, `0666` less the umask, like any file the user creates,
/// plus the directory's group and the group bits it grants (see `share`).
pub fn prepare(target: &Path, bytes: &[u8]) -> io::Result<Prepared> {
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
    } else {
        share_new_file(temp.as_file(), dir)?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(Prepared {
        temp,
        fingerprint: Fingerprint::keeping(Arc::new(bytes.to_vec()), None),
    })
}

impl Prepared {
    /// Renames the prepared file over `target`: after this the new content is the
    /// file. Making the rename itself durable (syncing the directory) is best effort:
    /// if that fails the file is still written, and saying otherwise would leave the
    /// caller with a stale fingerprint.
    pub fn commit(self, target: &Path) -> io::Result<Fingerprint> {
        let file = self.temp.persist(target).map_err(|error| error.error)?;
        let modified = file.metadata().and_then(|m| m.modified()).ok();
        if let Some(dir) = target.parent() {
            let _ = sync_dir(dir);
        }
        Ok(Fingerprint {
            modified,
            ..self.fingerprint
        })
    }
}

impl Prepared {
    /// Gives the prepared file the name `target` only if nothing has that name yet
    /// (atomically: no other process can slip a file in between). On failure the
    /// prepared file comes back, to try another name.
    pub fn commit_new(self, target: &Path) -> Result<(), (Prepared, io::Error)> {
        let fingerprint = self.fingerprint;
        match self.temp.persist_noclobber(target) {
            Ok(_) => {
                if let Some(dir) = target.parent() {
                    let _ = sync_dir(dir);
                }
                Ok(())
            }
            Err(error) => Err((
                Prepared {
                    temp: error.file,
                    fingerprint,
                },
                error.error,
            )),
        }
    }
}

/// Writes `bytes` to `target` atomically: the old file or the new one, never half.
#[cfg(test)]
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    prepare(target, bytes)?.commit(target)
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
    fn a_loop_of_links_is_an_error_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("b.ron", dir.path().join("a.ron")).unwrap();
        std::os::unix::fs::symlink("a.ron", dir.path().join("b.ron")).unwrap();
        let error = resolve_target(&dir.path().join("a.ron")).unwrap_err();
        assert!(error.to_string().contains("loop"), "{error}");
    }

    #[test]
    fn links_are_followed_only_to_files_inside_the_data_directory() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        fs::write(&secret, "root:x:0:0").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("partners")).unwrap();
        fs::write(root.join("real.ron"), "()").unwrap();
        let link = |name: &str, target: &Path| {
            let path = root.join("partners").join(name);
            std::os::unix::fs::symlink(target, &path).unwrap();
            path
        };
        assert_eq!(
            link_problem(root, &root.join("real.ron")),
            None,
            "not a link"
        );
        assert_eq!(
            link_problem(root, &link("in.ron", Path::new("../real.ron"))),
            None
        );
        let problem = link_problem(root, &link("out.ron", &secret)).unwrap();
        assert!(problem.contains("outside the data directory"), "{problem}");
        assert!(!problem.contains("root:x"), "{problem}");
        let problem = link_problem(root, &link("gone.ron", Path::new("nowhere.ron"))).unwrap();
        assert_eq!(
            problem,
            "a symbolic link to nowhere.ron, which does not exist"
        );
        // A link inside that leads on to a file outside is outside too.
        let hop = link("hop.ron", Path::new("out.ron"));
        assert!(link_problem(root, &hop).unwrap().contains("outside"));
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(resolve_target(dir.path()).is_err());
    }
}
