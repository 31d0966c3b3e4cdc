//! Check-in answers and the reminders of clients' dates.

use crate::harness::Ctx;
use chrono::{NaiveDate, TimeZone, Utc};
use std::sync::Arc;
use voronka_core::model::*;
use voronka_core::notify::NotificationKind;
use voronka_core::{ErrorCode, RandomIds};
use voronka_store::Store;

fn answer(slot: &str, calls: i64) -> CheckInInput {
    CheckInInput {
        slot: slot.into(),
        calls,
        meetings: 1,
        payments_expected: Some("12 000".into()),
        comment: Some("Чекаю оплату від ТОВ Дах".into()),
    }
}

fn tuesday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

pub async fn check_in_answers_are_kept_and_the_head_sees_who_answered(ctx: Ctx) {
    let s = &ctx.store;
    let (head, olena, petro) = (ctx.head.meta.id, ctx.olena_id(), ctx.petro.meta.id);
    // 09:00 UTC is 11:00 in Kyiv (the team's zone): the first check-in has just come.
    let refused = |r: voronka_core::Result<CheckInAnswer>, field: &str| {
        let e = r.unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::Invalid, Some(field)),
            "{}",
            e.message
        );
    };
    refused(s.answer_check_in(olena, &answer("2026-03-10T14:00", 3)).await, "slot");
    refused(s.answer_check_in(olena, &answer("2026-03-10T12:00", 3)).await, "slot");
    refused(s.answer_check_in(olena, &answer("10.03 11:00", 3)).await, "slot");
    refused(s.answer_check_in(olena, &answer("2026-03-10T11:00", -1)).await, "calls");
    assert_eq!(ctx.count("check_in_answers").await, 0, "the refusals wrote nothing");
    let kept = s.answer_check_in(olena, &answer("2026-03-10T11:00", 5)).await.unwrap();
    assert_eq!(
        (kept.calls, kept.payments_expected, kept.currency.as_str()),
        (5, 1_200_000, "UAH")
    );
    assert_eq!(kept.slot_at, Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap());

    let board = s.check_ins_of(head, tuesday()).await.unwrap();
    let seen: Vec<(&str, &str, Option<i64>)> = board
        .iter()
        .map(|r| (r.name.as_str(), r.slot.as_str(), r.answer.as_ref().map(|a| a.calls)))
        .collect();
    assert_eq!(
        seen,
        [
            ("Олена Коваль", "2026-03-10T11:00", Some(5)),
            ("Петро Шевчук", "2026-03-10T11:00", None)
        ],
        "only the check-in that has come, with who answered and who did not"
    );
    let hers = s.check_ins_of(olena, tuesday()).await.unwrap();
    assert_eq!(
        hers.iter().map(|r| r.user_id).collect::<Vec<_>>(),
        vec![olena],
        "a manager sees her own"
    );

    ctx.clock.set(Utc.with_ymd_and_hms(2026, 3, 10, 12, 30, 0).unwrap());
    s.answer_check_in(olena, &answer("2026-03-10T11:00", 6)).await.unwrap();
    s.answer_check_in(petro, &answer("2026-03-10T14:00", 2)).await.unwrap();
    let board = s.check_ins_of(head, tuesday()).await.unwrap();
    let answered: Vec<(&str, bool)> = board.iter().map(|r| (r.slot.as_str(), r.answer.is_some())).collect();
    assert_eq!(
        answered,
        [
            ("2026-03-10T11:00", true),
            ("2026-03-10T11:00", false),
            ("2026-03-10T14:00", false),
            ("2026-03-10T14:00", true)
        ]
    );
    assert_eq!(
        board[0].answer.as_ref().unwrap().calls,
        6,
        "answering again replaces the answer"
    );
    assert_eq!(ctx.count("check_in_answers").await, 2);
    let saturday = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    assert!(
        s.check_ins_of(head, saturday).await.unwrap().is_empty(),
        "no check-ins on a day off"
    );
}

pub async fn a_clients_date_is_told_to_its_owner_a_day_ahead_once(ctx: Ctx) {
    let s = &ctx.store;
    let (olena, petro) = (ctx.olena_id(), ctx.petro.meta.id);
    let company = s
        .create_company(
            olena,
            &CompanyInput {
                name: "ТОВ Дах".into(),
                work_phone: Some("+380501119001".into()),
                important_dates: vec![ImportantDate {
                    label: "День компанії".into(),
                    date: NaiveDate::from_ymd_opt(2010, 3, 11).unwrap(),
                }],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let contact = |name: &str, birthday: &str| ContactInput {
        full_name: name.into(),
        birthday: Some(birthday.into()),
        ..Default::default()
    };
    let ivan = s
        .create_contact(olena, &contact("Іван Петренко", "1985-03-11"))
        .await
        .unwrap();
    s.create_contact(olena, &contact("Марія Не-завтра", "1990-03-12"))
        .await
        .unwrap();
    s.create_contact(petro, &contact("Петрів клієнт", "1970-03-11"))
        .await
        .unwrap();

    // 08:00 in Kyiv: the reminders come at 09:00.
    ctx.clock.set(Utc.with_ymd_and_hms(2026, 3, 10, 6, 0, 0).unwrap());
    let dates = |shown: &[voronka_core::notify::Notification]| {
        let mut v: Vec<(String, String)> = shown
            .iter()
            .filter(|n| n.kind == NotificationKind::ClientDate)
            .map(|n| (n.title.clone(), n.client_date.as_ref().unwrap().label.clone()))
            .collect();
        v.sort();
        v
    };
    assert!(
        dates(&s.notifications_due(olena).await.unwrap()).is_empty(),
        "not before 09:00"
    );
    ctx.clock.set(Utc.with_ymd_and_hms(2026, 3, 10, 7, 1, 0).unwrap());
    let shown = s.notifications_due(olena).await.unwrap();
    assert_eq!(
        dates(&shown),
        [
            (ivan.data.full_name.to_string(), "birthday".to_string()),
            ("ТОВ Дах".to_string(), "День компанії".to_string())
        ],
        "tomorrow's dates of her own clients"
    );
    assert!(shown.iter().any(|n| {
        n.client_date
            .as_ref()
            .is_some_and(|d| d.entity_id == company.meta.id && d.on == NaiveDate::from_ymd_opt(2026, 3, 11).unwrap())
    }));
    // Another desktop of hers, ticking a minute later, has nothing more to show.
    let other = Store::open_with(&ctx.url, ctx.clock.clone(), Arc::new(RandomIds::new()))
        .await
        .unwrap();
    ctx.clock.set(Utc.with_ymd_and_hms(2026, 3, 10, 7, 2, 0).unwrap());
    assert!(
        dates(&other.notifications_due(olena).await.unwrap()).is_empty(),
        "once per user and event"
    );
    assert!(dates(&s.notifications_due(olena).await.unwrap()).is_empty());
    other.close().await;
    let petros = s.notifications_due(petro).await.unwrap();
    assert_eq!(
        dates(&petros),
        [("Петрів клієнт".to_string(), "birthday".to_string())],
        "each owner hears of their own clients"
    );
}
