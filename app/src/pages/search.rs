//! `/search/`: the facility finder. Without JavaScript it lists the 拠点 facilities and every
//! municipality by prefecture.

use leptos::prelude::*;

use crate::components::facility_card::FacilityCard;
use crate::components::page::{page_view, PageHeading};
use crate::data::{href, PageData, SearchData};

#[component]
pub fn SearchPage() -> impl IntoView {
    page_view(|d| match d {
        PageData::Search(s) => Some(search(s.clone()).into_any()),
        _ => None,
    })
}

fn search(data: SearchData) -> impl IntoView {
    view! {
        <div class="kn-search">
            <PageHeading title="相談先をさがす" lead="お住まいの市区町村を選ぶと、その地域の相談先と拠点の情報が表示されます。"/>
            <section aria-labelledby="kn-kyoten-list"><h2 id="kn-kyoten-list">"資料で拠点に位置付けられている相談先"</h2>
                <ul class="kn-facility-list">{data.facilities.into_iter().map(|f| view! { <FacilityCard facility=f/> }).collect_view()}</ul>
            </section>
            <section aria-labelledby="kn-area-directory"><h2 id="kn-area-directory">"都道府県・市区町村から選ぶ"</h2>
                {data.prefectures.into_iter().map(|p| view! {
                    <details class="kn-area-directory">
                        <summary class="kn-area-directory__summary">{p.prefecture.clone()}</summary>
                        <ul class="kn-link-grid">{p.areas.into_iter().map(|a| view! {
                            <li><a class="kn-link-grid__link" href=href(&format!("/areas/{}/", a.id))>{a.name}</a></li>
                        }).collect_view()}</ul>
                    </details>
                }).collect_view()}
            </section>
        </div>
    }
}
