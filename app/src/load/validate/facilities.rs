//! Facility files (`content/facilities/`): a known area, a position in Japan (or none, and
//! then the area's, marked approximate), a phone, web address and dates in their forms, and
//! at least one source.

use super::{check_date, check_phone, check_url, Known};
use crate::load::diagnostic::{Diagnostic, FileReport};
use crate::load::fields::in_japan;
use crate::load::ids::valid_path_id;
use crate::load::Located;
use crate::model::Facility;

pub fn validate_facilities(files: Vec<Located<Facility>>, known: &Known, out: &mut Vec<Diagnostic>) -> Vec<Facility> {
    let mut facilities = Vec::new();
    for file in files {
        let Located { path, front_matter, first_line, mut value } = file;
        let mut r = FileReport::new(&path, &front_matter, first_line, out);
        let f = &mut value;
        if let Err(e) = valid_path_id(&f.id) {
            r.error("", format!("file name {e}"));
        }
        if f.name.trim().is_empty() {
            r.error("name", "is empty");
        }
        match known.areas.get(&f.area) {
            None => r.error("area", format!("no area \"{}\" (expected a municipality code from the reference list or a region file in content/areas/)", f.area)),
            Some(area) => {
                match (f.lat, f.lng) {
                    (Some(lat), Some(lng)) => {
                        if !in_japan(lat, lng) {
                            r.error("lat", format!("{lat}, {lng} is outside Japan (expected latitude 20–46, longitude 122–154)"));
                        }
                        f.exact_position = true;
                    }
                    (None, None) => {
                        f.lat = Some(area.lat);
                        f.lng = Some(area.lng);
                        f.exact_position = false;
                    }
                    (Some(_), None) => r.error("lng", "is missing; give both lat and lng, or neither"),
                    (None, Some(_)) => r.error("lat", "is missing; give both lat and lng, or neither"),
                }
            }
        }
        for (key, number) in f.numbers() {
            if let Some(p) = number {
                check_phone(&mut r, key, p);
            }
        }
        if let Some(u) = &f.url {
            check_url(&mut r, "url", u);
        }
        if let Some(p) = &f.positioned {
            check_date(&mut r, "positioned", p, true);
        }
        check_date(&mut r, "last_verified", &f.last_verified, false);
        known.check_sources(&mut r, "sources", &f.sources, true);
        facilities.push(value);
    }
    facilities
}
