//! The store on temporary directories: round trips, load errors with positions that
//! leave the file untouched, conflicts, file modes, and the trash.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use chrono::NaiveDate;
use pactboard::domain::kpi::{Direction, Kpi, KpiClosed, KpiKind, KpiOutcome, Reading};
use pactboard::domain::partner::*;
use pactboard::domain::scoring::Score;
use pactboard::domain::timeline::{Milestone, MilestoneStatus, Replan};
use pactboard::domain::workspace::{StageRole, Workspace};
use pactboard::store::{SaveError, Store, format::to_ron};
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A small workspace with two partners, written through the store.
fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut acme = Partner::new("Acme", "startup", "maya", "active", day("2026-06-01"));
    acme.kpis.push(Kpi {
        id: "kp-leads1".into(),
        perspective: "customer".into(),
        unit: "leads".into(),
        direction: Direction::HigherIsBetter,
        readings: vec![Reading {
            id: "rd-000001".into(),
            ..Reading::new(day("2026-07-01"), 20.0)
        }],
        ..Kpi::new(
            "Leads",
            (0.0, 400.0),
            (day("2026-06-01"), day("2027-06-01")),
        )
    });
    let beta = Partner::new("Beta", "agency", "jonas", "prospect", day("2026-09-01"));
    store
        .init(
            &Workspace::new("Team"),
            &[("acme".into(), acme), ("beta".into(), beta)],
            false,
        )
        .unwrap();
    (dir, store)
}

fn partner_path(store: &Store, id: &str) -> std::path::PathBuf {
    store.root().join(Store::partner_file(id))
}

/// Replaces `from` with `to` in a partner's file and returns the new bytes.
fn edit_file(path: &Path, from: &str, to: &str) -> Vec<u8> {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    let edited = text.replacen(from, to, 1);
    fs::write(path, &edited).unwrap();
    edited.into_bytes()
}

fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|line| line.contains(needle))
        .unwrap()
        + 1
}

#[test]
fn everything_written_loads_back() {
    let (_dir, store) = fixture();
    let snapshot = store.load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    let ids: Vec<_> = snapshot.partners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["acme", "beta"]);
    assert_eq!(snapshot.workspace.name, "Team");
}

#[test]
fn readings_and_history_are_one_line_each() {
    let (_dir, store) = fixture();
    let text = fs::read_to_string(partner_path(&store, "acme")).unwrap();
    assert!(
        text.contains(
            "\n                (id: \"rd-000001\", date: \"2026-07-01\", value: 20.0),\n"
        ),
        "{text}"
    );
    assert!(text.starts_with("(\n    version: 2,\n    name: \"Acme\",\n"));
    assert!(!text.contains("Partner("), "no struct names");
}

#[test]
fn a_truncated_file_is_reported_and_left_alone() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "acme");
    let text = fs::read_to_string(&path).unwrap();
    let cut: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
    fs::write(&path, &cut).unwrap();
    let snapshot = store.load().unwrap();
    assert_eq!(snapshot.partners.len(), 1, "the other partner still loads");
    let error = &snapshot.errors[0];
    assert_eq!(error.file, "partners/acme.ron");
    assert_eq!(error.line, 12, "{error}");
    assert!(error.message.contains("ends too early"), "{error}");
    assert!(error.to_string().starts_with("partners/acme.ron:12:"));
    assert_eq!(fs::read_to_string(&path).unwrap(), cut);
}

#[test]
fn a_wrong_type_is_reported_at_the_value() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    let bytes = edit_file(&path, "kind: \"agency\"", "kind: 42");
    let snapshot = store.load().unwrap();
    let error = &snapshot.errors[0];
    assert_eq!(error.line, line_of(&path, "kind: 42"), "{error}");
    assert_eq!(error.column, 11, "{error}");
    assert!(
        error.message.contains("expected text in double quotes"),
        "{error}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_bad_date_says_what_a_date_looks_like() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    edit_file(
        &path,
        "stage_since: \"2026-09-01\"",
        "stage_since: \"1 Sept\"",
    );
    let error = &store.load().unwrap().errors[0];
    assert_eq!(error.line, line_of(&path, "1 Sept"), "{error}");
    assert!(error.message.contains("YYYY-MM-DD"), "{error}");
}

