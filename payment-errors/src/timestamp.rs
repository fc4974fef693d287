//! RFC 3339 timestamps in UTC (`2026-01-02T04:58:09.073Z`), for the `{timestamp}` of envelopes,
//! without a date library.

use std::time::{SystemTime, UNIX_EPOCH};

/// Formats `t` as an RFC 3339 UTC timestamp with `digits` fraction digits (0..=9; 0 gives
/// `2025-01-02T10:00:00Z`). Times before 1970 are written as 1970-01-01T00:00:00Z.
pub fn rfc3339(t: SystemTime, digits: u8) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, day) = civil_from_days(days);
    let mut s = format!(
        "{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    );
    let digits = usize::from(digits.min(9));
    if digits > 0 {
        let nanos = format!("{:09}", d.subsec_nanos());
        s.push('.');
        s.push_str(&nanos[..digits]);
    }
    s.push('Z');
    s
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64, nanos: u32) -> SystemTime {
        UNIX_EPOCH + Duration::new(secs, nanos)
    }

    #[test]
    fn seed_timestamps() {
        assert_eq!(rfc3339(at(1_735_812_000, 0), 0), "2025-01-02T10:00:00Z");
        assert_eq!(
            rfc3339(at(1_767_329_889, 73_097_700), 9),
            "2026-01-02T04:58:09.073097700Z"
        );
        assert_eq!(
            rfc3339(at(1_767_329_889, 73_097_700), 3),
            "2026-01-02T04:58:09.073Z"
        );
    }

    #[test]
    fn calendar_edges() {
        assert_eq!(rfc3339(UNIX_EPOCH, 0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(at(951_782_400, 0), 0), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(at(4_107_542_399, 0), 0), "2100-02-28T23:59:59Z");
        assert_eq!(
            rfc3339(at(253_402_300_799, 999_999_999), 9),
            "9999-12-31T23:59:59.999999999Z"
        );
    }
}
