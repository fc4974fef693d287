//! The serving part of the generated API: per domain the envelope (`ENVELOPE`), the details
//! (`Detail`), the upstream parse result (`Received`), the `ServeError` impl and the web
//! framework impls. Called from [`super::rust`] through a few hooks.
//!
//! Items that use the crate's own `Locale` through `crate::serve` are emitted only into
//! `payment-errors` itself ([`Runtime::InCrate`]); a catalog generated against the extern
//! runtime gets the types (`Detail`, `Received`) but no envelope.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::rust::{Runtime, error_arg, ident, lit, render_args, template_pieces};
use super::rust::{Splices, error_pat, ident_src};
use super::syntax::{Arm, Expr, Pat};
use crate::model::{
    BodyValue, Catalog, DetailDef, Domain, EnvelopeLocale, ErrorDef, FieldType, Member,
    UPSTREAM_CODE, UPSTREAM_MESSAGE,
};
use crate::template::{Segment, Template};

/// Crate-root items: `DOCS_URL`.
pub fn root_tokens(catalog: &Catalog) -> TokenStream {
    let url = match &catalog.docs_url {
        Some(u) => {
            let u = lit(u);
            quote!(Some(#u))
        }
        None => quote!(None),
    };
    quote! {
        /// The docs link template (`catalog.docs_url`): `{domain}` and `{code}` are filled in
        /// for each error (`ServeError::docs_url`, RFC 9457 `type`).
        pub const DOCS_URL: Option<&str> = #url;
    }
}

/// The field a pass-through error's variant carries, and its type.
pub fn carried(e: &ErrorDef) -> Option<(Ident, TokenStream)> {
    let up = ident(e.passthrough.as_ref()?);
    Some((ident("upstream"), quote!(super::#up::Received)))
}

/// The expression a template hole of a pass-through error writes, for the upstream
/// placeholders (`None` for the error's own fields).
pub fn upstream_value(e: &ErrorDef, field: &str) -> Option<TokenStream> {
    e.passthrough.as_ref()?;
    match field {
        UPSTREAM_CODE => Some(quote!(upstream.code())),
        UPSTREAM_MESSAGE => Some(quote!(upstream.message())),
        _ => None,
    }
}

/// The serving items inside a domain module.
pub fn domain_tokens(
    catalog: &Catalog,
    d: &Domain,
    errors: &[&ErrorDef],
    rt: &TokenStream,
    runtime: Runtime,
    splices: &mut Splices<'_>,
) -> TokenStream {
    let received = d.upstream.then(|| received_tokens(d, rt));
    let detail = (!d.details.is_empty()).then(|| detail_tokens(catalog, d, rt));
    let error_type = d
        .has_error_types()
        .then(|| error_type_tokens(errors, rt, splices));
    let example = example_tokens(errors, splices);
    let in_crate =
        (runtime == Runtime::InCrate).then(|| in_crate_tokens(catalog, d, errors, splices));
    quote! {
        #received
        #detail
        #error_type
        #example
        #in_crate
    }
}

fn received_tokens(d: &Domain, rt: &TokenStream) -> TokenStream {
    let doc = lit(&format!(
        " An error as received from the `{}` provider: its code and message exactly as they came.\n\n A code the catalog knows is [`Received::Known`], any other is [`Received::Unknown`]; either\n way nothing is lost. Parse one with [`Received::parse`] or, with the `serde` feature, from\n the provider's `{{\"code\": ..., \"message\": ...}}` JSON.",
        d.id
    ));
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Received {
            /// A code of this domain.
            Known {
                /// The code.
                code: Code,
                /// The message as received.
                message: ::std::string::String,
            },
            /// A code this catalog does not know, kept verbatim.
            Unknown {
                /// The code as received.
                code: ::std::string::String,
                /// The message as received.
                message: ::std::string::String,
            },
        }

        impl Received {
            /// Parses a provider's code and message: never fails, never loses either string.
            pub fn parse(code: &str, message: &str) -> Received {
                match Code::from_code(code) {
                    Some(code) => Received::Known { code, message: message.to_owned() },
                    None => Received::Unknown { code: code.to_owned(), message: message.to_owned() },
                }
            }

            /// The code as received.
            pub fn code(&self) -> &str {
                match self {
                    Received::Known { code, .. } => code.as_str(),
                    Received::Unknown { code, .. } => code,
                }
            }

            /// The message as received.
            pub fn message(&self) -> &str {
                match self {
                    Received::Known { message, .. } | Received::Unknown { message, .. } => message,
                }
            }

            /// The catalog's code, if it knows the code.
            pub fn known(&self) -> Option<Code> {
                match self {
                    Received::Known { code, .. } => Some(*code),
                    Received::Unknown { .. } => None,
                }
            }
        }

        /// `toss error ALREADY_CANCELED_PAYMENT`: the provider and its code. The message is
        /// not repeated: an error that passes this one on shows it in its own message and
        /// returns this one from `source()`, so a report prints each part once (issue 13).
        impl ::core::fmt::Display for Received {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(DOMAIN)?;
                f.write_str(" error ")?;
                f.write_str(self.code())
            }
        }

        impl ::std::error::Error for Received {}

        #rt::impl_received_serde!(Received);
    }
}

fn detail_tokens(catalog: &Catalog, d: &Domain, rt: &TokenStream) -> TokenStream {
    let variants: Vec<Ident> = d.details.iter().map(|x| ident(&x.ident)).collect();
    let decls = d.details.iter().zip(&variants).map(|(x, v)| {
        let doc = lit(&format!(
            " `{}` ({}): {}",
            x.key,
            x.target.as_str(),
            super::rust::doc_escape(&x.message.templates[0].unfilled())
        ));
        let fields = x.fields.iter().map(|f| {
            let n = ident(&f.name);
            let fdoc = lit(&format!(" The `{{{}}}` placeholder.", f.written));
            quote!(#[doc = #fdoc] #n: ::std::string::String)
        });
        quote!(#[doc = #doc] #v { #(#fields,)* })
    });
    let pattern = |x: &DetailDef, v: &Ident| {
        let names = x.fields.iter().map(|f| ident(&f.name));
        quote!(Detail::#v { #(#names),* })
    };
    let key_arms = d.details.iter().zip(&variants).map(|(x, v)| {
        let k = lit(&x.key);
        quote!(Detail::#v { .. } => #k)
    });
    let kind_arms = d.details.iter().zip(&variants).map(|(x, v)| {
        let k = lit(x.target.as_str());
        quote!(Detail::#v { .. } => #k)
    });
    let target_arms = d.details.iter().zip(&variants).map(|(x, v)| {
        let t = ident(x.target.as_str());
        quote!(Detail::#v { #t, .. } => #t)
    });
    let render_arms = d.details.iter().zip(&variants).map(|(x, v)| {
        let pat = pattern(x, v);
        // Every field of a detail is a string.
        let args = x.fields.iter().map(|f| {
            let n = ident(&f.name);
            quote!(#rt::Arg::Str(#n))
        });
        let arg = |f: &str| {
            x.fields
                .iter()
                .position(|x| x.name == f)
                .map(|at| (at, FieldType::String))
        };
        let per_locale = catalog.locales.iter().enumerate().map(|(i, l)| {
            let loc = ident(&crate::ident::locale_variant(l));
            let pieces = template_pieces(&x.message.templates[i], l, &arg).into_iter().map(|p| p.tokens());
            quote!(Locale::#loc => &[#(#pieces),*])
        });
        quote!(#pat => #rt::render(&mut #rt::DynWrite(__w), &[#(#args),*], match __locale { #(#per_locale,)* }))
    });
    quote! {
        /// A field- or header-level detail that can be attached to an error of this domain
        /// (`[details.*]` in the spec), e.g. with `Reply::detail`.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Detail {
            #(#decls,)*
        }

        impl Detail {
            /// The detail's key in the spec (`FIELD_BLANK`).
            pub const fn key(&self) -> &'static str {
                match self { #(#key_arms,)* }
            }

            /// What it is about (`field`, `header` …).
            pub const fn target_kind(&self) -> &'static str {
                match self { #(#kind_arms,)* }
            }

            /// The name of the field or header.
            pub fn target(&self) -> &str {
                match self { #(#target_arms,)* }
            }

            /// The message in `locale`.
            pub fn message(&self, locale: Locale) -> ::std::string::String {
                let mut s = ::std::string::String::new();
                let _ = self.write_message(locale, &mut s);
                s
            }

            /// Writes the message in `locale` into `w`.
            pub fn write_message<W: ::core::fmt::Write + ?Sized>(&self, locale: Locale, w: &mut W) -> ::core::fmt::Result {
                // Fields bound below may be called `locale` or `w` (issue 13).
                let (__locale, __w) = (locale, w);
                match self { #(#render_arms,)* }
            }
        }
    }
}

fn error_type_tokens(
    errors: &[&ErrorDef],
    rt: &TokenStream,
    splices: &mut Splices<'_>,
) -> TokenStream {
    let arms = errors.iter().map(|e| {
        let v = ident(&e.ident);
        let pat = error_pat(e, &ident_src(&e.ident), None);
        let Some(t) = &e.error_type else {
            return Ok(Arm::new(pat, Expr::path("None")));
        };
        let tpl = Template::parse(t).unwrap_or(Template {
            segments: vec![Segment::Text(t.clone())],
        });
        if tpl.is_static() {
            let cow = Expr::call(
                "::std::borrow::Cow::Borrowed",
                vec![Expr::str(&tpl.unfilled())],
            );
            return Ok(Arm::new(pat, Expr::some(cow)));
        }
        let mut binds: Vec<Ident> = e.fields.iter().map(|f| ident(&f.name)).collect();
        if let Some((n, _)) = carried(e) {
            binds.push(n);
        }
        // Numbers go in as digits: an error type is a name, not a sentence.
        let arg = |f: &str| {
            error_arg(e, f).map(|(at, ty)| match ty {
                FieldType::Amount => (at, FieldType::Integer),
                ty => (at, ty),
            })
        };
        let args = render_args(e).into_iter().map(|a| a.tokens());
        let pieces = template_pieces(&tpl, "", &arg)
            .into_iter()
            .map(|p| p.tokens());
        Err(quote!(Error::#v { #(#binds),* } => {
            // `__s`: a field may be called `s` (issue 13).
            let mut __s = ::std::string::String::new();
            let _ = #rt::render(&mut __s, &[#(#args),*], &[#(#pieces),*]);
            Some(::std::borrow::Cow::Owned(__s))
        }))
    });
    let arms = splices.arm_list(arms.collect());
    quote! {
        impl Error {
            /// The error type it reports (`errorType` in responses), placeholders filled;
            /// `None` if the spec gives none.
            pub fn error_type(&self) -> Option<::std::borrow::Cow<'_, str>> {
                match self { #arms }
            }
        }
    }
}

// issue 13: no `From<upstream::Received> for Error`. It could exist only while exactly one
// error passes a provider through and carries nothing else, so adding a second such error (a
// compatible spec change) would silently break every `?` that relied on it. Services build the
// variant by name: `Error::GatewayCancelFailed { upstream }`.

/// `Error::example(code)`: an error of every code with example values, for docs and tests.
fn example_tokens(errors: &[&ErrorDef], splices: &mut Splices<'_>) -> TokenStream {
    let arms = errors.iter().map(|e| {
        if e.passthrough.is_none() {
            return Ok(example_arm(e));
        }
        let v = ident(&e.ident);
        let mut inits: Vec<TokenStream> = example_values(e)
            .into_iter()
            .map(|(n, value)| {
                let (n, value) = (ident(&n), value.tokens());
                quote!(#n: #value)
            })
            .collect();
        if let Some(up) = &e.passthrough {
            let m = ident(up);
            inits.push(quote!(upstream: match super::#m::Code::ALL.first() {
                Some(c) => super::#m::Received::parse(c.as_str(), c.message(Locale::DEFAULT)),
                None => super::#m::Received::parse("CODE", "message"),
            }));
        }
        Err(quote!(Code::#v => Error::#v { #(#inits,)* }))
    });
    let arms = splices.arm_list(arms.collect());
    quote! {
        impl Error {
            /// An error of `code` with example values: each placeholder's `example` from the
            /// spec (else its name), and for a pass-through error the upstream domain's first
            /// code. For docs and tests, not for services (hidden, issue 13).
            #[doc(hidden)]
            pub fn example(code: Code) -> Error {
                match code { #arms }
            }
        }
    }
}

/// `Code::X => Error::X { field: example, … }` for an error that passes nothing through.
fn example_arm(e: &ErrorDef) -> Arm {
    let v = ident_src(&e.ident);
    let inits: Vec<(String, Expr)> = example_values(e)
        .into_iter()
        .map(|(n, value)| (ident_src(&n), value))
        .collect();
    let path = format!("Error::{v}");
    let body = if inits.is_empty() {
        Expr::Path(path)
    } else {
        Expr::Struct(path, inits)
    };
    Arm::new(Pat::Path(format!("Code::{v}")), body)
}

/// Each placeholder's name and example value: its `example` from the spec, else its name
/// (a number: 1000).
fn example_values(e: &ErrorDef) -> Vec<(String, Expr)> {
    e.fields
        .iter()
        .map(|f| {
            let value = match f.ty {
                FieldType::String => Expr::call(
                    "rt::owned",
                    vec![Expr::str(f.example.as_deref().unwrap_or(&f.written))],
                ),
                FieldType::Integer | FieldType::Amount => {
                    let ex = f
                        .example
                        .as_deref()
                        .and_then(|x| x.parse::<i64>().ok())
                        .unwrap_or(1000);
                    Expr::Lit(format!("{ex}i64"))
                }
            };
            (f.name.clone(), value)
        })
        .collect()
}

fn members(ms: &[Member]) -> TokenStream {
    let items = ms.iter().map(|m| {
        let key = lit(&m.key);
        let value = match &m.value {
            BodyValue::Source(s) => {
                // The variant's name (`Source` is fieldless, so `Debug` is exactly that).
                let s = ident(&format!("{s:?}"));
                quote!(crate::serve::Value::Source(crate::serve::Source::#s))
            }
            BodyValue::Text(t) => {
                let t = lit(t);
                quote!(crate::serve::Value::text(#t))
            }
            BodyValue::Int(i) => {
                let i = Literal::i64_unsuffixed(*i);
                quote!(crate::serve::Value::Int(#i))
            }
            BodyValue::Bool(b) => quote!(crate::serve::Value::Bool(#b)),
            BodyValue::Object(inner) => {
                // A nested array is no longer a static's own temporary: give it a static.
                let n = Literal::usize_unsuffixed(inner.len());
                let inner = members(inner);
                quote!(crate::serve::Value::object({
                    static MEMBERS: [crate::serve::Member; #n] = #inner;
                    &MEMBERS
                }))
            }
        };
        quote!(crate::serve::Member::new(#key, #value))
    });
    quote!([#(#items),*])
}

fn in_crate_tokens(
    catalog: &Catalog,
    d: &Domain,
    errors: &[&ErrorDef],
    splices: &mut Splices<'_>,
) -> TokenStream {
    let (envelope_item, envelope_ref) = match &d.envelope {
        Some(env) => {
            let locale = match env.locale {
                EnvelopeLocale::Fixed(i) => {
                    let v = ident(&crate::ident::locale_variant(&catalog.locales[i]));
                    quote!(Some(Locale::#v))
                }
                EnvelopeLocale::Request => quote!(None),
            };
            let indent = match env.indent {
                Some(i) => {
                    let i = Literal::u8_unsuffixed(i);
                    quote!(Some(#i))
                }
                None => quote!(None),
            };
            let body = members(&env.body);
            let body = quote!(&#body);
            (
                quote! {
                    /// The error response body of this domain, as `[envelope]` declares it.
                    /// Internal to the crate's serving code (issue 13: a small public surface).
                    #[doc(hidden)]
                    pub static ENVELOPE: crate::serve::Envelope = crate::serve::Envelope {
                        locale: #locale,
                        indent: #indent,
                        body: #body,
                    };
                },
                quote!(Some(&ENVELOPE)),
            )
        }
        None => (TokenStream::new(), quote!(None)),
    };
    // Errors whose message has values: no fixed message (issue 13, RFC 9457 `title`).
    let templated_arms: Vec<Result<Arm, TokenStream>> = errors
        .iter()
        .filter(|e| !e.fields.is_empty() || e.passthrough.is_some())
        .map(|e| {
            Ok(Arm::new(
                error_pat(e, &ident_src(&e.ident), None),
                Expr::path("None"),
            ))
        })
        .collect();
    let fixed_body = if templated_arms.is_empty() {
        quote!(Some(self.code().template(locale)))
    } else {
        let rest = (templated_arms.len() < errors.len())
            .then(|| quote!(_ => Some(self.code().template(locale)),));
        let arms = splices.arm_list(templated_arms);
        quote!(match self { #arms #rest })
    };
    let detail_ty = if d.details.is_empty() {
        quote!(crate::serve::NoDetail)
    } else {
        quote!(Detail)
    };
    let detail_impl = (!d.details.is_empty()).then(|| {
        quote! {
            impl crate::serve::AttachedDetail for Detail {
                fn target_kind(&self) -> &'static str {
                    Detail::target_kind(self)
                }
                fn target_name(&self) -> &str {
                    Detail::target(self)
                }
                fn write_text(&self, locale: Locale, w: &mut dyn ::core::fmt::Write) -> ::core::fmt::Result {
                    self.write_message(locale, w)
                }
            }
        }
    });
    let reported = if d.has_error_types() {
        quote!(Error::error_type(self))
    } else {
        quote!(None)
    };
    let upstream_arms: Vec<Result<Arm, TokenStream>> = errors
        .iter()
        .filter_map(|e| {
            let up = ident_src(e.passthrough.as_ref()?);
            let call = |r: Expr, m: &str| Expr::MethodCall(Box::new(r), m.into(), vec![]);
            let upstream = || Expr::path("upstream");
            let value = Expr::Struct(
                "crate::serve::Upstream".into(),
                vec![
                    ("domain".into(), Expr::path(format!("super::{up}::DOMAIN"))),
                    ("code".into(), call(upstream(), "code")),
                    ("message".into(), call(upstream(), "message")),
                    ("known".into(), call(call(upstream(), "known"), "is_some")),
                ],
            );
            let pat = Pat::Struct(
                format!("Error::{}", ident_src(&e.ident)),
                vec!["upstream".into()],
                true,
            );
            Some(Ok(Arm::new(pat, Expr::some(value))))
        })
        .collect();
    let upstream_body = if upstream_arms.is_empty() {
        quote!(None)
    } else {
        let arms = splices.arm_list(upstream_arms);
        quote!(match self { #arms _ => None })
    };
    quote! {
        #envelope_item

        /// An error of this domain on its way out: see [`crate::serve::Reply`].
        pub type Reply = crate::serve::Reply<Error>;

        #detail_impl

        // `ServeError` is sealed (issue 13): only the catalog's errors implement it.
        impl crate::serve::sealed::Sealed for Error {}

        impl crate::serve::ServeError for Error {
            type Detail = #detail_ty;

            fn domain(&self) -> &'static str {
                DOMAIN
            }
            fn wire_code(&self) -> &str {
                self.code().as_str()
            }
            fn http_status(&self) -> u16 {
                self.status()
            }
            fn write_localized(&self, locale: Locale, w: &mut dyn ::core::fmt::Write) -> ::core::fmt::Result {
                self.write_message(locale, w)
            }
            fn reported_type(&self) -> Option<::std::borrow::Cow<'_, str>> {
                #reported
            }
            fn is_retryable(&self) -> bool {
                self.code().retryable()
            }
            fn payment(&self) -> Option<crate::payment::Payment> {
                Some(self.code().payment())
            }
            fn upstream(&self) -> Option<crate::serve::Upstream<'_>> {
                #upstream_body
            }
            fn fixed_message(&self, locale: Locale) -> Option<&'static str> {
                // issue 13: RFC 9457's `title` is the same for every occurrence.
                #fixed_body
            }
            fn envelope(&self) -> Option<&'static crate::serve::Envelope> {
                #envelope_ref
            }
        }

        crate::__private::impl_web!(Error);
    }
}
