//! Every thing a user can do in the dashboard, as data: keys map to these, `update`
//! applies them, and tests drive the app with them directly.

use crossterm::event::KeyEvent;

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
    /// `a`: add a partner on the board, an item in the detail.
    Add,
    /// `e`: edit the selection in a form.
    Edit,
    /// `d`: delete the selection, after a confirmation that names it.
    Delete,
    /// `Space`: cycle the status of the selection.
    CycleStatus,
    Undo,
    Redo,
    /// `W`: write again what failed to save.
    WriteUnsaved,
    /// `Ctrl-l`: read every file again from disk.
    Reload,
    /// `L`/`H`: move the selected partner to the next/previous stage.
    StageNext,
    StagePrev,
    /// Show closed stages at full width, or fold them.
    ToggleClosedStages,
    /// `/`: type a filter.
    StartFilter,
    /// Next and previous field of a form.
    NextField,
    PrevField,
    /// `Ctrl-s`: confirm the form.
    Submit,
    /// `y` or `Enter` in a confirmation.
    Yes,
    /// A key for the text being typed (a form field, the filter).
    Input(KeyEvent),
}
