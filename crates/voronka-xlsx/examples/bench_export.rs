//! Writes a payment plan of 100,000 rows (or the count given) as an XLSX file and says how long
//! it took; run under `/usr/bin/time -v` for the peak memory:
//!
//! `cargo run --release -p voronka-xlsx --example bench_export -- [rows] [file]`

use std::time::Instant;

use chrono::{DateTime, Days, NaiveDate};
use voronka_xlsx::{Cell, ChartKind, ChartSpec, Column, Currency, Locale, SheetData, Total, Workbook};

const CLIENTS: &[&str] = &[
    "ТОВ «Зоря»",
    "ФОП Коваленко О. П.",
    "ПП «Дніпро-Трейд»",
    "Acme Ltd",
    "ТОВ «Карпатські ліси»",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: u32 = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let path = args.next().unwrap_or_else(|| "bench_export.xlsx".into());
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("bad date")?;

    // Rows are made as they are pulled, as a report reading a database cursor would.
    let plan = (0..rows).map(move |i| {
        let due = start + Days::new(u64::from(i % 730));
        vec![
            Cell::Text(format!("{} #{}", CLIENTS[i as usize % CLIENTS.len()], i / 12)),
            Cell::Text(format!("Угода {}", i / 12)),
            Cell::Date(due),
            Cell::Money(1_000 * 100 + i64::from(i % 977) * 137),
            Cell::Percent(f64::from(i % 101) / 100.0),
            if i % 3 == 0 { Cell::Date(due) } else { Cell::Empty },
        ]
    });
    let workbook = Workbook {
        title: "Графік платежів".into(),
        filters: vec![voronka_xlsx::Filter::new("Період", "2026–2027")],
        generated_at: DateTime::parse_from_rfc3339("2026-11-22T18:00:00+02:00")?,
        time_zone: "Europe/Kyiv".into(),
        generated_by: "Бенчмарк".into(),
        sheets: vec![
            SheetData::new(
                "Платежі",
                vec![
                    Column::text("Клієнт"),
                    Column::text("Угода"),
                    Column::date("Дата платежу"),
                    Column::money("Сума", Currency::uah()),
                    Column::percent("Сплачено"),
                    Column::date("Оплачено"),
                ],
                plan,
            )
            .with_totals(vec![Total::count(0), Total::sum(3), Total::average(4), Total::count(5)])
            .with_chart(ChartSpec {
                kind: ChartKind::Line,
                title: "Платежі за датою".into(),
                category: 2,
                values: vec![3],
            }),
        ],
        locale: Locale::uk(),
    };
    let started = Instant::now();
    workbook.save(&path)?;
    let elapsed = started.elapsed();
    let size = std::fs::metadata(&path)?.len();
    println!(
        "{rows} rows written to {path} ({:.1} MB) in {:.3} s",
        size as f64 / 1e6,
        elapsed.as_secs_f64()
    );
    Ok(())
}
