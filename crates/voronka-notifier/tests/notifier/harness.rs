use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::Arc;
use voronka_core::model::{Language, Role, Task, TaskInput, TaskKind, UserInput};
use voronka_core::notify::NotificationSettings;
use voronka_core::{Id, ManualClock, RandomIds};
use voronka_store::Store;
pub use voronka_testdb::Kind;
use voronka_testdb::TestDb;

/// A fresh database with one manager whose notifications are only about her tasks' due times.
#[derive(Debug)]
pub struct Ctx {
    pub store: Store,
    pub clock: Arc<ManualClock>,
    pub url: String,
    pub user: Id,
    _db: Option<TestDb>,
}

/// Friday 2026-11-20, 09:00 in Kyiv.
pub fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 7, 0, 0)
        .single()
        .expect("a valid instant")
}

impl Ctx {
    /// `None` when PostgreSQL is asked for and absent outside CI.
    pub async fn fresh(kind: Kind) -> Option<Ctx> {
        let db = TestDb::fresh(kind).await?;
        Some(Ctx::at(db.url.clone(), Some(db)).await)
    }

    /// Over the database at `url` (a file the caller keeps).
    pub async fn at(url: String, db: Option<TestDb>) -> Ctx {
        let clock = Arc::new(ManualClock::new(start()));
        let store = Store::open_with(&url, clock.clone(), Arc::new(RandomIds::new()))
            .await
            .expect("the store opens");
        let user = store
            .create_user(
                None,
                &UserInput {
                    name: "Олена Коваль".into(),
                    role: Some(Role::Manager),
                    time_zone: Some("Europe/Kyiv".into()),
                    language: Some(Language::En),
                    ..Default::default()
                },
            )
            .await
            .expect("the first user")
            .meta
            .id;
        // No check-ins and no early reminders: a story hears only of its overdue tasks.
        let quiet = NotificationSettings {
            check_in_times: vec![],
            reminder_lead_minutes: 0,
            ..Default::default()
        };
        store
            .save_notification_settings(user, user, 0, &quiet)
            .await
            .expect("settings saved");
        Ctx {
            store,
            clock,
            url,
            user,
            _db: db,
        }
    }

    /// Another store over the same database, as after a restart of the app.
    pub async fn reopen(&self) -> Store {
        Store::open_with(&self.url, self.clock.clone(), Arc::new(RandomIds::new()))
            .await
            .expect("the store opens again")
    }

    pub async fn task_due_in(&self, minutes: i64, title: &str) -> Task {
        self.store
            .create_task(
                self.user,
                &TaskInput {
                    kind: TaskKind::Call,
                    title: title.into(),
                    deal_id: None,
                    company_id: None,
                    contact_id: None,
                    assignee_id: Some(self.user),
                    due_at: self.clock_now() + Duration::minutes(minutes),
                },
            )
            .await
            .expect("the task is created")
    }

    pub fn clock_now(&self) -> DateTime<Utc> {
        use voronka_core::Clock;
        self.clock.now()
    }
}
