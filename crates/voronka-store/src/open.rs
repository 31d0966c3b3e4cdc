//! Opening a database: connect, run the embedded migrations of its dialect, refuse a schema
//! written by a newer program.

use crate::error::DbResult;
use crate::{Settings, Store, columns::Columns};
use sqlx::any::AnyPoolOptions;
use sqlx::{Executor, Row};
use std::sync::Arc;
use std::time::Duration;
use voronka_core::{Clock, Error, ErrorCode, IdSource, RandomIds, Result, SystemClock};

static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// Set on every SQLite connection. Reads go through a memory map of up to 1 GiB of the file, so
/// a page the OS already caches costs a memory read instead of a system call and a copy; each
/// connection keeps 16 MiB of pages of its own, and sorts and groupings of reports stay in memory.
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; \
     PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16384; \
     PRAGMA temp_store = MEMORY;";

/// The newest schema version this program knows.
pub const SCHEMA_VERSION: i64 = 17;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(Error::invalid(
                "db",
                format!("«{url}» is neither sqlite:PATH nor postgres://…"),
            ))
        }
    }

    /// The `n`-th (1-based) parameter of a statement whose parameters appear in order. SQLite
    /// resolves each named `$n` by scanning the names before it, which makes a statement with
    /// thousands of them quadratic; its anonymous `?` costs nothing.
    pub(crate) fn placeholder(self, n: usize) -> String {
        match self {
            Backend::Sqlite => "?".to_string(),
            Backend::Postgres => format!("${n}"),
        }
    }

    fn migrator(self) -> &'static sqlx::migrate::Migrator {
        match self {
            Backend::Sqlite => &SQLITE,
            Backend::Postgres => &POSTGRES,
        }
    }
}

impl Store {
    /// Opens (creating a SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Store> {
        Store::open_with(url, Arc::new(SystemClock), Arc::new(RandomIds::new())).await
    }

    pub async fn open_with(url: &str, clock: Arc<dyn Clock>, ids: Arc<dyn IdSource>) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_string(),
        };
        let mut pool = connect(backend, &url).await?;
        refuse_newer_schema(&pool, backend).await?;
        backend
            .migrator()
            .run(&pool)
            .await
            .map_err(|e| Error::storage(format!("migration failed: {e}")))?;
        // A SQLite connection keeps the planner statistics it has read, even after a migration
        // changed them (0011 drops some that would make bulk loads quadratic): the store works
        // on connections opened after the migrations.
        if backend == Backend::Sqlite {
            pool.close().await;
            pool = connect(backend, &url).await?;
        }
        let columns = Columns::read(&pool, backend).await?;
        let gong = crate::gong_feed::GongHub::new(backend, &url)?;
        Ok(Store {
            pool,
            backend,
            columns: Arc::new(columns),
            clock,
            ids,
            settings: Settings::default(),
            gong: Arc::new(gong),
        })
    }

    /// The schema version the database is at.
    pub async fn schema_version(&self) -> Result<i64> {
        applied_version(&self.pool).await.map(|v| v.unwrap_or(0))
    }
}

/// A pool of connections to `url`, each set up for its dialect.
async fn connect(backend: Backend, url: &str) -> Result<sqlx::AnyPool> {
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
    match backend {
        // One writer at a time is all SQLite allows; WAL lets readers go on meanwhile.
        Backend::Sqlite => options.max_connections(4).after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(SQLITE_PRAGMAS).await?;
                Ok(())
            })
        }),
        Backend::Postgres => options.max_connections(8),
    }
    .connect(url)
    .await
    .map_err(|e| connection_error(e, url))
}

async fn applied_version(pool: &sqlx::AnyPool) -> Result<Option<i64>> {
    let exists = sqlx::query("SELECT 1 FROM _sqlx_migrations LIMIT 1")
        .fetch_optional(pool)
        .await;
    if exists.is_err() {
        return Ok(None);
    }
    let row = sqlx::query("SELECT CAST(MAX(version) AS BIGINT) AS v FROM _sqlx_migrations WHERE success = TRUE")
        .fetch_one(pool)
        .await
        .db()?;
    row.try_get::<Option<i64>, _>("v").db()
}

async fn refuse_newer_schema(pool: &sqlx::AnyPool, backend: Backend) -> Result<()> {
    let known = backend.migrator().iter().map(|m| m.version).max().unwrap_or(0);
    match applied_version(pool).await? {
        Some(v) if v > known => Err(Error::new(
            ErrorCode::SchemaTooNew,
            format!("the database has schema version {v}, newer than this program's {known}: update Voronka"),
        )
        .on("db")),
        _ => Ok(()),
    }
}

/// Why a database could not be opened, in terms a person can act on.
fn connection_error(e: sqlx::Error, url: &str) -> Error {
    let shown = redact(url);
    match &e {
        sqlx::Error::Database(d) => {
            let message = d.message().to_lowercase();
            match d.code().as_deref() {
                Some("28P01") => Error::new(
                    ErrorCode::WrongPassword,
                    format!("{shown}: the server refused this user name or password"),
                )
                .on("password"),
                Some("28000") if message.contains("no encryption") || message.contains("ssl off") => Error::new(
                    ErrorCode::TlsRequired,
                    format!("{shown}: the server accepts only encrypted connections; choose TLS «require»"),
                )
                .on("tls_mode"),
                Some("28000") => Error::new(
                    ErrorCode::WrongPassword,
                    format!("{shown}: the server does not let this user in: {}", d.message()),
                )
                .on("user"),
                Some("3D000") => {
                    Error::invalid("database", format!("{shown}: there is no such database on the server"))
                }
                _ => Error::storage(format!("cannot open {shown}: {e}")),
            }
        }
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut => Error::new(
            ErrorCode::Unreachable,
            format!("{shown}: the server does not answer ({e}); check the host, the port and the network"),
        )
        .on("host"),
        sqlx::Error::Tls(_) => Error::new(
            ErrorCode::TlsRequired,
            format!("{shown}: the encrypted connection failed: {e}"),
        )
        .on("tls_mode"),
        _ => Error::storage(format!("cannot open {shown}: {e}")),
    }
}

/// The local database of this user: `Voronka/voronka.db` in the OS data folder
/// (`~/.local/share` on Linux, `~/Library/Application Support` on macOS, `%APPDATA%` on Windows).
/// The desktop app and the CLI open the same file by default.
pub fn default_database_url() -> Result<String> {
    let dir = dirs::data_dir()
        .ok_or_else(|| Error::storage("this system has no data folder; pass --db"))?
        .join("Voronka");
    std::fs::create_dir_all(&dir).map_err(|e| Error::storage(format!("cannot create {}: {e}", dir.display())))?;
    Ok(format!("sqlite:{}", dir.join("voronka.db").display()))
}

/// The URL with any password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            super::redact("postgres://olena:s3cret@db:5432/crm"),
            "postgres://olena:***@db:5432/crm"
        );
        assert_eq!(super::redact("sqlite:/tmp/a.db"), "sqlite:/tmp/a.db");
    }
}

#[cfg(test)]
mod twin_migrations {
    use super::{POSTGRES, SCHEMA_VERSION, SQLITE};

    #[test]
    fn both_dialects_list_the_same_migrations() {
        let list = |m: &sqlx::migrate::Migrator| {
            m.iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            list(&SQLITE),
            list(&POSTGRES),
            "migrations/sqlite and migrations/postgres must be twins"
        );
        assert_eq!(
            SQLITE.iter().map(|m| m.version).max(),
            Some(SCHEMA_VERSION),
            "SCHEMA_VERSION names the newest migration"
        );
    }
}
