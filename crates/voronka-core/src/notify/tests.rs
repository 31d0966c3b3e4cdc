//! The scheduler over a hand-moved clock: each kind at its minute, in the user's zone, once.

use super::scheduler::{self, local_instant};
use super::*;
use crate::model::{Role, TaskKind};
use crate::types::Currency;
use crate::{Clock, Id, ManualClock};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashSet;

/// Plays the store's part around the pure scheduler: remembers delivered keys and the last tick.
struct Desk {
    who: Recipient,
    clock: ManualClock,
    last: Option<DateTime<Utc>>,
    delivered: HashSet<String>,
}

impl Desk {
    fn new(role: Role, zone: Tz, start: DateTime<Utc>) -> Desk {
        Desk {
            who: Recipient {
                user_id: user(1),
                role,
                time_zone: zone,
                settings: NotificationSettings::default(),
            },
            clock: ManualClock::new(start),
            last: None,
            delivered: HashSet::new(),
        }
    }

    fn tick(&mut self, candidates: &Candidates) -> Vec<Notification> {
        let now = self.clock.now();
        let tick = Tick { now, last: self.last };
        let fresh: Vec<Notification> = scheduler::due(&self.who, tick, candidates)
            .into_iter()
            .filter(|n| self.delivered.insert(n.key.clone()))
            .collect();
        self.last = Some(now);
        scheduler::collapse(&self.who, now, fresh)
    }

    /// Ticks every minute for `minutes`, collecting what was shown.
    fn run(&mut self, minutes: i64, candidates: &Candidates) -> Vec<Notification> {
        let mut shown = Vec::new();
        for _ in 0..minutes {
            self.clock.advance(Duration::minutes(1));
            shown.extend(self.tick(candidates));
        }
        shown
    }
}

fn user(n: u128) -> Id {
    Id(uuid::Uuid::from_u128(n))
}

fn task(n: u128, assignee: Id, due_at: DateTime<Utc>) -> TaskCandidate {
    TaskCandidate {
        id: user(1000 + n),
        kind: TaskKind::Call,
        title: format!("Передзвонити {n}"),
        deal_id: None,
        company_id: None,
        assignee_id: assignee,
        author_id: assignee,
        due_at,
        updated_at: due_at - Duration::days(1),
        given_by: None,
    }
}

fn own(tasks: Vec<TaskCandidate>) -> Candidates {
    Candidates {
        own: tasks,
        ..Default::default()
    }
}

