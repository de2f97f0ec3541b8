//! The merge on hand-built documents: what merges silently, what is a conflict, and
//! that nothing from either side is ever dropped without a conflict saying so.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::domain::kpi::{Kpi, Reading};
use crate::domain::partner::{ActionItem, Partner, StageChange};
use crate::domain::workspace::{Member, StageDef, StageRole, Workspace};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn action(id: &str, text: &str) -> ActionItem {
    ActionItem {
        id: id.into(),
        text: text.into(),
        owner: "maya".into(),
        ..ActionItem::default()
    }
}

fn reading(id: &str, d: u32, value: f64) -> Reading {
    Reading {
        id: id.into(),
        ..Reading::new(day(d), value)
    }
}

/// A partner with a bit of everything a merge must keep apart.
fn base() -> Partner {
    let mut partner = Partner::new("Harbourline Mutual", "insurer", "maya", "active", day(1));
    partner.summary = "Claims pilot".into();
    partner.tags = vec!["pilot".into()];
    partner.actions = vec![
        action("ac-aaaaaa", "Send the deck"),
        action("ac-bbbbbb", "Book the venue"),
    ];
    let mut kpi = Kpi::new("Charities live", (0.0, 60.0), (day(1), day(30)));
    kpi.id = "kp-kkkkkk".into();
    kpi.readings = vec![reading("rd-000001", 2, 10.0)];
    partner.kpis = vec![kpi];
    partner.history = vec![StageChange {
        date: day(1),
        author: "maya".into(),
        from: "assessing".into(),
        to: "active".into(),
        reason: String::new(),
    }];
    partner
}

fn merged(base: &Partner, mine: &Partner, theirs: &Partner) -> Merged<Partner> {
    merge(base, mine, theirs, Keep::Mine).unwrap()
}

#[test]
fn different_fields_of_one_partner_merge_without_a_question() {
    let base = base();
    let mut theirs = base.clone();
    theirs.summary = "Claims pilot, phase two".into();
    let mut mine = base.clone();
    mine.actions[0].done = Some(day(5));

    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    assert_eq!(result.value.summary, "Claims pilot, phase two");
    assert_eq!(result.value.actions[0].done, Some(day(5)));
    assert_eq!(result.theirs_changed, vec!["summary changed"]);
}

#[test]
fn the_same_field_changed_both_ways_is_a_conflict_with_both_values() {
    let base = base();
    let mut theirs = base.clone();
    theirs.summary = "Theirs".into();
    let mut mine = base.clone();
    mine.summary = "Mine".into();
    mine.actions[1].done = Some(day(6));

    let result = merged(&base, &mine, &theirs);
    assert_eq!(
        result.conflicts,
        vec![FieldConflict {
            path: "summary".into(),
            base: "Claims pilot".into(),
            mine: "Mine".into(),
            theirs: "Theirs".into(),
            at: vec![Step::Field("summary".into())],
            editable: true,
        }]
    );
    assert_eq!(result.value.summary, "Mine");
    assert_eq!(
        result.value.actions[1].done,
        Some(day(6)),
        "what did not clash still merges"
    );

    let result = merge(&base, &mine, &theirs, Keep::Theirs).unwrap();
    assert_eq!(result.value.summary, "Theirs");
    assert_eq!(result.value.actions[1].done, Some(day(6)));
}

#[test]
fn a_field_of_a_record_in_a_list_is_named_by_the_record() {
    let base = base();
    let mut theirs = base.clone();
    theirs.kpis[0].target = 70.0;
    let mut mine = base.clone();
    mine.kpis[0].target = 80.0;
    let result = merged(&base, &mine, &theirs);
    assert_eq!(result.conflicts.len(), 1);
    assert_eq!(result.conflicts[0].path, "KPI “Charities live” › target");
    assert_eq!(
        (
            result.conflicts[0].mine.as_str(),
            result.conflicts[0].theirs.as_str()
        ),
        ("80.0", "70.0")
    );
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = base();
    let mut mine = base.clone();
    mine.summary = "Same".into();
    mine.actions[0].done = Some(day(3));
    let theirs = mine.clone();
    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty());
    assert_eq!(result.value, mine);
}

