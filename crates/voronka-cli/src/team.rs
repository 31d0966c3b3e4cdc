//! `team init`, `team add-user` and `team move`: a team database, its teammates' logins, and a
//! local file's data moved into a new one, for scripts.

use anyhow::{Context, bail};
use clap::Subcommand;
use voronka_core::model::{Role, User, UserInput};
use voronka_store::{Identity, LoginCard, Store};

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Creates a team database (given the credentials of a role that may create roles): the
    /// schema owned by a role nobody signs in as, the group roles and policies, and the first
    /// admin with a login of their own, whose connection card is printed.
    Init {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        json: bool,
    },
    /// Adds a teammate with a login (with --name), or gives an existing user found by --email
    /// a login; prints the connection card to hand over.
    AddUser {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        email: String,
        /// manager, head or admin (a new user only).
        #[arg(long, default_value = "manager")]
        role: String,
        #[arg(long)]
        json: bool,
    },
    /// Moves everything in the local file (--db) into a new, empty team database (given the
    /// credentials of a role that may create roles), ids kept; the copy is compared with the
    /// file before it is committed. The file's admin becomes the team's admin: their connection
    /// card is printed. The local file is left as it was.
    Move {
        /// The team database: postgres://ROLE@host/DATABASE.
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(url: &str, command: TeamCommand) -> anyhow::Result<()> {
    match command {
        TeamCommand::Init { name, email, json } => {
            let input = UserInput {
                name,
                email: Some(email),
                ..Default::default()
            };
            let (store, _, card) = voronka_store::init_team(url, &input).await?;
            store.close().await;
            print_card(&card, json)
        }
        TeamCommand::AddUser {
            name,
            email,
            role,
            json,
        } => {
            let store = Store::open(url).await?;
            let actor = acting_user(&store).await?;
            let user = match name {
                Some(name) => {
                    let role = parse_role(&role)?;
                    let input = UserInput {
                        name,
                        email: Some(email),
                        role: Some(role),
                        ..Default::default()
                    };
                    store.create_user(Some(actor.meta.id), &input).await?
                }
                None => find_by_email(&store, &email).await?,
            };
            let card = store.give_login(actor.meta.id, user.meta.id).await?;
            store.close().await;
            print_card(&card, json)
        }
        TeamCommand::Move { to, json } => {
            let local = Store::open(url).await?;
            let moved = move_to(&local, &to, json).await;
            local.close().await;
            moved
        }
    }
}

async fn move_to(local: &Store, to: &str, json: bool) -> anyhow::Result<()> {
    let admin = local
        .list_users()
        .await?
        .into_iter()
        .find(|u| u.data.role == Role::Admin && u.data.active)
        .context("the local file has no active admin to move it")?;
    let (team, card, moved) = voronka_store::move_to_team(local, to, admin.meta.id).await?;
    team.close().await;
    if json {
        let out = serde_json::json!({ "card": card, "moved": moved });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    for table in moved.tables.iter().filter(|t| t.rows > 0) {
        println!("{:>8}  {}", table.rows, table.table);
    }
    println!(
        "moved, and the team database exports the same as the file; {}'s login:",
        admin.data.name
    );
    print_card(&card, false)
}

/// Who adds the teammate: the signed-in teammate, or for the database's administrator (the
/// schema's owner, a superuser) the first active admin.
async fn acting_user(store: &Store) -> anyhow::Result<User> {
    match store.identity().await? {
        Identity::Teammate(user) => Ok(*user),
        Identity::Owner { .. } => store
            .list_users()
            .await?
            .into_iter()
            .find(|u| u.data.role == Role::Admin && u.data.active)
            .context("this database has no active admin: create one with `team init`"),
        Identity::Local => bail!("a local file has no logins: give --db postgres://… of a team database"),
    }
}

async fn find_by_email(store: &Store, email: &str) -> anyhow::Result<User> {
    let wanted = email.trim().to_lowercase();
    store
        .list_users()
        .await?
        .into_iter()
        .find(|u| {
            u.data
                .email
                .as_ref()
                .is_some_and(|e| e.as_str().to_lowercase() == wanted)
        })
        .with_context(|| format!("no user has the e-mail {email}: add them with --name"))
}

fn parse_role(role: &str) -> anyhow::Result<Role> {
    match role {
        "manager" => Ok(Role::Manager),
        "head" => Ok(Role::Head),
        "admin" => Ok(Role::Admin),
        other => bail!("--role is manager, head or admin, not «{other}»"),
    }
}

fn print_card(card: &LoginCard, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(card)?);
    } else {
        println!("host:     {}", card.host);
        println!("port:     {}", card.port);
        println!("database: {}", card.database);
        println!("login:    {}", card.login);
        println!("password: {}", card.password.expose());
        println!("(shown once: hand it over; the teammate chooses their own at the first sign-in)");
    }
    Ok(())
}
