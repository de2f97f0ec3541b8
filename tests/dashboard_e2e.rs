//! The dashboard end to end: the real binary in a pseudo-terminal on a temporary
//! copy of the demo, driven by keys, read from the screen and from the disk, and
//! checked to put the terminal back however it ends.

#![cfg(unix)]

mod common;
mod pty;

use common::*;
use pty::{ENTER_ALT_SCREEN, Key, LEAVE_ALT_SCREEN, Pty, WAIT};

/// The Overview's attention list, and its first item in the demo.
const OVERVIEW: &str = "Needs attention";
const FIRST_ITEM: &str = "Charities live";

/// The tab the tab bar highlights: the active tab is the only bold text on row 0
/// (reversed without colour, on cyan with it).
fn active_tab(screen: &vt100::Screen) -> String {
    pty::row_cells_where(screen, 0, vt100::Cell::bold)
        .trim()
        .to_string()
}

/// Waits until the tab bar highlights `label` (e.g. "2 Pipeline").
fn wait_for_tab(pty: &Pty, label: &str) -> String {
    pty.wait_until(
        &format!("the tab bar to highlight {label:?}"),
        WAIT,
        |screen| active_tab(screen) == label,
    )
}

/// The screen without its first row (the tab bar) and last two (status and hints).
fn body(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    rows.get(1..rows.len().saturating_sub(2))
        .unwrap_or_default()
        .join("\n")
}

#[test]
fn demo_walkthrough() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data).user("tester").size(80, 24).spawn();

    let overview = pty.wait_for(FIRST_ITEM, WAIT);
    assert!(overview.contains(OVERVIEW), "{}", pty.report());
    assert!(
        overview.contains(&format!("demo as of {DEMO_DATE}")),
        "{}",
        pty.report()
    );
    assert_eq!(
        pty.with_screen(active_tab),
        "1 Overview",
        "{}",
        pty.report()
    );
    let modes = pty.modes();
    assert!(
        modes.as_ref().is_none_or(pty::Modes::raw),
        "the dashboard runs in raw mode: {modes:?}"
    );

    // Each tab highlights itself and replaces the Overview's body with its own:
    // wait for text only that tab shows (waiting for the Overview to be gone would
    // return at once from the third tab on, the previous tab's body still there).
    let mut bodies = vec![body(&overview)];
    for (key, label, own) in [
        ("2", "2 Pipeline", "partners in 7 stages"),
        ("3", "3 Timeline", "Milestones by partner"),
        ("4", "4 Scoring", "Scoring · 4 candidates"),
        ("5", "5 Scorecard", "KPIs ("),
    ] {
        pty.send(key);
        wait_for_tab(&pty, label);
        let screen = pty.wait_for(own, WAIT);
        assert!(!screen.contains(OVERVIEW), "{}", pty.report());
        let this = body(&screen);
        assert!(
            !bodies.contains(&this),
            "tab {label} shows the body of an earlier tab\n{}",
            pty.report()
        );
        assert!(!screen.contains("Not built yet"), "{}", pty.report());
        bodies.push(this);
    }

    // Tab and Shift-Tab step through the tabs and wrap around both ends.
    pty.press(Key::Tab);
    wait_for_tab(&pty, "1 Overview");
    pty.wait_for(OVERVIEW, WAIT);
    pty.press(Key::Tab);
    wait_for_tab(&pty, "2 Pipeline");
    pty.press(Key::BackTab);
    wait_for_tab(&pty, "1 Overview");
    pty.press(Key::BackTab);
    wait_for_tab(&pty, "5 Scorecard");
    pty.send("1");
    wait_for_tab(&pty, "1 Overview");
    pty.wait_for(FIRST_ITEM, WAIT);

    // Help opens over the Overview and Esc closes it.
    pty.send("?");
    pty.wait_for("Keys: Overview", WAIT);
    pty.press(Key::Esc);
    pty.wait_for_gone("Keys: Overview", WAIT);
    pty.wait_for(OVERVIEW, WAIT);

    // j moves to the second item, a red KPI: Enter opens the Scorecard on it.
    pty.send("j");
    pty.wait_until("the second attention item to be selected", WAIT, |screen| {
        screen
            .contents()
            .lines()
            .any(|line| line.contains("› ▲      now") && line.contains("red KPI"))
    });
    pty.press(Key::Enter);
    wait_for_tab(&pty, "5 Scorecard");
    pty.wait_until("the red KPI selected on its scorecard", WAIT, |screen| {
        pty::screen_row(screen, 1).contains("Tidewater University")
            && screen
                .contents()
                .lines()
                .any(|line| line.contains("›") && line.contains("Data request turnaround"))
    });

    // The third, no signed agreement: Enter opens the partner, Esc comes back.
    pty.send("1");
    wait_for_tab(&pty, "1 Overview");
    pty.send("j");
    pty.wait_until("the third attention item to be selected", WAIT, |screen| {
        screen
            .contents()
            .lines()
            .any(|line| line.contains("› ▲      now") && line.contains("no agreement"))
    });
    pty.press(Key::Enter);
    pty.wait_until(
        "the detail's header: the selected item's partner and its health",
        WAIT,
        |screen| {
            pty::screen_row(screen, 1).contains("Tidewater University")
                && pty::screen_row(screen, 2).contains("health")
        },
    );
    assert!(!pty.screen().contains(OVERVIEW), "{}", pty.report());
    pty.press(Key::Esc);
    pty.wait_for(OVERVIEW, WAIT);

    pty.send("q");
    let status = pty.wait_for_exit(WAIT);
    assert!(
        status.success(),
        "q exits 0, not {status}\n{}",
        pty.report()
    );
    pty.assert_restored();
}

