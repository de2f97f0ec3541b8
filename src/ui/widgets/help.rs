//! The `?` overlay: every key of the current screen and the global ones (less any
//! the screen takes over), generated from the key map, and what the symbols mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{self, Binding, Context};
use crate::text::width;
use crate::ui::theme::Theme;

/// Whether every key of `binding` is taken by a binding of `screen`.
fn shadowed(binding: &Binding, screen: Context) -> bool {
    binding
        .keys
        .iter()
        .all(|key| keymap::bindings(screen).any(|own| own.keys.contains(key)))
}

/// The help text for `screen`: its own keys, then the global ones it leaves alone,
/// then the symbols.
pub fn help_lines(screen: Context, theme: Theme) -> Vec<Line<'static>> {
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
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<16}", keymap::keys_label(binding)),
                    theme.key(),
                ),
                Span::raw(binding.help),
            ]));
        }
    }
    let symbols = keymap::legend(screen);
    if !symbols.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Symbols", theme.heading()));
        for (symbol, meaning) in symbols {
            lines.push(Line::from(vec![
                Span::styled(format!("  {symbol:<16}"), theme.key()),
                Span::raw(*meaning),
            ]));
        }
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, screen: Context, scroll: u16, theme: Theme) {
    let lines = help_lines(screen, theme);
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
        help_lines(screen, Theme::MONOCHROME)
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
}
