//! The reference list of municipalities (`content/geo/localgovjp-utf8.csv`, code4fukui
//! localgovjp, CC0): code, name, kana, prefecture, city-hall position and website. Every
//! row becomes an area; names and kana are never retyped in content.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::Area;

/// The code rule, where `import/` finds it; it lives in `fields` with the other field rules.
pub use super::fields::valid_lgcode;

#[derive(Debug, Deserialize)]
struct Row {
    pref: String,
    city: String,
    citykana: String,
    lat: f64,
    lng: f64,
    url: String,
    lgcode: String,
}

/// Municipalities by code, from the CSV text.
pub fn parse_reference(csv_text: &str) -> Result<BTreeMap<String, Area>, String> {
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut areas = BTreeMap::new();
    let mut cities: BTreeMap<(String, String), String> = BTreeMap::new();
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let row = row.map_err(|e| format!("line {}: {e}", i + 2))?;
        // A code names the area's page folder: never `../x`.
        crate::load::ids::valid_path_id(&row.lgcode).map_err(|e| format!("line {}: lgcode {e}", i + 2))?;
        // 「札幌市 中央区」 is a ward of 「札幌市」, listed before it.
        let parent =
            row.city.split_once(' ').and_then(|(city, _)| cities.get(&(row.pref.clone(), city.to_string())).cloned());
        cities.insert((row.pref.clone(), row.city.clone()), row.lgcode.clone());
        let area = Area {
            id: row.lgcode.clone(),
            // 「札幌市 中央区」 → 「札幌市中央区」, as the city itself writes it.
            name: row.city.replace(' ', ""),
            kana: row.citykana.replace(' ', ""),
            name_en: crate::load::names::english_place_name(&row.city, &row.citykana),
            prefecture: row.pref,
            lat: row.lat,
            lng: row.lng,
            website: (!row.url.is_empty()).then_some(row.url),
            parent,
            ..Default::default()
        };
        areas.insert(row.lgcode, area);
    }
    Ok(areas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_joins_ward_names() {
        let csv = "\u{feff}pid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode\n1,北海道,1100,札幌市,さっぽろし,43.06,141.35,https://x.jp/,,011002\n1,北海道,1101,札幌市 中央区,さっぽろし ちゅうおうく,43.05,141.34,https://x.jp/,,011011\n";
        let areas = parse_reference(csv).expect("parse");
        let a = &areas["011011"];
        assert_eq!(
            (a.name.as_str(), a.kana.as_str(), a.prefecture.as_str()),
            ("札幌市中央区", "さっぽろしちゅうおうく", "北海道")
        );
        assert_eq!(a.parent.as_deref(), Some("011002"));
        let bad = csv.replace(",011011", ",../../x");
        let e = parse_reference(&bad).expect_err("a code that is a path");
        assert!(e.starts_with("line 3: lgcode"), "{e}");
    }
}
