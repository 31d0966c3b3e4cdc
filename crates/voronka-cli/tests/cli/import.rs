//! `import` on both backends: a Windows-1251 CSV with `;` as Ukrainian Excel saves it, and a
//! small XLSX of deals; `--dry-run` counts and writes nothing, `--refused` writes the refused
//! rows with their reasons, and the real import lands whole.

use crate::{cli, ok};
use calamine::{Reader, open_workbook_auto};
use voronka_testdb::{Kind, TestDb};

fn rows_of(db: &TestDb, table: &str) -> Vec<serde_json::Value> {
    let export: serde_json::Value = serde_json::from_str(&ok(db, &["export-json"])).unwrap();
    export[table].as_array().unwrap().clone()
}

fn named<'a>(rows: &'a [serde_json::Value], column: &str, value: &str) -> Option<&'a serde_json::Value> {
    rows.iter().find(|r| r[column] == value)
}

async fn a_ukrainian_csv_and_an_xlsx_are_imported_from_a_script(db: TestDb) {
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let dir = tempfile::tempdir().unwrap();
    let text = "Назва;Місто;Телефон;ЄДРПОУ;Контакт\r\n\
                ТОВ «Імпорт Перший»;Житомир;0931110001;12345678;Ганна Перша\r\n\
                Другий Імпорт;Житомир;0931110002;;\r\n\
                ;Житомир;;;\r\n\
                Третій Імпорт;Житомир;12;;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable, "the text is all Cyrillic 1251 has");
    let csv = dir.path().join("клієнти.csv");
    std::fs::write(&csv, &bytes).unwrap();
    let file = csv.to_str().unwrap();

    let dry: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["import", file, "--kind", "companies", "--dry-run", "--json"],
    ))
    .unwrap();
    assert_eq!(dry["encoding"], "windows-1251", "{dry}");
    assert_eq!(dry["delimiter"], ";");
    assert_eq!(dry["format"], "csv");
    let totals = &dry["totals"];
    assert_eq!(
        (
            totals["rows"].as_i64(),
            totals["new"].as_i64(),
            totals["refused"].as_i64()
        ),
        (Some(4), Some(2), Some(2)),
        "{totals}"
    );
    assert_eq!(dry["preview"][3]["notes"][0]["field"], "phone");
    assert!(
        named(&rows_of(&db, "companies"), "name", "Другий Імпорт").is_none(),
        "{:?}: a dry run writes nothing",
        db.kind
    );

    let refused = dir.path().join("refused.xlsx");
    let text = ok(
        &db,
        &[
            "import",
            file,
            "--kind",
            "companies",
            "--refused",
            refused.to_str().unwrap(),
        ],
    );
    assert!(
        text.contains("rows 4: new 2, duplicates 0 (updated 0, skipped 0), refused 2"),
        "{text}"
    );
    assert!(
        text.contains("Назва → name") && text.contains("ЄДРПОУ → legal_id"),
        "{text}"
    );
    let mut book = open_workbook_auto(&refused).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        vec!["Назва", "Місто", "Телефон", "ЄДРПОУ", "Контакт", "Row", "Reason"]
    );
    assert_eq!(rows.len(), 3, "the header and the two refused rows: {rows:?}");
    assert_eq!(rows[1][5], "4");
    assert!(rows[1][6].starts_with("name:"), "{:?}", rows[1]);
    assert_eq!(rows[2][0], "Третій Імпорт");
    assert!(rows[2][6].starts_with("phone:"), "{:?}", rows[2]);

    let companies = rows_of(&db, "companies");
    let first = named(&companies, "name", "ТОВ «Імпорт Перший»").expect("imported from 1251");
    assert_eq!(first["city"], "Житомир");
    assert_eq!(first["legal_id"], "12345678");
    assert!(named(&rows_of(&db, "contacts"), "full_name", "Ганна Перша").is_some());

    let again = cli(&db, &["import", file, "--kind", "companies", "--duplicates", "refuse"]);
    assert!(again.status.success());
    let again = String::from_utf8(again.stdout).unwrap();
    assert!(again.contains("duplicates 2"), "the same file again: {again}");

    let xlsx = dir.path().join("deals.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["Угода", "Компанія", "Місто", "Сума"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Покрівля").unwrap();
    sheet.write_string(1, 1, "Другий Імпорт").unwrap();
    sheet.write_string(1, 2, "Житомир").unwrap();
    sheet.write_number(1, 3, 12500.0).unwrap();
    sheet.write_string(2, 0, "Фасад").unwrap();
    sheet.write_string(2, 1, "Зовсім Нова").unwrap();
    sheet.write_number(2, 3, 3000.0).unwrap();
    workbook.save(&xlsx).unwrap();
    let deals_before = rows_of(&db, "deals").len();
    let dry = ok(&db, &["import", xlsx.to_str().unwrap(), "--kind", "deals", "--dry-run"]);
    assert!(
        dry.contains("deals from") && dry.contains("(xlsx)") && dry.contains("dry run: nothing was written"),
        "{dry}"
    );
    assert_eq!(rows_of(&db, "deals").len(), deals_before);
    ok(&db, &["import", xlsx.to_str().unwrap(), "--kind", "deals"]);
    let deals = rows_of(&db, "deals");
    assert_eq!(deals.len(), deals_before + 2);
    let roof = named(&deals, "title", "Покрівля").unwrap();
    assert_eq!(roof["amount"].as_i64(), Some(1_250_000));
    assert_eq!(
        roof["company_id"],
        named(&rows_of(&db, "companies"), "name", "Другий Імпорт").unwrap()["id"],
        "the deal's company is the one imported before"
    );

    let bad = cli(&db, &["import", file, "--kind", "leads"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("error: invalid [kind]"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_on_sqlite() {
    a_ukrainian_csv_and_an_xlsx_are_imported_from_a_script(TestDb::fresh(Kind::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_on_postgres() {
    if let Some(db) = TestDb::fresh(Kind::Postgres).await {
        a_ukrainian_csv_and_an_xlsx_are_imported_from_a_script(db).await;
    }
}

/// LibreOffice, when it is installed (CI requires it), or `None`.
fn office() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["libreoffice", "soffice"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// `xlsx` saved by LibreOffice as `format` (`xls`: Excel 97–2003, `ods`), as a person's old
/// Excel or LibreOffice saves a client list.
fn saved_as(
    office: &std::path::Path,
    xlsx: &std::path::Path,
    format: &str,
    work: &std::path::Path,
) -> std::path::PathBuf {
    let profile = work.join("office-profile");
    let status = std::process::Command::new(office)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", format, "--outdir"])
        .arg(work)
        .arg(xlsx)
        .status()
        .unwrap();
    assert!(status.success(), "LibreOffice could not save {format}: {status}");
    let saved = xlsx.with_extension(format);
    assert!(saved.is_file(), "LibreOffice wrote no {}", saved.display());
    saved
}

/// An Excel 97–2003 `.xls` and an OpenDocument `.ods` written by a real office suite are read
/// like the XLSX they were saved from: Cyrillic names, a number typed into a phone column.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn old_excel_and_opendocument_files_are_imported() {
    let Some(office) = office() else {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "LibreOffice is required on CI: scripts/ensure-tools.sh installs it"
        );
        println!("skipped: LibreOffice (libreoffice or soffice) is not installed");
        return;
    };
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("клієнти.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["Назва", "Місто", "Телефон"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, city, phone)) in [
        ("ТОВ «Стара Таблиця»", "Вінниця", 671_234_501.0),
        ("ФОП Ковальчук", "Вінниця", 671_234_502.0),
    ]
    .into_iter()
    .enumerate()
    {
        let row = r as u32 + 1;
        sheet.write_string(row, 0, name).unwrap();
        sheet.write_string(row, 1, city).unwrap();
        sheet.write_number(row, 2, phone).unwrap();
    }
    workbook.save(&xlsx).unwrap();

    let xls = saved_as(&office, &xlsx, "xls", dir.path());
    let dry: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &[
            "import",
            xls.to_str().unwrap(),
            "--kind",
            "companies",
            "--dry-run",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(dry["format"], "xls", "{dry}");
    assert_eq!(dry["totals"]["new"].as_i64(), Some(2), "{dry}");

    let ods = saved_as(&office, &xlsx, "ods", dir.path());
    let done: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["import", ods.to_str().unwrap(), "--kind", "companies", "--json"],
    ))
    .unwrap();
    assert_eq!(done["format"], "ods", "{done}");
    let companies = rows_of(&db, "companies");
    let old = named(&companies, "name", "ТОВ «Стара Таблиця»").expect("imported from the .ods");
    assert_eq!(old["city"], "Вінниця");
    assert!(
        old["work_phone"].as_str().unwrap_or_default().ends_with("671234501"),
        "the phone typed as a number: {old}"
    );
}
