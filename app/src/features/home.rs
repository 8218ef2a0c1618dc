//! `/`: three ways in — 地域から探す, 目的から探す, 緊急のとき.

use leptos::prelude::*;

use crate::components::page::static_view;
use crate::data::HomeData;
use crate::i18n::{only_in_japanese, t};
use crate::markup::area_directory::AreaLinks;
use crate::model::Function;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`home`].
#[component]
pub fn HomePage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time, in the reading of the [`crate::i18n::Messages`]
/// in context.
pub fn home(data: HomeData) -> impl IntoView {
    let search = Route::Search.path();
    view! {
        <div class="kn-home">
            <section class="kn-home__hero">
                <h1 class="kn-home__title">{t("home.heading")}</h1>
                <p class="kn-home__lead">{t("home.description")}</p>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-emergency">
                <h2 id="kn-entry-emergency" class="kn-home__entry-title">{t("home.emergency_title")}</h2>
                <p>{t("home.emergency_text")}</p>
                <a class="kn-button kn-button--emergency" href=Route::Emergency.href()>{t("home.emergency_button")}</a>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-area">
                <h2 id="kn-entry-area" class="kn-home__entry-title">{t("home.area_title")}</h2>
                <form class="kn-home__form" action=Route::Search.href() method="get" role="search">
                    <label class="kn-field__label" for="kn-home-q">{t("home.area_label")}{only_in_japanese(&search)}</label>
                    <input class="kn-field__input" id="kn-home-q" name="where" type="search" autocomplete="address-level2"/>
                    <button class="kn-button" type="submit">{t("home.area_submit")}</button>
                </form>
                <p>{t("home.area_listed")}</p>
                <AreaLinks areas=data.areas/>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-need">
                <h2 id="kn-entry-need" class="kn-home__entry-title">{t("home.need_title")}{only_in_japanese(&search)}</h2>
                <ul class="kn-link-grid">
                    {Function::ALL.into_iter().map(|f| view! {
                        <li><a class="kn-link-grid__link" href=Route::Search.href_with(&format!("?fn={}", f.id()))>{t(f.need_key())}<span class="kn-link-grid__sub">{t(f.label_key())}</span></a></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-screening">
                <h2 id="kn-entry-screening" class="kn-home__entry-title">{t("home.screening_title")}</h2>
                <p>{t("home.screening_text")}</p>
                <a class="kn-button" href=Route::Screening.href()>{t("home.screening_button")}</a>
                {only_in_japanese(&Route::Screening.path())}
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-guides">
                <h2 id="kn-entry-guides" class="kn-home__entry-title">{t("home.guides_title")}</h2>
                <ul class="kn-guide-list">
                    {data.guides.into_iter().map(|g| {
                        let path = Route::Guide(&g.slug).path();
                        view! {
                            <li class="kn-guide-list__item">
                                <a class="kn-guide-list__link" href=Route::Guide(&g.slug).href() inner_html=g.title></a>
                                {only_in_japanese(&path)}
                                <p class="kn-guide-list__desc" inner_html=g.description></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}
