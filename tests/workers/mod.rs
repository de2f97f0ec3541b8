//! Worker processes for the tests of several processes on one data directory:
//! the test binary runs itself again (its ignored `worker` test, which calls
//! `run`), told through the environment what to do — one edit, random edits,
//! saving for ever until killed, holding the lock — and reporting what happened
//! as JSON lines. Also the harness that starts them and reads their reports.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pactboard::domain::kpi::{Kpi, Reading};
use pactboard::domain::partner::{ActionItem, Partner};
use pactboard::domain::workspace::Workspace;
use pactboard::store::{SaveError, Store};
use serde::{Deserialize, Serialize};

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

pub fn partner(name: &str) -> Partner {
    let mut partner = Partner::new(name, "startup", "maya", "active", day(1));
    partner.summary = format!("{name} summary");
    partner.actions = vec![ActionItem {
        id: "ac-aaaaaa".into(),
        text: "Send the deck".into(),
        ..ActionItem::default()
    }];
    let mut kpi = Kpi::new("Leads", (0.0, 400.0), (day(1), day(30)));
    kpi.id = "kp-leads1".into();
    partner.kpis = vec![kpi];
    partner
}

pub const PARTNERS: [&str; 3] = ["acme", "beta", "gamma"];

/// A data directory with three small partners, inside `dir`.
pub fn workspace_in(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let partners: Vec<(String, Partner)> = PARTNERS
        .iter()
        .map(|id| (id.to_string(), partner(id)))
        .collect();
    Store::new(&data)
        .init(&Workspace::new("Team"), &partners, false)
        .unwrap();
    data
}

