//! What the Rust crate answers, for the TypeScript export's parity test
//! (`tests/exports/parity.test.mjs`): prints JSON with
//!
//! - `sounds`: `[value, coda]` for tens of thousands of values (every Hangul syllable and
//!   jamo, every ASCII letter string of up to three letters in three casings, English words in
//!   identifier shapes, numbers in every shape the rules read, units, brackets, fullwidth
//!   forms, other scripts), `coda` being `payment_errors::particle::final_sound` as `V`, `R`,
//!   `C` or null;
//! - `renders`: every message of the repo's spec and of the adversarial fixture catalog, in
//!   every locale, rendered by the crate for `Error::example(code)` (`message(locale)`), with
//!   the parameters that example carries;
//! - `payments`: every live code of both catalogs with what the crate's `Code::payment()` says
//!   (`outcome`, `retry`, `retryAfter`, `maxAttempts`, `actor`, `customerSafe`, as
//!   `catalog.json` names them) and `decisions`: `[attempt, decision, seconds or null]` from
//!   `payment().decide(attempt)` for attempts 0 to 6, 100 and `u32::MAX`, the decision as the
//!   exported module spells it (`retry_now`, `retry_after`, `retry_with_new_key`,
//!   `check_status`, `give_up`);
//! - `defaultMaxAttempts`: `payment::DEFAULT_MAX_ATTEMPTS`.
//!
//! `cargo run -q -p catalog-tests --example export_corpus > target/exports/corpus.json`

use std::fmt::Write as _;
use std::path::Path;

use catalog_tests::adversarial;
use codegen::json::{Json, Layout};
use codegen::model::{Catalog, Domain, ErrorDef, FieldType};
use payment_errors::particle::{Coda, final_sound};
use payment_errors::payment::{DEFAULT_MAX_ATTEMPTS, Decision, Payment};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut renders = Vec::new();
    let mut payments = Vec::new();
    let spec = load(&root.join("error-spec"));
    for d in &spec.domains {
        for e in d.errors() {
            payments.push(payment_entry("spec", d, e, repo_payment(&d.id, &e.code)));
            for (i, tag) in spec.locales.iter().enumerate() {
                let text = repo_message(&d.id, &e.code, i);
                renders.push(render_entry("spec", &spec, d, e, tag, text));
            }
        }
    }
    let adv = load(&root.join("tests/fixtures/adversarial"));
    for d in &adv.domains {
        for e in d.errors() {
            payments.push(payment_entry(
                "adversarial",
                d,
                e,
                adversarial_payment(&d.id, &e.code),
            ));
            for (i, tag) in adv.locales.iter().enumerate() {
                let text = adversarial_message(&d.id, &e.code, i);
                renders.push(render_entry("adversarial", &adv, d, e, tag, text));
            }
        }
    }
    let sounds = values()
        .into_iter()
        .map(|v| {
            let coda = match final_sound(&v) {
                Some(Coda::Vowel) => "V".into(),
                Some(Coda::Rieul) => "R".into(),
                Some(Coda::Consonant) => "C".into(),
                None => Json::Null,
            };
            Json::Array(vec![v.into(), coda])
        })
        .collect();
    let doc = Json::Object(vec![
        ("sounds".into(), Json::Array(sounds)),
        ("renders".into(), Json::Array(renders)),
        ("payments".into(), Json::Array(payments)),
        (
            "defaultMaxAttempts".into(),
            i64::from(DEFAULT_MAX_ATTEMPTS).into(),
        ),
    ]);
    println!("{}", doc.to_string(Layout::Compact));
}

fn load(dir: &Path) -> Catalog {
    codegen::check_dir(dir)
        .expect("readable spec")
        .catalog
        .expect("a valid spec")
}

fn repo_message(domain: &str, code: &str, locale: usize) -> String {
    use payment_errors::{Locale, cancel, ebp, toss};
    let l = Locale::ALL[locale];
    match domain {
        "cancel" => cancel::Error::example(cancel::Code::from_code(code).unwrap()).message(l),
        "ebp" => ebp::Error::example(ebp::Code::from_code(code).unwrap()).message(l),
        "toss" => toss::Error::example(toss::Code::from_code(code).unwrap()).message(l),
        other => panic!("a domain this corpus does not know: {other}"),
    }
}

