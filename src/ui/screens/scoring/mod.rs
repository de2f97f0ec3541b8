//! The Scoring tab: the matrix of candidates by criteria with the weights row under
//! the headers, each weighted score with its coverage, the rank and how far it moved
//! since the tab was entered; the name column stays while the criteria scroll
//! sideways. Under it, a panel about the selection (the criterion's description, the
//! cell's evidence) or the list of retired criteria. `v` swaps in the comparison.

mod compare;
mod panel;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::Data;
use crate::app::screens::ScoringScreen;
use crate::app::screens::scoring::{Matrix, Mode, Row, Sort, weight_text};
use crate::domain::Criterion;
use crate::domain::scoring::score_for;
use crate::text::{fit, truncate, width};
use crate::ui::theme::Theme;
use crate::ui::widgets::filter;

/// Marks before the name: the selection `›` and the comparison mark `✓`.
const MARKS: u16 = 2;
/// A criterion column at its narrowest and widest.
const MIN_CELL: u16 = 6;
const MAX_CELL: u16 = 14;
/// The rank and its move: "12 ▲3".
const RANK: u16 = 6;
/// Header lines (the criterion's name on two) and the weights row.
const HEAD: u16 = 3;

/// What every part of the matrix reads.
struct View<'a> {
    screen: &'a ScoringScreen,
    data: &'a Data,
    matrix: &'a Matrix,
    criteria: Vec<&'a Criterion>,
    theme: Theme,
}

/// Where the columns go across the inside of the matrix.
#[derive(Debug, Clone, Copy)]
struct Columns {
    name: u16,
    cell: u16,
    /// The first criterion shown and how many fit.
    first: usize,
    shown: usize,
    score: u16,
}

pub fn render(screen: &ScoringScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    if area.width < 3 || area.height < 3 {
        return;
    }
    let matrix = screen.matrix(data);
    let view = View {
        screen,
        data,
        criteria: matrix.criteria(),
        matrix: &matrix,
        theme,
    };
    if screen.mode() == Mode::Compare {
        compare::render(&view, frame, area);
        return;
    }
    // The matrix takes what its rows need; the panel has the rest (at least its
    // own height), so a short list leaves room for the evidence.
    let panel_height = panel::height(&view, area.height);
    let cols = columns(&view, area.width.saturating_sub(2));
    let wanted = HEAD as usize + body_lines(&view, &cols).len().max(2) + 2;
    let panel_height = match panel_height {
        0 => 0,
        least => area.height - (wanted as u16).min(area.height - least),
    };
    let [top, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(panel_height)]).areas(area);
    render_matrix(&view, frame, top);
    if panel_height > 0 {
        panel::render(&view, frame, bottom);
    }
}

/// The criteria columns' geometry for an inside `inner` wide.
fn columns(view: &View, inner: u16) -> Columns {
    let count = view.criteria.len();
    let score = view
        .matrix
        .rows
        .iter()
        .map(|row| width(&row.score.label()) as u16)
        .chain([width("Score") as u16, 9])
        .max()
        .unwrap_or(9);
    let longest = (view.matrix.widest_name as u16).max(9);
    let name = longest.min(28).min((inner / 4).max(12));
    // Name and marks, the scroll marks either side of the criteria, the score and
    // the rank, a space between each.
    let fixed = MARKS + name + 1 + 2 + 1 + score + 1 + RANK;
    let room = inner.saturating_sub(fixed);
    let cell = if count == 0 {
        MIN_CELL
    } else {
        (room / count as u16).clamp(MIN_CELL, MAX_CELL)
    };
    let fits = ((room / cell) as usize).min(count);
    // What the criteria leave over lengthens a name that was cut.
    let spare = room.saturating_sub(cell * fits as u16);
    let name = name + spare.min(longest.min(40).saturating_sub(name));
    let selected = view
        .screen
        .column()
        .and_then(|id| view.criteria.iter().position(|c| c.id == id));
    let first = match selected {
        Some(at) if fits > 0 && at >= fits => at + 1 - fits,
        _ => 0,
    };
    Columns {
        name,
        cell,
        first,
        shown: fits,
        score,
    }
}

