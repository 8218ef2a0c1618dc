//! 都道府県 → 市区町村: every area by prefecture, one `<details>` each, so a person finds
//! their municipality in two taps with or without JavaScript. The finder's start page and
//! the emergency page (`/emergency/`, links to each area's 「まず連絡するところ」) share it,
//! and [`AreaLinks`], the grid of the areas with 拠点 content (home and emergency pages).

use leptos::prelude::*;

use crate::data::{AreaLink, PrefectureAreas};
use crate::routes::Route;

/// `fragment` is appended to each area's address, e.g. `"#kn-first"`.
#[component]
pub fn AreaDirectory(prefectures: Vec<PrefectureAreas>, #[prop(default = "")] fragment: &'static str) -> impl IntoView {
    prefectures
        .into_iter()
        .map(|p| {
            view! {
                <details class="kn-area-directory">
                    <summary class="kn-area-directory__summary">{p.prefecture.clone()}</summary>
                    <ul class="kn-link-grid">
                        {p
                            .areas
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <li>
                                        <a class="kn-link-grid__link" href=Route::Area(&a.id).href_with(fragment)>
                                            {area_name(&a)}
                                            {a.local.map(|l| view! { <span class="kn-link-grid__sub">{l}</span> })}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view()
}

/// The areas with 拠点 content as a grid of links (the home page, the emergency page): each
/// name with its prefecture, and on English pages the name as the municipality writes it.
#[component]
pub fn AreaLinks(areas: Vec<AreaLink>, #[prop(default = "")] fragment: &'static str) -> impl IntoView {
    view! {
        <ul class="kn-link-grid">
            {areas
                .into_iter()
                .map(|a| {
                    let sub = match &a.local {
                        Some(local) => format!("{local}・{}", a.prefecture),
                        None => a.prefecture.clone(),
                    };
                    view! {
                        <li>
                            <a class="kn-link-grid__link" href=Route::Area(&a.id).href_with(fragment)>
                                {area_name(&a)}
                                <span class="kn-link-grid__sub">{sub}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// An area's name, with its reading as ふりがな where the page gives one.
pub fn area_name(a: &AreaLink) -> impl IntoView + use<> {
    match a.reading.as_deref() {
        Some(reading) => {
            let html = crate::markup::html::with_reading(&a.name, Some(reading));
            leptos::either::Either::Left(view! { <span inner_html=html></span> })
        }
        None => leptos::either::Either::Right(a.name.clone()),
    }
}
