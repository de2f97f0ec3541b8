//! Editing the workspace's named lists — stages, milestone phases, KPI perspectives —
//! in place: add after an entry, rename, move, remove, and the checks that go with
//! them (a name used twice, the last stage, a stage that partners are in). Ids never
//! change, so partner files keep pointing at the same entry whatever its name or
//! place. Plain functions on the lists, so the settings screen and its tests share
//! them.

use super::{Perspective, Phase, StageDef, StageRole, Workspace, unique_id};
use crate::domain::partner::Partner;

/// An entry of one of the workspace's lists: an id that partner files refer to and
/// a name people see.
pub trait ListEntry {
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    fn name_mut(&mut self) -> &mut String;
}

macro_rules! list_entry {
    ($($kind:ty),*) => {$(
        impl ListEntry for $kind {
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn name_mut(&mut self) -> &mut String {
                &mut self.name
            }
        }
    )*};
}

list_entry!(StageDef, Phase, Perspective);

/// Where the entry `id` is in `list`.
pub fn position<T: ListEntry>(list: &[T], id: &str) -> Option<usize> {
    list.iter().position(|entry| entry.id() == id)
}

/// An id for a new entry called `name`: the slug of the name, unique in `list`
/// (`fallback` when nothing of the name is left).
pub fn fresh_id<T: ListEntry>(list: &[T], name: &str, fallback: &str) -> String {
    let taken: Vec<&str> = list.iter().map(ListEntry::id).collect();
    unique_id(name, fallback, &taken)
}

/// Inserts `entry` just after the entry `after` (at the end without it, or when
/// `after` is not in the list); returns where it went.
pub fn insert_after<T: ListEntry>(list: &mut Vec<T>, entry: T, after: Option<&str>) -> usize {
    let at = after
        .and_then(|after| position(list, after))
        .map_or(list.len(), |index| index + 1);
    list.insert(at, entry);
    at
}

/// Gives the entry `id` a new name; its id stays. Returns the old name, or `None`
/// when no entry has that id.
pub fn rename<T: ListEntry>(list: &mut [T], id: &str, name: &str) -> Option<String> {
    let entry = list.iter_mut().find(|entry| entry.id() == id)?;
    Some(std::mem::replace(entry.name_mut(), name.to_string()))
}

/// Moves the entry `id` one place up (`delta` < 0) or down. Says whether it moved:
/// not when it is already first or last, or not in the list.
pub fn move_by<T: ListEntry>(list: &mut [T], id: &str, delta: i64) -> bool {
    let Some(from) = position(list, id) else {
        return false;
    };
    let to = from as i64 + delta.signum();
    match usize::try_from(to) {
        Ok(to) if to < list.len() && to != from => {
            list.swap(from, to);
            true
        }
        _ => false,
    }
}

/// Removes the entry `id` and returns it.
pub fn remove<T: ListEntry>(list: &mut Vec<T>, id: &str) -> Option<T> {
    let index = position(list, id)?;
    Some(list.remove(index))
}

/// Another entry already called `name` (ignoring case and surrounding spaces), not
/// counting the entry `except`.
pub fn name_taken<'a, T: ListEntry>(
    list: &'a [T],
    name: &str,
    except: Option<&str>,
) -> Option<&'a T> {
    let wanted = name.trim().to_lowercase();
    list.iter()
        .filter(|entry| Some(entry.id()) != except)
        .find(|entry| entry.name().trim().to_lowercase() == wanted)
}

impl StageRole {
    /// What a stage of this role is for, in a few words.
    pub fn meaning(self) -> &'static str {
        match self {
            StageRole::Candidate => "choosing the partner",
            StageRole::Formalizing => "agreeing the terms",
            StageRole::Operating => "joint work under way",
            StageRole::Closed => "on hold or over",
        }
    }
}

/// One of the workspace's named lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NamedList {
    Stages,
    Phases,
    Perspectives,
}

impl NamedList {
    /// What one entry is called: "stage", "phase", "perspective".
    pub fn noun(self) -> &'static str {
        match self {
            NamedList::Stages => "stage",
            NamedList::Phases => "phase",
            NamedList::Perspectives => "perspective",
        }
    }

    /// What names an entry inside partner files: "partner", "milestone", "KPI".
    pub fn user(self) -> &'static str {
        match self {
            NamedList::Stages => "partner",
            NamedList::Phases => "milestone",
            NamedList::Perspectives => "KPI",
        }
    }
}

/// How much of the partner files names an entry: how many records (partners in a
/// stage, milestones in a phase, KPIs in a perspective) in how many partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses {
    pub records: usize,
    pub partners: usize,
}

