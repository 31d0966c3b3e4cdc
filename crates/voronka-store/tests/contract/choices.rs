//! Retired users and loss reasons: kept by the records that name them, refused for new use,
//! absent from the lists a form chooses from. And a user's own language and time zone.

use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::ErrorCode;
use voronka_core::model::*;
use voronka_store::MoveDeal;

/// Sets a user inactive (or active again) through the admin's update.
async fn set_active(ctx: &Ctx, user: &User, active: bool) -> User {
    let current: User = ctx.store.get(user.meta.id).await.unwrap();
    let input = UserInput {
        active: Some(active),
        ..UserInput::of(&current.data)
    };
    ctx.store
        .update_user(ctx.head.meta.id, user.meta.id, current.meta.version, &input)
        .await
        .unwrap()
}

fn refused_on(err: voronka_core::Error, field: &str) {
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some(field)),
        "{err}"
    );
}

pub async fn an_inactive_owner_or_assignee_is_refused_for_new_work_only(ctx: Ctx) {
    let s = &ctx.store;
    let (head, petro) = (ctx.head.meta.id, ctx.petro.meta.id);
    let company = ctx.company("Дах", "0671234567").await;
    let mut owned = CompanyInput {
        name: "Вікна Плюс".into(),
        city: Some("Київ".into()),
        owner_id: Some(petro),
        ..Default::default()
    };
    let petros = s.create_company(head, &owned).await.unwrap();
    let deal_input = DealInput {
        owner_id: Some(petro),
        ..ctx.deal_input("Вікна на склад")
    };
    let deal = s.create_deal(head, &deal_input, None).await.unwrap();
    let task_input = TaskInput {
        kind: TaskKind::Call,
        title: "Передзвонити".into(),
        deal_id: None,
        company_id: Some(company.meta.id),
        contact_id: None,
        assignee_id: Some(petro),
        due_at: ctx.clock_now() + Duration::hours(3),
    };
    let task = s.create_task(head, &task_input).await.unwrap();

    set_active(&ctx, &ctx.petro, false).await;
    let before = [
        ctx.count("companies").await,
        ctx.count("deals").await,
        ctx.count("tasks").await,
    ];

    // New work for Petro is refused, on the field that names him.
    owned.name = "Двері Плюс".into();
    refused_on(s.create_company(head, &owned).await.unwrap_err(), "owner_id");
    refused_on(s.create_deal(head, &deal_input, None).await.unwrap_err(), "owner_id");
    refused_on(s.create_task(head, &task_input).await.unwrap_err(), "assignee_id");
    let to_petro = CompanyInput {
        name: company.data.name.to_string(),
        city: Some("Львів".into()),
        work_phone: Some("0671234567".into()),
        industry: Some("construction".into()),
        owner_id: Some(petro),
        ..Default::default()
    };
    refused_on(
        s.update_company(head, company.meta.id, company.meta.version, &to_petro)
            .await
            .unwrap_err(),
        "owner_id",
    );
    let mine = ctx.deal_input("Моя угода");
    let olenas = s.create_deal(ctx.olena_id(), &mine, None).await.unwrap();
    let reassigned = DealInput {
        owner_id: Some(petro),
        ..mine
    };
    refused_on(
        s.update_deal(head, olenas.meta.id, olenas.meta.version, &reassigned)
            .await
            .unwrap_err(),
        "owner_id",
    );
    let olenas_task = s
        .create_task(
            head,
            &TaskInput {
                assignee_id: Some(ctx.olena_id()),
                ..task_input.clone()
            },
        )
        .await
        .unwrap();
    refused_on(
        s.update_task(head, olenas_task.meta.id, olenas_task.meta.version, &task_input)
            .await
            .unwrap_err(),
        "assignee_id",
    );
    let after = [
        ctx.count("companies").await,
        ctx.count("deals").await,
        ctx.count("tasks").await,
    ];
    assert_eq!(
        after,
        [before[0], before[1] + 1, before[2] + 2],
        "only Olena's own deal (with its lead task) and task were written"
    );

    // What Petro already has stays his and stays editable in its other fields.
    owned.name = "Вікна Плюс Львів".into();
    let renamed = s
        .update_company(head, petros.meta.id, petros.meta.version, &owned)
        .await
        .unwrap();
    assert_eq!(
        (renamed.data.name.as_str(), renamed.data.owner_id),
        ("Вікна Плюс Львів", petro)
    );
    let retitled = DealInput {
        title: "Вікна на склад, 40 шт".into(),
        ..deal_input.clone()
    };
    let deal: Deal = s.get(deal.meta.id).await.unwrap();
    assert_eq!(
        s.update_deal(head, deal.meta.id, deal.meta.version, &retitled)
            .await
            .unwrap()
            .data
            .owner_id,
        petro
    );
    let later = TaskInput {
        due_at: ctx.clock_now() + Duration::days(1),
        ..task_input.clone()
    };
    assert_eq!(
        s.update_task(head, task.meta.id, task.meta.version, &later)
            .await
            .unwrap()
            .data
            .assignee_id,
        petro
    );

    // Back at work, Petro can be given new work again.
    set_active(&ctx, &ctx.petro, true).await;
    s.create_task(head, &task_input).await.unwrap();
}

