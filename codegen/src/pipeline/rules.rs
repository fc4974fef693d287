//! Every rule the checker enforces, described once: id, slug, severity and title in Korean
//! and English. The guide's rule list (`error-spec/README.md`, section 10, checked by
//! `codegen/tests/guide.rs`), the fixtures check (`codegen/tests/invalid_specs.rs`) and the
//! JSON output of `errspec check` all read this table.
//!
//! The ids are stable: the guide documents each, and editors and CI may match on them. A
//! rule is never renumbered or deleted; a new one takes the next free number.

use crate::diagnostic::Severity;

/// Every rule the checker enforces; [`RULES`] describes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The file is not valid TOML.
    TomlSyntax,
    /// A key the format does not have.
    UnknownKey,
    /// A value of the wrong type (`status = "400"`).
    WrongType,
    /// A required key is missing.
    MissingKey,
    /// An HTTP status outside 400..=599.
    StatusRange,
    /// A category the domain does not declare.
    UnknownCategory,
    /// An operation the domain does not declare.
    UnknownOperation,
    /// A code that does not follow the domain's `code_format`.
    CodeFormat,
    /// A code whose category part disagrees with its `category`.
    CategoryMismatch,
    /// A code from which no Rust name can be made.
    InvalidName,
    /// Two codes that make the same Rust name.
    NameCollision,
    /// Locales of a message use different placeholders.
    PlaceholderMismatch,
    /// A `{` or `}` that does not pair up, or a bad placeholder.
    Braces,
    /// A text missing in a non-default locale (warning).
    MissingTranslation,
    /// A text in a locale the catalog does not list.
    UnknownLocale,
    /// A domain file whose name is not a usable domain id.
    DomainName,
    /// `catalog.toml` missing or wrong.
    Catalog,
    /// The same code twice in a domain.
    DuplicateCode,
    /// A placeholder type that does not exist, or a field that does not fit.
    FieldType,
    /// A particle form the renderer does not know.
    UnknownParticle,
    /// `code_format` itself is broken.
    BadCodeFormat,
    /// A deprecation or retirement that is inconsistent.
    Lifecycle,
    /// A file that cannot be read as UTF-8 text.
    Unreadable,
    /// An empty or whitespace-only text.
    EmptyText,
    /// Something declared and never used (warning).
    Unused,
    /// `docs_url` has an unknown `{variable}`.
    DocsUrl,
    /// An `[envelope]` that cannot be generated (unknown `{value}`, bad locale …).
    Envelope,
    /// A `[details.X]` entry that is wrong (unknown target, bad message …).
    Detail,
    /// A `passthrough` to a domain that is not an upstream one, or a misused `{upstreamCode}`.
    Passthrough,
    /// A `payment.*` value that does not exist or is out of range.
    PaymentValue,
    /// `retry = "same_key"` on a 4xx.
    RetrySameKey4xx,
    /// `outcome = "unknown"` on a 4xx.
    UnknownOutcome4xx,
    /// A customer-safe message that names internals.
    CustomerUnsafe,
    /// Retry facts that contradict each other.
    RetryContradiction,
    /// An unknown currency, or one on a non-amount.
    Currency,
    /// A wrong `[maps.X]` table.
    ProviderMap,
    /// Provider codes that only fall back (warning).
    Unmapped,
    /// Provider codes that only fall back, in a strict map.
    UnmappedStrict,
}

/// What the table says about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// The stable id, `E001` … (`W` for rules that only warn).
    pub id: &'static str,
    /// A short English name for machines (`unknown-key`).
    pub slug: &'static str,
    /// What a problem of this rule stops.
    pub severity: Severity,
    /// What the rule is about, in Korean: the guide's rule list shows it as is.
    pub ko: &'static str,
    /// The same in English.
    pub en: &'static str,
}

