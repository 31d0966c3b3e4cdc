//! The discipline report's additions from seed 003 — tasks planned too far ahead, losses without
//! a comment, overdue tasks moved — each held to a recomputation straight from the exported rows.

use crate::harness::Ctx;
use crate::reports::{Book, at, march};
use serde_json::Value;
use std::collections::BTreeSet;
use voronka_core::Id;
use voronka_core::model::*;
use voronka_core::reports::*;
use voronka_store::MoveDeal;

/// What the exported rows say, worked out without the store's queries: (far-ahead task ids,
/// silent loss ids, moved overdue task ids), for `manager` or the whole team.
async fn recomputed(
    ctx: &Ctx,
    horizon_days: i64,
    manager: Option<Id>,
) -> (BTreeSet<String>, BTreeSet<String>, Vec<String>) {
    let export = ctx.export().await;
    let rows = |table: &str| export[table].as_array().unwrap().clone();
    let now = ctx.clock_now().timestamp_millis();
    let (from, to) = (
        at("2026-03-01 00:00").timestamp_millis(),
        at("2026-04-01 00:00").timestamp_millis(),
    );
    let mine = |v: &Value, column: &str| manager.is_none_or(|m| v[column].as_str() == Some(&m.to_string()));
    let tasks = rows("tasks");
    let far = tasks
        .iter()
        .filter(|t| t["done_at"].is_null() && t["deleted_at"].is_null() && mine(t, "assignee_id"))
        .filter(|t| t["due_at"].as_i64().unwrap() > now + horizon_days * 86_400_000)
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    let silent = rows("deals")
        .iter()
        .filter(|d| d["status"] == "lost" && d["deleted_at"].is_null() && mine(d, "owner_id"))
        .filter(|d| (from..to).contains(&d["closed_at"].as_i64().unwrap()))
        .filter(|d| d["loss_comment"].as_str().is_none_or(|c| c.trim().is_empty()))
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let assignee = |id: &str| {
        tasks
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| t["assignee_id"].as_str().unwrap().to_string())
    };
    let moved = rows("audit_log")
        .iter()
        .filter(|e| e["entity"] == "task" && e["action"] == "update")
        .filter(|e| (from..to).contains(&e["at"].as_i64().unwrap()))
        .filter(|e| {
            let (was, now_due) = (e["before"]["due_at"].as_i64(), e["after"]["due_at"].as_i64());
            matches!((was, now_due), (Some(w), Some(n)) if w < e["at"].as_i64().unwrap() && n > w)
        })
        .map(|e| e["entity_id"].as_str().unwrap().to_string())
        .filter(|id| manager.is_none_or(|m| assignee(id) == Some(m.to_string())))
        .collect();
    (far, silent, moved)
}

fn task(title: &str, assignee: Id, due: &str) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: None,
        company_id: None,
        contact_id: None,
        assignee_id: Some(assignee),
        due_at: at(due),
    }
}

