//! A database that fails at start: the session opens nothing in its place and keeps the problem
//! for the start-up screen, whose ways out (retry, work on the local file, another file, a new
//! one, another connection) are the session's own calls.

use crate::session::{TEAM_SECRET, TeamDb, session, tempfile_dir};
use std::path::Path;
use std::sync::Arc;
use voronka_app::config::ConfigFile;
use voronka_app::{Session, Startup};
use voronka_core::ErrorCode;
use voronka_core::connection::{MemorySecrets, Secret, SecretStore, TeamConnection};
use voronka_core::model::Language;
use voronka_store::Store;
use voronka_testdb::{Kind, TestDb};

/// A SQLite database a newer Voronka wrote: opening it is refused with `schema_too_new`.
async fn newer_database() -> TestDb {
    use sqlx::Connection;
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    Store::open(&db.url).await.unwrap().close().await;
    let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (999, 'from the future', TRUE, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    db
}

fn problem(startup: Startup) -> voronka_app::StartProblem {
    match startup {
        Startup::Problem(p) => p,
        Startup::Ready(info) => panic!("a database was opened instead of the problem: {}", info.database),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_database_that_fails_at_start_is_shown_with_another_file_to_pick() {
    let broken = newer_database().await;
    let dir = tempfile_dir();
    let settings = dir.join("settings.json");
    let local_file = broken.sqlite_path().unwrap().to_string();
    ConfigFile::at(Some(settings.clone())).update(|s| s.local_file = Some(local_file.clone()));
    let s = Session::new(
        None,
        ConfigFile::at(Some(settings.clone())),
        Arc::new(MemorySecrets::default()),
    );

    let err = s.open_at_start().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::SchemaTooNew, "{}", err.message);
    let p = problem(s.startup().await.unwrap());
    assert_eq!(
        (p.error.code, p.database.as_str(), p.team.is_none()),
        (ErrorCode::SchemaTooNew, broken.url.as_str(), true),
        "the window is told which file failed and why"
    );
    assert_eq!(
        s.store().await.unwrap_err().code,
        ErrorCode::InvalidState,
        "nothing is opened in its place"
    );
    problem(s.retry_start().await.unwrap());

    let taken = s.create_file(Path::new(&local_file)).await.unwrap_err();
    assert_eq!(
        (taken.code, taken.field.as_deref()),
        (ErrorCode::Invalid, Some("path")),
        "a new database never takes over a file that is there"
    );
    let fresh = dir.join("new.db");
    let info = s.create_file(&fresh).await.unwrap();
    assert_eq!(info.database, format!("sqlite:{}", fresh.display()));
    assert!(info.first_start, "a new file starts with the first-start offer");
    assert!(matches!(s.startup().await.unwrap(), Startup::Ready(_)));
    let me = s
        .first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();

    // The next start opens the file picked, with the same person signed in.
    let again = Session::new(None, ConfigFile::at(Some(settings)), Arc::new(MemorySecrets::default()));
    again.open_at_start().await.unwrap();
    let info = again.info().await.unwrap();
    assert_eq!(
        (info.database, info.user.map(|u| u.meta.id)),
        (format!("sqlite:{}", fresh.display()), Some(me.meta.id))
    );

    // A `--db` that fails is a problem too, and a file opened then is for this run only.
    let requested = session(&broken, &dir, Arc::default());
    requested.open_at_start().await.unwrap_err();
    let p = problem(requested.startup().await.unwrap());
    assert_eq!((p.database, p.team), (broken.url.clone(), None));
    let other = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let info = requested
        .open_file(Path::new(other.sqlite_path().unwrap()))
        .await
        .unwrap();
    assert_eq!(info.database, other.url);
    assert_eq!(
        ConfigFile::at(Some(dir.join("settings.json"))).get().local_file,
        Some(fresh.display().to_string()),
        "a run started with --db does not change the local file of the next runs"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_team_database_at_start_is_a_choice_not_a_silent_local_file() {
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let Some(team_db) = TeamDb::fresh().await else {
        return;
    };
    let dir = tempfile_dir();
    let settings = dir.join("settings.json");
    let secrets = Arc::new(MemorySecrets::default());
    let unreachable = TeamConnection {
        port: 1,
        ..team_db.team.clone()
    };
    secrets
        .set(&unreachable.secret_key(), &Secret::new(TEAM_SECRET))
        .unwrap();
    ConfigFile::at(Some(settings.clone())).update(|s| {
        s.team = Some(unreachable.clone());
        s.local_file = local.sqlite_path().map(Into::into);
    });
    let s = Session::new(None, ConfigFile::at(Some(settings)), secrets.clone());

    let err = s.open_at_start().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Unreachable, "{}", err.message);
    let p = problem(s.startup().await.unwrap());
    assert_eq!(
        (p.error.code, p.team.as_ref()),
        (ErrorCode::Unreachable, Some(&unreachable))
    );
    assert!(
        s.store().await.is_err(),
        "the local file is not opened behind the person's back"
    );
    problem(s.retry_start().await.unwrap());

    let info = s.work_locally().await.unwrap();
    assert_eq!(
        (info.backend.as_str(), info.database.as_str(), info.team.as_ref()),
        ("sqlite", local.url.as_str(), None)
    );
    assert_eq!(
        info.team_waiting.as_ref(),
        Some(&unreachable),
        "the header is told that the local file stands in for the team database"
    );
    let err = s.back_to_team().await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Unreachable);
    assert_eq!(
        s.info().await.unwrap().team_waiting.as_ref(),
        Some(&unreachable),
        "a failed return leaves the local file open and still marked"
    );

    // "Change the connection": the team database again, no longer marked.
    let info = s
        .connect_team(team_db.team.clone(), Secret::new(TEAM_SECRET))
        .await
        .unwrap();
    assert_eq!((info.backend.as_str(), info.team_waiting), ("postgres", None));
    let info = s.work_locally().await.unwrap();
    assert_eq!(info.team_waiting.as_ref(), Some(&team_db.team));
    let info = s.back_to_team().await.unwrap();
    assert_eq!(
        (info.backend.as_str(), info.team.as_ref(), info.team_waiting),
        ("postgres", Some(&team_db.team), None),
        "back to the team database with the keychain's password"
    );
}
