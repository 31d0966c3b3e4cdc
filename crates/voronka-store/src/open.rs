//! Opening a database: connect, run the embedded migrations of its dialect, refuse a schema
//! written by a newer program.

use crate::error::DbResult;
use crate::sqlite_file::{self, FileState, SqliteUrl};
use crate::{Store, columns::Columns};
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;
use std::sync::Arc;
use std::time::Duration;
use voronka_core::{Clock, Error, ErrorCode, IdSource, RandomIds, Result, SystemClock};

static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// The memory map of every SQLite connection (1 GiB), one text for `SQLITE_PRAGMAS` and for a
/// connection that set it aside (a macro, as `concat!` takes only literals).
macro_rules! sqlite_mmap {
    () => {
        "PRAGMA mmap_size = 1073741824;"
    };
}
pub(crate) const SQLITE_MMAP: &str = sqlite_mmap!();

/// Set on every SQLite connection. Reads go through a memory map of up to 1 GiB of the file, so
/// a page the OS already caches costs a memory read instead of a system call and a copy; each
/// connection keeps 16 MiB of pages of its own, and sorts and groupings of reports stay in memory.
/// A write waits up to `busy_timeout` for another writer to finish, then fails with `busy`.
const SQLITE_PRAGMAS: &str = concat!(
    "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; ",
    sqlite_mmap!(),
    " PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;"
);

/// Set on every PostgreSQL connection: how long a statement waits for a lock (SQLite's
/// `busy_timeout`).
const POSTGRES_SETTINGS: &str = "SET lock_timeout = '10s'";

/// The newest schema version this program knows.
pub const SCHEMA_VERSION: i64 = 28;

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
                format!("«{}» is neither sqlite:PATH nor postgres://…", redact(url)),
            ))
        }
    }

    /// How the UI and the logs name the kind of database.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
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

    pub(crate) fn migrator(self) -> &'static sqlx::migrate::Migrator {
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
        Store::open_as(url, clock, ids, None).await
    }

    /// Opens with every connection switched to `role` (`SET ROLE`) first: `team init` sets a
    /// team database up as the schema's owner role, which no one signs in as.
    pub(crate) async fn open_as(
        url: &str,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdSource>,
        role: Option<&str>,
    ) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let (url, path) = match backend {
            Backend::Sqlite => {
                let parsed = SqliteUrl::parse(url);
                let state = match &parsed.path {
                    Some(path) => sqlite_file::inspect(path)?,
                    None => FileState::New,
                };
                (parsed.connect_url(url, state == FileState::New), parsed.path)
            }
            Backend::Postgres => (password_parameter_spelled_out(url), None),
        };
        let set_role = role.map(|r| format!("SET ROLE {}", crate::team::quote_ident(r)));
        crate::migrate::migrate(backend, &url, path.as_deref(), set_role.as_deref()).await?;
        // The pool's connections are opened after the migrations: a SQLite connection keeps the
        // planner statistics it has read, even after a migration changed them (0011 drops some
        // that would make bulk loads quadratic).
        let pool = connect(backend, &url, set_role).await?;
        let columns = Columns::read(&pool, backend).await?;
        let gong = crate::gong_feed::GongHub::new(backend, &url)?;
        let server = crate::team::Server::of_url(backend, &url)?;
        Ok(Store {
            server: server.map(Arc::new),
            pool,
            backend,
            columns: Arc::new(columns),
            clock,
            ids,
            gong: Arc::new(gong),
            changes: crate::change_feed::local_hub(),
        })
    }

    /// The schema version the database is at.
    pub async fn schema_version(&self) -> Result<i64> {
        let mut conn = self.pool.acquire().await.db()?;
        crate::migrate::applied_version(&mut conn)
            .await
            .db()
            .map(|v| v.unwrap_or(0))
    }
}

/// A pool of connections to `url`, each set up for its dialect.
async fn connect(backend: Backend, url: &str, set_role: Option<String>) -> Result<sqlx::AnyPool> {
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
    match backend {
        // One writer at a time is all SQLite allows; WAL (set by the migration) lets readers go
        // on meanwhile.
        Backend::Sqlite => options.max_connections(4).after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(SQLITE_PRAGMAS).await?;
                Ok(())
            })
        }),
        // A write waits for a row or lock another transaction holds as long as it would wait
        // on SQLite, then fails with `busy` instead of hanging.
        Backend::Postgres => options.max_connections(8).after_connect(move |conn, _| {
            let set_role = set_role.clone();
            Box::pin(async move {
                conn.execute(POSTGRES_SETTINGS).await?;
                if let Some(set_role) = set_role {
                    conn.execute(set_role.as_str()).await?;
                }
                Ok(())
            })
        }),
    }
    .connect(url)
    .await
    .map_err(|e| connection_error(e, url))
}

