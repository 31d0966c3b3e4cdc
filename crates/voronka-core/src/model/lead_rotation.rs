//! Rule 1's rotation (DOMAIN.md "The rules of the sales process"): a new lead whose first-contact
//! task is not done within the department's lead response minutes passes to the next manager of
//! the rotation, and the head is told. The head or the admin sets it up (the rights matrix's
//! "lead rotation settings"); until then it is off.

use super::{Meta, record};
use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LeadRotationData {
    /// Whether an unprocessed lead passes on at all.
    #[serde(with = "super::fields::flag")]
    pub enabled: bool,
    /// The managers in the order a lead passes between them, each once.
    pub member_ids: Vec<Id>,
    /// A manager holding this many unprocessed leads (open first-contact tasks) is passed over;
    /// 0 sets no limit.
    pub lead_limit: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct LeadRotation {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(flatten)]
    pub data: LeadRotationData,
}
record!(LeadRotation, LeadRotationData, "lead_rotation");

/// The most unprocessed leads a limit may allow.
pub const MAX_LEAD_LIMIT: i64 = 1_000;

impl LeadRotationData {
    /// Off, with nobody in it, no limit.
    pub fn off() -> LeadRotationData {
        LeadRotationData {
            enabled: false,
            member_ids: Vec::new(),
            lead_limit: 0,
        }
    }
}

/// The settings form's values.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct LeadRotationInput {
    pub enabled: bool,
    pub member_ids: Vec<Id>,
    pub lead_limit: i64,
}

impl LeadRotationInput {
    /// The members each once, in the order given; a rotation that is on needs two of them
    /// (with one, a lead would have nowhere to go).
    pub fn validate(&self) -> Result<LeadRotationData> {
        if !(0..=MAX_LEAD_LIMIT).contains(&self.lead_limit) {
            return Err(Error::invalid(
                "lead_limit",
                format!("between 0 (no limit) and {MAX_LEAD_LIMIT} leads"),
            ));
        }
        let mut member_ids = Vec::with_capacity(self.member_ids.len());
        for (i, id) in self.member_ids.iter().enumerate() {
            if member_ids.contains(id) {
                return Err(Error::invalid(
                    format!("member_ids[{i}]"),
                    "the manager is listed twice",
                ));
            }
            member_ids.push(*id);
        }
        if self.enabled && member_ids.len() < 2 {
            return Err(Error::invalid("member_ids", "a rotation needs at least two managers"));
        }
        Ok(LeadRotationData {
            enabled: self.enabled,
            member_ids,
            lead_limit: self.lead_limit,
        })
    }
}

/// A member of the rotation as the choice of the next one sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationMember {
    pub id: Id,
    /// An active manager (a deactivated one, or one whose role changed, is passed over).
    pub available: bool,
    /// Their open first-contact tasks now.
    pub open_leads: i64,
}

/// Who gets a lead `holder` did not process: the first member after `holder` in the rotation's
/// order (from the top when `holder` is not in it, wrapping round) who is available and under
/// `lead_limit`; `None` when nobody else qualifies.
pub fn next_in_rotation(members: &[RotationMember], holder: Id, lead_limit: i64) -> Option<Id> {
    let start = members.iter().position(|m| m.id == holder).map_or(0, |i| i + 1);
    (0..members.len())
        .map(|step| members[(start + step) % members.len()])
        .find(|m| m.id != holder && m.available && (lead_limit == 0 || m.open_leads < lead_limit))
        .map(|m| m.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Id> {
        (0..n)
            .map(|i| format!("0190f000-0000-7000-8000-{i:012}").parse().unwrap())
            .collect()
    }

    fn member(id: Id, available: bool, open_leads: i64) -> RotationMember {
        RotationMember {
            id,
            available,
            open_leads,
        }
    }

    #[test]
    fn the_next_member_takes_it_skipping_the_inactive_and_the_full() {
        let id = ids(4);
        let members = [
            member(id[0], true, 0),
            member(id[1], false, 0),
            member(id[2], true, 2),
            member(id[3], true, 1),
        ];
        assert_eq!(
            next_in_rotation(&members, id[0], 0),
            Some(id[2]),
            "inactive id[1] is skipped"
        );
        assert_eq!(
            next_in_rotation(&members, id[0], 2),
            Some(id[3]),
            "id[2] holds two leads, the limit"
        );
        assert_eq!(
            next_in_rotation(&members, id[3], 1),
            Some(id[0]),
            "the order wraps round"
        );
        assert_eq!(
            next_in_rotation(&members[..2], id[0], 0),
            None,
            "nobody else is available"
        );
    }

    #[test]
    fn a_holder_outside_the_rotation_passes_to_the_first_member() {
        let id = ids(3);
        let members = [member(id[0], true, 0), member(id[1], true, 0)];
        assert_eq!(next_in_rotation(&members, id[2], 0), Some(id[0]));
        assert_eq!(next_in_rotation(&[], id[2], 0), None);
    }

    #[test]
    fn settings_are_validated_field_by_field() {
        let id = ids(2);
        let input = |enabled, member_ids: Vec<Id>, lead_limit| LeadRotationInput {
            enabled,
            member_ids,
            lead_limit,
        };
        assert!(input(true, id.clone(), 1).validate().is_ok());
        assert!(
            input(false, vec![], 0).validate().is_ok(),
            "an empty rotation may be off"
        );
        let field = |i: LeadRotationInput| i.validate().unwrap_err().field.unwrap();
        assert_eq!(field(input(true, id.clone(), -1)), "lead_limit");
        assert_eq!(field(input(true, vec![id[0], id[0]], 0)), "member_ids[1]");
        assert_eq!(field(input(true, vec![id[0]], 0)), "member_ids");
    }
}
