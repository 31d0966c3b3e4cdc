//! Every report on small hand-built data, with the expected figures worked out by hand in the
//! comments next to them. Times are set on the store's hand-moved clock.

use crate::harness::Ctx;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use voronka_core::model::*;
use voronka_core::reports::*;
use voronka_core::{Id, Result};
use voronka_store::{Import, MoveDeal, Page, Store, TaskFilter};

pub(crate) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap().and_utc()
}

pub(crate) fn period(from: &str, to: &str) -> ReportFilter {
    ReportFilter {
        from: day(from),
        to: day(to),
        pipeline_id: None,
        manager_id: None,
    }
}

pub(crate) fn march() -> ReportFilter {
    period("2026-03-01", "2026-03-31")
}

/// Writes the story of a small sales team on the clock it sets.
pub(crate) struct Book<'a> {
    pub(crate) ctx: &'a Ctx,
    /// Where the book writes: the test's store, or one opened by a teammate's login.
    pub(crate) store: &'a Store,
    pub(crate) company: Company,
    pub(crate) contact: Contact,
}

impl<'a> Book<'a> {
    pub(crate) async fn new(ctx: &'a Ctx) -> Book<'a> {
        Book::on(ctx, &ctx.store).await
    }

    /// A book whose writes go through `store`; its company and contact are the test's.
    pub(crate) async fn on(ctx: &'a Ctx, store: &'a Store) -> Book<'a> {
        let company = ctx.company("Дах", "0671110001").await;
        let contact = ctx.contact(&company, "Іван Петренко", "0501110001").await;
        Book {
            ctx,
            store,
            company,
            contact,
        }
    }

    pub(crate) fn now(&self, s: &str) {
        self.ctx.clock.set(at(s));
    }

    /// A deal of `owner` on the book's company, with one item so it may be won.
    pub(crate) async fn deal(&self, owner: Id, title: &str, amount: &str, stage: Option<&str>) -> Deal {
        self.deal_of(
            owner,
            title,
            amount,
            stage,
            Some((&self.company, &self.contact)),
            |_| {},
        )
        .await
    }

    pub(crate) async fn deal_of(
        &self,
        owner: Id,
        title: &str,
        amount: &str,
        stage: Option<&str>,
        client: Option<(&Company, &Contact)>,
        edit: impl FnOnce(&mut DealInput),
    ) -> Deal {
        let mut input = match client {
            Some((company, contact)) => self.ctx.deal_with(title, company, contact),
            None => self.ctx.deal_input(title),
        };
        input.owner_id = Some(owner);
        input.amount = Some(amount.into());
        edit(&mut input);
        let stage = stage.map(|s| self.ctx.stage(s).meta.id);
        let s = self.store;
        let deal = s.create_deal(owner, &input, stage).await.unwrap();
        s.add_deal_item(
            owner,
            &DealItemInput {
                deal_id: deal.meta.id,
                product_id: None,
                name: Some("Металочерепиця".into()),
                quantity: 1.0,
                unit_price: Some(10_000),
                currency: None,
                discount_bp: None,
            },
        )
        .await
        .unwrap();
        deal
    }

    pub(crate) async fn moved(&self, deal: &Deal, stage: &str, reason: Option<usize>) -> Deal {
        let to = MoveDeal {
            stage_id: Some(self.ctx.stage(stage).meta.id),
            loss_reason_id: reason.map(|i| self.ctx.reasons[i].meta.id),
            loss_comment: None,
        };
        let owner = deal.data.owner_id;
        self.store
            .move_deal(owner, deal.meta.id, deal.meta.version, &to)
            .await
            .unwrap()
    }

    /// Moves a deal along `stages` at the given instants.
    pub(crate) async fn walk(&self, mut deal: Deal, steps: &[(&str, &str)]) -> Deal {
        for (when, stage) in steps {
            self.now(when);
            deal = self.moved(&deal, stage, None).await;
        }
        deal
    }

    pub(crate) async fn lose(&self, deal: &Deal, reason: usize) -> Deal {
        self.moved(deal, "Програно", Some(reason)).await
    }

    /// A payment planned on `planned`; paid at `paid` when given.
    pub(crate) async fn pay(&self, deal: &Deal, amount: &str, planned: &str, paid: Option<&str>) -> Payment {
        let s = self.store;
        let owner = deal.data.owner_id;
        let p = s
            .create_payment(
                owner,
                &PaymentInput {
                    deal_id: deal.meta.id,
                    amount: amount.into(),
                    currency: None,
                    planned_date: planned.into(),
                    invoice_number: None,
                },
            )
            .await
            .unwrap();
        match paid {
            Some(t) => s
                .mark_payment_paid(owner, p.meta.id, p.meta.version, Some(at(t)))
                .await
                .unwrap(),
            None => p,
        }
    }

    pub(crate) async fn log(
        &self,
        who: Id,
        kind: ActivityKind,
        when: &str,
        deal: Option<&Deal>,
        company: Option<&Company>,
        dir: Direction,
    ) -> Activity {
        self.store
            .log_activity(
                who,
                &ActivityInput {
                    kind,
                    deal_id: deal.map(|d| d.meta.id),
                    company_id: company.map(|c| c.meta.id),
                    contact_id: None,
                    occurred_at: Some(at(when)),
                    body: None,
                    details: ActivityDetails {
                        direction: Some(dir),
                        ..Default::default()
                    },
                },
            )
            .await
            .unwrap()
    }

    pub(crate) async fn outbound_call(&self, who: Id, when: &str, deal: &Deal) -> Activity {
        self.log(who, ActivityKind::Call, when, Some(deal), None, Direction::Outbound)
            .await
    }

    /// Completes the deal's `contact_lead` task at the clock's time, with a call a week later as
    /// the deal's next task (rule 2).
    pub(crate) async fn contact_lead_done(&self, deal: &Deal, when: &str) {
        self.now(when);
        let s = self.store;
        let tasks = s
            .list_tasks(
                &TaskFilter {
                    deal_id: Some(deal.meta.id),
                    ..Default::default()
                },
                Page::first(10),
            )
            .await
            .unwrap()
            .items;
        let task = tasks.iter().find(|t| t.data.kind == TaskKind::ContactLead).unwrap();
        let next = TaskInput {
            kind: TaskKind::Call,
            title: "Передзвонити щодо КП".into(),
            deal_id: Some(deal.meta.id),
            company_id: deal.data.company_id,
            contact_id: None,
            assignee_id: None,
            due_at: self.ctx.clock_now() + chrono::Duration::days(7),
        };
        s.complete_task_with_next(
            deal.data.owner_id,
            task.meta.id,
            task.meta.version,
            "Зателефонувала, домовились про КП",
            Some(&next),
        )
        .await
        .unwrap();
    }

    /// A second pipeline, «Сервіс»: «Заявка» (open), then «Виконано» (won). Returns it and its
    /// first stage.
    pub(crate) async fn service_pipeline(&self) -> (Pipeline, Stage) {
        let (s, admin) = (self.store, self.ctx.admin.meta.id);
        let input = PipelineInput {
            name: "Сервіс".into(),
            position: Some(2),
            is_default: Some(false),
        };
        let service = s.create_pipeline(admin, &input).await.unwrap();
        let stage = |name: &str, position: i64, kind: StageKind| StageInput {
            pipeline_id: service.meta.id,
            name: name.into(),
            position,
            kind,
            win_probability: None,
            required_fields: Vec::new(),
        };
        let first = s
            .create_stage(admin, &stage("Заявка", 0, StageKind::Open))
            .await
            .unwrap();
        s.create_stage(admin, &stage("Виконано", 1, StageKind::Won))
            .await
            .unwrap();
        (service, first)
    }

    pub(crate) async fn plan(&self, user: Option<Id>, month: &str, revenue: i64, calls: i64, meetings: i64) {
        self.store
            .create_plan(
                self.ctx.head.meta.id,
                &PlanInput {
                    user_id: user,
                    month: month.into(),
                    revenue_target: revenue,
                    currency: None,
                    calls_target: Some(calls),
                    meetings_target: Some(meetings),
                },
            )
            .await
            .unwrap();
    }
}

