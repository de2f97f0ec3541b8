//! The calendar of the next days: what falls due, by date.

use chrono::NaiveDate;

use crate::domain::dates::days_between;
use crate::domain::partner::Partner;
use crate::domain::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UpcomingKind {
    Milestone,
    CheckIn,
    Review,
    Renewal,
    Action,
}

impl UpcomingKind {
    pub fn label(self) -> &'static str {
        match self {
            UpcomingKind::Milestone => "milestone",
            UpcomingKind::CheckIn => "check-in",
            UpcomingKind::Review => "review",
            UpcomingKind::Renewal => "renewal",
            UpcomingKind::Action => "action",
        }
    }
}

/// Something falling due in the coming days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    pub date: NaiveDate,
    pub partner: String,
    pub partner_name: String,
    pub kind: UpcomingKind,
    /// The thing itself; the kind's label says what sort of thing it is, so this
    /// never repeats it ("every 14 days", not "check-in (every 14 days)").
    pub what: String,
}

impl Upcoming {
    /// "check-in every 14 days", "review of the agreement", "milestone: Pilot launch".
    pub fn text(&self) -> String {
        match self.kind {
            UpcomingKind::Milestone | UpcomingKind::Action => {
                format!("{}: {}", self.kind.label(), self.what)
            }
            kind => format!("{} {}", kind.label(), self.what),
        }
    }
}

/// What falls due from today to `days` ahead: open milestones, check-ins, agreement
/// reviews, renewals and open action items; by date, then partner.
pub fn upcoming<'a>(
    partners: impl IntoIterator<Item = (&'a str, &'a Partner)>,
    workspace: &Workspace,
    today: NaiveDate,
    days: i64,
) -> Vec<Upcoming> {
    let in_window = |date: NaiveDate| (0..=days).contains(&days_between(today, date));
    let mut list = Vec::new();
    for (id, partner) in partners {
        if workspace.is_closed_stage(&partner.stage) {
            continue;
        }
        let mut add = |date: NaiveDate, kind, what: String| {
            if in_window(date) {
                list.push(Upcoming {
                    date,
                    partner: id.to_string(),
                    partner_name: partner.name.clone(),
                    kind,
                    what,
                });
            }
        };
        for milestone in partner.milestones.iter().filter(|m| m.is_open()) {
            add(
                milestone.due,
                UpcomingKind::Milestone,
                milestone.title.clone(),
            );
        }
        if workspace.is_checkin_stage(&partner.stage) {
            let cadence = partner.cadence_days(workspace.checkin_cadence_days);
            add(
                partner.checkin_due(workspace.checkin_cadence_days, today),
                UpcomingKind::CheckIn,
                format!("every {cadence} days"),
            );
        }
        if let Some(review) = partner.agreement.next_review {
            add(review, UpcomingKind::Review, "of the agreement".into());
        }
        if let Some(expires) = partner.agreement.expires {
            add(expires, UpcomingKind::Renewal, "of the agreement".into());
        }
        for action in partner.open_actions() {
            if let Some(due) = action.due {
                add(due, UpcomingKind::Action, action.text.clone());
            }
        }
    }
    list.sort_by_cached_key(|entry| {
        (
            entry.date,
            entry.partner_name.to_lowercase(),
            entry.kind,
            entry.what.clone(),
        )
    });
    list
}
