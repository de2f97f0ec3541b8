//! Every thing a user can do in the dashboard, as plain data: keys map to these, the
//! focused screen handles them, and tests drive the app with them directly.
//!
//! The shared vocabulary (move, open, add, edit, delete, filter, back) is one set of
//! variants that every screen reads in its own way; what only one screen does is
//! grouped under that screen's variant (`Action::Pipeline(..)`), so a new screen adds
//! one variant here and its own enum, and no other screen has to know.

use crossterm::event::KeyEvent;

use super::screens::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    GoTo(Tab),
    NextTab,
    PrevTab,
    ToggleHelp,
    ShowLoadErrors,
    /// `,`: the workspace settings.
    OpenSettings,
    /// `Esc`: close the overlay, leave the layer, clear the filter.
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
    /// `a`: add something where the selection is.
    Add,
    /// `e`: edit the selection in a form.
    Edit,
    /// `d`: delete the selection, after a question that names it.
    Delete,
    Undo,
    Redo,
    /// `W`: write again what failed to save.
    WriteUnsaved,
    /// `Ctrl-l`: read every file again from disk.
    Reload,
    /// `L`/`H`: move the selected partner to the next/previous stage.
    StageNext,
    StagePrev,
    /// `/`: type a filter for the list on screen.
    StartFilter,
    /// `Ctrl-s` in a form, `Enter` in the filter: confirm what is being typed.
    Submit,
    /// `y` or `Enter` in a question.
    Yes,
    /// A key for the text being typed (a form field, the filter).
    Input(KeyEvent),
    Pipeline(PipelineAction),
    Detail(DetailAction),
    Scoring(ScoringAction),
    Settings(SettingsAction),
    Form(FormAction),
}

/// What only the Pipeline board does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineAction {
    /// Show closed stages at full width, or fold them.
    ToggleClosedStages,
}

/// What only the partner detail does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailAction {
    NextSection,
    PrevSection,
    /// `Space`: the next status of the selection.
    CycleStatus,
}

/// What only the Scoring tab does. `+`/`-` mean a score in the matrix and a trial
/// weight on the weights row: the screen's mode decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoringAction {
    /// `+`: the score one higher (an empty cell starts at 3), or the trial weight.
    Raise,
    /// `-`: the score one lower (an empty cell starts at 3), or the trial weight.
    Lower,
    /// `x`: clear the score in the cell.
    Clear,
    /// `w`: go to the weights row, or leave it.
    Weights,
    /// `Enter` on the weights row: save the trial weights.
    SaveWeights,
    /// Leave the weights row, dropping the trial (what yes to "drop?" does, and
    /// what follows a saved trial).
    LeaveWeights,
    /// `s`: sort by score or by name.
    Sort,
    /// `Space`: mark the candidate for comparison, or unmark it.
    Mark,
    /// `v`: the marked candidates side by side.
    Compare,
    /// `A`: all partners, or candidates only.
    ToggleAll,
    /// `<`/`>`: move the criterion left/right.
    MoveLeft,
    MoveRight,
    /// `r` on the weights row: the retired criteria.
    Retired,
    /// Restore the selected retired criterion.
    Restore,
    /// Drop the selected retired criterion's scores from every partner.
    DropScores,
    /// Go to the weights row, staying there when already on it (what the workspace
    /// settings' `w` does; `w` itself goes and leaves).
    OpenWeights,
}

/// What only the workspace settings do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAction {
    /// `<`/`>`: the stage, phase or perspective one place up/down.
    MoveUp,
    MoveDown,
    /// `Space` on a stage: whether the weekly check-in walks it.
    ToggleCheckin,
    /// `w`: the criteria's weights, on the Scoring tab's weights row.
    Weights,
}

/// What only an open form does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    NextField,
    PrevField,
    /// Add a row to the list (repeating group) the focus is in.
    AddRow,
    /// Remove the row the focus is in.
    RemoveRow,
}
