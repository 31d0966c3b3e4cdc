//! Team mode: who is signed in to a team database, and the logins of its teammates.
//!
//! On PostgreSQL every teammate connects as their own login (`users.login`), and the database
//! enforces their rights (migration 0017). Creating a login, or a new password for one, goes
//! through the database's `SECURITY DEFINER` functions, which check the caller's role again:
//! no teammate's login may create roles itself. A local SQLite file has no logins: its one user
//! is the admin.

use crate::error::DbResult;
use crate::{Backend, Store};
use serde::Serialize;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use voronka_core::connection::Secret;
use voronka_core::model::{Role, User, UserInput};
use voronka_core::{Error, ErrorCode, Id, RandomIds, Result, SystemClock};

/// Who the open database says is working in it.
#[derive(Debug, Clone)]
pub enum Identity {
    /// A local file: its user is chosen in the app.
    Local,
    /// The schema's owner or a superuser: the database's administrator setting it up, with every
    /// right (migrations, `team init`, scripts); not a teammate.
    Owner { login: String },
    /// A teammate signed in as their own login.
    Teammate(Box<User>),
}

/// What a new teammate needs to connect, shown once to hand over: the password is not kept
/// anywhere but in the database's hash of it.
#[derive(Debug, Clone, Serialize)]
pub struct LoginCard {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub login: String,
    #[serde(serialize_with = "expose")]
    pub password: Secret,
}

fn expose<S: serde::Serializer>(secret: &Secret, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(secret.expose())
}

impl Store {
    /// The signed-in teammate of a team database; a login with no active user is refused.
    pub async fn identity(&self) -> Result<Identity> {
        if self.backend == Backend::Sqlite {
            return Ok(Identity::Local);
        }
        let mut conn = self.pool.acquire().await.db()?;
        let (login, owner, me): (String, bool, Option<String>) = sqlx::query_as(
            "SELECT CAST(session_user AS TEXT), voronka_is_owner()
                 OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), voronka_me()",
        )
        .fetch_one(&mut *conn)
        .await
        .db()?;
        drop(conn);
        if owner {
            return Ok(Identity::Owner { login });
        }
        match me {
            Some(id) => {
                let id: Id = id
                    .parse()
                    .map_err(|_| Error::storage(format!("a user id «{id}» is malformed")))?;
                Ok(Identity::Teammate(Box::new(self.get::<User>(id).await?)))
            }
            None => Err(Error::new(
                ErrorCode::Forbidden,
                format!("the login «{login}» belongs to no active user of this team database: ask its admin"),
            )
            .on("user")),
        }
    }

    /// Gives `user_id` a login of their own and returns the card to hand over. The admin may
    /// do it for anyone, the head for managers.
    pub async fn give_login(&self, actor: Id, user_id: Id) -> Result<LoginCard> {
        let target = self.login_target(actor, user_id, "give a login to").await?;
        if target.1.is_some() {
            return Err(Error::new(
                ErrorCode::InvalidState,
                format!("{} already has a login", target.0.data.name),
            )
            .on("login"));
        }
        let password = new_password();
        // Another database of the server may take the same free name at the same moment.
        for _ in 0..5 {
            let login = self.free_login(&target.0).await?;
            let created = sqlx::query("SELECT CAST(voronka_create_login($1, $2, $3) AS TEXT)")
                .bind(user_id.to_string())
                .bind(&login)
                .bind(password.expose())
                .execute(&self.pool)
                .await
                .db();
            match created {
                Err(e) if e.code == ErrorCode::Duplicate => continue,
                Err(e) => return Err(e),
                Ok(_) => return Ok(self.card(login, password)),
            }
        }
        Err(Error::storage("no free login name could be taken: try again"))
    }

    /// A new password for a teammate who lost theirs; they choose their own at the next
    /// sign-in.
    pub async fn reset_password(&self, actor: Id, user_id: Id) -> Result<LoginCard> {
        let (user, login) = self.login_target(actor, user_id, "reset the password of").await?;
        let Some(login) = login else {
            return Err(
                Error::new(ErrorCode::InvalidState, format!("{} has no login yet", user.data.name)).on("login"),
            );
        };
        let password = new_password();
        sqlx::query("SELECT CAST(voronka_reset_password($1, $2) AS TEXT)")
            .bind(user_id.to_string())
            .bind(password.expose())
            .execute(&self.pool)
            .await
            .db()?;
        Ok(self.card(login, password))
    }

    /// The signed-in teammate's own password, chosen at the first sign-in or later.
    pub async fn set_my_password(&self, password: &Secret) -> Result<()> {
        let min = voronka_core::connection::MIN_PASSWORD_CHARS;
        if password.expose().chars().count() < min {
            return Err(Error::invalid(
                "password",
                format!("choose a password of at least {min} characters"),
            ));
        }
        sqlx::query("SELECT CAST(voronka_set_my_password($1) AS TEXT)")
            .bind(password.expose())
            .execute(&self.pool)
            .await
            .db()?;
        Ok(())
    }

    /// The login of a user (`None` without one), and whether it still has the handed-over
    /// password.
    pub async fn login_of(&self, user_id: Id) -> Result<(Option<String>, bool)> {
        let (login, must): (Option<String>, i64) =
            sqlx::query_as("SELECT login, must_change_password FROM users WHERE id = $1")
                .bind(user_id.to_string())
                .fetch_one(&self.pool)
                .await
                .db()?;
        Ok((login, must == 1))
    }

    /// The user whose login `actor` would change, once the matrix lets them: the admin for
    /// anyone, the head for managers.
    async fn login_target(&self, actor: Id, user_id: Id, what: &str) -> Result<(User, Option<String>)> {
        if self.backend == Backend::Sqlite {
            return Err(Error::new(
                ErrorCode::InvalidState,
                "a local file has no logins: create a team database first",
            ));
        }
        let by: User = self.get(actor).await?;
        let user: User = self.get(user_id).await.map_err(|e| e.on("user_id"))?;
        let may = by.data.active && voronka_core::rights::may_manage(by.data.role, user.data.role);
        if !may {
            return Err(Error::new(
                ErrorCode::Forbidden,
                format!("a {} may not {what} {}", role_name(by.data.role), user.data.name),
            )
            .on("user_id"));
        }
        let (login, _) = self.login_of(user_id).await?;
        Ok((user, login))
    }

    /// A login name nobody on the server has: the user's e-mail name, else "teammate", with a
    /// number when it is taken (logins are the server's, shared by all its databases).
    async fn free_login(&self, user: &User) -> Result<String> {
        let base = login_base(user.data.email.as_ref().map(|e| e.as_str()));
        for n in 1..1000 {
            let candidate = if n == 1 { base.clone() } else { format!("{base}{n}") };
            let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
                .bind(&candidate)
                .fetch_one(&self.pool)
                .await
                .db()?;
            if !taken {
                return Ok(candidate);
            }
        }
        Err(Error::storage(format!(
            "every login like «{base}» is taken on this server"
        )))
    }

    fn card(&self, login: String, password: Secret) -> LoginCard {
        let server = self.server.as_deref().cloned().unwrap_or_default();
        LoginCard {
            host: server.host,
            port: server.port,
            database: server.database,
            login,
            password,
        }
    }
}

