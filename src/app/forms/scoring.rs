//! Forms of the Scoring tab: a score with its evidence (the partner's file; who and
//! when are recorded), and a criterion added, renamed or described (the workspace).

use crate::app::effect::{Effect, Reveal};
use crate::app::form::{Field, Form, FormSpec, Reject, Values};
use crate::app::history::Doc;
use crate::app::model::Data;
use crate::app::screens::scoring::MAX_WEIGHT;
use crate::domain::scoring::{MAX_SCORE, MIN_SCORE, score_for, set_score};
use crate::domain::{Criterion, unique_id};

/// One partner's score for one criterion, with the evidence behind it.
#[derive(Debug, Clone)]
pub struct ScoreForm {
    pub partner: String,
    /// A criterion id.
    pub criterion: String,
}

impl FormSpec for ScoreForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::partner(&self.partner))
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let partner = data.partner_data(&self.partner)?;
        let criterion = data.workspace.criterion(&self.criterion)?;
        let current = score_for(&partner.scores, &self.criterion);
        let mut hint = format!("{MIN_SCORE} poor · 3 fair · {MAX_SCORE} excellent");
        match current {
            None => hint.push_str(" · empty: not scored"),
            Some(score) => {
                let by = match (score.by.as_str(), score.on) {
                    ("", None) => String::new(),
                    ("", Some(on)) => format!(" · last: {on}"),
                    (by, None) => format!(" · last: {}", data.workspace.member_name(by)),
                    (by, Some(on)) => {
                        format!(" · last: {}, {on}", data.workspace.member_name(by))
                    }
                };
                hint.push_str(&by);
            }
        }
        let score_field = Field::number(
            "score",
            "Score",
            current.map(|s| i64::from(s.score)),
            i64::from(MIN_SCORE)..=i64::from(MAX_SCORE),
        )
        .required()
        .hint(&hint);
        let mut evidence = Field::multiline(
            "evidence",
            "Evidence",
            current.map_or("", |s| s.evidence.as_str()),
        )
        .hint("why this score, with a source or a date");
        if !criterion.description.is_empty() {
            evidence = evidence.hint(&format!(
                "why this score, with a source or a date · {}: {}",
                criterion.name, criterion.description
            ));
        }
        Some(
            Form::new(format!("{} · {}", partner.name, criterion.name))
                .field(score_field)
                .field(evidence),
        )
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let score = values
            .number("score")
            .and_then(|n| u8::try_from(n).ok())
            .ok_or("a score is a whole number from 1 to 5")?;
        let evidence = values.text("evidence");
        let name = data.workspace.criterion_name(&self.criterion).to_string();
        let change = data
            .change_partner(&self.partner, |partner| {
                set_score(
                    &mut partner.scores,
                    &self.criterion,
                    score,
                    &evidence,
                    &data.author,
                    data.today,
                );
                Some(format!("{}: {name} scored {score}", partner.name))
            })
            .ok_or("that partner is no longer there")?;
        Ok(vec![Effect::Commit(change)])
    }
}

/// A criterion of the workspace: `id: None` adds one after the criterion `after`
/// (at the end without it), with a weight; otherwise its name and description.
/// Weights are tried and saved on the weights row.
#[derive(Debug, Clone)]
pub struct CriterionForm {
    pub id: Option<String>,
    pub after: Option<String>,
}

impl CriterionForm {
    fn current<'a>(&self, data: &'a Data) -> Option<&'a Criterion> {
        data.workspace.criterion(self.id.as_deref()?)
    }
}

/// A weight typed in a form: a number, zero or more.
fn parse_weight(text: &str) -> Option<f64> {
    let weight: f64 = text.trim().parse().ok()?;
    (weight.is_finite() && (0.0..=MAX_WEIGHT).contains(&weight)).then_some(weight)
}

impl FormSpec for CriterionForm {
    fn target(&self) -> Option<Doc> {
        Some(Doc::Workspace)
    }

    fn build(&self, data: &Data) -> Option<Form> {
        let form = match &self.id {
            Some(_) => {
                let criterion = self.current(data)?;
                Form::new("Criterion")
                    .field(
                        Field::text("name", "Name", &criterion.name)
                            .required()
                            .hint("partner files keep its id; renaming changes only the name"),
                    )
                    .field(
                        Field::text("description", "Description", &criterion.description)
                            .hint("what the criterion means: shown under the matrix"),
                    )
            }
            None => Form::new("New criterion")
                .field(Field::text("name", "Name", "").required())
                .field(
                    Field::text("weight", "Weight", "1")
                        .required()
                        .hint("0 or more; only the ratios between weights matter"),
                )
                .field(
                    Field::text("description", "Description", "")
                        .hint("what the criterion means: shown under the matrix"),
                ),
        };
        Some(form)
    }

    fn check(&self, data: &Data, values: &Values) -> Result<(), Reject> {
        let name = values.text("name");
        let clash = data
            .workspace
            .criteria
            .iter()
            .filter(|c| Some(&c.id) != self.id.as_ref())
            .find(|c| c.name.trim().to_lowercase() == name.to_lowercase());
        if let Some(other) = clash {
            let why = if other.retired {
                format!(
                    "a retired criterion is called {}: r on the weights row restores it",
                    other.name
                )
            } else {
                format!("{} is a criterion already", other.name)
            };
            return Err(Reject::field("name", why));
        }
        if self.id.is_none() && parse_weight(&values.text("weight")).is_none() {
            return Err(Reject::field(
                "weight",
                format!("a weight is a number from 0 to {}", MAX_WEIGHT),
            ));
        }
        Ok(())
    }

    fn submit(&self, data: &Data, values: &Values) -> Result<Vec<Effect>, String> {
        let name = values.text("name");
        let description = values.text("description");
        match &self.id {
            Some(id) => {
                let change = data
                    .change_workspace(|workspace| {
                        let criterion = workspace.criteria.iter_mut().find(|c| c.id == *id)?;
                        let old = std::mem::replace(&mut criterion.name, name.clone());
                        criterion.description = description.clone();
                        Some(if old == name {
                            format!("described criterion {name}")
                        } else {
                            format!("renamed criterion {old} to {name}")
                        })
                    })
                    .ok_or("that criterion is no longer in the workspace")?;
                Ok(vec![Effect::Commit(change)])
            }
            None => {
                let weight = parse_weight(&values.text("weight")).unwrap_or(1.0);
                let taken: Vec<&str> = data
                    .workspace
                    .criteria
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect();
                let id = unique_id(&name, "criterion", &taken);
                let change = data
                    .change_workspace(|workspace| {
                        let at = self
                            .after
                            .as_ref()
                            .and_then(|after| {
                                workspace.criteria.iter().position(|c| c.id == *after)
                            })
                            .map_or(workspace.criteria.len(), |at| at + 1);
                        workspace.criteria.insert(
                            at,
                            Criterion {
                                id: id.clone(),
                                name: name.clone(),
                                weight,
                                description: description.clone(),
                                retired: false,
                            },
                        );
                        Some(format!("added criterion {name}"))
                    })
                    .ok_or("the workspace cannot change")?;
                Ok(vec![
                    Effect::Commit(change),
                    Effect::Reveal(Reveal::Criterion(id)),
                ])
            }
        }
    }
}
