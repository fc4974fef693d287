//! The spec as written: serde types that mirror the TOML, with spans.
//!
//! Every key is optional here, so that a missing key becomes a diagnostic of the validator
//! (which knows what is required where) rather than a serde error. Unknown keys are denied;
//! the loader turns serde's complaint into a diagnostic with a suggestion. The editor schema
//! (`errspec schema`) is derived from these same types.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use toml::Spanned;

mod payment;
mod serve;
pub use payment::{RawMap, RawMapCodes, RawMapTarget, RawPayment};
pub use serve::{RawBody, RawBodyValue, RawDetail, RawEnvelope};

/// A value with its byte span in the file.
pub type S<T> = Spanned<T>;

/// `catalog.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawCatalogFile {
    /// `[catalog]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "카탈로그 전체 설정 (catalog.toml에만 씁니다)\n\nCatalog-wide settings (catalog.toml only)."
        )
    )]
    pub catalog: Option<RawCatalog>,
}

/// `[catalog]`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "카탈로그 전체 설정 (catalog.toml의 [catalog])\n\nCatalog-wide settings ([catalog] in catalog.toml)."
    )
)]
pub struct RawCatalog {
    /// Catalog name.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "카탈로그 이름. 예: \"payment-errors\"\n\nThe catalog's name."
        )
    )]
    pub name: Option<S<String>>,
    /// Locales; the first is the default.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "Vec<String>",
            description = "지원 언어 목록. 첫 번째가 기본 언어입니다. 예: [\"ko\", \"en\"]\n\nLocales; the first is the default: [\"ko\", \"en\"]"
        )
    )]
    pub locales: Option<S<Vec<S<String>>>>,
    /// Link template for docs and RFC 9457 `type`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "문서 링크 형식 (선택). {domain}과 {code}가 채워집니다. 예: https://errors.example.com/{domain}/{code}\n\nLink template for docs (optional); {domain} and {code} are filled in."
        )
    )]
    pub docs_url: Option<S<String>>,
    /// Acknowledges this change's breaking catalog-wide changes (a locale or a domain
    /// removed); read by `errspec diff`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "호환성을 깨는 카탈로그 전체 변경(언어 삭제, 도메인 삭제)을 승인하는 이유. 예: \"2026-11: 일본어 지원 종료 (승인: 김결제)\"\n\nWhy a catalog-wide breaking change (a locale or domain removed) is intended, and who approved it (read by `errspec diff`)."
        )
    )]
    pub breaking_change_ok: Option<S<String>>,
}

/// A domain file (`ebp.toml`) as a whole. The loader reads it section by section (so that one
/// bad entry does not hide the others); this type names the sections and feeds the schema.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RawDomainFile {
    /// `[domain]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "도메인(API 또는 연동사) 설정\n\nThe domain: an API of ours or a provider's."
        )
    )]
    pub domain: Option<RawDomain>,
    /// `[categories.<key>]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "에러 분류 (선택). 키가 분류 코드입니다. 예: [categories.C]\n\nError categories (optional), keyed by category code: [categories.C]"
        )
    )]
    pub categories: Option<BTreeMap<String, RawCategory>>,
    /// `[operations.<key>]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "에러가 발생하는 API 묶음 (선택). 예: [operations.confirm]\n\nAPI groups errors occur in (optional): [operations.confirm]"
        )
    )]
    pub operations: Option<BTreeMap<String, RawOperation>>,
    /// `[errors."<code>"]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "에러 목록. 키가 실제로 주고받는 에러 코드입니다. 예: [errors.\"EBP-C-0004\"]\n\nThe errors, keyed by the wire code: [errors.\"EBP-C-0004\"]"
        )
    )]
    pub errors: Option<BTreeMap<String, RawError>>,
    /// `[envelope]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "에러 응답 본문(JSON)의 모양 (선택)\n\nThe shape of the JSON error response body (optional)."
        )
    )]
    pub envelope: Option<RawEnvelope>,
    /// `[details.<key>]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "에러에 붙이는 항목·헤더 단위 상세 (선택). 키가 상세의 이름입니다 (예: FIELD_BLANK)\n\nField- and header-level details attached to errors (optional); the key names the detail."
        )
    )]
    pub details: Option<BTreeMap<String, RawDetail>>,
    /// `[maps.<our domain>]`
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "연동사 코드를 우리 에러로 바꾸는 표 (연동사 파일에만, 선택). 키가 받는 쪽 도메인입니다. 예: [maps.cancel]\n\nThe provider's codes mapped to our errors (provider files only, optional), keyed by the receiving domain."
        )
    )]
    pub maps: Option<BTreeMap<String, RawMap>>,
}

