//! The 404 page: never a dead end. One per reading (`dist/404.html`, `dist/en/404.html`,
//! `dist/easy/404.html`): hosts serve the nearest one to the missing address.

use leptos::prelude::*;

use crate::i18n::{only_in_japanese, t};
use crate::routes::Route;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <div class="kn-not-found">
            <h1 class="kn-page-heading__title">{t("not_found.title")}</h1>
            <p>{t("not_found.text")}</p>
            <ul class="kn-guide-list">
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Emergency.href()>{t("not_found.emergency")}</a></li>
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Search.href()>{t("not_found.search")}{only_in_japanese(&Route::Search.path())}</a></li>
                <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Home.href()>{t("not_found.home")}</a></li>
            </ul>
        </div>
    }
}
