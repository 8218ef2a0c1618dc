//! The site header: name (home link) and the main navigation.

use leptos::prelude::*;

use crate::data::href;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="kn-site-header">
            <div class="kn-site-header__inner">
                <a class="kn-site-header__name" href=href("/")>
                    "拠点ナビ"
                    <span class="kn-site-header__tagline">"地域生活支援拠点等の相談先"</span>
                </a>
                <nav class="kn-site-header__nav" aria-label="メインメニュー">
                    <ul class="kn-site-header__list">
                        <li><a class="kn-site-header__link" href=href("/search/")>"さがす"</a></li>
                        <li><a class="kn-site-header__link" href=href("/screening/")>"事前登録チェック"</a></li>
                        <li><a class="kn-site-header__link" href=href("/catalogue/")>"好事例集"</a></li>
                        <li><a class="kn-site-header__link" href=href("/guides/what-is/")>"拠点とは"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
