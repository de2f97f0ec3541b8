//! The Scorecard tab: one partner at a time — its KPIs grouped by perspective, the
//! feedback heard, its reviews — a KPI up close, a review read in full, and the
//! portfolio of every open KPI for the meeting glance. The selection in every list
//! is held by identity, so it stays on the same record when the data changes; what
//! the keys do to the data (forms, questions) is in `edit`, what is listed and in
//! which order in `lists`, the figures shown in `figures`.

mod edit;
pub mod figures;
mod lists;

pub use lists::*;

use super::Screen;
use crate::app::action::{Action, ScorecardAction};
use crate::app::effect::{Effect, Reveal, ScorecardPart};
use crate::app::filter::{Filter, keeps};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::app::selection::{Cursor, movement};
use crate::domain::Partner;

/// How far PgUp/PgDn move.
const PAGE: i64 = 10;

/// The three panels of a partner's scorecard, in the order `h`/`l` visit them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Kpis,
    Feedback,
    Reviews,
}

impl Panel {
    const ALL: [Panel; 3] = [Panel::Kpis, Panel::Feedback, Panel::Reviews];

    fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    fn next(self) -> Panel {
        Panel::ALL[(self.index() + 1) % Panel::ALL.len()]
    }

    fn prev(self) -> Panel {
        Panel::ALL[(self.index() + Panel::ALL.len() - 1) % Panel::ALL.len()]
    }
}

/// What the tab shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The partner's scorecard: KPIs, feedback, reviews.
    Cards,
    /// The selected KPI up close: its chart and readings.
    Kpi { readings: Cursor<Rec> },
    /// The selected review in full.
    Review { scroll: u16 },
    /// Every open KPI of every partner.
    Portfolio { rows: Cursor<(String, Rec)> },
}

#[derive(Debug, Clone)]
pub struct ScorecardScreen {
    /// The partner on screen, by id; `None` when there are no partners.
    partner: Option<String>,
    pub panel: Panel,
    kpis: Cursor<Rec>,
    feedback: Cursor<Rec>,
    reviews: Cursor<Rec>,
    /// The perspective shown (by id); `None`: all of them.
    pub perspective: Option<String>,
    pub mode: Mode,
    /// `/` on the portfolio: by partner, KPI, perspective or owner. One partner's
    /// scorecard has too few rows to filter; `/` there says where it works.
    pub filter: Filter,
}

impl ScorecardScreen {
    /// Opens on the first partner with KPIs, its first KPI selected.
    pub fn new(data: &Data) -> ScorecardScreen {
        let mut screen = ScorecardScreen {
            partner: None,
            panel: Panel::Kpis,
            kpis: Cursor::default(),
            feedback: Cursor::default(),
            reviews: Cursor::default(),
            perspective: None,
            mode: Mode::Cards,
            filter: Filter::default(),
        };
        screen.data_changed(data);
        screen
    }

    /// The partner on screen.
    pub fn partner_id(&self) -> Option<&str> {
        self.partner.as_deref()
    }

