//! What each form edits: how to build it from the data, and how its confirmed values
//! become a new version of the partner. The form widget only parses; this decides.

use crate::app::form::{Field, Form, Value};
use crate::domain::partner::{
    ActionItem, ClauseStatus, Component, Contact, Deliverable, Goal, MeetingTier, Partner, Role,
    Side, Tier, unique_slug,
};

use super::state::App;

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    NewPartner,
    Profile {
        id: String,
    },
    /// `index: None` adds a new one.
    Contact {
        id: String,
        index: Option<usize>,
    },
    Goal {
        id: String,
        index: Option<usize>,
    },
    Role {
        id: String,
        index: Option<usize>,
    },
    AgreementDates {
        id: String,
    },
    Component {
        id: String,
        component: Component,
    },
    Deliverable {
        id: String,
        index: Option<usize>,
    },
    Charter {
        id: String,
    },
    Tier {
        id: String,
        index: Option<usize>,
    },
    /// `at: None` adds a new action item of the partner's own; else an index into
    /// the partner's `actions`.
    Action {
        id: String,
        at: Option<usize>,
    },
    CheckIn {
        id: String,
        index: usize,
    },
    /// The reason for moving a partner into a closed stage (`to`: its id).
    StageReason {
        id: String,
        to: String,
    },
    /// In the profile section, `a` asks whether to add a contact or a goal.
    AddToProfile {
        id: String,
    },
}

/// A new partner's owner: whoever is adding it, when they are a member of the team.
fn default_owner(app: &App) -> String {
    if app.workspace.members.iter().any(|m| m.handle == app.author) {
        app.author.clone()
    } else {
        String::new()
    }
}

/// Checks across fields, after each field parsed: the field to blame and why.
pub fn check(purpose: &FormPurpose, values: &[Value]) -> Option<(usize, String)> {
    match purpose {
        FormPurpose::AgreementDates { .. } => {
            let signed = values.first().and_then(Value::date)?;
            if let Some(review) = values.get(1).and_then(Value::date)
                && review < signed
            {
                return Some((
                    1,
                    format!("the next review comes before the signing ({signed})"),
                ));
            }
            let expires = values.get(2).and_then(Value::date)?;
            (expires <= signed).then(|| {
                (
                    2,
                    format!("the agreement expires before it was signed ({signed})"),
                )
            })
        }
        FormPurpose::Contact { .. } => {
            let email = values.get(3).map(Value::text).unwrap_or_default();
            (!email.is_empty() && !email.contains('@'))
                .then(|| (3, format!("\"{email}\" is not an email address")))
        }
        _ => None,
    }
}

/// Member choices for an owner field: "—" (nobody), each member, and the current
/// value when it names no member, so editing never loses it.
struct Members {
    labels: Vec<String>,
    handles: Vec<String>,
}

impl Members {
    fn new(app: &App, current: &str) -> Self {
        let mut labels = vec!["—".to_string()];
        let mut handles = vec![String::new()];
        for member in &app.workspace.members {
            labels.push(format!("{} ({})", member.name, member.handle));
            handles.push(member.handle.clone());
        }
        if !current.is_empty() && !handles.iter().any(|h| h == current) {
            labels.push(current.to_string());
            handles.push(current.to_string());
        }
        Self { labels, handles }
    }

    fn field(&self, label: &str, current: &str) -> Field {
        let selected = self.handles.iter().position(|h| h == current).unwrap_or(0);
        Field::choice(label, self.labels.clone(), selected)
    }

    fn handle(&self, value: &Value) -> String {
        self.handles
            .get(value.choice())
            .cloned()
            .unwrap_or_default()
    }
}

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|item| label(*item).to_string()).collect()
}

fn position<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter()
        .position(|candidate| candidate == item)
        .unwrap_or(0)
}

fn yes_no(value: bool) -> Field {
    Field::choice(
        "Agreed by both",
        vec!["no".into(), "yes".into()],
        usize::from(value),
    )
}

