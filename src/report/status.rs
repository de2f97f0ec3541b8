//! `pactboard status` output — text, Markdown and the stable JSON interface — built
//! from the domain's portfolio summary; the same facts as the Overview, without a UI.

use crate::domain::validate::Severity;
use chrono::NaiveDate;
use serde::Serialize;

use crate::check::Findings;
use crate::cli::TodaySource;
use crate::domain::attention::AttentionItem;
use crate::domain::health::{Health, HealthBand};
use crate::domain::portfolio::{KpiCounts, PartnerSummary, PortfolioSummary, summarize};
use crate::store::Snapshot;
use crate::text::{as_of, fit};

use super::{Paint, code_span, escape_cell, printable};

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
    /// `null` while the partner has no data to judge ("not started"), for a
    /// candidate, and in a closed stage.
    health: Option<u8>,
    /// The points health was judged on, of 100 (0 with no health).
    health_basis: u32,
    score: Option<u8>,
    score_coverage: [usize; 2],
    kpis: JsonKpis,
    milestones: JsonMilestones,
    last_checkin: Option<String>,
    open_actions: usize,
}

#[derive(Serialize)]
struct JsonKpis {
    /// Open KPIs past their grace period, by status.
    green: usize,
    amber: usize,
    red: usize,
    /// Flags: they overlap green, amber and red (and too early for `stale`).
    stale: usize,
    early_warning: usize,
    too_early: usize,
    closed: usize,
    /// Open KPIs of a partner in a closed stage (paused, ended): not judged, so
    /// not in the colours above.
    on_hold: usize,
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
    /// `critical`, `warning` or `upcoming`: the Overview's ▲ ◆ ○.
    severity: &'static str,
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
            health_basis: if figures.health.score.is_some() {
                figures.health.basis
            } else {
                0
            },
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
                too_early: figures.kpis.too_early,
                closed: figures.kpis.closed,
                on_hold: figures.kpis.on_hold,
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
                severity: item.severity(today).as_str(),
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

/// G(ood), F(air), P(oor), · (not started, or a closed stage).
pub fn band_letter(band: HealthBand) -> char {
    match band {
        HealthBand::Good => 'G',
        HealthBand::Fair => 'F',
        HealthBand::Poor => 'P',
        HealthBand::NotStarted | HealthBand::Closed => '·',
    }
}

/// "62 F (85/100)": the score, its band's letter and the points it was judged on;
/// "paused" for a closed stage; "–" with no score.
fn health_cell(health: &Health) -> String {
    match (health.band(), health.score) {
        (HealthBand::Closed, _) => health.stage.to_lowercase(),
        (band, Some(score)) => format!("{score:>3} {} {:>3}/100", band_letter(band), health.basis),
        (_, None) => "–".to_string(),
    }
}

/// "green/amber/red" counts, then the flags that are not zero: "1/0/1 s1 w1".
fn kpi_cell(kpis: &KpiCounts) -> String {
    if *kpis == KpiCounts::default() {
        return "–".to_string();
    }
    let mut text = format!("{}/{}/{}", kpis.green, kpis.amber, kpis.red);
    for (letter, count) in [
        ('s', kpis.stale),
        ('w', kpis.early_warning),
        ('e', kpis.too_early),
        ('c', kpis.closed),
    ] {
        if count > 0 {
            text.push_str(&format!(" {letter}{count}"));
        }
    }
    text
}

/// The KPI column's flags in words, for Markdown: "stale 1, early warning 1".
fn kpi_flags(kpis: &KpiCounts) -> String {
    [
        ("stale", kpis.stale),
        ("early warning", kpis.early_warning),
        ("too early", kpis.too_early),
        ("closed", kpis.closed),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(word, count)| format!("{word} {count}"))
    .collect::<Vec<_>>()
    .join(", ")
}

fn attention_line(item: &AttentionItem, today: NaiveDate) -> String {
    format!(
        "{:>13} {} {}  {}",
        item.when(today),
        item.severity(today).symbol(),
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

    let heading = paint.bold(&format!("Needs attention ({})", summary.attention.len()));
    if summary.attention.is_empty() {
        line(heading);
    } else {
        line(format!(
            "{heading}   ▲ late or red · ◆ warning · △ coming due"
        ));
    }
    if summary.attention.is_empty() {
        line(format!("  nothing — {}", nothing_because(snapshot)));
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
            "  {} {}  {}  {}",
            entry.date.format("%a"),
            entry.date,
            fit(&printable(&entry.partner_name), 22),
            printable(&entry.text())
        ));
    }
    line(String::new());

