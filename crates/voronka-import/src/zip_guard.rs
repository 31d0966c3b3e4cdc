//! A zip is looked into before any reader unpacks it: which spreadsheet it holds, and whether
//! its parts would unpack to more than [`MAX_UNPACKED_BYTES`] or grow suspiciously (a zip bomb
//! renamed `.xlsx` unpacks a few kilobytes into gigabytes of XML).

use crate::limits::{MAX_PACK_RATIO, MAX_PART_BYTES, MAX_UNPACKED_BYTES, too_big};
use crate::sniff::{Format, unreadable};
use std::path::Path;
use voronka_core::{Error, Result};

/// What the zip at `path` is; `invalid [file]` when it is another kind of zip, broken, or a bomb.
pub(crate) fn zip_format(path: &Path) -> Result<Format> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| Error::invalid("file", format!("the file looks like a zip but cannot be opened: {e}")))?;
    let (mut xlsx, mut ods, mut total) = (false, false, 0u64);
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| Error::invalid("file", format!("a part of the zip cannot be read: {e}")))?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if size > 1024 * 1024 && size / packed.max(1) > MAX_PACK_RATIO {
            return Err(bomb(format!(
                "its part {} packs {} MiB into {} KiB",
                entry.name(),
                size / (1024 * 1024),
                packed / 1024
            )));
        }
        if size > MAX_PART_BYTES {
            return Err(bomb(format!(
                "its part {} unpacks to {} MiB, more than the {} MiB a part may",
                entry.name(),
                size / (1024 * 1024),
                MAX_PART_BYTES / (1024 * 1024)
            )));
        }
        match entry.name() {
            "xl/workbook.xml" | "xl/workbook.bin" => xlsx = true,
            "content.xml" => ods = true,
            _ => {}
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(bomb(format!("its parts unpack to {} MiB", total / (1024 * 1024))));
    }
    match (xlsx, ods) {
        (true, _) => Ok(Format::Xlsx),
        (false, true) => Ok(Format::Ods),
        _ => Err(Error::invalid(
            "file",
            "the file is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet",
        )),
    }
}

fn bomb(why: String) -> Error {
    too_big(format!(
        "the spreadsheet is refused as a possible zip bomb: {why} (an import unpacks at most {} MiB)",
        MAX_UNPACKED_BYTES / (1024 * 1024)
    ))
}
