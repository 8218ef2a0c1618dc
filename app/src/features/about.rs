//! `/about/`: what the site is, data sources and credits, licences, privacy — in every
//! reading (issue #22): the fixed text is the `[about]` section of the message catalogues;
//! the sources' own words (publishers, titles, years) stay as published.

use leptos::prelude::*;

use crate::components::page::{static_view, PageHeading};
use crate::data::AboutData;
use crate::i18n::{messages, published};

/// Shows the HTML the builder rendered with [`about`].
#[component]
pub fn AboutPage() -> impl IntoView {
    static_view()
}

/// The page body in the reading of the catalogue in context, rendered at build time.
pub fn about(data: AboutData) -> impl IntoView {
    let m = messages();
    let (open_data, documents): (Vec<_>, Vec<_>) = data.sources.into_iter().partition(|s| s.id.starts_with("wamnet-"));
    let documents: String = documents
        .iter()
        .filter(|s| s.id != "localgovjp")
        .map(|s| {
            let (publisher, title, year) = (published(&s.publisher), published(&s.title), published(&s.year));
            format!(
                "<li>{}</li>",
                m.html_with("about.document", &[("publisher", &publisher), ("title", &title), ("year", &year)])
            )
        })
        .collect();
    let open_data: String = open_data
        .iter()
        .map(|s| {
            let (title, year) = (published(&s.title), published(&s.year));
            format!("<li>{}</li>", m.html_with("about.data_file", &[("title", &title), ("year", &year)]))
        })
        .collect();
    let tiles = format!(
        r#"<a href="https://maps.gsi.go.jp/development/ichiran.html"{}>{}</a>"#,
        if crate::i18n::lang() == crate::i18n::Lang::En { r#" hreflang="ja""# } else { "" },
        m.html("about.tiles_link")
    );
    let h = |key: &str| m.html(key);
    view! {
        <article class="kn-about">
            <PageHeading title=h("about.title") lead=h("about.lead") markup=true/>
            <section class="kn-prose">
                <h2 inner_html=h("about.sources_title")></h2>
                <p inner_html=h("about.sources_text")></p>
                <ul inner_html=documents></ul>
                <h2 inner_html=h("about.wamnet_title")></h2>
                <p inner_html=h("about.wamnet_text")></p>
                <ul inner_html=open_data></ul>
                <p class="kn-about__credit" inner_html=h("about.wamnet_credit")></p>
                <h2 inner_html=h("about.map_title")></h2>
                <ul>
                    <li inner_html=h("about.localgov")></li>
                    <li inner_html=h("about.boundaries")></li>
                    <li inner_html=m.html_with("about.tiles", &[("link", &tiles)])></li>
                </ul>
                <h2 inner_html=h("about.privacy_title")></h2>
                <p inner_html=h("about.privacy_text")></p>
                <h2 inner_html=h("about.note_title")></h2>
                <p inner_html=h("about.note_text")></p>
            </section>
        </article>
    }
}
