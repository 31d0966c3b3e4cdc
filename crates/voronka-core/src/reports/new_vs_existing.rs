use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, percent};
use serde::{Deserialize, Serialize};

/// Revenue from new and from existing clients. Revenue is the payments received (paid) in the
/// period on the deals of the filter. A company is *new* when it had no deal won before the
/// period began (any pipeline, any manager), *existing* otherwise; payments on deals without a
/// company are counted apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct NewVsExisting {
    pub currency: String,
    /// By manager name.
    pub managers: Vec<RevenueSplit>,
    pub team: RevenueSplit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct RevenueSplit {
    /// `None` on the team row.
    pub manager: Option<Person>,
    pub new_companies: i64,
    pub new_revenue: i64,
    pub existing_companies: i64,
    pub existing_revenue: i64,
    pub without_company_revenue: i64,
    /// new / (new + existing + without company) in percent.
    pub new_share: Option<f64>,
}

impl RevenueSplit {
    pub fn total(&self) -> i64 {
        self.new_revenue + self.existing_revenue + self.without_company_revenue
    }

    pub fn with_share(mut self) -> RevenueSplit {
        self.new_share = percent(self.new_revenue, self.total());
        self
    }
}

impl Tabular for NewVsExisting {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            "revenue_split",
            "Revenue from new and existing clients",
            &[
                ("manager", "Manager", K::Text),
                ("new_companies", "New clients", K::Integer),
                ("new_revenue", "From new", K::Money),
                ("existing_companies", "Existing clients", K::Integer),
                ("existing_revenue", "From existing", K::Money),
                ("without_company_revenue", "Without a company", K::Money),
                ("total", "Total", K::Money),
                ("new_share", "New share", K::Percent),
            ],
        );
        let cells = |r: &RevenueSplit, name: String| {
            let m = |v| Cell::money(v, &self.currency);
            vec![
                Cell::Text(name),
                Cell::Integer(r.new_companies),
                m(r.new_revenue),
                Cell::Integer(r.existing_companies),
                m(r.existing_revenue),
                m(r.without_company_revenue),
                m(r.total()),
                Cell::percent(r.new_share),
            ]
        };
        for r in &self.managers {
            t.row(cells(r, r.manager.as_ref().map(|p| p.name.clone()).unwrap_or_default()));
        }
        vec![t.with_totals(cells(&self.team, "Team".into()))]
    }
}