pub async fn an_inactive_loss_reason_is_refused_for_a_new_loss(ctx: Ctx) {
    let s = &ctx.store;
    let lost = ctx.stage("Програно").meta.id;
    let retired = &ctx.reasons[0];
    let first = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Перша"), None)
        .await
        .unwrap();
    let first = s
        .move_deal(
            ctx.olena_id(),
            first.meta.id,
            first.meta.version,
            &MoveDeal {
                stage_id: Some(lost),
                loss_reason_id: Some(retired.meta.id),
                loss_comment: None,
            },
        )
        .await
        .unwrap();
    s.update_loss_reason(
        ctx.admin.meta.id,
        retired.meta.id,
        retired.meta.version,
        &LossReasonInput {
            name: retired.data.name.to_string(),
            position: Some(retired.data.position),
            active: Some(false),
        },
    )
    .await
    .unwrap();

    let second = s
        .create_deal(ctx.olena_id(), &ctx.deal_input("Друга"), None)
        .await
        .unwrap();
    let spells = ctx.count("stage_spells").await;
    let to = |reason: &LossReason| MoveDeal {
        stage_id: Some(lost),
        loss_reason_id: Some(reason.meta.id),
        loss_comment: None,
    };
    refused_on(
        s.move_deal(ctx.olena_id(), second.meta.id, second.meta.version, &to(retired))
            .await
            .unwrap_err(),
        "loss_reason_id",
    );
    assert_eq!(
        ctx.count("stage_spells").await,
        spells,
        "the refused loss wrote nothing"
    );
    assert_eq!(s.get::<Deal>(second.meta.id).await.unwrap(), second);
    s.move_deal(
        ctx.olena_id(),
        second.meta.id,
        second.meta.version,
        &to(&ctx.reasons[1]),
    )
    .await
    .unwrap();

    // The deal lost with it keeps it and stays editable.
    let first: Deal = s.get(first.meta.id).await.unwrap();
    let kept = s
        .update_deal(
            ctx.olena_id(),
            first.meta.id,
            first.meta.version,
            &DealInput {
                title: "Перша, програна".into(),
                ..ctx.deal_input("")
            },
        )
        .await
        .unwrap();
    assert_eq!(kept.loss_reason_id, Some(retired.meta.id));
}

