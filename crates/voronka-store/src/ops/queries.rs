//! Paginated lists with filters. Sort columns come from fixed lists, never from the caller's text.

use crate::row::Value;
use crate::table::{Rows, Table};
use crate::{Page, Paged, Store};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use voronka_core::model::*;
use voronka_core::reports::day_start_ms;
use voronka_core::{Error, Id, Result};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct CompanyFilter {
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub industry: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    /// One of `name`, `city`, `industry`, `created_at`, `updated_at`; `name` by default.
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub descending: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ContactFilter {
    #[serde(default)]
    pub company_id: Option<Id>,
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct DealFilter {
    #[serde(default)]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub pipeline_id: Option<Id>,
    #[serde(default)]
    pub stage_id: Option<Id>,
    #[serde(default)]
    pub company_id: Option<Id>,
    #[serde(default)]
    pub contact_id: Option<Id>,
    #[serde(default)]
    pub status: Option<DealStatus>,
    /// Only deals created on or after this day (a report's period: the deals behind its number).
    #[serde(default)]
    pub created_from: Option<NaiveDate>,
    /// Only deals created on or before this day.
    #[serde(default)]
    pub created_to: Option<NaiveDate>,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct TaskFilter {
    #[serde(default)]
    pub assignee_id: Option<Id>,
    #[serde(default)]
    pub deal_id: Option<Id>,
    #[serde(default)]
    pub company_id: Option<Id>,
    /// Only tasks not done yet.
    #[serde(default)]
    pub open: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(default)]
pub struct ProductFilter {
    /// A fragment of the name or SKU, any case.
    #[serde(default)]
    pub text: Option<String>,
    /// The archive instead of the live catalog.
    #[serde(default)]
    pub archived: bool,
    /// One of `name`, `sku`, `unit`, `price`, `stock`, `lead_time_days`, `updated_at`; `name`
    /// by default.
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub descending: bool,
}

/// A deal's item with its total, as the core counts it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealLine {
    pub item: DealItem,
    pub total: i64,
}

/// A deal's items and what they add up to.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct DealLines {
    pub lines: Vec<DealLine>,
    pub totals: LineTotals,
}

/// WHERE clauses with their parameters, numbered as they are added.
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Conditions {
    fn live(deleted: bool) -> Conditions {
        let mut c = Conditions::default();
        c.clauses.push(
            if deleted {
                "deleted_at IS NOT NULL"
            } else {
                "deleted_at IS NULL"
            }
            .into(),
        );
        c
    }

    /// Adds `column = $n` when the value is given.
    pub(crate) fn eq(&mut self, column: &str, value: Option<Value>) {
        if let Some(v) = value {
            self.params.push(v);
            self.clauses.push(format!("{column} = ${}", self.params.len()));
        }
    }

    fn raw(&mut self, clause: &str, value: Value) {
        self.params.push(value);
        self.clauses
            .push(clause.replace("$?", &format!("${}", self.params.len())));
    }

    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "TRUE".into()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

impl Store {
    async fn page_of<R: Rows>(&self, conditions: Conditions, order: &str, page: Page) -> Result<Paged<R>> {
        let n = conditions.params.len();
        let sql = format!(
            "SELECT {} FROM {} WHERE {} ORDER BY {order} LIMIT ${} OFFSET ${}",
            R::SELECT,
            R::TABLE,
            conditions.sql(),
            n + 1,
            n + 2
        );
        let mut params = conditions.params;
        params.extend([Value::Int(page.limit() + 1), Value::Int(page.offset())]);
        let mut tx = self.begin_read().await?;
        let rows = tx.fetch_all(&sql, params, R::JSON).await?;
        tx.commit().await?;
        Ok(Paged::from_rows(rows, page))
    }

    async fn all_of<R: Table>(&self, conditions: Conditions, order: &str) -> Result<Vec<R>> {
        let sql = format!(
            "SELECT {} FROM {} WHERE {} ORDER BY {order}",
            R::SELECT,
            R::TABLE,
            conditions.sql()
        );
        let mut tx = self.begin_read().await?;
        let rows = tx.fetch_all(&sql, conditions.params, R::JSON).await?;
        tx.commit().await?;
        Ok(rows)
    }

    pub async fn list_companies(&self, filter: &CompanyFilter, page: Page) -> Result<Paged<Company>> {
        let (c, order) = company_conditions(filter)?;
        self.page_of(c, &order, page).await
    }

    pub async fn list_contacts(&self, filter: &ContactFilter, page: Page) -> Result<Paged<Contact>> {
        let (c, order) = contact_conditions(filter);
        self.page_of(c, &order, page).await
    }

    /// Newest first.
    pub async fn list_deals(&self, filter: &DealFilter, page: Page) -> Result<Paged<Deal>> {
        let (c, order) = deal_conditions(filter)?;
        self.page_of(c, &order, page).await
    }

    /// Soonest due first.
    pub async fn list_tasks(&self, filter: &TaskFilter, page: Page) -> Result<Paged<Task>> {
        let (c, order) = task_conditions(filter);
        self.page_of(c, &order, page).await
    }

    pub async fn list_users(&self) -> Result<Vec<User>> {
        self.all_of(Conditions::live(false), "name, id").await
    }

    pub async fn list_pipelines(&self) -> Result<Vec<Pipeline>> {
        self.all_of(Conditions::live(false), "position, id").await
    }

    pub async fn list_stages(&self, pipeline_id: Id) -> Result<Vec<Stage>> {
        let mut c = Conditions::live(false);
        c.eq("pipeline_id", Some(pipeline_id.into()));
        self.all_of(c, "position, id").await
    }

    pub async fn list_loss_reasons(&self) -> Result<Vec<LossReason>> {
        self.all_of(Conditions::live(false), "position, id").await
    }

    /// The catalog (or its archive), filtered by a fragment of a name or SKU.
    pub async fn list_products(&self, filter: &ProductFilter, page: Page) -> Result<Paged<Product>> {
        let mut c = Conditions::live(filter.archived);
        if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let escaped = text
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            c.raw("search_key LIKE $? ESCAPE '\\'", Value::Text(format!("%{escaped}%")));
        }
        let column = match filter.sort.as_deref().unwrap_or("name") {
            col @ ("name" | "sku" | "unit" | "price" | "stock" | "lead_time_days" | "updated_at") => col,
            other => {
                return Err(Error::invalid(
                    "sort",
                    format!("products cannot be sorted by «{other}»"),
                ));
            }
        };
        let dir = if filter.descending { "DESC" } else { "ASC" };
        self.page_of(c, &format!("{column} {dir}, id {dir}"), page).await
    }

    pub async fn deal_items(&self, deal_id: Id) -> Result<Vec<DealItem>> {
        let mut c = Conditions::live(false);
        c.eq("deal_id", Some(deal_id.into()));
        self.all_of(c, "created_at, id").await
    }

    /// A deal's live items with their totals and the sum of them.
    pub async fn deal_lines(&self, deal_id: Id) -> Result<DealLines> {
        let deal: Deal = self.get_any(deal_id).await?;
        let items = self.deal_items(deal_id).await?;
        let totals = item_totals(&items, deal.data.currency.clone(), None);
        let lines = items
            .into_iter()
            .map(|item| DealLine {
                total: item.data.total(),
                item,
            })
            .collect();
        Ok(DealLines { lines, totals })
    }

    pub async fn deal_payments(&self, deal_id: Id) -> Result<Vec<Payment>> {
        let mut c = Conditions::live(false);
        c.eq("deal_id", Some(deal_id.into()));
        self.all_of(c, "planned_date, id").await
    }

    /// Plans of a month ("2026-03"): the team's and each manager's.
    pub async fn plans_of_month(&self, month: &str) -> Result<Vec<Plan>> {
        let mut c = Conditions::live(false);
        c.eq("month", Some(month.into()));
        self.all_of(c, "user_id, id").await
    }

    /// Who changed a record and how, newest first.
    pub async fn audit_history(&self, entity_id: Id, page: Page) -> Result<Paged<AuditEntry>> {
        let mut c = Conditions::default();
        c.eq("entity_id", Some(entity_id.into()));
        self.page_of(c, "at DESC, id DESC", page).await
    }
}

/// The companies a filter keeps and their order, as the list's page and its export read them.
pub(crate) fn company_conditions(filter: &CompanyFilter) -> Result<(Conditions, String)> {
    let mut c = Conditions::live(filter.deleted);
    c.eq("owner_id", filter.owner_id.map(Value::from));
    c.eq("city", filter.city.clone().map(Value::from));
    c.eq("industry", filter.industry.clone().map(Value::from));
    let column = match filter.sort.as_deref().unwrap_or("name") {
        col @ ("name" | "city" | "industry" | "created_at" | "updated_at") => col,
        other => {
            return Err(Error::invalid(
                "sort",
                format!("companies cannot be sorted by «{other}»"),
            ));
        }
    };
    let dir = if filter.descending { "DESC" } else { "ASC" };
    Ok((c, format!("{column} {dir}, id {dir}")))
}

pub(crate) fn contact_conditions(filter: &ContactFilter) -> (Conditions, String) {
    let mut c = Conditions::live(filter.deleted);
    c.eq("company_id", filter.company_id.map(Value::from));
    c.eq("owner_id", filter.owner_id.map(Value::from));
    (c, "full_name, id".into())
}

pub(crate) fn deal_conditions(filter: &DealFilter) -> Result<(Conditions, String)> {
    let mut c = Conditions::live(filter.deleted);
    c.eq("owner_id", filter.owner_id.map(Value::from));
    c.eq("pipeline_id", filter.pipeline_id.map(Value::from));
    c.eq("stage_id", filter.stage_id.map(Value::from));
    c.eq("company_id", filter.company_id.map(Value::from));
    if let Some(status) = filter.status {
        c.eq("status", Some(Value::from(status.as_str())));
    }
    if let (Some(from), Some(to)) = (filter.created_from, filter.created_to)
        && from > to
    {
        return Err(Error::invalid(
            "created_to",
            format!("the period ends ({to}) before it starts ({from})"),
        ));
    }
    // The same days as the reports' periods, so a report's number and its deals agree.
    if let Some(from) = filter.created_from {
        c.raw("created_at >= $?", Value::Int(day_start_ms(from)));
    }
    if let Some(to) = filter.created_to {
        c.raw("created_at < $?", Value::Int(day_start_ms(to + Days::new(1))));
    }
    if let Some(contact) = filter.contact_id {
        c.raw(
            "id IN (SELECT deal_id FROM deal_contacts WHERE contact_id = $?)",
            contact.into(),
        );
    }
    Ok((c, "created_at DESC, id DESC".into()))
}

pub(crate) fn task_conditions(filter: &TaskFilter) -> (Conditions, String) {
    let mut c = Conditions::live(false);
    c.eq("assignee_id", filter.assignee_id.map(Value::from));
    c.eq("deal_id", filter.deal_id.map(Value::from));
    c.eq("company_id", filter.company_id.map(Value::from));
    if filter.open {
        c.clauses.push("done_at IS NULL".into());
    }
    (c, "due_at, id".into())
}
