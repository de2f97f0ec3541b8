//! The `pactboard` binary: install error reporting, parse the command line, and run
//! the dashboard or a subcommand. Everything else lives in the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use color_eyre::eyre::Result;

use pactboard::app::effect::{Level, StatusMessage};
use pactboard::app::screens::CheckinStart;
use pactboard::app::{App, Effect, apply};
use pactboard::check::find_problems;
use pactboard::cli::{self, Cli, Command, Format, ReportFormat};
use pactboard::demo::demo_portfolio;
use pactboard::domain::Workspace;
use pactboard::domain::dates::{DateInput, parse_date_input};
use pactboard::domain::period::Quarter;
use pactboard::domain::portfolio::summarize;
use pactboard::report::{self, Paint, Portfolio};
use pactboard::store::{InitError, Snapshot, Store, Writable};
use pactboard::tui;
use pactboard::ui::theme::Theme;

/// Exit codes of PRODUCT.md.
const DATA_PROBLEM: u8 = 1;
const WRONG_USAGE: u8 = 2;

fn main() -> ExitCode {
    if let Err(error) = color_eyre::install() {
        eprintln!("pactboard: cannot install the error reporter: {error}");
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version print and exit 0; mistakes exit 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { WRONG_USAGE } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            say(&format!("pactboard: {error:#}"));
            ExitCode::from(DATA_PROBLEM)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Init { demo, force, dir }) => {
            let dir = dir.unwrap_or_else(|| cli::default_init_dir(cli.data.as_deref()));
            match cli::today_without_workspace(cli.today) {
                Ok(today) => Ok(init(&dir, demo, force, today)),
                Err(why) => Ok(wrong_usage(&why)),
            }
        }
        Some(Command::Status { format }) => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let (today, source) = match cli::resolve_today(cli.today, &snapshot.workspace) {
                Ok(today) => today,
                Err(why) => return Ok(wrong_usage(&why)),
            };
            let findings = find_problems(&store, &snapshot, today);
            let text = match format {
                Format::Json => report::status_json(&snapshot, &findings, today),
                Format::Markdown => report::status_markdown(&snapshot, &findings, today, source),
                Format::Text => report::status_text(&snapshot, &findings, today, source, paint()),
            };
            print!("{text}");
            Ok(data_status(findings.failed()))
        }
        Some(Command::Report {
            since,
            partner,
            quarter,
            format,
            out,
        }) => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let request = ReportRequest {
                since,
                partner,
                quarter,
                format,
                out,
            };
            Ok(report_command(&store, &snapshot, cli.today, request))
        }
        Some(Command::Check) => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let (today, _) = match cli::resolve_today(cli.today, &snapshot.workspace) {
                Ok(today) => today,
                Err(why) => return Ok(wrong_usage(&why)),
            };
            let findings = find_problems(&store, &snapshot, today);
            for line in findings.lines() {
                println!("{}", report::printable(&line));
            }
            eprintln!("{}", findings.summary());
            Ok(data_status(findings.failed()))
        }
        Some(Command::Migrate { dry_run }) => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let migrated = store.migrate(&snapshot, dry_run);
            for line in &migrated.lines {
                println!("{}", report::printable(&line.to_string()));
            }
            eprintln!("{}", migrated.summary());
            Ok(if migrated.failed() > 0 {
                ExitCode::from(DATA_PROBLEM)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Checkin { ref partner }) => dashboard(&cli, Some(partner.clone())),
        None => dashboard(&cli, None),
    }
}