fn render_matrix(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let screen = view.screen;
    let matrix = view.matrix;
    let inner_width = area.width.saturating_sub(2);
    let cols = columns(view, inner_width);

    let noun = if screen.all { "partners" } else { "candidates" };
    let mut title = vec![Span::styled(
        format!(
            " Scoring · {} {noun} · {} ",
            matrix.pool,
            screen.sort.label()
        ),
        theme.heading(),
    )];
    title.extend(filter::spans(
        &screen.filter,
        matrix.rows.len(),
        matrix.pool,
        theme,
    ));
    if screen.filter.is_typing() {
        title.push(Span::raw(" "));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focused_border());
    if cols.shown < view.criteria.len() {
        block = block.title_bottom(Line::styled(
            format!(
                " criteria {}–{} of {} (h/l) ",
                cols.first + 1,
                cols.first + cols.shown,
                view.criteria.len()
            ),
            theme.dim(),
        ));
    }
    let inner = block.inner(area);

    let lines = body_lines(view, &cols);
    let room = inner.height.saturating_sub(HEAD) as usize;
    let selected_line = lines
        .iter()
        .position(
            |line| matches!(line, BodyLine::Row(row) if Some(row.id.as_str()) == screen.selected()),
        )
        .unwrap_or(0);
    let start = if selected_line < room {
        0
    } else {
        selected_line + 1 - room
    };
    let below = lines.len().saturating_sub(start + room);
    if below > 0 {
        block = block.title_bottom(
            Line::styled(format!(" {below} more below (j) "), theme.dim()).right_aligned(),
        );
    }
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let mut out: Vec<Line> = header(view, &cols);
    out.push(weights_row(view, &cols));
    if matrix.rows.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            truncate(&format!("  {}", empty_text(view)), inner_width as usize),
            theme.dim(),
        ));
    }
    for line in lines.iter().skip(start).take(room) {
        out.push(match line {
            BodyLine::Row(row) => row_line(view, &cols, row),
            BodyLine::Separator(text) => {
                Line::styled(truncate(text, inner_width as usize), theme.dim())
            }
        });
    }
    for (offset, line) in out.into_iter().enumerate().take(inner.height as usize) {
        let y = inner.y + offset as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}

/// What the matrix says when it has no rows.
fn empty_text(view: &View) -> String {
    if view.screen.filter.is_active() {
        "nothing matches the filter (Esc clears it)".to_string()
    } else if view.screen.all {
        "no partners yet: add one on the Pipeline (2)".to_string()
    } else {
        "no candidates: no partner is in a stage for choosing partners (A shows all partners)"
            .to_string()
    }
}

/// A line of the matrix under the headers.
enum BodyLine<'a> {
    Row(&'a Row),
    Separator(String),
}

/// The rows, with a line between the complete scores and the partial or missing
/// ones when sorted by score: nothing partial ranks above a complete one unmarked.
fn body_lines<'a>(view: &View<'a>, cols: &Columns) -> Vec<BodyLine<'a>> {
    let mut lines = Vec::new();
    let mut separated = false;
    for row in &view.matrix.rows {
        let behind = row.score.is_partial() || row.score.value.is_none();
        if view.screen.sort == Sort::Score && behind && !separated {
            separated = true;
            let pad = " ".repeat((MARKS + cols.name.min(4)) as usize);
            lines.push(BodyLine::Separator(format!(
                "{pad}── fewer than half the criteria scored: ranked after the others ──"
            )));
        }
        lines.push(BodyLine::Row(row));
    }
    lines
}

/// The visible criteria, with their index among all of them.
fn shown<'a>(view: &View<'a>, cols: &Columns) -> impl Iterator<Item = (usize, &'a Criterion)> {
    view.criteria
        .clone()
        .into_iter()
        .enumerate()
        .skip(cols.first)
        .take(cols.shown)
}

/// `‹` when criteria are hidden to the left, `›` to the right.
fn scroll_marks(view: &View, cols: &Columns) -> (&'static str, &'static str) {
    let left = if cols.first > 0 { "‹" } else { " " };
    let right = if cols.first + cols.shown < view.criteria.len() {
        "›"
    } else {
        " "
    };
    (left, right)
}

