//! The Timeline tab's state: the zoom and how far time is scrolled, the grouping, the
//! attention view, the filter, and the selected milestone — held by identity, so it
//! stays on the same milestone when a key moves it or the list changes around it.
//! What the milestone keys do is `app::milestones`, shared with the partner detail.

mod rows;

pub use rows::{Grouping, MilestoneRef, Row, Rows, Tally, tally};

use super::detail::{DetailScreen, Section};
use super::{Layer, Screen};
use crate::app::action::{Action, TimelineAction};
use crate::app::effect::{Effect, Reveal};
use crate::app::filter::Filter;
use crate::app::forms::milestones::{MilestoneForm, MilestonePartnerForm};
use crate::app::keymap::Context;
use crate::app::milestones;
use crate::app::model::Data;
use crate::app::records::Item;
use crate::app::selection::{Cursor, movement};

/// How far PgUp/PgDn move, in milestones.
const PAGE: i64 = 10;

/// How much of the calendar fits: each zoom has its unit in the header and its
/// step when scrolling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// Days, three columns each.
    Week,
    /// A column a day, weeks in the header.
    #[default]
    Month,
    /// A column for three days, months in the header.
    Quarter,
}

impl Zoom {
    pub fn next(self) -> Zoom {
        match self {
            Zoom::Week => Zoom::Month,
            Zoom::Month => Zoom::Quarter,
            Zoom::Quarter => Zoom::Week,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Zoom::Week => "weeks",
            Zoom::Month => "months",
            Zoom::Quarter => "quarters",
        }
    }

    /// Days one press of `h`/`l` scrolls.
    pub fn step_days(self) -> i64 {
        match self {
            Zoom::Week => 7,
            Zoom::Month => 14,
            Zoom::Quarter => 30,
        }
    }
}

#[derive(Debug, Default)]
pub struct TimelineScreen {
    pub zoom: Zoom,
    /// Days the calendar is scrolled from where it shows today (`t` goes back).
    pub shift_days: i64,
    pub grouping: Grouping,
    /// `o`: only what is late, blocked or due within 14 days.
    pub attention_only: bool,
    /// `A`: partners in closed stages and milestones finished long ago too.
    pub show_all: bool,
    /// `/`: by partner, owner, phase, status or title.
    pub filter: Filter,
    /// The selected milestone, among the milestone rows.
    cursor: Cursor<MilestoneRef>,
    /// A milestone a key just changed stays listed, even when it no longer matches
    /// the filter or the attention view, until the selection moves: a second `>` must
    /// not land on the milestone that slid into its place.
    pinned: Option<MilestoneRef>,
}

impl TimelineScreen {
    pub fn new(data: &Data) -> TimelineScreen {
        let mut screen = TimelineScreen::default();
        screen.data_changed(data);
        screen
    }

    /// The rows on screen now.
    pub fn rows(&self, data: &Data) -> Rows {
        rows::rows(rows::Options {
            grouping: self.grouping,
            attention_only: self.attention_only,
            show_all: self.show_all,
            matcher: self.filter.matcher(),
            keep: self.pinned.as_ref(),
            data,
        })
    }

    /// The milestones listed, in the order of their rows.
    fn listed(&self, data: &Data) -> Vec<MilestoneRef> {
        let rows = self.rows(data);
        (rows.milestone_rows().into_iter())
            .filter_map(|row| rows.reference(data, row))
            .collect()
    }

    /// The selected milestone.
    pub fn selected(&self) -> Option<&MilestoneRef> {
        self.cursor.selected()
    }

    /// The selected milestone's row in `rows`.
    pub fn selected_row(&self, data: &Data, rows: &Rows) -> Option<usize> {
        rows.position(data, self.cursor.selected()?)
    }

    /// Selects `wanted` if it is listed; says whether it is.
    pub fn select(&mut self, data: &Data, wanted: &MilestoneRef) -> bool {
        self.cursor.select(&self.listed(data), wanted)
    }

