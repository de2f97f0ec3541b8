//! What is drawn over the screen and takes the keyboard while it is open: the help,
//! the list of files that did not load, an open form, a question, a clash with the
//! file on disk. Each is a
//! `Screen` too, so the one focus rule hands it the keys.

use crate::store::merge::merge;
use crate::store::{Fingerprint, Keep};

use super::action::{Action, Answer, ClashAction, FormAction};
use super::effect::{Confirm, Effect, Resolution};
use super::form::{FieldInput, Form, FormSpec, Values};
use super::history::{Change, Content, Doc};
use super::keymap::Context;
use super::model::Data;
use super::screens::Screen;

#[derive(Debug)]
pub enum Overlay {
    Help(Scroll),
    LoadErrors(Scroll),
    Form(Box<FormOverlay>),
    Confirm(Confirm),
    /// A question with more answers than yes and no.
    Choice(Choice),
    Clash(ClashOverlay),
}

impl Overlay {
    pub fn screen(&self) -> &dyn Screen {
        match self {
            Overlay::Help(scroll) | Overlay::LoadErrors(scroll) => scroll,
            Overlay::Form(form) => &**form,
            Overlay::Confirm(confirm) => confirm,
            Overlay::Choice(choice) => choice,
            Overlay::Clash(clash) => clash,
        }
    }

    pub fn screen_mut(&mut self) -> &mut dyn Screen {
        match self {
            Overlay::Help(scroll) | Overlay::LoadErrors(scroll) => scroll,
            Overlay::Form(form) => &mut **form,
            Overlay::Confirm(confirm) => confirm,
            Overlay::Choice(choice) => choice,
            Overlay::Clash(clash) => clash,
        }
    }

    pub fn help() -> Overlay {
        Overlay::Help(Scroll::new(Context::Help))
    }

    pub fn load_errors() -> Overlay {
        Overlay::LoadErrors(Scroll::new(Context::LoadErrors))
    }
}

/// A scrolled text overlay (help, the load errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scroll {
    context: Context,
    pub offset: u16,
}

impl Scroll {
    fn new(context: Context) -> Scroll {
        Scroll { context, offset: 0 }
    }

    /// Lines it can scroll: bounded, so that scrolling back up answers at once (the
    /// view also stops at the end of the text).
    fn limit(&self, data: &Data) -> u16 {
        match self.context {
            Context::LoadErrors => {
                u16::try_from(2 + 3 * data.load_errors.len()).unwrap_or(u16::MAX)
            }
            _ => 60,
        }
    }
}

impl Screen for Scroll {
    fn context(&self) -> Context {
        self.context
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let delta: i64 = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::Back => {
                fx.push(Effect::Close);
                return;
            }
            _ => return,
        };
        let moved = (i64::from(self.offset) + delta).clamp(0, i64::from(u16::MAX)) as u16;
        self.offset = moved.min(self.limit(data));
    }
}

impl Screen for Confirm {
    fn context(&self) -> Context {
        Context::Confirm
    }

    fn update(&mut self, _data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Yes => {
                fx.push(Effect::Close);
                fx.append(&mut self.yes);
            }
            Action::Back => fx.push(Effect::Close),
            _ => {}
        }
    }
}

/// A question with more answers than yes and no — keep what was typed, discard
/// it, or stay — each answer an action of its key context (so the key map names
/// the keys), with what it does; `Esc` does `back`.
#[derive(Debug)]
pub struct Choice {
    pub context: Context,
    pub question: String,
    pub answers: Vec<(Answer, Vec<Effect>)>,
    /// What `Esc` does besides closing the question.
    pub back: Vec<Effect>,
}

impl Choice {
    pub fn new(
        context: Context,
        question: impl Into<String>,
        answers: Vec<(Answer, Vec<Effect>)>,
    ) -> Choice {
        Choice {
            context,
            question: question.into(),
            answers,
            back: Vec::new(),
        }
    }

    /// The same question, `back` happening on `Esc`.
    pub fn on_back(mut self, back: Vec<Effect>) -> Choice {
        self.back = back;
        self
    }

    /// What `answer` does, if the question offers it.
    pub fn answer(&self, answer: Answer) -> Option<&[Effect]> {
        self.answers
            .iter()
            .find(|(offered, _)| *offered == answer)
            .map(|(_, effects)| effects.as_slice())
    }
}

impl Screen for Choice {
    fn context(&self) -> Context {
        self.context
    }

