//! The one writer every command prints through: standard output and standard error, with
//! their failures turned into exit statuses instead of panics (`print!` panics on both).
//!
//! - A closed pipe (`errspec generate | head`) ends the output quietly, the way Unix tools do:
//!   nothing more is written, nothing is said, and the command keeps its own exit status.
//! - Any other write error (a full disk, `> /dev/full`) is said on standard error in Korean
//!   and English, and the command exits 2 (could not run).

use std::io::{self, Write};

use crate::diagnostic::Lang;
use crate::load::io_reason;

/// Standard output and standard error, or any two writers (tests).
pub struct Out<'w> {
    stdout: Box<dyn Write + 'w>,
    stderr: Box<dyn Write + 'w>,
    /// The reader of standard output went away: write nothing more there.
    closed: bool,
    /// The first write error that is not a closed pipe.
    failed: Option<io::Error>,
}

impl Out<'static> {
    /// The process's standard output and standard error.
    pub fn std() -> Out<'static> {
        Out::new(Box::new(io::stdout().lock()), Box::new(io::stderr()))
    }
}

impl<'w> Out<'w> {
    /// Writes to `stdout` and `stderr`.
    pub fn new(stdout: Box<dyn Write + 'w>, stderr: Box<dyn Write + 'w>) -> Out<'w> {
        Out {
            stdout,
            stderr,
            closed: false,
            failed: None,
        }
    }

    /// Writes `text` to standard output.
    pub fn print(&mut self, text: &str) {
        if self.closed || self.failed.is_some() {
            return;
        }
        let result = self.stdout.write_all(text.as_bytes());
        self.note(result);
    }

    /// Writes `text` and a newline to standard output.
    pub fn println(&mut self, text: &str) {
        self.print(text);
        self.print("\n");
    }

    /// Writes `text` to standard error.
    pub fn eprint(&mut self, text: &str) {
        let result = self.stderr.write_all(text.as_bytes());
        self.note(result);
    }

    /// Writes `text` and a newline to standard error.
    pub fn eprintln(&mut self, text: &str) {
        self.eprint(text);
        self.eprint("\n");
    }

    /// Writes the text of `lang` and a newline to standard error.
    pub fn say(&mut self, lang: Lang, ko: &str, en: &str) {
        self.eprintln(match lang {
            Lang::Ko => ko,
            Lang::En => en,
        });
    }

    fn note(&mut self, result: io::Result<()>) {
        match result {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => self.closed = true,
            Err(e) => {
                self.failed.get_or_insert(e);
            }
        }
    }

    /// Flushes what is buffered and turns the command's exit `status` into the process's:
    /// `status` itself, or 2 when some output could not be written (said on standard error).
    pub fn finish(mut self, status: i32, lang: Lang) -> i32 {
        if !self.closed && self.failed.is_none() {
            let result = self.stdout.flush();
            self.note(result);
        }
        let _ = self.stderr.flush();
        match self.failed.take() {
            None => status,
            Some(e) => {
                let text = match lang {
                    Lang::Ko => format!(
                        "오류: 출력을 쓸 수 없습니다: {}\n도움말: 디스크에 빈 공간이 있는지, 출력을 보낸 곳에 쓸 수 있는지 확인하세요",
                        io_reason(&e, Lang::Ko)
                    ),
                    Lang::En => format!(
                        "error: cannot write the output: {e}\nhelp: check that the disk has free space and that the output can be written where it goes"
                    ),
                };
                let _ = writeln!(self.stderr, "{text}");
                let _ = self.stderr.flush();
                2
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_keeps_the_status() {
        let mut err = Vec::new();
        let mut out = Out::new(
            Box::new(Failing(io::ErrorKind::BrokenPipe)),
            Box::new(&mut err),
        );
        out.println("generated code");
        out.println("more");
        assert_eq!(out.finish(1, Lang::Ko), 1);
        assert!(err.is_empty());
    }

    #[test]
    fn any_other_write_error_is_said_and_exits_2() {
        for (lang, want) in [
            (Lang::Ko, "오류: 출력을 쓸 수 없습니다"),
            (Lang::En, "error: cannot write the output"),
        ] {
            let mut err = Vec::new();
            let mut out = Out::new(
                Box::new(Failing(io::ErrorKind::StorageFull)),
                Box::new(&mut err),
            );
            out.print("text");
            assert_eq!(out.finish(0, lang), 2);
            let err = String::from_utf8(err).unwrap();
            assert!(err.starts_with(want), "{err}");
        }
    }

    #[test]
    fn output_goes_where_it_is_sent() {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let mut out = Out::new(Box::new(&mut stdout), Box::new(&mut stderr));
        out.print("a");
        out.println("b");
        out.say(Lang::En, "오류", "error");
        assert_eq!(out.finish(0, Lang::En), 0);
        assert_eq!(stdout, b"ab\n");
        assert_eq!(stderr, b"error\n");
    }
}
