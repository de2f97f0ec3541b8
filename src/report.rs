//! `pactboard status` output — text, Markdown and the stable JSON interface — built
//! from the domain's portfolio summary; the same facts as the Overview, without a UI.

use crate::domain::validate::Severity;
use chrono::NaiveDate;
use serde::Serialize;

use crate::check::Findings;
use crate::cli::TodaySource;
use crate::domain::attention::AttentionItem;
use crate::domain::health::HealthBand;
use crate::domain::portfolio::{PortfolioSummary, summarize};
use crate::store::Snapshot;
use crate::text::{as_of, fit};

/// The portfolio summary for everything in a snapshot.
fn summary_of(snapshot: &Snapshot, today: NaiveDate) -> PortfolioSummary {
    summarize(&snapshot.partner_refs(), &snapshot.workspace, today)
}

// ---- JSON ----

#[derive(Serialize)]
struct JsonStatus<'a> {
    today: String,
    partners: Vec<JsonPartner<'a>>,
    stages: Vec<JsonStage<'a>>,
    attention: Vec<JsonAttention<'a>>,
    load_errors: Vec<JsonLoadError<'a>>,
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonPartner<'a> {
    id: &'a str,
    name: &'a str,
    /// The stage's display name.
    stage: &'a str,
    /// The stage's id, which stays when the stage is renamed.
    stage_id: &'a str,
    owner: &'a str,
    /// `null` while the partner has no data to judge ("not started").
    health: Option<u8>,
    score: Option<u8>,
    score_coverage: [usize; 2],
    kpis: JsonKpis,
    milestones: JsonMilestones,
    last_checkin: Option<String>,
    open_actions: usize,
}

#[derive(Serialize)]
struct JsonKpis {
    green: usize,
    amber: usize,
    red: usize,
    stale: usize,
    early_warning: usize,
}

#[derive(Serialize)]
struct JsonMilestones {
    open: usize,
    overdue: usize,
    due_14d: usize,
}

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    name: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct JsonAttention<'a> {
    partner: &'a str,
    kind: &'static str,
    message: String,
    due: Option<String>,
}

#[derive(Serialize)]
struct JsonLoadError<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

/// A problem `check` finds in a file that loaded: an error (`status` then exits 1)
/// or a warning.
#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'static str,
    message: &'a str,
}

/// The `status --format json` document of PRODUCT.md, pretty-printed.
pub fn status_json(snapshot: &Snapshot, findings: &Findings, today: NaiveDate) -> String {
    let summary = summary_of(snapshot, today);
    let partners = snapshot
        .partners
        .iter()
        .zip(&summary.partners)
        .map(|(file, figures)| JsonPartner {
            id: &file.id,
            name: &file.partner.name,
            stage: snapshot.workspace.stage_name(&file.partner.stage),
            stage_id: &file.partner.stage,
            owner: &file.partner.owner,
            health: figures.health.score,
            score: figures
                .score
                .value
                .map(|v| v.round().clamp(0.0, 100.0) as u8),
            score_coverage: [figures.score.scored, figures.score.criteria],
            kpis: JsonKpis {
                green: figures.kpis.green,
                amber: figures.kpis.amber,
                red: figures.kpis.red,
                stale: figures.kpis.stale,
                early_warning: figures.kpis.early_warning,
            },
            milestones: JsonMilestones {
                open: figures.milestones.open,
                overdue: figures.milestones.overdue,
                due_14d: figures.milestones.due_14d,
            },
            last_checkin: figures.last_checkin.map(|d| d.to_string()),
            open_actions: figures.open_actions,
        })
        .collect();
    let document = JsonStatus {
        today: today.to_string(),
        partners,
        stages: summary
            .stages
            .iter()
            .map(|stage| JsonStage {
                id: &stage.id,
                name: &stage.name,
                count: stage.count,
            })
            .collect(),
        attention: summary
            .attention
            .iter()
            .map(|item| JsonAttention {
                partner: &item.partner,
                kind: item.kind.as_str(),
                message: item.message(),
                due: item.due.map(|d| d.to_string()),
            })
            .collect(),
        load_errors: snapshot
            .errors
            .iter()
            .map(|error| JsonLoadError {
                file: &error.file,
                line: error.line,
                column: error.column,
                message: &error.message,
            })
            .collect(),
        problems: findings
            .problems
            .iter()
            .map(|problem| JsonProblem {
                file: &problem.file,
                line: problem.line,
                column: problem.column,
                severity: problem.severity.label(),
                message: &problem.message,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

// ---- text and Markdown ----

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
            HealthBand::NotStarted => self.dim(text),
        }
    }

    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }
}

/// The health badge used everywhere: number and a letter, never colour alone.
pub fn health_badge(score: Option<u8>) -> String {
    match score {
        Some(score) => format!("{score:>3} {}", band_letter(HealthBand::of(Some(score)))),
        None => "  – ·".to_string(),
    }
}

