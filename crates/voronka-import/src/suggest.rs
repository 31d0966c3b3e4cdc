//! Which field a column holds, guessed from its header in Ukrainian, Russian or English: the
//! header is reduced to lower-case words and looked up among the names people give the field.

use crate::fields::{Field, ImportKind};

/// Headers (reduced by [`words`]) and the field each names, most specific first.
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Title,
        &[
            "назва угоди",
            "название сделки",
            "deal title",
            "deal name",
            "угода",
            "сделка",
            "deal",
        ],
    ),
    (
        Field::LegalId,
        &[
            "єдрпоу",
            "егрпоу",
            "едрпоу",
            "код єдрпоу",
            "код егрпоу",
            "код едрпоу",
            "legal id",
            "edrpou",
            "рнокпп",
            "інн",
            "инн",
            "іпн",
            "tax id",
            "ідентифікаційний код",
            "идентификационный код",
        ],
    ),
    (
        Field::ContactName,
        &[
            "контакт",
            "контактна особа",
            "контактное лицо",
            "contact",
            "contact person",
            "contact name",
            "піб",
            "фио",
            "фіо",
            "full name",
            "ім я",
            "имя",
            "прізвище ім я",
            "фамилия имя",
        ],
    ),
    (Field::Position, &["посада", "должность", "position", "job title"]),
    (
        Field::ContactPhone,
        &["телефон контакту", "телефон контакта", "contact phone"],
    ),
    (
        Field::ContactEmail,
        &[
            "email контакту",
            "e mail контакту",
            "email контакта",
            "contact email",
            "contact e mail",
        ],
    ),
    (
        Field::MobilePhone,
        &[
            "мобільний",
            "мобильный",
            "мобільний телефон",
            "мобильный телефон",
            "mobile",
            "mobile phone",
            "моб",
            "cell",
        ],
    ),
    (
        Field::Phone,
        &[
            "телефон",
            "тел",
            "phone",
            "telephone",
            "tel",
            "робочий телефон",
            "рабочий телефон",
            "work phone",
            "телефон компанії",
            "телефон компании",
            "company phone",
        ],
    ),
    (
        Field::Email,
        &[
            "e mail",
            "email",
            "пошта",
            "почта",
            "ел пошта",
            "эл почта",
            "електронна пошта",
            "электронная почта",
            "mail",
        ],
    ),
    (
        Field::City,
        &["місто", "город", "city", "населений пункт", "населенный пункт", "town"],
    ),
    (
        Field::Owner,
        &[
            "менеджер",
            "manager",
            "owner",
            "відповідальний",
            "ответственный",
            "responsible",
            "власник",
            "владелец",
            "sales manager",
        ],
    ),
    (
        Field::Amount,
        &[
            "сума",
            "сумма",
            "amount",
            "бюджет",
            "budget",
            "вартість",
            "стоимость",
            "value",
            "sum",
            "сума угоди",
            "сумма сделки",
        ],
    ),
    (Field::Currency, &["валюта", "currency"]),
    (
        Field::Stage,
        &["етап", "этап", "стадія", "стадия", "stage", "статус", "status"],
    ),
    (
        Field::ExpectedCloseDate,
        &[
            "дата закриття",
            "дата закрытия",
            "close date",
            "expected close date",
            "очікувана дата закриття",
        ],
    ),
    (
        Field::PlannedPaymentDate,
        &[
            "дата оплати",
            "дата оплаты",
            "payment date",
            "planned payment date",
            "планова дата оплати",
        ],
    ),
    (
        Field::Industry,
        &[
            "сфера",
            "сфера діяльності",
            "сфера деятельности",
            "галузь",
            "отрасль",
            "industry",
        ],
    ),
    (Field::Address, &["адреса", "адрес", "address"]),
    (Field::Website, &["сайт", "вебсайт", "website", "site", "web", "url"]),
    (
        Field::Notes,
        &[
            "примітка",
            "примітки",
            "примечание",
            "примечания",
            "коментар",
            "комментарий",
            "notes",
            "note",
            "comment",
        ],
    ),
    (
        Field::LeadSource,
        &[
            "джерело",
            "источник",
            "source",
            "lead source",
            "джерело ліда",
            "источник лида",
        ],
    ),
    (
        Field::EmployeeCount,
        &[
            "кількість працівників",
            "количество сотрудников",
            "employees",
            "працівників",
            "сотрудников",
            "штат",
        ],
    ),
    (
        Field::MonthlyTurnover,
        &["оборот", "turnover", "місячний оборот", "месячный оборот"],
    ),
    (
        Field::Birthday,
        &[
            "день народження",
            "дата народження",
            "день рождения",
            "дата рождения",
            "birthday",
            "birth date",
        ],
    ),
    (
        Field::Name,
        &[
            "назва",
            "название",
            "компанія",
            "компания",
            "company",
            "company name",
            "назва компанії",
            "название компании",
            "клієнт",
            "клиент",
            "client",
            "організація",
            "организация",
            "organization",
            "organisation",
            "контрагент",
            "найменування",
            "наименование",
            "name",
        ],
    ),
];

