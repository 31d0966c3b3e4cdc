//! Moving a local file into a team database: everything the file holds is copied, ids and times
//! kept, into a new (or empty) PostgreSQL database that is set up as `team init` sets one up;
//! the person moving becomes its admin with a login of their own.
//!
//! The copy is one transaction on the team side. Before it commits, both sides are exported
//! (`export-json`, each from its own snapshot) and compared byte for byte: a difference rolls
//! the whole copy back, so a team database is either an exact copy or stays empty. The local
//! file is only read; it stays where it was.

use crate::export::{tables, write_tables};
use crate::tx::Tx;
use crate::{Backend, LoginCard, Store};
use futures_util::TryStreamExt;
use sqlx::any::{AnyRow, AnyTypeInfoKind};
use sqlx::{Column, Row, ValueRef};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use voronka_core::model::{AuditAction, Record, Role, User};
use voronka_core::{Error, ErrorCode, Id, Result};

/// How many rows of each table moved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct MovedRows {
    pub tables: Vec<MovedTable>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct MovedTable {
    pub table: String,
    pub rows: i64,
}

impl MovedRows {
    /// The rows of one table (0 when none moved).
    pub fn of(&self, table: &str) -> i64 {
        self.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows)
    }
}

/// Copies the local file `local` into the team database `admin_url` names (with the credentials
/// of a role that may create roles, used once), checks the copy against the file, and gives
/// `me`, the file's admin, a login. Returns the team database opened as its owner, the login's
/// card and what moved.
pub async fn move_to_team(local: &Store, admin_url: &str, me: Id) -> Result<(Store, LoginCard, MovedRows)> {
    if local.backend != Backend::Sqlite {
        return Err(Error::new(
            ErrorCode::InvalidState,
            "this is a team database already: only a local file moves into one",
        )
        .on("db"));
    }
    if Backend::of_url(admin_url)? != Backend::Postgres {
        return Err(Error::invalid("db", "a team database is a PostgreSQL database"));
    }
    let mover: User = local.get(me).await.map_err(|e| e.on("user_id"))?;
    if mover.data.role != Role::Admin || !mover.data.active {
        return Err(Error::new(
            ErrorCode::Forbidden,
            format!("only the file's admin moves its data, and {} is not", mover.data.name),
        )
        .on("user_id"));
    }
    let owner = crate::team::prepare_team_database(admin_url).await?;
    let team = Store::open_as(admin_url, local.clock.clone(), local.ids.clone(), Some(&owner)).await?;
    let moved = copy_checked(local, &team, me).await;
    let moved = match moved {
        Ok(moved) => moved,
        Err(e) => {
            team.close().await;
            return Err(e);
        }
    };
    let card = team.give_login(me, me).await?;
    Ok((team, card, moved))
}

/// The copy, its figures and the comparison, committed only when both sides export alike.
async fn copy_checked(local: &Store, team: &Store, me: Id) -> Result<MovedRows> {
    let (ours, theirs) = (local.schema_version().await?, team.schema_version().await?);
    if ours != theirs {
        return Err(Error::new(
            ErrorCode::InvalidState,
            format!("the team database is at schema {theirs} and this file at {ours}: update Voronka everywhere first"),
        )
        .on("db"));
    }
    let mut load = team.begin_load().await?;
    let mut source = local.begin_snapshot().await?;
    let copied = copy_into(&mut source, load.tx(), me).await;
    local.end_snapshot(source).await?;
    let moved = copied?;
    load.commit_as_is().await?;
    Ok(moved)
}