pub async fn discipline_finds_far_plans_silent_losses_and_moved_overdue_tasks(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let s = &ctx.store;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let current = s.process_settings().await.unwrap();
    let d = &current.data;
    s.save_process_settings(
        ctx.admin.meta.id,
        current.meta.version,
        &ProcessSettingsInput {
            title_template: d.title_template.clone(),
            lead_response_minutes: d.lead_response_minutes,
            stuck_days: d.stuck_days,
            idle_days: d.idle_days,
            task_horizon_days: Some(10),
            working_days: d.working_days.clone(),
            holidays: d.holidays.iter().map(|h| h.to_string()).collect(),
            default_currency: d.default_currency.as_str().into(),
        },
    )
    .await
    .unwrap();

    // Losses: in February (outside the period), and in March without a comment, with a
    // blank one (kept as none), and with a real one.
    b.now("2026-02-20 10:00");
    let february = b.deal(olena, "Лютий", "100", None).await;
    b.lose(&february, 0).await;
    b.now("2026-03-05 10:00");
    let silent = b.deal(olena, "Мовчазна", "200", None).await;
    b.lose(&silent, 0).await;
    let blank = b.deal(petro, "Порожня", "300", None).await;
    let said = b.deal(petro, "Пояснена", "400", None).await;
    for (deal, comment) in [(&blank, "   "), (&said, "Обрали конкурента через ціну")] {
        s.move_deal(
            deal.data.owner_id,
            deal.meta.id,
            deal.meta.version,
            &MoveDeal {
                stage_id: Some(ctx.stage("Програно").meta.id),
                loss_reason_id: Some(ctx.reasons[1].meta.id),
                loss_comment: Some(comment.into()),
            },
        )
        .await
        .unwrap();
    }

    // Moves on 9 March: an overdue task moved later (counted), a task not yet due moved later,
    // an overdue one moved earlier still (a correction), and Olena's overdue one moved later.
    b.now("2026-03-06 09:00");
    let late = s
        .create_task(petro, &task("Передзвонити", petro, "2026-03-08 09:00"))
        .await
        .unwrap();
    let ahead = s
        .create_task(petro, &task("Надіслати КП", petro, "2026-03-15 09:00"))
        .await
        .unwrap();
    let fixed = s
        .create_task(petro, &task("Звірити рахунок", petro, "2026-03-08 12:00"))
        .await
        .unwrap();
    let hers = s
        .create_task(olena, &task("Зустріч", olena, "2026-03-07 15:00"))
        .await
        .unwrap();
    // An overdue task moves only with a reason; the one not yet due moves without.
    for (t, due, when, reason) in [
        (
            &late,
            "2026-03-12 09:00",
            "2026-03-09 12:00",
            Some("Клієнт у відпустці"),
        ),
        (&ahead, "2026-03-16 09:00", "2026-03-09 12:01", None),
        (&fixed, "2026-03-07 12:00", "2026-03-09 12:02", Some("Помилка в даті")),
        (&hers, "2026-03-11 15:00", "2026-03-09 12:03", Some("Перенесли зустріч")),
    ] {
        b.now(when);
        s.edit_task(
            t.data.assignee_id,
            t.meta.id,
            t.meta.version,
            &TaskInput {
                due_at: at(due),
                ..task(t.data.title.as_str(), t.data.assignee_id, due)
            },
            reason,
        )
        .await
        .unwrap();
    }

    // Plans: within the 10 days, and beyond them.
    b.now("2026-03-10 10:00");
    let far_petro = s
        .create_task(petro, &task("Дзвінок через місяць", petro, "2026-04-10 10:00"))
        .await
        .unwrap();
    let far_olena = s
        .create_task(olena, &task("Колись потім", olena, "2026-03-25 10:00"))
        .await
        .unwrap();
    s.create_task(olena, &task("Завтра", olena, "2026-03-11 10:00"))
        .await
        .unwrap();

    let r = s.discipline_report(&march(), &ReportOptions::default()).await.unwrap();
    assert_eq!(r.horizon_days, 10);
    let ids = |v: Vec<Id>| v.into_iter().map(|i| i.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(r.far_ahead_tasks.iter().map(|t| t.task_id).collect()),
        ids(vec![far_petro.meta.id, far_olena.meta.id]),
        "beyond 20 March, farthest first"
    );
    assert_eq!(
        ids(r.losses_without_comment.iter().map(|l| l.deal_id).collect()),
        ids(vec![silent.meta.id, blank.meta.id]),
        "March's losses without a comment, a blank one included"
    );
    assert_eq!(
        r.losses_without_comment[0].reason.as_deref(),
        Some(ctx.reasons[0].data.name.as_str())
    );
    let moved: Vec<(Id, i64, i64)> = r
        .moved_overdue
        .iter()
        .map(|m| (m.task_id, m.due_before, m.due_after))
        .collect();
    assert_eq!(
        moved,
        vec![
            (
                late.meta.id,
                at("2026-03-08 09:00").timestamp_millis(),
                at("2026-03-12 09:00").timestamp_millis()
            ),
            (
                hers.meta.id,
                at("2026-03-07 15:00").timestamp_millis(),
                at("2026-03-11 15:00").timestamp_millis()
            ),
        ]
    );
    assert_eq!(r.moved_overdue[0].moved_by.as_ref().map(|p| p.id), Some(petro));
    assert_eq!(
        r.moved_overdue.iter().map(|m| m.reason.as_deref()).collect::<Vec<_>>(),
        vec![Some("Клієнт у відпустці"), Some("Перенесли зустріч")],
        "each move of an overdue task shows the reason kept with it"
    );
    let totals = (
        r.far_ahead_tasks_total,
        r.losses_without_comment_total,
        r.moved_overdue_total,
    );
    assert_eq!(totals, (2, 2, 2));

    // The same figures straight from the rows, for the team and for each manager.
    for manager in [None, Some(olena), Some(petro)] {
        let filter = ReportFilter {
            manager_id: manager,
            ..march()
        };
        let r = s.discipline_report(&filter, &ReportOptions::default()).await.unwrap();
        let (far, silent, moved) = recomputed(&ctx, 10, manager).await;
        let got_far: BTreeSet<String> = r.far_ahead_tasks.iter().map(|t| t.task_id.to_string()).collect();
        let got_silent: BTreeSet<String> = r.losses_without_comment.iter().map(|l| l.deal_id.to_string()).collect();
        let got_moved: Vec<String> = r.moved_overdue.iter().map(|m| m.task_id.to_string()).collect();
        assert_eq!(
            (got_far, got_silent, got_moved),
            (far.clone(), silent.clone(), moved.clone()),
            "{manager:?}"
        );
        assert_eq!(
            (
                r.far_ahead_tasks_total,
                r.losses_without_comment_total,
                r.moved_overdue_total
            ),
            (far.len() as i64, silent.len() as i64, moved.len() as i64),
            "{manager:?}"
        );
        let tables: Vec<String> = r.tables().iter().map(|t| t.key.clone()).collect();
        assert!(
            ["far_ahead_tasks", "losses_without_comment", "moved_overdue"]
                .iter()
                .all(|k| tables.iter().any(|t| t == k)),
            "the three lists are tables of the report, on screen and in the XLSX file: {tables:?}"
        );
    }
}