/// Every rule, in id order; `RULES[r as usize].rule == r`.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        rule: Rule::TomlSyntax,
        id: "E001",
        slug: "toml-syntax",
        severity: Severity::Error,
        ko: "TOML 문법 오류: 따옴표나 괄호가 닫히지 않음, `=` 빠짐, 같은 키를 두 번 씀",
        en: "TOML syntax error: an unclosed quote or bracket, a missing `=`, a key written twice",
    },
    RuleInfo {
        rule: Rule::UnknownKey,
        id: "E002",
        slug: "unknown-key",
        severity: Severity::Error,
        ko: "없는 키 (오타). 가장 비슷한 키와 쓸 수 있는 키를 알려 줍니다",
        en: "a key the format does not have (a typo); the closest key and the valid ones are listed",
    },
    RuleInfo {
        rule: Rule::WrongType,
        id: "E003",
        slug: "wrong-type",
        severity: Severity::Error,
        ko: "값의 형식이 틀림: `status = \"400\"`(숫자에 따옴표), `retryable = \"true\"`",
        en: "a value of the wrong type: `status = \"400\"` (a number in quotes), `retryable = \"true\"`",
    },
    RuleInfo {
        rule: Rule::MissingKey,
        id: "E004",
        slug: "missing-key",
        severity: Severity::Error,
        ko: "꼭 있어야 하는 키가 없음: `message`, `status`, `category`, `title` …",
        en: "a required key is missing: `message`, `status`, `category`, `title` …",
    },
    RuleInfo {
        rule: Rule::StatusRange,
        id: "E005",
        slug: "status-range",
        severity: Severity::Error,
        ko: "HTTP 상태가 400~599 밖",
        en: "an HTTP status outside 400..=599",
    },
    RuleInfo {
        rule: Rule::UnknownCategory,
        id: "E006",
        slug: "unknown-category",
        severity: Severity::Error,
        ko: "`[categories.*]`에 선언하지 않은 분류",
        en: "a category not declared under `[categories.*]`",
    },
    RuleInfo {
        rule: Rule::UnknownOperation,
        id: "E007",
        slug: "unknown-operation",
        severity: Severity::Error,
        ko: "`[operations.*]`에 선언하지 않은 API 묶음",
        en: "an operation not declared under `[operations.*]`",
    },
    RuleInfo {
        rule: Rule::CodeFormat,
        id: "E008",
        slug: "code-format",
        severity: Severity::Error,
        ko: "코드가 도메인의 `code_format`에 맞지 않음. 다음 빈 코드를 알려 줍니다",
        en: "a code that does not follow the domain's `code_format`; the next free code is suggested",
    },
    RuleInfo {
        rule: Rule::CategoryMismatch,
        id: "E009",
        slug: "category-mismatch",
        severity: Severity::Error,
        ko: "코드에 적힌 분류(`EBP-C-…`의 `C`)와 `category`가 다름",
        en: "the category spelled in the code (the `C` of `EBP-C-…`) differs from `category`",
    },
    RuleInfo {
        rule: Rule::InvalidName,
        id: "E010",
        slug: "invalid-name",
        severity: Severity::Error,
        ko: "코드나 `name`으로 Rust 이름을 만들 수 없음. `name`을 주세요",
        en: "no Rust name can be made from the code or `name`; give a `name`",
    },
    RuleInfo {
        rule: Rule::NameCollision,
        id: "E011",
        slug: "name-collision",
        severity: Severity::Error,
        ko: "두 코드가 같은 Rust 이름이 됨(`NOT_FOUND`, `not-found`). 한쪽에 `name`을 주세요",
        en: "two codes make the same Rust name (`NOT_FOUND`, `not-found`); give one a `name`",
    },
    RuleInfo {
        rule: Rule::PlaceholderMismatch,
        id: "E012",
        slug: "placeholder-mismatch",
        severity: Severity::Error,
        ko: "언어별 메시지의 자리표시자가 다름",
        en: "the messages of different locales use different placeholders",
    },
    RuleInfo {
        rule: Rule::Braces,
        id: "E013",
        slug: "braces",
        severity: Severity::Error,
        ko: "`{`, `}`의 짝이 맞지 않거나 자리표시자 이름이 잘못됨",
        en: "a `{` or `}` that does not pair up, or a bad placeholder name",
    },
    RuleInfo {
        rule: Rule::MissingTranslation,
        id: "W014",
        slug: "missing-translation",
        severity: Severity::Warning,
        ko: "기본 언어가 아닌 번역이 없어 기본 언어 글을 대신 씀 (경고)",
        en: "a text missing in a non-default locale; the default text is used (warning)",
    },
    RuleInfo {
        rule: Rule::UnknownLocale,
        id: "E015",
        slug: "unknown-locale",
        severity: Severity::Error,
        ko: "`catalog.toml`의 `locales`에 없는 언어",
        en: "a locale not listed in `locales` of `catalog.toml`",
    },
    RuleInfo {
        rule: Rule::DomainName,
        id: "E016",
        slug: "domain-name",
        severity: Severity::Error,
        ko: "파일 이름을 도메인 이름으로 쓸 수 없음",
        en: "a file name that cannot be a domain id",
    },
    RuleInfo {
        rule: Rule::Catalog,
        id: "E017",
        slug: "catalog",
        severity: Severity::Error,
        ko: "`catalog.toml`이 없거나 `locales`가 잘못됨",
        en: "`catalog.toml` missing, or its `locales` wrong",
    },
    RuleInfo {
        rule: Rule::DuplicateCode,
        id: "E018",
        slug: "duplicate-code",
        severity: Severity::Error,
        ko: "같은 코드를 한 도메인에서 두 번 정의함",
        en: "the same code defined twice in a domain",
    },
    RuleInfo {
        rule: Rule::FieldType,
        id: "E019",
        slug: "field-type",
        severity: Severity::Error,
        ko: "`fields`의 형식이 없는 것이거나 예시가 형식에 맞지 않음",
        en: "a `fields` type that does not exist, or an example that does not fit its type",
    },
    RuleInfo {
        rule: Rule::UnknownParticle,
        id: "E020",
        slug: "unknown-particle",
        severity: Severity::Error,
        ko: "지원하지 않는 조사 표기 (7절의 표에 있는 것만 씁니다)",
        en: "a particle form the renderer does not know (only those in the table of section 7)",
    },
    RuleInfo {
        rule: Rule::BadCodeFormat,
        id: "E021",
        slug: "bad-code-format",
        severity: Severity::Error,
        ko: "`code_format` 자체가 잘못됨",
        en: "`code_format` itself is broken",
    },
    RuleInfo {
        rule: Rule::Lifecycle,
        id: "E022",
        slug: "lifecycle",
        severity: Severity::Error,
        ko: "`deprecated`와 `retired`를 함께 씀, 대신 쓸 코드가 없거나 폐기됨",
        en: "`deprecated` and `retired` together, or a replacement that is missing or retired",
    },
    RuleInfo {
        rule: Rule::Unreadable,
        id: "E023",
        slug: "unreadable",
        severity: Severity::Error,
        ko: "읽을 수 없는 파일: UTF-8이 아님(편집기에서 UTF-8로 저장하세요), 8 MiB 초과, 폴더, 순환·끊어진 링크, 권한 없음 (8절)",
        en: "a file that cannot be read: not UTF-8 (save it as UTF-8 in the editor), over 8 MiB, a directory, a looping or dangling link, no permission",
    },
    RuleInfo {
        rule: Rule::EmptyText,
        id: "E024",
        slug: "empty-text",
        severity: Severity::Error,
        ko: "비어 있는 글",
        en: "an empty text",
    },
    RuleInfo {
        rule: Rule::Unused,
        id: "W025",
        slug: "unused",
        severity: Severity::Warning,
        ko: "선언했지만 쓰지 않음: 메시지에 없는 `fields` (경고)",
        en: "declared and never used: `fields` not in the message (warning)",
    },
    RuleInfo {
        rule: Rule::DocsUrl,
        id: "E026",
        slug: "docs-url",
        severity: Severity::Error,
        ko: "`docs_url`에 채울 수 없는 `{변수}`",
        en: "a `{variable}` in `docs_url` that cannot be filled",
    },
    RuleInfo {
        rule: Rule::Envelope,
        id: "E027",
        slug: "envelope",
        severity: Severity::Error,
        ko: "`[envelope]`이 잘못됨: 모르는 `{이름}`, 글과 `{이름}`을 섞어 씀, 없는 언어",
        en: "a wrong `[envelope]`: an unknown `{name}`, text mixed with a `{name}`, an unknown locale",
    },
    RuleInfo {
        rule: Rule::Detail,
        id: "E028",
        slug: "detail",
        severity: Severity::Error,
        ko: "`[details.*]`가 잘못됨: 모르는 `target`, 메시지 없음",
        en: "a wrong `[details.*]`: an unknown `target`, no message",
    },
    RuleInfo {
        rule: Rule::Passthrough,
        id: "E029",
        slug: "passthrough",
        severity: Severity::Error,
        ko: "`passthrough`가 `upstream = true`인 다른 도메인이 아님",
        en: "`passthrough` names no other domain with `upstream = true`",
    },
    RuleInfo {
        rule: Rule::PaymentValue,
        id: "E040",
        slug: "payment-value",
        severity: Severity::Error,
        ko: "`payment.*`에 없는 값(`retry = \"sometimes\"`)이나 범위 밖의 숫자",
        en: "a `payment.*` value that does not exist (`retry = \"sometimes\"`) or is out of range",
    },
    RuleInfo {
        rule: Rule::RetrySameKey4xx,
        id: "E041",
        slug: "same-key-on-client-error",
        severity: Severity::Error,
        ko: "4xx인데 같은 요청을 다시 보내라고 함(`same_key`): 같은 이유로 또 실패합니다",
        en: "`same_key` on a 4xx: the same request fails the same way",
    },
    RuleInfo {
        rule: Rule::UnknownOutcome4xx,
        id: "E042",
        slug: "unknown-outcome-on-client-error",
        severity: Severity::Error,
        ko: "4xx인데 결제 결과를 모른다고 함(`unknown`): 4xx는 처리하지 않았다는 답입니다",
        en: "`outcome = \"unknown\"` on a 4xx, which answers that nothing was done",
    },
    RuleInfo {
        rule: Rule::CustomerUnsafe,
        id: "E043",
        slug: "customer-unsafe",
        severity: Severity::Error,
        ko: "구매자에게 보여도 된다는 메시지에 필드 이름(`paymentKey`)이나 개인정보가 있음",
        en: "a message marked safe for customers names internal fields or personal data",
    },
    RuleInfo {
        rule: Rule::RetryContradiction,
        id: "E044",
        slug: "retry-contradiction",
        severity: Severity::Error,
        ko: "재시도 정보가 서로 모순: `retryable`과 `payment.retry`가 다름, 결과를 모르는데 `new_key`(이중 결제), 재시도하지 않는데 간격·횟수",
        en: "retry facts contradict: `retryable` vs `payment.retry`, a new key on an unknown outcome, limits without retries",
    },
    RuleInfo {
        rule: Rule::Currency,
        id: "E045",
        slug: "currency",
        severity: Severity::Error,
        ko: "모르는 통화, 금액이 아닌 자리표시자의 `currency`",
        en: "an unknown currency, or a currency on a field that is not an amount",
    },
    RuleInfo {
        rule: Rule::ProviderMap,
        id: "E046",
        slug: "provider-map",
        severity: Severity::Error,
        ko: "`[maps.*]`가 잘못됨: 없는 도메인·코드·API 묶음, `fallback` 없음, 받은 에러로 만들 수 없는 에러",
        en: "a wrong `[maps.*]`: unknown domain, code or operation, no fallback, a target that cannot be built",
    },
    RuleInfo {
        rule: Rule::Unmapped,
        id: "W047",
        slug: "unmapped-code",
        severity: Severity::Warning,
        ko: "연동사 코드가 `[maps.*]` 표에 없어 fallback으로만 감 (경고, `--strict`면 오류)",
        en: "provider codes that only fall back (a warning; an error with `--strict`)",
    },
    RuleInfo {
        rule: Rule::UnmappedStrict,
        id: "E048",
        slug: "unmapped-code-strict",
        severity: Severity::Error,
        ko: "`strict = true`인 표에 없는 연동사 코드",
        en: "provider codes missing from a map with `strict = true`",
    },
];

