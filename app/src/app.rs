//! The shell and the router: which page each route of [`crate::routes::Route`] shows. Every
//! route is pre-rendered to `dist/<route>/index.html` by the builder; in the browser only its
//! islands hydrate (`hydrate.rs`), so the router never reaches the wasm.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::data::Shell;
use crate::features::{
    about::AboutPage,
    area::AreaPage,
    catalogue::CataloguePage,
    embed::{EmbedPage, WidgetPage},
    emergency::EmergencyPage,
    facility::FacilityPage,
    finder::SearchPage,
    guide::GuidePage,
    home::HomePage,
    not_found::NotFoundPage,
    opendata::OpenDataPage,
    screening::ScreeningPage,
};
use crate::i18n::t;
use crate::routes::{Route as At, ANY};

/// The whole site. Expects [`Shell`] and [`crate::data::PageStore`] in context (the
/// builder provides them).
#[component]
pub fn App() -> impl IntoView {
    let shell = expect_context::<Shell>();
    // A reading's pages live under its prefix (`/en/…`): the routes match below it.
    let base = format!("{}{}", shell.base, crate::i18n::lang().prefix()).trim_end_matches('/').to_string();
    // Widgets (issue #8) sit in other websites' frames: no site header, footer or skip link.
    let chrome = !crate::features::embed::widget::is_widget_request(&shell.base);
    view! {
        <Router base=base>
            {chrome.then(|| view! { <a class="kn-skip-link" href="#main">{t("site.skip")}</a><SiteHeader/> })}
            <main id="main" class="kn-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=At::Home.matcher() view=HomePage/>
                    <Route path=At::Search.matcher() view=SearchPage/>
                    <Route path=At::Emergency.matcher() view=EmergencyPage/>
                    <Route path=At::Facility(ANY).matcher() view=FacilityPage/>
                    <Route path=At::Area(ANY).matcher() view=AreaPage/>
                    <Route path=At::Catalogue.matcher() view=CataloguePage/>
                    <Route path=At::Screening.matcher() view=ScreeningPage/>
                    <Route path=At::Guide(ANY).matcher() view=GuidePage/>
                    <Route path=At::Embed.matcher() view=EmbedPage/>
                    <Route path=At::Widget(Default::default()).matcher() view=WidgetPage/>
                    <Route path=At::About.matcher() view=AboutPage/>
                    <Route path=At::OpenData.matcher() view=OpenDataPage/>
                </Routes>
            </main>
            {chrome.then(|| view! { <SiteFooter/> })}
        </Router>
    }
}
