//! One `[errors."CODE"]` entry (its Rust name, category, code format, status, operations …)
//! and the codes of a domain together (Rust names that collide).

use std::collections::BTreeMap;

use super::domain::name_problem_words;
use super::{Validator, at, empty_text, missing_key, quoted_list, quoted_list_or_none, unknown};
use crate::codefmt::CodeFormat;
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule};
use crate::ident::{self, NameProblem};
use crate::load::{Entry as RawEntry, LoadedDomain};
use crate::model::{Entry, ErrorDef, Tombstone};
use crate::raw::{RawError, S};

/// What an error entry is checked against: its domain's declarations.
pub(super) struct ErrorCtx<'a> {
    pub file: FileId,
    pub cat_keys: &'a [&'a str],
    pub op_keys: &'a [&'a str],
    pub code_format: Option<&'a CodeFormat>,
    pub default_status: Option<u16>,
    pub prefix: &'a str,
    pub all_codes: &'a [&'a str],
}

impl Validator<'_> {
    /// Every entry of a domain's `[errors]`; `None` if any has an error.
    pub(super) fn errors(
        &mut self,
        d: &LoadedDomain,
        cat_keys: &[&str],
        op_keys: &[&str],
        code_format: Option<&CodeFormat>,
        default_status: Option<u16>,
        prefix: &str,
    ) -> Option<Vec<Entry>> {
        let all_codes: Vec<&str> = d.errors.iter().map(|e| e.key.get_ref().as_str()).collect();
        let ctx = ErrorCtx {
            file: d.file,
            cat_keys,
            op_keys,
            code_format,
            default_status,
            prefix,
            all_codes: &all_codes,
        };
        let mut out = Vec::new();
        let mut ok = true;
        let mut idents: BTreeMap<String, &S<String>> = BTreeMap::new();
        for e in &d.errors {
            let def = self.error(&ctx, e);
            if let Some(Entry::Live(def)) = &def {
                match idents.get(&def.ident) {
                    Some(first) => {
                        ok = false;
                        self.push(name_collision(d.file, first, e, def, out.len() + 1));
                    }
                    None => {
                        idents.insert(def.ident.clone(), &e.key);
                    }
                }
            }
            match def {
                Some(def) => out.push(def),
                None => ok = false,
            }
        }
        ok &= self.replacements(d, &out, &all_codes);
        ok.then_some(out)
    }

    fn error(&mut self, ctx: &ErrorCtx<'_>, e: &RawEntry<RawError>) -> Option<Entry> {
        let file = ctx.file;
        let code = e.key.get_ref().clone();
        let raw = &e.value;
        let retired = raw.retired.is_some();
        let mut ok = self.not_both_deprecated_and_retired(file, e);
        let ident = self.error_ident(ctx, e);
        ok &= ident.is_some();
        let category = self.error_category(ctx, e, &mut ok);
        if let (Some(cf), false) = (ctx.code_format, retired && raw.category.is_none()) {
            ok &= self.code_format(ctx, cf, e, category.as_deref());
        }
        // A tombstone needs no status or message: `None` is an error only where one was due.
        let status = self.error_status(ctx, e);
        ok &= status.is_some() || (retired && e.value.status.is_none());
        let mut message = self.error_message(file, e);
        ok &= message.is_some() || (retired && raw.message.is_none());
        let passthrough = self.error_serving(file, raw, message.as_mut().map(|(_, f)| f));
        ok &= passthrough.is_some();
        let explanation = self.opt_text(file, &raw.explanation, "explanation");
        let action = self.opt_text(file, &raw.action, "action");
        ok &= explanation.is_ok() && action.is_ok();
        let operations = self.operations(ctx, raw, &mut ok);
        if let Some(t) = &raw.error_type
            && t.get_ref().trim().is_empty()
        {
            ok = false;
            self.push(empty_text(file, t.span(), "error_type"));
        }
        ok &= self.acknowledgement(file, &raw.breaking_change_ok);
        let deprecated = self.deprecation(file, raw);
        let retirement = self.retirement(file, raw);
        if !ok {
            return None;
        }
        let error_type = raw.error_type.as_ref().map(|t| t.get_ref().clone());
        if let Some(retirement) = retirement.ok()? {
            return Some(Entry::Retired(Tombstone {
                code,
                category,
                status,
                message: message.map(|(m, _)| m),
                explanation: explanation.ok()?,
                action: action.ok()?,
                operations,
                error_type,
                retirement,
            }));
        }
        let (message, fields) = message?;
        Some(Entry::Live(ErrorDef {
            code,
            ident: ident??,
            category,
            status: status?,
            message,
            explanation: explanation.ok()?,
            action: action.ok()?,
            operations,
            retryable: raw.retryable.as_ref().is_some_and(|r| *r.get_ref()),
            payment: crate::model::Payment::default_for(status.unwrap_or(0)),
            fields,
            error_type,
            passthrough: passthrough?,
            deprecated: deprecated.ok()?,
        }))
    }

    /// The Rust name: `name`, or one derived from the code; `Some(None)` for a retired code
    /// whose code makes no name (a tombstone needs none); `None` after a diagnostic.
    fn error_ident(
        &mut self,
        ctx: &ErrorCtx<'_>,
        e: &RawEntry<RawError>,
    ) -> Option<Option<String>> {
        let code = e.key.get_ref();
        let Some(n) = &e.value.name else {
            return match ident::variant_from_code(code, ctx.prefix) {
                Ok(i) => Some(Some(i)),
                Err(_) if e.value.retired.is_some() => Some(None),
                Err(p) => {
                    self.push(no_name_from_code(ctx.file, e, &p));
                    None
                }
            };
        };
        let p = match ident::check_variant(n.get_ref()) {
            Ok(()) => return Some(Some(n.get_ref().clone())),
            Err(p) => p,
        };
        let (ko, en) = name_problem_words(&p);
        let d = Diagnostic::new(
            Rule::InvalidName,
            at(ctx.file, n.span()),
            Msg::new(
                format!("`{}`은(는) Rust 이름으로 쓸 수 없습니다: {ko}", n.get_ref()),
                format!("`{}` is not a usable Rust name: {en}", n.get_ref()),
            ),
        );
        self.push(match &p {
            NameProblem::WrongCase(s) => d.help(Msg::new(
                format!("name = \"{s}\" 로 쓰세요"),
                format!("write name = \"{s}\""),
            )),
            _ => d.help(Msg::new(
                "영어 대문자로 시작하는 낙타 표기를 씁니다 (예: \"ValidationFailed\")",
                "use UpperCamelCase starting with a letter (\"ValidationFailed\")",
            )),
        });
        None
    }

    /// `category`: declared by the domain, required when it declares any (a retired code
    /// may omit it).
    fn error_category(
        &mut self,
        ctx: &ErrorCtx<'_>,
        e: &RawEntry<RawError>,
        ok: &mut bool,
    ) -> Option<String> {
        let file = ctx.file;
        let retired = e.value.retired.is_some();
        match (&e.value.category, ctx.cat_keys.is_empty()) {
            (Some(c), false) if ctx.cat_keys.contains(&c.get_ref().as_str()) => {
                Some(c.get_ref().clone())
            }
            (Some(c), false) => {
                *ok = false;
                let list = quoted_list(ctx.cat_keys.iter().copied());
                self.push(
                    unknown(
                        Rule::UnknownCategory,
                        at(file, c.span()),
                        Msg::new(
                            format!("분류 `{}`은(는) 이 도메인에 없습니다", c.get_ref()),
                            format!("category `{}` is not declared in this domain", c.get_ref()),
                        ),
                        Some(Msg::new("없는 분류", "unknown category")),
                        c.get_ref(),
                        ctx.cat_keys,
                        super::ticked,
                    )
                    .help(Msg::new(
                        format!(
                            "쓸 수 있는 분류: {list} (새 분류는 [categories.X]로 먼저 선언합니다)"
                        ),
                        format!(
                            "declared categories: {list} (declare a new one with [categories.X])"
                        ),
                    )),
                );
                None
            }
            (Some(c), true) => {
                *ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::UnknownCategory,
                        at(file, c.span()),
                        Msg::new(
                            "이 도메인에는 분류가 없습니다",
                            "this domain declares no categories",
                        ),
                    )
                    .help(Msg::new(
                        "category를 지우거나 [categories.X]로 분류를 선언하세요",
                        "remove `category`, or declare categories with [categories.X]",
                    )),
                );
                None
            }
            (None, false) if !retired && !e.was_dropped("category") => {
                *ok = false;
                let list = quoted_list(ctx.cat_keys.iter().copied());
                let example = format!("category = \"{}\"", ctx.cat_keys[0]);
                self.push(missing_key(file, e, "category", &example).note(Msg::new(
                    format!("이 도메인의 분류: {list}"),
                    format!("categories of this domain: {list}"),
                )));
                None
            }
            _ => None,
        }
    }

    /// The code follows `code_format`, and the category it spells is its `category`.
    fn code_format(
        &mut self,
        ctx: &ErrorCtx<'_>,
        cf: &CodeFormat,
        e: &RawEntry<RawError>,
        category: Option<&str>,
    ) -> bool {
        let code = e.key.get_ref();
        let Some(parts) = cf.matches(code, ctx.cat_keys) else {
            let next = cf.next_free(
                category.or(ctx.cat_keys.first().copied()),
                ctx.all_codes.iter().copied(),
                ctx.cat_keys,
            );
            self.push(format_mismatch(ctx.file, e, cf, next));
            return false;
        };
        match (&parts.category, category) {
            (Some(found), Some(declared)) if found != declared => {
                let next =
                    cf.next_free(Some(declared), ctx.all_codes.iter().copied(), ctx.cat_keys);
                self.push(category_mismatch(ctx.file, e, found, declared, next));
                false
            }
            _ => true,
        }
    }

    /// `status`, or the domain's `default_status` (a retired code may have neither: `None`
    /// without a diagnostic).
    fn error_status(&mut self, ctx: &ErrorCtx<'_>, e: &RawEntry<RawError>) -> Option<u16> {
        if let Some(s) = &e.value.status {
            return self.status(ctx.file, s);
        }
        match ctx.default_status {
            Some(s) => Some(s),
            None if e.value.retired.is_some() => None,
            None => {
                if !e.was_dropped("status") {
                    self.push(
                        missing_key(ctx.file, e, "status", "status = 400").note(Msg::new(
                            "[domain]에 default_status를 두면 status가 없는 에러는 그 값을 씁니다",
                            "a default_status in [domain] would apply to errors without status",
                        )),
                    );
                }
                None
            }
        }
    }

    /// `operations`: each declared by the domain; repeats are dropped.
    fn operations(&mut self, ctx: &ErrorCtx<'_>, raw: &RawError, ok: &mut bool) -> Vec<String> {
        let mut operations = Vec::new();
        let Some(ops) = &raw.operations else {
            return operations;
        };
        for op in ops.get_ref() {
            let key = op.get_ref();
            if ctx.op_keys.contains(&key.as_str()) {
                if !operations.contains(key) {
                    operations.push(key.clone());
                }
                continue;
            }
            *ok = false;
            let (list, list_en) = quoted_list_or_none(ctx.op_keys);
            self.push(
                unknown(
                    Rule::UnknownOperation,
                    at(ctx.file, op.span()),
                    Msg::new(
                        format!("API 묶음 `{key}`은(는) 이 도메인에 없습니다"),
                        format!("operation `{key}` is not declared in this domain"),
                    ),
                    Some(Msg::new("없는 API 묶음", "unknown operation")),
                    key,
                    ctx.op_keys,
                    super::ticked,
                )
                .help(Msg::new(
                    format!("선언된 API 묶음: {list} (새 묶음은 [operations.X]로 먼저 선언합니다)"),
                    format!(
                        "declared operations: {list_en} (declare a new one with [operations.X])"
                    ),
                )),
            );
        }
        operations
    }

    /// An HTTP status of an error: 400..=599.
    pub(super) fn status(&mut self, file: FileId, s: &S<i64>) -> Option<u16> {
        let v = *s.get_ref();
        if (400..=599).contains(&v) {
            return Some(v as u16);
        }
        let hint = match v {
            200..=399 => Msg::new(
                "성공(2xx)이나 이동(3xx)은 에러가 아닙니다. 클라이언트 잘못이면 4xx, 서버 잘못이면 5xx를 쓰세요",
                "2xx and 3xx are not errors: use 4xx for the caller's fault, 5xx for ours",
            ),
            600..=999 => Msg::new(
                "HTTP 상태는 599까지입니다. 서버 오류라면 500, 외부 연동 오류라면 502를 쓰세요",
                "HTTP statuses stop at 599: use 500 for a server error, 502 for an upstream one",
            ),
            _ => Msg::new(
                "예: 400(잘못된 요청), 401(인증), 403(권한), 404(없음), 409(충돌), 500(서버 오류)",
                "e.g. 400 bad request, 401 unauthenticated, 403 forbidden, 404 not found, 409 conflict, 500 server error",
            ),
        };
        self.push(
            Diagnostic::new(
                Rule::StatusRange,
                at(file, s.span()),
                Msg::new(
                    format!("HTTP 상태 {v}은(는) 에러 상태가 아닙니다"),
                    format!("HTTP status {v} is not an error status"),
                ),
            )
            .label(Msg::new(
                "400부터 599까지만 쓸 수 있습니다",
                "must be within 400..=599",
            ))
            .help(hint),
        );
        None
    }
}

