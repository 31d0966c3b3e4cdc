use std::path::Path;

use rust_xlsxwriter::{DocProperties, Workbook as XlsxWorkbook};

use crate::cover::{self, Cover};
use crate::{Error, SheetNames, Workbook, data_sheet};

/// How many rows a workbook writes between two reports of its progress.
pub(crate) const PROGRESS_EVERY: u64 = 1_000;

impl Workbook<'_> {
    /// Writes the workbook to `path`, pulling each sheet's rows once, in order, and returns how
    /// many rows of data its sheets hold. The file appears whole or not at all: it is written
    /// beside `path` and renamed into place, so a failed export never leaves a broken file where
    /// the person expects their report.
    pub fn save(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        self.save_with_progress(path, |_| {})
    }

    /// As [`Workbook::save`], telling `progress` how many rows of data are written so far:
    /// every 1,000 rows, while a long sheet is read and written.
    pub fn save_with_progress(self, path: impl AsRef<Path>, mut progress: impl FnMut(u64)) -> Result<u64, Error> {
        let path = path.as_ref();
        let (mut book, rows) = self.build(&mut progress)?;
        // A sibling, so the rename stays on one file system; created like any file, so the
        // report gets the usual permissions rather than a private temporary file's.
        let mut part = path.as_os_str().to_owned();
        part.push(".part");
        let part = std::path::PathBuf::from(part);
        let saved = book
            .save(&part)
            .map_err(Error::from)
            .and_then(|()| std::fs::rename(&part, path).map_err(Error::from));
        if saved.is_err() {
            // Best effort: the error that matters is the one being returned.
            let _ = std::fs::remove_file(&part);
        }
        saved?;
        Ok(rows)
    }

    /// The workbook as the bytes of an .xlsx file.
    pub fn to_bytes(self) -> Result<Vec<u8>, Error> {
        let (mut book, _) = self.build(&mut |_| {})?;
        Ok(book.save_to_buffer()?)
    }

    fn build(self, progress: &mut dyn FnMut(u64)) -> Result<(XlsxWorkbook, u64), Error> {
        let Workbook {
            title,
            filters,
            generated_at,
            time_zone,
            generated_by,
            sheets,
            locale,
        } = self;
        let mut book = XlsxWorkbook::new();
        // Compressing the sheet XML is most of the time a large export takes; level 3 halves it
        // against the default 6 for a file about a sixth larger.
        book.set_zip_compression_level(3);
        book.set_properties(&DocProperties::new().set_title(&title).set_author(&generated_by));
        let mut names = SheetNames::new();
        let cover_name = names.claim(&locale.cover_sheet);
        let cover = Cover {
            title: &title,
            filters: &filters,
            generated_at,
            time_zone: &time_zone,
            generated_by: &generated_by,
        };
        cover::write(&mut book, &cover, &cover_name, &locale)?;
        let mut rows = 0;
        for sheet in sheets {
            let name = names.claim(&sheet.name);
            rows += data_sheet::write(&mut book, sheet, &name, &locale, &mut |written| {
                progress(rows + written)
            })?;
        }
        Ok((book, rows))
    }
}
