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

/// What to read of each record: its kind, a way to get its position, its id.
type Read<'a, 'v> = dyn FnMut(RecordKind, &dyn Fn() -> String, &'a str) + 'v;

fn read<'a, T: Record>(list: &'a [T], path: &str, visit: &mut Read<'a, '_>) {
    for (index, record) in list.iter().enumerate() {
        visit(T::KIND, &|| format!("{path}[{index}]"), record.id());
    }
}

/// `walk_partner` for reading: the same records in the same order, nothing copied.
fn read_partner<'a>(partner: &'a Partner, visit: &mut Read<'a, '_>) {
    read(&partner.contacts, "contacts", visit);
    read(&partner.goals, "goals", visit);
    read(&partner.roles, "roles", visit);
    read(
        &partner.agreement.deliverables,
        "agreement.deliverables",
        visit,
    );
    read(&partner.agreement.amendments, "agreement.amendments", visit);
    read(&partner.charter.meetings, "charter.meetings", visit);
    read(&partner.milestones, "milestones", visit);
    for (index, kpi) in partner.kpis.iter().enumerate() {
        visit(RecordKind::Kpi, &|| format!("kpis[{index}]"), &kpi.id);
        read(&kpi.readings, &format!("kpis[{index}].readings"), visit);
    }
    read(&partner.feedback, "feedback", visit);
    read(&partner.checkins, "checkins", visit);
    read(&partner.reviews, "reviews", visit);
    read(&partner.actions, "actions", visit);
}

impl Partner {
    /// Every id in the file, in file order, with its kind and position
    /// (`kpis[0].readings[3]`); records without an id are listed with an empty one.
    pub fn record_ids(&self) -> Vec<(RecordKind, String, String)> {
        let mut found = Vec::new();
        read_partner(self, &mut |kind, position, id| {
            found.push((kind, position(), id.to_string()));
        });
        found
    }

    /// The ids in use, for choosing new ones that differ.
    pub fn taken_ids(&self) -> TakenIds {
        let mut taken = TakenIds::default();
        read_partner(self, &mut |_, _, id| taken.insert(id));
        taken
    }

    /// Whether some record has no id (an empty or blank one).
    pub fn lacks_ids(&self) -> bool {
        let mut lacking = false;
        read_partner(self, &mut |_, _, id| lacking |= id.trim().is_empty());
        lacking
    }

    /// Gives every record without an id the id a migration gives it (see
    /// `ids::derived_id`), `file` being the partner file's id; returns how many.
    pub fn fill_derived_ids(&mut self, file: &str) -> usize {
        if !self.lacks_ids() {
            return 0;
        }
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
        if !self.lacks_ids() {
            return 0;
        }
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::activity::CheckIn;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn partner() -> Partner {
        let mut partner = Partner::new("Acme", "", "", "active", day("2026-01-01"));
        partner.contacts.push(Contact {
            name: "Sam".into(),
            ..Contact::default()
        });
        let mut kpi = Kpi::new("Leads", (0.0, 10.0), (day("2026-01-01"), day("2026-12-31")));
        kpi.readings.push(Reading::new(day("2026-02-01"), 1.0));
        kpi.readings.push(Reading::new(day("2026-02-01"), 1.0));
        partner.kpis.push(kpi);
        partner
            .checkins
            .push(CheckIn::new(day("2026-02-02"), "maya"));
        partner
    }

    #[test]
    fn ids_are_listed_in_file_order_with_their_positions() {
        let listed: Vec<(RecordKind, String)> = partner()
            .record_ids()
            .into_iter()
            .map(|(kind, position, _)| (kind, position))
            .collect();
        assert_eq!(
            listed,
            [
                (RecordKind::Contact, "contacts[0]".to_string()),
                (RecordKind::Kpi, "kpis[0]".to_string()),
                (RecordKind::Reading, "kpis[0].readings[0]".to_string()),
                (RecordKind::Reading, "kpis[0].readings[1]".to_string()),
                (RecordKind::CheckIn, "checkins[0]".to_string()),
            ]
        );
    }

    #[test]
    fn derived_ids_depend_on_the_file_and_never_on_the_run() {
        let mut a = partner();
        let mut b = partner();
        assert!(a.lacks_ids());
        assert_eq!(a.fill_derived_ids("acme"), 5);
        assert_eq!(b.fill_derived_ids("acme"), 5);
        assert_eq!(a, b);
        assert!(!a.lacks_ids());
        assert_eq!(a.fill_derived_ids("acme"), 0, "ids never change once given");
        let mut other_file = partner();
        other_file.fill_derived_ids("beta");
        assert_ne!(other_file.contacts[0].id, a.contacts[0].id);
        // Two identical readings at different positions get different ids.
        let readings = &a.kpis[0].readings;
        assert_ne!(readings[0].id, readings[1].id);
        assert!(readings[0].id.starts_with("rd-"));
    }

    #[test]
    fn generated_ids_fill_only_what_is_missing() {
        let mut partner = partner();
        partner.contacts[0].id = "ct-sam".into();
        let mut generator = IdGenerator::new(7);
        assert_eq!(partner.fill_generated_ids(&mut generator), 4);
        assert_eq!(partner.contacts[0].id, "ct-sam");
        let taken = partner.taken_ids();
        assert_eq!(taken.len(), 5);
        partner
            .checkins
            .push(CheckIn::new(day("2026-03-01"), "maya"));
        assert_eq!(partner.fill_generated_ids(&mut generator), 1);
        assert!(!taken.contains(&partner.checkins[1].id));
    }
}
