//! Deals and what hangs on them: stage moves with rules 4 and 5 and the stage history, items,
//! payments and documents.

use crate::Store;
use crate::tx::Tx;
use chrono::Duration;
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::notify::GongKind;
use voronka_core::{Error, ErrorCode, Id, Result, rules};

/// A request to move a deal to another stage; a lost stage needs the reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct MoveDeal {
    #[serde(default)]
    pub stage_id: Option<Id>,
    #[serde(default)]
    pub loss_reason_id: Option<Id>,
    #[serde(default)]
    pub loss_comment: Option<String>,
}

impl Store {
    /// Creates a deal in `stage_id` (by default its pipeline's first stage in use). A deal
    /// without a title is named by the department's title template; one without a currency
    /// takes the department's. A deal that starts as a new lead gets a `contact_lead` task for
    /// its owner, due in the department's lead response minutes (rule 1).
    pub async fn create_deal(&self, actor: Id, input: &DealInput, stage_id: Option<Id>) -> Result<Deal> {
        let mut tx = self.begin(Some(actor)).await?;
        let deal = tx.new_deal(actor, input, stage_id).await?;
        tx.commit().await?;
        Ok(deal)
    }

    /// The title a deal made from `input` would get: its own, or the title template's. For
    /// the deal form's preview.
    pub async fn deal_title_preview(&self, actor: Id, input: &DealInput) -> Result<String> {
        let mut tx = self.begin_read().await?;
        let process = tx.process().await?;
        let title = tx.deal_data(actor, input, &process).await.map(|d| d.title.to_string());
        tx.commit().await?;
        title
    }

    /// Replaces a deal's editable fields. The deal must still satisfy its current stage's
    /// requirements; moving between pipelines goes through [`Store::move_deal`].
    pub async fn update_deal(&self, actor: Id, id: Id, version: i64, input: &DealInput) -> Result<Deal> {
        let mut data = input.validate(actor)?;
        let mut tx = self.begin(Some(actor)).await?;
        let current: Deal = tx.get_at(id, version).await?;
        if super::process::blank(input.currency.as_deref()) {
            data.currency = tx.default_currency().await?;
        }
        tx.check_deal_links(&data, Some(id)).await?;
        tx.check_deal_choices(&data, Some(&current.data)).await?;
        if current.data.pipeline_id != data.pipeline_id {
            return Err(Error::new(
                ErrorCode::InvalidState,
                "move the deal to a stage of the other pipeline instead",
            )
            .on("pipeline_id"));
        }
        let stage: Stage = tx.get_any(current.stage_id).await?;
        if data.currency != current.data.currency && tx.item_count(id).await? > 0 {
            return Err(Error::invalid(
                "currency",
                format!("the deal's items are in {}", current.data.currency.as_str()),
            ));
        }
        if current.amount_from_items {
            // The amount follows the items, whatever the form sent.
            data.amount = current.data.amount;
        }
        if stage.data.kind != StageKind::Lost {
            tx.check_stage_entry(id, &data, &stage, current.loss_reason_id).await?;
        }
        let (_, deal) = tx.replace::<Deal>(id, version, data).await?;
        tx.link_contacts(&deal).await?;
        tx.reindex(Deal::ENTITY, id).await?;
        tx.commit().await?;
        Ok(deal)
    }

