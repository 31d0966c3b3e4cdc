//! Minutes from a lead's creation to its first contact.

use super::{Reader, Sql, by_name, period_ms};
use serde::Deserialize;
use voronka_core::reports::*;
use voronka_core::{Id, Result, reports};

#[derive(Deserialize, Default)]
struct Row {
    lvl: i64,
    owner_id: Option<Id>,
    leads: i64,
    answered: i64,
    within: i64,
    middle_ms: i64,
    middle_n: i64,
}

/// Each lead with the milliseconds to its first contact (NULL when none yet), as CTE `answered`.
/// The first contact is kept on the deal (see the store's `figures`).
fn answered(q: &mut Sql, f: &ReportFilter) -> String {
    let (from, to) = period_ms(f);
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    format!(
        "answered AS (
           SELECT d.id, d.owner_id, d.first_contact_at - d.created_at AS ms
           FROM deals d WHERE d.deleted_at IS NULL AND d.created_at >= {a} AND d.created_at < {b}{filter})"
    )
}

/// The figures per manager and, in the last row (`lvl` 1), for the team, in one statement so
/// the leads' first contacts are looked up once. The median is over the answered leads, ranked
/// in a partition of their own (unanswered ones have NULL, which sorts differently on each
/// backend).
fn figures(q: &mut Sql, f: &ReportFilter, limit_ms: i64) -> String {
    let cte = answered(q, f);
    let lim = q.bind(limit_ms);
    let answered = "CASE WHEN ms IS NULL THEN 1 ELSE 0 END";
    let sums = |rn: &str, cnt: &str| {
        format!(
            "COUNT(*) AS leads, COUNT(ms) AS answered,
             COALESCE(SUM(CASE WHEN ms <= {lim} THEN 1 ELSE 0 END), 0) AS within,
             CAST(COALESCE(SUM(CASE WHEN ms IS NOT NULL AND ({rn} = ({cnt} + 1) / 2 OR {rn} = ({cnt} + 2) / 2) THEN ms ELSE 0 END), 0) AS BIGINT) AS middle_ms,
             COALESCE(SUM(CASE WHEN ms IS NOT NULL AND ({rn} = ({cnt} + 1) / 2 OR {rn} = ({cnt} + 2) / 2) THEN 1 ELSE 0 END), 0) AS middle_n"
        )
    };
    let (mine, team) = (sums("rn", "cnt"), sums("trn", "tcnt"));
    format!(
        "WITH {cte},
         ranked AS (
           SELECT owner_id, ms,
           ROW_NUMBER() OVER (PARTITION BY owner_id, {answered} ORDER BY ms, id) AS rn,
           COUNT(*) OVER (PARTITION BY owner_id, {answered}) AS cnt,
           ROW_NUMBER() OVER (PARTITION BY {answered} ORDER BY ms, id) AS trn,
           COUNT(*) OVER (PARTITION BY {answered}) AS tcnt
           FROM answered)
         SELECT 0 AS lvl, owner_id, {mine} FROM ranked GROUP BY owner_id
         UNION ALL
         SELECT 1 AS lvl, NULL AS owner_id, {team} FROM ranked
         ORDER BY 1, 2"
    )
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter, limit_minutes: i64) -> Result<LeadResponse> {
    let limit_ms = limit_minutes * 60_000;
    let mut q = Sql::default();
    let sql = figures(&mut q, f, limit_ms);
    let (teams, rows): (Vec<Row>, Vec<Row>) = r.rows(&sql, q).await?.into_iter().partition(|x: &Row| x.lvl == 1);
    let team = teams.into_iter().next().unwrap_or_default();
    let people = r.people().await?;
    let row = |x: &Row| LeadResponseRow {
        manager: x.owner_id.map(|id| people.person(id)),
        leads: x.leads,
        answered: x.answered,
        within_limit: x.within,
        median_minutes: (x.middle_n > 0).then(|| reports::round(x.middle_ms as f64 / x.middle_n as f64 / 60_000.0, 1)),
        share_within_limit: percent(x.within, x.leads),
    };
    let mut managers: Vec<LeadResponseRow> = rows.iter().map(row).collect();
    by_name(&mut managers, |m| m.manager.as_ref());
    Ok(LeadResponse {
        limit_minutes,
        managers,
        team: row(&team),
    })
}
