//! The workspace settings: each section under its heading — the name, the members,
//! the stages (role, check-in, partners in each), the milestone phases and KPI
//! perspectives (how much names each), the thresholds and cadences, the criteria
//! with their weights — scrolled so the selected row stays in view, and under them
//! what the selected row means, in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Padding, Paragraph};

use crate::app::Data;
use crate::app::screens::SettingsScreen;
use crate::app::screens::settings::{Section, SectionRows, Setting, Threshold};
use crate::domain::workspace::edit::uses;
use crate::domain::{NamedList, Partner, Uses, Workspace, slug_or};
use crate::text::{count_of, fit, truncate, width, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::filter;

/// Rows of the panel that explains the selected row, its rule included: two, or
/// up to four when the explanation needs them; past that it ends in "…".
const ABOUT_ROWS: u16 = 2;
const ABOUT_MAX_ROWS: usize = 4;

pub fn render(screen: &SettingsScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    let sections = screen.sections(data);
    let shown: usize = sections.iter().map(|s| s.rows.len()).sum::<usize>() - 1;
    let total = data.workspace.members.len()
        + data.workspace.stages.len()
        + data.workspace.phases.len()
        + data.workspace.perspectives.len()
        + Threshold::ALL.len()
        + data.workspace.criteria.len();
    let mut title = vec![Span::styled(" Workspace settings ", theme.heading())];
    title.extend(filter::spans(&screen.filter, shown, total, theme));
    if screen.filter.is_typing() {
        title.push(Span::raw(" "));
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focused_border());
    let inner = block.inner(area);

    let width = inner.width.saturating_sub(1) as usize;
    let lines = lines(&sections, screen, data, theme, width);
    let selected = lines
        .iter()
        .position(|(_, setting)| setting.is_some() && setting.as_ref() == screen.selected());

    // The explanation of the selected row, when there is room for it and the list,
    // wrapped to the panel (inside its padding); never cut without an ellipsis.
    let about = if inner.height >= 12 {
        let text = screen
            .selected()
            .map(|setting| about(setting, data))
            .unwrap_or_default();
        about_lines(&text, inner.width.saturating_sub(2) as usize)
    } else {
        Vec::new()
    };
    let about_rows = if inner.height >= 12 {
        (about.len() as u16).max(ABOUT_ROWS) + 1
    } else {
        0
    };
    let [list_area, about_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(about_rows)]).areas(inner);
    let visible = list_area.height as usize;
    let offset = scroll(selected.unwrap_or(0), visible, lines.len());
    let below = lines.len().saturating_sub(offset + visible);
    let more = match (offset, below) {
        (0, 0) => String::new(),
        (0, below) => format!(" ↓ {below} more "),
        (above, 0) => format!(" ↑ {above} more "),
        (above, below) => format!(" ↑ {above} more · ↓ {below} more "),
    };
    let block = if more.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(more, theme.dim()).right_aligned())
    };
    frame.render_widget(block, area);

    let items: Vec<ListItem> = lines
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(index, (mut line, _))| {
            let marker = if Some(index) == selected { "›" } else { " " };
            line.spans.insert(0, Span::raw(marker));
            ListItem::new(line)
        })
        .collect();
    let mut state = ListState::default().with_selected(selected.map(|s| s - offset));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        list_area,
        &mut state,
    );

    if about_rows > 0 {
        let lines: Vec<Line> = about
            .into_iter()
            .map(|line| Line::styled(line, theme.dim()))
            .collect();
        frame.render_widget(
            Paragraph::new(lines).block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_style(theme.border())
                    .padding(Padding::horizontal(1)),
            ),
            about_area,
        );
    }
}

/// `text` wrapped to `columns`, at most `ABOUT_MAX_ROWS` lines, the last ending in
/// "…" when more was left out.
fn about_lines(text: &str, columns: usize) -> Vec<String> {
    let mut lines = wrap(text, columns.max(10));
    if lines.len() > ABOUT_MAX_ROWS {
        let rest = lines.split_off(ABOUT_MAX_ROWS - 1).join(" ");
        // Always marked, even when the cut falls at the end of the line.
        let kept = truncate(&rest, columns.saturating_sub(1));
        let kept = kept.trim_end_matches('…').trim_end();
        lines.push(format!("{kept}…"));
    }
    lines
}

/// The first line to show: the selected one in the middle once the list is taller
/// than the room, so what is around it shows on both sides — headings included.
fn scroll(selected: usize, visible: usize, total: usize) -> usize {
    if total <= visible {
        return 0;
    }
    selected.saturating_sub(visible / 2).min(total - visible)
}

