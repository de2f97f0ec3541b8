//! The check-in, a layer over the tabs: a walk through the partners it takes, most
//! in need first (or one partner's page), each page saved as one check-in or
//! skipped, and at the end a summary of what was done. What is typed on a page is
//! kept as a draft until it is saved (see `draft`); the page itself is `page`.

pub mod draft;
mod entry;
pub mod inputs;
pub mod page;

use std::collections::BTreeMap;

pub use draft::{CheckinDraft, PageDraft, WalkDraft};
pub use page::{Page, Slot, Target};

use super::Screen;
use crate::app::action::{Action, Answer, CheckinAction};
use crate::app::effect::Effect;
use crate::app::history::Doc;
use crate::app::keymap::Context;
use crate::app::model::Data;
use crate::app::overlays::Choice;
use crate::domain::checkin::{Recorded, record_checkin, walk_order};
use crate::domain::partner::Partner;

/// How the check-in starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckinStart {
    /// Every partner the check-in walks, most in need first, leaving out those
    /// checked in today already; partners with a draft come first. `first`, when
    /// given, is put before them all, the cursor on what it names.
    Walk {
        first: Option<(String, Option<Target>)>,
    },
    /// One partner's page, the cursor on `target` when given.
    One {
        partner: String,
        target: Option<Target>,
    },
    /// Take up the newest draft the last session left, and its walk.
    Resume,
}

impl CheckinStart {
    pub fn walk() -> CheckinStart {
        CheckinStart::Walk { first: None }
    }

    pub fn one(partner: &str) -> CheckinStart {
        CheckinStart::One {
            partner: partner.to_string(),
            target: None,
        }
    }
}

#[derive(Debug)]
pub struct CheckinScreen {
    /// The partners of the walk, by id, in order.
    pub queue: Vec<String>,
    /// The place in `queue` of the page on screen (or reached, at the summary).
    pub at: usize,
    /// One partner's page rather than a walk: the summary goes back where it came
    /// from, not to the Overview.
    pub single: bool,
    /// The page on screen; `None` at the summary.
    pub page: Option<Page>,
    /// What the check-ins saved so far added and changed.
    pub tally: Recorded,
    /// Names of the partners checked in, and skipped.
    pub checked: Vec<String>,
    pub skipped: Vec<String>,
    /// Partners left out of the walk because they had a check-in today already.
    pub left_out: Vec<String>,
    /// Pages done (checked or skipped) before this walk was resumed from a draft.
    pub before: usize,
    /// Drafts of pages, by partner: each fills its page in when it opens.
    drafts: BTreeMap<String, CheckinDraft>,
    /// What the save in flight adds to the tally, once it is made.
    pending: Option<(String, Recorded)>,
}

