//! `backup` and `restore`: a copy of a local file lands in the backups folder beside it and
//! comes back in place of a later state; a team database is sent to pg_dump.

use crate::{cli, ok};
use voronka_testdb::{Kind, TestDb};

fn companies(db: &TestDb) -> usize {
    let export: serde_json::Value = serde_json::from_str(&ok(db, &["export-json"])).unwrap();
    export["companies"].as_array().unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_on_sqlite() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    ok(&db, &["migrate"]);
    let printed = ok(&db, &["backup"]);
    let copy = printed.split('\t').next().unwrap().to_string();
    assert!(copy.contains("/backups/voronka-") && copy.ends_with(".db"), "{printed}");
    // A later state: the demo loaded after the copy of the empty database.
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    assert!(companies(&db) > 0);
    let text = ok(&db, &["restore", &copy]);
    assert!(
        text.starts_with("restored ") && text.contains("the data it replaced is kept in "),
        "{text}"
    );
    assert_eq!(companies(&db), 0, "the copy's state is back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_of_a_team_database_points_to_pg_dump() {
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let out = cli(&db, &["backup"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pg_dump"), "{err}");
}
