//! `/catalogue/`: the 好事例集's 25 entries as a comparison that can be filtered and sorted
//! (a table from 48rem, cards below), its summary figures as charts, and its practice
//! sections by function (the comparison is `table.rs`, the practice sections `practices.rs`).
//!
//! The builder renders the whole page ([`catalogue_page`]): without JavaScript it lists all
//! 25 and its filters are a plain GET form. In the browser the page hydrates as that HTML
//! and [`enhance`] then shows, hides and reorders the pre-rendered rows and cards as the URL
//! query says ([`filter`]). Hydration therefore always sees exactly the HTML the builder
//! wrote, and no view code of this page reaches the wasm (issue #5; the wasm budget).

use std::collections::BTreeMap;

use leptos::either::Either;
use leptos::prelude::*;

use super::chart::ChartFigure;
use super::practices::practice_sections;
use super::table::{comparison, row_name};
use super::{enhance, filter};
use crate::components::page::{page_view, PageHeading};
use crate::data::{AreaLink, CatalogueData, CatalogueEntry, PageData};
use crate::i18n::{lang, messages, t, tx, Lang, Messages, Texts};
use crate::markup::html::{esc, push_ruby, with_reading};
use crate::markup::source_list::SourceList;
use crate::model::{Area, CatalogueSummary, Function, PracticeSection, Source};

#[component]
pub fn CataloguePage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Catalogue(c) => Some(catalogue(c)),
        _ => None,
    })
}

fn catalogue(data: &CatalogueData) -> AnyView {
    view! {
        <CatalogueFilters entries=data.entries.clone() url=data.url.clone() text=data.text.clone()/>
        <div class="kn-static" inner_html=data.html.clone()></div>
    }
    .into_any()
}

/// The page's one island: no markup of its own, it wires the pre-rendered comparison to the
/// URL query ([`enhance`]). `text`: the words it writes, in the page's reading
/// ([`filter::island_texts`]), so one bundle serves every reading and holds no text.
// An island in the `catalogue` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-catalogue"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-catalogue")), component, allow(dead_code))]
fn CatalogueFilters(entries: Vec<CatalogueEntry>, url: String, text: Texts) -> impl IntoView {
    enhance::enhance(entries, url, text);
}

/// A value for [`said`]: its markup (escaped, ふりがな as `<ruby>`) and its plain text.
pub(super) struct Value(String, String);

impl Value {
    /// Text as it is (data, a number).
    pub(super) fn text(s: &str) -> Value {
        Value(esc(s), s.to_string())
    }

    /// A catalogue text.
    pub(super) fn key(m: &Messages, key: &str) -> Value {
        Value(m.html(key), m.plain(key))
    }
}

/// `key`'s text with its `{name}` placeholders filled: a text node, or a `<span>` holding
/// its `<ruby>` markup (as [`t`] does).
pub(super) fn said(key: &str, values: &[(&str, Value)]) -> impl IntoView + use<> {
    said_after("", key, values)
}

/// [`said`] after `before`, written as one text.
pub(super) fn said_after(before: &str, key: &str, values: &[(&str, Value)]) -> impl IntoView + use<> {
    let m = messages();
    let (mut html, mut plain) = (format!("{}{}", esc(before), m.html(key)), format!("{before}{}", m.plain(key)));
    for (name, Value(h, p)) in values {
        let name = format!("{{{name}}}");
        html = html.replace(&name, h);
        plain = plain.replace(&name, p);
    }
    if html.contains('<') {
        Either::Left(view! { <span inner_html=html></span> })
    } else {
        Either::Right(plain)
    }
}

/// Markup (escaped, with `<ruby>`) as a view: a `<span>` holding it when it has elements,
/// else its text (so a text without ふりがな is written exactly as a literal would be).
pub(super) fn shown(html: String) -> impl IntoView + use<> {
    if html.contains('<') {
        Either::Left(view! { <span inner_html=html></span> })
    } else {
        Either::Right(unescape(&html))
    }
}

/// The text of escaped markup without elements (the inverse of `esc`).
pub(super) fn unescape(html: &str) -> String {
    html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// `lang="ja"` on an English page, for the 好事例集's own words (quoted as published).
pub(super) fn ja_attr() -> Option<&'static str> {
    (lang() == Lang::En).then_some("ja")
}

/// How the page names an area, as markup: in the link (`name`) and beside it (`sub`,
/// the prefecture). Standard Japanese: the row heading as printed, without its prefecture.
/// やさしい日本語: the same with the name's reading as ふりがな. English: the romanised
/// name; beside it the name as written and the prefecture's English name.
pub(super) struct Named {
    pub(super) name: String,
    pub(super) sub: String,
    /// For the lists of entries under a practice: the name, and in English the name as
    /// written after it.
    pub(super) short: String,
}

