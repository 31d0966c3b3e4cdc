//! Settings → Pipelines, Dictionaries and Process: what the admin sets the department up with.
//! Each command converts its arguments and calls one use case of the store as the signed-in
//! user; who may do what is the store's to say.

use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{
    DealInput, DictionaryEntry, DictionaryEntryInput, DictionaryKind, LossReason, LossReasonInput, Pipeline,
    PipelineInput, ProcessSettings, ProcessSettingsInput, Stage, StageInput,
};
use voronka_store::InOrder;

#[tauri::command]
#[specta::specta]
pub async fn create_pipeline(session: State<'_, Session>, input: PipelineInput) -> Answer<Pipeline> {
    let (store, me) = session.actor().await?;
    Ok(store.create_pipeline(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_pipeline(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    input: PipelineInput,
) -> Answer<Pipeline> {
    let (store, me) = session.actor().await?;
    Ok(store.update_pipeline(me, id, version, &input).await?)
}

/// Archives a pipeline (or brings it back): it takes no new deals, its old ones stay.
#[tauri::command]
#[specta::specta]
pub async fn set_pipeline_archived(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    archived: bool,
) -> Answer<Pipeline> {
    let (store, me) = session.actor().await?;
    Ok(store.set_pipeline_archived(me, id, version, archived).await?)
}

/// A new stage at `input.position` of its pipeline.
#[tauri::command]
#[specta::specta]
pub async fn create_stage(session: State<'_, Session>, input: StageInput) -> Answer<Stage> {
    let (store, me) = session.actor().await?;
    Ok(store.create_stage(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_stage(session: State<'_, Session>, id: Id, version: i64, input: StageInput) -> Answer<Stage> {
    let (store, me) = session.actor().await?;
    Ok(store.update_stage(me, id, version, &input).await?)
}

/// The pipeline's stages in a new order (dragged), each at the version it was read.
#[tauri::command]
#[specta::specta]
pub async fn reorder_stages(session: State<'_, Session>, pipeline_id: Id, order: Vec<InOrder>) -> Answer<Vec<Stage>> {
    let (store, me) = session.actor().await?;
    Ok(store.reorder_stages(me, pipeline_id, &order).await?)
}

/// Archives a stage; the deals it holds move to `move_to` with their history.
#[tauri::command]
#[specta::specta]
pub async fn archive_stage(session: State<'_, Session>, id: Id, version: i64, move_to: Option<Id>) -> Answer<Stage> {
    let (store, me) = session.actor().await?;
    Ok(store.archive_stage(me, id, version, move_to).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn unarchive_stage(session: State<'_, Session>, id: Id, version: i64) -> Answer<Stage> {
    let (store, me) = session.actor().await?;
    Ok(store.unarchive_stage(me, id, version).await?)
}

/// Every entry of every dictionary, retired ones included (old records show them).
#[tauri::command]
#[specta::specta]
pub async fn dictionaries(session: State<'_, Session>) -> Answer<Vec<DictionaryEntry>> {
    Ok(session.store().await?.dictionaries().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_dictionary_entry(
    session: State<'_, Session>,
    dictionary: DictionaryKind,
    input: DictionaryEntryInput,
) -> Answer<DictionaryEntry> {
    let (store, me) = session.actor().await?;
    Ok(store.create_dictionary_entry(me, dictionary, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_dictionary_entry(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    input: DictionaryEntryInput,
) -> Answer<DictionaryEntry> {
    let (store, me) = session.actor().await?;
    Ok(store.update_dictionary_entry(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_dictionary(
    session: State<'_, Session>,
    dictionary: DictionaryKind,
    order: Vec<InOrder>,
) -> Answer<Vec<DictionaryEntry>> {
    let (store, me) = session.actor().await?;
    Ok(store.reorder_dictionary(me, dictionary, &order).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_loss_reason(session: State<'_, Session>, input: LossReasonInput) -> Answer<LossReason> {
    let (store, me) = session.actor().await?;
    Ok(store.create_loss_reason(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_loss_reason(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    input: LossReasonInput,
) -> Answer<LossReason> {
    let (store, me) = session.actor().await?;
    Ok(store.update_loss_reason(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reorder_loss_reasons(session: State<'_, Session>, order: Vec<InOrder>) -> Answer<Vec<LossReason>> {
    let (store, me) = session.actor().await?;
    Ok(store.reorder_loss_reasons(me, &order).await?)
}

/// The process settings as saved, or the defaults (version 0) until the admin saves them.
#[tauri::command]
#[specta::specta]
pub async fn process_settings(session: State<'_, Session>) -> Answer<ProcessSettings> {
    Ok(session.store().await?.process_settings().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_process_settings(
    session: State<'_, Session>,
    version: i64,
    input: ProcessSettingsInput,
) -> Answer<ProcessSettings> {
    let (store, me) = session.actor().await?;
    Ok(store.save_process_settings(me, version, &input).await?)
}

/// The title a deal made from `input` would get (its own, or the template's): the deal form's
/// preview.
#[tauri::command]
#[specta::specta]
pub async fn deal_title_preview(session: State<'_, Session>, input: DealInput) -> Answer<String> {
    let (store, me) = session.actor().await?;
    Ok(store.deal_title_preview(me, &input).await?)
}
