use super::*;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use voronka_core::Id;
use voronka_core::notify::{MissedCount, TaskRef};
use voronka_core::types::Currency;

const ALL: [Language; 3] = [Language::Uk, Language::En, Language::Ru];

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("a valid instant")
}

fn id(n: u128) -> Id {
    Id::v7(at(), n)
}

fn task(title: &str, kind: TaskKind, due_at: DateTime<Utc>) -> TaskRef {
    TaskRef {
        task_id: id(1),
        kind,
        title: title.into(),
        deal_id: None,
        company_id: None,
        assignee_id: id(2),
        due_at,
    }
}

fn notification(kind: NotificationKind, title: &str) -> Notification {
    Notification {
        title: title.into(),
        ..Notification::new(id(2), kind, format!("{}:test", kind.as_str()), at())
    }
}

fn text(n: &Notification) -> [(String, String); 3] {
    ALL.map(|lang| {
        let t = compose(n, lang);
        (t.summary, t.body)
    })
}

fn progress(today: Option<i64>, month: Option<i64>) -> TeamProgress {
    TeamProgress {
        month: "2026-11".into(),
        day: NaiveDate::from_ymd_opt(2026, 11, 20).expect("a valid day"),
        currency: Currency::uah(),
        plan: 100_000_000,
        fact: 32_000_000,
        expected_to_date: 50_000_000,
        today_share_bp: today,
        month_share_bp: month,
    }
}

fn gong_event(kind: GongKind, company: Option<&str>, progress: TeamProgress) -> GongEvent {
    GongEvent {
        seq: 7,
        kind,
        at: at(),
        user_id: id(2),
        user_name: "Олена Коваль".into(),
        company_name: company.map(str::to_string),
        deal_id: id(3),
        deal_title: "Покрівля для ТОВ Дах".into(),
        payment_id: None,
        amount: 12_000_000,
        currency: Currency::uah(),
        progress,
    }
}

#[test]
fn a_reminder_says_how_soon_the_task_is_due() {
    let mut n = notification(NotificationKind::TaskReminder, "Call ТОВ Дах");
    n.task = Some(task("Call ТОВ Дах", TaskKind::Call, at() + Duration::minutes(15)));
    assert_eq!(
        text(&n),
        [
            ("Call ТОВ Дах — за 15 хв".into(), "Дзвінок".into()),
            ("Call ТОВ Дах in 15 min".into(), "Call".into()),
            ("Call ТОВ Дах — через 15 мин".into(), "Звонок".into()),
        ],
        "the reminder falls due 15 minutes before the task"
    );
}

#[test]
fn an_overdue_notice_names_the_task() {
    let n = notification(NotificationKind::TaskOverdue, "Надіслати КП");
    let [uk, en, ru] = text(&n);
    assert_eq!(uk.0, "Прострочено: Надіслати КП");
    assert_eq!(en.0, "Overdue: Надіслати КП");
    assert_eq!(ru.0, "Просрочено: Надіслати КП");
    assert!(en.1.contains("past its due time"), "{}", en.1);
    assert!(uk.1.contains("минув") && ru.1.contains("прошёл"), "{uk:?} {ru:?}");
}

