//! 「出典」: the documents a page's facts come from.

use leptos::prelude::*;

use crate::model::Source;

#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    view! {
        <section class="kn-source-list" aria-labelledby="kn-sources-heading">
            <h2 id="kn-sources-heading" class="kn-source-list__title">"出典"</h2>
            <ul class="kn-source-list__items">
                {sources
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li class="kn-source-list__item">
                                {s.publisher}"「"{s.title}"」（"{s.year}"）"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
