//! The head's regulations: rule 1's lead rotation settings, rule 5's loss review, and the
//! answers at the check-ins.

use super::Answer;
use crate::session::Session;
use chrono::NaiveDate;
use tauri::State;
use voronka_core::Id;
use voronka_core::handover::{HandoverOutcome, HandoverPlan, HandoverScope};
use voronka_core::model::{
    CheckInAnswer, CheckInInput, CheckInStatus, LeadRotation, LeadRotationInput, LossReview, LossReviewInput,
};
use voronka_store::{ManagerDay, ReviewClosed, TodayView};

/// The rotation as saved, or off (version 0) until the head or the admin saves it.
#[tauri::command]
#[specta::specta]
pub async fn lead_rotation(session: State<'_, Session>) -> Answer<LeadRotation> {
    Ok(session.store().await?.lead_rotation().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn save_lead_rotation(
    session: State<'_, Session>,
    version: i64,
    input: LeadRotationInput,
) -> Answer<LeadRotation> {
    let (store, me) = session.actor().await?;
    Ok(store.save_lead_rotation(me, version, &input).await?)
}

/// Closes a `review_lost` task with the checklist's answers: the loss confirmed, or the deal
/// reopened with a task for its manager.
#[tauri::command]
#[specta::specta]
pub async fn close_loss_review(
    session: State<'_, Session>,
    task_id: Id,
    version: i64,
    input: LossReviewInput,
) -> Answer<ReviewClosed> {
    let (store, me) = session.actor().await?;
    Ok(store.close_loss_review(me, task_id, version, &input).await?)
}

/// A deal's closed loss reviews, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn loss_reviews(session: State<'_, Session>, deal_id: Id) -> Answer<Vec<LossReview>> {
    Ok(session.store().await?.loss_reviews(deal_id).await?)
}

/// Keeps the signed-in user's answer at one of their check-ins that has come.
#[tauri::command]
#[specta::specta]
pub async fn answer_check_in(session: State<'_, Session>, input: CheckInInput) -> Answer<CheckInAnswer> {
    let (store, me) = session.actor().await?;
    Ok(store.answer_check_in(me, &input).await?)
}

/// The check-ins of `day` that have come, each with its answer or none: the team's for the
/// head, a manager's own.
#[tauri::command]
#[specta::specta]
pub async fn check_ins_of(session: State<'_, Session>, day: NaiveDate) -> Answer<Vec<CheckInStatus>> {
    let (store, me) = session.actor().await?;
    Ok(store.check_ins_of(me, day).await?)
}

/// What handing `scope` over would move (rule 7), for the head to look at before confirming.
#[tauri::command]
#[specta::specta]
pub async fn handover_preview(session: State<'_, Session>, scope: HandoverScope) -> Answer<HandoverPlan> {
    let (store, me) = session.actor().await?;
    Ok(store.handover_preview(me, &scope).await?)
}

/// Hands `scope` to `receivers` (shared in turn when several) in one transaction; with
/// `deactivate`, the manager handed over whole is deactivated with it.
#[tauri::command]
#[specta::specta]
pub async fn handover(
    session: State<'_, Session>,
    scope: HandoverScope,
    receivers: Vec<Id>,
    deactivate: bool,
) -> Answer<HandoverOutcome> {
    let (store, me) = session.actor().await?;
    Ok(store.handover(me, &scope, &receivers, deactivate).await?)
}

/// The head's board: every active manager's overdue, today's and tomorrow's tasks, open deals
/// without a task and leads waiting, side by side.
#[tauri::command]
#[specta::specta]
pub async fn team_board(session: State<'_, Session>) -> Answer<Vec<ManagerDay>> {
    let (store, me) = session.actor().await?;
    Ok(store.team_board(me).await?)
}

/// A teammate's Today as they see it, for the head or the admin.
#[tauri::command]
#[specta::specta]
pub async fn today_of(session: State<'_, Session>, user_id: Id) -> Answer<TodayView> {
    let (store, me) = session.actor().await?;
    Ok(store.today_of(me, user_id).await?)
}
