//! Open data out: every facility and area the site publishes, as CSV (UTF-8 with BOM, so
//! Excel opens it), JSON and GeoJSON under `dist/opendata/`, plus one CSV per area that
//! lists facilities (`opendata/areas/<id>.csv`, linked from the area page). The columns are
//! listed once, in [`FACILITY_COLUMNS`], and described on the `/opendata/` page in every
//! reading (each column's meaning is `opendata.facility.<column>` in the message catalogues). The same
//! facilities in standard forms (自治体標準オープンデータセット columns, HSDS 3) come from
//! [`super::hsds`].

use std::collections::BTreeMap;

use crate::load::Content;
use crate::model::{Area, Facility};

/// (column, the catalogue key of its meaning) — the header row of `facilities.csv`, in order.
pub const FACILITY_COLUMNS: &[(&str, &str)] = &[
    ("id", "opendata.facility.id"),
    ("name", "opendata.facility.name"),
    ("kana", "opendata.facility.kana"),
    ("kind", "opendata.facility.kind"),
    ("role", "opendata.facility.role"),
    ("services", "opendata.facility.services"),
    ("functions", "opendata.facility.functions"),
    ("disabilities", "opendata.facility.disabilities"),
    ("ages", "opendata.facility.ages"),
    ("area_code", "opendata.facility.area_code"),
    ("area_name", "opendata.facility.area_name"),
    ("prefecture", "opendata.facility.prefecture"),
    ("address", "opendata.facility.address"),
    ("lat", "opendata.facility.lat"),
    ("lng", "opendata.facility.lng"),
    ("exact_position", "opendata.facility.exact_position"),
    ("phone", "opendata.facility.phone"),
    ("fax", "opendata.facility.fax"),
    ("hours", "opendata.facility.hours"),
    ("open_24h", "opendata.facility.open_24h"),
    ("emergency_beds", "opendata.facility.emergency_beds"),
    ("capacity", "opendata.facility.capacity"),
    ("url", "opendata.facility.url"),
    ("positioned", "opendata.facility.positioned"),
    ("last_verified", "opendata.facility.last_verified"),
    ("sources", "opendata.facility.sources"),
    ("wamnet_number", "opendata.facility.wamnet_number"),
    ("operator", "opendata.facility.operator"),
    ("notes", "opendata.facility.notes"),
    ("phone_source", "opendata.facility.phone_source"),
    ("other_phones", "opendata.facility.other_phones"),
    ("source_rows", "opendata.facility.source_rows"),
];

/// Columns of `facilities.csv` that the builder writes from numbers (positions in Japan and
/// counts are never negative, flags are 0/1): written as they are, so a spreadsheet still
/// reads them as numbers. Every other column is text and is neutralised ([`csv_cell`]).
pub const NUMBER_COLUMNS: &[&str] = &["lat", "lng", "exact_position", "open_24h", "emergency_beds", "capacity"];

/// A text cell as a spreadsheet may open it safely: a cell beginning with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (or their full-width forms `＝＋－＠`, which Japanese Excel
/// also reads as the start of a formula) gets a leading `'`, as OWASP recommends against CSV
/// injection — Excel then shows the text instead of running it (`=HYPERLINK(…)`,
/// `+OneLife相談支援事業所` and `@REVE` are real WAM NET names). Only the CSV files do this;
/// JSON and GeoJSON carry the exact text.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A cell as the bytes the CSV writer takes, without copying a borrowed one.
fn bytes(cell: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, [u8]> {
    match cell {
        std::borrow::Cow::Borrowed(s) => s.as_bytes().into(),
        std::borrow::Cow::Owned(s) => s.into_bytes().into(),
    }
}

/// The facilities an area's page lists: its own, its wards' (a designated city) and its
/// members' (a region), in content order. The page and its CSV slice use this one list.
/// Indexed once per build: a scan of every facility for every area took minutes at
/// national scale (issue #7).
pub struct AreaFacilities<'a> {
    facilities: &'a [Facility],
    by_area: BTreeMap<&'a str, Vec<usize>>,
    wards: BTreeMap<&'a str, Vec<&'a str>>,
}

impl<'a> AreaFacilities<'a> {
    pub fn new(c: &'a Content) -> Self {
        let mut by_area: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, f) in c.facilities.iter().enumerate() {
            by_area.entry(f.area.as_str()).or_default().push(i);
        }
        let mut wards: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for a in c.areas.values() {
            if let Some(city) = &a.parent {
                wards.entry(city.as_str()).or_default().push(a.id.as_str());
            }
        }
        AreaFacilities { facilities: &c.facilities, by_area, wards }
    }

    /// The facilities filed under exactly this area id.
    pub fn own(&self, id: &str) -> impl Iterator<Item = &'a Facility> + '_ {
        self.by_area.get(id).into_iter().flatten().map(|&i| &self.facilities[i])
    }

    pub fn of(&self, a: &Area) -> Vec<&'a Facility> {
        self.indices(a).into_iter().map(|i| &self.facilities[i]).collect()
    }

    /// [`AreaFacilities::of`] as positions in `Content::facilities`.
    pub fn indices(&self, a: &Area) -> Vec<usize> {
        let mut at: Vec<usize> = std::iter::once(a.id.as_str())
            .chain(a.members.iter().map(String::as_str))
            .chain(self.wards.get(a.id.as_str()).into_iter().flatten().copied())
            .flat_map(|id| self.by_area.get(id).into_iter().flatten().copied())
            .collect();
        at.sort_unstable();
        at.dedup();
        at
    }
}