#[test]
fn an_unknown_field_is_named() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    let bytes = edit_file(&path, "    kind:", "    colour: \"red\",\n    kind:");
    let error = &store.load().unwrap().errors[0];
    assert_eq!(error.line, line_of(&path, "colour"), "{error}");
    assert_eq!(error.column, 5, "{error}");
    assert!(error.message.contains("unknown field `colour`"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_newer_version_loads_read_only_and_is_never_saved() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    let bytes = edit_file(&path, "version: 2,", "version: 3,");
    let snapshot = store.load().unwrap();
    let error = &snapshot.errors[0];
    assert_eq!((error.line, error.column), (2, 14), "{error}");
    assert!(error.message.contains("newer pactboard"));
    let beta = snapshot.partners.iter().find(|p| p.id == "beta").unwrap();
    assert!(beta.read_only);
    let result = store.save_partner("beta", &beta.partner, beta.fingerprint.as_ref());
    assert_eq!(
        result,
        Err(SaveError::ReadOnly {
            file: "partners/beta.ron".into()
        })
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_newer_version_with_new_fields_is_still_reported_at_its_version() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    edit_file(&path, "version: 2,", "version: 3,\n    mood: \"sunny\",");
    let snapshot = store.load().unwrap();
    assert_eq!(
        (snapshot.errors[0].line, snapshot.errors[0].column),
        (2, 14)
    );
    assert!(snapshot.partners.iter().all(|p| p.id != "beta"));
}

#[test]
fn a_broken_workspace_does_not_stop_the_partners() {
    let (_dir, store) = fixture();
    fs::write(store.root().join("workspace.ron"), "(version: 2, name: ").unwrap();
    let snapshot = store.load().unwrap();
    assert_eq!(snapshot.partners.len(), 2);
    assert_eq!(snapshot.errors[0].file, "workspace.ron");
    assert!(snapshot.workspace_fingerprint.is_none());
    assert!(snapshot.workspace_read_only);
}

#[test]
fn saving_over_a_file_changed_on_disk_is_a_conflict() {
    let (_dir, store) = fixture();
    let snapshot = store.load().unwrap();
    let acme = &snapshot.partners[0];
    let path = partner_path(&store, "acme");
    let theirs = edit_file(&path, "owner: \"maya\"", "owner: \"jonas\"");
    let mut mine = acme.partner.clone();
    mine.summary = "my change".into();
    let result = store.save_partner("acme", &mine, acme.fingerprint.as_ref());
    let Err(SaveError::Conflict {
        file,
        why,
        fields,
        seen,
    }) = result
    else {
        panic!("{result:?}")
    };
    assert_eq!(
        (file.as_str(), why.as_str(), fields),
        (
            "partners/acme.ron",
            "changed on disk since it was loaded",
            Vec::new()
        )
    );
    assert!(
        seen.is_some_and(|seen| seen.hash == pactboard::store::Fingerprint::of(&theirs, None).hash),
        "it says what it found there"
    );
    assert_eq!(fs::read(&path).unwrap(), theirs, "their change is intact");
}

#[test]
fn a_new_partner_never_replaces_an_existing_file_and_a_deleted_one_is_not_recreated() {
    let (_dir, store) = fixture();
    let partner = Partner::new("Acme", "x", "maya", "prospect", day("2026-01-01"));
    assert!(matches!(
        store.save_partner("acme", &partner, None),
        Err(SaveError::Conflict { .. })
    ));
    let snapshot = store.load().unwrap();
    fs::remove_file(partner_path(&store, "beta")).unwrap();
    let beta = &snapshot.partners[1];
    assert!(matches!(
        store.save_partner("beta", &beta.partner, beta.fingerprint.as_ref()),
        Err(SaveError::Conflict { .. })
    ));
    assert!(!partner_path(&store, "beta").exists());
}

#[test]
fn saving_keeps_mode_and_group_and_chains_fingerprints() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "acme");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
    let gid = fs::metadata(&path).unwrap().gid();
    let snapshot = store.load().unwrap();
    let acme = &snapshot.partners[0];
    let mut partner = acme.partner.clone();
    partner.summary = "first".into();
    let next = store
        .save_partner("acme", &partner, acme.fingerprint.as_ref())
        .unwrap();
    partner.summary = "second".into();
    store.save_partner("acme", &partner, Some(&next)).unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o660);
    assert_eq!(meta.gid(), gid);
    assert_eq!(store.load().unwrap().partners[0].partner.summary, "second");
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "acme");
    let first = fs::read(&path).unwrap();
    let snapshot = store.load().unwrap();
    let acme = &snapshot.partners[0];
    store
        .save_partner("acme", &acme.partner, acme.fingerprint.as_ref())
        .unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn deleting_moves_the_file_to_the_trash() {
    let (_dir, store) = fixture();
    let path = partner_path(&store, "beta");
    let bytes = fs::read(&path).unwrap();
    let snapshot = store.load().unwrap();
    let trashed = store
        .trash_partner("beta", snapshot.partners[1].fingerprint.as_ref().unwrap())
        .unwrap();
    assert!(!path.exists());
    assert!(trashed.starts_with(store.root().join(".trash")));
    assert!(
        trashed
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("beta-")
    );
    assert_eq!(fs::read(&trashed).unwrap(), bytes);
    assert_eq!(store.load().unwrap().partners.len(), 1);
}

