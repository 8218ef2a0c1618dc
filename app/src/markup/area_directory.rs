//! 都道府県 → 市区町村: every area by prefecture, one `<details>` each, so a person finds
//! their municipality in two taps with or without JavaScript. The finder's start page and
//! the emergency page (`/emergency/`, links to each area's 「まず連絡するところ」) share it.

use leptos::prelude::*;

use crate::data::{href, PrefectureAreas};
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
                                        <a class="kn-link-grid__link" href=href(&format!("{}{fragment}", Route::Area(&a.id).path()))>
                                            {a.name}
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
