//! Reading the keyboard: a blocking read of the terminal on a thread of its own, the
//! bytes parsed into crossterm's key and paste events. Done here rather than by
//! crossterm's reader because the end of input must be seen: when the terminal goes
//! away without a hang-up signal (the process was started with `setsid`, or is not
//! the pane's direct child), a read returns 0 or fails with EIO, and crossterm's
//! reader loops on that for ever at 100% CPU. Here it ends the input instead.

use std::io::{self, Read};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

/// What the reader found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Events(Vec<Event>),
    /// No more input will come, and why.
    Closed(String),
}

/// Reads `source` until it ends, handing each batch of events to `deliver`; stops
/// when `deliver` returns false (the loop is gone) or the input ends.
pub fn read_keys(mut source: impl Read, mut deliver: impl FnMut(Input) -> bool) {
    let mut parser = Parser::default();
    // As large as stdin's own buffer, so a read goes straight to the terminal and
    // a short read means the terminal had nothing more to give.
    let mut buffer = vec![0u8; 8192];
    loop {
        let count = match source.read(&mut buffer) {
            Ok(0) => {
                deliver(Input::Closed("end of input".into()));
                return;
            }
            Ok(count) => count,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => {
                deliver(Input::Closed(error.to_string()));
                return;
            }
        };
        let events = parser.feed(&buffer[..count], count == buffer.len());
        if !events.is_empty() && !deliver(Input::Events(events)) {
            return;
        }
    }
}

/// The terminal to read keys from: standard input when it is one, else the
/// controlling terminal (as crossterm does).
pub fn terminal_input() -> io::Result<Box<dyn Read + Send>> {
    use std::io::IsTerminal;
    if io::stdin().is_terminal() {
        Ok(Box::new(io::stdin()))
    } else {
        Ok(Box::new(std::fs::File::open("/dev/tty")?))
    }
}

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns the bytes a terminal sends into events, as crossterm's parser does for the
/// keys pactboard uses: text (UTF-8), control keys, `Esc`, and the CSI and SS3
/// sequences of xterm and its kind (cursor keys, Home/End, PgUp/PgDn, Insert,
/// Delete, F1–F12, Shift-Tab, modifiers), and bracketed paste.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// What one attempt to parse the front of the buffer gave.
enum Step {
    /// An event (or none, for a sequence that means nothing here) and the bytes it used.
    Done(Option<Event>, usize),
    /// A sequence that is not complete yet.
    Incomplete,
}

impl Parser {
    /// Parses `bytes`; `more` says whether the terminal may have more right now (a
    /// full read), in which case a lone `Esc` at the end waits for what follows.
    pub fn feed(&mut self, bytes: &[u8], more: bool) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        loop {
            if let Some(text) = self.paste.as_mut() {
                let Some(end) = find(&self.pending, PASTE_END) else {
                    // Keep the tail that may be the start of the end marker.
                    let keep = self.pending.len().saturating_sub(PASTE_END.len() - 1);
                    text.extend(self.pending.drain(..keep));
                    break;
                };
                text.extend(self.pending.drain(..end));
                self.pending.drain(..PASTE_END.len());
                let text = self.paste.take().unwrap_or_default();
                events.push(Event::Paste(
                    String::from_utf8_lossy(&text)
                        .replace("\r\n", "\n")
                        .replace('\r', "\n"),
                ));
                continue;
            }
            if self.pending.is_empty() {
                break;
            }
            if self.pending.starts_with(PASTE_START) {
                self.pending.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            match step(&self.pending, more) {
                Step::Done(event, used) => {
                    self.pending.drain(..used.max(1));
                    events.extend(event);
                }
                Step::Incomplete => break,
            }
        }
        events
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Event> {
    Some(Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }))
}

fn plain(code: KeyCode) -> Option<Event> {
    key(code, KeyModifiers::NONE)
}

