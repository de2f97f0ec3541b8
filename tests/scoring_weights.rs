//! The Scoring tab's weights and criteria through `update`, on a temporary copy of
//! the scoring fixture: weights tried in memory and saved as one undoable change to
//! `workspace.ron`, criteria added, renamed, moved, retired, restored, and a
//! retired criterion's scores dropped for good — checked in memory and on disk.

mod common;

use std::fs;

use common::scoring::*;
use crossterm::event::KeyCode;
use pactboard::app::action::ScoringAction;
use pactboard::app::screens::scoring::Mode;
use pactboard::app::{Action, Tab, dispatch};

#[test]
fn weights_are_tried_in_memory_and_saved_as_one_undo_step() {
    let (_dir, mut app) = tab();
    let before = workspace_on_disk(&app);
    let file = fs::read(app.store.root().join("workspace.ron")).unwrap();
    scoring(&mut app, ScoringAction::Weights);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Weights);
    for _ in 0..3 {
        scoring(&mut app, ScoringAction::Raise);
    }
    // Strategic fit 3 → 6: Fjord (5) passes Elm (3); the moves show at once.
    let now = rows(&app);
    assert_eq!(now[0], ("fjord-data-cooperative".to_string(), 1, Some(1)));
    assert_eq!(now[1], ("elm-street-studio".to_string(), 2, Some(-1)));
    // Nothing is written, nothing changed in memory.
    assert_eq!(
        fs::read(app.store.root().join("workspace.ron")).unwrap(),
        file
    );
    assert_eq!(app.data.workspace, before);
    // A second weight joins the same trial.
    for _ in 0..3 {
        dispatch(&mut app, Action::Right);
    }
    assert_eq!(
        app.view.tabs.scoring.column(),
        Some("collaboration-readiness")
    );
    scoring(&mut app, ScoringAction::Lower);
    scoring(&mut app, ScoringAction::SaveWeights);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);
    let saved = workspace_on_disk(&app);
    assert_eq!(weight(&saved, "strategic-fit"), 6.0);
    assert_eq!(weight(&saved, "collaboration-readiness"), 1.0);
    assert_eq!(weight(&saved, "expertise"), 2.0);
    assert_eq!(app.history.undo.len(), 1, "one undo step");
    assert!(
        status(&app)
            .contains("weights: Strategic fit 3 → 6, Collaboration readiness 2 → 1 — saved"),
        "{}",
        status(&app)
    );
    // Moves still count from entering the tab.
    assert_eq!(rows(&app)[0].2, Some(1));
    dispatch(&mut app, Action::Undo);
    assert_eq!(workspace_on_disk(&app), before);
    assert_eq!(ids(&app)[0], "elm-street-studio");
}

#[test]
fn leaving_the_weights_row_asks_only_when_weights_were_tried() {
    let (_dir, mut app) = tab();
    scoring(&mut app, ScoringAction::Weights);
    dispatch(&mut app, Action::Back);
    assert_eq!(question(&app), None);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);

    scoring(&mut app, ScoringAction::Weights);
    scoring(&mut app, ScoringAction::Raise);
    dispatch(&mut app, Action::Back);
    let asked = question(&app).expect("asks");
    assert!(
        asked.contains("Drop the weights you tried (Strategic fit 3 → 4)?"),
        "{asked}"
    );
    dispatch(&mut app, Action::Back); // no: the trial stays
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Weights);
    assert_eq!(app.view.tabs.scoring.trial_changes(&app.data).len(), 1);
    // `w` leaves too, asking the same.
    key(&mut app, KeyCode::Char('w'));
    assert!(question(&app).is_some());
    dispatch(&mut app, Action::Yes);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);
    assert!(app.view.tabs.scoring.trial_changes(&app.data).is_empty());
    assert_eq!(weight(&workspace_on_disk(&app), "strategic-fit"), 3.0);
    assert!(app.history.undo.is_empty());
}

