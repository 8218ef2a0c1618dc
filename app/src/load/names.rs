//! Place names in the other readings (issue #22). English pages write a municipality's name
//! in Hepburn romaji made from the reference list's reading, with its kind in English
//! (`こくぶんじし` + 国分寺市 → "Kokubunji City"), and a prefecture by the English name the
//! reference list gives (`content/geo/prefjp-utf8.csv`). やさしい日本語 pages show the
//! reading itself as ふりがな; that needs nothing here.
//!
//! Not here: facility names, which stay as published in every reading.

use std::collections::BTreeMap;

/// A place's kind: the end of its Japanese name, the readings of that end, and English.
const KINDS: &[(&str, &[&str], &str)] = &[
    ("圏域", &["けんいき"], "Area"),
    ("市", &["し"], "City"),
    ("区", &["く"], "Ward"),
    ("町", &["まち", "ちょう"], "Town"),
    ("村", &["むら", "そん"], "Village"),
    ("郡", &["ぐん"], "District"),
];

/// `name` in English from its reading `kana`: each part romanised with its kind, a ward
/// before its city ("Chuo Ward, Sapporo City"), the members of a group in order, joined by
/// commas. The reading must split like the name (the reference list writes a ward's reading
/// after a space, a group's with `・`); otherwise it is romanised whole.
pub fn english_place_name(name: &str, kana: &str) -> String {
    let separators = [' ', '　', '・'];
    let names: Vec<&str> = name.split(separators).filter(|s| !s.is_empty()).collect();
    let readings: Vec<&str> = kana.split(separators).filter(|s| !s.is_empty()).collect();
    if names.len() != readings.len() {
        return capitalise(&romaji(&kana.replace(separators, "")));
    }
    let mut parts: Vec<String> = names.iter().zip(&readings).map(|(n, k)| english_part(n, k)).collect();
    if !name.contains('・') {
        parts.reverse(); // 札幌市 中央区 → Chuo Ward, Sapporo City
    }
    parts.join(", ")
}

/// One place: its reading romanised without the kind's reading, then the kind in English.
fn english_part(name: &str, kana: &str) -> String {
    let kind = KINDS.iter().find_map(|(end, readings, english)| {
        name.strip_suffix(end)?;
        let reading = readings.iter().find(|r| kana.ends_with(*r) && kana.len() > r.len())?;
        Some((&kana[..kana.len() - reading.len()], *english))
    });
    match kind {
        Some((stem, english)) => format!("{} {english}", capitalise(&romaji(stem))),
        None => capitalise(&romaji(kana)),
    }
}

/// Hepburn romaji with long vowels written short, as Japan's English signs do
/// (`ちゅうおう` → "chuo", `おおいた` → "oita").
pub fn romaji(kana: &str) -> String {
    let mut r = wana_kana::ConvertJapanese::to_romaji(kana);
    for (long, short) in [("ou", "o"), ("oo", "o"), ("uu", "u")] {
        while r.contains(long) {
            r = r.replace(long, short);
        }
    }
    r
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Prefectures' English names by Japanese name, from `prefjp-utf8.csv`
/// (`pid,pref,prefkana,prefshort,prefshortkana,pref_en,…`).
pub fn parse_prefectures_en(csv: &str) -> Result<BTreeMap<String, String>, String> {
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no column {name:?}"));
    let (pref, en) = (col("pref")?, col("pref_en")?);
    let mut out = BTreeMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        if let (Some(p), Some(e)) = (row.get(pref), row.get(en)) {
            out.insert(p.to_string(), e.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_in_english() {
        for (name, kana, want) in [
            ("国分寺市", "こくぶんじし", "Kokubunji City"),
            ("札幌市 中央区", "さっぽろし ちゅうおうく", "Chuo Ward, Sapporo City"),
            ("横浜市 西区", "よこはまし にしく", "Nishi Ward, Yokohama City"),
            ("大分市", "おおいたし", "Oita City"),
            ("七ヶ浜町", "しちがはままち", "Shichigahama Town"),
            ("利府町", "りふちょう", "Rifu Town"),
            ("野沢温泉村", "のざわおんせんむら", "Nozawaonsen Village"),
            ("新宿区", "しんじゅくく", "Shinjuku Ward"),
            ("北信圏域", "ほくしんけんいき", "Hokushin Area"),
            (
                "塩竈市・多賀城市・松島町・七ヶ浜町・利府町",
                "しおがまし・たがじょうし・まつしままち・しちがはままち・りふちょう",
                "Shiogama City, Tagajo City, Matsushima Town, Shichigahama Town, Rifu Town",
            ),
        ] {
            assert_eq!(english_place_name(name, kana), want, "{name}");
        }
    }

    #[test]
    fn a_reading_that_does_not_split_like_the_name_is_romanised_whole() {
        assert_eq!(english_place_name("某所", "ぼうしょ"), "Bosho");
        assert_eq!(english_place_name("札幌市 中央区", "さっぽろしちゅうおうく"), "Sapporoshichuoku");
    }

    #[test]
    fn prefectures_from_the_reference_list() {
        let csv = "\u{feff}pid,pref,prefkana,prefshort,prefshortkana,pref_en\n1,北海道,ほっかいどう,北海道,ほっかいどう,Hokkaido\n13,東京都,とうきょうと,東京,とうきょう,Tokyo\n";
        let p = parse_prefectures_en(csv).expect("parse");
        assert_eq!(p.get("東京都").map(String::as_str), Some("Tokyo"));
    }
}
