//! The funnel of the deals created in the period.

use super::{CURRENCY, Reader, Sql, by_name, period_ms, stages};
use serde::Deserialize;
use std::collections::BTreeSet;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

#[derive(Deserialize)]
struct Furthest {
    owner_id: Id,
    pipeline_id: Id,
    position: i64,
    deals: i64,
}

#[derive(Deserialize)]
struct Outcome {
    owner_id: Id,
    created: i64,
    won: i64,
    lost: i64,
}

#[derive(Deserialize)]
struct Open {
    owner_id: Id,
    stage_id: Id,
    deals: i64,
    amount: i64,
}

/// The deals created in the period, as a WHERE clause on `d`.
fn cohort(q: &mut Sql, f: &ReportFilter) -> String {
    let (from, to) = period_ms(f);
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    format!("d.deleted_at IS NULL AND d.created_at >= {a} AND d.created_at < {b}{filter}")
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Funnel> {
    let stages = stages(r, f, "'open', 'won'").await?;

    let mut q = Sql::default();
    let cohort_sql = cohort(&mut q, f);
    let furthest: Vec<Furthest> = r
        .rows(
            &format!(
                "WITH reach AS (
                   SELECT d.owner_id, st.pipeline_id, MAX(st.position) AS position
                   FROM deals d JOIN stage_spells sp ON sp.deal_id = d.id JOIN stages st ON st.id = sp.stage_id
                   WHERE {cohort_sql} AND st.kind <> 'lost'
                   GROUP BY d.id, d.owner_id, st.pipeline_id)
                 SELECT owner_id, pipeline_id, position, COUNT(*) AS deals FROM reach
                 GROUP BY owner_id, pipeline_id, position ORDER BY owner_id, pipeline_id, position"
            ),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let cohort_sql = cohort(&mut q, f);
    let outcomes: Vec<Outcome> = r
        .rows(
            &format!(
                "SELECT d.owner_id, COUNT(*) AS created,
                 SUM(CASE WHEN d.status = 'won' THEN 1 ELSE 0 END) AS won,
                 SUM(CASE WHEN d.status = 'lost' THEN 1 ELSE 0 END) AS lost
                 FROM deals d WHERE {cohort_sql} GROUP BY d.owner_id ORDER BY d.owner_id"
            ),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let cohort_sql = cohort(&mut q, f);
    let open: Vec<Open> = r
        .rows(
            &format!(
                "SELECT d.owner_id, d.stage_id, COUNT(*) AS deals, CAST(SUM(d.amount) AS BIGINT) AS amount
                 FROM deals d WHERE {cohort_sql} AND d.status = 'open'
                 GROUP BY d.owner_id, d.stage_id ORDER BY d.owner_id, d.stage_id"
            ),
            q,
        )
        .await?;

    let people = r.people().await?;
    let column = |owner: Option<Id>| {
        let mine = |id: Id| owner.is_none_or(|o| o == id);
        let furthest_at: Vec<i64> = stages
            .iter()
            .map(|s| {
                furthest
                    .iter()
                    .filter(|x| mine(x.owner_id) && x.pipeline_id == s.pipeline_id && x.position == s.position)
                    .map(|x| x.deals)
                    .sum()
            })
            .collect();
        let open_at: Vec<(i64, i64)> = stages
            .iter()
            .map(|s| {
                open.iter()
                    .filter(|x| mine(x.owner_id) && x.stage_id == s.id)
                    .fold((0, 0), |(n, a), x| (n + x.deals, a + x.amount))
            })
            .collect();
        let sum = |g: fn(&Outcome) -> i64| outcomes.iter().filter(|o| mine(o.owner_id)).map(g).sum::<i64>();
        FunnelColumn::from_counts(
            owner.map(|id| people.person(id)),
            &stages,
            &furthest_at,
            &open_at,
            sum(|o| o.created),
            sum(|o| o.won),
            sum(|o| o.lost),
        )
    };
    let owners: BTreeSet<Id> = outcomes.iter().map(|o| o.owner_id).collect();
    let mut managers: Vec<FunnelColumn> = owners.into_iter().map(|id| column(Some(id))).collect();
    by_name(&mut managers, |c| c.manager.as_ref());
    Ok(Funnel {
        currency: CURRENCY.into(),
        team: column(None),
        managers,
        stages,
    })
}
