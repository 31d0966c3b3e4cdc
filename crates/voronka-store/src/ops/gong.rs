//! Rule 8: the gong. A gong event is written in the transaction that wins a deal or marks a
//! payment paid; on PostgreSQL that transaction also sends `NOTIFY voronka_gong, '<seq>'`, which
//! PostgreSQL delivers only once it commits.

use crate::tx::Tx;
use crate::{Backend, Store};
use chrono::NaiveDate;
use serde::Deserialize;
use voronka_core::model::{Company, Deal, Payment, Plan, User};
use voronka_core::notify::scheduler::local_instant;
use voronka_core::notify::{GongEvent, GongKind, TeamProgress};
use voronka_core::types::Currency;
use voronka_core::{Error, Id, Result, agenda};

/// The channel gong events are announced on.
pub const GONG_CHANNEL: &str = "voronka_gong";
/// Held by every writer of a gong event until it commits, so `seq` order is commit order.
const GONG_LOCK: i64 = 0x0076_6f72_6f6e_6b61; // "voronka" in ASCII

#[derive(Deserialize)]
struct GongRow {
    seq: i64,
    kind: GongKind,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    at: chrono::DateTime<chrono::Utc>,
    user_id: Id,
    user_name: String,
    company_name: Option<String>,
    deal_id: Id,
    deal_title: String,
    payment_id: Option<Id>,
    amount: i64,
    currency: String,
    progress: TeamProgress,
}

impl GongRow {
    fn into_event(self) -> Result<GongEvent> {
        Ok(GongEvent {
            seq: self.seq,
            kind: self.kind,
            at: self.at,
            user_id: self.user_id,
            user_name: self.user_name,
            company_name: self.company_name,
            deal_id: self.deal_id,
            deal_title: self.deal_title,
            payment_id: self.payment_id,
            amount: self.amount,
            currency: Currency::parse(&self.currency)?,
            progress: self.progress,
        })
    }
}

impl Store {
    /// Gong events after `after_seq`, oldest first, at most `limit`.
    pub async fn gong_since(&self, after_seq: i64, limit: u32) -> Result<Vec<GongEvent>> {
        let mut tx = self.begin_read().await?;
        let rows: Result<Vec<GongRow>> = tx
            .fetch_all(
                "SELECT * FROM gong_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                vec![after_seq.into(), i64::from(limit).into()],
                &["progress"],
            )
            .await;
        tx.commit().await?;
        rows?.into_iter().map(GongRow::into_event).collect()
    }

    /// The newest gong event's seq (0 before the first).
    pub async fn last_gong_seq(&self) -> Result<i64> {
        let mut tx = self.begin_read().await?;
        let seq = tx
            .scalar("SELECT CAST(COALESCE(MAX(seq), 0) AS BIGINT) FROM gong_events", vec![])
            .await;
        tx.commit().await?;
        seq
    }

    /// The team's progress to its plan today, as the gong shows it, by the calendar of
    /// `user_id`'s time zone.
    pub async fn team_progress(&self, user_id: Id) -> Result<TeamProgress> {
        let mut tx = self.begin_read().await?;
        let user: Result<User> = tx.require(user_id, "user_id").await;
        let progress = match user {
            Ok(user) => tx.team_progress(&user.data.time_zone).await,
            Err(e) => Err(e),
        };
        tx.commit().await?;
        progress
    }
}

impl Tx<'_> {
    /// Writes the gong event of `deal` being won (or `payment` of it being paid).
    pub(crate) async fn ring_gong(
        &mut self,
        kind: GongKind,
        deal: &Deal,
        payment: Option<&Payment>,
    ) -> Result<GongEvent> {
        if self.store.backend == Backend::Postgres {
            self.scalar(
                "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock($1)) AS locked",
                vec![GONG_LOCK.into()],
            )
            .await?;
        }
        let owner: User = self.get_any(deal.data.owner_id).await?;
        let company_name = match deal.data.company_id {
            Some(id) => Some(self.get_any::<Company>(id).await?.data.name.to_string()),
            None => None,
        };
        let (amount, currency) = match payment {
            Some(p) => (p.data.amount, p.data.currency.clone()),
            None => (deal.data.amount, deal.data.currency.clone()),
        };
        let progress = self.team_progress(&owner.data.time_zone).await?;
        let progress_json = serde_json::to_string(&progress).map_err(|e| Error::storage(e.to_string()))?;
        let seq = self
            .scalar(
                "INSERT INTO gong_events (kind, at, user_id, user_name, company_name, deal_id, deal_title, payment_id, \
                 amount, currency, progress) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq",
                vec![
                    kind.as_str().into(),
                    self.now.timestamp_millis().into(),
                    owner.meta.id.into(),
                    owner.data.name.to_string().into(),
                    company_name.clone().into(),
                    deal.meta.id.into(),
                    deal.data.title.to_string().into(),
                    payment.map(|p| p.meta.id).into(),
                    amount.into(),
                    currency.as_str().into(),
                    progress_json.into(),
                ],
            )
            .await?;
        if self.store.backend == Backend::Postgres {
            self.scalar(
                "SELECT COUNT(*) FROM (SELECT pg_notify($1, $2)) AS sent",
                vec![GONG_CHANNEL.into(), seq.to_string().into()],
            )
            .await?;
        }
        Ok(GongEvent {
            seq,
            kind,
            at: self.now,
            user_id: owner.meta.id,
            user_name: owner.data.name.to_string(),
            company_name,
            deal_id: deal.meta.id,
            deal_title: deal.data.title.to_string(),
            payment_id: payment.map(|p| p.meta.id),
            amount,
            currency,
            progress,
        })
    }

    /// Plan and fact of the month of today in `zone_name` (see [`TeamProgress`] for the rule).
    async fn team_progress(&mut self, zone_name: &str) -> Result<TeamProgress> {
        let zone = agenda::zone(zone_name);
        let day = self.now.with_timezone(&zone).date_naive();
        let (first, next) = TeamProgress::month_bounds(day);
        let month = format!("{}", first.format("%Y-%m"));
        let plans: Vec<Plan> = self
            .fetch_all(
                "SELECT * FROM plans WHERE month = $1 AND deleted_at IS NULL ORDER BY id",
                vec![month.into()],
                &[],
            )
            .await?;
        let process = self.process().await?;
        let (plan, currency) = match plans.iter().find(|p| p.data.user_id.is_none()) {
            Some(team) => (team.data.revenue_target, team.data.currency.clone()),
            None => (
                plans.iter().map(|p| p.data.revenue_target).sum(),
                plans
                    .first()
                    .map(|p| p.data.currency.clone())
                    .unwrap_or_else(|| process.default_currency.clone()),
            ),
        };
        let midnight = |d: NaiveDate| {
            local_instant(zone, d, chrono::NaiveTime::MIN)
                .map(|t| t.timestamp_millis())
                .ok_or_else(|| Error::storage(format!("no midnight on {d} in {zone_name}")))
        };
        let fact = self
            .scalar(
                "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM payments \
                 WHERE paid_at >= $1 AND paid_at < $2 AND status = 'paid' AND deleted_at IS NULL AND currency = $3",
                vec![
                    midnight(first)?.into(),
                    midnight(next)?.into(),
                    currency.as_str().into(),
                ],
            )
            .await?;
        Ok(TeamProgress::compute(day, &process.calendar(), currency, plan, fact))
    }
}
