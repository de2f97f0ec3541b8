//! The panel under the matrix: what the selection is about, in full — the
//! criterion's name, weight and description and the cell's evidence with who scored
//! it and when; the candidate's score explained on the name column; the trial on
//! the weights row; the retired criteria and their scores in that list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::View;
use crate::app::screens::scoring::{Mode, weight_text};
use crate::domain::scoring::{effective_weight, score_for};
use crate::text::truncate;

/// Lines the panel takes from `height`: none when the matrix needs them all.
pub fn height(view: &View, height: u16) -> u16 {
    if height < 12 {
        return 0;
    }
    let wanted = match view.screen.mode() {
        Mode::Retired => view.screen.retired_criteria(view.data).len() as u16 + 4,
        _ => 6,
    };
    wanted.clamp(5, (height / 2).max(5))
}

pub fn render(view: &View, frame: &mut Frame, area: Rect) {
    let (title, lines) = match view.screen.mode() {
        Mode::Retired => retired(view, area.width),
        Mode::Weights => weights(view),
        _ => match view.screen.column() {
            Some(criterion) => cell(view, criterion),
            None => candidate(view),
        },
    };
    let block = Block::bordered()
        .title(Span::styled(
            truncate(&format!(" {title} "), area.width.saturating_sub(4) as usize),
            view.theme.heading(),
        ))
        .border_style(view.theme.border());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// "weight 3 of 14 (21%)": a criterion's weight against the sum of all of them.
fn weight_share(view: &View, id: &str) -> String {
    let total: f64 = view.criteria.iter().map(|c| effective_weight(c)).sum();
    let Some(criterion) = view.criteria.iter().find(|c| c.id == id) else {
        return String::new();
    };
    let weight = effective_weight(criterion);
    if total > 0.0 {
        format!(
            "weight {} of {} ({:.0}%)",
            weight_text(weight),
            weight_text(total),
            weight / total * 100.0
        )
    } else {
        format!(
            "weight {}: no criterion has weight yet",
            weight_text(weight)
        )
    }
}

fn description(view: &View, id: &str) -> Line<'static> {
    let text = view
        .data
        .workspace
        .criterion(id)
        .map_or(String::new(), |c| c.description.clone());
    if text.trim().is_empty() {
        Line::styled(
            "no description yet (w, then e, describes it)",
            view.theme.dim(),
        )
    } else {
        Line::styled(text, view.theme.dim())
    }
}

/// On a score cell: the criterion in full, then the score's evidence.
fn cell(view: &View, id: &str) -> (String, Vec<Line<'static>>) {
    let theme = view.theme;
    let name = view.data.workspace.criterion_name(id).to_string();
    let title = format!("{name} · {}", weight_share(view, id));
    let mut lines = vec![description(view, id)];
    let Some(partner) = view
        .screen
        .selected()
        .and_then(|selected| view.data.partner_data(selected))
    else {
        return (title, lines);
    };
    match score_for(&partner.scores, id) {
        None => lines.push(Line::from(vec![
            Span::styled(format!("{}: ", partner.name), theme.title()),
            Span::styled(
                "not scored · + or - starts at 3, Enter scores it with evidence",
                theme.dim(),
            ),
        ])),
        Some(score) => {
            let who = match (score.by.as_str(), score.on) {
                ("", None) => String::new(),
                ("", Some(on)) => format!(" · scored on {on}"),
                (by, None) => format!(" · scored by {}", view.data.workspace.member_name(by)),
                (by, Some(on)) => format!(
                    " · scored by {} on {on}",
                    view.data.workspace.member_name(by)
                ),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", partner.name), theme.title()),
                Span::styled(score.score.to_string(), theme.score(score.score)),
                Span::styled(format!(" of 5{who}"), theme.dim()),
            ]));
            if score.evidence.trim().is_empty() {
                lines.push(Line::styled(
                    "no evidence yet (Enter adds it: why this score, with a source or a date)",
                    theme.dim(),
                ));
            } else {
                lines.extend(
                    score
                        .evidence
                        .lines()
                        .map(|line| Line::raw(line.to_string())),
                );
            }
        }
    }
    (title, lines)
}