/// G(ood), F(air), P(oor), · (not started).
pub fn band_letter(band: HealthBand) -> char {
    match band {
        HealthBand::Good => 'G',
        HealthBand::Fair => 'F',
        HealthBand::Poor => 'P',
        HealthBand::NotStarted => '·',
    }
}

fn attention_line(item: &AttentionItem, today: NaiveDate) -> String {
    let timing = item.timing(today);
    let timing = if timing.is_empty() {
        "now".to_string()
    } else {
        timing
    };
    format!(
        "{:>13}  {}  {}",
        timing,
        fit(&printable(&item.partner_name), 22),
        printable(&item.message())
    )
}

/// `status --format text`: the Overview for a terminal or a pipe.
pub fn status_text(
    snapshot: &Snapshot,
    findings: &Findings,
    today: NaiveDate,
    source: TodaySource,
    paint: Paint,
) -> String {
    let summary = summary_of(snapshot, today);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(paint.bold(&format!(
        "{} — {}",
        printable(&snapshot.workspace.name),
        as_of(today, source)
    )));
    let bands: Vec<String> = summary
        .bands
        .iter()
        .map(|(band, count)| paint.band(*band, &format!("{} {count}", band.label())))
        .collect();
    line(format!(
        "Portfolio health {} · {}",
        average_text(&summary),
        bands.join(" · ")
    ));
    line(format!("Stages: {}", stages_text(&summary)));
    line(String::new());

    line(paint.bold(&format!("Needs attention ({})", summary.attention.len())));
    if summary.attention.is_empty() {
        line("  nothing — every partnership is on track".into());
    }
    for item in &summary.attention {
        line(attention_line(item, today));
    }
    line(String::new());

    line(paint.bold(&format!(
        "Next {} days",
        crate::domain::portfolio::UPCOMING_DAYS
    )));
    if summary.upcoming.is_empty() {
        line("  nothing due".into());
    }
    for entry in &summary.upcoming {
        line(format!(
            "  {} {}  {}  {:<9}  {}",
            entry.date.format("%a"),
            entry.date,
            fit(&printable(&entry.partner_name), 22),
            entry.kind.label(),
            printable(&entry.what)
        ));
    }
    line(String::new());

    line(paint.bold("Partners"));
    line(paint.dim(&format!(
        "  {} {} {:>6} {:>5}  {:<11} {:>4}  {:<10}  {:>7}",
        fit("Partner", 24),
        fit("Stage", 12),
        "Health",
        "Score",
        "KPIs G/A/R/S",
        "Late",
        "Check-in",
        "Actions"
    )));
    for (file, figures) in snapshot.partners.iter().zip(&summary.partners) {
        let kpis = figures.kpis;
        let kpi_text = if figures.kpis == Default::default() {
            "–".to_string()
        } else {
            format!("{}/{}/{}/{}", kpis.green, kpis.amber, kpis.red, kpis.stale)
        };
        let badge = paint.band(
            figures.health.band(),
            &format!("{:>6}", health_badge(figures.health.score)),
        );
        line(format!(
            "  {} {} {} {:>5}  {:<11} {:>4}  {:<10}  {:>7}",
            fit(&printable(&file.partner.name), 24),
            fit(
                &printable(snapshot.workspace.stage_name(&file.partner.stage)),
                12
            ),
            badge,
            score_text(figures),
            kpi_text,
            figures.milestones.overdue,
            dash_or(figures.last_checkin),
            figures.open_actions
        ));
    }
    if !snapshot.errors.is_empty() {
        line(String::new());
        line(paint.red(&paint.bold(&format!(
            "Files that did not load ({})",
            snapshot.errors.len()
        ))));
        for error in &snapshot.errors {
            line(format!("  {}", printable(&error.to_string())));
        }
    }
    if !findings.problems.is_empty() {
        line(String::new());
        let heading = format!("Problems ({})", problem_counts(findings));
        line(if findings.failed() {
            paint.red(&paint.bold(&heading))
        } else {
            paint.bold(&heading)
        });
        for problem in findings
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            line(format!("  {}", printable(&problem.to_string())));
        }
        if let Some(note) = warnings_note(findings) {
            line(format!("  {note}"));
        }
    }
    out
}

/// Warnings (goals that are not SMART, agreements still open…) are work to do,
/// not faults: a glance at the portfolio counts them and `check` lists them.
fn warnings_note(findings: &Findings) -> Option<String> {
    let warnings = findings.warnings();
    (warnings > 0).then(|| {
        format!(
            "{}: `pactboard check` lists {}",
            crate::check::counted(warnings, "warning"),
            if warnings == 1 { "it" } else { "them" }
        )
    })
}

