use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::notify::{GongEvent, NotificationSettings};
use voronka_store::StoredNotificationSettings;

/// The gongs the feed opens with: the open database's last ones, oldest first.
const RECENT_GONGS: i64 = 20;

#[tauri::command]
#[specta::specta]
pub async fn recent_gongs(session: State<'_, Session>) -> Answer<Vec<GongEvent>> {
    let store = session.store().await?;
    let last = store.last_gong_seq().await?;
    Ok(store
        .gong_since((last - RECENT_GONGS).max(0), RECENT_GONGS as u32)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn notification_settings(session: State<'_, Session>) -> Answer<StoredNotificationSettings> {
    let (store, me) = session.actor().await?;
    Ok(store.notification_settings(me).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_notification_settings(
    session: State<'_, Session>,
    version: i64,
    settings: NotificationSettings,
) -> Answer<StoredNotificationSettings> {
    let (store, me) = session.actor().await?;
    Ok(store.save_notification_settings(me, me, version, &settings).await?)
}
