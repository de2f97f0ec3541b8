//! The marked candidates side by side (`v`): per criterion each one's score, the
//! points it brings to the weighted score and who leads, with the evidence under
//! it; the weighted score with its coverage and the rank on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::View;
use crate::app::screens::scoring::weight_text;
use crate::domain::Partner;
use crate::domain::scoring::{Contribution, WeightedScore, contributions, weighted_score};
use crate::text::{fit, truncate, width, wrap};

/// One compared candidate.
struct Column<'a> {
    partner: &'a Partner,
    score: WeightedScore,
    rank: Option<usize>,
    parts: Vec<Contribution<'a>>,
}

pub fn render(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let mut columns: Vec<Column> = view
        .screen
        .marked()
        .iter()
        .filter_map(|id| {
            let partner = view.data.partner_data(id)?;
            Some(Column {
                partner,
                score: weighted_score(&partner.scores, &view.matrix.all_criteria),
                rank: view.matrix.row(id).map(|row| row.rank),
                parts: contributions(&partner.scores, &view.matrix.all_criteria),
            })
        })
        .collect();
    // Best first, as the ranking has them; those the matrix does not show last.
    columns.sort_by_key(|column| column.rank.unwrap_or(usize::MAX));

    let block = Block::bordered()
        .title(Span::styled(
            format!(" Compare · {} candidates ", columns.len()),
            theme.heading(),
        ))
        .title_bottom(
            Line::styled(
                " ● leads on the criterion · pts: its part of the 0–100 score ",
                theme.dim(),
            )
            .right_aligned(),
        )
        .border_style(theme.focused_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 || columns.is_empty() {
        return;
    }

    let label = (inner.width / 4).clamp(14, 26).min(inner.width);
    let each = (inner.width.saturating_sub(label) / columns.len() as u16).max(1) as usize;
    let text = each.saturating_sub(2);
    let label_text = label.saturating_sub(3) as usize;

    let mut head = vec![
        Line::from(
            std::iter::once(Span::raw(fit("", label as usize)))
                .chain(columns.iter().map(|column| {
                    Span::styled(
                        fit(&column.partner.name, each.saturating_sub(1)) + " ",
                        theme.title(),
                    )
                }))
                .collect::<Vec<_>>(),
        ),
        Line::from(
            std::iter::once(Span::styled(
                fit("  score · rank", label.saturating_sub(1) as usize) + " ",
                theme.dim(),
            ))
            .chain(columns.iter().map(|column| {
                let rank = column
                    .rank
                    .map_or("–".to_string(), |rank| format!("#{rank}"));
                let behind = column.score.is_partial() || column.score.value.is_none();
                let partial = if column.score.is_partial() {
                    " partial"
                } else {
                    ""
                };
                Span::styled(
                    fit(&format!("{}  {rank}{partial}", column.score.label()), each),
                    if behind { theme.dim() } else { theme.text() },
                )
            }))
            .collect::<Vec<_>>(),
        ),
    ];
    head.push(Line::styled(
        "─".repeat(inner.width as usize),
        theme.border(),
    ));

    // Evidence lines under each criterion: more when there is room.
    let extra = if inner.height >= 30 { 3 } else { 2 };
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for (index, criterion) in view.criteria.iter().enumerate() {
        let selected = index == view.screen.compare_row();
        let best = columns
            .iter()
            .filter_map(|column| column.parts.get(index)?.score.map(|s| s.score))
            .max();
        let mut first = vec![Span::styled(
            fit(
                &format!(
                    "{}{} ×{}",
                    if selected { "› " } else { "  " },
                    criterion.name,
                    weight_text(criterion.weight)
                ),
                label.saturating_sub(1) as usize,
            ) + " ",
            if selected {
                theme.selected()
            } else {
                theme.heading()
            },
        )];
        for column in &columns {
            let part = column.parts.get(index);
            match part.and_then(|part| part.score) {
                None => first.push(Span::styled(fit("·  not scored", each), theme.dim())),
                Some(score) => {
                    let mark = if score.evidence.trim().is_empty() {
                        ""
                    } else {
                        "*"
                    };
                    let points = part
                        .and_then(|part| part.points)
                        .map_or(String::new(), |points| format!("  {points:.1} pts"));
                    let leads = if Some(score.score) == best {
                        " ●"
                    } else {
                        ""
                    };
                    let shown = format!("{}{mark}", score.score);
                    let rest = format!("{points}{leads}");
                    first.push(Span::styled(shown.clone(), theme.score(score.score)));
                    first.push(Span::styled(
                        fit(&rest, each.saturating_sub(width(&shown))),
                        if leads.is_empty() {
                            theme.text()
                        } else {
                            theme.text().add_modifier(Modifier::BOLD)
                        },
                    ));
                }
            }
        }
        let mut lines = vec![Line::from(first)];
        let description = wrap(&criterion.description, label_text);
        let evidence: Vec<Vec<String>> = columns
            .iter()
            .map(|column| {
                column
                    .parts
                    .get(index)
                    .and_then(|part| part.score)
                    .map_or_else(Vec::new, |score| wrap(&score.evidence, text))
            })
            .collect();
        for line in 0..extra {
            let mut spans = vec![Span::styled(
                fit(
                    &format!("  {}", cut_last(&description, line, extra, label_text)),
                    label.saturating_sub(1) as usize,
                ) + " ",
                theme.dim(),
            )];
            for lines in &evidence {
                spans.push(Span::styled(
                    fit(&cut_last(lines, line, extra, text), each),
                    theme.dim(),
                ));
            }
            if spans.iter().any(|span| !span.content.trim().is_empty()) {
                lines.push(Line::from(spans));
            }
        }
        blocks.push(lines);
    }

    // Scroll so the selected criterion's lines are all on screen.
    let room = inner.height.saturating_sub(head.len() as u16) as usize;
    let selected = view
        .screen
        .compare_row()
        .min(blocks.len().saturating_sub(1));
    let end_of_selected: usize = blocks.iter().take(selected + 1).map(Vec::len).sum();
    let mut skip_blocks = 0;
    let mut skipped = 0;
    while end_of_selected - skipped > room && skip_blocks < selected {
        skipped += blocks[skip_blocks].len();
        skip_blocks += 1;
    }
    let body = blocks.into_iter().skip(skip_blocks).flatten();
    for (offset, line) in head
        .into_iter()
        .chain(body)
        .enumerate()
        .take(inner.height as usize)
    {
        frame.render_widget(
            line,
            Rect::new(inner.x, inner.y + offset as u16, inner.width, 1),
        );
    }
}

/// Line `at` of `lines` for a space of `room` lines: the last one that fits says
/// "…" when more was cut.
fn cut_last(lines: &[String], at: usize, room: usize, columns: usize) -> String {
    let Some(line) = lines.get(at) else {
        return String::new();
    };
    if at + 1 == room && lines.len() > room {
        return truncate(&format!("{line} …"), columns);
    }
    truncate(line, columns)
}
