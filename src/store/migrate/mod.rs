//! Schema versions: reading a file of any version this build knows (version 1 is
//! migrated in memory, a version 2 record written without an id gets one), saying
//! what changed, and `pactboard migrate`, which writes every such file as the
//! current version — atomically, each file, with the usual conflict check.

pub mod convert;
pub mod v1;

use std::fmt;

use crate::domain::{PARTNER_VERSION, Partner, WORKSPACE_VERSION, Workspace};

use super::parse::{Parsed, Versioned, file_version, parse_document};
use super::{SaveError, Snapshot, Store, WORKSPACE_FILE};

impl Versioned for v1::Workspace {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for v1::Partner {
    fn version(&self) -> u32 {
        self.version
    }
}

/// A file that loaded as something other than what is on disk: an older version
/// migrated in memory, or records given the ids they lacked. Written as the current
/// version when it is next saved, or by `pactboard migrate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    /// Relative to the data directory, e.g. `partners/acme.ron`.
    pub file: String,
    pub from_version: u32,
    /// What changed, in words: "version 1 → 2", "23 ids assigned"…
    pub changes: Vec<String>,
}

impl fmt::Display for Upgrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.changes.join(", "))
    }
}

/// The version a document says it is: read with ron when the file parses at all,
/// else from a leading `version: N`, so a broken version 1 file is still reported
/// by the version 1 rules.
fn declared_version(bytes: &[u8]) -> Option<u32> {
    file_version(bytes).or_else(|| {
        let text = std::str::from_utf8(bytes).ok()?;
        let rest = text.trim_start_matches('\u{feff}').trim_start();
        let rest = rest.strip_prefix('(')?.trim_start();
        let rest = rest.strip_prefix("version")?.trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

fn parsed_as<T, U>(parsed: Parsed<T>, convert: impl FnOnce(T) -> U) -> Parsed<U> {
    Parsed {
        value: parsed.value.map(convert),
        read_only: parsed.read_only,
        errors: parsed.errors,
    }
}

/// Reads `workspace.ron` of any known version.
pub(super) fn read_workspace(file: &str, bytes: &[u8]) -> (Parsed<Workspace>, Option<Upgrade>) {
    if declared_version(bytes) == Some(v1::VERSION) {
        let mut changes = None;
        let parsed = parsed_as(
            parse_document::<v1::Workspace>(file, bytes, v1::VERSION),
            |old| {
                let (workspace, list) = convert::workspace(old);
                changes = Some(list);
                workspace
            },
        );
        let upgrade = changes.map(|changes| Upgrade {
            file: file.to_string(),
            from_version: v1::VERSION,
            changes,
        });
        return (parsed, upgrade);
    }
    let mut parsed = parse_document::<Workspace>(file, bytes, WORKSPACE_VERSION);
    let upgrade = match parsed.value.as_mut() {
        Some(workspace) if !parsed.read_only => {
            let filled = workspace.fill_missing_ids();
            (filled > 0).then(|| Upgrade {
                file: file.to_string(),
                from_version: workspace.version,
                changes: vec![format!(
                    "{filled} stage, phase, criterion or perspective ids assigned (the slugs of their names)"
                )],
            })
        }
        _ => None,
    };
    (parsed, upgrade)
}

/// Reads a partner file of any known version; `workspace` (asked for only when the
/// file is version 1) maps its stage, criterion, perspective and phase names to ids.
pub(super) fn read_partner(
    file: &str,
    id: &str,
    bytes: &[u8],
    workspace: impl FnOnce() -> Workspace,
) -> (Parsed<Partner>, Option<Upgrade>) {
    if declared_version(bytes) == Some(v1::VERSION) {
        let mut changes = None;
        let parsed = parsed_as(
            parse_document::<v1::Partner>(file, bytes, v1::VERSION),
            |old| {
                let (partner, list) = convert::partner(id, old, &workspace());
                changes = Some(list);
                partner
            },
        );
        let upgrade = changes.map(|changes| Upgrade {
            file: file.to_string(),
            from_version: v1::VERSION,
            changes,
        });
        return (parsed, upgrade);
    }
    let mut parsed = parse_document::<Partner>(file, bytes, PARTNER_VERSION);
    let upgrade = match parsed.value.as_mut() {
        Some(partner) if !parsed.read_only => {
            let filled = partner.fill_derived_ids(id);
            (filled > 0).then(|| Upgrade {
                file: file.to_string(),
                from_version: partner.version,
                changes: vec![format!(
                    "{filled} {} written without an id given one",
                    if filled == 1 { "record" } else { "records" }
                )],
            })
        }
        _ => None,
    };
    (parsed, upgrade)
}

/// What `pactboard migrate` did (or, with `--dry-run`, would do) to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateOutcome {
    /// Written as the current version; what changed.
    Written(Vec<String>),
    /// Would be written (dry run); what would change.
    WouldWrite(Vec<String>),
    /// Already the current version with every id in place.
    Current,
    /// Not written, and why. The file is untouched.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrateLine {
    pub file: String,
    pub outcome: MigrateOutcome,
}

impl fmt::Display for MigrateLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            MigrateOutcome::Written(changes) | MigrateOutcome::WouldWrite(changes) => {
                write!(f, "{}: {}", self.file, changes.join(", "))
            }
            MigrateOutcome::Current => write!(
                f,
                "{}: already version {}, nothing to do",
                self.file,
                if self.file == WORKSPACE_FILE {
                    WORKSPACE_VERSION
                } else {
                    PARTNER_VERSION
                }
            ),
            MigrateOutcome::Failed(reason) => write!(f, "{}: not migrated: {reason}", self.file),
        }
    }
}

