//! The reports of DOMAIN.md, aggregated in the database by SQL that runs unchanged on SQLite and
//! PostgreSQL. What the figures mean is documented on the result types in
//! `voronka_core::reports`; here is only how they are counted.
//!
//! Rules every statement keeps so both backends give the same bytes:
//! - day and month boundaries are computed here and passed as millisecond or 'YYYY-MM-DD'
//!   parameters, never by a dialect's date functions;
//! - sums are cast to BIGINT (PostgreSQL's SUM of a bigint is numeric); ratios, means and
//!   medians are computed in Rust from integer sums and rounded to fixed places;
//! - a CTE whose correlated subqueries are read more than once is `MATERIALIZED` (both
//!   dialects take the keyword), or PostgreSQL inlines it and runs the subqueries per use;
//! - SQL orders only by numbers, dates and ids (text collations differ), with the id as the
//!   last tiebreak; names are sorted here, by their bytes.

mod abc_xyz;
mod activity;
mod cursor;
mod dashboard;
mod discipline;
mod funnel;
mod lead_response;
mod list_export;
pub use list_export::ListQuery;
mod loss_reasons;
mod median;
mod new_vs_existing;
mod payment_plan;
mod time_in_stage;

use crate::Store;
use crate::error::DbResult;
use crate::row::{self, Value};
use crate::tx::Tx;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use voronka_core::reports::*;
use voronka_core::{Id, Result};

/// Revenue: the paid payments (`p`) of live deals. Each payment carries its deal's company,
/// owner and pipeline as `p.deal_company_id`, `p.deal_owner_id` and `p.deal_pipeline_id`, all
/// NULL while the deal is deleted (see the store's `figures`), so revenue is summed off the
/// index `payments_paid_by_client` without looking each payment's deal up.
const PAID_OF_LIVE_DEALS: &str =
    "payments p WHERE p.status = 'paid' AND p.deleted_at IS NULL AND p.deal_owner_id IS NOT NULL";

/// A statement being built: its parameters are numbered as they are bound.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    params: Vec<Value>,
}

impl Sql {
    /// Binds a value and returns its placeholder (`$n`).
    pub(crate) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.params.push(value.into());
        format!("${}", self.params.len())
    }

    /// ` AND {pipeline} = $n AND {owner} = $m` for the parts of the filter that are set.
    pub(crate) fn deal_filter(&mut self, f: &ReportFilter, pipeline: &str, owner: &str) -> String {
        let mut out = String::new();
        if let Some(p) = f.pipeline_id {
            out.push_str(&format!(" AND {pipeline} = {}", self.bind(p)));
        }
        if let Some(m) = f.manager_id {
            out.push_str(&format!(" AND {owner} = {}", self.bind(m)));
        }
        out
    }
}

/// Runs a report's statements. In bare mode each statement is only executed and its rows
/// dropped: the same SQL without our mapping, for the benchmark's comparison.
pub(crate) struct Reader<'s> {
    tx: Tx<'s>,
    bare: bool,
    rows_seen: u64,
    pub(crate) now: DateTime<Utc>,
    /// Whether the data holds stage spells entered after `now` (see `data_after_now`).
    after_now: Option<bool>,
    /// The department's settings: the reports' currency, thresholds and working days.
    pub(crate) process: voronka_core::model::ProcessSettingsData,
}

