//! The one key map: `(context, key) → action`, with the words the help overlay and the
//! footer show, and the symbols each screen's help explains. Both are generated from
//! these tables, so they cannot disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{
    Action, Answer, CheckinAction, ClashAction, DetailAction, FormAction, MilestoneAction,
    PipelineAction, ScorecardAction, ScoringAction, SettingsAction, TimelineAction,
};
use super::screens::Tab;

/// Where a binding applies: each screen says which context it is in (its `Screen::
/// context`). A screen's own context is tried before the one it builds on — `Global`
/// for screens, `Form` for the rows of a form's list; overlays that take over the
/// keyboard list only their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Overview,
    Pipeline,
    Detail,
    /// The detail's Milestones section: the detail's keys and the milestone keys.
    DetailMilestones,
    Settings,
    Timeline,
    Scoring,
    /// The Scoring tab's weights row: weights tried, criteria edited.
    ScoringWeights,
    /// The Scoring tab's list of retired criteria.
    ScoringRetired,
    /// The Scoring tab's side-by-side comparison.
    ScoringCompare,
    Scorecard,
    /// The Scorecard's close-up of one KPI: chart and readings.
    ScorecardKpi,
    /// The Scorecard's view of one review.
    ScorecardReview,
    /// The Scorecard's portfolio table: every open KPI of every partner.
    Portfolio,
    Help,
    LoadErrors,
    Form,
    /// A form whose focus is in a list of rows (a repeating group).
    FormRows,
    Confirm,
    /// A list's filter being typed.
    Filter,
    /// A save met the same fields changed on disk: keep mine, take theirs, or edit.
    Clash,
    /// The check-in page, the focus on a row (a milestone, an action item).
    Checkin,
    /// The check-in page, the focus on a milestone: the row's keys, and its own.
    CheckinMilestone,
    /// The check-in page, the focus in an input: keys type text.
    CheckinInput,
    /// The summary at the end of the check-in.
    CheckinSummary,
    /// Leaving the check-in with something typed: keep it, discard it, or stay.
    CheckinLeave,
    /// A check-in draft from a session that ended: resume it, discard it, or later.
    CheckinResume,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Overview => "Overview",
            Context::Pipeline => "Pipeline",
            Context::Detail => "Partner detail",
            Context::DetailMilestones => "Partner detail: milestones",
            Context::Settings => "Workspace settings",
            Context::Timeline => "Timeline",
            Context::Scoring => "Scoring",
            Context::ScoringWeights => "Scoring: the weights row",
            Context::ScoringRetired => "Scoring: retired criteria",
            Context::ScoringCompare => "Scoring: comparison",
            Context::Scorecard => "Scorecard",
            Context::ScorecardKpi => "Scorecard: a KPI up close",
            Context::ScorecardReview => "Scorecard: a review",
            Context::Portfolio => "Scorecard: every open KPI",
            Context::Help => "Help",
            Context::LoadErrors => "Files that did not load",
            Context::Form => "Form",
            Context::FormRows => "Form: a list of rows",
            Context::Confirm => "Question",
            Context::Filter => "Filter",
            Context::Clash => "Changed both here and on disk",
            Context::Checkin => "Check-in: on a row",
            Context::CheckinMilestone => "Check-in: on a milestone",
            Context::CheckinInput => "Check-in: in an input",
            Context::CheckinSummary => "Check-in: the summary",
            Context::CheckinLeave => "Leave the check-in?",
            Context::CheckinResume => "A check-in not saved",
        }
    }

    /// The context whose keys also apply under this one, if any.
    fn parent(self) -> Option<Context> {
        match self {
            Context::Help
            | Context::LoadErrors
            | Context::Form
            | Context::Confirm
            | Context::Filter
            | Context::Clash
            | Context::Checkin
            | Context::CheckinInput
            | Context::CheckinLeave
            | Context::CheckinResume
            | Context::Global => None,
            Context::FormRows => Some(Context::Form),
            Context::CheckinMilestone => Some(Context::Checkin),
            Context::DetailMilestones => Some(Context::Detail),
            _ => Some(Context::Global),
        }
    }

    /// Every context, for checks over the whole table.
    pub const ALL: [Context; 28] = [
        Context::Global,
        Context::Overview,
        Context::Pipeline,
        Context::Detail,
        Context::DetailMilestones,
        Context::Settings,
        Context::Timeline,
        Context::Scoring,
        Context::ScoringWeights,
        Context::ScoringRetired,
        Context::ScoringCompare,
        Context::Scorecard,
        Context::ScorecardKpi,
        Context::ScorecardReview,
        Context::Portfolio,
        Context::Help,
        Context::LoadErrors,
        Context::Form,
        Context::FormRows,
        Context::Confirm,
        Context::Filter,
        Context::Clash,
        Context::Checkin,
        Context::CheckinMilestone,
        Context::CheckinInput,
        Context::CheckinSummary,
        Context::CheckinLeave,
        Context::CheckinResume,
    ];
}

/// A key with its modifiers, as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::SHIFT,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the key is written in help and hints: `q`, `Ctrl-c`, `Shift-Tab`, `↑`.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            label.push_str("Shift-");
        }
        label.push_str(&base);
        label
    }

    /// Terminals disagree about Shift: some send `H` with SHIFT, some without, and
    /// Shift-Tab arrives as BackTab with or without it. Letters carry their case, so
    /// SHIFT is dropped for characters and BackTab; it stays for arrows.
    pub fn from_event(event: KeyEvent) -> Self {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key { code, modifiers }
    }
}

/// One row of the key map.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the key does, for the help overlay.
    pub help: &'static str,
    /// A short word for the footer, when this binding earns a place there.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Context as C;

