//! Records travel to and from rows through their serde form: a record serialises to a flat JSON
//! object whose keys are the column names, and a row reads back into that object. One mapping
//! serves every table, and export-json sees exactly what is stored.

use crate::columns::{ColumnType, Columns};
use serde_json::{Map, Value as Json};
use sqlx::any::{AnyArguments, AnyRow, AnyTypeInfoKind};
use sqlx::{Any, Column, Row, ValueRef};
use voronka_core::{Error, Result};

/// A value as the databases keep it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub(crate) fn from_json(v: Json) -> Value {
        match v {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Int(b as i64),
            Json::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => Value::Real(n.as_f64().unwrap_or(0.0)),
            },
            Json::String(s) => Value::Text(s),
            nested @ (Json::Array(_) | Json::Object(_)) => Value::Text(nested.to_string()),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<voronka_core::Id> for Value {
    fn from(id: voronka_core::Id) -> Value {
        Value::Text(id.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map(Into::into).unwrap_or(Value::Null)
    }
}

pub(crate) type Query<'q> = sqlx::query::Query<'q, Any, AnyArguments<'q>>;

/// Binds `value` with the type of the column it goes to (typed NULLs, 0/1 flags, integer
/// values of real columns).
pub(crate) fn bind(q: Query<'_>, value: Value, ty: ColumnType) -> Query<'_> {
    match (value, ty) {
        (Value::Null, ColumnType::Text) => q.bind(None::<String>),
        (Value::Null, ColumnType::Integer) => q.bind(None::<i64>),
        (Value::Null, ColumnType::Real) => q.bind(None::<f64>),
        (Value::Int(i), ColumnType::Real) => q.bind(i as f64),
        (Value::Int(i), ColumnType::Text) => q.bind(i.to_string()),
        (Value::Int(i), ColumnType::Integer) => q.bind(i),
        (Value::Real(f), _) => q.bind(f),
        (Value::Text(s), _) => q.bind(s),
    }
}

/// Binds values whose types are clear from themselves (filters, ids, limits).
pub(crate) fn bind_plain(q: Query<'_>, value: Value) -> Query<'_> {
    match value {
        Value::Null => q.bind(None::<String>),
        Value::Int(i) => q.bind(i),
        Value::Real(f) => q.bind(f),
        Value::Text(s) => q.bind(s),
    }
}

/// A record's columns in serde order: (column, value).
pub(crate) fn to_columns<T: serde::Serialize>(record: &T) -> Result<Vec<(String, Value)>> {
    match serde_json::to_value(record).map_err(|e| Error::storage(format!("cannot store a record: {e}")))? {
        Json::Object(map) => Ok(map.into_iter().map(|(k, v)| (k, Value::from_json(v))).collect()),
        other => Err(Error::storage(format!("a record must be an object, got {other}"))),
    }
}

/// A row as a JSON object; text columns named in `json_columns` are parsed back into JSON.
pub(crate) fn to_json(row: &AnyRow, json_columns: &[&str]) -> Result<Map<String, Json>> {
    let mut map = Map::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let name = column.name();
        let raw = row.try_get_raw(i).map_err(crate::error::db)?;
        let value = if raw.is_null() {
            Json::Null
        } else {
            match raw.type_info().kind() {
                AnyTypeInfoKind::Text => {
                    let text: String = row.try_get(i).map_err(crate::error::db)?;
                    if json_columns.contains(&name) {
                        serde_json::from_str(&text)
                            .map_err(|e| Error::storage(format!("column {name} holds bad JSON: {e}")))?
                    } else {
                        Json::String(text)
                    }
                }
                AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => {
                    let f: f64 = row.try_get(i).map_err(crate::error::db)?;
                    serde_json::Number::from_f64(f).map(Json::Number).unwrap_or(Json::Null)
                }
                AnyTypeInfoKind::Bool => Json::Bool(row.try_get(i).map_err(crate::error::db)?),
                AnyTypeInfoKind::Blob => Json::Null,
                _ => Json::from(row.try_get::<i64, _>(i).map_err(crate::error::db)?),
            }
        };
        map.insert(name.to_string(), value);
    }
    Ok(map)
}

pub(crate) fn from_row<T: serde::de::DeserializeOwned>(row: &AnyRow, json_columns: &[&str]) -> Result<T> {
    let map = to_json(row, json_columns)?;
    serde_json::from_value(Json::Object(map)).map_err(|e| Error::storage(format!("cannot read a stored record: {e}")))
}

/// Column-typed binding for a whole statement.
pub(crate) fn bind_all<'q>(
    mut q: Query<'q>,
    columns: &Columns,
    table: &str,
    values: Vec<(String, Value)>,
) -> Query<'q> {
    for (column, value) in values {
        let ty = columns.of(table, &column);
        q = bind(q, value, ty);
    }
    q
}
