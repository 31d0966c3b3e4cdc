//! Figures kept on deals and companies for the reports, so that a report reads one index instead
//! of every record's history:
//! - a deal's `furthest_position`: the furthest stage, by position, it has reached in its
//!   current pipeline, lost stages aside (the funnel's "reached");
//! - a deal's `first_contact_at`: its first done "contact the lead" task, or its first outbound
//!   call or email logged after it was created, whichever came first (lead response);
//! - a deal's `open_tasks`: how many open tasks it has (discipline's deals without a task);
//! - a deal's `previous_stage_id`: the stage of its spell before the latest, which for a lost
//!   deal is the stage it was lost from (loss reasons);
//! - a company's `last_contact_at`: its latest call, email or meeting (idle clients);
//! - `activity_days`: each user's calls, meetings and tasks done per UTC day and pipeline (the
//!   activity report), refreshed a (user, day) at a time;
//! - a payment's `deal_company_id`, `deal_owner_id` and `deal_pipeline_id`: its deal's, all NULL
//!   while the deal is deleted, so revenue by client (ABC/XYZ, new vs existing) is summed off
//!   one index of payments instead of looking every payment's deal up;
//! - a stage spell's, task's and activity's `deal_owner_id`: its deal's owner, NULL while the deal
//!   is deleted (or for a task or activity of no deal). Row-level security compares it with the
//!   signed-in manager instead of looking every row's deal up, and a manager's time in stage
//!   reads her spells off it;
//! - the day-by-day roll-ups of deals, leads and stage spells (see `rollups`).
//!
//! They are recomputed from the history, never incremented, so writes in any order, deletions
//! and restores leave them right. A unit of work notes the deals, companies and days its rows
//! touch (the `figures_*` methods of [`crate::table::Rows`]) in a [`Touched`] and refreshes them
//! just before it commits.

use crate::row::Value;
use crate::tx::Tx;
use voronka_core::{Id, Result};

/// Deals refreshed per statement.
pub(crate) const CHUNK: usize = 500;

/// What a unit of work's rows may have changed of the figures, refreshed before it commits.
#[derive(Debug, Default, serde::Serialize)]
pub(crate) struct Touched {
    pub(crate) deals: Vec<Id>,
    pub(crate) companies: Vec<Id>,
    /// Deals whose payments' copies of the deal's fields to refresh.
    pub(crate) payment_deals: Vec<Id>,
    /// (user, UTC day number) cells of `activity_days`.
    pub(crate) days: Vec<(Id, i64)>,
    /// UTC days of deal creations whose `deal_days` and `response_days` to refresh (besides
    /// those of `deals`).
    pub(crate) cohort_days: Vec<i64>,
    /// Deals deleted, restored or handed to another owner: every cell of their spells in
    /// `spell_days`.
    pub(crate) spells_of: Vec<Id>,
    /// (UTC day number, stage) cells of `spell_days`.
    pub(crate) spell_cells: Vec<(i64, Id)>,
    /// Deals whose spells', tasks' and activities' copies of the deal's owner to refresh.
    pub(crate) owners_of: Vec<Id>,
}

impl Touched {
    fn is_empty(&self) -> bool {
        self.deals.is_empty()
            && self.companies.is_empty()
            && self.payment_deals.is_empty()
            && self.days.is_empty()
            && self.cohort_days.is_empty()
            && self.spells_of.is_empty()
            && self.spell_cells.is_empty()
            && self.owners_of.is_empty()
    }
}

/// `UPDATE deals` setting both figures from the history, for the deals `filter` picks. The same
/// text fills the columns in the migration that added them.
pub(crate) fn refresh_sql(filter: &str) -> String {
    format!(
        "UPDATE deals SET
         furthest_position = (SELECT MAX(st.position) FROM stage_spells sp JOIN stages st ON st.id = sp.stage_id
            WHERE sp.deal_id = deals.id AND st.pipeline_id = deals.pipeline_id AND st.kind <> 'lost'),
         first_contact_at = (SELECT MIN(x.at) FROM (
            SELECT MIN(t.done_at) AS at FROM tasks t WHERE t.deal_id = deals.id AND t.kind = 'contact_lead'
            AND t.done_at IS NOT NULL AND t.deleted_at IS NULL
            UNION ALL
            SELECT MIN(a.occurred_at) AS at FROM activities a WHERE a.deal_id = deals.id AND a.kind IN ('call', 'email')
            AND a.details LIKE '%\"direction\":\"outbound\"%' AND a.occurred_at >= deals.created_at
            AND a.deleted_at IS NULL) x)
         WHERE {filter}"
    )
}

