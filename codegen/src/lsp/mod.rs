//! `errspec lsp`: the language server staff's editors start (VS Code, Neovim, anything that
//! speaks LSP over stdio).
//!
//! It reuses the pipeline as is: every analysis loads the whole spec directory through
//! [`crate::load::load_texts`] (open buffers in place of the files on disk) and checks it with
//! [`crate::validate::validate`], so its diagnostics are those of `errspec check` — same rule
//! ids, same ranges, same Korean and English text. Changes are debounced: diagnostics go out
//! once typing pauses, for every file of the directory (a mistake in one file can show in
//! another). Requests (hover, completion …) first bring the analysis up to date, so they
//! always answer about the text the editor shows.
//!
//! Transport: `lsp-server`'s message types over our own stdio framing, which skips a malformed
//! message (bad header, bad JSON) instead of closing the connection; a handler that panics
//! answers with an error and the server goes on.

mod features;
pub mod text;
mod transport;
mod workspace;

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DiagnosticRelatedInformation,
    DiagnosticSeverity, HoverProviderCapability, InitializeParams, InitializeResult, Location,
    NumberOrString, OneOf, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Lang, Severity};
use text::LineIndex;
pub use transport::Incoming;
use workspace::{Doc, Workspace};

/// How long typing must pause before diagnostics are computed and published, by default.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Runs the server on stdin/stdout until the client says `exit` or closes stdin; returns the
/// process exit status (0 after an orderly `shutdown` + `exit`, 1 otherwise).
pub fn run_stdio() -> i32 {
    let incoming = transport::spawn_stdin_reader();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serve(&incoming, &mut out)
}

/// Serves messages from `incoming`, writing to `out`; returns the exit status.
pub fn serve(incoming: &Receiver<Incoming>, out: &mut dyn Write) -> i32 {
    let mut server = Server {
        out,
        ws: Workspace::default(),
        lang: Lang::Ko,
        debounce: DEBOUNCE,
        initialized: false,
        shutdown: false,
        deadline: None,
        published: Default::default(),
    };
    loop {
        let msg = match server.deadline {
            Some(deadline) => {
                match incoming.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => {
                        server.deadline = None;
                        server.publish_dirty();
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return 1,
                }
            }
            None => match incoming.recv() {
                Ok(m) => m,
                Err(_) => return 1,
            },
        };
        match msg {
            Incoming::Message(Message::Request(req)) => server.request(req),
            Incoming::Message(Message::Notification(n)) if n.method == "exit" => {
                return i32::from(!server.shutdown);
            }
            Incoming::Message(Message::Notification(n)) => server.notification(n),
            Incoming::Message(Message::Response(_)) => {}
            Incoming::Malformed(why) => {
                server.log(&format!("errspec lsp: ignored a malformed message: {why}"));
            }
            Incoming::Eof => return i32::from(!server.shutdown),
        }
    }
}

struct Server<'o> {
    out: &'o mut dyn Write,
    ws: Workspace,
    lang: Lang,
    debounce: Duration,
    initialized: bool,
    shutdown: bool,
    /// When to analyze and publish what changed.
    deadline: Option<Instant>,
    /// What was last published per file, so unchanged files are not sent again.
    published: std::collections::BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

/// A handler's failure: a JSON-RPC error code and message.
type Failure = (ErrorCode, String);

