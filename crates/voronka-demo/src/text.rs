//! Small pieces of realism: Latin spellings of Ukrainian names for addresses, valid ЄДРПОУ and
//! РНОКПП codes, and the weighted choices the generator makes.

use voronka_core::ids::SplitMix64;

/// The Latin spelling used in e-mail addresses and domains: the official 2010 table, with the
/// word-initial forms (ye, yi, y, yu, ya) everywhere because that is how people type addresses.
pub fn translit(text: &str, out: &mut String) {
    for c in text.chars().flat_map(char::to_lowercase) {
        let latin = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "h",
            'ґ' => "g",
            'д' => "d",
            'е' => "e",
            'є' => "ye",
            'ж' => "zh",
            'з' => "z",
            'и' => "y",
            'і' => "i",
            'ї' => "yi",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ю' => "yu",
            'я' => "ya",
            ' ' | '-' => "-",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(latin);
    }
}

pub fn latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    translit(text, &mut out);
    out
}

/// An 8-digit ЄДРПОУ code from its first seven digits, with the state registry's check digit.
pub fn edrpou(base7: u64) -> u64 {
    let digits: Vec<u64> = (0..7).rev().map(|i| base7 / 10u64.pow(i) % 10).collect();
    let first_weights: [u64; 7] = if (3_000_000..6_000_000).contains(&base7) {
        [7, 1, 2, 3, 4, 5, 6]
    } else {
        [1, 2, 3, 4, 5, 6, 7]
    };
    let sum = |extra: u64| -> u64 { digits.iter().zip(first_weights).map(|(d, w)| d * (w + extra)).sum() };
    let mut check = sum(0) % 11;
    if check == 10 {
        check = sum(2) % 11;
        if check == 10 {
            check = 0;
        }
    }
    base7 * 10 + check
}

/// A 10-digit РНОКПП: days from 1899-12-31 to the birthday, a serial whose last digit is even
/// for women, and the tax office's check digit.
pub fn rnokpp(birth_days: u64, serial: u64, female: bool) -> u64 {
    let serial = serial % 10_000;
    let serial = if serial.is_multiple_of(2) == female {
        serial
    } else {
        serial ^ 1
    };
    let nine = birth_days % 100_000 * 10_000 + serial;
    let digits: Vec<i64> = (0..9).rev().map(|i| (nine / 10u64.pow(i) % 10) as i64).collect();
    let weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
    let sum: i64 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    let check = sum.rem_euclid(11) % 10;
    nine * 10 + check as u64
}

/// A choice from `(value, weight)` pairs.
pub fn weighted<T: Copy>(rng: &mut SplitMix64, items: &[(T, u64)]) -> T {
    let total: u64 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total.max(1));
    for (value, weight) in items {
        if roll < *weight {
            return *value;
        }
        roll -= weight;
    }
    items[items.len() - 1].0
}

/// An index chosen by weights given as a slice of numbers.
pub fn weighted_index(rng: &mut SplitMix64, weights: &[u64]) -> usize {
    let total: u64 = weights.iter().sum();
    let mut roll = rng.below(total.max(1));
    for (i, weight) in weights.iter().enumerate() {
        if roll < *weight {
            return i;
        }
        roll -= weight;
    }
    weights.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_address_friendly_latin() {
        assert_eq!(latin("Лук'яненко"), "lukyanenko");
        assert_eq!(latin("Еко Дім"), "eko-dim");
        assert_eq!(latin("Щербак Юлія"), "shcherbak-yuliya");
    }

    #[test]
    fn legal_codes_carry_their_check_digits() {
        // Published codes: ПриватБанк 14360570, Ощадбанк 00032129.
        assert_eq!(edrpou(1_436_057), 14_360_570);
        assert_eq!(edrpou(3_212), 32_129);
        let code = rnokpp(30_000, 1234, true);
        assert_eq!(code.to_string().len(), 10);
        assert_eq!(code / 10 % 2, 0, "the ninth digit of a woman's code is even");
    }
}
