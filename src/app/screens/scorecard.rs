//! The Scorecard tab: KPIs by perspective, trends, feedback. Not built yet; it says
//! what it will show (`ui::screens::scorecard`).

use super::Screen;
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::keymap::Context;
use crate::app::model::Data;

#[derive(Debug, Default)]
pub struct ScorecardScreen;

impl Screen for ScorecardScreen {
    fn context(&self) -> Context {
        Context::Scorecard
    }

    fn update(&mut self, _data: &Data, _action: Action, _fx: &mut Vec<Effect>) {}
}
