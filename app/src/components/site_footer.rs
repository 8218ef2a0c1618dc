//! The site footer: about, data sources and credits.

use leptos::prelude::*;

use crate::routes::Route;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="kn-site-footer">
            <div class="kn-site-footer__inner">
                <ul class="kn-site-footer__list">
                    <li><a class="kn-site-footer__link" href=Route::About.href()>"このサイトについて・出典・プライバシー"</a></li>
                    <li><a class="kn-site-footer__link" href=Route::Embed.href()>"ホームページに埋め込む（自治体の方へ）"</a></li>
                    <li><a class="kn-site-footer__link" href=Route::Guide("faq").href()>"よくある質問"</a></li>
                    <li><a class="kn-site-footer__link" href=Route::OpenData.href()>"オープンデータ"</a></li>
                </ul>
                <p class="kn-site-footer__note">
                    "拠点ナビは、自治体の公開資料をもとに作成しています。最新の情報は各市区町村にご確認ください。"
                </p>
            </div>
        </footer>
    }
}
