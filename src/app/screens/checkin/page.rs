//! One partner's check-in page: what it asks about, built from the data (the KPIs
//! due a reading, the milestones late, blocked or due, the open action items, the
//! meeting it most likely is), the focus moving through its rows and inputs, the
//! keys typed into them and the decisions taken on rows. Saving it is `entry`; the
//! pieces are `inputs`.

use crossterm::event::KeyEvent;

pub use super::inputs::*;
use crate::app::form::{Field, FieldInput};
use crate::app::forms::Owners;
use crate::app::model::Data;
use crate::domain::checkin::{
    attendees_of, default_meeting, kpis_due, milestones_due, open_actions,
};
use crate::domain::dates::add_days;
use crate::domain::partner::Partner;
use crate::domain::timeline::{Milestone, MilestoneStatus};

#[derive(Debug, Clone)]
pub struct Page {
    pub partner: String,
    pub readings: Vec<ReadingInput>,
    pub milestones: Vec<MilestoneRow>,
    pub actions: Vec<ActionRow>,
    /// Always ends with an empty row: typing in it adds the next.
    pub feedback: Vec<FeedbackInput>,
    pub tier: Field,
    pub attendees: Field,
    pub note: Field,
    /// Always ends with an empty row: typing in it adds the next.
    pub new_actions: Vec<NewActionInput>,
    /// Who can own a new action item: labels shown, names kept.
    owner_labels: Vec<String>,
    owner_names: Vec<String>,
    /// The owner a new action item starts with.
    default_owner: usize,
    focus: Slot,
    /// Everything the page showed when it opened, to tell whether anything was typed.
    initial: String,
    /// Why the last save was refused, when no single input is to blame.
    pub error: Option<String>,
}

impl Page {
    /// The page of partner `id` as the data stands; `None` when there is no such
    /// partner. The cursor starts in the first reading, else in the note.
    pub fn new(data: &Data, id: &str) -> Option<Page> {
        let partner = data.partner_data(id)?;
        let today = data.today;
        let assessments = data.figures(id).map_or(&[][..], |f| &f.assessments);
        let due = kpis_due(partner, assessments, today);
        let mut readings: Vec<ReadingInput> = (due.iter())
            .map(|due| ReadingInput::new(&partner.kpis[due.index].id, Why::Due(due.reason)))
            .collect();
        // Every other open KPI can take a reading too (a red one read at the last
        // check-in, say): listed after those due.
        readings.extend(
            (partner.kpis.iter().enumerate())
                .filter(|(index, kpi)| {
                    kpi.closed_by(today).is_none() && !due.iter().any(|d| d.index == *index)
                })
                .map(|(_, kpi)| ReadingInput::new(&kpi.id, Why::Open)),
        );
        let milestones = milestones_due(partner, today)
            .into_iter()
            .map(|m| MilestoneRow::new(&m.id))
            .collect();
        let actions = open_actions(partner)
            .into_iter()
            .map(|a| ActionRow {
                id: a.id.clone(),
                close: false,
            })
            .collect();
        let meeting = default_meeting(partner, today);
        let tier = meeting.map(|m| m.tier);
        let tier_field = Field::choice(
            "tier",
            "Meeting",
            TIERS.iter().map(|t| tier_label(*t).to_string()).collect(),
            TIERS.iter().position(|t| *t == tier).unwrap_or(0),
        );
        let attendees = meeting.map(attendees_of).unwrap_or_default().join(", ");
        let mut owners = Owners::new(data, partner, &[]);
        // An action without an owner says so, rather than a bare dash.
        if let Some(nobody) = owners.labels.first_mut() {
            *nobody = "no owner".to_string();
        }
        let author = data.author.as_str();
        let default_owner = if data.workspace.members.iter().any(|m| m.handle == author) {
            owners.index_of(author)
        } else {
            0
        };
        let mut page = Page {
            partner: id.to_string(),
            readings,
            milestones,
            actions,
            feedback: Vec::new(),
            tier: tier_field,
            attendees: Field::text("attendees", "Attendees", &attendees),
            note: Field::multiline("note", "Note", ""),
            new_actions: Vec::new(),
            owner_labels: owners.labels,
            owner_names: owners.names,
            default_owner,
            focus: Slot::Note,
            initial: String::new(),
            error: None,
        };
        page.keep_a_blank_row();
        page.focus = page.first_input();
        page.initial = page.dump();
        Some(page)
    }

