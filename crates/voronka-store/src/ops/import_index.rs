//! Rule 6 for a whole file at once: the duplicate keys of every live company (and, where the
//! import needs them, of contacts and open deals), held in memory for the length of one import
//! and grown by each record it makes, so a row is checked against the base and the rows before
//! it alike, without a query per row.
//!
//! The keys are the store's own (`CompanyData::duplicate_keys`, `ContactData::same_person_as`'s
//! phones, emails and name at the company), so an import finds exactly the duplicates the
//! company form would refuse.

use crate::row::Value;
use crate::tx::Tx;
use std::collections::HashMap;
use voronka_core::model::{CompanyData, ContactData, name_key};
use voronka_core::{Id, Result};

/// A company a key leads to.
#[derive(Debug, Clone)]
pub(crate) struct KnownCompany {
    pub id: Id,
    pub name: String,
    pub owner_id: Id,
}

#[derive(Debug, Default)]
pub(crate) struct CompanyIndex {
    keys: HashMap<String, usize>,
    companies: Vec<KnownCompany>,
}

/// The key of a company's name in its city, as `name_key` reduces both.
fn name_in_city(name_key: &str, city_key: &str) -> String {
    format!("n\u{1f}{name_key}\u{1f}{city_key}")
}

/// The key of a company's name whatever its city: what a row naming no city is found by.
fn name_only(name_key: &str) -> String {
    format!("m\u{1f}{name_key}")
}

impl CompanyIndex {
    /// The first company sharing a key with `data`, and the field they share (rule 6's order:
    /// phones, email, legal id, name in the city).
    pub(crate) fn find(&self, data: &CompanyData) -> Option<(&KnownCompany, &'static str)> {
        let keys = data.duplicate_keys();
        let mut tries: Vec<(String, &'static str)> = Vec::new();
        for (phone, field) in [(&data.work_phone, "work_phone"), (&data.mobile_phone, "mobile_phone")] {
            if let Some(p) = phone {
                tries.push((format!("p\u{1f}{}", p.as_str()), field));
            }
        }
        tries.extend(keys.email.map(|e| (format!("e\u{1f}{e}"), "email")));
        tries.extend(keys.legal_id.map(|l| (format!("l\u{1f}{l}"), "legal_id")));
        tries.push((name_in_city(&keys.name_key, &keys.city_key), "name"));
        tries
            .into_iter()
            .find_map(|(key, field)| self.keys.get(&key).map(|&i| (&self.companies[i], field)))
    }

    /// A company found by its name alone (in `city` when one is given): what a contact's or a
    /// deal's company column names.
    pub(crate) fn by_name(&self, name: &str, city: Option<&str>) -> Option<&KnownCompany> {
        let key = match city {
            Some(city) => name_in_city(&name_key(name), &name_key(city)),
            None => name_only(&name_key(name)),
        };
        self.keys.get(&key).map(|&i| &self.companies[i])
    }

    /// How many companies it knows: a mark to go back to with [`CompanyIndex::truncate`].
    pub(crate) fn len(&self) -> usize {
        self.companies.len()
    }

    /// Forgets the companies added since `mark` (their row was rolled back).
    pub(crate) fn truncate(&mut self, mark: usize) {
        if self.companies.len() > mark {
            self.keys.retain(|_, i| *i < mark);
            self.companies.truncate(mark);
        }
    }

    pub(crate) fn add(&mut self, id: Id, data: &CompanyData) {
        let i = self.companies.len();
        self.companies.push(KnownCompany {
            id,
            name: data.name.to_string(),
            owner_id: data.owner_id,
        });
        let keys = data.duplicate_keys();
        let mut all: Vec<String> = keys.phones.iter().map(|p| format!("p\u{1f}{p}")).collect();
        all.extend(keys.email.map(|e| format!("e\u{1f}{e}")));
        all.extend(keys.legal_id.map(|l| format!("l\u{1f}{l}")));
        all.push(name_in_city(&keys.name_key, &keys.city_key));
        // Found by its name alone too, when a contact's or deal's row names no city.
        all.push(name_only(&keys.name_key));
        for key in all {
            self.keys.entry(key).or_insert(i);
        }
    }

    /// Every live company's keys, read a page at a time.
    pub(crate) async fn load(tx: &mut Tx<'_>) -> Result<CompanyIndex> {
        #[derive(serde::Deserialize)]
        struct Row {
            id: Id,
            name: String,
            owner_id: Id,
            work_phone: Option<String>,
            mobile_phone: Option<String>,
            email: Option<String>,
            legal_id: Option<String>,
            name_key: Option<String>,
            city_key: Option<String>,
        }
        let mut index = CompanyIndex::default();
        let mut after = String::new();
        loop {
            let rows: Vec<Row> = tx
                .fetch_all(
                    "SELECT id, name, owner_id, work_phone, mobile_phone, email, legal_id, name_key, city_key
                     FROM companies WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT 5000",
                    vec![Value::Text(after.clone())],
                    &[],
                )
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.id.to_string();
            for r in rows {
                let i = index.companies.len();
                index.companies.push(KnownCompany {
                    id: r.id,
                    name: r.name,
                    owner_id: r.owner_id,
                });
                let mut keys: Vec<String> = [r.work_phone, r.mobile_phone]
                    .into_iter()
                    .flatten()
                    .map(|p| format!("p\u{1f}{p}"))
                    .collect();
                keys.extend(r.email.map(|e| format!("e\u{1f}{}", e.to_lowercase())));
                keys.extend(r.legal_id.map(|l| format!("l\u{1f}{l}")));
                let (name, city) = (r.name_key.unwrap_or_default(), r.city_key.unwrap_or_default());
                keys.push(name_in_city(&name, &city));
                keys.push(name_only(&name));
                for key in keys {
                    index.keys.entry(key).or_insert(i);
                }
            }
        }
        Ok(index)
    }
}

/// Contacts by phone, e-mail, and name at their company.
#[derive(Debug, Default)]
pub(crate) struct ContactIndex {
    keys: HashMap<String, Id>,
}

fn person_keys(data: &ContactData) -> Vec<String> {
    let mut keys: Vec<String> = data.phones.iter().map(|p| format!("p\u{1f}{}", p.as_str())).collect();
    keys.extend(data.emails.iter().map(|e| format!("e\u{1f}{}", e.as_str())));
    if let Some(company) = data.company_id {
        keys.push(format!(
            "n\u{1f}{company}\u{1f}{}",
            data.full_name.as_str().to_lowercase()
        ));
    }
    keys
}

impl ContactIndex {
    /// The contact who looks like the same person (`ContactData::same_person_as`).
    pub(crate) fn find(&self, data: &ContactData) -> Option<Id> {
        person_keys(data).iter().find_map(|k| self.keys.get(k).copied())
    }

