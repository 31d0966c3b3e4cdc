//! A list (companies, contacts, deals, tasks) with the filters and order of its screen, read in
//! one snapshot while its file is written: the rows of the same statements as the screen's
//! pages, with the names of owners, stages and dictionary entries looked up by the database.

use super::cursor::{Out, spawn_reading};
use crate::Store;
use crate::ops::{Conditions, company_conditions, contact_conditions, deal_conditions, task_conditions};
use crate::row::Value;
use crate::{CompanyFilter, ContactFilter, DealFilter, TaskFilter};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use voronka_core::lists::{ListColumn, ListExport, ListName, chosen_kinds};
use voronka_core::model::User;
use voronka_core::reports::table::Column;
use voronka_core::reports::{Cell, ColumnKind};
use voronka_core::rights::Rights;
use voronka_core::{Id, Result};

/// Which list, with the filter its screen shows it by.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(tag = "list", content = "filter", rename_all = "snake_case")]
pub enum ListQuery {
    Companies(CompanyFilter),
    Contacts(ContactFilter),
    Deals(DealFilter),
    Tasks(TaskFilter),
}

impl ListQuery {
    pub fn name(&self) -> ListName {
        match self {
            ListQuery::Companies(_) => ListName::Companies,
            ListQuery::Contacts(_) => ListName::Contacts,
            ListQuery::Deals(_) => ListName::Deals,
            ListQuery::Tasks(_) => ListName::Tasks,
        }
    }
}

/// The name of a dictionary entry by its code, or the code itself when the entry is gone.
fn dictionary(dictionary: &str, column: &str) -> String {
    format!(
        "COALESCE((SELECT de.name FROM dictionary_entries de WHERE de.dictionary = '{dictionary}' \
         AND de.code = {column}), {column})"
    )
}

fn name_of(table: &str, column: &str) -> String {
    format!("(SELECT x.name FROM {table} x WHERE x.id = {column})")
}

/// The statement's FROM, its looked-up columns, and the conditions and order of the screen.
fn statement(query: &ListQuery, own: Option<Id>) -> Result<(String, Conditions, String)> {
    let (table, lookups, (mut c, order), owner) = match query {
        ListQuery::Companies(f) => (
            "companies",
            vec![
                (dictionary("industry", "companies.industry"), "industry"),
                (dictionary("lead_source", "companies.lead_source"), "lead_source"),
                (name_of("users", "companies.owner_id"), "owner"),
            ],
            company_conditions(f)?,
            "owner_id",
        ),
        ListQuery::Contacts(f) => (
            "contacts",
            vec![
                (name_of("companies", "contacts.company_id"), "company"),
                (name_of("users", "contacts.owner_id"), "owner"),
            ],
            contact_conditions(f),
            "owner_id",
        ),
        ListQuery::Deals(f) => (
            "deals",
            vec![
                (name_of("companies", "deals.company_id"), "company"),
                (name_of("stages", "deals.stage_id"), "stage"),
                (name_of("pipelines", "deals.pipeline_id"), "pipeline"),
                (name_of("users", "deals.owner_id"), "owner"),
                (dictionary("lead_source", "deals.lead_source"), "lead_source"),
                (dictionary("sales_channel", "deals.sales_channel"), "sales_channel"),
                (
                    dictionary("communication_channel", "deals.communication_channel"),
                    "communication_channel",
                ),
            ],
            deal_conditions(f)?,
            "owner_id",
        ),
        ListQuery::Tasks(f) => (
            "tasks",
            vec![
                (name_of("users", "tasks.assignee_id"), "assignee"),
                (
                    "(SELECT x.title FROM deals x WHERE x.id = tasks.deal_id)".to_string(),
                    "deal",
                ),
                (name_of("companies", "tasks.company_id"), "company"),
            ],
            task_conditions(f),
            "assignee_id",
        ),
    };
    // "Export of lists: their own records" for whoever may not export all (DOMAIN.md, Rights).
    if let Some(me) = own {
        c.eq(owner, Some(Value::from(me)));
    }
    let looked_up: Vec<String> = lookups
        .iter()
        .map(|(sql, name)| format!("{sql} AS {name}_shown"))
        .collect();
    let select = format!("SELECT {table}.*, {} FROM {table}", looked_up.join(", "));
    Ok((select, c, order))
}

