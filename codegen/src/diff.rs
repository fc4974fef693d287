//! `errspec diff`: what changed between two versions of the spec, classified the way a
//! reviewer needs it — **breaking** (someone who relies on the codes may break) or
//! **compatible** — and whether each breaking change is acknowledged in the spec.
//!
//! Codes are a public API (rustc's rule: a code is never deleted, only retired). Both sides go
//! through the normal pipeline, so the comparison is between two validated [`Catalog`]s; the
//! acknowledgements (`breaking_change_ok`) are read from the raw spec, with their place, by
//! [`side`]. [`review`] renders the result for people (Korean, English; text or Markdown) and
//! machines (JSON).

pub mod review;
pub mod side;

use std::collections::BTreeSet;

use crate::diagnostic::{Lang, Msg};
use crate::emit::docs::ui::Ui;
use crate::emit::facts;
use crate::model::{Catalog, Domain, Entry, ErrorDef, Group, Text};
use crate::report::locale_index;
use side::{Ack, Side};

/// Is a change safe for whoever relies on the codes?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Someone who matches on codes, statuses or fields, or compiles against the crate, may
    /// break.
    Breaking,
    /// Nobody who relies on the codes breaks.
    Compatible,
}

/// Why a removed code and an added one look like one code renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RenameHint {
    /// Both make the same Rust name.
    SameRustName,
    /// Both have the same message in the default locale.
    SameMessage,
}

/// How an optional text changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// There was none.
    Added,
    /// Reworded.
    Changed,
    /// There is none any more.
    Removed,
}

/// What changed. Catalog-wide kinds have neither domain nor code in their [`Change`];
/// domain-wide kinds have no code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the fields are named for what they hold
pub enum Kind {
    // Catalog-wide.
    LocaleRemoved {
        locale: String,
    },
    LocaleAdded {
        locale: String,
    },
    DefaultLocaleChanged {
        old: String,
        new: String,
    },
    DomainRemoved {
        codes: usize,
    },
    DomainAdded {
        codes: usize,
    },
    // Domain-wide.
    CategoryRemoved {
        key: String,
    },
    CategoryAdded {
        key: String,
    },
    OperationRemoved {
        key: String,
    },
    OperationAdded {
        key: String,
    },
    // One code. A rename's code is the new one.
    CodeRemoved,
    CodeRenamed {
        from: String,
        hint: RenameHint,
    },
    CodeAdded {
        status: u16,
    },
    TombstoneAdded,
    TombstoneRemoved,
    RetiredReused {
        next_free: Option<String>,
    },
    CodeRetired {
        was_deprecated: bool,
    },
    StatusChanged {
        old: u16,
        new: u16,
    },
    CategoryChanged {
        old: Option<String>,
        new: Option<String>,
    },
    PlaceholderRemoved {
        name: String,
    },
    PlaceholderRenamed {
        old: String,
        new: String,
    },
    PlaceholderAdded {
        name: String,
    },
    PlaceholderTypeChanged {
        name: String,
        old: String,
        new: String,
    },
    ErrorTypeChanged {
        old: Option<String>,
        new: Option<String>,
    },
    RustNameChanged {
        old: String,
        new: String,
    },
    MessageChanged {
        locale: String,
        old: String,
        new: String,
    },
    TranslationAdded {
        locale: String,
        text: String,
    },
    TranslationRemoved {
        locale: String,
    },
    ExplanationChanged {
        edit: Edit,
        locales: Vec<String>,
    },
    ActionChanged {
        edit: Edit,
        locales: Vec<String>,
    },
    DeprecationAdded {
        replacement: Option<String>,
    },
    DeprecationChanged {
        replacement: Option<String>,
    },
    DeprecationRemoved,
    RetryableChanged {
        now: bool,
    },
    /// The retry policy (`payment.retry`, `retry_after`, `max_attempts`) changed; `looser`:
    /// clients now retry more (sooner, more often, or where they stopped).
    RetryChanged {
        old: String,
        new: String,
        looser: bool,
    },
    /// What the error says happened to the payment changed (`payment.outcome`).
    OutcomeChanged {
        old: String,
        new: String,
    },
    /// Who must act changed (`payment.actor`): advice, not behaviour.
    ActorChanged {
        old: Option<String>,
        new: Option<String>,
    },
    OperationsChanged {
        old: Vec<String>,
        new: Vec<String>,
    },
    /// A fact of the code (`emit::facts`) that has no rule of its own above, as people read it
    /// in the default locale; `None` where the side does not have it.
    FactChanged {
        id: &'static str,
        label: Ui,
        old: Option<String>,
        new: Option<String>,
        breaking: bool,
    },
}