fn adversarial_message(domain: &str, code: &str, locale: usize) -> String {
    use adversarial::{Locale, digits, weird};
    let l = Locale::ALL[locale];
    match domain {
        "digits" => digits::Error::example(digits::Code::from_code(code).unwrap()).message(l),
        "weird" => weird::Error::example(weird::Code::from_code(code).unwrap()).message(l),
        other => panic!("a fixture domain this corpus does not know: {other}"),
    }
}

fn repo_payment(domain: &str, code: &str) -> Payment {
    use payment_errors::{cancel, ebp, toss};
    match domain {
        "cancel" => cancel::Code::from_code(code).unwrap().payment(),
        "ebp" => ebp::Code::from_code(code).unwrap().payment(),
        "toss" => toss::Code::from_code(code).unwrap().payment(),
        other => panic!("a domain this corpus does not know: {other}"),
    }
}

fn adversarial_payment(domain: &str, code: &str) -> Payment {
    use adversarial::{digits, weird};
    match domain {
        "digits" => digits::Code::from_code(code).unwrap().payment(),
        "weird" => weird::Code::from_code(code).unwrap().payment(),
        other => panic!("a fixture domain this corpus does not know: {other}"),
    }
}

/// What the crate's `Code::payment()` says of a code, and what `decide` makes of it.
fn payment_entry(catalog_name: &str, d: &Domain, e: &ErrorDef, p: Payment) -> Json {
    let opt = |v: Option<u32>| v.map_or(Json::Null, |n| i64::from(n).into());
    let facts = Json::Object(vec![
        ("outcome".into(), p.outcome.as_str().into()),
        ("retry".into(), p.retry.as_str().into()),
        ("retryAfter".into(), opt(p.retry_after)),
        ("maxAttempts".into(), opt(p.max_attempts)),
        (
            "actor".into(),
            p.actor.map_or(Json::Null, |a| a.as_str().into()),
        ),
        ("customerSafe".into(), p.customer_safe.into()),
    ]);
    let decisions = [0, 1, 2, 3, 4, 5, 6, 100, u32::MAX]
        .into_iter()
        .map(|attempt| {
            let (name, seconds) = match p.decide(attempt) {
                Decision::RetryNow => ("retry_now", None),
                Decision::RetryAfter { seconds } => ("retry_after", Some(seconds)),
                Decision::RetryWithNewKey => ("retry_with_new_key", None),
                Decision::CheckStatus => ("check_status", None),
                Decision::GiveUp => ("give_up", None),
                other => panic!("a decision this corpus does not know: {other:?}"),
            };
            Json::Array(vec![i64::from(attempt).into(), name.into(), opt(seconds)])
        })
        .collect();
    Json::Object(vec![
        ("catalog".into(), catalog_name.into()),
        ("domain".into(), d.id.as_str().into()),
        ("code".into(), e.code.as_str().into()),
        ("payment".into(), facts),
        ("decisions".into(), Json::Array(decisions)),
    ])
}

/// The parameters `Error::example(code)` carries (see `emit::serve`), by their exported names.
fn params(catalog: &Catalog, e: &ErrorDef) -> Json {
    let mut out: Vec<(String, Json)> = e
        .fields
        .iter()
        .map(|f| {
            let v = match f.ty {
                FieldType::String => f
                    .example
                    .clone()
                    .unwrap_or_else(|| f.written.clone())
                    .into(),
                FieldType::Integer | FieldType::Amount => {
                    let n = f
                        .example
                        .as_deref()
                        .and_then(|x| x.parse::<i64>().ok())
                        .unwrap_or(1000);
                    Json::Object(vec![("int".into(), n.to_string().into())])
                }
            };
            (f.written.clone(), v)
        })
        .collect();
    if let Some(up) = &e.passthrough {
        let first = catalog.domain(up).and_then(|d| d.errors().next());
        let (code, message) = match first {
            Some(f) => (f.code.clone(), f.message.templates[0].unfilled()),
            None => ("CODE".into(), "message".into()),
        };
        out.push(("upstreamCode".into(), code.into()));
        out.push(("upstreamMessage".into(), message.into()));
    }
    Json::Object(out)
}

