//! The generated crate against the seed documents it was specified from.
//!
//! The seeds are read and parsed here (tables, `CODE : message` lines, JSON examples), so
//! every expectation comes from the documents, not from the spec or the generator.

use std::collections::{BTreeMap, BTreeSet};

use payment_errors::{Locale, cancel, ebp, toss};

fn seed(name: &str) -> String {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The cells of every Markdown table row (`| a | b |`), separator rows skipped.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|') || l.contains(" | "))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|cells| {
            !cells
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        })
        .collect()
}

/// Every top-level JSON object in the text, with the line index where it starts.
fn json_blocks(text: &str) -> Vec<(usize, serde_json::Value)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "{" {
            let mut depth = 0i32;
            let mut body = String::new();
            for (j, line) in lines.iter().enumerate().skip(i) {
                depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
                body.push_str(line);
                body.push('\n');
                if depth == 0 {
                    let value = serde_json::from_str(&body)
                        .unwrap_or_else(|e| panic!("seed JSON at line {}: {e}\n{body}", i + 1));
                    out.push((i, value));
                    i = j;
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

/// Does `text` match `template` with each `{placeholder}` standing for any text?
fn matches_template(template: &str, text: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .expect("balanced template");
        parts.push(&rest[..open]);
        rest = &rest[close + 1..];
    }
    parts.push(rest);
    let mut text = text;
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = text.strip_prefix(part) else {
                return false;
            };
            text = r;
        } else if i == last {
            return text.ends_with(part);
        } else {
            let Some(at) = text.find(part) else {
                return false;
            };
            text = &text[at + part.len()..];
        }
    }
    text.is_empty()
}

// ---- seed 003: EBP ----------------------------------------------------------------------

#[test]
fn ebp_codes_statuses_and_messages_equal_the_reference_table() {
    let text = seed("003_7c7b4b389db7d923.txt");
    let rows: Vec<(String, u16, String)> = table_rows(&text)
        .into_iter()
        .filter(|r| r.len() == 3 && r[0].starts_with("EBP-"))
        .map(|r| (r[0].clone(), r[1].parse().expect("status"), r[2].clone()))
        .collect();
    assert_eq!(rows.len(), 21, "the seed lists 21 error codes");
    for (code, status, desc) in &rows {
        let c = ebp::Code::from_code(code).unwrap_or_else(|| panic!("{code} missing from ebp"));
        assert_eq!(c.status(), *status, "{code}");
        assert_eq!(c.message(Locale::Ko), desc, "{code}");
        // The type letter is the category.
        assert_eq!(c.category().as_str(), &code[4..5], "{code}");
    }
    // The seed's codes keep the reference's order in the spec. Codes added later (a new
    // error, as the staff guide walks through) may follow; they are not the seed's business.
    let theirs: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let ours: Vec<&str> = ebp::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| theirs.contains(c))
        .collect();
    assert_eq!(ours, theirs);
    // The success row is not an error.
    assert!(ebp::Code::from_code("0").is_none());
}

#[test]
fn ebp_categories_equal_the_error_types() {
    let text = seed("003_7c7b4b389db7d923.txt");
    let types: Vec<Vec<String>> = table_rows(&text)
        .into_iter()
        .filter(|r| r.len() == 3 && r[0].len() == 1 && r[0].chars().all(|c| c.is_ascii_uppercase()))
        .collect();
    assert_eq!(types.len(), 6);
    for t in &types {
        let cat = ebp::Category::ALL
            .iter()
            .find(|c| c.as_str() == t[0])
            .unwrap_or_else(|| panic!("category {}", t[0]));
        assert_eq!(cat.title(Locale::Ko), t[1]);
        assert_eq!(cat.description(Locale::Ko), Some(t[2].as_str()));
        assert!(!cat.title(Locale::En).is_empty());
    }
}

#[test]
fn ebp_explanations_and_wire_messages_come_from_the_examples() {
    let text = seed("003_7c7b4b389db7d923.txt");
    let lines: Vec<&str> = text.lines().collect();
    // "필수 헤더 누락 (EBP-A-0001) #" followed by the explanation.
    let mut explained = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(open) = line.find("(EBP-") else {
            continue;
        };
        let code = &line[open + 1..open + 11];
        let sentence = lines[i + 1].trim();
        let ours = ebp::Code::from_code(code)
            .unwrap()
            .explanation(Locale::Ko)
            .expect("explanation");
        assert!(
            ours.replace('`', "").contains(sentence),
            "{code}: {ours:?} lacks {sentence:?}"
        );
        explained += 1;
    }
    assert_eq!(explained, 2);
    // The example bodies' `message` is the English wire message.
    let blocks = json_blocks(&text);
    assert_eq!(blocks.len(), 3);
    for (_, body) in blocks {
        let code = ebp::Code::from_code(body["resultCode"].as_str().unwrap()).unwrap();
        assert_eq!(code.message(Locale::En), body["message"].as_str().unwrap());
    }
}

