//! Generated items of what errors mean for the payment: `Code::payment()` (a `const fn`),
//! `Error::payment()` and `Error::customer_message()`, amounts in their currency, and, in a
//! provider's module, one function per `[maps.<domain>]` from a received error to ours.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::{Splices, ident_src};
use super::rust::{ident, lit};
use super::syntax::{Arm, Expr, Pat};
use crate::model::{
    Actor, Catalog, Currency, CustomerText, Domain, ErrorDef, Origin, Outcome, Payment,
    ProviderMap, Retry,
};

/// The `prefix` and `suffix` an amount in `c` is written with, in Korean or not:
/// `150,000원`, `KRW 150,000`, `$1,500.00`, `1,500엔`.
pub fn money_affixes(c: Currency, korean: bool) -> (&'static str, &'static str) {
    match (c.code, korean) {
        ("USD", _) => ("$", ""),
        ("EUR", _) => ("€", ""),
        ("KRW", true) => ("", "원"),
        ("JPY", true) => ("", "엔"),
        ("CNY", true) => ("", "위안"),
        ("KRW", false) => ("KRW ", ""),
        ("JPY", false) => ("JPY ", ""),
        ("CNY", false) => ("CNY ", ""),
        _ => ("", ""),
    }
}

/// Writes `n` minor units of `c` as the runtime does (for docs examples).
pub fn format_amount(n: i64, c: Currency, korean: bool) -> String {
    let (prefix, suffix) = money_affixes(c, korean);
    let scale = 10u64.pow(u32::from(c.minor_units));
    let v = n.unsigned_abs();
    let mut major = String::new();
    for (i, ch) in (v / scale).to_string().chars().enumerate() {
        let len = (v / scale).to_string().len();
        if i > 0 && (len - i).is_multiple_of(3) {
            major.push(',');
        }
        major.push(ch);
    }
    let frac = if c.minor_units > 0 {
        format!(".{:0width$}", v % scale, width = usize::from(c.minor_units))
    } else {
        String::new()
    };
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{prefix}{major}{frac}{suffix}")
}

/// The `rt::AmountStyle` of an amount in `c`. Won keeps the two styles it always had.
pub fn amount_style(c: Currency, korean: bool) -> Expr {
    if c.code == "KRW" {
        return Expr::path(if korean {
            "rt::AmountStyle::Korean"
        } else {
            "rt::AmountStyle::Code"
        });
    }
    let (prefix, suffix) = money_affixes(c, korean);
    Expr::Struct(
        "rt::AmountStyle::Money".into(),
        vec![
            ("prefix".into(), Expr::str(prefix)),
            ("suffix".into(), Expr::str(suffix)),
            ("minor_units".into(), Expr::Lit(c.minor_units.to_string())),
        ],
    )
}

fn payment_expr(e: &ErrorDef) -> Expr {
    let p = &e.payment;
    let outcome = match p.outcome {
        Outcome::None => "None",
        Outcome::Failed => "Failed",
        Outcome::Unknown => "Unknown",
    };
    let retry = match p.retry {
        Retry::Never => "Never",
        Retry::AfterFix => "AfterFix",
        Retry::NewKey => "NewKey",
        Retry::SameKey => "SameKey",
    };
    let opt = |v: Option<u32>| match v {
        Some(n) => Expr::some(Expr::Lit(n.to_string())),
        None => Expr::path("None"),
    };
    let actor = match p.actor {
        Some(a) => Expr::some(Expr::path(format!(
            "rt::Actor::{}",
            match a {
                Actor::Customer => "Customer",
                Actor::Merchant => "Merchant",
                Actor::Operator => "Operator",
                Actor::Provider => "Provider",
            }
        ))),
        None => Expr::path("None"),
    };
    let safe = !matches!(p.customer, CustomerText::Generic);
    Expr::call(
        "rt::Payment::__new",
        vec![
            Expr::path(format!("rt::Outcome::{outcome}")),
            Expr::path(format!("rt::Retry::{retry}")),
            opt(p.retry_after),
            opt(p.max_attempts),
            actor,
            Expr::Lit(safe.to_string()),
        ],
    )
}

