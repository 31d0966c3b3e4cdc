//! Pipelines and their stages, set up by the admin: stages added where they belong, reordered,
//! changed and archived. Archiving a stage that holds deals moves them, with their stage
//! history, to a stage the admin chose; an archived pipeline or stage takes no new deals or
//! moves and stays on old records and in reports.

use super::dictionaries::{InOrder, Positioned};
use crate::Store;
use crate::table::Rows;
use crate::tx::Tx;
use voronka_core::model::*;
use voronka_core::{Error, ErrorCode, Id, Result};

impl Store {
    /// Archives a pipeline (or brings it back, `archived` false).
    pub async fn set_pipeline_archived(&self, actor: Id, id: Id, version: i64, archived: bool) -> Result<Pipeline> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Pipeline = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Pipeline::ENTITY, id));
        }
        let mut after = before.clone();
        after.archived = archived;
        if after != before {
            tx.update(&before, &mut after, AuditAction::Update).await?;
        }
        tx.commit().await?;
        Ok(after)
    }

    /// Adds a stage at `input.position` among its pipeline's stages (the end when past it);
    /// the stages from there on move one place down.
    pub async fn create_stage(&self, actor: Id, input: &StageInput) -> Result<Stage> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<Pipeline>(data.pipeline_id, "pipeline_id").await?;
        let mut stages = tx.stages_of(data.pipeline_id).await?;
        let at = data.position.clamp(0, stages.len() as i64);
        let stage = tx
            .create_from(|meta| Stage {
                meta,
                data: StageData { position: at, ..data },
                archived: false,
            })
            .await?;
        stages.insert(at as usize, stage.clone());
        tx.place_stages(stages).await?;
        tx.commit().await?;
        Ok(stage)
    }

    /// Renames a stage or changes its kind, probability, required fields or place. A stage
    /// that holds deals keeps its kind: their status follows it.
    pub async fn update_stage(&self, actor: Id, id: Id, version: i64, input: &StageInput) -> Result<Stage> {
        let data = input.validate()?;
        let mut tx = self.begin(Some(actor)).await?;
        let current: Stage = tx.get_at(id, version).await?;
        if current.data.pipeline_id != data.pipeline_id {
            return Err(Error::invalid("pipeline_id", "a stage stays in its pipeline"));
        }
        if current.data.kind != data.kind && !tx.deals_in(id).await?.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidState,
                "the stage holds deals, whose status is its kind: move them first",
            )
            .on("kind"));
        }
        let (_, stage) = tx.replace::<Stage>(id, version, data).await?;
        // A reordered stage, or one that became or stopped being "lost", moves what counts as
        // furthest for the pipeline's deals.
        if (current.data.position, current.data.kind) != (stage.data.position, stage.data.kind) {
            tx.refresh_pipeline_deals(stage.data.pipeline_id).await?;
        }
        tx.commit().await?;
        Ok(stage)
    }

    /// Puts a pipeline's stages (archived ones included) in the given order, each named once
    /// at the version it was read. The funnel's furthest stages follow in the same transaction.
    pub async fn reorder_stages(&self, actor: Id, pipeline_id: Id, order: &[InOrder]) -> Result<Vec<Stage>> {
        let mut tx = self.begin(Some(actor)).await?;
        tx.require::<Pipeline>(pipeline_id, "pipeline_id").await?;
        let current = tx.stages_of(pipeline_id).await?;
        let before: Vec<(Id, i64)> = current.iter().map(|s| (s.meta.id, s.data.position)).collect();
        let stages = tx.reorder(current, order).await?;
        if stages.iter().any(|s| !before.contains(&(s.meta.id, s.data.position))) {
            tx.refresh_pipeline_deals(pipeline_id).await?;
        }
        tx.commit().await?;
        Ok(stages)
    }

    /// Archives a stage. The live deals it holds move to `move_to` — a stage of the same kind,
    /// in this pipeline or another, that is not archived — as a move does: their stage spells
    /// closed and opened, a stage change on their timelines, the report figures refreshed, all
    /// in this one transaction. Each deal must meet `move_to`'s required fields (rule 4), or
    /// nothing is moved.
    pub async fn archive_stage(&self, actor: Id, id: Id, version: i64, move_to: Option<Id>) -> Result<Stage> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Stage = tx.get_at(id, version).await?;
        if before.meta.deleted_at.is_some() {
            return Err(Error::not_found(Stage::ENTITY, id));
        }
        if before.archived {
            return Err(Error::new(ErrorCode::InvalidState, "the stage is already archived").on("stage_id"));
        }
        let deals = tx.deals_in(id).await?;
        if !deals.is_empty() {
            let target = tx.archive_target(&before, move_to, deals.len()).await?;
            for deal in &deals {
                tx.check_stage_entry(deal.meta.id, &deal.data, &target, deal.loss_reason_id)
                    .await
                    .map_err(|e| {
                        Error::new(
                            e.code,
                            format!("«{}» cannot move there: {}", deal.data.title, e.message),
                        )
                        .on("move_to")
                    })?;
            }
            for deal in &deals {
                let after = deal.clone();
                tx.enter_stage(deal, after, &target).await?;
            }
        }
        let mut after = before.clone();
        after.archived = true;
        tx.update(&before, &mut after, AuditAction::Update).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Brings an archived stage back into use, empty.
    pub async fn unarchive_stage(&self, actor: Id, id: Id, version: i64) -> Result<Stage> {
        let mut tx = self.begin(Some(actor)).await?;
        let before: Stage = tx.get_at(id, version).await?;
        let mut after = before.clone();
        after.archived = false;
        if after != before {
            tx.update(&before, &mut after, AuditAction::Update).await?;
        }
        tx.commit().await?;
        Ok(after)
    }
}

