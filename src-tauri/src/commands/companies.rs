use super::Answer;
use crate::session::Session;
use tauri::State;
use voronka_core::Id;
use voronka_core::model::{Activity, ActivityInput, AuditEntry, Company, CompanyInput, Contact, ContactInput};
use voronka_store::{CompanyFilter, ContactFilter, Page, Paged, TimelineOf};

#[tauri::command]
#[specta::specta]
pub async fn list_companies(session: State<'_, Session>, filter: CompanyFilter, page: Page) -> Answer<Paged<Company>> {
    Ok(session.store().await?.list_companies(&filter, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_company(session: State<'_, Session>, id: Id) -> Answer<Company> {
    Ok(session.store().await?.get(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_company(session: State<'_, Session>, input: CompanyInput) -> Answer<Company> {
    let (store, me) = session.actor().await?;
    Ok(store.create_company(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_company(session: State<'_, Session>, id: Id, version: i64, input: CompanyInput) -> Answer<Company> {
    let (store, me) = session.actor().await?;
    Ok(store.update_company(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_company(session: State<'_, Session>, id: Id, version: i64) -> Answer<Company> {
    let (store, me) = session.actor().await?;
    Ok(store.delete(me, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn restore_company(session: State<'_, Session>, id: Id, version: i64) -> Answer<Company> {
    let (store, me) = session.actor().await?;
    Ok(store.restore(me, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn company_duplicates(
    session: State<'_, Session>,
    input: CompanyInput,
    except: Option<Id>,
) -> Answer<Vec<Company>> {
    let (store, me) = session.actor().await?;
    Ok(store.company_duplicates(me, &input, except).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn contact_duplicates(
    session: State<'_, Session>,
    input: ContactInput,
    except: Option<Id>,
) -> Answer<Vec<Contact>> {
    let (store, me) = session.actor().await?;
    Ok(store.contact_duplicates(me, &input, except).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn list_contacts(session: State<'_, Session>, filter: ContactFilter, page: Page) -> Answer<Paged<Contact>> {
    Ok(session.store().await?.list_contacts(&filter, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_contact(session: State<'_, Session>, id: Id) -> Answer<Contact> {
    Ok(session.store().await?.get(id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_contact(session: State<'_, Session>, input: ContactInput) -> Answer<Contact> {
    let (store, me) = session.actor().await?;
    Ok(store.create_contact(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_contact(session: State<'_, Session>, id: Id, version: i64, input: ContactInput) -> Answer<Contact> {
    let (store, me) = session.actor().await?;
    Ok(store.update_contact(me, id, version, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn log_activity(session: State<'_, Session>, input: ActivityInput) -> Answer<Activity> {
    let (store, me) = session.actor().await?;
    Ok(store.log_activity(me, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn timeline(session: State<'_, Session>, of: TimelineOf, page: Page) -> Answer<Paged<Activity>> {
    Ok(session.store().await?.timeline(of, page).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn audit_history(session: State<'_, Session>, entity_id: Id, page: Page) -> Answer<Paged<AuditEntry>> {
    Ok(session.store().await?.audit_history(entity_id, page).await?)
}