#[test]
fn records_added_on_both_sides_are_all_kept_by_id() {
    let base = base();
    let mut theirs = base.clone();
    theirs.kpis[0].readings.push(reading("rd-000002", 9, 20.0));
    theirs.actions.push(action("ac-tttttt", "Theirs"));
    let mut mine = base.clone();
    mine.kpis[0].readings.push(reading("rd-000003", 9, 21.0));
    mine.actions.insert(1, action("ac-mmmmmm", "Mine"));

    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    let ids = |list: Vec<&str>| list.join(",");
    assert_eq!(
        ids(result.value.actions.iter().map(|a| a.id.as_str()).collect()),
        "ac-aaaaaa,ac-mmmmmm,ac-bbbbbb,ac-tttttt",
        "mine stays where it was put, after the record it followed"
    );
    assert_eq!(
        ids(result.value.kpis[0]
            .readings
            .iter()
            .map(|r| r.id.as_str())
            .collect()),
        "rd-000001,rd-000002,rd-000003"
    );
    assert!(
        result
            .theirs_changed
            .contains(&"KPI “Charities live” › reading “2026-11-09” added".to_string()),
        "{:?}",
        result.theirs_changed
    );
}

#[test]
fn lists_merge_by_id_not_by_position() {
    let base = base();
    // They delete the first action; the second moves to position 0.
    let mut theirs = base.clone();
    theirs.actions.remove(0);
    // I edit the second one, at position 1.
    let mut mine = base.clone();
    mine.actions[1].text = "Book the big venue".into();
    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    assert_eq!(result.value.actions.len(), 1);
    assert_eq!(result.value.actions[0].id, "ac-bbbbbb");
    assert_eq!(result.value.actions[0].text, "Book the big venue");
}

#[test]
fn deleting_a_record_the_other_side_edited_is_a_conflict() {
    let base = base();
    let mut theirs = base.clone();
    theirs.actions[0].text = "Send the new deck".into();
    let mut mine = base.clone();
    mine.actions.remove(0);
    let result = merged(&base, &mine, &theirs);
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    assert_eq!(result.conflicts[0].path, "action item “Send the new deck”");
    assert_eq!(result.conflicts[0].mine, "(removed)");
    assert_eq!(result.value.actions.len(), 1);
    let kept = merge(&base, &mine, &theirs, Keep::Theirs).unwrap().value;
    assert_eq!(kept.actions.len(), 2);
    assert_eq!(kept.actions[0].text, "Send the new deck");

    // And the other way round: they delete what I edited.
    let result = merged(&base, &theirs, &mine);
    assert_eq!(result.conflicts.len(), 1);
    assert_eq!(result.conflicts[0].theirs, "(removed)");
    assert_eq!(result.value.actions[0].text, "Send the new deck");
}

#[test]
fn a_record_deleted_on_one_side_and_untouched_on_the_other_is_gone() {
    let base = base();
    let mut theirs = base.clone();
    theirs.actions.remove(1);
    let mut mine = base.clone();
    mine.summary = "Edited".into();
    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty());
    assert_eq!(result.value.actions.len(), 1);
    assert_eq!(
        result.theirs_changed,
        vec!["action item “Book the venue” removed"]
    );
}

#[test]
fn stage_history_appended_on_both_sides_keeps_both_and_names_the_author() {
    let base = base();
    let mut theirs = base.clone();
    theirs.stage = "expanding".into();
    theirs.history.push(StageChange {
        date: day(10),
        author: "lee".into(),
        from: "active".into(),
        to: "expanding".into(),
        reason: String::new(),
    });
    let mut mine = base.clone();
    mine.kpis[0].readings.push(reading("rd-000009", 10, 30.0));
    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty());
    assert_eq!(result.value.stage, "expanding");
    assert_eq!(result.value.history.len(), 2);
    assert_eq!(result.value.kpis[0].readings.len(), 2);
    assert_eq!(result.authors, vec!["lee"]);
}

#[test]
fn a_list_without_ids_changed_both_ways_is_one_field() {
    let base = base();
    let mut theirs = base.clone();
    theirs.tags = vec!["claims".into()];
    let mut mine = base.clone();
    mine.tags = vec!["pilot".into(), "2027".into()];
    let result = merged(&base, &mine, &theirs);
    assert_eq!(result.conflicts.len(), 1);
    assert_eq!(result.conflicts[0].path, "tags");
    assert_eq!(result.conflicts[0].mine, "pilot, 2027");
    assert_eq!(result.conflicts[0].theirs, "claims");
}

