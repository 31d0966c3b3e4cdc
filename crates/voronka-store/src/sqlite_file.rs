//! What a `sqlite:` path holds, found out before SQLite touches it: a person who picked a text
//! file, a folder, a device or a read-only copy gets one clear error at once, and nothing is
//! created or written (SQLite would create the file, switch it to WAL and retry for seconds).

use std::io::Read;
use std::path::{Path, PathBuf};
use voronka_core::{Error, ErrorCode, Result};

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A `sqlite:` URL taken apart.
#[derive(Debug, Clone)]
pub(crate) struct SqliteUrl {
    /// The file, or `None` for an in-memory database.
    pub(crate) path: Option<PathBuf>,
    params: Option<String>,
}

impl SqliteUrl {
    pub(crate) fn parse(url: &str) -> SqliteUrl {
        let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
        let (path, params) = match rest.split_once('?') {
            Some((path, params)) => (path, Some(params.to_string())),
            None => (rest, None),
        };
        let in_memory = path.is_empty()
            || path == ":memory:"
            || params
                .as_deref()
                .is_some_and(|p| p.split('&').any(|kv| kv == "mode=memory"));
        SqliteUrl {
            path: (!in_memory).then(|| PathBuf::from(path)),
            params,
        }
    }

    /// The URL sqlx opens: `mode=rwc` only for a database still to be created, `mode=rw` for an
    /// existing file, so that a file removed meanwhile is not silently made anew (a `mode` the
    /// caller gave is kept).
    pub(crate) fn connect_url(&self, original: &str, is_new: bool) -> String {
        let has_mode = self
            .params
            .as_deref()
            .is_some_and(|p| p.split('&').any(|kv| kv.starts_with("mode=")));
        if has_mode || self.path.is_none() {
            return original.to_string();
        }
        let sep = if self.params.is_some() { '&' } else { '?' };
        let mode = if is_new { "rwc" } else { "rw" };
        format!("{original}{sep}mode={mode}")
    }
}

/// Whether the file is there already or the database is still to be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileState {
    /// No file, or an empty one: a new database.
    New,
    /// A file that looks like a whole SQLite database (whose tables are checked once it is open).
    Existing,
}

/// Checks the path before any connection: a folder, a device, a file that is not SQLite's or
/// is cut short, a missing folder and a read-only file or folder are refused here.
pub(crate) fn inspect(path: &Path) -> Result<FileState> {
    let shown = path.display();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound || e.kind() == std::io::ErrorKind::NotADirectory => {
            return match std::fs::metadata(&folder) {
                Ok(f) if f.is_dir() => {
                    refuse_read_only_folder(&folder, path)?;
                    Ok(FileState::New)
                }
                _ => Err(folder_missing(&folder)),
            };
        }
        Err(e) => return Err(Error::storage(format!("cannot read {shown}: {e}")).on("db")),
    };
    if meta.is_dir() {
        return Err(not_a_database(format!("{shown} is a folder, not a database file")));
    }
    if !meta.is_file() {
        return Err(not_a_database(format!(
            "{shown} is a device or a pipe, not a database file"
        )));
    }
    if meta.permissions().readonly() || std::fs::OpenOptions::new().write(true).open(path).is_err() {
        return Err(Error::new(
            ErrorCode::ReadOnly,
            format!("{shown} is read-only: Voronka writes to its database; allow writing to the file or pick another"),
        )
        .on("db"));
    }
    refuse_read_only_folder(&folder, path)?;
    if meta.len() == 0 {
        return Ok(FileState::New);
    }
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| Error::storage(format!("cannot read {shown}: {e}")).on("db"))?;
    if !header.starts_with(SQLITE_HEADER) {
        return Err(not_a_database(format!(
            "{shown} is not a Voronka database (not a SQLite file)"
        )));
    }
    if let Some(why) = damage(&header, meta.len()) {
        return Err(not_a_database(format!(
            "{shown} is not a whole Voronka database ({why}): restore it from a backup"
        )));
    }
    Ok(FileState::Existing)
}

/// Why a file with SQLite's header cannot be a whole database, if it cannot: its page size,
/// its length against that page size and against the page count its header records.
fn damage(header: &[u8], len: u64) -> Option<&'static str> {
    if header.len() < 100 {
        return Some("it is cut short");
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Some("its header is damaged");
    }
    if !len.is_multiple_of(page_size) {
        return Some("it is cut short");
    }
    // The page count is valid when the change counter matches "version valid for".
    let pages = u64::from(be32(28));
    if be32(24) == be32(92) && pages > 0 && len < pages * page_size {
        return Some("it is cut short");
    }
    None
}

/// SQLite keeps its `-wal` and `-shm` files beside the database, so the folder must take new
/// files even when the database is there already.
fn refuse_read_only_folder(folder: &Path, path: &Path) -> Result<()> {
    match std::fs::metadata(folder) {
        Ok(meta) if meta.permissions().readonly() => Err(Error::new(
            ErrorCode::ReadOnly,
            format!(
                "the folder {} is read-only: Voronka keeps {} and its journal there; allow writing to it or pick another folder",
                folder.display(),
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
            ),
        )
        .on("db")),
        _ => Ok(()),
    }
}

fn folder_missing(folder: &Path) -> Error {
    Error::new(
        ErrorCode::FolderMissing,
        format!(
            "the folder {} does not exist: create it or pick another place",
            folder.display()
        ),
    )
    .on("db")
}

fn not_a_database(message: String) -> Error {
    Error::new(ErrorCode::NotADatabase, message).on("db")
}

/// A SQLite error met while opening or migrating, in the same terms as [`inspect`]'s (the
/// file may have changed after it was checked, or SQLite found damage deeper in).
pub(crate) fn classify(e: &sqlx::Error, path: &Path) -> Option<Error> {
    let code = crate::error::sqlite_code(e)?;
    let shown = path.display();
    match code & 0xff {
        // SQLITE_NOTADB, SQLITE_CORRUPT
        26 | 11 => Some(not_a_database(format!(
            "{shown} is not a Voronka database (SQLite finds it damaged or foreign)"
        ))),
        // SQLITE_READONLY
        8 => Some(
            Error::new(
                ErrorCode::ReadOnly,
                format!("{shown} cannot be written: allow writing to the file and its folder or pick another"),
            )
            .on("db"),
        ),
        // SQLITE_CANTOPEN
        14 => Some(match path.parent().map(|p| p.is_dir()) {
            Some(false) => folder_missing(path.parent().unwrap_or(Path::new("."))),
            _ => Error::new(
                ErrorCode::ReadOnly,
                format!(
                    "{shown} cannot be opened for writing: allow writing to the file and its folder or pick another"
                ),
            )
            .on("db"),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_their_mode_and_memory_has_no_file() {
        let u = SqliteUrl::parse("sqlite:/tmp/a.db");
        assert_eq!(u.path.as_deref(), Some(Path::new("/tmp/a.db")));
        assert_eq!(u.connect_url("sqlite:/tmp/a.db", true), "sqlite:/tmp/a.db?mode=rwc");
        assert_eq!(u.connect_url("sqlite:/tmp/a.db", false), "sqlite:/tmp/a.db?mode=rw");
        let ro = SqliteUrl::parse("sqlite:///tmp/a.db?mode=ro");
        assert_eq!(
            ro.connect_url("sqlite:///tmp/a.db?mode=ro", true),
            "sqlite:///tmp/a.db?mode=ro"
        );
        assert!(SqliteUrl::parse("sqlite::memory:").path.is_none());
    }
}
