//! One side of a diff: a spec directory, or the spec at a git revision (read with `git`
//! itself, no git library), loaded through the normal pipeline, with its acknowledgements.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Checked;
use crate::diagnostic::{Lang, Sources};
use crate::load::{self, CATALOG_FILE, Loaded};
use crate::model::Catalog;
use crate::raw::S;

/// Where a side's spec comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A directory of the file system.
    Dir(PathBuf),
    /// The directory `dir` (relative to the current directory, as in the working tree) at git
    /// revision `rev`.
    Rev {
        /// Anything git accepts: `origin/main`, `v1.2.0`, `HEAD~1`, a commit id.
        rev: String,
        /// The spec directory.
        dir: PathBuf,
    },
}

/// Why a side could not be loaded.
#[derive(Debug)]
pub enum SideError {
    /// Neither a directory nor a git revision.
    NotFound(String),
    /// A directory that cannot be read.
    Load(load::LoadError),
    /// git failed (not installed, not a repository, no spec at that revision …).
    Git(String),
    /// The spec on that side has errors: the diff needs two valid catalogs.
    Invalid(Box<Checked>),
}

impl SideError {
    /// Says what went wrong, for people.
    pub fn describe(&self, label: &str, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            SideError::NotFound(arg) => {
                if ko {
                    format!(
                        "오류: `{arg}`은(는) 스펙 폴더도 git 리비전도 아닙니다\n도움말: 폴더 경로(예: error-spec)나 브랜치·태그·커밋(예: origin/main, v1.2.0)을 주세요"
                    )
                } else {
                    format!(
                        "error: `{arg}` is neither a spec directory nor a git revision\nhelp: give a directory (error-spec) or a branch, tag or commit (origin/main, v1.2.0)"
                    )
                }
            }
            SideError::Load(e) => {
                if ko {
                    format!("오류: {}", e.message(Lang::Ko))
                } else {
                    format!("error: {}", e.message(Lang::En))
                }
            }
            SideError::Git(msg) => {
                if ko {
                    format!("오류: git으로 `{label}`을(를) 읽을 수 없습니다: {msg}")
                } else {
                    format!("error: cannot read `{label}` with git: {msg}")
                }
            }
            SideError::Invalid(_) => {
                if ko {
                    format!(
                        "오류: `{label}`의 스펙에 오류가 있어 비교할 수 없습니다. 먼저 위의 오류를 고치세요 (errspec check)"
                    )
                } else {
                    format!(
                        "error: the spec in `{label}` has errors, so it cannot be compared; fix them first (errspec check)"
                    )
                }
            }
        }
    }
}

/// A `breaking_change_ok` as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    /// The reason, as written.
    pub text: String,
    /// `path:line`.
    pub at: String,
}

/// Every `breaking_change_ok` of a side.
#[derive(Debug, Clone, Default)]
pub struct Acks {
    /// `[catalog]`
    pub catalog: Option<Ack>,
    /// `[domain]` by domain id.
    pub domains: BTreeMap<String, Ack>,
    /// `[errors."CODE"]` by (domain id, code).
    pub codes: BTreeMap<(String, String), Ack>,
}

impl Acks {
    /// Collects them from the raw spec (the model does not carry them: they are about a
    /// change, not about the catalog).
    pub fn of(loaded: &Loaded) -> Acks {
        let sources = &loaded.sources;
        let ack = |file, a: &Option<S<String>>| -> Option<Ack> {
            let a = a.as_ref()?;
            let f = sources.get(file);
            Some(Ack {
                text: a.get_ref().trim().to_owned(),
                at: format!("{}:{}", f.path, f.line_col(a.span().start).0),
            })
        };
        let mut acks = Acks {
            catalog: loaded.catalog.as_ref().and_then(|c| {
                c.catalog
                    .as_ref()
                    .and_then(|e| ack(c.file, &e.value.breaking_change_ok))
            }),
            ..Acks::default()
        };
        for d in &loaded.domains {
            if let Some(a) = d
                .domain
                .as_ref()
                .and_then(|e| ack(d.file, &e.value.breaking_change_ok))
            {
                acks.domains.insert(d.id.clone(), a);
            }
            for e in &d.errors {
                if let Some(a) = ack(d.file, &e.value.breaking_change_ok) {
                    acks.codes
                        .insert((d.id.clone(), e.key.get_ref().clone()), a);
                }
            }
        }
        acks
    }
}

