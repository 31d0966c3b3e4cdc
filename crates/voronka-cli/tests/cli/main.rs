//! The real `voronka-cli` binary on fresh databases of both backends.
#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test, with its location")]

mod backups;
mod export;
mod handover;
mod import;
mod list_export;
mod loads;
mod moving;
mod plans;
mod proposal;
mod rotation;

use std::process::{Command, Output};
use voronka_testdb::{Kind, TestDb};

fn cli(db: &TestDb, args: &[&str]) -> Output {
    cli_at(&db.url, args)
}

fn cli_at(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
        .arg("--db")
        .arg(url)
        .args(args)
        .output()
        .expect("run voronka-cli")
}

fn ok(db: &TestDb, args: &[&str]) -> String {
    ok_at(&db.url, args)
}

fn ok_at(url: &str, args: &[&str]) -> String {
    let out = cli_at(url, args);
    assert!(
        out.status.success(),
        "voronka-cli {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const DEMO: &[&str] = &["demo", "--seed", "7", "--scale", "2000", "--today", "2026-11-01"];

/// Loads the demo into a fresh database and returns its export.
fn demo_export(db: &TestDb) -> serde_json::Value {
    let summary = ok(db, DEMO);
    assert!(
        summary.contains("2000 deals"),
        "the demo loads exactly the scale: {summary}"
    );
    let hits = ok(db, &["search", "067"]);
    assert!(
        hits.lines().count() >= 1,
        "search 067 finds the demo's Kyivstar numbers on {:?}",
        db.kind
    );
    serde_json::from_str(&ok(db, &["export-json"])).expect("export-json prints JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_gives_the_same_data_on_both_backends() {
    let sqlite = TestDb::fresh(Kind::Sqlite).await.expect("SQLite");
    let Some(postgres) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let (a, b) = (demo_export(&sqlite), demo_export(&postgres));
    let tables = a.as_object().expect("an object of tables");
    for (table, rows) in tables {
        let other = &b[table];
        assert_eq!(
            rows.as_array().map(Vec::len),
            other.as_array().map(Vec::len),
            "{table}: row counts differ between SQLite and PostgreSQL"
        );
        assert!(rows == other, "{table}: rows differ between SQLite and PostgreSQL");
    }
    assert_eq!(a, b, "the whole export is equal");
    for table in [
        "users",
        "companies",
        "contacts",
        "deals",
        "stage_spells",
        "deal_items",
        "payments",
        "tasks",
        "activities",
        "plans",
        "audit_log",
    ] {
        assert!(!tables[table].as_array().unwrap().is_empty(), "the demo fills {table}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_is_reproducible_and_refuses_a_full_database() {
    let first = TestDb::fresh(Kind::Sqlite).await.expect("SQLite");
    let second = TestDb::fresh(Kind::Sqlite).await.expect("SQLite");
    let small = ["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"];
    ok(&first, &small);
    ok(&second, &small);
    assert_eq!(
        ok(&first, &["export-json"]),
        ok(&second, &["export-json"]),
        "one seed and day give the same bytes"
    );
    let again = cli(&first, &small);
    assert!(!again.status.success(), "a second demo into a full database is refused");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("error: invalid_state"), "with a coded message: {err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_print_code_field_and_message_and_exit_non_zero() {
    let out = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
        .args(["--db", "mysql://x", "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: invalid [db]: "),
        "code, field and message: {err}"
    );
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let out = cli(&db, &["demo", "--scale", "5"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("[scale]"),
        "a scale below 10 is refused on its field"
    );
    assert!(ok(&db, &["migrate"]).contains(&format!("schema version {}", voronka_store::SCHEMA_VERSION)));
    assert!(
        ok(&db, &["search", "\"); DROP TABLE companies; --"]).is_empty(),
        "hostile search text finds nothing and breaks nothing"
    );
}

/// Every report from the same demo data reads byte for byte the same on SQLite and PostgreSQL,
/// also filtered by a pipeline and by a manager.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_report_is_the_same_on_both_backends() {
    let sqlite = TestDb::fresh(Kind::Sqlite).await.expect("SQLite");
    let Some(postgres) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let demo = ["demo", "--seed", "7", "--scale", "5000", "--today", "2026-11-01"];
    ok(&sqlite, &demo);
    ok(&postgres, &demo);
    let export: serde_json::Value = serde_json::from_str(&ok(&sqlite, &["export-json"])).unwrap();
    let pipeline = export["pipelines"][0]["id"].as_str().unwrap().to_string();
    let manager = export["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["role"] == "manager")
        .and_then(|u| u["id"].as_str())
        .unwrap()
        .to_string();
    let period = [
        "--from",
        "2026-05-01",
        "--to",
        "2026-10-31",
        "--at",
        "2026-11-01T12:00:00Z",
        "--json",
    ];
    let filters: [Vec<&str>; 3] = [vec![], vec!["--pipeline", &pipeline], vec!["--manager", &manager]];
    for name in voronka_core::reports::ReportName::ALL {
        for extra in &filters {
            let mut args = vec!["report", name.as_str()];
            args.extend(period);
            args.extend(extra.iter().copied());
            let (a, b) = (ok(&sqlite, &args), ok(&postgres, &args));
            let parsed: serde_json::Value = serde_json::from_str(&a).expect("--json prints JSON");
            assert_eq!(parsed["name"], name.as_str(), "the JSON names its report");
            assert!(a.len() > 200, "{name} {extra:?} has figures from the demo: {a}");
            if a != b {
                let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(0);
                panic!(
                    "{name} {extra:?} differs between SQLite and PostgreSQL at byte {at}:\n{}\n---\n{}",
                    &a[at.saturating_sub(300)..(at + 200).min(a.len())],
                    &b[at.saturating_sub(300)..(at + 200).min(b.len())]
                );
            }
        }
        workbook_matches_the_json(&sqlite, name, &period);
        workbook_matches_the_json(&postgres, name, &period);
    }
    export_heap_grows_by_bytes_per_client(&sqlite);
    export_heap_grows_by_bytes_per_client(&postgres);
}

/// `--xlsx` writes the same report as a workbook: a cover naming it, then one sheet per table
/// whose rows hold the JSON's figures.
fn workbook_matches_the_json(db: &TestDb, name: voronka_core::reports::ReportName, period: &[&str]) {
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.xlsx"));
    let mut args = vec!["report", name.as_str()];
    args.extend(period.iter().copied());
    args.extend(["--xlsx", file.to_str().unwrap()]);
    let report: voronka_core::reports::Report = serde_json::from_str(&ok(db, &args)).unwrap();
    let tables = voronka_core::reports::Tabular::tables(&report);
    let mut book: Xlsx<_> = open_workbook(&file).expect("the workbook opens");
    let sheets = book.sheet_names();
    let cover = book.worksheet_range(&sheets[0]).unwrap();
    assert!(
        cover
            .cells()
            .any(|(_, _, v)| v == &Data::String(name.title().to_string())),
        "the cover of {name} names the report"
    );
    // The funnel's chart has a sheet of its own before the tables.
    let first = 1 + usize::from(matches!(report, voronka_core::reports::Report::Funnel(_)));
    assert_eq!(
        sheets.len(),
        first + tables.len(),
        "{name}: a sheet per table in {sheets:?}"
    );
    for (table, sheet) in tables.iter().zip(&sheets[first..]) {
        let range = book.worksheet_range(sheet).unwrap();
        assert!(
            range.height() > table.rows.len(),
            "{name}: «{sheet}» holds the header and {} rows",
            table.rows.len()
        );
        // Every row, in order (ABC/XYZ's clients are ranked by the database for the file and
        // here for the JSON), text as well as numbers.
        for (i, row) in table.rows.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                let got = range.get((i + 1, j));
                if let voronka_core::reports::Cell::Text(text) = cell
                    && !text.is_empty()
                {
                    assert_eq!(
                        got,
                        Some(&Data::String(text.clone())),
                        "{name}: «{sheet}» row {i} column {j} on {:?}",
                        db.kind
                    );
                }
                let expected = match cell {
                    voronka_core::reports::Cell::Integer(v) => Some(*v as f64),
                    voronka_core::reports::Cell::Money { minor, .. } => Some(*minor as f64 / 100.0),
                    voronka_core::reports::Cell::Percent(p) => Some(p / 100.0),
                    _ => None,
                };
                if let Some(expected) = expected {
                    let value = got.and_then(|d| d.as_f64()).unwrap_or(f64::NAN);
                    assert!(
                        (value - expected).abs() < 1e-6,
                        "{name}: «{sheet}» row {i} column {j} is {got:?}, the JSON says {expected} on {:?}",
                        db.kind
                    );
                }
            }
        }
    }
}

/// Counts the bytes this binary's own code asks for (SQLite's C allocations are not among them).
#[global_allocator]
static HEAP: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// ABC/XYZ's export (the one report whose rows grow with the database: one per client with
/// revenue) writes its clients as the database ranks and sends them. Its heap is measured in a
/// process of its own, over a month and over two years of the same demo: the many more clients
/// of two years may not raise it by 100 bytes each, where holding the report whole takes over 600
/// bytes a client.
fn export_heap_grows_by_bytes_per_client(db: &TestDb) {
    let month = export_heap(db, "2026-10-01", "2026-10-31");
    let years = export_heap(db, "2024-11-01", "2026-10-31");
    eprintln!(
        "ABC/XYZ export heap on {:?}: {month:?} and {years:?} (clients, peak bytes)",
        db.kind
    );
    let more = years.0 - month.0;
    assert!(
        more >= 500,
        "two years hold many more clients than a month: {month:?} {years:?}"
    );
    let per_client = years.1.saturating_sub(month.1) / more;
    assert!(
        per_client < 100,
        "{:?}: {more} more clients took {} more bytes of heap ({per_client} each): {month:?} {years:?}",
        db.kind,
        years.1.saturating_sub(month.1)
    );
}

/// (clients written, peak heap in bytes) of exporting ABC/XYZ over a period, in a process that
/// runs only `abc_xyz_export_heap_probe`.
fn export_heap(db: &TestDb, from: &str, to: &str) -> (u64, u64) {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "abc_xyz_export_heap_probe",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("VORONKA_PROBE", format!("{} {from} {to}", db.url))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the probe failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("PROBE ").map(|(_, figures)| figures))
        .unwrap_or_else(|| panic!("the probe reports: {stdout}"));
    let figures: Vec<u64> = line.split(' ').map(|n| n.parse().unwrap()).collect();
    (figures[0], figures[1])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by `export_heap` in a process of its own, where nothing else allocates"]
async fn abc_xyz_export_heap_probe() {
    use voronka_core::reports::{ReportFilter, ReportName, ReportOptions};
    let probe = std::env::var("VORONKA_PROBE").expect("VORONKA_PROBE=url from to");
    let parts: Vec<&str> = probe.split(' ').collect();
    let store = voronka_store::Store::open(parts[0]).await.unwrap();
    let filter = ReportFilter {
        from: parts[1].parse().unwrap(),
        to: parts[2].parse().unwrap(),
        pipeline_id: None,
        manager_id: None,
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("abc-xyz.xlsx");
    let made = voronka_xlsx::Authorship {
        at: store.clock().now().fixed_offset(),
        time_zone: "UTC".into(),
        by: "probe".into(),
        locale: voronka_xlsx::Locale::en(),
    };
    HEAP.reset_peak_usage();
    let base = HEAP.current_usage();
    let export = store
        .report_export(ReportName::AbcXyz, &filter, &ReportOptions::default())
        .await
        .unwrap();
    let rows = tokio::task::spawn_blocking(move || {
        voronka_xlsx::report_workbook(export, &filter, None, None, made).save(&file)
    })
    .await
    .unwrap()
    .unwrap();
    let peak = HEAP.peak_usage() - base;
    // The workbook's rows are its clients and the 9 cells of the matrix.
    println!("PROBE {} {peak}", rows - 9);
}

/// What is not a Voronka database gets one coded line on its field and exit code 2, at once;
/// a report filtered by a manager that does not exist is refused on `manager_id`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn places_that_are_not_databases_and_unknown_filters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database\n").unwrap();
    let missing = dir.path().join("nowhere/voronka.db");
    for (path, expected) in [
        (notes.display().to_string(), "error: not_a_database [db]: "),
        (missing.display().to_string(), "error: folder_missing [db]: "),
        ("/dev/null".to_string(), "error: not_a_database [db]: "),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
            .args(["--db", &format!("sqlite:{path}"), "migrate"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with(expected), "{path}: {err}");
        assert_eq!(err.lines().count(), 1, "{path}: one line: {err}");
    }
    assert_eq!(
        std::fs::read(&notes).unwrap(),
        b"not a database\n",
        "the file is untouched"
    );
    assert!(!missing.parent().unwrap().exists(), "no folder is made");

    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    ok(&db, &["migrate"]);
    let nobody = uuid::Uuid::now_v7().to_string();
    let out = cli(&db, &["report", "funnel", "--manager", &nobody]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: invalid [manager_id]: "), "{err}");
}

/// A password never reaches the output or the logs, in any form a URL can carry it: the
/// binary runs with every log line on, and its whole output is searched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_never_reach_the_output_or_the_logs() {
    const SECRET: &str = "Vb4-heron-Glacier";
    let Some(pg) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    // postgres://USER[:PASSWORD]@SERVER/DB
    let rest = pg.url.split_once("://").unwrap().1;
    let (userinfo, server_and_db) = rest.rsplit_once('@').unwrap();
    let user = format!("postgres://{}", userinfo.split(':').next().unwrap());
    let server = server_and_db.split('/').next().unwrap();
    for url in [
        format!("{user}:{SECRET}@127.0.0.1:1/crm"),
        format!("postgres:{SECRET}@127.0.0.1:1/crm"),
        format!("{user}@127.0.0.1:1/crm?password={SECRET}"),
        format!("{user}@127.0.0.1:1/crm?sslmode=disable&PASSWORD={SECRET}"),
        format!("{user}@{server}/voronka_no_such_db?pass%77ord={SECRET}"),
        format!("{user}@{server}/voronka_no_such_db?password={SECRET}"),
        format!("host=127.0.0.1 password={SECRET} dbname=crm"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
            .args(["--db", &url, "migrate"])
            .env("RUST_LOG", "trace")
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(out.status.code(), Some(2), "{url}: {stderr}");
        assert!(stderr.contains("error: "), "{url}: {stderr}");
        assert!(
            !stdout.contains(SECRET) && !stderr.contains(SECRET),
            "{url}: the password shows:\n{stdout}{stderr}"
        );
    }
    // A store that opens logs its statements at this level: the logs are really read.
    let out = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
        .args(["--db", &pg.url, "migrate"])
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).lines().count() > 10,
        "trace logging is on"
    );
}

/// `team init` makes a team database whose admin signs in with the card; `team add-user` gives
/// a new manager (and an existing user) a login, as JSON for scripts; a manager's login may not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_init_and_add_user_print_connection_cards() {
    let Some(pg) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let card = |text: &str| -> serde_json::Value { serde_json::from_str(text).expect("a JSON card") };
    let admin = card(&ok(
        &pg,
        &[
            "team",
            "init",
            "--name",
            "Ірина Адмін",
            "--email",
            "iryna@firm.ua",
            "--json",
        ],
    ));
    let login_url = |card: &serde_json::Value| {
        format!(
            "postgres://{}@{}:{}/{}",
            card["login"].as_str().unwrap(),
            card["host"].as_str().unwrap(),
            card["port"],
            card["database"].as_str().unwrap()
        )
    };
    let as_admin = login_url(&admin);
    let olena = card(&ok_at(
        &as_admin,
        &[
            "team",
            "add-user",
            "--name",
            "Олена Коваль",
            "--email",
            "olena@firm.ua",
            "--role",
            "manager",
            "--json",
        ],
    ));
    assert!(olena["login"].as_str().unwrap().starts_with("olena"), "{olena}");
    assert_eq!(olena["password"].as_str().map(str::len), Some(20));
    let refused = cli_at(
        &login_url(&olena),
        &["team", "add-user", "--name", "Хакер", "--email", "h@x.ua", "--json"],
    );
    assert!(!refused.status.success(), "a manager adds no teammates");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("forbidden"), "{err}");
    let again = cli_at(&as_admin, &["team", "add-user", "--email", "olena@firm.ua"]);
    assert!(!again.status.success(), "Olena has her login already");
}
