use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::fixture::{self, payments};

fn open(path: &std::path::Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).unwrap()
}

fn as_date_time(value: &Data) -> chrono::NaiveDateTime {
    match value {
        Data::DateTime(dt) => dt.as_datetime().unwrap(),
        other => panic!("{other:?} is not a date"),
    }
}

fn number(value: &Data) -> f64 {
    match value {
        Data::Float(x) => *x,
        Data::Int(n) => *n as f64,
        other => panic!("{other:?} is not a number"),
    }
}

fn close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[test]
fn sheets_are_named_for_the_report_and_valid_in_excel() {
    let (_dir, path) = fixture::written();
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        "Графік платежів 2026-11-22.xlsx"
    );
    let book = open(&path);
    assert_eq!(
        book.sheet_names(),
        ["Звіт", "Платежі", "Воронка", "План_факт_ листопад"]
    );
}

#[test]
fn cover_names_the_report_its_filters_time_and_author() {
    let (_dir, path) = fixture::written();
    let mut book = open(&path);
    let cover = book.worksheet_range("Звіт").unwrap();
    let text = |r: u32, c: u32| cover.get_value((r, c)).unwrap().to_string();
    assert_eq!(text(0, 0), "Графік платежів");
    assert_eq!(text(2, 0), "Звіт");
    assert_eq!(text(2, 1), "Графік платежів");
    assert_eq!(text(3, 0), "Сформовано");
    assert_eq!(
        as_date_time(cover.get_value((3, 1)).unwrap()),
        fixture::at(2026, 11, 22, 18, 27)
    );
    assert_eq!(text(3, 2), "Europe/Kyiv (UTC+02:00)");
    assert_eq!(text(4, 0), "Сформував");
    assert_eq!(text(4, 1), "Ірина Шевчук");
    assert_eq!(text(6, 0), "Фільтри");
    assert_eq!((text(7, 0), text(7, 1)), ("Менеджер".into(), "Олена Коваленко".into()));
    assert_eq!(
        (text(8, 0), text(8, 1)),
        ("Період".into(), "01.11.2026 – 30.11.2026".into())
    );
}

#[test]
fn data_rows_hold_typed_values_in_major_units_and_real_dates() {
    let (_dir, path) = fixture::written();
    let mut book = open(&path);
    let sheet = book.worksheet_range("Платежі").unwrap();
    let header: Vec<String> = (0..7).map(|c| sheet.get_value((0, c)).unwrap().to_string()).collect();
    assert_eq!(
        header,
        [
            "Клієнт",
            "Дата платежу",
            "Сума",
            "Сплачено",
            "Оплачено о",
            "Платежів",
            "Курс"
        ]
    );
    for (i, p) in payments().iter().enumerate() {
        let row = i as u32 + 1;
        let cell = |c: u32| sheet.get_value((row, c)).unwrap();
        assert_eq!(cell(0), &Data::String(p.client.into()));
        assert_eq!(as_date_time(cell(1)).date(), p.due);
        close(number(cell(2)), p.minor as f64 / 100.0);
        close(number(cell(3)), p.paid_share);
        match p.paid_at {
            Some(at) => assert_eq!(as_date_time(cell(4)), at),
            None => assert_eq!(cell(4), &Data::Empty),
        }
        close(number(cell(5)), p.count as f64);
        close(number(cell(6)), p.rate);
    }
    close(number(sheet.get_value((1, 2)).unwrap()), 1234.56);
}