/// Where the `breaking_change_ok` that acknowledges a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AckPlace {
    /// `[catalog]` in `catalog.toml`.
    Catalog,
    /// `[domain]` of the domain's file (for what has no entry any more).
    Domain,
    /// The code's own `[errors."CODE"]` entry.
    Code,
}

impl Kind {
    /// Breaking or compatible.
    pub fn class(&self) -> Class {
        use Kind::*;
        match self {
            LocaleRemoved { .. }
            | DefaultLocaleChanged { .. }
            | DomainRemoved { .. }
            | CategoryRemoved { .. }
            | OperationRemoved { .. }
            | CodeRemoved
            | CodeRenamed { .. }
            | TombstoneRemoved
            | RetiredReused { .. }
            | StatusChanged { .. }
            | CategoryChanged { .. }
            | PlaceholderRemoved { .. }
            | PlaceholderRenamed { .. }
            | PlaceholderAdded { .. }
            | PlaceholderTypeChanged { .. }
            | ErrorTypeChanged { .. }
            | RustNameChanged { .. }
            | FactChanged { breaking: true, .. }
            // Retiring removes the code's `Code` and `Error` variants from the Rust API: a
            // service that named them stops compiling (issue 13). Deprecate first (compatible),
            // retire in a release that bumps the crate's breaking version.
            | CodeRetired { .. }
            | RetryableChanged { now: true }
            | RetryChanged { looser: true, .. }
            | OutcomeChanged { .. } => Class::Breaking,
            LocaleAdded { .. }
            | DomainAdded { .. }
            | CategoryAdded { .. }
            | OperationAdded { .. }
            | CodeAdded { .. }
            | TombstoneAdded
            | MessageChanged { .. }
            | TranslationAdded { .. }
            | TranslationRemoved { .. }
            | ExplanationChanged { .. }
            | ActionChanged { .. }
            | DeprecationAdded { .. }
            | DeprecationChanged { .. }
            | DeprecationRemoved
            | RetryableChanged { now: false }
            | RetryChanged { looser: false, .. }
            | ActorChanged { .. }
            | OperationsChanged { .. }
            | FactChanged {
                breaking: false, ..
            } => Class::Compatible,
        }
    }

    /// Where an acknowledgement of this change is written: in the changed entry itself, or one
    /// level up when the change removed the entry.
    pub fn ack_place(&self) -> AckPlace {
        use Kind::*;
        match self {
            LocaleRemoved { .. }
            | LocaleAdded { .. }
            | DefaultLocaleChanged { .. }
            | DomainRemoved { .. }
            | DomainAdded { .. } => AckPlace::Catalog,
            CategoryRemoved { .. }
            | CategoryAdded { .. }
            | OperationRemoved { .. }
            | OperationAdded { .. }
            | CodeRemoved
            | TombstoneRemoved => AckPlace::Domain,
            _ => AckPlace::Code,
        }
    }