impl RawDomainFile {
    /// The top-level sections of a domain file.
    pub const SECTIONS: &'static [&'static str] = &[
        "domain",
        "categories",
        "operations",
        "errors",
        "envelope",
        "details",
        "maps",
    ];
}

/// `[domain]`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "도메인 설정 ([domain])\n\nThe domain ([domain]).")
)]
pub struct RawDomain {
    /// Title per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "도메인 이름 (언어별, 필수). 예: title.ko = \"EBP 결제 API\"\n\nThe domain's title per locale (required)."
        )
    )]
    pub title: Option<S<RawText>>,
    /// Description per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "도메인 설명 (언어별, 선택)\n\nThe domain's description per locale (optional)."
        )
    )]
    pub description: Option<S<RawText>>,
    /// The grammar every code must match.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "모든 코드가 따라야 하는 형식 (선택). {category}는 분류 코드, {seq:4}는 4자리 번호. 예: EBP-{category}-{seq:4}\n\nThe grammar every code follows (optional): {category} is a category code, {seq:4} a 4-digit number."
        )
    )]
    pub code_format: Option<S<String>>,
    /// Status for errors that give none.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "HttpStatus",
            description = "status가 없는 에러의 HTTP 상태 (선택, 400~599)\n\nHTTP status of errors that give none (optional, 400-599)."
        )
    )]
    pub default_status: Option<S<i64>>,
    /// Codes received from a provider rather than emitted.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "bool",
            description = "true면 우리가 보내는 코드가 아니라 연동사에서 받는 코드입니다 (선택, 기본 false)\n\ntrue: codes we receive from a provider, not ones we send (optional, default false)."
        )
    )]
    pub upstream: Option<S<bool>>,
    /// What its errors mean for the payment, unless they say otherwise.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawPayment",
            description = "이 도메인 에러들의 결제 의미 기본값 (선택). 예: payment.actor = \"merchant\"\n\nThe default payment meaning of its errors (optional)."
        )
    )]
    pub payment: Option<S<RawPayment>>,
    /// The currency of its `amount` placeholders (ISO 4217), KRW by default.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "금액(amount) 자리표시자의 통화 (선택, 기본 KRW). 예: \"USD\"\n\nThe currency of its amount placeholders (optional, default KRW): \"USD\""
        )
    )]
    pub currency: Option<S<String>>,
    /// Put in front of every derived variant name (for codes that are only digits).
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "Rust 이름 앞에 붙일 말 (선택). 숫자로만 된 코드(0000)를 쓸 때 필요합니다. 예: R\n\nPut in front of every Rust name (optional); needed for codes that are only digits (0000): R"
        )
    )]
    pub variant_prefix: Option<S<String>>,
    /// Acknowledges this change's breaking changes of the domain itself (a code deleted
    /// outright, a category or operation removed); read by `errspec diff`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "이 도메인에서 코드·분류·API 묶음을 지운 변경을 승인하는 이유. 예: \"2026-11: 잘못 추가한 코드 삭제 (승인: 김결제)\"\n\nWhy removing codes, categories or operations of this domain is intended, and who approved it (read by `errspec diff`)."
        )
    )]
    pub breaking_change_ok: Option<S<String>>,
}

