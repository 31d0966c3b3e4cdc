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

/// Column `i` of a row as JSON; a text column named in `json_columns` is parsed back into JSON.
fn column_json(row: &AnyRow, i: usize, json_columns: &[&str]) -> Result<Json> {
    let name = row.columns()[i].name();
    let raw = row.try_get_raw(i).map_err(crate::error::db)?;
    if raw.is_null() {
        return Ok(Json::Null);
    }
    Ok(match raw.type_info().kind() {
        AnyTypeInfoKind::Text => {
            let text: String = row.try_get(i).map_err(crate::error::db)?;
            if json_columns.contains(&name) {
                serde_json::from_str(&text).map_err(|e| Error::storage(format!("column {name} holds bad JSON: {e}")))?
            } else {
                Json::String(text)
            }
        }
        AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => {
            let f: f64 = row.try_get(i).map_err(crate::error::db)?;
            serde_json::Number::from_f64(f).map(Json::Number).unwrap_or(Json::Null)
        }
        AnyTypeInfoKind::Bool => Json::Bool(row.try_get(i).map_err(crate::error::db)?),
        // Bytes (a kept file's) as standard base64: text, and equal for equal bytes on either
        // backend.
        AnyTypeInfoKind::Blob => {
            use base64::Engine;
            let bytes: Vec<u8> = row.try_get(i).map_err(crate::error::db)?;
            Json::String(base64::engine::general_purpose::STANDARD.encode(bytes))
        }
        _ => Json::from(row.try_get::<i64, _>(i).map_err(crate::error::db)?),
    })
}

/// A row as a JSON object; text columns named in `json_columns` are parsed back into JSON.
pub(crate) fn to_json(row: &AnyRow, json_columns: &[&str]) -> Result<Map<String, Json>> {
    let mut map = Map::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        map.insert(column.name().to_string(), column_json(row, i, json_columns)?);
    }
    Ok(map)
}

/// A row read into `T` as if from its JSON object, without building the object: the row is
/// handed to `T` as a map of its columns (reports read many thousands of rows).
pub(crate) fn from_row<T: serde::de::DeserializeOwned>(row: &AnyRow, json_columns: &[&str]) -> Result<T> {
    let mut failure = None;
    let read = T::deserialize(RowMap {
        row,
        json_columns,
        next: 0,
        failure: &mut failure,
    });
    match (read, failure) {
        (_, Some(e)) => Err(e),
        (Ok(t), None) => Ok(t),
        (Err(e), None) => Err(Error::storage(format!("cannot read a stored record: {e}"))),
    }
}

/// A row as a serde map of column names to values. A column that cannot be read is kept in
/// `failure`, so its own error reaches the caller rather than serde's.
struct RowMap<'r> {
    row: &'r AnyRow,
    json_columns: &'r [&'r str],
    next: usize,
    failure: &'r mut Option<Error>,
}

impl<'de> serde::Deserializer<'de> for RowMap<'_> {
    type Error = serde_json::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> std::result::Result<V::Value, Self::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> serde::de::MapAccess<'de> for RowMap<'_> {
    type Error = serde_json::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> std::result::Result<Option<K::Value>, Self::Error> {
        let Some(column) = self.row.columns().get(self.next) else {
            return Ok(None);
        };
        let name: &str = column.name();
        seed.deserialize(serde::de::value::StrDeserializer::<serde_json::Error>::new(name))
            .map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        let i = self.next;
        self.next += 1;
        seed.deserialize(ColumnValue {
            row: self.row,
            i,
            json_columns: self.json_columns,
            failure: self.failure,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.row.len() - self.next)
    }
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

/// One column of a row, read straight into the field it fills: a text into a string or an id
/// without a JSON value in between, a number as a number. A report reads tens of thousands of
/// rows, and building a JSON value per column cost as much as the rest of the mapping. A column
/// named in `json_columns` still goes through JSON.
struct ColumnValue<'r, 'f> {
    row: &'r AnyRow,
    i: usize,
    json_columns: &'r [&'r str],
    failure: &'f mut Option<Error>,
}

impl ColumnValue<'_, '_> {
    /// Keeps the column's own error for the caller and hands serde one naming it.
    fn fail(&mut self, e: Error) -> serde_json::Error {
        let message = e.to_string();
        *self.failure = Some(e);
        serde::de::Error::custom(message)
    }

    fn get<'a, T: sqlx::Decode<'a, Any> + sqlx::Type<Any>>(&'a mut self) -> std::result::Result<T, serde_json::Error> {
        match self.row.try_get::<T, _>(self.i) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.fail(crate::error::db(e))),
        }
    }

    /// The column's kind, `None` for NULL; a JSON column counts as its JSON.
    fn kind(&mut self) -> std::result::Result<Option<AnyTypeInfoKind>, serde_json::Error> {
        let raw = match self.row.try_get_raw(self.i) {
            Ok(raw) => raw,
            Err(e) => return Err(self.fail(crate::error::db(e))),
        };
        Ok((!raw.is_null()).then(|| raw.type_info().kind()))
    }

    fn is_json(&self) -> bool {
        self.json_columns.contains(&self.row.columns()[self.i].name())
    }

    fn json(&mut self) -> std::result::Result<Json, serde_json::Error> {
        column_json(self.row, self.i, self.json_columns).map_err(|e| self.fail(e))
    }
}

impl<'de> serde::Deserializer<'de> for ColumnValue<'_, '_> {
    type Error = serde_json::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(mut self, visitor: V) -> std::result::Result<V::Value, Self::Error> {
        match self.kind()? {
            None | Some(AnyTypeInfoKind::Null | AnyTypeInfoKind::Blob) => visitor.visit_unit(),
            Some(AnyTypeInfoKind::Text) if self.is_json() => self.json()?.deserialize_any(visitor),
            Some(AnyTypeInfoKind::Text) => visitor.visit_str(self.get::<&str>()?),
            Some(AnyTypeInfoKind::Real | AnyTypeInfoKind::Double) => visitor.visit_f64(self.get::<f64>()?),
            Some(AnyTypeInfoKind::Bool) => visitor.visit_bool(self.get::<bool>()?),
            Some(_) => visitor.visit_i64(self.get::<i64>()?),
        }
    }

    fn deserialize_option<V: serde::de::Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        match self.kind()? {
            None => visitor.visit_none(),
            Some(_) => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        mut self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        match self.kind()? {
            Some(AnyTypeInfoKind::Text) if !self.is_json() => {
                visitor.visit_enum(serde::de::value::StrDeserializer::<serde_json::Error>::new(
                    self.get::<&str>()?,
                ))
            }
            _ => self.json()?.deserialize_enum(name, variants, visitor),
        }
    }

    fn deserialize_newtype_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}
