//! Rule 7: a leaving or idle manager's companies, their contacts, open deals and open tasks
//! are handed to another manager (or shared among several) in one step.
//!
//! The store gathers what would move into a [`HandoverPlan`]; [`share`] decides who receives
//! each record, so the preview and the move give the same answer from the same plan.

use crate::{Error, Id, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What is handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HandoverScope {
    /// Everything a manager holds: the companies and contacts they own, their open deals and
    /// the open tasks assigned to them.
    Manager { user_id: Id },
    /// Chosen companies (idle clients, say), each with what its owner holds of it: its
    /// contacts, its open deals and the open tasks about them.
    Companies { company_ids: Vec<Id> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HandoverEntity {
    Company,
    Contact,
    Deal,
    Task,
}

impl HandoverEntity {
    pub fn as_str(self) -> &'static str {
        match self {
            HandoverEntity::Company => "company",
            HandoverEntity::Contact => "contact",
            HandoverEntity::Deal => "deal",
            HandoverEntity::Task => "task",
        }
    }
}

/// One record that would move, with the links that keep it together with its company or deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct HandoverItem {
    pub id: Id,
    /// The company's or contact's name, the deal's or task's title.
    pub title: String,
    /// Who holds it now: its owner, or a task's assignee.
    pub holder_id: Id,
    pub company_id: Option<Id>,
    pub contact_id: Option<Id>,
    pub deal_id: Option<Id>,
}

/// What a handover would move, by kind, each list in the order it is shared out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct HandoverPlan {
    pub companies: Vec<HandoverItem>,
    pub contacts: Vec<HandoverItem>,
    pub deals: Vec<HandoverItem>,
    pub tasks: Vec<HandoverItem>,
}

impl HandoverPlan {
    pub fn is_empty(&self) -> bool {
        self.companies.is_empty() && self.contacts.is_empty() && self.deals.is_empty() && self.tasks.is_empty()
    }
}

/// One record given from its holder to its receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct HandoverMove {
    pub entity: HandoverEntity,
    pub id: Id,
    pub from_id: Id,
    pub to_id: Id,
}

/// What a receiver got, for the confirmation and the CLI's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct ReceiverShare {
    pub receiver_id: Id,
    pub companies: i64,
    pub contacts: i64,
    pub deals: i64,
    pub tasks: i64,
}

/// What a handover did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct HandoverOutcome {
    pub moves: Vec<HandoverMove>,
    pub shares: Vec<ReceiverShare>,
    /// The manager deactivated with the handover, if asked.
    pub deactivated: Option<Id>,
}

