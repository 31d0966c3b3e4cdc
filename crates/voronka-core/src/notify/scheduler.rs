//! Which notifications are due at a tick. Pure: the store reads the candidates with indexed
//! queries, asks [`due`], records a delivery per key (a key already delivered is dropped there)
//! and hands what is left to [`collapse`].
//!
//! A tick looks at the window `(since, now]` where `since` is the previous tick (see
//! [`Tick::since`]), reaching [`COMMIT_GRACE`] further back; events that fell due in it are due
//! now unless delivered before. Reminders are the exception: a task
//! whose reminder time has passed but whose due time has not still gets its reminder.

use super::{ClientDate, LeadHandover, MissedCount, Notification, NotificationKind, NotificationSettings, TaskRef};
use crate::Id;
use crate::model::{Role, TaskKind};
use chrono::{DateTime, Days, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashSet};

/// How far back the very first tick of a user looks.
pub const FIRST_LOOKBACK: Duration = Duration::hours(1);
/// How far back a tick after a long sleep looks at most.
pub const MAX_CATCH_UP: Duration = Duration::days(7);
/// How far each window reaches back before the previous tick: a change written just before a
/// tick but committed after it (another desktop's slow transaction, the same millisecond) is
/// still seen by the next tick. Deliveries drop what the previous tick already handed out.
pub const COMMIT_GRACE: Duration = Duration::minutes(2);
/// How many tasks a digest lists (its `count` says how many there are in all).
pub const DIGEST_TASKS: usize = 20;

/// The user a tick is for.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: Id,
    pub role: Role,
    pub time_zone: Tz,
    pub settings: NotificationSettings,
}

impl Recipient {
    /// Only the head of sales gets the team's overdue digest, and hears of leads the rotation
    /// passed on.
    pub fn gets_overdue_digest(&self) -> bool {
        self.role == Role::Head
    }
}

/// A tick: the time now and the previous tick of the same user (none before the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub now: DateTime<Utc>,
    pub last: Option<DateTime<Utc>>,
}

impl Tick {
    /// The start (exclusive) of the window this tick covers.
    pub fn since(&self) -> DateTime<Utc> {
        match self.last {
            Some(last) => last.max(self.now - MAX_CATCH_UP).min(self.now),
            None => self.now - FIRST_LOOKBACK,
        }
    }

    /// Where the scan for events starts (exclusive): [`Tick::since`] less [`COMMIT_GRACE`].
    pub fn scan_from(&self) -> DateTime<Utc> {
        self.since() - COMMIT_GRACE
    }

    /// Open tasks of the recipient the store must read: due in `(scan_from, now + lead]`.
    pub fn due_range(&self, settings: &NotificationSettings) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            self.scan_from(),
            self.now + Duration::minutes(settings.reminder_lead_minutes),
        )
    }
}

/// An open task as the scheduler needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskCandidate {
    pub id: Id,
    pub kind: TaskKind,
    pub title: String,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub assignee_id: Id,
    pub author_id: Id,
    pub due_at: DateTime<Utc>,
    /// When it was created or last changed (a reassignment included).
    pub updated_at: DateTime<Utc>,
    /// Who made the last change (gave it, handed it over), when the store read it.
    pub given_by: Option<String>,
}

impl TaskCandidate {
    pub fn to_ref(&self) -> TaskRef {
        TaskRef {
            task_id: self.id,
            kind: self.kind,
            title: self.title.clone(),
            deal_id: self.deal_id,
            company_id: self.company_id,
            assignee_id: self.assignee_id,
            due_at: self.due_at,
        }
    }
}

/// What the store read for one tick. It may hold more than is due (any open tasks of the
/// recipient); the scheduler picks.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Open tasks assigned to the recipient: due in [`Tick::due_range`], or changed in the window.
    pub own: Vec<TaskCandidate>,
    /// For a head: the team's oldest overdue tasks (at most [`DIGEST_TASKS`]).
    pub team_overdue: Vec<TaskCandidate>,
    /// For a head: how many overdue tasks the team has.
    pub team_overdue_total: i64,
    /// For a head: leads the rotation passed on lately (those in the window are due).
    pub handovers: Vec<LeadHandover>,
    /// The important dates of the recipient's clients, read when a reminder time came in the
    /// window (see [`super::client_date::reminder_days`]).
    pub client_dates: Vec<ClientDate>,
}

