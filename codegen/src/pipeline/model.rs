//! The validated catalog: what the emitters trust.
//!
//! Architecture invariant: nothing here knows about TOML, spans or files, and nothing here can
//! be invalid — the validator is the only way to build a [`Catalog`], and every emitter takes
//! one and cannot fail. Domains are sorted by id; errors, categories and operations keep spec
//! order (the contract's `Code::ALL` is in spec order).

use crate::template::Template;

mod payment;
pub use payment::{
    Actor, CURRENCIES, Currency, CustomerText, KRW, MapRow, Origin, Outcome, Payment, ProviderMap,
    Retry,
};
mod serve;
pub use serve::{
    BodyValue, DetailDef, Envelope, EnvelopeLocale, Member, Source, TargetKind, UPSTREAM_CODE,
    UPSTREAM_MESSAGE,
};

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// `catalog.name`
    pub name: String,
    /// Locale tags; the first is the default.
    pub locales: Vec<String>,
    /// Link template with `{domain}` and `{code}`.
    pub docs_url: Option<String>,
    /// Domains, sorted by id.
    pub domains: Vec<Domain>,
}

impl Catalog {
    /// The default locale.
    pub fn default_locale(&self) -> &str {
        &self.locales[0]
    }

    /// A domain by id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The docs link of a code, if the catalog has `docs_url` (the runtime's own function).
    pub fn docs_link(&self, domain: &str, code: &str) -> Option<String> {
        let url = self.docs_url.as_ref()?;
        Some(crate::envelope::docs_link(url, domain, code))
    }
}

pub use crate::envelope::percent_encode;

/// A text in every locale of the catalog, fallbacks applied: `values[i]` is for `locales[i]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// One value per catalog locale.
    pub values: Vec<String>,
    /// `translated[i]`: was `values[i]` written in the spec (not a fallback)?
    pub translated: Vec<bool>,
}

impl Text {
    /// The text for locale index `i`.
    pub fn get(&self, i: usize) -> &str {
        &self.values[i]
    }

    /// The default locale's text.
    pub fn default_text(&self) -> &str {
        &self.values[0]
    }
}

/// One domain: an API of ours or a provider's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// The file stem, also the module name.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Description.
    pub description: Option<Text>,
    /// The code grammar, as written.
    pub code_format: Option<String>,
    /// Codes we receive from a provider rather than emit.
    pub upstream: bool,
    /// Categories, in spec order.
    pub categories: Vec<Category>,
    /// Operations, in spec order.
    pub operations: Vec<Operation>,
    /// The entries of `[errors]`, in spec order: live codes and tombstones.
    pub entries: Vec<Entry>,
    /// The error response body, if the domain declares one.
    pub envelope: Option<Envelope>,
    /// Details attachable to its errors, in spec order.
    pub details: Vec<DetailDef>,
    /// Its codes mapped to errors of our domains (a provider's), sorted by receiving domain.
    pub maps: Vec<ProviderMap>,
}

impl Domain {
    /// The live errors (those generated), in spec order.
    pub fn errors(&self) -> impl Iterator<Item = &ErrorDef> {
        self.entries.iter().filter_map(Entry::live)
    }

    /// The retired codes, in spec order.
    pub fn tombstones(&self) -> impl Iterator<Item = &Tombstone> {
        self.entries.iter().filter_map(Entry::tombstone)
    }

    /// A category by key.
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// An operation by key.
    pub fn operation(&self, key: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.key == key)
    }

    /// A live error by wire code.
    pub fn error(&self, code: &str) -> Option<&ErrorDef> {
        self.entry(code).and_then(Entry::live)
    }

    /// An entry (live or retired) by wire code.
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code() == code)
    }

    /// The next free code of `category` under the domain's `code_format`: one past the highest
    /// number any code ever used, retired codes included (a retired code is never reused).
    /// `None` without a `code_format` with a `{seq}`, or when the numbers run out.
    pub fn next_free_code(&self, category: Option<&str>) -> Option<String> {
        let format = crate::codefmt::CodeFormat::parse(self.code_format.as_deref()?).ok()?;
        let categories: Vec<&str> = self.categories.iter().map(|c| c.key.as_str()).collect();
        format.next_free(category, self.entries.iter().map(Entry::code), &categories)
    }

    /// Does any live error carry an `error_type`?
    pub fn has_error_types(&self) -> bool {
        self.errors().any(|e| e.error_type.is_some())
    }
}

/// A named group of errors: a category (`C`) or an operation (`confirm`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The key as the spec writes it.
    pub key: String,
    /// Rust variant name.
    pub ident: String,
    /// Title.
    pub title: Text,
    /// Description.
    pub description: Option<Text>,
}

/// A category of errors.
pub type Category = Group;

/// An API operation errors occur in.
pub type Operation = Group;

/// The type of a placeholder's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// `String` (the default).
    String,
    /// `i64`.
    Integer,
    /// `i64` won, rendered `1,000원` / `KRW 1,000`.
    Amount,
}

impl FieldType {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Amount => "amount",
        }
    }

    /// Every type, for messages.
    pub const ALL: &'static [FieldType] =
        &[FieldType::String, FieldType::Integer, FieldType::Amount];
}

/// A placeholder's field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The Rust field name (`bank_code`).
    pub name: String,
    /// The name as first written in the default message (`bankCode`).
    pub written: String,
    /// Its type.
    pub ty: FieldType,
    /// Personal data, redacted in `Debug`.
    pub pii: bool,
    /// An example value for docs.
    pub example: Option<String>,
    /// The currency of an `amount` (KRW for other types).
    pub currency: Currency,
}

