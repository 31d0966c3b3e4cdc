//! Rule 7, the head's handover: what a leaving or idle manager holds (or chosen companies) goes
//! to one receiver or is shared among several, in one transaction, each record with its audit
//! entry. Receivers hear of the open tasks they got through the usual "assigned to you"
//! notification: every moved task is changed now and was written by someone else.

use crate::Store;
use crate::row::Value;
use crate::table::{Rows, Table};
use crate::tx::Tx;
use voronka_core::handover::{self, HandoverEntity, HandoverItem, HandoverOutcome, HandoverPlan, HandoverScope};
use voronka_core::model::*;
use voronka_core::rights::{self, Action, Subject};
use voronka_core::{Error, Id, Result};

const LIVE_COMPANIES: &str =
    "SELECT * FROM companies WHERE owner_id = $1 AND deleted_at IS NULL ORDER BY created_at, id";
const LIVE_CONTACTS: &str = "SELECT * FROM contacts WHERE owner_id = $1 AND deleted_at IS NULL ORDER BY created_at, id";
const OPEN_DEALS: &str =
    "SELECT * FROM deals WHERE owner_id = $1 AND status = 'open' AND deleted_at IS NULL ORDER BY created_at, id";
const OPEN_TASKS: &str =
    "SELECT * FROM tasks WHERE assignee_id = $1 AND done_at IS NULL AND deleted_at IS NULL ORDER BY due_at, id";