impl Server<'_> {
    fn send(&mut self, msg: Message) {
        // A client that went away: nothing to do but go on until stdin closes.
        let _ = msg.write(&mut self.out);
    }

    fn log(&mut self, text: &str) {
        self.send(
            Notification::new(
                "window/logMessage".into(),
                serde_json::json!({"type": 4, "message": text}),
            )
            .into(),
        );
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = if req.method == "initialize" {
            self.initialize(req.params)
        } else if !self.initialized {
            Err((
                ErrorCode::ServerNotInitialized,
                "initialize first".to_owned(),
            ))
        } else if self.shutdown {
            Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_owned(),
            ))
        } else if req.method == "shutdown" {
            self.shutdown = true;
            Ok(Value::Null)
        } else {
            let method = req.method.clone();
            match catch_unwind(AssertUnwindSafe(|| self.dispatch(&method, req.params))) {
                Ok(r) => r,
                Err(_) => Err((
                    ErrorCode::InternalError,
                    format!("errspec lsp: {method} failed; the server goes on"),
                )),
            }
        };
        self.respond(id, result);
    }

    fn respond(&mut self, id: RequestId, result: Result<Value, Failure>) {
        let resp = match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(resp.into());
    }

    fn initialize(&mut self, params: Value) -> Result<Value, Failure> {
        let p: InitializeParams = serde_json::from_value(params.clone())
            .map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let options = params.get("initializationOptions");
        let asked = options
            .and_then(|o| o.get("lang"))
            .and_then(Value::as_str)
            .or(p.locale.as_deref());
        self.lang = asked.and_then(Lang::parse).unwrap_or(Lang::Ko);
        if let Some(ms) = options
            .and_then(|o| o.get("debounceMs"))
            .and_then(Value::as_u64)
        {
            self.debounce = Duration::from_millis(ms.min(10_000));
        }
        #[allow(deprecated)]
        let root = p
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| f.uri.clone())
            .or(p.root_uri.clone())
            .and_then(|u| uri_to_path(&u));
        self.ws.root = root;
        self.initialized = true;
        let caps = ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(
                TextDocumentSyncKind::INCREMENTAL,
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec!["\"".into(), ".".into(), "[".into()]),
                ..CompletionOptions::default()
            }),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            ..ServerCapabilities::default()
        };
        let result = InitializeResult {
            capabilities: caps,
            server_info: Some(ServerInfo {
                name: "errspec".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn dispatch(&mut self, method: &str, params: Value) -> Result<Value, Failure> {
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let to_value = |v: Result<Value, serde_json::Error>| {
            v.map_err(|e| (ErrorCode::InternalError, e.to_string()))
        };
        let lang = self.lang;
        match method {
            "textDocument/hover" => {
                let p = serde_json::from_value(params).map_err(bad)?;
                to_value(serde_json::to_value(features::hover(&mut self.ws, p, lang)))
            }
            "textDocument/completion" => {
                let p = serde_json::from_value(params).map_err(bad)?;
                to_value(serde_json::to_value(features::completion(
                    &mut self.ws,
                    p,
                    lang,
                )))
            }
            "textDocument/codeAction" => {
                let p = serde_json::from_value(params).map_err(bad)?;
                to_value(serde_json::to_value(features::code_actions(
                    &mut self.ws,
                    p,
                    lang,
                )))
            }
            "textDocument/definition" => {
                let p = serde_json::from_value(params).map_err(bad)?;
                to_value(serde_json::to_value(features::definition(&mut self.ws, p)))
            }
            "textDocument/documentSymbol" => {
                let p = serde_json::from_value(params).map_err(bad)?;
                to_value(serde_json::to_value(features::document_symbols(
                    &mut self.ws,
                    p,
                    lang,
                )))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("errspec lsp does not handle {method}"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let params = n.params;
        if catch_unwind(AssertUnwindSafe(|| self.notified(&method, params))).is_err() {
            self.log(&format!("errspec lsp: {method} failed; the server goes on"));
        }
    }

    fn notified(&mut self, method: &str, params: Value) {
        match method {
            "initialized" => self.initialized(),
            "textDocument/didOpen" => self.did_open(params),
            "textDocument/didChange" => self.did_change(params),
            "textDocument/didSave" => self.did_save(params),
            "textDocument/didClose" => self.did_close(params),
            "workspace/didChangeWatchedFiles" => self.watched_files_changed(&params),
            _ => {}
        }
    }

    /// `initialized`: checks the workspace's own spec whole, before any file is opened.
    fn initialized(&mut self) {
        if let Some(spec) = self
            .ws
            .root
            .as_ref()
            .map(|r| r.join(crate::cmd::DEFAULT_DIR))
            && spec.join(crate::load::CATALOG_FILE).is_file()
        {
            self.ws.dirty.insert(spec);
            self.schedule(Duration::ZERO);
        }
    }

    /// `textDocument/didOpen`: keeps the text and shows its problems at once.
    fn did_open(&mut self, params: Value) {
        let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params) else {
            return;
        };
        let Some(path) = uri_to_path(&p.text_document.uri) else {
            return;
        };
        self.ws.remember_baseline(&path, &p.text_document.text);
        self.ws.docs.insert(
            path.clone(),
            Doc {
                text: p.text_document.text,
            },
        );
        if self.ws.touch(&path) {
            // Opening shows the problems at once; typing is what is debounced.
            self.schedule(Duration::ZERO);
        }
    }

    /// `textDocument/didChange`: applies the edits to the kept text; debounced.
    fn did_change(&mut self, params: Value) {
        let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params) else {
            return;
        };
        let Some(path) = uri_to_path(&p.text_document.uri) else {
            return;
        };
        let Some(doc) = self.ws.docs.get_mut(&path) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                None => doc.text = change.text,
                Some(r) => {
                    let start = text::offset(&doc.text, r.start);
                    let end = text::offset(&doc.text, r.end).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
            }
        }
        if self.ws.touch(&path) {
            self.schedule(self.debounce);
        }
    }

    /// `textDocument/didSave`: rechecks the saved file's spec; debounced.
    fn did_save(&mut self, params: Value) {
        if let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(params)
            && let Some(path) = uri_to_path(&p.text_document.uri)
            && self.ws.touch(&path)
        {
            self.schedule(self.debounce);
        }
    }

    /// `textDocument/didClose`: forgets the kept text; the spec is rechecked from disk.
    fn did_close(&mut self, params: Value) {
        if let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
            && let Some(path) = uri_to_path(&p.text_document.uri)
        {
            let was_spec = self.ws.touch(&path);
            self.ws.docs.remove(&path);
            if was_spec {
                self.schedule(self.debounce);
            }
        }
    }

    /// `workspace/didChangeWatchedFiles`: rechecks every spec a changed file belongs to.
    fn watched_files_changed(&mut self, params: &Value) {
        if let Some(changes) = params.get("changes").and_then(Value::as_array) {
            for c in changes {
                if let Some(path) = c
                    .get("uri")
                    .and_then(Value::as_str)
                    .and_then(|u| u.parse::<Uri>().ok())
                    .and_then(|u| uri_to_path(&u))
                    && self.ws.touch(&path)
                {
                    self.schedule(self.debounce);
                }
            }
        }
    }

    /// Publishes no later than `after` from now.
    fn schedule(&mut self, after: Duration) {
        let at = Instant::now() + after;
        self.deadline = Some(match self.deadline {
            // Typing pushes a pending publication back; an open brings it forward.
            Some(d) if after.is_zero() => d.min(at),
            _ => at,
        });
    }

    /// Analyzes what changed and publishes the diagnostics of every file whose list changed.
    fn publish_dirty(&mut self) {
        let dirs = self.ws.analyze_dirty();
        for dir in dirs {
            let per_file = self.diagnostics_of(&dir);
            for (path, diags) in per_file {
                if self.published.get(&path) == Some(&diags) {
                    continue;
                }
                let Some(uri) = path_to_uri(&path) else {
                    continue;
                };
                let params = PublishDiagnosticsParams {
                    uri,
                    diagnostics: diags.clone(),
                    version: None,
                };
                self.published.insert(path, diags);
                self.send(
                    Notification::new(
                        "textDocument/publishDiagnostics".into(),
                        serde_json::to_value(params).unwrap_or(Value::Null),
                    )
                    .into(),
                );
            }
        }
    }

    /// The LSP diagnostics of every file of `dir` (empty lists included, to clear fixed files).
    fn diagnostics_of(&self, dir: &Path) -> Vec<(PathBuf, Vec<lsp_types::Diagnostic>)> {
        let Some(spec) = self.ws.specs.get(dir) else {
            return Vec::new();
        };
        let mut out: std::collections::BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>> = spec
            .loaded
            .sources
            .iter()
            .map(|(id, _)| (spec.path_of(id), Vec::new()))
            .collect();
        // Files that disappeared (deleted, renamed) are cleared too.
        for p in self.published.keys().filter(|p| p.parent() == Some(dir)) {
            out.entry(p.clone()).or_default();
        }
        let indexes: Vec<LineIndex<'_>> = spec
            .loaded
            .sources
            .iter()
            .map(|(_, f)| LineIndex::new(&f.text))
            .collect();
        let catalog_path = dir.join(crate::load::CATALOG_FILE);
        for d in &spec.diagnostics {
            let (path, range) = match &d.primary {
                Some(loc) => (spec.path_of(loc.file), indexes[loc.file.0].range(&loc.span)),
                // Problems of the whole directory: shown at the top of catalog.toml.
                None => (catalog_path.clone(), lsp_types::Range::default()),
            };
            let related = d
                .related
                .iter()
                .filter_map(|(loc, msg)| {
                    Some(DiagnosticRelatedInformation {
                        location: Location::new(
                            path_to_uri(&spec.path_of(loc.file))?,
                            indexes[loc.file.0].range(&loc.span),
                        ),
                        message: msg.get(self.lang).to_owned(),
                    })
                })
                .collect::<Vec<_>>();
            out.entry(path).or_default().push(lsp_types::Diagnostic {
                range,
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                }),
                code: Some(NumberOrString::String(d.rule.id().to_owned())),
                code_description: None,
                source: Some("errspec".into()),
                message: message(d, self.lang),
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            });
        }
        out.into_iter().collect()
    }
}