/// A loaded, valid side.
#[derive(Debug)]
pub struct Side {
    /// As shown to people: `error-spec`, `origin/main:error-spec`.
    pub label: String,
    /// The catalog.
    pub catalog: Catalog,
    /// Its acknowledgements.
    pub acks: Acks,
    /// The files read.
    pub sources: Sources,
}

impl Side {
    /// Loads `source`.
    pub fn load(source: &Source) -> Result<Side, SideError> {
        let label = source.label();
        let loaded = match source {
            Source::Dir(dir) => load::load_dir(dir).map_err(SideError::Load)?,
            Source::Rev { rev, dir } => load::load_files(&label, git_files(rev, dir)?),
        };
        Side::from_loaded(label, loaded)
    }

    /// Validates what the loader produced.
    pub fn from_loaded(label: String, loaded: Loaded) -> Result<Side, SideError> {
        let acks = Acks::of(&loaded);
        let checked = crate::check_loaded(loaded);
        match checked.catalog {
            Some(catalog) => Ok(Side {
                label,
                catalog,
                acks,
                sources: checked.sources,
            }),
            None => Err(SideError::Invalid(Box::new(checked))),
        }
    }

    /// The path of a domain's file as shown (`error-spec/toss.toml`).
    pub fn domain_file(&self, id: &str) -> String {
        let name = format!("{id}.toml");
        self.sources
            .iter()
            .map(|(_, f)| f.path.as_str())
            .find(|p| p.rsplit(['/', '\\']).next() == Some(name.as_str()))
            .map_or(name, str::to_owned)
    }

    /// The path of `catalog.toml` as shown.
    pub fn catalog_file(&self) -> String {
        self.domain_file(CATALOG_FILE.trim_end_matches(".toml"))
    }
}

impl Source {
    /// A directory if `arg` is one, else a git revision of `dir` if git knows `arg`.
    pub fn resolve(arg: &str, dir: &Path) -> Result<Source, SideError> {
        let path = Path::new(arg);
        if path.is_dir() {
            return Ok(Source::Dir(path.to_path_buf()));
        }
        let (cwd, _) = git_place(dir);
        let spec = format!("{arg}^{{commit}}");
        let known = Command::new("git")
            .current_dir(cwd)
            .args(["rev-parse", "--verify", "--quiet", spec.as_str()])
            .output()
            .is_ok_and(|o| o.status.success());
        if known {
            Ok(Source::Rev {
                rev: arg.to_owned(),
                dir: dir.to_path_buf(),
            })
        } else {
            Err(SideError::NotFound(arg.to_owned()))
        }
    }

    /// As shown to people.
    pub fn label(&self) -> String {
        match self {
            Source::Dir(d) => d.display().to_string(),
            Source::Rev { rev, dir } => format!("{rev}:{}", dir.display()),
        }
    }
}

/// Where to run git and how to name the spec directory in a `REV:./path` object name: from
/// inside the directory when it exists (so it may be anywhere in the repository), else from
/// the current directory.
fn git_place(dir: &Path) -> (PathBuf, String) {
    if dir.is_dir() {
        (dir.to_path_buf(), "./".to_owned())
    } else {
        let rel = dir.to_string_lossy().trim_end_matches('/').to_owned();
        (PathBuf::from("."), format!("./{rel}/"))
    }
}

fn git(cwd: &Path, args: &[&str]) -> Result<Vec<u8>, SideError> {
    let out = Command::new("git")
        .current_dir(cwd)
        .args(args)
        .output()
        .map_err(|e| SideError::Git(format!("cannot run git: {e}")))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(SideError::Git(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

/// The `*.toml` files of `dir` at `rev`, as (file name, bytes).
fn git_files(rev: &str, dir: &Path) -> Result<Vec<(String, Vec<u8>)>, SideError> {
    let (cwd, prefix) = git_place(dir);
    let tree = format!("{rev}:{prefix}");
    let listing = git(&cwd, &["ls-tree", "--full-tree", "-z", tree.as_str()])?;
    let mut files = Vec::new();
    for item in listing.split(|b| *b == 0).filter(|i| !i.is_empty()) {
        let item = String::from_utf8_lossy(item);
        // `<mode> <type> <object>\t<name>`
        let Some((meta, name)) = item.split_once('\t') else {
            continue;
        };
        if meta.split(' ').nth(1) != Some("blob") || !name.ends_with(".toml") {
            continue;
        }
        let object = format!("{rev}:{prefix}{name}");
        files.push((name.to_owned(), git(&cwd, &["show", object.as_str()])?));
    }
    Ok(files)
}