fn render_entry(
    catalog_name: &str,
    catalog: &Catalog,
    d: &Domain,
    e: &ErrorDef,
    tag: &str,
    text: String,
) -> Json {
    Json::Object(vec![
        ("catalog".into(), catalog_name.into()),
        ("domain".into(), d.id.as_str().into()),
        ("code".into(), e.code.as_str().into()),
        ("locale".into(), tag.into()),
        ("params".into(), params(catalog, e)),
        ("text".into(), text.into()),
    ])
}

/// The values whose final sound both sides must agree on.
fn values() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    // Hangul: every syllable, every compatibility jamo (alone and after a syllable), conjoining
    // jamo.
    v.extend(('\u{AC00}'..='\u{D7A3}').map(String::from));
    for c in '\u{3131}'..='\u{318E}' {
        v.push(c.to_string());
        v.push(format!("가{c}"));
        v.push(format!("a{c}"));
    }
    v.extend(('\u{1100}'..='\u{11FF}').map(|c| format!("가{c}")));
    // ASCII letters: every string of up to three letters, lowercase, uppercase, capitalized,
    // and after a camelCase/snake_case/digit prefix.
    let letters: Vec<char> = ('a'..='z').collect();
    let mut words: Vec<String> = letters.iter().map(|c| c.to_string()).collect();
    for a in &letters {
        for b in &letters {
            words.push(format!("{a}{b}"));
            for c in &letters {
                words.push(format!("{a}{b}{c}"));
            }
        }
    }
    for w in &words {
        v.push(w.clone());
        v.push(w.to_ascii_uppercase());
        let mut cap = w.clone();
        cap[..1].make_ascii_uppercase();
        if w.len() == 2 {
            v.push(format!("user{cap}"));
            v.push(format!("card_{w}"));
            v.push(format!("10{w}"));
            v.push(format!("{}s", w.to_ascii_uppercase()));
        }
        if w.len() == 3 {
            v.push(cap);
        }
    }
    // English words in identifier shapes.
    for w in [
        "account",
        "amount",
        "bank",
        "code",
        "payment",
        "status",
        "request",
        "response",
        "timeout",
        "processing",
        "transaction",
        "subscription",
        "webhook",
        "kakaotalk",
        "paypal",
        "email",
        "phone",
        "number",
        "reason",
        "type",
        "time",
        "name",
        "file",
        "title",
        "level",
        "store",
        "header",
        "field",
        "method",
        "session",
        "coupon",
        "wallet",
        "limit",
        "good",
        "set",
        "kg",
        "zorbak",
        "framisat",
        "snorfle",
        "quibbler",
        "technique",
        "marseille",
        "unique",
        "desk",
        "back",
        "check",
        "book",
        "make",
        "hub",
        "web",
        "long",
        "string",
        "log",
        "sync",
        "logic",
        "graph",
        "hash",
        "batch",
        "high",
        "done",
        "fail",
        "uuid",
        "pending",
        "image",
        "page",
        "size",
        "live",
        "service",
        "cookie",
        "value",
        "safe",
        "twelve",
    ] {
        let upper = w.to_ascii_uppercase();
        let mut cap = w.to_owned();
        cap[..1].make_ascii_uppercase();
        v.extend([
            w.to_owned(),
            upper.clone(),
            cap.clone(),
            format!("user{cap}"),
            format!("user_{w}"),
            format!("INVALID_{upper}"),
            format!("{w}-id"),
            format!("{w}s"),
            format!("my{cap}ID"),
            format!("{w}2"),
            format!("{w}14"),
            format!("{w}{}", "x".repeat(40)),
            format!("{}{w}", "Q".repeat(40)),
        ]);
    }
    // Numbers.
    for n in (0..=2100).chain([
        9999, 10000, 10001, 100000, 1000000, 10000000, 100000000, 123456789,
    ]) {
        v.push(n.to_string());
    }
    let mut p: u128 = 1;
    for zeros in 0..30 {
        for d in [1u128, 2, 3, 5, 7] {
            v.push((p * d).to_string());
        }
        let _ = zeros;
        p *= 10;
    }
    for n in [1000i64, 1234567, -3, -10, 10000, 3, 20] {
        let mut grouped = String::new();
        let digits = n.unsigned_abs().to_string();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if n < 0 { "-" } else { "" };
        for shape in [
            format!("{sign}{grouped}"),
            format!("{sign}{grouped}원"),
            format!("${grouped}"),
            format!("{grouped}$"),
            format!("₩{grouped}"),
            format!("€{grouped}"),
            format!("{grouped}%"),
            format!("{grouped}°"),
            format!("{grouped}℃"),
            format!("KRW {grouped}"),
        ] {
            v.push(shape);
        }
    }
    for s in [
        "3.5",
        "3.0",
        "2.50",
        ".5",
        "1.2.10",
        "192.168.0.1",
        "v1.10",
        "$3.50",
        "010",
        "010-1234-5670",
        "010-1234-5678",
        "ord_100",
        "ORDER-1234",
        "#10",
        "a-0",
        "2024-01-15",
        "2024. 1. 15.",
        "2024/1/15",
        "2024.01.15",
        "3/4",
        "10:30",
        "1/",
        ":3",
        "MP3",
        "EC2",
        "S24",
        "A14",
        "B15",
        "X5",
        "10g",
        "5m",
        "100ms",
        "10kg",
        "1,0",
        ",1",
        "1,,0",
        "0x10",
        "99999-01-01",
        "2024-13-40",
        "--0",
        "+-+0",
        " - 0",
        "1,000,000,000,000",
    ] {
        v.push(s.to_owned());
    }
    // Endings that are skipped or read from inside: brackets, quotes, punctuation, spaces,
    // invisible characters.
    for base in [
        "결제(카드)",
        "'서울'",
        "\"URL\"",
        "ID.",
        "책…",
        "사과!",
        "물 ",
        "집\u{200B}",
    ] {
        v.push(base.to_owned());
    }
    for end in [
        ")", "]", "}", ">", "\"", "'", "`", ".", ",", "!", "?", ";", ":", "~", "»", "’", "”", "›",
        "‥", "…", "、", "。", "〉", "》", "」", "』", "】", "〕", "〗", "〙", "〛", "〜", "〞",
        "〟", "｠", "｡", "｣", "､", "\u{AD}", "\u{61C}", "\u{180E}", "\u{200B}", "\u{200F}",
        "\u{202A}", "\u{202E}", "\u{2060}", "\u{2064}", "\u{2066}", "\u{2069}", "\u{FEFF}", " ",
        "\t", "\n", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}",
        "\u{202F}", "\u{205F}", "\u{3000}",
    ] {
        for base in ["책", "사과", "서울", "ID", "7", "10"] {
            v.push(format!("{base}{end}"));
        }
    }
    // Fullwidth forms and other scripts.
    for s in [
        "１２３",
        "ＩＤ",
        "ｕｓｅｒ",
        "Ａ",
        "ｚ",
        "０",
        "～",
        "﹏",
        "ﾟ",
        "漢",
        "👍",
        "카드 👍",
        "Привет",
        "こんにちは",
        "שלום",
        "e\u{301}",
        "\u{301}",
        "👨\u{200D}👩\u{200D}👧",
        "🇰🇷",
        "3\u{FE0F}\u{20E3}",
        "\u{10FFFF}",
        "\u{D7A4}",
        "\u{3164}",
        "\u{FFA0}",
        "",
        "   ",
        "!!!",
        "()",
        "-",
        "1234-****",
        "user@example.com",
        "example.com",
    ] {
        v.push(s.to_owned());
    }
    let mut long = String::new();
    let _ = write!(long, "1{}", "0".repeat(40));
    v.push(long);
    v.push("7".repeat(500));
    v.push("userName".repeat(50));
    v
}
