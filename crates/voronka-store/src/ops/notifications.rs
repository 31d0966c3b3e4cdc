//! Notifications due for a user, recorded as delivered in the transaction that finds them, so
//! each is handed out once per user and event — across restarts and across desktops sharing one
//! database.

use crate::Store;
use crate::error::DbResult;
use crate::row::Value;
use crate::tx::Tx;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use voronka_core::model::{AuditAction, Role, TaskKind, User};
use voronka_core::notify::client_date;
use voronka_core::notify::scheduler::{self, DIGEST_TASKS};
use voronka_core::notify::{
    Candidates, ClientDate, GongEvent, Notification, NotificationSettings, Notifier, Recipient, TaskCandidate, Tick,
};
use voronka_core::{Error, ErrorCode, Id, Result, agenda};

/// A user's notification settings as stored. `version` is 0 while the user has never saved any
/// (the defaults are in effect); saving names the version it was read at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StoredNotificationSettings {
    pub user_id: Id,
    pub version: i64,
    pub settings: NotificationSettings,
}

/// The most overdue tasks a head's digest counts; past it the digest says "1000+".
pub const TEAM_OVERDUE_COUNT_CAP: i64 = 1_000;
/// Open tasks of one user read per tick at most (a tick covers minutes, a catch-up a week).
const OWN_TASKS_PER_TICK: i64 = 500;

#[derive(Deserialize)]
struct TaskRow {
    id: Id,
    kind: TaskKind,
    title: String,
    deal_id: Option<Id>,
    company_id: Option<Id>,
    assignee_id: Id,
    author_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    due_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    updated_at: DateTime<Utc>,
    /// Read only for the tasks given to the user (see [`GIVEN_BY`]).
    #[serde(default)]
    given_by: Option<String>,
}

impl From<TaskRow> for TaskCandidate {
    fn from(t: TaskRow) -> TaskCandidate {
        TaskCandidate {
            id: t.id,
            kind: t.kind,
            title: t.title,
            deal_id: t.deal_id,
            company_id: t.company_id,
            assignee_id: t.assignee_id,
            author_id: t.author_id,
            due_at: t.due_at,
            updated_at: t.updated_at,
            given_by: t.given_by,
        }
    }
}

const TASK_COLUMNS: &str = "id, kind, title, deal_id, company_id, assignee_id, author_id, due_at, updated_at";

/// Who gave a task: the author of its latest audit entry (the head who wrote or reassigned it,
/// or handed it over with a leaving manager's clients), by name.
const GIVEN_BY: &str = "(SELECT u.name FROM audit_log a JOIN users u ON u.id = a.actor_id
    WHERE a.entity_id = tasks.id ORDER BY a.at DESC LIMIT 1) AS given_by";

/// The candidate queries, public so the benchmark can show their plans. Each reads one of the
/// partial indexes of open tasks: `tasks_assignee_open (assignee_id, due_at)`,
/// `tasks_assignee_changed (assignee_id, updated_at)`, `tasks_due_open (due_at)`.
pub fn notification_queries() -> [(&'static str, String); 4] {
    [
        (
            "own tasks due in the window",
            format!(
                "SELECT {TASK_COLUMNS} FROM tasks WHERE assignee_id = $1 AND done_at IS NULL AND deleted_at IS NULL \
                 AND due_at > $2 AND due_at <= $3 ORDER BY due_at LIMIT {OWN_TASKS_PER_TICK}"
            ),
        ),
        (
            "tasks given to the user in the window",
            format!(
                "SELECT {TASK_COLUMNS}, {GIVEN_BY} FROM tasks WHERE assignee_id = $1 AND done_at IS NULL \
                 AND deleted_at IS NULL AND updated_at > $2 AND updated_at <= $3 AND author_id <> $1 \
                 ORDER BY updated_at LIMIT {OWN_TASKS_PER_TICK}"
            ),
        ),
        (
            "team's oldest overdue tasks",
            format!(
                "SELECT {TASK_COLUMNS} FROM tasks WHERE done_at IS NULL AND deleted_at IS NULL AND due_at <= $1 \
                 ORDER BY due_at LIMIT {DIGEST_TASKS}"
            ),
        ),
        (
            // Ordered so the planner walks the index instead of scanning the table for the cap.
            "team's overdue count (capped)",
            format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM tasks WHERE done_at IS NULL AND deleted_at IS NULL AND due_at <= $1 \
                 ORDER BY due_at LIMIT {TEAM_OVERDUE_COUNT_CAP}) overdue"
            ),
        ),
    ]
}

