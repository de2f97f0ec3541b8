//! Three-way merge of a document: the version it was loaded as (base), the one in
//! memory (mine) and the one now on disk (theirs). Changes to different fields or
//! records merge; a field changed both ways to different values is a conflict,
//! reported with both values and settled by the side the caller chooses.
//!
//! The merge works on the documents' serde representation (as JSON values), so it
//! follows every field of `Partner` and `Workspace` — present and future — without a
//! hand-written case for each. Lists of records merge by their ids (any list whose
//! records all carry a unique `id`, or a member's `handle`, or a score's
//! `criterion`); other lists are logs that merge when both sides only appended, and
//! are one field otherwise.

mod describe;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use describe::{Path, Segment, changes, show};

/// Which side a field changed both ways takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

/// A field changed both here and on disk, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// Where, in words: `summary`, `KPI “Charities live” › target`.
    pub path: String,
    /// Each version of the field as a person would read it; `(removed)` for a record
    /// one side deleted.
    pub base: String,
    pub mine: String,
    pub theirs: String,
}

impl std::fmt::Display for FieldConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: here “{}”, on disk “{}”",
            self.path, self.mine, self.theirs
        )
    }
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    /// The merged document; each conflicting field as `keep` chose.
    pub value: T,
    /// What the other side changed that came into `value`, in words ("KPI “Charities
    /// live” › reading 2026-11-25 added"), at most a handful.
    pub theirs_changed: Vec<String>,
    /// Who made those changes, where the records say (history entries, check-ins…).
    pub authors: Vec<String>,
    /// Fields changed both ways: none means the merge needed no decision.
    pub conflicts: Vec<FieldConflict>,
}

/// The documents could not be merged field by field (a value with no faithful
/// representation, or a merged whole that is not a valid document): treat the
/// whole file as a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

/// Merges `mine` and `theirs`, both descended from `base`.
pub fn merge<T: Serialize + DeserializeOwned>(
    base: &T,
    mine: &T,
    theirs: &T,
    keep: Keep,
) -> Result<Merged<T>, MergeError> {
    let json = |value: &T| {
        serde_json::to_value(value).map_err(|error| MergeError(format!("cannot compare: {error}")))
    };
    let (base, mine, theirs) = (json(base)?, json(mine)?, json(theirs)?);
    let mut merger = Merger {
        keep,
        conflicts: Vec::new(),
        changed: Vec::new(),
        authors: Vec::new(),
    };
    let merged = merger
        .value(&mut Vec::new(), Some(&base), Some(&mine), Some(&theirs))
        .ok_or_else(|| MergeError("the merged document is empty".into()))?;
    let value = serde_json::from_value(merged)
        .map_err(|error| MergeError(format!("the merged document is not valid: {error}")))?;
    Ok(Merged {
        value,
        theirs_changed: merger.changed,
        authors: merger.authors,
        conflicts: merger.conflicts,
    })
}

/// Fields that identify a record in a list, tried in this order.
const KEYS: &[&str] = &["id", "handle", "criterion"];

struct Merger {
    keep: Keep,
    conflicts: Vec<FieldConflict>,
    changed: Vec<String>,
    authors: Vec<String>,
}