/// What a worker process is asked to do.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Job {
    /// Load, say so, wait for the go file, make one edit to acme, save (merging,
    /// never settling a clash), keep a rescue copy on a clash, report.
    OneEdit { edit: OneEdit },
    /// `edits` random edits over every partner with `seed`.
    Random { worker: u32, seed: u64, edits: u32 },
    /// Save acme as A, B, A, B… for ever, saying when it started.
    Flip,
    /// Take the data directory's lock (a save that never ends) and hold it until
    /// the go file appears.
    HoldLock,
    /// Say whether the data directory can be written, as `Store::writable` sees it.
    Writable,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum OneEdit {
    Summary(char),
    ActionDone,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Spec {
    pub job: Job,
    pub data: PathBuf,
    /// Where the worker writes what happened (JSON lines), and its marker files.
    pub out: PathBuf,
    pub user: String,
}

/// What one edit did, as a worker reports it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub partner: String,
    pub edit: Edit,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Edit {
    AddAction {
        id: String,
        text: String,
    },
    DoneAction {
        id: String,
    },
    AddReading {
        id: String,
    },
    /// The summary that was there (as this session saw it) and the new one.
    Summary {
        from: String,
        to: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub enum Outcome {
    Saved,
    Merged {
        conflicts: usize,
    },
    /// Refused as a clash; the edit is in the rescue copy.
    Clash {
        rescue: PathBuf,
    },
    Failed(String),
}

/// The body of a worker process: what `PACTBOARD_TEST_WORKER` asks for, or
/// nothing when it is not set (the test binary run by hand with `--ignored`).
pub fn run() {
    let Ok(spec) = std::env::var("PACTBOARD_TEST_WORKER") else {
        return;
    };
    let spec: Spec = serde_json::from_str(&spec).unwrap();
    let store = Store::new(&spec.data).with_user(&spec.user);
    match spec.job.clone() {
        Job::OneEdit { edit } => one_edit(&store, &spec, edit),
        Job::Random {
            worker,
            seed,
            edits,
        } => random_edits(&store, &spec, worker, seed, edits),
        Job::Flip => flip(&store, &spec),
        Job::HoldLock => hold_lock(&store, &spec),
        Job::Writable => fs::write(&spec.out, format!("{:?}", store.writable())).unwrap(),
    }
}

pub fn marker(spec: &Spec, name: &str) -> PathBuf {
    spec.out.with_extension(name)
}

pub fn wait_for(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < Duration::from_secs(30), "no {path:?}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

pub fn append_report(spec: &Spec, report: &Report) {
    use std::io::Write;
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&spec.out)
        .unwrap();
    writeln!(file, "{}", serde_json::to_string(report).unwrap()).unwrap();
}

/// Saves `mine` as a session would: merge, and on a clash keep a rescue copy.
pub fn save(
    store: &Store,
    spec: &Spec,
    id: &str,
    mine: &Partner,
    file: &mut pactboard::store::PartnerFile,
) -> Outcome {
    for _ in 0..5 {
        match store.save_partner_merging(id, mine, file.fingerprint.as_ref(), None) {
            Ok(saved) => {
                let outcome = match &saved.merged {
                    Some(merged) => Outcome::Merged {
                        conflicts: merged.conflicts.len(),
                    },
                    None => Outcome::Saved,
                };
                file.partner = saved
                    .merged
                    .map_or_else(|| mine.clone(), |merged| merged.value);
                file.fingerprint = Some(saved.fingerprint);
                return outcome;
            }
            Err(SaveError::Conflict { fields, .. }) if !fields.is_empty() => {
                let now = chrono::Local::now().naive_local();
                let outcome = match store.rescue(id, &spec.user, now, mine) {
                    Ok(rescue) => Outcome::Clash { rescue },
                    Err(error) => Outcome::Failed(format!("no rescue copy: {error}")),
                };
                // Take theirs and go on, as the dashboard's reload does.
                *file = store.load_partner(id).unwrap().0.unwrap();
                return outcome;
            }
            Err(SaveError::Locked { .. }) => continue,
            Err(error) => return Outcome::Failed(error.to_string()),
        }
    }
    Outcome::Failed("the lock stayed busy".into())
}

pub fn one_edit(store: &Store, spec: &Spec, edit: OneEdit) {
    let mut file = store.load_partner("acme").unwrap().0.unwrap();
    fs::write(marker(spec, "loaded"), "").unwrap();
    wait_for(&marker(spec, "go"));
    let mut mine = file.partner.clone();
    let edit = match edit {
        OneEdit::Summary(c) => {
            let to = format!("summary by {c}");
            let from = std::mem::replace(&mut mine.summary, to.clone());
            Edit::Summary { from, to }
        }
        OneEdit::ActionDone => {
            mine.actions[0].done = Some(day(9));
            Edit::DoneAction {
                id: mine.actions[0].id.clone(),
            }
        }
    };
    let outcome = save(store, spec, "acme", &mine, &mut file);
    append_report(
        spec,
        &Report {
            partner: "acme".into(),
            edit,
            outcome,
        },
    );
}

/// A small deterministic generator: the tests need no more than this.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub fn random_edits(store: &Store, spec: &Spec, worker: u32, seed: u64, edits: u32) {
    let mut rng = Rng(seed | 1);
    let mut files: Vec<_> = PARTNERS
        .iter()
        .map(|id| store.load_partner(id).unwrap().0.unwrap())
        .collect();
    let mut mine_actions: Vec<(usize, String)> = Vec::new();
    fs::write(marker(spec, "loaded"), "").unwrap();
    wait_for(&marker(spec, "go"));
    for n in 0..edits {
        let which = rng.below(PARTNERS.len() as u64) as usize;
        // Now and then a session sees the others' changes before editing (live
        // reload); otherwise it edits what it loaded long ago.
        if rng.below(4) == 0 {
            files[which] = store.load_partner(PARTNERS[which]).unwrap().0.unwrap();
        }
        let file = &mut files[which];
        let mut mine = file.partner.clone();
        let edit = match rng.below(4) {
            0 => {
                let id = format!("ac-w{worker}n{n:02}");
                let text = format!("worker {worker} edit {n}");
                mine.actions.push(ActionItem {
                    id: id.clone(),
                    text: text.clone(),
                    ..ActionItem::default()
                });
                mine_actions.push((which, id.clone()));
                Edit::AddAction { id, text }
            }
            1 => {
                let own = mine_actions
                    .iter()
                    .filter(|(p, _)| *p == which)
                    .map(|(_, id)| id.clone())
                    .find(|id| mine.actions.iter().any(|a| &a.id == id && a.done.is_none()));
                match own {
                    Some(id) => {
                        if let Some(action) = mine.actions.iter_mut().find(|a| a.id == id) {
                            action.done = Some(day(20));
                        }
                        Edit::DoneAction { id }
                    }
                    None => {
                        let id = format!("rd-w{worker}n{n:02}");
                        mine.kpis[0].readings.push(Reading {
                            id: id.clone(),
                            ..Reading::new(day(10), f64::from(n))
                        });
                        Edit::AddReading { id }
                    }
                }
            }
            2 => {
                let id = format!("rd-w{worker}n{n:02}");
                mine.kpis[0].readings.push(Reading {
                    id: id.clone(),
                    ..Reading::new(day(10), f64::from(n))
                });
                Edit::AddReading { id }
            }
            _ => {
                let to = format!("worker {worker} edit {n}");
                let from = std::mem::replace(&mut mine.summary, to.clone());
                Edit::Summary { from, to }
            }
        };
        let outcome = save(store, spec, PARTNERS[which], &mine, file);
        append_report(
            spec,
            &Report {
                partner: PARTNERS[which].into(),
                edit,
                outcome,
            },
        );
    }
}

/// The two contents the flipping writer alternates between; big enough that a
/// write takes a moment, so kills land inside one.
pub fn flip_content(side: char) -> Partner {
    let mut partner = partner("acme");
    partner.summary = side.to_string().repeat(200_000);
    partner
}

pub fn flip(store: &Store, spec: &Spec) {
    let mut fingerprint = store.load_partner("acme").unwrap().0.unwrap().fingerprint;
    fs::write(marker(spec, "loaded"), "").unwrap();
    for side in ['B', 'A'].into_iter().cycle() {
        fingerprint = Some(
            store
                .save_partner("acme", &flip_content(side), fingerprint.as_ref())
                .unwrap(),
        );
    }
}

pub fn hold_lock(store: &Store, spec: &Spec) {
    // As a save in progress holds it (the store's own guard lives only inside a
    // save): flock the lock file and sign it the same way.
    let path = store.root().join(pactboard::store::LOCK_FILE);
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .unwrap();
    lock.lock().unwrap();
    fs::write(
        &path,
        format!("{}, pid {}, since now\n", spec.user, std::process::id()),
    )
    .unwrap();
    fs::write(marker(spec, "loaded"), "").unwrap();
    wait_for(&marker(spec, "go"));
}

// ---------------------------------------------------------------------------

/// Runs this test binary as a worker.
pub fn spawn(spec: &Spec, user: Option<(u32, u32)>) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "worker",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            "PACTBOARD_TEST_WORKER",
            serde_json::to_string(spec).unwrap(),
        )
        .stdout(std::process::Stdio::null());
    if let Some((uid, gid)) = user {
        use std::os::unix::process::CommandExt;
        command.uid(uid).gid(gid);
    }
    command.spawn().unwrap()
}

