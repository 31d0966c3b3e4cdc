//! Which database is open and who works in it. Switching databases opens the new one first and
//! keeps the old one when that fails, so a wrong password never leaves the app without data.
//!
//! At start nothing is opened in place of what was asked for: a database that fails (a broken
//! file, an unreachable team server) leaves the session without one and with a [`StartProblem`],
//! and the person chooses what to do on the start-up screen. Working on the local file while the
//! team database is saved is marked ([`AppInfo::team_waiting`]) until they go back.

use crate::commands::ApiError;
use crate::config::{ConfigFile, database_key};
use serde::Serialize;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use tokio::sync::RwLock;
use voronka_core::connection::{Secret, SecretStore, TeamConnection};
use voronka_core::model::{Language, Role, User, UserInput};
use voronka_core::rights::Rights;
use voronka_core::{Error, ErrorCode, Id, Result};
use voronka_store::{Backend, Identity, Store, default_database_url};

mod backups;
pub use backups::Backups;
mod team;

/// What the UI needs to know about the open database: where the data is and who is signed in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    pub backend: String,
    /// The database, password removed.
    pub database: String,
    pub schema_version: i64,
    /// The team database, when it is the one open.
    pub team: Option<TeamConnection>,
    /// The saved team database while the person works on the local file instead (it could not
    /// be opened at start): the header says "local file" and offers to go back to it.
    pub team_waiting: Option<TeamConnection>,
    pub user: Option<User>,
    /// No user is signed in to this database yet: ask the name and language, offer demo data.
    /// Never for a teammate of a team database, whose login says who they are.
    pub first_start: bool,
    /// What the signed-in user's role may do (a local file's user is its admin); `None` while
    /// nobody is signed in.
    pub rights: Option<Rights>,
    /// The signed-in teammate still has the password they were handed: they choose their own
    /// before anything else.
    pub must_change_password: bool,
    /// The shortest password one may choose (the core's rule, said before asking).
    pub min_password_chars: u32,
}

/// Why no database is open after the start, and which one failed.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct StartProblem {
    pub error: ApiError,
    /// The database that could not be opened, password removed.
    pub database: String,
    /// The saved team database, when it is the one that failed; `None` for a file or `--db`.
    pub team: Option<TeamConnection>,
}

/// The state the window opens on: a database, or the problem that kept every database closed.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Startup {
    // Boxed: the info is several times the size of a problem, and serde/specta see through it.
    Ready(Box<AppInfo>),
    Problem(StartProblem),
}

#[derive(Clone)]
pub struct Session(Arc<Inner>);

struct Inner {
    /// The `--db`/`VORONKA_DB` URL as given: it may hold a password, so it is never shown.
    requested: Option<String>,
    config: ConfigFile,
    secrets: Arc<dyn SecretStore>,
    open: RwLock<Option<Open>>,
    /// Why nothing is open, until the person picks a way out.
    problem: RwLock<Option<StartProblem>>,
    /// A local file picked on the start-up screen: the local database for the rest of this run.
    picked: RwLock<Option<String>>,
    /// Working on the local file while the saved team database waits.
    away_from_team: AtomicBool,
    /// Moves on every switch of database or user: loops that hold a store see they must renew.
    generation: AtomicU64,
}

impl fmt::Debug for Session {
    // The requested URL may hold a password (`postgres://u:pw@…`, `?password=`): only its key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = self.0.open.try_read().ok().map(|o| o.as_ref().map(|o| o.key.clone()));
        f.debug_struct("Session")
            .field("requested", &self.0.requested.as_deref().map(database_key))
            .field("open", &open)
            .field("away_from_team", &self.0.away_from_team.load(Ordering::SeqCst))
            .field("generation", &self.generation())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
struct Open {
    store: Store,
    /// The key of this database in the settings ([`database_key`]).
    key: String,
    user: Option<Id>,
    /// The user is the team database login's own: nobody chooses or changes it in the app.
    by_login: bool,
}

/// The demo a first start offers: enough to try every screen, loaded in seconds.
const DEMO_SCALE: u64 = 2_000;

/// How the team database is named on screen and in the settings: its URL without password.
fn team_key(team: &TeamConnection) -> String {
    database_key(&team.url(&Secret::new(String::new())))
}

impl Startup {
    /// The screen the window shows for this state, as the log names it.
    pub fn screen(&self) -> &'static str {
        match self {
            Startup::Problem(_) => "start_problem",
            Startup::Ready(info) if info.first_start => "first_start",
            Startup::Ready(info) if info.must_change_password => "choose_password",
            Startup::Ready(_) => "today",
        }
    }
}

