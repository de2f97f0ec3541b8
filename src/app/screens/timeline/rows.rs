//! What the Timeline lists, in order: a row per milestone under a row per partner
//! (or per phase), after the filter, the attention view and the closed stages are
//! applied. The view draws these rows and the screen moves through them, so the two
//! can never disagree on order.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::app::filter::Matcher;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::dates::days_between;
use crate::domain::portfolio::UPCOMING_DAYS;
use crate::domain::timeline::{Milestone, MilestoneStatus};

/// How the rows are grouped (`p`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Partner,
    Phase,
}

impl Grouping {
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Partner => "by partner",
            Grouping::Phase => "by phase",
        }
    }
}

/// A milestone by identity: its partner's id and its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MilestoneRef {
    pub partner: String,
    pub at: Rec,
}

/// One row of the Timeline. Indices point into `data.partners` and the partner's
/// `milestones` as they are now: rows are rebuilt after every change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A partner's heading, with how many of its milestones are listed.
    Partner {
        partner: usize,
        count: usize,
    },
    /// A phase's heading, by phase id ("" for milestones without a phase).
    Phase {
        phase: String,
        count: usize,
    },
    Milestone {
        partner: usize,
        milestone: usize,
    },
}

/// Which rows to show.
pub struct Options<'a> {
    pub grouping: Grouping,
    /// Only what is late, blocked or due within the window.
    pub attention_only: bool,
    /// Partners in closed stages (paused, ended) and milestones finished long ago
    /// too.
    pub show_all: bool,
    pub matcher: Option<Matcher>,
    /// Listed whatever the filter and the attention view say.
    pub keep: Option<&'a MilestoneRef>,
    pub data: &'a Data,
}

/// The rows, and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rows {
    pub rows: Vec<Row>,
    /// Milestones that the filter and the attention view chose from.
    pub total: usize,
    /// Milestones not shown because `A` is off: of partners in closed stages, or
    /// done or cancelled long ago.
    pub hidden: usize,
}

impl Rows {
    /// The milestone of row `index`, if it is a milestone row.
    pub fn milestone<'a>(&self, data: &'a Data, index: usize) -> Option<(&'a str, &'a Milestone)> {
        match self.rows.get(index)? {
            Row::Milestone { partner, milestone } => {
                let file = data.partners.get(*partner)?;
                Some((file.id.as_str(), file.partner.milestones.get(*milestone)?))
            }
            _ => None,
        }
    }

    /// The identity of the milestone of row `index`.
    pub fn reference(&self, data: &Data, index: usize) -> Option<MilestoneRef> {
        self.milestone(data, index)
            .map(|(partner, m)| MilestoneRef {
                partner: partner.to_string(),
                at: Rec::of(m),
            })
    }

    /// The row of milestone `wanted`.
    pub fn position(&self, data: &Data, wanted: &MilestoneRef) -> Option<usize> {
        (0..self.rows.len()).find(|&index| {
            self.milestone(data, index)
                .is_some_and(|(partner, m)| partner == wanted.partner && m.id == wanted.at.as_str())
        })
    }

    /// The rows that are milestones, by index into `rows`.
    pub fn milestone_rows(&self) -> Vec<usize> {
        (self.rows.iter().enumerate())
            .filter(|(_, row)| matches!(row, Row::Milestone { .. }))
            .map(|(index, _)| index)
            .collect()
    }
}

/// The words a milestone is found by: its title, partner, owner (handle and name),
/// phase, status — and "late" when it is.
fn fields<'a>(data: &'a Data, partner: &'a str, m: &'a Milestone) -> Vec<&'a str> {
    let mut fields = vec![
        m.title.as_str(),
        partner,
        m.owner.as_str(),
        data.workspace.member_name(&m.owner),
        data.workspace.phase_name(&m.phase),
        m.status.label(),
    ];
    if m.is_overdue(data.today) {
        fields.push("late");
        fields.push("overdue");
    }
    fields
}

/// How long a done or cancelled milestone stays on the Timeline (unless `A` shows
/// all): what is finished leaves the plan, as a done action item leaves the detail.
pub const FINISHED_SHOWN_DAYS: i64 = 30;