const N: usize = RULES.len();

const ALL: [Rule; N] = {
    let mut all = [Rule::TomlSyntax; N];
    let mut i = 0;
    while i < N {
        all[i] = RULES[i].rule;
        i += 1;
    }
    all
};

impl Rule {
    /// Every rule, in id order.
    pub const ALL: &'static [Rule] = &ALL;

    /// The table's row of this rule.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// The stable id, `E001` … (`W` for rules that only warn).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// A short English name for machines (`unknown-key`).
    pub fn slug(self) -> &'static str {
        self.info().slug
    }

    /// The severity a problem of this rule has.
    pub fn severity(self) -> Severity {
        self.info().severity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_variant_and_id_order() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.rule as usize, i, "{}: out of place", r.id);
            // Ids only grow: issues take blocks of numbers (E040–E049 for payment meaning), so
            // a table may skip the numbers of a block still unused.
            let n = r.id[1..].parse::<usize>().unwrap();
            assert!(n > i, "{}", r.id);
            if i > 0 {
                assert!(
                    n > RULES[i - 1].id[1..].parse::<usize>().unwrap(),
                    "{}",
                    r.id
                );
            }
            let prefix = match r.severity {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(
                r.id.starts_with(prefix),
                "{}: E for errors, W for warnings",
                r.id
            );
        }
    }

    #[test]
    fn slugs_and_titles_are_unique_and_written() {
        let mut slugs: Vec<&str> = RULES.iter().map(|r| r.slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), RULES.len());
        for r in RULES {
            assert!(!r.ko.is_empty() && !r.en.is_empty(), "{}", r.id);
            assert!(r.slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }
}
