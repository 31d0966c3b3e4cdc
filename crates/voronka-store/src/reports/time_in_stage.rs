//! Days in each open stage, and the deals stuck in theirs.

use super::median::{self, Bucket, Buckets, Summary};
use super::{Reader, Sql, period_days, period_ms, stages};
use crate::figures::DAY_MS;
use crate::rollups::HALF_DAY_MS;
use serde::Deserialize;
use std::collections::BTreeMap;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// Spells last days: their medians are found by half day, as `spell_days` counts them (see the
/// store's `rollups`).
const HALF_DAYS: Buckets = Buckets {
    width: HALF_DAY_MS,
    round_up: false,
};
/// A length read for a median, and which middle place it was read for.
#[derive(Deserialize)]
struct Picked {
    place: i64,
    ms: i64,
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

/// The period's spells of open stages, as a subquery with columns `grp` (the stage), `ms`
/// (length, the current ones up to now) and `flag` (1 for a current one). Spells are picked by
/// semi-joins rather than joins: they then come off `stage_spells_report` alone, without reading
/// each spell's deal (a deleted deal is rare, and a manager's deals are looked up once).
///
/// They are taken as they stood at `now`, which a reproduced report (`--at`) may set before the
/// latest data: a spell entered after it does not count, and one left after it was current then.
fn period_spells(q: &mut Sql, f: &ReportFilter, now: i64) -> String {
    let (from, to) = period_ms(f);
    let (a, b, n) = (q.bind(from), q.bind(to), q.bind(now));
    let open = open_stages(q, f);
    let deals = spells_deals(q, f);
    format!(
        "(SELECT s.stage_id AS grp,
          CASE WHEN s.left_at IS NULL OR s.left_at > {n} THEN {n} ELSE s.left_at END - s.entered_at AS ms,
          CASE WHEN s.left_at IS NULL OR s.left_at > {n} THEN 1 ELSE 0 END AS flag
          FROM stage_spells s
          WHERE s.entered_at >= {a} AND s.entered_at < {b} AND s.entered_at <= {n}
          AND s.stage_id IN ({open}) AND {deals}) sp"
    )
}

/// Which spells (`s`) count: those of live deals, of the filter's manager if it names one. A
/// spell's copy of its deal's owner is empty while the deal is deleted, so one manager's spells
/// are read off her own entries of `stage_spells_owner_length` and `stage_spells_owner_current`
/// instead of the team's.
fn spells_deals(q: &mut Sql, f: &ReportFilter) -> String {
    match f.manager_id {
        Some(m) => format!("s.deal_owner_id = {}", q.bind(m)),
        None => LIVE_DEAL.to_string(),
    }
}

/// `SELECT id FROM stages` of the open stages (of the filter's pipeline).
fn open_stages(q: &mut Sql, f: &ReportFilter) -> String {
    let pipeline = match f.pipeline_id {
        Some(p) => format!(" AND pipeline_id = {}", q.bind(p)),
        None => String::new(),
    };
    format!("SELECT id FROM stages WHERE kind = 'open'{pipeline}")
}

/// Spells of deals deleted since are not counted.
const LIVE_DEAL: &str = "s.deal_id NOT IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL)";

