//! Open data in the forms others already read (issue #19): the facility list with the
//! columns of the 自治体標準オープンデータセット 介護サービス事業所一覧
//! (`opendata/facilities-standard.csv`), and Open Referral's Human Services Data
//! Specification 3 as a Tabular Data Package (`opendata/hsds/`). Both are written from the
//! same facilities as `facilities.csv`; a fact the site does not have is an empty cell, never
//! a guess. `tests/opendata_hsds.rs` validates the package against HSDS's published JSON
//! schemas.
//!
//! Text cells are neutralised for spreadsheets as in [`super::opendata::csv_cell`]; number
//! cells are written from numbers.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::opendata::csv_cell;
use crate::load::Content;
use crate::model::{DisabilityType, Facility, Function, Role};

/// The header of `facilities-standard.csv`: the 自治体標準オープンデータセット's
/// 介護サービス事業所一覧 columns, in its order, with what 拠点ナビ writes in each.
pub const STANDARD_COLUMNS: &[(&str, &str)] = &[
    ("都道府県コード又は市区町村コード", "施設のある市区町村の6桁のコード（圏域に掲載している施設は空欄）"),
    ("NO", "この表の中の連番"),
    ("都道府県名", "都道府県"),
    ("市区町村名", "市区町村・圏域名"),
    ("名称", "施設の名称"),
    ("名称_カナ", "よみ（全角カタカナ。資料にある場合）"),
    ("実施サービス", "WAM NET のサービス種別（複数は「;」区切り）。WAM NET にない施設は拠点ナビの役割"),
    ("住所", "住所"),
    ("方書", "空欄（資料にありません）"),
    ("緯度", "所在地の緯度（市区町村役所の位置で代えている施設は空欄）"),
    ("経度", "所在地の経度（同上）"),
    ("電話番号", "電話番号（全国の番号の形）"),
    ("内線番号", "空欄（資料にありません）"),
    ("FAX番号", "空欄（拠点ナビは載せていません）"),
    ("法人番号", "空欄（拠点ナビは載せていません）"),
    ("法人の名称", "運営法人"),
    ("事業所番号", "WAM NET の事業所番号"),
    ("利用可能曜日", "空欄（曜日の形にはしていません。時間帯は次の列）"),
    ("利用可能曜日特記事項", "利用できる時間帯・定休日（WAM NET の記載。サービスで異なる場合はサービスごと）"),
    ("定員", "定員（WAM NET）"),
    ("URL", "ウェブサイト"),
    ("備考", "拠点ナビでの種類と施設ID（ページのアドレス /facilities/{id}/）"),
];

/// Columns of [`STANDARD_COLUMNS`] written from numbers.
const STANDARD_NUMBERS: &[&str] = &["NO", "緯度", "経度", "定員"];

/// Hiragana to full-width katakana (the standard's 名称_カナ); anything else as it is.
fn katakana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The services a facility is registered for, or its role when it has none in WAM NET.
fn services(f: &Facility) -> Vec<Role> {
    if f.services.is_empty() {
        vec![f.role]
    } else {
        f.services.clone()
    }
}

fn six_digit_code(id: &str) -> bool {
    id.len() == 6 && id.bytes().all(|b| b.is_ascii_digit())
}

fn write_csv(header: &[&str], numbers: &[&str], rows: &[Vec<String>], bom: bool) -> Vec<u8> {
    let mut out = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let _ = w.write_record(header);
        let number: Vec<bool> = header.iter().map(|h| numbers.contains(h)).collect();
        for r in rows {
            let _ =
                w.write_record(
                    r.iter().zip(&number).map(|(cell, &n)| if n { cell.clone() } else { csv_cell(cell).into_owned() }),
                );
        }
        let _ = w.flush();
    }
    out
}

