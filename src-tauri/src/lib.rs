//! The desktop shell: opens the right database, hands the UI typed commands that each call one
//! use case of the store, and keeps the window's geometry. No rule of the sales process lives
//! here.

pub mod about;
pub mod bindings;
mod commands;
pub mod config;
mod desk;
pub mod dialogs;
mod keychain;
pub mod live_changes;
pub mod logging;
mod session;

pub use bindings::builder;
pub use commands::imports::ImportFiles;
pub use commands::reports::Exports;
pub use session::{AppInfo, Session, StartProblem, Startup};

use tauri::Manager;

/// The database a person asked for on the command line (`--db URL`) or in `VORONKA_DB`.
fn requested_database() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next();
        }
        if let Some(url) = arg.strip_prefix("--db=") {
            return Some(url.to_string());
        }
    }
    std::env::var("VORONKA_DB").ok().filter(|v| !v.is_empty())
}

/// `--version` (or `-V`) prints the version and quits before any window opens: an installer
/// check or a support call reads it from a terminal.
fn version_asked() -> bool {
    std::env::args().skip(1).any(|arg| arg == "--version" || arg == "-V")
}

pub fn run() {
    if version_asked() {
        println!("voronka {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let logs = logging::LogFiles::default_location();
    logging::init(&logs);
    tracing::info!("Voronka {} starts", env!("CARGO_PKG_VERSION"));
    let builder = bindings::builder::<tauri::Wry>();
    let session = Session::new(
        requested_database(),
        config::ConfigFile::default_location(),
        std::sync::Arc::new(keychain::Keychain),
    );
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            app.manage(dialogs::for_this_run(app.handle()));
            let session = app.state::<Session>().inner().clone();
            // A database that cannot be opened is the start-up screen's to show, not a reason
            // to quit: the session keeps the problem and the window offers the ways out.
            let _ = tauri::async_runtime::block_on(session.open_at_start());
            if let Some(window) = app.get_webview_window("main") {
                config::restore_geometry(&window, session.config());
            }
            desk::start(app.handle())?;
            Ok(())
        })
        .manage(session)
        .manage(logs)
        .manage(commands::reports::Exports::default())
        .manage(commands::imports::ImportFiles::default())
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { .. } = event {
                let session = window.state::<Session>();
                config::save_geometry(window, session.config());
            }
        })
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Voronka could not start: {e}");
            std::process::exit(1);
        })
        .run(|app, event| {
            // Closing the store lets SQLite fold its write-ahead log into the file: a copy of
            // the file made after the app quit then holds everything.
            if let tauri::RunEvent::Exit = event {
                tauri::async_runtime::block_on(app.state::<Session>().close());
            }
        });
}
