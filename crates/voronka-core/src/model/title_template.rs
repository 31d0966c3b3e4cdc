//! A deal created without a title gets one from the department's template, such as
//! `{product} — {company} — {city}` (DOMAIN.md "Deal").

use crate::types::Money;
use crate::{Error, Result};

/// What a template may name, each in braces.
pub const TITLE_PLACEHOLDERS: &[&str] = &["product", "company", "city", "amount", "contact", "owner"];

/// The template of a new department.
pub const DEFAULT_TITLE_TEMPLATE: &str = "{product} — {company} — {city}";

/// A template as the admin typed it, trimmed: refused on `title_template` when it is empty,
/// longer than 200 characters, has an unclosed brace, names an unknown placeholder or none.
pub fn check_title_template(raw: &str) -> Result<String> {
    let template = raw.trim();
    let refuse = |why: String| Err(Error::invalid("title_template", why));
    if template.chars().count() > 200 {
        return refuse("the template is longer than 200 characters".into());
    }
    let Some(parsed) = Parsed::of(template) else {
        return refuse(format!("«{template}» has a brace without its pair"));
    };
    if parsed.parts.is_empty() {
        return refuse(format!(
            "the template names none of {{{}}}",
            TITLE_PLACEHOLDERS.join("}, {")
        ));
    }
    if let Some((unknown, _)) = parsed.parts.iter().find(|(p, _)| !TITLE_PLACEHOLDERS.contains(p)) {
        return refuse(format!(
            "{{{unknown}}} is not one of {{{}}}",
            TITLE_PLACEHOLDERS.join("}, {")
        ));
    }
    Ok(template.to_string())
}

/// A template cut at its placeholders: the text before the first, then each placeholder with
/// the text after it.
struct Parsed<'t> {
    lead: &'t str,
    parts: Vec<(&'t str, &'t str)>,
}

impl<'t> Parsed<'t> {
    fn of(template: &'t str) -> Option<Parsed<'t>> {
        let (lead, mut rest) = match template.find(['{', '}']) {
            Some(i) => template.split_at(i),
            None => (template, ""),
        };
        let mut parts = Vec::new();
        while !rest.is_empty() {
            let body = rest.strip_prefix('{')?;
            let close = body.find('}')?;
            let name = &body[..close];
            if name.contains('{') {
                return None;
            }
            let after_all = &body[close + 1..];
            let next = after_all.find(['{', '}']).unwrap_or(after_all.len());
            parts.push((name.trim(), &after_all[..next]));
            rest = &after_all[next..];
        }
        Some(Parsed { lead, parts })
    }
}

/// Fills a template. A placeholder with no value is dropped together with the text before it
/// (its separator), so `{product} — {company} — {city}` without a city reads `Дах — ТОВ Дах`;
/// the text before the first placeholder and after the last stay with the values.
pub fn title_from_template(template: &str, values: &[(&str, &str)]) -> String {
    let Some(parsed) = Parsed::of(template) else {
        return String::new();
    };
    let value_of = |name: &str| {
        values
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut out = String::new();
    let mut separator = "";
    for (name, after) in &parsed.parts {
        if let Some(value) = value_of(name) {
            out.push_str(if out.is_empty() { parsed.lead } else { separator });
            out.push_str(value);
        }
        separator = after;
    }
    // The text after the last placeholder ends the title whichever values were there.
    if !out.is_empty() {
        out.push_str(separator.trim_end());
    }
    out.trim().to_string()
}

/// What a new deal's title may be made of, gathered by the store.
#[derive(Debug, Default, Clone)]
pub struct TitleFacts {
    pub product: Option<String>,
    pub company: Option<String>,
    pub city: Option<String>,
    pub amount: Option<Money>,
    pub contact: Option<String>,
    pub owner: Option<String>,
}

/// The title of a deal created without one; `invalid` on `title` when the template leaves it
/// empty (nothing it names is known yet).
pub fn deal_title(template: &str, facts: &TitleFacts) -> Result<String> {
    let amount = facts.amount.as_ref().filter(|m| m.minor > 0).map(Money::display);
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let values = [
        ("product", text(&facts.product)),
        ("company", text(&facts.company)),
        ("city", text(&facts.city)),
        ("amount", amount.unwrap_or_default()),
        ("contact", text(&facts.contact)),
        ("owner", text(&facts.owner)),
    ];
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let title = title_from_template(template, &pairs);
    if title.is_empty() {
        return Err(Error::invalid(
            "title",
            format!("type a title: the template «{template}» has nothing to fill in yet"),
        ));
    }
    Ok(title.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_templates_fill_and_skip_missing_parts() {
        let t = DEFAULT_TITLE_TEMPLATE;
        assert_eq!(
            title_from_template(t, &[("product", "Дах"), ("company", "ТОВ Дах"), ("city", "Львів")]),
            "Дах — ТОВ Дах — Львів"
        );
        assert_eq!(
            title_from_template(t, &[("product", "Дах"), ("company", "ТОВ Дах"), ("city", "")]),
            "Дах — ТОВ Дах"
        );
        assert_eq!(
            title_from_template(t, &[("product", ""), ("company", "ТОВ Дах"), ("city", "Львів")]),
            "ТОВ Дах — Львів"
        );
        assert_eq!(
            title_from_template("Угода: {company} / {city}!", &[("company", "Дах"), ("city", "Київ")]),
            "Угода: Дах / Київ!"
        );
        assert_eq!(
            title_from_template(
                "{product}, {company} / {city}",
                &[("product", "Вікна"), ("city", "Київ")]
            ),
            "Вікна / Київ",
            "a dropped placeholder takes the separator before it"
        );
        assert_eq!(title_from_template(t, &[]), "");
    }

    #[test]
    fn a_template_names_known_placeholders_only() {
        let field = |raw: &str| check_title_template(raw).unwrap_err().field;
        assert_eq!(
            check_title_template(" {company} — {amount} ").unwrap(),
            "{company} — {amount}"
        );
        for bad in [
            "",
            "no placeholder",
            "{company",
            "company}",
            "{colour} — {company}",
            "{{company}}",
        ] {
            assert_eq!(field(bad).as_deref(), Some("title_template"), "{bad:?}");
        }
    }

    #[test]
    fn a_deal_title_comes_from_its_facts() {
        let facts = TitleFacts {
            company: Some("ТОВ Дах".into()),
            amount: Some(Money::uah(12_000_000)),
            ..Default::default()
        };
        assert_eq!(
            deal_title("{company} — {amount}", &facts).unwrap(),
            "ТОВ Дах — 120\u{a0}000\u{a0}₴"
        );
        let err = deal_title("{product}", &facts).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("title"));
    }
}
