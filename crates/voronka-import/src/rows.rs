//! One row of the file turned into what it describes (a company, a contact, a deal) with every
//! validation error of the row, each naming its field as the mapping calls it.

use crate::cell::Cell;
use crate::fields::{Field, ImportKind};
use crate::mapping::Mapping;
use crate::values;
use chrono::NaiveDate;
use serde::Serialize;
use voronka_core::model::{CompanyInput, ContactInput};
use voronka_core::types::{DealTitle, Email, Phone};
use voronka_core::{Error, Id};

/// A row of the file, read and checked.
#[derive(Debug, Clone)]
pub struct ParsedRow {
    /// The row's number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// Its cells as text, for the refused-rows file.
    pub cells: Vec<String>,
    /// What it describes, or why it is refused (every error of the row, each on its field).
    pub records: Result<RowRecords, Vec<Error>>,
}

/// What one row describes. Dictionary values (industry, lead source), the stage and the
/// owner are given as the file writes them: the store resolves them against the database.
#[derive(Debug, Clone, Default)]
pub struct RowRecords {
    /// The company: the row itself for companies, the company named for contacts and deals.
    pub company: Option<CompanyInput>,
    pub contact: Option<ContactInput>,
    pub deal: Option<DealRow>,
    pub owner: Option<String>,
    pub stage: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DealRow {
    pub title: String,
    /// Minor units.
    pub amount: Option<i64>,
    pub currency: Option<String>,
    pub expected_close_date: Option<NaiveDate>,
    pub planned_payment_date: Option<NaiveDate>,
    pub lead_source: Option<String>,
}

/// Reads one row with `mapping`. `row` is its number in the file.
pub fn parse_row(mapping: &Mapping, row: usize, cells: Vec<Cell>) -> ParsedRow {
    let texts: Vec<String> = cells.iter().map(Cell::text).collect();
    let records = read(mapping, &cells);
    ParsedRow {
        row,
        cells: texts,
        records,
    }
}

/// Whether a row has nothing in it (a blank line between blocks): such rows are passed over.
pub fn is_blank(cells: &[Cell]) -> bool {
    cells.iter().all(Cell::is_empty)
}

struct Reader<'a> {
    mapping: &'a Mapping,
    cells: &'a [Cell],
    errors: Vec<Error>,
}

impl Reader<'_> {
    fn cell(&self, field: Field) -> &Cell {
        self.mapping
            .column_of(field)
            .and_then(|i| self.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, field: Field) -> Option<String> {
        let t = self.cell(field).text();
        (!t.is_empty()).then_some(t)
    }

    fn fail(&mut self, field: Field, message: String) {
        if !self.errors.iter().any(|e| e.field.as_deref() == Some(field.as_str())) {
            self.errors.push(Error::invalid(field.as_str(), message));
        }
    }

    fn phone(&mut self, field: Field) -> Option<String> {
        let t = self.text(field)?;
        match Phone::parse(&t) {
            Ok(_) => Some(t),
            Err(e) => {
                self.fail(field, e.message);
                None
            }
        }
    }

    fn email(&mut self, field: Field) -> Option<String> {
        let t = self.text(field)?;
        match Email::parse(&t) {
            Ok(_) => Some(t),
            Err(e) => {
                self.fail(field, e.message);
                None
            }
        }
    }

    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        values::date(self.cell(field)).unwrap_or_else(|m| {
            self.fail(field, m);
            None
        })
    }

    fn money(&mut self, field: Field) -> Option<i64> {
        values::money(self.cell(field)).unwrap_or_else(|m| {
            self.fail(field, m);
            None
        })
    }

    /// Runs the core's own validation of a record and keeps its error on the import's field.
    fn check<T>(&mut self, checked: voronka_core::Result<T>, rename: fn(&str) -> Field) {
        if let Err(e) = checked {
            let field = rename(e.field.as_deref().unwrap_or_default());
            self.fail(field, e.message);
        }
    }
}

