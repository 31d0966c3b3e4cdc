use super::Answer;
use crate::about::About;
use crate::dialogs::{Dialogs, FileRequest};
use crate::logging::LogFiles;
use crate::session::{AppInfo, Session, Startup};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;
use voronka_core::Id;
use voronka_core::connection::{Secret, TeamConnection};
use voronka_core::model::{Language, LossReason, MyContactsInput, Pipeline, Stage, User};
use voronka_store::{Page, Paged, SearchHit, TodayView};

/// The open database, or why none could be opened at start.
#[tauri::command]
#[specta::specta]
pub async fn app_info(session: State<'_, Session>) -> Answer<Startup> {
    let startup = session.startup().await?;
    // Support (and the install test) read from the log which screen the window came up on.
    tracing::info!("the window shows {}", startup.screen());
    Ok(startup)
}

/// What a support request needs: the version, the database, where the data and the log are.
#[tauri::command]
#[specta::specta]
pub async fn about(session: State<'_, Session>, logs: State<'_, LogFiles>) -> Answer<About> {
    Ok(About::gather(&session, &logs).await)
}

#[tauri::command]
#[specta::specta]
pub async fn retry_start(session: State<'_, Session>) -> Answer<Startup> {
    Ok(session.retry_start().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_locally(session: State<'_, Session>) -> Answer<AppInfo> {
    Ok(session.work_locally().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn back_to_team(session: State<'_, Session>) -> Answer<AppInfo> {
    Ok(session.back_to_team().await?)
}

/// The dialog's words, in the UI's language.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct DatabaseDialog {
    pub title: String,
    /// The name of the file type the dialog lists ("Voronka database").
    pub filter_name: String,
}

impl DatabaseDialog {
    fn request(self, file_name: Option<&str>) -> FileRequest {
        FileRequest {
            title: self.title,
            file_name: file_name.map(Into::into),
            filter: (self.filter_name, vec!["db".into(), "sqlite".into(), "sqlite3".into()]),
        }
    }
}

/// Opens a SQLite file picked in the open dialog; `None` when the dialog is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn open_database_file(
    session: State<'_, Session>,
    dialogs: State<'_, Dialogs>,
    dialog: DatabaseDialog,
) -> Answer<Option<AppInfo>> {
    match dialogs.open(dialog.request(None)).await? {
        Some(path) => Ok(Some(session.open_file(&path).await?)),
        None => Ok(None),
    }
}

/// Makes a new local database where the save dialog says; `None` when it is cancelled.
#[tauri::command]
#[specta::specta]
pub async fn create_database_file(
    session: State<'_, Session>,
    dialogs: State<'_, Dialogs>,
    dialog: DatabaseDialog,
) -> Answer<Option<AppInfo>> {
    match dialogs.save(dialog.request(Some("voronka.db"))).await? {
        Some(path) => Ok(Some(session.create_file(&path).await?)),
        None => Ok(None),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn first_start(
    session: State<'_, Session>,
    name: String,
    language: Language,
    demo: bool,
    progress: Channel<DemoProgress>,
) -> Answer<User> {
    // A lost progress message only leaves the bar behind; the load itself goes on.
    let mut report = |done, total| {
        let _ = progress.send(DemoProgress { done, total });
    };
    Ok(session.first_start(&name, language, demo, &mut report).await?)
}

/// How far loading the demo data has come, in deals: the first-start screen shows it as a bar.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, specta::Type)]
pub struct DemoProgress {
    pub done: u64,
    pub total: u64,
}

#[tauri::command]
#[specta::specta]
pub async fn connect_team(
    session: State<'_, Session>,
    connection: TeamConnection,
    password: String,
) -> Answer<AppInfo> {
    Ok(session.connect_team(connection, Secret::new(password)).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn use_local(session: State<'_, Session>) -> Answer<AppInfo> {
    Ok(session.use_local().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn today(session: State<'_, Session>) -> Answer<TodayView> {
    let (store, me) = session.actor().await?;
    Ok(store.today(me).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn search(session: State<'_, Session>, text: String, page: Page) -> Answer<Paged<SearchHit>> {
    Ok(session.store().await?.search(&text, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_users(session: State<'_, Session>) -> Answer<Vec<User>> {
    Ok(session.store().await?.list_users().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_pipelines(session: State<'_, Session>) -> Answer<Vec<Pipeline>> {
    Ok(session.store().await?.list_pipelines().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_stages(session: State<'_, Session>, pipeline_id: Id) -> Answer<Vec<Stage>> {
    Ok(session.store().await?.list_stages(pipeline_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_loss_reasons(session: State<'_, Session>) -> Answer<Vec<LossReason>> {
    Ok(session.store().await?.list_loss_reasons().await?)
}

/// The users a record may be given to (owners, assignees): the active ones.
#[tauri::command]
#[specta::specta]
pub async fn active_users(session: State<'_, Session>) -> Answer<Vec<User>> {
    Ok(session.store().await?.active_users().await?)
}

/// The loss reasons a deal may be lost with: the ones the dictionary still offers.
#[tauri::command]
#[specta::specta]
pub async fn active_loss_reasons(session: State<'_, Session>) -> Answer<Vec<LossReason>> {
    Ok(session.store().await?.active_loss_reasons().await?)
}

/// Every time zone a user may choose (IANA names).
#[tauri::command]
#[specta::specta]
pub fn time_zones() -> Vec<String> {
    voronka_core::model::time_zones()
        .into_iter()
        .map(String::from)
        .collect()
}

/// Saves the signed-in user's language and time zone on their user record.
#[tauri::command]
#[specta::specta]
pub async fn set_my_preferences(session: State<'_, Session>, language: Language, time_zone: String) -> Answer<User> {
    let (store, me) = session.actor().await?;
    Ok(store.set_my_preferences(me, language, &time_zone).await?)
}

/// Saves the signed-in user's name, email and phone, at the version the form read.
#[tauri::command]
#[specta::specta]
pub async fn set_my_contacts(session: State<'_, Session>, version: i64, contacts: MyContactsInput) -> Answer<User> {
    let (store, me) = session.actor().await?;
    Ok(store.set_my_contacts(me, version, &contacts).await?)
}