/// How much of `partners` names the entry `id` of `list`.
pub fn uses<'a>(
    partners: impl IntoIterator<Item = &'a Partner>,
    list: NamedList,
    id: &str,
) -> Uses {
    partners
        .into_iter()
        .map(|partner| match list {
            NamedList::Stages => usize::from(partner.stage == id),
            NamedList::Phases => partner.milestones.iter().filter(|m| m.phase == id).count(),
            NamedList::Perspectives => partner.kpis.iter().filter(|k| k.perspective == id).count(),
        })
        .fold(Uses::default(), |total, records| Uses {
            records: total.records + records,
            partners: total.partners + usize::from(records > 0),
        })
}

/// Why a stage cannot be removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageKept {
    /// The workspace has no stage with that id.
    Unknown,
    /// It is the only stage: every partner needs one.
    Last,
    /// Partners are in it; `move_to` is the id of the stage to move them to first.
    InUse { partners: usize, move_to: String },
}

impl Workspace {
    /// Adds a stage after the stage `after` (at the end without it); returns its id.
    pub fn add_stage(
        &mut self,
        name: &str,
        role: StageRole,
        checkin: bool,
        after: Option<&str>,
    ) -> String {
        let id = fresh_id(&self.stages, name, "stage");
        let stage = StageDef {
            id: id.clone(),
            name: name.to_string(),
            role,
            checkin,
        };
        insert_after(&mut self.stages, stage, after);
        id
    }

    /// Adds a milestone phase after the phase `after`; returns its id.
    pub fn add_phase(&mut self, name: &str, after: Option<&str>) -> String {
        let id = fresh_id(&self.phases, name, "phase");
        let phase = Phase {
            id: id.clone(),
            name: name.to_string(),
        };
        insert_after(&mut self.phases, phase, after);
        id
    }

    /// Adds a KPI perspective after the perspective `after`; returns its id.
    pub fn add_perspective(&mut self, name: &str, after: Option<&str>) -> String {
        let id = fresh_id(&self.perspectives, name, "perspective");
        let perspective = Perspective {
            id: id.clone(),
            name: name.to_string(),
        };
        insert_after(&mut self.perspectives, perspective, after);
        id
    }

