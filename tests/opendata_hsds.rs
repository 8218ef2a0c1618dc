//! Open data in the forms others already read (issue #19), checked on the real content:
//! `facilities-standard.csv` has the 自治体標準オープンデータセット 介護サービス事業所一覧
//! columns and carries each facility's facts, and the HSDS 3 package under `hsds/` validates
//! against Open Referral's published JSON schemas (`tests/fixtures/hsds/`, see SOURCE.md
//! there) with its ids, links and taxonomy terms complete.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kyoten_navi::load::Content;
use kyoten_navi::site::hsds::TABLES;
use kyoten_navi::site::opendata::opendata_files;
use serde_json::{Map, Value};

struct Built {
    content: Content,
    files: BTreeMap<String, Vec<u8>>,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let content = common::real_content();
        let files = opendata_files(&content).into_iter().collect();
        Built { content, files }
    })
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hsds")
}

fn json_file(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A CSV file as (header, rows), BOM dropped.
fn table(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = built().files.get(name).unwrap_or_else(|| panic!("{name} is not written"));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().expect("header").iter().map(String::from).collect();
    let rows = r.records().map(|x| x.expect("row").iter().map(String::from).collect()).collect();
    (header, rows)
}

/// A cell as the facts were before the CSV's formula guard (`'` before `=+-@…`).
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) => rest,
        _ => cell,
    }
}

/// The column names of the 介護サービス事業所一覧, as issue #19 lists them.
const STANDARD: [&str; 22] = [
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "名称",
    "名称_カナ",
    "実施サービス",
    "住所",
    "方書",
    "緯度",
    "経度",
    "電話番号",
    "内線番号",
    "FAX番号",
    "法人番号",
    "法人の名称",
    "事業所番号",
    "利用可能曜日",
    "利用可能曜日特記事項",
    "定員",
    "URL",
    "備考",
];

#[test]
fn the_standard_csv_has_the_standard_columns_and_every_facilitys_facts() {
    let c = &built().content;
    let (header, rows) = table("facilities-standard.csv");
    assert_eq!(header, STANDARD);
    assert_eq!(rows.len(), c.facilities.len());
    let col = |name: &str| STANDARD.iter().position(|h| *h == name).expect("column");
    for (i, (row, f)) in rows.iter().zip(&c.facilities).enumerate() {
        assert_eq!(row[col("NO")], (i + 1).to_string());
        assert_eq!(unguarded(&row[col("名称")]), f.name, "{}", f.id);
        assert_eq!(row[col("電話番号")], f.phone.clone().unwrap_or_default(), "{}", f.id);
        assert_eq!(row[col("FAX番号")], f.fax.clone().unwrap_or_default(), "{}", f.id);
        assert_eq!(row[col("事業所番号")], f.wamnet.clone().unwrap_or_default(), "{}", f.id);
        assert_eq!(row[col("住所")], f.address.clone().unwrap_or_default(), "{}", f.id);
        assert_eq!(row[col("定員")], f.capacity.map(|n| n.to_string()).unwrap_or_default(), "{}", f.id);
        assert_eq!(unguarded(&row[col("利用可能曜日特記事項")]), f.hours.clone().unwrap_or_default(), "{}", f.id);
        // Positions only where they are the facility's own, never the municipal hall's.
        assert_eq!(row[col("緯度")].is_empty(), !f.exact_position || f.lat.is_none(), "{}", f.id);
        for unknown in ["方書", "内線番号", "法人番号", "利用可能曜日"] {
            assert!(row[col(unknown)].is_empty(), "{}: {unknown} is not a fact the site has", f.id);
        }
        for service in f.services.iter() {
            assert!(row[col("実施サービス")].split(';').any(|s| s == service.label()), "{}", f.id);
        }
        assert!(row[col("備考")].ends_with(&format!("拠点ナビの施設ID：{}", f.id)));
    }
    let tsubasa = rows.iter().find(|r| r[col("名称")] == "地域活動支援センターつばさ").expect("つばさ");
    assert_eq!(tsubasa[col("都道府県コード又は市区町村コード")], "132144");
    assert_eq!(tsubasa[col("電話番号")], "042-321-1136");
}

/// Fetches `$ref`s such as `phone.json` from the vendored schema folder, never the network.
struct Vendored;

impl jsonschema::Retrieve for Vendored {
    fn retrieve(&self, uri: &jsonschema::Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default().to_string();
        let path = fixtures().join("schema").join(&name);
        Ok(serde_json::from_str(&std::fs::read_to_string(&path)?)?)
    }
}

/// One CSV row as the JSON object HSDS's schema describes: empty cells left out, numbers
/// as numbers.
fn row_object(header: &[String], row: &[String], types: &BTreeMap<String, String>) -> Value {
    let mut o = Map::new();
    for (k, v) in header.iter().zip(row) {
        if v.is_empty() {
            continue;
        }
        let value = match types.get(k).map(String::as_str) {
            Some("number") => {
                serde_json::Number::from_f64(v.parse().expect("a number")).map(Value::Number).unwrap_or(Value::Null)
            }
            _ => Value::String(v.clone()),
        };
        o.insert(k.clone(), value);
    }
    Value::Object(o)
}

