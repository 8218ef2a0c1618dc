//! `/emergency/`: 「緊急のとき」 from the home page (issue #17). 119 first, then the person
//! chooses their municipality — the areas with 拠点 content at once, every other one by
//! prefecture — and lands on that area's 「まず連絡するところ」, its numbers at the top of the
//! page. Plain links: it works the same with JavaScript off.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::EmergencyData;
use crate::i18n::{messages, only_in_japanese, t};
use crate::markup::area_directory::{AreaDirectory, AreaLinks};
use crate::markup::call_button::call_button_in;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`emergency`].
#[component]
pub fn EmergencyPage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time, in the reading in context.
pub fn emergency(data: EmergencyData) -> impl IntoView {
    // The lists link to area pages; they say 「(Japanese)」 only if those have no version in
    // the page's reading (every area has one in each reading today).
    let area = data.areas.first().map_or_else(|| Route::Area("").path(), |a| Route::Area(&a.id).path());
    view! {
        <article class="kn-emergency">
            <PageHeading title=messages().html("emergency.title") lead=messages().html("emergency.lead") markup=true/>
            <section class="kn-emergency__danger" aria-labelledby="kn-emergency-119">
                <h2 id="kn-emergency-119">{t("emergency.danger_title")}</h2>
                <p>{t("emergency.danger_text")}</p>
                <div inner_html=call_button_in(&messages().html("call.button"), "119")></div>
            </section>
            <section aria-labelledby="kn-emergency-areas">
                <h2 id="kn-emergency-areas">{t("emergency.areas_title")}{only_in_japanese(&area)}</h2>
                <AreaLinks areas=data.areas fragment="#kn-first"/>
            </section>
            <section aria-labelledby="kn-emergency-directory">
                <h2 id="kn-emergency-directory">{t("emergency.directory_title")}{only_in_japanese(&area)}</h2>
                <p>{t("emergency.directory_hint")}</p>
                <AreaDirectory prefectures=data.prefectures fragment="#kn-first"/>
            </section>
            <p>
                <a href=Route::Guide("emergency").href()>{t("emergency.guide_link")}</a>
                {only_in_japanese(&Route::Guide("emergency").path())}
            </p>
        </article>
    }
}
