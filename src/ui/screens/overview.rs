//! The Overview tab, the meeting glance: portfolio health, partners per stage, the
//! attention list (most urgent first, with the rule behind each item) and the next
//! 14 days. Narrow terminals get the attention list first; wide ones get it all.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::Data;
use crate::app::screens::OverviewScreen;
use crate::domain::attention::{AttentionItem, Severity, Upcoming};
use crate::domain::dates::days_between;
use crate::domain::portfolio::UPCOMING_DAYS;
use crate::text::{fit, fit_right, truncate, width};
use crate::ui::theme::{Theme, band_symbol};
use crate::ui::widgets::filter;

/// What every part of the Overview reads.
struct View<'a> {
    screen: &'a OverviewScreen,
    data: &'a Data,
    theme: Theme,
    /// The attention items the filter lets through.
    items: Vec<&'a AttentionItem>,
}

/// From this width the Overview uses two columns.
const WIDE: u16 = 120;

pub fn render(screen: &OverviewScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    let view = View {
        screen,
        data,
        theme,
        items: screen.visible(data),
    };
    if area.width >= WIDE && area.height >= 20 {
        render_wide(&view, frame, area);
    } else {
        render_narrow(&view, frame, area);
    }
}

fn render_narrow(view: &View, frame: &mut Frame, area: Rect) {
    // The next 14 days: a panel when the terminal is tall, else its first few
    // entries under the list (a heading and three lines at 80x24).
    let upcoming = match area.height {
        34.. => 10,
        20.. => 1 + view.data.summary.upcoming.len().clamp(1, 3) as u16,
        _ => 0,
    };
    let stages = stage_summary(view, area.width as usize);
    let [header, attention, why, next] = Layout::vertical([
        Constraint::Length(1 + stages.len() as u16),
        Constraint::Min(3),
        Constraint::Length(match area.height {
            // The rule in full when it is long (an early warning's trend), still
            // leaving the list three rows.
            20.. => why_height(view, area.width).clamp(5, 7),
            12.. => 4,
            _ => 0,
        }),
        Constraint::Length(upcoming),
    ])
    .areas(area);
    let [health_line, stage_lines] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(header);
    frame.render_widget(health_summary(view), health_line);
    frame.render_widget(Paragraph::new(stages), stage_lines);
    render_attention(view, frame, attention);
    render_why(view, frame, why);
    match upcoming {
        10 => render_upcoming(view, frame, next),
        1.. => render_upcoming_compact(view, frame, next),
        0 => {}
    }
}

/// Wide: the attention list, the rule behind the selected item and the next 14 days
/// down the left, with room for each entry's partner, kind and what; the portfolio's
/// health and its partners per stage on the right.
fn render_wide(view: &View, frame: &mut Frame, area: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(66), Constraint::Percentage(34)]).areas(area);
    let entries = view.data.summary.upcoming.len().clamp(1, 12) as u16;
    let [attention, why, upcoming] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(why_height(view, left.width).clamp(5, 8)),
        Constraint::Length(entries + 2),
    ])
    .areas(left);
    render_attention(view, frame, attention);
    render_why(view, frame, why);
    render_upcoming(view, frame, upcoming);
    let stage_rows = view.data.summary.stages.len() as u16 + 2;
    let [health, stages] =
        Layout::vertical([Constraint::Min(12), Constraint::Length(stage_rows)]).areas(right);
    render_health_block(view, frame, health);
    render_stage_block(view, frame, stages);
}

/// "65 avg of 6 under way": the portfolio's health and whom it averages — the
/// partners formalizing or operating (`of` is what joins the two); "– (none under
/// way)" when there are none.
fn average_of(view: &View, of: &str) -> String {
    let summary = &view.data.summary;
    if summary.health_partners == 0 {
        // Nothing to average: "– avg of 0" would read as a score.
        return "– (none under way)".to_string();
    }
    let average = summary.average_health.map_or("–".to_string(), |value| {
        (value.round() as i64).to_string()
    });
    format!("{average}{of}{} under way", summary.health_partners)
}

/// "Health 58 avg of 7 under way  ● good 3  ◐ fair 2  ○ poor 2  · not started 0"
fn health_summary(view: &View) -> Line<'static> {
    let theme = view.theme;
    let mut spans = vec![
        Span::styled(" Health ", theme.title()),
        Span::styled(format!("{} ", average_of(view, " avg of ")), theme.title()),
    ];
    for (band, count) in view.data.summary.bands {
        spans.push(Span::styled(
            format!(" {} {} {count} ", band_symbol(band), band.label()),
            theme.band(band),
        ));
    }
    Line::from(spans)
}