/// A message in every locale, parsed; fallbacks applied.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    /// One template per catalog locale.
    pub templates: Vec<Template>,
    /// `translated[i]`: written in the spec for locale `i`.
    pub translated: Vec<bool>,
}

/// Deprecation of a code that is still emitted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deprecation {
    /// Since when.
    pub since: Option<String>,
    /// The code to use instead.
    pub replacement: Option<String>,
    /// Why.
    pub note: Option<Text>,
}

/// Retirement of a code that is no longer emitted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Retirement {
    /// Since when.
    pub since: Option<String>,
    /// Why.
    pub note: Option<Text>,
}

/// An entry of `[errors]`: a code that is generated, or a retired one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A code that is generated and sent.
    Live(ErrorDef),
    /// A retired code: never generated, its number never handed out again.
    Retired(Tombstone),
}

impl Entry {
    /// The wire code.
    pub fn code(&self) -> &str {
        match self {
            Entry::Live(e) => &e.code,
            Entry::Retired(t) => &t.code,
        }
    }

    /// The live error, if the code is not retired.
    pub fn live(&self) -> Option<&ErrorDef> {
        match self {
            Entry::Live(e) => Some(e),
            Entry::Retired(_) => None,
        }
    }

    /// The tombstone, if the code is retired.
    pub fn tombstone(&self) -> Option<&Tombstone> {
        match self {
            Entry::Live(_) => None,
            Entry::Retired(t) => Some(t),
        }
    }

    /// The retirement, if the code is retired.
    pub fn retired(&self) -> Option<&Retirement> {
        self.tombstone().map(|t| &t.retirement)
    }

    /// The deprecation of a live code.
    pub fn deprecated(&self) -> Option<&Deprecation> {
        self.live().and_then(|e| e.deprecated.as_ref())
    }

    /// The category key, if the entry has one.
    pub fn category(&self) -> Option<&str> {
        match self {
            Entry::Live(e) => e.category.as_deref(),
            Entry::Retired(t) => t.category.as_deref(),
        }
    }

    /// The HTTP status (a tombstone may record none).
    pub fn status(&self) -> Option<u16> {
        match self {
            Entry::Live(e) => Some(e.status),
            Entry::Retired(t) => t.status,
        }
    }

    /// The message (a tombstone may record none).
    pub fn message(&self) -> Option<&Message> {
        match self {
            Entry::Live(e) => Some(&e.message),
            Entry::Retired(t) => t.message.as_ref(),
        }
    }

    /// What it means.
    pub fn explanation(&self) -> Option<&Text> {
        match self {
            Entry::Live(e) => e.explanation.as_ref(),
            Entry::Retired(t) => t.explanation.as_ref(),
        }
    }

    /// What to do.
    pub fn action(&self) -> Option<&Text> {
        match self {
            Entry::Live(e) => e.action.as_ref(),
            Entry::Retired(t) => t.action.as_ref(),
        }
    }

    /// Operation keys.
    pub fn operations(&self) -> &[String] {
        match self {
            Entry::Live(e) => &e.operations,
            Entry::Retired(t) => &t.operations,
        }
    }

    /// The `error_type`, as written.
    pub fn error_type(&self) -> Option<&str> {
        match self {
            Entry::Live(e) => e.error_type.as_deref(),
            Entry::Retired(t) => t.error_type.as_deref(),
        }
    }
}

/// One error code that is generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDef {
    /// The wire code.
    pub code: String,
    /// The Rust variant name.
    pub ident: String,
    /// The category key, if the domain has categories.
    pub category: Option<String>,
    /// HTTP status, 400..=599.
    pub status: u16,
    /// The message.
    pub message: Message,
    /// What it means.
    pub explanation: Option<Text>,
    /// What to do.
    pub action: Option<Text>,
    /// Operation keys.
    pub operations: Vec<String>,
    /// Retrying may succeed (`payment.retryable()`).
    pub retryable: bool,
    /// What it means for the payment, defaults applied.
    pub payment: Payment,
    /// The placeholders' fields, in order of first use in the default message.
    pub fields: Vec<Field>,
    /// The reported exception/error type name, as written (it may use the error's
    /// placeholders, e.g. `{upstreamCode}`).
    pub error_type: Option<String>,
    /// The upstream domain whose received error this error carries (`passthrough`).
    pub passthrough: Option<String>,
    /// Deprecated.
    pub deprecated: Option<Deprecation>,
}

/// A retired code: what its entry still records (all of it optional, since a tombstone needs
/// nothing but its code), for the docs and for `errspec diff`. It has no Rust name, fields or
/// retry flag: nothing is generated for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    /// The wire code.
    pub code: String,
    /// The category key, if the entry gives one.
    pub category: Option<String>,
    /// The HTTP status, if the entry (or the domain's `default_status`) gives one.
    pub status: Option<u16>,
    /// The message, if the entry gives one.
    pub message: Option<Message>,
    /// What it meant.
    pub explanation: Option<Text>,
    /// What to do.
    pub action: Option<Text>,
    /// Operation keys.
    pub operations: Vec<String>,
    /// The `error_type`, as written.
    pub error_type: Option<String>,
    /// Since when, and why.
    pub retirement: Retirement,
}