/// On the name column: the candidate's score explained and where it stands.
fn candidate(view: &View) -> (String, Vec<Line<'static>>) {
    let theme = view.theme;
    let Some(row) = view
        .screen
        .selected()
        .and_then(|selected| view.matrix.row(selected))
    else {
        return ("Scoring".to_string(), Vec::new());
    };
    let partner = row.partner(view.data);
    let workspace = &view.data.workspace;
    let mut about = vec![workspace.stage_name(&partner.stage).to_string()];
    if !partner.kind.is_empty() {
        about.push(partner.kind.clone());
    }
    if !partner.owner.is_empty() {
        about.push(format!("owner {}", workspace.member_name(&partner.owner)));
    }
    let moved = match row.moved {
        Some(up) if up > 0 => format!(", up {up} since you came to the tab"),
        Some(down) if down < 0 => format!(", down {} since you came to the tab", -down),
        _ => String::new(),
    };
    let lines = vec![
        Line::styled(about.join(" · "), theme.dim()),
        Line::raw(format!(
            "{}; rank {} of {}{moved}",
            row.score.explain(),
            row.rank,
            view.matrix.pool
        )),
        Line::styled(
            "Enter opens the partner · l goes to the scores",
            theme.dim(),
        ),
    ];
    (partner.name.clone(), lines)
}

/// On the weights row: the criterion, and the weights being tried.
fn weights(view: &View) -> (String, Vec<Line<'static>>) {
    let theme = view.theme;
    let changes = view.screen.trial_changes(view.data);
    let mut lines = Vec::new();
    let title = match view.screen.column() {
        Some(id) => {
            lines.push(description(view, id));
            format!(
                "Weights · {} · {}",
                view.data.workspace.criterion_name(id),
                weight_share(view, id)
            )
        }
        None => "Weights · no criteria yet: a adds one".to_string(),
    };
    if changes.is_empty() {
        lines.push(Line::styled(
            "+/- try a weight: the ranks and their moves follow at once; nothing is saved until Enter. d retires the criterion, </> move it, r lists the retired ones.",
            theme.dim(),
        ));
    } else {
        let tried: Vec<String> = changes
            .iter()
            .map(|(_, w)| format!("{} {} → {}", w.name, weight_text(w.from), weight_text(w.to)))
            .collect();
        lines.push(Line::from(vec![
            Span::styled("Trying ", theme.tried()),
            Span::raw(tried.join(", ")),
        ]));
        lines.push(Line::styled(
            "Enter saves them to workspace.ron (one undo step) · Esc drops them",
            theme.dim(),
        ));
    }
    (title, lines)
}

/// The retired criteria, each with the scores the partner files keep for it.
fn retired(view: &View, width: u16) -> (String, Vec<Line<'static>>) {
    let theme = view.theme;
    let list = view.screen.retired_criteria(view.data);
    let mut lines = Vec::new();
    for criterion in &list {
        let (scores, files) = view.data.partners.iter().fold((0, 0), |(s, f), file| {
            let held = file
                .partner
                .scores
                .iter()
                .filter(|score| score.criterion == criterion.id)
                .count();
            (s + held, f + usize::from(held > 0))
        });
        let held = match scores {
            0 => "no scores".to_string(),
            1 => "1 score in 1 partner file".to_string(),
            n => format!("{n} scores in {files} partner files"),
        };
        let selected = view.screen.retired_selected() == Some(criterion.id.as_str());
        let text = format!(
            "{} {} · weight {} · {held}",
            if selected { "›" } else { " " },
            criterion.name,
            weight_text(criterion.weight)
        );
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        lines.push(Line::styled(
            truncate(&text, width.saturating_sub(2) as usize),
            style,
        ));
    }
    lines.push(Line::styled(
        "Enter restores it with its scores · d drops its scores for good",
        theme.dim(),
    ));
    (format!("Retired criteria ({})", list.len()), lines)
}
