//! The tool's own Korean sentences: the undecided particle forms (`은(는)`, `이(가)` …) right
//! after an interpolated word are resolved the way the crate resolves them in messages, so
//! diagnostics read `` `status`를 쓰려던 것인가요? `` rather than `` `status`을(를) ``.
//!
//! Text inside a `code span` is left alone (it shows spec syntax, `{field}은(는)`), and so is a
//! form after a space (a list of the forms) or after a word whose sound cannot be known.

use crate::particle::{Particle, resolve};
use crate::template::PARTICLE_SPELLINGS;

/// `text` with every resolvable particle form decided.
pub fn resolve_particles(text: &str) -> String {
    if !PARTICLE_SPELLINGS.iter().any(|(s, _)| text.contains(s)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code && out.chars().next_back().is_some_and(|p| !p.is_whitespace()) {
            let decided = PARTICLE_SPELLINGS
                .iter()
                .filter(|(spelling, _)| rest.starts_with(spelling))
                .find_map(|(spelling, _)| {
                    let form = resolve(&out, Particle::from_spelling(spelling)?)?;
                    Some((spelling.len(), form))
                });
            if let Some((len, form)) = decided {
                out.push_str(form);
                rest = &rest[len..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::resolve_particles as r;

    #[test]
    fn forms_after_words_are_decided() {
        assert_eq!(
            r("`status`을(를) 쓰려던 것인가요?"),
            "`status`를 쓰려던 것인가요?"
        );
        assert_eq!(
            r("분류 `Q`은(는) 이 도메인에 없습니다"),
            "분류 `Q`는 이 도메인에 없습니다"
        );
        assert_eq!(
            r("HTTP 상태 600은(는) 에러 상태가 아닙니다"),
            "HTTP 상태 600은 에러 상태가 아닙니다"
        );
        assert_eq!(
            r("en 메시지에도 {refundId}을(를) 넣으세요"),
            "en 메시지에도 {refundId}를 넣으세요"
        );
        assert_eq!(
            r("코드 `EBP-C-0004`을(를) 두 번"),
            "코드 `EBP-C-0004`를 두 번"
        );
        assert_eq!(r("`결제`과(와) `취소`(으)로"), "`결제`와 `취소`로");
    }

    #[test]
    fn syntax_lists_and_unknown_sounds_stay_as_written() {
        let list = "지원하는 조사: 은(는), 는(은), 이(가), (으)로";
        assert_eq!(r(list), list);
        let code = "조사는 `{x}은(는)`처럼 씁니다";
        assert_eq!(r(code), code);
        let unknown = "`ㅋㅋ`은(는) 모릅니다";
        assert_eq!(r(unknown), unknown);
        assert_eq!(r("no particles"), "no particles");
        assert_eq!(r("은(는)"), "은(는)");
    }
}
