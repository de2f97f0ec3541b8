//! Forms of the Scorecard's KPIs: a KPI (what it measures, its path from baseline to
//! target, its perspective and goal, open or closed) and a reading of it. A reading
//! is of something already measured, so it cannot be dated after today; readings
//! stay in date order.

use chrono::NaiveDate;

use super::partner::GONE;
use super::{labels, position, verb};
use crate::app::effect::{Confirm, Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::records::Rec;
use crate::domain::dates::add_days;
use crate::domain::ids::RecordKind;
use crate::domain::kpi::reading_warning;
use crate::domain::kpi::{Direction, Kpi, KpiClosed, KpiKind, KpiOutcome, Reading};
use crate::domain::readings::insert_reading;
use crate::text::capitalised;

const DIRECTIONS: [Direction; 2] = [Direction::HigherIsBetter, Direction::LowerIsBetter];

/// Whether a KPI is open or how it was closed, as the form's choice lists them.
const STATES: [Option<KpiOutcome>; 4] = [
    None,
    Some(KpiOutcome::Met),
    Some(KpiOutcome::Missed),
    Some(KpiOutcome::Dropped),
];

fn state_label(state: Option<KpiOutcome>) -> &'static str {
    match state {
        None => "open",
        Some(KpiOutcome::Met) => "closed: met",
        Some(KpiOutcome::Missed) => "closed: missed",
        Some(KpiOutcome::Dropped) => "closed: dropped",
    }
}

fn kind_label(kind: KpiKind) -> &'static str {
    match kind {
        KpiKind::Cumulative => "cumulative: reach the target by its date",
        KpiKind::Maintain => "maintain: stay at or beyond the target",
    }
}

/// The workspace's perspectives as a choice, with the KPI's own when the workspace
/// lacks it, so editing never loses it.
struct Perspectives {
    labels: Vec<String>,
    ids: Vec<String>,
}

impl Perspectives {
    fn new(data: &Data, current: &str) -> Perspectives {
        let mut labels = Vec::new();
        let mut ids = Vec::new();
        for perspective in &data.workspace.perspectives {
            labels.push(perspective.name.clone());
            ids.push(perspective.id.clone());
        }
        if !ids.iter().any(|id| id == current) {
            labels.push(if current.is_empty() {
                "—".to_string()
            } else {
                current.to_string()
            });
            ids.push(current.to_string());
        }
        Perspectives { labels, ids }
    }
}

/// The partner's goals as a choice: "—" (none) and each goal.
struct Goals {
    labels: Vec<String>,
    ids: Vec<Option<String>>,
}

impl Goals {
    fn new(data: &Data, partner: &str, current: Option<&str>) -> Goals {
        let mut labels = vec!["—".to_string()];
        let mut ids = vec![None];
        for goal in data.partner_data(partner).map_or(&[][..], |p| &p.goals) {
            labels.push(goal.statement.clone());
            ids.push(Some(goal.id.clone()));
        }
        if let Some(current) = current
            && !ids.iter().any(|id| id.as_deref() == Some(current))
        {
            labels.push(format!("{current} (no longer a goal)"));
            ids.push(Some(current.to_string()));
        }
        Goals { labels, ids }
    }
}

/// A KPI; `at: None` adds one (in `perspective`, the one on screen, when set).
#[derive(Debug, Clone)]
pub struct KpiForm {
    pub partner: String,
    pub at: Option<Rec>,
    pub perspective: Option<String>,
}

