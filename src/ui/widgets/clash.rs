//! The clash dialog: a save found fields changed both here and on disk; each is
//! listed with both values, and the keys say what can be done.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::keymap::Context;
use crate::app::overlays::ClashOverlay;
use crate::store::merge::where_they_differ;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, clash: &ClashOverlay, theme: Theme) {
    let popup_width = area.width.min(76);
    let value_room = (popup_width as usize).saturating_sub(14);
    let mut lines = vec![
        Line::styled(
            format!(
                "{} was changed on disk while you edited it. These fields were changed both ways; nothing was written yet:",
                clash.doc.file()
            ),
            theme.title(),
        ),
        Line::raw(""),
    ];
    for field in &clash.fields {
        let (mine, theirs) = where_they_differ(&field.mine, &field.theirs, value_room);
        lines.push(Line::styled(field.path.clone(), theme.heading()));
        lines.push(Line::from(vec![
            Span::styled("  yours:   ", theme.dim()),
            Span::styled(mine, theme.text()),
        ]));
        lines.push(Line::from(vec![
            Span::styled("  on disk: ", theme.dim()),
            Span::styled(theirs, theme.text()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Your other changes merge either way.",
        theme.dim(),
    ));
    lines.push(Line::from(super::answer_keys(Context::Clash, theme)));
    let text_width = popup_width.saturating_sub(2).max(1) as usize;
    let rows: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(text_width).max(1))
        .sum();
    let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let popup = super::centered(area, popup_width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(Span::styled(" Changed on disk too ", theme.heading()))
                .border_style(theme.focused_border()),
        ),
        popup,
    );
}
