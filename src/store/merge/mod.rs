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

pub use describe::where_they_differ;
use describe::{Path, Segment, show};

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
    /// Where the field is, step by step, to set it to a value typed by hand.
    pub at: Vec<Step>,
    /// Whether a value typed as text can stand in for it (text, a number, a date,
    /// yes/no, a list of words); a record or a list of records cannot.
    pub editable: bool,
}

/// One step to a field: into a field of a record, or to the record of a list with
/// this key (`id`, `handle`, `criterion`) and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Field(String),
    Record(String, String),
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

/// What changed from `before` to `after`, in words, and who made the changes where
/// the records say: for the status line when a file changed on disk.
pub fn changes<T: Serialize>(before: &T, after: &T) -> (Vec<String>, Vec<String>) {
    let (Ok(before), Ok(after)) = (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return (Vec::new(), Vec::new());
    };
    let (mut changed, mut authors) = (Vec::new(), Vec::new());
    describe::changes(
        &mut Vec::new(),
        Some(&before),
        Some(&after),
        &mut changed,
        &mut authors,
    );
    // A field of the document itself ("stage changed") says more at a glance than
    // the records that came with it (the stage move in the history).
    changed.sort_by_key(|change| change.contains('“'));
    (changed, authors)
}

/// Merges as `merge` does, taking theirs where fields clash, then sets each clashing
/// field listed in `typed` (by its place in `conflicts`) to the text typed for it,
/// read as the kind of value the field holds. `Err` says what did not fit.
pub fn resolve<T: Serialize + DeserializeOwned>(
    base: &T,
    mine: &T,
    theirs: &T,
    typed: &[(usize, String)],
) -> Result<T, String> {
    let json = |value: &T| serde_json::to_value(value).map_err(|error| error.to_string());
    let (base, mine, theirs) = (json(base)?, json(mine)?, json(theirs)?);
    let mut merger = Merger {
        keep: Keep::Theirs,
        conflicts: Vec::new(),
        changed: Vec::new(),
        authors: Vec::new(),
    };
    let mut merged = merger
        .value(&mut Vec::new(), Some(&base), Some(&mine), Some(&theirs))
        .ok_or("the merged document is empty")?;
    for (index, text) in typed {
        let conflict = merger
            .conflicts
            .get(*index)
            .ok_or("the document changed again; look at it anew")?;
        let slot = locate(&mut merged, &conflict.at)
            .ok_or_else(|| format!("{}: no longer there", conflict.path))?;
        *slot = typed_value(slot, text).map_err(|why| format!("{}: {why}", conflict.path))?;
    }
    serde_json::from_value(merged).map_err(|error| format!("that does not fit: {error}"))
}

/// The value at `at` inside `value`.
fn locate<'a>(value: &'a mut Value, at: &[Step]) -> Option<&'a mut Value> {
    let Some((first, rest)) = at.split_first() else {
        return Some(value);
    };
    let next = match first {
        Step::Field(name) => value.as_object_mut()?.get_mut(name)?,
        Step::Record(key, wanted) => value
            .as_array_mut()?
            .iter_mut()
            .find(|item| key_of(item, key) == Some(wanted.as_str()))?,
    };
    locate(next, rest)
}

