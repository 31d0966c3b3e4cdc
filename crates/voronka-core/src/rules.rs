//! The rules of the sales process (DOMAIN.md) that decide on facts the caller gathered.
//! The store gathers the facts inside its transaction and asks these functions.

use crate::model::{DealFacts, DealField, Stage, StageKind, meaningful_result};
use crate::{Error, ErrorCode, Id, Result};

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