type Row = (Line<'static>, Option<Setting>);

/// Every line of the list: headings, notes, and the rows that can be selected.
fn lines(
    sections: &[SectionRows],
    screen: &SettingsScreen,
    data: &Data,
    theme: Theme,
    columns: usize,
) -> Vec<Row> {
    let workspace = &data.workspace;
    let partners: Vec<&Partner> = data.partners.iter().map(|file| &file.partner).collect();
    // Wider terminals show every id; at 80 columns only those a rename made differ.
    let wide = columns >= 100;
    let name_width = if wide { 28 } else { 24 };
    let mut lines: Vec<Row> = Vec::new();
    let note = |text: &str| -> Row {
        (
            Line::styled(truncate(&format!("  {text}"), columns), theme.dim()),
            None,
        )
    };
    for section in sections {
        lines.push((heading(section, screen, theme, columns), None));
        for setting in &section.rows {
            let spans = match setting {
                Setting::Empty(section) => vec![Span::styled(
                    format!("  {}", empty_note(*section)),
                    theme.dim(),
                )],
                Setting::Name => name_row(data, columns),
                Setting::Member(handle) => member_row(data, handle),
                Setting::Stage(id) => {
                    let Some(stage) = workspace.stage(id) else {
                        continue;
                    };
                    let used = uses(partners.iter().copied(), NamedList::Stages, id);
                    vec![
                        Span::raw(format!("  {} ", fit(&stage.name, name_width))),
                        Span::raw(format!("{} ", fit(stage.role.label(), 12))),
                        Span::raw(fit(if stage.checkin { "check-in" } else { "" }, 9)),
                        count_span(used.records, "partner", theme),
                        id_span(&stage.id, &stage.name, wide, theme),
                    ]
                }
                Setting::Phase(id) | Setting::Perspective(id) => {
                    let list = match setting {
                        Setting::Phase(_) => NamedList::Phases,
                        _ => NamedList::Perspectives,
                    };
                    let Some(name) = workspace.entry_name(list, id) else {
                        continue;
                    };
                    let used = uses(partners.iter().copied(), list, id);
                    vec![
                        Span::raw(format!("  {} ", fit(name, name_width))),
                        uses_span(used, list, theme),
                        id_span(id, name, wide, theme),
                    ]
                }
                Setting::Threshold(line) => vec![
                    Span::raw(format!("  {} ", fit(line.label(), name_width))),
                    Span::raw(threshold_value(*line, workspace)),
                ],
                Setting::Criterion(id) => criterion_row(data, id, name_width, theme),
            };
            let text: usize = spans.iter().map(|s| width(&s.content)).sum();
            let line = if text > columns {
                // Cut at the edge, keeping each span's style.
                Line::from(clip(spans, columns))
            } else {
                Line::from(spans)
            };
            lines.push((line, Some(setting.clone())));
        }
    }
    if screen.filter.is_active() && sections.len() == 1 {
        lines.push(note("nothing else matches the filter (Esc clears it)"));
    }
    lines
}

/// What an empty section says.
fn empty_note(section: Section) -> &'static str {
    match section {
        Section::Members => "none yet — a adds one; owners and authors are chosen from the members",
        Section::Stages => "none: a adds one (every partner needs a stage)",
        Section::Criteria => "none yet: add them on the Scoring tab's weights row (w)",
        _ => "none yet — a adds one",
    }
}

/// A section's heading: its title, how many it holds (of how many, when filtered),
/// and a word on how it is edited.
fn heading(
    section: &SectionRows,
    screen: &SettingsScreen,
    theme: Theme,
    columns: usize,
) -> Line<'static> {
    let title = section.section.title();
    let count = match section.section {
        Section::Workspace | Section::Thresholds => String::new(),
        _ if screen.filter.is_active() => format!(" ({} of {})", section.rows.len(), section.total),
        _ => format!(" ({})", section.total),
    };
    let aside = match section.section {
        Section::Stages => " · rules go by the role, never the name",
        Section::Criteria => " · weights are set on the Scoring tab: w goes there",
        _ => "",
    };
    let head = format!("{title}{count}");
    let room = columns.saturating_sub(width(&head));
    Line::from(vec![
        Span::styled(head, theme.heading()),
        Span::styled(truncate(aside, room), theme.dim()),
    ])
}

fn name_row(data: &Data, columns: usize) -> Vec<Span<'static>> {
    let read_only = data
        .refuses_edits(&crate::app::Doc::Workspace)
        .map_or(String::new(), |why| format!("   ({why})"));
    vec![Span::raw(truncate(
        &format!("  {:<12}{}{read_only}", "Name", data.workspace.name),
        columns,
    ))]
}

