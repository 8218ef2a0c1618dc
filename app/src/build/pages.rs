//! Every route of the site with its page data, computed from the loaded content.

use std::collections::BTreeMap;

use crate::data::*;
use crate::load::Content;
use crate::model::{Area, Source};

/// `(path, data)` for every pre-rendered route, in a stable order. `404.html` is separate.
pub fn all_pages(c: &Content) -> Vec<(String, PageData)> {
    let guides: Vec<GuideLink> = c
        .guides
        .iter()
        .map(|g| GuideLink { slug: g.slug.clone(), title: g.title.clone(), description: g.description.clone() })
        .collect();
    let sources_of = |ids: &[String]| -> Vec<Source> {
        ids.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id).cloned()).collect()
    };
    let area_name = |id: &str| c.areas.get(id).map(|a| a.name.clone()).unwrap_or_default();
    let corrections = |path: &str, file: &str| Corrections {
        email: c.site.corrections_email.clone(),
        edit_url: c.site.edit_url.as_ref().map(|u| u.replace("{path}", file)),
        page_url: format!("{}{}", c.site.origin, join_base(&c.site.base_path, path)),
    };
    let content_areas: Vec<&Area> = c.areas.values().filter(|a| a.has_content()).collect();

    let mut pages = Vec::new();
    pages.push((
        "/".to_string(),
        PageData::Home(HomeData {
            guides: guides.clone(),
            areas: content_areas.iter().map(|a| AreaLink::of(a)).collect(),
            prefectures: prefectures(c),
        }),
    ));
    let mut by_pref: BTreeMap<String, Vec<AreaLink>> = BTreeMap::new();
    for a in c.areas.values() {
        by_pref.entry(a.prefecture.clone()).or_default().push(AreaLink::of(a));
    }
    pages.push((
        "/search/".to_string(),
        PageData::Search(SearchData {
            facilities: c.facilities.iter().map(|f| FacilitySummary::of(f, &area_name(&f.area))).collect(),
            prefectures: prefectures(c)
                .into_iter()
                .map(|p| PrefectureAreas { areas: by_pref.remove(&p).unwrap_or_default(), prefecture: p })
                .collect(),
        }),
    ));
    for f in &c.facilities {
        let path = format!("/facilities/{}/", f.id);
        let area = c.areas.get(&f.area).map(AreaLink::of).unwrap_or_default();
        pages.push((
            path.clone(),
            PageData::Facility(FacilityData {
                facility: f.clone(),
                area,
                sources: sources_of(&f.sources),
                corrections: corrections(&path, &format!("content/facilities/{}.md", f.id)),
            }),
        ));
    }
    for a in c.areas.values() {
        let path = format!("/areas/{}/", a.id);
        let file = if a.has_content() || !a.sources.is_empty() {
            format!("content/areas/{}.md", a.id)
        } else {
            "content/areas/".to_string()
        };
        let reports: Vec<_> = c.reports.iter().filter(|r| r.area == a.id).cloned().collect();
        let mut source_ids = a.sources.clone();
        source_ids.extend(reports.iter().map(|r| r.source.clone()));
        source_ids.dedup();
        let link = |id: &String| c.areas.get(id).map(AreaLink::of);
        pages.push((
            path.clone(),
            PageData::Area(AreaData {
                area: a.clone(),
                facilities: c
                    .facilities
                    .iter()
                    .filter(|f| f.area == a.id || a.members.contains(&f.area))
                    .map(|f| FacilitySummary::of(f, &area_name(&f.area)))
                    .collect(),
                reports,
                members: a.members.iter().filter_map(link).collect(),
                regions: a.regions.iter().filter_map(link).collect(),
                sources: sources_of(&source_ids),
                corrections: corrections(&path, &file),
            }),
        ));
    }
    let mut entries: Vec<Area> = c.areas.values().filter(|a| a.practice.is_some()).cloned().collect();
    entries.sort_by_key(|a| a.practice.as_ref().map(|p| p.number));
    pages.push((
        "/catalogue/".to_string(),
        PageData::Catalogue(CatalogueData {
            summary: c.catalogue.clone(),
            entries,
            practices: c.practices.clone(),
            source: c.sources.iter().find(|s| s.id == c.catalogue.source).cloned(),
        }),
    ));
    pages.push(("/screening/".to_string(), PageData::Screening(ScreeningData { guides: guides.clone() })));
    for g in &c.guides {
        pages.push((
            format!("/guides/{}/", g.slug),
            PageData::Guide(GuideData { guide: g.clone(), guides: guides.clone(), sources: sources_of(&g.sources) }),
        ));
    }
    pages.push(("/embed/".to_string(), PageData::Embed));
    pages.push(("/about/".to_string(), PageData::About(AboutData { sources: c.sources.clone() })));
    pages
}

/// Prefectures in the reference list's order (北海道 … 沖縄県).
fn prefectures(c: &Content) -> Vec<String> {
    let mut seen = Vec::new();
    let mut areas: Vec<&Area> = c.areas.values().filter(|a| !a.is_region()).collect();
    areas.sort_by(|a, b| a.id.cmp(&b.id));
    for a in areas {
        if !seen.contains(&a.prefecture) {
            seen.push(a.prefecture.clone());
        }
    }
    seen
}
