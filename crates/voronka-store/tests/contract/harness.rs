//! Each contract test runs twice, on a fresh SQLite file and on a fresh PostgreSQL database,
//! through the same code. The database is dropped when the test ends, pass or fail.
//!
//! PostgreSQL comes from `VORONKA_TEST_PG` (default: the local server as `postgres`). Without a
//! reachable server the PostgreSQL half is skipped locally, but with `CI=true` it fails: a CI
//! run must never pass by testing SQLite twice.

use chrono::{DateTime, TimeZone, Utc};
use sqlx::Connection;
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::{Id, ManualClock, RandomIds};
use voronka_store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// A fresh database, a store on it with a hand-moved clock, and a small team.
pub struct Ctx {
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub kind: Kind,
    pub url: String,
    pub head: User,
    pub olena: User,
    pub petro: User,
    pub pipeline: Pipeline,
    pub stages: Vec<Stage>,
    pub reasons: Vec<LossReason>,
    _guard: Guard,
}

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

fn pg_base() -> String {
    std::env::var("VORONKA_TEST_PG").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub enum Guard {
    Sqlite(#[allow(dead_code, reason = "held so the folder lives as long as the test")] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async; a short-lived runtime on its own thread drops the database.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut conn)
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

/// Opens a fresh database of `kind`, or `None` when PostgreSQL is unreachable outside CI.
pub async fn fresh(kind: Kind) -> Option<(String, Guard)> {
    match kind {
        Kind::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite:{}", dir.path().join("voronka.db").display());
            Some((url, Guard::Sqlite(dir)))
        }
        Kind::Postgres => {
            let admin_url = pg_base();
            let mut conn = match sqlx::PgConnection::connect(&admin_url).await {
                Ok(conn) => conn,
                Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
                    panic!("PostgreSQL at {admin_url} is required in CI and unreachable: {e}")
                }
                Err(e) => {
                    eprintln!("skipping the PostgreSQL half: {admin_url} unreachable ({e})");
                    return None;
                }
            };
            let name = format!("voronka_test_{}", uuid::Uuid::new_v4().simple());
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let url = match admin_url.rsplit_once('/') {
                Some((base, _)) => format!("{base}/{name}"),
                None => panic!("VORONKA_TEST_PG must end with a database name"),
            };
            Some((url, Guard::Postgres { admin_url, name }))
        }
    }
}

pub async fn setup(kind: Kind) -> Option<Ctx> {
    let (url, guard) = fresh(kind).await?;
    let clock = Arc::new(ManualClock::new(start()));
    let store = Store::open_with(&url, clock.clone(), Arc::new(RandomIds::new()))
        .await
        .expect("open a fresh database");
    let user = |name: &str, role| UserInput {
        name: name.into(),
        role: Some(role),
        ..Default::default()
    };
    let head = store
        .create_user(None, &user("Оксана Керівна", Role::Head))
        .await
        .expect("first user");
    let olena = store
        .create_user(Some(head.meta.id), &user("Олена Коваль", Role::Manager))
        .await
        .expect("user");
    let petro = store
        .create_user(Some(head.meta.id), &user("Петро Шевчук", Role::Manager))
        .await
        .expect("user");
    store.install_defaults(head.meta.id).await.expect("defaults");
    let pipeline = store.list_pipelines().await.expect("pipelines").remove(0);
    let stages = store.list_stages(pipeline.meta.id).await.expect("stages");
    let reasons = store.list_loss_reasons().await.expect("reasons");
    Some(Ctx {
        store,
        clock,
        kind,
        url,
        head,
        olena,
        petro,
        pipeline,
        stages,
        reasons,
        _guard: guard,
    })
}

impl Ctx {
    pub fn stage(&self, name: &str) -> &Stage {
        self.stages
            .iter()
            .find(|s| s.data.name.as_str() == name)
            .unwrap_or_else(|| panic!("no stage {name}"))
    }

    pub fn clock_now(&self) -> DateTime<Utc> {
        voronka_core::Clock::now(&*self.clock)
    }

    pub fn olena_id(&self) -> Id {
        self.olena.meta.id
    }

    /// A company with a full card owned by Olena.
    pub async fn company(&self, name: &str, phone: &str) -> Company {
        let input = CompanyInput {
            name: name.into(),
            city: Some("Львів".into()),
            work_phone: Some(phone.into()),
            industry: Some("Будівництво".into()),
            ..Default::default()
        };
        self.store
            .create_company(self.olena_id(), &input)
            .await
            .expect("create company")
    }

    pub async fn contact(&self, company: &Company, name: &str, phone: &str) -> Contact {
        let input = ContactInput {
            full_name: name.into(),
            company_id: Some(company.meta.id),
            phones: vec![phone.into()],
            ..Default::default()
        };
        self.store
            .create_contact(self.olena_id(), &input)
            .await
            .expect("create contact")
    }

    pub fn deal_input(&self, title: &str) -> DealInput {
        DealInput {
            title: title.into(),
            company_id: None,
            contact_ids: vec![],
            owner_id: None,
            pipeline_id: self.pipeline.meta.id,
            amount: None,
            currency: None,
            win_probability: None,
            planned_payment_date: None,
            expected_close_date: None,
            sales_channel: None,
            communication_channel: None,
            lead_source: None,
            qualification: vec![],
            loss_comment: None,
        }
    }

    /// Rows of a table, for checking that a refused change wrote nothing.
    pub async fn count(&self, table: &str) -> i64 {
        let export = self.store.export_json().await.expect("export");
        export
            .get(table)
            .and_then(|v| v.as_array())
            .map(|a| a.len() as i64)
            .unwrap_or_else(|| panic!("no table {table}"))
    }
}

/// Declares contract tests: each listed `async fn(Ctx)` runs once per backend.
macro_rules! contract {
    ($($module:ident :: $name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let ctx = crate::harness::setup(crate::harness::Kind::Sqlite).await.expect("SQLite is always there");
                    crate::$module::$name(ctx).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(ctx) = crate::harness::setup(crate::harness::Kind::Postgres).await {
                        crate::$module::$name(ctx).await;
                    }
                }
            )*
        }
    };
}
pub(crate) use contract;
