//! Raw types of what an error means for the payment (`payment.*` on an error, a category or
//! `[domain]`), of money (`currency`), and of the table that maps a provider's codes to ours
//! (`[maps.<domain>]` in the provider's file).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

use super::{RawText, S};

/// `payment = { outcome = "...", retry = "...", ... }`: what an error means for the payment.
/// On an error; on a category or `[domain]` it is the default of their errors.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "이 에러가 결제에 뜻하는 것: 결제 결과, 재시도, 누가 조치하는지, 고객에게 보여도 되는지 (선택). 분류나 [domain]에 쓰면 그 에러들의 기본값입니다. 예: payment.retry = \"new_key\"\n\nWhat the error means for the payment: outcome, retry, who acts, whether customers may see the message (optional). On a category or [domain], the default of its errors."
    )
)]
pub struct RawPayment {
    /// `none` | `failed` | `unknown`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawOutcome",
            description = "결제 결과: none(아무것도 처리되지 않음), failed(결제가 실패로 끝남), unknown(처리되었는지 모름: 결제 상태를 조회하거나 망취소). 기본: 4xx는 none, 5xx는 unknown\n\nThe payment's outcome: none (nothing was applied), failed (the payment failed), unknown (check the status or net-cancel). Default: none for 4xx, unknown for 5xx."
        )
    )]
    pub outcome: Option<S<String>>,
    /// `never` | `after_fix` | `new_key` | `same_key`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawRetry",
            description = "재시도: never(다시 해도 성공하지 않음), after_fix(원인을 고친 뒤에만, 누가 고치는지는 actor), new_key(새 멱등 키·새 주문번호로), same_key(같은 요청을 같은 키로 다시). 기본 after_fix\n\nRetry: never (can never succeed), after_fix (only once the cause is fixed; actor says by whom), new_key (with a new idempotency key or order ID), same_key (the same request again). Default after_fix."
        )
    )]
    pub retry: Option<S<String>>,
    /// Seconds to wait before retrying.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "u32",
            description = "다시 보내기 전에 기다릴 초 (선택, 1~31536000). retry가 same_key나 new_key일 때만 씁니다. 예: 60\n\nSeconds to wait before retrying (optional); only with retry = same_key or new_key."
        )
    )]
    pub retry_after: Option<S<i64>>,
    /// Attempts in all, the first included.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "u32",
            description = "처음 요청을 포함한 최대 시도 횟수 (선택, 1~100). retry가 same_key나 new_key일 때만 씁니다. 없으면 3\n\nAttempts in all, the first included (optional, 1-100); only with retry = same_key or new_key. Default 3."
        )
    )]
    pub max_attempts: Option<S<i64>>,
    /// `customer` | `merchant` | `operator` | `provider`.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "RawActor",
            description = "누가 조치하는지: customer(구매자: 다른 카드, 결제창 다시 열기), merchant(가맹점 연동: 요청을 고침), operator(운영: 계약·설정), provider(연동사: 기다림). 모르면 쓰지 않습니다\n\nWho must act: customer, merchant (the integration), operator (contract, settings), provider (wait). Leave it out when unknown."
        )
    )]
    pub actor: Option<S<String>>,
    /// The message may be shown to end customers as is.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "bool",
            description = "true면 메시지를 구매자에게 그대로 보여도 됩니다 (선택, 기본 false: 일반 안내문을 보여 줍니다)\n\ntrue: the message may be shown to end customers as is (optional; default false: show a generic one)."
        )
    )]
    pub customer_safe: Option<S<bool>>,
    /// A separate message for end customers, per locale.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "super::RawTextSchema",
            description = "구매자에게 보여 줄 별도 메시지 (언어별, 선택). 예: customer_message.ko = \"결제 시간이 지났습니다. 처음부터 다시 결제해 주세요.\"\n\nA separate message for end customers, per locale (optional)."
        )
    )]
    pub customer_message: Option<S<RawText>>,
}

#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
#[allow(dead_code)]
enum RawOutcome {
    None,
    Failed,
    Unknown,
}

#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
#[allow(dead_code)]
enum RawRetry {
    Never,
    AfterFix,
    NewKey,
    SameKey,
}

#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
#[allow(dead_code)]
enum RawActor {
    Customer,
    Merchant,
    Operator,
    Provider,
}

/// `[maps.<our domain>]` in a provider's file: its codes mapped to errors of one of ours.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "연동사 코드를 우리 도메인(키)의 에러로 바꾸는 표. fallback은 필수입니다. 예: [maps.cancel]\n\nThe provider's codes mapped to errors of our domain (the key); fallback is required."
    )
)]
pub struct RawMap {
    /// Our error for every code the table does not name, and for codes the spec does not know.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "String",
            description = "표에 없는 코드와 스펙에 없는 코드(실행 중에 처음 받은 코드)가 갈 우리 에러 (필수). 예: \"GATEWAY_CANCEL_FAILED\"\n\nOur error for every code not in the table, and for codes the spec does not know (required)."
        )
    )]
    pub fallback: Option<S<String>>,
    /// Only codes of these operations must be mapped (coverage).
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "Vec<String>",
            description = "이 API 묶음의 코드만 대상으로 합니다 (선택, 빼면 모든 코드). 예: [\"payment_cancel\"]\n\nOnly codes of these operations are covered (optional; all codes without it)."
        )
    )]
    pub operations: Option<S<Vec<S<String>>>>,
    /// Codes that only fall back are errors, not just counted.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "bool",
            description = "true면 표에 없어 fallback으로만 가는 코드가 오류입니다 (선택, 기본 false: errspec check --strict일 때만 오류)\n\ntrue: a code that only falls back is an error (optional; default false: only with errspec check --strict)."
        )
    )]
    pub strict: Option<S<bool>>,
    /// Provider code → our code, or per operation.
    #[cfg_attr(
        feature = "schema",
        schemars(
            with = "std::collections::BTreeMap<String, serde_json::Value>",
            description = "연동사 코드 = 우리 코드. API 묶음마다 다르면 표로 씁니다. 예: NOT_CANCELABLE_PAYMENT = \"ALREADY_CANCELED\" 또는 FAILED_DB_PROCESSING = { billing_approval = \"X\", card_number_payment = \"Y\" }\n\nProvider code = our code, or a table per operation."
        )
    )]
    pub codes: Option<S<RawMapCodes>>,
}

/// The rows of a map, in the order written.
#[derive(Debug, Default)]
pub struct RawMapCodes(pub Vec<(S<String>, S<RawMapTarget>)>);

/// Where a provider code goes: one of our codes, or one per operation.
#[derive(Debug)]
pub enum RawMapTarget {
    /// `CODE = "OURS"`
    To(String),
    /// `CODE = { operation = "OURS", ... }`
    PerOperation(Vec<(S<String>, S<String>)>),
}

impl<'de> Deserialize<'de> for RawMapCodes {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawMapCodes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of codes")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMapCodes, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<S<String>, S<RawMapTarget>>()? {
                    out.push((k, v));
                }
                Ok(RawMapCodes(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for RawMapTarget {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawMapTarget;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a table of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawMapTarget, E> {
                Ok(RawMapTarget::To(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMapTarget, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<S<String>, S<String>>()? {
                    out.push((k, v));
                }
                Ok(RawMapTarget::PerOperation(out))
            }
        }
        d.deserialize_any(V)
    }
}
