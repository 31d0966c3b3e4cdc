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
        owner_id: Some(ctx.olena_id()),
        ..Default::default()
    };
    let v2 = s.update_company(ctx.head.meta.id, c.meta.id, 1, &theirs).await.unwrap();
    let audits = ctx.count("audit_log").await;
    let err = s.update_company(ctx.olena_id(), c.meta.id, 1, &mine).await.unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "version 1 is stale after the head's edit"
    );
    assert_eq!(err.field.as_deref(), Some("version"));
    assert_eq!(s.get::<Company>(c.meta.id).await.unwrap(), v2, "the head's edit stands");
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

/// How many of the concurrent writes of one client the races below start, each from a store of
/// its own (its own connections, as from separate desktops).
const RACERS: usize = 8;

/// Opens `n` more stores on the context's database.
async fn stores(ctx: &Ctx, n: usize) -> Vec<voronka_store::Store> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(voronka_store::Store::open(&ctx.url).await.unwrap());
    }
    out
}

/// Runs the writes at once and returns how many landed; every refusal must be `duplicate`,
/// naming one of the owners.
async fn race<F, Fut>(ctx: &Ctx, stores: &[voronka_store::Store], write: F) -> usize
where
    F: Fn(voronka_store::Store, usize) -> Fut,
    Fut: std::future::Future<Output = voronka_core::Result<Company>> + Send + 'static,
{
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(stores.len()));
    let mut handles = Vec::new();
    for (i, store) in stores.iter().enumerate() {
        let (start, write) = (start.clone(), write(store.clone(), i));
        handles.push(tokio::spawn(async move {
            start.wait().await;
            write.await
        }));
    }
    let owners = [ctx.olena.data.name.to_string(), ctx.petro.data.name.to_string()];
    let mut landed = 0;
    for h in handles {
        match h.await.unwrap() {
            Ok(_) => landed += 1,
            Err(e) => {
                assert_eq!(e.code, ErrorCode::Duplicate, "a loser gets `duplicate`: {e}");
                assert!(
                    owners.iter().any(|o| e.message.contains(&format!("owned by {o}"))),
                    "naming the owner: {e}"
                );
            }
        }
    }
    landed
}

fn client(name: &str, work_phone: Option<&str>, mobile_phone: Option<&str>) -> CompanyInput {
    CompanyInput {
        name: name.into(),
        city: Some("Одеса".into()),
        work_phone: work_phone.map(Into::into),
        mobile_phone: mobile_phone.map(Into::into),
        ..Default::default()
    }
}