/// Every table from the local snapshot into the team's load, the search entries and figures
/// made, both sides compared and the move written in the audit log.
async fn copy_into(source: &mut Tx<'_>, target: &mut Tx<'_>, me: Id) -> Result<MovedRows> {
    let types = column_types(target).await?;
    let mut moved = MovedRows::default();
    for (table, _, order) in tables() {
        let rows = copy_table(source, target, table, order, &types).await?;
        moved.tables.push(MovedTable {
            table: table.to_string(),
            rows,
        });
    }
    copy_search_index(source, target).await?;
    // Rows keep their numbers; the next event counts on from the last.
    target
        .execute(
            "SELECT setval(pg_get_serial_sequence('gong_events', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM gong_events",
            vec![],
        )
        .await?;
    target.refresh_all_figures().await?;
    compare_exports(source, target).await?;
    let counts = serde_json::to_value(&moved).map_err(|e| Error::storage(e.to_string()))?;
    target.actor = Some(me);
    target
        .audit("team_move", me, AuditAction::Create, None, Some(counts))
        .await?;
    Ok(moved)
}

/// The team side's column types (table → column → PostgreSQL type), for typed NULLs and bytes.
async fn column_types(tx: &mut Tx<'_>) -> Result<HashMap<String, HashMap<String, String>>> {
    #[derive(serde::Deserialize)]
    struct Col {
        table_name: String,
        column_name: String,
        data_type: String,
    }
    let cols: Vec<Col> = tx
        .fetch_all(
            "SELECT CAST(table_name AS TEXT) AS table_name, CAST(column_name AS TEXT) AS column_name,
                    CAST(data_type AS TEXT) AS data_type
             FROM information_schema.columns WHERE table_schema = current_schema()",
            vec![],
            &[],
        )
        .await?;
    let mut out: HashMap<String, HashMap<String, String>> = HashMap::new();
    for c in cols {
        out.entry(c.table_name).or_default().insert(c.column_name, c.data_type);
    }
    Ok(out)
}

/// One stored value, as SQLite gives it.
enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Cell {
    fn read(row: &AnyRow, i: usize) -> Result<Cell> {
        let raw = row.try_get_raw(i).map_err(crate::error::db)?;
        if raw.is_null() {
            return Ok(Cell::Null);
        }
        let kind = raw.type_info().kind();
        Ok(match kind {
            AnyTypeInfoKind::Text => Cell::Text(row.try_get(i).map_err(crate::error::db)?),
            AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => Cell::Real(row.try_get(i).map_err(crate::error::db)?),
            AnyTypeInfoKind::Blob => Cell::Bytes(row.try_get(i).map_err(crate::error::db)?),
            _ => Cell::Int(row.try_get(i).map_err(crate::error::db)?),
        })
    }

    fn size(&self) -> usize {
        match self {
            Cell::Text(s) => s.len(),
            Cell::Bytes(b) => b.len(),
            _ => 8,
        }
    }
}

/// Rows per INSERT: within PostgreSQL's parameter limit, and few enough bytes that files kept in
/// the database do not pile up in memory.
const ROWS_PER_STATEMENT: usize = 500;
const BYTES_PER_STATEMENT: usize = 16 << 20;

/// Copies one table's rows from the local snapshot into the team transaction; returns how many.
async fn copy_table(
    source: &mut Tx<'_>,
    target: &mut Tx<'_>,
    table: &str,
    order: &str,
    types: &HashMap<String, HashMap<String, String>>,
) -> Result<i64> {
    let no_types = HashMap::new();
    let types = types.get(table).unwrap_or(&no_types);
    let sql = format!("SELECT * FROM {table} ORDER BY {order}");
    let mut rows = sqlx::query(&sql).fetch(&mut *source.tx);
    let mut columns: Vec<String> = Vec::new();
    let mut batch: Vec<Vec<Cell>> = Vec::new();
    let (mut bytes, mut count) = (0usize, 0i64);
    while let Some(row) = rows.try_next().await.map_err(crate::error::db)? {
        if columns.is_empty() {
            columns = row.columns().iter().map(|c| c.name().to_string()).collect();
        }
        let cells = (0..columns.len())
            .map(|i| Cell::read(&row, i))
            .collect::<Result<Vec<_>>>()?;
        bytes += cells.iter().map(Cell::size).sum::<usize>();
        batch.push(cells);
        count += 1;
        let per_statement = ROWS_PER_STATEMENT.min(30_000 / columns.len().max(1));
        if batch.len() >= per_statement || bytes >= BYTES_PER_STATEMENT {
            insert(target, table, &columns, types, std::mem::take(&mut batch)).await?;
            bytes = 0;
        }
    }
    insert(target, table, &columns, types, batch).await?;
    Ok(count)
}

