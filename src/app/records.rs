//! Which record inside a partner file a selection, a form or a question means, and
//! the one place such a reference is resolved against a partner.
//!
//! Today a record is known by its position in its list. When records carry stable
//! ids (schema version 2) `Rec` holds the id instead, and this file is what changes:
//! every screen and form goes through `Rec::find`, `Rec::find_mut`, `Rec::remove`
//! and `place`, never through an index of its own.

use chrono::NaiveDate;

use crate::domain::partner::{ActionItem, ActionSource, Component, Partner};

/// One record of a list in a partner file (a contact, a goal, a role…).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rec(usize);

impl Rec {
    /// The record at `index` of its list.
    pub fn at(index: usize) -> Rec {
        Rec(index)
    }

    pub fn find<'a, T>(&self, list: &'a [T]) -> Option<&'a T> {
        list.get(self.0)
    }

    pub fn find_mut<'a, T>(&self, list: &'a mut [T]) -> Option<&'a mut T> {
        list.get_mut(self.0)
    }

    /// Takes the record out of its list.
    pub fn remove<T>(&self, list: &mut Vec<T>) -> Option<T> {
        (self.0 < list.len()).then(|| list.remove(self.0))
    }

    /// A reference to each record of `list`, in order.
    pub fn all<T>(list: &[T]) -> impl DoubleEndedIterator<Item = Rec> + use<T> {
        (0..list.len()).map(Rec)
    }
}

/// The record `at` to change, or — for `None` — a new one added at the end to fill
/// in; with the reference to it. `None` when `at` is gone. Forms change the record
/// in place, so whatever they do not show (and, later, its id) stays as it was.
pub fn edit_or_add<'a, T: Default>(
    list: &'a mut Vec<T>,
    at: Option<&Rec>,
) -> Option<(Rec, &'a mut T)> {
    let at = match at {
        Some(at) => at.clone(),
        None => {
            list.push(T::default());
            Rec(list.len() - 1)
        }
    };
    let record = at.find_mut(list)?;
    Some((at, record))
}

/// An action item: the partner's own, or one agreed at a check-in or a review.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionRef {
    source: ActionSource,
    index: usize,
}

impl ActionRef {
    pub fn new(source: ActionSource, index: usize) -> ActionRef {
        ActionRef { source, index }
    }

    /// Where the action was agreed.
    pub fn source(&self) -> ActionSource {
        self.source
    }

    pub fn find<'a>(&self, partner: &'a Partner) -> Option<&'a ActionItem> {
        partner.action(self.source, self.index)
    }

    pub fn find_mut<'a>(&self, partner: &'a mut Partner) -> Option<&'a mut ActionItem> {
        partner.action_mut(self.source, self.index)
    }

    pub fn remove(&self, partner: &mut Partner) -> Option<ActionItem> {
        partner.remove_action(self.source, self.index)
    }

    /// The action `at` to change, or — for `None` — a new one of the partner's own
    /// (not agreed at a check-in: adding one must not look like a check-in
    /// happened), as `edit_or_add`.
    pub fn edit_or_add<'a>(
        partner: &'a mut Partner,
        at: Option<&ActionRef>,
    ) -> Option<(ActionRef, &'a mut ActionItem)> {
        let at = match at {
            Some(at) => at.clone(),
            None => {
                partner.actions.push(ActionItem::default());
                ActionRef::new(ActionSource::Partner, partner.actions.len() - 1)
            }
        };
        let action = at.find_mut(partner)?;
        Some((at, action))
    }

    /// Every open action item, oldest due first (undated last).
    pub fn open(partner: &Partner) -> Vec<ActionRef> {
        let mut actions: Vec<(ActionRef, Option<NaiveDate>)> = partner
            .sourced_actions()
            .filter(|(_, _, action)| action.is_open())
            .map(|(source, index, action)| (ActionRef::new(source, index), action.due))
            .collect();
        actions.sort_by_key(|(_, due)| (due.is_none(), *due));
        actions.into_iter().map(|(action, _)| action).collect()
    }

    /// Action items done in the last `days` days, most recent first.
    pub fn recently_done(partner: &Partner, today: NaiveDate, days: i64) -> Vec<ActionRef> {
        let mut done: Vec<(ActionRef, NaiveDate)> = partner
            .sourced_actions()
            .filter_map(|(source, index, action)| {
                let date = action.done?;
                ((today - date).num_days() <= days).then_some((ActionRef::new(source, index), date))
            })
            .collect();
        done.sort_by_key(|(_, date)| std::cmp::Reverse(*date));
        done.into_iter().map(|(action, _)| action).collect()
    }
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
    CharterSettings,
    Meeting(Rec),
    Action(ActionRef),
    CheckIn(Rec),
    Review(Rec),
    History(Rec),
}

impl Item {
    /// Whether the item is still in `partner`.
    pub fn exists_in(&self, partner: &Partner) -> bool {
        match self {
            Item::Profile | Item::AgreementDates | Item::Component(_) | Item::CharterSettings => {
                true
            }
            Item::Contact(at) => at.find(&partner.contacts).is_some(),
            Item::Goal(at) => at.find(&partner.goals).is_some(),
            Item::Role(at) => at.find(&partner.roles).is_some(),
            Item::Deliverable(at) => at.find(&partner.agreement.deliverables).is_some(),
            Item::Meeting(at) => at.find(&partner.charter.meetings).is_some(),
            Item::Action(at) => at.find(partner).is_some(),
            Item::CheckIn(at) => at.find(&partner.checkins).is_some(),
            Item::Review(at) => at.find(&partner.reviews).is_some(),
            Item::History(at) => at.find(&partner.history).is_some(),
        }
    }
}
