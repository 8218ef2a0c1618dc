//! One WAM NET row: the file's 29 columns, the ones the site reads, and the facility a row
//! becomes — the build's base layer and `import wamnet` both use [`facility_of`], so an
//! imported file says exactly what the base layer would.

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::city::CityIndex;
use super::service::service_role;
use crate::load::fields::{in_japan, normalize_phone, usable_web_url};
use crate::load::ids::valid_path_id;
use crate::model::{Facility, SourceRecord};

/// The 29 columns of every WAM NET open-data file, in order (the header row, after the BOM).
pub const HEADER: [&str; 29] = [
    "都道府県コード又は市区町村コード",
    "NO（※システム内の固有の番号、連番）",
    "指定機関名",
    "法人の名称",
    "法人の名称_かな",
    "法人番号",
    "法人住所（市区町村）",
    "法人住所（番地以降）",
    "法人電話番号",
    "法人FAX番号",
    "法人URL",
    "サービス種別",
    "事業所の名称",
    "事業所の名称_かな",
    "事業所番号",
    "事業所住所（市区町村）",
    "事業所住所（番地以降）",
    "事業所電話番号",
    "事業所FAX番号",
    "事業所URL",
    "事業所緯度",
    "事業所経度",
    "利用可能な時間帯（平日）",
    "利用可能な時間帯（土曜）",
    "利用可能な時間帯（日曜）",
    "利用可能な時間帯（祝日）",
    "定休日",
    "利用可能曜日特記事項（留意事項）",
    "定員",
];

/// The columns this project uses, by their exact Japanese header.
#[derive(Debug, Deserialize)]
pub struct Row {
    #[serde(rename = "法人の名称")]
    pub operator: String,
    #[serde(rename = "サービス種別")]
    pub service: String,
    #[serde(rename = "事業所の名称")]
    pub name: String,
    #[serde(rename = "事業所の名称_かな")]
    pub kana: String,
    #[serde(rename = "事業所番号")]
    pub number: String,
    #[serde(rename = "事業所住所（市区町村）")]
    pub city: String,
    #[serde(rename = "事業所住所（番地以降）")]
    pub street: String,
    #[serde(rename = "事業所電話番号")]
    pub phone: String,
    #[serde(rename = "事業所FAX番号")]
    pub fax: String,
    #[serde(rename = "事業所URL")]
    pub url: String,
    #[serde(rename = "事業所緯度")]
    pub lat: String,
    #[serde(rename = "事業所経度")]
    pub lng: String,
    #[serde(rename = "利用可能な時間帯（平日）")]
    pub weekday: String,
    #[serde(rename = "利用可能な時間帯（土曜）")]
    pub saturday: String,
    #[serde(rename = "利用可能な時間帯（日曜）")]
    pub sunday: String,
    #[serde(rename = "利用可能な時間帯（祝日）")]
    pub holiday: String,
    #[serde(rename = "定休日")]
    pub closed: String,
    #[serde(rename = "定員")]
    pub capacity: String,
}

/// The row's numbers in Japan's phone plan, as (column, what the page does when the number
/// cannot be used), in the order of [`Row::numbers`]: the base layer and `import wamnet`
/// check and note each the same way.
pub const NUMBER_COLUMNS: [(&str, &str); 2] =
    [("事業所電話番号", "the page shows 未掲載"), ("事業所FAX番号", "the page shows no FAX line")];

impl Row {
    /// The values of [`NUMBER_COLUMNS`] as the file gives them.
    pub fn numbers(&self) -> [&str; 2] {
        [&self.phone, &self.fax]
    }

    /// [`Row::numbers`], to clear one that cannot be used.
    pub fn numbers_mut(&mut self) -> [&mut String; 2] {
        [&mut self.phone, &mut self.fax]
    }
}

