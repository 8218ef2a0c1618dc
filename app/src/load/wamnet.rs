//! WAM NET open data (障害福祉サービス等情報公表システム): the national base layer of
//! facilities, read straight from the CSV files in `content/wamnet/` at build time. One file
//! per service type, UTF-8 with BOM, 29 columns. A facility listed in several files (same
//! 事業所番号 and name) becomes one facility with several services. Nothing here says whether
//! a facility belongs to a 拠点, so every record is `kyoten = false`.

use std::collections::BTreeMap;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::diagnostic::Diagnostic;
use super::fields::{in_japan, normalize_phone, usable_web_url};
use crate::model::{Area, Facility, Function, Role, SourceRecord};

/// The source address rule under the name the tests know; it lives in `fields`.
pub use super::fields::usable_web_url as web_url;

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

/// The `content/sources.toml` id of a WAM NET file: `wamnet-` and the digits of its name
/// (`csvdownload024.csv` → `wamnet-024`); `None` when the name has no digits.
pub fn source_id(file_stem: &str) -> Option<String> {
    let digits: String = file_stem.chars().filter(|c| c.is_ascii_digit()).collect();
    (!digits.is_empty()).then(|| format!("wamnet-{digits}"))
}

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

/// The 拠点 needs a service type serves, as the seeds describe the 拠点's use of it.
pub fn service_role(service: &str) -> Option<(Role, Vec<Function>)> {
    match service {
        "短期入所" => Some((Role::ShortStay, vec![Function::Emergency, Function::Experience])),
        // 地域定着支援 is defined by its 常時の連絡体制 (①); no source names it for ② 受け入れ.
        "地域相談支援（地域定着支援）" => Some((Role::CommunitySettlement, vec![Function::Consultation])),
        "地域相談支援（地域移行支援）" => Some((Role::CommunityTransition, vec![Function::Experience])),
        _ => None,
    }
}

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

/// Parse one WAM NET file. `source` is its id in `content/sources.toml`. Rows that cannot be
/// used are reported as diagnostics (with their CSV line) and left out.
pub fn parse_wamnet(
    path: &str,
    text: &str,
    source: &str,
    cities: &CityIndex,
    last_verified: &str,
    skipped: &mut Vec<Diagnostic>,
) -> Result<Vec<Facility>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| Diagnostic::new(path, 1, "", e.to_string()))?.clone();
    if headers.len() != 29 {
        return Err(Diagnostic::new(path, 1, "", format!("expected the 29 WAM NET columns, found {}", headers.len())));
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let line = record.as_ref().ok().and_then(|r| r.position()).map_or(0, |p| p.line() as usize);
        let row: Row = match record.and_then(|r| r.deserialize(Some(&headers))) {
            Ok(r) => r,
            Err(e) => {
                skipped.push(Diagnostic::new(path, line, "", format!("unreadable row: {e}")));
                continue;
            }
        };
        match facility_of(&row, source, cities, last_verified) {
            Ok(mut f) => {
                for r in &mut f.records {
                    r.line = line;
                }
                if let Some(Err(why)) =
                    f.records.first().filter(|r| !r.phone_source.is_empty()).map(|r| normalize_phone(&r.phone_source))
                {
                    skipped.push(Diagnostic::new(
                        path,
                        line,
                        "事業所電話番号",
                        format!("{why}: the page shows 未掲載"),
                    ));
                }
                if let Some(u) = &f.url_source {
                    skipped.push(Diagnostic::new(
                        path,
                        line,
                        "事業所URL",
                        format!("「{u}」 is not a usable web address: the page shows it as text, not as a link"),
                    ));
                }
                out.push(f)
            }
            Err((field, message)) => skipped.push(Diagnostic::new(path, line, field, message)),
        }
    }
    Ok(out)
}

/// One row as the facility the site shows (the build's base layer and `import wamnet` both
/// use this, so an imported file says exactly what the base layer would).
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
    super::ids::valid_path_id(&wamnet_id(&row.number, &row.name))
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

/// The rows' 定員 when they agree; `None` when they differ (each row's is in `records`).
fn same_capacity(records: &[crate::model::SourceRecord]) -> Option<u32> {
    let mut given = records.iter().filter_map(|r| r.capacity);
    let first = given.next()?;
    given.all(|c| c == first).then_some(first)
}

