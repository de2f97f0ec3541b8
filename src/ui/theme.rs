//! Every style in one place. Colours are the 16 ANSI ones (they survive SSH and old
//! terminals); with `NO_COLOR` a monochrome theme keeps meaning with bold, reverse,
//! underline and dim — and every status also carries a letter or symbol.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::health::HealthBand;
use crate::domain::kpi::KpiStatus;
use crate::domain::timeline::MilestoneStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const MONOCHROME: Theme = Theme { color: false };

    /// Colour unless `NO_COLOR` is set to something non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn text(self) -> Style {
        Style::new()
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn focused_border(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn tab(self) -> Style {
        self.dim()
    }

    pub fn active_tab(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn bad(self) -> Style {
        if self.color {
            Style::new().fg(Color::Red)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn error(self) -> Style {
        self.bad().add_modifier(Modifier::BOLD)
    }

    pub fn band(self, band: HealthBand) -> Style {
        match band {
            HealthBand::Good => self.good(),
            HealthBand::Fair => self.warn(),
            HealthBand::Poor => self.bad(),
            HealthBand::NotStarted | HealthBand::Closed => self.dim(),
        }
    }

    /// A score cell, shaded from weak (1) to strong (5). Without colour the digit
    /// carries it: bold for 4–5, dim for 1–2.
    pub fn score(self, score: u8) -> Style {
        if self.color {
            let shade = match score {
                0 | 1 => Color::Red,
                2 => Color::LightRed,
                3 => Color::Yellow,
                4 => Color::LightGreen,
                _ => Color::Green,
            };
            Style::new().bg(shade).fg(Color::Black)
        } else {
            match score {
                4.. => Style::new().add_modifier(Modifier::BOLD),
                3 => Style::new(),
                _ => Style::new().add_modifier(Modifier::DIM),
            }
        }
    }

    /// A value being tried, not saved yet (a weight on the Scoring tab).
    pub fn tried(self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn kpi(self, status: KpiStatus) -> Style {
        match status {
            KpiStatus::Green => self.good(),
            KpiStatus::Amber => self.warn(),
            KpiStatus::Red => self.bad(),
            KpiStatus::TooEarly { .. } | KpiStatus::Closed(_) => self.dim(),
        }
    }
}

/// The symbol that carries a health band without colour.
pub fn band_symbol(band: HealthBand) -> &'static str {
    match band {
        HealthBand::Good => "●",
        HealthBand::Fair => "◐",
        HealthBand::Poor => "○",
        HealthBand::NotStarted | HealthBand::Closed => "·",
    }
}

/// The letter that carries a KPI status without colour.
pub fn kpi_letter(status: KpiStatus) -> &'static str {
    match status {
        KpiStatus::Green => "G",
        KpiStatus::Amber => "A",
        KpiStatus::Red => "R",
        KpiStatus::TooEarly { .. } => "-",
        KpiStatus::Closed(_) => "C",
    }
}

/// The symbol that carries a milestone's status without colour.
pub fn milestone_symbol(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::Done => "✓",
        MilestoneStatus::InProgress => "▶",
        MilestoneStatus::Planned => "○",
        MilestoneStatus::Blocked => "■",
        MilestoneStatus::Cancelled => "x",
    }
}

impl Theme {
    /// A milestone by its status; late (open and past due) overrides it.
    pub fn milestone(self, status: MilestoneStatus, late: bool) -> Style {
        match status {
            MilestoneStatus::Done => self.good(),
            MilestoneStatus::Cancelled => self.dim(),
            MilestoneStatus::Blocked => self.bad(),
            _ if late => self.bad(),
            MilestoneStatus::InProgress => self.fg(Color::Cyan),
            MilestoneStatus::Planned => self.text(),
        }
    }

    /// The line for today on a calendar.
    pub fn today(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
}
