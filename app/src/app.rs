//! The shell and the complete route table. Every route is pre-rendered to
//! `dist/<route>/index.html` by the builder; in the browser only its islands hydrate
//! (`hydrate.rs`), so this table and the router never reach the wasm.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::data::Shell;
use crate::pages::{
    about::AboutPage,
    area::AreaPage,
    catalogue::CataloguePage,
    embed::{EmbedPage, WidgetPage},
    emergency::EmergencyPage,
    facility::FacilityPage,
    guide::GuidePage,
    home::HomePage,
    not_found::NotFoundPage,
    opendata::OpenDataPage,
    screening::ScreeningPage,
    search::SearchPage,
};

/// The whole site. Expects [`Shell`] and [`crate::data::PageStore`] in context (the
/// builder provides them).
#[component]
pub fn App() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let base = shell.base.trim_end_matches('/').to_string();
    // Widgets (issue #8) sit in other websites' frames: no site header, footer or skip link.
    let chrome = !crate::pages::embed::widget::is_widget_request(&shell.base);
    view! {
        <Router base=base>
            {chrome.then(|| view! { <a class="kn-skip-link" href="#main">"本文へ移動"</a><SiteHeader/> })}
            <main id="main" class="kn-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/search/") view=SearchPage/>
                    <Route path=path!("/emergency/") view=EmergencyPage/>
                    <Route path=path!("/facilities/:id/") view=FacilityPage/>
                    <Route path=path!("/areas/:id/") view=AreaPage/>
                    <Route path=path!("/catalogue/") view=CataloguePage/>
                    <Route path=path!("/screening/") view=ScreeningPage/>
                    <Route path=path!("/guides/:slug/") view=GuidePage/>
                    <Route path=path!("/embed/") view=EmbedPage/>
                    <Route path=path!("/embed/:widget/") view=WidgetPage/>
                    <Route path=path!("/about/") view=AboutPage/>
                    <Route path=path!("/opendata/") view=OpenDataPage/>
                </Routes>
            </main>
            {chrome.then(|| view! { <SiteFooter/> })}
        </Router>
    }
}
