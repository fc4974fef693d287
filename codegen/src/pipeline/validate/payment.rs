//! Rules E040–E049: what an error means for the payment (`payment.*`, with defaults from the
//! domain and the category, and the older `retryable`), money (`currency`), and the tables
//! that map a provider's codes to ours (`[maps.<domain>]`).

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Validator, at, quoted_list};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule, did_you_mean};
use crate::load::Entry;
use crate::load::LoadedDomain;
use crate::model::{
    Actor, CURRENCIES, Currency, CustomerText, KRW, MapRow, Origin, Outcome, Payment, ProviderMap,
    Retry,
};
use crate::model::{Domain, Entry as CodeEntry, ErrorDef, FieldType, Text};
use crate::raw::{RawError, S};
use crate::raw::{RawMap, RawMapTarget, RawPayment, RawText};
use crate::template::Segment;

/// Statuses on which the same request may succeed later (timeout, conflict, too early, too
/// many requests): the only 4xx where `same_key` or an unknown outcome make sense.
const RETRYABLE_4XX: &[u16] = &[408, 409, 425, 429];

/// A payment fact's value with where it was written.
struct Written<T> {
    value: T,
    origin: Origin,
    file: FileId,
    span: Range<usize>,
}

impl<T: Copy> Written<T> {
    /// A value as a layer wrote it, at its span.
    fn of((value, span): &(T, Range<usize>), origin: Origin, file: FileId) -> Self {
        Written {
            value: *value,
            origin,
            file,
            span: span.clone(),
        }
    }
}

/// The `payment` keys of one layer (domain, category or error), checked.
#[derive(Default)]
struct Layer {
    outcome: Option<(Outcome, Range<usize>)>,
    retry: Option<(Retry, Range<usize>)>,
    retry_after: Option<(u32, Range<usize>)>,
    max_attempts: Option<(u32, Range<usize>)>,
    actor: Option<Actor>,
    customer_safe: Option<(bool, Range<usize>)>,
    customer_message: Option<(Text, Range<usize>)>,
}

/// Where the facts a later check points at were written (the last layer that set them).
#[derive(Default)]
struct Sources {
    outcome_at: Option<Written<Outcome>>,
    retry_at: Option<Written<Retry>>,
    limits_at: Option<Range<usize>>,
    safe_at: Option<Range<usize>>,
}

/// Applies the layers, least specific first, onto `p`; returns where each fact was written.
fn merge_layers(file: FileId, p: &mut Payment, layers: [(Origin, Option<&Layer>); 3]) -> Sources {
    let mut src = Sources::default();
    for (origin, l) in layers {
        let Some(l) = l else { continue };
        if let Some(w) = l.outcome.as_ref().map(|v| Written::of(v, origin, file)) {
            (p.outcome, p.outcome_origin) = (w.value, origin);
            src.outcome_at = Some(w);
        }
        if let Some(w) = l.retry.as_ref().map(|v| Written::of(v, origin, file)) {
            (p.retry, p.retry_origin) = (w.value, origin);
            src.retry_at = Some(w);
        }
        if let Some((v, s)) = &l.retry_after {
            p.retry_after = Some(*v);
            src.limits_at = Some(s.clone());
        }
        if let Some((v, s)) = &l.max_attempts {
            p.max_attempts = Some(*v);
            src.limits_at = Some(s.clone());
        }
        if let Some(a) = l.actor {
            p.actor = Some(a);
        }
        if let Some((v, s)) = &l.customer_safe {
            p.customer = if *v {
                CustomerText::Message
            } else {
                CustomerText::Generic
            };
            src.safe_at = Some(s.clone());
        }
        if let Some((t, s)) = &l.customer_message {
            p.customer = CustomerText::Own(t.clone());
            src.safe_at = Some(s.clone());
        }
    }
    src
}

/// One `[maps.<into>]` of a provider being checked.
struct MapCx<'a> {
    file: FileId,
    /// The provider as loaded.
    ld: &'a LoadedDomain,
    /// The provider as built.
    provider: &'a Domain,
    /// Our domain receiving the errors.
    target: &'a Domain,
    /// `target`'s id, as written in the map's key.
    into: &'a str,
}

fn words<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|x| name(*x)).collect()
}

