//! Days in each open stage, and the deals stuck in theirs.

use super::{CURRENCY, Reader, Sql, period_ms, stages};
use serde::Deserialize;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

const DAY_MS: i64 = 86_400_000;

/// A stage's spells in the period: how many, how many still open, their total length and the
/// median length.
struct Spells {
    stage_id: Id,
    spells: i64,
    current: i64,
    total_ms: i64,
    median_ms: Option<f64>,
}

/// Spells of a stage whose length falls in one hour-long bucket.
#[derive(Deserialize)]
struct Bucket {
    stage_id: Id,
    bucket: i64,
    spells: i64,
    current: i64,
    total_ms: i64,
}

#[derive(Deserialize)]
struct Length {
    stage_id: Id,
    ms: i64,
}

const BUCKET_MS: i64 = 3_600_000;

/// The period's spells of open stages, as a subquery with columns `stage_id`, `ms` (length,
/// the current ones up to now) and `cur`. Spells are picked by semi-joins rather than joins: they
/// then come off `stage_spells_report` alone, without reading each spell's deal (a deleted deal
/// is rare, and a manager's deals are looked up once).
fn period_spells(q: &mut Sql, f: &ReportFilter, now: i64) -> String {
    let (from, to) = period_ms(f);
    let (a, b, n) = (q.bind(from), q.bind(to), q.bind(now));
    let pipeline = match f.pipeline_id {
        Some(p) => format!(" AND pipeline_id = {}", q.bind(p)),
        None => String::new(),
    };
    let deals = match f.manager_id {
        Some(m) => format!(
            "s.deal_id IN (SELECT id FROM deals WHERE owner_id = {} AND deleted_at IS NULL)",
            q.bind(m)
        ),
        None => "s.deal_id NOT IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL)".to_string(),
    };
    format!(
        "(SELECT s.stage_id, COALESCE(s.left_at, {n}) - s.entered_at AS ms,
          CASE WHEN s.left_at IS NULL THEN 1 ELSE 0 END AS cur
          FROM stage_spells s
          WHERE s.entered_at >= {a} AND s.entered_at < {b}
          AND s.stage_id IN (SELECT id FROM stages WHERE kind = 'open'{pipeline}) AND {deals}) sp"
    )
}

/// Each stage's spells with their exact median, without sorting a million lengths: first the
/// spells are counted per stage and hour of length (an aggregate the database does without a
/// sort on PostgreSQL, and with a narrow one on SQLite); the counts tell which hour holds each
/// stage's middle one or two spells and at which rank; then only the lengths in those hours are
/// read and sorted here.
async fn spell_figures(r: &mut Reader<'_>, f: &ReportFilter, now: i64) -> Result<Vec<Spells>> {
    let mut q = Sql::default();
    let sp = period_spells(&mut q, f, now);
    let buckets: Vec<Bucket> = r
        .rows(
            &format!(
                "SELECT stage_id, ms / {BUCKET_MS} AS bucket, COUNT(*) AS spells, SUM(cur) AS current,
                 CAST(SUM(ms) AS BIGINT) AS total_ms
                 FROM {sp} GROUP BY stage_id, ms / {BUCKET_MS} ORDER BY stage_id, bucket"
            ),
            q,
        )
        .await?;
    // Per stage: its totals and the (bucket, rank within it) of its middle spells, ranks
    // (n + 1) / 2 and (n + 2) / 2 counted from 1.
    let mut out: Vec<Spells> = Vec::new();
    let mut wanted: Vec<(Id, i64, i64)> = Vec::new();
    for group in buckets.chunk_by(|x, y| x.stage_id == y.stage_id) {
        let n: i64 = group.iter().map(|b| b.spells).sum();
        out.push(Spells {
            stage_id: group[0].stage_id,
            spells: n,
            current: group.iter().map(|b| b.current).sum(),
            total_ms: group.iter().map(|b| b.total_ms).sum(),
            median_ms: None,
        });
        for rank in [(n + 1) / 2, (n + 2) / 2] {
            let mut before = 0;
            for b in group {
                if before + b.spells >= rank {
                    wanted.push((group[0].stage_id, b.bucket, rank - before));
                    break;
                }
                before += b.spells;
            }
        }
    }
    if wanted.is_empty() {
        return Ok(out);
    }
    let mut q = Sql::default();
    let sp = period_spells(&mut q, f, now);
    let mut hours: Vec<(Id, i64)> = wanted.iter().map(|w| (w.0, w.1)).collect();
    hours.dedup();
    let which: Vec<String> = hours
        .iter()
        .map(|(stage, bucket)| {
            format!(
                "(stage_id = {} AND ms / {BUCKET_MS} = {})",
                q.bind(*stage),
                q.bind(*bucket)
            )
        })
        .collect();
    let mut lengths: Vec<Length> = r
        .rows(
            &format!("SELECT stage_id, ms FROM {sp} WHERE {}", which.join(" OR ")),
            q,
        )
        .await?;
    lengths.sort_unstable_by_key(|l| (l.stage_id, l.ms));
    for s in &mut out {
        let middle: Vec<i64> = wanted
            .iter()
            .filter(|w| w.0 == s.stage_id)
            .filter_map(|&(stage, bucket, rank)| {
                lengths
                    .iter()
                    .filter(|l| l.stage_id == stage && l.ms / BUCKET_MS == bucket)
                    .nth(rank as usize - 1)
                    .map(|l| l.ms)
            })
            .collect();
        if !middle.is_empty() {
            s.median_ms = Some(middle.iter().sum::<i64>() as f64 / middle.len() as f64);
        }
    }
    Ok(out)
}

