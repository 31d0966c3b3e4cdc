use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Restore,
}

/// Who changed what and how, written in the same transaction as the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct AuditEntry {
    pub id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub at: DateTime<Utc>,
    pub actor_id: Option<Id>,
    pub entity: String,
    pub entity_id: Id,
    pub action: AuditAction,
    /// The fields before and after that differ (the whole record on create and delete).
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The fields of `after` that differ from `before`, as two objects; the version and update
/// time are left out because every change moves them.
pub fn diff(before: &serde_json::Value, after: &serde_json::Value) -> (serde_json::Value, serde_json::Value) {
    use serde_json::{Map, Value};
    let (mut b, mut a) = (Map::new(), Map::new());
    if let (Value::Object(before), Value::Object(after)) = (before, after) {
        for (key, new) in after {
            if key == "version" || key == "updated_at" {
                continue;
            }
            let old = before.get(key).unwrap_or(&Value::Null);
            if old != new {
                b.insert(key.clone(), old.clone());
                a.insert(key.clone(), new.clone());
            }
        }
    }
    (Value::Object(b), Value::Object(a))
}

/// One spell of a deal in a stage: entered, left (empty while it is there) and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct StageSpell {
    pub id: Id,
    pub deal_id: Id,
    pub stage_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub entered_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub left_at: Option<DateTime<Utc>>,
    pub by_user_id: Option<Id>,
}
