//! Which records of a partner carry an id, walked in the order they appear in the
//! file: listing every id with where it is, and giving records without one an id —
//! derived from their content (migration, a hand-written record) or from a seeded
//! generator (new records at run time).

use serde::Serialize;

use super::activity::{ActionItem, CheckIn, Feedback, Review};
use super::agreement::{Amendment, Deliverable};
use super::ids::{IdGenerator, RecordKind, TakenIds, derived_id};
use super::kpi::{Kpi, Reading};
use super::partner::{Contact, Goal, MeetingTier, Partner, Role};
use super::timeline::Milestone;

/// A record with an id of its own.
pub trait Record: Serialize {
    const KIND: RecordKind;
    fn id(&self) -> &str;
    fn id_mut(&mut self) -> &mut String;
}

macro_rules! record {
    ($($type:ty => $kind:ident),* $(,)?) => {
        $(impl Record for $type {
            const KIND: RecordKind = RecordKind::$kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn id_mut(&mut self) -> &mut String {
                &mut self.id
            }
        })*
    };
}

record! {
    Contact => Contact,
    Goal => Goal,
    Role => Role,
    Deliverable => Deliverable,
    Amendment => Amendment,
    MeetingTier => Meeting,
    Milestone => Milestone,
    Kpi => Kpi,
    Reading => Reading,
    Feedback => Feedback,
    CheckIn => CheckIn,
    Review => Review,
    ActionItem => Action,
}

/// What to do with each record: told its kind, its position, its current id and a
/// way to get its content, it may return a new id.
type Visit<'v> = dyn FnMut(RecordKind, &str, &str, &dyn Fn() -> String) -> Option<String> + 'v;

fn visit_one<T: Record>(record: &mut T, position: &str, visit: &mut Visit) {
    let new = {
        let content = || serde_json::to_string(&*record).unwrap_or_default();
        visit(T::KIND, position, record.id(), &content)
    };
    if let Some(new) = new {
        *record.id_mut() = new;
    }
}

fn walk<T: Record>(list: &mut [T], path: &str, visit: &mut Visit) {
    for (index, record) in list.iter_mut().enumerate() {
        visit_one(record, &format!("{path}[{index}]"), visit);
    }
}

/// Every record of `partner` with an id, in the order they appear in the file.
fn walk_partner(partner: &mut Partner, visit: &mut Visit) {
    walk(&mut partner.contacts, "contacts", visit);
    walk(&mut partner.goals, "goals", visit);
    walk(&mut partner.roles, "roles", visit);
    let agreement = &mut partner.agreement;
    walk(&mut agreement.deliverables, "agreement.deliverables", visit);
    walk(&mut agreement.amendments, "agreement.amendments", visit);
    walk(&mut partner.charter.meetings, "charter.meetings", visit);
    walk(&mut partner.milestones, "milestones", visit);
    for (index, kpi) in partner.kpis.iter_mut().enumerate() {
        let position = format!("kpis[{index}]");
        visit_one(kpi, &position, visit);
        walk(&mut kpi.readings, &format!("{position}.readings"), visit);
    }
    walk(&mut partner.feedback, "feedback", visit);
    walk(&mut partner.checkins, "checkins", visit);
    walk(&mut partner.reviews, "reviews", visit);
    walk(&mut partner.actions, "actions", visit);
}

impl Partner {
    /// Every id in the file, in file order, with its kind and position
    /// (`kpis[0].readings[3]`); records without an id are listed with an empty one.
    pub fn record_ids(&self) -> Vec<(RecordKind, String, String)> {
        let mut copy = self.clone();
        let mut found = Vec::new();
        walk_partner(&mut copy, &mut |kind, position, id, _| {
            found.push((kind, position.to_string(), id.to_string()));
            None
        });
        found
    }

    /// The ids in use, for choosing new ones that differ.
    pub fn taken_ids(&self) -> TakenIds {
        let ids = self.record_ids();
        ids.iter().map(|(_, _, id)| id.as_str()).collect()
    }

    /// Gives every record without an id the id a migration gives it (see
    /// `ids::derived_id`), `file` being the partner file's id; returns how many.
    pub fn fill_derived_ids(&mut self, file: &str) -> usize {
        let mut taken = self.taken_ids();
        let mut filled = 0;
        walk_partner(self, &mut |kind, position, id, content| {
            if !id.trim().is_empty() {
                return None;
            }
            let new = derived_id(kind, file, position, &content(), &taken);
            taken.insert(&new);
            filled += 1;
            Some(new)
        });
        filled
    }

    /// Gives every record without an id a new one from `generator`; returns how many.
    pub fn fill_generated_ids(&mut self, generator: &mut IdGenerator) -> usize {
        let mut taken = self.taken_ids();
        let mut filled = 0;
        walk_partner(self, &mut |kind, _, id, _| {
            if !id.trim().is_empty() {
                return None;
            }
            let new = generator.next_id(kind, &taken);
            taken.insert(&new);
            filled += 1;
            Some(new)
        });
        filled
    }
}
