//! The site footer: about, data sources and credits.

use leptos::prelude::*;

use crate::i18n::{only_in_japanese, t};
use crate::routes::Route;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let link = |route: Route, key: &'static str| {
        let path = route.path();
        view! { <li><a class="kn-site-footer__link" href=route.href()>{t(key)}</a>{only_in_japanese(&path)}</li> }
    };
    view! {
        <footer class="kn-site-footer">
            <div class="kn-site-footer__inner">
                <ul class="kn-site-footer__list">
                    {link(Route::About, "footer.about")}
                    {link(Route::Embed, "footer.embed")}
                    {link(Route::Guide("faq"), "footer.faq")}
                    {link(Route::OpenData, "footer.opendata")}
                </ul>
                <p class="kn-site-footer__note">{t("footer.note")}</p>
            </div>
        </footer>
    }
}
