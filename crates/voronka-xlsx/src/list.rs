//! A list (companies, contacts, deals, tasks) as a workbook: the cover names it and the filters
//! it was narrowed to, then one sheet of its rows in the columns the person chose. Every text is
//! written as text: a name such as "=1+1" or "+380…" stays what it is and is never a formula.

use crate::report::{Authorship, cell, column};
use crate::{Filter, SheetData, Workbook};
use voronka_core::lists::ListExport;
use voronka_core::types::Currency;

pub fn list_workbook(list: ListExport, title: String, filters: Vec<Filter>, made: Authorship) -> Workbook<'static> {
    let currency = Currency::parse(&list.currency).unwrap_or_default();
    let columns = list.columns.iter().map(|c| column(c, currency.clone())).collect();
    let rows = list.rows.map(|row| row.map(|cells| cells.iter().map(cell).collect()));
    let sheet = SheetData::from_results(title.clone(), columns, rows);
    Workbook {
        title,
        filters,
        generated_at: made.at,
        time_zone: made.time_zone,
        generated_by: made.by,
        sheets: vec![sheet],
        locale: made.locale,
    }
}