/// `[categories.<key>]`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "에러 분류 하나 ([categories.C]). title은 필수입니다\n\nOne error category ([categories.C]); title is required."
    )
)]
pub struct RawCategory {
    /// Title per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "분류 이름 (언어별, 필수)\n\nThe category's title per locale (required)."
        )
    )]
    pub title: Option<S<RawText>>,
    /// Description per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "분류 설명 (언어별, 선택)\n\nThe category's description per locale (optional)."
        )
    )]
    pub description: Option<S<RawText>>,
    /// What its errors mean for the payment, unless they say otherwise.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawPayment",
            description = "이 분류의 에러들의 결제 의미 기본값 (선택). 예: payment.actor = \"merchant\"\n\nThe default payment meaning of its errors (optional)."
        )
    )]
    pub payment: Option<S<RawPayment>>,
}

/// `[operations.<key>]`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "API 묶음 하나 ([operations.confirm]). title은 필수입니다\n\nOne API group ([operations.confirm]); title is required."
    )
)]
pub struct RawOperation {
    /// Title per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "API 묶음 이름 (언어별, 필수)\n\nThe operation's title per locale (required)."
        )
    )]
    pub title: Option<S<RawText>>,
    /// Description per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "API 묶음 설명 (언어별, 선택)\n\nThe operation's description per locale (optional)."
        )
    )]
    pub description: Option<S<RawText>>,
}

