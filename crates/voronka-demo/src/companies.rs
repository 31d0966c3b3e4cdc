//! Clients with full cards and the people the managers talk to there.

use crate::calendar::MINUTE;
use crate::catalog::{self, CITIES, Line};
use crate::generator::{CompanyRef, DemoGenerator, Unique, meta, new_id, pick_manager};
use crate::text::{edrpou, latin, rnokpp, weighted};
use chrono::NaiveDate;
use voronka_core::Result;
use voronka_core::ids::SplitMix64;
use voronka_core::model::{
    Company, CompanyData, Contact, ContactData, DictionaryKind, ImportantDate, Messenger, default_entries, name_key,
};
use voronka_core::types::{CompanyName, Currency, Email, PersonName, Phone};
use voronka_store::Import;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Tov,
    Pp,
    Prat,
    Fop,
}

impl Form {
    fn label(self) -> &'static str {
        match self {
            Form::Tov => "ТОВ",
            Form::Pp => "ПП",
            Form::Prat => "ПрАТ",
            Form::Fop => "ФОП",
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Person {
    first: &'static str,
    last: &'static str,
    patronymic: &'static str,
    female: bool,
}

fn person(rng: &mut SplitMix64) -> Person {
    let female = rng.chance(45);
    let (m, f) = *rng.pick(catalog::SURNAMES);
    let (pm, pf) = *rng.pick(catalog::PATRONYMICS);
    Person {
        first: if female {
            rng.pick::<&str>(catalog::FEMALE_NAMES)
        } else {
            rng.pick::<&str>(catalog::MALE_NAMES)
        },
        last: if female { f } else { m },
        patronymic: if female { pf } else { pm },
        female,
    }
}

/// A Ukrainian number no other client or contact has: a landline with the city's code, or a
/// mobile.
fn phone(rng: &mut SplitMix64, unique: &mut Unique, landline: Option<&str>) -> Result<Phone> {
    loop {
        let code = landline.unwrap_or_else(|| *rng.pick(catalog::MOBILE_CODES));
        let rest_len = 9 - code.len() as u32;
        let scale = 10u64.pow(rest_len - 1);
        let rest = rng.range(2, 9) as u64 * scale + rng.below(scale);
        let code_value: u64 = code.parse().unwrap_or(44);
        let number = 380_000_000_000 + code_value * scale * 10 + rest;
        if unique.phones.insert(number) {
            return Phone::parse(&format!("+{number}"));
        }
    }
}

/// An ЄДРПОУ for a legal entity, a РНОКПП for a sole trader; never one already given out.
fn legal_id(rng: &mut SplitMix64, unique: &mut Unique, sole_trader: bool, female: bool) -> String {
    loop {
        let code = if sole_trader {
            let born = (date(rng, (1962, 2000)) - NaiveDate::from_ymd_opt(1899, 12, 31).unwrap_or_default()).num_days();
            rnokpp(born as u64, rng.below(10_000), female)
        } else {
            edrpou(rng.range(2_000_000, 4_499_999) as u64)
        };
        if unique.legal_ids.insert(code) {
            return if sole_trader {
                format!("{code:010}")
            } else {
                format!("{code:08}")
            };
        }
    }
}

fn date(rng: &mut SplitMix64, years: (i64, i64)) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        rng.range(years.0, years.1) as i32,
        rng.range(1, 12) as u32,
        rng.range(1, 28) as u32,
    )
    .unwrap_or_default()
}

fn city_index(rng: &mut SplitMix64) -> usize {
    let total: u64 = CITIES.iter().map(|c| c.weight).sum();
    let mut roll = rng.below(total);
    for (i, city) in CITIES.iter().enumerate() {
        if roll < city.weight {
            return i;
        }
        roll -= city.weight;
    }
    0
}

fn line_of(industry: &str, rng: &mut SplitMix64) -> Line {
    match industry {
        "windows_doors" => Line::Windows,
        "roofing" => Line::Roofing,
        "metal_structures" | "manufacturing" | "agro" | "logistics" => Line::Metal,
        _ => weighted(rng, &[(Line::Roofing, 45), (Line::Windows, 25), (Line::Metal, 30)]),
    }
}

