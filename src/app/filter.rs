//! `/` on any list: the filter being typed or kept, and fuzzy matching of a row's
//! fields against it. A list screen holds a `Filter`, hands it the actions of the
//! `Filter` context, and keeps the rows that `Matcher::matches` accepts.

use crossterm::event::KeyEvent;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Utf32Str};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::form::one_line;
use super::keymap::Context;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// What was typed; empty means no filter.
    query: String,
    /// Set while the filter is being typed.
    input: Option<Box<TextArea<'static>>>,
}

impl Filter {
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Whether the filter is being typed (its own key context).
    pub fn is_typing(&self) -> bool {
        self.input.is_some()
    }

    /// Whether a filter narrows the list.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The list's context, or `Filter` while one is typed.
    pub fn context(&self, list: Context) -> Context {
        if self.is_typing() {
            Context::Filter
        } else {
            list
        }
    }

    /// Takes the filter's actions: `/` starts typing, keys type, `Enter` keeps it,
    /// `Esc` clears it. `None` when the action is not the filter's (a list then does
    /// its own thing: `Esc` with no filter leaves the screen); otherwise whether the
    /// rows shown may have changed.
    pub fn update(&mut self, action: Action) -> Option<bool> {
        let shown = self.is_typing() || self.is_active();
        match (action, self.input.as_mut()) {
            (Action::StartFilter, None) => {
                let mut input = TextArea::new(vec![self.query.clone()]);
                input.move_cursor(ratatui_textarea::CursorMove::End);
                self.input = Some(Box::new(input));
                Some(false)
            }
            (Action::Input(key), Some(input)) => {
                type_key(input, key);
                self.query = input.lines().join(" ");
                Some(true)
            }
            (Action::Submit, Some(_)) => {
                self.input = None;
                Some(false)
            }
            (Action::Back, _) if shown => {
                self.input = None;
                self.query.clear();
                Some(true)
            }
            _ => None,
        }
    }

    /// Pasted text, while typing; says whether it was taken.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(input) = self.input.as_mut() else {
            return false;
        };
        input.insert_str(one_line(text));
        self.query = input.lines().join(" ");
        true
    }

    /// The matcher for the query, or `None` when there is no filter.
    pub fn matcher(&self) -> Option<Matcher> {
        self.is_active().then(|| Matcher {
            pattern: Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart),
            matcher: nucleo_matcher::Matcher::new(Config::DEFAULT),
            buffer: Vec::new(),
        })
    }
}

fn type_key(input: &mut TextArea<'static>, key: KeyEvent) {
    // The filter is one line: Enter is `Submit` in the key map, anything that would
    // still break the line is dropped.
    if key.code == crossterm::event::KeyCode::Enter {
        return;
    }
    input.input(key);
}

/// Fuzzy matching against one query.
pub struct Matcher {
    pattern: Pattern,
    matcher: nucleo_matcher::Matcher,
    buffer: Vec<char>,
}

impl Matcher {
    /// Whether any one of `fields` matches. Each field on its own: letters scattered
    /// across name, kind and owner together would match almost anything.
    pub fn matches<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        fields.into_iter().any(|field| {
            self.pattern
                .score(Utf32Str::new(field, &mut self.buffer), &mut self.matcher)
                .is_some()
        })
    }
}

/// Whether `fields` match `filter`: always, when there is none. For one-off checks;
/// a list of many rows takes one `Matcher` for all of them.
pub fn keeps<'a>(matcher: &mut Option<Matcher>, fields: impl IntoIterator<Item = &'a str>) -> bool {
    matcher
        .as_mut()
        .is_none_or(|matcher| matcher.matches(fields))
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn typed(filter: &mut Filter, text: &str) {
        for ch in text.chars() {
            filter.update(Action::Input(KeyEvent::new(
                KeyCode::Char(ch),
                KeyModifiers::NONE,
            )));
        }
    }

    #[test]
    fn typing_keeping_and_clearing() {
        let mut filter = Filter::default();
        assert_eq!(filter.context(Context::Overview), Context::Overview);
        assert_eq!(
            filter.update(Action::Back),
            None,
            "no filter: Esc is the list's"
        );
        assert_eq!(filter.update(Action::StartFilter), Some(false));
        assert_eq!(filter.context(Context::Overview), Context::Filter);
        typed(&mut filter, "kestrl");
        assert_eq!(filter.query(), "kestrl");
        assert!(filter.paste(" x\ny"));
        assert_eq!(
            filter.query(),
            "kestrl x y",
            "a pasted line break is a space"
        );
        filter.update(Action::Submit);
        assert!(!filter.is_typing() && filter.is_active(), "Enter keeps it");
        assert!(!filter.paste("y"), "only taken while typing");
        let mut matcher = filter.matcher();
        assert!(!keeps(&mut matcher, ["Kestrel Devices"]));
        assert_eq!(filter.update(Action::Back), Some(true));
        assert!(!filter.is_active());
        assert!(keeps(&mut filter.matcher(), ["anything"]));
    }

    #[test]
    fn fuzzy_and_field_by_field() {
        let mut filter = Filter::default();
        filter.update(Action::StartFilter);
        typed(&mut filter, "kestrl");
        let mut matcher = filter.matcher();
        assert!(
            keeps(&mut matcher, ["Kestrel Devices"]),
            "a typo still matches"
        );
        filter.update(Action::Back);
        filter.update(Action::StartFilter);
        typed(&mut filter, "tomas");
        let mut matcher = filter.matcher();
        assert!(!keeps(&mut matcher, ["to", "mas"]), "not across fields");
        assert!(keeps(&mut matcher, ["x", "Tomás"]));
    }
}