/// A header reduced for lookup: lower case, letters and digits, words split by anything else.
pub fn words(header: &str) -> String {
    header
        .to_lowercase()
        .replace('ё', "е")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field one header names for `kind`, if any.
pub fn field_for(kind: ImportKind, header: &str) -> Option<Field> {
    let key = words(header);
    if key.is_empty() {
        return None;
    }
    let found = NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(f, _)| *f)?;
    let field = match (kind, found) {
        // A contact list's plain phone, e-mail and name are the person's.
        (ImportKind::Contacts, Field::Phone | Field::MobilePhone) => Field::ContactPhone,
        (ImportKind::Contacts, Field::Email) => Field::ContactEmail,
        (ImportKind::Contacts, Field::Name) if matches!(key.as_str(), "name" | "ім я" | "имя") => {
            Field::ContactName
        }
        // A deal list's plain "name" is the deal's.
        (ImportKind::Deals, Field::Name) if matches!(key.as_str(), "назва" | "название" | "name") => {
            Field::Title
        }
        (_, f) => f,
    };
    kind.fields().contains(&field).then_some(field)
}

/// A field for each header (or none), each field given to its first column only.
pub fn suggest(kind: ImportKind, headers: &[String]) -> Vec<Option<Field>> {
    let mut taken: Vec<Field> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let f = field_for(kind, h).filter(|f| !taken.contains(f))?;
            taken.push(f);
            Some(f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(kind: ImportKind, headers: &[&str]) -> Vec<Option<&'static str>> {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        suggest(kind, &headers)
            .into_iter()
            .map(|f| f.map(Field::as_str))
            .collect()
    }

    #[test]
    fn ukrainian_headers() {
        assert_eq!(
            s(
                ImportKind::Companies,
                &[
                    "Назва",
                    "ЄДРПОУ",
                    "Місто",
                    "Телефон",
                    "E-mail",
                    "Менеджер",
                    "Контакт",
                    "Посада",
                    "Сфера діяльності"
                ]
            ),
            vec![
                Some("name"),
                Some("legal_id"),
                Some("city"),
                Some("phone"),
                Some("email"),
                Some("owner"),
                Some("contact_name"),
                Some("position"),
                Some("industry")
            ]
        );
    }

    #[test]
    fn russian_headers() {
        assert_eq!(
            s(
                ImportKind::Deals,
                &[
                    "Сделка",
                    "Компания",
                    "Город",
                    "Сумма",
                    "ЕГРПОУ",
                    "Ответственный",
                    "Контактное лицо",
                    "Этап"
                ]
            ),
            vec![
                Some("title"),
                Some("name"),
                Some("city"),
                Some("amount"),
                Some("legal_id"),
                Some("owner"),
                Some("contact_name"),
                Some("stage")
            ]
        );
    }

    #[test]
    fn english_headers_and_a_contact_lists_own_meaning() {
        assert_eq!(
            s(
                ImportKind::Companies,
                &["Company", "City", "Phone", "Email", "Owner", "Legal ID", "Website"]
            ),
            vec![
                Some("name"),
                Some("city"),
                Some("phone"),
                Some("email"),
                Some("owner"),
                Some("legal_id"),
                Some("website")
            ]
        );
        assert_eq!(
            s(
                ImportKind::Contacts,
                &["Name", "Phone", "E-mail", "Company", "Position", "Birthday"]
            ),
            vec![
                Some("contact_name"),
                Some("contact_phone"),
                Some("contact_email"),
                Some("name"),
                Some("position"),
                Some("birthday")
            ]
        );
    }

    #[test]
    fn unknown_repeated_and_foreign_fields_are_left_unmapped() {
        assert_eq!(
            s(ImportKind::Companies, &["Назва", "Название", "Колір", "", "Сума"]),
            vec![Some("name"), None, None, None, None],
            "a second name column and a deal's amount do not map for companies"
        );
    }
}