impl CheckinScreen {
    /// The check-in as `start` asks, with this user's `drafts` at hand; `Err` says
    /// why there is nothing to check in. The second value is a word for the status
    /// line (a draft brought back, partners left out).
    pub fn start(
        data: &Data,
        start: CheckinStart,
        drafts: Vec<CheckinDraft>,
    ) -> Result<(CheckinScreen, Option<String>), String> {
        let mut screen = CheckinScreen {
            queue: Vec::new(),
            at: 0,
            single: false,
            page: None,
            tally: Recorded::default(),
            checked: Vec::new(),
            skipped: Vec::new(),
            left_out: Vec::new(),
            before: 0,
            drafts: BTreeMap::new(),
            pending: None,
        };
        let newest = drafts
            .iter()
            .filter(|d| data.partner(&d.partner).is_some())
            .max_by(|a, b| a.kept_at.cmp(&b.kept_at))
            .cloned();
        screen.drafts = drafts
            .into_iter()
            .map(|draft| (draft.partner.clone(), draft))
            .collect();
        let mut target = None;
        match start {
            CheckinStart::One {
                partner,
                target: aim,
            } => {
                if data.partner(&partner).is_none() {
                    return Err(format!("no partner {partner}"));
                }
                screen.queue = vec![partner];
                screen.single = true;
                target = aim;
            }
            CheckinStart::Walk { first } => {
                screen.queue = screen.walk(data);
                if let Some((partner, aim)) = first {
                    screen.queue.retain(|id| *id != partner);
                    screen
                        .left_out
                        .retain(|name| Some(name) != name_of(data, &partner).as_ref());
                    screen.queue.insert(0, partner);
                    target = aim;
                }
            }
            CheckinStart::Resume => {
                let Some(draft) = newest else {
                    return Err("no check-in draft to resume".to_string());
                };
                screen.queue = vec![draft.partner.clone()];
                screen.single = true;
                if let Some(walk) = &draft.walk {
                    screen.single = walk.single;
                    screen.queue.extend(
                        (walk.queue.iter())
                            .filter(|id| data.partner(id).is_some() && **id != draft.partner)
                            .cloned(),
                    );
                    screen.checked = walk.checked.clone();
                    screen.skipped = walk.skipped.clone();
                    screen.tally = walk.tally;
                    screen.before = screen.checked.len() + screen.skipped.len();
                }
            }
        }
        if screen.queue.is_empty() {
            let why = if screen.left_out.is_empty() {
                "no partner is in a stage the check-in walks (the workspace marks them)".to_string()
            } else {
                format!(
                    "every partner the check-in walks had a check-in today already ({}); c on the Pipeline checks in with one again",
                    screen.left_out.join(", ")
                )
            };
            return Err(why);
        }
        let mut said = screen.open_page(data);
        if let (Some(page), Some(target)) = (screen.page.as_mut(), target) {
            page.focus_on(data, &target);
        }
        if !screen.left_out.is_empty() {
            let left = format!(
                "left out, checked in today already: {}",
                screen.left_out.join(", ")
            );
            said = Some(match said {
                Some(said) => format!("{said}; {left}"),
                None => left,
            });
        }
        Ok((screen, said))
    }

    /// The walk: the partners in check-in stages, most in need first; those with a
    /// draft first of all, and those checked in today left out (unless they have a
    /// draft: something is still to be said).
    fn walk(&mut self, data: &Data) -> Vec<String> {
        let rows: Vec<(&str, &Partner, _)> = data
            .partners
            .iter()
            .filter_map(|file| Some((file.id.as_str(), &file.partner, data.figures(&file.id)?)))
            .collect();
        let order = walk_order(&rows, &data.workspace, data.today);
        let (mut drafted, rest): (Vec<String>, Vec<String>) = order
            .into_iter()
            .partition(|id| self.drafts.contains_key(id));
        for id in rest {
            let done_today = data
                .partner_data(&id)
                .is_some_and(|p| p.checkins.iter().any(|c| c.date == data.today));
            if done_today {
                self.left_out.extend(name_of(data, &id));
            } else {
                drafted.push(id);
            }
        }
        drafted
    }

    /// Opens the page of the partner at `at` — or the next one that still exists —
    /// filled in from its draft if there is one; at the end of the queue, the
    /// summary. Says when a draft was brought back.
    fn open_page(&mut self, data: &Data) -> Option<String> {
        self.page = None;
        while self.at < self.queue.len() {
            let id = self.queue[self.at].clone();
            if let Some(mut page) = Page::new(data, &id) {
                let said = self.drafts.remove(&id).map(|draft| {
                    page.restore(&draft.page);
                    format!(
                        "brought back what you typed for {} ({})",
                        draft.name, draft.kept_at
                    )
                });
                self.page = Some(page);
                return said;
            }
            self.at += 1;
        }
        None
    }

    /// The partner whose page is on screen.
    pub fn partner(&self) -> Option<&str> {
        self.page.as_ref().map(|page| page.partner.as_str())
    }

    /// Whether the page on screen has something typed or decided that is not saved.
    pub fn is_dirty(&self) -> bool {
        self.page.as_ref().is_some_and(Page::is_dirty)
    }

