//! A unit of work: one transaction, the acting user and one instant for every row it writes.
//! Every change goes through here, which is what keeps audit entries and versions honest.

use crate::error::{DbResult, db};
use crate::row::{self, Value};
use crate::table::{Rows, Table};
use crate::{Backend, Store};
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use voronka_core::model::{AuditAction, AuditEntry, diff};
use voronka_core::rights::Action;
use voronka_core::{Error, Id, Result};

pub(crate) struct Tx<'s> {
    pub(crate) tx: sqlx::Transaction<'static, sqlx::Any>,
    pub(crate) store: &'s Store,
    pub(crate) actor: Option<Id>,
    /// The actor's role, once the rights matrix has asked for it (see `guard`).
    pub(crate) actor_role: Option<voronka_core::model::Role>,
    pub(crate) now: DateTime<Utc>,
    /// What the rows written so far may have changed of the report figures (see `figures`).
    pub(crate) touched: crate::figures::Touched,
    /// Set by bulk loads, which refresh every figure once at their end.
    pub(crate) figures_deferred: bool,
    /// What this unit of work wrote, announced to every desktop once it commits.
    pub(crate) changed: crate::change_feed::Changes,
}

/// SQLite's statements are limited to 32 766 parameters; PostgreSQL's to 65 535.
const MAX_PARAMS: usize = 30_000;

impl Store {
    /// Starts a unit of work. On SQLite it takes the write lock at once so that a read followed
    /// by a write cannot be refused half-way by another writer.
    pub(crate) async fn begin(&self, actor: Option<Id>) -> Result<Tx<'_>> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
        .db()?;
        Ok(Tx::on(self, tx, actor))
    }

    pub(crate) fn new_id(&self, at: DateTime<Utc>) -> Id {
        self.ids.next_id(at)
    }
}

impl<'s> Tx<'s> {
    /// A unit of work on a transaction already begun, its instant taken now.
    pub(crate) fn on(store: &'s Store, tx: sqlx::Transaction<'static, sqlx::Any>, actor: Option<Id>) -> Tx<'s> {
        Tx {
            tx,
            store,
            actor,
            actor_role: None,
            now: store.clock.now(),
            touched: Default::default(),
            figures_deferred: false,
            changed: Default::default(),
        }
    }
}

