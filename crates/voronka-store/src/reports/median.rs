//! Exact medians of a length (milliseconds) per group and over all groups, without ranking every
//! row: a window over a million rows is a sort of a million rows, on SQLite seconds of it.
//!
//! First the rows are counted per group and bucket of length (an hour, say), which the database
//! aggregates without ranking. The counts tell which bucket holds each median's middle row (or
//! two) and at which rank within it; then only the lengths in those buckets are read and sorted
//! here. The bucket should be narrow enough that a middle one holds few rows, and wide enough
//! that the counts stay a few thousand rows.

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

#[derive(Deserialize)]
struct Bucket {
    grp: Id,
    bucket: Option<i64>,
    n: i64,
    flagged: i64,
    total_ms: Option<i64>,
}

#[derive(Deserialize)]
struct Length {
    grp: Id,
    ms: i64,
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

/// The median of the lengths in `lengths` (of one group or all, sorted) at the given places.
fn median_at(places: &[(i64, i64)], bucket_ms: i64, lengths: &[i64]) -> Option<f64> {
    let picked: Vec<i64> = places
        .iter()
        .filter_map(|&(bucket, rank)| {
            lengths
                .iter()
                .filter(|ms| **ms / bucket_ms == bucket)
                .nth(rank as usize - 1)
                .copied()
        })
        .collect();
    (!picked.is_empty()).then(|| picked.iter().sum::<i64>() as f64 / picked.len() as f64)
}

/// Summaries per group and over all rows of `source`: a subquery (with its alias) whose
/// columns are `grp` (an id), `ms` (a length, NULL for none) and `flag` (0 or 1). `source`
/// binds its parameters on the statement it is given; it is called once per statement.
/// Lengths are counted in buckets of `bucket_ms`.
pub(crate) async fn summaries(
    r: &mut Reader<'_>,
    bucket_ms: i64,
    source: impl Fn(&mut Sql) -> String,
) -> Result<(BTreeMap<Id, Summary>, Summary)> {
    let mut q = Sql::default();
    let src = source(&mut q);
    let mut buckets: Vec<Bucket> = r
        .rows_for_next(
            &format!(
                "SELECT grp, ms / {bucket_ms} AS bucket, COUNT(*) AS n, CAST(SUM(flag) AS BIGINT) AS flagged,
                 CAST(SUM(ms) AS BIGINT) AS total_ms
                 FROM {src} GROUP BY grp, ms / {bucket_ms}"
            ),
            q,
        )
        .await?;
    // NULL lengths sort first here on both backends.
    buckets.sort_by_key(|b| (b.grp, b.bucket));

    let mut groups: BTreeMap<Id, Summary> = BTreeMap::new();
    let mut all = Summary::default();
    let mut hist: BTreeMap<Id, Vec<(i64, i64)>> = BTreeMap::new();
    let mut all_hist: BTreeMap<i64, i64> = BTreeMap::new();
    for b in &buckets {
        for s in [groups.entry(b.grp).or_default(), &mut all] {
            s.rows += b.n;
            s.flagged += b.flagged;
            if b.bucket.is_some() {
                s.measured += b.n;
                s.total_ms += b.total_ms.unwrap_or(0);
            }
        }
        if let Some(bucket) = b.bucket {
            hist.entry(b.grp).or_default().push((bucket, b.n));
            *all_hist.entry(bucket).or_default() += b.n;
        }
    }
    let places: BTreeMap<Id, Vec<(i64, i64)>> = hist.iter().map(|(g, h)| (*g, middle(h))).collect();
    let all_places = middle(&all_hist.into_iter().collect::<Vec<_>>());
    if all_places.is_empty() {
        return Ok((groups, all));
    }

    // The lengths in the hours that hold a middle row: of its group, or of any group for the
    // median of all.
    let mut q = Sql::default();
    let src = source(&mut q);
    let mut which: Vec<String> = Vec::new();
    for (grp, at) in &places {
        for (bucket, _) in at {
            which.push(format!(
                "(grp = {} AND ms / {bucket_ms} = {})",
                q.bind(*grp),
                q.bind(*bucket)
            ));
        }
    }
    for (bucket, _) in &all_places {
        which.push(format!("ms / {bucket_ms} = {}", q.bind(*bucket)));
    }
    // One range around all those buckets first: most rows fail it in a single comparison,
    // before the list of buckets is tried on them (a bucket of negative lengths reaches down
    // to one width below its number, hence the margin of a bucket on each side).
    let picked = places.values().flatten().chain(&all_places).map(|(bucket, _)| *bucket);
    let (low, high) = picked.fold((i64::MAX, i64::MIN), |(lo, hi), b| (lo.min(b), hi.max(b)));
    let (above, below) = (q.bind((low - 1) * bucket_ms), q.bind((high + 1) * bucket_ms));
    let mut lengths: Vec<Length> = r
        .rows(
            &format!(
                "SELECT grp, ms FROM {src} WHERE ms > {above} AND ms < {below} AND ({})",
                which.join(" OR ")
            ),
            q,
        )
        .await?;
    lengths.sort_unstable_by_key(|l| (l.grp, l.ms));
    for (grp, at) in &places {
        let mine: Vec<i64> = lengths.iter().filter(|l| l.grp == *grp).map(|l| l.ms).collect();
        if let Some(s) = groups.get_mut(grp) {
            s.median_ms = median_at(at, bucket_ms, &mine);
        }
    }
    let mut every: Vec<i64> = lengths.iter().map(|l| l.ms).collect();
    every.sort_unstable();
    all.median_ms = median_at(&all_places, bucket_ms, &every);
    Ok((groups, all))
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
        let lengths = [10, 20, 30, 2 * h + 7, 5 * h, 5 * h + 1];
        assert_eq!(
            median_at(&[(0, 3), (2, 1)], h, &lengths),
            Some((30 + 2 * h + 7) as f64 / 2.0)
        );
    }
}
