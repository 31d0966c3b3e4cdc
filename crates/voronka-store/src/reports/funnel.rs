//! The funnel of the deals created in the period.

use super::{Reader, Sql, by_name, period_days, stages};
use serde::Deserialize;
use std::collections::BTreeSet;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// The cohort's deals by owner, current pipeline, status and current stage.
#[derive(Deserialize)]
struct Group {
    owner_id: Id,
    status: String,
    stage_id: Id,
    deals: i64,
    amount: i64,
}

/// The cohort's deals by owner, a pipeline they passed through and the furthest stage they
/// reached there.
#[derive(Deserialize)]
struct Reach {
    owner_id: Id,
    pipeline_id: Id,
    furthest_position: Option<i64>,
    deals: i64,
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<Funnel> {
    let stages = stages(r, f, "'open', 'won'").await?;

    // The deals created in the period, off their day-by-day roll-ups (see the store's
    // `rollups`): where they are now from `deal_days`, and how far they got in each pipeline
    // their history passed through from `reach_days`, so no history need be read. A deal moved
    // to another pipeline counts in both: in the first for the stages it passed there.
    let (from, to) = period_days(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let groups: Vec<Group> = r
        .rows(
            &format!(
                "SELECT d.owner_id, d.status, d.stage_id,
                 CAST(SUM(d.deals) AS BIGINT) AS deals, CAST(SUM(d.amount) AS BIGINT) AS amount
                 FROM deal_days d WHERE d.day >= {a} AND d.day < {b}{filter}
                 GROUP BY d.owner_id, d.status, d.stage_id
                 ORDER BY d.owner_id, d.status, d.stage_id"
            ),
            q,
        )
        .await?;
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "r.pipeline_id", "r.owner_id");
    let reach: Vec<Reach> = r
        .rows(
            &format!(
                "SELECT r.owner_id, r.pipeline_id, r.furthest_position, CAST(SUM(r.deals) AS BIGINT) AS deals
                 FROM reach_days r WHERE r.day >= {a} AND r.day < {b}{filter}
                 GROUP BY r.owner_id, r.pipeline_id, r.furthest_position
                 ORDER BY r.owner_id, r.pipeline_id, r.furthest_position"
            ),
            q,
        )
        .await?;

    let people = r.people().await?;
    let column = |owner: Option<Id>| {
        let mine = |g: &&Group| owner.is_none_or(|o| o == g.owner_id);
        let mine_reached = |g: &&Reach| owner.is_none_or(|o| o == g.owner_id);
        let furthest_at: Vec<i64> = stages
            .iter()
            .map(|s| {
                reach
                    .iter()
                    .filter(mine_reached)
                    .filter(|g| g.pipeline_id == s.pipeline_id && g.furthest_position == Some(s.position))
                    .map(|g| g.deals)
                    .sum()
            })
            .collect();
        let open_at: Vec<(i64, i64)> = stages
            .iter()
            .map(|s| {
                groups
                    .iter()
                    .filter(mine)
                    .filter(|g| g.status == "open" && g.stage_id == s.id)
                    .fold((0, 0), |(n, a), g| (n + g.deals, a + g.amount))
            })
            .collect();
        let count = |status: Option<&str>| {
            groups
                .iter()
                .filter(mine)
                .filter(|g| status.is_none_or(|st| g.status == st))
                .map(|g| g.deals)
                .sum::<i64>()
        };
        // In one pipeline's funnel the cohort is every deal that passed through it; across all
        // pipelines, every deal once.
        let created = match f.pipeline_id {
            Some(_) => reach.iter().filter(mine_reached).map(|g| g.deals).sum(),
            None => count(None),
        };
        FunnelColumn::from_counts(
            owner.map(|id| people.person(id)),
            &stages,
            &furthest_at,
            &open_at,
            created,
            count(Some("won")),
            count(Some("lost")),
        )
    };
    let owners: BTreeSet<Id> = groups
        .iter()
        .map(|g| g.owner_id)
        .chain(reach.iter().map(|g| g.owner_id))
        .collect();
    let mut managers: Vec<FunnelColumn> = owners.into_iter().map(|id| column(Some(id))).collect();
    by_name(&mut managers, |c| c.manager.as_ref());
    Ok(Funnel {
        currency: r.currency(),
        team: column(None),
        managers,
        stages,
    })
}
