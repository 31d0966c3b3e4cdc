//! Exact medians of a length (milliseconds) per group and over all groups, without ranking every
//! row: a window over a million rows is a sort of a million rows, on SQLite seconds of it.
//!
//! First the rows are counted per group and bucket of length (a minute, say): the database
//! aggregates them without ranking, or a roll-up holds the counts already (see the store's
//! `rollups`). The counts tell which bucket holds each median's middle row (or two) and at which
//! rank within it; then only the lengths in those buckets are read and sorted here. The bucket
//! should be narrow enough that a middle one holds few rows, and wide enough that the counts stay
//! a few thousand rows.

use super::{Reader, Sql};
use serde::Deserialize;
use std::collections::BTreeMap;
use voronka_core::{Id, Result};

/// What a set of rows adds up to.
#[derive(Debug, Default, Clone)]
pub(crate) struct Summary {
    /// Rows, those without a length included.
    pub rows: i64,
    /// Rows with a length.
    pub measured: i64,
    /// Rows whose flag is 1.
    pub flagged: i64,
    pub total_ms: i64,
    pub median_ms: Option<f64>,
}

/// How lengths fall into buckets: `width` milliseconds, the quotient rounded down or up the way
/// SQL divides integers (towards zero), so that Rust and both databases agree on every length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Buckets {
    pub width: i64,
    pub round_up: bool,
}

impl Buckets {
    pub(crate) fn of(self, ms: i64) -> i64 {
        if self.round_up {
            (ms + self.width - 1) / self.width
        } else {
            ms / self.width
        }
    }

    /// The bucket of the length `ms` (an SQL expression), as SQL.
    pub(crate) fn sql(self, ms: &str) -> String {
        if self.round_up {
            format!("({ms} + {}) / {}", self.width - 1, self.width)
        } else {
            format!("{ms} / {}", self.width)
        }
    }

    /// The lengths from..=to of `bucket`. Division towards zero makes bucket 0 twice as wide
    /// as the others, which lie on either side of it.
    pub(crate) fn range(self, bucket: i64) -> (i64, i64) {
        let w = self.width;
        // The dividends x with x / w == bucket.
        let (lo, hi) = match bucket {
            0 => (1 - w, w - 1),
            b if b > 0 => (b * w, (b + 1) * w - 1),
            b => ((b - 1) * w + 1, b * w),
        };
        // Rounded up, the dividend is the length plus w - 1.
        let shift = if self.round_up { w - 1 } else { 0 };
        (lo - shift, hi - shift)
    }
}

/// Rows of a group in one bucket of length (`bucket` NULL for rows without a length).
#[derive(Debug, Deserialize)]
pub(crate) struct Bucket {
    pub grp: Id,
    pub bucket: Option<i64>,
    pub n: i64,
    pub flagged: i64,
    pub total_ms: Option<i64>,
}

/// A length read for a median.
#[derive(Debug, Deserialize)]
pub(crate) struct Length {
    pub grp: Id,
    pub ms: i64,
}

/// The counts of a histogram, and where its medians' middle rows are.
#[derive(Debug)]
pub(crate) struct Counted {
    buckets: Buckets,
    groups: BTreeMap<Id, Summary>,
    all: Summary,
    /// Per group, the (bucket, rank within it) of its middle row or two.
    places: BTreeMap<Id, Vec<(i64, i64)>>,
    all_places: Vec<(i64, i64)>,
}

/// The (bucket, rank within it) of the middle row or two of a histogram sorted by bucket:
/// ranks (n + 1) / 2 and (n + 2) / 2, counted from 1.
fn middle(hist: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let n: i64 = hist.iter().map(|h| h.1).sum();
    let mut out = Vec::new();
    for rank in [(n + 1) / 2, (n + 2) / 2] {
        let mut before = 0;
        for &(bucket, count) in hist {
            if before + count >= rank {
                out.push((bucket, rank - before));
                break;
            }
            before += count;
        }
    }
    out
}

/// The median of `lengths` (of one group or all, sorted) at the given places.
fn median_at(places: &[(i64, i64)], buckets: Buckets, lengths: &[i64]) -> Option<f64> {
    let picked: Vec<i64> = places
        .iter()
        .filter_map(|&(bucket, rank)| {
            lengths
                .iter()
                .filter(|ms| buckets.of(**ms) == bucket)
                .nth(rank as usize - 1)
                .copied()
        })
        .collect();
    (!picked.is_empty()).then(|| picked.iter().sum::<i64>() as f64 / picked.len() as f64)
}

