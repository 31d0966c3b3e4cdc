//! Workbooks written by voronka-xlsx and read back the way their readers will: with calamine,
//! by the XML parts inside the file, and by LibreOffice where it is installed (always on CI).

mod fixture;
mod libreoffice;
mod parts;
mod read_back;
mod refusals;