pub async fn lists_to_choose_from_hold_only_active_users_and_reasons(ctx: Ctx) {
    let s = &ctx.store;
    set_active(&ctx, &ctx.petro, false).await;
    let reason = &ctx.reasons[2];
    s.update_loss_reason(
        ctx.admin.meta.id,
        reason.meta.id,
        reason.meta.version,
        &LossReasonInput {
            name: reason.data.name.to_string(),
            position: Some(reason.data.position),
            active: Some(false),
        },
    )
    .await
    .unwrap();
    let names = |users: Vec<User>| {
        let mut names: Vec<String> = users.into_iter().map(|u| u.data.name.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(
        names(s.active_users().await.unwrap()),
        ["Адам Адмінович", "Оксана Керівна", "Олена Коваль"],
        "owners and assignees are chosen from active users"
    );
    assert_eq!(s.list_users().await.unwrap().len(), 4, "every user is still named");
    let offered: Vec<_> = s
        .active_loss_reasons()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.meta.id)
        .collect();
    let expected: Vec<_> = ctx
        .reasons
        .iter()
        .filter(|r| r.meta.id != reason.meta.id)
        .map(|r| r.meta.id)
        .collect();
    assert_eq!(offered, expected, "the dictionary's order, without the retired reason");
}

pub async fn my_language_and_time_zone_are_saved_on_me(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    assert_eq!(
        (ctx.olena.data.language, ctx.olena.data.time_zone.as_str()),
        (Language::Uk, "Europe/Kyiv")
    );
    let me = s
        .set_my_preferences(olena, Language::En, "America/New_York")
        .await
        .unwrap();
    assert_eq!(
        (me.data.language, me.data.time_zone.as_str()),
        (Language::En, "America/New_York")
    );
    let read: User = s.get(olena).await.unwrap();
    assert_eq!(read, me, "read back as saved");
    assert_eq!(read.meta.version, ctx.olena.meta.version + 1);
    let audit = ctx.count("audit_log").await;
    let err = s
        .set_my_preferences(olena, Language::Ru, "Europe/Atlantis")
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some("time_zone"))
    );
    assert_eq!(
        s.get::<User>(olena).await.unwrap(),
        read,
        "a refused zone changes nothing"
    );
    assert_eq!(ctx.count("audit_log").await, audit);
}

pub async fn my_contacts_are_saved_on_me_at_the_version_i_read(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let mine = |phone: &str| MyContactsInput {
        name: "Олена Коваль-Бондар".into(),
        email: Some("olena.kb@firma.ua".into()),
        phone: Some(phone.into()),
    };
    let me = s
        .set_my_contacts(olena, ctx.olena.meta.version, &mine("+38 (067) 555-12-34"))
        .await
        .unwrap();
    assert_eq!(
        (me.data.name.as_str(), me.data.phone.as_ref().map(|p| p.display())),
        ("Олена Коваль-Бондар", Some("+380 67 555 12 34".to_string()))
    );
    assert_eq!(
        (me.data.role, me.data.active, me.data.language),
        (ctx.olena.data.role, true, ctx.olena.data.language),
        "nothing else of hers changes"
    );
    assert_eq!(s.get::<User>(olena).await.unwrap(), me, "read back as saved");

    // A refused phone and a stale version write nothing.
    let before = ctx.export().await;
    let err = s
        .set_my_contacts(olena, me.meta.version, &mine("дзвоніть у офіс"))
        .await
        .unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("phone")));
    let err = s
        .set_my_contacts(olena, ctx.olena.meta.version, &mine("0501112233"))
        .await
        .unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Conflict, Some("version")));
    assert_eq!(ctx.export().await, before, "no refusal wrote anything");

    // The admin's form of her keeps the phone when it changes something else.
    let input = UserInput {
        time_zone: Some("Europe/Warsaw".into()),
        ..UserInput::of(&me.data)
    };
    let changed = s
        .update_user(ctx.admin.meta.id, olena, me.meta.version, &input)
        .await
        .unwrap();
    assert_eq!(changed.data.phone, me.data.phone);
}

pub async fn todays_day_boundary_follows_my_time_zone(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    // 09:00 UTC on 10 March: 11:00 in Kyiv, 05:00 in New York, 18:00 in Tokyo.
    let at = |hours| ctx.clock_now() + Duration::hours(hours);
    let task = |title: &str, due| TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: None,
        company_id: None,
        contact_id: None,
        assignee_id: None,
        due_at: due,
    };
    // 23:30 UTC: still the 10th in New York, already the 11th in Kyiv and Tokyo.
    s.create_task(olena, &task("Пізній дзвінок", at(14) + Duration::minutes(30)))
        .await
        .unwrap();
    let group = || async {
        let view = s.today(olena).await.unwrap();
        (view.today.len(), view.tomorrow.len())
    };
    assert_eq!(group().await, (0, 1), "in Kyiv it is due tomorrow");
    s.set_my_preferences(olena, Language::Uk, "America/New_York")
        .await
        .unwrap();
    assert_eq!(group().await, (1, 0), "in New York it is due today");
    s.set_my_preferences(olena, Language::Uk, "Asia/Tokyo").await.unwrap();
    assert_eq!(group().await, (0, 1), "in Tokyo it is due tomorrow");
}