/// `[errors."<code>"]`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "에러 하나 ([errors.\"CODE\"]). 키가 실제로 주고받는 코드입니다. message는 필수이고, 분류가 있는 도메인은 category, default_status가 없는 도메인은 status도 필수입니다\n\nOne error ([errors.\"CODE\"]), keyed by its wire code. message is required; so are category when the domain has categories, and status unless the domain has a default_status."
    )
)]
pub struct RawError {
    /// Category key.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "분류 코드. 도메인에 분류가 있으면 필수입니다. 예: C\n\nCategory code; required when the domain has categories: C"
        )
    )]
    pub category: Option<S<String>>,
    /// HTTP status.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "HttpStatus",
            description = "HTTP 상태 코드 (400~599). [domain]에 default_status가 없으면 필수입니다. 예: 400\n\nHTTP status (400-599); required unless [domain] has a default_status."
        )
    )]
    pub status: Option<S<i64>>,
    /// Message per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "사용자에게 보이는 메시지 (언어별, 필수). {이름}은 값이 들어갈 자리이고, 바로 뒤에 조사를 붙일 수 있습니다: 은(는), 이(가), 을(를), 과(와), (으)로, 아(야), (이)나, (이)라, (이)랑, (이)고, (이)며, (이)면, (이)든, (이)다, (이)에요. 값의 마지막 소리로 형태를 고르고, 값 끝의 괄호는 건너뛰어 그 앞 말로 고릅니다. 글자 {와 }는 {{와 }}로 씁니다\n\nThe message users see, per locale (required). {name} is a placeholder, optionally followed by a Korean particle: 은(는), 이(가), 을(를), 과(와), (으)로, 아(야), (이)나, (이)라, (이)랑, (이)고, (이)며, (이)면, (이)든, (이)다, (이)에요. The form is picked from the value's last sound; a bracketed remark at the end of the value is skipped for the word before it. Write literal braces as {{ and }}."
        )
    )]
    pub message: Option<S<RawText>>,
    /// What it means (Markdown).
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "무슨 뜻이고 언제 생기는지 (언어별, 선택, Markdown)\n\nWhat it means and when it happens, per locale (optional, Markdown)."
        )
    )]
    pub explanation: Option<S<RawText>>,
    /// What the caller should do.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "호출한 쪽이 해야 할 일 (언어별, 선택)\n\nWhat the caller should do, per locale (optional)."
        )
    )]
    pub action: Option<S<RawText>>,
    /// Operations the code occurs in.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "Vec<String>",
            description = "이 에러가 나는 API 묶음 (선택). [operations.*]에 선언한 키만 씁니다. 예: [\"confirm\"]\n\nOperations this error occurs in (optional), declared under [operations.*]: [\"confirm\"]"
        )
    )]
    pub operations: Option<S<Vec<S<String>>>>,
    /// Can the same request succeed later?
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "bool",
            description = "같은 요청을 나중에 다시 보내면 성공할 수 있으면 true (선택, 기본 false)\n\ntrue if the same request may succeed later (optional, default false)."
        )
    )]
    pub retryable: Option<S<bool>>,
    /// What the error means for the payment.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawPayment",
            description = "이 에러가 결제에 뜻하는 것 (선택): 결제 결과, 재시도, 누가 조치하는지, 고객에게 보여도 되는지. 예: payment.retry = \"new_key\"\n\nWhat the error means for the payment (optional): outcome, retry, who acts, customer-safe message."
        )
    )]
    pub payment: Option<S<RawPayment>>,
    /// Rust variant name.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "Rust 이름 (선택). 코드에서 이름을 만들 수 없을 때만 씁니다. 예: ValidationFailed\n\nRust name (optional); only where none can be made from the code: ValidationFailed"
        )
    )]
    pub name: Option<S<String>>,
    /// Placeholder declarations.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "BTreeMap<String, RawField>",
            description = "메시지 자리표시자의 형식 (선택). 예: fields.amount = { type = \"amount\" }\n\nTypes of the message's placeholders (optional): fields.amount = { type = \"amount\" }"
        )
    )]
    pub fields: Option<S<RawFields>>,
    /// The exception/error type name the error reports (seed 004's `errorType`).
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "응답의 errorType 값 (선택). 예: MethodArgumentNotValidException\n\nThe response's errorType (optional)."
        )
    )]
    pub error_type: Option<S<String>>,
    /// The upstream domain whose received error this error carries and passes on.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "받은 연동사 에러를 담아 전달하는 에러면 그 연동사 도메인 (선택). 예: \"toss\". 메시지와 error_type에서 {upstreamCode}(받은 코드), {upstreamMessage}(받은 메시지)를 쓸 수 있습니다\n\nThe upstream domain whose received error this error carries and passes on (optional), e.g. \"toss\"; its message and error_type may use {upstreamCode} and {upstreamMessage}."
        )
    )]
    pub passthrough: Option<S<String>>,
    /// Still emitted, but callers should move on. A table, or `deprecated = true`.
    #[serde(default, deserialize_with = "flag_or_table")]
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "FlagOr<RawDeprecated>",
            description = "더 이상 권장하지 않는 코드 (선택). 예: deprecated = true 또는 deprecated = { since = \"2026-11\", replacement = \"NEW_CODE\" }\n\nStill sent, but callers should move on (optional): `true` or a table."
        )
    )]
    pub deprecated: Option<S<RawDeprecated>>,
    /// No longer emitted; kept so the code is never reused. A table, or `retired = true`.
    #[serde(default, deserialize_with = "flag_or_table")]
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "FlagOr<RawRetired>",
            description = "폐기된 코드 (선택). 코드는 지우지 않고 이렇게 표시합니다. 예: retired = true 또는 retired = { since = \"2026-11\" }\n\nNo longer sent (optional): `true` or a table. Codes are never deleted; they are marked like this."
        )
    )]
    pub retired: Option<S<RawRetired>>,
    /// Acknowledges this change's breaking changes of this code (status, category,
    /// placeholders …); read by `errspec diff`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "이 코드를 호환성을 깨게 바꾼 이유와 승인 (선택). 바꿀 때마다 새로 씁니다. 예: \"2026-11: 상태를 400으로 바로잡음 (승인: 김결제)\"\n\nWhy this breaking change of the code (status, category, placeholders …) is intended, and who approved it; written anew for every such change (read by `errspec diff`)."
        )
    )]
    pub breaking_change_ok: Option<S<String>>,
}

