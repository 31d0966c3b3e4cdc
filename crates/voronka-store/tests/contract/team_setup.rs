//! Team mode on PostgreSQL: the department's set-up (dictionaries, process settings) is read by
//! every teammate and changed by the admin alone, and plans are set by the head and the admin,
//! whatever program a login uses. The attacks go through plain sqlx as each teammate's own
//! login; each refusal is paired with what the admin's login may do, so a policy dropped or
//! one refusing everything fails alike.

use crate::harness::{self, Kind};
use crate::team::{changed, connect, count, refused};
use voronka_core::model::ProcessSettingsInput;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_set_up_is_read_by_the_team_and_changed_by_the_admin_alone() {
    let Some(ctx) = harness::setup(Kind::Postgres).await else {
        return;
    };
    let s = &ctx.store;
    let admin = ctx.admin.meta.id;
    let admin_login = s.give_login(admin, admin).await.unwrap().login;
    let head_login = s.give_login(admin, ctx.head.meta.id).await.unwrap().login;
    let olena_login = s.give_login(admin, ctx.olena.meta.id).await.unwrap().login;
    let settings = ProcessSettingsInput {
        title_template: "{company}".into(),
        lead_response_minutes: 15,
        stuck_days: 14,
        idle_days: 30,
        task_horizon_days: None,
        working_days: vec![1, 2, 3, 4, 5],
        holidays: vec![],
        default_currency: "UAH".into(),
    };
    s.save_process_settings(admin, 0, &settings).await.unwrap();

    let forged_entry = "INSERT INTO dictionary_entries (id, created_at, updated_at, version, dictionary, code, name,
        position, active) VALUES ('forged', 0, 0, 1, 'lead_source', 'forged', 'Підробка', 99, 1)";
    let forged_settings = "INSERT INTO process_settings (id, created_at, updated_at, version, singleton,
        title_template, lead_response_minutes, stuck_days, idle_days, working_days, holidays, default_currency)
        VALUES ('forged', 0, 0, 1, 1, '{company}', 1, 1, 1, '[1]', '[]', 'UAH')";
    for login in [&olena_login, &head_login] {
        let mut conn = connect(&ctx, login).await;
        assert!(
            count(&mut conn, "SELECT COUNT(*) FROM dictionary_entries").await > 0,
            "{login} reads the dictionaries"
        );
        assert_eq!(
            count(&mut conn, "SELECT COUNT(*) FROM process_settings").await,
            1,
            "{login} reads the process settings"
        );
        for sql in [
            "UPDATE dictionary_entries SET name = 'Моя'",
            "UPDATE dictionary_entries SET active = 0",
            "UPDATE process_settings SET stuck_days = 99",
        ] {
            assert_eq!(changed(&mut conn, sql).await, 0, "{login}: {sql} is the admin's");
        }
        refused(&mut conn, forged_entry).await;
        refused(&mut conn, forged_settings).await;
        refused(&mut conn, "DELETE FROM dictionary_entries").await;
    }

    // Plans: a manager reads hers and the team's, and sets none; the head sets them.
    let plan = |id: &str, user: &str| {
        format!(
            "INSERT INTO plans (id, created_at, updated_at, version, user_id, month, revenue_target, currency,
             calls_target, meetings_target) VALUES ('{id}', 0, 0, 1, {user}, '2026-05', 100, 'UAH', 0, 0)"
        )
    };
    let mut olena = connect(&ctx, &olena_login).await;
    refused(&mut olena, &plan("forged", "NULL")).await;
    refused(&mut olena, &plan("forged", &format!("'{}'", ctx.olena.meta.id))).await;
    let mut head = connect(&ctx, &head_login).await;
    assert_eq!(
        changed(&mut head, &plan("team-may", "NULL")).await,
        1,
        "the head sets plans"
    );
    assert_eq!(
        count(&mut olena, "SELECT COUNT(*) FROM plans WHERE month = '2026-05'").await,
        1,
        "she reads the team's plan"
    );
    assert_eq!(
        changed(&mut olena, "UPDATE plans SET revenue_target = 1").await,
        0,
        "and changes none"
    );

    let mut admin = connect(&ctx, &admin_login).await;
    assert!(
        changed(&mut admin, "UPDATE dictionary_entries SET name = name").await > 0,
        "the admin changes the dictionaries"
    );
    assert_eq!(
        changed(&mut admin, "UPDATE process_settings SET stuck_days = 21").await,
        1,
        "and the process settings"
    );
    assert_eq!(changed(&mut admin, forged_entry).await, 1, "and adds entries");
}
