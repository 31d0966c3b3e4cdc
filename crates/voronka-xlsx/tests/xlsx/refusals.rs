//! A report that does not hold together is refused with an error naming the sheet and the
//! column, never written as a broken file.

use voronka_xlsx::{Cell, ChartKind, ChartSpec, Column, Error, SheetData, Total};

use crate::fixture;

fn write(sheet: SheetData<'_>) -> Result<Vec<u8>, Error> {
    let mut workbook = fixture::workbook();
    workbook.sheets = vec![sheet];
    workbook.to_bytes()
}

fn two_columns<'a>(rows: Vec<Vec<Cell>>) -> SheetData<'a> {
    SheetData::new("Угоди", vec![Column::text("Назва"), Column::integer("Кількість")], rows)
}

#[test]
fn a_cell_of_another_kind_than_its_column_is_refused() {
    let err = write(two_columns(vec![
        vec![Cell::from("Перша"), Cell::Int(1)],
        vec![Cell::from("Друга"), Cell::from("два")],
    ]))
    .unwrap_err();
    match err {
        Error::CellDoesNotFit {
            sheet,
            row,
            column,
            kind,
            ..
        } => {
            assert_eq!(
                (sheet.as_str(), row, column.as_str(), kind),
                ("Угоди", 2, "Кількість", "integer")
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_number_that_is_not_finite_is_refused() {
    let sheet = SheetData::new(
        "Курси",
        vec![Column::number("Курс", 2)],
        vec![vec![Cell::Number(f64::NAN)]],
    );
    assert!(matches!(write(sheet), Err(Error::CellDoesNotFit { row: 1, .. })));
}

#[test]
fn a_row_wider_than_the_columns_is_refused_and_a_shorter_one_is_padded() {
    let err = write(two_columns(vec![vec![Cell::from("a"), Cell::Int(1), Cell::Int(2)]])).unwrap_err();
    assert!(
        matches!(
            err,
            Error::RowTooWide {
                row: 1,
                cells: 3,
                columns: 2,
                ..
            }
        ),
        "{err}"
    );
    assert!(write(two_columns(vec![vec![Cell::from("лише назва")]])).is_ok());
}

#[test]
fn totals_and_charts_must_name_columns_that_can_be_added_up_and_drawn() {
    let err = write(two_columns(vec![]).with_totals(vec![Total::sum(0)])).unwrap_err();
    assert!(matches!(err, Error::TotalDoesNotFit { function: "sum", .. }), "{err}");
    let err = write(two_columns(vec![]).with_totals(vec![Total::average(5)])).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NoSuchColumn {
                column: 5,
                columns: 2,
                ..
            }
        ),
        "{err}"
    );
    assert!(write(two_columns(vec![]).with_totals(vec![Total::count(0)])).is_ok());

    let chart = |category, values| ChartSpec {
        kind: ChartKind::Bar,
        title: "Угоди".into(),
        category,
        values,
    };
    let err = write(two_columns(vec![]).with_chart(chart(1, vec![0]))).unwrap_err();
    assert!(matches!(err, Error::ChartDoesNotFit { kind: "text", .. }), "{err}");
    let err = write(two_columns(vec![]).with_chart(chart(0, vec![]))).unwrap_err();
    assert!(matches!(err, Error::ChartWithoutValues { .. }), "{err}");
    let err = write(two_columns(vec![]).with_chart(chart(9, vec![1]))).unwrap_err();
    assert!(matches!(err, Error::NoSuchColumn { column: 9, .. }), "{err}");
}

#[test]
fn a_sheet_without_columns_is_refused() {
    let err = write(SheetData::new("Порожньо", vec![], Vec::new())).unwrap_err();
    assert!(matches!(err, Error::NoColumns { .. }), "{err}");
}

#[test]
fn the_rows_are_not_pulled_when_the_sheet_is_refused_up_front() {
    let pulled = std::cell::Cell::new(0);
    let rows = (0..10).map(|i| {
        pulled.set(pulled.get() + 1);
        vec![Cell::from("x"), Cell::Int(i)]
    });
    let sheet = SheetData::new("Угоди", vec![Column::text("Назва"), Column::integer("К-сть")], rows)
        .with_totals(vec![Total::sum(0)]);
    assert!(write(sheet).is_err());
    assert_eq!(pulled.get(), 0);
}

#[test]
fn a_row_source_failing_half_way_stops_the_export_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Угоди.xlsx");
    let rows = (1..=5).map(|i| {
        if i == 3 {
            Err(std::io::Error::other("the connection was lost"))
        } else {
            Ok(vec![Cell::from("угода"), Cell::Int(i)])
        }
    });
    let mut workbook = fixture::workbook();
    workbook.sheets = vec![SheetData::from_results(
        "Угоди",
        vec![Column::text("Назва"), Column::integer("Кількість")],
        rows,
    )];
    let err = workbook.save(&path).unwrap_err();
    match &err {
        Error::Rows { sheet, row, source } => {
            assert_eq!((sheet.as_str(), *row), ("Угоди", 3));
            assert_eq!(source.to_string(), "the connection was lost");
        }
        other => panic!("{other}"),
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_saved_file_replaces_an_older_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Звіт.xlsx");
    std::fs::write(&path, b"an older export").unwrap();
    fixture::workbook().save(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx is a zip file");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["Звіт.xlsx"]);
}

/// ABC/XYZ's clients streamed into a workbook: the matrix sheet is added up from the clients
/// that passed; a client the database could not send stops the export, and no file is left.
#[test]
fn a_streamed_report_writes_its_rows_and_a_failed_row_leaves_no_file() {
    use voronka_core::reports::{AbcXyzRow, Person, RankedClients, ReportExport};
    let id = |n: u128| voronka_core::Id::v7(chrono::DateTime::UNIX_EPOCH, n);
    let person = Person {
        id: id(0),
        name: "Олена".into(),
    };
    let client = |name: &str, revenue: i64, cumulative: i64| {
        AbcXyzRow::new(
            id(cumulative as u128),
            name.into(),
            person.clone(),
            revenue,
            cumulative,
            1_000,
            vec![revenue / 6; 6],
        )
    };
    let clients = [
        client("Дах", 800, 800),
        client("Вікно", 150, 950),
        client("Двері", 50, 1_000),
    ];
    let export = |rows: Vec<voronka_core::Result<AbcXyzRow>>| {
        ReportExport::AbcXyz(RankedClients {
            currency: "UAH".into(),
            months: (1..=6).map(|m| format!("2026-0{m}")).collect(),
            companies: Box::new(rows.into_iter()),
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("abc.xlsx");
    let mut book = fixture::workbook();
    book.sheets = voronka_xlsx::export_sheets(export(clients.iter().cloned().map(Ok).collect()));
    // Three clients and the nine pairs of the matrix.
    assert_eq!(book.save(&path).unwrap(), 12);
    use calamine::Reader;
    let mut read: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let matrix = read.worksheet_range("ABC × XYZ").unwrap();
    let pairs: Vec<(String, f64)> = matrix
        .rows()
        .skip(1)
        .map(|row| (row[0].to_string(), calamine::DataType::as_f64(&row[1]).unwrap()))
        .filter(|(_, companies)| *companies > 0.0)
        .collect();
    assert_eq!(
        pairs,
        [
            ("AX".to_string(), 1.0),
            ("BX".to_string(), 1.0),
            ("CX".to_string(), 1.0)
        ]
    );

    let failed = dir.path().join("failed.xlsx");
    let mut book = fixture::workbook();
    let rows = vec![
        Ok(clients[0].clone()),
        Err(voronka_core::Error::storage("the connection dropped")),
    ];
    book.sheets = voronka_xlsx::export_sheets(export(rows));
    let err = book.save(&failed).unwrap_err();
    assert!(
        matches!(&err, Error::Rows { row: 2, .. }) && err.to_string().contains("the connection dropped"),
        "{err}"
    );
    assert!(
        !failed.exists(),
        "no half-written workbook where the report was expected"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nor its part file");
}
