//! What a deletion takes along and a restore brings back.
//!
//! A deleted deal takes its tasks and activities with it, so that they leave every list, count,
//! report and notification at once (Today, the tray, discipline, the activity report, the
//! timelines, the reminders) without each of those having to look the deal up. Each goes with its
//! own audit entry, and `deleted_with` names the deal, so that restoring the deal brings back
//! exactly those and not the ones deleted on their own before.
//!
//! A company is not deleted while it has open deals: those would stay on the kanban, in search
//! and on Today with a card that no longer opens. The refusal names them.

use crate::row::Value;
use crate::table::Table;
use crate::tx::Tx;
use voronka_core::model::{Activity, AuditAction, Deal, Record, Task};
use voronka_core::{Error, ErrorCode, Id, Result};

/// How many of a company's open deals a refusal names.
const NAMED: usize = 5;

impl Tx<'_> {
    /// Deletes the live tasks and activities of `deal_id` along with it.
    pub(crate) async fn delete_along_with_deal(&mut self, deal_id: Id) -> Result<()> {
        self.delete_along::<Task>(deal_id).await?;
        self.delete_along::<Activity>(deal_id).await
    }

    /// Restores the tasks and activities that went with `deal_id`.
    pub(crate) async fn restore_along_with_deal(&mut self, deal_id: Id) -> Result<()> {
        self.restore_along::<Task>(deal_id).await?;
        self.restore_along::<Activity>(deal_id).await
    }

    async fn delete_along<R: Table>(&mut self, deal_id: Id) -> Result<()> {
        let rows: Vec<R> = self
            .fetch_all(
                &format!(
                    "SELECT * FROM {} WHERE deal_id = $1 AND deleted_at IS NULL ORDER BY id",
                    R::TABLE
                ),
                vec![deal_id.into()],
                R::JSON,
            )
            .await?;
        for before in rows {
            let mut after = before.clone();
            after.meta_mut().deleted_at = Some(self.now);
            self.update(&before, &mut after, AuditAction::Delete).await?;
            self.mark_deleted_with(R::TABLE, before.meta().id, Some(deal_id))
                .await?;
        }
        Ok(())
    }

    async fn restore_along<R: Table>(&mut self, deal_id: Id) -> Result<()> {
        let rows: Vec<R> = self
            .fetch_all(
                &format!("SELECT * FROM {} WHERE deleted_with = $1 ORDER BY id", R::TABLE),
                vec![deal_id.into()],
                R::JSON,
            )
            .await?;
        for before in rows {
            let mut after = before.clone();
            after.meta_mut().deleted_at = None;
            self.update(&before, &mut after, AuditAction::Restore).await?;
            self.mark_deleted_with(R::TABLE, before.meta().id, None).await?;
        }
        Ok(())
    }

    async fn mark_deleted_with(&mut self, table: &str, id: Id, deal_id: Option<Id>) -> Result<()> {
        self.execute(
            &format!("UPDATE {table} SET deleted_with = $1 WHERE id = $2"),
            vec![Value::from(deal_id), id.into()],
        )
        .await?;
        Ok(())
    }

    /// A task or activity of a deleted deal comes back with its deal, not on its own.
    pub(crate) async fn refuse_restore_without_deal(&mut self, deal_id: Option<Id>) -> Result<()> {
        let Some(deal_id) = deal_id else { return Ok(()) };
        let deal: Deal = self.get_any(deal_id).await?;
        if deal.meta.deleted_at.is_some() {
            return Err(Error::new(
                ErrorCode::InvalidState,
                format!("its deal «{}» is deleted: restore the deal first", deal.data.title),
            )
            .on("deal_id"));
        }
        Ok(())
    }

    /// Refuses to delete a company while it has open deals, naming them.
    pub(crate) async fn refuse_deleting_company_with_open_deals(&mut self, company_id: Id) -> Result<()> {
        #[derive(serde::Deserialize)]
        struct Open {
            title: String,
        }
        let open: Vec<Open> = self
            .fetch_all(
                "SELECT title FROM deals WHERE company_id = $1 AND deleted_at IS NULL AND status = 'open'
                 ORDER BY title, id",
                vec![company_id.into()],
                &[],
            )
            .await?;
        if open.is_empty() {
            return Ok(());
        }
        let mut named: Vec<String> = open.iter().take(NAMED).map(|d| format!("«{}»", d.title)).collect();
        if open.len() > NAMED {
            named.push(format!("and {} more", open.len() - NAMED));
        }
        Err(Error::new(
            ErrorCode::InvalidState,
            format!(
                "the company has {} open deal(s): {}; win, lose, hand over or delete them first",
                open.len(),
                named.join(", ")
            ),
        )
        .on("company_id"))
    }
}

/// The deal a task or activity belongs to, for the restore check.
pub(crate) fn deal_of<R: Table>(record: &R) -> Option<Id> {
    let any = record as &dyn std::any::Any;
    if let Some(task) = any.downcast_ref::<Task>() {
        return task.data.deal_id;
    }
    any.downcast_ref::<Activity>().and_then(|a| a.data.deal_id)
}

/// Whether `R` is a deal / a company: the record kinds whose deletion does more.
pub(crate) fn is<R: Record, T: Record>() -> bool {
    R::ENTITY == T::ENTITY
}