fn member_row(data: &Data, handle: &str) -> Vec<Span<'static>> {
    let Some(member) = data.workspace.members.iter().find(|m| m.handle == handle) else {
        return Vec::new();
    };
    let owned = data
        .partners
        .iter()
        .filter(|file| file.partner.owner == member.handle)
        .count();
    let owns = match owned {
        0 => String::new(),
        1 => " · owns 1 partner".to_string(),
        n => format!(" · owns {n} partners"),
    };
    vec![Span::raw(format!(
        "  {} {} {}{owns}",
        fit(&member.handle, 12),
        fit(&member.name, 24),
        member.role
    ))]
}

fn criterion_row(data: &Data, id: &str, name_width: usize, theme: Theme) -> Vec<Span<'static>> {
    let workspace = &data.workspace;
    let Some(criterion) = workspace.criterion(id) else {
        return Vec::new();
    };
    let scores = scores_for(data, id);
    let scored = Span::styled(format!("  {}", count_of(scores, "score")), theme.dim());
    let name = Span::raw(format!("  {} ", fit(&criterion.name, name_width)));
    if criterion.retired {
        return vec![
            name,
            Span::styled(fit("retired", 16), theme.dim()),
            Span::styled(format!("  {} kept", count_of(scores, "score")), theme.dim()),
        ];
    }
    let share =
        share(workspace, criterion.weight).map_or(String::new(), |share| format!("{share:>3.0}%"));
    vec![
        name,
        Span::raw(format!(
            "weight {} {share}",
            fit(
                &crate::app::screens::scoring::weight_text(criterion.weight),
                4
            )
        )),
        scored,
    ]
}

/// A criterion's weight as a share of all active weights, in percent.
fn share(workspace: &Workspace, weight: f64) -> Option<f64> {
    let sum: f64 = workspace.active_criteria().map(|c| c.weight).sum();
    (sum > 0.0).then(|| weight / sum * 100.0)
}

/// How many scores the partner files hold for the criterion `id`.
fn scores_for(data: &Data, id: &str) -> usize {
    data.partners
        .iter()
        .map(|file| {
            file.partner
                .scores
                .iter()
                .filter(|score| score.criterion == id)
                .count()
        })
        .sum()
}

/// "3 partners", dim when there are none.
fn count_span(n: usize, noun: &str, theme: Theme) -> Span<'static> {
    let text = fit(&count_of(n, noun), 12);
    if n == 0 {
        Span::styled(text, theme.dim())
    } else {
        Span::raw(text)
    }
}

/// "4 milestones in 2 partners", dim when nothing names it.
fn uses_span(used: Uses, list: NamedList, theme: Theme) -> Span<'static> {
    if used.records == 0 {
        return Span::styled(fit(&format!("no {}s", list.user()), 28), theme.dim());
    }
    Span::raw(fit(
        &format!(
            "{} in {}",
            count_of(used.records, list.user()),
            count_of(used.partners, "partner")
        ),
        28,
    ))
}

/// The id, where it says something: always on a wide terminal, else only when the
/// name no longer gives it (the entry was renamed).
fn id_span(id: &str, name: &str, wide: bool, theme: Theme) -> Span<'static> {
    if wide || slug_or(name, "") != id {
        Span::styled(format!(" id {id}"), theme.dim())
    } else {
        Span::raw("")
    }
}

/// A line of the thresholds and cadences, in short.
fn threshold_value(line: Threshold, workspace: &Workspace) -> String {
    let t = workspace.thresholds;
    let grace = workspace.kpi_grace;
    match line {
        Threshold::Rag => format!(
            "amber from {}, red from {} points behind plan",
            t.amber_points, t.red_points
        ),
        Threshold::Margin => format!(
            "amber up to {}% off the level, then red",
            t.amber_margin_percent
        ),
        Threshold::Grace => format!(
            "{}% of a new KPI's span, at least {}",
            grace.share_percent,
            count_of(grace.min_days as usize, "day")
        ),
        Threshold::Checkin => format!(
            "every {} (a charter can say otherwise)",
            count_of(workspace.checkin_cadence_days as usize, "day")
        ),
        Threshold::Review => format!(
            "every {} while under way",
            count_of(workspace.review_cadence_days as usize, "day")
        ),
        Threshold::ReviewNotice => format!(
            "flagged {} before an agreement review",
            count_of(workspace.review_notice_days as usize, "day")
        ),
        Threshold::RenewalNotice => format!(
            "flagged {} before an agreement expires",
            count_of(workspace.renewal_notice_days as usize, "day")
        ),
    }
}

