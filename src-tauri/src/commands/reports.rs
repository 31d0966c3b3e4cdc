use super::Answer;
use crate::dialogs::{Dialogs, FileRequest};
use crate::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::State;
use tauri::ipc::Channel;
use voronka_core::model::{Pipeline, User};
use voronka_core::reports::{ReportFilter, ReportName, ReportOptions, ReportView};
use voronka_core::{Error, ErrorCode};

#[tauri::command]
#[specta::specta]
pub async fn report(session: State<'_, Session>, name: ReportName, filter: ReportFilter) -> Answer<ReportView> {
    let store = session.store().await?;
    Ok(store.report(name, &filter, &ReportOptions::default()).await?.into())
}

/// A written workbook: where it is and how many rows its sheets hold.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct ExportedReport {
    pub path: String,
    pub rows: u64,
}

/// The files of this run's exports: where the save dialog said a report may be written (each
/// answer good for one export), and what was written (the only files the UI may ask to open).
#[derive(Debug, Default)]
pub struct Exports {
    chosen: Mutex<HashSet<PathBuf>>,
    written: Mutex<HashSet<PathBuf>>,
}

fn poisoned<T>(_: T) -> Error {
    Error::storage("the export list is poisoned")
}

/// Asks where to save a report's workbook; the answer is the only path `export_report` takes.
/// `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_export_path(
    dialogs: State<'_, Dialogs>,
    exports: State<'_, Exports>,
    title: String,
    file_name: String,
    filter_name: String,
) -> Answer<Option<String>> {
    let request = FileRequest {
        title,
        file_name: Some(file_name),
        filter: (filter_name, vec!["xlsx".into()]),
    };
    let Some(path) = dialogs.save(request).await? else {
        return Ok(None);
    };
    exports.chosen.lock().map_err(poisoned)?.insert(path.clone());
    Ok(Some(path.display().to_string()))
}

/// How many rows of an export are written so far, sent every thousand rows: a long export
/// (ABC/XYZ's clients) shows it on its button.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, specta::Type)]
pub struct ExportProgress {
    pub rows: u64,
}

/// Writes the report as an XLSX workbook to `path`, made by the signed-in user in their time
/// zone and language. `path` must be an answer of this run's save dialog
/// ([`choose_export_path`]); any other is refused before anything is read or written.
#[tauri::command]
#[specta::specta]
pub async fn export_report(
    session: State<'_, Session>,
    exports: State<'_, Exports>,
    name: ReportName,
    filter: ReportFilter,
    path: String,
    progress: Channel<ExportProgress>,
) -> Answer<ExportedReport> {
    let target = exports.take_chosen(&path)?;
    let (store, me) = session.actor().await?;
    let report = store.report_export(name, &filter, &ReportOptions::default()).await?;
    let pipeline = match filter.pipeline_id {
        Some(id) => Some(store.get::<Pipeline>(id).await?.data.name.as_str().to_string()),
        None => None,
    };
    let manager = match filter.manager_id {
        Some(id) => Some(store.get::<User>(id).await?.data.name.as_str().to_string()),
        None => None,
    };
    let made = authorship(&store, me).await?;
    // Pulling ABC/XYZ's clients waits for the database: the workbook is made where it is saved.
    let rows = exports
        .write(target, progress, move || {
            voronka_xlsx::report_workbook(report, &filter, pipeline, manager, made)
        })
        .await?;
    Ok(ExportedReport { path, rows })
}

/// Who made an export, when, in their zone and language: the cover sheet's lines.
pub(super) async fn authorship(
    store: &voronka_store::Store,
    me: voronka_core::Id,
) -> Result<voronka_xlsx::Authorship, Error> {
    let user: User = store.get(me).await?;
    Ok(voronka_xlsx::Authorship::by(&user, store.clock().now()))
}

impl Exports {
    /// `path` as this run's save dialog answered it, good for one export; any other path is
    /// refused before anything is read or written.
    pub(super) fn take_chosen(&self, path: &str) -> Result<PathBuf, Error> {
        let target = PathBuf::from(path);
        if !self.chosen.lock().map_err(poisoned)?.remove(&target) {
            return Err(Error::invalid(
                "path",
                format!("{path} was not chosen in the save dialog: a file is written only where the dialog said"),
            ));
        }
        Ok(target)
    }

    /// Writes the workbook `make` gives to `target`, off the async threads (writing is CPU and
    /// disk work, and pulling rows waits for the database), telling `progress` the rows written.
    /// The file is then one the UI may ask to open. Returns the rows written.
    pub(super) async fn write(
        &self,
        target: PathBuf,
        progress: Channel<ExportProgress>,
        make: impl FnOnce() -> voronka_xlsx::Workbook<'static> + Send + 'static,
    ) -> Result<u64, Error> {
        let written = target.clone();
        let rows = tokio::task::spawn_blocking(move || {
            // A lost progress message only leaves the count behind; the export goes on.
            make().save_with_progress(&written, |rows| drop(progress.send(ExportProgress { rows })))
        })
        .await
        .map_err(|e| Error::storage(format!("the export stopped: {e}")))?
        .map_err(|e| {
            Error::new(
                ErrorCode::Invalid,
                format!("{} could not be written: {e}", target.display()),
            )
            .on("path")
        })?;
        self.wrote(target)?;
        Ok(rows)
    }

    /// `target` was written by this run: the UI may ask to open it.
    pub(super) fn wrote(&self, target: PathBuf) -> Result<(), Error> {
        self.written.lock().map_err(poisoned)?.insert(target);
        Ok(())
    }
}

/// Opens a workbook this run exported in the program the OS uses for it.
#[tauri::command]
#[specta::specta]
pub async fn open_export(exports: State<'_, Exports>, path: String) -> Answer<()> {
    let known = exports
        .written
        .lock()
        .map_err(poisoned)?
        .contains(&PathBuf::from(&path));
    if !known {
        return Err(
            Error::new(ErrorCode::NotFound, "only a report exported here can be opened")
                .on("path")
                .into(),
        );
    }
    open::that_detached(&path).map_err(|e| Error::storage(format!("{path} could not be opened: {e}")))?;
    Ok(())
}
