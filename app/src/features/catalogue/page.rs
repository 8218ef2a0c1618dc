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

use leptos::prelude::*;

use super::chart::ChartFigure;
use super::{enhance, filter};
use crate::components::page::{page_view, PageHeading};
use crate::data::{CatalogueData, CatalogueEntry, PageData};
use crate::markup::shift_note::shift_only_note;
use crate::markup::source_list::SourceList;
use crate::model::{
    Area, CatalogueSummary, DevelopmentType, Function, PracticePart, PracticeSection, Source, COORDINATOR_IN_OVERVIEW,
    GOOD_PRACTICES_AS_OF, PRACTICE_MATCHING_NOTE,
};
use crate::routes::Route;
use filter::{Beds, Column, BLANK};

#[component]
pub fn CataloguePage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Catalogue(c) => Some(catalogue(c)),
        _ => None,
    })
}

fn catalogue(data: &CatalogueData) -> AnyView {
    view! {
        <CatalogueFilters entries=data.entries.clone() url=data.url.clone()/>
        <div class="kn-static" inner_html=data.html.clone()></div>
    }
    .into_any()
}

/// The page's one island: no markup of its own, it wires the pre-rendered comparison to the
/// URL query ([`enhance`]).
// An island in the `catalogue` wasm bundle; a plain component, left out, in the others.
#[cfg_attr(any(feature = "ssr", feature = "island-catalogue"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "island-catalogue")), component, allow(dead_code))]
fn CatalogueFilters(entries: Vec<CatalogueEntry>, url: String) -> impl IntoView {
    enhance::enhance(entries, url);
}