/// `impl Code { payment }` and `impl Error { payment, customer_message }` of a domain.
pub fn domain_tokens(
    catalog: &Catalog,
    errors: &[&ErrorDef],
    rt: &TokenStream,
    splices: &mut Splices<'_>,
) -> TokenStream {
    let code = |e: &ErrorDef| Pat::Path(format!("Code::{}", ident_src(&e.ident)));
    let payments = errors
        .iter()
        .map(|e| Ok(Arm::new(code(e), payment_expr(e))));
    let payments = splices.arm_list(payments.collect());
    let customer_arms = errors.iter().filter_map(|e| {
        let body = match &e.payment.customer {
            CustomerText::Generic => return None,
            CustomerText::Message => Expr::MethodCall(
                Box::new(Expr::path("self")),
                "message".into(),
                vec![Expr::path("locale")],
            ),
            CustomerText::Own(t) => {
                let arms = catalog.locales.iter().enumerate().map(|(i, l)| {
                    let loc = format!("Locale::{}", crate::ident::locale_variant(l));
                    Arm::new(Pat::Path(loc), Expr::str(t.get(i)))
                });
                let text = Expr::Match("locale".into(), arms.collect());
                Expr::call("::std::string::String::from", vec![text])
            }
        };
        Some(Ok(Arm::new(code(e), Expr::some(body))))
    });
    let customer_arms: Vec<_> = customer_arms.collect();
    let wildcard = (customer_arms.len() < errors.len()).then(|| quote!(_ => None,));
    let customer_body = if customer_arms.is_empty() {
        quote!({
            let _ = locale;
            None
        })
    } else {
        let arms = splices.arm_list(customer_arms);
        quote!(match self.code() { #arms #wildcard })
    };
    quote! {
        impl Code {
            /// What this error means for the payment: its outcome, whether and how to retry,
            /// who must act; `payment().decide(attempt)` says what a client loop does next.
            pub const fn payment(self) -> #rt::Payment {
                match self {
                    #payments
                }
            }
        }

        impl Error {
            /// What this error means for the payment (see [`Code::payment`]).
            pub const fn payment(&self) -> #rt::Payment {
                self.code().payment()
            }

            /// The message an end customer may see: the error's own message where the spec
            /// says it is safe, a separate customer message where it gives one, else `None`
            /// (show a generic message).
            #[allow(unreachable_patterns)]
            pub fn customer_message(&self, locale: Locale) -> Option<::std::string::String> {
                #customer_body
            }
        }
    }
}

/// In a provider's module: `Received::into_<domain>` per `[maps.<domain>]`.
pub fn provider_tokens(d: &Domain, catalog: &Catalog, rt: &TokenStream) -> TokenStream {
    let fns = d.maps.iter().map(|m| match catalog.domain(&m.into) {
        Some(target) => map_fn_tokens(d, m, target, rt),
        None => TokenStream::new(),
    });
    let fns: Vec<_> = fns.collect();
    if fns.is_empty() {
        return TokenStream::new();
    }
    quote! {
        impl Received {
            #(#fns)*
        }
    }
}