#[test]
fn broken_file_is_reported_and_untouched() {
    let (_dir, data) = demo_copy();
    let cut = truncate_partner(&data, "kestrel-devices");
    let broken = data.join("partners").join("kestrel-devices.ron");
    let before = pty::snapshot_dir(&data);

    let mut pty = Pty::spawn(&data);
    pty.wait_for(OVERVIEW, WAIT);
    pty.wait_for("1 file did not load", WAIT);
    let (_, rows) = pty.size();
    let status_line = pty.row(rows - 2);
    assert!(
        status_line.contains("1 file did not load (! to list)"),
        "the status line (second to last row) reports it: {status_line:?}\n{}",
        pty.report()
    );

    pty.send("!");
    pty.wait_for("partners/kestrel-devices.ron:", WAIT);
    pty.press(Key::Esc);
    pty.wait_for_gone("partners/kestrel-devices.ron:", WAIT);
    pty.wait_for(OVERVIEW, WAIT);

    pty.send("q");
    let status = pty.wait_for_exit(WAIT);
    assert!(
        status.success(),
        "q exits 0, not {status}\n{}",
        pty.report()
    );
    pty.assert_restored();

    let bytes = std::fs::read(&broken).expect("the broken file is still there");
    assert!(
        bytes == cut,
        "the broken file was changed: {} bytes before, {} after",
        cut.len(),
        bytes.len()
    );
    let changes = pty::snapshot_changes(&before, &pty::snapshot_dir(&data));
    assert!(
        changes.is_empty(),
        "the dashboard changed the data directory:\n{}",
        changes.join("\n")
    );
}

#[test]
fn ctrl_c_quits_and_restores() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::spawn(&data);
    pty.wait_for(FIRST_ITEM, WAIT);
    pty.press(Key::Ctrl('c'));
    let status = pty.wait_for_exit(WAIT);
    assert!(
        status.success(),
        "Ctrl-c exits 0, not {status}\n{}",
        pty.report()
    );
    pty.assert_restored();
}

#[test]
fn hangup_restores_the_terminal() {
    // SIGTERM (a polite kill) and SIGHUP (the SSH connection dropped) both restore
    // the terminal and exit with 128 + the signal, from the app's own handler.
    for (signal, number) in [("TERM", 15), ("HUP", 1)] {
        let (_dir, data) = demo_copy();
        let pty = Pty::spawn(&data);
        // The handler is installed before the first frame is drawn.
        pty.wait_for(FIRST_ITEM, WAIT);
        pty.signal(signal);
        let status = pty.wait_for_exit(WAIT);
        assert_eq!(
            (status.signal(), status.exit_code()),
            (None, 128 + number),
            "SIG{signal}: the handler exits with 128 + {number}, not {status}\n{}",
            pty.report()
        );
        let output = pty.output();
        let entered = pty::find(&output, ENTER_ALT_SCREEN);
        let left = pty::rfind(&output, LEAVE_ALT_SCREEN);
        assert!(
            matches!((entered, left), (Some(entered), Some(left)) if left > entered),
            "SIG{signal}: the alternate screen was entered at {entered:?} and left at {left:?}\n{}",
            pty.report()
        );
        pty.assert_restored();
    }
}

