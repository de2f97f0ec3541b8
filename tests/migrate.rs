//! Version 1 → 2 on the committed version 1 demo (`tests/fixtures/v1/data`) and on
//! small hand-written files: every file migrates, nothing that existed is lost,
//! the result is the same bytes every time and on every machine, and `pactboard
//! migrate` writes only what it should.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{copy_dir, pactboard, stderr, stdout};
use pactboard::domain::partner::{Partner, Side};
use pactboard::domain::workspace::{RagThresholds, StageRole, Workspace};
use pactboard::store::migrate::v1;
use pactboard::store::{MigrateOutcome, Store};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/data")
}

/// A temporary copy of the version 1 fixture.
fn v1_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&fixture(), &data);
    (dir, data)
}

/// Every file under `dir` (relative path → bytes), hidden ones left out.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    for sub in ["", "partners"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().unwrap().is_file() && !name.starts_with('.') {
                let key = if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                };
                found.insert(key, fs::read(entry.path()).unwrap());
            }
        }
    }
    found
}

fn v1_partner(path: &Path) -> v1::Partner {
    ron::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// A migrated partner said again in version 1's terms: names instead of ids,
/// action items back where they were agreed, goals by statement. Every version 2
/// field that version 1 did not have must still hold its default.
fn as_version_1(partner: &Partner, workspace: &Workspace) -> v1::Partner {
    let action = |id: &str| {
        let action = partner.actions.iter().find(|a| a.id == id).unwrap();
        assert_eq!(action.side, Side::Ours, "{}", action.text);
        v1::ActionItem {
            text: action.text.clone(),
            owner: action.owner.clone(),
            due: action.due,
            done: action.done,
        }
    };
    for checkin in &partner.checkins {
        assert_eq!((checkin.tier, checkin.attendees.len()), (None, 0));
        for id in &checkin.actions {
            let origin = partner.actions.iter().find(|a| a.id == *id).unwrap();
            assert_eq!(origin.origin.as_deref(), Some(checkin.id.as_str()));
        }
    }
    for review in &partner.reviews {
        assert!(review.closed_kpis.is_empty());
    }
    for milestone in &partner.milestones {
        assert!(milestone.goal.is_none() && milestone.deliverable.is_none());
        assert!(milestone.blocked_reason.is_empty() && milestone.replans.is_empty());
        assert!(milestone.status_before.is_none());
    }
    for kpi in &partner.kpis {
        assert!(kpi.goal.is_none() && kpi.decimals.is_none() && kpi.closed.is_none());
        assert!(kpi.readings.iter().all(|r| r.note.is_empty()));
    }
    let agreement = &partner.agreement;
    assert!(agreement.amendments.is_empty());
    assert_eq!(
        (agreement.review_notice_days, agreement.renewal_notice_days),
        (None, None)
    );
    assert!(
        partner
            .scores
            .iter()
            .all(|s| s.by.is_empty() && s.on.is_none())
    );

    v1::Partner {
        version: 1,
        name: partner.name.clone(),
        kind: partner.kind.clone(),
        owner: partner.owner.clone(),
        stage: workspace.stage_name(&partner.stage).to_string(),
        stage_since: partner.stage_since,
        tags: partner.tags.clone(),
        summary: partner.summary.clone(),
        contacts: partner
            .contacts
            .iter()
            .map(|c| v1::Contact {
                name: c.name.clone(),
                role: c.role.clone(),
                side: c.side,
                email: c.email.clone(),
                phone: c.phone.clone(),
            })
            .collect(),
        goals: partner
            .goals
            .iter()
            .map(|g| v1::Goal {
                statement: g.statement.clone(),
                metric: g.metric.clone(),
                target: g.target.clone(),
                due: g.due,
                owner: g.owner.clone(),
                agreed_by_both: g.agreed_by_both,
            })
            .collect(),
        roles: partner
            .roles
            .iter()
            .map(|r| v1::Role {
                side: r.side,
                who: r.who.clone(),
                responsibility: r.responsibility.clone(),
            })
            .collect(),
        agreement: v1::Agreement {
            signed: agreement.signed,
            next_review: agreement.next_review,
            expires: agreement.expires,
            governance: agreement.governance.clone(),
            financial_commitments: agreement.financial_commitments.clone(),
            performance_evaluation: agreement.performance_evaluation.clone(),
            intellectual_property: agreement.intellectual_property.clone(),
            dispute_resolution: agreement.dispute_resolution.clone(),
            exit_strategy: agreement.exit_strategy.clone(),
            flexibility_clauses: agreement.flexibility_clauses.clone(),
            deliverables: agreement
                .deliverables
                .iter()
                .map(|d| v1::Deliverable {
                    title: d.title.clone(),
                    owner: d.owner.clone(),
                    due: d.due,
                    status: d.status,
                    note: d.note.clone(),
                })
                .collect(),
        },
        charter: v1::Charter {
            checkin_cadence_days: partner.charter.checkin_cadence_days,
            meetings: partner
                .charter
                .meetings
                .iter()
                .map(|m| v1::MeetingTier {
                    tier: m.tier,
                    cadence_days: m.cadence_days,
                    attendees: m.attendees.clone(),
                    purpose: m.purpose.clone(),
                })
                .collect(),
            primary_channel: partner.charter.primary_channel.clone(),
            secondary_channel: partner.charter.secondary_channel.clone(),
            response_hours: partner.charter.response_hours,
            escalation: partner.charter.escalation.clone(),
            confidentiality: partner.charter.confidentiality.clone(),
        },
        scores: partner
            .scores
            .iter()
            .map(|s| v1::Score {
                criterion: workspace.criterion_name(&s.criterion).to_string(),
                score: s.score,
                evidence: s.evidence.clone(),
            })
            .collect(),
        milestones: partner
            .milestones
            .iter()
            .map(|m| v1::Milestone {
                title: m.title.clone(),
                phase: workspace.phase_name(&m.phase).to_string(),
                owner: m.owner.clone(),
                start: m.start,
                due: m.due,
                planned_due: m.planned_due,
                done: m.done,
                status: m.status,
            })
            .collect(),
        kpis: partner
            .kpis
            .iter()
            .map(|k| v1::Kpi {
                name: k.name.clone(),
                perspective: workspace.perspective_name(&k.perspective).to_string(),
                unit: k.unit.clone(),
                direction: k.direction,
                baseline: k.baseline,
                target: k.target,
                start: k.start,
                target_date: k.target_date,
                readings: k
                    .readings
                    .iter()
                    .map(|r| v1::Reading {
                        date: r.date,
                        value: r.value,
                    })
                    .collect(),
            })
            .collect(),
        feedback: partner
            .feedback
            .iter()
            .map(|f| v1::Feedback {
                date: f.date,
                who: f.who.clone(),
                side: f.side,
                sentiment: f.sentiment,
                text: f.text.clone(),
            })
            .collect(),
        checkins: partner
            .checkins
            .iter()
            .map(|c| v1::CheckIn {
                date: c.date,
                author: c.author.clone(),
                note: c.note.clone(),
                actions: c.actions.iter().map(|id| action(id)).collect(),
            })
            .collect(),
        reviews: partner
            .reviews
            .iter()
            .map(|r| v1::Review {
                date: r.date,
                author: r.author.clone(),
                period: r.period.clone(),
                outcomes: r
                    .outcomes
                    .iter()
                    .map(|o| v1::Outcome {
                        goal: match partner.goal(&o.goal) {
                            Some(goal) => goal.statement.clone(),
                            None => o.goal_text.clone(),
                        },
                        rating: o.rating,
                        comment: o.comment.clone(),
                    })
                    .collect(),
                worked: r.worked.clone(),
                challenges: r.challenges.clone(),
                adjustments: r.adjustments.iter().map(|id| action(id)).collect(),
            })
            .collect(),
        actions: partner
            .actions
            .iter()
            .filter(|a| a.origin.is_none())
            .map(|a| action(&a.id))
            .collect(),
        history: partner
            .history
            .iter()
            .map(|change| pactboard::domain::partner::StageChange {
                from: workspace.stage_name(&change.from).to_string(),
                to: workspace.stage_name(&change.to).to_string(),
                ..change.clone()
            })
            .collect(),
    }
}

#[test]
fn every_version_1_file_of_the_demo_migrates_and_keeps_every_field() {
    let (_dir, data) = v1_copy();
    let snapshot = Store::new(&data).load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    assert_eq!(snapshot.partners.len(), 12);
    assert_eq!(
        snapshot.upgrades.len(),
        13,
        "the workspace and every partner"
    );
    assert!(snapshot.upgrades.iter().all(|u| u.from_version == 1));
    let workspace = &snapshot.workspace;

    let old: v1::Workspace =
        ron::from_str(&fs::read_to_string(data.join("workspace.ron")).unwrap()).unwrap();
    assert_eq!(workspace.version, 2);
    assert_eq!(workspace.name, old.name);
    assert_eq!(workspace.members, old.members);
    assert_eq!(workspace.checkin_cadence_days, old.checkin_cadence_days);
    assert_eq!(workspace.demo_as_of, old.demo_as_of);
    for (new, old) in workspace.stages.iter().zip(&old.stages) {
        assert_eq!(new.name, old.name);
        assert_eq!(new.checkin, old.checkin);
        assert_eq!(new.role == StageRole::Closed, old.closed, "{}", old.name);
    }
    assert_eq!(workspace.stages.len(), old.stages.len());
    let criteria: Vec<(&str, f64)> = workspace
        .criteria
        .iter()
        .map(|c| (c.name.as_str(), c.weight))
        .collect();
    let old_criteria: Vec<(&str, f64)> = old
        .criteria
        .iter()
        .map(|c| (c.name.as_str(), c.weight))
        .collect();
    assert_eq!(criteria, old_criteria);
    let names = |list: Vec<&str>| list.join(",");
    assert_eq!(
        names(workspace.phases.iter().map(|p| p.name.as_str()).collect()),
        old.phases.join(",")
    );
    assert_eq!(
        names(
            workspace
                .perspectives
                .iter()
                .map(|p| p.name.as_str())
                .collect()
        ),
        old.perspectives.join(",")
    );
    assert_eq!(
        workspace.thresholds,
        RagThresholds::default(),
        "the old default thresholds become the new defaults"
    );

    for file in &snapshot.partners {
        let path = data.join(Store::partner_file(&file.id));
        let old = v1_partner(&path);
        assert_eq!(file.partner.version, 2);
        assert!(
            file.partner
                .record_ids()
                .iter()
                .all(|(_, _, id)| !id.is_empty())
        );
        assert_eq!(
            as_version_1(&file.partner, workspace),
            old,
            "{} lost or changed something in migration",
            file.id
        );
    }
}

#[test]
fn migrating_writes_each_file_once_and_then_the_same_bytes_for_ever() {
    let (_dir, data) = v1_copy();
    let store = Store::new(&data);
    let report = store.migrate(&store.load().unwrap(), false);
    assert_eq!(report.failed(), 0, "{report:?}");
    assert!(
        report
            .lines
            .iter()
            .all(|line| matches!(line.outcome, MigrateOutcome::Written(_)))
    );
    let first = files(&data);
    assert!(
        first
            .values()
            .all(|bytes| String::from_utf8_lossy(bytes).starts_with("(\n    version: 2,\n"))
    );

    // Again: nothing to do, nothing written.
    let again = store.migrate(&store.load().unwrap(), false);
    assert!(
        again
            .lines
            .iter()
            .all(|line| line.outcome == MigrateOutcome::Current),
        "{again:?}"
    );
    assert_eq!(files(&data), first);

    // Loaded as version 2 and saved again: the same bytes.
    let snapshot = store.load().unwrap();
    assert!(snapshot.upgrades.is_empty(), "{:?}", snapshot.upgrades);
    for file in &snapshot.partners {
        store
            .save_partner(&file.id, &file.partner, file.fingerprint.as_ref())
            .unwrap();
    }
    store
        .save_workspace(&snapshot.workspace, snapshot.workspace_fingerprint.as_ref())
        .unwrap();
    assert_eq!(files(&data), first);

    // And a second copy migrated from scratch in this process matches.
    let (_other, copy) = v1_copy();
    let other = Store::new(&copy);
    other.migrate(&other.load().unwrap(), false);
    assert_eq!(files(&copy), first);
}

#[test]
fn two_processes_migrating_two_copies_write_identical_bytes() {
    let (_a, first) = v1_copy();
    let (_b, second) = v1_copy();
    for data in [&first, &second] {
        let output = pactboard(&["migrate"], data);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(
            text.contains(
                "partners/harbourline-mutual.ron: version 1 → 2, 56 ids assigned, 5 action items moved into actions"
            ),
            "{text}"
        );
        assert!(stderr(&output).contains("migrated 13 of 13 files"));
    }
    assert_eq!(files(&first), files(&second));
    assert_ne!(files(&first), files(&fixture()), "the files were written");
}

#[test]
fn a_dry_run_says_what_would_change_and_writes_nothing() {
    let (_dir, data) = v1_copy();
    let before = files(&data);
    let output = pactboard(&["migrate", "--dry-run"], &data);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 13);
    assert!(stdout(&output).starts_with("workspace.ron: version 1 → 2, 24 ids assigned"));
    assert!(stderr(&output).contains("dry run: 13 of 13 files would be written"));
    assert_eq!(files(&data), before);
    assert!(!data.join(".trash").exists());
}