    /// Moves a deal to another stage (of its own or another pipeline), keeping the stage
    /// history. Rule 4: the stage's required fields must be filled. Rule 5: a lost stage needs
    /// a loss reason and gives the head a `review_lost` task.
    pub async fn move_deal(&self, actor: Id, id: Id, version: i64, to: &MoveDeal) -> Result<Deal> {
        let stage_id = to
            .stage_id
            .ok_or_else(|| Error::invalid("stage_id", "choose a stage"))?;
        let loss_comment = voronka_core::model::opt_text(to.loss_comment.as_deref(), "loss_comment", 5_000)?;
        let mut tx = self.begin(Some(actor)).await?;
        let before: Deal = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Deal::ENTITY, id));
        }
        let stage: Stage = tx.require(stage_id, "stage_id").await?;
        let pipeline: Pipeline = tx.get_any(stage.data.pipeline_id).await?;
        if stage.archived || pipeline.archived {
            return Err(Error::new(ErrorCode::InvalidState, "the stage is archived").on("stage_id"));
        }
        if stage.meta.id == before.stage_id {
            return Err(Error::new(ErrorCode::InvalidState, "the deal is already in this stage").on("stage_id"));
        }
        let lost = stage.data.kind == StageKind::Lost;
        let reason = if lost { to.loss_reason_id } else { None };
        tx.check_stage_entry(id, &before.data, &stage, reason).await?;
        if let Some(reason) = reason {
            tx.require_loss_reason(reason).await?;
        }
        let mut after = before.clone();
        after.status = stage.data.kind.into();
        after.loss_reason_id = reason;
        after.data.loss_comment = if lost {
            loss_comment
        } else {
            before.data.loss_comment.clone()
        };
        after.closed_at = (stage.data.kind != StageKind::Open).then_some(tx.now);
        let after = tx.enter_stage(&before, after, &stage).await?;
        if lost {
            let head = tx.head_of_sales().await?.unwrap_or(actor);
            tx.add_task(TaskData {
                kind: TaskKind::ReviewLost,
                title: ShortText::parse(&format!("Розібрати програну угоду: {}", after.data.title))?,
                deal_id: Some(id),
                company_id: after.data.company_id,
                contact_id: None,
                assignee_id: head,
                due_at: tx.now + Duration::days(1),
            })
            .await?;
        }
        // Rule 8: a won deal rings the gong, written with the win itself.
        let gong = match stage.data.kind {
            StageKind::Won => Some(tx.ring_gong(GongKind::Won, &after, None).await?),
            _ => None,
        };
        tx.commit().await?;
        self.announce(gong);
        Ok(after)
    }

    pub async fn stage_history(&self, deal_id: Id) -> Result<Vec<StageSpell>> {
        let mut tx = self.begin_read().await?;
        let spells = tx
            .fetch_all(
                "SELECT * FROM stage_spells WHERE deal_id = $1 ORDER BY entered_at, id",
                vec![deal_id.into()],
                &[],
            )
            .await;
        tx.commit().await?;
        spells
    }
}

