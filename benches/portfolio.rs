//! Speed and memory of the dashboard on generated portfolios of 12, 100 and 1,000
//! partners: the derived figures, loading and saving the data directory, drawing the
//! screens and a key press end to end.
//!
//! A team opens its portfolio over SSH: it must start at once and answer every key
//! without a visible lag, at 80x24 as much as on a big screen. Every data directory
//! here is a temporary one; nothing is written into `data/`.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use pactboard::app::{Action, App, Change, Effect, Tab, apply, dispatch, handle_key};
use pactboard::cli::TodaySource;
use pactboard::demo::demo_portfolio;
use pactboard::domain::dates::add_days;
use pactboard::domain::ids::IdGenerator;
use pactboard::domain::kpi::Reading;
use pactboard::domain::portfolio::summarize;
use pactboard::domain::{Partner, Workspace, slugify};
use pactboard::store::format::to_ron;
use pactboard::store::{PARTNERS_DIR, Store};
use pactboard::ui::theme::Theme;

/// The date the committed demo was made for; every figure depends on it.
const TODAY: &str = "2026-11-28";
const SIZES: [usize; 3] = [12, 100, 1_000];
/// Set (to a data directory) when this binary is re-run to measure memory alone.
const MEMORY_CHILD: &str = "PACTBOARD_BENCH_MEMORY_OF";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date")
}

/// `size` partners: the demo's twelve, copied round-robin with the copy number in
/// the name (so ids end in `-1`, `-2`, …). Odd copies of a partner that reports KPIs
/// carry a year of weekly readings on each, as a partnership a year in would.
fn portfolio(size: usize) -> (Workspace, Vec<(String, Partner)>) {
    let (workspace, demo) = demo_portfolio(today());
    let mut partners: Vec<(String, Partner)> = (0..size)
        .map(|index| {
            let (_, base) = &demo[index % demo.len()];
            let copy = index / demo.len() + 1;
            let mut partner = base.clone();
            partner.name = format!("{} {copy}", base.name);
            if copy % 2 == 1 {
                add_a_year_of_readings(&mut partner);
            }
            (slugify(&partner.name), partner)
        })
        .collect();
    partners.sort_by(|a, b| a.0.cmp(&b.0));
    (workspace, partners)
}

/// Extends every KPI that has readings back to 52 weekly readings, the older ones
/// rising steadily from the baseline to the first real reading (with a little wobble).
fn add_a_year_of_readings(partner: &mut Partner) {
    for kpi in &mut partner.kpis {
        kpi.readings.sort_by_key(|reading| reading.date);
        let Some(first) = kpi.readings.first().cloned() else {
            continue;
        };
        let missing = 52usize.saturating_sub(kpi.readings.len());
        let older: Vec<Reading> = (1..=missing)
            .rev()
            .map(|weeks_before| {
                let share = 1.0 - weeks_before as f64 / (missing + 1) as f64;
                let wobble = if weeks_before % 3 == 0 { 0.02 } else { -0.01 };
                let value = kpi.baseline + (first.value - kpi.baseline) * (share + wobble);
                Reading::new(
                    add_days(first.date, -7 * weeks_before as i64),
                    (value * 10.0).round() / 10.0,
                )
            })
            .collect();
        if let Some(oldest) = older.first() {
            kpi.start = kpi.start.min(oldest.date);
        }
        kpi.readings.splice(0..0, older);
    }
    // The new readings get ids, as the dashboard would give them.
    let seed = IdGenerator::seed_from(&[b"bench", partner.name.as_bytes()]);
    partner.fill_generated_ids(&mut IdGenerator::new(seed));
}

/// A data directory of `size` partners, written once through the store.
struct Fixture {
    size: usize,
    _dir: tempfile::TempDir,
    data: PathBuf,
}