/// "Prospect 2 · Assessing 2 · …": full names on one line when they fit, else on
/// two (a workspace with many stages at 80 columns), else shortened.
fn stage_summary(view: &View, columns: usize) -> Vec<Line<'static>> {
    let theme = view.theme;
    let entries = |letters: Option<usize>| -> Vec<String> {
        view.data
            .summary
            .stages
            .iter()
            .map(|stage| {
                let name: String = match letters {
                    Some(n) => stage.name.chars().take(n).collect(),
                    None => stage.name.clone(),
                };
                format!("{name} {}", stage.count)
            })
            .collect()
    };
    let full = entries(None);
    let one_line = [
        format!("Stages  {}", full.join(" · ")),
        full.join(" · "),
        full.join("  "),
    ];
    // Indent like the line above when there is room for it.
    let line = |text: String| {
        let indent = if width(&text) < columns { " " } else { "" };
        Line::from(Span::styled(format!("{indent}{text}"), theme.text()))
    };
    if let Some(text) = one_line.iter().find(|text| width(text) <= columns) {
        return vec![line(text.clone())];
    }
    // Whole names over two lines, each entry kept whole.
    let mut lines: Vec<String> = vec![String::new()];
    for entry in &full {
        let current = lines.last_mut().expect("one line at least");
        if current.is_empty() {
            current.push_str(entry);
        } else if width(current) + 2 + width(entry) < columns {
            current.push_str("  ");
            current.push_str(entry);
        } else {
            lines.push(entry.clone());
        }
    }
    if lines.len() <= 2 && lines.iter().all(|text| width(text) < columns) {
        return lines.into_iter().map(line).collect();
    }
    let short = [entries(Some(6)).join("  "), entries(Some(4)).join(" ")];
    let text = short
        .iter()
        .find(|text| width(text) <= columns)
        .cloned()
        .unwrap_or_else(|| truncate(&short[1], columns));
    vec![line(text)]
}

/// How an item reads at a glance: a symbol and a style by severity.
fn severity_mark(item: &AttentionItem, view: &View) -> (&'static str, ratatui::style::Style) {
    let theme: Theme = view.theme;
    let severity = item.severity(view.data.today);
    let style = match severity {
        Severity::Critical => theme.bad(),
        Severity::Warning => theme.warn(),
        Severity::Upcoming => theme.text(),
    };
    (severity.symbol(), style)
}

/// "8d late", "in 12d", "today", "now".
fn short_timing(item: &AttentionItem, view: &View) -> String {
    match item.due {
        None => "now".into(),
        Some(due) => match days_between(view.data.today, due) {
            0 => "today".into(),
            n if n < 0 => format!("{}d late", -n),
            n => format!("in {n}d"),
        },
    }
}

fn render_attention(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let items = &view.items;
    let all = view.data.summary.attention.len();
    let mut title = vec![Span::styled(
        format!(" Needs attention ({all}) "),
        theme.heading(),
    )];
    title.extend(filter::spans(&view.screen.filter, items.len(), all, theme));
    if view.screen.filter.is_typing() {
        title.push(Span::raw(" "));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focused_border());
    let visible = area.height.saturating_sub(2) as usize;
    if items.len() > visible && visible > 0 {
        // Say there is more than fits, and where the selection is.
        block = block.title_bottom(
            Line::styled(
                format!(
                    " {} of {} · j/k scroll ",
                    view.screen.selected() + 1,
                    items.len()
                ),
                theme.dim(),
            )
            .right_aligned(),
        );
    }
    if items.is_empty() {
        let text = if view.data.partners.is_empty() {
            // A new workspace: "on track" would be true of nothing; say how to start.
            " No partners yet: press 2 for the Pipeline, then a to add one."
        } else if all == 0 {
            " Nothing needs attention: every partnership is on track."
        } else {
            " Nothing matches the filter (Esc clears it)."
        };
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    }
    let inner_width = area.width.saturating_sub(2) as usize;
    // Columns: marker, symbol, timing, partner, kind, what.
    let partner_width = if inner_width >= 100 { 24 } else { 18 };
    let kind_width = 14;
    let fixed = 2 + 2 + 9 + partner_width + 1 + kind_width + 1;
    let rest = inner_width.saturating_sub(fixed);
    // With room to spare, the rule behind each item gets a column of its own.
    let (what_width, why_width) = if rest >= 70 {
        (34, rest - 35)
    } else {
        (rest, 0)
    };
    // Only the rows that fit are built: the list may hold a thousand items.
    let offset = view
        .screen
        .selected()
        .saturating_sub(visible.saturating_sub(1));
    let list_items: Vec<ListItem> = items
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible.max(1))
        .map(|(index, &item)| {
            let (symbol, style) = severity_mark(item, view);
            let marker = if index == view.screen.selected() {
                "›"
            } else {
                " "
            };
            let mut spans = vec![
                Span::raw(format!("{marker} ")),
                Span::styled(format!("{symbol} "), style),
                Span::styled(fit_right(&short_timing(item, view), 8) + " ", style),
                Span::styled(fit(&item.partner_name, partner_width) + " ", theme.title()),
                Span::styled(fit(item.kind.label(), kind_width) + " ", style),
            ];
            if why_width > 0 {
                spans.push(Span::raw(fit(&item.subject, what_width) + " "));
                spans.push(Span::styled(truncate(&item.why, why_width), theme.dim()));
            } else {
                spans.push(Span::raw(truncate(&item.subject, what_width)));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(view.screen.selected() - offset));
    let list = List::new(list_items)
        .block(block)
        .highlight_style(theme.selected());
    frame.render_stateful_widget(list, area, &mut state);
}

/// The selected item's lines in the Why panel: the partner, what and when; the rule.
fn why_lines(item: &AttentionItem, today: chrono::NaiveDate) -> (String, String) {
    let timing = item.timing(today);
    let when = if timing.is_empty() {
        String::new()
    } else {
        format!(" ({timing})")
    };
    (
        format!("{}: {}{when}", item.partner_name, item.what),
        item.why.clone(),
    )
}

/// Rows the Why panel needs for the selected item at `width`, borders included.
fn why_height(view: &View, width: u16) -> u16 {
    let inner = width.saturating_sub(2) as usize;
    let Some(item) = view.items.get(view.screen.selected()) else {
        return 5;
    };
    let (what, why) = why_lines(item, view.data.today);
    let rows = crate::text::wrap(&what, inner).len() + crate::text::wrap(&why, inner).len();
    u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2)
}