/// The receivers, each once and in the order given: at least one, and never the manager whose
/// records are handed over. Refused on `receivers`.
pub fn receivers(given: &[Id], leaver: Option<Id>) -> Result<Vec<Id>> {
    let mut out: Vec<Id> = Vec::with_capacity(given.len());
    for &id in given {
        if Some(id) == leaver {
            return Err(Error::invalid(
                "receivers",
                "the manager handing over cannot receive their own records",
            ));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.is_empty() {
        return Err(Error::invalid("receivers", "choose who receives the records"));
    }
    Ok(out)
}

/// Who receives each record of `plan`. Companies are dealt out in turn; a company's contacts,
/// deals and tasks follow it (rule 6: one company, one manager), a deal's tasks follow the
/// deal, and what belongs to no moving company or deal is dealt out in turn of its own kind,
/// so every kind is spread evenly. A record its receiver already holds does not move.
pub fn share(plan: &HandoverPlan, receivers: &[Id]) -> Vec<HandoverMove> {
    if receivers.is_empty() {
        return Vec::new();
    }
    let mut turn: HashMap<HandoverEntity, usize> = HashMap::new();
    let mut next = |entity: HandoverEntity| {
        let n = turn.entry(entity).or_default();
        let id = receivers[*n % receivers.len()];
        *n += 1;
        id
    };
    let mut to: HashMap<Id, Id> = HashMap::new();
    let mut moves = Vec::new();
    let mut give = |entity, item: &HandoverItem, links: &[Option<Id>], to: &mut HashMap<Id, Id>| {
        let receiver = links
            .iter()
            .flatten()
            .find_map(|link| to.get(link).copied())
            .unwrap_or_else(|| next(entity));
        to.insert(item.id, receiver);
        if receiver != item.holder_id {
            moves.push(HandoverMove {
                entity,
                id: item.id,
                from_id: item.holder_id,
                to_id: receiver,
            });
        }
    };
    for c in &plan.companies {
        give(HandoverEntity::Company, c, &[], &mut to);
    }
    for c in &plan.contacts {
        give(HandoverEntity::Contact, c, &[c.company_id], &mut to);
    }
    for d in &plan.deals {
        give(HandoverEntity::Deal, d, &[d.company_id], &mut to);
    }
    for t in &plan.tasks {
        give(
            HandoverEntity::Task,
            t,
            &[t.deal_id, t.company_id, t.contact_id],
            &mut to,
        );
    }
    moves
}

/// How many records of each kind each receiver gets, in the receivers' order.
pub fn shares(moves: &[HandoverMove], receivers: &[Id]) -> Vec<ReceiverShare> {
    receivers
        .iter()
        .map(|&r| {
            let count = |e| moves.iter().filter(|m| m.to_id == r && m.entity == e).count() as i64;
            ReceiverShare {
                receiver_id: r,
                companies: count(HandoverEntity::Company),
                contacts: count(HandoverEntity::Contact),
                deals: count(HandoverEntity::Deal),
                tasks: count(HandoverEntity::Task),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id(n: u128) -> Id {
        Id(Uuid::from_u128(n))
    }

    fn item(n: u128, company: Option<u128>, deal: Option<u128>) -> HandoverItem {
        HandoverItem {
            id: id(n),
            title: format!("#{n}"),
            holder_id: id(1),
            company_id: company.map(id),
            contact_id: None,
            deal_id: deal.map(id),
        }
    }

    #[test]
    fn companies_are_dealt_in_turn_and_their_records_follow_them() {
        let plan = HandoverPlan {
            companies: vec![item(10, None, None), item(11, None, None), item(12, None, None)],
            contacts: vec![item(20, Some(11), None)],
            deals: vec![item(30, Some(12), None), item(31, None, None), item(32, None, None)],
            tasks: vec![item(40, None, Some(30)), item(41, Some(11), None), item(42, None, None)],
        };
        let (maria, ivan) = (id(2), id(3));
        let moves = share(&plan, &[maria, ivan]);
        let to = |n| moves.iter().find(|m| m.id == id(n)).map(|m| m.to_id);
        assert_eq!([to(10), to(11), to(12)], [Some(maria), Some(ivan), Some(maria)]);
        assert_eq!(to(20), Some(ivan), "a contact goes with its company");
        assert_eq!(to(30), Some(maria), "a deal goes with its company");
        assert_eq!(
            [to(31), to(32)],
            [Some(maria), Some(ivan)],
            "loose deals take turns of their own"
        );
        assert_eq!(to(40), Some(maria), "a task goes with its deal");
        assert_eq!(to(41), Some(ivan), "a task goes with its company");
        assert_eq!(to(42), Some(maria));
        let counts = shares(&moves, &[maria, ivan]);
        assert_eq!((counts[0].companies, counts[1].companies), (2, 1));
        assert_eq!(moves.len(), 10, "every record moves once");
    }

    #[test]
    fn what_the_receiver_already_holds_stays() {
        let mut company = item(10, None, None);
        company.holder_id = id(2);
        let plan = HandoverPlan {
            companies: vec![company],
            ..Default::default()
        };
        assert!(share(&plan, &[id(2)]).is_empty());
    }

    #[test]
    fn receivers_are_someone_else_each_once() {
        assert_eq!(
            receivers(&[id(2), id(3), id(2)], Some(id(1))).unwrap(),
            vec![id(2), id(3)]
        );
        for bad in [receivers(&[], Some(id(1))), receivers(&[id(1), id(2)], Some(id(1)))] {
            assert_eq!(bad.unwrap_err().field.as_deref(), Some("receivers"));
        }
    }
}