    /// A stable machine name (`status-changed`).
    pub fn slug(&self) -> &'static str {
        use Kind::*;
        match self {
            LocaleRemoved { .. } => "locale-removed",
            LocaleAdded { .. } => "locale-added",
            DefaultLocaleChanged { .. } => "default-locale-changed",
            DomainRemoved { .. } => "domain-removed",
            DomainAdded { .. } => "domain-added",
            CategoryRemoved { .. } => "category-removed",
            CategoryAdded { .. } => "category-added",
            OperationRemoved { .. } => "operation-removed",
            OperationAdded { .. } => "operation-added",
            CodeRemoved => "code-removed",
            CodeRenamed { .. } => "code-renamed",
            CodeAdded { .. } => "code-added",
            TombstoneAdded => "retired-code-recorded",
            TombstoneRemoved => "retired-code-deleted",
            RetiredReused { .. } => "retired-code-reused",
            CodeRetired { .. } => "code-retired",
            StatusChanged { .. } => "status-changed",
            CategoryChanged { .. } => "category-changed",
            PlaceholderRemoved { .. } => "placeholder-removed",
            PlaceholderRenamed { .. } => "placeholder-renamed",
            PlaceholderAdded { .. } => "placeholder-added",
            PlaceholderTypeChanged { .. } => "placeholder-type-changed",
            ErrorTypeChanged { .. } => "error-type-changed",
            RustNameChanged { .. } => "rust-name-changed",
            MessageChanged { .. } => "message-changed",
            TranslationAdded { .. } => "translation-added",
            TranslationRemoved { .. } => "translation-removed",
            ExplanationChanged { .. } => "explanation-changed",
            ActionChanged { .. } => "action-changed",
            DeprecationAdded { .. } => "deprecation-added",
            DeprecationChanged { .. } => "deprecation-changed",
            DeprecationRemoved => "deprecation-removed",
            RetryableChanged { .. } => "retryable-changed",
            RetryChanged { .. } => "retry-changed",
            OutcomeChanged { .. } => "outcome-changed",
            ActorChanged { .. } => "actor-changed",
            OperationsChanged { .. } => "operations-changed",
            FactChanged { .. } => "fact-changed",
        }
    }
}

/// The acknowledgement state of a breaking change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AckState {
    /// Nothing acknowledges it (always so for compatible changes).
    None,
    /// A `breaking_change_ok` written in this change acknowledges it.
    Acknowledged(Ack),
    /// The place has a `breaking_change_ok`, but the old side had the same one: it
    /// acknowledged an earlier change, not this one.
    Stale(Ack),
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The domain, `None` for catalog-wide changes.
    pub domain: Option<String>,
    /// The wire code, for changes of one code.
    pub code: Option<String>,
    /// What changed.
    pub kind: Kind,
    /// Is it acknowledged?
    pub ack: AckState,
}

impl Change {
    /// Breaking or compatible.
    pub fn class(&self) -> Class {
        self.kind.class()
    }

    /// A breaking change nobody acknowledged: it fails the check.
    pub fn blocks(&self) -> bool {
        self.class() == Class::Breaking && !matches!(self.ack, AckState::Acknowledged(_))
    }
}

/// A domain's title in both output languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainInfo {
    /// The domain id.
    pub id: String,
    /// Its title.
    pub title: Msg,
    /// Its file on the new side (the old side's when the domain was removed).
    pub file: String,
}

/// The outcome of comparing two sides.
#[derive(Debug, Clone)]
pub struct Review {
    /// The old side as shown to people (`origin/main:error-spec`).
    pub old: String,
    /// The new side (`error-spec`).
    pub new: String,
    /// `catalog.toml` of the new side.
    pub catalog_file: String,
    /// Every domain of either side.
    pub domains: Vec<DomainInfo>,
    /// Every change: catalog-wide first, then by domain id, each domain's in spec order.
    pub changes: Vec<Change>,
}

impl Review {
    /// Compares two loaded sides and resolves the acknowledgements.
    pub fn new(old: &Side, new: &Side) -> Review {
        let mut changes = compare(&old.catalog, &new.catalog);
        for c in &mut changes {
            c.ack = acknowledgement(c, old, new);
        }
        let mut domains: Vec<DomainInfo> = Vec::new();
        for (side, cat) in [(new, &new.catalog), (old, &old.catalog)] {
            for d in &cat.domains {
                if domains.iter().any(|x| x.id == d.id) {
                    continue;
                }
                domains.push(DomainInfo {
                    id: d.id.clone(),
                    title: Msg::new(
                        d.title.get(locale_index(cat, Lang::Ko)),
                        d.title.get(locale_index(cat, Lang::En)),
                    ),
                    file: side.domain_file(&d.id),
                });
            }
        }
        domains.sort_by(|a, b| a.id.cmp(&b.id));
        Review {
            old: old.label.clone(),
            new: new.label.clone(),
            catalog_file: new.catalog_file(),
            domains,
            changes,
        }
    }

    /// Breaking changes nobody acknowledged.
    pub fn blocking(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.blocks())
    }

    /// Does the check pass (no unacknowledged breaking change)?
    pub fn passes(&self) -> bool {
        self.blocking().next().is_none()
    }

    /// A domain's info.
    pub fn domain(&self, id: &str) -> Option<&DomainInfo> {
        self.domains.iter().find(|d| d.id == id)
    }
}

