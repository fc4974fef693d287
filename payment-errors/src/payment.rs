//! What an error means for the payment, and what a client loop should do next.
//!
//! Every `Code` has a `payment()` (a `const fn`): the [`Payment`] the spec declares for it —
//! did anything happen ([`Outcome`]), may the request be retried and how ([`Retry`], with a
//! delay and a number of attempts where the spec knows them), who must act ([`Actor`]) and
//! whether the message may be shown to end customers. [`Payment::decide`] turns that and the
//! attempt number into one [`Decision`]:
//!
//! ```
//! use payment_errors::payment::Decision;
//! use payment_errors::{ebp, toss};
//!
//! // Seed 003: EBP-C-0011 is "재시도 권고 오류" (retry recommended).
//! let p = ebp::Code::RetryRecommended.payment();
//! assert!(matches!(p.decide(1), Decision::RetryNow | Decision::RetryAfter { .. } | Decision::CheckStatus));
//!
//! // Seed 000: DUPLICATED_ORDER_ID asks for another order ID.
//! assert_eq!(toss::Code::DuplicatedOrderId.payment().decide(1), Decision::RetryWithNewKey);
//! ```
//!
//! Every enum here is `#[non_exhaustive]`: new outcomes, policies or decisions can be added
//! without breaking a `match` (give it a `_` arm that gives up).

use core::fmt;

/// Did anything happen to the payment?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Outcome {
    /// Nothing was applied: safe.
    None,
    /// The payment failed.
    Failed,
    /// It may have been applied (a 5xx, a timeout): check the payment's status, or
    /// net-cancel (망취소) within the provider's window.
    Unknown,
}

/// May the request be retried, and how?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Retry {
    /// It can never succeed: do not retry.
    Never,
    /// Only once the cause is fixed (by the [`Actor`]): not automatically.
    AfterFix,
    /// Only with a new idempotency key or order ID.
    NewKey,
    /// The same request again, with the same idempotency key.
    SameKey,
}

/// Who must act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
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

/// What a client loop should do after an attempt failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Decision {
    /// Send the same request again now, with the same idempotency key.
    RetryNow,
    /// Send the same request again after this many seconds, with the same key.
    RetryAfter {
        /// Seconds to wait.
        seconds: u32,
    },
    /// Send it again with a new idempotency key or order ID.
    RetryWithNewKey,
    /// The payment may have gone through: check its status, or net-cancel it.
    CheckStatus,
    /// Stop: retrying cannot help until someone acts.
    GiveUp,
}

/// Attempts in all when the spec gives no `max_attempts`.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// What an error means for the payment (`Code::payment()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Payment {
    /// Did anything happen?
    pub outcome: Outcome,
    /// May it be retried, and how?
    pub retry: Retry,
    /// Seconds to wait before a retry (`Retry-After`), if the spec knows.
    pub retry_after: Option<u32>,
    /// Attempts in all, the first included, if the spec knows.
    pub max_attempts: Option<u32>,
    /// Who must act; `None` when the spec does not say.
    pub actor: Option<Actor>,
    /// May the error's message be shown to end customers as is?
    pub customer_safe: bool,
}

impl Payment {
    /// May an automatic retry succeed (same or new key)?
    pub const fn retryable(&self) -> bool {
        matches!(self.retry, Retry::SameKey | Retry::NewKey)
    }

    /// Attempts in all, [`DEFAULT_MAX_ATTEMPTS`] when the spec gives none.
    pub const fn attempts(&self) -> u32 {
        match self.max_attempts {
            Some(n) => n,
            None => DEFAULT_MAX_ATTEMPTS,
        }
    }

    /// What to do after attempt number `attempt` (1 for the first) failed with this error.
    ///
    /// - A retry with the same key is safe even when the outcome is unknown (the key keeps the
    ///   provider from charging twice): retry now or after `retry_after`, up to `max_attempts`.
    /// - A new key is used only when nothing may have been charged.
    /// - Otherwise, or once the attempts are used up: check the status when the outcome is
    ///   unknown, else give up.
    pub const fn decide(&self, attempt: u32) -> Decision {
        let left = attempt < self.attempts();
        let unknown = matches!(self.outcome, Outcome::Unknown);
        match self.retry {
            Retry::SameKey if left => match self.retry_after {
                Some(seconds) => Decision::RetryAfter { seconds },
                None => Decision::RetryNow,
            },
            Retry::NewKey if left && !unknown => Decision::RetryWithNewKey,
            _ if unknown => Decision::CheckStatus,
            _ => Decision::GiveUp,
        }
    }
}

impl Outcome {
    /// The spec's spelling (`none`, `failed`, `unknown`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::None => "none",
            Outcome::Failed => "failed",
            Outcome::Unknown => "unknown",
        }
    }
}

impl Retry {
    /// The spec's spelling (`never`, `after_fix`, `new_key`, `same_key`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::AfterFix => "after_fix",
            Retry::NewKey => "new_key",
            Retry::SameKey => "same_key",
        }
    }
}

impl Actor {
    /// The spec's spelling (`customer`, `merchant`, `operator`, `provider`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Actor::Customer => "customer",
            Actor::Merchant => "merchant",
            Actor::Operator => "operator",
            Actor::Provider => "provider",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[doc(hidden)]
impl Payment {
    /// For the generated code only.
    pub const fn __new(
        outcome: Outcome,
        retry: Retry,
        retry_after: Option<u32>,
        max_attempts: Option<u32>,
        actor: Option<Actor>,
        customer_safe: bool,
    ) -> Payment {
        Payment {
            outcome,
            retry,
            retry_after,
            max_attempts,
            actor,
            customer_safe,
        }
    }
}

/// A provider's error mapped to one of ours: our error, and what the provider's code means for
/// the payment (the fallback's meaning when the code is one the spec does not know).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapped<E> {
    /// Our error (it keeps the provider's code and message when it carries them).
    pub error: E,
    /// What the received code means for the payment.
    pub payment: Payment,
    /// Did the code go through the map's fallback (not listed, or unknown to the spec)?
    pub fell_back: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn p(outcome: Outcome, retry: Retry, after: Option<u32>, max: Option<u32>) -> Payment {
        Payment::__new(outcome, retry, after, max, None, false)
    }

    #[test]
    fn same_key_retries_until_the_attempts_run_out() {
        let x = p(Outcome::Unknown, Retry::SameKey, Some(5), Some(2));
        assert_eq!(x.decide(1), Decision::RetryAfter { seconds: 5 });
        assert_eq!(x.decide(2), Decision::CheckStatus);
        let y = p(Outcome::None, Retry::SameKey, None, None);
        assert_eq!(y.decide(1), Decision::RetryNow);
        assert_eq!(y.decide(2), Decision::RetryNow);
        assert_eq!(y.decide(3), Decision::GiveUp);
    }

    #[test]
    fn a_new_key_never_follows_an_unknown_outcome() {
        assert_eq!(
            p(Outcome::None, Retry::NewKey, None, None).decide(1),
            Decision::RetryWithNewKey
        );
        assert_eq!(
            p(Outcome::Unknown, Retry::NewKey, None, None).decide(1),
            Decision::CheckStatus
        );
    }

    #[test]
    fn no_retry_gives_up_or_checks() {
        assert_eq!(
            p(Outcome::Failed, Retry::AfterFix, None, None).decide(1),
            Decision::GiveUp
        );
        assert_eq!(
            p(Outcome::None, Retry::Never, None, None).decide(1),
            Decision::GiveUp
        );
        assert_eq!(
            p(Outcome::Unknown, Retry::AfterFix, None, None).decide(1),
            Decision::CheckStatus
        );
    }
}
