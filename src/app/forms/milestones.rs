//! Forms of milestones: which partner a new one is for (from the Timeline), the
//! milestone itself — title, phase, owner, dates, the goal and deliverable it
//! belongs to, and why its due date moved — and why it is blocked.

use chrono::NaiveDate;

use super::partner::GONE;
use super::{Members, verb};
use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::ids::RecordKind;
use crate::domain::timeline::{Milestone, MilestoneStatus};

/// `a` on the Timeline: a new milestone, for which partner? Then the milestone form.
#[derive(Debug, Clone)]
pub struct MilestonePartnerForm {
    /// The partner chosen at first (the one the selection is on).
    pub partner: Option<String>,
    /// The phase a new milestone starts in (the group the selection is in).
    pub phase: Option<String>,
}

impl MilestonePartnerForm {
    /// Every partner, by name: (id, name).
    fn partners(data: &Data) -> Vec<(String, String)> {
        let mut partners: Vec<(String, String)> = data
            .partners
            .iter()
            .map(|file| (file.id.clone(), file.partner.name.clone()))
            .collect();
        partners.sort_by_cached_key(|(id, name)| (name.to_lowercase(), id.clone()));
        partners
    }
}

impl FormSpec for MilestonePartnerForm {
    fn target(&self) -> Option<Doc> {
        None
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let partners = Self::partners(data);
        if partners.is_empty() {
            return None;
        }
        let chosen = self
            .partner
            .as_ref()
            .and_then(|wanted| partners.iter().position(|(id, _)| id == wanted))
            .unwrap_or(0);
        let names = partners.into_iter().map(|(_, name)| name).collect();
        Some(
            Form::new("New milestone").field(
                Field::choice("partner", "For", names, chosen)
                    .hint("←/→ or the first letter to choose; Enter goes on"),
            ),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let (partner, _) = Self::partners(data)
            .into_iter()
            .nth(values.choice("partner"))
            .ok_or(GONE)?;
        Ok(vec![Effect::OpenForm(Box::new(MilestoneForm {
            partner,
            at: None,
            phase: self.phase.clone(),
        }))])
    }
}

/// A choice of one record among some (a phase, a goal, a deliverable), by id: "—"
/// for none, each one, and the current id when it names none of them, so editing
/// never loses a link it cannot show.
struct Links {
    labels: Vec<String>,
    ids: Vec<Option<String>>,
}

impl Links {
    fn new<'a>(options: impl Iterator<Item = (&'a str, &'a str)>, current: Option<&str>) -> Links {
        let mut labels = vec!["—".to_string()];
        let mut ids = vec![None];
        for (id, label) in options {
            labels.push(label.to_string());
            ids.push(Some(id.to_string()));
        }
        if let Some(current) = current.filter(|c| !c.is_empty())
            && !ids.iter().any(|id| id.as_deref() == Some(current))
        {
            labels.push(format!("{current} (not found)"));
            ids.push(Some(current.to_string()));
        }
        Links { labels, ids }
    }

    fn field(&self, name: &'static str, label: &str, current: Option<&str>) -> Field {
        let selected = self
            .ids
            .iter()
            .position(|id| id.as_deref() == current.filter(|c| !c.is_empty()))
            .unwrap_or(0);
        Field::choice(name, label, self.labels.clone(), selected)
    }

    fn chosen(&self, values: &Values, name: &str) -> Option<String> {
        self.ids.get(values.choice(name)).cloned().flatten()
    }
}

/// A milestone of a partner; `at: None` adds one (in `phase`, when given).
#[derive(Debug, Clone)]
pub struct MilestoneForm {
    pub partner: String,
    pub at: Option<Rec>,
    pub phase: Option<String>,
}

/// The choices of a milestone form, built the same way to fill it and to read it.
struct Choices {
    phases: Links,
    owners: Members,
    goals: Links,
    deliverables: Links,
}

impl MilestoneForm {
    fn current(&self, data: &Data) -> Option<Option<Milestone>> {
        let p = data.partner_data(&self.partner)?;
        match &self.at {
            Some(at) => Some(Some(at.find(&p.milestones)?.clone())),
            None => Some(None),
        }
    }

    fn choices(&self, data: &Data, current: Option<&Milestone>) -> Option<Choices> {
        let p = data.partner_data(&self.partner)?;
        let phases = &data.workspace.phases;
        Some(Choices {
            phases: Links::new(
                phases
                    .iter()
                    .map(|phase| (phase.id.as_str(), phase.name.as_str())),
                current.map(|m| m.phase.as_str()),
            ),
            // The current owner, else every handle a new one may start with.
            owners: Members::new(data, current.map_or(p.owner.as_str(), |m| &m.owner)),
            goals: Links::new(
                p.goals
                    .iter()
                    .map(|g| (g.id.as_str(), g.statement.as_str())),
                current.and_then(|m| m.goal.as_deref()),
            ),
            deliverables: Links::new(
                (p.agreement.deliverables.iter()).map(|d| (d.id.as_str(), d.title.as_str())),
                current.and_then(|m| m.deliverable.as_deref()),
            ),
        })
    }
}

