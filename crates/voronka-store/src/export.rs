//! Every table as one JSON object (table name → rows), for inspection and for checking that two
//! backends hold the same data. Rows are ordered by their keys so equal data gives equal text.
//!
//! The export is streamed: each table is read row by row from the database and each row written
//! as it comes, so memory does not grow with the data (the whole object built first took 2.7 GB
//! for 20,000 deals). The text is what `serde_json::to_string_pretty` gives for the whole object.

use crate::row;
use crate::table::Rows;
use crate::tx::Tx;
use crate::{Backend, Store, error::DbResult};
use futures_util::TryStreamExt;
use std::io::Write;
use voronka_core::model::*;
use voronka_core::{Error, Result};

/// (table, JSON columns, order) of every table, in the order they are written out.
pub(crate) fn tables() -> Vec<(&'static str, &'static [&'static str], &'static str)> {
    fn t<R: Rows>(order: &'static str) -> (&'static str, &'static [&'static str], &'static str) {
        (R::TABLE, R::JSON, order)
    }
    vec![
        t::<User>("id"),
        t::<Pipeline>("id"),
        t::<Stage>("id"),
        t::<LossReason>("id"),
        t::<DictionaryEntry>("id"),
        t::<ProcessSettings>("id"),
        t::<LeadRotation>("id"),
        t::<Product>("id"),
        t::<ProposalTemplate>("id"),
        t::<Company>("id"),
        t::<Contact>("id"),
        t::<Deal>("id"),
        ("deal_contacts", &[], "deal_id, contact_id"),
        t::<StageSpell>("id"),
        t::<DealItem>("id"),
        t::<Payment>("id"),
        t::<Task>("id"),
        ("task_reschedules", &[], "id"),
        t::<Activity>("id"),
        t::<Document>("id"),
        // The kept files' bytes come out as base64 text.
        ("document_files", &[], "document_id"),
        t::<Plan>("id"),
        t::<AuditEntry>("id"),
        ("notification_settings", &["settings"], "user_id"),
        ("notification_ticks", &[], "user_id"),
        ("deliveries", &[], "user_id, event_key"),
        ("gong_seen", &[], "user_id"),
        ("gong_events", &["progress"], "seq"),
        ("lead_handovers", &[], "id"),
        ("loss_reviews", &[], "task_id"),
        ("check_in_answers", &[], "user_id, slot"),
        ("import_mappings", &["mapping"], "user_id, kind"),
    ]
}

impl Store {
    /// Writes every table to `out` as one pretty-printed JSON object, table name → rows, from
    /// one snapshot of the database: a change committed during the export is either wholly in
    /// it or not at all (a read-only `REPEATABLE READ` transaction on PostgreSQL; a read
    /// transaction on SQLite, whose snapshot is taken by the first table read). Hand it a
    /// buffered writer: each row is one or a few small writes.
    ///
    /// `out` is written synchronously between reads; a failed write ends the export with a
    /// `storage` error on `out`.
    pub async fn export_json<W: Write + Send>(&self, out: &mut W) -> Result<()> {
        let mut tx = self.begin_snapshot().await?;
        let written = write_tables(&mut tx, out).await;
        let ended = self.end_snapshot(tx).await;
        written?;
        ended
    }

    /// Ends a snapshot of [`Store::begin_snapshot`], its connection set back as every other.
    pub(crate) async fn end_snapshot(&self, mut tx: Tx<'_>) -> Result<()> {
        let restored = match self.backend {
            // Back to the map every other read of this connection is tuned for; it takes
            // effect once this read transaction ends.
            Backend::Sqlite => sqlx::query(crate::open::SQLITE_MMAP)
                .execute(&mut *tx.tx)
                .await
                .db()
                .map(drop),
            Backend::Postgres => Ok(()),
        };
        restored?;
        // Read only: ending it changes nothing.
        tx.tx.rollback().await.db()
    }

