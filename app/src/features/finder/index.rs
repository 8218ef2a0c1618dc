//! Builds the finder's data at build time: the area index (every municipality and region,
//! with how many facilities each has) and one row file per area, so that a family's phone
//! downloads the index and the rows of the municipalities it searches — never a whole
//! prefecture, never the country (issue #7).

use std::collections::BTreeMap;

use super::areas::{AreaEntry, AreaIndex, Positions};
use super::normalize::fold;
use super::query::FinderRow;
use crate::load::Content;
use crate::model::{Facility, Role};

/// `(file name under data/<build>/search/, JSON)`: `areas.json`, `positions.json` and
/// `rows/<file>.json` for every municipality (a designated city with its wards) or region
/// with facilities.
pub fn search_files(c: &Content) -> Vec<(String, String)> {
    let rows = shards(c);
    let mut files = Vec::with_capacity(rows.len() + 2);
    let index = area_index(c, &rows);
    files.push(("areas.en.json".to_string(), serde_json::to_string(&in_english(c, index.clone())).unwrap_or_default()));
    files.push(("areas.json".to_string(), serde_json::to_string(&index).unwrap_or_default()));
    files.push(("positions.json".to_string(), serde_json::to_string(&positions(c)).unwrap_or_default()));
    // One file per 市町村: a designated city's wards in the city's file (a city search is one
    // request, and one brotli stream compresses far better than twenty), each row naming its
    // area only when it is not the file's.
    let mut by_file: BTreeMap<String, Vec<FinderRow>> = BTreeMap::new();
    for (area, rows) in rows {
        let file = c.areas.get(&area).and_then(|a| a.parent.clone()).unwrap_or(area);
        by_file.entry(file).or_default().extend(rows);
    }
    for (file, mut rows) in by_file {
        rows.iter_mut().filter(|r| r.area == file).for_each(|r| r.area.clear());
        files.push((format!("rows/{file}.json"), serde_json::to_string(&rows).unwrap_or_default()));
    }
    files
}

pub fn area_index(c: &Content, rows: &BTreeMap<String, Vec<FinderRow>>) -> AreaIndex {
    let mut prefectures = BTreeMap::new();
    for a in c.areas.values().filter(|a| !a.is_region()) {
        if let Some(code) = a.id.get(..2) {
            prefectures.entry(code.to_string()).or_insert_with(|| a.prefecture.clone());
        }
    }
    let areas = c
        .areas
        .values()
        .map(|a| AreaEntry {
            id: a.id.clone(),
            name: a.name.clone(),
            kana: a.kana.clone(),
            parent: a.parent.clone(),
            members: a.members.clone(),
            rows: rows.get(&a.id).map_or(0, |r| r.len() as u32),
            ..Default::default()
        })
        .collect();
    AreaIndex { prefectures, areas }
}

/// The index for English pages (issue #22), `areas.en.json`: each area's English name
/// beside the name as written (a search matches either), prefectures in English.
fn in_english(c: &Content, mut index: AreaIndex) -> AreaIndex {
    for a in &mut index.areas {
        a.english = c.areas.get(&a.id).map(|x| x.name_en.clone()).unwrap_or_default();
    }
    for name in index.prefectures.values_mut() {
        *name = c.prefectures_en.get(name.as_str()).cloned().unwrap_or_else(|| name.clone());
    }
    index
}

/// Municipalities' halls, for 「近くを探す」.
pub fn positions(c: &Content) -> Positions {
    c.areas
        .values()
        .filter(|a| !a.is_region())
        .map(|a| (a.id.clone(), [round(a.lat, 1e3), round(a.lng, 1e3)]))
        .collect()
}

/// Facilities by their area (a municipality code, or a region's id), each list sorted by
/// reading.
pub fn shards(c: &Content) -> BTreeMap<String, Vec<FinderRow>> {
    let mut out: BTreeMap<String, Vec<(String, FinderRow)>> = BTreeMap::new();
    for f in &c.facilities {
        out.entry(f.area.clone()).or_default().push((sort_key(f), row(f, c)));
    }
    out.into_iter()
        .map(|(area, mut rows)| {
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            (area, rows.into_iter().map(|(_, r)| r).collect())
        })
        .collect()
}

fn sort_key(f: &Facility) -> String {
    fold(f.kana.as_deref().unwrap_or(&f.name))
}

pub fn row(f: &Facility, c: &Content) -> FinderRow {
    let area = c.areas.get(&f.area);
    let role_index = |r: Role| Role::ALL.iter().position(|x| *x == r).unwrap_or(0);
    FinderRow {
        id: f.id.clone(),
        name: f.name.clone(),
        area: f.area.clone(),
        kana: f.kana.clone(),
        operator: f.operator.clone(),
        address: f.address.clone(),
        lat: round(f.lat.or(area.map(|a| a.lat)).unwrap_or_default(), 1e4),
        lng: round(f.lng.or(area.map(|a| a.lng)).unwrap_or_default(), 1e4),
        exact: f.exact_position as u8,
        phone: f.phone.clone(),
        role: role_index(f.role) as u8,
        services: f.services.iter().fold(0, |m, r| m | 1 << role_index(*r)),
        functions: f.functions.iter().fold(0, |m, x| m | 1 << *x as u8),
        disabilities: f.disabilities.iter().fold(0, |m, d| m | 1 << *d as u16),
        ages: f.ages.iter().fold(0, |m, a| m | 1 << *a as u8),
        kyoten: f.kyoten as u8,
        open_24h: match f.open_24h {
            None => 0,
            Some(true) => 1,
            Some(false) => 2,
        },
        beds: f.emergency_beds,
        key: String::new(),
        code: 0,
    }
}

/// Rounded to `1/per` degrees: four decimals (about 10 m) place a pin; a facility's own
/// page keeps the full position.
fn round(x: f64, per: f64) -> f64 {
    (x * per).round() / per
}
