//! The HSDS 3 tables of the package — each one's resource name, file and the subset of
//! HSDS's fields the site can fill — and `datapackage.json`, which describes them.

/// A column: name, Table Schema type, format.
pub type Field = (&'static str, &'static str, Option<&'static str>);

/// One table of the package: its HSDS resource name and file, and its columns.
pub struct Table {
    pub name: &'static str,
    pub path: &'static str,
    pub fields: &'static [Field],
}

/// Every record's own id.
const ID: Field = ("id", "string", Some("uuid"));

/// A column holding another record's id.
const fn link(name: &'static str) -> Field {
    (name, "string", Some("uuid"))
}

const fn text(name: &'static str) -> Field {
    (name, "string", None)
}

const fn number(name: &'static str) -> Field {
    (name, "number", None)
}

pub const TABLES: &[Table] = &[
    Table { name: "organization", path: "organizations.csv", fields: &[ID, text("name"), text("description")] },
    Table {
        name: "service",
        path: "services.csv",
        fields: &[
            ID,
            link("organization_id"),
            text("name"),
            text("description"),
            ("url", "string", Some("uri")),
            text("status"),
        ],
    },
    Table {
        name: "location",
        path: "locations.csv",
        fields: &[
            ID,
            text("location_type"),
            link("organization_id"),
            text("name"),
            text("description"),
            number("latitude"),
            number("longitude"),
            text("external_identifier"),
            text("external_identifier_type"),
        ],
    },
    Table {
        name: "service_at_location",
        path: "service_at_location.csv",
        fields: &[ID, link("service_id"), link("location_id")],
    },
    Table {
        name: "phone",
        path: "phones.csv",
        fields: &[ID, link("service_id"), text("number"), text("type"), text("description")],
    },
    Table { name: "schedule", path: "schedules.csv", fields: &[ID, link("service_id"), text("description")] },
    Table { name: "taxonomy", path: "taxonomies.csv", fields: &[ID, text("name"), text("description")] },
    Table {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        fields: &[ID, text("code"), text("name"), text("description"), link("taxonomy_id"), text("language")],
    },
    Table {
        name: "attribute",
        path: "attributes.csv",
        fields: &[ID, link("link_id"), link("taxonomy_term_id"), text("link_type"), text("link_entity")],
    },
];

/// `datapackage.json`: a Tabular Data Package whose resources are HSDS 3's, with the fields
/// the site writes (names, types and formats as HSDS's own `datapackage.json` gives them).
pub(super) fn datapackage() -> Vec<u8> {
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