impl Fixture {
    fn new(size: usize) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let data = dir.path().join("data");
        let (workspace, partners) = portfolio(size);
        Store::new(&data)
            .init(&workspace, &partners, false)
            .expect("the generated portfolio is written");
        Self {
            size,
            _dir: dir,
            data,
        }
    }

    fn app(&self) -> App {
        app_on(Store::new(&self.data))
    }
}

fn app_on(store: Store) -> App {
    let snapshot = store.load().expect("the generated portfolio loads");
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    assert!(snapshot.upgrades.is_empty(), "{:?}", snapshot.upgrades);
    let mut app = App::new(store, snapshot, today(), TodaySource::Demo, "bench".into());
    app.data_label = "data".into();
    app
}

/// Copies a data directory (files only, no sync) so a benchmark that writes has its own.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy");
    for entry in fs::read_dir(from).expect("read the data directory") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        // Colour on, as most terminals have it; the result must not depend on NO_COLOR.
        .draw(|frame| pactboard::ui::render(app, Theme::COLOR, frame))
        .expect("drawing on a test backend cannot fail");
}

/// The figures behind every screen (health, KPI status and forecast, attention,
/// upcoming) are recomputed after every confirmed edit, so they must stay well under
/// a frame for the largest portfolio.
fn bench_summarize(c: &mut Criterion) {
    let mut group = c.benchmark_group("summarize");
    for size in SIZES {
        let (workspace, partners) = portfolio(size);
        let pairs: Vec<(&str, &Partner)> = partners
            .iter()
            .map(|(id, partner)| (id.as_str(), partner))
            .collect();
        group.bench_with_input(BenchmarkId::from_parameter(size), &pairs, |b, pairs| {
            b.iter(|| summarize(black_box(pairs), &workspace, today()))
        });
    }
    group.finish();
}

/// Loading the data directory is most of the start-up time: a dashboard opened over
/// SSH should be on screen before the user notices it starting. The files are in the
/// page cache here (a warm start); a cold start adds the disk's own read time.
fn bench_load(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("store load");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for fixture in fixtures {
        let store = Store::new(&fixture.data);
        group.bench_function(BenchmarkId::from_parameter(fixture.size), |b| {
            b.iter(|| store.load().expect("loads"))
        });
    }
    group.finish();

    // Start-up as the user sees it: load, compute the figures, draw the first screen.
    let mut group = c.benchmark_group("startup to first frame 80x24");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for fixture in fixtures.iter().filter(|fixture| fixture.size >= 100) {
        group.bench_function(BenchmarkId::from_parameter(fixture.size), |b| {
            b.iter(|| {
                let app = fixture.app();
                let mut terminal = terminal(80, 24);
                draw(&mut terminal, &app);
                app
            })
        });
    }
    group.finish();
}

/// Every confirmed edit serialises one partner and writes its file atomically (with
/// fsync), then recomputes the figures: the user waits for all of it after Enter.
fn bench_save(c: &mut Criterion, largest: &Fixture) {
    let mut group = c.benchmark_group("save");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));

    // The heaviest partner: the most KPI readings, a year of them.
    let (workspace, partners) = portfolio(12);
    let (id, partner) = partners
        .iter()
        .max_by_key(|(_, partner)| {
            partner
                .kpis
                .iter()
                .map(|kpi| kpi.readings.len())
                .sum::<usize>()
        })
        .expect("the demo has partners");
    group.bench_function("to_ron one partner", |b| {
        b.iter(|| to_ron(black_box(partner)).expect("serialises"))
    });

    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::new(dir.path().join("data"));
    store
        .init(
            &workspace,
            std::slice::from_ref(&(id.clone(), partner.clone())),
            false,
        )
        .expect("written");
    let mut fingerprint = store
        .load_partner(id)
        .expect("reads")
        .0
        .and_then(|file| file.fingerprint)
        .expect("parses");
    group.bench_function("save_partner one partner", |b| {
        b.iter(|| {
            fingerprint = store
                .save_partner(id, black_box(partner), Some(&fingerprint))
                .expect("saves");
        })
    });

    // The whole confirmed edit in the app: write, record for undo, recompute.
    let copy = tempfile::tempdir().expect("a temporary directory");
    let data = copy.path().join("data");
    copy_dir(&largest.data, &data);
    let mut app = app_on(Store::new(&data));
    let id = app.data.partners[app.data.partners.len() / 2].id.clone();
    let mut flip = false;
    group.bench_function(
        BenchmarkId::new("confirmed edit (commit)", largest.size),
        |b| {
            b.iter(|| {
                let before = app.partner_data(&id).cloned().expect("the partner exists");
                let mut after = before.clone();
                flip = !flip;
                after.summary = if flip { "edited" } else { "edited again" }.into();
                let change = Change::partner(&id, Some(before), Some(after), "summary".into());
                apply(&mut app, vec![Effect::Commit(change)]);
                assert!(app.history.unsaved.is_empty() && app.history.undo.len() == 1);
                app.history.undo.clear();
            })
        },
    );
    group.finish();
}

