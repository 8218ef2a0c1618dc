//! `/guides/{slug}/`: an explanatory page written from the seeds.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::GuideData;
use crate::i18n::{only_in_japanese, t, tx};
use crate::markup::source_list::SourceList;
use crate::routes::Route;

/// Shows the HTML the builder rendered with [`guide`].
#[component]
pub fn GuidePage() -> impl IntoView {
    static_view()
}

/// The page body, rendered at build time. The guide's title and description are markup (the
/// builder escapes them and turns ふりがな into `<ruby>`), as are the other guides' titles.
pub fn guide(data: GuideData) -> impl IntoView {
    let current = data.guide.slug.clone();
    view! {
        <article class="kn-guide">
            <PageHeading title=data.guide.title.clone() lead=data.guide.description.clone() markup=true/>
            <div class="kn-prose" inner_html=data.guide.body_html.clone()></div>
            <SourceList sources=data.sources/>
            <nav class="kn-guide__nav" aria-label=tx("guide.others")>
                <h2 class="kn-guide__nav-title">{t("guide.others")}</h2>
                <ul class="kn-guide-list">
                    {data.guides.into_iter().filter(|g| g.slug != current).map(|g| {
                        let path = Route::Guide(&g.slug).path();
                        view! {
                            <li class="kn-guide-list__item">
                                <a class="kn-guide-list__link" href=Route::Guide(&g.slug).href() inner_html=g.title></a>
                                {only_in_japanese(&path)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        </article>
    }
}