async fn insert(
    target: &mut Tx<'_>,
    table: &str,
    columns: &[String],
    types: &HashMap<String, String>,
    batch: Vec<Vec<Cell>>,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut n = 0;
    for (r, row) in batch.iter().enumerate() {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for i in 0..row.len() {
            n += 1;
            sql.push_str(if i == 0 { "" } else { ", " });
            sql.push_str(&format!("${n}"));
        }
        sql.push(')');
    }
    let mut q = sqlx::query(&sql);
    for row in batch {
        for (cell, column) in row.into_iter().zip(columns) {
            let ty = types.get(column).map_or("text", String::as_str);
            q = match cell {
                Cell::Null if ty == "bigint" || ty == "integer" => q.bind(None::<i64>),
                Cell::Null if ty == "double precision" || ty == "real" => q.bind(None::<f64>),
                Cell::Null if ty == "bytea" => q.bind(None::<Vec<u8>>),
                Cell::Null => q.bind(None::<String>),
                Cell::Int(i) if ty == "text" => q.bind(i.to_string()),
                Cell::Int(i) if ty == "double precision" || ty == "real" => q.bind(i as f64),
                Cell::Int(i) => q.bind(i),
                Cell::Real(f) => q.bind(f),
                Cell::Text(s) if ty == "bytea" => q.bind(s.into_bytes()),
                Cell::Text(s) => q.bind(s),
                Cell::Bytes(b) => q.bind(b),
            };
        }
    }
    q.execute(&mut *target.tx).await.map_err(|e| {
        Error::storage(format!(
            "the team database refused the rows of {table}: {}",
            crate::error::db(e).message
        ))
    })?;
    Ok(())
}

/// The quick search entries: SQLite keeps them in a full-text table, PostgreSQL in a plain one
/// that also names each deal's owner (a manager's search shows her own deals).
async fn copy_search_index(source: &mut Tx<'_>, target: &mut Tx<'_>) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Entry {
        kind: String,
        entity_id: Id,
        body: String,
    }
    let entries: Vec<Entry> = source
        .fetch_all("SELECT kind, entity_id, body FROM search_index", vec![], &[])
        .await?;
    let owners: Vec<(Id, Id)> = {
        #[derive(serde::Deserialize)]
        struct Owner {
            id: Id,
            owner_id: Id,
        }
        let rows: Vec<Owner> = target.fetch_all("SELECT id, owner_id FROM deals", vec![], &[]).await?;
        rows.into_iter().map(|o| (o.id, o.owner_id)).collect()
    };
    let owners: HashMap<Id, Id> = owners.into_iter().collect();
    let kinds = [
        voronka_core::model::Company::ENTITY,
        voronka_core::model::Contact::ENTITY,
        voronka_core::model::Deal::ENTITY,
    ];
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let Some(kind) = kinds.iter().find(|k| **k == e.kind) else {
            return Err(Error::storage(format!(
                "a search entry of an unknown kind «{}»",
                e.kind
            )));
        };
        out.push((*kind, e.entity_id, e.body, owners.get(&e.entity_id).copied()));
    }
    target.index_many(out).await
}

/// Exports both sides and compares them byte for byte: the local one into a temporary file,
/// the team one against it as it is written, so neither is held in memory.
async fn compare_exports(source: &mut Tx<'_>, target: &mut Tx<'_>) -> Result<()> {
    let path = std::env::temp_dir().join(format!("voronka-move-{}.json", uuid::Uuid::new_v4().simple()));
    let result = compare_through(source, target, &path).await;
    let _ = std::fs::remove_file(&path);
    result
}

