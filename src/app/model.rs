//! What every screen reads: the loaded documents (the workspace and the partners),
//! the figures derived from them, "today" and who is editing. Screens get it as
//! `&Data`; only `apply` changes it.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use crate::cli::TodaySource;
use crate::domain::ids::{IdGenerator, RecordKind};
use crate::domain::portfolio::{PartnerSummary, PortfolioSummary, summarize};
use crate::domain::{Partner, Workspace};
use crate::store::{Fingerprint, LoadError, PartnerFile, Snapshot, partner_refs};

use super::history::{Change, Content, Doc};

/// Cloned only to see a document as it was (`with_doc`); a copy hands out ids from
/// the same count as the original.
#[derive(Clone)]
pub struct Data {
    pub workspace: Workspace,
    /// `None` when `workspace.ron` failed to load and defaults stand in for it.
    pub workspace_fingerprint: Option<Fingerprint>,
    /// Written by a newer pactboard, or failed to load: shown, never saved.
    pub workspace_read_only: bool,
    /// Sorted by id.
    pub partners: Vec<PartnerFile>,
    pub load_errors: Vec<LoadError>,
    /// Files whose bytes on disk are not the ones loaded — one kept because of an
    /// unsaved edit, one that no longer loads — as they were last read there
    /// (`None`: gone, or unreadable). A file event that finds the same bytes again
    /// is nothing new.
    pub on_disk: BTreeMap<Doc, Option<Fingerprint>>,
    /// Derived figures for everything above; refreshed after every change.
    pub summary: PortfolioSummary,
    pub today: NaiveDate,
    pub today_source: TodaySource,
    /// Who edits: the author of stage moves and check-ins.
    pub author: String,
    /// Where new record ids start: seeded from the author, the clock and the
    /// process, so two sessions adding to one partner at once practically never pick
    /// the same id. Tests pin it.
    pub id_seed: u64,
    /// Why nothing may be written in this session (`--read-only`, a directory this
    /// user cannot write); `None` when edits are allowed.
    pub read_only: Option<String>,
    /// How many ids this session has handed out, so an id given to a record that an
    /// undo took away again is never given to another.
    ids_issued: Arc<AtomicU64>,
}