/// `text` as a value of the kind `like` is: text stays text (empty text for a
/// field that may be empty is `null` when `like` is), numbers and yes/no are read,
/// a list of words is split at commas.
fn typed_value(like: &Value, text: &str) -> Result<Value, String> {
    let text = text.trim();
    Ok(match like {
        Value::Null if text.is_empty() => Value::Null,
        Value::Null | Value::String(_) => Value::String(text.to_string()),
        Value::Bool(_) => match text.to_lowercase().as_str() {
            "yes" | "true" | "y" => Value::Bool(true),
            "no" | "false" | "n" => Value::Bool(false),
            _ => return Err("yes or no".into()),
        },
        Value::Number(number) if number.is_f64() => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or("a number")?,
        Value::Number(_) => {
            Value::Number(text.parse::<i64>().map_err(|_| "a whole number")?.into())
        }
        Value::Array(_) => Value::Array(
            text.split(',')
                .map(str::trim)
                .filter(|word| !word.is_empty())
                .map(|word| Value::String(word.to_string()))
                .collect(),
        ),
        Value::Object(_) => return Err("cannot be typed; keep one side".into()),
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
            describe::changes(path, base, theirs, &mut self.changed, &mut self.authors);
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
        let at = steps(path);
        let editable = [mine, theirs]
            .into_iter()
            .flatten()
            .all(|value| match value {
                Value::Object(_) => false,
                Value::Array(items) => items.iter().all(|item| item.is_string()),
                _ => true,
            })
            && mine.is_some()
            && theirs.is_some();
        self.conflicts.push(FieldConflict {
            path: describe::render(path),
            base: show(base),
            mine: show(mine),
            theirs: show(theirs),
            at,
            editable,
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
                describe::changes(path, None, Some(item), &mut self.changed, &mut self.authors);
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
        key: &'static str,
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
            path.push(Segment::Record(
                describe::item_label(path, item),
                key,
                k.to_string(),
            ));
            let merged = self.record(path, base_item, mine_item, item);
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
            path.push(Segment::Record(
                describe::item_label(path, item),
                key,
                k.to_string(),
            ));
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

impl Merger {
    /// Merges one record of a list, field by field; but when a field of its own
    /// changed both ways, the record is settled as a whole: every field the two
    /// sides hold differently is a clash, so whichever side is kept, its record
    /// comes whole. A record's fields are set together — a milestone's start moves
    /// with its due date, a re-plan records that move — and mixing two versions of
    /// one record makes one that neither side made. Lists of records inside it
    /// (a KPI's readings) still merge record by record.
    fn record(
        &mut self,
        path: &mut Path,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: &Value,
    ) -> Option<Value> {
        let marks = (self.conflicts.len(), self.changed.len(), self.authors.len());
        let merged = self.value(path, base, mine, Some(theirs));
        let here = steps(path);
        let clashed_inside = self.conflicts[marks.0..].iter().any(|conflict| {
            conflict.at.len() > here.len()
                && conflict.at.starts_with(&here)
                && !conflict.at[here.len()..]
                    .iter()
                    .any(|step| matches!(step, Step::Record(..)))
        });
        let (Some(Value::Object(mine)), Value::Object(theirs)) = (mine, theirs) else {
            return merged;
        };
        if !clashed_inside {
            return merged;
        }
        self.conflicts.truncate(marks.0);
        self.changed.truncate(marks.1);
        self.authors.truncate(marks.2);
        let base = match base {
            Some(Value::Object(base)) => Some(base),
            _ => None,
        };
        let mut keys: Vec<&String> = theirs.keys().collect();
        keys.extend(mine.keys().filter(|key| !theirs.contains_key(*key)));
        let mut out = Map::new();
        for key in keys {
            let (b, m, t) = (
                base.and_then(|b| b.get(key)),
                mine.get(key),
                theirs.get(key),
            );
            path.push(Segment::Field(key.clone()));
            let field = if m == t {
                m.cloned()
            } else if [b, m, t].into_iter().flatten().all(is_record_list) {
                self.value(path, b, m, t)
            } else {
                self.conflict(path, b, m, t)
            };
            path.pop();
            if let Some(field) = field {
                out.insert(key.clone(), field);
            }
        }
        Some(Value::Object(out))
    }
}

/// `path` as steps to a field (its records by key; positions in logs dropped).
fn steps(path: &Path) -> Vec<Step> {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Field(name) => Some(Step::Field(name.clone())),
            Segment::Record(_, key, value) => Some(Step::Record(key.to_string(), value.clone())),
            Segment::Item(_) => None,
        })
        .collect()
}

/// Whether `value` is a list of records with ids, which merge one by one.
fn is_record_list(value: &Value) -> bool {
    value
        .as_array()
        .is_some_and(|list| KEYS.iter().any(|key| keyed_by(list, key)))
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