fn kyiv(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Kyiv
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn no_check_ins(desk: &mut Desk) {
    desk.who.settings.check_in_times.clear();
}

#[test]
fn reminder_comes_at_its_minute_and_overdue_at_the_due_time_once_each() {
    let due = kyiv(2026, 3, 10, 10, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, due - Duration::minutes(30));
    no_check_ins(&mut desk);
    desk.tick(&Candidates::default());
    let c = own(vec![task(1, desk.who.user_id, due)]);
    let shown = desk.run(90, &c);
    let at: Vec<(NotificationKind, DateTime<Utc>)> = shown.iter().map(|n| (n.kind, n.due_at)).collect();
    assert_eq!(
        at,
        vec![
            (NotificationKind::TaskReminder, due - Duration::minutes(15)),
            (NotificationKind::TaskOverdue, due),
        ],
        "one reminder 15 minutes before, one overdue notice at the due time, nothing repeated"
    );
    assert_eq!(
        shown[0].task.as_ref().unwrap().task_id,
        c.own[0].id,
        "a click opens the task"
    );
    assert_eq!(
        shown[0].key,
        format!("reminder:{}:{}", c.own[0].id, due.timestamp_millis())
    );
}

#[test]
fn reminder_is_shown_at_the_tick_it_falls_in() {
    let due = kyiv(2026, 3, 10, 10, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, due - Duration::minutes(20));
    no_check_ins(&mut desk);
    let c = own(vec![task(1, desk.who.user_id, due)]);
    let minute_of = |desk: &mut Desk| {
        for m in 1..=20 {
            desk.clock.advance(Duration::minutes(1));
            if !desk.tick(&c).is_empty() {
                return m;
            }
        }
        0
    };
    assert_eq!(minute_of(&mut desk), 5, "due at 10:00, lead 15 min: shown at 09:45");
}

#[test]
fn moving_the_due_time_cancels_the_old_reminder_and_schedules_a_new_one() {
    let due = kyiv(2026, 3, 10, 10, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, due - Duration::minutes(60));
    no_check_ins(&mut desk);
    let mut t = task(1, desk.who.user_id, due);
    assert!(desk.run(30, &own(vec![t.clone()])).is_empty(), "09:30: nothing yet");
    t.due_at = due + Duration::hours(2);
    let shown = desk.run(150, &own(vec![t.clone()]));
    let keys: Vec<&str> = shown.iter().map(|n| n.key.as_str()).collect();
    let new_due = t.due_at.timestamp_millis();
    assert_eq!(
        keys,
        vec![
            format!("reminder:{}:{new_due}", t.id),
            format!("overdue:{}:{new_due}", t.id)
        ],
        "the 09:45 reminder and 10:00 overdue of the old time never come"
    );
    assert_eq!(shown[0].due_at, t.due_at - Duration::minutes(15));
}

#[test]
fn a_completed_task_is_no_candidate_and_gets_nothing() {
    let due = kyiv(2026, 3, 10, 10, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, due - Duration::minutes(60));
    no_check_ins(&mut desk);
    let t = task(1, desk.who.user_id, due);
    assert!(desk.run(10, &own(vec![t])).is_empty());
    // The store reads open tasks only: after completion the task is simply not there.
    assert!(desk.run(120, &Candidates::default()).is_empty());
}

#[test]
fn others_tasks_are_not_mine() {
    let due = kyiv(2026, 3, 10, 10, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, due - Duration::minutes(60));
    no_check_ins(&mut desk);
    assert!(desk.run(120, &own(vec![task(1, user(2), due)])).is_empty());
}

#[test]
fn a_task_given_by_someone_else_is_announced_once_and_a_lead_as_a_lead() {
    let now = kyiv(2026, 3, 10, 9, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, now);
    no_check_ins(&mut desk);
    desk.who.settings.reminder_lead_minutes = 0;
    desk.who.settings.overdue_at_due = false;
    desk.tick(&Candidates::default());
    let me = desk.who.user_id;
    let mut given = task(1, me, now + Duration::days(1));
    given.author_id = user(7);
    given.updated_at = now + Duration::seconds(30);
    let mut lead = task(2, me, now + Duration::minutes(15));
    lead.kind = TaskKind::ContactLead;
    lead.author_id = user(7);
    lead.updated_at = now + Duration::seconds(40);
    let mut mine = task(3, me, now + Duration::days(1));
    mine.updated_at = now + Duration::seconds(50);
    let shown = desk.run(5, &own(vec![given.clone(), lead.clone(), mine]));
    let got: Vec<(NotificationKind, Id)> = shown
        .iter()
        .map(|n| (n.kind, n.task.as_ref().unwrap().task_id))
        .collect();
    assert_eq!(
        got,
        vec![
            (NotificationKind::TaskAssigned, given.id),
            (NotificationKind::NewLead, lead.id)
        ],
        "my own task is no news to me; each given task is told once"
    );
}

/// Local check-in times of each notification, as "weekday HH:MM" in `zone`.
fn local_times(shown: &[Notification], zone: Tz) -> Vec<String> {
    shown
        .iter()
        .filter(|n| n.kind == NotificationKind::CheckIn)
        .map(|n| n.due_at.with_timezone(&zone).format("%a %H:%M").to_string())
        .collect()
}

fn check_in_days(zone: Tz, from: DateTime<Utc>, days: i64) -> Vec<Notification> {
    let mut desk = Desk::new(Role::Manager, zone, from);
    desk.tick(&Candidates::default());
    desk.run(days * 24 * 60, &Candidates::default())
}

#[test]
fn check_ins_follow_local_time_across_the_american_dst_change() {
    let ny = chrono_tz::America::New_York;
    // Clocks go forward on Sunday 2026-03-08 in New York.
    let from = ny.with_ymd_and_hms(2026, 3, 6, 0, 0, 0).unwrap().with_timezone(&Utc);
    let shown = check_in_days(ny, from, 4);
    assert_eq!(
        local_times(&shown, ny),
        [
            "Fri 11:00",
            "Fri 14:00",
            "Fri 16:00",
            "Mon 11:00",
            "Mon 14:00",
            "Mon 16:00"
        ],
        "working days only, at the same local times before and after the change"
    );
    let utc_hours: Vec<u32> = shown.iter().map(|n| chrono::Timelike::hour(&n.due_at)).collect();
    assert_eq!(
        utc_hours,
        [16, 19, 21, 15, 18, 20],
        "11:00 EST is 16:00 UTC; 11:00 EDT is 15:00 UTC"
    );
}

#[test]
fn check_ins_follow_local_time_across_the_european_dst_change() {
    let kyiv_tz = chrono_tz::Europe::Kyiv;
    // Clocks go forward on Sunday 2026-03-29 in Kyiv.
    let from = kyiv(2026, 3, 27, 0, 0);
    let shown = check_in_days(kyiv_tz, from, 4);
    assert_eq!(
        local_times(&shown, kyiv_tz),
        [
            "Fri 11:00",
            "Fri 14:00",
            "Fri 16:00",
            "Mon 11:00",
            "Mon 14:00",
            "Mon 16:00"
        ]
    );
    assert_eq!(
        (
            chrono::Timelike::hour(&shown[0].due_at),
            chrono::Timelike::hour(&shown[3].due_at)
        ),
        (9, 8),
        "11:00 EET is 09:00 UTC; 11:00 EEST is 08:00 UTC"
    );
    assert_eq!(shown[3].key, format!("checkin:{}:2026-03-30T11:00", user(1)));
}

#[test]
fn a_check_in_in_the_spring_gap_comes_when_the_clocks_resume() {
    let ny = chrono_tz::America::New_York;
    let day = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
    let at = local_instant(ny, day, NaiveTime::from_hms_opt(2, 30, 0).unwrap()).unwrap();
    assert_eq!(
        at,
        ny.with_ymd_and_hms(2026, 3, 8, 3, 0, 0).unwrap().with_timezone(&Utc),
        "02:30 does not exist that night; 03:00 EDT is the next local minute"
    );
}

#[test]
fn a_long_sleep_brings_one_digest_instead_of_a_flood() {
    let start = kyiv(2026, 3, 10, 8, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, start);
    desk.tick(&Candidates::default());
    let me = desk.who.user_id;
    let tasks: Vec<TaskCandidate> = (0..8)
        .map(|i| task(i, me, start + Duration::minutes(30 + 20 * i as i64)))
        .collect();
    // The laptop sleeps from 08:00 to 17:00: eight tasks went overdue and three check-ins passed.
    desk.clock.set(kyiv(2026, 3, 10, 17, 0));
    let shown = desk.tick(&own(tasks.clone()));
    assert_eq!(shown.len(), 1, "one digest, not {}", shown.len());
    let digest = &shown[0];
    assert_eq!(digest.kind, NotificationKind::MissedDigest);
    assert_eq!(digest.count, 11);
    assert_eq!(
        digest.missed,
        vec![
            MissedCount {
                kind: NotificationKind::TaskOverdue,
                count: 8
            },
            MissedCount {
                kind: NotificationKind::CheckIn,
                count: 3
            },
        ]
    );
    assert_eq!(digest.tasks.len(), 8, "the digest lists the tasks to open");
    assert!(
        desk.run(60, &own(tasks)).is_empty(),
        "what the digest stood for is not shown again"
    );
}

#[test]
fn a_short_gap_shows_each_item() {
    let start = kyiv(2026, 3, 10, 8, 0);
    let mut desk = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, start);
    no_check_ins(&mut desk);
    desk.tick(&Candidates::default());
    let me = desk.who.user_id;
    let tasks: Vec<TaskCandidate> = (0..3)
        .map(|i| task(i, me, start + Duration::minutes(10 + i as i64)))
        .collect();
    desk.clock.set(start + Duration::hours(1));
    let shown = desk.tick(&own(tasks));
    assert_eq!(
        shown.iter().map(|n| n.kind).collect::<Vec<_>>(),
        vec![NotificationKind::TaskOverdue; 3],
        "three are under the threshold of 5: shown one by one"
    );
}

