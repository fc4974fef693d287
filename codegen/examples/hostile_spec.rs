//! Generates hostile spec directories: large and pathological inputs for `errspec`.
//!
//! `cargo run -p codegen --example hostile_spec -- CASE SIZE DIR` writes `DIR/catalog.toml`
//! and the case's domain file(s). `codegen/tests/hostile.rs` runs every case at a small size
//! and checks `errspec`'s exit status; `scripts/bench-hostile` times them at two large sizes
//! (BENCHMARKS.md). Uses nothing but `std`, and the output depends only on CASE and SIZE.

use std::fmt::Write as _;
use std::path::Path;

/// Every case: (name, what it is, the exit status `errspec check` must end with).
pub const CASES: &[(&str, &str, i32)] = &[
    ("dup-keys", "SIZE repeats of one key in one entry", 1),
    ("dup-codes", "SIZE codes, the file pasted twice", 1),
    ("syntax", "SIZE lines with a TOML syntax error", 1),
    ("placeholders", "one message with SIZE placeholders", 0),
    (
        "bad-refs",
        "SIZE deprecations naming unknown replacements",
        1,
    ),
    ("bad-keys", "one entry with SIZE unknown keys", 1),
    ("bad-values", "one list of SIZE values of the wrong type", 1),
    ("deep", "arrays nested SIZE deep", 1),
    ("garbage", "SIZE×100 bytes of syntax garbage", 1),
    ("too-large", "a file over the size limit (SIZE ignored)", 1),
    ("bom", "SIZE valid codes after a byte-order mark", 0),
    ("crlf", "SIZE valid codes with CRLF line ends", 0),
    ("nul", "SIZE valid codes, then a NUL byte", 1),
    (
        "invalid-utf8",
        "SIZE valid codes, then an invalid UTF-8 byte",
        1,
    ),
    (
        "symlink-loop",
        "SIZE valid codes beside a spec file that is a symlink loop",
        1,
    ),
    (
        "dir-toml",
        "SIZE valid codes beside a directory named x.toml",
        1,
    ),
];

const CATALOG: &str = "[catalog]\nname = \"hostile\"\nlocales = [\"ko\", \"en\"]\n";

/// `n` valid error entries.
pub fn codes(n: usize) -> String {
    let mut d =
        String::from("[domain]\ntitle.ko = \"적대적 입력\"\ntitle.en = \"Hostile input\"\n\n");
    for i in 0..n {
        let _ = write!(
            d,
            "[errors.\"HOSTILE_CODE_{i}\"]\nstatus = 400\nmessage.ko = \"요청 {i}번이 잘못되었습니다.\"\n\
             message.en = \"Request {i} is invalid.\"\nexplanation.ko = \"요청 {i}번의 값이 맞지 않을 때 발생합니다.\"\n\n"
        );
    }
    d
}

/// The domain file of `case` at `size`, as bytes (`None` for cases that are not one file).
pub fn domain(case: &str, size: usize) -> Option<Vec<u8>> {
    let header =
        "[domain]\ntitle.ko = \"적대적 입력\"\n\n[errors.A]\nstatus = 400\nmessage.ko = \"가\"\n";
    let mut d = String::new();
    match case {
        "dup-keys" => {
            d.push_str(header);
            d.push_str(&"status = 400\n".repeat(size));
        }
        "dup-codes" => {
            d = codes(size).repeat(2);
        }
        "syntax" => {
            d.push_str(header);
            for i in 0..size {
                let _ = writeln!(d, "key{i} = ");
            }
        }
        "placeholders" => {
            let holes: String = (0..size).map(|i| format!("{{p{i}}}")).collect();
            let _ = write!(
                d,
                "[domain]\ntitle.ko = \"가\"\n\n[errors.A]\nstatus = 400\nmessage.ko = \"{holes}\"\nmessage.en = \"{holes}\"\n"
            );
        }
        "bad-refs" => {
            d = codes(size);
            for i in 0..size {
                let _ = write!(
                    d,
                    "[errors.\"OLD_{i}\"]\nstatus = 400\nmessage.ko = \"옛 코드\"\nmessage.en = \"Old\"\n\
                     deprecated = {{ since = \"2026-11\", replacement = \"NO_SUCH_CODE_{i}\" }}\n\n"
                );
            }
        }
        "bad-keys" => {
            d.push_str(header);
            for i in 0..size {
                let _ = writeln!(d, "unknown_key_{i} = 1");
            }
        }
        "bad-values" => {
            d.push_str(header);
            let items: Vec<String> = (0..size).map(|i| i.to_string()).collect();
            let _ = writeln!(d, "operations = [{}]", items.join(", "));
        }
        "deep" => {
            d.push_str(header);
            let _ = writeln!(d, "operations = {}{}", "[".repeat(size), "]".repeat(size));
        }
        "garbage" => {
            // Deterministic noise of TOML's own punctuation, letters and line breaks.
            let alphabet = b"[]{}=\"'.,#\n azAZ09-_\\";
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            let bytes = (0..size * 100)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            return Some(bytes);
        }
        "too-large" => return Some(vec![b'#'; 9 * 1024 * 1024]),
        "bom" => d = format!("\u{FEFF}{}", codes(size)),
        "crlf" => d = codes(size).replace('\n', "\r\n"),
        "nul" => d = format!("{}\0\n", codes(size)),
        "invalid-utf8" => {
            let mut b = codes(size).into_bytes();
            b.extend_from_slice(b"# \xff\xfe\n");
            return Some(b);
        }
        "symlink-loop" | "dir-toml" => d = codes(size),
        _ => return None,
    }
    Some(d.into_bytes())
}

/// Writes case `case` at `size` into `dir` (created); `false` for an unknown case.
pub fn write(case: &str, size: usize, dir: &Path) -> std::io::Result<bool> {
    let Some(bytes) = domain(case, size) else {
        return Ok(false);
    };
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("catalog.toml"), CATALOG)?;
    std::fs::write(dir.join("hostile.toml"), bytes)?;
    match case {
        #[cfg(unix)]
        "symlink-loop" => {
            let _ = std::fs::remove_file(dir.join("loop.toml"));
            std::os::unix::fs::symlink("loop.toml", dir.join("loop.toml"))?;
        }
        "dir-toml" => std::fs::create_dir_all(dir.join("x.toml"))?,
        _ => {}
    }
    Ok(true)
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(case), Some(size), Some(dir)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: hostile_spec CASE SIZE DIR\ncases:");
        for (name, what, _) in CASES {
            eprintln!("  {name:14} {what}");
        }
        std::process::exit(2);
    };
    match write(case, size, Path::new(dir)) {
        Ok(true) => {}
        Ok(false) => {
            eprintln!("unknown case `{case}`");
            std::process::exit(2);
        }
        Err(e) => {
            eprintln!("cannot write {dir}: {e}");
            std::process::exit(2);
        }
    }
}