/// Finds the acknowledgement of a breaking change on the new side, and whether it is new.
fn acknowledgement(c: &Change, old: &Side, new: &Side) -> AckState {
    if c.class() != Class::Breaking {
        return AckState::None;
    }
    let find = |s: &Side| -> Option<Ack> {
        match c.kind.ack_place() {
            AckPlace::Catalog => s.acks.catalog.clone(),
            AckPlace::Domain => c
                .domain
                .as_ref()
                .and_then(|d| s.acks.domains.get(d).cloned()),
            AckPlace::Code => match (&c.domain, &c.code) {
                (Some(d), Some(code)) => s.acks.codes.get(&(d.clone(), code.clone())).cloned(),
                _ => None,
            },
        }
    };
    match (find(new), find(old)) {
        (None, _) => AckState::None,
        (Some(n), Some(o)) if n.text.trim() == o.text.trim() => AckState::Stale(n),
        (Some(n), _) => AckState::Acknowledged(n),
    }
}

/// Every change from `old` to `new`, unacknowledged.
pub fn compare(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    let catalog = |kind| Change {
        domain: None,
        code: None,
        kind,
        ack: AckState::None,
    };
    for l in &old.locales {
        if !new.locales.contains(l) {
            out.push(catalog(Kind::LocaleRemoved { locale: l.clone() }));
        }
    }
    for l in &new.locales {
        if !old.locales.contains(l) {
            out.push(catalog(Kind::LocaleAdded { locale: l.clone() }));
        }
    }
    if old.default_locale() != new.default_locale() {
        out.push(catalog(Kind::DefaultLocaleChanged {
            old: old.default_locale().to_owned(),
            new: new.default_locale().to_owned(),
        }));
    }
    let ids: BTreeSet<&str> = old
        .domains
        .iter()
        .chain(&new.domains)
        .map(|d| d.id.as_str())
        .collect();
    for id in ids {
        let in_domain = |kind| Change {
            domain: Some(id.to_owned()),
            code: None,
            kind,
            ack: AckState::None,
        };
        match (old.domain(id), new.domain(id)) {
            (Some(o), None) => out.push(in_domain(Kind::DomainRemoved {
                codes: o.errors().count(),
            })),
            (None, Some(n)) => out.push(in_domain(Kind::DomainAdded {
                codes: n.errors().count(),
            })),
            (Some(o), Some(n)) => compare_domain(old, new, o, n, &mut out),
            (None, None) => {}
        }
    }
    out
}

fn groups_diff(
    old: &[Group],
    new: &[Group],
    removed: fn(String) -> Kind,
    added: fn(String) -> Kind,
) -> Vec<Kind> {
    let mut out = Vec::new();
    for g in old {
        if !new.iter().any(|x| x.key == g.key) {
            out.push(removed(g.key.clone()));
        }
    }
    for g in new {
        if !old.iter().any(|x| x.key == g.key) {
            out.push(added(g.key.clone()));
        }
    }
    out
}

/// Pairs removed codes with added ones: a removed code and an added one with the same Rust
/// name, or else the same message, are most likely one code renamed on the wire. Returns, per
/// removed code, its added partner and why, and per added code whether it was paired.
#[allow(clippy::type_complexity)]
fn pair_renames(
    oc: &Catalog,
    nc: &Catalog,
    removed: &[&ErrorDef],
    added: &[&ErrorDef],
) -> (Vec<Option<(usize, RenameHint)>>, Vec<bool>) {
    let default_msg = |e: &ErrorDef| e.message.templates[0].unfilled();
    let same_default = oc.default_locale() == nc.default_locale();
    let mut paired: Vec<Option<(usize, RenameHint)>> = vec![None; removed.len()];
    let mut taken = vec![false; added.len()];
    for hint in [RenameHint::SameRustName, RenameHint::SameMessage] {
        for (ri, r) in removed.iter().enumerate() {
            if paired[ri].is_some() {
                continue;
            }
            let hit = added.iter().enumerate().position(|(ai, a)| {
                !taken[ai]
                    && match hint {
                        RenameHint::SameRustName => a.ident == r.ident,
                        RenameHint::SameMessage => {
                            let m = default_msg(r);
                            same_default && !m.trim().is_empty() && m == default_msg(a)
                        }
                    }
            });
            if let Some(ai) = hit {
                taken[ai] = true;
                paired[ri] = Some((ai, hint));
            }
        }
    }
    (paired, taken)
}

