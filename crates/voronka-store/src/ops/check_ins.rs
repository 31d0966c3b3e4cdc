//! Answers at the check-ins: each user keeps their own, one per check-in; the head reads who
//! answered each check-in of a day and who did not.

use crate::Store;
use crate::error::DbResult;
use crate::tx::Tx;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use voronka_core::model::*;
use voronka_core::notify::scheduler::local_instant;
use voronka_core::rights::{self, Action, Subject};
use voronka_core::{Error, Id, Result, agenda};

#[derive(Deserialize, Clone)]
struct AnswerRow {
    user_id: Id,
    slot: String,
    slot_at: i64,
    calls: i64,
    meetings: i64,
    payments_expected: i64,
    currency: String,
    comment: Option<String>,
    answered_at: i64,
}

impl From<AnswerRow> for CheckInAnswer {
    fn from(r: AnswerRow) -> CheckInAnswer {
        let at = |ms| chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
        CheckInAnswer {
            user_id: r.user_id,
            slot: r.slot,
            slot_at: at(r.slot_at),
            calls: r.calls,
            meetings: r.meetings,
            payments_expected: r.payments_expected,
            currency: r.currency,
            comment: r.comment,
            answered_at: at(r.answered_at),
        }
    }
}

impl Store {
    /// Keeps `actor`'s answer at one of their check-ins that has come: one of their check-in
    /// times, on one of their working days, not later than now. Answering the same check-in
    /// again replaces the answer.
    pub async fn answer_check_in(&self, actor: Id, input: &CheckInInput) -> Result<CheckInAnswer> {
        let mut tx = self.begin(Some(actor)).await?;
        let role = tx.actor_role().await?;
        rights::check(role, Subject::CheckIn, Action::Create, true)?;
        let currency = tx.default_currency().await?;
        let v = input.validate(&currency)?;
        let user: User = tx.get(actor).await?;
        let settings = tx.stored_settings(actor).await?.settings;
        let zone = agenda::zone(&user.data.time_zone);
        let (day, time) = (v.slot.date(), v.slot.time());
        let slot_at = local_instant(zone, day, time)
            .filter(|_| settings.check_ins().contains(&time) && settings.is_working_day(day.weekday()))
            .ok_or_else(|| Error::invalid("slot", "this is not one of your check-ins"))?;
        if slot_at > tx.now {
            return Err(Error::invalid("slot", "this check-in has not come yet"));
        }
        let answer = CheckInAnswer {
            user_id: actor,
            slot: v.slot.format(SLOT_FORMAT).to_string(),
            slot_at,
            calls: v.calls,
            meetings: v.meetings,
            payments_expected: v.payments_expected,
            currency: currency.as_str().to_string(),
            comment: v.comment,
            answered_at: tx.now,
        };
        tx.keep_check_in(&answer).await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// Every check-in of `day` that has come, of each active manager (for a manager, their own
    /// only), in order of time and name, each with its answer or none.
    pub async fn check_ins_of(&self, actor: Id, day: NaiveDate) -> Result<Vec<CheckInStatus>> {
        let mut tx = self.begin_read().await?;
        tx.actor = Some(actor);
        let role = tx.actor_role().await?;
        let all = rights::scope(role, Subject::CheckIn, Action::Read) == rights::Scope::All;
        let users: Vec<User> = tx
            .fetch_all(
                "SELECT * FROM users WHERE deleted_at IS NULL AND active = 1 AND role = 'manager' ORDER BY name, id",
                vec![],
                &[],
            )
            .await?;
        let (from, to) = (format!("{day}T"), format!("{}T", day.succ_opt().unwrap_or(day)));
        let answers: Vec<AnswerRow> = tx
            .fetch_all(
                "SELECT * FROM check_in_answers WHERE slot >= $1 AND slot < $2",
                vec![from.into(), to.into()],
                &[],
            )
            .await?;
        let mut rows = Vec::new();
        for user in users.into_iter().filter(|u| all || u.meta.id == actor) {
            let settings = tx.stored_settings(user.meta.id).await?.settings;
            if !settings.is_working_day(day.weekday()) {
                continue;
            }
            let zone = agenda::zone(&user.data.time_zone);
            for time in settings.check_ins() {
                let Some(slot_at) = local_instant(zone, day, time).filter(|at| *at <= tx.now) else {
                    continue;
                };
                let slot = day.and_time(time).format(SLOT_FORMAT).to_string();
                let answer = answers
                    .iter()
                    .find(|a| a.user_id == user.meta.id && a.slot == slot)
                    .cloned()
                    .map(CheckInAnswer::from);
                rows.push(CheckInStatus {
                    user_id: user.meta.id,
                    name: user.data.name.to_string(),
                    slot,
                    slot_at,
                    answer,
                });
            }
        }
        tx.commit().await?;
        rows.sort_by(|a, b| a.slot_at.cmp(&b.slot_at).then_with(|| a.name.cmp(&b.name)));
        Ok(rows)
    }
}

impl Tx<'_> {
    async fn keep_check_in(&mut self, a: &CheckInAnswer) -> Result<()> {
        // Bound with their own types: a NULL comment must reach PostgreSQL as TEXT.
        sqlx::query(
            "INSERT INTO check_in_answers (user_id, slot, slot_at, calls, meetings, payments_expected, currency, \
             comment, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (user_id, slot) DO UPDATE SET calls = excluded.calls, meetings = excluded.meetings, \
             payments_expected = excluded.payments_expected, currency = excluded.currency, \
             comment = excluded.comment, answered_at = excluded.answered_at",
        )
        .bind(a.user_id.to_string())
        .bind(a.slot.clone())
        .bind(a.slot_at.timestamp_millis())
        .bind(a.calls)
        .bind(a.meetings)
        .bind(a.payments_expected)
        .bind(a.currency.clone())
        .bind(a.comment.clone())
        .bind(a.answered_at.timestamp_millis())
        .execute(&mut *self.tx)
        .await
        .db()?;
        let after = serde_json::to_value(a).map_err(|e| Error::storage(e.to_string()))?;
        self.audit("check_in_answer", a.user_id, AuditAction::Update, None, Some(after))
            .await
    }
}
