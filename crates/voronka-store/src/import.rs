//! Bulk loading of whole records (demo data, imports): many rows per statement, search index and
//! deal contacts kept in step. Records are taken as they are, with their ids and times, so a
//! seeded generator gives the same database on every backend.
//!
//! A load into an empty database ([`Store::begin_load`]) is one transaction from its emptiness
//! check to its report figures, so it lands whole or not at all (a load killed half-way used to
//! leave half a team behind, which then blocked the next load).

use voronka_core::model::{
    Activity, AuditEntry, Company, Contact, Deal, DealItem, DictionaryEntry, Document, LossReason, Payment, Pipeline,
    Plan, Product, Stage, StageSpell, Task, User,
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
    pub dictionary_entries: Vec<DictionaryEntry>,
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
            + self.dictionary_entries.len()
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

use crate::tx::Tx;
use crate::{Backend, Store};
use serde_json::json;
use std::collections::HashMap;
use voronka_core::model::{AuditAction, Record};
use voronka_core::search::{company_text, contact_text, deal_text};
use voronka_core::{Error, ErrorCode, Id, Result};

impl Store {
    /// Loads one batch in one transaction and records it in the audit log as one import.
    /// The report figures of deals and companies (see `figures`) are left to
    /// [`Store::refresh_figures`], which a loader calls once after its last batch: batches of
    /// history touch most companies each, and refreshing them batch by batch costs the load
    /// more than all its inserts.
    pub async fn import(&self, actor: Option<Id>, batch: &Import) -> Result<()> {
        let mut tx = self.begin(actor).await?;
        tx.defer_figures();
        write_batch(&mut tx, batch).await?;
        tx.commit().await
    }

    /// Starts a load into an empty database: every batch given to [`Load::add`] and the report
    /// figures [`Load::commit`] computes are written in this one transaction, so readers (the
    /// reports, the app, another desktop) see no team until the whole of it is there, and a load
    /// that is killed or fails leaves the database as empty as it found it.
    ///
    /// One transaction holds even 300,000 deals: PostgreSQL keeps the uncommitted rows in its
    /// tables, SQLite in its write-ahead log (a file as large as the data until the commit
    /// checkpoints it; memory stays at the page cache, which spills to the log).
    ///
    /// The emptiness check runs inside the transaction, after a lock two loads share: on SQLite
    /// the write lock `BEGIN IMMEDIATE` takes, on PostgreSQL a transaction-level advisory lock.
    /// A second load started meanwhile waits for it (up to the 10 s a writer waits on SQLite)
    /// and is then refused, `invalid_state` on `db`: "not empty" once the first has committed,
    /// "already running" while it still runs. Without the lock both saw an empty database and
    /// the two teams were mixed.
    pub async fn begin_load(&self) -> Result<Load<'_>> {
        let begun = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        };
        let tx = match begun {
            Ok(tx) => tx,
            Err(e) if is_busy(&e) => return Err(already_running()),
            Err(e) => return Err(crate::error::db(e)),
        };
        let mut tx = Tx::on(self, tx, None);
        if self.backend == Backend::Postgres {
            // As long as SQLite's busy timeout; set back so the load's own statements wait as
            // any other would.
            tx.execute("SET LOCAL lock_timeout = '10s'", vec![]).await?;
            let locked = sqlx::query("SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
                .bind(LOAD_LOCK)
                .execute(&mut *tx.tx)
                .await;
            match locked {
                Ok(_) => {}
                Err(e) if is_busy(&e) => return Err(already_running()),
                Err(e) => return Err(crate::error::db(e)),
            }
            tx.execute("SET LOCAL lock_timeout = DEFAULT", vec![]).await?;
        }
        tx.defer_figures();
        let rows = tx
            .scalar(
                "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM companies) + (SELECT COUNT(*) FROM deals)",
                vec![],
            )
            .await?;
        if rows > 0 {
            // Loaded records next to real ones would mislead every report, and a seeded load's
            // ids would clash with an earlier one's.
            return Err(Error::new(
                ErrorCode::InvalidState,
                "the database is not empty: a load goes into a database without users or clients",
            )
            .on("db"));
        }
        Ok(Load { tx })
    }
}

