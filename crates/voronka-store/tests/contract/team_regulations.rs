//! The head's regulations in team mode, under each teammate's own login: the head hands a
//! manager's clients over through the store under row-level security; a manager may neither hand
//! over nor give a task away, not through the store and not through plain SQL; the reasons for
//! moved overdue tasks are written as oneself and never changed.

use crate::team::{connect, count, refused, team, url_of};
use chrono::Duration;
use sqlx::Connection;
use voronka_core::handover::HandoverScope;
use voronka_core::model::*;
use voronka_core::{ErrorCode, RandomIds};
use voronka_store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_head_hands_over_under_row_level_security_and_a_manager_may_not() {
    let Some(t) = team().await else { return };
    let ctx = &t.ctx;
    let (olena, petro) = (ctx.olena.meta.id, ctx.petro.meta.id);
    let ids = std::sync::Arc::new(RandomIds::new());
    let as_head = Store::open_with(&url_of(ctx, &t.head_login), ctx.clock.clone(), ids.clone())
        .await
        .unwrap();
    let as_olena = Store::open_with(&url_of(ctx, &t.olena_login), ctx.clock.clone(), ids)
        .await
        .unwrap();

    let scope = HandoverScope::Manager { user_id: petro };
    let err = as_olena.handover(olena, &scope, &[olena], false).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("regulations"))
    );

    let plan = as_head.handover_preview(ctx.head.meta.id, &scope).await.unwrap();
    assert_eq!(plan.deals.len(), 1, "Petro's deal");
    let outcome = as_head
        .handover(ctx.head.meta.id, &scope, &[olena], true)
        .await
        .unwrap();
    assert_eq!(
        outcome.moves.len(),
        plan.companies.len() + plan.contacts.len() + plan.deals.len() + plan.tasks.len()
    );
    let mut as_her = connect(ctx, &t.olena_login).await;
    let sql = format!("SELECT COUNT(*) FROM deals WHERE id = '{}'", t.petro_deal.meta.id);
    assert_eq!(
        count(&mut as_her, &sql).await,
        1,
        "Petro's deal is hers now, so she sees it"
    );
    let sql = format!(
        "SELECT COUNT(*) FROM companies WHERE id = '{}' AND owner_id = '{olena}'",
        t.petro_company.meta.id
    );
    assert_eq!(count(&mut as_her, &sql).await, 1);
    let petro_now: User = as_head.get(petro).await.unwrap();
    assert!(!petro_now.data.active, "deactivated: his login no longer signs in");

    // Her own task, which she may change, is not hers to give away, even in plain SQL.
    let task = as_olena
        .create_task(
            olena,
            &TaskInput {
                kind: TaskKind::Call,
                title: "Мій дзвінок".into(),
                deal_id: None,
                company_id: None,
                contact_id: None,
                assignee_id: Some(olena),
                due_at: ctx.clock_now() + Duration::hours(1),
            },
        )
        .await
        .unwrap();
    let away = format!(
        "UPDATE tasks SET assignee_id = '{}' WHERE id = '{}'",
        ctx.head.meta.id, task.meta.id
    );
    refused(&mut as_her, &away).await;
    let retitle = format!(
        "UPDATE tasks SET title = 'Мій дзвінок о 10' WHERE id = '{}'",
        task.meta.id
    );
    sqlx::query(&retitle)
        .execute(&mut as_her)
        .await
        .expect("her own task she may retitle");

    // The reason for moving it late is written as herself, through the store, and stays.
    ctx.clock.advance(Duration::hours(2));
    let moved = as_olena
        .reschedule_task(
            olena,
            task.meta.id,
            task.meta.version,
            ctx.clock_now() + Duration::days(1),
            Some("Клієнт попросив завтра"),
        )
        .await
        .unwrap();
    assert_eq!(as_olena.task_reschedules(moved.meta.id).await.unwrap().len(), 1);
    let forged = format!(
        "INSERT INTO task_reschedules (id, task_id, user_id, at, from_due_at, to_due_at, reason)
         VALUES ('forged', '{}', '{}', 0, 0, 0, 'не я')",
        task.meta.id, ctx.head.meta.id
    );
    refused(&mut as_her, &forged).await;
    refused(&mut as_her, "UPDATE task_reschedules SET reason = 'інакше'").await;
    refused(&mut as_her, "DELETE FROM task_reschedules").await;
    as_her.close().await.unwrap();
    as_head.close().await;
    as_olena.close().await;
}