/// Everything `pactboard migrate` did, file by file: the workspace first, then the
/// partners by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrateReport {
    pub lines: Vec<MigrateLine>,
    pub dry_run: bool,
}

impl MigrateReport {
    fn count(&self, matches: fn(&MigrateOutcome) -> bool) -> usize {
        self.lines
            .iter()
            .filter(|line| matches(&line.outcome))
            .count()
    }

    pub fn failed(&self) -> usize {
        self.count(|outcome| matches!(outcome, MigrateOutcome::Failed(_)))
    }

    /// "migrated 13 files (0 already current, 0 not migrated)".
    pub fn summary(&self) -> String {
        let current = self.count(|outcome| matches!(outcome, MigrateOutcome::Current));
        if self.dry_run {
            let would = self.count(|outcome| matches!(outcome, MigrateOutcome::WouldWrite(_)));
            format!(
                "dry run: {would} of {} files would be written, {current} already current, {} cannot be migrated; nothing was written",
                self.lines.len(),
                self.failed()
            )
        } else {
            let written = self.count(|outcome| matches!(outcome, MigrateOutcome::Written(_)));
            format!(
                "migrated {written} of {} files, {current} already current, {} not migrated",
                self.lines.len(),
                self.failed()
            )
        }
    }
}

impl Store {
    /// Writes every file that loaded as an older version (or lacked ids) as the
    /// current version, each atomically and only if it did not change on disk since
    /// `snapshot` read it. With `dry_run`, writes nothing and says what it would do.
    /// Files that did not load are left alone and reported.
    pub fn migrate(&self, snapshot: &Snapshot, dry_run: bool) -> MigrateReport {
        let mut report = MigrateReport {
            lines: Vec::new(),
            dry_run,
        };
        let upgrade_of = |file: &str| snapshot.upgrades.iter().find(|u| u.file == file);
        let error_of = |file: &str| {
            snapshot
                .errors
                .iter()
                .find(|error| error.file == file)
                .map(|error| format!("{}:{}: {}", error.line, error.column, error.message))
        };
        let decide = |file: &str, save: &mut dyn FnMut() -> Result<(), SaveError>| match (
            error_of(file),
            upgrade_of(file),
        ) {
            (Some(error), _) => MigrateOutcome::Failed(error),
            (None, None) => MigrateOutcome::Current,
            (None, Some(upgrade)) if dry_run => MigrateOutcome::WouldWrite(upgrade.changes.clone()),
            (None, Some(upgrade)) => match save() {
                Ok(()) => MigrateOutcome::Written(upgrade.changes.clone()),
                Err(error) => MigrateOutcome::Failed(error.to_string()),
            },
        };

        report.lines.push(MigrateLine {
            file: WORKSPACE_FILE.to_string(),
            outcome: decide(WORKSPACE_FILE, &mut || {
                self.save_workspace(&snapshot.workspace, snapshot.workspace_fingerprint.as_ref())
                    .map(|_| ())
            }),
        });
        let workspace_loaded = snapshot.workspace_fingerprint.is_some();
        let mut files: Vec<String> = snapshot
            .partners
            .iter()
            .map(|file| Store::partner_file(&file.id))
            .chain(
                snapshot
                    .errors
                    .iter()
                    .map(|error| error.file.clone())
                    .filter(|file| file != WORKSPACE_FILE),
            )
            .collect();
        files.sort();
        files.dedup();
        for file in files {
            let loaded = snapshot
                .partners
                .iter()
                .find(|partner| Store::partner_file(&partner.id) == file);
            let upgrading = upgrade_of(&file).is_some() && error_of(&file).is_none();
            if upgrading && !workspace_loaded {
                // Without the workspace, stage and criterion names cannot be
                // mapped with certainty: better to write nothing.
                report.lines.push(MigrateLine {
                    file,
                    outcome: MigrateOutcome::Failed(format!(
                        "{WORKSPACE_FILE} did not load; fix it first, its stages and criteria decide the ids"
                    )),
                });
                continue;
            }
            let outcome = decide(&file, &mut || match loaded {
                Some(partner) => self
                    .save_partner(&partner.id, &partner.partner, partner.fingerprint.as_ref())
                    .map(|_| ()),
                None => Ok(()),
            });
            report.lines.push(MigrateLine { file, outcome });
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_even_from_a_file_that_does_not_parse() {
        assert_eq!(
            declared_version(b"(\n    version: 1,\n    name: \"A\",\n)\n"),
            Some(1)
        );
        assert_eq!(
            declared_version(b"(\n    version: 1,\n    name: \"A"),
            Some(1)
        );
        assert_eq!(declared_version(b"(\n    name: \"A"), None);
        assert_eq!(
            declared_version(b"\xef\xbb\xbf(version: 2, name: [)"),
            Some(2)
        );
    }
}