impl Merger {
    /// Merges one value; `None` on a side means absent (a record deleted, a field
    /// not written). Returns the merged value, `None` for absent.
    fn value(
        &mut self,
        path: &mut Path,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs {
            return mine.cloned();
        }
        if mine == base {
            changes(path, base, theirs, &mut self.changed, &mut self.authors);
            return theirs.cloned();
        }
        if theirs == base {
            return mine.cloned();
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) if same_shape(m, t) => {
                let base = match base {
                    Some(Value::Object(b)) => Some(b),
                    _ => None,
                };
                Some(Value::Object(self.object(path, base, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) => {
                let base_list = match base {
                    Some(Value::Array(b)) => Some(b.as_slice()),
                    _ => None,
                };
                match self.array(path, base_list, m, t) {
                    Some(merged) => Some(Value::Array(merged)),
                    None => self.conflict(path, base, mine, theirs),
                }
            }
            _ => self.conflict(path, base, mine, theirs),
        }
    }

    fn conflict(
        &mut self,
        path: &Path,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        self.conflicts.push(FieldConflict {
            path: describe::render(path),
            base: show(base),
            mine: show(mine),
            theirs: show(theirs),
        });
        match self.keep {
            Keep::Mine => mine.cloned(),
            Keep::Theirs => theirs.cloned(),
        }
    }

    fn object(
        &mut self,
        path: &mut Path,
        base: Option<&Map<String, Value>>,
        mine: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut keys: Vec<&String> = theirs.keys().collect();
        keys.extend(mine.keys().filter(|key| !theirs.contains_key(*key)));
        let mut out = Map::new();
        for key in keys {
            path.push(Segment::Field(key.clone()));
            let merged = self.value(
                path,
                base.and_then(|b| b.get(key)),
                mine.get(key),
                theirs.get(key),
            );
            path.pop();
            if let Some(merged) = merged {
                out.insert(key.clone(), merged);
            }
        }
        out
    }

    /// Merges two lists; `None` when they cannot be merged item by item (then the
    /// whole list is one conflicting field).
    fn array(
        &mut self,
        path: &mut Path,
        base: Option<&[Value]>,
        mine: &[Value],
        theirs: &[Value],
    ) -> Option<Vec<Value>> {
        let base = base.unwrap_or(&[]);
        if let Some(key) = KEYS
            .iter()
            .find(|key| [base, mine, theirs].iter().all(|list| keyed_by(list, key)))
        {
            return Some(self.keyed(path, key, base, mine, theirs));
        }
        // A log (stage history, re-plans…): fine when both sides only appended.
        if mine.starts_with(base) && theirs.starts_with(base) {
            let mut out = theirs.to_vec();
            let theirs_new = &theirs[base.len()..];
            out.extend(
                mine[base.len()..]
                    .iter()
                    .filter(|item| !theirs_new.contains(item))
                    .cloned(),
            );
            for item in theirs_new {
                path.push(Segment::Item(describe::item_label(path, item)));
                changes(path, None, Some(item), &mut self.changed, &mut self.authors);
                path.pop();
            }
            return Some(out);
        }
        None
    }

    /// Merges lists of records by `key`: theirs in their order, with records only
    /// mine placed after the record they followed here.
    fn keyed(
        &mut self,
        path: &mut Path,
        key: &str,
        base: &[Value],
        mine: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let index = |list: &[Value]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .filter_map(|(i, item)| Some((key_of(item, key)?.to_string(), i)))
                .collect()
        };
        let (b, m, t) = (index(base), index(mine), index(theirs));
        let mut out: Vec<(String, Value)> = Vec::new();
        for item in theirs {
            let Some(k) = key_of(item, key) else { continue };
            let mine_item = m.get(k).map(|&i| &mine[i]);
            let base_item = b.get(k).map(|&i| &base[i]);
            path.push(Segment::Item(describe::item_label(path, item)));
            let merged = self.value(path, base_item, mine_item, Some(item));
            path.pop();
            if let Some(merged) = merged {
                out.push((k.to_string(), merged));
            }
        }
        for (i, item) in mine.iter().enumerate() {
            let Some(k) = key_of(item, key) else { continue };
            if t.contains_key(k) {
                continue;
            }
            let base_item = b.get(k).map(|&i| &base[i]);
            path.push(Segment::Item(describe::item_label(path, item)));
            let merged = self.value(path, base_item, Some(item), None);
            path.pop();
            let Some(merged) = merged else { continue };
            let after = mine[..i].iter().rev().find_map(|before| {
                let before = key_of(before, key)?;
                out.iter().position(|(k, _)| k == before)
            });
            let mut at = match after {
                Some(position) => position + 1,
                None if i == 0 => 0,
                None => out.len(),
            };
            // Records both sides added at the same place: theirs first, then mine,
            // as if they had saved first (which they did).
            while out
                .get(at)
                .is_some_and(|(k, _)| !b.contains_key(k) && !m.contains_key(k))
            {
                at += 1;
            }
            out.insert(at, (k.to_string(), merged));
        }
        out.into_iter().map(|(_, value)| value).collect()
    }
}

/// Whether two objects can merge key by key. An object with a single capitalised
/// key is an enum variant with data (`{"Blocked": {...}}`): two different variants
/// are one field, never a mix of both.
fn same_shape(mine: &Map<String, Value>, theirs: &Map<String, Value>) -> bool {
    let variant = |map: &Map<String, Value>| {
        map.len() == 1
            && map
                .keys()
                .next()
                .is_some_and(|key| key.starts_with(|c: char| c.is_ascii_uppercase()))
    };
    !(variant(mine) || variant(theirs)) || mine.keys().eq(theirs.keys())
}

fn key_of<'a>(item: &'a Value, key: &str) -> Option<&'a str> {
    item.get(key)
        .and_then(Value::as_str)
        .filter(|text| !text.is_empty())
}

/// Whether every item of `list` is a record with a distinct, non-empty `key`.
fn keyed_by(list: &[Value], key: &str) -> bool {
    let mut seen = HashSet::new();
    list.iter()
        .all(|item| key_of(item, key).is_some_and(|k| seen.insert(k)))
}