#[derive(Deserialize, Default)]
struct Count {
    n: i64,
}

#[derive(Deserialize)]
struct Stuck {
    deal_id: Id,
    title: String,
    owner_id: Id,
    stage: String,
    ms: i64,
    amount: i64,
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, stuck_after_days: i64) -> Result<TimeInStage> {
    let now = r.now.timestamp_millis();
    let stages = stages(r, f, "'open'").await?;

    let spells = spell_figures(r, f, now).await?;

    let stuck_where = |q: &mut Sql| {
        let cutoff = q.bind(now - stuck_after_days * DAY_MS);
        let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
        format!("d.status = 'open' AND d.deleted_at IS NULL AND d.stage_entered_at < {cutoff}{filter}")
    };
    let mut q = Sql::default();
    let w = stuck_where(&mut q);
    let total: Count = r
        .one(&format!("SELECT COUNT(*) AS n FROM deals d WHERE {w}"), q)
        .await?;
    let mut q = Sql::default();
    let n = q.bind(now);
    let w = stuck_where(&mut q);
    let limit = q.bind(LIST_LIMIT);
    let stuck: Vec<Stuck> = r
        .rows(
            &format!(
                "SELECT d.id AS deal_id, d.title, d.owner_id, st.name AS stage, {n} - d.stage_entered_at AS ms, d.amount
                 FROM deals d JOIN stages st ON st.id = d.stage_id WHERE {w}
                 ORDER BY d.stage_entered_at, d.id LIMIT {limit}"
            ),
            q,
        )
        .await?;

    let people = r.people().await?;
    let stages = stages
        .into_iter()
        .map(|stage| {
            let s = spells.iter().find(|s| s.stage_id == stage.id);
            StageTime {
                spells: s.map(|s| s.spells).unwrap_or(0),
                current: s.map(|s| s.current).unwrap_or(0),
                mean_days: s
                    .filter(|s| s.spells > 0)
                    .map(|s| ms_to_days(s.total_ms as f64 / s.spells as f64)),
                median_days: s.and_then(|s| s.median_ms).map(ms_to_days),
                stage,
            }
        })
        .collect();
    Ok(TimeInStage {
        currency: CURRENCY.into(),
        stuck_after_days,
        stages,
        stuck: stuck
            .into_iter()
            .map(|s| StuckDeal {
                deal_id: s.deal_id,
                title: s.title,
                manager: people.person(s.owner_id),
                stage: s.stage,
                days_in_stage: ms_to_days(s.ms as f64),
                amount: s.amount,
            })
            .collect(),
        stuck_total: total.n,
    })
}