/// `UPDATE deals` setting the count of open tasks, for the deals `filter` picks; the migration
/// that added the column fills it with the same text.
pub(crate) fn refresh_open_tasks_sql(filter: &str) -> String {
    format!(
        "UPDATE deals SET
         open_tasks = (SELECT COUNT(*) FROM tasks t WHERE t.deal_id = deals.id AND t.done_at IS NULL
            AND t.deleted_at IS NULL)
         WHERE {filter}"
    )
}

/// `UPDATE deals` setting the stage before the current one, for the deals `filter` picks; the
/// migration that added the column fills it with the same text. Spells entered in the same
/// millisecond keep their order through their ids.
pub(crate) fn refresh_previous_stage_sql(filter: &str) -> String {
    format!(
        "UPDATE deals SET
         previous_stage_id = (SELECT sp.stage_id FROM stage_spells sp WHERE sp.deal_id = deals.id
            ORDER BY sp.entered_at DESC, sp.id DESC LIMIT 1 OFFSET 1)
         WHERE {filter}"
    )
}

/// `UPDATE companies` setting the latest contact, for the companies `filter` picks; the
/// migration that added the column fills it with the same text.
pub(crate) fn refresh_companies_sql(filter: &str) -> String {
    format!(
        "UPDATE companies SET
         last_contact_at = (SELECT MAX(a.occurred_at) FROM activities a WHERE a.company_id = companies.id
            AND a.kind IN ('call', 'email', 'meeting') AND a.deleted_at IS NULL)
         WHERE {filter}"
    )
}

/// `UPDATE payments` copying their deal's company, owner and pipeline (NULLs for a deleted
/// deal), for the payments `filter` picks; the migration that added the columns fills them with
/// the same text.
pub(crate) fn refresh_payments_sql(filter: &str) -> String {
    format!(
        "UPDATE payments SET (deal_company_id, deal_owner_id, deal_pipeline_id) =
         (SELECT d.company_id, d.owner_id, d.pipeline_id FROM deals d WHERE d.id = payments.deal_id
            AND d.deleted_at IS NULL)
         WHERE {filter}"
    )
}

/// The tables whose rows carry a copy of their deal's owner, `deal_owner_id`.
pub(crate) const OWNER_COPIES: [&str; 3] = ["stage_spells", "tasks", "activities"];

/// `UPDATE table` copying the owner of each row's deal (NULL while the deal is deleted), for
/// the rows `filter` picks; the migration that added the columns fills them with the same text.
pub(crate) fn refresh_owner_copies_sql(table: &str, filter: &str) -> String {
    format!(
        "UPDATE {table} SET deal_owner_id = {}
         WHERE {filter}",
        owner_of_deal(table)
    )
}

fn owner_of_deal(table: &str) -> String {
    format!("(SELECT d.owner_id FROM deals d WHERE d.id = {table}.deal_id AND d.deleted_at IS NULL)")
}

/// `filter`, narrowed to the rows whose copy is not their deal's owner any more: most writes
/// change no copy, and a row rewritten with its own value still costs a new row version.
pub(crate) fn changed_owner_copies(table: &str, filter: &str) -> String {
    format!("{filter} AND deal_owner_id IS DISTINCT FROM {}", owner_of_deal(table))
}

/// A UTC day in milliseconds: `activity_days.day` is an instant divided by it.
pub(crate) const DAY_MS: i64 = 86_400_000;

/// `INSERT INTO activity_days` of the calls, meetings and tasks done that `activity` and `task`
/// (conditions on `a` and `t`) pick, per user, day and pipeline of their deal ('' for none). The
/// migration that added the table fills it with the same text.
pub(crate) fn fill_days_sql(activity: &str, task: &str) -> String {
    format!(
        "INSERT INTO activity_days (user_id, day, pipeline_id, calls, meetings, tasks_done)
         SELECT user_id, day, pipeline_id, SUM(calls), SUM(meetings), SUM(done) FROM (
            SELECT a.author_id AS user_id, a.occurred_at / {DAY_MS} AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            CASE WHEN a.kind = 'call' THEN 1 ELSE 0 END AS calls, CASE WHEN a.kind = 'meeting' THEN 1 ELSE 0 END AS meetings,
            0 AS done
            FROM activities a LEFT JOIN deals d ON d.id = a.deal_id
            WHERE a.deleted_at IS NULL AND a.kind IN ('call', 'meeting') AND {activity}
            UNION ALL
            SELECT t.assignee_id AS user_id, t.done_at / {DAY_MS} AS day, COALESCE(d.pipeline_id, '') AS pipeline_id,
            0 AS calls, 0 AS meetings, 1 AS done
            FROM tasks t LEFT JOIN deals d ON d.id = t.deal_id
            WHERE t.deleted_at IS NULL AND t.done_at IS NOT NULL AND {task}) x
         GROUP BY user_id, day, pipeline_id"
    )
}