/// Where a team database is, as its URL names it (the cards of new logins show the same).
#[derive(Debug, Clone, Default)]
pub(crate) struct Server {
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) database: String,
}

impl Server {
    pub(crate) fn of_url(backend: Backend, url: &str) -> Result<Option<Server>> {
        if backend == Backend::Sqlite {
            return Ok(None);
        }
        let options = pg_options(url)?;
        Ok(Some(Server {
            host: options.get_host().to_string(),
            port: options.get_port(),
            database: options.get_database().unwrap_or("postgres").to_string(),
        }))
    }
}

fn pg_options(url: &str) -> Result<PgConnectOptions> {
    url.parse::<PgConnectOptions>()
        .map_err(|e| Error::invalid("db", format!("{}: {e}", crate::redact(url))))
}

/// `name` as a PostgreSQL identifier, quoted.
pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Creates a team database at `admin_url` (created on the server if it does not exist) with the
/// credentials of a role that may create roles: a non-login owner role owns the schema, the
/// group roles and the policies are made, and `admin` becomes the first user, an admin with a
/// login of their own whose card is returned. The defaults of a new database are installed.
pub async fn init_team(admin_url: &str, admin: &UserInput) -> Result<(Store, User, LoginCard)> {
    // Refused before anything is created on the server.
    admin.validate()?;
    let owner = prepare_team_database(admin_url).await?;
    let store = Store::open_as(
        admin_url,
        std::sync::Arc::new(SystemClock),
        std::sync::Arc::new(RandomIds::new()),
        Some(&owner),
    )
    .await?;
    let input = UserInput {
        role: Some(Role::Admin),
        active: Some(true),
        ..admin.clone()
    };
    let user = store.create_user(None, &input).await?;
    store.install_defaults(user.meta.id).await?;
    let card = store.give_login(user.meta.id, user.meta.id).await?;
    Ok((store, user, card))
}

