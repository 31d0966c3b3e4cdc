//! Clients ranked by revenue (ABC) and by its steadiness (XYZ).

use super::cursor::{Out, spawn_reading};
use super::{PAID_OF_LIVE_DEALS, People, Reader, Sql, period_ms, six_months};
use crate::Store;
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
    /// Every client's revenue together: read only by the export, whose clients come ranked one
    /// at a time, before the last of them is summed.
    #[serde(default)]
    total: i64,
}

/// The clients' sums: `SELECT {columns} {from}`, with `from` not yet ordered.
struct Clients {
    columns: Vec<(String, &'static str)>,
    from: String,
    q: Sql,
}

/// Each client's revenue in the period and in each of the six months of XYZ, with their names.
async fn clients(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Clients> {
    let (from, to) = period_ms(f);
    // The six months ending with `to`'s, oldest first, and their seven boundaries.
    let (_, bounds) = six_months(f);
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
    // The sums take only their own rows (FILTER), rather than adding a zero for every other row.
    // PostgreSQL guesses a third of the clients there are, and so hashes the payments by client
    // (120 ms) instead of summing them in the order of `payments_paid_by_company` (55 ms).
    r.postgres_setting("enable_hashagg = off").await?;
    // The sums come out in client order, so PostgreSQL merges them with `companies_named`,
    // read in the same order, unless it guesses few clients and hashes the whole companies
    // table instead (a half year: 300 ms against 255 under EXPLAIN ANALYZE).
    r.postgres_setting("enable_hashjoin = off").await?;
    let mut columns = vec![
        ("r.company_id".to_string(), "company_id"),
        ("c.name".to_string(), "company"),
        ("c.owner_id".to_string(), "owner_id"),
        ("CAST(r.revenue AS BIGINT)".to_string(), "revenue"),
    ];
    // A month without payments sums to NULL.
    for m in ["m0", "m1", "m2", "m3", "m4", "m5"] {
        columns.push((format!("CAST(COALESCE(r.{m}, 0) AS BIGINT)"), m));
    }
    let from = format!(
        "FROM (SELECT p.deal_company_id AS company_id,
           SUM(p.amount) FILTER (WHERE p.paid_at >= {a} AND p.paid_at < {b}) AS revenue,
           {}
           FROM {PAID_OF_LIVE_DEALS}
           AND p.deal_company_id IS NOT NULL AND p.paid_at >= {lo} AND p.paid_at < {hi}{filter}
           GROUP BY p.deal_company_id) r
         JOIN companies c ON c.id = r.company_id
         WHERE r.revenue > 0",
        month_sums.join(", "),
    );
    Ok(Clients { columns, from, q })
}

/// Gives each client, taken largest revenue first, its shares and classes: its running total
/// decides its ABC class.
struct Ranking {
    people: People,
    total: i64,
    cumulative: i64,
}

impl Ranking {
    fn rank(&mut self, x: Row) -> AbcXyzRow {
        self.cumulative += x.revenue;
        AbcXyzRow::new(
            x.company_id,
            x.company,
            self.people.person(x.owner_id),
            x.revenue,
            self.cumulative,
            self.total,
            vec![x.m0, x.m1, x.m2, x.m3, x.m4, x.m5],
        )
    }
}

fn month_keys(f: &ReportFilter) -> Vec<String> {
    six_months(f).0.iter().map(|m| month_key(*m)).collect()
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<AbcXyz> {
    let Clients { columns, from, q } = clients(r, f).await?;
    let columns: Vec<(&str, &str)> = columns.iter().map(|(e, name)| (e.as_str(), *name)).collect();
    // Each client's sums come in no order: ranking fifty thousand clients and adding up their
    // shares costs a sort here, where the database would sort them and run two windows.
    let mut rows: Vec<Row> = r.many_rows(&columns, &from, q).await?;
    // By revenue, largest first; equal revenues by id, as the ids' text sorts.
    rows.sort_unstable_by(|x, y| y.revenue.cmp(&x.revenue).then(x.company_id.cmp(&y.company_id)));
    let mut ranking = Ranking {
        people: r.people().await?,
        total: rows.iter().map(|x| x.revenue).sum(),
        cumulative: 0,
    };
    let total_revenue = ranking.total;
    let mut companies: Vec<AbcXyzRow> = Vec::with_capacity(rows.len());
    companies.extend(rows.into_iter().map(|x| ranking.rank(x)));
    Ok(AbcXyz {
        currency: r.currency(),
        months: month_keys(f),
        total_revenue,
        matrix: abc_xyz_matrix(&companies),
        companies,
    })
}

/// ABC/XYZ's clients for an export, read from a cursor that the database ranks.
pub(super) fn ranked(store: Store, f: ReportFilter, currency: String) -> RankedClients {
    let months = month_keys(&f);
    RankedClients {
        currency,
        months,
        companies: spawn_reading(move |out| async move { send_ranked(&store, &f, &out).await }),
    }
}

async fn send_ranked(store: &Store, f: &ReportFilter, out: &Out<AbcXyzRow>) -> Result<()> {
    let mut r = store.report_reader(false).await?;
    let people = r.people().await?;
    let Clients { columns, from, q } = clients(&mut r, f).await?;
    let list: Vec<String> = columns.iter().map(|(e, name)| format!("{e} AS {name}")).collect();
    // The database sorts the clients (spilling to disk past its working memory, not ours) and
    // adds up the total as it does; the running total is added here as they arrive.
    let sql = format!(
        "SELECT {}, CAST(SUM(r.revenue) OVER () AS BIGINT) AS total {from}
         ORDER BY r.revenue DESC, r.company_id",
        list.join(", ")
    );
    let mut ranking = Ranking {
        people,
        total: 0,
        cumulative: 0,
    };
    let mut rows = std::pin::pin!(r.stream::<Row>(&sql, q));
    while let Some(row) = futures_util::TryStreamExt::try_next(&mut rows).await? {
        ranking.total = row.total;
        if !out.send(ranking.rank(row)).await {
            break;
        }
    }
    Ok(())
}
