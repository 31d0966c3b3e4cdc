use super::{ClientDate, GongEvent, LeadHandover};
use crate::Id;
use crate::model::TaskKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A task of yours is due soon (`reminder_lead_minutes` before).
    TaskReminder,
    /// A task of yours has just become overdue.
    TaskOverdue,
    /// For the head of sales: the team's overdue tasks, every `head_digest_minutes`.
    OverdueDigest,
    /// "Report your results" at a check-in time of a working day.
    CheckIn,
    /// A new lead's first-contact task was given to you by someone else.
    NewLead,
    /// Someone else gave you a task.
    TaskAssigned,
    /// A deal was won or a payment paid somewhere in the team.
    Gong,
    /// Too many things fell due at once (the laptop slept): one summary of them.
    MissedDigest,
    /// For the head of sales: a lead passed to the next manager of the rotation (rule 1).
    LeadRotated,
    /// Tomorrow is a client's important date: a contact's birthday, a company's holiday.
    ClientDate,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::TaskReminder => "task_reminder",
            NotificationKind::TaskOverdue => "task_overdue",
            NotificationKind::OverdueDigest => "overdue_digest",
            NotificationKind::CheckIn => "check_in",
            NotificationKind::NewLead => "new_lead",
            NotificationKind::TaskAssigned => "task_assigned",
            NotificationKind::Gong => "gong",
            NotificationKind::MissedDigest => "missed_digest",
            NotificationKind::LeadRotated => "lead_rotated",
            NotificationKind::ClientDate => "client_date",
        }
    }
}

/// A task as a notification names it: enough to show a line and open the task on click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct TaskRef {
    pub task_id: Id,
    pub kind: TaskKind,
    pub title: String,
    pub deal_id: Option<Id>,
    pub company_id: Option<Id>,
    pub assignee_id: Id,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub due_at: DateTime<Utc>,
}

/// How many notifications of one kind a [`NotificationKind::MissedDigest`] stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct MissedCount {
    pub kind: NotificationKind,
    pub count: i64,
}

/// One thing to show one user. The text is the adapter's to compose (and translate) from the
/// kind and the structured parts; `title` is the subject as stored (a task's or a deal's title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct Notification {
    pub user_id: Id,
    pub kind: NotificationKind,
    /// Stable per event: `reminder:<task id>:<due ms>`, `overdue:<task id>:<due ms>`,
    /// `assigned:<task id>:<assignee id>`, `checkin:<user id>:<local date>T<HH:MM>`,
    /// `overdue-digest:<user id>:<slot start ms>`, `gong:<seq>`, `missed:<user id>:<ms>`,
    /// `rotated:<handover id>`, `date:<client id>:<label>:<date>:<occurrence>`.
    pub key: String,
    /// The instant the event fell due (a reminder's is `due_at - lead`).
    #[serde(with = "chrono::serde::ts_milliseconds")]
    #[cfg_attr(feature = "bindings", specta(type = i64))]
    pub due_at: DateTime<Utc>,
    /// The subject: the task's title, the deal's title; empty for check-ins and digests.
    pub title: String,
    /// The task to open on click (reminders, overdue, new lead, assigned).
    pub task: Option<TaskRef>,
    /// The deal to open on click, when there is one.
    pub deal_id: Option<Id>,
    /// Digests: the tasks listed (at most [`super::scheduler::DIGEST_TASKS`]).
    pub tasks: Vec<TaskRef>,
    /// Digests: how many items in all (overdue tasks, missed notifications).
    pub count: i64,
    /// A missed digest: what it stands for, by kind.
    pub missed: Vec<MissedCount>,
    /// A gong notification: the event.
    pub gong: Option<GongEvent>,
    /// A lead passed on: from whom to whom.
    pub handover: Option<LeadHandover>,
    /// A client's date coming tomorrow.
    pub client_date: Option<ClientDate>,
    /// A task given to the recipient: the name of whoever gave it ("assigned to you by …").
    pub given_by: Option<String>,
}

impl Notification {
    /// A notification with only its addressing: the scheduler fills in what it is about.
    pub fn new(user_id: Id, kind: NotificationKind, key: String, due_at: DateTime<Utc>) -> Notification {
        Notification {
            user_id,
            kind,
            key,
            due_at,
            title: String::new(),
            task: None,
            deal_id: None,
            tasks: Vec::new(),
            count: 0,
            missed: Vec::new(),
            gong: None,
            handover: None,
            client_date: None,
            given_by: None,
        }
    }

    /// The gong as `user_id`'s notification, keyed by the event's sequence number so each
    /// user sees each gong once.
    pub fn gong(user_id: Id, event: &GongEvent) -> Notification {
        Notification {
            title: event.deal_title.clone(),
            deal_id: Some(event.deal_id),
            gong: Some(event.clone()),
            ..Notification::new(user_id, NotificationKind::Gong, format!("gong:{}", event.seq), event.at)
        }
    }
}