fn name_of(p: &Option<Person>) -> &str {
    p.as_ref().map(|p| p.name.as_str()).unwrap_or("team")
}

pub async fn dashboard_counts_plan_fact_and_forecast(ctx: Ctx) {
    ctx.weekdays_only().await;
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.plan(Some(olena), "2026-03", 22_000_000, 0, 0).await;
    b.plan(Some(petro), "2026-03", 11_000_000, 0, 0).await;
    b.plan(None, "2026-03", 40_000_000, 0, 0).await;
    b.plan(Some(olena), "2026-02", 99_000_000, 0, 0).await;

    b.now("2026-03-02 10:00");
    let a = b.deal(olena, "A", "100000", None).await;
    b.now("2026-03-05 10:00");
    let a = b.moved(&a, "Успішно", None).await;
    b.pay(&a, "60000", "2026-03-05", Some("2026-03-06 12:00")).await;
    b.pay(&a, "40000", "2026-03-20", None).await;
    let deal_b = b.deal(olena, "B", "50000", None).await;
    b.pay(&deal_b, "30000", "2026-03-25", None).await;
    b.pay(&deal_b, "10000", "2026-02-20", Some("2026-02-27 12:00")).await;
    let c = b
        .deal_of(petro, "C", "20000", None, Some((&b.company, &b.contact)), |d| {
            d.win_probability = Some(50)
        })
        .await;
    b.pay(&c, "20000", "2026-03-31", None).await;
    b.pay(&c, "5000", "2026-03-09", Some("2026-03-09 15:00")).await;
    let cancelled = b.pay(&c, "7000", "2026-03-15", None).await;
    ctx.store
        .cancel_payment(petro, cancelled.meta.id, cancelled.meta.version)
        .await
        .unwrap();
    // A deal won in February counts in February only.
    b.now("2026-02-20 10:00");
    let feb = b.deal(petro, "Лютий", "9000", None).await;
    b.moved(&feb, "Успішно", None).await;

    b.now("2026-03-10 09:00");
    let r = ctx
        .store
        .dashboard_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.month, "2026-03");
    // March 2026: 22 working days; Mon 2 – Fri 6 and Mon 9, Tue 10 have passed: 7.
    assert_eq!((r.working_days, r.working_days_elapsed), (22, 7));
    let names: Vec<&str> = r.managers.iter().map(|m| name_of(&m.manager)).collect();
    assert_eq!(
        names,
        ["Олена Коваль", "Петро Шевчук"],
        "the managers by name; the head has no plan"
    );
    let o = &r.managers[0];
    // Olena: fact = 6 000 000 paid on 6 March (the February payment is not March's);
    // won = A's 10 000 000; weighted open = 4 000 000 × 100 % (A is won) + 3 000 000 × 5 %
    // (B in «Новий лід») = 4 150 000; forecast = 6 000 000 + 4 150 000 = 10 150 000;
    // expected to date = 22 000 000 × 7 / 22 = 7 000 000; % of plan = 6 / 22 = 27.27 → 27.3;
    // % of expected = 6 / 7 = 85.71 → 85.7.
    assert_eq!(
        (o.plan, o.fact, o.won, o.expected_to_date, o.forecast),
        (22_000_000, 6_000_000, 10_000_000, 7_000_000, 10_150_000)
    );
    assert_eq!((o.percent_of_plan, o.percent_of_expected), (Some(27.3), Some(85.7)));
    let p = &r.managers[1];
    // Petro: fact 500 000; won 0 in March; weighted = 2 000 000 × 50 % (the deal's own
    // probability) = 1 000 000, the cancelled payment left out; forecast 1 500 000;
    // expected = 11 000 000 × 7 / 22 = 3 500 000; 0.5 / 11 = 4.55 → 4.5 (4.545…);
    // 0.5 / 3.5 = 14.29 → 14.3.
    assert_eq!(
        (p.plan, p.fact, p.won, p.expected_to_date, p.forecast),
        (11_000_000, 500_000, 0, 3_500_000, 1_500_000)
    );
    assert_eq!((p.percent_of_plan, p.percent_of_expected), (Some(4.5), Some(14.3)));
    let t = &r.team;
    // Team: its own plan 40 000 000; fact 6 500 000; won 10 000 000; forecast 6 500 000 +
    // 5 150 000 = 11 650 000; expected = 40 000 000 × 7 / 22 = 12 727 272.7 → 12 727 273;
    // 6.5 / 40 = 16.25 → 16.3; 6 500 000 / 12 727 273 = 51.07 → 51.1.
    assert_eq!(
        (t.plan, t.fact, t.won, t.expected_to_date, t.forecast),
        (40_000_000, 6_500_000, 10_000_000, 12_727_273, 11_650_000)
    );
    assert_eq!((t.percent_of_plan, t.percent_of_expected), (Some(16.3), Some(51.1)));

    let only_petro = ReportFilter {
        manager_id: Some(petro),
        ..march()
    };
    let r = ctx
        .store
        .dashboard_report(&only_petro, &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.managers.len(), 1);
    assert_eq!(
        (r.team.plan, r.team.fact, r.team.forecast),
        (11_000_000, 500_000, 1_500_000),
        "filtered to one manager, the team row is that manager's"
    );
    let table = &r.tables()[0];
    assert_eq!(table.rows.len(), 1);
    assert_eq!(table.totals.as_ref().unwrap()[2], Cell::money(500_000, "UAH"));
}

