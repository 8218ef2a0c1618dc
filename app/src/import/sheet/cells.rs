//! One cell of the import sheet as people type it in Excel: full-width digits, lists
//! separated by 「、」 or spaces, Japanese words or the content's ids, はい／いいえ. Which
//! column a cell belongs to is `columns.rs`'s.

use unicode_normalization::UnicodeNormalization;

use crate::model::{AgeGroup, DisabilityType, Function};

/// A list column: (header, front-matter key, word → id, the words it takes).
pub(super) type ListColumn = (&'static str, &'static str, fn(&str) -> Option<&'static str>, &'static str);

/// Full-width digits, letters and hyphens as people type them in Excel → half-width.
pub(super) fn nfkc(s: &str) -> String {
    s.nfkc().collect::<String>().trim().to_string()
}

pub(super) fn split_list(cell: &str) -> Vec<&str> {
    cell.split(['、', ',', '，', '/', '／', ';', '；', ' ', '　', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The ids of a list cell. A word that is not known is tried once more split at 「・」
/// (「身体・知的」). `Err` carries the first unknown word.
pub(super) fn words(cell: &str, word: fn(&str) -> Option<&'static str>) -> Result<Vec<&'static str>, String> {
    let mut ids = Vec::new();
    for w in split_list(cell) {
        let parts: Vec<&str> =
            if word(w).is_some() { vec![w] } else { w.split('・').filter(|p| !p.is_empty()).collect() };
        for p in parts {
            match word(p) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => return Err(p.to_string()),
            }
        }
    }
    Ok(ids)
}

pub(crate) fn function_word(w: &str) -> Option<&'static str> {
    let w = w.trim_start_matches(['①', '②', '③', '④', '⑤']);
    let f = match w {
        "相談" => Function::Consultation,
        "緊急" | "緊急時" | "緊急時の受け入れ・対応" | "緊急時の受け入れ" => {
            Function::Emergency
        }
        "体験" | "体験の機会・場" | "体験の機会" => Function::Experience,
        "人材" | "専門" | "専門的人材" | "専門的人材の確保・養成" => Function::Expertise,
        "体制" | "体制づくり" | "地域の体制づくり" => Function::Network,
        other => return Function::from_id(other).map(Function::id),
    };
    Some(f.id())
}

pub(super) fn disability_word(w: &str) -> Option<&'static str> {
    DisabilityType::ALL
        .into_iter()
        .find(|d| {
            d.id() == w
                || d.label() == w
                || d.label().strip_suffix("障害") == Some(w)
                || (*d == DisabilityType::BrainInjury && w == "高次脳")
                || (*d == DisabilityType::SevereMultiple && w == "重心")
        })
        .map(DisabilityType::id)
}

pub(super) fn age_word(w: &str) -> Option<&'static str> {
    match w {
        "子ども" | "子供" | "こども" | "児童" | "障害児" | "18歳未満" | "子ども（18歳未満）" => {
            Some(AgeGroup::Child.id())
        }
        "大人" | "おとな" | "成人" | "障害者" | "18歳以上" | "大人（18歳以上）" => {
            Some(AgeGroup::Adult.id())
        }
        other => AgeGroup::from_id(other).map(AgeGroup::id),
    }
}

pub(super) fn yes_no(cell: &str) -> Result<Option<bool>, String> {
    match nfkc(cell).to_lowercase().as_str() {
        "" => Ok(None),
        "はい" | "○" | "◯" | "あり" | "yes" | "true" | "1" => Ok(Some(true)),
        "いいえ" | "×" | "なし" | "no" | "false" | "0" => Ok(Some(false)),
        v => Err(format!("\"{v}\" is not はい or いいえ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_accept_ids_and_japanese_words() {
        assert_eq!(words("相談、緊急", function_word), Ok(vec!["consultation", "emergency"]));
        assert_eq!(
            words("②緊急時の受け入れ・対応,③体験の機会・場", function_word),
            Ok(vec!["emergency", "experience"])
        );
        assert_eq!(words("expertise network", function_word), Ok(vec!["expertise", "network"]));
        assert_eq!(words("身体・知的・精神", disability_word), Ok(vec!["physical", "intellectual", "mental"]));
        assert_eq!(
            words("医療的ケア、強度行動障害、高次脳", disability_word),
            Ok(vec!["medical_care", "behavioral", "brain_injury"])
        );
        assert_eq!(words("子ども、大人", age_word), Ok(vec!["child", "adult"]));
        assert_eq!(words("相談、送迎", function_word), Err("送迎".into()));
        assert_eq!(words("身体・視覚", disability_word), Err("視覚".into()));
        assert_eq!(words("", age_word), Ok(vec![]));
    }

    #[test]
    fn yes_and_no() {
        for (cell, expected) in [
            ("はい", Ok(Some(true))),
            ("いいえ", Ok(Some(false))),
            ("○", Ok(Some(true))),
            ("", Ok(None)),
            ("たぶん", Err("\"たぶん\" is not はい or いいえ".to_string())),
        ] {
            assert_eq!(yes_no(cell), expected, "{cell}");
        }
    }

    #[test]
    fn full_width_is_made_half_width() {
        assert_eq!(nfkc("０４２－１２３－４５６７"), "042-123-4567");
        assert_eq!(nfkc(" １３２１４４ "), "132144");
    }
}
