//! `handover` on both backends: a dry run shows what would move and moves nothing; the real run
//! moves exactly that, shared in turn between two receivers; a bad receiver is refused on `--to`.

use crate::{cli, ok};
use voronka_testdb::{Kind, TestDb};

async fn a_managers_clients_are_handed_over_from_a_script(db: TestDb) {
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let export: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    let managers: Vec<&serde_json::Value> = export["users"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["role"] == "manager" && u["active"] == 1)
        .collect();
    assert!(managers.len() >= 3, "the demo has a team: {managers:?}");
    let email = |u: &serde_json::Value| u["email"].as_str().unwrap().to_string();
    let (from, a, b) = (email(managers[0]), email(managers[1]), email(managers[2]));
    let from_id = managers[0]["id"].clone();
    let held = |export: &serde_json::Value, table: &str, column: &str| {
        export[table]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r[column] == from_id && r["deleted_at"].is_null())
            .count()
    };
    let companies = held(&export, "companies", "owner_id");
    assert!(companies > 0, "the leaver has clients in the demo");

    let to = format!("{a},{b}");
    let dry: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["handover", "--from", &from, "--to", &to, "--dry-run", "--json"],
    ))
    .unwrap();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["plan"]["companies"].as_array().unwrap().len(), companies);
    let after_dry: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    assert_eq!(
        held(&after_dry, "companies", "owner_id"),
        companies,
        "a dry run moves nothing"
    );

    let text = ok(&db, &["handover", "--from", &from, "--to", &to, "--deactivate"]);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(&format!("moved {companies} companies")),
        "counts first: {text}"
    );
    let after: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    assert_eq!(held(&after, "companies", "owner_id"), 0, "her clients went");
    let open_tasks = after["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["assignee_id"] == from_id && t["done_at"].is_null() && t["deleted_at"].is_null())
        .count();
    assert_eq!(open_tasks, 0, "and her open tasks");
    let moved: Vec<&serde_json::Value> = dry["moves"].as_array().unwrap().iter().collect();
    assert_eq!(
        text.lines().count(),
        1 + moved.len() + 1,
        "a line per record and the deactivation"
    );
    for m in &moved {
        let table = match m["entity"].as_str().unwrap() {
            "company" => "companies",
            "contact" => "contacts",
            "deal" => "deals",
            _ => "tasks",
        };
        let row = after[table]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == m["id"])
            .unwrap();
        let holder = if table == "tasks" {
            &row["assignee_id"]
        } else {
            &row["owner_id"]
        };
        assert_eq!(holder, &m["to_id"], "{table} {} went where the dry run said", m["id"]);
    }
    let shares = dry["shares"].as_array().unwrap();
    let (x, y) = (
        shares[0]["companies"].as_i64().unwrap(),
        shares[1]["companies"].as_i64().unwrap(),
    );
    assert!((x - y).abs() <= 1, "shared in turn: {shares:?}");
    let leaver = after["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == from_id)
        .unwrap();
    assert_eq!(leaver["active"], 0, "deactivated with it");

    let out = cli(&db, &["handover", "--from", &a, "--to", &a]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: invalid [to]: "), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handover_on_sqlite() {
    a_managers_clients_are_handed_over_from_a_script(TestDb::fresh(Kind::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handover_on_postgres() {
    if let Some(db) = TestDb::fresh(Kind::Postgres).await {
        a_managers_clients_are_handed_over_from_a_script(db).await;
    }
}
