//! The JSON writer driven by arbitrary call sequences: each byte is one call. Misuse (a close
//! with nothing open, a key outside an object) must never panic; a correct sequence writes
//! what `serde_json` parses.
use payment_errors::json::{Layout, Writer};

/// One run of the target.
pub fn body(data: &[u8]) {
    let layout = match data.first() {
        Some(b) if b % 2 == 0 => Layout::Pretty(b % 5),
        _ => Layout::Compact,
    };
    let mut w = Writer::new(layout);
    let mut text = String::new();
    for &b in data.iter().skip(1) {
        match b % 12 {
            0 => w.begin_object(),
            1 => w.end_object(),
            2 => w.begin_array(),
            3 => w.end_array(),
            4 => w.key(&text),
            5 => w.element(),
            6 => w.null(),
            7 => w.bool(b > 127),
            8 => w.int(i64::from(b) * -7_777_777),
            9 => w.str(&text),
            10 => w.float(f64::from(b) / 7.0),
            _ => text.push(char::from_u32(u32::from(b) * 131).unwrap_or('\u{fffd}')),
        }
    }
    let _ = w.finish();
}
