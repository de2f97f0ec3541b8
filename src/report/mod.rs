//! Everything pactboard prints rather than draws: `status` (the Overview without the
//! UI), the meeting report and a partner's quarterly review pack (`report`, and
//! `Ctrl-p` in the dashboard), each built from the domain's figures only, so the
//! dashboard, `status` and the reports always agree. What the printed documents share
//! — colour for a terminal, text made safe to print, Markdown escaping — is here.

mod cells;
pub mod document;
pub mod meeting;
pub mod output;
pub mod pack;
mod status;

pub use output::{ReportKind, out_refused, save_in, write_new_in, write_to};
pub use status::*;

use chrono::NaiveDate;

use crate::cli::TodaySource;
use crate::domain::Workspace;
use crate::domain::health::HealthBand;
use crate::domain::portfolio::{PartnerSummary, PortfolioSummary};
use crate::store::{LoadError, PartnerFile};

/// What a report is made from: the loaded data and the domain's figures for it, as
/// the dashboard holds them (`app::Data`) or as `report` reads them.
#[derive(Clone, Copy)]
pub struct Portfolio<'a> {
    pub workspace: &'a Workspace,
    /// Sorted by id.
    pub partners: &'a [PartnerFile],
    /// The figures of `partners`, in step with them.
    pub summary: &'a PortfolioSummary,
    /// Files that did not load, or loaded read-only: a report says what it lacks.
    pub load_errors: &'a [LoadError],
    pub today: NaiveDate,
    pub source: TodaySource,
}

impl<'a> Portfolio<'a> {
    /// Each partner with its figures, in the order of the pipeline: by stage (the
    /// workspace's order; stages it lacks last), then by name.
    pub fn in_stage_order(&self) -> Vec<(&'a PartnerFile, &'a PartnerSummary)> {
        let mut list: Vec<_> = self.partners.iter().zip(&self.summary.partners).collect();
        list.sort_by_cached_key(|(file, _)| {
            (
                self.workspace
                    .stage_index(&file.partner.stage)
                    .unwrap_or(usize::MAX),
                file.partner.name.to_lowercase(),
                file.id.clone(),
            )
        });
        list
    }

    /// Partner `id` with its figures.
    pub fn partner(&self, id: &str) -> Option<(&'a PartnerFile, &'a PartnerSummary)> {
        self.partners
            .iter()
            .zip(&self.summary.partners)
            .find(|(file, _)| file.id == id)
    }
}

/// ANSI colour for terminal output, or nothing.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }

    pub fn band(self, band: HealthBand, text: &str) -> String {
        match band {
            HealthBand::Good => self.wrap("32", text),
            HealthBand::Fair => self.wrap("33", text),
            HealthBand::Poor => self.wrap("31", text),
            HealthBand::NotStarted | HealthBand::Closed => self.dim(text),
        }
    }

    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }
}

/// A cell of a Markdown table: printable, and a `|` in it does not end the cell.
pub fn escape_cell(text: &str) -> String {
    printable(text).replace('|', "\\|")
}

/// Text from the data made safe for a terminal: a name holding an escape sequence
/// must not retitle the reader's window or worse. Line breaks and tabs become
/// spaces, other control characters `�`. (The dashboard is safe already: ratatui
/// draws control characters as nothing.)
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            '\n' | '\r' | '\t' => ' ',
            ch if ch.is_control() => '\u{fffd}',
            ch => ch,
        })
        .collect()
}

/// Text as Markdown inline code; messages quote names in backticks (``unknown
/// field `colour` ``), which a double-backtick span keeps.
pub fn code_span(text: &str) -> String {
    let text = printable(text);
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}