/// Each code of the old side: removed (returned, a rename candidate), retired, reused, or
/// compared with its new self.
fn compare_old_codes<'a>(
    oc: &Catalog,
    nc: &Catalog,
    o: &'a Domain,
    n: &Domain,
    out: &mut Vec<Change>,
) -> Vec<&'a ErrorDef> {
    let push = |out: &mut Vec<Change>, code: Option<&str>, kind| {
        out.push(Change {
            domain: Some(o.id.clone()),
            code: code.map(str::to_owned),
            kind,
            ack: AckState::None,
        })
    };
    let mut removed: Vec<&ErrorDef> = Vec::new();
    for old in &o.entries {
        let code = old.code();
        match (old, n.entry(code)) {
            (Entry::Retired(_), None) => push(out, Some(code), Kind::TombstoneRemoved),
            (Entry::Live(oe), None) => removed.push(oe),
            (Entry::Retired(_), Some(Entry::Live(ne))) => {
                let next_free = n.next_free_code(ne.category.as_deref());
                push(out, Some(code), Kind::RetiredReused { next_free });
            }
            (Entry::Retired(_), Some(Entry::Retired(_))) => {} // nothing is generated either way
            (Entry::Live(oe), Some(Entry::Retired(_))) => push(
                out,
                Some(code),
                Kind::CodeRetired {
                    was_deprecated: oe.deprecated.is_some(),
                },
            ),
            (Entry::Live(oe), Some(new @ Entry::Live(ne))) => {
                for k in compare_error(oc, nc, oe, ne) {
                    push(out, Some(code), k);
                }
                for k in compare_facts((o, old), (n, new)) {
                    push(out, Some(code), k);
                }
            }
        }
    }
    removed
}

fn compare_domain(oc: &Catalog, nc: &Catalog, o: &Domain, n: &Domain, out: &mut Vec<Change>) {
    let push = |out: &mut Vec<Change>, code: Option<&str>, kind| {
        out.push(Change {
            domain: Some(o.id.clone()),
            code: code.map(str::to_owned),
            kind,
            ack: AckState::None,
        })
    };
    let categories = groups_diff(
        &o.categories,
        &n.categories,
        |key| Kind::CategoryRemoved { key },
        |key| Kind::CategoryAdded { key },
    );
    let operations = groups_diff(
        &o.operations,
        &n.operations,
        |key| Kind::OperationRemoved { key },
        |key| Kind::OperationAdded { key },
    );
    for k in categories.into_iter().chain(operations) {
        push(out, None, k);
    }

    // Live codes that disappeared and live codes that appeared: candidates for renames.
    let removed = compare_old_codes(oc, nc, o, n, out);
    let mut added: Vec<&ErrorDef> = Vec::new();
    for new in &n.entries {
        if o.entry(new.code()).is_none() {
            match new {
                Entry::Retired(t) => push(out, Some(&t.code), Kind::TombstoneAdded),
                Entry::Live(ne) => added.push(ne),
            }
        }
    }

    let (paired, taken) = pair_renames(oc, nc, &removed, &added);
    for (ri, r) in removed.iter().enumerate() {
        match paired[ri] {
            Some((ai, hint)) => push(
                out,
                Some(&added[ai].code),
                Kind::CodeRenamed {
                    from: r.code.clone(),
                    hint,
                },
            ),
            None => push(out, Some(&r.code), Kind::CodeRemoved),
        }
    }
    for (ai, a) in added.iter().enumerate() {
        if !taken[ai] {
            push(out, Some(&a.code), Kind::CodeAdded { status: a.status });
        }
    }
}

/// The written (not fallback) value of a text in locale `l`.
fn written<'t>(c: &Catalog, t: Option<&'t Text>, l: &str) -> Option<&'t str> {
    let i = c.locales.iter().position(|x| x == l)?;
    let t = t?;
    t.translated[i].then(|| t.get(i))
}

