use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Deal, DealInput, DealItem, DealItemInput, Payment, PaymentInput, StageSpell};
use voronka_store::{BoardColumn, DealFilter, MoveDeal, Page, Paged, SavedItem};

#[tauri::command]
#[specta::specta]
pub async fn board(session: State<'_, Session>, pipeline_id: Id, owner_id: Option<Id>) -> Answer<Vec<BoardColumn>> {
    Ok(session.store().await?.board(pipeline_id, owner_id, 100).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_deals(session: State<'_, Session>, filter: DealFilter, page: Page) -> Answer<Paged<Deal>> {
    Ok(session.store().await?.list_deals(&filter, page).await?)
}

#[tauri::command]
#[specta::specta]
/// A deal, deleted or not: a deleted deal's card says so and offers to restore it.
pub async fn get_deal(session: State<'_, Session>, id: Id) -> Answer<Deal> {
    Ok(session.store().await?.get_any(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_deal(session: State<'_, Session>, input: DealInput, stage_id: Option<Id>) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.create_deal(me, &input, stage_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_deal(session: State<'_, Session>, id: Id, version: i64, input: DealInput) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.update_deal(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn move_deal(session: State<'_, Session>, id: Id, version: i64, to: MoveDeal) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.move_deal(me, id, version, &to).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_deal(session: State<'_, Session>, id: Id, version: i64) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.delete(me, id, version).await?)
}

/// Brings a deleted deal back with the tasks and activities it took along.
#[tauri::command]
#[specta::specta]
pub async fn restore_deal(session: State<'_, Session>, id: Id, version: i64) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.restore(me, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn stage_history(session: State<'_, Session>, deal_id: Id) -> Answer<Vec<StageSpell>> {
    Ok(session.store().await?.stage_history(deal_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn deal_items(session: State<'_, Session>, deal_id: Id) -> Answer<Vec<DealItem>> {
    Ok(session.store().await?.deal_items(deal_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_deal_item(session: State<'_, Session>, input: DealItemInput) -> Answer<SavedItem> {
    let (store, me) = session.actor().await?;
    Ok(store.add_deal_item(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn deal_payments(session: State<'_, Session>, deal_id: Id) -> Answer<Vec<Payment>> {
    Ok(session.store().await?.deal_payments(deal_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_payment(session: State<'_, Session>, input: PaymentInput) -> Answer<Payment> {
    let (store, me) = session.actor().await?;
    Ok(store.create_payment(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn mark_payment_paid(session: State<'_, Session>, id: Id, version: i64) -> Answer<Payment> {
    let (store, me) = session.actor().await?;
    Ok(store.mark_payment_paid(me, id, version, None).await?)
}