/// The key map. Earlier rows win within a context. One row per binding, so the
/// table reads like the help it generates (hence no rustfmt).
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Everywhere.
    bind(C::Global, &[ch('1')], Action::GoTo(Tab::Overview), "Overview tab", None),
    bind(C::Global, &[ch('2')], Action::GoTo(Tab::Pipeline), "Pipeline tab", None),
    bind(C::Global, &[ch('3')], Action::GoTo(Tab::Timeline), "Timeline tab", None),
    bind(C::Global, &[ch('4')], Action::GoTo(Tab::Scoring), "Scoring tab", None),
    bind(C::Global, &[ch('5')], Action::GoTo(Tab::Scorecard), "Scorecard tab", None),
    bind(C::Global, &[key(KeyCode::Tab)], Action::NextTab, "next tab", None),
    bind(C::Global, &[key(KeyCode::BackTab)], Action::PrevTab, "previous tab", None),
    bind(C::Global, &[ch('?')], Action::ToggleHelp, "show or hide this help", Some("help")),
    bind(C::Global, &[ch('!')], Action::ShowLoadErrors, "list the files that did not load", None),
    bind(C::Global, &[ch(',')], Action::OpenSettings, "the workspace settings: members, stages, thresholds…", None),
    bind(C::Global, &[ch('u')], Action::Undo, "undo the last edit", None),
    bind(C::Global, &[ctrl('r')], Action::Redo, "redo what was undone", None),
    bind(C::Global, &[ch('W')], Action::WriteUnsaved, "write again what failed to save", None),
    bind(C::Global, &[ctrl('p')], Action::WriteReport, "write the meeting report (or a partner's review pack) to a file", None),
    bind(C::Global, &[ctrl('l')], Action::Reload, "reload every file from disk (asks before dropping unsaved edits)", None),
    bind(C::Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", Some("quit")),
    bind(C::Global, &[ch('c')], Action::CheckIn, "the check-in: every partner in a check-in stage, most in need first", None),
    // Overview.
    bind(C::Overview, &[key(KeyCode::Down), ch('j')], Action::Down, "next attention item", Some("move")),
    bind(C::Overview, &[key(KeyCode::Up), ch('k')], Action::Up, "previous attention item", Some("move")),
    bind(C::Overview, &[key(KeyCode::Home), ch('g')], Action::Top, "first attention item", None),
    bind(C::Overview, &[key(KeyCode::End), ch('G')], Action::Bottom, "last attention item", None),
    bind(C::Overview, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Overview, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Overview, &[key(KeyCode::Enter)], Action::Open, "open the item where it is dealt with (a KPI, feedback, a review: on the Scorecard)", Some("open")),
    bind(C::Overview, &[ch('c')], Action::CheckIn, "the check-in: this item's partner first, the cursor on the item; then the rest", Some("check in")),
    bind(C::Overview, &[ch('/')], Action::StartFilter, "filter by partner, kind or what is due", Some("filter")),
    bind(C::Overview, &[key(KeyCode::Esc)], Action::Back, "clear the filter", None),
    // Pipeline.
    bind(C::Pipeline, &[key(KeyCode::Left), ch('h')], Action::Left, "previous column", Some("column")),
    bind(C::Pipeline, &[key(KeyCode::Right), ch('l')], Action::Right, "next column", Some("column")),
    bind(C::Pipeline, &[key(KeyCode::Down), ch('j')], Action::Down, "next card", Some("card")),
    bind(C::Pipeline, &[key(KeyCode::Up), ch('k')], Action::Up, "previous card", Some("card")),
    bind(C::Pipeline, &[ch('H'), shift(KeyCode::Left)], Action::StagePrev, "move the partner to the previous stage", Some("stage")),
    bind(C::Pipeline, &[ch('L'), shift(KeyCode::Right)], Action::StageNext, "move the partner to the next stage", Some("stage")),
    bind(C::Pipeline, &[ch('m')], Action::MoveStage, "move the partner to any stage, with a reason", None),
    bind(C::Pipeline, &[ch('c')], Action::CheckIn, "check in with this partner", None),
    bind(C::Pipeline, &[key(KeyCode::Enter)], Action::Open, "open the partner", Some("open")),
    bind(C::Pipeline, &[ch('a')], Action::Add, "add a partner", Some("add")),
    bind(C::Pipeline, &[ch('e')], Action::Edit, "edit the partner's profile", None),
    bind(C::Pipeline, &[ch('d')], Action::Delete, "delete the partner (asks first; kept in .trash)", None),
    bind(C::Pipeline, &[ch('/')], Action::StartFilter, "filter by name, tag, kind or owner", Some("filter")),
    bind(C::Pipeline, &[ch('z')], Action::Pipeline(PipelineAction::ToggleClosedStages), "unfold or fold the closed stages", None),
    bind(C::Pipeline, &[key(KeyCode::Home), ch('g')], Action::Top, "first card", None),
    bind(C::Pipeline, &[key(KeyCode::End), ch('G')], Action::Bottom, "last card", None),
    bind(C::Pipeline, &[key(KeyCode::Esc)], Action::Back, "clear the filter", None),
    // Scoring: the matrix.
    bind(C::Scoring, &[key(KeyCode::Down), ch('j')], Action::Down, "next candidate", Some("move")),
    bind(C::Scoring, &[key(KeyCode::Up), ch('k')], Action::Up, "previous candidate", Some("move")),
    bind(C::Scoring, &[key(KeyCode::Left), ch('h')], Action::Left, "previous column (the name is the first)", None),
    bind(C::Scoring, &[key(KeyCode::Right), ch('l')], Action::Right, "next criterion", None),
    bind(C::Scoring, &[ch('+'), ch('=')], Action::Scoring(ScoringAction::Raise), "raise the score in the cell (an empty cell starts at 3)", Some("score")),
    bind(C::Scoring, &[ch('-')], Action::Scoring(ScoringAction::Lower), "lower the score in the cell (an empty cell starts at 3)", Some("score")),
    bind(C::Scoring, &[key(KeyCode::Enter), ch('e')], Action::Open, "edit the score and its evidence; on a name, open the partner", Some("edit")),
    bind(C::Scoring, &[ch('w')], Action::Scoring(ScoringAction::Weights), "the weights row: try weights, edit the criteria", Some("weights")),
    bind(C::Scoring, &[ch(' ')], Action::Scoring(ScoringAction::Mark), "mark the candidate for comparison (up to three)", Some("compare")),
    bind(C::Scoring, &[ch('v')], Action::Scoring(ScoringAction::Compare), "compare the marked candidates side by side", Some("compare")),
    bind(C::Scoring, &[ch('s')], Action::Scoring(ScoringAction::Sort), "sort by score or by name", Some("sort")),
    bind(C::Scoring, &[ch('A')], Action::Scoring(ScoringAction::ToggleAll), "all partners, or candidates only", Some("all")),
    bind(C::Scoring, &[ch('x')], Action::Scoring(ScoringAction::Clear), "clear the score in the cell (u undoes it)", None),
    bind(C::Scoring, &[ch('/')], Action::StartFilter, "filter by name, kind, owner or tag", None),
    bind(C::Scoring, &[key(KeyCode::Home), ch('g')], Action::Top, "first candidate", None),
    bind(C::Scoring, &[key(KeyCode::End), ch('G')], Action::Bottom, "last candidate", None),
    bind(C::Scoring, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Scoring, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Scoring, &[key(KeyCode::Esc)], Action::Back, "clear the filter, else the marks", None),
    // Scoring: the weights row.
    bind(C::ScoringWeights, &[key(KeyCode::Left), ch('h')], Action::Left, "previous criterion", Some("criterion")),
    bind(C::ScoringWeights, &[key(KeyCode::Right), ch('l')], Action::Right, "next criterion", Some("criterion")),
    bind(C::ScoringWeights, &[ch('+'), ch('=')], Action::Scoring(ScoringAction::Raise), "try a higher weight (nothing is saved yet)", Some("try")),
    bind(C::ScoringWeights, &[ch('-')], Action::Scoring(ScoringAction::Lower), "try a lower weight (nothing is saved yet)", Some("try")),
    bind(C::ScoringWeights, &[key(KeyCode::Enter)], Action::Scoring(ScoringAction::SaveWeights), "save the tried weights to workspace.ron (one undo step)", Some("save")),
    bind(C::ScoringWeights, &[key(KeyCode::Esc), ch('w')], Action::Back, "leave the weights row, dropping the trial (asks first)", Some("back")),
    bind(C::ScoringWeights, &[ch('a')], Action::Add, "add a criterion after this one", Some("add")),
    bind(C::ScoringWeights, &[ch('e')], Action::Edit, "rename or describe the criterion", Some("edit")),
    bind(C::ScoringWeights, &[ch('d')], Action::Delete, "retire the criterion (asks; its scores stay in the files)", Some("retire")),
    bind(C::ScoringWeights, &[ch('<')], Action::Scoring(ScoringAction::MoveLeft), "move the criterion left", Some("reorder")),
    bind(C::ScoringWeights, &[ch('>')], Action::Scoring(ScoringAction::MoveRight), "move the criterion right", Some("reorder")),
    bind(C::ScoringWeights, &[ch('r')], Action::Scoring(ScoringAction::Retired), "the retired criteria: restore one, or drop its scores", Some("retired")),
    // Scoring: the retired criteria.
    bind(C::ScoringRetired, &[key(KeyCode::Down), ch('j')], Action::Down, "next retired criterion", Some("move")),
    bind(C::ScoringRetired, &[key(KeyCode::Up), ch('k')], Action::Up, "previous retired criterion", Some("move")),
    bind(C::ScoringRetired, &[key(KeyCode::Enter), ch('r')], Action::Scoring(ScoringAction::Restore), "restore the criterion, with every score it had", Some("restore")),
    bind(C::ScoringRetired, &[ch('d')], Action::Scoring(ScoringAction::DropScores), "drop its scores from every partner (asks; not undoable)", Some("drop scores")),
    bind(C::ScoringRetired, &[key(KeyCode::Esc)], Action::Back, "back to the weights row", Some("back")),
    // Scoring: the comparison.
    bind(C::ScoringCompare, &[key(KeyCode::Down), ch('j')], Action::Down, "next criterion", Some("move")),
    bind(C::ScoringCompare, &[key(KeyCode::Up), ch('k')], Action::Up, "previous criterion", Some("move")),
    bind(C::ScoringCompare, &[key(KeyCode::Esc), ch('v')], Action::Back, "back to the matrix", Some("back")),
    // Scorecard: the partner's KPIs, feedback and reviews.
    bind(C::Scorecard, &[key(KeyCode::Down), ch('j')], Action::Down, "next item of the panel", Some("move")),
    bind(C::Scorecard, &[key(KeyCode::Up), ch('k')], Action::Up, "previous item of the panel", Some("move")),
    bind(C::Scorecard, &[ch('[')], Action::Scorecard(ScorecardAction::PrevPartner), "previous partner", Some("partner")),
    bind(C::Scorecard, &[ch(']')], Action::Scorecard(ScorecardAction::NextPartner), "next partner", Some("partner")),
    bind(C::Scorecard, &[key(KeyCode::Left), ch('h')], Action::Left, "previous panel: KPIs, feedback, reviews", Some("panel")),
    bind(C::Scorecard, &[key(KeyCode::Right), ch('l')], Action::Right, "next panel", Some("panel")),
    bind(C::Scorecard, &[ch('r')], Action::Scorecard(ScorecardAction::AddReading), "add a reading to the selected KPI", Some("reading")),
    bind(C::Scorecard, &[ch('P')], Action::Scorecard(ScorecardAction::Portfolio), "every open KPI of every partner, most in need first", Some("portfolio")),
    bind(C::Scorecard, &[key(KeyCode::Enter)], Action::Open, "open the KPI up close, the review; edit the feedback", Some("open")),
    bind(C::Scorecard, &[ch('a')], Action::Add, "add a KPI, feedback or a review (the focused panel)", Some("add")),
    bind(C::Scorecard, &[ch('e')], Action::Edit, "edit the selected KPI, feedback or review", Some("edit")),
    bind(C::Scorecard, &[ch('d')], Action::Delete, "delete the selected KPI, feedback or review (asks first)", None),
    bind(C::Scorecard, &[ch('f')], Action::Scorecard(ScorecardAction::AddFeedback), "add feedback from a stakeholder", None),
    bind(C::Scorecard, &[ch('R')], Action::Scorecard(ScorecardAction::RecordReview), "record a review: outcomes, KPIs closed, adjustments", Some("review")),
    bind(C::Scorecard, &[ch('p')], Action::Scorecard(ScorecardAction::CyclePerspective), "show one perspective, the next, then all", None),
    bind(C::Scorecard, &[key(KeyCode::Home), ch('g')], Action::Top, "first item of the panel", None),
    bind(C::Scorecard, &[key(KeyCode::End), ch('G')], Action::Bottom, "last item of the panel", None),
    bind(C::Scorecard, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Scorecard, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Scorecard, &[key(KeyCode::Esc)], Action::Back, "show every perspective again", None),
    bind(C::Scorecard, &[ch('/')], Action::StartFilter, "says where a filter works: P lists every open KPI, / filters that", None),
    // A KPI up close.
    bind(C::ScorecardKpi, &[key(KeyCode::Down), ch('j')], Action::Down, "next reading", Some("move")),
    bind(C::ScorecardKpi, &[key(KeyCode::Up), ch('k')], Action::Up, "previous reading", Some("move")),
    bind(C::ScorecardKpi, &[ch('[')], Action::Scorecard(ScorecardAction::PrevKpi), "the partner's previous KPI", Some("KPI")),
    bind(C::ScorecardKpi, &[ch(']')], Action::Scorecard(ScorecardAction::NextKpi), "the partner's next KPI", Some("KPI")),
    bind(C::ScorecardKpi, &[ch('r'), ch('a')], Action::Scorecard(ScorecardAction::AddReading), "add a reading", Some("add reading")),
    bind(C::ScorecardKpi, &[ch('e'), key(KeyCode::Enter)], Action::Edit, "edit the selected reading", Some("edit")),
    bind(C::ScorecardKpi, &[ch('d')], Action::Delete, "delete the selected reading (asks first)", Some("delete")),
    bind(C::ScorecardKpi, &[key(KeyCode::Home), ch('g')], Action::Top, "first reading", None),
    bind(C::ScorecardKpi, &[key(KeyCode::End), ch('G')], Action::Bottom, "latest reading", None),
    bind(C::ScorecardKpi, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::ScorecardKpi, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::ScorecardKpi, &[key(KeyCode::Esc)], Action::Back, "back to the scorecard", Some("back")),
    // A review.
    bind(C::ScorecardReview, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll down", Some("scroll")),
    bind(C::ScorecardReview, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll up", Some("scroll")),
    bind(C::ScorecardReview, &[ch('[')], Action::Scorecard(ScorecardAction::PrevReview), "the previous review", Some("review")),
    bind(C::ScorecardReview, &[ch(']')], Action::Scorecard(ScorecardAction::NextReview), "the next review", Some("review")),
    bind(C::ScorecardReview, &[ch('e'), key(KeyCode::Enter)], Action::Edit, "edit the review", Some("edit")),
    bind(C::ScorecardReview, &[ch('d')], Action::Delete, "delete it and its adjustments, reopen its KPIs (asks)", None),
    bind(C::ScorecardReview, &[key(KeyCode::Esc)], Action::Back, "back to the scorecard", Some("back")),
    // Every open KPI of every partner.
    bind(C::Portfolio, &[key(KeyCode::Down), ch('j')], Action::Down, "next KPI", Some("move")),
    bind(C::Portfolio, &[key(KeyCode::Up), ch('k')], Action::Up, "previous KPI", Some("move")),
    bind(C::Portfolio, &[key(KeyCode::Enter)], Action::Open, "that partner's scorecard, on this KPI", Some("open")),
    bind(C::Portfolio, &[ch('r')], Action::Scorecard(ScorecardAction::AddReading), "add a reading to the KPI", Some("reading")),
    bind(C::Portfolio, &[ch('p')], Action::Scorecard(ScorecardAction::CyclePerspective), "show one perspective, the next, then all", Some("perspective")),
    bind(C::Portfolio, &[key(KeyCode::Home), ch('g')], Action::Top, "first KPI", None),
    bind(C::Portfolio, &[key(KeyCode::End), ch('G')], Action::Bottom, "last KPI", None),
    bind(C::Portfolio, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Portfolio, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Portfolio, &[key(KeyCode::Esc), ch('P')], Action::Back, "clear the filter, else back to the scorecard", Some("back")),
    bind(C::Portfolio, &[ch('/')], Action::StartFilter, "filter by partner, KPI, perspective or owner", Some("filter")),
    // The filter being typed, on any list.
    bind(C::Filter, &[key(KeyCode::Enter)], Action::Submit, "keep the filter and go back to the list", Some("keep")),
    bind(C::Filter, &[key(KeyCode::Esc)], Action::Back, "clear the filter", Some("clear")),
    bind(C::Filter, &[ctrl('c')], Action::Quit, "quit pactboard", None),
    // Partner detail.
    bind(C::Detail, &[key(KeyCode::Tab), ch(']')], Action::Detail(DetailAction::NextSection), "next section", Some("section")),
    bind(C::Detail, &[key(KeyCode::BackTab), ch('[')], Action::Detail(DetailAction::PrevSection), "previous section", None),
    bind(C::Detail, &[key(KeyCode::Down), ch('j')], Action::Down, "next item", Some("move")),
    bind(C::Detail, &[key(KeyCode::Up), ch('k')], Action::Up, "previous item", Some("move")),
    bind(C::Detail, &[key(KeyCode::Home), ch('g')], Action::Top, "first item", None),
    bind(C::Detail, &[key(KeyCode::End), ch('G')], Action::Bottom, "last item", None),
    bind(C::Detail, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Detail, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Detail, &[ch('a')], Action::Add, "add an item to this section", Some("add")),
    bind(C::Detail, &[ch('e'), key(KeyCode::Enter)], Action::Edit, "edit the selected item", Some("edit")),
    bind(C::Detail, &[ch('d')], Action::Delete, "delete the selected item (asks first)", Some("delete")),
    bind(C::Detail, &[ch('H'), shift(KeyCode::Left)], Action::StagePrev, "move the partner to the previous stage", None),
    bind(C::Detail, &[ch('L'), shift(KeyCode::Right)], Action::StageNext, "move the partner to the next stage", None),
    bind(C::Detail, &[ch('m')], Action::MoveStage, "move the partner to any stage, with a reason", None),
    bind(C::Detail, &[ch('c')], Action::CheckIn, "check in with this partner", None),
    bind(C::Detail, &[ch(' ')], Action::Detail(DetailAction::CycleStatus), "next status (agreement, deliverable), done/open (action)", None),
    bind(C::Detail, &[key(KeyCode::Esc)], Action::Back, "back to where you came from", Some("back")),
    // The detail's Milestones section: the Timeline's milestone keys.
    bind(C::DetailMilestones, &[ch(' ')], Action::Milestone(MilestoneAction::Advance), "next status: planned → in progress → done; unblock; reopen (asks)", Some("status")),
    bind(C::DetailMilestones, &[ch('>')], Action::Milestone(MilestoneAction::MoveDue(7)), "due date a week later (a re-plan; the first plan stays)", Some("re-plan")),
    bind(C::DetailMilestones, &[ch('<')], Action::Milestone(MilestoneAction::MoveDue(-7)), "due date a week earlier", Some("re-plan")),
    bind(C::DetailMilestones, &[ch('+'), ch('=')], Action::Milestone(MilestoneAction::MoveDue(1)), "due date a day later", None),
    bind(C::DetailMilestones, &[ch('-')], Action::Milestone(MilestoneAction::MoveDue(-1)), "due date a day earlier", None),
    bind(C::DetailMilestones, &[ch('b')], Action::Milestone(MilestoneAction::Block), "blocked (asks why); again: back to the status it had", Some("block")),
    bind(C::DetailMilestones, &[ch('x')], Action::Milestone(MilestoneAction::Cancel), "cancel the milestone, or restore a cancelled one (asks)", None),
    // Timeline.
    bind(C::Timeline, &[key(KeyCode::Down), ch('j')], Action::Down, "next milestone", Some("move")),
    bind(C::Timeline, &[key(KeyCode::Up), ch('k')], Action::Up, "previous milestone", Some("move")),
    bind(C::Timeline, &[ch(' ')], Action::Milestone(MilestoneAction::Advance), "next status: planned → in progress → done; unblock; reopen (asks)", Some("status")),
    bind(C::Timeline, &[ch('>')], Action::Milestone(MilestoneAction::MoveDue(7)), "due date a week later (a re-plan; the first plan stays)", Some("re-plan")),
    bind(C::Timeline, &[ch('<')], Action::Milestone(MilestoneAction::MoveDue(-7)), "due date a week earlier", Some("re-plan")),
    bind(C::Timeline, &[ch('+'), ch('=')], Action::Milestone(MilestoneAction::MoveDue(1)), "due date a day later", None),
    bind(C::Timeline, &[ch('-')], Action::Milestone(MilestoneAction::MoveDue(-1)), "due date a day earlier", None),
    bind(C::Timeline, &[ch('b')], Action::Milestone(MilestoneAction::Block), "blocked (asks why); again: back to the status it had", Some("block")),
    bind(C::Timeline, &[ch('x')], Action::Milestone(MilestoneAction::Cancel), "cancel the milestone, or restore a cancelled one (asks)", None),
    bind(C::Timeline, &[ch('z')], Action::Timeline(TimelineAction::CycleZoom), "zoom: weeks (days), months (weeks), quarters (months)", Some("zoom")),
    bind(C::Timeline, &[key(KeyCode::Left), ch('h'), ch('[')], Action::Left, "scroll back in time", Some("time")),
    bind(C::Timeline, &[key(KeyCode::Right), ch('l'), ch(']')], Action::Right, "scroll on in time", Some("time")),
    bind(C::Timeline, &[ch('t')], Action::Timeline(TimelineAction::Today), "back to today", None),
    bind(C::Timeline, &[key(KeyCode::Enter)], Action::Open, "open the partner on its milestones", Some("open")),
    bind(C::Timeline, &[ch('o')], Action::Timeline(TimelineAction::AttentionOnly), "only what needs attention: late, blocked, due in 14 days", Some("attention")),
    bind(C::Timeline, &[ch('/')], Action::StartFilter, "filter by partner, owner, phase, status or title", Some("filter")),
    bind(C::Timeline, &[ch('p')], Action::Timeline(TimelineAction::ToggleGrouping), "group by partner or by phase", None),
    bind(C::Timeline, &[ch('A')], Action::Timeline(TimelineAction::ShowAll), "show all: closed partners, milestones finished 30+ days ago", None),
    bind(C::Timeline, &[ch('a')], Action::Add, "add a milestone (asks for which partner)", None),
    bind(C::Timeline, &[ch('e')], Action::Edit, "edit the milestone; give the reason its date moved", None),
    bind(C::Timeline, &[ch('d')], Action::Delete, "delete the milestone (asks first)", None),
    bind(C::Timeline, &[key(KeyCode::Home), ch('g')], Action::Top, "first milestone", None),
    bind(C::Timeline, &[key(KeyCode::End), ch('G')], Action::Bottom, "last milestone", None),
    bind(C::Timeline, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Timeline, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Timeline, &[key(KeyCode::Esc)], Action::Back, "clear the filter, then the attention view", None),
    // Workspace settings.
    bind(C::Settings, &[key(KeyCode::Down), ch('j')], Action::Down, "next row", Some("move")),
    bind(C::Settings, &[key(KeyCode::Up), ch('k')], Action::Up, "previous row", Some("move")),
    bind(C::Settings, &[key(KeyCode::Home), ch('g')], Action::Top, "first row", None),
    bind(C::Settings, &[key(KeyCode::End), ch('G')], Action::Bottom, "last row", None),
    bind(C::Settings, &[key(KeyCode::PageDown)], Action::PageDown, "a page down", None),
    bind(C::Settings, &[key(KeyCode::PageUp)], Action::PageUp, "a page up", None),
    bind(C::Settings, &[ch('a')], Action::Add, "add a member, stage, phase or perspective after this row", Some("add")),
    bind(C::Settings, &[ch('e'), key(KeyCode::Enter)], Action::Edit, "edit the selected row (on a criterion: its weights row)", Some("edit")),
    bind(C::Settings, &[ch('d')], Action::Delete, "remove the selected row (asks first)", Some("remove")),
    bind(C::Settings, &[ch('<')], Action::Settings(SettingsAction::MoveUp), "move the stage, phase or perspective up", Some("order")),
    bind(C::Settings, &[ch('>')], Action::Settings(SettingsAction::MoveDown), "move the stage, phase or perspective down", Some("order")),
    bind(C::Settings, &[ch(' ')], Action::Settings(SettingsAction::ToggleCheckin), "on a stage: the weekly check-in walks it, or not", None),
    bind(C::Settings, &[ch('w')], Action::Settings(SettingsAction::Weights), "criteria and their weights: the Scoring tab's weights row", Some("weights")),
    bind(C::Settings, &[key(KeyCode::Esc)], Action::Back, "clear the filter, else back to where you came from", Some("back")),
    bind(C::Settings, &[ch('/')], Action::StartFilter, "filter every list by name", Some("filter")),
    // Help and the load-error list.
    bind(C::Help, &[key(KeyCode::Esc), ch('?'), ch('q')], Action::Back, "close the help", Some("close")),
    bind(C::Help, &[ctrl('c')], Action::Quit, "quit pactboard", None),
    bind(C::Help, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll down", Some("scroll")),
    bind(C::Help, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll up", Some("scroll")),
    bind(C::LoadErrors, &[key(KeyCode::Esc), ch('!'), ch('q')], Action::Back, "close the list", Some("close")),
    bind(C::LoadErrors, &[ctrl('c')], Action::Quit, "quit pactboard", None),
    bind(C::LoadErrors, &[key(KeyCode::Down), ch('j')], Action::Down, "scroll down", Some("scroll")),
    bind(C::LoadErrors, &[key(KeyCode::Up), ch('k')], Action::Up, "scroll up", Some("scroll")),
    // Forms: keys not listed here edit the focused field.
    bind(C::Form, &[ctrl('s')], Action::Submit, "save (Enter too, in a one-line field)", Some("save")),
    bind(C::Form, &[key(KeyCode::Tab)], Action::Form(FormAction::NextField), "next field", Some("field")),
    bind(C::Form, &[key(KeyCode::BackTab)], Action::Form(FormAction::PrevField), "previous field", Some("field")),
    bind(C::Form, &[key(KeyCode::Esc)], Action::Back, "cancel (asks when something was typed)", Some("cancel")),
    bind(C::Form, &[ctrl('c')], Action::Quit, "quit pactboard (asks when something was typed)", None),
    // A form's list of rows (the steps of an escalation path, say).
    bind(C::FormRows, &[ctrl('n')], Action::Form(FormAction::AddRow), "add a row below this one", Some("add row")),
    bind(C::FormRows, &[ctrl('d')], Action::Form(FormAction::RemoveRow), "remove this row", Some("remove row")),
    // Confirmations.
    bind(C::Confirm, &[ch('y'), key(KeyCode::Enter)], Action::Yes, "yes", Some("yes")),
    bind(C::Confirm, &[ch('n'), key(KeyCode::Esc)], Action::Back, "no", Some("no")),
    bind(C::Confirm, &[ctrl('c')], Action::Quit, "quit pactboard", None),
    bind(C::Clash, &[ch('m')], Action::Clash(ClashAction::KeepMine), "keep your values for these fields (the rest merges)", Some("keep mine")),
    bind(C::Clash, &[ch('t')], Action::Clash(ClashAction::TakeTheirs), "take the values on disk (your other changes still merge)", Some("take theirs")),
    bind(C::Clash, &[ch('e')], Action::Clash(ClashAction::Edit), "type the value of each field", Some("edit")),
    bind(C::Clash, &[key(KeyCode::Esc)], Action::Back, "decide later: the edit stays unsaved, W asks again", Some("later")),
    bind(C::Clash, &[ctrl('c')], Action::Quit, "quit pactboard (asks first)", None),
    // The check-in page, on a milestone or action row.
    bind(C::Checkin, &[key(KeyCode::Tab)], Action::Checkin(CheckinAction::NextSlot), "next row or input", Some("next")),
    bind(C::Checkin, &[key(KeyCode::BackTab)], Action::Checkin(CheckinAction::PrevSlot), "previous row or input", None),
    bind(C::Checkin, &[ch('j'), key(KeyCode::Down)], Action::Checkin(CheckinAction::NextRow), "next row (a milestone, an action item); stops at the last", None),
    bind(C::Checkin, &[ch('k'), key(KeyCode::Up)], Action::Checkin(CheckinAction::PrevRow), "previous row; stops at the first", None),
    bind(C::Checkin, &[ch(' ')], Action::Checkin(CheckinAction::Done), "done (a milestone, an action item); again: not after all", Some("done")),
    bind(C::Checkin, &[ctrl('s')], Action::Checkin(CheckinAction::Save), "save this partner's check-in (one undo step) and go on to the next", Some("save")),
    bind(C::Checkin, &[ctrl('n')], Action::Checkin(CheckinAction::Skip), "skip this partner (what you typed is kept as a draft)", Some("skip")),
    bind(C::Checkin, &[key(KeyCode::Esc)], Action::Back, "leave the check-in (asks: keep what you typed, discard it, or stay)", Some("leave")),
    bind(C::Checkin, &[ch('?')], Action::ToggleHelp, "show or hide this help", None),
    bind(C::Checkin, &[ctrl('c')], Action::Quit, "quit pactboard (what you typed is kept as a draft)", None),

    bind(C::CheckinMilestone, &[ch('b')], Action::Checkin(CheckinAction::Block), "block the milestone (asks why), or unblock it; again: not after all", Some("block")),
    bind(C::CheckinMilestone, &[ch('>')], Action::Checkin(CheckinAction::Move), "move the milestone's due date (asks to when and why); again: not after all", Some("move")),
    // The check-in page, in an input: keys not listed here type text.
    bind(C::CheckinInput, &[key(KeyCode::Tab)], Action::Checkin(CheckinAction::NextSlot), "next row or input (Enter too, in a one-line input)", Some("next")),
    bind(C::CheckinInput, &[key(KeyCode::BackTab)], Action::Checkin(CheckinAction::PrevSlot), "previous row or input", None),
    bind(C::CheckinInput, &[ctrl('s')], Action::Checkin(CheckinAction::Save), "save this partner's check-in (one undo step) and go on to the next", Some("save")),
    bind(C::CheckinInput, &[ctrl('n')], Action::Checkin(CheckinAction::Skip), "skip this partner (what you typed is kept as a draft)", Some("skip")),
    bind(C::CheckinInput, &[key(KeyCode::Esc)], Action::Back, "leave the check-in (asks: keep what you typed, discard it, or stay)", Some("leave")),
    bind(C::CheckinInput, &[ctrl('c')], Action::Quit, "quit pactboard (what you typed is kept as a draft)", None),
    // The summary at the end.
    bind(C::CheckinSummary, &[key(KeyCode::Enter), key(KeyCode::Esc)], Action::Open, "back to the Overview (to where you were, for one partner)", Some("done")),
    // Leaving with something typed.
    bind(C::CheckinLeave, &[ch('k')], Action::Answer(Answer::Keep), "keep what you typed as a draft (c brings it back)", Some("keep")),
    bind(C::CheckinLeave, &[ch('d')], Action::Answer(Answer::Discard), "discard what you typed", Some("discard")),
    bind(C::CheckinLeave, &[key(KeyCode::Esc), ch('s')], Action::Back, "stay on the page", Some("stay")),
    bind(C::CheckinLeave, &[ctrl('c')], Action::Quit, "quit pactboard (what you typed is kept as a draft)", None),
    // A check-in the last session did not save.
    bind(C::CheckinResume, &[ch('r'), key(KeyCode::Enter)], Action::Answer(Answer::Resume), "resume the check-in where it was", Some("resume")),
    bind(C::CheckinResume, &[ch('d')], Action::Answer(Answer::Discard), "discard what was typed", Some("discard")),
    bind(C::CheckinResume, &[key(KeyCode::Esc)], Action::Back, "decide later: the page brings it back, c resumes it", Some("later")),
    bind(C::CheckinResume, &[ctrl('c')], Action::Quit, "quit pactboard", None),
];

/// Contexts where unbound keys are typed text.
pub fn takes_text(context: Context) -> bool {
    matches!(
        context,
        Context::Form | Context::FormRows | Context::Filter | Context::CheckinInput
    )
}

/// The other modes of the screen whose context is `context`, whose keys its help
/// lists too, so the keys of the Scoring tab's weights row can be read before it is
/// open.
pub fn modes(context: Context) -> &'static [Context] {
    match context {
        Context::Scoring => &[
            Context::ScoringWeights,
            Context::ScoringRetired,
            Context::ScoringCompare,
        ],
        Context::Checkin => &[Context::CheckinMilestone, Context::CheckinInput],
        Context::CheckinMilestone => &[Context::CheckinInput],
        Context::CheckinInput => &[Context::Checkin, Context::CheckinMilestone],
        _ => &[],
    }
}

/// The contexts consulted, in order, when `context` is active.
pub fn chain(context: Context) -> Vec<Context> {
    let mut chain = vec![context];
    while let Some(parent) = chain.last().and_then(|last| last.parent()) {
        chain.push(parent);
    }
    chain
}

/// The action for `event` in `context`, if any.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    let pressed = Key::from_event(event);
    chain(context).into_iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|binding| binding.context == context)
            .find(|binding| binding.keys.contains(&pressed))
            .map(|binding| binding.action)
    })
}

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |binding| binding.context == context)
}

