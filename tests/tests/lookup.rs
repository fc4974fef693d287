//! `Code::from_code` against a plain search of `Code::ALL`, for every code of every domain and
//! for the strings closest to them: one byte changed, one dropped or added, other case,
//! surrounding spaces. The generated lookup is a perfect hash; these are the inputs most
//! likely to land in a code's slot without being that code.

use payment_errors::{cancel, ebp, toss};

fn near_misses(code: &str) -> Vec<String> {
    let mut out = vec![
        String::new(),
        format!("{code} "),
        format!(" {code}"),
        format!("{code}\0"),
        code.to_lowercase(),
        format!("{code}{code}"),
    ];
    let bytes = code.as_bytes();
    for i in 0..bytes.len() {
        out.push(String::from_utf8_lossy(&[&bytes[..i], &bytes[i + 1..]].concat()).into_owned());
        for b in [b'0', b'A', b'_', b'-', b'z'] {
            let mut changed = bytes.to_vec();
            changed[i] = b;
            out.push(String::from_utf8_lossy(&changed).into_owned());
        }
    }
    out
}

macro_rules! check_domain {
    ($d:ident) => {{
        let linear = |s: &str| $d::Code::ALL.iter().copied().find(|c| c.as_str() == s);
        for &code in $d::Code::ALL {
            assert_eq!($d::Code::from_code(code.as_str()), Some(code));
            for probe in near_misses(code.as_str()) {
                assert_eq!($d::Code::from_code(&probe), linear(&probe), "{probe:?}");
            }
        }
    }};
}

#[test]
fn lookup_agrees_with_a_linear_search() {
    check_domain!(ebp);
    check_domain!(toss);
    check_domain!(cancel);
}

#[test]
fn codes_of_one_domain_are_not_found_in_another() {
    for c in ebp::Code::ALL {
        assert_eq!(toss::Code::from_code(c.as_str()), None);
        assert_eq!(cancel::Code::from_code(c.as_str()), None);
    }
    for c in toss::Code::ALL {
        assert_eq!(ebp::Code::from_code(c.as_str()), None);
    }
}