fn name_collision(
    file: FileId,
    first: &S<String>,
    e: &RawEntry<RawError>,
    def: &ErrorDef,
    n: usize,
) -> Diagnostic {
    let other = first.get_ref();
    let code = e.key.get_ref();
    let ident = &def.ident;
    let suggestion = format!("{ident}{n}");
    Diagnostic::new(
        Rule::NameCollision,
        at(file, e.key.span()),
        Msg::new(
            format!("코드 `{other}`와(과) `{code}`이(가) 같은 Rust 이름 `{ident}`이(가) 됩니다"),
            format!("codes `{other}` and `{code}` both become `{ident}` in Rust"),
        ),
    )
    .label(Msg::new("이름이 겹칩니다", "name collides"))
    .related(
        Loc {
            file,
            span: first.span(),
        },
        Msg::new("같은 이름이 되는 코드", "the other code"),
    )
    .help(Msg::new(
        format!("둘 중 하나에 Rust 이름을 따로 주세요: name = \"{suggestion}\""),
        format!("give one of them its own Rust name: name = \"{suggestion}\""),
    ))
}

fn no_name_from_code(file: FileId, e: &RawEntry<RawError>, p: &NameProblem) -> Diagnostic {
    let code = e.key.get_ref();
    let (ko, en) = name_problem_words(p);
    let guess = suggested_name(code);
    Diagnostic::new(
        Rule::InvalidName,
        at(file, e.key.span()),
        Msg::new(
            format!("코드 `{code}`에서 Rust 이름을 만들 수 없습니다: {ko}"),
            format!("no Rust name can be made from code `{code}`: {en}"),
        ),
    )
    .label(Msg::new("이 코드", "this code"))
    .help(Msg::new(
        format!("이 에러에 이름을 주세요: name = \"{guess}\""),
        format!("give the error a name: name = \"{guess}\""),
    ))
    .help(Msg::new(
        "숫자로만 된 코드가 많다면 [domain]에 variant_prefix = \"R\"을 쓰면 모두 R0000처럼 이름이 붙습니다",
        "if many codes are only digits, set variant_prefix = \"R\" in [domain] to name them all (R0000)",
    ))
}

