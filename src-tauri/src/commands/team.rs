//! The Team screen: who works in the database, with their logins, and what an admin or the head
//! does about them; a teammate's own password; a new team database.

use super::Answer;
use crate::session::{AppInfo, Session};
use serde::Serialize;
use std::fmt;
use tauri::State;
use voronka_core::Id;
use voronka_core::connection::{Secret, TeamConnection};
use voronka_core::model::{Role, User, UserInput};
use voronka_store::{Backend, LoginCard, Store};

/// A user as the Team screen lists them: with their login, if they have one.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TeamMember {
    pub user: User,
    /// The PostgreSQL login they sign in with; `None` in a local file or before they get one.
    pub login: Option<String>,
    /// They have not yet chosen their own password.
    pub must_change_password: bool,
}

/// What a teammate needs to connect, shown once to hand over.
#[derive(Clone, Serialize, specta::Type)]
pub struct ConnectionCard {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub login: String,
    pub password: String,
}

impl fmt::Debug for ConnectionCard {
    // The password is shown once, on the screen, and nowhere else.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionCard")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("database", &self.database)
            .field("login", &self.login)
            .finish_non_exhaustive()
    }
}

impl From<LoginCard> for ConnectionCard {
    fn from(card: LoginCard) -> Self {
        ConnectionCard {
            password: card.password.expose().to_string(),
            host: card.host,
            port: card.port,
            database: card.database,
            login: card.login,
        }
    }
}

/// A new teammate, and their card when the database gives logins (a team database).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NewTeammate {
    pub user: User,
    pub card: Option<ConnectionCard>,
}

#[tauri::command]
#[specta::specta]
pub async fn team_members(session: State<'_, Session>) -> Answer<Vec<TeamMember>> {
    let store = session.store().await?;
    let mut members = Vec::new();
    for user in store.list_users().await? {
        let (login, must_change_password) = store.login_of(user.meta.id).await?;
        members.push(TeamMember {
            user,
            login,
            must_change_password,
        });
    }
    Ok(members)
}

/// Adds a user; in a team database they get a login at once, whose card comes back.
#[tauri::command]
#[specta::specta]
pub async fn add_teammate(session: State<'_, Session>, input: UserInput) -> Answer<NewTeammate> {
    let (store, me) = session.actor().await?;
    let user = store.create_user(Some(me), &input).await?;
    // A refused login leaves the user without one: the screen offers to give it again.
    let card = match store.backend() {
        Backend::Postgres => Some(store.give_login(me, user.meta.id).await?.into()),
        Backend::Sqlite => None,
    };
    Ok(NewTeammate { user, card })
}

/// A login for a user who has none (added before, or a demo's).
#[tauri::command]
#[specta::specta]
pub async fn give_login(session: State<'_, Session>, user_id: Id) -> Answer<ConnectionCard> {
    let (store, me) = session.actor().await?;
    Ok(store.give_login(me, user_id).await?.into())
}

#[tauri::command]
#[specta::specta]
pub async fn reset_password(session: State<'_, Session>, user_id: Id) -> Answer<ConnectionCard> {
    let (store, me) = session.actor().await?;
    Ok(store.reset_password(me, user_id).await?.into())
}

#[tauri::command]
#[specta::specta]
pub async fn change_role(session: State<'_, Session>, user_id: Id, version: i64, role: Role) -> Answer<User> {
    let (store, me) = session.actor().await?;
    Ok(change_user(&store, me, user_id, version, |input| input.role = Some(role)).await?)
}

/// Deactivates (the login can no longer sign in, the records stay) or reactivates a user.
#[tauri::command]
#[specta::specta]
pub async fn set_user_active(session: State<'_, Session>, user_id: Id, version: i64, active: bool) -> Answer<User> {
    let (store, me) = session.actor().await?;
    Ok(change_user(&store, me, user_id, version, |input| input.active = Some(active)).await?)
}

/// The user as they are, with one change, written at the version the screen read.
async fn change_user(
    store: &Store,
    me: Id,
    user_id: Id,
    version: i64,
    change: impl FnOnce(&mut UserInput),
) -> voronka_core::Result<User> {
    let user: User = store.get(user_id).await?;
    let mut input = UserInput::of(&user.data);
    change(&mut input);
    store.update_user(me, user_id, version, &input).await
}

/// The signed-in teammate's own password, at first sign-in or later.
#[tauri::command]
#[specta::specta]
pub async fn set_my_password(session: State<'_, Session>, password: String) -> Answer<AppInfo> {
    Ok(session.set_my_password(Secret::new(password)).await?)
}

/// Settings → Team database → "Create a team database": `server` names a role that may create
/// roles, `password` is its password (used once, kept nowhere), `admin` the first admin.
#[tauri::command]
#[specta::specta]
pub async fn create_team_database(
    session: State<'_, Session>,
    server: TeamConnection,
    password: String,
    admin: UserInput,
) -> Answer<AppInfo> {
    Ok(session
        .create_team_database(server, Secret::new(password), admin)
        .await?)
}

/// Moves the open local file's data into a new, empty team database on `server` and switches
/// to it as the team's admin; `password` is the server role's (used once, kept nowhere).
#[tauri::command]
#[specta::specta]
pub async fn move_to_team(session: State<'_, Session>, server: TeamConnection, password: String) -> Answer<AppInfo> {
    Ok(session.move_to_team(server, Secret::new(password)).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_shows_its_password_only_to_the_screen() {
        let card = ConnectionCard {
            host: "db.firm.ua".into(),
            port: 5432,
            database: "crm".into(),
            login: "olena".into(),
            password: "Kx7pQ2mZ9aRt4vBn8cWd".into(),
        };
        let debug = format!("{card:?}");
        assert!(
            debug.contains("olena") && !debug.contains("Kx7pQ2mZ9aRt4vBn8cWd"),
            "{debug}"
        );
        let json = serde_json::to_value(&card).unwrap();
        assert_eq!(json["password"], "Kx7pQ2mZ9aRt4vBn8cWd", "the UI shows it once");
    }
}