    pub fn partner<'a>(&self, data: &'a Data) -> Option<&'a Partner> {
        data.partner_data(self.partner.as_deref()?)
    }

    /// The KPIs shown, grouped, for the partner on screen.
    pub fn groups(&self, data: &Data) -> Vec<KpiGroup> {
        self.partner(data).map_or_else(Vec::new, |partner| {
            kpi_groups(data, partner, self.perspective.as_deref())
        })
    }

    /// The selectable items of `panel`, in the order shown.
    pub fn items(&self, data: &Data, panel: Panel) -> Vec<Rec> {
        let Some(partner) = self.partner(data) else {
            return Vec::new();
        };
        match panel {
            Panel::Kpis => kpi_order(partner, &self.groups(data)),
            Panel::Feedback => feedback_order(partner),
            Panel::Reviews => review_order(partner),
        }
    }

    fn cursor(&self, panel: Panel) -> &Cursor<Rec> {
        match panel {
            Panel::Kpis => &self.kpis,
            Panel::Feedback => &self.feedback,
            Panel::Reviews => &self.reviews,
        }
    }

    fn cursor_mut(&mut self, panel: Panel) -> &mut Cursor<Rec> {
        match panel {
            Panel::Kpis => &mut self.kpis,
            Panel::Feedback => &mut self.feedback,
            Panel::Reviews => &mut self.reviews,
        }
    }

    /// The selected item of `panel`.
    pub fn selected(&self, panel: Panel) -> Option<&Rec> {
        self.cursor(panel).selected()
    }

    /// The selected KPI's index in the partner's `kpis`.
    pub fn kpi_index(&self, data: &Data) -> Option<usize> {
        self.kpis.selected()?.position(&self.partner(data)?.kpis)
    }

    /// The selected reading, with a KPI up close.
    pub fn reading(&self) -> Option<&Rec> {
        match &self.mode {
            Mode::Kpi { readings } => readings.selected(),
            _ => None,
        }
    }

    /// The readings of the KPI up close, in the order shown.
    pub fn readings(&self, data: &Data) -> Vec<Rec> {
        self.kpi_index(data)
            .and_then(|index| self.partner(data)?.kpis.get(index))
            .map_or_else(Vec::new, reading_order)
    }

    /// The portfolio's rows: every open KPI (of the perspective shown) that the
    /// filter lets through, most in need first.
    pub fn portfolio_rows<'a>(&self, data: &'a Data) -> Vec<PortfolioRow<'a>> {
        let mut rows = portfolio(data, self.perspective.as_deref());
        let mut matcher = self.filter.matcher();
        if matcher.is_some() {
            rows.retain(|row| {
                let kpi = row.figures.kpi;
                let partner = &row.partner.partner;
                keeps(
                    &mut matcher,
                    [
                        partner.name.as_str(),
                        kpi.name.as_str(),
                        data.workspace.perspective_name(&kpi.perspective),
                        data.workspace.member_name(&partner.owner),
                    ],
                )
            });
        }
        rows
    }

    fn portfolio_keys(&self, data: &Data) -> Vec<(String, Rec)> {
        self.portfolio_rows(data)
            .iter()
            .map(PortfolioRow::key)
            .collect()
    }

    /// The portfolio's selected row.
    pub fn portfolio_selected(&self) -> Option<&(String, Rec)> {
        match &self.mode {
            Mode::Portfolio { rows } => rows.selected(),
            _ => None,
        }
    }

    /// The perspective shown, by name, or `None` for all.
    pub fn perspective_name<'a>(&'a self, data: &'a Data) -> Option<&'a str> {
        let id = self.perspective.as_deref()?;
        Some(data.workspace.perspective_name(id))
    }

    /// Puts `id` on screen with every list settled on its first item.
    fn show_partner(&mut self, data: &Data, id: Option<String>) {
        self.partner = id;
        for panel in Panel::ALL {
            let items = self.items(data, panel);
            self.cursor_mut(panel).reset(&items);
        }
        // Open on the first KPI still running: a closed one (history) at the top of
        // its perspective is not what a reading or a glance is for.
        let kpis = self.items(data, Panel::Kpis);
        let partner = self.partner.as_deref().and_then(|id| data.partner_data(id));
        if let Some(open) = partner.and_then(|p| {
            kpis.iter()
                .find(|at| at.find(&p.kpis).is_some_and(|kpi| kpi.closed.is_none()))
        }) {
            self.kpis.select(&kpis, open);
        }
    }

    fn step_partner(&mut self, data: &Data, delta: i64, fx: &mut Vec<Effect>) {
        let order: Vec<String> = partners(data).iter().map(|f| f.id.clone()).collect();
        if order.is_empty() {
            fx.push(Effect::info(
                "no partners yet: add one on the Pipeline (2, then a)",
            ));
            return;
        }
        let current = self
            .partner
            .as_ref()
            .and_then(|id| order.iter().position(|o| o == id));
        let next = match current {
            Some(index) => (index as i64 + delta).rem_euclid(order.len() as i64) as usize,
            None => 0,
        };
        self.show_partner(data, order.get(next).cloned());
    }

    fn cycle_perspective(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        let ids: Vec<&str> = data
            .workspace
            .perspectives
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        if ids.is_empty() {
            fx.push(Effect::info("the workspace lists no perspectives"));
            return;
        }
        self.perspective = match &self.perspective {
            None => Some(ids[0].to_string()),
            Some(current) => ids
                .iter()
                .position(|id| id == current)
                .and_then(|index| ids.get(index + 1))
                .map(|id| id.to_string()),
        };
        self.settle(data);
    }

    /// Every cursor back on its item (or in bounds) after the data or the lists
    /// changed; a close-up whose KPI or review is gone closes.
    fn settle(&mut self, data: &Data) {
        let shown_kpi = self.kpis.selected().cloned();
        let shown_review = self.reviews.selected().cloned();
        for panel in Panel::ALL {
            let items = self.items(data, panel);
            self.cursor_mut(panel).settle(&items);
        }
        let readings = self.readings(data);
        // The one on screen, not whichever took its place in the list.
        let kpi_gone = self.kpi_index(data).is_none() || self.kpis.selected() != shown_kpi.as_ref();
        let review_gone = self.reviews.selected() != shown_review.as_ref();
        match &mut self.mode {
            Mode::Kpi { .. } if kpi_gone => self.mode = Mode::Cards,
            Mode::Kpi { readings: cursor } => cursor.settle(&readings),
            Mode::Review { .. } if review_gone => self.mode = Mode::Cards,
            Mode::Portfolio { .. } => {
                let keys = self.portfolio_keys(data);
                if let Mode::Portfolio { rows } = &mut self.mode {
                    rows.settle(&keys);
                }
            }
            Mode::Cards | Mode::Review { .. } => {}
        }
    }

    fn update_cards(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let panel = self.panel;
        if let Some(delta) = movement(&action, PAGE) {
            let items = self.items(data, panel);
            self.cursor_mut(panel).step(&items, delta);
            return;
        }
        match action {
            Action::Left => self.panel = panel.prev(),
            Action::Right => self.panel = panel.next(),
            Action::Scorecard(ScorecardAction::PrevPartner) => self.step_partner(data, -1, fx),
            Action::Scorecard(ScorecardAction::NextPartner) => self.step_partner(data, 1, fx),
            Action::Scorecard(ScorecardAction::CyclePerspective) => {
                self.cycle_perspective(data, fx)
            }
            Action::Scorecard(ScorecardAction::Portfolio) => {
                // On the KPI it was opened from, when it is among the open ones, so
                // `r` there reads the KPI that was selected.
                let keys = self.portfolio_keys(data);
                let here = self
                    .partner
                    .clone()
                    .zip(self.selected(Panel::Kpis).cloned());
                let mut rows = Cursor::default();
                if !here.is_some_and(|here| rows.select(&keys, &here)) {
                    rows.settle(&keys);
                }
                self.mode = Mode::Portfolio { rows };
            }
            Action::StartFilter => fx.push(Effect::info(
                "one partner's scorecard is not filtered: [ ] go through the partners, \
                 p through the perspectives; P lists every open KPI, and / filters that",
            )),
            Action::Open => self.open(data, fx),
            Action::Back if self.perspective.is_some() => {
                self.perspective = None;
                self.settle(data);
            }
            _ => edit::cards(self, data, action, fx),
        }
    }

    /// `Enter`: the KPI up close, the review in full, the feedback in its form.
    fn open(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        match self.panel {
            Panel::Kpis if self.kpi_index(data).is_some() => {
                let mut readings = Cursor::default();
                readings.last(&self.readings(data));
                self.mode = Mode::Kpi { readings };
            }
            Panel::Reviews if self.reviews.selected().is_some() => {
                self.mode = Mode::Review { scroll: 0 };
            }
            Panel::Feedback if self.feedback.selected().is_some() => {
                edit::cards(self, data, Action::Edit, fx)
            }
            _ => {}
        }
    }

    fn update_kpi(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(delta) = movement(&action, PAGE) {
            let readings = self.readings(data);
            if let Mode::Kpi { readings: cursor } = &mut self.mode {
                cursor.step(&readings, delta);
            }
            return;
        }
        match action {
            Action::Scorecard(ScorecardAction::PrevKpi) => self.step_kpi(data, -1),
            Action::Scorecard(ScorecardAction::NextKpi) => self.step_kpi(data, 1),
            Action::Back => self.mode = Mode::Cards,
            _ => edit::kpi(self, data, action, fx),
        }
    }

    /// `[`/`]` up close: the partner's previous/next KPI shown, latest reading selected.
    fn step_kpi(&mut self, data: &Data, delta: i64) {
        let items = self.items(data, Panel::Kpis);
        self.kpis.step(&items, delta);
        let mut readings = Cursor::default();
        readings.last(&self.readings(data));
        self.mode = Mode::Kpi { readings };
    }

    fn update_review(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let Mode::Review { scroll } = &mut self.mode else {
            return;
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            // The view stops at the end of the text; bounded here by as many lines
            // as the review can take even when narrow, so `k` answers at once.
            Action::Down => {
                let bound = self
                    .reviews
                    .selected()
                    .and_then(|at| at.find(&data.partner_data(self.partner.as_deref()?)?.reviews))
                    .map_or(0, review_lines);
                if let Mode::Review { scroll } = &mut self.mode {
                    *scroll = (*scroll + 1).min(bound);
                }
            }
            Action::Scorecard(ScorecardAction::PrevReview) => {
                let items = self.items(data, Panel::Reviews);
                self.reviews.step(&items, -1);
                self.mode = Mode::Review { scroll: 0 };
            }
            Action::Scorecard(ScorecardAction::NextReview) => {
                let items = self.items(data, Panel::Reviews);
                self.reviews.step(&items, 1);
                self.mode = Mode::Review { scroll: 0 };
            }
            Action::Back => self.mode = Mode::Cards,
            _ => edit::review(self, data, action, fx),
        }
    }

    fn update_portfolio(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                // The row stays selected while the filter shows it; else the first.
                let keys = self.portfolio_keys(data);
                if let Mode::Portfolio { rows } = &mut self.mode {
                    rows.settle_or(&keys, 0);
                }
            }
            return;
        }
        let keys = self.portfolio_keys(data);
        let Mode::Portfolio { rows } = &mut self.mode else {
            return;
        };
        if let Some(delta) = movement(&action, PAGE) {
            rows.step(&keys, delta);
            return;
        }
        match action {
            Action::Open => {
                if let Some((partner, kpi)) = rows.selected().cloned() {
                    self.go_to(data, &partner, &kpi);
                }
            }
            Action::Scorecard(ScorecardAction::CyclePerspective) => {
                self.cycle_perspective(data, fx)
            }
            Action::Scorecard(ScorecardAction::AddReading) => {
                if let Some((partner, kpi)) = rows.selected().cloned() {
                    edit::add_reading(data, &partner, &kpi, fx);
                }
            }
            Action::Back | Action::Scorecard(ScorecardAction::Portfolio) => self.mode = Mode::Cards,
            _ => {}
        }
    }

    /// The scorecard of `partner` with `record` selected: a KPI (shown even when
    /// the perspective filter hid it), a reading (its KPI), feedback or a review.
    fn go_to(&mut self, data: &Data, partner: &str, record: &Rec) {
        let Some(p) = data.partner_data(partner) else {
            return;
        };
        if self.partner.as_deref() != Some(partner) {
            self.show_partner(data, Some(partner.to_string()));
        }
        let kpi = record.find(&p.kpis).map(Rec::of).or_else(|| {
            p.kpis
                .iter()
                .find(|kpi| record.find(&kpi.readings).is_some())
                .map(Rec::of)
        });
        let up_close = matches!(self.mode, Mode::Kpi { .. });
        if let Some(kpi) = kpi {
            let hidden = !self.items(data, Panel::Kpis).contains(&kpi);
            if hidden {
                self.perspective = None;
            }
            let items = self.items(data, Panel::Kpis);
            self.kpis.select(&items, &kpi);
            self.panel = Panel::Kpis;
            if up_close {
                let readings = self.readings(data);
                let mut cursor = Cursor::default();
                if !cursor.select(&readings, record) {
                    cursor.last(&readings);
                }
                self.mode = Mode::Kpi { readings: cursor };
                return;
            }
        } else if record.find(&p.feedback).is_some() {
            let items = self.items(data, Panel::Feedback);
            self.feedback.select(&items, record);
            self.panel = Panel::Feedback;
        } else if record.find(&p.reviews).is_some() {
            let items = self.items(data, Panel::Reviews);
            self.reviews.select(&items, record);
            self.panel = Panel::Reviews;
            if matches!(self.mode, Mode::Review { .. }) {
                // Edited where it was read: it stays open.
                return;
            }
        }
        self.mode = Mode::Cards;
    }
}

