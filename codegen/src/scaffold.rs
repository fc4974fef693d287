//! `errspec new <domain> [CODE] [--category C] [--status N]`: appends a new error skeleton to a
//! domain file, ready to fill in.
//!
//! The code is the next free one of the domain's `code_format` (one past the highest number any
//! code of the category ever used, retired codes included, so a code is never reused), or the
//! one given. The skeleton holds the required keys: `category` (when the domain has
//! categories), `status` (unless the domain has a `default_status`), and `message` in every
//! catalog locale, left empty so that `errspec check` asks for the text until it is written.
//!
//! The file is only appended to: every byte before the new block stays as it was, comments and
//! layout included. The result is parsed again before it is written, and refused if appending
//! would make the file worse.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::codefmt::CodeFormat;
use crate::diagnostic::{Lang, Msg, did_you_mean};
use crate::load::{Loaded, LoadedDomain};

/// What to add.
#[derive(Debug, Clone, Default)]
pub struct NewError<'a> {
    /// The domain id (the file stem).
    pub domain: &'a str,
    /// The code; `None`: the next free code of the domain's `code_format`.
    pub code: Option<&'a str>,
    /// The category key.
    pub category: Option<&'a str>,
    /// The HTTP status; `None`: the domain's `default_status`, or 400.
    pub status: Option<u16>,
}

/// A planned addition: the file's new text and what was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffold {
    /// The file to write.
    pub path: PathBuf,
    /// Its whole new text: the old text, untouched, then the block.
    pub text: String,
    /// The new code.
    pub code: String,
    /// 1-based line of the new `[errors."..."]` header.
    pub line: usize,
    /// The appended block as shown to people (no leading blank line).
    pub block: String,
    /// The message keys to fill in (`message.ko`, `message.en`).
    pub to_fill: Vec<String>,
    /// Whether the block has a `status` line to check.
    pub has_status: bool,
}

/// The status written when neither `--status` nor the domain's `default_status` gives one.
pub const DEFAULT_STATUS: u16 = 400;

/// Plans the addition of `req` to the spec loaded from `dir`. `Err` says, in both languages,
/// why nothing can be added and what to do.
pub fn plan(dir: &Path, loaded: &Loaded, req: &NewError<'_>) -> Result<Scaffold, Msg> {
    let Some(domain) = loaded.domains.iter().find(|d| d.id == req.domain) else {
        return Err(no_such_domain(loaded, req.domain));
    };
    let path = dir.join(format!("{}.toml", domain.id));
    let text = &loaded.sources.get(domain.file).text;
    let settings = domain.domain.as_ref().map(|d| &d.value);
    let mut used = codes_in(text);
    // Codes deleted outright (not retired) are gone from the file but not from its history.
    let deleted: Vec<String> = codes_in_history(&path)
        .into_iter()
        .filter(|c| !used.contains(c))
        .collect();
    used.extend(deleted.iter().cloned());
    let place = Place {
        domain,
        categories: domain
            .categories
            .iter()
            .map(|c| c.key.get_ref().as_str())
            .collect(),
        format_text: settings
            .and_then(|s| s.code_format.as_ref())
            .map(|f| f.get_ref().as_str())
            .unwrap_or_default(),
        format: code_format(domain)?,
        locales: locales(loaded),
        used,
        deleted,
    };
    let category = place.given_category(req.category)?;
    let (code, category) = match req.code {
        Some(code) => place.given_code(code, category)?,
        None => (place.next_code(category.as_deref())?, category),
    };
    if !place.categories.is_empty() && category.is_none() {
        return Err(place.category_needed());
    }
    let status = match req.status {
        Some(s) if (400..=599).contains(&s) => Some(s),
        Some(s) => {
            return Err(Msg::new(
                format!("HTTP 상태 {s}은(는) 에러 상태가 아닙니다: 400부터 599까지 씁니다"),
                format!("HTTP status {s} is not an error status: use 400 to 599"),
            ));
        }
        None if settings.is_some_and(|s| s.default_status.is_some()) => None,
        None => Some(DEFAULT_STATUS),
    };
    let lines = block_lines(&code, category.as_deref(), status, &place.locales);
    let (new_text, line) = append(text, &lines);
    if !appends_cleanly(text, &new_text, &code) {
        return Err(Msg::new(
            format!(
                "{}.toml 끝에 새 에러를 덧붙이면 파일이 깨집니다 (닫히지 않은 글이나 표가 있습니다). 먼저 errspec check로 고치세요",
                domain.id
            ),
            format!(
                "appending to {}.toml would break it (something at its end is not closed); fix it first (errspec check)",
                domain.id
            ),
        ));
    }
    Ok(Scaffold {
        path,
        text: new_text,
        code,
        line,
        block: lines.join("\n") + "\n",
        to_fill: place
            .locales
            .iter()
            .map(|l| format!("message.{l}"))
            .collect(),
        has_status: status.is_some(),
    })
}

