//! Lost deals by reason, and by manager with the stage of loss.

use super::{Reader, Sql, by_name, period_ms};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// The period's lost deals of one manager, reason and stage of loss.
#[derive(Deserialize)]
struct Cell {
    owner_id: Id,
    reason_id: Option<Id>,
    stage_id: Option<Id>,
    count: i64,
    amount: i64,
}

#[derive(Deserialize)]
struct Reason {
    id: Id,
    name: String,
    position: i64,
}

#[derive(Deserialize)]
struct Stage {
    id: Id,
    name: String,
    pipeline_id: Id,
    position: i64,
}

/// A reason's or a manager's losses.
#[derive(Default, Clone, Copy)]
struct Sum {
    count: i64,
    amount: i64,
}

impl Sum {
    fn add(&mut self, c: &Cell) {
        self.count += c.count;
        self.amount += c.amount;
    }
}

pub(super) async fn run(r: &mut Reader<'_>, f: &ReportFilter) -> Result<LossReasons> {
    // One pass over the period's lost deals, off the index of closed deals, counts them by
    // manager, reason and the stage they were lost from (the one before their latest, lost,
    // spell: kept on the deal, see the store's `figures`); every total of the report adds these
    // cells up, so the deals are read once rather than once per table.
    let (from, to) = period_ms(f);
    let mut q = Sql::default();
    let (a, b) = (q.bind(from), q.bind(to));
    let filter = q.deal_filter(f, "d.pipeline_id", "d.owner_id");
    let cells: Vec<Cell> = r
        .rows(
            &format!(
                "SELECT d.owner_id, d.loss_reason_id AS reason_id, d.previous_stage_id AS stage_id, COUNT(*) AS count,
                 CAST(SUM(d.amount) AS BIGINT) AS amount
                 FROM deals d
                 WHERE d.status = 'lost' AND d.deleted_at IS NULL AND d.closed_at IS NOT NULL
                 AND d.closed_at >= {a} AND d.closed_at < {b}{filter}
                 GROUP BY d.owner_id, d.loss_reason_id, d.previous_stage_id"
            ),
            q,
        )
        .await?;
    // The dictionaries are small: read whole, deleted entries included, as old deals name them.
    let reason_names: HashMap<Id, Reason> = r
        .rows::<Reason>("SELECT id, name, position FROM loss_reasons", Sql::default())
        .await?
        .into_iter()
        .map(|x| (x.id, x))
        .collect();
    let stage_names: HashMap<Id, Stage> = r
        .rows::<Stage>("SELECT id, name, pipeline_id, position FROM stages", Sql::default())
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let people = r.people().await?;

    let mut reasons: BTreeMap<Option<Id>, Sum> = BTreeMap::new();
    // Per manager: their total, by stage of loss (a stage no longer known counts as none) and by
    // reason.
    type Split = (Sum, BTreeMap<Option<Id>, Sum>, BTreeMap<Option<Id>, Sum>);
    let mut managers: BTreeMap<Id, Split> = BTreeMap::new();
    for c in &cells {
        reasons.entry(c.reason_id).or_default().add(c);
        let m = managers.entry(c.owner_id).or_default();
        m.0.add(c);
        let stage = c.stage_id.filter(|s| stage_names.contains_key(s));
        m.1.entry(stage).or_default().add(c);
        m.2.entry(c.reason_id).or_default().add(c);
    }

    let reason_of = |id: Option<Id>, sum: Sum| LossByReason {
        reason_id: id,
        reason: id.and_then(|id| reason_names.get(&id)).map(|x| x.name.clone()),
        count: sum.count,
        amount: sum.amount,
    };
    // Most losses first; then the dictionary's order; no reason last.
    let mut order: Vec<(Option<Id>, Sum)> = reasons.into_iter().collect();
    order.sort_by_key(|(id, sum)| {
        let position = id.and_then(|id| reason_names.get(&id)).map(|x| x.position);
        (-sum.count, id.is_none(), position, *id)
    });
    let rank = |id: Option<Id>| order.iter().position(|x| x.0 == id).unwrap_or(usize::MAX);

    let mut by_manager: Vec<LossByManager> = managers
        .into_iter()
        .map(|(owner, (total, stages, by_reason))| {
            let mut by_stage: Vec<LossAtStage> = stages
                .into_iter()
                .map(|(id, sum)| LossAtStage {
                    stage: id.and_then(|id| stage_names.get(&id)).map(|s| StageRef {
                        id: s.id,
                        name: s.name.clone(),
                        pipeline_id: s.pipeline_id,
                        position: s.position,
                    }),
                    count: sum.count,
                    amount: sum.amount,
                })
                .collect();
            by_stage.sort_by_key(|s| {
                (
                    s.stage.is_none(),
                    s.stage.as_ref().map(|s| (s.pipeline_id, s.position, s.id)),
                )
            });
            // Each manager's reasons in the overall order, so every bar stacks them alike.
            let mut by_reason: Vec<LossByReason> = by_reason.into_iter().map(|(id, sum)| reason_of(id, sum)).collect();
            by_reason.sort_by_key(|x| rank(x.reason_id));
            LossByManager {
                manager: people.person(owner),
                count: total.count,
                amount: total.amount,
                by_stage,
                by_reason,
            }
        })
        .collect();
    by_name(&mut by_manager, |m| Some(&m.manager));
    Ok(LossReasons {
        currency: r.currency(),
        lost: order.iter().map(|x| x.1.count).sum(),
        amount: order.iter().map(|x| x.1.amount).sum(),
        by_reason: order.iter().map(|(id, sum)| reason_of(*id, *sum)).collect(),
        by_manager,
    })
}
