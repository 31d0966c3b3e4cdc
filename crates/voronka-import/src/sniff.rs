//! What a file is, from its first bytes: a zip is an XLSX or an ODS (by what it holds), an OLE
//! compound file is an old Excel XLS, anything else is read as text (CSV). The extension is
//! not asked: a CSV saved as `.xlsx` or an XLSX renamed `.csv` is read as what it is.

use serde::Serialize;
use std::io::Read;
use std::path::Path;
use voronka_core::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Csv => "csv",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The file's format; `invalid [file]` for a missing, empty or oversized file and for a zip
/// that is neither a workbook nor a spreadsheet.
pub fn sniff(path: &Path) -> Result<Format> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(Error::invalid("file", format!("{} is not a file", path.display())));
    }
    if meta.len() == 0 {
        return Err(Error::invalid("file", "the file is empty"));
    }
    if meta.len() > crate::limits::MAX_FILE_BYTES {
        return Err(crate::limits::too_big(format!(
            "the file is {} MiB; an import takes files up to {} MiB (split it into parts)",
            meta.len() / (1024 * 1024),
            crate::limits::MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let mut head = [0u8; 8];
    let mut file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let n = read_up_to(&mut file, &mut head).map_err(|e| unreadable(path, &e))?;
    let head = &head[..n];
    if head.starts_with(OLE) {
        return Ok(Format::Xls);
    }
    if head.starts_with(ZIP) {
        return crate::zip_guard::zip_format(path);
    }
    Ok(Format::Csv)
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

pub(crate) fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Error::invalid("file", format!("cannot read {}: {e}", path.display()))
}
