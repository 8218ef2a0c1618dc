//! `/areas/{id}/`: one municipality or region — its 拠点, whom to call, its facilities, its
//! 好事例集 entry and operating reports.

use leptos::prelude::*;

use super::map::AreaMapFigure;
use crate::components::page::static_view;
use crate::data::{href, AreaData, AreaLink, Shell};
use crate::features::catalogue::status_cell;
use crate::i18n::{lang, messages, only_in_japanese, published, t, Lang};
use crate::markup::area_directory::area_name;
use crate::markup::call_list::call_list;
use crate::markup::correction::{Correction, FactAge};
use crate::markup::facility_card::cards_html;
use crate::markup::html::{esc, with_reading};
use crate::markup::shift_note::shift_only_note;
use crate::markup::source_list::SourceList;
use crate::model::{DevelopmentType, Function};
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`area`].
#[component]
pub fn AreaPage() -> impl IntoView {
    static_view()
}

/// How many of a report's figures stand out above its text (the content lists the key
/// ones first); every figure is in the text too.
const HIGHLIGHTS: usize = 6;

/// A report's own headings sit under its title (h2) and 「報告の内容」 (h3): `##` → h4,
/// `###` → h5, `####` → h6, so the page's outline stays in order.
fn demote_headings(html: &str) -> String {
    let mut html = html.to_string();
    for (from, to) in [(4, 6), (3, 5), (2, 4)] {
        html = html
            .replace(&format!("<h{from}"), &format!("<h{to}"))
            .replace(&format!("</h{from}>"), &format!("</h{to}>"));
    }
    html
}

