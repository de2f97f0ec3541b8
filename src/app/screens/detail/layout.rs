//! What the partner detail shows, section by section, as one list of rows: headings,
//! notes, figures and the items that can be selected. The view draws these rows and
//! the screen moves through their items, so the two can never disagree on order.

use chrono::NaiveDate;

use crate::app::records::{Item, Rec, open_actions, recently_done_actions};
use crate::domain::partner::{Component, Partner};
use crate::domain::portfolio::PartnerSummary;

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

/// One row of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(String),
    /// A dim line: "none yet — a adds one".
    Note(String),
    /// Something that can be selected.
    Item(Item),
    /// The partner's health and the rule behind it.
    Health,
    /// A KPI's status and why, by its place in the partner's assessments.
    Kpi(usize),
    /// An open milestone, by its place in the partner's milestones.
    Milestone(usize),
}

impl Row {
    pub fn item(&self) -> Option<&Item> {
        match self {
            Row::Item(item) => Some(item),
            _ => None,
        }
    }
}

/// How long a done action item stays in the Activity section, so it can be seen
/// and reopened.
pub const DONE_SHOWN_DAYS: i64 = 30;

/// Open milestones the Profile lists under Performance.
const MILESTONES_SHOWN: usize = 4;

/// The rows of `section`, in drawing order.
pub fn rows(
    partner: &Partner,
    figures: Option<&PartnerSummary>,
    section: Section,
    today: NaiveDate,
) -> Vec<Row> {
    let mut rows = Rows::default();
    match section {
        Section::Profile => {
            rows.heading("Profile");
            rows.item(Item::Profile);
            rows.heading("Performance");
            if figures.is_some() {
                rows.push(Row::Health);
            }
            if partner.kpis.is_empty() {
                rows.note("no KPIs yet");
            }
            let assessed = figures.map_or(0, |f| f.assessments.len());
            rows.0.extend((0..assessed).map(Row::Kpi));
            let open = (partner.milestones.iter().enumerate())
                .filter(|(_, milestone)| milestone.is_open())
                .take(MILESTONES_SHOWN)
                .map(|(index, _)| Row::Milestone(index));
            rows.0.extend(open);
            rows.list(
                "Contacts",
                Rec::all(&partner.contacts).map(Item::Contact),
                "none yet — a adds one",
            );
            rows.list(
                "Goals",
                Rec::all(&partner.goals).map(Item::Goal),
                "none yet — a adds one",
            );
        }
        Section::Roles => rows.list(
            "Roles and responsibilities",
            Rec::all(&partner.roles).map(Item::Role),
            "none yet — a adds one",
        ),
        Section::Agreement => {
            let agreement = &partner.agreement;
            rows.heading("Dates");
            rows.item(Item::AgreementDates);
            rows.heading(&format!(
                "Components ({} of 7 agreed)",
                agreement.agreed_count()
            ));
            rows.0.extend(
                Component::ALL
                    .into_iter()
                    .map(|c| Row::Item(Item::Component(c))),
            );
            rows.list(
                "Deliverables",
                Rec::all(&agreement.deliverables).map(Item::Deliverable),
                "none yet — a adds one",
            );
        }
        Section::Charter => {
            rows.heading("Communication");
            rows.item(Item::CharterSettings);
            rows.list(
                "Meetings",
                Rec::all(&partner.charter.meetings).map(Item::Meeting),
                "none yet — a adds one",
            );
        }
        Section::Activity => {
            rows.list(
                "Open action items",
                open_actions(partner).into_iter().map(Item::Action),
                "nothing open — a adds one",
            );
            let done = recently_done_actions(partner, today, DONE_SHOWN_DAYS);
            if !done.is_empty() {
                rows.heading(&format!(
                    "Done in the last {DONE_SHOWN_DAYS} days ({}) — Space reopens",
                    done.len()
                ));
                rows.0
                    .extend(done.into_iter().map(|a| Row::Item(Item::Action(a))));
            }
            // Most recent first.
            rows.list(
                "Check-ins",
                Rec::all(&partner.checkins).rev().map(Item::CheckIn),
                "",
            );
            rows.list(
                "Reviews",
                Rec::all(&partner.reviews).rev().map(Item::Review),
                "",
            );
            rows.list(
                "Stage history",
                (0..partner.history.len()).rev().map(Item::History),
                "",
            );
        }
    }
    rows.0
}

/// The selectable items of `section`, in drawing order: the `Item` rows of `rows`.
pub fn items(
    partner: &Partner,
    figures: Option<&PartnerSummary>,
    section: Section,
    today: NaiveDate,
) -> Vec<Item> {
    rows(partner, figures, section, today)
        .into_iter()
        .filter_map(|row| match row {
            Row::Item(item) => Some(item),
            _ => None,
        })
        .collect()
}

/// The one way every section is put together.
#[derive(Default)]
struct Rows(Vec<Row>);

impl Rows {
    fn push(&mut self, row: Row) {
        self.0.push(row);
    }

    fn heading(&mut self, text: &str) {
        self.push(Row::Heading(text.to_string()));
    }

    fn note(&mut self, text: &str) {
        self.push(Row::Note(text.to_string()));
    }

    fn item(&mut self, item: Item) {
        self.push(Row::Item(item));
    }

    /// "Contacts (3)" and a row per item, or `empty` as a note when there are none.
    fn list(&mut self, title: &str, items: impl Iterator<Item = Item>, empty: &str) {
        let items: Vec<Item> = items.collect();
        self.heading(&format!("{title} ({})", items.len()));
        if items.is_empty() && !empty.is_empty() {
            self.note(empty);
        }
        self.0.extend(items.into_iter().map(Row::Item));
    }
}