    line(paint.bold("Partners"));
    if snapshot.partners.is_empty() {
        line(format!("  none yet — {ADD_A_PARTNER}"));
    } else {
        partner_rows(&mut line, snapshot, &summary, paint);
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

/// "64 over 6 partners formalizing or operating": the average and whom it is over.
fn average_text(summary: &PortfolioSummary) -> String {
    let average = summary.average_health.map_or("–".to_string(), |health| {
        (health.round() as i64).to_string()
    });
    let whom = match summary.health_partners {
        1 => "1 partner".to_string(),
        n => format!("{n} partners"),
    };
    format!("{average} over {whom} formalizing or operating")
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

fn score_text(figures: &PartnerSummary) -> String {
    figures.score.label()
}

fn dash_or(value: Option<impl std::fmt::Display>) -> String {
    value.map_or("–".to_string(), |value| value.to_string())
}

fn or_dash(text: String) -> String {
    if text.is_empty() {
        "–".to_string()
    } else {
        text
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
        line(format!("Nothing — {}.", nothing_because(snapshot)));
    } else {
        line("| When | Partner | What | Why |".into());
        line("|---|---|---|---|".into());
        for item in &summary.attention {
            line(format!(
                "| {} {} | {} | {} | {} |",
                item.severity(today).symbol(),
                item.when(today),
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
            "- **{} {}** — {}: {}",
            entry.date.format("%a"),
            entry.date,
            escape_cell(&entry.partner_name),
            escape_cell(&entry.text())
        ));
    }
    line(String::new());
    line("## Partners".into());
    line(String::new());
    if snapshot.partners.is_empty() {
        line(format!("None yet — {ADD_A_PARTNER}."));
    } else {
        line("| Partner | Stage | Owner | Health | Score | KPIs G/A/R | KPI flags | Overdue milestones | Last check-in | Open actions |".into());
        line("|---|---|---|---|---|---|---|---|---|---|".into());
    }
    for (file, figures) in snapshot.partners.iter().zip(&summary.partners) {
        let k = figures.kpis;
        let health = match figures.health.score {
            Some(score) => format!(
                "{score} ({}) from {} of 100 points",
                figures.health.band().label(),
                figures.health.basis
            ),
            None => figures.health.summary(),
        };
        line(format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            escape_cell(&file.partner.name),
            escape_cell(snapshot.workspace.stage_name(&file.partner.stage)),
            escape_cell(snapshot.workspace.member_name(&file.partner.owner)),
            escape_cell(&health),
            score_text(figures),
            if k == KpiCounts::default() {
                "–".to_string()
            } else {
                format!("{}/{}/{}", k.green, k.amber, k.red)
            },
            or_dash(kpi_flags(&k)),
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

/// Why nothing needs attention: every partnership is on track, or there are none.
fn nothing_because(snapshot: &Snapshot) -> &'static str {
    if snapshot.partners.is_empty() {
        "no partners yet"
    } else {
        "every partnership is on track"
    }
}

/// How to add the first partner, for a workspace that has none.
const ADD_A_PARTNER: &str =
    "open the dashboard (`pactboard`), go to the Pipeline (2) and press a to add one";

/// The partners table of `status --format text`: a header, a row each, a legend.
fn partner_rows(
    line: &mut impl FnMut(String),
    snapshot: &Snapshot,
    summary: &PortfolioSummary,
    paint: Paint,
) {
    line(paint.dim(&format!(
        "  {} {} {:<14} {:<8}  {:<16} {:>4}  {:<10}  {:>7}",
        fit("Partner", 24),
        fit("Stage", 12),
        "Health (basis)",
        "Score",
        "KPIs G/A/R",
        "Late",
        "Check-in",
        "Actions"
    )));
    for (file, figures) in snapshot.partners.iter().zip(&summary.partners) {
        let badge = paint.band(
            figures.health.band(),
            &format!("{:<14}", health_cell(&figures.health)),
        );
        line(format!(
            "  {} {} {} {:<8}  {:<16} {:>4}  {:<10}  {:>7}",
            fit(&printable(&file.partner.name), 24),
            fit(
                &printable(snapshot.workspace.stage_name(&file.partner.stage)),
                12
            ),
            badge,
            score_text(figures),
            kpi_cell(&figures.kpis),
            figures.milestones.overdue,
            dash_or(figures.last_checkin),
            figures.open_actions
        ));
    }
    line(paint.dim(
        "  Health: score, band, points judged of 100. KPIs: green/amber/red; \
         s stale, w early warning, e too early, c closed.",
    ));
}
