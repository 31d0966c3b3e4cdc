//! Typed errors with a stable `code`, the `field` they concern and a message.
//!
//! The code is what the UI translates and tests match on; the message is an English fallback
//! meant for logs and the CLI.

use serde::Serialize;
use std::fmt;

/// Stable error codes. Their snake_case names are part of the API to the UI: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value failed validation (empty, too long, malformed).
    Invalid,
    /// The record does not exist (or is soft-deleted where a live one is needed).
    NotFound,
    /// The record changed since it was read: its `version` is stale.
    Conflict,
    /// A company with the same phone, email, legal id or name-in-city already exists.
    Duplicate,
    /// A stage's required fields are empty.
    StageRequirements,
    /// A deal cannot be lost without a loss reason.
    LossReasonRequired,
    /// A task cannot be completed without a meaningful result.
    ResultNotMeaningful,
    /// Moving an overdue task's due time needs a written reason.
    RescheduleReasonRequired,
    /// The operation is not allowed in the record's current state.
    InvalidState,
    /// The database was written by a newer Voronka.
    SchemaTooNew,
    /// The database server did not answer (wrong host or port, no network, server down).
    Unreachable,
    /// The server refused the user name or password.
    WrongPassword,
    /// The server only accepts encrypted (TLS) connections.
    TlsRequired,
    /// The file or server is not a Voronka database (another program's file, a corrupted or
    /// truncated database, a device, a directory).
    NotADatabase,
    /// The folder a database file should be in does not exist.
    FolderMissing,
    /// The database or its folder cannot be written.
    ReadOnly,
    /// The database is busy with another writer for longer than a write waits: try again.
    Busy,
    /// A migration stopped half-way: the database needs a restore or repair before use.
    MigrationIncomplete,
    /// A new team (or a local file moved into one) needs a new or empty database, and this one
    /// holds a team or another program's tables.
    NotEmpty,
    /// The signed-in user's role may not do this.
    Forbidden,
    /// The OS keychain refused to keep, give or forget a team password.
    Keychain,
    /// The database could not be reached or failed.
    Storage,
    /// A file is larger than Voronka keeps (the message names the limit).
    FileTooLarge,
    /// A file to keep has no bytes.
    FileEmpty,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::StageRequirements => "stage_requirements",
            ErrorCode::LossReasonRequired => "loss_reason_required",
            ErrorCode::ResultNotMeaningful => "result_not_meaningful",
            ErrorCode::RescheduleReasonRequired => "reschedule_reason_required",
            ErrorCode::InvalidState => "invalid_state",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::Unreachable => "unreachable",
            ErrorCode::WrongPassword => "wrong_password",
            ErrorCode::TlsRequired => "tls_required",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::FolderMissing => "folder_missing",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::Busy => "busy",
            ErrorCode::MigrationIncomplete => "migration_incomplete",
            ErrorCode::NotEmpty => "not_empty",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Keychain => "keychain",
            ErrorCode::Storage => "storage",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FileEmpty => "file_empty",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one error type of the domain and the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[error("{code}{}: {message}", field.as_deref().map(|f| format!(" [{f}]")).unwrap_or_default())]
pub struct Error {
    pub code: ErrorCode,
    pub field: Option<String>,
    pub message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            field: None,
            message: message.into(),
        }
    }

    pub fn on(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::new(ErrorCode::Invalid, message).on(field)
    }

    pub fn not_found(entity: &str, id: impl fmt::Display) -> Self {
        Error::new(ErrorCode::NotFound, format!("{entity} {id} not found"))
    }

    pub fn conflict(entity: &str) -> Self {
        Error::new(
            ErrorCode::Conflict,
            format!("the {entity} was changed by someone else; reload it and repeat your change"),
        )
        .on("version")
    }

    pub fn storage(message: impl Into<String>) -> Self {
        Error::new(ErrorCode::Storage, message)
    }
}