#[test]
fn every_hsds_row_validates_against_the_published_schema() {
    let mut ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(String, String, &str)> = Vec::new();
    for t in TABLES {
        let schema = json_file(&fixtures().join("schema").join(format!("{}.json", t.name)));
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .with_retriever(Vendored)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{}: {e}", t.name));
        let types: BTreeMap<String, String> = schema["properties"]
            .as_object()
            .expect("properties")
            .iter()
            .map(|(k, v)| (k.clone(), v["type"].as_str().unwrap_or_default().to_string()))
            .collect();
        let (header, rows) = table(&format!("hsds/{}", t.path));
        assert_eq!(header, t.fields.iter().map(|(n, _, _)| n.to_string()).collect::<Vec<_>>());
        assert!(!rows.is_empty(), "{} has no rows", t.path);
        let required: Vec<&str> = ["required", "tabular_required"]
            .iter()
            .flat_map(|k| schema[*k].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        let mut errors = Vec::new();
        for row in &rows {
            let object = row_object(&header, row, &types);
            for r in &required {
                if object.get(*r).is_none() {
                    errors.push(format!("{}: {object}: no {r}", t.path));
                }
            }
            errors.extend(validator.iter_errors(&object).take(3).map(|e| format!("{}: {object}: {e}", t.path)));
            if errors.len() > 20 {
                break;
            }
            let id = object["id"].as_str().unwrap_or_default().to_string();
            assert!(ids.entry(t.name).or_default().insert(id.clone()), "{}: id {id} twice", t.path);
            for (k, v) in object.as_object().into_iter().flatten() {
                let target = match k.as_str() {
                    "organization_id" => "organization",
                    "service_id" | "link_id" => "service",
                    "location_id" => "location",
                    "taxonomy_id" => "taxonomy",
                    "taxonomy_term_id" => "taxonomy_term",
                    _ => continue,
                };
                links.push((t.path.to_string(), v.as_str().unwrap_or_default().to_string(), target));
            }
        }
        assert!(errors.is_empty(), "{} rows do not validate:\n{}", t.path, errors.join("\n"));
    }
    for (file, id, target) in links {
        assert!(ids.get(target).is_some_and(|s| s.contains(&id)), "{file}: {id} is no {target}");
    }
}

#[test]
fn the_data_package_declares_hsds_resources_with_hsds_field_types() {
    let ours: Value =
        serde_json::from_slice(built().files.get("hsds/datapackage.json").expect("datapackage.json")).expect("json");
    let hsds = json_file(&fixtures().join("datapackage.json"));
    assert_eq!(ours["profile"], "tabular-data-package");
    let resources = ours["resources"].as_array().expect("resources");
    assert_eq!(resources.len(), TABLES.len());
    for r in resources {
        let name = r["name"].as_str().expect("name");
        let theirs = hsds["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .find(|x| x["name"] == name)
            .unwrap_or_else(|| panic!("{name} is no HSDS resource"));
        assert_eq!(r["path"], theirs["path"], "{name}");
        assert!(built().files.contains_key(&format!("hsds/{}", r["path"].as_str().unwrap_or_default())));
        for field in r["schema"]["fields"].as_array().expect("fields") {
            let f = theirs["schema"]["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .find(|x| x["name"] == field["name"])
                .unwrap_or_else(|| panic!("{name}.{} is no HSDS field", field["name"]));
            assert_eq!(field["type"], f["type"], "{name}.{}", field["name"]);
            assert_eq!(field.get("format"), f.get("format"), "{name}.{}", field["name"]);
        }
    }
    for table in ["organization", "service", "location", "service_at_location", "phone", "schedule"] {
        assert!(resources.iter().any(|r| r["name"] == table), "{table}");
    }
}

/// The five functions and the disability types are taxonomy terms, and every facility's
/// functions, disabilities, phones and hours reach its services: recounted from the content.
#[test]
fn functions_disabilities_phones_and_hours_reach_every_service() {
    let c = &built().content;
    let (_, terms) = table("hsds/taxonomy_terms.csv");
    let codes: BTreeSet<&str> = terms.iter().map(|t| t[1].as_str()).collect();
    for code in [
        "consultation",
        "emergency",
        "experience",
        "expertise",
        "network",
        "physical",
        "intellectual",
        "mental",
        "medical_care",
        "behavioral",
    ] {
        assert!(codes.contains(code), "{code}");
    }
    assert_eq!(terms.len(), 5 + 9);
    let (_, services) = table("hsds/services.csv");
    let (_, attributes) = table("hsds/attributes.csv");
    let (_, phones) = table("hsds/phones.csv");
    let (_, schedules) = table("hsds/schedules.csv");
    let services_of = |f: &kyoten_navi::model::Facility| if f.services.is_empty() { 1 } else { f.services.len() };
    assert_eq!(services.len(), c.facilities.iter().map(services_of).sum::<usize>());
    let tagged: usize = c.facilities.iter().map(|f| services_of(f) * (f.functions.len() + f.disabilities.len())).sum();
    assert_eq!(attributes.len(), tagged);
    let numbers: BTreeSet<&str> = phones.iter().map(|p| p[2].as_str()).collect();
    let hours: BTreeSet<&str> = schedules.iter().map(|s| unguarded(&s[2])).collect();
    for f in &c.facilities {
        for r in &f.records {
            if let Some(p) = &r.phone {
                assert!(numbers.contains(p.as_str()), "{}: {p} (row {}:{})", f.id, r.source, r.line);
            }
            if let Some(h) = &r.hours {
                assert!(hours.contains(h.as_str()), "{}: {h} (row {}:{})", f.id, r.source, r.line);
            }
        }
        if f.records.is_empty() {
            if let Some(p) = &f.phone {
                assert!(numbers.contains(p.as_str()), "{}: {p}", f.id);
            }
        }
    }
}