#[test]
fn init_refuses_a_non_empty_directory_without_force_and_trashes_what_it_replaces() {
    let (_dir, store) = fixture();
    let before = fs::read(store.root().join("workspace.ron")).unwrap();
    let result = store.init(&Workspace::new("Other"), &[], false);
    assert!(result.unwrap_err().to_string().contains("--force"));
    assert_eq!(
        fs::read(store.root().join("workspace.ron")).unwrap(),
        before
    );
    store.init(&Workspace::new("Other"), &[], true).unwrap();
    assert_eq!(store.load().unwrap().workspace.name, "Other");
    let trashed: Vec<_> = fs::read_dir(store.root().join(".trash")).unwrap().collect();
    assert_eq!(trashed.len(), 1);
}

#[test]
fn a_symlinked_partner_file_stays_a_link() {
    let (dir, store) = fixture();
    let path = partner_path(&store, "beta");
    let elsewhere = dir.path().join("beta-real.ron");
    fs::rename(&path, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    let snapshot = store.load().unwrap();
    let beta = &snapshot.partners[1];
    let mut partner = beta.partner.clone();
    partner.summary = "through the link".into();
    store
        .save_partner("beta", &partner, beta.fingerprint.as_ref())
        .unwrap();
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&elsewhere)
            .unwrap()
            .contains("through the link")
    );
}

#[test]
fn a_missing_workspace_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::new(dir.path()).load().unwrap_err().to_string();
    assert!(error.contains("not a pactboard data directory"), "{error}");
    assert!(error.contains("pactboard init"));
}

