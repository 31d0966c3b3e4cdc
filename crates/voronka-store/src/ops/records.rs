//! What every record can do: be read, be deleted softly, be restored, have its editable part
//! replaced at a known version.

use super::deleted_deals::{deal_of, is};
use crate::Store;
use crate::table::Table;
use crate::tx::Tx;
use std::any::Any;
use voronka_core::model::{AuditAction, Company, Deal, Meta};
use voronka_core::{Error, ErrorCode, Id, Result};

impl Store {
    /// A live record; `not_found` when it does not exist or is deleted.
    pub async fn get<R: Table>(&self, id: Id) -> Result<R> {
        let mut tx = self.begin_read().await?;
        let record = tx.get(id).await;
        tx.commit().await?;
        record
    }

    /// A record even if deleted (a trash view, restore dialogs).
    pub async fn get_any<R: Table>(&self, id: Id) -> Result<R> {
        let mut tx = self.begin_read().await?;
        let record = tx.get_any(id).await;
        tx.commit().await?;
        record
    }

    /// Soft-deletes a record at the version the caller saw. A deal takes its tasks and
    /// activities along; a company with open deals is refused (see `deleted_deals`).
    pub async fn delete<R: Table>(&self, actor: Id, id: Id, version: i64) -> Result<R> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: R = tx.get_at(id, version).await?;
        if before.meta().deleted_at.is_some() {
            return Err(Error::new(
                ErrorCode::InvalidState,
                format!("the {} is already deleted", R::ENTITY),
            ));
        }
        if is::<R, Company>() {
            tx.refuse_deleting_company_with_open_deals(id).await?;
        }
        let mut after = before.clone();
        after.meta_mut().deleted_at = Some(tx.now);
        tx.update(&before, &mut after, AuditAction::Delete).await?;
        if is::<R, Deal>() {
            tx.delete_along_with_deal(id).await?;
        }
        tx.reindex(R::ENTITY, id).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Brings a deleted record back. A company comes back only if no live company took its
    /// place meanwhile (rule 6); a deal brings back the tasks and activities it took along; a
    /// task or activity of a deleted deal comes back only with its deal.
    pub async fn restore<R: Table>(&self, actor: Id, id: Id, version: i64) -> Result<R> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: R = tx.get_at(id, version).await?;
        if before.meta().deleted_at.is_none() {
            return Err(Error::new(
                ErrorCode::InvalidState,
                format!("the {} is not deleted", R::ENTITY),
            ));
        }
        if let Some(company) = (&before as &dyn Any).downcast_ref::<Company>() {
            tx.refuse_duplicate_company(&company.data, Some(id)).await?;
        }
        tx.refuse_restore_without_deal(deal_of(&before)).await?;
        let mut after = before.clone();
        after.meta_mut().deleted_at = None;
        tx.update(&before, &mut after, AuditAction::Restore).await?;
        if is::<R, Deal>() {
            tx.restore_along_with_deal(id).await?;
        }
        tx.reindex(R::ENTITY, id).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// A read-only unit of work (plain BEGIN, no write lock).
    pub(crate) async fn begin_read(&self) -> Result<Tx<'_>> {
        use crate::error::DbResult;
        let tx = self.pool.begin().await.db()?;
        Ok(Tx::on(self, tx, None))
    }
}

impl Tx<'_> {
    /// A new record from validated data, written with its audit entry.
    pub(crate) async fn create_from<R: Table>(&mut self, build: impl FnOnce(Meta) -> R) -> Result<R> {
        let record = build(Meta::new(self.new_id(), self.now));
        self.create(&record).await?;
        Ok(record)
    }

    /// Replaces a live record's editable part at `version`; returns (before, after).
    pub(crate) async fn replace<R: Table>(&mut self, id: Id, version: i64, data: R::Data) -> Result<(R, R)> {
        let before: R = self.get_at(id, version).await?;
        if before.meta().deleted_at.is_some() {
            return Err(Error::not_found(R::ENTITY, id));
        }
        let mut after = before.clone();
        after.set_data(data);
        self.update(&before, &mut after, AuditAction::Update).await?;
        Ok((before, after))
    }

    /// `field` must name a live record of type `R`.
    pub(crate) async fn require<R: Table>(&mut self, id: Id, field: &str) -> Result<R> {
        self.get::<R>(id).await.map_err(|e| match e.code {
            ErrorCode::NotFound => Error::invalid(field, format!("no {} with id {id}", R::ENTITY)),
            _ => e,
        })
    }

    pub(crate) async fn require_opt<R: Table>(&mut self, id: Option<Id>, field: &str) -> Result<Option<R>> {
        match id {
            Some(id) => self.require(id, field).await.map(Some),
            None => Ok(None),
        }
    }
}