#[test]
fn workspace_members_merge_by_handle_and_stages_by_id() {
    let mut base = Workspace::new("Team");
    base.members = vec![Member {
        handle: "maya".into(),
        name: "Maya".into(),
        role: String::new(),
    }];
    let mut theirs = base.clone();
    theirs.members.push(Member {
        handle: "lee".into(),
        name: "Lee".into(),
        role: String::new(),
    });
    theirs.stages[0].name = "Lead".into();
    let mut mine = base.clone();
    mine.members[0].role = "Head of Partnerships".into();
    mine.stages.push(StageDef {
        id: "pilot".into(),
        name: "Pilot".into(),
        role: StageRole::Operating,
        checkin: true,
    });
    let result = merge(&base, &mine, &theirs, Keep::Mine).unwrap();
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    assert_eq!(result.value.members.len(), 2);
    assert_eq!(result.value.members[0].role, "Head of Partnerships");
    assert_eq!(result.value.stages[0].name, "Lead");
    assert!(result.value.stages.iter().any(|stage| stage.id == "pilot"));
}

#[test]
fn an_optional_record_set_on_both_sides_merges_its_fields() {
    let base = base();
    let mut theirs = base.clone();
    theirs.agreement.signed = Some(day(4));
    let mut mine = base.clone();
    mine.agreement.expires = Some(day(28));
    let result = merged(&base, &mine, &theirs);
    assert!(result.conflicts.is_empty());
    assert_eq!(result.value.agreement.signed, Some(day(4)));
    assert_eq!(result.value.agreement.expires, Some(day(28)));
}

// Random edits on each side, each to a different kind of record: they must all
// come through, with no conflict; and a side that changed nothing takes the other.
#[derive(Debug, Clone)]
enum Edit {
    AddAction(u8),
    DoneAction(usize),
    AddReading(u8),
    Summary(u8),
    Tag(u8),
}