#[test]
fn every_new_field_of_version_2_is_written_and_read_back() {
    let (_dir, store) = fixture();
    let snapshot = store.load().unwrap();
    let acme = &snapshot.partners[0];
    let mut partner = acme.partner.clone();
    partner.goals.push(Goal {
        id: "gl-grow01".into(),
        statement: "Grow".into(),
        ..Goal::default()
    });
    partner.agreement.review_notice_days = Some(45);
    partner.agreement.renewal_notice_days = Some(90);
    partner.agreement.deliverables.push(Deliverable {
        id: "dl-pilot1".into(),
        title: "Pilot".into(),
        ..Deliverable::default()
    });
    partner.agreement.amendments.push(Amendment {
        id: "am-full01".into(),
        date: day("2026-09-01"),
        note: "Trial became the full agreement".into(),
        expires: Some(day("2028-09-01")),
    });
    let mut milestone = Milestone::new("Pilot live", "launch", day("2026-10-01"));
    milestone.id = "ms-pilot1".into();
    milestone.goal = Some("gl-grow01".into());
    milestone.deliverable = Some("dl-pilot1".into());
    milestone.status = MilestoneStatus::Blocked;
    milestone.blocked_reason = "Waiting for their IT".into();
    milestone.status_before = Some(MilestoneStatus::InProgress);
    milestone.replan(
        day("2026-10-15"),
        day("2026-09-20"),
        "maya",
        "Hardware late",
    );
    partner.milestones.push(milestone);
    let kpi = &mut partner.kpis[0];
    kpi.kind = KpiKind::Maintain;
    kpi.goal = Some("gl-grow01".into());
    kpi.decimals = Some(1);
    kpi.closed = Some(KpiClosed {
        date: day("2026-11-01"),
        outcome: KpiOutcome::Met,
        note: "Closed at the Q3 review".into(),
    });
    kpi.readings[0].note = "After the webinar".into();
    partner.scores.push(Score {
        by: "maya".into(),
        on: Some(day("2026-05-01")),
        ..Score::new("strategic-fit", 4, "Same customers")
    });
    partner.checkins.push(CheckIn {
        id: "ci-week01".into(),
        tier: Some(Tier::Operational),
        attendees: vec!["Maya".into(), "Sam".into()],
        actions: vec!["ac-call01".into()],
        ..CheckIn::new(day("2026-11-20"), "maya")
    });
    partner.reviews.push(Review {
        id: "rv-q3rev1".into(),
        outcomes: vec![
            Outcome {
                goal: "gl-grow01".into(),
                rating: OutcomeRating::Met,
                ..Outcome::default()
            },
            Outcome {
                goal_text: "A goal since removed".into(),
                rating: OutcomeRating::Missed,
                ..Outcome::default()
            },
        ],
        closed_kpis: vec!["kp-leads1".into()],
        adjustments: vec!["ac-fix001".into()],
        ..Review::new(day("2026-11-01"), "maya")
    });
    partner.actions.push(ActionItem {
        id: "ac-call01".into(),
        text: "Call Sam".into(),
        side: Side::Theirs,
        origin: Some("ci-week01".into()),
        ..ActionItem::default()
    });
    partner.actions.push(ActionItem {
        id: "ac-fix001".into(),
        text: "Fix the form".into(),
        origin: Some("rv-q3rev1".into()),
        ..ActionItem::default()
    });
    store
        .save_partner("acme", &partner, acme.fingerprint.as_ref())
        .unwrap();

    let text = fs::read_to_string(partner_path(&store, "acme")).unwrap();
    for line in [
        "review_notice_days: Some(45),",
        "(id: \"am-full01\", date: \"2026-09-01\", note: \"Trial became the full agreement\", expires: Some(\"2028-09-01\")),",
        "goal: Some(\"gl-grow01\"),",
        "deliverable: Some(\"dl-pilot1\"),",
        "blocked_reason: \"Waiting for their IT\",",
        "status_before: Some(InProgress),",
        "(date: \"2026-09-20\", by: \"maya\", from: \"2026-10-01\", to: \"2026-10-15\", reason: \"Hardware late\"),",
        "kind: Maintain,",
        "decimals: Some(1),",
        "closed: Some((date: \"2026-11-01\", outcome: Met, note: \"Closed at the Q3 review\")),",
        "(id: \"rd-000001\", date: \"2026-07-01\", value: 20.0, note: \"After the webinar\"),",
        "by: \"maya\", on: Some(\"2026-05-01\")),",
        "tier: Some(Operational),",
        "attendees: [\"Maya\", \"Sam\"],",
        "actions: [\"ac-call01\"],",
        "(goal: \"\", goal_text: \"A goal since removed\", rating: Missed, comment: \"\"),",
        "(goal: \"gl-grow01\", rating: Met, comment: \"\"),",
        "closed_kpis: [\"kp-leads1\"],",
        "adjustments: [\"ac-fix001\"],",
        "side: Theirs, due: None, done: None, origin: Some(\"ci-week01\")),",
    ] {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
    let back = store.load().unwrap();
    assert!(back.errors.is_empty() && back.upgrades.is_empty());
    assert_eq!(back.partners[0].partner, partner);
}

#[test]
fn fields_missing_from_a_version_2_file_take_their_defaults() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("partners")).unwrap();
    fs::write(
        dir.path().join("workspace.ron"),
        "(\n    version: 2,\n    name: \"Team\",\n    stages: [(name: \"Lead\"), (name: \"Live\", role: Operating, checkin: true)],\n)\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("partners/acme.ron"),
        r#"(
    version: 2,
    name: "Acme",
    stage: "live",
    stage_since: "2026-01-01",
    contacts: [(name: "Sam")],
    milestones: [(title: "Pilot", due: "2026-03-01", planned_due: "2026-03-01")],
    kpis: [(name: "Leads", baseline: 0.0, target: 10.0, start: "2026-01-01", target_date: "2026-12-31", readings: [(date: "2026-02-01", value: 2.0)])],
    checkins: [(date: "2026-02-01", author: "maya")],
    reviews: [(date: "2026-03-01", author: "maya", outcomes: [(goal: "", rating: Met)])],
    actions: [(text: "Call")],
    scores: [(criterion: "strategic-fit", score: 3)],
)
"#,
    )
    .unwrap();
    let store = Store::new(dir.path());
    let snapshot = store.load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);

    let workspace = &snapshot.workspace;
    let defaults = Workspace::new("Team");
    assert_eq!(
        workspace.stages[0].id, "lead",
        "a missing id is the name's slug"
    );
    assert_eq!(workspace.stages[0].role, StageRole::Candidate);
    assert!(!workspace.stages[0].checkin);
    assert_eq!(workspace.criteria, defaults.criteria);
    assert_eq!(workspace.thresholds, defaults.thresholds);
    assert_eq!(workspace.kpi_grace, defaults.kpi_grace);
    assert_eq!(workspace.review_cadence_days, 90);
    assert_eq!(
        (workspace.review_notice_days, workspace.renewal_notice_days),
        (30, 60)
    );

    let acme = &snapshot.partners[0].partner;
    let ids = acme.record_ids();
    assert_eq!(ids.len(), 7);
    assert!(
        ids.iter()
            .all(|(kind, _, id)| id.starts_with(kind.prefix()))
    );
    let milestone = &acme.milestones[0];
    assert_eq!(
        (milestone.goal.clone(), milestone.deliverable.clone()),
        (None, None)
    );
    assert!(milestone.blocked_reason.is_empty() && milestone.replans.is_empty());
    let kpi = &acme.kpis[0];
    assert_eq!(kpi.kind, KpiKind::Cumulative);
    assert_eq!(
        (kpi.goal.clone(), kpi.decimals, kpi.closed.clone()),
        (None, None, None)
    );
    assert_eq!(kpi.direction, Direction::HigherIsBetter);
    assert!(kpi.readings[0].note.is_empty());
    assert_eq!(
        (acme.checkins[0].tier, acme.checkins[0].attendees.len()),
        (None, 0)
    );
    assert_eq!(acme.actions[0].side, Side::Ours);
    assert_eq!(acme.actions[0].origin, None);
    assert_eq!((acme.scores[0].by.as_str(), acme.scores[0].on), ("", None));
    assert!(acme.agreement.amendments.is_empty());
    assert_eq!(acme.agreement.review_notice_days, None);

    // What was filled in is said, and written when the file is next saved.
    let files: Vec<&str> = snapshot.upgrades.iter().map(|u| u.file.as_str()).collect();
    assert_eq!(files, ["workspace.ron", "partners/acme.ron"]);
    assert!(
        snapshot.upgrades[1]
            .to_string()
            .contains("7 records written without an id")
    );
    let file = &snapshot.partners[0];
    store
        .save_partner("acme", &file.partner, file.fingerprint.as_ref())
        .unwrap();
    let again = store.load().unwrap();
    assert_eq!(again.upgrades.len(), 1, "only the workspace is left");
    assert_eq!(
        &again.partners[0].partner, acme,
        "the same ids, now on disk"
    );
}

