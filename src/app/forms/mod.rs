//! Every form of the dashboard, declared once each (`FormSpec`), one file per group:
//! what it edits, its fields by name, its checks, and what confirming does. A new
//! screen adds its forms in a file of its own here; nothing else lists them.

pub mod activity;
pub mod agreement;
pub mod charter;
pub mod clash;
pub mod feedback;
pub mod kpi;
pub mod lists;
pub mod milestones;
pub mod partner;
pub mod profile;
pub mod review;
pub mod roles;
pub mod scoring;
pub mod stage;
pub mod thresholds;
pub mod workspace;

use super::form::{Field, Values};
use super::model::Data;
use crate::domain::partner::Partner;

/// "added" or "edited", for a form that does both.
fn verb(editing: bool) -> &'static str {
    if editing { "edited" } else { "added" }
}

/// `all` as the options of a choice.
fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|item| label(*item).to_string()).collect()
}

/// Where `item` is in `all` (the first, when it is not).
fn position<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter()
        .position(|candidate| candidate == item)
        .unwrap_or(0)
}

/// The choice of a team member, for an owner: "—" (nobody), each member, and the
/// current value when it names no member, so editing never loses it.
struct Members {
    labels: Vec<String>,
    handles: Vec<String>,
}

impl Members {
    fn new(data: &Data, current: &str) -> Members {
        let mut labels = vec!["—".to_string()];
        let mut handles = vec![String::new()];
        for member in &data.workspace.members {
            labels.push(format!("{} ({})", member.name, member.handle));
            handles.push(member.handle.clone());
        }
        if !current.is_empty() && !handles.iter().any(|h| h == current) {
            labels.push(current.to_string());
            handles.push(current.to_string());
        }
        Members { labels, handles }
    }

    fn field(&self, name: &'static str, label: &str, current: &str) -> Field {
        let selected = self.handles.iter().position(|h| h == current).unwrap_or(0);
        Field::choice(name, label, self.labels.clone(), selected)
    }

    /// The handle chosen in field `name`.
    fn handle(&self, values: &Values, name: &str) -> String {
        self.handles
            .get(values.choice(name))
            .cloned()
            .unwrap_or_default()
    }
}

/// Who can own an action item: a member of the team, or one of the partner's
/// contacts (an action the partner's side owes) — for a review's adjustments and
/// the action items agreed at a check-in. `current` owners that are neither stay
/// choosable, so editing never loses one.
pub(crate) struct Owners {
    pub labels: Vec<String>,
    pub names: Vec<String>,
}

impl Owners {
    pub fn new(data: &Data, partner: &Partner, current: &[&str]) -> Owners {
        let mut labels = vec!["—".to_string()];
        let mut names = vec![String::new()];
        for member in &data.workspace.members {
            labels.push(format!("{} ({})", member.name, member.handle));
            names.push(member.handle.clone());
        }
        for contact in &partner.contacts {
            if !names.contains(&contact.name) {
                labels.push(format!("{} ({})", contact.name, contact.side.label()));
                names.push(contact.name.clone());
            }
        }
        for owner in current {
            if !owner.is_empty() && !names.iter().any(|n| n == owner) {
                labels.push(owner.to_string());
                names.push(owner.to_string());
            }
        }
        Owners { labels, names }
    }

    pub fn index_of(&self, owner: &str) -> usize {
        self.names.iter().position(|n| n == owner).unwrap_or(0)
    }
}