    /// A read-only transaction that sees one state of the database throughout.
    pub(crate) async fn begin_snapshot(&self) -> Result<Tx<'_>> {
        match self.backend {
            // A deferred transaction's snapshot is taken by its first read and kept to the end;
            // WAL lets writers go on meanwhile.
            //
            // The export reads every page of the file once, so it reads them without the memory
            // map: mapped, each page read stays in the process's resident size (500 MB for a
            // 20,000-deal file) for no gain. Set before the transaction's first read, the
            // setting holds for all of it.
            Backend::Sqlite => {
                let mut tx = self.begin_read().await?;
                sqlx::query("PRAGMA mmap_size = 0").execute(&mut *tx.tx).await.db()?;
                Ok(tx)
            }
            Backend::Postgres => {
                let tx = self
                    .pool
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await
                    .db()?;
                Ok(Tx::on(self, tx, None))
            }
        }
    }
}

/// Every table's rows, read through `tx`, written to `out`.
pub(crate) async fn write_tables<W: Write + Send>(tx: &mut Tx<'_>, out: &mut W) -> Result<()> {
    let mut row_text = Vec::new();
    for (i, (table, json_columns, order)) in tables().into_iter().enumerate() {
        let key = serde_json::to_string(table).map_err(|e| Error::storage(e.to_string()))?;
        write(out, if i == 0 { b"{\n  " } else { b",\n  " })?;
        write(out, key.as_bytes())?;
        write(out, b": ")?;
        let sql = format!("SELECT * FROM {table} ORDER BY {order}");
        let mut rows = sqlx::query(&sql).fetch(&mut *tx.tx);
        let mut written = 0u64;
        while let Some(r) = rows.try_next().await.db()? {
            let object = row::to_json(&r, json_columns)?;
            row_text.clear();
            serde_json::to_writer_pretty(&mut row_text, &object).map_err(|e| Error::storage(e.to_string()))?;
            write(out, if written == 0 { b"[\n    " } else { b",\n    " })?;
            write_indented(out, &row_text)?;
            written += 1;
        }
        write(out, if written == 0 { b"[]" } else { b"\n  ]" })?;
    }
    write(out, b"\n}")?;
    out.flush().map_err(write_error)
}

fn write<W: Write>(out: &mut W, bytes: &[u8]) -> Result<()> {
    out.write_all(bytes).map_err(write_error)
}

/// A row's pretty text two levels deep (inside the object, inside its table's array), as the
/// whole object's pretty printing puts it. A line break in a row's pretty text is always one
/// between its parts: strings carry theirs escaped as `\n`.
fn write_indented<W: Write>(out: &mut W, text: &[u8]) -> Result<()> {
    for (i, line) in text.split(|b| *b == b'\n').enumerate() {
        if i > 0 {
            write(out, b"\n    ")?;
        }
        write(out, line)?;
    }
    Ok(())
}

fn write_error(e: std::io::Error) -> Error {
    Error::storage(format!("cannot write the export: {e}")).on("out")
}

#[cfg(test)]
mod sqlite_memory_map {
    #![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test, with its location")]
    use crate::Store;
    use futures_util::future::join_all;

    async fn mmap_size(conn: &mut sqlx::AnyConnection) -> i64 {
        let row: (i64,) = sqlx::query_as("PRAGMA mmap_size").fetch_one(conn).await.unwrap();
        row.0
    }

    /// The export reads the file unmapped, and every connection of the pool has its map back
    /// afterwards (the export's own included: the pool holds at most four).
    #[tokio::test]
    async fn the_export_reads_unmapped_and_gives_the_map_back() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("crm.sqlite").display());
        let store = Store::open(&url).await.unwrap();
        let mut snapshot = store.begin_snapshot().await.unwrap();
        assert_eq!(
            mmap_size(&mut snapshot.tx).await,
            0,
            "the snapshot reads without the map"
        );
        // Given back here by hand, so only the export's own connection can lack it below.
        sqlx::query(crate::open::SQLITE_MMAP)
            .execute(&mut *snapshot.tx)
            .await
            .unwrap();
        snapshot.tx.rollback().await.unwrap();
        store.export_json(&mut Vec::new()).await.unwrap();
        let max = store.pool.options().get_max_connections() as usize;
        let mut conns = join_all((0..max).map(|_| store.pool.acquire())).await;
        for conn in &mut conns {
            let conn = conn.as_mut().unwrap();
            assert_eq!(mmap_size(conn).await, 1 << 30, "every connection maps 1 GiB again");
        }
    }
}
