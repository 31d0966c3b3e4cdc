//! The rules of the sales process (DOMAIN.md) that decide on facts the caller gathered.
//! The store gathers the facts inside its transaction and asks these functions.

use crate::model::{DealFacts, DealField, LossReason, Stage, StageKind, meaningful_result};
use crate::{Error, ErrorCode, Id, Result};
use chrono::{DateTime, Utc};

/// Rule 4 and rule 5: may a deal enter `stage`? Lists every missing field at once so the form
/// can mark them all; the first one is the error's `field`.
pub fn check_stage_entry(facts: &DealFacts<'_>, stage: &Stage, loss_reason_id: Option<Id>) -> Result<()> {
    if stage.data.kind == StageKind::Lost && loss_reason_id.is_none() {
        return Err(Error::new(
            ErrorCode::LossReasonRequired,
            "a deal cannot be lost without a loss reason",
        )
        .on("loss_reason_id"));
    }
    let missing: Vec<DealField> = stage
        .data
        .required_fields
        .iter()
        .copied()
        .filter(|f| !facts.has(*f))
        .collect();
    if let Some(first) = missing.first() {
        let names: Vec<&str> = missing.iter().map(|f| f.as_str()).collect();
        return Err(Error::new(
            ErrorCode::StageRequirements,
            format!("fill {} before the deal enters «{}»", names.join(", "), stage.data.name),
        )
        .on(first.as_str()));
    }
    Ok(())
}

/// Rule 5's reason must be one the dictionary still offers: a retired reason keeps the deals
/// lost with it but takes no new ones.
pub fn check_loss_reason(reason: &LossReason) -> Result<()> {
    if reason.data.active {
        return Ok(());
    }
    Err(Error::invalid(
        "loss_reason_id",
        format!("«{}» is no longer offered as a loss reason", reason.data.name),
    ))
}

/// Rule 2 when a task is closed: a task about an open deal that has no other open task may only
/// be closed together with the deal's next task. `other_open_tasks` counts the deal's open tasks
/// besides the one being closed; `next_for_deal` says whether the next task is about that deal.
pub fn check_next_task(deal_open: bool, other_open_tasks: i64, next_for_deal: bool) -> Result<()> {
    if !deal_open || other_open_tasks > 0 || next_for_deal {
        return Ok(());
    }
    Err(Error::new(
        ErrorCode::InvalidState,
        "this is the deal's last open task: plan the deal's next task to close it",
    )
    .on("next"))
}

/// Rule 3, re-exported here so every rule can be found in one place.
pub fn task_result(raw: &str) -> Result<String> {
    meaningful_result(raw)
}

/// Rule 6: the refusal for a duplicate company names the owner and the field that collided
/// (`work_phone`, `mobile_phone`, `email`, `legal_id` or `name` for the name within a city).
pub fn duplicate_company(existing_name: &str, owner_name: &str, field: &str) -> Error {
    let what = match field {
        "work_phone" | "mobile_phone" => "phone",
        "email" => "email",
        "legal_id" => "legal id",
        _ => "name in the same city",
    };
    Error::new(
        ErrorCode::Duplicate,
        format!("«{existing_name}» already exists, owned by {owner_name} (same {what})"),
    )
    .on(field)
}

/// The longest reason kept for moving an overdue task.
pub const RESCHEDULE_REASON_MAX: usize = 500;

/// Moving an overdue task's due time needs a written reason: the head reads why a promise to a
/// client slipped. `was_due` is the task's due time, `due` the new one. Returns the reason to
/// keep (trimmed), `None` when the move needs none; refused on `reschedule_reason` otherwise.
pub fn reschedule_reason(
    was_due: DateTime<Utc>,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
    reason: Option<&str>,
) -> Result<Option<String>> {
    let text = reason.map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "));
    let text = text.filter(|t| !t.is_empty());
    if was_due == due || was_due >= now {
        return Ok(text);
    }
    match text {
        None => Err(
            Error::new(ErrorCode::RescheduleReasonRequired, "say why the overdue task is moved")
                .on("reschedule_reason"),
        ),
        Some(t) if t.chars().count() > RESCHEDULE_REASON_MAX => Err(Error::invalid(
            "reschedule_reason",
            format!("at most {RESCHEDULE_REASON_MAX} characters"),
        )),
        Some(t) => Ok(Some(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_an_overdue_task_needs_a_reason() {
        use chrono::{Duration, TimeZone};
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
        let (past, later) = (now - Duration::hours(1), now + Duration::days(1));
        for blank in [None, Some(""), Some("  \n ")] {
            let err = reschedule_reason(past, later, now, blank).unwrap_err();
            assert_eq!(
                (err.code, err.field.as_deref()),
                (ErrorCode::RescheduleReasonRequired, Some("reschedule_reason"))
            );
        }
        assert_eq!(
            reschedule_reason(past, later, now, Some("  клієнт у  відпустці ")).unwrap(),
            Some("клієнт у відпустці".into())
        );
        assert_eq!(
            reschedule_reason(later, later + Duration::hours(1), now, None).unwrap(),
            None,
            "a task not yet due moves freely"
        );
        assert_eq!(
            reschedule_reason(past, past, now, None).unwrap(),
            None,
            "an edit that keeps the due time is no move"
        );
    }

    #[test]
    fn the_last_task_of_an_open_deal_needs_the_next_one() {
        let err = check_next_task(true, 0, false).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::InvalidState, Some("next"))
        );
        assert!(
            check_next_task(true, 0, true).is_ok(),
            "the next task keeps the deal covered"
        );
        assert!(
            check_next_task(true, 1, false).is_ok(),
            "another open task keeps it covered"
        );
        assert!(
            check_next_task(false, 0, false).is_ok(),
            "a won or lost deal needs none"
        );
    }
}