// ---- round trip of arbitrary partners ----

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ,.'\"\\\\()\\[\\]:#€é-]{0,24}",
        "\\PC{0,12}",
        Just("line one\nline two\ttab".to_string()),
    ]
}

/// An id as the store writes them, or a hand-written one; never empty (an empty id
/// is given one when the file loads, so it would not round-trip as itself).
fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{2}-[0-9a-hjkmnp-tv-z]{6}", "[a-z]{2}-[a-z0-9-]{1,12}",]
}

fn link() -> impl Strategy<Value = Option<String>> {
    prop::option::of(id())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000).prop_map(|days| day("1990-01-01") + chrono::Duration::days(days))
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1.0e9f64..1.0e9,
        (-1000i32..1000).prop_map(f64::from),
        Just(0.1),
        Just(-0.0),
    ]
}

fn side() -> impl Strategy<Value = Side> {
    prop::sample::select(Side::ALL.to_vec())
}

fn status() -> impl Strategy<Value = ClauseStatus> {
    prop::sample::select(ClauseStatus::ALL.to_vec())
}

fn clause() -> impl Strategy<Value = Clause> {
    (status(), text()).prop_map(|(status, note)| Clause { status, note })
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        (id(), text(), text(), side()),
        prop::option::of(date()),
        prop::option::of(date()),
        link(),
    )
        .prop_map(|((id, text, owner, side), due, done, origin)| ActionItem {
            id,
            text,
            owner,
            side,
            due,
            done,
            origin,
        })
}

