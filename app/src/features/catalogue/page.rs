//! `/catalogue/`: the 好事例集's 25 entries as a comparison that can be filtered and sorted
//! (a table from 48rem, cards below), its summary figures as charts, and its practice
//! sections by function.
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
use super::{enhance, filter};
use crate::components::page::{page_view, PageHeading};
use crate::data::{AreaLink, CatalogueData, CatalogueEntry, PageData};
use crate::i18n::{lang, messages, published, t, tx, Lang, Messages, Texts};
use crate::markup::html::{esc, push_ruby};
use crate::markup::source_list::SourceList;
use crate::model::{Area, CatalogueSummary, DevelopmentType, Function, FunctionStatus, PracticeSection, Source};
use crate::routes::Route;
use filter::{Beds, Column, Filters};

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
struct Value(String, String);

impl Value {
    /// Text as it is (data, a number).
    fn text(s: &str) -> Value {
        Value(esc(s), s.to_string())
    }

    /// A catalogue text.
    fn key(m: &Messages, key: &str) -> Value {
        Value(m.html(key), m.plain(key))
    }
}

/// `key`'s text with its `{name}` placeholders filled: a text node, or a `<span>` holding
/// its `<ruby>` markup (as [`t`] does).
fn said(key: &str, values: &[(&str, Value)]) -> impl IntoView + use<> {
    said_after("", key, values)
}

/// [`said`] after `before`, written as one text.
fn said_after(before: &str, key: &str, values: &[(&str, Value)]) -> impl IntoView + use<> {
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
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// `lang="ja"` on an English page, for the 好事例集's own words (quoted as published).
fn ja_attr() -> Option<&'static str> {
    (lang() == Lang::En).then_some("ja")
}

/// How the page names an area, as markup: in the link (`name`) and beside it (`sub`,
/// the prefecture). Standard Japanese: the row heading as printed, without its prefecture.
/// やさしい日本語: the same with the name's reading as ふりがな. English: the romanised
/// name; beside it the name as written and the prefecture's English name.
struct Named {
    name: String,
    sub: String,
    /// For the lists of entries under a practice: the name, and in English the name as
    /// written after it.
    short: String,
}

