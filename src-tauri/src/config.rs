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
    /// The signed-in user of each database, keyed by [`database_key`] (never a password).
    #[serde(default)]
    pub users: BTreeMap<String, Id>,
    /// The local file picked on the start-up screen instead of the default one.
    #[serde(default)]
    pub local_file: Option<String>,
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
        let mut settings: Settings = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        // Older versions keyed users by the whole URL, which could hold a password
        // (`?password=`): the keys are rewritten, and the file with them on the next change.
        settings.users = std::mem::take(&mut settings.users)
            .into_iter()
            .map(|(url, user)| (database_key(&url), user))
            .collect();
        ConfigFile {
            path,
            settings: Mutex::new(settings),
        }
    }

    /// The settings file, `None` when the settings live in memory only.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
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

/// What names a database in the settings and on screen: a SQLite file's path, or a PostgreSQL
/// server's user, host, port and database. No password and no query parameter (where
/// `password=`, `sslpassword=` or a certificate's key could be) ever gets in.
pub fn database_key(url: &str) -> String {
    if let Some(path) = url.strip_prefix("sqlite:") {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        return format!("sqlite:{path}");
    }
    let Ok(parsed) = url::Url::parse(url) else {
        // Not a URL the driver could open either; its scheme is all that is safe to show.
        let scheme = url.split(':').next().unwrap_or_default();
        return format!("{scheme}://…");
    };
    let param = |name: &str| {
        parsed
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let user = match parsed.username() {
        "" => param("user").unwrap_or_default(),
        user => user.to_string(),
    };
    let database = match parsed.path().trim_start_matches('/') {
        "" => param("dbname").unwrap_or_default(),
        db => db.to_string(),
    };
    let host = parsed.host_str().unwrap_or_default();
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let at = if user.is_empty() { "" } else { "@" };
    format!("{}://{user}{at}{host}{port}/{database}", parsed.scheme())
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

#[cfg(test)]
mod tests {
    use super::database_key;

    #[test]
    fn a_database_key_never_holds_a_password() {
        let secret = "Zq9-xV7-team-secret";
        for url in [
            format!("postgres://olena:{secret}@db.voronka.ua:5432/crm?sslmode=require"),
            format!("postgres://olena@db.voronka.ua:5432/crm?password={secret}&sslmode=require"),
            format!("postgres://db.voronka.ua:5432/crm?user=olena&password={secret}"),
            format!("postgresql://olena:{secret}@db.voronka.ua:5432/crm"),
            format!("postgres://olena:{secret}@db.voronka.ua:5432/crm?sslpassword={secret}"),
        ] {
            let key = database_key(&url);
            assert!(!key.contains(secret), "{key}");
            assert!(key.contains("olena@db.voronka.ua:5432/crm"), "{key}");
            assert_eq!(database_key(&key), key, "a key is its own key");
        }
        assert_eq!(
            database_key("sqlite:/home/olena/voronka.db?mode=rwc"),
            "sqlite:/home/olena/voronka.db"
        );
        assert!(!database_key(&format!("postgres://olena:{secret}@[bad")).contains(secret));
    }
}