/// One row as the facility the site shows, or the column at fault and why it is left out.
pub fn facility_of(
    row: &Row,
    source: &str,
    cities: &CityIndex,
    last_verified: &str,
) -> Result<Facility, (&'static str, String)> {
    let (role, functions) =
        service_role(&row.service).ok_or(("サービス種別", format!("unknown service type 「{}」", row.service)))?;
    if row.name.trim().is_empty() || row.number.trim().is_empty() {
        return Err(("事業所の名称", "a row needs 事業所の名称 and 事業所番号".into()));
    }
    valid_path_id(&wamnet_id(&row.number, &row.name))
        .map_err(|e| ("事業所番号", format!("row left out: the facility id made from it {e}")))?;
    let area = cities
        .code_of(&row.city)
        .ok_or(("事業所住所（市区町村）", format!("「{}」 is not a municipality in the reference list", row.city)))?;
    let (lat, lng) = match (row.lat.trim().parse::<f64>(), row.lng.trim().parse::<f64>()) {
        (Ok(lat), Ok(lng)) if in_japan(lat, lng) => (Some(lat), Some(lng)),
        _ => (None, None),
    };
    // A number that cannot be dialled (「834-2006」, 「(089)909-5034」) stays unknown, like a
    // position outside Japan: the page shows 未掲載 rather than a broken tel: link.
    // Written in the national format (「0138838015」 → 「0138-83-8015」, issue #19); the
    // source value stays in `SourceRecord::phone_source` and the open data.
    let phone = normalize_phone(&row.phone).ok();
    let fax = normalize_phone(&row.fax).ok();
    let mut hours = Vec::new();
    for (day, h) in [("平日", &row.weekday), ("土曜", &row.saturday), ("日曜", &row.sunday), ("祝日", &row.holiday)]
    {
        if !h.trim().is_empty() {
            hours.push(format!("{day} {}", h.trim()));
        }
    }
    if !row.closed.trim().is_empty() {
        hours.push(format!("定休日：{}", row.closed.trim()));
    }
    let address = Some(format!("{}{}", row.city.trim(), row.street.trim()));
    let hours = (!hours.is_empty()).then(|| hours.join("／"));
    let capacity = row.capacity.trim().parse().ok();
    let record = SourceRecord {
        source: source.to_string(),
        line: 0,
        service: role,
        phone: phone.clone(),
        phone_source: row.phone.trim().to_string(),
        hours: hours.clone(),
        address: address.clone(),
        capacity,
    };
    Ok(Facility {
        id: wamnet_id(&row.number, &row.name),
        name: row.name.trim().to_string(),
        kana: Some(row.kana.trim().to_string()).filter(|k| !k.is_empty()),
        operator: Some(row.operator.trim().to_string()).filter(|o| !o.is_empty()),
        area,
        role,
        functions,
        address,
        exact_position: lat.is_some(),
        lat,
        lng,
        phone,
        fax,
        hours,
        kyoten: false,
        last_verified: last_verified.to_string(),
        sources: vec![source.to_string()],
        wamnet: Some(row.number.trim().to_string()),
        services: vec![role],
        capacity,
        records: vec![record],
        url: usable_web_url(&row.url),
        url_source: Some(row.url.trim().to_string()).filter(|u| !u.is_empty() && usable_web_url(u).is_none()),
        ..Default::default()
    })
}

/// Stable id from 事業所番号 plus the name (numbers repeat across different facilities).
pub fn wamnet_id(number: &str, name: &str) -> String {
    let hash = Sha256::digest(name.trim().as_bytes());
    format!("w{}-{:02x}{:02x}", number.trim(), hash[0], hash[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_tell_same_numbers_apart() {
        assert_eq!(wamnet_id("1412606194", "サニースポット"), wamnet_id(" 1412606194", "サニースポット "));
        assert_ne!(wamnet_id("1412606194", "A"), wamnet_id("1412606194", "B"));
    }

    /// 事業所FAX番号 is read like the phone (national format), published in the open data
    /// right after the phone, and a number that cannot be used is left out with a note.
    #[test]
    fn a_rows_fax_is_imported_and_exported_and_a_bad_one_is_noted() {
        let mut csv = format!("\u{feff}{}\n", HEADER.join(","));
        let row = |number: &str, fax: &str| {
            let mut cells = vec![""; 29];
            (cells[11], cells[12], cells[14], cells[15]) = ("短期入所", "テスト", number, "神奈川県相模原市中央区");
            (cells[17], cells[18]) = ("042-524-2222", fax);
            cells.join(",") + "\n"
        };
        csv.push_str(&row("1412606194", "0425242223"));
        csv.push_str(&row("1412606195", "834-2006"));
        let mut skipped = Vec::new();
        let rows = super::super::parse_wamnet(
            "wamnet/x.csv",
            &csv,
            "wamnet-024",
            &super::super::city::sample(),
            "",
            &mut skipped,
        )
        .expect("parses");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].fax.as_deref(), Some("042-524-2223"));
        assert_eq!(rows[1].fax, None);
        let notes: Vec<String> = skipped.iter().map(ToString::to_string).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("wamnet/x.csv:3: 事業所FAX番号: 「834-2006」"), "{notes:?}");
        assert!(notes[0].ends_with("the page shows no FAX line"), "{notes:?}");

        let content = crate::load::Content { facilities: rows, ..Default::default() };
        let files = crate::site::opendata::opendata_files(&content);
        let bytes = &files.iter().find(|(n, _)| n == "facilities.csv").expect("facilities.csv").1;
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let header = reader.headers().expect("header").clone();
        let at = header.iter().position(|h| h == "fax").expect("a fax column");
        assert_eq!(&header[at - 1], "phone");
        let cells: Vec<String> = reader.records().map(|r| r.expect("row")[at].to_string()).collect();
        assert_eq!(cells, ["042-524-2223", ""]);
    }
}