fn team_overdue(n: i64, at: DateTime<Utc>) -> Candidates {
    Candidates {
        own: vec![],
        team_overdue: (0..n.min(3))
            .map(|i| task(i as u128, user(50), at - Duration::hours(1)))
            .collect(),
        team_overdue_total: n,
        ..Default::default()
    }
}

#[test]
fn the_head_gets_the_overdue_digest_every_hour_while_overdue_tasks_exist() {
    let start = kyiv(2026, 3, 10, 9, 30);
    let mut head = Desk::new(Role::Head, chrono_tz::Europe::Kyiv, start);
    no_check_ins(&mut head);
    let c = team_overdue(7, start);
    let shown = head.run(180, &c);
    let at: Vec<String> = shown
        .iter()
        .map(|n| {
            n.due_at
                .with_timezone(&chrono_tz::Europe::Kyiv)
                .format("%H:%M")
                .to_string()
        })
        .collect();
    assert_eq!(
        at,
        ["09:00", "10:00", "11:00", "12:00"],
        "09:31 starts the 09:00 slot; then each hour"
    );
    assert!(
        shown
            .iter()
            .all(|n| n.kind == NotificationKind::OverdueDigest && n.count == 7)
    );
    assert_eq!(shown[0].tasks.len(), 3);
    assert!(
        head.run(180, &team_overdue(0, start)).is_empty(),
        "no digest while nothing is overdue"
    );
    let mut manager = Desk::new(Role::Manager, chrono_tz::Europe::Kyiv, start);
    no_check_ins(&mut manager);
    assert!(manager.run(180, &c).is_empty(), "managers get no team digest");
}