/// At most how many lines a review takes on screen (at 40 columns): headings and
/// blank lines, outcomes, its two texts wrapped, KPIs closed, two lines an
/// adjustment.
fn review_lines(review: &crate::domain::partner::Review) -> u16 {
    let text = |text: &str| text.lines().map(|line| line.len() / 30 + 1).sum::<usize>();
    let outcomes: usize = review
        .outcomes
        .iter()
        .map(|o| (o.comment.len() + o.goal_text.len()) / 20 + 2)
        .sum();
    let lines = 14
        + outcomes
        + text(&review.worked)
        + text(&review.challenges)
        + review.closed_kpis.len() * 2
        + review.adjustments.len() * 2;
    u16::try_from(lines).unwrap_or(u16::MAX)
}

impl Screen for ScorecardScreen {
    fn context(&self) -> Context {
        match self.mode {
            Mode::Cards => Context::Scorecard,
            Mode::Kpi { .. } => Context::ScorecardKpi,
            Mode::Review { .. } => Context::ScorecardReview,
            Mode::Portfolio { .. } => self.filter.context(Context::Portfolio),
        }
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match self.mode {
            Mode::Cards => self.update_cards(data, action, fx),
            Mode::Kpi { .. } => self.update_kpi(data, action, fx),
            Mode::Review { .. } => self.update_review(data, action, fx),
            Mode::Portfolio { .. } => self.update_portfolio(data, action, fx),
        }
    }

