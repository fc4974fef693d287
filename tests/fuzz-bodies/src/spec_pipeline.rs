//! The whole spec pipeline from bytes: load, validate, render every diagnostic (human and
//! JSON), and on a valid catalog run every emitter (Rust, docs site, Markdown, explain).
//! Input: `catalog.toml`, a line `%%`, then a domain file; without the separator the bytes are
//! the domain file beside a fixed valid `catalog.toml`.
use codegen::diagnostic::{Lang, RenderOptions, render_all};

const CATALOG: &[u8] = b"[catalog]\nname = \"fuzz\"\nlocales = [\"ko\", \"en\"]\ndocs_url = \"https://e.example/{domain}/{code}\"\n";

/// One run of the target.
pub fn body(data: &[u8]) {
    let sep = b"\n%%\n";
    let (catalog, domain) = match data.windows(sep.len()).position(|w| w == sep) {
        Some(at) => (&data[..at], &data[at + sep.len()..]),
        None => (CATALOG, data),
    };
    let files = vec![
        ("catalog.toml".to_owned(), catalog.to_vec()),
        ("fuzz.toml".to_owned(), domain.to_vec()),
    ];
    let checked = codegen::check_loaded(codegen::load::load_files("spec", files));
    for lang in [Lang::Ko, Lang::En] {
        let _ = render_all(
            &checked.diagnostics,
            &checked.sources,
            RenderOptions { lang, color: false },
        );
        for d in &checked.diagnostics {
            let _ = codegen::report::json_line(d, &checked.sources, lang);
        }
        let _ = codegen::report::summary("spec", &checked, lang);
    }
    let Some(catalog) = &checked.catalog else {
        return;
    };
    let _ = codegen::emit::rust::generate(catalog, &codegen::emit::rust::RustOptions::default());
    for format in [
        codegen::emit::docs::Format::Html,
        codegen::emit::docs::Format::Markdown,
    ] {
        let _ = codegen::emit::docs::generate(
            catalog,
            &codegen::emit::docs::Options { format, locale: 0 },
        );
    }
    for d in &catalog.domains {
        for e in &d.entries {
            let _ = codegen::emit::explain::render(catalog, d, e, Lang::Ko);
        }
    }
}
