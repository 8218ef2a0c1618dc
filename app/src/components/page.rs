//! Renders the current route's data with a page's view, or a loading state while the data
//! of a client-side navigation arrives.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{use_page, PageData};
use crate::features::not_found::NotFoundPage;

/// `render` returns `None` when the data is not this page's kind (a stale or missing route).
pub fn page_view(render: fn(&PageData) -> Option<AnyView>) -> impl IntoView {
    let page = use_page();
    move || match page.get() {
        Some(data) => render(&data).unwrap_or_else(|| view! { <NotFoundPage/> }.into_any()),
        None => view! { <p class="kn-loading" role="status">"読み込んでいます…"</p> }.into_any(),
    }
}

/// A page rendered at build time: its HTML is inserted as it is.
pub fn static_view() -> impl IntoView {
    page_view(|d| match d {
        PageData::Static(p) => Some(view! { <div class="kn-static" inner_html=p.html.clone()></div> }.into_any()),
        _ => None,
    })
}

/// The page's heading with its lead text. `markup`: the two are escaped HTML (a catalogue's
/// or a guide's text, with ふりがな as `<ruby>`), not plain text.
#[component]
pub fn PageHeading(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
    #[prop(optional)] markup: bool,
) -> impl IntoView {
    let text = |s: String| if markup { s } else { crate::markup::html::esc(&s) };
    view! {
        <header class="kn-page-heading">
            <h1 class="kn-page-heading__title" inner_html=text(title)></h1>
            {lead.map(|l| view! { <p class="kn-page-heading__lead" inner_html=text(l)></p> })}
        </header>
    }
}

pub type Data = Arc<PageData>;