impl Tx<'_> {
    pub(crate) fn new_id(&self) -> Id {
        self.store.new_id(self.now)
    }

    pub(crate) async fn commit(mut self) -> Result<()> {
        self.refresh_touched().await?;
        let changed = std::mem::take(&mut self.changed);
        if self.store.backend == Backend::Postgres {
            // Inside the transaction: PostgreSQL delivers them on commit, and only then.
            for payload in changed.payloads() {
                let params = vec![crate::change_feed::CHANGES_CHANNEL.into(), payload.into()];
                self.execute("SELECT pg_notify($1, $2)", params).await?;
            }
        }
        let store = self.store;
        self.tx.commit().await.db()?;
        store.announce_changes(changed);
        Ok(())
    }

    /// Inserts many rows of one table with as few statements as the parameter limit allows.
    pub(crate) async fn insert_many<R: Rows>(&mut self, records: &[R]) -> Result<()> {
        let Some(first) = records.first() else { return Ok(()) };
        let names: Vec<String> = columns_of(first)?.into_iter().map(|(c, _)| c).collect();
        records.iter().for_each(|r| self.touch(r));
        let per_statement = (MAX_PARAMS / names.len()).max(1);
        for chunk in records.chunks(per_statement) {
            let mut sql = format!("INSERT INTO {} ({}) VALUES ", R::TABLE, names.join(", "));
            let mut values = Vec::with_capacity(chunk.len() * names.len());
            for (r, record) in chunk.iter().enumerate() {
                let cols = columns_of(record)?;
                if cols.len() != names.len() {
                    return Err(Error::storage(format!("{} rows differ in their columns", R::TABLE)));
                }
                sql.push_str(if r == 0 { "(" } else { ", (" });
                for i in 0..cols.len() {
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    sql.push_str(&self.store.backend.placeholder(values.len() + i + 1));
                }
                sql.push(')');
                values.extend(cols);
            }
            let q = row::bind_all(sqlx::query(&sql), &self.store.columns, R::TABLE, values);
            q.execute(&mut *self.tx).await.db()?;
        }
        Ok(())
    }

    pub(crate) async fn insert<R: Rows>(&mut self, record: &R) -> Result<()> {
        self.insert_many(std::slice::from_ref(record)).await
    }

    /// A record by id, deleted or not; `not_found` when there is none.
    pub(crate) async fn get_any<R: Table>(&mut self, id: Id) -> Result<R> {
        let sql = format!("SELECT {} FROM {} WHERE id = $1", R::SELECT, R::TABLE);
        let row: Option<AnyRow> = sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&mut *self.tx)
            .await
            .db()?;
        match row {
            Some(row) => row::from_row(&row, R::JSON),
            None => Err(Error::not_found(R::ENTITY, id).on(format!("{}_id", R::ENTITY))),
        }
    }

    /// A record that is not deleted.
    pub(crate) async fn get<R: Table>(&mut self, id: Id) -> Result<R> {
        let record: R = self.get_any(id).await?;
        if record.meta().deleted_at.is_some() {
            return Err(Error::not_found(R::ENTITY, id).on(format!("{}_id", R::ENTITY)));
        }
        Ok(record)
    }

    /// A record the acting user is about to change, at the version they read: `forbidden`
    /// when it is not theirs to change, before any other check; `conflict` when it moved on.
    pub(crate) async fn get_at<R: Table>(&mut self, id: Id, version: i64) -> Result<R> {
        let record: R = self.get_any(id).await?;
        self.may_change(&record, &record, Action::Change).await?;
        if record.meta().version != version {
            return Err(Error::conflict(R::ENTITY));
        }
        Ok(record)
    }

    /// Writes a new record and its audit entry.
    pub(crate) async fn create<R: Table>(&mut self, record: &R) -> Result<()> {
        self.may(record, Action::Create).await?;
        self.insert(record).await?;
        let after = json(record)?;
        self.audit(R::ENTITY, record.meta().id, AuditAction::Create, None, Some(after))
            .await
    }

    /// Writes a changed record over `before` (read in this unit of work), bumping its version;
    /// the row must still be at `before`'s version or nothing is written.
    pub(crate) async fn update<R: Table>(&mut self, before: &R, after: &mut R, action: AuditAction) -> Result<()> {
        let right = match action {
            AuditAction::Create | AuditAction::Update => Action::Change,
            // Whoever may delete a record may bring it back.
            AuditAction::Delete | AuditAction::Restore => Action::Delete,
        };
        self.may_change(before, after, right).await?;
        self.touch_change(before, &*after);
        let old_version = before.meta().version;
        after.meta_mut().version = old_version + 1;
        after.meta_mut().updated_at = self.now;
        let cols = columns_of(after)?;
        let mut sets = Vec::with_capacity(cols.len());
        for (i, (name, _)) in cols.iter().enumerate() {
            sets.push(format!("{name} = ${}", i + 1));
        }
        let n = cols.len();
        let sql = format!(
            "UPDATE {} SET {} WHERE id = ${} AND version = ${}",
            R::TABLE,
            sets.join(", "),
            n + 1,
            n + 2
        );
        let q = row::bind_all(sqlx::query(&sql), &self.store.columns, R::TABLE, cols)
            .bind(before.meta().id.to_string())
            .bind(old_version);
        if q.execute(&mut *self.tx).await.db()?.rows_affected() == 0 {
            return Err(Error::conflict(R::ENTITY));
        }
        let (b, a) = (json(before)?, json(after)?);
        let (b, a) = match action {
            AuditAction::Update => diff(&b, &a),
            _ => (b, a),
        };
        self.audit(R::ENTITY, before.meta().id, action, Some(b), Some(a)).await
    }

    pub(crate) async fn audit(
        &mut self,
        entity: &str,
        entity_id: Id,
        action: AuditAction,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<()> {
        self.changed.note(entity, entity_id);
        let entry = AuditEntry {
            id: self.new_id(),
            at: self.now,
            actor_id: self.actor,
            entity: entity.to_string(),
            entity_id,
            action,
            before,
            after,
        };
        self.insert(&entry).await
    }

    /// Runs a statement with plainly typed parameters.
    pub(crate) async fn execute(&mut self, sql: &str, params: Vec<Value>) -> Result<u64> {
        let mut q = sqlx::query(sql);
        for p in params {
            q = row::bind_plain(q, p);
        }
        Ok(q.execute(&mut *self.tx).await.map_err(db)?.rows_affected())
    }

    pub(crate) async fn fetch_all<T: serde::de::DeserializeOwned>(
        &mut self,
        sql: &str,
        params: Vec<Value>,
        json_columns: &[&str],
    ) -> Result<Vec<T>> {
        let mut q = sqlx::query(sql);
        for p in params {
            q = row::bind_plain(q, p);
        }
        let rows = q.fetch_all(&mut *self.tx).await.db()?;
        rows.iter().map(|r| row::from_row(r, json_columns)).collect()
    }

    pub(crate) async fn scalar(&mut self, sql: &str, params: Vec<Value>) -> Result<i64> {
        let mut q = sqlx::query_scalar::<_, i64>(sql);
        for p in params {
            q = match p {
                Value::Null => q.bind(None::<String>),
                Value::Int(i) => q.bind(i),
                Value::Real(f) => q.bind(f),
                Value::Text(s) => q.bind(s),
            };
        }
        q.fetch_one(&mut *self.tx).await.db()
    }
}

fn columns_of<R: Rows>(record: &R) -> Result<Vec<(String, Value)>> {
    let mut cols = row::to_columns(record)?;
    cols.retain(|(name, _)| !R::COMPUTED.contains(&name.as_str()));
    cols.extend(record.derived().into_iter().map(|(k, v)| (k.to_string(), v)));
    Ok(cols)
}

/// A record as its audit entry keeps it: the stored fields only.
pub(crate) fn json<R: Rows>(record: &R) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(record).map_err(|e| Error::storage(e.to_string()))?;
    if let Some(map) = value.as_object_mut() {
        for computed in R::COMPUTED {
            map.remove(*computed);
        }
    }
    Ok(value)
}
