//! The loader on whatever a disk, an editor or a bad merge can leave in a file:
//! arbitrary bytes, and real files cut short, spliced or with bytes flipped. It may
//! report an error; it must never panic, and `check` must never panic on what it
//! loaded.

mod common;

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use pactboard::check::find_problems;
use pactboard::store::Store;
use proptest::prelude::*;

/// A real partner file and the real workspace, to damage.
fn originals() -> &'static (Vec<u8>, Vec<u8>) {
    static FILES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    FILES.get_or_init(|| {
        let data = common::repo_data();
        (
            fs::read(data.join("partners/harbourline-mutual.ron")).unwrap(),
            fs::read(data.join("workspace.ron")).unwrap(),
        )
    })
}

/// Writes `workspace` and one partner, loads them, checks them.
fn load(dir: &Path, workspace: &[u8], partner: &[u8]) {
    fs::create_dir_all(dir.join("partners")).unwrap();
    fs::write(dir.join("workspace.ron"), workspace).unwrap();
    fs::write(dir.join("partners/x.ron"), partner).unwrap();
    let store = Store::new(dir);
    let snapshot = store
        .load()
        .expect("a directory with a workspace file opens");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let _ = find_problems(&store, &snapshot, today);
    let _ = store.load_partner("x");
}

#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Flip(at, byte)),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..8),
                Just(b"(".to_vec()),
                Just(b"]".to_vec()),
                Just(b"\"".to_vec()),
                Just(b"version: 99,".to_vec()),
                Just(b"Some(".to_vec()),
                Just(b"id: \"ac-aaaaaa\",".to_vec()),
                Just(b"1e999".to_vec()),
                Just("\u{feff}é\u{202e}".as_bytes().to_vec()),
            ]
        )
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Damage::Remove(at, len)),
    ]
}

fn damaged(original: &[u8], damages: &[Damage]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for damage in damages {
        let len = bytes.len().max(1);
        match damage {
            Damage::Cut(at) => bytes.truncate(at % len),
            Damage::Flip(at, byte) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= byte | 1;
                }
            }
            Damage::Insert(at, insert) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, insert.iter().copied());
            }
            Damage::Remove(at, count) => {
                let at = (at % len).min(bytes.len());
                let end = (at + count).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(
        workspace in proptest::collection::vec(any::<u8>(), 0..512),
        partner in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let dir = tempfile::tempdir().unwrap();
        load(dir.path(), &workspace, &partner);
    }

    #[test]
    fn damaged_real_files_never_panic_the_loader(
        partner_damage in proptest::collection::vec(damage(), 1..4),
        workspace_damage in proptest::collection::vec(damage(), 0..2),
    ) {
        let (partner, workspace) = originals();
        let dir = tempfile::tempdir().unwrap();
        load(
            dir.path(),
            &damaged(workspace, &workspace_damage),
            &damaged(partner, &partner_damage),
        );
    }
}
