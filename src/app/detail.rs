//! The partner detail's structure: its sections and the selectable items in each, in
//! the order the view draws them, so a selection means the same thing to both.

use chrono::NaiveDate;

use crate::domain::partner::{Component, Partner};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Profile,
    Roles,
    Agreement,
    Charter,
    Activity,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Profile,
        Section::Roles,
        Section::Agreement,
        Section::Charter,
        Section::Activity,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Profile => "Profile & goals",
            Section::Roles => "Roles",
            Section::Agreement => "Agreement",
            Section::Charter => "Charter",
            Section::Activity => "Activity",
        }
    }

    pub fn next(self) -> Section {
        let index = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Section::ALL[(index + 1) % Section::ALL.len()]
    }

    pub fn prev(self) -> Section {
        let index = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Section::ALL[(index + Section::ALL.len() - 1) % Section::ALL.len()]
    }
}

/// Something in the detail that can be selected (and, where it makes sense, edited).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Profile,
    Contact(usize),
    Goal(usize),
    Role(usize),
    AgreementDates,
    Component(Component),
    Deliverable(usize),
    CharterSettings,
    Tier(usize),
    /// An index into the partner's `actions`.
    Action(usize),
    CheckIn(usize),
    Review(usize),
    History(usize),
}

/// The selectable items of `section`, in drawing order.
pub fn items(partner: &Partner, section: Section, today: NaiveDate) -> Vec<Item> {
    match section {
        Section::Profile => std::iter::once(Item::Profile)
            .chain((0..partner.contacts.len()).map(Item::Contact))
            .chain((0..partner.goals.len()).map(Item::Goal))
            .collect(),
        Section::Roles => (0..partner.roles.len()).map(Item::Role).collect(),
        Section::Agreement => std::iter::once(Item::AgreementDates)
            .chain(Component::ALL.into_iter().map(Item::Component))
            .chain((0..partner.agreement.deliverables.len()).map(Item::Deliverable))
            .collect(),
        Section::Charter => std::iter::once(Item::CharterSettings)
            .chain((0..partner.charter.meetings.len()).map(Item::Tier))
            .collect(),
        Section::Activity => {
            let mut items: Vec<Item> = open_actions(partner)
                .into_iter()
                .chain(recently_done_actions(partner, today))
                .map(Item::Action)
                .collect();
            items.extend((0..partner.checkins.len()).rev().map(Item::CheckIn));
            items.extend((0..partner.reviews.len()).rev().map(Item::Review));
            items.extend((0..partner.history.len()).rev().map(Item::History));
            items
        }
    }
}

/// How long a done action item stays in the Activity section, so it can be seen
/// and reopened.
pub const DONE_SHOWN_DAYS: i64 = 30;

/// Action items done in the last `DONE_SHOWN_DAYS`, most recent first, as indices
/// into the partner's `actions`.
pub fn recently_done_actions(partner: &Partner, today: NaiveDate) -> Vec<usize> {
    let mut done: Vec<(usize, NaiveDate)> = partner
        .actions
        .iter()
        .enumerate()
        .filter_map(|(index, action)| {
            let date = action.done?;
            (crate::domain::dates::days_between(date, today) <= DONE_SHOWN_DAYS)
                .then_some((index, date))
        })
        .collect();
    done.sort_by_key(|(_, date)| std::cmp::Reverse(*date));
    done.into_iter().map(|(index, _)| index).collect()
}

/// Every open action item, oldest due first (undated last), as indices into the
/// partner's `actions`.
pub fn open_actions(partner: &Partner) -> Vec<usize> {
    let mut actions: Vec<(usize, Option<NaiveDate>)> = partner
        .actions
        .iter()
        .enumerate()
        .filter(|(_, action)| action.is_open())
        .map(|(index, action)| (index, action.due))
        .collect();
    actions.sort_by_key(|(_, due)| (due.is_none(), *due));
    actions.into_iter().map(|(index, _)| index).collect()
}
