//! Reading LSP messages (`Content-Length` framing) from a byte stream, tolerantly: a message
//! that cannot be read is reported and skipped, and the connection goes on. (`lsp-server`'s
//! own stdio transport ends the connection on the first malformed message.)

use std::io::{BufRead, BufReader};
use std::sync::mpsc::{Receiver, channel};

use lsp_server::Message;

/// The largest message accepted (a 10,000-code spec file is a few MB).
const MAX_MESSAGE: usize = 256 << 20;

/// What the reader hands the server.
#[derive(Debug)]
pub enum Incoming {
    /// A message.
    Message(Message),
    /// A message that could not be read, and why; it was skipped.
    Malformed(String),
    /// The client closed the stream.
    Eof,
}

/// Reads stdin on a thread of its own.
pub fn spawn_stdin_reader() -> Receiver<Incoming> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = BufReader::new(stdin.lock());
        loop {
            let next = read(&mut input);
            let eof = matches!(next, Incoming::Eof);
            if tx.send(next).is_err() || eof {
                break;
            }
        }
    });
    rx
}

/// Reads the next message.
pub fn read(input: &mut dyn BufRead) -> Incoming {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Incoming::Eof,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if length.is_some() {
                break;
            }
            if let Some(why) = bad_header {
                return Incoming::Malformed(why);
            }
            // Blank lines between messages are harmless.
            continue;
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_MESSAGE => length = Some(n),
                    _ => bad_header = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("not a header: `{}`", shorten(text))),
        }
    }
    let Some(length) = length else {
        return Incoming::Malformed(bad_header.unwrap_or_default());
    };
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Incoming::Eof;
    }
    if let Some(why) = bad_header {
        return Incoming::Malformed(why);
    }
    let body = match String::from_utf8(body) {
        Ok(b) => b,
        Err(_) => return Incoming::Malformed("the body is not UTF-8".into()),
    };
    match serde_json::from_str::<Message>(&body) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed(format!("{e}: `{}`", shorten(&body))),
    }
}

fn shorten(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Reads every message of `bytes` (for tests).
#[cfg(test)]
fn read_all(bytes: &[u8]) -> Vec<Incoming> {
    let mut r = bytes;
    let mut out = Vec::new();
    loop {
        match read(&mut r) {
            Incoming::Eof => return out,
            m => out.push(m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn skips_what_it_cannot_read_and_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "{}{}garbage line\r\n\r\n{}Content-Length: x\r\n\r\n{}{}",
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","foo":1}"#),
            frame(ok),
            frame(ok),
            frame(ok),
        );
        let got = read_all(input.as_bytes());
        let kinds: Vec<&str> = got
            .iter()
            .map(|m| match m {
                Incoming::Message(_) => "ok",
                Incoming::Malformed(_) => "bad",
                Incoming::Eof => "eof",
            })
            .collect();
        assert_eq!(kinds, ["bad", "bad", "bad", "ok", "bad", "ok", "ok"]);
    }

    #[test]
    fn a_cut_message_is_the_end() {
        assert!(read_all(b"Content-Length: 100\r\n\r\n{\"a\"").is_empty());
    }
}
