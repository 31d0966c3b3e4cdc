//! Backups of a local file: a consistent copy taken while the app runs, the newest kept in the
//! data folder, and a restore that swaps a copy in only after it opened as a Voronka database.
//!
//! A plain copy of the file misses what is still in the write-ahead log (recent writes live
//! there until a checkpoint), so the copy is SQLite's own `VACUUM INTO`: one read transaction
//! that writes every page as it stands, WAL included, into a new file. A team database on
//! PostgreSQL is backed up on its server (pg_dump), where its roles and policies are.

use crate::Store;
use crate::error::DbResult;
use crate::open::Backend;
use crate::sqlite_file::SqliteUrl;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Executor;
use std::path::{Path, PathBuf};
use voronka_core::{Error, ErrorCode, Result};

/// How many backups the folder keeps: a week of daily ones.
pub const BACKUPS_KEPT: usize = 7;
/// A backup is taken when the newest is older than this.
pub const BACKUP_EVERY_HOURS: i64 = 24;

const PREFIX: &str = "voronka-";
const SUFFIX: &str = ".db";
/// The name sorts as the time; milliseconds keep a restore's safety copy apart from the backup
/// taken a moment before it.
const STAMP: &str = "%Y-%m-%d-%H%M%S-%3f";

/// One backup file in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Backup {
    /// The file's name in the folder (what a restore is asked for).
    pub name: String,
    pub path: String,
    /// When it was taken, from its name.
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
}

/// The local file a `sqlite:` URL names; `None` for PostgreSQL or an in-memory database.
pub fn local_file(url: &str) -> Option<PathBuf> {
    match Backend::of_url(url) {
        Ok(Backend::Sqlite) => SqliteUrl::parse(url).path,
        _ => None,
    }
}

/// The backups folder beside a local database file: `<data folder>/backups`.
pub fn backups_folder(db_file: &Path) -> PathBuf {
    db_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn team_database() -> Error {
    Error::new(
        ErrorCode::InvalidState,
        "a team database is backed up on its server with pg_dump (see the README), not from a desktop",
    )
    .on("backup")
}

impl Store {
    /// Takes a consistent copy of the open local database into `folder` (made if missing),
    /// then keeps only the [`BACKUPS_KEPT`] newest there. The copy is written under a
    /// temporary name and renamed when whole, so a crash never leaves a half backup listed.
    pub async fn back_up(&self, folder: &Path) -> Result<Backup> {
        if self.backend != Backend::Sqlite {
            return Err(team_database());
        }
        std::fs::create_dir_all(folder).map_err(|e| io("backup", folder, e))?;
        let mut taken_at = self.clock.now();
        let (name, path) = loop {
            let name = format!("{PREFIX}{}{SUFFIX}", taken_at.format(STAMP));
            let path = folder.join(&name);
            if !path.exists() {
                break (name, path);
            }
            taken_at += chrono::Duration::milliseconds(1);
        };
        let partial = folder.join(format!("{name}.partial"));
        let _ = std::fs::remove_file(&partial);
        let target = partial.to_string_lossy().replace('\'', "''");
        let mut conn = self.pool.acquire().await.db()?;
        conn.execute(format!("VACUUM INTO '{target}'").as_str()).await.db()?;
        drop(conn);
        std::fs::rename(&partial, &path).map_err(|e| io("backup", &path, e))?;
        prune(folder, BACKUPS_KEPT)?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Backup {
            name,
            path: path.to_string_lossy().into_owned(),
            taken_at,
            bytes,
        })
    }

    /// Backs up into `folder` when its newest backup is older than [`BACKUP_EVERY_HOURS`] (or
    /// there is none): the daily backup, checked by the desktop's scheduler.
    pub async fn back_up_if_due(&self, folder: &Path) -> Result<Option<Backup>> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        let newest = list_backups(folder)?.into_iter().next();
        let due = newest.is_none_or(|b| self.clock.now() - b.taken_at >= chrono::Duration::hours(BACKUP_EVERY_HOURS));
        if due {
            self.back_up(folder).await.map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The backups in `folder`, newest first (an absent folder has none).
pub fn list_backups(folder: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io("backup", folder, e)),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(taken_at) = taken_at(&name) else { continue };
        found.push(Backup {
            path: entry.path().to_string_lossy().into_owned(),
            bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
            name,
            taken_at,
        });
    }
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.name.cmp(&a.name)));
    Ok(found)
}

/// When a backup named by [`Store::back_up`] was taken; `None` for any other file.
fn taken_at(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP)
        .ok()
        .map(|t| Utc.from_utc_datetime(&t))
}

fn prune(folder: &Path, keep: usize) -> Result<()> {
    for old in list_backups(folder)?.into_iter().skip(keep) {
        std::fs::remove_file(&old.path).map_err(|e| io("backup", Path::new(&old.path), e))?;
    }
    Ok(())
}

/// Puts the backup `from` in place of the local database `db_file`, which nobody may have
/// open (the caller closed its store). The backup is first copied beside the database and
/// opened there (migrated when an older Voronka wrote it); a file that is not a Voronka
/// database, or one a newer Voronka wrote, is refused and nothing changes. The data being
/// replaced is first backed up itself, so a restore can be undone. Returns that safety copy.
pub async fn restore(db_file: &Path, from: &Path) -> Result<Option<Backup>> {
    if !from.is_file() {
        return Err(Error::new(ErrorCode::NotFound, format!("no backup at {}", from.display())).on("backup"));
    }
    let staged = db_file.with_extension("restoring");
    remove_database_files(&staged)?;
    std::fs::copy(from, &staged).map_err(|e| io("backup", &staged, e))?;
    let url = format!("sqlite:{}", staged.display());
    let opened = match Store::open(&url).await {
        Ok(store) => {
            store.close().await;
            Ok(())
        }
        Err(e) => Err(e),
    };
    if let Err(e) = opened {
        remove_database_files(&staged)?;
        return Err(Error::new(e.code, format!("{} cannot be restored: {}", from.display(), e.message)).on("backup"));
    }
    let safety = if db_file.is_file() {
        let current = Store::open(&format!("sqlite:{}", db_file.display())).await?;
        let copy = current.back_up(&backups_folder(db_file)).await;
        current.close().await;
        Some(copy?)
    } else {
        None
    };
    for suffix in ["-wal", "-shm"] {
        remove_file_if_there(&with_suffix(db_file, suffix))?;
    }
    std::fs::rename(&staged, db_file).map_err(|e| io("backup", db_file, e))?;
    remove_database_files(&staged)?;
    Ok(safety)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_database_files(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        remove_file_if_there(&with_suffix(path, suffix))?;
    }
    Ok(())
}

fn remove_file_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io("backup", path, e)),
    }
}

fn io(field: &str, path: &Path, e: std::io::Error) -> Error {
    let code = if e.kind() == std::io::ErrorKind::PermissionDenied {
        ErrorCode::ReadOnly
    } else {
        ErrorCode::Storage
    };
    Error::new(code, format!("{}: {e}", path.display())).on(field)
}
