//! The command line: clap types, and how the data directory, "today" and the author
//! of edits are resolved from flags, environment and the workspace.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::Workspace;
use crate::domain::dates::DateInput;
use crate::domain::period::Quarter;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "pactboard",
    version,
    about = "A keyboard-driven terminal dashboard for running business partnerships",
    long_about = "A keyboard-driven terminal dashboard for running business partnerships.\n\n\
        With no subcommand it opens the dashboard on the data directory: --data DIR, else \
        PACTBOARD_DATA, else ./data when it holds a workspace, else the user's data directory.",
    after_help = "Exit codes: 0 fine, 1 a data problem, 2 wrong usage."
)]
pub struct Cli {
    /// The data directory (holds workspace.ron and partners/)
    #[arg(long, global = true, env = "PACTBOARD_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Pin "today" (for demos, screenshots and tests); also `today`, `+7d`, `-2w`,
    /// `+1m`, `+1y`, counted from a demo workspace's date, else from the clock
    // A relative date may start with `-` (`--today -2w`): every flag that takes a
    // date accepts hyphen values, or clap would read `-2w` as a flag. It is read
    // here and counted later, once the workspace says whether it is a demo's.
    #[arg(
        long,
        global = true,
        env = "PACTBOARD_TODAY",
        value_name = "YYYY-MM-DD",
        value_parser = parse_today,
        allow_hyphen_values = true
    )]
    pub today: Option<DateInput>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Look without writing anything: no saves, no copies, no drafts (for a glance
    /// at a shared board); also PACTBOARD_READ_ONLY=1
    #[arg(long, global = true, env = "PACTBOARD_READ_ONLY", value_parser = clap::builder::BoolishValueParser::new(), num_args = 0, default_missing_value = "true", default_value = "false")]
    pub read_only: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new workspace, or the demo portfolio
    Init {
        /// Write the demo portfolio (twelve partnerships, dated relative to today)
        #[arg(long)]
        demo: bool,
        /// Write into a non-empty directory; files replaced go to .trash/
        #[arg(long)]
        force: bool,
        /// Where to create it (default: --data, else the user's data directory)
        dir: Option<PathBuf>,
    },
    /// Print the Overview without opening the dashboard
    Status {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the meeting report, or a partner's quarterly review pack
    #[command(
        long_about = "Print the meeting report, or a partner's quarterly review pack.\n\n\
            The meeting report: the portfolio, what needs attention, and for each partner \
            in a check-in stage its KPIs, milestones done and due, re-plans, check-ins, \
            feedback and open action items since --since (default: seven days ago).\n\n\
            With --partner ID: that partner's review pack for --quarter (default: the last \
            full calendar quarter) — goals and outcomes, KPIs, feedback from both sides, \
            the last review's decisions and whether they were done, the agreement and the \
            open questions.\n\n\
            Markdown (the default) pastes into meeting notes; text fits the terminal's \
            width, 80 columns when it is not a terminal."
    )]
    Report {
        /// The first day the meeting report covers (default: seven days ago); also
        /// `today`, `-2w`
        #[arg(
            long,
            value_name = "DATE",
            allow_hyphen_values = true,
            conflicts_with = "partner"
        )]
        since: Option<String>,
        /// A partner's quarterly review pack: its id, the file name without .ron
        #[arg(long, value_name = "ID")]
        partner: Option<String>,
        /// The pack's quarter, like 2026Q3 (default: the last full quarter)
        #[arg(
            long,
            value_name = "YYYYQn",
            num_args = 0..=1,
            requires = "partner",
            value_parser = Quarter::parse
        )]
        quarter: Option<Option<Quarter>>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Write the report to FILE (atomically) instead of standard output; never
        /// inside the data directory
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Validate every file; print file:line:column: message for each problem
    Check,
    /// Write every file of an older schema version as the current one
    #[command(
        long_about = "Write every file of an older schema version as the current one.\n\n\
            Files of an older version load anyway (migrated in memory) and are written as \
            the current version when next saved; this writes them all at once. Each file \
            is written atomically, and only if it did not change since it was read. One \
            line per file says what changed."
    )]
    Migrate {
        /// Say what would change, write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Open the dashboard in check-in mode: every partner in a check-in stage, most
    /// in need first — or one partner's page
    #[command(long_about = "Open the dashboard in check-in mode.\n\n\
            Without PARTNER it walks every partner in a stage the workspace marks for \
            check-ins, most in need first (check-in overdue, red KPIs, least healthy), \
            leaving out those checked in today already. With PARTNER (its id, as in \
            partners/<id>.ron, or its name) it opens that partner's page. Each page is \
            saved as one check-in with Ctrl-s; what is typed is kept as a draft until then.")]
    Checkin {
        /// A partner's id or name
        partner: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// How `report` writes: Markdown to paste into notes, or text for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Text,
}

fn parse_today(text: &str) -> Result<DateInput, String> {
    DateInput::parse(text)
}

/// The data directory named by `--data`/`PACTBOARD_DATA`, else `./data` when it holds
/// a workspace, else the user's data directory (e.g. `~/.local/share/pactboard`).
pub fn resolve_data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    let local = PathBuf::from("data");
    if Store::is_workspace(&local) {
        return local;
    }
    user_data_dir().unwrap_or(local)
}

/// Where `init` writes when no directory is given.
pub fn default_init_dir(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(user_data_dir)
        .unwrap_or_else(|| PathBuf::from("data"))
}