impl Tx<'_> {
    /// Rule 4: whether a deal holding `data`, with the items and proposals it has stored, may
    /// be in `stage` (entering it, or staying in it after a change).
    pub(crate) async fn check_stage_entry(
        &mut self,
        deal_id: Id,
        data: &DealData,
        stage: &Stage,
        loss_reason: Option<Id>,
    ) -> Result<()> {
        let facts = DealFacts {
            data,
            item_count: self.item_count(deal_id).await?,
            proposal_count: self.proposal_count(deal_id).await?,
        };
        rules::check_stage_entry(&facts, stage, loss_reason)
    }

    /// Writes `before` as `after` entering `stage` now, as every move does: the deal's
    /// pipeline and stage, its stage spells closed and opened, a stage change on its timeline.
    /// What else changes (status, loss) the caller has set on `after`.
    pub(crate) async fn enter_stage(&mut self, before: &Deal, mut after: Deal, stage: &Stage) -> Result<Deal> {
        let id = before.meta.id;
        after.data.pipeline_id = stage.data.pipeline_id;
        after.stage_id = stage.meta.id;
        after.stage_entered_at = self.now;
        self.update(before, &mut after, AuditAction::Update).await?;
        if before.data.pipeline_id != after.data.pipeline_id {
            self.touch_days_of_deal(id).await?;
        }
        self.close_spell(id).await?;
        self.open_spell(id, stage.meta.id).await?;
        self.add_activity(ActivityData {
            kind: ActivityKind::StageChange,
            deal_id: Some(id),
            company_id: after.data.company_id,
            contact_id: None,
            occurred_at: self.now,
            body: Some(stage.data.name.to_string()),
            details: ActivityDetails {
                from_stage_id: Some(before.stage_id),
                to_stage_id: Some(stage.meta.id),
                ..Default::default()
            },
        })
        .await?;
        Ok(after)
    }

    /// A new deal's data: `input` validated, with the department's currency when it names none
    /// and the title template's title when it has none.
    async fn deal_data(&mut self, actor: Id, input: &DealInput, process: &ProcessSettingsData) -> Result<DealData> {
        let mut input = input.clone();
        if super::process::blank(input.currency.as_deref()) {
            input.currency = Some(process.default_currency.as_str().to_string());
        }
        if input.title.trim().is_empty() {
            // Everything but the title first, so a bad amount is told as such.
            let probe = DealInput {
                title: "-".into(),
                ..input.clone()
            };
            let data = probe.validate(actor)?;
            input.title = deal_title(&process.title_template, &self.title_facts(&input, &data).await?)?;
        }
        input.validate(actor)
    }

    /// What the title template may name, read from the deal's links.
    async fn title_facts(&mut self, input: &DealInput, data: &DealData) -> Result<TitleFacts> {
        let company = self.require_opt::<Company>(data.company_id, "company_id").await?;
        let contact = match data.contact_ids.first() {
            Some(id) => Some(self.require::<Contact>(*id, "contact_ids[0]").await?),
            None => None,
        };
        let owner = self.require::<User>(data.owner_id, "owner_id").await?;
        Ok(TitleFacts {
            product: input.product.clone(),
            company: company.as_ref().map(|c| c.data.name.to_string()),
            city: company.and_then(|c| c.data.city),
            amount: Some(Money::new(data.amount, data.currency.clone())),
            contact: contact.map(|c| c.data.full_name.to_string()),
            owner: Some(owner.data.name.to_string()),
        })
    }

    /// The deal's dictionary values: new ones must be active entries, those it has may stay.
    async fn check_deal_choices(&mut self, data: &DealData, current: Option<&DealData>) -> Result<()> {
        let pairs = [
            (
                DictionaryKind::SalesChannel,
                "sales_channel",
                &data.sales_channel,
                current.and_then(|c| c.sales_channel.as_deref()),
            ),
            (
                DictionaryKind::CommunicationChannel,
                "communication_channel",
                &data.communication_channel,
                current.and_then(|c| c.communication_channel.as_deref()),
            ),
            (
                DictionaryKind::LeadSource,
                "lead_source",
                &data.lead_source,
                current.and_then(|c| c.lead_source.as_deref()),
            ),
        ];
        for (kind, field, value, was) in pairs {
            self.check_choice(kind, field, value.as_deref(), was).await?;
        }
        Ok(())
    }

    /// The deal's links for a new deal (`deal` None) or a change of `deal`: a new owner must be
    /// active, the one it has may stay.
    async fn check_deal_links(&mut self, data: &DealData, deal: Option<Id>) -> Result<()> {
        self.require_owner::<Deal>(data.owner_id, deal).await?;
        self.require::<Pipeline>(data.pipeline_id, "pipeline_id").await?;
        self.require_opt::<Company>(data.company_id, "company_id").await?;
        for (i, contact) in data.contact_ids.iter().enumerate() {
            self.require::<Contact>(*contact, &format!("contact_ids[{i}]")).await?;
        }
        Ok(())
    }

    /// A new deal in `stage_id` (by default its pipeline's first stage in use), as
    /// [`Store::create_deal`] makes it, within this unit of work: its stage spell, search entry
    /// and, for a new lead, the owner's `contact_lead` task. Every refusal comes before the
    /// first write.
    pub(crate) async fn new_deal(&mut self, actor: Id, input: &DealInput, stage_id: Option<Id>) -> Result<Deal> {
        let tx = self;
        let process = tx.process().await?;
        let data = tx.deal_data(actor, input, &process).await?;
        tx.check_deal_links(&data, None).await?;
        tx.check_deal_choices(&data, None).await?;
        let pipeline: Pipeline = tx.require(data.pipeline_id, "pipeline_id").await?;
        if pipeline.archived {
            return Err(Error::new(ErrorCode::InvalidState, "the pipeline is archived").on("pipeline_id"));
        }
        let stages: Vec<Stage> = tx
            .stages_of(data.pipeline_id)
            .await?
            .into_iter()
            .filter(|s| !s.archived)
            .collect();
        let first = stages
            .first()
            .ok_or_else(|| Error::invalid("pipeline_id", "the pipeline has no stages"))?
            .clone();
        let stage = match stage_id {
            Some(id) => stages
                .iter()
                .find(|s| s.meta.id == id)
                .cloned()
                .ok_or_else(|| Error::invalid("stage_id", "the stage is not in use in the deal's pipeline"))?,
            None => first.clone(),
        };
        if stage.data.kind != StageKind::Open {
            return Err(Error::new(ErrorCode::InvalidState, "a new deal starts in an open stage").on("stage_id"));
        }
        rules::check_stage_entry(
            &DealFacts {
                data: &data,
                item_count: 0,
                proposal_count: 0,
            },
            &stage,
            None,
        )?;
        let now = tx.now;
        let deal = tx
            .create_from(|meta| Deal {
                meta,
                data,
                stage_id: stage.meta.id,
                status: DealStatus::Open,
                stage_entered_at: now,
                loss_reason_id: None,
                closed_at: None,
                amount_from_items: false,
                // Only a new lead gets its first task with it.
                without_task: stage.meta.id != first.meta.id,
            })
            .await?;
        tx.link_contacts(&deal).await?;
        tx.open_spell(deal.meta.id, stage.meta.id).await?;
        tx.reindex(Deal::ENTITY, deal.meta.id).await?;
        if stage.meta.id == first.meta.id {
            tx.add_task(TaskData {
                kind: TaskKind::ContactLead,
                title: ShortText::parse(&format!("Зв'язатися з лідом: {}", deal.data.title))?,
                deal_id: Some(deal.meta.id),
                company_id: deal.data.company_id,
                contact_id: deal.data.contact_ids.first().copied(),
                assignee_id: deal.data.owner_id,
                due_at: now + Duration::minutes(process.lead_response_minutes),
            })
            .await?;
        }
        Ok(deal)
    }

    /// A pipeline's live stages in order.
    pub(crate) async fn stages_of(&mut self, pipeline_id: Id) -> Result<Vec<Stage>> {
        self.fetch_all(
            "SELECT * FROM stages WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position, id",
            vec![pipeline_id.into()],
            <Stage as crate::table::Rows>::JSON,
        )
        .await
    }

    pub(crate) async fn item_count(&mut self, deal_id: Id) -> Result<i64> {
        self.scalar(
            "SELECT COUNT(*) FROM deal_items WHERE deal_id = $1 AND deleted_at IS NULL",
            vec![deal_id.into()],
        )
        .await
    }

    /// Keeps the deal_contacts index equal to the deal's contact list.
    async fn link_contacts(&mut self, deal: &Deal) -> Result<()> {
        self.execute(
            "DELETE FROM deal_contacts WHERE deal_id = $1",
            vec![deal.meta.id.into()],
        )
        .await?;
        for contact in &deal.data.contact_ids {
            self.execute(
                "INSERT INTO deal_contacts (deal_id, contact_id) VALUES ($1, $2)",
                vec![deal.meta.id.into(), (*contact).into()],
            )
            .await?;
        }
        Ok(())
    }

    async fn open_spell(&mut self, deal_id: Id, stage_id: Id) -> Result<()> {
        let spell = StageSpell {
            id: self.new_id(),
            deal_id,
            stage_id,
            entered_at: self.now,
            left_at: None,
            by_user_id: self.actor,
        };
        self.insert(&spell).await
    }

    async fn close_spell(&mut self, deal_id: Id) -> Result<()> {
        let now = self.now.timestamp_millis();
        // A closed spell is counted in its cell of the spells' roll-up (see `rollups`).
        let open: Vec<StageSpell> = self
            .fetch_all(
                "SELECT * FROM stage_spells WHERE deal_id = $1 AND left_at IS NULL",
                vec![deal_id.into()],
                &[],
            )
            .await?;
        open.iter().for_each(|spell| self.touch(spell));
        self.execute(
            "UPDATE stage_spells SET left_at = $1 WHERE deal_id = $2 AND left_at IS NULL",
            vec![now.into(), deal_id.into()],
        )
        .await?;
        Ok(())
    }

    /// The head of sales who reviews losses: the first active head, else the first admin.
    async fn head_of_sales(&mut self) -> Result<Option<Id>> {
        let heads: Vec<User> = self
            .fetch_all(
                "SELECT * FROM users WHERE role IN ('head', 'admin') AND active = 1 AND deleted_at IS NULL
                 ORDER BY CASE role WHEN 'head' THEN 0 ELSE 1 END, created_at, id LIMIT 1",
                vec![],
                &[],
            )
            .await?;
        Ok(heads.first().map(|u| u.meta.id))
    }
}

use voronka_core::types::{Money, ShortText};
