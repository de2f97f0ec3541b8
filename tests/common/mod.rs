//! Helpers shared by the end-to-end tests: a temporary copy of the demo portfolio,
//! and the built binary. Tests never write into `data/`.

#![allow(dead_code)]

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