pub async fn payment_plan_lists_the_week_with_expected_amounts(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-03-02 10:00");
    let p = b.deal(olena, "P", "10000", None).await;
    let q = b
        .deal_of(petro, "Q", "10000", None, Some((&b.company, &b.contact)), |d| {
            d.win_probability = Some(50)
        })
        .await;
    let p1 = b.pay(&p, "2000", "2026-03-09", None).await;
    let p2 = b.pay(&q, "1000.50", "2026-03-15", Some("2026-03-14 10:00")).await;
    let p3 = b.pay(&q, "333.33", "2026-03-12", None).await;
    b.pay(&p, "500", "2026-03-16", None).await;
    b.pay(&p, "100", "2026-03-08", None).await;
    let cancelled = b.pay(&p, "700", "2026-03-10", None).await;
    ctx.store
        .cancel_payment(olena, cancelled.meta.id, cancelled.meta.version)
        .await
        .unwrap();

    // Wednesday 11 March: the week is Monday 9 – Sunday 15.
    let r = ctx
        .store
        .payment_plan_report(&period("2026-03-11", "2026-03-11"), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!((r.week_start, r.week_end), (day("2026-03-09"), day("2026-03-15")));
    let ids: Vec<Id> = r.payments.iter().map(|x| x.payment_id).collect();
    assert_eq!(
        ids,
        [p1.meta.id, p3.meta.id, p2.meta.id],
        "by planned date: 9th, 12th, 15th; the 8th, 16th and the cancelled one left out"
    );
    let e: Vec<(i64, i64, i64, bool)> = r
        .payments
        .iter()
        .map(|x| (x.amount, x.probability, x.expected, x.paid))
        .collect();
    // p1: 200 000 × 5 % («Новий лід») = 10 000; p3: 33 333 × 50 % = 16 666.5 → 16 667;
    // p2 is paid, so expected in full.
    assert_eq!(
        e,
        [
            (200_000, 5, 10_000, false),
            (33_333, 50, 16_667, false),
            (100_050, 50, 100_050, true)
        ]
    );
    assert_eq!(r.payments[2].paid_on, Some(day("2026-03-14")));
    assert_eq!(r.payments[0].company.as_deref(), Some("Дах"));
    assert_eq!(r.payments[0].industry.as_deref(), Some("Будівництво"));
    assert_eq!(r.payments[0].manager.name, "Олена Коваль");
    // 200 000 + 33 333 + 100 050 = 333 383; 10 000 + 16 667 + 100 050 = 126 717.
    assert_eq!(
        (r.total_amount, r.total_expected, r.total_paid),
        (333_383, 126_717, 100_050)
    );

    let only_olena = ReportFilter {
        manager_id: Some(olena),
        ..period("2026-03-11", "2026-03-11")
    };
    let r = ctx
        .store
        .payment_plan_report(&only_olena, &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.payments.len(), 1, "only Olena's payment of the week");

    // An export takes the same payments in the same order, one at a time from a cursor: on the
    // 12th Olena's comes before Petro's, by the managers' names.
    b.pay(&p, "40", "2026-03-12", None).await;
    let week = period("2026-03-11", "2026-03-11");
    let whole = ctx
        .store
        .payment_plan_report(&week, &ReportOptions::default())
        .await
        .unwrap();
    let names: Vec<&str> = whole.payments.iter().map(|x| x.manager.name.as_str()).collect();
    assert_eq!(names[1..3], ["Олена Коваль", ctx.petro.data.name.as_str()]);
    let export = ctx
        .store
        .report_export(ReportName::PaymentPlan, &week, &ReportOptions::default())
        .await
        .unwrap();
    let ReportExport::PaymentPlan(planned) = export else {
        panic!("the payment plan streams into an export, got {export:?}")
    };
    assert_eq!(
        (planned.week_start, planned.week_end),
        (whole.week_start, whole.week_end)
    );
    let streamed = tokio::task::spawn_blocking(move || planned.payments.collect::<Result<Vec<_>, _>>())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(streamed, whole.payments);
}

pub async fn funnel_counts_reached_stages_and_conversions(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-02-20 10:00");
    let old = b.deal(petro, "Лютневий", "9000", None).await;
    b.moved(&old, "Успішно", None).await;

    b.now("2026-03-02 10:00");
    let f1 = b.deal(olena, "F1", "1000", None).await;
    let f2 = b.deal(olena, "F2", "2000", None).await;
    let f3 = b.deal(olena, "F3", "500", None).await;
    let _f4 = b.deal(petro, "F4", "300", None).await;
    let f5 = b.deal(petro, "F5", "4000", None).await;
    b.walk(
        f1,
        &[
            ("2026-03-03 10:00", "Кваліфікація"),
            ("2026-03-04 10:00", "КП надіслано"),
        ],
    )
    .await;
    b.walk(f2, &[("2026-03-03 10:00", "Успішно")]).await;
    let f3 = b.walk(f3, &[("2026-03-03 10:00", "Кваліфікація")]).await;
    b.now("2026-03-04 10:00");
    b.lose(&f3, 0).await;
    b.walk(f5, &[("2026-03-05 10:00", "Зустріч")]).await;

    let r = ctx
        .store
        .funnel_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    let names: Vec<&str> = r.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Новий лід",
            "Кваліфікація",
            "КП надіслано",
            "Зустріч",
            "Договір",
            "Поставка",
            "Закривні документи",
            "Успішно"
        ],
        "open and won stages in order; the lost stage is no step of the funnel"
    );
    let t = &r.team;
    // Furthest stages: F1 КП (2), F2 Успішно (7), F3 Кваліфікація (1, its loss is no step),
    // F4 Новий лід (0), F5 Зустріч (3; it skipped two stages on the way).
    // Reached = deals whose furthest is this stage or later: 5, 4, 3, 2, 1, 1, 1, 1.
    let reached: Vec<i64> = t.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [5, 4, 3, 2, 1, 1, 1, 1]);
    // 4/5 = 80, 3/4 = 75, 2/3 = 66.7, 1/2 = 50, then 100 % down to Won, which has no next.
    let conv: Vec<Option<f64>> = t.stages.iter().map(|s| s.conversion_to_next).collect();
    assert_eq!(
        conv,
        [
            Some(80.0),
            Some(75.0),
            Some(66.7),
            Some(50.0),
            Some(100.0),
            Some(100.0),
            Some(100.0),
            None
        ]
    );
    // The February deal is not of the period: 5 created, 1 won (1/5 = 20 %), 1 lost.
    assert_eq!((t.created, t.won, t.lost, t.conversion_to_won), (5, 1, 1, Some(20.0)));
    let open: Vec<(i64, i64)> = t.stages.iter().map(|s| (s.open_count, s.open_amount)).collect();
    // Open now: F4 in «Новий лід» (30 000), F1 in КП (100 000), F5 in «Зустріч» (400 000).
    assert_eq!(
        open,
        [
            (1, 30_000),
            (0, 0),
            (1, 100_000),
            (1, 400_000),
            (0, 0),
            (0, 0),
            (0, 0),
            (0, 0)
        ]
    );
    assert_eq!(r.managers.len(), 2);
    let o = &r.managers[0];
    assert_eq!(name_of(&o.manager), "Олена Коваль");
    // Olena: F1 (2), F2 (7), F3 (1): reached 3, 3, 2, 1, 1, 1, 1, 1; won 1 of 3 = 33.3 %.
    let reached: Vec<i64> = o.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [3, 3, 2, 1, 1, 1, 1, 1]);
    assert_eq!(o.conversion_to_won, Some(33.3));
    let p = &r.managers[1];
    // Petro: F4 (0), F5 (3): reached 2, 1, 1, 1, 0…; 1/2 = 50 %, 100, 100, then 0/1 = 0 %,
    // and nothing past «Договір» to convert.
    let reached: Vec<i64> = p.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [2, 1, 1, 1, 0, 0, 0, 0]);
    let conv: Vec<Option<f64>> = p.stages.iter().map(|s| s.conversion_to_next).collect();
    assert_eq!(
        conv,
        [Some(50.0), Some(100.0), Some(100.0), Some(0.0), None, None, None, None]
    );
    assert_eq!((p.created, p.won, p.conversion_to_won), (2, 0, Some(0.0)));
}

pub async fn time_in_stage_counts_closed_and_current_spells(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-02-25 00:00");
    let t4 = b.deal(petro, "T4", "100", None).await;
    b.walk(t4, &[("2026-03-01 00:00", "Кваліфікація")]).await;
    b.now("2026-03-02 00:00");
    let t1 = b.deal(olena, "T1", "100", None).await;
    b.walk(
        t1,
        &[
            ("2026-03-04 00:00", "Кваліфікація"),
            ("2026-03-05 12:00", "КП надіслано"),
        ],
    )
    .await;
    b.now("2026-03-03 00:00");
    let t2 = b.deal(petro, "T2", "100", None).await;
    let t2 = b.walk(t2, &[("2026-03-09 00:00", "Кваліфікація")]).await;
    b.now("2026-03-10 00:00");
    b.lose(&t2, 1).await;
    b.now("2026-03-06 00:00");
    b.deal(olena, "T3", "100", None).await;

    b.now("2026-03-20 00:00");
    let r = ctx
        .store
        .time_in_stage_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.stages.len(), 7, "the seven open stages");
    let fig = |i: usize| {
        let s = &r.stages[i];
        (s.spells, s.current, s.mean_days, s.median_days)
    };
    // «Новий лід» spells entered in March: T1 2 days, T2 6 days, T3 14 days so far (T4's began
    // in February): mean 22 / 3 = 7.33, median 6.
    assert_eq!(fig(0), (3, 1, Some(7.33), Some(6.0)));
    // «Кваліфікація»: T1 1.5, T2 1, T4 19 so far: mean 21.5 / 3 = 7.17, median 1.5.
    assert_eq!(fig(1), (3, 1, Some(7.17), Some(1.5)));
    // «КП надіслано»: T1 from 5 March 12:00 to now, 14.5 days.
    assert_eq!(fig(2), (1, 1, Some(14.5), Some(14.5)));
    assert_eq!(fig(3), (0, 0, None, None));
    // Stuck over 14 days: T4 (19 days in «Кваліфікація») and T1 (14.5 in КП), longest first;
    // T3's 14 days exactly is not over.
    let stuck: Vec<(&str, f64)> = r.stuck.iter().map(|s| (s.title.as_str(), s.days_in_stage)).collect();
    assert_eq!(stuck, [("T4", 19.0), ("T1", 14.5)]);
    assert_eq!(r.stuck_total, 2);

    let only_petro = ReportFilter {
        manager_id: Some(petro),
        ..march()
    };
    let r = ctx
        .store
        .time_in_stage_report(&only_petro, &ReportOptions::default())
        .await
        .unwrap();
    // Petro's «Кваліфікація»: T2 1 day and T4 19 days: mean 10, median (1 + 19) / 2 = 10.
    assert_eq!(
        (r.stages[1].spells, r.stages[1].mean_days, r.stages[1].median_days),
        (2, Some(10.0), Some(10.0))
    );
    assert_eq!(r.stuck_total, 1);
    let r = ctx
        .store
        .time_in_stage_report(
            &march(),
            &ReportOptions {
                stuck_after_days: Some(15),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(r.stuck_total, 1, "with a 15-day threshold only T4 is stuck");
}

fn done_task(ctx: &Ctx, assignee: Id, done: &str, result: Option<&str>) -> Task {
    let when = at(done);
    Task {
        meta: Meta::new(Id::v7(when, rand_bits(done, result)), when),
        data: TaskData {
            kind: TaskKind::Call,
            title: voronka_core::types::ShortText::parse("Передзвонити").unwrap(),
            deal_id: None,
            company_id: None,
            contact_id: None,
            assignee_id: assignee,
            due_at: when,
        },
        author_id: ctx.head.meta.id,
        done_at: Some(when),
        result: result.map(Into::into),
    }
}

fn rand_bits(a: &str, b: Option<&str>) -> u128 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (a, b).hash(&mut h);
    h.finish() as u128
}

