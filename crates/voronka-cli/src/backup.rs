//! `backup` and `restore` of a local file. A team database is backed up on its server with
//! pg_dump (the README has the recipe).

use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};
use voronka_store::{Store, backups_folder, local_file};

fn database_file(url: &str) -> anyhow::Result<PathBuf> {
    local_file(url).with_context(|| {
        format!(
            "{} is not a local file: back a team database up on its server with pg_dump",
            voronka_store::redact(url)
        )
    })
}

/// Takes a consistent copy of the (possibly open) database into `dir` or the backups folder
/// beside it, keeping the seven newest, and prints the copy's path.
pub async fn back_up(url: &str, dir: Option<&Path>) -> anyhow::Result<()> {
    let file = database_file(url)?;
    let folder = dir.map(Path::to_path_buf).unwrap_or_else(|| backups_folder(&file));
    let store = Store::open(url).await?;
    let taken = store.back_up(&folder).await;
    store.close().await;
    let taken = taken?;
    writeln!(std::io::stdout().lock(), "{}\t{} bytes", taken.path, taken.bytes)?;
    Ok(())
}

/// Puts `from` in place of the database; the data it replaces is backed up first, and that
/// copy's path is printed. The app must be closed meanwhile.
pub async fn restore(url: &str, from: &Path) -> anyhow::Result<()> {
    let file = database_file(url)?;
    let safety = voronka_store::restore(&file, from).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "restored {} from {}", file.display(), from.display())?;
    if let Some(kept) = safety {
        writeln!(out, "the data it replaced is kept in {}", kept.path)?;
    }
    Ok(())
}
