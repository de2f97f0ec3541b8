//! Pieces reused across screens: the help overlay, the load-error list, forms,
//! questions, the filter line, the placeholder of a tab not built yet, centred
//! popups.

pub mod clash;
pub mod coming;
pub mod confirm;
pub mod filter;
pub mod form;
pub mod help;
pub mod load_errors;

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Span;

use crate::app::keymap::{self, Context};
use crate::ui::theme::Theme;

/// An overlay's key hints from the key map: "Esc close  j/k scroll".
pub fn key_hints(context: Context, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (keys, hint) in keymap::hints(context) {
        spans.push(Span::styled(format!(" {keys}"), theme.key()));
        spans.push(Span::styled(format!(" {hint} "), theme.dim()));
    }
    spans
}

/// Every key of a question, in full, from the key map: "y/Enter yes  n/Esc no".
pub fn answer_keys(context: Context, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for binding in keymap::bindings(context) {
        if let Some(hint) = binding.hint {
            spans.push(Span::styled(
                format!(" {}", keymap::keys_label(binding)),
                theme.key(),
            ));
            spans.push(Span::styled(format!(" {hint} "), theme.dim()));
        }
    }
    spans
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}