impl Store {
    /// What a handover of `scope` would move, for the head to look at before confirming it.
    pub async fn handover_preview(&self, actor: Id, scope: &HandoverScope) -> Result<HandoverPlan> {
        let mut tx = self.begin_read().await?;
        tx.actor = Some(actor);
        tx.may_hand_over(Action::Read).await?;
        let plan = tx.handover_plan(scope).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Hands `scope` to `receivers` (shared in turn when several, see
    /// [`handover::share`]); with `deactivate`, the manager handed over is deactivated in the
    /// same transaction. Everything is checked before the first write.
    pub async fn handover(
        &self,
        actor: Id,
        scope: &HandoverScope,
        receivers: &[Id],
        deactivate: bool,
    ) -> Result<HandoverOutcome> {
        let leaver = match scope {
            HandoverScope::Manager { user_id } => Some(*user_id),
            HandoverScope::Companies { .. } if deactivate => {
                return Err(Error::invalid(
                    "deactivate",
                    "only a manager handed over whole can be deactivated with it",
                ));
            }
            HandoverScope::Companies { .. } => None,
        };
        let receivers = handover::receivers(receivers, leaver)?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.may_hand_over(Action::Change).await?;
        for &r in &receivers {
            tx.require_assignable(r, "receivers", None).await?;
        }
        let plan = tx.handover_plan(scope).await?;
        let moves = handover::share(&plan, &receivers);
        for m in &moves {
            match m.entity {
                HandoverEntity::Company => tx.give::<Company>(m.id, |c| c.data.owner_id = m.to_id).await?,
                HandoverEntity::Contact => tx.give::<Contact>(m.id, |c| c.data.owner_id = m.to_id).await?,
                HandoverEntity::Deal => {
                    tx.give::<Deal>(m.id, |d| d.data.owner_id = m.to_id).await?;
                    // Quick search shows a manager her own deals by the owner kept with the entry.
                    tx.reindex(Deal::ENTITY, m.id).await?;
                }
                HandoverEntity::Task => tx.give::<Task>(m.id, |t| t.data.assignee_id = m.to_id).await?,
            }
        }
        let deactivated = match leaver {
            Some(id) if deactivate => {
                tx.give::<User>(id, |u| u.data.active = false).await?;
                Some(id)
            }
            _ => None,
        };
        tx.commit().await?;
        Ok(HandoverOutcome {
            shares: handover::shares(&moves, &receivers),
            moves,
            deactivated,
        })
    }
}

impl Tx<'_> {
    /// Rule 7 is the head's and the admin's (the matrix's "handover" row).
    async fn may_hand_over(&mut self, action: Action) -> Result<()> {
        let role = self.actor_role().await?;
        rights::check(role, Subject::Regulations, action, false)
    }

    /// What `scope` holds now, read in this unit of work so the move takes exactly it.
    async fn handover_plan(&mut self, scope: &HandoverScope) -> Result<HandoverPlan> {
        match scope {
            HandoverScope::Manager { user_id } => {
                let user: User = self.require(*user_id, "user_id").await?;
                let id = user.meta.id;
                Ok(HandoverPlan {
                    companies: self.items::<Company>(LIVE_COMPANIES, id).await?,
                    contacts: self.items::<Contact>(LIVE_CONTACTS, id).await?,
                    deals: self.items::<Deal>(OPEN_DEALS, id).await?,
                    tasks: self.items::<Task>(OPEN_TASKS, id).await?,
                })
            }
            HandoverScope::Companies { company_ids } => self.companies_plan(company_ids).await,
        }
    }

    /// Chosen companies with what their owner holds of them.
    async fn companies_plan(&mut self, company_ids: &[Id]) -> Result<HandoverPlan> {
        if company_ids.is_empty() {
            return Err(Error::invalid("company_ids", "choose the companies to hand over"));
        }
        let mut plan = HandoverPlan::default();
        for &id in company_ids {
            if plan.companies.iter().any(|c| c.id == id) {
                continue;
            }
            let company: Company = self.require(id, "company_ids").await?;
            let owner = company.data.owner_id;
            plan.companies.push(item_of(&company));
            let of_company = |sql: &str| sql.replace("owner_id = $1", "owner_id = $1 AND company_id = $2");
            let params = || -> Vec<Value> { vec![owner.into(), id.into()] };
            let contacts: Vec<Contact> = self
                .fetch_all(&of_company(LIVE_CONTACTS), params(), Contact::JSON)
                .await?;
            let deals: Vec<Deal> = self.fetch_all(&of_company(OPEN_DEALS), params(), Deal::JSON).await?;
            let tasks: Vec<Task> = self
                .fetch_all(
                    "SELECT * FROM tasks t WHERE t.assignee_id = $1 AND t.done_at IS NULL AND t.deleted_at IS NULL
                     AND (t.company_id = $2
                       OR t.deal_id IN (SELECT d.id FROM deals d WHERE d.company_id = $2 AND d.owner_id = $1
                           AND d.status = 'open' AND d.deleted_at IS NULL)
                       OR t.contact_id IN (SELECT c.id FROM contacts c WHERE c.company_id = $2 AND c.owner_id = $1
                           AND c.deleted_at IS NULL))
                     ORDER BY t.due_at, t.id",
                    params(),
                    Task::JSON,
                )
                .await?;
            plan.contacts.extend(contacts.iter().map(item_of));
            plan.deals.extend(deals.iter().map(item_of));
            for task in &tasks {
                // A task may be about one chosen company's deal and another's contact.
                if !plan.tasks.iter().any(|t| t.id == task.meta.id) {
                    plan.tasks.push(item_of(task));
                }
            }
        }
        Ok(plan)
    }

    async fn items<R: Table + Holding>(&mut self, sql: &str, holder: Id) -> Result<Vec<HandoverItem>> {
        let records: Vec<R> = self.fetch_all(sql, vec![holder.into()], R::JSON).await?;
        Ok(records.iter().map(item_of).collect())
    }

    /// Writes `record` with a new holder, with its audit entry; the rights matrix and the
    /// version are checked as for any other change.
    async fn give<R: Table>(&mut self, id: Id, change: impl FnOnce(&mut R)) -> Result<()> {
        let before: R = self.get(id).await?;
        let mut after = before.clone();
        change(&mut after);
        self.update(&before, &mut after, AuditAction::Update).await
    }
}

/// A record a handover can move, seen as an item of the plan.
trait Holding {
    fn item(&self) -> HandoverItem;
}

fn item_of<R: Holding>(record: &R) -> HandoverItem {
    record.item()
}

impl Holding for Company {
    fn item(&self) -> HandoverItem {
        HandoverItem {
            id: self.meta.id,
            title: self.data.name.as_str().to_string(),
            holder_id: self.data.owner_id,
            company_id: None,
            contact_id: None,
            deal_id: None,
        }
    }
}

impl Holding for Contact {
    fn item(&self) -> HandoverItem {
        HandoverItem {
            id: self.meta.id,
            title: self.data.full_name.as_str().to_string(),
            holder_id: self.data.owner_id,
            company_id: self.data.company_id,
            contact_id: None,
            deal_id: None,
        }
    }
}

impl Holding for Deal {
    fn item(&self) -> HandoverItem {
        HandoverItem {
            id: self.meta.id,
            title: self.data.title.as_str().to_string(),
            holder_id: self.data.owner_id,
            company_id: self.data.company_id,
            contact_id: None,
            deal_id: None,
        }
    }
}

impl Holding for Task {
    fn item(&self) -> HandoverItem {
        HandoverItem {
            id: self.meta.id,
            title: self.data.title.as_str().to_string(),
            holder_id: self.data.assignee_id,
            company_id: self.data.company_id,
            contact_id: self.data.contact_id,
            deal_id: self.data.deal_id,
        }
    }
}