fn named(a: &Area, link: &AreaLink) -> Named {
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
            let mut short = String::new();
            push_ruby(&mut short, &a.name, reading);
            Named { name, sub: esc(&link.prefecture), short }
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

/// Row heading without its trailing 「(都道府県)」: 「千葉市(千葉県)」 → 「千葉市」.
fn row_name(a: &Area) -> String {
    let heading = a.practice.as_ref().map(|p| p.heading.as_str()).unwrap_or(&a.name);
    heading.strip_suffix(&format!("({})", a.prefecture)).unwrap_or(heading).to_string()
}

/// A function cell in short, as markup: 「実施・空床 拠点内3」, or 「記載なし」 for a blank
/// one. The table's own remarks (検討中, H30年度~ …) are quoted as printed.
fn cell(m: &Messages, s: Option<&FunctionStatus>) -> String {
    let Some(s) = s.filter(|s| !s.raw.trim().is_empty()) else { return m.html("catalogue.blank") };
    let mut parts = Vec::new();
    if s.implemented {
        parts.push(m.html(if s.core { "catalogue.cell.done_core" } else { "catalogue.cell.done" }));
    }
    if let Some(n) = s.beds_inside {
        parts.push(m.html("catalogue.cell.beds_inside").replace("{n}", &n.to_string()));
    }
    if let Some(n) = s.beds_outside {
        parts.push(m.html("catalogue.cell.beds_outside").replace("{n}", &n.to_string()));
    }
    if let Some(note) = &s.note {
        parts.push(published(note));
    }
    if parts.is_empty() {
        return m.html("catalogue.cell.unmarked");
    }
    parts.join(&m.html("catalogue.cell.separator"))
}

/// The five function cells of `a`.
fn cells(m: &Messages, a: &Area) -> Vec<String> {
    let p = a.practice.as_ref();
    Function::ALL.into_iter().map(|f| cell(m, p.and_then(|p| p.status_of(f)))).collect()
}

/// The caveat beside 特徴・付加機能等 that rest on the one-row shift alone (issue #19).
fn shift_only_note() -> impl IntoView {
    view! { <p class="kn-shift-note">{t("catalogue.shift_only")}</p> }
}

/// The filter form, the count, the table and the cards, all showing the 25 in table order.
/// Ids and `data-sort` are what [`enhance`] looks for.
fn comparison(
    areas: &[&Area],
    links: &BTreeMap<String, AreaLink>,
    names: &BTreeMap<String, Named>,
    url: &str,
    verified: &str,
) -> impl IntoView {
    let m = messages();
    // The query keeps the prefecture as written; the option shows it in the reading.
    let mut prefectures: Vec<(String, String)> = Vec::new();
    for a in areas {
        if !prefectures.iter().any(|(p, _)| p == &a.prefecture) {
            let shown = links.get(&a.id).map_or_else(|| a.prefecture.clone(), |l| l.prefecture.clone());
            prefectures.push((a.prefecture.clone(), shown));
        }
    }
    let select = |name: &str, label: &str, options: Vec<(String, String)>| {
        let id = format!("kn-filter-{name}");
        view! {
            <div class="kn-catalogue-filter__field">
                <label class="kn-field__label" for=id.clone()>{t(label)}</label>
                <select class="kn-field__input kn-catalogue-filter__select" id=id name=name.to_string()>
                    {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let check = |name: &str, value: &str, label: &str| {
        let id = if name == "fn" { format!("kn-filter-fn-{value}") } else { format!("kn-filter-{name}") };
        view! {
            <label class="kn-catalogue-filter__check">
                <input class="kn-catalogue-filter__box" type="checkbox" id=id name=name.to_string() value=value.to_string()/>
                <span>{t(label)}</span>
            </label>
        }
    };
    let all = || (String::new(), m.plain("catalogue.all"));
    let header = |c: Column| {
        // The button is named by the column's full name, which starts with its visible
        // words (WCAG 2.5.3, checked by axe's `label-content-name-mismatch`). A heading with
        // ふりがな is its own name: the readings shown could not be in an `aria-label`, so
        // such a heading is the full name (`content/messages/easy.toml`, a test holds it).
        let named = (!m.html(c.short_key()).contains('<')).then(|| m.plain(c.label_key()));
        let sorted = (c == Column::Number).then_some("ascending");
        view! {
            <th scope="col" class="kn-catalogue-table__head" aria-sort=sorted data-sort=c.id()>
                <button class="kn-catalogue-table__sort" type="button" aria-label=named>
                    {t(c.short_key())}
                    <span class="kn-catalogue-table__arrow" aria-hidden="true">{if c == Column::Number { "▲" } else { "⇅" }}</span>
                </button>
            </th>
        }
    };
    let link = |a: &Area| Route::Area(&a.id).href();
    let features = |a: &Area| a.practice.as_ref().map(|p| p.features.clone()).unwrap_or_default();
    let coordinator = |a: &Area| a.practice.as_ref().is_some_and(|p| p.coordinator);
    let in_overview = |a: &Area| a.practice.as_ref().is_some_and(|p| p.coordinator_overview.is_some());
    let shift_only = |a: &Area| a.practice.as_ref().is_some_and(|p| p.features_shift_only);
    let number = |a: &Area| a.practice.as_ref().map_or(0, |p| p.number);
    let kind = |a: &Area| a.development_type.map(|k| t(k.key()));
    let name = |a: &Area| names.get(&a.id).map(|n| n.name.clone()).unwrap_or_default();
    let sub = |a: &Area| names.get(&a.id).map(|n| n.sub.clone()).unwrap_or_default();
    let rows = areas
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <td>{number(a)}</td>
                    <th scope="row"><a href=link(a) inner_html=name(a)></a><span class="kn-catalogue-table__pref" inner_html=sub(a)></span></th>
                    <td>{kind(a)}</td>
                    {cells(&m, a).into_iter().map(|c| view! { <td inner_html=c></td> }).collect_view()}
                    <td>{if coordinator(a) { "○" } else { "－" }}{in_overview(a).then(|| view! { <span class="kn-catalogue-table__note">{t("catalogue.in_overview")}</span> })}</td>
                    <td class="kn-catalogue-table__features"><ul lang=ja_attr()>{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>{shift_only(a).then(shift_only_note)}</td>
                </tr>
            }
        })
        .collect_view();
    let cards = areas
        .iter()
        .map(|a| {
            let placed = match (coordinator(a), in_overview(a)) {
                (true, _) => m.html("catalogue.coordinator_yes"),
                (false, true) => {
                    m.html("catalogue.coordinator_overview_only").replace("{note}", &m.html("catalogue.in_overview"))
                }
                (false, false) => m.html("catalogue.blank"),
            };
            let meta = m
                .html("catalogue.card_meta")
                .replace("{prefecture}", &sub(a))
                .replace("{type}", &a.development_type.map(|k| m.html(k.key())).unwrap_or_default())
                .replace("{coordinator}", &placed);
            view! {
                <li class="kn-catalogue-card">
                    <h3 class="kn-catalogue-card__title">
                        <span class="kn-catalogue-card__number">{m.plain("catalogue.card_number").replace("{n}", &number(a).to_string())}</span>
                        <a class="kn-catalogue-card__link" href=link(a) inner_html=name(a)></a>
                    </h3>
                    <p class="kn-catalogue-card__meta" inner_html=meta></p>
                    <dl class="kn-catalogue-card__functions">
                        {Function::ALL.iter().zip(cells(&m, a)).map(|(f, c)| view! {
                            <div class="kn-catalogue-card__function"><dt>{t(f.label_key())}</dt><dd inner_html=c></dd></div>
                        }).collect_view()}
                    </dl>
                    {(!features(a).is_empty()).then(|| view! {
                        <ul class="kn-catalogue-card__features" lang=ja_attr()>{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    })}
                    {shift_only(a).then(shift_only_note)}
                </li>
            }
        })
        .collect_view();
    let total = areas.len();
    let as_of = || ("as_of", Value::key(&m, "catalogue.as_of"));
    let count = Filters::default().count(&filter::island_texts(&m), total, total, "");
    view! {
        <section class="kn-catalogue__entries" aria-labelledby="kn-entries">
            <h2 id="kn-entries">{t("catalogue.entries_title")}</h2>
            <p>{said("catalogue.as_of_note", &[as_of()])}</p>
            <form class="kn-catalogue-filter" id="kn-filter" method="get" action=Route::Catalogue.href() role="search" aria-label=tx("catalogue.filter_label")>
                <div class="kn-catalogue-filter__field">
                    <label class="kn-field__label" for="kn-filter-q">{t("catalogue.keyword")}</label>
                    <input class="kn-field__input" type="search" id="kn-filter-q" name="q"/>
                </div>
                <details class="kn-catalogue-filter__more">
                    <summary class="kn-catalogue-filter__summary">{t("catalogue.more")}</summary>
                    <div class="kn-catalogue-filter__grid">
                        {select("type", "catalogue.type", std::iter::once(all()).chain(DevelopmentType::ALL.iter().map(|k| (k.id().to_string(), m.plain(k.key())))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.functions")}</legend>
                            {Function::ALL.iter().map(|f| check("fn", f.id(), f.label_key())).collect_view()}
                        </fieldset>
                        {select("beds", "catalogue.beds", Beds::ALL.iter().map(|b| (b.id().to_string(), m.plain(b.key()))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.coordinator")}</legend>
                            {check("coordinator", "1", "catalogue.coordinator_placed")}
                        </fieldset>
                        {select("pref", "screening.prefecture", std::iter::once(all()).chain(prefectures).collect())}
                        {select("sort", "catalogue.sort", Column::ALL.iter().map(|c| (c.id().to_string(), m.plain(c.order_key()))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">{t("catalogue.order")}</legend>
                            {check("order", "desc", "catalogue.reverse")}
                        </fieldset>
                    </div>
                </details>
                <div class="kn-catalogue-filter__actions">
                    <button class="kn-button kn-catalogue-filter__submit" type="submit">{t("catalogue.submit")}</button>
                    <a class="kn-catalogue-filter__clear" href=Route::Catalogue.href() data-noscroll="">{t("catalogue.clear")}</a>
                </div>
            </form>
            <p class="kn-catalogue__count" id="kn-catalogue-count" role="status" inner_html=count></p>
            <p class="kn-print-meta"><span id="kn-catalogue-url">{url.to_string()}</span>{said_after(" ／ ", "catalogue.verified", &[("date", Value::text(verified))])}</p>
            <div class="kn-table-scroll kn-catalogue__table" tabindex="0" role="region" aria-labelledby="kn-entries-caption">
                <table class="kn-catalogue-table">
                    <caption class="kn-catalogue-table__caption" id="kn-entries-caption">
                        {said("catalogue.caption", &[as_of()])}<span class="kn-catalogue-table__hint">{t("catalogue.caption_hint")}</span>
                    </caption>
                    <thead>
                        <tr id="kn-catalogue-head">
                            {header(Column::Number)}{header(Column::Name)}{header(Column::Kind)}
                            {(0..5).map(|i| header(Column::Function(i))).collect_view()}
                            {header(Column::Coordinator)}
                            <th scope="col" class="kn-catalogue-table__head">{t("catalogue.column.features")}</th>
                        </tr>
                    </thead>
                    <tbody id="kn-catalogue-rows">{rows}</tbody>
                </table>
            </div>
            <ul class="kn-catalogue__cards" id="kn-catalogue-cards" aria-labelledby="kn-entries">{cards}</ul>
            <p class="kn-catalogue__empty" id="kn-catalogue-empty" hidden="">{t("catalogue.empty")}</p>
        </section>
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

/// One group of practice sections on the page: its heading (markup), anchor and contents.
struct Group {
    id: String,
    title: String,
    practices: Vec<PracticeSection>,
    examples: Vec<(String, Vec<String>)>,
}

/// The practice sections grouped as the document orders them: 整備の検討経緯, 整備時の工夫,
/// ①–⑤ and ⑥その他 of 機能ごとの取組みの特徴, then 多機能拠点整備型, 面的整備型 and what is
/// said of both. Headings are markup in the context's reading.
fn groups(practices: &[PracticeSection], summary: &CatalogueSummary) -> Vec<(String, Vec<Group>)> {
    use crate::model::PracticePart;
    let m = messages();
    let pick =
        |keep: &dyn Fn(&PracticeSection) -> bool| practices.iter().filter(|p| keep(p)).cloned().collect::<Vec<_>>();
    let group = |id: &str, title: String, practices: Vec<PracticeSection>| Group {
        id: format!("kn-practices-{id}"),
        title,
        practices,
        examples: Vec::new(),
    };
    let mut functions: Vec<Group> = Function::ALL
        .into_iter()
        .map(|f| {
            let mut g = group(
                f.id(),
                m.html("catalogue.function_practices").replace("{function}", &m.html(f.label_key())),
                pick(&|p| p.part == PracticePart::Function && p.function == Some(f)),
            );
            g.examples = summary
                .examples
                .iter()
                .filter(|x| x.function == Some(f))
                .map(|x| (x.title.clone(), x.items.clone()))
                .collect();
            g
        })
        .collect();
    functions.push(group(
        "other",
        m.html("catalogue.other_practices"),
        pick(&|p| p.part == PracticePart::Function && p.function.is_none()),
    ));
    let model = |t: Option<DevelopmentType>| pick(&|p| p.part == PracticePart::Model && p.development_type == t);
    let trends = |t: DevelopmentType| m.html("catalogue.type_trends").replace("{type}", &m.html(t.key()));
    let part = |p: PracticePart| m.html(p.key());
    vec![
        (
            part(PracticePart::History),
            vec![group("history", part(PracticePart::History), pick(&|p| p.part == PracticePart::History))],
        ),
        (
            part(PracticePart::Setup),
            vec![group("setup", part(PracticePart::Setup), pick(&|p| p.part == PracticePart::Setup))],
        ),
        (part(PracticePart::Function), functions),
        (
            part(PracticePart::Model),
            vec![
                group("multi", trends(DevelopmentType::Multi), model(Some(DevelopmentType::Multi))),
                group("area", trends(DevelopmentType::Area), model(Some(DevelopmentType::Area))),
                group("both", m.html("catalogue.both_types"), model(None)),
            ],
        ),
    ]
}

/// Every practice section, grouped, with contents and links to the areas that show it.
/// `names`: area id → name shown.
fn practice_sections(
    practices: &[PracticeSection],
    summary: &CatalogueSummary,
    names: &BTreeMap<String, Named>,
) -> impl IntoView {
    let m = messages();
    let parts = groups(practices, summary);
    let link = |g: &Group| view! { <a class="kn-practice-nav__link" href=format!("#{}", g.id) rel="external" inner_html=g.title.clone()></a> };
    let nav = parts
        .iter()
        .map(|(part, groups)| {
            let groups: Vec<&Group> = groups.iter().filter(|g| !g.practices.is_empty()).collect();
            // A part that is one group (整備の検討経緯) is one link, not a label and a link.
            match groups.as_slice() {
                [g] if g.title == *part => view! { <li class="kn-practice-nav__part">{link(g)}</li> }.into_any(),
                _ => view! {
                    <li class="kn-practice-nav__part">
                        <span class="kn-practice-nav__label" inner_html=part.clone()></span>
                        <ul class="kn-practice-nav__list">{groups.iter().map(|g| view! { <li>{link(g)}</li> }).collect_view()}</ul>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    let sections = parts
        .into_iter()
        .flat_map(|(_, groups)| groups)
        .filter(|g| !g.practices.is_empty())
        .map(|g| {
            view! {
                <section class="kn-practice-group" aria-labelledby=g.id.clone()>
                    <h3 class="kn-practice-group__title" id=g.id.clone() inner_html=g.title.clone()></h3>
                    {g.examples.into_iter().map(|(title, items)| view! {
                        <div class="kn-practice-group__examples">
                            <p class="kn-practice-group__examples-title" inner_html=m.html("catalogue.examples").replace("{title}", &published(&title))></p>
                            <ul lang=ja_attr()>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                    {g.practices.into_iter().map(|p| practice(p, names)).collect_view()}
                    <p class="kn-practice-group__top"><a href="#kn-practices" rel="external">{t("catalogue.back_to_practices")}</a></p>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="kn-catalogue__practices" aria-labelledby="kn-practices">
            <h2 id="kn-practices">{t("catalogue.practices_title")}</h2>
            <p>{t("catalogue.practices_lead")}</p>
            <p>{t("catalogue.matching_note")}</p>
            <nav class="kn-practice-nav" aria-label=tx("catalogue.practices_contents")><ul class="kn-practice-nav__parts">{nav}</ul></nav>
            {sections}
        </section>
    }
}

fn practice(p: PracticeSection, names: &BTreeMap<String, Named>) -> impl IntoView {
    let title_id = format!("kn-practice-{}", p.slug);
    let labelled_by = title_id.clone();
    let entries: Vec<(String, String)> =
        p.entries.iter().filter_map(|id| names.get(id).map(|n| (id.clone(), n.short.clone()))).collect();
    view! {
        <article class="kn-practice" aria-labelledby=labelled_by>
            <h4 class="kn-practice__title" id=title_id lang=ja_attr()>{p.title.clone()}</h4>
            <div class="kn-prose" lang=ja_attr() inner_html=p.body_html.clone()></div>
            {(!entries.is_empty()).then(|| view! {
                <p class="kn-practice__entries-label">{t("catalogue.practice_entries")}</p>
                <ul class="kn-practice__entries">
                    {entries.into_iter().map(|(id, name)| view! {
                        <li><a class="kn-practice__entry" href=Route::Area(&id).href() inner_html=name></a></li>
                    }).collect_view()}
                </ul>
            })}
        </article>
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

#[cfg(test)]
mod tests {
    use super::*;

    /// In standard Japanese a cell says what the area page's status grid says
    /// ([`FunctionStatus::summary`]), for every cell of the 25 entries.
    #[test]
    fn standard_cells_equal_the_status_summary() {
        let m = crate::i18n::catalogue(Lang::Ja);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let c = crate::load::load_content(&dir, "/").unwrap_or_else(|d| panic!("{d:?}"));
        let mut seen = 0;
        for p in c.areas.values().filter_map(|a| a.practice.as_ref()) {
            for s in &p.status {
                let want = if s.raw.trim().is_empty() { "記載なし".to_string() } else { esc(&s.summary()) };
                assert_eq!(cell(&m, Some(s)), want, "{}", s.raw);
                seen += 1;
            }
        }
        assert_eq!(seen, 125);
        assert_eq!(cell(&m, None), "記載なし");
    }
}