    /// The page on screen as a draft, with where the walk is; `None` without one.
    /// `kept_at` is left for whoever writes it.
    pub fn draft(&self, data: &Data) -> Option<CheckinDraft> {
        let page = self.page.as_ref()?;
        Some(CheckinDraft {
            partner: page.partner.clone(),
            name: page::partner_name(data, page).to_string(),
            kept_at: String::new(),
            page: page.draft(),
            walk: Some(WalkDraft {
                queue: self.queue.get(self.at + 1..).unwrap_or_default().to_vec(),
                checked: self.checked.clone(),
                skipped: self.skipped.clone(),
                tally: self.tally,
                single: self.single,
            }),
        })
    }

    /// Partners of the walk not reached, when it was left early.
    pub fn not_reached(&self) -> usize {
        self.queue.len().saturating_sub(self.at)
    }

    /// "2 of 6": where the page on screen is in the whole walk, resumed or not.
    pub fn position(&self) -> (usize, usize) {
        (self.before + self.at + 1, self.before + self.queue.len())
    }

    fn name(&self, data: &Data) -> String {
        self.partner()
            .and_then(|id| name_of(data, id))
            .unwrap_or_default()
    }

    /// `Ctrl-s`: the page's check-in as one change of the partner — then, once it
    /// is made, the next page.
    fn save(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        let name = self.name(data);
        let Some(page) = self.page.as_mut() else {
            return;
        };
        let id = page.partner.clone();
        if let Some(why) = data.refuses_edits(&Doc::partner(&id)) {
            fx.push(Effect::error(why));
            return;
        }
        let Some(entry) = page.entry(data) else {
            fx.push(Effect::error(
                "not saved: an input needs another look (marked ✗)",
            ));
            return;
        };
        let mut outcome = None;
        let change = data.change_partner(&id, |p| {
            let mut new_id = |p: &Partner, kind| data.new_id(p, kind);
            match record_checkin(p, entry, &mut new_id) {
                Ok((_, recorded)) => {
                    let what = recorded.words();
                    outcome = Some(Ok(recorded));
                    Some(if what.is_empty() {
                        format!("checked in with {}", p.name)
                    } else {
                        format!("checked in with {}: {what}", p.name)
                    })
                }
                Err(error) => {
                    outcome = Some(Err(error.to_string()));
                    None
                }
            }
        });
        match (change, outcome) {
            (Some(change), Some(Ok(recorded))) => {
                self.pending = Some((name, recorded));
                fx.push(Effect::Commit(change));
                fx.push(Effect::RemoveDraft(id));
                fx.push(Effect::ToScreen(Action::Checkin(CheckinAction::Saved)));
            }
            (_, Some(Err(why))) => {
                page.error = Some(why.clone());
                fx.push(Effect::error(format!("not saved: {why}")));
            }
            _ => fx.push(Effect::error(format!(
                "not saved: {name} is no longer there"
            ))),
        }
    }

    /// The check-in was made: counted, and on to the next page.
    fn saved(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        if let Some((name, recorded)) = self.pending.take() {
            self.tally.add(recorded);
            self.checked.push(name);
        }
        self.advance(data, fx);
    }

    /// `Ctrl-n`: on without a check-in; what was typed is kept as a draft, which
    /// comes back when the page opens again.
    fn skip(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        let name = self.name(data);
        if self.is_dirty()
            && let Some(mut draft) = self.draft(data)
        {
            draft.walk = None;
            fx.push(Effect::SaveDraft(Box::new(draft)));
            fx.push(Effect::info(format!(
                "skipped {name}; what you typed is kept as a draft and comes back on its page"
            )));
        } else {
            fx.push(Effect::info(format!("skipped {name}")));
        }
        self.skipped.push(name);
        self.advance(data, fx);
    }

    fn advance(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        self.at += 1;
        if self.single {
            self.at = self.queue.len();
        }
        if let Some(said) = self.open_page(data) {
            fx.push(Effect::SayMore(said));
        }
    }