#[test]
fn the_digest_interval_is_the_users() {
    let start = kyiv(2026, 3, 10, 9, 0);
    let mut head = Desk::new(Role::Head, chrono_tz::Europe::Kyiv, start);
    no_check_ins(&mut head);
    head.who.settings.head_digest_minutes = 30;
    assert_eq!(
        head.run(120, &team_overdue(2, start)).len(),
        5,
        "09:01 to 11:00 every 30 minutes: the 09:00, 09:30, 10:00, 10:30 and 11:00 slots"
    );
}

#[test]
fn the_first_tick_looks_back_one_hour_and_a_late_tick_a_week_at_most() {
    let now = kyiv(2026, 3, 10, 9, 0);
    assert_eq!(Tick { now, last: None }.since(), now - Duration::hours(1));
    assert_eq!(
        Tick {
            now,
            last: Some(now - Duration::days(30))
        }
        .since(),
        now - Duration::days(7)
    );
    let s = NotificationSettings::default();
    assert_eq!(
        Tick {
            now,
            last: Some(now - Duration::minutes(1))
        }
        .due_range(&s),
        (now - Duration::minutes(3), now + Duration::minutes(15)),
        "the last minute and two of grace, up to the reminder lead ahead"
    );
}

#[test]
fn settings_are_validated_by_field() {
    assert!(NotificationSettings::default().validate().is_ok());
    let field = |s: NotificationSettings| s.validate().unwrap_err().field.unwrap();
    let d = NotificationSettings::default;
    assert_eq!(
        field(NotificationSettings {
            reminder_lead_minutes: -1,
            ..d()
        }),
        "reminder_lead_minutes"
    );
    assert_eq!(
        field(NotificationSettings {
            head_digest_minutes: 0,
            ..d()
        }),
        "head_digest_minutes"
    );
    assert_eq!(
        field(NotificationSettings {
            check_in_times: vec!["11:00".into(), "25:00".into()],
            ..d()
        }),
        "check_in_times[1]"
    );
    assert_eq!(
        field(NotificationSettings {
            check_in_times: vec!["11:00".into(), "11:00".into()],
            ..d()
        }),
        "check_in_times[1]"
    );
    assert_eq!(
        field(NotificationSettings {
            working_days: vec![1, 8],
            ..d()
        }),
        "working_days[1]"
    );
    assert_eq!(
        field(NotificationSettings {
            catch_up_threshold: 0,
            ..d()
        }),
        "catch_up_threshold"
    );
    let json = serde_json::to_value(NotificationSettings::default()).unwrap();
    assert_eq!(json["check_in_times"], serde_json::json!(["11:00", "14:00", "16:00"]));
    let partial: NotificationSettings = serde_json::from_str(r#"{"gong_muted": true}"#).unwrap();
    assert!(
        partial.gong_muted && partial.reminder_lead_minutes == 15,
        "missing fields take defaults"
    );
}

#[test]
fn team_progress_counts_working_days_of_the_month() {
    // March 2026 has 22 working days; by Tuesday the 10th, 7 of them have passed.
    let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let cal = crate::reports::WorkCalendar::default();
    let p = TeamProgress::compute(day, &cal, Currency::uah(), 2_200_000, 350_000);
    assert_eq!(p.month, "2026-03");
    assert_eq!(p.expected_to_date, 700_000, "plan × 7 / 22");
    assert_eq!(p.today_share_bp, Some(5_000), "350 000 of 700 000 expected by today");
    assert_eq!(p.month_share_bp, Some(1_590), "350 000 of 2 200 000 (15.9 %)");
    let none = TeamProgress::compute(day, &cal, Currency::uah(), 0, 100);
    assert_eq!(
        (none.today_share_bp, none.month_share_bp),
        (None, None),
        "no plan, no share"
    );
    // With Monday the 9th a holiday: 21 working days, 6 of them passed by the 10th.
    let holiday = crate::reports::WorkCalendar::new(&[1, 2, 3, 4, 5], &[NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()]);
    let p = TeamProgress::compute(day, &holiday, Currency::uah(), 2_100_000, 350_000);
    assert_eq!(p.expected_to_date, 600_000, "plan × 6 / 21");
}

#[test]
fn the_recording_notifier_keeps_order_and_can_refuse() {
    let r = RecordingNotifier::new();
    let n = Notification::new(
        user(1),
        NotificationKind::CheckIn,
        "checkin:a".into(),
        kyiv(2026, 3, 10, 11, 0),
    );
    r.show(&n).unwrap();
    r.set_refusing(true);
    assert!(r.show(&n).is_err());
    assert_eq!(r.shown(), vec![n]);
}

#[test]
fn the_head_hears_once_of_a_lead_passed_on_and_a_manager_does_not() {
    let start = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
    let handover = LeadHandover {
        id: user(700),
        task_id: user(701),
        deal_id: user(702),
        deal_title: "Покрівля — ТОВ Дах".into(),
        from_user_id: user(2),
        from_name: "Олена".into(),
        to_user_id: user(3),
        to_name: "Петро".into(),
        at: start + Duration::minutes(3),
    };
    let candidates = Candidates {
        handovers: vec![handover.clone()],
        ..Default::default()
    };
    let mut head = Desk::new(Role::Head, chrono_tz::UTC, start);
    head.tick(&candidates);
    let shown = head.run(10, &candidates);
    let told: Vec<_> = shown
        .iter()
        .filter(|n| n.kind == NotificationKind::LeadRotated)
        .collect();
    assert_eq!(
        told.len(),
        1,
        "told once, though the handover stays a candidate for ten ticks"
    );
    assert_eq!(told[0].handover.as_ref(), Some(&handover));
    assert_eq!(told[0].key, format!("rotated:{}", handover.id));
    let mut manager = Desk::new(Role::Manager, chrono_tz::UTC, start);
    manager.tick(&candidates);
    assert!(
        manager
            .run(10, &candidates)
            .iter()
            .all(|n| n.kind != NotificationKind::LeadRotated),
        "the rotation is the head's to hear of"
    );
}
