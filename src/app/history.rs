//! Changes to documents and what is remembered of them: which document (the
//! workspace or one partner), its content before and after, and words for it; the
//! undo and redo stacks; and the documents whose latest change is not on disk yet.
//! Everything here is plain memory — `apply` writes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::domain::{Partner, Workspace};
use crate::store::{Store, WORKSPACE_FILE};

/// One file of the data directory that the dashboard edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Doc {
    Workspace,
    /// A partner, by its id (the file name without `.ron`).
    Partner(String),
}

impl Doc {
    pub fn partner(id: impl Into<String>) -> Doc {
        Doc::Partner(id.into())
    }

    /// The file as messages name it: `workspace.ron`, `partners/acme.ron`.
    pub fn file(&self) -> String {
        match self {
            Doc::Workspace => WORKSPACE_FILE.to_string(),
            Doc::Partner(id) => Store::partner_file(id),
        }
    }

    /// The document in a rescue copy's name: `workspace`, `partner-acme`.
    pub fn stem(&self) -> String {
        match self {
            Doc::Workspace => "workspace".into(),
            Doc::Partner(id) => format!("partner-{id}"),
        }
    }
}

/// A document's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Workspace(Box<Workspace>),
    Partner(Box<Partner>),
}

/// One confirmed change to one document. `None` is a document that does not exist:
/// a partner before it was added, or after it was deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub doc: Doc,
    pub before: Option<Content>,
    pub after: Option<Content>,
    pub description: String,
    /// Changes with the same burst key made within `BURST` of each other, nothing in
    /// between, are one undo step: `+` pressed five times on a milestone is undone
    /// with one `u`.
    pub burst: Option<String>,
}

impl Change {
    pub fn partner(
        id: &str,
        before: Option<Partner>,
        after: Option<Partner>,
        description: String,
    ) -> Change {
        let content = |partner: Partner| Content::Partner(Box::new(partner));
        Change {
            doc: Doc::partner(id),
            before: before.map(content),
            after: after.map(content),
            description,
            burst: None,
        }
    }

    pub fn workspace(before: Workspace, after: Workspace, description: String) -> Change {
        Change {
            doc: Doc::Workspace,
            before: Some(Content::Workspace(Box::new(before))),
            after: Some(Content::Workspace(Box::new(after))),
            description,
            burst: None,
        }
    }

    /// The same change, one of a burst of `key` (see `burst`).
    pub fn in_burst(mut self, key: impl Into<String>) -> Change {
        self.burst = Some(key.into());
        self
    }

    /// The partner this change leaves behind, if it is a partner's.
    pub fn partner_after(&self) -> Option<&Partner> {
        match &self.after {
            Some(Content::Partner(partner)) => Some(partner),
            _ => None,
        }
    }

    /// The workspace this change leaves behind, if it is the workspace's.
    pub fn workspace_after(&self) -> Option<&Workspace> {
        match &self.after {
            Some(Content::Workspace(workspace)) => Some(workspace),
            _ => None,
        }
    }
}

/// An edit kept in memory because its write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Why the last write failed.
    pub reason: String,
    /// The copy of it in `.trash/`, when one could be written.
    pub copy: Option<PathBuf>,
    /// The write is waiting for another session's lock and is tried again by a
    /// timer, until it gives up.
    pub waiting: bool,
}

/// How long after a change of a burst the next one still joins it: a few quick key
/// presses, not a minute's thinking.
pub const BURST: Duration = Duration::from_secs(3);

/// Undo and redo stacks, and the documents whose latest change is not on disk.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    pub unsaved: BTreeMap<Doc, Unsaved>,
    /// The burst the top of `undo` belongs to, and when it last grew.
    open_burst: Option<(String, Instant)>,
}

