//! Area files (`content/areas/`): a municipality's file (named by its code) or a region's
//! (named by a slug, with its members). Checks contacts, registration, the 好事例集 row and
//! the names; then fills in what the reference list knows (names, kana, prefecture,
//! position, website, parent city) and each municipality's regions.

use std::collections::BTreeMap;

use super::{check_date_opt, check_phone, check_url, Known};
use crate::load::diagnostic::{Diagnostic, FileReport};
use crate::load::fields::{is_kana, is_municipality_id, valid_lgcode};
use crate::load::ids::valid_path_id;
use crate::load::Located;
use crate::model::practice::parse_function_cell;
use crate::model::{Area, Function};

/// Check the area files and add them to the reference list's municipalities (`areas`).
pub fn validate_areas(
    mut areas: BTreeMap<String, Area>,
    files: Vec<Located<Area>>,
    known: &Known,
    out: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Area> {
    let mut practice_numbers: BTreeMap<u32, String> = BTreeMap::new();
    let mut area_files = Vec::new();
    for file in files {
        let Located { path, front_matter, first_line, mut value } = file;
        let mut r = FileReport::new(&path, &front_matter, first_line, out);
        let area = &mut value;
        known.check_sources(&mut r, "sources", &area.sources, false);
        check_date_opt(&mut r, "last_verified", area.last_verified.as_deref());
        for (n, c) in area.contacts.iter().enumerate() {
            let at = |key: &str| format!("contacts[{n}].{key}");
            if let Some(p) = &c.phone {
                check_phone(&mut r, &at("phone"), p);
                // No number without a source a reader can check (issue #17).
                known.check_sources(&mut r, &at("sources"), &c.sources, true);
                for (i, s) in c.sources.iter().enumerate() {
                    let Some(s) = known.source(s) else { continue };
                    if s.url.is_some() && s.read.is_none() {
                        r.error(
                            &format!("{}[{i}]", at("sources")),
                            format!("source \"{}\" is a web page: give it `read = \"YYYY-MM-DD\"` (the day it was read) in content/sources.toml", s.id),
                        );
                    }
                }
            }
            if let Some(u) = &c.url {
                check_url(&mut r, &at("url"), u);
            }
            if let Some(f) = &c.facility {
                if !known.facility_ids.contains(f) {
                    r.error(
                        &at("facility"),
                        format!("no facility \"{f}\" (expected a file content/facilities/{f}.md)"),
                    );
                }
            }
        }
        if let Some(u) = area.registration.as_ref().and_then(|reg| reg.apply_url.as_ref()) {
            check_url(&mut r, "registration.apply_url", u);
        }
        if let Some(p) = area.practice.as_mut() {
            if !(1..=25).contains(&p.number) {
                r.error("practice.number", format!("{} is outside the 好事例集's rows 1–25", p.number));
            } else if let Some(other) = practice_numbers.insert(p.number, path.clone()) {
                r.error("practice.number", format!("{} is already used by {other}", p.number));
            }
            if !p.status.is_empty() {
                r.error("practice.status", crate::load::front_matter::FILLED_IN);
            }
            if p.coordinator && p.coordinator_overview.is_some() {
                r.error(
                    "practice.coordinator_overview",
                    "is only for a row whose コーディネーター column is 「-」 (coordinator = false) while Ⅱ describes coordinators; remove it",
                );
            }
            p.status.clear();
            for f in Function::ALL {
                match parse_function_cell(f, p.cell(f)) {
                    Ok(s) => p.status.push(s),
                    Err(e) => r.error(&format!("practice.{}", f.id()), e),
                }
            }
        }
        if is_municipality_id(&area.id) {
            if !valid_lgcode(&area.id) {
                r.error(
                    "",
                    format!("file name \"{}\" is not a valid 6-digit 全国地方公共団体コード (check digit)", area.id),
                );
            } else if !areas.contains_key(&area.id) {
                r.error("", format!("code {} is not in the reference list content/geo/localgovjp-utf8.csv", area.id));
            }
            for field in ["name", "kana"] {
                let written = if field == "name" { !area.name.is_empty() } else { !area.kana.is_empty() };
                if written {
                    r.error(field, "a municipality's name and kana come from the reference list; remove this line");
                }
            }
            if !area.members.is_empty() {
                r.error("members", "only a region (a file named by a slug, e.g. higashi-iburi.md) has members");
            }
        } else {
            if let Err(e) = valid_path_id(&area.id) {
                r.error("", format!("file name {e} (a region is named by a slug, a municipality by its 6-digit code)"));
            }
            if area.name.is_empty() {
                r.error("name", "a region needs its name, e.g. name = \"東胆振圏域\"");
            }
            if area.kana.is_empty() || !area.kana.chars().all(is_kana) {
                r.error("kana", format!("\"{}\": expected the reading in hiragana or katakana", area.kana));
            }
            if area.members.is_empty() {
                r.error("members", "a region needs its member municipality codes, e.g. members = [\"012131\"]");
            }
            for (i, m) in area.members.iter().enumerate() {
                if !valid_lgcode(m) {
                    r.error(&format!("members[{i}]"), format!("\"{m}\" is not a valid 6-digit 全国地方公共団体コード"));
                } else if !areas.contains_key(m) {
                    r.error(&format!("members[{i}]"), format!("\"{m}\" is not in the reference list"));
                }
            }
        }
        area_files.push(value);
    }
    for mut area in area_files {
        if let Some(reference) = areas.get(&area.id) {
            area.name = reference.name.clone();
            area.kana = reference.kana.clone();
            area.name_en = reference.name_en.clone();
            area.prefecture = reference.prefecture.clone();
            area.lat = reference.lat;
            area.lng = reference.lng;
            area.website = reference.website.clone();
            area.parent = reference.parent.clone();
        } else {
            area.name_en = crate::load::names::english_place_name(&area.name, &area.kana);
            let members: Vec<&Area> = area.members.iter().filter_map(|m| areas.get(m)).collect();
            if let Some(first) = members.first() {
                area.prefecture = first.prefecture.clone();
                area.lat = members.iter().map(|m| m.lat).sum::<f64>() / members.len() as f64;
                area.lng = members.iter().map(|m| m.lng).sum::<f64>() / members.len() as f64;
            }
        }
        areas.insert(area.id.clone(), area);
    }
    let regions: Vec<(String, Vec<String>)> =
        areas.values().filter(|a| a.is_region()).map(|a| (a.id.clone(), a.members.clone())).collect();
    for (region, members) in regions {
        for m in members {
            if let Some(a) = areas.get_mut(&m) {
                a.regions.push(region.clone());
            }
        }
    }
    areas
}
