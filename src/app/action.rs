//! Every thing a user can do in the dashboard, as data: keys map to these, `update`
//! applies them, and tests drive the app with them directly.

use super::state::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    GoTo(Tab),
    NextTab,
    PrevTab,
    ToggleHelp,
    ShowLoadErrors,
    /// `Esc`: close the overlay, leave the detail, clear the filter.
    Back,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// `Enter`: open the selection.
    Open,
    NextSection,
    PrevSection,
}
