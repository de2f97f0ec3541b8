//! The one form of the workspace's thresholds and cadences: when a KPI turns amber
//! and red, the maintain margin, the grace period of a new KPI, the check-in and
//! review cadences, and the notice periods of agreement reviews and renewals. Each
//! value is checked where it is typed, and amber must stay below red.

use crate::app::effect::Effect;
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::domain::Workspace;

/// The longest period a form takes, in days: ten years.
const MAX_DAYS: i64 = 3650;

/// One number of the form: its field, how it reads and writes the workspace, and
/// how a change to it is told.
struct Knob {
    field: &'static str,
    label: &'static str,
    range: (i64, i64),
    hint: &'static str,
    get: fn(&Workspace) -> u32,
    set: fn(&mut Workspace, u32),
    /// "amber {}": how a change to it is told, `{}` the "from → to".
    unit: &'static str,
}

const KNOBS: &[Knob] = &[
    Knob {
        field: "amber_points",
        label: "Amber (points)",
        range: (1, 100),
        hint: "points behind the planned path: amber from here",
        get: |w| w.thresholds.amber_points,
        set: |w, v| w.thresholds.amber_points = v,
        unit: "amber {}",
    },
    Knob {
        field: "red_points",
        label: "Red (points)",
        range: (1, 100),
        hint: "points behind the planned path: red from here",
        get: |w| w.thresholds.red_points,
        set: |w, v| w.thresholds.red_points = v,
        unit: "red {}",
    },
    Knob {
        field: "amber_margin",
        label: "Maintain margin (%)",
        range: (0, 100),
        hint: "a maintain KPI this far off its level is amber",
        get: |w| w.thresholds.amber_margin_percent,
        set: |w, v| w.thresholds.amber_margin_percent = v,
        unit: "margin {}%",
    },
    Knob {
        field: "grace_share",
        label: "Grace (% of span)",
        range: (0, 100),
        hint: "share of its span a new KPI is too early to tell",
        get: |w| w.kpi_grace.share_percent,
        set: |w, v| w.kpi_grace.share_percent = v,
        unit: "grace {}%",
    },
    Knob {
        field: "grace_days",
        label: "Grace (min days)",
        range: (0, 365),
        hint: "and at least this many days (0: the share alone)",
        get: |w| w.kpi_grace.min_days,
        set: |w, v| w.kpi_grace.min_days = v,
        unit: "grace min {} days",
    },
    Knob {
        field: "checkin_days",
        label: "Check-in (days)",
        range: (1, 365),
        hint: "between check-ins, unless a charter says otherwise",
        get: |w| w.checkin_cadence_days,
        set: |w, v| w.checkin_cadence_days = v,
        unit: "check-in {} days",
    },
    Knob {
        field: "review_days",
        label: "Review (days)",
        range: (1, MAX_DAYS),
        hint: "between reviews of a partnership under way",
        get: |w| w.review_cadence_days,
        set: |w, v| w.review_cadence_days = v,
        unit: "review {} days",
    },
    Knob {
        field: "review_notice",
        label: "Review notice (days)",
        range: (1, MAX_DAYS),
        hint: "how early an agreement review is flagged",
        get: |w| w.review_notice_days,
        set: |w, v| w.review_notice_days = v,
        unit: "review notice {} days",
    },
    Knob {
        field: "renewal_notice",
        label: "Renewal notice (days)",
        range: (1, MAX_DAYS),
        hint: "how early an agreement's expiry is flagged",
        get: |w| w.renewal_notice_days,
        set: |w, v| w.renewal_notice_days = v,
        unit: "renewal notice {} days",
    },
];

/// The field names of the form, in order: a row of the settings opens the form on
/// its own field.
pub fn fields() -> impl Iterator<Item = &'static str> {
    KNOBS.iter().map(|knob| knob.field)
}

/// The thresholds and cadences, opened with the focus on `focus` (a field name).
#[derive(Debug, Clone)]
pub struct ThresholdsForm {
    pub focus: Option<&'static str>,
}

/// A value as typed, once the field accepted it (its range is checked there).
fn value(values: &Values, knob: &Knob) -> u32 {
    values
        .number(knob.field)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or_else(|| knob.range.0.max(0) as u32)
}

impl FormSpec for ThresholdsForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let mut form = Form::new("Thresholds and cadences");
        for knob in KNOBS {
            let current = i64::from((knob.get)(&data.workspace));
            form = form.field(
                Field::number(
                    knob.field,
                    knob.label,
                    Some(current),
                    knob.range.0..=knob.range.1,
                )
                .required()
                .hint(knob.hint),
            );
        }
        Some(match self.focus {
            Some(field) => form.focused_on(field),
            None => form,
        })
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        let amber = values.number("amber_points").unwrap_or(0);
        let red = values.number("red_points").unwrap_or(0);
        if amber < red {
            return Ok(());
        }
        // Blame the one that moved: raising amber past red, or lowering red.
        let red_moved = i64::from(data.workspace.thresholds.red_points) != red;
        let amber_moved = i64::from(data.workspace.thresholds.amber_points) != amber;
        if red_moved && !amber_moved {
            Err(Reject::field(
                "red_points",
                format!("red must be above amber ({amber}): amber warns first"),
            ))
        } else {
            Err(Reject::field(
                "amber_points",
                format!("amber must be below red ({red}): it warns first"),
            ))
        }
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let change = data
            .change_workspace(|workspace| {
                let mut told = Vec::new();
                for knob in KNOBS {
                    let (from, to) = ((knob.get)(workspace), value(values, knob));
                    if from != to {
                        (knob.set)(workspace, to);
                        told.push(knob.unit.replace("{}", &format!("{from} → {to}")));
                    }
                }
                // Nothing changed: `apply` says so and writes nothing.
                Some(format!("thresholds: {}", told.join(", ")))
            })
            .ok_or("the workspace cannot change")?;
        Ok(vec![Effect::Commit(change)])
    }
}
