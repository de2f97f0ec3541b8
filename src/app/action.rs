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
    /// `Ctrl-p`: write the meeting report (in a partner's detail or scorecard, that
    /// partner's review pack) to a new file in the working directory.
    WriteReport,
    /// `L`/`H`: move the selected partner to the next/previous stage.
    StageNext,
    StagePrev,
    /// `m`: move the selected partner to any stage, with a reason.
    MoveStage,
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
    Timeline(TimelineAction),
    /// What the Timeline and the detail's Milestones section do to a milestone.
    Milestone(MilestoneAction),
    Scoring(ScoringAction),
    Scorecard(ScorecardAction),
    Settings(SettingsAction),
    Form(FormAction),
    Clash(ClashAction),
    /// `c`: the check-in — with the partner on screen, or a walk through them all.
    CheckIn,
    Checkin(CheckinAction),
    /// An answer to a question with more than yes and no.
    Answer(Answer),
}

/// What the check-in page does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckinAction {
    /// `Tab`/`Shift-Tab`: the next/previous row or input.
    NextSlot,
    PrevSlot,
    /// `j`/`k`, `↓`/`↑` on a row: the next/previous row, never an input.
    NextRow,
    PrevRow,
    /// `Space` on a milestone or action row: done, or not done after all.
    Done,
    /// `b` on a milestone row: blocked (asks why), or not after all.
    Block,
    /// `>` on a milestone row: a new due date (asks which and why), or not after all.
    Move,
    /// `Ctrl-s`: save this partner's check-in and go on to the next.
    Save,
    /// `Ctrl-n`: go on to the next partner without a check-in.
    Skip,
    /// The saved check-in was written (or kept): go on. Sent by the save itself.
    Saved,
    /// Leave the check-in (after the question about what was typed, if any).
    Leave,
}

/// The answers of a question that offers more than yes and no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Keep what was typed as a draft for later.
    Keep,
    /// Drop what was typed.
    Discard,
    /// Take up a draft again.
    Resume,
}

/// What the dialog about a clash with the file on disk does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClashAction {
    KeepMine,
    TakeTheirs,
    /// Type the value of each clashing field.
    Edit,
}

/// What only the Pipeline board does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineAction {
    /// Show closed stages at full width, or fold them.
    ToggleClosedStages,
}

/// What only the Scorecard does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScorecardAction {
    /// `[`/`]`: the previous/next partner.
    PrevPartner,
    NextPartner,
    /// `[`/`]` with a KPI up close: the partner's previous/next KPI.
    PrevKpi,
    NextKpi,
    /// `[`/`]` with a review open: the previous/next review.
    PrevReview,
    NextReview,
    /// `r`: a reading for the selected KPI.
    AddReading,
    /// `f`: feedback from a stakeholder.
    AddFeedback,
    /// `R`: record a review.
    RecordReview,
    /// `p`: one perspective after the other, then all.
    CyclePerspective,
    /// `P`: every open KPI of every partner; again (or `Esc`) goes back.
    Portfolio,
}

/// What only the partner detail does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailAction {
    NextSection,
    PrevSection,
    /// `Space`: the next status of the selection.
    CycleStatus,
}

/// What only the Timeline does: how it shows the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineAction {
    /// Weeks, months, quarters.
    CycleZoom,
    /// Scroll back to today.
    Today,
    /// Group by partner or by phase.
    ToggleGrouping,
    /// Only what needs attention: late, blocked, due soon.
    AttentionOnly,
    /// Show everything: partners in closed stages, milestones finished long ago.
    ShowAll,
}

/// A key on the selected milestone, wherever milestones are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneAction {
    /// `Space`: planned → in progress → done; unblock; reopen a done one (asks).
    Advance,
    /// `b`: blocked (asks why), or back to what it was.
    Block,
    /// `x`: cancel (asks), or restore a cancelled one (asks).
    Cancel,
    /// `+`/`-`/`>`/`<`: the due date this many days later (earlier when negative).
    MoveDue(i16),
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