#[test]
fn the_heads_digest_counts_and_lists_the_first_titles() {
    let mut n = notification(NotificationKind::OverdueDigest, "");
    n.tasks = ["Дзвінок ТОВ Дах", "КП для Вікна+"]
        .map(|t| task(t, TaskKind::Call, at()))
        .to_vec();
    n.count = 23;
    let [uk, en, ru] = text(&n);
    assert_eq!(uk.0, "У команди 23 прострочені задачі", "23 takes the form of 2–4");
    assert_eq!(en.0, "23 overdue tasks in the team");
    assert_eq!(ru.0, "У команды 23 просроченные задачи");
    assert_eq!(uk.1, "• Дзвінок ТОВ Дах\n• КП для Вікна+\n…і ще 21");
    assert_eq!(en.1, "• Дзвінок ТОВ Дах\n• КП для Вікна+\n…and 21 more");
    assert_eq!(ru.1, "• Дзвінок ТОВ Дах\n• КП для Вікна+\n…и ещё 21");

    n.count = 2;
    let [uk, en, _] = text(&n);
    assert_eq!(en.1, "• Дзвінок ТОВ Дах\n• КП для Вікна+", "all listed: no «more» line");
    assert_eq!(uk.0, "У команди 2 прострочені задачі");

    n.tasks.truncate(1);
    n.count = 1;
    let [uk, en, ru] = text(&n);
    assert_eq!(
        (uk.0.as_str(), en.0.as_str(), ru.0.as_str()),
        (
            "У команди 1 прострочена задача",
            "1 overdue task in the team",
            "У команды 1 просроченная задача"
        )
    );

    n.count = TEAM_OVERDUE_COUNT_CAP;
    let [uk, en, _] = text(&n);
    assert_eq!(
        en.0, "1000+ overdue tasks in the team",
        "the store stops counting at the cap"
    );
    assert_eq!(uk.0, "У команди 1000+ прострочених задач");
}

#[test]
fn slavic_plurals_follow_the_last_digits() {
    let forms = ["one", "few", "many"];
    let picked: Vec<&str> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]
        .iter()
        .map(|n| plural_slavic(*n, forms))
        .collect();
    assert_eq!(
        picked,
        [
            "many", "one", "few", "few", "many", "many", "many", "many", "one", "few", "many", "one", "many"
        ]
    );
}

#[test]
fn a_check_in_asks_for_results() {
    let n = notification(NotificationKind::CheckIn, "");
    let [uk, en, ru] = text(&n);
    assert_eq!(
        [uk.0, en.0, ru.0],
        [
            "Звітуйте про результати",
            "Report your results",
            "Отчитайтесь о результатах"
        ]
    );
    assert!(!en.1.is_empty());
}

#[test]
fn a_new_lead_and_an_assigned_task_name_what_came() {
    let mut lead = notification(NotificationKind::NewLead, "Вікна для ФОП Іваненко");
    lead.task = Some(task(&lead.title, TaskKind::ContactLead, at()));
    let [uk, en, ru] = text(&lead);
    assert_eq!(uk.0, "Новий лід: Вікна для ФОП Іваненко");
    assert_eq!(en.0, "New lead: Вікна для ФОП Іваненко");
    assert_eq!(ru.0, "Новый лид: Вікна для ФОП Іваненко");

    let mut given = notification(NotificationKind::TaskAssigned, "Зустріч у Львові");
    given.task = Some(task(&given.title, TaskKind::Meeting, at()));
    assert_eq!(
        text(&given),
        [
            ("Нова задача: Зустріч у Львові".into(), "Зустріч".into()),
            ("New task: Зустріч у Львові".into(), "Meeting".into()),
            ("Новая задача: Зустріч у Львові".into(), "Встреча".into()),
        ]
    );
    given.given_by = Some("Оксана Керівна".into());
    assert_eq!(
        text(&given).map(|(_, body)| body),
        [
            "Доручення від: Оксана Керівна · Зустріч",
            "Assigned to you by Оксана Керівна · Meeting",
            "Поручение от: Оксана Керівна · Встреча",
        ]
    );
}

#[test]
fn a_missed_digest_sums_up_by_kind() {
    let mut n = notification(NotificationKind::MissedDigest, "");
    n.count = 7;
    n.missed = vec![
        MissedCount {
            kind: NotificationKind::TaskReminder,
            count: 4,
        },
        MissedCount {
            kind: NotificationKind::TaskOverdue,
            count: 3,
        },
    ];
    assert_eq!(
        text(&n),
        [
            (
                "Поки вас не було: 7 сповіщень".into(),
                "Нагадування: 4\nПрострочені задачі: 3".into()
            ),
            (
                "While you were away: 7 notifications".into(),
                "Reminders: 4\nOverdue tasks: 3".into()
            ),
            (
                "Пока вас не было: 7 уведомлений".into(),
                "Напоминания: 4\nПросроченные задачи: 3".into()
            ),
        ]
    );
}