/// "1 error, 14 warnings" — of the problems in files that loaded.
fn problem_counts(findings: &Findings) -> String {
    let errors = findings.problems.len() - findings.warnings();
    format!(
        "{}, {}",
        crate::check::counted(errors, "error"),
        crate::check::counted(findings.warnings(), "warning")
    )
}

/// The portfolio's average health, or "–" with nothing to average.
fn average_text(summary: &PortfolioSummary) -> String {
    summary.average_health.map_or("–".to_string(), |health| {
        (health.round() as i64).to_string()
    })
}

/// "Prospect 2 · Assessing 2 · …"
fn stages_text(summary: &PortfolioSummary) -> String {
    summary
        .stages
        .iter()
        .map(|stage| format!("{} {}", printable(&stage.name), stage.count))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn score_text(figures: &crate::domain::portfolio::PartnerSummary) -> String {
    figures.score.value.map_or("–".to_string(), |value| {
        (value.round() as i64).to_string()
    })
}

fn dash_or(value: Option<impl std::fmt::Display>) -> String {
    value.map_or("–".to_string(), |value| value.to_string())
}

fn escape_cell(text: &str) -> String {
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
fn code_span(text: &str) -> String {
    let text = printable(text);
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// `status --format markdown`: the same, ready to paste into meeting notes.
pub fn status_markdown(
    snapshot: &Snapshot,
    findings: &Findings,
    today: NaiveDate,
    source: TodaySource,
) -> String {
    let summary = summary_of(snapshot, today);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!(
        "# {} — {}",
        escape_cell(&snapshot.workspace.name),
        as_of(today, source)
    ));
    line(String::new());
    let bands: Vec<String> = summary
        .bands
        .iter()
        .map(|(band, count)| format!("{} {count}", band.label()))
        .collect();
    line(format!(
        "**Portfolio health {}** ({})",
        average_text(&summary),
        bands.join(", ")
    ));
    line(String::new());
    line(format!("**Stages:** {}", stages_text(&summary)));
    line(String::new());
    line(format!("## Needs attention ({})", summary.attention.len()));
    line(String::new());
    if summary.attention.is_empty() {
        line("Nothing — every partnership is on track.".into());
    } else {
        line("| When | Partner | What | Why |".into());
        line("|---|---|---|---|".into());
        for item in &summary.attention {
            let timing = item.timing(today);
            line(format!(
                "| {} | {} | {} | {} |",
                if timing.is_empty() {
                    "now".into()
                } else {
                    timing
                },
                escape_cell(&item.partner_name),
                escape_cell(&item.what),
                escape_cell(&item.why)
            ));
        }
    }
    line(String::new());
    line(format!(
        "## Next {} days",
        crate::domain::portfolio::UPCOMING_DAYS
    ));
    line(String::new());
    if summary.upcoming.is_empty() {
        line("Nothing due.".into());
    }
    for entry in &summary.upcoming {
        line(format!(
            "- **{} {}** — {}: {} ({})",
            entry.date.format("%a"),
            entry.date,
            escape_cell(&entry.partner_name),
            escape_cell(&entry.what),
            entry.kind.label()
        ));
    }
    line(String::new());
    line("## Partners".into());
    line(String::new());
    line("| Partner | Stage | Owner | Health | Score | KPIs G/A/R/S | Overdue milestones | Last check-in | Open actions |".into());
    line("|---|---|---|---|---|---|---|---|---|".into());
    for (file, figures) in snapshot.partners.iter().zip(&summary.partners) {
        let k = figures.kpis;
        line(format!(
            "| {} | {} | {} | {} | {} | {}/{}/{}/{} | {} | {} | {} |",
            escape_cell(&file.partner.name),
            escape_cell(snapshot.workspace.stage_name(&file.partner.stage)),
            escape_cell(snapshot.workspace.member_name(&file.partner.owner)),
            figures
                .health
                .score
                .map_or("not started".to_string(), |s| format!(
                    "{s} ({})",
                    figures.health.band().label()
                )),
            score_text(figures),
            k.green,
            k.amber,
            k.red,
            k.stale,
            figures.milestones.overdue,
            dash_or(figures.last_checkin),
            figures.open_actions
        ));
    }
    if !snapshot.errors.is_empty() {
        line(String::new());
        line(format!(
            "## Files that did not load ({})",
            snapshot.errors.len()
        ));
        line(String::new());
        for error in &snapshot.errors {
            line(format!("- {}", code_span(&error.to_string())));
        }
    }
    if !findings.problems.is_empty() {
        line(String::new());
        line(format!("## Problems ({})", problem_counts(findings)));
        line(String::new());
        for problem in findings
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            line(format!("- {}", code_span(&problem.to_string())));
        }
        if let Some(note) = warnings_note(findings) {
            line(format!("- {note}"));
        }
    }
    out
}