fn agreement() -> impl Strategy<Value = Agreement> {
    (
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        (prop::option::of(0u32..400), prop::option::of(0u32..400)),
        prop::collection::vec(clause(), 7),
        prop::collection::vec(
            (
                id(),
                text(),
                text(),
                prop::option::of(date()),
                status(),
                text(),
            ),
            0..3,
        ),
        prop::collection::vec((id(), date(), text(), prop::option::of(date())), 0..3),
    )
        .prop_map(
            |(
                (signed, next_review, expires),
                (review_notice_days, renewal_notice_days),
                clauses,
                deliverables,
                amendments,
            )| {
                let mut agreement = Agreement {
                    signed,
                    next_review,
                    expires,
                    review_notice_days,
                    renewal_notice_days,
                    deliverables: deliverables
                        .into_iter()
                        .map(|(id, title, owner, due, status, note)| Deliverable {
                            id,
                            title,
                            owner,
                            due,
                            status,
                            note,
                        })
                        .collect(),
                    amendments: amendments
                        .into_iter()
                        .map(|(id, date, note, expires)| Amendment {
                            id,
                            date,
                            note,
                            expires,
                        })
                        .collect(),
                    ..Agreement::default()
                };
                for (component, clause) in Component::ALL.into_iter().zip(clauses) {
                    *agreement.clause_mut(component) = clause;
                }
                agreement
            },
        )
}

fn tier() -> impl Strategy<Value = Tier> {
    prop::sample::select(Tier::ALL.to_vec())
}

fn charter() -> impl Strategy<Value = Charter> {
    (
        prop::option::of(1u32..60),
        prop::collection::vec((id(), tier(), 1u32..90, text(), text()), 0..3),
        (text(), text()),
        prop::option::of(0u32..200),
        prop::collection::vec(text(), 0..3),
        text(),
    )
        .prop_map(
            |(
                cadence,
                meetings,
                (primary, secondary),
                response_hours,
                escalation,
                confidentiality,
            )| {
                Charter {
                    checkin_cadence_days: cadence,
                    meetings: meetings
                        .into_iter()
                        .map(|(id, tier, cadence_days, attendees, purpose)| MeetingTier {
                            id,
                            tier,
                            cadence_days,
                            attendees,
                            purpose,
                        })
                        .collect(),
                    primary_channel: primary,
                    secondary_channel: secondary,
                    response_hours,
                    escalation,
                    confidentiality,
                }
            },
        )
}