impl Tx<'_> {
    /// The live deals in a stage.
    async fn deals_in(&mut self, stage_id: Id) -> Result<Vec<Deal>> {
        self.fetch_all(
            "SELECT * FROM deals WHERE stage_id = $1 AND deleted_at IS NULL ORDER BY id",
            vec![stage_id.into()],
            Deal::JSON,
        )
        .await
    }

    /// Where an archived stage's deals go: named, live, in use, of the same kind (a deal's
    /// status stays what it was).
    async fn archive_target(&mut self, stage: &Stage, move_to: Option<Id>, deals: usize) -> Result<Stage> {
        let id = move_to.ok_or_else(|| {
            Error::invalid(
                "move_to",
                format!("the stage holds {deals} deals: choose the stage they move to"),
            )
        })?;
        let target: Stage = self.require(id, "move_to").await?;
        let pipeline: Pipeline = self.require(target.data.pipeline_id, "move_to").await?;
        if target.meta.id == stage.meta.id || target.archived || pipeline.archived {
            return Err(Error::invalid("move_to", "the deals move to another stage in use"));
        }
        if target.data.kind != stage.data.kind {
            return Err(Error::invalid(
                "move_to",
                format!(
                    "deals of a {} stage move to a {} stage",
                    stage.data.kind.as_str(),
                    stage.data.kind.as_str()
                ),
            ));
        }
        Ok(target)
    }

    /// Numbers a pipeline's stages in the order given, writing those whose place changes;
    /// the pipeline's deals' figures follow when any did.
    async fn place_stages(&mut self, stages: Vec<Stage>) -> Result<()> {
        let mut moved = None;
        for (position, before) in stages.into_iter().enumerate() {
            if before.position() != position as i64 {
                let mut after = before.clone();
                after.set_position(position as i64);
                self.update(&before, &mut after, AuditAction::Update).await?;
                moved = Some(after.data.pipeline_id);
            }
        }
        if let Some(pipeline) = moved {
            self.refresh_pipeline_deals(pipeline).await?;
        }
        Ok(())
    }
}