fn format_mismatch(
    file: FileId,
    e: &RawEntry<RawError>,
    cf: &CodeFormat,
    next: Option<String>,
) -> Diagnostic {
    let code = e.key.get_ref();
    let src = format_src(cf);
    let d = Diagnostic::new(
        Rule::CodeFormat,
        at(file, e.key.span()),
        Msg::new(
            format!("코드 `{code}`이(가) 이 도메인의 형식 `{src}`에 맞지 않습니다"),
            format!("code `{code}` does not follow this domain's format `{src}`"),
        ),
    )
    .label(Msg::new(
        "형식에 맞지 않는 코드",
        "does not match code_format",
    ));
    match next {
        Some(n) => d.help(Msg::new(
            format!("다음 빈 코드는 {n}입니다"),
            format!("the next free code is {n}"),
        )),
        None => d,
    }
}

fn category_mismatch(
    file: FileId,
    e: &RawEntry<RawError>,
    found: &str,
    declared: &str,
    next: Option<String>,
) -> Diagnostic {
    let code = e.key.get_ref();
    let mut d = Diagnostic::new(
        Rule::CategoryMismatch,
        at(file, e.key.span()),
        Msg::new(
            format!("코드 `{code}`의 분류 부분은 `{found}`인데 category는 `{declared}`입니다"),
            format!("code `{code}` spells category `{found}` but its category is `{declared}`"),
        ),
    )
    .label(Msg::new(
        format!("분류 `{found}`의 코드"),
        format!("a `{found}` code"),
    ));
    if let Some(c) = &e.value.category {
        d = d.related(
            Loc {
                file,
                span: c.span(),
            },
            Msg::new(
                format!("분류 `{declared}`"),
                format!("category `{declared}`"),
            ),
        );
    }
    d = d.help(Msg::new(
        format!("category = \"{found}\"로 고치거나"),
        format!("either set category = \"{found}\""),
    ));
    if let Some(n) = next {
        d = d.help(Msg::new(
            format!("분류 `{declared}`의 다음 빈 코드 {n}을(를) 쓰세요"),
            format!("or use the next free `{declared}` code, {n}"),
        ));
    }
    d
}

fn format_src(cf: &CodeFormat) -> String {
    use crate::codefmt::Piece;
    cf.pieces
        .iter()
        .map(|p| match p {
            Piece::Lit(l) => l.clone(),
            Piece::Category => "{category}".into(),
            Piece::Seq(None) => "{seq}".into(),
            Piece::Seq(Some(w)) => format!("{{seq:{w}}}"),
        })
        .collect()
}

/// A plausible Rust name for a code that yields none.
pub(super) fn suggested_name(code: &str) -> String {
    use heck::ToUpperCamelCase;
    let ascii: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let camel = ascii.to_upper_camel_case();
    match camel.chars().next() {
        None => "MyError".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("Code{camel}"),
        Some(_) if camel == "Self" => "SelfError".to_owned(),
        Some(_) if ident::is_keyword(&camel) => format!("{camel}Error"),
        Some(_) => camel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names() {
        assert_eq!(suggested_name("0000"), "Code0000");
        assert_eq!(suggested_name("SELF"), "SelfError");
        assert_eq!(suggested_name("결제"), "MyError");
    }
}
