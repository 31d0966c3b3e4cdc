//! Hostile and awkward files, each made here: an empty file, a header alone, ragged rows, a
//! zip bomb named `.xlsx`, contents under the wrong extension, formulas, dates in every form,
//! files past the limits. Each opens to a clear error or reads right, without a panic.

use crate::cell::Cell;
use crate::fields::ImportKind;
use crate::mapping::Mapping;
use crate::rows::parse_row;
use crate::sniff::Format;
use crate::source::open;
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Formula, Workbook};
use std::io::Write;
use std::path::PathBuf;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn all_rows(path: &std::path::Path) -> (Vec<String>, Vec<(usize, Vec<Cell>)>) {
    let mut source = open(path).unwrap();
    let mut rows = vec![];
    {
        let mut it = source.rows().unwrap();
        while let Some(r) = it.next_row().unwrap() {
            rows.push(r);
        }
    }
    (source.header, rows)
}

fn refusal(path: &std::path::Path) -> String {
    let err = open(path).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("file"), "{err}");
    err.message
}

#[test]
fn an_empty_file_and_blank_lines_have_no_header() {
    let dir = tempfile::tempdir().unwrap();
    assert!(refusal(&file(&dir, "empty.csv", b"")).contains("empty"));
    assert!(refusal(&file(&dir, "blank.csv", b"\n ; \n\n")).contains("no rows"));
}

#[test]
fn a_header_alone_opens_with_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = all_rows(&file(&dir, "h.csv", "Назва;Місто\r\n".as_bytes()));
    assert_eq!(header, vec!["Назва", "Місто"]);
    assert!(rows.is_empty());
}

#[test]
fn ragged_rows_are_padded_or_cut_to_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let (header, rows) = all_rows(&file(
        &dir,
        "r.csv",
        b"name,city,phone\nA\nB,Lviv,0671234567,extra,more\n,,\nC,Kyiv\n",
    ));
    assert_eq!(header.len(), 3);
    assert_eq!(rows.len(), 4, "a blank row keeps its place");
    assert!(rows.iter().all(|(_, cells)| cells.len() == 3));
    assert_eq!(rows[0].1[1], Cell::Empty);
    assert_eq!(rows[1].1[2], Cell::Text("0671234567".into()));
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![2, 3, 4, 5]);
}

#[test]
fn a_zip_bomb_named_xlsx_is_refused_before_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![b'0'; 1024 * 1024];
    for _ in 0..64 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024, "a small file");
    let message = refusal(&path);
    assert!(message.contains("zip bomb"), "{message}");
}

#[test]
fn the_content_decides_not_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let csv_as_xlsx = file(&dir, "clients.xlsx", "Назва;Місто\nДах;Львів\n".as_bytes());
    let source = open(&csv_as_xlsx).unwrap();
    assert_eq!(source.format, Format::Csv);
    let real = dir.path().join("real.csv");
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "Назва").unwrap();
    book.save(&real).unwrap();
    assert_eq!(open(&real).unwrap().format, Format::Xlsx, "an XLSX renamed .csv");
    let other_zip = dir.path().join("docs.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&other_zip).unwrap());
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hi").unwrap();
    zip.finish().unwrap();
    assert!(refusal(&other_zip).contains("not an Excel"));
    let ole = file(
        &dir,
        "fake.xls",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
    );
    assert!(
        refusal(&ole).contains("cannot be read"),
        "a broken XLS is a clear error"
    );
}

#[test]
fn formulas_give_their_saved_values_and_dates_read_in_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Угода", "Компанія", "Сума", "Дата закриття", "Дата оплати"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date_format = CellFormat::new().set_num_format("dd.mm.yyyy");
    sheet.write_string(1, 0, "Покрівля").unwrap();
    sheet.write_string(1, 1, "Дах").unwrap();
    // A formula that would give something else if evaluated: its saved result is what counts.
    sheet
        .write_formula(1, 2, Formula::new("=NOW()").set_result("1500.5"))
        .unwrap();
    let day = ExcelDateTime::from_ymd(2025, 12, 25).unwrap();
    sheet.write_datetime_with_format(1, 3, &day, &date_format).unwrap();
    sheet.write_number(1, 4, 46016.0).unwrap();
    sheet.write_string(2, 0, "Фасад").unwrap();
    sheet.write_string(2, 1, "Ліс").unwrap();
    sheet.write_string(2, 2, "2 000,00").unwrap();
    sheet.write_string(2, 3, "25.12.2025").unwrap();
    sheet.write_string(2, 4, "2025-12-25").unwrap();
    book.save(&path).unwrap();

    let (header, rows) = all_rows(&path);
    let mapping = Mapping::build(ImportKind::Deals, &header, &[], &[]).unwrap();
    let christmas = NaiveDate::from_ymd_opt(2025, 12, 25);
    let amounts: Vec<_> = rows
        .into_iter()
        .map(|(n, cells)| {
            let parsed = parse_row(&mapping, n, cells);
            let deal = parsed.records.unwrap().deal.unwrap();
            assert_eq!(deal.expected_close_date, christmas, "row {n}: a date cell or text");
            assert_eq!(deal.planned_payment_date, christmas, "row {n}: a serial or ISO text");
            deal.amount
        })
        .collect();
    assert_eq!(amounts, vec![Some(150_050), Some(200_000)]);
}

#[test]
fn a_file_past_the_size_or_row_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.csv");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(crate::limits::MAX_FILE_BYTES + 1).unwrap();
    assert!(refusal(&huge).contains("MiB"));

    let mut text = String::from("name\n");
    for i in 0..=crate::limits::MAX_ROWS {
        text.push_str(&format!("c{i}\n"));
    }
    let long = file(&dir, "long.csv", text.as_bytes());
    let mut source = open(&long).unwrap();
    let mut rows = source.rows().unwrap();
    let err = loop {
        match rows.next_row() {
            Ok(Some(_)) => {}
            Ok(None) => panic!("the limit must stop the read"),
            Err(e) => break e,
        }
    };
    assert!(err.message.contains("200000 rows"), "{}", err.message);
}

#[test]
fn a_row_reports_every_error_on_its_field() {
    let header: Vec<String> = ["Назва", "Телефон", "E-mail", "ЄДРПОУ"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mapping = Mapping::build(ImportKind::Companies, &header, &[], &[]).unwrap();
    let cells = vec![
        Cell::Empty,
        Cell::Text("12".into()),
        Cell::Text("not-an-email".into()),
        Cell::Text("123".into()),
    ];
    let errors = parse_row(&mapping, 2, cells).records.unwrap_err();
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, vec!["name", "phone", "email"], "{errors:?}");
}
