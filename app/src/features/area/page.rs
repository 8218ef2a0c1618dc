//! `/areas/{id}/`: one municipality or region — its 拠点, whom to call, its facilities, its
//! 好事例集 entry and operating reports.

use leptos::prelude::*;

use super::map::AreaMapFigure;
use crate::components::page::static_view;
use crate::data::{href, AreaData, AreaLink, Shell};
use crate::i18n::{lang, messages, only_in_japanese, t, Lang};
use crate::markup::call_list::call_list;
use crate::markup::correction::{Correction, FactAge};
use crate::markup::facility_card::cards_html;
use crate::markup::shift_note::shift_only_note;
use crate::markup::source_list::SourceList;
use crate::model::{DevelopmentType, COORDINATOR_IN_OVERVIEW};
use crate::model::{Function, GOOD_PRACTICES_AS_OF, PRACTICE_MATCHING_NOTE};
use crate::routes::Route;

/// The heading of the contacts the sources name without a number.
const OTHER_CONTACTS: &str = "資料に書かれているほかの相談先";

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

/// The page body, rendered at build time.
pub fn area(data: AreaData) -> impl IntoView {
    let a = data.area;
    let base = use_context::<Shell>().unwrap_or_default().base;
    let practice = a.practice.clone();
    let has_content = a.has_content() || !data.facilities.is_empty() || !data.reports.is_empty();
    let listed = data.facilities.len();
    let page_url = data.corrections.page_url.clone();
    let sources = data.sources.clone();
    let source_of = move |id: &str| sources.iter().find(|s| s.id == id).cloned();
    // The page can be long (a city lists dozens of providers): its parts, to jump to.
    let mut toc: Vec<(String, String)> = vec![("kn-first".into(), messages().plain("area.first_title"))];
    if !data.members.is_empty() {
        toc.push(("kn-members".into(), "構成市町村".into()));
    }
    let unnumbered: Vec<_> = a.contacts.iter().filter(|c| c.phone.is_none()).cloned().collect();
    if !unnumbered.is_empty() {
        toc.push(("kn-contacts".into(), OTHER_CONTACTS.into()));
    }
    toc.push(("kn-registration".into(), messages().plain("area.registration_title")));
    if practice.is_some() {
        toc.push(("kn-status".into(), "5つの機能の整備状況".into()));
    }
    if !data.facilities.is_empty() {
        toc.push(("kn-facilities".into(), "この地域の拠点・事業所".into()));
    }
    if practice.is_some() {
        toc.push(("kn-practice".into(), "好事例集での紹介".into()));
    }
    toc.extend(data.reports.iter().map(|r| (format!("kn-report-{}", r.id), r.title.clone())));
    view! {
        <article class="kn-area">
            {heading(&data.link, &a.kana, a.development_type)}
            <FactAge checked=data.corrections.checked.clone()/>
            {first_contacts(&data.calls, &data.link, &base)}
            {regions(&data.link, &data.regions)}
            <nav class="kn-page-toc" aria-label="このページの内容">
                <ul class="kn-page-toc__list">
                    {toc.into_iter().map(|(id, label)| view! { <li><a class="kn-page-toc__link" href=format!("#{id}") rel="external">{label}</a></li> }).collect_view()}
                </ul>
            </nav>
            {(!data.members.is_empty()).then(|| view! {
                <section aria-labelledby="kn-members"><h2 id="kn-members">"構成市町村"</h2>
                    <p>{format!("{}は、次の{}市町村が共同で整備している圏域です。", a.name, data.members.len())}</p>
                    <ul class="kn-link-grid">{data.members.iter().map(|m| view! { <li><a class="kn-link-grid__link" href=Route::Area(&m.id).href()>{m.name.clone()}</a></li> }).collect_view()}</ul>
                </section>
            })}
            // Contacts with a number are in 「まず連絡するところ」 above; what is left here is
            // what the sources say about contacts they give no number for.
            {(!unnumbered.is_empty()).then(|| view! {
                <section class="kn-area__contacts" aria-labelledby="kn-contacts">
                    <h2 id="kn-contacts">{OTHER_CONTACTS}</h2>
                    <p>"資料に電話番号が書かれていない相談先です。電話は"<a href="#kn-first" rel="external">"「まず連絡するところ」"</a>"の番号にかけてください。"</p>
                    <ul class="kn-contact-list">{unnumbered.into_iter().map(|c| view! {
                        <li class="kn-contact-list__item">
                            <p class="kn-contact-list__name">{match c.facility.clone() { Some(id) => view! { <a href=Route::Facility(&id).href()>{c.name.clone()}</a> }.into_any(), None => c.name.clone().into_any() }}
                                {c.emergency.then(|| view! { <span class="kn-contact-list__badge">"緊急時"</span> })}</p>
                            {c.purpose.clone().map(|p| view! { <p>{p}</p> })}
                            {c.hours.clone().map(|h| view! { <p>"受付："{h}</p> })}
                        </li>
                    }).collect_view()}</ul>
                </section>
            })}
            {registration(a.registration.clone())}
            {practice.clone().map(|p| view! {
                <section class="kn-area__status" aria-labelledby="kn-status">
                    <h2 id="kn-status">"5つの機能の整備状況"</h2>
                    <p>{format!("好事例集の一覧表（No.{}）の記載で、{GOOD_PRACTICES_AS_OF}（資料の時点）の状況です。今の状況とは違うことがあります。", p.number)}</p>
                    <table class="kn-status-grid">
                        <caption class="kn-visually-hidden">"5つの機能の整備状況"</caption>
                        <thead><tr><th scope="col">"機能"</th><th scope="col">{format!("状況（{GOOD_PRACTICES_AS_OF}）")}</th><th scope="col">"表の記載"</th></tr></thead>
                        <tbody>
                            {Function::ALL.into_iter().map(|f| {
                                let s = p.status_of(f).cloned().unwrap_or_default();
                                let summary = if s.raw.trim().is_empty() { "記載なし".to_string() } else { s.summary() };
                                view! { <tr><th scope="row">{f.label()}</th><td>{summary}</td><td>{if s.raw.is_empty() { "（空欄）".to_string() } else { s.raw.clone() }}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            })}
            {(practice.is_some() || a.coordinator.is_some()).then(|| view! {
                <section class="kn-area__coordinator" aria-labelledby="kn-coordinator"><h2 id="kn-coordinator">"コーディネーター"</h2>
                    {practice.as_ref().map(|p| view! {
                        <p>{format!("好事例集の一覧表の「コーディネーター配置」（{GOOD_PRACTICES_AS_OF}）：")}{if p.coordinator { "あり（○）" } else { "記載なし（-）" }}</p>
                        {p.coordinator_overview.clone().map(|o| view! { <p>{format!("ただし{COORDINATOR_IN_OVERVIEW}：「{}」", o.text)}</p> })}
                    })}
                    {a.coordinator.clone().map(|c| view! { <p>{c}</p> })}
                </section>
            })}
            {(!a.body_html.is_empty()).then(|| view! { <div class="kn-prose" inner_html=a.body_html.clone()></div> })}
            {(!data.facilities.is_empty()).then(|| {
                // Two kinds, never mixed (issue #11): bodies a municipality's documents position
                // as its 拠点, and registered service providers from WAM NET open data.
                // A content file that is neither (仙台市's 基幹相談支援センター, which its city
                // keeps apart from the 拠点) is listed on its own, outside the WAM NET credit
                // and count (issue #19).
                let (kyoten, rest): (Vec<_>, Vec<_>) = data.facilities.into_iter().partition(|f| f.kyoten);
                let (open, other): (Vec<_>, Vec<_>) = rest.into_iter().partition(|f| !f.services.is_empty());
                let map = data.map.map(|m| view! { <AreaMapFigure map=m area_name=a.name.clone()/> });
                let open_sources: Vec<String> = data.sources.iter().filter(|s| s.id.starts_with("wamnet-")).map(|s| format!("{}（{}）", s.title.trim_start_matches("障害福祉サービス等情報公表システム（WAM NET）オープンデータ "), s.year)).collect();
                view! {
                    <section aria-labelledby="kn-facilities"><h2 id="kn-facilities">"この地域の拠点・事業所"</h2>
                        {map}
                        {(!kyoten.is_empty()).then(|| view! {
                            <h3>"資料で拠点に位置付けられている相談先"</h3>
                            <ul class="kn-facility-list" inner_html=cards_html(&kyoten)></ul>
                        })}
                        {(!other.is_empty()).then(|| view! {
                            <h3>"資料に載っているほかの相談先"</h3>
                            <p>"資料は、これらを地域生活支援拠点等の一部としては書いていません。"</p>
                            <ul class="kn-facility-list" inner_html=cards_html(&other)></ul>
                        })}
                        {(!open.is_empty()).then(|| view! {
                            <h3>"障害福祉サービス事業所（"{open.len()}"か所）"</h3>
                            <p class="kn-area__open-data">"短期入所・地域移行支援・地域定着支援の事業所です。拠点に含まれるかどうかは市区町村に、対象となる障害は事業所にご確認ください。データの時点："{open_sources.join("、")}</p>
                            <p class="kn-area__credit">"出典：障害福祉サービス等情報公表システム（WAM NET）のオープンデータを加工して作成"</p>
                            <ul class="kn-facility-list" inner_html=cards_html(&open)></ul>
                        })}
                    </section>
                }
            })}
            {practice.map(|p| view! {
                <section class="kn-area__practice" aria-labelledby="kn-practice">
                    <h2 id="kn-practice">"好事例集での紹介（No."{p.number}"）"</h2>
                    <p class="kn-area__as-of">{format!("{GOOD_PRACTICES_AS_OF}（資料の時点）の記載です。「予定」「検討中」などは当時の状況で、今とは違うことがあります。")}</p>
                    {(!p.features.is_empty()).then(|| view! { <h3>"特徴・付加機能等"</h3><ul>{p.features.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    {p.features_shift_only.then(shift_only_note)}
                    {p.overview_lead.clone().map(|l| view! { <h3>"取組み概要"</h3><p class="kn-area__lead">{l}</p> })}
                    {(!p.overview.is_empty()).then(|| view! { <ul>{p.overview.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    {(!data.practices.is_empty()).then(|| view! {
                        // Seed 003 names no municipality for these practices: the matching is
                        // the site's own (issue #19), and the page says so.
                        <h3>"好事例集の取組みの特徴のうち、この自治体等の記載にも見られるもの"</h3>
                        <p class="kn-area__practices-note">{PRACTICE_MATCHING_NOTE}</p>
                        <ul class="kn-area__practices">{data.practices.iter().map(|s| view! {
                            <li><a href=href(&format!("/catalogue/#kn-practice-{}", s.slug)) rel="external">{s.title.clone()}</a>
                                <span class="kn-area__practice-part">{format!("（{}{}）", s.part.label(), s.function.map(|f| format!("・{}", f.label())).unwrap_or_default())}</span></li>
                        }).collect_view()}</ul>
                    })}
                    <ul class="kn-area__links">
                        <li><a href=Route::Catalogue.href()>"好事例集の25自治体等を比べる"</a></li>
                        {a.development_type.map(|t| view! {
                            <li><a href=href(&format!("/catalogue/?type={}", t.id()))>{format!("同じ{}の自治体等を比べる", t.label())}</a></li>
                        })}
                    </ul>
                    <details class="kn-area__reconciliation"><summary>"この行の確認方法"</summary><p>{p.reconciliation.clone()}</p></details>
                </section>
            })}
            {data.reports.into_iter().map(|r| {
                let source = source_of(&r.source);
                view! {
                    <section class="kn-report" aria-labelledby=format!("kn-report-{}", r.id)>
                        <h2 id=format!("kn-report-{}", r.id)>{r.title.clone()}</h2>
                        <dl class="kn-report__meta">
                            <div class="kn-report__meta-item"><dt>"対象期間"</dt><dd>{r.period.clone()}</dd></div>
                            {source.map(|s| view! { <div class="kn-report__meta-item"><dt>"出典"</dt><dd>{format!("{}「{}」（{}）", s.publisher, s.title, s.year)}</dd></div> })}
                        </dl>
                        {(!r.figures.is_empty()).then(|| view! {
                            <h3>"主な数値"</h3>
                            <dl class="kn-figure-list">{r.figures.iter().take(HIGHLIGHTS).map(|f| view! { <div class="kn-figure-list__item"><dt>{f.label.clone()}</dt><dd>{f.value.clone()}</dd></div> }).collect_view()}</dl>
                            <h3>"報告の内容"</h3>
                        })}
                        <div class="kn-prose kn-report__body" inner_html=demote_headings(&r.body_html)></div>
                    </section>
                }
            }).collect_view()}
            {(!has_content).then(|| view! {
                <p class="kn-area__empty">"この地域の地域生活支援拠点等の情報は、まだ掲載されていません。"</p>
            })}
            <OpenDataLinks area_id=a.id.clone() area_name=a.name.clone() listed=listed/>
            {(!data.sources.is_empty()).then(|| view! { <SourceList sources=data.sources/> })}
            {(!data.worklist.is_empty()).then(|| view! {
                <details class="kn-worklist">
                    <summary class="kn-worklist__summary">{format!("市区町村・事業所の方へ：確認をお願いしたい掲載（{}件）", data.worklist.len())}</summary>
                    <p>"電話番号が未掲載のものと、確かめてから1年以上たつものです。内容を確かめて、それぞれのページの「修正を依頼する」から、直す内容か「この掲載内容は正しいです」をお知らせください。"</p>
                    <ul class="kn-worklist__items">{data.worklist.iter().map(|w| view! {
                        <li><a href=href(&format!("{}#kn-correction", Route::Facility(&w.id).path()))>{w.name.clone()}</a>"："{w.why.clone()}</li>
                    }).collect_view()}</ul>
                </details>
            })}
            <Correction corrections=data.corrections.clone() title=a.name.clone() facility=None/>
            <p class="kn-print-meta">{page_url}" ／ 情報の確認日："{a.last_verified.clone().unwrap_or_else(|| "記載なし".to_string())}</p>
        </article>
    }
}

/// An area's page in a reading other than standard Japanese (issue #22): its name, whom to
/// call and its pre-registration, from the same templates as the standard page; the rest
/// (the functions' status, the facilities, the 好事例集, reports) is on the standard page,
/// which it links to.
pub fn area_in_reading(data: AreaData) -> impl IntoView {
    let a = data.area;
    let base = use_context::<Shell>().unwrap_or_default().base;
    let standard = Route::Area(&a.id).path();
    view! {
        <article class="kn-area">
            {heading(&data.link, &a.kana, None)}
            {first_contacts(&data.calls, &data.link, &base)}
            {regions(&data.link, &data.regions)}
            {registration(a.registration.clone())}
            <section class="kn-area__more" aria-labelledby="kn-more">
                <h2 id="kn-more">{t("area.more_title")}</h2>
                <p>{t("area.more_text")}</p>
                <ul class="kn-area__links">
                    <li><a href=href(&standard) hreflang="ja">{t("area.more_link")}</a>{only_in_japanese(&standard)}</li>
                    // The 好事例集's comparison has a version in the reading: its entries link there.
                    {a.practice.is_some().then(|| view! {
                        <li><a href=Route::Catalogue.href()>{t("catalogue.area_compare")}</a>{only_in_japanese(&Route::Catalogue.path())}</li>
                    })}
                    {a.practice.as_ref().and(a.development_type).map(|k| {
                        let m = messages();
                        let text = m.html("catalogue.area_compare_type").replace("{type}", &m.html(k.key()));
                        view! {
                            <li><a href=Route::Catalogue.href_with(&format!("?type={}", k.id())) inner_html=text></a>{only_in_japanese(&Route::Catalogue.path())}</li>
                        }
                    })}
                </ul>
            </section>
            <p class="kn-print-meta">{data.corrections.page_url}</p>
        </article>
    }
}

/// The page's heading: the prefecture above the name, the name's reading below it (the
/// name as written, on English pages).
/// The standard page adds the 整備類型 of the 好事例集.
fn heading(link: &AreaLink, kana: &str, kind: Option<DevelopmentType>) -> impl IntoView + use<> {
    let below = link.local.clone().unwrap_or_else(|| kana.to_string());
    view! {
        <header class="kn-page-heading">
            <p class="kn-page-heading__eyebrow">{link.prefecture.clone()}</p>
            <h1 class="kn-page-heading__title">{link.name.clone()}</h1>
            <p class="kn-page-heading__kana" lang=link.local.is_some().then_some("ja")>{below}</p>
            {kind.map(|t| view! { <p class="kn-area__type">"整備類型："{t.label()}</p> })}
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
#[component]
fn OpenDataLinks(area_id: String, area_name: String, listed: usize) -> impl IntoView {
    view! {
        <section class="kn-area__opendata" aria-labelledby="kn-opendata">
            <h2 id="kn-opendata">"オープンデータ"</h2>
            <ul class="kn-area__links">
                {(listed > 0).then(|| view! {
                    <li><a href=href(&format!("/opendata/areas/{area_id}.csv")) download=format!("{area_id}.csv")>{format!("{area_name}の拠点・事業所の一覧（CSV、{listed}件）")}</a></li>
                })}
                <li><a href=href("/opendata/facilities.csv") download="facilities.csv">"全国の施設（CSV）"</a></li>
                <li><a href=href("/opendata/facilities.json") download="facilities.json">"全国の施設（JSON）"</a></li>
                <li><a href=href("/opendata/facilities.geojson") download="facilities.geojson">"全国の施設の位置（GeoJSON）"</a></li>
                <li><a href=Route::OpenData.href()>"オープンデータの説明（列の意味・ライセンス・出典）"</a></li>
            </ul>
            <p class="kn-area__open-data">"全国のファイルは大きいので、パソコンでの利用をおすすめします。CSV は UTF-8（BOM付き）で、Excel でそのまま開けます。"</p>
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
