//! sqlx errors become the domain's typed errors at this boundary.

use voronka_core::{Error, ErrorCode};

pub(crate) fn db(e: sqlx::Error) -> Error {
    if let Some(err) = busy(&e) {
        return err;
    }
    match e {
        sqlx::Error::RowNotFound => Error::new(ErrorCode::NotFound, "not found"),
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => Error::invalid(
            "reference",
            format!("a referenced record does not exist: {}", d.message()),
        ),
        // 42710: an object of the server that exists, e.g. a login another database of the
        // server took a moment ago.
        sqlx::Error::Database(d) if d.is_unique_violation() || d.code().as_deref() == Some("42710") => {
            Error::new(ErrorCode::Duplicate, format!("already exists: {}", d.message()))
        }
        // A team database's policies refused the signed-in login (42501: a privilege it lacks,
        // or a row its role's policies do not allow).
        sqlx::Error::Database(d) if d.code().as_deref() == Some("42501") => Error::new(
            ErrorCode::Forbidden,
            format!("your role may not do this: {}", d.message()),
        ),
        other => Error::storage(other.to_string()),
    }
}

/// `busy` for a write that waited its turn for longer than it may: SQLite's "database is
/// locked" (SQLITE_BUSY and SQLITE_LOCKED, extended codes included) after `busy_timeout`, and
/// PostgreSQL's `lock_timeout` (55P03) or a deadlock it broke (40P01). The engine's text is not
/// shown: it says nothing a person can act on.
pub(crate) fn busy(e: &sqlx::Error) -> Option<Error> {
    let sqlx::Error::Database(d) = e else { return None };
    let sqlite_busy = sqlite_code(e).is_some_and(|c| matches!(c & 0xff, 5 | 6));
    let postgres_busy = d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>().is_some()
        && matches!(d.code().as_deref(), Some("55P03" | "40P01"));
    (sqlite_busy || postgres_busy).then(|| {
        Error::new(
            ErrorCode::Busy,
            "the database is busy with another change for longer than a change waits: try again in a moment",
        )
    })
}

/// The extended result code of an error SQLite gave.
pub(crate) fn sqlite_code(e: &sqlx::Error) -> Option<i64> {
    let sqlx::Error::Database(d) = e else { return None };
    d.try_downcast_ref::<sqlx::sqlite::SqliteError>()?;
    d.code()?.parse().ok()
}

pub(crate) trait DbResult<T> {
    fn db(self) -> voronka_core::Result<T>;
}

impl<T> DbResult<T> for Result<T, sqlx::Error> {
    fn db(self) -> voronka_core::Result<T> {
        self.map_err(db)
    }
}