#[test]
fn the_gong_tells_who_what_how_much_and_the_teams_progress() {
    let event = gong_event(GongKind::Won, Some("ТОВ Дах"), progress(Some(6_400), Some(3_200)));
    let n = Notification::gong(id(2), &event);
    assert_eq!(
        text(&n),
        [
            (
                "Олена Коваль: угоду «Покрівля для ТОВ Дах» виграно — 120\u{a0}000\u{a0}₴".into(),
                "команда 64\u{a0}% плану на сьогодні, 32\u{a0}% плану місяця".into()
            ),
            (
                "Олена Коваль closed «Покрівля для ТОВ Дах» — 120\u{a0}000\u{a0}₴".into(),
                "team 64\u{a0}% of today's plan, 32\u{a0}% of the month's plan".into()
            ),
            (
                "Олена Коваль: сделка «Покрівля для ТОВ Дах» выиграна — 120\u{a0}000\u{a0}₴".into(),
                "команда 64\u{a0}% плана на сегодня, 32\u{a0}% плана месяца".into()
            ),
        ],
        "the company is in the deal's title, so the body does not repeat it"
    );
}

#[test]
fn a_paid_gong_names_the_company_and_copes_without_a_plan() {
    let event = gong_event(GongKind::Paid, Some("ПП Сонце"), progress(None, None));
    let n = Notification::gong(id(2), &event);
    let [uk, en, ru] = text(&n);
    assert_eq!(
        en.0,
        "Олена Коваль: payment for «Покрівля для ТОВ Дах» — 120\u{a0}000\u{a0}₴"
    );
    assert_eq!(
        uk.0,
        "Олена Коваль: оплата за «Покрівля для ТОВ Дах» — 120\u{a0}000\u{a0}₴"
    );
    assert_eq!(
        ru.0,
        "Олена Коваль: оплата по «Покрівля для ТОВ Дах» — 120\u{a0}000\u{a0}₴"
    );
    assert_eq!(en.1, "ПП Сонце · No team plan for this month");
    assert_eq!(uk.1, "ПП Сонце · План команди на місяць не задано");
    assert_eq!(ru.1, "ПП Сонце · План команды на месяц не задан");
}

#[test]
fn percent_rounds_basis_points_half_up() {
    assert_eq!(percent(6_449), "64\u{a0}%");
    assert_eq!(percent(6_450), "65\u{a0}%");
    assert_eq!(percent(0), "0\u{a0}%");
    assert_eq!(percent(12_345), "123\u{a0}%", "a team ahead of plan is over 100 %");
}

#[test]
fn the_open_action_is_labelled_in_every_language() {
    assert_eq!(ALL.map(open_label), ["Відкрити", "Open", "Открыть"]);
}

#[test]
fn a_lead_passed_on_names_both_managers() {
    let mut n = notification(NotificationKind::LeadRotated, "Покрівля — ТОВ Дах");
    n.handover = Some(voronka_core::notify::LeadHandover {
        id: id(10),
        task_id: id(11),
        deal_id: id(12),
        deal_title: "Покрівля — ТОВ Дах".into(),
        from_user_id: id(13),
        from_name: "Олена".into(),
        to_user_id: id(14),
        to_name: "Петро".into(),
        at: at(),
    });
    let [uk, en, ru] = text(&n);
    assert_eq!(uk.0, "Лід передано: Покрівля — ТОВ Дах");
    assert_eq!(en.1, "Олена did not get in touch in time: the lead is now Петро's");
    assert!(ru.1.contains("Олена") && ru.1.contains("Петро"));
}
