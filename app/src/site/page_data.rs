//! The data of area and facility pages, for every reading: what an area page lists and
//! draws ([`area_data`]), where a page's correction goes ([`corrections`]), and facility
//! pages' titles and descriptions.

use std::collections::BTreeMap;

use crate::data::*;
use crate::i18n::{fill, Lang, Messages};
use crate::load::Content;
use crate::model::Area;
use crate::routes::Route;

/// An area page's data in the reading of `m` (`features::area::page::area`): the area's own
/// facilities, its wards' (a designated city) and its members' (a region), the same list as
/// its open-data CSV; its reports, 好事例集 practices, sources, map and first contacts; names
/// as the reading writes them. The staff's worklist is for the standard page.
pub(super) fn area_data(
    c: &Content,
    a: &Area,
    by_area: &super::opendata::AreaFacilities,
    m: &Messages,
    today: &str,
) -> AreaData {
    let path = m.page_path(&Route::Area(&a.id).path());
    let file = if a.has_content() || !a.sources.is_empty() {
        format!("content/areas/{}.md", a.id)
    } else {
        "content/areas/".to_string()
    };
    let reports: Vec<_> = c.reports.iter().filter(|r| r.area == a.id).cloned().collect();
    let listed = by_area.of(a);
    let mut source_ids = a.sources.clone();
    source_ids.extend(reports.iter().map(|r| r.source.clone()));
    source_ids.extend(listed.iter().filter(|f| !f.kyoten).flat_map(|f| f.sources.iter().cloned()));
    let mut seen = std::collections::BTreeSet::new();
    source_ids.retain(|id| seen.insert(id.clone()));
    let link = |id: &String| c.areas.get(id).map(|a| super::readings::area_link(c, a, m.lang));
    let area_of = |id: &str| link(&id.to_string()).unwrap_or_default();
    AreaData {
        area: a.clone(),
        link: super::readings::area_link(c, a, m.lang),
        practices: c.practices.iter().filter(|p| p.entries.contains(&a.id)).cloned().collect(),
        facilities: listed.iter().map(|f| FacilitySummary::of(f, &area_of(&f.area))).collect(),
        reports,
        members: a.members.iter().filter_map(link).collect(),
        regions: a.regions.iter().filter_map(link).collect(),
        sources: source_ids.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id).cloned()).collect(),
        corrections: Corrections {
            checked: super::fact_age::of_area(a, today, m),
            ..corrections(c, m, &path, &file, Some(a))
        },
        map: area_map(c, a, &listed),
        calls: super::first_contacts::first_contacts(c, by_area, a, m),
        worklist: if m.lang == Lang::Ja {
            super::fact_age::worklist(&listed, &c.sources, today, m)
        } else {
            Vec::new()
        },
    }
}

/// Where a page's correction goes (issue #21): the site's address or edit link, or, when
/// neither is set, the area's contact; and what the form is prefilled with.
pub(super) fn corrections(c: &Content, m: &Messages, path: &str, file: &str, area: Option<&Area>) -> Corrections {
    let email = c.site.corrections_email.clone();
    let edit_url = c.site.edit_url.as_ref().map(|u| u.replace("{path}", file));
    let unset = email.is_none() && edit_url.is_none();
    Corrections {
        instead: area.filter(|_| unset).and_then(|a| super::first_contacts::corrections_contact(c, a, m)),
        area_page: area.map(|a| Route::Area(&a.id).path()).unwrap_or_default(),
        area_name: area.map(|a| a.name.clone()).unwrap_or_default(),
        email,
        edit_url,
        page_url: format!("{}{}", c.site.origin, join_base(&c.site.base_path, path)),
        wamnet: None,
        columns: Vec::new(),
        fixed: Vec::new(),
        checked: None,
    }
}

