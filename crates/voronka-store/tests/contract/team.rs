//! Team mode on PostgreSQL: each teammate's own login, and what the database itself refuses
//! them. The attacks go through plain sqlx as the teammate's login, not through the store: the
//! store's own checks are not what is tested here. Each attack is paired with what the same
//! login may do, so a policy that refused everything would fail as surely as one that allowed
//! everything.

use crate::harness::{self, Ctx, Kind};
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection};
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};
use voronka_store::{Identity, MoveDeal, Store};

/// A team on PostgreSQL whose head and managers have logins; `None` without a server outside CI.
pub(crate) struct Team {
    pub(crate) ctx: Ctx,
    pub(crate) head_login: String,
    pub(crate) olena_login: String,
    pub(crate) petro_login: String,
    /// Olena's company and deal, and Petro's company, deal, task and payment.
    pub(crate) olena_deal: Deal,
    pub(crate) petro_company: Company,
    pub(crate) petro_deal: Deal,
}

pub(crate) async fn team() -> Option<Team> {
    let ctx = harness::setup(Kind::Postgres).await?;
    let store = &ctx.store;
    let head_login = store
        .give_login(ctx.admin.meta.id, ctx.head.meta.id)
        .await
        .unwrap()
        .login;
    let olena_login = store
        .give_login(ctx.head.meta.id, ctx.olena.meta.id)
        .await
        .unwrap()
        .login;
    let petro_login = store
        .give_login(ctx.head.meta.id, ctx.petro.meta.id)
        .await
        .unwrap()
        .login;
    let olena_company = ctx.company("Олена ТОВ", "+380501110001").await;
    let olena_deal = store
        .create_deal(ctx.olena.meta.id, &ctx.deal_input_of(&olena_company), None)
        .await
        .unwrap();
    let petro_company = store
        .create_company(
            ctx.petro.meta.id,
            &CompanyInput {
                name: "Петро і Ко".into(),
                work_phone: Some("+380501110002".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let petro_deal = store
        .create_deal(ctx.petro.meta.id, &ctx.deal_input_of(&petro_company), None)
        .await
        .unwrap();
    store
        .create_payment(
            ctx.petro.meta.id,
            &PaymentInput {
                deal_id: petro_deal.meta.id,
                amount: "1000".into(),
                currency: None,
                planned_date: "2026-03-20".into(),
                invoice_number: None,
            },
        )
        .await
        .unwrap();
    Some(Team {
        ctx,
        head_login,
        olena_login,
        petro_login,
        olena_deal,
        petro_company,
        petro_deal,
    })
}

impl Ctx {
    fn deal_input_of(&self, company: &Company) -> DealInput {
        DealInput {
            company_id: Some(company.meta.id),
            ..self.deal_input(&format!("Угода {}", company.data.name))
        }
    }
}

/// The test database's URL for `login` (the test server trusts local connections).
pub(crate) fn url_of(ctx: &Ctx, login: &str) -> String {
    let o: PgConnectOptions = ctx.url.parse().unwrap();
    format!(
        "postgres://{login}@{}:{}/{}",
        o.get_host(),
        o.get_port(),
        o.get_database().unwrap()
    )
}

pub(crate) async fn connect(ctx: &Ctx, login: &str) -> PgConnection {
    PgConnection::connect(&url_of(ctx, login)).await.unwrap()
}

pub(crate) async fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(conn).await.unwrap()
}

pub(crate) async fn changed(conn: &mut PgConnection, sql: &str) -> u64 {
    sqlx::query(sql).execute(conn).await.unwrap().rows_affected()
}

/// The statement fails, and with the server's word for a refusal.
pub(crate) async fn refused(conn: &mut PgConnection, sql: &str) {
    let err = sqlx::query(sql).execute(&mut *conn).await.expect_err(sql);
    let text = err.to_string();
    assert!(
        text.contains("permission denied") || text.contains("row-level security") || text.contains("must be"),
        "{sql}: refused for another reason: {text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_sees_and_changes_only_what_the_matrix_gives_them() {
    let Some(t) = team().await else { return };
    let mut olena = connect(&t.ctx, &t.olena_login).await;
    let (petro_deal, petro_company) = (t.petro_deal.meta.id, t.petro_company.meta.id);

    // Her own deal and everything of it she sees; Petro's deal, tasks and payments not at all.
    let mine = format!("SELECT COUNT(*) FROM deals WHERE id = '{}'", t.olena_deal.meta.id);
    assert_eq!(count(&mut olena, &mine).await, 1, "her own deal");
    assert_eq!(
        count(&mut olena, "SELECT COUNT(*) FROM deals").await,
        1,
        "only her deal"
    );
    for table in ["tasks", "payments", "stage_spells", "deal_items", "documents"] {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE deal_id = '{petro_deal}'");
        assert_eq!(count(&mut olena, &sql).await, 0, "none of Petro's {table}");
    }
    let her_tasks = format!("SELECT COUNT(*) FROM tasks WHERE deal_id = '{}'", t.olena_deal.meta.id);
    assert_eq!(count(&mut olena, &her_tasks).await, 1, "her new lead's contact task");
    let sql = format!("SELECT COUNT(*) FROM search_index WHERE entity_id = '{petro_deal}'");
    assert_eq!(count(&mut olena, &sql).await, 0, "Petro's deal is not found by search");

    // The client base is read by all, changed by its owner only.
    assert_eq!(
        count(&mut olena, "SELECT COUNT(*) FROM companies").await,
        2,
        "the whole base"
    );
    let rename = format!("UPDATE companies SET name = 'Моя тепер' WHERE id = '{petro_company}'");
    assert_eq!(
        changed(&mut olena, &rename).await,
        0,
        "Petro's company is not hers to change"
    );
    let delete = format!("DELETE FROM companies WHERE id = '{petro_company}'");
    refused(&mut olena, &delete).await;
    let take = format!(
        "UPDATE companies SET owner_id = '{}' WHERE owner_id = '{}'",
        t.ctx.petro.meta.id, t.ctx.olena.meta.id
    );
    refused(&mut olena, &take).await;

    // A deal owned by someone else cannot be slipped in.
    let insert = format!(
        "INSERT INTO deals (id, created_at, updated_at, version, title, contact_ids, owner_id, pipeline_id,
             amount, currency, qualification, stage_id, status, stage_entered_at)
         VALUES ('forged', 0, 0, 1, 'x', '[]', '{}', '{}', 0, 'UAH', '[]', '{}', 'open', 0)",
        t.ctx.petro.meta.id, t.ctx.pipeline.meta.id, t.ctx.stages[0].meta.id
    );
    refused(&mut olena, &insert).await;

    // Which manager a deal's rows are shown to is their deal's owner, copied by the store: she
    // may not point the copy of her own rows at anyone, or of anyone's at herself.
    for (table, deal) in [("tasks", t.olena_deal.meta.id), ("stage_spells", petro_deal)] {
        let point = format!(
            "UPDATE {table} SET deal_owner_id = '{}' WHERE deal_id = '{deal}'",
            t.ctx.petro.meta.id
        );
        refused(&mut olena, &point).await;
    }
    let forged = format!(
        "INSERT INTO activities (id, created_at, updated_at, version, kind, deal_id, occurred_at, details, author_id,
             deal_owner_id)
         VALUES ('forged', 0, 0, 1, 'note', '{}', 0, '{{}}', '{}', '{}')",
        t.olena_deal.meta.id, t.ctx.olena.meta.id, t.ctx.petro.meta.id
    );
    refused(&mut olena, &forged).await;

    // Nobody makes themself the head, or acts as a group role they are not in.
    let promote = format!("UPDATE users SET role = 'head' WHERE login = '{}'", t.olena_login);
    refused(&mut olena, &promote).await;
    refused(&mut olena, "SET ROLE voronka_head").await;
    let rename_me = format!(
        "UPDATE users SET time_zone = 'Europe/Warsaw' WHERE login = '{}'",
        t.olena_login
    );
    assert_eq!(changed(&mut olena, &rename_me).await, 1, "her own preferences are hers");
    let login = format!(
        "UPDATE users SET login = '{}' WHERE id = '{}'",
        t.head_login, t.ctx.olena.meta.id
    );
    refused(&mut olena, &login).await;

    // The audit log is never rewritten; the schema is not hers; nor are logins or their hashes.
    for sql in [
        "DELETE FROM audit_log",
        "UPDATE audit_log SET actor_id = NULL",
        "TRUNCATE audit_log",
        "CREATE TABLE mine (a INT)",
        "CREATE TEMPORARY TABLE mine (a INT)",
        "DROP TABLE deals",
        "ALTER TABLE deals DISABLE ROW LEVEL SECURITY",
        "SELECT rolpassword FROM pg_authid",
        "SELECT passwd FROM pg_shadow",
    ] {
        refused(&mut olena, sql).await;
    }
    let give = format!(
        "SELECT voronka_create_login('{}', 'hacker', 'secret12345')",
        t.ctx.head.meta.id
    );
    refused(&mut olena, &give).await;
    let reset = format!(
        "SELECT voronka_reset_password('{}', 'secret12345')",
        t.ctx.petro.meta.id
    );
    refused(&mut olena, &reset).await;
    // Her own entries of the audit log are readable; Petro's deal's are not.
    let own = format!(
        "SELECT COUNT(*) FROM audit_log WHERE entity_id = '{}'",
        t.olena_deal.meta.id
    );
    assert!(count(&mut olena, &own).await > 0, "her deal's history");
    let other = format!("SELECT COUNT(*) FROM audit_log WHERE entity_id = '{petro_deal}'");
    assert_eq!(count(&mut olena, &other).await, 0, "not Petro's deal's history");
    // Her report figures only.
    let figures = format!(
        "SELECT COUNT(*) FROM deal_days WHERE owner_id <> '{}'",
        t.ctx.olena.meta.id
    );
    assert_eq!(count(&mut olena, &figures).await, 0, "no other manager's figures");
    assert!(
        count(&mut olena, "SELECT COUNT(*) FROM deal_days").await > 0,
        "her own figures"
    );
    // Time in stage too: both deals lost, each leaves a closed spell; hers alone is read.
    for deal in [&t.olena_deal, &t.petro_deal] {
        let lost = MoveDeal {
            stage_id: Some(t.ctx.stage("Програно").meta.id),
            loss_reason_id: Some(t.ctx.reasons[0].meta.id),
            loss_comment: None,
        };
        let d = t.ctx.store.get::<Deal>(deal.meta.id).await.unwrap();
        t.ctx
            .store
            .move_deal(t.ctx.admin.meta.id, d.meta.id, d.meta.version, &lost)
            .await
            .unwrap();
    }
    let spells = format!(
        "SELECT COUNT(*) FROM spell_days WHERE owner_id <> '{}'",
        t.ctx.olena.meta.id
    );
    assert_eq!(count(&mut olena, &spells).await, 0, "no other manager's time in stage");
    assert!(
        count(&mut olena, "SELECT COUNT(*) FROM spell_days").await > 0,
        "her own time in stage"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_head_sees_the_team_and_may_not_do_the_admins_work() {
    let Some(t) = team().await else { return };
    let mut head = connect(&t.ctx, &t.head_login).await;
    assert_eq!(count(&mut head, "SELECT COUNT(*) FROM deals").await, 2, "every deal");
    assert!(
        count(&mut head, "SELECT COUNT(*) FROM payments").await > 0,
        "every payment"
    );
    let reassign = format!(
        "UPDATE deals SET owner_id = '{}' WHERE id = '{}'",
        t.ctx.olena.meta.id, t.petro_deal.meta.id
    );
    assert_eq!(changed(&mut head, &reassign).await, 1, "the head hands deals over");
    for sql in [
        "UPDATE pipelines SET name = 'Моя'".to_string(),
        "UPDATE stages SET win_probability = 99".to_string(),
        "UPDATE loss_reasons SET name = 'Моя'".to_string(),
    ] {
        assert_eq!(changed(&mut head, &sql).await, 0, "{sql}: set-up is the admin's");
    }
    let promote = format!("UPDATE users SET role = 'admin' WHERE id = '{}'", t.ctx.olena.meta.id);
    refused(&mut head, &promote).await;
    let me_admin = format!("UPDATE users SET role = 'admin' WHERE login = '{}'", t.head_login);
    refused(&mut head, &me_admin).await;
    refused(&mut head, "DELETE FROM audit_log").await;
    refused(&mut head, "SET ROLE voronka_admin").await;
    // Managers are the head's to deactivate, not to delete.
    let olena = t.ctx.olena.meta.id;
    let delete = format!("UPDATE users SET deleted_at = 1 WHERE id = '{olena}'");
    refused(&mut head, &delete).await;
    let deactivate = format!("UPDATE users SET active = 0 WHERE id = '{olena}'");
    assert_eq!(changed(&mut head, &deactivate).await, 1, "{deactivate}: the head's");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deactivated_login_cannot_connect_and_comes_back_when_reactivated() {
    let Some(t) = team().await else { return };
    let store = &t.ctx.store;
    let petro = store.get::<User>(t.ctx.petro.meta.id).await.unwrap();
    let mut input = UserInput::of(&petro.data);
    input.active = Some(false);
    let petro = store
        .update_user(t.ctx.head.meta.id, petro.meta.id, petro.meta.version, &input)
        .await
        .unwrap();
    let err = PgConnection::connect(&url_of(&t.ctx, &t.petro_login))
        .await
        .expect_err("a deactivated login");
    assert!(err.to_string().contains("not permitted to log in"), "{err}");
    let err = Store::open(&url_of(&t.ctx, &t.petro_login))
        .await
        .expect_err("the app cannot open it either");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("user")),
        "{}",
        err.message
    );
    assert!(err.message.contains("deactivated"), "{}", err.message);
    input.active = Some(true);
    store
        .update_user(t.ctx.head.meta.id, petro.meta.id, petro.meta.version, &input)
        .await
        .unwrap();
    let mut back = connect(&t.ctx, &t.petro_login).await;
    assert_eq!(
        count(&mut back, "SELECT COUNT(*) FROM deals").await,
        1,
        "his deal is still his"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_opened_by_a_login_knows_who_is_signed_in() {
    let Some(t) = team().await else { return };
    let as_olena = Store::open(&url_of(&t.ctx, &t.olena_login)).await.unwrap();
    match as_olena.identity().await.unwrap() {
        Identity::Teammate(user) => assert_eq!(user.meta.id, t.ctx.olena.meta.id),
        other => panic!("Olena's login is Olena, not {other:?}"),
    }
    let deals = as_olena
        .list_deals(&Default::default(), voronka_store::Page::first(50))
        .await
        .unwrap();
    assert_eq!(deals.items.len(), 1, "the store reads under her rights: her deal only");
    assert!(matches!(t.ctx.store.identity().await.unwrap(), Identity::Owner { .. }));
    let (_, must) = as_olena.login_of(t.ctx.olena.meta.id).await.unwrap();
    assert!(must, "she must choose her own password first");
    as_olena
        .set_my_password(&voronka_core::connection::Secret::new("моє-власне-гасло"))
        .await
        .unwrap();
    assert!(!as_olena.login_of(t.ctx.olena.meta.id).await.unwrap().1, "chosen");
    // Her own phone, written under her own login; the database keeps everyone else's from her.
    let me: User = as_olena.get(t.ctx.olena.meta.id).await.unwrap();
    let contacts = MyContactsInput {
        phone: Some("067 555 12 34".into()),
        ..MyContactsInput::of(&me.data)
    };
    let saved = as_olena
        .set_my_contacts(me.meta.id, me.meta.version, &contacts)
        .await
        .unwrap();
    assert_eq!(saved.data.phone.as_ref().map(|p| p.as_str()), Some("380675551234"));
    as_olena.close().await;
    let mut olena = connect(&t.ctx, &t.olena_login).await;
    assert_eq!(
        changed(
            &mut olena,
            &format!("UPDATE users SET phone = '380670000000' WHERE id <> '{}'", me.meta.id)
        )
        .await,
        0,
        "a manager writes no one else's phone"
    );

    // The head's login writes through the store under its own rights, figures included.
    let as_head = Store::open(&url_of(&t.ctx, &t.head_login)).await.unwrap();
    let company = as_head
        .create_company(
            t.ctx.head.meta.id,
            &CompanyInput {
                name: "Від керівниці".into(),
                work_phone: Some("+380501110003".into()),
                owner_id: Some(t.ctx.olena.meta.id),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut input = t.ctx.deal_input_of(&company);
    input.owner_id = Some(t.ctx.olena.meta.id);
    as_head.create_deal(t.ctx.head.meta.id, &input, None).await.unwrap();
    as_head.close().await;
    let as_olena = Store::open(&url_of(&t.ctx, &t.olena_login)).await.unwrap();
    let seen = as_olena
        .list_deals(&Default::default(), voronka_store::Page::first(50))
        .await
        .unwrap();
    assert_eq!(seen.items.len(), 2, "the deal the head gave her is hers to see");
    as_olena.close().await;

    // A login in the team's group whose user is not (any more) in the database is told so.
    let mut admin = PgConnection::connect(&t.ctx.url).await.unwrap();
    sqlx::query("DROP ROLE IF EXISTS vk_stray_login")
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query("CREATE ROLE vk_stray_login LOGIN IN ROLE voronka_manager")
        .execute(&mut admin)
        .await
        .unwrap();
    let db = url_of(&t.ctx, "x").rsplit('/').next().unwrap().to_string();
    sqlx::query(&format!("GRANT CONNECT ON DATABASE {db} TO vk_stray_login"))
        .execute(&mut admin)
        .await
        .unwrap();
    let stray = Store::open(&url_of(&t.ctx, "vk_stray_login")).await.unwrap();
    let err = stray.identity().await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Forbidden, Some("user")));
    stray.close().await;
    sqlx::query(&format!("REVOKE CONNECT ON DATABASE {db} FROM vk_stray_login"))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query("DROP ROLE vk_stray_login")
        .execute(&mut admin)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_init_sets_up_a_database_its_admin_signs_in_to() {
    let Some(db) = voronka_testdb::TestDb::fresh(Kind::Postgres).await else {
        return;
    };
    let input = UserInput {
        name: "Ірина Адмін".into(),
        email: Some("iryna.admin@firm.ua".into()),
        ..Default::default()
    };
    let (store, admin, card) = voronka_store::init_team(&db.url, &input).await.unwrap();
    assert_eq!(admin.data.role, Role::Admin);
    assert!(card.login.starts_with("iryna_admin"), "{}", card.login);
    assert_eq!(card.password.expose().len(), 20);
    store.close().await;
    let mut server = PgConnection::connect(&db.url).await.unwrap();
    let (login, superuser, bypass, createrole): (bool, bool, bool, bool) =
        sqlx::query_as("SELECT rolcanlogin, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = $1")
            .bind(&card.login)
            .fetch_one(&mut server)
            .await
            .unwrap();
    assert!(
        login && !superuser && !bypass && !createrole,
        "an app login is only a login"
    );
    let owner: (String, bool) = sqlx::query_as(
        "SELECT CAST(pg_get_userbyid(relowner) AS TEXT), (SELECT rolcanlogin FROM pg_roles WHERE oid = relowner)
         FROM pg_class WHERE oid = 'public.deals'::regclass",
    )
    .fetch_one(&mut server)
    .await
    .unwrap();
    assert!(
        owner.0.ends_with("_owner") && !owner.1,
        "the schema's owner is a role nobody signs in as: {owner:?}"
    );
    let o: PgConnectOptions = db.url.parse().unwrap();
    let url = format!(
        "postgres://{}@{}:{}/{}",
        card.login,
        o.get_host(),
        o.get_port(),
        card.database
    );
    let signed_in = Store::open(&url).await.unwrap();
    match signed_in.identity().await.unwrap() {
        Identity::Teammate(user) => assert_eq!(user.meta.id, admin.meta.id),
        other => panic!("the admin's login is the admin, not {other:?}"),
    }
    assert!(
        !signed_in.list_pipelines().await.unwrap().is_empty(),
        "the defaults are installed"
    );
    signed_in.close().await;
    let again = voronka_store::init_team(&db.url, &input).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::NotEmpty, "{}", again.message);
}

/// A manager's day through the store, under her own login: every write lands, and the
/// team-wide figures it touches (a day's deals, a stage's spells, the last contact of a
/// company another manager owns) equal a recomputation from every record.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_managers_work_through_the_store_keeps_the_team_figures_right() {
    let Some(t) = team().await else { return };
    let (ctx, olena) = (&t.ctx, t.ctx.olena.meta.id);
    let ids = std::sync::Arc::new(voronka_core::RandomIds::new());
    let as_olena = Store::open_with(&url_of(ctx, &t.olena_login), ctx.clock.clone(), ids)
        .await
        .unwrap();
    let b = crate::reports::Book::on(ctx, &as_olena).await;
    let pipelines = [ctx.pipeline.meta.id];

    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "A", "1000", None).await;
    let lost = b.deal(olena, "B", "500", None).await;
    let deal = b
        .walk(
            deal,
            &[
                ("2026-03-03 10:00", "Кваліфікація"),
                ("2026-03-04 10:00", "КП надіслано"),
            ],
        )
        .await;
    b.outbound_call(olena, "2026-03-04 11:00", &deal).await;
    b.contact_lead_done(&deal, "2026-03-04 12:00").await;
    // A call on Petro's company: its last contact is a figure she may not write herself.
    b.log(
        olena,
        ActivityKind::Call,
        "2026-03-04 13:00",
        None,
        Some(&t.petro_company),
        Direction::Outbound,
    )
    .await;
    crate::after_edits::check(ctx, &pipelines, "her calls, moves and a done task").await;

    b.now("2026-03-05 10:00");
    b.pay(&deal, "1000", "2026-03-05", Some("2026-03-05 12:00")).await;
    b.lose(&lost, 0).await;
    b.moved(&deal, "Успішно", None).await;
    crate::after_edits::check(ctx, &pipelines, "her payment, loss and win").await;
    let mut admin = PgConnection::connect(&ctx.url).await.unwrap();
    let last: Option<i64> = sqlx::query_scalar("SELECT last_contact_at FROM companies WHERE id = $1")
        .bind(t.petro_company.meta.id.to_string())
        .fetch_one(&mut admin)
        .await
        .unwrap();
    let call = crate::reports::at("2026-03-04 13:00").timestamp_millis();
    assert_eq!(last, Some(call), "the call reached Petro's company's figure");
    as_olena.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_managers_reports_are_of_her_own_figures() {
    use voronka_core::reports::{ReportFilter, ReportName, ReportOptions};
    let Some(t) = team().await else { return };
    let (ctx, olena, petro) = (&t.ctx, t.ctx.olena.meta.id, t.ctx.petro.meta.id);
    let ids = std::sync::Arc::new(voronka_core::RandomIds::new());
    let as_olena = Store::open_with(&url_of(ctx, &t.olena_login), ctx.clock.clone(), ids)
        .await
        .unwrap();
    let b = crate::reports::Book::new(ctx).await;
    b.now("2026-03-02 10:00");
    // Both walk a deal through the same stages, Petro's slower: the team's time in stage is
    // not hers.
    let hers = b.deal(olena, "Її", "1000", None).await;
    b.walk(
        hers,
        &[
            ("2026-03-03 10:00", "Кваліфікація"),
            ("2026-03-04 10:00", "КП надіслано"),
        ],
    )
    .await;
    let his = b.deal(petro, "Його", "3000", None).await;
    b.walk(
        his,
        &[
            ("2026-03-06 10:00", "Кваліфікація"),
            ("2026-03-09 10:00", "КП надіслано"),
        ],
    )
    .await;
    b.now("2026-03-10 10:00");

    let month = crate::reports::march();
    let her_filter = ReportFilter {
        manager_id: Some(olena),
        ..month.clone()
    };
    let options = ReportOptions::default();
    let json = |r| serde_json::to_value(r).unwrap();
    for name in ReportName::ALL {
        let seen = as_olena.report(name, &month, &options).await.unwrap();
        let hers = ctx.store.report(name, &her_filter, &options).await.unwrap();
        assert_eq!(json(seen), json(hers), "{name:?}: her report is of her figures");
    }
    let team = ctx
        .store
        .report(ReportName::TimeInStage, &month, &options)
        .await
        .unwrap();
    let seen = as_olena
        .report(ReportName::TimeInStage, &month, &options)
        .await
        .unwrap();
    assert_ne!(json(team), json(seen), "the team's time in stage differs from hers");
    as_olena.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_managers_quick_search_finds_the_client_base_and_only_her_deals() {
    use voronka_store::Page;
    let Some(t) = team().await else { return };
    let kinds = |hits: voronka_store::Paged<voronka_store::SearchHit>| {
        let mut k: Vec<(String, Id)> = hits.items.into_iter().map(|h| (h.kind, h.id)).collect();
        k.sort();
        k
    };
    let as_olena = Store::open(&url_of(&t.ctx, &t.olena_login)).await.unwrap();
    let as_head = Store::open(&url_of(&t.ctx, &t.head_login)).await.unwrap();
    let (company, deal) = (t.petro_company.meta.id, t.petro_deal.meta.id);
    let mut both = vec![("company".to_string(), company), ("deal".to_string(), deal)];
    both.sort();
    assert_eq!(
        kinds(as_head.search("Петро і Ко", Page::first(20)).await.unwrap()),
        both
    );
    assert_eq!(
        kinds(as_olena.search("Петро і Ко", Page::first(20)).await.unwrap()),
        [("company".to_string(), company)],
        "Petro's company is the team's; his deal is not hers"
    );
    let mine = kinds(as_olena.search("Олена ТОВ", Page::first(20)).await.unwrap());
    assert!(
        mine.contains(&("deal".to_string(), t.olena_deal.meta.id)),
        "her own deal is found: {mine:?}"
    );
    as_olena.close().await;
    as_head.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_are_given_and_reset_only_by_whom_the_matrix_lets() {
    let Some(t) = team().await else { return };
    let (store, ctx) = (&t.ctx.store, &t.ctx);
    let newcomer = store
        .create_user(
            Some(ctx.head.meta.id),
            &UserInput {
                name: "Нова Менеджерка".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let refused = |e: voronka_core::Error| {
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::Forbidden, Some("user_id")),
            "{}",
            e.message
        )
    };
    // A manager manages nobody's login; the head not the admin's, nor another head's.
    refused(store.give_login(ctx.olena.meta.id, newcomer.meta.id).await.unwrap_err());
    refused(
        store
            .reset_password(ctx.olena.meta.id, ctx.petro.meta.id)
            .await
            .unwrap_err(),
    );
    refused(
        store
            .reset_password(ctx.head.meta.id, ctx.head.meta.id)
            .await
            .unwrap_err(),
    );
    let admin_login = store.give_login(ctx.admin.meta.id, ctx.admin.meta.id).await.unwrap();
    refused(
        store
            .reset_password(ctx.head.meta.id, ctx.admin.meta.id)
            .await
            .unwrap_err(),
    );
    let (_, must) = store.login_of(ctx.admin.meta.id).await.unwrap();
    assert!(must, "the admin's own card, untouched by the refusals");
    // What they may: the head a manager's, the admin anyone's.
    store.give_login(ctx.head.meta.id, newcomer.meta.id).await.unwrap();
    let again = store.reset_password(ctx.admin.meta.id, ctx.head.meta.id).await.unwrap();
    assert_ne!(again.password.expose(), admin_login.password.expose());
}

/// The catalog's set-up and a proposal's bytes under row-level security: a manager reads the
/// template and her own deal's proposal, not another manager's, and changes no template; the
/// head reads every proposal and changes no template either.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_follows_its_deal_and_the_template_is_the_admins() {
    let Some(t) = team().await else { return };
    let (store, ctx) = (&t.ctx.store, &t.ctx);
    store
        .save_proposal_template(ctx.admin.meta.id, None, &crate::proposals::template())
        .await
        .unwrap();
    let product = store
        .create_product(
            ctx.admin.meta.id,
            &ProductInput {
                name: "Профнастил".into(),
                price: 10_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for (owner, deal) in [(ctx.olena.meta.id, &t.olena_deal), (ctx.petro.meta.id, &t.petro_deal)] {
        let line = DealItemInput {
            deal_id: deal.meta.id,
            product_id: Some(product.meta.id),
            name: None,
            quantity: 2.0,
            unit_price: None,
            currency: None,
            discount_bp: None,
        };
        store.add_deal_item(owner, &line).await.unwrap();
        store.make_proposal(owner, deal.meta.id).await.unwrap();
    }
    let (olena_deal, petro_deal) = (t.olena_deal.meta.id, t.petro_deal.meta.id);
    let mut olena = connect(ctx, &t.olena_login).await;
    let mine = format!("SELECT COUNT(*) FROM document_files WHERE deal_id = '{olena_deal}'");
    assert_eq!(count(&mut olena, &mine).await, 2, "her proposal's PDF and XLSX");
    let bytes = format!("SELECT COUNT(*) FROM document_files WHERE deal_id = '{petro_deal}' AND length(content) > 0");
    assert_eq!(count(&mut olena, &bytes).await, 0, "not Petro's proposal's bytes");
    let forged = format!(
        "INSERT INTO document_files (document_id, deal_id, kind, media_type, content)
         SELECT id, '{petro_deal}', 'proposal', 'application/pdf', '\\x00' FROM documents WHERE deal_id = '{olena_deal}' LIMIT 1"
    );
    refused(&mut olena, &forged).await;
    refused(&mut olena, "DELETE FROM document_files").await;
    assert_eq!(
        count(&mut olena, "SELECT COUNT(*) FROM proposal_templates").await,
        1,
        "the template is read by the team"
    );
    assert_eq!(
        changed(&mut olena, "UPDATE proposal_templates SET company_name = 'Моя фірма'").await,
        0,
        "the template is the admin's"
    );
    let insert = "INSERT INTO proposal_templates (id, created_at, updated_at, version, company_name, validity_days,
        prices_include_vat) VALUES ('mine', 0, 0, 1, 'Моя', 5, 0)";
    refused(&mut olena, insert).await;
    assert_eq!(
        changed(&mut olena, "UPDATE products SET price = 1").await,
        0,
        "the catalog is the admin's"
    );

    let mut head = connect(ctx, &t.head_login).await;
    assert_eq!(
        count(&mut head, "SELECT COUNT(*) FROM document_files").await,
        4,
        "the head reads every proposal"
    );
    assert_eq!(
        changed(&mut head, "UPDATE proposal_templates SET company_name = 'Моя фірма'").await,
        0,
        "set-up is the admin's"
    );
    assert_eq!(changed(&mut head, "UPDATE products SET price = 1").await, 0);
    // Read through the store under her own login: her proposal opens, Petro's does not.
    let as_olena = Store::open(&url_of(ctx, &t.olena_login)).await.unwrap();
    let hers = store
        .documents_of(ctx.admin.meta.id, DocumentOf::Deal(olena_deal))
        .await
        .unwrap();
    let his = store
        .documents_of(ctx.admin.meta.id, DocumentOf::Deal(petro_deal))
        .await
        .unwrap();
    assert!(
        as_olena
            .kept_file(ctx.olena.meta.id, hers[0].document.meta.id)
            .await
            .is_ok()
    );
    let err = as_olena
        .kept_file(ctx.olena.meta.id, his[0].document.meta.id)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "{}", err.message);
    as_olena.close().await;
}
