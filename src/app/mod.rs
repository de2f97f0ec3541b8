//! The running dashboard: its state, the actions a user can take, the key map that
//! turns keys into actions, and the one `update` that applies them.

pub mod action;
pub mod detail;
pub mod edit;
mod editing;
pub mod form;
pub mod forms;
pub mod keymap;
pub mod pipeline;
pub mod state;
pub mod update;

pub use action::Action;
pub use state::{App, Tab};
pub use update::update;