    pub(crate) fn add(&mut self, id: Id, data: &ContactData) {
        for key in person_keys(data) {
            self.keys.entry(key).or_insert(id);
        }
    }

    pub(crate) async fn load(tx: &mut Tx<'_>) -> Result<ContactIndex> {
        let mut index = ContactIndex::default();
        let mut after = String::new();
        loop {
            let rows: Vec<voronka_core::model::Contact> = tx
                .fetch_all(
                    "SELECT * FROM contacts WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT 5000",
                    vec![Value::Text(after.clone())],
                    <voronka_core::model::Contact as crate::table::Rows>::JSON,
                )
                .await?;
            let Some(last) = rows.last() else { break };
            after = last.meta.id.to_string();
            for c in rows {
                index.add(c.meta.id, &c.data);
            }
        }
        Ok(index)
    }
}

/// Open deals by company and title: a deal file's row that names one again is its duplicate.
#[derive(Debug, Default)]
pub(crate) struct DealIndex {
    keys: HashMap<String, Id>,
}

fn deal_key(company: Option<Id>, title: &str) -> String {
    format!(
        "{}\u{1f}{}",
        company.map(|c| c.to_string()).unwrap_or_default(),
        title.trim().to_lowercase()
    )
}

impl DealIndex {
    pub(crate) fn find(&self, company: Option<Id>, title: &str) -> Option<Id> {
        self.keys.get(&deal_key(company, title)).copied()
    }

    pub(crate) fn add(&mut self, id: Id, company: Option<Id>, title: &str) {
        self.keys.entry(deal_key(company, title)).or_insert(id);
    }

    pub(crate) async fn load(tx: &mut Tx<'_>) -> Result<DealIndex> {
        #[derive(serde::Deserialize)]
        struct Row {
            id: Id,
            company_id: Option<Id>,
            title: String,
        }
        let rows: Vec<Row> = tx
            .fetch_all(
                "SELECT id, company_id, title FROM deals WHERE deleted_at IS NULL AND status = 'open'",
                vec![],
                &[],
            )
            .await?;
        let mut index = DealIndex::default();
        for r in rows {
            index.add(r.id, r.company_id, &r.title);
        }
        Ok(index)
    }
}