impl Store {
    pub async fn notification_settings(&self, user_id: Id) -> Result<StoredNotificationSettings> {
        let mut tx = self.begin_read().await?;
        tx.require::<User>(user_id, "user_id").await?;
        let stored = tx.stored_settings(user_id).await;
        tx.commit().await?;
        stored
    }

    /// Saves a user's settings at the version they were read at (0 for never saved);
    /// `conflict` when someone saved them since, `invalid` naming the field when a value is off.
    pub async fn save_notification_settings(
        &self,
        actor: Id,
        user_id: Id,
        version: i64,
        settings: &NotificationSettings,
    ) -> Result<StoredNotificationSettings> {
        settings.validate()?;
        let json = serde_json::to_string(settings).map_err(|e| Error::storage(e.to_string()))?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<User>(user_id, "user_id").await?;
        let before = tx.stored_settings(user_id).await?;
        if before.version != version {
            return Err(Error::conflict("notification settings"));
        }
        let now = tx.now.timestamp_millis();
        let written = if version == 0 {
            tx.execute(
                "INSERT INTO notification_settings (user_id, settings, version, updated_at) VALUES ($1, $2, 1, $3) \
                 ON CONFLICT (user_id) DO NOTHING",
                vec![user_id.into(), json.into(), now.into()],
            )
            .await?
        } else {
            tx.execute(
                "UPDATE notification_settings SET settings = $1, version = version + 1, updated_at = $2 \
                 WHERE user_id = $3 AND version = $4",
                vec![json.into(), now.into(), user_id.into(), version.into()],
            )
            .await?
        };
        if written == 0 {
            return Err(Error::conflict("notification settings"));
        }
        let after = StoredNotificationSettings {
            user_id,
            version: version + 1,
            settings: settings.clone(),
        };
        let as_json =
            |s: &StoredNotificationSettings| serde_json::to_value(s).map_err(|e| Error::storage(e.to_string()));
        let action = if version == 0 {
            AuditAction::Create
        } else {
            AuditAction::Update
        };
        let (b, a) = (as_json(&before)?, as_json(&after)?);
        tx.audit("notification_settings", user_id, action, Some(b), Some(a))
            .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// The notifications due for `user_id` now, each handed out once: they are recorded as
    /// delivered before this returns, and the same call on any store over this database will
    /// not return them again. Many at once (after a sleep) come as one missed digest.
    pub async fn notifications_due(&self, user_id: Id) -> Result<Vec<Notification>> {
        self.tick(user_id, None).await
    }

    /// [`Store::notifications_due`] shown through `notifier` before the deliveries are
    /// committed: when the desktop refuses one, nothing of this tick counts as delivered and
    /// the next tick brings it again.
    pub async fn deliver_notifications(&self, user_id: Id, notifier: &dyn Notifier) -> Result<Vec<Notification>> {
        self.tick(user_id, Some(notifier)).await
    }

    /// Shows gong `events` (from the feed, or rung while this desktop was closed) on `user_id`'s
    /// desktop, once per user and event; more than the catch-up threshold at once become one
    /// digest, and a muted gong is only passed over. Recorded and shown in one transaction: a
    /// desktop that refuses records nothing, so the next try shows them. The newest seq becomes
    /// the user's [`Store::gong_seen`]. Without a notifier it only records.
    pub async fn deliver_gongs(
        &self,
        user_id: Id,
        events: &[GongEvent],
        notifier: Option<&dyn Notifier>,
    ) -> Result<Vec<Notification>> {
        let Some(newest) = events.iter().map(|e| e.seq).max() else {
            return Ok(Vec::new());
        };
        let mut tx = self.begin(None).await?;
        let (who, _) = tx.recipient(user_id, true).await?;
        let shown = if who.settings.gong_muted {
            Vec::new()
        } else {
            let gongs = events.iter().map(|e| Notification::gong(user_id, e)).collect();
            let fresh = tx.claim(user_id, gongs).await?;
            tx.collapse(&who, fresh).await?
        };
        tx.gongs_seen_through(user_id, newest).await?;
        show_all(notifier, &shown)?;
        tx.commit().await?;
        Ok(shown)
    }

    /// Marks every gong up to `seq` as taken in by `user_id`'s desktop without showing it: a
    /// desktop's first start begins from the present, not from the team's history.
    pub async fn mark_gongs_seen(&self, user_id: Id, seq: i64) -> Result<()> {
        let mut tx = self.begin(None).await?;
        tx.gongs_seen_through(user_id, seq).await?;
        tx.commit().await
    }

    /// The newest gong seq `user_id`'s desktop took in, or `None` before its first gong.
    pub async fn gong_seen(&self, user_id: Id) -> Result<Option<i64>> {
        let mut tx = self.begin_read().await?;
        let rows = tx
            .fetch_all::<SeenRow>(
                "SELECT seq FROM gong_seen WHERE user_id = $1",
                vec![user_id.into()],
                &[],
            )
            .await;
        tx.commit().await?;
        Ok(rows?.into_iter().next().map(|r| r.seq))
    }

    /// What a tick of `user_id` at the store's `now` reads, read-only and recording nothing:
    /// for diagnostics and the benchmark.
    pub async fn notification_candidates(&self, user_id: Id) -> Result<Candidates> {
        let mut tx = self.begin_read().await?;
        let read = async {
            let (who, last) = tx.recipient(user_id, false).await?;
            let tick = Tick { now: tx.now, last };
            tx.candidates(&who, tick).await
        }
        .await;
        tx.commit().await?;
        read
    }

    async fn tick(&self, user_id: Id, notifier: Option<&dyn Notifier>) -> Result<Vec<Notification>> {
        let mut tx = self.begin(None).await?;
        let (who, last) = tx.recipient(user_id, true).await?;
        let tick = Tick { now: tx.now, last };
        let candidates = tx.candidates(&who, tick).await?;
        let due = scheduler::due(&who, tick, &candidates);
        let fresh = tx.claim(user_id, due).await?;
        let shown = tx.collapse(&who, fresh).await?;
        tx.execute(
            "INSERT INTO notification_ticks (user_id, last_tick_at) VALUES ($1, $2) \
             ON CONFLICT (user_id) DO UPDATE SET last_tick_at = excluded.last_tick_at",
            vec![user_id.into(), tick.now.timestamp_millis().into()],
        )
        .await?;
        show_all(notifier, &shown)?;
        tx.commit().await?;
        Ok(shown)
    }
}

#[derive(Deserialize)]
struct SeenRow {
    seq: i64,
}

/// Shows `shown` in order; the first refusal fails the whole transaction it runs in.
fn show_all(notifier: Option<&dyn Notifier>, shown: &[Notification]) -> Result<()> {
    let Some(notifier) = notifier else {
        return Ok(());
    };
    for n in shown {
        notifier
            .show(n)
            .map_err(|e| Error::new(ErrorCode::Unreachable, e.to_string()).on("notifier"))?;
    }
    Ok(())
}

impl Tx<'_> {
    pub(crate) async fn stored_settings(&mut self, user_id: Id) -> Result<StoredNotificationSettings> {
        #[derive(Deserialize)]
        struct Row {
            settings: String,
            version: i64,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT settings, version FROM notification_settings WHERE user_id = $1",
                vec![user_id.into()],
                &[],
            )
            .await?;
        match rows.into_iter().next() {
            Some(row) => Ok(StoredNotificationSettings {
                user_id,
                version: row.version,
                settings: serde_json::from_str(&row.settings)
                    .map_err(|e| Error::storage(format!("stored notification settings are unreadable: {e}")))?,
            }),
            None => Ok(StoredNotificationSettings {
                user_id,
                version: 0,
                settings: NotificationSettings::default(),
            }),
        }
    }

