//! What quick search indexes for a record and how a typed query is read.

use crate::model::{Company, Contact, Deal};

/// Text a company is found by: name, legal id, city, phones (digits), email, website.
pub fn company_text(c: &Company) -> String {
    let d = &c.data;
    let mut parts = vec![d.name.as_str().to_string()];
    parts.extend(d.legal_id.clone());
    parts.extend(d.city.clone());
    parts.extend(
        [&d.work_phone, &d.mobile_phone]
            .into_iter()
            .flatten()
            .map(|p| p.as_str().to_string()),
    );
    parts.extend(d.email.as_ref().map(|e| e.as_str().to_string()));
    parts.extend(d.website.clone());
    fold(&parts.join(" "))
}

pub fn contact_text(c: &Contact) -> String {
    let d = &c.data;
    let mut parts = vec![d.full_name.as_str().to_string()];
    parts.extend(d.position.clone());
    parts.extend(d.phones.iter().map(|p| p.as_str().to_string()));
    parts.extend(d.emails.iter().map(|e| e.as_str().to_string()));
    parts.extend(d.messengers.iter().map(|m| m.handle.clone()));
    fold(&parts.join(" "))
}

/// A deal is found by its title and by its company's name and city, which the caller passes.
pub fn deal_text(d: &Deal, company: Option<(&str, Option<&str>)>) -> String {
    let mut text = d.data.title.as_str().to_string();
    if let Some((name, city)) = company {
        text.push(' ');
        text.push_str(name);
        if let Some(city) = city {
            text.push(' ');
            text.push_str(city);
        }
    }
    fold(&text)
}

/// Lower case and one spacing, so matching ignores case on every backend and alphabet.
pub fn fold(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The query as the index sees it: folded; a query that is only a phone number in any
/// spelling ("(067) 123-45") becomes its digits so it meets the stored digits.
pub fn normalise_query(raw: &str) -> String {
    let folded = fold(raw);
    let phone_like = !folded.is_empty() && folded.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_like {
        folded.chars().filter(char::is_ascii_digit).collect()
    } else {
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_queries_become_digits_and_text_is_folded() {
        assert_eq!(normalise_query("(067) 123-45"), "06712345");
        assert_eq!(normalise_query("  ТОВ   Дах "), "тов дах");
        assert_eq!(normalise_query("'); DROP TABLE"), "'); drop table");
    }
}