/// `Received::into_<domain>` for one `[maps.<domain>]` of provider `d` into `target`.
fn map_fn_tokens(d: &Domain, m: &ProviderMap, target: &Domain, rt: &TokenStream) -> TokenStream {
    let into = ident(&m.into);
    let fn_name = ident(&format!("into_{}", m.into));
    let build = |code: &str| -> TokenStream {
        let Some(e) = target.error(code) else {
            return quote!(unreachable!());
        };
        let v = ident(&e.ident);
        if e.passthrough.is_some() {
            quote!(super::#into::Error::#v { upstream: self.clone() })
        } else {
            quote!(super::#into::Error::#v)
        }
    };
    let has_ops = !d.operations.is_empty();
    // Rows for one operation first, then rows for all.
    let mut rows: Vec<&crate::model::MapRow> =
        m.rows.iter().filter(|r| r.operation.is_some()).collect();
    rows.extend(m.rows.iter().filter(|r| r.operation.is_none()));
    let arms = rows.iter().filter_map(|r| {
        let e = d.error(&r.code)?;
        let v = ident(&e.ident);
        let to = build(&r.to);
        let op = match (&r.operation, has_ops) {
            (Some(o), true) => {
                let g = d.operation(o)?;
                let ov = ident(&g.ident);
                quote!(Some(Operation::#ov))
            }
            _ => quote!(_),
        };
        Some(if has_ops {
            quote!((Some(Code::#v), #op) => (#to, false))
        } else {
            quote!(Some(Code::#v) => (#to, false))
        })
    });
    let arms: Vec<_> = arms.collect();
    let fallback = build(&m.fallback);
    let fb_variant = target.error(&m.fallback).map(|e| ident(&e.ident));
    let doc = lit(&format!(
        " This received error as an error of `{}` (`[maps.{}]` in the spec): the row for its code{}, or the fallback `{}` for any other code — also one the spec does not know, kept verbatim. The payment meaning is the received code's own when the catalog knows the code, else the fallback's.",
        m.into,
        m.into,
        if has_ops { " (and operation)" } else { "" },
        m.fallback
    ));
    let (param, scrutinee, wild) = if has_ops {
        (
            quote!(, operation: Option<Operation>),
            quote!((self.known(), operation)),
            quote!(_),
        )
    } else {
        (quote!(), quote!(self.known()), quote!(_))
    };
    quote! {
        #[doc = #doc]
        #[allow(deprecated, unreachable_patterns)]
        pub fn #fn_name(&self #param) -> #rt::Mapped<super::#into::Error> {
            let (error, fell_back) = match #scrutinee {
                #(#arms,)*
                #wild => (#fallback, true),
            };
            let payment = match self.known() {
                Some(code) => code.payment(),
                None => super::#into::Code::#fb_variant.payment(),
            };
            #rt::Mapped { error, payment, fell_back }
        }
    }
}

/// A payment fact for people: its label and value, in Korean or English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// `outcome`, `retry`, `actor`, `customer`, `decision`: also the docs' filter keys.
    pub key: &'static str,
    /// The label (`결제 결과`).
    pub label: &'static str,
    /// The value (`처리되지 않음 …`).
    pub value: String,
}

/// Attempts in all when the spec gives no `max_attempts` (the runtime's
/// `payment::DEFAULT_MAX_ATTEMPTS`).
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// Every decision [`decide`] returns, in the order of the runtime's `Decision` variants:
/// `RetryNow`, `RetryAfter`, `RetryWithNewKey`, `CheckStatus`, `GiveUp`.
pub const DECISIONS: [&str; 5] = [
    "retry_now",
    "retry_after",
    "retry_with_new_key",
    "check_status",
    "give_up",
];

/// The decision the generated `Payment::decide` makes after attempt `attempt` (the same rules).
pub fn decide(p: &Payment, attempt: u32) -> &'static str {
    let left = attempt < p.max_attempts.unwrap_or(DEFAULT_MAX_ATTEMPTS);
    let unknown = p.outcome == Outcome::Unknown;
    match p.retry {
        Retry::SameKey if left => {
            if p.retry_after.is_some() {
                "retry_after"
            } else {
                "retry_now"
            }
        }
        Retry::NewKey if left && !unknown => "retry_with_new_key",
        _ if unknown => "check_status",
        _ => "give_up",
    }
}

/// Words for a decision.
pub fn decision_words(d: &str, korean: bool) -> &'static str {
    match (d, korean) {
        ("retry_now", true) => "바로 같은 키로 다시 보냄",
        ("retry_now", false) => "retry now, same key",
        ("retry_after", true) => "기다린 뒤 같은 키로 다시 보냄",
        ("retry_after", false) => "retry after the delay, same key",
        ("retry_with_new_key", true) => "새 키(새 주문번호)로 다시 보냄",
        ("retry_with_new_key", false) => "retry with a new key (order ID)",
        ("check_status", true) => "결제 상태 조회 또는 망취소",
        ("check_status", false) => "check the payment's status, or net-cancel",
        (_, true) => "중단 (조치가 필요함)",
        (_, false) => "give up (someone must act)",
    }
}

/// What `e` means for the payment, as labelled facts: outcome, retry, who acts, what the
/// customer may see, and what a client does after the first failure. Defaults say so.
pub fn facts(e: &ErrorDef, korean: bool) -> Vec<Fact> {
    let p = &e.payment;
    let t = |ko: &'static str, en: &'static str| if korean { ko } else { en };
    let pick = |w: (&'static str, &'static str)| if korean { w.0 } else { w.1 };
    let default_mark = |o: Origin| {
        if o == Origin::Default {
            t(" (기본값)", " (default)")
        } else {
            ""
        }
    };
    let mut retry = format!("{}{}", pick(p.retry.words()), default_mark(p.retry_origin));
    if let Some(s) = p.retry_after {
        retry.push_str(&format!(
            "; {} {s}{}",
            t("기다릴 시간", "wait"),
            t("초", " s")
        ));
    }
    if let Some(n) = p.max_attempts {
        retry.push_str(&format!(
            "; {} {n}{}",
            t("최대", "at most"),
            t("번", " attempts")
        ));
    }
    let actor = match p.actor {
        Some(a) => pick(a.words()).to_owned(),
        None => t("스펙에 없음", "not stated").to_owned(),
    };
    let customer = match &p.customer {
        CustomerText::Generic => t("일반 안내문만", "a generic message only").to_owned(),
        CustomerText::Message => t("메시지를 그대로 보여도 됨", "the message as is").to_owned(),
        CustomerText::Own(text) => format!(
            "{}: {}",
            t("구매자용 메시지", "a customer message"),
            text.get(0)
        ),
    };
    let d = decide(p, 1);
    vec![
        Fact {
            key: "outcome",
            label: t("결제 결과", "Outcome"),
            value: format!(
                "{}{}",
                pick(p.outcome.words()),
                default_mark(p.outcome_origin)
            ),
        },
        Fact {
            key: "retry",
            label: t("재시도", "Retry"),
            value: retry,
        },
        Fact {
            key: "actor",
            label: t("조치할 사람", "Who acts"),
            value: actor,
        },
        Fact {
            key: "customer",
            label: t("구매자에게", "Customer"),
            value: customer,
        },
        Fact {
            key: "decision",
            label: t("첫 실패 뒤", "Next step"),
            value: decision_words(d, korean).to_owned(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CURRENCIES, KRW};

    #[test]
    fn amounts_per_locale() {
        let usd = CURRENCIES
            .iter()
            .find(|c| c.code == "USD")
            .copied()
            .unwrap();
        assert_eq!(format_amount(150_000, KRW, true), "150,000원");
        assert_eq!(format_amount(150_000, KRW, false), "KRW 150,000");
        assert_eq!(format_amount(150_000, usd, false), "$1,500.00");
        assert_eq!(format_amount(7, usd, true), "$0.07");
    }
}
