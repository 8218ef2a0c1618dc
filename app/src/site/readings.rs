//! The pages every reading has (issue #22): the home page, 「緊急のとき」, the finder and its
//! widget, each guide with a
//! version (`content/guides/<slug>.<reading>.md`), the self-check where
//! `content/screening/index.<reading>.md` exists, the emergency widget, the 好事例集's
//! comparison (its texts quoted as published) and the embed-code generator, rendered with the reading's
//! catalogue under its prefix (`/en/`, `/easy/`). Every other page exists in standard
//! Japanese only; links to it from a reading's page say so.
//!
//! Place names follow the reading: English pages romanise them (with the name as written
//! beside), やさしい日本語 pages give their reading as ふりがな. Facts and sources are the
//! same in every reading.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::render::render_fragment;
use crate::data::*;
use crate::features;
use crate::i18n::{Lang, Messages};
use crate::load::Content;
use crate::markdown::ruby::{parse_ruby, plain_text, ruby_html};
use crate::markup::html::esc;
use crate::model::{Area, Guide, Source};
use crate::routes::Route;

/// The catalogue of `lang`, knowing which pages each reading has.
pub fn messages(c: &Content, lang: Lang) -> Messages {
    let m = c.messages.get(&lang).cloned().unwrap_or_else(|| Messages::new(lang, BTreeMap::new()));
    m.with_pages(Arc::new(reading_paths(c)))
}

/// For each reading but the standard one, the paths (before its prefix) it has a page for.
fn reading_paths(c: &Content) -> BTreeMap<Lang, BTreeSet<String>> {
    Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::Ja)
        .map(|lang| {
            let mut paths: BTreeSet<String> = [
                Route::Home.path(),
                Route::Emergency.path(),
                Route::Search.path(),
                Route::Catalogue.path(),
                Route::Embed.path(),
                Route::About.path(),
                Route::OpenData.path(),
                Route::Widget(Widget::Emergency).path(),
                Route::Widget(Widget::Finder).path(),
            ]
            .into();
            paths.extend(c.areas.keys().map(|id| Route::Area(id).path()));
            paths.extend(c.facilities.iter().map(|f| Route::Facility(&f.id).path()));
            paths.extend(c.guide_versions.iter().filter(|g| g.lang == lang).map(|g| Route::Guide(&g.slug).path()));
            if c.screening_versions.contains_key(&lang) {
                paths.extend([Route::Screening.path(), Route::Widget(Widget::Screening).path()]);
            }
            (lang, paths)
        })
        .collect()
}

/// The home page, 「緊急のとき」 and the guides in the reading of `shell.messages`, with
/// their paths (prefixed for a reading other than the standard one).
pub fn reading_pages(c: &Content, shell: &Shell) -> Vec<(String, PageData)> {
    let m = &shell.messages;
    let lang = m.lang;
    let prefixed = |path: String| format!("/{}{}", lang.prefix(), path.trim_start_matches('/'));
    let page =
        |title: String, description: String, html: String| PageData::Static(StaticPage { title, description, html });
    let guides = guides_in(c, lang);
    let links: Vec<GuideLink> = guides
        .iter()
        .map(|g| GuideLink { slug: g.slug.clone(), title: markup(&g.title), description: markup(&g.description) })
        .collect();
    let content_areas: Vec<&Area> = c.areas.values().filter(|a| a.has_content()).collect();
    let mut pages = Vec::new();

    let home = HomeData {
        guides: links.clone(),
        areas: content_areas.iter().map(|a| area_link(c, a, lang)).collect(),
        prefectures: super::pages::prefectures(c),
    };
    pages.push((
        prefixed(Route::Home.path()),
        page(
            m.plain("home.page_title"),
            m.plain("home.description"),
            render_fragment(shell, || features::home::home(home)),
        ),
    ));
    let emergency = EmergencyData {
        areas: content_areas.iter().map(|a| area_link(c, a, lang)).collect(),
        prefectures: prefecture_areas(c, lang),
    };
    pages.push((
        prefixed(Route::Emergency.path()),
        page(
            m.plain("emergency.title"),
            m.plain("emergency.description"),
            render_fragment(shell, || features::emergency::page::emergency(emergency)),
        ),
    ));
    for g in guides.iter().filter(|g| g.lang == lang) {
        let data = GuideData {
            guide: Guide {
                title: markup(&g.title),
                description: markup(&g.description),
                body_html: links_in_reading(&g.body_html, &shell.base, m),
                ..(*g).clone()
            },
            guides: links.clone(),
            sources: g
                .sources
                .iter()
                .filter_map(|id| c.sources.iter().find(|s| &s.id == id))
                .cloned()
                .collect::<Vec<Source>>(),
        };
        let html = render_fragment(shell, || features::guide::page::guide(data));
        pages.push((prefixed(Route::Guide(&g.slug).path()), page(plain(&g.title), plain(&g.description), html)));
    }
    if lang != Lang::Ja {
        pages.push((prefixed(Route::Catalogue.path()), PageData::Catalogue(super::pages::catalogue_data(c, shell))));
        pages.push(super::pages::generator_page(c, shell));
        pages.push(super::pages::about_page(c, shell));
        pages.push(super::pages::opendata_page(shell));
        pages.extend(super::pages::screening_pages(c, m));
        pages.extend(super::pages::finder_pages(c, shell));
        pages.extend(area_pages(c, shell));
        pages.extend(facility_pages(c, shell));
    }
    pages
}

