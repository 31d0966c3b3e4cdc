//! What a desktop notification says, in the user's language: a summary line and a body, composed
//! from a [`Notification`]'s kind and structured parts. Pure, so every kind and language is
//! checked without a desktop.

use voronka_core::model::{Language, TaskKind};
use voronka_core::notify::{GongEvent, GongKind, Notification, NotificationKind, TeamProgress};
use voronka_core::types::Money;
use voronka_store::TEAM_OVERDUE_COUNT_CAP;

/// The two lines a desktop notification shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationText {
    pub summary: String,
    pub body: String,
}

/// The label of the action that opens a notification's task or deal.
pub fn open_label(lang: Language) -> &'static str {
    match lang {
        Language::Uk => "Відкрити",
        Language::En => "Open",
        Language::Ru => "Открыть",
    }
}

pub fn compose(n: &Notification, lang: Language) -> NotificationText {
    match n.kind {
        NotificationKind::TaskReminder => reminder(n, lang),
        NotificationKind::TaskOverdue => NotificationText {
            summary: match lang {
                Language::Uk => format!("Прострочено: {}", n.title),
                Language::En => format!("Overdue: {}", n.title),
                Language::Ru => format!("Просрочено: {}", n.title),
            },
            body: match lang {
                Language::Uk => "Час задачі минув — виконайте або перенесіть її".into(),
                Language::En => "The task is past its due time: do it or move it".into(),
                Language::Ru => "Срок задачи прошёл — выполните или перенесите её".into(),
            },
        },
        NotificationKind::OverdueDigest => overdue_digest(n, lang),
        NotificationKind::CheckIn => NotificationText {
            summary: match lang {
                Language::Uk => "Звітуйте про результати",
                Language::En => "Report your results",
                Language::Ru => "Отчитайтесь о результатах",
            }
            .into(),
            body: match lang {
                Language::Uk => "Дзвінки, зустрічі та оплати на цю годину",
                Language::En => "Calls, meetings and payments so far today",
                Language::Ru => "Звонки, встречи и оплаты на этот час",
            }
            .into(),
        },
        NotificationKind::NewLead => NotificationText {
            summary: match lang {
                Language::Uk => format!("Новий лід: {}", n.title),
                Language::En => format!("New lead: {}", n.title),
                Language::Ru => format!("Новый лид: {}", n.title),
            },
            body: match lang {
                Language::Uk => "Зв'яжіться з клієнтом якнайшвидше",
                Language::En => "Get in touch with the client first thing",
                Language::Ru => "Свяжитесь с клиентом как можно скорее",
            }
            .into(),
        },
        NotificationKind::TaskAssigned => NotificationText {
            summary: match lang {
                Language::Uk => format!("Нова задача: {}", n.title),
                Language::En => format!("New task: {}", n.title),
                Language::Ru => format!("Новая задача: {}", n.title),
            },
            body: {
                let kind = n.task.as_ref().map(|t| task_kind(t.kind, lang)).unwrap_or_default();
                match &n.given_by {
                    Some(by) => match lang {
                        Language::Uk => format!("Доручення від: {by} · {kind}"),
                        Language::En => format!("Assigned to you by {by} · {kind}"),
                        Language::Ru => format!("Поручение от: {by} · {kind}"),
                    },
                    None => kind.to_string(),
                }
            },
        },
        NotificationKind::MissedDigest => missed_digest(n, lang),
        NotificationKind::LeadRotated => lead_rotated(n, lang),
        NotificationKind::ClientDate => client_date(n, lang),
        NotificationKind::Gong => match &n.gong {
            Some(event) => gong(event, lang),
            // A gong without its event has only the deal's title to tell.
            None => NotificationText {
                summary: n.title.clone(),
                body: String::new(),
            },
        },
    }
}

