//! Revenue from new and from existing clients.

use super::{PAID_OF_LIVE_DEALS, Reader, Sql, by_name, period_ms};
use serde::Deserialize;
use std::collections::BTreeMap;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// Segments as the SQL numbers them.
const NEW: i64 = 0;
const EXISTING: i64 = 1;

#[derive(Deserialize)]
struct Row {
    owner_id: Option<Id>,
    segment: i64,
    companies: i64,
    revenue: i64,
}

/// The period's revenue by segment, per manager and (with a NULL manager) for the team. Each
/// manager's payments are summed per client first, so a client is put in its segment once; the
/// clients with a win before the period are one uncorrelated subquery, which both backends read
/// once into a hashed set, rather than a lookup per payment.
fn split(q: &mut Sql, f: &ReportFilter) -> String {
    let (from, to) = period_ms(f);
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "p.deal_pipeline_id", "p.deal_owner_id");
    format!(
        "WITH per AS MATERIALIZED (
           SELECT p.deal_owner_id AS owner_id, p.deal_company_id AS company_id, SUM(p.amount) AS amount
           FROM {PAID_OF_LIVE_DEALS}
           AND p.paid_at >= {a} AND p.paid_at < {b}{filter}
           GROUP BY p.deal_owner_id, p.deal_company_id),
         seg AS MATERIALIZED (
           SELECT owner_id, company_id, amount,
           CASE WHEN company_id IS NULL THEN 2
                WHEN company_id IN (SELECT w.company_id FROM deals w WHERE w.status = 'won'
                             AND w.deleted_at IS NULL AND w.closed_at < {a}) THEN {EXISTING}
                ELSE {NEW} END AS segment
           FROM per)
         SELECT owner_id, segment, COUNT(company_id) AS companies, CAST(SUM(amount) AS BIGINT) AS revenue
         FROM seg GROUP BY owner_id, segment
         UNION ALL
         SELECT NULL, segment, COUNT(DISTINCT company_id), CAST(SUM(amount) AS BIGINT)
         FROM seg GROUP BY segment"
    )
}

fn fill(split: &mut RevenueSplit, row: &Row) {
    match row.segment {
        NEW => {
            split.new_companies += row.companies;
            split.new_revenue += row.revenue;
        }
        EXISTING => {
            split.existing_companies += row.companies;
            split.existing_revenue += row.revenue;
        }
        _ => split.without_company_revenue += row.revenue,
    }
}

fn empty(manager: Option<Person>) -> RevenueSplit {
    RevenueSplit {
        manager,
        new_companies: 0,
        new_revenue: 0,
        existing_companies: 0,
        existing_revenue: 0,
        without_company_revenue: 0,
        new_share: None,
    }
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<NewVsExisting> {
    let mut q = Sql::default();
    let sql = split(&mut q, f);
    let rows: Vec<Row> = r.rows(&sql, q).await?;
    let people = r.people().await?;
    let mut by_owner: BTreeMap<Id, RevenueSplit> = BTreeMap::new();
    let mut team = empty(None);
    for row in &rows {
        match row.owner_id {
            Some(id) => fill(
                by_owner.entry(id).or_insert_with(|| empty(Some(people.person(id)))),
                row,
            ),
            None => fill(&mut team, row),
        }
    }
    let mut managers: Vec<RevenueSplit> = by_owner.into_values().map(RevenueSplit::with_share).collect();
    by_name(&mut managers, |m| m.manager.as_ref());
    Ok(NewVsExisting {
        currency: r.currency(),
        managers,
        team: team.with_share(),
    })
}
