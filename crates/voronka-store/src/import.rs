//! Bulk loading of whole records (demo data, imports): many rows per statement, one transaction
//! per batch, search index and deal contacts kept in step. Records are taken as they are, with
//! their ids and times, so a seeded generator gives the same database on every backend.

use voronka_core::model::{
    Activity, AuditEntry, Company, Contact, Deal, DealItem, Document, LossReason, Payment, Pipeline, Plan, Product,
    Stage, StageSpell, Task, User,
};

/// One batch of records to load. Load batches in an order that respects references: a batch may
/// refer to records of earlier batches or to records earlier in its own lists (users before
/// companies before deals before their children).
#[derive(Debug, Default, Clone)]
pub struct Import {
    pub users: Vec<User>,
    pub pipelines: Vec<Pipeline>,
    pub stages: Vec<Stage>,
    pub loss_reasons: Vec<LossReason>,
    pub products: Vec<Product>,
    pub companies: Vec<Company>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub stage_spells: Vec<StageSpell>,
    pub deal_items: Vec<DealItem>,
    pub payments: Vec<Payment>,
    pub tasks: Vec<Task>,
    pub activities: Vec<Activity>,
    pub documents: Vec<Document>,
    pub plans: Vec<Plan>,
    pub audit: Vec<AuditEntry>,
}

impl Import {
    pub fn len(&self) -> usize {
        self.users.len()
            + self.pipelines.len()
            + self.stages.len()
            + self.loss_reasons.len()
            + self.products.len()
            + self.companies.len()
            + self.contacts.len()
            + self.deals.len()
            + self.stage_spells.len()
            + self.deal_items.len()
            + self.payments.len()
            + self.tasks.len()
            + self.activities.len()
            + self.documents.len()
            + self.plans.len()
            + self.audit.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

use crate::Store;
use crate::tx::Tx;
use serde_json::json;
use std::collections::HashMap;
use voronka_core::model::{AuditAction, Record};
use voronka_core::search::{company_text, contact_text, deal_text};
use voronka_core::{Id, Result};

impl Store {
    /// Loads one batch in one transaction and records it in the audit log as one import.
    /// The report figures of deals and companies (see `figures`) are left to
    /// [`Store::refresh_figures`], which a loader calls once after its last batch: batches of
    /// history touch most companies each, and refreshing them batch by batch costs the load
    /// more than all its inserts.
    pub async fn import(&self, actor: Option<Id>, batch: &Import) -> Result<()> {
        let mut tx = self.begin(actor).await?;
        tx.defer_figures();
        tx.insert_many(&batch.users).await?;
        tx.insert_many(&batch.pipelines).await?;
        tx.insert_many(&batch.stages).await?;
        tx.insert_many(&batch.loss_reasons).await?;
        tx.insert_many(&batch.products).await?;
        tx.insert_many(&batch.companies).await?;
        tx.insert_many(&batch.contacts).await?;
        tx.insert_many(&batch.deals).await?;
        tx.insert_many(&batch.stage_spells).await?;
        tx.insert_many(&batch.deal_items).await?;
        tx.insert_many(&batch.payments).await?;
        tx.insert_many(&batch.tasks).await?;
        tx.insert_many(&batch.activities).await?;
        tx.insert_many(&batch.documents).await?;
        tx.insert_many(&batch.plans).await?;
        tx.insert_many(&batch.audit).await?;
        link_deal_contacts(&mut tx, batch).await?;
        index_batch(&mut tx, batch).await?;
        if let Some(first) = first_id(batch) {
            let counts = json!({
                "users": batch.users.len(), "companies": batch.companies.len(), "contacts": batch.contacts.len(),
                "deals": batch.deals.len(), "tasks": batch.tasks.len(), "payments": batch.payments.len(),
                "activities": batch.activities.len(),
            });
            tx.audit("import", first, AuditAction::Create, None, Some(counts))
                .await?;
        }
        tx.commit().await
    }
}

fn first_id(batch: &Import) -> Option<Id> {
    batch
        .users
        .first()
        .map(|r| r.meta.id)
        .or(batch.companies.first().map(|r| r.meta.id))
        .or(batch.deals.first().map(|r| r.meta.id))
        .or(batch.tasks.first().map(|r| r.meta.id))
        .or(batch.pipelines.first().map(|r| r.meta.id))
}

async fn link_deal_contacts(tx: &mut Tx<'_>, batch: &Import) -> Result<()> {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct DealContact {
        deal_id: Id,
        contact_id: Id,
    }
    impl crate::table::Rows for DealContact {
        const TABLE: &'static str = "deal_contacts";
    }
    let links: Vec<DealContact> = batch
        .deals
        .iter()
        .flat_map(|d| {
            d.data.contact_ids.iter().map(|c| DealContact {
                deal_id: d.meta.id,
                contact_id: *c,
            })
        })
        .collect();
    tx.insert_many(&links).await
}

/// Search entries for the batch's companies, contacts and deals; a deal's company may come from
/// an earlier batch, so missing names are read from the database.
async fn index_batch(tx: &mut Tx<'_>, batch: &Import) -> Result<()> {
    let mut entries: Vec<(&'static str, Id, String)> = Vec::new();
    let mut names: HashMap<Id, (String, Option<String>)> = HashMap::new();
    for c in batch.companies.iter().filter(|c| c.meta.deleted_at.is_none()) {
        names.insert(c.meta.id, (c.data.name.to_string(), c.data.city.clone()));
        entries.push((voronka_core::model::Company::ENTITY, c.meta.id, company_text(c)));
    }
    for c in batch.contacts.iter().filter(|c| c.meta.deleted_at.is_none()) {
        entries.push((voronka_core::model::Contact::ENTITY, c.meta.id, contact_text(c)));
    }
    let mut missing: Vec<Id> = batch
        .deals
        .iter()
        .filter_map(|d| d.data.company_id)
        .filter(|id| !names.contains_key(id))
        .collect();
    missing.sort();
    missing.dedup();
    for chunk in missing.chunks(1_000) {
        #[derive(serde::Deserialize)]
        struct Name {
            id: Id,
            name: String,
            city: Option<String>,
        }
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, name, city FROM companies WHERE id IN ({})",
            placeholders.join(", ")
        );
        let found: Vec<Name> = tx
            .fetch_all(&sql, chunk.iter().map(|id| (*id).into()).collect(), &[])
            .await?;
        names.extend(found.into_iter().map(|n| (n.id, (n.name, n.city))));
    }
    for d in batch.deals.iter().filter(|d| d.meta.deleted_at.is_none()) {
        let company = d
            .data
            .company_id
            .and_then(|id| names.get(&id))
            .map(|(n, c)| (n.as_str(), c.as_deref()));
        entries.push((voronka_core::model::Deal::ENTITY, d.meta.id, deal_text(d, company)));
    }
    tx.index_many(entries).await
}
