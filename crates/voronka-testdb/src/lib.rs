//! A fresh database per test, on either backend, removed when the test ends (pass or fail).
//!
//! PostgreSQL comes from `VORONKA_TEST_PG` (default: the local server as `postgres`). Without a
//! reachable server the PostgreSQL half of a test is skipped locally, but with `CI=true` it
//! fails: a CI run must never pass by testing SQLite twice.

use sqlx::Connection;

mod moved;
pub use moved::comparable_after_move;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// A database that exists while this value lives.
#[derive(Debug)]
pub struct TestDb {
    pub kind: Kind,
    pub url: String,
    guard: Guard,
}

#[derive(Debug)]
enum Guard {
    Sqlite(#[allow(dead_code, reason = "held so the folder lives as long as the database")] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

fn pg_admin_url() -> String {
    std::env::var("VORONKA_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

impl TestDb {
    /// A new empty database, or `None` for PostgreSQL when no server answers outside CI.
    pub async fn fresh(kind: Kind) -> Option<TestDb> {
        match kind {
            Kind::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = format!("sqlite:{}", dir.path().join("voronka.db").display());
                Some(TestDb {
                    kind,
                    url,
                    guard: Guard::Sqlite(dir),
                })
            }
            Kind::Postgres => {
                let admin_url = pg_admin_url();
                let mut conn = match sqlx::PgConnection::connect(&admin_url).await {
                    Ok(conn) => conn,
                    Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
                        panic!("PostgreSQL at {admin_url} is required in CI and is unreachable: {e}")
                    }
                    Err(e) => {
                        eprintln!("skipping the PostgreSQL half: {admin_url} is unreachable ({e})");
                        return None;
                    }
                };
                let name = format!("voronka_test_{}", uuid::Uuid::new_v4().simple());
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create a test database");
                let (base, _) = admin_url
                    .rsplit_once('/')
                    .expect("VORONKA_TEST_PG ends with a database name");
                let url = format!("{base}/{name}");
                Some(TestDb {
                    kind,
                    url,
                    guard: Guard::Postgres { admin_url, name },
                })
            }
        }
    }

    /// The SQLite file's path (for tools that take a path).
    pub fn sqlite_path(&self) -> Option<&str> {
        self.url.strip_prefix("sqlite:")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Guard::Postgres { admin_url, name } = &self.guard {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async code: a short-lived runtime on its own thread does the work.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime");
                rt.block_on(async {
                    // Logins are the server's, not the database's: the ones its users were
                    // given, and a team database's owner role, go with it.
                    let mut roles = vec![format!("{name}_owner")];
                    let (base, _) = admin_url.rsplit_once('/').unwrap_or((&admin_url, ""));
                    if let Ok(mut db) = sqlx::PgConnection::connect(&format!("{base}/{name}")).await {
                        let logins: Vec<String> = sqlx::query_scalar("SELECT login FROM users WHERE login IS NOT NULL")
                            .fetch_all(&mut db)
                            .await
                            .unwrap_or_default();
                        roles.extend(logins);
                        let _ = db.close().await;
                    }
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut conn)
                            .await;
                        for role in roles {
                            let role = role.replace('"', "\"\"");
                            let _ = sqlx::query(&format!("DROP ROLE IF EXISTS \"{role}\""))
                                .execute(&mut conn)
                                .await;
                        }
                    }
                });
            })
            .join();
        }
    }
}