    /// The first reading due, else the first open KPI's (so the page opens at its
    /// top), else the note.
    fn first_input(&self) -> Slot {
        let due = self.readings.iter().position(|r| r.why.is_due());
        match due.or((!self.readings.is_empty()).then_some(0)) {
            Some(index) => Slot::ReadingValue(index),
            None => Slot::Note,
        }
    }

    /// Everything the page holds, as one string, to tell whether it changed.
    fn dump(&self) -> String {
        let mut out = String::new();
        let mut add = |field: &Field| {
            out.push_str(&field.display_value());
            out.push('\u{1f}');
        };
        for reading in &self.readings {
            add(&reading.value);
            add(&reading.note);
        }
        for feedback in &self.feedback {
            for field in feedback.fields() {
                add(field);
            }
        }
        add(&self.tier);
        add(&self.attendees);
        add(&self.note);
        for action in &self.new_actions {
            for field in action.fields() {
                add(field);
            }
        }
        for row in &self.milestones {
            out.push_str(&format!("{}{}{}", row.id, row.done, row.unblock));
            if let Some(reason) = &row.block {
                out.push_str(&format!("b{}", reason.raw()));
            }
            if let Some(moved) = &row.moved {
                out.push_str(&format!("m{}/{}", moved.due.raw(), moved.reason.raw()));
            }
        }
        for row in &self.actions {
            out.push_str(&format!("{}{}", row.id, row.close));
        }
        out
    }

    /// Whether anything was typed or decided since the page opened.
    pub fn is_dirty(&self) -> bool {
        self.dump() != self.initial
    }

    pub fn focus(&self) -> Slot {
        self.focus
    }

    /// Every place the focus can be, top to bottom. An empty row of feedback or of
    /// new action items is one stop until something is typed in it.
    pub fn slots(&self) -> Vec<Slot> {
        let mut slots = Vec::new();
        for index in 0..self.readings.len() {
            slots.extend([Slot::ReadingValue(index), Slot::ReadingNote(index)]);
        }
        for (index, row) in self.milestones.iter().enumerate() {
            slots.push(Slot::Milestone(index));
            if row.block.is_some() {
                slots.push(Slot::BlockReason(index));
            }
            if row.moved.is_some() {
                slots.extend([Slot::MoveDue(index), Slot::MoveReason(index)]);
            }
        }
        slots.extend((0..self.actions.len()).map(Slot::Action));
        for (index, row) in self.feedback.iter().enumerate() {
            slots.push(Slot::FeedbackWho(index));
            if !row.is_blank() {
                slots.extend([
                    Slot::FeedbackSide(index),
                    Slot::FeedbackSentiment(index),
                    Slot::FeedbackText(index),
                ]);
            }
        }
        slots.extend([Slot::Tier, Slot::Attendees, Slot::Note]);
        for (index, row) in self.new_actions.iter().enumerate() {
            slots.push(Slot::ActionText(index));
            if !row.is_blank() {
                slots.extend([
                    Slot::ActionOwner(index),
                    Slot::ActionSide(index),
                    Slot::ActionDue(index),
                ]);
            }
        }
        slots
    }

    /// The next (or, with `back`, the previous) place; the focus stops at the top
    /// and at the bottom of the page rather than wrapping round, where it would
    /// land in an input out of sight and take the next `k` as typed text.
    pub fn step(&mut self, back: bool) {
        let slots = self.slots();
        let at = slots.iter().position(|s| *s == self.focus).unwrap_or(0);
        let next = if back {
            at.saturating_sub(1)
        } else {
            (at + 1).min(slots.len().saturating_sub(1))
        };
        if let Some(slot) = slots.get(next) {
            self.focus = *slot;
        }
    }

    /// The next (or previous) row — a milestone, an action item — passing over the
    /// inputs between; at the first or last row the focus stays.
    pub fn step_row(&mut self, back: bool) {
        let rows: Vec<Slot> = self.slots().into_iter().filter(|s| s.is_row()).collect();
        let Some(at) = rows.iter().position(|s| *s == self.focus) else {
            return;
        };
        let next = if back {
            at.checked_sub(1)
        } else {
            Some(at + 1)
        };
        if let Some(slot) = next.and_then(|next| rows.get(next)) {
            self.focus = *slot;
        }
    }

    pub fn set_focus(&mut self, slot: Slot) {
        if self.slots().contains(&slot) {
            self.focus = slot;
        }
    }

