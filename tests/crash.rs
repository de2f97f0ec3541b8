//! Crashes: a writer killed with SIGKILL at random moments leaves every file as
//! the old content or the new, never half of either; what it leaves behind is
//! cleaned on the next start. The writer is this test binary run again (see
//! `workers`).

mod workers;

use std::fs;
use std::time::{Duration, SystemTime};

use pactboard::store::Store;
use workers::*;

/// Not a test: the body of a worker process, run by the tests of this file.
#[test]
#[ignore = "run by the other tests of this file, as a separate process"]
fn worker() {
    workers::run();
}

fn kill_flipping_writer(runs: u32) {
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    let store = Store::new(&data);
    let file = store.load_partner("acme").unwrap().0.unwrap();
    store
        .save_partner("acme", &flip_content('A'), file.fingerprint.as_ref())
        .unwrap();
    let path = data.join("partners/acme.ron");
    let contents = [
        fs::read(&path).unwrap(),
        pactboard::store::format::to_ron(&flip_content('B'))
            .unwrap()
            .into_bytes(),
    ];
    let mut seed = Rng(0xc0ffee);
    let mut strays = 0;
    for run in 0..runs {
        let s = spec(dir.path(), &data, &format!("flip{run}"), Job::Flip);
        let mut child = spawn(&s, None);
        wait_for(&marker(&s, "loaded"));
        std::thread::sleep(Duration::from_micros(seed.below(20_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let bytes = fs::read(&path).unwrap();
        assert!(
            contents.contains(&bytes),
            "run {run}: the file is neither the old nor the new content ({} bytes)",
            bytes.len()
        );
        let loaded = store.load().unwrap();
        assert!(loaded.errors.is_empty(), "run {run}: {:?}", loaded.errors);
        strays += store.stray_temps().len();
        // The next session finds any leftovers; age them past the minute it waits.
        for stray in store.stray_temps() {
            let temp = fs::File::options()
                .write(true)
                .open(data.join(&stray.file))
                .unwrap();
            temp.set_modified(SystemTime::now() - Duration::from_secs(120))
                .unwrap();
        }
        store.remove_stray_temps(Duration::from_secs(60));
        assert!(store.stray_temps().is_empty());
    }
    eprintln!("{runs} kills, {strays} temporary files left behind and cleaned");
}

#[test]
fn a_writer_killed_at_random_moments_leaves_the_old_or_the_new_file() {
    kill_flipping_writer(100);
}

#[test]
#[ignore = "a longer run: cargo test --test concurrency -- --ignored"]
fn a_writer_killed_a_thousand_times_leaves_the_old_or_the_new_file() {
    kill_flipping_writer(1000);
}