fn milestone_status() -> impl Strategy<Value = MilestoneStatus> {
    prop::sample::select(MilestoneStatus::ALL.to_vec())
}

fn milestone() -> impl Strategy<Value = Milestone> {
    (
        (id(), text(), text(), text()),
        (link(), link()),
        (
            prop::option::of(date()),
            date(),
            date(),
            prop::option::of(date()),
        ),
        (
            milestone_status(),
            text(),
            prop::option::of(milestone_status()),
        ),
        prop::collection::vec((date(), text(), date(), date(), text()), 0..3),
    )
        .prop_map(
            |(
                (id, title, phase, owner),
                (goal, deliverable),
                (start, due, planned_due, done),
                (status, blocked_reason, status_before),
                replans,
            )| Milestone {
                id,
                title,
                phase,
                owner,
                goal,
                deliverable,
                start,
                due,
                planned_due,
                done,
                status,
                blocked_reason,
                status_before,
                replans: replans
                    .into_iter()
                    .map(|(date, by, from, to, reason)| Replan {
                        date,
                        by,
                        from,
                        to,
                        reason,
                    })
                    .collect(),
            },
        )
}

fn kpi() -> impl Strategy<Value = Kpi> {
    (
        (id(), text(), text(), text()),
        (
            prop::sample::select(vec![Direction::HigherIsBetter, Direction::LowerIsBetter]),
            prop::sample::select(KpiKind::ALL.to_vec()),
            link(),
            prop::option::of(0u8..6),
        ),
        (value(), value()),
        (date(), date()),
        prop::option::of((
            date(),
            prop::sample::select(KpiOutcome::ALL.to_vec()),
            text(),
        )),
        prop::collection::vec((id(), date(), value(), text()), 0..6),
    )
        .prop_map(
            |(
                (id, name, perspective, unit),
                (direction, kind, goal, decimals),
                (baseline, target),
                (start, target_date),
                closed,
                readings,
            )| Kpi {
                id,
                name,
                perspective,
                unit,
                direction,
                kind,
                goal,
                decimals,
                baseline,
                target,
                start,
                target_date,
                closed: closed.map(|(date, outcome, note)| KpiClosed {
                    date,
                    outcome,
                    note,
                }),
                readings: readings
                    .into_iter()
                    .map(|(id, date, value, note)| Reading {
                        id,
                        date,
                        value,
                        note,
                    })
                    .collect(),
            },
        )
}

fn rating() -> impl Strategy<Value = OutcomeRating> {
    prop::sample::select(vec![
        OutcomeRating::Met,
        OutcomeRating::Partly,
        OutcomeRating::Missed,
    ])
}

