//! The commands the UI calls. Each converts its arguments, calls one use case of the store as
//! the signed-in user, and returns the result or the store's `{code, field, message}` error.

pub mod app;
pub mod backups;
pub mod catalog;
pub mod companies;
pub mod deal_lines;
pub mod deals;
pub mod documents;
pub mod imports;
pub mod lists;
pub mod notifications;
pub mod plans;
pub mod proposals;
pub mod regulations;
pub mod reports;
pub mod setup;
pub mod tasks;
pub mod team;

use serde::Serialize;
use voronka_core::ErrorCode;

/// The domain's error as the UI receives it. Its own name keeps the generated TypeScript from
/// shadowing JavaScript's `Error`.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ApiError {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub message: String,
}

impl From<voronka_core::Error> for ApiError {
    fn from(e: voronka_core::Error) -> Self {
        ApiError {
            code: e.code,
            field: e.field,
            message: e.message,
        }
    }
}

/// What every command returns: data, or the domain's error as data.
pub type Answer<T> = Result<T, ApiError>;
