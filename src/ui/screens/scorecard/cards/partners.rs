//! Who is on the Scorecard: the partner as a header line (and, at 120 columns and
//! wider, its health explained), and the partner list beside the scorecard —
//! partners with KPIs first, those without dimmed after them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::super::scroll_to;
use super::View;
use crate::app::Data;
use crate::app::screens::scorecard::partners;
use crate::domain::health::HealthBand;
use crate::store::PartnerFile;
use crate::text::{fit, truncate, width};
use crate::ui::theme::band_symbol;

/// "◐ 40 from 100 of 100 points", or the stage of a partner not judged.
pub(super) fn health_text(data: &Data, file: &PartnerFile) -> (String, HealthBand) {
    let Some(figures) = data.figures(&file.id) else {
        return (String::new(), HealthBand::NotStarted);
    };
    let band = figures.health.band();
    let text = match figures.health.score {
        Some(score) => format!(
            "{} health {score} from {} of 100 points",
            band_symbol(band),
            figures.health.basis
        ),
        // The stage is named beside it already: say only what closed means here.
        None if data.workspace.is_closed_stage(&file.partner.stage) => {
            "no health score (closed)".to_string()
        }
        None => "health not judged yet".to_string(),
    };
    (text, band)
}

/// At 80 columns: "Cobalt Works · Active · ◐ health 40 from 100 of 100 points   3/4 [ ]".
pub(super) fn render_narrow_header(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let order = partners(view.data);
    let place = order
        .iter()
        .position(|f| f.id == file.id)
        .map_or(0, |i| i + 1);
    let right = format!(" {place}/{} [ ] ", order.len());
    let (health, band) = health_text(view.data, file);
    let stage = view.data.workspace.stage_name(&file.partner.stage);
    let room = (area.width as usize).saturating_sub(width(&right));
    let name = truncate(&file.partner.name, room.saturating_sub(4).min(32));
    let rest = room.saturating_sub(width(&name) + 1);
    let after = truncate(&format!(" · {stage} · {health}"), rest);
    let used = 1 + width(&name) + width(&after);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(name, theme.title()),
        Span::styled(after, theme.band(band)),
        Span::raw(" ".repeat(room.saturating_sub(used))),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(line, area);
}

/// Wide: the partner's name, kind, stage and owner; its health explained.
pub(super) fn render_wide_header(view: &View, file: &PartnerFile, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let data = view.data;
    let p = &file.partner;
    let columns = area.width as usize;
    let kind = if p.kind.is_empty() { "—" } else { &p.kind };
    let first = truncate(
        &format!(
            " · {kind} · {} · {}",
            data.workspace.stage_name(&p.stage),
            crate::ui::screens::detail::owner_phrase(data, &p.owner)
        ),
        columns.saturating_sub(width(&p.name) + 1),
    );
    let (health, band) = health_text(data, file);
    // "health 72: KPIs 30/40, …" read as "… health 72 from 85 of 100 points: KPIs …".
    let parts = data
        .figures(&file.id)
        .filter(|f| f.health.score.is_some())
        .and_then(|f| {
            f.health
                .explain()
                .split_once(": ")
                .map(|(_, parts)| format!(": {parts}"))
        })
        .unwrap_or_default();
    let second = truncate(&format!(" {health}{parts}"), columns);
    let lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(p.name.clone(), theme.title()),
            Span::styled(first, theme.text()),
        ]),
        Line::styled(second, theme.band(band)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The partner list: those with KPIs, then those without (dimmed, with a hint).
pub(super) fn render_partner_list(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let data = view.data;
    let block = Block::bordered()
        .title(Span::styled(" Partners [ ] ", theme.heading()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let columns = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected = (0, 0);
    let mut heading_done = false;
    for file in partners(data) {
        let p = &file.partner;
        let without = p.kpis.is_empty();
        if without && !heading_done {
            heading_done = true;
            lines.push(Line::styled(
                truncate(" Without KPIs (a adds one)", columns),
                theme.dim(),
            ));
        }
        let is_selected = view.screen.partner_id() == Some(file.id.as_str());
        let start = lines.len();
        let marker = if is_selected { "›" } else { " " };
        let closed = data.workspace.is_closed_stage(&p.stage);
        let (symbol, band, score) = match data.figures(&file.id) {
            // A paused or ended partner shows its stage, not a health.
            Some(_) if closed => ("·", HealthBand::NotStarted, String::new()),
            Some(f) => {
                let band = f.health.band();
                let score = f.health.score.map_or("not judged".to_string(), |s| {
                    format!("{s} from {} pts", f.health.basis)
                });
                (band_symbol(band), band, score)
            }
            None => ("·", HealthBand::NotStarted, "–".to_string()),
        };
        let name_style = match (is_selected, without) {
            (true, _) => theme.selected(),
            (false, true) => theme.dim(),
            (false, false) => theme.title(),
        };
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(format!("{symbol} "), theme.band(band)),
            Span::styled(fit(&p.name, columns.saturating_sub(3)), name_style),
        ]));
        let stage = data.workspace.stage_name(&p.stage);
        let second = if without || closed {
            format!("   {stage}")
        } else {
            format!("   {score} · {stage}")
        };
        lines.push(Line::styled(truncate(&second, columns), theme.dim()));
        if is_selected {
            selected = (start, lines.len());
        }
    }
    let rows = inner.height as usize;
    let offset = scroll_to(selected.0, selected.1, rows, lines.len());
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
