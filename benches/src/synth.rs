//! Synthetic catalogs of any size, for benchmarks: a `catalog.toml` and one domain, `synth`,
//! whose codes and messages mix the shapes real catalogs have.
//!
//! - codes: a third `SCREAMING_SNAKE` words (`NOT_FOUND_PAYMENT_SESSION`, Toss and PortOne
//!   style), a third `SYN-<category>-<nnnn>` (seed 003's EBP style), a third short
//!   letter-and-digits codes (`C0002`, NicePay style) — 5 to 50 bytes, sharing prefixes;
//! - messages: mostly static; every 4th has a placeholder with a particle, every 8th two,
//!   every 16th an `amount`; every other code has an explanation.
//!
//! The output depends only on the size. Compiled into the benchmark crate and into its build
//! script (`#[path]`), so it uses nothing but `std`.

use std::fmt::Write as _;

const VERBS: &[&str] = &[
    "NOT_FOUND",
    "INVALID",
    "ALREADY",
    "EXCEED",
    "FAILED",
    "REJECT",
    "UNAUTHORIZED",
    "FORBIDDEN",
    "EXPIRED",
    "DUPLICATED",
    "UNSUPPORTED",
    "MISSING",
];
const NOUNS: &[&str] = &[
    "PAYMENT",
    "CARD",
    "ACCOUNT",
    "BILLING",
    "REFUND",
    "CANCEL",
    "SETTLEMENT",
    "CUSTOMER",
    "MERCHANT",
    "ORDER",
    "SESSION",
    "TOKEN",
];
const QUALIFIERS: &[&str] = &[
    "KEY", "AMOUNT", "STATUS", "METHOD", "INFO", "REQUEST", "LIMIT", "PERIOD", "NUMBER", "TYPE",
    "DATE", "OWNER",
];
const TAILS: &[&str] = &[
    "",
    "_ERROR",
    "_PROCESSING",
    "_MISMATCH",
    "_REQUIRED",
    "_NOT_ALLOWED",
    "_TIMEOUT",
    "_STATE",
    "_FORMAT",
    "_COUNT",
    "_VALUE",
    "_DENIED",
];
const CATEGORIES: &[&str] = &["A", "B", "C", "D", "E"];
const STATUSES: &[u16] = &[400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];

/// The `i`-th wire code (`i` < 62,208 keeps them distinct).
pub fn code(i: usize) -> String {
    let k = i / 3;
    match i % 3 {
        0 => {
            let n = VERBS.len();
            format!(
                "{}_{}_{}{}",
                VERBS[k % n],
                NOUNS[(k / n) % n],
                QUALIFIERS[(k / n / n) % n],
                TAILS[(k / n / n / n) % n]
            )
        }
        1 => format!("SYN-{}-{:04}", CATEGORIES[k % CATEGORIES.len()], k),
        _ => format!("{}{:04}", (b'A' + (k % 26) as u8) as char, k / 26),
    }
}

/// The spec files of a synthetic catalog with `codes` codes, as `(file name, contents)`.
pub fn spec(codes: usize) -> Vec<(String, String)> {
    let catalog = "[catalog]\nname = \"synthetic\"\nlocales = [\"ko\", \"en\"]\n\
                   docs_url = \"https://errors.example.com/{domain}/{code}\"\n"
        .to_owned();
    let mut d = String::with_capacity(codes * 400);
    d.push_str(&format!(
        "[domain]\ntitle.ko = \"합성 카탈로그 ({codes}개)\"\ntitle.en = \"Synthetic catalog ({codes} codes)\"\n\n"
    ));
    for c in CATEGORIES {
        let _ = write!(
            d,
            "[categories.{c}]\ntitle.ko = \"분류 {c}\"\ntitle.en = \"Category {c}\"\n\n"
        );
    }
    for i in 0..codes {
        let _ = writeln!(d, "[errors.\"{}\"]", code(i));
        let _ = writeln!(d, "category = \"{}\"", CATEGORIES[i % CATEGORIES.len()]);
        let _ = writeln!(d, "status = {}", STATUSES[(i * 7) % STATUSES.len()]);
        let (ko, en, fields) = message(i);
        let _ = writeln!(d, "message.ko = \"{ko}\"\nmessage.en = \"{en}\"");
        for f in fields {
            let _ = writeln!(d, "{f}");
        }
        if i % 2 == 0 {
            let _ = writeln!(
                d,
                "explanation.ko = \"요청 {i}번의 값이 결제 상태와 맞지 않을 때 발생합니다.\"\n\
                 explanation.en = \"Occurs when the value of request {i} does not fit the payment's state.\""
            );
        }
        if i % 11 == 0 {
            d.push_str("retryable = true\n");
        }
        d.push('\n');
    }
    vec![
        ("catalog.toml".to_owned(), catalog),
        ("synth.toml".to_owned(), d),
    ]
}

/// The message of the `i`-th code (Korean, English) and its `fields.*` lines.
fn message(i: usize) -> (String, String, Vec<String>) {
    if i % 16 == 3 {
        (
            "{amount}은(는) 최소 결제 금액보다 작습니다.".into(),
            "{amount} is below the minimum payment amount.".into(),
            vec!["fields.amount = { type = \"amount\", example = 500 }".into()],
        )
    } else if i % 8 == 1 {
        (
            "{name}이(가) {target}을(를) 찾을 수 없습니다.".into(),
            "{name} cannot find {target}.".into(),
            vec![
                "fields.name = { example = \"결제 서버\" }".into(),
                "fields.target = { example = \"카드 정보\" }".into(),
            ],
        )
    } else if i % 4 == 2 {
        (
            "{field}은(는) 비어 있을 수 없습니다.".into(),
            "{field} must not be blank.".into(),
            vec!["fields.field = { example = \"결제 ID\" }".into()],
        )
    } else {
        (
            format!("요청을 처리할 수 없습니다 ({i})."),
            format!("The request cannot be processed ({i})."),
            Vec::new(),
        )
    }
}

/// Writes the spec of a catalog with `codes` codes into `dir`.
pub fn write(dir: &std::path::Path, codes: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in spec(codes) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}
