//! The site header: the reading switch, the name (home link) and the main navigation.

use leptos::prelude::*;

use crate::data::{href, Shell};
use crate::i18n::{messages, only_in_japanese, t, tx, Lang};
use crate::routes::Route;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let link = |route: Route, key: &'static str| {
        let path = route.path();
        view! { <li><a class="kn-site-header__link" href=route.href()>{t(key)}{only_in_japanese(&path)}</a></li> }
    };
    view! {
        <header class="kn-site-header">
            <div class="kn-site-header__inner">
                <ReadingSwitch/>
                <a class="kn-site-header__name" href=Route::Home.href()>
                    {t("site.name")}
                    <span class="kn-site-header__tagline">{t("site.tagline")}</span>
                </a>
                <nav class="kn-site-header__nav" aria-label=tx("site.menu")>
                    <ul class="kn-site-header__list">
                        {link(Route::Search, "nav.search")}
                        {link(Route::Screening, "nav.screening")}
                        {link(Route::Catalogue, "nav.catalogue")}
                        {link(Route::Guide("what-is"), "nav.what_is")}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// 日本語・やさしい にほんご・English (issue #22): each reading named in itself, linking to
/// this page in it where it has a version and to that reading's home page otherwise. The
/// script (`boot.js`) carries the page's query and fragment over; on やさしい日本語 pages it
/// also shows the button that hides or shows ふりがな, remembered on the device.
#[component]
fn ReadingSwitch() -> impl IntoView {
    let current = messages();
    let shell = use_context::<Shell>().unwrap_or_default();
    let location = leptos_router::hooks::use_location().pathname.get_untracked();
    let here = location.strip_prefix(shell.base.trim_end_matches('/')).unwrap_or(&location).to_string();
    let (_, page) = Lang::of_path(&here);
    let page = page.to_string();
    view! {
        <nav class="kn-reading-switch" aria-label=tx("site.languages")>
            <ul class="kn-reading-switch__list">
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        // The 404 page stands for every missing address: the switch goes to
                        // each reading's home page.
                        let same = page != "/404/" && current.has_page_in(lang, &page);
                        let target = if same { format!("{}{}", lang.prefix(), page.trim_start_matches('/')) } else { lang.prefix().to_string() };
                        let name = lang.autonym();
                        view! {
                            <li lang=lang.html_lang()>
                                {if lang == current.lang {
                                    view! { <span class="kn-reading-switch__current" aria-current="page">{name}</span> }.into_any()
                                } else {
                                    view! { <a class="kn-reading-switch__link" href=href(&target) hreflang=lang.hreflang() data-kn-same=same.then_some("")>{name}</a> }.into_any()
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(current.lang == Lang::Easy).then(|| view! {
                <button class="kn-reading-switch__ruby" type="button" data-kn-ruby="" aria-pressed="true" hidden>{t("site.ruby")}</button>
            })}
        </nav>
    }
}
