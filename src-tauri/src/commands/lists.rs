//! A list exported as the person sees it: its filters, order and columns, into an XLSX
//! workbook where the save dialog said.

use super::Answer;
use super::reports::{ExportProgress, ExportedReport, Exports, authorship};
use crate::session::Session;
use serde::Deserialize;
use tauri::State;
use tauri::ipc::Channel;
use voronka_core::lists::ListColumn;
use voronka_store::ListQuery;

/// What the list's screen shows: the list with its filter, the columns (keys and the headings
/// shown), the screen's title and its filters as it names them, for the cover sheet.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ListExportRequest {
    pub query: ListQuery,
    pub columns: Vec<ListColumn>,
    pub title: String,
    pub filters: Vec<ShownFilter>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ShownFilter {
    pub label: String,
    pub value: String,
}

/// Writes the list to `path`, an answer of this run's save dialog. A manager's export holds
/// her own records.
#[tauri::command]
#[specta::specta]
pub async fn export_list(
    session: State<'_, Session>,
    exports: State<'_, Exports>,
    request: ListExportRequest,
    path: String,
    progress: Channel<ExportProgress>,
) -> Answer<ExportedReport> {
    let target = exports.take_chosen(&path)?;
    let (store, me) = session.actor().await?;
    let list = store.list_export(me, &request.query, &request.columns).await?;
    let made = authorship(&store, me).await?;
    let (title, filters) = (
        request.title,
        request
            .filters
            .into_iter()
            .map(|f| voronka_xlsx::Filter::new(f.label, f.value))
            .collect(),
    );
    let rows = exports
        .write(target, progress, move || {
            voronka_xlsx::list_workbook(list, title, filters, made)
        })
        .await?;
    Ok(ExportedReport { path, rows })
}
