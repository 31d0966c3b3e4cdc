//! `demo` is all or nothing: killed at any moment it leaves an empty database, and two loads at
//! once give one team.

use super::{cli, ok};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use voronka_testdb::{Kind, TestDb};

const LOAD: &[&str] = &["demo", "--seed", "7", "--scale", "300", "--today", "2026-11-01"];

fn export(db: &TestDb) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["export-json"])).expect("export-json prints JSON")
}

fn holds_nothing(export: &serde_json::Value) -> bool {
    export
        .as_object()
        .expect("an object of tables")
        .values()
        .all(|rows| rows.as_array().is_some_and(Vec::is_empty))
}

/// Starts a load, reads its progress until `lines` batches are in, and kills it (SIGKILL).
fn kill_after(db: &TestDb, lines: usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
        .arg("--db")
        .arg(&db.url)
        .args(LOAD)
        .arg("--progress")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start voronka-cli demo");
    // Kept open until the kill, so the load never meets a closed pipe.
    let mut progress = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = 0;
    while seen < lines {
        let line = progress.next().expect("the load reports every batch").unwrap();
        if line.starts_with("demo: ") {
            seen += 1;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_demo_load_leaves_an_empty_database_and_demo_runs_again() {
    for kind in [Kind::Sqlite, Kind::Postgres] {
        let Some(reference) = TestDb::fresh(kind).await else {
            continue;
        };
        ok(&reference, LOAD);
        let whole = export(&reference);
        let db = TestDb::fresh(kind).await.unwrap();
        ok(&db, &["migrate"]);
        let mut loaded = false;
        // Progress comes after the team, after the companies and after the last deals; the
        // report figures and the commit follow the last.
        for (lines, moment) in [(1, "the team"), (2, "the companies"), (3, "the last deals")] {
            kill_after(&db, lines);
            let left = export(&db);
            if holds_nothing(&left) {
                continue;
            }
            assert!(
                lines == 3,
                "{kind:?}: a load killed after {moment} left part of its data"
            );
            // The kill came after the commit: then everything is there, figures included.
            assert!(left == whole, "{kind:?}: a load killed after its commit is whole");
            loaded = true;
            break;
        }
        if !loaded {
            ok(&db, LOAD);
        }
        assert!(
            export(&db) == whole,
            "{kind:?}: after the killed loads a demo loads the whole team, figures included"
        );
    }
}

/// "demo data (seed 7, 2026-11-01): 9 users, 100 companies, …" → the count before `what`.
fn count_of(summary: &str, what: &str) -> usize {
    let words: Vec<&str> = summary.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let at = words.iter().position(|w| *w == what).expect("the summary names it");
    words[at - 1].parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_demo_loads_at_once_load_one_team() {
    for kind in [Kind::Sqlite, Kind::Postgres] {
        let Some(db) = TestDb::fresh(kind).await else {
            continue;
        };
        ok(&db, &["migrate"]);
        let start = |seed: &str| {
            Command::new(env!("CARGO_BIN_EXE_voronka-cli"))
                .arg("--db")
                .arg(&db.url)
                .args(["demo", "--seed", seed, "--scale", "300", "--today", "2026-11-01"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start("7"), start("8"));
        let outputs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let won: Vec<_> = outputs.iter().filter(|o| o.status.success()).collect();
        let lost: Vec<_> = outputs.iter().filter(|o| !o.status.success()).collect();
        assert_eq!(
            (won.len(), lost.len()),
            (1, 1),
            "{kind:?}: exactly one of two loads runs"
        );
        let refusal = String::from_utf8_lossy(&lost[0].stderr);
        assert!(
            refusal.starts_with("error: invalid_state [db]: the database is not empty")
                || refusal.starts_with("error: invalid_state [db]: a demo load is already running"),
            "{kind:?}: the second load is refused on the database: {refusal}"
        );
        let summary = String::from_utf8_lossy(&won[0].stdout);
        let tables = export(&db);
        for (table, what) in [("users", "users"), ("companies", "companies"), ("deals", "deals")] {
            assert_eq!(
                tables[table].as_array().unwrap().len(),
                count_of(&summary, what),
                "{kind:?}: the {table} of one team"
            );
        }
        let again = cli(&db, LOAD);
        assert!(!again.status.success(), "and a later load is refused too");
    }
}