fn text_edit(
    oc: &Catalog,
    nc: &Catalog,
    o: Option<&Text>,
    n: Option<&Text>,
) -> Option<(Edit, Vec<String>)> {
    let locales: Vec<String> = nc
        .locales
        .iter()
        .filter(|l| oc.locales.contains(l))
        .filter(|l| written(oc, o, l) != written(nc, n, l))
        .cloned()
        .collect();
    if locales.is_empty() {
        return None;
    }
    let edit = match (o, n) {
        (None, _) => Edit::Added,
        (_, None) => Edit::Removed,
        _ => Edit::Changed,
    };
    Some((edit, locales))
}

fn compare_error(oc: &Catalog, nc: &Catalog, o: &ErrorDef, n: &ErrorDef) -> Vec<Kind> {
    let mut out = Vec::new();
    if o.status != n.status {
        out.push(Kind::StatusChanged {
            old: o.status,
            new: n.status,
        });
    }
    if o.category != n.category {
        out.push(Kind::CategoryChanged {
            old: o.category.clone(),
            new: n.category.clone(),
        });
    }
    if o.error_type != n.error_type {
        out.push(Kind::ErrorTypeChanged {
            old: o.error_type.clone(),
            new: n.error_type.clone(),
        });
    }
    if o.ident != n.ident {
        out.push(Kind::RustNameChanged {
            old: o.ident.clone(),
            new: n.ident.clone(),
        });
    }

    compare_placeholders(o, n, &mut out);
    compare_texts(oc, nc, o, n, &mut out);
    match (&o.deprecated, &n.deprecated) {
        (None, Some(dep)) => out.push(Kind::DeprecationAdded {
            replacement: dep.replacement.clone(),
        }),
        (Some(_), None) => out.push(Kind::DeprecationRemoved),
        (Some(a), Some(b)) if a.replacement != b.replacement => {
            out.push(Kind::DeprecationChanged {
                replacement: b.replacement.clone(),
            })
        }
        _ => {}
    }
    compare_payment(o, n, &mut out);
    if o.operations != n.operations {
        out.push(Kind::OperationsChanged {
            old: o.operations.clone(),
            new: n.operations.clone(),
        });
    }
    out
}

/// Placeholders, by field name (`bankCode` and `bank_code` are the same field).
fn compare_placeholders(o: &ErrorDef, n: &ErrorDef, out: &mut Vec<Kind>) {
    let gone: Vec<_> = o
        .fields
        .iter()
        .filter(|f| !n.fields.iter().any(|x| x.name == f.name))
        .collect();
    let new_fields: Vec<_> = n
        .fields
        .iter()
        .filter(|f| !o.fields.iter().any(|x| x.name == f.name))
        .collect();
    for (i, f) in gone.iter().enumerate() {
        match new_fields.get(i) {
            Some(nf) => out.push(Kind::PlaceholderRenamed {
                old: f.written.clone(),
                new: nf.written.clone(),
            }),
            None => out.push(Kind::PlaceholderRemoved {
                name: f.written.clone(),
            }),
        }
    }
    for nf in new_fields.iter().skip(gone.len()) {
        out.push(Kind::PlaceholderAdded {
            name: nf.written.clone(),
        });
    }
    for f in &o.fields {
        if let Some(nf) = n.fields.iter().find(|x| x.name == f.name)
            && nf.ty != f.ty
        {
            out.push(Kind::PlaceholderTypeChanged {
                name: nf.written.clone(),
                old: f.ty.as_str().to_owned(),
                new: nf.ty.as_str().to_owned(),
            });
        }
    }
}

/// Messages, per locale both sides have, then explanations and actions.
fn compare_texts(oc: &Catalog, nc: &Catalog, o: &ErrorDef, n: &ErrorDef, out: &mut Vec<Kind>) {
    for (ni, l) in nc.locales.iter().enumerate() {
        let Some(oi) = oc.locales.iter().position(|x| x == l) else {
            continue;
        };
        let (ot, nt) = (o.message.translated[oi], n.message.translated[ni]);
        let (om, nm) = (
            o.message.templates[oi].unfilled(),
            n.message.templates[ni].unfilled(),
        );
        match (ot, nt) {
            (false, true) => out.push(Kind::TranslationAdded {
                locale: l.clone(),
                text: nm,
            }),
            (true, false) => out.push(Kind::TranslationRemoved { locale: l.clone() }),
            (true, true) if om != nm => out.push(Kind::MessageChanged {
                locale: l.clone(),
                old: om,
                new: nm,
            }),
            _ => {}
        }
    }
    if let Some((edit, locales)) = text_edit(oc, nc, o.explanation.as_ref(), n.explanation.as_ref())
    {
        out.push(Kind::ExplanationChanged { edit, locales });
    }
    if let Some((edit, locales)) = text_edit(oc, nc, o.action.as_ref(), n.action.as_ref()) {
        out.push(Kind::ActionChanged { edit, locales });
    }
}