/// Makes sure the database `admin_url` names exists and is ready for a team's schema: created
/// on the server if missing, owned by a non-login owner role (returned) that the connecting
/// role may act as, with the group roles made. A database that already holds a team (any
/// user) or tables of something else is refused before anything changes; a Voronka schema
/// without users (a move or set-up stopped half-way) is taken as empty.
pub(crate) async fn prepare_team_database(admin_url: &str) -> Result<String> {
    let options = pg_options(admin_url)?;
    let database = options.get_database().unwrap_or("postgres").to_string();
    if database == "postgres" {
        return Err(Error::invalid(
            "db",
            "name the team's own database in the URL (postgres://ADMIN@host/DATABASE), not «postgres»",
        ));
    }
    let mut conn = match PgConnection::connect_with(&options).await {
        Ok(conn) => conn,
        Err(sqlx::Error::Database(d)) if d.code().as_deref() == Some("3D000") => {
            let mut server = PgConnection::connect_with(&options.clone().database("postgres"))
                .await
                .map_err(|e| crate::open::connection_error(e, admin_url))?;
            sqlx::query(&format!("CREATE DATABASE {}", quote_ident(&database)))
                .execute(&mut server)
                .await
                .db()?;
            PgConnection::connect_with(&options)
                .await
                .map_err(|e| crate::open::connection_error(e, admin_url))?
        }
        Err(e) => return Err(crate::open::connection_error(e, admin_url)),
    };
    refuse_unless_empty(&mut conn, &database).await?;
    let owner: String = format!("{database}_owner").chars().take(63).collect();
    let (owner_q, db_q) = (quote_ident(&owner), quote_ident(&database));
    let mut script = vec![format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{}') THEN
             CREATE ROLE {owner_q} NOLOGIN CREATEROLE; END IF; END $$",
        owner.replace('\'', "''")
    )];
    for group in ["voronka_manager", "voronka_head", "voronka_admin"] {
        script.push(format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN
                 CREATE ROLE {group} NOLOGIN; END IF; END $$"
        ));
    }
    // The one who sets up may act as the owner (SET ROLE), which then owns the database and so
    // its `public` schema.
    script.push(format!("GRANT {owner_q} TO CURRENT_USER"));
    script.push(format!("ALTER DATABASE {db_q} OWNER TO {owner_q}"));
    for statement in script {
        sqlx::query(&statement).execute(&mut conn).await.map_err(|e| {
            Error::new(
                ErrorCode::Forbidden,
                format!(
                    "this role cannot set a team database up (it needs CREATEROLE and CREATEDB, or superuser): {e}"
                ),
            )
            .on("db")
        })?;
    }
    let _ = conn.close().await;
    Ok(owner)
}

/// Refuses a database that holds a team (any user) or tables that are not Voronka's.
async fn refuse_unless_empty(conn: &mut PgConnection, database: &str) -> Result<()> {
    let (voronka, tables): (bool, i64) = sqlx::query_as(
        "SELECT to_regclass('public.users') IS NOT NULL,
                (SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public')",
    )
    .fetch_one(&mut *conn)
    .await
    .db()?;
    if !voronka {
        if tables > 0 {
            return Err(Error::new(
                ErrorCode::NotEmpty,
                format!("«{database}» is not empty: it holds {tables} tables of another program; name a new database"),
            )
            .on("db"));
        }
        return Ok(());
    }
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut *conn)
        .await
        .db()?;
    if users > 0 {
        return Err(Error::new(
            ErrorCode::NotEmpty,
            format!(
                "«{database}» is not empty: it already holds a Voronka team of {users} users; name a new database, or give its users logins with `team add-user --email`"
            ),
        )
        .on("db"));
    }
    Ok(())
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Manager => "manager",
        Role::Head => "head",
        Role::Admin => "admin",
    }
}

/// The lowercase ASCII letters, digits and `_` of an e-mail's name, starting with a letter;
/// PostgreSQL reserves names starting with `pg_`.
pub(crate) fn login_base(email: Option<&str>) -> String {
    let name = email.and_then(|e| e.split('@').next()).unwrap_or("");
    let mut base: String = name
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    base = base.trim_matches('_').chars().take(40).collect();
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) || base.starts_with("pg_") {
        base = format!("vk_{base}").trim_end_matches('_').to_string();
    }
    if base == "vk" {
        base = "teammate".to_string();
    }
    base
}

/// 20 characters from an alphabet without look-alikes (0/O, 1/l/I), from the system's random
/// source (via UUID v4): about 110 bits.
pub(crate) fn new_password() -> Secret {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bits = (uuid::Uuid::new_v4().as_u128(), uuid::Uuid::new_v4().as_u128());
    let password = (0..20)
        .map(|i| {
            let source = if i < 10 { &mut bits.0 } else { &mut bits.1 };
            let c = ALPHABET[(*source % ALPHABET.len() as u128) as usize];
            *source /= ALPHABET.len() as u128;
            c as char
        })
        .collect::<String>();
    Secret::new(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_come_from_the_email_name_and_never_look_like_system_roles() {
        assert_eq!(login_base(Some("Olena.Koval@firm.ua")), "olena_koval");
        assert_eq!(login_base(Some("pg_admin@x.ua")), "vk_pg_admin");
        assert_eq!(login_base(Some("2pac@x.ua")), "vk_2pac");
        assert_eq!(login_base(Some("олена@x.ua")), "teammate");
        assert_eq!(login_base(None), "teammate");
    }

    #[test]
    fn passwords_are_long_random_and_unambiguous() {
        let (a, b) = (new_password(), new_password());
        assert_eq!(a.expose().len(), 20);
        assert_ne!(a.expose(), b.expose());
        assert!(!a.expose().contains(['0', 'O', '1', 'l', 'I']));
    }
}