impl Data {
    pub fn new(
        snapshot: Snapshot,
        today: NaiveDate,
        today_source: TodaySource,
        author: String,
    ) -> Self {
        let summary = summarize(&snapshot.partner_refs(), &snapshot.workspace, today);
        Self {
            workspace: snapshot.workspace,
            workspace_fingerprint: snapshot.workspace_fingerprint,
            workspace_read_only: snapshot.workspace_read_only,
            partners: snapshot.partners,
            load_errors: snapshot.errors,
            on_disk: BTreeMap::new(),
            summary,
            today,
            id_seed: session_seed(&author),
            today_source,
            author,
            read_only: None,
            ids_issued: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Gives every record of `partner` that has no id a new one (records a change
    /// adds without going through `new_id`), so nothing reaches the disk without
    /// an identity.
    pub fn fill_ids(&self, partner: &mut Partner) {
        if partner.lacks_ids() {
            let issued = self.ids_issued.fetch_add(1, Ordering::Relaxed);
            let seed =
                IdGenerator::seed_from(&[&self.id_seed.to_le_bytes(), &issued.to_le_bytes()]);
            partner.fill_generated_ids(&mut IdGenerator::new(seed));
        }
    }

    /// A new id of `kind` for a record about to be added to `partner`: one that
    /// clashes with no id in it.
    pub fn new_id(&self, partner: &Partner, kind: RecordKind) -> String {
        let issued = self.ids_issued.fetch_add(1, Ordering::Relaxed);
        let seed = IdGenerator::seed_from(&[&self.id_seed.to_le_bytes(), &issued.to_le_bytes()]);
        IdGenerator::new(seed).next_id(kind, &partner.taken_ids())
    }

    /// Takes everything from a fresh read of the data directory.
    pub fn replace(&mut self, snapshot: Snapshot) {
        self.workspace = snapshot.workspace;
        self.workspace_fingerprint = snapshot.workspace_fingerprint;
        self.workspace_read_only = snapshot.workspace_read_only;
        self.partners = snapshot.partners;
        self.load_errors = snapshot.errors;
        self.on_disk.clear();
        self.refresh();
    }

    /// A copy with `doc` as `content` (`None`: absent) and the figures worked out
    /// for it: the data as a form saw it when it opened.
    pub fn with_doc(&self, doc: &Doc, content: Option<Content>) -> Data {
        let mut copy = self.clone();
        match (doc, content) {
            (Doc::Workspace, Some(Content::Workspace(workspace))) => copy.workspace = *workspace,
            (Doc::Partner(id), Some(Content::Partner(partner))) => match copy.partner_index(id) {
                Some(index) => copy.partners[index].partner = *partner,
                None => {
                    copy.partners.push(PartnerFile {
                        id: id.clone(),
                        partner: *partner,
                        fingerprint: None,
                        read_only: false,
                    });
                    copy.partners.sort_by(|a, b| a.id.cmp(&b.id));
                }
            },
            (Doc::Partner(id), None) => copy.partners.retain(|file| file.id != *id),
            _ => {}
        }
        copy.refresh();
        copy
    }

    /// The file `doc` as it was last read or written (its bytes kept): what a save
    /// merges against.
    pub fn fingerprint(&self, doc: &Doc) -> Option<Fingerprint> {
        match doc {
            Doc::Workspace => self.workspace_fingerprint.clone(),
            Doc::Partner(id) => self.partner(id).and_then(|file| file.fingerprint.clone()),
        }
    }

    /// Recomputes the derived figures after the data (or today) changed.
    pub fn refresh(&mut self) {
        self.summary = summarize(&self.partner_refs(), &self.workspace, self.today);
    }

    /// Moves to `now` when "today" follows the clock (a pinned or demo date stays
    /// put). Says whether the day changed.
    pub fn follow_clock(&mut self, now: NaiveDate) -> bool {
        if self.today_source == TodaySource::Clock && now != self.today {
            self.today = now;
            self.refresh();
            return true;
        }
        false
    }

    /// Everything a printed report is made from, as it is in memory now.
    pub fn portfolio(&self) -> crate::report::Portfolio<'_> {
        crate::report::Portfolio {
            workspace: &self.workspace,
            partners: &self.partners,
            summary: &self.summary,
            load_errors: &self.load_errors,
            today: self.today,
            source: self.today_source,
        }
    }

    pub fn partner_refs(&self) -> Vec<(&str, &Partner)> {
        partner_refs(&self.partners)
    }

    pub fn partner(&self, id: &str) -> Option<&PartnerFile> {
        self.partners.iter().find(|file| file.id == id)
    }

    pub fn partner_index(&self, id: &str) -> Option<usize> {
        self.partners.iter().position(|file| file.id == id)
    }

    pub fn partner_data(&self, id: &str) -> Option<&Partner> {
        self.partner(id).map(|file| &file.partner)
    }

    /// The figures for a partner, in step with `partners`.
    pub fn figures(&self, id: &str) -> Option<&PartnerSummary> {
        self.summary
            .partners
            .iter()
            .find(|summary| summary.id == id)
    }

    /// A document as it is in memory now; `None` for a partner that does not exist.
    pub fn content(&self, doc: &Doc) -> Option<Content> {
        match doc {
            Doc::Workspace => Some(Content::Workspace(Box::new(self.workspace.clone()))),
            Doc::Partner(id) => self
                .partner_data(id)
                .map(|partner| Content::Partner(Box::new(partner.clone()))),
        }
    }

    /// Whether `doc` is in memory exactly as `expected` (`None`: absent).
    pub fn matches(&self, doc: &Doc, expected: Option<&Content>) -> bool {
        match (doc, expected) {
            (Doc::Workspace, Some(Content::Workspace(workspace))) => **workspace == self.workspace,
            (Doc::Workspace, _) => false,
            (Doc::Partner(id), Some(Content::Partner(partner))) => {
                self.partner_data(id) == Some(&**partner)
            }
            (Doc::Partner(id), None) => self.partner(id).is_none(),
            (Doc::Partner(_), Some(Content::Workspace(_))) => false,
        }
    }

    /// Why `doc` cannot be changed from here, if it cannot.
    pub fn refuses_edits(&self, doc: &Doc) -> Option<String> {
        if let Some(why) = &self.read_only {
            return Some(format!("read-only ({why}): nothing is written"));
        }
        match doc {
            Doc::Workspace if self.workspace_fingerprint.is_none() => Some(
                "workspace.ron did not load (! shows why): fix it before changing the workspace"
                    .into(),
            ),
            Doc::Workspace if self.workspace_read_only => {
                Some("read-only: workspace.ron was written by a newer pactboard".into())
            }
            Doc::Partner(id) if self.partner(id).is_some_and(|file| file.read_only) => {
                Some("read-only: this file was written by a newer pactboard".into())
            }
            _ => None,
        }
    }

    /// Why partners can be neither added nor moved, if they cannot: stage names come
    /// from the workspace, and while it did not load (or lists no stages) a partner
    /// would get a stage the team's real workspace may not have.
    pub fn stages_unknown(&self) -> Option<&'static str> {
        if self.workspace_fingerprint.is_none() {
            return Some(
                "workspace.ron did not load (! shows why): fix it before adding or moving partners",
            );
        }
        if self.workspace.stages.is_empty() {
            return Some("the workspace lists no stages: add one in the settings (,)");
        }
        None
    }

    /// A change to partner `id`: `edit` works on a copy and says what it did (in words
    /// for the status line and the undo list), or `None` when what it edits is gone.
    pub fn change_partner(
        &self,
        id: &str,
        edit: impl FnOnce(&mut Partner) -> Option<String>,
    ) -> Option<Change> {
        let before = self.partner_data(id)?.clone();
        let mut after = before.clone();
        let description = edit(&mut after)?;
        Some(Change::partner(id, Some(before), Some(after), description))
    }

    /// A change to the workspace, as `change_partner`.
    pub fn change_workspace(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Option<String>,
    ) -> Option<Change> {
        let mut after = self.workspace.clone();
        let description = edit(&mut after)?;
        Some(Change::workspace(
            self.workspace.clone(),
            after,
            description,
        ))
    }
}

/// A seed for new record ids: who, when (to the nanosecond) and which process.
fn session_seed(author: &str) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    IdGenerator::seed_from(&[
        author.as_bytes(),
        &nanos.to_le_bytes(),
        &std::process::id().to_le_bytes(),
    ])
}
