//! Live changes between desktops: the other desktop hears which records a committed write
//! changed, and nothing of a refused one. On PostgreSQL the two desktops are two stores opened
//! on one database; on SQLite, one process, two clones of one store.

use crate::harness::{Ctx, Kind};
use crate::team_gong::{listener_pid, terminate};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id, RandomIds};
use voronka_store::{CHANGES_LISTENER_APPLICATION, ChangeFeed, Changes, MoveDeal, Store};

/// Generous: speed is measured and printed, not asserted tightly.
const BOUND: Duration = Duration::from_secs(5);

pub async fn the_other_desktop_hears_what_changed_and_nothing_refused(ctx: Ctx) {
    let a = &ctx.store;
    let b = match ctx.kind {
        Kind::Postgres => Store::open_with(&ctx.url, ctx.clock.clone(), Arc::new(RandomIds::new()))
            .await
            .unwrap(),
        Kind::Sqlite => a.clone(),
    };
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван", "0671234568").await;
    let deal = a
        .create_deal(ctx.olena_id(), &ctx.deal_with("Угода", &company, &contact), None)
        .await
        .unwrap();
    let task = a
        .create_task(
            ctx.olena_id(),
            &TaskInput {
                kind: TaskKind::Call,
                title: "Передзвонити".into(),
                deal_id: None,
                company_id: Some(company.meta.id),
                contact_id: None,
                assignee_id: Some(ctx.olena_id()),
                due_at: ctx.clock_now() + chrono::Duration::hours(2),
            },
        )
        .await
        .unwrap();
    let mut feed = b.change_feed().await.unwrap();

    let edit = CompanyInput {
        name: "Дах".into(),
        notes: Some("нова адреса".into()),
        ..Default::default()
    };
    // From the write's start: an upper bound of commit-to-receipt, which may come before the
    // writing call has even returned.
    let started = Instant::now();
    let edited = a
        .update_company(ctx.olena_id(), company.meta.id, 1, &edit)
        .await
        .unwrap();
    let heard = next(&mut feed).await;
    eprintln!("{:?}: a change written and heard in {:?}", ctx.kind, started.elapsed());
    assert_eq!(
        heard,
        only("company", [company.meta.id]),
        "an edit names its record only"
    );

    let err = a
        .update_company(ctx.olena_id(), company.meta.id, 1, &edit)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict, "version 1 is stale after the edit");

    let to = MoveDeal {
        stage_id: Some(ctx.stage("Кваліфікація").meta.id),
        ..Default::default()
    };
    a.move_deal(ctx.olena_id(), deal.meta.id, deal.meta.version, &to)
        .await
        .unwrap();
    let heard = next(&mut feed).await;
    assert_eq!(
        heard.ids.get("deal"),
        Some(&BTreeSet::from([deal.meta.id])),
        "the move comes next, the refused edit announced nothing: {heard:?}"
    );
    assert!(!heard.ids.contains_key("company"), "{heard:?}");

    a.complete_task(ctx.olena_id(), task.meta.id, task.meta.version, "Домовились про замір")
        .await
        .unwrap();
    let heard = next(&mut feed).await;
    assert_eq!(
        heard.ids.get("task"),
        Some(&BTreeSet::from([task.meta.id])),
        "the completed task: {heard:?}"
    );
    assert!(!heard.everything && heard.many.is_empty(), "{heard:?}");
    let quiet = tokio::time::timeout(Duration::from_millis(300), feed.recv()).await;
    assert!(quiet.is_err(), "nothing else was announced: {quiet:?}");

    if ctx.kind == Kind::Postgres {
        let pid = listener_pid(&ctx.url, CHANGES_LISTENER_APPLICATION).await;
        terminate(&ctx.url, pid).await;
        assert_eq!(
            next(&mut feed).await,
            Changes::everything(),
            "after a lost connection every screen refetches"
        );
        let again = a
            .update_company(
                ctx.olena_id(),
                company.meta.id,
                edited.meta.version,
                &CompanyInput {
                    notes: Some("ще раз".into()),
                    ..edit
                },
            )
            .await
            .unwrap();
        assert_eq!(
            next(&mut feed).await,
            only("company", [again.meta.id]),
            "changes flow again on the new connection"
        );
        drop(feed);
        b.close().await;
    }
}

async fn next(feed: &mut ChangeFeed) -> Changes {
    tokio::time::timeout(BOUND, feed.recv())
        .await
        .expect("the other desktop hears a change in time")
        .unwrap()
}

fn only<const N: usize>(entity: &str, ids: [Id; N]) -> Changes {
    Changes {
        ids: BTreeMap::from([(entity.to_string(), BTreeSet::from(ids))]),
        ..Default::default()
    }
}
