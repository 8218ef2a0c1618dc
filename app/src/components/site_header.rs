//! The site header: name (home link) and the main navigation.

use leptos::prelude::*;

use crate::routes::Route;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="kn-site-header">
            <div class="kn-site-header__inner">
                <a class="kn-site-header__name" href=Route::Home.href()>
                    "拠点ナビ"
                    <span class="kn-site-header__tagline">"地域生活支援拠点等の相談先"</span>
                </a>
                <nav class="kn-site-header__nav" aria-label="メインメニュー">
                    <ul class="kn-site-header__list">
                        <li><a class="kn-site-header__link" href=Route::Search.href()>"さがす"</a></li>
                        <li><a class="kn-site-header__link" href=Route::Screening.href()>"事前登録チェック"</a></li>
                        <li><a class="kn-site-header__link" href=Route::Catalogue.href()>"好事例集"</a></li>
                        <li><a class="kn-site-header__link" href=Route::Guide("what-is").href()>"拠点とは"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
