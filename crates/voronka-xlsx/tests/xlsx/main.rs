//! Workbooks written by voronka-xlsx and read back the way their readers will: with calamine,
//! by the XML parts inside the file, and by LibreOffice where it is installed (always on CI).
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test, with its location")]

mod fixture;
mod libreoffice;
mod parts;
mod read_back;
mod refusals;