#[test]
fn resize_redraws() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data).size(80, 24).spawn();
    let narrow = pty.wait_for(FIRST_ITEM, WAIT);
    assert!(!narrow.contains("Portfolio health"), "{}", pty.report());
    // crossterm starts listening for SIGWINCH at the first event read, after the
    // first frame: a resize before that is lost. A key it has answered proves the
    // event loop is running.
    pty.send("j");
    pty.wait_for("› ▲      now", WAIT);

    pty.resize(120, 40);
    // Only the wide layout has the Portfolio health and Next 14 days panels.
    pty.wait_for("Portfolio health", WAIT);
    pty.wait_for("Next 14 days", WAIT);
    pty.wait_until("the key hints on the new last row", WAIT, |screen| {
        pty::screen_row(screen, 39).contains("q quit")
    });
    assert!(pty.row(0).contains("demo as of"), "{}", pty.report());

    pty.resize(80, 24);
    pty.wait_for_gone("Portfolio health", WAIT);
    pty.wait_for(FIRST_ITEM, WAIT);

    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
}

#[test]
fn no_color_has_no_colour() {
    for no_color in [true, false] {
        let (_dir, data) = demo_copy();
        let mut pty = Pty::builder(&data).no_color(no_color).spawn();
        pty.wait_for(FIRST_ITEM, WAIT);
        // The hints are drawn last: the whole first frame is in.
        pty.wait_until("the key hints on the last row", WAIT, |screen| {
            pty::screen_row(screen, 23).contains("q quit")
        });
        if no_color {
            // crossterm drops colour codes by itself under NO_COLOR; what the app
            // must do is keep the highlights visible without colour: reverse video.
            pty.wait_until("the active tab in reverse video", WAIT, |screen| {
                pty::row_cells_where(screen, 0, vt100::Cell::inverse).trim() == "1 Overview"
            });
            pty.wait_until("the selected item in reverse video", WAIT, |screen| {
                pty::row_cells_where(screen, 4, vt100::Cell::inverse).contains(FIRST_ITEM)
            });
        }
        pty.send("q");
        assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
        pty.assert_restored();

        let colours = pty.colour_sequences();
        if no_color {
            assert!(
                colours.is_empty(),
                "NO_COLOR=1 but the output sets colours: {colours:?}"
            );
        } else {
            assert!(
                !colours.is_empty(),
                "with colour on, the Overview is drawn in colour\n{}",
                pty.report()
            );
        }
    }
}

#[test]
fn colour_sequences_are_told_from_other_sgr() {
    let found = pty::colour_sequences(
        b"\x1b[0m\x1b[1m\x1b[2m\x1b[7m\x1b[39m\x1b[49m\x1b[22;27m\x1b[?25l\x1b[5;10H\
          \x1b[31m\x1b[38;5;14m\x1b[48;2;1;2;3m\x1b[1;94m\x1b[38:5:8m",
    );
    assert_eq!(
        found,
        [
            "\\x1b[31m",
            "\\x1b[38;5;14m",
            "\\x1b[48;2;1;2;3m",
            "\\x1b[1;94m",
            "\\x1b[38:5:8m"
        ]
    );
}

/// The partner file's text on disk.
fn partner_file(data: &std::path::Path, id: &str) -> String {
    std::fs::read_to_string(data.join("partners").join(format!("{id}.ron"))).unwrap_or_default()
}

