//! The session's part of backups: the open local file is copied into the backups folder beside
//! it (on demand, and daily by the scheduler), and a backup is put back in its place with the
//! store closed meanwhile and opened again afterwards.

use super::{AppInfo, Session};
use serde::Serialize;
use std::path::PathBuf;
use voronka_core::model::User;
use voronka_core::rights::{self, Action, Subject};
use voronka_core::{Error, ErrorCode, Result};
use voronka_store::{Backup, backups_folder, list_backups, local_file};

/// The backups of the open local file, for Settings.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Backups {
    /// Where they are kept: the `backups` folder beside the database file.
    pub folder: String,
    /// Newest first.
    pub items: Vec<Backup>,
    /// How many the folder keeps.
    pub kept: u32,
}

impl Session {
    /// The open database's file; a team database is refused on `backup` (its server keeps it).
    async fn local_db_file(&self) -> Result<PathBuf> {
        local_file(&self.open_key().await?).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidState,
                "a team database is backed up on its server with pg_dump (see the README)",
            )
            .on("backup")
        })
    }

    pub async fn backups(&self) -> Result<Backups> {
        let folder = backups_folder(&self.local_db_file().await?);
        Ok(Backups {
            items: list_backups(&folder)?,
            folder: folder.to_string_lossy().into_owned(),
            kept: voronka_store::BACKUPS_KEPT as u32,
        })
    }

    pub async fn back_up_now(&self) -> Result<Backup> {
        let folder = backups_folder(&self.local_db_file().await?);
        self.store().await?.back_up(&folder).await
    }

    /// The daily backup of a local file, when the newest is a day old; nothing for a team.
    pub async fn back_up_if_due(&self) -> Result<Option<Backup>> {
        let Some(file) = local_file(&self.open_key().await?) else {
            return Ok(None);
        };
        self.store().await?.back_up_if_due(&backups_folder(&file)).await
    }

    /// Puts the backup `name` (one of [`Session::backups`]) in place of the open file, for
    /// whoever may change the department's set-up. The data it replaces becomes a backup
    /// itself; the database is opened again either way, so a refused restore changes nothing.
    pub async fn restore_backup(&self, name: &str) -> Result<AppInfo> {
        let (store, me) = self.actor().await?;
        let role = store.get::<User>(me).await?.data.role;
        rights::check(role, Subject::Setup, Action::Change, false)?;
        let file = self.local_db_file().await?;
        let listed = list_backups(&backups_folder(&file))?;
        let Some(backup) = listed.into_iter().find(|b| b.name == name) else {
            return Err(Error::new(ErrorCode::NotFound, format!("no backup named {name}")).on("backup"));
        };
        let url = self.open_key().await?;
        self.close().await;
        let restored = voronka_store::restore(&file, std::path::Path::new(&backup.path)).await;
        let reopened = self.switch_to(&url).await;
        restored?;
        reopened?;
        self.info().await
    }
}
