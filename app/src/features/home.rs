//! `/`: three ways in — 地域から探す, 目的から探す, 緊急のとき.

use leptos::prelude::*;

use crate::components::page::static_view;
use crate::data::{href, HomeData};
use crate::model::Function;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`home`].
#[component]
pub fn HomePage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn home(data: HomeData) -> impl IntoView {
    view! {
        <div class="kn-home">
            <section class="kn-home__hero">
                <h1 class="kn-home__title">"どこに相談したら良いのか、一緒にさがします"</h1>
                <p class="kn-home__lead">
                    "障害のある方とご家族のための、地域生活支援拠点等の相談先・緊急時の連絡先・事前登録の案内です。"
                </p>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-emergency">
                <h2 id="kn-entry-emergency" class="kn-home__entry-title">"緊急のとき"</h2>
                <p>"介護する家族が急に倒れた、など今すぐ助けが必要なときは、お住まいの市区町村の相談先に連絡してください。命に関わるときは119番へ。"</p>
                <a class="kn-button kn-button--emergency" href=Route::Emergency.href()>"市区町村を選んで連絡先を見る"</a>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-area">
                <h2 id="kn-entry-area" class="kn-home__entry-title">"地域から探す"</h2>
                <form class="kn-home__form" action=Route::Search.href() method="get" role="search">
                    <label class="kn-field__label" for="kn-home-q">"市区町村名（ひらがな・ローマ字でも）"</label>
                    <input class="kn-field__input" id="kn-home-q" name="where" type="search" autocomplete="address-level2"/>
                    <button class="kn-button" type="submit">"さがす"</button>
                </form>
                <p>"拠点の情報が掲載されている地域："</p>
                <ul class="kn-link-grid">
                    {data.areas.into_iter().map(|a| view! {
                        <li><a class="kn-link-grid__link" href=Route::Area(&a.id).href()>{a.name}<span class="kn-link-grid__sub">{a.prefecture}</span></a></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-need">
                <h2 id="kn-entry-need" class="kn-home__entry-title">"目的から探す"</h2>
                <ul class="kn-link-grid">
                    {Function::ALL.into_iter().map(|f| view! {
                        <li><a class="kn-link-grid__link" href=href(&format!("{}?fn={}", Route::Search.path(), f.id()))>{f.need()}<span class="kn-link-grid__sub">{f.label()}</span></a></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-screening">
                <h2 id="kn-entry-screening" class="kn-home__entry-title">"もしものときに備える"</h2>
                <p>"緊急時の支援が見込めないご家庭は、事前に登録しておくと、いざというときに支援がスムーズになります。"</p>
                <a class="kn-button" href=Route::Screening.href()>"事前登録が必要か確かめる"</a>
            </section>
            <section class="kn-home__entry" aria-labelledby="kn-entry-guides">
                <h2 id="kn-entry-guides" class="kn-home__entry-title">"知っておきたいこと"</h2>
                <ul class="kn-guide-list">
                    {data.guides.into_iter().map(|g| view! {
                        <li class="kn-guide-list__item">
                            <a class="kn-guide-list__link" href=Route::Guide(&g.slug).href()>{g.title}</a>
                            <p class="kn-guide-list__desc">{g.description}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}
