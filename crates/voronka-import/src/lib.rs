//! Reading clients from a spreadsheet or CSV file, with no database: which format the file
//! really is (its bytes, not its name), which encoding and delimiter a CSV has, which column
//! holds which field (suggested from the header in Ukrainian, Russian or English), and each
//! row turned into validated records or the errors that refuse it.
//!
//! The store (`voronka-store`, `Store::import_file`) writes what this crate reads, in one
//! transaction. Everything here streams row by row within [`limits`], so a hostile file gets a
//! clear error instead of the machine's memory.

pub mod cell;
pub mod csv;
pub mod decode;
pub mod fields;
pub mod limits;
pub mod mapping;
pub mod refused;
pub mod rows;
pub mod sheet;
pub mod sniff;
pub mod source;
pub mod suggest;
mod values;
mod zip_guard;

pub use cell::Cell;
pub use fields::{Field, ImportKind};
pub use mapping::Mapping;
pub use rows::{ParsedRow, RowRecords};
pub use sniff::Format;
pub use source::{Inspection, RowSource, inspect, open};

#[cfg(test)]
mod hostile_tests;