/// Where an area's CSV slice is published (only areas that list facilities have one).
pub fn area_csv_path(area_id: &str) -> String {
    format!("/opendata/areas/{area_id}.csv")
}

/// A CSV (UTF-8 with BOM) of these rows under the facility header.
fn facilities_csv<'r>(rows: impl IntoIterator<Item = &'r Vec<String>>) -> Vec<u8> {
    let mut csv = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut csv);
        let _ = w.write_record(FACILITY_COLUMNS.iter().map(|(k, _)| *k));
        let number: Vec<bool> = FACILITY_COLUMNS.iter().map(|(k, _)| NUMBER_COLUMNS.contains(k)).collect();
        for r in rows {
            let _ = w.write_record(
                r.iter()
                    .zip(&number)
                    .map(|(cell, &n)| if n { cell.as_str().into() } else { csv_cell(cell) })
                    .map(bytes),
            );
        }
        let _ = w.flush();
    }
    csv
}

/// `(file name, bytes)` for `dist/opendata/`.
pub fn opendata_files(c: &Content) -> Vec<(String, Vec<u8>)> {
    let rows: Vec<Vec<String>> = c.facilities.iter().map(|f| facility_row(f, c)).collect();
    let csv = facilities_csv(&rows);
    // Each row as a JSON object, written straight from the cells (no `Value` per cell: at
    // 50,000 facilities that took seconds, issue #7), keys in the order `Value` used.
    let mut order: Vec<usize> = (0..FACILITY_COLUMNS.len()).collect();
    order.sort_by_key(|&i| FACILITY_COLUMNS[i].0);
    let objects: Vec<RowObject> = rows.iter().map(|cells| RowObject { cells, order: &order }).collect();
    let features: Vec<Feature> = c
        .facilities
        .iter()
        .zip(&objects)
        .filter_map(|(f, properties)| {
            Some(Feature {
                geometry: Point { coordinates: [f.lng?, f.lat?], kind: "Point" },
                properties,
                kind: "Feature",
            })
        })
        .collect();
    let mut areas_csv = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut areas_csv);
        let _ = w.write_record([
            "id",
            "name",
            "kana",
            "prefecture",
            "development_type",
            "members",
            "regions",
            "practice_number",
            "lat",
            "lng",
            "website",
        ]);
        for a in c.areas.values() {
            // Text cells neutralised; practice_number, lat and lng are written from numbers.
            let text = |s: &str| csv_cell(s).into_owned();
            let _ = w.write_record([
                text(&a.id),
                text(&a.name),
                text(&a.kana),
                text(&a.prefecture),
                text(a.development_type.map(|t| t.label()).unwrap_or_default()),
                text(&a.members.join(" ")),
                text(&a.regions.join(" ")),
                a.practice.as_ref().map(|p| p.number.to_string()).unwrap_or_default(),
                a.lat.to_string(),
                a.lng.to_string(),
                text(a.website.as_deref().unwrap_or_default()),
            ]);
        }
        let _ = w.flush();
    }
    let credit = "出典：各ページに記載の自治体資料、障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成、code4fukui/localgovjp（CC0）";
    let mut slices = Vec::new();
    let by_area = AreaFacilities::new(c);
    for a in c.areas.values() {
        let listed = by_area.indices(a);
        if !listed.is_empty() {
            slices.push((
                area_csv_path(&a.id).trim_start_matches("/opendata/").to_string(),
                facilities_csv(listed.iter().map(|&i| &rows[i])),
            ));
        }
    }
    let mut files = vec![
        ("facilities.csv".into(), csv),
        (
            "facilities.json".into(),
            serde_json::to_vec(&Facilities { credit, facilities: &objects }).unwrap_or_default(),
        ),
        (
            "facilities.geojson".into(),
            serde_json::to_vec(&FeatureCollection { credit, features: &features, kind: "FeatureCollection" })
                .unwrap_or_default(),
        ),
        ("areas.csv".into(), areas_csv),
        ("facilities-standard.csv".into(), super::hsds::standard_csv(c)),
    ];
    files.extend(super::hsds::hsds_files(c));
    files.extend(slices);
    files
}

/// One facility's cells as a JSON object, keys in `order` (alphabetical, as a
/// `serde_json::Value` object writes them).
struct RowObject<'a> {
    cells: &'a [String],
    order: &'a [usize],
}

impl serde::Serialize for RowObject<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.order.iter().map(|&i| (FACILITY_COLUMNS[i].0, &self.cells[i])))
    }
}