// ---- seed 004: the cancel endpoint --------------------------------------------------------

fn cancel_code_for(error_type: &str, message: &str) -> cancel::Code {
    let found: Vec<cancel::Code> = cancel::Code::ALL
        .iter()
        .copied()
        .filter(|c| {
            c.error_type() == Some(error_type) && matches_template(c.message(Locale::Ko), message)
        })
        .collect();
    assert_eq!(found.len(), 1, "{error_type} / {message}: {found:?}");
    found[0]
}

#[test]
fn every_cancel_case_is_its_own_code_with_the_seed_status_and_message() {
    let text = seed("004_29a22c1d5870df4b.txt");
    let mut seen = BTreeSet::new();
    // The 400 table.
    let rows: Vec<Vec<String>> = table_rows(&text)
        .into_iter()
        .filter(|r| r.len() == 3 && (r[1].ends_with("Exception") || r[1].ends_with("Error")))
        .collect();
    assert_eq!(rows.len(), 8);
    for r in &rows {
        let code = cancel_code_for(&r[1], &r[2]);
        assert_eq!(code.status(), 400, "{}", r[0]);
        seen.insert(code);
    }
    // The JSON examples, under headings like "401 Unauthorized — 로그인 필요".
    let lines: Vec<&str> = text.lines().collect();
    let mut with_status = 0;
    for (at, body) in json_blocks(&text) {
        if body["status"] != "error" {
            continue;
        }
        let error_type = body["errorType"].as_str().unwrap();
        let message = body["message"].as_str().unwrap();
        // The code whose errorType and message the example shows. A pass-through code writes
        // both as templates over the upstream error (`{upstreamCode}`).
        let found: Vec<cancel::Code> = cancel::Code::ALL
            .iter()
            .copied()
            .filter(|c| {
                c.error_type_template()
                    .is_some_and(|t| matches_template(t, error_type))
                    && matches_template(c.message(Locale::Ko), message)
            })
            .collect();
        assert_eq!(found.len(), 1, "{error_type} / {message}: {found:?}");
        let code = found[0];
        if code.error_type().is_some() {
            let heading = lines[..at]
                .iter()
                .rev()
                .find_map(|l| {
                    l.split_whitespace()
                        .next()
                        .and_then(|w| w.parse::<u16>().ok())
                        .filter(|s| *s >= 400)
                })
                .expect("a status heading");
            assert_eq!(code.status(), heading, "{error_type}");
            with_status += 1;
        } else {
            // The gateway pass-through: the provider's code as errorType, our prefix on its message.
            assert!(message.starts_with("[결제 취소 요청 에러]"));
            assert_eq!(code.error_type_template(), Some("{upstreamCode}"));
        }
        seen.insert(code);
    }
    assert_eq!(with_status, 4, "400, 401, 403 and 410 examples");
    // Every seed case has its own code (codes added later may exist besides them).
    assert_eq!(
        seen.len(),
        12,
        "the seed's 11 cases and the gateway pass-through"
    );
}

#[test]
fn seed_004_messages_render_with_resolved_particles() {
    let e = cancel::Error::PaymentIdRequired {
        field: "결제 ID".into(),
    };
    assert_eq!(e.to_string(), "결제 ID는 Null 일 수 없습니다.");
    let e = cancel::Error::CancelReasonRequired {
        field: "취소 사유".into(),
    };
    assert_eq!(
        e.to_string(),
        "취소 사유는 Null 이거나 Blank 일 수 없습니다."
    );
    let e = cancel::Error::CancelReasonTooLong {
        field: "취소 사유".into(),
    };
    assert_eq!(e.message(Locale::Ko), "취소 사유는 최대 200자 이하입니다.");
    // The seed's own field name: `id` is read 아이디.
    let e = cancel::Error::PaymentIdRequired { field: "id".into() };
    assert_eq!(e.to_string(), "id는 Null 일 수 없습니다.");
    // A value whose sound cannot be known keeps the undecided form.
    let e = cancel::Error::PaymentIdRequired {
        field: "🙂".into()
    };
    assert_eq!(e.to_string(), "🙂은(는) Null 일 수 없습니다.");
    // Unfilled, the message is as the seed writes it.
    assert_eq!(
        cancel::Code::PaymentIdRequired.message(Locale::Ko),
        "{field}은(는) Null 일 수 없습니다."
    );
}