    /// The user a tick is for and their previous tick, in one round trip. With `lock`, on
    /// PostgreSQL the user's row stays locked until the tick commits, so two desktops of one user
    /// tick one after the other (a read-only look takes no lock: a lock makes the commit write).
    async fn recipient(&mut self, user_id: Id, lock: bool) -> Result<(Recipient, Option<DateTime<Utc>>)> {
        #[derive(Deserialize)]
        struct Row {
            role: Role,
            time_zone: String,
            deleted_at: Option<i64>,
            settings: Option<NotificationSettings>,
            last_tick_at: Option<i64>,
        }
        let lock = match self.store.backend {
            crate::Backend::Postgres if lock => " FOR UPDATE OF u",
            _ => "",
        };
        let sql = format!(
            "SELECT u.role, u.time_zone, u.deleted_at, s.settings, t.last_tick_at FROM users u \
             LEFT JOIN notification_settings s ON s.user_id = u.id \
             LEFT JOIN notification_ticks t ON t.user_id = u.id WHERE u.id = $1{lock}"
        );
        let rows: Vec<Row> = self.fetch_all(&sql, vec![user_id.into()], &["settings"]).await?;
        let row = rows
            .into_iter()
            .next()
            .filter(|r| r.deleted_at.is_none())
            .ok_or_else(|| Error::invalid("user_id", format!("no user with id {user_id}")))?;
        let who = Recipient {
            user_id,
            role: row.role,
            time_zone: agenda::zone(&row.time_zone),
            settings: row.settings.unwrap_or_default(),
        };
        Ok((who, row.last_tick_at.and_then(DateTime::from_timestamp_millis)))
    }

