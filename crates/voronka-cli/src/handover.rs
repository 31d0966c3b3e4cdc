//! `handover`: rule 7 from a terminal. Prints what moves (counts, then each record's id and who
//! receives it) and moves it in one transaction, unless `--dry-run`. Run as the head's or the
//! admin's own login on a team database; on a local file as its admin (or head).

use crate::plan::{acting_user, find_by_email};
use std::io::Write;
use voronka_core::handover::{self, HandoverMove, HandoverPlan, HandoverScope};
use voronka_core::model::User;
use voronka_store::Store;

pub struct HandoverArgs {
    pub from: String,
    /// Comma-separated e-mails: several receivers share the records in turn.
    pub to: String,
    pub dry_run: bool,
    pub deactivate: bool,
    pub json: bool,
}

/// What `--json` prints: the plan, then (unless a dry run) what moved where.
#[derive(serde::Serialize)]
struct Printed<'a> {
    dry_run: bool,
    from: &'a str,
    to: Vec<&'a str>,
    plan: &'a HandoverPlan,
    moves: &'a [HandoverMove],
    shares: Vec<handover::ReceiverShare>,
    deactivated: bool,
}

pub async fn run(url: &str, args: HandoverArgs) -> anyhow::Result<()> {
    let store = Store::open(url).await?;
    let actor = acting_user(&store).await?;
    let leaver = find_by_email(&store, args.from.trim())
        .await
        .map_err(|e| flag(e, "from"))?;
    let mut receivers: Vec<User> = Vec::new();
    for email in args.to.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        receivers.push(find_by_email(&store, email).await.map_err(|e| flag(e, "to"))?);
    }
    let receiver_ids: Vec<_> = receivers.iter().map(|u| u.meta.id).collect();
    let scope = HandoverScope::Manager {
        user_id: leaver.meta.id,
    };
    let plan = store.handover_preview(actor.meta.id, &scope).await?;
    let (moves, deactivated) = if args.dry_run {
        // The same sharing the move will make, shown before it is made.
        let ids = handover::receivers(&receiver_ids, Some(leaver.meta.id)).map_err(|e| e.on("to"))?;
        (handover::share(&plan, &ids), false)
    } else {
        let outcome = store
            .handover(actor.meta.id, &scope, &receiver_ids, args.deactivate)
            .await
            .map_err(|e| match e.field.as_deref() {
                Some("receivers") => e.on("to"),
                _ => e,
            })?;
        (outcome.moves, outcome.deactivated.is_some())
    };
    store.close().await;
    let email = |u: &User| {
        u.data
            .email
            .as_ref()
            .map(|e| e.as_str().to_string())
            .unwrap_or_default()
    };
    let emails: Vec<String> = receivers.iter().map(email).collect();
    let from = email(&leaver);
    let mut out = std::io::stdout().lock();
    if args.json {
        let printed = Printed {
            dry_run: args.dry_run,
            from: &from,
            to: emails.iter().map(String::as_str).collect(),
            plan: &plan,
            moves: &moves,
            shares: handover::shares(&moves, &receiver_ids),
            deactivated,
        };
        serde_json::to_writer_pretty(&mut out, &printed)?;
        writeln!(out)?;
        return Ok(());
    }
    let verb = if args.dry_run { "would move" } else { "moved" };
    writeln!(
        out,
        "{from} → {}: {verb} {} companies, {} contacts, {} open deals, {} open tasks",
        emails.join(", "),
        plan.companies.len(),
        plan.contacts.len(),
        plan.deals.len(),
        plan.tasks.len()
    )?;
    for m in &moves {
        let to = receivers
            .iter()
            .find(|u| u.meta.id == m.to_id)
            .map(email)
            .unwrap_or_default();
        writeln!(out, "{:<8} {}  → {to}", m.entity.as_str(), m.id)?;
    }
    if deactivated {
        writeln!(out, "{from} is deactivated")?;
    }
    Ok(())
}

/// A user refused on the flag the person typed.
fn flag(e: anyhow::Error, name: &str) -> anyhow::Error {
    match e.downcast::<voronka_core::Error>() {
        Ok(err) => err.on(name).into(),
        Err(other) => other,
    }
}