/// Every key press redraws the whole screen, so a draw must be far below the ~16 ms
/// a keystroke echo may take before typing feels sticky — on a small terminal over
/// SSH as much as on a big one.
fn bench_render(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("render");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(2));
    for fixture in fixtures.iter().filter(|fixture| fixture.size >= 100) {
        let mut app = fixture.app();
        for tab in [Tab::Overview, Tab::Pipeline, Tab::Timeline, Tab::Scoring] {
            dispatch(&mut app, Action::GoTo(tab));
            for (width, height) in [(80, 24), (200, 50)] {
                let mut terminal = terminal(width, height);
                let name = format!("{}/{width}x{height}", tab.title());
                group.bench_function(BenchmarkId::new(name, fixture.size), |b| {
                    b.iter(|| draw(&mut terminal, black_box(&app)))
                });
            }
        }
    }
    group.finish();
}

/// A key press end to end: `j` on the Overview moves the selection down the
/// attention list and the screen is redrawn at 80x24. This is the lag a user feels.
fn bench_key_press(c: &mut Criterion, largest: &Fixture) {
    let mut group = c.benchmark_group("key press");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(2));
    let mut app = largest.app();
    let mut terminal = terminal(80, 24);
    draw(&mut terminal, &app);
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    let items = app.data.summary.attention.len();
    group.bench_function(BenchmarkId::new("j + render 80x24", largest.size), |b| {
        b.iter(|| {
            // Start again at the top rather than pressing `j` on the last item.
            if app.view.tabs.overview.selected() + 1 >= items {
                handle_key(
                    &mut app,
                    KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE),
                );
            }
            handle_key(&mut app, black_box(j));
            draw(&mut terminal, &app);
        })
    });
    group.finish();
}

/// A line of `/proc/self/status` in kB, e.g. `VmRSS` or `VmHWM` (peak RSS).
fn status_kb(field: &str) -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