#[test]
fn a_broken_file_is_left_alone_and_fails_the_run_while_the_rest_migrates() {
    let (_dir, data) = v1_copy();
    let broken = data.join("partners/lumen-payroll.ron");
    let cut = common::truncate_partner(&data, "lumen-payroll");
    let output = pactboard(&["migrate"], &data);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    let line = text
        .lines()
        .find(|line| line.starts_with("partners/lumen-payroll.ron: not migrated: "))
        .unwrap_or_else(|| panic!("{text}"));
    // "…: not migrated: 30:9: expected colon": where, and what is wrong.
    let place = line.split(": ").nth(2).unwrap_or_default();
    assert!(
        place.split(':').all(|n| n.parse::<usize>().is_ok()),
        "{line}"
    );
    assert_eq!(fs::read(&broken).unwrap(), cut);
    let migrated = fs::read_to_string(data.join("partners/kestrel-devices.ron")).unwrap();
    assert!(migrated.starts_with("(\n    version: 2,"));
}

#[test]
fn not_a_workspace_is_wrong_usage() {
    let dir = tempfile::tempdir().unwrap();
    let output = pactboard(&["migrate"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not a pactboard data directory"));
}

#[test]
fn a_file_changed_after_it_was_read_is_not_overwritten() {
    let (_dir, data) = v1_copy();
    let store = Store::new(&data);
    let snapshot = store.load().unwrap();
    let path = data.join("partners/quayside-foundation.ron");
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Grants Manager", "Head of Grants");
    fs::write(&path, &theirs).unwrap();
    let report = store.migrate(&snapshot, false);
    let line = report
        .lines
        .iter()
        .find(|line| line.file == "partners/quayside-foundation.ron")
        .unwrap();
    assert!(
        line.to_string()
            .contains("changed on disk since it was loaded"),
        "{line}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(report.failed(), 1);
}

/// A version 1 directory written by hand: its own stage names, custom thresholds, a
/// review outcome naming no goal, a stage the workspace lacks.
fn hand_written() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("partners")).unwrap();
    fs::write(
        dir.path().join("workspace.ron"),
        r#"(
    version: 1,
    name: "Lab",
    stages: [
        (name: "Lead", checkin: false, closed: false),
        (name: "Negotiating", checkin: false, closed: false),
        (name: "Live", checkin: true, closed: false),
        (name: "live!", checkin: true, closed: false),
        (name: "Archived", checkin: false, closed: true),
    ],
    phases: ["Build"],
    criteria: [(name: "Fit", weight: 1.0)],
    perspectives: ["Money"],
    thresholds: (green_percent: 95, amber_percent: 60),
)
"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("partners/acme.ron"),
        r#"(
    version: 1,
    name: "Acme",
    stage: "live!",
    stage_since: "2026-01-01",
    goals: [(statement: "Grow")],
    scores: [(criterion: "fit", score: 4), (criterion: "Vibes", score: 2)],
    milestones: [(title: "Kick-off", phase: "Build", due: "2026-02-01", planned_due: "2026-02-01")],
    kpis: [(name: "Revenue", perspective: "Money", baseline: 0.0, target: 10.0, start: "2026-01-01", target_date: "2026-12-31")],
    reviews: [(date: "2026-03-01", author: "maya", outcomes: [(goal: "grow", rating: Met), (goal: "Shrink", rating: Missed)])],
    history: [(date: "2026-01-01", author: "maya", from: "Limbo", to: "live!")],
)
"#,
    )
    .unwrap();
    let store = Store::new(dir.path());
    (dir, store)
}

