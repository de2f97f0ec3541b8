//! A printed document as plain blocks — headings, paragraphs, lists, tables — built
//! once and written out either as GitHub-flavoured Markdown or as text that fits a
//! terminal's width (wrapping long cells, measuring by display width, so a CJK name
//! counts double; a table too wide for its columns becomes one record per row).

use crate::text::{width, wrap_cut};

use super::{Paint, escape_cell, printable};

/// The narrowest text output tried: below it nothing useful fits anyway.
pub const MIN_WIDTH: usize = 20;
/// Columns between the cells of a text table.
const GAP: usize = 2;
/// A column narrower than this wraps its cells into too many lines to read: a table
/// whose columns cannot each have it (or their widest cell, if less) is printed as
/// records instead.
const READABLE: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title (`#`).
    Title(String),
    /// A section (`##`).
    Heading(String),
    /// A part of a section (`###`).
    Subheading(String),
    /// A paragraph.
    Text(String),
    /// A bulleted list.
    List(Vec<String>),
    Table(Table),
}

/// A table: a header and rows of cells (a row shorter than the header is padded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(head: &[&str]) -> Table {
        Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn cell(&self, row: usize, column: usize) -> &str {
        self.rows[row].get(column).map_or("", String::as_str)
    }
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn title(&mut self, text: impl Into<String>) {
        self.push(Block::Title(text.into()));
    }

    pub fn heading(&mut self, text: impl Into<String>) {
        self.push(Block::Heading(text.into()));
    }

    pub fn subheading(&mut self, text: impl Into<String>) {
        self.push(Block::Subheading(text.into()));
    }

    pub fn text(&mut self, text: impl Into<String>) {
        self.push(Block::Text(text.into()));
    }

    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.push(Block::List(items));
        }
    }

    /// The table, or `empty` as a paragraph when it has no rows.
    pub fn table_or(&mut self, table: Table, empty: &str) {
        if table.rows.is_empty() {
            self.text(empty);
        } else {
            self.push(Block::Table(table));
        }
    }

    /// GitHub-flavoured Markdown: tables as pipe tables with `|` escaped in cells.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push('\n');
            }
            match block {
                Block::Title(text) => out.push_str(&format!("# {}\n", printable(text))),
                Block::Heading(text) => out.push_str(&format!("## {}\n", printable(text))),
                Block::Subheading(text) => out.push_str(&format!("### {}\n", printable(text))),
                Block::Text(text) => out.push_str(&format!("{}\n", printable(text))),
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", printable(item)));
                    }
                }
                Block::Table(table) => {
                    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                    out.push_str(&line(table.head.iter().map(|h| escape_cell(h)).collect()));
                    out.push_str(&format!("|{}\n", "---|".repeat(table.head.len())));
                    for row in 0..table.rows.len() {
                        let cells = (0..table.head.len())
                            .map(|column| match escape_cell(table.cell(row, column)) {
                                // An empty cell reads as a gap in some viewers.
                                cell if cell.trim().is_empty() => "–".to_string(),
                                cell => cell,
                            })
                            .collect();
                        out.push_str(&line(cells));
                    }
                }
            }
        }
        out
    }

    /// Plain text no wider than `columns` (at least `MIN_WIDTH`) display columns a
    /// line; headings in bold when `paint` is on (escape codes take no columns).
    pub fn text_output(&self, columns: usize, paint: Paint) -> String {
        let columns = columns.max(MIN_WIDTH);
        let mut lines: Vec<String> = Vec::new();
        for block in &self.blocks {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            match block {
                Block::Title(text) => {
                    let wrapped = wrap_cut(&printable(text), columns);
                    let rule = wrapped.iter().map(|l| width(l)).max().unwrap_or(0);
                    lines.extend(wrapped.iter().map(|l| paint.bold(l)));
                    lines.push("=".repeat(rule));
                }
                Block::Heading(text) => {
                    let wrapped = wrap_cut(&printable(text), columns);
                    let rule = wrapped.iter().map(|l| width(l)).max().unwrap_or(0);
                    lines.extend(wrapped.iter().map(|l| paint.bold(l)));
                    lines.push("-".repeat(rule));
                }
                Block::Subheading(text) => lines.extend(
                    wrap_cut(&printable(text), columns)
                        .iter()
                        .map(|l| paint.bold(l)),
                ),
                Block::Text(text) => lines.extend(wrap_cut(&printable(text), columns)),
                Block::List(items) => {
                    for item in items {
                        lines.extend(hanging("- ", &printable(item), columns));
                    }
                }
                Block::Table(table) => lines.extend(table_lines(table, columns, paint)),
            }
        }
        let mut out = String::new();
        for line in lines {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// `text` wrapped after `lead`, its following lines indented as far.
fn hanging(lead: &str, text: &str, columns: usize) -> Vec<String> {
    let indent = width(lead);
    wrap_cut(text, columns.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 {
                format!("{lead}{line}")
            } else {
                format!("{}{line}", " ".repeat(indent))
            }
        })
        .collect()
}

/// How wide each column of `table` is drawn within `columns`, or `None` when the
/// columns cannot each get a readable width side by side. Every column gets its
/// widest cell or `READABLE` columns, whichever is less; what room is left goes to
/// the columns that want more, in proportion to how much more they want.
fn column_widths(table: &Table, columns: usize) -> Option<Vec<usize>> {
    let count = table.head.len();
    if count == 0 {
        return None;
    }
    let natural: Vec<usize> = (0..count)
        .map(|column| {
            (0..table.rows.len())
                .map(|row| width(&printable(table.cell(row, column))))
                .chain([width(&table.head[column])])
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let room = columns.checked_sub(GAP * (count - 1))?;
    if natural.iter().sum::<usize>() <= room {
        return Some(natural);
    }
    let mut widths: Vec<usize> = natural.iter().map(|n| (*n).min(READABLE)).collect();
    let least: usize = widths.iter().sum();
    if least > room {
        return None;
    }
    let spare = room - least;
    let wanted: Vec<usize> = natural.iter().zip(&widths).map(|(n, w)| n - w).collect();
    let total_wanted: usize = wanted.iter().sum();
    for (width, want) in widths.iter_mut().zip(&wanted) {
        *width += spare * want / total_wanted.max(1);
    }
    // What rounding down left over, to the columns still wanting most.
    let mut left = room - widths.iter().sum::<usize>();
    while left > 0 {
        let Some(column) = (0..count)
            .filter(|c| widths[*c] < natural[*c])
            .max_by_key(|c| (natural[*c] - widths[*c], std::cmp::Reverse(*c)))
        else {
            break;
        };
        widths[column] += 1;
        left -= 1;
    }
    Some(widths)
}

/// A text table: header, a rule, and rows whose cells wrap within their column.
fn table_lines(table: &Table, columns: usize, paint: Paint) -> Vec<String> {
    let Some(widths) = column_widths(table, columns) else {
        return records(table, columns, paint);
    };
    let mut lines = Vec::new();
    let mut row_lines = |cells: Vec<String>, bold: bool| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| wrap_cut(&printable(cell), *w))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for index in 0..height {
            let mut line = String::new();
            for (column, cell) in wrapped.iter().enumerate() {
                let text = cell.get(index).map_or("", String::as_str);
                if column > 0 {
                    line.push_str(&" ".repeat(GAP));
                }
                line.push_str(text);
                line.push_str(&" ".repeat(widths[column].saturating_sub(width(text))));
            }
            let line = line.trim_end().to_string();
            lines.push(if bold { paint.bold(&line) } else { line });
        }
    };
    row_lines(table.head.clone(), true);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    row_lines(rule, false);
    for row in 0..table.rows.len() {
        let cells = (0..table.head.len())
            .map(|column| table.cell(row, column).to_string())
            .collect();
        row_lines(cells, false);
    }
    lines
}

/// A table too wide for the terminal, one record per row: the first cell, then each
/// other cell under it as "Header: value".
fn records(table: &Table, columns: usize, paint: Paint) -> Vec<String> {
    let mut lines = Vec::new();
    for row in 0..table.rows.len() {
        if row > 0 {
            lines.push(String::new());
        }
        let first = format!("{}: {}", table.head[0], table.cell(row, 0));
        lines.extend(
            wrap_cut(&printable(&first), columns)
                .iter()
                .map(|l| paint.bold(l)),
        );
        for (column, head) in table.head.iter().enumerate().skip(1) {
            let cell = table.cell(row, column);
            // Nothing to say: a record need not list it.
            if matches!(cell.trim(), "" | "–") {
                continue;
            }
            let wrapped = hanging(&format!("{head}: "), &printable(cell), columns - 2);
            lines.extend(wrapped.into_iter().map(|l| format!("  {l}")));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Paint = Paint { enabled: false };

    fn sample() -> Document {
        let mut doc = Document::default();
        doc.title("Weekly report");
        doc.heading("Partners");
        let mut table = Table::new(&["Partner", "Note"]);
        table.row(vec!["Acme | Co".into(), "short".into()]);
        table.row(vec![
            "北京合作伙伴".into(),
            "a much longer note that will have to wrap".into(),
        ]);
        doc.push(Block::Table(table));
        doc.list(vec!["one item".into()]);
        doc
    }

    #[test]
    fn markdown_has_pipe_tables_with_escaped_cells() {
        let md = sample().markdown();
        assert!(
            md.starts_with("# Weekly report\n\n## Partners\n\n| Partner | Note |\n|---|---|\n")
        );
        assert!(md.contains("| Acme \\| Co | short |"), "{md}");
        assert!(md.ends_with("\n- one item\n"), "{md}");
    }

    #[test]
    fn text_fits_the_width_with_wide_characters_counted_double() {
        for columns in [20, 30, 40, 80] {
            let text = sample().text_output(columns, PLAIN);
            for line in text.lines() {
                assert!(width(line) <= columns, "{columns}: {line:?}\n{text}");
            }
            assert!(text.contains("北京"), "{text}");
        }
        let wide = sample().text_output(80, PLAIN);
        assert!(
            wide.contains("北京合作伙伴  a much longer note that will have to wrap"),
            "{wide}"
        );
    }

    #[test]
    fn a_table_that_cannot_fit_becomes_records() {
        let mut table = Table::new(&["A", "B", "C", "D"]);
        table.row(vec![
            "first".into(),
            "a second value that is long".into(),
            String::new(),
            "another long value here".into(),
        ]);
        let lines = table_lines(&table, 40, PLAIN);
        assert_eq!(
            lines,
            [
                "A: first",
                "  B: a second value that is long",
                "  D: another long value here"
            ]
        );
    }

    #[test]
    fn room_goes_to_the_columns_that_want_it() {
        let mut table = Table::new(&["Name", "Text"]);
        table.row(vec!["abcdefghijkl".into(), "x".repeat(60)]);
        // 12 + 2 + 60 = 74 fits 80.
        assert_eq!(column_widths(&table, 80), Some(vec![12, 60]));
        // At 40 the name keeps its 12, the text takes the rest.
        assert_eq!(column_widths(&table, 40), Some(vec![12, 26]));
        table.row(vec!["n".repeat(40), "y".into()]);
        // Both want more than 16: the spare 6 is shared 24 to 44.
        assert_eq!(column_widths(&table, 40), Some(vec![18, 20]));
        assert_eq!(column_widths(&table, 33), None);
    }
}
