//! The Scoring tab's scores through `update`, on a temporary copy of the scoring
//! fixture: `+`/`-`, `x` and the score form checked in the partner files with who
//! and when, and undone; rank moves counted from entering the tab; candidates,
//! marks and the partner detail; and `check`'s warnings about scores that count
//! for nothing. Weights and criteria are in `scoring_weights.rs`.

mod common;

use std::fs;

use common::scoring::*;
use common::*;
use crossterm::event::KeyCode;
use pactboard::app::action::ScoringAction;
use pactboard::app::screens::scoring::Mode;
use pactboard::app::{Action, Tab, dispatch};
use pactboard::domain::scoring::score_for;

#[test]
fn the_tab_opens_on_the_first_score_of_the_best_candidate() {
    let (_dir, app) = tab();
    let screen = &app.view.tabs.scoring;
    assert_eq!(screen.selected(), Some("elm-street-studio"));
    assert_eq!(screen.column(), Some("strategic-fit"));
    // The partial score (100 from 2 of 8) ranks after the complete ones.
    let granite = &rows(&app)[3];
    assert_eq!((granite.0.as_str(), granite.1), ("granite-labs", 4));
}

#[test]
fn plus_on_an_empty_cell_starts_at_3_records_who_and_when_and_u_undoes_it() {
    let (_dir, mut app) = tab();
    select(&mut app, "fjord-data-cooperative", "track-record");
    let before = on_disk(&app, "fjord-data-cooperative");
    assert_eq!(score(&before, "track-record"), None);
    scoring(&mut app, ScoringAction::Raise);
    let after = on_disk(&app, "fjord-data-cooperative");
    let given = score_for(&after.scores, "track-record").unwrap();
    assert_eq!(given.score, 3);
    assert_eq!(given.by, "maya");
    assert_eq!(given.on.unwrap().to_string(), FIXTURE_DATE_TEXT);
    assert!(
        status(&app).contains("Track record scored 3 — saved"),
        "{}",
        status(&app)
    );
    // Nothing else in the file changed.
    let mut expected = before.clone();
    expected.scores.push(given.clone());
    assert_eq!(after, expected);
    dispatch(&mut app, Action::Undo);
    assert_eq!(on_disk(&app, "fjord-data-cooperative"), before);
    dispatch(&mut app, Action::Redo);
    assert_eq!(on_disk(&app, "fjord-data-cooperative"), after);
}

/// A tester: each `+` on a score was an undo step of its own, while quick presses
/// on the Timeline join one. Quick presses on one cell are one step here too.
#[test]
fn quick_presses_on_one_score_are_one_undo_step() {
    use std::time::{Duration, Instant};
    let (_dir, mut app) = tab();
    select(&mut app, "fjord-data-cooperative", "track-record");
    let before = on_disk(&app, "fjord-data-cooperative");
    let start = Instant::now();
    for (second, action) in [
        (0, ScoringAction::Raise),
        (1, ScoringAction::Raise),
        (2, ScoringAction::Raise),
    ] {
        app.now = Some(start + Duration::from_secs(second));
        scoring(&mut app, action);
    }
    let after = on_disk(&app, "fjord-data-cooperative");
    assert_eq!(score(&after, "track-record").map(|(s, _)| s), Some(5));
    assert_eq!(app.history.undo.len(), 1, "one undo step");
    // After a pause, the next press is a step of its own.
    app.now = Some(start + Duration::from_secs(10));
    scoring(&mut app, ScoringAction::Lower);
    assert_eq!(app.history.undo.len(), 2);
    dispatch(&mut app, Action::Undo);
    dispatch(&mut app, Action::Undo);
    assert_eq!(
        on_disk(&app, "fjord-data-cooperative"),
        before,
        "two u for both"
    );
}

#[test]
fn minus_on_an_empty_cell_starts_at_3_too() {
    let (_dir, mut app) = tab();
    select(&mut app, "harbour-makers", "expertise");
    scoring(&mut app, ScoringAction::Lower);
    let after = on_disk(&app, "harbour-makers");
    assert_eq!(score(&after, "expertise"), Some((3, String::new())));
}

