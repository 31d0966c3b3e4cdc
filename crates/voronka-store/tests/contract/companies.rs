use crate::harness::Ctx;
use voronka_core::ErrorCode;
use voronka_core::model::*;

pub async fn company_lifecycle_is_versioned_and_audited(ctx: Ctx) {
    let s = &ctx.store;
    let created = ctx.company("ТОВ «Дах»", "+38 (067) 123-45-67").await;
    assert_eq!(created.meta.version, 1);
    assert_eq!(
        created.data.work_phone.as_ref().unwrap().as_str(),
        "380671234567",
        "phones are stored normalised"
    );
    let read: Company = s.get(created.meta.id).await.unwrap();
    assert_eq!(read, created, "a record reads back exactly as written");

    ctx.clock.advance(chrono::Duration::minutes(5));
    let input = CompanyInput {
        name: "ТОВ «Дах»".into(),
        city: Some("Київ".into()),
        work_phone: Some("0671234567".into()),
        ..Default::default()
    };
    let updated = s
        .update_company(ctx.olena_id(), created.meta.id, 1, &input)
        .await
        .unwrap();
    assert_eq!(updated.meta.version, 2, "every change moves the version");
    assert_eq!(updated.meta.updated_at, ctx.clock_now());
    assert_eq!(updated.meta.created_at, created.meta.created_at);

    let deleted: Company = s.delete(ctx.olena_id(), created.meta.id, 2).await.unwrap();
    assert!(deleted.meta.deleted_at.is_some());
    assert_eq!(
        s.get::<Company>(created.meta.id).await.unwrap_err().code,
        ErrorCode::NotFound,
        "a deleted company is gone from reads"
    );
    assert_eq!(
        s.get_any::<Company>(created.meta.id).await.unwrap().meta.version,
        3,
        "but kept for restore"
    );
    let restored: Company = s.restore(ctx.olena_id(), created.meta.id, 3).await.unwrap();
    assert!(restored.meta.deleted_at.is_none());
    assert_eq!(restored.data.city.as_deref(), Some("Київ"));

    let history = s
        .audit_history(created.meta.id, voronka_store::Page::first(10))
        .await
        .unwrap()
        .items;
    let actions: Vec<AuditAction> = history.iter().map(|a| a.action).collect();
    assert_eq!(
        actions,
        vec![
            AuditAction::Restore,
            AuditAction::Delete,
            AuditAction::Update,
            AuditAction::Create
        ],
        "one audit entry per change, newest first"
    );
    let update = &history[2];
    assert_eq!(update.actor_id, Some(ctx.olena_id()));
    assert_eq!(
        update.before.as_ref().unwrap()["city"],
        "Львів",
        "the audit keeps the old value"
    );
    assert_eq!(update.after.as_ref().unwrap()["city"], "Київ");
    assert!(
        update.after.as_ref().unwrap().get("name").is_none(),
        "unchanged fields are not listed"
    );
}

