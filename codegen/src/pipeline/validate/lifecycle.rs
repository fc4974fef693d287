//! A code's life: `deprecated` (with a replacement that is a live code of the domain),
//! `retired` (a tombstone), never both; and `breaking_change_ok`, the acknowledgement
//! `errspec diff` reads.

use std::collections::{HashMap, HashSet};

use super::{Validator, at, empty_text, unknown};
use crate::diagnostic::{Diagnostic, FileId, MAX_PER_KIND, Msg, Rule};
use crate::load::{Entry as RawEntry, LoadedDomain};
use crate::model::{Deprecation, Entry, Retirement};
use crate::raw::{RawError, S};

impl Validator<'_> {
    /// A code is deprecated or retired, not both.
    pub(super) fn not_both_deprecated_and_retired(
        &mut self,
        file: FileId,
        e: &RawEntry<RawError>,
    ) -> bool {
        let raw = &e.value;
        let (Some(_), Some(dep)) = (&raw.retired, &raw.deprecated) else {
            return true;
        };
        let code = e.key.get_ref();
        self.push(
            Diagnostic::new(
                Rule::Lifecycle,
                at(file, dep.span()),
                Msg::new(
                    format!("`{code}`은(는) deprecated와 retired를 함께 가질 수 없습니다"),
                    format!("`{code}` cannot be both deprecated and retired"),
                ),
            )
            .help(Msg::new(
                "폐기된 코드라면 deprecated를 지우세요",
                "if the code is retired, remove `deprecated`",
            )),
        );
        false
    }

    /// `deprecated`, its note checked; `Err` if the note is unusable.
    pub(super) fn deprecation(
        &mut self,
        file: FileId,
        raw: &RawError,
    ) -> Result<Option<Deprecation>, ()> {
        let Some(dep) = &raw.deprecated else {
            return Ok(None);
        };
        let d = dep.get_ref();
        let note = self.opt_text(file, &d.note, "note")?;
        Ok(Some(Deprecation {
            since: d.since.as_ref().map(|s| s.get_ref().clone()),
            replacement: d.replacement.as_ref().map(|s| s.get_ref().clone()),
            note,
        }))
    }

    /// `retired`, its note checked; `Err` if the note is unusable.
    pub(super) fn retirement(
        &mut self,
        file: FileId,
        raw: &RawError,
    ) -> Result<Option<Retirement>, ()> {
        let Some(r) = &raw.retired else {
            return Ok(None);
        };
        let r = r.get_ref();
        let note = self.opt_text(file, &r.note, "note")?;
        Ok(Some(Retirement {
            since: r.since.as_ref().map(|s| s.get_ref().clone()),
            note,
        }))
    }

    /// Deprecation replacements must be live codes of the domain. (`out` lacks the entries
    /// that failed, so match entries by code, and say nothing of a replacement that exists
    /// but has problems of its own.)
    pub(super) fn replacements(
        &mut self,
        d: &LoadedDomain,
        out: &[Entry],
        all_codes: &[&str],
    ) -> bool {
        let mut ok = true;
        // Indexes, so that thousands of deprecations cost no more than one scan each.
        let by_code: HashMap<&str, &Entry> = out.iter().map(|x| (x.code(), x)).collect();
        let known: HashSet<&str> = all_codes.iter().copied().collect();
        let raw: HashMap<&str, &RawEntry<RawError>> = d
            .errors
            .iter()
            .map(|e| (e.key.get_ref().as_str(), e))
            .collect();
        let live: Vec<&str> = out
            .iter()
            .filter(|x| x.retired().is_none())
            .map(Entry::code)
            .collect();
        let mut reported = 0;
        for def in out {
            let Some(rep) = def.deprecated().and_then(|d| d.replacement.as_ref()) else {
                continue;
            };
            let Some(e) = raw.get(def.code()) else {
                continue;
            };
            let Some(title) =
                replacement_problem(by_code.get(rep.as_str()).copied(), def, rep, &known)
            else {
                continue;
            };
            ok = false;
            let span = e
                .value
                .deprecated
                .as_ref()
                .map_or(e.key.span(), |s| s.span());
            // "Did you mean" scans the domain's codes: only for as many problems as a person
            // is shown (the first 50 of a rule in a file), so a file with thousands of broken
            // references stays linear.
            reported += 1;
            let candidates: Vec<&str> = if reported <= MAX_PER_KIND {
                live.iter().copied().filter(|c| *c != def.code()).collect()
            } else {
                Vec::new()
            };
            self.push(
                unknown(
                    Rule::Lifecycle,
                    at(d.file, span),
                    title,
                    None,
                    rep,
                    &candidates,
                    super::ticked,
                )
                .help(Msg::new(
                    "replacement에는 이 도메인에서 아직 쓰는(폐기되지 않은) 다른 코드를 씁니다",
                    "`replacement` names another live (not retired) code of this domain",
                )),
            );
        }
        ok
    }

    /// `breaking_change_ok` (read by `errspec diff`): a reason, so never empty.
    pub(super) fn acknowledgement(&mut self, file: FileId, ack: &Option<S<String>>) -> bool {
        match ack {
            Some(a) if a.get_ref().trim().is_empty() => {
                self.push(
                    empty_text(file, a.span(), "breaking_change_ok").help(Msg::new(
                        "언제, 왜 바꾸는지와 승인한 사람을 쓰세요. 예: \"2026-11: 상태를 400으로 바로잡음 (승인: 김결제)\"",
                        "say when and why, and who approved: \"2026-11: status corrected to 400 (approved by Kim)\"",
                    )),
                );
                false
            }
            _ => true,
        }
    }
}

/// What is wrong with `def`'s replacement `rep` (`found` among the domain's entries), if
/// anything.
fn replacement_problem(
    found: Option<&Entry>,
    def: &Entry,
    rep: &str,
    all_codes: &HashSet<&str>,
) -> Option<Msg> {
    match found {
        None if all_codes.contains(rep) => None,
        None => Some(Msg::new(
            format!("대신 쓸 코드 `{rep}`이(가) 이 도메인에 없습니다"),
            format!("replacement `{rep}` is not a code of this domain"),
        )),
        Some(t) if t.retired().is_some() => Some(Msg::new(
            format!("대신 쓸 코드 `{rep}`은(는) 폐기되었습니다"),
            format!("replacement `{rep}` is retired"),
        )),
        Some(t) if t.code() == def.code() => Some(Msg::new(
            "자기 자신을 대신 쓸 수 없습니다",
            "a code cannot replace itself",
        )),
        _ => None,
    }
}
