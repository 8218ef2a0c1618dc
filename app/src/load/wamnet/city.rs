//! An address's municipality: WAM NET gives 「神奈川県相模原市中央区」 or 「京都府与謝郡与謝野町」;
//! the reference list names 「相模原市中央区」 and 「与謝野町」.

use std::collections::BTreeMap;

use crate::model::Area;

/// Finds the municipality code of an address's 市区町村 part, e.g. 「神奈川県相模原市中央区」.
pub struct CityIndex {
    by_name: BTreeMap<String, String>,
    prefectures: Vec<String>,
}

impl CityIndex {
    pub fn new(areas: &BTreeMap<String, Area>) -> Self {
        let mut by_name = BTreeMap::new();
        let mut prefectures = Vec::new();
        for a in areas.values().filter(|a| !a.is_region()) {
            by_name.insert(format!("{}{}", a.prefecture, a.name), a.id.clone());
            if !prefectures.contains(&a.prefecture) {
                prefectures.push(a.prefecture.clone());
            }
        }
        CityIndex { by_name, prefectures }
    }

    pub fn code_of(&self, city: &str) -> Option<String> {
        let city = city.replace('惠', "恵").replace([' ', '　'], "");
        if let Some(code) = self.by_name.get(&city) {
            return Some(code.clone());
        }
        let pref = self.prefectures.iter().find(|p| city.starts_with(p.as_str()))?;
        let rest = &city[pref.len()..];
        // 「与謝郡与謝野町」: the reference list names towns without their county.
        if let Some((_, town)) = rest.split_once('郡') {
            if let Some(code) = self.by_name.get(&format!("{pref}{town}")) {
                return Some(code.clone());
            }
        }
        // Wards created after the reference list (浜松市中央区, 2024): fall back to the city.
        if let Some(i) = rest.find('市') {
            return self.by_name.get(&format!("{pref}{}", &rest[..i + '市'.len_utf8()])).cloned();
        }
        None
    }
}

/// A small index for tests: four municipalities whose addresses WAM NET writes differently.
#[cfg(test)]
pub(super) fn sample() -> CityIndex {
    let mut areas = BTreeMap::new();
    for (id, pref, name) in [
        ("141526", "神奈川県", "相模原市中央区"),
        ("263621", "京都府", "与謝野町"),
        ("221309", "静岡県", "浜松市"),
        ("403423", "福岡県", "須恵町"),
    ] {
        areas.insert(
            id.to_string(),
            Area { id: id.into(), prefecture: pref.into(), name: name.into(), ..Default::default() },
        );
    }
    CityIndex::new(&areas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_addresses_to_municipalities() {
        let c = sample();
        for (city, code) in [
            ("神奈川県相模原市中央区", Some("141526")),
            ("京都府与謝郡与謝野町", Some("263621")),
            ("静岡県浜松市中央区", Some("221309")),
            ("福岡県糟屋郡須惠町", Some("403423")),
            ("東京都どこか町", None),
        ] {
            assert_eq!(c.code_of(city).as_deref(), code, "{city}");
        }
    }
}
