//! The session's part of team mode: a teammate's own password, and a new team database made
//! from the app, empty or with the local file's data. A password goes only to the database and the OS keychain.

use super::{Session, team_key};
use crate::config::database_key;
use crate::session::AppInfo;
use voronka_core::connection::{Secret, TeamConnection};
use voronka_core::model::UserInput;
use voronka_core::{Error, ErrorCode, Result};
use voronka_store::LoginCard;

impl Session {
    /// The signed-in teammate's own password, in place of the one they were handed. The
    /// keychain's entry of the saved team database is replaced first, and put back when the
    /// database refuses, so the next start always has the password that works. The store is
    /// then opened anew with it: the old one would open no new connection.
    pub async fn set_my_password(&self, password: Secret) -> Result<AppInfo> {
        let (store, _) = self.actor().await?;
        let key = self.open_key().await?;
        let saved = self.0.config.get().team.filter(|t| team_key(t) == key);
        let url = match saved {
            Some(team) => {
                let entry = team.secret_key();
                let old = self.0.secrets.get(&entry)?;
                self.0.secrets.set(&entry, &password).map_err(|e| {
                    Error::new(
                        ErrorCode::Keychain,
                        format!(
                            "the OS keychain refused to keep the new password ({}), so the old one stays",
                            e.message
                        ),
                    )
                    .on("password")
                })?;
                if let Err(e) = store.set_my_password(&password).await {
                    let _ = match old {
                        Some(old) => self.0.secrets.set(&entry, &old),
                        None => self.0.secrets.delete(&entry),
                    };
                    return Err(e);
                }
                team.url(&password)
            }
            None => {
                // Opened with `--db`: the URL given is this run's, and only this run's to change.
                let requested = self
                    .0
                    .requested
                    .clone()
                    .filter(|url| database_key(url) == key && url.starts_with("postgres"))
                    .ok_or_else(|| Error::new(ErrorCode::InvalidState, "this database has no password of yours"))?;
                store.set_my_password(&password).await?;
                with_password(&requested, &password)?
            }
        };
        self.switch_to(&url).await?;
        self.info().await
    }

    /// Makes a team database with the credentials of a role that may create roles (they are
    /// used once, never kept), its first admin being `admin`; then connects as the admin's own
    /// new login, whose generated password goes to the keychain, and switches to it. The admin
    /// then chooses their own password, as every teammate does.
    pub async fn create_team_database(
        &self,
        server: TeamConnection,
        password: Secret,
        admin: UserInput,
    ) -> Result<AppInfo> {
        server.validate()?;
        check_root_cert(&server)?;
        let (store, _, card) = voronka_store::init_team(&server.url(&password), &admin).await?;
        store.close().await;
        self.switch_to_new_team(server, card, "made").await
    }

    /// Moves everything in the open local file into a new, empty team database (the server
    /// credentials as for [`Session::create_team_database`]), checked against the file before
    /// it is committed; the signed-in admin becomes the team's admin and Voronka switches to
    /// their new login. The local file stays as it was.
    pub async fn move_to_team(&self, server: TeamConnection, password: Secret) -> Result<AppInfo> {
        server.validate()?;
        check_root_cert(&server)?;
        let (local, me) = self.actor().await?;
        let (store, card, moved) = voronka_store::move_to_team(&local, &server.url(&password), me).await?;
        store.close().await;
        tracing::info!(
            "moved the local file into the team database «{}»: {} companies, {} deals",
            card.database,
            moved.of("companies"),
            moved.of("deals")
        );
        self.switch_to_new_team(server, card, "filled with the local data")
            .await
    }

    /// Connects as the first admin's new login of a team database just set up; its generated
    /// password goes to the keychain and the admin then chooses their own.
    async fn switch_to_new_team(&self, server: TeamConnection, card: LoginCard, done: &str) -> Result<AppInfo> {
        let team = TeamConnection {
            user: card.login.clone(),
            ..server
        };
        self.connect_team(team, card.password).await.map_err(|e| {
            Error::new(
                e.code,
                format!(
                    "the team database «{}» was {done}, but Voronka could not switch to it ({}): connect with the same server credentials and reset the password of «{}» on the Team screen",
                    card.database, e.message, card.login
                ),
            )
            .on(e.field.as_deref().unwrap_or("db"))
        })
    }

    pub(super) async fn open_key(&self) -> Result<String> {
        self.0
            .open
            .read()
            .await
            .as_ref()
            .map(|o| o.key.clone())
            .ok_or_else(|| Error::new(ErrorCode::InvalidState, "no database is open"))
    }
}

/// A root certificate named for `verify-full` must be a file.
pub(super) fn check_root_cert(team: &TeamConnection) -> Result<()> {
    match team.root_cert() {
        Some(cert) if !std::path::Path::new(cert).is_file() => {
            Err(Error::invalid("root_cert", format!("there is no file {cert}")))
        }
        _ => Ok(()),
    }
}

/// `url` with `password` as its password, wherever the old one was (`user:pw@`, `?password=`).
fn with_password(url: &str, password: &Secret) -> Result<String> {
    let mut parsed = url::Url::parse(url).map_err(|_| Error::invalid("db", "the database URL is malformed"))?;
    let query: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(k, _)| k != "password")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if query.is_empty() {
        parsed.set_query(None);
    } else {
        parsed.query_pairs_mut().clear().extend_pairs(query);
    }
    parsed
        .set_password(Some(password.expose()))
        .map_err(|_| Error::invalid("db", "the database URL takes no password"))?;
    Ok(parsed.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_replaces_the_old_wherever_it_was() {
        let new = Secret::new("n3w/pass@word");
        let url = with_password("postgres://olena:old@db:5432/crm?sslmode=disable", &new).unwrap();
        assert_eq!(url, "postgres://olena:n3w%2Fpass%40word@db:5432/crm?sslmode=disable");
        let url = with_password("postgres://olena@db/crm?password=old&sslmode=disable", &new).unwrap();
        assert!(!url.contains("old") && url.contains("sslmode=disable"), "{url}");
    }
}
