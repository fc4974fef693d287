//! The string hash behind `Code::from_code`: a minimal perfect hash built at generation time.
//!
//! The generator (`emit::lookup`) hashes every wire code of a domain to build its tables, and
//! `payment-errors`' runtime probes them with the same function, so both sides compute the same
//! bits.
//!
//! A lookup is a hash of the code's bytes, two table reads (the code's bucket gives a *pilot*,
//! hash and pilot give the slot) and one string comparison, whatever the number of codes. The
//! hash reads the bytes eight at a time and mixes with 64×64→128-bit multiplications (the
//! "folded multiply" of foldhash and wyhash); the tables are built by hash-and-displace
//! (CHD/PTHash): buckets are placed largest first, each with the first pilot that sends all its
//! codes to free slots.

const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;
const K2: u64 = 0xa409_3822_299f_31d0;
const K3: u64 = 0x082e_fa98_ec4e_6c89;

#[inline(always)]
const fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

#[inline(always)]
fn r64(s: &[u8], i: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&s[i..i + 8]);
    u64::from_le_bytes(b)
}

#[inline(always)]
fn r32(s: &[u8], i: usize) -> u64 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&s[i..i + 4]);
    u64::from(u32::from_le_bytes(b))
}

/// The 64-bit hash of `s` under `seed`.
#[inline]
pub fn hash(seed: u64, s: &[u8]) -> u64 {
    let len = s.len();
    let (a, b) = if len <= 16 {
        if len >= 8 {
            (r64(s, 0), r64(s, len - 8))
        } else if len >= 4 {
            (r32(s, 0), r32(s, len - 4))
        } else if len > 0 {
            (
                u64::from(s[0]) << 16 | u64::from(s[len / 2]) << 8 | u64::from(s[len - 1]),
                0,
            )
        } else {
            (0, 0)
        }
    } else {
        let mut acc = seed;
        let mut i = 0;
        while len - i > 16 {
            acc = fold(r64(s, i) ^ K1, r64(s, i + 8) ^ K2 ^ acc);
            i += 16;
        }
        (r64(s, len - 16) ^ acc, r64(s, len - 8))
    };
    fold(a ^ seed ^ K0, b ^ K1 ^ (len as u64).wrapping_mul(K3))
}

/// `x` scaled into `0..n` (Lemire's multiply-shift: the high bits decide).
#[inline(always)]
const fn scale(x: u64, n: usize) -> usize {
    ((x as u128 * n as u128) >> 64) as usize
}

/// The bucket of a hash, among `buckets` (> 0).
#[inline(always)]
pub const fn bucket(h: u64, buckets: usize) -> usize {
    scale(h, buckets)
}

/// The slot of a hash whose bucket has pilot `pilot`, among `slots` (> 0).
#[inline(always)]
pub const fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    scale(fold(h ^ K2, (pilot as u64).wrapping_mul(K3) ^ K0), slots)
}
