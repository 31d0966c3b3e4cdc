//! Every table as one JSON object (table name → rows), for inspection and for checking that two
//! backends hold the same data. Rows are ordered by their keys so equal data gives equal text.

use crate::row;
use crate::table::Rows;
use crate::{Store, error::DbResult};
use serde_json::{Map, Value};
use voronka_core::Result;
use voronka_core::model::*;

/// The exported object; serialise it with `serde_json`.
pub type ExportJson = Map<String, Value>;

/// (table, JSON columns, order) of every table, in the order they are written out.
fn tables() -> Vec<(&'static str, &'static [&'static str], &'static str)> {
    fn t<R: Rows>(order: &'static str) -> (&'static str, &'static [&'static str], &'static str) {
        (R::TABLE, R::JSON, order)
    }
    vec![
        t::<User>("id"),
        t::<Pipeline>("id"),
        t::<Stage>("id"),
        t::<LossReason>("id"),
        t::<Product>("id"),
        t::<Company>("id"),
        t::<Contact>("id"),
        t::<Deal>("id"),
        ("deal_contacts", &[], "deal_id, contact_id"),
        t::<StageSpell>("id"),
        t::<DealItem>("id"),
        t::<Payment>("id"),
        t::<Task>("id"),
        t::<Activity>("id"),
        t::<Document>("id"),
        t::<Plan>("id"),
        t::<AuditEntry>("id"),
        ("notification_settings", &["settings"], "user_id"),
        ("notification_ticks", &[], "user_id"),
        ("deliveries", &[], "user_id, event_key"),
        ("gong_seen", &[], "user_id"),
        ("gong_events", &["progress"], "seq"),
    ]
}

impl Store {
    pub async fn export_json(&self) -> Result<ExportJson> {
        let mut out = Map::new();
        for (table, json_columns, order) in tables() {
            let sql = format!("SELECT * FROM {table} ORDER BY {order}");
            let rows = sqlx::query(&sql).fetch_all(&self.pool).await.db()?;
            let rows = rows
                .iter()
                .map(|r| row::to_json(r, json_columns).map(Value::Object))
                .collect::<Result<Vec<_>>>()?;
            out.insert(table.to_string(), Value::Array(rows));
        }
        Ok(out)
    }
}
