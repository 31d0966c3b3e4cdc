//! Monthly plans (DOMAIN.md "Plan"), set by the head and the admin: one at a time, or a whole
//! block of the plans grid at once. The dashboard, the activity report's plan fulfilment and
//! the gong's progress read them.

use crate::Store;
use crate::row::Value;
use crate::table::Rows;
use crate::tx::Tx;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::rights::Action;
use voronka_core::{Error, ErrorCode, Id, Result};

/// What saving a block of the plans grid wrote: every plan it names, as stored now.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct PlansSaved {
    pub plans: Vec<Plan>,
}

impl Store {
    /// Sets a monthly plan; a second plan for the same person and month is refused.
    pub async fn create_plan(&self, actor: Id, input: &PlanInput) -> Result<Plan> {
        let mut data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        tx.require_opt::<User>(data.user_id, "user_id").await?;
        let plan = tx
            .create_from(|meta| Plan { meta, data })
            .await
            .map_err(|e| match e.code {
                ErrorCode::Duplicate => {
                    Error::new(ErrorCode::Duplicate, "a plan for this month already exists").on("month")
                }
                _ => e,
            })?;
        tx.commit().await?;
        Ok(plan)
    }

    pub async fn update_plan(&self, actor: Id, id: Id, version: i64, input: &PlanInput) -> Result<Plan> {
        let mut data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        let (_, plan) = tx.replace::<Plan>(id, version, data).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// The plans of the months `from` to `to` ("YYYY-MM", both included): the team's and each
    /// person's. A manager signed in to a team database reads her own and the team's.
    pub async fn plans_between(&self, from: &str, to: &str) -> Result<Vec<Plan>> {
        for (month, field) in [(from, "from"), (to, "to")] {
            PlanInput {
                month: month.into(),
                ..Default::default()
            }
            .validate()
            .map_err(|e| e.on(field))?;
        }
        let mut tx = self.begin_read().await?;
        let plans = tx
            .fetch_all(
                "SELECT * FROM plans WHERE month >= $1 AND month <= $2 AND deleted_at IS NULL ORDER BY month, user_id, id",
                vec![Value::from(from.trim()), Value::from(to.trim())],
                Plan::JSON,
            )
            .await;
        tx.commit().await?;
        plans
    }

    /// Saves a block of the plans grid in one transaction: each cell sets one person's (or the
    /// team's) month, in the department's currency. Every cell is checked before anything is
    /// written — its values (refused as `cells[i].field`), its person, and its version: a cell
    /// read before someone else set or changed that plan is a `conflict`, and nothing is saved.
    pub async fn save_plans(&self, actor: Id, cells: &[PlanCell]) -> Result<PlansSaved> {
        let mut tx = self.begin(Some(actor)).await?;
        let currency = tx.default_currency().await?;
        let mut checked = Vec::with_capacity(cells.len());
        for (i, cell) in cells.iter().enumerate() {
            let on = |e: Error| {
                let field = e.field.clone().unwrap_or_else(|| "month".into());
                e.on(format!("cells[{i}].{field}"))
            };
            let data = cell.input(&currency).validate().map_err(on)?;
            // Whose plans they are does not matter to the matrix: a role sets all or none.
            let probe = Plan {
                meta: Meta::new(Id(uuid::Uuid::nil()), tx.now),
                data: data.clone(),
            };
            tx.may(&probe, Action::Create).await?;
            let twice = cells[..i]
                .iter()
                .any(|c| c.user_id == data.user_id && c.month.trim() == data.month);
            if twice {
                return Err(on(Error::invalid("month", "the block sets this plan twice")));
            }
            tx.require_opt::<User>(data.user_id, "user_id").await.map_err(on)?;
            let stored = tx.plan_of(data.user_id, &data.month).await?;
            match (&stored, cell.version) {
                (None, None) => {}
                (Some(plan), Some(version)) if plan.meta.version == version => {}
                _ => return Err(Error::conflict(Plan::ENTITY).on(format!("cells[{i}].version"))),
            }
            checked.push((data, stored));
        }
        let mut plans = Vec::with_capacity(checked.len());
        for (data, stored) in checked {
            plans.push(match stored {
                Some(plan) if plan.data == data => plan,
                Some(plan) => tx.replace::<Plan>(plan.meta.id, plan.meta.version, data).await?.1,
                None => tx.create_from(|meta| Plan { meta, data }).await?,
            });
        }
        tx.commit().await?;
        Ok(PlansSaved { plans })
    }
}

impl Tx<'_> {
    /// The live plan of a person (or the team) for a month.
    async fn plan_of(&mut self, user_id: Option<Id>, month: &str) -> Result<Option<Plan>> {
        let rows: Vec<Plan> = self
            .fetch_all(
                "SELECT * FROM plans WHERE COALESCE(user_id, '') = $1 AND month = $2 AND deleted_at IS NULL",
                vec![
                    Value::from(user_id.map(|u| u.to_string()).unwrap_or_default()),
                    Value::from(month),
                ],
                Plan::JSON,
            )
            .await?;
        Ok(rows.into_iter().next())
    }
}