/// The spells per stage, the team's or the filter's manager's: the closed ones counted off their
/// roll-up, the current ones (a deal's latest, up to now) counted by half day in the database;
/// then only the spells that can be each stage's middle one are read (see below).
async fn team_spells(r: &mut Reader<'_>, f: &ReportFilter, now: i64) -> Result<BTreeMap<Id, Summary>> {
    let (from_day, to_day) = period_days(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from_day), q.bind(to_day));
    let open = open_stages(&mut q, f);
    let owner = match f.manager_id {
        Some(m) => format!(" AND d.owner_id = {}", q.bind(m)),
        None => String::new(),
    };
    let mut rows: Vec<Bucket> = r
        .rows_for_next(
            &format!(
                "SELECT d.stage_id AS grp, d.half_days AS bucket, CAST(SUM(d.spells) AS BIGINT) AS n, 0 AS flagged,
                 CAST(SUM(d.total_ms) AS BIGINT) AS total_ms
                 FROM spell_days d WHERE d.day >= {a} AND d.day < {b} AND d.stage_id IN ({open}){owner}
                 GROUP BY d.stage_id, d.half_days"
            ),
            q,
        )
        .await?;

    let (from, to) = period_ms(f);
    let in_period = |q: &mut Sql| format!("s.entered_at >= {} AND s.entered_at < {}", q.bind(from), q.bind(to));
    let mut q = Sql::default();
    let n = q.bind(now);
    let period = in_period(&mut q);
    let open = open_stages(&mut q, f);
    let deals = spells_deals(&mut q, f);
    let bucket = HALF_DAYS.sql("ms");
    rows.extend(
        r.rows_for_next::<Bucket>(
            &format!(
                "SELECT grp, {bucket} AS bucket, COUNT(*) AS n, COUNT(*) AS flagged, CAST(SUM(ms) AS BIGINT) AS total_ms
                 FROM (SELECT s.stage_id AS grp, {n} - s.entered_at AS ms FROM stage_spells s
                       WHERE s.left_at IS NULL AND s.stage_id IN ({open}) AND {period} AND {deals}) x
                 GROUP BY grp, {bucket}"
            ),
            q,
        )
        .await?,
    );
    let counted = median::count(HALF_DAYS, &rows);

    // Each stage's middle spell (or two) is the rank-th of one half day's spells. That half
    // day's current spells are few (k of them) and read whole; the rank-th of all is then among
    // the closed ones ranked rank - k to rank, so only those are read, in length order off
    // `stage_spells_length`. A short stage's middle half day holds tens of thousands of spells.
    let mut current: BTreeMap<(Id, i64), i64> = BTreeMap::new();
    for b in rows.iter().filter(|b| b.flagged > 0) {
        if let Some(bucket) = b.bucket {
            *current.entry((b.grp, bucket)).or_default() += b.flagged;
        }
    }
    let mut places: Vec<(Id, i64, i64)> = counted.middles();
    places.dedup();
    if places.is_empty() {
        return Ok(counted.finish_picked(&BTreeMap::new()));
    }
    let length = "s.left_at - s.entered_at";
    let mut q = Sql::default();
    let mut parts: Vec<String> = Vec::new();
    // Per place: how many closed spells of its half day rank below those read.
    let mut skipped: Vec<i64> = Vec::new();
    for (i, (stage, bucket, rank)) in places.iter().enumerate() {
        let k = current.get(&(*stage, *bucket)).copied().unwrap_or(0);
        let (skip, take) = median::rank_window(*rank, k);
        skipped.push(skip);
        let (lo, hi) = HALF_DAYS.range(*bucket);
        let period = in_period(&mut q);
        let deals = spells_deals(&mut q, f);
        parts.push(format!(
            "SELECT {i} AS place, ms FROM (SELECT {length} AS ms FROM stage_spells s
               WHERE s.left_at IS NOT NULL AND s.stage_id = {} AND {length} >= {} AND {length} <= {} AND {period}
               AND {deals} ORDER BY {length} LIMIT {} OFFSET {}) closed{i}",
            q.bind(*stage),
            q.bind(lo),
            q.bind(hi),
            q.bind(take),
            q.bind(skip)
        ));
        // A current spell's length is now - entered_at: from lo to hi long, it was entered
        // from now - hi to now - lo, and within the period.
        let (first, last) = ((now - hi).max(from), (now - lo).min(to - 1));
        if k > 0 && first <= last {
            let deals = spells_deals(&mut q, f);
            parts.push(format!(
                "SELECT {i} AS place, {} - s.entered_at AS ms FROM stage_spells s
                 WHERE s.left_at IS NULL AND s.stage_id = {} AND s.entered_at >= {} AND s.entered_at <= {}
                 AND {deals}",
                q.bind(now),
                q.bind(*stage),
                q.bind(first),
                q.bind(last)
            ));
        }
    }
    let read: Vec<Picked> = r.rows(&parts.join(" UNION ALL "), q).await?;
    let mut picked: BTreeMap<Id, Vec<i64>> = BTreeMap::new();
    for (i, (stage, _, rank)) in places.iter().enumerate() {
        let lengths: Vec<i64> = read.iter().filter(|p| p.place == i as i64).map(|p| p.ms).collect();
        if let Some(ms) = median::pick_ranked(*rank, skipped[i], lengths) {
            picked.entry(*stage).or_default().push(ms);
        }
    }
    Ok(counted.finish_picked(&picked))
}