/// What the selected row means, in full: the rule behind a threshold, what a stage
/// holds, how much names a phase.
fn about(setting: &Setting, data: &Data) -> String {
    let workspace = &data.workspace;
    let partners = data.partners.iter().map(|file| &file.partner);
    match setting {
        Setting::Empty(section) => match section {
            Section::Members => "Owners and authors are chosen from the members: a adds the first.",
            Section::Criteria => "Partners are scored on the criteria: w goes to the Scoring tab to add them.",
            _ => "Nothing yet: a adds the first.",
        }
        .to_string(),
        Setting::Name => {
            "The team's name, shown at the top right beside the date when the terminal is wide enough for it. workspace.ron holds everything on this screen."
                .to_string()
        }
        Setting::Member(handle) => format!(
            "Partner files name {} by the handle {handle}: owners, authors, action items. A handle in use cannot change.",
            workspace.member_name(handle)
        ),
        Setting::Stage(id) => {
            let Some(stage) = workspace.stage(id) else {
                return String::new();
            };
            let in_it: Vec<&str> = partners
                .filter(|p| p.stage == *id)
                .map(|p| p.name.as_str())
                .collect();
            let who = match in_it.len() {
                0 => "No partner is in it".to_string(),
                n => format!("{} in it: {}", count_of(n, "partner"), in_it.join(", ")),
            };
            format!(
                "{}: {} — {}; the weekly check-in {} it. {who}. Its id in the files: {id}.",
                stage.name,
                stage.role.label(),
                stage.role.meaning(),
                if stage.checkin { "walks" } else { "skips" },
            )
        }
        Setting::Phase(id) | Setting::Perspective(id) => {
            let list = match setting {
                Setting::Phase(_) => NamedList::Phases,
                _ => NamedList::Perspectives,
            };
            let name = workspace.entry_name(list, id).unwrap_or(id);
            let used = uses(partners, list, id);
            let what = match list {
                NamedList::Phases => "A milestone phase: the Timeline groups milestones by it.",
                _ => "A KPI perspective: the Scorecard groups KPIs by it.",
            };
            let named = match used.records {
                0 => format!("no {} names it yet", list.user()),
                records => format!(
                    "{} in {} name it",
                    count_of(records, list.user()),
                    count_of(used.partners, "partner")
                ),
            };
            format!("{what} {name}: {named}. Its id in the files: {id}.")
        }
        Setting::Threshold(line) => threshold_rule(*line, workspace),
        Setting::Criterion(id) => {
            let Some(criterion) = workspace.criterion(id) else {
                return String::new();
            };
            let description = if criterion.description.is_empty() {
                String::new()
            } else {
                format!("{} ", criterion.description.trim_end_matches('.').to_string() + ".")
            };
            let state = if criterion.retired {
                "Retired: it counts for nothing, its scores stay in the files (r on the weights row restores it)."
                    .to_string()
            } else {
                "e or w: its weight, name and place on the Scoring tab's weights row.".to_string()
            };
            format!("{description}{state}")
        }
    }
}

/// The rule a threshold or cadence sets, with its numbers.
fn threshold_rule(line: Threshold, workspace: &Workspace) -> String {
    let t = workspace.thresholds;
    let grace = workspace.kpi_grace;
    match line {
        Threshold::Rag => format!(
            "A KPI {} or more points of the way to target behind its straight planned path is amber; {} or more, red.",
            t.amber_points, t.red_points
        ),
        Threshold::Margin => format!(
            "A maintain KPI on the wrong side of its level is amber within {}% of the level, red beyond.",
            t.amber_margin_percent
        ),
        Threshold::Grace => format!(
            "A new KPI is too early to tell, never red, for {}% of its span from start to target date, and at least {}.",
            grace.share_percent,
            count_of(grace.min_days as usize, "day")
        ),
        Threshold::Checkin => format!(
            "A partner is due a check-in every {} unless its charter sets its own cadence; a KPI without a reading in that time is stale.",
            count_of(workspace.checkin_cadence_days as usize, "day")
        ),
        Threshold::Review => format!(
            "A partnership under way is due a review every {}.",
            count_of(workspace.review_cadence_days as usize, "day")
        ),
        Threshold::ReviewNotice => format!(
            "An agreement's next review needs attention {} ahead, unless the agreement sets its own notice.",
            count_of(workspace.review_notice_days as usize, "day")
        ),
        Threshold::RenewalNotice => format!(
            "An agreement's expiry needs attention {} ahead, unless the agreement sets its own notice.",
            count_of(workspace.renewal_notice_days as usize, "day")
        ),
    }
}

/// `spans` cut to `max` columns, the last one ending in "…".
fn clip(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let room = max.saturating_sub(used);
        if room == 0 {
            break;
        }
        let text = width(&span.content);
        if text <= room {
            used += text;
            out.push(span);
        } else {
            let style: Style = span.style;
            out.push(Span::styled(truncate(&span.content, room), style));
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::about_lines;

    #[test]
    fn a_long_explanation_takes_more_rows_and_ends_in_an_ellipsis_when_cut() {
        let short = about_lines("one two three", 20);
        assert_eq!(short, ["one two three"]);
        let text = "word ".repeat(40);
        let lines = about_lines(text.trim(), 20);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|line| crate::text::width(line) <= 20));
    }
}