#[test]
fn quitting_with_weights_being_tried_asks_first() {
    let (_dir, mut app) = tab();
    scoring(&mut app, ScoringAction::Weights);
    scoring(&mut app, ScoringAction::Raise);
    dispatch(&mut app, Action::GoTo(Tab::Overview));
    dispatch(&mut app, Action::Quit);
    assert!(!app.should_quit);
    let asked = question(&app).expect("asks");
    assert!(
        asked.contains("Quit and drop the weights being tried (Strategic fit 3 → 4)?"),
        "{asked}"
    );
    dispatch(&mut app, Action::Yes);
    assert!(app.should_quit);
}

#[test]
fn saving_over_a_weight_changed_on_disk_meanwhile_asks_first() {
    let (_dir, mut app) = tab();
    scoring(&mut app, ScoringAction::Weights);
    scoring(&mut app, ScoringAction::Raise);
    // A teammate sets strategic fit to 5 and the file is read again.
    let path = app.store.root().join("workspace.ron");
    let text = fs::read_to_string(&path).unwrap();
    let changed = text.replacen(
        "name: \"Strategic fit\", weight: 3.0",
        "name: \"Strategic fit\", weight: 5.0",
        1,
    );
    assert_ne!(text, changed, "{text}");
    fs::write(&path, changed).unwrap();
    dispatch(&mut app, Action::Reload);
    assert_eq!(
        app.view.tabs.scoring.mode(),
        Mode::Weights,
        "the trial survives"
    );
    scoring(&mut app, ScoringAction::SaveWeights);
    let asked = question(&app).expect("asks");
    assert!(
        asked.contains("Strategic fit is now 5 (you started from 3)"),
        "{asked}"
    );
    dispatch(&mut app, Action::Yes);
    assert_eq!(weight(&workspace_on_disk(&app), "strategic-fit"), 4.0);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Matrix);
}

#[test]
fn criteria_are_added_renamed_described_and_moved() {
    let (_dir, mut app) = tab();
    let before = workspace_on_disk(&app);
    scoring(&mut app, ScoringAction::Weights);
    dispatch(&mut app, Action::Add);
    type_text(&mut app, "Data maturity");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "2.5");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "How well they keep and share their data");
    ctrl_s(&mut app);
    assert!(!has_form(&app), "{}", status(&app));
    let added = workspace_on_disk(&app);
    let ids: Vec<&str> = added.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(&ids[..3], ["strategic-fit", "data-maturity", "expertise"]);
    let criterion = added.criterion("data-maturity").unwrap();
    assert_eq!(criterion.weight, 2.5);
    assert_eq!(
        criterion.description,
        "How well they keep and share their data"
    );
    assert_eq!(
        app.view.tabs.scoring.column(),
        Some("data-maturity"),
        "selected"
    );

    // Renamed: the id stays, so scores given for it stay attached.
    dispatch(&mut app, Action::Edit);
    for _ in 0.."Data maturity".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Data readiness");
    ctrl_s(&mut app);
    let renamed = workspace_on_disk(&app);
    assert_eq!(
        renamed.criterion("data-maturity").unwrap().name,
        "Data readiness"
    );
    assert!(status(&app).contains("renamed criterion Data maturity to Data readiness"));

    // A name already used is refused, a retired one says how to restore it.
    dispatch(&mut app, Action::Add);
    type_text(&mut app, "expertise");
    ctrl_s(&mut app);
    assert!(has_form(&app), "refused");
    dispatch(&mut app, Action::Back);
    dispatch(&mut app, Action::Yes);

    scoring(&mut app, ScoringAction::MoveRight);
    let moved = workspace_on_disk(&app);
    assert_eq!(moved.criteria[2].id, "data-maturity");
    scoring(&mut app, ScoringAction::MoveLeft);
    scoring(&mut app, ScoringAction::MoveLeft);
    assert_eq!(workspace_on_disk(&app).criteria[0].id, "data-maturity");
    scoring(&mut app, ScoringAction::MoveLeft);
    assert!(
        status(&app).contains("already the first"),
        "{}",
        status(&app)
    );
    for _ in 0..5 {
        dispatch(&mut app, Action::Undo);
    }
    assert_eq!(workspace_on_disk(&app), before);
}