    /// The same partner and items stay selected; a partner that is gone gives way
    /// to the first with KPIs.
    fn data_changed(&mut self, data: &Data) {
        let gone = self
            .partner
            .as_deref()
            .is_none_or(|id| data.partner(id).is_none());
        if gone {
            let first = partners(data).first().map(|file| file.id.clone());
            self.mode = Mode::Cards;
            self.show_partner(data, first);
            return;
        }
        self.settle(data);
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if matches!(self.mode, Mode::Portfolio { .. }) && self.filter.paste(text) {
            let keys = self.portfolio_keys(data);
            if let Mode::Portfolio { rows } = &mut self.mode {
                rows.settle_or(&keys, 0);
            }
            return true;
        }
        false
    }

    fn reveal(&mut self, data: &Data, what: &Reveal) {
        match what {
            Reveal::Record { .. } if matches!(self.mode, Mode::Portfolio { .. }) => {
                // A reading added from the portfolio: stay there, on its KPI.
                self.settle(data);
            }
            Reveal::Record { partner, id } => self.go_to(data, partner, &Rec::id(id.clone())),
            Reveal::Kpi { partner, id } => {
                self.mode = Mode::Cards;
                self.go_to(data, partner, &Rec::id(id.clone()));
            }
            Reveal::ScorecardPart { partner, part } => {
                self.mode = Mode::Cards;
                if self.partner.as_deref() != Some(partner.as_str()) {
                    self.show_partner(data, Some(partner.clone()));
                }
                self.panel = match part {
                    ScorecardPart::Feedback => Panel::Feedback,
                    ScorecardPart::Reviews => Panel::Reviews,
                };
            }
            _ => {}
        }
    }

    /// One partner's scorecard, close-up or review; the portfolio is about all.
    fn partner_shown(&self) -> Option<&str> {
        match self.mode {
            Mode::Portfolio { .. } => None,
            _ => self.partner_id(),
        }
    }
}
