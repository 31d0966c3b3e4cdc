//! What hangs on a deal: its items (picked from the catalog, edited, removed, and the amount
//! that may follow them), its payments (planned, edited, cancelled, paid on a day) and its
//! documents.

use crate::Store;
use crate::tx::Tx;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::notify::GongKind;
use voronka_core::{Error, ErrorCode, Id, Result};

/// An item as saved, the deal as it stands after it (its amount may follow its items), and a
/// warning when the quantity is more than the product's stock.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct SavedItem {
    pub item: DealItem,
    pub deal: Deal,
    pub stock: Option<StockShort>,
}

impl Store {
    /// Adds a line to a deal: a product of the live catalog (an archived one is refused) with
    /// its name and price filled in where the input leaves them out, or a line of free text.
    pub async fn add_deal_item(&self, actor: Id, input: &DealItemInput) -> Result<SavedItem> {
        let mut tx = self.begin(Some(actor)).await?;
        let deal: Deal = tx.require(input.deal_id, "deal_id").await?;
        let product = match input.product_id {
            Some(id) => Some(tx.live_product(id).await?),
            None => None,
        };
        let data = input.validate(&deal.data, product.as_ref())?;
        let item = tx.create_from(|meta| DealItem { meta, data }).await?;
        let deal = tx.after_items_changed(deal).await?;
        tx.commit().await?;
        let stock = product.and_then(|p| stock_short(&p, item.data.quantity));
        Ok(SavedItem { item, deal, stock })
    }

    /// Changes a line's product, quantity, price or discount at the version read. A line may
    /// keep a product archived since; a newly chosen product must be in the live catalog.
    pub async fn update_deal_item(&self, actor: Id, id: Id, version: i64, input: &DealItemInput) -> Result<SavedItem> {
        let mut tx = self.begin(Some(actor)).await?;
        let current: DealItem = tx.get_at(id, version).await?;
        if current.meta.deleted_at.is_some() {
            return Err(Error::not_found(DealItem::ENTITY, id));
        }
        if current.data.deal_id != input.deal_id {
            return Err(Error::invalid("deal_id", "an item stays with its deal"));
        }
        let deal: Deal = tx.require(input.deal_id, "deal_id").await?;
        let product = match input.product_id {
            Some(id) if Some(id) == current.data.product_id => Some(tx.get_any::<Product>(id).await?),
            Some(id) => Some(tx.live_product(id).await?),
            None => None,
        };
        let data = input.validate(&deal.data, product.as_ref())?;
        let (_, item) = tx.replace::<DealItem>(id, version, data).await?;
        let deal = tx.after_items_changed(deal).await?;
        tx.commit().await?;
        let stock = product.and_then(|p| stock_short(&p, item.data.quantity));
        Ok(SavedItem { item, deal, stock })
    }

    /// Removes a line (a soft delete, in the audit log as such); returns the deal after it.
    pub async fn remove_deal_item(&self, actor: Id, id: Id, version: i64) -> Result<Deal> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: DealItem = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::new(ErrorCode::InvalidState, "the item is already removed").on("item"));
        }
        let deal: Deal = tx.require(before.data.deal_id, "deal_id").await?;
        let mut after = before.clone();
        after.meta.deleted_at = Some(tx.now);
        tx.update(&before, &mut after, AuditAction::Delete).await?;
        let deal = tx.after_items_changed(deal).await?;
        tx.commit().await?;
        Ok(deal)
    }

    /// Whether the deal's amount is the sum of its items from now on; switched on, the amount is
    /// that sum at once.
    pub async fn set_amount_from_items(&self, actor: Id, deal_id: Id, version: i64, on: bool) -> Result<Deal> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Deal = tx.get_at(deal_id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Deal::ENTITY, deal_id));
        }
        let mut after = before.clone();
        after.amount_from_items = on;
        if on {
            after.data.amount = tx.items_total(&before).await?;
        }
        tx.check_current_stage(&after).await?;
        if after != before {
            tx.update(&before, &mut after, AuditAction::Update).await?;
        }
        tx.commit().await?;
        Ok(after)
    }

    pub async fn create_payment(&self, actor: Id, input: &PaymentInput) -> Result<Payment> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<Deal>(data.deal_id, "deal_id").await?;
        let payment = tx
            .create_from(|meta| Payment {
                meta,
                data,
                status: PaymentStatus::Planned,
                paid_at: None,
            })
            .await?;
        tx.commit().await?;
        Ok(payment)
    }

    /// Changes a planned payment's amount, planned date or invoice number.
    pub async fn update_payment(&self, actor: Id, id: Id, version: i64, input: &PaymentInput) -> Result<Payment> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let current: Payment = tx.get_at(id, version).await?;
        if current.status != PaymentStatus::Planned {
            return Err(Error::new(ErrorCode::InvalidState, "only a planned payment can be edited").on("status"));
        }
        if current.data.deal_id != data.deal_id {
            return Err(Error::invalid("deal_id", "a payment stays with its deal"));
        }
        let (_, payment) = tx.replace::<Payment>(id, version, data).await?;
        tx.commit().await?;
        Ok(payment)
    }

    /// Marks a planned payment paid (at `paid_at`, or now).
    pub async fn mark_payment_paid(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        paid_at: Option<DateTime<Utc>>,
    ) -> Result<Payment> {
        self.set_payment_status(actor, id, version, PaymentStatus::Paid, paid_at)
            .await
    }

    /// Marks a planned payment paid on a day a person chose (see [`paid_instant`]); a day after
    /// today is refused on `paid_on`.
    pub async fn mark_payment_paid_on(&self, actor: Id, id: Id, version: i64, paid_on: NaiveDate) -> Result<Payment> {
        let at = paid_instant(paid_on, self.clock().now())?;
        self.mark_payment_paid(actor, id, version, Some(at)).await
    }

    pub async fn cancel_payment(&self, actor: Id, id: Id, version: i64) -> Result<Payment> {
        self.set_payment_status(actor, id, version, PaymentStatus::Cancelled, None)
            .await
    }

    async fn set_payment_status(
        &self,
        actor: Id,
        id: Id,
        version: i64,
        status: PaymentStatus,
        paid_at: Option<DateTime<Utc>>,
    ) -> Result<Payment> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Payment = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Payment::ENTITY, id));
        }
        if before.status != PaymentStatus::Planned {
            return Err(Error::new(ErrorCode::InvalidState, "the payment is no longer planned").on("status"));
        }
        let mut after = before.clone();
        after.status = status;
        after.paid_at = (status == PaymentStatus::Paid).then(|| paid_at.unwrap_or(tx.now));
        tx.update(&before, &mut after, AuditAction::Update).await?;
        // Rule 8: a paid payment rings the gong like a won deal.
        let gong = match status {
            PaymentStatus::Paid => {
                let deal: Deal = tx.get_any(after.data.deal_id).await?;
                Some(tx.ring_gong(GongKind::Paid, &deal, Some(&after)).await?)
            }
            _ => None,
        };
        tx.commit().await?;
        self.announce(gong);
        Ok(after)
    }

    pub async fn add_document(&self, actor: Id, input: &DocumentInput) -> Result<Document> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let deal: Deal = tx.require(input.deal_id, "deal_id").await?;
        let author_id = tx.actor;
        let document = tx.create_from(|meta| Document { meta, data, author_id }).await?;
        let name = document.data.name.to_string();
        tx.log_document(&document, deal.data.company_id, &name).await?;
        tx.commit().await?;
        Ok(document)
    }
}

