use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Task, TaskInput};
use voronka_store::{Completed, Page, Paged, TaskFilter};

#[tauri::command]
#[specta::specta]
pub async fn list_tasks(session: State<'_, Session>, filter: TaskFilter, page: Page) -> Answer<Paged<Task>> {
    Ok(session.store().await?.list_tasks(&filter, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_task(session: State<'_, Session>, input: TaskInput) -> Answer<Task> {
    let (store, me) = session.actor().await?;
    Ok(store.create_task(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_task(session: State<'_, Session>, id: Id, version: i64, input: TaskInput) -> Answer<Task> {
    let (store, me) = session.actor().await?;
    Ok(store.update_task(me, id, version, &input).await?)
}

/// Completes a task and creates its next one in one transaction. Rule 3 is the store's (a
/// result that says nothing comes back as `result_not_meaningful`), so is rule 2 (the last open
/// task of an open deal needs `next`, refused on `next`).
#[tauri::command]
#[specta::specta]
pub async fn complete_task(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    result: String,
    next: Option<TaskInput>,
) -> Answer<Completed> {
    let (store, me) = session.actor().await?;
    Ok(store
        .complete_task_with_next(me, id, version, &result, next.as_ref())
        .await?)
}
