use std::path::Path;

use rust_xlsxwriter::{DocProperties, Workbook as XlsxWorkbook};

use crate::cover::{self, Cover};
use crate::{Error, SheetNames, Workbook, data_sheet};

impl Workbook<'_> {
    /// Writes the workbook to `path`, pulling each sheet's rows once, in order.
    pub fn save(self, path: impl AsRef<Path>) -> Result<(), Error> {
        let mut book = self.build()?;
        book.save(path)?;
        Ok(())
    }

    /// The workbook as the bytes of an .xlsx file.
    pub fn to_bytes(self) -> Result<Vec<u8>, Error> {
        let mut book = self.build()?;
        Ok(book.save_to_buffer()?)
    }

    fn build(self) -> Result<XlsxWorkbook, Error> {
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
        for sheet in sheets {
            let name = names.claim(&sheet.name);
            data_sheet::write(&mut book, sheet, &name, &locale)?;
        }
        Ok(book)
    }
}