/// Builds the form for `purpose`, filled with the current values; `None` when what
/// it would edit no longer exists.
pub fn build(app: &App, purpose: &FormPurpose) -> Option<Form> {
    let partner = |id: &str| app.partner_data(id);
    let form = match purpose {
        FormPurpose::NewPartner => {
            let owner = default_owner(app);
            let members = Members::new(app, &owner);
            let stages: Vec<String> = app
                .workspace
                .stages
                .iter()
                .map(|s| s.name.clone())
                .collect();
            // The stage of the column the board is on: `a` in Active adds an active partner.
            let stage = super::pipeline::columns(app)
                .get(app.pipeline.column)
                .and_then(|column| app.workspace.stage_index(&column.stage))
                .unwrap_or(0);
            Form::new(
                "New partner",
                vec![
                    Field::text("Name", "", true),
                    Field::text("Kind", "", false)
                        .with_hint("startup, agency, nonprofit, university…"),
                    members.field("Owner", &owner),
                    Field::choice("Stage", stages, stage),
                ],
            )
        }
        FormPurpose::Profile { id } => {
            let p = partner(id)?;
            let members = Members::new(app, &p.owner);
            Form::new(
                format!("Profile of {}", p.name),
                vec![
                    Field::text("Name", &p.name, true),
                    Field::text("Kind", &p.kind, false),
                    members.field("Owner", &p.owner),
                    Field::text("Tags", &p.tags.join(", "), false).with_hint("comma-separated"),
                    Field::multiline("Summary", &p.summary),
                ],
            )
        }
        FormPurpose::Contact { id, index } => {
            let p = partner(id)?;
            let c = match index {
                Some(i) => p.contacts.get(*i)?.clone(),
                None => Contact::default(),
            };
            Form::new(
                if index.is_some() {
                    "Contact"
                } else {
                    "New contact"
                },
                vec![
                    Field::text("Name", &c.name, true),
                    Field::text("Role", &c.role, false),
                    Field::choice(
                        "Side",
                        labels(&Side::ALL, Side::label),
                        position(&Side::ALL, &c.side),
                    ),
                    Field::text("Email", &c.email, false),
                    Field::text("Phone", &c.phone, false),
                ],
            )
        }
        FormPurpose::Goal { id, index } => {
            let p = partner(id)?;
            let g = match index {
                Some(i) => p.goals.get(*i)?.clone(),
                None => Goal::default(),
            };
            let members = Members::new(app, &g.owner);
            Form::new(
                if index.is_some() { "Goal" } else { "New goal" },
                vec![
                    Field::text("Statement", &g.statement, true)
                        .with_hint("specific: what, for whom"),
                    Field::text("Metric", &g.metric, false)
                        .with_hint("measurable: how it is counted"),
                    Field::text("Target", &g.target, false),
                    Field::date("Due", g.due, false),
                    members.field("Owner", &g.owner),
                    yes_no(g.agreed_by_both),
                ],
            )
        }
        FormPurpose::Role { id, index } => {
            let p = partner(id)?;
            let r = match index {
                Some(i) => p.roles.get(*i)?.clone(),
                None => Role::default(),
            };
            Form::new(
                if index.is_some() { "Role" } else { "New role" },
                vec![
                    Field::choice(
                        "Side",
                        labels(&Side::ALL, Side::label),
                        position(&Side::ALL, &r.side),
                    ),
                    Field::text("Who", &r.who, true),
                    Field::text("Does what", &r.responsibility, true),
                ],
            )
        }
        FormPurpose::AgreementDates { id } => {
            let a = &partner(id)?.agreement;
            Form::new(
                "Agreement dates",
                vec![
                    Field::date("Signed", a.signed, false),
                    Field::date("Next review", a.next_review, false),
                    Field::date("Expires", a.expires, false),
                ],
            )
        }
        FormPurpose::Component { id, component } => {
            let clause = partner(id)?.agreement.clause(*component).clone();
            Form::new(
                component.label(),
                vec![
                    Field::choice(
                        "Status",
                        labels(&ClauseStatus::ALL, ClauseStatus::label),
                        position(&ClauseStatus::ALL, &clause.status),
                    ),
                    Field::multiline("Note", &clause.note),
                ],
            )
        }
        FormPurpose::Deliverable { id, index } => {
            let p = partner(id)?;
            let d = match index {
                Some(i) => p.agreement.deliverables.get(*i)?.clone(),
                None => Deliverable::default(),
            };
            let members = Members::new(app, &d.owner);
            Form::new(
                if index.is_some() {
                    "Deliverable"
                } else {
                    "New deliverable"
                },
                vec![
                    Field::text("Title", &d.title, true),
                    members.field("Owner", &d.owner),
                    Field::date("Due", d.due, false),
                    Field::choice(
                        "Status",
                        labels(&ClauseStatus::ALL, ClauseStatus::label),
                        position(&ClauseStatus::ALL, &d.status),
                    ),
                    Field::text("Note", &d.note, false),
                ],
            )
        }
        FormPurpose::Charter { id } => {
            let c = &partner(id)?.charter;
            Form::new(
                "Communication charter",
                vec![
                    Field::number(
                        "Check-in every",
                        c.checkin_cadence_days.map(i64::from),
                        1,
                        365,
                        false,
                    )
                    .with_hint("days; empty: the workspace default"),
                    Field::text("Primary channel", &c.primary_channel, false),
                    Field::text("Secondary", &c.secondary_channel, false),
                    Field::number(
                        "Response (h)",
                        c.response_hours.map(i64::from),
                        0,
                        720,
                        false,
                    ),
                    Field::text("Escalation", &c.escalation.join(" → "), false)
                        .with_hint("steps separated by → or \" > \""),
                    Field::multiline("Confidentiality", &c.confidentiality),
                ],
            )
        }
        FormPurpose::Tier { id, index } => {
            let p = partner(id)?;
            let t = match index {
                Some(i) => p.charter.meetings.get(*i)?.clone(),
                None => MeetingTier {
                    cadence_days: 14,
                    ..MeetingTier::default()
                },
            };
            Form::new(
                if index.is_some() {
                    "Meeting"
                } else {
                    "New meeting"
                },
                vec![
                    Field::choice(
                        "Tier",
                        labels(&Tier::ALL, Tier::label),
                        position(&Tier::ALL, &t.tier),
                    ),
                    Field::number(
                        "Every (days)",
                        Some(i64::from(t.cadence_days)),
                        1,
                        365,
                        true,
                    ),
                    Field::text("Attendees", &t.attendees, false),
                    Field::text("Purpose", &t.purpose, false),
                ],
            )
        }
        FormPurpose::Action { id, at } => {
            let p = partner(id)?;
            let a = match at {
                Some(index) => p.actions.get(*index)?.clone(),
                None => ActionItem::default(),
            };
            let members = Members::new(app, &a.owner);
            Form::new(
                if at.is_some() {
                    "Action item"
                } else {
                    "New action item"
                },
                vec![
                    Field::text("Action", &a.text, true),
                    members.field("Owner", &a.owner),
                    Field::date("Due", a.due, false),
                    Field::date("Done", a.done, false)
                        .with_hint("the day it was done; empty while open"),
                ],
            )
        }
        FormPurpose::CheckIn { id, index } => {
            let c = partner(id)?.checkins.get(*index)?;
            Form::new(
                format!("Check-in of {}", c.date),
                vec![
                    Field::date("Date", Some(c.date), true),
                    Field::multiline("Note", &c.note),
                ],
            )
        }
        FormPurpose::StageReason { id, to } => {
            let p = partner(id)?;
            Form::new(
                format!("Move {} to {}", p.name, app.workspace.stage_name(to)),
                vec![Field::text("Reason", "", true).with_hint("kept in the stage history")],
            )
        }
        FormPurpose::AddToProfile { .. } => Form::new(
            "Add to the profile",
            vec![Field::choice(
                "Add a",
                vec!["contact".into(), "goal".into()],
                0,
            )],
        ),
    };
    Some(form)
}

