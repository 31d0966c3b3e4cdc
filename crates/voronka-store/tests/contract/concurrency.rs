use crate::harness::Ctx;
use voronka_core::ErrorCode;
use voronka_core::model::*;

pub async fn stale_version_is_a_conflict_and_changes_nothing(ctx: Ctx) {
    let s = &ctx.store;
    let c = ctx.company("Дах", "0671234567").await;
    let mine = CompanyInput {
        name: "Дах".into(),
        notes: Some("моя правка".into()),
        ..Default::default()
    };
    let theirs = CompanyInput {
        name: "Дах".into(),
        notes: Some("їхня правка".into()),
        ..Default::default()
    };
    let v2 = s
        .update_company(ctx.petro.meta.id, c.meta.id, 1, &theirs)
        .await
        .unwrap();
    let audits = ctx.count("audit_log").await;
    let err = s.update_company(ctx.olena_id(), c.meta.id, 1, &mine).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict, "version 1 is stale after Petro's edit");
    assert_eq!(err.field.as_deref(), Some("version"));
    assert_eq!(s.get::<Company>(c.meta.id).await.unwrap(), v2, "Petro's edit stands");
    assert_eq!(
        ctx.count("audit_log").await,
        audits,
        "a refused write leaves no audit entry"
    );
    for err in [
        s.delete::<Company>(ctx.olena_id(), c.meta.id, 1).await.unwrap_err(),
        s.restore::<Company>(ctx.olena_id(), c.meta.id, 1).await.unwrap_err(),
    ] {
        assert_eq!(
            err.code,
            ErrorCode::Conflict,
            "delete and restore check the version too"
        );
    }
    let deal = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Угода"), None)
        .await
        .unwrap();
    let to = voronka_store::MoveDeal {
        stage_id: Some(ctx.stage("Кваліфікація").meta.id),
        ..Default::default()
    };
    let mut input = ctx.deal_input("Угода");
    input.title = "Нова назва".into();
    s.update_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    let err = s
        .move_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &to)
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a stage move at a stale version is refused"
    );
}

pub async fn of_two_simultaneous_edits_exactly_one_wins(ctx: Ctx) {
    let c = ctx.company("Дах", "0671234567").await;
    let mut handles = Vec::new();
    for i in 0..4 {
        let store = ctx.store.clone();
        let (actor, id) = (ctx.olena_id(), c.meta.id);
        handles.push(tokio::spawn(async move {
            let input = CompanyInput {
                name: "Дах".into(),
                notes: Some(format!("правка {i}")),
                ..Default::default()
            };
            store.update_company(actor, id, 1, &input).await
        }));
    }
    let mut wins = 0;
    for h in handles {
        match h.await.unwrap() {
            Ok(_) => wins += 1,
            Err(e) => assert_eq!(
                e.code,
                ErrorCode::Conflict,
                "a loser gets a conflict, not another error: {e}"
            ),
        }
    }
    assert_eq!(wins, 1, "four edits of version 1: exactly one may land");
    assert_eq!(ctx.store.get::<Company>(c.meta.id).await.unwrap().meta.version, 2);
}