impl Reader<'_> {
    /// Whether a stage spell was entered after the report's "now": a report reproduced at an
    /// earlier instant (`--at`). Its kept figures and roll-ups know only the latest state, so such
    /// a report reads the records as they stood then. One step down `stage_spells_report`.
    pub(crate) async fn data_after_now(&mut self) -> Result<bool> {
        if let Some(known) = self.after_now {
            return Ok(known);
        }
        #[derive(serde::Deserialize)]
        struct Later {
            n: i64,
        }
        let mut q = Sql::default();
        let n = q.bind(self.now.timestamp_millis());
        let sql =
            format!("SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM stage_spells WHERE entered_at > {n} LIMIT 1) l");
        let mut query = sqlx::query(&sql);
        for p in q.params {
            query = row::bind_plain(query, p);
        }
        let row = query.fetch_one(&mut *self.tx.tx).await.db()?;
        let later: Later = row::from_row(&row, &[])?;
        self.after_now = Some(later.n > 0);
        Ok(later.n > 0)
    }

    pub(crate) async fn rows<T: DeserializeOwned>(&mut self, sql: &str, q: Sql) -> Result<Vec<T>> {
        let mut query = sqlx::query(sql);
        for p in q.params {
            query = row::bind_plain(query, p);
        }
        let rows = query.fetch_all(&mut *self.tx.tx).await.db()?;
        self.rows_seen += rows.len() as u64;
        if self.bare {
            return Ok(Vec::new());
        }
        rows.iter().map(|r| row::from_row(r, &[])).collect()
    }

    /// The rows of `SELECT {columns} {rest}` for a statement that returns tens of thousands of
    /// them (ABC/XYZ's clients): `columns` are (expression, name) pairs, and `T`'s fields are
    /// in their order. `rest` (FROM …) must not group the outer query.
    ///
    /// SQLite hands sqlx its rows one at a time from a worker thread, each copied column by
    /// column into a row of the Any driver: for 50,226 clients that cost more than the
    /// statement itself. There the database packs the rows into one JSON array of arrays
    /// (`json_group_array`), read as one value and parsed here. PostgreSQL sends rows cheaply
    /// and builds such JSON slowly (`json_agg`), so there they come as rows.
    pub(crate) async fn many_rows<T: DeserializeOwned>(
        &mut self,
        columns: &[(&str, &str)],
        rest: &str,
        q: Sql,
    ) -> Result<Vec<T>> {
        if self.tx.store.backend == crate::Backend::Postgres {
            let list: Vec<String> = columns.iter().map(|(e, name)| format!("{e} AS {name}")).collect();
            return self.rows(&format!("SELECT {} {rest}", list.join(", ")), q).await;
        }
        let list: Vec<&str> = columns.iter().map(|(e, _)| *e).collect();
        #[derive(serde::Deserialize, Default)]
        struct Packed {
            packed: Option<String>,
        }
        let sql = format!(
            "SELECT json_group_array(json_array({})) AS packed {rest}",
            list.join(", ")
        );
        let packed: Packed = self.one(&sql, q).await?;
        match packed.packed {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| voronka_core::Error::storage(format!("cannot read packed report rows: {e}"))),
            None => Ok(Vec::new()),
        }
    }

    /// The rows of `sql`, each mapped as the database sends it: for a result too long to hold
    /// (an export's). SQLite's worker thread and PostgreSQL's socket each hold only a few rows
    /// ahead of the reader.
    pub(crate) fn stream<'r, T: DeserializeOwned + 'r>(
        &'r mut self,
        sql: &'r str,
        q: Sql,
    ) -> impl futures_util::Stream<Item = Result<T>> + 'r {
        use futures_util::StreamExt;
        let mut query = sqlx::query(sql);
        for p in q.params {
            query = row::bind_plain(query, p);
        }
        query
            .fetch(&mut *self.tx.tx)
            .map(|row| row.db().and_then(|r| row::from_row(&r, &[])))
    }

    /// Rows the report's next statement is built from: read in bare mode too, so that bare
    /// runs the same statements.
    pub(crate) async fn rows_for_next<T: DeserializeOwned>(&mut self, sql: &str, q: Sql) -> Result<Vec<T>> {
        let bare = std::mem::replace(&mut self.bare, false);
        let rows = self.rows(sql, q).await;
        self.bare = bare;
        rows
    }

    /// The one row of an aggregate with no GROUP BY.
    pub(crate) async fn one<T: DeserializeOwned + Default>(&mut self, sql: &str, q: Sql) -> Result<T> {
        Ok(self.rows(sql, q).await?.into_iter().next().unwrap_or_default())
    }

    /// Everyone's name by id (the users of a team are few).
    pub(crate) async fn people(&mut self) -> Result<People> {
        #[derive(serde::Deserialize)]
        struct Row {
            id: Id,
            name: String,
        }
        let rows: Vec<Row> = self
            .rows("SELECT id, name FROM users ORDER BY id", Sql::default())
            .await?;
        Ok(People(rows.into_iter().map(|r| (r.id, r.name)).collect()))
    }

    /// Sets a PostgreSQL planner setting for the rest of this report (its transaction); SQLite
    /// has none.
    pub(crate) async fn postgres_setting(&mut self, setting: &str) -> Result<()> {
        if self.tx.store.backend == crate::Backend::Postgres {
            self.tx.execute(&format!("SET LOCAL {setting}"), vec![]).await?;
        }
        Ok(())
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// The currency a report names for its sums: the department's (see
    /// `voronka_core::reports`).
    pub(crate) fn currency(&self) -> String {
        self.process.default_currency.as_str().to_string()
    }
}