pub async fn discipline_lists_what_breaks_the_rules(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-03-10 09:00");
    let _d1 = b.deal(olena, "D1", "100", None).await;
    b.now("2026-03-10 09:01");
    let _d2 = b
        .deal_of(
            olena,
            "D2",
            "100",
            Some("Кваліфікація"),
            Some((&b.company, &b.contact)),
            |d| d.expected_close_date = Some("2026-03-05".into()),
        )
        .await;
    b.now("2026-03-10 09:02");
    let _d3 = b
        .deal_of(
            petro,
            "D3",
            "100",
            Some("Кваліфікація"),
            Some((&b.company, &b.contact)),
            |d| d.planned_payment_date = Some("2026-03-20".into()),
        )
        .await;
    b.now("2026-03-10 09:03");
    let d4 = b
        .deal_of(
            petro,
            "D4",
            "100",
            Some("Кваліфікація"),
            Some((&b.company, &b.contact)),
            |d| d.expected_close_date = Some("2026-03-01".into()),
        )
        .await;
    let task = |title: &str, deal: Option<Id>, due: &str| TaskInput {
        kind: TaskKind::Call,
        title: title.into(),
        deal_id: deal,
        company_id: None,
        contact_id: None,
        assignee_id: Some(petro),
        due_at: at(due),
    };
    ctx.store
        .create_task(petro, &task("Узгодити договір", Some(d4.meta.id), "2026-03-12 10:00"))
        .await
        .unwrap();
    let late = ctx
        .store
        .create_task(petro, &task("Передзвонити", None, "2026-03-09 09:00"))
        .await
        .unwrap();
    // Results the store would refuse today, from an import of older data.
    let empty_ok = done_task(&ctx, olena, "2026-03-09 12:00", Some("ok"));
    let empty_plus = done_task(&ctx, petro, "2026-03-08 12:00", Some(" + "));
    let fine = done_task(&ctx, olena, "2026-03-09 13:00", Some("Домовились про зустріч"));
    let february = done_task(&ctx, olena, "2026-02-09 13:00", Some("ok"));
    ctx.store
        .import(
            None,
            &Import {
                tasks: vec![empty_ok.clone(), empty_plus.clone(), fine, february],
                ..Default::default()
            },
        )
        .await
        .unwrap();

    b.now("2026-03-10 10:00");
    let r = ctx
        .store
        .discipline_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.today, day("2026-03-10"));
    // D1 has its new-lead task; D4 has a task; D2 and D3 have none.
    let titles: Vec<&str> = r.deals_without_task.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["D2", "D3"]);
    assert_eq!(r.deals_without_task_total, 2);
    // D2's expected close (5 March) has passed; D3's payment date has not; D4 has a task.
    let titles: Vec<&str> = r.past_due_deals.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["D2"]);
    assert_eq!(r.past_due_deals[0].expected_close_date, Some(day("2026-03-05")));
    // Overdue at 10:00: Petro's call due yesterday, Olena's new-lead task due 09:15.
    let overdue: Vec<(&str, i64)> = r
        .overdue_by_manager
        .iter()
        .map(|o| (o.manager.name.as_str(), o.overdue))
        .collect();
    assert_eq!(overdue, [("Олена Коваль", 1), ("Петро Шевчук", 1)]);
    assert_eq!(r.overdue_tasks_total, 2);
    assert_eq!(r.overdue_tasks[0].task_id, late.meta.id, "the longest overdue first");
    assert_eq!(r.overdue_tasks[1].due_at, at("2026-03-10 09:15").timestamp_millis());
    // Done in March with a result that says nothing: " + " (8th) and "ok" (9th).
    let empty: Vec<Id> = r.empty_results.iter().map(|t| t.task_id).collect();
    assert_eq!(empty, [empty_plus.meta.id, empty_ok.meta.id]);
    assert_eq!(r.empty_results_total, 2);

    let only_olena = ReportFilter {
        manager_id: Some(olena),
        ..march()
    };
    let r = ctx
        .store
        .discipline_report(&only_olena, &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(
        (
            r.deals_without_task_total,
            r.overdue_tasks_total,
            r.past_due_deals_total,
            r.empty_results_total
        ),
        (1, 1, 1, 1)
    );
}

