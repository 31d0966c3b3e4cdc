//! Clients ranked by revenue (ABC) and by its steadiness (XYZ).

use super::{CURRENCY, PAID_OF_LIVE_DEALS, Reader, Sql, period_ms, six_months};
use serde::Deserialize;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// A client's sums; the fields are in the order of the statement's columns (see
/// `Reader::many_rows`).
#[derive(Deserialize)]
struct Row {
    company_id: Id,
    company: String,
    owner_id: Id,
    revenue: i64,
    m0: i64,
    m1: i64,
    m2: i64,
    m3: i64,
    m4: i64,
    m5: i64,
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<AbcXyz> {
    let (from, to) = period_ms(f);
    // The six months ending with `to`'s, oldest first, and their seven boundaries.
    let (months, bounds) = six_months(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let month_sums: Vec<String> = (0..6)
        .map(|i| {
            let (lo, hi) = (q.bind(bounds[i]), q.bind(bounds[i + 1]));
            format!("SUM(p.amount) FILTER (WHERE p.paid_at >= {lo} AND p.paid_at < {hi}) AS m{i}")
        })
        .collect();
    let (lo, hi) = (q.bind(from.min(bounds[0])), q.bind(to.max(bounds[6])));
    let filter = q.deal_filter(f, "p.deal_pipeline_id", "p.deal_owner_id");
    // A month without payments sums to NULL.
    const MONTHS: [&str; 6] = ["m0", "m1", "m2", "m3", "m4", "m5"];
    let months_out: Vec<(String, &str)> = MONTHS
        .iter()
        .map(|m| (format!("CAST(COALESCE(r.{m}, 0) AS BIGINT)"), *m))
        .collect();
    // Each client's sums, in no order: ranking fifty thousand clients and adding up their
    // shares costs a sort here, where the database would sort them and run two windows. The
    // sums take only their own rows (FILTER), rather than adding a zero for every other row.
    // PostgreSQL guesses a third of the clients there are, and so hashes the payments by client
    // (120 ms) instead of summing them in the order of `payments_paid_by_company` (55 ms).
    r.postgres_setting("enable_hashagg = off").await?;
    // The sums come out in client order, so PostgreSQL merges them with `companies_named`,
    // read in the same order, unless it guesses few clients and hashes the whole companies
    // table instead (a half year: 300 ms against 255 under EXPLAIN ANALYZE).
    r.postgres_setting("enable_hashjoin = off").await?;
    let mut columns = vec![
        ("r.company_id", "company_id"),
        ("c.name", "company"),
        ("c.owner_id", "owner_id"),
        ("CAST(r.revenue AS BIGINT)", "revenue"),
    ];
    columns.extend(months_out.iter().map(|(e, m)| (e.as_str(), *m)));
    let mut rows: Vec<Row> = r
        .many_rows(
            &columns,
            &format!(
                "FROM (SELECT p.deal_company_id AS company_id,
                   SUM(p.amount) FILTER (WHERE p.paid_at >= {a} AND p.paid_at < {b}) AS revenue,
                   {}
                   FROM {PAID_OF_LIVE_DEALS}
                   AND p.deal_company_id IS NOT NULL AND p.paid_at >= {lo} AND p.paid_at < {hi}{filter}
                   GROUP BY p.deal_company_id) r
                 JOIN companies c ON c.id = r.company_id
                 WHERE r.revenue > 0",
                month_sums.join(", "),
            ),
            q,
        )
        .await?;
    // By revenue, largest first; equal revenues by id, as the ids' text sorts.
    rows.sort_unstable_by(|x, y| y.revenue.cmp(&x.revenue).then(x.company_id.cmp(&y.company_id)));
    let people = r.people().await?;
    let total_revenue: i64 = rows.iter().map(|x| x.revenue).sum();
    let mut cumulative = 0;
    let mut companies: Vec<AbcXyzRow> = Vec::with_capacity(rows.len());
    for x in rows {
        cumulative += x.revenue;
        companies.push(AbcXyzRow::new(
            x.company_id,
            x.company,
            people.person(x.owner_id),
            x.revenue,
            cumulative,
            total_revenue,
            vec![x.m0, x.m1, x.m2, x.m3, x.m4, x.m5],
        ));
    }
    Ok(AbcXyz {
        currency: CURRENCY.into(),
        months: months.iter().map(|m| month_key(*m)).collect(),
        total_revenue,
        matrix: abc_xyz_matrix(&companies),
        companies,
    })
}