impl FormSpec for KpiForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let k = match &self.at {
            Some(at) => at.find(&p.kpis)?.clone(),
            None => {
                let perspective = self.perspective.clone().unwrap_or_else(|| {
                    data.workspace
                        .perspectives
                        .first()
                        .map(|p| p.id.clone())
                        .unwrap_or_default()
                });
                Kpi {
                    perspective,
                    ..Kpi::new("", (0.0, 0.0), (data.today, add_days(data.today, 90)))
                }
            }
        };
        let perspectives = Perspectives::new(data, &k.perspective);
        let goals = Goals::new(data, &self.partner, k.goal.as_deref());
        let title = match &self.at {
            Some(_) => format!("KPI “{}” of {}", k.name, p.name),
            None => format!("New KPI of {}", p.name),
        };
        let (baseline, target) = match &self.at {
            Some(_) => (Some(k.baseline), Some(k.target)),
            None => (None, None),
        };
        let mut form = Form::new(title)
            .field(Field::text("name", "Name", &k.name).required())
            .field(Field::choice(
                "perspective",
                "Perspective",
                perspectives.labels.clone(),
                position(&perspectives.ids, &k.perspective),
            ))
            .field(Field::text("unit", "Unit", &k.unit).hint("leads, %, GBP, days… empty: none"))
            .field(Field::choice(
                "direction",
                "Direction",
                labels(&DIRECTIONS, Direction::label),
                position(&DIRECTIONS, &k.direction),
            ))
            .field(Field::choice(
                "kind",
                "Kind",
                labels(&KpiKind::ALL, kind_label),
                position(&KpiKind::ALL, &k.kind),
            ))
            .field(
                Field::decimal("baseline", "Baseline", baseline)
                    .required()
                    .hint("where it stands at the start"),
            )
            .field(
                Field::decimal("target", "Target", target)
                    .required()
                    .hint("to reach by the target date, or the level to keep"),
            )
            .field(Field::date("start", "Start", Some(k.start)).required())
            .field(Field::date("target_date", "Target date", Some(k.target_date)).required())
            .field(Field::choice(
                "goal",
                "Measures goal",
                goals.labels.clone(),
                goals.ids.iter().position(|id| *id == k.goal).unwrap_or(0),
            ))
            .field(
                Field::number("decimals", "Decimals", k.decimals.map(i64::from), 0..=6)
                    .hint("decimals shown; empty: whole numbers, one decimal where needed"),
            );
        if self.at.is_some() {
            let state = k.closed.as_ref().map(|closed| closed.outcome);
            form = form.field(
                Field::choice(
                    "state",
                    "State",
                    labels(&STATES, state_label),
                    position(&STATES, &state),
                )
                .hint("closed KPIs leave status, health and attention; usually closed at a review"),
            );
        }
        Some(form)
    }

    fn check(&self, _data: &Data, values: &Values) -> Result<(), Reject> {
        let (Some(start), Some(target_date)) = (values.date("start"), values.date("target_date"))
        else {
            return Ok(());
        };
        if target_date <= start {
            return Err(Reject::field(
                "target_date",
                format!("must be after the start ({start})"),
            ));
        }
        let (Some(baseline), Some(target)) = (values.decimal("baseline"), values.decimal("target"))
        else {
            return Ok(());
        };
        let kind = values.pick("kind", &KpiKind::ALL).unwrap_or_default();
        match values.pick("direction", &DIRECTIONS).unwrap_or_default() {
            Direction::HigherIsBetter if target < baseline => {
                return Err(Reject::field(
                    "target",
                    "below the baseline, but higher is better: choose lower is better, or swap them",
                ));
            }
            Direction::LowerIsBetter if target > baseline => {
                return Err(Reject::field(
                    "target",
                    "above the baseline, but lower is better: choose higher is better, or swap them",
                ));
            }
            _ => {}
        }
        if kind == KpiKind::Cumulative && target == baseline {
            return Err(Reject::field(
                "target",
                "the same as the baseline: nothing to reach (a maintain KPI keeps a level)",
            ));
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let current = data
            .partner_data(&self.partner)
            .and_then(|p| self.at.as_ref().and_then(|at| at.find(&p.kpis)));
        let perspectives = Perspectives::new(data, current.map_or("", |k| &k.perspective));
        let goals = Goals::new(data, &self.partner, current.and_then(|k| k.goal.as_deref()));
        let perspective = perspectives
            .ids
            .get(values.choice("perspective"))
            .cloned()
            .unwrap_or_default();
        let goal = goals.ids.get(values.choice("goal")).cloned().flatten();
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let at = match &self.at {
                    Some(at) => at.clone(),
                    None => {
                        let id = data.new_id(p, RecordKind::Kpi);
                        let blank = Kpi::new("", (0.0, 0.0), (data.today, data.today));
                        p.kpis.push(Kpi { id, ..blank });
                        Rec::of(p.kpis.last()?)
                    }
                };
                let kpi = at.find_mut(&mut p.kpis)?;
                kpi.name = values.text("name");
                kpi.perspective = perspective;
                kpi.unit = values.text("unit");
                kpi.direction = values.pick("direction", &DIRECTIONS)?;
                kpi.kind = values.pick("kind", &KpiKind::ALL)?;
                kpi.goal = goal;
                kpi.decimals = values.number("decimals").map(|n| n.clamp(0, 6) as u8);
                kpi.baseline = values.decimal("baseline")?;
                kpi.target = values.decimal("target")?;
                kpi.start = values.date("start")?;
                kpi.target_date = values.date("target_date")?;
                if self.at.is_some() {
                    let state = values.pick("state", &STATES)?;
                    kpi.closed = match (state, kpi.closed.take()) {
                        (None, _) => None,
                        // Closed as before: keep the day it was closed and the note.
                        (Some(outcome), Some(closed)) => Some(KpiClosed { outcome, ..closed }),
                        (Some(outcome), None) => Some(KpiClosed {
                            date: data.today,
                            outcome,
                            note: String::new(),
                        }),
                    };
                }
                let name = kpi.name.clone();
                placed = Some(at);
                Some(format!(
                    "{} KPI “{name}” ({})",
                    verb(self.at.is_some()),
                    p.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| {
            Effect::Reveal(Reveal::Record {
                partner: self.partner.clone(),
                id: at.as_str().to_string(),
            })
        }));
        Ok(effects)
    }
}

