//! The workspace settings: the workspace's name and its members, each with how many
//! partners they own, the member list filtered by `/`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState};

use crate::app::Data;
use crate::app::screens::SettingsScreen;
use crate::app::screens::settings::Setting;
use crate::text::{fit, truncate};
use crate::ui::theme::Theme;
use crate::ui::widgets::filter;

pub fn render(screen: &SettingsScreen, data: &Data, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(3) as usize;
    let members = screen.members(data);
    let total = data.workspace.members.len();
    let mut title = vec![Span::styled(" Workspace settings ", theme.heading())];
    title.extend(filter::spans(&screen.filter, members.len(), total, theme));
    if screen.filter.is_typing() {
        title.push(Span::raw(" "));
    }

    // (lines, the setting the row is, if it can be selected)
    let mut rows: Vec<(Vec<Line<'static>>, Option<Setting>)> = Vec::new();
    let heading = |text: String| (vec![Line::styled(text, theme.heading())], None);
    let note = |text: &str| {
        (
            vec![Line::styled(
                truncate(&format!("  {text}"), width),
                theme.dim(),
            )],
            None,
        )
    };
    rows.push(heading("Workspace".into()));
    let read_only = data
        .refuses_edits(&crate::app::Doc::Workspace)
        .map_or(String::new(), |why| format!("   ({why})"));
    rows.push((
        vec![Line::raw(truncate(
            &format!("  {:<12}{}{read_only}", "Name", data.workspace.name),
            width,
        ))],
        Some(Setting::Name),
    ));
    rows.push(heading(format!("Members ({total})")));
    if total == 0 {
        rows.push(note(
            "none yet — a adds one; owners and authors are chosen from the members",
        ));
    } else if members.is_empty() {
        rows.push(note("no member matches the filter (Esc clears it)"));
    }
    for member in members {
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
        let text = format!(
            "  {} {} {}{owns}",
            fit(&member.handle, 12),
            fit(&member.name, 24),
            member.role
        );
        rows.push((
            vec![Line::raw(truncate(&text, width))],
            Some(Setting::Member(member.handle.clone())),
        ));
    }
    rows.push(heading("Stages, criteria, thresholds, cadences".into()));
    rows.push(note("edited in workspace.ron for now"));

    let selected_row = rows
        .iter()
        .position(|(_, setting)| setting.is_some() && setting.as_ref() == screen.selected());
    let items: Vec<ListItem> = rows
        .into_iter()
        .enumerate()
        .map(|(index, (mut lines, _))| {
            let marker = if Some(index) == selected_row {
                "›"
            } else {
                " "
            };
            if let Some(first) = lines.first_mut() {
                first.spans.insert(0, Span::raw(marker));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default().with_selected(selected_row);
    let block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focused_border());
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
}
