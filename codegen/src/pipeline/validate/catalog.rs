//! `catalog.toml`: the catalog's name, its locales and `docs_url`.

use std::collections::BTreeMap;

use super::{Validator, at, empty_text, missing_key};
use crate::diagnostic::{Diagnostic, FileId, Loc, Msg, Rule};
use crate::ident;
use crate::load::Entry;
use crate::raw::{RawCatalog, S};

/// Locales assumed when `catalog.toml` is missing or broken, so the domains still get checked.
const FALLBACK_LOCALES: &[&str] = &["ko", "en"];

const EXAMPLE: &str = "[catalog]\nname = \"payment-errors\"\nlocales = [\"ko\", \"en\"]";

impl Validator<'_> {
    /// Checks `catalog.toml` and sets the catalog's locales (the fallback ones when they
    /// cannot be read); its name and `docs_url` when it has no error.
    pub(super) fn catalog(&mut self) -> Option<(String, Option<String>)> {
        self.locales = FALLBACK_LOCALES.iter().map(|s| (*s).to_owned()).collect();
        let Some(cat) = &self.loaded.catalog else {
            self.push(
                Diagnostic::new(
                    Rule::Catalog,
                    None,
                    Msg::new(
                        format!("`{}`에 catalog.toml이 없습니다", self.loaded.dir),
                        format!("no catalog.toml in `{}`", self.loaded.dir),
                    ),
                )
                .help(Msg::new(
                    format!("catalog.toml을 만들고 다음처럼 쓰세요:\n{EXAMPLE}"),
                    format!("create catalog.toml with:\n{EXAMPLE}"),
                )),
            );
            return None;
        };
        let file = cat.file;
        let Some(entry) = &cat.catalog else {
            self.push(
                Diagnostic::new(
                    Rule::MissingKey,
                    at(file, 0..0),
                    Msg::new(
                        "catalog.toml에 [catalog] 표가 없습니다",
                        "catalog.toml has no [catalog] table",
                    ),
                )
                .help(Msg::new(
                    format!("다음처럼 쓰세요:\n{EXAMPLE}"),
                    format!("write:\n{EXAMPLE}"),
                )),
            );
            return None;
        };
        let name = self.catalog_name(file, entry);
        let mut ok = self.catalog_locales(file, entry);
        let docs_url = entry.value.docs_url.as_ref().map(|u| {
            ok &= self.docs_url(file, u);
            u.get_ref().clone()
        });
        ok &= self.acknowledgement(file, &entry.value.breaking_change_ok);
        match (ok, name) {
            (true, Some(name)) => Some((name, docs_url)),
            _ => None,
        }
    }

    fn catalog_name(&mut self, file: FileId, entry: &Entry<RawCatalog>) -> Option<String> {
        match &entry.value.name {
            Some(n) if !n.get_ref().trim().is_empty() => Some(n.get_ref().clone()),
            Some(n) => {
                self.push(empty_text(file, n.span(), "name"));
                None
            }
            None => {
                if !entry.was_dropped("name") {
                    self.push(missing_key(
                        file,
                        entry,
                        "name",
                        "name = \"payment-errors\"",
                    ));
                }
                None
            }
        }
    }

    /// `locales`: sets `self.locales` when every tag is good.
    fn catalog_locales(&mut self, file: FileId, entry: &Entry<RawCatalog>) -> bool {
        match &entry.value.locales {
            None => {
                if !entry.was_dropped("locales") {
                    self.push(missing_key(
                        file,
                        entry,
                        "locales",
                        "locales = [\"ko\", \"en\"]",
                    ));
                }
                false
            }
            Some(list) if list.get_ref().is_empty() => {
                self.push(
                    Diagnostic::new(
                        Rule::Catalog,
                        at(file, list.span()),
                        Msg::new("언어가 하나도 없습니다", "no locales"),
                    )
                    .help(Msg::new(
                        "첫 번째가 기본 언어입니다: locales = [\"ko\", \"en\"]",
                        "the first is the default: locales = [\"ko\", \"en\"]",
                    )),
                );
                false
            }
            Some(list) => {
                let locales = self.locale_tags(file, list.get_ref());
                let ok = locales.is_some();
                if let Some(locales) = locales {
                    self.locales = locales;
                }
                ok
            }
        }
    }

    /// Every tag of `locales`, when all are tags and none repeats.
    fn locale_tags(&mut self, file: FileId, tags: &[S<String>]) -> Option<Vec<String>> {
        let mut seen = BTreeMap::new();
        let mut locales = Vec::new();
        let mut ok = true;
        for tag in tags {
            let t = tag.get_ref();
            if !ident::is_locale_tag(t) {
                ok = false;
                self.push(not_a_locale_tag(file, tag));
            } else if let Some(first) = seen.insert(t.clone(), tag.span()) {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::Catalog,
                        at(file, tag.span()),
                        Msg::new(
                            format!("언어 `{t}`이(가) 두 번 있습니다"),
                            format!("locale `{t}` is listed twice"),
                        ),
                    )
                    .related(
                        Loc { file, span: first },
                        Msg::new("처음 쓴 곳", "first listed here"),
                    )
                    .help(Msg::new("둘 중 하나를 지우세요", "remove one of them")),
                );
            } else {
                locales.push(t.clone());
            }
        }
        ok.then_some(locales)
    }

    /// `docs_url` fills `{domain}` and `{code}` only.
    fn docs_url(&mut self, file: FileId, u: &S<String>) -> bool {
        let mut ok = true;
        let mut rest = u.get_ref().as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
            let var = &rest[open..close];
            if var != "{domain}" && var != "{code}" {
                ok = false;
                self.push(
                    Diagnostic::new(
                        Rule::DocsUrl,
                        at(file, u.span()),
                        Msg::new(
                            format!("docs_url의 `{var}`은(는) 채울 수 없습니다"),
                            format!("`{var}` in docs_url cannot be filled"),
                        ),
                    )
                    .help(Msg::new(
                        "쓸 수 있는 것: {domain}, {code}",
                        "available: {domain}, {code}",
                    )),
                );
            }
            rest = &rest[close..];
        }
        ok
    }
}

fn not_a_locale_tag(file: FileId, tag: &S<String>) -> Diagnostic {
    let t = tag.get_ref();
    let suggestion = {
        let t = t.replace('_', "-");
        let (lang, rest) = t.split_once('-').unwrap_or((&t, ""));
        if rest.is_empty() {
            lang.to_lowercase()
        } else {
            format!("{}-{rest}", lang.to_lowercase())
        }
    };
    Diagnostic::new(
        Rule::Catalog,
        at(file, tag.span()),
        Msg::new(
            format!("`{t}`은(는) 언어 태그가 아닙니다"),
            format!("`{t}` is not a locale tag"),
        ),
    )
    .label(Msg::new("언어 태그가 와야 합니다", "expected a locale tag"))
    .help(Msg::new(
        format!("\"ko\", \"en\", \"zh-Hant\"처럼 쓰세요 (예: \"{suggestion}\")"),
        format!("write tags like \"ko\", \"en\", \"zh-Hant\" (\"{suggestion}\")"),
    ))
}