    /// Keeps the selection on the same milestone while it is listed; else the one now
    /// at its place.
    fn settle(&mut self, data: &Data) {
        self.cursor.settle(&self.listed(data));
    }

    /// The phase of the group the selection is in, when grouped by phase: a new
    /// milestone starts there.
    fn selected_phase(&self, data: &Data) -> Option<String> {
        let selected = self.cursor.selected()?;
        let milestone = selected
            .at
            .find(&data.partner_data(&selected.partner)?.milestones)?;
        (self.grouping == Grouping::Phase).then(|| milestone.phase.clone())
    }
}

impl Screen for TimelineScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Timeline)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                self.pinned = None;
                self.settle(data);
            }
            return;
        }
        if matches!(action, Action::Timeline(_) | Action::Back) {
            self.pinned = None;
        }
        if let Some(delta) = movement(&action, PAGE) {
            // Moving on lets go of the milestone a key kept listed.
            self.pinned = None;
            self.cursor.step(&self.listed(data), delta);
            return;
        }
        let selected = self.cursor.selected().cloned();
        match action {
            Action::Left => self.shift_days -= self.zoom.step_days(),
            Action::Right => self.shift_days += self.zoom.step_days(),
            Action::Timeline(TimelineAction::Today) => self.shift_days = 0,
            Action::Timeline(TimelineAction::CycleZoom) => self.zoom = self.zoom.next(),
            Action::Timeline(TimelineAction::ToggleGrouping) => {
                self.grouping = match self.grouping {
                    Grouping::Partner => Grouping::Phase,
                    Grouping::Phase => Grouping::Partner,
                };
                self.settle(data);
            }
            Action::Timeline(TimelineAction::AttentionOnly) => {
                self.attention_only = !self.attention_only;
                self.settle(data);
            }
            Action::Timeline(TimelineAction::ShowAll) => {
                self.show_all = !self.show_all;
                self.settle(data);
            }
            Action::Back if self.attention_only => {
                self.attention_only = false;
                self.settle(data);
            }
            Action::Milestone(key) => match &selected {
                Some(selected) => {
                    self.pinned = Some(selected.clone());
                    milestones::key(data, &selected.partner, &selected.at, key, fx);
                }
                None => fx.push(Effect::info("no milestone selected — a adds one")),
            },
            Action::Open => {
                if let Some(selected) = &selected {
                    let mut detail =
                        DetailScreen::new(data, &selected.partner, Section::Milestones);
                    detail.select(data, &Item::Milestone(selected.at.clone()));
                    fx.push(Effect::Push(Layer::Detail(detail)));
                }
            }
            Action::Add => {
                if data.partners.is_empty() {
                    fx.push(Effect::info(
                        "no partners yet: add one on the Pipeline (2, then a)",
                    ));
                    return;
                }
                fx.push(Effect::OpenForm(Box::new(MilestonePartnerForm {
                    partner: selected.as_ref().map(|s| s.partner.clone()),
                    phase: self.selected_phase(data),
                })));
            }
            Action::Edit => {
                if let Some(selected) = &selected {
                    fx.push(Effect::OpenForm(Box::new(MilestoneForm {
                        partner: selected.partner.clone(),
                        at: Some(selected.at.clone()),
                        phase: None,
                    })));
                }
            }
            Action::Delete => {
                if let Some(selected) = &selected {
                    milestones::delete(data, &selected.partner, &selected.at, fx);
                }
            }
            _ => {}
        }
    }

    fn data_changed(&mut self, data: &Data) {
        self.settle(data);
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        if let Reveal::Milestone { partner, at } = what {
            let wanted = MilestoneRef {
                partner: partner.clone(),
                at: at.clone(),
            };
            if !self.select(data, &wanted) {
                // Hidden by the filter, the attention view or its stage: show it.
                self.filter = Filter::default();
                self.attention_only = false;
                if !self.select(data, &wanted) {
                    self.show_all = true;
                    self.select(data, &wanted);
                }
            }
        }
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.pinned = None;
            self.settle(data);
            return true;
        }
        false
    }
}
