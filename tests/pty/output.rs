//! Reading what the program left behind: termios modes, screen rows and cells, the
//! colour codes in the raw output, and snapshots of a data directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use portable_pty::MasterPty;

/// A terminal's termios flags, as far as portable-pty shows them.
///
/// portable-pty hands out `nix`'s `Termios`; naming that type would need `nix` as a
/// dependency, so the flags are kept as numbers plus the local flags' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modes {
    pub input: u64,
    pub output: u64,
    pub control: u64,
    pub local: u64,
    /// The local flags that are set, by name (`ICANON`, `ECHO`, `ISIG`…).
    pub local_names: Vec<String>,
}

impl Modes {
    pub(super) fn of(master: &dyn MasterPty) -> Option<Modes> {
        let termios = master.get_termios()?;
        Some(Modes {
            input: u64::from(termios.input_flags.bits()),
            output: u64::from(termios.output_flags.bits()),
            control: u64::from(termios.control_flags.bits()),
            local: u64::from(termios.local_flags.bits()),
            local_names: flag_names(&format!("{:?}", termios.local_flags)),
        })
    }

    /// Line-by-line input (ICANON): off in raw mode.
    pub fn canonical(&self) -> bool {
        self.has("ICANON")
    }

    /// Typed characters echoed (ECHO): off in raw mode.
    pub fn echo(&self) -> bool {
        self.has("ECHO")
    }

    /// Raw mode as crossterm sets it: no canonical input, no echo.
    pub fn raw(&self) -> bool {
        !self.canonical() && !self.echo()
    }

    fn has(&self, name: &str) -> bool {
        self.local_names.iter().any(|flag| flag == name)
    }
}

/// The names in a bitflags `Debug` rendering such as `LocalFlags(ECHO | ICANON)`.
fn flag_names(debug: &str) -> Vec<String> {
    let inner = debug
        .split_once('(')
        .and_then(|(_, rest)| rest.rsplit_once(')'))
        .map_or(debug, |(inner, _)| inner);
    inner
        .split('|')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// One row of a parsed screen (0 is the top), without trailing blanks; empty
/// below the last row. For [`Pty::wait_until`] conditions.
pub fn screen_row(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .nth(usize::from(row))
        .map(|text| text.trim_end().to_string())
        .unwrap_or_default()
}

/// The text of the cells on `row` of a parsed screen for which `keep` holds, e.g.
/// `vt100::Cell::bold`. Wide characters count once; cells left out are skipped,
/// not blanked. For [`Pty::wait_until`] conditions.
pub fn row_cells_where(
    screen: &vt100::Screen,
    row: u16,
    keep: impl Fn(&vt100::Cell) -> bool,
) -> String {
    let (_, cols) = screen.size();
    (0..cols.get())
        .filter_map(|col| screen.cell(row, col))
        .filter(|cell| !cell.is_wide_continuation() && keep(cell))
        .map(|cell| cell.contents().to_string())
        .collect()
}

/// The SGR (`CSI … m`) sequences in `bytes` that set a colour: 30–37, 90–97,
/// 40–47, 100–107, and 38/48/58 (256-colour and RGB, foreground, background and
/// underline). Default-colour codes 39 and 49 do not count.
pub fn colour_sequences(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = find(&bytes[at..], b"\x1b[").map(|offset| at + offset) {
        let params_start = start + 2;
        let mut end = params_start;
        while end < bytes.len() && (0x30..=0x3f).contains(&bytes[end]) {
            end += 1;
        }
        let params = &bytes[params_start..end];
        while end < bytes.len() && (0x20..=0x2f).contains(&bytes[end]) {
            end += 1;
        }
        let Some(&final_byte) = bytes.get(end) else {
            break;
        };
        at = end + 1;
        let private = params.first().is_some_and(|b| b"<=>?".contains(b));
        if final_byte != b'm' || private {
            continue;
        }
        let sets_colour = String::from_utf8_lossy(params).split(';').any(|param| {
            let code = param.split(':').next().unwrap_or("");
            matches!(
                code.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
            )
        });
        if sets_colour {
            found.push(bytes[start..at].escape_ascii().to_string());
        }
    }
    found
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// One file or directory in a [`snapshot_dir`]: a file by its bytes, inode and
/// modification time, so that rewriting it, even with the same bytes, shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Dir,
    File(Vec<u8>, u64, (i64, i64)),
    Other,
}

/// Every file and directory under `root`, by path relative to it.
pub fn snapshot_dir(root: &Path) -> BTreeMap<PathBuf, Entry> {
    use std::os::unix::fs::MetadataExt;
    let mut entries = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let listing = std::fs::read_dir(&dir).and_then(Iterator::collect::<Result<Vec<_>, _>>);
        let listing = listing.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for item in listing {
            let path = item.path();
            let meta = std::fs::symlink_metadata(&path)
                .unwrap_or_else(|error| panic!("cannot stat {}: {error}", path.display()));
            let entry = if meta.is_dir() {
                dirs.push(path.clone());
                Entry::Dir
            } else if meta.is_file() {
                let bytes = std::fs::read(&path)
                    .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
                Entry::File(bytes, meta.ino(), (meta.mtime(), meta.mtime_nsec()))
            } else {
                Entry::Other
            };
            let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            entries.insert(relative, entry);
        }
    }
    entries
}

/// What differs between two [`snapshot_dir`]s, a line per path; empty when nothing.
pub fn snapshot_changes(
    before: &BTreeMap<PathBuf, Entry>,
    after: &BTreeMap<PathBuf, Entry>,
) -> Vec<String> {
    let paths: std::collections::BTreeSet<&PathBuf> = before.keys().chain(after.keys()).collect();
    paths
        .into_iter()
        .filter_map(|path| {
            let how = match (before.get(path), after.get(path)) {
                (Some(old), Some(new)) if old == new => return None,
                (None, _) => "was created",
                (_, None) => "was removed",
                (Some(Entry::File(old, ..)), Some(Entry::File(new, ..))) if old != new => {
                    "has new contents"
                }
                (Some(Entry::File(..)), Some(Entry::File(..))) => {
                    "was rewritten or replaced with the same bytes"
                }
                _ => "changed kind",
            };
            Some(format!("{} {how}", path.display()))
        })
        .collect()
}
