//! A file opened for import whatever its format: its header and then its rows, one at a time,
//! within the limits (rows, columns, cell size).

use crate::cell::Cell;
use crate::csv::{CsvRecords, detect_delimiter};
use crate::decode::{TextEncoding, TextStream, detect};
use crate::limits::{MAX_COLUMNS, MAX_ROWS};
use crate::sheet::{SheetRows, Workbook};
use crate::sniff::{Format, sniff, unreadable};
use serde::Serialize;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use voronka_core::{Error, Result};

/// An open file: what it is, its header, and its rows to read.
#[derive(Debug)]
pub struct RowSource {
    pub format: Format,
    /// A CSV's encoding and delimiter.
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<char>,
    /// The first row that has anything in it; a blank header cell is named by its column letter.
    pub header: Vec<String>,
    header_row: usize,
    inner: Inner,
}

#[derive(Debug)]
enum Inner {
    Csv {
        records: CsvRecords<BufReader<File>>,
        record: usize,
    },
    Book(Workbook),
}

/// Opens `path` and reads its header; `invalid [file]` for an empty file, one with no header,
/// or one past a limit.
pub fn open(path: &Path) -> Result<RowSource> {
    let format = sniff(path)?;
    let (mut inner, encoding, delimiter) = match format {
        Format::Csv => {
            let reopen = || File::open(path).map_err(|e| unreadable(path, &e));
            let encoding = detect(BufReader::new(reopen()?)).map_err(|e| unreadable(path, &e))?;
            let mut sample = String::new();
            let mut stream = TextStream::new(BufReader::new(reopen()?), encoding).map_err(|e| unreadable(path, &e))?;
            stream.fill(&mut sample).map_err(|e| unreadable(path, &e))?;
            let delimiter = detect_delimiter(&sample);
            let stream = TextStream::new(BufReader::new(reopen()?), encoding).map_err(|e| unreadable(path, &e))?;
            let records = CsvRecords::new(stream, delimiter);
            (Inner::Csv { records, record: 0 }, Some(encoding), Some(delimiter))
        }
        Format::Xlsx => (Inner::Book(crate::sheet::open_xlsx(path)?), None, None),
        Format::Xls => (Inner::Book(crate::sheet::open_xls(path)?), None, None),
        Format::Ods => (Inner::Book(crate::sheet::open_ods(path)?), None, None),
    };
    let (header_row, header) = {
        let mut rows = rows_of(&mut inner, 0, MAX_COLUMNS)?;
        loop {
            match rows.next_raw()? {
                None => return Err(Error::invalid("file", "the file has no rows: not even a header")),
                Some((_, cells)) if crate::rows::is_blank(&cells) => continue,
                Some((n, cells)) => break (n, cells),
            }
        }
    };
    let mut header: Vec<String> = header.iter().map(Cell::text).collect();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    for (i, h) in header.iter_mut().enumerate() {
        if h.is_empty() {
            *h = column_letter(i);
        }
    }
    Ok(RowSource {
        format,
        encoding,
        delimiter,
        header,
        header_row,
        inner,
    })
}

impl RowSource {
    /// The rows after the header.
    pub fn rows(&mut self) -> Result<Rows<'_>> {
        rows_of(&mut self.inner, self.header_row, self.header.len())
    }
}

fn rows_of(inner: &mut Inner, after: usize, width: usize) -> Result<Rows<'_>> {
    let kind = match inner {
        Inner::Csv { records, record } => RowsKind::Csv { records, record },
        Inner::Book(book) => RowsKind::Sheet(book.rows()?),
    };
    Ok(Rows {
        kind,
        after,
        width,
        given: 0,
    })
}

/// The data rows of a file, one at a time.
pub struct Rows<'a> {
    kind: RowsKind<'a>,
    after: usize,
    width: usize,
    given: usize,
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("given", &self.given)
            .finish_non_exhaustive()
    }
}

enum RowsKind<'a> {
    Csv {
        records: &'a mut CsvRecords<BufReader<File>>,
        record: &'a mut usize,
    },
    Sheet(SheetRows<'a>),
}

impl Rows<'_> {
    fn next_raw(&mut self) -> Result<Option<(usize, Vec<Cell>)>> {
        match &mut self.kind {
            RowsKind::Csv { records, record } => {
                let Some(fields) = records.next_record()? else {
                    return Ok(None);
                };
                **record += 1;
                let cells = fields
                    .into_iter()
                    .take(self.width)
                    .map(|f| if f.is_empty() { Cell::Empty } else { Cell::Text(f) })
                    .collect();
                Ok(Some((**record, cells)))
            }
            RowsKind::Sheet(rows) => rows.next_row(self.width),
        }
    }

    /// The next data row and its number in the file, its cells as wide as the header (a short
    /// row is padded with empty cells, a long one cut); `invalid [file]` past [`MAX_ROWS`].
    pub fn next_row(&mut self) -> Result<Option<(usize, Vec<Cell>)>> {
        loop {
            let Some((n, mut cells)) = self.next_raw()? else {
                return Ok(None);
            };
            if n <= self.after {
                continue;
            }
            self.given += 1;
            if self.given > MAX_ROWS {
                return Err(too_many_rows());
            }
            cells.resize(self.width, Cell::Empty);
            return Ok(Some((n, cells)));
        }
    }
}

pub(crate) fn too_many_rows() -> Error {
    Error::invalid(
        "file",
        format!("the file has more than {MAX_ROWS} rows; an import takes at most {MAX_ROWS} (split it into parts)"),
    )
}

/// A column's letter as spreadsheets show it: A, B, … Z, AA, AB, …
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What a wizard shows before the mapping: the file's kind, its header and its first rows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Inspection {
    pub format: Format,
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<char>,
    pub header: Vec<String>,
    pub sample: Vec<Vec<String>>,
}

/// Opens `path` and reads its header and up to `rows` of its first rows.
pub fn inspect(path: &Path, rows: usize) -> Result<Inspection> {
    let mut source = open(path)?;
    let mut sample = Vec::new();
    {
        let mut all = source.rows()?;
        while sample.len() < rows {
            match all.next_row()? {
                Some((_, cells)) if crate::rows::is_blank(&cells) => {}
                Some((_, cells)) => sample.push(cells.iter().map(Cell::text).collect()),
                None => break,
            }
        }
    }
    Ok(Inspection {
        format: source.format,
        encoding: source.encoding,
        delimiter: source.delimiter,
        header: source.header,
        sample,
    })
}
