//! `errspec docs`: the site and the Markdown pages, from the repo's spec and from fixtures.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::emit::docs::{self, Format, Options};
use codegen::model::Catalog;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalog(dir: &Path) -> Catalog {
    let checked = codegen::check_dir(dir).expect("spec directory readable");
    checked
        .catalog
        .unwrap_or_else(|| panic!("{} has errors: {:?}", dir.display(), checked.diagnostics))
}

fn repo_catalog() -> Catalog {
    catalog(&manifest_dir().join("../error-spec"))
}

fn fixture(name: &str) -> Catalog {
    catalog(&manifest_dir().join("tests/fixtures").join(name))
}

fn site(c: &Catalog) -> BTreeMap<String, String> {
    docs::generate(c, &Options::default()).into_iter().collect()
}

/// Every `href="…"`/`src="…"` attribute of the tags of an HTML page (not text that looks like
/// one: that is escaped and inert).
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        for (i, _) in html.match_indices(attr) {
            let tag_start = html[..i].rfind('<').unwrap_or(0);
            if html[tag_start..i].contains('>') {
                continue; // in text, not in a tag
            }
            let rest = &html[i + attr.len()..];
            let end = rest.find('"').expect("closed attribute");
            out.push(rest[..end].replace("&amp;", "&"));
        }
    }
    out
}