impl Session {
    pub fn new(requested: Option<String>, config: ConfigFile, secrets: Arc<dyn SecretStore>) -> Session {
        Session(Arc::new(Inner {
            requested,
            config,
            secrets,
            open: RwLock::new(None),
            problem: RwLock::new(None),
            picked: RwLock::new(None),
            away_from_team: AtomicBool::new(false),
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
    /// When that fails nothing else is opened in its place: the error becomes the session's
    /// [`StartProblem`] (and is returned) until the person chooses on the start-up screen.
    pub async fn open_at_start(&self) -> Result<()> {
        let team = match &self.0.requested {
            Some(_) => None,
            None => self.0.config.get().team,
        };
        let (database, opened) = match (&self.0.requested, &team) {
            (Some(url), _) => (database_key(url), self.switch_to(url).await),
            (None, Some(team)) => (team_key(team), self.open_team(team).await),
            (None, None) => match self.local_url().await {
                Ok(url) => (database_key(&url), self.switch_to(&url).await),
                Err(e) => ("sqlite:".to_string(), Err(e)),
            },
        };
        self.0.away_from_team.store(false, Ordering::SeqCst);
        let problem = opened.as_ref().err().map(|e| {
            tracing::warn!("cannot open {database} at start: {e}");
            StartProblem {
                error: e.clone().into(),
                database,
                team,
            }
        });
        *self.0.problem.write().await = problem;
        opened
    }

    /// The database in use, password removed, and its kind; else the one that failed at start.
    pub async fn database_in_use(&self) -> Option<(Option<Backend>, String)> {
        if let Some(open) = self.0.open.read().await.as_ref() {
            return Some((Some(open.store.backend()), open.key.clone()));
        }
        let problem = self.0.problem.read().await;
        problem.as_ref().map(|p| (None, p.database.clone()))
    }

    /// The window's state: the open database, or what kept it closed.
    pub async fn startup(&self) -> Result<Startup> {
        if let Some(problem) = self.0.problem.read().await.clone() {
            return Ok(Startup::Problem(problem));
        }
        Ok(Startup::Ready(Box::new(self.info().await?)))
    }

    /// "Retry" on the start-up screen: the same choice as at start, once more.
    pub async fn retry_start(&self) -> Result<Startup> {
        // A failure is the new problem the screen shows, not an error of the retry.
        let _ = self.open_at_start().await;
        self.startup().await
    }

    /// "Work on the local file": the team database stays saved, with its password, and the
    /// header says the local file is open until [`Session::back_to_team`].
    pub async fn work_locally(&self) -> Result<AppInfo> {
        let url = self.local_url().await;
        let opened = match &url {
            Ok(url) => self.switch_to(url).await,
            Err(e) => Err(e.clone()),
        };
        if let Err(e) = opened {
            // The local file fails too: its problem is the one to solve now.
            tracing::warn!("cannot open the local database either: {e}");
            *self.0.problem.write().await = Some(StartProblem {
                error: e.clone().into(),
                database: url.map(|u| database_key(&u)).unwrap_or_else(|_| "sqlite:".into()),
                team: None,
            });
            return Err(e);
        }
        self.left_the_team().await;
        self.info().await
    }

    /// Back from the local file to the saved team database, with the keychain's password. A
    /// failure says why and leaves the local file open.
    pub async fn back_to_team(&self) -> Result<AppInfo> {
        let team = self
            .0
            .config
            .get()
            .team
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "no team database is saved"))?;
        self.open_team(&team).await?;
        self.0.away_from_team.store(false, Ordering::SeqCst);
        *self.0.problem.write().await = None;
        self.info().await
    }

    /// Opens another SQLite file the person picked; it stays the local database of this run
    /// and, when the app was started without `--db`, of the next ones.
    pub async fn open_file(&self, path: &Path) -> Result<AppInfo> {
        let url = format!("sqlite:{}", path.display());
        self.switch_to(&url).await?;
        *self.0.picked.write().await = Some(url);
        if self.0.requested.is_none() {
            let file = path.display().to_string();
            self.0.config.update(|s| s.local_file = Some(file));
        }
        self.left_the_team().await;
        self.info().await
    }

    /// Makes a new local database at `path`: a file already there is never taken over (it may
    /// be anything); it can be opened with [`Session::open_file`] instead.
    pub async fn create_file(&self, path: &Path) -> Result<AppInfo> {
        if path.exists() {
            return Err(Error::invalid(
                "path",
                format!(
                    "{} already exists: choose a new name, or open it as another database",
                    path.display()
                ),
            ));
        }
        self.open_file(path).await
    }

    /// A local database is open instead of any start-up problem; the saved team, if any, waits.
    async fn left_the_team(&self) {
        let team_saved = self.0.requested.is_none() && self.0.config.get().team.is_some();
        self.0.away_from_team.store(team_saved, Ordering::SeqCst);
        *self.0.problem.write().await = None;
    }

    /// The local database: a file picked in this run, else the SQLite file given with
    /// `--db`/`VORONKA_DB`, else the one picked before, else this user's own.
    async fn local_url(&self) -> Result<String> {
        if let Some(url) = self.0.picked.read().await.clone() {
            return Ok(url);
        }
        match &self.0.requested {
            Some(url) if url.starts_with("sqlite:") => Ok(url.clone()),
            _ => match self.0.config.get().local_file {
                Some(file) => Ok(format!("sqlite:{file}")),
                None => default_database_url(),
            },
        }
    }

    /// Switches to the saved team database with the password the keychain keeps for it.
    async fn open_team(&self, team: &TeamConnection) -> Result<()> {
        let password = self.0.secrets.get(&team.secret_key())?.ok_or_else(|| {
            Error::new(ErrorCode::WrongPassword, "the team password is not in the keychain").on("password")
        })?;
        self.switch_to(&team.url(&password)).await
    }

    async fn switch_to(&self, url: &str) -> Result<()> {
        let store = Store::open(url).await?;
        self.install(store, url).await
    }

    /// Makes an opened store the session's. A teammate of a team database is the user of their
    /// login; a login that belongs to no active user is refused (`forbidden` on `user`) and the
    /// store closed. A local file, or a team database opened as its owner, signs in whoever was
    /// signed in to it last.
    async fn install(&self, store: Store, url: &str) -> Result<()> {
        let key = database_key(url);
        let (user, by_login) = match store.identity().await {
            Ok(Identity::Teammate(user)) => (Some(user.meta.id), true),
            Ok(Identity::Local | Identity::Owner { .. }) => {
                let mut user = self.0.config.get().users.get(&key).copied();
                if let Some(id) = user
                    && store.get::<User>(id).await.is_err()
                {
                    user = None;
                }
                (user, false)
            }
            Err(e) => {
                store.close().await;
                return Err(e);
            }
        };
        let old = self.0.open.write().await.replace(Open {
            store,
            key,
            user,
            by_login,
        });
        self.0.generation.fetch_add(1, Ordering::SeqCst);
        if let Some(old) = old {
            old.store.close().await;
        }
        Ok(())
    }

    /// Closes the open database, as the app quits.
    pub async fn close(&self) {
        let open = self.0.open.write().await.take();
        self.0.generation.fetch_add(1, Ordering::SeqCst);
        if let Some(open) = open {
            open.store.close().await;
        }
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
        // The rights of the user's own role, which the store checks every write against: the
        // user of a local file made without the demo is its admin; the demo makes them one of
        // its managers.
        let rights = user.as_ref().map(|me| Rights::of(me.data.role));
        let must_change_password = match &user {
            Some(me) if open.by_login => open.store.login_of(me.meta.id).await?.1,
            _ => false,
        };
        let saved = self.0.config.get().team;
        let away = self.0.away_from_team.load(Ordering::SeqCst);
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            backend: open.store.backend().name().into(),
            schema_version: open.store.schema_version().await?,
            team: saved.clone().filter(|t| team_key(t) == open.key),
            team_waiting: saved.filter(|_| away),
            database: open.key,
            first_start: user.is_none(),
            user,
            rights,
            must_change_password,
            min_password_chars: voronka_core::connection::MIN_PASSWORD_CHARS as u32,
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
        if self.signed_in_by_login().await {
            return Err(Error::new(
                ErrorCode::InvalidState,
                "a team database signs you in by your own login: there is no name to choose",
            ));
        }
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

    async fn signed_in_by_login(&self) -> bool {
        self.0.open.read().await.as_ref().is_some_and(|o| o.by_login)
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

    /// Opens a team database, then puts its password in the keychain, and only then switches
    /// to it and saves the connection. A failure of either says why and leaves the current
    /// database open, nothing saved.
    pub async fn connect_team(&self, team: TeamConnection, password: Secret) -> Result<AppInfo> {
        team.validate()?;
        team::check_root_cert(&team)?;
        let url = team.url(&password);
        let store = Store::open(&url).await?;
        if let Err(e) = self.0.secrets.set(&team.secret_key(), &password) {
            store.close().await;
            tracing::warn!("the keychain refused the team password: {e}");
            return Err(Error::new(
                ErrorCode::Keychain,
                format!(
                    "the OS keychain refused to keep the password ({}), so the current database stays open",
                    e.message
                ),
            )
            .on("password"));
        }
        if let Err(e) = self.install(store, &url).await {
            // Its login is nobody's: the password it was given is no use either.
            let _ = self.0.secrets.delete(&team.secret_key());
            return Err(e);
        }
        self.0.config.update(|s| s.team = Some(team));
        self.0.away_from_team.store(false, Ordering::SeqCst);
        *self.0.problem.write().await = None;
        self.info().await
    }

    /// Back to the local file; the team connection is forgotten, its password too.
    pub async fn use_local(&self) -> Result<AppInfo> {
        self.switch_to(&self.local_url().await?).await?;
        if let Some(team) = self.0.config.get().team {
            self.0.secrets.delete(&team.secret_key())?;
        }
        self.0.config.update(|s| s.team = None);
        self.0.away_from_team.store(false, Ordering::SeqCst);
        *self.0.problem.write().await = None;
        self.info().await
    }
}