#[test]
fn names_become_ids_through_the_workspace_and_nothing_unmatched_is_lost() {
    let (_dir, store) = hand_written();
    let snapshot = store.load().unwrap();
    assert!(snapshot.errors.is_empty(), "{:?}", snapshot.errors);
    let workspace = &snapshot.workspace;
    let stages: Vec<(&str, &str)> = workspace
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.role.label()))
        .collect();
    assert_eq!(
        stages,
        [
            ("lead", "candidate"),
            ("negotiating", "formalizing"),
            ("live", "operating"),
            ("live-2", "operating"),
            ("archived", "closed")
        ]
    );
    assert_eq!(
        (
            workspace.thresholds.amber_points,
            workspace.thresholds.red_points
        ),
        (5, 40),
        "amber = 100 − green, red = 100 − amber"
    );

    let acme = &snapshot.partners[0].partner;
    assert_eq!(acme.stage, "live-2", "mapped by name, not by slug");
    assert_eq!(acme.scores[0].criterion, "fit");
    assert_eq!(acme.scores[1].criterion, "vibes");
    assert_eq!(acme.milestones[0].phase, "build");
    assert_eq!(acme.kpis[0].perspective, "money");
    assert_eq!(acme.history[0].from, "limbo");
    assert_eq!(acme.history[0].to, "live-2");
    let outcomes = &acme.reviews[0].outcomes;
    assert_eq!(outcomes[0].goal, acme.goals[0].id, "matched ignoring case");
    assert_eq!(
        (outcomes[1].goal.as_str(), outcomes[1].goal_text.as_str()),
        ("", "Shrink"),
        "an outcome naming no goal keeps its text"
    );
    let upgrade = snapshot
        .upgrades
        .iter()
        .find(|u| u.file == "partners/acme.ron")
        .unwrap();
    let said = upgrade.to_string();
    assert!(
        said.contains("1 review outcome's goal kept as goal_text"),
        "{said}"
    );
    assert!(
        said.contains("criterion \"Vibes\" is not in the workspace; kept as \"vibes\""),
        "{said}"
    );

    // Written as version 2, the text is kept and reads back the same.
    store.migrate(&snapshot, false);
    let text = fs::read_to_string(store.root().join("partners/acme.ron")).unwrap();
    assert!(
        text.contains("(goal: \"\", goal_text: \"Shrink\", rating: Missed, comment: \"\")"),
        "{text}"
    );
    let again = store.load().unwrap();
    assert_eq!(&again.partners[0].partner, acme);
}

#[test]
fn a_broken_version_1_file_is_reported_by_the_version_1_rules() {
    let (_dir, store) = hand_written();
    let path = store.root().join("partners/acme.ron");
    let text = fs::read_to_string(&path).unwrap().replace(
        "goals: [(statement: \"Grow\")]",
        "goals: [(id: \"gl-1\", statement: \"Grow\")]",
    );
    fs::write(&path, &text).unwrap();
    let snapshot = store.load().unwrap();
    let error = &snapshot.errors[0];
    assert_eq!(error.file, "partners/acme.ron");
    assert_eq!(error.line, 6, "{error}");
    assert!(
        error.message.contains("unknown field `id` in goal"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}
