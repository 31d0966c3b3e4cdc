//! What an import makes (companies, contacts, or deals with their company) and the fields a
//! column may fill for each.

use serde::{Deserialize, Serialize};
use voronka_core::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// Companies, each with an optional contact person.
    Companies,
    /// Contacts, each with an optional company (found by name, or made).
    Contacts,
    /// Deals, each with its company (found or made) and an optional contact.
    Deals,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Companies => "companies",
            ImportKind::Contacts => "contacts",
            ImportKind::Deals => "deals",
        }
    }

    pub fn parse(text: &str) -> Result<ImportKind> {
        match text.trim() {
            "companies" => Ok(ImportKind::Companies),
            "contacts" => Ok(ImportKind::Contacts),
            "deals" => Ok(ImportKind::Deals),
            other => Err(Error::invalid(
                "kind",
                format!("«{other}» is not companies, contacts or deals"),
            )),
        }
    }

    /// The fields a column may fill, the required one first.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Companies => &[
                Name,
                LegalId,
                Industry,
                City,
                Address,
                Website,
                Phone,
                MobilePhone,
                Email,
                EmployeeCount,
                MonthlyTurnover,
                LeadSource,
                Notes,
                Owner,
                ContactName,
                Position,
                ContactPhone,
                ContactEmail,
            ],
            ImportKind::Contacts => &[
                ContactName,
                Position,
                ContactPhone,
                ContactEmail,
                Birthday,
                Address,
                Notes,
                Owner,
                Name,
                City,
                LegalId,
                Phone,
                Email,
            ],
            ImportKind::Deals => &[
                Title,
                Name,
                City,
                LegalId,
                Phone,
                Email,
                Amount,
                Currency,
                Stage,
                ExpectedCloseDate,
                PlannedPaymentDate,
                LeadSource,
                Owner,
                ContactName,
                Position,
                ContactPhone,
                ContactEmail,
            ],
        }
    }

    /// The field without which a row is refused.
    pub fn required(self) -> Field {
        match self {
            ImportKind::Companies => Field::Name,
            ImportKind::Contacts => Field::ContactName,
            ImportKind::Deals => Field::Title,
        }
    }
}

/// A field a column may fill. `Name`, `City`, `LegalId`, `Phone` and `Email` are the company's;
/// the `Contact…` fields and `Position` the contact person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "bindings", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    LegalId,
    Industry,
    City,
    Address,
    Website,
    Phone,
    MobilePhone,
    Email,
    EmployeeCount,
    MonthlyTurnover,
    LeadSource,
    Notes,
    Owner,
    ContactName,
    Position,
    ContactPhone,
    ContactEmail,
    Birthday,
    Title,
    Amount,
    Currency,
    Stage,
    ExpectedCloseDate,
    PlannedPaymentDate,
}

impl Field {
    pub const ALL: [Field; 25] = [
        Field::Name,
        Field::LegalId,
        Field::Industry,
        Field::City,
        Field::Address,
        Field::Website,
        Field::Phone,
        Field::MobilePhone,
        Field::Email,
        Field::EmployeeCount,
        Field::MonthlyTurnover,
        Field::LeadSource,
        Field::Notes,
        Field::Owner,
        Field::ContactName,
        Field::Position,
        Field::ContactPhone,
        Field::ContactEmail,
        Field::Birthday,
        Field::Title,
        Field::Amount,
        Field::Currency,
        Field::Stage,
        Field::ExpectedCloseDate,
        Field::PlannedPaymentDate,
    ];

    /// The field's name in a mapping (`--map "Назва=name"`) and in errors.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::LegalId => "legal_id",
            Field::Industry => "industry",
            Field::City => "city",
            Field::Address => "address",
            Field::Website => "website",
            Field::Phone => "phone",
            Field::MobilePhone => "mobile_phone",
            Field::Email => "email",
            Field::EmployeeCount => "employee_count",
            Field::MonthlyTurnover => "monthly_turnover",
            Field::LeadSource => "lead_source",
            Field::Notes => "notes",
            Field::Owner => "owner",
            Field::ContactName => "contact_name",
            Field::Position => "position",
            Field::ContactPhone => "contact_phone",
            Field::ContactEmail => "contact_email",
            Field::Birthday => "birthday",
            Field::Title => "title",
            Field::Amount => "amount",
            Field::Currency => "currency",
            Field::Stage => "stage",
            Field::ExpectedCloseDate => "expected_close_date",
            Field::PlannedPaymentDate => "planned_payment_date",
        }
    }

    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim().to_lowercase();
        Field::ALL.into_iter().find(|f| f.as_str() == t)
    }
}