/// `base`'s folder joined with the relative `link`, `..` resolved, query and fragment dropped.
fn resolve(base: &str, link: &str) -> String {
    let link = link.split(['#', '?']).next().unwrap_or_default();
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn the_site_has_an_index_a_page_per_domain_and_per_code() {
    let c = repo_catalog();
    let files = site(&c);
    assert!(files.contains_key("index.html"));
    assert!(files.contains_key("site-assets/site.css"));
    assert!(files.contains_key("site-assets/site.js"));
    let mut codes = 0;
    for d in &c.domains {
        assert!(
            files.contains_key(&format!("{}/index.html", d.id)),
            "{}",
            d.id
        );
        for e in &d.entries {
            codes += 1;
            let code = e.code();
            let page = &files[&format!("{}/{}/index.html", d.id, code)];
            assert!(page.contains(&format!("<code>{code}</code>")), "{code}");
            // Every locale's message is on the page.
            for (i, _) in c.locales.iter().enumerate() {
                let Some(m) = e.message() else { continue };
                let msg = m.templates[i].unfilled();
                let first_words: String = msg.chars().take_while(|c| *c != '{').collect();
                assert!(
                    page.contains(&codegen::emit::docs::markup::escape_html(
                        first_words.trim()
                    )),
                    "{code}: {msg}"
                );
            }
            // The index lists it.
            assert!(files["index.html"].contains(&format!(">{code}</a>")));
        }
    }
    assert!(codes >= 40, "{codes}");
}

#[test]
fn docs_urls_map_to_pages() {
    // The repository's catalog has no docs_url (issue 13: no made-up address); a company's
    // would look like this.
    let mut c = repo_catalog();
    c.docs_url = Some("https://errors.example.com/{domain}/{code}".to_owned());
    let files = site(&c);
    let base = c.docs_url.as_deref().expect("the catalog has docs_url");
    let prefix = base.split("{domain}").next().unwrap();
    for d in &c.domains {
        for e in &d.entries {
            let link = c.docs_link(&d.id, e.code()).unwrap();
            let path = link.strip_prefix(prefix).unwrap();
            let file = format!("{}/index.html", percent_decode(path));
            assert!(files.contains_key(&file), "{link} → {file}");
            // The page names its permalink, and declares it canonical.
            assert!(files[&file].contains(&format!(r#"<link rel="canonical" href="{link}">"#)));
        }
    }
}

#[test]
fn every_relative_link_leads_to_a_generated_file() {
    for c in [repo_catalog(), fixture("hostile"), fixture("ambiguous")] {
        let files = site(&c);
        for (path, contents) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
            for link in links(contents) {
                if link.starts_with("https://")
                    || link.starts_with("http://")
                    || link.starts_with('#')
                {
                    continue;
                }
                assert!(!link.contains(':'), "{path}: unexpected scheme in {link}");
                let target = resolve(path, &percent_decode(&link));
                assert!(
                    files.contains_key(&target),
                    "{path}: link {link} → {target} does not exist"
                );
            }
        }
    }
}

#[test]
fn the_search_index_is_inline_json() {
    let files = site(&repo_catalog());
    let index = &files["index.html"];
    let start = index
        .find(r#"<script type="application/json" id="errspec-data">"#)
        .expect("search data in the page");
    let json_start = index[start..].find('>').unwrap() + start + 1;
    let json_end = index[json_start..].find("</script>").unwrap() + json_start;
    let data: serde_json::Value = serde_json::from_str(&index[json_start..json_end]).unwrap();
    let codes = data["codes"].as_array().unwrap();
    let session = codes
        .iter()
        .find(|c| c["c"] == "NOT_FOUND_PAYMENT_SESSION")
        .expect("NOT_FOUND_PAYMENT_SESSION indexed");
    assert_eq!(session["d"], "toss");
    assert_eq!(session["s"], 404);
    assert!(session["x"][0].as_str().unwrap().contains("세션"));
    assert!(session["m"][1].as_str().unwrap().contains("session"));
    // No fetch: nothing loads the index from elsewhere.
    assert!(!files["site-assets/site.js"].contains("fetch("));
    assert!(!files["site-assets/site.js"].contains("XMLHttpRequest"));
    assert!(!files["site-assets/site.js"].contains("innerHTML"));
}

#[test]
fn pages_load_nothing_from_the_network() {
    for (path, contents) in site(&repo_catalog()) {
        for link in links(&contents) {
            // Outgoing links are fine; loading (stylesheets, scripts) must be local.
            if link.starts_with("http") {
                assert!(
                    !contents.contains(&format!(r#"src="{link}""#))
                        && !contents.contains(&format!(r#"<link rel="stylesheet" href="{link}""#)),
                    "{path} loads {link}"
                );
            }
        }
        assert!(!contents.contains("@import"), "{path}");
    }
}

#[test]
fn generation_is_deterministic() {
    let c = repo_catalog();
    for format in [Format::Html, Format::Markdown] {
        let opts = Options { format, locale: 0 };
        assert_eq!(docs::generate(&c, &opts), docs::generate(&c, &opts));
    }
}

#[test]
fn pages_open_in_the_language_asked_for() {
    let c = repo_catalog();
    let en = docs::generate(
        &c,
        &Options {
            format: Format::Html,
            locale: 1,
        },
    );
    let index = &en.iter().find(|(p, _)| p == "index.html").unwrap().1;
    assert!(index.contains(r#"<html lang="en" data-lang="en" data-default-lang="en""#));
    let ko = site(&c);
    assert!(ko["index.html"].contains(r#"<html lang="ko" data-lang="ko""#));
}

#[test]
fn example_bodies_follow_the_seed_envelopes() {
    let c = repo_catalog();
    let body = |domain: &str, code: &str, locale: usize| -> serde_json::Value {
        let d = c.domain(domain).unwrap();
        let e = d.error(code).unwrap();
        serde_json::from_str(&docs::example::response_body(&c, d, e, locale)).unwrap()
    };
    // Seed 004.
    let b = body("cancel", "PAYMENT_ID_REQUIRED", 0);
    assert_eq!(b["status"], "error");
    assert_eq!(b["errorType"], "MethodArgumentNotValidException");
    assert!(b["errorCode"].is_null());
    assert_eq!(b["message"], "결제 ID는 Null 일 수 없습니다.");
    assert!(b["data"].is_null());
    let raw = docs::example::response_body(
        &c,
        c.domain("cancel").unwrap(),
        c.domain("cancel").unwrap().error("LOGIN_REQUIRED").unwrap(),
        0,
    );
    let keys: Vec<&str> = raw
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert_eq!(
        keys,
        ["status", "errorType", "errorCode", "message", "data"]
    );
    assert_eq!(
        body("cancel", "BANK_CODE_NOT_MAPPED", 0)["message"],
        "은행코드(99)와 매핑되는 은행명이 존재하지 않습니다."
    );
    // Seed 003.
    let b = body("ebp", "EBP-A-0001", 1);
    assert_eq!(b["resultCode"], "EBP-A-0001");
    assert_eq!(b["message"], "Missing Mandatory Headers");
    for k in ["requestId", "timestamp", "data", "error"] {
        assert!(b.get(k).is_some(), "{k}");
    }
    // Upstream.
    let b = body("toss", "NOT_FOUND", 0);
    assert_eq!(
        b,
        serde_json::json!({"code": "NOT_FOUND", "message": "존재하지 않는 정보 입니다."})
    );
}

#[test]
fn hostile_spec_text_is_escaped_in_html() {
    let files = site(&fixture("hostile"));
    for (path, html) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        // Our only scripts: the site script and the JSON data island.
        let scripts = html.matches("<script").count();
        let ours = html.matches("<script src=").count()
            + html.matches(r#"<script type="application/json""#).count();
        assert_eq!(scripts, ours, "{path}: a <script> from the spec");
        for bad in [
            "<img",
            "<svg",
            "<iframe",
            "<style",
            "<marquee",
            "<div onclick",
            "<b>",
            "<i>",
            "<u>",
        ] {
            assert!(!html.contains(bad), "{path}: raw {bad}");
        }
        assert!(
            !html.to_ascii_lowercase().contains("href=\"javascript:"),
            "{path}"
        );
        // The JSON island cannot be closed early by spec text.
        if let Some(i) = html.find(r#"id="errspec-data">"#) {
            let island = &html[i..];
            let end = island.find("</script>").unwrap();
            assert!(
                !island[..end].contains('<'),
                "{path}: `<` inside the JSON island"
            );
        }
    }
    let page = &files["evil/XSS_CODE/index.html"];
    assert!(page.contains("&lt;script&gt;alert(&quot;message&quot;)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // Markdown explanations: rendered, raw HTML shown as text, unsafe links unlinked.
    assert!(page.contains("&lt;script&gt;alert('explanation')&lt;/script&gt;"));
    assert!(page.contains(r#"<a href="https://example.com/a?b=1&amp;c=2">안전한 링크</a>"#));
    assert!(page.contains("<code>&lt;script&gt;</code>"));
    assert!(!page.contains("tracker.example.com/p.png\" alt"));
    // The deprecated code's banner, with a link to its replacement.
    let dep = &files["evil/DEPRECATED_ONE/index.html"];
    assert!(dep.contains(r#"class="banner deprecated""#));
    assert!(dep.contains(r#"<a href="../XSS_CODE/index.html"><code>XSS_CODE</code></a>"#));
    assert!(dep.contains("&lt;b&gt;이유&lt;/b&gt;"));
    assert!(files["evil/RETIRED_ONE/index.html"].contains(r#"class="banner retired""#));
}

#[test]
fn hostile_spec_text_is_escaped_in_markdown() {
    let c = fixture("hostile");
    let files: BTreeMap<String, String> = docs::generate(
        &c,
        &Options {
            format: Format::Markdown,
            locale: 0,
        },
    )
    .into_iter()
    .collect();
    let md = &files["evil.md"];
    // Outside code spans and fences, no `<tag` survives unescaped.
    let mut in_fence = false;
    for line in md.lines() {
        if line.starts_with("```") || line.starts_with("~~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let outside_code: String = line.split('`').step_by(2).collect();
        for (i, _) in outside_code.match_indices('<') {
            let before = &outside_code[..i];
            let after = &outside_code[i + 1..];
            assert!(
                before.ends_with('\\') || after.starts_with("https://"),
                "unescaped `<` in: {line}"
            );
        }
        assert!(!line.contains("](javascript:"), "{line}");
    }
    assert!(md.contains("&lt;script&gt;alert('explanation')&lt;/script&gt;"));
}

#[test]
fn markdown_pages_read_as_a_reference() {
    let c = repo_catalog();
    let files: BTreeMap<String, String> = docs::generate(
        &c,
        &Options {
            format: Format::Markdown,
            locale: 0,
        },
    )
    .into_iter()
    .collect();
    assert!(files["README.md"].contains("[토스페이먼츠 API](toss.md)"));
    let ebp = &files["ebp.md"];
    assert!(
        ebp.contains("| `A` | 인증 오류 | 인증키, 미등록 API 등 |"),
        "{ebp}"
    );
    assert!(ebp.contains("| [EBP-A-0001](#ebp-a-0001) | 400 | `A` 인증 오류 | 인증 오류 |"));
    assert!(ebp.contains("### EBP-A-0001"));
    // The body EBP sends: its declared envelope, one member per line without indentation.
    assert!(
        ebp.contains("```json\n{\n\"resultCode\": \"EBP-A-0001\""),
        "{ebp}"
    );
    let toss = &files["toss.md"];
    assert!(
        toss.contains("| [NOT\\_FOUND\\_PAYMENT\\_SESSION](#not_found_payment_session) | 404 |")
    );
    assert!(toss.contains("결제 세션은 결제창을 호출한 시점부터 30분 동안 유효합니다."));
    assert!(toss.contains("Payment session does not exist because the session time has expired."));
    // No docs_url in the repository's catalog (issue 13): no made-up link.
    assert!(!toss.contains("errors.example.com"));
    let en = docs::generate(
        &c,
        &Options {
            format: Format::Markdown,
            locale: 1,
        },
    );
    let toss_en = &en.iter().find(|(p, _)| p == "toss.md").unwrap().1;
    assert!(toss_en.contains("A payment session is valid for 30 minutes"));
}

fn errspec(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(manifest_dir().join(".."))
        .env("LANG", "C")
        .output()
        .expect("errspec runs")
}

#[test]
fn the_command_writes_the_site_and_cleans_up_after_itself() {
    let out = std::env::temp_dir().join(format!("errspec-docs-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_s = out.to_str().unwrap();
    let r = errspec(&["docs", "--out", out_s, "--lang", "en"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(stdout.contains("index.html"), "{stdout}");
    assert!(
        out.join("toss/NOT_FOUND_PAYMENT_SESSION/index.html")
            .is_file()
    );
    assert!(out.join("ebp/EBP-A-0001/index.html").is_file());
    // A user's own file in the folder survives; pages of codes that are gone do not.
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let fixture_dir = manifest_dir().join("tests/fixtures/ambiguous");
    let r = errspec(&["docs", fixture_dir.to_str().unwrap(), "--out", out_s]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(out.join("alpha/SHARED_CODE/index.html").is_file());
    assert!(!out.join("toss").exists(), "stale pages removed");
    assert!(out.join("notes.txt").is_file());
    // Markdown.
    let md = out.join("md");
    let r = errspec(&[
        "docs",
        "--out",
        md.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(md.join("README.md").is_file() && md.join("toss.md").is_file());
    // A bad format is a usage error.
    let r = errspec(&["docs", "--out", out_s, "--format", "pdf"]);
    assert_eq!(r.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&out);
}
