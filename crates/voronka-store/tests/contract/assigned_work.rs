//! Assigned work: who may give a task to whom, an overdue task moved only with a reason that is
//! kept, and a deal's last open task that cannot be deleted away.

use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::model::*;
use voronka_core::{ErrorCode, Id};

fn call(title: &str, assignee: Id, deal: Option<Id>, ctx: &Ctx, hours: i64) -> TaskInput {
    TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: deal,
        company_id: None,
        contact_id: None,
        assignee_id: Some(assignee),
        due_at: ctx.clock_now() + Duration::hours(hours),
    }
}

fn input_of(task: &Task) -> TaskInput {
    TaskInput {
        kind: task.data.kind,
        title: task.data.title.to_string(),
        deal_id: task.data.deal_id,
        company_id: task.data.company_id,
        contact_id: task.data.contact_id,
        assignee_id: Some(task.data.assignee_id),
        due_at: task.data.due_at,
    }
}

pub async fn the_head_gives_tasks_to_anyone_a_manager_to_herself_only(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    let given = s
        .create_task(head, &call("Дзвінок від керівника", olena, None, &ctx, 2))
        .await
        .unwrap();
    assert_eq!((given.data.assignee_id, given.author_id), (olena, head));

    let tasks_before = ctx.count("tasks").await;
    let err = s
        .create_task(olena, &call("Петрові", petro, None, &ctx, 2))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("assignee_id"))
    );
    assert_eq!(ctx.count("tasks").await, tasks_before, "nothing written");

    // Her own task, which she wrote, is still not hers to give away.
    let mine = s
        .create_task(olena, &call("Мій дзвінок", olena, None, &ctx, 2))
        .await
        .unwrap();
    let away = TaskInput {
        assignee_id: Some(petro),
        ..input_of(&mine)
    };
    let err = s
        .update_task(olena, mine.meta.id, mine.meta.version, &away)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("assignee_id"))
    );
    let unchanged: Task = s.get(mine.meta.id).await.unwrap();
    assert_eq!(
        (unchanged.meta.version, unchanged.data.assignee_id),
        (mine.meta.version, olena)
    );

    // She edits what she was given; the head hands it on.
    let retitled = TaskInput {
        title: "Дзвінок від керівника: уточнити обсяг".into(),
        ..input_of(&given)
    };
    let given = s
        .update_task(olena, given.meta.id, given.meta.version, &retitled)
        .await
        .unwrap();
    assert_eq!(given.data.title.as_str(), "Дзвінок від керівника: уточнити обсяг");
    let to_petro = TaskInput {
        assignee_id: Some(petro),
        ..input_of(&given)
    };
    let given = s
        .update_task(head, given.meta.id, given.meta.version, &to_petro)
        .await
        .unwrap();
    assert_eq!(given.data.assignee_id, petro);
}

pub async fn an_overdue_task_moves_only_with_a_reason_that_is_kept(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let task = s
        .create_task(olena, &call("Передзвонити", olena, None, &ctx, 1))
        .await
        .unwrap();

    // Not yet due: it moves freely and no reason is asked.
    let later = task.data.due_at + Duration::hours(1);
    let task = s
        .reschedule_task(olena, task.meta.id, task.meta.version, later, None)
        .await
        .unwrap();
    assert_eq!(task.data.due_at, later);
    assert!(s.task_reschedules(task.meta.id).await.unwrap().is_empty());

    ctx.clock.advance(Duration::hours(3));
    let tomorrow = ctx.clock_now() + Duration::days(1);
    for reason in [None, Some("   ")] {
        let err = s
            .reschedule_task(olena, task.meta.id, task.meta.version, tomorrow, reason)
            .await
            .unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::RescheduleReasonRequired, Some("reschedule_reason"))
        );
    }
    let moved_by_form = TaskInput {
        due_at: tomorrow,
        ..input_of(&task)
    };
    let err = s
        .update_task(olena, task.meta.id, task.meta.version, &moved_by_form)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RescheduleReasonRequired, "the edit form asks too");
    let unchanged: Task = s.get(task.meta.id).await.unwrap();
    assert_eq!(
        (unchanged.meta.version, unchanged.data.due_at),
        (task.meta.version, later)
    );

    let moved = s
        .edit_task(
            olena,
            task.meta.id,
            task.meta.version,
            &moved_by_form,
            Some(" Клієнт у відрядженні до завтра "),
        )
        .await
        .unwrap();
    assert_eq!(moved.data.due_at, tomorrow);
    let kept = s.task_reschedules(task.meta.id).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (
            kept[0].reason.as_str(),
            kept[0].from_due_at,
            kept[0].to_due_at,
            kept[0].user_id
        ),
        ("Клієнт у відрядженні до завтра", later, tomorrow, olena)
    );

    // A retitle of an overdue task that keeps its due time needs no reason.
    ctx.clock.advance(Duration::days(2));
    let retitled = TaskInput {
        title: "Передзвонити після відрядження".into(),
        ..input_of(&moved)
    };
    s.update_task(olena, moved.meta.id, moved.meta.version, &retitled)
        .await
        .unwrap();
    assert_eq!(s.task_reschedules(task.meta.id).await.unwrap().len(), 1);
}

pub async fn a_task_is_deleted_unless_it_is_its_open_deals_last(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let deal = s
        .create_deal(olena, &ctx.deal_input("Вікна для школи"), None)
        .await
        .unwrap();
    let lead = s
        .list_tasks(
            &voronka_store::TaskFilter {
                deal_id: Some(deal.meta.id),
                ..Default::default()
            },
            voronka_store::Page::first(5),
        )
        .await
        .unwrap()
        .items
        .remove(0);
    let err = s.delete_task(olena, lead.meta.id, lead.meta.version).await.unwrap_err();
    assert_eq!(err.field.as_deref(), Some("next"), "rule 2 keeps the deal's last task");
    let other = s
        .create_task(olena, &call("Зустріч", olena, Some(deal.meta.id), &ctx, 24))
        .await
        .unwrap();
    let deleted = s.delete_task(olena, lead.meta.id, lead.meta.version).await.unwrap();
    assert!(deleted.meta.deleted_at.is_some());
    let err = s
        .delete_task(ctx.petro.meta.id, other.meta.id, other.meta.version)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Forbidden, Some("task")),
        "not his task"
    );
    let restored = s
        .restore::<Task>(olena, lead.meta.id, deleted.meta.version)
        .await
        .unwrap();
    assert!(restored.meta.deleted_at.is_none());
}
