//! The `?` overlay: every key of the current screen and the global ones (less any
//! the screen takes over), generated from the key map, and what the symbols mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{self, Binding, Context};
use crate::text::{width, wrap};
use crate::ui::theme::Theme;

/// Whether every key of `binding` is taken by a binding of `screen`.
fn shadowed(binding: &Binding, screen: Context) -> bool {
    binding
        .keys
        .iter()
        .all(|key| keymap::bindings(screen).any(|own| own.keys.contains(key)))
}

/// The width of the key column; a key or symbol wider than it stands on a line of
/// its own, its meaning on the lines under it.
const KEY_COLUMN: usize = 16;

/// The help text for `screen`, to fit `columns`: its own keys, then the global ones
/// it leaves alone, then the symbols. A meaning too long for the line wraps under
/// its own column, never under the keys.
pub fn help_lines(screen: Context, theme: Theme, columns: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut contexts = keymap::chain(screen);
    contexts.splice(1..1, keymap::modes(screen).iter().copied());
    for context in contexts {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), theme.heading()));
        for binding in keymap::bindings(context) {
            if context == Context::Global && shadowed(binding, screen) {
                continue;
            }
            entry(
                &mut lines,
                &keymap::keys_label(binding),
                binding.help,
                columns,
                theme,
            );
        }
    }
    let symbols = keymap::legend(screen);
    if !symbols.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Symbols", theme.heading()));
        for (symbol, meaning) in symbols {
            entry(&mut lines, symbol, meaning, columns, theme);
        }
    }
    lines
}

/// One key (or symbol) and its meaning: the key in its column, the meaning beside
/// it wrapped to the rest of the line, its continuation lines indented under it.
fn entry(lines: &mut Vec<Line<'static>>, key: &str, meaning: &str, columns: usize, theme: Theme) {
    let indent = 2 + KEY_COLUMN;
    let wrapped = wrap(meaning, columns.saturating_sub(indent).max(20));
    let mut wrapped = wrapped.into_iter();
    if width(key) < KEY_COLUMN {
        let first = wrapped.next().unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  {key:<KEY_COLUMN$}"), theme.key()),
            Span::raw(first),
        ]));
    } else {
        lines.push(Line::styled(format!("  {key}"), theme.key()));
    }
    for rest in wrapped {
        lines.push(Line::raw(format!("{:indent$}{rest}", "")));
    }
}

pub fn render(frame: &mut Frame, area: Rect, screen: Context, scroll: u16, theme: Theme) {
    // The text inside the border, with a column to spare on each side.
    let lines = help_lines(screen, theme, area.width.saturating_sub(4) as usize);
    let widest = lines
        .iter()
        .map(|line| width(&line.to_string()))
        .max()
        .unwrap_or(0);
    let height = (lines.len() as u16).saturating_add(2);
    let popup = super::centered(area, widest as u16 + 4, height);
    let max_scroll = height.saturating_sub(popup.height);
    let block = Block::bordered()
        .title(format!(" Keys: {} ", screen.title()))
        .title_bottom(Line::from(super::key_hints(Context::Help, theme)))
        .border_style(theme.focused_border());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(screen: Context) -> String {
        help_lines(screen, Theme::MONOCHROME, 200)
            .iter()
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_detail_help_does_not_claim_tab_switches_tabs() {
        let detail = text(Context::Detail);
        assert!(detail.contains("next section"));
        assert!(!detail.contains("next tab"), "{detail}");
        assert!(text(Context::Overview).contains("next tab"));
    }

    #[test]
    fn every_binding_of_the_screen_is_listed() {
        for screen in [
            Context::Overview,
            Context::Pipeline,
            Context::Detail,
            Context::Settings,
        ] {
            let help = text(screen);
            for binding in keymap::bindings(screen) {
                assert!(help.contains(binding.help), "{screen:?}: {}", binding.help);
            }
        }
    }

    /// At 80 columns (76 inside the popup) nothing is cut: a long meaning wraps
    /// under its own column, and a symbol wider than the key column stands alone.
    #[test]
    fn help_wraps_under_its_key_column_and_cuts_nothing() {
        for screen in [
            Context::Overview,
            Context::Pipeline,
            Context::Timeline,
            Context::Detail,
            Context::Settings,
            Context::Scorecard,
        ] {
            let lines: Vec<String> = help_lines(screen, Theme::MONOCHROME, 76)
                .iter()
                .map(|line| line.to_string())
                .collect();
            for line in &lines {
                assert!(width(line) <= 76, "{screen:?}: {line}");
            }
            let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            let all = words(&lines.join(" "));
            for binding in keymap::bindings(screen) {
                assert!(
                    all.contains(&words(binding.help)),
                    "{screen:?}: {}",
                    binding.help
                );
            }
        }
        let detail: Vec<String> = help_lines(Context::Detail, Theme::MONOCHROME, 76)
            .iter()
            .map(|line| line.to_string())
            .collect();
        let symbols = detail
            .iter()
            .position(|line| line.trim() == "[G] [A] [R] [-] [C]")
            .expect("the KPI letters stand on a line of their own");
        assert!(
            detail[symbols + 1].starts_with(&" ".repeat(2 + KEY_COLUMN)),
            "{}",
            detail[symbols + 1]
        );
    }
}
