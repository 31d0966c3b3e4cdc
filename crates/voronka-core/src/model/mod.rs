//! The records of a sales department (DOMAIN.md "Entities and their fields").
//!
//! Every mutable record is a [`Meta`] plus an editable `…Data` part that is validated from a
//! `…Input` (what a form or the CLI sends), plus the state only a use case may change (a deal's
//! stage, a task's result, a payment's status). Field names are the column names in both databases.

mod activity;
mod audit;
mod check_in;
mod company;
mod contact;
mod deal;
mod dictionary;
mod dictionary_defaults;
mod dictionary_entry;
mod document;
mod fields;
mod lead_rotation;
mod lines;
mod loss_review;
mod payment;
mod pipeline;
mod plan;
mod process_settings;
mod product;
mod proposal;
mod task;
mod title_template;
mod user;

pub use activity::*;
pub use audit::*;
pub use check_in::*;
pub use company::*;
pub use contact::*;
pub use deal::*;
pub use dictionary::*;
pub use dictionary_defaults::*;
pub use dictionary_entry::*;
pub use document::*;
pub use fields::*;
pub use lead_rotation::*;
pub use lines::*;
pub use loss_review::*;
pub use payment::*;
pub use pipeline::*;
pub use plan::*;
pub use process_settings::*;
pub use product::*;
pub use proposal::*;
pub use task::*;
pub use title_template::*;
pub use user::*;

use crate::Id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What every mutable record carries: identity, times, the optimistic-concurrency version and
/// the soft-delete mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Meta {
    pub id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub created_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    #[serde(with = "chrono::serde::ts_milliseconds_option", default)]
    #[cfg_attr(feature = "bindings", specta(type = Option<i64>))]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Meta {
    pub fn new(id: Id, now: DateTime<Utc>) -> Meta {
        Meta {
            id,
            created_at: now,
            updated_at: now,
            version: 1,
            deleted_at: None,
        }
    }

    /// Marks one more change: a new version and update time.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.version += 1;
        self.updated_at = now;
    }
}

/// A mutable record the store can keep generically.
pub trait Record: Serialize + for<'de> Deserialize<'de> + Clone + Send + Sync + Unpin + 'static {
    /// The entity's name in audit entries, errors and the search index ("company", "deal").
    const ENTITY: &'static str;
    /// The validated, editable part.
    type Data: Clone + Send + Sync;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// Replaces the editable part (an update from a form).
    fn set_data(&mut self, data: Self::Data);
}

/// Implements [`Record`] for a struct with `meta` and `data` fields.
macro_rules! record {
    ($ty:ty, $data:ty, $entity:literal) => {
        impl $crate::model::Record for $ty {
            const ENTITY: &'static str = $entity;
            type Data = $data;
            fn meta(&self) -> &$crate::model::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::model::Meta {
                &mut self.meta
            }
            fn set_data(&mut self, data: $data) {
                self.data = data;
            }
        }
    };
}
pub(crate) use record;