#[test]
fn the_bank_code_message_renders_with_its_value() {
    let e = cancel::Error::BankCodeNotMapped {
        bank_code: "99".into(),
    };
    assert_eq!(
        e.to_string(),
        "은행코드(99)와 매핑되는 은행명이 존재하지 않습니다."
    );
    assert_eq!(
        e.message(Locale::En),
        "No bank name is mapped to the bank code (99)."
    );
    assert_eq!(e.code(), cancel::Code::BankCodeNotMapped);
    assert_eq!(e.status(), 400);
    assert_eq!(
        cancel::Code::BankCodeNotMapped.message(Locale::Ko),
        "은행코드({bankCode})와 매핑되는 은행명이 존재하지 않습니다."
    );
}

// ---- seed 000: Toss Payments --------------------------------------------------------------

/// A code as the merchant's question lists it: (operation title, code, message).
type Listed = (String, String, String);

/// The codes from the question part, and code → answer from the replies.
fn toss_seed() -> (Vec<Listed>, BTreeMap<String, String>) {
    let text = seed("000_cfd1b5887878dc26.txt");
    let (questions, replies) = text.split_once("Replies").expect("a reply section");
    let is_code = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_uppercase() || c == '_');
    let mut listed = Vec::new();
    let mut group = String::new();
    for line in questions.lines() {
        let line = line.trim();
        if let Some(g) = line.strip_prefix('<').and_then(|l| l.strip_suffix('>')) {
            group = g.to_owned();
        } else if let Some((code, message)) = line.split_once(" : ")
            && is_code(code)
        {
            listed.push((group.clone(), code.to_owned(), message.trim().to_owned()));
        }
    }
    let mut answers: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut in_answer = false;
    for line in replies.lines() {
        let line = line.trim();
        if let Some((code, _)) = line.split_once(" : ").filter(|(c, _)| is_code(c)) {
            current = Some(code.to_owned());
            in_answer = false;
        } else if let Some(a) = line.strip_prefix("=> ") {
            in_answer = true;
            if let Some(c) = &current {
                let entry = answers.entry(c.clone()).or_default();
                entry.push_str(a);
                entry.push('\n');
            }
        } else if line.contains(" | ") || line.starts_with('<') {
            // A link preview or the next group: the answer is over.
            in_answer = false;
        } else if in_answer
            && !line.is_empty()
            && let Some(c) = &current
        {
            answers.entry(c.clone()).or_default().push_str(line);
        }
    }
    (listed, answers)
}

#[test]
fn toss_codes_messages_and_operations_equal_the_questions() {
    let (listed, _) = toss_seed();
    assert_eq!(listed.len(), 14, "13 codes, FAILED_DB_PROCESSING twice");
    let distinct: BTreeSet<&str> = listed.iter().map(|l| l.1.as_str()).collect();
    assert_eq!(distinct.len(), 13);
    assert!(toss::Code::ALL.len() >= 13);
    for (group, code, message) in &listed {
        let c = toss::Code::from_code(code).unwrap_or_else(|| panic!("{code} missing from toss"));
        assert_eq!(c.message(Locale::Ko), message, "{code}");
        assert!(
            c.operations().iter().any(|o| o.title(Locale::Ko) == group),
            "{code} is not in operation {group}"
        );
        assert!((400..=599).contains(&c.status()), "{code}");
        assert!(!c.message(Locale::En).is_empty());
    }
    assert_eq!(toss::Code::FailedDbProcessing.operations().len(), 2);
    assert_eq!(toss::Operation::ALL.len(), 6);
}

#[test]
fn toss_explanations_carry_the_gateways_answers() {
    let (_, answers) = toss_seed();
    assert_eq!(answers.len(), 13);
    for (code, answer) in &answers {
        let c = toss::Code::from_code(code).unwrap();
        let ko = c
            .explanation(Locale::Ko)
            .unwrap_or_else(|| panic!("{code} has no explanation"));
        let en = c.explanation(Locale::En).unwrap();
        assert_ne!(ko, en, "{code}: the English explanation is a translation");
        assert!(
            c.action(Locale::Ko).is_some() && c.action(Locale::En).is_some(),
            "{code}"
        );
        // Every Latin word, URL and number of the answer is in the explanation.
        let lower = ko.to_lowercase();
        for token in answer
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| t.len() >= 3)
        {
            assert!(
                lower.contains(&token.to_lowercase()),
                "{code}: {token:?} of {answer:?} missing in {ko:?}"
            );
        }
        if answer.contains("30분") {
            assert!(ko.contains("30분"), "{code}");
        }
    }
    let session = toss::Code::NotFoundPaymentSession;
    assert!(
        session
            .explanation(Locale::Ko)
            .unwrap()
            .contains("결제창을 호출한 시점부터 30분")
    );
    assert!(
        session
            .explanation(Locale::En)
            .unwrap()
            .contains("30 minutes from the moment the payment window is opened")
    );
}

