//! Changes to documents and what is remembered of them: which document (the
//! workspace or one partner), its content before and after, and words for it; the
//! undo and redo stacks; and the documents whose latest change is not on disk yet.
//! Everything here is plain memory — `apply` writes.

use std::collections::BTreeMap;
use std::path::PathBuf;

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
        }
    }

    pub fn workspace(before: Workspace, after: Workspace, description: String) -> Change {
        Change {
            doc: Doc::Workspace,
            before: Some(Content::Workspace(Box::new(before))),
            after: Some(Content::Workspace(Box::new(after))),
            description,
        }
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
}

/// Undo and redo stacks, and the documents whose latest change is not on disk.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    pub unsaved: BTreeMap<Doc, Unsaved>,
}

impl History {
    /// Forgets the changes to `doc`: after someone else's version of it was read,
    /// replaying them would write over their work.
    pub fn forget(&mut self, doc: &Doc) {
        self.undo.retain(|change| change.doc != *doc);
        self.redo.retain(|change| change.doc != *doc);
    }
}