    /// The name of the entry `id` of `list`.
    pub fn entry_name(&self, list: NamedList, id: &str) -> Option<&str> {
        match list {
            NamedList::Stages => self.stages.iter().find(|e| e.id == id).map(|e| e.name()),
            NamedList::Phases => self.phases.iter().find(|e| e.id == id).map(|e| e.name()),
            NamedList::Perspectives => self
                .perspectives
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name()),
        }
    }

    /// The name of another entry of `list` already called `name` (see `name_taken`).
    pub fn name_taken_in(&self, list: NamedList, name: &str, except: Option<&str>) -> Option<&str> {
        match list {
            NamedList::Stages => name_taken(&self.stages, name, except).map(|e| e.name()),
            NamedList::Phases => name_taken(&self.phases, name, except).map(|e| e.name()),
            NamedList::Perspectives => {
                name_taken(&self.perspectives, name, except).map(|e| e.name())
            }
        }
    }

    /// Adds a phase or a perspective (a stage: a candidate stage without check-in;
    /// `add_stage` says more) after the entry `after`; returns its id.
    pub fn add_entry(&mut self, list: NamedList, name: &str, after: Option<&str>) -> String {
        match list {
            NamedList::Stages => self.add_stage(name, StageRole::Candidate, false, after),
            NamedList::Phases => self.add_phase(name, after),
            NamedList::Perspectives => self.add_perspective(name, after),
        }
    }

    /// `rename` on the list.
    pub fn rename_entry(&mut self, list: NamedList, id: &str, name: &str) -> Option<String> {
        match list {
            NamedList::Stages => rename(&mut self.stages, id, name),
            NamedList::Phases => rename(&mut self.phases, id, name),
            NamedList::Perspectives => rename(&mut self.perspectives, id, name),
        }
    }

    /// `move_by` on the list.
    pub fn move_entry(&mut self, list: NamedList, id: &str, delta: i64) -> bool {
        match list {
            NamedList::Stages => move_by(&mut self.stages, id, delta),
            NamedList::Phases => move_by(&mut self.phases, id, delta),
            NamedList::Perspectives => move_by(&mut self.perspectives, id, delta),
        }
    }

    /// Removes the entry `id` of `list`; returns its name. A stage goes only when
    /// `stage_removal` allows it: that is for the caller to ask first.
    pub fn remove_entry(&mut self, list: NamedList, id: &str) -> Option<String> {
        match list {
            NamedList::Stages => remove(&mut self.stages, id).map(|e| e.name),
            NamedList::Phases => remove(&mut self.phases, id).map(|e| e.name),
            NamedList::Perspectives => remove(&mut self.perspectives, id).map(|e| e.name),
        }
    }

    /// Whether the stage `id`, which `partners` partners are in, can be removed: not
    /// the last stage, and only once nobody is in it — a partner in a stage the
    /// workspace does not list is an error `check` reports.
    pub fn stage_removal(&self, id: &str, partners: usize) -> Result<(), StageKept> {
        if self.stage(id).is_none() {
            return Err(StageKept::Unknown);
        }
        if self.stages.len() <= 1 {
            return Err(StageKept::Last);
        }
        if partners > 0 {
            let move_to = self
                .stand_in_stage(id)
                .map_or_else(String::new, |stage| stage.id.clone());
            return Err(StageKept::InUse { partners, move_to });
        }
        Ok(())
    }

    /// The stage to move partners to before the stage `id` goes: the nearest one of
    /// the same role, else the one before it, else the one after.
    pub fn stand_in_stage(&self, id: &str) -> Option<&StageDef> {
        let at = self.stage_index(id)?;
        let role = self.stages[at].role;
        let distance = |index: usize| index.abs_diff(at);
        let same_role = self
            .stages
            .iter()
            .enumerate()
            .filter(|(index, stage)| *index != at && stage.role == role)
            // The earlier of two equally near: a partner goes back rather than ahead.
            .min_by_key(|(index, _)| (distance(*index), *index > at))
            .map(|(_, stage)| stage);
        same_role
            .or_else(|| at.checked_sub(1).and_then(|before| self.stages.get(before)))
            .or_else(|| self.stages.get(at + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<T: ListEntry>(list: &[T]) -> Vec<&str> {
        list.iter().map(ListEntry::id).collect()
    }

    #[test]
    fn a_new_stage_goes_after_the_selected_one_with_the_slug_of_its_name() {
        let mut workspace = Workspace::new("Team");
        let id = workspace.add_stage(
            "Due diligence",
            StageRole::Candidate,
            false,
            Some("assessing"),
        );
        assert_eq!(id, "due-diligence");
        assert_eq!(workspace.stages[2].id, "due-diligence");
        assert_eq!(workspace.stages[2].name, "Due diligence");
        assert_eq!(workspace.stages[3].id, "formalizing");
        let again = workspace.add_stage("Due Diligence!", StageRole::Candidate, false, None);
        assert_eq!(again, "due-diligence-2", "ids are unique in their list");
        assert_eq!(
            workspace.stages.last().map(|s| s.id.as_str()),
            Some("due-diligence-2")
        );
        assert_eq!(workspace.add_phase("北京", Some("nowhere")), "phase");
        assert_eq!(
            workspace.phases.last().map(|p| p.id.as_str()),
            Some("phase")
        );
        assert_eq!(
            workspace.add_perspective("Impact", Some("financial")),
            "impact"
        );
        assert_eq!(
            ids(&workspace.perspectives),
            ["financial", "impact", "customer", "operations", "learning"]
        );
    }

    #[test]
    fn renaming_changes_the_name_and_never_the_id() {
        let mut workspace = Workspace::new("Team");
        assert_eq!(
            rename(&mut workspace.stages, "active", "Live"),
            Some("Active".to_string())
        );
        assert_eq!(workspace.stage_name("active"), "Live");
        assert_eq!(workspace.stage_index("active"), Some(3));
        assert_eq!(rename(&mut workspace.phases, "nope", "X"), None);
    }

    #[test]
    fn moving_stops_at_either_end() {
        let mut workspace = Workspace::new("Team");
        assert!(move_by(&mut workspace.phases, "agreement", -1));
        assert_eq!(ids(&workspace.phases)[..2], ["agreement", "foundation"]);
        assert!(
            !move_by(&mut workspace.phases, "agreement", -1),
            "already first"
        );
        assert!(
            move_by(&mut workspace.phases, "expansion", -5),
            "one place, whatever the delta"
        );
        assert_eq!(
            ids(&workspace.phases),
            [
                "agreement",
                "foundation",
                "launch",
                "expansion",
                "evaluation"
            ]
        );
        assert!(
            !move_by(&mut workspace.phases, "evaluation", 1),
            "already last"
        );
        assert!(!move_by(&mut workspace.phases, "ghost", 1));
    }

    #[test]
    fn removing_returns_the_entry() {
        let mut workspace = Workspace::new("Team");
        let gone = remove(&mut workspace.perspectives, "customer").map(|p| p.name);
        assert_eq!(gone.as_deref(), Some("Customer"));
        assert_eq!(
            ids(&workspace.perspectives),
            ["financial", "operations", "learning"]
        );
        assert!(remove(&mut workspace.perspectives, "customer").is_none());
    }

    #[test]
    fn a_name_is_taken_ignoring_case_but_not_by_the_entry_itself() {
        let workspace = Workspace::new("Team");
        let taken = name_taken(&workspace.stages, " active ", None).map(|s| s.id.as_str());
        assert_eq!(taken, Some("active"));
        assert!(name_taken(&workspace.stages, "ACTIVE", Some("active")).is_none());
        assert!(name_taken(&workspace.stages, "Live", None).is_none());
    }

    #[test]
    fn a_stage_goes_only_when_empty_and_never_the_last() {
        let mut workspace = Workspace::new("Team");
        assert_eq!(workspace.stage_removal("paused", 0), Ok(()));
        assert_eq!(workspace.stage_removal("limbo", 0), Err(StageKept::Unknown));
        assert_eq!(
            workspace.stage_removal("expanding", 2),
            Err(StageKept::InUse {
                partners: 2,
                move_to: "active".into()
            }),
            "the nearest stage of the same role"
        );
        assert_eq!(
            workspace.stage_removal("formalizing", 1),
            Err(StageKept::InUse {
                partners: 1,
                move_to: "assessing".into()
            }),
            "no other formalizing stage: the one before"
        );
        workspace.stages.truncate(1);
        assert_eq!(workspace.stage_removal("prospect", 0), Err(StageKept::Last));
    }

    #[test]
    fn the_same_edits_work_on_each_list_by_kind() {
        let mut workspace = Workspace::new("Team");
        for list in [
            NamedList::Stages,
            NamedList::Phases,
            NamedList::Perspectives,
        ] {
            let id = workspace.add_entry(list, "Pilot", None);
            assert_eq!(id, "pilot", "{list:?}");
            assert_eq!(workspace.entry_name(list, "pilot"), Some("Pilot"));
            assert_eq!(workspace.name_taken_in(list, "PILOT", None), Some("Pilot"));
            assert!(workspace.move_entry(list, "pilot", -1));
            assert_eq!(
                workspace.rename_entry(list, "pilot", "Trial").as_deref(),
                Some("Pilot")
            );
            assert_eq!(
                workspace.remove_entry(list, "pilot").as_deref(),
                Some("Trial")
            );
            assert_eq!(workspace.entry_name(list, "pilot"), None);
        }
        assert_eq!(workspace, Workspace::new("Team"), "back where it started");
    }

    #[test]
    fn uses_count_records_and_the_partners_holding_them() {
        use crate::domain::kpi::Kpi;
        use crate::domain::timeline::Milestone;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let mut acme = Partner::new("Acme", "startup", "maya", "active", day);
        let milestone = |phase: &str| Milestone::new("step", phase, day);
        acme.milestones = vec![
            milestone("launch"),
            milestone("launch"),
            milestone("agreement"),
        ];
        let mut kpi = Kpi::new("Reach", (0.0, 10.0), (day, day));
        kpi.perspective = "customer".into();
        acme.kpis = vec![kpi];
        let mut birch = Partner::new("Birch", "nonprofit", "tomas", "active", day);
        birch.milestones = vec![milestone("launch")];
        let partners = [&acme, &birch];
        assert_eq!(
            uses(partners, NamedList::Phases, "launch"),
            Uses {
                records: 3,
                partners: 2
            }
        );
        assert_eq!(
            uses(partners, NamedList::Stages, "active"),
            Uses {
                records: 2,
                partners: 2
            }
        );
        assert_eq!(
            uses(partners, NamedList::Perspectives, "customer"),
            Uses {
                records: 1,
                partners: 1
            }
        );
        assert_eq!(uses(partners, NamedList::Stages, "paused"), Uses::default());
    }

    #[test]
    fn the_stand_in_prefers_the_same_role_then_earlier() {
        let workspace = Workspace::new("Team");
        let stand_in = |id| workspace.stand_in_stage(id).map(|s| s.id.as_str());
        assert_eq!(stand_in("assessing"), Some("prospect"));
        assert_eq!(stand_in("prospect"), Some("assessing"));
        assert_eq!(stand_in("active"), Some("expanding"));
        assert_eq!(stand_in("ended"), Some("paused"));
        let mut lone = Workspace::new("Team");
        lone.stages
            .retain(|s| s.id == "formalizing" || s.id == "active");
        assert_eq!(
            lone.stand_in_stage("formalizing").map(|s| s.id.as_str()),
            Some("active"),
            "the first stage: the one after"
        );
    }
}
