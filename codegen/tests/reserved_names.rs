//! A domain is the module `payment_errors::<domain>`, so its id may not be a name the crate
//! root already has, nor a crate the code refers to by path. The list the validator uses
//! (`ident::CRATE_ROOT_NAMES`, `ident::CRATE_NAMES`) is checked here against what the crate
//! really exports and refers to: `payment-errors/src/lib.rs` and the generated
//! `src/catalog.rs` parsed with syn, and `payment-errors/Cargo.toml`. Then every reserved name
//! is tried as a domain file: `errspec check` refuses it with E016, saying why and what to
//! rename the file to.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::ident::{self, CRATE_NAMES, CRATE_ROOT_NAMES, NameProblem};
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use syn::{Item, UseTree};

fn runtime() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../payment-errors")
}

fn parse(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// The domain ids of the committed catalog: the spec's file stems.
fn domains() -> BTreeSet<String> {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
    std::fs::read_dir(spec)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let stem = p.file_stem()?.to_str()?.to_owned();
            (p.extension()? == "toml" && stem != "catalog").then_some(stem)
        })
        .collect()
}

/// The names a `use` tree binds (`use a::b as c` binds `c`; globs bind nothing nameable).
fn use_names(tree: &UseTree, out: &mut BTreeSet<String>) {
    match tree {
        UseTree::Path(p) => use_names(&p.tree, out),
        UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        UseTree::Rename(r) => {
            out.insert(r.rename.to_string());
        }
        UseTree::Glob(_) => {}
        UseTree::Group(g) => g.items.iter().for_each(|t| use_names(t, out)),
    }
}

/// The name an item binds in its module, if any.
fn item_names(item: &Item, out: &mut BTreeSet<String>) {
    let name = match item {
        Item::Const(i) => i.ident.to_string(),
        Item::Enum(i) => i.ident.to_string(),
        Item::ExternCrate(i) => i.rename.as_ref().map_or(&i.ident, |r| &r.1).to_string(),
        Item::Fn(i) => i.sig.ident.to_string(),
        Item::Macro(i) => match &i.ident {
            Some(id) => id.to_string(),
            None => return,
        },
        Item::Mod(i) => i.ident.to_string(),
        Item::Static(i) => i.ident.to_string(),
        Item::Struct(i) => i.ident.to_string(),
        Item::Trait(i) => i.ident.to_string(),
        Item::Type(i) => i.ident.to_string(),
        Item::Union(i) => i.ident.to_string(),
        Item::Use(u) => return use_names(&u.tree, out),
        _ => return,
    };
    out.insert(name);
}

/// Every name at the root of `payment_errors`: `src/lib.rs` and the generated `src/catalog.rs`
/// (which lib.rs includes), the domain modules aside.
fn root_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let lib = parse(&runtime().join("src/lib.rs"));
    let included = lib.items.iter().any(|i| {
        matches!(i, Item::Macro(m) if m.mac.path.is_ident("include")
            && m.mac.tokens.to_string().contains("catalog.rs"))
    });
    assert!(
        included,
        "lib.rs no longer includes catalog.rs: update this test"
    );
    for item in &lib.items {
        item_names(item, &mut names);
    }
    let domains = domains();
    for item in &parse(&runtime().join("src/catalog.rs")).items {
        if let Item::Mod(m) = item
            && domains.contains(&m.ident.to_string())
        {
            continue;
        }
        item_names(item, &mut names);
    }
    names
}

/// Every name bound by a `use` anywhere in a file (module-local aliases such as `rt`).
fn local_uses(items: &[Item], out: &mut BTreeSet<String>) {
    for item in items {
        match item {
            Item::Use(u) => use_names(&u.tree, out),
            Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    local_uses(items, out);
                }
            }
            _ => {}
        }
    }
}

