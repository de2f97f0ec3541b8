//! The partner detail's structure: its sections and the selectable items in each, in
//! the order the view draws them, so a selection means the same thing to both.

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

/// Where an action item lives: a check-in or a review's adjustments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionSource {
    CheckIn(usize),
    Review(usize),
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
    Action(ActionSource, usize),
    CheckIn(usize),
    Review(usize),
    History(usize),
}

/// The selectable items of `section`, in drawing order.
pub fn items(partner: &Partner, section: Section) -> Vec<Item> {
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
                .map(|(source, index)| Item::Action(source, index))
                .collect();
            items.extend((0..partner.checkins.len()).rev().map(Item::CheckIn));
            items.extend((0..partner.reviews.len()).rev().map(Item::Review));
            items.extend((0..partner.history.len()).rev().map(Item::History));
            items
        }
    }
}

/// Every open action item, oldest due first (undated last).
pub fn open_actions(partner: &Partner) -> Vec<(ActionSource, usize)> {
    let mut actions: Vec<(ActionSource, usize, Option<chrono::NaiveDate>)> = Vec::new();
    for (c, checkin) in partner.checkins.iter().enumerate() {
        for (a, action) in checkin.actions.iter().enumerate() {
            if action.is_open() {
                actions.push((ActionSource::CheckIn(c), a, action.due));
            }
        }
    }
    for (r, review) in partner.reviews.iter().enumerate() {
        for (a, action) in review.adjustments.iter().enumerate() {
            if action.is_open() {
                actions.push((ActionSource::Review(r), a, action.due));
            }
        }
    }
    actions.sort_by_key(|(_, _, due)| (due.is_none(), *due));
    actions
        .into_iter()
        .map(|(source, index, _)| (source, index))
        .collect()
}
