//! Documents kept with a deal or a company: a file attached from the open dialog, listed, saved
//! through the save dialog, opened in the OS's program for it, deleted. The window never names
//! a path: the shell reads and writes only what the person picked in a dialog of this run.

use super::Answer;
use crate::dialogs::{Dialogs, FileRequest};
use crate::session::Session;
use std::path::Path;
use tauri::State;
use voronka_core::model::{AttachmentInput, Document, DocumentOf, check_file_size};
use voronka_core::{Error, ErrorCode, Id};
use voronka_store::{KeptFile, ListedDocument};

/// Asks for a file in the open dialog and attaches it to the record; `None` when the person
/// cancels. A file over the limit is refused by its size before it is read.
#[tauri::command]
#[specta::specta]
pub async fn attach_document(
    session: State<'_, Session>,
    dialogs: State<'_, Dialogs>,
    of: DocumentOf,
    title: String,
    filter_name: String,
) -> Answer<Option<Document>> {
    let request = FileRequest {
        title,
        file_name: None,
        // Any kind of file: a contract, a scan, a price list.
        filter: (filter_name, vec![]),
    };
    let Some(path) = dialogs.open(request).await? else {
        return Ok(None);
    };
    let unreadable = |e: std::io::Error| Error::invalid("file", format!("{} could not be read: {e}", path.display()));
    check_file_size(std::fs::metadata(&path).map_err(unreadable)?.len())?;
    let content = std::fs::read(&path).map_err(unreadable)?;
    let input = AttachmentInput {
        of,
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        content,
    };
    let (store, me) = session.actor().await?;
    Ok(Some(store.attach_document(me, &input).await?))
}

/// A deal's or a company's documents, without their bytes.
#[tauri::command]
#[specta::specta]
pub async fn list_documents(session: State<'_, Session>, of: DocumentOf) -> Answer<Vec<ListedDocument>> {
    let (store, me) = session.actor().await?;
    Ok(store.documents_of(me, of).await?)
}

/// Writes a kept document where the save dialog says, under its own name by default; returns
/// the path written, `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_document(
    session: State<'_, Session>,
    dialogs: State<'_, Dialogs>,
    document_id: Id,
    title: String,
    filter_name: String,
) -> Answer<Option<String>> {
    let (store, me) = session.actor().await?;
    let file = store.kept_file(me, document_id).await?;
    let name = safe_name(&file);
    let extension = Path::new(&name)
        .extension()
        .map(|e| vec![e.to_string_lossy().into_owned()])
        .unwrap_or_default();
    let request = FileRequest {
        title,
        file_name: Some(name),
        filter: (filter_name, extension),
    };
    let Some(path) = dialogs.save(request).await? else {
        return Ok(None);
    };
    write(&path, &file.content)?;
    Ok(Some(path.display().to_string()))
}

/// Writes a kept document to the user's cache folder and opens it in the program the OS uses
/// for it. Returns where the file was written.
#[tauri::command]
#[specta::specta]
pub async fn open_document(session: State<'_, Session>, document_id: Id) -> Answer<String> {
    let (store, me) = session.actor().await?;
    let file = store.kept_file(me, document_id).await?;
    let dir = dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("Voronka")
        .join("documents")
        .join(document_id.to_string());
    let path = dir.join(safe_name(&file));
    std::fs::create_dir_all(&dir).map_err(|e| not_written(&dir, e))?;
    write(&path, &file.content)?;
    open::that_detached(&path).map_err(|e| Error::storage(format!("{} could not be opened: {e}", path.display())))?;
    Ok(path.display().to_string())
}

/// Deletes a document at the version read (restorable from the audit of its record).
#[tauri::command]
#[specta::specta]
pub async fn delete_document(session: State<'_, Session>, id: Id, version: i64) -> Answer<Document> {
    let (store, me) = session.actor().await?;
    Ok(store.delete::<Document>(me, id, version).await?)
}

/// The document's own name, without anything that would leave the folder it is written to.
fn safe_name(file: &KeptFile) -> String {
    let name: String = file
        .name
        .chars()
        .map(|c| if matches!(c, '/' | '\\' | ':' | '\0') { '_' } else { c })
        .collect();
    name.trim_start_matches('.').to_string()
}

fn write(path: &Path, content: &[u8]) -> Result<(), Error> {
    std::fs::write(path, content).map_err(|e| not_written(path, e))
}

fn not_written(path: &Path, e: std::io::Error) -> Error {
    Error::new(
        ErrorCode::Storage,
        format!("{} could not be written: {e}", path.display()),
    )
}