/// `$1, $2, …` for `ids`, and their values.
pub(crate) fn id_list(ids: &[Id]) -> (String, Vec<Value>) {
    let list: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    (list.join(", "), ids.iter().map(|id| Value::from(*id)).collect())
}

impl crate::Store {
    /// Recomputes the figures of every deal and company: after a bulk [`crate::Store::import`]
    /// (a [`crate::Load`] does the same inside its own transaction).
    pub async fn refresh_figures(&self) -> Result<()> {
        let mut tx = self.begin(None).await?;
        tx.refresh_all_figures().await?;
        tx.commit().await
    }
}

impl Tx<'_> {
    /// Recomputes every figure of every deal, company, payment and day.
    pub(crate) async fn refresh_all_figures(&mut self) -> Result<()> {
        self.execute(&refresh_sql("TRUE"), vec![]).await?;
        self.execute(&refresh_open_tasks_sql("TRUE"), vec![]).await?;
        self.execute(&refresh_previous_stage_sql("TRUE"), vec![]).await?;
        self.execute(&refresh_companies_sql("TRUE"), vec![]).await?;
        self.execute(&refresh_payments_sql("TRUE"), vec![]).await?;
        for table in OWNER_COPIES {
            self.execute(&refresh_owner_copies_sql(table, "deal_id IS NOT NULL"), vec![])
                .await?;
        }
        self.execute("DELETE FROM activity_days", vec![]).await?;
        self.execute(&fill_days_sql("TRUE", "TRUE"), vec![]).await?;
        self.refill_rollups().await
    }

    /// Leaves this unit of work's figures to a later [`crate::Store::refresh_figures`].
    pub(crate) fn defer_figures(&mut self) {
        self.figures_deferred = true;
    }

    /// Refreshes the figures of the deals and companies this unit of work has touched.
    pub(crate) async fn refresh_touched(&mut self) -> Result<()> {
        if self.figures_deferred {
            return Ok(());
        }
        let touched = std::mem::take(&mut self.touched);
        if touched.is_empty() {
            return Ok(());
        }
        if self.store.backend == crate::Backend::Postgres {
            return self.refresh_touched_as_owner(&touched).await;
        }
        let deals = &touched.deals;
        self.refresh_each(deals, "id", &refresh_sql).await?;
        self.refresh_each(deals, "id", &refresh_open_tasks_sql).await?;
        self.refresh_each(deals, "id", &refresh_previous_stage_sql).await?;
        self.refresh_each(&touched.companies, "id", &refresh_companies_sql)
            .await?;
        self.refresh_each(&touched.payment_deals, "deal_id", &refresh_payments_sql)
            .await?;
        for table in OWNER_COPIES {
            let sql = |filter: &str| refresh_owner_copies_sql(table, &changed_owner_copies(table, filter));
            self.refresh_each(&touched.owners_of, "deal_id", &sql).await?;
        }
        // After the deals' own figures, which the roll-ups count.
        self.refresh_rollups(&touched).await?;
        let mut days = touched.days;
        days.sort_unstable();
        days.dedup();
        let fill = fill_days_sql(
            "a.author_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3",
            "t.assignee_id = $1 AND t.done_at >= $2 AND t.done_at < $3",
        );
        for (user, day) in days {
            self.execute(
                "DELETE FROM activity_days WHERE user_id = $1 AND day = $2",
                vec![user.into(), day.into()],
            )
            .await?;
            let (start, end) = (day * DAY_MS, (day + 1) * DAY_MS);
            self.execute(&fill, vec![user.into(), start.into(), end.into()]).await?;
        }
        Ok(())
    }

    /// Notes the days of a deal's calls, meetings and done tasks, whose pipeline changes with
    /// the deal's.
    pub(crate) async fn touch_days_of_deal(&mut self, deal_id: Id) -> Result<()> {
        #[derive(serde::Deserialize)]
        struct Cell {
            user_id: Id,
            day: i64,
        }
        let cells: Vec<Cell> = self
            .fetch_all(
                &format!(
                    "SELECT author_id AS user_id, occurred_at / {DAY_MS} AS day FROM activities
                     WHERE deal_id = $1 AND kind IN ('call', 'meeting')
                     UNION SELECT assignee_id AS user_id, done_at / {DAY_MS} AS day FROM tasks
                     WHERE deal_id = $1 AND done_at IS NOT NULL"
                ),
                vec![deal_id.into()],
                &[],
            )
            .await?;
        self.touched.days.extend(cells.into_iter().map(|c| (c.user_id, c.day)));
        Ok(())
    }

    /// Runs `sql` for the rows whose `column` is one of `ids`, a chunk of them at a time.
    async fn refresh_each(&mut self, ids: &[Id], column: &str, sql: &(dyn Fn(&str) -> String + Sync)) -> Result<()> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        for chunk in ids.chunks(CHUNK) {
            let (list, params) = id_list(chunk);
            self.execute(&sql(&format!("{column} IN ({list})")), params).await?;
        }
        Ok(())
    }

    /// Refreshes every deal of a pipeline, after its stages were reordered or changed kind.
    pub(crate) async fn refresh_pipeline_deals(&mut self, pipeline_id: Id) -> Result<()> {
        self.execute(&refresh_sql("pipeline_id = $1"), vec![pipeline_id.into()])
            .await?;
        self.refill_pipeline_deal_days(pipeline_id).await
    }

    /// Notes the deal and company whose figures `row` may change.
    pub(crate) fn touch<R: crate::table::Rows>(&mut self, row: &R) {
        if self.figures_deferred {
            return;
        }
        let t = &mut self.touched;
        t.deals.extend(row.figures_deal());
        t.companies.extend(row.figures_company());
        t.days.extend(row.figures_day());
        t.payment_deals.extend(row.figures_payments_of());
        t.cohort_days.extend(row.figures_cohort_day());
        t.spells_of.extend(row.figures_spells_of());
        t.spell_cells.extend(row.figures_spell_cell());
        t.owners_of.extend(row.figures_owner_of());
    }

    /// Notes what the change of a record from `before` to `after` may change of the figures.
    pub(crate) fn touch_change<R: crate::table::Rows>(&mut self, before: &R, after: &R) {
        if self.figures_deferred {
            return;
        }
        self.touch(before);
        self.touch(after);
        let moved = R::figures_spells_moved(before, after);
        self.touched.spells_of.extend(moved);
        self.touched.owners_of.extend(moved);
    }
}

