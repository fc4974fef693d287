//! The facts of a code: what every place that shows a code lists about it — the docs site,
//! the Markdown docs, `errspec explain` — and what `errspec diff` compares for keys it has no
//! special rule for.
//!
//! A new per-error key that people should see is one entry in [`of`]: each renderer knows how
//! to show each kind of [`Value`], and the diff classifies a change of the fact by its
//! [`Change`].

use crate::emit::docs::ui::{self, Ui};
use crate::model::{Category, Domain, Entry, Operation};

/// How `errspec explain` says a domain is a provider's, after its name.
const UPSTREAM_LOWER: Ui = Ui {
    ko: "연동사 코드",
    en: "upstream provider",
};

/// One fact of a code.
#[derive(Debug, Clone)]
pub struct Fact<'a> {
    /// A stable id (`status`, `retryable` …): the diff's name for it.
    pub id: &'static str,
    /// How people call it.
    pub label: Ui,
    /// Its value.
    pub value: Value<'a>,
    /// What a change of it means for the code's users.
    pub change: Change,
}

/// The value of a fact, by kind; each renderer shows each kind its own way.
#[derive(Debug, Clone)]
pub enum Value<'a> {
    /// An HTTP status.
    Status(u16),
    /// The code's domain.
    Domain(&'a Domain),
    /// The code's category.
    Category(&'a Category),
    /// The operations the code occurs in.
    Operations(Vec<&'a Operation>),
    /// Yes or no.
    YesNo(bool),
    /// A word of ours, in Korean and English.
    Word(Ui),
    /// Words of ours made for this code, in Korean and English (a payment fact).
    Text {
        /// Korean.
        ko: String,
        /// English.
        en: String,
    },
    /// Spec text shown as code (`errorType`).
    Code(&'a str),
    /// The code's Rust path.
    RustPath(String),
}

/// What a change of a fact means for the code's users (see `errspec diff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Clients that handled the old value may break.
    Breaking,
    /// Wording and other information: nothing breaks.
    Compatible,
}

/// The facts of `e` of domain `d`, in the order people read them. A retired code keeps only
/// what still describes it.
pub fn of<'a>(d: &'a Domain, e: &'a Entry) -> Vec<Fact<'a>> {
    let mut facts = Vec::new();
    let mut push = |id, label, value, change| {
        facts.push(Fact {
            id,
            label,
            value,
            change,
        })
    };
    if let Some(status) = e.status() {
        push(
            "status",
            ui::STATUS,
            Value::Status(status),
            Change::Breaking,
        );
    }
    push("domain", ui::DOMAIN, Value::Domain(d), Change::Breaking);
    if let Some(c) = e.category().and_then(|k| d.category(k)) {
        push(
            "category",
            ui::CATEGORY,
            Value::Category(c),
            Change::Breaking,
        );
    }
    let ops: Vec<&Operation> = e
        .operations()
        .iter()
        .filter_map(|k| d.operation(k))
        .collect();
    if !ops.is_empty() {
        push(
            "operations",
            ui::OPERATIONS,
            Value::Operations(ops),
            Change::Compatible,
        );
    }
    if let Some(live) = e.live() {
        // What it means for the payment: outcome, retry, who acts, what customers see, and
        // what a client does next (`errspec diff` compares outcome and retry by rules of its
        // own: a looser retry policy breaks clients, a stricter one does not).
        let ko = crate::emit::payment::facts(live, true);
        let en = crate::emit::payment::facts(live, false);
        for (k, n) in ko.into_iter().zip(en) {
            let change = match k.key {
                "outcome" | "retry" => Change::Breaking,
                _ => Change::Compatible,
            };
            push(
                k.key,
                Ui {
                    ko: k.label,
                    en: n.label,
                },
                Value::Text {
                    ko: k.value,
                    en: n.value,
                },
                change,
            );
        }
    }
    if let Some(t) = e.error_type() {
        push(
            "error_type",
            ui::ERROR_TYPE,
            Value::Code(t),
            Change::Breaking,
        );
    }
    if let Some(live) = e.live() {
        let path = format!("payment_errors::{}::Code::{}", d.id, live.ident);
        push("rust", ui::RUST, Value::RustPath(path), Change::Breaking);
    }
    facts
}

impl Value<'_> {
    /// The value as plain text in catalog locale `li` (an index into `Catalog::locales`, whose
    /// tag is `tag`): what `errspec explain` prints and `errspec diff` compares.
    pub fn plain(&self, tag: &str, li: usize) -> String {
        match self {
            Value::Status(s) => match crate::emit::docs::status_reason(*s) {
                Some(r) => format!("{s} {r}"),
                None => s.to_string(),
            },
            Value::Domain(d) => {
                let upstream = if d.upstream {
                    format!(", {}", UPSTREAM_LOWER.get(tag))
                } else {
                    String::new()
                };
                format!("{} ({}{upstream})", d.title.get(li), d.id)
            }
            Value::Category(c) => format!("{} {}", c.key, c.title.get(li)),
            Value::Operations(ops) => ops
                .iter()
                .map(|o| format!("{} ({})", o.title.get(li), o.key))
                .collect::<Vec<_>>()
                .join(", "),
            Value::YesNo(b) => (if *b { ui::YES } else { ui::NO }).get(tag).to_owned(),
            Value::Word(w) => w.get(tag).to_owned(),
            Value::Text { ko, en } => {
                if ui::is_korean(tag) {
                    ko.clone()
                } else {
                    en.clone()
                }
            }
            Value::Code(t) => (*t).to_owned(),
            Value::RustPath(p) => p.clone(),
        }
    }
}
