use crate::harness::Ctx;
use chrono::Duration;
use voronka_core::Id;
use voronka_core::model::*;
use voronka_store::MoveDeal;

pub async fn today_groups_my_tasks_and_flags_deals_without_one(ctx: Ctx) {
    let s = &ctx.store;
    let olena = ctx.olena_id();
    let task = |title: &str, hours: i64| TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: None,
        company_id: None,
        contact_id: None,
        assignee_id: Some(olena),
        due_at: ctx.clock_now() + Duration::hours(hours),
    };
    // The clock stands at 09:00 UTC = 11:00 in Kyiv on 10 March.
    for (title, hours) in [("вчора", -20), ("зараз", 2), ("завтра", 24), ("післязавтра", 48)]
    {
        s.create_task(ctx.head.meta.id, &task(title, hours)).await.unwrap();
    }
    s.create_task(
        ctx.head.meta.id,
        &TaskInput {
            assignee_id: Some(ctx.petro.meta.id),
            ..task("не моя", 1)
        },
    )
    .await
    .unwrap();
    let lead = s.create_deal(olena, &ctx.deal_input("Лід"), None).await.unwrap();
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван", "0509876543").await;
    let input = ctx.deal_with("Без задачі", &company, &contact);
    let quiet = s
        .create_deal(olena, &input, Some(ctx.stage("Кваліфікація").meta.id))
        .await
        .unwrap();
    let view = s.today(olena).await.unwrap();
    let titles = |tasks: &[Task]| tasks.iter().map(|t| t.data.title.to_string()).collect::<Vec<_>>();
    assert_eq!(titles(&view.overdue), ["вчора"]);
    assert_eq!(
        ctx.store.overdue_count(ctx.olena_id()).await.unwrap(),
        1,
        "the tray counts the same overdue tasks Today lists"
    );
    assert_eq!(
        titles(&view.today),
        [format!("Зв'язатися з лідом: {}", lead.data.title).as_str(), "зараз"],
        "the new lead's task is due in 15 minutes, before the call in 2 hours"
    );
    assert_eq!(titles(&view.tomorrow), ["завтра"]);
    assert_eq!(titles(&view.later), ["післязавтра"]);
    let flagged: Vec<Id> = view.deals_without_task.iter().map(|d| d.meta.id).collect();
    assert_eq!(
        flagged,
        vec![quiet.meta.id],
        "rule 2: only the deal without an open task is flagged"
    );
    let lost = MoveDeal {
        stage_id: Some(ctx.stage("Програно").meta.id),
        loss_reason_id: Some(ctx.reasons[0].meta.id),
        loss_comment: None,
    };
    s.move_deal(olena, quiet.meta.id, quiet.meta.version, &lost)
        .await
        .unwrap();
    assert!(
        s.today(olena).await.unwrap().deals_without_task.is_empty(),
        "closed deals need no task"
    );
}

pub async fn board_totals_count_and_amount_per_stage(ctx: Ctx) {
    let s = &ctx.store;
    let company = ctx.company("Дах", "0671234567").await;
    let contact = ctx.contact(&company, "Іван", "0509876543").await;
    for (amount, owner) in [
        ("100", ctx.olena_id()),
        ("250,50", ctx.olena_id()),
        ("1000", ctx.petro.meta.id),
    ] {
        let mut input = ctx.deal_input("Угода");
        input.amount = Some(amount.into());
        input.owner_id = Some(owner);
        input.company_id = Some(company.meta.id);
        input.contact_ids = vec![contact.meta.id];
        s.create_deal(ctx.head.meta.id, &input, Some(ctx.stage("КП надіслано").meta.id))
            .await
            .unwrap();
    }
    let board = s.board(ctx.pipeline.meta.id, None, 2).await.unwrap();
    assert_eq!(
        board.len(),
        ctx.stages.len(),
        "one column per stage, empty ones included"
    );
    let kp = board
        .iter()
        .find(|c| c.stage.data.name.as_str() == "КП надіслано")
        .unwrap();
    assert_eq!(
        (kp.count, kp.amount, kp.deals.len()),
        (3, 135_050, 2),
        "totals cover all deals; the column shows the first page"
    );
    let mine = s.board(ctx.pipeline.meta.id, Some(ctx.olena_id()), 50).await.unwrap();
    let kp = mine
        .iter()
        .find(|c| c.stage.data.name.as_str() == "КП надіслано")
        .unwrap();
    assert_eq!(
        (kp.count, kp.amount),
        (2, 35_050),
        "an owner's board counts only their deals"
    );
}