/// Why a database could not be opened, in terms a person can act on.
pub(crate) fn connection_error(e: sqlx::Error, url: &str) -> Error {
    let mut err = classify_connection_error(e, url);
    // The engine's text may quote the connection's parameters.
    err.message = redact(&err.message);
    err
}

fn classify_connection_error(e: sqlx::Error, url: &str) -> Error {
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
                // A deactivated teammate's login is NOLOGIN (migration 0017): not a typo.
                Some("28000") if message.contains("not permitted to log in") => Error::new(
                    ErrorCode::Forbidden,
                    format!("{shown}: this login is deactivated; your admin can reactivate it"),
                )
                .on("user"),
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
        // rustls refuses a certificate no trusted authority signed (`verify-full`) inside the
        // driver's I/O error: that is the TLS settings' business, not the network's.
        sqlx::Error::Io(io) if io.to_string().to_lowercase().contains("certificate") => Error::new(
            ErrorCode::TlsRequired,
            format!("{shown}: the server's certificate could not be verified ({e}); give its root certificate or choose another TLS mode"),
        )
        .on("tls_mode"),
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
    let dir = data_folder()?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::storage(format!("cannot create {}: {e}", dir.display())))?;
    Ok(format!("sqlite:{}", dir.join("voronka.db").display()))
}

/// Voronka's folder in the OS data folder: the local database, its backups and the app's logs.
/// Nothing is created here.
pub fn data_folder() -> Result<std::path::PathBuf> {
    Ok(dirs::data_dir()
        .ok_or_else(|| Error::storage("this system has no data folder; pass --db"))?
        .join("Voronka"))
}

