//! `rotate-leads`: rule 1's step from a terminal or a scheduled job. Every lead whose first
//! contact is overdue passes to the next manager of the rotation, exactly as the head's desktop
//! does it (the same claim keeps it once when both run). Useful where no head's desktop stays
//! on, and with `--at` to see what a later hour would hand over.

use crate::plan::acting_user;
use chrono::{DateTime, Utc};
use std::io::Write;
use std::sync::Arc;
use voronka_core::{ManualClock, RandomIds};
use voronka_store::Store;

pub async fn run(url: &str, at: Option<DateTime<Utc>>, json: bool) -> anyhow::Result<()> {
    let store = Store::open(url).await?;
    let actor = acting_user(&store).await?;
    let stepping = match at {
        Some(at) => store.with_ports(Arc::new(ManualClock::new(at)), Arc::new(RandomIds::new())),
        None => store.clone(),
    };
    let handed = stepping.rotate_leads(actor.meta.id).await?;
    store.close().await;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&handed)?)?;
        return Ok(());
    }
    writeln!(out, "handed over {} leads", handed.len())?;
    for h in &handed {
        writeln!(out, "{}\t{}\t{} -> {}", h.deal_id, h.deal_title, h.from_name, h.to_name)?;
    }
    Ok(())
}