/// The dashboard — in check-in mode with `checkin` (`Some(None)`: the walk,
/// `Some(Some(partner))`: that partner's page).
fn dashboard(cli: &Cli, checkin: Option<Option<String>>) -> Result<ExitCode> {
    if let Err(missing) = has_terminal() {
        eprintln!(
            "pactboard: the dashboard needs a terminal, and {missing}; use `pactboard status` for scripts (`pactboard --help` lists every command)"
        );
        return Ok(ExitCode::from(WRONG_USAGE));
    }
    let (store, snapshot) = match open(cli.data.as_deref()) {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let (today, source) = match cli::resolve_today(cli.today, &snapshot.workspace) {
        Ok(today) => today,
        Err(why) => return Ok(wrong_usage(&why)),
    };
    let checkin = match checkin {
        None => None,
        Some(None) => Some(CheckinStart::walk()),
        Some(Some(query)) => match find_partner(&snapshot, &query) {
            Ok(id) => Some(CheckinStart::one(&id)),
            Err(why) => {
                eprintln!("pactboard: {}", report::printable(&why));
                return Ok(ExitCode::from(WRONG_USAGE));
            }
        },
    };
    let read_only = if cli.read_only {
        Some("opened with --read-only".to_string())
    } else {
        match store.writable() {
            Writable::Yes => None,
            Writable::No(why) => Some(why),
        }
    };
    // Temporary files of a save that was killed halfway: a minute old is
    // surely abandoned (a save takes milliseconds).
    let cleaned = match read_only {
        Some(_) => Vec::new(),
        None => store.remove_stray_temps(Duration::from_secs(60)),
    };
    let mut app = App::new(store, snapshot, today, source, cli::resolve_author());
    let writable = read_only.is_none();
    if let Some(why) = read_only {
        app.set_read_only(why);
    } else {
        app.offer_drafts();
    }
    if let Some(start) = checkin {
        apply(&mut app, vec![Effect::StartCheckin(start)]);
    }
    if writable {
        // After the check-in opened: drafts of pages it will reach are not asked about.
        app.offer_checkin_drafts();
    }
    if !cleaned.is_empty() {
        app.status = Some(StatusMessage {
            level: Level::Info,
            text: format!(
                "removed {} temporary {} left by an interrupted save",
                cleaned.len(),
                if cleaned.len() == 1 { "file" } else { "files" }
            ),
        });
    }
    let exit = tui::run(&mut app, Theme::from_env());
    // The terminal may be gone: whatever is said about it must not fail.
    let exit = match exit {
        Ok(exit) => exit,
        Err(error) => {
            say(&format!("pactboard: {error:#}"));
            return Ok(ExitCode::from(DATA_PROBLEM));
        }
    };
    match exit {
        tui::Exit::Quit => Ok(ExitCode::SUCCESS),
        // As a shell reports a process killed by the signal.
        tui::Exit::Signal(signal) => Ok(ExitCode::from(
            u8::try_from(128 + signal).unwrap_or(u8::MAX),
        )),
        tui::Exit::InputClosed(why) => {
            say(&format!("pactboard: the terminal's input ended ({why})"));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The id of the partner `query` names: its id, else its name (case aside), else
/// the one partner whose id or name starts with it. Otherwise says which partners
/// there are, or which it could be.
fn find_partner(snapshot: &Snapshot, query: &str) -> std::result::Result<String, String> {
    let partners = &snapshot.partners;
    let wanted = query.trim().to_lowercase();
    if let Some(file) = partners.iter().find(|f| f.id == query.trim()) {
        return Ok(file.id.clone());
    }
    if let Some(file) = partners
        .iter()
        .find(|f| f.partner.name.to_lowercase() == wanted)
    {
        return Ok(file.id.clone());
    }
    let starts: Vec<_> = partners
        .iter()
        .filter(|f| {
            !wanted.is_empty()
                && (f.id.starts_with(&wanted) || f.partner.name.to_lowercase().starts_with(&wanted))
        })
        .collect();
    match starts.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => {
            let ids: Vec<&str> = partners.iter().map(|f| f.id.as_str()).collect();
            Err(format!(
                "checkin: no partner “{query}”; the partners are: {}",
                if ids.is_empty() {
                    "none yet".to_string()
                } else {
                    ids.join(", ")
                }
            ))
        }
        many => Err(format!(
            "checkin: “{query}” could be {}; give more of the name or the id",
            many.iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// A mistake on the command line that only shows once the data is read (a
/// relative `--today` counted from the demo's date): said, and exit 2.
fn wrong_usage(why: &str) -> ExitCode {
    say(&format!("pactboard: {}", report::printable(why)));
    ExitCode::from(WRONG_USAGE)
}

/// Writes a line to standard error, if there still is one: after a hang-up it is
/// closed, and `eprintln!` would panic.
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// What `report` was asked for.
struct ReportRequest {
    since: Option<String>,
    partner: Option<String>,
    quarter: Option<Option<Quarter>>,
    format: ReportFormat,
    out: Option<PathBuf>,
}

/// `report`: the meeting report or a partner's review pack, printed or written to
/// `--out`. Exits 1 when a file did not load (the report says which), 2 on wrong
/// usage: an unknown partner (listing the ids), a date or quarter not yet come, an
/// `--out` inside the data directory.
fn report_command(
    store: &Store,
    snapshot: &Snapshot,
    pinned: Option<DateInput>,
    request: ReportRequest,
) -> ExitCode {
    let usage = |message: String| {
        say(&format!("pactboard: {}", report::printable(&message)));
        ExitCode::from(WRONG_USAGE)
    };
    if let Some(path) = &request.out
        && let Err(why) = report::out_refused(path, store.root())
    {
        return usage(format!("--out: {why}"));
    }
    let (today, source) = match cli::resolve_today(pinned, &snapshot.workspace) {
        Ok(today) => today,
        Err(why) => return usage(why),
    };
    let summary = summarize(&snapshot.partner_refs(), &snapshot.workspace, today);
    let portfolio = Portfolio {
        workspace: &snapshot.workspace,
        partners: &snapshot.partners,
        summary: &summary,
        load_errors: &snapshot.errors,
        today,
        source,
    };
    let document = match &request.partner {
        Some(wanted) => {
            let Ok(id) = find_partner(snapshot, wanted) else {
                let file = format!("partners/{wanted}.ron");
                if let Some(error) = snapshot.errors.iter().find(|e| e.file == file) {
                    say(&format!(
                        "pactboard: the file of {wanted} did not load: {}",
                        report::printable(&error.to_string())
                    ));
                    return ExitCode::from(DATA_PROBLEM);
                }
                // One id a line: the message is printed as it is, each id made safe.
                let ids: Vec<String> = snapshot
                    .partners
                    .iter()
                    .map(|f| format!("\n  {}", report::printable(&f.id)))
                    .collect();
                let wanted = report::printable(wanted);
                say(&if ids.is_empty() {
                    format!(
                        "pactboard: no partner has the id {wanted:?}: there are no partners yet"
                    )
                } else {
                    format!(
                        "pactboard: no partner has the id {wanted:?}; the partners are:{}",
                        ids.concat()
                    )
                });
                return ExitCode::from(WRONG_USAGE);
            };
            let quarter = request
                .quarter
                .flatten()
                .unwrap_or_else(|| Quarter::last_full(today));
            if quarter.first_day() > today {
                return usage(format!(
                    "{quarter} has not begun yet (today is {today}); the last full quarter is {}",
                    Quarter::last_full(today)
                ));
            }
            match report::pack::review_pack(&portfolio, &id, quarter) {
                Some(document) => document,
                None => return usage(format!("no partner has the id {id:?}")),
            }
        }
        None => {
            let since = match &request.since {
                Some(text) => match parse_date_input(text, today) {
                    Ok(date) => date,
                    Err(why) => return usage(format!("--since {text}: {why}")),
                },
                None => report::meeting::default_since(today),
            };
            if since > today {
                return usage(format!("--since {since} is after today ({today})"));
            }
            report::meeting::meeting_report(&portfolio, since)
        }
    };
    let text = match request.format {
        ReportFormat::Markdown => document.markdown(),
        ReportFormat::Text if request.out.is_some() => {
            document.text_output(TEXT_WIDTH, Paint { enabled: false })
        }
        ReportFormat::Text => document.text_output(terminal_width(), paint()),
    };
    match &request.out {
        Some(path) => {
            if let Err(why) = report::write_to(path, &text, store.root()) {
                say(&format!("pactboard: {}", report::printable(&why)));
                return ExitCode::from(DATA_PROBLEM);
            }
            say(&format!("Wrote {}", path.display()));
        }
        None => print!("{text}"),
    }
    let unread = snapshot.errors.iter().any(|error| !error.loaded_read_only);
    data_status(unread)
}

/// Text reports are this wide when they do not go to a terminal.
const TEXT_WIDTH: usize = 80;

/// The terminal's width when standard output is one, else `TEXT_WIDTH`.
fn terminal_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return TEXT_WIDTH;
    }
    crossterm::terminal::size().map_or(TEXT_WIDTH, |(columns, _)| usize::from(columns))
}

/// The dashboard draws on standard output and reads keys from standard input, or
/// from the controlling terminal when input is redirected (as crossterm does).
/// Says what is missing otherwise, instead of the OS's "No such device or address".
fn has_terminal() -> std::result::Result<(), &'static str> {
    if !std::io::stdout().is_terminal() {
        return Err("standard output is not one");
    }
    let keys = std::io::stdin().is_terminal()
        || std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok();
    if keys {
        Ok(())
    } else {
        Err("there is none to read keys from")
    }
}

/// Colour only for a terminal, and never when `NO_COLOR` is set.
fn paint() -> Paint {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    Paint {
        enabled: !no_color && std::io::stdout().is_terminal(),
    }
}

/// `check` and `status` exit 1 on the same condition: an error in the data.
fn data_status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(DATA_PROBLEM)
    } else {
        ExitCode::SUCCESS
    }
}

/// The nearest of `dir` and its ancestors that exists, when it is not a directory:
/// `init` cannot create a workspace there.
fn file_in_the_way(dir: &Path) -> Option<&Path> {
    let existing = dir
        .ancestors()
        .find(|path| !path.as_os_str().is_empty() && std::fs::symlink_metadata(path).is_ok())?;
    (!existing.is_dir()).then_some(existing)
}

/// Loads the resolved data directory, or explains why not.
fn open(flag: Option<&Path>) -> Result<(Store, Snapshot), ExitCode> {
    let store = Store::new(cli::resolve_data_dir(flag));
    match store.load() {
        Ok(snapshot) => Ok((store, snapshot)),
        Err(error) => {
            eprintln!("pactboard: {}", report::printable(&error.to_string()));
            Err(ExitCode::from(if error.is_wrong_path() {
                WRONG_USAGE
            } else {
                DATA_PROBLEM
            }))
        }
    }
}

fn init(dir: &Path, demo: bool, force: bool, today: chrono::NaiveDate) -> ExitCode {
    if let Some(file) = file_in_the_way(dir) {
        let what = if file == dir {
            format!("{} is a file, not a directory", file.display())
        } else {
            format!(
                "cannot create {}: {} is a file, not a directory",
                dir.display(),
                file.display()
            )
        };
        eprintln!(
            "pactboard: {}; give init a directory to create the workspace in",
            report::printable(&what)
        );
        return ExitCode::from(WRONG_USAGE);
    }
    let (workspace, partners) = if demo {
        demo_portfolio(today)
    } else {
        (Workspace::new("Partnerships"), Vec::new())
    };
    match Store::new(dir).init(&workspace, &partners, force) {
        Ok(()) => {
            if demo {
                println!(
                    "Wrote the demo portfolio ({} partnerships, as of {today}) to {}",
                    partners.len(),
                    dir.display()
                );
            } else {
                println!("Created a new workspace in {}", dir.display());
            }
            println!("Open it with: pactboard --data {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(error @ InitError::NotEmpty(_)) => {
            eprintln!("pactboard: {error}");
            ExitCode::from(WRONG_USAGE)
        }
        Err(error) => {
            eprintln!("pactboard: {error}");
            ExitCode::from(DATA_PROBLEM)
        }
    }
}
