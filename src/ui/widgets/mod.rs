//! Pieces reused across screens: text fitting, the help overlay, the load-error
//! list, centred popups.

pub mod confirm;
pub mod form;
pub mod help;
pub mod load_errors;
pub mod text;

use ratatui::layout::{Constraint, Flex, Layout, Rect};

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