impl DemoGenerator {
    /// The next company with its contacts.
    pub(crate) fn company(&mut self, out: &mut Import) -> Result<()> {
        let DemoGenerator {
            rng,
            cal,
            team,
            unique,
            company_times,
            companies,
            contacts,
            ..
        } = self;
        let created = company_times[companies.len()];
        let now = cal.now();
        let owner = pick_manager(rng, team);
        let owner_id = team.managers[owner].id;
        let city_i = city_index(rng);
        let city = &CITIES[city_i];
        let form = weighted(
            rng,
            &[(Form::Tov, 55), (Form::Pp, 10), (Form::Prat, 3), (Form::Fop, 32)],
        );

        // The name, unique within the city as rule 6 compares it.
        let mut founder = person(rng);
        let mut brand = String::new();
        let name = if form == Form::Fop {
            loop {
                let name = format!("ФОП {} {} {}", founder.last, founder.first, founder.patronymic);
                if unique.names.insert(format!("{}|{}", name_key(&name), city.name)) {
                    break name;
                }
                founder = person(rng);
            }
        } else {
            let mut attempt = 0;
            loop {
                brand.clear();
                brand.push_str(rng.pick::<&str>(catalog::NAME_ROOTS));
                brand.push_str(rng.pick::<&str>(catalog::NAME_SUFFIXES));
                if attempt >= 6 {
                    brand.push_str(&format!(" {}", rng.range(2, 99)));
                }
                if unique.names.insert(format!("{}|{}", name_key(&brand), city.name)) {
                    break format!("{} «{}»", form.label(), brand);
                }
                attempt += 1;
            }
        };

        let legal_id = legal_id(rng, unique, form == Form::Fop, founder.female);

        let domain = if form == Form::Fop {
            None
        } else {
            let base = latin(&brand);
            let tld = weighted(rng, &[(".com.ua", 60), (".ua", 25), (".com", 15)]);
            let mut domain = format!("{base}{tld}");
            let mut n = 1;
            while !unique.domains.insert(domain.clone()) {
                domain = if n == 1 {
                    format!("{base}-{}{tld}", latin(city.name))
                } else {
                    format!("{base}{n}{tld}")
                };
                n += 1;
            }
            Some(domain)
        };
        let email = match &domain {
            Some(domain) => {
                let mailbox = *rng.pick(&["info", "sales", "office", "zakaz", "post"]);
                let email = format!("{mailbox}@{domain}");
                unique.emails.insert(email.clone());
                rng.chance(92).then_some(email)
            }
            None => {
                let mut email = format!(
                    "{}.{}@{}",
                    latin(founder.last),
                    latin(founder.first),
                    rng.pick(catalog::EMAIL_PROVIDERS)
                );
                while !unique.emails.insert(email.clone()) {
                    email = format!(
                        "{}.{}{}@{}",
                        latin(founder.last),
                        latin(founder.first),
                        rng.range(1, 999),
                        rng.pick(catalog::EMAIL_PROVIDERS)
                    );
                }
                Some(email)
            }
        };
        let email = email.map(|e| Email::parse(&e)).transpose()?;
        let website = match &domain {
            Some(domain) if rng.chance(75) => Some(format!("https://{domain}")),
            _ => None,
        };

        let work_phone = if form != Form::Fop && rng.chance(85) {
            Some(phone(rng, unique, Some(city.code))?)
        } else {
            None
        };
        let mobile_phone = if form == Form::Fop || work_phone.is_none() || rng.chance(65) {
            Some(phone(rng, unique, None)?)
        } else {
            None
        };

        let industry = weighted(rng, catalog::INDUSTRIES);
        let line = line_of(industry, rng);
        let employees = match form {
            Form::Fop => rng.range(1, 5),
            _ => match rng.below(100) {
                0..50 => rng.range(5, 20),
                50..85 => rng.range(20, 80),
                _ => rng.range(80, 300),
            },
        };
        let turnover = employees * rng.range(60_000, 220_000) * 100;
        let lead_source = weighted(rng, catalog::LEAD_SOURCE_WEIGHTS);
        let lead_source_i = default_entries(DictionaryKind::LeadSource)
            .iter()
            .position(|s| s.code == lead_source)
            .unwrap_or(0);
        let mut tags = Vec::new();
        for _ in 0..weighted(rng, &[(0, 50), (1, 35), (2, 15)]) {
            let tag = rng.pick(catalog::COMPANY_TAGS).to_string();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let mut address = format!("{}, {}", catalog::street(city, rng.next_u64()), rng.range(1, 180));
        if rng.chance(30) {
            address.push_str(&format!(", оф. {}", rng.range(1, 420)));
        }
        let important_dates = if rng.chance(15) {
            vec![ImportantDate {
                label: "День заснування компанії".into(),
                date: date(rng, (1996, 2021)),
            }]
        } else {
            Vec::new()
        };

        let created_ms = cal.ms(created);
        let (updated_ms, version) = if rng.chance(25) {
            (cal.ms(rng.range(created, now - 1)), 2)
        } else {
            (created_ms, 1)
        };
        let company = Company {
            meta: meta(new_id(rng, created_ms), created_ms, updated_ms, version),
            data: CompanyData {
                name: CompanyName::parse(&name)?,
                legal_id: Some(legal_id),
                industry: Some(industry.to_string()),
                city: Some(city.name.to_string()),
                address: Some(address),
                website,
                work_phone,
                mobile_phone: mobile_phone.clone(),
                email: email.clone(),
                currency: Currency::uah(),
                monthly_turnover: rng.chance(80).then_some(turnover),
                net_profit: rng.chance(70).then(|| turnover * rng.range(-400, 1_400) / 10_000),
                employee_count: Some(employees),
                lead_source: Some(lead_source.to_string()),
                owner_id,
                tags,
                notes: rng.chance(35).then(|| rng.pick(catalog::COMPANY_NOTES).to_string()),
                important_dates,
            },
        };
        let company_id = company.meta.id;
        out.companies.push(company);

        // The people: for a sole trader the trader himself first.
        let contacts_start = contacts.len() as u32;
        let count = match form {
            Form::Fop => 1 + rng.chance(30) as usize,
            _ => weighted(rng, &[(1, 45), (2, 35), (3, 20)]),
        };
        for k in 0..count {
            let at = (created + (k as i64 + 1) * rng.range(MINUTE, 6 * MINUTE)).min(now - 1);
            let who = if k == 0 && form == Form::Fop {
                founder
            } else {
                person(rng)
            };
            let position = match (k, form) {
                (0, Form::Fop) => "Власник",
                (0, _) => *rng.pick(&["Директор", "Комерційний директор", "Менеджер із закупівель"]),
                _ => *rng.pick(catalog::POSITIONS),
            };
            let mut phones = Vec::with_capacity(2);
            match (&mobile_phone, k, form) {
                (Some(own), 0, Form::Fop) => phones.push(own.clone()),
                _ => phones.push(phone(rng, unique, None)?),
            }
            if rng.chance(15) {
                phones.push(phone(rng, unique, None)?);
            }
            let mut emails = Vec::with_capacity(1);
            if k == 0 && form == Form::Fop {
                emails.extend(email.clone());
            } else if let Some(domain) = domain.as_deref().filter(|_| rng.chance(75)) {
                let mut address = format!("{}.{}@{domain}", latin(who.first), latin(who.last));
                if !unique.emails.insert(address.clone()) {
                    address = format!("{}{}@{domain}", latin(who.last), rng.range(2, 99));
                    unique.emails.insert(address.clone());
                }
                emails.push(Email::parse(&address)?);
            } else if rng.chance(40) {
                let address = format!(
                    "{}.{}{}@{}",
                    latin(who.first),
                    latin(who.last),
                    rng.range(70, 99),
                    rng.pick(catalog::EMAIL_PROVIDERS)
                );
                if unique.emails.insert(address.clone()) {
                    emails.push(Email::parse(&address)?);
                }
            }
            let messengers = if rng.chance(55) {
                let kind = *rng.pick(catalog::MESSENGERS);
                let handle = if kind == "telegram" {
                    format!("@{}_{}", latin(who.first), latin(who.last))
                } else {
                    phones[0].display()
                };
                vec![Messenger {
                    kind: kind.to_string(),
                    handle,
                }]
            } else {
                Vec::new()
            };
            let full_name = if rng.chance(60) {
                format!("{} {}", who.first, who.last)
            } else {
                format!("{} {} {}", who.last, who.first, who.patronymic)
            };
            let at_ms = cal.ms(at);
            let contact = Contact {
                meta: meta(new_id(rng, at_ms), at_ms, at_ms, 1),
                data: ContactData {
                    full_name: PersonName::parse(&full_name)?,
                    position: Some(position.to_string()),
                    company_id: Some(company_id),
                    phones,
                    emails,
                    messengers,
                    address: None,
                    birthday: rng.chance(40).then(|| date(rng, (1962, 2001))),
                    important_dates: Vec::new(),
                    notes: rng.chance(25).then(|| rng.pick(catalog::CONTACT_NOTES).to_string()),
                    owner_id,
                },
            };
            contacts.push(contact.meta.id);
            out.contacts.push(contact);
        }

        companies.push(CompanyRef {
            id: company_id,
            created,
            name: name.into_boxed_str(),
            city: city_i as u8,
            contacts_start,
            contacts_len: count as u8,
            lead_source: lead_source_i as u8,
            line,
        });
        team.companies_of[owner].push((companies.len() - 1) as u32);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn phones_and_legal_ids_are_never_handed_out_twice() {
        let mut rng = SplitMix64::new(1);
        let mut unique = Unique::default();
        // Біла Церква has five-digit local numbers: 80,000 of them, so 20,000 draws would
        // repeat hundreds of times without the check.
        let mut phones = HashSet::new();
        for _ in 0..20_000 {
            let p = phone(&mut rng, &mut unique, Some("4563")).expect("a valid number");
            assert!(p.as_str().len() == 12 && p.as_str().starts_with("3804563"), "{p:?}");
            assert!(phones.insert(p.clone()), "{p:?} handed out twice");
        }
        let mut codes = HashSet::new();
        for i in 0..30_000 {
            let code = legal_id(&mut rng, &mut unique, i % 3 == 0, i % 2 == 0);
            assert!(code.len() == 8 || code.len() == 10, "{code}");
            assert!(codes.insert(code.clone()), "{code} handed out twice");
        }
    }
}