fn apply(partner: &mut Partner, side: &str, edits: &[Edit]) {
    for (n, edit) in edits.iter().enumerate() {
        match edit {
            Edit::AddAction(k) => partner
                .actions
                .push(action(&format!("ac-{side}{n:03}{k:02x}"), side)),
            Edit::DoneAction(i) => {
                let len = partner.actions.len();
                partner.actions[i % len].done = Some(day(20));
            }
            Edit::AddReading(k) => partner.kpis[0].readings.push(reading(
                &format!("rd-{side}{n:03}{k:02x}"),
                12,
                f64::from(*k),
            )),
            Edit::Summary(k) => partner.summary = format!("{side} {k}"),
            Edit::Tag(k) => partner.tags.push(format!("{side}{k}")),
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        prop_oneof![
            any::<u8>().prop_map(Edit::AddAction),
            (0usize..2).prop_map(Edit::DoneAction),
            any::<u8>().prop_map(Edit::AddReading),
            any::<u8>().prop_map(Edit::Summary),
            any::<u8>().prop_map(Edit::Tag),
        ],
        0..6,
    )
}

proptest! {
    #[test]
    fn one_sided_changes_always_come_through(edits in edits()) {
        let base = base();
        let mut changed = base.clone();
        apply(&mut changed, "m", &edits);
        prop_assert_eq!(&merged(&base, &changed, &base).value, &changed);
        prop_assert_eq!(&merged(&base, &base, &changed).value, &changed);
        let both = merged(&base, &changed, &changed);
        prop_assert!(both.conflicts.is_empty());
        prop_assert_eq!(&both.value, &changed);
    }

    #[test]
    fn additions_on_both_sides_never_conflict_and_never_drop(
        mine_edits in edits(),
        theirs_edits in edits(),
    ) {
        // Only additions and done-marks on both sides (summary and tags are single
        // fields, which may rightly clash).
        let keep = |list: Vec<Edit>| -> Vec<Edit> {
            list.into_iter()
                .filter(|edit| matches!(edit, Edit::AddAction(_) | Edit::AddReading(_) | Edit::DoneAction(_)))
                .collect()
        };
        let (mine_edits, theirs_edits) = (keep(mine_edits), keep(theirs_edits));
        let base = base();
        let mut mine = base.clone();
        apply(&mut mine, "m", &mine_edits);
        let mut theirs = base.clone();
        apply(&mut theirs, "t", &theirs_edits);
        let result = merged(&base, &mine, &theirs);
        prop_assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
        for side in [&mine, &theirs] {
            for action in &side.actions {
                let kept = result.value.actions.iter().find(|a| a.id == action.id);
                prop_assert!(kept.is_some(), "{} dropped", action.id);
                if action.done.is_some() {
                    prop_assert!(kept.is_some_and(|a| a.done.is_some()));
                }
            }
            for reading in &side.kpis[0].readings {
                prop_assert!(result.value.kpis[0].readings.iter().any(|r| r.id == reading.id));
            }
        }
    }
}

#[test]
fn a_clash_can_be_settled_by_typing_a_value_of_its_kind() {
    let base = base();
    let mut theirs = base.clone();
    theirs.summary = "Theirs".into();
    theirs.kpis[0].target = 70.0;
    let mut mine = base.clone();
    mine.summary = "Mine".into();
    mine.kpis[0].target = 80.0;
    mine.actions[0].done = Some(day(3));
    let result = merged(&base, &mine, &theirs);
    assert_eq!(result.conflicts.len(), 2);
    assert!(result.conflicts.iter().all(|c| c.editable));
    let target = result
        .conflicts
        .iter()
        .position(|c| c.path.ends_with("target"))
        .unwrap();
    let summary = 1 - target;
    let resolved = resolve(
        &base,
        &mine,
        &theirs,
        &[(summary, "Both of us".into()), (target, "75".into())],
    )
    .unwrap();
    assert_eq!(resolved.summary, "Both of us");
    assert_eq!(resolved.kpis[0].target, 75.0);
    assert_eq!(resolved.actions[0].done, Some(day(3)), "the rest merged");
    let error = resolve(&base, &mine, &theirs, &[(target, "lots".into())]).unwrap_err();
    assert_eq!(error, "KPI “Charities live” › target: a number");
}

/// A milestone from the 10th to the 20th, with an id.
fn milestone() -> crate::domain::timeline::Milestone {
    let mut milestone = crate::domain::timeline::Milestone::new("Pilot live", "pilot", day(20));
    milestone.id = "ms-mmmmmm".into();
    milestone.start = Some(day(10));
    milestone
}

// Reviewer's clash leftovers: they moved the due date before the start (which
// took the start with it), I moved it later; "keep mine" kept my due date but
// their start, and both re-plans.
#[test]
fn a_record_with_a_clash_is_kept_whole_from_the_side_chosen() {
    let mut base = base();
    base.milestones = vec![milestone()];
    let mut theirs = base.clone();
    theirs.milestones[0].move_due(-15, day(3), "lee");
    assert_eq!(
        theirs.milestones[0].start,
        Some(day(5)),
        "the start moved too"
    );
    theirs.summary = "Theirs elsewhere".into();
    let mut mine = base.clone();
    mine.milestones[0].move_due(5, day(3), "maya");

    let kept = merge(&base, &mine, &theirs, Keep::Mine).unwrap();
    assert_eq!(
        kept.value.milestones, mine.milestones,
        "my milestone, whole"
    );
    assert_eq!(
        kept.value.summary, "Theirs elsewhere",
        "the rest still merges"
    );
    let paths: Vec<&str> = kept.conflicts.iter().map(|c| c.path.as_str()).collect();
    assert!(paths.iter().any(|p| p.ends_with("due")), "{paths:?}");
    assert!(
        paths.iter().any(|p| p.ends_with("start")),
        "the start is shown with both values too: {paths:?}"
    );
    let taken = merge(&base, &mine, &theirs, Keep::Theirs).unwrap();
    assert_eq!(taken.value.milestones, theirs.milestones, "theirs, whole");
    assert_eq!(taken.conflicts, kept.conflicts);
}

#[test]
fn records_inside_a_record_with_a_clash_still_merge_one_by_one() {
    let base = base();
    let mut theirs = base.clone();
    theirs.kpis[0].target = 70.0;
    theirs.kpis[0].readings.push(reading("rd-000002", 3, 12.0));
    let mut mine = base.clone();
    mine.kpis[0].target = 80.0;
    mine.kpis[0].readings.push(reading("rd-000003", 4, 14.0));
    let result = merged(&base, &mine, &theirs);
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    assert_eq!(result.value.kpis[0].target, 80.0);
    let ids: Vec<&str> = result.value.kpis[0]
        .readings
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["rd-000001", "rd-000002", "rd-000003"]);
}
