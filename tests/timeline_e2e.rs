//! The Timeline end to end: the real binary in a pseudo-terminal on a temporary copy
//! of the demo. `3`, a planned milestone, `Space` twice: its file says done, today.
//! `>` on another: its due date a week later in the file, its first plan kept.

#![cfg(unix)]

mod common;
mod pty;

use chrono::NaiveDate;
use common::*;
use pactboard::domain::timeline::{Milestone, MilestoneStatus};
use pactboard::store::Store;
use pty::{Pty, WAIT};

/// The selected milestone as the screen shows it: the status symbol on its row
/// (`›○  Renewal signed…`) and its whole title, from the details under the chart.
///
/// The row and the details must agree: a screen read while a frame is half drawn
/// can show the mark on the new row and the details of the old one.
fn selected(screen: &str) -> Option<(char, String)> {
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines.iter().find_map(|line| line.strip_prefix('›'))?;
    let symbol = row.chars().next()?;
    // The name column: status, flag, a space, then the title (cut with "…") in the
    // 22 columns it has at 80 (the names take a third of the width).
    let shown: String = row.chars().skip(3).take(22).collect();
    let shown = shown.trim_end().trim_end_matches('…');
    // The details: a rule with the title, then "Partner · Phase · owner …".
    let rule = lines.windows(2).find_map(|pair| {
        (pair[1].contains(" · owner ") && pair[0].contains('─')).then_some(pair[0])
    })?;
    let title = rule.trim().trim_end_matches('─').trim().to_string();
    (!shown.is_empty() && title.starts_with(shown)).then_some((symbol, title))
}

/// Presses `j` until the selected milestone's status is one of `wanted` (and not
/// `skip`); returns its title.
fn select_next(pty: &mut Pty, wanted: &[char], skip: Option<&str>) -> String {
    let mut current = pty.wait_until("a milestone to be selected", WAIT, |screen| {
        selected(&screen.contents()).is_some()
    });
    for _ in 0..60 {
        let before = selected(&current);
        if let Some((symbol, title)) = &before
            && wanted.contains(symbol)
            && Some(title.as_str()) != skip
        {
            return title.clone();
        }
        pty.send("j");
        current = pty.wait_until("the selection to move", WAIT, |screen| {
            let now = selected(&screen.contents());
            now.is_some() && now != before
        });
    }
    panic!(
        "no milestone marked {wanted:?} on the Timeline\n{}",
        pty.report()
    );
}

/// The partner file and the milestone called `title`, as they are on disk now.
fn on_disk(data: &std::path::Path, title: &str) -> (String, Milestone) {
    let snapshot = Store::new(data).load().expect("the data directory loads");
    snapshot
        .partners
        .iter()
        .find_map(|file| {
            let m = file.partner.milestones.iter().find(|m| m.title == title)?;
            Some((file.id.clone(), m.clone()))
        })
        .unwrap_or_else(|| panic!("no milestone {title:?} on disk"))
}

/// Polls the disk until the milestone called `title` satisfies `check`.
fn wait_for_milestone(
    data: &std::path::Path,
    title: &str,
    what: &str,
    check: impl Fn(&Milestone) -> bool,
) -> Milestone {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let (_, milestone) = on_disk(data, title);
        if check(&milestone) {
            return milestone;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{title:?} never showed {what} on disk: {milestone:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn space_twice_finishes_a_milestone_and_a_week_later_is_one_key() {
    let (_dir, data) = demo_copy();
    let today = NaiveDate::parse_from_str(DEMO_DATE, "%Y-%m-%d").unwrap();
    let mut pty = Pty::builder(&data).user("casey").size(80, 24).spawn();
    pty.wait_for("Needs attention", WAIT);
    pty.send("3");
    pty.wait_for("Milestones by partner", WAIT);

    // A planned milestone, Space twice: in progress, then done today.
    let planned = select_next(&mut pty, &['○'], None);
    let (partner, before) = on_disk(&data, &planned);
    assert_eq!(before.status, MilestoneStatus::Planned);
    pty.send(" ");
    pty.wait_until("the milestone to be in progress", WAIT, |screen| {
        selected(&screen.contents()).is_some_and(|(symbol, _)| symbol == '▶')
    });
    pty.send(" ");
    pty.wait_until("the milestone to be done", WAIT, |screen| {
        selected(&screen.contents()).is_some_and(|(symbol, _)| symbol == '✓')
    });
    let done = wait_for_milestone(&data, &planned, "done", |m| {
        m.status == MilestoneStatus::Done
    });
    assert_eq!(done.done, Some(today), "done with today's date");
    let text =
        std::fs::read_to_string(data.join("partners").join(format!("{partner}.ron"))).unwrap();
    assert!(
        text.contains(&format!("done: Some(\"{DEMO_DATE}\")")),
        "the file says so in its own words:\n{text}"
    );

    // Another milestone, still open: `>` moves its due date a week, and the first
    // plan stays.
    let other = select_next(&mut pty, &['○', '▶'], Some(&planned));
    let (_, before) = on_disk(&data, &other);
    pty.send(">");
    let week = before.due + chrono::Days::new(7);
    let moved = wait_for_milestone(&data, &other, "a due date a week later", |m| m.due == week);
    assert_eq!(
        moved.planned_due, before.planned_due,
        "the first plan stays"
    );
    let replan = moved.replans.last().expect("a re-plan is recorded");
    assert_eq!(
        (replan.date, replan.by.as_str(), replan.from, replan.to),
        (today, "casey", before.due, week)
    );
    pty.wait_for(&format!("due {week}"), WAIT);

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
