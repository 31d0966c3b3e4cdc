/// Why a workbook could not be written. The report's own mistakes (a cell that does not fit its
/// column, a total or chart over a column that is not there) are told apart from the file's.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("sheet «{sheet}» has no columns")]
    NoColumns { sheet: String },
    #[error("sheet «{sheet}»: column {column} does not exist, the sheet has {columns}")]
    NoSuchColumn {
        sheet: String,
        column: usize,
        columns: usize,
    },
    #[error("sheet «{sheet}», row {row}: {cells} cells for {columns} columns")]
    RowTooWide {
        sheet: String,
        row: u64,
        cells: usize,
        columns: usize,
    },
    #[error("sheet «{sheet}», row {row}, column «{column}»: {cell} does not fit a {kind} column")]
    CellDoesNotFit {
        sheet: String,
        row: u64,
        column: String,
        cell: &'static str,
        kind: &'static str,
    },
    #[error("sheet «{sheet}»: a {function} cannot be taken of the {kind} column «{column}»")]
    TotalDoesNotFit {
        sheet: String,
        column: String,
        function: &'static str,
        kind: &'static str,
    },
    #[error("sheet «{sheet}»: the chart cannot draw the {kind} column «{column}»")]
    ChartDoesNotFit {
        sheet: String,
        column: String,
        kind: &'static str,
    },
    #[error("sheet «{sheet}»: the chart has no value columns")]
    ChartWithoutValues { sheet: String },
    #[error("sheet «{sheet}» has more rows than an Excel sheet holds ({max})")]
    TooManyRows { sheet: String, max: u32 },
    #[error("sheet «{sheet}», row {row} could not be read: {source}")]
    Rows {
        sheet: String,
        row: u64,
        source: crate::RowError,
    },
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("saving the workbook: {0}")]
    Io(#[from] std::io::Error),
}
