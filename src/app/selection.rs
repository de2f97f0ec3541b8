//! A selection in a list, held by identity: the same item stays selected wherever
//! the list moves it, and where it was is the fallback when it disappears — the one
//! way every screen steps, pages and jumps through its list.

use super::action::Action;

/// The selected item of a list, by what it is, and its last known place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor<K> {
    selected: Option<K>,
    position: usize,
}

impl<K> Default for Cursor<K> {
    fn default() -> Self {
        Cursor {
            selected: None,
            position: 0,
        }
    }
}

impl<K: Clone + PartialEq> Cursor<K> {
    pub fn selected(&self) -> Option<&K> {
        self.selected.as_ref()
    }

    /// Where the selection was in the list the last time it was settled or moved.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The selected item's place in `items`.
    pub fn index_in(&self, items: &[K]) -> Option<usize> {
        let selected = self.selected.as_ref()?;
        items.iter().position(|item| item == selected)
    }

    /// Stays on the same item wherever it moved; a vanished one gives way to the
    /// item now at its place (the last, when the list got shorter).
    pub fn settle(&mut self, items: &[K]) {
        self.settle_or(items, self.position);
    }

    /// Stays on the same item wherever it moved; a vanished one gives way to the
    /// item at `fallback` — after a filter changed, the first that matches.
    pub fn settle_or(&mut self, items: &[K], fallback: usize) {
        if let Some(index) = self.index_in(items) {
            self.position = index;
            return;
        }
        self.position = fallback.min(items.len().saturating_sub(1));
        self.selected = items.get(self.position).cloned();
    }

    /// Moves `delta` items (negative: up), stopping at either end.
    pub fn step(&mut self, items: &[K], delta: i64) {
        if items.is_empty() {
            return;
        }
        let current = self.index_in(items).unwrap_or(self.position) as i64;
        let target = current
            .saturating_add(delta)
            .clamp(0, items.len() as i64 - 1) as usize;
        self.position = target;
        self.selected = Some(items[target].clone());
    }

    /// Selects `wanted` when `items` lists it; says whether it did.
    pub fn select(&mut self, items: &[K], wanted: &K) -> bool {
        match items.iter().position(|item| item == wanted) {
            Some(index) => {
                self.position = index;
                self.selected = Some(wanted.clone());
                true
            }
            None => false,
        }
    }

    /// The first item, as if nothing had been selected before.
    pub fn reset(&mut self, items: &[K]) {
        *self = Cursor::default();
        self.settle(items);
    }

    pub fn last(&mut self, items: &[K]) {
        self.step(items, i64::MAX / 2);
    }
}

/// How many items a movement key moves: `j`/`k` one, PgDn/PgUp `page`, `G`/`g` to
/// the end; `None` for any other action.
pub fn movement(action: &Action, page: i64) -> Option<i64> {
    match action {
        Action::Up => Some(-1),
        Action::Down => Some(1),
        Action::PageUp => Some(-page),
        Action::PageDown => Some(page),
        Action::Top => Some(i64::MIN / 2),
        Action::Bottom => Some(i64::MAX / 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEMS: [&str; 4] = ["a", "b", "c", "d"];

    #[test]
    fn keeps_the_item_wherever_it_moves_and_falls_back_to_its_place() {
        let mut cursor = Cursor::default();
        cursor.settle(&ITEMS);
        assert_eq!(cursor.selected(), Some(&"a"));
        cursor.step(&ITEMS, 2);
        assert_eq!((cursor.selected(), cursor.position()), (Some(&"c"), 2));
        cursor.settle(&["c", "a", "b"]);
        assert_eq!((cursor.selected(), cursor.position()), (Some(&"c"), 0));
        cursor.step(&["x", "y", "c", "z"], 1);
        assert_eq!(cursor.selected(), Some(&"z"));
        cursor.settle(&["x", "y"]);
        assert_eq!((cursor.selected(), cursor.position()), (Some(&"y"), 1));
        cursor.settle_or(&["q", "r"], 0);
        assert_eq!(cursor.selected(), Some(&"q"));
        cursor.settle(&[]);
        assert_eq!(cursor.selected(), None);
    }

    #[test]
    fn steps_stop_at_the_ends() {
        let mut cursor = Cursor::default();
        cursor.step(&ITEMS, -1);
        assert_eq!(cursor.selected(), Some(&"a"));
        cursor.step(&ITEMS, movement(&Action::Bottom, 10).unwrap());
        assert_eq!(cursor.selected(), Some(&"d"));
        cursor.step(&ITEMS, movement(&Action::PageUp, 10).unwrap());
        assert_eq!(cursor.selected(), Some(&"a"));
        assert!(cursor.select(&ITEMS, &"c"));
        assert!(!cursor.select(&ITEMS, &"x"));
        assert_eq!(cursor.selected(), Some(&"c"));
        assert_eq!(movement(&Action::Open, 10), None);
    }
}
