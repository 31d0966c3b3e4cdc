//! Spreadsheets through calamine: an XLSX sheet streamed cell by cell (its shared strings are
//! the one part held whole), an XLS or ODS sheet read whole (those formats cap their size:
//! XLS at 65,536 rows, ODS by the unpacked size the zip check allows). The first worksheet is
//! read; a formula cell gives the value the spreadsheet saved with it, never evaluated here.

use crate::cell::Cell;
use crate::limits::MAX_ROWS;
use calamine::{Data, Range, Reader};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use voronka_core::{Error, Result};

pub(crate) type Xlsx = calamine::Xlsx<BufReader<File>>;

/// A workbook open on its first worksheet.
pub(crate) enum Workbook {
    Xlsx {
        book: Box<Xlsx>,
        sheet: String,
    },
    /// A sheet read whole, and the index of the next row to give.
    Whole {
        range: Range<Data>,
        next: usize,
    },
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Workbook::Xlsx { .. } => "Workbook::Xlsx",
            Workbook::Whole { .. } => "Workbook::Whole",
        })
    }
}

fn broken(e: impl std::fmt::Display) -> Error {
    Error::invalid("file", format!("the spreadsheet cannot be read: {e}"))
}

fn first_sheet(names: Vec<String>) -> Result<String> {
    names
        .into_iter()
        .next()
        .ok_or_else(|| Error::invalid("file", "the workbook has no sheets"))
}

pub(crate) fn open_xlsx(path: &Path) -> Result<Workbook> {
    let file = File::open(path).map_err(|e| crate::sniff::unreadable(path, &e))?;
    let book: Xlsx = calamine::Xlsx::new(BufReader::new(file)).map_err(broken)?;
    let sheet = first_sheet(book.sheet_names())?;
    Ok(Workbook::Xlsx {
        book: Box::new(book),
        sheet,
    })
}

pub(crate) fn open_xls(path: &Path) -> Result<Workbook> {
    let file = File::open(path).map_err(|e| crate::sniff::unreadable(path, &e))?;
    let mut book = calamine::Xls::new(BufReader::new(file)).map_err(broken)?;
    let sheet = first_sheet(book.sheet_names())?;
    whole(book.worksheet_range(&sheet).map_err(broken)?)
}

pub(crate) fn open_ods(path: &Path) -> Result<Workbook> {
    let file = File::open(path).map_err(|e| crate::sniff::unreadable(path, &e))?;
    let mut book = calamine::Ods::new(BufReader::new(file)).map_err(broken)?;
    let sheet = first_sheet(book.sheet_names())?;
    whole(book.worksheet_range(&sheet).map_err(broken)?)
}

fn whole(range: Range<Data>) -> Result<Workbook> {
    if range.height() > MAX_ROWS + 1 {
        return Err(crate::source::too_many_rows());
    }
    Ok(Workbook::Whole { range, next: 0 })
}

type NextCell<'a> = dyn FnMut() -> Result<Option<(u32, u32, Cell)>> + Send + 'a;

/// Rows of an open workbook, each with its number as the spreadsheet shows it.
pub(crate) enum SheetRows<'a> {
    Xlsx {
        /// The sheet's next cell (calamine does not name its cell reader's type).
        cells: Box<NextCell<'a>>,
        pending: Option<(u32, u32, Cell)>,
        /// The sheet has ended: its reader may not be asked again.
        done: bool,
    },
    Whole {
        range: &'a Range<Data>,
        next: &'a mut usize,
    },
}

impl Workbook {
    pub(crate) fn rows(&mut self) -> Result<SheetRows<'_>> {
        match self {
            Workbook::Xlsx { book, sheet } => {
                let mut reader = book.worksheet_cells_reader(sheet).map_err(broken)?;
                let next = move || {
                    Ok(reader.next_cell().map_err(broken)?.map(|c| {
                        let (r, col) = c.get_position();
                        (r, col, Cell::from(c.get_value().clone()))
                    }))
                };
                Ok(SheetRows::Xlsx {
                    cells: Box::new(next),
                    pending: None,
                    done: false,
                })
            }
            Workbook::Whole { range, next } => Ok(SheetRows::Whole { range, next }),
        }
    }
}

impl SheetRows<'_> {
    /// The next row that has a cell, its cells up to `width` columns (more are dropped).
    pub(crate) fn next_row(&mut self, width: usize) -> Result<Option<(usize, Vec<Cell>)>> {
        match self {
            SheetRows::Xlsx { cells, pending, done } => {
                let mut row: Option<(u32, Vec<Cell>)> = None;
                loop {
                    let next = match pending.take() {
                        Some(p) => Some(p),
                        None if *done => None,
                        None => cells()?,
                    };
                    let Some((r, col, value)) = next else {
                        *done = true;
                        return Ok(row.map(|(r, cells)| (r as usize + 1, cells)));
                    };
                    match &mut row {
                        Some((current, _)) if *current != r => {
                            *pending = Some((r, col, value));
                            return Ok(row.map(|(r, cells)| (r as usize + 1, cells)));
                        }
                        Some(_) => {}
                        None => row = Some((r, Vec::new())),
                    }
                    let col = col as usize;
                    if col < width && !matches!(value, Cell::Empty) {
                        let Some((_, cells)) = &mut row else { continue };
                        if cells.len() <= col {
                            cells.resize(col + 1, Cell::Empty);
                        }
                        cells[col] = value;
                    }
                }
            }
            SheetRows::Whole { range, next } => {
                let Some((top, left)) = range.start() else {
                    return Ok(None);
                };
                let Some(row) = range.rows().nth(**next) else {
                    return Ok(None);
                };
                let number = top as usize + **next + 1;
                **next += 1;
                let mut cells = vec![Cell::Empty; left as usize];
                cells.extend(
                    row.iter()
                        .take(width.saturating_sub(left as usize))
                        .cloned()
                        .map(Cell::from),
                );
                Ok(Some((number, cells)))
            }
        }
    }
}
