//! The shell and the complete route table. Every route is pre-rendered to
//! `dist/<route>/index.html` by the builder and hydrated in the browser.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::data::{use_page, Shell};
use crate::pages::{
    about::AboutPage, area::AreaPage, catalogue::CataloguePage, embed::EmbedPage, facility::FacilityPage,
    guide::GuidePage, home::HomePage, not_found::NotFoundPage, opendata::OpenDataPage, screening::ScreeningPage, search::SearchPage,
};

/// The whole site. Expects [`Shell`] and [`crate::data::PageStore`] in context (the
/// builder and the hydrate entry provide them).
#[component]
pub fn App() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let base = shell.base.trim_end_matches('/').to_string();
    view! {
        <Router base=base>
            <a class="kn-skip-link" href="#main">"本文へ移動"</a>
            <SiteHeader/>
            <main id="main" class="kn-main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/search/") view=SearchPage/>
                    <Route path=path!("/facilities/:id/") view=FacilityPage/>
                    <Route path=path!("/areas/:id/") view=AreaPage/>
                    <Route path=path!("/catalogue/") view=CataloguePage/>
                    <Route path=path!("/screening/") view=ScreeningPage/>
                    <Route path=path!("/guides/:slug/") view=GuidePage/>
                    <Route path=path!("/embed/") view=EmbedPage/>
                    <Route path=path!("/about/") view=AboutPage/>
                    <Route path=path!("/opendata/") view=OpenDataPage/>
                </Routes>
            </main>
            <SiteFooter/>
            <TitleSync/>
        </Router>
    }
}

/// Keeps `document.title` in step with client-side navigation (the pre-rendered page
/// already has the right one).
#[component]
fn TitleSync() -> impl IntoView {
    let page = use_page();
    let name = expect_context::<Shell>().name;
    Effect::new(move |_| {
        if let Some(p) = page.get() {
            let title = if p.is_home() { p.title() } else { format!("{}｜{}", p.title(), name) };
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&title);
            }
        }
    });
}
