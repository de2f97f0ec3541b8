//! The fixture portfolio with a selection under way, for the Scoring tab's tests:
//! five candidates scored from fully to not at all (one partially, above the
//! others), evidence on some scores, and the active partner scored too (shown with
//! `A`) — kept apart from `fixture()`, so the other screens' snapshots do not move;
//! and the steps the Scoring tests take on it through `update`.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pactboard::app::action::ScoringAction;
use pactboard::app::overlays::Overlay;
use pactboard::app::{Action, App, Tab, dispatch, handle_key};
use pactboard::domain::scoring::{Score, score_for};
use pactboard::domain::{Partner, Workspace};

use super::fixture::fixture;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a fixture date")
}

/// Scores for the eight default criteria in order; 0 leaves one out.
fn scores(values: [u8; 8], evidence: &[(usize, &str)]) -> Vec<Score> {
    const CRITERIA: [&str; 8] = [
        "strategic-fit",
        "expertise",
        "innovation-potential",
        "collaboration-readiness",
        "resource-compatibility",
        "cultural-fit",
        "financial-stability",
        "track-record",
    ];
    CRITERIA
        .iter()
        .zip(values)
        .enumerate()
        .filter(|(_, (_, value))| *value > 0)
        .map(|(index, (criterion, value))| {
            let why = evidence
                .iter()
                .find(|(at, _)| *at == index)
                .map_or("", |(_, text)| *text);
            Score {
                by: "maya".into(),
                on: Some(day("2026-11-02")),
                ..Score::new(*criterion, value, why)
            }
        })
        .collect()
}

fn candidate(name: &str, kind: &str, stage: &str) -> Partner {
    Partner::new(name, kind, "tomas", stage, day("2026-10-12"))
}

/// `fixture()` plus four candidates, everyone scored as the tests expect.
pub fn scoring_fixture() -> (pactboard::domain::Workspace, Vec<(String, Partner)>) {
    let (workspace, mut partners) = fixture();
    for (id, partner) in &mut partners {
        match id.as_str() {
            "acme-analytics" => {
                partner.scores = scores(
                    [4, 4, 5, 3, 3, 4, 2, 3],
                    &[
                        (0, "Their open-data tools fit the council work we want"),
                        (
                            6,
                            "Seed round closes in March; runway 9 months (their CFO, 2026-11-02)",
                        ),
                    ],
                );
            }
            "cobalt-works" => {
                partner.scores = scores([5, 4, 3, 4, 4, 4, 4, 5], &[(7, "Three pilots delivered")]);
            }
            _ => {}
        }
    }
    let mut elm = candidate("Elm Street Studio", "agency", "assessing");
    elm.scores = scores(
        [3, 5, 3, 4, 4, 5, 4, 4],
        &[(1, "Built the city's transit app; references checked")],
    );
    let mut fjord = candidate("Fjord Data Cooperative", "cooperative", "assessing");
    fjord.scores = scores([5, 3, 2, 5, 3, 4, 3, 0], &[(3, "Answers within a day")]);
    let mut granite = candidate("Granite Labs", "startup", "prospect");
    granite.scores = scores([5, 0, 5, 0, 0, 0, 0, 0], &[]);
    let harbour = candidate("Harbour Makers", "community group", "prospect");
    for (id, partner) in [
        ("elm-street-studio", elm),
        ("fjord-data-cooperative", fjord),
        ("granite-labs", granite),
        ("harbour-makers", harbour),
    ] {
        let mut partner = partner;
        partner.fill_derived_ids(id);
        partners.push((id.to_string(), partner));
    }
    partners.sort_by(|a, b| a.0.cmp(&b.0));
    (workspace, partners)
}

/// The dashboard on the scoring fixture, on disk in a temporary directory, today
/// pinned and the author `maya`.
pub fn scoring_app() -> (tempfile::TempDir, pactboard::app::App) {
    use pactboard::cli::TodaySource;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (workspace, partners) = scoring_fixture();
    pactboard::store::Store::new(&data)
        .init(&workspace, &partners, false)
        .unwrap();
    let store = pactboard::store::Store::new(&data);
    let snapshot = store.load().unwrap();
    let mut app = pactboard::app::App::new(
        store,
        snapshot,
        super::fixture_today(),
        TodaySource::Pinned,
        "maya".into(),
    );
    app.data_label = "data".into();
    (dir, app)
}

// ---- steps through `update` ----

pub const FIXTURE_DATE_TEXT: &str = "2026-11-28";

pub fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

pub fn ctrl_s(app: &mut App) {
    handle_key(
        app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
    );
}

pub fn scoring(app: &mut App, action: ScoringAction) {
    dispatch(app, Action::Scoring(action));
}

pub fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

pub fn on_disk(app: &App, id: &str) -> Partner {
    let (file, errors) = app.store.load_partner(id).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    file.unwrap().partner
}

pub fn workspace_on_disk(app: &App) -> Workspace {
    app.store.load().unwrap().workspace
}

pub fn weight(workspace: &Workspace, id: &str) -> f64 {
    workspace.criterion(id).unwrap().weight
}

pub fn score(partner: &Partner, criterion: &str) -> Option<(u8, String)> {
    score_for(&partner.scores, criterion).map(|s| (s.score, s.evidence.clone()))
}

/// The question on top, if one is open.
pub fn question(app: &App) -> Option<String> {
    match app.view.overlays.last() {
        Some(Overlay::Confirm(confirm)) => Some(confirm.question.clone()),
        _ => None,
    }
}

pub fn has_form(app: &App) -> bool {
    matches!(app.view.overlays.last(), Some(Overlay::Form(_)))
}

/// The rows of the matrix: (id, rank, moved).
pub fn rows(app: &App) -> Vec<(String, usize, Option<i64>)> {
    app.view
        .tabs
        .scoring
        .matrix(&app.data)
        .rows
        .into_iter()
        .map(|row| (row.id, row.rank, row.moved))
        .collect()
}

pub fn ids(app: &App) -> Vec<String> {
    rows(app).into_iter().map(|(id, _, _)| id).collect()
}

/// The scoring fixture on the Scoring tab: Elm, Fjord, Acme, then Granite (partial)
/// and Harbour (not scored); the first cell (Elm, strategic fit) selected.
pub fn tab() -> (tempfile::TempDir, App) {
    let (dir, mut app) = scoring_app();
    dispatch(&mut app, Action::GoTo(Tab::Scoring));
    assert_eq!(
        ids(&app),
        [
            "elm-street-studio",
            "fjord-data-cooperative",
            "acme-analytics",
            "granite-labs",
            "harbour-makers"
        ]
    );
    (dir, app)
}

/// Selects the candidate `id` and the criterion column `criterion`.
pub fn select(app: &mut App, id: &str, criterion: &str) {
    dispatch(app, Action::Top);
    while app.view.tabs.scoring.selected() != Some(id) {
        dispatch(app, Action::Down);
    }
    for _ in 0..10 {
        dispatch(app, Action::Left);
    }
    while app.view.tabs.scoring.column() != Some(criterion) {
        dispatch(app, Action::Right);
    }
}

/// On the weights row, selects the criterion `id`.
pub fn select_weight(app: &mut App, id: &str) {
    for _ in 0..10 {
        dispatch(app, Action::Left);
    }
    while app.view.tabs.scoring.column() != Some(id) {
        dispatch(app, Action::Right);
    }
}