async fn compare_through(source: &mut Tx<'_>, target: &mut Tx<'_>, path: &std::path::Path) -> Result<()> {
    let file =
        std::fs::File::create(path).map_err(|e| Error::storage(format!("cannot write {}: {e}", path.display())))?;
    let mut out = BufWriter::new(file);
    write_tables(source, &mut out).await?;
    drop(out);
    let local =
        std::fs::File::open(path).map_err(|e| Error::storage(format!("cannot read {}: {e}", path.display())))?;
    let mut compare = Compare::new(BufReader::new(local));
    let written = write_tables(target, &mut compare).await;
    match compare.difference() {
        Some(at) => Err(Error::new(
            ErrorCode::Storage,
            format!("the team database's copy differs from the local file at {at}, so nothing was moved"),
        )
        .on("db")),
        None => written,
    }
}

/// A writer that checks what is written against a reader, line by line, remembering the first
/// line that differs.
struct Compare<R: Read> {
    expected: R,
    line: u64,
    /// The current line as written so far.
    written: Vec<u8>,
    differs: Option<(u64, String, String)>,
}

impl<R: Read> Compare<R> {
    fn new(expected: R) -> Compare<R> {
        Compare {
            expected,
            line: 1,
            written: Vec::new(),
            differs: None,
        }
    }

    /// The expected line of the same number, without its line break.
    fn next_expected(&mut self) -> Vec<u8>
    where
        R: BufRead,
    {
        let mut line = Vec::new();
        let _ = self.expected.read_until(b'\n', &mut line);
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        line
    }

    fn check_line(&mut self)
    where
        R: BufRead,
    {
        let expected = self.next_expected();
        if self.differs.is_none() && expected != self.written {
            self.differs = Some((
                self.line,
                clip(&String::from_utf8_lossy(&expected)),
                clip(&String::from_utf8_lossy(&self.written)),
            ));
        }
        self.written.clear();
        self.line += 1;
    }

    /// Where the two differ, if they do: the last line, and what the expected side holds past
    /// the written end, are checked too.
    fn difference(mut self) -> Option<String>
    where
        R: BufRead,
    {
        self.check_line();
        let mut rest = Vec::new();
        let _ = self.expected.read_to_end(&mut rest);
        if self.differs.is_none() && !rest.is_empty() {
            self.differs = Some((self.line, clip(&String::from_utf8_lossy(&rest)), String::new()));
        }
        self.differs
            .map(|(line, local, team)| format!("line {line} of the export (local «{local}», team «{team}»)"))
    }
}

impl<R: BufRead> Write for Compare<R> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for part in buf.split_inclusive(|b| *b == b'\n') {
            match part.strip_suffix(b"\n") {
                Some(line) => {
                    self.written.extend_from_slice(line);
                    self.check_line();
                }
                None => self.written.extend_from_slice(part),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn clip(text: &str) -> String {
    text.chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::Compare;
    use std::io::Write;

    fn differs(expected: &str, written: &[&str]) -> Option<String> {
        let mut c = Compare::new(expected.as_bytes());
        for part in written {
            c.write_all(part.as_bytes()).unwrap();
        }
        c.difference()
    }

    #[test]
    fn equal_texts_written_in_any_pieces_compare_equal() {
        assert_eq!(differs("a\nbc\nd", &["a", "\nb", "c\n", "d"]), None);
    }

    #[test]
    fn the_first_differing_line_is_named() {
        let at = differs("a\nbc\nd", &["a\nbX\nd"]).unwrap();
        assert!(
            at.starts_with("line 2") && at.contains("«bc»") && at.contains("«bX»"),
            "{at}"
        );
    }

    #[test]
    fn a_shorter_or_longer_copy_differs() {
        assert!(differs("a\nb", &["a"]).is_some());
        assert!(differs("a", &["a\nb"]).is_some());
    }
}
