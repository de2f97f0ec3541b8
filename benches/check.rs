//! `pactboard check` (and the problem list `status` shares with it) on generated
//! portfolios of 1,000 and 10,000 partners, to show it grows linearly with the
//! number of partners: the duplicate-name test alone, and every check with each
//! problem located in its file. Every data directory is a temporary one.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion};

use pactboard::check::find_problems;
use pactboard::demo::demo_portfolio;
use pactboard::domain::validate::duplicate_names;
use pactboard::domain::{Partner, Workspace, slugify};
use pactboard::store::Store;

/// The date the committed demo was made for.
const TODAY: &str = "2026-11-28";
const SIZES: [usize; 2] = [1_000, 10_000];

/// `size` partners: the demo's twelve, copied round-robin with the copy number in the
/// name; every hundredth repeats an earlier name in capitals, so the duplicate test
/// has something to find.
fn portfolio(size: usize) -> (Workspace, Vec<(String, Partner)>) {
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date");
    let (workspace, demo) = demo_portfolio(today);
    let partners = (0..size)
        .map(|index| {
            let (_, base) = &demo[index % demo.len()];
            let mut partner = base.clone();
            partner.name = format!("{} {}", base.name, index / demo.len() + 1);
            let id = slugify(&format!("{} {index}", base.name));
            if index % 100 == 99 {
                partner.name = format!("{} 1", base.name).to_uppercase();
            }
            (id, partner)
        })
        .collect();
    (workspace, partners)
}

struct Fixture {
    size: usize,
    _dir: tempfile::TempDir,
    data: PathBuf,
}

fn fixture(size: usize) -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let (workspace, partners) = portfolio(size);
    Store::new(&data)
        .init(&workspace, &partners, false)
        .expect("the generated portfolio is written");
    Fixture {
        size,
        _dir: dir,
        data,
    }
}

/// The duplicate-name test was quadratic (every pair, lowercasing both names each
/// time): 125 ms at 1,000 partners, 3.7 s at 10,000. One map of names makes it linear.
fn bench_duplicate_names(c: &mut Criterion) {
    let mut group = c.benchmark_group("check duplicate names");
    for size in SIZES {
        let (_, partners) = portfolio(size);
        let pairs: Vec<(&str, &Partner)> = partners
            .iter()
            .map(|(id, partner)| (id.as_str(), partner))
            .collect();
        group.bench_with_input(BenchmarkId::from_parameter(size), &pairs, |b, pairs| {
            b.iter(|| duplicate_names(black_box(pairs)))
        });
    }
    group.finish();
}

/// Everything `check` does after loading: validate each file, then read each file
/// that has a problem once more to point at the line and column of every one.
fn bench_find_problems(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("check find problems");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    for fixture in fixtures {
        let store = Store::new(&fixture.data);
        let snapshot = store.load().expect("the generated portfolio loads");
        assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
        let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("TODAY is a date");
        let findings = find_problems(&store, &snapshot, today);
        assert!(
            findings.warnings() > fixture.size / 100,
            "duplicates are found"
        );
        group.bench_function(BenchmarkId::from_parameter(fixture.size), |b| {
            b.iter(|| {
                find_problems(&store, black_box(&snapshot), today)
                    .problems
                    .len()
            })
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
        .configure_from_args();
    let started = Instant::now();
    let fixtures: Vec<Fixture> = SIZES.into_iter().map(fixture).collect();
    eprintln!(
        "fixtures: {} data directories written in {:.1} s",
        fixtures.len(),
        started.elapsed().as_secs_f64()
    );
    bench_duplicate_names(&mut criterion);
    bench_find_problems(&mut criterion, &fixtures);
    criterion.final_summary();
}
