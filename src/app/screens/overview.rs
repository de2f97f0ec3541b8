//! The Overview tab's state: the selected attention item and the list's filter.
//! `Enter` opens the item's partner on the section where it is dealt with.

use super::detail::{DetailScreen, Section};
use super::{Layer, Screen};
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::filter::{Filter, keeps};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::domain::attention::{AttentionItem, AttentionKind};

/// How far PgUp/PgDn move: about a screenful of the list at 80x24.
const PAGE: i64 = 10;

#[derive(Debug, Default)]
pub struct OverviewScreen {
    /// Index into `visible`.
    pub selected: usize,
    /// `/`: by partner, kind or what is due.
    pub filter: Filter,
    /// The item at `selected`, to find it again when the list changes.
    selected_item: Option<ItemKey>,
}

impl OverviewScreen {
    pub fn new(data: &Data) -> OverviewScreen {
        let mut screen = OverviewScreen::default();
        screen.reselect(data, None, 0);
        screen
    }

    /// The attention items the filter lets through, most urgent first.
    pub fn visible<'a>(&self, data: &'a Data) -> Vec<&'a AttentionItem> {
        let mut matcher = self.filter.matcher();
        data.summary
            .attention
            .iter()
            .filter(|item| {
                keeps(
                    &mut matcher,
                    [
                        item.partner_name.as_str(),
                        item.kind.label(),
                        item.subject.as_str(),
                    ],
                )
            })
            .collect()
    }

    /// Selects `wanted` if it is listed, else `fallback` (within the list).
    fn reselect(&mut self, data: &Data, wanted: Option<ItemKey>, fallback: usize) {
        let visible = self.visible(data);
        self.selected = wanted
            .and_then(|wanted| visible.iter().position(|item| key(item) == wanted))
            .unwrap_or(fallback)
            .min(visible.len().saturating_sub(1));
        self.selected_item = visible.get(self.selected).map(|item| key(item));
    }

    fn step(&mut self, data: &Data, delta: i64) {
        let len = self.visible(data).len() as i64;
        if len > 0 {
            self.selected = (self.selected as i64)
                .saturating_add(delta)
                .clamp(0, len - 1) as usize;
        }
    }
}

impl Screen for OverviewScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Overview)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                // The item stays selected while the filter shows it; else the first
                // that matches.
                self.reselect(data, self.selected_item.clone(), 0);
            }
            return;
        }
        match action {
            Action::Up => self.step(data, -1),
            Action::Down => self.step(data, 1),
            Action::PageUp => self.step(data, -PAGE),
            Action::PageDown => self.step(data, PAGE),
            Action::Top => self.step(data, i64::MIN / 2),
            Action::Bottom => self.step(data, i64::MAX / 2),
            Action::Open => {
                if let Some(item) = self.visible(data).get(self.selected) {
                    // Open on the section where the item can be dealt with.
                    let section = match item.kind {
                        AttentionKind::ActionOverdue
                        | AttentionKind::CheckinOverdue
                        | AttentionKind::ReviewDue
                        | AttentionKind::SentimentDrop => Section::Activity,
                        AttentionKind::AgreementReview
                        | AttentionKind::Renewal
                        | AttentionKind::DeliverableOverdue
                        | AttentionKind::NoAgreement => Section::Agreement,
                        AttentionKind::MeetingOverdue => Section::Charter,
                        AttentionKind::OverdueMilestone => Section::Milestones,
                        _ => Section::Profile,
                    };
                    let detail = DetailScreen::new(data, &item.partner, section);
                    fx.push(Effect::Push(Layer::Detail(detail)));
                }
            }
            _ => {}
        }
    }

    /// The list is rebuilt after every change; the item selected stays selected.
    fn data_changed(&mut self, data: &Data) {
        self.reselect(data, self.selected_item.clone(), self.selected);
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.reselect(data, self.selected_item.clone(), 0);
            return true;
        }
        false
    }
}

/// An attention item's identity: whose, what kind, about what.
type ItemKey = (String, AttentionKind, String);

fn key(item: &AttentionItem) -> ItemKey {
    (item.partner.clone(), item.kind, item.subject.clone())
}
