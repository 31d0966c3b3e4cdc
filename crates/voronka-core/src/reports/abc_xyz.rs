use super::table::{Cell, ColumnKind as K, ReportTable, Tabular};
use super::{Person, round};
use crate::Id;
use serde::{Deserialize, Serialize};

/// ABC by the share of revenue, XYZ by its steadiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub enum AbcClass {
    A,
    B,
    C,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub enum XyzClass {
    X,
    Y,
    Z,
}

/// A when the cumulative share of revenue, this company included (companies ranked by revenue,
/// largest first), is at most 80 %; B when at most 95 %; C otherwise. Integer arithmetic, so a
/// boundary share is exact.
pub fn abc_class(cumulative: i64, total: i64) -> AbcClass {
    let (c, t) = (cumulative as i128 * 100, total as i128);
    if c <= t * 80 {
        AbcClass::A
    } else if c <= t * 95 {
        AbcClass::B
    } else {
        AbcClass::C
    }
}

/// The coefficient of variation σ/μ of monthly revenues, with σ the *population* standard
/// deviation (divided by the number of months, not one less): the months are all there is,
/// not a sample. `None` when the mean is zero.
pub fn coefficient_of_variation(months: &[i64]) -> Option<f64> {
    if months.is_empty() {
        return None;
    }
    let n = months.len() as f64;
    let mean = months.iter().sum::<i64>() as f64 / n;
    if mean == 0.0 {
        return None;
    }
    let variance = months.iter().map(|&m| (m as f64 - mean).powi(2)).sum::<f64>() / n;
    Some(variance.sqrt() / mean)
}

/// X when σ/μ ≤ 10 %, Y when ≤ 25 %, Z otherwise (and Z with no revenue at all).
pub fn xyz_class(cv: Option<f64>) -> XyzClass {
    match cv {
        Some(v) if v <= 0.10 + 1e-12 => XyzClass::X,
        Some(v) if v <= 0.25 + 1e-12 => XyzClass::Y,
        _ => XyzClass::Z,
    }
}

/// Clients ranked by revenue (payments received in the period, on the filter's deals) with
/// their ABC class, and their XYZ class from the revenue of the six calendar months ending
/// with the month of the filter's `to` (a month without payments counts as zero).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct AbcXyz {
    pub currency: String,
    /// "YYYY-MM" of the six months, oldest first.
    pub months: Vec<String>,
    pub total_revenue: i64,
    /// Largest revenue first (ties by company id).
    pub companies: Vec<AbcXyzRow>,
    /// How many companies fall in each pair, "AX" … "CZ", in that order.
    pub matrix: Vec<AbcXyzCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct AbcXyzRow {
    pub company_id: Id,
    pub company: String,
    pub owner: Person,
    pub revenue: i64,
    /// Percent of the total, two decimals.
    pub share: f64,
    /// Cumulative percent, this company included, two decimals.
    pub cumulative_share: f64,
    pub abc: AbcClass,
    /// Revenue of each of [`AbcXyz::months`].
    pub monthly: Vec<i64>,
    /// σ/μ, three decimals.
    pub variation: Option<f64>,
    pub xyz: XyzClass,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
pub struct AbcXyzCell {
    pub abc: AbcClass,
    pub xyz: XyzClass,
    pub companies: i64,
    pub revenue: i64,
}

impl AbcXyzRow {
    /// A ranked company's row from its revenue, its running total and its monthly revenues.
    #[allow(clippy::too_many_arguments, reason = "one row's plain figures, named at the call")]
    pub fn new(
        company_id: Id,
        company: String,
        owner: Person,
        revenue: i64,
        cumulative: i64,
        total: i64,
        monthly: Vec<i64>,
    ) -> AbcXyzRow {
        let share = |v: i64| {
            if total == 0 {
                0.0
            } else {
                round(v as f64 * 100.0 / total as f64, 2)
            }
        };
        let cv = coefficient_of_variation(&monthly);
        AbcXyzRow {
            company_id,
            company,
            owner,
            revenue,
            share: share(revenue),
            cumulative_share: share(cumulative),
            abc: abc_class(cumulative, total),
            monthly,
            variation: cv.map(|v| round(v, 3)),
            xyz: xyz_class(cv),
        }
    }
}

/// The 3 × 3 counts of a ranked list.
pub fn abc_xyz_matrix(rows: &[AbcXyzRow]) -> Vec<AbcXyzCell> {
    let mut tally = AbcXyzTally::default();
    rows.iter().for_each(|r| tally.add(r));
    tally.cells()
}

/// The matrix added up one client at a time, for a list read as it is written rather than held
/// whole (an export's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AbcXyzTally {
    /// (companies, revenue) of "AX" … "CZ", in that order.
    pairs: [(i64, i64); 9],
}

const ABC: [AbcClass; 3] = [AbcClass::A, AbcClass::B, AbcClass::C];
const XYZ: [XyzClass; 3] = [XyzClass::X, XyzClass::Y, XyzClass::Z];

impl AbcXyzTally {
    pub fn add(&mut self, row: &AbcXyzRow) {
        let pair = &mut self.pairs[row.abc as usize * 3 + row.xyz as usize];
        pair.0 += 1;
        pair.1 += row.revenue;
    }