    async fn candidates(&mut self, who: &Recipient, tick: Tick) -> Result<Candidates> {
        let [(_, due_sql), (_, given_sql), (_, overdue_sql), (_, count_sql)] = notification_queries();
        let (since, until) = tick.due_range(&who.settings);
        let (since_ms, until_ms, now_ms) = (
            since.timestamp_millis(),
            until.timestamp_millis(),
            tick.now.timestamp_millis(),
        );
        let mut own: Vec<TaskRow> = self
            .fetch_all(
                &due_sql,
                vec![who.user_id.into(), since_ms.into(), until_ms.into()],
                &[],
            )
            .await?;
        own.extend(
            self.fetch_all::<TaskRow>(
                &given_sql,
                vec![who.user_id.into(), since_ms.into(), now_ms.into()],
                &[],
            )
            .await?,
        );
        let mut candidates = Candidates {
            own: own.into_iter().map(TaskCandidate::from).collect(),
            ..Default::default()
        };
        if !client_date::reminder_days(who, tick.scan_from(), tick.now).is_empty() {
            candidates.client_dates = self.client_dates_of(who.user_id).await?;
        }
        if who.gets_overdue_digest() {
            let overdue: Vec<TaskRow> = self.fetch_all(&overdue_sql, vec![now_ms.into()], &[]).await?;
            candidates.team_overdue = overdue.into_iter().map(TaskCandidate::from).collect();
            candidates.team_overdue_total = if candidates.team_overdue.len() < DIGEST_TASKS {
                candidates.team_overdue.len() as i64
            } else {
                self.scalar(&count_sql, vec![now_ms.into()]).await?
            };
            candidates.handovers = self.handovers_between(since_ms, now_ms).await?;
        }
        Ok(candidates)
    }

