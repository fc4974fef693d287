//! The tables behind `Code::from_code`: a minimal perfect hash of a domain's wire codes.
//!
//! Built here, at generation time, by hash-and-displace over [`crate::strhash`]; probed at run
//! time by the same functions compiled into `payment-errors`. Every code lands in its own slot
//! of a table exactly as long as the code list, so a lookup costs one hash, two table reads and
//! one string comparison at any catalog size.

use crate::strhash::{bucket, hash, slot};

/// Codes per bucket, on average. Smaller buckets are quicker to place and cost a larger pilot
/// table (two bytes a bucket).
const BUCKET_SIZE: usize = 3;

/// Seeds tried before giving up. A seed fails only when a bucket finds no pilot among 65,536,
/// which for distinct codes essentially never happens; each try is a fresh, independent hash.
const SEEDS: u64 = 256;

/// A domain's lookup tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The hash seed.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: Vec<u16>,
    /// For each slot, the index (into the code list) of the code that hashes there.
    pub slots: Vec<usize>,
}

impl Table {
    /// Where `code` would be, if the table holds it: the index of the only code it can be.
    pub fn probe(&self, code: &str) -> usize {
        let h = hash(self.seed, code.as_bytes());
        let p = self.pilots[bucket(h, self.pilots.len())];
        self.slots[slot(h, p, self.slots.len())]
    }
}

/// Builds the tables for `codes`, which must be distinct. `None` for an empty list, or (never
/// seen, but not ruled out) when no seed works; the caller then generates a `match`.
pub fn build(codes: &[&str]) -> Option<Table> {
    if codes.is_empty() {
        return None;
    }
    (0..SEEDS).find_map(|seed| try_seed(codes, seed))
}

fn try_seed(codes: &[&str], seed: u64) -> Option<Table> {
    let n = codes.len();
    let nb = n.div_ceil(BUCKET_SIZE);
    let hashes: Vec<u64> = codes.iter().map(|c| hash(seed, c.as_bytes())).collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (i, &h) in hashes.iter().enumerate() {
        buckets[bucket(h, nb)].push(i);
    }
    // Largest buckets first, while the table is still empty; ties by bucket number, so the
    // result depends only on the codes.
    let mut order: Vec<usize> = (0..nb).filter(|&b| !buckets[b].is_empty()).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));

    const FREE: usize = usize::MAX;
    let mut slots = vec![FREE; n];
    let mut pilots = vec![0u16; nb];
    let mut positions = Vec::with_capacity(BUCKET_SIZE * 4);
    for b in order {
        let keys = &buckets[b];
        let pilot = (0..=u16::MAX).find(|&p| {
            positions.clear();
            keys.iter().all(|&k| {
                let s = slot(hashes[k], p, n);
                let fits = slots[s] == FREE && !positions.contains(&s);
                positions.push(s);
                fits
            })
        })?;
        for (&k, &s) in keys.iter().zip(&positions) {
            slots[s] = k;
        }
        pilots[b] = pilot;
    }
    Some(Table {
        seed,
        pilots,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| match i % 3 {
                0 => format!("EBP-{}-{:04}", ["A", "B", "C", "Z"][i % 4], i),
                1 => format!("NOT_FOUND_PAYMENT_{i}"),
                _ => format!("{i}"),
            })
            .collect()
    }

    #[test]
    fn every_code_finds_itself_at_every_size() {
        for n in [1, 2, 3, 7, 12, 21, 150, 1000, 10_000] {
            let owned = codes(n);
            let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
            let table = build(&codes).expect("a table");
            assert_eq!(table.slots.len(), n);
            assert_eq!(table.pilots.len(), n.div_ceil(BUCKET_SIZE));
            let mut seen = vec![false; n];
            for &i in &table.slots {
                assert!(!seen[i], "index {i} in two slots");
                seen[i] = true;
            }
            for (i, c) in codes.iter().enumerate() {
                assert_eq!(table.probe(c), i, "{c}");
            }
        }
    }

    #[test]
    fn the_tables_depend_only_on_the_codes() {
        let owned = codes(500);
        let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert_eq!(build(&codes), build(&codes));
    }

    #[test]
    fn an_empty_domain_has_no_table() {
        assert_eq!(build(&[]), None);
    }

    #[test]
    fn near_collisions_and_odd_lengths_stay_apart() {
        let codes = [
            "",
            "0",
            "00",
            "000",
            "0000",
            "INVALID_PARAMETER",
            "INVALID_PARAMETERS",
            "NOT-FOUND",
            "NOT_FOUND",
            "a",
            "결제",
            "EBP-C-0004",
            "EBP-C-0040",
            &"X".repeat(87),
            &"X".repeat(88),
        ];
        let table = build(&codes).expect("a table");
        for (i, c) in codes.iter().enumerate() {
            assert_eq!(table.probe(c), i, "{c:?}");
        }
    }

    #[test]
    fn the_hash_reads_every_byte() {
        // Strings of every length up to 40 that differ in one byte hash differently.
        for len in 1..40 {
            let base = vec![b'A'; len];
            let h = hash(7, &base);
            for i in 0..len {
                let mut other = base.clone();
                other[i] = b'B';
                assert_ne!(hash(7, &other), h, "len {len}, byte {i}");
            }
        }
    }
}