// ---- the API, over every code --------------------------------------------------------------

#[test]
fn every_code_round_trips_through_its_wire_code() {
    fn check<C>(all: &[C], from: fn(&str) -> Option<C>, as_str: fn(C) -> &'static str)
    where
        C: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + std::str::FromStr,
        <C as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for &c in all {
            assert_eq!(from(as_str(c)), Some(c));
            assert_eq!(as_str(c).parse::<C>().unwrap(), c);
            assert_eq!(c.to_string(), as_str(c));
        }
    }
    check(ebp::Code::ALL, ebp::Code::from_code, ebp::Code::as_str);
    check(toss::Code::ALL, toss::Code::from_code, toss::Code::as_str);
    check(
        cancel::Code::ALL,
        cancel::Code::from_code,
        cancel::Code::as_str,
    );
}

#[test]
fn unknown_codes_are_values_not_panics() {
    assert_eq!(toss::Code::from_code("NOT_A_CODE"), None);
    assert_eq!(
        toss::Code::from_code("not_found_payment"),
        None,
        "wire codes are exact"
    );
    assert_eq!(ebp::Code::from_code(""), None);
    let err = "EBP-C-9999".parse::<ebp::Code>().unwrap_err();
    assert_eq!(err.code(), "EBP-C-9999");
    assert_eq!(err.domain(), "ebp");
    assert_eq!(err.to_string(), "unknown ebp error code `EBP-C-9999`");
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.to_string().contains("EBP-C-9999"));
}

#[test]
fn locales_parse_from_common_tags() {
    for (tag, want) in [
        ("ko", Locale::Ko),
        ("ko-KR", Locale::Ko),
        ("en", Locale::En),
        ("en-US", Locale::En),
    ] {
        assert_eq!(tag.parse::<Locale>().unwrap(), want, "{tag}");
    }
    assert!("fr".parse::<Locale>().is_err());
    assert_eq!(Locale::DEFAULT, Locale::Ko);
    assert_eq!(Locale::default().as_str(), "ko");
    assert_eq!(Locale::ALL, &[Locale::Ko, Locale::En]);
}

#[test]
fn errors_display_in_the_default_locale_and_are_std_errors() {
    let e = ebp::Error::ValidationFailed;
    assert_eq!(e.to_string(), "유효성 검증 실패");
    assert_eq!(e.message(Locale::En), "Validation Failed");
    assert_eq!(e.code(), ebp::Code::ValidationFailed);
    let dyn_err: &dyn std::error::Error = &e;
    assert_eq!(dyn_err.to_string(), "유효성 검증 실패");
    let mut buf = String::new();
    cancel::Error::BankCodeNotMapped {
        bank_code: "88".into(),
    }
    .write_message(Locale::Ko, &mut buf)
    .unwrap();
    assert_eq!(buf, "은행코드(88)와 매핑되는 은행명이 존재하지 않습니다.");
    assert_eq!(
        format!(
            "{:?}",
            cancel::Error::BankCodeNotMapped {
                bank_code: "88".into()
            }
        ),
        "BankCodeNotMapped { bank_code: \"88\" }"
    );
}

#[test]
fn codes_carry_their_data() {
    assert!(ebp::Code::RetryRecommended.retryable());
    assert!(!ebp::Code::SystemFailure.retryable());
    assert_eq!(ebp::Code::ValidationFailed.category(), ebp::Category::C);
    assert_eq!(ebp::Category::C.title(Locale::En), "Validation error");
    assert_eq!(
        cancel::Code::RefundAccountRequired.error_type(),
        Some("IllegalArguemntError")
    );
    assert_eq!(cancel::Code::LoginRequired.status(), 401);
    assert_eq!(cancel::Code::NotReservationOwner.status(), 403);
    assert_eq!(cancel::Code::CancelPeriodExpired.status(), 410);
    assert_eq!(
        toss::Code::NotFoundPaymentSession.operations(),
        &[toss::Operation::PaymentConfirm]
    );
    assert_eq!(toss::DOMAIN, "toss");
    assert_eq!(payment_errors::DOMAINS, &["cancel", "ebp", "toss"]);
}

#[test]
fn codes_serialize_as_their_wire_code() {
    assert_eq!(
        serde_json::to_string(&toss::Code::NotFound).unwrap(),
        "\"NOT_FOUND\""
    );
    assert_eq!(
        serde_json::from_str::<ebp::Code>("\"EBP-C-0004\"").unwrap(),
        ebp::Code::ValidationFailed
    );
    let err = serde_json::from_str::<ebp::Code>("\"EBP-X-0000\"").unwrap_err();
    assert!(err.to_string().contains("EBP-X-0000"), "{err}");
    assert!(serde_json::from_str::<ebp::Code>("42").is_err());
}