fn client_date(n: &Notification, lang: Language) -> NotificationText {
    let (label, on) = n
        .client_date
        .as_ref()
        .map(|d| (d.label.as_str(), d.on.format("%d.%m").to_string()))
        .unwrap_or_default();
    let what = match (label, lang) {
        ("birthday", Language::Uk) => "день народження".to_string(),
        ("birthday", Language::En) => "birthday".to_string(),
        ("birthday", Language::Ru) => "день рождения".to_string(),
        (other, _) => other.to_string(),
    };
    NotificationText {
        summary: match lang {
            Language::Uk => format!("Завтра: {} — {what}", n.title),
            Language::En => format!("Tomorrow: {} — {what}", n.title),
            Language::Ru => format!("Завтра: {} — {what}", n.title),
        },
        body: match lang {
            Language::Uk => format!("{on}: привітайте клієнта"),
            Language::En => format!("{on}: greet the client"),
            Language::Ru => format!("{on}: поздравьте клиента"),
        },
    }
}

fn lead_rotated(n: &Notification, lang: Language) -> NotificationText {
    let (from, to) = n
        .handover
        .as_ref()
        .map(|h| (h.from_name.as_str(), h.to_name.as_str()))
        .unwrap_or_default();
    NotificationText {
        summary: match lang {
            Language::Uk => format!("Лід передано: {}", n.title),
            Language::En => format!("Lead passed on: {}", n.title),
            Language::Ru => format!("Лид передан: {}", n.title),
        },
        body: match lang {
            Language::Uk => format!("{from} не зв'язався вчасно — лід тепер у {to}"),
            Language::En => format!("{from} did not get in touch in time: the lead is now {to}'s"),
            Language::Ru => format!("{from} не связался вовремя — лид теперь у {to}"),
        },
    }
}

fn reminder(n: &Notification, lang: Language) -> NotificationText {
    // The reminder falls due `lead` minutes before the task does.
    let minutes = n
        .task
        .as_ref()
        .map(|t| (t.due_at - n.due_at).num_minutes().max(0))
        .unwrap_or(0);
    NotificationText {
        summary: match lang {
            Language::Uk => format!("{} — за {minutes} хв", n.title),
            Language::En => format!("{} in {minutes} min", n.title),
            Language::Ru => format!("{} — через {minutes} мин", n.title),
        },
        body: n
            .task
            .as_ref()
            .map(|t| task_kind(t.kind, lang).to_string())
            .unwrap_or_default(),
    }
}

fn overdue_digest(n: &Notification, lang: Language) -> NotificationText {
    let count = if n.count >= TEAM_OVERDUE_COUNT_CAP {
        format!("{TEAM_OVERDUE_COUNT_CAP}+")
    } else {
        n.count.to_string()
    };
    let summary = match lang {
        Language::Uk => format!(
            "У команди {count} {}",
            plural_slavic(
                n.count,
                ["прострочена задача", "прострочені задачі", "прострочених задач"]
            )
        ),
        Language::En => format!(
            "{count} overdue {} in the team",
            if n.count == 1 { "task" } else { "tasks" }
        ),
        Language::Ru => format!(
            "У команды {count} {}",
            plural_slavic(
                n.count,
                ["просроченная задача", "просроченные задачи", "просроченных задач"]
            )
        ),
    };
    let mut lines: Vec<String> = n.tasks.iter().map(|t| format!("• {}", t.title)).collect();
    let rest = n.count - n.tasks.len() as i64;
    if rest > 0 {
        lines.push(match lang {
            Language::Uk => format!("…і ще {rest}"),
            Language::En => format!("…and {rest} more"),
            Language::Ru => format!("…и ещё {rest}"),
        });
    }
    NotificationText {
        summary,
        body: lines.join("\n"),
    }
}