pub(crate) struct People(HashMap<Id, String>);

impl People {
    pub(crate) fn person(&self, id: Id) -> Person {
        Person {
            id,
            name: self.0.get(&id).cloned().unwrap_or_else(|| id.to_string()),
        }
    }
}

/// Sorts by a person's name, bytewise, then id: the same order on every backend.
pub(crate) fn by_name<T>(items: &mut [T], person: impl Fn(&T) -> Option<&Person>) {
    items.sort_by(|a, b| {
        let key = |x: &T| person(x).map(|p| (p.name.clone(), p.id));
        key(a).cmp(&key(b))
    });
}

/// `[start of from, start of the day after to)` in milliseconds.
pub(crate) fn period_ms(f: &ReportFilter) -> (i64, i64) {
    (day_start_ms(f.from), day_start_ms(f.to + Days::new(1)))
}

/// `[from, the day after to)` as UTC day numbers: the `day` of the roll-ups (see the store's
/// `rollups`).
pub(crate) fn period_days(f: &ReportFilter) -> (i64, i64) {
    let (from, to) = period_ms(f);
    (from / crate::figures::DAY_MS, to / crate::figures::DAY_MS)
}

/// The six months ending with `to`'s, oldest first, and their seven boundaries in ms: the
/// window of XYZ and of plan fulfilment.
pub(crate) fn six_months(f: &ReportFilter) -> (Vec<NaiveDate>, Vec<i64>) {
    let months: Vec<NaiveDate> = (0..6).map(|i| months_back(f.to, 5 - i)).collect();
    let bounds = months
        .iter()
        .map(|m| day_start_ms(*m))
        .chain([day_start_ms(next_month(f.to))])
        .collect();
    (months, bounds)
}

pub(crate) fn date_of_ms(ms: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp_millis(ms).map(|t| t.date_naive())
}

/// Decodes a text column holding a date.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Stages in pipeline and stage order, of the filter's pipeline (or all), of the given kinds.
pub(crate) async fn stages(r: &mut Reader<'_>, f: &ReportFilter, kinds: &str) -> Result<Vec<StageRef>> {
    let mut q = Sql::default();
    let pipeline = match f.pipeline_id {
        Some(p) => format!(" AND s.pipeline_id = {}", q.bind(p)),
        None => String::new(),
    };
    let sql = format!(
        "SELECT s.id, s.name, s.pipeline_id, s.position FROM stages s JOIN pipelines pl ON pl.id = s.pipeline_id
         WHERE s.deleted_at IS NULL AND pl.deleted_at IS NULL AND s.kind IN ({kinds}){pipeline}
         ORDER BY pl.position, pl.id, s.position, s.id"
    );
    r.rows(&sql, q).await
}