/// What the plan knows about the domain a code is added to.
struct Place<'a> {
    domain: &'a LoadedDomain,
    categories: Vec<&'a str>,
    /// `code_format` as written, and parsed.
    format_text: &'a str,
    format: Option<CodeFormat>,
    locales: Vec<String>,
    /// Every code the domain ever used (the file, retired codes, git history).
    used: Vec<String>,
    /// Codes deleted outright, found in git history only.
    deleted: Vec<String>,
}

/// The domain's `code_format`, parsed; `Err` when it is broken.
fn code_format(domain: &LoadedDomain) -> Result<Option<CodeFormat>, Msg> {
    let settings = domain.domain.as_ref().map(|d| &d.value);
    let Some(f) = settings.and_then(|s| s.code_format.as_ref()) else {
        return Ok(None);
    };
    CodeFormat::parse(f.get_ref()).map(Some).map_err(|_| {
        Msg::new(
            format!(
                "{}.toml의 code_format이 잘못되어 다음 코드를 정할 수 없습니다. 먼저 errspec check로 고치세요",
                domain.id
            ),
            format!(
                "the code_format of {}.toml is broken, so no next code can be found; fix it first (errspec check)",
                domain.id
            ),
        )
    })
}

impl Place<'_> {
    /// `--category`, checked against the domain's categories.
    fn given_category(&self, category: Option<&str>) -> Result<Option<String>, Msg> {
        let Some(c) = category else {
            return Ok(None);
        };
        let id = &self.domain.id;
        if self.categories.is_empty() {
            return Err(Msg::new(
                format!(
                    "{id} 도메인에는 분류([categories.*])가 없습니다. --category 없이 실행하세요"
                ),
                format!(
                    "the {id} domain has no categories ([categories.*]); run without --category"
                ),
            ));
        }
        if !self.categories.contains(&c) {
            return Err(unknown_category(self.domain, c, &self.categories));
        }
        Ok(Some(c.to_owned()))
    }

    fn category_needed(&self) -> Msg {
        category_needed(self.domain, &self.categories, &self.locales[0])
    }

    /// A code given on the command line: new, never used, in the domain's format; with the
    /// category it spells when none was given.
    fn given_code(
        &self,
        code: &str,
        category: Option<String>,
    ) -> Result<(String, Option<String>), Msg> {
        let code = code.trim();
        let id = &self.domain.id;
        if code.is_empty() {
            return Err(Msg::new("코드가 비어 있습니다", "the code is empty"));
        }
        if self.deleted.iter().any(|u| u == code) {
            return Err(Msg::new(
                format!(
                    "코드 `{code}`은(는) 예전에 {id}.toml에 있다가 지워졌습니다 (git 기록). 코드는 한 번 쓰면 다시 쓰지 않습니다. 새 코드를 쓰세요"
                ),
                format!(
                    "code `{code}` was in {id}.toml before and was deleted (git history); a code is never reused, so pick a new one"
                ),
            ));
        }
        if self.used.iter().any(|u| u == code) {
            return Err(Msg::new(
                format!(
                    "코드 `{code}`은(는) {id}.toml에 이미 있습니다. 코드는 한 번 쓰면 (폐기한 뒤에도) 다시 쓰지 않습니다"
                ),
                format!(
                    "code `{code}` already exists in {id}.toml; a code is never reused, even after it is retired"
                ),
            ));
        }
        let Some(f) = &self.format else {
            return Ok((code.to_owned(), category));
        };
        let Some(parts) = f.matches(code, &self.categories) else {
            return Err(self.off_format(f, code, category.as_deref()));
        };
        if let (Some(found), Some(given)) = (&parts.category, &category)
            && found != given
        {
            return Err(Msg::new(
                format!("코드 `{code}`의 분류 부분은 `{found}`인데 --category는 `{given}`입니다"),
                format!("code `{code}` spells category `{found}` but --category is `{given}`"),
            ));
        }
        Ok((code.to_owned(), category.or(parts.category)))
    }

    /// A given code that does not follow the domain's format.
    fn off_format(&self, f: &CodeFormat, code: &str, category: Option<&str>) -> Msg {
        let next = f.next_free(
            category.or(self.categories.first().copied()),
            self.used.iter().map(String::as_str),
            &self.categories,
        );
        let (ko, en) = match next {
            Some(n) => (
                format!(" 코드를 빼면 다음 빈 코드({n})를 씁니다"),
                format!(" Leave the code out to get the next free one ({n})"),
            ),
            None => (String::new(), String::new()),
        };
        let (id, format) = (&self.domain.id, self.format_text);
        Msg::new(
            format!("코드 `{code}`이(가) {id} 도메인의 형식 `{format}`에 맞지 않습니다.{ko}"),
            format!("code `{code}` does not follow the {id} domain's format `{format}`.{en}"),
        )
    }

    /// The next free code of the domain's numbered `code_format`.
    fn next_code(&self, category: Option<&str>) -> Result<String, Msg> {
        let numbered = self.format.as_ref().filter(|f| {
            f.pieces
                .iter()
                .any(|p| matches!(p, crate::codefmt::Piece::Seq(_)))
        });
        let Some(f) = numbered else {
            return Err(Msg::new(
                format!(
                    "{id} 도메인에는 번호가 있는 code_format이 없어 새 코드를 정할 수 없습니다. 코드를 직접 주세요. 예: errspec new {id} NEW_ERROR_CODE",
                    id = self.domain.id
                ),
                format!(
                    "the {id} domain has no numbered code_format, so the new code cannot be chosen for you; give it, e.g. errspec new {id} NEW_ERROR_CODE",
                    id = self.domain.id
                ),
            ));
        };
        if f.has_category() && category.is_none() {
            return Err(self.category_needed());
        }
        f.next_free(category, self.used.iter().map(String::as_str), &self.categories)
            .ok_or_else(|| {
                Msg::new(
                    "이 분류의 번호를 다 써서 형식에 맞는 새 코드가 없습니다. code_format의 자릿수를 늘리는 일은 개발자와 상의하세요",
                    "every number of this category is used up, so no new code fits the format; ask a developer about widening code_format",
                )
            })
    }
}

