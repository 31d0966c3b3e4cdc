//! Team mode in the shell, on a real PostgreSQL: a team database made from Settings, its admin
//! signed in by their own login and choosing their password, teammates added with their cards
//! through the real command handlers, a login that is nobody's refused at start, and where the
//! team passwords may never go.

use crate::commands::{Person, app_with, invoke};
use crate::secrets::Logs;
use crate::session::tempfile_dir;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use voronka_app::config::ConfigFile;
use voronka_app::{Session, Startup};
use voronka_core::ErrorCode;
use voronka_core::connection::{MemorySecrets, Secret, SecretStore, TeamConnection, TlsMode};
use voronka_core::model::{Language, Role, UserInput};
use voronka_testdb::{Kind, TestDb};

/// The group roles are the server's: two team databases set up at once would both create them.
pub static TEAM_INIT: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The test server as the role that may create roles, for the "Create a team database" form.
fn server_of(db: &TestDb) -> TeamConnection {
    let url: url::Url = db.url.parse().unwrap();
    TeamConnection {
        host: url.host_str().unwrap().into(),
        port: url.port().unwrap_or(5432),
        database: url.path().trim_start_matches('/').into(),
        user: url.username().into(),
        tls_mode: TlsMode::Disable,
        root_cert: None,
    }
}

fn server_password(db: &TestDb) -> Secret {
    let url: url::Url = db.url.parse().unwrap();
    Secret::new(url.password().unwrap_or_default())
}

fn iryna() -> UserInput {
    UserInput {
        name: "Ірина Адмін".into(),
        email: Some("iryna.app@firm.ua".into()),
        language: Some(Language::Uk),
        ..Default::default()
    }
}

