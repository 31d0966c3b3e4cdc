//! Settings → About: what a support request needs, in one place the person can copy from.

use crate::logging::LogFiles;
use crate::session::Session;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct About {
    pub version: String,
    /// "sqlite" or "postgres"; `None` while no database is open (the start-up problem's).
    pub backend: Option<String>,
    /// The database in use, or the one that could not be opened at start; never a password.
    pub database: Option<String>,
    /// Voronka's folder in the OS data folder: the local database, backups, logs.
    pub data_folder: Option<String>,
    /// The log file being written (or its folder before the first line).
    pub log_file: Option<String>,
    /// The settings file (the team connection without its password, the window's place).
    pub settings_file: Option<String>,
    /// The operating system and processor the app was built for, e.g. "linux x86_64".
    pub platform: String,
}

impl About {
    pub async fn gather(session: &Session, logs: &LogFiles) -> About {
        let database = session.database_in_use().await;
        let shown = |p: &std::path::Path| p.display().to_string();
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            backend: database
                .as_ref()
                .and_then(|(backend, _)| backend.map(|b| b.name().to_string())),
            database: database.map(|(_, key)| key),
            data_folder: voronka_store::data_folder().ok().as_deref().map(shown),
            log_file: logs.current().as_deref().or(logs.folder()).map(shown),
            settings_file: session.config().path().map(shown),
            platform: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        }
    }
}