pub(super) fn named(a: &Area, link: &AreaLink) -> Named {
    let heading = row_name(a);
    match (link.local.as_ref(), link.reading.as_ref()) {
        (Some(local), _) => Named {
            name: esc(&link.name),
            sub: format!("<span lang=\"ja\">{}</span>・{}", esc(&heading), esc(&link.prefecture)),
            short: format!("{} (<span lang=\"ja\">{}</span>)", esc(&link.name), esc(local)),
        },
        (None, Some(reading)) => {
            // A region's heading goes on with its members: 東胆振圏域(苫小牧市・…).
            let mut name = String::new();
            match heading.strip_prefix(a.name.as_str()) {
                Some(rest) => {
                    push_ruby(&mut name, &a.name, reading);
                    name.push_str(&esc(rest));
                }
                None => name.push_str(&esc(&heading)),
            }
            Named { name, sub: esc(&link.prefecture), short: with_reading(&a.name, Some(reading)) }
        }
        (None, None) => Named { name: esc(&heading), sub: esc(&link.prefecture), short: esc(&heading) },
    }
}

/// The whole page, rendered at build time in the reading of the context's catalogue.
/// `areas`: the 25 areas with a `[practice]`, in table order; `links`: each area as the
/// reading names it (`site::readings::area_link`); `url`: the page's public address;
/// `verified`: the latest check date.
pub fn catalogue_page(
    summary: &CatalogueSummary,
    areas: &[&Area],
    links: &BTreeMap<String, AreaLink>,
    practices: &[PracticeSection],
    source: Option<Source>,
    url: &str,
    verified: &str,
) -> impl IntoView {
    let m = messages();
    let names: BTreeMap<String, Named> = areas
        .iter()
        .map(|a| (a.id.clone(), named(a, &links.get(&a.id).cloned().unwrap_or_else(|| AreaLink::of(a)))))
        .collect();
    view! {
        <article class="kn-catalogue">
            <PageHeading title=m.html("catalogue.title") lead=m.html("catalogue.lead") markup=true/>
            <nav class="kn-page-toc" aria-label=tx("catalogue.contents")>
                <ul class="kn-page-toc__list">
                    <li><a class="kn-page-toc__link" href="#kn-entries" rel="external">{t("catalogue.entries_title")}</a></li>
                    <li><a class="kn-page-toc__link" href="#kn-charts" rel="external">{t("catalogue.charts_link")}</a></li>
                    <li><a class="kn-page-toc__link" href="#kn-practices" rel="external">{t("catalogue.practices_title")}</a></li>
                </ul>
            </nav>
            {comparison(areas, links, &names, url, verified)}
            {charts(summary, areas)}
            {practice_sections(practices, summary, &names)}
            {source.map(|s| view! { <SourceList sources=vec![s]/> })}
        </article>
    }
}

/// The summary charts, with 整備類型 and 空床確保 counted again from `areas`.
fn charts(summary: &CatalogueSummary, areas: &[&Area]) -> impl IntoView {
    let total = areas.len() as u32;
    view! {
        <section class="kn-catalogue__charts" aria-labelledby="kn-charts">
            <h2 id="kn-charts">{t("catalogue.charts_title")}</h2>
            <p>{t("catalogue.charts_lead")}</p>
            <div class="kn-catalogue__chart-grid">
                {summary.charts.iter().map(|c| {
                    let recount = c.recount(areas);
                    view! { <ChartFigure chart=c.clone() total=total recount=recount/> }
                }).collect_view()}
            </div>
        </section>
    }
}

/// What the browser needs to filter and sort one area with a `[practice]`; `None` for any
/// other. `also`: words the keyword finds it by in the page's reading (English: the
/// romanised name, the prefecture and the 整備類型 in English).
pub fn catalogue_entry(a: &Area, also: &[String]) -> Option<CatalogueEntry> {
    let p = a.practice.as_ref()?;
    let (mut done, mut noted, mut beds) = (0u8, 0u8, 0u8);
    for (i, f) in Function::ALL.into_iter().enumerate() {
        let Some(s) = p.status_of(f) else { continue };
        if s.implemented {
            done |= 1 << i;
        }
        if !s.raw.trim().is_empty() {
            noted |= 1 << i;
        }
        if s.beds_inside.is_some() {
            beds |= 1;
        }
        if s.beds_outside.is_some() {
            beds |= 2;
        }
    }
    let mut text = vec![p.heading.clone(), a.name.clone(), a.kana.clone(), a.prefecture.clone()];
    text.extend(a.development_type.map(|k| k.label().to_string()));
    text.extend(p.features.iter().cloned());
    text.extend(p.overview_lead.iter().cloned());
    text.extend(p.overview.iter().cloned());
    text.extend(also.iter().cloned());
    Some(CatalogueEntry {
        id: a.id.clone(),
        number: p.number,
        kana: a.kana.clone(),
        prefecture: a.prefecture.clone(),
        kind: a.development_type,
        done,
        noted,
        beds,
        coordinator: p.coordinator,
        text: filter::fold(&text.join("\n")),
    })
}