impl FormSpec for MilestoneForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let current = self.current(data)?;
        let choices = self.choices(data, current.as_ref())?;
        let m = current.as_ref();
        let phase = match m {
            Some(m) => Some(m.phase.as_str()),
            // A new milestone: the phase it was asked for, else the first one.
            None => self.phase.as_deref().or(data
                .workspace
                .phases
                .first()
                .map(|phase| phase.id.as_str())),
        };
        let title = match m {
            Some(_) => format!("Milestone of {}", p.name),
            None => format!("New milestone for {}", p.name),
        };
        // A new milestone is owned by whoever adds it, when they are on the team;
        // else by the partner's owner.
        let author = data.author.as_str();
        let is_member = data.workspace.members.iter().any(|m| m.handle == author);
        let owner = match m {
            Some(m) => m.owner.as_str(),
            None if is_member => author,
            None => p.owner.as_str(),
        };
        let mut form = Form::new(title)
            .field(Field::text("title", "Title", m.map_or("", |m| &m.title)).required())
            .field(choices.phases.field("phase", "Phase", phase))
            .field(choices.owners.field("owner", "Owner", owner))
            .field(
                Field::date("start", "Start", m.and_then(|m| m.start))
                    .hint("empty: a one-day milestone, on its due date"),
            )
            .field(Field::date("due", "Due", m.map(|m| m.due)).required());
        if let Some(m) = m {
            let hint = match m.replans.last() {
                Some(last) => format!(
                    "kept with the last re-plan, {} → {} on {}",
                    last.from, last.to, last.date
                ),
                None => format!(
                    "kept with the re-plan when the due date moves (first planned {})",
                    m.planned_due
                ),
            };
            let reason = m.replans.last().map_or("", |last| last.reason.as_str());
            form = form.field(Field::text("reason", "Why it moved", reason).hint(&hint));
        }
        form = form
            .field(
                choices
                    .goals
                    .field("goal", "Serves goal", m.and_then(|m| m.goal.as_deref())),
            )
            .field(choices.deliverables.field(
                "deliverable",
                "Deliverable",
                m.and_then(|m| m.deliverable.as_deref()),
            ));
        if let Some(m) = m.filter(|m| m.status == MilestoneStatus::Blocked) {
            form = form.field(Field::text("blocked", "Blocked because", &m.blocked_reason));
        }
        if let Some(m) = m.filter(|m| m.status == MilestoneStatus::Done) {
            form = form.field(Field::date("done", "Done on", m.done).required());
        }
        Some(form)
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        if let (Some(start), Some(due)) = (values.date("start"), values.date("due"))
            && start > due
        {
            return Err(Reject::field(
                "due",
                format!("the due date comes before the start ({start})"),
            ));
        }
        let current = self.current(data).flatten();
        if let Some(m) = &current
            && m.replans.is_empty()
            && values.date("due") == Some(m.due)
            && !values.text("reason").is_empty()
        {
            return Err(Reject::field(
                "reason",
                "the due date has not moved: change it, or leave this empty",
            ));
        }
        let done =
            current.and_then(|m| (m.status == MilestoneStatus::Done).then(|| values.date("done")));
        if let Some(Some(done)) = done
            && done > data.today
        {
            return Err(Reject::field("done", "a done date cannot be in the future"));
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let current = self.current(data).ok_or(GONE)?;
        let choices = self.choices(data, current.as_ref()).ok_or(GONE)?;
        let due: NaiveDate = values.date("due").ok_or("the due date is required")?;
        let (today, author) = (data.today, data.author.as_str());
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let at = match &self.at {
                    Some(at) => at.clone(),
                    None => {
                        let mut milestone = Milestone::new("", "", due);
                        milestone.id = data.new_id(p, RecordKind::Milestone);
                        p.milestones.push(milestone);
                        Rec::of(p.milestones.last()?)
                    }
                };
                let m = at.find_mut(&mut p.milestones)?;
                m.title = values.text("title");
                m.phase = choices.phases.chosen(values, "phase").unwrap_or_default();
                m.owner = choices.owners.handle(values, "owner");
                m.start = values.date("start");
                m.goal = choices.goals.chosen(values, "goal");
                m.deliverable = choices.deliverables.chosen(values, "deliverable");
                if self.at.is_some() {
                    let reason = values.text("reason");
                    if due != m.due {
                        m.replan(due, today, author, &reason);
                    } else if let Some(last) = m.replans.last_mut() {
                        last.reason = reason;
                    }
                    if m.status == MilestoneStatus::Blocked {
                        m.blocked_reason = values.text("blocked");
                    }
                    if m.status == MilestoneStatus::Done {
                        m.done = values.date("done");
                    }
                }
                let title = m.title.clone();
                placed = Some(at);
                Some(format!(
                    "{} milestone “{title}” ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| {
            Effect::Reveal(Reveal::Milestone {
                partner: self.partner.clone(),
                at,
            })
        }));
        Ok(effects)
    }
}

/// `b`: why the milestone is blocked; confirming blocks it.
#[derive(Debug, Clone)]
pub struct BlockForm {
    pub partner: String,
    pub at: Rec,
}

impl FormSpec for BlockForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let m = self
            .at
            .find(&data.partner_data(&self.partner)?.milestones)?;
        Some(
            Form::new(format!("Block “{}”", m.title)).field(
                Field::text("reason", "Blocked because", &m.blocked_reason)
                    .required()
                    .hint("kept on the milestone; b again unblocks it"),
            ),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let reason = values.text("reason");
        let change = data
            .change_partner(&self.partner, |p| {
                let name = p.name.clone();
                let m = self.at.find_mut(&mut p.milestones)?;
                m.block(&reason)
                    .then(|| format!("“{}” blocked: {reason} ({name})", m.title))
            })
            .ok_or("that milestone can no longer be blocked (it is gone, done or cancelled)")?;
        Ok(vec![Effect::Commit(change)])
    }
}