fn user_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pactboard").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Where "today" came from, so the UI and `status` can say "demo as of …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodaySource {
    Pinned,
    Demo,
    Clock,
}

/// `--today` wins; a demo workspace uses the date it was made for; else the clock.
/// A relative `--today` (`+7d`, `today`) counts from that same day — the demo's
/// date, else the clock — so `--today +7d` on the demo is a week after the demo's
/// date. Refused (wrong usage) when it lands outside the years a date may have.
pub fn resolve_today(
    pinned: Option<DateInput>,
    workspace: &Workspace,
) -> Result<(NaiveDate, TodaySource), String> {
    let (base, source) = match workspace.demo_as_of {
        Some(date) => (date, TodaySource::Demo),
        None => (chrono::Local::now().date_naive(), TodaySource::Clock),
    };
    match pinned {
        Some(input) => input
            .resolve(base)
            .map(|date| (date, TodaySource::Pinned))
            .map_err(|why| format!("--today: {why}")),
        None => Ok((base, source)),
    }
}

/// "Today" where there is no workspace yet (`init`): `--today`, a relative one
/// counted from the clock, else the clock.
pub fn today_without_workspace(pinned: Option<DateInput>) -> Result<NaiveDate, String> {
    resolve_today(pinned, &Workspace::new("")).map(|(date, _)| date)
}

/// The author recorded on edits: `PACTBOARD_USER`, else `USER`, else "unknown".
pub fn resolve_author() -> String {
    ["PACTBOARD_USER", "USER"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn today_prefers_the_flag_then_the_demo_date() {
        let mut workspace = Workspace::new("T");
        let flag = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let demo = NaiveDate::from_ymd_opt(2026, 3, 4);
        workspace.demo_as_of = demo;
        assert_eq!(
            resolve_today(Some(DateInput::Date(flag)), &workspace),
            Ok((flag, TodaySource::Pinned))
        );
        assert_eq!(
            resolve_today(None, &workspace),
            Ok((demo.unwrap(), TodaySource::Demo))
        );
        workspace.demo_as_of = None;
        assert_eq!(
            resolve_today(None, &workspace).map(|(_, source)| source),
            Ok(TodaySource::Clock)
        );
    }

    /// The reviewer's `--today +7d` on the demo gave "as of 2026-12-06", a week after
    /// the clock, when the demo's today is 2026-11-28.
    #[test]
    fn a_relative_today_counts_from_the_demo_date_when_there_is_one() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let mut demo = Workspace::new("T");
        demo.demo_as_of = Some(day("2026-11-28"));
        let input = |text: &str| Some(DateInput::parse(text).unwrap());
        for (text, expected) in [
            ("+7d", "2026-12-05"),
            ("-2w", "2026-11-14"),
            ("+1m", "2026-12-28"),
            ("+1y", "2027-11-28"),
            ("today", "2026-11-28"),
            ("2027-01-05", "2027-01-05"),
        ] {
            assert_eq!(
                resolve_today(input(text), &demo),
                Ok((day(expected), TodaySource::Pinned)),
                "{text}"
            );
        }
        demo.demo_as_of = Some(day("2200-06-01"));
        assert_eq!(
            resolve_today(input("+1y"), &demo),
            Err("--today: lands in 2201; years run 1900–2200".to_string())
        );
        // Without a demo date, from the clock (which may pass midnight meanwhile).
        let before = chrono::Local::now().date_naive();
        let (today, source) = resolve_today(input("+7d"), &Workspace::new("T")).unwrap();
        let after = chrono::Local::now().date_naive();
        assert_eq!(source, TodaySource::Pinned);
        assert!(
            [before, after]
                .map(|clock| crate::domain::dates::add_days(clock, 7))
                .contains(&today),
            "{today}"
        );
        let init = today_without_workspace(input("-1d")).unwrap();
        let after = chrono::Local::now().date_naive();
        assert!(
            [before, after]
                .map(|clock| crate::domain::dates::add_days(clock, -1))
                .contains(&init)
        );
    }

    #[test]
    fn read_only_comes_from_the_flag_or_the_environment() {
        assert!(!Cli::try_parse_from(["pactboard"]).unwrap().read_only);
        assert!(
            Cli::try_parse_from(["pactboard", "--read-only"])
                .unwrap()
                .read_only
        );
        assert!(
            Cli::try_parse_from(["pactboard", "status", "--read-only"])
                .unwrap()
                .read_only
        );
    }

    #[test]
    fn a_relative_today_may_start_with_a_hyphen() {
        for args in [
            &["pactboard", "--today", "-2w"][..],
            &["pactboard", "--today=-2w"],
            &["pactboard", "status", "--today", "-2w"],
            &["pactboard", "--today", "-2w", "status", "--format", "json"],
        ] {
            let today = Cli::try_parse_from(args).unwrap().today;
            assert_eq!(
                today,
                Some(DateInput::Offset {
                    count: -2,
                    unit: crate::domain::dates::OffsetUnit::Weeks
                }),
                "{args:?}"
            );
        }
        let error = Cli::try_parse_from(["pactboard", "--today", "-2x"]).unwrap_err();
        assert!(error.to_string().contains("not an offset"), "{error}");
    }

    #[test]
    fn an_explicit_data_dir_wins() {
        assert_eq!(resolve_data_dir(Some(Path::new("/x"))), PathBuf::from("/x"));
    }
}
