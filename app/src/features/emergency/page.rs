//! `/emergency/`: 「緊急のとき」 from the home page (issue #17). 119 first, then the person
//! chooses their municipality — the areas with 拠点 content at once, every other one by
//! prefecture — and lands on that area's 「まず連絡するところ」, its numbers at the top of the
//! page. Plain links: it works the same with JavaScript off.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::{href, EmergencyData};
use crate::markup::area_directory::AreaDirectory;
use crate::markup::call_button::call_button;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`emergency`].
#[component]
pub fn EmergencyPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn emergency(data: EmergencyData) -> impl IntoView {
    view! {
        <article class="kn-emergency">
            <PageHeading
                title="緊急のとき"
                lead="お住まいの市区町村を選ぶと、まず連絡するところ（電話番号）が順番に出ます。"
            />
            <section class="kn-emergency__danger" aria-labelledby="kn-emergency-119">
                <h2 id="kn-emergency-119">"命に関わるときは119番"</h2>
                <p>"急な病気やけが、命に関わる危険があるときは、迷わず119番に電話してください。"</p>
                <div inner_html=call_button("119")></div>
            </section>
            <section aria-labelledby="kn-emergency-areas">
                <h2 id="kn-emergency-areas">"拠点の情報が掲載されている地域"</h2>
                <ul class="kn-link-grid">
                    {data
                        .areas
                        .into_iter()
                        .map(|a| {
                            view! {
                                <li>
                                    <a class="kn-link-grid__link" href=href(&format!("{}#kn-first", Route::Area(&a.id).path()))>
                                        {a.name}
                                        <span class="kn-link-grid__sub">{a.prefecture}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="kn-emergency-directory">
                <h2 id="kn-emergency-directory">"都道府県・市区町村から選ぶ"</h2>
                <p>"都道府県を押すと、市区町村の一覧が開きます。"</p>
                <AreaDirectory prefectures=data.prefectures fragment="#kn-first"/>
            </section>
            <p>
                <a href=Route::Guide("emergency").href()>"緊急時の流れ（解説）を読む"</a>
            </p>
        </article>
    }
}
