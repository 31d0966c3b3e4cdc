//! The column types of every table, read from the database at open. Values are bound with the
//! column's own type so PostgreSQL accepts a NULL or a 0/1 flag without casts in the SQL.

use crate::Backend;
use crate::error::DbResult;
use sqlx::Row;
use std::collections::HashMap;
use voronka_core::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnType {
    Text,
    Integer,
    Real,
}

#[derive(Debug, Default)]
pub(crate) struct Columns(HashMap<String, HashMap<String, ColumnType>>);

impl Columns {
    pub(crate) async fn read(pool: &sqlx::AnyPool, backend: Backend) -> Result<Columns> {
        let sql = match backend {
            Backend::Sqlite => {
                "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search_index%'"
            }
            Backend::Postgres => {
                "SELECT table_name::text AS table_name, column_name::text AS column_name, data_type::text AS data_type
                 FROM information_schema.columns WHERE table_schema = current_schema()"
            }
        };
        let mut out: HashMap<String, HashMap<String, ColumnType>> = HashMap::new();
        for row in sqlx::query(sql).fetch_all(pool).await.db()? {
            let table: String = row.try_get("table_name").db()?;
            let column: String = row.try_get("column_name").db()?;
            let ty: String = row.try_get::<String, _>("data_type").db()?.to_lowercase();
            let ty = if ty.contains("int") {
                ColumnType::Integer
            } else if ty.contains("real") || ty.contains("double") || ty.contains("float") {
                ColumnType::Real
            } else {
                ColumnType::Text
            };
            out.entry(table).or_default().insert(column, ty);
        }
        Ok(Columns(out))
    }

    pub(crate) fn of(&self, table: &str, column: &str) -> ColumnType {
        self.0
            .get(table)
            .and_then(|t| t.get(column))
            .copied()
            .unwrap_or(ColumnType::Text)
    }
}
