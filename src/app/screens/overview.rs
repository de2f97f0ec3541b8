//! The Overview tab's state: the selected attention item and the list's filter.
//! `Enter` goes where the item is dealt with: a KPI on the Scorecard, anything else
//! in the partner's detail.

use super::checkin::{CheckinStart, Target};
use super::detail::{DetailScreen, Section};
use super::{Layer, Screen, Tab};
use crate::app::action::Action;
use crate::app::effect::{Effect, Reveal, ScorecardPart};
use crate::app::filter::{Filter, keeps};
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::records::{Item, Rec};
use crate::app::selection::{Cursor, movement};
use crate::domain::attention::{AttentionItem, AttentionKind};
use crate::domain::partner::Tier;

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

    /// `Enter`: where the item is dealt with — a KPI on the Scorecard (where `r`
    /// records the reading it lacks), anything else in the partner's detail on its
    /// section, the item itself selected when it is a record there.
    fn open(&self, data: &Data, fx: &mut Vec<Effect>) {
        let Some(item) = self.visible(data).get(self.selected()).copied() else {
            return;
        };
        let partner = item.partner.clone();
        let record = item.record.clone().map(Rec::id);
        let (section, selected) = match item.kind {
            AttentionKind::RedKpi | AttentionKind::EarlyWarning | AttentionKind::StaleKpi => {
                if let Some(id) = item.record.clone() {
                    fx.push(Effect::SwitchTab(Tab::Scorecard));
                    fx.push(Effect::Reveal(Reveal::Kpi { partner, id }));
                    return;
                }
                (Section::Profile, None)
            }
            AttentionKind::ReviewDue | AttentionKind::SentimentDrop => {
                // Reviews and feedback are recorded on the Scorecard (`R`, `f`).
                let part = match item.kind {
                    AttentionKind::ReviewDue => ScorecardPart::Reviews,
                    _ => ScorecardPart::Feedback,
                };
                fx.push(Effect::SwitchTab(Tab::Scorecard));
                fx.push(Effect::Reveal(Reveal::ScorecardPart { partner, part }));
                return;
            }
            AttentionKind::ActionOverdue => (Section::Activity, record.map(Item::Action)),
            AttentionKind::CheckinOverdue => (Section::Activity, None),
            AttentionKind::DeliverableOverdue => {
                (Section::Agreement, record.map(Item::Deliverable))
            }
            AttentionKind::AgreementReview
            | AttentionKind::Renewal
            | AttentionKind::NoAgreement => (Section::Agreement, None),
            AttentionKind::MeetingOverdue => (Section::Charter, record.map(Item::Meeting)),
            AttentionKind::OverdueMilestone => (Section::Milestones, record.map(Item::Milestone)),
        };
        let mut detail = DetailScreen::new(data, &partner, section);
        if let Some(selected) = selected {
            detail.select(data, &selected);
        }
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

    /// `c`: the walk, this item's partner first and the cursor on the item itself.
    fn checkin(&self, data: &Data) -> CheckinStart {
        let Some(item) = self.visible(data).get(self.selected()).copied() else {
            return CheckinStart::walk();
        };
        let subject = item.subject.clone();
        let target = match item.kind {
            AttentionKind::RedKpi | AttentionKind::EarlyWarning | AttentionKind::StaleKpi => {
                Target::Kpi(subject)
            }
            AttentionKind::OverdueMilestone => Target::Milestone(subject),
            AttentionKind::ActionOverdue => Target::Action(subject),
            AttentionKind::SentimentDrop => Target::Feedback,
            AttentionKind::MeetingOverdue => Target::Meeting(
                Tier::ALL
                    .into_iter()
                    .find(|tier| subject.starts_with(tier.label())),
            ),
            _ => Target::Note,
        };
        CheckinStart::Walk {
            first: Some((item.partner.clone(), Some(target))),
        }
    }

    fn paste(&mut self, data: &Data, text: &str) -> bool {
        if self.filter.paste(text) {
            self.cursor.settle_or(&self.keys(data), 0);
            return true;
        }
        false
    }
}

/// An attention item's identity: whose, what kind, about what (and which record).
type ItemKey = (String, AttentionKind, String, Option<String>);

fn key(item: &AttentionItem) -> ItemKey {
    (
        item.partner.clone(),
        item.kind,
        item.subject.clone(),
        item.record.clone(),
    )
}
