//! Builds the finder's data at build time: the area index (every municipality and region)
//! and one facility shard per prefecture, so that a family's phone only ever downloads its
//! own prefecture.

use std::collections::BTreeMap;

use super::normalize::fold;
use super::query::{AreaEntry, FinderRow};
use crate::load::Content;
use crate::model::{Facility, Role};

/// `(file name under data/<build>/search/, JSON)` for the area index and every shard.
pub fn search_files(c: &Content) -> Vec<(String, String)> {
    let mut files = Vec::new();
    files.push(("areas.json".to_string(), serde_json::to_string(&area_index(c)).unwrap_or_default()));
    for (pref, rows) in shards(c) {
        files.push((format!("pref-{pref}.json"), serde_json::to_string(&rows).unwrap_or_default()));
    }
    files
}

pub fn area_index(c: &Content) -> Vec<AreaEntry> {
    c.areas
        .values()
        .map(|a| AreaEntry {
            id: a.id.clone(),
            name: a.name.clone(),
            prefecture: a.prefecture.clone(),
            key: fold(&format!("{}{}{}", a.name, a.kana, a.prefecture)),
            parent: a.parent.clone(),
            members: a.members.clone(),
            lat: round(a.lat),
            lng: round(a.lng),
        })
        .collect()
}

/// Facilities by the 2-digit prefecture code of their municipality, each shard sorted by
/// municipality and then by reading.
pub fn shards(c: &Content) -> BTreeMap<String, Vec<FinderRow>> {
    let mut out: BTreeMap<String, Vec<(String, FinderRow)>> = BTreeMap::new();
    for f in &c.facilities {
        let Some(pref) = f.area.get(..2).filter(|p| p.bytes().all(|b| b.is_ascii_digit())) else {
            // A facility of a region: file it under each member's prefecture.
            if let Some(region) = c.areas.get(&f.area) {
                let mut prefs: Vec<&str> = region.members.iter().filter_map(|m| m.get(..2)).collect();
                prefs.dedup();
                for p in prefs {
                    out.entry(p.to_string()).or_default().push((sort_key(f), row(f, c)));
                }
            }
            continue;
        };
        out.entry(pref.to_string()).or_default().push((sort_key(f), row(f, c)));
    }
    out.into_iter()
        .map(|(p, mut rows)| {
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            (p, rows.into_iter().map(|(_, r)| r).collect())
        })
        .collect()
}

fn sort_key(f: &Facility) -> String {
    format!("{}{}", f.area, fold(f.kana.as_deref().unwrap_or(&f.name)))
}

pub fn row(f: &Facility, c: &Content) -> FinderRow {
    let area = c.areas.get(&f.area);
    let role_index = |r: Role| Role::ALL.iter().position(|x| *x == r).unwrap_or(0);
    FinderRow {
        id: f.id.clone(),
        name: f.name.clone(),
        area: f.area.clone(),
        lat: round(f.lat.or(area.map(|a| a.lat)).unwrap_or_default()),
        lng: round(f.lng.or(area.map(|a| a.lng)).unwrap_or_default()),
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
        key: fold(&format!(
            "{} {} {} {}",
            f.name,
            f.kana.as_deref().unwrap_or(""),
            f.operator.as_deref().unwrap_or(""),
            f.address.as_deref().unwrap_or("")
        )),
    }
}

/// Five decimals: about a metre, plenty for a pin.
fn round(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}