#[test]
fn retiring_keeps_the_scores_and_restoring_brings_them_back() {
    let (_dir, mut app) = tab();
    let acme = on_disk(&app, "acme-analytics");
    scoring(&mut app, ScoringAction::Weights);
    select_weight(&mut app, "track-record");
    dispatch(&mut app, Action::Delete);
    let asked = question(&app).expect("asks");
    assert!(
        asked.contains("Retire Track record?")
            && asked.contains("Its 3 scores in 3 partner files stay"),
        "{asked}"
    );
    dispatch(&mut app, Action::Yes);
    let workspace = workspace_on_disk(&app);
    assert!(workspace.criterion("track-record").unwrap().retired);
    assert_eq!(
        on_disk(&app, "acme-analytics"),
        acme,
        "the scores stay in the file"
    );
    let figures = app.data.figures("acme-analytics").unwrap().score;
    assert_eq!((figures.scored, figures.criteria), (7, 7));

    scoring(&mut app, ScoringAction::Retired);
    assert_eq!(app.view.tabs.scoring.mode(), Mode::Retired);
    scoring(&mut app, ScoringAction::Restore);
    assert!(
        !workspace_on_disk(&app)
            .criterion("track-record")
            .unwrap()
            .retired
    );
    assert!(status(&app).contains("restored criterion Track record with 3 scores"));
    let figures = app.data.figures("acme-analytics").unwrap().score;
    assert_eq!((figures.scored, figures.criteria), (8, 8));
    assert_eq!(
        app.view.tabs.scoring.mode(),
        Mode::Weights,
        "none retired now"
    );
    assert_eq!(app.view.tabs.scoring.column(), Some("track-record"));
    dispatch(&mut app, Action::Undo);
    assert!(
        workspace_on_disk(&app)
            .criterion("track-record")
            .unwrap()
            .retired
    );
}

#[test]
fn dropping_a_retired_criterions_scores_asks_and_cannot_be_undone() {
    let (_dir, mut app) = tab();
    // An earlier change to Acme, which an undo would otherwise replay.
    select(&mut app, "acme-analytics", "expertise");
    scoring(&mut app, ScoringAction::Raise);
    scoring(&mut app, ScoringAction::Weights);
    select_weight(&mut app, "track-record");
    dispatch(&mut app, Action::Delete);
    dispatch(&mut app, Action::Yes);
    scoring(&mut app, ScoringAction::Retired);
    scoring(&mut app, ScoringAction::DropScores);
    let asked = question(&app).expect("asks");
    assert!(
        asked.contains("Drop the 3 scores for Track record from 3 partner files?")
            && asked.contains("cannot be undone"),
        "{asked}"
    );
    dispatch(&mut app, Action::Yes);
    for id in ["acme-analytics", "cobalt-works", "elm-street-studio"] {
        assert_eq!(score(&on_disk(&app, id), "track-record"), None, "{id}");
    }
    assert!(
        status(&app).contains("dropped 3 scores for Track record from 3 partner files"),
        "{}",
        status(&app)
    );
    // Undo takes back the retirement (the workspace), never the dropped scores.
    let acme = on_disk(&app, "acme-analytics");
    assert_eq!(
        score(&acme, "expertise").unwrap().0,
        5,
        "the earlier raise stays"
    );
    dispatch(&mut app, Action::Undo);
    assert!(
        !workspace_on_disk(&app)
            .criterion("track-record")
            .unwrap()
            .retired
    );
    dispatch(&mut app, Action::Undo);
    assert!(status(&app).contains("nothing to undo"), "{}", status(&app));
    assert_eq!(on_disk(&app, "acme-analytics"), acme);
}
