//! Helpers shared by the end-to-end tests: a temporary copy of the demo portfolio,
//! a small fixture portfolio built in code, the built binary, and the dashboard
//! drawn on a test backend. Tests never write into `data/`.

#![allow(dead_code)]

pub mod checkin;
pub mod fixture;
pub mod milestones;
pub mod scorecard;
pub mod scoring;

pub use fixture::{fixture, fixture_today};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date the committed demo was made for.
pub const DEMO_DATE: &str = "2026-11-28";

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pactboard"))
}

pub fn repo_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// Copies `from` into `to` recursively (files and directories only).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of `data/`; the directory lives as long as the guard.
pub fn demo_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&repo_data(), &data);
    (dir, data)
}

/// Runs the binary with a clean, pinned environment.
pub fn pactboard(args: &[&str], data: &Path) -> Output {
    Command::new(binary())
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("PACTBOARD_DATA")
        .env_remove("PACTBOARD_TODAY")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Cuts a partner file in half, as an interrupted copy would, and returns its bytes.
pub fn truncate_partner(data: &Path, id: &str) -> Vec<u8> {
    let path = data.join("partners").join(format!("{id}.ron"));
    let text = fs::read_to_string(&path).unwrap();
    let cut = &text[..text.len() / 2];
    fs::write(&path, cut).unwrap();
    cut.as_bytes().to_vec()
}

/// The dashboard on a temporary copy of the demo, today pinned to the demo date and
/// the author pinned.
pub fn demo_app() -> (tempfile::TempDir, pactboard::app::App) {
    let (dir, data) = demo_copy();
    let app = app_on(&data);
    (dir, app)
}

pub fn app_on(data: &Path) -> pactboard::app::App {
    use pactboard::cli::TodaySource;
    let store = pactboard::store::Store::new(data);
    let snapshot = store.load().unwrap();
    let today = chrono::NaiveDate::parse_from_str(DEMO_DATE, "%Y-%m-%d").unwrap();
    let mut app =
        pactboard::app::App::new(store, snapshot, today, TodaySource::Demo, "tester".into());
    // Snapshots must not show the temporary directory's random name.
    app.data_label = "data".into();
    app
}

/// The fixture portfolio written to a temporary data directory.
pub fn fixture_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (workspace, partners) = fixture();
    pactboard::store::Store::new(&data)
        .init(&workspace, &partners, false)
        .unwrap();
    (dir, data)
}

/// The dashboard on the fixture, on disk in a temporary directory, today pinned
/// and the author `maya`, a member of the team.
pub fn fixture_app() -> (tempfile::TempDir, pactboard::app::App) {
    let (dir, data) = fixture_copy();
    (dir, fixture_app_on(&data))
}

/// The dashboard on the fixture changed by `change` (its workspace, its partners)
/// before it is written: an empty workspace, a partner without an owner, …
pub fn fixture_app_changed(
    change: impl FnOnce(
        &mut pactboard::domain::Workspace,
        &mut Vec<(String, pactboard::domain::Partner)>,
    ),
) -> (tempfile::TempDir, pactboard::app::App) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (mut workspace, mut partners) = fixture();
    change(&mut workspace, &mut partners);
    pactboard::store::Store::new(&data)
        .init(&workspace, &partners, false)
        .unwrap();
    (dir, fixture_app_on(&data))
}

/// The dashboard on `data` as the fixture's: today pinned, the author `maya`.
fn fixture_app_on(data: &Path) -> pactboard::app::App {
    use pactboard::cli::TodaySource;
    let store = pactboard::store::Store::new(data);
    let snapshot = store.load().unwrap();
    let mut app = pactboard::app::App::new(
        store,
        snapshot,
        fixture_today(),
        TodaySource::Pinned,
        "maya".into(),
    );
    app.data_label = "data".into();
    app
}

/// The dashboard on the fixture in memory only, over a data directory that does
/// not exist: anything that tried to read or write a file would find nothing.
pub fn fixture_in_memory() -> (tempfile::TempDir, pactboard::app::App) {
    use pactboard::cli::TodaySource;
    use pactboard::store::{PartnerFile, Snapshot};
    let dir = tempfile::tempdir().unwrap();
    let (workspace, partners) = fixture();
    let snapshot = Snapshot {
        workspace,
        // As if read from disk: the workspace loaded and can be edited.
        workspace_fingerprint: Some(pactboard::store::Fingerprint::of(b"", None)),
        workspace_read_only: false,
        partners: partners
            .into_iter()
            .map(|(id, partner)| PartnerFile {
                id,
                partner,
                fingerprint: Some(pactboard::store::Fingerprint::of(b"", None)),
                read_only: false,
            })
            .collect(),
        errors: Vec::new(),
        upgrades: Vec::new(),
    };
    let store = pactboard::store::Store::new(dir.path().join("nowhere"));
    let mut app = pactboard::app::App::new(
        store,
        snapshot,
        fixture_today(),
        TodaySource::Pinned,
        "maya".into(),
    );
    app.data_label = "data".into();
    (dir, app)
}

/// Renders the app without colour at `width` x `height` and returns the screen as
/// text.
pub fn screen(app: &pactboard::app::App, width: u16, height: u16) -> String {
    let buffer = render_buffer(app, pactboard::ui::theme::Theme::MONOCHROME, width, height);
    buffer_text(&buffer)
}

pub fn render_buffer(
    app: &pactboard::app::App,
    theme: pactboard::ui::theme::Theme,
    width: u16,
    height: u16,
) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| pactboard::ui::render(app, theme, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