    fn update(&mut self, _data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Answer(answer) => {
                if let Some(at) = self.answers.iter().position(|(a, _)| *a == answer) {
                    fx.push(Effect::Close);
                    fx.append(&mut self.answers.remove(at).1);
                }
            }
            Action::Back => {
                fx.push(Effect::Close);
                fx.append(&mut self.back);
            }
            _ => {}
        }
    }
}

/// A save found fields changed both here and on disk: both values of each, and
/// the choice of keeping mine, taking theirs, or typing each.
#[derive(Debug, Clone)]
pub struct ClashOverlay {
    pub doc: Doc,
    pub fields: Vec<crate::store::FieldConflict>,
}

impl ClashOverlay {
    pub fn new(doc: Doc, fields: Vec<crate::store::FieldConflict>) -> ClashOverlay {
        ClashOverlay { doc, fields }
    }
}

impl Screen for ClashOverlay {
    fn context(&self) -> Context {
        Context::Clash
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        let keep = |keep| Effect::Resolve(self.doc.clone(), Resolution::Keep(keep));
        match action {
            Action::Clash(ClashAction::KeepMine) => {
                fx.push(Effect::Close);
                fx.push(keep(crate::store::Keep::Mine));
            }
            Action::Clash(ClashAction::TakeTheirs) => {
                fx.push(Effect::Close);
                fx.push(keep(crate::store::Keep::Theirs));
            }
            Action::Clash(ClashAction::Edit) => {
                if let Some(why) = data.refuses_edits(&self.doc) {
                    fx.push(Effect::error(why));
                    return;
                }
                fx.push(Effect::Close);
                fx.push(Effect::OpenForm(Box::new(
                    super::forms::clash::ClashForm::new(self.doc.clone(), self.fields.clone()),
                )));
            }
            Action::Back => {
                fx.push(Effect::Close);
                fx.push(Effect::info(format!(
                    "{} stays unsaved; W tries again and asks about the clash",
                    self.doc.file()
                )));
            }
            _ => {}
        }
    }
}

/// An open form, what it edits, and that document as it was when the form opened.
#[derive(Debug)]
pub struct FormOverlay {
    pub form: Form,
    pub spec: Box<dyn FormSpec>,
    /// `spec.target()` as it was when the form opened.
    opened_on: Option<Content>,
    /// Its file as it was then, the bytes kept: what a clash is found against.
    opened_file: Option<Fingerprint>,
    /// The form as it was built then, to tell whether what it shows changed.
    opened_form: String,
}

impl FormOverlay {
    /// Builds `spec`'s form from the data; `None` when what it edits is gone.
    pub fn open(data: &Data, spec: Box<dyn FormSpec>) -> Option<FormOverlay> {
        let form = spec.build(data)?;
        let target = spec.target();
        let opened_on = target.as_ref().and_then(|doc| data.content(doc));
        let opened_file = target.as_ref().and_then(|doc| data.fingerprint(doc));
        let opened_form = form.shown();
        Some(FormOverlay {
            form,
            spec,
            opened_on,
            opened_file,
            opened_form,
        })
    }

    /// The document the form edits, when what the form edits changed since it
    /// opened (someone saved it, or it was reloaded): the record is gone, or the
    /// form built anew would show other values. A change elsewhere in the same
    /// document — a teammate's edit to another record — leaves the form as it was.
    pub fn changed_underneath(&self, data: &Data) -> Option<Doc> {
        let doc = self.spec.target()?;
        if data.matches(&doc, self.opened_on.as_ref()) {
            return None;
        }
        let same = self
            .spec
            .build(data)
            .is_some_and(|fresh| fresh.shown() == self.opened_form);
        (!same).then_some(doc)
    }

    /// The form's declaration in words: the same form opened again (on the same
    /// record) says the same, which is how a draft finds its form.
    pub fn identity(&self) -> String {
        format!("{:?}", self.spec)
    }

    fn submit(&mut self, data: &Data, fx: &mut Vec<Effect>) {
        let Some(values) = self.form.validate(data.today) else {
            return;
        };
        if let Err(reject) = self.spec.check(data, &values) {
            self.form.reject(reject);
            return;
        }
        let moved = self
            .spec
            .target()
            .filter(|doc| !data.matches(doc, self.opened_on.as_ref()));
        let effects = match moved {
            None => self.spec.submit(data, &values),
            Some(doc) => match self.submit_over(data, &doc, &values) {
                Some(effects) => effects,
                None => {
                    // Only for a document never read from disk: there is no version
                    // to merge against.
                    fx.push(Effect::Ask(Confirm::new(
                        format!(
                            "{} changed since this form opened. Open the form again on the new version? What you typed here is dropped.",
                            doc.file()
                        ),
                        vec![Effect::Close, Effect::OpenForm(self.spec.clone_spec())],
                    )));
                    return;
                }
            },
        };
        fx.push(Effect::Close);
        match effects {
            Ok(effects) => fx.extend(effects),
            Err(why) => fx.push(Effect::error(why)),
        }
    }