/// The two header lines: each criterion's name over two lines, then Score, Rank.
fn header(view: &View, cols: &Columns) -> Vec<Line<'static>> {
    let theme = view.theme;
    let text = cols.cell.saturating_sub(1) as usize;
    let (left, right) = scroll_marks(view, cols);
    let mut lines = Vec::new();
    for part in 0..2 {
        let mut spans = vec![Span::styled(
            fit(
                if part == 0 {
                    if view.screen.all {
                        "  Partner"
                    } else {
                        "  Candidate"
                    }
                } else {
                    ""
                },
                (MARKS + cols.name + 1) as usize,
            ),
            theme.dim(),
        )];
        spans.push(Span::styled(left, theme.key()));
        if view.criteria.is_empty() && part == 0 {
            spans.push(Span::styled("no criteria: w, then a adds one", theme.dim()));
        }
        for (_, criterion) in shown(view, cols) {
            let (first, second) = two_lines(&criterion.name, text);
            let label = if part == 0 { first } else { second };
            let selected = view.screen.column() == Some(criterion.id.as_str());
            let style = if selected {
                theme.title().add_modifier(Modifier::UNDERLINED)
            } else {
                theme.heading()
            };
            spans.push(Span::styled(centre(&label, text), style));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(right, theme.key()));
        pad_to_right_side(view, cols, &mut spans);
        if part == 0 {
            spans.push(Span::styled(
                fit("Score", cols.score as usize),
                theme.heading(),
            ));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(fit("Rank", RANK as usize), theme.heading()));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// Spaces up to where the score column starts, whatever the criteria took.
fn pad_to_right_side(view: &View, cols: &Columns, spans: &mut Vec<Span<'static>>) {
    let used: usize = spans.iter().map(|span| width(&span.content)).sum();
    let criteria = if view.criteria.is_empty() {
        0
    } else {
        (cols.cell as usize) * cols.shown
    };
    let target = (MARKS + cols.name + 1) as usize + 2 + criteria.max(cols.cell as usize) + 1;
    spans.push(Span::raw(" ".repeat(target.saturating_sub(used))));
}

/// A criterion's name on two lines of `width`: word by word when each line's words
/// fit; else, when the whole name fits in the two lines, split with a hyphen
/// ("Strateg-" over "ic fit", "Expe-" over "rtise") rather than losing letters;
/// else the first word over the rest, each cut to fit (ending in "." where there
/// is room to say so). The panel under the matrix shows the name in full.
fn two_lines(name: &str, width: usize) -> (String, String) {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.collect::<Vec<_>>().join(" ");
    let fits = |text: &str| crate::text::width(text) <= width;
    if fits(first) && fits(&rest) {
        // A short first word and the next fit on one line: "Track record" stays whole.
        let joined = format!("{first} {rest}");
        if !rest.is_empty() && !rest.contains(' ') && fits(&joined) {
            return (joined, String::new());
        }
        return (first.to_string(), rest);
    }
    let whole = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = whole.chars().collect();
    if width >= 4 && chars.len() < 2 * width && chars.iter().all(|c| c.len_utf8() == 1) {
        let head: String = chars[..width - 1].iter().collect();
        let tail: String = chars[width - 1..].iter().collect();
        // Split at a space, no hyphen is needed.
        return if head.ends_with(' ') || tail.starts_with(' ') {
            (head.trim_end().to_string(), tail.trim_start().to_string())
        } else {
            (format!("{head}-"), tail)
        };
    }
    // A cut word ends in "." where there is room to say it was cut.
    let cut = |text: &str| {
        if fits(text) || width < 6 {
            text.chars().take(width).collect::<String>()
        } else {
            let kept: String = text.chars().take(width - 1).collect();
            format!("{kept}.")
        }
    };
    (cut(first), cut(&rest))
}

/// `text` centred in `columns`.
fn centre(text: &str, columns: usize) -> String {
    let text = truncate(text, columns);
    let spare = columns.saturating_sub(width(&text));
    let left = spare / 2;
    format!("{}{text}{}", " ".repeat(left), " ".repeat(spare - left))
}

/// The weights under the headers; tried weights stand out, the selected one on the
/// weights row is highlighted.
fn weights_row(view: &View, cols: &Columns) -> Line<'static> {
    let theme = view.theme;
    let screen = view.screen;
    let on_weights = screen.mode() == Mode::Weights;
    let text = cols.cell.saturating_sub(1) as usize;
    let label = if on_weights { "› weight" } else { "  weight" };
    let mut spans = vec![Span::styled(
        fit(label, (MARKS + cols.name + 1) as usize),
        if on_weights {
            theme.title()
        } else {
            theme.dim()
        },
    )];
    let (left, right) = scroll_marks(view, cols);
    spans.push(Span::styled(left, theme.key()));
    let stored = |id: &str| {
        view.data
            .workspace
            .criterion(id)
            .map_or(0.0, |criterion| criterion.weight)
    };
    for (_, criterion) in shown(view, cols) {
        let before = stored(&criterion.id);
        let tried = criterion.weight != before;
        let shown_weight = weight_text(criterion.weight);
        let label = if tried {
            let both = format!("{}→{}", weight_text(before), shown_weight);
            if width(&both) <= text {
                both
            } else {
                shown_weight
            }
        } else {
            shown_weight
        };
        let selected = on_weights && screen.column() == Some(criterion.id.as_str());
        let style = match (selected, tried) {
            (true, _) => theme.selected().add_modifier(Modifier::BOLD),
            (false, true) => theme.tried(),
            (false, false) => theme.text(),
        };
        spans.push(Span::styled(centre(&label, text), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(right, theme.key()));
    pad_to_right_side(view, cols, &mut spans);
    if !screen.trial_changes(view.data).is_empty() {
        spans.push(Span::styled("trial, unsaved", theme.tried()));
    }
    Line::from(spans)
}

fn row_line(view: &View, cols: &Columns, row: &Row) -> Line<'static> {
    let theme = view.theme;
    let screen = view.screen;
    let partner = row.partner(view.data);
    let is_selected = screen.selected() == Some(row.id.as_str());
    let in_matrix = screen.mode() == Mode::Matrix;
    let marked = screen.marked().contains(&row.id);
    let mut spans = vec![
        Span::styled(
            if is_selected && in_matrix { "›" } else { " " },
            theme.title(),
        ),
        Span::styled(if marked { "✓" } else { " " }, theme.key()),
    ];
    let name_style = match (is_selected, screen.column().is_none() && in_matrix) {
        (true, true) => theme.selected(),
        (true, false) => theme.title(),
        _ => theme.text(),
    };
    spans.push(Span::styled(
        fit(&partner.name, cols.name as usize),
        name_style,
    ));
    spans.push(Span::raw("  "));
    let text = cols.cell.saturating_sub(1) as usize;
    for (_, criterion) in shown(view, cols) {
        let score = score_for(&partner.scores, &criterion.id);
        let label = match score {
            Some(score) if score.evidence.trim().is_empty() => score.score.to_string(),
            Some(score) => format!("{}*", score.score),
            None => "·".to_string(),
        };
        let cell_selected =
            is_selected && in_matrix && screen.column() == Some(criterion.id.as_str());
        let style = match (cell_selected, score) {
            (true, _) => theme.selected().add_modifier(Modifier::BOLD),
            (false, Some(score)) => theme.score(score.score),
            (false, None) => theme.dim(),
        };
        spans.push(Span::styled(centre(&label, text), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(" "));
    pad_to_right_side(view, cols, &mut spans);
    let behind = row.score.is_partial() || row.score.value.is_none();
    spans.push(Span::styled(
        fit(&row.score.label(), cols.score as usize),
        if behind { theme.dim() } else { theme.text() },
    ));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(format!("{:>2}", row.rank), theme.text()));
    spans.extend(moved(row.moved, theme));
    Line::from(spans)
}

/// "▲2" (up) or "▼1" (down); nothing when the rank stayed.
fn moved(places: Option<i64>, theme: Theme) -> Option<Span<'static>> {
    match places {
        Some(up) if up > 0 => Some(Span::styled(format!(" ▲{up}"), theme.good())),
        Some(down) if down < 0 => Some(Span::styled(format!(" ▼{}", -down), theme.bad())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::two_lines;

    #[test]
    fn a_criterion_name_reads_word_by_word_over_two_lines() {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(two_lines("Strategic fit", 5), pair("Strat", "fit"));
        assert_eq!(two_lines("Expertise", 5), pair("Expe-", "rtise"));
        assert_eq!(
            two_lines("Innovation potential", 8),
            pair("Innovat.", "potenti.")
        );
        assert_eq!(two_lines("Track record", 12), pair("Track record", ""));
        assert_eq!(two_lines("Strategic fit", 13), pair("Strategic fit", ""));
        assert_eq!(
            two_lines("Financial stability", 10),
            pair("Financial", "stability")
        );
        assert_eq!(two_lines("Reach", 5), pair("Reach", ""));
    }
}