/// The page body, rendered at build time, in every reading (issue #22): the fixed text
/// from the reading's catalogue ([area]); what the sources say (names, the 好事例集's cells and
/// text, reports) as published, marked Japanese on English pages. The correction form and
/// the staff's worklist are on the standard page, which the other readings link to.
pub fn area(data: AreaData) -> impl IntoView {
    let a = data.area;
    let m = messages();
    let standard = lang() == Lang::Ja;
    // What the sources wrote, read out in Japanese on an English page.
    let ja = (lang() == Lang::En).then_some("ja");
    let base = use_context::<Shell>().unwrap_or_default().base;
    let practice = a.practice.clone();
    let has_content = a.has_content() || !data.facilities.is_empty() || !data.reports.is_empty();
    let listed = data.facilities.len();
    let page_url = data.corrections.page_url.clone();
    let sources = data.sources.clone();
    let source_of = move |id: &str| sources.iter().find(|s| s.id == id).cloned();
    let as_of = m.html("catalogue.as_of");
    // The page can be long (a city lists dozens of providers): its parts, to jump to.
    let mut toc: Vec<(String, String)> = vec![("kn-first".into(), m.html("area.first_title"))];
    if !data.members.is_empty() {
        toc.push(("kn-members".into(), m.html("area.members_title")));
    }
    let unnumbered: Vec<_> = a.contacts.iter().filter(|c| c.phone.is_none()).cloned().collect();
    if !unnumbered.is_empty() {
        toc.push(("kn-contacts".into(), m.html("area.other_title")));
    }
    toc.push(("kn-registration".into(), m.html("area.registration_title")));
    if practice.is_some() {
        toc.push(("kn-status".into(), m.html("area.status_title")));
    }
    if !data.facilities.is_empty() {
        toc.push(("kn-facilities".into(), m.html("area.facilities_title")));
    }
    if practice.is_some() {
        toc.push(("kn-practice".into(), m.html("area.practice_toc")));
    }
    toc.extend(data.reports.iter().map(|r| (format!("kn-report-{}", r.id), published(&r.title))));
    let area_html = with_reading(&data.link.name, data.link.reading.as_deref().filter(|_| !standard));
    view! {
        <article class="kn-area">
            {heading(&data.link, &a.kana, a.development_type)}
            <FactAge checked=data.corrections.checked.clone()/>
            {first_contacts(&data.calls, &data.link, &base)}
            {regions(&data.link, &data.regions)}
            <nav class="kn-page-toc" aria-label=m.plain("area.contents")>
                <ul class="kn-page-toc__list">
                    {toc.into_iter().map(|(id, label)| view! { <li><a class="kn-page-toc__link" href=format!("#{id}") rel="external" inner_html=label></a></li> }).collect_view()}
                </ul>
            </nav>
            {(!data.members.is_empty()).then(|| view! {
                <section aria-labelledby="kn-members"><h2 id="kn-members">{t("area.members_title")}</h2>
                    <p inner_html=m.html_with("area.members_text", &[("area", &area_html), ("n", &data.members.len().to_string())])></p>
                    <ul class="kn-link-grid">{data.members.iter().map(|l| view! { <li><a class="kn-link-grid__link" href=Route::Area(&l.id).href()>{area_name(l)}</a></li> }).collect_view()}</ul>
                </section>
            })}
            // Contacts with a number are in 「まず連絡するところ」 above; what is left here is
            // what the sources say about contacts they give no number for.
            {(!unnumbered.is_empty()).then(|| {
                let first = format!("<a href=\"#kn-first\" rel=\"external\">{}</a>", m.html("area.other_link"));
                view! {
                <section class="kn-area__contacts" aria-labelledby="kn-contacts">
                    <h2 id="kn-contacts">{t("area.other_title")}</h2>
                    <p inner_html=m.html_with("area.other_text", &[("first", &first)])></p>
                    <ul class="kn-contact-list">{unnumbered.into_iter().map(|c| view! {
                        <li class="kn-contact-list__item">
                            <p class="kn-contact-list__name"><span lang=ja>{match c.facility.clone() { Some(id) => view! { <a href=Route::Facility(&id).href()>{c.name.clone()}</a> }.into_any(), None => c.name.clone().into_any() }}</span>
                                {c.emergency.then(|| view! { <span class="kn-contact-list__badge">{t("area.emergency_badge")}</span> })}</p>
                            {c.purpose.clone().map(|p| view! { <p lang=ja>{p}</p> })}
                            {c.hours.clone().map(|h| view! { <p inner_html=m.html_with("area.hours", &[("hours", &published(&h))])></p> })}
                        </li>
                    }).collect_view()}</ul>
                </section>
            }})}
            {registration(a.registration.clone())}
            {practice.clone().map(|p| view! {
                <section class="kn-area__status" aria-labelledby="kn-status">
                    <h2 id="kn-status">{t("area.status_title")}</h2>
                    <p inner_html=m.html_with("area.status_lead", &[("number", &p.number.to_string()), ("as_of", &as_of)])></p>
                    <table class="kn-status-grid">
                        <caption class="kn-visually-hidden">{t("area.status_title")}</caption>
                        <thead><tr><th scope="col">{t("area.status_function")}</th><th scope="col" inner_html=m.html_with("area.status_state", &[("as_of", &as_of)])></th><th scope="col">{t("area.status_raw")}</th></tr></thead>
                        <tbody>
                            {Function::ALL.into_iter().map(|f| {
                                let s = p.status_of(f);
                                let raw = s.map(|s| s.raw.clone()).filter(|r| !r.is_empty());
                                view! { <tr><th scope="row">{t(f.label_key())}</th><td inner_html=status_cell(&m, s)></td>
                                    <td>{match raw { Some(r) => view! { <span lang=ja>{r}</span> }.into_any(), None => t("area.status_raw_blank").into_any() }}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            })}
            {(practice.is_some() || a.coordinator.is_some()).then(|| view! {
                <section class="kn-area__coordinator" aria-labelledby="kn-coordinator"><h2 id="kn-coordinator">{t("area.coordinator_title")}</h2>
                    {practice.as_ref().map(|p| view! {
                        <p><span inner_html=m.html_with("area.coordinator_row", &[("as_of", &as_of)])></span>{t(if p.coordinator { "area.coordinator_yes" } else { "area.coordinator_no" })}</p>
                        {p.coordinator_overview.clone().map(|o| view! { <p inner_html=m.html_with("area.coordinator_overview", &[("note", &m.html("catalogue.in_overview")), ("text", &published(&o.text))])></p> })}
                    })}
                    {a.coordinator.clone().map(|c| view! { <p lang=ja>{c}</p> })}
                </section>
            })}
            {(!a.body_html.is_empty()).then(|| view! { <div class="kn-prose" lang=ja inner_html=a.body_html.clone()></div> })}
            {(!data.facilities.is_empty()).then(|| {
                // Two kinds, never mixed (issue #11): bodies a municipality's documents position
                // as its 拠点, and registered service providers from WAM NET open data.
                // A content file that is neither (仙台市's 基幹相談支援センター, which its city
                // keeps apart from the 拠点) is listed on its own, outside the WAM NET credit
                // and count (issue #19).
                let (kyoten, rest): (Vec<_>, Vec<_>) = data.facilities.into_iter().partition(|f| f.kyoten);
                let (open, other): (Vec<_>, Vec<_>) = rest.into_iter().partition(|f| !f.services.is_empty());
                let map = data.map.map(|map| view! { <AreaMapFigure map=map area_name=data.link.name.clone()/> });
                let open_sources: Vec<String> = data.sources.iter().filter(|s| s.id.starts_with("wamnet-")).map(|s| published(&format!("{}（{}）", s.title.trim_start_matches("障害福祉サービス等情報公表システム（WAM NET）オープンデータ "), s.year))).collect();
                let open_text = m.html_with("area.open_text", &[("dates", &open_sources.join(&m.html("memo.separator")))]);
                view! {
                    <section aria-labelledby="kn-facilities"><h2 id="kn-facilities">{t("area.facilities_title")}</h2>
                        {map}
                        {(!kyoten.is_empty()).then(|| view! {
                            <h3>{t("area.kyoten_list")}</h3>
                            <ul class="kn-facility-list" inner_html=cards_html(&kyoten)></ul>
                        })}
                        {(!other.is_empty()).then(|| view! {
                            <h3>{t("area.other_list")}</h3>
                            <p>{t("area.other_list_text")}</p>
                            <ul class="kn-facility-list" inner_html=cards_html(&other)></ul>
                        })}
                        {(!open.is_empty()).then(|| view! {
                            <h3 inner_html=m.html_with("area.open_list", &[("n", &open.len().to_string())])></h3>
                            <p class="kn-area__open-data" inner_html=open_text></p>
                            <p class="kn-area__credit">{t("facility.wamnet_credit")}</p>
                            <ul class="kn-facility-list" inner_html=cards_html(&open)></ul>
                        })}
                    </section>
                }
            })}
            {practice.map(|p| view! {
                <section class="kn-area__practice" aria-labelledby="kn-practice">
                    <h2 id="kn-practice" inner_html=m.html_with("area.practice_title", &[("number", &p.number.to_string())])></h2>
                    <p class="kn-area__as-of" inner_html=m.html_with("area.practice_as_of", &[("as_of", &as_of)])></p>
                    {(!p.features.is_empty()).then(|| view! { <h3>{t("catalogue.column.features")}</h3><ul lang=ja>{p.features.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    {p.features_shift_only.then(shift_only_note)}
                    {p.overview_lead.clone().map(|l| view! { <h3>{t("area.overview_title")}</h3><p class="kn-area__lead" lang=ja>{l}</p> })}
                    {(!p.overview.is_empty()).then(|| view! { <ul lang=ja>{p.overview.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    {(!data.practices.is_empty()).then(|| view! {
                        // Seed 003 names no municipality for these practices: the matching is
                        // the site's own (issue #19), and the page says so.
                        <h3>{t("area.practices_title")}</h3>
                        <p class="kn-area__practices-note">{t("catalogue.matching_note")}</p>
                        <ul class="kn-area__practices">{data.practices.iter().map(|s| {
                            let part = match s.function {
                                Some(f) => m.html_with("area.practice_part_function", &[("part", &m.html(s.part.key())), ("function", &m.html(f.label_key()))]),
                                None => m.html_with("area.practice_part", &[("part", &m.html(s.part.key()))]),
                            };
                            view! {
                            <li><a href=Route::Catalogue.href_with(&format!("#kn-practice-{}", s.slug)) rel="external" lang=ja>{s.title.clone()}</a>
                                <span class="kn-area__practice-part" inner_html=part></span></li>
                        }}).collect_view()}</ul>
                    })}
                    <ul class="kn-area__links">
                        <li><a href=Route::Catalogue.href()>{t("catalogue.area_compare")}</a></li>
                        {a.development_type.map(|k| view! {
                            <li><a href=Route::Catalogue.href_with(&format!("?type={}", k.id())) inner_html=m.html_with("catalogue.area_compare_type", &[("type", &m.html(k.key()))])></a></li>
                        })}
                    </ul>
                    <details class="kn-area__reconciliation"><summary>{t("area.reconciliation")}</summary><p lang=ja>{p.reconciliation.clone()}</p></details>
                </section>
            })}
            {data.reports.into_iter().map(|r| {
                let source = source_of(&r.source);
                view! {
                    <section class="kn-report" aria-labelledby=format!("kn-report-{}", r.id)>
                        <h2 id=format!("kn-report-{}", r.id) lang=ja>{r.title.clone()}</h2>
                        <dl class="kn-report__meta">
                            <div class="kn-report__meta-item"><dt>{t("area.report_period")}</dt><dd lang=ja>{r.period.clone()}</dd></div>
                            {source.map(|s| view! { <div class="kn-report__meta-item"><dt>{t("area.report_source")}</dt><dd lang=ja>{format!("{}「{}」（{}）", s.publisher, s.title, s.year)}</dd></div> })}
                        </dl>
                        {(!r.figures.is_empty()).then(|| view! {
                            <h3>{t("area.report_figures")}</h3>
                            <dl class="kn-figure-list" lang=ja>{r.figures.iter().take(HIGHLIGHTS).map(|f| view! { <div class="kn-figure-list__item"><dt>{f.label.clone()}</dt><dd>{f.value.clone()}</dd></div> }).collect_view()}</dl>
                            <h3>{t("area.report_body")}</h3>
                        })}
                        <div class="kn-prose kn-report__body" lang=ja inner_html=demote_headings(&r.body_html)></div>
                    </section>
                }
            }).collect_view()}
            {(!has_content).then(|| view! {
                <p class="kn-area__empty">{t("area.empty")}</p>
            })}
            {open_data_links(&a.id, &area_html, listed)}
            {(!data.sources.is_empty()).then(|| view! { <SourceList sources=data.sources/> })}
            {(standard && !data.worklist.is_empty()).then(|| view! {
                <details class="kn-worklist">
                    <summary class="kn-worklist__summary">{format!("市区町村・事業所の方へ：確認をお願いしたい掲載（{}件）", data.worklist.len())}</summary>
                    <p>"電話番号が未掲載のものと、確かめてから1年以上たつものです。内容を確かめて、それぞれのページの「修正を依頼する」から、直す内容か「この掲載内容は正しいです」をお知らせください。"</p>
                    <ul class="kn-worklist__items">{data.worklist.iter().map(|w| view! {
                        <li><a href=href(&format!("{}#kn-correction", Route::Facility(&w.id).path()))>{w.name.clone()}</a>"："{w.why.clone()}</li>
                    }).collect_view()}</ul>
                </details>
            })}
            {if standard {
                view! { <Correction corrections=data.corrections.clone() title=a.name.clone() facility=None/> }.into_any()
            } else {
                // The form and the staff's worklist are in standard Japanese only.
                let path = Route::Area(&a.id).path();
                view! {
                    <section class="kn-area__more" aria-labelledby="kn-more">
                        <h2 id="kn-more">{t("area.more_title")}</h2>
                        <p>{t("area.more_text")}</p>
                        <ul class="kn-area__links">
                            <li><a href=href(&format!("{path}#kn-correction")) hreflang="ja">{t("area.more_link")}</a>" "<span class="kn-only-japanese">{t("site.japanese_only")}</span></li>
                        </ul>
                    </section>
                }.into_any()
            }}
            <p class="kn-print-meta">{page_url}" ／ "<span inner_html=m.html_with("area.checked", &[("date", &a.last_verified.clone().map_or_else(|| m.html("catalogue.blank"), |d| esc(&d)))])></span></p>
        </article>
    }
}

/// The page's heading: the prefecture above the name, the name's reading below it (the
/// name as written, on English pages), and the 整備類型 of the 好事例集.
fn heading(link: &AreaLink, kana: &str, kind: Option<DevelopmentType>) -> impl IntoView + use<> {
    let below = link.local.clone().unwrap_or_else(|| kana.to_string());
    view! {
        <header class="kn-page-heading">
            <p class="kn-page-heading__eyebrow">{link.prefecture.clone()}</p>
            <h1 class="kn-page-heading__title">{link.name.clone()}</h1>
            <p class="kn-page-heading__kana" lang=link.local.is_some().then_some("ja")>{below}</p>
            {kind.map(|k| {
                let m = messages();
                view! { <p class="kn-area__type" inner_html=m.html_with("area.type_label", &[("type", &m.html(k.key()))])></p> }
            })}
        </header>
    }
}

/// 「まず連絡するところ」 (issue #17), first on the page.
fn first_contacts(calls: &[crate::model::Call], link: &AreaLink, base: &str) -> impl IntoView + use<> {
    let list = call_list(calls, &link.name, base, &messages().texts(&["call"]));
    view! {
        <section class="kn-area__first" aria-labelledby="kn-first">
            <h2 id="kn-first">{t("area.first_title")}</h2>
            <p>{t("area.first_lead")}</p>
            <div inner_html=list></div>
        </section>
    }
}

/// For a municipality in a region: the regions whose pages hold its 拠点.
fn regions(link: &AreaLink, regions: &[AreaLink]) -> Option<impl IntoView + use<>> {
    let lead = messages().html("area.regions").replace("{area}", &crate::markup::html::esc(&link.name));
    (!regions.is_empty()).then(|| view! {
        <p class="kn-area__regions"><span inner_html=lead></span>" "
            {regions.iter().map(|r| view! { <a href=Route::Area(&r.id).href()>{r.name.clone()}</a>" " }).collect_view()}
        </p>
    })
}

/// How pre-registration works here, as the content says (in the words of its source, so
/// marked Japanese on an English page), or whom to ask.
fn registration(r: Option<crate::model::Registration>) -> impl IntoView + use<> {
    let source_lang = (lang() == Lang::En).then_some("ja");
    view! {
        <section class="kn-area__registration" aria-labelledby="kn-registration"><h2 id="kn-registration">{t("area.registration_title")}</h2>
            {match r {
                Some(r) => view! {
                    <p lang=source_lang>{r.summary}</p>
                    {r.ask.map(|q| view! { <p>{t("area.registration_ask")}" "<span lang=source_lang>{q}</span></p> })}
                    {r.apply_url.map(|u| view! { <a class="kn-button" href=u rel="noopener noreferrer">{t("screening.apply")}</a> })}
                }.into_any(),
                None => view! { <p>{t("area.no_registration")}</p> }.into_any(),
            }}
            <ul class="kn-area__links">
                <li><a href=Route::Guide("pre-registration").href()>{t("area.registration_guide")}</a>{only_in_japanese(&Route::Guide("pre-registration").path())}</li>
                <li><a href=Route::Screening.href()>{t("screening.title")}</a>{only_in_japanese(&Route::Screening.path())}</li>
            </ul>
        </section>
    }
}

/// Downloads (issue #9): the area's own list as CSV when it lists facilities (the builder
/// writes `opendata/areas/<id>.csv` from the same list), the national files, and the page
/// that explains their columns and licence. `download` keeps the router from treating the
/// files as pages.
fn open_data_links(area_id: &str, area_html: &str, listed: usize) -> impl IntoView + use<> {
    let m = messages();
    let file = |name: &'static str, key: &'static str| {
        view! { <li><a href=href(&format!("/opendata/{name}")) download=name>{t(key)}</a></li> }
    };
    view! {
        <section class="kn-area__opendata" aria-labelledby="kn-opendata">
            <h2 id="kn-opendata">{t("area.opendata_title")}</h2>
            <ul class="kn-area__links">
                {(listed > 0).then(|| view! {
                    <li><a href=href(&format!("/opendata/areas/{area_id}.csv")) download=format!("{area_id}.csv") inner_html=m.html_with("area.opendata_area", &[("area", area_html), ("n", &listed.to_string())])></a></li>
                })}
                {file("facilities.csv", "area.opendata_csv")}
                {file("facilities.json", "area.opendata_json")}
                {file("facilities.geojson", "area.opendata_geojson")}
                <li><a href=Route::OpenData.href()>{t("area.opendata_about")}</a></li>
            </ul>
            <p class="kn-area__open-data">{t("area.opendata_note")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_headings_go_under_the_page_headings() {
        assert_eq!(
            demote_headings("<h2>a</h2><h3 id=\"x\">b</h3><h4>c</h4><p>h2</p>"),
            "<h4>a</h4><h5 id=\"x\">b</h5><h6>c</h6><p>h2</p>"
        );
    }
}