impl Store {
    async fn report_reader(&self, bare: bool) -> Result<Reader<'_>> {
        let mut tx = self.begin_read().await?;
        if self.backend == crate::Backend::Postgres {
            // A report's statements read one snapshot (SQLite's read transaction does anyway):
            // the roll-ups and the rows their medians are found in must agree.
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", vec![])
                .await?;
            // The correlated subqueries make PostgreSQL's cost estimates large enough to JIT-compile
            // a statement that then runs in less time than the compiling takes.
            tx.execute("SET LOCAL jit = off", vec![]).await?;
            // A report's sorts of some ten thousand rows spill to disk at the default 4 MB.
            tx.execute("SET LOCAL work_mem = '32MB'", vec![]).await?;
            // Parallel workers each built the whole hash of a join again (ABC/XYZ took 3 times
            // the work), and on a desktop's few cores they only compete with the app.
            tx.execute("SET LOCAL max_parallel_workers_per_gather = 0", vec![])
                .await?;
            // sqlx prepares each statement once per connection. From the sixth run on,
            // PostgreSQL may plan it without its parameters, guessing a period's rows from no
            // period at all: ABC/XYZ then joined 50,000 clients in a nested loop planned for 197
            // (600 ms instead of 240). A report's planning costs a millisecond or two.
            tx.execute("SET LOCAL plan_cache_mode = force_custom_plan", vec![])
                .await?;
        }
        let process = tx.process().await?;
        Ok(Reader {
            now: tx.now,
            tx,
            bare,
            rows_seen: 0,
            after_now: None,
            process,
        })
    }

    async fn run_report(
        &self,
        name: ReportName,
        filter: &ReportFilter,
        options: &ReportOptions,
        bare: bool,
    ) -> Result<(Report, u64)> {
        filter.validate()?;
        options.validate()?;
        let mut r = self.report_reader(bare).await?;
        r.tx.refuse_unknown_filter_ids(filter).await?;
        let mine = r.tx.signed_in_manager().await?.map(|me| ReportFilter {
            manager_id: Some(me),
            ..filter.clone()
        });
        let f = mine.as_ref().unwrap_or(filter);
        let report = match name {
            ReportName::Dashboard => Report::Dashboard(dashboard::run(&mut r, f).await?),
            ReportName::PaymentPlan => Report::PaymentPlan(payment_plan::run(&mut r, f).await?),
            ReportName::Funnel => Report::Funnel(funnel::run(&mut r, f).await?),
            ReportName::TimeInStage => {
                let stuck = options.stuck_after_days.unwrap_or(r.process.stuck_days);
                Report::TimeInStage(time_in_stage::run(&mut r, f, stuck).await?)
            }
            ReportName::Discipline => Report::Discipline(discipline::run(&mut r, f).await?),
            ReportName::LossReasons => Report::LossReasons(loss_reasons::run(&mut r, f).await?),
            ReportName::LeadResponse => {
                let minutes = r.process.lead_response_minutes;
                Report::LeadResponse(lead_response::run(&mut r, f, minutes).await?)
            }
            ReportName::NewVsExisting => Report::NewVsExisting(new_vs_existing::run(&mut r, f).await?),
            ReportName::AbcXyz => Report::AbcXyz(abc_xyz::run(&mut r, f).await?),
            ReportName::Activity => {
                let idle = options.idle_after_days.unwrap_or(r.process.idle_days);
                Report::Activity(activity::run(&mut r, f, idle).await?)
            }
        };
        let seen = r.rows_seen;
        r.tx.commit().await?;
        Ok((report, seen))
    }

    /// Any report by name: what a generic screen or exporter calls.
    pub async fn report(&self, name: ReportName, filter: &ReportFilter, options: &ReportOptions) -> Result<Report> {
        Ok(self.run_report(name, filter, options, false).await?.0)
    }

    /// A report as an export reads it: ABC/XYZ's clients and the payment plan's payments come
    /// in order from a cursor as they are written (see [`ReportExport`]); every other report
    /// comes whole.
    pub async fn report_export(
        &self,
        name: ReportName,
        filter: &ReportFilter,
        options: &ReportOptions,
    ) -> Result<ReportExport> {
        filter.validate()?;
        options.validate()?;
        let mut tx = self.begin_read().await?;
        tx.refuse_unknown_filter_ids(filter).await?;
        let currency = tx.default_currency().await?.as_str().to_string();
        tx.commit().await?;
        let (store, f) = (self.clone(), filter.clone());
        Ok(match name {
            ReportName::AbcXyz => ReportExport::AbcXyz(abc_xyz::ranked(store, f, currency)),
            ReportName::PaymentPlan => ReportExport::PaymentPlan(payment_plan::planned(store, f)),
            _ => ReportExport::Whole(self.report(name, filter, options).await?),
        })
    }

    /// Runs a report's statements without reading their rows into results; returns how many
    /// rows the database sent. For measuring what the mapping costs.
    pub async fn report_bare(&self, name: ReportName, filter: &ReportFilter, options: &ReportOptions) -> Result<u64> {
        Ok(self.run_report(name, filter, options, true).await?.1)
    }
}

