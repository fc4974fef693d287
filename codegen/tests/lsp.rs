//! `errspec lsp` at the protocol level: the real binary over stdio, driven the way an editor
//! drives it (initialize, didOpen, didChange, publishDiagnostics, hover, completion, code
//! actions, definition, symbols, shutdown/exit), and fed what editors and people produce by
//! accident (malformed messages, half-written files).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long to wait for any one message before calling the server stuck (a safety bound so a
/// broken server fails the test instead of hanging it; no test measures time).
const STUCK: Duration = Duration::from_secs(120);

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/six-mistakes")
}

fn uri(p: &Path) -> String {
    let mut s = String::from("file://");
    for b in p.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// A fresh copy of the repository's `error-spec/` (TOML files) in a temporary directory.
struct TempSpec(PathBuf);

impl TempSpec {
    fn new(name: &str) -> TempSpec {
        let dir = std::env::temp_dir().join(format!("errspec-lsp-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-spec");
        for e in std::fs::read_dir(spec).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "toml") {
                std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
            }
        }
        TempSpec(dir)
    }
}

impl Drop for TempSpec {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errspec"))
            .arg("lsp")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start errspec lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    /// Starts a server and initializes it (Korean unless `locale` says otherwise).
    fn init(root: Option<&Path>, locale: Option<&str>) -> Client {
        let mut c = Client::start();
        let mut params = json!({
            "processId": null,
            "capabilities": {},
            "rootUri": root.map(uri),
            "initializationOptions": {"debounceMs": 20},
        });
        if let Some(l) = locale {
            params["locale"] = json!(l);
        }
        let r = c.request("initialize", params);
        assert_eq!(r["result"]["serverInfo"]["name"], "errspec", "{r}");
        let caps = &r["result"]["capabilities"];
        for cap in [
            "hoverProvider",
            "completionProvider",
            "codeActionProvider",
            "definitionProvider",
            "documentSymbolProvider",
        ] {
            assert!(!caps[cap].is_null(), "{cap} missing: {caps}");
        }
        c.notify("initialized", json!({}));
        c
    }

