//! What a file may hold: past these an import is refused with a message that names the limit,
//! before it can fill the memory or run for an hour.

/// The largest file read: 100 MiB (about 500,000 rows of a typical client list as CSV).
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// The most data rows one import takes.
pub const MAX_ROWS: usize = 200_000;
/// The most columns a row may have.
pub const MAX_COLUMNS: usize = 200;
/// The most characters in one cell: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most bytes a spreadsheet's parts may unpack to (a zip bomb unpacks to terabytes).
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// The most one part may unpack to: a sheet, its shared strings, an ODS's content.
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// The most a part may grow when unpacked, for parts over 1 MiB: honest XML packs about
/// 10 to 30 times, a bomb thousands.
pub const MAX_PACK_RATIO: u64 = 200;

/// The refusal of a file over a limit, on the `file` field.
pub(crate) fn too_big(what: String) -> voronka_core::Error {
    voronka_core::Error::invalid("file", what)
}
