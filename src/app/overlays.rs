//! What is drawn over the screen and takes the keyboard while it is open: the help,
//! the list of files that did not load, an open form, a question, a clash with the
//! file on disk. Each is a
//! `Screen` too, so the one focus rule hands it the keys.

use super::action::{Action, ClashAction, FormAction};
use super::effect::{Confirm, Effect, Resolution};
use super::form::{FieldInput, Form, FormSpec};
use super::history::{Content, Doc};
use super::keymap::Context;
use super::model::Data;
use super::screens::Screen;

#[derive(Debug)]
pub enum Overlay {
    Help(Scroll),
    LoadErrors(Scroll),
    Form(Box<FormOverlay>),
    Confirm(Confirm),
    Clash(ClashOverlay),
}

impl Overlay {
    pub fn screen(&self) -> &dyn Screen {
        match self {
            Overlay::Help(scroll) | Overlay::LoadErrors(scroll) => scroll,
            Overlay::Form(form) => &**form,
            Overlay::Confirm(confirm) => confirm,
            Overlay::Clash(clash) => clash,
        }
    }

    pub fn screen_mut(&mut self) -> &mut dyn Screen {
        match self {
            Overlay::Help(scroll) | Overlay::LoadErrors(scroll) => scroll,
            Overlay::Form(form) => &mut **form,
            Overlay::Confirm(confirm) => confirm,
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
    /// The form as it was built then, to tell whether what it shows changed.
    opened_form: String,
}

impl FormOverlay {
    /// Builds `spec`'s form from the data; `None` when what it edits is gone.
    pub fn open(data: &Data, spec: Box<dyn FormSpec>) -> Option<FormOverlay> {
        let form = spec.build(data)?;
        let opened_on = spec.target().and_then(|doc| data.content(&doc));
        let opened_form = form.shown();
        Some(FormOverlay {
            form,
            spec,
            opened_on,
            opened_form,
        })
    }

    /// The document the form edits, when what the form edits changed since it
    /// opened (someone saved it, or it was reloaded): the record is gone, or the
    /// form built anew would show other values. A change elsewhere in the same
    /// document — a teammate's edit to another record — leaves the form valid.
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
        if let Some(doc) = self.changed_underneath(data) {
            fx.push(Effect::Ask(Confirm::new(
                format!(
                    "{} changed since this form opened. Open the form again on the new version? What you typed here is dropped.",
                    doc.file()
                ),
                vec![Effect::Close, Effect::OpenForm(self.spec.clone_spec())],
            )));
            return;
        }
        let Some(values) = self.form.validate(data.today) else {
            return;
        };
        if let Err(reject) = self.spec.check(data, &values) {
            self.form.reject(reject);
            return;
        }
        fx.push(Effect::Close);
        match self.spec.submit(data, &values) {
            Ok(effects) => fx.extend(effects),
            Err(why) => fx.push(Effect::error(why)),
        }
    }
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