/// Every notification due for `who` at `tick`, once per key, oldest first. Whether a key was
/// already delivered is the store's to know.
pub fn due(who: &Recipient, tick: Tick, candidates: &Candidates) -> Vec<Notification> {
    let (now, since) = (tick.now, tick.scan_from());
    let s = &who.settings;
    let lead = Duration::minutes(s.reminder_lead_minutes);
    let mut out = Vec::new();
    for t in candidates.own.iter().filter(|t| t.assignee_id == who.user_id) {
        let due_ms = t.due_at.timestamp_millis();
        if s.reminder_lead_minutes > 0 && t.due_at - lead <= now && now < t.due_at {
            out.push(about_task(
                who.user_id,
                NotificationKind::TaskReminder,
                format!("reminder:{}:{due_ms}", t.id),
                t.due_at - lead,
                t,
            ));
        }
        if s.overdue_at_due && since < t.due_at && t.due_at <= now {
            out.push(about_task(
                who.user_id,
                NotificationKind::TaskOverdue,
                format!("overdue:{}:{due_ms}", t.id),
                t.due_at,
                t,
            ));
        }
        if t.author_id != who.user_id && since < t.updated_at && t.updated_at <= now {
            let kind = if t.kind == TaskKind::ContactLead {
                NotificationKind::NewLead
            } else {
                NotificationKind::TaskAssigned
            };
            out.push(Notification {
                given_by: t.given_by.clone(),
                ..about_task(
                    who.user_id,
                    kind,
                    format!("assigned:{}:{}", t.id, who.user_id),
                    t.updated_at,
                    t,
                )
            });
        }
    }
    for at in check_ins(who, since, now) {
        let local = at.with_timezone(&who.time_zone);
        out.push(Notification::new(
            who.user_id,
            NotificationKind::CheckIn,
            format!("checkin:{}:{}", who.user_id, local.format("%Y-%m-%dT%H:%M")),
            at,
        ));
    }
    if who.gets_overdue_digest() && candidates.team_overdue_total > 0 {
        let slot_ms = s.head_digest_minutes.max(1) * 60_000;
        let slot = now.timestamp_millis().div_euclid(slot_ms) * slot_ms;
        let at = DateTime::from_timestamp_millis(slot).unwrap_or(now);
        out.push(Notification {
            tasks: candidates
                .team_overdue
                .iter()
                .take(DIGEST_TASKS)
                .map(TaskCandidate::to_ref)
                .collect(),
            count: candidates.team_overdue_total,
            ..Notification::new(
                who.user_id,
                NotificationKind::OverdueDigest,
                format!("overdue-digest:{}:{slot}", who.user_id),
                at,
            )
        });
    }
    if who.gets_overdue_digest() {
        for h in candidates.handovers.iter().filter(|h| since < h.at && h.at <= now) {
            out.push(Notification {
                title: h.deal_title.clone(),
                deal_id: Some(h.deal_id),
                handover: Some(h.clone()),
                ..Notification::new(
                    who.user_id,
                    NotificationKind::LeadRotated,
                    format!("rotated:{}", h.id),
                    h.at,
                )
            });
        }
    }
    out.extend(super::client_date::due_reminders(
        who,
        since,
        now,
        &candidates.client_dates,
    ));
    let mut seen = HashSet::new();
    out.retain(|n| seen.insert(n.key.clone()));
    out.sort_by(|a, b| a.due_at.cmp(&b.due_at).then_with(|| a.key.cmp(&b.key)));
    out
}

/// What to show of the notifications that were not delivered before: as they are, or, when
/// more than `catch_up_threshold` came at once, one [`NotificationKind::MissedDigest`] standing
/// for all of them (their keys count as delivered all the same).
pub fn collapse(who: &Recipient, now: DateTime<Utc>, fresh: Vec<Notification>) -> Vec<Notification> {
    if fresh.len() as i64 <= who.settings.catch_up_threshold {
        return fresh;
    }
    let mut by_kind: BTreeMap<NotificationKind, i64> = BTreeMap::new();
    for n in &fresh {
        *by_kind.entry(n.kind).or_default() += 1;
    }
    let tasks = fresh.iter().filter_map(|n| n.task.clone()).take(DIGEST_TASKS).collect();
    vec![Notification {
        count: fresh.len() as i64,
        tasks,
        missed: by_kind
            .into_iter()
            .map(|(kind, count)| MissedCount { kind, count })
            .collect(),
        ..Notification::new(
            who.user_id,
            NotificationKind::MissedDigest,
            format!("missed:{}:{}", who.user_id, now.timestamp_millis()),
            now,
        )
    }]
}

fn about_task(user_id: Id, kind: NotificationKind, key: String, at: DateTime<Utc>, t: &TaskCandidate) -> Notification {
    Notification {
        title: t.title.clone(),
        task: Some(t.to_ref()),
        deal_id: t.deal_id,
        ..Notification::new(user_id, kind, key, at)
    }
}

/// Check-in instants in `(since, now]`: the configured local times of working days in the
/// recipient's zone.
fn check_ins(who: &Recipient, since: DateTime<Utc>, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let times = who.settings.check_ins();
    if times.is_empty() || now <= since {
        return Vec::new();
    }
    let zone = who.time_zone;
    let mut day = since.with_timezone(&zone).date_naive();
    let last = now.with_timezone(&zone).date_naive();
    let mut out = Vec::new();
    while day <= last {
        if who.settings.is_working_day(chrono::Datelike::weekday(&day)) {
            for t in &times {
                if let Some(at) = local_instant(zone, day, *t)
                    && since < at
                    && at <= now
                {
                    out.push(at);
                }
            }
        }
        day = match day.checked_add_days(Days::new(1)) {
            Some(d) => d,
            None => break,
        };
    }
    out
}

/// The instant a local wall-clock time happens: the first of two in an autumn fold; in a
/// spring gap (that time does not exist that day), the moment the clocks jump forward.
pub fn local_instant(zone: Tz, day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    let local = day.and_time(time);
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
        LocalResult::None => {
            // Gaps are at most a few hours; step forward to where the day resumes.
            (1..=240)
                .map(|m| local + Duration::minutes(m))
                .find_map(|l| zone.from_local_datetime(&l).earliest())
                .map(|t| t.with_timezone(&Utc))
        }
    }
}