    /// The birthdays and important dates of the contacts and companies `user_id` owns.
    async fn client_dates_of(&mut self, user_id: Id) -> Result<Vec<ClientDate>> {
        #[derive(Deserialize)]
        struct Row {
            id: Id,
            name: String,
            birthday: Option<String>,
            important_dates: Vec<voronka_core::model::ImportantDate>,
        }
        let dated = |entity: &'static str, rows: Vec<Row>| {
            rows.into_iter().flat_map(move |r| {
                let birthday = r
                    .birthday
                    .as_deref()
                    .and_then(|b| chrono::NaiveDate::parse_from_str(b, "%Y-%m-%d").ok())
                    .map(|date| ("birthday".to_string(), date));
                let dates = birthday
                    .into_iter()
                    .chain(r.important_dates.into_iter().map(|d| (d.label, d.date)));
                let (id, name) = (r.id, r.name);
                dates
                    .map(move |(label, date)| ClientDate {
                        entity: entity.to_string(),
                        entity_id: id,
                        name: name.clone(),
                        label,
                        date,
                        on: date,
                    })
                    .collect::<Vec<_>>()
            })
        };
        let contacts: Vec<Row> = self
            .fetch_all(
                "SELECT id, full_name AS name, birthday, important_dates FROM contacts \
                 WHERE owner_id = $1 AND deleted_at IS NULL AND (birthday IS NOT NULL OR important_dates <> '[]')",
                vec![user_id.into()],
                &["important_dates"],
            )
            .await?;
        let companies: Vec<Row> = self
            .fetch_all(
                "SELECT id, name, NULL AS birthday, important_dates FROM companies \
                 WHERE owner_id = $1 AND deleted_at IS NULL AND important_dates <> '[]'",
                vec![user_id.into()],
                &["important_dates"],
            )
            .await?;
        Ok(dated("contact", contacts).chain(dated("company", companies)).collect())
    }

    /// Inserts a delivery per notification; returns the notifications whose delivery was new.
    /// Raises `user_id`'s seen gong seq to `seq` (an older batch never lowers it).
    async fn gongs_seen_through(&mut self, user_id: Id, seq: i64) -> Result<()> {
        self.execute(
            "INSERT INTO gong_seen (user_id, seq) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE \
             SET seq = CASE WHEN excluded.seq > gong_seen.seq THEN excluded.seq ELSE gong_seen.seq END",
            vec![user_id.into(), seq.into()],
        )
        .await
        .map(drop)
    }

    /// What to show of `fresh` (see [`scheduler::collapse`]); a digest standing for them is
    /// itself recorded as delivered.
    async fn collapse(&mut self, who: &Recipient, fresh: Vec<Notification>) -> Result<Vec<Notification>> {
        let shown = scheduler::collapse(who, self.now, fresh);
        if let [digest] = shown.as_slice()
            && digest.kind == voronka_core::notify::NotificationKind::MissedDigest
        {
            self.claim(who.user_id, vec![digest.clone()]).await?;
        }
        Ok(shown)
    }

    async fn claim(&mut self, user_id: Id, candidates: Vec<Notification>) -> Result<Vec<Notification>> {
        let now = self.now.timestamp_millis();
        let mut inserted = HashSet::new();
        for chunk in candidates.chunks(200) {
            let mut sql = String::from("INSERT INTO deliveries (user_id, event_key, delivered_at) VALUES ");
            let mut params: Vec<Value> = Vec::with_capacity(chunk.len() * 3);
            for (i, n) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("(${}, ${}, ${})", i * 3 + 1, i * 3 + 2, i * 3 + 3));
                params.extend([user_id.into(), n.key.clone().into(), now.into()]);
            }
            sql.push_str(" ON CONFLICT (user_id, event_key) DO NOTHING RETURNING event_key");
            let mut q = sqlx::query_scalar::<_, String>(&sql);
            for p in params {
                q = match p {
                    Value::Int(i) => q.bind(i),
                    Value::Text(s) => q.bind(s),
                    Value::Real(f) => q.bind(f),
                    Value::Null => q.bind(None::<String>),
                };
            }
            inserted.extend(q.fetch_all(&mut *self.tx).await.db()?);
        }
        Ok(candidates.into_iter().filter(|n| inserted.contains(&n.key)).collect())
    }
}

impl Store {
    /// How the database runs the candidate queries of a tick for `user_id` at `now`: for each
    /// of [`notification_queries`], its name and the plan's lines (`EXPLAIN QUERY PLAN` on
    /// SQLite, `EXPLAIN` on PostgreSQL).
    pub async fn explain_notification_queries(
        &self,
        user_id: Id,
        now: DateTime<Utc>,
    ) -> Result<Vec<(String, Vec<String>)>> {
        let (since, until) = Tick {
            now,
            last: Some(now - chrono::Duration::minutes(1)),
        }
        .due_range(&NotificationSettings::default());
        let params: [Vec<Value>; 4] = [
            vec![
                user_id.into(),
                since.timestamp_millis().into(),
                until.timestamp_millis().into(),
            ],
            vec![
                user_id.into(),
                since.timestamp_millis().into(),
                now.timestamp_millis().into(),
            ],
            vec![now.timestamp_millis().into()],
            vec![now.timestamp_millis().into()],
        ];
        let mut out = Vec::new();
        let mut tx = self.begin_read().await?;
        for ((name, sql), params) in notification_queries().into_iter().zip(params) {
            let (explain, column) = match self.backend {
                crate::Backend::Sqlite => (format!("EXPLAIN QUERY PLAN {sql}"), "detail"),
                crate::Backend::Postgres => (format!("EXPLAIN {sql}"), "QUERY PLAN"),
            };
            let mut q = sqlx::query(&explain);
            for p in params {
                q = crate::row::bind_plain(q, p);
            }
            let rows = q.fetch_all(&mut *tx.tx).await.db()?;
            let lines = rows
                .iter()
                .map(|r| sqlx::Row::try_get::<String, _>(r, column).db())
                .collect::<Result<Vec<_>>>()?;
            out.push((name.to_string(), lines));
        }
        tx.commit().await?;
        Ok(out)
    }
}
