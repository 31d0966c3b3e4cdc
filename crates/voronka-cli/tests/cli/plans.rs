//! `plan set` on both backends: a script sets the team's and a manager's plans, which the
//! dashboard then reads; a bad month or person is refused on its flag.

use crate::{cli, ok};
use voronka_testdb::{Kind, TestDb};

async fn plans_are_set_from_a_script(db: TestDb) {
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let export: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    let manager = export["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["role"] == "manager" && u["active"] == 1)
        .unwrap();
    let email = manager["email"].as_str().unwrap();

    let said = ok(
        &db,
        &[
            "plan",
            "set",
            "--month",
            "2026-08",
            "--user",
            "team",
            "--revenue",
            "150000",
            "--calls",
            "300",
        ],
    );
    assert!(said.contains("2026-08 team") && said.contains("150"), "{said}");
    ok(
        &db,
        &[
            "plan",
            "set",
            "--month",
            "2026-08",
            "--user",
            email,
            "--revenue",
            "60 000,50",
        ],
    );
    // A second run changes the plan it set, keeping what it is not given.
    ok(
        &db,
        &[
            "plan",
            "set",
            "--month",
            "2026-08",
            "--user",
            "team",
            "--revenue",
            "160000",
        ],
    );

    let export: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    let august: Vec<&serde_json::Value> = export["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["month"] == "2026-08")
        .collect();
    assert_eq!(august.len(), 2, "one team plan and one manager's, each set once");
    let team = august.iter().find(|p| p["user_id"].is_null()).unwrap();
    assert_eq!(
        (
            team["revenue_target"].as_i64(),
            team["calls_target"].as_i64(),
            team["version"].as_i64()
        ),
        (Some(16_000_000), Some(300), Some(2)),
        "revenue in kopiyky, the calls kept, changed once"
    );
    let hers = august.iter().find(|p| p["user_id"] == manager["id"]).unwrap();
    assert_eq!(hers["revenue_target"].as_i64(), Some(6_000_050));

    let dashboard: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &[
            "report",
            "dashboard",
            "--from",
            "2026-08-01",
            "--to",
            "2026-08-31",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(
        dashboard["data"]["team"]["plan"].as_i64(),
        Some(16_000_000),
        "the dashboard reads the team plan: {dashboard}"
    );

    for (args, field) in [
        (["--month", "2026-13", "--user", "team", "--revenue", "1"], "[month]"),
        (
            ["--month", "2026-09", "--user", "nobody@firm.ua", "--revenue", "1"],
            "[user]",
        ),
        (
            ["--month", "2026-09", "--user", "team", "--revenue", "12,345"],
            "[revenue]",
        ),
    ] {
        let out = cli(&db, &[&["plan", "set"][..], &args[..]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains("error: invalid") && err.contains(field),
            "{args:?} is refused on {field}: {err}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_are_set_from_a_script_on_sqlite() {
    plans_are_set_from_a_script(TestDb::fresh(Kind::Sqlite).await.expect("SQLite")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_are_set_from_a_script_on_postgres() {
    if let Some(db) = TestDb::fresh(Kind::Postgres).await {
        plans_are_set_from_a_script(db).await;
    }
}
