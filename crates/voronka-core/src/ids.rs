//! Record ids: UUIDv7, unique across databases and sortable by creation time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::Mutex;
use uuid::Uuid;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(transparent)]
pub struct Id(pub Uuid);

impl Id {
    /// A v7 id for the given instant with the given 74 random bits.
    pub fn v7(at: DateTime<Utc>, random: u128) -> Id {
        let millis = at.timestamp_millis().max(0) as u128 & 0xFFFF_FFFF_FFFF;
        let rand_a = (random >> 62) & 0xFFF;
        let rand_b = random & 0x3FFF_FFFF_FFFF_FFFF;
        let bits = (millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b;
        Id(Uuid::from_u128(bits))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Id {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Id> {
        Uuid::parse_str(s.trim())
            .map(Id)
            .map_err(|_| crate::Error::invalid("id", format!("«{s}» is not an id")))
    }
}

/// Where new ids come from. The store asks this port so demo data can be reproducible.
pub trait IdSource: Send + Sync + fmt::Debug {
    fn next_id(&self, at: DateTime<Utc>) -> Id;
}

/// Keeps ids from one source strictly increasing, also within one millisecond, so records made
/// in one instant (a change and its audit entry) keep their order.
#[derive(Debug, Default)]
struct Monotonic(Mutex<u128>);

impl Monotonic {
    fn after(&self, candidate: Id) -> Id {
        let mut last = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let next = if candidate.0.as_u128() > *last {
            candidate.0.as_u128()
        } else {
            // Same millisecond: step past the last id; the version and variant bits stay intact
            // because the step stays within the random tail.
            *last + 1
        };
        *last = next;
        Id(Uuid::from_u128(next))
    }
}

/// Ids with OS randomness: the normal source.
#[derive(Debug, Default)]
pub struct RandomIds(Monotonic);

impl RandomIds {
    pub fn new() -> Self {
        RandomIds::default()
    }
}

impl IdSource for RandomIds {
    fn next_id(&self, at: DateTime<Utc>) -> Id {
        self.0.after(Id::v7(at, Uuid::new_v4().as_u128() & !(1u128 << 61)))
    }
}

/// Ids from a seeded generator: the same seed and instants give the same ids on every machine.
#[derive(Debug)]
pub struct SeededIds(Mutex<SplitMix64>, Monotonic);

impl SeededIds {
    pub fn new(seed: u64) -> Self {
        SeededIds(Mutex::new(SplitMix64::new(seed ^ 0x1D5_5EED)), Monotonic::default())
    }
}

impl IdSource for SeededIds {
    fn next_id(&self, at: DateTime<Utc>) -> Id {
        let random = {
            let mut rng = self.0.lock().unwrap_or_else(|e| e.into_inner());
            ((rng.next_u64() as u128) << 64) | rng.next_u64() as u128
        };
        // Half the random range leaves room to step up within one millisecond.
        self.1.after(Id::v7(at, random & !(1u128 << 61)))
    }
}

/// A small, fully specified PRNG (SplitMix64): its output never changes between versions or
/// platforms, which is what reproducible demo data needs.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_ids_sort_by_time_and_carry_version_7() {
        let a = Id::v7(DateTime::from_timestamp_millis(1_000).unwrap(), u128::MAX);
        let b = Id::v7(DateTime::from_timestamp_millis(2_000).unwrap(), 0);
        assert!(a < b, "a later instant must give a larger id");
        assert_eq!(a.0.get_version_num(), 7);
        assert_eq!(b.0.get_variant(), uuid::Variant::RFC4122);
    }

    #[test]
    fn ids_of_one_instant_still_increase() {
        let at = DateTime::from_timestamp_millis(5_000).unwrap();
        for source in [&RandomIds::new() as &dyn IdSource, &SeededIds::new(1)] {
            let ids: Vec<Id> = (0..1000).map(|_| source.next_id(at)).collect();
            assert!(
                ids.windows(2).all(|w| w[0] < w[1]),
                "ids made in one millisecond keep their order"
            );
            assert!(ids.iter().all(|id| id.0.get_version_num() == 7));
        }
    }

    #[test]
    fn seeded_ids_repeat_for_the_same_seed() {
        let at = DateTime::from_timestamp_millis(5_000).unwrap();
        let (x, y) = (SeededIds::new(7), SeededIds::new(7));
        assert_eq!(x.next_id(at), y.next_id(at));
        assert_ne!(x.next_id(at), SeededIds::new(8).next_id(at));
    }
}
