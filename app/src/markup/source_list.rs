//! 「出典」: the documents a page's facts come from, a web page linked with the date it was read.

use leptos::prelude::*;

use crate::i18n::{t, tx};
use crate::model::Source;

#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    view! {
        <section class="kn-source-list" aria-labelledby="kn-sources-heading">
            <h2 id="kn-sources-heading" class="kn-source-list__title">{t("sources.title")}</h2>
            <ul class="kn-source-list__items">
                {sources
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li class="kn-source-list__item">
                                {s.publisher.clone()}"「"{match s.url.clone() {
                                    Some(u) => view! { <a class="kn-source-list__link" href=u rel="noopener noreferrer">{s.title.clone()}</a> }.into_any(),
                                    None => s.title.clone().into_any(),
                                }}"」（"{s.year.clone()}{s.read.clone().map(|r| format!("、{}", tx("sources.read").replace("{date}", &r)))}"）"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
