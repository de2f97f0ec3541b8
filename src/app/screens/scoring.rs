//! The Scoring tab: the partner scoring matrix. Not built yet; the tab says
//! what it will show (`ui::screens::scoring`).

use super::Screen;
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::keymap::Context;
use crate::app::model::Data;

#[derive(Debug, Default)]
pub struct ScoringScreen;

impl Screen for ScoringScreen {
    fn context(&self) -> Context {
        Context::Scoring
    }

    fn update(&mut self, _data: &Data, _action: Action, _fx: &mut Vec<Effect>) {}
}