fn missed_digest(n: &Notification, lang: Language) -> NotificationText {
    let summary = match lang {
        Language::Uk => format!(
            "Поки вас не було: {} {}",
            n.count,
            plural_slavic(n.count, ["сповіщення", "сповіщення", "сповіщень"])
        ),
        Language::En => format!(
            "While you were away: {} {}",
            n.count,
            if n.count == 1 { "notification" } else { "notifications" }
        ),
        Language::Ru => format!(
            "Пока вас не было: {} {}",
            n.count,
            plural_slavic(n.count, ["уведомление", "уведомления", "уведомлений"])
        ),
    };
    let body = n
        .missed
        .iter()
        .map(|m| format!("{}: {}", kind_label(m.kind, lang), m.count))
        .collect::<Vec<_>>()
        .join("\n");
    NotificationText { summary, body }
}

fn gong(e: &GongEvent, lang: Language) -> NotificationText {
    let amount = Money::new(e.amount, e.currency.clone()).display();
    let (who, deal) = (&e.user_name, &e.deal_title);
    let summary = match (e.kind, lang) {
        (GongKind::Won, Language::Uk) => format!("{who}: угоду «{deal}» виграно — {amount}"),
        (GongKind::Won, Language::En) => format!("{who} closed «{deal}» — {amount}"),
        (GongKind::Won, Language::Ru) => format!("{who}: сделка «{deal}» выиграна — {amount}"),
        (GongKind::Paid, Language::Uk) => format!("{who}: оплата за «{deal}» — {amount}"),
        (GongKind::Paid, Language::En) => format!("{who}: payment for «{deal}» — {amount}"),
        (GongKind::Paid, Language::Ru) => format!("{who}: оплата по «{deal}» — {amount}"),
    };
    let mut parts = Vec::new();
    // The company is worth naming only when the deal's title does not already.
    if let Some(company) = e.company_name.as_deref().filter(|c| !deal.contains(c)) {
        parts.push(company.to_string());
    }
    parts.push(progress(&e.progress, lang));
    NotificationText {
        summary,
        body: parts.join(" · "),
    }
}

fn progress(p: &TeamProgress, lang: Language) -> String {
    let today = p.today_share_bp.map(|bp| match lang {
        Language::Uk => format!("{} плану на сьогодні", percent(bp)),
        Language::En => format!("{} of today's plan", percent(bp)),
        Language::Ru => format!("{} плана на сегодня", percent(bp)),
    });
    let month = p.month_share_bp.map(|bp| match lang {
        Language::Uk => format!("{} плану місяця", percent(bp)),
        Language::En => format!("{} of the month's plan", percent(bp)),
        Language::Ru => format!("{} плана месяца", percent(bp)),
    });
    let shares: Vec<String> = [today, month].into_iter().flatten().collect();
    if shares.is_empty() {
        return match lang {
            Language::Uk => "План команди на місяць не задано",
            Language::En => "No team plan for this month",
            Language::Ru => "План команды на месяц не задан",
        }
        .into();
    }
    let team = match lang {
        Language::Uk | Language::Ru => "команда",
        Language::En => "team",
    };
    format!("{team} {}", shares.join(", "))
}

/// Basis points as whole percent, rounded half up, with the no-break space [`Money`] uses too.
fn percent(bp: i64) -> String {
    format!("{}\u{a0}%", (bp + 50).div_euclid(100))
}