impl History {
    /// Records a change just made, `now` being when its key was pressed (`None`:
    /// unknown, and then no burst joins). A change of the open burst that comes
    /// soon enough, with nothing in between, joins the top undo step instead of
    /// adding one; a burst that ends where it started is no undo step at all.
    pub fn record(&mut self, change: Change, now: Option<Instant>) {
        self.redo.clear();
        let joins = match (&change.burst, now, &self.open_burst, self.undo.last()) {
            (Some(key), Some(now), Some((open, at)), Some(top)) => {
                key == open
                    && now.saturating_duration_since(*at) <= BURST
                    && top.burst.as_ref() == Some(key)
                    && top.doc == change.doc
                    && top.after == change.before
            }
            _ => false,
        };
        self.open_burst = match (&change.burst, now) {
            (Some(key), Some(now)) => Some((key.clone(), now)),
            _ => None,
        };
        let Some(top) = self.undo.last_mut().filter(|_| joins) else {
            self.undo.push(change);
            return;
        };
        top.after = change.after;
        top.description = change.description;
        if top.before == top.after {
            self.undo.pop();
            self.open_burst = None;
        }
    }

    /// Ends any burst: what comes next is a new undo step (after an undo, a redo, a
    /// reload).
    pub fn close_burst(&mut self) {
        self.open_burst = None;
    }

    /// Forgets the changes to `doc`: after someone else's version of it was read,
    /// replaying them would write over their work.
    pub fn forget(&mut self, doc: &Doc) {
        self.undo.retain(|change| change.doc != *doc);
        self.redo.retain(|change| change.doc != *doc);
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn partner(due: &str) -> Partner {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut partner = Partner::new("Acme", "startup", "maya", "active", today);
        partner.summary = due.to_string();
        partner
    }

    fn change(from: &str, to: &str) -> Change {
        Change::partner(
            "acme",
            Some(partner(from)),
            Some(partner(to)),
            format!("due {to}"),
        )
        .in_burst("due acme ms-1")
    }

    #[test]
    fn quick_presses_on_one_thing_are_one_undo_step() {
        let start = Instant::now();
        let mut history = History::default();
        history.record(change("1", "2"), Some(start));
        history.record(change("2", "3"), Some(start + Duration::from_secs(1)));
        history.record(change("3", "4"), Some(start + Duration::from_secs(3)));
        assert_eq!(history.undo.len(), 1, "{:?}", history.undo);
        let step = &history.undo[0];
        assert_eq!(step.before, change("1", "2").before);
        assert_eq!(step.after, change("3", "4").after);
        assert_eq!(step.description, "due 4", "says where it ended");
        // A pause longer than a burst starts a new step.
        history.record(change("4", "5"), Some(start + Duration::from_secs(7)));
        assert_eq!(history.undo.len(), 2);
    }

    #[test]
    fn something_else_in_between_or_an_unknown_time_ends_the_burst() {
        let start = Instant::now();
        let mut history = History::default();
        history.record(change("1", "2"), Some(start));
        let other = Change::partner("acme", Some(partner("2")), Some(partner("x")), "x".into());
        history.record(other, Some(start));
        history.record(change("x", "3"), Some(start));
        assert_eq!(history.undo.len(), 3, "another edit came between");
        history.record(change("3", "4"), None);
        assert_eq!(history.undo.len(), 4, "no clock, no burst");
        history.record(change("4", "5"), Some(start));
        history.close_burst();
        history.record(change("5", "6"), Some(start));
        assert_eq!(history.undo.len(), 6, "an undo or a redo closes it");
        let elsewhere = change("6", "7").in_burst("due acme ms-2");
        history.record(elsewhere, Some(start));
        assert_eq!(history.undo.len(), 7, "another milestone is another burst");
    }

    #[test]
    fn a_burst_that_ends_where_it_began_leaves_no_step() {
        let start = Instant::now();
        let mut history = History::default();
        history.redo.push(change("9", "10"));
        history.record(change("1", "2"), Some(start));
        assert!(history.redo.is_empty(), "a new change clears redo");
        history.record(change("2", "1"), Some(start));
        assert!(history.undo.is_empty(), "{:?}", history.undo);
        history.record(change("1", "2"), Some(start));
        assert_eq!(history.undo.len(), 1, "and the next press starts afresh");
    }
}