fn step(bytes: &[u8], more: bool) -> Step {
    match bytes[0] {
        ESC => escape(bytes, more),
        b'\r' | b'\n' => Step::Done(plain(KeyCode::Enter), 1),
        b'\t' => Step::Done(plain(KeyCode::Tab), 1),
        0x7f | 0x08 => Step::Done(plain(KeyCode::Backspace), 1),
        0 => Step::Done(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => Step::Done(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Step::Done(
            key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        _ => text(bytes),
    }
}

/// One character of UTF-8 text; an invalid byte is skipped.
fn text(bytes: &[u8]) -> Step {
    let width = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Step::Done(None, 1),
    };
    if bytes.len() < width {
        return Step::Incomplete;
    }
    match std::str::from_utf8(&bytes[..width])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Done(key(KeyCode::Char(c), modifiers), width)
        }
        None => Step::Done(None, 1),
    }
}

fn escape(bytes: &[u8], more: bool) -> Step {
    let Some(&next) = bytes.get(1) else {
        // A lone Esc, unless the rest of a sequence is still on its way.
        return if more {
            Step::Incomplete
        } else {
            Step::Done(plain(KeyCode::Esc), 1)
        };
    };
    match next {
        b'[' => csi(bytes, more),
        b'O' => match bytes.get(2) {
            None if more => Step::Incomplete,
            None => Step::Done(key(KeyCode::Char('O'), KeyModifiers::ALT), 2),
            Some(&c) => {
                let code = match c {
                    b'A' => KeyCode::Up,
                    b'B' => KeyCode::Down,
                    b'C' => KeyCode::Right,
                    b'D' => KeyCode::Left,
                    b'H' => KeyCode::Home,
                    b'F' => KeyCode::End,
                    b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
                    _ => return Step::Done(None, 3),
                };
                Step::Done(plain(code), 3)
            }
        },
        ESC => Step::Done(plain(KeyCode::Esc), 1),
        _ => match step(&bytes[1..], more) {
            Step::Done(Some(Event::Key(mut event)), used) => {
                event.modifiers |= KeyModifiers::ALT;
                Step::Done(Some(Event::Key(event)), used + 1)
            }
            Step::Done(other, used) => Step::Done(other, used + 1),
            Step::Incomplete => Step::Incomplete,
        },
    }
}

/// `ESC [` parameters final: cursor keys, `~` keys, Shift-Tab, with modifiers.
fn csi(bytes: &[u8], more: bool) -> Step {
    // Parameters and intermediates are 0x20–0x3f; the final byte is 0x40–0x7e.
    let Some(end) = bytes[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return if bytes.len() > 64 {
            Step::Done(None, bytes.len())
        } else if more || bytes.len() > 2 {
            Step::Incomplete
        } else {
            Step::Done(key(KeyCode::Char('['), KeyModifiers::ALT), 2)
        };
    };
    let used = 2 + end + 1;
    let params = std::str::from_utf8(&bytes[2..2 + end]).unwrap_or("");
    let final_byte = bytes[2 + end];
    let numbers: Vec<u16> = params
        .split(';')
        .map(|part| part.parse().unwrap_or(0))
        .collect();
    let modifiers = numbers
        .get(1)
        .map_or(KeyModifiers::NONE, |&m| modifiers_of(m));
    let code = match final_byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Step::Done(key(KeyCode::BackTab, KeyModifiers::SHIFT), used),
        b'P'..=b'S' => KeyCode::F(1 + final_byte - b'P'),
        b'~' => match numbers.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return Step::Done(None, used),
        },
        // Focus, mouse and replies to queries: nothing pactboard asked for.
        _ => return Step::Done(None, used),
    };
    Step::Done(key(code, modifiers), used)
}

