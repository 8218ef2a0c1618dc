//! The rows of the HSDS package (`opendata/hsds/`): two taxonomies (the five functions and
//! the disability types) with their terms; one organization per operator (or per facility
//! whose operator no source names); per facility one location and, per service it is
//! registered for, a service with its phones, schedules and the attributes that link it to
//! the terms. Ids are [`uuid`]s of stable keys, so every build writes the same ids.

use std::collections::BTreeMap;

use super::tables::{datapackage, TABLES};
use super::{position, services, uuid, write_csv};
use crate::load::Content;
use crate::model::{DisabilityType, Facility, Function};

/// One taxonomy of the package and how its terms are described and linked.
struct Taxonomy {
    /// The key its ids are made from.
    key: &'static str,
    name: &'static str,
    description: &'static str,
    /// The words before a term's label in its description.
    term_kind: &'static str,
    /// An attribute's `link_type` for its terms.
    link_type: &'static str,
}

impl Taxonomy {
    fn id(&self) -> String {
        uuid(self.key)
    }

    fn term(&self, code: &str) -> String {
        uuid(&format!("{}:{code}", self.key))
    }
}

const FUNCTIONS: Taxonomy = Taxonomy {
    key: "kyoten-navi:functions",
    name: "地域生活支援拠点等の5つの機能",
    description: "国が示す地域生活支援拠点等の5つの機能（拠点ナビの機能ID）。施設が担うと資料が書いている機能です。",
    term_kind: "地域生活支援拠点等の機能",
    link_type: "function",
};

const DISABILITIES: Taxonomy = Taxonomy {
    key: "kyoten-navi:disabilities",
    name: "障害の種類",
    description: "拠点ナビの障害の種類ID。資料が対象と書いている場合だけ施設に付けています。",
    term_kind: "対象となる障害",
    link_type: "disability",
};

/// The rows of every table, by the table's HSDS name.
struct Rows(BTreeMap<&'static str, Vec<Vec<String>>>);

impl Rows {
    fn push(&mut self, table: &'static str, row: Vec<String>) {
        self.0.entry(table).or_default().push(row);
    }
}

/// `(file name under opendata/, bytes)`: the package's CSV files (UTF-8, no BOM, as Table
/// Schema readers expect) and `datapackage.json`.
pub fn hsds_files(c: &Content) -> Vec<(String, Vec<u8>)> {
    let mut rows = Rows(TABLES.iter().map(|t| (t.name, Vec::new())).collect());
    taxonomies(&mut rows);
    let organizations = organizations(c, &mut rows);
    for f in &c.facilities {
        facility(f, &organizations, &mut rows);
    }
    let mut files: Vec<(String, Vec<u8>)> = TABLES
        .iter()
        .map(|table| {
            let header: Vec<&str> = table.fields.iter().map(|(n, _, _)| *n).collect();
            let numbers: Vec<&str> =
                table.fields.iter().filter(|(_, ty, _)| *ty == "number").map(|(n, _, _)| *n).collect();
            let rows = rows.0.get(table.name).map(Vec::as_slice).unwrap_or_default();
            (format!("hsds/{}", table.path), write_csv(&header, &numbers, rows, false))
        })
        .collect();
    files.push(("hsds/datapackage.json".into(), datapackage()));
    files
}

/// The two taxonomies and their terms.
fn taxonomies(rows: &mut Rows) {
    let functions = Function::ALL.map(|f| (f.id(), f.label()));
    let disabilities = DisabilityType::ALL.map(|d| (d.id(), d.label()));
    for (taxonomy, terms) in [(&FUNCTIONS, &functions[..]), (&DISABILITIES, &disabilities[..])] {
        rows.push("taxonomy", vec![taxonomy.id(), taxonomy.name.into(), taxonomy.description.into()]);
        for (code, label) in terms {
            rows.push(
                "taxonomy_term",
                vec![
                    taxonomy.term(code),
                    code.to_string(),
                    label.to_string(),
                    format!("{}「{label}」", taxonomy.term_kind),
                    taxonomy.id(),
                    "ja".into(),
                ],
            );
        }
    }
}

/// One organization per operator name, with how many facilities it runs; the operator
/// names' organization ids.
fn organizations<'c>(c: &'c Content, rows: &mut Rows) -> BTreeMap<&'c str, String> {
    let mut operators: BTreeMap<&str, usize> = BTreeMap::new();
    for o in c.facilities.iter().filter_map(operator) {
        *operators.entry(o).or_default() += 1;
    }
    operators
        .into_iter()
        .map(|(name, n)| {
            let id = uuid(&format!("organization:{name}"));
            rows.push(
                "organization",
                vec![
                    id.clone(),
                    name.to_string(),
                    format!("拠点ナビに掲載している{n}件の施設の運営法人（WAM NET・自治体の資料の記載による）。"),
                ],
            );
            (name, id)
        })
        .collect()
}

fn operator(f: &Facility) -> Option<&str> {
    f.operator.as_deref().filter(|o| !o.trim().is_empty())
}

/// A facility's location, and per service its service, phones, schedules and attributes.
fn facility(f: &Facility, organizations: &BTreeMap<&str, String>, rows: &mut Rows) {
    // A facility whose operator no source names is listed as its own organization, and
    // says so.
    let organization = match operator(f).and_then(|o| organizations.get(o)) {
        Some(id) => id.clone(),
        None => {
            let id = uuid(&format!("organization:facility:{}", f.id));
            rows.push(
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
    rows.push(
        "location",
        vec![
            location.clone(),
            "physical".into(),
            organization.clone(),
            f.name.clone(),
            f.address.as_ref().map(|a| format!("住所：{a}")).unwrap_or_default(),
            position(f, f.lat),
            position(f, f.lng),
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
    let kind = if f.kyoten {
        "拠点（自治体の資料で拠点に位置付け）"
    } else {
        "障害福祉サービス事業所（WAM NET）"
    };
    for role in services(f) {
        let service = uuid(&format!("service:{}:{}", f.id, role.id()));
        rows.push(
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
        rows.push(
            "service_at_location",
            vec![uuid(&format!("service_at_location:{}:{}", f.id, role.id())), service.clone(), location.clone()],
        );
        // Each row of the open data for this service keeps its own phone and hours; a
        // content file's facts apply to its one service.
        let records: Vec<_> = f.records.iter().filter(|r| r.service == role).collect();
        let mut phones: Vec<String> = records.iter().filter_map(|r| r.phone.clone()).collect();
        let mut hours: Vec<String> = records.iter().filter_map(|r| r.hours.clone()).collect();
        if records.is_empty() {
            phones.extend(f.phone.clone());
            hours.extend(f.hours.clone());
        }
        phones.dedup();
        hours.dedup();
        for p in phones {
            rows.push(
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
            rows.push("schedule", vec![uuid(&format!("schedule:{}:{}:{h}", f.id, role.id())), service.clone(), h]);
        }
        let terms = f
            .functions
            .iter()
            .map(|x| (FUNCTIONS.term(x.id()), FUNCTIONS.link_type))
            .chain(f.disabilities.iter().map(|d| (DISABILITIES.term(d.id()), DISABILITIES.link_type)));
        for (term, link_type) in terms {
            rows.push(
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