fn dir_bytes(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| entry.metadata().ok())
                .filter(|meta| meta.is_file())
                .map(|meta| meta.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Run in a fresh process (see `memory_report`), so nothing the benchmarks allocated
/// before stands in the numbers: resident memory before and after loading `data`,
/// and after building the dashboard state on top of it.
fn memory_child(data: PathBuf) {
    let kb = |field| status_kb(field).map_or("?".to_string(), |kb| kb.to_string());
    let (rss0, hwm0) = (kb("VmRSS"), kb("VmHWM"));
    let started = Instant::now();
    let store = Store::new(&data);
    let snapshot = store.load().expect("the generated portfolio loads");
    let loaded = started.elapsed();
    let (rss1, hwm1) = (kb("VmRSS"), kb("VmHWM"));
    let app = App::new(store, snapshot, today(), TodaySource::Demo, "bench".into());
    let (rss2, hwm2) = (kb("VmRSS"), kb("VmHWM"));
    let readings: usize = app
        .data
        .partners
        .iter()
        .flat_map(|file| &file.partner.kpis)
        .map(|kpi| kpi.readings.len())
        .sum();
    println!(
        "{rss0} {hwm0} {rss1} {hwm1} {rss2} {hwm2} {} {readings} {} {}",
        loaded.as_micros(),
        app.data.summary.attention.len(),
        app.data.summary.upcoming.len()
    );
    black_box(app);
}

/// Prints, once, what the 1,000-partner portfolio costs in memory: its RON bytes on
/// disk, and the growth of this process's resident set (VmRSS) and of its peak
/// (VmHWM) when a fresh process loads it. RSS counts whole pages and the allocator's
/// slack, so it is an upper bound on the live heap, not an exact count.
fn memory_report(largest: &Fixture) {
    let workspace_bytes = fs::metadata(largest.data.join("workspace.ron")).map_or(0, |m| m.len());
    let partner_bytes = dir_bytes(&largest.data.join(PARTNERS_DIR));
    let child = std::env::current_exe()
        .and_then(|exe| Command::new(exe).env(MEMORY_CHILD, &largest.data).output());
    let numbers: Vec<u64> = match &child {
        Ok(output) if output.status.success() => String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .filter_map(|word| word.parse().ok())
            .collect(),
        _ => Vec::new(),
    };
    let mib = |kb: u64| kb as f64 / 1024.0;
    eprintln!("memory, {} partners:", largest.size);
    eprintln!(
        "  RON on disk: {:.2} MiB ({} partner files, {partner_bytes} bytes; workspace {workspace_bytes} bytes)",
        (partner_bytes + workspace_bytes) as f64 / (1024.0 * 1024.0),
        largest.size
    );
    match numbers[..] {
        [
            rss0,
            hwm0,
            rss1,
            hwm1,
            rss2,
            hwm2,
            micros,
            readings,
            attention,
            upcoming,
        ] => {
            eprintln!(
                "  it holds {readings} KPI readings; {attention} attention items, {upcoming} upcoming"
            );
            eprintln!(
                "  fresh process: RSS {:.1} MiB before load; loaded in {:.1} ms",
                mib(rss0),
                micros as f64 / 1000.0
            );
            eprintln!(
                "  after load:     RSS +{:.1} MiB (the snapshot held), peak RSS +{:.1} MiB",
                mib(rss1.saturating_sub(rss0)),
                mib(hwm1.saturating_sub(hwm0))
            );
            eprintln!(
                "  after App::new: RSS +{:.1} MiB in all (snapshot and figures), peak RSS +{:.1} MiB",
                mib(rss2.saturating_sub(rss0)),
                mib(hwm2.saturating_sub(hwm0))
            );
        }
        _ => {
            eprintln!("  resident memory: not measured (no /proc/self/status, or the child failed)")
        }
    }
}

fn main() {
    if let Some(data) = std::env::var_os(MEMORY_CHILD) {
        memory_child(PathBuf::from(data));
        return;
    }
    // Short runs and no plots keep the whole run near a minute; `--plotting-backend`
    // or criterion's own flags can ask for more.
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
        .configure_from_args();
    let started = Instant::now();
    let fixtures: Vec<Fixture> = SIZES.into_iter().map(Fixture::new).collect();
    eprintln!(
        "fixtures: {} data directories written in {:.1} s",
        fixtures.len(),
        started.elapsed().as_secs_f64()
    );
    if let Some(largest) = fixtures.last() {
        memory_report(largest);
    }
    run_all(&mut criterion, &fixtures);
    criterion.final_summary();
}

fn run_all(criterion: &mut Criterion, fixtures: &[Fixture]) {
    bench_summarize(criterion);
    bench_load(criterion, fixtures);
    bench_render(criterion, fixtures);
    if let Some(largest) = fixtures.last() {
        bench_save(criterion, largest);
        bench_key_press(criterion, largest);
    }
}
