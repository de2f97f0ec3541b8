//! The Timeline tab: milestones as bars on a calendar. Not built yet; the tab says
//! what it will show (`ui::screens::timeline`).

use super::Screen;
use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::keymap::Context;
use crate::app::model::Data;

#[derive(Debug, Default)]
pub struct TimelineScreen;

impl Screen for TimelineScreen {
    fn context(&self) -> Context {
        Context::Timeline
    }

    fn update(&mut self, _data: &Data, _action: Action, _fx: &mut Vec<Effect>) {}
}