/// The facts that the rules of [`compare_error`] already compare, each in its own words.
const COMPARED_BY_RULE: &[&str] = &[
    "status",
    "domain",
    "category",
    "operations",
    "retryable",
    "outcome",
    "retry",
    "actor",
    "decision",
    "error_type",
    "rust",
];

/// Every other fact of a code (a key added to `emit::facts`), compared as people read it: a
/// new per-error key is reviewed without a rule of its own here.
fn compare_facts(old: (&Domain, &Entry), new: (&Domain, &Entry)) -> Vec<Kind> {
    let (of, nf) = (facts::of(old.0, old.1), facts::of(new.0, new.1));
    let plain = |f: &facts::Fact| f.value.plain("en", 0);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for id in of.iter().chain(&nf).map(|f| f.id) {
        if COMPARED_BY_RULE.contains(&id) || !seen.insert(id) {
            continue;
        }
        let (o, n) = (
            of.iter().find(|f| f.id == id),
            nf.iter().find(|f| f.id == id),
        );
        let (ov, nv) = (o.map(plain), n.map(plain));
        if ov != nv {
            let fact = n.or(o).expect("an id comes from one side");
            out.push(Kind::FactChanged {
                id,
                label: fact.label,
                old: ov,
                new: nv,
                breaking: fact.change == facts::Change::Breaking,
            });
        }
    }
    out
}

/// What the code means for the payment: `retryable` (the older key), the retry policy (a looser
/// one is breaking), the outcome (breaking) and who acts (compatible).
fn compare_payment(o: &ErrorDef, n: &ErrorDef, out: &mut Vec<Kind>) {
    let (op, np) = (&o.payment, &n.payment);
    if o.retryable != n.retryable {
        out.push(Kind::RetryableChanged { now: n.retryable });
    } else if (op.retry, op.retry_after, op.max_attempts)
        != (np.retry, np.retry_after, np.max_attempts)
    {
        out.push(Kind::RetryChanged {
            old: retry_words(op),
            new: retry_words(np),
            looser: looser_retry(op, np),
        });
    }
    if op.outcome != np.outcome {
        out.push(Kind::OutcomeChanged {
            old: op.outcome.as_str().to_owned(),
            new: np.outcome.as_str().to_owned(),
        });
    }
    if op.actor != np.actor {
        out.push(Kind::ActorChanged {
            old: op.actor.map(|a| a.as_str().to_owned()),
            new: np.actor.map(|a| a.as_str().to_owned()),
        });
    }
}

/// A retry policy in the spec's words: `same_key, retry_after 60, max_attempts 3`.
fn retry_words(p: &crate::model::Payment) -> String {
    let mut s = p.retry.as_str().to_owned();
    if let Some(a) = p.retry_after {
        s.push_str(&format!(", retry_after {a}"));
    }
    if let Some(m) = p.max_attempts {
        s.push_str(&format!(", max_attempts {m}"));
    }
    s
}

/// Do clients retry more under `new` than under `old`: a policy that retries where the old
/// one stopped, sooner, or more times?
fn looser_retry(old: &crate::model::Payment, new: &crate::model::Payment) -> bool {
    use crate::model::Retry;
    let rank = |r: Retry| match r {
        Retry::Never => 0,
        Retry::AfterFix => 1,
        Retry::NewKey => 2,
        Retry::SameKey => 3,
    };
    if rank(new.retry) != rank(old.retry) {
        return rank(new.retry) > rank(old.retry);
    }
    let sooner = new.retry_after.unwrap_or(0) < old.retry_after.unwrap_or(0);
    let more = new.max_attempts.unwrap_or(3) > old.max_attempts.unwrap_or(3);
    sooner || more
}
