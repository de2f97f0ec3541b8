//! Merges in words: where a field sits ("KPI “Charities live” › target"), what a
//! value looks like to a person, and what the other side changed and who did it.

use serde_json::Value;

/// One step into a document: a field, or a record of a list (its label in words).
#[derive(Debug, Clone)]
pub enum Segment {
    Field(String),
    /// A record of a log (no key): named, never gone into.
    Item(String),
    /// A record of a keyed list: its label, and the field and value that identify it.
    Record(String, &'static str, String),
}

pub type Path = Vec<Segment>;

/// At most this many changes are described; a status line has no room for more.
const MAX_CHANGES: usize = 8;

/// The record a list holds, named as the README names it.
fn kind_of(list: &str) -> Option<&'static str> {
    Some(match list {
        "contacts" => "contact",
        "goals" => "goal",
        "roles" => "role",
        "deliverables" => "deliverable",
        "amendments" => "amendment",
        "meetings" => "meeting",
        "scores" => "score",
        "milestones" => "milestone",
        "replans" => "re-plan",
        "kpis" => "KPI",
        "readings" => "reading",
        "feedback" => "feedback",
        "checkins" => "check-in",
        "reviews" => "review",
        "outcomes" => "outcome",
        "actions" => "action item",
        "history" => "stage move",
        "members" => "member",
        "stages" => "stage",
        "phases" => "phase",
        "criteria" => "criterion",
        "perspectives" => "perspective",
        _ => return None,
    })
}

/// Fields that name a record, best first.
const LABELS: &[&str] = &[
    "name",
    "title",
    "statement",
    "text",
    "handle",
    "criterion",
    "date",
    "id",
];

/// "KPI “Charities live”": the kind of record the list at the end of `path` holds
/// and the record's own name.
pub fn item_label(path: &Path, item: &Value) -> String {
    let list = match path.last() {
        Some(Segment::Field(name)) => name.as_str(),
        _ => "",
    };
    let kind = kind_of(list).map_or_else(|| words(list), str::to_string);
    let name = LABELS
        .iter()
        .find_map(|field| item.get(*field).and_then(Value::as_str))
        .filter(|name| !name.is_empty());
    match name {
        Some(name) => format!("{kind} “{}”", shorten(name, 32)),
        None => kind,
    }
}

/// The path in words; a list's name gives way to the record that follows it.
pub fn render(path: &Path) -> String {
    let mut parts = Vec::new();
    for (i, segment) in path.iter().enumerate() {
        match segment {
            Segment::Field(_)
                if matches!(
                    path.get(i + 1),
                    Some(Segment::Item(_) | Segment::Record(..))
                ) => {}
            Segment::Field(name) => parts.push(words(name)),
            Segment::Item(label) | Segment::Record(label, ..) => parts.push(label.clone()),
        }
    }
    if parts.is_empty() {
        "the whole file".into()
    } else {
        parts.join(" › ")
    }
}

fn words(field: &str) -> String {
    match field {
        "kpis" => "KPIs".into(),
        "checkins" => "check-ins".into(),
        "replans" => "re-plans".into(),
        _ => field.replace('_', " "),
    }
}

