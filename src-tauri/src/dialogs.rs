//! The OS file dialogs, asked by the shell and never by the window: a path the shell writes to
//! or opens is one the person chose in a dialog of this run, whatever the window sends. Behind a
//! port, so the command tests answer with a path of their own.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use voronka_core::{Error, Result};

/// What a dialog shows: its title, the file name it suggests and the kind of file it lists.
#[derive(Debug, Clone)]
pub struct FileRequest {
    pub title: String,
    pub file_name: Option<String>,
    /// The filter's name ("Excel workbook") and its extensions without the dot; none for any
    /// file.
    pub filter: (String, Vec<String>),
}

/// Asks the person for a file; `None` when they cancel. Blocks until they answer.
pub trait FilePicker: Send + Sync + fmt::Debug {
    /// Where to save a new file.
    fn save(&self, request: &FileRequest) -> Option<PathBuf>;
    /// Which existing file to open.
    fn open(&self, request: &FileRequest) -> Option<PathBuf>;
}

/// The app's dialogs, as Tauri state.
#[derive(Debug, Clone)]
pub struct Dialogs(Arc<dyn FilePicker>);

impl Dialogs {
    pub fn new(picker: impl FilePicker + 'static) -> Dialogs {
        Dialogs(Arc::new(picker))
    }

    /// The save dialog, off the async threads while it is open.
    pub async fn save(&self, request: FileRequest) -> Result<Option<PathBuf>> {
        let picker = self.0.clone();
        tokio::task::spawn_blocking(move || picker.save(&request))
            .await
            .map_err(|e| Error::storage(format!("the save dialog failed: {e}")))
    }

    /// The open dialog, off the async threads while it is open.
    pub async fn open(&self, request: FileRequest) -> Result<Option<PathBuf>> {
        let picker = self.0.clone();
        tokio::task::spawn_blocking(move || picker.open(&request))
            .await
            .map_err(|e| Error::storage(format!("the open dialog failed: {e}")))
    }
}

/// The native dialogs of the OS, over the main window.
pub struct NativeDialogs<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> fmt::Debug for NativeDialogs<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NativeDialogs")
    }
}

impl<R: Runtime> NativeDialogs<R> {
    fn builder(&self, request: &FileRequest) -> tauri_plugin_dialog::FileDialogBuilder<R> {
        let (name, extensions) = &request.filter;
        let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
        let mut builder = self.0.dialog().file().set_title(&request.title);
        // No extensions: any file may be picked.
        if !extensions.is_empty() {
            builder = builder.add_filter(name, &extensions);
        }
        if let Some(file_name) = &request.file_name {
            builder = builder.set_file_name(file_name);
        }
        if let Some(window) = self.0.get_webview_window("main") {
            builder = builder.set_parent(&window);
        }
        builder
    }
}

impl<R: Runtime> FilePicker for NativeDialogs<R> {
    fn save(&self, request: &FileRequest) -> Option<PathBuf> {
        self.builder(request).blocking_save_file()?.into_path().ok()
    }

    fn open(&self, request: &FileRequest) -> Option<PathBuf> {
        self.builder(request).blocking_pick_file()?.into_path().ok()
    }
}

/// The dialogs the app runs with: the native ones, except in a debug build started with
/// `VORONKA_DIALOG_ANSWERS`, whose file answers them instead (the end-to-end tests drive the
/// real window under Xvfb, where nobody can click in a native dialog). A release build always
/// asks the person.
pub fn for_this_run<R: Runtime>(app: &AppHandle<R>) -> Dialogs {
    answered_from_file().unwrap_or_else(|| Dialogs::new(NativeDialogs(app.clone())))
}

#[cfg(debug_assertions)]
fn answered_from_file() -> Option<Dialogs> {
    std::env::var_os("VORONKA_DIALOG_ANSWERS").map(|file| Dialogs::new(AnswersFile(PathBuf::from(file))))
}

#[cfg(not(debug_assertions))]
fn answered_from_file() -> Option<Dialogs> {
    None
}

/// Dialogs answered by a file's lines, first line first, each taken out once used; an empty
/// line, or no line, is a cancelled dialog.
#[cfg(debug_assertions)]
#[derive(Debug)]
struct AnswersFile(PathBuf);

#[cfg(debug_assertions)]
impl AnswersFile {
    fn next(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(&self.0).ok()?;
        let mut lines = text.lines();
        let answer = lines.next()?.trim().to_string();
        let rest: String = lines.map(|l| format!("{l}\n")).collect();
        // An answer that stays in the file would answer the next dialog too.
        std::fs::write(&self.0, rest).ok()?;
        (!answer.is_empty()).then(|| PathBuf::from(answer))
    }
}

#[cfg(debug_assertions)]
impl FilePicker for AnswersFile {
    fn save(&self, _: &FileRequest) -> Option<PathBuf> {
        self.next()
    }

    fn open(&self, _: &FileRequest) -> Option<PathBuf> {
        self.next()
    }
}