/// xterm's modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4).
fn modifiers_of(parameter: u16) -> KeyModifiers {
    let bits = parameter.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
        Parser::default()
            .feed(bytes, false)
            .into_iter()
            .map(|event| match event {
                Event::Key(key) => (key.code, key.modifiers),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn text_and_control_keys() {
        assert_eq!(
            keys("aé€Z\r\t\x7f\x03\x0c".as_bytes()),
            vec![
                (KeyCode::Char('a'), NONE),
                (KeyCode::Char('é'), NONE),
                (KeyCode::Char('€'), NONE),
                (KeyCode::Char('Z'), KeyModifiers::SHIFT),
                (KeyCode::Enter, NONE),
                (KeyCode::Tab, NONE),
                (KeyCode::Backspace, NONE),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::Char('l'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn sequences_of_xterm() {
        assert_eq!(
            keys(b"\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1b[H\x1b[F\x1b[5~\x1b[6~\x1b[3~\x1b[Z\x1b[1;2D\x1b[15~\x1bOP"),
            vec![
                (KeyCode::Up, NONE),
                (KeyCode::Down, NONE),
                (KeyCode::Right, NONE),
                (KeyCode::Left, NONE),
                (KeyCode::Up, NONE),
                (KeyCode::Home, NONE),
                (KeyCode::End, NONE),
                (KeyCode::PageUp, NONE),
                (KeyCode::PageDown, NONE),
                (KeyCode::Delete, NONE),
                (KeyCode::BackTab, KeyModifiers::SHIFT),
                (KeyCode::Left, KeyModifiers::SHIFT),
                (KeyCode::F(5), NONE),
                (KeyCode::F(1), NONE),
            ]
        );
    }

    #[test]
    fn a_lone_esc_is_esc_and_esc_with_a_key_is_alt() {
        assert_eq!(keys(b"\x1b"), vec![(KeyCode::Esc, NONE)]);
        assert_eq!(
            keys(b"\x1bx"),
            vec![(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
        // An Esc at the end of a full read waits for the rest of its sequence.
        let mut parser = Parser::default();
        assert!(parser.feed(b"\x1b", true).is_empty());
        assert_eq!(parser.feed(b"[A", false).len(), 1);
    }

    #[test]
    fn a_sequence_split_across_reads_is_put_together() {
        let mut parser = Parser::default();
        assert!(parser.feed(b"\x1b[1;", false).is_empty());
        assert_eq!(
            parser.feed(b"2C", false),
            vec![Event::Key(KeyEvent::new(
                KeyCode::Right,
                KeyModifiers::SHIFT
            ))]
        );
        assert!(parser.feed(&"é".as_bytes()[..1], false).is_empty());
        assert_eq!(parser.feed(&"é".as_bytes()[1..], false).len(), 1);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_across_reads() {
        let mut parser = Parser::default();
        assert!(parser.feed(b"\x1b[200~line one\r\nq", false).is_empty());
        assert!(parser.feed(b"uit\x1b[20", false).is_empty());
        assert_eq!(
            parser.feed(b"1~x", false),
            vec![
                Event::Paste("line one\nquit".into()),
                Event::Key(KeyEvent::new(KeyCode::Char('x'), NONE)),
            ]
        );
    }

    #[test]
    fn unknown_sequences_are_skipped_not_typed() {
        assert_eq!(keys(b"\x1b[?1;2c\x1b[Ia"), vec![(KeyCode::Char('a'), NONE)]);
    }

    #[test]
    fn the_end_of_input_and_a_failing_read_end_the_reader() {
        let mut got = Vec::new();
        read_keys(&b"q"[..], |input| {
            got.push(input);
            true
        });
        assert_eq!(
            got,
            vec![
                Input::Events(vec![Event::Key(KeyEvent::new(KeyCode::Char('q'), NONE))]),
                Input::Closed("end of input".into()),
            ]
        );

        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::from_raw_os_error(5))
            }
        }
        let mut got = Vec::new();
        read_keys(Broken, |input| {
            got.push(input);
            true
        });
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0], Input::Closed(why) if why.contains("Input/output error")));
    }
}