    /// The input at `slot`; `None` for a row.
    pub fn field(&self, slot: Slot) -> Option<&Field> {
        Some(match slot {
            Slot::ReadingValue(i) => &self.readings.get(i)?.value,
            Slot::ReadingNote(i) => &self.readings.get(i)?.note,
            Slot::BlockReason(i) => self.milestones.get(i)?.block.as_ref()?,
            Slot::MoveDue(i) => &self.milestones.get(i)?.moved.as_ref()?.due,
            Slot::MoveReason(i) => &self.milestones.get(i)?.moved.as_ref()?.reason,
            Slot::FeedbackWho(i) => &self.feedback.get(i)?.who,
            Slot::FeedbackSide(i) => &self.feedback.get(i)?.side,
            Slot::FeedbackSentiment(i) => &self.feedback.get(i)?.sentiment,
            Slot::FeedbackText(i) => &self.feedback.get(i)?.text,
            Slot::Tier => &self.tier,
            Slot::Attendees => &self.attendees,
            Slot::Note => &self.note,
            Slot::ActionText(i) => &self.new_actions.get(i)?.text,
            Slot::ActionOwner(i) => &self.new_actions.get(i)?.owner,
            Slot::ActionSide(i) => &self.new_actions.get(i)?.side,
            Slot::ActionDue(i) => &self.new_actions.get(i)?.due,
            Slot::Milestone(_) | Slot::Action(_) => return None,
        })
    }

    fn field_mut(&mut self, slot: Slot) -> Option<&mut Field> {
        Some(match slot {
            Slot::ReadingValue(i) => &mut self.readings.get_mut(i)?.value,
            Slot::ReadingNote(i) => &mut self.readings.get_mut(i)?.note,
            Slot::BlockReason(i) => self.milestones.get_mut(i)?.block.as_mut()?,
            Slot::MoveDue(i) => &mut self.milestones.get_mut(i)?.moved.as_mut()?.due,
            Slot::MoveReason(i) => &mut self.milestones.get_mut(i)?.moved.as_mut()?.reason,
            Slot::FeedbackWho(i) => &mut self.feedback.get_mut(i)?.who,
            Slot::FeedbackSide(i) => &mut self.feedback.get_mut(i)?.side,
            Slot::FeedbackSentiment(i) => &mut self.feedback.get_mut(i)?.sentiment,
            Slot::FeedbackText(i) => &mut self.feedback.get_mut(i)?.text,
            Slot::Tier => &mut self.tier,
            Slot::Attendees => &mut self.attendees,
            Slot::Note => &mut self.note,
            Slot::ActionText(i) => &mut self.new_actions.get_mut(i)?.text,
            Slot::ActionOwner(i) => &mut self.new_actions.get_mut(i)?.owner,
            Slot::ActionSide(i) => &mut self.new_actions.get_mut(i)?.side,
            Slot::ActionDue(i) => &mut self.new_actions.get_mut(i)?.due,
            Slot::Milestone(_) | Slot::Action(_) => return None,
        })
    }

    /// A key for the input with the focus; `Enter` in a one-line input goes on to
    /// the next place (saving is `Ctrl-s`, never a stray `Enter`).
    pub fn input(&mut self, key: KeyEvent) {
        let focus = self.focus;
        let Some(field) = self.field_mut(focus) else {
            return;
        };
        if field.input(key) == FieldInput::Submit {
            self.step(false);
        }
        self.error = None;
        self.keep_a_blank_row();
    }

    /// Pasted text, into the input with the focus; says whether one took it.
    pub fn paste(&mut self, text: &str) -> bool {
        let focus = self.focus;
        let Some(field) = self.field_mut(focus) else {
            return false;
        };
        field.paste(text);
        self.keep_a_blank_row();
        true
    }