    pub fn cells(&self) -> Vec<AbcXyzCell> {
        let classes = ABC.iter().flat_map(|&abc| XYZ.iter().map(move |&xyz| (abc, xyz)));
        classes
            .zip(self.pairs)
            .map(|((abc, xyz), (companies, revenue))| AbcXyzCell {
                abc,
                xyz,
                companies,
                revenue,
            })
            .collect()
    }
}

impl AbcXyz {
    /// The clients' table with its columns and no rows: the six months are named by `months`.
    pub fn companies_table(months: &[String]) -> ReportTable {
        let mut columns: Vec<(String, String, K)> = vec![
            ("company".into(), "Company".into(), K::Text),
            ("owner".into(), "Owner".into(), K::Text),
            ("revenue".into(), "Revenue".into(), K::Money),
            ("share".into(), "Share".into(), K::Percent),
            ("cumulative_share".into(), "Cumulative".into(), K::Percent),
            ("abc".into(), "ABC".into(), K::Text),
        ];
        for (i, m) in months.iter().enumerate() {
            columns.push((format!("month_{}", i + 1), m.clone(), K::Money));
        }
        columns.push(("variation".into(), "σ/μ".into(), K::Number));
        columns.push(("xyz".into(), "XYZ".into(), K::Text));
        let refs: Vec<(&str, &str, K)> = columns.iter().map(|(k, t, c)| (k.as_str(), t.as_str(), *c)).collect();
        ReportTable::new("companies", "ABC / XYZ", &refs)
    }

    /// The column of [`AbcXyz::companies_table`] whose total is the sum of its cells.
    pub const REVENUE_COLUMN: usize = 2;

    /// One client's row of [`AbcXyz::companies_table`].
    pub fn company_cells(r: &AbcXyzRow, currency: &str) -> Vec<Cell> {
        let m = |v| Cell::money(v, currency);
        let mut row = vec![
            Cell::text(&r.company),
            Cell::text(&r.owner.name),
            m(r.revenue),
            Cell::Percent(r.share),
            Cell::Percent(r.cumulative_share),
            Cell::text(format!("{:?}", r.abc)),
        ];
        row.extend(r.monthly.iter().map(|&v| m(v)));
        row.push(Cell::number(r.variation));
        row.push(Cell::text(format!("{:?}", r.xyz)));
        row
    }

    /// The 3 × 3 matrix as a table, "AX" … "CZ".
    pub fn matrix_table(matrix: &[AbcXyzCell], currency: &str) -> ReportTable {
        let mut table = ReportTable::new(
            "matrix",
            "ABC × XYZ",
            &[
                ("class", "Class", K::Text),
                ("companies", "Companies", K::Integer),
                ("revenue", "Revenue", K::Money),
            ],
        );
        for c in matrix {
            table.row(vec![
                Cell::text(format!("{:?}{:?}", c.abc, c.xyz)),
                Cell::Integer(c.companies),
                Cell::money(c.revenue, currency),
            ]);
        }
        table
    }
}

impl Tabular for AbcXyz {
    fn tables(&self) -> Vec<ReportTable> {
        let mut t = AbcXyz::companies_table(&self.months);
        for r in &self.companies {
            t.row(AbcXyz::company_cells(r, &self.currency));
        }
        let mut totals = vec![
            Cell::text("Total"),
            Cell::Empty,
            Cell::money(self.total_revenue, &self.currency),
        ];
        totals.resize(t.columns.len(), Cell::Empty);
        vec![
            t.with_totals(totals),
            AbcXyz::matrix_table(&self.matrix, &self.currency),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abc_thresholds_include_their_boundary() {
        assert_eq!(abc_class(80, 100), AbcClass::A, "exactly 80 % is A");
        assert_eq!(abc_class(81, 100), AbcClass::B);
        assert_eq!(abc_class(95, 100), AbcClass::B, "exactly 95 % is B");
        assert_eq!(abc_class(96, 100), AbcClass::C);
        assert_eq!(abc_class(100, 100), AbcClass::C, "the tail");
    }

    #[test]
    fn variation_uses_the_population_deviation() {
        // 10, 20: mean 15, deviations ±5, population σ = 5, σ/μ = 1/3.
        // (The sample σ would be √50 ≈ 7.07 and give 0.471.)
        let cv = coefficient_of_variation(&[10, 20]).unwrap();
        assert!((cv - 1.0 / 3.0).abs() < 1e-12, "{cv}");
        assert_eq!(coefficient_of_variation(&[0, 0, 0]), None);
        // 100 ×5 and 70: mean 95, σ = √((5·25 + 625)/6) = √125 ≈ 11.18, σ/μ ≈ 0.1177 → Y.
        let cv = coefficient_of_variation(&[100, 100, 100, 100, 100, 70]);
        assert_eq!(xyz_class(cv), XyzClass::Y);
        assert_eq!(xyz_class(coefficient_of_variation(&[100; 6])), XyzClass::X, "steady");
        assert_eq!(xyz_class(coefficient_of_variation(&[0, 0, 0, 0, 0, 600])), XyzClass::Z);
        assert_eq!(xyz_class(None), XyzClass::Z);
    }
}