/// `facilities-standard.csv` (UTF-8 with BOM, as the standard's files are opened in Excel).
pub fn standard_csv(c: &Content) -> Vec<u8> {
    let rows: Vec<Vec<String>> = c
        .facilities
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let area = c.areas.get(&f.area);
            let opt = |o: &Option<String>| o.clone().unwrap_or_default();
            let position = |x: Option<f64>| {
                if f.exact_position {
                    x.map(|v| v.to_string()).unwrap_or_default()
                } else {
                    String::new()
                }
            };
            vec![
                if six_digit_code(&f.area) { f.area.clone() } else { String::new() },
                (i + 1).to_string(),
                area.map(|a| a.prefecture.clone()).unwrap_or_default(),
                area.map(|a| a.name.clone()).unwrap_or_default(),
                f.name.clone(),
                f.kana.as_deref().map(katakana).unwrap_or_default(),
                services(f).iter().map(|r| r.label()).collect::<Vec<_>>().join(";"),
                opt(&f.address),
                String::new(),
                position(f.lat),
                position(f.lng),
                opt(&f.phone),
                String::new(),
                String::new(),
                String::new(),
                opt(&f.operator),
                opt(&f.wamnet),
                String::new(),
                opt(&f.hours),
                f.capacity.map(|n| n.to_string()).unwrap_or_default(),
                opt(&f.url),
                format!(
                    "{}。拠点ナビの施設ID：{}",
                    if f.kyoten {
                        "拠点（自治体の資料で拠点に位置付け）"
                    } else {
                        "障害福祉サービス事業所"
                    },
                    f.id
                ),
            ]
        })
        .collect();
    let header: Vec<&str> = STANDARD_COLUMNS.iter().map(|(k, _)| *k).collect();
    write_csv(&header, STANDARD_NUMBERS, &rows, true)
}

/// A stable UUID for a record of the package: the first 16 bytes of SHA-256 of `key`, with
/// the version (8, RFC 9562's custom form) and variant bits set. HSDS requires UUID ids;
/// the same facility gets the same ids in every build.
pub fn uuid(key: &str) -> String {
    let h = Sha256::digest(key.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// One table of the package: its HSDS resource name and file, and its columns as
/// (name, Table Schema type, format) — the subset of HSDS's fields the site can fill.
pub struct Table {
    pub name: &'static str,
    pub path: &'static str,
    pub fields: &'static [(&'static str, &'static str, Option<&'static str>)],
}

const UUID: Option<&str> = Some("uuid");

pub const TABLES: &[Table] = &[
    Table {
        name: "organization",
        path: "organizations.csv",
        fields: &[("id", "string", UUID), ("name", "string", None), ("description", "string", None)],
    },
    Table {
        name: "service",
        path: "services.csv",
        fields: &[
            ("id", "string", UUID),
            ("organization_id", "string", UUID),
            ("name", "string", None),
            ("description", "string", None),
            ("url", "string", Some("uri")),
            ("status", "string", None),
        ],
    },
    Table {
        name: "location",
        path: "locations.csv",
        fields: &[
            ("id", "string", UUID),
            ("location_type", "string", None),
            ("organization_id", "string", UUID),
            ("name", "string", None),
            ("description", "string", None),
            ("latitude", "number", None),
            ("longitude", "number", None),
            ("external_identifier", "string", None),
            ("external_identifier_type", "string", None),
        ],
    },
    Table {
        name: "service_at_location",
        path: "service_at_location.csv",
        fields: &[("id", "string", UUID), ("service_id", "string", UUID), ("location_id", "string", UUID)],
    },
    Table {
        name: "phone",
        path: "phones.csv",
        fields: &[
            ("id", "string", UUID),
            ("service_id", "string", UUID),
            ("number", "string", None),
            ("type", "string", None),
            ("description", "string", None),
        ],
    },
    Table {
        name: "schedule",
        path: "schedules.csv",
        fields: &[("id", "string", UUID), ("service_id", "string", UUID), ("description", "string", None)],
    },
    Table {
        name: "taxonomy",
        path: "taxonomies.csv",
        fields: &[("id", "string", UUID), ("name", "string", None), ("description", "string", None)],
    },
    Table {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        fields: &[
            ("id", "string", UUID),
            ("code", "string", None),
            ("name", "string", None),
            ("description", "string", None),
            ("taxonomy_id", "string", UUID),
            ("language", "string", None),
        ],
    },
    Table {
        name: "attribute",
        path: "attributes.csv",
        fields: &[
            ("id", "string", UUID),
            ("link_id", "string", UUID),
            ("taxonomy_term_id", "string", UUID),
            ("link_type", "string", None),
            ("link_entity", "string", None),
        ],
    },
];

const FUNCTIONS_TAXONOMY: &str = "kyoten-navi:functions";
const DISABILITIES_TAXONOMY: &str = "kyoten-navi:disabilities";