/// The whole page, rendered at build time. `areas`: the 25 areas with a `[practice]`, in
/// table order; `url`: the page's public address; `verified`: the latest check date.
pub fn catalogue_page(
    summary: &CatalogueSummary,
    areas: &[&Area],
    practices: &[PracticeSection],
    source: Option<Source>,
    url: &str,
    verified: &str,
) -> impl IntoView {
    let names: BTreeMap<String, String> = areas.iter().map(|a| (a.id.clone(), row_name(a))).collect();
    view! {
        <article class="kn-catalogue">
            <PageHeading title="好事例集 25自治体等" lead="地域生活支援拠点等の好事例集に掲載された25の自治体等を、整備類型や5つの機能で絞り込み、比べられます。好事例集が紹介する取組みも機能ごとに読めます。"/>
            <nav class="kn-page-toc" aria-label="このページの内容">
                <ul class="kn-page-toc__list">
                    <li><a class="kn-page-toc__link" href="#kn-entries" rel="external">"掲載自治体等の比較"</a></li>
                    <li><a class="kn-page-toc__link" href="#kn-charts" rel="external">"全体の傾向（グラフ）"</a></li>
                    <li><a class="kn-page-toc__link" href="#kn-practices" rel="external">"取組みの特徴"</a></li>
                </ul>
            </nav>
            {comparison(areas, url, verified)}
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

/// The five function cells as short text, 「記載なし」 for a blank one.
fn cells(a: &Area) -> Vec<String> {
    let p = a.practice.as_ref();
    Function::ALL
        .into_iter()
        .map(|f| match p.and_then(|p| p.status_of(f)) {
            Some(s) if !s.raw.trim().is_empty() => s.summary(),
            _ => BLANK.to_string(),
        })
        .collect()
}

/// Short column headings, so the comparison fits a desktop screen; the full name is the
/// button's accessible name, which starts with the visible words (WCAG 2.5.3, checked by axe's
/// `label-content-name-mismatch`).
const SHORT: [&str; 5] = ["①相談", "②緊急時", "③体験", "④専門的人材", "⑤地域の体制"];

/// The filter form, the count, the table and the cards, all showing the 25 in table order.
/// Ids and `data-sort` are what [`enhance`] looks for.
fn comparison(areas: &[&Area], url: &str, verified: &str) -> impl IntoView {
    let mut prefectures: Vec<&str> = Vec::new();
    for a in areas {
        if !prefectures.contains(&a.prefecture.as_str()) {
            prefectures.push(&a.prefecture);
        }
    }
    let select = |name: &str, label: &str, options: Vec<(String, String)>| {
        let id = format!("kn-filter-{name}");
        view! {
            <div class="kn-catalogue-filter__field">
                <label class="kn-field__label" for=id.clone()>{label.to_string()}</label>
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
                <span>{label.to_string()}</span>
            </label>
        }
    };
    let all = || (String::new(), "すべて".to_string());
    let header = |c: Column| {
        let short = match c {
            Column::Function(i) => SHORT[i],
            Column::Coordinator => "コーディネーター",
            other => other.label(),
        };
        let sorted = (c == Column::Number).then_some("ascending");
        view! {
            <th scope="col" class="kn-catalogue-table__head" aria-sort=sorted data-sort=c.id()>
                <button class="kn-catalogue-table__sort" type="button" aria-label=c.label()>
                    {short}
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
    let kind = |a: &Area| a.development_type.map_or("", |k| k.label());
    let rows = areas
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <td>{number(a)}</td>
                    <th scope="row"><a href=link(a)>{row_name(a)}</a><span class="kn-catalogue-table__pref">{a.prefecture.clone()}</span></th>
                    <td>{kind(a)}</td>
                    {cells(a).into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                    <td>{if coordinator(a) { "○" } else { "－" }}{in_overview(a).then(|| view! { <span class="kn-catalogue-table__note">{COORDINATOR_IN_OVERVIEW}</span> })}</td>
                    <td class="kn-catalogue-table__features"><ul>{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>{shift_only(a).then(shift_only_note)}</td>
                </tr>
            }
        })
        .collect_view();
    let cards = areas
        .iter()
        .map(|a| {
            let placed = match (coordinator(a), in_overview(a)) {
                (true, _) => "あり".to_string(),
                (false, true) => format!("一覧表に記載なし（{COORDINATOR_IN_OVERVIEW}）"),
                (false, false) => "記載なし".to_string(),
            };
            let meta = format!("{} ／ {} ／ コーディネーター配置：{placed}", a.prefecture, kind(a));
            view! {
                <li class="kn-catalogue-card">
                    <h3 class="kn-catalogue-card__title">
                        <span class="kn-catalogue-card__number">{format!("No.{}", number(a))}</span>
                        <a class="kn-catalogue-card__link" href=link(a)>{row_name(a)}</a>
                    </h3>
                    <p class="kn-catalogue-card__meta">{meta}</p>
                    <dl class="kn-catalogue-card__functions">
                        {Function::ALL.iter().zip(cells(a)).map(|(f, c)| view! {
                            <div class="kn-catalogue-card__function"><dt>{f.label()}</dt><dd>{c}</dd></div>
                        }).collect_view()}
                    </dl>
                    {(!features(a).is_empty()).then(|| view! {
                        <ul class="kn-catalogue-card__features">{features(a).into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                    })}
                    {shift_only(a).then(shift_only_note)}
                </li>
            }
        })
        .collect_view();
    let total = areas.len();
    view! {
        <section class="kn-catalogue__entries" aria-labelledby="kn-entries">
            <h2 id="kn-entries">"掲載自治体等の比較"</h2>
            <p>{format!("表とカードの「○」「検討中」「予定」などは、好事例集の資料の時点（{GOOD_PRACTICES_AS_OF}）の状況です。今の状況とは違うことがあります。")}</p>
            <form class="kn-catalogue-filter" id="kn-filter" method="get" action=Route::Catalogue.href() role="search" aria-label="掲載自治体等の絞り込み">
                <div class="kn-catalogue-filter__field">
                    <label class="kn-field__label" for="kn-filter-q">"キーワード（地名・取組みなど）"</label>
                    <input class="kn-field__input" type="search" id="kn-filter-q" name="q"/>
                </div>
                <details class="kn-catalogue-filter__more">
                    <summary class="kn-catalogue-filter__summary">"条件を選んで絞り込む・並べ替える"</summary>
                    <div class="kn-catalogue-filter__grid">
                        {select("type", "整備類型", std::iter::once(all()).chain(DevelopmentType::ALL.iter().map(|t| (t.id().to_string(), t.label().to_string()))).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">"実施している機能（表で「○」）"</legend>
                            {Function::ALL.iter().map(|f| check("fn", f.id(), f.label())).collect_view()}
                        </fieldset>
                        {select("beds", "空床確保（②緊急時）", Beds::ALL.iter().map(|b| (b.id().to_string(), b.label().to_string())).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">"コーディネーター"</legend>
                            {check("coordinator", "1", "配置している（表で「○」）")}
                        </fieldset>
                        {select("pref", "都道府県", std::iter::once(all()).chain(prefectures.iter().map(|p| (p.to_string(), p.to_string()))).collect())}
                        {select("sort", "並べ替え", Column::ALL.iter().map(|c| (c.id().to_string(), c.order_label().to_string())).collect())}
                        <fieldset class="kn-catalogue-filter__group">
                            <legend class="kn-field__label">"並び順"</legend>
                            {check("order", "desc", "逆順にする")}
                        </fieldset>
                    </div>
                </details>
                <div class="kn-catalogue-filter__actions">
                    <button class="kn-button kn-catalogue-filter__submit" type="submit">"この条件で表示"</button>
                    <a class="kn-catalogue-filter__clear" href=Route::Catalogue.href() data-noscroll="">"条件をすべて解除"</a>
                </div>
            </form>
            <p class="kn-catalogue__count" id="kn-catalogue-count" role="status">{format!("{total}件中 {total}件を表示")}</p>
            <p class="kn-print-meta"><span id="kn-catalogue-url">{url.to_string()}</span>{format!(" ／ 掲載情報の確認日：{verified}")}</p>
            <div class="kn-table-scroll kn-catalogue__table" tabindex="0" role="region" aria-labelledby="kn-entries-caption">
                <table class="kn-catalogue-table">
                    <caption class="kn-catalogue-table__caption" id="kn-entries-caption">
                        {format!("掲載自治体等の比較表（好事例集の記載、{GOOD_PRACTICES_AS_OF}の状況）")}<span class="kn-catalogue-table__hint">"（列の見出しのボタンで並べ替えできます）"</span>
                    </caption>
                    <thead>
                        <tr id="kn-catalogue-head">
                            {header(Column::Number)}{header(Column::Name)}{header(Column::Kind)}
                            {(0..5).map(|i| header(Column::Function(i))).collect_view()}
                            {header(Column::Coordinator)}
                            <th scope="col" class="kn-catalogue-table__head">"特徴・付加機能等"</th>
                        </tr>
                    </thead>
                    <tbody id="kn-catalogue-rows">{rows}</tbody>
                </table>
            </div>
            <ul class="kn-catalogue__cards" id="kn-catalogue-cards" aria-labelledby="kn-entries">{cards}</ul>
            <p class="kn-catalogue__empty" id="kn-catalogue-empty" hidden="">"条件に合う自治体等はありません。条件を減らすか、「条件をすべて解除」を選んでください。"</p>
        </section>
    }
}

/// The summary charts, with 整備類型 and 空床確保 counted again from `areas`.
fn charts(summary: &CatalogueSummary, areas: &[&Area]) -> impl IntoView {
    let total = areas.len() as u32;
    view! {
        <section class="kn-catalogue__charts" aria-labelledby="kn-charts">
            <h2 id="kn-charts">"全体の傾向"</h2>
            <p>"好事例集の冒頭にある集計です。一覧表から数えられるもの（整備類型・空床確保）は、25件から数え直した値も並べています。"</p>
            <div class="kn-catalogue__chart-grid">
                {summary.charts.iter().map(|c| {
                    let recount = c.recount(areas);
                    view! { <ChartFigure chart=c.clone() total=total recount=recount/> }
                }).collect_view()}
            </div>
        </section>
    }
}

/// One group of practice sections on the page: its heading, anchor and contents.
struct Group {
    id: String,
    title: String,
    practices: Vec<PracticeSection>,
    examples: Vec<(String, Vec<String>)>,
}

/// The practice sections grouped as the document orders them: 整備の検討経緯, 整備時の工夫,
/// ①–⑤ and ⑥その他 of 機能ごとの取組みの特徴, then 多機能拠点整備型, 面的整備型 and what is
/// said of both.
fn groups(practices: &[PracticeSection], summary: &CatalogueSummary) -> Vec<(&'static str, Vec<Group>)> {
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
                format!("{}の取組み", f.label()),
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
        "⑥その他の取組み".into(),
        pick(&|p| p.part == PracticePart::Function && p.function.is_none()),
    ));
    let model = |t: Option<DevelopmentType>| pick(&|p| p.part == PracticePart::Model && p.development_type == t);
    vec![
        (
            PracticePart::History.label(),
            vec![group("history", PracticePart::History.label().into(), pick(&|p| p.part == PracticePart::History))],
        ),
        (
            PracticePart::Setup.label(),
            vec![group("setup", PracticePart::Setup.label().into(), pick(&|p| p.part == PracticePart::Setup))],
        ),
        (PracticePart::Function.label(), functions),
        (
            PracticePart::Model.label(),
            vec![
                group("multi", "多機能拠点整備型の傾向・特徴".into(), model(Some(DevelopmentType::Multi))),
                group("area", "面的整備型の傾向・特徴".into(), model(Some(DevelopmentType::Area))),
                group("both", "どちらの類型にも言えること".into(), model(None)),
            ],
        ),
    ]
}

/// Every practice section, grouped, with contents and links to the areas that show it.
/// `names`: area id → name shown.
fn practice_sections(
    practices: &[PracticeSection],
    summary: &CatalogueSummary,
    names: &BTreeMap<String, String>,
) -> impl IntoView {
    let parts = groups(practices, summary);
    let link = |g: &Group| view! { <a class="kn-practice-nav__link" href=format!("#{}", g.id) rel="external">{g.title.clone()}</a> };
    let nav = parts
        .iter()
        .map(|(part, groups)| {
            let groups: Vec<&Group> = groups.iter().filter(|g| !g.practices.is_empty()).collect();
            // A part that is one group (整備の検討経緯) is one link, not a label and a link.
            match groups.as_slice() {
                [g] if g.title == *part => view! { <li class="kn-practice-nav__part">{link(g)}</li> }.into_any(),
                _ => view! {
                    <li class="kn-practice-nav__part">
                        <span class="kn-practice-nav__label">{*part}</span>
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
                    <h3 class="kn-practice-group__title" id=g.id.clone()>{g.title.clone()}</h3>
                    {g.examples.into_iter().map(|(title, items)| view! {
                        <div class="kn-practice-group__examples">
                            <p class="kn-practice-group__examples-title">{format!("資料の「{title}」")}</p>
                            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </div>
                    }).collect_view()}
                    {g.practices.into_iter().map(|p| practice(p, names)).collect_view()}
                    <p class="kn-practice-group__top"><a href="#kn-practices" rel="external">"取組みの特徴の目次へ戻る"</a></p>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="kn-catalogue__practices" aria-labelledby="kn-practices">
            <h2 id="kn-practices">"取組みの特徴"</h2>
            <p>"好事例集が、整備の経緯・工夫、機能ごと、整備類型ごとにまとめている取組みです。"</p>
            <p>{PRACTICE_MATCHING_NOTE}</p>
            <nav class="kn-practice-nav" aria-label="取組みの特徴の目次"><ul class="kn-practice-nav__parts">{nav}</ul></nav>
            {sections}
        </section>
    }
}

fn practice(p: PracticeSection, names: &BTreeMap<String, String>) -> impl IntoView {
    let title_id = format!("kn-practice-{}", p.slug);
    let labelled_by = title_id.clone();
    let entries: Vec<(String, String)> =
        p.entries.iter().filter_map(|id| names.get(id).map(|n| (id.clone(), n.clone()))).collect();
    view! {
        <article class="kn-practice" aria-labelledby=labelled_by>
            <h4 class="kn-practice__title" id=title_id>{p.title.clone()}</h4>
            <div class="kn-prose" inner_html=p.body_html.clone()></div>
            {(!entries.is_empty()).then(|| view! {
                <p class="kn-practice__entries-label">"この取組みが見られる自治体等（拠点ナビによる照合）："</p>
                <ul class="kn-practice__entries">
                    {entries.into_iter().map(|(id, name)| view! {
                        <li><a class="kn-practice__entry" href=Route::Area(&id).href()>{name}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}

/// What the browser needs to filter and sort one area with a `[practice]`; `None` for any
/// other.
pub fn catalogue_entry(a: &Area) -> Option<CatalogueEntry> {
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