pub fn spec(dir: &Path, data: &Path, name: &str, job: Job) -> Spec {
    Spec {
        job,
        data: data.to_path_buf(),
        out: dir.join(format!("{name}.jsonl")),
        user: name.into(),
    }
}

pub fn reports(spec: &Spec) -> Vec<Report> {
    fs::read_to_string(&spec.out)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

pub fn finish(mut child: Child) {
    let status = child.wait().unwrap();
    assert!(status.success(), "a worker failed: {status}");
}

/// Two sessions load acme, then save one after the other.
pub fn two_sessions(
    first: OneEdit,
    second: OneEdit,
) -> (tempfile::TempDir, PathBuf, Report, Report) {
    let dir = tempfile::tempdir().unwrap();
    let data = workspace_in(dir.path());
    let a = spec(dir.path(), &data, "ada", Job::OneEdit { edit: first });
    let b = spec(dir.path(), &data, "bo", Job::OneEdit { edit: second });
    let (child_a, child_b) = (spawn(&a, None), spawn(&b, None));
    wait_for(&marker(&a, "loaded"));
    wait_for(&marker(&b, "loaded"));
    fs::write(marker(&a, "go"), "").unwrap();
    finish(child_a);
    fs::write(marker(&b, "go"), "").unwrap();
    finish(child_b);
    let (ra, rb) = (reports(&a).remove(0), reports(&b).remove(0));
    (dir, data, ra, rb)
}