impl Validator<'_> {
    /// Checks one value of a closed set (`outcome = "..."` …).
    fn one_of<T: Copy>(
        &mut self,
        file: FileId,
        key: &str,
        v: &S<String>,
        all: &[T],
        name: impl Fn(T) -> &'static str,
        meaning_ko: &str,
    ) -> Option<T> {
        if let Some(x) = all.iter().find(|x| name(**x) == v.get_ref()) {
            return Some(*x);
        }
        let names = words(all, name);
        let mut d = Diagnostic::new(
            Rule::PaymentValue,
            at(file, v.span()),
            Msg::new(
                format!("payment.{key}에 `{}`은(는) 쓸 수 없습니다", v.get_ref()),
                format!("`{}` is not a value of payment.{key}", v.get_ref()),
            ),
        )
        .label(Msg::new("알 수 없는 값", "unknown value"));
        if let Some(s) = did_you_mean(v.get_ref(), names.iter().copied()) {
            d = d.help(Msg::new(
                format!("`{s}`을(를) 쓰려던 것인가요?"),
                format!("did you mean `{s}`?"),
            ));
        }
        let list = quoted_list(names.iter().copied());
        self.push(d.help(Msg::new(
            format!("쓸 수 있는 값: {list} ({meaning_ko})"),
            format!("values: {list}"),
        )));
        None
    }

    fn bounded(
        &mut self,
        file: FileId,
        key: &str,
        v: &S<i64>,
        max: i64,
        unit_ko: &str,
    ) -> Option<u32> {
        let n = *v.get_ref();
        if (1..=max).contains(&n) {
            return Some(n as u32);
        }
        self.push(
            Diagnostic::new(
                Rule::PaymentValue,
                at(file, v.span()),
                Msg::new(
                    format!("payment.{key}은(는) 1~{max} 사이여야 하는데 {n}입니다"),
                    format!("payment.{key} must be within 1..={max}, not {n}"),
                ),
            )
            .help(Msg::new(
                format!("{unit_ko} 단위의 양의 정수를 쓰세요. 모르면 이 키를 지우세요"),
                "write a positive whole number; leave the key out when unknown",
            )),
        );
        None
    }

    /// Checks the keys of one `payment` table. `None` values where a key is wrong.
    fn layer(&mut self, file: FileId, raw: &S<RawPayment>, ok: &mut bool) -> Layer {
        let p = raw.get_ref();
        let mut l = Layer::default();
        let before = self.diags.len();
        if let Some(v) = &p.outcome {
            l.outcome = self
                .one_of(
                    file,
                    "outcome",
                    v,
                    Outcome::ALL,
                    Outcome::as_str,
                    "none 처리 안 됨, failed 실패, unknown 모름",
                )
                .map(|x| (x, v.span()));
        }
        if let Some(v) = &p.retry {
            l.retry = self
                .one_of(
                    file,
                    "retry",
                    v,
                    Retry::ALL,
                    Retry::as_str,
                    "never 불가, after_fix 고친 뒤, new_key 새 키로, same_key 같은 키로",
                )
                .map(|x| (x, v.span()));
        }
        if let Some(v) = &p.actor {
            l.actor = self.one_of(
                file,
                "actor",
                v,
                Actor::ALL,
                Actor::as_str,
                "customer 구매자, merchant 가맹점, operator 운영, provider 연동사",
            );
        }
        if let Some(v) = &p.retry_after {
            l.retry_after = self
                .bounded(file, "retry_after", v, 31_536_000, "초")
                .map(|x| (x, v.span()));
        }
        if let Some(v) = &p.max_attempts {
            l.max_attempts = self
                .bounded(file, "max_attempts", v, 100, "횟수")
                .map(|x| (x, v.span()));
        }
        if let Some(v) = &p.customer_safe {
            l.customer_safe = Some((*v.get_ref(), v.span()));
        }
        if let Some(m) = &p.customer_message {
            l.customer_message = self.customer_message(file, m, ok);
        }
        if self.diags[before..].iter().any(Diagnostic::is_error) {
            *ok = false;
        }
        l
    }

    /// Checks `payment.customer_message`: a valid text with no placeholders. `None` where it
    /// is wrong; clears `ok` where the text itself is invalid.
    fn customer_message(
        &mut self,
        file: FileId,
        m: &S<RawText>,
        ok: &mut bool,
    ) -> Option<(Text, Range<usize>)> {
        let Some((t, _)) = self.text(file, m, "customer_message") else {
            *ok = false;
            return None;
        };
        if !t.values.iter().any(|v| v.contains(['{', '}'])) {
            return Some((t, m.span()));
        }
        self.push(
            Diagnostic::new(
                Rule::PaymentValue,
                at(file, m.span()),
                Msg::new(
                    "구매자용 메시지에는 자리표시자({이름})를 쓸 수 없습니다",
                    "a customer message cannot have placeholders ({name})",
                ),
            )
            .help(Msg::new(
                "값이 들어가지 않는 고정된 안내문을 쓰세요",
                "write a fixed text with no values in it",
            )),
        );
        None
    }

    /// Resolves what every error of a domain means for the payment (error, then category, then
    /// domain, then the built-in default), checks contradictions, and the currencies of its
    /// amounts. Returns false on an error.
    pub(super) fn payment_meanings(
        &mut self,
        d: &LoadedDomain,
        errors: Option<&mut Vec<CodeEntry>>,
    ) -> bool {
        let file = d.file;
        let mut ok = true;
        let domain_raw = d.domain.as_ref().map(|e| &e.value);
        let domain_layer = match domain_raw.and_then(|r| r.payment.as_ref()) {
            Some(p) => self.layer(file, p, &mut ok),
            None => Layer::default(),
        };
        let mut cat_layers: BTreeMap<String, Layer> = BTreeMap::new();
        for c in &d.categories {
            if let Some(p) = &c.value.payment {
                let l = self.layer(file, p, &mut ok);
                cat_layers.insert(c.key.get_ref().clone(), l);
            }
        }
        let domain_currency = match domain_raw.and_then(|r| r.currency.as_ref()) {
            Some(c) => {
                let cur = self.currency(file, c);
                ok &= cur.is_some();
                cur.unwrap_or(KRW)
            }
            None => KRW,
        };
        let mut layers = Vec::new();
        for e in &d.errors {
            let l = match &e.value.payment {
                Some(p) => self.layer(file, p, &mut ok),
                None => Layer::default(),
            };
            layers.push(l);
        }
        let Some(errors) = errors else { return ok };
        // A tombstone means nothing for a payment: only live codes are resolved.
        let live: std::collections::HashMap<String, usize> = errors
            .iter()
            .enumerate()
            .filter_map(|(i, x)| match x {
                CodeEntry::Live(e) => Some((e.code.clone(), i)),
                _ => None,
            })
            .collect();
        for (entry, layer) in d.errors.iter().zip(&layers) {
            let Some(CodeEntry::Live(def)) = live
                .get(entry.key.get_ref())
                .and_then(|&i| errors.get_mut(i))
            else {
                continue;
            };
            ok &= self.amount_currencies(file, entry, def, domain_currency);
            let cat = def.category.as_ref().and_then(|c| cat_layers.get(c));
            ok &= self.resolve(file, entry, def, layer, cat, &domain_layer);
        }
        ok
    }

    /// Sets the currency of every amount of `def`: its own `currency`, else the domain's.
    /// Reports a `currency` on a field that is not an amount. Returns false on an error.
    fn amount_currencies(
        &mut self,
        file: FileId,
        entry: &Entry<RawError>,
        def: &mut ErrorDef,
        domain_currency: Currency,
    ) -> bool {
        let mut ok = true;
        // Currencies of amounts.
        if let Some(fields) = &entry.value.fields {
            for (k, f) in &fields.get_ref().0 {
                let Some(c) = &f.get_ref().currency else {
                    continue;
                };
                let target = def
                    .fields
                    .iter_mut()
                    .find(|x| x.written == *k.get_ref() || x.name == *k.get_ref());
                match target {
                    Some(field) if field.ty == FieldType::Amount => match self.currency(file, c) {
                        Some(cur) => field.currency = cur,
                        None => ok = false,
                    },
                    _ => {
                        ok = false;
                        self.push(
                            Diagnostic::new(
                                Rule::Currency,
                                at(file, c.span()),
                                Msg::new(
                                    format!("`{}`은(는) 금액(amount)이 아니어서 통화를 쓸 수 없습니다", k.get_ref()),
                                    format!("`{}` is not an amount, so it has no currency", k.get_ref()),
                                ),
                            )
                            .help(Msg::new(
                                "금액이라면 type = \"amount\"를 함께 쓰고, 아니면 currency를 지우세요",
                                "add type = \"amount\" if it is one, or remove currency",
                            )),
                        );
                    }
                }
            }
        }
        for field in def.fields.iter_mut() {
            if field.ty == FieldType::Amount
                && !entry.value.fields.as_ref().is_some_and(|fs| {
                    fs.get_ref().0.iter().any(|(k, f)| {
                        (*k.get_ref() == field.written || *k.get_ref() == field.name)
                            && f.get_ref().currency.is_some()
                    })
                })
            {
                field.currency = domain_currency;
            }
        }
        ok
    }

    fn currency(&mut self, file: FileId, c: &S<String>) -> Option<Currency> {
        if let Some(cur) = CURRENCIES.iter().find(|x| x.code == c.get_ref()) {
            return Some(*cur);
        }
        let codes: Vec<&str> = CURRENCIES.iter().map(|x| x.code).collect();
        let list = quoted_list(codes.iter().copied());
        let mut d = Diagnostic::new(
            Rule::Currency,
            at(file, c.span()),
            Msg::new(
                format!("`{}`은(는) 알 수 없는 통화입니다", c.get_ref()),
                format!("unknown currency `{}`", c.get_ref()),
            ),
        )
        .label(Msg::new(
            "ISO 4217 통화 코드가 와야 합니다",
            "expected an ISO 4217 code",
        ));
        if let Some(s) = did_you_mean(&c.get_ref().to_ascii_uppercase(), codes.iter().copied()) {
            d = d.help(Msg::new(
                format!("`{s}`을(를) 쓰려던 것인가요?"),
                format!("did you mean `{s}`?"),
            ));
        }
        self.push(d.help(Msg::new(
            format!("쓸 수 있는 통화: {list} (대문자 세 글자)"),
            format!("currencies: {list}"),
        )));
        None
    }

    /// Resolves what one error means for the payment (error, then category, then domain, then
    /// the built-in default) and checks the result (E041–E044). Returns false on an error.
    fn resolve(
        &mut self,
        file: FileId,
        entry: &Entry<RawError>,
        def: &mut ErrorDef,
        own: &Layer,
        cat: Option<&Layer>,
        dom: &Layer,
    ) -> bool {
        let status = def.status;
        let mut p = Payment::default_for(status);
        let layers: [(Origin, Option<&Layer>); 3] = [
            (Origin::Domain, Some(dom)),
            (Origin::Category, cat),
            (Origin::Error, Some(own)),
        ];
        let src = merge_layers(file, &mut p, layers);
        let mut ok = self.retryable_key(file, entry, &src, &mut p);
        ok &= self.same_key_4xx(file, entry, def, &src);
        ok &= self.unknown_4xx(file, entry, def, &src);
        ok &= self.retry_contradictions(file, def, &p, &src);
        ok &= self.customer_safe(file, def, &p, &src);
        def.retryable = p.retryable();
        def.payment = p;
        ok
    }

    /// `retryable`, the older key: alone it keeps working (sets `p.retry`); beside
    /// `payment.retry` it must agree. Returns false on a contradiction.
    fn retryable_key(
        &mut self,
        file: FileId,
        entry: &Entry<RawError>,
        src: &Sources,
        p: &mut Payment,
    ) -> bool {
        let mut ok = true;
        let Sources { retry_at, .. } = src;
        if let Some(r) = &entry.value.retryable {
            let says = *r.get_ref();
            match &retry_at {
                None if says => {
                    p.retry = Retry::SameKey;
                    p.retry_origin = Origin::Error;
                }
                None => {}
                Some(w) => {
                    let retries = matches!(w.value, Retry::SameKey | Retry::NewKey);
                    if retries != says {
                        ok = false;
                        self.push(
                            Diagnostic::new(
                                Rule::RetryContradiction,
                                at(file, r.span()),
                                Msg::new(
                                    format!("retryable = {says}과(와) payment.retry = \"{}\"이(가) 서로 다른 말을 합니다", w.value.as_str()),
                                    format!("retryable = {says} contradicts payment.retry = \"{}\"", w.value.as_str()),
                                ),
                            )
                            .related(Loc { file: w.file, span: w.span.clone() }, Msg::new("재시도 방식", "the retry policy"))
                            .help(Msg::new(
                                "retryable을 지우세요: payment.retry가 더 자세히 말합니다 (retryable = true는 retry = \"same_key\"와 같습니다)",
                                "remove retryable: payment.retry says more (retryable = true is retry = \"same_key\")",
                            )),
                        );
                    }
                }
            }
        }
        ok
    }

    /// E041: `same_key` on a plain 4xx, where the same request fails the same way.
    fn same_key_4xx(
        &mut self,
        file: FileId,
        entry: &Entry<RawError>,
        def: &ErrorDef,
        src: &Sources,
    ) -> bool {
        let mut ok = true;
        let Sources { retry_at, .. } = src;
        let (code, status) = (&def.code, def.status);
        let key_span = entry.key.span();
        let plain_4xx = (400..500).contains(&status) && !RETRYABLE_4XX.contains(&status);
        // E041: the same request again on a 4xx fails the same way.
        if let Some(w) = &retry_at
            && w.value == Retry::SameKey
            && plain_4xx
        {
            ok = false;
            let mut d = Diagnostic::new(
                Rule::RetrySameKey4xx,
                at(w.file, w.span.clone()),
                Msg::new(
                    format!("`{code}`은(는) HTTP {status}인데 같은 요청을 다시 보내라고(same_key) 합니다"),
                    format!("`{code}` is an HTTP {status} but says to send the same request again (same_key)"),
                ),
            )
            .label(Msg::new("같은 요청은 같은 이유로 또 실패합니다", "the same request fails the same way"))
            .note(Msg::new(
                "4xx는 요청이나 상태가 잘못되었다는 뜻이라, 아무것도 바꾸지 않고 다시 보내면 같은 에러가 납니다 (408, 409, 425, 429만 예외)",
                "a 4xx says the request or state is wrong; resending it unchanged fails again (408, 409, 425, 429 aside)",
            ))
            .help(Msg::new(
                "고친 뒤에만 다시 보낸다면 retry = \"after_fix\", 새 주문번호로 다시라면 retry = \"new_key\"를 쓰세요. 정말 재시도할 에러라면 status를 바로잡으세요",
                "use retry = \"after_fix\" (only once fixed) or retry = \"new_key\" (a new order ID); or correct the status if it really is retryable",
            ));
            if w.origin != Origin::Error {
                d = d.related(
                    Loc {
                        file,
                        span: key_span.clone(),
                    },
                    Msg::new("기본값을 물려받은 에러", "the error inheriting it"),
                );
            }
            self.push(d);
        }
        ok
    }

    /// E042: an unknown outcome on a 4xx (other than 408), which is an answer.
    fn unknown_4xx(
        &mut self,
        file: FileId,
        entry: &Entry<RawError>,
        def: &ErrorDef,
        src: &Sources,
    ) -> bool {
        let mut ok = true;
        let Sources { outcome_at, .. } = src;
        let (code, status) = (&def.code, def.status);
        let key_span = entry.key.span();
        // E042: a 4xx is an answer: the outcome is known.
        if let Some(w) = &outcome_at
            && w.value == Outcome::Unknown
            && (400..500).contains(&status)
            && status != 408
        {
            ok = false;
            let mut d = Diagnostic::new(
                Rule::UnknownOutcome4xx,
                at(w.file, w.span.clone()),
                Msg::new(
                    format!("`{code}`은(는) HTTP {status}인데 결제 결과를 모른다고(unknown) 합니다"),
                    format!("`{code}` is an HTTP {status} but says the outcome is unknown"),
                ),
            )
            .label(Msg::new("4xx는 처리하지 않았다는 답입니다", "a 4xx answers that nothing was done"))
            .note(Msg::new(
                "결과를 모르는 것은 응답을 받지 못했거나(시간 초과) 5xx를 받았을 때입니다. 그때는 결제 상태를 조회하거나 망취소해야 합니다",
                "an outcome is unknown after a timeout or a 5xx, when the client must check the status or net-cancel",
            ))
            .help(Msg::new(
                "outcome = \"none\"(처리 안 됨)이나 \"failed\"(결제 실패)를 쓰세요. 실제로 결과를 모르는 에러라면 status를 5xx로 바로잡으세요",
                "use outcome = \"none\" or \"failed\"; or correct the status to a 5xx if the outcome really is unknown",
            ));
            if w.origin != Origin::Error {
                d = d.related(
                    Loc {
                        file,
                        span: key_span.clone(),
                    },
                    Msg::new("기본값을 물려받은 에러", "the error inheriting it"),
                );
            }
            self.push(d);
        }
        ok
    }

    /// E044: a new key on an unknown outcome (a double charge), and retry limits without a
    /// retry.
    fn retry_contradictions(
        &mut self,
        file: FileId,
        def: &ErrorDef,
        p: &Payment,
        src: &Sources,
    ) -> bool {
        let mut ok = true;
        let Sources {
            retry_at,
            limits_at,
            ..
        } = src;
        let code = &def.code;
        // E044: a new key when the first may have been charged is a double charge.
        if p.outcome == Outcome::Unknown
            && p.retry == Retry::NewKey
            && let Some(w) = &retry_at
        {
            ok = false;
            self.push(
                Diagnostic::new(
                    Rule::RetryContradiction,
                    at(w.file, w.span.clone()),
                    Msg::new(
                        format!("`{code}`은(는) 결과를 모르는데(unknown) 새 키로 다시 보내라고(new_key) 합니다"),
                        format!("`{code}` has an unknown outcome but says to retry with a new key"),
                    ),
                )
                .label(Msg::new("이중 결제가 될 수 있습니다", "this can charge twice"))
                .note(Msg::new(
                    "첫 요청이 결제되었을 수 있으니, 새 키로 다시 보내면 같은 주문이 두 번 결제될 수 있습니다",
                    "the first request may have been charged; a new key can charge the same order twice",
                ))
                .help(Msg::new(
                    "retry = \"same_key\"(같은 키로 다시: 중복 결제가 막힙니다)를 쓰거나, 결과가 정해진 에러라면 outcome을 바로잡으세요",
                    "use retry = \"same_key\" (the key prevents a second charge), or correct the outcome",
                )),
            );
        }
        // E044: limits without a retry.
        if let Some(s) = &limits_at
            && !matches!(p.retry, Retry::SameKey | Retry::NewKey)
        {
            ok = false;
            self.push(
                Diagnostic::new(
                    Rule::RetryContradiction,
                    at(file, s.clone()),
                    Msg::new(
                        format!("`{code}`은(는) 다시 보내지 않는데(retry = \"{}\") 재시도 간격·횟수가 있습니다", p.retry.as_str()),
                        format!("`{code}` is not retried (retry = \"{}\") but has a retry delay or limit", p.retry.as_str()),
                    ),
                )
                .help(Msg::new(
                    "retry_after와 max_attempts는 retry = \"same_key\"나 \"new_key\"와 함께만 씁니다. 둘 중 하나를 고치세요",
                    "retry_after and max_attempts go with retry = \"same_key\" or \"new_key\" only",
                )),
            );
        }
        ok
    }

    /// E043: a message marked customer-safe must not name internals or personal data.
    fn customer_safe(&mut self, file: FileId, def: &ErrorDef, p: &Payment, src: &Sources) -> bool {
        let mut ok = true;
        let Sources { safe_at, .. } = src;
        let code = &def.code;
        // E043: a customer-safe message must not show internals.
        if p.customer == CustomerText::Message
            && let Some(s) = &safe_at
        {
            let words = internal_words(
                &def.message
                    .templates
                    .iter()
                    .flat_map(|t| t.segments.iter())
                    .filter_map(|seg| match seg {
                        Segment::Text(t) => Some(t.as_str()),
                        Segment::Hole { .. } => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let pii: Vec<&str> = def
                .fields
                .iter()
                .filter(|f| f.pii)
                .map(|f| f.written.as_str())
                .collect();
            if !words.is_empty() || !pii.is_empty() {
                ok = false;
                let list = quoted_list(words.iter().map(String::as_str).chain(pii.iter().copied()));
                self.push(
                    Diagnostic::new(
                        Rule::CustomerUnsafe,
                        at(file, s.clone()),
                        Msg::new(
                            format!("`{code}`의 메시지를 구매자에게 보여도 된다고 했는데, 내부 이름이나 개인정보가 들어 있습니다: {list}"),
                            format!("`{code}`'s message is marked safe for customers but names internals or personal data: {list}"),
                        ),
                    )
                    .label(Msg::new("구매자에게 보일 메시지", "shown to customers"))
                    .note(Msg::new(
                        "필드 이름(`paymentKey`, order_id 같은 영어 이름)과 개인정보는 구매자가 알아들을 수 없고 보여서도 안 됩니다",
                        "field names (paymentKey, order_id) and personal data mean nothing to customers and must not reach them",
                    ))
                    .help(Msg::new(
                        "customer_safe를 지우고 customer_message.ko = \"...\"로 구매자용 문구를 따로 쓰세요",
                        "remove customer_safe and write a separate customer_message.ko = \"...\"",
                    )),
                );
            }
        }
        ok
    }

    /// Checks every `[maps.<domain>]` of every provider against the domains built, and
    /// attaches the maps to the providers. Returns the problems' absence.
    pub(super) fn provider_maps(&mut self, domains: &mut [Domain]) -> bool {
        let mut ok = true;
        let loaded = self.loaded;
        for ld in &loaded.domains {
            if ld.maps.is_empty() {
                continue;
            }
            let Some(pi) = domains.iter().position(|x| x.id == ld.id) else {
                continue;
            };
            let all: &[Domain] = domains;
            let mut maps = Vec::new();
            for m in &ld.maps {
                if let Some(map) = self.provider_map(ld, m, &all[pi], all, &mut ok) {
                    maps.push(map);
                }
            }
            maps.sort_by(|a, b| a.into.cmp(&b.into));
            domains[pi].maps = maps;
        }
        ok
    }

    /// Checks one `[maps.<into>]` of provider `ld` (built as `provider`) and builds it. `None`
    /// where it is wrong; clears `ok` on an error (also a strict map's missing rows).
    fn provider_map(
        &mut self,
        ld: &LoadedDomain,
        m: &Entry<RawMap>,
        provider: &Domain,
        domains: &[Domain],
        ok: &mut bool,
    ) -> Option<ProviderMap> {
        let Some(target) = self.map_target(ld, m, provider, domains) else {
            *ok = false;
            return None;
        };
        let into = m.key.get_ref().clone();
        let cx = MapCx {
            file: ld.file,
            ld,
            provider,
            target,
            into: &into,
        };
        let raw = &m.value;
        let mut row_ok = true;
        let fallback = self.map_fallback(&cx, m);
        row_ok &= fallback.is_some();
        let ops: Vec<String> = raw
            .operations
            .as_ref()
            .map(|o| o.get_ref().iter().map(|x| x.get_ref().clone()).collect())
            .unwrap_or_default();
        for o in raw.operations.iter().flat_map(|o| o.get_ref().iter()) {
            row_ok &= self.provider_operation(cx.file, cx.provider, o);
        }
        let rows = self.map_rows(&cx, raw, &mut row_ok);
        if !row_ok {
            *ok = false;
            return None;
        }
        let map = ProviderMap {
            into: into.clone(),
            fallback: fallback.unwrap_or_default(),
            operations: ops,
            strict: raw.strict.as_ref().is_some_and(|s| *s.get_ref()),
            rows,
        };
        *ok &= self.unmapped_codes(&cx, m, &map);
        Some(map)
    }

    /// The domain of ours that a map of provider `ld` sends errors into. Reports a map in a
    /// domain that is not a provider, or into no domain of ours.
    fn map_target<'d>(
        &mut self,
        ld: &LoadedDomain,
        m: &Entry<RawMap>,
        provider: &Domain,
        domains: &'d [Domain],
    ) -> Option<&'d Domain> {
        let file = ld.file;
        let into = m.key.get_ref().clone();
        let problem = |ko: String, en: String| Msg::new(ko, en);
        if !provider.upstream {
            self.push(
                Diagnostic::new(
                    Rule::ProviderMap,
                    at(file, m.key.span()),
                    problem(format!("`{}`은(는) 연동사 도메인이 아니라서 코드를 바꾸는 표를 가질 수 없습니다", ld.id), format!("`{}` is not an upstream domain, so it cannot map codes", ld.id)),
                )
                .help(Msg::new("연동사 파일이라면 [domain]에 upstream = true를 쓰세요", "if it is a provider, set upstream = true in [domain]")),
            );
            return None;
        }
        let Some(target) = domains.iter().find(|x| x.id == into && !x.upstream) else {
            let ours: Vec<&str> = domains
                .iter()
                .filter(|x| !x.upstream)
                .map(|x| x.id.as_str())
                .collect();
            let mut d = Diagnostic::new(
                Rule::ProviderMap,
                at(file, m.key.span()),
                problem(
                    format!("받는 쪽 도메인 `{into}`이(가) 없습니다"),
                    format!("there is no domain of ours named `{into}`"),
                ),
            )
            .label(Msg::new(
                "우리 도메인이 와야 합니다",
                "expected a domain of ours",
            ));
            if let Some(s) = did_you_mean(&into, ours.iter().copied()) {
                d = d.help(Msg::new(
                    format!("`{s}`을(를) 쓰려던 것인가요?"),
                    format!("did you mean `{s}`?"),
                ));
            }
            let list = quoted_list(ours.iter().copied());
            self.push(d.help(Msg::new(
                format!("[maps.X]의 X는 에러를 받는 우리 도메인(파일 이름)입니다: {list}"),
                format!("[maps.X] names the domain of ours that receives the errors: {list}"),
            )));
            return None;
        };
        Some(target)
    }

    /// Whether a provider code can go to our error `to`: one that needs no values, or that
    /// carries this provider's received error.
    fn map_to(&mut self, cx: &MapCx, to: &S<String>) -> bool {
        let MapCx {
            file,
            ld,
            target,
            into,
            ..
        } = *cx;
        let Some(e) = target.errors().find(|e| e.code == *to.get_ref()) else {
            let mut d = Diagnostic::new(
                Rule::ProviderMap,
                at(file, to.span()),
                Msg::new(
                    format!("`{into}` 도메인에 `{}` 에러가 없습니다", to.get_ref()),
                    format!("domain `{into}` has no error `{}`", to.get_ref()),
                ),
            );
            if let Some(s) = did_you_mean(to.get_ref(), target.errors().map(|e| e.code.as_str())) {
                d = d.help(Msg::new(
                    format!("`{s}`을(를) 쓰려던 것인가요?"),
                    format!("did you mean `{s}`?"),
                ));
            }
            self.push(d);
            return false;
        };
        let carries = e.passthrough.as_deref() == Some(ld.id.as_str());
        let own_fields = e.fields.iter().any(|f| {
            f.name != crate::model::UPSTREAM_CODE && f.name != crate::model::UPSTREAM_MESSAGE
        });
        if own_fields || (e.passthrough.is_some() && !carries) {
            self.push(
                Diagnostic::new(
                    Rule::ProviderMap,
                    at(file, to.span()),
                    Msg::new(
                        format!("`{}`은(는) 받은 에러만으로 만들 수 없습니다 (채울 값이 있거나 다른 연동사의 에러를 담습니다)", to.get_ref()),
                        format!("`{}` cannot be built from a received error alone (it needs values, or carries another provider's error)", to.get_ref()),
                    ),
                )
                .help(Msg::new(
                    format!("자리표시자가 없는 에러나 passthrough = \"{}\"인 에러를 고르세요", ld.id),
                    format!("pick an error with no placeholders, or one with passthrough = \"{}\"", ld.id),
                )),
            );
            return false;
        }
        true
    }

    /// The map's `fallback` where it checks out; reports it missing unless the loader already
    /// reported the key.
    fn map_fallback(&mut self, cx: &MapCx, m: &Entry<RawMap>) -> Option<String> {
        let file = cx.file;
        let raw = &m.value;
        match &raw.fallback {
            Some(f) => self.map_to(cx, f).then(|| f.get_ref().clone()),
            None => {
                if !m.was_dropped("fallback") {
                    self.push(
                        Diagnostic::new(
                            Rule::ProviderMap,
                            at(file, m.key.span()),
                            Msg::new("fallback이 없습니다: 표에 없는 코드가 갈 곳이 있어야 합니다", "missing `fallback`: codes not in the table need somewhere to go"),
                        )
                        .help(Msg::new(
                            "fallback = \"우리 에러 코드\"를 쓰세요. 스펙에 없는 코드를 받아도 이 에러로 바뀌고 받은 코드는 그대로 남습니다",
                            "write fallback = \"OUR_CODE\"; codes the spec does not know go there too, kept verbatim",
                        )),
                    );
                }
                None
            }
        }
    }

    /// The rows of `[maps.<into>.codes]` that check out; clears `row_ok` where one does not.
    fn map_rows(&mut self, cx: &MapCx, raw: &RawMap, row_ok: &mut bool) -> Vec<MapRow> {
        let MapCx { file, provider, .. } = *cx;
        let mut rows = Vec::new();
        for (k, t) in raw.codes.iter().flat_map(|c| c.get_ref().0.iter()) {
            if provider.errors().all(|e| e.code != *k.get_ref()) {
                *row_ok = false;
                let mut d = Diagnostic::new(
                    Rule::ProviderMap,
                    at(file, k.span()),
                    Msg::new(
                        format!("`{}`은(는) 이 연동사의 코드가 아닙니다", k.get_ref()),
                        format!("`{}` is not a code of this provider", k.get_ref()),
                    ),
                );
                if let Some(s) =
                    did_you_mean(k.get_ref(), provider.errors().map(|e| e.code.as_str()))
                {
                    d = d.help(Msg::new(
                        format!("`{s}`을(를) 쓰려던 것인가요?"),
                        format!("did you mean `{s}`?"),
                    ));
                }
                self.push(d.help(Msg::new(
                    "먼저 [errors.\"코드\"]로 코드를 선언하세요",
                    "declare the code first with [errors.\"CODE\"]",
                )));
                continue;
            }
            match t.get_ref() {
                RawMapTarget::To(to) => {
                    let s = S::new(t.span(), to.clone());
                    if self.map_to(cx, &s) {
                        rows.push(MapRow {
                            code: k.get_ref().clone(),
                            operation: None,
                            to: to.clone(),
                        });
                    } else {
                        *row_ok = false;
                    }
                }
                RawMapTarget::PerOperation(per) => {
                    for (op, to) in per {
                        let good =
                            self.provider_operation(file, provider, op) & self.map_to(cx, to);
                        if good {
                            rows.push(MapRow {
                                code: k.get_ref().clone(),
                                operation: Some(op.get_ref().clone()),
                                to: to.get_ref().clone(),
                            });
                        } else {
                            *row_ok = false;
                        }
                    }
                }
            }
        }
        rows
    }

    /// W048/E049: the provider's codes with no row, which only fall back. Returns false when
    /// the map is strict and has some.
    fn unmapped_codes(&mut self, cx: &MapCx, m: &Entry<RawMap>, map: &ProviderMap) -> bool {
        let MapCx {
            file,
            ld,
            provider,
            into,
            ..
        } = *cx;
        let mut ok = true;
        let unmapped: Vec<&str> = map
            .coverage(provider)
            .into_iter()
            .filter(|(_, m)| !*m)
            .map(|(c, _)| c)
            .collect();
        if !unmapped.is_empty() {
            let n = unmapped.len();
            let mut list = quoted_list(unmapped.iter().take(12).copied());
            if n > 12 {
                list.push_str(&format!(" … (+{})", n - 12));
            }
            let (rule, why_ko, why_en) = if map.strict {
                (Rule::UnmappedStrict, " (strict = true)", " (strict = true)")
            } else {
                (Rule::Unmapped, "", "")
            };
            if map.strict {
                ok = false;
            }
            self.push(
                Diagnostic::new(
                    rule,
                    at(file, m.key.span()),
                    Msg::new(
                        format!("`{}` 코드 {n}개가 `{into}`의 표에 없어 fallback(`{}`)으로만 갑니다{why_ko}: {list}", ld.id, map.fallback),
                        format!("{n} `{}` code(s) are not in the table for `{into}` and only fall back to `{}`{why_en}: {list}", ld.id, map.fallback),
                    ),
                )
                .help(Msg::new(
                    format!("[maps.{into}.codes]에 한 줄씩 쓰세요. 예: {} = \"{}\"", unmapped[0], map.fallback),
                    format!("add a row per code to [maps.{into}.codes]: {} = \"{}\"", unmapped[0], map.fallback),
                )),
            );
        }
        ok
    }

    fn provider_operation(&mut self, file: FileId, provider: &Domain, op: &S<String>) -> bool {
        if provider.operation(op.get_ref()).is_some() {
            return true;
        }
        let mut d = Diagnostic::new(
            Rule::ProviderMap,
            at(file, op.span()),
            Msg::new(
                format!("API 묶음 `{}`이(가) 이 연동사에 없습니다", op.get_ref()),
                format!("the provider has no operation `{}`", op.get_ref()),
            ),
        );
        if let Some(s) = did_you_mean(
            op.get_ref(),
            provider.operations.iter().map(|o| o.key.as_str()),
        ) {
            d = d.help(Msg::new(
                format!("`{s}`을(를) 쓰려던 것인가요?"),
                format!("did you mean `{s}`?"),
            ));
        }
        self.push(d);
        false
    }
}

/// Words of a message that name internals: `code spans`, camelCase and snake_case names.
fn internal_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '`')) {
        let w = w.trim_matches('`');
        let camel = w.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && w.chars().any(|c| c.is_ascii_uppercase());
        let snake = w.contains('_') && w.chars().any(|c| c.is_ascii_alphabetic());
        if (camel || snake) && !out.iter().any(|x| x == w) {
            out.push(w.to_owned());
        }
    }
    if text.contains('`') && out.is_empty() {
        out.push("`…`".to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::internal_words;

    #[test]
    fn internal_words_are_field_names() {
        assert_eq!(
            internal_words("결제 승인 응답의 paymentKey가 없습니다"),
            ["paymentKey"]
        );
        assert_eq!(internal_words("order_id가 비었습니다"), ["order_id"]);
        assert!(internal_words("결제 시간이 만료되었습니다. ISP 결제가 필요합니다.").is_empty());
    }
}
