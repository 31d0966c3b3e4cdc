//! The import wizard: the file picked in the open dialog, what it holds and the mapping to start
//! from, a dry run's preview, the import itself with its progress and a cancel, and the refused
//! rows saved as a workbook. The rules (mapping, duplicates, owners, rights) are the store's.

use super::Answer;
use super::reports::Exports;
use crate::dialogs::{Dialogs, FileRequest};
use crate::session::Session;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::State;
use tauri::ipc::Channel;
use voronka_core::Error;
use voronka_import::refused::{RefusedRow, RefusedTitles};
use voronka_import::source::column_letter;
use voronka_import::{Field, ImportKind};
use voronka_store::{DuplicatePolicy, ImportInspection, ImportProgress, ImportReport, ImportRequest, Owners};

/// How many of the file's first rows the mapping step and the preview show.
const SHOWN_ROWS: usize = 20;

/// The files this run's open dialog gave for importing (the only ones the commands read), and
/// the cancel of the import under way.
#[derive(Debug, Default)]
pub struct ImportFiles {
    chosen: Mutex<HashSet<PathBuf>>,
    cancel: AtomicBool,
}

fn poisoned<T>(_: T) -> Error {
    Error::storage("the list of import files is poisoned")
}

impl ImportFiles {
    /// `path` if the open dialog of this run gave it; refused on `path` otherwise, before the
    /// file is read.
    fn chosen(&self, path: &str) -> Result<PathBuf, Error> {
        let path = PathBuf::from(path);
        if !self.chosen.lock().map_err(poisoned)?.contains(&path) {
            return Err(Error::invalid(
                "path",
                format!(
                    "{} was not picked in the open dialog: a file is imported only from there",
                    path.display()
                ),
            ));
        }
        Ok(path)
    }
}

/// The person's choices in the wizard: each column's field (by position, `None` leaves it
/// out), what becomes of duplicates, and who owns what is made.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ImportChoices {
    pub kind: ImportKind,
    pub columns: Vec<Option<Field>>,
    pub duplicates: DuplicatePolicy,
    pub owners: Owners,
}

impl ImportChoices {
    /// The store's request. Columns are named by their letters, so two columns with the same
    /// header are still told apart.
    fn request(self, dry_run: bool) -> ImportRequest {
        let mut request = ImportRequest::new(self.kind);
        request.map = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, f)| (column_letter(i), f.map_or("-", Field::as_str).to_string()))
            .collect();
        request.duplicates = self.duplicates;
        request.owners = self.owners;
        request.dry_run = dry_run;
        request.preview_rows = SHOWN_ROWS;
        request
    }
}

/// Asks for the file to import; `None` when the person cancels. The answer is the only path the
/// other import commands read.
#[tauri::command]
#[specta::specta]
pub async fn choose_import_file(
    dialogs: State<'_, Dialogs>,
    files: State<'_, ImportFiles>,
    title: String,
    filter_name: String,
) -> Answer<Option<String>> {
    let request = FileRequest {
        title,
        file_name: None,
        filter: (
            filter_name,
            ["xlsx", "xls", "ods", "csv", "txt"].map(String::from).to_vec(),
        ),
    };
    let Some(path) = dialogs.open(request).await? else {
        return Ok(None);
    };
    files.chosen.lock().map_err(poisoned)?.insert(path.clone());
    Ok(Some(path.display().to_string()))
}

/// The file's format, header and first rows, and the mapping the signed-in user starts from.
#[tauri::command]
#[specta::specta]
pub async fn import_inspect(
    session: State<'_, Session>,
    files: State<'_, ImportFiles>,
    path: String,
    kind: ImportKind,
) -> Answer<ImportInspection> {
    let path = files.chosen(&path)?;
    let (store, me) = session.actor().await?;
    Ok(store.import_inspect(me, &path, kind, SHOWN_ROWS).await?)
}

/// A dry run: everything the import would do, rolled back; its totals and its first rows with
/// their errors.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    session: State<'_, Session>,
    files: State<'_, ImportFiles>,
    path: String,
    choices: ImportChoices,
) -> Answer<ImportReport> {
    let path = files.chosen(&path)?;
    let (store, me) = session.actor().await?;
    let request = choices.request(true);
    Ok(store
        .import_file(me, &path, &request, &mut |_| ControlFlow::Continue(()))
        .await?)
}

/// Imports the file in one transaction, telling `progress` after every batch; a
/// [`cancel_import`] stops it with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn import_run(
    session: State<'_, Session>,
    files: State<'_, ImportFiles>,
    path: String,
    choices: ImportChoices,
    progress: Channel<ImportProgress>,
) -> Answer<ImportReport> {
    let path = files.chosen(&path)?;
    let (store, me) = session.actor().await?;
    let request = choices.request(false);
    files.cancel.store(false, Ordering::SeqCst);
    let cancel = &files.cancel;
    let mut told = |p: ImportProgress| {
        // A lost progress message only leaves the bar behind; the import goes on.
        let _ = progress.send(p);
        if cancel.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    Ok(store.import_file(me, &path, &request, &mut told).await?)
}

/// Stops the import under way at its next batch; it then writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(files: State<'_, ImportFiles>) -> Answer<()> {
    files.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Writes the refused rows under the file's `header`, with the row and reason columns titled
/// in the person's language, to `path`: an answer of this run's save dialog
/// (`choose_export_path`). The file may then be opened with `open_export`.
#[tauri::command]
#[specta::specta]
pub async fn save_refused(
    exports: State<'_, Exports>,
    path: String,
    header: Vec<String>,
    titles: RefusedTitles,
    rows: Vec<RefusedRow>,
) -> Answer<()> {
    let target = exports.take_chosen(&path)?;
    let written = target.clone();
    tokio::task::spawn_blocking(move || voronka_import::refused::write(&written, &header, &titles, &rows))
        .await
        .map_err(|e| Error::storage(format!("saving the refused rows stopped: {e}")))??;
    exports.wrote(target)?;
    Ok(())
}
