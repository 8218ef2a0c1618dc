//! `/catalogue/`: the 好事例集's 25 entries side by side, its summary figures and its
//! practice sections.

use leptos::prelude::*;

use crate::components::page::{page_view, PageHeading};
use crate::data::{href, CatalogueData, PageData};
use crate::model::Function;

#[component]
pub fn CataloguePage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Catalogue(c) => Some(catalogue(c.clone()).into_any()),
        _ => None,
    })
}

fn catalogue(data: CatalogueData) -> impl IntoView {
    view! {
        <article class="kn-catalogue">
            <PageHeading title="好事例集 25自治体等" lead="地域生活支援拠点等の好事例集に掲載された25の自治体等を、整備類型と5つの機能で比べられます。"/>
            <section aria-labelledby="kn-charts"><h2 id="kn-charts">"全体の傾向"</h2>
                {data.summary.charts.iter().map(|c| view! {
                    <figure class="kn-chart">
                        <figcaption class="kn-chart__title">{c.title.clone()}</figcaption>
                        <ul class="kn-chart__bars">{c.bars.iter().map(|b| view! {
                            <li class="kn-chart__bar">{b.label.clone()}"："{b.count}"件"{b.percent.map(|p| format!("（{p}%）"))}</li>
                        }).collect_view()}</ul>
                    </figure>
                }).collect_view()}
            </section>
            <section aria-labelledby="kn-entries"><h2 id="kn-entries">"掲載自治体 一覧"</h2>
                <div class="kn-table-scroll" tabindex="0" role="region" aria-label="掲載自治体の比較表">
                <table class="kn-catalogue-table">
                    <thead><tr>
                        <th scope="col">"No."</th><th scope="col">"自治体等"</th><th scope="col">"整備類型"</th>
                        {Function::ALL.into_iter().map(|f| view! { <th scope="col">{f.label()}</th> }).collect_view()}
                        <th scope="col">"コーディネーター"</th>
                    </tr></thead>
                    <tbody>
                        {data.entries.iter().filter_map(|a| a.practice.clone().map(|p| (a.clone(), p))).map(|(a, p)| view! {
                            <tr>
                                <td>{p.number}</td>
                                <th scope="row"><a href=href(&format!("/areas/{}/", a.id))>{p.heading.clone()}</a></th>
                                <td>{a.development_type.map(|t| t.label())}</td>
                                {Function::ALL.into_iter().map(|f| view! { <td>{p.status_of(f).map(|s| s.summary())}</td> }).collect_view()}
                                <td>{if p.coordinator { "○" } else { "-" }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            </section>
            <section aria-labelledby="kn-practices"><h2 id="kn-practices">"取組みの特徴"</h2>
                {data.practices.into_iter().map(|p| view! {
                    <section class="kn-practice">
                        <h3 class="kn-practice__title">{p.title.clone()}</h3>
                        <p class="kn-practice__part">{p.part.label()}{p.function.map(|f| format!("（{}）", f.label()))}</p>
                        <div class="kn-prose" inner_html=p.body_html.clone()></div>
                    </section>
                }).collect_view()}
            </section>
        </article>
    }
}
