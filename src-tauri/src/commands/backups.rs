//! Backups of the local file, from Settings.

use super::Answer;
use crate::session::{AppInfo, Backups, Session};
use tauri::State;
use voronka_store::Backup;

/// The backups folder of the open local file and what it holds, newest first.
#[tauri::command]
#[specta::specta]
pub async fn backups(session: State<'_, Session>) -> Answer<Backups> {
    Ok(session.backups().await?)
}

/// A consistent copy of the open local file, taken now.
#[tauri::command]
#[specta::specta]
pub async fn back_up_now(session: State<'_, Session>) -> Answer<Backup> {
    Ok(session.back_up_now().await?)
}

/// Puts the backup `name` in place of the open file (the data it replaces is backed up first)
/// and opens it; the UI then reloads everything.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(session: State<'_, Session>, name: String) -> Answer<AppInfo> {
    Ok(session.restore_backup(&name).await?)
}