impl Tx<'_> {
    /// The manager signed in to a team database as her own login, whose reports are of her own
    /// figures: the team row is hers (DOMAIN.md, "Rights"). Row-level security hides the rest
    /// of the records anyway; asking for hers lets each report pick her rows by its indexes
    /// instead of reading the team's through the policies.
    async fn signed_in_manager(&mut self) -> Result<Option<Id>> {
        if self.store.backend != crate::Backend::Postgres {
            return Ok(None);
        }
        let me: Option<String> =
            sqlx::query_scalar("SELECT id FROM users WHERE id = voronka_me() AND role = 'manager'")
                .fetch_optional(&mut *self.tx)
                .await
                .db()?;
        me.map(|id| {
            id.parse()
                .map_err(|_| voronka_core::Error::storage(format!("a user id «{id}»")))
        })
        .transpose()
    }

    /// A filter's manager and pipeline must exist: an id that names nothing (a typo, another
    /// database's id) would otherwise give an empty report that looks like a true one. A deleted
    /// manager or pipeline is still reported on: their history stays.
    async fn refuse_unknown_filter_ids(&mut self, f: &ReportFilter) -> Result<()> {
        use voronka_core::model::{Pipeline, User};
        use voronka_core::{Error, ErrorCode};
        fn missing(field: &'static str, what: &'static str, id: Id) -> impl FnOnce(Error) -> Error {
            move |e: Error| match e.code {
                ErrorCode::NotFound => Error::invalid(field, format!("there is no {what} with id {id}")),
                _ => e,
            }
        }
        if let Some(id) = f.manager_id {
            self.get_any::<User>(id)
                .await
                .map_err(missing("manager_id", "manager", id))?;
        }
        if let Some(id) = f.pipeline_id {
            self.get_any::<Pipeline>(id)
                .await
                .map_err(missing("pipeline_id", "pipeline", id))?;
        }
        Ok(())
    }
}

/// The typed entry points, one per report.
macro_rules! typed_reports {
    ($($(#[$doc:meta])* $fn:ident, $name:ident, $variant:ident, $ty:ty;)*) => {
        impl Store {
            $(
                $(#[$doc])*
                pub async fn $fn(&self, filter: &ReportFilter, options: &ReportOptions) -> Result<$ty> {
                    match self.report(ReportName::$name, filter, options).await? {
                        Report::$variant(r) => Ok(r),
                        other => Err(voronka_core::Error::storage(format!(
                            "asked for {} and got {}", ReportName::$name, other.name()
                        ))),
                    }
                }
            )*
        }
    };
}

typed_reports! {
    /// Plan and fact of the month holding `filter.to`.
    dashboard_report, Dashboard, Dashboard, Dashboard;
    /// Payments due in the Monday–Sunday week holding `filter.from`.
    payment_plan_report, PaymentPlan, PaymentPlan, PaymentPlan;
    funnel_report, Funnel, Funnel, Funnel;
    time_in_stage_report, TimeInStage, TimeInStage, TimeInStage;
    discipline_report, Discipline, Discipline, Discipline;
    loss_reasons_report, LossReasons, LossReasons, LossReasons;
    lead_response_report, LeadResponse, LeadResponse, LeadResponse;
    new_vs_existing_report, NewVsExisting, NewVsExisting, NewVsExisting;
    abc_xyz_report, AbcXyz, AbcXyz, AbcXyz;
    activity_report, Activity, Activity, ActivityReport;
}
