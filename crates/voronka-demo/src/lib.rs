//! Demo data of a Ukrainian sales team: a building-materials supplier with a head of sales, a
//! handful of managers, their clients, six months of deals through the funnel, the calls,
//! letters and meetings behind them, payments and monthly plans.
//!
//! Everything comes from one seeded PRNG and one anchor date, so a seed and a `today` give the
//! same records, ids included, on every machine and every run. Nothing reads the OS clock.
//!
//! [`DemoGenerator`] hands out the data in batches that respect references (the team and the
//! dictionaries, then companies with their contacts, then deals with everything hanging on
//! them), so the store can load each batch in one transaction without holding everything in
//! memory.

mod calendar;
mod catalog;
mod companies;
mod deals;
mod generator;
mod text;

#[cfg(test)]
mod tests;

pub use generator::DemoGenerator;

use chrono::NaiveDate;
use voronka_store::{Import, Store};

/// The fewest and the most deals a demo can have.
pub const MIN_SCALE: u64 = 10;
pub const MAX_SCALE: u64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub seed: u64,
    /// The number of deals, `MIN_SCALE..=MAX_SCALE`; everything else grows with it.
    pub scale: u64,
    /// The anchor: the data's past ends at the start of this day (UTC) and its dates are
    /// relative to it.
    pub today: NaiveDate,
}

/// How many records of each kind were generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub users: usize,
    pub companies: usize,
    pub contacts: usize,
    pub deals: usize,
    pub tasks: usize,
    pub payments: usize,
    pub activities: usize,
    pub pipelines: usize,
    pub stages: usize,
    pub loss_reasons: usize,
    pub products: usize,
    pub stage_spells: usize,
    pub deal_items: usize,
    pub plans: usize,
    pub batches: usize,
}

impl DemoSummary {
    fn count(&mut self, batch: &Import) {
        self.users += batch.users.len();
        self.companies += batch.companies.len();
        self.contacts += batch.contacts.len();
        self.deals += batch.deals.len();
        self.tasks += batch.tasks.len();
        self.payments += batch.payments.len();
        self.activities += batch.activities.len();
        self.pipelines += batch.pipelines.len();
        self.stages += batch.stages.len();
        self.loss_reasons += batch.loss_reasons.len();
        self.products += batch.products.len();
        self.stage_spells += batch.stage_spells.len();
        self.deal_items += batch.deal_items.len();
        self.plans += batch.plans.len();
        self.batches += 1;
    }
}

/// Generates and loads into an empty database; calls `progress(done_deals, total_deals)` after each batch.
///
/// The load is all or nothing (see [`Store::begin_load`]): one transaction from the check that
/// the database is empty to the report figures, so a load that is killed or fails leaves an
/// empty database a new load can go into, and a second load started at the same time is refused
/// instead of mixing two teams.
///
/// The records carry their own ids and times; only the store's audit entry for each batch
/// takes the store's clock and id source, so a store opened with a `ManualClock` at the start
/// of `today` and `SeededIds` of the same seed gives a byte-for-byte reproducible database.
pub async fn load(
    store: &Store,
    opts: &DemoOptions,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> voronka_core::Result<DemoSummary> {
    let mut generator = DemoGenerator::new(opts)?;
    let mut load = store.begin_load().await?;
    while let Some(batch) = generator.next_batch()? {
        load.add(&batch).await?;
        progress(generator.deals_done(), opts.scale);
    }
    load.commit().await?;
    // Planner statistics, not data: a load killed before them is whole, only slower to query
    // until the next analysis.
    store.analyze().await?;
    Ok(generator.summary().clone())
}

/// Pure generation without a store, batch by batch, for tests and for the loader.
pub fn generate(
    opts: &DemoOptions,
    sink: &mut dyn FnMut(Import) -> voronka_core::Result<()>,
) -> voronka_core::Result<DemoSummary> {
    let mut generator = DemoGenerator::new(opts)?;
    while let Some(batch) = generator.next_batch()? {
        sink(batch)?;
    }
    Ok(generator.summary().clone())
}