/// Adds up a histogram, whose rows may repeat a (group, bucket): a roll-up's days, say.
pub(crate) fn count(buckets: Buckets, rows: &[Bucket]) -> Counted {
    let mut groups: BTreeMap<Id, Summary> = BTreeMap::new();
    let mut all = Summary::default();
    let mut hist: BTreeMap<Id, BTreeMap<i64, i64>> = BTreeMap::new();
    let mut all_hist: BTreeMap<i64, i64> = BTreeMap::new();
    for b in rows {
        for s in [groups.entry(b.grp).or_default(), &mut all] {
            s.rows += b.n;
            s.flagged += b.flagged;
            if b.bucket.is_some() {
                s.measured += b.n;
                s.total_ms += b.total_ms.unwrap_or(0);
            }
        }
        if let Some(bucket) = b.bucket {
            *hist.entry(b.grp).or_default().entry(bucket).or_default() += b.n;
            *all_hist.entry(bucket).or_default() += b.n;
        }
    }
    let sorted = |h: &BTreeMap<i64, i64>| h.iter().map(|(b, n)| (*b, *n)).collect::<Vec<_>>();
    Counted {
        buckets,
        places: hist.iter().map(|(g, h)| (*g, middle(&sorted(h)))).collect(),
        all_places: middle(&sorted(&all_hist)),
        groups,
        all,
    }
}

impl Counted {
    /// The lengths to read, as (group, from, to) with no two ranges of a group overlapping: each
    /// group's middle buckets and the middle buckets of all rows, in every group.
    pub(crate) fn ranges(&self) -> Vec<(Id, i64, i64)> {
        let mut out = Vec::new();
        for (grp, at) in &self.places {
            let mut ranges: Vec<(i64, i64)> = at
                .iter()
                .chain(&self.all_places)
                .map(|(bucket, _)| self.buckets.range(*bucket))
                .collect();
            ranges.sort_unstable();
            let mut merged: Vec<(i64, i64)> = Vec::new();
            for (lo, hi) in ranges {
                match merged.last_mut() {
                    Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                    _ => merged.push((lo, hi)),
                }
            }
            out.extend(merged.into_iter().map(|(lo, hi)| (*grp, lo, hi)));
        }
        out
    }

    /// Each group's middle row or two, as (group, bucket, rank within the bucket), in group
    /// order; the two are the same place when the group's count is odd.
    pub(crate) fn middles(&self) -> Vec<(Id, i64, i64)> {
        self.places
            .iter()
            .flat_map(|(g, at)| at.iter().map(|(bucket, rank)| (*g, *bucket, *rank)))
            .collect()
    }

    /// The summaries per group, each median the mean of the group's middle lengths `picked`
    /// (one, or two for an even count): for a caller that found them itself.
    pub(crate) fn finish_picked(mut self, picked: &BTreeMap<Id, Vec<i64>>) -> BTreeMap<Id, Summary> {
        for (grp, s) in self.groups.iter_mut() {
            s.median_ms = picked
                .get(grp)
                .filter(|p| !p.is_empty())
                .map(|p| p.iter().sum::<i64>() as f64 / p.len() as f64);
        }
        self.groups
    }

    /// The summaries per group and over all rows, with the medians found in `lengths`, which
    /// hold (at least) every length of the [`Counted::ranges`], each once.
    pub(crate) fn finish(mut self, mut lengths: Vec<Length>) -> (BTreeMap<Id, Summary>, Summary) {
        lengths.sort_unstable_by_key(|l| (l.grp, l.ms));
        for (grp, at) in &self.places {
            let mine: Vec<i64> = lengths.iter().filter(|l| l.grp == *grp).map(|l| l.ms).collect();
            if let Some(s) = self.groups.get_mut(grp) {
                s.median_ms = median_at(at, self.buckets, &mine);
            }
        }
        let mut every: Vec<i64> = lengths.iter().map(|l| l.ms).collect();
        every.sort_unstable();
        self.all.median_ms = median_at(&self.all_places, self.buckets, &every);
        (self.groups, self.all)
    }
}

/// How to find the rank-th (from 1) of a bucket's lengths when `current` of them are read whole
/// and the others only in part, in length order: how many of the others to skip and how many to
/// read. The rank-th of all is at least the (rank - current)-th of the others and at most their
/// rank-th, since at most `current` of those below it are not among the others.
pub(crate) fn rank_window(rank: i64, current: i64) -> (i64, i64) {
    let skip = (rank - current - 1).max(0);
    (skip, rank - skip)
}

/// The rank-th (from 1) of a bucket's lengths, from the lengths [`rank_window`] had read (the
/// others' window and every current one): `skip` of the bucket's lengths lie below them all.
pub(crate) fn pick_ranked(rank: i64, skip: i64, mut read: Vec<i64>) -> Option<i64> {
    read.sort_unstable();
    read.get(usize::try_from(rank - skip - 1).ok()?).copied()
}

