//! Days in each open stage, and the deals stuck in theirs.

use super::{CURRENCY, Reader, Sql, median, period_ms, stages};
use serde::Deserialize;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

const DAY_MS: i64 = 86_400_000;
/// Spells last days: their medians are found by hour.
const HOUR_MS: i64 = 3_600_000;

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
/// (length, the current ones up to now) and `flag` (1 for a current one). Spells are picked by semi-joins rather than joins: they
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
        "(SELECT s.stage_id AS grp, COALESCE(s.left_at, {n}) - s.entered_at AS ms,
          CASE WHEN s.left_at IS NULL THEN 1 ELSE 0 END AS flag
          FROM stage_spells s
          WHERE s.entered_at >= {a} AND s.entered_at < {b}
          AND s.stage_id IN (SELECT id FROM stages WHERE kind = 'open'{pipeline}) AND {deals}) sp"
    )
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, stuck_after_days: i64) -> Result<TimeInStage> {
    let now = r.now.timestamp_millis();
    let stages = stages(r, f, "'open'").await?;

    let (spells, _) = median::summaries(r, HOUR_MS, |q| period_spells(q, f, now)).await?;

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
