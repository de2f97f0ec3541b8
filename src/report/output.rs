//! Where a report goes: `--out FILE`, written atomically; or, from the dashboard, a
//! new file in the working directory named for the day or the partner and quarter,
//! never over an existing file. Neither ever writes inside the data directory: that
//! holds pactboard's own files, which a stray report must not sit among.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::period::Quarter;
use crate::store::files::prepare;

use super::Portfolio;
use super::meeting::{default_since, meeting_report};
use super::pack::review_pack;

/// Which document the dashboard's `Ctrl-p` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportKind {
    /// The meeting report of the last seven days.
    Meeting,
    /// The review pack of a partner (by id) for the last full quarter.
    Pack(String),
}

/// `pactboard-report-2026-11-28`: the meeting report's file name, before `.md`.
pub fn meeting_stem(today: NaiveDate) -> String {
    format!("pactboard-report-{today}")
}

/// `pactboard-review-harbourline-mutual-2026Q3`: a review pack's, before `.md`.
pub fn pack_stem(partner: &str, quarter: Quarter) -> String {
    format!("pactboard-review-{partner}-{quarter}")
}

/// Why a report may not be written into `dir`: it is the data directory or inside
/// it, which holds only pactboard's own files. Both are compared as they really are (links followed), so `.` or a link to
/// the data directory is caught too.
fn refuse_inside(dir: &Path, data_dir: &Path) -> Result<(), String> {
    let real = dir
        .canonicalize()
        .map_err(|error| format!("cannot use the directory {}: {error}", dir.display()))?;
    let data = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_path_buf());
    if real == data {
        return Err(format!(
            "{} is the data directory; reports are never written there",
            dir.display()
        ));
    }
    if real.starts_with(&data) {
        return Err(format!(
            "{} is inside the data directory {}; reports are never written there",
            dir.display(),
            data.display()
        ));
    }
    Ok(())
}

/// Why `--out path` is wrong usage, if it is: a directory, or a file inside
/// `data_dir` (or in a directory that does not exist).
pub fn out_refused(path: &Path, data_dir: &Path) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!("{} is a directory; name a file", path.display()));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    refuse_inside(dir, data_dir)
}

/// Writes `text` to `path` atomically (a temporary file beside it, renamed over
/// it), replacing the file if there is one; refused inside `data_dir`.
pub fn write_to(path: &Path, text: &str, data_dir: &Path) -> Result<(), String> {
    out_refused(path, data_dir)?;
    prepare(path, text.as_bytes())
        .and_then(|prepared| prepared.commit(path))
        .map(|_| ())
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Writes `text` as a new file `<stem>.md` in `dir` — `<stem>-2.md`, `-3`… when the
/// name is taken, never over an existing file — and returns its path; refused
/// inside `data_dir`.
pub fn write_new_in(
    dir: &Path,
    stem: &str,
    text: &str,
    data_dir: &Path,
) -> Result<PathBuf, String> {
    refuse_inside(dir, data_dir)?;
    let first = dir.join(format!("{stem}.md"));
    let mut prepared = prepare(&first, text.as_bytes())
        .map_err(|error| format!("cannot write in {}: {error}", dir.display()))?;
    for n in 1.. {
        let path = if n == 1 {
            first.clone()
        } else {
            dir.join(format!("{stem}-{n}.md"))
        };
        match prepared.commit_new(&path) {
            Ok(()) => return Ok(path),
            Err((back, error)) if error.kind() == io::ErrorKind::AlreadyExists && n < 1000 => {
                prepared = back;
            }
            Err((_, error)) => {
                return Err(format!("cannot write {}: {error}", path.display()));
            }
        }
    }
    Err(format!(
        "cannot find a free name for {stem}.md in {}",
        dir.display()
    ))
}

/// What `Ctrl-p` does: the meeting report, or a partner's review pack, in Markdown
/// as a new file in `dir`. The path written and what it holds, in words.
pub fn save_in(
    portfolio: &Portfolio,
    kind: &ReportKind,
    dir: &Path,
    data_dir: &Path,
) -> Result<(PathBuf, String), String> {
    let today = portfolio.today;
    let (document, stem, what) = match kind {
        ReportKind::Meeting => (
            meeting_report(portfolio, default_since(today)),
            meeting_stem(today),
            "the meeting report".to_string(),
        ),
        ReportKind::Pack(id) => {
            let quarter = Quarter::last_full(today);
            let name = portfolio
                .partner(id)
                .map_or(id.as_str(), |(file, _)| file.partner.name.as_str());
            let document = review_pack(portfolio, id, quarter)
                .ok_or_else(|| format!("the partner {id} is no longer there"))?;
            (
                document,
                pack_stem(id, quarter),
                format!("{name}'s review pack for {}", quarter.label()),
            )
        }
    };
    let path = write_new_in(dir, &stem, &document.markdown(), data_dir)?;
    Ok((path, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_report_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let first = write_new_in(dir.path(), "r", "one", data.path()).unwrap();
        let second = write_new_in(dir.path(), "r", "two", data.path()).unwrap();
        let third = write_new_in(dir.path(), "r", "three", data.path()).unwrap();
        assert_eq!(first, dir.path().join("r.md"));
        assert_eq!(second, dir.path().join("r-2.md"));
        assert_eq!(third, dir.path().join("r-3.md"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&third).unwrap(), "three");
    }

    #[test]
    fn nothing_is_written_inside_the_data_directory() {
        let data = tempfile::tempdir().unwrap();
        std::fs::create_dir(data.path().join("partners")).unwrap();
        let inside = data.path().join("partners");
        let error = write_new_in(&inside, "r", "x", data.path()).unwrap_err();
        assert!(error.contains("the data directory"), "{error}");
        let error = write_to(&data.path().join("r.md"), "x", data.path()).unwrap_err();
        assert!(error.contains("the data directory"), "{error}");
        // Through a link to it too.
        let elsewhere = tempfile::tempdir().unwrap();
        let link = elsewhere.path().join("link");
        std::os::unix::fs::symlink(data.path(), &link).unwrap();
        assert!(write_to(&link.join("r.md"), "x", data.path()).is_err());
        assert_eq!(std::fs::read_dir(data.path()).unwrap().count(), 1);
    }

    #[test]
    fn out_replaces_the_file_it_names_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "old").unwrap();
        write_to(&path, "new", data.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
        let error = write_to(dir.path(), "x", data.path()).unwrap_err();
        assert!(error.contains("is a directory"), "{error}");
    }
}
