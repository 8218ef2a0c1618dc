//! Every route of the site with its page data, computed from the loaded content.

use std::collections::BTreeMap;

use super::page_data::{area_data, corrections, facility_description, facility_titles};
use super::readings::{messages, prefecture_areas, reading_pages};
use super::render::render_fragment;
use crate::data::*;
use crate::features;
use crate::i18n::{Lang, Messages};
use crate::load::Content;
use crate::model::{Area, Screening, Source};
use crate::routes::Route;

/// `(path, data)` for every pre-rendered route, in a stable order. `404.html` is separate.
pub fn all_pages(c: &Content) -> Vec<(String, PageData)> {
    let shell = Shell {
        base: c.site.base_path.clone(),
        build: String::new(),
        name: c.site.name.clone(),
        messages: messages(c, Lang::Ja),
    };
    let page =
        |title: String, description: String, html: String| PageData::Static(StaticPage { title, description, html });
    let sources_of = |ids: &[String]| -> Vec<Source> {
        ids.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id).cloned()).collect()
    };
    let corrections = |path: &str, file: &str, area: Option<&Area>| corrections(c, &shell.messages, path, file, area);
    // Facts older than a year are said to be so, counted from the day of the build.
    let today = crate::import::today();
    let wamnet_system = c.sources.iter().find(|s| s.id == WAMNET_SYSTEM_SOURCE).cloned();
    let columns: Vec<String> = crate::import::sheet::SHEET_COLUMNS.iter().map(|(c, _)| c.to_string()).collect();

    // The pages every reading has: home, 緊急のとき, the guides (`readings`).
    let mut pages = reading_pages(c, &shell);
    pages.extend(finder_pages(c, &shell));
    let titles = facility_titles(c, &shell.messages);
    // One page per facility, on all cores (50,000 at national scale, issue #7), in order.
    let facility_page = |(f, title): (&crate::model::Facility, &String)| {
        let path = Route::Facility(&f.id).path();
        let area = c.areas.get(&f.area).map(AreaLink::of).unwrap_or_default();
        let description = facility_description(f, &area, &shell.messages);
        let data = FacilityData {
            facility: f.clone(),
            area,
            sources: sources_of(&f.sources),
            corrections: Corrections {
                wamnet: wamnet_system.clone().filter(|_| !f.records.is_empty()),
                columns: columns.clone(),
                fixed: [("ID", Some(&f.id)), ("事業所番号", f.wamnet.as_ref())]
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v?.clone())))
                    .collect(),
                checked: super::fact_age::of_facility(f, &c.sources, &today, &shell.messages),
                ..corrections(&path, &format!("content/facilities/{}.md", f.id), c.areas.get(&f.area))
            },
        };
        (
            path.clone(),
            page(title.clone(), description, render_fragment(&shell, || features::facility::page::facility(data))),
        )
    };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let size = c.facilities.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = c
            .facilities
            .chunks(size)
            .zip(titles.chunks(size))
            .map(|(part, titles)| {
                let facility_page = &facility_page;
                s.spawn(move || part.iter().zip(titles).map(facility_page).collect::<Vec<_>>())
            })
            .collect();
        for part in parts {
            pages.extend(part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    let by_area = super::opendata::AreaFacilities::new(c);
    for a in c.areas.values() {
        // 「池田町（北海道）」: four 池田町 shared one title (issue #19).
        let title = if a.prefecture.is_empty() || a.name.starts_with(&a.prefecture) {
            a.name.clone()
        } else {
            format!("{}（{}）", a.name, a.prefecture)
        };
        let description = format!("{}の地域生活支援拠点等：相談先、5つの機能の整備状況、事前登録の方法。", a.name);
        let data = area_data(c, a, &by_area, &shell.messages, &today);
        pages.push((
            Route::Area(&a.id).path(),
            page(title, description, render_fragment(&shell, || features::area::page::area(data))),
        ));
    }
    pages.push((Route::Catalogue.path(), PageData::Catalogue(catalogue_data(c, &shell))));
    pages.extend(screening_pages(c, &shell.messages));
    pages.push(generator_page(c, &shell));
    pages.push(opendata_page(&shell));
    pages.push(about_page(c, &shell));
    pages
}

/// `/opendata/` in the reading of `shell` (issue #22), with its path in the reading.
pub(super) fn opendata_page(shell: &Shell) -> (String, PageData) {
    let html = render_fragment(shell, || {
        features::opendata::opendata(super::opendata::FACILITY_COLUMNS, super::hsds::STANDARD_COLUMNS)
    });
    page_in_reading(shell, Route::OpenData, ["opendata.title", "opendata.description"], html)
}

/// `/about/` in the reading of `shell` (issue #22), with its path in the reading.
pub(super) fn about_page(c: &Content, shell: &Shell) -> (String, PageData) {
    let about = AboutData { sources: c.sources.clone() };
    page_in_reading(
        shell,
        Route::About,
        ["about.title", "about.description"],
        render_fragment(shell, || features::about::about(about)),
    )
}

/// The 好事例集 page in the reading of `shell`: its body rendered here (the browser only
/// filters and sorts it), the entries' data for the filters and the words they write.
pub(super) fn catalogue_data(c: &Content, shell: &Shell) -> CatalogueData {
    let m = &shell.messages;
    let mut areas: Vec<&Area> = c.areas.values().filter(|a| a.practice.is_some()).collect();
    areas.sort_by_key(|a| a.practice.as_ref().map(|p| p.number));
    let links: BTreeMap<String, AreaLink> =
        areas.iter().map(|a| (a.id.clone(), super::readings::area_link(c, a, m.lang))).collect();
    let source = c.sources.iter().find(|s| s.id == c.catalogue.source).cloned();
    let url = format!("{}{}", c.site.origin, join_base(&c.site.base_path, &m.page_path(&Route::Catalogue.path())));
    let verified = areas.iter().filter_map(|a| a.last_verified.clone()).max().unwrap_or_default();
    // Outside Japanese, the keyword finds an entry by its name in the reading too.
    let also = |a: &Area| -> Vec<String> {
        match links.get(&a.id) {
            Some(l) if m.lang == Lang::En => {
                let kind = a.development_type.map(|k| m.plain(k.key()));
                [l.name.clone(), l.prefecture.clone()].into_iter().chain(kind).collect()
            }
            _ => Vec::new(),
        }
    };
    CatalogueData {
        title: m.plain("catalogue.title"),
        description: m.plain("catalogue.description"),
        html: render_fragment(shell, || {
            features::catalogue::page::catalogue_page(
                &c.catalogue,
                &areas,
                &links,
                &c.practices,
                source,
                &url,
                &verified,
            )
        }),
        entries: areas.iter().filter_map(|a| features::catalogue::page::catalogue_entry(a, &also(a))).collect(),
        url,
        text: features::catalogue::filter::island_texts(m),
    }
}

/// The embed-code generator (`/embed/`) in the reading of `shell`, with its path.
pub(super) fn generator_page(c: &Content, shell: &Shell) -> (String, PageData) {
    let html = render_fragment(shell, || features::embed::generator(generator_data(c, shell.messages.lang)));
    page_in_reading(shell, Route::Embed, ["generator.title", "generator.description"], html)
}

/// A page rendered at build time in the reading of `shell`: its path in the reading, and its
/// title and description from the catalogue keys `text`.
fn page_in_reading(shell: &Shell, route: Route, text: [&str; 2], html: String) -> (String, PageData) {
    let m = &shell.messages;
    let (title, description) = (m.plain(text[0]), m.plain(text[1]));
    (m.page_path(&route.path()), PageData::Static(StaticPage { title, description, html }))
}

/// The generator's default choice — 国分寺市's finder when the content has it, else the first
/// area with content, its widget in the page's reading — and the public address the build
/// writes into its snippets. Places are named as `lang` names them, as the area index the
/// island loads in that reading does (`areas.en.json` in English).
fn generator_data(c: &Content, lang: Lang) -> features::embed::generator::GeneratorData {
    use features::embed::generator::{AreaOption, Choice, GeneratorData};
    let first = c
        .areas
        .get("132144")
        .or_else(|| c.areas.values().find(|a| a.has_content() && !a.is_region()))
        .or_else(|| c.areas.values().next());
    let (id, name, prefecture) =
        first.map(|a| (a.id.clone(), a.name.clone(), a.prefecture.clone())).unwrap_or_default();
    let mut areas: Vec<&Area> = c.areas.values().filter(|a| a.prefecture == prefecture).collect();
    areas.sort_by(|a, b| (a.is_region(), &a.id).cmp(&(b.is_region(), &b.id)));
    let m = &c.messages.get(&lang).cloned().unwrap_or_default();
    let region = m.plain("generator.island.region");
    let option = |a: &&Area| {
        let link = super::readings::area_link(c, a, lang);
        // As `AreaEntry::shown_name` names it in the island.
        let shown = link.local.as_ref().map_or_else(|| link.name.clone(), |local| format!("{} ({local})", link.name));
        AreaOption {
            id: a.id.clone(),
            text: if a.is_region() { format!("{shown}{region}") } else { shown },
            name: link.local.clone(),
        }
    };
    GeneratorData {
        portal: format!("{}{}", c.site.origin, join_base(&c.site.base_path, &Route::Home.path())),
        prefectures: prefectures(c).iter().map(|p| super::readings::prefecture_name(c, p, lang)).collect(),
        prefecture: super::readings::prefecture_name(c, &prefecture, lang),
        areas: areas.iter().map(option).collect(),
        choice: Choice { area: id, area_name: name, lang, ..Default::default() },
    }
}

/// Prefectures in the reference list's order (北海道 … 沖縄県).
pub fn prefectures(c: &Content) -> Vec<String> {
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

/// The most 拠点 bodies the finder's start page lists by name (see [`SearchStart`]).
pub const START_LIST_MAX: usize = 50;

/// The finder (`/search/`) and its widget in the reading of `shell` (issue #22), with the
/// page's start: the 拠点 bodies and the area directory, named as the reading names places.
pub(super) fn finder_pages(c: &Content, shell: &Shell) -> Vec<(String, PageData)> {
    let m = &shell.messages;
    let prefixed = |path: String| format!("/{}{}", m.lang.prefix(), path.trim_start_matches('/'));
    let kyoten: Vec<&crate::model::Facility> = c.facilities.iter().filter(|f| f.kyoten).collect();
    let area_of = |id: &str| c.areas.get(id).map(|a| super::readings::area_link(c, a, m.lang)).unwrap_or_default();
    let start = SearchStart {
        // A national operator's thousands of 拠点 bodies would make this page megabytes: past
        // a few dozen, the page gives their number and the way to one area's list instead.
        facilities: if kyoten.len() <= START_LIST_MAX {
            kyoten.iter().map(|f| FacilitySummary::of(f, &area_of(&f.area))).collect()
        } else {
            Vec::new()
        },
        kyoten: kyoten.len(),
        prefectures: prefecture_areas(c, m.lang),
    };
    let reading = features::finder::state::FinderReading::of(m);
    let widget = features::finder::state::FinderReading {
        text: m.texts(&[&features::finder::state::FinderReading::SECTIONS[..], &["widget"]].concat()),
        ..reading.clone()
    };
    vec![
        (
            prefixed(Route::Search.path()),
            PageData::Search(SearchData {
                start_html: render_fragment(shell, || features::finder::page::search_start(start)),
                reading,
            }),
        ),
        (
            prefixed(Route::Widget(Widget::Finder).path()),
            PageData::Widget(WidgetData { widget: Widget::Finder, screening: None, finder: Some(widget) }),
        ),
    ]
}

/// The self-check's data: the questionnaire, every municipality for the area question and
/// the next steps that areas' content gives (contacts, 基幹相談支援センター, registration).
/// The self-check and the two widgets that read its data (issue #8), in the reading of `m`
/// (paths prefixed for a reading other than the standard one).
pub(super) fn screening_pages(c: &Content, m: &Messages) -> Vec<(String, PageData)> {
    let prefixed = |path: String| format!("/{}{}", m.lang.prefix(), path.trim_start_matches('/'));
    let data = screening_data(c, m);
    let mut pages = vec![(
        prefixed(Route::Widget(Widget::Emergency).path()),
        PageData::Widget(WidgetData {
            widget: Widget::Emergency,
            // The card shows no questions.
            screening: Some(ScreeningData { screening: Default::default(), ..data.clone() }),
            finder: None,
        }),
    )];
    // The questionnaire in a reading only where its version is written.
    if m.has_page(&Route::Screening.path()) {
        pages.push((prefixed(Route::Screening.path()), PageData::Screening(data.clone())));
        pages.push((
            prefixed(Route::Widget(Widget::Screening).path()),
            PageData::Widget(WidgetData { widget: Widget::Screening, screening: Some(data), finder: None }),
        ));
    }
    pages
}

fn screening_data(c: &Content, m: &Messages) -> ScreeningData {
    let lang = m.lang;
    let screening = c.screening_versions.get(&lang).unwrap_or(&c.screening);
    let mut municipalities: Vec<&Area> = c.areas.values().filter(|a| !a.is_region()).collect();
    municipalities.sort_by(|a, b| a.id.cmp(&b.id));
    let mut prefectures: Vec<ScreeningPrefecture> = Vec::new();
    for a in municipalities {
        let website = a.website.as_deref().unwrap_or_default();
        let link = super::readings::area_link(c, a, lang);
        // In English the name as written goes along, for the desk the memo is shown to.
        let name = match &link.local {
            Some(local) => format!("{} ({local})", link.name),
            None => link.name.clone(),
        };
        let choice = AreaChoice(a.id.clone(), name, website.strip_prefix("https://").unwrap_or(website).to_string());
        match prefectures.last_mut() {
            Some(p) if p.name == link.prefecture => p.areas.push(choice),
            _ => prefectures.push(ScreeningPrefecture { name: link.prefecture.clone(), areas: vec![choice] }),
        }
    }
    let by_area = super::opendata::AreaFacilities::new(c);
    let local = c
        .areas
        .values()
        .filter_map(|a| {
            // A designated city's content applies to its wards too (千葉市 → 千葉市中央区).
            let members = if a.is_region() {
                a.members.clone()
            } else {
                std::iter::once(a.id.clone())
                    .chain(c.areas.values().filter(|w| w.parent.as_ref() == Some(&a.id)).map(|w| w.id.clone()))
                    .collect()
            };
            (a.has_content() || a.registration.is_some()).then(|| LocalSteps {
                id: a.id.clone(),
                name: super::readings::area_link(c, a, lang).name,
                members,
                calls: super::first_contacts::first_contacts(c, &by_area, a, m),
                registration: a.registration.clone(),
            })
        })
        .collect();
    ScreeningData {
        screening: Screening {
            // Links to the guides go to their versions in the reading.
            body_html: super::readings::links_in_reading(&screening.body_html, &c.site.base_path, m),
            ..screening.clone()
        },
        prefectures,
        local,
        page_url: format!("{}{}", c.site.origin, join_base(&c.site.base_path, &m.page_path(&Route::Screening.path()))),
        text: m.texts(&["call", "screening", "memo", "widget"]),
    }
}