/// Ukrainian and Russian pick one of three forms by the number: 1, 21 → one; 2–4, 22–24 → few;
/// 0, 5–20, 25… → many.
fn plural_slavic(n: i64, [one, few, many]: [&'static str; 3]) -> &'static str {
    let (n10, n100) = (n.abs() % 10, n.abs() % 100);
    if n10 == 1 && n100 != 11 {
        one
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        few
    } else {
        many
    }
}

fn task_kind(kind: TaskKind, lang: Language) -> &'static str {
    match (kind, lang) {
        (TaskKind::Call, Language::Uk) => "Дзвінок",
        (TaskKind::Call, Language::En) => "Call",
        (TaskKind::Call, Language::Ru) => "Звонок",
        (TaskKind::Meeting, Language::Uk) => "Зустріч",
        (TaskKind::Meeting, Language::En) => "Meeting",
        (TaskKind::Meeting, Language::Ru) => "Встреча",
        (TaskKind::Email, Language::Uk) => "Лист",
        (TaskKind::Email, Language::En) => "Email",
        (TaskKind::Email, Language::Ru) => "Письмо",
        (TaskKind::Proposal, Language::Uk) => "Комерційна пропозиція",
        (TaskKind::Proposal, Language::En) => "Proposal",
        (TaskKind::Proposal, Language::Ru) => "Коммерческое предложение",
        (TaskKind::ContactLead, Language::Uk) => "Зв'язатися з лідом",
        (TaskKind::ContactLead, Language::En) => "Contact the lead",
        (TaskKind::ContactLead, Language::Ru) => "Связаться с лидом",
        (TaskKind::ReviewLost, Language::Uk) => "Розбір програної угоди",
        (TaskKind::ReviewLost, Language::En) => "Review a lost deal",
        (TaskKind::ReviewLost, Language::Ru) => "Разбор проигранной сделки",
        (TaskKind::Other, Language::Uk) => "Задача",
        (TaskKind::Other, Language::En) => "Task",
        (TaskKind::Other, Language::Ru) => "Задача",
    }
}

/// What a missed digest's line calls the notifications of one kind.
fn kind_label(kind: NotificationKind, lang: Language) -> &'static str {
    match (kind, lang) {
        (NotificationKind::TaskReminder, Language::Uk) => "Нагадування",
        (NotificationKind::TaskReminder, Language::En) => "Reminders",
        (NotificationKind::TaskReminder, Language::Ru) => "Напоминания",
        (NotificationKind::TaskOverdue, Language::Uk) => "Прострочені задачі",
        (NotificationKind::TaskOverdue, Language::En) => "Overdue tasks",
        (NotificationKind::TaskOverdue, Language::Ru) => "Просроченные задачи",
        (NotificationKind::OverdueDigest, Language::Uk) => "Зведення прострочених",
        (NotificationKind::OverdueDigest, Language::En) => "Overdue digests",
        (NotificationKind::OverdueDigest, Language::Ru) => "Сводки просроченных",
        (NotificationKind::CheckIn, Language::Uk) => "Звіти",
        (NotificationKind::CheckIn, Language::En) => "Check-ins",
        (NotificationKind::CheckIn, Language::Ru) => "Отчёты",
        (NotificationKind::NewLead, Language::Uk) => "Нові ліди",
        (NotificationKind::NewLead, Language::En) => "New leads",
        (NotificationKind::NewLead, Language::Ru) => "Новые лиды",
        (NotificationKind::TaskAssigned, Language::Uk) => "Нові задачі",
        (NotificationKind::TaskAssigned, Language::En) => "New tasks",
        (NotificationKind::TaskAssigned, Language::Ru) => "Новые задачи",
        (NotificationKind::Gong, Language::Uk) => "Гонги",
        (NotificationKind::Gong, Language::En) => "Gongs",
        (NotificationKind::Gong, Language::Ru) => "Гонги",
        (NotificationKind::MissedDigest, Language::Uk) => "Пропущені",
        (NotificationKind::MissedDigest, Language::En) => "Missed",
        (NotificationKind::MissedDigest, Language::Ru) => "Пропущенные",
        (NotificationKind::LeadRotated, Language::Uk) => "Передані ліди",
        (NotificationKind::LeadRotated, Language::En) => "Leads passed on",
        (NotificationKind::LeadRotated, Language::Ru) => "Переданные лиды",
        (NotificationKind::ClientDate, Language::Uk) => "Дати клієнтів",
        (NotificationKind::ClientDate, Language::En) => "Clients' dates",
        (NotificationKind::ClientDate, Language::Ru) => "Даты клиентов",
    }
}

#[cfg(test)]
#[path = "texts_tests.rs"]
mod tests;
