//! sqlx errors become the domain's typed errors at this boundary.

use voronka_core::Error;

pub(crate) fn db(e: sqlx::Error) -> Error {
    match e {
        sqlx::Error::RowNotFound => Error::new(voronka_core::ErrorCode::NotFound, "not found"),
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => Error::invalid(
            "reference",
            format!("a referenced record does not exist: {}", d.message()),
        ),
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::new(
            voronka_core::ErrorCode::Duplicate,
            format!("already exists: {}", d.message()),
        ),
        other => Error::storage(other.to_string()),
    }
}

pub(crate) trait DbResult<T> {
    fn db(self) -> voronka_core::Result<T>;
}

impl<T> DbResult<T> for Result<T, sqlx::Error> {
    fn db(self) -> voronka_core::Result<T> {
        self.map_err(db)
    }
}