/// (manager, count, amount, [(stage of loss, count, amount)]).
type ManagerLosses<'a> = (&'a str, i64, i64, Vec<(&'a str, i64, i64)>);
/// (manager, [(reason, count, amount)]).
type ManagerReasons<'a> = (&'a str, Vec<(&'a str, i64, i64)>);

pub async fn loss_reasons_count_by_reason_manager_and_stage(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-02-20 10:00");
    let old = b.deal(olena, "L5", "9000", None).await;
    b.lose(&old, 0).await;
    b.now("2026-03-02 10:00");
    let l1 = b.deal(olena, "L1", "1000", None).await;
    let l2 = b.deal(olena, "L2", "2000", None).await;
    let l3 = b.deal(petro, "L3", "500", None).await;
    let l4 = b.deal(petro, "L4", "300", None).await;
    let l1 = b.walk(l1, &[("2026-03-03 10:00", "Кваліфікація")]).await;
    let l3 = b
        .walk(
            l3,
            &[
                ("2026-03-03 10:00", "Кваліфікація"),
                ("2026-03-04 10:00", "КП надіслано"),
            ],
        )
        .await;
    let l4 = b.walk(l4, &[("2026-03-03 10:00", "Кваліфікація")]).await;
    b.now("2026-03-05 10:00");
    b.lose(&l1, 0).await;
    b.lose(&l2, 0).await;
    b.lose(&l3, 1).await;
    b.lose(&l4, 0).await;

    let r = ctx
        .store
        .loss_reasons_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    // L1 100 000 + L2 200 000 + L3 50 000 + L4 30 000 = 380 000; L5 was lost in February.
    assert_eq!((r.lost, r.amount), (4, 380_000));
    let reasons: Vec<(&str, i64, i64)> = r
        .by_reason
        .iter()
        .map(|x| (x.reason.as_deref().unwrap(), x.count, x.amount))
        .collect();
    // «Ціна»: L1, L2, L4 = 330 000; «Обрали конкурента»: L3 = 50 000.
    assert_eq!(reasons, [("Ціна", 3, 330_000), ("Обрали конкурента", 1, 50_000)]);
    let by: Vec<ManagerLosses> = r
        .by_manager
        .iter()
        .map(|m| {
            (
                m.manager.name.as_str(),
                m.count,
                m.amount,
                m.by_stage
                    .iter()
                    .map(|s| (s.stage.as_ref().unwrap().name.as_str(), s.count, s.amount))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        by,
        [
            // L2 lost straight from «Новий лід», L1 from «Кваліфікація».
            (
                "Олена Коваль",
                2,
                300_000,
                vec![("Новий лід", 1, 200_000), ("Кваліфікація", 1, 100_000)]
            ),
            // L4 from «Кваліфікація», L3 from «КП надіслано».
            (
                "Петро Шевчук",
                2,
                80_000,
                vec![("Кваліфікація", 1, 30_000), ("КП надіслано", 1, 50_000)]
            ),
        ]
    );
    // The stacked bar: Олена lost L1 and L2 over «Ціна»; Петро L4 over «Ціна» and L3 over
    // «Обрали конкурента», «Ціна» first as the reason with most losses overall.
    let stacks: Vec<ManagerReasons> = r
        .by_manager
        .iter()
        .map(|m| {
            (
                m.manager.name.as_str(),
                m.by_reason
                    .iter()
                    .map(|x| (x.reason.as_deref().unwrap(), x.count, x.amount))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        stacks,
        [
            ("Олена Коваль", vec![("Ціна", 2, 300_000)]),
            (
                "Петро Шевчук",
                vec![("Ціна", 1, 30_000), ("Обрали конкурента", 1, 50_000)]
            ),
        ]
    );
}

pub async fn lead_response_takes_the_first_contact(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    b.now("2026-03-02 10:00");
    let r1 = b.deal(olena, "R1", "100", None).await;
    b.contact_lead_done(&r1, "2026-03-02 10:12").await;
    b.now("2026-03-02 11:00");
    let r2 = b.deal(olena, "R2", "100", None).await;
    b.log(
        olena,
        ActivityKind::Call,
        "2026-03-02 11:30",
        Some(&r2),
        None,
        Direction::Outbound,
    )
    .await;
    b.contact_lead_done(&r2, "2026-03-02 12:00").await;
    b.now("2026-03-03 09:00");
    let r3 = b.deal(olena, "R3", "100", None).await;
    b.log(
        olena,
        ActivityKind::Call,
        "2026-03-03 09:05",
        Some(&r3),
        None,
        Direction::Inbound,
    )
    .await;
    b.log(
        olena,
        ActivityKind::Email,
        "2026-03-03 09:20",
        Some(&r3),
        None,
        Direction::Outbound,
    )
    .await;
    b.now("2026-03-03 10:00");
    b.deal(olena, "R4", "100", None).await;
    b.now("2026-03-04 10:00");
    let r5 = b.deal(petro, "R5", "100", None).await;
    b.log(
        petro,
        ActivityKind::Call,
        "2026-03-04 10:05",
        Some(&r5),
        None,
        Direction::Outbound,
    )
    .await;
    b.now("2026-03-04 11:00");
    let r6 = b.deal(petro, "R6", "100", None).await;
    b.contact_lead_done(&r6, "2026-03-04 11:15").await;

    let r = ctx
        .store
        .lead_response_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.limit_minutes, 15);
    let row = |x: &LeadResponseRow| {
        (
            name_of(&x.manager).to_string(),
            x.leads,
            x.answered,
            x.within_limit,
            x.median_minutes,
            x.share_within_limit,
        )
    };
    // Olena: R1 12 min (task), R2 30 (the call before the task), R3 20 (the outbound email;
    // the inbound call is no answer), R4 none. Median of 12, 20, 30 = 20; within 15: R1 only,
    // 1 of 4 leads = 25 %.
    assert_eq!(
        row(&r.managers[0]),
        ("Олена Коваль".into(), 4, 3, 1, Some(20.0), Some(25.0))
    );
    // Petro: R5 5 min, R6 15 (the limit itself counts): median (5 + 15) / 2 = 10, 2 of 2.
    assert_eq!(
        row(&r.managers[1]),
        ("Петро Шевчук".into(), 2, 2, 2, Some(10.0), Some(100.0))
    );
    // Team: 5, 12, 15, 20, 30 → median 15; 3 of 6 within = 50 %.
    assert_eq!(row(&r.team), ("team".into(), 6, 5, 3, Some(15.0), Some(50.0)));
}

/// The funnel and lead response read figures kept on each deal; they must follow a deleted and
/// restored call and a stage moved to another place in the pipeline.
pub async fn report_figures_follow_deletes_restores_and_reordered_stages(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, s) = (ctx.olena_id(), &ctx.store);
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "D", "100", None).await;
    let call = b.outbound_call(olena, "2026-03-02 10:05", &deal).await;
    let response = || async {
        let r = s
            .lead_response_report(&march(), &ReportOptions::default())
            .await
            .unwrap();
        (r.team.answered, r.team.median_minutes)
    };
    // Answered by the call 5 minutes after the deal came in.
    assert_eq!(response().await, (1, Some(5.0)));
    // The call is also the company's latest contact, so the company is not idle, and it is
    // Olena's call of the day.
    let contact = || async {
        let r = s.activity_report(&march(), &ReportOptions::default()).await.unwrap();
        let calls: i64 = r
            .days
            .iter()
            .filter(|d| d.day == day("2026-03-02"))
            .map(|d| d.calls)
            .sum();
        let idle = r
            .idle_companies
            .iter()
            .find(|c| c.company_id == b.company.meta.id)
            .map(|c| c.last_contact);
        (idle, calls)
    };
    assert_eq!(contact().await, (None, 1));
    let gone = s
        .delete::<Activity>(olena, call.meta.id, call.meta.version)
        .await
        .unwrap();
    assert_eq!(response().await, (0, None), "a deleted call answers nothing");
    assert_eq!(
        contact().await,
        (Some(None), 0),
        "nor is it a contact or a call of the day"
    );
    s.restore::<Activity>(olena, call.meta.id, gone.meta.version)
        .await
        .unwrap();
    assert_eq!(response().await, (1, Some(5.0)), "restored, it answers again");
    assert_eq!(contact().await, (None, 1));

    let deal = b.walk(deal, &[("2026-03-03 10:00", "КП надіслано")]).await;
    let reached = || async {
        let r = s.funnel_report(&march(), &ReportOptions::default()).await.unwrap();
        r.team.stages.iter().map(|st| st.reached).collect::<Vec<i64>>()
    };
    // Furthest: «КП надіслано», the third step.
    assert_eq!(reached().await, [1, 1, 1, 0, 0, 0, 0, 0]);
    // The admin moves «КП надіслано» past «Успішно»: it is now the last step, so the deal has
    // reached every step before it.
    let kp = ctx.stage("КП надіслано");
    let last = ctx.stage("Успішно").data.position;
    s.update_stage(
        ctx.admin.meta.id,
        kp.meta.id,
        kp.meta.version,
        &StageInput {
            pipeline_id: kp.data.pipeline_id,
            name: kp.data.name.to_string(),
            position: last + 1,
            kind: kp.data.kind,
            win_probability: Some(kp.data.win_probability),
            required_fields: kp.data.required_fields.clone(),
        },
    )
    .await
    .unwrap();
    assert_eq!(reached().await, [1, 1, 1, 1, 1, 1, 1, 1]);

    // The deal's only open task is its "contact the lead"; once it is done with a next task
    // the deal still has one, and once that is deleted it has none.
    let without_task = || async {
        let r = s.discipline_report(&march(), &ReportOptions::default()).await.unwrap();
        r.deals_without_task
            .iter()
            .map(|d| d.title.clone())
            .collect::<Vec<String>>()
    };
    assert_eq!(without_task().await, Vec::<String>::new());
    b.contact_lead_done(&deal, "2026-03-03 11:00").await;
    assert_eq!(without_task().await, Vec::<String>::new());
    let next = s
        .list_tasks(
            &TaskFilter {
                deal_id: Some(deal.meta.id),
                open: true,
                ..Default::default()
            },
            Page::first(10),
        )
        .await
        .unwrap()
        .items
        .remove(0);
    s.delete::<Task>(ctx.olena_id(), next.meta.id, next.meta.version)
        .await
        .unwrap();
    assert_eq!(without_task().await, ["D"]);
}

/// A deal moved to another pipeline takes its calls along, and stays in the first one's funnel
/// for the stages it passed there, as it stays in its time in stage.
pub async fn a_deal_moved_to_another_pipeline_counts_where_its_history_was(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, s) = (ctx.olena_id(), &ctx.store);
    let (service, first) = b.service_pipeline().await;
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "D", "100", None).await;
    let deal = b.walk(deal, &[("2026-03-02 11:00", "Кваліфікація")]).await;
    b.outbound_call(olena, "2026-03-02 10:05", &deal).await;
    let in_pipeline = |p: Id| {
        let mut f = march();
        f.pipeline_id = Some(p);
        f
    };
    let figures = |p: Id| async move {
        let o = ReportOptions::default();
        let a = s.activity_report(&in_pipeline(p), &o).await.unwrap();
        let calls: i64 = a.days.iter().map(|d| d.calls).sum();
        let f = s.funnel_report(&in_pipeline(p), &o).await.unwrap();
        (calls, f.team.stages.iter().map(|st| st.reached).collect::<Vec<i64>>())
    };
    // In the sales pipeline: one call, and the deal reached «Кваліфікація».
    assert_eq!(figures(ctx.pipeline.meta.id).await, (1, vec![1, 1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(figures(service.meta.id).await, (0, vec![0, 0]));
    b.now("2026-03-03 10:00");
    s.move_deal(
        olena,
        deal.meta.id,
        deal.meta.version,
        &MoveDeal {
            stage_id: Some(first.meta.id),
            loss_reason_id: None,
            loss_comment: None,
        },
    )
    .await
    .unwrap();
    // Moved, the deal's call follows it to the service pipeline, where it now is; its funnel
    // counts it in both: in sales for the two stages it passed there, in service from the
    // first stage.
    assert_eq!(figures(ctx.pipeline.meta.id).await, (0, vec![1, 1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(figures(service.meta.id).await, (1, vec![1, 0]));
    let o = ReportOptions::default();
    let funnel = s.funnel_report(&in_pipeline(ctx.pipeline.meta.id), &o).await.unwrap();
    assert_eq!(
        (funnel.team.created, funnel.team.won, funnel.team.stages[0].open_count),
        (1, 0, 0),
        "it entered the sales pipeline, and is open elsewhere now"
    );
    // Time in stage counts the same deal's spells in the stages the funnel says it reached.
    let times = s
        .time_in_stage_report(&in_pipeline(ctx.pipeline.meta.id), &o)
        .await
        .unwrap();
    let with_spells: Vec<usize> = times.stages.iter().map(|t| t.spells as usize).collect();
    let reached: Vec<usize> = funnel.team.stages.iter().map(|st| st.reached as usize).collect();
    assert_eq!(with_spells, reached[..with_spells.len()].to_vec());
    let everywhere = s.funnel_report(&march(), &o).await.unwrap();
    assert_eq!(everywhere.team.created, 1, "across pipelines the deal is one deal");
    let reached: Vec<i64> = everywhere.team.stages.iter().map(|st| st.reached).collect();
    assert_eq!(reached, [1, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
}

pub async fn new_vs_existing_splits_revenue_by_earlier_wins(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let c2 = ctx.company("Вікно", "0671110002").await;
    let c2p = ctx.contact(&c2, "Марія Вікно", "0501110002").await;
    let c3 = ctx.company("Двері", "0671110003").await;
    let c3p = ctx.contact(&c3, "Олег Двері", "0501110003").await;
    // «Дах» won a deal in February: an existing client in March.
    b.now("2026-02-10 10:00");
    let feb = b.deal(olena, "Лютий", "700", None).await;
    let feb = b.moved(&feb, "Успішно", None).await;
    b.pay(&feb, "700", "2026-02-10", Some("2026-02-11 10:00")).await;
    b.now("2026-03-02 10:00");
    let again = b.deal(olena, "Дах знову", "1000", None).await;
    b.pay(&again, "1000", "2026-03-05", Some("2026-03-05 10:00")).await;
    let window = b.deal_of(petro, "Вікно", "2000", None, Some((&c2, &c2p)), |_| {}).await;
    b.now("2026-03-03 10:00");
    let window = b.moved(&window, "Успішно", None).await;
    b.pay(&window, "2000", "2026-03-06", Some("2026-03-06 10:00")).await;
    let door = b.deal_of(olena, "Двері", "500", None, Some((&c3, &c3p)), |_| {}).await;
    b.pay(&door, "500", "2026-03-07", Some("2026-03-07 10:00")).await;
    b.pay(&door, "900", "2026-03-20", None).await;
    let walk_in = b.deal_of(olena, "Без компанії", "300", None, None, |_| {}).await;
    b.pay(&walk_in, "300", "2026-03-08", Some("2026-03-08 10:00")).await;

    let r = ctx
        .store
        .new_vs_existing_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    let row = |x: &RevenueSplit| {
        (
            x.new_companies,
            x.new_revenue,
            x.existing_companies,
            x.existing_revenue,
            x.without_company_revenue,
            x.new_share,
        )
    };
    // Olena: «Двері» new 50 000; «Дах» existing 100 000; no company 30 000;
    // 50 000 / 180 000 = 27.78 → 27.8 %.
    assert_eq!(name_of(&r.managers[0].manager), "Олена Коваль");
    assert_eq!(row(&r.managers[0]), (1, 50_000, 1, 100_000, 30_000, Some(27.8)));
    // Petro: «Вікно» won in March, not before it: new, 200 000.
    assert_eq!(row(&r.managers[1]), (1, 200_000, 0, 0, 0, Some(100.0)));
    // Team: 250 000 new of 380 000 = 65.79 → 65.8 %; the February payment and the unpaid one
    // are not March revenue.
    assert_eq!(row(&r.team), (2, 250_000, 1, 100_000, 30_000, Some(65.8)));
}

/// Revenue is summed off each payment's copy of its deal's company, owner and pipeline: the
/// copies follow the deal when it changes hands, changes client, is deleted and comes back, in
/// every report that counts revenue.
pub async fn revenue_follows_its_deal(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let s = &ctx.store;
    let window = ctx.company("Вікно", "0671110002").await;
    let window_person = ctx.contact(&window, "Марія Вікно", "0501110002").await;
    b.now("2026-03-02 10:00");
    let deal = b.deal(olena, "Дах", "1000", None).await;
    b.pay(&deal, "1000", "2026-03-05", Some("2026-03-05 10:00")).await;
    // The March revenue per manager on the dashboard and in the activity report's plan
    // fulfilment, the same for both, and the team's on the dashboard.
    let credited = || async {
        let dash = s.dashboard_report(&march(), &ReportOptions::default()).await.unwrap();
        let activity = s.activity_report(&march(), &ReportOptions::default()).await.unwrap();
        let mut fact: Vec<(Id, i64)> = dash
            .managers
            .iter()
            .filter(|m| m.fact > 0)
            .map(|m| (m.manager.as_ref().unwrap().id, m.fact))
            .collect();
        let mut fulfilled: Vec<(Id, i64)> = activity
            .plan_fulfilment
            .iter()
            .filter(|m| m.month == "2026-03" && m.revenue_fact > 0)
            .map(|m| (m.manager.id, m.revenue_fact))
            .collect();
        fact.sort();
        fulfilled.sort();
        assert_eq!(fact, fulfilled, "the dashboard and the activity report agree");
        (fact, dash.team.fact)
    };
    // (client, revenue) by ABC, and (manager, new revenue) of new vs existing, in March; and
    // the ABC rows of Petro's deals alone.
    let seen = || async {
        let abc = s.abc_xyz_report(&march(), &ReportOptions::default()).await.unwrap();
        let split = s
            .new_vs_existing_report(&march(), &ReportOptions::default())
            .await
            .unwrap();
        let petros = ReportFilter {
            manager_id: Some(petro),
            ..march()
        };
        let petros = s.abc_xyz_report(&petros, &ReportOptions::default()).await.unwrap();
        (
            abc.companies
                .iter()
                .map(|c| (c.company.clone(), c.revenue))
                .collect::<Vec<_>>(),
            split
                .managers
                .iter()
                .map(|m| (m.manager.as_ref().map(|p| p.id), m.new_revenue))
                .collect::<Vec<_>>(),
            petros.companies.len(),
        )
    };
    assert_eq!(
        seen().await,
        (vec![("Дах".to_string(), 100_000)], vec![(Some(olena), 100_000)], 0)
    );
    assert_eq!(credited().await, (vec![(olena, 100_000)], 100_000));

    // The deal goes to Petro and to «Вікно»: so does its payment.
    let mut input = ctx.deal_with("Дах", &window, &window_person);
    input.owner_id = Some(petro);
    input.amount = Some("1000".into());
    let deal = s
        .update_deal(ctx.head.meta.id, deal.meta.id, deal.meta.version, &input)
        .await
        .unwrap();
    assert_eq!(
        seen().await,
        (vec![("Вікно".to_string(), 100_000)], vec![(Some(petro), 100_000)], 1)
    );
    assert_eq!(credited().await, (vec![(petro, 100_000)], 100_000));

    // Deleted, the deal brings no revenue; restored, it does again.
    let gone = s.delete::<Deal>(petro, deal.meta.id, deal.meta.version).await.unwrap();
    assert_eq!(seen().await, (vec![], vec![], 0));
    assert_eq!(credited().await, (vec![], 0));
    s.restore::<Deal>(petro, deal.meta.id, gone.meta.version).await.unwrap();
    assert_eq!(
        seen().await,
        (vec![("Вікно".to_string(), 100_000)], vec![(Some(petro), 100_000)], 1)
    );
    assert_eq!(credited().await, (vec![(petro, 100_000)], 100_000));
}

pub async fn abc_xyz_ranks_clients_and_measures_steadiness(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let olena = ctx.olena_id();
    let mut clients = vec![(b.company.clone(), b.contact.clone())];
    for (i, name) in ["Вікно", "Двері", "Паркан"].iter().enumerate() {
        let c = ctx.company(name, &format!("067111000{}", i + 2)).await;
        let p = ctx
            .contact(&c, &format!("Контакт {name}"), &format!("050111000{}", i + 2))
            .await;
        clients.push((c, p));
    }
    b.now("2025-10-01 10:00");
    let months = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];
    // Monthly revenue in UAH, October to March.
    let plan: [[i64; 6]; 4] = [
        [7000, 7000, 7000, 7000, 7000, 7000],
        [2000, 1000, 1500, 1500, 1500, 1500],
        [0, 0, 0, 0, 0, 1000],
        [500, 500, 500, 500, 500, 500],
    ];
    for ((company, contact), monthly) in clients.iter().zip(plan) {
        let deal = b
            .deal_of(
                olena,
                company.data.name.as_str(),
                "100000",
                None,
                Some((company, contact)),
                |_| {},
            )
            .await;
        for (m, amount) in months.iter().zip(monthly) {
            if amount > 0 {
                let d = format!("{m}-15");
                b.pay(&deal, &amount.to_string(), &d, Some(&format!("{d} 10:00"))).await;
            }
        }
    }

    let r = ctx
        .store
        .abc_xyz_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(r.months, months);
    // March: 700 000 + 150 000 + 100 000 + 50 000 = 1 000 000.
    assert_eq!(r.total_revenue, 1_000_000);
    let rows: Vec<(&str, i64, f64, f64, AbcClass)> = r
        .companies
        .iter()
        .map(|c| (c.company.as_str(), c.revenue, c.share, c.cumulative_share, c.abc))
        .collect();
    assert_eq!(
        rows,
        [
            // 70 % ≤ 80 → A; 85 % → B; 95 % exactly → still B; 100 % → C.
            ("Дах", 700_000, 70.0, 70.0, AbcClass::A),
            ("Вікно", 150_000, 15.0, 85.0, AbcClass::B),
            ("Двері", 100_000, 10.0, 95.0, AbcClass::B),
            ("Паркан", 50_000, 5.0, 100.0, AbcClass::C),
        ]
    );
    let xyz: Vec<(Option<f64>, XyzClass)> = r.companies.iter().map(|c| (c.variation, c.xyz)).collect();
    assert_eq!(
        xyz,
        [
            // Steady: σ = 0.
            (Some(0.0), XyzClass::X),
            // Mean 1500; deviations 500, −500, 0 × 4: σ = √(500 000 / 6) = 288.68;
            // σ/μ = 0.192 (the sample σ would give 0.211) → Y.
            (Some(0.192), XyzClass::Y),
            // One month of six: mean 166.67, σ = 372.68, σ/μ = √5 = 2.236 → Z.
            (Some(2.236), XyzClass::Z),
            (Some(0.0), XyzClass::X),
        ]
    );
    assert_eq!(
        r.companies[1].monthly,
        [200_000, 100_000, 150_000, 150_000, 150_000, 150_000]
    );
    let matrix: Vec<(String, i64)> = r
        .matrix
        .iter()
        .filter(|c| c.companies > 0)
        .map(|c| (format!("{:?}{:?}", c.abc, c.xyz), c.revenue))
        .collect();
    assert_eq!(
        matrix,
        [
            ("AX".to_string(), 700_000),
            ("BY".to_string(), 150_000),
            ("BZ".to_string(), 100_000),
            ("CX".to_string(), 50_000)
        ]
    );

    // An export takes the same clients, ranked by the database, one at a time as it writes them.
    let export = ctx
        .store
        .report_export(ReportName::AbcXyz, &march(), &ReportOptions::default())
        .await
        .unwrap();
    let ReportExport::AbcXyz(ranked) = export else {
        panic!("ABC/XYZ's clients stream into an export, got {export:?}")
    };
    assert_eq!(ranked.months, months);
    let streamed = tokio::task::spawn_blocking(move || ranked.companies.collect::<Result<Vec<_>, _>>())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(streamed, r.companies);
    // An export that stops after its first client lets its snapshot and connection go: more of
    // them than the pool has connections leave the store answering.
    for _ in 0..6 {
        let Ok(ReportExport::AbcXyz(mut ranked)) = ctx
            .store
            .report_export(ReportName::AbcXyz, &march(), &ReportOptions::default())
            .await
        else {
            panic!("ABC/XYZ streams")
        };
        let first = tokio::task::spawn_blocking(move || ranked.companies.next())
            .await
            .unwrap();
        assert_eq!(first.unwrap().unwrap().company, "Дах");
    }
    let again = ctx
        .store
        .abc_xyz_report(&march(), &ReportOptions::default())
        .await
        .unwrap();
    assert_eq!(again.companies, r.companies);
    // Every other report comes whole, and a bad period is refused before anything is read.
    let whole = ctx
        .store
        .report_export(ReportName::Funnel, &march(), &ReportOptions::default())
        .await
        .unwrap();
    assert!(matches!(whole, ReportExport::Whole(Report::Funnel(_))), "{whole:?}");
    let reversed = period("2026-03-31", "2026-03-01");
    let refused = ctx
        .store
        .report_export(ReportName::AbcXyz, &reversed, &ReportOptions::default())
        .await
        .unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("to"), "{refused:?}");
}

pub async fn activity_counts_days_idle_clients_and_plans(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let c2 = ctx.company("Вікно", "0671110002").await;
    let c3 = ctx.company("Двері", "0671110003").await;
    b.plan(Some(olena), "2026-03", 1_000_000, 10, 4).await;
    b.plan(Some(olena), "2026-02", 500_000, 5, 2).await;
    let dah = Some(&b.company);
    use ActivityKind::{Call, Meeting};
    use Direction::Outbound;
    b.log(olena, Call, "2026-02-01 10:00", None, Some(&c3), Outbound).await;
    b.log(olena, Call, "2026-03-08 10:00", None, dah, Outbound).await;
    b.log(olena, Call, "2026-03-09 10:00", None, dah, Outbound).await;
    b.log(olena, Call, "2026-03-09 11:00", None, dah, Outbound).await;
    b.log(olena, Call, "2026-03-10 09:30", None, dah, Outbound).await;
    b.log(olena, Meeting, "2026-03-10 12:00", None, dah, Outbound).await;
    b.log(petro, Call, "2026-03-10 15:00", None, dah, Outbound).await;
    b.now("2026-03-09 12:00");
    let deal = b.deal(olena, "Дах", "2500", None).await;
    b.contact_lead_done(&deal, "2026-03-09 13:00").await;
    b.pay(&deal, "2500", "2026-03-12", Some("2026-03-12 10:00")).await;

    b.now("2026-03-20 00:00");
    let r = ctx
        .store
        .activity_report(&period("2026-03-09", "2026-03-10"), &ReportOptions::default())
        .await
        .unwrap();
    let days: Vec<(NaiveDate, &str, i64, i64, i64)> = r
        .days
        .iter()
        .map(|d| (d.day, d.manager.name.as_str(), d.calls, d.meetings, d.tasks_done))
        .collect();
    assert_eq!(
        days,
        [
            (day("2026-03-09"), "Олена Коваль", 2, 0, 1),
            (day("2026-03-10"), "Олена Коваль", 1, 1, 0),
            (day("2026-03-10"), "Петро Шевчук", 1, 0, 0),
        ],
        "the 8 March call is outside the period"
    );
    // 30 days before 20 March is 18 February: «Вікно» was never contacted, «Двері» last on
    // 1 February; «Дах» on 10 March is fine.
    let idle: Vec<(&str, Option<NaiveDate>)> = r
        .idle_companies
        .iter()
        .map(|c| (c.company.as_str(), c.last_contact))
        .collect();
    assert_eq!(idle, [("Вікно", None), ("Двері", Some(day("2026-02-01")))]);
    assert_eq!(r.idle_companies_total, 2);
    let _ = c2;
    let months =
        |name: &str| -> Vec<&MonthFulfilment> { r.plan_fulfilment.iter().filter(|p| p.manager.name == name).collect() };
    let o = months("Олена Коваль");
    assert_eq!(o.len(), 6, "October to March");
    assert_eq!(o[0].month, "2025-10");
    let f = |p: &MonthFulfilment| {
        (
            p.revenue_plan,
            p.revenue_fact,
            p.revenue_percent,
            p.calls_plan,
            p.calls_fact,
            p.calls_percent,
            p.meetings_plan,
            p.meetings_fact,
            p.meetings_percent,
        )
    };
    // February: one call of 5 = 20 %, no meetings of 2, no revenue of 500 000.
    assert_eq!(f(o[4]), (500_000, 0, Some(0.0), 5, 1, Some(20.0), 2, 0, Some(0.0)));
    // March: 250 000 of 1 000 000 = 25 %; 4 calls of 10 = 40 %; 1 meeting of 4 = 25 %.
    assert_eq!(
        f(o[5]),
        (1_000_000, 250_000, Some(25.0), 10, 4, Some(40.0), 4, 1, Some(25.0))
    );
    let p = months("Петро Шевчук");
    assert_eq!(
        f(p[5]),
        (0, 0, None, 0, 1, None, 0, 0, None),
        "no plan: nothing to fulfil"
    );
}

pub async fn reports_refuse_a_reversed_period_and_render_as_tables(ctx: Ctx) {
    let backwards = period("2026-03-31", "2026-03-01");
    for name in ReportName::ALL {
        let err = ctx
            .store
            .report(name, &backwards, &ReportOptions::default())
            .await
            .unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("to"),
            "{name}: the period's end is what is wrong"
        );
        let empty: Result<Report> = ctx.store.report(name, &march(), &ReportOptions::default()).await;
        let report = empty.unwrap();
        assert_eq!(report.name(), name);
        for table in report.tables() {
            for row in table.rows.iter().chain(&table.totals) {
                assert_eq!(
                    row.len(),
                    table.columns.len(),
                    "{name}/{}: a cell per column",
                    table.key
                );
            }
        }
    }
}

/// The funnel, lead response and the team's time in stage count each day's deals and spells off
/// roll-ups: a deleted deal leaves all three and a restored one comes back, and the team's time
/// in stage off the roll-up equals a lone manager's, which is counted from the spells themselves.
pub async fn rollups_follow_deleted_and_restored_deals(ctx: Ctx) {
    let b = Book::new(&ctx).await;
    let (olena, s) = (ctx.olena_id(), &ctx.store);
    b.now("2026-03-02 10:00");
    let d1 = b.deal(olena, "D1", "100", None).await;
    b.outbound_call(olena, "2026-03-02 10:07", &d1).await;
    b.walk(
        d1,
        &[
            ("2026-03-04 10:00", "Кваліфікація"),
            ("2026-03-05 22:00", "КП надіслано"),
        ],
    )
    .await;
    b.now("2026-03-03 09:00");
    let d2 = b.deal(olena, "D2", "250", None).await;
    b.outbound_call(olena, "2026-03-03 09:03", &d2).await;
    let d2 = b.walk(d2, &[("2026-03-04 09:00", "Кваліфікація")]).await;
    b.now("2026-03-20 00:00");

    type Stages = Vec<(i64, i64, Option<f64>, Option<f64>)>;
    let time = |filter: ReportFilter| async move {
        let r = s
            .time_in_stage_report(&filter, &ReportOptions::default())
            .await
            .unwrap();
        r.stages[0..2]
            .iter()
            .map(|st| (st.spells, st.current, st.mean_days, st.median_days))
            .collect::<Stages>()
    };
    let figures = || async {
        let o = ReportOptions::default();
        let funnel = s.funnel_report(&march(), &o).await.unwrap();
        let lead = s.lead_response_report(&march(), &o).await.unwrap();
        (
            funnel.team.stages.iter().map(|st| st.reached).collect::<Vec<i64>>(),
            (lead.team.leads, lead.team.median_minutes),
            time(march()).await,
        )
    };
    // D1 reached «КП надіслано», D2 «Кваліфікація». Answered in 7 and 3 minutes: median 5.
    // «Новий лід»: D1 2 days, D2 1 day, both closed: mean and median 1.5. «Кваліфікація»: D1
    // 1.5 days closed, D2 from 4 March 09:00 to now, 15.625 days: mean and median 8.5625.
    let both = (
        vec![2, 2, 1, 0, 0, 0, 0, 0],
        (2, Some(5.0)),
        vec![(2, 0, Some(1.5), Some(1.5)), (2, 1, Some(8.56), Some(8.56))],
    );
    assert_eq!(figures().await, both);
    let only_olena = ReportFilter {
        manager_id: Some(olena),
        ..march()
    };
    assert_eq!(time(only_olena.clone()).await, both.2, "the lone manager's own spells");

    let gone = s.delete::<Deal>(olena, d2.meta.id, d2.meta.version).await.unwrap();
    assert_eq!(
        figures().await,
        (
            vec![1, 1, 1, 0, 0, 0, 0, 0],
            (1, Some(7.0)),
            vec![(1, 0, Some(2.0), Some(2.0)), (1, 0, Some(1.5), Some(1.5))],
        ),
        "a deleted deal counts nowhere"
    );
    assert_eq!(time(only_olena.clone()).await, figures().await.2);
    s.restore::<Deal>(olena, gone.meta.id, gone.meta.version).await.unwrap();
    assert_eq!(figures().await, both, "restored, it counts again");
    assert_eq!(time(only_olena).await, both.2);
}

/// A filter naming a manager or pipeline that does not exist is refused on its field, by every
/// report and export, instead of answering with an empty report; a real one still reports.
pub async fn reports_refuse_a_manager_or_pipeline_that_does_not_exist(ctx: Ctx) {
    let nobody = Id(uuid::Uuid::now_v7());
    let filters = [
        (
            ReportFilter {
                manager_id: Some(nobody),
                ..march()
            },
            "manager_id",
        ),
        (
            ReportFilter {
                pipeline_id: Some(nobody),
                ..march()
            },
            "pipeline_id",
        ),
    ];
    for name in ReportName::ALL {
        for (filter, field) in &filters {
            let err = ctx
                .store
                .report(name, filter, &ReportOptions::default())
                .await
                .unwrap_err();
            assert_eq!(
                (err.code, err.field.as_deref()),
                (voronka_core::ErrorCode::Invalid, Some(*field)),
                "{name}: {err}"
            );
            let err = ctx
                .store
                .report_export(name, filter, &ReportOptions::default())
                .await
                .err()
                .unwrap_or_else(|| panic!("{name}: the export of an unknown {field} is refused"));
            assert_eq!(err.field.as_deref(), Some(*field), "{name} export: {err}");
        }
        let real = ReportFilter {
            manager_id: Some(ctx.olena_id()),
            pipeline_id: Some(ctx.pipeline.meta.id),
            ..march()
        };
        ctx.store.report(name, &real, &ReportOptions::default()).await.unwrap();
    }
}
