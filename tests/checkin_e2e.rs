//! The check-in end to end: the real binary in a pseudo-terminal on a temporary
//! copy of the demo. `pactboard checkin` — a reading and a note typed, `Ctrl-s` —
//! writes the check-in to the partner's file, dated today by `PACTBOARD_USER`;
//! then a page half typed when the connection drops (SIGHUP) is kept as a draft,
//! and the next start offers it with the note. `pactboard checkin PARTNER` opens
//! one partner's page, and an unknown partner is wrong usage.

#![cfg(unix)]

mod common;
mod pty;

use std::time::{Duration, Instant};

use common::*;
use pty::{Key, Pty, WAIT};

/// The partner on the page: the header's "Check-in · NAME  2 of 6".
fn page_partner(pty: &Pty) -> String {
    let header = pty.row(1);
    let name = header
        .split("Check-in · ")
        .nth(1)
        .unwrap_or_else(|| panic!("no check-in header: {header:?}\n{}", pty.report()));
    name.split("  ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Puts the cursor in the note: from the first reading, Tab goes down to the new
/// action item at the bottom of the page (and stays there), and Shift-Tab back to
/// the note; without a KPI, the cursor starts there.
fn to_the_note(pty: &mut Pty) {
    // The page's last line (what the focused place takes, row 20 at 80x24) is
    // drawn after the rest: once it is there, the whole page is.
    let screen = pty.wait_until("the page drawn", WAIT, |screen| {
        let last = pty::screen_row(screen, 20);
        last.starts_with("│ ") && !last.trim_matches(['│', ' ']).is_empty()
    });
    if screen.contains("the value measured today") {
        for _ in 0..80 {
            pty.press(Key::Tab);
        }
        pty.wait_for("an action agreed here", WAIT);
        pty.press(Key::BackTab);
    }
    pty.wait_for("what was said and decided; Enter breaks the line", WAIT);
}

fn partner_file(data: &std::path::Path, id: &str) -> String {
    std::fs::read_to_string(data.join("partners").join(format!("{id}.ron"))).unwrap_or_default()
}

#[test]
fn a_check_in_is_typed_saved_and_a_dropped_connection_loses_nothing() {
    let (_dir, data) = demo_copy();

    // 1. `pactboard checkin`: a reading and a note on the first page, Ctrl-s.
    let mut pty = Pty::builder(&data).user("casey").arg("checkin").spawn();
    pty.wait_for("KPIs due a reading", WAIT);
    let name = page_partner(&pty);
    let id = pactboard::domain::partner::slugify(&name);
    // The cursor starts in the first reading: the last line says what it takes.
    pty.wait_for("the value measured today", WAIT);
    pty.send("180");
    pty.wait_for("[180", WAIT);
    to_the_note(&mut pty);
    pty.send("Autumn cohort finished");
    pty.wait_for("Autumn cohort finished", WAIT);
    pty.press(Key::Ctrl('s'));
    pty.wait_for(&format!("checked in with {name}"), WAIT);
    let text = partner_file(&data, &id);
    let checkin =
        format!("date: \"{DEMO_DATE}\",\n            author: \"casey\",\n            tier: ");
    assert!(text.contains(&checkin), "{text}");
    assert!(text.contains("note: \"Autumn cohort finished\""), "{text}");
    assert!(
        text.contains(&format!("date: \"{DEMO_DATE}\", value: 180.0)")),
        "the reading, dated today: {text}"
    );
    // On to the next partner; nothing typed there, so Ctrl-c quits at once.
    pty.wait_until("the next partner's page", WAIT, |screen| {
        !pty::screen_row(screen, 1).contains(&name)
    });
    pty.press(Key::Ctrl('c'));
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();

    // 2. Another check-in: the partner done today is left out; a note half typed
    // when the connection drops.
    let mut pty = Pty::builder(&data).user("casey").arg("checkin").spawn();
    pty.wait_for("Check-in · ", WAIT);
    let second = page_partner(&pty);
    assert_ne!(second, name, "checked in today already: left out");
    let second_id = pactboard::domain::partner::slugify(&second);
    to_the_note(&mut pty);
    pty.send("Sponsor wants single sign-on by Jan");
    pty.wait_for("by Jan", WAIT);
    let start = Instant::now();
    pty.signal("HUP");
    let status = pty.wait_for_exit(WAIT);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "exited after {:?}",
        start.elapsed()
    );
    assert_eq!(status.exit_code(), 128 + 1, "{status}");
    pty.assert_restored();
    let draft = data.join(format!(".drafts/casey/{second_id}.ron"));
    let kept = std::fs::read_to_string(&draft).expect("the page is kept as a draft");
    assert!(
        kept.contains("Sponsor wants single sign-on by Jan"),
        "{kept}"
    );
    assert!(
        !partner_file(&data, &second_id).contains("Sponsor wants"),
        "a draft is not a check-in"
    );
    let check = pactboard(&["check"], &data);
    assert!(check.status.success(), "{}", stdout(&check));

    // 3. The next start offers it, with the note; r resumes it on its page.
    let mut pty = Pty::builder(&data).user("casey").spawn();
    pty.wait_for("Your last session ended before the check-in of", WAIT);
    pty.wait_for("A check-in not saved", WAIT);
    pty.wait_for("the note “Sponsor wants", WAIT);
    pty.send("r");
    pty.wait_for(&format!("Check-in · {second}"), WAIT);
    pty.wait_for("Sponsor wants single sign-on by Jan", WAIT);
    pty.wait_for("brought back what you typed", WAIT);
    // Quitting with it on screen keeps it, and says so.
    pty.press(Key::Ctrl('c'));
    pty.wait_for("kept as a draft: c brings it back", WAIT);
    pty.send("y");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    pty.assert_restored();
    assert!(draft.exists());
}

#[test]
fn checkin_with_a_partner_opens_its_page_and_an_unknown_one_is_wrong_usage() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data)
        .arg("checkin")
        .arg("harbourline")
        .spawn();
    pty.wait_for("Check-in · Harbourline Mutual", WAIT);
    assert!(
        !pty.row(1).contains(" of "),
        "one partner, not a walk: {}",
        pty.row(1)
    );
    pty.press(Key::Ctrl('s'));
    pty.wait_for("Check-in done", WAIT);
    pty.press(Key::Enter);
    pty.wait_for("Needs attention", WAIT);
    pty.send("q");
    assert!(pty.wait_for_exit(WAIT).success(), "{}", pty.report());
    assert!(partner_file(&data, "harbourline-mutual").contains(&format!(
        "date: \"{DEMO_DATE}\",\n            author: \"tester\""
    )));

    let pty = Pty::builder(&data)
        .arg("checkin")
        .arg("nobody-at-all")
        .spawn();
    let status = pty.wait_for_exit(WAIT);
    assert_eq!(status.exit_code(), 2, "{}", pty.report());
    let said = String::from_utf8_lossy(&pty.output()).into_owned();
    assert!(said.contains("no partner “nobody-at-all”"), "{said}");
}