/// `fields.<name> = { type = "...", pii = true }`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "자리표시자 하나의 형식. 예: { type = \"amount\", example = 1000 }\n\nOne placeholder's type: { type = \"amount\", example = 1000 }"
    )
)]
pub struct RawField {
    /// `string` (default), `integer` or `amount`.
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawFieldType",
            description = "값의 형식: string(글자, 기본), integer(정수), amount(금액, 원)\n\nThe value's type: string (default), integer, amount (won)."
        )
    )]
    pub ty: Option<S<String>>,
    /// Personal data: redacted in logs.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "bool",
            description = "개인정보면 true: 로그에는 가려서 남깁니다 (선택, 기본 false)\n\nPersonal data: redacted in logs (optional, default false)."
        )
    )]
    pub pii: Option<S<bool>>,
    /// An example value for docs.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawScalarSchema",
            description = "문서에 보여 줄 예시 값 (선택). 예: \"88\" 또는 1000\n\nAn example value for docs (optional): \"88\" or 1000"
        )
    )]
    pub example: Option<S<RawScalar>>,
    /// The currency of an `amount` (ISO 4217); the domain's by default.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "금액(amount)의 통화 (선택, 기본은 [domain]의 currency, 없으면 KRW). 예: \"USD\"\n\nThe amount's currency (optional; the domain's by default, else KRW)."
        )
    )]
    pub currency: Option<S<String>>,
}

/// The field types, for the schema's enum.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(inline)]
#[allow(dead_code)]
enum RawFieldType {
    String,
    Integer,
    Amount,
}

/// `deprecated = { since = "...", replacement = "...", note.ko = "..." }`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "사용 중단 예정 표시\n\nA deprecation.")
)]
pub struct RawDeprecated {
    /// Version or date since when.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "언제부터 (버전 또는 날짜, 선택)\n\nSince when (version or date, optional)."
        )
    )]
    pub since: Option<S<String>>,
    /// The code to use instead.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "대신 쓸 코드 (선택). 이 도메인의 코드여야 합니다\n\nThe code to use instead (optional), of this domain."
        )
    )]
    pub replacement: Option<S<String>>,
    /// Why, per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "이유 (언어별, 선택)\n\nWhy, per locale (optional)."
        )
    )]
    pub note: Option<S<RawText>>,
}

/// `retired = { since = "...", note.ko = "..." }`
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "폐기 표시\n\nA retirement.")
)]
pub struct RawRetired {
    /// Version or date since when.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "언제부터 (버전 또는 날짜, 선택)\n\nSince when (version or date, optional)."
        )
    )]
    pub since: Option<S<String>>,
    /// Why, per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawTextSchema",
            description = "이유 (언어별, 선택)\n\nWhy, per locale (optional)."
        )
    )]
    pub note: Option<S<RawText>>,
}