/// A load in progress (see [`Store::begin_load`]). Dropping it without [`Load::commit`] rolls
/// everything back.
pub struct Load<'s> {
    tx: Tx<'s>,
}

impl std::fmt::Debug for Load<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Load").finish_non_exhaustive()
    }
}

impl Load<'_> {
    /// Writes one batch, with an audit entry for it as one import. Batches come in an order that
    /// respects references (see [`Import`]).
    pub async fn add(&mut self, batch: &Import) -> Result<()> {
        write_batch(&mut self.tx, batch).await
    }

    /// Computes every report figure from the loaded records and commits. The figures are part
    /// of the same transaction: a load stopped after its last batch once left deals with no
    /// figures, and every funnel stage at 0.
    pub async fn commit(mut self) -> Result<()> {
        self.tx.refresh_all_figures().await?;
        self.tx.commit().await
    }

    /// Commits what was written, its figures already computed by the caller.
    pub(crate) async fn commit_as_is(self) -> Result<()> {
        self.tx.commit().await
    }
}

impl<'s> Load<'s> {
    /// The load's own transaction, for a copy that writes rows as they are (see `move_to_team`).
    pub(crate) fn tx(&mut self) -> &mut Tx<'s> {
        &mut self.tx
    }
}

/// The advisory lock of a load on PostgreSQL ("VoronkaL" in ASCII); the gong has its own.
const LOAD_LOCK: i64 = 0x566f_726f_6e6b_614c;

fn already_running() -> Error {
    Error::new(
        ErrorCode::InvalidState,
        "a demo load is already running in this database; wait for it to finish",
    )
    .on("db")
}

/// SQLite's "database is locked" (another writer held on past the busy timeout) or
/// PostgreSQL's lock timeout.
fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            let code = d.code();
            matches!(code.as_deref(), Some("5" | "55P03")) || d.message().contains("database is locked")
        }
        _ => false,
    }
}

/// The records of one batch, their deal contacts and search entries, and its audit entry.
async fn write_batch(tx: &mut Tx<'_>, batch: &Import) -> Result<()> {
    tx.insert_many(&batch.users).await?;
    tx.insert_many(&batch.pipelines).await?;
    tx.insert_many(&batch.stages).await?;
    tx.insert_many(&batch.loss_reasons).await?;
    tx.insert_many(&batch.dictionary_entries).await?;
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
    link_deal_contacts(tx, batch).await?;
    index_batch(tx, batch).await?;
    if let Some(first) = first_id(batch) {
        let counts = json!({
            "users": batch.users.len(), "companies": batch.companies.len(), "contacts": batch.contacts.len(),
            "deals": batch.deals.len(), "tasks": batch.tasks.len(), "payments": batch.payments.len(),
            "activities": batch.activities.len(),
        });
        tx.audit("import", first, AuditAction::Create, None, Some(counts))
            .await?;
    }
    Ok(())
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
    let mut entries: Vec<(&'static str, Id, String, Option<Id>)> = Vec::new();
    let mut names: HashMap<Id, (String, Option<String>)> = HashMap::new();
    for c in batch.companies.iter().filter(|c| c.meta.deleted_at.is_none()) {
        names.insert(c.meta.id, (c.data.name.to_string(), c.data.city.clone()));
        entries.push((voronka_core::model::Company::ENTITY, c.meta.id, company_text(c), None));
    }
    for c in batch.contacts.iter().filter(|c| c.meta.deleted_at.is_none()) {
        entries.push((voronka_core::model::Contact::ENTITY, c.meta.id, contact_text(c), None));
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
        entries.push((
            voronka_core::model::Deal::ENTITY,
            d.meta.id,
            deal_text(d, company),
            Some(d.data.owner_id),
        ));
    }
    tx.index_many(entries).await
}