#[cfg(test)]
mod tests {
    /// The migrations fill the new columns with this module's statements; a change here must be
    /// a change there (and a new migration), or old and new records would be counted differently.
    #[test]
    fn the_migrations_fill_the_figures_with_the_same_statements() {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let pairs = [
            ("0006_deal_figures", super::refresh_sql("TRUE")),
            ("0007_company_last_contact", super::refresh_companies_sql("TRUE")),
            ("0008_deal_open_tasks", super::refresh_open_tasks_sql("TRUE")),
            ("0009_activity_days", super::fill_days_sql("TRUE", "TRUE")),
            ("0010_deal_previous_stage", super::refresh_previous_stage_sql("TRUE")),
            ("0012_payment_deal_copies", super::refresh_payments_sql("TRUE")),
            ("0013_report_rollups", crate::rollups::fill_deal_days_sql("TRUE")),
            ("0013_report_rollups", crate::rollups::fill_response_days_sql("TRUE")),
            ("0020_spell_days_by_owner", crate::rollups::fill_spell_days_sql("TRUE")),
            ("0016_deleted_deal_takes_along", super::fill_days_sql("TRUE", "TRUE")),
            ("0016_deleted_deal_takes_along", super::refresh_companies_sql("TRUE")),
            (
                "0021_rights_by_deal_owner",
                super::refresh_owner_copies_sql("stage_spells", "TRUE"),
            ),
            (
                "0021_rights_by_deal_owner",
                super::refresh_owner_copies_sql("tasks", "TRUE"),
            ),
            (
                "0021_rights_by_deal_owner",
                super::refresh_owner_copies_sql("activities", "TRUE"),
            ),
            (
                "0016_deleted_deal_takes_along",
                crate::rollups::fill_reach_days_sql("TRUE"),
            ),
        ];
        for (file, sql) in pairs {
            for dialect in ["sqlite", "postgres"] {
                let path = format!("{}/../../migrations/{dialect}/{file}.sql", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap();
                let statement = norm(&sql).replace(" WHERE TRUE", "");
                assert!(norm(&text).contains(&format!("{statement};")), "{path}");
            }
        }
    }
}
