//! Bringing a database to this program's schema, one opener at a time.
//!
//! Two programs opening a new database at once must not both create its tables: the second
//! waits for the first and then finds nothing left to do. On PostgreSQL a session advisory lock
//! on a connection of its own serialises the openers; on SQLite the write lock does (`BEGIN
//! IMMEDIATE`, waited for by the busy timeout), held around every pending migration, so they
//! also land all or none. Before anything is written the database must be empty or ours, and no
//! migration may be left half-applied.

use crate::Backend;
use crate::sqlite_file;
use sqlx::{AnyConnection, Connection, Executor, Row};
use std::path::Path;
use std::time::{Duration, Instant};
use voronka_core::{Error, ErrorCode, Result};

/// The advisory lock key of Voronka's migrations on PostgreSQL ("voronka" in ASCII).
const MIGRATION_LOCK: i64 = 0x0076_6f72_6f6e_6b61;

/// How long a SQLite opener keeps trying to switch a new file to WAL (a change of journal mode
/// needs the file to itself and cannot wait through the busy timeout).
const WAL_SWITCH_WAIT: Duration = Duration::from_secs(10);

/// Migrates the database at `url` on a connection of its own, which it closes. `path` is the
/// SQLite file (for errors in its terms).
pub(crate) async fn migrate(backend: Backend, url: &str, path: Option<&Path>, set_role: Option<&str>) -> Result<()> {
    let fail = |e: sqlx::Error| opening_error(backend, e, url, path);
    let mut conn = AnyConnection::connect(url).await.map_err(fail)?;
    if let Some(set_role) = set_role {
        conn.execute(set_role).await.map_err(fail)?;
    }
    let outcome = match backend {
        Backend::Sqlite => migrate_sqlite(&mut conn, path).await,
        Backend::Postgres => migrate_postgres(&mut conn).await,
    };
    let _ = conn.close().await;
    outcome.map_err(|e| match e {
        Failure::Sql(e) => fail(e),
        Failure::Ours(e) => e,
    })
}

enum Failure {
    Sql(sqlx::Error),
    Ours(Error),
}

impl From<sqlx::Error> for Failure {
    fn from(e: sqlx::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Ours(e)
    }
}

async fn migrate_sqlite(conn: &mut AnyConnection, path: Option<&Path>) -> Result<(), Failure> {
    conn.execute("PRAGMA busy_timeout = 10000").await?;
    // Reading the tables writes nothing: another program's file is refused untouched.
    refuse_foreign(conn, Backend::Sqlite, path).await?;
    switch_to_wal(conn).await?;
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    refuse_newer_schema(&mut tx, Backend::Sqlite).await?;
    Backend::Sqlite
        .migrator()
        .run_direct(&mut *tx)
        .await
        .map_err(migrate_error)?;
    tx.commit().await?;
    Ok(())
}

async fn migrate_postgres(conn: &mut AnyConnection) -> Result<(), Failure> {
    sqlx::query("SELECT CAST(pg_advisory_lock($1) AS TEXT)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *conn)
        .await?;
    let outcome = async {
        refuse_foreign(conn, Backend::Postgres, None).await?;
        refuse_newer_schema(conn, Backend::Postgres).await?;
        // A teammate's login may not change the schema (it may not even create sqlx's
        // bookkeeping table): an up-to-date database is left alone, an older one is the admin's.
        let known = Backend::Postgres.migrator().iter().map(|m| m.version).max();
        let applied = applied_version(conn).await?;
        if applied.is_some() && applied == known {
            return Ok(());
        }
        refuse_upgrade_without_rights(conn, applied).await?;
        Backend::Postgres
            .migrator()
            .run_direct(&mut *conn)
            .await
            .map_err(migrate_error)
    }
    .await;
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *conn)
        .await?;
    outcome
}

