//! The dictionaries a new department starts with, named in Ukrainian, English and Russian: a
//! new database gets them in the language of whoever sets it up; a database made before the
//! dictionaries were kept in it got them in Ukrainian (migration 0023, which lists the same
//! codes and Ukrainian names; a test of the store holds the two together).

use super::{DictionaryKind, Language};

/// A default entry: the code records store and its name in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultEntry {
    pub code: &'static str,
    pub uk: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
}

impl DefaultEntry {
    pub fn name(&self, language: Language) -> &'static str {
        match language {
            Language::Uk => self.uk,
            Language::En => self.en,
            Language::Ru => self.ru,
        }
    }
}

const fn e(code: &'static str, uk: &'static str, en: &'static str, ru: &'static str) -> DefaultEntry {
    DefaultEntry { code, uk, en, ru }
}

const LEAD_SOURCES: &[DefaultEntry] = &[
    e("site", "Сайт", "Website", "Сайт"),
    e("landing", "Лендинг", "Landing page", "Лендинг"),
    e("phone", "Телефон", "Phone", "Телефон"),
    e("email", "Email", "Email", "Email"),
    e("messenger", "Месенджер", "Messenger", "Мессенджер"),
    e("referral", "Рекомендація", "Referral", "Рекомендация"),
    e("import", "Імпорт", "Import", "Импорт"),
    e("exhibition", "Виставка", "Exhibition", "Выставка"),
    e("cold", "Холодний контакт", "Cold outreach", "Холодный контакт"),
    e("other", "Інше", "Other", "Другое"),
];

const SALES_CHANNELS: &[DefaultEntry] = &[
    e("direct", "Прямі продажі", "Direct", "Прямые продажи"),
    e("dealer", "Дилер", "Dealer", "Дилер"),
    e("marketplace", "Маркетплейс", "Marketplace", "Маркетплейс"),
    e("tender", "Тендер", "Tender", "Тендер"),
    e("online", "Онлайн", "Online", "Онлайн"),
    e("other", "Інше", "Other", "Другое"),
];

const COMMUNICATION_CHANNELS: &[DefaultEntry] = &[
    e("phone", "Телефон", "Phone", "Телефон"),
    e("email", "Email", "Email", "Email"),
    e("messenger", "Месенджер", "Messenger", "Мессенджер"),
    e("meeting", "Зустріч", "Meeting", "Встреча"),
    e("video", "Відеодзвінок", "Video call", "Видеозвонок"),
    e("other", "Інше", "Other", "Другое"),
];

/// The industries of the demo's clients and a few more; the Ukrainian names are what such
/// companies had typed before industries were a dictionary.
const INDUSTRIES: &[DefaultEntry] = &[
    e("construction", "Будівництво", "Construction", "Строительство"),
    e("roofing", "Покрівельні роботи", "Roofing", "Кровельные работы"),
    e(
        "building_materials",
        "Торгівля будматеріалами",
        "Building materials trade",
        "Торговля стройматериалами",
    ),
    e("development", "Девелопмент", "Property development", "Девелопмент"),
    e(
        "windows_doors",
        "Монтаж вікон і дверей",
        "Windows and doors",
        "Монтаж окон и дверей",
    ),
    e("renovation", "Ремонт та оздоблення", "Renovation", "Ремонт и отделка"),
    e("agro", "Агробізнес", "Agribusiness", "Агробизнес"),
    e("manufacturing", "Виробництво", "Manufacturing", "Производство"),
    e(
        "logistics",
        "Логістика та склади",
        "Logistics and warehousing",
        "Логистика и склады",
    ),
    e(
        "metal_structures",
        "Металоконструкції",
        "Metal structures",
        "Металлоконструкции",
    ),
    e(
        "private_construction",
        "Приватна забудова",
        "Private housing",
        "Частная застройка",
    ),
    e("retail", "Роздрібна торгівля", "Retail", "Розничная торговля"),
    e("services", "Послуги", "Services", "Услуги"),
    e("other", "Інше", "Other", "Другое"),
];

const CALL_OUTCOMES: &[DefaultEntry] = &[
    e("reached", "Додзвонилися", "Reached", "Дозвонились"),
    e("no_answer", "Не відповідає", "No answer", "Не отвечает"),
    e("busy", "Зайнято", "Busy", "Занято"),
    e("voicemail", "Автовідповідач", "Voicemail", "Автоответчик"),
];

/// The loss reasons a new department starts with (deals name them by id, so they have no code).
pub const DEFAULT_LOSS_REASONS: &[DefaultEntry] = &[
    e("price", "Ціна", "Price", "Цена"),
    e(
        "competitor",
        "Обрали конкурента",
        "Chose a competitor",
        "Выбрали конкурента",
    ),
    e("no_budget", "Немає бюджету", "No budget", "Нет бюджета"),
    e("no_answer", "Не відповідає", "No answer", "Не отвечает"),
    e("not_our_client", "Не наш клієнт", "Not our client", "Не наш клиент"),
    e("delivery_time", "Терміни поставки", "Delivery time", "Сроки поставки"),
    e(
        "postponed",
        "Відклали покупку",
        "Purchase postponed",
        "Отложили покупку",
    ),
];

/// The entries a new department's dictionary `kind` starts with, in order.
pub fn default_entries(kind: DictionaryKind) -> &'static [DefaultEntry] {
    match kind {
        DictionaryKind::LeadSource => LEAD_SOURCES,
        DictionaryKind::SalesChannel => SALES_CHANNELS,
        DictionaryKind::CommunicationChannel => COMMUNICATION_CHANNELS,
        DictionaryKind::Industry => INDUSTRIES,
        DictionaryKind::CallOutcome => CALL_OUTCOMES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_has_a_unique_code_and_a_name_in_each_language() {
        for kind in DictionaryKind::ALL {
            let entries = default_entries(kind);
            assert!(!entries.is_empty(), "{kind:?}");
            for (i, entry) in entries.iter().enumerate() {
                for lang in [Language::Uk, Language::En, Language::Ru] {
                    assert!(!entry.name(lang).trim().is_empty(), "{kind:?} {}", entry.code);
                }
                assert!(
                    entries[..i].iter().all(|other| other.code != entry.code),
                    "{kind:?} lists {} twice",
                    entry.code
                );
            }
        }
        assert_eq!(DEFAULT_LOSS_REASONS[0].name(Language::En), "Price");
    }
}
