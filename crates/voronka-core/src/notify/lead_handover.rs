use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A lead that passed to the next manager of the rotation because its first-contact task was
/// not done in time (rule 1): what the head is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LeadHandover {
    pub id: Id,
    pub task_id: Id,
    pub deal_id: Id,
    pub deal_title: String,
    pub from_user_id: Id,
    pub from_name: String,
    pub to_user_id: Id,
    pub to_name: String,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub at: DateTime<Utc>,
}
