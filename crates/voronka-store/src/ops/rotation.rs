//! Rule 1's lead rotation: its settings (the head's or the admin's) and the step every desktop's
//! scheduler runs, which hands each unprocessed lead to the next manager exactly once however
//! many desktops run it at the same moment.

use crate::Store;
use crate::tx::Tx;
use chrono::Duration;
use serde::Deserialize;
use voronka_core::model::*;
use voronka_core::notify::LeadHandover;
use voronka_core::rights::{Action, Subject};
use voronka_core::{Error, ErrorCode, Id, Result};

/// Unprocessed leads one step hands over at most; the next tick takes the rest.
const LEADS_PER_STEP: i64 = 50;
/// A company counts as having come with its lead when it was made this close before the deal.
const NEW_WITH_LEAD: Duration = Duration::hours(1);

impl Store {
    /// The rotation as saved, or, before the first save, off (version 0: not stored yet).
    pub async fn lead_rotation(&self) -> Result<LeadRotation> {
        let mut tx = self.begin_read().await?;
        let rotation = tx.rotation_record().await;
        tx.commit().await?;
        rotation
    }

    /// Saves the rotation read at `version` (0 before the first save). The head and the admin
    /// may; a new member must be an active manager (one who stops being one stays listed and
    /// is passed over).
    pub async fn save_lead_rotation(&self, actor: Id, version: i64, input: &LeadRotationInput) -> Result<LeadRotation> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.may_all(Subject::Regulations, Action::Change).await?;
        let current = tx.stored_rotation().await?;
        let was = current.as_ref().map(|r| r.data.member_ids.clone()).unwrap_or_default();
        for (i, id) in data.member_ids.iter().enumerate() {
            if was.contains(id) {
                continue;
            }
            let field = format!("member_ids[{i}]");
            let user = tx.require_assignable(*id, &field, None).await?;
            if user.data.role != Role::Manager {
                return Err(Error::invalid(field, "only managers take leads in the rotation"));
            }
        }
        let saved = match current {
            None if version == 0 => {
                tx.create_from(|meta| LeadRotation { meta, data })
                    .await
                    .map_err(|e| match e.code {
                        // Two first saves at once: the second finds the first's row.
                        ErrorCode::Duplicate => Error::conflict(LeadRotation::ENTITY),
                        _ => e,
                    })?
            }
            Some(stored) => tx.replace::<LeadRotation>(stored.meta.id, version, data).await?.1,
            None => return Err(Error::conflict(LeadRotation::ENTITY)),
        };
        tx.commit().await?;
        Ok(saved)
    }

    /// Rule 1's step: every new lead whose first-contact task is past its due time passes to
    /// the next manager of the rotation (see [`next_in_rotation`]) with its deal, its task (due
    /// again in the lead response minutes) and its company when the company came with it. The
    /// head hears of each through the notifications (`lead_rotated`), the new manager as of a
    /// new lead.
    ///
    /// Exactly once: each handover first claims the task at the version it was read at (a row
    /// of `lead_handovers`, unique per task and version). Of two desktops stepping at once, the
    /// second's claim waits for the first's transaction and then finds the key taken, so it
    /// passes the lead over. Only the head and the admin hand leads over (a manager's desktop
    /// is refused, and skips the step).
    pub async fn rotate_leads(&self, actor: Id) -> Result<Vec<LeadHandover>> {
        let mut tx = self.begin(Some(actor)).await?;
        tx.may_all(Subject::Regulations, Action::Change).await?;
        let rotation = tx.rotation_record().await?.data;
        if !rotation.enabled || rotation.member_ids.is_empty() {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        let minutes = tx.process().await?.lead_response_minutes;
        let sql = format!(
            "SELECT * FROM tasks WHERE kind = 'contact_lead' AND done_at IS NULL AND deleted_at IS NULL \
             AND due_at <= $1 AND deal_id IS NOT NULL ORDER BY due_at, id LIMIT {LEADS_PER_STEP}"
        );
        let now_ms = tx.now.timestamp_millis();
        let due: Vec<Task> = tx
            .fetch_all(&sql, vec![now_ms.into()], <Task as crate::table::Rows>::JSON)
            .await?;
        let mut handed = Vec::new();
        for task in due {
            if let Some(handover) = tx.hand_over_lead(&task, &rotation, minutes).await? {
                handed.push(handover);
            }
        }
        tx.commit().await?;
        Ok(handed)
    }
}