async fn live_companies(ctx: &Ctx) -> usize {
    let export = ctx.export().await;
    export["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["deleted_at"].is_null())
        .count()
}

/// Rule 6 under a race: the same client saved at the same moment from separate desktops gets
/// in once, by every key (name in city, a phone in either column, email, legal id), and an
/// update or a restore racing a create is held to it too.
pub async fn concurrent_saves_of_one_client_let_exactly_one_in(ctx: Ctx) {
    let racers = stores(&ctx, RACERS).await;
    let actor = |i: usize| {
        if i.is_multiple_of(2) {
            ctx.olena_id()
        } else {
            ctx.petro.meta.id
        }
    };
    let actors: Vec<_> = (0..RACERS).map(actor).collect();
    let mut expected = 0;
    type Card = fn(usize) -> CompanyInput;
    let cases: [(&str, Card); 4] = [
        ("the same card", |_| {
            client("ТОВ «Чорне море»", Some("0487770001"), None)
        }),
        ("one phone, in either column", |i| {
            let name = format!("Фірма {i}");
            match i % 2 {
                0 => client(&name, Some("0487770002"), None),
                _ => client(&name, None, Some("+38 048 777 00 02")),
            }
        }),
        ("one email", |i| CompanyInput {
            email: Some("Office@Sea.ua".into()),
            ..client(&format!("Пошта {i}"), None, None)
        }),
        ("one legal id", |i| CompanyInput {
            legal_id: Some("40001234".into()),
            ..client(&format!("Юрособа {i}"), None, None)
        }),
    ];
    for (what, input) in cases {
        let actors = actors.clone();
        let landed = race(&ctx, &racers, move |s, i| {
            let actor = actors[i];
            async move { s.create_company(actor, &input(i)).await }
        })
        .await;
        assert_eq!(landed, 1, "{what}: {RACERS} simultaneous creates, exactly one lands");
        expected += 1;
        assert_eq!(live_companies(&ctx).await, expected, "{what}: one company more");
    }

    // Companies that are all different, then all given one phone at once.
    let mut own = Vec::new();
    for i in 0..RACERS {
        let c = racers[i]
            .create_company(
                actors[i],
                &client(&format!("Окрема {i}"), Some(&format!("04877710{i:02}")), None),
            )
            .await
            .unwrap();
        own.push(c);
    }
    expected += RACERS;
    let own = std::sync::Arc::new(own);
    let landed = race(&ctx, &racers, {
        let (own, actors) = (own.clone(), actors.clone());
        move |s, i| {
            let (c, actor) = (own[i].clone(), actors[i]);
            async move {
                let input = client(&format!("Окрема {i}"), Some("0487779999"), None);
                s.update_company(actor, c.meta.id, c.meta.version, &input).await
            }
        }
    })
    .await;
    assert_eq!(landed, 1, "{RACERS} updates to one phone: exactly one lands");

    // Deleted twins of one client, all restored at once.
    let mut gone = Vec::new();
    for (i, store) in racers.iter().enumerate() {
        let c = store
            .create_company(actors[i], &client(&format!("Повернення {i}"), Some("0487775555"), None))
            .await
            .unwrap();
        gone.push(
            store
                .delete::<Company>(actors[i], c.meta.id, c.meta.version)
                .await
                .unwrap(),
        );
    }
    let gone = std::sync::Arc::new(gone);
    let landed = race(&ctx, &racers, {
        let (gone, actors) = (gone.clone(), actors.clone());
        move |s, i| {
            let (c, actor) = (gone[i].clone(), actors[i]);
            async move { s.restore::<Company>(actor, c.meta.id, c.meta.version).await }
        }
    })
    .await;
    assert_eq!(landed, 1, "{RACERS} restores of one client: exactly one lands");
    assert_eq!(live_companies(&ctx).await, expected + 1);
    for s in racers {
        s.close().await;
    }
}

/// A bulk load of `n` companies owned by Olena.
fn bulk(ctx: &Ctx, n: usize) -> voronka_store::Import {
    let ids = voronka_core::RandomIds::new();
    let now = ctx.clock_now();
    let companies = (0..n)
        .map(|i| {
            let data = client(&format!("Оптова {i}"), Some(&format!("044{i:07}")), None)
                .validate(ctx.olena_id())
                .unwrap();
            Company {
                meta: Meta::new(voronka_core::IdSource::next_id(&ids, now), now),
                data,
            }
        })
        .collect();
    voronka_store::Import {
        companies,
        ..Default::default()
    }
}

/// Another desktop that opens the database while a bulk load holds it, and writes, waits its
/// turn each time and lands; the load lands too.
pub async fn a_write_beside_a_bulk_load_waits_its_turn(ctx: Ctx) {
    let batch = bulk(&ctx, 40_000);
    let loader = ctx.store.clone();
    let load = tokio::spawn(async move {
        let started = std::time::Instant::now();
        loader.import(None, &batch).await.map(|_| started.elapsed())
    });
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let other = voronka_store::Store::open(&ctx.url).await.unwrap();
    let mut refused = Vec::new();
    for i in 0..6 {
        let input = client(&format!("Поруч {i}"), Some(&format!("03200000{i:02}")), None);
        if let Err(e) = other.create_company(ctx.petro.meta.id, &input).await {
            refused.push(e.to_string());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let took = load.await.unwrap().unwrap();
    assert!(
        refused.is_empty(),
        "writes beside a {took:?} load were refused: {refused:#?}"
    );
    assert_eq!(live_companies(&ctx).await, 40_006);
    other.close().await;
}

/// A write that waits longer than a write may (another program holds the lock) fails with
/// `busy` and a message of ours, and writes nothing.
pub async fn a_lock_held_too_long_is_busy_not_the_engines_text(ctx: Ctx) {
    let c = ctx.company("Дах", "0671234567").await;
    let input = CompanyInput {
        name: "Дах".into(),
        notes: Some("правка".into()),
        ..Default::default()
    };
    let held_for = std::time::Duration::from_secs(12);
    let holder = match ctx.kind {
        crate::harness::Kind::Sqlite => {
            use sqlx::{Connection, Executor};
            let mut conn = sqlx::SqliteConnection::connect(&ctx.url).await.unwrap();
            conn.execute("BEGIN IMMEDIATE").await.unwrap();
            tokio::spawn(async move {
                tokio::time::sleep(held_for).await;
                conn.execute("ROLLBACK").await.unwrap();
            })
        }
        crate::harness::Kind::Postgres => {
            use sqlx::{Connection, Executor};
            let mut conn = sqlx::PgConnection::connect(&ctx.url).await.unwrap();
            conn.execute("BEGIN").await.unwrap();
            sqlx::query("SELECT id FROM companies WHERE id = $1 FOR UPDATE")
                .bind(c.meta.id.to_string())
                .execute(&mut conn)
                .await
                .unwrap();
            tokio::spawn(async move {
                tokio::time::sleep(held_for).await;
                conn.execute("ROLLBACK").await.unwrap();
            })
        }
    };
    let err = ctx
        .store
        .update_company(ctx.olena_id(), c.meta.id, c.meta.version, &input)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Busy, "{err}");
    assert!(
        err.message.contains("try again") && !err.message.contains("locked") && !err.message.contains("code"),
        "our words, not the engine's: {}",
        err.message
    );
    holder.await.unwrap();
    assert_eq!(
        ctx.store.get::<Company>(c.meta.id).await.unwrap(),
        c,
        "nothing was written"
    );
}
