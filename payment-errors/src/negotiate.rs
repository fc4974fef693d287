//! `Accept-Language` negotiation (RFC 9110 §12.5.4, RFC 4647 lookup), without dependencies.

use crate::__private::match_locale;

/// A quality value in thousandths (`q=0.9` → 900); `None` if it is not a valid qvalue.
fn qvalue(s: &str) -> Option<u16> {
    let s = s.trim();
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for i in 0..3 {
        let d = frac.as_bytes().get(i).map_or(0, |b| u16::from(b - b'0'));
        thousandths = thousandths * 10 + d;
    }
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The index into `tags` (the catalog's locales) of the best match for an `Accept-Language`
/// header value: ranges by descending quality (ties keep header order), each matched like
/// [`crate::Locale::from_tag`] (`en-US` → `en`); `*` takes the first locale not refused;
/// `q=0` refuses a locale. Malformed entries are skipped. `None` when nothing matches.
pub fn negotiate(header: &str, tags: &[&str]) -> Option<usize> {
    let mut ranges: Vec<(u16, &str)> = Vec::new();
    for item in header.split(',') {
        let mut parts = item.split(';');
        let range = parts.next().unwrap_or_default().trim();
        if range.is_empty() {
            continue;
        }
        let mut q = Some(1000);
        for p in parts {
            let Some((k, v)) = p.split_once('=') else {
                q = None;
                break;
            };
            if k.trim().eq_ignore_ascii_case("q") {
                q = qvalue(v);
            }
        }
        if let Some(q) = q {
            ranges.push((q, range));
        }
    }
    // `q=0` refuses the locales the range covers: `en` refuses `en` and `en-US`, while
    // `en-US` does not refuse `en`.
    let covers = |range: &str, tag: &str| {
        tag.eq_ignore_ascii_case(range)
            || (tag.len() > range.len()
                && tag.as_bytes()[range.len()] == b'-'
                && tag
                    .get(..range.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(range)))
    };
    let refused: Vec<usize> = (0..tags.len())
        .filter(|&i| {
            ranges
                .iter()
                .any(|(q, r)| *q == 0 && *r != "*" && covers(r, tags[i]))
        })
        .collect();
    // Stable: equal qualities keep the header's order.
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    ranges.iter().filter(|(q, _)| *q > 0).find_map(|(_, r)| {
        if *r == "*" {
            (0..tags.len()).find(|i| !refused.contains(i))
        } else {
            match_locale(r, tags).filter(|i| !refused.contains(i))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAGS: &[&str] = &["ko", "en"];

    #[test]
    fn quality_orders_the_choices() {
        assert_eq!(negotiate("en-US,en;q=0.9,ko;q=0.8", TAGS), Some(1));
        assert_eq!(
            negotiate("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", TAGS),
            Some(0)
        );
        assert_eq!(negotiate("fr;q=1, en;q=0.5, ko;q=0.7", TAGS), Some(0));
        assert_eq!(
            negotiate("en;q=0.5, ko;q=0.5", TAGS),
            Some(1),
            "ties keep header order"
        );
        assert_eq!(negotiate("  EN-gb ", TAGS), Some(1));
    }

    #[test]
    fn wildcards_and_refusals() {
        assert_eq!(negotiate("*", TAGS), Some(0));
        assert_eq!(negotiate("ko;q=0, *", TAGS), Some(1));
        assert_eq!(negotiate("en;q=0, fr", TAGS), None);
        assert_eq!(negotiate("en;q=0", TAGS), None);
        assert_eq!(negotiate("en-US;q=0, en", TAGS), Some(1), "en-US is not en");
        assert_eq!(
            negotiate("EN;q=0, *", &["en-GB", "ko"]),
            Some(1),
            "en covers en-GB"
        );
    }

    #[test]
    fn nothing_usable() {
        assert_eq!(negotiate("", TAGS), None);
        assert_eq!(negotiate("fr-FR, de;q=0.9", TAGS), None);
        assert_eq!(negotiate(",,;", TAGS), None);
    }

    #[test]
    fn malformed_quality_skips_the_entry() {
        assert_eq!(negotiate("en;q=2, ko;q=0.1", TAGS), Some(0));
        assert_eq!(negotiate("en;q=abc, ko;q=0.1", TAGS), Some(0));
        assert_eq!(negotiate("en;q=0.1234, ko;q=0.1", TAGS), Some(0));
        assert_eq!(negotiate("en;q, ko;q=0.1", TAGS), Some(0));
        assert_eq!(negotiate("en;q=1.000, ko", TAGS), Some(1));
    }

    #[test]
    fn odd_input_never_panics() {
        for h in [
            "결제;q=0, *",
            "é-x;q=0",
            ";q=0",
            "*;q=0",
            "ko;q=0;q=1",
            "\u{0}",
        ] {
            let _ = negotiate(h, &["ko", "결-x", "en"]);
        }
        assert_eq!(negotiate("*;q=0", TAGS), None);
    }

    #[test]
    fn qvalues() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.123"), Some(123));
        assert_eq!(qvalue("0."), Some(0));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("-0.5"), None);
    }
}
