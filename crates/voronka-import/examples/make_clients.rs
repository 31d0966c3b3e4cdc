//! Writes a client list for measuring an import: `cargo run --release -p voronka-import
//! --example make_clients -- FILE.xlsx N` makes N companies, each with a contact person, as a
//! department's own spreadsheet has them (Ukrainian headers, phones, ЄДРПОУ, cities).
#![allow(clippy::unwrap_used, reason = "a measuring tool: a failure is its output")]

use rust_xlsxwriter::Workbook;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE.xlsx");
    let n: u32 = args.next().map(|n| n.parse().unwrap()).unwrap_or(100_000);
    let cities = [
        "Київ",
        "Львів",
        "Одеса",
        "Дніпро",
        "Харків",
        "Житомир",
        "Вінниця",
        "Полтава",
    ];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().unwrap();
    let header = [
        "Назва",
        "ЄДРПОУ",
        "Місто",
        "Телефон",
        "E-mail",
        "Контакт",
        "Посада",
        "Телефон контакту",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..n {
        let row = i + 1;
        sheet.write_string(row, 0, format!("ТОВ «Клієнт {i}»")).unwrap();
        sheet.write_string(row, 1, format!("{:08}", 10_000_000 + i)).unwrap();
        sheet.write_string(row, 2, cities[i as usize % cities.len()]).unwrap();
        sheet.write_string(row, 3, format!("+38067{:07}", i)).unwrap();
        sheet.write_string(row, 4, format!("client{i}@example.com")).unwrap();
        sheet.write_string(row, 5, format!("Контакт Номер {i}")).unwrap();
        sheet.write_string(row, 6, "директор").unwrap();
        sheet.write_string(row, 7, format!("+38050{:07}", i)).unwrap();
    }
    book.save(&path).unwrap();
}