#[test]
fn scores_stop_at_1_and_5_without_a_change() {
    let (_dir, mut app) = tab();
    // Elm's expertise is 5, with its evidence.
    select(&mut app, "elm-street-studio", "expertise");
    scoring(&mut app, ScoringAction::Raise);
    assert!(status(&app).contains("already 5"), "{}", status(&app));
    assert!(app.history.undo.is_empty(), "nothing to undo");
    scoring(&mut app, ScoringAction::Lower);
    let after = on_disk(&app, "elm-street-studio");
    let (value, evidence) = score(&after, "expertise").unwrap();
    assert_eq!(value, 4);
    assert!(
        evidence.starts_with("Built the city's transit app"),
        "the evidence stays"
    );
    for _ in 0..5 {
        scoring(&mut app, ScoringAction::Lower);
    }
    assert_eq!(
        score(&on_disk(&app, "elm-street-studio"), "expertise")
            .unwrap()
            .0,
        1
    );
    assert!(status(&app).contains("already 1"), "{}", status(&app));
}

#[test]
fn x_clears_the_score_and_its_evidence_and_u_brings_them_back() {
    let (_dir, mut app) = tab();
    select(&mut app, "acme-analytics", "strategic-fit");
    let before = on_disk(&app, "acme-analytics");
    scoring(&mut app, ScoringAction::Clear);
    let after = on_disk(&app, "acme-analytics");
    assert_eq!(score(&after, "strategic-fit"), None);
    assert!(
        status(&app).contains("cleared the Strategic fit score (was 4) and its evidence"),
        "{}",
        status(&app)
    );
    dispatch(&mut app, Action::Undo);
    assert_eq!(on_disk(&app, "acme-analytics"), before);
    // An empty cell has nothing to clear.
    select(&mut app, "harbour-makers", "strategic-fit");
    scoring(&mut app, ScoringAction::Clear);
    assert!(status(&app).contains("has no score"), "{}", status(&app));
}

#[test]
fn the_score_form_saves_score_and_evidence_with_who_and_when() {
    let (_dir, mut app) = tab();
    select(&mut app, "elm-street-studio", "strategic-fit");
    dispatch(&mut app, Action::Open);
    assert!(has_form(&app));
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "4");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Their plan names our council work");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "Source: call with their CEO, 2026-11-20");
    ctrl_s(&mut app);
    assert!(!has_form(&app), "saved and closed: {}", status(&app));
    let after = on_disk(&app, "elm-street-studio");
    let given = score_for(&after.scores, "strategic-fit").unwrap();
    assert_eq!(given.score, 4);
    assert_eq!(
        given.evidence,
        "Their plan names our council work\nSource: call with their CEO, 2026-11-20"
    );
    assert_eq!(
        (given.by.as_str(), given.on.unwrap().to_string().as_str()),
        ("maya", FIXTURE_DATE_TEXT)
    );
    // Confirming the form unchanged changes nothing (not even who and when).
    dispatch(&mut app, Action::Open);
    ctrl_s(&mut app);
    assert!(status(&app).contains("nothing changed"), "{}", status(&app));
    assert_eq!(on_disk(&app, "elm-street-studio"), after);
    // A score outside 1–5 is refused under the field.
    dispatch(&mut app, Action::Open);
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    ctrl_s(&mut app);
    assert!(has_form(&app), "refused");
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Yes);
    dispatch(&mut app, Action::Undo);
    assert_eq!(
        score(&on_disk(&app, "elm-street-studio"), "strategic-fit"),
        Some((3, String::new()))
    );
}

#[test]
fn up_to_three_candidates_are_compared() {
    let (_dir, mut app) = tab();
    scoring(&mut app, ScoringAction::Mark);
    scoring(&mut app, ScoringAction::Compare);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);
    assert!(
        status(&app).contains("mark two or three"),
        "{}",
        status(&app)
    );
    for _ in 0..3 {
        dispatch(&mut app, Action::Down);
        scoring(&mut app, ScoringAction::Mark);
    }
    assert_eq!(app.view.tabs.scoring.marked().len(), 3);
    assert!(status(&app).contains("3 candidates are marked already"));
    scoring(&mut app, ScoringAction::Compare);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Compare);
    dispatch(&mut app, Action::Back);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);
    dispatch(&mut app, Action::Back);
    assert!(
        app.view.tabs.scoring.marked().is_empty(),
        "Esc clears the marks"
    );
}

