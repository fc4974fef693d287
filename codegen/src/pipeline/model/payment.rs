//! What an error means for the payment (outcome, retry, who acts, what customers may see),
//! money, and the tables that map a provider's codes to ours.

use super::Text;

/// Did anything happen to the payment?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing was applied: safe.
    None,
    /// The payment failed.
    Failed,
    /// It may have been applied: check the status or net-cancel.
    Unknown,
}

/// May the request be retried, and how?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Retry {
    /// It can never succeed.
    Never,
    /// Only once the cause is fixed (by the actor).
    AfterFix,
    /// Only with a new idempotency key or order ID.
    NewKey,
    /// The same request again, with the same key.
    SameKey,
}

/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Actor {
    /// The end customer (another card, the payment window again).
    Customer,
    /// The merchant's integration (fix the request).
    Merchant,
    /// The operator (a contract, a setting).
    Operator,
    /// The provider (wait).
    Provider,
}

/// What the customer may see.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CustomerText {
    /// Only a generic message.
    Generic,
    /// The error's own message.
    Message,
    /// A message of its own.
    Own(Text),
}

/// Where a fact's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The error's own entry (or `retryable`).
    Error,
    /// Its category's `payment` defaults.
    Category,
    /// The domain's `payment` defaults.
    Domain,
    /// The catalog's built-in default (from the status).
    Default,
}

/// What an error means for the payment, defaults applied.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Payment {
    /// The outcome.
    pub outcome: Outcome,
    /// The retry policy.
    pub retry: Retry,
    /// Seconds to wait before a retry.
    pub retry_after: Option<u32>,
    /// Attempts in all, the first included.
    pub max_attempts: Option<u32>,
    /// Who acts; `None`: the spec does not say.
    pub actor: Option<Actor>,
    /// What customers may see.
    pub customer: CustomerText,
    /// Where `outcome` and `retry` came from (for docs: a default is shown as one).
    pub outcome_origin: Origin,
    /// See `outcome_origin`.
    pub retry_origin: Origin,
}

impl Payment {
    /// The built-in default for an error of `status`: nothing applied on a 4xx, unknown on a
    /// 5xx; retry only once fixed; nobody named; a generic customer message.
    pub fn default_for(status: u16) -> Payment {
        Payment {
            outcome: if status >= 500 {
                Outcome::Unknown
            } else {
                Outcome::None
            },
            retry: Retry::AfterFix,
            retry_after: None,
            max_attempts: None,
            actor: None,
            customer: CustomerText::Generic,
            outcome_origin: Origin::Default,
            retry_origin: Origin::Default,
        }
    }

    /// May an automatic retry succeed (`retryable()`)?
    pub fn retryable(&self) -> bool {
        matches!(self.retry, Retry::SameKey | Retry::NewKey)
    }
}

impl Outcome {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::None => "none",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
        }
    }
    /// Every value.
    pub const ALL: &'static [Outcome] = &[Outcome::None, Outcome::Failed, Outcome::Unknown];
    /// Korean and English words for people.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Outcome::None => (
                "처리되지 않음 (결제에 아무 일도 일어나지 않았습니다)",
                "nothing applied (the payment was not touched)",
            ),
            Outcome::Failed => ("결제 실패", "the payment failed"),
            Outcome::Unknown => (
                "결과 모름 (결제 상태를 조회하거나 망취소하세요)",
                "unknown (check the payment's status or net-cancel)",
            ),
        }
    }
}

impl Retry {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::AfterFix => "after_fix",
            Retry::NewKey => "new_key",
            Retry::SameKey => "same_key",
        }
    }
    /// Every value.
    pub const ALL: &'static [Retry] =
        &[Retry::Never, Retry::AfterFix, Retry::NewKey, Retry::SameKey];
    /// Korean and English words for people.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Retry::Never => (
                "재시도 불가 (다시 해도 성공하지 않습니다)",
                "never (it can never succeed)",
            ),
            Retry::AfterFix => ("원인을 고친 뒤에만 다시", "only once the cause is fixed"),
            Retry::NewKey => (
                "새 멱등 키·새 주문번호로 다시",
                "with a new idempotency key or order ID",
            ),
            Retry::SameKey => (
                "같은 요청을 같은 키로 다시",
                "the same request again, same key",
            ),
        }
    }
}

impl Actor {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Customer => "customer",
            Actor::Merchant => "merchant",
            Actor::Operator => "operator",
            Actor::Provider => "provider",
        }
    }
    /// Every value.
    pub const ALL: &'static [Actor] = &[
        Actor::Customer,
        Actor::Merchant,
        Actor::Operator,
        Actor::Provider,
    ];
    /// Korean and English words for people.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Actor::Customer => ("구매자", "the customer"),
            Actor::Merchant => ("가맹점 연동 (요청을 고침)", "the merchant's integration"),
            Actor::Operator => ("운영 담당 (계약·설정)", "the operator (contract, settings)"),
            Actor::Provider => ("연동사 (기다림)", "the provider (wait)"),
        }
    }
}

/// An ISO 4217 currency the catalog knows, with its minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    /// `KRW`
    pub code: &'static str,
    /// Digits after the decimal point (KRW 0, USD 2).
    pub minor_units: u8,
}

/// The currencies an `amount` may be in.
pub const CURRENCIES: &[Currency] = &[
    Currency {
        code: "KRW",
        minor_units: 0,
    },
    Currency {
        code: "USD",
        minor_units: 2,
    },
    Currency {
        code: "JPY",
        minor_units: 0,
    },
    Currency {
        code: "EUR",
        minor_units: 2,
    },
    Currency {
        code: "CNY",
        minor_units: 2,
    },
];

/// The default currency.
pub const KRW: Currency = CURRENCIES[0];

/// A provider's codes mapped to errors of one of our domains (declared in the provider's file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderMap {
    /// Our domain that receives the provider's errors.
    pub into: String,
    /// Our error every other code goes to.
    pub fallback: String,
    /// Only codes of these operations are covered (empty: all).
    pub operations: Vec<String>,
    /// Codes that only fall back are errors.
    pub strict: bool,
    /// The rows, in spec order.
    pub rows: Vec<MapRow>,
}

/// One row: a provider code (in one operation, or in all) → our code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapRow {
    /// The provider's wire code.
    pub code: String,
    /// Only in this operation of the provider.
    pub operation: Option<String>,
    /// Our wire code.
    pub to: String,
}

impl ProviderMap {
    /// The provider's live codes this map must cover, and whether each is mapped.
    pub fn coverage<'a>(&self, provider: &'a super::Domain) -> Vec<(&'a str, bool)> {
        provider
            .errors()
            .filter(|e| {
                self.operations.is_empty()
                    || e.operations.iter().any(|o| self.operations.contains(o))
            })
            .map(|e| {
                let mapped = self.rows.iter().any(|r| r.code == e.code);
                (e.code.as_str(), mapped)
            })
            .collect()
    }
}
