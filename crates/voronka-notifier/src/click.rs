use voronka_core::Id;
use voronka_core::notify::Notification;

/// What a click on a notification opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClickTarget {
    Task(Id),
    Deal(Id),
}

impl ClickTarget {
    /// The task a notification is about, else its deal; digests open nothing in particular.
    pub fn of(n: &Notification) -> Option<ClickTarget> {
        n.task
            .as_ref()
            .map(|t| ClickTarget::Task(t.task_id))
            .or(n.deal_id.map(ClickTarget::Deal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use voronka_core::model::TaskKind;
    use voronka_core::notify::{NotificationKind, TaskRef};

    #[test]
    fn a_click_opens_the_task_else_the_deal_else_nothing() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 20, 9, 0, 0)
            .single()
            .expect("a valid instant");
        let (task, deal, user) = (Id::v7(at, 1), Id::v7(at, 2), Id::v7(at, 3));
        let mut n = Notification {
            user_id: user,
            kind: NotificationKind::TaskOverdue,
            key: "overdue:test".into(),
            due_at: at,
            title: "Дзвінок".into(),
            task: Some(TaskRef {
                task_id: task,
                kind: TaskKind::Call,
                title: "Дзвінок".into(),
                deal_id: Some(deal),
                company_id: None,
                assignee_id: user,
                due_at: at,
            }),
            deal_id: Some(deal),
            tasks: Vec::new(),
            count: 0,
            missed: Vec::new(),
            gong: None,
            handover: None,
            client_date: None,
            given_by: None,
        };
        assert_eq!(
            ClickTarget::of(&n),
            Some(ClickTarget::Task(task)),
            "a task's own notice opens the task"
        );
        n.task = None;
        assert_eq!(
            ClickTarget::of(&n),
            Some(ClickTarget::Deal(deal)),
            "a gong opens its deal"
        );
        n.deal_id = None;
        assert_eq!(ClickTarget::of(&n), None, "a digest opens nothing in particular");
    }
}
