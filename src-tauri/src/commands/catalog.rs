//! The product catalog: read by everyone, changed by the admin (the store refuses the others).

use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Product, ProductInput};
use voronka_store::{Page, Paged, ProductFilter};

#[tauri::command]
#[specta::specta]
pub async fn list_products(session: State<'_, Session>, filter: ProductFilter, page: Page) -> Answer<Paged<Product>> {
    Ok(session.store().await?.list_products(&filter, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_product(session: State<'_, Session>, input: ProductInput) -> Answer<Product> {
    let (store, me) = session.actor().await?;
    Ok(store.create_product(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_product(session: State<'_, Session>, id: Id, version: i64, input: ProductInput) -> Answer<Product> {
    let (store, me) = session.actor().await?;
    Ok(store.update_product(me, id, version, &input).await?)
}

/// Takes a product out of the catalog: old deal items keep it, new ones cannot have it.
#[tauri::command]
#[specta::specta]
pub async fn archive_product(session: State<'_, Session>, id: Id, version: i64) -> Answer<Product> {
    let (store, me) = session.actor().await?;
    Ok(store.delete::<Product>(me, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn restore_product(session: State<'_, Session>, id: Id, version: i64) -> Answer<Product> {
    let (store, me) = session.actor().await?;
    Ok(store.restore::<Product>(me, id, version).await?)
}
