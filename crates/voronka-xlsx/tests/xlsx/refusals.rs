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