/// Every facility's page in the reading (`features::facility::page::facility`), with the
/// area named as the reading names it. On all cores, in the content's order, like the
/// standard pages.
fn facility_pages(c: &Content, shell: &Shell) -> Vec<(String, PageData)> {
    let m = &shell.messages;
    let titles = super::page_data::facility_titles(c, m);
    let today = crate::import::today();
    let page = |(f, title): (&crate::model::Facility, &String)| {
        let path = m.page_path(&Route::Facility(&f.id).path());
        let area = c.areas.get(&f.area).map(|a| area_link(c, a, m.lang)).unwrap_or_default();
        let description = super::page_data::facility_description(f, &area, m);
        let data = FacilityData {
            facility: f.clone(),
            area,
            sources: f.sources.iter().filter_map(|id| c.sources.iter().find(|s| &s.id == id)).cloned().collect(),
            corrections: Corrections {
                page_url: format!("{}{}", c.site.origin, join_base(&c.site.base_path, &path)),
                checked: super::fact_age::of_facility(f, &c.sources, &today, m),
                ..Default::default()
            },
        };
        let html = render_fragment(shell, || features::facility::page::facility(data));
        (path, PageData::Static(StaticPage { title: title.clone(), description, html }))
    };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let size = c.facilities.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = c
            .facilities
            .chunks(size)
            .zip(titles.chunks(size))
            .map(|(part, titles)| s.spawn(move || part.iter().zip(titles).map(page).collect::<Vec<_>>()))
            .collect();
        parts.into_iter().flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Every area's page in the reading, from the standard page's template and data
/// (`site::page_data::area_data`).
fn area_pages(c: &Content, shell: &Shell) -> Vec<(String, PageData)> {
    let m = &shell.messages;
    let by_area = super::opendata::AreaFacilities::new(c);
    let today = crate::import::today();
    c.areas
        .values()
        .map(|a| {
            let data = super::page_data::area_data(c, a, &by_area, m, &today);
            let link = &data.link;
            // Romanised names can meet (江差町 and 枝幸町 are both Esashi Town): the name as
            // written goes along.
            let name = link.local.as_ref().map_or_else(|| link.name.clone(), |l| format!("{} ({l})", link.name));
            let named = |key: &str| m.plain(key).replace("{area}", &name).replace("{prefecture}", &link.prefecture);
            let (title, description) = (named("area.title"), named("area.description"));
            let path = m.page_path(&Route::Area(&a.id).path());
            let html = render_fragment(shell, || features::area::page::area(data));
            (path, PageData::Static(StaticPage { title, description, html }))
        })
        .collect()
}

/// `html` with its links to pages that have a version in the reading pointing at that
/// version (`/guides/functions/` → `/en/guides/functions/`, with a fragment too); links to
/// other pages stay. One pass over the `href`s (the readings have a page per facility).
pub(super) fn links_in_reading(html: &str, base: &str, m: &Messages) -> String {
    if m.lang == Lang::Ja {
        return html.to_string();
    }
    const HREF: &str = "href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(HREF) {
        let start = at + HREF.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let url = &rest[..end];
        let (path, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
        match path.strip_prefix(base.trim_end_matches('/')) {
            Some(page) if page.starts_with('/') && m.has_page(page) => {
                out.push_str(&join_base(base, &m.page_path(page)));
                out.push_str(fragment);
            }
            _ => out.push_str(url),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every guide in menu order, in `lang` where it has a version, else the standard one.
fn guides_in(c: &Content, lang: Lang) -> Vec<&Guide> {
    c.guides.iter().map(|g| c.guide_versions.iter().find(|v| v.lang == lang && v.slug == g.slug).unwrap_or(g)).collect()
}

/// Every municipality by prefecture (in the order of their codes), in `lang`: the finder's
/// start page and 「緊急のとき」 list them.
pub fn prefecture_areas(c: &Content, lang: Lang) -> Vec<PrefectureAreas> {
    let mut by_pref: BTreeMap<&str, Vec<AreaLink>> = BTreeMap::new();
    for a in c.areas.values() {
        by_pref.entry(&a.prefecture).or_default().push(area_link(c, a, lang));
    }
    super::pages::prefectures(c)
        .into_iter()
        .map(|p| PrefectureAreas {
            areas: by_pref.remove(p.as_str()).unwrap_or_default(),
            prefecture: prefecture_name(c, &p, lang),
        })
        .collect()
}

/// A link to `a` as a page in `lang` names it.
pub fn area_link(c: &Content, a: &Area, lang: Lang) -> AreaLink {
    let link = AreaLink::of(a);
    match lang {
        Lang::Ja => link,
        Lang::Easy => AreaLink { reading: (!a.kana.is_empty()).then(|| a.kana.clone()), ..link },
        Lang::En => AreaLink {
            name: a.name_en.clone(),
            prefecture: prefecture_name(c, &a.prefecture, lang),
            local: Some(a.name.clone()),
            ..link
        },
    }
}

/// A prefecture as a page in `lang` names it (romanised in English: 「Tokyo」).
pub(super) fn prefecture_name(c: &Content, prefecture: &str, lang: Lang) -> String {
    match lang {
        Lang::En => c.prefectures_en.get(prefecture).cloned().unwrap_or_else(|| prefecture.to_string()),
        _ => prefecture.to_string(),
    }
}

/// A content text (a title) as markup: escaped, with ふりがな as `<ruby>` (the loader has
/// checked the notation).
pub fn markup(text: &str) -> String {
    parse_ruby(text).map_or_else(|_| esc(text), |s| ruby_html(&s))
}

/// A content text without its readings, for `<title>` and descriptions.
pub fn plain(text: &str) -> String {
    parse_ruby(text).map_or_else(|_| text.to_string(), |s| plain_text(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_pages_with_a_version_go_to_it() {
        let pages = BTreeMap::from([(Lang::En, BTreeSet::from(["/".to_string(), "/guides/faq/".to_string()]))]);
        let en = crate::i18n::catalogue(Lang::En).with_pages(Arc::new(pages));
        let html = r#"<a href="/sub/guides/faq/#q1">a</a> <a href="/sub/guides/faq/?x">b</a> <a href="/sub/">c</a> <a href="/sub/search/">d</a> <a href="https://x.jp/guides/faq/">e</a>"#;
        assert_eq!(
            links_in_reading(html, "/sub/", &en),
            r#"<a href="/sub/en/guides/faq/#q1">a</a> <a href="/sub/guides/faq/?x">b</a> <a href="/sub/en/">c</a> <a href="/sub/search/">d</a> <a href="https://x.jp/guides/faq/">e</a>"#
        );
        assert_eq!(links_in_reading(html, "/sub/", &crate::i18n::catalogue(Lang::Ja)), html);
    }
}