/// Puts `item` at `index`, or at the end when adding.
fn place<T>(list: &mut Vec<T>, index: Option<usize>, item: T) -> Option<()> {
    match index {
        Some(i) => *list.get_mut(i)? = item,
        None => list.push(item),
    }
    Some(())
}

fn verb(index: Option<usize>) -> &'static str {
    if index.is_some() { "edited" } else { "added" }
}

/// The result of a confirmed form: the partner to write, as it should be after.
pub struct Applied {
    pub id: String,
    pub after: Partner,
    pub description: String,
}

/// Turns confirmed `values` into the edited partner. `None` when what the form was
/// editing has gone (it was deleted meanwhile).
pub fn apply(app: &App, purpose: &FormPurpose, values: &[Value]) -> Option<Applied> {
    let text = |i: usize| values.get(i).map(Value::text).unwrap_or_default();
    let date = |i: usize| values.get(i).and_then(Value::date);
    let number = |i: usize| values.get(i).and_then(Value::number);
    let choice = |i: usize| values.get(i).map(Value::choice).unwrap_or(0);
    let edit = |id: &str, change: &dyn Fn(&mut Partner) -> Option<String>| -> Option<Applied> {
        let mut after = app.partner_data(id)?.clone();
        let description = change(&mut after)?;
        Some(Applied {
            id: id.to_string(),
            description: format!("{description} ({})", after.name),
            after,
        })
    };
    match purpose {
        FormPurpose::NewPartner => {
            let name = text(0);
            let members = Members::new(app, &default_owner(app));
            let stage = app
                .workspace
                .stages
                .get(choice(3))
                .map_or_else(|| "prospect".to_string(), |s| s.id.clone());
            let id = unique_slug(&name, |slug| {
                app.partner(slug).is_some() || app.store.partner_exists(slug)
            });
            let after = Partner::new(
                name.clone(),
                text(1),
                members.handle(&values[2]),
                stage,
                app.today,
            );
            Some(Applied {
                id,
                after,
                description: format!("added partner {name}"),
            })
        }
        FormPurpose::Profile { id } => {
            let owner = Members::new(app, &app.partner_data(id)?.owner).handle(&values[2]);
            edit(id, &|p| {
                p.name = text(0);
                p.kind = text(1);
                p.owner = owner.clone();
                p.tags = text(3)
                    .split(',')
                    .map(|tag| tag.trim().to_string())
                    .filter(|tag| !tag.is_empty())
                    .collect();
                p.summary = text(4);
                Some("edited the profile".into())
            })
        }
        FormPurpose::Contact { id, index } => edit(id, &|p| {
            // Editing keeps the record's id (and any field the form does not show).
            let current = index.and_then(|i| p.contacts.get(i).cloned());
            let contact = Contact {
                name: text(0),
                role: text(1),
                side: Side::ALL[choice(2).min(2)],
                email: text(3),
                phone: text(4),
                ..current.unwrap_or_default()
            };
            place(&mut p.contacts, *index, contact)?;
            Some(format!("{} contact {}", verb(*index), text(0)))
        }),
        FormPurpose::Goal { id, index } => {
            let current = index.and_then(|i| app.partner_data(id)?.goals.get(i).cloned());
            let owner =
                Members::new(app, current.as_ref().map_or("", |g| &g.owner)).handle(&values[4]);
            edit(id, &|p| {
                let goal = Goal {
                    statement: text(0),
                    metric: text(1),
                    target: text(2),
                    due: date(3),
                    owner: owner.clone(),
                    agreed_by_both: choice(5) == 1,
                    ..current.clone().unwrap_or_default()
                };
                place(&mut p.goals, *index, goal)?;
                Some(format!("{} goal “{}”", verb(*index), text(0)))
            })
        }
        FormPurpose::Role { id, index } => edit(id, &|p| {
            let current = index.and_then(|i| p.roles.get(i).cloned());
            let role = Role {
                side: Side::ALL[choice(0).min(2)],
                who: text(1),
                responsibility: text(2),
                ..current.unwrap_or_default()
            };
            place(&mut p.roles, *index, role)?;
            Some(format!("{} role of {}", verb(*index), text(1)))
        }),
        FormPurpose::AgreementDates { id } => edit(id, &|p| {
            p.agreement.signed = date(0);
            p.agreement.next_review = date(1);
            p.agreement.expires = date(2);
            Some("edited the agreement dates".into())
        }),
        FormPurpose::Component { id, component } => edit(id, &|p| {
            let clause = p.agreement.clause_mut(*component);
            clause.status = ClauseStatus::ALL[choice(0).min(3)];
            clause.note = text(1);
            Some(format!("edited {}", component.label().to_lowercase()))
        }),
        FormPurpose::Deliverable { id, index } => {
            let current =
                index.and_then(|i| app.partner_data(id)?.agreement.deliverables.get(i).cloned());
            let owner =
                Members::new(app, current.as_ref().map_or("", |d| &d.owner)).handle(&values[1]);
            edit(id, &|p| {
                let deliverable = Deliverable {
                    title: text(0),
                    owner: owner.clone(),
                    due: date(2),
                    status: ClauseStatus::ALL[choice(3).min(3)],
                    note: text(4),
                    ..current.clone().unwrap_or_default()
                };
                place(&mut p.agreement.deliverables, *index, deliverable)?;
                Some(format!("{} deliverable “{}”", verb(*index), text(0)))
            })
        }
        FormPurpose::Charter { id } => edit(id, &|p| {
            let charter = &mut p.charter;
            charter.checkin_cadence_days = number(0).map(|n| n as u32);
            charter.primary_channel = text(1);
            charter.secondary_channel = text(2);
            charter.response_hours = number(3).map(|n| n as u32);
            // "→" or " > " between steps; a bare ">" may be part of a name ("<->").
            charter.escalation = text(4)
                .replace(" > ", "→")
                .split('→')
                .map(|step| step.trim().to_string())
                .filter(|step| !step.is_empty())
                .collect();
            charter.confidentiality = text(5);
            Some("edited the charter".into())
        }),
        FormPurpose::Tier { id, index } => edit(id, &|p| {
            let current = index.and_then(|i| p.charter.meetings.get(i).cloned());
            let meeting = MeetingTier {
                tier: Tier::ALL[choice(0).min(2)],
                cadence_days: number(1).unwrap_or(14) as u32,
                attendees: text(2),
                purpose: text(3),
                ..current.unwrap_or_default()
            };
            place(&mut p.charter.meetings, *index, meeting)?;
            Some(format!(
                "{} {} meeting",
                verb(*index),
                Tier::ALL[choice(0).min(2)].label()
            ))
        }),
        FormPurpose::Action { id, at } => {
            let current = at.and_then(|i| app.partner_data(id)?.actions.get(i).cloned());
            let owner =
                Members::new(app, current.as_ref().map_or("", |a| &a.owner)).handle(&values[1]);
            edit(id, &|p| {
                let item = ActionItem {
                    text: text(0),
                    owner: owner.clone(),
                    due: date(2),
                    done: date(3),
                    ..current.clone().unwrap_or_default()
                };
                match at {
                    Some(index) => *p.actions.get_mut(*index)? = item,
                    // A new action outside a check-in is the partner's own: adding
                    // one must not look like a check-in happened.
                    None => p.actions.push(item),
                }
                Some(format!(
                    "{} action “{}”",
                    if at.is_some() { "edited" } else { "added" },
                    text(0)
                ))
            })
        }
        FormPurpose::CheckIn { id, index } => edit(id, &|p| {
            let checkin = p.checkins.get_mut(*index)?;
            checkin.date = date(0)?;
            checkin.note = text(1);
            Some(format!("edited the check-in of {}", checkin.date))
        }),
        FormPurpose::StageReason { id, to } => {
            let (author, today) = (app.author.clone(), app.today);
            let workspace = &app.workspace;
            edit(id, &|p| {
                let from = workspace.stage_name(&p.stage).to_string();
                p.move_to_stage(to.clone(), author.clone(), text(0), today);
                Some(format!("moved from {from} to {}", workspace.stage_name(to)))
            })
        }
        FormPurpose::AddToProfile { .. } => None,
    }
}
