//! The spec directories the server knows, their open buffers, and their last analysis.
//!
//! A spec directory is one that holds a `catalog.toml` (on disk or in an open buffer): the
//! workspace's `error-spec/`, or the folder of any spec file the editor opens. Every analysis
//! reads the whole directory — open buffers instead of the files on disk — and runs the
//! pipeline's own loader and validator, so a change in one file updates the diagnostics of
//! every other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, FileId};
use crate::load::{self, CATALOG_FILE, Loaded, LoadedDomain};
use crate::model::Catalog;

/// An open editor buffer.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The buffer's text, saved or not.
    pub text: String,
}

/// The last analysis of a spec directory.
#[derive(Debug)]
pub struct Spec {
    /// The directory (absolute).
    pub dir: PathBuf,
    /// What the loader read: sources, raw entries with spans.
    pub loaded: Loaded,
    /// Every problem, as `errspec check` reports it.
    pub diagnostics: Vec<Diagnostic>,
    /// The catalog, when the spec is valid.
    pub catalog: Option<Catalog>,
    /// The last catalog that was valid (hover keeps working while a file is half-written).
    pub last_good: Option<Catalog>,
}

impl Spec {
    /// The absolute path of a source file.
    pub fn path_of(&self, file: FileId) -> PathBuf {
        let shown = &self.loaded.sources.get(file).path;
        let name = Path::new(shown)
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        self.dir.join(name)
    }

    /// The source file id of `path`.
    pub fn file_of(&self, path: &Path) -> Option<FileId> {
        self.loaded
            .sources
            .iter()
            .map(|(id, _)| id)
            .find(|&id| self.path_of(id) == path)
    }

    /// The loaded domain of file `path`.
    pub fn domain_of(&self, path: &Path) -> Option<&LoadedDomain> {
        let file = self.file_of(path)?;
        self.loaded.domains.iter().find(|d| d.file == file)
    }

    /// The catalog to describe things with: the current one, else the last valid one.
    pub fn catalog(&self) -> Option<&Catalog> {
        self.catalog.as_ref().or(self.last_good.as_ref())
    }

    /// The catalog's locales as written in `catalog.toml` (also when the spec is invalid).
    pub fn locales(&self) -> Vec<String> {
        if let Some(c) = self.catalog() {
            return c.locales.clone();
        }
        self.loaded
            .catalog
            .as_ref()
            .and_then(|c| c.catalog.as_ref())
            .and_then(|c| c.value.locales.as_ref())
            .map(|l| l.get_ref().iter().map(|s| s.get_ref().clone()).collect())
            .unwrap_or_else(|| vec!["ko".into(), "en".into()])
    }
}

/// Every spec directory and open buffer.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Open buffers by absolute path.
    pub docs: BTreeMap<PathBuf, Doc>,
    /// Analyses by spec directory.
    pub specs: BTreeMap<PathBuf, Spec>,
    /// Directories whose analysis is out of date.
    pub dirty: BTreeSet<PathBuf>,
    /// The workspace root, to show paths relative to it.
    pub root: Option<PathBuf>,
    /// Codes each domain file had when first opened, and in git's `HEAD`: what "deleted"
    /// means for the code action that turns a deleted code into a `retired` entry.
    pub baselines: BTreeMap<PathBuf, BTreeSet<String>>,
}

impl Workspace {
    /// The spec directory of `path`, if its folder is one.
    pub fn spec_dir_of(&self, path: &Path) -> Option<PathBuf> {
        let dir = path.parent()?;
        let is_spec = path.extension().is_some_and(|e| e == "toml")
            && (dir.join(CATALOG_FILE).is_file()
                || self.docs.contains_key(&dir.join(CATALOG_FILE))
                || self.specs.contains_key(dir));
        is_spec.then(|| dir.to_path_buf())
    }

    /// Marks the directory of `path` for a new analysis; `false` when it is no spec.
    pub fn touch(&mut self, path: &Path) -> bool {
        match self.spec_dir_of(path) {
            Some(dir) => {
                self.dirty.insert(dir);
                true
            }
            None => false,
        }
    }

    /// How the directory is shown in diagnostics: relative to the workspace root like
    /// `errspec check error-spec` prints it, or absolute.
    fn shown(&self, dir: &Path) -> String {
        self.root
            .as_ref()
            .and_then(|r| dir.strip_prefix(r).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .unwrap_or(dir)
            .display()
            .to_string()
    }

    /// Reads and checks `dir`: the `*.toml` files on disk, open buffers instead where there
    /// are some (also buffers not yet saved at all).
    pub fn analyze(&mut self, dir: &Path) {
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        if let Ok(read) = std::fs::read_dir(dir) {
            for entry in read.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // Unreadable bytes are the loader's to report (E023), as `check` does.
                    let text = match std::fs::read(&path) {
                        Ok(b) => String::from_utf8(b)
                            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into()),
                        Err(_) => continue,
                    };
                    files.insert(name, text);
                }
            }
        }
        for (path, doc) in &self.docs {
            if path.parent() == Some(dir)
                && path.extension().is_some_and(|e| e == "toml")
                && let Some(name) = path.file_name()
            {
                files.insert(name.to_string_lossy().into_owned(), doc.text.clone());
            }
        }
        let loaded = load::load_texts(&self.shown(dir), files);
        let (catalog, mut diagnostics) = crate::validate::validate(&loaded);
        crate::diagnostic::sort(&mut diagnostics, &loaded.sources);
        let last_good = match &catalog {
            Some(c) => Some(c.clone()),
            None => self.specs.remove(dir).and_then(|s| s.last_good),
        };
        self.specs.insert(
            dir.to_path_buf(),
            Spec {
                dir: dir.to_path_buf(),
                loaded,
                diagnostics,
                catalog,
                last_good,
            },
        );
        self.dirty.remove(dir);
    }

    /// Analyzes every directory marked dirty; returns them.
    pub fn analyze_dirty(&mut self) -> Vec<PathBuf> {
        let dirs: Vec<PathBuf> = self.dirty.iter().cloned().collect();
        for d in &dirs {
            self.analyze(d);
        }
        dirs
    }

    /// The up-to-date analysis of the directory of `path` (analyzing it now if needed: a
    /// request must answer about the text the editor shows).
    pub fn spec_for(&mut self, path: &Path) -> Option<&Spec> {
        let dir = self.spec_dir_of(path)?;
        if self.dirty.contains(&dir) || !self.specs.contains_key(&dir) {
            self.analyze(&dir);
        }
        self.specs.get(&dir)
    }

    /// Remembers the codes a domain file has now and in git's `HEAD`, once per file.
    pub fn remember_baseline(&mut self, path: &Path, text: &str) {
        if self.baselines.contains_key(path) || path.file_name() == Some(CATALOG_FILE.as_ref()) {
            return;
        }
        let mut codes = codes_in(path, text);
        if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
            let out = std::process::Command::new("git")
                .arg("-C")
                .arg(dir)
                .arg("show")
                .arg(format!("HEAD:./{}", name.to_string_lossy()))
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output();
            if let Ok(out) = out
                && out.status.success()
            {
                codes.extend(codes_in(path, &String::from_utf8_lossy(&out.stdout)));
            }
        }
        self.baselines.insert(path.to_path_buf(), codes);
    }
}

/// The codes (`[errors."X"]` keys) of a domain file's text.
fn codes_in(path: &Path, text: &str) -> BTreeSet<String> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let loaded = load::load_texts("", [(name, text.to_owned())]);
    loaded
        .domains
        .iter()
        .flat_map(|d| d.errors.iter().map(|e| e.key.get_ref().clone()))
        .collect()
}