    /// An empty row at the end of the feedback and of the new action items, so
    /// there is always somewhere to type the next one — and only one: a row
    /// emptied again (typed in, then erased) takes the extra one away.
    fn keep_a_blank_row(&mut self) {
        let focus = self.focus;
        let in_row = |slot: Slot, feedback: bool, index: usize| match slot {
            Slot::FeedbackWho(i)
            | Slot::FeedbackSide(i)
            | Slot::FeedbackSentiment(i)
            | Slot::FeedbackText(i) => feedback && i == index,
            Slot::ActionText(i)
            | Slot::ActionOwner(i)
            | Slot::ActionSide(i)
            | Slot::ActionDue(i) => !feedback && i == index,
            _ => false,
        };
        while let [.., before, last] = self.feedback.as_slice()
            && before.is_blank()
            && last.is_blank()
            && !in_row(focus, true, self.feedback.len() - 1)
        {
            self.feedback.pop();
        }
        while let [.., before, last] = self.new_actions.as_slice()
            && before.is_blank()
            && last.is_blank()
            && !in_row(focus, false, self.new_actions.len() - 1)
        {
            self.new_actions.pop();
        }
        if self.feedback.last().is_none_or(|row| !row.is_blank()) {
            self.feedback.push(FeedbackInput::blank());
        }
        if self.new_actions.last().is_none_or(|row| !row.is_blank()) {
            let owner = Field::choice(
                "owner",
                "Owner",
                self.owner_labels.clone(),
                self.default_owner,
            );
            self.new_actions.push(NewActionInput::blank(owner));
        }
    }

    /// `Space`: the milestone or action item with the focus is done — or, again,
    /// not after all. `Err` says why nothing happened.
    pub fn toggle_done(&mut self) -> Result<(), String> {
        match self.focus {
            Slot::Milestone(index) => {
                let row = &mut self.milestones[index];
                row.done = !row.done;
                if row.done {
                    row.block = None;
                    row.unblock = false;
                }
                Ok(())
            }
            Slot::Action(index) => {
                let row = &mut self.actions[index];
                row.close = !row.close;
                Ok(())
            }
            _ => Err(Self::not_on_a_row("Space marks it done")),
        }
    }

    /// `b`: the milestone with the focus is blocked — asking why — or, on a blocked
    /// one, unblocked; again, not after all.
    pub fn toggle_block(&mut self, data: &Data) -> Result<(), String> {
        let Slot::Milestone(index) = self.focus else {
            return Err(Self::not_on_a_row("b blocks it"));
        };
        let blocked = self
            .milestone(data, index)
            .is_some_and(|m| m.status == MilestoneStatus::Blocked);
        let row = &mut self.milestones[index];
        if blocked {
            row.unblock = !row.unblock;
            return Ok(());
        }
        if row.block.take().is_none() {
            row.block = Some(Field::text("blocked", "Blocked because", ""));
            row.done = false;
            self.focus = Slot::BlockReason(index);
        }
        Ok(())
    }

    /// `>`: a new due date for the milestone with the focus — a week after its due
    /// date to start with, or a week from today when that has passed — and why;
    /// or, again, not after all.
    pub fn toggle_move(&mut self, data: &Data) -> Result<(), String> {
        let Slot::Milestone(index) = self.focus else {
            return Err(Self::not_on_a_row("> moves its due date"));
        };
        let due = self.milestone(data, index).map(|m| m.due);
        let row = &mut self.milestones[index];
        if row.moved.take().is_none() {
            let proposed = due.map(|due| add_days(due.max(data.today), 7));
            row.moved = Some(Move {
                due: Field::date("due", "New due date", proposed),
                reason: Field::text("reason", "Why it moved", "")
                    .hint("kept with the re-plan, so the slip has its reason"),
            });
            self.focus = Slot::MoveDue(index);
        }
        Ok(())
    }

    fn not_on_a_row(what: &str) -> String {
        format!("{what} on a milestone or action row: Tab or ↑/↓ gets there")
    }