/// What the symbols on a screen mean, for its help: the screen's context and its
/// rows of `(symbols, meaning)`.
#[rustfmt::skip]
pub const LEGENDS: &[(Context, &[(&str, &str)])] = &[
    (C::Overview, &[
        ("▲ ◆ △", "late or red · warning · coming due"),
        ("● ◐ ○ ·", "health good (70+) · fair (40+) · poor · not started"),
        ("69 (85)", "health 69, judged on 85 of 100 points (no bracket: on all 100)"),
        ("under way", "the average is over the partners formalizing or operating"),
    ]),
    (C::Pipeline, &[
        ("● ◐ ○ ·", "health good (70+) · fair (40+) · poor · not started"),
        ("69 (85)", "health 69, judged on 85 of 100 points (no bracket: on all 100)"),
        ("score 80 · 2/8", "a candidate's weighted score, from 2 of 8 criteria"),
        ("⚑", "check-in overdue for the charter's cadence"),
        ("▸ !", "next milestone · already late"),
    ]),
    (C::Timeline, &[
        ("✓ ▶ ○ ■ x", "done · in progress · planned · blocked · cancelled"),
        ("!  13d late", "open and past its due date, and by how long"),
        ("█ ▓ ░ ▚ ┄", "bar: done · in progress · planned · blocked · cancelled"),
        ("◆ ◇", "a one-day milestone (no start): done or under way · to come"),
        ("╌╌!", "late: from its due date to today"),
        ("◌  +7d", "the due date first planned · moved 7 days later since"),
        ("│", "today"),
        ("« »", "the bar goes on before or after what is shown"),
        ("R E", "the partner's agreement review · expiry, on its row"),
        ("● ◐ ○ ·", "health good (70+) · fair (40+) · poor · not started"),
    ]),
    (C::DetailMilestones, &[
        ("✓ ▶ ○ ■ x", "done · in progress · planned · blocked · cancelled"),
        ("!", "open and past its due date"),
        ("+7d", "due 7 days later than first planned"),
    ]),
    (C::Scoring, &[
        ("4  4*  ·", "a score 1–5 · with evidence behind it · not scored"),
        ("shading", "weak to strong: 1–2 red · 3 yellow · 4–5 green"),
        ("NO_COLOR", "4–5 bold · 1–2 dim"),
        ("80 · 2/8", "weighted score 0–100 · criteria scored of all"),
        ("partial", "under half the criteria scored: ranked after the rest"),
        ("▲2 ▼1", "places moved since you came to the tab"),
        ("✓", "marked for comparison (Space, up to three)"),
        ("‹ ›", "more criteria off-screen to the left or right"),
    ]),
    (C::Scorecard, &[
        ("● ◐ ○ ◌", "KPI green · amber · red · too early to tell"),
        ("✓ ✗ –", "KPI closed: met · missed · dropped"),
        ("stale", "no recent reading: the status is the last one's"),
        ("⚠", "early warning: the trend misses the target"),
        ("▁▃▅▇", "the latest readings, lowest to highest"),
    ]),
    (C::ScorecardKpi, &[
        ("● ·", "readings · the planned path from baseline to target"),
        ("╌ ◆", "the forecast to the target date · the target"),
    ]),
    (C::Portfolio, &[
        ("● ◐ ○ ◌", "KPI green · amber · red · too early to tell"),
        ("stale ⚠", "no recent reading · the trend misses the target"),
    ]),
    (C::Checkin, &[
        ("✓ ■ ↺ →", "decided here: done · blocked · unblocked · due date moved"),
        ("✓ ▶ ○ ■", "a milestone done · in progress · planned · blocked"),
        ("☐ ☑", "an action item open · done here"),
        ("[    ]", "an input: type into it; Tab goes on"),
        ("⚑", "the check-in is overdue for the cadence"),
    ]),
    (C::Detail, &[
        ("[G] [A] [R] [-] [C]", "KPI green · amber · red · too early · closed"),
        ("⚠ ◷", "early warning · stale (no reading within the check-in cadence)"),
        ("S M A T", "goal is specific · measurable · aligned · time-bound (· fails)"),
        ("✓ ~ ! ·", "agreed · drafting · needs review · not started"),
        ("☐ ☑", "action open · done"),
    ]),
];