/// Every facility page's title in the reading of `m`, in the content's order. Titles say
/// which facility and where (「ひまわり（北海道池田町）」): 638 pages shared a title when they
/// gave only the name (issue #19). Names that still repeat in one municipality add the
/// role, then the address; two WAM NET records can share name, address and service under two
/// 事業所番号 (8 pairs in the March 2025 files, e.g. 滝乃川学園れすぱいとセンター短期入所):
/// those add the number.
pub(super) fn facility_titles(c: &Content, m: &Messages) -> Vec<String> {
    let place = |area: &str| match c.areas.get(area) {
        Some(a) => {
            let link = super::readings::area_link(c, a, m.lang);
            if a.prefecture.is_empty() || a.name.starts_with(&a.prefecture) {
                link.name
            } else {
                fill(&m.plain("screening.area_name"), &[("prefecture", &link.prefecture), ("area", &link.name)])
            }
        }
        None => area.to_string(),
    };
    let (title, more, number) =
        (m.plain("facility.title"), m.plain("facility.title_more"), m.plain("facility.title_number"));
    let candidates: Vec<[String; 4]> = c
        .facilities
        .iter()
        .map(|f| {
            let (name, place, role) = (f.name.as_str(), place(&f.area), m.plain(f.role.key()));
            let with =
                |place: &str, more_text: &str| fill(&more, &[("name", name), ("place", place), ("more", more_text)]);
            [
                fill(&title, &[("name", name), ("place", &place)]),
                with(&place, &role),
                match &f.address {
                    Some(a) => with(a, &role),
                    None => with(&place, &f.id),
                },
                match &f.wamnet {
                    Some(n) => with(&place, &fill(&number, &[("role", &role), ("number", n)])),
                    None => with(&place, &f.id),
                },
            ]
        })
        .collect();
    unique_titles(candidates)
}

/// For each page its first candidate title that no other page has at the same level, else
/// its last.
fn unique_titles(candidates: Vec<[String; 4]>) -> Vec<String> {
    let mut counts: [BTreeMap<&str, usize>; 3] = Default::default();
    for c in &candidates {
        for (level, count) in counts.iter_mut().enumerate() {
            *count.entry(c[level].as_str()).or_default() += 1;
        }
    }
    let pick: Vec<usize> = candidates
        .iter()
        .map(|c| (0..3).find(|&level| counts[level].get(c[level].as_str()).copied().unwrap_or(0) < 2).unwrap_or(3))
        .collect();
    candidates.into_iter().zip(pick).map(|(mut c, level)| std::mem::take(&mut c[level])).collect()
}

/// 「ひまわり（国分寺市）の短期入所。掲載情報と出典です。」 in the reading of `m`, the area as
/// `area` names it.
pub(super) fn facility_description(f: &crate::model::Facility, area: &AreaLink, m: &Messages) -> String {
    fill(&m.plain("facility.description"), &[("name", &f.name), ("area", &area.name), ("role", &m.plain(f.role.key()))])
}

/// The small map of an area page: the outlines of the area, its wards or its members, and a
/// pin per listed facility with a position. `None` when there is nothing to draw.
fn area_map(c: &Content, a: &crate::model::Area, listed: &[&crate::model::Facility]) -> Option<crate::data::AreaMap> {
    use crate::features::finder::map_data::project;
    let mut codes: Vec<&String> = std::iter::once(&a.id).chain(&a.members).collect();
    codes.extend(c.areas.values().filter(|x| x.parent.as_ref() == Some(&a.id)).map(|x| &x.id));
    let shapes: Vec<_> = codes.iter().filter_map(|id| c.outlines.get(id.get(..5)?)).collect();
    let pins: Vec<crate::data::AreaPin> = listed
        .iter()
        .filter(|f| f.exact_position)
        .filter_map(|f| {
            let (x, y) = project(f.lat?, f.lng?);
            Some(crate::data::AreaPin { x: x.round() as i32, y: y.round() as i32, kyoten: f.kyoten })
        })
        .collect();
    if shapes.is_empty() || pins.is_empty() {
        return None;
    }
    let mut b = [i32::MAX, i32::MAX, i32::MIN, i32::MIN];
    for s in &shapes {
        b = [
            b[0].min(s.bbox[0]),
            b[1].min(s.bbox[1]),
            b[2].max(s.bbox[0] + s.bbox[2]),
            b[3].max(s.bbox[1] + s.bbox[3]),
        ];
    }
    for p in &pins {
        b = [b[0].min(p.x), b[1].min(p.y), b[2].max(p.x), b[3].max(p.y)];
    }
    // A margin of a tenth (at least 20 units, about 600 m) so that pins at the edge show whole.
    let pad = ((b[2] - b[0]).max(b[3] - b[1]) / 10).max(20);
    Some(crate::data::AreaMap {
        view_box: [b[0] - pad, b[1] - pad, b[2] - b[0] + 2 * pad, b[3] - b[1] + 2 * pad],
        outlines: shapes.iter().map(|s| s.path.clone()).collect(),
        unplaced: listed.len() - pins.len(),
        pins,
    })
}