/// Summaries per group and over all rows of `source`: a subquery (with its alias) whose
/// columns are `grp` (an id), `ms` (a length, NULL for none) and `flag` (0 or 1). `source`
/// binds its parameters on the statement it is given; it is called once per statement.
pub(crate) async fn summaries(
    r: &mut Reader<'_>,
    buckets: Buckets,
    source: impl Fn(&mut Sql) -> String,
) -> Result<(BTreeMap<Id, Summary>, Summary)> {
    let mut q = Sql::default();
    let src = source(&mut q);
    let bucket = buckets.sql("ms");
    let rows: Vec<Bucket> = r
        .rows_for_next(
            &format!(
                "SELECT grp, {bucket} AS bucket, COUNT(*) AS n, CAST(SUM(flag) AS BIGINT) AS flagged,
                 CAST(SUM(ms) AS BIGINT) AS total_ms
                 FROM {src} GROUP BY grp, {bucket}"
            ),
            q,
        )
        .await?;
    let counted = count(buckets, &rows);
    let ranges = counted.ranges();
    if ranges.is_empty() {
        return Ok(counted.finish(Vec::new()));
    }
    let mut q = Sql::default();
    let src = source(&mut q);
    let which: Vec<String> = ranges
        .iter()
        .map(|(grp, lo, hi)| {
            format!(
                "(grp = {} AND ms >= {} AND ms <= {})",
                q.bind(*grp),
                q.bind(*lo),
                q.bind(*hi)
            )
        })
        .collect();
    let lengths: Vec<Length> = r
        .rows(&format!("SELECT grp, ms FROM {src} WHERE {}", which.join(" OR ")), q)
        .await?;
    Ok(counted.finish(lengths))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_is_found_by_counts_and_rank() {
        // Hours 0 (3 rows), 2 (1 row), 5 (2 rows): six rows, the 3rd and 4th are the middle:
        // the last of hour 0 and the only one of hour 2.
        assert_eq!(middle(&[(0, 3), (2, 1), (5, 2)]), [(0, 3), (2, 1)]);
        // Five rows: the 3rd, twice.
        assert_eq!(middle(&[(0, 2), (1, 3)]), [(1, 1), (1, 1)]);
        assert_eq!(middle(&[]), Vec::<(i64, i64)>::new());
        let h = 3_600_000;
        let hours = Buckets {
            width: h,
            round_up: false,
        };
        let lengths = [10, 20, 30, 2 * h + 7, 5 * h, 5 * h + 1];
        assert_eq!(
            median_at(&[(0, 3), (2, 1)], hours, &lengths),
            Some((30 + 2 * h + 7) as f64 / 2.0)
        );
    }

    #[test]
    fn a_bucket_range_holds_exactly_its_lengths() {
        for round_up in [false, true] {
            let b = Buckets { width: 60, round_up };
            for bucket in -5..5 {
                let (lo, hi) = b.range(bucket);
                for ms in -400..400 {
                    let inside = lo <= ms && ms <= hi;
                    assert_eq!(inside, b.of(ms) == bucket, "{ms} in {bucket}, rounding up: {round_up}");
                }
            }
        }
        // Rounded up, "within a minute" is "bucket <= 1".
        let minutes = Buckets {
            width: 60_000,
            round_up: true,
        };
        assert_eq!(minutes.of(60_000), 1);
        assert_eq!(minutes.of(60_001), 2);
        assert_eq!(minutes.of(0), 0);
    }

    /// `n` rows of group `g` in `bucket`.
    fn counted_rows(g: Id, bucket: i64, n: i64) -> Bucket {
        Bucket {
            grp: g,
            bucket: Some(bucket),
            n,
            flagged: 0,
            total_ms: None,
        }
    }

    #[test]
    fn split_rows_of_a_bucket_count_as_one() {
        let g = Id(Default::default());
        let row = |bucket, n| counted_rows(g, bucket, n);
        let b = Buckets {
            width: 10,
            round_up: false,
        };
        // Bucket 1 holds 1 + 1 rows of two days: the middle of the 3 rows is its first.
        let counted = count(b, &[row(0, 1), row(1, 1), row(1, 1)]);
        assert_eq!(counted.places[&g], [(1, 1), (1, 1)]);
        let lengths = vec![
            Length { grp: g, ms: 3 },
            Length { grp: g, ms: 12 },
            Length { grp: g, ms: 15 },
        ];
        let (groups, all) = counted.finish(lengths);
        assert_eq!(groups[&g].median_ms, Some(12.0));
        assert_eq!(all.median_ms, Some(12.0));
    }

    #[test]
    fn the_ranked_length_is_found_in_the_window_and_the_current_lengths() {
        let mut rng = voronka_core::ids::SplitMix64::new(11);
        let mut below = |n: i64| (rng.next_u64() % n as u64) as i64;
        for _ in 0..2_000 {
            // Few distinct lengths, so that ties between the two kinds are common.
            let spread = below(40) + 1;
            let mut closed: Vec<i64> = (0..below(30)).map(|_| below(spread)).collect();
            let current: Vec<i64> = (0..below(8)).map(|_| below(spread)).collect();
            closed.sort_unstable();
            let mut all: Vec<i64> = closed.iter().chain(&current).copied().collect();
            all.sort_unstable();
            for rank in 1..=all.len() as i64 {
                let (skip, take) = rank_window(rank, current.len() as i64);
                let window = closed.iter().skip(skip as usize).take(take as usize);
                let read: Vec<i64> = window.chain(&current).copied().collect();
                assert_eq!(
                    pick_ranked(rank, skip, read),
                    Some(all[rank as usize - 1]),
                    "rank {rank} of closed {closed:?} and current {current:?}"
                );
            }
        }
    }
}