    /// The milestone of row `index`, as the data stands.
    pub fn milestone<'a>(&self, data: &'a Data, index: usize) -> Option<&'a Milestone> {
        let id = &self.milestones.get(index)?.id;
        let partner = data.partner_data(&self.partner)?;
        partner.milestones.iter().find(|m| m.id == *id)
    }

    /// Puts the cursor on what `target` names, when the page shows it.
    pub fn focus_on(&mut self, data: &Data, target: &Target) {
        let Some(partner) = data.partner_data(&self.partner) else {
            return;
        };
        // What the page was opened for is part of how it opened, not something
        // typed — unless a draft already filled it in.
        let untouched = !self.is_dirty();
        let slot = match target {
            Target::Kpi(name) => {
                // Every open KPI has an input; one closed since the page was
                // built is not asked about.
                let open = (partner.kpis.iter())
                    .find(|k| k.name == *name && k.closed_by(data.today).is_none());
                open.map(|kpi| Slot::ReadingValue(self.asked_for(&kpi.id)))
            }
            Target::Milestone(title) => self
                .milestones
                .iter()
                .position(|row| {
                    partner
                        .milestones
                        .iter()
                        .any(|m| m.id == row.id && m.title == *title)
                })
                .map(Slot::Milestone),
            Target::Action(text) => self
                .actions
                .iter()
                .position(|row| {
                    partner
                        .actions
                        .iter()
                        .any(|a| a.id == row.id && a.text == *text)
                })
                .map(Slot::Action),
            Target::Feedback => Some(Slot::FeedbackWho(self.feedback.len() - 1)),
            Target::Meeting(tier) => {
                if let Some(at) = TIERS.iter().position(|t| t == tier) {
                    self.tier.choice = at;
                }
                Some(Slot::Tier)
            }
            Target::Note => Some(Slot::Note),
        };
        if let Some(slot) = slot {
            self.set_focus(slot);
        }
        if untouched {
            self.initial = self.dump();
        }
    }

    /// The widest label of the owner choice, in columns.
    pub fn owner_label_width(&self) -> usize {
        (self.owner_labels.iter())
            .map(|label| crate::text::width(label))
            .max()
            .unwrap_or(0)
    }

    /// The owner names a new action item can have, in the order of its choice.
    pub fn owner_names(&self) -> &[String] {
        &self.owner_names
    }

    /// Adds a reading input for KPI `kpi` (a draft names one no longer due), unless
    /// the page has one; its index.
    pub(super) fn reading_for(&mut self, kpi: &str, why: Why) -> usize {
        if let Some(index) = self.readings.iter().position(|r| r.kpi == kpi) {
            return index;
        }
        self.readings.push(ReadingInput::new(kpi, why));
        self.readings.len() - 1
    }

    /// The reading input of KPI `kpi`, asked for from the attention list: one
    /// listed among the other open KPIs moves up to the end of those due, so it
    /// is read as asked for; its index.
    fn asked_for(&mut self, kpi: &str) -> usize {
        let index = self.reading_for(kpi, Why::Asked);
        if self.readings[index].why != Why::Open {
            return index;
        }
        let mut input = self.readings.remove(index);
        input.why = Why::Asked;
        let at = (self.readings.iter())
            .position(|r| !r.why.is_due())
            .unwrap_or(self.readings.len());
        self.readings.insert(at, input);
        at
    }

    /// Adds a row for milestone `id` (a draft names one no longer due), unless the
    /// page has one; its index.
    pub(super) fn milestone_row(&mut self, id: &str) -> usize {
        if let Some(index) = self.milestones.iter().position(|m| m.id == id) {
            return index;
        }
        self.milestones.push(MilestoneRow::new(id));
        self.milestones.len() - 1
    }

    /// A new owner choice set to `owner` (by name; one the choice lacks is added).
    pub(super) fn owner_field(&mut self, owner: &str) -> Field {
        if !owner.is_empty() && !self.owner_names.iter().any(|n| n == owner) {
            self.owner_labels.push(owner.to_string());
            self.owner_names.push(owner.to_string());
        }
        let at = self
            .owner_names
            .iter()
            .position(|n| n == owner)
            .unwrap_or(0);
        Field::choice("owner", "Owner", self.owner_labels.clone(), at)
    }

    /// After a draft filled the page in: the rows it needs, and the focus on the
    /// first thing it brought back (so it is in view), else where a page starts.
    pub(super) fn settle(&mut self) {
        self.keep_a_blank_row();
        let typed = |page: &Page, slot: Slot| match slot {
            Slot::Milestone(i) => page.milestones.get(i).is_some_and(MilestoneRow::changed),
            Slot::Action(i) => page.actions.get(i).is_some_and(|row| row.close),
            // Filled in from the charter, or a default: not what was typed.
            Slot::Tier
            | Slot::Attendees
            | Slot::FeedbackSide(_)
            | Slot::FeedbackSentiment(_)
            | Slot::ActionOwner(_)
            | Slot::ActionSide(_) => false,
            slot => page.field(slot).is_some_and(|f| !f.raw().trim().is_empty()),
        };
        self.focus = (self.slots().into_iter())
            .find(|slot| typed(self, *slot))
            .unwrap_or_else(|| self.first_input());
    }
}

/// The partner's name, for words about the page.
pub fn partner_name<'a>(data: &'a Data, page: &'a Page) -> &'a str {
    data.partner_data(&page.partner)
        .map_or(page.partner.as_str(), |p: &Partner| p.name.as_str())
}
