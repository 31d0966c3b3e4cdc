//! The plans grid: managers × months, read by everyone their rights let, set by the head and
//! the admin a block of cells at a time.

use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::model::{Plan, PlanCell};
use voronka_store::PlansSaved;

/// The plans of the months `from` to `to` ("YYYY-MM", both included).
#[tauri::command]
#[specta::specta]
pub async fn plans_between(session: State<'_, Session>, from: String, to: String) -> Answer<Vec<Plan>> {
    Ok(session.store().await?.plans_between(&from, &to).await?)
}

/// Saves the grid's changed cells in one transaction, each at the version it was read.
#[tauri::command]
#[specta::specta]
pub async fn save_plans(session: State<'_, Session>, cells: Vec<PlanCell>) -> Answer<PlansSaved> {
    let (store, me) = session.actor().await?;
    Ok(store.save_plans(me, &cells).await?)
}