/// A diagnostic's text as the editor shows it: what is wrong, then how to fix it — the same
/// words as `errspec check`.
pub fn message(d: &Diagnostic, lang: Lang) -> String {
    let (help, note) = match lang {
        Lang::Ko => ("도움말", "참고"),
        Lang::En => ("help", "note"),
    };
    let mut s = d.title.get(lang).to_owned();
    for h in &d.help {
        s.push_str(&format!("\n{help}: {}", h.get(lang)));
    }
    for n in &d.notes {
        s.push_str(&format!("\n{note}: {}", n.get(lang)));
    }
    s
}

/// `file:///a/b%20c.toml` → `/a/b c.toml`.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file://localhost/x` and `file:///x`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Ok(b) = u8::from_str_radix(rest.get(i + 1..i + 3).unwrap_or(""), 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = PathBuf::from(String::from_utf8(out).ok()?);
    path.is_absolute().then_some(path)
}

/// `/a/b c.toml` → `file:///a/b%20c.toml`.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let mut s = String::from("file://");
    for b in path.to_str()?.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/에러 spec/ebp.toml");
        let u = path_to_uri(p).unwrap();
        assert_eq!(u.as_str(), "file:///tmp/%EC%97%90%EB%9F%AC%20spec/ebp.toml");
        assert_eq!(uri_to_path(&u).unwrap(), p);
        assert_eq!(uri_to_path(&"untitled:x".parse().unwrap()), None);
    }
}
