use chrono::{DateTime, NaiveDate, NaiveDateTime};
use voronka_xlsx::{Cell, ChartKind, ChartSpec, Column, Currency, Filter, Locale, SheetData, Total, Workbook};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

/// One payment of the plan sheet, as the report would produce it.
pub struct Payment {
    pub client: &'static str,
    pub due: NaiveDate,
    pub minor: i64,
    pub paid_share: f64,
    pub paid_at: Option<NaiveDateTime>,
    pub count: i64,
    pub rate: f64,
}

pub fn payments() -> Vec<Payment> {
    vec![
        Payment {
            client: "ТОВ «Зоря»",
            due: date(2026, 11, 1),
            minor: (1_234 * 100 + 56),
            paid_share: 1.0,
            paid_at: Some(at(2026, 10, 30, 14, 5)),
            count: 1,
            rate: 41.25,
        },
        Payment {
            client: "ФОП Коваленко Олена Петрівна, м. Київ, вул. Хрещатик, 1",
            due: date(2026, 12, 1),
            minor: 120_000 * 100,
            paid_share: 0.25,
            paid_at: None,
            count: 3,
            rate: 41.5,
        },
        Payment {
            client: "Acme Ltd",
            due: date(2027, 1, 15),
            minor: 99,
            paid_share: 0.0,
            paid_at: Some(at(2027, 1, 14, 9, 30)),
            count: 2,
            rate: 40.125,
        },
    ]
}

pub fn payment_row(p: &Payment) -> Vec<Cell> {
    vec![
        Cell::from(p.client),
        Cell::Date(p.due),
        Cell::Money(p.minor),
        Cell::Percent(p.paid_share),
        p.paid_at.map_or(Cell::Empty, Cell::DateTime),
        Cell::Int(p.count),
        Cell::Number(p.rate),
    ]
}

pub fn payment_columns() -> Vec<Column> {
    vec![
        Column::text("Клієнт"),
        Column::date("Дата платежу"),
        Column::money("Сума", Currency::uah()),
        Column::percent("Сплачено"),
        Column::date_time("Оплачено о"),
        Column::integer("Платежів"),
        Column::number("Курс", 3),
    ]
}

pub fn generated_at() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T18:27:00+02:00").unwrap()
}

/// The workbook the tests read back: a payment plan with totals, a funnel with its chart, and
/// a plan-versus-fact sheet whose name Excel would refuse as given.
pub fn workbook<'a>() -> Workbook<'a> {
    let plan = SheetData::new(
        "Платежі",
        payment_columns(),
        payments().into_iter().map(|p| payment_row(&p)),
    )
    .with_totals(vec![
        Total::count(1),
        Total::sum(2),
        Total::average(3),
        Total::sum(5),
        Total::average(6),
    ]);
    let funnel = SheetData::new(
        "Воронка",
        vec![
            Column::text("Етап"),
            Column::integer("Угод"),
            Column::money("Сума", Currency::parse("USD").unwrap()),
        ],
        [
            ("Новий", 40, 100_000 * 100),
            ("КП", 25, 80_000 * 100),
            ("Оплата", 7, (31_500 * 100 + 50)),
        ]
        .into_iter()
        .map(|(stage, deals, minor)| vec![Cell::from(stage), Cell::Int(deals), Cell::Money(minor)]),
    )
    .with_totals(vec![Total::sum(1), Total::sum(2), Total::count(0)])
    .with_chart(ChartSpec {
        kind: ChartKind::Funnel,
        title: "Воронка продажів".into(),
        category: 0,
        values: vec![1],
    });
    let plan_fact = SheetData::new(
        "План/факт: листопад",
        vec![
            Column::text("Менеджер"),
            Column::money("План", Currency::uah()),
            Column::money("Факт", Currency::uah()),
            Column::percent("Виконання"),
        ],
        vec![
            vec![
                Cell::from("Олена"),
                Cell::Money(500_000 * 100),
                Cell::Money(450_000 * 100),
                Cell::Percent(0.9),
            ],
            vec![
                Cell::from("Андрій"),
                Cell::Money(400_000 * 100),
                Cell::Money(420_000 * 100),
                Cell::Percent(1.05),
            ],
        ],
    )
    .with_chart(ChartSpec {
        kind: ChartKind::BarWithLine,
        title: "План і факт".into(),
        category: 0,
        values: vec![1, 2, 3],
    });
    Workbook {
        title: "Графік платежів".into(),
        filters: vec![
            Filter::new("Менеджер", "Олена Коваленко"),
            Filter::new("Період", "01.11.2026 – 30.11.2026"),
        ],
        generated_at: generated_at(),
        time_zone: "Europe/Kyiv".into(),
        generated_by: "Ірина Шевчук".into(),
        sheets: vec![plan, funnel, plan_fact],
        locale: Locale::uk(),
    }
}

/// Writes the fixture workbook into a fresh temporary directory.
pub fn written() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join(voronka_xlsx::safe_file_name("Графік платежів", date(2026, 11, 22)));
    let rows = workbook().save(&path).unwrap();
    assert_eq!(
        rows,
        payments().len() as u64 + 3 + 2,
        "save counts the data rows of every sheet"
    );
    (dir, path)
}