/// The first segment of every relative path (`a::b`, not `::a::b`) in `tokens`.
fn path_heads(tokens: TokenStream, out: &mut BTreeSet<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let is_sep = |i: usize| {
        matches!((tokens.get(i), tokens.get(i + 1)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':')
    };
    for (i, t) in tokens.iter().enumerate() {
        match t {
            TokenTree::Group(g) => {
                // `a::{b::c, d}`: the heads inside a group after `::` are not path heads.
                let after_sep = i >= 2 && is_sep(i - 2);
                if !(after_sep && g.delimiter() == Delimiter::Brace) {
                    path_heads(g.stream(), out);
                }
            }
            TokenTree::Ident(id) if is_sep(i + 1) && !(i >= 2 && is_sep(i - 2)) => {
                out.insert(id.to_string());
            }
            _ => {}
        }
    }
}

/// Tools whose names appear in attributes (`#[allow(clippy::…)]`); no module shadows them.
const TOOLS: &[&str] = &["clippy", "rustdoc", "rustfmt"];

/// Names the generated code refers to by path, other than its own modules and local `use`s.
fn generated_path_heads() -> BTreeSet<String> {
    let text = std::fs::read_to_string(runtime().join("src/catalog.rs")).unwrap();
    let mut heads = BTreeSet::new();
    path_heads(text.parse().unwrap(), &mut heads);
    let mut local = BTreeSet::new();
    local_uses(&parse(&runtime().join("src/catalog.rs")).items, &mut local);
    let own = domains();
    heads
        .into_iter()
        .filter(|h| !["crate", "self", "super", "Self"].contains(&h.as_str()))
        .filter(|h| !own.contains(h) && !local.contains(h) && !TOOLS.contains(&h.as_str()))
        .collect()
}

/// The runtime's dependencies, as crate names (`axum-core` → `axum_core`).
fn dependencies() -> BTreeSet<String> {
    let text = std::fs::read_to_string(runtime().join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&text).unwrap();
    let deps = manifest["dependencies"].as_table().unwrap();
    deps.iter()
        .map(|(k, v)| {
            let name = v
                .get("package")
                .and_then(|p| p.as_str())
                .map_or(k.as_str(), |_| k.as_str());
            name.replace('-', "_")
        })
        .collect()
}

/// Could `name` be a domain id as far as spelling goes (a file `name.toml`)?
fn spellable(name: &str) -> bool {
    !matches!(
        ident::check_domain_id(name),
        Err(NameProblem::WrongCase(_)
            | NameProblem::NoIdentifier
            | NameProblem::LeadingDigit
            | NameProblem::Keyword)
    )
}

#[test]
fn every_name_at_the_crate_root_is_reserved() {
    let root = root_names();
    let missed: Vec<&String> = root
        .iter()
        .filter(|n| spellable(n) && ident::taken(n).is_none())
        .collect();
    assert!(
        missed.is_empty(),
        "payment_errors has these at its root; add them to ident::CRATE_ROOT_NAMES: {missed:?}"
    );
    let stale: Vec<&&str> = CRATE_ROOT_NAMES
        .iter()
        .filter(|n| !root.contains(**n))
        .collect();
    assert!(
        stale.is_empty(),
        "ident::CRATE_ROOT_NAMES lists names the crate root no longer has: {stale:?}"
    );
}

#[test]
fn every_crate_the_code_names_is_reserved() {
    let heads = generated_path_heads();
    let deps = dependencies();
    let missed: Vec<&String> = heads
        .iter()
        .chain(&deps)
        .filter(|n| spellable(n) && ident::taken(n).is_none())
        .collect();
    assert!(
        missed.is_empty(),
        "the generated code refers to these by path, or the runtime depends on them; add them \
         to ident::CRATE_NAMES: {missed:?}"
    );
    // Besides the dependencies: the built-in crates, the crate itself, and the shared core
    // crate (whether or not it is a dependency yet).
    let fixed = [
        "std",
        "core",
        "alloc",
        "payment_errors",
        "payment_errors_core",
    ];
    let stale: Vec<&&str> = CRATE_NAMES
        .iter()
        .filter(|n| !fixed.contains(n) && !deps.contains(**n))
        .collect();
    assert!(
        stale.is_empty(),
        "ident::CRATE_NAMES lists crates payment-errors no longer depends on: {stale:?}"
    );
}

/// A temporary spec directory with one domain file.
struct Spec(PathBuf);

impl Spec {
    fn with_domain(id: &str) -> Spec {
        let dir =
            std::env::temp_dir().join(format!("errspec-reserved-{}-{id}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let catalog = "[catalog]\nname = \"t\"\nlocales = [\"ko\", \"en\"]\n";
        let domain = "[domain]\ntitle.ko = \"도메인\"\ntitle.en = \"Domain\"\n\n[errors.NOT_FOUND]\nstatus = 404\nmessage.ko = \"없음\"\nmessage.en = \"Not found\"\n";
        std::fs::write(dir.join("catalog.toml"), catalog).unwrap();
        std::fs::write(dir.join(format!("{id}.toml")), domain).unwrap();
        Spec(dir)
    }

    fn check(&self, lang: &str) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
            .args(["check", self.0.to_str().unwrap(), "--lang", lang])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.code().unwrap_or(-1), text)
    }
}

impl Drop for Spec {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn errspec_check_refuses_every_reserved_name_and_says_why() {
    assert!(!Spec::with_domain("fine").check("en").1.contains("E016"));
    for id in CRATE_ROOT_NAMES.iter().chain(CRATE_NAMES) {
        let spec = Spec::with_domain(id);
        let (code, ko) = spec.check("ko");
        assert_eq!(code, 1, "{id}.toml must be refused:\n{ko}");
        assert!(ko.contains(&format!("오류[E016]: `{id}`")), "{id}:\n{ko}");
        assert!(
            ko.contains(&format!("`{id}_api.toml`")),
            "{id}: says what to rename to:\n{ko}"
        );
        let (_, en) = spec.check("en");
        assert!(
            en.contains(&format!("error[E016]: `{id}` cannot be a domain id")),
            "{id}:\n{en}"
        );
        assert!(en.contains(&format!("`{id}_api.toml`")), "{id}:\n{en}");
        let why = if CRATE_NAMES.contains(id) {
            format!("`{id}` is a crate the generated code refers to by path")
        } else {
            format!("the crate already has a `payment_errors::{id}`")
        };
        assert!(en.contains(&why), "{id}: says why:\n{en}");
        assert!(ko.contains("참고"), "{id}: says why in Korean too:\n{ko}");
    }
}
