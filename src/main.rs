//! The `pactboard` binary: install error reporting, parse the command line, and run
//! the dashboard or a subcommand. Everything else lives in the library.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use color_eyre::eyre::Result;

use pactboard::app::App;
use pactboard::check::run_check;
use pactboard::cli::{self, Cli, Command, Format};
use pactboard::demo::demo_portfolio;
use pactboard::domain::Workspace;
use pactboard::report::{self, Paint};
use pactboard::store::{InitError, OpenError, Snapshot, Store};
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
            eprintln!("pactboard: {error:#}");
            ExitCode::from(DATA_PROBLEM)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Init { demo, force, dir }) => {
            let dir = dir.unwrap_or_else(|| cli::default_init_dir(cli.data.as_deref()));
            Ok(init(&dir, demo, force, cli.today))
        }
        Some(Command::Status { format }) => {
            let (_, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let (today, source) = cli::resolve_today(cli.today, &snapshot.workspace);
            let text = match format {
                Format::Json => report::status_json(&snapshot, today),
                Format::Markdown => report::status_markdown(&snapshot, today, source),
                Format::Text => report::status_text(&snapshot, today, source, paint()),
            };
            print!("{text}");
            Ok(data_status(&snapshot))
        }
        Some(Command::Check) => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let (today, _) = cli::resolve_today(cli.today, &snapshot.workspace);
            let outcome = run_check(&store, &snapshot, today);
            for line in &outcome.lines {
                println!("{}", report::printable(line));
            }
            eprintln!("{}", outcome.summary());
            Ok(if outcome.errors > 0 {
                ExitCode::from(DATA_PROBLEM)
            } else {
                ExitCode::SUCCESS
            })
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
        None => {
            let (store, snapshot) = match open(cli.data.as_deref()) {
                Ok(opened) => opened,
                Err(code) => return Ok(code),
            };
            let (today, source) = cli::resolve_today(cli.today, &snapshot.workspace);
            let mut app = App::new(store, snapshot, today, source, cli::resolve_author());
            match tui::run(&mut app, Theme::from_env())? {
                tui::Exit::Quit => Ok(ExitCode::SUCCESS),
                // As a shell reports a process killed by the signal.
                tui::Exit::Signal(signal) => Ok(ExitCode::from(
                    u8::try_from(128 + signal).unwrap_or(u8::MAX),
                )),
                tui::Exit::InputClosed(why) => {
                    eprintln!("pactboard: the terminal's input ended ({why})");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

/// Colour only for a terminal, and never when `NO_COLOR` is set.
fn paint() -> Paint {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    Paint {
        enabled: !no_color && std::io::stdout().is_terminal(),
    }
}

fn data_status(snapshot: &Snapshot) -> ExitCode {
    if snapshot.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DATA_PROBLEM)
    }
}

/// Loads the resolved data directory, or explains why not.
fn open(flag: Option<&Path>) -> Result<(Store, Snapshot), ExitCode> {
    let store = Store::new(cli::resolve_data_dir(flag));
    match store.load() {
        Ok(snapshot) => Ok((store, snapshot)),
        Err(error @ OpenError::NotAWorkspace { .. }) => {
            eprintln!("pactboard: {error}");
            Err(ExitCode::from(WRONG_USAGE))
        }
        Err(error) => {
            eprintln!("pactboard: {error}");
            Err(ExitCode::from(DATA_PROBLEM))
        }
    }
}

fn init(dir: &Path, demo: bool, force: bool, pinned: Option<chrono::NaiveDate>) -> ExitCode {
    let today = pinned.unwrap_or_else(|| chrono::Local::now().date_naive());
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
