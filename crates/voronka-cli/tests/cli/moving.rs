//! `team move`: a local file's demo department moves into a new team database, whose
//! export-json then equals the file's (but for the admin's new login and the move's audit
//! entry), and whose admin signs in with the printed card.

use super::{ok, ok_at};
use voronka_testdb::{Kind, TestDb, comparable_after_move};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_move_copies_the_file_into_an_empty_team_database() {
    let local = TestDb::fresh(Kind::Sqlite).await.expect("SQLite");
    let Some(team) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    ok(
        &local,
        &["demo", "--seed", "11", "--scale", "150", "--today", "2026-11-01"],
    );
    let out: serde_json::Value =
        serde_json::from_str(&ok(&local, &["team", "move", "--to", &team.url, "--json"])).expect("JSON");
    assert_eq!(
        out["moved"]["tables"]
            .as_array()
            .map(|t| t.iter().any(|t| t["table"] == "deals" && t["rows"] == 150)),
        Some(true),
        "{out}"
    );
    let card = &out["card"];
    let as_admin = format!(
        "postgres://{}@{}:{}/{}",
        card["login"].as_str().unwrap(),
        card["host"].as_str().unwrap(),
        card["port"],
        card["database"].as_str().unwrap()
    );
    // As the server's superuser: a teammate's login reads only their own notification settings.
    let (before, after) = (ok(&local, &["export-json"]), ok(&team, &["export-json"]));
    let (before, after) = (
        comparable_after_move(before.as_bytes()),
        comparable_after_move(after.as_bytes()),
    );
    for (table, rows) in before.as_object().unwrap() {
        assert!(
            rows == &after[table],
            "{table}: the team database holds other rows than the file"
        );
    }
    assert_eq!(before, after);
    let hits = ok_at(&as_admin, &["search", "067"]);
    assert!(hits.lines().count() >= 1, "the team's search finds the moved clients");

    let again = super::cli(&local, &["team", "move", "--to", &team.url]);
    assert!(!again.status.success(), "a team database with a team is not empty");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("not empty"), "{err}");
}
