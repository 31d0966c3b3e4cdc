//! Setting a department up (DOMAIN.md "Setting up a department"): pipelines and stages, the
//! dictionaries, the process settings and the plans grid. Each is the admin's (plans: the
//! head's too), refused for the others with nothing written, and followed by every record and
//! report that depends on it.

use crate::harness::{Ctx, refused};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::reports::{ReportFilter, ReportOptions};
use voronka_core::{ErrorCode, Id, ManualClock, RandomIds, Result};
use voronka_store::{InOrder, MoveDeal, Page, Store, TimelineOf};

#[track_caller]
fn forbidden<T: std::fmt::Debug>(result: Result<T>, field: &str) {
    refused(result, ErrorCode::Forbidden, field);
}

fn stage_input(pipeline: Id, name: &str, position: i64, kind: StageKind, required: Vec<DealField>) -> StageInput {
    StageInput {
        pipeline_id: pipeline,
        name: name.into(),
        position,
        kind,
        win_probability: None,
        required_fields: required,
    }
}

fn to(stage: &Stage) -> MoveDeal {
    MoveDeal {
        stage_id: Some(stage.meta.id),
        ..Default::default()
    }
}

fn order<R: Record>(records: &[&R]) -> Vec<InOrder> {
    records
        .iter()
        .map(|r| InOrder {
            id: r.meta().id,
            version: r.meta().version,
        })
        .collect()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn march() -> ReportFilter {
    ReportFilter {
        from: date("2026-03-01"),
        to: date("2026-03-31"),
        pipeline_id: None,
        manager_id: None,
    }
}

/// A pipeline "Сервіс" with an open stage taking anything, an open one needing an amount, a
/// won and a lost stage, made by the admin.
async fn service_pipeline(ctx: &Ctx) -> (Pipeline, Vec<Stage>) {
    let (s, admin) = (&ctx.store, ctx.admin.meta.id);
    let pipeline = s
        .create_pipeline(
            admin,
            &PipelineInput {
                name: "Сервіс".into(),
                position: Some(1),
                is_default: Some(false),
            },
        )
        .await
        .unwrap();
    let id = pipeline.meta.id;
    for (i, (name, kind, required)) in [
        ("Прийом", StageKind::Open, vec![]),
        ("Оцінка", StageKind::Open, vec![DealField::Amount]),
        ("Виконано", StageKind::Won, vec![]),
        ("Відмова", StageKind::Lost, vec![]),
    ]
    .into_iter()
    .enumerate()
    {
        s.create_stage(admin, &stage_input(id, name, i as i64, kind, required))
            .await
            .unwrap();
    }
    (pipeline, s.list_stages(id).await.unwrap())
}

pub async fn pipelines_and_stages_are_set_up_by_the_admin(ctx: Ctx) {
    let (s, admin, head, olena) = (&ctx.store, ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());
    let service = PipelineInput {
        name: "Сервіс".into(),
        ..Default::default()
    };
    let before = (ctx.count("pipelines").await, ctx.count("audit_log").await);
    forbidden(s.create_pipeline(head, &service).await, "setup");
    forbidden(s.create_pipeline(olena, &service).await, "setup");
    assert_eq!(
        (ctx.count("pipelines").await, ctx.count("audit_log").await),
        before,
        "a refusal writes nothing"
    );
    let pipeline = s.create_pipeline(admin, &service).await.unwrap();
    let id = pipeline.meta.id;
    let audit = ctx.count("audit_log").await;
    let renamed = PipelineInput {
        name: "Мій сервіс".into(),
        ..service.clone()
    };
    forbidden(
        s.update_pipeline(head, id, pipeline.meta.version, &renamed).await,
        "setup",
    );
    forbidden(
        s.set_pipeline_archived(olena, id, pipeline.meta.version, true).await,
        "setup",
    );
    assert_eq!(ctx.count("audit_log").await, audit, "nothing written");
    let pipeline = s
        .update_pipeline(admin, id, pipeline.meta.version, &renamed)
        .await
        .unwrap();
    assert_eq!(pipeline.data.name.as_str(), "Мій сервіс");

    // Stages are added where they belong: an estimate goes between the request and the end.
    let request = s
        .create_stage(admin, &stage_input(id, "Заявка", 0, StageKind::Open, vec![]))
        .await
        .unwrap();
    s.create_stage(admin, &stage_input(id, "Виконано", 1, StageKind::Won, vec![]))
        .await
        .unwrap();
    s.create_stage(admin, &stage_input(id, "Відмова", 9, StageKind::Lost, vec![]))
        .await
        .unwrap();
    let estimate = s
        .create_stage(
            admin,
            &StageInput {
                win_probability: Some(40),
                ..stage_input(id, "Кошторис", 1, StageKind::Open, vec![DealField::Company])
            },
        )
        .await
        .unwrap();
    let stages = s.list_stages(id).await.unwrap();
    let names: Vec<(&str, i64)> = stages.iter().map(|s| (s.data.name.as_str(), s.data.position)).collect();
    assert_eq!(
        names,
        [("Заявка", 0), ("Кошторис", 1), ("Виконано", 2), ("Відмова", 3)],
        "a stage added at a place moves the later ones down; one past the end goes last"
    );
    forbidden(
        s.create_stage(head, &stage_input(id, "Ще", 0, StageKind::Open, vec![]))
            .await,
        "setup",
    );

    // Renamed, with its probability and the fields it requires, which every move then asks.
    let renamed = StageInput {
        win_probability: Some(45),
        ..stage_input(
            id,
            "Кошторис надіслано",
            1,
            StageKind::Open,
            vec![DealField::Company, DealField::Amount],
        )
    };
    forbidden(
        s.update_stage(head, estimate.meta.id, estimate.meta.version, &renamed)
            .await,
        "setup",
    );
    let estimate = s
        .update_stage(admin, estimate.meta.id, estimate.meta.version, &renamed)
        .await
        .unwrap();
    assert_eq!(
        (estimate.data.win_probability, estimate.data.required_fields.len()),
        (45, 2)
    );
    let deal = s
        .create_deal(
            olena,
            &DealInput {
                pipeline_id: id,
                ..ctx.deal_input("Ремонт складу")
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(deal.stage_id, request.meta.id, "a new deal enters the first stage");
    refused(
        s.move_deal(olena, deal.meta.id, deal.meta.version, &to(&estimate))
            .await,
        ErrorCode::StageRequirements,
        "company_id",
    );
    let company = ctx.company("Склад", "0671234500").await;
    let deal = s
        .update_deal(
            olena,
            deal.meta.id,
            deal.meta.version,
            &DealInput {
                pipeline_id: id,
                company_id: Some(company.meta.id),
                amount: Some("5000".into()),
                ..ctx.deal_input("Ремонт складу")
            },
        )
        .await
        .unwrap();
    let deal = s
        .move_deal(olena, deal.meta.id, deal.meta.version, &to(&estimate))
        .await
        .unwrap();
    // A stage holding deals keeps its kind: their status is it.
    refused(
        s.update_stage(
            admin,
            estimate.meta.id,
            estimate.meta.version,
            &stage_input(id, "Кошторис надіслано", 1, StageKind::Won, vec![]),
        )
        .await,
        ErrorCode::InvalidState,
        "kind",
    );

    // Reordered by dragging: the whole order at the versions read, in one change.
    let stages = s.list_stages(id).await.unwrap();
    let [a, b, c, d] = [&stages[0], &stages[1], &stages[2], &stages[3]];
    forbidden(s.reorder_stages(head, id, &order(&[b, a, c, d])).await, "setup");
    refused(
        s.reorder_stages(admin, id, &order(&[b, a, c])).await,
        ErrorCode::Invalid,
        "order",
    );
    let mut stale = order(&[b, a, c, d]);
    stale[1].version -= 1;
    refused(
        s.reorder_stages(admin, id, &stale).await,
        ErrorCode::Conflict,
        "version",
    );
    assert_eq!(
        s.list_stages(id).await.unwrap()[0].meta.id,
        a.meta.id,
        "a refused order changes nothing"
    );
    s.reorder_stages(admin, id, &order(&[b, a, c, d])).await.unwrap();
    let names: Vec<String> = s
        .list_stages(id)
        .await
        .unwrap()
        .iter()
        .map(|s| s.data.name.to_string())
        .collect();
    assert_eq!(names, ["Кошторис надіслано", "Заявка", "Виконано", "Відмова"]);
    // The deal's furthest stage, and the funnel's counts with it, follow the new order.
    crate::after_edits::check(&ctx, &[id], "reordering the stages").await;
    assert_eq!(s.get::<Deal>(deal.meta.id).await.unwrap().stage_id, estimate.meta.id);
}

pub async fn archiving_a_stage_moves_its_deals_with_their_history(ctx: Ctx) {
    let (s, admin, head, olena) = (&ctx.store, ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван Дах", "0501234567").await;
    let qualification = ctx.stage("Кваліфікація").clone();
    let mut deals = Vec::new();
    for title in ["Покрівля", "Водостік"] {
        let deal = s
            .create_deal(olena, &ctx.deal_with(title, &company, &contact), None)
            .await
            .unwrap();
        deals.push(
            s.move_deal(olena, deal.meta.id, deal.meta.version, &to(&qualification))
                .await
                .unwrap(),
        );
    }
    let (service, service_stages) = service_pipeline(&ctx).await;
    let (intake, estimate) = (&service_stages[0], &service_stages[1]);
    let written = (ctx.count("stage_spells").await, ctx.count("activities").await);
    let q = &qualification;

    forbidden(
        s.archive_stage(head, q.meta.id, q.meta.version, Some(intake.meta.id))
            .await,
        "setup",
    );
    refused(
        s.archive_stage(admin, q.meta.id, q.meta.version, None).await,
        ErrorCode::Invalid,
        "move_to",
    );
    refused(
        s.archive_stage(admin, q.meta.id, q.meta.version, Some(ctx.stage("Успішно").meta.id))
            .await,
        ErrorCode::Invalid,
        "move_to",
    );
    // Rule 4 holds for every deal moved: they have no amount, which «Оцінка» requires.
    refused(
        s.archive_stage(admin, q.meta.id, q.meta.version, Some(estimate.meta.id))
            .await,
        ErrorCode::StageRequirements,
        "move_to",
    );
    refused(
        s.archive_stage(admin, q.meta.id, q.meta.version - 1, Some(intake.meta.id))
            .await,
        ErrorCode::Conflict,
        "version",
    );
    assert_eq!(
        (ctx.count("stage_spells").await, ctx.count("activities").await),
        written,
        "the refusals moved nothing"
    );
    assert!(!s.get::<Stage>(q.meta.id).await.unwrap().archived);

    // To another pipeline's stage: each deal moves as a move does, in one transaction.
    ctx.clock.advance(Duration::hours(2));
    let archived = s
        .archive_stage(admin, q.meta.id, q.meta.version, Some(intake.meta.id))
        .await
        .unwrap();
    assert!(archived.archived);
    for deal in &deals {
        let moved: Deal = s.get(deal.meta.id).await.unwrap();
        assert_eq!(
            (moved.stage_id, moved.data.pipeline_id, moved.status),
            (intake.meta.id, service.meta.id, DealStatus::Open)
        );
        let spells = s.stage_history(deal.meta.id).await.unwrap();
        let [.., left, entered] = &spells[..] else {
            panic!("two spells at least")
        };
        assert_eq!((left.stage_id, left.left_at), (q.meta.id, Some(ctx.clock_now())));
        assert_eq!((entered.stage_id, entered.left_at), (intake.meta.id, None));
        assert_eq!(entered.by_user_id, Some(admin), "the spell says who moved it");
        let timeline = s
            .timeline(TimelineOf::Deal(deal.meta.id), Page::first(20))
            .await
            .unwrap()
            .items;
        assert_eq!(
            timeline[0].data.details.to_stage_id,
            Some(intake.meta.id),
            "the move is on the deal's timeline"
        );
    }
    crate::after_edits::check(&ctx, &[ctx.pipeline.meta.id, service.meta.id], "archiving a stage").await;

    // An archived stage takes no deals but stays on old records and in the reports.
    let other = s
        .create_deal(olena, &ctx.deal_with("Вікна", &company, &contact), None)
        .await
        .unwrap();
    refused(
        s.move_deal(olena, other.meta.id, other.meta.version, &to(q)).await,
        ErrorCode::InvalidState,
        "stage_id",
    );
    refused(
        s.create_deal(olena, &ctx.deal_with("Двері", &company, &contact), Some(q.meta.id))
            .await,
        ErrorCode::Invalid,
        "stage_id",
    );
    let listed = s.list_stages(ctx.pipeline.meta.id).await.unwrap();
    assert!(listed.iter().any(|st| st.meta.id == q.meta.id && st.archived));
    let board = s.board(ctx.pipeline.meta.id, None, 10).await.unwrap();
    assert!(
        board.iter().all(|c| c.stage.meta.id != q.meta.id),
        "the board leaves the empty archived stage out"
    );
    let funnel = s.funnel_report(&march(), &ReportOptions::default()).await.unwrap();
    assert!(
        funnel.stages.iter().any(|st| st.id == q.meta.id),
        "the funnel still counts the deals that reached it"
    );
    forbidden(s.unarchive_stage(head, q.meta.id, archived.meta.version).await, "setup");
    let back = s
        .unarchive_stage(admin, q.meta.id, archived.meta.version)
        .await
        .unwrap();
    assert!(!back.archived);

    // An archived pipeline takes no new deals or moves; its deals stay.
    forbidden(
        s.set_pipeline_archived(head, service.meta.id, service.meta.version, true)
            .await,
        "setup",
    );
    let service = s
        .set_pipeline_archived(admin, service.meta.id, service.meta.version, true)
        .await
        .unwrap();
    refused(
        s.create_deal(
            olena,
            &DealInput {
                pipeline_id: service.meta.id,
                ..ctx.deal_input("Огляд")
            },
            None,
        )
        .await,
        ErrorCode::InvalidState,
        "pipeline_id",
    );
    let other: Deal = s.get(other.meta.id).await.unwrap();
    refused(
        s.move_deal(olena, other.meta.id, other.meta.version, &to(&service_stages[2]))
            .await,
        ErrorCode::InvalidState,
        "stage_id",
    );
    assert_eq!(
        s.get::<Deal>(deals[0].meta.id).await.unwrap().data.pipeline_id,
        service.meta.id
    );
    let service = s
        .set_pipeline_archived(admin, service.meta.id, service.meta.version, false)
        .await
        .unwrap();
    assert!(!service.archived);
}

/// The entry of `dictionary` whose code is `code`.
async fn entry(s: &Store, dictionary: DictionaryKind, code: &str) -> DictionaryEntry {
    s.dictionaries()
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.dictionary == dictionary && e.code == code)
        .unwrap_or_else(|| panic!("no {code}"))
}

pub async fn dictionaries_are_the_departments_and_checked_on_every_record(ctx: Ctx) {
    let (s, admin, head, olena) = (&ctx.store, ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());
    let all = s.dictionaries().await.unwrap();
    for kind in DictionaryKind::ALL {
        let codes: Vec<&str> = all
            .iter()
            .filter(|e| e.dictionary == kind)
            .map(|e| e.code.as_str())
            .collect();
        let defaults: Vec<&str> = default_entries(kind).iter().map(|e| e.code).collect();
        assert_eq!(codes, defaults, "{kind:?}: the defaults, in order");
    }
    assert_eq!(
        entry(s, DictionaryKind::LeadSource, "site").await.data.name.as_str(),
        "Сайт"
    );

    // The admin adds, renames, reorders and deactivates; the others may not.
    let fair = DictionaryEntryInput {
        name: "Виставка «Буд-Експо»".into(),
        ..Default::default()
    };
    let before = ctx.count("dictionary_entries").await;
    forbidden(
        s.create_dictionary_entry(head, DictionaryKind::LeadSource, &fair).await,
        "setup",
    );
    forbidden(
        s.create_dictionary_entry(olena, DictionaryKind::LeadSource, &fair)
            .await,
        "setup",
    );
    assert_eq!(ctx.count("dictionary_entries").await, before);
    refused(
        s.create_dictionary_entry(admin, DictionaryKind::LeadSource, &DictionaryEntryInput::default())
            .await,
        ErrorCode::Invalid,
        "name",
    );
    let fair = s
        .create_dictionary_entry(admin, DictionaryKind::LeadSource, &fair)
        .await
        .unwrap();
    assert_eq!(fair.code, fair.meta.id.to_string(), "a new entry's code is its id");
    assert_eq!(
        fair.data.position,
        default_entries(DictionaryKind::LeadSource).len() as i64,
        "at the end"
    );
    let site = entry(s, DictionaryKind::LeadSource, "site").await;
    let renamed = DictionaryEntryInput {
        name: "Наш сайт".into(),
        ..Default::default()
    };
    forbidden(
        s.update_dictionary_entry(head, site.meta.id, site.meta.version, &renamed)
            .await,
        "setup",
    );
    let site = s
        .update_dictionary_entry(admin, site.meta.id, site.meta.version, &renamed)
        .await
        .unwrap();
    assert_eq!(
        (site.code.as_str(), site.data.name.as_str(), site.data.position),
        ("site", "Наш сайт", 0),
        "renamed in place, its code kept"
    );
    let sources: Vec<DictionaryEntry> = s
        .dictionaries()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.dictionary == DictionaryKind::LeadSource)
        .collect();
    let reversed: Vec<&DictionaryEntry> = sources.iter().rev().collect();
    forbidden(
        s.reorder_dictionary(head, DictionaryKind::LeadSource, &order(&reversed))
            .await,
        "setup",
    );
    refused(
        s.reorder_dictionary(admin, DictionaryKind::LeadSource, &order(&reversed[1..]))
            .await,
        ErrorCode::Invalid,
        "order",
    );
    s.reorder_dictionary(admin, DictionaryKind::LeadSource, &order(&reversed))
        .await
        .unwrap();
    assert_eq!(entry(s, DictionaryKind::LeadSource, "site").await.data.position, 10);
    assert_eq!(entry(s, DictionaryKind::LeadSource, &fair.code).await.data.position, 0);

    // Every record's value is an entry: a company's industry and lead source, a deal's
    // channels and source, a call's outcome; refused on the field otherwise.
    let company = CompanyInput {
        name: "Дах".into(),
        city: Some("Львів".into()),
        lead_source: Some(fair.code.clone()),
        industry: Some("roofing".into()),
        ..Default::default()
    };
    let pigeon = |mut input: CompanyInput, field: &str| {
        match field {
            "industry" => input.industry = Some("Голубина пошта".into()),
            _ => input.lead_source = Some("pigeon".into()),
        }
        input
    };
    let companies = ctx.count("companies").await;
    for field in ["industry", "lead_source"] {
        refused(
            s.create_company(olena, &pigeon(company.clone(), field)).await,
            ErrorCode::Invalid,
            field,
        );
    }
    assert_eq!(ctx.count("companies").await, companies);
    let dah = s.create_company(olena, &company).await.unwrap();
    for field in ["sales_channel", "communication_channel", "lead_source"] {
        let mut input = ctx.deal_input("Покрівля");
        match field {
            "sales_channel" => input.sales_channel = Some("telepathy".into()),
            "communication_channel" => input.communication_channel = Some("telepathy".into()),
            _ => input.lead_source = Some("telepathy".into()),
        }
        refused(s.create_deal(olena, &input, None).await, ErrorCode::Invalid, field);
    }
    let deal = s
        .create_deal(
            olena,
            &DealInput {
                sales_channel: Some("dealer".into()),
                communication_channel: Some("video".into()),
                lead_source: Some("site".into()),
                ..ctx.deal_input("Покрівля")
            },
            None,
        )
        .await
        .unwrap();
    let call = |outcome: &str| ActivityInput {
        kind: ActivityKind::Call,
        deal_id: Some(deal.meta.id),
        company_id: None,
        contact_id: None,
        occurred_at: None,
        body: None,
        details: ActivityDetails {
            outcome: Some(outcome.into()),
            ..Default::default()
        },
    };
    refused(
        s.log_activity(olena, &call("went well")).await,
        ErrorCode::Invalid,
        "outcome",
    );
    s.log_activity(olena, &call("no_answer")).await.unwrap();

    // A deactivated entry takes no new records; those that have it keep it and stay editable.
    let video = entry(s, DictionaryKind::CommunicationChannel, "video").await;
    let off = DictionaryEntryInput {
        name: video.data.name.to_string(),
        position: None,
        active: Some(false),
    };
    s.update_dictionary_entry(admin, video.meta.id, video.meta.version, &off)
        .await
        .unwrap();
    let roofing = entry(s, DictionaryKind::Industry, "roofing").await;
    s.update_dictionary_entry(
        admin,
        roofing.meta.id,
        roofing.meta.version,
        &DictionaryEntryInput {
            name: roofing.data.name.to_string(),
            position: None,
            active: Some(false),
        },
    )
    .await
    .unwrap();
    let video_deal = DealInput {
        communication_channel: Some("video".into()),
        ..ctx.deal_input("Ще одна")
    };
    refused(
        s.create_deal(olena, &video_deal, None).await,
        ErrorCode::Invalid,
        "communication_channel",
    );
    let retitled = DealInput {
        title: "Покрівля, 300 м²".into(),
        sales_channel: Some("dealer".into()),
        communication_channel: Some("video".into()),
        lead_source: Some("site".into()),
        ..ctx.deal_input("Покрівля")
    };
    let deal = s
        .update_deal(olena, deal.meta.id, deal.meta.version, &retitled)
        .await
        .unwrap();
    assert_eq!(deal.data.communication_channel.as_deref(), Some("video"));
    let renamed = CompanyInput {
        name: "Дах Плюс".into(),
        ..company.clone()
    };
    let dah = s
        .update_company(olena, dah.meta.id, dah.meta.version, &renamed)
        .await
        .unwrap();
    assert_eq!(dah.data.industry.as_deref(), Some("roofing"), "kept though retired");
    refused(
        s.create_company(
            olena,
            &CompanyInput {
                name: "Інший дах".into(),
                ..company.clone()
            },
        )
        .await,
        ErrorCode::Invalid,
        "industry",
    );

    // Loss reasons are reordered the same way.
    let reasons = s.list_loss_reasons().await.unwrap();
    let reversed: Vec<&LossReason> = reasons.iter().rev().collect();
    forbidden(s.reorder_loss_reasons(head, &order(&reversed)).await, "setup");
    s.reorder_loss_reasons(admin, &order(&reversed)).await.unwrap();
    assert_eq!(
        s.list_loss_reasons().await.unwrap()[0].meta.id,
        reasons.last().unwrap().meta.id
    );
}

/// A new database gets its defaults in the language of whoever sets it up.
pub async fn a_new_department_starts_with_its_admins_language(ctx: Ctx) {
    let db = voronka_testdb::TestDb::fresh(ctx.kind)
        .await
        .expect("a second database");
    let clock = Arc::new(ManualClock::new(crate::harness::start()));
    let store = Store::open_with(&db.url, clock, Arc::new(RandomIds::new()))
        .await
        .unwrap();
    let admin = store
        .create_user(
            None,
            &UserInput {
                name: "Ann Admin".into(),
                role: Some(Role::Admin),
                language: Some(Language::En),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        store.dictionaries().await.unwrap().is_empty(),
        "a new database has none yet"
    );
    store.install_defaults(admin.meta.id).await.unwrap();
    store.install_defaults(admin.meta.id).await.unwrap();
    let entries = store.dictionaries().await.unwrap();
    let expected: usize = DictionaryKind::ALL.iter().map(|k| default_entries(*k).len()).sum();
    assert_eq!(entries.len(), expected, "installed once");
    let site = entries.iter().find(|e| e.code == "site").unwrap();
    assert_eq!(site.data.name.as_str(), "Website");
    let reasons = store.list_loss_reasons().await.unwrap();
    assert_eq!(reasons[0].data.name.as_str(), "Price");
    let settings = store.process_settings().await.unwrap();
    assert_eq!(settings.meta.version, 0, "the defaults until the admin saves");
    assert_eq!(settings.data.title_template, DEFAULT_TITLE_TEMPLATE);
    assert!(
        settings.data.holidays.contains(&date("2026-08-24")) && settings.data.holidays.contains(&date("2027-01-01")),
        "Ukraine's holidays of this year and the next"
    );
    store.close().await;
    drop(db);
}

fn settings_input() -> ProcessSettingsInput {
    ProcessSettingsInput {
        title_template: "{company}: {product}".into(),
        lead_response_minutes: 30,
        stuck_days: 10,
        idle_days: 20,
        task_horizon_days: None,
        working_days: vec![1, 2, 3, 4, 5],
        holidays: vec!["2026-03-09".into(), "2026-03-10".into()],
        default_currency: "EUR".into(),
    }
}

pub async fn process_settings_are_the_admins_and_followed_everywhere(ctx: Ctx) {
    let (s, admin, head, olena) = (&ctx.store, ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());
    let defaults = s.process_settings().await.unwrap();
    assert_eq!(
        (
            defaults.meta.version,
            defaults.data.lead_response_minutes,
            defaults.data.stuck_days
        ),
        (0, 15, 14)
    );
    forbidden(s.save_process_settings(head, 0, &settings_input()).await, "setup");
    forbidden(s.save_process_settings(olena, 0, &settings_input()).await, "setup");
    refused(
        s.save_process_settings(
            admin,
            0,
            &ProcessSettingsInput {
                lead_response_minutes: 0,
                ..settings_input()
            },
        )
        .await,
        ErrorCode::Invalid,
        "lead_response_minutes",
    );
    assert_eq!(ctx.count("process_settings").await, 0, "the refusals wrote nothing");
    let saved = s.save_process_settings(admin, 0, &settings_input()).await.unwrap();
    assert_eq!(saved.meta.version, 1);
    refused(
        s.save_process_settings(admin, 0, &settings_input()).await,
        ErrorCode::Conflict,
        "version",
    );
    let saved = s.save_process_settings(admin, 1, &settings_input()).await.unwrap();
    refused(
        s.save_process_settings(admin, 1, &settings_input()).await,
        ErrorCode::Conflict,
        "version",
    );
    assert_eq!(s.process_settings().await.unwrap(), saved);
    assert_eq!(ctx.count("process_settings").await, 1, "one record");

    // A deal without a title takes the template's; without a currency, the department's; its
    // lead task is due in the department's minutes.
    let company = ctx.company("Дах", "0671234567").await;
    let untitled = DealInput {
        title: " ".into(),
        product: Some("Ремонт покрівлі".into()),
        company_id: Some(company.meta.id),
        ..ctx.deal_input("")
    };
    assert_eq!(
        s.deal_title_preview(olena, &untitled).await.unwrap(),
        "Дах: Ремонт покрівлі"
    );
    let deal = s.create_deal(olena, &untitled, None).await.unwrap();
    assert_eq!(deal.data.title.as_str(), "Дах: Ремонт покрівлі");
    assert_eq!(deal.data.currency.as_str(), "EUR");
    let product = s
        .create_product(
            ctx.admin.meta.id,
            &ProductInput {
                name: "Профнастил".into(),
                price: 32_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(product.data.currency.as_str(), "EUR", "a product's price too");
    let lead_task = s
        .list_tasks(
            &voronka_store::TaskFilter {
                deal_id: Some(deal.meta.id),
                ..Default::default()
            },
            Page::first(5),
        )
        .await
        .unwrap()
        .items
        .remove(0);
    assert_eq!(lead_task.data.due_at, ctx.clock_now() + Duration::minutes(30));
    refused(
        s.create_deal(olena, &ctx.deal_input(""), None).await,
        ErrorCode::Invalid,
        "title",
    );

    // The reports count by the settings: the thresholds (which a caller may still set for one
    // report), the lead minutes, the currency, and the working days less the holidays.
    let o = ReportOptions::default();
    let stuck = s.time_in_stage_report(&march(), &o).await.unwrap();
    assert_eq!((stuck.stuck_after_days, stuck.currency.as_str()), (10, "EUR"));
    let five = ReportOptions {
        stuck_after_days: Some(5),
        ..o.clone()
    };
    assert_eq!(
        s.time_in_stage_report(&march(), &five).await.unwrap().stuck_after_days,
        5
    );
    assert_eq!(s.activity_report(&march(), &o).await.unwrap().idle_after_days, 20);
    assert_eq!(s.lead_response_report(&march(), &o).await.unwrap().limit_minutes, 30);
    s.create_plan(
        head,
        &PlanInput {
            month: "2026-03".into(),
            revenue_target: 2_000_000,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // March 2026: 22 weekdays less the holidays on Monday the 9th and Tuesday the 10th; by the
    // 10th only Monday 2 to Friday 6 have passed.
    let dash = s.dashboard_report(&march(), &o).await.unwrap();
    assert_eq!((dash.working_days, dash.working_days_elapsed), (20, 5));
    assert_eq!(dash.team.expected_to_date, 500_000, "2 000 000 × 5 / 20");
    let progress = s.team_progress(olena).await.unwrap();
    assert_eq!(
        (progress.plan, progress.expected_to_date, progress.currency.as_str()),
        (2_000_000, 500_000, "EUR"),
        "the gong counts the same working days"
    );
}

fn cell(user: Option<Id>, month: &str, revenue: i64, version: Option<i64>) -> PlanCell {
    PlanCell {
        user_id: user,
        month: month.into(),
        revenue_target: revenue,
        calls_target: 100,
        meetings_target: 10,
        version,
    }
}

pub async fn the_plans_grid_saves_a_block_in_one_transaction(ctx: Ctx) {
    let (s, admin, head, olena) = (&ctx.store, ctx.admin.meta.id, ctx.head.meta.id, ctx.olena_id());
    let petro = ctx.petro.meta.id;
    let block = [
        cell(None, "2026-03", 3_000_000, None),
        cell(Some(olena), "2026-03", 1_800_000, None),
        cell(Some(petro), "2026-03", 1_200_000, None),
        cell(Some(olena), "2026-04", 2_000_000, None),
    ];
    forbidden(s.save_plans(olena, &block).await, "plan");
    let mut bad = block.clone();
    bad[2].month = "2026-3".into();
    refused(s.save_plans(head, &bad).await, ErrorCode::Invalid, "cells[2].month");
    bad = block.clone();
    bad[3].revenue_target = -1;
    refused(
        s.save_plans(head, &bad).await,
        ErrorCode::Invalid,
        "cells[3].revenue_target",
    );
    bad = block.clone();
    bad[1].user_id = Some(ctx.pipeline.meta.id);
    refused(s.save_plans(head, &bad).await, ErrorCode::Invalid, "cells[1].user_id");
    bad = block.clone();
    bad[3].month = "2026-03".into();
    refused(s.save_plans(head, &bad).await, ErrorCode::Invalid, "cells[3].month");
    assert_eq!(ctx.count("plans").await, 0, "nothing of a refused block is written");

    let saved = s.save_plans(head, &block).await.unwrap().plans;
    assert_eq!(saved.len(), 4);
    assert!(saved.iter().all(|p| p.data.currency.as_str() == "UAH"));
    let dash = s.dashboard_report(&march(), &ReportOptions::default()).await.unwrap();
    assert_eq!(dash.team.plan, 3_000_000, "the dashboard reads the team plan");
    let olenas = dash
        .managers
        .iter()
        .find(|m| m.manager.as_ref().map(|p| p.id) == Some(olena))
        .unwrap();
    assert_eq!(olenas.plan, 1_800_000);

    // A block read before another change of one of its plans is stale as a whole.
    let olena_march = saved[1].clone();
    let petro_march = saved[2].clone();
    s.save_plans(
        admin,
        &[cell(Some(petro), "2026-03", 1_300_000, Some(petro_march.meta.version))],
    )
    .await
    .unwrap();
    let stale = [
        cell(Some(olena), "2026-03", 1_900_000, Some(olena_march.meta.version)),
        cell(Some(petro), "2026-03", 1_400_000, Some(petro_march.meta.version)),
    ];
    refused(
        s.save_plans(head, &stale).await,
        ErrorCode::Conflict,
        "cells[1].version",
    );
    assert_eq!(
        s.get::<Plan>(olena_march.meta.id).await.unwrap().data.revenue_target,
        1_800_000,
        "the block's first cell was not written either"
    );
    // Setting a plan someone else set meanwhile is a conflict too.
    refused(
        s.save_plans(head, &[cell(None, "2026-03", 1, None)]).await,
        ErrorCode::Conflict,
        "cells[0].version",
    );
    let plans = s.plans_between("2026-03", "2026-04").await.unwrap();
    assert_eq!(plans.len(), 4);
    let audit = ctx.count("audit_log").await;
    let again: Vec<PlanCell> = plans
        .iter()
        .map(|p| PlanCell {
            user_id: p.data.user_id,
            month: p.data.month.clone(),
            revenue_target: p.data.revenue_target,
            calls_target: p.data.calls_target,
            meetings_target: p.data.meetings_target,
            version: Some(p.meta.version),
        })
        .collect();
    s.save_plans(head, &again).await.unwrap();
    assert_eq!(ctx.count("audit_log").await, audit, "an unchanged cell writes nothing");
    refused(s.plans_between("2026-13", "2026-04").await, ErrorCode::Invalid, "from");
}