/// Polls the disk until `check` holds for the partner's file (the write happens
/// right after the key, but the test must not race the program).
fn wait_for_file(
    data: &std::path::Path,
    id: &str,
    what: &str,
    check: impl Fn(&str) -> bool,
) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let text = partner_file(data, id);
        if check(&text) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "partners/{id}.ron never showed {what}:\n{text}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn pipeline_stage_move_undo_and_new_partner_reach_the_disk() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data).user("casey").size(80, 24).spawn();
    pty.wait_for(FIRST_ITEM, WAIT);

    // 2: the board opens on the first card of the first column.
    pty.send("2");
    wait_for_tab(&pty, "2 Pipeline");
    pty.wait_for("›Northwind Volunteer", WAIT);
    let id = "northwind-volunteer-network";
    assert!(partner_file(&data, id).contains("stage: \"prospect\""));

    // L: saved at once, with a history entry by PACTBOARD_USER.
    pty.send("L");
    let moved = wait_for_file(&data, id, "the Assessing stage", |text| {
        text.contains("stage: \"assessing\"")
    });
    assert!(
        moved.contains(&format!(
            "(date: \"{DEMO_DATE}\", author: \"casey\", from: \"prospect\", to: \"assessing\", reason: \"\")"
        )),
        "{moved}"
    );
    pty.wait_for(
        "moved Northwind Volunteer Network from Prospect to Assessing — saved",
        WAIT,
    );

    // u: the file is back in the first stage.
    pty.send("u");
    let undone = wait_for_file(&data, id, "the Prospect stage again", |text| {
        text.contains("stage: \"prospect\"")
    });
    assert!(!undone.contains("author: \"casey\""), "{undone}");
    pty.wait_for("undid", WAIT);

    // a: a new partner through the form.
    pty.send("a");
    pty.wait_for("New partner", WAIT);
    pty.send("Riverside Makers Guild");
    pty.press(Key::Tab);
    pty.send("community group");
    pty.press(Key::Ctrl('s'));
    let created = wait_for_file(&data, "riverside-makers-guild", "the new partner", |text| {
        text.contains("name: \"Riverside Makers Guild\"")
    });
    assert!(created.contains("kind: \"community group\""), "{created}");
    pty.wait_for("›Riverside Makers", WAIT);

    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();

    let check = pactboard(&["check"], &data);
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
}

#[test]
fn a_paste_is_typed_text_never_commands() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data).size(80, 24).spawn();
    pty.wait_for(FIRST_ITEM, WAIT);
    pty.send("2");
    wait_for_tab(&pty, "2 Pipeline");
    pty.send("a");
    pty.wait_for("New partner", WAIT);
    // What a terminal sends for a paste with bracketed paste on.
    pty.send("\x1b[200~Acme\nLd\x1b[201~");
    pty.wait_for("Acme Ld", WAIT);
    assert!(
        !data.join("partners/acme-ld.ron").exists() && !data.join("partners/acme.ron").exists(),
        "the pasted newline did not save the form"
    );
    pty.press(Key::Ctrl('s'));
    pty.wait_for("added partner Acme Ld", WAIT);
    let saved = partner_file(&data, "acme-ld");
    assert!(
        saved.contains("stage: \"prospect\""),
        "the pasted L moved nothing: {saved}"
    );
    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
    let output = pty.output();
    let on = pty::rfind(&output, b"\x1b[?2004h").expect("bracketed paste was turned on");
    let off = pty::rfind(&output, b"\x1b[?2004l").expect("bracketed paste was turned off");
    assert!(off > on, "and turned off after");
}

#[test]
#[should_panic(expected = "right after Esc")]
fn the_harness_refuses_a_key_sent_before_esc_was_answered() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::spawn(&data);
    pty.wait_for(FIRST_ITEM, WAIT);
    pty.send("?");
    pty.wait_for("Keys: Overview", WAIT);
    pty.press(Key::Esc);
    // No wait for the help to close: crossterm could read Esc and q as Alt-q.
    pty.send("q");
}

#[test]
fn a_workspace_member_is_added_in_the_settings_and_undone() {
    let (_dir, data) = demo_copy();
    let workspace = data.join("workspace.ron");
    let before = std::fs::read_to_string(&workspace).unwrap();
    let mut pty = Pty::builder(&data).size(80, 24).spawn();
    pty.wait_for(FIRST_ITEM, WAIT);
    pty.send(",");
    pty.wait_for("Workspace settings", WAIT);
    pty.send("a");
    pty.wait_for("New member", WAIT);
    pty.send("lee");
    pty.press(Key::Tab);
    pty.send("Lee Chen");
    pty.press(Key::Ctrl('s'));
    pty.wait_for("added member Lee Chen (lee) — saved", WAIT);
    let deadline = std::time::Instant::now() + WAIT;
    while !std::fs::read_to_string(&workspace)
        .unwrap()
        .contains("handle: \"lee\"")
    {
        assert!(std::time::Instant::now() < deadline, "{}", pty.report());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    pty.send("u");
    pty.wait_for("undid: added member Lee Chen", WAIT);
    assert_eq!(std::fs::read_to_string(&workspace).unwrap(), before);
    pty.press(Key::Esc);
    pty.wait_for(OVERVIEW, WAIT);
    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
}
