//! Minutes from a lead's creation to its first contact.

use super::median::{self, Bucket, Buckets, Length, Summary};
use super::{Reader, Sql, by_name, period_days, period_ms};
use crate::rollups::MINUTE_MS;
use voronka_core::reports::*;
use voronka_core::{Result, reports};

/// Waits in minutes, rounded up, as `response_days` counts them (see the store's `rollups`).
const MINUTES: Buckets = Buckets {
    width: MINUTE_MS,
    round_up: true,
};

/// A lead's wait: from its creation to its first contact, kept on the deal (see the store's
/// `figures`).
const WAIT: &str = "d.first_contact_at - d.created_at";

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, limit_minutes: i64) -> Result<LeadResponse> {
    // The period's leads per manager and minute of wait, off the roll-up.
    let (from, to) = period_days(f);
    let mut q = Sql::default();
    let (a, b, limit) = (q.bind(from), q.bind(to), q.bind(limit_minutes));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let rows: Vec<Bucket> = r
        .rows_for_next(
            &format!(
                "SELECT d.owner_id AS grp, d.minute AS bucket, CAST(SUM(d.leads) AS BIGINT) AS n,
                 CAST(SUM(CASE WHEN d.minute <= {limit} THEN d.leads ELSE 0 END) AS BIGINT) AS flagged,
                 CAST(SUM(d.total_ms) AS BIGINT) AS total_ms
                 FROM response_days d WHERE d.day >= {a} AND d.day < {b}{filter}
                 GROUP BY d.owner_id, d.minute"
            ),
            q,
        )
        .await?;
    let counted = median::count(MINUTES, &rows);

    // The waits in the middle minutes, off the index `deals_response`, a manager at a time.
    let ranges = counted.ranges();
    let mut lengths: Vec<Length> = Vec::new();
    if !ranges.is_empty() {
        let (from, to) = period_ms(f);
        let mut q = Sql::default();
        let (a, b) = (q.bind(from), q.bind(to));
        let pipeline = match f.pipeline_id {
            Some(p) => format!(" AND d.pipeline_id = {}", q.bind(p)),
            None => String::new(),
        };
        let parts: Vec<String> = ranges
            .iter()
            .map(|(owner, lo, hi)| {
                format!(
                    "SELECT d.owner_id AS grp, {WAIT} AS ms FROM deals d
                     WHERE d.deleted_at IS NULL AND d.first_contact_at IS NOT NULL AND d.owner_id = {}
                     AND {WAIT} >= {} AND {WAIT} <= {} AND d.created_at >= {a} AND d.created_at < {b}{pipeline}",
                    q.bind(*owner),
                    q.bind(*lo),
                    q.bind(*hi)
                )
            })
            .collect();
        lengths = r.rows(&parts.join(" UNION ALL "), q).await?;
    }
    let (groups, team) = counted.finish(lengths);

    let people = r.people().await?;
    let row = |manager: Option<Person>, x: &Summary| LeadResponseRow {
        manager,
        leads: x.rows,
        answered: x.measured,
        within_limit: x.flagged,
        median_minutes: x.median_ms.map(|ms| reports::round(ms / 60_000.0, 1)),
        share_within_limit: percent(x.flagged, x.rows),
    };
    let mut managers: Vec<LeadResponseRow> = groups.iter().map(|(id, x)| row(Some(people.person(*id)), x)).collect();
    by_name(&mut managers, |m| m.manager.as_ref());
    Ok(LeadResponse {
        limit_minutes,
        managers,
        team: row(None, &team),
    })
}
