//! Voronka's domain: the validated values, the records of a sales department, the rules of the
//! sales process and the ports (clock, id source) that keep the rules free of hidden state.
//!
//! Nothing here touches a database or a window: `voronka-store` persists these types and the
//! desktop shell shows them.

pub mod agenda;
pub mod clock;
pub mod connection;
pub mod error;
pub mod handover;
pub mod ids;
pub mod lists;
pub mod model;
pub mod notify;
pub mod reports;
pub mod rights;
pub mod rules;
pub mod search;
pub mod types;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{Error, ErrorCode, Result};
pub use ids::{Id, IdSource, RandomIds, SeededIds};