/// The lines of the new block.
fn block_lines(
    code: &str,
    category: Option<&str>,
    status: Option<u16>,
    locales: &[String],
) -> Vec<String> {
    let mut lines = vec![format!("[errors.{}]", toml_key(code))];
    if let Some(c) = category {
        lines.push(format!("category = {}", toml_string(c)));
    }
    if let Some(s) = status {
        lines.push(format!("status = {s}"));
    }
    for l in locales {
        lines.push(format!("message.{} = \"\"", toml_key(l)));
    }
    lines
}

/// `text` with the block of `lines` appended, in the file's line endings, after one blank
/// line; and the 1-based line of the block's header.
fn append(text: &str, lines: &[String]) -> (String, usize) {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let block = lines.join(nl) + nl;
    // One blank line before the block; end the last line first if it has no line break.
    let sep = if text.is_empty() || text.ends_with(&format!("{nl}{nl}")) {
        String::new()
    } else if text.ends_with('\n') {
        nl.to_owned()
    } else {
        format!("{nl}{nl}")
    };
    let new_text = format!("{text}{sep}{block}");
    let line = new_text[..text.len() + sep.len()].matches('\n').count() + 1;
    (new_text, line)
}

/// Appending must not break the file: same syntax errors as before, and the new code is there.
fn appends_cleanly(text: &str, new_text: &str, code: &str) -> bool {
    let before = DeTable::parse_recoverable(text).1.len();
    let (table, errors) = DeTable::parse_recoverable(new_text);
    let found = table
        .get_ref()
        .get("errors")
        .and_then(|e| match e.get_ref() {
            DeValue::Table(t) => t.get(code),
            _ => None,
        })
        .is_some_and(|v| v.get_ref().is_table());
    errors.len() <= before && found
}

