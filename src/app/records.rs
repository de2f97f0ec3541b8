//! Which record inside a partner file a selection, a form or a question means, and
//! the one place such a reference is resolved against a partner.
//!
//! A record is known by its stable id (schema version 2), never by its position in
//! its list: a reload, a teammate's edit or a sort can move it, and a form or a
//! question still lands on the record it was opened for. Every screen and form goes
//! through `Rec::find`, `Rec::find_mut`, `Rec::remove` and `edit_or_add`.

use chrono::NaiveDate;

use crate::domain::dates::days_between;
use crate::domain::partner::{Component, Partner};
use crate::domain::records::Record;

/// One record of a list in a partner file (a contact, a goal, an action item…), by
/// its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rec(String);

impl Rec {
    /// The record with this id.
    pub fn id(id: impl Into<String>) -> Rec {
        Rec(id.into())
    }

    /// A reference to `record`.
    pub fn of<T: Record>(record: &T) -> Rec {
        Rec(record.id().to_string())
    }

    /// The id this refers to.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn position<T: Record>(&self, list: &[T]) -> Option<usize> {
        list.iter().position(|record| record.id() == self.0)
    }

    pub fn find<'a, T: Record>(&self, list: &'a [T]) -> Option<&'a T> {
        list.iter().find(|record| record.id() == self.0)
    }

    pub fn find_mut<'a, T: Record>(&self, list: &'a mut [T]) -> Option<&'a mut T> {
        list.iter_mut().find(|record| record.id() == self.0)
    }

    /// Takes the record out of its list.
    pub fn remove<T: Record>(&self, list: &mut Vec<T>) -> Option<T> {
        let index = self.position(list)?;
        Some(list.remove(index))
    }

    /// A reference to each record of `list`, in order.
    pub fn all<T: Record>(list: &[T]) -> impl DoubleEndedIterator<Item = Rec> + use<'_, T> {
        list.iter().map(Rec::of)
    }
}

/// The record `at` to change, or — for `None` — a new one with the id `new_id`,
/// added at the end to fill in; with the reference to it. `None` when `at` is gone.
/// Forms change the record in place, so its id and whatever they do not show stay
/// as they were.
pub fn edit_or_add<'a, T: Record + Default>(
    list: &'a mut Vec<T>,
    at: Option<&Rec>,
    new_id: String,
) -> Option<(Rec, &'a mut T)> {
    let at = match at {
        Some(at) => at.clone(),
        None => {
            let mut record = T::default();
            *record.id_mut() = new_id;
            list.push(record);
            Rec::of(list.last()?)
        }
    };
    let record = at.find_mut(list)?;
    Some((at, record))
}

/// Every open action item, oldest due first (undated last).
pub fn open_actions(partner: &Partner) -> Vec<Rec> {
    let mut actions: Vec<_> = partner
        .actions
        .iter()
        .filter(|action| action.is_open())
        .collect();
    actions.sort_by_key(|action| (action.due.is_none(), action.due));
    actions.into_iter().map(Rec::of).collect()
}

/// Action items done in the last `days` days, most recent first.
pub fn recently_done_actions(partner: &Partner, today: NaiveDate, days: i64) -> Vec<Rec> {
    let mut done: Vec<_> = partner
        .actions
        .iter()
        .filter_map(|action| {
            let date = action.done?;
            (days_between(date, today) <= days).then_some((action, date))
        })
        .collect();
    done.sort_by_key(|(_, date)| std::cmp::Reverse(*date));
    done.into_iter()
        .map(|(action, _)| Rec::of(action))
        .collect()
}

/// Something in the partner detail that can be selected and, where it makes sense,
/// edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    Profile,
    Contact(Rec),
    Goal(Rec),
    Role(Rec),
    AgreementDates,
    Component(Component),
    Deliverable(Rec),
    Milestone(Rec),
    CharterSettings,
    Meeting(Rec),
    Action(Rec),
    CheckIn(Rec),
    Review(Rec),
    /// A stage change, by its place in the history: the history is a record that
    /// only grows, and its entries carry no ids.
    History(usize),
}
