//! The pages every reading has (issue #22): the home page, 「緊急のとき」, each guide with a
//! version (`content/guides/<slug>.<reading>.md`), the self-check where
//! `content/screening/index.<reading>.md` exists, the emergency widget and the 好事例集's
//! comparison (its texts quoted as published), rendered with the reading's
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
                Route::Catalogue.path(),
                Route::Widget(Widget::Emergency).path(),
            ]
            .into();
            paths.extend(c.areas.keys().map(|id| Route::Area(id).path()));
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
        pages.extend(super::pages::screening_pages(c, m));
        pages.extend(area_pages(c, shell));
    }
    pages
}

/// Every area's page in the reading: its name, 「まず連絡するところ」 and its
/// pre-registration (`features::area::page::area_in_reading`).
fn area_pages(c: &Content, shell: &Shell) -> Vec<(String, PageData)> {
    let m = &shell.messages;
    let by_area = super::opendata::AreaFacilities::new(c);
    let links = |ids: &[String]| -> Vec<AreaLink> {
        ids.iter().filter_map(|id| c.areas.get(id)).map(|a| area_link(c, a, m.lang)).collect()
    };
    c.areas
        .values()
        .map(|a| {
            let path = m.page_path(&Route::Area(&a.id).path());
            let link = area_link(c, a, m.lang);
            // Romanised names can meet (江差町 and 枝幸町 are both Esashi Town): the name as
            // written goes along.
            let name = link.local.as_ref().map_or_else(|| link.name.clone(), |l| format!("{} ({l})", link.name));
            let named = |key: &str| m.plain(key).replace("{area}", &name).replace("{prefecture}", &link.prefecture);
            let (title, description) = (named("area.title"), named("area.description"));
            let data = AreaData {
                area: a.clone(),
                members: links(&a.members),
                regions: links(&a.regions),
                calls: super::first_contacts::first_contacts(c, &by_area, a, m),
                corrections: Corrections {
                    page_url: format!("{}{}", c.site.origin, join_base(&c.site.base_path, &path)),
                    ..Default::default()
                },
                link,
                ..Default::default()
            };
            let html = render_fragment(shell, || features::area::page::area_in_reading(data));
            (path, PageData::Static(StaticPage { title, description, html }))
        })
        .collect()
}

/// `html` with its links to pages that have a version in the reading pointing at that
/// version (`/guides/functions/` → `/en/guides/functions/`); links to other pages stay.
pub(super) fn links_in_reading(html: &str, base: &str, m: &Messages) -> String {
    if m.lang == Lang::Ja {
        return html.to_string();
    }
    let mut out = html.to_string();
    for path in m.pages.get(&m.lang).into_iter().flatten() {
        let from = format!("href=\"{}\"", join_base(base, path));
        let to = format!("href=\"{}\"", join_base(base, &m.page_path(path)));
        out = out.replace(&from, &to);
        // With a fragment: `/guides/faq/#q1`.
        out = out.replace(&format!("{}#", &from[..from.len() - 1]), &format!("{}#", &to[..to.len() - 1]));
    }
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

fn prefecture_name(c: &Content, prefecture: &str, lang: Lang) -> String {
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
