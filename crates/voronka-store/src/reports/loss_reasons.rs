//! Lost deals by reason, and by manager with the stage of loss.

use super::{CURRENCY, Reader, Sql, by_name, period_ms};
use serde::Deserialize;
use std::collections::BTreeMap;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

#[derive(Deserialize)]
struct ByReason {
    reason_id: Option<Id>,
    reason: Option<String>,
    position: Option<i64>,
    count: i64,
    amount: i64,
}

#[derive(Deserialize)]
struct ByStage {
    owner_id: Id,
    stage_id: Option<Id>,
    stage: Option<String>,
    pipeline_id: Option<Id>,
    position: Option<i64>,
    count: i64,
    amount: i64,
}

/// The deals lost in the period, as a CTE `lost`.
fn lost(q: &mut Sql, f: &ReportFilter) -> String {
    let (from, to) = period_ms(f);
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    format!(
        "lost AS (SELECT d.id, d.owner_id, d.amount, d.loss_reason_id, d.previous_stage_id FROM deals d
         WHERE d.status = 'lost' AND d.deleted_at IS NULL AND d.closed_at >= {a} AND d.closed_at < {b}{filter})"
    )
}

#[derive(Deserialize)]
struct ManagerReason {
    owner_id: Id,
    reason_id: Option<Id>,
    count: i64,
    amount: i64,
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<LossReasons> {
    let mut q = Sql::default();
    let cte = lost(&mut q, f);
    let mut reasons: Vec<ByReason> = r
        .rows(
            &format!(
                "WITH {cte}
                 SELECT l.loss_reason_id AS reason_id, lr.name AS reason, lr.position, COUNT(*) AS count,
                 CAST(SUM(l.amount) AS BIGINT) AS amount
                 FROM lost l LEFT JOIN loss_reasons lr ON lr.id = l.loss_reason_id
                 GROUP BY l.loss_reason_id, lr.name, lr.position ORDER BY l.loss_reason_id"
            ),
            q,
        )
        .await?;

    // The stage a deal was lost from is the one before its latest, lost, spell: kept on the
    // deal (see the store's `figures`).
    let mut q = Sql::default();
    let cte = lost(&mut q, f);
    let stages: Vec<ByStage> = r
        .rows(
            &format!(
                "WITH {cte}
                 SELECT l.owner_id, st.id AS stage_id, st.name AS stage, st.pipeline_id, st.position,
                 COUNT(*) AS count, CAST(SUM(l.amount) AS BIGINT) AS amount
                 FROM lost l LEFT JOIN stages st ON st.id = l.previous_stage_id
                 GROUP BY l.owner_id, st.id, st.name, st.pipeline_id, st.position
                 ORDER BY l.owner_id, st.id"
            ),
            q,
        )
        .await?;

    let mut q = Sql::default();
    let cte = lost(&mut q, f);
    let manager_reasons: Vec<ManagerReason> = r
        .rows(
            &format!(
                "WITH {cte}
                 SELECT l.owner_id, l.loss_reason_id AS reason_id, COUNT(*) AS count, CAST(SUM(l.amount) AS BIGINT) AS amount
                 FROM lost l GROUP BY l.owner_id, l.loss_reason_id ORDER BY l.owner_id, l.loss_reason_id"
            ),
            q,
        )
        .await?;

    let people = r.people().await?;
    // Most losses first; then the dictionary's order; no reason last.
    reasons.sort_by_key(|x| (-x.count, x.reason_id.is_none(), x.position, x.reason_id));
    let mut managers: BTreeMap<Id, LossByManager> = BTreeMap::new();
    for s in stages {
        let m = managers.entry(s.owner_id).or_insert_with(|| LossByManager {
            manager: people.person(s.owner_id),
            count: 0,
            amount: 0,
            by_stage: Vec::new(),
            by_reason: Vec::new(),
        });
        m.count += s.count;
        m.amount += s.amount;
        let stage = match (s.stage_id, s.stage, s.pipeline_id, s.position) {
            (Some(id), Some(name), Some(pipeline_id), Some(position)) => Some(StageRef {
                id,
                name,
                pipeline_id,
                position,
            }),
            _ => None,
        };
        m.by_stage.push(LossAtStage {
            stage,
            count: s.count,
            amount: s.amount,
        });
    }
    // Each manager's reasons in the overall order, so every bar stacks them alike.
    let rank = |id: Option<Id>| reasons.iter().position(|x| x.reason_id == id).unwrap_or(usize::MAX);
    for x in manager_reasons {
        if let Some(m) = managers.get_mut(&x.owner_id) {
            m.by_reason.push(LossByReason {
                reason_id: x.reason_id,
                reason: reasons.get(rank(x.reason_id)).and_then(|r| r.reason.clone()),
                count: x.count,
                amount: x.amount,
            });
        }
    }
    for m in managers.values_mut() {
        m.by_reason.sort_by_key(|x| rank(x.reason_id));
    }
    let mut by_manager: Vec<LossByManager> = managers.into_values().collect();
    for m in &mut by_manager {
        m.by_stage.sort_by_key(|s| {
            (
                s.stage.is_none(),
                s.stage.as_ref().map(|s| (s.pipeline_id, s.position, s.id)),
            )
        });
    }
    by_name(&mut by_manager, |m| Some(&m.manager));
    Ok(LossReasons {
        currency: CURRENCY.into(),
        lost: reasons.iter().map(|x| x.count).sum(),
        amount: reasons.iter().map(|x| x.amount).sum(),
        by_reason: reasons
            .into_iter()
            .map(|x| LossByReason {
                reason_id: x.reason_id,
                reason: x.reason,
                count: x.count,
                amount: x.amount,
            })
            .collect(),
        by_manager,
    })
}
