//! Day-by-day roll-ups (migration 0013) for the reports that aggregate a whole period: over half a
//! year they read a few tens of thousands of small rows instead of every deal or stage spell.
//! - `deal_days`: the deals created each UTC day by owner, pipeline, current stage, status and
//!   furthest stage reached, with their count and amount (the funnel's open deals and outcomes);
//! - `reach_days` (migration 0016): the same deals once per pipeline their history passed
//!   through, by the furthest stage they reached there (the funnel's "reached");
//! - `response_days`: the same deals by owner, pipeline and minutes to their first contact,
//!   rounded up (lead response);
//! - `spell_days`: the closed stage spells of live deals by the day they were entered, stage,
//!   deal owner (migration 0020) and length in half days, with their count and total length
//!   (time in stage).
//!
//! Like the other figures they are recomputed, never incremented: a touched day (or day and
//! stage) is deleted and filled again from the records, so any order of writes leaves them right.
//! The exact medians read only the lengths of the middle bucket the roll-ups point at, off the
//! indexes `deals_response` and `stage_spells_length`.

use crate::figures::{CHUNK, DAY_MS, Touched, id_list};
use crate::row::Value;
use crate::tx::Tx;
use voronka_core::{Id, Result};

/// A minute. `response_days.minute` is a lead's wait in minutes, rounded up, so that "answered
/// within N minutes" is exactly `minute <= N`.
pub(crate) const MINUTE_MS: i64 = 60_000;
/// `spell_days.half_days` is a spell's length in half days, rounded down.
pub(crate) const HALF_DAY_MS: i64 = 43_200_000;

/// `INSERT INTO deal_days` of the live deals `filter` picks. The migration that added the table
/// fills it with the same text.
pub(crate) fn fill_deal_days_sql(filter: &str) -> String {
    format!(
        "INSERT INTO deal_days (day, owner_id, pipeline_id, stage_id, status, furthest_position, deals, amount)
         SELECT created_at / {DAY_MS}, owner_id, pipeline_id, stage_id, status, furthest_position, COUNT(*), SUM(amount)
         FROM deals WHERE deleted_at IS NULL AND {filter}
         GROUP BY created_at / {DAY_MS}, owner_id, pipeline_id, stage_id, status, furthest_position"
    )
}

/// `INSERT INTO reach_days` of the live deals (`d`) and pipelines (`st`) that `filter` picks: a
/// deal counts once in every pipeline its stage history passed through, with the furthest stage,
/// by position, it reached there (lost stages aside; NULL when it only ever was lost there). So a
/// deal moved to another pipeline stays in the first one's funnel for the stages it passed, as
/// time in stage keeps its spells there. The migration that added the table fills it with the
/// same text.
pub(crate) fn fill_reach_days_sql(filter: &str) -> String {
    format!(
        "INSERT INTO reach_days (day, owner_id, pipeline_id, furthest_position, deals)
         SELECT day, owner_id, pipeline_id, furthest_position, COUNT(*) FROM (
            SELECT d.created_at / {DAY_MS} AS day, d.owner_id AS owner_id, st.pipeline_id AS pipeline_id,
            MAX(CASE WHEN st.kind <> 'lost' THEN st.position END) AS furthest_position
            FROM deals d JOIN stage_spells sp ON sp.deal_id = d.id JOIN stages st ON st.id = sp.stage_id
            WHERE d.deleted_at IS NULL AND {filter}
            GROUP BY d.id, d.created_at, d.owner_id, st.pipeline_id) r
         GROUP BY day, owner_id, pipeline_id, furthest_position"
    )
}

/// A lead's wait in minutes, rounded up, as SQL: `response_days.minute`.
pub(crate) fn response_minute_sql(deal: &str) -> String {
    format!(
        "({deal}first_contact_at - {deal}created_at + {}) / {MINUTE_MS}",
        MINUTE_MS - 1
    )
}

/// `INSERT INTO response_days` of the live deals `filter` picks; the migration fills the table
/// with the same text.
pub(crate) fn fill_response_days_sql(filter: &str) -> String {
    let minute = response_minute_sql("");
    format!(
        "INSERT INTO response_days (day, owner_id, pipeline_id, minute, leads, total_ms)
         SELECT created_at / {DAY_MS}, owner_id, pipeline_id, {minute},
         COUNT(*), SUM(first_contact_at - created_at)
         FROM deals WHERE deleted_at IS NULL AND {filter}
         GROUP BY created_at / {DAY_MS}, owner_id, pipeline_id, {minute}"
    )
}