pub async fn duplicate_company_is_refused_naming_the_owner(ctx: Ctx) {
    let s = &ctx.store;
    let first = ctx.company("ТОВ «Дах»", "+380671234567").await;
    let companies = ctx.count("companies").await;
    let audits = ctx.count("audit_log").await;
    let petro = ctx.petro.meta.id;
    let cases: Vec<(&str, CompanyInput)> = vec![
        (
            "work_phone",
            CompanyInput {
                name: "Інша назва".into(),
                work_phone: Some("067 123 45 67".into()),
                ..Default::default()
            },
        ),
        (
            "mobile_phone",
            CompanyInput {
                name: "Інша назва".into(),
                mobile_phone: Some("(067)1234567".into()),
                ..Default::default()
            },
        ),
        (
            "name",
            CompanyInput {
                name: "дах".into(),
                city: Some(" львів ".into()),
                ..Default::default()
            },
        ),
    ];
    for (field, input) in cases {
        let err = s.create_company(petro, &input).await.unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::Duplicate,
            "{input:?} duplicates «{}»",
            first.data.name
        );
        assert_eq!(err.field.as_deref(), Some(field));
        assert!(
            err.message.contains("Олена Коваль"),
            "the refusal names the owner: {}",
            err.message
        );
    }
    let with_email = s
        .create_company(
            petro,
            &CompanyInput {
                name: "Вікна Плюс".into(),
                email: Some("Sales@Vikna.UA".into()),
                legal_id: Some("12345678".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let err = s
        .create_company(
            petro,
            &CompanyInput {
                name: "Інша".into(),
                email: Some("sales@vikna.ua".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Duplicate, Some("email")));
    let err = s
        .create_company(
            petro,
            &CompanyInput {
                name: "Інша".into(),
                legal_id: Some("1234 5678".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Duplicate, Some("legal_id"))
    );
    assert!(err.message.contains("Петро Шевчук"), "{}", err.message);
    assert_eq!(
        ctx.count("companies").await,
        companies + 1,
        "refused duplicates wrote nothing"
    );
    assert_eq!(ctx.count("audit_log").await, audits + 1, "and left no audit entry");
    // The same name in another city is another client.
    s.create_company(
        petro,
        &CompanyInput {
            name: "Дах".into(),
            city: Some("Одеса".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let _ = with_email;
}

pub async fn duplicate_check_covers_update_and_restore(ctx: Ctx) {
    let s = &ctx.store;
    let a = ctx.company("Альфа", "0501111111").await;
    let b = ctx.company("Бета", "0502222222").await;
    let input = CompanyInput {
        name: "Бета".into(),
        work_phone: Some("0501111111".into()),
        city: Some("Львів".into()),
        ..Default::default()
    };
    let err = s
        .update_company(ctx.olena_id(), b.meta.id, b.meta.version, &input)
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Duplicate,
        "an update cannot take another company's phone"
    );
    assert_eq!(
        s.get::<Company>(b.meta.id).await.unwrap(),
        b,
        "and the refused update changed nothing"
    );
    // Saving a company unchanged is not a duplicate of itself.
    let same = CompanyInput {
        name: "Альфа".into(),
        work_phone: Some("0501111111".into()),
        city: Some("Львів".into()),
        ..Default::default()
    };
    let a2 = s.update_company(ctx.olena_id(), a.meta.id, 1, &same).await.unwrap();
    let gone: Company = s.delete(ctx.olena_id(), a.meta.id, a2.meta.version).await.unwrap();
    let found = s.company_duplicates(ctx.olena_id(), &same, None).await.unwrap();
    assert!(found.is_empty(), "a deleted company blocks nobody");
    let replacement = ctx.company("Альфа Нова", "0501111111").await;
    let err = s
        .restore::<Company>(ctx.olena_id(), a.meta.id, gone.meta.version)
        .await
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Duplicate,
        "restoring would duplicate {}",
        replacement.data.name
    );
}

pub async fn invalid_input_names_the_field_and_writes_nothing(ctx: Ctx) {
    let s = &ctx.store;
    let before = ctx.count("companies").await;
    let cases: Vec<(&str, CompanyInput)> = vec![
        (
            "email",
            CompanyInput {
                name: "Дах".into(),
                email: Some("not-an-email".into()),
                ..Default::default()
            },
        ),
        (
            "work_phone",
            CompanyInput {
                name: "Дах".into(),
                work_phone: Some("12-34".into()),
                ..Default::default()
            },
        ),
        (
            "name",
            CompanyInput {
                name: "   ".into(),
                ..Default::default()
            },
        ),
        (
            "monthly_turnover",
            CompanyInput {
                name: "Дах".into(),
                monthly_turnover: Some(-1),
                ..Default::default()
            },
        ),
    ];
    for (field, input) in cases {
        let err = s.create_company(ctx.olena_id(), &input).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::Invalid);
        assert_eq!(err.field.as_deref(), Some(field), "{}", err.message);
    }
    let err = s
        .create_company(
            ctx.olena_id(),
            &CompanyInput {
                name: "Дах".into(),
                owner_id: Some(voronka_core::Id(uuid::Uuid::now_v7())),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::Invalid, Some("owner_id")),
        "an owner must exist"
    );
    assert_eq!(ctx.count("companies").await, before, "nothing was written");
}

pub async fn contact_duplicates_are_found_by_phone_email_and_name_at_the_company(ctx: Ctx) {
    let dah = ctx.company("ТОВ «Дах»", "+38 (067) 123-45-67").await;
    let ivan = ctx.contact(&dah, "Іван Петренко", "+380 50 111 22 33").await;
    let other = ctx.company("ТОВ «Стіна»", "+38 (067) 765-43-21").await;
    ctx.contact(&other, "Марія Коваль", "+380 63 999 88 77").await;
    let by_phone = ContactInput {
        full_name: "Петренко".into(),
        phones: vec!["050-111-22-33".into()],
        ..Default::default()
    };
    assert_eq!(
        found(&ctx, &by_phone, None).await,
        ["Іван Петренко"],
        "the phone in another spelling matches"
    );
    assert!(
        found(&ctx, &by_phone, Some(ivan.meta.id)).await.is_empty(),
        "the record being edited is not its own duplicate"
    );
    let by_name = ContactInput {
        full_name: "іван петренко".into(),
        company_id: Some(dah.meta.id),
        ..Default::default()
    };
    assert_eq!(
        found(&ctx, &by_name, None).await,
        ["Іван Петренко"],
        "same name at the same company"
    );
    let namesake = ContactInput {
        full_name: "Іван Петренко".into(),
        company_id: Some(other.meta.id),
        phones: vec!["+380 50 000 00 01".into()],
        ..Default::default()
    };
    assert!(
        found(&ctx, &namesake, None).await.is_empty(),
        "a namesake at another company is another person"
    );
    assert_eq!(ctx.count("contacts").await, 2, "looking for duplicates writes nothing");
}

/// The names of the contacts `input` may duplicate.
async fn found(ctx: &Ctx, input: &ContactInput, except: Option<voronka_core::Id>) -> Vec<String> {
    ctx.store
        .contact_duplicates(ctx.olena_id(), input, except)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.data.full_name.as_str().to_string())
        .collect()
}
