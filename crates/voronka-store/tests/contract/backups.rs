//! Backups of a local file: a copy taken while the app has it open holds every write made
//! before it (also those still in the write-ahead log), the seven newest are kept, the daily one
//! is taken only when due, and a restore brings a copy back, keeping the replaced data as a
//! backup of its own and refusing what is not a Voronka database. A team database is backed
//! up on its server: a desktop's backup is refused with the way to do it.

use crate::harness::{Ctx, Kind, refused};
use chrono::Duration;
use voronka_core::ErrorCode;
use voronka_core::model::CompanyInput;
use voronka_store::{BACKUPS_KEPT, Store, backups_folder, list_backups, local_file, restore};

/// The companies whose names start with `prefix`, as the store at `url` holds them.
async fn companies_named(url: &str, prefix: &str) -> usize {
    let store = Store::open(url).await.unwrap();
    let mut text = Vec::new();
    store.export_json(&mut text).await.unwrap();
    store.close().await;
    let export: serde_json::Value = serde_json::from_slice(&text).unwrap();
    export["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with(prefix))
        .count()
}

async fn company(ctx: &Ctx, name: String) {
    let input = CompanyInput {
        name,
        ..Default::default()
    };
    ctx.store.create_company(ctx.admin.meta.id, &input).await.unwrap();
}

pub async fn a_backup_of_an_open_file_restores_every_write_before_it(ctx: Ctx) {
    let scratch = tempfile::tempdir().unwrap();
    if ctx.kind == Kind::Postgres {
        refused(
            ctx.store.back_up(scratch.path()).await,
            ErrorCode::InvalidState,
            "backup",
        );
        assert_eq!(ctx.store.back_up_if_due(scratch.path()).await.unwrap(), None);
        return;
    }
    let db = local_file(&ctx.url).expect("a local file");
    let folder = backups_folder(&db);
    for i in 0..150 {
        company(&ctx, format!("ТОВ Копія {i:03}")).await;
    }
    let first = ctx.store.back_up(&folder).await.unwrap();
    // Kept aside, as a person keeps one on a stick: the folder keeps only the newest.
    let aside = scratch.path().join("aside.db");
    std::fs::copy(&first.path, &aside).unwrap();
    company(&ctx, "ТОВ Після копії".into()).await;
    let copy = format!("sqlite:{}", aside.display());
    assert_eq!(
        companies_named(&copy, "ТОВ Копія").await,
        150,
        "all of them, the store still open"
    );
    assert_eq!(companies_named(&copy, "ТОВ Після").await, 0, "nothing after it");

    assert_eq!(ctx.store.back_up_if_due(&folder).await.unwrap(), None, "one a day");
    for _ in 0..BACKUPS_KEPT + 1 {
        ctx.clock.advance(Duration::hours(24));
        assert!(
            ctx.store.back_up_if_due(&folder).await.unwrap().is_some(),
            "a day later it is due"
        );
    }
    let kept = list_backups(&folder).unwrap();
    assert_eq!(kept.len(), BACKUPS_KEPT, "the newest seven: {kept:?}");
    assert!(kept.windows(2).all(|w| w[0].taken_at > w[1].taken_at), "newest first");
    assert!(kept.iter().all(|b| b.name != first.name), "the oldest went");
    ctx.store.close().await;

    let not_ours = scratch.path().join("notes.db");
    std::fs::write(&not_ours, "a shopping list, not a database").unwrap();
    let err = restore(&db, &not_ours).await.expect_err("refused");
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::NotADatabase, Some("backup")),
        "{}",
        err.message
    );
    assert_eq!(
        companies_named(&ctx.url, "ТОВ Після").await,
        1,
        "a refused restore changes nothing"
    );

    let safety = restore(&db, &aside).await.unwrap().expect("the replaced data is kept");
    assert_eq!(companies_named(&ctx.url, "ТОВ Копія").await, 150);
    assert_eq!(
        companies_named(&ctx.url, "ТОВ Після").await,
        0,
        "the copy's data, as it was"
    );
    let undo = format!("sqlite:{}", safety.path);
    assert_eq!(
        companies_named(&undo, "ТОВ Після").await,
        1,
        "the replaced data is a backup itself"
    );
}
