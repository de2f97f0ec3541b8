//! Group sharing of what pactboard creates: every new file and directory inside the
//! data directory takes the group of the directory it is created in and the group
//! permission bits that directory grants, so on a shared server any member of the
//! team can save after any other, whatever their umask.

use std::fs::{self, File};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::Path;

/// The group read and write bits a directory grants, as they should be added to a
/// file created in it. Execute is a directory's business, never a data file's.
fn group_rw(dir_mode: u32) -> u32 {
    dir_mode & 0o060
}

/// Gives a freshly created `file` (open, in `dir`) the directory's group and the
/// group read/write bits the directory grants, on top of what the umask left.
///
/// Changing the group only works for a member of that group (or root); when it
/// fails the file keeps the group the system gave it (a setgid directory already
/// gives its own), so this is best effort by design, never an error.
pub fn share_new_file(file: &File, dir: &Path) -> io::Result<()> {
    let dir_meta = fs::metadata(dir)?;
    let meta = file.metadata()?;
    if meta.gid() != dir_meta.gid() {
        let _ = std::os::unix::fs::fchown(file, None, Some(dir_meta.gid()));
    }
    let mode = meta.mode() & 0o7777;
    let wanted = mode | group_rw(dir_meta.mode());
    if wanted != mode {
        file.set_permissions(fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

/// Creates `dir` and any missing parents below `root` (which must exist), each new
/// one with its parent's group, group bits and setgid bit — so `.trash/`,
/// `.drafts/<user>/` and `partners/` are as shared as the data directory itself.
/// Directories that already exist are left exactly as they are.
pub fn create_dir_shared(root: &Path, dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let parent = match dir.parent() {
        Some(parent) if parent != root && parent.starts_with(root) => {
            create_dir_shared(root, parent)?;
            parent
        }
        Some(parent) => parent,
        None => return Err(io::Error::other("no parent directory")),
    };
    match fs::DirBuilder::new().mode(0o777).create(dir) {
        Ok(()) => {}
        // Someone else made it meanwhile: theirs stands.
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {
            return Ok(());
        }
        Err(error) => return Err(error),
    }
    let parent_meta = fs::metadata(parent)?;
    let meta = fs::metadata(dir)?;
    if meta.gid() != parent_meta.gid() {
        let _ = std::os::unix::fs::chown(dir, None, Some(parent_meta.gid()));
    }
    let mode = meta.mode() & 0o7777;
    let wanted = mode | (parent_meta.mode() & 0o070) | (parent_meta.mode() & 0o2000);
    if wanted != mode {
        fs::set_permissions(dir, fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_writable_directory_makes_new_files_group_writable() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2775)).unwrap();
        let path = dir.path().join("f");
        let file = fs::OpenOptions::new()
            .create_new(true)
            .write(true)
            .open(&path)
            .unwrap();
        // Whatever the umask did, the group gets what the directory grants.
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .unwrap();
        share_new_file(&file, dir.path()).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o660);
    }

    #[test]
    fn a_private_directory_adds_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        let path = dir.path().join("f");
        let file = File::create(&path).unwrap();
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .unwrap();
        share_new_file(&file, dir.path()).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    }

    #[test]
    fn new_directories_inherit_group_bits_and_setgid_and_old_ones_are_untouched() {
        let root = tempfile::tempdir().unwrap();
        fs::set_permissions(root.path(), fs::Permissions::from_mode(0o2770)).unwrap();
        let deep = root.path().join(".drafts").join("maya");
        create_dir_shared(root.path(), &deep).unwrap();
        for dir in [root.path().join(".drafts"), deep.clone()] {
            let mode = fs::metadata(&dir).unwrap().mode() & 0o7777;
            assert_eq!(mode & 0o2070, 0o2070, "{} is {mode:o}", dir.display());
        }
        fs::set_permissions(&deep, fs::Permissions::from_mode(0o700)).unwrap();
        create_dir_shared(root.path(), &deep).unwrap();
        assert_eq!(fs::metadata(&deep).unwrap().mode() & 0o7777, 0o700);
    }
}
