//! Locale-keyed texts (`message`, `title`, `explanation` …): known locales, no empty text,
//! the default locale present, missing translations filled from it (a warning).

use std::ops::Range;

use super::{Validator, Written, at, empty_text, quoted_list, unknown};
use crate::diagnostic::{Diagnostic, FileId, Msg, Rule};
use crate::model::Text;
use crate::raw::{RawText, S};

impl Validator<'_> {
    /// Checks a locale-keyed text; returns one value per locale with fallbacks applied.
    /// `what` names the key for messages (`message`, `title` …). `None` if unusable.
    pub(super) fn text(
        &mut self,
        file: FileId,
        raw: &S<RawText>,
        what: &str,
    ) -> Option<(Text, Written)> {
        let mut per_locale: Written = vec![None; self.locales.len()];
        let mut ok = true;
        for (k, v) in &raw.get_ref().0 {
            // `message = "..."` is the default locale's text.
            let (key, key_span, value_span) = if k.get_ref().is_empty() {
                (self.locales[0].clone(), raw.span(), raw.span())
            } else {
                (k.get_ref().clone(), k.span(), v.span())
            };
            match self.locales.iter().position(|l| *l == key) {
                Some(i) => {
                    if v.get_ref().trim().is_empty() {
                        ok = false;
                        self.push(empty_locale_text(file, value_span.clone(), what, &key));
                    }
                    per_locale[i] = Some((value_span, v.get_ref().clone()));
                }
                None => {
                    ok = false;
                    let d = self.unknown_locale(file, key_span, what, &key);
                    self.push(d);
                }
            }
        }
        let Some((_, default_text)) = per_locale[0].clone() else {
            self.push(self.no_default_text(file, raw, what));
            return None;
        };
        let text = self.fill_fallbacks(file, raw, what, &per_locale, &default_text);
        ok.then_some((text, per_locale))
    }

    /// [`Self::text`] of an optional key; `Err` if it is written and unusable.
    pub(super) fn opt_text(
        &mut self,
        file: FileId,
        raw: &Option<S<RawText>>,
        what: &str,
    ) -> Result<Option<Text>, ()> {
        match raw {
            None => Ok(None),
            Some(r) => self.text(file, r, what).map(|(t, _)| Some(t)).ok_or(()),
        }
    }

    fn unknown_locale(
        &self,
        file: FileId,
        key_span: Range<usize>,
        what: &str,
        key: &str,
    ) -> Diagnostic {
        let locales: Vec<&str> = self.locales.iter().map(String::as_str).collect();
        let list = quoted_list(locales.iter().copied());
        unknown(
            Rule::UnknownLocale,
            at(file, key_span),
            Msg::new(
                format!("카탈로그에 없는 언어 `{key}`입니다"),
                format!("`{key}` is not a locale of the catalog"),
            ),
            Some(Msg::new("알 수 없는 언어", "unknown locale")),
            key,
            &locales,
            |s| format!("`{what}.{s}`"),
        )
        .help(Msg::new(
            format!("catalog.toml의 locales에 있는 언어만 씁니다: {list}"),
            format!("use a locale listed in catalog.toml: {list}"),
        ))
    }

    fn no_default_text(&self, file: FileId, raw: &S<RawText>, what: &str) -> Diagnostic {
        let default = &self.locales[0];
        let example = format!("{what}.{default} = \"...\"");
        Diagnostic::new(
            Rule::MissingKey,
            at(file, raw.span()),
            Msg::new(
                format!("기본 언어({default})의 `{what}`이(가) 없습니다"),
                format!("`{what}` has no text in the default locale ({default})"),
            ),
        )
        .help(Msg::new(
            format!("기본 언어 글을 쓰세요: {example}"),
            format!("add the default text: {example}"),
        ))
    }

    /// One value per locale: the written one, or the default text with a warning.
    fn fill_fallbacks(
        &mut self,
        file: FileId,
        raw: &S<RawText>,
        what: &str,
        per_locale: &Written,
        default_text: &str,
    ) -> Text {
        let default = self.locales[0].clone();
        let mut values = Vec::with_capacity(self.locales.len());
        let mut translated = Vec::with_capacity(self.locales.len());
        for (i, slot) in per_locale.iter().enumerate() {
            if let Some((_, t)) = slot {
                values.push(t.clone());
                translated.push(true);
                continue;
            }
            let l = self.locales[i].clone();
            self.push(
                Diagnostic::new(
                    Rule::MissingTranslation,
                    at(file, raw.span()),
                    Msg::new(
                        format!("`{what}`의 {l} 번역이 없어 {default} 글을 대신 씁니다"),
                        format!("`{what}` has no {l} text; the {default} text is used instead"),
                    ),
                )
                .help(Msg::new(
                    format!("번역을 넣으세요: {what}.{l} = \"...\""),
                    format!("add it: {what}.{l} = \"...\""),
                )),
            );
            values.push(default_text.to_owned());
            translated.push(false);
        }
        Text { values, translated }
    }
}

/// An empty text in one locale; required keys say so (removing them is no fix).
fn empty_locale_text(file: FileId, span: Range<usize>, what: &str, key: &str) -> Diagnostic {
    let mut d = empty_text(file, span, &format!("{what}.{key}"));
    if matches!(what, "message" | "title") {
        d.help = vec![Msg::new(
            format!("{what}.{key}에 글을 쓰세요 (꼭 있어야 하는 키입니다)"),
            format!("write the {key} text of `{what}` (the key is required)"),
        )];
    }
    d
}