#[test]
fn totals_are_formulas_over_the_data_carrying_their_values() {
    let (_dir, path) = fixture::written();
    let mut book = open(&path);
    let formulas = book.worksheet_formula("Платежі").unwrap();
    let values = book.worksheet_range("Платежі").unwrap();
    let ps = payments();
    let n = ps.len() as f64;
    let totals_row = ps.len() as u32 + 1;
    let formula = |c: u32| formulas.get_value((totals_row, c)).cloned().unwrap_or_default();
    let value = |c: u32| number(values.get_value((totals_row, c)).unwrap());

    assert_eq!(
        values.get_value((totals_row, 0)).unwrap(),
        &Data::String("Разом".into())
    );
    assert_eq!(formula(1), "COUNT(B2:B4)");
    close(value(1), n);
    assert_eq!(formula(2), "SUM(C2:C4)");
    close(value(2), ps.iter().map(|p| p.minor).sum::<i64>() as f64 / 100.0);
    close(value(2), 121_235.55);
    assert_eq!(formula(3), "AVERAGE(D2:D4)");
    close(value(3), ps.iter().map(|p| p.paid_share).sum::<f64>() / n);
    assert_eq!(formula(5), "SUM(F2:F4)");
    close(value(5), ps.iter().map(|p| p.count).sum::<i64>() as f64);
    assert_eq!(formula(6), "AVERAGE(G2:G4)");
    close(value(6), ps.iter().map(|p| p.rate).sum::<f64>() / n);
    assert_eq!(formula(4), "", "no total was asked for the payment time");

    let funnel_formulas = book.worksheet_formula("Воронка").unwrap();
    let funnel = book.worksheet_range("Воронка").unwrap();
    assert_eq!(funnel_formulas.get_value((4, 0)).unwrap(), "COUNTA(A2:A4)");
    close(number(funnel.get_value((4, 0)).unwrap()), 3.0);
    close(number(funnel.get_value((4, 1)).unwrap()), 72.0);
    close(number(funnel.get_value((4, 2)).unwrap()), 211_500.5);
}

#[test]
fn a_sheet_without_rows_keeps_its_header_and_writes_no_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.xlsx");
    let mut workbook = fixture::workbook();
    workbook.sheets = vec![
        voronka_xlsx::SheetData::new("Платежі", fixture::payment_columns(), Vec::new())
            .with_totals(vec![voronka_xlsx::Total::sum(2)]),
    ];
    workbook.save(&path).unwrap();
    let mut book = open(&path);
    let sheet = book.worksheet_range("Платежі").unwrap();
    assert_eq!(sheet.height(), 1);
    assert_eq!(sheet.get_value((0, 2)).unwrap(), &Data::String("Сума".into()));
}

#[test]
fn thousands_of_streamed_rows_arrive_whole_with_their_total() {
    let rows = 20_000_u32;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.xlsx");
    let mut workbook = fixture::workbook();
    workbook.sheets = vec![
        voronka_xlsx::SheetData::new(
            "Рядки",
            vec![
                voronka_xlsx::Column::integer("№"),
                voronka_xlsx::Column::money("Сума", voronka_xlsx::Currency::uah()),
            ],
            (1..=rows).map(|i| {
                vec![
                    voronka_xlsx::Cell::Int(i.into()),
                    voronka_xlsx::Cell::Money(i64::from(i) * 101),
                ]
            }),
        )
        .with_totals(vec![voronka_xlsx::Total::sum(1)]),
    ];
    let bytes = workbook.to_bytes().unwrap();
    std::fs::write(&path, bytes).unwrap();
    let mut book = open(&path);
    let sheet = book.worksheet_range("Рядки").unwrap();
    assert_eq!(sheet.height() as u32, rows + 2);
    close(number(sheet.get_value((rows, 0)).unwrap()), f64::from(rows));
    let want: i64 = (1..=i64::from(rows)).map(|i| i * 101).sum();
    close(number(sheet.get_value((rows + 1, 1)).unwrap()), want as f64 / 100.0);
    let formulas = book.worksheet_formula("Рядки").unwrap();
    assert_eq!(
        formulas.get_value((rows + 1, 1)).unwrap(),
        &format!("SUM(B2:B{})", rows + 1)
    );
}

#[test]
fn progress_is_told_while_the_rows_are_still_being_pulled() {
    use std::cell::Cell as Counter;
    use std::rc::Rc;
    let pulled = Rc::new(Counter::new(0_u64));
    let sheet = |name: &str, rows: u64| {
        let pulled = Rc::clone(&pulled);
        voronka_xlsx::SheetData::new(
            name,
            vec![voronka_xlsx::Column::integer("№")],
            (1..=rows).map(move |i| {
                pulled.set(pulled.get() + 1);
                vec![voronka_xlsx::Cell::Int(i as i64)]
            }),
        )
    };
    let mut workbook = fixture::workbook();
    workbook.sheets = vec![sheet("Перший", 2_500), sheet("Другий", 1_200)];
    let dir = tempfile::tempdir().unwrap();
    let mut told = Vec::new();
    let written = workbook
        .save_with_progress(dir.path().join("progress.xlsx"), |rows| told.push((rows, pulled.get())))
        .unwrap();
    assert_eq!(written, 3_700);
    // Counted across the sheets; at each count exactly that many rows had been pulled: none is
    // read ahead of the file.
    assert_eq!(told, [(1_000, 1_000), (2_000, 2_000), (3_500, 3_500)]);
}