impl Tx<'_> {
    async fn stored_rotation(&mut self) -> Result<Option<LeadRotation>> {
        let sql = "SELECT * FROM lead_rotation WHERE deleted_at IS NULL";
        let mut rows: Vec<LeadRotation> = self
            .fetch_all(sql, vec![], <LeadRotation as crate::table::Rows>::JSON)
            .await?;
        Ok(rows.pop())
    }

    async fn rotation_record(&mut self) -> Result<LeadRotation> {
        if let Some(stored) = self.stored_rotation().await? {
            return Ok(stored);
        }
        let mut meta = Meta::new(Id(uuid::Uuid::nil()), self.now);
        meta.version = 0;
        Ok(LeadRotation {
            meta,
            data: LeadRotationData::off(),
        })
    }

    /// Unprocessed leads (open first-contact tasks) assigned to `user_id`.
    async fn open_leads(&mut self, user_id: Id) -> Result<i64> {
        self.scalar(
            "SELECT COUNT(*) FROM tasks WHERE assignee_id = $1 AND kind = 'contact_lead' \
             AND done_at IS NULL AND deleted_at IS NULL",
            vec![user_id.into()],
        )
        .await
    }

    async fn rotation_members(&mut self, rotation: &LeadRotationData) -> Result<Vec<RotationMember>> {
        let mut members = Vec::with_capacity(rotation.member_ids.len());
        for id in &rotation.member_ids {
            let available = match self.get_any::<User>(*id).await {
                Ok(u) => u.data.active && u.meta.deleted_at.is_none() && u.data.role == Role::Manager,
                Err(e) if e.code == ErrorCode::NotFound => false,
                Err(e) => return Err(e),
            };
            let open_leads = if available { self.open_leads(*id).await? } else { 0 };
            members.push(RotationMember {
                id: *id,
                available,
                open_leads,
            });
        }
        Ok(members)
    }

    /// Hands `task`'s lead to the next manager, or does nothing: its deal is no longer an open
    /// lead, nobody in the rotation may take it, or another desktop claimed it first.
    async fn hand_over_lead(
        &mut self,
        task: &Task,
        rotation: &LeadRotationData,
        minutes: i64,
    ) -> Result<Option<LeadHandover>> {
        let Some(deal_id) = task.data.deal_id else {
            return Ok(None);
        };
        let deal: Deal = self.get_any(deal_id).await?;
        if deal.status != DealStatus::Open || deal.meta.deleted_at.is_some() {
            return Ok(None);
        }
        let from = task.data.assignee_id;
        let members = self.rotation_members(rotation).await?;
        let Some(to) = next_in_rotation(&members, from, rotation.lead_limit) else {
            return Ok(None);
        };
        let company = match deal.data.company_id {
            Some(id) => {
                let company: Company = self.get_any(id).await?;
                let came_with_lead = company.meta.deleted_at.is_none()
                    && company.data.owner_id == from
                    && company.meta.created_at >= deal.meta.created_at - NEW_WITH_LEAD
                    && self.other_deals_of(id, deal_id).await? == 0;
                came_with_lead.then_some(company)
            }
            None => None,
        };
        let id = self.new_id();
        let claimed = self
            .execute(
                "INSERT INTO lead_handovers (id, task_id, task_version, deal_id, company_id, from_user_id, to_user_id, at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (task_id, task_version) DO NOTHING",
                vec![
                    id.into(),
                    task.meta.id.into(),
                    task.meta.version.into(),
                    deal_id.into(),
                    company.as_ref().map(|c| c.meta.id).into(),
                    from.into(),
                    to.into(),
                    self.now.timestamp_millis().into(),
                ],
            )
            .await?;
        if claimed == 0 {
            return Ok(None);
        }
        let mut moved = task.clone();
        moved.data.assignee_id = to;
        moved.data.due_at = self.now + Duration::minutes(minutes);
        self.update(task, &mut moved, AuditAction::Update).await?;
        let mut taken = deal.clone();
        taken.data.owner_id = to;
        self.update(&deal, &mut taken, AuditAction::Update).await?;
        self.reindex(Deal::ENTITY, deal_id).await?;
        if let Some(company) = company {
            let mut taken = company.clone();
            taken.data.owner_id = to;
            self.update(&company, &mut taken, AuditAction::Update).await?;
            self.reindex(Company::ENTITY, company.meta.id).await?;
            let contacts: Vec<Contact> = self
                .fetch_all(
                    "SELECT * FROM contacts WHERE company_id = $1 AND owner_id = $2 AND deleted_at IS NULL",
                    vec![company.meta.id.into(), from.into()],
                    <Contact as crate::table::Rows>::JSON,
                )
                .await?;
            for contact in contacts {
                let mut taken = contact.clone();
                taken.data.owner_id = to;
                self.update(&contact, &mut taken, AuditAction::Update).await?;
                self.reindex(Contact::ENTITY, contact.meta.id).await?;
            }
        }
        let name = |user: Option<User>| user.map(|u| u.data.name.to_string()).unwrap_or_default();
        Ok(Some(LeadHandover {
            id,
            task_id: task.meta.id,
            deal_id,
            deal_title: deal.data.title.to_string(),
            from_user_id: from,
            from_name: name(self.get_any::<User>(from).await.ok()),
            to_user_id: to,
            to_name: name(self.get_any::<User>(to).await.ok()),
            at: self.now,
        }))
    }

    async fn other_deals_of(&mut self, company_id: Id, deal_id: Id) -> Result<i64> {
        self.scalar(
            "SELECT COUNT(*) FROM deals WHERE company_id = $1 AND id <> $2 AND deleted_at IS NULL",
            vec![company_id.into(), deal_id.into()],
        )
        .await
    }

    /// Handovers in `(since, until]` as the head's notifications tell them.
    pub(crate) async fn handovers_between(&mut self, since_ms: i64, until_ms: i64) -> Result<Vec<LeadHandover>> {
        #[derive(Deserialize)]
        struct Row {
            id: Id,
            task_id: Id,
            deal_id: Id,
            deal_title: String,
            from_user_id: Id,
            from_name: String,
            to_user_id: Id,
            to_name: String,
            at: i64,
        }
        let rows: Vec<Row> = self
            .fetch_all(
                "SELECT h.id, h.task_id, h.deal_id, d.title AS deal_title, h.from_user_id, f.name AS from_name, \
                 h.to_user_id, t.name AS to_name, h.at FROM lead_handovers h \
                 JOIN deals d ON d.id = h.deal_id JOIN users f ON f.id = h.from_user_id \
                 JOIN users t ON t.id = h.to_user_id WHERE h.at > $1 AND h.at <= $2 ORDER BY h.at, h.id LIMIT 200",
                vec![since_ms.into(), until_ms.into()],
                &[],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| LeadHandover {
                id: r.id,
                task_id: r.task_id,
                deal_id: r.deal_id,
                deal_title: r.deal_title,
                from_user_id: r.from_user_id,
                from_name: r.from_name,
                to_user_id: r.to_user_id,
                to_name: r.to_name,
                at: chrono::DateTime::from_timestamp_millis(r.at).unwrap_or(self.now),
            })
            .collect())
    }
}
