use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Task, TaskInput, TaskReschedule};
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

/// Changes an open task; moving an overdue one needs `reschedule_reason`, kept with the move.
/// Giving it to someone else follows the rights (the head to anyone, a manager to herself).
#[tauri::command]
#[specta::specta]
pub async fn edit_task(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    input: TaskInput,
    reschedule_reason: Option<String>,
) -> Answer<Task> {
    let (store, me) = session.actor().await?;
    Ok(store
        .edit_task(me, id, version, &input, reschedule_reason.as_deref())
        .await?)
}

/// Deletes a task (restorable); the last open task of an open deal stays by rule 2.
#[tauri::command]
#[specta::specta]
pub async fn delete_task(session: State<'_, Session>, id: Id, version: i64) -> Answer<Task> {
    let (store, me) = session.actor().await?;
    Ok(store.delete_task(me, id, version).await?)
}

/// Why a task's overdue due times were moved, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn task_reschedules(session: State<'_, Session>, task_id: Id) -> Answer<Vec<TaskReschedule>> {
    Ok(session.store().await?.task_reschedules(task_id).await?)
}