/// Stable id from 事業所番号 plus the name (numbers repeat across different facilities).
pub fn wamnet_id(number: &str, name: &str) -> String {
    let hash = Sha256::digest(name.trim().as_bytes());
    format!("w{}-{:02x}{:02x}", number.trim(), hash[0], hash[1])
}

/// Fold records of the same facility (same id) into one with several services, and merge
/// records that content files claim (`wamnet = "…"`) into those files' facilities.
pub fn merge(content: &mut Vec<Facility>, open: Vec<Facility>) {
    let mut by_id: BTreeMap<String, Facility> = BTreeMap::new();
    for f in open {
        match by_id.get_mut(&f.id) {
            Some(existing) => {
                for s in f.services {
                    if !existing.services.contains(&s) {
                        existing.services.push(s);
                    }
                }
                for func in f.functions {
                    if !existing.functions.contains(&func) {
                        existing.functions.push(func);
                    }
                }
                for src in f.sources {
                    if !existing.sources.contains(&src) {
                        existing.sources.push(src);
                    }
                }
                // Every row's facts stay in `records`; the summary fields say them all:
                // hours by service when rows differ, the first dialable phone (the others
                // are `Facility::other_phones`), capacity only when no row disagrees.
                existing.records.extend(f.records);
                existing.hours = Facility::hours_by_service(&existing.records);
                existing.phone = existing.phone.take().or(f.phone);
                existing.capacity = same_capacity(&existing.records);
                existing.url = existing.url.take().or(f.url);
            }
            None => {
                by_id.insert(f.id.clone(), f);
            }
        }
    }
    for c in content.iter_mut() {
        let Some(number) = c.wamnet.clone() else { continue };
        // 事業所番号 repeat: the record with this file's own id (an imported `w…` file) or
        // with this name is the one claimed; otherwise the first with the number.
        let key = [c.id.clone(), wamnet_id(&number, &c.name)]
            .into_iter()
            .find(|k| k.starts_with(&format!("w{number}-")) && by_id.contains_key(k))
            .or_else(|| by_id.keys().find(|k| k.starts_with(&format!("w{number}-"))).cloned());
        let Some(key) = key else { continue };
        let Some(open) = by_id.remove(&key) else { continue };
        // Human-written facts win; open data fills what the content leaves unknown.
        c.kana = c.kana.take().or(open.kana);
        c.operator = c.operator.take().or(open.operator);
        c.address = c.address.take().or(open.address);
        c.phone = c.phone.take().or(open.phone);
        c.hours = c.hours.take().or(open.hours);
        c.url = c.url.take().or(open.url);
        c.capacity = open.capacity;
        c.services = open.services;
        c.records = open.records;
        if !c.exact_position && open.exact_position {
            c.lat = open.lat;
            c.lng = open.lng;
            c.exact_position = true;
        }
        for src in open.sources {
            if !c.sources.contains(&src) {
                c.sources.push(src);
            }
        }
    }
    // A content file named like a record (`w<番号>-<hash>.md`) is that facility even if its
    // `wamnet` line was removed: never publish two pages under one id.
    for c in content.iter() {
        by_id.remove(&c.id);
    }
    content.extend(by_id.into_values());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cities() -> CityIndex {
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

    #[test]
    fn maps_addresses_to_municipalities() {
        let c = cities();
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

    #[test]
    fn a_claim_takes_the_record_of_its_own_id_or_name_when_numbers_repeat() {
        let open = |name: &str| Facility {
            id: wamnet_id("1300000001", name),
            name: name.into(),
            wamnet: Some("1300000001".into()),
            ..Default::default()
        };
        for (content_id, content_name, kept) in [
            (wamnet_id("1300000001", "B"), "B（手直し）", "A"),
            ("kokubunji-b".to_string(), "B", "A"),
            ("kokubunji-a".to_string(), "A", "B"),
        ] {
            let mut content = vec![Facility {
                id: content_id.clone(),
                name: content_name.into(),
                wamnet: Some("1300000001".into()),
                ..Default::default()
            }];
            merge(&mut content, vec![open("A"), open("B")]);
            let names: Vec<&str> = content.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(names, vec![content_name, kept], "{content_id}");
        }
        // A file named like a record is that record even without its wamnet line.
        let mut content = vec![Facility { id: wamnet_id("1300000001", "A"), name: "A".into(), ..Default::default() }];
        merge(&mut content, vec![open("A")]);
        assert_eq!(content.len(), 1);
    }

    /// Issue #19: a facility in 053 and 054 kept only the 053 row's hours and phone.
    #[test]
    fn merging_rows_keeps_every_rows_hours_and_phone() {
        let row = |service: Role, source: &str, line, phone: Option<&str>, hours: Option<&str>| Facility {
            id: "w0130103716-ae1b".into(),
            services: vec![service],
            phone: phone.map(String::from),
            hours: hours.map(String::from),
            sources: vec![source.into()],
            records: vec![SourceRecord {
                source: source.into(),
                line,
                service,
                phone: phone.map(String::from),
                phone_source: phone.unwrap_or("").into(),
                hours: hours.map(String::from),
                ..Default::default()
            }],
            ..Default::default()
        };
        for (a, b, hours, phone, others) in [
            // 053 gives no hours, 054 gives them.
            (None, Some("平日 09:00-18:00"), Some("平日 09:00-18:00"), Some("011-1"), Vec::<String>::new()),
            // Both give hours and they differ: each by service.
            (
                Some("平日 10:00-17:00"),
                Some("平日 09:00-18:00"),
                Some("地域移行支援：平日 10:00-17:00　地域定着支援：平日 09:00-18:00"),
                Some("011-1"),
                vec![],
            ),
        ] {
            let mut content = Vec::new();
            merge(
                &mut content,
                vec![
                    row(Role::CommunityTransition, "wamnet-053", 4, Some("011-1"), a),
                    row(Role::CommunitySettlement, "wamnet-054", 4, Some("011-1"), b),
                ],
            );
            assert_eq!(content[0].hours.as_deref(), hours);
            assert_eq!(content[0].phone.as_deref(), phone);
            assert_eq!(content[0].other_phones(), others);
            assert_eq!(content[0].records.len(), 2);
        }
        // A different phone in 054 stays, by service; an undialable first phone gives way.
        let mut content = Vec::new();
        merge(
            &mut content,
            vec![
                row(Role::CommunityTransition, "wamnet-053", 4, None, None),
                row(Role::CommunitySettlement, "wamnet-054", 4, Some("048-581-2112"), None),
            ],
        );
        assert_eq!(content[0].phone.as_deref(), Some("048-581-2112"));
        let mut content = Vec::new();
        merge(
            &mut content,
            vec![
                row(Role::CommunityTransition, "wamnet-053", 4, Some("0138-83-1111"), None),
                row(Role::CommunitySettlement, "wamnet-054", 4, Some("0138-83-8015"), None),
            ],
        );
        assert_eq!(content[0].other_phones(), vec!["地域定着支援：0138-83-8015".to_string()]);
    }

    #[test]
    fn a_number_that_would_leave_the_output_folder_is_left_out_with_its_line() {
        let mut csv = format!("\u{feff}{}\n", HEADER.join(","));
        let row = |number: &str| {
            let mut cells = vec![""; 29];
            (cells[11], cells[12], cells[14], cells[15]) = ("短期入所", "テスト", number, "神奈川県相模原市中央区");
            cells.join(",") + "\n"
        };
        csv.push_str(&row("1234567890/../../../../tmp/x"));
        csv.push_str(&row("1412606194"));
        let mut skipped = Vec::new();
        let rows = parse_wamnet("wamnet/x.csv", &csv, "wamnet-024", &cities(), "", &mut skipped).expect("parses");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, wamnet_id("1412606194", "テスト"));
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        let shown = skipped[0].to_string();
        assert!(shown.starts_with("wamnet/x.csv:2: 事業所番号: row left out"), "{shown}");
    }

    #[test]
    fn ids_are_stable_and_tell_same_numbers_apart() {
        assert_eq!(wamnet_id("1412606194", "サニースポット"), wamnet_id(" 1412606194", "サニースポット "));
        assert_ne!(wamnet_id("1412606194", "A"), wamnet_id("1412606194", "B"));
    }
}
