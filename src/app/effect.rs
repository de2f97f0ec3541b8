//! What an update asks for beyond its own screen: write a change, undo, reload, open
//! a form or a question, push or pop a layer, say something on the status line. A
//! screen only pushes these onto a list; `apply` carries them out, so `update` can
//! be tested without a disk by looking at the list.

use super::action::Action;
use super::form::FormSpec;
use super::history::{Change, Doc};
use super::records::{Item, Rec};
use super::screens::checkin::{CheckinDraft, CheckinStart};
use super::screens::settings::Setting;
use super::screens::{Layer, Tab};
use crate::report::ReportKind;

#[derive(Debug)]
pub enum Effect {
    /// Make the change in memory and write it; recorded for undo. Refused when the
    /// document is no longer as `before` says (it changed since the change was
    /// made up), and then nothing after it in the same list happens either.
    Commit(Change),
    /// A change a form made to its document as it was when the form opened (the
    /// file then: the fingerprint), where the document has changed since in a way
    /// that clashes with it: it goes in memory as an edit of that version and is
    /// written, so that the save merges it with the file and asks about each field
    /// changed both ways — nothing typed is lost meanwhile.
    CommitOpened(Change, crate::store::Fingerprint),
    Undo,
    Redo,
    /// Write again every document whose last write failed.
    WriteUnsaved,
    /// Read documents again from disk.
    Reload(Reload),
    /// Build the form from the data now and show it.
    OpenForm(Box<dyn FormSpec>),
    /// Ask a question; `yes` happens only if the answer is yes.
    Ask(Confirm),
    /// Ask a question with more answers than yes and no.
    Choose(super::overlays::Choice),
    /// Put a screen over the tabs (the partner detail, the settings).
    Push(Layer),
    /// Take the top layer away.
    Pop,
    /// Close the top overlay (form, question, help).
    Close,
    /// Show this tab (closing the layers), keeping the status line.
    SwitchTab(Tab),
    /// Select something in the screen under the overlays — what a form just added.
    Reveal(Reveal),
    /// Settle the clash found when saving `doc`: keep this session's values, take
    /// those on disk, or use the values typed for each clashing field (by its place
    /// in the clash's list).
    Resolve(Doc, Resolution),
    /// Delete this user's drafts from a session that ended while a form was open.
    DiscardDrafts,
    /// Open the check-in: a walk through the partners, or one partner's page.
    StartCheckin(CheckinStart),
    /// Something was typed on the check-in page: its draft is written within a
    /// second (the draft timer), so a session cut off loses nothing.
    DraftTouched,
    /// Write this user's draft of a check-in page now.
    SaveDraft(Box<CheckinDraft>),
    /// Remove this user's draft of the check-in of this partner (saved or dropped).
    RemoveDraft(String),
    /// Hand an action to the screen under the overlays: what a question's yes does
    /// inside a screen (drop the weights being tried), or what a screen does once
    /// the change before it was made.
    ToScreen(Action),
    /// Forget the undo and redo history of a document: after a change that must not
    /// be undone (dropping a retired criterion's scores), replaying an older change
    /// would bring back what was dropped.
    Forget(Doc),
    /// Write the meeting report, or a partner's review pack, to a new file in the
    /// working directory, and say where.
    WriteReport(ReportKind),
    Say(StatusMessage),
    /// Add words to the status line's message.
    SayMore(String),
    Quit,
}

impl Effect {
    pub fn info(text: impl Into<String>) -> Effect {
        Effect::Say(StatusMessage {
            level: Level::Info,
            text: text.into(),
        })
    }

    pub fn error(text: impl Into<String>) -> Effect {
        Effect::Say(StatusMessage {
            level: Level::Error,
            text: text.into(),
        })
    }
}

/// How a clash between this session's edit and the file on disk is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    Keep(crate::store::Keep),
    Typed(Vec<(usize, String)>),
}

/// Which documents a reload reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reload {
    /// Everything, dropping unsaved edits and the undo history (`Ctrl-l`, after
    /// asking when something would be lost).
    All,
    /// These documents, which changed on disk; one with an unsaved edit is kept and
    /// the user told.
    Docs(Vec<Doc>),
}

/// What to select after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reveal {
    Partner(String),
    /// An item of the partner detail.
    Item(Item),
    /// A member of the team, by handle.
    Member(String),
    /// A milestone of a partner (wherever milestones are listed).
    Milestone {
        partner: String,
        at: Rec,
    },
    /// A scoring criterion of the workspace, by id.
    Criterion(String),
    /// A record of a partner by its id — a KPI, a reading, feedback, a review: the
    /// Scorecard finds which it is.
    Record {
        partner: String,
        id: String,
    },
    /// A KPI selected on its partner's scorecard, whatever the Scorecard showed
    /// before (an Overview item about the KPI goes there).
    Kpi {
        partner: String,
        id: String,
    },
    /// A row of the workspace settings (a stage, a phase, a perspective…).
    Setting(Setting),
    /// A partner's scorecard on its feedback (a sentiment drop) or its reviews (a
    /// partnership review due): where `f` and `R` record what is missing.
    ScorecardPart {
        partner: String,
        part: ScorecardPart,
    },
}

/// A panel of a partner's scorecard besides its KPIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScorecardPart {
    Feedback,
    Reviews,
}

/// A yes/no question that names what it is about, and what yes does.
#[derive(Debug)]
pub struct Confirm {
    pub question: String,
    pub yes: Vec<Effect>,
}

impl Confirm {
    pub fn new(question: impl Into<String>, yes: Vec<Effect>) -> Confirm {
        Confirm {
            question: question.into(),
            yes,
        }
    }

    /// Whether yes quits: a second `Ctrl-c` then means it.
    pub fn quits(&self) -> bool {
        self.yes.iter().any(|effect| matches!(effect, Effect::Quit))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// The last thing worth telling the user: a save, an undo, an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub level: Level,
    pub text: String,
}