fn review() -> impl Strategy<Value = Review> {
    (
        (id(), date(), text(), text()),
        prop::collection::vec(
            (
                prop_oneof![Just(String::new()), id()],
                text(),
                rating(),
                text(),
            ),
            0..3,
        ),
        (text(), text()),
        (
            prop::collection::vec(id(), 0..3),
            prop::collection::vec(id(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, date, author, period),
                outcomes,
                (worked, challenges),
                (closed_kpis, adjustments),
            )| Review {
                id,
                date,
                author,
                period,
                outcomes: outcomes
                    .into_iter()
                    .map(|(goal, goal_text, rating, comment)| Outcome {
                        goal,
                        goal_text,
                        rating,
                        comment,
                    })
                    .collect(),
                worked,
                challenges,
                closed_kpis,
                adjustments,
            },
        )
}

fn activity() -> impl Strategy<Value = (Vec<Feedback>, Vec<CheckIn>, Vec<Review>, Vec<StageChange>)>
{
    (
        prop::collection::vec(
            (id(), date(), text(), side(), 1u8..=5, text()).prop_map(
                |(id, date, who, side, sentiment, text)| Feedback {
                    id,
                    date,
                    who,
                    side,
                    sentiment,
                    text,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                (id(), date(), text()),
                prop::option::of(tier()),
                prop::collection::vec(text(), 0..3),
                text(),
                prop::collection::vec(id(), 0..3),
            )
                .prop_map(|((id, date, author), tier, attendees, note, actions)| {
                    CheckIn {
                        id,
                        date,
                        author,
                        tier,
                        attendees,
                        note,
                        actions,
                    }
                }),
            0..3,
        ),
        prop::collection::vec(review(), 0..2),
        prop::collection::vec(
            (date(), text(), text(), text(), text()).prop_map(
                |(date, author, from, to, reason)| StageChange {
                    date,
                    author,
                    from,
                    to,
                    reason,
                },
            ),
            0..4,
        ),
    )
}

fn partner() -> impl Strategy<Value = Partner> {
    (
        (text(), text(), text(), text(), date()),
        (prop::collection::vec(text(), 0..3), text()),
        prop::collection::vec(
            (id(), text(), text(), side(), text(), text()).prop_map(
                |(id, name, role, side, email, phone)| Contact {
                    id,
                    name,
                    role,
                    side,
                    email,
                    phone,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                (id(), text(), text(), text()),
                prop::option::of(date()),
                text(),
                any::<bool>(),
            )
                .prop_map(
                    |((id, statement, metric, target), due, owner, agreed_by_both)| Goal {
                        id,
                        statement,
                        metric,
                        target,
                        due,
                        owner,
                        agreed_by_both,
                    },
                ),
            0..3,
        ),
        prop::collection::vec(
            (id(), side(), text(), text()).prop_map(|(id, side, who, responsibility)| Role {
                id,
                side,
                who,
                responsibility,
            }),
            0..3,
        ),
        agreement(),
        charter(),
        prop::collection::vec(
            (text(), 0u8..=6, text(), text(), prop::option::of(date())).prop_map(
                |(criterion, score, evidence, by, on)| Score {
                    criterion,
                    score,
                    evidence,
                    by,
                    on,
                },
            ),
            0..4,
        ),
        (
            prop::collection::vec(milestone(), 0..3),
            prop::collection::vec(kpi(), 0..3),
        ),
        (activity(), prop::collection::vec(action(), 0..3)),
    )
        .prop_map(
            |(
                (name, kind, owner, stage, stage_since),
                (tags, summary),
                contacts,
                goals,
                roles,
                agreement,
                charter,
                scores,
                (milestones, kpis),
                ((feedback, checkins, reviews, history), actions),
            )| Partner {
                version: PARTNER_VERSION,
                name,
                kind,
                owner,
                stage,
                stage_since,
                tags,
                summary,
                contacts,
                goals,
                roles,
                agreement,
                charter,
                scores,
                milestones,
                kpis,
                feedback,
                checkins,
                reviews,
                actions,
                history,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_partner_round_trips_through_its_file(partner in partner()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.init(&Workspace::new("T"), &[], false).unwrap();
        let fingerprint = store.save_partner("p", &partner, None).unwrap();
        let snapshot = store.load().unwrap();
        prop_assert!(snapshot.errors.is_empty(), "{:?}\n{}", snapshot.errors, to_ron(&partner).unwrap());
        prop_assert!(snapshot.upgrades.is_empty(), "{:?}", snapshot.upgrades);
        prop_assert_eq!(&snapshot.partners[0].partner, &partner);
        let first = fs::read(partner_path(&store, "p")).unwrap();
        store.save_partner("p", &snapshot.partners[0].partner, Some(&fingerprint)).unwrap();
        prop_assert_eq!(fs::read(partner_path(&store, "p")).unwrap(), first);
    }
}