/// `INSERT INTO spell_days` of the closed spells (`s`) of live deals (`d`) that `filter` picks, by
/// the deal's owner as it is now: a deal handed to a colleague takes its history along, as its
/// other figures do. Migration 0020 fills the table with the same text.
pub(crate) fn fill_spell_days_sql(filter: &str) -> String {
    format!(
        "INSERT INTO spell_days (day, stage_id, owner_id, half_days, spells, total_ms)
         SELECT s.entered_at / {DAY_MS}, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / {HALF_DAY_MS}, COUNT(*),
         SUM(s.left_at - s.entered_at)
         FROM stage_spells s JOIN deals d ON d.id = s.deal_id WHERE s.left_at IS NOT NULL
         AND d.deleted_at IS NULL AND {filter}
         GROUP BY s.entered_at / {DAY_MS}, s.stage_id, d.owner_id, (s.left_at - s.entered_at) / {HALF_DAY_MS}"
    )
}

#[derive(serde::Deserialize)]
struct Day {
    day: i64,
}

#[derive(serde::Deserialize)]
struct Cell {
    day: i64,
    stage_id: Id,
}

impl Tx<'_> {
    /// Fills every roll-up again: after a bulk import.
    pub(crate) async fn refill_rollups(&mut self) -> Result<()> {
        for table in ["deal_days", "reach_days", "response_days", "spell_days"] {
            self.execute(&format!("DELETE FROM {table}"), vec![]).await?;
        }
        self.execute(&fill_deal_days_sql("TRUE"), vec![]).await?;
        self.execute(&fill_reach_days_sql("TRUE"), vec![]).await?;
        self.execute(&fill_response_days_sql("TRUE"), vec![]).await?;
        self.execute(&fill_spell_days_sql("TRUE"), vec![]).await?;
        Ok(())
    }

    /// Fills a pipeline's `deal_days` and `reach_days` again, after its stages moved (the
    /// furthest stage reached is counted by position).
    pub(crate) async fn refill_pipeline_deal_days(&mut self, pipeline_id: Id) -> Result<()> {
        self.execute("DELETE FROM deal_days WHERE pipeline_id = $1", vec![pipeline_id.into()])
            .await?;
        self.execute(&fill_deal_days_sql("pipeline_id = $1"), vec![pipeline_id.into()])
            .await?;
        self.execute(
            "DELETE FROM reach_days WHERE pipeline_id = $1",
            vec![pipeline_id.into()],
        )
        .await?;
        self.execute(&fill_reach_days_sql("st.pipeline_id = $1"), vec![pipeline_id.into()])
            .await?;
        Ok(())
    }

    /// Refreshes the days of the touched deals' creation and the touched spells' cells.
    pub(crate) async fn refresh_rollups(&mut self, touched: &Touched) -> Result<()> {
        let mut days = touched.cohort_days.clone();
        for chunk in touched.deals.chunks(CHUNK) {
            let (list, params) = id_list(chunk);
            let rows: Vec<Day> = self
                .fetch_all(
                    &format!("SELECT DISTINCT created_at / {DAY_MS} AS day FROM deals WHERE id IN ({list})"),
                    params,
                    &[],
                )
                .await?;
            days.extend(rows.into_iter().map(|r| r.day));
        }
        days.sort_unstable();
        days.dedup();
        let deal_days = fill_deal_days_sql("created_at >= $1 AND created_at < $2");
        let response_days = fill_response_days_sql("created_at >= $1 AND created_at < $2");
        let reach_days = fill_reach_days_sql("d.created_at >= $1 AND d.created_at < $2");
        for day in days {
            let range: Vec<Value> = vec![(day * DAY_MS).into(), ((day + 1) * DAY_MS).into()];
            let tables = [
                ("deal_days", &deal_days),
                ("reach_days", &reach_days),
                ("response_days", &response_days),
            ];
            for (table, fill) in tables {
                self.execute(&format!("DELETE FROM {table} WHERE day = $1"), vec![day.into()])
                    .await?;
                self.execute(fill, range.clone()).await?;
            }
        }

        let mut cells = touched.spell_cells.clone();
        for chunk in touched.spells_of.chunks(CHUNK) {
            let (list, params) = id_list(chunk);
            let rows: Vec<Cell> = self
                .fetch_all(
                    &format!(
                        "SELECT DISTINCT entered_at / {DAY_MS} AS day, stage_id FROM stage_spells
                         WHERE deal_id IN ({list})"
                    ),
                    params,
                    &[],
                )
                .await?;
            cells.extend(rows.into_iter().map(|c| (c.day, c.stage_id)));
        }
        cells.sort_unstable();
        cells.dedup();
        let spell_days = fill_spell_days_sql("s.entered_at >= $1 AND s.entered_at < $2 AND s.stage_id = $3");
        for (day, stage) in cells {
            self.execute(
                "DELETE FROM spell_days WHERE day = $1 AND stage_id = $2",
                vec![day.into(), stage.into()],
            )
            .await?;
            self.execute(
                &spell_days,
                vec![(day * DAY_MS).into(), ((day + 1) * DAY_MS).into(), stage.into()],
            )
            .await?;
        }
        Ok(())
    }
}
