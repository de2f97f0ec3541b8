//! The one place state changes: `update` applies an `Action`, and `handle_key` turns
//! a key press into one through the key map.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::action::Action;
use super::detail::{self, Section};
use super::keymap;
use super::state::{App, DetailView, Overlay, Tab};

/// Maps a key press to an action in the current context and applies it. Key
/// releases and repeats-as-releases are ignored (Windows and kitty send them).
pub fn handle_key(app: &mut App, event: KeyEvent) {
    if event.kind == KeyEventKind::Release {
        return;
    }
    if let Some(action) = keymap::action_for(app.context(), event) {
        update(app, action);
    }
}

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.should_quit = true,
        Action::GoTo(tab) => switch_tab(app, tab),
        Action::NextTab => switch_tab(app, app.tab.next()),
        Action::PrevTab => switch_tab(app, app.tab.prev()),
        Action::ToggleHelp => toggle_overlay(app, Overlay::Help { scroll: 0 }),
        Action::ShowLoadErrors => {
            if app.load_errors.is_empty() {
                app.info("every file loaded");
            } else {
                toggle_overlay(app, Overlay::LoadErrors { scroll: 0 });
            }
        }
        Action::Back => back(app),
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -(app.page_rows.max(1) as i64)),
        Action::PageDown => move_by(app, app.page_rows.max(1) as i64),
        Action::Top => move_by(app, i64::MIN / 2),
        Action::Bottom => move_by(app, i64::MAX / 2),
        Action::Left | Action::Right => {}
        Action::Open => open(app),
        Action::NextSection => switch_section(app, Section::next),
        Action::PrevSection => switch_section(app, Section::prev),
    }
}

fn switch_tab(app: &mut App, tab: Tab) {
    app.detail = None;
    app.tab = tab;
}

/// Opens `overlay`, or closes it when it is already on top.
fn toggle_overlay(app: &mut App, overlay: Overlay) {
    let same_kind = app
        .overlays
        .last()
        .is_some_and(|top| std::mem::discriminant(top) == std::mem::discriminant(&overlay));
    if same_kind {
        app.overlays.pop();
    } else {
        app.overlays.push(overlay);
    }
}

fn back(app: &mut App) {
    if app.overlays.pop().is_some() {
        return;
    }
    if let Some(detail) = app.detail.take() {
        app.tab = detail.return_to;
    }
}

fn step(value: usize, delta: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as i64)
        .saturating_add(delta)
        .clamp(0, len as i64 - 1) as usize
}

fn scroll(value: u16, delta: i64) -> u16 {
    (i64::from(value).saturating_add(delta)).clamp(0, i64::from(u16::MAX)) as u16
}

fn move_by(app: &mut App, delta: i64) {
    if let Some(overlay) = app.overlays.last_mut() {
        match overlay {
            Overlay::Help { scroll: offset } | Overlay::LoadErrors { scroll: offset } => {
                *offset = scroll(*offset, delta);
            }
        }
        return;
    }
    if let Some(detail) = app.detail.as_ref() {
        let len = app
            .partner_data(&detail.partner)
            .map_or(0, |partner| detail::items(partner, detail.section).len());
        if let Some(detail) = app.detail.as_mut() {
            detail.selected = step(detail.selected, delta, len);
        }
        return;
    }
    if app.tab == Tab::Overview {
        let len = app.summary.attention.len();
        app.overview.selected = step(app.overview.selected, delta, len);
    }
}

fn open(app: &mut App) {
    if app.tab == Tab::Overview
        && let Some(item) = app.summary.attention.get(app.overview.selected)
    {
        app.detail = Some(DetailView::new(item.partner.clone(), app.tab));
    }
}

fn switch_section(app: &mut App, change: fn(Section) -> Section) {
    if let Some(detail) = app.detail.as_mut() {
        detail.section = change(detail.section);
        detail.selected = 0;
    }
}
