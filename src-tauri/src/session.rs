//! Which database is open and who works in it. Switching databases opens the new one first and
//! keeps the old one when that fails, so a wrong password never leaves the app without data.

use crate::config::ConfigFile;
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::RwLock;
use voronka_core::connection::{Secret, SecretStore, TeamConnection};
use voronka_core::model::{Language, Role, User, UserInput};
use voronka_core::{Error, ErrorCode, Id, Result};
use voronka_store::{Backend, Store, default_database_url, redact};

/// What the UI needs to know at start: where the data is and who is signed in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub backend: String,
    /// The database, password removed.
    pub database: String,
    pub schema_version: i64,
    pub team: Option<TeamConnection>,
    pub user: Option<User>,
    /// No user is signed in to this database yet: ask the name and language, offer demo data.
    pub first_start: bool,
    /// Why the team database could not be opened at start, if it could not.
    pub warning: Option<crate::commands::ApiError>,
}

#[derive(Clone, Debug)]
pub struct Session(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    requested: Option<String>,
    config: ConfigFile,
    secrets: Arc<dyn SecretStore>,
    open: RwLock<Option<Open>>,
    warning: RwLock<Option<Error>>,
    /// Moves on every switch of database or user: loops that hold a store see they must renew.
    generation: AtomicU64,
}

#[derive(Debug, Clone)]
struct Open {
    store: Store,
    /// The key of this database in the settings (its redacted URL).
    key: String,
    user: Option<Id>,
}

/// The demo a first start offers: enough to try every screen, loaded in seconds.
const DEMO_SCALE: u64 = 2_000;

impl Session {
    pub fn new(requested: Option<String>, config: ConfigFile, secrets: Arc<dyn SecretStore>) -> Session {
        Session(Arc::new(Inner {
            requested,
            config,
            secrets,
            open: RwLock::new(None),
            warning: RwLock::new(None),
            generation: AtomicU64::new(0),
        }))
    }

    /// Changes whenever the open database or the signed-in user does.
    pub fn generation(&self) -> u64 {
        self.0.generation.load(Ordering::SeqCst)
    }

    pub fn config(&self) -> &ConfigFile {
        &self.0.config
    }

    /// Opens `--db`/`VORONKA_DB` if given, else the saved team database, else the local file.
    pub async fn open_at_start(&self) -> Result<()> {
        if let Some(url) = self.0.requested.clone() {
            return self.switch_to(&url).await;
        }
        if let Some(team) = self.0.config.get().team {
            let opened = match self.0.secrets.get(&team.secret_key()) {
                Ok(Some(password)) => self.switch_to(&team.url(&password)).await,
                Ok(None) => {
                    Err(Error::new(ErrorCode::WrongPassword, "the team password is not in the keychain").on("password"))
                }
                Err(e) => Err(e),
            };
            match opened {
                Ok(()) => return Ok(()),
                Err(e) => {
                    tracing::warn!("team database unavailable, opening the local one: {e}");
                    *self.0.warning.write().await = Some(e);
                }
            }
        }
        self.switch_to(&self.local_url()?).await
    }

    /// The local database: the SQLite file given with `--db`/`VORONKA_DB`, else this user's own.
    fn local_url(&self) -> Result<String> {
        match &self.0.requested {
            Some(url) if url.starts_with("sqlite:") => Ok(url.clone()),
            _ => default_database_url(),
        }
    }

    async fn switch_to(&self, url: &str) -> Result<()> {
        let store = Store::open(url).await?;
        let key = redact(url);
        let mut user = self.0.config.get().users.get(&key).copied();
        if let Some(id) = user
            && store.get::<User>(id).await.is_err()
        {
            user = None;
        }
        let old = self.0.open.write().await.replace(Open { store, key, user });
        self.0.generation.fetch_add(1, Ordering::SeqCst);
        if let Some(old) = old {
            old.store.close().await;
        }
        Ok(())
    }