/// A session on a fresh local file that has made a team database and switched to it.
async fn team_session(db: &TestDb, dir: &Path, secrets: Arc<MemorySecrets>) -> Session {
    let local = dir.join("local.db");
    let s = Session::new(
        Some(format!("sqlite:{}", local.display())),
        ConfigFile::at(Some(dir.join("settings.json"))),
        secrets,
    );
    s.open_at_start().await.unwrap();
    let _one = TEAM_INIT.lock().await;
    s.create_team_database(server_of(db), server_password(db), iryna())
        .await
        .unwrap();
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_database_made_in_settings_signs_its_admin_in_by_login() {
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let dir = tempfile_dir();
    let secrets = Arc::new(MemorySecrets::default());
    let s = team_session(&db, &dir, secrets.clone()).await;
    let info = s.info().await.unwrap();
    let team = info.team.clone().expect("the new team database is the saved one");
    assert!(
        team.user.starts_with("iryna_app"),
        "the admin's own login: {}",
        team.user
    );
    assert_eq!(team.database, server_of(&db).database);
    let me = info.user.clone().expect("the login says who is signed in");
    assert_eq!((me.data.name.as_str(), me.data.role), ("Ірина Адмін", Role::Admin));
    assert!(!info.first_start, "a team database asks no name");
    assert!(info.must_change_password, "the admin chooses their own password first");
    let rights = info.rights.clone().unwrap();
    assert!(rights.manage_users && rights.setup && rights.roles_to_give.len() == 3);
    let handed = secrets
        .get(&team.secret_key())
        .unwrap()
        .expect("the generated password is in the keychain");
    assert_eq!(handed.expose().len(), 20);

    let err = s
        .first_start("Хтось Інший", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::InvalidState,
        "nobody becomes somebody else by name: {}",
        err.message
    );

    let err = s.set_my_password(Secret::new("short")).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("password")));
    assert_eq!(
        secrets.get(&team.secret_key()).unwrap().map(|p| p.expose().to_string()),
        Some(handed.expose().to_string()),
        "a refused password leaves the keychain as it was"
    );
    let generation = s.generation();
    let info = s.set_my_password(Secret::new("Iryna's-own-password")).await.unwrap();
    assert!(!info.must_change_password);
    assert!(
        s.generation() > generation,
        "the store is opened anew with the new password"
    );
    assert_eq!(
        secrets.get(&team.secret_key()).unwrap().map(|p| p.expose().to_string()),
        Some("Iryna's-own-password".to_string()),
        "the keychain holds the password the admin chose"
    );
    // The new password is a real one: a plain connection as the login gets in with it (the
    // test server may trust any password, so the store reopened is shown above).
    let url = team.url(&Secret::new("Iryna's-own-password"));
    voronka_store::Store::open(&url).await.unwrap().close().await;

    // The next start signs the same admin in from the saved connection and the keychain.
    let again = Session::new(None, ConfigFile::at(Some(dir.join("settings.json"))), secrets.clone());
    again.open_at_start().await.unwrap();
    let info = again.info().await.unwrap();
    assert_eq!(info.user.map(|u| u.meta.id), Some(me.meta.id));
    assert_eq!(info.rights.map(|r| r.role), Some(Role::Admin));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_screen_adds_teammates_with_cards_and_manages_them() {
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let dir = tempfile_dir();
    let s = team_session(&db, &dir, Arc::default()).await;
    s.set_my_password(Secret::new("Iryna's-own-password")).await.unwrap();
    let (_app, webview) = app_with(s.clone(), &Person::default());

    let added = invoke(
        &webview,
        "add_teammate",
        json!({"input": {"name": "Олена Коваль", "email": "olena.app@firm.ua", "role": "manager",
            "time_zone": "Europe/Kyiv", "language": "uk"}}),
    )
    .unwrap();
    let card = &added["card"];
    let login = card["login"].as_str().unwrap().to_string();
    assert!(login.starts_with("olena_app"), "{card}");
    assert_eq!(card["database"], server_of(&db).database.as_str());
    assert_eq!(
        card["password"].as_str().unwrap().len(),
        20,
        "the card carries the password once"
    );
    let olena = added["user"].clone();

    let members = invoke(&webview, "team_members", json!({})).unwrap();
    let row = members
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user"]["id"] == olena["id"])
        .unwrap()
        .clone();
    assert_eq!(row["login"], login.as_str());
    assert_eq!(row["must_change_password"], true, "she has not chosen hers yet");

    let head = invoke(
        &webview,
        "change_role",
        json!({"userId": olena["id"], "version": olena["version"], "role": "head"}),
    )
    .unwrap();
    assert_eq!(head["role"], "head");
    let stale = invoke(
        &webview,
        "set_user_active",
        json!({"userId": olena["id"], "version": olena["version"], "active": false}),
    )
    .unwrap_err();
    assert_eq!(
        stale["code"], "conflict",
        "a change at a stale version is refused: {stale}"
    );
    let off = invoke(
        &webview,
        "set_user_active",
        json!({"userId": olena["id"], "version": head["version"], "active": false}),
    )
    .unwrap();
    assert_eq!(off["active"], false);
    let on = invoke(
        &webview,
        "set_user_active",
        json!({"userId": olena["id"], "version": off["version"], "active": true}),
    )
    .unwrap();
    assert_eq!(on["active"], true);

    let reset = invoke(&webview, "reset_password", json!({"userId": olena["id"]})).unwrap();
    assert_eq!(reset["login"], login.as_str());
    assert_ne!(reset["password"], card["password"], "a reset hands over a new password");

    // A user without a login (one added in a local file before, or a demo's) gets one later.
    let store = s.store().await.unwrap();
    let (_, me) = s.actor().await.unwrap();
    let petro = store
        .create_user(
            Some(me),
            &UserInput {
                name: "Петро Без Логіна".into(),
                email: Some("petro.app@firm.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let given = invoke(&webview, "give_login", json!({"userId": petro.meta.id})).unwrap();
    assert!(given["login"].as_str().unwrap().starts_with("petro_app"), "{given}");
    let twice = invoke(&webview, "give_login", json!({"userId": petro.meta.id})).unwrap_err();
    assert_eq!(twice["code"], "invalid_state", "{twice}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_local_file_teammates_are_added_without_logins() {
    let db = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let s = crate::session::session(&db, &tempfile_dir(), Arc::default());
    s.open_at_start().await.unwrap();
    s.first_start("Олена Коваль", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    let info = s.info().await.unwrap();
    assert_eq!(
        info.rights.map(|r| r.role),
        Some(Role::Admin),
        "a local file's one user is its admin"
    );
    assert!(!info.must_change_password);
    let (_app, webview) = app_with(s, &Person::default());
    let added = invoke(
        &webview,
        "add_teammate",
        json!({"input": {"name": "Петро Іванів", "role": "manager"}}),
    )
    .unwrap();
    assert_eq!(added["card"], Value::Null, "a local file has no logins to hand over");
    let members = invoke(&webview, "team_members", json!({})).unwrap();
    assert_eq!(members.as_array().unwrap().len(), 2);
    assert!(members.as_array().unwrap().iter().all(|m| m["login"].is_null()));
    let err = invoke(&webview, "reset_password", json!({"userId": added["user"]["id"]})).unwrap_err();
    assert_eq!(err["code"], "invalid_state", "{err}");
}

/// "Move my local data to the team database" from Settings: the file's clients arrive in the
/// new team database with their ids, Voronka is switched to it as the admin's own login (their
/// generated password in the keychain), and a second move into it is refused with the file
/// still open.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_local_data_moves_to_a_new_team_database_and_the_app_switches_to_it() {
    let Some(pg) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let local = TestDb::fresh(Kind::Sqlite).await.unwrap();
    let dir = tempfile_dir();
    let secrets = Arc::new(MemorySecrets::default());
    let s = crate::session::session(&local, &dir, secrets.clone());
    s.open_at_start().await.unwrap();
    s.first_start("Ірина Адмін", Language::Uk, false, &mut |_, _| {})
        .await
        .unwrap();
    let (store, me) = s.actor().await.unwrap();
    let input = voronka_core::model::CompanyInput {
        name: "ТОВ Дах".into(),
        work_phone: Some("+380671234567".into()),
        ..Default::default()
    };
    let company = store.create_company(me, &input).await.unwrap();
    let (_app, webview) = app_with(s.clone(), &Person::default());
    let args = json!({"server": server_of(&pg), "password": server_password(&pg).expose()});
    let info = {
        let _one = TEAM_INIT.lock().await;
        invoke(&webview, "move_to_team", args.clone()).unwrap()
    };
    assert_eq!(
        info["user"]["id"],
        json!(me),
        "the mover is signed in as themself: {info}"
    );
    assert_eq!(info["team"]["database"], json!(server_of(&pg).database));
    assert!(
        info["must_change_password"].as_bool().unwrap(),
        "then chooses their own password"
    );
    let team = s.info().await.unwrap().team.unwrap();
    assert!(
        secrets.get(&team.secret_key()).unwrap().is_some(),
        "the login's password is in the keychain"
    );
    let (team_store, _) = s.actor().await.unwrap();
    assert_eq!(team_store.backend(), voronka_store::Backend::Postgres);
    let moved: voronka_core::model::Company = team_store.get(company.meta.id).await.unwrap();
    assert_eq!(moved.data.name, company.data.name, "the company keeps its id");

    // Back on the file, a second move is refused: the team database is not empty.
    s.work_locally().await.unwrap();
    let err = invoke(&webview, "move_to_team", args).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("not_empty"), Some("db")),
        "{err}"
    );
    let (still, _) = s.actor().await.unwrap();
    assert_eq!(still.backend(), voronka_store::Backend::Sqlite, "the file stays open");
}

/// Drops a login the test made by hand when the test ends.
struct Login(String);

impl Drop for Login {
    fn drop(&mut self) {
        let login = &self.0;
        let admin =
            std::env::var("VORONKA_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        crate::session::cleanup(
            admin,
            vec![format!("DROP OWNED BY {login}"), format!("DROP ROLE IF EXISTS {login}")],
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_that_is_no_active_users_is_a_forbidden_start() {
    use sqlx::Connection;
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let dir = tempfile_dir();
    let _s = team_session(&db, &dir, Arc::default()).await;
    let server = server_of(&db);
    let stray = Login(format!("voronka_stray_{}", uuid::Uuid::new_v4().simple()));
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    for sql in [
        format!("CREATE ROLE {} LOGIN PASSWORD 'stray-password-1'", stray.0),
        format!("GRANT CONNECT ON DATABASE {} TO {}", server.database, stray.0),
        format!("GRANT voronka_manager TO {}", stray.0),
    ] {
        sqlx::query(&sql).execute(&mut conn).await.unwrap();
    }
    let url = TeamConnection {
        user: stray.0.clone(),
        ..server
    }
    .url(&Secret::new("stray-password-1"));
    let s = Session::new(
        Some(url),
        ConfigFile::at(Some(dir.join("other.json"))),
        Arc::new(MemorySecrets::default()),
    );
    let err = s.open_at_start().await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("user")),
        "{}",
        err.message
    );
    let Startup::Problem(problem) = s.startup().await.unwrap() else {
        panic!("a login that is nobody's opens nothing")
    };
    assert_eq!(problem.error.code, ErrorCode::Forbidden);
    assert!(
        problem.error.message.contains(&stray.0),
        "it names the login: {}",
        problem.error.message
    );
    assert!(
        s.store().await.is_err(),
        "no store stays open for a login that is nobody's"
    );
}

/// Every file under `dir`, as text.
fn every_file(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(every_file(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            files.push((path.display().to_string(), String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    files
}

// One thread: the subscriber is this thread's, and the session's work all happens on it.
#[tokio::test]
async fn team_passwords_reach_no_file_of_the_config_folder_and_no_log() {
    let Some(db) = TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let (logs, _capture) = Logs::capture();
    let dir = tempfile_dir();
    let secrets = Arc::new(MemorySecrets::default());
    let s = team_session(&db, &dir, secrets.clone()).await;
    let team = s.info().await.unwrap().team.unwrap();
    let handed = secrets.get(&team.secret_key()).unwrap().unwrap().expose().to_string();
    let own = "Iryna's-very-own-password";
    s.set_my_password(Secret::new(own)).await.unwrap();
    // The store's calls behind add_teammate and reset_password, on this thread: the IPC would
    // run them on Tauri's runtime, where this thread's log capture does not reach.
    let (store, me) = s.actor().await.unwrap();
    let olena = store
        .create_user(
            Some(me),
            &UserInput {
                name: "Олена Коваль".into(),
                email: Some("olena.log@firm.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let card = store
        .give_login(me, olena.meta.id)
        .await
        .unwrap()
        .password
        .expose()
        .to_string();
    let card2 = store
        .reset_password(me, olena.meta.id)
        .await
        .unwrap()
        .password
        .expose()
        .to_string();
    // A failed sign-in with a wrong password is logged too, by the start-up.
    let wrong = Session::new(
        Some(team.url(&Secret::new("wrong-password-here"))),
        ConfigFile::at(Some(dir.join("settings.json"))),
        secrets.clone(),
    );
    let _ = wrong.open_at_start().await;
    let debug = format!("{s:?} {:?}", s.info().await.unwrap());

    let files = every_file(&dir);
    assert!(
        files.iter().any(|(p, _)| p.ends_with("settings.json")),
        "the settings were written: {files:?}"
    );
    for secret in [handed.as_str(), own, card.as_str(), card2.as_str()] {
        for (path, text) in &files {
            assert!(!text.contains(secret), "a team password is in {path}");
        }
        assert!(!debug.contains(secret), "a team password is in a Debug output: {debug}");
        let logged = logs.text();
        assert!(!logged.contains(secret), "a team password is in the logs: {logged}");
    }
    let logged = logs.text();
    assert!(!logged.is_empty(), "the logs were captured");
}