fn read(mapping: &Mapping, cells: &[Cell]) -> Result<RowRecords, Vec<Error>> {
    let mut r = Reader {
        mapping,
        cells,
        errors: Vec::new(),
    };
    let kind = mapping.kind;
    let required = kind.required();
    if r.text(required).is_none() {
        let what = match kind {
            ImportKind::Companies => "the company's name",
            ImportKind::Contacts => "the contact's name",
            ImportKind::Deals => "the deal's title",
        };
        r.fail(required, format!("{what} is empty"));
    }
    let company_named = r.text(Field::Name).is_some();
    let company = (kind == ImportKind::Companies || company_named).then(|| {
        let employee_count = values::count(r.cell(Field::EmployeeCount)).unwrap_or_else(|m| {
            r.fail(Field::EmployeeCount, m);
            None
        });
        let legal_id = Some(values::legal_id(r.cell(Field::LegalId))).filter(|t| !t.is_empty());
        CompanyInput {
            name: r.text(Field::Name).unwrap_or_default(),
            legal_id,
            industry: r.text(Field::Industry),
            city: r.text(Field::City),
            address: if kind == ImportKind::Companies {
                r.text(Field::Address)
            } else {
                None
            },
            website: r.text(Field::Website),
            work_phone: r.phone(Field::Phone),
            mobile_phone: r.phone(Field::MobilePhone),
            email: r.email(Field::Email),
            monthly_turnover: r.money(Field::MonthlyTurnover),
            employee_count,
            lead_source: if kind == ImportKind::Deals {
                None
            } else {
                r.text(Field::LeadSource)
            },
            notes: if kind == ImportKind::Companies {
                r.text(Field::Notes)
            } else {
                None
            },
            ..Default::default()
        }
    });
    if let Some(c) = &company
        && company_named
    {
        // Dictionary values are resolved by the store; the rest is the core's to check.
        let plain = CompanyInput {
            industry: None,
            lead_source: None,
            ..c.clone()
        };
        r.check(plain.validate(Id(uuid::Uuid::nil())), company_field);
    }
    let person_named = r.text(Field::ContactName).is_some();
    let contact = person_named.then(|| ContactInput {
        full_name: r.text(Field::ContactName).unwrap_or_default(),
        position: r.text(Field::Position),
        phones: r.phone(Field::ContactPhone).into_iter().collect(),
        emails: r.email(Field::ContactEmail).into_iter().collect(),
        address: if kind == ImportKind::Contacts {
            r.text(Field::Address)
        } else {
            None
        },
        birthday: r.date(Field::Birthday).map(|d| d.to_string()),
        notes: if kind == ImportKind::Contacts {
            r.text(Field::Notes)
        } else {
            None
        },
        ..Default::default()
    });
    if let Some(c) = &contact {
        r.check(c.validate(Id(uuid::Uuid::nil())), contact_field);
    }
    let deal = (kind == ImportKind::Deals).then(|| DealRow {
        title: r.text(Field::Title).unwrap_or_default(),
        amount: r.money(Field::Amount),
        currency: r.text(Field::Currency),
        expected_close_date: r.date(Field::ExpectedCloseDate),
        planned_payment_date: r.date(Field::PlannedPaymentDate),
        lead_source: r.text(Field::LeadSource),
    });
    if let Some(d) = &deal {
        if !d.title.is_empty() {
            r.check(DealTitle::parse(&d.title), |_| Field::Title);
        }
        if d.amount.is_some_and(|a| a < 0) {
            r.fail(Field::Amount, "an amount cannot be negative".into());
        }
        if kind == ImportKind::Deals && !company_named {
            r.fail(Field::Name, "a deal needs its company's name".into());
        }
    }
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    Ok(RowRecords {
        company,
        contact,
        deal,
        owner: r.text(Field::Owner),
        stage: r.text(Field::Stage),
    })
}

/// The import's field for a company field the core names.
fn company_field(core: &str) -> Field {
    match core {
        "legal_id" => Field::LegalId,
        "city" => Field::City,
        "address" => Field::Address,
        "website" => Field::Website,
        "work_phone" => Field::Phone,
        "mobile_phone" => Field::MobilePhone,
        "email" => Field::Email,
        "employee_count" => Field::EmployeeCount,
        "monthly_turnover" => Field::MonthlyTurnover,
        "notes" => Field::Notes,
        _ => Field::Name,
    }
}

/// The import's field for a contact field the core names.
fn contact_field(core: &str) -> Field {
    match core {
        "position" => Field::Position,
        "address" => Field::Address,
        "birthday" => Field::Birthday,
        "notes" => Field::Notes,
        c if c.starts_with("phones") => Field::ContactPhone,
        c if c.starts_with("emails") => Field::ContactEmail,
        _ => Field::ContactName,
    }
}
