//! `rotate-leads` on both backends: at a later instant an unanswered lead passes to the next
//! manager of the rotation, printed with who gave and who got it, and only once.

use crate::ok;
use voronka_core::Id;
use voronka_core::model::{DealInput, LeadRotationInput, Role};
use voronka_store::Store;
use voronka_testdb::{Kind, TestDb};

async fn an_unanswered_lead_passes_from_a_script(db: TestDb) {
    ok(&db, &["demo", "--seed", "3", "--scale", "10", "--today", "2026-05-04"]);
    let store = Store::open(&db.url).await.unwrap();
    let users = store.list_users().await.unwrap();
    let head = users.iter().find(|u| u.data.role == Role::Head).unwrap().meta.id;
    let managers: Vec<Id> = users
        .iter()
        .filter(|u| u.data.role == Role::Manager && u.data.active)
        .map(|u| u.meta.id)
        .take(2)
        .collect();
    let (from, to) = (managers[0], managers[1]);
    store
        .save_lead_rotation(
            head,
            0,
            &LeadRotationInput {
                enabled: true,
                member_ids: vec![from, to],
                lead_limit: 0,
            },
        )
        .await
        .unwrap();
    let pipeline = store
        .list_pipelines()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.data.is_default)
        .unwrap();
    let lead = store
        .create_deal(
            from,
            &DealInput {
                owner_id: Some(from),
                ..DealInput::titled("Лід з сайту: покрівля 120 м²", pipeline.meta.id)
            },
            None,
        )
        .await
        .unwrap();
    store.close().await;

    let later = "2030-01-01T09:00:00Z";
    let handed: serde_json::Value = serde_json::from_str(&ok(&db, &["rotate-leads", "--at", later, "--json"])).unwrap();
    let ours: Vec<&serde_json::Value> = handed
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["deal_id"] == lead.meta.id.to_string())
        .collect();
    assert_eq!(ours.len(), 1, "the lead passes: {handed}");
    assert_eq!(
        (&ours[0]["from_user_id"], &ours[0]["to_user_id"]),
        (&serde_json::json!(from.to_string()), &serde_json::json!(to.to_string())),
        "to the next manager of the rotation"
    );
    let export: serde_json::Value = serde_json::from_str(&ok(&db, &["export-json"])).unwrap();
    let deal = export["deals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == lead.meta.id.to_string())
        .unwrap();
    assert_eq!(deal["owner_id"], to.to_string(), "the deal is hers now");

    let again = ok(&db, &["rotate-leads", "--at", later]);
    assert!(
        again.starts_with("handed over ") && !again.contains(&lead.meta.id.to_string()),
        "the receiver has her own response time: {again}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotate_leads_on_sqlite() {
    an_unanswered_lead_passes_from_a_script(TestDb::fresh(Kind::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotate_leads_on_postgres() {
    if let Some(db) = TestDb::fresh(Kind::Postgres).await {
        an_unanswered_lead_passes_from_a_script(db).await;
    }
}
