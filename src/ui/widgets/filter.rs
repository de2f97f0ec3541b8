//! How a list says it is filtered: the filter being typed (`/ query█  3 match ·
//! Enter keep · Esc clear`) or kept (`filter “query”: 3 of 12 (Esc clears)`).

use ratatui::text::Span;

use crate::app::filter::Filter;
use crate::ui::theme::Theme;

/// The spans for `filter`, with `shown` of `total` rows let through; none when
/// there is no filter.
pub fn spans(filter: &Filter, shown: usize, total: usize, theme: Theme) -> Vec<Span<'static>> {
    if filter.is_typing() {
        vec![
            Span::styled(" / ", theme.key()),
            Span::styled(format!("{}█", filter.query()), theme.selected()),
            Span::styled(
                format!("  {shown} shown · Enter keep · Esc clear"),
                theme.dim(),
            ),
        ]
    } else if filter.is_active() {
        vec![
            Span::styled(
                format!(" filter “{}”: {shown} of {total} ", filter.query()),
                theme.warn(),
            ),
            Span::styled("(Esc clears) ", theme.dim()),
        ]
    } else {
        Vec::new()
    }
}
