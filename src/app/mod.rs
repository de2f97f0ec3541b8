//! The running dashboard: the data screens read, the screens and their state, the
//! actions a user can take, the key map, and the one way a key becomes a change.
//!
//! # How a key becomes a change
//!
//! A key is looked up in the key map (`keymap`) under the context of the focused
//! screen — the top overlay, else the top layer, else the current tab; `View::focus`
//! is the one place that decides — and becomes an `Action`. `update` hands the
//! action to that screen, which changes its own view state and pushes `Effect`s for
//! anything beyond it: write this `Change`, open this form, ask this question, push
//! a layer. `apply` carries the effects out and is the only caller of the store. The
//! event loop (`tui`) reads one `AppEvent` at a time: keys, files changed on disk,
//! signals, timers. `ui` draws from `&App` and never changes it.
//!
//! # Adding a screen (a tab, or a layer like the detail)
//!
//! 1. Its state: `app/screens/<name>.rs`, a struct that implements `Screen` —
//!    `context()`, `update(&mut self, &Data, Action, &mut Vec<Effect>)`, and
//!    `data_changed` to keep its selection by identity (a `selection::Cursor`
//!    holds it, and steps, pages and jumps through the list).
//! 2. Its view: `ui/screens/<name>.rs`, `render(&State, &Data, Theme, &mut Frame,
//!    Rect)`, which only reads.
//! 3. Its keys: a `Context` variant (with its title) and its rows in
//!    `keymap::BINDINGS` (help and footer follow); actions only it has go in an
//!    enum of its own under one `Action` variant, like
//!    `Action::Pipeline(PipelineAction)`.
//! 4. Its place in the list of screens, `app/screens/mod.rs` — a `Tab` variant
//!    with its title and its field in `Tabs`, or a `Layer` variant — and in the
//!    list of views, `ui/screens/mod.rs`.
//! 5. Its forms, each a `FormSpec`, in a file of their own under `app/forms/`.
//! 6. Snapshots at 80x24 and 120x40 on the small fixture (`tests/ui.rs`).
//!
//! Nothing else needs to know: no other match grows, and nothing tests which tab is
//! showing to decide what a key does.

pub mod action;
mod apply;
pub mod checkin;
mod commands;
pub mod effect;
pub mod event;
pub mod filter;
pub mod form;
pub mod forms;
pub mod history;
pub mod keymap;
pub mod milestones;
pub mod model;
pub mod overlays;
pub mod records;
mod reload;
mod saving;
pub mod screens;
pub mod selection;
pub mod shared;
pub mod state;
pub mod update;

pub use action::Action;
pub use apply::apply;
pub use effect::Effect;
pub use event::AppEvent;
pub use history::{Change, Doc};
pub use model::Data;
pub use screens::Tab;
pub use state::App;
pub use update::{dispatch, handle_key, handle_paste, update};