#[test]
fn enter_on_a_name_opens_the_partner_and_esc_comes_back() {
    let (_dir, mut app) = tab();
    dispatch(&mut app, Action::Down);
    dispatch(&mut app, Action::Left);
    assert_eq!(app.view.tabs.scoring.column(), None);
    dispatch(&mut app, Action::Open);
    assert_eq!(
        app.view.detail().map(|d| d.partner.as_str()),
        Some("fjord-data-cooperative")
    );
    dispatch(&mut app, Action::Back);
    assert!(app.view.detail().is_none());
    assert_eq!(app.view.tab, Tab::Scoring);
}

#[test]
fn rank_moves_count_from_entering_the_tab() {
    let (_dir, mut app) = tab();
    // Acme (62) gets 5s until it passes Fjord (71) and Elm (75).
    for criterion in [
        "strategic-fit",
        "collaboration-readiness",
        "financial-stability",
    ] {
        select(&mut app, "acme-analytics", criterion);
        for _ in 0..3 {
            scoring(&mut app, ScoringAction::Raise);
        }
    }
    let now = rows(&app);
    assert_eq!(now[0], ("acme-analytics".to_string(), 1, Some(2)));
    assert_eq!(now[1].2, Some(-1));
    // Leaving and coming back starts counting again.
    dispatch(&mut app, Action::GoTo(Tab::Pipeline));
    dispatch(&mut app, Action::GoTo(Tab::Scoring));
    assert!(rows(&app).iter().all(|(_, _, moved)| *moved == Some(0)));
}

#[test]
fn candidates_are_the_candidate_stages_by_role_and_a_shows_everyone() {
    let (_dir, mut app) = tab();
    assert_eq!(rows(&app).len(), 5);
    scoring(&mut app, ScoringAction::ToggleAll);
    assert_eq!(rows(&app).len(), 8);
    assert_eq!(
        ids(&app)[0],
        "cobalt-works",
        "the active partner ranks first"
    );
    scoring(&mut app, ScoringAction::ToggleAll);
    // Renaming a stage changes nothing: the role decides.
    let path = app.store.root().join("workspace.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("name: \"Prospect\"", "name: \"Long list\""),
    )
    .unwrap();
    dispatch(&mut app, Action::Reload);
    assert_eq!(rows(&app).len(), 5);
    scoring(&mut app, ScoringAction::Sort);
    assert_eq!(ids(&app)[0], "acme-analytics", "by name");
}

#[test]
fn a_read_only_partner_file_is_not_scored() {
    let (_dir, mut app) = tab();
    let index = app.data.partner_index("elm-street-studio").unwrap();
    app.data.partners[index].read_only = true;
    scoring(&mut app, ScoringAction::Raise);
    assert!(status(&app).contains("read-only"), "{}", status(&app));
    assert!(app.history.undo.is_empty());
}

#[test]
fn check_warns_about_scores_that_count_for_nothing() {
    let (_dir, data) = fixture_copy();
    let path = data.join("partners/acme-analytics.ron");
    let text = fs::read_to_string(&path).unwrap();
    let scored = text.replace(
        "    scores: [],",
        "    scores: [\n        (criterion: \"expertise\", score: 4),\n        (criterion: \"vibes\", score: 3),\n        (criterion: \"expertise\", score: 2),\n    ],",
    );
    assert_ne!(text, scored, "{text}");
    fs::write(&path, scored).unwrap();
    let output = pactboard(&["check"], &data);
    let out = stdout(&output);
    assert!(
        out.contains("partners/acme-analytics.ron:")
            && out.contains(
                "warning: \"vibes\" is not a criterion of the workspace, so its score is ignored"
            ),
        "{out}"
    );
    let twice = out
        .lines()
        .find(|line| line.contains("scored twice"))
        .unwrap_or_else(|| panic!("{out}"));
    let line_of = |needle: &str| {
        fs::read_to_string(&path)
            .unwrap()
            .lines()
            .position(|line| line.contains(needle))
            .unwrap()
            + 1
    };
    assert!(
        twice.starts_with(&format!(
            "partners/acme-analytics.ron:{}:",
            line_of("score: 2")
        )),
        "reported where it appears again: {twice}"
    );
    assert_eq!(output.status.code(), Some(0), "warnings only");
}