/// `(file name under opendata/, bytes)`: the package's CSV files (UTF-8, no BOM, as Table
/// Schema readers expect) and `datapackage.json`.
pub fn hsds_files(c: &Content) -> Vec<(String, Vec<u8>)> {
    let mut t: BTreeMap<&str, Vec<Vec<String>>> = TABLES.iter().map(|t| (t.name, Vec::new())).collect();
    let mut push = |table: &'static str, row: Vec<String>| t.entry(table).or_default().push(row);

    // The two taxonomies and their terms: the five functions and the disability types.
    let functions_id = uuid(FUNCTIONS_TAXONOMY);
    let disabilities_id = uuid(DISABILITIES_TAXONOMY);
    push(
        "taxonomy",
        vec![
            functions_id.clone(),
            "地域生活支援拠点等の5つの機能".into(),
            "国が示す地域生活支援拠点等の5つの機能（拠点ナビの機能ID）。施設が担うと資料が書いている機能です。".into(),
        ],
    );
    push(
        "taxonomy",
        vec![
            disabilities_id.clone(),
            "障害の種類".into(),
            "拠点ナビの障害の種類ID。資料が対象と書いている場合だけ施設に付けています。".into(),
        ],
    );
    for f in Function::ALL {
        push(
            "taxonomy_term",
            vec![
                uuid(&format!("{FUNCTIONS_TAXONOMY}:{}", f.id())),
                f.id().into(),
                f.label().into(),
                format!("地域生活支援拠点等の機能「{}」", f.label()),
                functions_id.clone(),
                "ja".into(),
            ],
        );
    }
    for d in DisabilityType::ALL {
        push(
            "taxonomy_term",
            vec![
                uuid(&format!("{DISABILITIES_TAXONOMY}:{}", d.id())),
                d.id().into(),
                d.label().into(),
                format!("対象となる障害「{}」", d.label()),
                disabilities_id.clone(),
                "ja".into(),
            ],
        );
    }

    // Organizations: one per operator name; a facility whose operator no source names is
    // listed as its own organization, and says so.
    let mut operators: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &c.facilities {
        if let Some(o) = f.operator.as_deref().filter(|o| !o.trim().is_empty()) {
            *operators.entry(o).or_default() += 1;
        }
    }
    for (name, n) in &operators {
        push(
            "organization",
            vec![
                uuid(&format!("organization:{name}")),
                name.to_string(),
                format!("拠点ナビに掲載している{n}件の施設の運営法人（WAM NET・自治体の資料の記載による）。"),
            ],
        );
    }
    for f in &c.facilities {
        let organization = match f.operator.as_deref().filter(|o| !o.trim().is_empty()) {
            Some(o) => uuid(&format!("organization:{o}")),
            None => {
                let id = uuid(&format!("organization:facility:{}", f.id));
                push(
                    "organization",
                    vec![
                        id.clone(),
                        f.name.clone(),
                        "運営法人が資料に書かれていないため、施設の名称で載せています。".into(),
                    ],
                );
                id
            }
        };
        let location = uuid(&format!("location:{}", f.id));
        let position = |x: Option<f64>| {
            if f.exact_position {
                x.map(|v| v.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        };
        push(
            "location",
            vec![
                location.clone(),
                "physical".into(),
                organization.clone(),
                f.name.clone(),
                f.address.as_ref().map(|a| format!("住所：{a}")).unwrap_or_default(),
                position(f.lat),
                position(f.lng),
                f.wamnet.clone().unwrap_or_default(),
                if f.wamnet.is_some() { "WAM NET 事業所番号".into() } else { String::new() },
            ],
        );
        let url = f
            .url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(|u| u.to_string())
            .unwrap_or_default();
        for role in services(f) {
            let service = uuid(&format!("service:{}:{}", f.id, role.id()));
            let kind = if f.kyoten {
                "拠点（自治体の資料で拠点に位置付け）"
            } else {
                "障害福祉サービス事業所（WAM NET）"
            };
            push(
                "service",
                vec![
                    service.clone(),
                    organization.clone(),
                    format!("{}（{}）", f.name, role.label()),
                    format!("{kind}。拠点ナビの施設ID：{}", f.id),
                    url.clone(),
                    "active".into(),
                ],
            );
            push(
                "service_at_location",
                vec![uuid(&format!("service_at_location:{}:{}", f.id, role.id())), service.clone(), location.clone()],
            );
            // Each row of the open data for this service keeps its own phone and hours; a
            // content file's facts apply to its one service.
            let rows: Vec<_> = f.records.iter().filter(|r| r.service == role).collect();
            let mut phones: Vec<String> = rows.iter().filter_map(|r| r.phone.clone()).collect();
            let mut hours: Vec<String> = rows.iter().filter_map(|r| r.hours.clone()).collect();
            if rows.is_empty() {
                phones.extend(f.phone.clone());
                hours.extend(f.hours.clone());
            }
            phones.dedup();
            hours.dedup();
            for p in phones {
                push(
                    "phone",
                    vec![
                        uuid(&format!("phone:{}:{}:{p}", f.id, role.id())),
                        service.clone(),
                        p,
                        "voice".into(),
                        format!("{}の電話番号", role.label()),
                    ],
                );
            }
            for h in hours {
                push("schedule", vec![uuid(&format!("schedule:{}:{}:{h}", f.id, role.id())), service.clone(), h]);
            }
            let terms =
                f.functions.iter().map(|x| (uuid(&format!("{FUNCTIONS_TAXONOMY}:{}", x.id())), "function")).chain(
                    f.disabilities.iter().map(|d| (uuid(&format!("{DISABILITIES_TAXONOMY}:{}", d.id())), "disability")),
                );
            for (term, link_type) in terms {
                push(
                    "attribute",
                    vec![
                        uuid(&format!("attribute:{service}:{term}")),
                        service.clone(),
                        term,
                        link_type.into(),
                        "service".into(),
                    ],
                );
            }
        }
    }

    let mut files: Vec<(String, Vec<u8>)> = TABLES
        .iter()
        .map(|table| {
            let header: Vec<&str> = table.fields.iter().map(|(n, _, _)| *n).collect();
            let numbers: Vec<&str> =
                table.fields.iter().filter(|(_, ty, _)| *ty == "number").map(|(n, _, _)| *n).collect();
            let rows = t.get(table.name).map(Vec::as_slice).unwrap_or_default();
            (format!("hsds/{}", table.path), write_csv(&header, &numbers, rows, false))
        })
        .collect();
    files.push(("hsds/datapackage.json".into(), datapackage()));
    files
}

/// `datapackage.json`: a Tabular Data Package whose resources are HSDS 3's, with the fields
/// the site writes (names, types and formats as HSDS's own `datapackage.json` gives them).
fn datapackage() -> Vec<u8> {
    let resources: Vec<serde_json::Value> = TABLES
        .iter()
        .map(|t| {
            let fields: Vec<serde_json::Value> = t
                .fields
                .iter()
                .map(|(name, ty, format)| {
                    let mut f = serde_json::json!({ "name": name, "type": ty });
                    if let Some(format) = format {
                        f["format"] = serde_json::json!(format);
                    }
                    f
                })
                .collect();
            serde_json::json!({
                "name": t.name,
                "path": t.path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": { "primaryKey": "id", "fields": fields },
            })
        })
        .collect();
    let package = serde_json::json!({
        "name": "kyoten-navi-hsds",
        "title": "拠点ナビ 施設データ（Open Referral HSDS 3.0 形式）",
        "description": "拠点ナビに掲載している施設を、Human Services Data Specification 3.0 の表（organization, service, location, service_at_location, phone, schedule, taxonomy, taxonomy_term, attribute）にしたものです。地域生活支援拠点等の5つの機能と障害の種類は taxonomy_term で、施設のサービスへの結び付きは attribute で表しています。",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "homepage": "https://docs.openreferral.org/en/latest/",
        "sources": [
            { "title": "障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成" },
            { "title": "各施設の出典に示す自治体資料（facilities.csv の sources 列）" }
        ],
        "resources": resources,
    });
    serde_json::to_vec_pretty(&package).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        let id = uuid("location:kokubunji-kikan");
        assert_eq!(id, uuid("location:kokubunji-kikan"));
        assert_ne!(id, uuid("location:kokubunji-tsubasa"));
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), vec![8, 4, 4, 4, 12]);
        assert!(parts[2].starts_with('8'), "version 8: {id}");
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'), "variant: {id}");
    }

    #[test]
    fn kana_becomes_katakana() {
        assert_eq!(katakana("しゃかいふくしほうじん　つばさ"), "シャカイフクシホウジン　ツバサ");
        assert_eq!(katakana("サニースポット"), "サニースポット");
    }
}
