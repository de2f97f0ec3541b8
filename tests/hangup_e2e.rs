//! Dropped terminals, end to end: the real binary in a pseudo-terminal, idle, then
//! hung up with a form half typed — it exits within a second, keeps what was typed
//! as a draft and offers it on the next start — or left with a terminal that closes
//! without any signal (the process not the terminal's session leader, as under
//! `setsid`), which must end it within a second instead of spinning.

#![cfg(target_os = "linux")]

mod common;
mod pty;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use pty::{Key, Pty, WAIT};

/// CPU time (user + system) a process has used, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// The CPU a process uses over `period`, in clock ticks (100 a second here).
fn cpu_over(pid: u32, period: Duration) -> u64 {
    let before = cpu_ticks(pid).expect("the process is running");
    std::thread::sleep(period);
    cpu_ticks(pid).unwrap_or(before) - before
}

// Defect 8 of issue 16: typed text in an open form was lost on SIGHUP.
#[test]
fn a_hang_up_with_a_form_half_typed_keeps_a_draft_exits_in_a_second_and_offers_it_next_time() {
    let (_dir, data) = demo_copy();
    let pty = Pty::builder(&data).today(DEMO_DATE).spawn();
    pty.wait_for("Needs attention", WAIT);
    let mut pty = pty;
    pty.send("2");
    pty.wait_for("Prospect", WAIT);
    pty.send("e");
    pty.wait_for("Summary", WAIT);
    pty.press(Key::Tab);
    pty.send(" typed before the hang-up");
    pty.wait_for("typed before the hang-up", WAIT);

    // Idle: no busy loop, no redraw without a cause (a few ticks at most).
    let idle = cpu_over(pty.pid(), Duration::from_secs(1));
    assert!(idle <= 3, "{idle} ticks of CPU in an idle second");

    let start = Instant::now();
    pty.signal("HUP");
    let status = pty.wait_for_exit(WAIT);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "exited after {took:?}");
    assert_eq!(status.exit_code(), 128 + 1, "{status}");
    pty.assert_restored();

    let drafts: Vec<_> = fs::read_dir(data.join(".drafts/tester"))
        .expect("a draft directory for the user")
        .map(|entry| entry.unwrap().path())
        .collect();
    let [draft] = drafts.as_slice() else {
        panic!("one draft: {drafts:?}")
    };
    let text = fs::read_to_string(draft).unwrap();
    assert!(text.contains("typed before the hang-up"), "{text}");
    // Drafts are never partner data: everything still loads and checks.
    let check = pactboard(&["check"], &data);
    assert!(check.status.success(), "{}", stdout(&check));

    // The next start offers it; opening the same form brings the text back.
    let mut again = Pty::builder(&data).today(DEMO_DATE).spawn();
    again.wait_for("Your last session ended", WAIT);
    again.send("n");
    again.wait_for_gone("Your last session ended", WAIT);
    again.send("2");
    again.wait_for("Prospect", WAIT);
    again.send("e");
    again.wait_for("typed before the hang-up", WAIT);
    again.wait_for("brought back what you typed", WAIT);
    assert!(
        fs::read_dir(data.join(".drafts/tester"))
            .unwrap()
            .next()
            .is_none(),
        "the draft is used up"
    );
    again.press(Key::Esc);
    again.wait_for("Discard what you typed?", WAIT);
    again.send("y");
    again.wait_for_gone("Discard what you typed?", WAIT);
    again.send("q");
    assert!(again.wait_for_exit(WAIT).success());
}

/// The pid of the pactboard running on `data`, found by its command line.
fn find_pactboard(data: &Path) -> Option<u32> {
    let wanted = data.to_string_lossy().into_owned();
    fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        let cmdline = fs::read(entry.path().join("cmdline")).ok()?;
        let args: Vec<String> = cmdline
            .split(|&b| b == 0)
            .map(|arg| String::from_utf8_lossy(arg).into_owned())
            .collect();
        let is_it = args.first()?.ends_with("/pactboard") && args.contains(&wanted);
        is_it.then_some(pid)
    })
}

// Defect 4 of issue 16: without a hang-up signal the reader spun at 100% CPU for ever.
#[test]
fn a_terminal_that_closes_without_a_signal_ends_the_session_within_a_second() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let (_dir, data) = demo_copy();
    let home = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // `setsid` puts pactboard in a session of its own: it keeps the terminal as its
    // input and output, but the terminal closing sends it no SIGHUP. (A shell stays
    // the terminal's session leader meanwhile, as in a tmux pane.)
    let mut command = CommandBuilder::new("sh");
    command.arg("-c");
    command.arg("setsid \"$0\" --data \"$1\" 2>\"$2\"; true");
    command.arg(env!("CARGO_BIN_EXE_pactboard"));
    command.arg(&data);
    command.arg(home.path().join("stderr"));
    command.env_clear();
    command.env("TERM", "xterm-256color");
    command.env("HOME", home.path());
    command.env("PATH", "/usr/bin:/bin");
    command.env("PACTBOARD_USER", "tester");
    command.env("PACTBOARD_TODAY", DEMO_DATE);
    command.cwd(home.path());
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    let start = Instant::now();
    while !String::from_utf8_lossy(&seen).contains("Needs attention") {
        assert!(start.elapsed() < WAIT, "no first frame");
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buffer[..n]),
        }
    }
    let text = || String::from_utf8_lossy(&seen).into_owned();
    // Idle for a while (whatever it still draws waits in the terminal's buffer),
    // so that nothing but the terminal's end can wake it.
    std::thread::sleep(Duration::from_millis(800));
    let pid = find_pactboard(&data)
        .unwrap_or_else(|| panic!("pactboard is not running; it wrote:\n{}", text()));
    // The terminal goes away: no signal for pactboard in its own session, just the
    // end of its input (EIO).
    drop(reader);
    drop(pair.master);
    let closed = Instant::now();
    while fs::metadata(format!("/proc/{pid}")).is_ok() && closed.elapsed() < WAIT {
        // A zombie has exited too; only a live process counts.
        let state = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = closed.elapsed();
    let still = fs::metadata(format!("/proc/{pid}")).is_ok()
        && fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'));
    if still {
        let spent = cpu_over(pid, Duration::from_millis(500));
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        panic!(
            "still running {took:?} after the terminal was hung up ({spent} ticks of CPU in half a second)"
        );
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(took < Duration::from_secs(1), "exited after {took:?}");
    let said = fs::read_to_string(home.path().join("stderr")).unwrap_or_default();
    assert!(said.contains("the terminal's input ended"), "{said}");
}

#[test]
fn a_terminal_resized_to_nothing_ends_the_session_within_a_second() {
    let (_dir, data) = demo_copy();
    let mut pty = Pty::builder(&data).today(DEMO_DATE).spawn();
    pty.wait_for("Needs attention", WAIT);
    let start = Instant::now();
    pty.resize(0, 0);
    let status = pty.wait_for_exit(WAIT);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "exited after {took:?}");
    assert!(!status.success(), "{status}");
    pty.assert_restored();
}
