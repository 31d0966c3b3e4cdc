//! A deal's items and payments beyond adding them: their totals as the core counts them,
//! edits, removals, cancellations.

use super::Answer;
use crate::session::Session;
use chrono::NaiveDate;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Deal, DealItemInput, Payment, PaymentInput};
use voronka_store::{DealLines, SavedItem};

#[tauri::command]
#[specta::specta]
pub async fn deal_lines(session: State<'_, Session>, deal_id: Id) -> Answer<DealLines> {
    Ok(session.store().await?.deal_lines(deal_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_deal_item(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    input: DealItemInput,
) -> Answer<SavedItem> {
    let (store, me) = session.actor().await?;
    Ok(store.update_deal_item(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_deal_item(session: State<'_, Session>, id: Id, version: i64) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.remove_deal_item(me, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_amount_from_items(session: State<'_, Session>, deal_id: Id, version: i64, on: bool) -> Answer<Deal> {
    let (store, me) = session.actor().await?;
    Ok(store.set_amount_from_items(me, deal_id, version, on).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_payment(session: State<'_, Session>, id: Id, version: i64, input: PaymentInput) -> Answer<Payment> {
    let (store, me) = session.actor().await?;
    Ok(store.update_payment(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_payment(session: State<'_, Session>, id: Id, version: i64) -> Answer<Payment> {
    let (store, me) = session.actor().await?;
    Ok(store.cancel_payment(me, id, version).await?)
}

/// Marks a planned payment paid on the day chosen (today when none is).
#[tauri::command]
#[specta::specta]
pub async fn mark_payment_paid_on(
    session: State<'_, Session>,
    id: Id,
    version: i64,
    paid_on: Option<NaiveDate>,
) -> Answer<Payment> {
    let (store, me) = session.actor().await?;
    Ok(match paid_on {
        Some(day) => store.mark_payment_paid_on(me, id, version, day).await?,
        None => store.mark_payment_paid(me, id, version, None).await?,
    })
}
