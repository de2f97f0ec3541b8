//! What the partner detail shows, section by section, as one list of rows: headings,
//! notes, figures and the items that can be selected. The view draws these rows and
//! the screen moves through their items, so the two can never disagree on order.

use chrono::NaiveDate;

use crate::app::records::{Item, Rec, open_actions, recently_done_actions};
use crate::domain::partner::{Component, Partner};
use crate::domain::portfolio::PartnerSummary;
use crate::domain::timeline::MilestoneStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Profile,
    Roles,
    Agreement,
    Milestones,
    Charter,
    Activity,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Profile,
        Section::Roles,
        Section::Agreement,
        Section::Milestones,
        Section::Charter,
        Section::Activity,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Profile => "Profile & goals",
            Section::Roles => "Roles",
            Section::Agreement => "Agreement",
            Section::Milestones => "Milestones",
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

/// How far ahead the Milestones section counts what is coming due (as the
/// Timeline's attention view does).
const DUE_SOON_DAYS: i64 = crate::domain::portfolio::UPCOMING_DAYS;

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
            rows.note(&milestone_summary(partner, today));
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
        Section::Milestones => milestone_rows(&mut rows, partner, today),
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

/// "Milestones: 3 open (1 late, 1 blocked) — ] Milestones lists them", for the
/// Profile's Performance.
fn milestone_summary(partner: &Partner, today: NaiveDate) -> String {
    let open: Vec<_> = partner.milestones.iter().filter(|m| m.is_open()).collect();
    if partner.milestones.is_empty() {
        return "no milestones yet".to_string();
    }
    let late = open.iter().filter(|m| m.is_overdue(today)).count();
    let blocked = (open.iter())
        .filter(|m| m.status == MilestoneStatus::Blocked)
        .count();
    let mut flags = Vec::new();
    if late > 0 {
        flags.push(format!("{late} late"));
    }
    if blocked > 0 {
        flags.push(format!("{blocked} blocked"));
    }
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join(", "))
    };
    format!(
        "milestones: {} open{flags} of {} — listed under Milestones",
        open.len(),
        partner.milestones.len()
    )
}

/// Open milestones by due date, with what needs attention counted in the heading;
/// then the done ones, most recently finished first; then the cancelled ones.
fn milestone_rows(rows: &mut Rows, partner: &Partner, today: NaiveDate) {
    let milestones = &partner.milestones;
    let mut open: Vec<_> = milestones.iter().filter(|m| m.is_open()).collect();
    open.sort_by_key(|m| (m.due, m.first_day()));
    let late = open.iter().filter(|m| m.is_overdue(today)).count();
    let blocked = (open.iter())
        .filter(|m| m.status == MilestoneStatus::Blocked)
        .count();
    let soon = open
        .iter()
        .filter(|m| m.due_within(today, DUE_SOON_DAYS))
        .count();
    let mut flags = Vec::new();
    for (count, what) in [
        (late, "late"),
        (blocked, "blocked"),
        (soon, "due within 14 days"),
    ] {
        if count > 0 {
            flags.push(format!("{count} {what}"));
        }
    }
    let heading = if flags.is_empty() {
        format!("Open ({})", open.len())
    } else {
        format!("Open ({}) — {}", open.len(), flags.join(", "))
    };
    rows.heading(&heading);
    if open.is_empty() {
        rows.note("nothing open — a adds a milestone");
    }
    rows.0.extend(
        open.into_iter()
            .map(|m| Row::Item(Item::Milestone(Rec::of(m)))),
    );
    let mut done: Vec<_> = (milestones.iter())
        .filter(|m| m.status == MilestoneStatus::Done)
        .collect();
    done.sort_by_key(|m| std::cmp::Reverse((m.done.unwrap_or(m.due), m.due)));
    if !done.is_empty() {
        rows.list(
            "Done",
            done.into_iter().map(|m| Item::Milestone(Rec::of(m))),
            "",
        );
    }
    let cancelled: Vec<_> = (milestones.iter())
        .filter(|m| m.status == MilestoneStatus::Cancelled)
        .map(|m| Item::Milestone(Rec::of(m)))
        .collect();
    if !cancelled.is_empty() {
        rows.list("Cancelled", cancelled.into_iter(), "");
    }
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
