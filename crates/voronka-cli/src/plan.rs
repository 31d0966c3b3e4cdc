//! `plan set`: a monthly plan from a script, as the plans grid sets it.

use anyhow::{Context, bail};
use clap::Subcommand;
use voronka_core::model::{PlanCell, Role, User};
use voronka_core::types::Money;
use voronka_store::{Identity, Store};

#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    /// Sets (or changes) one person's or the team's plan for a month. Run as the head's or the
    /// admin's own login on a team database; on a local file it is set as its admin (or head).
    Set {
        /// The month, YYYY-MM.
        #[arg(long)]
        month: String,
        /// The teammate's e-mail, or `team` for the team plan.
        #[arg(long)]
        user: String,
        /// Revenue target in whole units of the department's currency (150000 = 150 000 ₴ when
        /// it is the hryvnia); kopiyky after a comma or point.
        #[arg(long)]
        revenue: String,
        /// Calls target (the one set before, or 0, when left out).
        #[arg(long)]
        calls: Option<i64>,
        /// Meetings target (the one set before, or 0, when left out).
        #[arg(long)]
        meetings: Option<i64>,
    },
}

pub async fn run(url: &str, command: PlanCommand) -> anyhow::Result<()> {
    let PlanCommand::Set {
        month,
        user,
        revenue,
        calls,
        meetings,
    } = command;
    let store = Store::open(url).await?;
    let actor = acting_user(&store).await?;
    let user_id = match user.trim() {
        "team" => None,
        email => Some(find_by_email(&store, email).await?.meta.id),
    };
    let currency = store.process_settings().await?.data.default_currency;
    let revenue_target = Money::parse(&revenue, currency.clone(), "revenue")?.minor;
    let month = month.trim().to_string();
    let stored = store
        .plans_between(&month, &month)
        .await
        .map_err(|e| e.on("month"))?
        .into_iter()
        .find(|p| p.data.user_id == user_id);
    let cell = PlanCell {
        user_id,
        month: month.clone(),
        revenue_target,
        calls_target: calls.or(stored.as_ref().map(|p| p.data.calls_target)).unwrap_or(0),
        meetings_target: meetings
            .or(stored.as_ref().map(|p| p.data.meetings_target))
            .unwrap_or(0),
        version: stored.map(|p| p.meta.version),
    };
    let saved = store.save_plans(actor.meta.id, &[cell]).await.map_err(|e| {
        match e.field.as_deref().and_then(|f| f.strip_prefix("cells[0].")) {
            Some(field) => {
                let flag = match field {
                    "revenue_target" => "revenue",
                    "calls_target" => "calls",
                    "meetings_target" => "meetings",
                    "user_id" => "user",
                    other => other,
                }
                .to_string();
                e.on(flag)
            }
            None => e,
        }
    })?;
    store.close().await;
    let plan = saved.plans.first().context("the plan was not saved")?;
    println!(
        "{} {}: revenue {}, calls {}, meetings {}",
        plan.data.month,
        if user_id.is_some() { user.trim() } else { "team" },
        Money::new(plan.data.revenue_target, plan.data.currency.clone()).display(),
        plan.data.calls_target,
        plan.data.meetings_target
    );
    Ok(())
}

/// Who sets the plan: the signed-in teammate; on a local file, or for the database's
/// administrator, the first active admin, else the first active head.
pub(crate) async fn acting_user(store: &Store) -> anyhow::Result<User> {
    match store.identity().await? {
        Identity::Teammate(user) => Ok(*user),
        Identity::Owner { .. } | Identity::Local => {
            let users = store.list_users().await?;
            let first = |role| users.iter().find(|u| u.data.role == role && u.data.active);
            match first(Role::Admin).or(first(Role::Head)) {
                Some(user) => Ok(user.clone()),
                None => {
                    bail!("this database has no active admin or head to act as: start the app once, or load the demo")
                }
            }
        }
    }
}

pub(crate) async fn find_by_email(store: &Store, email: &str) -> anyhow::Result<User> {
    let wanted = email.to_lowercase();
    let found = store.list_users().await?.into_iter().find(|u| {
        u.data
            .email
            .as_ref()
            .is_some_and(|e| e.as_str().to_lowercase() == wanted)
    });
    match found {
        Some(user) => Ok(user),
        None => Err(voronka_core::Error::invalid("user", format!("no user has the e-mail {email}")).into()),
    }
}
