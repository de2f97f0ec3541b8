//! The Overview tab's state: the selected attention item and the list's filter.
//! `Enter` opens the item's partner on the section where it is dealt with.

use super::detail::{DetailScreen, Section};
use super::{Layer, Screen};
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::filter::{Filter, keeps};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::selection::{Cursor, movement};
use crate::domain::attention::{AttentionItem, AttentionKind};

/// How far PgUp/PgDn move: about a screenful of the list at 80x24.
const PAGE: i64 = 10;

#[derive(Debug, Default)]
pub struct OverviewScreen {
    /// `/`: by partner, kind or what is due.
    pub filter: Filter,
    /// The selected item, by what it is.
    cursor: Cursor<ItemKey>,
}

impl OverviewScreen {
    pub fn new(data: &Data) -> OverviewScreen {
        let mut screen = OverviewScreen::default();
        screen.data_changed(data);
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

    /// The selected item's place in `visible`.
    pub fn selected(&self) -> usize {
        self.cursor.position()
    }

    fn keys(&self, data: &Data) -> Vec<ItemKey> {
        self.visible(data).into_iter().map(key).collect()
    }

    /// `Enter`: the item's partner, on the section where the item is dealt with.
    fn open(&self, data: &Data, fx: &mut Vec<Effect>) {
        let Some(item) = self.visible(data).get(self.selected()).copied() else {
            return;
        };
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

impl Screen for OverviewScreen {
    fn context(&self) -> Context {
        self.filter.context(Context::Overview)
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        if let Some(changed) = self.filter.update(action) {
            if changed {
                // The item stays selected while the filter shows it; else the first
                // that matches.
                self.cursor.settle_or(&self.keys(data), 0);
            }
            return;
        }
        if let Some(delta) = movement(&action, PAGE) {
            self.cursor.step(&self.keys(data), delta);
            return;
        }
        if matches!(action, Action::Open) {
            self.open(data, fx);
        }
    }

    /// The list is rebuilt after every change; the item selected stays selected.
    fn data_changed(&mut self, data: &Data) {
        self.cursor.settle(&self.keys(data));
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.cursor.settle_or(&self.keys(data), 0);
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