/// A reading of KPI `kpi`; `at: None` adds one, dated today unless told otherwise.
#[derive(Debug, Clone)]
pub struct ReadingForm {
    pub partner: String,
    pub kpi: Rec,
    pub at: Option<Rec>,
}

impl FormSpec for ReadingForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let p = data.partner_data(&self.partner)?;
        let kpi = self.kpi.find(&p.kpis)?;
        let reading = match &self.at {
            Some(at) => Some(at.find(&kpi.readings)?.clone()),
            None => None,
        };
        let title = match &reading {
            Some(_) => format!("Reading of {} ({})", kpi.name, p.name),
            None => format!("New reading of {} ({})", kpi.name, p.name),
        };
        Some(
            Form::new(title)
                .field(
                    Field::decimal("value", "Value", reading.as_ref().map(|r| r.value))
                        .required()
                        .hint(&value_hint(kpi, data.today)),
                )
                .field(
                    Field::date(
                        "date",
                        "Date",
                        Some(reading.as_ref().map_or(data.today, |r| r.date)),
                    )
                    .required()
                    .hint("the day it was measured: today or before (YYYY-MM-DD, -3d)"),
                )
                .field(Field::text(
                    "note",
                    "Note",
                    reading.as_ref().map_or("", |r| r.note.as_str()),
                )),
        )
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        Reject::if_after_today(
            values,
            "date",
            data.today,
            "a reading is of something already measured",
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let value = values.decimal("value").ok_or("a reading needs a value")?;
        let date = values.date("date").ok_or("a reading needs a date")?;
        // A new reading of today that looks like a slip — a second one today, a
        // count going down — asks first, in the check-in page's words.
        let doubt = (self.at.is_none() && date == data.today)
            .then(|| data.partner_data(&self.partner))
            .flatten()
            .and_then(|p| self.kpi.find(&p.kpis))
            .and_then(|kpi| reading_warning(kpi, value, data.today));
        let mut placed = None;
        let change = data
            .change_partner(&self.partner, |p| {
                let new_id = data.new_id(p, RecordKind::Reading);
                let partner_name = p.name.clone();
                let kpi = self.kpi.find_mut(&mut p.kpis)?;
                // Taken out and put back, so an edited date keeps the list in order.
                let mut reading = match &self.at {
                    Some(at) => at.remove(&mut kpi.readings)?,
                    None => Reading {
                        id: new_id,
                        ..Reading::new(date, value)
                    },
                };
                reading.date = date;
                reading.value = value;
                reading.note = values.text("note");
                placed = Some(Rec::of(&reading));
                let shown = kpi.format_value(value);
                insert_reading(kpi, reading);
                Some(format!(
                    "{} the reading of {shown} on {date} ({}, {partner_name})",
                    verb(self.at.is_some()),
                    kpi.name
                ))
            })
            .ok_or(GONE)?;
        let mut effects = vec![Effect::Commit(change)];
        effects.extend(placed.map(|at| {
            Effect::Reveal(Reveal::Record {
                partner: self.partner.clone(),
                id: at.as_str().to_string(),
            })
        }));
        Ok(match doubt {
            Some(doubt) => vec![Effect::Ask(Confirm::new(
                format!("{}. Add the reading anyway?", capitalised(&doubt)),
                effects,
            ))],
            None => effects,
        })
    }
}

/// "leads · latest 362 on 2026-11-24 · target 400 by 2026-12-28".
fn value_hint(kpi: &Kpi, today: NaiveDate) -> String {
    let unit = if kpi.unit.trim().is_empty() {
        "a number".to_string()
    } else {
        format!("in {}", kpi.unit.trim())
    };
    let latest = kpi
        .readings_until(today)
        .last()
        .map(|r| format!(" · latest {} on {}", kpi.format_value(r.value), r.date))
        .unwrap_or_default();
    format!(
        "{unit}{latest} · target {} by {}",
        kpi.format_value(kpi.target),
        kpi.target_date
    )
}