/// A PostgreSQL URL whose password parameter, however written (`PASSWORD=`, `pass%77ord=`), is
/// spelled `password=`, and without other parameters naming a password (`sslpassword=`, which
/// the driver does not support). The driver reads only `password=` and logs any parameter it
/// does not know together with its value.
fn password_parameter_spelled_out(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_string();
    };
    let (query, fragment) = match query.split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (query, None),
    };
    let params: Vec<String> = query
        .split('&')
        .filter_map(|param| {
            let (name, value) = param.split_once('=').unwrap_or((param, ""));
            let name = percent_decoded(name).to_lowercase();
            match name.as_str() {
                "password" => Some(format!("password={value}")),
                n if n.contains("password") => None,
                _ => Some(param.to_string()),
            }
        })
        .collect();
    let mut out = base.to_string();
    if !params.is_empty() {
        out.push('?');
        out.push_str(&params.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The URL (or a `key=value` connection string) with every password replaced, for messages
/// and logs: the `user:password@` of the authority and each parameter whose name, in any case
/// and percent-decoded, contains `password` (`?password=`, `&Password=`, `sslpassword=`,
/// `pass%77ord=`, `password = 'a b'`).
pub fn redact(url: &str) -> String {
    redact_parameters(&redact_userinfo(url))
}

/// Every password in a free text such as a log line: the `user:password@` of each URL in it
/// (word by word, so an e-mail address or a path elsewhere in the line stays as it is) and
/// each parameter naming a password.
pub fn redact_text(text: &str) -> String {
    let words: String = text
        .split_inclusive(char::is_whitespace)
        .map(|word| match word.contains("://") {
            true => redact_userinfo(word),
            false => word.to_string(),
        })
        .collect();
    redact_parameters(&words)
}

/// `scheme://user:password@…` and the slashless `scheme:user:password@…` a person may type; a
/// SQLite path may hold `@` and is left alone.
fn redact_userinfo(url: &str) -> String {
    if url.starts_with("sqlite:") {
        return url.to_string();
    }
    let (start, slashless) = match (url.find("://"), url.find(':')) {
        (Some(scheme), _) => (scheme + 3, false),
        (None, Some(colon)) => (colon + 1, true),
        (None, None) => return url.to_string(),
    };
    match url.rfind('@') {
        Some(at) if at > start => match url[start..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..start], &url[at..]),
            // Without `//` what comes before `@` may be the password alone.
            None if slashless => format!("{}***{}", &url[..start], &url[at..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    }
}

/// Replaces the value of every `name=value` whose name means a password. A name starts the
/// text or follows `?`, `&`, `;` or white space; a value ends at `&`, `#`, white space or the
/// end, or is quoted in `'…'` (a connection string's form, `\'` escaping a quote).
fn redact_parameters(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut at_name = true;
    while i < bytes.len() {
        if at_name && let Some((value_start, value_end)) = password_value_at(text, i) {
            out.push_str(&text[i..value_start]);
            out.push_str("***");
            i = value_end;
            at_name = false;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        at_name = matches!(c, '?' | '&' | ';') || c.is_whitespace();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// When a parameter naming a password starts at `start`: where its value starts and ends.
fn password_value_at(text: &str, start: usize) -> Option<(usize, usize)> {
    let rest = &text[start..];
    let name_len = rest.find(|c: char| c == '=' || c == '&' || c == '?' || c == '#' || c.is_whitespace())?;
    let name = percent_decoded(&rest[..name_len]).to_lowercase();
    if !name.contains("password") {
        return None;
    }
    let after_name = rest[name_len..].trim_start();
    let after_eq = after_name.strip_prefix('=')?;
    let value = after_eq.trim_start();
    let value_start = start + rest.len() - value.len();
    if value.starts_with("***") {
        // Redacted already (a message quoting a redacted URL).
        return Some((value_start, value_start + 3));
    }
    let value_len = match value.strip_prefix('\'') {
        Some(quoted) => {
            let mut escaped = false;
            let close = quoted.char_indices().find(|&(_, c)| {
                let end = c == '\'' && !escaped;
                escaped = c == '\\' && !escaped;
                end
            });
            close.map_or(value.len(), |(j, _)| j + 2)
        }
        None => value
            .find(|c: char| c == '&' || c == '#' || c.is_whitespace())
            .unwrap_or(value.len()),
    };
    Some((value_start, value_start + value_len))
}

/// `%XX` sequences decoded (a name is ASCII; anything else is kept as it is).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::redact;

    const SECRET: &str = "Zk7-quartz-Wombat";

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://olena:s3cret@db:5432/crm"),
            "postgres://olena:***@db:5432/crm"
        );
        assert_eq!(redact("sqlite:/tmp/a.db"), "sqlite:/tmp/a.db");
        assert_eq!(redact("sqlite:/tmp/o:x@y.db"), "sqlite:/tmp/o:x@y.db");
        assert_eq!(
            redact(&format!("postgres://olena@db/crm?password={SECRET}&sslmode=require")),
            "postgres://olena@db/crm?password=***&sslmode=require"
        );
        assert_eq!(
            redact(&format!("host=db user=olena password = '{SECRET} it\\'s' dbname=crm")),
            "host=db user=olena password = *** dbname=crm"
        );
        for url in [
            format!("postgres://olena:{SECRET}@db:5432/crm"),
            format!("postgres:olena:{SECRET}@db:5432/crm"),
            format!("postgres:{SECRET}@db:5432/crm"),
            format!("postgres://olena@db/crm?password={SECRET}"),
            format!("postgres://olena@db/crm?sslmode=disable&password={SECRET}"),
            format!("postgres://olena@db/crm?PassWord={SECRET}&x=1"),
            format!("postgres://olena@db/crm?PASSWORD={SECRET}#frag"),
            format!("postgres://olena@db/crm?pass%77ord={SECRET}"),
            format!("postgres://olena@db/crm?%70%61%73%73%77%6F%72%64={SECRET}"),
            format!("postgres://olena@db/crm?sslpassword={SECRET}"),
            format!("postgres://olena:{SECRET}@db/crm?password={SECRET}"),
            format!("host=db password={SECRET} dbname=crm"),
            format!("host=db password='{SECRET}'"),
            format!("«postgresql://o@h/d?password={SECRET}» is neither sqlite:PATH nor postgres://…"),
        ] {
            let shown = redact(&url);
            assert!(!shown.contains(SECRET), "{url} → {shown}");
            assert!(shown.contains("***"), "{url} → {shown}");
        }
        let line = format!(
            "WARN cannot open postgres://olena:{SECRET}@db:5432/crm: refused; told olena@voronka.ua, host=db password = '{SECRET}' sslmode=require"
        );
        assert_eq!(
            super::redact_text(&line),
            "WARN cannot open postgres://olena:***@db:5432/crm: refused; told olena@voronka.ua, host=db password = *** sslmode=require"
        );
        assert_eq!(
            redact(&redact("postgres://o@h/d?password=x")),
            "postgres://o@h/d?password=***"
        );
        assert_eq!(
            super::password_parameter_spelled_out(&format!(
                "postgres://o@h/d?PassWord={SECRET}&sslmode=disable&sslpassword=k#f"
            )),
            format!("postgres://o@h/d?password={SECRET}&sslmode=disable#f")
        );
        assert_eq!(
            redact("postgres://olena@db/crm?application_name=voronka"),
            "postgres://olena@db/crm?application_name=voronka",
            "nothing else changes"
        );
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
