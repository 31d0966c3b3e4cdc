//! The app's own settings file (never a password): the team connection, who the user is in each
//! database, and the window's last geometry.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;
use voronka_core::Id;
use voronka_core::connection::TeamConnection;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The team database in use; `None` means the local file.
    #[serde(default)]
    pub team: Option<TeamConnection>,
    /// The signed-in user of each database, keyed by its redacted URL.
    #[serde(default)]
    pub users: BTreeMap<String, Id>,
    #[serde(default)]
    pub window: Option<Geometry>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Geometry {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub maximized: bool,
}

/// `settings.json` in the OS config folder, read once and written on every change.
#[derive(Debug)]
pub struct ConfigFile {
    path: Option<PathBuf>,
    settings: Mutex<Settings>,
}

impl ConfigFile {
    pub fn default_location() -> ConfigFile {
        let path = std::env::var_os("VORONKA_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("Voronka")));
        ConfigFile::at(path.map(|dir| dir.join("settings.json")))
    }

    /// A file at `path`, or memory only when `None`.
    pub fn at(path: Option<PathBuf>) -> ConfigFile {
        let settings = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        ConfigFile {
            path,
            settings: Mutex::new(settings),
        }
    }

    pub fn get(&self) -> Settings {
        self.settings.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let mut settings = self.settings.lock().unwrap_or_else(|e| e.into_inner());
        change(&mut settings);
        if let Some(path) = &self.path {
            let written = path
                .parent()
                .map(std::fs::create_dir_all)
                .unwrap_or(Ok(()))
                .and_then(|_| std::fs::write(path, serde_json::to_vec_pretty(&*settings).unwrap_or_default()));
            if let Err(e) = written {
                tracing::warn!("cannot save settings to {}: {e}", path.display());
            }
        }
    }
}

pub fn restore_geometry(window: &tauri::WebviewWindow, config: &ConfigFile) {
    let Some(g) = config.get().window else { return };
    let _ = window.set_size(tauri::PhysicalSize::new(g.width.max(960), g.height.max(600)));
    let _ = window.set_position(tauri::PhysicalPosition::new(g.x, g.y));
    if g.maximized {
        let _ = window.maximize();
    }
}

pub fn save_geometry(window: &tauri::Window, config: &ConfigFile) {
    let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else {
        return;
    };
    let maximized = window.is_maximized().unwrap_or(false);
    config.update(|s| {
        s.window = Some(Geometry {
            x: pos.x,
            y: pos.y,
            width: size.width,
            height: size.height,
            maximized,
        })
    });
}