/// `deprecated`/`retired` as written: a table, or the shorthand `true`.
#[derive(Debug)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(untagged))]
#[cfg_attr(
    feature = "schema",
    schemars(description = "true 또는 표\n\n`true`, or a table.")
)]
pub enum FlagOr<T> {
    /// `true` (a table with no keys) or `false` (as if the key were absent).
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "true: 표를 비워 둔 것과 같습니다. false: 키가 없는 것과 같습니다\n\ntrue: an empty table; false: as if the key were absent."
        )
    )]
    Flag(bool),
    /// The table.
    #[cfg_attr(
        feature = "schema",
        schemars(description = "자세히 쓰는 표\n\nThe table form.")
    )]
    Table(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for FlagOr<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = FlagOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // The loader words "a boolean" for editors as "true or false", which is the
                // advice that fits (`deprecated = true`); the table is the longer form.
                f.write_str("a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<FlagOr<T>, E> {
                Ok(FlagOr::Flag(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FlagOr<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(FlagOr::Table)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// Reads `deprecated`/`retired`: `true` is an empty table, `false` is as if absent.
fn flag_or_table<'de, D, T>(d: D) -> Result<Option<S<T>>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    let v = S::<FlagOr<T>>::deserialize(d)?;
    let span = v.span();
    Ok(match v.into_inner() {
        FlagOr::Flag(false) => None,
        FlagOr::Flag(true) => Some(Spanned::new(span, T::default())),
        FlagOr::Table(t) => Some(Spanned::new(span, t)),
    })
}

/// A text keyed by locale (`message.ko = "..."`), in the order written. A plain string
/// (`message = "..."`) is the default locale's text; its key is then empty.
#[derive(Debug, Default, Clone)]
pub struct RawText(pub Vec<(S<String>, S<String>)>);

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of texts by locale")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                // The span is filled in by `Spanned` around the whole text.
                Ok(RawText(vec![(
                    Spanned::new(0..0, String::new()),
                    Spanned::new(0..0, v.to_owned()),
                )]))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<S<String>, S<String>>()? {
                    out.push((k, v));
                }
                Ok(RawText(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The schema of a text: strings keyed by locale (`message.ko = "..."`), or one string for
/// the default locale (`message = "..."`), as [`RawText`] accepts.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(inline)]
#[allow(dead_code)]
pub enum RawTextSchema {
    /// `message.ko = "..."`
    #[schemars(
        description = "언어별 글: 키가 catalog.toml의 언어입니다. 예: message.ko = \"...\"\n\nText per locale, keyed by the catalog's locales: message.ko = \"...\""
    )]
    ByLocale(BTreeMap<String, String>),
    /// `message = "..."`: the default locale's text.
    #[schemars(
        description = "기본 언어의 글 하나. 예: message = \"...\"\n\nOne text, in the default locale: message = \"...\""
    )]
    Default(String),
}

/// The schema of an HTTP error status.
#[cfg(feature = "schema")]
pub struct HttpStatus;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HttpStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HttpStatus".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "minimum": 400, "maximum": 599 })
    }
}

/// The schema of [`RawScalar`]: a string or an integer.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(inline)]
#[allow(dead_code)]
enum RawScalarSchema {
    Str(String),
    Int(i64),
}

/// `fields.<name>`, in the order written.
#[derive(Debug, Default)]
pub struct RawFields(pub Vec<(S<String>, S<RawField>)>);

impl<'de> Deserialize<'de> for RawFields {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawFields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of fields")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFields, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<S<String>, S<RawField>>()? {
                    out.push((k, v));
                }
                Ok(RawFields(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A string or an integer (`example = "88"`, `example = 1000`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawScalar {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
}

impl<'de> Deserialize<'de> for RawScalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawScalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawScalar, E> {
                Ok(RawScalar::Str(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawScalar, E> {
                Ok(RawScalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawScalar, E> {
                i64::try_from(v)
                    .map(RawScalar::Int)
                    .map_err(|_| E::custom("integer too large"))
            }
        }
        d.deserialize_any(V)
    }
}

/// The key names a serde struct accepts, read from its `Deserialize` impl (so the list can
/// never drift from the struct).
pub fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Recorder<'a>(&'a mut &'static [&'static str]);
    impl<'de> de::Deserializer<'de> for Recorder<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Recorder(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_come_from_the_struct() {
        assert_eq!(
            field_names::<RawCatalog>(),
            ["name", "locales", "docs_url", "breaking_change_ok"]
        );
        assert!(field_names::<RawError>().contains(&"message"));
        assert!(field_names::<RawField>().contains(&"type"));
        assert_eq!(field_names::<RawDomainFile>(), RawDomainFile::SECTIONS);
    }
}