/// The open deals stuck in their stage, off the deals' own stage entry: the count and the list.
async fn stuck_now(
    r: &mut Reader<'_>,
    f: &ReportFilter,
    now: i64,
    stuck_after_days: i64,
) -> Result<(Count, Vec<Stuck>)> {
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
    let stuck = r
        .rows(
            &format!(
                "SELECT d.id AS deal_id, d.title, d.owner_id, st.name AS stage, {n} - d.stage_entered_at AS ms, d.amount
                 FROM deals d JOIN stages st ON st.id = d.stage_id WHERE {w}
                 ORDER BY d.stage_entered_at, d.id LIMIT {limit}"
            ),
            q,
        )
        .await?;
    Ok((total, stuck))
}

/// The deals stuck at a `now` before the latest data: the spells of open stages current then
/// (entered by `now`, left after it or not yet) and entered before the cut-off.
async fn stuck_then(
    r: &mut Reader<'_>,
    f: &ReportFilter,
    now: i64,
    stuck_after_days: i64,
) -> Result<(Count, Vec<Stuck>)> {
    let stuck_where = |q: &mut Sql| {
        let n = q.bind(now);
        let cutoff = q.bind(now - stuck_after_days * DAY_MS);
        let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
        format!(
            "st.kind = 'open' AND d.deleted_at IS NULL AND s.entered_at < {cutoff}
             AND (s.left_at IS NULL OR s.left_at > {n}){filter}"
        )
    };
    let from = "FROM stage_spells s JOIN deals d ON d.id = s.deal_id JOIN stages st ON st.id = s.stage_id";
    let mut q = Sql::default();
    let w = stuck_where(&mut q);
    let total: Count = r.one(&format!("SELECT COUNT(*) AS n {from} WHERE {w}"), q).await?;
    let mut q = Sql::default();
    let n = q.bind(now);
    let w = stuck_where(&mut q);
    let limit = q.bind(LIST_LIMIT);
    let stuck = r
        .rows(
            &format!(
                "SELECT d.id AS deal_id, d.title, d.owner_id, st.name AS stage, {n} - s.entered_at AS ms, d.amount
                 {from} WHERE {w} ORDER BY s.entered_at, d.id LIMIT {limit}"
            ),
            q,
        )
        .await?;
    Ok((total, stuck))
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, stuck_after_days: i64) -> Result<TimeInStage> {
    let now = r.now.timestamp_millis();
    let stages = stages(r, f, "'open'").await?;

    // The roll-up does not know what was current at a `now` before the latest spell: then the
    // spells are read whole.
    let past = r.data_after_now().await?;
    let spells = match past {
        false => team_spells(r, f, now).await?,
        true => median::summaries(r, HALF_DAYS, |q| period_spells(q, f, now)).await?.0,
    };
    let (total, stuck) = match past {
        false => stuck_now(r, f, now, stuck_after_days).await?,
        true => stuck_then(r, f, now, stuck_after_days).await?,
    };

    let people = r.people().await?;
    let stages = stages
        .into_iter()
        .map(|stage| {
            let s = spells.get(&stage.id).filter(|s| s.measured > 0);
            StageTime {
                spells: s.map(|s| s.measured).unwrap_or(0),
                current: s.map(|s| s.flagged).unwrap_or(0),
                mean_days: s.map(|s| ms_to_days(s.total_ms as f64 / s.measured as f64)),
                median_days: s.and_then(|s| s.median_ms).map(ms_to_days),
                stage,
            }
        })
        .collect();
    Ok(TimeInStage {
        currency: r.currency(),
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
