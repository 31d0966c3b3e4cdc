//! Each contract test runs twice, on a fresh SQLite file and on a fresh PostgreSQL database
//! (see `voronka-testdb`), through the same code.

use chrono::{DateTime, TimeZone, Utc};
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::{Id, ManualClock, RandomIds};
use voronka_store::Store;

pub use voronka_testdb::Kind;
use voronka_testdb::TestDb;

/// A fresh database, a store on it with a hand-moved clock, and a small team.
pub struct Ctx {
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub kind: Kind,
    pub url: String,
    /// The first user: sets the department up (pipelines, dictionaries, users).
    pub admin: User,
    pub head: User,
    pub olena: User,
    pub petro: User,
    pub pipeline: Pipeline,
    pub stages: Vec<Stage>,
    pub reasons: Vec<LossReason>,
    _db: TestDb,
}

pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

pub async fn setup(kind: Kind) -> Option<Ctx> {
    let db = TestDb::fresh(kind).await?;
    let url = db.url.clone();
    let clock = Arc::new(ManualClock::new(start()));
    let store = Store::open_with(&url, clock.clone(), Arc::new(RandomIds::new()))
        .await
        .expect("open a fresh database");
    let user = |name: &str, role| UserInput {
        name: name.into(),
        role: Some(role),
        ..Default::default()
    };
    let admin = store
        .create_user(None, &user("Адам Адмінович", Role::Admin))
        .await
        .expect("first user");
    let head = store
        .create_user(Some(admin.meta.id), &user("Оксана Керівна", Role::Head))
        .await
        .expect("user");
    let olena = store
        .create_user(Some(head.meta.id), &user("Олена Коваль", Role::Manager))
        .await
        .expect("user");
    let petro = store
        .create_user(Some(head.meta.id), &user("Петро Шевчук", Role::Manager))
        .await
        .expect("user");
    store.install_defaults(admin.meta.id).await.expect("defaults");
    let pipeline = store.list_pipelines().await.expect("pipelines").remove(0);
    let stages = store.list_stages(pipeline.meta.id).await.expect("stages");
    let reasons = store.list_loss_reasons().await.expect("reasons");
    Some(Ctx {
        store,
        clock,
        kind,
        url,
        admin,
        head,
        olena,
        petro,
        pipeline,
        stages,
        reasons,
        _db: db,
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
            industry: Some("construction".into()),
            ..Default::default()
        };
        self.store
            .create_company(self.olena_id(), &input)
            .await
            .expect("create company")
    }

    /// A client of `owner`: a company with a work phone, its contact and an open deal (a new
    /// lead, whose contact task is the owner's).
    pub async fn client_of(&self, owner: Id, name: &str, phone: &str) -> (Company, Contact, Deal) {
        let company = self
            .store
            .create_company(
                owner,
                &CompanyInput {
                    name: name.into(),
                    work_phone: Some(phone.into()),
                    ..Default::default()
                },
            )
            .await
            .expect("create company");
        let contact = self
            .store
            .create_contact(
                owner,
                &ContactInput {
                    full_name: format!("Контакт {name}"),
                    company_id: Some(company.meta.id),
                    ..Default::default()
                },
            )
            .await
            .expect("create contact");
        let deal = self
            .store
            .create_deal(
                owner,
                &self.deal_with(&format!("Угода {name}"), &company, &contact),
                None,
            )
            .await
            .expect("create deal");
        (company, contact, deal)
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

    /// A deal input linked to a company and its contact, as the later stages require.
    pub fn deal_with(&self, title: &str, company: &Company, contact: &Contact) -> DealInput {
        DealInput {
            company_id: Some(company.meta.id),
            contact_ids: vec![contact.meta.id],
            ..self.deal_input(title)
        }
    }

    pub fn deal_input(&self, title: &str) -> DealInput {
        DealInput::titled(title, self.pipeline.meta.id)
    }

    /// The department works Monday to Friday with no public holidays (its defaults take
    /// Ukraine's, such as Monday 9 March 2026 for Women's Day on a Sunday): for tests whose
    /// arithmetic counts plain weekdays.
    pub async fn weekdays_only(&self) {
        let current = self.store.process_settings().await.expect("settings");
        let d = &current.data;
        let input = ProcessSettingsInput {
            title_template: d.title_template.clone(),
            lead_response_minutes: d.lead_response_minutes,
            stuck_days: d.stuck_days,
            idle_days: d.idle_days,
            task_horizon_days: Some(d.task_horizon_days),
            working_days: vec![1, 2, 3, 4, 5],
            holidays: vec![],
            default_currency: d.default_currency.as_str().into(),
        };
        self.store
            .save_process_settings(self.admin.meta.id, current.meta.version, &input)
            .await
            .expect("save the settings");
    }

    /// Every table as export-json gives it: table name → rows.
    pub async fn export(&self) -> serde_json::Value {
        let mut text = Vec::new();
        self.store.export_json(&mut text).await.expect("export");
        serde_json::from_slice(&text).expect("the export is JSON")
    }

    /// Rows of a table, for checking that a refused change wrote nothing.
    pub async fn count(&self, table: &str) -> i64 {
        self.export()
            .await
            .get(table)
            .and_then(|v| v.as_array())
            .map(|a| a.len() as i64)
            .unwrap_or_else(|| panic!("no table {table}"))
    }
}

/// Asserts that `result` was refused with `code` on `field`.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(result: voronka_core::Result<T>, code: voronka_core::ErrorCode, field: &str) {
    let err = result.expect_err("refused");
    assert_eq!((err.code, err.field.as_deref()), (code, Some(field)), "{}", err.message);
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