impl Store {
    /// `query`'s list as its screen filters and orders it, in `columns` (keys of
    /// [`voronka_core::lists::columns`], headings as the person reads them). Whoever may not
    /// export every record gets their own. Everything is checked before the first row is read;
    /// the rows come while the caller writes them.
    pub async fn list_export(&self, actor: Id, query: &ListQuery, columns: &[ListColumn]) -> Result<ListExport> {
        let list = query.name();
        let kinds = chosen_kinds(list, columns)?;
        let me: User = self.get_any(actor).await?;
        let own = (!Rights::of(me.data.role).export_all).then_some(actor);
        let (select, conditions, order) = statement(query, own)?;
        let sql = format!("{select} WHERE {} ORDER BY {order}", conditions.sql());
        let mut tx = self.begin_read().await?;
        let currency = tx.default_currency().await?.as_str().to_string();
        tx.commit().await?;
        let keys: Vec<String> = columns.iter().map(|c| c.key.clone()).collect();
        let zone = voronka_core::agenda::zone(&me.data.time_zone);
        let store = self.clone();
        let params = conditions.params;
        let row_kinds = kinds.clone();
        let rows = spawn_reading(move |out: Out<Vec<Cell>>| async move {
            let mut r = store.report_reader(false).await?;
            let mut rows = std::pin::pin!(r.stream::<Json>(&sql, super::Sql { params }));
            let kinds_and_keys: Vec<(&str, ColumnKind)> = keys.iter().map(String::as_str).zip(row_kinds).collect();
            while let Some(row) = futures_util::TryStreamExt::try_next(&mut rows).await? {
                let cells = kinds_and_keys
                    .iter()
                    .map(|(key, kind)| cell(&row, key, *kind, zone))
                    .collect();
                if !out.send(cells).await {
                    break;
                }
            }
            Ok(())
        });
        Ok(ListExport {
            list,
            columns: columns
                .iter()
                .zip(kinds)
                .map(|(c, kind)| Column {
                    key: c.key.clone(),
                    title: c.title.clone(),
                    kind,
                })
                .collect(),
            rows,
            currency,
        })
    }
}

/// One value of a row, as its column's kind shows it: looked-up names first, arrays joined,
/// instants as days in the person's zone.
fn cell(row: &Json, key: &str, kind: ColumnKind, zone: Tz) -> Cell {
    let value = row
        .get(format!("{key}_shown"))
        .filter(|v| !v.is_null())
        .or_else(|| row.get(key))
        .unwrap_or(&Json::Null);
    match (kind, value) {
        (_, Json::Null) => Cell::Empty,
        (ColumnKind::Money, Json::Number(n)) => Cell::Money {
            minor: n.as_i64().unwrap_or_default(),
            currency: row
                .get("currency")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string(),
        },
        (ColumnKind::Date, Json::Number(ms)) => ms
            .as_i64()
            .and_then(DateTime::<Utc>::from_timestamp_millis)
            .map(|at| Cell::Date(at.with_timezone(&zone).date_naive()))
            .unwrap_or(Cell::Empty),
        (ColumnKind::Date, Json::String(day)) => day
            .parse::<NaiveDate>()
            .map(Cell::Date)
            .unwrap_or_else(|_| Cell::text(day.clone())),
        (ColumnKind::Percent | ColumnKind::Number | ColumnKind::Integer, Json::Number(n)) => {
            Cell::Number(n.as_f64().unwrap_or_default())
        }
        (_, Json::String(text)) => Cell::text(joined(text)),
        (_, other) => Cell::text(other.to_string()),
    }
}

/// A list kept as JSON text (a contact's phones, emails) as one line; any other text as it is.
fn joined(text: &str) -> String {
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(items) if text.starts_with('[') => items.join(", "),
        _ => text.to_string(),
    }
}
