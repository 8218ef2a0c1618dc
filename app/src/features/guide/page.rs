//! `/guides/{slug}/`: an explanatory page written from the seeds.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::GuideData;
use crate::markup::source_list::SourceList;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`guide`].
#[component]
pub fn GuidePage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time.
pub fn guide(data: GuideData) -> impl IntoView {
    let current = data.guide.slug.clone();
    view! {
        <article class="kn-guide">
            <PageHeading title=data.guide.title.clone() lead=data.guide.description.clone()/>
            <div class="kn-prose" inner_html=data.guide.body_html.clone()></div>
            <SourceList sources=data.sources/>
            <nav class="kn-guide__nav" aria-label="ほかの解説">
                <h2 class="kn-guide__nav-title">"ほかの解説"</h2>
                <ul class="kn-guide-list">
                    {data.guides.into_iter().filter(|g| g.slug != current).map(|g| view! {
                        <li class="kn-guide-list__item"><a class="kn-guide-list__link" href=Route::Guide(&g.slug).href()>{g.title}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        </article>
    }
}