/// The selected item in full: what, when, and the rule behind it.
fn render_why(view: &View, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let theme = view.theme;
    let block = Block::bordered()
        .title(Span::styled(" Why ", theme.heading()))
        .border_style(theme.border());
    let Some(item) = view.items.get(view.screen.selected()) else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let (what, why) = why_lines(item, view.data.today);
    let (name, what) = what.split_at(item.partner_name.len() + 2);
    // Wrapped here rather than by the paragraph, so a rule longer than the panel
    // can end in "…" instead of stopping mid-word with nothing to say so.
    let inner = area.width.saturating_sub(2) as usize;
    let room = area.height.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled(name.to_string(), theme.title()),
        Span::raw(what.to_string()),
    ])];
    let first_rows = crate::text::wrap(&format!("{name}{what}"), inner).len();
    let mut rule = crate::text::wrap(&why, inner);
    let left = room.saturating_sub(first_rows).max(1);
    if rule.len() > left {
        rule.truncate(left);
        if let Some(last) = rule.last_mut() {
            *last = truncate(&format!("{last} …"), inner);
        }
    }
    lines.extend(rule.into_iter().map(|line| Line::styled(line, theme.dim())));
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn bar(count: usize, max: usize, columns: usize) -> String {
    if max == 0 || columns == 0 {
        return String::new();
    }
    let filled = (count * columns).div_ceil(max).min(columns);
    "█".repeat(filled)
}