/// WAL lets readers go on beside a writer. The mode is kept in the file, so only a new
/// database changes it; openers racing on a new file try again until one of them has.
async fn switch_to_wal(conn: &mut AnyConnection) -> Result<(), Failure> {
    let started = Instant::now();
    loop {
        match conn.execute("PRAGMA journal_mode = WAL").await {
            Ok(_) => return Ok(()),
            Err(e) if is_busy(&e) && started.elapsed() < WAL_SWITCH_WAIT => {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Refuses a database that holds tables but not Voronka's migrations, or whose first migration
/// is another program's.
async fn refuse_foreign(conn: &mut AnyConnection, backend: Backend, path: Option<&Path>) -> Result<(), Failure> {
    let tables = match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        }
    };
    let names: Vec<String> = sqlx::query(tables)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get::<String, _>("name"))
        .collect::<Result<_, _>>()?;
    if names.is_empty() {
        return Ok(());
    }
    let place = match path {
        Some(p) => p.display().to_string(),
        None => "this database".to_string(),
    };
    let foreign = || {
        Failure::Ours(
            Error::new(
                ErrorCode::NotADatabase,
                format!("{place} is not a Voronka database: it holds another program's tables; pick another database"),
            )
            .on("db"),
        )
    };
    if !names.iter().any(|n| n == "_sqlx_migrations") {
        return Err(foreign());
    }
    let first = sqlx::query("SELECT checksum FROM _sqlx_migrations WHERE version = 1")
        .fetch_optional(&mut *conn)
        .await?;
    let ours = backend
        .migrator()
        .iter()
        .find(|m| m.version == 1)
        .map(|m| m.checksum.to_vec());
    match first {
        Some(row) if Some(row.try_get::<Vec<u8>, _>("checksum")?) == ours => Ok(()),
        _ => Err(foreign()),
    }
}

/// The schema version the database is at, `None` before its first migration.
pub(crate) async fn applied_version(conn: &mut AnyConnection) -> Result<Option<i64>, sqlx::Error> {
    let exists = sqlx::query("SELECT 1 FROM _sqlx_migrations LIMIT 1")
        .fetch_optional(&mut *conn)
        .await;
    if exists.is_err() {
        return Ok(None);
    }
    let row = sqlx::query("SELECT CAST(MAX(version) AS BIGINT) AS v FROM _sqlx_migrations WHERE success = TRUE")
        .fetch_one(&mut *conn)
        .await?;
    row.try_get::<Option<i64>, _>("v")
}

/// A database older than this program, opened by a login that may not create tables in it: a
/// team database its admin has not upgraded yet.
async fn refuse_upgrade_without_rights(conn: &mut AnyConnection, applied: Option<i64>) -> Result<(), Failure> {
    let may: bool = sqlx::query_scalar("SELECT has_schema_privilege(current_schema(), 'CREATE')")
        .fetch_one(&mut *conn)
        .await?;
    if may {
        return Ok(());
    }
    let known = Backend::Postgres
        .migrator()
        .iter()
        .map(|m| m.version)
        .max()
        .unwrap_or(0);
    let message = match applied {
        Some(v) => format!(
            "this team database has schema version {v} and this program needs {known}: its admin upgrades it with `voronka-cli --db URL migrate`"
        ),
        None => "this database is empty and this login may not set it up: its admin creates it with `voronka-cli --db URL team init`".to_string(),
    };
    Err(Failure::Ours(Error::new(ErrorCode::Forbidden, message).on("db")))
}

async fn refuse_newer_schema(conn: &mut AnyConnection, backend: Backend) -> Result<(), Failure> {
    let known = backend.migrator().iter().map(|m| m.version).max().unwrap_or(0);
    match applied_version(conn).await? {
        Some(v) if v > known => Err(Failure::Ours(
            Error::new(
                ErrorCode::SchemaTooNew,
                format!("the database has schema version {v}, newer than this program's {known}: update Voronka"),
            )
            .on("db"),
        )),
        _ => Ok(()),
    }
}

fn migrate_error(e: sqlx::migrate::MigrateError) -> Failure {
    use sqlx::migrate::MigrateError;
    match e {
        MigrateError::Execute(e) => Failure::Sql(e),
        MigrateError::Dirty(v) => Failure::Ours(
            Error::new(
                ErrorCode::MigrationIncomplete,
                format!(
                    "migration {v} of this database stopped half-way: restore the database from a backup made \
                     before it (or have its administrator finish or undo migration {v} and delete its row \
                     with success = false from _sqlx_migrations), then open it again"
                ),
            )
            .on("db"),
        ),
        other => Failure::Ours(Error::storage(format!("migration failed: {other}"))),
    }
}

/// SQLite's "busy" and "locked" (extended codes included).
fn is_busy(e: &sqlx::Error) -> bool {
    crate::error::sqlite_code(e).is_some_and(|c| matches!(c & 0xff, 5 | 6))
}

/// An error met while opening: in the SQLite file's terms, or the connection's.
fn opening_error(backend: Backend, e: sqlx::Error, url: &str, path: Option<&Path>) -> Error {
    if backend == Backend::Sqlite
        && let Some(err) = path.and_then(|p| sqlite_file::classify(&e, p))
    {
        return err;
    }
    match crate::error::busy(&e) {
        Some(err) => err,
        None => crate::open::connection_error(e, url),
    }
}