/// The catalog's locales, or `ko`, `en` when `catalog.toml` does not say.
fn locales(loaded: &Loaded) -> Vec<String> {
    let listed: Vec<String> = loaded
        .catalog
        .as_ref()
        .and_then(|c| c.catalog.as_ref())
        .and_then(|c| c.value.locales.as_ref())
        .map(|l| l.get_ref().iter().map(|t| t.get_ref().clone()).collect())
        .unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for l in listed {
        if crate::ident::is_locale_tag(&l) && !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        out = vec!["ko".into(), "en".into()];
    }
    out
}

/// Every code written under `[errors]` in `text`, retired ones included, even those the loader
/// would reject (so that a code that exists in the file is never handed out again).
fn codes_in(text: &str) -> Vec<String> {
    let (table, _) = DeTable::parse_recoverable(text);
    match table.get_ref().get("errors").map(|e| e.get_ref()) {
        Some(DeValue::Table(t)) => t.iter().map(|(k, _)| k.get_ref().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Every code that a `[errors."CODE"]` header ever named in the git history of `file` (renames
/// followed); empty outside a git checkout or without `git`.
fn codes_in_history(file: &Path) -> Vec<String> {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "--format=", "--patch", "--follow", "--"])
        .arg(name)
        .stderr(std::process::Stdio::null())
        .output();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        return Vec::new();
    };
    let mut codes: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix(['+', '-']))
        .filter_map(header_code)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// The code of an `[errors."CODE"]` (or `[errors.CODE]`) header line.
fn header_code(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix("[errors.")?;
    let inner = inner.split('#').next()?.trim_end().strip_suffix(']')?;
    codes_in(&format!("[errors.{inner}]\n")).into_iter().next()
}

/// A TOML key: bare when it is plain ASCII letters, digits and `_`, quoted otherwise (the
/// spec's files quote codes with `-`).
fn toml_key(k: &str) -> String {
    if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        k.to_owned()
    } else {
        toml_string(k)
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn no_such_domain(loaded: &Loaded, id: &str) -> Msg {
    let ids: Vec<&str> = loaded.domains.iter().map(|d| d.id.as_str()).collect();
    let list = ids.join(", ");
    let hint = did_you_mean(id, ids.iter().copied());
    let (ko, en) = match hint {
        Some(h) => (
            format!(" `{h}`을(를) 쓰려던 것인가요?"),
            format!(" Did you mean `{h}`?"),
        ),
        None => (String::new(), String::new()),
    };
    Msg::new(
        format!(
            "`{id}` 도메인이 없습니다 ({}/{id}.toml).{ko} 있는 도메인: {list}. 새 도메인은 error-spec/README.md의 \"도메인 추가\"를 보세요",
            loaded.dir
        ),
        format!(
            "no domain `{id}` ({}/{id}.toml).{en} Domains: {list}. For a new domain see \"도메인 추가\" in error-spec/README.md",
            loaded.dir
        ),
    )
}

fn unknown_category(domain: &LoadedDomain, c: &str, categories: &[&str]) -> Msg {
    let list = categories.join(", ");
    let (ko, en) = match did_you_mean(c, categories.iter().copied()) {
        Some(h) => (
            format!(" `{h}`을(를) 쓰려던 것인가요?"),
            format!(" Did you mean `{h}`?"),
        ),
        None => (String::new(), String::new()),
    };
    Msg::new(
        format!(
            "분류 `{c}`은(는) {} 도메인에 없습니다.{ko} 있는 분류: {list}",
            domain.id
        ),
        format!(
            "category `{c}` is not declared in the {} domain.{en} Categories: {list}",
            domain.id
        ),
    )
}

fn category_needed(domain: &LoadedDomain, categories: &[&str], default_locale: &str) -> Msg {
    let list: Vec<String> = domain
        .categories
        .iter()
        .map(|c| {
            let title = c
                .value
                .title
                .as_ref()
                .and_then(|t| {
                    let texts = &t.get_ref().0;
                    texts
                        .iter()
                        .find(|(k, _)| k.get_ref() == default_locale || k.get_ref().is_empty())
                        .or(texts.first())
                        .map(|(_, v)| v.get_ref().clone())
                })
                .unwrap_or_default();
            if title.is_empty() {
                c.key.get_ref().clone()
            } else {
                format!("{} ({title})", c.key.get_ref())
            }
        })
        .collect();
    let first = categories.first().copied().unwrap_or("C");
    Msg::new(
        format!(
            "분류를 골라 주세요: --category {first}. {} 도메인의 분류: {}",
            domain.id,
            list.join(", ")
        ),
        format!(
            "pick a category: --category {first}. Categories of the {} domain: {}",
            domain.id,
            list.join(", ")
        ),
    )
}

/// What `errspec new` prints after writing: what was added and what to do next.
pub fn report(s: &Scaffold, check_cmd: &str, lang: Lang) -> String {
    let shown = s.path.display();
    let block: String = s.block.lines().map(|l| format!("    {l}\n")).collect();
    let fill = s.to_fill.join(", ");
    let mut steps = Vec::new();
    match lang {
        Lang::Ko => {
            steps.push(format!(
                "{fill}에 메시지를 쓰세요. 비어 있는 동안은 errspec check가 오류로 알려 줍니다."
            ));
            if s.has_status {
                steps.push(
                    "status(HTTP 상태)가 맞는지 확인하세요: 요청한 쪽 잘못이면 4xx, 우리 쪽이나 연동사 잘못이면 5xx입니다."
                        .to_owned(),
                );
            }
            steps.push(
                "필요하면 explanation(무슨 뜻인지), action(어떻게 하면 되는지), operations를 더하세요 (error-spec/README.md)."
                    .to_owned(),
            );
            steps.push(format!("확인하세요: {check_cmd}"));
            let mut out = format!(
                "새 에러 코드 {}: {shown}의 {}번째 줄에 덧붙였습니다.\n\n{block}\n다음 단계:\n",
                s.code, s.line
            );
            for (i, step) in steps.iter().enumerate() {
                out.push_str(&format!("  {}. {step}\n", i + 1));
            }
            out
        }
        Lang::En => {
            steps.push(format!(
                "Write the message in {fill}; errspec check reports it as an error while it is empty."
            ));
            if s.has_status {
                steps.push(
                    "Check the status (HTTP): 4xx when the caller is at fault, 5xx when we or the provider are."
                        .to_owned(),
                );
            }
            steps.push(
                "Add explanation (what it means), action (what to do) and operations if useful (error-spec/README.md)."
                    .to_owned(),
            );
            steps.push(format!("Check: {check_cmd}"));
            let mut out = format!(
                "New error code {}: appended to {shown} at line {}.\n\n{block}\nNext steps:\n",
                s.code, s.line
            );
            for (i, step) in steps.iter().enumerate() {
                out.push_str(&format!("  {}. {step}\n", i + 1));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = "[catalog]\nname = \"x\"\nlocales = [\"ko\", \"en\", \"ja\"]\n";

    fn plan_for(domain: &str, req: NewError<'_>) -> Result<Scaffold, Msg> {
        let loaded = crate::load::load_files(
            "spec",
            vec![
                ("catalog.toml".into(), CATALOG.as_bytes().to_vec()),
                ("d.toml".into(), domain.as_bytes().to_vec()),
            ],
        );
        plan(Path::new("spec"), &loaded, &req)
    }

    const FORMATTED: &str = "[domain]\ntitle.ko = \"d\"\ncode_format = \"D{seq:3}\"\ndefault_status = 500\n\n[errors.D007]\nretired = {}";

    #[test]
    fn no_final_newline_and_every_locale() {
        let s = plan_for(
            FORMATTED,
            NewError {
                domain: "d",
                ..NewError::default()
            },
        )
        .unwrap();
        assert_eq!(s.code, "D008");
        assert_eq!(
            s.text,
            format!(
                "{FORMATTED}\n\n[errors.D008]\nmessage.ko = \"\"\nmessage.en = \"\"\nmessage.ja = \"\"\n"
            )
        );
        assert_eq!(s.line, 9);
        assert!(!s.has_status, "the domain's default_status applies");
    }

    #[test]
    fn crlf_files_get_crlf() {
        let text = FORMATTED.replace('\n', "\r\n") + "\r\n";
        let s = plan_for(
            &text,
            NewError {
                domain: "d",
                status: Some(503),
                ..NewError::default()
            },
        )
        .unwrap();
        assert_eq!(
            &s.text[text.len()..],
            "\r\n[errors.D008]\r\nstatus = 503\r\nmessage.ko = \"\"\r\nmessage.en = \"\"\r\nmessage.ja = \"\"\r\n"
        );
    }

    #[test]
    fn a_file_ending_inside_a_string_is_not_appended_to() {
        let text = format!("{FORMATTED}\n[errors.D009]\nmessage.ko = \"\"\"\nunclosed\n");
        let e = plan_for(
            &text,
            NewError {
                domain: "d",
                ..NewError::default()
            },
        )
        .unwrap_err();
        assert!(e.ko.contains("깨집니다"), "{e:?}");
    }

    #[test]
    fn odd_codes_are_quoted() {
        let s = plan_for(
            "[domain]\ntitle.ko = \"d\"\n",
            NewError {
                domain: "d",
                code: Some("결제 \"실패\""),
                ..NewError::default()
            },
        )
        .unwrap();
        assert!(
            s.text
                .contains("[errors.\"결제 \\\"실패\\\"\"]\nstatus = 400\n"),
            "{}",
            s.text
        );
    }

    #[test]
    fn history_headers_name_their_code() {
        assert_eq!(
            header_code("[errors.\"EBP-C-0012\"]").as_deref(),
            Some("EBP-C-0012")
        );
        assert_eq!(
            header_code("  [errors.NOT_FOUND] # gone").as_deref(),
            Some("NOT_FOUND")
        );
        assert_eq!(header_code("[errors.'a.b']").as_deref(), Some("a.b"));
        assert_eq!(header_code("[errors.\"X\".fields]").as_deref(), Some("X"));
        assert_eq!(header_code("[domain]"), None);
        assert_eq!(header_code("message.ko = \"[errors.X]\""), None);
    }

    #[test]
    fn keys_and_strings() {
        assert_eq!(toml_key("NOT_FOUND"), "NOT_FOUND");
        assert_eq!(toml_key("EBP-C-0001"), "\"EBP-C-0001\"");
        assert_eq!(toml_key("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(toml_string("x\u{7}"), "\"x\\u0007\"");
    }
}