fn shorten(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() <= max && line.len() == text.len() {
        line.to_string()
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A value as a person reads it in a conflict: text as it is, `(none)`, `yes`,
/// a list joined with commas, a record by its name.
pub fn show(value: Option<&Value>) -> String {
    match value {
        None => "(removed)".into(),
        Some(Value::Null) => "(none)".into(),
        Some(Value::String(text)) if text.is_empty() => "(empty)".into(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Bool(true)) => "yes".into(),
        Some(Value::Bool(false)) => "no".into(),
        Some(Value::Number(number)) => number.to_string(),
        Some(Value::Array(items)) if items.is_empty() => "(none)".into(),
        Some(Value::Array(items)) if items.iter().all(|item| !item.is_object()) => items
            .iter()
            .map(|item| show(Some(item)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Array(items)) => {
            let last = items.last().map(entry).unwrap_or_default();
            match items.len() {
                1 => last,
                n => format!("{n} entries, the last {last}"),
            }
        }
        Some(record @ Value::Object(map)) => {
            if let Some((variant, _)) = map.iter().next().filter(|_| map.len() == 1) {
                return variant.clone();
            }
            match LABELS
                .iter()
                .find_map(|field| record.get(*field).and_then(Value::as_str))
            {
                Some(name) => format!("“{}”, edited", shorten(name, 40)),
                None => "edited".into(),
            }
        }
    }
}

/// One entry of a list of records, briefly: a move as "from → to by who" (a
/// re-plan, a stage move), else its name.
fn entry(item: &Value) -> String {
    let text = |field: &str| item.get(field).and_then(Value::as_str).unwrap_or("");
    if !text("from").is_empty() || !text("to").is_empty() {
        let who = [text("by"), text("author")]
            .into_iter()
            .find(|who| !who.is_empty())
            .map(|who| format!(" by {who}"))
            .unwrap_or_default();
        return format!("{} → {}{who}", text("from"), text("to"));
    }
    LABELS
        .iter()
        .find_map(|field| item.get(*field).and_then(Value::as_str))
        .filter(|name| !name.is_empty())
        .map_or_else(
            || "a record".into(),
            |name| format!("“{}”", shorten(name, 40)),
        )
}

/// Notes what the other side changed from `base` to `theirs` at `path` — down to
/// the records and fields it touched — and who, where a record names its author.
pub fn changes(
    path: &mut Path,
    base: Option<&Value>,
    theirs: Option<&Value>,
    changed: &mut Vec<String>,
    authors: &mut Vec<String>,
) {
    if base == theirs || changed.len() >= MAX_CHANGES {
        return;
    }
    if let Some(theirs) = theirs {
        for field in ["author", "by"] {
            let now = theirs.get(field).and_then(Value::as_str);
            let before = base.and_then(|b| b.get(field)).and_then(Value::as_str);
            if let Some(who) = now.filter(|who| !who.is_empty() && Some(*who) != before)
                && !authors.iter().any(|known| known == who)
            {
                authors.push(who.to_string());
            }
        }
    }
    match (base, theirs) {
        (Some(Value::Object(b)), Some(Value::Object(t))) if b.keys().eq(t.keys()) => {
            for (key, value) in t {
                path.push(Segment::Field(key.clone()));
                changes(path, b.get(key), Some(value), changed, authors);
                path.pop();
            }
        }
        (Some(Value::Array(b)), Some(Value::Array(t)))
            if t.iter().chain(b).all(|item| item.get("id").is_some()) =>
        {
            let id = |item: &Value| item.get("id").cloned();
            for item in t {
                let before = b.iter().find(|old| id(old) == id(item));
                path.push(Segment::Item(item_label(path, item)));
                changes(path, before, Some(item), changed, authors);
                path.pop();
            }
            for item in b
                .iter()
                .filter(|old| !t.iter().any(|new| id(new) == id(old)))
            {
                path.push(Segment::Item(item_label(path, item)));
                changes(path, Some(item), None, changed, authors);
                path.pop();
            }
        }
        (Some(Value::Array(b)), Some(Value::Array(t))) if t.starts_with(b) => {
            for item in &t[b.len()..] {
                path.push(Segment::Item(item_label(path, item)));
                changes(path, None, Some(item), changed, authors);
                path.pop();
            }
        }
        _ => {
            let verb = match (base, theirs) {
                (None, _) => "added",
                (_, None) => "removed",
                _ => "changed",
            };
            changed.push(format!("{} {verb}", render(path)));
        }
    }
}

/// Two values that clash, each cut to `room` columns around where they first
/// differ: two long texts that begin alike ("Regional insurer paying for three
/// years…") would otherwise both show only the part that is the same. The shared
/// start is kept as a few words of context after an ellipsis; a line break reads ⏎.
pub fn where_they_differ(mine: &str, theirs: &str, room: usize) -> (String, String) {
    use crate::text::{truncate, width};
    let flat = |text: &str| text.replace('\n', " ⏎ ");
    let (mine, theirs) = (flat(mine), flat(theirs));
    if width(&mine) <= room && width(&theirs) <= room {
        return (mine, theirs);
    }
    let (a, b): (Vec<char>, Vec<char>) = (mine.chars().collect(), theirs.chars().collect());
    let same = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Up to a third of the room for context, begun at a word.
    let mut start = same.saturating_sub(room / 3);
    if start > 0 {
        start = a[start..same]
            .iter()
            .position(|ch| *ch == ' ')
            .map_or(start, |space| start + space + 1);
    }
    let cut = |chars: &[char]| {
        let rest: String = chars[start.min(chars.len())..].iter().collect();
        if start == 0 {
            truncate(&rest, room)
        } else {
            truncate(&format!("…{rest}"), room)
        }
    };
    (cut(&a), cut(&b))
}

#[cfg(test)]
mod tests {
    use super::where_they_differ;

    #[test]
    fn long_texts_that_begin_alike_show_where_they_differ() {
        let base = "Regional insurer paying for three years of free licences for charities";
        let mine = format!("{base}. Renewal talks start in March.");
        let theirs = format!("{base}. Their board approved a second region.");
        let (m, t) = where_they_differ(&mine, &theirs, 40);
        assert!(m.starts_with('…') && t.starts_with('…'), "{m} / {t}");
        assert!(m.contains("Renewal talks"), "{m}");
        assert!(t.contains("Their board"), "{t}");
        assert!(crate::text::width(&m) <= 40 && crate::text::width(&t) <= 40);
        // Context starts at a word.
        assert!(
            m.starts_with("…for charities") || m.starts_with("…charities"),
            "{m}"
        );
    }

    #[test]
    fn short_values_and_line_breaks() {
        assert_eq!(
            where_they_differ("2026-12-15", "2026-12-10", 40),
            ("2026-12-15".to_string(), "2026-12-10".to_string())
        );
        let (m, _) = where_they_differ("one\ntwo", "one", 40);
        assert_eq!(m, "one ⏎ two");
        // Different from the first character: cut at the end only.
        let (m, t) = where_they_differ(&"a".repeat(50), &"b".repeat(50), 10);
        assert_eq!((m.chars().count(), t.chars().count()), (10, 10));
        assert!(!m.starts_with('…'));
    }
}