/// Done or cancelled more than `FINISHED_SHOWN_DAYS` ago (by its done date, else its
/// due date).
fn finished_long_ago(m: &Milestone, today: NaiveDate) -> bool {
    !m.is_open() && days_between(m.done.unwrap_or(m.due), today) > FINISHED_SHOWN_DAYS
}

/// Milestones within a group: in the order they begin, then by due date.
fn plan_order(m: &Milestone) -> (NaiveDate, NaiveDate) {
    (m.first_day(), m.due)
}

pub fn rows(mut options: Options) -> Rows {
    let data = options.data;
    let today = data.today;
    let mut out = Rows::default();
    // The milestones shown: (partner index, milestone index).
    let mut shown: Vec<(usize, usize)> = Vec::new();
    for (p, file) in data.partners.iter().enumerate() {
        let partner = &file.partner;
        if partner.milestones.is_empty() {
            continue;
        }
        if !options.show_all && data.workspace.is_closed_stage(&partner.stage) {
            out.hidden += partner.milestones.len();
            continue;
        }
        for (index, m) in partner.milestones.iter().enumerate() {
            let kept = options
                .keep
                .is_some_and(|keep| keep.partner == file.id && keep.at.as_str() == m.id);
            if !kept && !options.show_all && finished_long_ago(m, today) {
                out.hidden += 1;
                continue;
            }
            out.total += 1;
            let shown_here = (!options.attention_only || m.needs_attention(today, UPCOMING_DAYS))
                && (options.matcher.as_mut())
                    .is_none_or(|matcher| matcher.matches(fields(data, &partner.name, m)));
            if kept || shown_here {
                shown.push((p, index));
            }
        }
    }
    let milestone = |&(p, index): &(usize, usize)| &data.partners[p].partner.milestones[index];
    match options.grouping {
        Grouping::Partner => {
            let mut by_partner: BTreeMap<(String, usize), Vec<(usize, usize)>> = BTreeMap::new();
            for entry in shown {
                let name = data.partners[entry.0].partner.name.to_lowercase();
                by_partner.entry((name, entry.0)).or_default().push(entry);
            }
            for ((_, partner), mut entries) in by_partner {
                entries.sort_by_key(|entry| (plan_order(milestone(entry)), entry.1));
                out.rows.push(Row::Partner {
                    partner,
                    count: entries.len(),
                });
                out.rows.extend(
                    (entries.into_iter())
                        .map(|(partner, milestone)| Row::Milestone { partner, milestone }),
                );
            }
        }
        Grouping::Phase => {
            // The workspace's phases in order, then phases it lacks, then none.
            let phases = &data.workspace.phases;
            let rank = |id: &str| -> (usize, String) {
                match phases.iter().position(|phase| phase.id == id) {
                    Some(position) => (position, String::new()),
                    None if id.is_empty() => (usize::MAX, String::new()),
                    None => (phases.len(), id.to_string()),
                }
            };
            let mut by_phase: BTreeMap<(usize, String), Vec<(usize, usize)>> = BTreeMap::new();
            for entry in shown {
                by_phase
                    .entry(rank(&milestone(&entry).phase))
                    .or_default()
                    .push(entry);
            }
            for (_, mut entries) in by_phase {
                entries.sort_by_cached_key(|entry| {
                    let partner = data.partners[entry.0].partner.name.to_lowercase();
                    (plan_order(milestone(entry)), partner, entry.1)
                });
                out.rows.push(Row::Phase {
                    phase: milestone(&entries[0]).phase.clone(),
                    count: entries.len(),
                });
                out.rows.extend(
                    (entries.into_iter())
                        .map(|(partner, milestone)| Row::Milestone { partner, milestone }),
                );
            }
        }
    }
    out
}

/// What the rows hold that needs someone, for the heading: late, blocked, due
/// within the window (open ones only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub milestones: usize,
    pub late: usize,
    pub blocked: usize,
    pub due_soon: usize,
}

pub fn tally(rows: &Rows, data: &Data) -> Tally {
    let mut tally = Tally::default();
    for index in 0..rows.rows.len() {
        let Some((_, m)) = rows.milestone(data, index) else {
            continue;
        };
        tally.milestones += 1;
        tally.late += usize::from(m.is_overdue(data.today));
        tally.blocked += usize::from(m.status == MilestoneStatus::Blocked);
        tally.due_soon += usize::from(m.due_within(data.today, UPCOMING_DAYS));
    }
    tally
}