/// The instant a payment paid on `day` is recorded at: now when the day is today (in UTC, or
/// already in a zone east of it), else noon UTC of that day, which is the same calendar day from
/// UTC−11 to UTC+11, so every report counts it on the day chosen. A day after tomorrow in UTC
/// has come nowhere yet and is refused on `paid_on`.
pub fn paid_instant(day: NaiveDate, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let today = now.date_naive();
    if day > today.succ_opt().unwrap_or(today) {
        return Err(Error::invalid("paid_on", format!("{day} has not come yet")));
    }
    if day >= today {
        return Ok(now);
    }
    Ok(day.and_hms_opt(12, 0, 0).map(|t| t.and_utc()).unwrap_or(now))
}

impl Tx<'_> {
    /// A product of the live catalog; an archived one is refused on `product_id`.
    async fn live_product(&mut self, id: Id) -> Result<Product> {
        let product: Product = self.get_any(id).await.map_err(|e| match e.code {
            ErrorCode::NotFound => Error::invalid("product_id", format!("no product with id {id}")),
            _ => e,
        })?;
        if product.meta.deleted_at.is_some() {
            return Err(Error::invalid(
                "product_id",
                format!("«{}» is archived and offered for no new item", product.data.name),
            ));
        }
        Ok(product)
    }

    /// The sum of the deal's live items.
    async fn items_total(&mut self, deal: &Deal) -> Result<i64> {
        let items: Vec<DealItem> = self
            .fetch_all(
                "SELECT * FROM deal_items WHERE deal_id = $1 AND deleted_at IS NULL",
                vec![deal.meta.id.into()],
                &[],
            )
            .await?;
        Ok(item_totals(&items, deal.data.currency.clone(), None).net)
    }

    /// After a change of the deal's items: its amount follows them when the deal says so, and an
    /// open deal must still have what its stage requires (items, an amount).
    async fn after_items_changed(&mut self, deal: Deal) -> Result<Deal> {
        let mut after = deal.clone();
        if deal.amount_from_items {
            after.data.amount = self.items_total(&deal).await?;
        }
        self.check_current_stage(&after).await?;
        if after != deal {
            self.update(&deal, &mut after, AuditAction::Update).await?;
        }
        Ok(after)
    }

    /// Rule 4 for the stage the deal is in: what it requires stays filled.
    async fn check_current_stage(&mut self, deal: &Deal) -> Result<()> {
        let stage: Stage = self.get_any(deal.stage_id).await?;
        if stage.data.kind == StageKind::Lost {
            return Ok(());
        }
        self.check_stage_entry(deal.meta.id, &deal.data, &stage, deal.loss_reason_id)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_payment_paid_on_a_day_is_counted_on_that_day() {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(paid_instant(day(10), now).unwrap(), now, "today is now");
        assert_eq!(paid_instant(day(11), now).unwrap(), now, "already today east of UTC");
        assert_eq!(
            paid_instant(day(5), now).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 5, 12, 0, 0).unwrap()
        );
        assert_eq!(
            paid_instant(day(12), now).unwrap_err().field.as_deref(),
            Some("paid_on")
        );
    }
}
