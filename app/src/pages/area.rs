//! `/areas/{id}/`: one municipality or region — its 拠点, whom to call, its facilities, its
//! 好事例集 entry and operating reports.

use leptos::prelude::*;

use crate::components::facility_card::FacilityCard;
use crate::components::page::static_view;
use crate::components::source_list::SourceList;
use crate::data::{href, AreaData};
use crate::model::Function;
use crate::pages::facility::CorrectionLinks;

/// Shows the HTML the builder rendered with [`area`].
#[component]
pub fn AreaPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn area(data: AreaData) -> impl IntoView {
    let a = data.area;
    let practice = a.practice.clone();
    let has_content = a.has_content() || !data.facilities.is_empty() || !data.reports.is_empty();
    view! {
        <article class="kn-area">
            <header class="kn-page-heading">
                <p class="kn-page-heading__eyebrow">{a.prefecture.clone()}</p>
                <h1 class="kn-page-heading__title">{a.name.clone()}</h1>
                <p class="kn-page-heading__kana">{a.kana.clone()}</p>
                {a.development_type.map(|t| view! { <p class="kn-area__type">"整備類型："{t.label()}</p> })}
            </header>
            {(!data.regions.is_empty()).then(|| view! {
                <p class="kn-area__regions">"この市町村は次の圏域で拠点を整備しています："
                    {data.regions.iter().map(|r| view! { <a href=href(&format!("/areas/{}/", r.id))>{r.name.clone()}</a>" " }).collect_view()}
                </p>
            })}
            {(!data.members.is_empty()).then(|| view! {
                <section aria-labelledby="kn-members"><h2 id="kn-members">"構成市町村"</h2>
                    <ul class="kn-link-grid">{data.members.iter().map(|m| view! { <li><a class="kn-link-grid__link" href=href(&format!("/areas/{}/", m.id))>{m.name.clone()}</a></li> }).collect_view()}</ul>
                </section>
            })}
            <section class="kn-area__contacts" aria-labelledby="kn-contacts">
                <h2 id="kn-contacts">"どこに相談したら良いか"</h2>
                {if a.contacts.is_empty() {
                    view! { <p>"この地域の相談先は、まだ拠点ナビに掲載されていません。お住まいの市区町村の障害福祉の担当窓口にお問い合わせください。"</p> }.into_any()
                } else {
                    view! { <ul class="kn-contact-list">{a.contacts.iter().map(|c| view! {
                        <li class="kn-contact-list__item">
                            <p class="kn-contact-list__name">{match c.facility.clone() { Some(id) => view! { <a href=href(&format!("/facilities/{id}/"))>{c.name.clone()}</a> }.into_any(), None => c.name.clone().into_any() }}
                                {c.emergency.then(|| view! { <span class="kn-contact-list__badge">"緊急時"</span> })}</p>
                            {c.purpose.clone().map(|p| view! { <p>{p}</p> })}
                            {c.hours.clone().map(|h| view! { <p>"受付："{h}</p> })}
                            {match c.phone.clone() { Some(p) => view! { <a class="kn-button kn-button--call" href=format!("tel:{}", p.replace('-', ""))>"電話する "{p.clone()}</a> }.into_any(), None => view! { <p class="kn-contact-list__unknown">"電話番号：未掲載"</p> }.into_any() }}
                        </li>
                    }).collect_view()}</ul> }.into_any()
                }}
                {a.website.clone().map(|w| view! { <p><a href=w rel="noopener noreferrer">{format!("{}の公式サイト", a.name)}</a></p> })}
            </section>
            {a.registration.clone().map(|r| view! {
                <section aria-labelledby="kn-registration"><h2 id="kn-registration">"事前登録"</h2>
                    <p>{r.summary}</p>
                    {r.ask.map(|q| view! { <p>"相談先："{q}</p> })}
                    {r.apply_url.map(|u| view! { <a class="kn-button" href=u rel="noopener noreferrer">"申請ページを開く"</a> })}
                </section>
            })}
            {a.coordinator.clone().map(|c| view! { <section aria-labelledby="kn-coordinator"><h2 id="kn-coordinator">"コーディネーター"</h2><p>{c}</p></section> })}
            {(!a.body_html.is_empty()).then(|| view! { <div class="kn-prose" inner_html=a.body_html.clone()></div> })}
            {practice.map(|p| view! {
                <section class="kn-area__practice" aria-labelledby="kn-practice">
                    <h2 id="kn-practice">"好事例集での紹介（No."{p.number}"）"</h2>
                    <table class="kn-status-grid">
                        <caption class="kn-visually-hidden">"5つの機能の整備状況"</caption>
                        <thead><tr><th scope="col">"機能"</th><th scope="col">"状況"</th><th scope="col">"表の記載"</th></tr></thead>
                        <tbody>
                            {Function::ALL.into_iter().map(|f| {
                                let s = p.status_of(f).cloned().unwrap_or_default();
                                view! { <tr><th scope="row">{f.label()}</th><td>{s.summary()}</td><td>{if s.raw.is_empty() { "（空欄）".to_string() } else { s.raw.clone() }}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p>"コーディネーター配置："{if p.coordinator { "あり（○）" } else { "記載なし（-）" }}</p>
                    {(!p.features.is_empty()).then(|| view! { <h3>"特徴・付加機能等"</h3><ul>{p.features.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    {p.overview_lead.clone().map(|l| view! { <h3>"取組み概要"</h3><p class="kn-area__lead">{l}</p> })}
                    {(!p.overview.is_empty()).then(|| view! { <ul>{p.overview.iter().map(|x| view! { <li>{x.clone()}</li> }).collect_view()}</ul> })}
                    <details class="kn-area__reconciliation"><summary>"この行の確認方法"</summary><p>{p.reconciliation.clone()}</p></details>
                </section>
            })}
            {(!data.facilities.is_empty()).then(|| view! {
                <section aria-labelledby="kn-facilities"><h2 id="kn-facilities">"この地域の拠点・事業所"</h2>
                    <ul class="kn-facility-list">{data.facilities.into_iter().map(|f| view! { <FacilityCard facility=f/> }).collect_view()}</ul>
                </section>
            })}
            {data.reports.into_iter().map(|r| view! {
                <section class="kn-report" aria-labelledby=format!("kn-report-{}", r.id)>
                    <h2 id=format!("kn-report-{}", r.id)>{r.title.clone()}</h2>
                    <p class="kn-report__period">"対象期間："{r.period.clone()}</p>
                    {(!r.figures.is_empty()).then(|| view! {
                        <dl class="kn-figure-list">{r.figures.iter().map(|f| view! { <div class="kn-figure-list__item"><dt>{f.label.clone()}</dt><dd>{f.value.clone()}</dd></div> }).collect_view()}</dl>
                    })}
                    <div class="kn-prose" inner_html=r.body_html.clone()></div>
                </section>
            }).collect_view()}
            {(!has_content).then(|| view! {
                <p class="kn-area__empty">"この地域の地域生活支援拠点等の情報は、まだ掲載されていません。"</p>
            })}
            {(!data.sources.is_empty()).then(|| view! { <SourceList sources=data.sources/> })}
            <CorrectionLinks corrections=data.corrections title=a.name.clone()/>
        </article>
    }
}