    /// The form confirmed on `doc`, which changed since the form opened (a
    /// teammate's save came in): the form's change is made to the document as the
    /// form opened on it — so fields left as they were stay theirs — and merged
    /// three-way with the document as it is now. Changes to other fields or records
    /// just merge; a field changed both ways goes to the save as an edit of the
    /// version the form opened on, which shows the clash with both values and keeps
    /// what was typed until it is settled. `None` when no version to merge
    /// against was kept.
    fn submit_over(
        &self,
        data: &Data,
        doc: &Doc,
        values: &Values,
    ) -> Option<Result<Vec<Effect>, String>> {
        let opened_file = self.opened_file.clone()?;
        let then = data.with_doc(doc, self.opened_on.clone());
        let effects = match self.spec.submit(&then, values) {
            Ok(effects) => effects,
            Err(why) => return Some(Err(why)),
        };
        let mut out = Vec::new();
        for effect in effects {
            match effect {
                Effect::Commit(change) if change.doc == *doc => {
                    out.extend(self.merged(data, change, &opened_file));
                }
                other => out.push(other),
            }
        }
        Some(Ok(out))
    }

    /// `change` (from the opened version to the form's) merged with what the
    /// document is now: a change from now to the merge, and words for what came
    /// in; or, when fields clash, the change as it is, to be merged by the save.
    fn merged(&self, data: &Data, change: Change, opened_file: &Fingerprint) -> Vec<Effect> {
        let now = data.content(&change.doc);
        let merged = match (&self.opened_on, &change.after, &now) {
            (
                Some(Content::Partner(base)),
                Some(Content::Partner(mine)),
                Some(Content::Partner(theirs)),
            ) => merge(&**base, &**mine, &**theirs, Keep::Theirs)
                .ok()
                .filter(|merged| merged.conflicts.is_empty())
                .map(|merged| {
                    let note = came_in(&merged.theirs_changed, &merged.authors);
                    (Content::Partner(Box::new(merged.value)), note)
                }),
            (
                Some(Content::Workspace(base)),
                Some(Content::Workspace(mine)),
                Some(Content::Workspace(theirs)),
            ) => merge(&**base, &**mine, &**theirs, Keep::Theirs)
                .ok()
                .filter(|merged| merged.conflicts.is_empty())
                .map(|merged| {
                    let note = came_in(&merged.theirs_changed, &merged.authors);
                    (Content::Workspace(Box::new(merged.value)), note)
                }),
            _ => None,
        };
        match merged {
            Some((value, note)) => vec![
                Effect::Commit(Change {
                    doc: change.doc,
                    before: now,
                    after: Some(value),
                    description: change.description,
                    burst: None,
                }),
                Effect::SayMore(note),
            ],
            None => vec![Effect::CommitOpened(change, opened_file.clone())],
        }
    }
}

/// "merged with what changed since the form opened (kind changed, by lee)".
fn came_in(changed: &[String], authors: &[String]) -> String {
    let what = match changed {
        [] => String::new(),
        [one] => format!(": {one}"),
        [first, rest @ ..] => format!(": {first}, and {} more", rest.len()),
    };
    let who = match authors {
        [] => String::new(),
        list => format!(" (by {})", list.join(", ")),
    };
    format!("merged with what changed since the form opened{what}{who}")
}

impl Screen for FormOverlay {
    fn context(&self) -> Context {
        if self.form.in_rows() {
            Context::FormRows
        } else {
            Context::Form
        }
    }

    fn update(&mut self, data: &Data, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Form(FormAction::NextField) => self.form.next_field(),
            Action::Form(FormAction::PrevField) => self.form.prev_field(),
            Action::Form(FormAction::AddRow) => self.form.add_row(),
            Action::Form(FormAction::RemoveRow) => self.form.remove_row(),
            Action::Submit => self.submit(data, fx),
            Action::Input(key) => match self.form.input(key) {
                FieldInput::Submit => self.submit(data, fx),
                FieldInput::Handled => {}
            },
            Action::Back if self.form.is_dirty() => fx.push(Effect::Ask(Confirm::new(
                "Discard what you typed?",
                vec![Effect::Close],
            ))),
            Action::Back => fx.push(Effect::Close),
            _ => {}
        }
    }

    fn paste(&mut self, _data: &Data, text: &str) -> bool {
        self.form.paste(text);
        true
    }
}
