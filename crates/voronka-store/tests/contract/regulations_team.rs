//! The head's regulations in team mode: the database itself keeps the rotation's settings,
//! the handovers and the loss reviews the head's and the admin's, and the rotation steps of two
//! desktops signed in as their own logins hand each lead over once.

use crate::harness::{self, Kind};
use crate::team::{connect, count, refused, url_of};
use chrono::Duration;
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::{ErrorCode, RandomIds};
use voronka_store::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_heads_and_admins_logins_rotate_leads_once_and_a_managers_may_not() {
    let Some(ctx) = harness::setup(Kind::Postgres).await else {
        return;
    };
    let s = &ctx.store;
    let (admin, head, olena, petro) = (ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let admin_login = s.give_login(admin, admin).await.unwrap().login;
    let head_login = s.give_login(admin, head).await.unwrap().login;
    let olena_login = s.give_login(head, olena).await.unwrap().login;
    s.give_login(head, petro).await.unwrap();
    let ids = || Arc::new(RandomIds::new());
    let as_head = Store::open_with(&url_of(&ctx, &head_login), ctx.clock.clone(), ids())
        .await
        .unwrap();
    let as_admin = Store::open_with(&url_of(&ctx, &admin_login), ctx.clock.clone(), ids())
        .await
        .unwrap();
    let as_olena = Store::open_with(&url_of(&ctx, &olena_login), ctx.clock.clone(), ids())
        .await
        .unwrap();

    let input = LeadRotationInput {
        enabled: true,
        member_ids: vec![olena, petro],
        lead_limit: 0,
    };
    let err = as_olena.save_lead_rotation(olena, 0, &input).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("regulations"))
    );
    as_head.save_lead_rotation(head, 0, &input).await.unwrap();
    for i in 0..4 {
        let company = as_olena
            .create_company(
                olena,
                &CompanyInput {
                    name: format!("Лід {i}"),
                    work_phone: Some(format!("+38050400000{i}")),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        as_olena
            .create_deal(
                olena,
                &DealInput {
                    company_id: Some(company.meta.id),
                    ..ctx.deal_input(&format!("Лід {i}"))
                },
                None,
            )
            .await
            .unwrap();
    }
    ctx.clock.advance(Duration::minutes(20));
    let err = as_olena.rotate_leads(olena).await.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("regulations"))
    );
    let (a, b) = tokio::join!(as_head.rotate_leads(head), as_admin.rotate_leads(admin));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), 4, "each lead once between the two desktops");
    let mut owner = connect(&ctx, &admin_login).await;
    assert_eq!(count(&mut owner, "SELECT COUNT(*) FROM lead_handovers").await, 4);
    assert_eq!(
        count(
            &mut owner,
            &format!("SELECT COUNT(*) FROM deals WHERE owner_id = '{petro}'")
        )
        .await,
        4,
        "the head's login moved Olena's leads to Petro under its own rights"
    );

    // What the database refuses Olena's login whatever program she uses.
    let mut as_her = connect(&ctx, &olena_login).await;
    assert_eq!(
        count(&mut as_her, "SELECT COUNT(*) FROM lead_rotation").await,
        1,
        "she reads whether leads rotate"
    );
    refused(&mut as_her, "UPDATE lead_rotation SET enabled = 0").await;
    refused(
        &mut as_her,
        "INSERT INTO lead_handovers (id, task_id, task_version, deal_id, from_user_id, to_user_id, at)
         VALUES ('forged', 't', 9, 'd', 'a', 'b', 0)",
    )
    .await;
    refused(
        &mut as_her,
        "INSERT INTO loss_reviews (task_id, deal_id, comment, decision, reviewer_id, reviewed_at)
         VALUES ('forged', 'd', 'підроблено', 'confirm', 'x', 0)",
    )
    .await;
    assert_eq!(
        count(&mut as_her, "SELECT COUNT(*) FROM lead_handovers").await,
        4,
        "the handovers of her own leads are hers to read"
    );
    for store in [as_head, as_admin, as_olena] {
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_managers_login_answers_only_her_own_check_ins_and_the_head_reads_all() {
    let Some(ctx) = harness::setup(Kind::Postgres).await else {
        return;
    };
    let s = &ctx.store;
    let (admin, head, olena, petro) = (ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let head_login = s.give_login(admin, head).await.unwrap().login;
    let olena_login = s.give_login(head, olena).await.unwrap().login;
    let petro_login = s.give_login(head, petro).await.unwrap().login;
    let ids = || Arc::new(RandomIds::new());
    let answer = CheckInInput {
        slot: "2026-03-10T11:00".into(),
        calls: 4,
        meetings: 0,
        payments_expected: None,
        comment: None,
    };
    for login in [&olena_login, &petro_login] {
        let store = Store::open_with(&url_of(&ctx, login), ctx.clock.clone(), ids())
            .await
            .unwrap();
        let me = if login == &olena_login { olena } else { petro };
        store.answer_check_in(me, &answer).await.unwrap();
        store.close().await;
    }
    let mut as_her = connect(&ctx, &olena_login).await;
    assert_eq!(
        count(&mut as_her, "SELECT COUNT(*) FROM check_in_answers").await,
        1,
        "her own only"
    );
    refused(
        &mut as_her,
        &format!(
            "INSERT INTO check_in_answers (user_id, slot, slot_at, calls, meetings, payments_expected, currency, answered_at)
             VALUES ('{petro}', '2026-03-10T14:00', 0, 99, 0, 0, 'UAH', 0)"
        ),
    )
    .await;
    let as_head = Store::open_with(&url_of(&ctx, &head_login), ctx.clock.clone(), ids())
        .await
        .unwrap();
    let board = as_head
        .check_ins_of(head, chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap())
        .await
        .unwrap();
    assert_eq!(
        board.iter().filter(|r| r.answer.is_some()).count(),
        2,
        "the head's login reads everyone's answers"
    );
    as_head.close().await;
}
