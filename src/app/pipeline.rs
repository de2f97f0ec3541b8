//! The pipeline board's model: one column per stage (plus any stage a partner names
//! that the workspace lacks), the cards in each after the filter, and the selection,
//! which follows a partner by id so a moved card stays selected.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

use super::state::App;

/// The board's view state.
#[derive(Debug, Clone, Default)]
pub struct PipelineState {
    /// The selected column (index into `columns`).
    pub column: usize,
    /// The selected partner's id; `None` when the column is empty.
    pub selected: Option<String>,
    /// Closed stages (paused, ended) shown at full width.
    pub expand_closed: bool,
    /// The filter typed after `/`; empty means none.
    pub filter: String,
    /// Set while the filter is being typed.
    pub filter_input: Option<TextArea<'static>>,
}

/// One column of the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The stage's id.
    pub stage: String,
    /// What the column is called: the stage's name (its id when the workspace lacks it).
    pub name: String,
    pub closed: bool,
    /// The workspace has this stage (a hand-edited file may name one it lacks).
    pub known: bool,
    /// Indices into `app.partners`, by name.
    pub cards: Vec<usize>,
    /// Partners in this stage before the filter.
    pub total: usize,
}

/// The columns of the board with the filter applied.
pub fn columns(app: &App) -> Vec<Column> {
    let pattern = (!app.pipeline.filter.trim().is_empty()).then(|| {
        Pattern::parse(
            &app.pipeline.filter,
            CaseMatching::Ignore,
            Normalization::Smart,
        )
    });
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut columns: Vec<Column> = app
        .workspace
        .stages
        .iter()
        .map(|stage| Column {
            stage: stage.id.clone(),
            name: stage.name.clone(),
            closed: stage.is_closed(),
            known: true,
            cards: Vec::new(),
            total: 0,
        })
        .collect();
    let mut order: Vec<usize> = (0..app.partners.len()).collect();
    order.sort_by_key(|&index| app.partners[index].partner.name.to_lowercase());
    for index in order {
        let partner = &app.partners[index].partner;
        let position = match columns.iter().position(|c| c.stage == partner.stage) {
            Some(position) => position,
            None => {
                columns.push(Column {
                    stage: partner.stage.clone(),
                    name: partner.stage.clone(),
                    closed: false,
                    known: false,
                    cards: Vec::new(),
                    total: 0,
                });
                columns.len() - 1
            }
        };
        columns[position].total += 1;
        let visible = match &pattern {
            None => true,
            Some(pattern) => {
                // Each field on its own: letters scattered across name, kind and
                // owner together would match almost anything.
                let fields = [
                    partner.name.as_str(),
                    partner.kind.as_str(),
                    partner.owner.as_str(),
                    app.workspace.member_name(&partner.owner),
                ]
                .into_iter()
                .chain(partner.tags.iter().map(String::as_str));
                let mut buffer = Vec::new();
                fields.into_iter().any(|field| {
                    pattern
                        .score(Utf32Str::new(field, &mut buffer), &mut matcher)
                        .is_some()
                })
            }
        };
        if visible {
            columns[position].cards.push(index);
        }
    }
    columns
}

/// The selected card's position `(column, row)` in `columns`, if any.
pub fn selected_position(app: &App, columns: &[Column]) -> Option<(usize, usize)> {
    let id = app.pipeline.selected.as_deref()?;
    columns.iter().enumerate().find_map(|(c, column)| {
        column
            .cards
            .iter()
            .position(|&index| app.partners[index].id == id)
            .map(|row| (c, row))
    })
}

/// Makes the selection valid after the data, the filter or the column changed: the
/// selected partner if still visible (its column followed), else the card at `row`
/// (clamped) in the current column.
pub fn settle_selection(app: &mut App, row: usize) {
    let columns = columns(app);
    if columns.is_empty() {
        app.pipeline.column = 0;
        app.pipeline.selected = None;
        return;
    }
    if let Some((column, _)) = selected_position(app, &columns) {
        app.pipeline.column = column;
        return;
    }
    app.pipeline.column = app.pipeline.column.min(columns.len() - 1);
    if columns[app.pipeline.column].cards.is_empty() {
        // The nearest column with a card to show, so a filter lands on a match.
        let current = app.pipeline.column;
        if let Some(nearest) = (0..columns.len())
            .filter(|&c| !columns[c].cards.is_empty())
            .min_by_key(|&c| c.abs_diff(current))
        {
            app.pipeline.column = nearest;
        }
    }
    let cards = &columns[app.pipeline.column].cards;
    app.pipeline.selected = cards
        .get(row.min(cards.len().saturating_sub(1)))
        .map(|&index| app.partners[index].id.clone());
}

/// The board opens on the first card of the first non-empty column.
pub fn select_first(app: &mut App) {
    let columns = columns(app);
    match columns.iter().position(|column| !column.cards.is_empty()) {
        Some(column) => {
            app.pipeline.column = column;
            app.pipeline.selected = Some(app.partners[columns[column].cards[0]].id.clone());
        }
        None => {
            app.pipeline.column = 0;
            app.pipeline.selected = None;
        }
    }
}

/// Moves the selection `delta` columns (h/l), keeping the row where it can.
pub fn move_column(app: &mut App, delta: i64) {
    let columns = columns(app);
    if columns.is_empty() {
        return;
    }
    let row = selected_position(app, &columns).map_or(0, |(_, row)| row);
    let target = (app.pipeline.column as i64 + delta).clamp(0, columns.len() as i64 - 1) as usize;
    app.pipeline.column = target;
    let cards = &columns[target].cards;
    app.pipeline.selected = cards
        .get(row.min(cards.len().saturating_sub(1)))
        .map(|&index| app.partners[index].id.clone());
}

/// Moves the selection `delta` cards within the column (j/k).
pub fn move_card(app: &mut App, delta: i64) {
    let columns = columns(app);
    let Some(column) = columns.get(app.pipeline.column) else {
        return;
    };
    if column.cards.is_empty() {
        return;
    }
    let row = selected_position(app, &columns).map_or(0, |(_, row)| row);
    let target = (row as i64)
        .saturating_add(delta)
        .clamp(0, column.cards.len() as i64 - 1) as usize;
    app.pipeline.selected = Some(app.partners[column.cards[target]].id.clone());
}