    pub async fn store(&self) -> Result<Store> {
        self.0
            .open
            .read()
            .await
            .as_ref()
            .map(|o| o.store.clone())
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "no database is open"))
    }

    /// The store and the signed-in user, for every command that changes data.
    pub async fn actor(&self) -> Result<(Store, Id)> {
        let open = self.0.open.read().await;
        let open = open
            .as_ref()
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "no database is open"))?;
        let user = open
            .user
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "tell Voronka your name first"))?;
        Ok((open.store.clone(), user))
    }

    pub async fn info(&self) -> Result<AppInfo> {
        let open = self
            .0
            .open
            .read()
            .await
            .clone()
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "no database is open"))?;
        let user = match open.user {
            Some(id) => open.store.get::<User>(id).await.ok(),
            None => None,
        };
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            backend: match open.store.backend() {
                Backend::Sqlite => "sqlite".into(),
                Backend::Postgres => "postgres".into(),
            },
            database: open.key.clone(),
            schema_version: open.store.schema_version().await?,
            team: self
                .0
                .config
                .get()
                .team
                .filter(|_| open.store.backend() == Backend::Postgres),
            first_start: user.is_none(),
            user,
            warning: self.0.warning.read().await.clone().map(Into::into),
        })
    }

    /// The first start in a database: with demo data the person takes over the demo's first
    /// manager (so Today is full); in an empty database they become its admin; in a team
    /// database they find themselves by name or join as a manager. `progress(done, total)`
    /// follows the demo's loading, in deals.
    pub async fn first_start(
        &self,
        name: &str,
        language: Language,
        demo: bool,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<User> {
        let store = self.store().await?;
        let input = UserInput {
            name: name.into(),
            language: Some(language),
            ..Default::default()
        };
        input.validate()?;
        let user = if store.is_empty().await? {
            if demo {
                let today = store.clock().now().date_naive();
                let options = voronka_demo::DemoOptions {
                    seed: 1,
                    scale: DEMO_SCALE,
                    today,
                };
                voronka_demo::load(&store, &options, progress).await?;
                let manager = store
                    .list_users()
                    .await?
                    .into_iter()
                    .find(|u| u.data.role == Role::Manager && u.data.active);
                let manager = manager.ok_or_else(|| Error::storage("the demo has no manager"))?;
                let me = UserInput {
                    role: Some(Role::Manager),
                    email: manager.data.email.as_ref().map(|e| e.to_string()),
                    ..input
                };
                store
                    .update_user(manager.meta.id, manager.meta.id, manager.meta.version, &me)
                    .await?
            } else {
                let admin = store
                    .create_user(
                        None,
                        &UserInput {
                            role: Some(Role::Admin),
                            ..input
                        },
                    )
                    .await?;
                store.install_defaults(admin.meta.id).await?;
                admin
            }
        } else {
            let users = store.list_users().await?;
            match users
                .iter()
                .find(|u| u.data.name.as_str().to_lowercase() == name.trim().to_lowercase())
            {
                Some(existing) => existing.clone(),
                None => {
                    let inviter = users
                        .iter()
                        .find(|u| u.data.role != Role::Manager)
                        .or(users.first())
                        .map(|u| u.meta.id);
                    store.create_user(inviter, &input).await?
                }
            }
        };
        self.sign_in(user.meta.id).await;
        Ok(user)
    }

    async fn sign_in(&self, user: Id) {
        let mut open = self.0.open.write().await;
        if let Some(open) = open.as_mut() {
            open.user = Some(user);
            self.0.generation.fetch_add(1, Ordering::SeqCst);
            let key = open.key.clone();
            self.0.config.update(|s| {
                s.users.insert(key, user);
            });
        }
    }

    /// Opens a team database; only when it opens are the connection saved and the password
    /// put in the keychain. A failure says why and leaves the current database open.
    pub async fn connect_team(&self, team: TeamConnection, password: Secret) -> Result<AppInfo> {
        team.validate()?;
        self.switch_to(&team.url(&password)).await?;
        self.0.secrets.set(&team.secret_key(), &password)?;
        self.0.config.update(|s| s.team = Some(team));
        *self.0.warning.write().await = None;
        self.info().await
    }

    /// Back to the local file; the team connection is forgotten, its password too.
    pub async fn use_local(&self) -> Result<AppInfo> {
        self.switch_to(&self.local_url()?).await?;
        if let Some(team) = self.0.config.get().team {
            self.0.secrets.delete(&team.secret_key())?;
        }
        self.0.config.update(|s| s.team = None);
        *self.0.warning.write().await = None;
        self.info().await
    }
}