    /// `Esc`: asks what to do with what was typed, if anything was; else leaves.
    fn back(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        if !self.is_dirty() {
            self.leave(fx);
            return;
        }
        let Some(draft) = self.draft(data) else {
            return;
        };
        let partner = draft.partner.clone();
        let name = draft.name.clone();
        fx.push(Effect::Choose(Choice::new(
            Context::CheckinLeave,
            format!("Leave the check-in? What you typed for {name} is not saved."),
            vec![
                (
                    Answer::Keep,
                    vec![
                        Effect::SaveDraft(Box::new(draft)),
                        Effect::ToScreen(Action::Checkin(CheckinAction::Leave)),
                        Effect::info(format!(
                            "kept what you typed for {name} as a draft: c brings it back"
                        )),
                    ],
                ),
                (
                    Answer::Discard,
                    vec![
                        Effect::RemoveDraft(partner),
                        Effect::ToScreen(Action::Checkin(CheckinAction::Leave)),
                        Effect::info(format!("discarded what you typed for {name}")),
                    ],
                ),
            ],
        )));
    }

    /// Leaves the walk: to the summary when something was done, else straight back.
    /// A page left with nothing typed leaves no draft behind.
    fn leave(&mut self, fx: &mut Vec<Effect>) {
        if let Some(page) = self.page.take().filter(|page| !page.is_dirty()) {
            fx.push(Effect::RemoveDraft(page.partner));
        }
        if self.checked.is_empty() && self.skipped.is_empty() {
            fx.push(Effect::Pop);
        }
    }

    /// From the summary: back to the Overview after a walk, or to where one
    /// partner's check-in was opened from.
    fn finish(&self, fx: &mut Vec<Effect>) {
        if self.single {
            fx.push(Effect::Pop);
        } else {
            fx.push(Effect::SwitchTab(crate::app::screens::Tab::Overview));
        }
    }
}

/// A partner's name by id.
fn name_of(data: &Data, id: &str) -> Option<String> {
    data.partner_data(id).map(|p| p.name.clone())
}

impl Screen for CheckinScreen {
    fn context(&self) -> Context {
        match &self.page {
            None => Context::CheckinSummary,
            // `b` and `>` are a milestone's keys: the footer offers them there only.
            Some(page) if matches!(page.focus(), Slot::Milestone(_)) => Context::CheckinMilestone,
            Some(page) if page.focus().is_row() => Context::Checkin,
            Some(_) => Context::CheckinInput,
        }
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let Some(page) = self.page.as_mut() else {
            if matches!(action, Action::Open | Action::Back) {
                self.finish(fx);
            }
            return;
        };
        let touched = match action {
            Action::Checkin(CheckinAction::NextSlot) => {
                page.step(false);
                false
            }
            Action::Checkin(CheckinAction::PrevSlot) => {
                page.step(true);
                false
            }
            Action::Checkin(CheckinAction::NextRow) => {
                page.step_row(false);
                false
            }
            Action::Checkin(CheckinAction::PrevRow) => {
                page.step_row(true);
                false
            }
            Action::Input(key) => {
                page.input(key);
                true
            }
            Action::Checkin(CheckinAction::Done) => say(page.toggle_done(), fx),
            Action::Checkin(CheckinAction::Block) => say(page.toggle_block(data), fx),
            Action::Checkin(CheckinAction::Move) => say(page.toggle_move(data), fx),
            Action::Checkin(CheckinAction::Save) => {
                self.save(data, fx);
                false
            }
            Action::Checkin(CheckinAction::Saved) => {
                self.saved(data, fx);
                false
            }
            Action::Checkin(CheckinAction::Skip) => {
                self.skip(data, fx);
                false
            }
            Action::Checkin(CheckinAction::Leave) => {
                self.leave(fx);
                false
            }
            Action::Back => {
                self.back(data, fx);
                false
            }
            _ => false,
        };
        if touched {
            fx.push(Effect::DraftTouched);
        }
    }

    /// `Ctrl-p` on a check-in page writes that partner's review pack.
    fn partner_shown(&self) -> Option<&str> {
        self.partner()
    }

    fn paste(&mut self, _data: &Data, text: &str) -> bool {
        self.page.as_mut().is_some_and(|page| page.paste(text))
    }
}

/// A toggle's refusal goes to the status line; says whether anything changed.
fn say(result: Result<(), String>, fx: &mut Vec<Effect>) -> bool {
    match result {
        Ok(()) => true,
        Err(why) => {
            fx.push(Effect::info(why));
            false
        }
    }
}