/// `facilities.json`. Structs rather than `json!`, which would turn every row into a
/// `Value` tree first; fields in alphabetical order, as a `Value` object writes them.
#[derive(serde::Serialize)]
struct Facilities<'a> {
    credit: &'a str,
    facilities: &'a [RowObject<'a>],
}

/// `facilities.geojson`.
#[derive(serde::Serialize)]
struct FeatureCollection<'a> {
    credit: &'a str,
    features: &'a [Feature<'a>],
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A GeoJSON feature; fields in alphabetical order, as `json!` wrote them.
#[derive(serde::Serialize)]
struct Feature<'a> {
    geometry: Point,
    properties: &'a RowObject<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(serde::Serialize)]
struct Point {
    coordinates: [f64; 2],
    #[serde(rename = "type")]
    kind: &'static str,
}

fn facility_row(f: &Facility, c: &Content) -> Vec<String> {
    let area = c.areas.get(&f.area);
    let join = |v: Vec<&str>| v.join(" ");
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    vec![
        f.id.clone(),
        f.name.clone(),
        opt(&f.kana),
        if f.kyoten { "拠点".into() } else { "障害福祉サービス事業所".into() },
        f.role.label().into(),
        join(f.services.iter().map(|r| r.label()).collect()),
        join(f.functions.iter().map(|x| x.id()).collect()),
        join(f.disabilities.iter().map(|x| x.id()).collect()),
        join(f.ages.iter().map(|x| x.id()).collect()),
        f.area.clone(),
        area.map(|a| a.name.clone()).unwrap_or_default(),
        area.map(|a| a.prefecture.clone()).unwrap_or_default(),
        opt(&f.address),
        f.lat.map(|x| x.to_string()).unwrap_or_default(),
        f.lng.map(|x| x.to_string()).unwrap_or_default(),
        (f.exact_position as u8).to_string(),
        opt(&f.phone),
        opt(&f.fax),
        opt(&f.hours),
        f.open_24h.map(|b| (b as u8).to_string()).unwrap_or_default(),
        f.emergency_beds.map(|n| n.to_string()).unwrap_or_default(),
        f.capacity.map(|n| n.to_string()).unwrap_or_default(),
        opt(&f.url),
        opt(&f.positioned),
        f.last_verified.clone(),
        f.sources
            .iter()
            .map(|id| match c.sources.iter().find(|s| &s.id == id) {
                Some(s) => format!("{id}：{}（{}）", s.title, s.year),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join(" / "),
        opt(&f.wamnet),
        opt(&f.operator),
        plain_text(&f.body_html),
        {
            let mut raw: Vec<&str> = Vec::new();
            for r in &f.records {
                if !r.phone_source.is_empty() && !raw.contains(&r.phone_source.as_str()) {
                    raw.push(&r.phone_source);
                }
            }
            raw.join(" ／ ")
        },
        f.other_phones().join(" ／ "),
        f.records
            .iter()
            .map(|r| format!("{}:{} {}", r.source, r.line, r.service.label()))
            .collect::<Vec<_>>()
            .join(" / "),
    ]
}

/// The page body as text for a CSV cell: paragraphs and list items on their own lines,
/// tags dropped, the entities the Markdown renderer writes decoded.
fn plain_text(html: &str) -> String {
    let spaced = html.replace("</p>", "</p>\n").replace("</li>", "</li>\n").replace("<br", "\n<br");
    let mut text = String::new();
    let mut in_tag = false;
    for ch in spaced.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_in_csv_only() {
        for (cell, want) in [
            ("+OneLife相談支援事業所", "'+OneLife相談支援事業所"),
            ("@REVE", "'@REVE"),
            ("=HYPERLINK(\"https://evil.example/\",\"詳細\")", "'=HYPERLINK(\"https://evil.example/\",\"詳細\")"),
            ("-1+2", "'-1+2"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("＝1+1", "'＝1+1"),
            ("相談支援センター=A", "相談支援センター=A"),
            ("042-123-4567", "042-123-4567"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(cell), want, "{cell:?}");
        }
        for n in NUMBER_COLUMNS {
            assert!(FACILITY_COLUMNS.iter().any(|(k, _)| k == n), "{n} is a column");
        }
        let mut row: Vec<String> = FACILITY_COLUMNS.iter().map(|_| String::new()).collect();
        row[1] = "=HYPERLINK(\"https://evil.example/\")".into();
        row[13] = "35.7".into();
        let text = String::from_utf8(facilities_csv([&row])).expect("utf-8");
        let line = text.lines().nth(1).expect("row");
        assert!(line.starts_with(",\"'=HYPERLINK(\"\"https://evil.example/\"\")\","), "{line}");
        assert!(line.contains(",35.7,"), "numbers stay numbers: {line}");
    }

    #[test]
    fn bodies_become_plain_text() {
        assert_eq!(
            plain_text("<p>一行目\n二行目 &amp; <a href=\"/x/\">リンク</a></p>\n<ul>\n<li>A</li>\n<li>B</li>\n</ul>\n"),
            "一行目\n二行目 & リンク\nA\nB"
        );
        assert_eq!(plain_text(""), "");
    }
}