    fn write_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        self.write_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(STUCK)
            .expect("the server answers (it is alive)")
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let v = self.next();
            if v["id"] == json!(id) {
                return v;
            }
            self.pending.push(v);
        }
    }

    /// Waits for diagnostics of `file` that satisfy `ok`; returns them.
    fn diagnostics(&mut self, file: &Path, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let want = uri(file);
        let mut last = None;
        let check = |v: &Value, last: &mut Option<Vec<Value>>| {
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == want {
                let d = v["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                *last = Some(d.clone());
                return ok(&d).then_some(d);
            }
            None
        };
        let pending = std::mem::take(&mut self.pending);
        for v in &pending {
            if let Some(d) = check(v, &mut last) {
                return d;
            }
        }
        loop {
            let v = self.next();
            if let Some(d) = check(&v, &mut last) {
                return d;
            }
        }
    }

    fn open(&mut self, path: &Path) -> String {
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "toml", "version": 1, "text": text}}),
        );
        text
    }

    fn change(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    fn at(path: &Path, line: usize, character: usize) -> Value {
        json!({"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}})
    }

    /// `shutdown`, `exit`, and the process's exit status.
    fn stop(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert!(r["result"].is_null() && r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        self.child.wait().unwrap().code().unwrap_or(-1)
    }
}

/// Line and character of the end of `needle`'s first occurrence in `text`.
fn after(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        + needle.len();
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].encode_utf16().count())
}

fn messages(d: &[Value]) -> Vec<String> {
    d.iter()
        .map(|x| x["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn six_mistakes_are_published_as_check_reports_them() {
    // What `errspec check` says, as JSON lines.
    let out = Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(["check", "--format", "json"])
        .arg(fixture())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    let expected: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(expected.len(), 6);

    let mut c = Client::init(None, None);
    c.open(&fixture().join("shop.toml"));
    let mut published = Vec::new();
    for file in ["refund.toml", "shop.toml"] {
        let want = expected
            .iter()
            .filter(|e| e["file"].as_str().unwrap().ends_with(file))
            .count();
        published.push((
            file,
            c.diagnostics(&fixture().join(file), |d| d.len() == want),
        ));
    }
    for e in &expected {
        let file = Path::new(e["file"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let diags = &published.iter().find(|(f, _)| *f == file).unwrap().1;
        let found = diags.iter().any(|d| {
            d["code"] == e["id"]
                && d["source"] == "errspec"
                && d["range"]["start"]["line"] == json!(e["line"].as_u64().unwrap() - 1)
                && d["range"]["start"]["character"] == json!(e["column"].as_u64().unwrap() - 1)
                && d["range"]["end"]["line"] == json!(e["end_line"].as_u64().unwrap() - 1)
                && d["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(e["message"].as_str().unwrap())
                && e["help"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|h| d["message"].as_str().unwrap().contains(h.as_str().unwrap()))
        });
        assert!(
            found,
            "not published as check reports it: {e}\npublished: {diags:#?}"
        );
    }
    // Korean by default.
    assert!(
        messages(&published[1].1)
            .iter()
            .any(|m| m.contains("도움말: `status`를 쓰려던 것인가요?"))
    );
    assert_eq!(c.stop(), 0);
}

#[test]
fn typing_a_new_error_shows_its_problems_before_saving_in_the_editors_language() {
    for (locale, expect) in [
        (None, "`message.ko`가 비어 있습니다"),
        (Some("en-US"), "`message.ko` is empty"),
    ] {
        let spec = TempSpec::new(&format!("typing-{}", locale.unwrap_or("ko")));
        let ebp = spec.0.join("ebp.toml");
        let mut c = Client::init(None, locale);
        let text = c.open(&ebp);
        c.diagnostics(&ebp, |d| d.is_empty());
        let typed = format!(
            "{text}\n[errors.\"EBP-C-0900\"]\ncategory = \"C\"\nstatus = 400\nmessage.ko = \"\"\nmessage.en = \"Empty\"\n"
        );
        c.change(&ebp, 2, &typed);
        let d = c.diagnostics(&ebp, |d| !d.is_empty());
        assert!(messages(&d).iter().any(|m| m.starts_with(expect)), "{d:#?}");
        assert_eq!(d[0]["code"], "E024");
        let line = typed[..typed.rfind("message.ko = ").unwrap()]
            .matches('\n')
            .count();
        assert_eq!(d[0]["range"]["start"]["line"], json!(line));
        // Not saved: the file on disk is as it was.
        assert_eq!(std::fs::read_to_string(&ebp).unwrap(), text);
        // Fixing it clears the file's diagnostics.
        c.change(
            &ebp,
            3,
            &typed.replace("message.ko = \"\"", "message.ko = \"비어 있음\""),
        );
        c.diagnostics(&ebp, |d| d.is_empty());
        assert_eq!(c.stop(), 0);
    }
}

#[test]
fn completion_offers_categories_codes_locales_types_and_the_next_free_code() {
    let spec = TempSpec::new("complete");
    let ebp = spec.0.join("ebp.toml");
    let mut c = Client::init(None, None);
    let text = c.open(&ebp);
    let categories: Vec<String> = text
        .lines()
        .filter_map(|l| {
            l.strip_prefix("[categories.")?
                .strip_suffix(']')
                .map(str::to_owned)
        })
        .collect();
    assert!(categories.len() >= 2);
    let labels = |r: &Value| -> Vec<String> {
        r["result"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_owned())
            .collect()
    };

    // `category = "` offers the domain's categories, while the file is half-written.
    let typed = format!("{text}\n[errors.\"EBP-C-0901\"]\ncategory = \"");
    c.change(&ebp, 2, &typed);
    let (line, ch) = after(&typed, "0901\"]\ncategory = \"");
    let r = c.request("textDocument/completion", Client::at(&ebp, line, ch));
    assert_eq!(labels(&r), categories, "{r}");
    let item = &r["result"][0];
    assert_eq!(item["textEdit"]["newText"], format!("{}\"", categories[0]));

    // `[errors."` offers the next free code of each category.
    let typed = format!("{text}\n[errors.\"");
    c.change(&ebp, 3, &typed);
    let r = c.request(
        "textDocument/completion",
        Client::at(&ebp, typed.lines().count() - 1, 9),
    );
    let codes = labels(&r);
    assert!(codes.iter().any(|c| c.starts_with("EBP-C-")), "{r}");
    assert_eq!(codes.len(), categories.len(), "{r}");
    assert!(!text.contains(&format!("[errors.\"{}\"]", codes[0])));

    // Locales after `message.`; field types; replacement codes.
    let typed = format!("{text}\n[errors.\"EBP-C-0902\"]\nmessage.");
    c.change(&ebp, 4, &typed);
    let r = c.request(
        "textDocument/completion",
        Client::at(&ebp, typed.lines().count() - 1, 8),
    );
    assert_eq!(labels(&r), ["ko", "en"], "{r}");
    let typed = format!("{text}\n[errors.\"EBP-C-0903\"]\nfields.amount = {{ type = \"");
    c.change(&ebp, 5, &typed);
    let last = typed.lines().last().unwrap().encode_utf16().count();
    let r = c.request(
        "textDocument/completion",
        Client::at(&ebp, typed.lines().count() - 1, last),
    );
    assert_eq!(labels(&r), ["string", "integer", "amount"], "{r}");
    let typed = format!("{text}\n[errors.\"EBP-C-0904\"]\ndeprecated = {{ replacement = \"");
    c.change(&ebp, 6, &typed);
    let last = typed.lines().last().unwrap().encode_utf16().count();
    let r = c.request(
        "textDocument/completion",
        Client::at(&ebp, typed.lines().count() - 1, last),
    );
    assert!(labels(&r).iter().any(|l| l == "EBP-C-0004"), "{r}");

    // `passthrough = "` offers the upstream domains (cancel.toml passes toss errors on).
    let cancel = spec.0.join("cancel.toml");
    let ctext = c.open(&cancel);
    let typed = format!("{ctext}\n[errors.NEW_ONE]\npassthrough = \"");
    c.change(&cancel, 2, &typed);
    let last = typed.lines().last().unwrap().encode_utf16().count();
    let r = c.request(
        "textDocument/completion",
        Client::at(&cancel, typed.lines().count() - 1, last),
    );
    assert_eq!(labels(&r), ["toss"], "{r}");
    assert_eq!(c.stop(), 0);
}

#[test]
fn hover_definition_symbols_and_code_actions() {
    let spec = TempSpec::new("nav");
    let ebp = spec.0.join("ebp.toml");
    let mut c = Client::init(None, None);
    let text = c.open(&ebp);

    // A code: its status, its messages with example values, its docs link.
    let (line, ch) = after(&text, "[errors.\"EBP-C-00");
    let r = c.request("textDocument/hover", Client::at(&ebp, line, ch));
    let hover = r["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        hover.contains("HTTP 4") && hover.contains("`ko`") && hover.contains("`en`"),
        "{r}"
    );
    assert!(
        hover.contains("사용 중") || hover.contains("폐기"),
        "{hover}"
    );
    // A key: what it means, from the schema.
    let (line, ch) = after(&text, "\nstatus");
    let r = c.request("textDocument/hover", Client::at(&ebp, line, ch - 1));
    assert!(
        r["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("HTTP 상태"),
        "{r}"
    );
    // A category use.
    let (line, ch) = after(&text, "category = \"");
    let r = c.request("textDocument/hover", Client::at(&ebp, line, ch));
    assert!(
        r["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("분류 **`"),
        "{r}"
    );

    // Go to definition: a category use → its [categories.X] header.
    let r = c.request("textDocument/definition", Client::at(&ebp, line, ch));
    let target = r["result"]["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(
        text.lines()
            .nth(target)
            .unwrap()
            .starts_with("[categories."),
        "{r}"
    );

    // Symbols: every code of the file.
    let r = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&ebp)}}),
    );
    let names: Vec<&str> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let codes = text.lines().filter(|l| l.starts_with("[errors.")).count();
    assert_eq!(
        names.iter().filter(|n| n.starts_with("EBP-")).count(),
        codes,
        "{names:?}"
    );

    // Code actions: a deleted code becomes a retired entry.
    let start = text.find("[errors.\"EBP-C-0004\"]").unwrap();
    let end = text[start + 1..]
        .find("\n[")
        .map_or(text.len(), |i| start + 1 + i + 1);
    let deleted = format!("{}{}", &text[..start], &text[end..]);
    c.change(&ebp, 2, &deleted);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&ebp)}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let action = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("EBP-C-0004"))
        .unwrap_or_else(|| panic!("{r}"));
    let edit = &action["edit"]["changes"][uri(&ebp)][0]["newText"];
    assert!(
        edit.as_str()
            .unwrap()
            .contains("[errors.EBP-C-0004]\nretired = { since = \"20"),
        "{edit}"
    );
    let retired = format!("{deleted}{}", edit.as_str().unwrap());
    c.change(&ebp, 3, &retired);
    let d = c.diagnostics(&ebp, |_| true);
    assert!(
        d.iter().all(|x| x["severity"] != 1),
        "a retired tombstone is valid: {d:#?}"
    );
    assert_eq!(c.stop(), 0);
}

#[test]
fn did_you_mean_and_missing_translation_actions() {
    let mut c = Client::init(None, Some("en"));
    let shop = fixture().join("shop.toml");
    let text = c.open(&shop);
    let d = c.diagnostics(&shop, |d| !d.is_empty());
    let typo = d.iter().find(|x| x["code"] == "E002").unwrap().clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&shop)}, "range": typo["range"], "context": {"diagnostics": [typo]}}),
    );
    let a = &r["result"][0];
    assert_eq!(a["title"], "Change to `status`", "{r}");
    let e = &a["edit"]["changes"][uri(&shop)][0];
    assert_eq!(e["newText"], "status");
    assert_eq!(e["range"], typo["range"]);
    // The unknown category: `X` is not close to `C`, so no guess is offered.
    let cat = d.iter().find(|x| x["code"] == "E006").unwrap().clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&shop)}, "range": cat["range"], "context": {"diagnostics": [cat]}}),
    );
    assert!(r["result"].as_array().unwrap().is_empty(), "{r}");

    // A missing translation (W014): add the key.
    let typed = text.replace("message.en = \"The order is already closed.\"\n", "");
    c.change(&shop, 2, &typed);
    let d = c.diagnostics(&shop, |d| d.iter().any(|x| x["code"] == "W014"));
    let w = d.iter().find(|x| x["code"] == "W014").unwrap().clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&shop)}, "range": w["range"], "context": {"diagnostics": [w]}}),
    );
    let a = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add the missing translation: message.en")
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(
        a["edit"]["changes"][uri(&shop)][0]["newText"],
        "message.en = \"\"\n"
    );
    assert_eq!(c.stop(), 0);
}

#[test]
fn a_change_in_one_file_updates_the_others() {
    let spec = TempSpec::new("cross");
    let catalog = spec.0.join("catalog.toml");
    let ebp = spec.0.join("ebp.toml");
    let mut c = Client::init(None, None);
    c.open(&ebp);
    c.diagnostics(&ebp, |d| d.is_empty());
    let text = c.open(&catalog);
    // Dropping `en` from the catalog's locales makes every `.en` text of ebp.toml wrong.
    c.change(
        &catalog,
        2,
        &text.replace("locales = [\"ko\", \"en\"]", "locales = [\"ko\"]"),
    );
    let d = c.diagnostics(&ebp, |d| !d.is_empty());
    assert!(d.iter().any(|x| x["code"] == "E015"), "{d:#?}");
    c.change(&catalog, 3, &text);
    c.diagnostics(&ebp, |d| d.is_empty());
    assert_eq!(c.stop(), 0);
}

#[test]
fn the_workspace_spec_is_checked_on_start() {
    let spec = TempSpec::new("root");
    let root = spec.0.join("repo");
    std::fs::create_dir_all(root.join("error-spec")).unwrap();
    for e in std::fs::read_dir(&spec.0).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), root.join("error-spec").join(e.file_name())).unwrap();
        }
    }
    std::fs::write(
        root.join("error-spec/toss.toml"),
        "[domain]\ntitle.ko = \"토스\"\nupstream = tru\n",
    )
    .unwrap();
    let mut c = Client::init(Some(&root), None);
    let d = c.diagnostics(&root.join("error-spec/toss.toml"), |d| !d.is_empty());
    assert!(d.iter().any(|x| x["code"] == "E001"), "{d:#?}");
    assert_eq!(c.stop(), 0);
}

#[test]
fn malformed_messages_and_half_written_files_never_kill_the_server() {
    let spec = TempSpec::new("hostile");
    let ebp = spec.0.join("ebp.toml");
    let mut c = Client::start();
    // Before initialize: refused, not fatal.
    let r = c.request("textDocument/hover", Client::at(&ebp, 0, 0));
    assert_eq!(r["error"]["code"], -32002, "{r}");
    c.request("initialize", json!({"processId": null, "capabilities": {}}));
    c.notify("initialized", json!({}));
    // Garbage of every kind.
    c.write_raw(b"Content-Length: 9\r\n\r\n{not json");
    c.write_raw(b"this is not a header\r\n\r\n");
    c.write_raw(b"Content-Length: banana\r\n\r\n");
    c.send(&json!({"jsonrpc": "2.0", "what": "no method"}));
    c.send(
        &json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"nope": 1}}),
    );
    c.notify("textDocument/didChange", json!({"garbage": true}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": "file:///nonexistent/dir/x.toml", "languageId": "toml", "version": 1, "text": "[["}}));
    let r = c.request("no/such/method", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // Half-written files, cut at every few bytes: each gets diagnostics, none kills the server.
    let text = c.open(&ebp);
    let mut version = 2;
    let cuts: Vec<usize> = (0..text.len())
        .step_by(text.len() / 40)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for &cut in &cuts {
        let half = &text[..cut];
        c.change(&ebp, version, half);
        version += 1;
        let lines = half.lines().count().max(1);
        for line in [0, lines / 2, lines - 1] {
            for ch in [0, 3, 12] {
                for method in [
                    "textDocument/hover",
                    "textDocument/completion",
                    "textDocument/definition",
                ] {
                    let r = c.request(method, Client::at(&ebp, line, ch));
                    assert!(
                        r.get("error").is_none(),
                        "{method} at {line}:{ch} of a cut at {cut}: {r}"
                    );
                }
            }
        }
        let r = c.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&ebp)}}),
        );
        assert!(r.get("error").is_none(), "{r}");
    }
    c.change(
        &ebp,
        version,
        "[errors.\"EBP-C-\n category = \"\n\u{0}\u{feff}한글 = [\n",
    );
    let d = c.diagnostics(&ebp, |d| d.iter().any(|x| x["code"] == "E001"));
    assert!(!d.is_empty());
    // Still answering.
    let r = c.request("textDocument/hover", Client::at(&ebp, 0, 3));
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(c.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_status_1() {
    let mut c = Client::init(None, None);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
    // And a closed stdin ends the server too.
    let mut c = Client::init(None, None);
    drop(c.stdin);
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
}