fn render_health_block(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Portfolio health {} ", average_of(view, " · ")),
            theme.heading(),
        ))
        .border_style(theme.border());
    let inner_width = area.width.saturating_sub(2) as usize;
    let max = view
        .data
        .summary
        .bands
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = view
        .data
        .summary
        .bands
        .iter()
        .map(|(band, count)| {
            Line::from(vec![
                Span::styled(
                    format!(" {} {:<12}{count:>3} ", band_symbol(*band), band.label()),
                    theme.band(*band),
                ),
                Span::styled(
                    bar(*count, max, inner_width.saturating_sub(22)),
                    theme.band(*band),
                ),
            ])
        })
        .collect();
    lines.push(Line::styled(" Lowest first:", theme.dim()));
    let mut ranked: Vec<_> = view
        .data
        .partners
        .iter()
        .zip(&view.data.summary.partners)
        .filter(|(file, figures)| {
            figures.health.score.is_some()
                && !view.data.workspace.is_closed_stage(&file.partner.stage)
        })
        .collect();
    ranked.sort_by_cached_key(|(file, figures)| {
        (figures.health.score, file.partner.name.to_lowercase())
    });
    let room = (area.height as usize).saturating_sub(2 + lines.len());
    ranked.truncate(room);
    // The score with its basis when not every part was judged: "69 (85)", the
    // numbers lined up on the right.
    let badge_width = ranked
        .iter()
        .map(|(_, figures)| width(&figures.health.badge()))
        .max()
        .unwrap_or(3)
        .max(3);
    for (file, figures) in ranked {
        let band = figures.health.band();
        let badge = format!(
            " {:>badge_width$} {} ",
            figures.health.badge(),
            band_symbol(band)
        );
        lines.push(Line::from(vec![
            Span::styled(badge.clone(), theme.band(band)),
            Span::raw(truncate(
                &file.partner.name,
                inner_width.saturating_sub(width(&badge)),
            )),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn render_stage_block(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let block = Block::bordered()
        .title(Span::styled(" Partners per stage ", theme.heading()))
        .border_style(theme.border());
    let inner_width = area.width.saturating_sub(2) as usize;
    let max = view
        .data
        .summary
        .stages
        .iter()
        .map(|s| s.count)
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = view
        .data
        .summary
        .stages
        .iter()
        .map(|stage| {
            let closed = view.data.workspace.is_closed_stage(&stage.id);
            let style = if closed { theme.dim() } else { theme.text() };
            Line::from(vec![
                Span::styled(
                    format!(" {} {:>3} ", fit(&stage.name, 13), stage.count),
                    style,
                ),
                Span::styled(
                    bar(stage.count, max, inner_width.saturating_sub(20)),
                    theme.heading(),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn render_upcoming(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let upcoming = &view.data.summary.upcoming;
    let mut block = Block::bordered()
        .title(Span::styled(
            format!(" Next {UPCOMING_DAYS} days ({}) ", upcoming.len()),
            theme.heading(),
        ))
        .border_style(theme.border());
    let inner_width = area.width.saturating_sub(2) as usize;
    let room = area.height.saturating_sub(2) as usize;
    if upcoming.len() > room && room > 0 {
        block = block.title_bottom(
            Line::styled(format!(" {} more ", upcoming.len() - room), theme.dim()).right_aligned(),
        );
    }
    let lines: Vec<Line> = if upcoming.is_empty() {
        vec![Line::styled(" Nothing falls due.", theme.dim())]
    } else {
        upcoming
            .iter()
            .take(room)
            .map(|entry| upcoming_line(view, entry, inner_width))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The next 14 days in a few lines under the attention list: a heading (with how
/// many more there are) and the first entries.
fn render_upcoming_compact(view: &View, frame: &mut Frame, area: Rect) {
    let theme = view.theme;
    let upcoming = &view.data.summary.upcoming;
    let room = area.height.saturating_sub(1) as usize;
    let mut block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" Next {UPCOMING_DAYS} days ({}) ", upcoming.len()),
            theme.heading(),
        ));
    if upcoming.len() > room {
        block = block.title(
            Line::styled(format!(" {} more ", upcoming.len() - room), theme.dim()).right_aligned(),
        );
    }
    let lines: Vec<Line> = if upcoming.is_empty() {
        vec![Line::styled(" Nothing falls due.", theme.dim())]
    } else {
        upcoming
            .iter()
            .take(room)
            .map(|entry| upcoming_line(view, entry, area.width as usize))
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// One entry: " Mon 30 Nov  Greenway Grocers   milestone: Pilot launch"; with room
/// to spare, how far off it is and the kind in a column of their own.
fn upcoming_line(view: &View, entry: &Upcoming, columns: usize) -> Line<'static> {
    let theme = view.theme;
    let today = view.data.today;
    let date = entry.date.format("%a %d %b").to_string();
    let style = if entry.date == today {
        theme.title()
    } else {
        theme.text()
    };
    if columns >= 70 {
        let when = match days_between(today, entry.date) {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            days => format!("in {days}d"),
        };
        let partner_width = if columns >= 100 { 24 } else { 20 };
        let prefix = format!(
            " {date}  {} {} ",
            fit(&when, 8),
            fit(&entry.partner_name, partner_width)
        );
        let rest = columns.saturating_sub(width(&prefix) + 11);
        // The kind has its column, so the thing itself follows: "every 14 days".
        let what = entry.what.clone();
        return Line::from(vec![
            Span::styled(prefix, style),
            Span::styled(fit(entry.kind.label(), 10) + " ", theme.dim()),
            Span::raw(truncate(&what, rest)),
        ]);
    }
    let partner_width = (columns / 3).clamp(8, 20);
    let prefix = format!(" {date}  {} ", fit(&entry.partner_name, partner_width));
    let rest = columns.saturating_sub(width(&prefix));
    let what = entry.text();
    Line::from(vec![
        Span::styled(prefix, style),
        Span::styled(truncate(&what, rest), theme.dim()),
    ])
}