/// The symbols `context`'s help explains: its own, else those of the first
/// context it draws keys from that has some.
pub fn legend(context: Context) -> &'static [(&'static str, &'static str)] {
    chain(context)
        .into_iter()
        .find_map(|context| LEGENDS.iter().find(|(owner, _)| *owner == context))
        .map_or(&[], |(_, rows)| rows)
}

/// "j/↓" style label of a binding's keys.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|key| key.label())
        .collect::<Vec<_>>()
        .join("/")
}

/// The key a hint shows: the first one, unless it is an arrow or paging key and a
/// letter does the same ("j" rather than "↓").
fn hint_key(binding: &Binding) -> String {
    let navigation = |key: &Key| {
        matches!(
            key.code,
            KeyCode::Up
                | KeyCode::Down
                | KeyCode::Left
                | KeyCode::Right
                | KeyCode::Home
                | KeyCode::End
                | KeyCode::PageUp
                | KeyCode::PageDown
        )
    };
    binding
        .keys
        .iter()
        .find(|key| !navigation(key))
        .or(binding.keys.first())
        .map(|key| key.label())
        .unwrap_or_default()
}

/// Footer hints for `context`: its own hinted bindings, then the global ones.
/// Neighbouring bindings with the same hint share it: "j/k move".
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for binding in chain(context).into_iter().flat_map(bindings) {
        let Some(hint) = binding.hint else { continue };
        match hints.last_mut() {
            Some((keys, last)) if *last == hint => {
                keys.push('/');
                keys.push_str(&hint_key(binding));
            }
            _ => hints.push((hint_key(binding), hint)),
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shifted_letters_match_whatever_the_terminal_sends() {
        let with = Key::from_event(press(KeyCode::Char('G'), KeyModifiers::SHIFT));
        let without = Key::from_event(press(KeyCode::Char('G'), KeyModifiers::NONE));
        assert_eq!(with, without);
        let back = Key::from_event(press(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(back, key(KeyCode::BackTab));
        let ctrl_upper = Key::from_event(press(KeyCode::Char('C'), KeyModifiers::CONTROL));
        assert_eq!(ctrl_upper, ctrl('c'));
    }

    #[test]
    fn screen_keys_come_before_global_ones_and_overlays_stand_alone() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Context::Overview, q), Some(Action::Quit));
        assert_eq!(action_for(Context::Help, q), Some(Action::Back));
        let one = press(KeyCode::Char('1'), KeyModifiers::NONE);
        assert_eq!(action_for(Context::Help, one), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context_chain() {
        for context in Context::ALL {
            let own: Vec<Key> = bindings(context)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (index, key) in own.iter().enumerate() {
                assert!(
                    !own[..index].contains(key),
                    "{context:?} binds {key:?} twice"
                );
            }
        }
    }

    #[test]
    fn hints_prefer_letters_and_pair_up() {
        let hints = hints(Context::Overview);
        assert_eq!(hints[0], ("j/k".to_string(), "move"));
        assert!(hints.contains(&("?".to_string(), "help")));
        assert!(hints.contains(&("q".to_string(), "quit")));
        let detail = super::hints(Context::Detail);
        assert_eq!(detail[0], ("Tab".to_string(), "section"));
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(ctrl('c').label(), "Ctrl-c");
        assert_eq!(key(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(ch(' ').label(), "Space");
    }
}

#[cfg(test)]
mod chain_tests {
    use super::*;

    #[test]
    fn the_rows_of_a_form_add_their_keys_to_the_forms() {
        assert_eq!(chain(Context::FormRows), [Context::FormRows, Context::Form]);
        assert_eq!(
            chain(Context::Settings),
            [Context::Settings, Context::Global]
        );
        assert_eq!(chain(Context::Confirm), [Context::Confirm]);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::FormRows, ctrl_s), Some(Action::Submit));
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(Context::Form, ctrl_d),
            None,
            "typed text outside a list"
        );
    }
}
