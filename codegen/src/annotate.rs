//! `errspec check --format github|sarif`: the diagnostics for a pull request, without an editor.
//!
//! - `github`: workflow commands (`::error file=…,line=…::…`) that GitHub Actions turns into
//!   annotations on the changed lines.
//! - `sarif`: a SARIF 2.1.0 log (code scanning, and any SARIF viewer); validated against the
//!   published schema by `tests/sarif/validate.mjs`.
//!
//! Same diagnostics, same words as the human output: the title, then `help:`/`note:` lines.

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Lang, Rule, Severity, Sources};

/// The message of a diagnostic: the title, then how to fix it.
fn text(d: &Diagnostic, lang: Lang) -> String {
    crate::lsp::message(d, lang)
}

/// One workflow command per diagnostic.
pub fn github(diags: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some(loc) = &d.primary {
            let f = sources.get(loc.file);
            let (line, col) = f.line_col(loc.span.start);
            let (end_line, end_col) = f.line_col(loc.span.end);
            props.push(format!("file={}", property(&f.path)));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
        props.push(format!(
            "title={}",
            property(&format!("errspec {} {}", d.rule.id(), d.rule.slug()))
        ));
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            data(&text(d, lang))
        ));
    }
    out
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log of one run.
pub fn sarif(diags: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "name": r.slug(),
                "shortDescription": {"text": r.slug().replace('-', " ")},
                "defaultConfiguration": {"level": level(r.severity())},
                "helpUri": "https://github.com/example/payment-errors/blob/main/error-spec/README.md",
            })
        })
        .collect();
    let location = |loc: &crate::diagnostic::Loc, message: Option<&str>| {
        let f = sources.get(loc.file);
        let (line, col) = f.line_col(loc.span.start);
        let (end_line, end_col) = f.line_col(loc.span.end);
        let mut v = json!({
            "physicalLocation": {
                "artifactLocation": {"uri": f.path},
                "region": {
                    "startLine": line,
                    "startColumn": col,
                    "endLine": end_line,
                    "endColumn": end_col.max(if end_line == line { col } else { 1 }),
                },
            },
        });
        if let Some(m) = message {
            v["message"] = json!({"text": m});
        }
        v
    };
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut r = json!({
                "ruleId": d.rule.id(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == d.rule).unwrap_or(0),
                "level": level(d.severity),
                "message": {"text": text(d, lang)},
            });
            if let Some(loc) = &d.primary {
                r["locations"] = json!([location(loc, None)]);
            }
            if !d.related.is_empty() {
                r["relatedLocations"] = Value::Array(
                    d.related
                        .iter()
                        .enumerate()
                        .map(|(i, (loc, m))| {
                            let mut v = location(loc, Some(m.get(lang)));
                            v["id"] = json!(i);
                            v
                        })
                        .collect(),
                );
            }
            r
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "errspec",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/example/payment-errors",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Loc, Msg};

    fn sample() -> (Vec<Diagnostic>, Sources) {
        let mut sources = Sources::default();
        let file = sources.add("error-spec/a,b.toml", "[errors.X]\nstauts = 404\n");
        let d = Diagnostic::new(
            Rule::UnknownKey,
            Some(Loc { file, span: 11..17 }),
            Msg::new("알 수 없는 키", "unknown key: `stauts`"),
        )
        .help(Msg::new("`status`?", "did you mean `status`?\n100%"));
        (vec![d], sources)
    }

    #[test]
    fn github_commands_escape_what_they_must() {
        let (d, s) = sample();
        assert_eq!(
            github(&d, &s, Lang::En),
            "::error file=error-spec/a%2Cb.toml,line=2,col=1,endLine=2,endColumn=7,title=errspec E002 unknown-key::unknown key: `stauts`%0Ahelp: did you mean `status`?%0A100%25\n"
        );
    }

    #[test]
    fn sarif_has_rules_results_and_regions() {
        let (d, s) = sample();
        let v: Value = serde_json::from_str(&sarif(&d, &s, Lang::Ko)).unwrap();
        let run = &v["runs"][0];
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(
            run["tool"]["driver"]["rules"].as_array().unwrap().len(),
            Rule::ALL.len()
        );
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "E002");
        assert_eq!(
            run["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "E002"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            2
        );
        assert!(
            r["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with("알 수 없는 키\n도움말: ")
        );
    }
}
